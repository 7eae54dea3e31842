"""Layout conventions of Chinese exam papers, one small paper each (the importer's spec beyond
the samples). Each case is input text and the questions a careful reader finds in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from importers.pipeline import parse_document
from importers.pipeline.dotted_numbers import count_dotted
from importers.pipeline.model import Line
from importers.pipeline.parse import parse_lines
from importers.pipeline.read import read_lines
from importers.pipeline.survey import parse_survey
from tests.importers.docx_factory import to_bytes

CORPUS_PAPERS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus" / "papers"


def parse(text: str) -> list[dict[str, object]]:
    lines = [Line(text=t, lineno=i) for i, t in enumerate(text.strip("\n").splitlines(), 1)]
    return [q.as_json("case.txt", i) for i, q in enumerate(parse_lines("case.txt", lines).questions, 1)]


def parse_markdown(text: str) -> list[dict[str, object]]:
    return [
        q.as_json("case.md", i) for i, q in enumerate(parse_document("case.md", text.encode()).questions, 1)
    ]


def options_of(q: dict[str, object]) -> list[str]:
    options = q["options"]
    assert isinstance(options, list)
    return options


def brief(q: dict[str, object]) -> tuple[object, ...]:
    return (q["type"], q["stem"], q["options"], q["answer"])


CASES = {
    "one per line, inline answers": (
        "一、单项选择题\n1. 客户关系管理的核心是?\nA. 产品\nB. 客户\nC. 价格\nD. 渠道\n答案:B\n"
        "2. 以下哪项不是渠道?\nA. 电话\nB. 邮件\nC. 会议\nD. 网站\n答案:C",
        [
            ("single", "客户关系管理的核心是?", ["产品", "客户", "价格", "渠道"], "B"),
            ("single", "以下哪项不是渠道?", ["电话", "邮件", "会议", "网站"], "C"),
        ],
    ),
    "glued on one line": (
        "二、多项选择题1. 哪些是渠道?A. 电话B. 邮件C. 会议D. 网站答案:A, B, D2. 哪些是目标?A. 满意B. 忠诚C. 流失答案:AB",
        [
            ("multiple", "哪些是渠道?", ["电话", "邮件", "会议", "网站"], "ABD"),
            ("multiple", "哪些是目标?", ["满意", "忠诚", "流失"], "AB"),
        ],
    ),
    "numbering 1、 1． 第1题 (1) and tab": (
        "1、甲是什么?\n答案:甲\n2．乙是什么?\n答案:乙\n第3题 丙是什么?\n答案:丙\n(4)丁是什么?\n答案:丁\n5\t戊是什么?\n答案:戊",
        [
            ("short", "甲是什么?", [], "甲"),
            ("short", "乙是什么?", [], "乙"),
            ("short", "丙是什么?", [], "丙"),
            ("short", "丁是什么?", [], "丁"),
            ("short", "戊是什么?", [], "戊"),
        ],
    ),
    "option labels (A) and circled, several per line": (
        "1. 服务的核心是( )。\n(A)态度 (B)知识\n(C)技巧 (D)微笑\n答案:A\n"
        "2. 服务补救第一步是( )。 ①致歉 ②分析 ③补偿 ④记录\n答案:A",
        [
            ("single", "服务的核心是( )。", ["态度", "知识", "技巧", "微笑"], "A"),
            ("single", "服务补救第一步是( )。", ["致歉", "分析", "补偿", "记录"], "A"),
        ],
    ),
    "full-width labels and punctuation folded": (
        "１．客户满意的关键是？\nＡ．质量\nＢ．价格\n答案：Ａ",
        [("single", "客户满意的关键是?", ["质量", "价格"], "A")],
    ),
    "【答案】【解析】 and 参考答案:": (
        "1. 首问负责制指什么?A.第一位接待者负责到底B.经理负责【答案】A【解析】首位接待者负责跟进。\n"
        "2. 投诉处理的第一步是?A.倾听B.辩解参考答案:A",
        [
            ("single", "首问负责制指什么?", ["第一位接待者负责到底", "经理负责"], "A"),
            ("single", "投诉处理的第一步是?", ["倾听", "辩解"], "A"),
        ],
    ),
    "answer inside the stem's blank": (
        "1. 客户投诉的总负责人是( B )。\nA. 前台\nB. 客服经理\nC. 总经理",
        [("single", "客户投诉的总负责人是( )。", ["前台", "客服经理", "总经理"], "B")],
    ),
    "answer printed before the stem": (
        "1. (3) 下列属于售后服务的是 ①广告 ②赞助 ③维修 ④促销",
        [("single", "下列属于售后服务的是", ["广告", "赞助", "维修", "促销"], "C")],
    ),
    "learning-platform export: 我的答案 then 正确答案": (
        "1. 服务的本质是( )\nA. 产品\nB. 体验\n我的答案:A 正确答案:B",
        [("single", "服务的本质是( )", ["产品", "体验"], "B")],
    ),
    "true/false spellings": (
        "三、判断题\n1. 客户永远是对的。(√)\n2. 投诉都是恶意的。(×)\n3. 回访要及时。\n答案:对\n4. 服务可以敷衍。答案:错误\n"
        "5. 满意度要测量。✔\n6. 可以与客户争辩。❌",
        [
            ("truefalse", "客户永远是对的。", [], True),
            ("truefalse", "投诉都是恶意的。", [], False),
            ("truefalse", "回访要及时。", [], True),
            ("truefalse", "服务可以敷衍。", [], False),
            ("truefalse", "满意度要测量。", [], True),
            ("truefalse", "可以与客户争辩。", [], False),
        ],
    ),
    "true/false as options A.正确 B.错误": (
        "1. 客户满意度可以测量。\nA.正确 B.错误\n答案:A",
        [("truefalse", "客户满意度可以测量。", [], True)],
    ),
    "fill answers inline, in brackets, with alternatives": (
        "二、填空题\n1. 客户关系管理的核心是____。\n答案:客户/顾客\n"
        "2. CRM的全称是(客户关系管理)。\n3. 服务的三要素是____、____和____。答案:态度;知识;技巧",
        [
            ("fill", "客户关系管理的核心是____。", [], ["客户|顾客"]),
            ("fill", "CRM的全称是____。", [], ["客户关系管理"]),
            ("fill", "服务的三要素是____、____和____。", [], ["态度", "知识", "技巧"]),
        ],
    ),
    "positional key at the end": (
        "一、单选题\n1. 甲?\nA.a B.b\n2. 乙?\nA.a B.b\n3. 丙?\nA.a B.b C.c\n二、判断题\n1. 丁。\n2. 戊。\n"
        "参考答案\n一、单选题 1-3 ABC\n二、判断题 √ ×",
        [
            ("single", "甲?", ["a", "b"], "A"),
            ("single", "乙?", ["a", "b"], "B"),
            ("single", "丙?", ["a", "b", "c"], "C"),
            ("truefalse", "丁。", [], True),
            ("truefalse", "戊。", [], False),
        ],
    ),
    "key without section headings": (
        "1. 甲?\nA.a\nB.b\n2. 乙?\nA.a\nB.b\n参考答案\n1.B 2.A",
        [("single", "甲?", ["a", "b"], "B"), ("single", "乙?", ["a", "b"], "A")],
    ),
    "名词解释 term: definition": (
        "一、名词解释\n1. 客户挽留:对将要流失的客户采取措施。\n2. 商业智能",
        [("short", "客户挽留", [], "对将要流失的客户采取措施。"), ("short", "商业智能", [], None)],
    ),
    "简答 with the answer on following lines": (
        "三、简答题\n1. 简述投诉处理的步骤。\n倾听并致歉;\n提出方案。\n2. 什么是首问负责制?",
        [
            ("short", "简述投诉处理的步骤。", [], "倾听并致歉;\n提出方案。"),
            ("short", "什么是首问负责制?", [], None),
        ],
    ),
    "case study with shared material": (
        "四、案例分析题\n某客户投诉空调不制冷,客服推诿。\n问题:1.分析客服的错误。2.提出改进方案。\n"
        "参考答案:1.推诿。2.首问负责。",
        [("short", "分析客服的错误。", [], "推诿。"), ("short", "提出改进方案。", [], "首问负责。")],
    ),
    "page furniture, stray pinyin and Kangxi radicals dropped": (
        "售后服務(wù)试题_第1页\n第1页 / 共20页\n下载本文档\n1. 服務(wù)⼀致性是什么?\n答案:⼀致",
        [("short", "服務一致性是什么?", [], "一致")],
    ),
    "numbered prose under a heading that asks nothing": (
        "一、客户关系管理的重要性\n1、提高客户满意度。客户在购买汽车后期望很高。\n2、增强客户忠诚度。\n"
        "二、单选题\n1. 核心是?\nA.客户 B.产品\n答案:A",
        [("single", "核心是?", ["客户", "产品"], "A")],
    ),
    "numbered parts asking under a heading that states are questions, their lines below the answer": (
        "三、下面的程序是教材程序清单4-7中遍历目录树的函数\n"
        "（1）dopath函数返回值的意义是什么？\n返回0则继续递归。\n（2）遍历的次序是深度优先吗？\n是，先处理当前目录。",
        [
            ("short", "dopath函数返回值的意义是什么?", [], "返回0则继续递归。"),
            ("short", "遍历的次序是深度优先吗?", [], "是,先处理当前目录。"),
        ],
    ),
    "an answer set out in numbered statements under the question stays its answer": (
        "5.细菌群体生长繁殖可分为几个期？简述各期特点。分3个时期：\n（1）迟缓期：细菌对新的环境有一个适应过程。\n"
        "（2）对数期：此期细菌大量繁殖。\n（3）稳定期：该期细菌总数处于稳定状态。\n"
        "6.一台电动机，额定功率10kW。试求该电机的：\n(1)额定负载时的输出转矩。\n(2)额定负载时的效率。\n"
        "7.简述细菌生长繁殖的条件。",
        [
            (
                "short",
                "细菌群体生长繁殖可分为几个期?简述各期特点。分3个时期:",
                [],
                "(1)迟缓期:细菌对新的环境有一个适应过程。\n(2)对数期:此期细菌大量繁殖。\n(3)稳定期:该期细菌总数处于稳定状态。",
            ),
            # (what a problem asks for: parts, its givens their material)
            ("short", "额定负载时的输出转矩。", [], None),
            ("short", "额定负载时的效率。", [], None),
            ("short", "简述细菌生长繁殖的条件。", [], None),
        ],
    ),
    "a question set in bold before a colon, its answer on the lines below": (
        "9. **MAC 地址等于物理地址等于硬件地址，几个比特**：\n48 比特（bit）。\n"
        "10. **流量控制的作用**：\n使接收方来得及接收。\n窗口为零时暂停发送。",
        [
            ("short", "MAC 地址等于物理地址等于硬件地址,几个比特", [], "48 比特(bit)。"),
            ("short", "流量控制的作用", [], "使接收方来得及接收。\n窗口为零时暂停发送。"),
        ],
    ),
    "a part named after a key is a part of its own, not the key of a lone unnumbered question": (
        "四、分析与计算题\n请同学们不要将资料带入考场！\n填空题\n第一章\n（1）数据挖掘的步骤包括____。\n答案：\n（1）数据清理\n"
        "问答题\n1.何谓数据挖掘？\n从大量数据中提取知识。\n2.何谓数据仓库？\n面向主题的数据集合。",
        [
            ("short", "请同学们不要将资料带入考场!", [], None),
            ("fill", "数据挖掘的步骤包括____。", [], ["数据清理"]),
            ("short", "何谓数据挖掘?", [], "从大量数据中提取知识。"),
            ("short", "何谓数据仓库?", [], "面向主题的数据集合。"),
        ],
    ),
    "a judgement's mark right after the statement, then why": (
        "三、判断题\n9. 寄存器间接寻址方式，操作数是在某一寄存器中。×寄存器间接寻址属于存储器寻址\n"
        "10. 立即数寻址只会出现在源操作数中。√\n11. 指令 mov [si],[di] 是错误的。 √ 不存在这种传送组合",
        [
            ("truefalse", "寄存器间接寻址方式,操作数是在某一寄存器中。", [], False),
            ("truefalse", "立即数寻址只会出现在源操作数中。", [], True),
            ("truefalse", "指令 mov [si],[di] 是错误的。", [], True),
        ],
    ),
    "Markdown-style exam": (
        "## 一、单选题\n\n1. **核心**是?\n\n- A. 客户\n- B. 产品\n\n答案:A",
        [("single", "**核心**是?", ["客户", "产品"], "A")],
    ),
    "headings without a numeral": (
        "单项选择题(每题2分)\n1. 甲?\nA.a\nB.b\n答案:A\n判断题:\n1. 乙。\n答案:对",
        [("single", "甲?", ["a", "b"], "A"), ("truefalse", "乙。", [], True)],
    ),
    "platform metadata is not part of any field": (
        "1. 甲?\nA.a\nB.b\n答案:B\n难度:中\n解析:因为b。\n知识点:第一章",
        [("single", "甲?", ["a", "b"], "B")],
    ),
    "compact key pairs 1A 2B": (
        "1. 甲?\nA.a B.b\n2. 乙?\nA.a B.b\n答案\n1A 2B",
        [("single", "甲?", ["a", "b"], "A"), ("single", "乙?", ["a", "b"], "B")],
    ),
    "answer-sheet table rows": (
        "1. 甲?\nA.a B.b\n2. 乙?\nA.a B.b\n题号\t1\t2\n答案\tB\tA",
        [("single", "甲?", ["a", "b"], "B"), ("single", "乙?", ["a", "b"], "A")],
    ),
    "an empty answer sheet above the questions starts no key": (
        "一、单项选择题\n注:请将答案填写在下表中\n题号\t1\t2\n答案\t\t\n\n1. 甲?\nA.a\nB.b\n答案:B\n"
        "2. 乙?\nA.a\nB.b\n答案:A",
        [("single", "甲?", ["a", "b"], "B"), ("single", "乙?", ["a", "b"], "A")],
    ),
    "a key printed as the appendix (附录：答案及评分标准), per section": (
        "一、单选题\n1. 甲?\nA.a B.b\n2. 乙?\nA.a B.b\n二、判断题\n1. 服务要及时。（ ）\n"
        "附录：答案及评分标准\n一、单选题\n1．（B）2．（A）\n二、判断题\n1．对",
        [
            ("single", "甲?", ["a", "b"], "B"),
            ("single", "乙?", ["a", "b"], "A"),
            ("truefalse", "服务要及时。( )", [], True),
        ],
    ),
    "a key titled 附：参考答案": (
        "1. 甲?\nA.a B.b\n2. 乙?\nA.a B.b\n附：参考答案\n1. B 2. A",
        [("single", "甲?", ["a", "b"], "B"), ("single", "乙?", ["a", "b"], "A")],
    ),
    "a part heading ending with a full stop, its open questions' points below them": (
        "三、简答题，每题5分，共30分。\n1．投诉处理的原则有哪些？\n（1）首问负责。\n（2）限时办结。\n\n"
        "2．电话礼仪的要点有哪些？\n（1）三声内接听\n（2）先问好",
        [
            ("short", "投诉处理的原则有哪些?", [], "(1)首问负责。\n(2)限时办结。"),
            ("short", "电话礼仪的要点有哪些?", [], "(1)三声内接听\n(2)先问好"),
        ],
    ),
    "a bulleted option list flattened onto one line ('- A. 是 - B. 否')": (
        "第 1 题 [判断题]\n题目: 服务要及时。\n选项:\n- A. 是 - B. 否\n正确答案: A\n\n"
        "第 2 题 [单选题]\n题目: 客户是（）。\n选项:\n- A. 上帝 - B. 对手 - C. 路人\n正确答案: A",
        [("truefalse", "服务要及时。", [], True), ("single", "客户是()。", ["上帝", "对手", "路人"], "A")],
    ),
    "a platform's per-blank answers '空 1：' listed under 正确答案": (
        "第 1 题 [填空题]\n题目: 全面深化改革的总目标是1、2。\n正确答案:\n- 空 1：完善制度\n- 空 2：推进现代化\n\n"
        "第 2 题 [填空题]\n题目: 最本质的特征是1。\n正确答案:\n- 空 1\ue092党的领导",
        [
            ("fill", "全面深化改革的总目标是1、2。", [], ["完善制度", "推进现代化"]),
            ("fill", "最本质的特征是1。", [], ["党的领导"]),
        ],
    ),
    "numbered notices under 请考生注意： are no questions": (
        "请考生注意：\n1.答案请写在答题纸上。\n2.考试完毕，请将试卷交给监考老师。\n一、单选题\n1. 甲?\nA.a\nB.b\n答案:B",
        [("single", "甲?", ["a", "b"], "B")],
    ),
    "a national exam's rules for the answer sheet, then its questions numbered from 1 with no part heading": (
        "请按下述要求正确填写答题卡\n1.在答题卡上写入你的姓名和准考证号。\n2.本试卷共有75个空格，满分75分。\n"
        "1.客户是（1）\nA.上帝\nB.对手\n2.服务要（2）\nA.及时\nB.拖延",
        [("single", "客户是(1)", ["上帝", "对手"], None), ("single", "服务要(2)", ["及时", "拖延"], None)],
    ),
    "a paper's notices, then questions numbered anew with no part heading, even ones that ask nothing": (
        "注意事项：\n1. 请考生在装订线内填写姓名。\n2. 满分 100 分，考试时间为 120 分钟。\n"
        "1.下列说法正确的是（ ）。\nA.多用继承\nB.多用组合\n2.用类图描述适配器模式。",
        [
            ("single", "下列说法正确的是( )。", ["多用继承", "多用组合"], None),
            ("short", "用类图描述适配器模式。", [], None),
        ],
    ),
    "records of labelled fields with nothing numbered, the options after a label on one line": (
        "题目：客户投诉的首要原则是什么？\n选项：A.耐心倾听 B.推诿责任 C.争辩\n答案：A\n"
        "题目：服务的核心是？\n选项：A.价格 B.客户\n答案：B",
        [
            ("single", "客户投诉的首要原则是什么?", ["耐心倾听", "推诿责任", "争辩"], "A"),
            ("single", "服务的核心是?", ["价格", "客户"], "B"),
        ],
    ),
    "'参考答案：' alone under an open question, its points bracketed under it, is its answer, no key": (
        "简答题\n1. 投诉处理的原则？\n参考答案：\n（1）首问负责。\n（2）限时办结。\n2. 电话礼仪要点？\n参考答案：三声内接听。",
        [
            ("short", "投诉处理的原则?", [], "(1)首问负责。\n(2)限时办结。"),
            ("short", "电话礼仪要点?", [], "三声内接听。"),
        ],
    ),
    "'答案：' alone under a part's first open question, its points numbered as questions are": (
        "简答题\n1. 投诉处理的原则？\n答案：\n1、首问负责\n2、限时办结\n2. 电话礼仪要点？\n答案：三声内接听",
        [
            ("short", "投诉处理的原则?", [], "1、首问负责\n2、限时办结"),
            ("short", "电话礼仪要点?", [], "三声内接听"),
        ],
    ),
    "a case's questions labelled 问题1, 问题2 under one reference answer numbered 1. 2.": (
        "案例分析\n某客户投诉宽带故障三次未修复。\n问题1：客服错在哪里？\n问题2：如何改进？\n"
        "参考答案：\n1. 没有首问负责。\n2. 建立跟进机制。",
        [("short", "客服错在哪里?", [], "没有首问负责。"), ("short", "如何改进?", [], "建立跟进机制。")],
    ),
    "an option wrapped at the page's width, its rest before the next letter's label": (
        "1. 客户情绪激动时，客服第一步应该（ ）\nA. 安抚客户情绪，耐心倾听客户的诉求并做好详细记录 B. 直接\n"
        "挂断电话 C. 转给同事\n答案：A\n2. 下列说法正确的是（ ）\nA. 客户服务是企业与客户之间长期的、双向的、持续的\n"
        "互动过程\nB. 只是售后的事\n答案：A\n3. 服务要（ ）\nA. 是\n第 1 页\nB. 否\n答案：A",
        [
            (
                "single",
                "客户情绪激动时,客服第一步应该( )",
                ["安抚客户情绪,耐心倾听客户的诉求并做好详细记录", "直接挂断电话", "转给同事"],
                "A",
            ),
            (
                "single",
                "下列说法正确的是( )",
                ["客户服务是企业与客户之间长期的、双向的、持续的互动过程", "只是售后的事"],
                "A",
            ),
            ("truefalse", "服务要( )", [], True),  # (a page's header under a short option is none of it)
        ],
    ),
    "a choice part's short stems that ask over options printed without letters": (
        "一、选择题\n1、关系模型中，一个关键字是\n可由多个任意属性组成\n至多由一个属性组成\n以上都不是\n"
        "2、客户投诉的首要原则\n是耐心倾听\nA.对\nB.错",
        [
            (
                "single",
                "关系模型中,一个关键字是",
                ["可由多个任意属性组成", "至多由一个属性组成", "以上都不是"],
                None,
            ),
            ("truefalse", "客户投诉的首要原则是耐心倾听", [], None),  # (a stem that asked nothing goes on)
        ],
    ),
    "a key of the paper's parts on one line, each part's numeral before its entries": (
        "一、单选题\n1. 客户是（ ）\nA.上帝\nB.对手\n二、多选题\n1. 渠道有（ ）\nA.电话\nB.网站\nC.会议\n"
        "答案：一、1.A 二、1.AB\n",
        [
            ("single", "客户是( )", ["上帝", "对手"], "A"),
            ("multiple", "渠道有( )", ["电话", "网站", "会议"], "AB"),
        ],
    ),
    "a key's next part named along the line": (
        "一、单选题\n1. 客户是（ ）\nA.上帝\nB.对手\n二、多选题\n1. 渠道有（ ）\nA.电话\nB.网站\nC.会议\n"
        "参考答案\n一、1.A 二、1.AB\n",
        [
            ("single", "客户是( )", ["上帝", "对手"], "A"),
            ("multiple", "渠道有( )", ["电话", "网站", "会议"], "AB"),
        ],
    ),
    "OCR's 8 for B glued to its text among options whose labels lost their stops": (
        "3/473单选题\n客户投诉的首要原则是什么\nA耐心倾听\n8推诿责任\nC争辩\n正确答案：A\n",
        [("single", "客户投诉的首要原则是什么", ["耐心倾听", "推诿责任", "争辩"], "A")],
    ),
    "a fill part's blanks of full-width spaces, keyed at the end, shown as blanks": (
        "二、填空题\n1. 客户服务的核心是　　　　　。\n2. 投诉处理要　　　　和　　　　。\n参考答案\n1. 客户满意\n2. 及时；热情",
        [
            ("fill", "客户服务的核心是____。", [], ["客户满意"]),
            ("fill", "投诉处理要____和____。", [], ["及时", "热情"]),
        ],
    ),
    "keys typed straight after the stems, throughout a paper": (
        "1.繁殖最慢的细菌是E\n  A.甲  B.乙  C.丙  D.丁  E.戊\n2.合成代谢产物不包括B\n  A.色素  B.维生素  C.毒素\n"
        "3.去除热原质最好的方法是A\n  A.蒸馏  B.过滤\n4.致病的细菌大多是AC\n  A.需氧菌  B.厌氧菌  C.兼性菌",
        [
            ("single", "繁殖最慢的细菌是", ["甲", "乙", "丙", "丁", "戊"], "E"),
            ("single", "合成代谢产物不包括", ["色素", "维生素", "毒素"], "B"),
            ("single", "去除热原质最好的方法是", ["蒸馏", "过滤"], "A"),
            ("multiple", "致病的细菌大多是", ["需氧菌", "厌氧菌", "兼性菌"], "AC"),
        ],
    ),
    "keys typed after the stems' colons, throughout a paper": (
        "1.下列关于政体的表述正确的是：D\nA.甲\nB.乙\nC.丙\nD.丁\n2.关于平等权，下列说法错误的是：C\nA.甲\nB.乙\nC.丙\n"
        "3.下列观点正确的是：B\nA.甲\nB.乙\n",
        [
            ("single", "下列关于政体的表述正确的是:", ["甲", "乙", "丙", "丁"], "D"),
            ("single", "关于平等权,下列说法错误的是:", ["甲", "乙", "丙"], "C"),
            ("single", "下列观点正确的是:", ["甲", "乙"], "B"),
        ],
    ),
    "a stem ending in a name is no key where the paper types no keys so": (
        "1.坏血病是因为缺乏维生素C\nA.是\nB.否\nC.不确定\n2.客户是( )\nA.上帝\nB.对手\n3.服务要( )\nA.及时\nB.拖延",
        [
            ("single", "坏血病是因为缺乏维生素C", ["是", "否", "不确定"], None),
            ("single", "客户是( )", ["上帝", "对手"], None),
            ("single", "服务要( )", ["及时", "拖延"], None),
        ],
    ),
    "a part titled with its answers ('四、问答题答案') holds questions answered point by point": (
        "一、填空题\n1. 客户是____。\n四、问答题答案\n1.简述细菌生长繁殖的条件。\n（1）充足的营养。（2）适宜的酸碱度。\n\n"
        "2. 简述厌氧菌厌氧原理\n（1）缺乏呼吸酶系统。\n（2）缺乏超氧歧化酶。\n\n"
        "3.细菌特殊结构的生物学意义。\n(1) 荚膜：是细菌的毒力因素。\n(2) 鞭毛：与致病性有关。",
        [
            ("fill", "客户是____。", [], None),
            ("short", "简述细菌生长繁殖的条件。", [], "(1)充足的营养。(2)适宜的酸碱度。"),
            ("short", "简述厌氧菌厌氧原理", [], "(1)缺乏呼吸酶系统。\n(2)缺乏超氧歧化酶。"),
            (
                "short",
                "细菌特殊结构的生物学意义。",
                [],
                "(1) 荚膜:是细菌的毒力因素。\n(2) 鞭毛:与致病性有关。",
            ),
        ],
    ),
    "a part titled '选择题答案' after the 选择题 part is its key": (
        "一、选择题\n1. 客户是?\nA.上帝 B.对手\n2. 服务要?\nA.及时 B.拖延\n二、选择题答案\n1. A 2. A\n"
        "三、问答题\n1. 简述服务的原则。\n问答题答案\n1. 首问负责。",
        [
            ("single", "客户是?", ["上帝", "对手"], "A"),
            ("single", "服务要?", ["及时", "拖延"], "A"),
            ("short", "简述服务的原则。", [], "首问负责。"),
        ],
    ),
    "an answer's points numbered '1，' '2，' after 答：": (
        "四、问答题\n1.试比较甲与乙的区别?\n答：1，甲是客户。\n2，乙是对手。\n\n2.服务的原则是什么?\n答：及时。",
        [
            ("short", "试比较甲与乙的区别?", [], "1,甲是客户。\n2,乙是对手。"),
            ("short", "服务的原则是什么?", [], "及时。"),
        ],
    ),
    "答案 alone on its line, the answer on the next": (
        "1. 客户是（  ）\nA.上帝 B.对手\n答案\nA\n2. 服务要（ ）\nA.及时 B.拖延\n答案\nA\n3. 要微笑。\n答案\n对",
        [
            ("single", "客户是(  )", ["上帝", "对手"], "A"),
            ("single", "服务要( )", ["及时", "拖延"], "A"),
            ("truefalse", "要微笑。", [], True),
        ],
    ),
    "a multiple-choice key separated by semicolons": (
        "二、多选题\n1. 渠道有（ ）\nA.电话 B.邮件 C.信件\n答案：A;B;C",
        [("multiple", "渠道有( )", ["电话", "邮件", "信件"], "ABC")],
    ),
    "each part's key on one line, titled by its type word": (
        "一、单选题\n1. 甲?\nA.a B.b\n2. 乙?\nA.a B.b\n3. 丙?\nA.a B.b\n二、判断题\n1. 服务要及时。\n2. 可以争辩。\n"
        "单选题答案：1.A 2.B 3.A\n判断题答案：1.对 2.错",
        [
            ("single", "甲?", ["a", "b"], "A"),
            ("single", "乙?", ["a", "b"], "B"),
            ("single", "丙?", ["a", "b"], "A"),
            ("truefalse", "服务要及时。", [], True),
            ("truefalse", "可以争辩。", [], False),
        ],
    ),
    "a key part naming each part by its type word, letters in order": (
        "一、单选题\n1. 甲?\nA.a B.b\n2. 乙?\nA.a B.b\n3. 丙?\nA.a B.b\n二、判断题\n1. 服务要及时。\n2. 可以争辩。\n"
        "参考答案\n选择题：BAB\n判断题：√×",
        [
            ("single", "甲?", ["a", "b"], "B"),
            ("single", "乙?", ["a", "b"], "A"),
            ("single", "丙?", ["a", "b"], "B"),
            ("truefalse", "服务要及时。", [], True),
            ("truefalse", "可以争辩。", [], False),
        ],
    ),
    "the key in lenticular brackets in the stem ('客户是【A】')": (
        "1. 客户是【A】\nA.上帝 B.对手\n2. 渠道有【AB】\nA.电话 B.邮件 C.信件",
        [
            ("single", "客户是( )", ["上帝", "对手"], "A"),
            ("multiple", "渠道有( )", ["电话", "邮件", "信件"], "AB"),
        ],
    ),
    "option labels that lost their punctuation ('A上帝 B对手', 'A上帝B对手C路人')": (
        "1. 客户是？\nA上帝 B对手 C路人 D朋友\n答案：A\n2. 服务要？\nA及时B拖延C推诿\n答案：A",
        [
            ("single", "客户是?", ["上帝", "对手", "路人", "朋友"], "A"),
            ("single", "服务要?", ["及时", "拖延", "推诿"], "A"),
        ],
    ),
    "OCR's 8 for B in the middle of a line of options": (
        "1. 客户是？\nA.上帝 8.对手 C.路人\n答案：A",
        [("single", "客户是?", ["上帝", "对手", "路人"], "A")],
    ),
    "an English sentence opening with the article A is no option": (
        "1. What are milestones? Describe.\nA project milestone is a way to observe and measure progress.\n"
        "2. What is scope?\nThe work of the project.",
        [
            (
                "short",
                "What are milestones? Describe.",
                [],
                "A project milestone is a way to observe and measure progress.",
            ),
            ("short", "What is scope?", [], "The work of the project."),
        ],
    ),
    "a line read into no field stays in the stem, never dropped": (
        "1. 服务要？\nA及时B拖延\n答案：A\n2. 客户是？\nA.上帝 朋友\n答案：A",
        [("short", "服务要?\nA及时B拖延", [], "A"), ("short", "客户是?\n上帝 朋友", [], "A")],
    ),
    "options separated by '；', blanks answered '1、… 2、…', a key '答案 A' without its colon": (
        "1. 客户是？A.上帝；B.对手；C.路人\n答案 A\n二、填空题\n2. 服务要____和____。\n答案：1、及时 2、热情",
        [
            ("single", "客户是?", ["上帝", "对手", "路人"], "A"),
            ("fill", "服务要____和____。", [], ["及时", "热情"]),
        ],
    ),
    "problems whose data follow their colon, a drawing part, a part's rules, a task after a colon": (
        "一、计算题\n某同学用游标卡尺测量一个金属圆筒的内外径，得到的测量结果如下：\n外径D2：\n次数\t1\t2\n"
        "测量值\t4.150\t4.152\n测得质量M=1.082 kg，求圆筒的转动惯量。\n三、绘图题（3分）\n"
        "某一个实验中，一位同学测得钢丝的伸长量与所施加的拉力有如下表的数据：\n拉力/kg\t0.00\t0.50\n"
        "请在坐标纸上绘出关系曲线。\n四、问答题（24分）\n本题共16小题，选做其中的8题，每题3分。\n"
        "1. 实验教材有下列关系式：（1）E=F/A  （2）A=πd2  ，说明（1）式的含义。\n2. 何谓弹簧振子？",
        [
            (
                "short",
                "某同学用游标卡尺测量一个金属圆筒的内外径,得到的测量结果如下:\n外径D2:\n次数\t1\t2\n"
                "测量值\t4.150\t4.152\n测得质量M=1.082 kg,求圆筒的转动惯量。",
                [],
                None,
            ),
            (
                "short",
                "某一个实验中,一位同学测得钢丝的伸长量与所施加的拉力有如下表的数据:\n拉力/kg\t0.00\t0.50\n"
                "请在坐标纸上绘出关系曲线。",
                [],
                None,
            ),
            ("short", "实验教材有下列关系式:(1)E=F/A  (2)A=πd2  ,说明(1)式的含义。", [], None),
            ("short", "何谓弹簧振子?", [], None),
        ],
    ),
    "keys typed '答案选C' under the options": (
        "1. 客户是\nA、上帝\nB、对手\n答案选A\n2. 下列哪些是渠道(复选题)\nA、电话\nB、邮件\nC、会议\n答案选择AB",
        [
            ("single", "客户是", ["上帝", "对手"], "A"),
            ("multiple", "下列哪些是渠道(复选题)", ["电话", "邮件", "会议"], "AB"),
        ],
    ),
    "statements under no heading with their answers typed into blanks of spaces": (
        "1.无源四端网络的噪声系数等于它的  衰减值  。\n2.解调是  调制  的逆过程。\n"
        "3.客户服务的核心是什么？\n答：满意。\n4.服务 质量  要高吗？",
        [
            ("fill", "无源四端网络的噪声系数等于它的____。", [], ["衰减值"]),
            ("fill", "解调是____的逆过程。", [], ["调制"]),
            ("short", "客户服务的核心是什么?", [], "满意。"),
            ("short", "服务 质量  要高吗?", [], None),
        ],
    ),
    "a numbered outline of topics under '重要知识点' is notes, the exercises after it questions": (
        "第三章 弘扬中国精神\n重要知识点\n1.中国精神的丰富内涵\n2.总体国家安全观\n练习题\n一、选择题\n"
        "1、（  ）是兴国之魂。\nA、中国精神\nB、文化\n答案：A",
        [("single", "(  )是兴国之魂。", ["中国精神", "文化"], "A")],
    ),
    "field labels in brackets '【问题】…【答案】', and a label straight after the number": (
        "【问题】什么是首问负责制？\n【答案】第一位接待者负责到底。\n【问题】投诉如何处理？\n【答案】先道歉再处理。\n"
        "1.【题干】客户是什么？\nA.上帝\nB.对手\n【答案】A\n2. 题目：服务是什么？\nA.产品\nB.态度\n答案：B",
        [
            ("short", "什么是首问负责制?", [], "第一位接待者负责到底。"),
            ("short", "投诉如何处理?", [], "先道歉再处理。"),
            ("single", "客户是什么?", ["上帝", "对手"], "A"),
            ("single", "服务是什么?", ["产品", "态度"], "B"),
        ],
    ),
    "an unanswered question goes on below: code under a blank, blanks under its first line": (
        "二、填空题\n1、下面程序段的时间复杂度是____。\nfor (i = 0; i < n; i ++)\nsum += i;\n得  分\n评分人\n"
        "三、简答题\n2、有AVL树如下，依次插入20、21。\n结点20的左孩子为____，右孩子为____。\n"
        "3、简述__init__的作用。\n答：初始化对象。\n4、代码跳到 *&__tmp.a 为何能执行？\n答：它是偏移量。\n"
        "四、填空题\n5、E1载波的传输速率为_______Mb/s。",
        [
            ("fill", "下面程序段的时间复杂度是____。\nfor (i = 0; i < n; i ++)\nsum += i;", [], None),
            ("fill", "有AVL树如下,依次插入20、21。\n结点20的左孩子为____,右孩子为____。", [], None),
            ("short", "简述__init__的作用。", [], "初始化对象。"),
            ("short", "代码跳到 *&__tmp.a 为何能执行?", [], "它是偏移量。"),
            ("fill", "E1载波的传输速率为_______Mb/s。", [], None),
        ],
    ),
    "an answer's points under a question worth '（5分）', and points naming a topic ('需求分析的任务')": (
        "二、简答题\n3、简述数据库管理系统的主要功能。（5分）\n主要功能包括：\n（1）数据定义功能\n（2）数据操纵功能\n"
        "4. 数据库设计分为哪几个阶段？（5分）\n可分为六个阶段。\n（1）需求分析的任务\n调查需求。\n"
        "（2）概念结构设计阶段：形成概念模型。",
        [
            (
                "short",
                "简述数据库管理系统的主要功能。",
                [],
                "主要功能包括:\n(1)数据定义功能\n(2)数据操纵功能",
            ),
            (
                "short",
                "数据库设计分为哪几个阶段?",
                [],
                "可分为六个阶段。\n(1)需求分析的任务\n调查需求。\n(2)概念结构设计阶段:形成概念模型。",
            ),
        ],
    ),
    "an answer's numbered points that use a word that can ask ('分析', '相结合')": (
        "三、简答题\n1. 变更控制有哪些问题？\n答：\n1、对用户的要求未进行记录。\n2、对变更请求未进行足够的分析。\n"
        "3、未与版本管理相结合。\n2. 简述变更流程。\n答：提出、评估、实施。",
        [
            (
                "short",
                "变更控制有哪些问题?",
                [],
                "1、对用户的要求未进行记录。\n2、对变更请求未进行足够的分析。\n3、未与版本管理相结合。",
            ),
            ("short", "简述变更流程。", [], "提出、评估、实施。"),
        ],
    ),
    "a question that names its parts below ('下列算法') gives each part, its text their material": (
        "四、综合题\n3、假定磁盘有200个柱面，当前在100号柱面。试问：下列算法存取臂移动的总量是多少？\n"
        "（ 1） 先来先服务算法 FCFS\n（2）扫描算法 SCAN\n4、什么是死锁？\n答：互相等待。",
        [
            ("short", "先来先服务算法 FCFS", [], None),
            ("short", "扫描算法 SCAN", [], None),
            ("short", "什么是死锁?", [], "互相等待。"),
        ],
    ),
    "a key for a question read as its parts: '(1)…(2)…' answers each, a whole answer rejoins them": (
        "四、综合题\n1、什么是死锁？\n2、磁盘在100号柱面。试问：下列算法移动的总量是多少？\n（1）FCFS 算法\n"
        "（2）SCAN 算法\n3、按照下面给出的方法排序。\n（1）快速排序\n（2）归并排序\n参考答案\n四、综合题\n"
        "1、互相等待。\n2、\n（1）总量498\n（2）总量250\n3、快速排序：12 17 20\n归并排序：12 15 17",
        [
            ("short", "什么是死锁?", [], "互相等待。"),
            ("short", "FCFS 算法", [], "总量498"),
            ("short", "SCAN 算法", [], "总量250"),
            (
                "short",
                "按照下面给出的方法排序。\n(1) 快速排序\n(2) 归并排序",
                [],
                "快速排序:12 17 20\n归并排序:12 15 17",
            ),
        ],
    ),
    "a platform's '答案解析：' under an answered question is its explanation, not a key part": (
        "一. 单选题（共 2 题，20.0 分）\n1. (单选题, 10.0 分) 客户是（ ）\nA. 上帝\nB. 对手\n我的答案: A 正确答案: A\n"
        "10.0分\n答案解析：客户至上\n2. (单选题, 10.0 分) 服务是（ ）\nA. 产品\nB. 态度\n"
        "我的答案: A:产品; 正确答案: B:态度;\n0.0分",
        [
            ("single", "客户是( )", ["上帝", "对手"], "A"),
            ("single", "服务是( )", ["产品", "态度"], "B"),
        ],
    ),
    "a fill's answers in brackets after its finished statement, one a blank": (
        "1. 客户是____。（上帝）\n2. 服务要____和____。（及时；热情）\n3. 客户满意度的英文缩写是____（英文缩写）。\n"
        "4. 首问负责制要求____。（本题2分）",
        [
            ("fill", "客户是____。", [], ["上帝"]),
            ("fill", "服务要____和____。", [], ["及时", "热情"]),
            ("fill", "客户满意度的英文缩写是____(英文缩写)。", [], None),
            ("fill", "首问负责制要求____。(本题2分)", [], None),
        ],
    ),
    "part headings set in bold ('**二、简答题**') and bold terms to explain ('**进程**：…')": (
        "**一、名词解释**\n1. **进程**：程序的一次执行。\n2. **线程**：调度的基本单位。\n**二、简答题**\n"
        "1. 进程和线程的区别？\n答：进程是资源分配单位。",
        [
            ("short", "进程", [], "程序的一次执行。"),
            ("short", "线程", [], "调度的基本单位。"),
            ("short", "进程和线程的区别?", [], "进程是资源分配单位。"),
        ],
    ),
    "keys titled '答案与解析' with '【答案】' entries": (
        "一、单选题\n1. 客户是（ ）\nA. 上帝\nB. 对手\n2. 服务是（ ）\nA. 产品\nB. 态度\n二、判断题\n1. 客户永远对。\n"
        "答案与解析\n1.【答案】A【解析】略\n2.【答案】B\n判断题\n1.【答案】正确",
        [
            ("single", "客户是( )", ["上帝", "对手"], "A"),
            ("single", "服务是( )", ["产品", "态度"], "B"),
            ("truefalse", "客户永远对。", [], True),
        ],
    ),
    "a part's key as a run of letters '一、BA'": (
        "一、单选题\n1. 渠道是（ ）\nA. 电话\nB. 会议\n2. 目标是（ ）\nA. 满意\nB. 流失\n标准答案\n一、BA",
        [("single", "渠道是( )", ["电话", "会议"], "B"), ("single", "目标是( )", ["满意", "流失"], "A")],
    ),
    "a judgement's verdict in square or lenticular brackets after the statement": (
        "三、判断题\n1. 客户满意重要。 [对]\n2. 客户可骂。 【错】\n3. 服务要及时。【√】",
        [
            ("truefalse", "客户满意重要。", [], True),
            ("truefalse", "客户可骂。", [], False),
            ("truefalse", "服务要及时。", [], True),
        ],
    ),
    "a case's parts answered together under the last ('答：（1）A（2）B'), the next question kept": (
        "四、综合题\n3、某网络拓扑如下，回答以下问题。\n（1）哪个是网关？\n（2）哪个是路由器？\n答：（1）A（2）B\n"
        "4、什么是死锁？\n答：互相等待。\n五、单选题\n（1）客户是（ ）\nA.上帝\nB.对手\n（2）服务是（ ）\nA.产品\nB.态度\n"
        "答案：（1）A（2）B",
        [
            ("short", "哪个是网关?", [], "A"),
            ("short", "哪个是路由器?", [], "B"),
            ("short", "什么是死锁?", [], "互相等待。"),
            ("single", "客户是( )", ["上帝", "对手"], "A"),
            ("single", "服务是( )", ["产品", "态度"], "B"),
        ],
    ),
    "'参考答案' alone under a question, its letter or mark alone below: that question's answer": (
        "1. 客户是？\nA.上帝\nB.对手\n参考答案\nA\n2. 服务是？\nA.产品\nB.态度\n参考答案\nB\n"
        "二、判断题\n3. 客户永远对。\n参考答案\n√\n4. 投诉冷处理。\n参考答案\n×",
        [
            ("single", "客户是?", ["上帝", "对手"], "A"),
            ("single", "服务是?", ["产品", "态度"], "B"),
            ("truefalse", "客户永远对。", [], True),
            ("truefalse", "投诉冷处理。", [], False),
        ],
    ),
    "questions numbered by part and place ('2.1', '2.2', then '3.1') keep their printed numbers": (
        "一、简答题\n2.1 三首作品存在怎样的区别？\n旋律不同。\n2.2 旋律是否必要？\n是的。\n"
        "3.1 请问它们有怎样的不同？\n编曲不同。",
        [
            ("short", "三首作品存在怎样的区别?", [], "旋律不同。"),
            ("short", "旋律是否必要?", [], "是的。"),
            ("short", "请问它们有怎样的不同?", [], "编曲不同。"),
        ],
    ),
    "circled points under an open question with a word limit are its answer's, not options": (
        "1. 三首作品存在怎样的区别？（限100字）\n①旋律：前者由乐器承担，后者由人声承担。\n②节奏：前者规整，后者灵动。\n"
        "2. 下列属于服务礼仪的是（ ）\n①微笑\n②争辩\n答案：①",
        [
            (
                "short",
                "三首作品存在怎样的区别?(限100字)",
                [],
                "①旋律:前者由乐器承担,后者由人声承担。\n②节奏:前者规整,后者灵动。",
            ),
            ("single", "下列属于服务礼仪的是( )", ["微笑", "争辩"], "A"),
        ],
    ),
    "an arrow from an open question to its answer on the same line": (
        "1. Vue的特性?---->表单操作、自定义指令、计算属性\n2. 为什么加key？——> 标识组件的唯一性\n3. 什么是MVVM？",
        [
            ("short", "Vue的特性?", [], "表单操作、自定义指令、计算属性"),
            ("short", "为什么加key?", [], "标识组件的唯一性"),
            ("short", "什么是MVVM?", [], None),
        ],
    ),
    "a key numbered 1…N answers by position a part printed with a number skipped": (
        "一、单选题\n1. 客户是？\nA.上帝\nB.对手\n3. 服务是？\nA.产品\nB.态度\n4. 渠道是？\nA.微信\nB.会议\n"
        "参考答案\n一、单选题\n1. A\n2. B\n3. A",
        [
            ("single", "客户是?", ["上帝", "对手"], "A"),
            ("single", "服务是?", ["产品", "态度"], "B"),
            ("single", "渠道是?", ["微信", "会议"], "A"),
        ],
    ),
    "a stray '答案' label over nothing starts no key when questions with options follow": (
        "一、单选题\n1. 客户是？\nA.上帝\nB.对手\n答案\n2. 服务是（ ）\nA.产品\nB.态度\n3. 渠道是（ ）\nA.微信\nB.会议",
        [
            ("single", "客户是?", ["上帝", "对手"], None),
            ("single", "服务是( )", ["产品", "态度"], None),
            ("single", "渠道是( )", ["微信", "会议"], None),
        ],
    ),
    "a part heading a PDF threw in between a question's options and its answer is no part": (
        "一.单选题（共3题）\n1. (单选题,1分) 客户是（ ）\n• A. 上帝\n• B. 对手\n二、填空题(每空 1 分)\n"
        "我的答案:A正确答案: A\n答案解析：\n2. (单选题,1分) 服务是（ ）\n• A. 产品\n• B. 态度\n"
        "我的答案:B正确答案: B\n答案解析：\n3. (单选题,1分) 渠道是（ ）\n• A. 微信\n• B. 会议\n我的答案:A正确答案: A",
        [
            ("single", "客户是( )", ["上帝", "对手"], "A"),
            ("single", "服务是( )", ["产品", "态度"], "B"),
            ("single", "渠道是( )", ["微信", "会议"], "A"),
        ],
    ),
    "an explanation label stranded by a heading glued to an option starts no key over the questions": (
        "一.单选题（共4题，4.0分）\n1. (单选题,1.0分) 日志文件是用于记录( )。\n• A. 程序运行过程\n• B. 更新操作\n"
        "我的答案:B正确答案: B\n答案解析：\n1.0 分\n2. (单选题,1.0分) 数据库系统的核心是( )。\n• A. 数据模型\n"
        "• B. 数据库管理系统二、填空题(每空1分,共20分)\n我的答案:B正确答案: B\n答案解析：\n1.0 分\n"
        "3. (单选题,1.0分) 不属于专门的关系运算的是( )。\n• A. 自然连接\n• B. 并\n我的答案:A正确答案: B\n答案解析：\n"
        "0.0 分\n4. (单选题,1.0分) 一个关系只有一个( )。\n• A. 候选码\n• B. 主码\n我的答案:B正确答案: B\n答案解析：\n1.0 分",
        [
            ("single", "日志文件是用于记录( )。", ["程序运行过程", "更新操作"], "B"),
            ("single", "数据库系统的核心是( )。", ["数据模型", "数据库管理系统"], None),
            ("single", "不属于专门的关系运算的是( )。", ["自然连接", "并"], "B"),
            ("single", "一个关系只有一个( )。", ["候选码", "主码"], "B"),
        ],
    ),
    "'【评分标准】' under a reference answer is its explanation, not more of the answer": (
        "四、简答题（每题10分）\n1. 简述客户投诉的处理流程。\n【参考答案】\n（1）倾听；（2）道歉；（3）解决。\n"
        "【评分标准】答出3点得满分。\n2. 什么是首问负责制？\n【参考答案】第一位接待者负责到底。",
        [
            ("short", "简述客户投诉的处理流程。", [], "(1)倾听;(2)道歉;(3)解决。"),
            ("short", "什么是首问负责制?", [], "第一位接待者负责到底。"),
        ],
    ),
    "the type as a label opening the stem ('1.单选题：客户是…')": (
        "1.单选题：客户是（ ）\nA.上帝 B.对手\n正确答案：A\n2.判断题：客户永远对。\n正确答案：错\n"
        "3.名词解释：首问负责制\n答：第一位接待者负责到底。",
        [
            ("single", "客户是( )", ["上帝", "对手"], "A"),
            ("truefalse", "客户永远对。", [], False),
            ("short", "首问负责制", [], "第一位接待者负责到底。"),
        ],
    ),
    "a stem wrapped across lines": (
        "一、单选题\n1. 下列关于客户服务的说法,\n正确的是( )\nA. 甲\nB. 乙\n答案:B",
        [("single", "下列关于客户服务的说法,正确的是( )", ["甲", "乙"], "B")],
    ),
    "answers printed inside the brackets, bare type headings": (
        "单选题\n1、首问负责制是指（ A ）\nA、第一位接待者\nB、经理\n多选题\n2、投诉的原因有（ ABD ）\nA、质量\nB、态度\nC、天气\nD、等待\n"
        "判断题\n3、客户永远是对的。（ × ）\n填空题\n4、客户满意度的英文缩写是（CSAT）。",
        [
            ("single", "首问负责制是指( )", ["第一位接待者", "经理"], "A"),
            ("multiple", "投诉的原因有( )", ["质量", "态度", "天气", "等待"], "ABD"),
            ("truefalse", "客户永远是对的。", [], False),
            ("fill", "客户满意度的英文缩写是____。", [], ["CSAT"]),
        ],
    ),
    "learning-platform export with 第N题 and options 正确/错误": (
        "第1题 以下哪些属于投诉渠道\nA. 电话\nB. 邮件\nC. 当面\n我的答案：AB\n正确答案：ABC\n解析：三种都是。\n"
        "第2题 客户永远是对的。\nA. 正确\nB. 错误\n我的答案：A\n正确答案：B",
        [
            ("multiple", "以下哪些属于投诉渠道", ["电话", "邮件", "当面"], "ABC"),
            ("truefalse", "客户永远是对的。", [], False),
        ],
    ),
    "labels A) and a type tag on the question": (
        "1.[多选题] 投诉渠道有( )\nA)电话 B)邮件 C)当面\n2.【判断题】客户永远是对的。",
        [
            ("multiple", "投诉渠道有( )", ["电话", "邮件", "当面"], None),
            ("truefalse", "客户永远是对的。", [], None),
        ],
    ),
    "case questions numbered (1) (2) with a key in the same style": (
        "五、案例分析题\n客户投诉熟食变味,店员争辩。问题:(1)店员错在哪里?(2)应如何处理?\n参考答案:(1)争辩。(2)致歉并调查。",
        [("short", "店员错在哪里?", [], "争辩。"), ("short", "应如何处理?", [], "致歉并调查。")],
    ),
    "a key at the end of each section": (
        "一、单选题\n1. 甲是什么?\nA.a B.b\n2. 乙是什么?\nA.a B.b\n答案：1.A 2.B\n二、判断题\n1. 丙。\n2. 丁。\n答案：1-2 √×",
        [
            ("single", "甲是什么?", ["a", "b"], "A"),
            ("single", "乙是什么?", ["a", "b"], "B"),
            ("truefalse", "丙。", [], True),
            ("truefalse", "丁。", [], False),
        ],
    ),
    "four-digit numbers": (
        "".join(f"{n}. 第{n}题?\nA.a B.b\n答案:A\n" for n in range(998, 1003)),
        [("single", f"第{n}题?", ["a", "b"], "A") for n in range(998, 1003)],
    ),
    "the key written in the stem's blank, with separators, options on the same line": (
        "1. 黄铜的主要热处理方式是（   A    ）。   A.退火        B.淬火\n"
        "2. 属于服务礼仪的有（ A, C ）\nA.微笑\nB.争辩\nC.倾听",
        [
            ("single", "黄铜的主要热处理方式是( )。", ["退火", "淬火"], "A"),
            ("multiple", "属于服务礼仪的有( )", ["微笑", "争辩", "倾听"], "AC"),
        ],
    ),
    "capital letters in brackets that name something are not the key": (
        "1. 数据库（DB）、数据库系统（DBS）的关系是\nA.DBS包括DB\nB.DB包括DBS\nC.无关\nD.相同",
        [("single", "数据库(DB)、数据库系统(DBS)的关系是", ["DBS包括DB", "DB包括DBS", "无关", "相同"], None)],
    ),
    "letters enumerated in a sentence are not options": (
        "1. 三项急件A、B、C按工期排序,应如何安排?\n答:先A后B再C。",
        [("short", "三项急件A、B、C按工期排序,应如何安排?", [], "先A后B再C。")],
    ),
    "app export: number header, type tag line, labels alone on their lines": (
        "【第 1 题】\n1.单选题 (1分)\n服务的核心是（）。\nA\n态度\nB\n价格\n本题得分： 1 分\n正确答案： A\n"
        "------------------------------\n【第 2 题】\n2.多选题 (2分)\n礼仪包括（）。\nA\n微笑\nB\n倾听\nC\n争辩\n正确答案： A,B",
        [
            ("single", "服务的核心是()。", ["态度", "价格"], "A"),
            ("multiple", "礼仪包括()。", ["微笑", "倾听", "争辩"], "AB"),
        ],
    ),
    "number header with the stem on its line, and with a record id and labelled fields": (
        "【第1题】服务的核心是（）。\nA. 态度\nB. 价格\n答案：A\n"
        "【第 2 题】 (ID: )\n题干: 礼仪包括哪些？\n类型: 多选\n  A. 微笑 ✅\n  B. 倾听 ✅\n解析: 两者都是。\n"
        "-----------------------------\n【第 3 题】 (ID: 1024)\n题干: 投诉处理的步骤有哪些？\n类型: 多选\n"
        "  A. 倾听客户的\n诉说 ✅\n  B. 与客户争辩\n  C. 记录并跟进 ✅\n解析: 不争辩。",
        [
            ("single", "服务的核心是()。", ["态度", "价格"], "A"),
            ("multiple", "礼仪包括哪些?", ["微笑", "倾听"], "AB"),
            ("multiple", "投诉处理的步骤有哪些?", ["倾听客户的诉说", "与客户争辩", "记录并跟进"], "AC"),
        ],
    ),
    "courseware export: record ids after the number, 不定项 tags, 简答 filed as 填空": (
        "### 单选题\n#### 1. (单选题) QID: 6927423 (ParentID: 6246746)\n**题干:**\n服务的核心是( )。\n"
        "**选项:**\n- A. 态度\n- B. 价格\n\n**正确答案:**\nA\n---\n"
        "### 填空题\n#### 2. (不定项选择题) QID: 8808728 (ParentID: 6248707)\n**题干:**\n"
        "( ) 、 ( ) 是服务的两翼。\n\n**正确答案:**\n微笑 | 倾听\n---\n"
        "### 简答题\n#### 3. (填空题) QID: 16840022 (ParentID: 6249417)\n**题干:**\n如何认识投诉的价值？\n\n"
        "**正确答案:**\n投诉是客户给企业的第二次机会，妥善处理投诉能够挽回客户的信任，并帮助企业发现服务流程中的问题。\n",
        [
            ("single", "服务的核心是( )。", ["态度", "价格"], "A"),
            ("fill", "( ) 、 ( ) 是服务的两翼。", [], ["微笑", "倾听"]),
            (
                "short",
                "如何认识投诉的价值?",
                [],
                "投诉是客户给企业的第二次机会,妥善处理投诉能够挽回客户的信任,并帮助企业发现服务流程中的问题。",
            ),
        ],
    ),
    "unnumbered questions each over '参考回答：', the answers' points numbered": (
        "客服面试题\n说一下投诉处理的步骤\n参考回答：\n1.倾听客户的诉说\n2.记录并跟进\n"
        "请你说说服务的核心是什么？\n参考回答：态度。\n说一说首问负责制\n参考回答：\n1、谁接待谁负责\n"
        "2、跟进到底\n客户永远是对的。\n参考答案：错误\n请你来说一下如何安抚客户\n答：先致歉，再解决。",
        [
            ("short", "说一下投诉处理的步骤", [], "1.倾听客户的诉说\n2.记录并跟进"),
            ("short", "请你说说服务的核心是什么?", [], "态度。"),
            ("short", "说一说首问负责制", [], "1、谁接待谁负责\n2、跟进到底"),
            ("truefalse", "客户永远是对的。", [], False),
            ("short", "请你来说一下如何安抚客户", [], "先致歉,再解决。"),
        ],
    ),
    "question ids over a bracket of tags; numbers glued to words in an explanation are a ranking": (
        "## 服务礼仪\n### C01【初级/中级 · 易 · 单选】\n服务的核心是？\n- A. 态度\n- B. 价格\n**答案：** A\n"
        "**解析：** 优先级：态度1、知识2、技巧3。\n---\n### SA02【中级 · 中 · 多选】\n礼仪包括？\n- A. 微笑\n"
        "- B. 倾听\n- C. 争辩\n**答案：** A、B\n---\n### J03【初级 · 判断】\n投诉要记录。\n**答案：** 对",
        [
            ("single", "服务的核心是?", ["态度", "价格"], "A"),
            ("multiple", "礼仪包括?", ["微笑", "倾听", "争辩"], "AB"),
            ("truefalse", "投诉要记录。", [], True),
        ],
    ),
    "every option ticked: the key of a multiple choice, the text of a single one": (
        "一、多选题\n1. 礼仪包括（）。\nA. 微笑 ✅\nB. 倾听 ✅\n二、单选题\n2. 请选择（）。\nA. 同意 ✅\nB. 反对 ✅",
        [
            ("multiple", "礼仪包括()。", ["微笑", "倾听"], "AB"),
            ("single", "请选择()。", ["同意 ✅", "反对 ✅"], None),
        ],
    ),
    "a field named 类型 only where it opens a line": (
        "1. 变量 x 的数据类型: int 还是 float？\n答案：int",
        [("short", "变量 x 的数据类型: int 还是 float?", [], "int")],
    ),
    "Markdown bank with pictographs, bold fields and labels as headings": (
        "## 第 1 题 🟢\n\n**类型：** 单选题  \n**标签：** 服务基础\n\n### 题目\n\n服务的核心是？\n\n**选项：**\n"
        "- A. 价格\n- B. 客户\n\n<details>\n<summary>查看答案</summary>\n\n### ✅ 正确答案：B\n\n### 📖 解析\n\n"
        "以客户为中心。\n\n</details>\n\n---\n\n## 第 2 题 🔴\n\n**类型：** 判断题  \n\n### 题目\n\n"
        "投诉要及时处理。\n\n**选项：**\n- A. ✅ 正确\n- B. ❌ 错误\n\n### ✅ 正确答案：A（正确）",
        [
            ("single", "服务的核心是?", ["价格", "客户"], "B"),
            ("truefalse", "投诉要及时处理。", [], True),
        ],
    ),
    "Q-numbered headings with a bracketed type tag": (
        "### Q1 [1.判断题 (1分)]\n\n服务要及时。\n\n---\n\n### Q2 [2.单选题 (1分)]\n\n核心是?\n\n- A. 客户\n- B. 产品",
        [("truefalse", "服务要及时。", [], None), ("single", "核心是?", ["客户", "产品"], None)],
    ),
    "Markdown: the key shown in bold, an answer in a code fence": (
        "1. 服务的核心是\n\tA.价格\n\t**B.客户**\n\n2. 礼仪包括\n- A. 微笑\n- B. 争辩\n\n答：\n```\nA\n```",
        [("single", "服务的核心是", ["价格", "客户"], "B"), ("single", "礼仪包括", ["微笑", "争辩"], "A")],
    ),
    "学习通 export: counted headings, (type, points) tags, my answer vs the key, score lines": (
        "题量: 3 满分: 5.0\n一. 单选题（共 2 题，4.0 分）\n1. (单选题, 2.0 分) 服务的核心是( )\nA. 价格\nB. 客户\n"
        "我的答案: A: 价格;正确答案: B: 客户;\n0.0分\n答案解析：\n以客户为中心。\n"
        "2. (多选题, 2.0 分) 礼仪包括( )\nA. 微笑\nB. 倾听\nC. 争辩\n我的答案: AB:微笑; 倾听;正确答案: AB:微笑; 倾听;\n2.0分\n"
        "二. 判断题（共 1 题，1.0 分）\n3. (判断题, 1.0 分) 服务要及时。\nA. 对\nB. 错\n我的答案: 对正确答案: 对\n1.0分",
        [
            ("single", "服务的核心是( )", ["价格", "客户"], "B"),
            ("multiple", "礼仪包括( )", ["微笑", "倾听", "争辩"], "AB"),
            ("truefalse", "服务要及时。", [], True),
        ],
    ),
    "the key in a blank at the end of the stem, options below; a leading judgement box": (
        "一、单项选择题：（每题1.5分，共3分）\n1. 首问负责制要求（A）\nA.跟进到底\nB.转交他人\n"
        "2. 投诉应当（ B ）。\nA.拖延\nB.及时处理",
        [
            ("single", "首问负责制要求( )", ["跟进到底", "转交他人"], "A"),
            ("single", "投诉应当( )。", ["拖延", "及时处理"], "B"),
        ],
    ),
    "record separators between questions are not part of an answer": (
        "1. 甲是什么?\n答案:甲\n-----\n2. 乙是什么?\n答案:乙\n=====\n第二章 投诉处理\n1. 丙是什么?\n答案:丙",
        [
            ("short", "甲是什么?", [], "甲"),
            ("short", "乙是什么?", [], "乙"),
            ("short", "丙是什么?", [], "丙"),
        ],
    ),
    "app progress headers and lower-case labels": (
        "1/3单选题\n服务的核心是\na.价格\nb.客户\n正确答案:B\n2/3单选题\n礼仪是\na.微笑\nb.争辩\n正确答案:A",
        [("single", "服务的核心是", ["价格", "客户"], "B"), ("single", "礼仪是", ["微笑", "争辩"], "A")],
    ),
    "Markdown task lists: ticked options are the key": (
        "## 1. 服务的核心是?\n- [ ] 价格\n- [x] 客户\n\n## 2. 礼仪包括?\n- [x] 微笑\n- [ ] 争辩\n- [x] 倾听",
        [
            ("single", "服务的核心是?", ["价格", "客户"], "B"),
            ("multiple", "礼仪包括?", ["微笑", "争辩", "倾听"], "AC"),
        ],
    ),
    "an unnumbered Markdown quiz: each run of task-list options asks the paragraph above it": (
        "# 进程管理\n\n## 单选题\n\n下列选项中，导致创建新进程的操作是（）\n\t1)用户登陆    2)设备分配    3)启动程序\n"
        "- [ ] 仅1和2\n- [x] 仅1和3\n\n> 解释：设备分配不需要创建进程\n\nOS对（）分配内存资源\n- [ ] 线程\n- [x] 进程\n\n"
        "## 判断题\n\n进程是一个静态的概念（）\n- [ ] 对\n- [x] 错\n\n启动线程用start()方法（）\n- [x] 对\n- [ ] 错\n",
        [
            (
                "single",
                "下列选项中,导致创建新进程的操作是()\n1)用户登陆    2)设备分配    3)启动程序",
                ["仅1和2", "仅1和3"],
                "B",
            ),
            ("single", "OS对()分配内存资源", ["线程", "进程"], "B"),
            ("truefalse", "进程是一个静态的概念()", [], False),
            ("truefalse", "启动线程用start()方法()", [], True),
        ],
    ),
    "exercises numbered chapter-number ('1-2'): the '（1）' points under one are its answer": (
        "## 习题\n\n**1-1** 客户服务的核心是什么？\n\n以客户为中心。\n\n**1-2** 为什么要记录？\n\n便于跟进。\n\n"
        "**1-3** 回访的作用有哪些？\n\n（1）了解客户的满意度。\n\n（2）发现服务中的问题。\n",
        [
            ("short", "客户服务的核心是什么?", [], "以客户为中心。"),
            ("short", "为什么要记录?", [], "便于跟进。"),
            ("short", "回访的作用有哪些?", [], "(1)了解客户的满意度。\n(2)发现服务中的问题。"),
        ],
    ),
    "Markdown <details> answers": (
        "1. 核心是\n   - A. 价格\n   - B. 客户\n<details><summary>答案</summary>\nB\n</details>\n\n"
        "2. 礼仪是\n   - A. 微笑\n   - B. 争辩\n<details><summary>答案</summary>A</details>",
        [("single", "核心是", ["价格", "客户"], "B"), ("single", "礼仪是", ["微笑", "争辩"], "A")],
    ),
    "a table of questions under a header row (Markdown or Word)": (
        "| 题号 | 题目 | 答案 |\n|---|---|---|\n| 1 | 服务要及时。 | √ |\n| 2 | 可以争辩。 | × |",
        [("truefalse", "服务要及时。", [], True), ("truefalse", "可以争辩。", [], False)],
    ),
    "a key table with a row per question (题号 | 您的答案 | 正确答案)": (
        "1. 甲?\nA.x\nB.y\n2. 乙?\nA.x\nB.y\n序号\t您的答案\t正确答案\t得分\n1\t\tB\t0\n2\tA\tA\t1",
        [("single", "甲?", ["x", "y"], "B"), ("single", "乙?", ["x", "y"], "A")],
    ),
    "问卷星 export: number header, field label and star, picture line, options caption, ┋ key": (
        "第 1 题\n题目: *1、下列正确的有（）\n图片: https://example.com/a.png\n选项:\nA.甲\nB.乙\nC.丙\n"
        "正确答案: A.甲┋C.丙\n----------\n第 2 题\n题目: *2、下列错误的是（）\n选项:\nA.甲\nB.乙\n正确答案: B.乙",
        [
            ("multiple", "下列正确的有()", ["甲", "乙", "丙"], "AC"),
            ("single", "下列错误的是()", ["甲", "乙"], "B"),
        ],
    ),
    "records numbered 题号：N/total with a group instruction (答题指南：)": (
        "题号：1/500\n答题指南：选出最佳的一项\n服务的核心是\n\nA.价格\nB.客户\n\n答案：B\n\n\n"
        "题号：2/500\n\n礼仪的基础是\n\nA.微笑\nB.争辩\n\n答案：A",
        [
            ("single", "服务的核心是", ["价格", "客户"], "B"),
            ("single", "礼仪的基础是", ["微笑", "争辩"], "A"),
        ],
    ),
    "one record a line: 题目：… 答案：…, choice keys echoing the chosen option only": (
        "题目：服务要及时。  答案：正确\n题目：投诉应如何处理？  答案：B. 先倾听再解决\n题目：可以争辩。  答案：错误",
        [
            ("truefalse", "服务要及时。", [], True),
            ("single", "投诉应如何处理?", [], "B"),
            ("truefalse", "可以争辩。", [], False),
        ],
    ),
    "keys printed as the options' texts (智慧树 exports): one, several a line, a judgement": (
        "1、服务的核心是（ ）\n选项：\nA:价格\nB:客户\n正确答案:【客户】\n"
        "2、投诉处理包括（ ）\n选项：\nA:倾听\nB:争辩\nC:道歉\n正确答案:【倾听\n\n道歉】\n"
        "3、可以与客户争辩。（ ）\n选项：\nA:对\nB:错\n正确答案:【错】",
        [
            ("single", "服务的核心是( )", ["价格", "客户"], "B"),
            ("multiple", "投诉处理包括( )", ["倾听", "争辩", "道歉"], "AC"),
            ("truefalse", "可以与客户争辩。( )", [], False),
        ],
    ),
    "a key numbered on through the paper while each section restarts at 1": (
        "一、选择题\n1. 甲?\nA.x\nB.y\n2. 乙?\nA.x\nB.y\n二、填空题\n1. 客户满意度的缩写是____。\n"
        "参考答案\n1\tB\n2\tA\n3\tCSAT",
        [
            ("single", "甲?", ["x", "y"], "B"),
            ("single", "乙?", ["x", "y"], "A"),
            ("fill", "客户满意度的缩写是____。", [], ["CSAT"]),
        ],
    ),
    "a judgement's verdict as a word after the finished statement": (
        "三、判断题\n1.投诉要记录。 正确\n2.客户永远是错的。  错误\n3.这个说法正确",
        [
            ("truefalse", "投诉要记录。", [], True),
            ("truefalse", "客户永远是错的。", [], False),
            ("truefalse", "这个说法正确", [], None),
        ],
    ),
    "Moodle's Aiken format: Q1. numbers and ANSWER: lines": (
        "Q1. 服务的核心是？\nA. 价格\nB. 客户\nAnswer: B\nQ2. 礼仪的基础是？\nA. 微笑\nB. 争辩\nANSWER: A",
        [
            ("single", "服务的核心是?", ["价格", "客户"], "B"),
            ("single", "礼仪的基础是?", ["微笑", "争辩"], "A"),
        ],
    ),
    "a section key for questions numbered (1) (2)": (
        "一、单项选择题\n（1）服务的核心是\nA.价格\nB.客户\n（2）礼仪的基础是\nA.微笑\nB.争辩\n答案：（1）B （2）A",
        [
            ("single", "服务的核心是", ["价格", "客户"], "B"),
            ("single", "礼仪的基础是", ["微笑", "争辩"], "A"),
        ],
    ),
    "OCR reads the label B as 8": (
        "5/473单选题\n8小时工作制是法定的\nA.对\n8.错\n正确答案 A\n6/473单选题\n服务的核心是\nA.价格\n8客户\n正确答案 B",
        [("truefalse", "8小时工作制是法定的", [], True), ("single", "服务的核心是", ["价格", "客户"], "B")],
    ),
    "platform type tags with their points before the stem, or after it": (
        "1.【单选题】 (2分) 服务的核心是\nA 价格\nB 客户\n正确答案：B\n"
        "第2题：投诉渠道有（ ）[多选题]\nA.电话\nB.邮件\n正确答案：AB",
        [
            ("single", "服务的核心是", ["价格", "客户"], "B"),
            ("multiple", "投诉渠道有( )", ["电话", "邮件"], "AB"),
        ],
    ),
    "the key in the blank, the options on the stem's line after it": (
        "1. 服务的核心是（B）A.价格 B.客户\n2. 礼仪的基础是（A）A.微笑 B.争辩",
        [
            ("single", "服务的核心是( )", ["价格", "客户"], "B"),
            ("single", "礼仪的基础是( )", ["微笑", "争辩"], "A"),
        ],
    ),
    "a headless key on the 参考答案 line itself, and essay answers under 答题要点": (
        "1．服务的核心是（   ）。\n（A）价格          （B）客户\n2．礼仪的基础是（   ）。\n（A）微笑          （B）争辩\n"
        "参考答案：1．B  2．A\n五、论述题\n1.论述客户关系管理的重要性。（10分）\n答题要点：提高忠诚度。",
        [
            ("single", "服务的核心是(   )。", ["价格", "客户"], "B"),
            ("single", "礼仪的基础是(   )。", ["微笑", "争辩"], "A"),
            ("short", "论述客户关系管理的重要性。", [], "提高忠诚度。"),
        ],
    ),
    "a worked answer (解：) and its conclusion (答：) on lines of their own": (
        "六、计算题\n1.某产品成本100元，售价150元，求利润率。\n解：利润率=(150-100)/100=50%\n答：利润率为50%。",
        [("short", "某产品成本100元,售价150元,求利润率。", [], "利润率=(150-100)/100=50%\n利润率为50%。")],
    ),
    "judgement boxes: before the statement, before the number, split over two lines": (
        "一、判断题\n1.\t（  √  ）采取监测措施。\n2.\t（ × ）可以争辩。\n"
        "二、判断题\n(  ×   )1.在连续冷却中速度越大越好。\n(\t√\n)2.退火是缓慢冷却。",
        [
            ("truefalse", "( )采取监测措施。", [], True),
            ("truefalse", "( )可以争辩。", [], False),
            ("truefalse", "在连续冷却中速度越大越好。", [], False),
            ("truefalse", "退火是缓慢冷却。", [], True),
        ],
    ),
    "Markdown emphasis around a judgement key": (
        "1. 服务要及时。\n   - **答案：对**\n2. 可以争辩。\n   - **答案：错**",
        [("truefalse", "服务要及时。", [], True), ("truefalse", "可以争辩。", [], False)],
    ),
    "open questions beside their heading; a footer naming the page amid the text": (
        "四、证明题(10分)若甲大于乙,则乙小于甲.\n姓名学号第2页共3页\n五、应用题(10分)某中心每小时来电120个,需要几名座席?",
        [
            ("short", "若甲大于乙,则乙小于甲.", [], None),
            ("short", "某中心每小时来电120个,需要几名座席?", [], None),
        ],
    ),
    "a gap in the numbering after a finished choice question (an excerpt of a bank)": (
        "35、核心是\nA.价格\nB.客户\n答案：B\n394、礼仪是\nA.微笑\nB.争辩\n答案：A",
        [("single", "核心是", ["价格", "客户"], "B"), ("single", "礼仪是", ["微笑", "争辩"], "A")],
    ),
    "points printed with the stem; 你的答案 is the candidate's, not the key": (
        "1. 简述投诉处理的步骤。(5分)\n答:倾听、致歉、解决。\n2. 核心是\nA.价格\nB.客户\n你的答案：A 正确答案：B",
        [
            ("short", "简述投诉处理的步骤。", [], "倾听、致歉、解决。"),
            ("single", "核心是", ["价格", "客户"], "B"),
        ],
    ),
    "a title or note naming the key is not the key; worded and lower-case keys": (
        "2021年客服真题及答案解析\n（参考答案在最后）\n1. 核心是\nA.价格\nB.客户\n解答：答案选择B。\n"
        "2. 礼仪是\nA.微笑\nB.争辩\n正确答案 a",
        [("single", "核心是", ["价格", "客户"], "B"), ("single", "礼仪是", ["微笑", "争辩"], "A")],
    ),
    "English banks key by the option's label: 'Correct Answer: b)', '(c)', 'a.'": (
        "1. What is it?\na) one\nb) two\nCorrect Answer: b)\n\n2. Next?\na) x\nb) y\nc) z\nAnswer: (c)\n"
        "3. Last?\na) x\nb) y\nAnswer: a.",
        [
            ("single", "What is it?", ["one", "two"], "B"),
            ("single", "Next?", ["x", "y", "z"], "C"),
            ("single", "Last?", ["x", "y"], "A"),
        ],
    ),
    "a vendor's translated sample: the key under 'Respostas'; 'EC2.' ending an option is no question 2": (
        "1) Por que a AWS é mais econômica?\nA) Os custos.\nB) Acesso total às instâncias do Amazon EC2.\n"
        "C) Sob demanda.\n\n2) Qual serviço?\nA) AWS Config\nB) AWS DMS\n\nRespostas\n"
        "1) C – A capacidade de executar instâncias.\n2) B – O AWS DMS migra bancos.",
        [
            (
                "single",
                "Por que a AWS é mais econômica?",
                ["Os custos.", "Acesso total às instâncias do Amazon EC2.", "Sob demanda."],
                "C",
            ),
            ("single", "Qual serviço?", ["AWS Config", "AWS DMS"], "B"),
        ],
    ),
    "a training bank cites the source of each key ('出处：《…》'): a note, not the answer": (
        "一、填空题\n1.公文的密级分为（ ）。\n答案：绝密\n出处：《公文处理管理办法》\n"
        "二、判断题\n1.请示可以多头报送。（ ）\n答案：错误\n依据：《公文处理管理办法》第十条\n"
        "2.值班期间不得离岗。（ ）\n答案：正确\n来源：《值班管理规定》",
        [
            ("fill", "公文的密级分为( )。", [], ["绝密"]),
            ("truefalse", "请示可以多头报送。( )", [], False),
            ("truefalse", "值班期间不得离岗。( )", [], True),
        ],
    ),
    "a fill part whose blanks are runs of spaces, the key listing one answer a blank, shown as blanks": (
        "三、填空题\n1.公文的密级分为     、     和     三级。\n答案：绝密、机密、秘密\n"
        "2.职级共划分为     个职等，本科定级为     职等。\n答案：十三、十三\n"
        "3.一句话   讲完。\n答案：讲完",
        [
            ("fill", "公文的密级分为____、____和____三级。", [], ["绝密", "机密", "秘密"]),
            ("fill", "职级共划分为____个职等,本科定级为____职等。", [], ["十三", "十三"]),
            ("fill", "一句话____讲完。", [], ["讲完"]),
        ],
    ),
    "MOOC numbers: '1 单选(3分)', a comma after the number, a time is no definition": (
        "1 单选(3分)\n核心是\nA.价格\nB.客户\n正确答案：B\n2,会议几点开始?\n答:上午12:00开始。",
        [("single", "核心是", ["价格", "客户"], "B"), ("short", "会议几点开始?", [], "上午12:00开始。")],
    ),
    "(1)(2) points in a choice question's explanation are not questions": (
        "1. 嵌入式系统不具备的特点是\nA.实时性\nB.通用性\n解答：答案选择B。\n嵌入式系统的特点:\n（1）微型化 （2）实时性强\n"
        "2. 核心是\nA.价格\nB.客户\n答案:B",
        [
            ("single", "嵌入式系统不具备的特点是", ["实时性", "通用性"], "B"),
            ("single", "核心是", ["价格", "客户"], "B"),
        ],
    ),
    "a number alone on its line, a '| 1 分' tag, the candidate's answer after the key": (
        "1\n( 多选题 | 1 分)\n礼仪包括（）\nA.微笑\nB.争辩\nC.倾听\n正确答案： A C 你的答案： A C查看解析\n"
        "2\n( 单选题 | 1 分)\n核心是（）\nA.价格\nB.客户\n正确答案： B 你的答案： A",
        [
            ("multiple", "礼仪包括()", ["微笑", "争辩", "倾听"], "AC"),
            ("single", "核心是()", ["价格", "客户"], "B"),
        ],
    ),
    "a key that repeats the sections with letter runs; 辨析题 statements": (
        "一、选择题\n1. 甲?\nA.x\nB.y\n2. 乙?\nA.x\nB.y\n3. 丙?\nA.x\nB.y\n二、辨析题\n1.坚持依法治国就是依宪治国。\n"
        "参考答案\n一、 A  B  AB\n二、\n1.正确。依宪治国是依法治国的首要任务。",
        [
            ("single", "甲?", ["x", "y"], "A"),
            ("single", "乙?", ["x", "y"], "B"),
            ("multiple", "丙?", ["x", "y"], "AB"),
            ("short", "坚持依法治国就是依宪治国。", [], "正确。依宪治国是依法治国的首要任务。"),
        ],
    ),
    "questions that lost their numbers: the next stem sits between an answer and option A": (
        "1. 核心是\nA.价格\nB.客户\n正确答案:B\n礼仪包括\nA.微笑\nB.争辩\n正确答案:A\n服务要\nA.及时\nB.拖延\n正确答案:A",
        [
            ("single", "核心是", ["价格", "客户"], "B"),
            ("single", "礼仪包括", ["微笑", "争辩"], "A"),
            ("single", "服务要", ["及时", "拖延"], "A"),
        ],
    ),
    "a slice of a long bank: each section's numbers run on from the original's": (
        "一、单选题\n1.核心是( )\nA.价格\nB.客户\n正确答案:B\n2.礼仪包括( )\nA.微笑\nB.争辩\n正确答案:A\n"
        "二、多选题\n1853.渠道有( )\nA.电话\nB.邮件\n正确答案:AB\n1854.目标有( )\nA.满意\nB.忠诚\n正确答案:AB",
        [
            ("single", "核心是( )", ["价格", "客户"], "B"),
            ("single", "礼仪包括( )", ["微笑", "争辩"], "A"),
            ("multiple", "渠道有( )", ["电话", "邮件"], "AB"),
            ("multiple", "目标有( )", ["满意", "忠诚"], "AB"),
        ],
    ),
    "the bank's long title as a running header, once on a short page": (
        "某省建筑施工企业安全生产管理人员考核第六批题库\n一、单选题\n"
        + "".join(
            f"{n}.第{n}题的题干( )\n"
            + (
                "某省建筑施工企业综合类专职安全生产管理人员(C3类)安全生产考核第六批题库(2025年版)\n"
                if n % 2 or n == 8
                else ""
            )
            + "A.甲\nB.乙\nC.丙\nD.丁\n正确答案:A\n"
            for n in range(1, 10)
        ),
        [("single", f"第{n}题的题干( )", ["甲", "乙", "丙", "丁"], "A") for n in range(1, 10)],
    ),
    "nothing numbered: each asking line with its answer on the next line, headings between": (
        "第一章 服务\n核心是( )\n客户\n礼仪包括____和____。\n微笑 倾听\n首问负责制要求跟进到底。( )\n对\n"
        "第二章 渠道\n投诉最常见的渠道是( )\n电话\n渠道有哪些?\n电话、邮件\n回访应在____内完成。\n三天",
        [
            ("fill", "核心是( )", [], ["客户"]),
            ("fill", "礼仪包括____和____。", [], ["微笑", "倾听"]),
            ("truefalse", "首问负责制要求跟进到底。( )", [], True),
            ("fill", "投诉最常见的渠道是( )", [], ["电话"]),
            ("short", "渠道有哪些?", [], "电话、邮件"),
            ("fill", "回访应在____内完成。", [], ["三天"]),
        ],
    ),
    "no numbers at all: stem, labelled options, 正确答案 and a 解析 per question": (
        "核心是什么?\nA、价格\nB、客户\n正确答案：B\n解析：以客户为中心。\n\n"
        "礼仪包括哪些?\nA、微笑\nB、争辩\n正确答案：A\n解析：微笑服务。\n\n"
        "回访应何时完成?\nA、当天\nB、一月后\n正确答案：A\n解析：及时。",
        [
            ("single", "核心是什么?", ["价格", "客户"], "B"),
            ("single", "礼仪包括哪些?", ["微笑", "争辩"], "A"),
            ("single", "回访应何时完成?", ["当天", "一月后"], "A"),
        ],
    ),
    "Markdown fields as bold labels on their own lines, a bold Q-number heading": (
        "## **Q001**\n\n**题目：**\n\n核心是什么?\n\n**选项：**\n\nA 价格\n\nB 客户\n\n"
        "**正确答案：**\n\nB 客户\n\n**解析：**\n\n以客户为中心。\n\n------\n\n"
        "## **Q002**\n\n**题目：**\n\n礼仪包括什么?\n\n**选项：**\n\nA 微笑\n\nB 争辩\n\n**正确答案：**\n\nA 微笑",
        [
            ("single", "核心是什么?", ["价格", "客户"], "B"),
            ("single", "礼仪包括什么?", ["微笑", "争辩"], "A"),
        ],
    ),
    "a judgement box followed by the correction of a false statement": (
        "一、判断题\n1.服务要及时。(  √  )\n2.十七大以来推进马克思主义中国化时代化。(  ×    )(十八大以来)",
        [
            ("truefalse", "服务要及时。", [], True),
            ("truefalse", "十七大以来推进马克思主义中国化时代化。", [], False),
        ],
    ),
    "fill blanks: text between two blanks is stem, a hint in brackets is no answer, one bracket for all": (
        "一、填空题\n1．空载实验测量____阻抗，而短路实验测量____阻抗。\n2．铁心越好，励磁电抗越____。(填大或小)\n"
        "3．核心是___客户___。\n4．应确定______和______等参数。（加热温度，保温时间）\n"
        "5．项目分解的核心工具是________（英文缩写 WBS）。",
        [
            ("fill", "空载实验测量____阻抗,而短路实验测量____阻抗。", [], None),
            ("fill", "铁心越好,励磁电抗越____。(填大或小)", [], None),
            ("fill", "核心是____。", [], ["客户"]),
            ("fill", "应确定______和______等参数。", [], ["加热温度", "保温时间"]),
            ("fill", "项目分解的核心工具是________(英文缩写 WBS)。", [], None),
        ],
    ),
    "a MOOC export: 'N 填空(3分)' headers, code under the stem, 正确答案 for a fill": (
        "1 单选(3分)\n关键字是\nA.if\nB.foo\n正确答案：A\n2 填空(3分)\n以下代码的输出是：\nint x=1;\n"
        'printf("%d", x);\n正确答案：1\n3 填空(3分)\n表达式 3/2 的值是\n正确答案：1',
        [
            ("single", "关键字是", ["if", "foo"], "A"),
            ("fill", '以下代码的输出是:\nint x=1;\nprintf("%d", x);', [], ["1"]),
            ("fill", "表达式 3/2 的值是", [], ["1"]),
        ],
    ),
    "two papers in one file, each followed by its own key; key parts named by numeral only": (
        "一．填空\n1. 核心是(   )。\n二．简答\n1. 什么是服务?\n三．选择\n1. 一头牛重6(   )。\nA. 克 B.千克 C.吨\n"
        "2. 一本书重200(   )。\nA. 克 B.千克 C.吨\n3. 一只鸡重2(   )。\nA. 克 B.千克 C.吨\n"
        "参考答案：\n一．\n1. 客户\n三． C   A   B\n"
        "一．填空\n1. 礼仪包括(   )。\n二．判断\n1. 服务要及时。(   )\n2. 客户永远是错的。(   )\n"
        "参考答案：\n一．\n1. 微笑\n二．\n√   ×",
        [
            ("fill", "核心是(   )。", [], ["客户"]),
            ("short", "什么是服务?", [], None),
            ("single", "一头牛重6(   )。", ["克", "千克", "吨"], "C"),
            ("single", "一本书重200(   )。", ["克", "千克", "吨"], "A"),
            ("single", "一只鸡重2(   )。", ["克", "千克", "吨"], "B"),
            ("fill", "礼仪包括(   )。", [], ["微笑"]),
            ("truefalse", "服务要及时。(   )", [], True),
            ("truefalse", "客户永远是错的。(   )", [], False),
        ],
    ),
    "'答案是：b' under the options; '答案是' inside prose is no key": (
        "1.关于服务,下列说法不正确的是(  _____ )。\nA. 要及时\nB. 可推诿\n答案是：b\n"
        "2.如何提高竞争力?答案是:帮助你的客户。",
        [
            ("single", "关于服务,下列说法不正确的是(  _____ )。", ["要及时", "可推诿"], "B"),
            ("short", "如何提高竞争力?答案是:帮助你的客户。", [], None),
        ],
    ),
    "numbers listed in a stem ('元素1、2、3、4') are no question numbers": (
        "1.一个栈为空。现将元素1、2、3、4、A、B、C依次入栈,则出栈顺序是 A)1234ABC B)CBA4321\n"
        "2. 下列叙述中正确的是 A)甲 B)乙",
        [
            (
                "single",
                "一个栈为空。现将元素1、2、3、4、A、B、C依次入栈,则出栈顺序是",
                ["1234ABC", "CBA4321"],
                None,
            ),
            ("single", "下列叙述中正确的是", ["甲", "乙"], None),
        ],
    ),
    "a numbered chapter line right above a section heading; a capital letter inside a sentence": (
        "1、概述\n一、简答题\n1.节点A 在一段时间内没有激活事件,会怎样?\n2.按照 GPSR 协议,指出从 A 到 Z 的路径。",
        [
            ("short", "节点A 在一段时间内没有激活事件,会怎样?", [], None),
            ("short", "按照 GPSR 协议,指出从 A 到 Z 的路径。", [], None),
        ],
    ),
    "a key part titled after the paper, repeating its sections (a renamed one by its numeral)": (
        "期末考试\n一、选择题\n1.首问负责制由谁负责?\nA.经理 B.首位接待者\n"
        "二、程序填空\n1.补全下列代码。\nif ( A ) x = ( B );\n"
        "三、求解题\n1.已知成本为5,售价为8。请写出利润。\n"
        "期末考试答案\n一、选择题 1.B\n二、填空题\n1. A. y>0 B. 1\n三、求解题\n1. 利润为3",
        [
            ("single", "首问负责制由谁负责?", ["经理", "首位接待者"], "B"),
            ("fill", "补全下列代码。\nif ( A ) x = ( B );", [], ["y>0", "1"]),
            ("short", "已知成本为5,售价为8。请写出利润。", [], "利润为3"),
        ],
    ),
    "a paper titled with its answers is no key; a sentence holding a title word is no title": (
        "服务礼仪试题及答案\n1.请简述微笑服务的步骤。\n答:\n确定服务对象\n测试服务效果\n"
        "2.以下是一些参考,仅供参考:\n答:无",
        [
            ("short", "请简述微笑服务的步骤。", [], "确定服务对象\n测试服务效果"),
            ("short", "以下是一些参考,仅供参考:", [], "无"),
        ],
    ),
    "an answered paper: the key typed after the stem; the code a question points at": (
        "1.关于客户说法正确的是:   AC\nA.甲 B.乙 C.丙\n2.以下代码的输出是什么?\nprint(1)\nprint(2)\n答:1 2",
        [
            ("multiple", "关于客户说法正确的是:", ["甲", "乙", "丙"], "AC"),
            ("short", "以下代码的输出是什么?\nprint(1)\nprint(2)", [], "1 2"),
        ],
    ),
    "第1题(单选)： heading each record, options labelled 【A】": (
        "第1题(单选)：\n( )是客户关系的核心\n【A】 产品\n【B】 客户\n正确答案:B\n\n"
        "第2题(判断)：\n投诉要记录。\n正确答案:对",
        [
            ("single", "( )是客户关系的核心", ["产品", "客户"], "B"),
            ("truefalse", "投诉要记录。", [], True),
        ],
    ),
    "a key part titled by the paper's grading standard (评分标准); a judgement numbered without its mark": (
        "一、判断题\n1. 投诉要记录。\n2 投诉可以拖延。\n二、选择题\n1. 客户是?\nA．上帝 B．对手\n"
        "2. 服务要?\nA．拖延 B．及时\n13-14-2 客户服务 a 评分标准\n一、判断题\n1-2 √×\n二、选择题\n1-2 AB",
        [
            ("truefalse", "投诉要记录。", [], True),
            ("truefalse", "投诉可以拖延。", [], False),
            ("single", "客户是?", ["上帝", "对手"], "A"),
            ("single", "服务要?", ["拖延", "及时"], "B"),
        ],
    ),
    "a part named by its subject ('…语句题') holds questions; a part named by no type is prose": (
        "一、课程目标\n1. 掌握投诉处理流程。\n二、关系代数和 SQL 语句题：（共 30 分，每题 2 分）\n"
        "（1） 查询部门为‘客服’的员工姓名。\n（2） 删除没有部门的员工记录。",
        [
            ("short", "查询部门为‘客服’的员工姓名。", [], None),
            ("short", "删除没有部门的员工记录。", [], None),
        ],
    ),
    "a function's own brackets and a name's underscores are code, not blanks to fill": (
        "1. 为什么先调用 fork()?\n答:进入用户态。\n2. 类的 __init__ 方法何时调用?\n答:创建对象时。\n"
        "3. 硬币大约厚2(   )。\n答:毫米",
        [
            ("short", "为什么先调用 fork()?", [], "进入用户态。"),
            ("short", "类的 __init__ 方法何时调用?", [], "创建对象时。"),
            ("fill", "硬币大约厚2(   )。", [], ["毫米"]),
        ],
    ),
    "options labelled [A]; answers after 正确选项：, after 参考答案 and a space, in brackets": (
        "1. 客户是?\n[A] 上帝\n[B] 对手\n正确选项：A\n2. 服务要?\n[A] 拖延\n[B] 及时\n参考答案 B\n"
        "3. 回访要?\nA. 及时\nB. 拖延\n答案:(A)",
        [
            ("single", "客户是?", ["上帝", "对手"], "A"),
            ("single", "服务要?", ["拖延", "及时"], "B"),
            ("single", "回访要?", ["及时", "拖延"], "A"),
        ],
    ),
    "numbers written 【1】, No.2, 题3：, 4： and '5 ' open their questions, not their stems": (
        "【1】客户是?\n答案:上帝\nNo.2 服务要?\n答案:及时\n题3：回访要?\n答案:及时\n"
        "4：投诉要?\n答案:记录\n5 满意要?\n答案:高",
        [
            ("short", "客户是?", [], "上帝"),
            ("short", "服务要?", [], "及时"),
            ("short", "回访要?", [], "及时"),
            ("short", "投诉要?", [], "记录"),
            ("short", "满意要?", [], "高"),
        ],
    ),
    "a year, a time or a program's label opening a line is no question number": (
        "1921：开天辟地的大事变\n1. 大事变是指?\n答:建党\n2. 会议几点开始?\n答:\n10:30\n"
        "3. 这段汇编做什么?\n答:\n1:\tstosl\n4. 完成了吗?\n答:完成了",
        [
            ("short", "大事变是指?", [], "建党"),
            ("short", "会议几点开始?", [], "10:30"),
            ("short", "这段汇编做什么?", [], "1:\tstosl"),
            ("short", "完成了吗?", [], "完成了"),
        ],
    ),
    "section keys on one line: judgements as T/F, choices as 1A 2B, fills numbered; 【答】": (
        "判断题\n1. 投诉要记录。\n2. 投诉可拖延。\n答案：1.T 2.F\n单选题\n1. 客户是?\nA. 上帝\nB. 对手\n"
        "2. 服务要?\nA. 拖延\nB. 及时\n答案：1A 2B\n填空题\n1. 客户是____。\n2. 服务要____。\n"
        "答案：1. 上帝 2. 及时\n简答题\n1. 如何处理投诉?\n【答】倾听并记录。",
        [
            ("truefalse", "投诉要记录。", [], True),
            ("truefalse", "投诉可拖延。", [], False),
            ("single", "客户是?", ["上帝", "对手"], "A"),
            ("single", "服务要?", ["拖延", "及时"], "B"),
            ("fill", "客户是____。", [], ["上帝"]),
            ("fill", "服务要____。", [], ["及时"]),
            ("short", "如何处理投诉?", [], "倾听并记录。"),
        ],
    ),
    "parts numbered 1. / （二） / Part 3 / IV. when the line names only the type": (
        "1. 单项选择题\n1. 客户是?\nA. 上帝\nB. 对手\n（二）判断题\n1. 投诉要记录。\n"
        "Part 3 判断题\n1. 投诉可拖延。\nIV. 是非题\n1. 回访要及时。",
        [
            ("single", "客户是?", ["上帝", "对手"], None),
            ("truefalse", "投诉要记录。", [], None),
            ("truefalse", "投诉可拖延。", [], None),
            ("truefalse", "回访要及时。", [], None),
        ],
    ),
    "notes of 问：/答： and Q:/A: records; a question set wholly in bold; the key ticked ✅": (
        "问：如何处理投诉？\n答：倾听并记录。\nQ: 什么是满意度？\nA: 客户的感受。\n"
        "**3. 客户是？**\nA. 上帝 ✅\nB. 对手\n4. 服务要？\nA. 拖延\nB. 及时 ✔",
        [
            ("short", "如何处理投诉?", [], "倾听并记录。"),
            ("short", "什么是满意度?", [], "客户的感受。"),
            ("single", "客户是?", ["上帝", "对手"], "A"),
            ("single", "服务要?", ["拖延", "及时"], "B"),
        ],
    ),
    "参考答案： alone under an open question, its answer below; fill answers in 【】": (
        "简答题\n1. 如何处理投诉？\n参考答案：\n倾听并记录。\n2. 什么是满意度？\n参考答案：\n客户的感受。\n"
        "填空题\n1. 客户是【上帝】。",
        [
            ("short", "如何处理投诉?", [], "倾听并记录。"),
            ("short", "什么是满意度?", [], "客户的感受。"),
            ("fill", "客户是____。", [], ["上帝"]),
        ],
    ),
    "参考答案： alone after the questions, numbered entries below: the key part": (
        "简答题\n1. 如何处理投诉？\n2. 什么是满意度？\n参考答案：\n1. 倾听并记录。\n2. 客户的感受。",
        [
            ("short", "如何处理投诉?", [], "倾听并记录。"),
            ("short", "什么是满意度?", [], "客户的感受。"),
        ],
    ),
    "an option wrapped onto a line that opens with a particle goes on with it": (
        "1. 客户是?\nA. 上帝,这是服务行业\n的基本认识\nB. 对手\n答案：A",
        [("single", "客户是?", ["上帝,这是服务行业的基本认识", "对手"], "A")],
    ),
    "the answer first on the stem's line, options under it; 答案为B without a colon": (
        "1. 客户是?【答案】A\nA. 上帝\nB. 对手\n2. 服务要?   答案：B\nA. 拖延\nB. 及时\n"
        "3. 回访要?\nA. 及时\nB. 拖延\n答案为A",
        [
            ("single", "客户是?", ["上帝", "对手"], "A"),
            ("single", "服务要?", ["拖延", "及时"], "B"),
            ("single", "回访要?", ["及时", "拖延"], "A"),
        ],
    ),
    "a key naming a part ('一、选择题') for choices printed under no heading": (
        "1. 客户是?\nA. 上帝\nB. 对手\n2. 服务要?\nA. 拖延\nB. 及时\n参考答案：\n一、选择题\n1.A 2.B",
        [
            ("single", "客户是?", ["上帝", "对手"], "A"),
            ("single", "服务要?", ["拖延", "及时"], "B"),
        ],
    ),
    "a key printed in groups of five letters, under 参考答案： or as the last question's 答案：": (
        "1. 甲?\nA. 一\nB. 二\n2. 乙?\nA. 一\nB. 二\n3. 丙?\nA. 一\nB. 二\n4. 丁?\nA. 一\nB. 二\n"
        "5. 戊?\nA. 一\nB. 二\n6. 己?\nA. 一\nB. 二\n答案：ABABA A\n多选题\n7. 庚?\nA. 一\nB. 二\nC. 三\n"
        "D. 四\nE. 五\n答案：ABCDE",
        [
            *[("single", f"{s}?", ["一", "二"], a) for s, a in zip("甲乙丙丁戊己", "ABABAA", strict=True)],
            ("multiple", "庚?", ["一", "二", "三", "四", "五"], "ABCDE"),
        ],
    ),
    "a judgement's verdict with its reason after it: '（×）理由：…'": (
        "判断题\n1. 投诉可拖延。（×）理由：投诉要及时处理。",
        [("truefalse", "投诉可拖延。", [], False)],
    ),
    "platform headers: '2【判断题】(2分)', '单选题 1/10', a type tag with the form's '*', '得分：2.0'": (
        "1【单选题】(2分)\n客户是？\nA.上帝\nB.对手\n正确答案：A\n得分：2.0\n2【判断题】(2分)\n投诉要记录。\n"
        "正确答案：对\n单选题 3/10\n服务要？\nA 拖延\nB 及时\n正确答案 B\n第4题：渠道有？ [多选题] *\nA.电话\nB.邮件",
        [
            ("single", "客户是?", ["上帝", "对手"], "A"),
            ("truefalse", "投诉要记录。", [], True),
            ("single", "服务要?", ["拖延", "及时"], "B"),
            ("multiple", "渠道有?", ["电话", "邮件"], None),
        ],
    ),
    "an answer's numbered points on their own lines are its points until a line asks": (
        "简答题\n1. 如何处理投诉？\n答：1. 倾听\n2. 记录\n3. 回复\n2. 什么是满意度？\n答：\n1. 感受\n2. 期望\n"
        "3. 满意度怎样测量？\n答：问卷",
        [
            ("short", "如何处理投诉?", [], "1. 倾听\n2. 记录\n3. 回复"),
            ("short", "什么是满意度?", [], "1. 感受\n2. 期望"),
            ("short", "满意度怎样测量?", [], "问卷"),
        ],
    ),
    "decimals among options are never question numbers ('B. 2.5'); '15.45钢' is question 15": (
        "1. 圆周率约为？\nA. 3.14\nB. 2.5\n答案：A\n判断题\n(×)2.45钢比25钢软。",
        [("single", "圆周率约为?", ["3.14", "2.5"], "A"), ("truefalse", "45钢比25钢软。", [], False)],
    ),
    "【正确答案】/【答案解析】; an empty box after a finished statement is a judgement's; 第02讲 a chapter": (
        "1. 客户是？\nA. 上帝\nB. 对手\n【正确答案】A\n【答案解析】以客户为中心。\n2. 投诉要记录。（ ）\n✔\n"
        "第02讲 投诉处理\n3. 投诉可拖延。（ ）\n❌",
        [
            ("single", "客户是?", ["上帝", "对手"], "A"),
            ("truefalse", "投诉要记录。( )", [], True),
            ("truefalse", "投诉可拖延。( )", [], False),
        ],
    ),
    "a bank that numbers nothing: each answer line closes its question, whatever its type": (
        "客户是？\nA. 上帝\nB. 对手\n答案：A\n投诉要记录。\n答案：对\n服务要____。\n答案：及时\n"
        "如何处理投诉？\n答案：倾听\n二、判断题\n投诉可拖延。\n答案：错",
        [
            ("single", "客户是?", ["上帝", "对手"], "A"),
            ("truefalse", "投诉要记录。", [], True),
            ("fill", "服务要____。", [], ["及时"]),
            ("short", "如何处理投诉?", [], "倾听"),
            ("truefalse", "投诉可拖延。", [], False),
        ],
    ),
    "a key alone in brackets under the options ('【A】'); blanks numbered (1) (2) answered inline": (
        "1. 客户是？\nA. 上帝\nB. 对手\n【A】\n2. 服务要？\n【A】\n拖延\n【B】\n及时\n【B】\n"
        "填空题\n3. 客户是（1），服务要（2）。\n答案：（1）上帝（2）及时",
        [
            ("single", "客户是?", ["上帝", "对手"], "A"),
            ("single", "服务要?", ["拖延", "及时"], "B"),
            ("fill", "客户是(1),服务要(2)。", [], ["上帝", "及时"]),
        ],
    ),
    "fill answers typed into blanks made of spaces, in a fill section": (
        "二、填空题\n1. 投诉处理包括 受理     、 调查        和 回复           三步\n"
        "2.回访应在   三天    内完成。\n3.使用 CRM 系统登记。",
        [
            ("fill", "投诉处理包括____、____和____三步", [], ["受理", "调查", "回复"]),
            ("fill", "回访应在____内完成。", [], ["三天"]),
            ("fill", "使用 CRM 系统登记。", [], None),
        ],
    ),
    "a heading line of only a number and a type tag: the question is the line under it, never dropped": (
        "第1题(单选)：\n甲是?\nA. 产\nB. 客\n正确答案:B\n第2题(计算题)：\n成本5元售价8元,求利润。\n答:3元",
        [
            ("single", "甲是?", ["产", "客"], "B"),
            ("short", "成本5元售价8元,求利润。", [], "3元"),
        ],
    ),
    "a key of bare letters a line each answers the questions in order, whatever their numbers": (
        "单选题\n1、客户是?\nA. 上帝\nB. 对手\n①、服务要?\nA. 拖延\nB. 及时\n"
        "⑾、投诉要?\nA. 记录\nB. 忽视\n\n参考答案\nA\nB\nA",
        [
            ("single", "客户是?", ["上帝", "对手"], "A"),
            ("single", "①、服务要?", ["拖延", "及时"], "B"),
            ("single", "(11)、投诉要?", ["记录", "忽视"], "A"),
        ],
    ),
    "a glossary with nothing numbered: each 'term：definition' line is a term to explain": (
        "项目：为了创造独特的产品而进行的临时性工作。\n项目集：一组**相互关联**的项目。\n"
        "项目组合：为实现战略目标而组合管理的项目。\n组织战略：组织求得长期生存的总体性谋划。\n"
        "阶段关口：阶段末的审查。\n进入下个阶段前开展。",
        [
            ("short", "项目", [], "为了创造独特的产品而进行的临时性工作。"),
            ("short", "项目集", [], "一组相互关联的项目。"),
            ("short", "项目组合", [], "为实现战略目标而组合管理的项目。"),
            ("short", "组织战略", [], "组织求得长期生存的总体性谋划。"),
            ("short", "阶段关口", [], "阶段末的审查。\n进入下个阶段前开展。"),
        ],
    ),
    "unnumbered 'term：definition' lines under 名词解释 are one term each": (
        "四、名词解释\n项目：临时性工作。\n项目集：相互关联的项目。\n项目组合：组合管理的项目。",
        [
            ("short", "项目", [], "临时性工作。"),
            ("short", "项目集", [], "相互关联的项目。"),
            ("short", "项目组合", [], "组合管理的项目。"),
        ],
    ),
    "unnumbered open questions whose reference answers number their points": (
        "三、论述题\n太平天国农民革命失败的原因和教训\n1.缺乏先进阶级的领导。\n2.没有科学理论的指导。\n"
        "经验教训：农民不能担负起领导革命的重任。\n"
        "新中国建立初期开展的“三反”运动的内容及其意义。\n1.反贪污、反浪费、反官僚主义。\n2.促进了廉政建设。\n"
        "为什么说过渡时期总路线反映了历史的必然？\n历史表明，总路线是完全正确的，反映了历史的必然。\n"
        "“三湾改编”的主要内容是什么?\n1.将一个师缩编为一个团。",
        [
            (
                "short",
                "太平天国农民革命失败的原因和教训",
                [],
                "1.缺乏先进阶级的领导。\n2.没有科学理论的指导。\n经验教训:农民不能担负起领导革命的重任。",
            ),
            (
                "short",
                "新中国建立初期开展的“三反”运动的内容及其意义。",
                [],
                "1.反贪污、反浪费、反官僚主义。\n2.促进了廉政建设。",
            ),
            (
                "short",
                "为什么说过渡时期总路线反映了历史的必然?",
                [],
                "历史表明,总路线是完全正确的,反映了历史的必然。",
            ),
            ("short", "“三湾改编”的主要内容是什么?", [], "1.将一个师缩编为一个团。"),
        ],
    ),
    "a note under an open part's heading, then its numbered terms: questions, not the note's points": (
        "二、名词解释\n(共60分，每小题5分)\n1. 内环境稳态\n2. 氧解离曲线\n3. 管球反馈",
        [
            ("short", "内环境稳态", [], None),
            ("short", "氧解离曲线", [], None),
            ("short", "管球反馈", [], None),
        ],
    ),
    "the key's letter with its option's text typed into the stem's bracket ('(B场景)')": (
        "1.移动媒体的关键点的最佳选项（B场景）\nA.内容\nB.场景\nC.社交\n"
        "2.G.722编码标准采用的编码技术(D.SB-ADPCM)\nA.ADM\nB.PCM\nC.ADPCM\nD.SB-ADPCM\n"
        "3.下列属于媒体的是（A报纸）\nA.电视\nB.报纸",
        [
            ("single", "移动媒体的关键点的最佳选项( )", ["内容", "场景", "社交"], "B"),
            ("single", "G.722编码标准采用的编码技术( )", ["ADM", "PCM", "ADPCM", "SB-ADPCM"], "D"),
            ("single", "下列属于媒体的是(A报纸)", ["电视", "报纸"], None),
        ],
    ),
    "fill answers typed in brackets after their blanks, where the paper does so throughout": (
        "一、填空题\n1、城市轨道交通服务于城市______（客运）交通，以______（电能）为动力。\n"
        "2、地铁的产生源于将________（列车）引入________（城市）中心的构想。\n"
        "3、北京修建第一条地铁是为了适应________（国防）的需要。",
        [
            ("fill", "城市轨道交通服务于城市______交通,以______为动力。", [], ["客运", "电能"]),
            ("fill", "地铁的产生源于将________引入________中心的构想。", [], ["列车", "城市"]),
            ("fill", "北京修建第一条地铁是为了适应________的需要。", [], ["国防"]),
        ],
    ),
    "a bracket after one blank of a paper is a hint, not the answer": (
        "一、填空题\n1、客户关系管理简称____（英文缩写）。\n2、服务要____。\n3、投诉要____。",
        [
            ("fill", "客户关系管理简称____(英文缩写)。", [], None),
            ("fill", "服务要____。", [], None),
            ("fill", "投诉要____。", [], None),
        ],
    ),
    "rows of a table labelled V1, V2 … are no questions; 应用问题 names an open part": (
        "变量列表\nNR\tName\tDescription\nV1\tPAT\tPatient identification\nV2\tAGE\tPatient age\n"
        "一、应用问题\n1为了比较两组的工作能力，请制作箱线图。（2分）\n答：见附图。\n2两组的年龄有差异吗？（2分）",
        [
            ("short", "为了比较两组的工作能力,请制作箱线图。", [], "见附图。"),
            ("short", "两组的年龄有差异吗?", [], None),
        ],
    ),
    "a key written in the options' circled labels": (
        "1.投诉处理的第一步是( )\n①倾听 ②解释 ③补偿\n答案：②\n2.服务的要素有( )\n①态度 ②技能 ③环境\n答案：①③",
        [
            ("single", "投诉处理的第一步是( )", ["倾听", "解释", "补偿"], "B"),
            ("multiple", "服务的要素有( )", ["态度", "技能", "环境"], "AC"),
        ],
    ),
    "a numbered problem's conditions listed after '要求：' stay in its stem, its answer below": (
        "三、编程题\n1．编程计算N的阶乘最后非0的三位数。要求：\n（1）N从键盘输入，且1<N<100000\n"
        "（2）不够三位的补齐三位\nusing System;\nclass Program { }\n"
        "2．编写程序求两数之和。要求：\n（1）请说明输入格式是什么？\n（2）请写出程序。",
        [
            (
                "short",
                "编程计算N的阶乘最后非0的三位数。要求:\n(1)N从键盘输入,且1<N<100000\n(2)不够三位的补齐三位",
                [],
                "using System;\nclass Program { }",
            ),
            ("short", "请说明输入格式是什么?", [], None),  # (parts that ask: the stem is their material)
            ("short", "请写出程序。", [], None),
        ],
    ),
    "× typed as the letter X in a judgement's brackets": (
        "二、判断题\n1.销售订单不能进行信用额度控制。（ X ）\n2.V1有采购管理模块。（ √ ）\n"
        "三、填空题\n1.横轴称为（X）轴。",
        [
            ("truefalse", "销售订单不能进行信用额度控制。", [], False),
            ("truefalse", "V1有采购管理模块。", [], True),
            ("fill", "横轴称为____轴。", [], ["X"]),
        ],
    ),
    "an answer labelled '答案' and a space, no colon, opening its line": (
        "五、名词解释\n1.信息系统\n答案 以计算机技术为基础的人机系统。\n解析\n2.电子商务\n答案\t运用互联网开展交易。",
        [
            ("short", "信息系统", [], "以计算机技术为基础的人机系统。"),
            ("short", "电子商务", [], "运用互联网开展交易。"),
        ],
    ),
    "a list run on one line under a question ('其他功能：1.…2.…') is its text, though 2 is due next": (
        "1.说明cat命令的用途。\n主要用于显示文件。\n其他功能：1.一次显示整个文件。2.从键盘创建一个文件。3.合并文件。\n"
        "2.简述VI编辑器的工作模式。\n命令行模式和插入模式。",
        [
            (
                "short",
                "说明cat命令的用途。",
                [],
                "主要用于显示文件。\n其他功能:1.一次显示整个文件。2.从键盘创建一个文件。3.合并文件。",
            ),
            ("short", "简述VI编辑器的工作模式。", [], "命令行模式和插入模式。"),
        ],
    ),
    "a topic asked by its name alone, then points '1. 预处理阶段：…' before the numbering resumes": (
        "8.Linux和Windows下分区和目录的关系。\nLinux下分区属于目录。\n9.Gcc编译流程\n1. 预处理阶段：处理头文件和宏定义。\n"
        "2. 编译阶段：检查代码是否有语法错误，把代码编译成汇编语言\n3. 链接阶段：链接到函数库。\n10.什么是静态库？\n目标文件的归档文件。",
        [
            ("short", "Linux和Windows下分区和目录的关系。", [], "Linux下分区属于目录。"),
            (
                "short",
                "Gcc编译流程",
                [],
                "1.预处理阶段:处理头文件和宏定义。\n2.编译阶段:检查代码是否有语法错误,把代码编译成汇编语言\n3.链接阶段:链接到函数库。",
            ),
            ("short", "什么是静态库?", [], "目标文件的归档文件。"),
        ],
    ),
    "a multiple choice's key alone under its options, its letters spaced ('A B')": (
        "1、 以下哪些属于欧元纸币的面额？（）\nA： 500欧元\nB： 20欧元\nC： 3欧元\nA B\n\n2、 “假币”印章采用（）油墨。\nA： 蓝色\nB： 红色\nA",
        [
            ("multiple", "以下哪些属于欧元纸币的面额?()", ["500欧元", "20欧元", "3欧元"], "AB"),
            ("single", "“假币”印章采用()油墨。", ["蓝色", "红色"], "A"),
        ],
    ),
    "each option judged after an arrow ('-->yes', '-->no'): the key, the marks off the options": (
        "1、 以下哪些属于欧元纸币的面额？（）\nA： 500欧元   -->yes\nB： 20欧元   -->yes\nC： 3欧元   -->no\n\n"
        "2、 假币是指伪造和变造的货币。（ ）\nA： 正确   -->no\nB： 错误   -->yes",
        [
            ("multiple", "以下哪些属于欧元纸币的面额?()", ["500欧元", "20欧元", "3欧元"], "AB"),
            ("truefalse", "假币是指伪造和变造的货币。( )", [], False),
        ],
    ),
    "a knowledge point's title ending in a colon over points that ask nothing: its answer": (
        "1、测试完成的标准：\n（1）测试用例达到一定的覆盖率\n（2）基本的功能全部实现\n2、缺陷类型：\n（1）功能缺陷\n（2）界面缺陷\n"
        "3、软件测试的目的是什么？\n找出软件中潜在的错误。",
        [
            ("short", "测试完成的标准:", [], "(1)测试用例达到一定的覆盖率\n(2)基本的功能全部实现"),
            ("short", "缺陷类型:", [], "(1)功能缺陷\n(2)界面缺陷"),
            ("short", "软件测试的目的是什么?", [], "找出软件中潜在的错误。"),
        ],
    ),
    "a knowledge point's listed points, the part ending on a set numbered anew ('1、为什么…？')": (
        "11、软件缺陷的表现形式:\n(1)用户要求的功能没有实现。\n(2)运行出错。\n1、为什么想做测试不做开发？\n2、移动设备的测试方法？\n安装卸载。",
        [
            ("short", "软件缺陷的表现形式:", [], "(1)用户要求的功能没有实现。\n(2)运行出错。"),
            ("short", "为什么想做测试不做开发?", [], None),
            ("short", "移动设备的测试方法?", [], "安装卸载。"),
        ],
    ),
    "problems numbered in Chinese numerals, each its points then its text ('七、（20分）利用…')": (
        "复旦大学研究生课程考试试卷\n一、（15分）叙述并推导BP监督学习算法。\n二、（15分）简述分类与聚类的区别与联系。\n"
        "三、（20分）利用Hopfield神经网络实现一个TSP问题的求解。",
        [
            ("short", "叙述并推导BP监督学习算法。", [], None),
            ("short", "简述分类与聚类的区别与联系。", [], None),
            ("short", "利用Hopfield神经网络实现一个TSP问题的求解。", [], None),
        ],
    ),
    "a table of data under a question (a header of names, then numbered rows) is its text": (
        "1. 根据下表估计顾客的购买可能，并说明理由。\nUser id\tAge\tIncoming\tBuying\n1\t<=30\thigh\tno\n2\t>40\tlow\tyes\n"
        "3\t[31,40]\tmedium\tyes\n2. 什么是朴素贝叶斯？\n一种分类方法。",
        [
            (
                "short",
                "根据下表估计顾客的购买可能,并说明理由。\nUser id\tAge\tIncoming\tBuying\n1\t<=30\thigh\tno\n2\t>40\tlow\tyes\n"
                "3\t[31,40]\tmedium\tyes",
                [],
                None,
            ),
            ("short", "什么是朴素贝叶斯?", [], "一种分类方法。"),
        ],
    ),
    "a fill's key answering every blank on its line, a note on it below: the note explains": (
        "1. 执行 x.replace('hello', 'hi') 之后，x 的值为____。\n正确答案：'hello world'\nx 自身的值不会被 replace() 影响。\n"
        "2. 服务要____和____。\n答案：及时；热情\n两者缺一不可。\n3. 客户是____。\n答案：\n上帝\n朋友",
        [
            ("fill", "执行 x.replace('hello', 'hi') 之后,x 的值为____。", [], ["'hello world'"]),
            ("fill", "服务要____和____。", [], ["及时", "热情"]),
            ("fill", "客户是____。", [], ["上帝\n朋友"]),
        ],
    ),
    "a MOOC's type tag on the line under its stem, its points then the score got ('单选题 (10 分) 10分')": (
        "1. 这体现了格式塔理论的（ ）原则。\n单选题 (10 分) 10分\nA. 相似原则\nB. 连续原则\n正确答案: B\n"
        "2. 颜色的视觉通道包括\n多选题 (10 分) 0分\nA. 色调\nB. 饱和度\nC. 位置\n正确答案: A B",
        [
            ("single", "这体现了格式塔理论的( )原则。", ["相似原则", "连续原则"], "B"),
            ("multiple", "颜色的视觉通道包括", ["色调", "饱和度", "位置"], "AB"),
        ],
    ),
    "a part of programs to read ('阅读程序写输出结果'): each numbered program is a question, its text the stem": (
        "三、阅读程序写输出结果（每小题4分,共20分）\n1、\n#include <iostream.h>\nvoid main()\n{ int i = 4;\ncout << i <<endl;\n}\n"
        "2、\n#include <iostream.h>\nvoid main()\n{ cout << 5 <<endl;\n}",
        [
            ("short", "#include <iostream.h>\nvoid main()\n{ int i = 4;\ncout << i <<endl;\n}", [], None),
            ("short", "#include <iostream.h>\nvoid main()\n{ cout << 5 <<endl;\n}", [], None),
        ],
    ),
    "a graded paper's key beside each number ('1.⇥A'), its stem below; its score box furniture": (
        "终极测验\n1.\tA\n坚持真理尺度和价值尺度的辩证统一，要求我们坚持和弘扬\n(A)\t科学精神和人文精神\n(B)\t务实精神和奋斗精神\n"
        "分值：1\n得分： 分\t系统自动批改于2016年5月17日 9点45分\n2.\tC\n资本积累的实质是\n(A)\t扩大生产规模\n(B)\t增加社会财富\n"
        "(C)\t用剩余价值榨取更多的剩余价值\n分值：1\n得分： 分\t系统自动批改于2016年5月17日 9点45分",
        [
            (
                "single",
                "坚持真理尺度和价值尺度的辩证统一,要求我们坚持和弘扬",
                ["科学精神和人文精神", "务实精神和奋斗精神"],
                "A",
            ),
            (
                "single",
                "资本积累的实质是",
                ["扩大生产规模", "增加社会财富", "用剩余价值榨取更多的剩余价值"],
                "C",
            ),
        ],
    ),
    "a key's judgements each in brackets ('（√）（ X）'), a key part noted twice ('（…）（只要接近都对）')": (
        "一、判断题（每题1分）\n1. 软件是程序。\n2. 测试能证明没有错误。\n3. 文档属于软件。\n二、填空题（每空1分）\n"
        "1. 软件配置的基本单位是____。\n2. 模块独立性用____和内聚衡量。\n参考答案\n一、判断题（每题1分）\n"
        "（X）（ X）(√)\n二、填空题（每空1分）（只要与答案内容接近都按正确对待）\n1. 软件配置项\n2. 耦合",
        [
            ("truefalse", "软件是程序。", [], False),
            ("truefalse", "测试能证明没有错误。", [], False),
            ("truefalse", "文档属于软件。", [], True),
            ("fill", "软件配置的基本单位是____。", [], ["软件配置项"]),
            ("fill", "模块独立性用____和内聚衡量。", [], ["耦合"]),
        ],
    ),
    "a key without part names after a case answers the case, not the parts answered in place": (
        "四、简答题\n1．简述客户服务的重要性。\n答：提高满意度。\n"
        "五、案例分析题\n案例一：某客户因排队过长而投诉。\n问题：\n1．值班经理首先应该怎么做？\n2．如何避免类似投诉？\n"
        "参考答案：\n1．先安抚客户情绪。\n2．优化排队流程。",
        [
            ("short", "简述客户服务的重要性。", [], "提高满意度。"),
            ("short", "值班经理首先应该怎么做?", [], "先安抚客户情绪。"),
            ("short", "如何避免类似投诉?", [], "优化排队流程。"),
        ],
    ),
    "a quiz tool's export: a score over each stem, unlettered options, the key ticked (x)": (
        "+2\n本科层次弹性学习年限为（）年\n()2-7\n(x)3-7\n()3-5\n\n"
        "+2\n（）年，学院调整为省属本科高校。\n()2000年\n(x)2004年\n\n"
        "+2\n以下哪项是正确的（ ）。\n()迟到\n(x)以上都是\n\n+2\n题四（ ）\n(x)以上都是\n()甲\n\n"
        "+2\n题五（ ）\n()乙\n(x)以上都是\n\n+2\n题六（ ）\n(x)以上都是\n()丙\n",
        [
            ("single", "本科层次弹性学习年限为()年", ["2-7", "3-7", "3-5"], "B"),
            ("single", "()年,学院调整为省属本科高校。", ["2000年", "2004年"], "B"),
            ("single", "以下哪项是正确的( )。", ["迟到", "以上都是"], "B"),
            ("single", "题四( )", ["以上都是", "甲"], "A"),
            ("single", "题五( )", ["乙", "以上都是"], "B"),
            ("single", "题六( )", ["以上都是", "丙"], "A"),
        ],
    ),
    "a statement judged with the letter X after its full stop, its options none": (
        "多选题\n1.防伪特征包括（AB）。\nA.水印 B.凹印\n"
        "2. 第三套人民币有50元的面额。（X）\n3. 人民币的国际货币符号是CNY。（√）",
        [
            ("multiple", "防伪特征包括( )。", ["水印", "凹印"], "AB"),
            ("truefalse", "第三套人民币有50元的面额。", [], False),
            ("truefalse", "人民币的国际货币符号是CNY。", [], True),
        ],
    ),
    "a statement filled in that ends on its blank (a topic's words ask nothing)": (
        "第二章：需求分析\n5、需求分析常用的建模方法有 __DFD、UML__\n8、顶层DFD中包含的处理有 __1__ 个",
        [
            ("fill", "需求分析常用的建模方法有 ____", [], ["DFD、UML"]),
            ("fill", "顶层DFD中包含的处理有 ____ 个", [], ["1"]),
        ],
    ),
    "Taiwan's skills test: the key before each stem as option places, 複選 for several": (
        "單選題：\n58. (2)通道寬度不得小於 ①0.8公尺 ②1.0公尺 ③1.5公尺。\n"
        "複選題：\n61. (14)下列敘述何者正確？ ①甲 ②乙 ③丙 ④丁。\n62. (2018)年的規定何者正確？ ①甲 ②乙",
        [
            ("single", "通道寬度不得小於", ["0.8公尺", "1.0公尺", "1.5公尺。"], "B"),
            ("multiple", "下列敘述何者正確?", ["甲", "乙", "丙", "丁。"], "AD"),
            ("multiple", "(2018)年的規定何者正確?", ["甲", "乙"], None),
        ],
    ),
    "a key titled by the paper's variant (A卷答案)": (
        "一、填空题\n1. 数据标注需要(    )参与。\n2. 声音的频率单位是(    )。\n"
        "《人工智能数据标注》A卷答案\n一、填空题\n1. 人工\n2. 赫兹",
        [
            ("fill", "数据标注需要(    )参与。", [], ["人工"]),
            ("fill", "声音的频率单位是(    )。", [], ["赫兹"]),
        ],
    ),
    "a wrapped stem opening with its blank is no unlettered option": (
        "33.根据规定，国务院安委会主任约见\n（ ），就安全生产有关问题进行提醒。\nA.单位负责人\nB.政府负责人\n正确答案：B",
        [
            (
                "single",
                "根据规定,国务院安委会主任约见( ),就安全生产有关问题进行提醒。",
                ["单位负责人", "政府负责人"],
                "B",
            )
        ],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_convention(name: str) -> None:
    text, expected = CASES[name]
    assert [brief(q) for q in parse(text)] == expected


def test_a_case_whose_sub_questions_follow_its_story_without_a_problem_label() -> None:
    """ "(1) …？" straight under a case's story opens its questions (no "问题：" before them); a
    bare "案例分析" heading and the reading prompt are not the story."""
    qs = parse("四、案例分析题\n材料：某客户投诉空调不制冷。\n（1）客服错在哪里？\n（2）应如何处理？")
    assert [(q["stem"], q["material"]) for q in qs] == [
        ("客服错在哪里?", "某客户投诉空调不制冷。"),
        ("应如何处理?", "某客户投诉空调不制冷。"),
    ]
    qs = parse("案例分析\n阅读下面的材料，回答问题。\n某客户投诉，客服推诿。\n1. 客服错在哪里？\n答：推诿。")
    assert [(q["section"], q["stem"], q["answer"], q["material"]) for q in qs] == [
        ("案例分析", "客服错在哪里?", "推诿。", "某客户投诉,客服推诿。")
    ]


def test_lettered_parts_carrying_their_points_are_sub_questions_not_options() -> None:
    """ "a）…（15分）" "b）…（25分）" under a big question: a choice's options are never scored, so
    these are its sub-questions, each asked over its text (the points are not stem text)."""
    qs = parse("第一题（40分）：阅读下面的文法，回答问题。\na）写出词法规则（15分）\nb）设计语法（25分）")
    assert [(q["type"], q["stem"], q["options"], q["material"]) for q in qs] == [
        ("short", "写出词法规则", [], "阅读下面的文法,回答问题。"),
        ("short", "设计语法", [], "阅读下面的文法,回答问题。"),
    ]
    qs = parse("1. 下列正确的是（ ）（2分）\nA. 甲\nB. 乙（2分）")
    assert [(q["type"], q["options"]) for q in qs] == [("single", ["甲", "乙(2分)"])]


def test_english_parts_scored_in_points_or_shares_are_sub_questions() -> None:
    """English papers score a part "(3 points)" after it or "(30%)" before it; a part that asks
    ("Is (A, R) a lattice?") and so was never an option joins its scored siblings."""
    qs = parse(
        "Q1. Let A = {1, 2, 3, 6} and R on A be a | b.\n(a) (40%) Prove that R is a partial order.\n"
        "(b) (30%) Draw the Hasse diagram.\n(c) (30%) Is (A, R) a lattice? Justify.\n"
        "Q2. Requirements engineering.\n(a) One example of a non-functional requirement. (3 points)\n"
        "(b) The way it is validated. (2 marks)"
    )
    assert [(q["number"], q["stem"], q["material"]) for q in qs] == [
        ("1.1", "Prove that R is a partial order.", "Let A = {1, 2, 3, 6} and R on A be a | b."),
        ("1.2", "Draw the Hasse diagram.", "Let A = {1, 2, 3, 6} and R on A be a | b."),
        ("1.3", "Is (A, R) a lattice? Justify.", "Let A = {1, 2, 3, 6} and R on A be a | b."),
        ("2.1", "One example of a non-functional requirement.", "Requirements engineering."),
        ("2.2", "The way it is validated.", "Requirements engineering."),
    ]


def test_english_parts_that_ask_are_sub_questions_keyed_by_their_letters() -> None:
    """ "(a) contain an 'a'?" "(b) …" under a lead ending with a colon, or parts that each ask:
    sub-questions over the lead; an answer lettered the same way answers each ("Answer:" alone
    labels the answer under it, never a key that would swallow the questions after it)."""
    qs = parse(
        "Q1. How many strings of 4 lowercase letters:\n(a) contain at least one 'a'?\n(b) have all letters distinct?\n"
        "Answer:\n(a) 66351.\n(b) 358800.\nQ2. Show that 7 is prime.\nAnswer: It has no divisor but 1 and 7."
    )
    assert [(q["number"], q["stem"], q["material"], q["answer"]) for q in qs] == [
        ("1.1", "contain at least one 'a'?", "How many strings of 4 lowercase letters:", "66351."),
        ("1.2", "have all letters distinct?", "How many strings of 4 lowercase letters:", "358800."),
        ("2", "Show that 7 is prime.", "", "It has no divisor but 1 and 7."),
    ]
    # (a sentence's "(a)" is no part; nor are parts that neither ask nor follow a colon)
    qs = parse("1. 简述服务的要点。\n(a) 微笑\n(b) 耐心\n答案：略")
    assert [q["stem"] for q in qs] == ["简述服务的要点。"]
    qs = parse("21. 微内核方法的主要优势是什么？\n优势：\n（a）添加新服务不需要修改内核\n（b）它更安全")
    assert [q["number"] for q in qs] == ["21"]  # (a Chinese answer's points under a colon)


def test_a_letter_before_a_relation_is_a_variable_not_an_option() -> None:
    qs = parse("1. Let A = {1, 2, 3}, B = {2, 3, 4}. How many elements has A ∩ B?\n答案：2")
    assert [(q["type"], q["stem"], q["options"]) for q in qs] == [
        (
            "short",
            "Let A = {1, 2, 3}, B = {2, 3, 4}. How many elements has A ∩ B?",
            [],
        )
    ]


def test_material_is_shared_by_case_sub_questions() -> None:
    qs = parse(CASES["case study with shared material"][0])
    assert {q["material"] for q in qs} == {"某客户投诉空调不制冷,客服推诿。"}


def test_explanation_kept() -> None:
    qs = parse(CASES["【答案】【解析】 and 参考答案:"][0])
    assert qs[0]["explanation"] == "首位接待者负责跟进。"


def test_difficulty_read_from_metadata() -> None:
    lines = [Line(text=t, lineno=i) for i, t in enumerate(["1. 甲?", "A.a B.b", "答案:A 难度:难"], 1)]
    assert parse_lines("x.txt", lines).questions[0].difficulty == 4


def test_guesses_are_flagged_for_review() -> None:
    qs = parse("1. 哪些是渠道?\nA.电话\nB.邮件\nC.会议")
    assert qs[0]["type"] == "multiple"
    assert "no answer found" in qs[0]["warnings"] and "type guessed" in qs[0]["warnings"]


def test_question_printed_twice_is_flagged() -> None:
    qs = parse("1. 甲是什么?\n答案:甲\n2. 乙是什么?\n3. 甲是什么?")
    assert qs[2]["warnings"] == ["no answer found", "possible duplicate of the question at line 1"]
    assert qs[1]["warnings"] == ["no answer found"]


def test_a_paper_printed_bare_then_with_its_key_keys_the_first_printing() -> None:
    """The bare paper, then a 解析 part printing each question again over its 【参考答案】: the
    first printing (the one the bank keeps; the repeat is flagged and skipped) takes the key."""
    qs = parse(
        "一、单选题\n1. 客户投诉时首先应?\nA. 倾听\nB. 争辩\n2. 如何称呼客户?\nA. 您\nB. 你\n"
        "解析\n1. 客户投诉时首先应?\nA. 倾听\nB. 争辩\n【参考答案】A\n【解析】先倾听。\n"
        "2. 如何称呼客户?\nA. 您\nB. 你\n【参考答案】A\n"
    )
    assert [(q["number"], q["answer"]) for q in qs] == [("1", "A"), ("2", "A"), ("1", "A"), ("2", "A")]
    assert qs[0]["explanation"] == "先倾听。" and "no answer found" not in qs[0]["warnings"]
    assert qs[2]["warnings"] == ["possible duplicate of the question at line 2"]


def test_a_markdown_list_nested_in_a_question_holds_points_of_its_answer() -> None:
    md = (
        "# 第三章\n\n1. 可靠传输有哪些优缺点?\n\n    答：\n\n    1. 优点：减少差错。\n    2. 缺点：增加时延。\n"
        "2. PPP 适用于什么情况?\n\n    答：点到点的传输。\n"
    )
    paper = parse_document("hw.md", md.encode())
    assert [(q.number, q.stem, q.answer) for q in paper.questions] == [
        ("1", "可靠传输有哪些优缺点?", "1. 优点:减少差错。\n2. 缺点:增加时延。"),
        ("2", "PPP 适用于什么情况?", "点到点的传输。"),
    ]


def test_options_as_table_rows_with_a_mark_column_and_english_true_false() -> None:
    md = (
        "1. In such a scenario, the project sponsor is _____.\n\n"
        "|      |      |                     |\n| ---- | ---- | ---- |\n"
        "|      | a.   | the project team    |\n| *    | b.   | the Robinson family |\n"
        "|      | c.   | Steve               |\n\n"
        "2. Decisions in one knowledge area rarely affect other knowledge areas. (F)\n"
        "3. A project has a unique purpose. (T)\n"
    )
    paper = parse_document("neu.md", md.encode())
    assert [(q.type, q.options, q.answer) for q in paper.questions] == [
        ("single", ["the project team", "the Robinson family", "Steve"], "B"),
        ("truefalse", [], False),
        ("truefalse", [], True),
    ]
    assert paper.questions[1].stem == "Decisions in one knowledge area rarely affect other knowledge areas."


def test_big_questions_named_di_x_ti_with_material_and_close_bracket_numbers() -> None:
    qs = parse(
        "第一题，简答题，共 20 分\n1) 请简述编译器的工作流程。\n2) 常见的存储分配方法有哪些？\n"
        "第二题，问答题，共 15 分\n考虑下面的程序：\nB1: if j >= n goto Exit\n"
        "1) 画出控制流图；\n2) 计算各基本块的活跃变量；\n"
        "第三题，问答题\n请给出一个翻译方案，要求：\n1) node 先声明后使用；\n2) 无重复声明；"
    )
    assert [(q["section"], q["number"], q["stem"]) for q in qs[:4]] == [
        ("第一题,简答题,共 20 分", "1", "请简述编译器的工作流程。"),
        ("第一题,简答题,共 20 分", "2", "常见的存储分配方法有哪些?"),
        ("第二题,问答题,共 15 分", "1", "画出控制流图;"),
        ("第二题,问答题,共 15 分", "2", "计算各基本块的活跃变量;"),
    ]
    assert qs[2]["material"] == qs[3]["material"] == "考虑下面的程序:\nB1: if j >= n goto Exit"
    # a requirements list stays with its question, part of what it asks
    assert (qs[4]["stem"], qs[4]["answer"]) == (
        "请给出一个翻译方案,要求:\n1) node 先声明后使用;\n2) 无重复声明;",
        None,
    )
    assert len(qs) == 5


def test_questions_numbered_di_yi_ti_in_chinese_numerals() -> None:
    qs = parse("第一题：下列哪项正确？\nA. 甲\nB. 乙\n答案：A\n第二题：哪项错误？\nA. 丙\nB. 丁\n答案：B")
    assert [(q["number"], q["stem"], q["answer"]) for q in qs] == [
        ("1", "下列哪项正确?", "A"),
        ("2", "哪项错误?", "B"),
    ]


def test_close_bracket_points_under_questions_numbered_with_a_dot_stay_in_the_answer() -> None:
    qs = parse(
        "一、简答题\n1. 客户投诉有哪些种类？\n1)服务质量。\n2)维修技术。\n2. 怎样稳定客户情绪？\n1)单独交谈。"
    )
    assert [(q["number"], q["answer"]) for q in qs] == [
        ("1", "1)服务质量。\n2)维修技术。"),
        ("2", "1)单独交谈。"),
    ]


def test_platform_export_in_markdown_with_type_tags_and_no_numbers() -> None:
    """学习通 pages turned into Markdown: italic labels as stray underscores, escaped blanks,
    "【单选题】" opening each question, per-blank fill answers, a topic heading between parts."""
    md = (
        "## Java语言概述\n\n【单选题】运行Java程序的工具在\\_\\_\\_\\_目录。\n\n_A、_lib\n_B、_bin\n\n"
        "正确答案： B 我的答案：A\n\n"
        "【填空题】JDK的中文意思是\\_\\_\\[填空1\\]\\_\\_,JVM是\\_\\_\\[填空2\\]\\_\\_。\n\n"
        "正确答案：_第一空：_ Java开发包;Java开发工具包_第二空：_ Java虚拟机\n\n"
        "【判断题】若文件以A.java命名,只生成A的字节码。正确答案：_×_， 我的答案：_√_\n\n"
        "## Java语言基础\n\n- **break；break 标签**\n"
    )
    questions = parse_document("export.md", md.encode()).questions
    assert [(q.type, q.stem, q.options, q.answer) for q in questions] == [
        ("single", "运行Java程序的工具在____目录。", ["lib", "bin"], "B"),
        ("fill", "JDK的中文意思是____,JVM是____。", [], ["Java开发包|Java开发工具包", "Java虚拟机"]),
        ("truefalse", "若文件以A.java命名,只生成A的字节码。", [], False),
    ]


def test_platform_export_in_markdown_with_labels_in_star_italics() -> None:
    """A newer 学习通 export: "*我的答案:*:*正确答案:*A:text;" (labels in star italics, touching
    one another, the stars left in the text by CommonMark) and "*答案解析：*"; bold stays."""
    md = (
        "### 1. (单选题)负责元数据的是( )\n\n- A. NameNode\n- B. DataNode\n\n"
        "*我的答案:*:*正确答案:*A:NameNode;\n\n*答案解析：*NameNode 管理元数据。\n\n"
        "### 2. (判断题)HDFS支持并发写入。\n\n- A. 对\n- B. 错\n\n*我的答案:**正确答案:*错\n\n"
        "### 3. (单选题)3*4 等于( )\n\n- A. 12\n- B. **7**\n\n**答案:** A\n"
    )
    questions = parse_document("export.md", md.encode()).questions
    assert [(q.type, q.stem, q.answer, q.explanation) for q in questions] == [
        ("single", "负责元数据的是( )", "A", "NameNode 管理元数据。"),
        ("truefalse", "HDFS支持并发写入。", False, ""),
        ("single", "3*4 等于( )", "A", ""),
    ]


def test_an_english_papers_answers_part_keyed_by_its_own_numbering_with_reasons() -> None:
    """ "Answers" (or "Answer Key") alone heads the key part of an English paper; its entries
    number as the questions did, "1) C – reason": the letter, then the reason after a dash."""
    paper = (
        "1) Why is the cloud cheaper?\nA) Monthly bills\nB) On-demand instances\n"
        "2) Which service sends alerts?\nA) SNS\nB) IAM\n\nAnswer Key\n"
        "1) B – Instances launch when needed.\n2) A – SNS is integrated with CloudWatch.\n"
    )
    assert [(q["answer"], q["explanation"]) for q in parse(paper)] == [
        ("B", "Instances launch when needed."),
        ("A", "SNS is integrated with CloudWatch."),
    ]
    # "(1)" in a key under questions numbered "1." is a point of an answer, not an entry
    qs = parse("一、简答题\n1. 简述X？\n参考答案\n1. 要点如下：\n(1) 甲\n(2) 乙")
    assert [(q["number"], q["answer"]) for q in qs] == [("1", "要点如下:\n(1) 甲\n(2) 乙")]


def test_a_key_typed_straight_after_the_stems_blank_or_full_stop() -> None:
    """ "…在于（   ）。B", "…根据____来管理。B", "SJF属于公平调度算法。D": the letters typed after
    the stem answer it; letters ending a stem without a blank or a full stop ("…简称DB") do not."""
    qs = parse(
        "1.引入多道程序的目的在于（   ）。B\nA、提高速度\nB、利用CPU\n"
        "2.操作系统根据_____来控制作业。A\nA、作业说明书\nB、源程序\n"
        "3.SJF属于公平调度算法。D\nA、不知道\nB、不选\nC、正确\nD、错误\n"
        "4.数据库系统简称DB\nA、对\nB、错\nC、不知道\nD、都不是"
    )
    assert [(q["stem"], q["answer"]) for q in qs] == [
        ("引入多道程序的目的在于(   )。", "B"),
        ("操作系统根据_____来控制作业。", "A"),
        ("SJF属于公平调度算法。", "D"),
        ("数据库系统简称DB", None),
    ]


def test_a_dated_key_title_repeated_under_a_sites_header_and_values_holding_digits_and_letters() -> None:
    """ "2006年10月…试题答案" heads the key part (a date before the paper's name), the paper's own
    "…试题答案" under the site's copy of it is the same key, and "20A8H；11488H" answers two
    blanks: "8H" inside a value is no key entry "8 H"."""
    qs = parse(
        "一、单项选择题\n1．甲是（ ）\nA．x B．y\n二、填空题\n"
        "22．有效地址为________，物理地址为________。\n23．一类称为________，另一类称为________。\n"
        "2006年10月汇编语言程序设计试题答案\n来源： http://www.example.com\n汇编语言程序设计试题答案\n"
        "一、\n1、B\n二、\n22、20A8H；11488H\n23、状态；控制"
    )
    assert [(q["number"], q["answer"]) for q in qs] == [
        ("1", "B"),
        ("22", ["20A8H", "11488H"]),
        ("23", ["状态", "控制"]),
    ]


def test_parts_answered_together_under_the_last_one_each_get_their_own() -> None:
    """A case's parts "（1）…？" "（2）…？", then "答：" and "（1）POST" "（2）…": the answers of
    the parts in turn, not parts numbered afresh; a lone question's "答：（1）…（2）…" stays whole."""
    qs = parse(
        "简答题\n一、某系统发送的请求如下图，请回答：\n（1） 该请求是 GET 还是 POST？\n"
        "（2） 应使用哪个注解？\n答：\n（1）POST请求\n（2）@RestController"
    )
    assert [(q["number"], q["stem"], q["answer"]) for q in qs] == [
        ("1", "该请求是 GET 还是 POST?", "POST请求"),
        ("2", "应使用哪个注解?", "@RestController"),
    ]
    qs = parse("简答题\n1. 简述过滤器的作用。\n答：\n（1）过滤请求\n（2）记录日志")
    assert [(q["stem"], q["answer"]) for q in qs] == [("简述过滤器的作用。", "(1)过滤请求\n(2)记录日志")]


def test_numbering_resumes_after_a_list_inside_a_question() -> None:
    """A numbered program listing inside question 46 is part of it; sub-questions 1. 2. under
    question 47 are questions; either way question 48 follows, and "问题：" in a sentence is a word."""
    qs = parse(
        "45.求最大公约数。\n46.把以下程序的 print( )函数改写为递归函数。\n1. #include<iostream>\n"
        "2. void print(int w) {\n3. }\n4. int main() {\n5. print(5);\n6. }\n"
        "47.编写以下函数：\n1．形成 n 阶矩阵；\n2．去掉靠边元素；\n3．求对角线之和；\n"
        "48.汉诺塔问题。这是一个古典的数学问题：古代有一个梵塔。\n49.选择排序。"
    )
    assert [q["number"] for q in qs] == ["45", "46", "47", "1", "2", "3", "48", "49"]
    assert qs[1]["stem"].endswith(
        "递归函数。\n1. #include<iostream>\n2. void print(int w) {\n3. }\n4. int main() {\n5. print(5);\n6. }"
    )
    assert qs[6]["stem"] == "汉诺塔问题。这是一个古典的数学问题:古代有一个梵塔。"


def test_answer_points_and_per_blank_answers_on_lines_under_their_label() -> None:
    short = parse("一、简答题\n1. 简述X？\n答：\n(1) 甲\n(2) 乙\n2. 简述Y？\n答：丙")
    assert [(q["number"], q["answer"]) for q in short] == [("1", "(1) 甲\n(2) 乙"), ("2", "丙")]
    fill = parse(
        "一、填空题\n1. 注解是@____;访问是@____\n我的答案：\n(1) Compnent\n(2) Repository\n"
        "正确答案：\n(1) Component\n(2) Repository\nAI讲解\n2. 需要结合@____\n我的答案：\n(1) Q\n正确答案：\n(1) Qualifier"
    )
    assert [(q["number"], q["answer"]) for q in fill] == [
        ("1", ["Component", "Repository"]),
        ("2", ["Qualifier"]),
    ]


def test_markdown_options_as_a_nested_list_and_keys_in_colour() -> None:
    md = (
        '# 单选题\n\n1. 软件测试的主要目的是\n   1. 证明程序无错\n   2. <font color="#F56C6C">发现程序中的错误</font>\n'
        '   3. 修复程序中的错误\n\n# 填空题\n\n1. 软件工程按<font color="red">工程化</font>的原则组织开发。\n\n'
        "# 名词解释\n\n1. **黑盒测试**\n\n   不关注内部结构，验证功能是否正确。\n"
    )
    questions = parse_document("se.md", md.encode()).questions
    assert [(q.type, q.stem, q.options, q.answer) for q in questions] == [
        ("single", "软件测试的主要目的是", ["证明程序无错", "发现程序中的错误", "修复程序中的错误"], "B"),
        ("fill", "软件工程按____的原则组织开发。", [], ["工程化"]),
        ("short", "黑盒测试", [], "不关注内部结构,验证功能是否正确。"),
    ]


def test_markdown_flashcard_notes_front_matter_tags_and_bullet_answers() -> None:
    """Notes kept for Anki/Obsidian: front matter, a question line ending in tags, its answer the
    bullet list under it (coloured words inside an answer are emphasis, not a key)."""
    md = (
        "---\ntags: 服务\ncards-deck: 客服\n---\n\n"
        "投诉处理的原则是什么？ #anki #客服\n- 首问<font color=#ed1c24>负责</font>\n- 限时办结\n\n"
        "客户流失的原因有哪些？ #anki\n- 服务态度差，响应慢。\n\n"
        "下列哪个是预处理指令 #define\n- 宏定义\n\n"
        "满意度回访的意义 #anki\n- 发现问题\n- 留住客户\n\n"
        "电话礼仪包括哪些？\n- 三声内接听\n"
    )
    paper = parse_document("notes.md", md.encode())
    assert [(q.type, q.stem, q.answer) for q in paper.questions] == [
        ("short", "投诉处理的原则是什么?", "首问负责\n限时办结"),
        ("short", "客户流失的原因有哪些?", "服务态度差,响应慢。"),
        ("short", "下列哪个是预处理指令 #define", "宏定义"),
        ("short", "满意度回访的意义", "发现问题\n留住客户"),
        ("short", "电话礼仪包括哪些?", "三声内接听"),
    ]


def test_programming_problems_under_headings_typed_without_their_space() -> None:
    """An online judge's problems (题目内容/输入格式/输入样例…) are whole questions, their sample
    data included; "###1 标题" is a heading whose space was left out."""
    md = (
        "##期末考试编程题部分\n这里有两道编程题。\n\n###1 字符串右移（5分）\n题目内容：\n将字符串循环右移N次。\n\n"
        "输入样例：\nHello#\n2\n\n输出样例：\nloHel\n\n###2 分数比较（10分）\n题目内容：\n比较两个分数的大小。\n"
    )
    questions = parse_document("oj.md", md.encode()).questions
    assert [(q.number, q.stem) for q in questions] == [
        ("1", "字符串右移(5分)\n题目内容:\n将字符串循环右移N次。\n输入样例:\nHello#\n2\n输出样例:\nloHel"),
        ("2", "分数比较(10分)\n题目内容:\n比较两个分数的大小。"),
    ]


def test_unlabelled_bullets_under_a_question_are_its_options_when_the_paper_keys_them() -> None:
    """The key's letter emphasised after the stem, or one option in bold under a stem with a blank;
    unkeyed bullets under a question stay its answer's points."""
    md = (
        "# 题库\n1. 服务的核心是\\_\\_\\_\\_。  *B*\n\n+ 价格\n\n+ 客户\n\n"
        "2. 礼仪包括（ ）\n\n+ 微笑\n\n+ **倾听**\n\n+ 争辩\n\n3. 投诉要记录哪些？\n\n+ 时间\n\n+ **诉求**\n"
    )
    questions = parse_document("bank.md", md.encode()).questions
    assert [(q.type, q.stem, q.options, q.answer) for q in questions] == [
        ("single", "服务的核心是____。", ["价格", "客户"], "B"),
        ("single", "礼仪包括( )", ["微笑", "倾听", "争辩"], "B"),
        ("short", "投诉要记录哪些?", [], "时间\n**诉求**"),
    ]


def test_unlabelled_bullets_keyed_by_the_text_of_the_right_one() -> None:
    """A quiz app's bank: unlabelled bullets nested under each stem, the key a quoted line naming
    the right bullet's text (as a code span); a judgement's key names its verdict so."""
    md = (
        "1. 扑救火灾最有利的阶段是____。  \n      * 火灾发展阶段  \n      * 火灾初起阶段  \n"
        "      > 正确答案为：`火灾初起阶段`\n\n"
        "2. 旅游业发展由国务院综合协调。这种说法是____的。  \n      * 正确  \n      * 错误  \n"
        "      > 正确答案为：`正确`\n\n"
        "3. 京剧最基本的两种声腔为____、____。  \n      * 二黄 吹腔  \n      * 西皮 二黄  \n"
        "      > 正确答案为：`西皮 二黄`\n"
    )
    assert [(q["type"], q["options"], q["answer"]) for q in parse_markdown(md)] == [
        ("single", ["火灾发展阶段", "火灾初起阶段"], "B"),
        ("truefalse", [], True),
        ("single", ["二黄 吹腔", "西皮 二黄"], "B"),
    ]


def test_a_question_set_in_a_code_block_with_its_options_is_a_question() -> None:
    """A quiz copied into code blocks to keep its layout, the question and its labelled options
    inside each block."""
    md = (
        "## 选择题\n\n```java\n下列哪个是JDK提供的编译器?\nA. java.exe\nB. javac.exe\n```\n\n"
        "```java\n下列哪个叙述是正确的?\nA. Java源文件中只能有一个类。\nB. Java源文件的扩展名是.java\n```\n"
    )
    questions = parse_document("quiz.md", md.encode()).questions
    assert [(q.stem, q.options) for q in questions] == [
        ("下列哪个是JDK提供的编译器?", ["java.exe", "javac.exe"]),
        ("下列哪个叙述是正确的?", ["Java源文件中只能有一个类。", "Java源文件的扩展名是.java"]),
    ]


def test_markdown_code_blocks_and_linked_stems_stay_in_the_question() -> None:
    md = (
        "### 1. [下面程序会输出什么（）](https://example.com/q/1)\n```c\nclass A {};\nA *a = new B;\n"
        "int main() {\n  return 0;\n}\n```\n\n- [ ] A. 1 2\n- [x] B. 1 1\n\n"
        "### 2. 以下哪个不是C语言的关键字?\n```\nA.scanf\nB.else\n```\n答案：A\n"
    )
    questions = parse_document("cpp.md", md.encode()).questions
    assert [(q.stem, q.options, q.answer) for q in questions] == [
        ("下面程序会输出什么()\nclass A {};\nA *a = new B;\nint main() {\nreturn 0;\n}", ["1 2", "1 1"], "B"),
        ("以下哪个不是C语言的关键字?", ["scanf", "else"], "A"),
    ]


def test_chosen_option_written_in_the_blank_and_an_answer_after_the_question_on_its_line() -> None:
    qs = parse(
        "选择题\n1.\t地面火炬系统中，用于分离液体的设备是（C. 分液罐）。\n"
        "简答题\n1.\t简述地面火炬系统的工作流程。 放空气体经管道输送至燃烧器。\n"
        "2.\t血红蛋白的氧合曲线不同，为什么？ (15分)"
    )
    assert [(q["type"], q["stem"], q["answer"]) for q in qs] == [
        ("single", "地面火炬系统中,用于分离液体的设备是( )。", "C"),
        ("short", "简述地面火炬系统的工作流程。", "放空气体经管道输送至燃烧器。"),
        ("short", "血红蛋白的氧合曲线不同,为什么?", None),
    ]


def test_textbook_section_numbers_and_worked_solutions() -> None:
    qs = parse(
        "5.8图 练习\n5.8.1问答题\n2.若有向图有拓扑序列，邻接矩阵必为什么矩阵？\n"
        "3.请计算退火后45号钢中铁素体的含量是多少? 解:根据杠杆原理得 F=0.94\n"
        "4.堆排序 快速排序 归并排序中：\n若只从储存空间考虑时，应首选哪种方法？\n"
        "5.45钢和25钢哪个硬？"
    )
    assert [(q["number"], q["stem"], q["answer"]) for q in qs] == [
        ("2", "若有向图有拓扑序列,邻接矩阵必为什么矩阵?", None),
        ("3", "请计算退火后45号钢中铁素体的含量是多少?", "根据杠杆原理得 F=0.94"),
        ("4", "堆排序 快速排序 归并排序中:\n若只从储存空间考虑时,应首选哪种方法?", None),
        ("5", "45钢和25钢哪个硬?", None),
    ]


def test_numbered_blanks_take_no_answer_from_brackets_in_code() -> None:
    qs = parse("二、填空题\n1. 有如下程序: int fun1(int x) {return ++x;} 【8】 的输出是")
    assert (qs[0]["type"], qs[0]["answer"]) == ("fill", None)


def test_options_labelled_with_a_comma_in_a_paper_numbered_with_commas() -> None:
    qs = parse(
        "一、选择题\n3,如下python代码运行后的结果是( ):\ni = 7\nprint(i)\nA,2\nB,3\nC,7\n答案:C\n4,选A,B都对吗?"
    )
    assert (qs[0]["stem"], qs[0]["options"], qs[0]["answer"]) == (
        "如下python代码运行后的结果是( ):\ni = 7\nprint(i)",
        ["2", "3", "7"],
        "C",
    )
    assert qs[1]["stem"] == "选A,B都对吗?"


def test_records_of_labelled_fields_and_questions_numbered_in_chinese_numerals() -> None:
    records = parse(
        "题号：1\n题型：多选题\n题目：哪些是渠道？\n【选项】\nA.电话\nB.邮件\n答案：AB\n解析：都是。\n\n"
        "题号：2\n题型：判断题\n题目：服务没有标准。\n答案：错误"
    )
    assert [(q["number"], q["type"], q["stem"], q["options"], q["answer"]) for q in records] == [
        ("1", "multiple", "哪些是渠道?", ["电话", "邮件"], "AB"),
        ("2", "truefalse", "服务没有标准。", [], False),
    ]
    essays = parse(
        "客户服务考试\n一、简述客户服务的重要性。\n答：客户是企业之本。\n二、如何处理客户投诉？\n答：倾听、道歉。"
    )
    assert [(q["stem"], q["answer"]) for q in essays] == [
        ("简述客户服务的重要性。", "客户是企业之本。"),
        ("如何处理客户投诉?", "倾听、道歉。"),
    ]


def test_markdown_bank_with_labelled_nested_options_notes_in_code_and_task_list_judgements() -> None:
    md = (
        "## 单项选择\n\n### 1-10\n\n"
        "1. 服务的核心是 B。\n"
        "   1. A、价格\n"
        "   2. **B、客户**\n\n"
        "   ```\n   参考：https://example.com/notes\n   1. 客户优先\n   ```\n\n"
        "2.2.1 计算机系统基础知识\n\n"
        "2. 礼仪的基础是\n"
        "   1. **A、微笑**\n"
        "   2. B、争辩\n\n"
        "### 11-20\n\n"
        "11. 投诉首先要\n"
        "    1. **A、倾听**\n"
        "    2. B、解释\n\n"
        "## 判断\n\n"
        "- [x] 服务要及时。\n\n"
        "> 1. 及时回应\n> 2. 及时解决\n\n"
        "- [ ] 可以与客户争辩。\n"
    )
    qs = [q.as_json("bank.md", i) for i, q in enumerate(parse_document("bank.md", md.encode()).questions, 1)]
    assert [(q["type"], q["stem"], q["options"], q["answer"]) for q in qs] == [
        ("single", "服务的核心是 B。", ["价格", "客户"], "B"),
        ("single", "礼仪的基础是", ["微笑", "争辩"], "A"),
        ("single", "投诉首先要", ["倾听", "解释"], "A"),
        ("truefalse", "服务要及时。", [], True),
        ("truefalse", "可以与客户争辩。", [], False),
    ]
    assert "参考:https://example.com/notes" in qs[0]["explanation"]
    assert [q["section"] for q in qs[:3]] == ["1-10", "1-10", "11-20"]


def test_unnumbered_statements_judged_on_the_lines_under_them_and_options_relabelled() -> None:
    md = (
        "## 判断\n\n服务要及时。\n\n- 对\n- 错\n\n可以与客户争辩。\n\n- 对\n- **错**\n\n"
        "投诉要记录。\n**T**\n\n礼貌用语不重要。\n**F**\n\n"
        "## 单选\n\n- 服务的核心是什么？\n\n  A. 价格\n\n  **B. 客户**\n\n"
        "- 礼仪的基础是（）\n\n  **A 微笑**        B 争辩\n"
    )
    questions = parse_document("bank.md", md.encode()).questions
    assert [(q.type, q.stem, q.options, q.answer) for q in questions] == [
        ("truefalse", "服务要及时。", [], None),  # two plain choices: no key
        ("truefalse", "可以与客户争辩。", [], False),
        ("truefalse", "投诉要记录。", [], True),
        ("truefalse", "礼貌用语不重要。", [], False),
        ("single", "服务的核心是什么?", ["价格", "客户"], "B"),
        ("single", "礼仪的基础是()", ["微笑", "争辩"], "A"),
    ]


@pytest.mark.parametrize("question, option, key", [("@", "#", "%"), ("&", "~", "=")])
def test_banks_in_a_sigil_markup_whose_marks_are_learnt_from_the_file(
    question: str, option: str, key: str
) -> None:
    records = [(f"第{n}条服务规范的核心是", [f"价格{n}", f"客户{n}"], "AB"[n % 2]) for n in range(6)]
    text = "\n".join(
        f"{question}{stem}\n{option} {options[0]}    {option} {options[1]}\n{key}{answer}\u3000$第一章"
        for stem, options, answer in records
    )
    assert [brief(q) for q in parse(text)] == [("single", s, o, a) for s, o, a in records]


def test_a_sigil_bank_whose_key_mark_once_holds_no_letter_keeps_that_line() -> None:
    # The key's mark is learnt from nine lines in ten holding letters: the tenth is no crash.
    records = [(f"第{n}条服务规范的核心是", "AB"[n % 2]) for n in range(9)]
    text = "".join(f"@{stem}\n# 价格    # 客户\n%{answer}\n" for stem, answer in records)
    qs = parse(text + "@第九条服务规范的核心是\n# 价格    # 客户\n%见教材\n")
    assert [(q["stem"], q["answer"]) for q in qs] == [*records, ("第九条服务规范的核心是", None)]


def test_a_few_lines_opening_with_punctuation_are_no_sigil_markup() -> None:
    qs = parse("1. 服务的核心是\nA. 价格\nB. 客户\n答案：B\n# 备注\n% 说明\n@ 作者")
    assert [brief(q) for q in qs] == [("single", "服务的核心是", ["价格", "客户"], "B")]


def test_bracketed_points_of_an_open_answer_are_not_questions_but_sub_questions_are() -> None:
    qs = parse(
        "三、简答题\n1.简述客户服务的渠道有哪些。\n（1）电话，最常用的渠道；\n（2）邮件，留有记录。\n"
        "2.请简述：\n（1）投诉处理的步骤\n倾听、道歉、解决\n（2）回访的作用\n了解满意度\n"
        "3.某客户连续投诉三次。\n（1）应该如何安抚？\n（2）如何避免再次投诉？\n4.总结。"
    )
    assert [(q["number"], q["stem"], q["answer"], q["material"]) for q in qs] == [
        ("1", "简述客户服务的渠道有哪些。", "(1)电话,最常用的渠道;\n(2)邮件,留有记录。", ""),
        ("1", "投诉处理的步骤", "倾听、道歉、解决", "请简述:"),
        ("2", "回访的作用", "了解满意度", "请简述:"),
        ("1", "应该如何安抚?", None, "某客户连续投诉三次。"),  # the case, shared by its questions
        ("2", "如何避免再次投诉?", None, "某客户连续投诉三次。"),
        ("4", "总结。", None, ""),
    ]


def test_exam_board_paper_with_parts_named_by_heavenly_stems_and_a_glued_number_column() -> None:
    qs = parse(
        "代號：50140 - 50540\n51240、51340\n頁次：4－1\n"
        "甲、申論題部分：（60分）\n不必抄題，作答時請將試題題號及答案依照順序寫在申論試卷上。\n"
        "一、你是派出所所長，帶班巡邏時獲報轄內發生交通事故，請說明如何處理？（20分）\n"
        "乙、測驗題部分：（40分）\n1警察執行職務時，下列何者最為適當？\n(A)甲 (B)乙\n(C)丙 (D)丁\n"
        "2依規定，下列何者錯誤？\n(A)子 (B)丑\n(C)寅 (D)卯"
    )
    assert [(str(q["section"])[:7], q["number"], q["type"], q["stem"]) for q in qs] == [
        ("甲、申論題部分", "1", "short", "你是派出所所長,帶班巡邏時獲報轄內發生交通事故,請說明如何處理?"),
        ("乙、測驗題部分", "1", "single", "警察執行職務時,下列何者最為適當?"),
        ("乙、測驗題部分", "2", "single", "依規定,下列何者錯誤?"),
    ]


def test_markdown_keys_under_a_bold_label_or_a_folded_details_block() -> None:
    md = (
        "### 1. 服务的核心是？\n\n- A. 价格\n- B. 客户\n\n**答案**：B\n\n"
        "### 2. 礼仪的基础是？\n\n- A. 微笑\n- B. 争辩\n\n<details>\n<summary>点击查看答案</summary>\n\nA\n\n</details>\n"
    )
    questions = parse_document("bank.md", md.encode()).questions
    assert [(q.stem, q.answer) for q in questions] == [("服务的核心是?", "B"), ("礼仪的基础是?", "A")]


def test_markdown_answer_labels_in_italics() -> None:
    """ "*Answer*: B", "_答案_：A": the label set in italics is the label all the same."""
    table = "| Choice | |\n| :- | -: |\n| A | $AB$ |\n| B | $A \\cup B$ |\n| C | $\\overline{A}$ |\n"
    md = (
        f"#### 1-1\n\nWhich is a union?\n\n{table}\n*Answer*: B\n\n"
        f"#### 1-2\n\nWhich is the first set?\n\n{table}\n*Answer*: A\n\n"
        "#### 1-3\n\n礼仪的基础是？\n\n- A. 微笑\n- B. 争辩\n\n_答案_：A\n"
    )
    questions = parse_document("exam.md", md.encode()).questions
    assert [(q.stem, q.answer) for q in questions] == [
        ("Which is a union?", "B"),
        ("Which is the first set?", "A"),
        ("礼仪的基础是?", "A"),
    ]
    assert [len(q.options) for q in questions] == [3, 3, 2]  # (the tables' "Choice" header no option)


def test_a_chapter_heading_keeps_its_name_after_a_space() -> None:
    qs = parse(
        "第一章 服务\n1.服务的核心是\nA.价格\nB.客户\n答案：B\n第二章 礼仪\n1.礼仪的基础是\nA.微笑\nB.争辩\n答案：A"
    )
    assert [(q["chapter"], q["stem"]) for q in qs] == [
        ("第一章 服务", "服务的核心是"),
        ("第二章 礼仪", "礼仪的基础是"),
    ]


def test_notes_whose_headings_ask_read_each_heading_as_a_question_and_the_text_below_as_its_answer() -> None:
    from importers.pipeline.parse import HEADINGS_NOTE

    """Review notes: a heading per question (a question mark, or an imperative such as 简述/试说明/
    讨论), the answer below as prose, numbered points or a list, to the next heading. The
    numbered points are the answer's, never questions; a heading that asks nothing is a topic."""
    md = (
        "# 简答题总览\n\n## 服务的目标是什么？\n\n**有效，方便**\n\n"
        "## 投诉处理的步骤有哪些？\n\n1.倾听客户。\n2.道歉安抚。\n3.跟进回访。\n\n"
        "## 第二部分 礼仪\n\n## 试说明首问负责制\n\n第一位接待者负责到底。\n\n另外要记录。\n\n"
        "## **讨论**电话礼仪的要点\n\n- 三声内接听\n- 先问好\n\n"
        "## 简述客户流失的原因\n\n服务态度差。\n"
    )
    paper = parse_document("notes.md", md.encode())
    assert [(q.section, q.stem, q.answer) for q in paper.questions] == [
        ("简答题总览", "服务的目标是什么?", "有效,方便"),
        ("简答题总览", "投诉处理的步骤有哪些?", "1.倾听客户。\n2.道歉安抚。\n3.跟进回访。"),
        ("第二部分 礼仪", "试说明首问负责制", "第一位接待者负责到底。\n另外要记录。"),
        ("第二部分 礼仪", "讨论电话礼仪的要点", "三声内接听\n先问好"),
        ("第二部分 礼仪", "简述客户流失的原因", "服务态度差。"),
    ]
    assert {q.type for q in paper.questions} == {"short"}
    # Headings over choice questions are not notes: their options keep them questions of the paper.
    quiz = "".join(f"## {n}. 下列哪个是第{n}项？\n\nA. 甲\nB. 乙\n\n答案：A\n\n" for n in range(1, 7))
    questions = parse_document("quiz.md", quiz.encode()).questions
    assert [(q.type, q.options, q.answer) for q in questions] == [("single", ["甲", "乙"], "A")] * 6
    tasks = "".join(f"## 下列哪个是第{n}项？\n\n- [x] 甲\n- [ ] 乙\n\n" for n in range(1, 7))
    assert HEADINGS_NOTE not in parse_document("tasks.md", tasks.encode()).warnings


def test_options_set_as_a_markdown_table_with_the_key_row_coloured() -> None:
    """A quiz site's export: "编号 | 选项" over rows "A | text"; the key's row set in red."""
    md = "".join(
        f"### {n}.客户服务的第{n}条原则是_____。\n|编号|选项|\n|:-|:-|\n|A|倾听|\n"
        f'|<font color="red">B</font>|<font color="red">及时</font>|\n|C|争辩|\n\n'
        for n in (1, 2)
    )
    questions = parse_document("quiz.md", md.encode()).questions
    assert [(q.type, q.stem, q.options, q.answer) for q in questions] == [
        ("single", f"客户服务的第{n}条原则是_____。", ["倾听", "及时", "争辩"], "B") for n in (1, 2)
    ]


def test_interview_notes_in_markdown_keep_their_answers_numbered_points() -> None:
    """Interview notes: a bold numbered question (or "**Q：…**"), its answer below; the answer's
    "1." "2." points (after "特征：", or straight under the question) are not questions."""
    bold = (
        "**1. 什么是进程？**\n\n进程是程序的一次执行。特征：\n\n1. 动态性\n2. 并发性\n\n"
        "**2. 什么是线程？**\n\n线程是调度的基本单位。\n\n**3. 进程与线程的区别？**\n\n1. 进程分配资源\n2. 线程被调度\n"
    )
    assert [(q.stem, q.answer) for q in parse_document("notes.md", bold.encode()).questions] == [
        ("什么是进程?", "进程是程序的一次执行。特征:\n1. 动态性\n2. 并发性"),
        ("什么是线程?", "线程是调度的基本单位。"),
        ("进程与线程的区别?", "1. 进程分配资源\n2. 线程被调度"),
    ]
    qa = "**Q：什么是进程？**\n\nA：进程是程序的一次执行。\n\n**Q：什么是线程？**\n\nA：线程是调度的基本单位。\n"
    assert [(q.stem, q.answer) for q in parse_document("qa.md", qa.encode()).questions] == [
        ("什么是进程?", "进程是程序的一次执行。"),
        ("什么是线程?", "线程是调度的基本单位。"),
    ]


def test_question_headings_under_topic_headings_including_ones_that_ask_by_their_topic() -> None:
    md = (
        "## 操作系统\n\n### 什么是进程？\n\n进程是程序的一次执行。\n\n### 什么是线程\n\n线程是调度的基本单位。\n\n"
        "## 网络\n\n### 三次握手的过程\n\n1. SYN\n2. SYN+ACK\n3. ACK\n\n### 为什么要四次挥手？\n\n因为全双工。\n"
    )
    assert [(q.section, q.stem, q.answer) for q in parse_document("notes.md", md.encode()).questions] == [
        ("操作系统", "什么是进程?", "进程是程序的一次执行。"),
        ("操作系统", "什么是线程", "线程是调度的基本单位。"),
        ("网络", "三次握手的过程", "1. SYN\n2. SYN+ACK\n3. ACK"),
        ("网络", "为什么要四次挥手?", "因为全双工。"),
    ]


def test_a_question_with_one_option_read_keeps_its_text_and_says_so() -> None:
    from importers.pipeline.classify import LONE_OPTION

    lines = [Line(text=t, lineno=i) for i, t in enumerate(["1. 客户是？", "A.上帝 朋友", "答案：A"], 1)]
    (question,) = parse_lines("case.txt", lines).questions
    assert question.stem == "客户是?\n上帝 朋友" and LONE_OPTION in question.warnings


def test_lines_under_the_options_that_no_field_took_are_kept_and_flagged() -> None:
    # "O.朋友": OCR's O for the label D; the line is no option, but its text must not vanish.
    from importers.pipeline.classify import UNPLACED_LINES

    text = ["1. 客户是？", "A.上帝", "B.对手", "C.路人", "O.朋友", "答案：A"]
    (question,) = parse_lines("case.txt", [Line(text=t, lineno=i) for i, t in enumerate(text, 1)]).questions
    assert question.options == ["上帝", "对手", "路人"] and question.explanation == "O.朋友"
    assert UNPLACED_LINES in question.warnings


def test_notes_whose_questions_are_bold_lines_or_headings_numbered_q1() -> None:
    bold = (
        "**什么是进程？**\n\n进程是程序的一次执行。\n\n**什么是线程？**\n\n线程是调度单位。\n\n"
        "**死锁的条件有哪些？**\n\n1. 互斥\n2. 占有并等待\n"
    )
    assert [(q.stem, q.answer) for q in parse_document("notes.md", bold.encode()).questions] == [
        ("什么是进程?", "进程是程序的一次执行。"),
        ("什么是线程?", "线程是调度单位。"),
        ("死锁的条件有哪些?", "1. 互斥\n2. 占有并等待"),
    ]
    q1 = "### Q1: 什么是进程？\n进程是程序的一次执行。\n\n### Q2: 什么是线程？\n线程是调度单位。\n\n### Q3: 区别？\n资源与调度。\n"
    assert [q.stem for q in parse_document("q.md", q1.encode()).questions] == [
        "什么是进程?",
        "什么是线程?",
        "区别?",
    ]


def test_a_bullet_item_holding_a_question_and_its_answer_paragraph_under_it() -> None:
    """ "- 问题？" then, indented in the same item, its answer: the item's first paragraph asks,
    the next one answers (the reader marks only an item's first paragraph as its bullet)."""
    md = "".join(f"- 问题{n}是什么？\n\n  答案{n}是这样的。\n\n" for n in range(1, 7))
    questions = parse_document("notes.md", md.encode()).questions
    assert [(q.stem, q.answer) for q in questions] == [
        (f"问题{n}是什么?", f"答案{n}是这样的。") for n in range(1, 7)
    ]


def test_interview_banks_asking_with_bullets_over_answer_paragraphs() -> None:
    """ "- 什么是多态？" then "答：…" paragraphs, under topic headings: each bullet that asks with prose
    under it is a question; "答：" is the answer's label and a sources line its explanation. Bullets
    that are an answer's points stay the answer's."""
    md = (
        "## 1.1 服务礼仪（⭐⭐）\n\n- 什么是首问负责制？\n\n【参考资料】：《服务规范》第3条\n\n"
        "答：第一位接待的人负责到底。\n\n- **投诉处理有哪些步骤？**\n\n答：步骤如下：\n\n- 倾听\n- 道歉\n\n"
        "## 1.2 杂项\n\n- 电话礼仪的特性\n\n三声内接听，先问好。\n\n- 回访如何安排？\n\n答：三天内回访。\n"
    )
    questions = parse_document("bank.md", md.encode()).questions
    assert [(q.section, q.stem, q.answer, q.explanation) for q in questions] == [
        (
            "1.1 服务礼仪(⭐⭐)",
            "什么是首问负责制?",
            "第一位接待的人负责到底。",
            "【参考资料】:《服务规范》第3条",
        ),
        ("1.1 服务礼仪(⭐⭐)", "投诉处理有哪些步骤?", "步骤如下:\n倾听\n道歉", ""),
        ("1.2 杂项", "电话礼仪的特性", "三声内接听,先问好。", ""),
        ("1.2 杂项", "回访如何安排?", "三天内回访。", ""),
    ]


def test_open_questions_without_numbers_each_answered_under_da() -> None:
    """Review sheets: an unnumbered "…？" then "答：…" is a question in any paper (even one with
    numbered parts elsewhere); in the answer, "1." "一、…二、" "1）" are its points and parts, a
    line of prose that asks by a word ("…相结合") is not a question, and a question wrapped at the
    page's width keeps its first line."""
    prose = "客户服务的质量决定了企业的口碑，员工需要把规范与实际相结合分析问题。" * 12
    wrapped = "\n".join(prose[i : i + 20] for i in range(0, len(prose), 20))
    text = (
        "一、选择题\n1. 客户是？\nA. 上帝\nB. 对手\n答案：A\n二、问答题\n"
        "如何理解首问负责制的意义？\n答：1.明确责任，必须与岗位职责相结合。\n2.提升客户满意度。\n"
        f"投诉处理有哪些要求？\n答：处理投诉要及时。\n1）先道歉。\n2）再处理。\n{wrapped}\n"
        "如何认识客户服务中分析投诉原因与改进服务之间的关\n系？\n"
        "答：一、分析原因\n1．倾听客户。\n2．记录问题。\n二、改进服务\n1．定期回访。\n"
    )
    # (the prose cut at the page's width is read whole again where a cut line does not end a sentence)
    assert [(q["type"], q["stem"], str(q["answer"]).replace("\n", "")) for q in parse(text)] == [
        ("single", "客户是?", "A"),
        ("short", "如何理解首问负责制的意义?", "1.明确责任,必须与岗位职责相结合。2.提升客户满意度。"),
        ("short", "投诉处理有哪些要求?", "处理投诉要及时。1)先道歉。2)再处理。" + prose.replace("，", ",")),
        (
            "short",
            "如何认识客户服务中分析投诉原因与改进服务之间的关系?",
            "一、分析原因1.倾听客户。2.记录问题。二、改进服务1.定期回访。",
        ),
    ]


def test_note_headings_that_introduce_their_text_with_a_colon_or_name_an_understanding() -> None:
    """In notes whose headings ask, "#### TCP三次握手：" and "#### 三者的理解" head their answers
    too, and so do "12. 请用…[1 分]" and "2.3 指出…" (read without number and points); a heading
    over nothing but the next heading stays a topic, and a bold line that only names a topic
    ("**…的内容**") is text, not a question."""
    md = (
        "## 网络：\n\n#### TCP三次握手：\n\n客户端发起，服务器确认。\n\n#### token、cookie三者的理解\n\n都用于认证。\n\n"
        "#### 什么是跨域？\n\n协议、域名、端口不同。\n\n#### 如何防抖？\n\n用定时器。\n"
        "### 12. 请用 dos 命令删除文件。[1 分]\n\n```\ndel A.txt\n```\n\n### 2.3 指出两段代码的局部性特征。\n\n时间局部性。\n"
        "> **答案中疑似有来自 AI 的内容**\n"
    )
    questions = parse_document("notes.md", md.encode()).questions
    assert [(q.section, q.stem, q.answer) for q in questions] == [
        ("网络:", "TCP三次握手:", "客户端发起,服务器确认。"),
        ("网络:", "token、cookie三者的理解", "都用于认证。"),
        ("网络:", "什么是跨域?", "协议、域名、端口不同。"),
        ("网络:", "如何防抖?", "用定时器。"),
        ("网络:", "请用 dos 命令删除文件。", "del A.txt"),
        ("网络:", "指出两段代码的局部性特征。", "时间局部性。\n答案中疑似有来自 AI 的内容"),
    ]


def test_under_a_part_naming_an_open_type_every_note_heading_names_a_question() -> None:
    """Review notes under "【简答6*5'=30'】" or "计算题4*5'=20'" head each question with its topic
    alone ("## 计算机网络定义"): each heading is a question, the text under it its answer (without
    the textbook page "P19" it cites), none when nothing or only "？" is under it; a chapter
    heading over deeper headings still only names the chapter."""
    md = (
        "【简答6*5'=30'】\n## 计算机网络定义\nP19 计算机网络是互联的计算机的集合。\n## 时延有哪些\n1. 发送时延\n2. 传播时延\n"
        "## 交换机工作原理\n\n## 网络拓扑分类\n？\n## 第二章 物理层\n### 基带编码\n不归零制，曼彻斯特编码\n"
        "计算题4*5'=20'\n## CRC校验\n除法计算\n"
    )
    questions = parse_document("notes.md", md.encode()).questions
    assert [(q.section, q.stem, q.answer) for q in questions] == [
        ("【简答6*5'=30'】", "计算机网络定义", "计算机网络是互联的计算机的集合。"),
        ("【简答6*5'=30'】", "时延有哪些", "1. 发送时延\n2. 传播时延"),
        ("【简答6*5'=30'】", "交换机工作原理", None),
        ("【简答6*5'=30'】", "网络拓扑分类", None),
        ("第二章 物理层", "基带编码", "不归零制,曼彻斯特编码"),
        ("计算题4*5'=20'", "CRC校验", "除法计算"),
    ]


def test_maths_papers_parts_named_by_points_and_problems_with_conditions_and_sub_questions() -> None:
    """Maths papers name parts by their points alone ("四、（本大题共2小题…）", "五、（本题满分12分）");
    a problem may list its conditions "(1)…(2)…" before asking "(1)…？(2)…？" numbered again
    (the conditions are its text); "(1)" "(2)" under "4." are its parts, and "5." after them the
    next question."""
    text = (
        "四、（本大题共2小题，每小题8分，满分16分）\n2. (6分) 求下列图形中阴影部分的面积。\n3. 某商场开展优惠活动：\n"
        "(1)如果一次购物不超过200元，不予折扣；\n(2)如果一次购物超过200元，按标价给予九折优惠。\n"
        "王老师两次去商场购物，分别付款160元和360元。\n(1)王老师第二次购物商品的标价是多少元？\n(2)一次性购买可以节省多少元？\n"
        "五、（本题满分12分）\n4. 用关系代数写出下列查询（每题2分）\n(1) 查询读者的姓名。\n(2) 查询女读者的姓名。\n"
        "5. 用 SQL 语言写出下列查询（每题2分）\n(1) 查询读者的个数。\n"
    )
    conditions = (
        "某商场开展优惠活动:\n(1) 如果一次购物不超过200元,不予折扣;\n(2) 如果一次购物超过200元,按标价给予九折优惠。\n"
        "王老师两次去商场购物,分别付款160元和360元。"
    )
    assert [(q["section"], q["stem"], q["material"]) for q in parse(text)] == [
        ("四、(本大题共2小题,每小题8分,满分16分)", "求下列图形中阴影部分的面积。", ""),
        ("四、(本大题共2小题,每小题8分,满分16分)", "王老师第二次购物商品的标价是多少元?", conditions),
        ("四、(本大题共2小题,每小题8分,满分16分)", "一次性购买可以节省多少元?", conditions),
        ("五、(本题满分12分)", "查询读者的姓名。", "用关系代数写出下列查询(每题2分)"),
        ("五、(本题满分12分)", "查询女读者的姓名。", "用关系代数写出下列查询(每题2分)"),
        ("五、(本题满分12分)", "查询读者的个数。", "用 SQL 语言写出下列查询(每题2分)"),
    ]


def test_problems_asking_their_parts_and_big_questions_numbered_on_in_chinese_numerals() -> None:
    """Under a part named "计算" alone, "1." states a problem and "1）画出…" "2）…多少…" ask its
    parts (not an answer's points); the paper's big questions go on "五、分析…" "六、…完成下列要求："
    (over its parts) and "七、…如下图所示。" asking on the next line "请写出…"; "证明：" under a
    question opens its answer, never a part."""
    text = (
        "计算\n1.某计算机主存按字节编址，CPU有20根地址引脚，Cache与主存间采用2路组相连映像方式。\n"
        "1）画出主存地址的组成格式\n2）该Cache最多可有多少块\n2.某外设通过串行口与主机相连，若传输速率1200波特，求每秒传送的字符数。\n"
        "五、分析以下电路（列出真值表，写出逻辑关系表达式），说明电路功能\n"
        "六、欲用16K x 4bit的SRAM芯片构成64K x 8bit的主存储器，完成下列要求：\n1）写出SRAM芯片的地址引脚信号个数\n"
        "2）主存储器需要多少片SRAM芯片？\n七、CPU内部结构及数据通路如下图所示，时序系统采用联合控制方式，寄存器的控制信号未标出。\n"
        "请写出单字指令SUB的微操作命令序列。\n"
    )
    cache = "某计算机主存按字节编址,CPU有20根地址引脚,Cache与主存间采用2路组相连映像方式。"
    memory = "欲用16K x 4bit的SRAM芯片构成64K x 8bit的主存储器,完成下列要求:"
    assert [(q["section"], q["type"], q["number"], q["stem"], q["material"]) for q in parse(text)] == [
        ("计算", "short", "1", "画出主存地址的组成格式", cache),
        ("计算", "short", "2", "该Cache最多可有多少块", cache),
        ("计算", "short", "2", "某外设通过串行口与主机相连,若传输速率1200波特,求每秒传送的字符数。", ""),
        ("计算", "short", "5", "分析以下电路(列出真值表,写出逻辑关系表达式),说明电路功能", ""),
        ("计算", "short", "1", "写出SRAM芯片的地址引脚信号个数", memory),
        ("计算", "short", "2", "主存储器需要多少片SRAM芯片?", memory),
        (
            "计算",
            "short",
            "7",
            "CPU内部结构及数据通路如下图所示,时序系统采用联合控制方式,寄存器的控制信号未标出。\n请写出单字指令SUB的微操作命令序列。",
            "",
        ),
    ]
    proof = "三、证明题\n1. 证明根号2是无理数。\n证明：\n假设根号2是有理数。\n2. 证明素数有无穷多个。\n"
    assert [(q["section"], q["answer"]) for q in parse(proof)] == [
        ("三、证明题", "证明:\n假设根号2是有理数。"),
        ("三、证明题", None),
    ]


def test_interview_answers_written_as_prose_lists_and_steps_under_their_questions() -> None:
    """Unlabelled answers under open questions keep what looks like structure: "区别：" then
    "a. …" (no options), a sentence holding "什么" under a stem that asked, a line that only uses
    "说明", steps "(1)…。" (no sub-questions) and "①…②…" inside prose."""
    text = (
        "1、什么叫优雅降级和渐进增强?\n渐进增强：针对低版本浏览器进行构建页面。\n区别：\n"
        "a. 优雅降级是从复杂的现状开始\nb. 渐进增强则是从一个基础的版本开始\n"
        "2、在Javascript中什么是伪数组?\n伪数组：无法直接调用数组方法或期望length属性有什么特殊的行为。\n"
        "3、手写数组快速排序\n关于快排算法的详细说明，可以参考阮一峰老师的文章\n整个排序过程只需要三步：\n"
        "(1)在数据集之中，选择一个元素作为基准。\n(2)所有小于基准的元素，都移到基准的左边。\n"
        "4、如何理解马克思主义中国化的科学内涵？\n㈠涵义：用马克思主义来解决中国的问题。㈡原因：①是经验的总结。②是解决问题的需要。\n"
    )
    assert [brief(q) for q in parse(text)] == [
        (
            "short",
            "什么叫优雅降级和渐进增强?",
            [],
            "渐进增强:针对低版本浏览器进行构建页面。\n区别:\na. 优雅降级是从复杂的现状开始\nb. 渐进增强则是从一个基础的版本开始",
        ),
        (
            "short",
            "在Javascript中什么是伪数组?",
            [],
            "伪数组:无法直接调用数组方法或期望length属性有什么特殊的行为。",
        ),
        (
            "short",
            "手写数组快速排序",
            [],
            "关于快排算法的详细说明,可以参考阮一峰老师的文章\n整个排序过程只需要三步:\n"
            "(1)在数据集之中,选择一个元素作为基准。\n(2)所有小于基准的元素,都移到基准的左边。",
        ),
        (
            "short",
            "如何理解马克思主义中国化的科学内涵?",
            [],
            "(一)涵义:用马克思主义来解决中国的问题。(二)原因:①是经验的总结。②是解决问题的需要。",
        ),
    ]


def test_options_labelled_without_punctuation_and_problems_titled_in_an_application_part() -> None:
    """ "A代理对象 B 被代理对象 …" opening a line is a run of options ("A股" in a stem is no label);
    in a 综合应用题 part "水果盘：在水果盘中…" titles a problem, where in 名词解释 "客户：…" is a
    term and its definition."""
    text = (
        "一、选择题\n1.（ A ）可以在客户端和目标对象之间起到中介的作用。\nA代理对象 B 被代理对象 C 使用代理的对象 D 中间对象\n"
        "2. A股市场的交易时间是（ ）\nA.上午 B.下午\n"
        "三、综合应用题\n1.水果盘：在水果盘中有一些水果，大水果盘中还可以有小水果盘。使用组合模式模拟该场景。\n"
        "四、名词解释\n1.客户：购买产品或服务的人。\n"
    )
    assert [brief(q) for q in parse(text)] == [
        (
            "single",
            "可以在客户端和目标对象之间起到中介的作用。",
            ["代理对象", "被代理对象", "使用代理的对象", "中间对象"],
            "A",
        ),
        ("single", "A股市场的交易时间是( )", ["上午", "下午"], None),
        (
            "short",
            "水果盘:在水果盘中有一些水果,大水果盘中还可以有小水果盘。使用组合模式模拟该场景。",
            [],
            None,
        ),
        ("short", "客户", [], "购买产品或服务的人。"),
    ]


def test_a_platform_export_with_the_type_glued_to_the_stem_and_the_key_in_its_blank() -> None:
    """学习通 copied as text: "单选题唐代诗人(A)也是…" (the type glued on, the key in the blank,
    "(A)" no option without a "(B)" after it), "判断题…。正确" (the verdict after the statement)."""
    text = (
        "1\n单选题唐代诗人(A)也是奇石收藏家。\nA、白居易\nB、李白\n2\n判断题中国园林起源于殷商。正确\n"
        "3\n单选题若定义 struct {short k;} A[5];那么sizeof(A)是\nA.10\nB.5\n"
    )
    assert [brief(q) for q in parse(text)] == [
        ("single", "唐代诗人( )也是奇石收藏家。", ["白居易", "李白"], "A"),
        ("truefalse", "中国园林起源于殷商。", [], True),
        ("single", "若定义 struct {short k;} A[5];那么sizeof(A)是", ["10", "5"], None),
    ]


def test_a_bulleted_question_back_at_the_depth_of_numbered_ones_over_its_nested_answer() -> None:
    """Markdown review lists nest each answer under its numbered question; a bullet back at the
    questions' depth over a nested list of its own is one more question (a bullet nested under an
    answer stays in it)."""
    md = (
        "1. 怎么评价毛泽东思想\n   1. 实事求是。\n   2. 群众路线。\n"
        "   * 独立自主。\n\n* 什么是马克思主义\n  * 是关于一般规律的理论体系。\n\n"
        "* 马克思主义中国化的几次历史性飞跃\n  1. 新民主主义时期：毛泽东思想\n"
    )
    questions = parse_document("notes.md", md.encode()).questions
    assert [(q.stem, q.answer) for q in questions] == [
        ("怎么评价毛泽东思想", "1. 实事求是。\n2. 群众路线。\n独立自主。"),
        ("什么是马克思主义", "是关于一般规律的理论体系。"),
        ("马克思主义中国化的几次历史性飞跃", "1. 新民主主义时期:毛泽东思想"),
    ]


def test_note_headings_over_their_terms_definition_and_bullets_that_state() -> None:
    """In notes whose headings ask, "### 数据库的安全性" over "数据库的安全性是指…" heads its
    answer too (the text defines the heading's term), and a bullet that finishes a sentence
    ("- 内模式也称存储模式，是…的描述。") is a point of an answer, never a question."""
    md = (
        "### 什么是三级模式？\n三级模式由外模式、模式和内模式构成。\n- 模式是全体数据的逻辑结构的描述。\n"
        "- 内模式也称存储模式，是数据物理结构的描述。\n\n### 数据库的安全性\n数据库的安全性是指保护数据库以防止不合法的使用。\n\n"
        "### 什么是视图？\n视图是虚表。\n"
    )
    questions = parse_document("notes.md", md.encode()).questions
    assert [(q.stem, q.answer) for q in questions] == [
        (
            "什么是三级模式?",
            "三级模式由外模式、模式和内模式构成。\n模式是全体数据的逻辑结构的描述。\n内模式也称存储模式,是数据物理结构的描述。",
        ),
        ("数据库的安全性", "数据库的安全性是指保护数据库以防止不合法的使用。"),
        ("什么是视图?", "视图是虚表。"),
    ]


def test_a_key_repeating_the_parts_whose_numbers_run_on_through_the_paper() -> None:
    """Numbers run on through the paper (单选 1, 填空 2–3) and the key repeats the parts with the
    same numbers: "2．态度、技能、知识" under the key's "二、填空题" answers question 2."""
    text = (
        "一、单选题\n1. 客户服务的核心是？\nA.态度 B.价格\n二、填空题\n2．服务的三要素是______、______和______。\n"
        "3．客户是______。\n参考答案\n一、单选题\n1. A\n二、填空题\n2．态度、技能、知识\n3．上帝\n"
    )
    assert [q["answer"] for q in parse(text)] == ["A", ["态度", "技能", "知识"], ["上帝"]]


def test_a_bank_that_prints_only_keys_and_option_lines_whose_labels_went_unread() -> None:
    """ "题目：…（）。" / "答案：B" with no options is a choice whose options went unprinted
    (flagged); a statement keyed "A"/"B" is a judgement exported as 对/错; keyed by letters, the
    unlabelled lines under a stem ("A要情发现报告", "E. …") are its options."""
    text = (
        "题目：建设更高水平平安中国的根本遵循是（）。\n答案：B\n\n题目：平安建设的重点方向包括（）。\n答案：A,B,C\n\n"
        "题目：决胜“十四五”的核心是坚持高质量发展。\n答案：A\n\n题目：平安中国建设已经全部完成。\n答案：B\n\n"
        "1. 要情报告包括（   ）。\nA要情发现报告\nB要情发生报告\nC要情进展报告\n答案：AC\n"
        "2. “天不变，道亦不变”。这是一种\nE. 唯心主义观点\nF. 形而上学观点\n答案：B\n"
    )
    questions = parse(text)
    assert [brief(q) for q in questions] == [
        ("single", "建设更高水平平安中国的根本遵循是()。", [], "B"),
        ("multiple", "平安建设的重点方向包括()。", [], "ABC"),
        ("truefalse", "决胜“十四五”的核心是坚持高质量发展。", [], True),
        ("truefalse", "平安中国建设已经全部完成。", [], False),
        ("multiple", "要情报告包括(   )。", ["要情发现报告", "要情发生报告", "要情进展报告"], "AC"),
        ("single", "“天不变,道亦不变”。这是一种", ["唯心主义观点", "形而上学观点"], "B"),
    ]
    assert questions[0]["warnings"] == ["no options were printed, only the key"]


def test_headings_over_numbered_questions_answered_in_the_text_are_its_parts() -> None:
    """Headings that name parts ("## 名词解释(每题5分)") or sittings ("## 1.1. 第20240707北京")
    over "1、管理的含义" / "答：…": the text numbers and answers its own questions; the headings
    ask nothing, and "1.1." is a document's section number, not question 1."""
    md = (
        "## 名词解释(每题5分)\n## 1.1. 第20240707北京\n1、管理的含义\n答：对组织的资源进行计划、组织、领导和控制。\n"
        "2、决策的概念\n答：从可行方案中选择一个方案。\n## 简答题(每题10分)\n1、简述集权与分权\n答：集权是决策权集中在上级。\n"
    )
    questions = parse_document("notes.md", md.encode()).questions
    assert [(q.stem, q.answer) for q in questions] == [
        ("管理的含义", "对组织的资源进行计划、组织、领导和控制。"),
        ("决策的概念", "从可行方案中选择一个方案。"),
        ("简述集权与分权", "集权是决策权集中在上级。"),
    ]


def test_a_program_listing_numbered_line_by_line_stays_in_its_question() -> None:
    """Listings printed with their line numbers ("10.  #include <stdio.h>", "2. using namespace
    std;") are the question's program, kept line by line in its stem, never questions of their
    own; a question that names the program to follow ("把以下程序…") keeps it too."""
    text = (
        "一、单项选择题\n1. What will be the value of d in the following program?\n10.     #include <stdio.h>\n"
        "11.     int main()\n12.     {\n13.         int d = 5 + 5 == 10;\n14.     }\na) Syntax error\nb) 1\nAnswer: b\n"
        "2. What is the output of this C code?\n1.     #include <stdio.h>\n2.     int main()\n3.     }\na) 9\nb) 11\nAnswer: a\n"
        "二、编程题\n3.把以下程序的 print( )函数改写为等价的递归函数。\n1.  #include<iostream>\n2. using namespace std;\n"
    )
    assert [brief(q) for q in parse(text)] == [
        (
            "single",
            "What will be the value of d in the following program?\n10.     #include <stdio.h>\n11.     int main()\n"
            "12.     {\n13.         int d = 5 + 5 == 10;\n14.     }",
            ["Syntax error", "1"],
            "B",
        ),
        (
            "single",
            "What is the output of this C code?\n1.     #include <stdio.h>\n2.     int main()\n3.     }",
            ["9", "11"],
            "A",
        ),
        (
            "short",
            "把以下程序的 print( )函数改写为等价的递归函数。\n1.  #include<iostream>\n2. using namespace std;",
            [],
            None,
        ),
    ]


def test_answers_listing_points_under_labels_numbered_like_questions() -> None:
    """Under a question answered in prose, "（1）…。" that state and the points under a label
    ("原因：" then "1、 …" "2、 …", numbered like the questions) are its answer; "2、" after the
    answer's own "2、" is the next question; in Markdown a point nested deeper is one, an item as
    shallow as the questions is the next question."""
    text = (
        "第七章\n3.怎样理解必须坚持改革的正确方向？\n（1）坚持改革的正确方向，就是要坚持四项基本原则。\n（2）党是改革的领导者。\n"
        "1、 公有制经济的含义、地位、原因和作用\n含义：\n公有制经济包括国有经济和集体经济。\n原因：\n"
        "1、 公有资产在社会总资产中占优势\n2、 国有经济控制国民经济的命脉\n作用：\n1、 经济是现代化建设的支柱\n"
        "2、对发挥社会主义优越性具有关键性作用\n2、 非公有制的含义、地位、作用和政策\n地位：毫不动摇的鼓励非公有制经济\n"
    )
    assert [(q["stem"], q["answer"]) for q in parse(text)] == [
        (
            "怎样理解必须坚持改革的正确方向?",
            "(1)坚持改革的正确方向,就是要坚持四项基本原则。\n(2)党是改革的领导者。",
        ),
        (
            "公有制经济的含义、地位、原因和作用",
            "含义:\n公有制经济包括国有经济和集体经济。\n原因:\n1、 公有资产在社会总资产中占优势\n2、 国有经济控制国民经济的命脉\n"
            "作用:\n1、 经济是现代化建设的支柱\n2、对发挥社会主义优越性具有关键性作用",
        ),
        ("非公有制的含义、地位、作用和政策", "地位:毫不动摇的鼓励非公有制经济"),
    ]
    md = (
        "1. 商品的二因素\n价值规律的作用表现在：\n   1. 自发地调节生产资料的分配。\n   2. 自发地刺激生产力的发展。\n"
        "1. 劳动力成为商品的基本条件\n劳动者有人身自由。\n"
    )
    assert [q.stem for q in parse_document("notes.md", md.encode()).questions] == [
        "商品的二因素",
        "劳动力成为商品的基本条件",
    ]


def test_numbers_inside_a_bracketed_note_number_no_question() -> None:
    """ "2、说出你印象最深的一个bug（目的：1、沟通表达能力2、…3、知识面深度）": the numbers inside the
    note's brackets list its aims, so "3、什么是接口？" on the next line is question 3."""
    text = (
        "1、为啥版本上线都会选在晚上？\n因为这个时间段用户最少。\n"
        "2、说出你印象最深的一个bug（目的：1、沟通表达能力2、测试分析能力3、知识面深度）\n积分充足却购买失败\n"
        "3、什么是接口？\n接口指的是软件提供给外界的一种服务。\n"
    )
    assert [(q["number"], q["answer"]) for q in parse(text)] == [
        ("1", "因为这个时间段用户最少。"),
        ("2", "积分充足却购买失败"),
        ("3", "接口指的是软件提供给外界的一种服务。"),
    ]


def test_a_case_key_that_asks_each_question_again_before_answering_it() -> None:
    """ "答案：1、<question 1 again>" / its answer / "2、<question 2 again>" / …: the key of the
    case's questions above, each answer without the question it repeats."""
    text = (
        "三、案例分析题\nUPS雇佣了15万员工，平均每天将900万包裹发送到美国各地。\n"
        "1、联合邮包服务公司的投送业务采用的是什么样的管理方法？\n2、要做到 UPS 这样的管理模式，需要满足怎样的条件？\n"
        "答案：1、联合邮包服务公司的投送业务采用的是什么样的管理方法？\n采用的是科学管理理论的管理方法。\n"
        "2、要做到UPS这样的管理模式，需要满足怎样的条件？\n需要一整套完整的科学的管理方法。\n"
    )
    assert [(q["number"], q["answer"]) for q in parse(text)] == [
        ("1", "采用的是科学管理理论的管理方法。"),
        ("2", "需要一整套完整的科学的管理方法。"),
    ]


def test_markdown_strong_emphasis_written_with_underscores_is_no_blank() -> None:
    """ "__存在__ 和 __思维__" under a list item (a hard line break between them) is the answer in
    bold, as Markdown renders it, not blanks that make the item a fill question; "是__态度__。"
    inside a word stays a blank filled in."""
    md = "1. 哲学的基本问题  \n__存在__ 和 __思维__ 的关系问题。\n2. 客户服务的核心是__态度__。\n"
    questions = parse_document("notes.md", md.encode()).questions
    assert [(q.type, q.stem, q.answer) for q in questions] == [
        ("short", "哲学的基本问题", "**存在** 和 **思维** 的关系问题。"),
        ("fill", "客户服务的核心是____。", ["态度"]),
    ]


def test_a_sentence_stopping_at_its_copula_lost_its_drawn_blank() -> None:
    """A PDF's blank drawn as a line leaves no text: "…则目标被击中的概率为." and "AM = 。" stop at
    their copula, so each is a fill with its blank put back; "…个人质量行为。" ends in a word."""
    text = (
        "第一章\n1.两射手独立射击，则目标被击中的概率为.\n2.求 A 处的约束力矩 AM = 。\n"
        "3.代码走查是开发人员检查自己代码的个人质量行为。\n"
    )
    assert [(q["type"], q["stem"]) for q in parse(text)] == [
        ("fill", "两射手独立射击,则目标被击中的概率为____."),
        ("fill", "求 A 处的约束力矩 AM = ____。"),
        ("short", "代码走查是开发人员检查自己代码的个人质量行为。"),
    ]


def test_an_option_whose_dot_was_lost_in_a_column_after_a_wide_gap() -> None:
    """Options set in columns, one label's dot lost ("A.中共八大一次会议    B中共八届五中全会"): the
    letter after the wide gap is still the next option."""
    text = "9.总路线是在(    )\nA.中共八大一次会议    B中共八届五中全会\nC.中共八大二次会议    D.中共八届六中全会\n答案：C\n"
    assert [brief(q) for q in parse(text)] == [
        (
            "single",
            "总路线是在(    )",
            ["中共八大一次会议", "中共八届五中全会", "中共八大二次会议", "中共八届六中全会"],
            "C",
        )
    ]


def test_an_english_papers_parts_named_by_their_types() -> None:
    """Papers set in English name their parts "I. True or False(10x1%)", "II. Choose 1 best
    answer. (10x2%)", "1. Single choice selection (80 points, 2 each)": parts, not questions."""
    text = (
        "I. True or False(10x1%；√/×)\n1、 SRAM needs be refreshed periodically. (×)\n"
        "II. Choose 1 best answer. (10x2%)\n1、 Computer can execute the code in ____.\nA. machine language\nB. C\nanswer:A\n"
        "III. Fill in the blanks (2 each)\n1. One byte has ____ bits.\nanswer: 8\n"
    )
    assert [(str(q["section"])[:18], q["type"], q["answer"]) for q in parse(text)] == [
        ("I. True or False(1", "truefalse", False),
        ("II. Choose 1 best ", "single", "A"),
        ("III. Fill in the b", "fill", ["8"]),
    ]


def test_a_case_without_numbered_questions_that_ends_asking_is_a_question() -> None:
    """Under "三、案例分析题" a story that ends asking ("…你是如何看待这一问题的？请用所学知识进行
    案例分析与论述。") is the question itself; a story that asks nothing at its end is material."""
    text = (
        "三、案例分析题(每题50分)\n国美电器尝试开展数字化转型，但业绩一再下降，很多门店被苏宁收购。你是如何看待这一问题的？"
        "请用所学知识进行案例分析与论述。\n"
    )
    assert [(q["type"], str(q["stem"])[:12]) for q in parse(text)] == [("short", "国美电器尝试开展数字化转")]


def test_an_answer_typed_right_after_the_questions_points() -> None:
    """ "简述…的优点。(5分)数据库系统的三级模式结构是指…": the points end the question; the text
    after them on its line is the answer."""
    text = "四、简答题\n1.简述数据库系统采用三级模式结构的优点。(5分)三级模式结构保证了数据的独立性。\n"
    assert [brief(q) for q in parse(text)] == [
        ("short", "简述数据库系统采用三级模式结构的优点。", [], "三级模式结构保证了数据的独立性。")
    ]


def test_an_online_judges_part_and_number_alone_on_a_line() -> None:
    """PTA numbers each part's problems "1-1", "1-2", "2-1" on a line of their own: the question
    below each; a new part starts afresh at 1 (never a listing inside the last question)."""
    text = (
        "1-1\n无向连通图所有顶点的度之和为偶数。\nT\n\n1-2\n基本有序时冒泡排序交换次数最多。\nF\n\n"
        "2-1\n下列排序算法中最快的是：\nA.快速排序\nB.冒泡排序\n"
    )
    assert [(q["number"], q["type"], q["answer"]) for q in parse(text)] == [
        ("1", "truefalse", True),
        ("2", "truefalse", False),
        ("1", "single", None),
    ]


def test_an_online_judges_printout_that_lost_each_parts_first_id_and_prints_the_choices() -> None:
    """A PTA exam printed to PDF: the first id of a part ("1-1", "2-1") lost with its line, a
    judgement's choices "T" "F" printed under it unmarked (no key), the trainee's verdict
    "答案正确： 3分" and the problem's "分数 3" metadata no text."""
    text = (
        "无向连通图所有顶点的度之和为偶数。\nT\nF\n答案正确： 3分\n1-2\n分数 3\n"
        "基本有序时冒泡排序交换次数最多。\nT\nF\n答案错误： 0分\n单选题\n下列排序算法中最快的是：\n"
        "A.快速排序\nB.冒泡排序\n答案正确： 5分\n2-2\n分数 5\n下列稳定的排序是：\nA.归并排序\nB.堆排序\n"
    )
    # (the unnumbered first question of each part is not recovered yet)
    assert [(q["number"], q["type"], q["stem"], q["answer"]) for q in parse(text)] == [
        ("2", "truefalse", "基本有序时冒泡排序交换次数最多。", None),
        ("2", "single", "下列稳定的排序是:", None),
    ]


def test_records_of_a_number_a_braced_statement_and_a_keyed_verdict_with_its_reason() -> None:
    """ "1 {statement} 正确答案:F (why)": a number and a space before the braced statement (the
    braces are no text), the verdict T/F, and the reason after it is the explanation."""
    text = (
        "1 {电容器室内应有良好的通风。} 正确答案:F (电流也要检查)\n2 {补偿电容器的容量越大越好。} 正确答案:T\n"
        "3 {10kV避雷器的绝缘电阻应每年测量一次。} 正确答案:T\n"
    )
    assert [(q["type"], q["stem"], q["answer"], q["explanation"]) for q in parse(text)] == [
        ("truefalse", "电容器室内应有良好的通风。", False, "电流也要检查"),
        ("truefalse", "补偿电容器的容量越大越好。", True, ""),
        ("truefalse", "10kV避雷器的绝缘电阻应每年测量一次。", True, ""),
    ]


def test_a_mooc_number_glued_to_its_type_tag() -> None:
    """ "1单选(1分)计算机为什么采用二进制？": the number glued to the MOOC's type tag numbers the
    question (so the next "2单选(1分)…" is no option's text)."""
    text = "1单选(1分)计算机为什么采用二进制？\nA.表示能力强\nB.容易被硬件存储\n2单选(1分)Python为什么是高级语言？\nA.功能强\nB.贴近人类思维\n"
    assert [(q["number"], q["stem"], q["options"]) for q in parse(text)] == [
        ("1", "计算机为什么采用二进制?", ["表示能力强", "容易被硬件存储"]),
        ("2", "Python为什么是高级语言?", ["功能强", "贴近人类思维"]),
    ]


def test_an_english_papers_dialogue_turns_stay_in_the_stem() -> None:
    """ "2. —____ I hand in the homework?" then "—Yes, you must.": the second turn of the
    dialogue is the same question's stem, not a question whose number was lost."""
    text = (
        "1. The store is open ____ 9:00 a.m.\nA. between\nB. on\n"
        "2. —____ I hand in the homework today, Ms. Green?\n— Yes, you must.\nA. Can\nB. Must\n"
        "3. Lucy wants to be ____ engineer.\nA. an\nB. a\n答案：1-3. ABA\n"
    )
    assert [(q["number"], q["stem"], q["options"], q["answer"]) for q in parse(text)] == [
        ("1", "The store is open ____ 9:00 a.m.", ["between", "on"], "A"),
        ("2", "—____ I hand in the homework today, Ms. Green?\n— Yes, you must.", ["Can", "Must"], "B"),
        ("3", "Lucy wants to be ____ engineer.", ["an", "a"], "A"),
    ]


def test_practice_sets_each_followed_by_its_key() -> None:
    """A set of questions, its key "答案：1-2. AB", then the next set numbered from 1 again (its
    question opening "B…" and option A under it): the key ends and the questions resume, each
    set keyed by its own key."""
    text = (
        "专项训练（1）\n1. Tom runs ____.\nA. fast\nB. faster\n2. He ____ here.\nA. is\nB. are\n"
        "答案：1-2. BA\n专项训练（2）\n考点分布：时态\n"
        "1. By the time we arrived, the train ____.\nA. had left\nB. leaves\n"
        "2. Neither he nor I ____ ready.\nA. am\nB. is\n答案：1-2. AA\n"
    )
    assert [(q["number"], q["options"], q["answer"]) for q in parse(text)] == [
        ("1", ["fast", "faster"], "B"),
        ("2", ["is", "are"], "A"),
        ("1", ["had left", "leaves"], "A"),
        ("2", ["am", "is"], "A"),
    ]


def test_notes_asking_by_heading_with_a_part_of_numbered_fill_questions() -> None:
    """Review notes: "## 填空题" over numbered lines with the key in bold, then parts whose
    questions are headings ("###　１、软件体系结构", typed with a full-width space). The fill part's
    numbered lines are questions too, and a bracket in a stem keyed in bold is the text's own."""
    md = (
        "## 填空题\n\n1、**可行性研究**的目的是确定项目是否值得开发。\n\n2、软件工程于**1968**年提出。\n\n"
        "3、软件工程三要素是**过程**、**方法**和**工具**\n\n"
        "4、根据成熟度模型（CMM），软件过程能力分为**初始级、可重复级、已定义级、已管理级、优化级**五个等级。\n\n"
        "## 名词解释\n\n###\u3000１、软件体系结构\n\n软件体系结构又称软件结构。\n\n### 2、回归测试\n\n回归测试是修改后重新进行的测试。\n\n"
        "## 简答题\n\n### 1、简述软件项目管理的五大过程\n\n* 启动过程\n* 计划过程\n\n"
        "### 2、软件工程的七条基本原理是什么？\n\n坚持进行阶段评审。\n"
    )
    paper = parse_document("notes.md", md.encode())
    assert [(q.type, q.stem, q.answer) for q in paper.questions] == [
        ("fill", "____的目的是确定项目是否值得开发。", ["可行性研究"]),
        ("fill", "软件工程于____年提出。", ["1968"]),
        ("fill", "软件工程三要素是____、____和____", ["过程", "方法", "工具"]),
        (
            "fill",
            "根据成熟度模型(CMM),软件过程能力分为____五个等级。",
            ["初始级、可重复级、已定义级、已管理级、优化级"],
        ),
        ("short", "软件体系结构", "软件体系结构又称软件结构。"),
        ("short", "回归测试", "回归测试是修改后重新进行的测试。"),
        ("short", "简述软件项目管理的五大过程", "启动过程\n计划过程"),
        ("short", "软件工程的七条基本原理是什么?", "坚持进行阶段评审。"),
    ]


def test_a_quiz_whose_first_number_was_lost_and_keys_in_bold_after_is() -> None:
    """A quiz copied from a web page: the first question's "1" lost, the next numbers alone on
    their lines, each label alone above its option, "正确答案是 **C**" (or a verdict in bold)."""
    md = (
        "# Linux基础知识\n\n   Which protocol sets the local time?\n\n- A.\n\n  NCP\n\n- B.\n\n  NTP\n\n"
        "正确答案是 **B**\n\n2\n\nWhich command lists background jobs?\n\n- A.\n\n  sleep\n\n- B.\n\n  jobs\n\n"
        "正确答案是 **B**\n\n3\n\nLinux is free software.\n\n正确答案是 **正确** \n"
    )
    paper = parse_document("quiz.md", md.encode())
    assert [(q.number, q.type, q.stem, q.options, q.answer) for q in paper.questions] == [
        ("", "single", "Which protocol sets the local time?", ["NCP", "NTP"], "B"),
        ("2", "single", "Which command lists background jobs?", ["sleep", "jobs"], "B"),
        ("3", "truefalse", "Linux is free software.", [], True),
    ]


def test_interview_notes_whose_bold_bullets_head_their_answers_asking_or_naming_a_topic() -> None:
    """ "* **int与integer的区别**" over its points: in notes that ask by bold bullets, a bold bullet
    that only names its topic ("* **依赖注入**") over prose or points heads a question too; a
    part's heading ("## Java篇") does not, nor do bold points inside an answer headed by "###"."""
    md = (
        "# Android面试题\n\n## Java篇\n\n* **java中==和equals的区别**\n\n\t* `==`是运算符\n\t* `equals`是方法\n\n"
        "* **依赖注入**\n\n\tA类中有B的实例，称A对B有一个依赖。\n\n"
        "* **谈谈对java多态的理解**\n\n\t父类引用指向子类对象。\n\n"
        "* **Java的异常体系**\n\n\t* `Error`是程序无法处理的异常\n\t* `Exception`分为两类\n\n"
        "* **String类为什么是final的**\n\n\t为了安全性和效率。\n"
    )
    paper = parse_document("notes.md", md.encode())
    assert [(q.section, q.stem, q.answer) for q in paper.questions] == [
        ("Java篇", "java中==和equals的区别", "`==`是运算符\n`equals`是方法"),
        ("Java篇", "依赖注入", "A类中有B的实例,称A对B有一个依赖。"),
        ("Java篇", "谈谈对java多态的理解", "父类引用指向子类对象。"),
        ("Java篇", "Java的异常体系", "`Error`是程序无法处理的异常\n`Exception`分为两类"),
        ("Java篇", "String类为什么是final的", "为了安全性和效率。"),
    ]
    headed = "### 什么是进程？\n\n- **动态性**\n\t- 进程有生命周期\n\n### 什么是线程？\n\n调度的单位。\n\n### 线程的状态有哪些？\n\n就绪、运行。\n"
    assert [q.stem for q in parse_document("os.md", headed.encode()).questions] == [
        "什么是进程?",
        "什么是线程?",
        "线程的状态有哪些?",
    ]


def test_an_answers_points_opened_after_a_sentence_run_on_past_the_next_questions_number() -> None:
    """ "答：…反作用。1.意识…；" then "2.…" "3.…" "4.…。": the answer's list opened mid-line after a
    sentence, so its "4." is its next point, not question 4 (which follows as "4、")."""
    text = (
        "3、物质观（物质的含义）\n答：物质决定意识。意识对物质具有反作用。1.意识活动具有目的性；\n2.意识活动具有创造性；\n"
        "3.意识具有指导实践的作用；\n4.意识具有控制人的行为的作用。\n4、世界的物质统一性原理\n答：意识统一于物质。\n"
    )
    assert [(q["number"], str(q["answer"])[-10:]) for q in parse(text)] == [
        ("3", "控制人的行为的作用。"),
        ("4", "意识统一于物质。"),
    ]


def test_mkdocs_notes_with_worked_answers_in_admonitions() -> None:
    """MkDocs notes ("## 常问题目集及解析": a collection, no case study) number their questions in
    a list, each followed by '!!! success ""' over an indented block: the block is the question's
    explanation (not code), and a choice's explanation naming its letter ("显然选择 C") keys it."""
    md = (
        "# 历年卷经典题目解析\n\n## 程序设计基础常问题目集及解析\n\n!!! info\n\n    本篇笔记来自学长。\n\n"
        "### 标识符\n\n这类题目一般是问哪些是合法的标识符。\n\n"
        "1. Which one below is NOT a valid identifier? _____\n"
        '    <div style="width: 100%">A. printf</div>\n    <div style="width: 100%">B. _ever</div>\n'
        '    <div style="width: 100%">C. "char"</div>\n\n'
        '    !!! success ""\n        显然选择 C，因为 `int "char";` 肯定是非法的。\n\n'
        "2. 表达式 `1<2?1:3` 的值为 _____.\n\n"
        '    !!! success ""\n        a<b 成立，答案是 1\n'
    )
    paper = parse_document("notes.md", md.encode())
    assert [(q.type, q.stem, q.options, q.answer, q.explanation) for q in paper.questions] == [
        (
            "single",
            "Which one below is NOT a valid identifier? _____",
            ["printf", "_ever", '"char"'],
            "C",
            '显然选择 C,因为 `int "char";` 肯定是非法的。',
        ),
        ("fill", "表达式 `1<2?1:3` 的值为 _____.", [], None, "a<b 成立,答案是 1"),
    ]


def test_a_wrong_answer_export_with_the_key_first_and_explanations_in_block_quotes() -> None:
    """牛客's wrong-answer export: "# 1. stem", "正确答案: B C  你的答案: A D (错误)" before the
    options (labelled "A text"), a program between the key and the options, and the explanation
    in a block quote whose numbered list holds points, not questions. Options set in a quote
    right under the stem stay options."""
    md = (
        "# 1. 在java中重写方法应遵循规则的包括：\n\n正确答案: B C  你的答案: A D (错误)\n\n"
        "A 访问修饰符一定要大于被重写方法的\nB 可以有不同的访问修饰符\nC 参数列表必须完全相同\n\n"
        "> 1. 首先，需要明白**类的加载顺序**。\n>\n> 2. 其次，理解方法重写。\n\n"
        "# 2. 关于下面的一段代码，以下说法正确的是：\n\n正确答案: A  你的答案: B (错误)\n\n"
        '```java\nString a = new String("s");\n```\n'
        "A 打印false\n\nB 打印true\n\n"
        "# 3. 生理学是研究（)\n\n> A.机体生命活动规律的科学\n> B.体内新陈代谢规律的科学\n> C.细胞内部变化规律的科学\n"
    )
    paper = parse_document("cuoti.md", md.encode())
    assert [(q.stem, q.options, q.answer, q.explanation) for q in paper.questions] == [
        (
            "在java中重写方法应遵循规则的包括:",
            ["访问修饰符一定要大于被重写方法的", "可以有不同的访问修饰符", "参数列表必须完全相同"],
            "BC",
            "1. 首先,需要明白**类的加载顺序**。\n2. 其次,理解方法重写。",
        ),
        (
            '关于下面的一段代码,以下说法正确的是:\nString a = new String("s");',
            ["打印false", "打印true"],
            "A",
            "",
        ),
        (
            "生理学是研究()",
            ["机体生命活动规律的科学", "体内新陈代谢规律的科学", "细胞内部变化规律的科学"],
            None,
            "",
        ),
    ]


def test_a_bank_sliced_with_gaps_in_its_numbering_after_one_line_keys() -> None:
    """ "正确答案：一年" / "难易程度：★" close each question; a bank cut into a slice jumps from 10
    to 14 (a blank to fill), from 9 to 15 in a judgement part, from 2 to 6 in an open part (a
    question that asks): each is the next question, not a line of the answer above."""
    text = (
        "二、填空题\n10.内部考核应至少以（  ）为一个考核周期。\n正确答案：一年\n难易程度：★\n"
        "14.重大信息披露应至少以（  ）为一个披露周期。\n正确答案：一年\n难易程度：★\n"
        "三、判断题\n9.金融机构应当实施分级动态管理。\n正确答案：正确\n难易程度：★★\n"
        "15.内部考核应至少以季度为一个考核周期。\n正确答案：错误\n难易程度：★\n说明：应以一年为周期。\n"
        "16.信息披露应覆盖售前和售中。\n正确答案：错误\n难易程度：★\n"
        "四、简答题\n2.发现信息泄露时应当采取哪些补救措施？\n正确答案：立即报告并告知金融消费者。\n难易程度：★★★\n"
        "6.请你浅谈如何健全金融消费者保护保障机制。\n正确答案：\n（一）提升保护水平。\n（二）建立协作机制。\n"
    )
    assert [(q["number"], q["type"], q["answer"]) for q in parse(text)] == [
        ("10", "fill", ["一年"]),
        ("14", "fill", ["一年"]),
        ("9", "truefalse", True),
        ("15", "truefalse", False),
        ("16", "truefalse", False),
        ("2", "short", "立即报告并告知金融消费者。"),
        ("6", "short", "(一)提升保护水平。\n(二)建立协作机制。"),
    ]


def test_a_mooc_copy_salted_with_invisible_marks_and_numbers_glued_to_stems() -> None:
    """Text copied from a MOOC carries zero-width joiners and direction marks ("5\u200c下面…",
    "6\u200e 依据…"); numbers glued to their stems open a question where option A follows on the
    next line, and a label that lost its dot ("A可见世界B.理型世界", "B从可见…") is still one."""
    text = (
        "《理想国》\n1.关于自然派哲学家，以下理解不正确的是\nA.从经验出发\nB.关心永恒\n正确答案：A\n"
        "2\u200c下面哪一个不属于柏拉图的理型世界？\nA.意见B.理性C.善的理型  D.理智\n正确答案：A\n"
        "3\u200e\u00a0依据柏拉图，科学不属于\nA可见世界B.理型世界C.真实世界D.可知界\n正确答案：A\n"
        "4\u200d柏拉图不认同下述哪一个陈述？\nA.心灵不断提升自己。\nB从可见世界到可知世界是上升之旅。\n"
        "C.心灵最后看到的是善的理型\n正确答案：B\n"
    )
    assert [(q["number"], q["stem"], q["options"], q["answer"]) for q in parse(text)] == [
        ("1", "关于自然派哲学家,以下理解不正确的是", ["从经验出发", "关心永恒"], "A"),
        ("2", "下面哪一个不属于柏拉图的理型世界?", ["意见", "理性", "善的理型", "理智"], "A"),
        ("3", "依据柏拉图,科学不属于", ["可见世界", "理型世界", "真实世界", "可知界"], "A"),
        (
            "4",
            "柏拉图不认同下述哪一个陈述?",
            ["心灵不断提升自己。", "从可见世界到可知世界是上升之旅。", "心灵最后看到的是善的理型"],
            "B",
        ),
    ]


def test_keys_printed_after_each_chapter_answer_that_chapter() -> None:
    """ "答案：1ABCD 2AB" after chapter one's questions, then chapter two with its own key: each
    key answers the chapter above it, not the first chapter numbered alike (and a key printed
    for questions below a heading still answers the questions that follow it)."""
    text = (
        "一、单项选择题\n第一章 反对外国侵略的斗争\n1．第一个不平等条约是（ ）\nA、《南京条约》\tB、《马关条约》\n"
        "2．割让台湾的条约是（ ）\nA、《南京条约》\tB、《马关条约》\n答案：\n1.A  2.B\n"
        "二、多项选择题\n第一章 反对外国侵略的斗争\n1．资本主义通过什么手段侵略中国（ ）\nA、军事\tB、政治\tC、经济\n"
        "2．哪部分人起了主力军作用（ ）\nA、人民群众\tB、爱国官兵\tC、清朝政府\n答案：\n1ABC   2AB\n"
        "第二章 对国家出路的早期探索\n1．太平天国由盛转衰的转折点是（ ）\nA、北伐失败\tB、天京变乱\tC、安庆失守\n"
        "2．中国早期民族资产阶级来源于（ ）\nA、官僚\tB、地主\tC、商人\n答案：\n1． BC　 2．ABC\n"
    )
    assert [(q["section"], q["number"], q["answer"]) for q in parse(text)] == [
        ("第一章 反对外国侵略的斗争", "1", "A"),
        ("第一章 反对外国侵略的斗争", "2", "B"),
        ("第一章 反对外国侵略的斗争", "1", "ABC"),
        ("第一章 反对外国侵略的斗争", "2", "AB"),
        ("第二章 对国家出路的早期探索", "1", "BC"),
        ("第二章 对国家出路的早期探索", "2", "ABC"),
    ]


def test_bare_labels_on_lines_of_their_own_and_numbering_restarted_under_a_topic() -> None:
    """ "A达尔文…" over "B孟德尔…": labels without a dot, one option a line, are a run; a topic's
    title then "1下列观点…" (glued, option A under it) starts the numbering again."""
    text = (
        "1.以下哪项叙述是正确的？\nA达尔文知道遗传规律\nB孟德尔发现遗传物质\nC沃森和克里克解析了DNA结构\n正确答案：C\n"
        "惊人的假说\n1下列观点中哪个最有可能不正确？\nA.并非大脑的全部操作都与意识有关\nB.意识是人类特有的\n正确答案：B\n"
    )
    assert [(q["number"], q["options"], q["answer"]) for q in parse(text)] == [
        ("1", ["达尔文知道遗传规律", "孟德尔发现遗传物质", "沃森和克里克解析了DNA结构"], "C"),
        ("1", ["并非大脑的全部操作都与意识有关", "意识是人类特有的"], "B"),
    ]


def test_an_unnumbered_worksheet_of_sentences_with_their_blanks_filled_in() -> None:
    """A vocabulary worksheet: a title, its instruction and the word box, then unnumbered
    sentences with the answer written on each blank ("A __protocol__ is…", "_Encryption___ is…")."""
    text = (
        "Word Filling in the Blanks\nChoose the appropriate words from the box to fill in the blanks.\n"
        "algorithm\tdatabase\tencryption\nA __protocol__ is a set of rules for communication.\n"
        "_Encryption___ is the process of protecting data.\nA __database__ is a collection of data.\n"
    )
    assert [(q["type"], q["stem"], q["answer"]) for q in parse(text)] == [
        ("fill", "A ____ is a set of rules for communication.", ["protocol"]),
        ("fill", "____ is the process of protecting data.", ["Encryption"]),
        ("fill", "A ____ is a collection of data.", ["database"]),
    ]


def test_a_chaoxing_export_whose_open_questions_are_tagged_as_material_questions() -> None:
    """学习通 prints "6. (资料题)" alone, the question on the lines under it: the tag names an
    open question's type, never its stem."""
    text = (
        "三. 资料题（共 2 题）\n6. (资料题)\n【分治法】设 a[0:n-1]是已排好序的数组。请设计一个类二分搜索算法。\n"
        "答案：\n用二分法。\n7. (资料题)\n【动态规划】请分析两组序列是否具有公共子序列？\n"
    )
    assert [(q["number"], q["type"], q["stem"], q["answer"]) for q in parse(text)] == [
        ("6", "short", "【分治法】设 a[0:n-1]是已排好序的数组。请设计一个类二分搜索算法。", "用二分法。"),
        ("7", "short", "【动态规划】请分析两组序列是否具有公共子序列?", None),
    ]


def test_pta_ids_alone_on_their_lines_with_a_letter_before_them() -> None:
    """A PTA paper saved as Markdown: "R2-5" alone over each question (the part's letter, its
    number, the question's), the options' labels alone over their texts."""
    md = (
        "R1-1\n\n栈是先进先出的线性表。\n\n(2分)\n\nT\n\nF\n\n------\n\n"
        "R2-1\n\n先序遍历的第一个结点是\n\n(4分)\n\nA.\n\n根\n\nB.\n\n叶\n\n------\n\n"
        "R2-2\n\n队列的插入在哪一端进行？\n\n(4分)\n\nA.\n\n队尾\n\nB.\n\n队头\n"
    )
    questions = parse_document("pta.md", md.encode()).questions
    assert [(q.number, q.stem, q.options) for q in questions] == [
        ("1", "栈是先进先出的线性表。", []),
        ("1", "先序遍历的第一个结点是", ["根", "叶"]),
        ("2", "队列的插入在哪一端进行?", ["队尾", "队头"]),
    ]


def test_pta_ids_opening_questions_judge_tags_and_verdicts_with_reasons() -> None:
    """ZJU's PTA homework notes: "**Q1-1.** …(T/F)" (the id in bold opens the question; "(T/F)"
    asks for a verdict and is no text), "答案：T。必然…" (the verdict, then why), a figure under
    the stem is the stem's, and "**Q2-1**" starts the choice part."""
    md = (
        "## Hw1\n\n**Q1-1.** A 2-3 tree with 3 nonleaf nodes must have 18 keys at most. (T/F)\n\n"
        '??? general "Answer"\n    T。必然一根两中间，2*3*3=18。\n\n'
        "**Q2-1** For the splay tree in the following figure, which statement is FALSE?\n"
        "![2.3](graph/ads_hw_1_1.jpg)\n\nA. 5 is the root\n\nB. 1 and 9 are siblings\n\n"
        '??? general "Answer"\n    B。\n'
    )
    paper = parse_document("hw.md", md.encode())
    assert [(q.number, q.type, q.stem, q.options, q.answer, q.explanation) for q in paper.questions] == [
        (
            "1",
            "truefalse",
            "A 2-3 tree with 3 nonleaf nodes must have 18 keys at most.",
            [],
            True,
            "必然一根两中间,2*3*3=18。",
        ),
        (
            "1",
            "single",
            "For the splay tree in the following figure, which statement is FALSE?\n![2.3](graph/ads_hw_1_1.jpg)",
            ["5 is the root", "1 and 9 are siblings"],
            "B",
            "",
        ),
    ]


@pytest.mark.parametrize("line_end", ["\r\n", "\r"])
def test_markdown_saved_with_windows_line_ends_reads_as_with_unix_ones(line_end: str) -> None:
    """Notes saved on Windows end lines "\r\n": an admonition's or a container's answer under a
    question is still its answer, as it is with "\n"."""
    md = (
        "## Hw1\n\n**Q1-1.** A 2-3 tree with 3 nonleaf nodes must have 18 keys at most. (T/F)\n\n"
        '??? general "Answer"\n    T。必然一根两中间。\n\n'
        "**Q1-2.** Which is FALSE?\n\nA. 5 is the root\n\nB. 1 and 9 are siblings\n\n"
        "::: tip 答案\nB\n:::\n"
    )
    unix = [brief(q) for q in parse_markdown(md)]
    assert unix == [
        ("truefalse", "A 2-3 tree with 3 nonleaf nodes must have 18 keys at most.", [], True),
        ("single", "Which is FALSE?", ["5 is the root", "1 and 9 are siblings"], "B"),
    ]
    assert [brief(q) for q in parse_markdown(md.replace("\n", line_end))] == unix


def test_numbers_alone_running_on_across_parts_and_answers_introduced_without_a_colon() -> None:
    """学习通 prints each number alone ("3") over "【判断题】…": the numbers run on from the
    parts before, so "3" is the next question's, never a line of the answer above. "答：保密注意
    事项为" introduces its points as a colon would; a verdict box may end with "；"."""
    text = (
        "一. 单选题（共1题）\n1\n【单选题】邓小平理论的精髓是\nA. 解放思想\nB. 实事求是\n我的答案：\n正确答案：B\n"
        "三. 判断题（共2题）\n2\n【判断题】邓小平理论回答了一系列基本问题。\n我的答案：\n正确答案：对\n知识点：\n"
        "3\n【判断题】向科学进军是邓小平提出来的。\n我的答案：\n正确答案：错\n知识点：\n"
    )
    assert [(q["number"], q["answer"]) for q in parse(text)] == [("1", "B"), ("2", True), ("3", False)]
    text = (
        "二、判断题\n5、任何人进入厂区时必须上交火种（  对   ） ；\n三、简答题\n2、驻厂人员有哪些保密注意事项？\n"
        "答：保密注意事项为\n1.\t入厂前须签订保密协议；\n2.\t严禁随意连接我方路由器；\n3、用餐须知？\n答：按时就餐。\n"
    )
    assert [(q["number"], q["type"], q["answer"]) for q in parse(text)] == [
        ("5", "truefalse", True),
        ("2", "short", "保密注意事项为\n1.\t入厂前须签订保密协议;\n2.\t严禁随意连接我方路由器;"),
        ("3", "short", "按时就餐。"),
    ]


def test_a_bank_whose_key_letter_stands_alone_under_the_options() -> None:
    """ "A：正确" "B：错误" then "A" alone, or "D、…" then "B" alone, then the next question (its
    number only set off by a space): the lone letter is the key of the question above."""
    text = (
        "0 对于交通事故的新闻，要抱有实事求是的心态\nA：正确\nB：错误\nA\n\n"
        "22 如图所示，A车正确的做法是什么？\nA、鸣喇叭超越\nB、减速待通过后超越\nC、停车等待\nD、借道加速通过\nB\n\n"
        "23 驾驶机动车汇入行车道车流时，以下做法正确的是什么?\nA、从后驶入\nB、从前驶入\nC、停车等待\nD、加速驶入\nA\n"
    )
    assert [(q["type"], q["answer"]) for q in parse(text)] == [
        ("truefalse", True),
        ("single", "B"),
        ("single", "A"),
    ]


def test_a_chapters_questions_listed_then_answered_under_number_headings() -> None:
    """Exercise answers in Markdown: a chapter lists its questions in a quote ("> 1. …"), then
    answers each under a heading that is only its number ("### 1."); the next chapter starts
    questions again."""
    md = (
        "## ch05\n\n> 1. 请说明TCP三次握手过程。\n> 2. 请说明TCP如何保证可靠传输。\n\n"
        "### 1. \n\n客户端发送SYN，服务器回复SYN+ACK，客户端再发ACK。\n\n"
        "### 2. \n\n通过序号和确认号重传丢失的数据。\n\n"
        "## ch06\n\n> 1. UDP为何比TCP快？\n\n### 1.\n\n没有连接和确认。\n"
    )
    paper = parse_document("xiti.md", md.encode())
    assert [(q.section, q.number, q.stem, q.answer) for q in paper.questions] == [
        ("ch05", "1", "请说明TCP三次握手过程。", "客户端发送SYN,服务器回复SYN+ACK,客户端再发ACK。"),
        ("ch05", "2", "请说明TCP如何保证可靠传输。", "通过序号和确认号重传丢失的数据。"),
        ("ch06", "1", "UDP为何比TCP快?", "没有连接和确认。"),
    ]


def test_a_key_set_in_brackets_after_the_word_answer() -> None:
    """ "答案(D)" / "答案(9)" alone on a line under a question: its key, without the brackets."""
    text = (
        "1.以下程序的输出结果是？\nA.程序出错\nB.30 is even\n答案(B)\n"
        "2.如果输入4, -1, 6，请问以下程序的输出结果是？\n答案(9)\n"
    )
    assert [(q["type"], q["answer"]) for q in parse(text)] == [("single", "B"), ("short", "9")]


def test_a_key_grid_printed_under_a_parts_heading_before_its_questions() -> None:
    """ "eg. 1 2 3 4 5" over "C C C B C D": a printed paper's key grid, its first column the
    worked example's, answers the part's questions below it in order."""
    text = (
        "II. Choose 1 best answer. (5x2%)\n      eg.   1     2     3     4     5\n      C     C     B     C     D     A\n"
        "eg. 1KB means (____) bytes。\nA：1    B：1000    C：1024\n"
        + "".join(
            f"{n}、Question {n} is (____).\nA：x{n}    B：y{n}    C：z{n}    D：w{n}\n" for n in range(1, 6)
        )
    )
    assert [(q["number"], q["answer"]) for q in parse(text) if q["number"]] == [
        ("1", "C"),
        ("2", "B"),
        ("3", "C"),
        ("4", "D"),
        ("5", "A"),
    ]


def test_a_big_question_whose_parts_are_asked_on_one_line_under_two_joined_types() -> None:
    """ "二、简答与计算（…）" names one part by two types; "2. 已知…。" then "（1）画出…；（2）求出…。"
    on one line: two parts that ask, sharing the statement above as their material (at the end
    of the part too)."""
    text = (
        "二、简答与计算（每小题 10 分，满分 40 分）\n1. 请简述链表的插入和删除。\n"
        "2. 已知一棵二叉树的先序遍历结果是 ABDGCEF，中序遍历结果是 BDGAECF。\n（1）画出这棵二叉树；（2）求出这棵二叉树的后序遍历。\n"
        "3. 已知有向网 N={V,E}，E 中每个元组的第三个元素表示权。\n（1）画出该网；（2）写出该网的邻接矩阵。\n"
    )
    assert [(q["section"], q["number"], q["stem"], str(q["material"])[:6]) for q in parse(text)] == [
        ("二、简答与计算(每小题 10 分,满分 40 分)", "1", "请简述链表的插入和删除。", ""),
        ("二、简答与计算(每小题 10 分,满分 40 分)", "1", "画出这棵二叉树;", "已知一棵二叉"),
        ("二、简答与计算(每小题 10 分,满分 40 分)", "2", "求出这棵二叉树的后序遍历。", "已知一棵二叉"),
        ("二、简答与计算(每小题 10 分,满分 40 分)", "1", "画出该网;", "已知有向网 "),
        ("二、简答与计算(每小题 10 分,满分 40 分)", "2", "写出该网的邻接矩阵。", "已知有向网 "),
    ]


def test_an_attempt_export_in_markdown_with_bold_numbers_fields_and_unlabelled_checkboxes() -> None:
    """An exam platform's attempt page saved as Markdown: "**1.**[单选]" numbers the question in
    bold, the stem sits in a code block, options are unlabelled checkboxes marked with the
    trainee's choice ("未选"), and "**正确答案**" / "**答案解析**" are fields whose bold is their
    only separator — the key is an option's text."""
    md = (
        "**1.**[单选]\n\n```\n新员工入职第一天应先做什么？\n```\n\n（ **1分** **）**\n\n得分：**0**分\n\n"
        "[ ] **领取工牌**\n\n[ ] **参加安全培训**未选\n\n[ ] **直接上岗**\n\n"
        "**正确答案**参加安全培训\n\n**答案解析**安全培训是上岗的前提。\n\n"
        "**2.**[单选]\n\n```\n门店早班几点开门？\n```\n\n"
        "[ ] **七点**未选\n\n[ ] **九点**\n\n**正确答案**七点\n\n**答案解析**见排班表。\n"
    )
    paper = parse_document("attempt.md", md.encode())
    assert [(q.number, q.stem, q.options, q.answer, q.explanation) for q in paper.questions] == [
        (
            "1",
            "新员工入职第一天应先做什么?",
            ["领取工牌", "参加安全培训", "直接上岗"],
            "B",
            "安全培训是上岗的前提。",
        ),
        ("2", "门店早班几点开门?", ["七点", "九点"], "A", "见排班表。"),
    ]


def test_options_run_on_one_line_as_letter_semicolon_text_comma() -> None:
    """Exam-question sites print "A;文本,B;文本,C;…" (some with a space after the ";"): one line
    of options, the commas between them separators. A letter and ";" in a sentence is no label."""
    questions = parse(
        "第1题:\n项目的()是指可能丧失功能的特性。\nA;可用性,B;开放性,C;脆弱性,D;稳定性\n\n"
        "第2题:\n() is used to filter packets.\nA; Proxy ,B; Router ,C; Firewall\n\n"
        "第3题:\n方案A;方案B都可行，请说明理由。\n"
    )
    assert [brief(q) for q in questions] == [
        ("single", "项目的()是指可能丧失功能的特性。", ["可用性", "开放性", "脆弱性", "稳定性"], None),
        ("single", "() is used to filter packets.", ["Proxy", "Router", "Firewall"], None),
        ("short", "方案A;方案B都可行,请说明理由。", [], None),
    ]


def test_a_paper_numbering_its_blanks_each_with_a_line_of_options() -> None:
    """软考-style papers number blanks, not questions: "…的是 （1） 。" over "（1） A.… B.…".
    A stem with two blanks gives two questions sharing it; a worked example numbered (88) before
    blank (1) is no question; a numbered instruction list comes first, and the key at the end
    answers the questions with options. Letters inside a sentence ("模块A 和模块B") are no options."""
    questions = parse(
        "请按下述要求正确填写答题卡\n1.在答题卡上写入你的姓名。\n2.本试卷共有75个空格，每个空格1分。\n"
        "3.每个空格对应一个序号，请选择一个最恰当的选项。\n4.解答前务必阅读例题。\n例题\n"
        "考试日期是（88）月（89）日。\n（88）A.9 B.10 C.11 D.12\n（89）A.4 B.5 C.6 D.7\n"
        "因为考试日期是11月5日，故（88）选C。\n"
        "以下关于RISC特点的叙述中，错误的是 （1） 。\n（1） A.指令少\nB.指令多\nC.寄存器多\nD.流水线\n"
        "推荐的密码算法是 （2） ，而国密证书采用的\n公钥算法是 （3） 。\n"
        "（2） A.RSA B.DES C.AES D.ECC\n（3） A.RSA B.DES C.AES D.SM2\n"
        "若模块A 和模块B 通过外部变量交换信息，则耦合类型是 （4） 耦合。\n"
        "（4） A.数据 B.标记 C.控制 D.公共\n"
        "参考答案\n1.B 2.A 3.D 4.D\n"
    )
    choices = [(q["number"], q["stem"], q["options"], q["answer"]) for q in questions if q["options"]]
    shared = "推荐的密码算法是 (2) ,而国密证书采用的公钥算法是 (3) 。"
    assert choices == [
        ("1", "以下关于RISC特点的叙述中,错误的是 (1) 。", ["指令少", "指令多", "寄存器多", "流水线"], "B"),
        ("2", shared, ["RSA", "DES", "AES", "ECC"], "A"),
        ("3", shared, ["RSA", "DES", "AES", "SM2"], "D"),
        (
            "4",
            "若模块A 和模块B 通过外部变量交换信息,则耦合类型是 (4) 耦合。",
            ["数据", "标记", "控制", "公共"],
            "D",
        ),
    ]
    assert all("例题" not in str(q["stem"]) or not q["options"] for q in questions)


def test_a_question_sites_past_papers_with_analysis_and_answer_under_labels() -> None:
    """A question site's past-paper pages: "第 12 章：title" is a chapter (not its key), "试题1
    (2017年下半年试题12)" opens a question whose source is no stem text, the options keep the
    exam's blank number "（12）A．", "试题分析" heads the explanation and "试题答案" over "（12）C"
    is the answer."""
    questions = parse(
        "第 12 章：法律法规与标准化\n"
        "试题1(2017年下半年试题12)\n程序员按规定撰写的文档，其著作权应由（  ）享有。\n"
        "（12）A．程序员\nB.公司与项目组\nC.公司\nD.项目组\n试题分析\n属于职务作品。\n试题答案\n（12）C\n\n"
        "试题2(2017年下半年试题13)\n能获准注册的商标是（  ）。\n"
        "（13）A.青岛\nB.黄山\nC.海口\nD.长沙\n试题分析\n黄山另有含义。\n试题答案\n（13）B\n\n"
        "试题3(2016年上半年试题10)\n（  ）的保护期限是可以延长的。\n"
        "（10）A．专利权\nB.商标权\nC.著作权\nD.商业秘密权\n试题分析\n商标可续展。\n试题答案\n（10）B\n"
    )
    assert [(q["number"], q["stem"], q["answer"], q["explanation"]) for q in questions] == [
        ("1", "程序员按规定撰写的文档,其著作权应由(  )享有。", "C", "属于职务作品。"),
        ("2", "能获准注册的商标是(  )。", "B", "黄山另有含义。"),
        ("3", "(  )的保护期限是可以延长的。", "B", "商标可续展。"),
    ]
    assert questions[0]["options"] == ["程序员", "公司与项目组", "公司", "项目组"]


def test_an_english_bank_abbreviating_the_answer_label() -> None:
    """English MCQ banks print "Ans: B" (or "ans:") under the options, as they print "Answer: B"."""
    questions = parse(
        "1. Which layer routes packets?\nA. Physical\nB. Network\nC. Session\nAns: B\n"
        "2. Which protocol resolves names?\nA. DNS\nB. ARP\nans:A\n"
    )
    assert [(q["stem"], q["answer"]) for q in questions] == [
        ("Which layer routes packets?", "B"),
        ("Which protocol resolves names?", "A"),
    ]


def test_the_key_as_a_quiz_program_holds_it() -> None:
    """Quiz data printed by a program ("{correctAnswer='B'}") or copied from one ("correct_answer:
    "A","): the key field, read as the label it names."""
    questions = parse(
        "1. 下列哪个是JDK提供的编译器?\nA. java.exe\nB. javac.exe\n{correctAnswer='B'}\n"
        "2. Java语言是1995年推出的。\n{correctAnswer='正确'}\n"
        '3. Which protocol resolves names?\nA. DNS\nB. ARP\ncorrect_answer: "A",\n'
    )
    assert [q["answer"] for q in questions] == ["B", True, "A"]


def test_the_same_vendors_quizzes_translated_number_and_key_in_their_language() -> None:
    """ "Câu 1" / "Đáp án: B" (Vietnamese), "Pregunta 2" / "Respuesta: A" (Spanish): the number
    header and key label of an English bank ("Question 1" / "Answer: B"), translated."""
    questions = parse(
        "Câu 1\nTheo Hiệp định Giơ-ne-vơ, tổng tuyển cử dự kiến vào năm nào?\nA. 1955\nB. 1956\nĐáp án: B\n"
        "Pregunta 2\n¿Cuál es la capital de Perú?\nA. Lima\nB. Cusco\nRespuesta: A\n"
    )
    assert [(q["number"], q["options"], q["answer"]) for q in questions] == [
        ("1", ["1955", "1956"], "B"),
        ("2", ["Lima", "Cusco"], "A"),
    ]


@pytest.mark.parametrize(
    "label",
    ["Key: ", "Answer Key: ", "Solution: ", "Answer - ", "Ans.: ", "Answer:- ", "The answer is ", "[答案] "],
)
def test_a_key_line_as_english_banks_word_it(label: str) -> None:
    questions = parse(f"1. 客户是?\nA. 上帝\nB. 朋友\n{label}B\n2. 服务是?\nA. 态度\nB. 速度\n{label}a\n")
    assert [(q["answer"], q["explanation"]) for q in questions] == [("B", ""), ("A", "")]


def test_a_judgement_keyed_t_or_f_under_a_statement_ending_in_its_empty_box() -> None:
    """ "投诉可以不理。（ ）" / "答案：F": the F of a T/F key, not a sixth option; a question that asks
    ("下列哪个是正确的（ ）") keyed "B" stays a choice whose options went unprinted."""
    questions = parse(
        "1.客户是上帝。（ ）\n答案：T\n2.投诉可以不理。（ ）\n答案：F\n3.下列哪个是正确的（ ）\n答案：B\n"
    )
    assert [(q["type"], q["answer"]) for q in questions] == [
        ("truefalse", True),
        ("truefalse", False),
        ("single", "B"),
    ]


def test_a_platforms_score_and_a_banks_bracketed_metadata_are_no_explanation() -> None:
    """ "正确答案：B  得分：2" (a learning platform's score for the trainee), "【难度】易", "【知识点】…"
    (a bank's metadata): neither explains the answer. "得分" in a stem is a word."""
    questions = parse(
        "1. 客户是?\nA. 上帝 B. 朋友\n正确答案：B  得分：2\n"
        "2. 服务是?\nA. 态度\nB. 速度\n【答案】A\n【难度】易\n【知识点】服务理念\n"
        "3. 比赛中小明得分：85，他排第几？\nA. 1\nB. 2\n答案：A\n"
    )
    assert [(q["stem"], q["answer"], q["explanation"]) for q in questions] == [
        ("客户是?", "B", ""),
        ("服务是?", "A", ""),
        ("比赛中小明得分:85,他排第几?", "A", ""),
    ]


def test_a_wrapped_explanation_line_saying_answer_is_b_is_no_key() -> None:
    questions = parse("1. 客户是?\nA. 上帝\nB. 朋友\nANS: B. A is absolute, so the best\nanswer is B.\n")
    assert [(q["answer"], q["explanation"]) for q in questions] == [
        ("B", "A is absolute, so the best\nanswer is B.")
    ]


def test_interview_notes_that_fold_each_answer_under_its_question() -> None:
    """Markdown notes ask in <details><summary>…？</summary> and fold the answer under it, between
    questions asked by heading; a summary naming only its fold ("答案") or a topic ("SQL 语句的优化",
    a part of the answer above it) asks nothing."""
    md = (
        "# 数据库\n\n### 什么是视图？\n\n视图是虚拟的表。\n\n"
        "<details>\n<summary>什么是触发器？</summary>\n\n触发器是一段自动执行的程序。\n\n</details>\n\n"
        "### 如何优化数据库？\n\n<details>\n<summary>SQL 语句的优化</summary>\n\n少用 select *。\n\n</details>\n\n"
        "<details>\n<summary>Why use indexes?</summary>\n\nThey speed up reads.\n\n</details>\n\n"
        "<details>\n<summary>简述三次握手的过程</summary>\n\n同步、同步确认、确认。\n\n</details>\n\n"
        "### 事务的特性有哪些？\n\n<details>\n<summary>答案</summary>\n\nACID。\n\n</details>\n"
    )
    questions = parse_document("notes.md", md.encode()).questions
    assert [(q.stem, q.answer) for q in questions] == [
        ("什么是视图?", "视图是虚拟的表。"),
        ("什么是触发器?", "触发器是一段自动执行的程序。"),
        ("如何优化数据库?", "【SQL 语句的优化】\n少用 select *。"),
        ("Why use indexes?", "They speed up reads."),
        ("简述三次握手的过程", "同步、同步确认、确认。"),
        ("事务的特性有哪些?", "ACID。"),
    ]


def test_fill_statements_folding_their_answers_a_blank_a_line() -> None:
    """<summary> holding a statement with blanks drawn as lines asks as a question does; the
    lines folded under it answer its blanks in turn. "为__文件" is a blank, not emphasis."""
    md = (
        "# 客服知识点 填空\n\n<details>\n  <summary>服务三要素是 __/__/__。</summary>\n"
        "  <div>态度</div>\n  <div>知识</div>\n  <div>技巧</div>\n</details>\n\n"
        "<details>\n  <summary>首问负责制要求谁接待谁__，一次__到底。</summary>\n  <div>负责</div>\n"
        "  <div>跟进</div>\n</details>\n\n<details>\n  <summary>投诉电话的回访时限为__小时。</summary>\n"
        "  <div>24</div>\n</details>\n"
    )
    questions = parse_document("notes.md", md.encode()).questions
    assert [(q.type, q.stem, q.answer) for q in questions] == [
        ("fill", "服务三要素是 __/__/__。", ["态度", "知识", "技巧"]),
        ("fill", "首问负责制要求谁接待谁__,一次__到底。", ["负责", "跟进"]),
        ("fill", "投诉电话的回访时限为__小时。", ["24"]),
    ]


def test_a_certificate_bank_pulled_from_a_pdf_keyed_before_its_stems() -> None:
    """Taiwan's 技術士 banks: "1. (2)" (the key, by option number) before the stem, options ①–④
    on its line, the last one's end wrapped onto an indented line, a form feed at each page
    break. The wrapped ends are the options' rest, not answers indented under questions."""
    questions = [
        "1. (2)    服務的核心為何？ ①價格 ②態度 ③速度 ④包\n          裝 。",
        "2. (1)    投訴的第一步為何？ ①傾聽 ②爭辯 ③推諉 ④掛\n          斷 。",
        "3. (3)    下列何者不適宜？ ①微笑 ②致歉 ③打斷客戶 ④記\n          錄 。",
        "\f4. (4)    回訪的目的為何？ ①推銷 ②應付 ③抱怨 ④了解滿意\n          度 。",
        "5. (1)    首問負責制指？ ①誰接待誰負責 ②轉給同事 ③等待 ④拒\n          絕 。",
        "6. (2)    電話禮儀應？ ①大聲 ②先問好 ③沉默 ④催\n          促 。",
    ]
    text = "              客戶服務 丙級 工作項目 01\n" + "\n".join(questions) + "\n"
    parsed = parse_document("bank.txt", text.encode()).questions
    assert [(q.number, q.options, q.answer, q.explanation) for q in parsed] == [
        ("1", ["價格", "態度", "速度", "包裝 。"], "B", ""),
        ("2", ["傾聽", "爭辯", "推諉", "掛斷 。"], "A", ""),
        ("3", ["微笑", "致歉", "打斷客戶", "記錄 。"], "C", ""),
        ("4", ["推銷", "應付", "抱怨", "了解滿意度 。"], "D", ""),
        ("5", ["誰接待誰負責", "轉給同事", "等待", "拒絕 。"], "A", ""),
        ("6", ["大聲", "先問好", "沉默", "催促 。"], "B", ""),
    ]


def test_a_key_printed_as_tables_after_the_questions_with_no_heading_over_it() -> None:
    """A PDF converted to Markdown (MinerU, Mathpix): the key follows the last question as tables
    of numbers over answers, with no "参考答案" over them, its letters and marks set as inline
    formulas ("$\\mathrm{B}$", "$\\checkmark$", "$X$" for ×)."""
    choices = "".join(
        f"{n}. 第{n}题服务的要点是（ ）\nA. 态度\nB. 价格\nC. 速度\nD. 包装\n" for n in range(1, 6)
    )
    judgements = "".join(f"{n}. 第{n}条服务规范是对的。\n" for n in range(1, 6))
    md = (
        f"## 一. 单选题\n\n{choices}\n## 二. 是非题\n\n{judgements}\n"
        "## 三. 简答题\n\n1. 简述投诉处理的步骤。\n2. 简述首问负责制。\n\n"
        "| 1 | 2 | 3 | 4 | 5 |\n| :---: | :---: | :---: | :---: | :---: |\n"
        "| $\\mathrm{B}$ | $\\mathrm{A}$ | $\\mathrm{D}$ | C | $\\mathrm{B}$ |\n\n"
        "二. 是非题\n\n| 1 | 2 | 3 | 4 | 5 |\n| :---: | :---: | :---: | :---: | :---: |\n"
        "| $\\times$ | $\\checkmark$ | $X$ | $\\checkmark$ | $X$ |\n"
    )
    questions = parse_document("exam.md", md.encode()).questions
    assert [q.answer for q in questions] == [
        "B",
        "A",
        "D",
        "C",
        "B",
        False,
        True,
        False,
        True,
        False,
        None,
        None,
    ]


NUMBERED_BLANKS = (
    "二、填空题（每空1分）\n1. 客户满意的三要素是（1）、（2）和（3）。\n2. 投诉处理的第一步是（4）。\n"
)


def test_blanks_numbered_through_a_part_are_keyed_by_their_numbers_in_any_order() -> None:
    """ "（1）…（4）" number the part's blanks, not their answers; the key answers them by number,
    in whatever order a two-column key prints them."""
    paper = NUMBERED_BLANKS + "参考答案\n二、填空题\n(1) 态度\n(3) 技巧\n(2) 知识\n(4) 倾听\n"
    assert [(q["stem"], q["answer"]) for q in parse(paper)] == [
        ("客户满意的三要素是____、____和____。", ["态度", "知识", "技巧"]),
        ("投诉处理的第一步是____。", ["倾听"]),
    ]


def test_numbered_blanks_without_a_key_are_unanswered_never_answered_by_their_numbers() -> None:
    assert [q["answer"] for q in parse(NUMBERED_BLANKS)] == [None, None]
    # numbers in brackets that do not run 1, 2, 3 … are the blanks' answers, as ever
    assert [q["answer"] for q in parse("二、填空题\n1. 1+1=（2）\n2. 2+2=（4）\n")] == [["2"], ["4"]]


def test_one_blank_in_a_stem_whose_list_lost_its_words_is_answered_whole() -> None:
    # (a stem with one blank and erased joints "：、和" once crashed the fill reader)
    questions = parse("一、填空题\n1. 服务三要素包括：、和，其核心是____。\n答案：态度\n")
    assert [(q["type"], q["answer"]) for q in questions] == [("fill", ["态度"])]


QUIZ = (
    "1) A customer calls first. What do you say?\nA. Hello\nB. Bye\nC. Wait\n\n"
    "2) How to close?\nA. Thanks\nB. Go away\nC. Hmm\n\n3) Tone?\nA. Calm\nB. Loud\nC. Rude\n\n"
)


@pytest.mark.parametrize(
    "key",
    [
        "## Answer Key\n\n| 1 | 2 | 3 |\n|---|---|---|\n| B | A | C |\n",  # a grid: numbers over marks
        "参考答案\n1 2 3\nB A C\n",
        "## Answer Key\n\n1-B, 2-A, 3-C\n",
        "参考答案\n1) B  2) A  3) C\n",
        "参考答案：（1）B；（2）A；（3）C。\n",
    ],
)
def test_a_key_part_as_a_grid_or_as_entries_joined_by_a_dash_or_bracket(key: str) -> None:
    # (and a question "1) A customer…" opening with the article A is still question 1)
    questions = parse_document("quiz.md", (QUIZ + key).encode()).questions
    assert [(q.stem[:10], q.answer) for q in questions] == [
        ("A customer", "B"),
        ("How to clo", "A"),
        ("Tone?", "C"),
    ]


def test_a_key_set_apart_in_brackets_on_its_own_line() -> None:
    """Generated quizzes put each key alone in brackets under the options: "[Correct: A]",
    "[Answer: B]", "（答案：C）". The brackets are no part of the key, nor an explanation."""
    questions = parse(
        "Q1: HTML ka full form kya hai?\n   A) Hyper Text Markup Language\n   B) High Text\n   [Correct: A]\n\n"
        "Q2: Root element?\n   A) <head>\n   B) <html>\n   [Answer: B]\n\n"
        "Q3: 投诉处理的第一步是?\n A. 倾听\n B. 争辩\n C. 转交\n （答案：A）\n"
    )
    assert [(q["answer"], q["explanation"]) for q in questions] == [("A", ""), ("B", ""), ("A", "")]


def test_an_unnumbered_bank_whose_option_labels_are_followed_by_a_space() -> None:
    """A bank that numbers nothing, options "A 甲" over "B 乙" each on a line, the key glued to
    the last one: choice questions, not a questionnaire of loose lines."""
    questions = parse(
        "客户服务的核心理念有:\nA 以客户为中心\nB 及时响应\nC 降低成本\nD 持续改进\\ans:ABD\n"
        "投诉处理的第一步是:\nA 倾听\nB 争辩\nC 转交\\ans:A\n"
    )
    assert [(q["type"], q["stem"], len(q["options"]), q["answer"]) for q in questions] == [
        ("multiple", "客户服务的核心理念有:", 4, "ABD"),
        ("single", "投诉处理的第一步是:", 3, "A"),
    ]


def test_plain_text_notes_whose_answers_are_indented_under_their_questions() -> None:
    """Interview notes typed in an editor: a question (or a topic) at the margin, its answer
    indented under it, deeper indents inside the answer. Each margin line is a question."""
    notes = (
        "为什么要使用缓存？\n    减少数据库压力。\n    加快响应。\n\n"
        "redis\n    redis 是内存数据库。\n        支持持久化。\n\n"
        "缓存穿透怎么办？\n    布隆过滤器。\n    缓存空值。\n\n"
        "缓存雪崩是什么？\n    大量键同时过期。\n\n"
        "怎样保证缓存一致？\n    先更新数据库，再删除缓存。\n"
    )
    paper = parse_document("notes.txt", notes.encode())
    assert [(q.type, q.stem, q.answer) for q in paper.questions] == [
        ("short", "为什么要使用缓存?", "减少数据库压力。\n加快响应。"),
        ("short", "redis", "redis 是内存数据库。\n支持持久化。"),
        ("short", "缓存穿透怎么办?", "布隆过滤器。\n缓存空值。"),
        ("short", "缓存雪崩是什么?", "大量键同时过期。"),
        ("short", "怎样保证缓存一致?", "先更新数据库,再删除缓存。"),
    ]


def test_numbered_tasks_each_over_an_indented_answer_that_nothing_labels() -> None:
    """An exercise sheet typed in an editor: "1、查询…" at the margin, the worked answer indented
    under it (a tab), no "答案" anywhere. The indentation tells the answer from the task, even
    when the task only commands ("查询…", no question mark) and its answer runs long; each
    keeps its number."""
    join = "select * from student st inner join score sc on st.s_id = sc.s_id and sc.c_id = "
    tasks = ["选修01课程", "选修02课程", "选修03课程", "选修04课程", "选修05课程"]
    text = "".join(
        f"{n}、查询{task}的学生的信息及课程分数 \n\t{join}'0{n}';\n" for n, task in enumerate(tasks, 1)
    )
    paper = parse_document("sql.txt", text.encode())
    assert [(q.number, q.type, q.stem, q.answer) for q in paper.questions][:2] == [
        ("1", "short", "查询选修01课程的学生的信息及课程分数", f"{join}'01';"),
        ("2", "short", "查询选修02课程的学生的信息及课程分数", f"{join}'02';"),
    ]
    assert len(paper.questions) == 5 and all(q.answer for q in paper.questions)


def test_an_outline_indented_as_a_whole_or_typed_into_word_reads_as_typed() -> None:
    """Text pasted from Word may open every line with "　　": the outline is in the indentation
    beyond what all lines share. A Word paper typed the same way (each answer tabbed in under
    its question) is read as the text is."""
    outline = [
        ("为什么要使用缓存？", ["减少数据库压力。", "加快响应。"]),
        ("缓存穿透怎么办？", ["布隆过滤器。"]),
        ("缓存雪崩是什么？", ["大量键同时过期。"]),
        ("怎样保证缓存一致？", ["先更新数据库，再删除缓存。"]),
        ("redis 为什么快？", ["内存读写。"]),
    ]
    lines = [line for question, answer in outline for line in [question, *(f"\t{a}" for a in answer)]]
    expected = [("short", q.replace("？", "?"), "\n".join(a).replace("，", ",")) for q, a in outline]
    questions = [not line.startswith("\t") for line in lines]
    indented = "".join(f"　　{line}\n" for line in lines).encode()
    assert [line.outline for line in read_lines("notes.txt", indented)] == questions
    assert [(q.type, q.stem, q.answer) for q in parse_document("notes.txt", indented).questions] == expected
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    word = to_bytes(document)
    assert [line.outline for line in read_lines("notes.docx", word)] == questions
    assert [(q.type, q.stem, q.answer) for q in parse_document("notes.docx", word).questions] == expected


def test_a_line_telling_the_candidate_what_to_do_is_part_of_the_task() -> None:
    """A programming task asks, then instructs on the next line ("请编写函数，…计算并返回总价。"):
    that line is the task's, not its answer; a service script's "请您稍等" under a question
    still answers it."""
    text = (
        "1、苹果 8 元/斤，草莓 13 元/斤。顾客买了若干斤，一共多少钱？\n请编写函数，计算并返回总价。\n\n"
        "2、草莓打 8 折，一共多少钱？\n请编写函数，计算并返回打折后的总价。\n\n"
        "3、客户来电查询订单，客服应怎样回应？\n请您稍等，我马上为您查询。\n"
    )
    questions = parse(text)
    assert [(q["stem"], q["answer"]) for q in questions] == [
        ("苹果 8 元/斤,草莓 13 元/斤。顾客买了若干斤,一共多少钱?\n请编写函数,计算并返回总价。", None),
        ("草莓打 8 折,一共多少钱?\n请编写函数,计算并返回打折后的总价。", None),
        ("客户来电查询订单,客服应怎样回应?", "请您稍等,我马上为您查询。"),
    ]


def test_review_notes_whose_top_level_list_numbers_the_questions() -> None:
    """Markdown review notes: "- 1 什么是软件？" items of the top-level list, some naming only a
    topic ("- 3 增量模型"), each over deeper points (bulleted or numbered) that are its answer;
    a deep point naming a part ("- 设计") is no part heading."""
    md = (
        "# 软件工程复习题\n\n"
        "- 1 什么是软件？\n    - 程序、数据和文档\n"
        "- 2 软件过程框架有哪些活动？\n    - 沟通\n    - 建模\n        - 分析\n        - 设计\n    - 构建\n"
        "- 3 增量模型\n    - 小而可用的软件\n"
        "- 4 沟通的黄金原则\n    1. 倾听\n    2. 有准备的沟通\n"
    )
    paper = parse_document("review.md", md.encode())
    assert [(q.stem, q.answer) for q in paper.questions] == [
        ("什么是软件?", "程序、数据和文档"),
        ("软件过程框架有哪些活动?", "沟通\n建模\n分析\n设计\n构建"),
        ("增量模型", "小而可用的软件"),
        ("沟通的黄金原则", "1. 倾听\n2. 有准备的沟通"),
    ]


def test_an_open_parts_bullets_over_their_numbered_points_are_its_questions() -> None:
    """ "# 简答题" over "* JDBC的优点" items, each over nested numbered points: under a part that
    names an open type every top-level bullet names a question, asking or not (the first one
    too, right under the part's heading), and its points are the answer, not questions."""
    md = (
        "# 简答题\n"
        "* jsp与servlet比较\n    1. jsp本质上是servlet\n    2. servlet必须编译后才能执行\n"
        "* JDBC的优点\n    1. 便于理解\n    2. 代码复用率高\n"
        "* 什么是Cookie\n    1. 小段的文本信息\n"
        "* javaBean需要遵循的规范\n    1. 实现Serializable接口\n    2. 是公共类\n"
    )
    paper = parse_document("javaweb.md", md.encode())
    assert [(q.type, q.stem, q.answer) for q in paper.questions] == [
        ("short", "jsp与servlet比较", "1. jsp本质上是servlet\n2. servlet必须编译后才能执行"),
        ("short", "JDBC的优点", "1. 便于理解\n2. 代码复用率高"),
        ("short", "什么是Cookie", "1. 小段的文本信息"),
        ("short", "javaBean需要遵循的规范", "1. 实现Serializable接口\n2. 是公共类"),
    ]


def test_a_recap_list_of_terms_the_notes_already_defined_asks_nothing() -> None:
    """Review notes that define their terms and end with "高频必背" over the terms again, bare
    ("1. 数据库（DB）", "NULL" of "空值（NULL）"): the recap repeats questions, it asks none; an
    exam's own part of bare terms, never defined above, stays its questions."""
    terms = [
        ("数据库（DB）", "数据的集合。"),
        ("空值（NULL）", "未知的值。"),
        ("视图", "虚表。"),
        ("主码", "选定的码。"),
    ]
    md = "# 数据库复习\n\n## 第一章\n\n" + "".join(
        f"### {n}. {t}\n{d}\n\n" for n, (t, d) in enumerate(terms, 1)
    )
    recap = "## 高频必背\n\n### 第一梯队\n1. 数据库（DB）\n2. NULL\n3. 视图\n"
    paper = parse_document("notes.md", (md + recap).encode())
    assert [(q.stem, q.answer) for q in paper.questions] == [
        ("数据库(DB)", "数据的集合。"),
        ("空值(NULL)", "未知的值。"),
        ("视图", "虚表。"),
        ("主码", "选定的码。"),
    ]
    assert paper.coverage.unread == 0
    exam = parse_document("exam.md", (md + "## 名词解释（二）\n\n1. 外码\n2. 候选码\n3. 超码\n").encode())
    assert [q.stem for q in exam.questions][4:] == ["外码", "候选码", "超码"]


def test_a_glossarys_numbered_term_named_like_a_part_goes_on_with_the_questions() -> None:
    """ "### 58. 选择（Selection）" after question 57 of a glossary names the next term, not a
    choice part; parts number apart from their questions ("1. 单选题" over one, "2. 判断题")."""
    md = "## 第五章 概念\n\n" + "".join(f"### {n}. 术语{n}\n术语{n}是一个概念。\n\n" for n in range(54, 57))
    md += "## 第六章 关系代数\n\n### 57. 关系代数\n关系代数是查询语言。\n\n"
    md += "### 58. 选择（Selection）\n选择是选取元组。\n\n### 59. 投影（Projection）\n投影是选取属性。\n\n"
    md += "### 60. 并运算\n并运算用于合并元组。\n"
    paper = parse_document("glossary.md", md.encode())
    assert [(q.type, q.stem, q.answer) for q in paper.questions][-3:] == [
        ("short", "选择(Selection)", "选择是选取元组。"),
        ("short", "投影(Projection)", "投影是选取属性。"),
        ("short", "并运算", "并运算用于合并元组。"),
    ]
    parts = parse("1. 单选题\n1. 核心是?\nA. 产品\nB. 客户\n答案:B\n2. 判断题\n1. 客户是上帝。\n答案:对")
    assert [(q["type"], q["stem"]) for q in parts] == [("single", "核心是?"), ("truefalse", "客户是上帝。")]


def test_a_blanks_answer_in_notation_is_neither_a_verdict_nor_alternatives() -> None:
    """ "服从____分布" answered "N(1, 18/n)": a drawn blank asks for words, so the "N" is no verdict
    with its reason in brackets, and a slash inside brackets or between digits ("5/12") divides,
    while "客户/顾客" still gives a blank's two accepted answers."""
    questions = parse(
        "一、填空题\n【题目】1.设X服从____分布。\n【答案】N(1, 18/n)\n"
        "【题目】2.概率为____。\n【答案】5/12\n【题目】3.服务的对象是____。\n【答案】客户/顾客\n"
    )
    assert [(q["type"], q["answer"]) for q in questions] == [
        ("fill", ["N(1, 18/n)"]),
        ("fill", ["5/12"]),
        ("fill", ["客户|顾客"]),
    ]


def test_a_key_in_brackets_glued_to_the_number_before_the_stem() -> None:
    """ "1(D)          自计算机…": an answered bank prints each key in brackets right after the
    number, glued or spaced ("2 （AB）"); the number opens the question and the letters key it."""
    questions = parse(
        "1(D)          划分时代的依据是______。\nA.规模\nB.性能\nC.功能\nD.构成元件\n"
        "2 （AB）下列属于输入设备的是______。\nA.键盘\nB.鼠标\nC.显示器\nD.打印机\n"
    )
    assert [(q["number"], q["type"], q["stem"], q["answer"]) for q in questions] == [
        ("1", "single", "划分时代的依据是______。", "D"),
        # (letters that could have filled a blank leave one where they stood, as "10.（ABC）是…" has)
        ("2", "multiple", "( )下列属于输入设备的是______。", "AB"),
    ]


def test_an_exercise_sheets_numbered_topics_over_their_labelled_tasks() -> None:
    """An exercise sheet numbers each task by its topic and level ("1. 创建数组与重塑形状  【基础】")
    over "题目：…", "要求：…" and "参考数据：…": one question, every field of it the question's
    (no requirement or data read as its answer)."""
    questions = parse(
        "1. 创建数组与重塑形状  【基础】\n题目：使用 NumPy 创建一个一维数组。\n要求：输出数组的形状。\n"
        "2. DataFrame 创建与基础查看  【基础】\n题目：使用下面的数据创建一个 DataFrame。\n"
        "要求：查看前 3 行。\n参考数据：\ndata = {'math': [88, 76]}\n"
    )
    assert [(q["number"], q["type"], q["stem"], q["answer"]) for q in questions] == [
        ("1", "short", "使用 NumPy 创建一个一维数组。\n要求:输出数组的形状。", None),
        (
            "2",
            "short",
            "使用下面的数据创建一个 DataFrame。\n要求:查看前 3 行。\n参考数据:\ndata = {'math': [88, 76]}",
            None,
        ),
    ]


def test_a_mathematics_papers_part_named_by_its_points_is_one_problem() -> None:
    """ "二、（15分）" names a part by its points alone: the unnumbered text under it is one problem,
    however many lines it runs (no line of it an answer), and where "1." "2." follow it, those are
    the problem's parts and its text their material. The paper's own "说明：1.…" rules above the
    first part are no questions."""
    questions = parse(
        "说明：1.考试完毕，请将试题夹在试卷中一起交回。\n2.计算过程需要有详细步骤。\n"
        "一、（15分）\n对于下列函数，找到所有驻点，并判断它们是否是鞍点，\n"
        "f(x1, x2) = x1 4 − 2x1 2 + x2 2 .\n"
        "二、（14分）\n设关系模式 R(A, B, C)上的函数依赖集是：\nF = { A→B, B→C }\n"
        "1. （4分）请直接写出与 F 等价的最小函数依赖集。\n2. （4分）请直接给出 R 的所有候选关键字。\n"
    )
    problem = "设关系模式 R(A, B, C)上的函数依赖集是:\nF = { A→B, B→C }"
    assert [(q["number"], q["stem"], q["answer"], q["material"]) for q in questions] == [
        ("", "对于下列函数,找到所有驻点,并判断它们是否是鞍点,\nf(x1, x2) = x1 4 − 2x1 2 + x2 2 .", None, ""),
        ("1", "请直接写出与 F 等价的最小函数依赖集。", None, problem),
        ("2", "请直接给出 R 的所有候选关键字。", None, problem),
    ]


def test_a_stem_cut_at_its_equals_sign_goes_on_with_the_formula() -> None:
    """ "1.函数 f(x) =" ends at an equals sign, where no question ends: the next line is the
    formula's right side, more of the stem, not its answer."""
    questions = parse("三、计算题\n1.函数 f(x) =\nx^2 + 1，求它的最小值。\n2.求 g(x) = x 的导数。\n")
    assert [(q["stem"], q["answer"]) for q in questions] == [
        ("函数 f(x) = x^2 + 1,求它的最小值。", None),
        ("求 g(x) = x 的导数。", None),
    ]


def test_a_banks_questions_each_pasted_into_a_code_block_under_their_labels() -> None:
    """A bank exported question by question into "```java" blocks, each opening "题库中第1题:" and
    keyed "{correctAnswer='正确'}": the blocks hold the questions' text (not programs), and the
    label a word or two before "第1题" numbers the question."""
    block = "```java\n\n题库中第{n}题:\n{stem}\n{{correctAnswer='{key}'}}\n```\n\n"
    md = "### 选择题\n\n" + block.format(n=1, stem="下列哪个是编译器?\nA. java.exe\nB. javac.exe", key="B")
    md += "### 判断题\n\n" + block.format(n=1, stem="Java语言的主要贡献者是James Gosling", key="正确")
    md += block.format(n=2, stem="Java源文件中只能有一个类。", key="错误")
    paper = parse_document("bank.md", md.encode())
    assert [(q.number, q.type, q.stem, q.answer) for q in paper.questions] == [
        ("1", "single", "下列哪个是编译器?", "B"),
        ("1", "truefalse", "Java语言的主要贡献者是James Gosling", True),
        ("2", "truefalse", "Java源文件中只能有一个类。", False),
    ]


def test_each_parts_bracketed_key_under_its_last_question() -> None:
    """A paper prints "【参考答案】" alone after each part, its entries numbered as the part's
    questions: a multiple choice's letters spaced ("2. A B D"), the fill part's entries going on
    from the paper's numbering ("3. double"). Each is the key of the part above, not the answer
    of its last question."""
    choice = "".join(f"{n}.下面哪些正确{n}？\nA. 甲\nB. 乙\nC. 丙\nD. 丁\n" for n in (1, 2))
    fill = "二、填空题\n3.函数的返回值是      类型。\n4.程序输出      。\n"
    paper = f"一、多选题\n{choice}【参考答案】\n1. C D\n2. A B D\n{fill}【参考答案】\n3. double\n4.输出4\n"
    assert [(q["number"], q["answer"]) for q in parse(paper)] == [
        ("1", "CD"),
        ("2", "ABD"),
        ("3", ["double"]),
        ("4", ["输出4"]),
    ]


def test_a_key_set_out_by_the_papers_parts_and_their_subheadings() -> None:
    """ "# 参考答案及解析" titles the whole paper's key (it is no explanation of the last question),
    and the key names the paper's parts again, "## 二、简析题" and "### （一）…选段" over "**3.
    …**" answers: still the key, the answers the questions' of those numbers."""
    md = (
        "# 模拟卷\n\n## 一、单项选择题\n\n**1.《秋水》的作者是（　）**\n\nA. 老子　　B. 庄子\n\n"
        "**2.《孟子》属于（　）**\n\nA. 儒家　　B. 道家\n\n## 二、简析题（共 20 分）\n\n"
        "### （一）阅读《秋水》选段，回答问题。（3 分）\n\n**3. 河伯的态度有何变化？（3 分）**\n\n"
        "### （二）阅读《垓下之围》选段，回答问题。（3 分）\n\n**4. 项羽是怎样的人？（3 分）**\n\n"
        "# 参考答案及解析\n\n## 一、单项选择题\n\n| 题号 | 答案 |\n|---|---|\n| 1 | **B** |\n| 2 | **A** |\n\n"
        "## 二、简析题（共 20 分）\n\n### （一）《秋水》选段\n\n**3. 态度变化（3 分）**\n\n由自喜到自愧。\n\n"
        "### （二）《垓下之围》选段\n\n**4. 人物形象（3 分）**\n\n勇猛而刚愎。\n"
    )
    paper = parse_document("mock.md", md.encode())
    assert [(q.number, q.answer) for q in paper.questions] == [
        ("1", "B"),
        ("2", "A"),
        ("3", "态度变化(3 分)\n由自喜到自愧。"),
        ("4", "人物形象(3 分)\n勇猛而刚愎。"),
    ]


def test_names_with_digits_listed_in_a_stem_number_no_questions() -> None:
    """ "P={P1, P2,P3, P4, P5, P6}" in question 4: the digits of names listed with commas, not
    questions 5 and 6 however well they follow 4."""
    questions = parse(
        "4.假设系统中进程P={P1, P2,P3, P4, P5, P6}，且进程的前驱图如下:\nA.甲\nB.乙\nC.丙\nD.丁\n"
        "5.下一题是（ ）。\nA.甲\nB.乙\nC.丙\nD.丁\n"
    )
    assert [(q["number"], str(q["stem"])[-9:]) for q in questions] == [
        ("4", "进程的前驱图如下:"),
        ("5", "下一题是( )。"),
    ]


def test_open_trivia_qa_questions_with_the_right_options_text_above_them() -> None:
    """OpenTriviaQA's files: "#Q …" opens each question and "^ …" gives the right option's text
    before the options "A …" "B …": the key is the option that text names."""
    questions = parse(
        "#Q Which of these is true about the sleep of zebras?\n^ They sleep standing up.\n"
        "A All of these\nB They sleep standing up.\nC They sleep 12 hours a day.\n\n"
        "#Q A farmer had 12 sheep. All but 9 died. How many are left?\n^ 9\nA 3\nB 12\nC 9\n"
    )
    assert [(q["stem"], q["options"], q["answer"]) for q in questions] == [
        (
            "Which of these is true about the sleep of zebras?",
            ["All of these", "They sleep standing up.", "They sleep 12 hours a day."],
            "B",
        ),
        ("A farmer had 12 sheep. All but 9 died. How many are left?", ["3", "12", "9"], "C"),
    ]


def test_a_self_test_of_heading_questions_with_options_on_one_line_keyed_by_part_at_the_end() -> None:
    """ "### 1. The teacher asked …" over "A. complete  B. compete …" (options on one line make
    the headings a quiz's, not notes asking by heading), and the key at the end set out by the
    paper's parts ("### 第一部分：词汇选择" over "1. A (complete - 完成)")."""
    part = "## 第{n}部分：{name}（2题）\n\n### {a}. {q}_____ it.\nA. make  B. take  C. do  D. get\n\n"
    md = "# 单词自测题\n\n## 📝 自测题说明\n\n本自测题包含2个部分。\n\n**测试时间**：建议10分钟\n\n"
    md += part.format(n="一", name="词汇选择", a=1, q="I need to ")
    md += "### 2. Please _____ the door.\nA. open  B. close  C. shut  D. lock\n\n"
    md += (
        part.format(n="二", name="搭配选择", a=3, q="We ")
        + "### 4. They _____ home.\nA. go  B. goes  C. went  D. gone\n\n"
    )
    md += "## 📊 答案与解析\n\n### 第一部分：词汇选择\n1. A (make - 做)\n2. B (close - 关闭)\n\n"
    md += "### 第二部分：搭配选择\n3. A (make it)\n4. C (went)\n"
    paper = parse_document("selftest.md", md.encode())
    assert [(q.number, q.options[:2], q.answer) for q in paper.questions] == [
        ("1", ["make", "take"], "A"),
        ("2", ["open", "close"], "B"),
        ("3", ["make", "take"], "A"),
        ("4", ["go", "goes"], "C"),
    ]


def test_obsidian_question_boxes_numbered_by_their_titles_with_answers_folded_inside() -> None:
    """An Obsidian chapter test: "> [!question] 判断题 1" boxes, each over its statement and a
    folded "> > [!success]- 点击查看答案" holding the key: each box is a question numbered by its
    title (its text the question's, not notes quoted under one), the folded box its answer."""
    box = (
        "> [!question] {kind} {n}\n> {stem}\n{options}>\n"
        "> > [!success]- 点击查看答案\n> > {key}\n> >\n> > **解析**: {why}\n\n"
    )
    judge = "> - [ ]  正确\n> - [ ]  错误\n"
    md = "## 章节测试\n\n### 判断题\n\n"
    md += box.format(
        kind="判断题",
        n=1,
        stem="线段树的空间复杂度为O(2n)。（ ）",
        options=judge,
        key="答案: 错误",
        why="需要4n。",
    )
    md += box.format(
        kind="判断题",
        n=2,
        stem="建树的时间复杂度为O(n)。（ ）",
        options=judge,
        key="答案: 正确",
        why="每个节点一次。",
    )
    md += "### 选择题\n\n" + box.format(
        kind="选择题",
        n=1,
        stem="树高为？",
        options="> - [ ] A. n\n> - [ ] B. log n\n",
        key="正确答案: B",
        why="近似完全二叉树。",
    )
    paper = parse_document("chapter.md", md.encode())
    assert [(q.number, q.type, q.stem, q.answer) for q in paper.questions] == [
        ("1", "truefalse", "线段树的空间复杂度为O(2n)。( )", False),
        ("2", "truefalse", "建树的时间复杂度为O(n)。( )", True),
        ("1", "single", "树高为?", "B"),
    ]


def test_unnumbered_choice_questions_each_closed_by_its_key_under_a_numbered_topic() -> None:
    """A club's bank: "1、输入输出" over unnumbered choice questions, each closed by "正确答案： D.":
    after a choice's key, a line over option A, or one that asks or announces its program
    ("给出如下代码："), is the next question, numbered or not."""
    questions = parse(
        "1、输入输出\n已知以下程序段，应该使用的表达式是：\nA. print(z)\nB. print(x)\n正确答案： B.\n"
        "设 str = 'python'，正确的是\nA. upper\nB. lower\n正确答案： A.\n"
        "给出如下代码：\nTempStr = 'Hello World'\n以下选项中可以输出World的是\nA. [-5:]\nB. [0:5]\n正确答案： A.\n"
    )
    # (the topic's words run into the first stem: "输入输出已知…")
    assert [(str(q["stem"]).splitlines()[0][-8:], q["answer"]) for q in questions] == [
        ("使用的表达式是:", "B"),
        ("on',正确的是", "A"),
        ("给出如下代码:", "A"),
    ]


def test_a_bold_key_label_at_the_end_and_code_spans_kept_whole_in_a_blanks_answer() -> None:
    """ "**答案**" alone after the questions starts their key as "答案" does, and a blank's answer
    in a code span ("`.venv/bin/python -m pytest`") is one answer, its slashes no alternatives."""
    md = (
        "## 一、填空题\n\n1. 运行测试的命令是 `________`。\n\n2. 入口文件是 `________`。\n\n"
        "## 二、单选题\n\n3. 哪个变量配置 API Key？\n   - A. `KEY`\n   - B. `LLM_KEY`\n\n---\n\n"
        "**答案**\n\n1. `.venv/bin/python -m pytest`\n2. `app/main.py`\n3. B\n"
    )
    paper = parse_document("review.md", md.encode())
    assert [(q.number, q.answer) for q in paper.questions] == [
        ("1", ["`.venv/bin/python -m pytest`"]),
        ("2", ["`app/main.py`"]),
        ("3", "B"),
    ]


def test_a_multiple_choice_key_worded_in_prose() -> None:
    """ "全选（6 个文件都被修改）" keys every option; "前三个（A、B、C）和最后一个（E）" the letters it
    names in brackets."""
    options = "A. 甲\nB. 乙\nC. 丙\nD. 丁\nE. 戊\n"
    questions = parse(
        f"1.下列哪些文件被修改过？\n{options}答案：全选（5 个文件都被修改）\n"
        f"2.下列哪些说法正确？\n{options}答案：前三个（A、B、C）和最后一个（E）\n"
    )
    assert [(q["type"], q["answer"]) for q in questions] == [("multiple", "ABCDE"), ("multiple", "ABCE")]


def test_a_key_printed_in_columns_read_row_by_row() -> None:
    """A key set in columns ("1、 B 4、 A" over "2、 C 5、 B"): each row steps by the column's
    length, and the next row goes back to the next number of the first column."""
    questions = parse(
        "".join(f"{n}、第{n}题问什么？\nA.甲\nB.乙\nC.丙\n" for n in range(1, 7))
        + "参考答案：\n1、 B 3、 A 5、 C\n2、 C 4、 B 6、 A\n"
    )
    assert [q["answer"] for q in questions] == ["B", "C", "A", "B", "C", "A"]


def test_verdict_letters_written_in_the_box_before_each_statements_number() -> None:
    """A judgement part answered in the box before each number: "( F )2．…", "( T )3．…" as
    "( 对 )1．…" is."""
    questions = parse(
        "三、判断题\n( 对 )1．进程是资源分配的单位。\n( F )2．多道系统一定是多用户系统。\n"
        "( T )3．虚拟存储器的大小可比内存大。\n"
    )
    assert [(q["stem"], q["answer"]) for q in questions] == [
        ("进程是资源分配的单位。", True),
        ("多道系统一定是多用户系统。", False),
        ("虚拟存储器的大小可比内存大。", True),
    ]


def test_numbered_options_nested_under_questions_with_the_key_as_their_numbers() -> None:
    """A Markdown quiz nests each question's options as a numbered list and writes the key after
    the stem as the options' numbers ("…because    3", "…types? 13"); a question printed without
    its key in such a paper keeps its nested options; "4.\\xa0" (a no-break space copied from a
    web page) still opens a list item."""
    md = (
        "1. Software deteriorates rather than wears out because    3\n"
        "\t1. Hostile environments\n\t2. Frequent use\n\t3. Change requests\n\n"
        "2. Projects start from a business need.。 1\n\t1. True\n\t2. False\n\n"
        "# Chapter 2\n\n"
        "4.\xa0Which of these are process flow types? 13\n"
        "\t1. Concurrent\n\t2. Iterative\n\t3. Linear\n\n"
        "5. The waterfall model is\n\t1. Old\n\t2. New\n"
    )
    paper = parse_document("quiz.md", md.encode())
    assert [(q.type, q.stem, q.options, q.answer) for q in paper.questions] == [
        (
            "single",
            "Software deteriorates rather than wears out because",
            ["Hostile environments", "Frequent use", "Change requests"],
            "C",
        ),
        ("truefalse", "Projects start from a business need.。", [], True),
        ("multiple", "Which of these are process flow types?", ["Concurrent", "Iterative", "Linear"], "AC"),
        ("single", "The waterfall model is", ["Old", "New"], None),
    ]


def test_an_export_printing_the_type_tag_twice_and_entity_residue_before_labels() -> None:
    """A 学习通 export: "(单选题)(单选题)" before the stem (the tag printed twice, no stem text),
    and "&A." — what the export left of an HTML entity — before each option's label."""
    questions = parse(
        "14. (单选题)(单选题)首条试验线--“( )”在江西竣工。\n&A. 黄轨\n&B. 蓝轨\n我的答案:正确答案: B\n0分\n"
        "15. (多选题)(多选题)下列属于红色的有( )。\n&nbsp;A. 火\n&nbsp;B. 血\n&nbsp;C. 草\n我的答案:正确答案: AB\n"
    )
    assert [brief(q) for q in questions] == [
        ("single", "首条试验线--“( )”在江西竣工。", ["黄轨", "蓝轨"], "B"),
        ("multiple", "下列属于红色的有( )。", ["火", "血", "草"], "AB"),
    ]


def test_key_entries_each_labelled_as_the_answer_after_their_number() -> None:
    """A key at the end whose entries repeat the label: "1、参考答案：C" then "解析：…" (the label
    is the entry's, not a new key part)."""
    questions = parse(
        "一、单项选择题\n1. 数据是什么？\nA. 信息\nB. 符号\nC. 载体\n2. 信息的特征不包括？\nA. 时效性\nB. 共享性\nC. 不可传递性\n"
        "参考答案\n一、单项选择题\n1、参考答案：B\n解析：数据是符号。\n2.参考答案：C\n解析：信息可传递。\n"
    )
    assert [(q["answer"], q["explanation"]) for q in questions] == [
        ("B", "数据是符号。"),
        ("C", "信息可传递。"),
    ]


def test_an_english_bank_with_question_headers_and_explanations_under_a_label() -> None:
    """A certification quiz in Markdown: "Question 1" (set in a coloured span) heads each
    question, options end with "<br>", "Answer: C", then "Explanation" over the reasons."""
    md = (
        "# Quiz Set 1\n\n"
        '- <span style="color: #008888;">Question 1</span>\n\n  Which attack uses hex encoding?\n\n'
        "  A. Smurf<br>\n  B. DDoS<br>\n  C. XSS<br>\n\n  Answer: C\n\n  Explanation\n\n  XSS hides its payload.\n\n"
        '- <span style="color: #008888;">Question 2</span>\n\n  Which two reduce phishing? (Choose two.)\n\n'
        "  A. training<br>\n  B. open relays<br>\n  C. filtering<br>\n\n  Answer: A C\n"
    )
    paper = parse_document("quiz.md", md.encode())
    assert [(q.number, q.stem, q.options, q.answer, q.explanation) for q in paper.questions] == [
        ("1", "Which attack uses hex encoding?", ["Smurf", "DDoS", "XSS"], "C", "XSS hides its payload."),
        ("2", "Which two reduce phishing? (Choose two.)", ["training", "open relays", "filtering"], "AC", ""),
    ]


def test_points_in_plain_type_under_a_question_set_in_bold_are_its_answer() -> None:
    """Notes that set each question wholly in bold, "**8.…两种用途是什么.**", answer in plain
    type: "1. 可以…" "2. 另一种…" under it are the answer's points, not questions 1 and 2."""
    md = (
        "**8.多模式的两种可能用途是什么.**\n\n1.  提供更细粒度的安全策略。\n2.  区分内核代码。\n\n"
        "**9.区分客户机-服务器模型和对等模型。**\n\n1.  客户机请求服务。\n2.  对等模型没有严格角色。\n"
    )
    questions = parse_document("notes.md", md.encode()).questions
    assert [(q.number, q.answer) for q in questions] == [
        ("8", "1. 提供更细粒度的安全策略。\n2. 区分内核代码。"),
        ("9", "1. 客户机请求服务。\n2. 对等模型没有严格角色。"),
    ]


def test_an_exam_systems_export_with_record_ids_source_lines_and_bracketed_notes() -> None:
    """An exam system's paper: "复核模式 ID: 31 正确答案: 错误" (a record number before the key),
    "试题来源: [站] 章节名称: […]" metadata, per-blank keys "1. [工作服] 2. [工作鞋]", and an
    explanation in brackets over several lines whose numbered steps are no questions."""
    qs = parse(
        "单选题\n第1题   哪种天气可以收球   (        )\nA. 雷电        B. 晴天\n复核模式 ID: 1 正确答案: B\n"
        "试题来源: [北京站] 章节名称: [收球流程] 试题生成类别: [人工]\n"
        "人工解析: [答案是B。\n推导过程：\n1. 雷电危险。\n2. 因此选B。]\n"
        "第2题   E端接( )   (        )\nA. 接地极        B. 探棒\n复核模式 ID: 2 正确答案: A\n"
        "判断题\n第1题   罐高即是安全储油高度。   (        )\n复核模式 ID: 31 正确答案: 错误\n"
        "填空题\n第1题   泄压阀压力值为(                    )\n复核模式 ID: 36 正确答案: 1.  [0.6 MPa]\n"
        "第2题   防护用品：(          ),(          )。\n复核模式 ID: 40 正确答案: 1.  [工作服] 2.  [工作鞋]"
    )
    assert [(q["number"], q["type"], q["answer"]) for q in qs] == [
        ("1", "single", "B"),
        ("2", "single", "A"),
        ("1", "truefalse", False),
        ("1", "fill", ["0.6 MPa"]),
        ("2", "fill", ["工作服", "工作鞋"]),
    ]
    assert qs[0]["explanation"] == "[答案是B。\n推导过程:\n1. 雷电危险。\n2. 因此选B。]"
    assert "试题来源" not in str(qs[0]["explanation"]) + str(qs[0]["options"])


def test_a_fill_questions_answer_fields_named_by_blank_under_it() -> None:
    """An attempt page lists a fill question's answer fields under it: "第1空" over its answer
    (or "第1空：answer"), one field a blank; an empty field is no answer."""
    qs = parse(
        "二.填空题（共3题）\n3. (填空题) 复杂度分别是O( )和 O( )。\n第1空\nn^2\n第2空\nn^2\n"
        "4. (填空题) 旅行售货员问题属于哪一类问题？\n第1空：NP完全\n5. (填空题) 算法的时间复杂度是____\n第1空"
    )
    assert [(q["stem"], q["answer"]) for q in qs] == [
        ("复杂度分别是O( )和 O( )。", ["n^2", "n^2"]),
        ("旅行售货员问题属于哪一类问题?", ["NP完全"]),
        ("算法的时间复杂度是____第1空", None),
    ]


def test_a_markdown_export_keying_in_italic_code_after_a_bold_stem() -> None:
    """ "1. __上层建筑是指()__*```D```*" with "```√```" after the keyed option: the key in italics
    after the stem (letters comma-separated for a multiple choice); a code span of code
    ("`ABCDE`", a string) keeps its backticks."""
    md = (
        "### 单选题\n- - -\n1. __上层建筑是指()__*```D```*  \nA.经济制度   \nB.科学技术   \n"
        "C.生产关系   \nD.意识形态及相应的制度 ```√```  \n\n- - -\n"
        "2. __社会文明包括( )__*```A,B,D```*  \nA.物质文明 ```√```  \nB.政治文明 ```√```  \n"
        "C.网络文明   \nD.精神文明 ```√```  \n\n- - -\n"
        "3. 输入 `ABCDE<回车>` 能输出 `ABCDE` 的是( )\nA. gets\nB. scanf\n\n### 填空题\n- - -\n"
        "1. __(____) 是实现民族复兴的必由之路.__*```中国特色社会主义```*  \n"
    )
    qs = parse_document("export.md", md.encode()).questions
    assert [(q.stem, q.answer) for q in qs] == [
        ("上层建筑是指()", "D"),
        ("社会文明包括( )", "ABD"),
        ("输入 `ABCDE<回车>` 能输出 `ABCDE` 的是( )", None),
        ("(____) 是实现民族复兴的必由之路.", ["中国特色社会主义"]),
    ]
    assert qs[0].options[-1] == "意识形态及相应的制度"


def test_a_questions_label_under_a_topic_heading_opens_its_questions() -> None:
    """An exercise sheet names each data set as a part ("一、端午节的淘宝粽子交易"), then "问题",
    then the questions "(1)请…" "(2)…？": questions, not numbered notes on the topic."""
    qs = parse(
        "一、端午节的淘宝粽子交易\n问题\n(1)请删除最后一列为缺失值的行。\n(2)有多少条记录？\n"
        "二、墨尔本每日最低温度\n问题\n(1)求每月的平均最低气温。"
    )
    assert [(q["section"], q["stem"]) for q in qs] == [
        ("一、端午节的淘宝粽子交易", "请删除最后一列为缺失值的行。"),
        ("一、端午节的淘宝粽子交易", "有多少条记录?"),
        ("二、墨尔本每日最低温度", "求每月的平均最低气温。"),
    ]


def test_letters_naming_parties_in_a_sentence_are_no_options() -> None:
    """ "当 A 模块调用 B 模块时，…" and "对于任意两个事件 A 与 B，则…": letters set apart by spaces
    inside a sentence (no C after them) name things, they open no options; a real run after
    the question still does."""
    qs = parse(
        "1. 当 A 模块调用 B 模块时，若传递的是数值型参数，则耦合方式是____。\n"
        "2. 对于任意两个事件 A 与 B，则 P(A-B) = ( ).\nA. P(A)-P(B)\nB. P(A)-P(AB)\n"
        "3. 项目 A 已经交给客户，项目经理应该执行下列哪一项？ A 收集知识 B 拒绝请求"
    )
    assert [(q["stem"], q["options"]) for q in qs] == [
        ("当 A 模块调用 B 模块时,若传递的是数值型参数,则耦合方式是____。", []),
        ("对于任意两个事件 A 与 B,则 P(A-B) = ( ).", ["P(A)-P(B)", "P(A)-P(AB)"]),
        ("项目 A 已经交给客户,项目经理应该执行下列哪一项?", ["收集知识", "拒绝请求"]),
    ]


def test_points_numbered_anew_with_commas_under_an_open_question_are_its_answer() -> None:
    """ "27.列出…至少2点差异" then "1,get请求…" "2,post请求…": the answer's points, numbered afresh
    in another style, not questions 1 and 2; the next question's number goes on."""
    qs = parse(
        "26.列举2个HTTP响应状态码\n200 请求成功\n27.列出GET请求和POST请求的至少2点差异\n"
        "1,get请求从查询字符串中获取参数\n2,post请求从请求体中获取数据\n28.简述跨域"
    )
    assert [(q["number"], q["answer"]) for q in qs] == [
        ("26", "200 请求成功"),
        ("27", "1,get请求从查询字符串中获取参数\n2,post请求从请求体中获取数据"),
        ("28", None),
    ]


def test_an_exported_collection_titled_with_its_count_and_bold_option_labels() -> None:
    """ "# 题目汇总 (共 304 题)" names a collection, not a case; "### 第 1 题 [多选题]" numbers each
    question, "**题目**:" and "**选项**:" label its fields, "- **A**. 为民服务" its options."""
    md = (
        "# 题目汇总 (共 304 题)\n\n### 第 1 题 [多选题]\n\n**题目**: 好干部的标准包括（）。\n\n**选项**:\n"
        "- **A**. 为民服务\n- **B**. 勤政务实\n- **C**. 只唯上\n\n**正确答案**: A B\n\n---\n\n"
        "### 第 2 题 [判断题]\n\n**题目**: 改革开放是关键一招。\n\n**选项**:\n- **A**. 是\n- **B**. 否\n\n"
        "**正确答案**: A\n"
    )
    qs = parse_document("export.md", md.encode()).questions
    assert [(q.number, q.type, q.stem, q.options, q.answer) for q in qs] == [
        ("1", "multiple", "好干部的标准包括()。", ["为民服务", "勤政务实", "只唯上"], "AB"),
        ("2", "truefalse", "改革开放是关键一招。", [], True),
    ]
    assert parse("一、 题目古人说：凡事预则立。问题：1、什么是计划？\n参考：计划是…")[0]["material"]


def test_items_set_several_a_line_and_a_key_that_fills_them_in() -> None:
    """Primary-school papers set items several a line, apart by wide gaps: "80分（   ）1小时20分
    3小时（   ）300分钟" (each a blank), "580-410=      640+160=" (each a sum) under "1. 口算。"
    (their heading); a key that prints them again filled in answers each."""
    qs = parse(
        "二．在下面的（   ）里填上“<”或“=”。\n80分（   ）1小时20分       3小时（   ）300分钟\n"
        "三．计算。\n1. 口算。（8分）\n580-410=            640+160=\n"
        "参考答案：\n二．\n80分（ =  ）1小时20分      3小时（ <  ）300分钟\n三．\n1.\n"
        "580-410=170                     640+160=800\n"
    )
    assert [(q["stem"], q["answer"]) for q in qs] == [
        ("80分(   )1小时20分", ["="]),
        ("3小时(   )300分钟", ["<"]),
        ("580-410=", ["170"]),
        ("640+160=", ["800"]),
    ]
    assert qs[2]["section"] == qs[3]["section"] == "1. 口算。(8分)"
    # blanks alone in a row under a prompt are that question's blanks, not items
    qs = parse(
        "一、填空题\n1. 常见的三种布局方式是：\n______      ______      ______\n2. 清除浮动用____属性。"
    )
    assert [q["number"] for q in qs] == ["1", "2"]
    # options in columns and calls "f()" are no such items
    qs = parse(
        "1. 可以让系统等待的调用是（ ）。\nA.OSTimeTick()      B.OSTimeDly()\nC.OSStart()      D.OSSemPend()"
    )
    assert [len(q["options"]) for q in qs] == [4]


def test_circled_parts_each_with_a_blank_to_fill_are_sub_questions() -> None:
    """中考 papers number a question's parts ①② and each asks for a blank: "①镉的相对原子质量为
    _______。" is a sub-question over the question's text, not an option; circled slots of a
    listing ("①____ EAX ____") stay in one question."""
    qs = parse(
        "15. 镉和碲是重要的金属元素。\n①镉的相对原子质量为_______。\n②Te2O5读作_______。\n"
        "16. 请补全对应的汇编代码\n①_________ EAX ________\n②_________ EAX ________"
    )
    assert [(q["type"], q["stem"], q["material"]) for q in qs][:2] == [
        ("fill", "镉的相对原子质量为_______。", "镉和碲是重要的金属元素。"),
        ("fill", "Te2O5读作_______。", "镉和碲是重要的金属元素。"),
    ]
    assert len(qs) == 3 and qs[2]["stem"].startswith("请补全对应的汇编代码")


def test_a_part_scored_on_its_own_is_asked_even_under_the_problems_formulas() -> None:
    """ "1. 某磁性物质…的微功为" with formula lines under it, then "1）证明…（10分）": a part carrying
    its points is a sub-question, not a point of an answer."""
    qs = parse(
        "1. 某一磁性物质对外界所做的微功为\nδW = −HdM\n其中 H 和 M 为磁场强度和磁化强度。\n"
        "1）证明该物质的内能由下式给出。（10分）\n2）求该物质的热容量。（10分）\n2. 求气体的比值。"
    )
    assert [q["stem"] for q in qs][1:] == [
        "证明该物质的内能由下式给出。",
        "求该物质的热容量。",
        "求气体的比值。",
    ]


def test_an_english_question_header_opening_its_line() -> None:
    """ "Question 1: What is…?" then "Answer: Slipper": the header numbers the question on its line."""
    qs = parse(
        "Run the program and answer the following questions:\n"
        "Question 1: What is the value of product in observation 148?\nAnswer: Slipper\n"
        "Question 2: What is the value of Region in observation 130?\nAnswer: Pacific"
    )
    assert [(q["number"], q["stem"], q["answer"]) for q in qs] == [
        ("1", "What is the value of product in observation 148?", "Slipper"),
        ("2", "What is the value of Region in observation 130?", "Pacific"),
    ]
    bold = parse("**Question 1.** What is first?\n- A) Listen\n- B) Argue\n\n**Answer:** A\n")
    assert [(q["number"], q["stem"], q["answer"]) for q in bold] == [("1", "What is first?", "A")]


def test_a_primary_school_paper_naming_its_parts_fill_in_judge_choose() -> None:
    """Primary-school papers name their parts "1.填一填", "2.判一判", "3.选一选" (with points), and
    number sums "(1)13-9=____" straight against their digits; a part's "(2)10个站…" in a
    sentence stays text."""
    questions = parse(
        "1.填一填(每空2分, 共4分)\n(1)13-9=____\n(2)16-8=____\n"
        "2.判一判(每空2分, 共4分)\n(1)a-b一定小于a+b    ( )\n(2)三角锥中有4个三角形    ( )\n"
        "3.选一选(每空4分, 共4分)\n(1)下一个数是几？1, 3, 5, __    ( )\n①7      ②8      ③9\n"
    )
    assert [(q["number"], q["type"], q["stem"]) for q in questions] == [
        ("1", "fill", "13-9=____"),
        ("2", "fill", "16-8=____"),
        ("1", "truefalse", "a-b一定小于a+b ( )"),
        ("2", "truefalse", "三角锥中有4个三角形 ( )"),
        ("1", "single", "下一个数是几?1, 3, 5, __ ( )"),
    ]


def test_a_printed_number_after_a_question_whose_number_word_kept_to_itself() -> None:
    """In a Word paper some numbers are Word's own (not in the text), and the printed ones skip
    and restart: after a question read without a number, "22、…( C )。" over its options is the
    next question wherever the count was."""
    questions = parse(
        "1、我军的宗旨是( A )。\nA．为人民服务  B．保卫国家\n"
        "我军的根本职能是( B )。\nA．生产队  B．战斗队\n"
        "22、我军的政治工作开始于( C )。\nA．南昌起义  B．井冈山  C．大革命时期\n"
        "23、( B )是人民军队建军之本\nA．铁的纪律  B．党的绝对领导\n"
    )
    assert [(q["number"], q["answer"]) for q in questions] == [
        ("1", "A"),
        ("", "B"),
        ("22", "C"),
        ("23", "B"),
    ]


def test_lower_case_bracketed_option_labels_opening_their_lines() -> None:
    questions = parse(
        "1. 企业委托服务机构提供安全管理服务,保证安全生产的责任由谁负责?\n"
        "(a) 由双方约定\n(b) 由服务机构负责\n(c) 仍由该企业负责\n答案：c\n\n"
        "2. 未履行安全管理职责的主要负责人,多少年内不得担任主要负责人?\n(a) 2\n(b) 3\n(c) 5\n答案：c"
    )
    assert [brief(q) for q in questions] == [
        (
            "single",
            "企业委托服务机构提供安全管理服务,保证安全生产的责任由谁负责?",
            ["由双方约定", "由服务机构负责", "仍由该企业负责"],
            "C",
        ),
        ("single", "未履行安全管理职责的主要负责人,多少年内不得担任主要负责人?", ["2", "3", "5"], "C"),
    ]


def test_lower_case_bracketed_parts_that_each_ask_are_not_options() -> None:
    [question] = parse(
        "3. 设原序列为 x1…xn，移动平均修正如上。\n(a) 求原序列的5期移动平均序列。\n(b) 求5期与6期中心移动平均序列。"
    )
    assert question["type"] == "short" and question["options"] == []


CASE_PAPER = (
    "试题一（25 分）\n阅读以下关于架构设计的叙述，在答题纸上回答问题1和问题2。\n【说明】\n某公司拟升级其会员系统。\n"
    "(a)管理员能够设置规则；\n(b)系统应该具备安全措施；\n【问题1】（12 分）\n请将质量属性名称填入(1)、(2)空白处。\n"
    "参考答案\n（1）安全性 （2）可修改性\n【问题2】（13 分）\n请说明两种架构风格的优缺点。\n参考答案\n面向对象风格封装好。\n"
    "试题二（25 分）\n【说明】\n某煤矿拟建安全预警系统。\n【问题1】（9 分）请补充数据流图中(1)~(3)处的内容。\n参考答案\n（1）传感器\n"
)


def test_a_case_paper_asks_each_part_under_its_numbered_label_with_the_story_as_material() -> None:
    questions = parse(CASE_PAPER)
    assert [(q["section"], q["number"], q["stem"], q["answer"]) for q in questions] == [
        ("试题一(25 分)", "1", "请将质量属性名称填入(1)、(2)空白处。", "(1)安全性 (2)可修改性"),
        ("试题一(25 分)", "2", "请说明两种架构风格的优缺点。", "面向对象风格封装好。"),
        ("试题二(25 分)", "1", "请补充数据流图中(1)~(3)处的内容。", "(1)传感器"),
    ]
    assert (
        questions[0]["material"]
        == "某公司拟升级其会员系统。\n(a)管理员能够设置规则;\n(b)系统应该具备安全措施;"
    )
    assert questions[2]["material"] == "某煤矿拟建安全预警系统。"
    assert {q["type"] for q in questions} == {"short"}


def test_the_same_case_paper_in_markdown_headings() -> None:
    markdown = (
        CASE_PAPER.replace("试题一", "## 试题一")
        .replace("试题二", "## 试题二")
        .replace("【说明】", "### 说明")
        .replace("【问题1】（12 分）", "### 问题 1（12 分）")
        .replace("【问题2】", "### 问题 2")
        .replace("参考答案", "#### 参考答案")
    )
    questions = [
        q.as_json("case.md", i)
        for i, q in enumerate(parse_document("case.md", markdown.encode()).questions, 1)
    ]
    assert [(q["number"], q["answer"]) for q in questions] == [
        ("1", "(1)安全性 (2)可修改性"),
        ("2", "面向对象风格封装好。"),
        ("1", "(1)传感器"),
    ]


def test_vuepress_containers_hold_the_answer_and_explanation() -> None:
    """VuePress / VitePress sites keep a bank's keys in custom containers, "::: tip 答案" over the
    answer at the option's own indent and ":::" closing it (not text of the last option)."""
    md = (
        "## 单选题\n\n1. 文件上传框的 type 属性值是()\n\n   A、text\n\n   B、file\n\n   C、textarea\n\n"
        "   D、checkbox\n\n   ::: tip 答案\n\n   B\n\n   :::\n\n"
        "2. 自定义函数在函数名前加（）\n\n   A、class\n\n   B、function\n   ::: details 解析\n   函数以 function 声明\n   :::\n"
        "   ::: tip 答案\n   B\n   :::\n"
    )
    paper = parse_document("bank.md", md.encode())
    assert [(q.options[-1], q.answer, q.explanation) for q in paper.questions] == [
        ("checkbox", "B", ""),
        ("function", "B", "函数以 function 声明"),
    ]


def test_an_english_bank_with_options_in_an_option_answer_table_the_key_ticked() -> None:
    """ "**Q2. …?** *(NORCET 8 Prelims)*" over a table "Option | Answer" whose rows are the options,
    the key's row bold and ticked "✓": the italic note names the exam, not the question."""
    md = (
        "### Pharmacology\n\n**Q1. Which vitamin is given with Isoniazid?**\n\n| Option | Answer |\n|---|---|\n"
        "| a) | Vitamin A |\n| b) | Vitamin B1 |\n| **c)** | **Vitamin B6 ✓** |\n| d) | Vitamin C |\n\n---\n\n"
        "**Q2. At what rate should the pump be set?** *(NORCET 8 Prelims)*\n\n| Option | Answer |\n|---|---|\n"
        "| **a)** | **0.5 mL/hr ✓** |\n| b) | 1.0 mL/hr |\n| c) | 1.5 mL/hr |\n"
    )
    paper = parse_document("pyq.md", md.encode())
    assert [(q.number, q.stem, q.options, q.answer) for q in paper.questions] == [
        (
            "1",
            "Which vitamin is given with Isoniazid?",
            ["Vitamin A", "Vitamin B1", "Vitamin B6", "Vitamin C"],
            "C",
        ),
        ("2", "At what rate should the pump be set?", ["0.5 mL/hr", "1.0 mL/hr", "1.5 mL/hr"], "A"),
    ]


def test_options_whose_labels_ocr_lost_are_the_lines_the_key_needs() -> None:
    """OCR of a phone's quiz page loses some option labels (they are icons): the lines under the
    labelled options are options too when the key names a letter only they can give."""
    questions = parse(
        "在宿舍与室友相处时，以下哪种行为是不恰当的？\nA 尊重室友的作息时间\nB 与室友友好沟通，解决矛盾\n"
        "保持公共区域的整洁卫生\n未经允许使用室友的私人物品\n正确答案 D\n\n"
        "请假批准权限中，三天以内由（）批准。\nA 不用批准\nB 班长\n辅导员\nD 学校领导\n正确答案 c\n\n"
        "客户投诉的首要处理原则是？\nA 先处理心情\nB 再处理事情\nComputer records are checked later\n正确答案 A"
    )
    assert [(q["options"], q["answer"]) for q in questions] == [
        (
            [
                "尊重室友的作息时间",
                "与室友友好沟通,解决矛盾",
                "保持公共区域的整洁卫生",
                "未经允许使用室友的私人物品",
            ],
            "D",
        ),
        (["不用批准", "班长", "辅导员", "学校领导"], "C"),
        (["先处理心情", "再处理事情"], "A"),  # (keyed A: the line under them is no option)
    ]


def test_english_key_labels_correct_answer_and_ans_with_a_period() -> None:
    questions = parse(
        "Q1. Which of these is a primary color?\nA) Green\nB) Red\nC) Purple\nCorrect answer: B\n"
        "Explanation: Red is primary.\n\nQ2. Select TWO valid HTTP methods.\nA) GET\nB) FETCH\nC) POST\n"
        "Correct answers: A, C\n\n3. What does DNS stand for?\n(A) Domain Name System\n(B) Data Network Service\nAns. A"
    )
    assert [(q["type"], q["answer"], q["explanation"]) for q in questions] == [
        ("single", "B", "Red is primary."),
        ("multiple", "AC", ""),
        ("single", "A", ""),
    ]


def test_a_number_bracketed_with_its_base_after_it_is_no_filled_blank() -> None:
    """Digital-logic and computer-basics papers write bases as flattened subscripts: in
    "（27.675）10=（   ）2" the first bracket holds the given number, not the blank's answer."""
    questions = parse(
        "一、填空题\n1. （27.675）10=（       ）2=（   ）16\n2. （-0.1011）2=（    ）反\n3. 客户服务的核心是（满意）。"
    )
    assert [(q["stem"], q["answer"]) for q in questions] == [
        ("(27.675)10=(       )2=(   )16", None),
        ("(-0.1011)2=(    )反", None),
        ("客户服务的核心是____。", ["满意"]),
    ]


def test_a_line_answered_on_the_next_is_a_question_after_an_answer_label_left_empty() -> None:
    questions = parse(
        "1、客户是谁？\n答案是：上帝\n\n2、谁负责确保数据隐私？\n答案是：\n\n根据数据分类，源代码被定义为，\n答案是：机密"
    )
    assert [(q["stem"], q["answer"]) for q in questions] == [
        ("客户是谁?", "上帝"),
        ("谁负责确保数据隐私?", None),
        ("根据数据分类,源代码被定义为,", "机密"),
    ]


def test_notes_setting_the_question_in_bold_with_its_answer_after_it() -> None:
    md = (
        "## 复习题\n\n1. **数据传输速率的单位是什么**：比特每秒（bps）。\n2. **MAC 地址有几个比特**：\n48 比特。\n"
        "3. **流量控制最常用的方法是什么？** 滑动窗口。\n4. **物理层**：机械特性、电气特性。\n"
    )
    questions = [
        q.as_json("notes.md", i) for i, q in enumerate(parse_document("notes.md", md.encode()).questions, 1)
    ]
    assert [(q["stem"], q["answer"]) for q in questions] == [
        ("数据传输速率的单位是什么", "比特每秒(bps)。"),
        ("MAC 地址有几个比特", "48 比特。"),
        ("流量控制最常用的方法是什么?", "滑动窗口。"),
        ("物理层", "机械特性、电气特性。"),  # (a term and its definition, as before)
    ]


def test_options_after_a_key_and_explanation_printed_on_the_stems_line() -> None:
    questions = parse(
        "1.客户是（ ）【答案】B【解析】以客户为中心。\nA.上帝\nB.朋友\n2. 服务是（ ）\nA. 态度\nB. 技术\n答案：A"
    )
    assert [(q["options"], q["answer"], q["explanation"]) for q in questions] == [
        (["上帝", "朋友"], "B", "以客户为中心。"),
        (["态度", "技术"], "A", ""),
    ]


def test_a_judgements_letter_after_its_statement() -> None:
    questions = parse(
        "判断题\n1. 客户永远是对的。 T\n2. 可以对客户发脾气。 F\n3. Vitamin C is found in oranges. T"
    )
    assert [(q["type"], q["stem"], q["answer"]) for q in questions] == [
        ("truefalse", "客户永远是对的。", True),
        ("truefalse", "可以对客户发脾气。", False),
        ("truefalse", "Vitamin C is found in oranges.", True),
    ]


def test_a_key_and_explanation_in_a_block_quote_under_the_options() -> None:
    md = (
        "### 1. 客户是？\n\n- A. 上帝\n- B. 朋友\n\n> 答案：A\n> 解析：客户至上。\n> 第二行说明。\n\n"
        "### 2. 服务是？\n\n- A. 态度\n- B. 技术\n\n答案：B\n\n> 服务靠态度。\n"
    )
    paper = parse_document("bank.md", md.encode())
    assert [(q.answer, q.explanation) for q in paper.questions] == [
        ("A", "客户至上。\n第二行说明。"),
        ("B", "服务靠态度。"),  # (an unlabelled quote under the key: its explanation, as before)
    ]


def test_english_keys_in_bold_labels_echoing_their_option_or_in_italics() -> None:
    """ "**Answer:** B" and "**Explanation:** …" (the colon inside the bold), "Answer: B) 4" (the
    key's option repeated: no explanation), "*Answer: A*" (in italics), "Answer: B) because …"."""
    md = (
        "## Question 1\n\nWhich service stores objects?\n\n- A. EC2\n- B. S3\n\n**Answer:** B\n\n"
        "**Explanation:** S3 is object storage.\n\n## Question 2\n\nWhat is 2+2?\n\n- A) 3\n- B) 4\n\nAnswer: B) 4\n\n"
        "## Question 3\n\nCapital of France?\n\n- A) Paris\n- B) Rome\n\n*Answer: A*\n\n"
        "## Question 4\n\nWhich is red?\n\n- A) Sky\n- B) Blood\n\nAnswer: B) because blood has haemoglobin\n"
    )
    paper = parse_document("quiz.md", md.encode())
    assert [(q.answer, q.explanation) for q in paper.questions] == [
        ("B", "S3 is object storage."),
        ("B", ""),
        ("A", ""),
        ("B", "because blood has haemoglobin"),
    ]


def test_a_chinese_university_mooc_quiz_page() -> None:
    """中国大学MOOC: "1单选(2分)" heads a question, "得分/总分" and "2.00/2.00" score it, each label
    alone over its option, and the key line says how the trainee did ("你错选为A")."""
    questions = parse(
        "1单选(2分)\n客户是？\n得分/总分\nA.\n上帝\n2.00/2.00\nB.\n朋友\n正确答案：A你选对了\n"
        "2判断(2分)\n微笑很重要。\n得分/总分\nA.\n×\nB.\n√\n2.00/2.00\n正确答案：B你选对了\n"
        "3多选(2分)\n服务包括？\n得分/总分\nA.\n微笑\nB.\n倾听\n1.00/2.00\nC.\n争吵\n正确答案：A、B你错选为A\n"
    )
    assert [(q["number"], q["type"], q["stem"], q["options"], q["answer"]) for q in questions] == [
        ("1", "single", "客户是?", ["上帝", "朋友"], "A"),
        ("2", "truefalse", "微笑很重要。", [], True),
        ("3", "multiple", "服务包括?", ["微笑", "倾听", "争吵"], "AB"),
    ]


def test_a_judgement_keyed_by_letter_reads_which_option_says_true() -> None:
    questions = parse(
        "1. 苹果落地而月球不落地，两者原因相同。\nA.错误B.正确\n正确答案：B\n2. 客户永远是错的。\nA.对\nB.错\n正确答案：B"
    )
    assert [(q["type"], q["answer"]) for q in questions] == [("truefalse", True), ("truefalse", False)]


def test_a_fold_that_only_says_to_open_it_holds_the_answer() -> None:
    md = (
        "1. 什么是进程？\n\n<details>\n<summary>点击查看</summary>\n进程是程序的一次执行。\n</details>\n\n"
        "2. Which is prime?\n\n- A. 4\n- B. 5\n\n<details><summary>Show answer</summary>\n\nB\n\n</details>\n\n"
        "## 什么是线程？\n\n<details><summary>展开</summary>\n\n线程是调度单位。\n\n</details>\n"
    )
    paper = parse_document("notes.md", md.encode())
    assert [q.answer for q in paper.questions] == ["进程是程序的一次执行。", "B", "线程是调度单位。"]


def test_an_answer_label_in_brackets_after_the_stem() -> None:
    """ "…____。（答案：满意）": the key printed in brackets after the question, options (if any)
    under it; the brackets are neither stem nor answer."""
    questions = parse(
        "一、填空题\n1. 客户服务的核心是____。（答案：满意）\n二、单选题\n2. 服务是（ ）（答案：A）\nA.态度\nB.技术\n"
        "三、简答题\n3. 简述首问负责制。(参考答案：第一个接待者负责到底。)"
    )
    assert [(q["stem"], q["options"], q["answer"]) for q in questions] == [
        ("客户服务的核心是____。", [], ["满意"]),
        ("服务是( )", ["态度", "技术"], "A"),
        ("简述首问负责制。", [], "第一个接待者负责到底。"),
    ]


def test_a_key_part_repeating_the_papers_headings_without_a_title() -> None:
    """After the questions, the parts' headings again with nothing but key entries under them:
    the key part, though no "参考答案" titles it."""
    questions = parse(
        "一、单项选择题（每小题2分，共10分）\n1．客户是（    ）。\nA．上帝\nB．朋友\n2．服务是（    ）。\nA．态度\nB．技术\n"
        "二、多项选择题\n3．礼仪包括（    ）。\nA．尊重\nB．微笑\nC．争吵\n三、判断题\n4．微笑很重要。（  ）\n"
        "一、单项选择题\n1．A  2．B\n二、多项选择题\n3．AB\n三、判断题\n4．√\n"
    )
    assert [q["answer"] for q in questions] == ["A", "B", "AB", True]


def test_a_second_paper_under_the_same_headings_is_no_key() -> None:
    questions = parse(
        "一、单项选择题\n1．客户是（ ）。\nA．上帝\nB．朋友\n答案：A\n"
        "一、单项选择题\n1．A类地址的范围是（ ）。\nA．1-126\nB．128-191\n答案：A\n"
    )
    assert [(q["stem"], q["answer"]) for q in questions] == [
        ("客户是( )。", "A"),
        ("A类地址的范围是( )。", "A"),
    ]


def test_markdown_headings_that_are_stems_over_unlabelled_task_list_options() -> None:
    # A bank heading each question with its stem, no number, the options a task list ticked at
    # the key; the same names come back as options of many questions (never page furniture).
    names = ["陈独秀", "李大钊", "毛泽东", "瞿秋白"]
    blocks = []
    for k in range(4):
        boxes = "\n".join(f"- [{'x' if i == k else ' '}] {name}" for i, name in enumerate(names))
        blocks.append(
            f"### 第{k + 1}个讴歌十月革命的人是\n\n{boxes}\n\n### 同盟会的第{k + 1}份刊物是\n\n"
            "- [ ] 《新民丛报》\n- [x] 《民报》\n- [ ] 《时务报》"
        )
    md = (
        "# 史纲题库\n\n## 题目列表\n\n" + "\n\n".join(blocks) + "\n\n### 下列说法不正确的是\n\nA. 甲\nB. 乙\n"
    )
    questions = [
        q.as_json("bank.md", i) for i, q in enumerate(parse_document("bank.md", md.encode()).questions, 1)
    ]
    assert [brief(q) for q in questions] == [
        row
        for k in range(4)
        for row in (
            ("single", f"第{k + 1}个讴歌十月革命的人是", names, "ABCD"[k]),
            ("single", f"同盟会的第{k + 1}份刊物是", ["《新民丛报》", "《民报》", "《时务报》"], "B"),
        )
    ] + [("single", "下列说法不正确的是", ["甲", "乙"], None)]


def test_the_key_ticked_after_an_unlabelled_option() -> None:
    # "和平与发展√": option lines printed without labels, the right one ticked at its end, in a
    # numbered choice part, under a numbered stem that asks in a paper of no parts, and in a bank
    # of unnumbered questions (the questionnaire reader's) alike; statements judged "√" "×" under
    # a question are no options.
    numbered = "一、单选题\n1. 大变局中（）仍然是时代主题。\n发展与共享\n和平与发展√\n开放与包容\n"
    [question] = parse_document("a.txt", numbered.encode()).questions
    assert (question.options, question.answer) == (["发展与共享", "和平与发展", "开放与包容"], "B")
    partless = "1. 投诉处理的首要原则是什么？\n耐心倾听√\n推诿责任\n2. 下列说法正确的是（）\n甲√\n乙×\n"
    first, judged = parse_document("b.txt", partless.encode()).questions
    assert (first.type, first.options, first.answer) == ("single", ["耐心倾听", "推诿责任"], "A")
    assert judged.options == []
    texts = [
        "【导论】世界未有之大变局正在加速演变。（）仍然是时代主题，但是不稳定性更加突出。",
        *("发展与共享", "和平与融合", "和平与发展√", "开放与包容"),
        "【第六章】下列属于新发展理念的有（）",
        *("创新√", "协调√", "守旧", "封闭"),
    ]
    unnumbered = parse_survey([Line(text=t, lineno=n) for n, t in enumerate(texts, 1)])
    assert [(q.type, q.options[2], q.answer) for q in unnumbered] == [
        ("single", "和平与发展", "C"),
        ("multiple", "守旧", "AB"),
    ]


def test_a_glossary_titled_by_its_type_asks_by_every_term_heading() -> None:
    # "# 名词解释汇总": the title names the collection's type, so each term's heading under the
    # topic headings is a question and the bullets under it, bold labels and nested points
    # included, its answer.
    terms = "".join(
        f"### {n}.{k} 术语{n}{k} (Term)\n\n* **定义**：术语{n}{k}的定义。\n* **特征**：\n  * 第一点。\n  * 第二点。\n\n"
        for n in (1, 2)
        for k in (1, 2)
    )
    md = (
        "# 名词解释汇总\n\n## 1. 引言\n\n"
        + terms[: len(terms) // 2]
        + "## 2. 加密\n\n"
        + terms[len(terms) // 2 :]
    )
    questions = parse_document("terms.md", md.encode()).questions
    assert [(q.type, q.stem, q.answer) for q in questions] == [
        ("short", f"术语{n}{k} (Term)", f"定义:术语{n}{k}的定义。\n特征:\n第一点。\n第二点。")
        for n in (1, 2)
        for k in (1, 2)
    ]


def test_markdown_bold_paragraphs_head_questions_over_task_list_options() -> None:
    # English quiz notes set each question as a bold paragraph, its options a task list ticked at
    # the key; bold questions with nothing under them wait for an answer, and what stands under
    # one without options (a list of matches) answers it. An option's text in bold under its
    # label ("- A." over "**CTRL-ALT-F4**") stays an option.
    choice = "".join(
        f"**Which cipher is number {n}?**\n- [ ] stream\n- [x] block\n- [ ] none\n\n" for n in (1, 2, 3)
    )
    md = (
        "# Quiz\n\n## Cryptography\n\n**What is a stream cipher?**\n\n"
        + choice
        + "**Associate each service with its definition**\n- **Integrity**: data is unchanged\n"
        "- **Availability**: data is reachable\n\n**Why is WEP weak?**\n"
    )
    questions = parse_document("quiz.md", md.encode()).questions
    assert [(q.type, q.stem, q.options, q.answer) for q in questions] == [
        ("short", "What is a stream cipher?", [], None),
        *(("single", f"Which cipher is number {n}?", ["stream", "block", "none"], "B") for n in (1, 2, 3)),
        (
            "short",
            "Associate each service with its definition",
            [],
            "Integrity: data is unchanged\nAvailability: data is reachable",
        ),
        ("short", "Why is WEP weak?", [], None),
    ]
    labelled = "".join(
        f"{n}. Which keys switch to terminal {n}?\n\n- A.\n\n  **CTRL-ALT-F{n}**\n\n- B.\n\n  CTRL-F{n}\n\n"
        for n in (1, 2, 3)
    )
    assert [(q.options, q.answer) for q in parse_document("bold.md", labelled.encode()).questions] == [
        ([f"CTRL-ALT-F{n}", f"CTRL-F{n}"], "A") for n in (1, 2, 3)
    ]


def test_a_markdown_bank_heading_each_question_keeps_questions_after_gaps_in_their_numbers() -> None:
    # Past papers picked from a numbered bank: "### 60." "### 62." "### 299." each a question; the
    # key in bold in the stem's bracket, "(**C**)".
    md = "".join(
        f"### {n}. Question {n} asks ( **{key}** )\nA) alpha\nB) beta\nC) gamma\n\n---\n\n"
        for n, key in ((60, "A"), (61, "B"), (62, "C"), (64, "A"), (299, "B"))
    )
    questions = parse_document("past.md", md.encode()).questions
    assert [(q.number, q.options, q.answer) for q in questions] == [
        (str(n), ["alpha", "beta", "gamma"], key)
        for n, key in ((60, "A"), (61, "B"), (62, "C"), (64, "A"), (299, "B"))
    ]
    # the options of a question lost, its key kept: a choice question flagged for its options
    lost = parse_document("lost.md", b"### 300. A campus network belongs to (**C**)\n\n---\n").questions
    assert [(q.type, q.stem, q.answer, q.warnings) for q in lost] == [
        ("single", "A campus network belongs to ( )", "C", ["no options were printed, only the key"])
    ]


def test_a_markdown_table_of_contents_is_navigation_not_questions() -> None:
    # GitHub banks open with a table of contents linking every question (as a list or a table)
    # and close each question with "[⬆ Back to Top](#…)": in-page links, never questions.
    stems = ["Which service stores objects?", "Which tool deploys code?"]
    anchors = ["which-service-stores-objects", "which-tool-deploys-code"]
    toc_list = "".join(f"- [{s}](#{a})\n" for s, a in zip(stems, anchors, strict=True))
    toc_table = "| No. | Questions |\n| --- | --- |\n" + "".join(
        f"| {n} | [{s}](#{a}) |\n" for n, (s, a) in enumerate(zip(stems, anchors, strict=True), 1)
    )
    body = "".join(
        f"### {s}\n\n- [ ] Lambda\n- [x] S3\n\n**[⬆ Back to Top](#table-of-contents)**\n\n" for s in stems
    )
    for toc in (toc_list, toc_table):
        md = f"# Practice Questions\n\n## Table of Contents\n\n{toc}\n{body}"
        questions = [
            q.as_json("bank.md", i) for i, q in enumerate(parse_document("bank.md", md.encode()).questions, 1)
        ]
        assert [brief(q) for q in questions] == [("single", s, ["Lambda", "S3"], "B") for s in stems]


def test_a_school_papers_key_part_answers_its_choices_and_shares_a_material_questions_key() -> None:
    # A school paper (组卷网 style): the key part titled with the date and the paper's name, each
    # entry "N．" then "【答案】" and the key a line each, "【解析】" after it, or before it. A
    # material question ("阅读材料，完成下列要求。" over its texts) asks its parts "（1）" "（2）":
    # they are its questions, carrying the texts as material, and its key's "（1）…（2）…" answers them.
    questions = parse(
        "一、选择题\n1．甲是什么\nA．一        B．二\n2．乙是什么\nA．一        B．二\n"
        "二、非选择题\n3．（10分）阅读材料，完成下列要求。\n材料一 宋代体育开始商业化。\n"
        "材料二 英国是现代体育的发源国。\n（1）概括宋代体育的特征。（4分）\n（2）分析工业革命的作用。（6分）\n"
        "2019-11-13高三历史周练参考答案\n1．\n【答案】\nB\n【解析】材料中的甲。\n2．\n【答案】\nA\n"
        "3．\n【解析】\n（1）第一小问从材料一概括。\n【答案】\n（1）特征：商业化。\n（2）作用：创造物质条件。"
    )
    assert [(q["number"], q["type"], q["stem"], q["answer"]) for q in questions] == [
        ("1", "single", "甲是什么", "B"),
        ("2", "single", "乙是什么", "A"),
        ("1", "short", "概括宋代体育的特征。", "特征:商业化。"),
        ("2", "short", "分析工业革命的作用。", "作用:创造物质条件。"),
    ]
    assert questions[0]["explanation"] == "材料中的甲。"
    assert questions[2]["material"] == questions[3]["material"]
    assert "材料二 英国是现代体育的发源国。" in questions[2]["material"]


def test_a_history_papers_material_part_asks_its_parts_by_imperative_with_keys_inline() -> None:
    """A 中考 paper answered inline (【答案】【解析】【小问1详解】): its part "材料解析" (or one named
    "辨析改错" with its points) asks each material question's parts "（1）根据材料一，概括…"; each part
    is a question carrying the material, its key the "（n）" of the 【答案】 under them."""
    questions = parse(
        "一、选择题（本大题共1小题，每小题2分）\n1. 秦朝统一的时间是（ ）\nA. 前221年 B. 前206年\n【答案】A\n"
        "二、辨析改错（4分）\n2. 辨别下列史实正误。\n"
        "三、材料解析（本大题共1小题，每小题10分，共10分）\n3. 阅读材料，完成下列要求。\n"
        "材料一  宋朝政府十分重视海外贸易，在广州等地设市舶司。\n"
        "（1）根据材料一，概括宋朝海外贸易的主要特征。\n（2）综合材料，谈谈你对海外贸易的认识。\n"
        "【答案】（1）政府重视；港口多。\n（2）交流互鉴。\n【解析】\n【小问1详解】\n根据材料可知，政府重视。\n"
    )
    assert [(q["section"], q["number"], q["type"], q["stem"], q["answer"]) for q in questions] == [
        ("一、选择题(本大题共1小题,每小题2分)", "1", "single", "秦朝统一的时间是( )", "A"),
        ("二、辨析改错(4分)", "2", "short", "辨别下列史实正误。", None),
        (
            "三、材料解析(本大题共1小题,每小题10分,共10分)",
            "1",
            "short",
            "根据材料一,概括宋朝海外贸易的主要特征。",
            "政府重视;港口多。",
        ),
        (
            "三、材料解析(本大题共1小题,每小题10分,共10分)",
            "2",
            "short",
            "综合材料,谈谈你对海外贸易的认识。",
            "交流互鉴。",
        ),
    ]
    assert "宋朝政府十分重视海外贸易" in questions[2]["material"]


def test_parts_asked_then_numbered_again_with_their_answers() -> None:
    # Exercises with worked answers: the parts asked "（1）…？" "（2）…", then numbered again from 1
    # stating each answer. The second run answers the first; it is no question of its own.
    questions = parse(
        "三、材料题\n1．阅读下列材料并回答问题。\n材料一：\n旧唯物主义只从客体去理解事物。\n问题：\n"
        "（1）根据材料一说明新旧唯物主义有哪些区别？\n（2）根据材料一说明实践观点的地位。\n"
        "（1）旧唯物主义不懂得实践的观点。\n其次，它不懂得认识的辩证法。\n（2）实践的观点是首要的观点。"
    )
    assert [(q["number"], q["stem"], q["answer"]) for q in questions] == [
        (
            "1",
            "根据材料一说明新旧唯物主义有哪些区别?",
            "旧唯物主义不懂得实践的观点。\n其次,它不懂得认识的辩证法。",
        ),
        ("2", "根据材料一说明实践观点的地位。", "实践的观点是首要的观点。"),
    ]


def test_a_programming_papers_sequence_terms_and_parts_scored_before_their_text() -> None:
    # "[x1,x2,x3...xn]" names a sequence's terms: "3." glued to a letter is no question number.
    # Parts lettered "a." each scored before its text ("a. （8分）计算…") are the question's
    # sub-questions over its text, not its options.
    questions = parse(
        "1、（20分）写函数，接收列表nums。nums可表示为： [x1,x2,x3...xn]。返回新列表。\n"
        "2、读取该文件，完成以下任务：\n"
        "a. （8分）计算该文本中有多少个词。\nb. （8分）计算该文本中有多少个不同的词。\n"
        "3、（5分）写递归函数，返回列表中的最大值。"
    )
    assert [(q["number"], q["type"], q["stem"], q["material"]) for q in questions] == [
        ("1", "short", "写函数,接收列表nums。nums可表示为: [x1,x2,x3...xn]。返回新列表。", ""),
        ("2.1", "short", "计算该文本中有多少个词。", "读取该文件,完成以下任务:"),
        ("2.2", "short", "计算该文本中有多少个不同的词。", "读取该文件,完成以下任务:"),
        ("3", "short", "写递归函数,返回列表中的最大值。", ""),
    ]


def test_a_markdown_details_fold_holds_the_key_and_an_explanation_with_numbered_points() -> None:
    # "<details><summary>查看答案</summary>" folds the key and a worked explanation under each
    # question; the explanation's numbered list is its points, never questions.
    md = (
        "【多选题】以下结果为true的是：\n\nA. 甲\n\nB. 乙\n\nC. 丙\n\nD. 丁\n\n"
        "<details>\n<summary> 查看答案</summary>\n\n> **正确答案：A和D**\n\n知识点总结：\n\n"
        "1. 父类的静态代码块先执行。\n2. 子类的静态代码块再执行。\n\n</details>\n\n"
        "【单选题】下面说法正确的是\n\nA. 甲\n\nB. 乙\n\n"
        "<details>\n<summary>答案</summary>\n\nB\n\n1. 首先初始化父类。\n2. 然后初始化子类。\n\n</details>\n"
    )
    questions = parse_document("folds.md", md.encode()).questions
    assert [(q.type, q.options, q.answer) for q in questions] == [
        ("multiple", ["甲", "乙", "丙", "丁"], "AD"),
        ("single", ["甲", "乙"], "B"),
    ]
    assert "1. 父类的静态代码块先执行。" in questions[0].explanation


def test_numbered_statements_then_options_that_combine_them() -> None:
    # "①…②…③…" statements (a line each, on one line, or numbered with keycaps "1️⃣"), then
    # options A–D combining them: the statements stay in the stem. Circled parts with blanks
    # to fill are sub-questions, and are left to that rule.
    questions = parse(
        "1．下列说法正确的是（  ）\n①甲是乙\n②丙是丁\n③戊是己\nA．①②\nB．②③\nC．①③\nD．①②③\n答案：A\n"
        "2．下列属于哺乳动物的是（ ）\n①鲸 ②鲨鱼 ③蝙蝠\nA．①② B．①③ C．②③ D．①②③\n答案：B\n"
        "3．以下哪些问题是开放式问题( C )?\n1\ufe0f\u20e3“你觉得怎么样？”\n2\ufe0f\u20e3“部门的目标是什么？”\n"
        "A. 都是\nB. 都不是\nC. 有一个不是"
    )
    assert [(q["stem"], q["options"], q["answer"]) for q in questions] == [
        ("下列说法正确的是(  )\n①甲是乙\n②丙是丁\n③戊是己", ["①②", "②③", "①③", "①②③"], "A"),
        ("下列属于哺乳动物的是( )\n①鲸\n②鲨鱼\n③蝙蝠", ["①②", "①③", "②③", "①②③"], "B"),
        (
            "以下哪些问题是开放式问题( )?\n①“你觉得怎么样?”\n②“部门的目标是什么?”",
            ["都是", "都不是", "有一个不是"],
            "C",
        ),
    ]


def test_an_empty_answer_sheet_with_numbers_glued_to_its_label_starts_no_key() -> None:
    # "题号1 2 3" (the label glued to the first number, as a PDF's table row reads) over an empty
    # "答案" row: the sheet the candidate fills in, so the questions below are read as questions.
    questions = parse(
        "一、 选择题（本题共2小题）\n（请将答案填于下方表格内）\n题号1 2\n答案\n"
        "1.制导系统属于以下哪种操作系统(    ) D\nA．分时系统                B．单道批处理系统\n"
        "C.网络操作系统             D．实时系统\n"
        "2.位示图方法的作用是（  ）A\nA.文件存储空间的管理\nB.盘的驱动调度"
    )
    assert [(q["number"], q["options"], q["answer"]) for q in questions] == [
        ("1", ["分时系统", "单道批处理系统", "网络操作系统", "实时系统"], "D"),
        ("2", ["文件存储空间的管理", "盘的驱动调度"], "A"),
    ]


def test_a_bank_dumped_as_records_tagged_with_their_id_and_field() -> None:
    # "1stem…" "1choice1…" "1answerA、B;": each line its record's id and field name (a database
    # export); a paper that only numbers its questions "1." is untouched.
    records = "".join(
        f"{n}stem{stem}（    ）;\n{n}choice1以人为本;\n{n}choice2忠诚企业;\n{n}choice3服务社会;\n{n}answer{key};\n"
        for n, stem, key in ((1, "企业理念是", "A、B"), (2, "公司使命是", "C"), (3, "公司宗旨是", "A、C"))
    )
    questions = parse(records)
    assert [(q["number"], q["type"], q["stem"], q["options"], q["answer"]) for q in questions] == [
        (str(n), kind, f"{stem}(    )", ["以人为本", "忠诚企业", "服务社会"], key)
        for n, kind, stem, key in (
            (1, "multiple", "企业理念是", "AB"),
            (2, "single", "公司使命是", "C"),
            (3, "multiple", "公司宗旨是", "AC"),
        )
    ]


def test_a_stem_asking_several_blanks_each_with_its_own_options() -> None:
    # 软考 papers: "(42)…(43)…" in one stem, a set of options A–D for each blank (a "》" between
    # the sets, or nothing), keyed once "答案选择A｜C。": each blank a question over the same stem.
    questions = parse(
        "30.软件测试是保障软件质量的重要手段。(42)是指程序不在机器上运行。(43)也称为功能测试。\n"
        "A.静态测试\nB.动态测试\nC.黑盒测试\nD.白盒测试\n》\n"
        "A.系统测试\nB.集成测试\nC.黑盒测试\nD.白盒测试\n解答：答案选择A｜C。送分题。\n"
        "31.三层C/S架构中，（ ）是应用的用户接口部分；（ ）负责具体的业务处理逻辑。\n"
        "A.表示层\nB.功能层\nC.数据层\nA.表示层\nB.功能层\nC.数据层\n解答：答案选择A｜B。\n"
        "32.下列说法正确的是（ ）。\nA.甲\nB.乙\n解答：答案选择A。"
    )
    assert [(q["number"], q["options"], q["answer"]) for q in questions] == [
        ("30", ["静态测试", "动态测试", "黑盒测试", "白盒测试"], "A"),
        ("30", ["系统测试", "集成测试", "黑盒测试", "白盒测试"], "C"),
        ("31", ["表示层", "功能层", "数据层"], "A"),
        ("31", ["表示层", "功能层", "数据层"], "B"),
        ("32", ["甲", "乙"], "A"),
    ]
    assert questions[0]["stem"] == questions[1]["stem"] and questions[0]["explanation"] == "送分题"


def test_a_number_set_apart_from_its_stem_by_spaces_only() -> None:
    # Exam PDFs print "13  依《內經》…" (the number's column, then spaces, no mark).
    questions = parse(
        "1  下列何者為陽？ \n(A)火 \n(B)水 \n(C)土 \n(D)金 \n"
        "2  依《內經》天人相應觀念，下列敘述何者正確？ \n(A)日中為陽 \n(B)合夜為陰 \n"
    )
    assert [(q["number"], q["stem"], q["options"]) for q in questions] == [
        ("1", "下列何者為陽?", ["火", "水", "土", "金"]),
        ("2", "依《內經》天人相應觀念,下列敘述何者正確?", ["日中為陽", "合夜為陰"]),
    ]


def test_options_printed_as_a_programs_list_with_the_key_named_above_them() -> None:
    # Scraped quiz data: the options as a list literal on a line of their own, the key named by
    # its text on the line above. A list in a sentence, or a lone item, stays text.
    questions = parse(
        "1.“醉里挑灯看剑，梦回吹角连营”出自谁的作品？\n辛弃疾\n['寇准', '陆游', '辛弃疾', '岳飞']\n\n"
        '2.地中海区域最大的岛屿是哪个岛？\n["撒丁岛", "科西嘉岛", "西西里岛"]\n\n'
        "3.Python 中 ['a', 'b'] 是什么类型？\n答案：列表"
    )
    assert [(q["number"], q["type"], q["options"], q["answer"]) for q in questions] == [
        ("1", "single", ["寇准", "陆游", "辛弃疾", "岳飞"], "C"),
        ("2", "single", ["撒丁岛", "科西嘉岛", "西西里岛"], None),
        ("3", "short", [], "列表"),
    ]


def test_chapter_keys_under_a_fill_part_whose_blanks_the_scrape_erased() -> None:
    # A review paper: choice questions answered in place, then "填空题" kept by chapter, each
    # chapter's "答案：" numbered "（1）" like its questions; the blanks' underlines were lost,
    # leaving only the list's joints "：、和".
    questions = parse(
        "单选题\n1. 什么是KDD (A)\nA. 知识发现\nB. 文档发现\n2. 哪个是聚类算法 (B)\nA. C4.5\nB. K-Means\n"
        "填空题\n第一章\n（1）数据挖掘的性能问题主要包括：、和\n（2）孤立点是指：\n"
        "答案：\n（1）算法的效率、可扩展性和并行处理\n（2）与数据的一般行为不一致的数据\n"
        "第二章\n（1）处理噪声数据的方法主要包括：、、和\n（2）数据压缩可分为：和两种类型。\n"
        "答案：\n（1）分箱、聚类、计算机和人工检查结合、回归\n（2）有损压缩，无损压缩\n"
    )
    assert [(q["type"], q["answer"]) for q in questions] == [
        ("single", "A"),
        ("single", "B"),
        ("fill", ["算法的效率", "可扩展性", "并行处理"]),
        ("fill", ["与数据的一般行为不一致的数据"]),
        ("fill", ["分箱", "聚类", "计算机和人工检查结合", "回归"]),
        ("fill", ["有损压缩", "无损压缩"]),
    ]
    assert questions[2]["stem"] == "数据挖掘的性能问题主要包括:、和"


def test_a_colon_before_a_lists_joints_opens_no_definition() -> None:
    # "包括：、和" is a stem whose blanks were erased, not the term "包括" defined as "、和".
    questions = parse("简答题\n1. 数据挖掘的性能问题主要包括：、和\n2. 孤立点：与一般行为不一致的数据")
    assert [(q["stem"], q["answer"]) for q in questions] == [
        ("数据挖掘的性能问题主要包括:、和", None),
        ("孤立点", "与一般行为不一致的数据"),
    ]


def test_questions_sharing_one_set_of_options() -> None:
    # 配伍选择题 (B型题) of medical and pharmacy exams: "【41-43】" or "（1～2题共用备选答案）"
    # heads options A–E, the questions of the range print only their stems, and one key line
    # answers the group in order.
    questions = parse(
        "二、配伍选择题\n【41-43】\nA.番泻叶\nB.瓦楞子\nC.僵蚕\nD.补骨脂\nE.蜈蚣\n"
        "41.需调配麸炒的是\n42.需调配盐炙的是\n43.需调配煅制的是\n正确答案：C,D,B\n解题思路：麸炒的是僵蚕。\n"
        "（44～45题共用备选答案）\nA.吲哚美辛\nB.马来酸氯苯那敏\n44.咳特灵片中的西药成分是\n答案：B\n"
        "45.新癀片中的西药成分是\n答案：A\n"
        "46.属于阳脉之海的是\nA.督脉\nB.任脉\n答案：A"
    )
    drugs = ["番泻叶", "瓦楞子", "僵蚕", "补骨脂", "蜈蚣"]
    assert [(q["number"], q["options"], q["answer"]) for q in questions] == [
        ("41", drugs, "C"),
        ("42", drugs, "D"),
        ("43", drugs, "B"),
        ("44", ["吲哚美辛", "马来酸氯苯那敏"], "B"),
        ("45", ["吲哚美辛", "马来酸氯苯那敏"], "A"),
        ("46", ["督脉", "任脉"], "A"),
    ]
    assert questions[0]["explanation"] == "解题思路:麸炒的是僵蚕。"


def test_sets_numbered_anew_keyed_the_same_way() -> None:
    # Daily practice sets, each numbered from 1, and one key at the end whose runs restart at 1
    # under labels of their own ("Day2", "B篇："); an answer's points "1. …" in such a key are no
    # new run.
    questions = parse(
        "Day 1\n1. What is it?\nA. A cat.\nB. A dog.\n2. Where is it?\nA. Here.\nB. There.\n"
        "Day 2\n1. Who is he?\nA. Tom.\nB. Ann.\n2. Why?\nA. Rain.\nB. Sun.\n3. When?\nA. Now.\nB. Then.\n"
        "答案\nDay1\nA篇：1.A  2.B\nDay2\nA篇：1.B\nB篇：2.A  3.B"
    )
    assert [(q["number"], q["answer"]) for q in questions] == [
        ("1", "A"),
        ("2", "B"),
        ("1", "B"),
        ("2", "A"),
        ("3", "B"),
    ]


def test_a_latin_words_last_letter_is_no_lower_case_option_label() -> None:
    # "A tourist guide." ends option D: its "e." is the word's end, not an option e.
    questions = parse(
        "3. Where does this passage come from?\n"
        "A. A news report.              B. A science textbook.\n"
        "C. A nature magazine.              D. A tourist guide.\n"
    )
    assert questions[0]["options"] == [
        "A news report.",
        "A science textbook.",
        "A nature magazine.",
        "A tourist guide.",
    ]


def test_a_key_written_after_its_numbered_blank() -> None:
    # A teacher's answered copy: the letter follows the blank's number ("【1】B"), and an open
    # question's key is labelled by its blank ("答案【2】5,0,1").
    questions = parse(
        "一．选择题\n1．能代表逻辑值“真”的是  【1】D  。\nA．True  B．大于0的数  C．非0整数  D．非0的数\n"
        '二．程序阅读题\n2.写出下列程序的运行输出结果。\nint main()\n{\nprintf("%d", 5);\n}\n答案【2】5\n'
    )
    assert [(q["type"], q["stem"], q["answer"]) for q in questions] == [
        ("single", "能代表逻辑值“真”的是  【1】  。", "D"),
        ("short", '写出下列程序的运行输出结果。\nint main()\n{\nprintf("%d", 5);\n}', "5"),
    ]


def test_a_numbered_term_with_its_expansion_in_brackets_is_defined_after_the_colon() -> None:
    """ "5. JPQL（Java Persistence Query Language）：Java持久化查询语言": the term with its long
    expansion in brackets, the definition after the colon."""
    questions = parse_document(
        "terms.txt",
        "名词解释\n1. JDBC：java数据库连接\n"
        "2. JPQL（Java Persistence Query Language）：Java持久化查询语言\n"
        "3. POJO（Plain Ordinary Java Object）：简单的 Java 对象\n".encode(),
    ).questions
    assert [(q.stem, q.answer) for q in questions] == [
        ("JDBC", "java数据库连接"),
        ("JPQL(Java Persistence Query Language)", "Java持久化查询语言"),
        ("POJO(Plain Ordinary Java Object)", "简单的 Java 对象"),
    ]


def test_numbered_tasks_under_text_that_says_they_follow_are_questions_sharing_it() -> None:
    """An 应用题 part: a database described, "以下题目均使用上述的数据库，请用SQL语言完成下面的操作。",
    then "1、查询…" "2、删除…": the tasks are its questions (not points of an answer to the text
    above), the text their shared material."""
    text = (
        "四、应用题\n现有一学生数据库，有基本表student。\n表的结构如下：\nsno\t学号\tCHAR(7)\n"
        "以下题目均使用上述的数据库，请用SQL语言完成下面的操作。\n"
        "1、查询年龄在18～20之间的学生的姓名。\n2、删除学号为S2的学生记录。\n"
    )
    questions = parse_document("sql.txt", text.encode()).questions
    assert [(q.number, q.stem) for q in questions if q.number] == [
        ("1", "查询年龄在18~20之间的学生的姓名。"),
        ("2", "删除学号为S2的学生记录。"),
    ]
    assert "以下题目均使用上述的数据库" in questions[1].material


def test_a_glossary_of_terms_on_their_own_lines() -> None:
    # 名词解释 notes copied out of a PDF: a term a line, its definition below it wrapped at the
    # page's width (a short tail after a full line goes on with it), letter headings A, B, C.
    wrapped = "人体获得由其他人体产生的抗体或淋巴因子后而产生的免疫效果人体自身并未产生"
    text = "\n".join(
        [
            "普通生物学名词解释",
            "B",
            "被动免疫（passive immunity）",
            wrapped,
            "抗体",
            "变态发育",
            "幼体在形态结构上发生显著变化的过程",
            "C",
            *[line for n in range(1, 6) for line in (f"长术语{n}", wrapped, f"第{n}个尾巴。")],
            "次级生产量",
            "消费者转化为自身生物量的化学能",
            "亲缘系数（coefficient of relatedness）",  # (long with its English name: still a term)
            "两个个体之间血缘关系程度的度量",
            "末次盛冰期",
            "末次冰期是从两万六千年前开始持续很久的一段极度严寒干旱的时期持续到1.",
            "9万年前最寒冷的阶段",  # (the "1." wrapped at the line's end numbers no question)
        ]
    )
    questions = parse(text)
    assert [(q["section"], q["stem"]) for q in questions][:3] == [
        ("B", "被动免疫(passive immunity)"),
        ("B", "变态发育"),
        ("C", "长术语1"),
    ]
    assert questions[0]["answer"] == wrapped + "抗体"
    assert questions[1]["answer"] == "幼体在形态结构上发生显著变化的过程"
    assert questions[2]["answer"] == wrapped + "第1个尾巴。"
    assert questions[-2]["stem"] == "亲缘系数(coefficient of relatedness)"
    assert questions[-2]["answer"] == "两个个体之间血缘关系程度的度量"
    assert len(questions) == 10 and questions[-1]["stem"] == "末次盛冰期"


def test_terms_ending_with_a_colon_under_a_glossary_title_and_its_headings() -> None:
    """ "# 名词解释" then "## 总需求" and "利率效应:" over its definition: each term a question, its
    heading the section; a note in brackets goes on with the definition; the title's type word
    must not make the first term swallow the rest (it did, and the verdict said ok)."""
    terms = [("利率效应", "价格水平变动引起利率同方向变动."), ("税收效应", "价格水平变化, 导致消费下降.")]
    terms += [
        ("有效需求", "总供给和总需求达到均衡时的总需求."),
        ("奥肯定律", "失业和产出之间存在反向变动关系."),
    ]
    body = "\n\n".join(f"{term}:\n{definition}" for term, definition in terms)
    text = (
        f"# 期末名词解释题复习\n\n## 总需求\n\n{body}\n\n## 通胀\n\n滞涨:\n生产停滞, 物价居高不下并存.\n"
        "(也可以说, 滞胀.)\n\n菜单成本:\n改变价格的成本."
    )
    questions = [
        q.as_json("notes.md", i) for i, q in enumerate(parse_document("notes.md", text.encode()).questions)
    ]
    assert [(q["section"], q["stem"], q["answer"]) for q in questions] == [
        *[("总需求", term, definition) for term, definition in terms],
        ("通胀", "滞涨", "生产停滞, 物价居高不下并存.\n(也可以说, 滞胀.)"),
        ("通胀", "菜单成本", "改变价格的成本."),
    ]


def test_a_term_ends_with_a_colon_in_words_never_a_programs_line() -> None:
    from importers.pipeline.term_lines import _term

    assert _term("利率效应:") and _term("总需求曲线 (AD)：")
    assert not _term("def f1(a):") and not _term("for i in range(3):")


def test_a_trainees_empty_answer_field_over_the_standard_answer() -> None:
    """A training system's export: the number alone on its line, "用户答案：" left empty, then
    "标准答案：A" — the trainee's field is dropped; the standard answer is the key, never a key
    part that swallows the questions after it."""
    record = "{n}\n{stem}(  )\nA. 甲\nB. 乙\n用户答案：\n\n标准答案：{key}\n"
    text = "\n".join(record.format(n=n, stem=f"客户的第{n}个诉求", key="AB"[n % 2]) for n in range(1, 4))
    assert [(q["number"], q["stem"], q["answer"]) for q in parse(text)] == [
        ("1", "客户的第1个诉求(  )", "B"),
        ("2", "客户的第2个诉求(  )", "A"),
        ("3", "客户的第3个诉求(  )", "B"),
    ]


def test_an_answer_field_left_empty_over_the_labelled_key() -> None:
    """ "答案：" left blank by whoever filled the form, then "标准答案：A": the key is the question's
    answer; the empty label alone had opened a key part that swallowed the questions after it."""
    text = (
        "1. 问题一？\nA. 甲\nB. 乙\n答案：\n\n标准答案：A\n\n2. 问题二？\nA. 甲\nB. 乙\n答案：\n正确答案：B"
    )
    assert [(q["number"], q["answer"]) for q in parse(text)] == [("1", "A"), ("2", "B")]


def test_a_quiz_tools_radio_options_keyed_by_their_text() -> None:
    """ "Question 1 of 3" over a stem, options as radio buttons or boxes without letters, then
    "Correct answer: 倾听": the named lines are the key, lettered by their place."""
    text = (
        "Question 1 of 2\n客户投诉时首先应该做什么？\n○ 倾听\n○ 争辩\n○ 挂断\nCorrect answer: 倾听\n\n"
        "Question 2 of 2\n以下哪些属于服务礼仪？（多选）\n□ 微笑\n□ 倾听\n□ 打断\nCorrect answers: 微笑, 倾听"
    )
    assert [brief(q) for q in parse(text)] == [
        ("single", "客户投诉时首先应该做什么?", ["倾听", "争辩", "挂断"], "A"),
        ("multiple", "以下哪些属于服务礼仪?(多选)", ["微笑", "倾听", "打断"], "AB"),
    ]
    # (an answer that names no line under the stem leaves those lines as they were)
    (q,) = parse("1. 简述服务的要点？\n微笑\n耐心\n答案：微笑待客")
    assert q["options"] == [] and q["answer"] == "微笑待客"


def test_options_as_a_records_fields_named_by_letter() -> None:
    text = "题目：客户投诉时首先应该做什么？\n选项A：倾听\n选项B：争辩\n答案：A\n题目：礼仪包括哪些？\n选项 A. 微笑\n选项 B. 倾听\n答案：AB"
    assert [brief(q) for q in parse(text)] == [
        ("single", "客户投诉时首先应该做什么?", ["倾听", "争辩"], "A"),
        ("multiple", "礼仪包括哪些?", ["微笑", "倾听"], "AB"),
    ]


def test_a_type_tag_before_the_number_types_that_question_and_every_line_is_read() -> None:
    """ "【多选】2.…": the tag types question 2 and opens no empty question of its own, whose lines
    (all of them, before) were counted dropped and made the verdict "poor"."""
    text = "【单选】1.客户投诉时首先应该（ ）\nA.倾听 B.争辩\n答案：A\n【多选】2.服务礼仪包括（ ）\nA.微笑 B.倾听\n答案：AB"
    paper = parse_document("tags.txt", text.encode())
    assert [(q.number, q.type, q.answer) for q in paper.questions] == [
        ("1", "single", "A"),
        ("2", "multiple", "AB"),
    ]
    assert paper.coverage is not None and paper.coverage.share == 1.0 and paper.coverage.verdict == "ok"


def test_q_numbered_notes_answered_after_a_colon() -> None:
    """ "Q1：如何…" then "A：先倾听…": questions and answers, as "Q:" / "A:" were; "A:" over "B:" stays
    an option."""
    text = "Q1：客户投诉时首先应该做什么？\nA：先倾听，再道歉。\nQ2：热线几声内接起？\nA：三声内。"
    assert [(q["number"], q["type"], q["answer"]) for q in parse(text)] == [
        ("1", "short", "先倾听,再道歉。"),
        ("2", "short", "三声内。"),
    ]
    (q,) = parse("Q1: 服务的核心是？\nA: 价格\nB: 客户\n答案：B")
    assert brief(q) == ("single", "服务的核心是?", ["价格", "客户"], "B")


def test_a_teachers_short_label_for_the_standard_answer() -> None:
    (q,) = parse("1. 服务的核心是（ ）\nA. 价格\nB. 客户\n标答：B")
    assert brief(q) == ("single", "服务的核心是( )", ["价格", "客户"], "B")


def test_options_numbered_under_a_question_keyed_by_their_numbers() -> None:
    """ "服务礼仪包括哪些？" over "1. 微笑" "2. 倾听" "3. 打断" and "答案：1、2": a Markdown bank's options
    as an ordered list; a list whose numbers the key does not fit stays the stem's."""
    (q,) = parse("## 2. 服务礼仪包括哪些？\n1. 微笑\n2. 倾听\n3. 打断\n答案：1、2")
    assert brief(q) == ("multiple", "服务礼仪包括哪些?", ["微笑", "倾听", "打断"], "AB")
    (q,) = parse("## 2. 服务礼仪包括哪些？\n1. 微笑\n2. 倾听\n答案：微笑和倾听")
    assert q["options"] == [] and q["answer"] == "微笑和倾听"


def test_key_entries_after_a_colon_and_a_key_glued_after_the_options() -> None:
    text = "1. 甲？ A.a B.b\n2. 乙？ A.a B.b\n3. 丙？ A.a B.b\n参考答案\n1-2: AB 3: B"
    assert [q["answer"] for q in parse(text)] == ["A", "B", "B"]
    text = "1.客户投诉时首先应该（ ） A.倾听 B.争辩 答案A\n2.服务礼仪包括（ ） A.微笑 B.倾听 答案AB"
    assert [brief(q) for q in parse(text)] == [
        ("single", "客户投诉时首先应该( )", ["倾听", "争辩"], "A"),
        ("multiple", "服务礼仪包括( )", ["微笑", "倾听"], "AB"),
    ]


def test_a_key_table_that_explains_the_terms_has_no_answer_column() -> None:
    """ "题号 | 词语 | 解释" under 参考答案: the explaining column is each term's answer."""
    text = (
        "## 三、词语解释题\n\n1. 王\n2. 爱\n\n# 参考答案\n\n## 三、词语解释题\n\n"
        "| 题号 | 词语 | 解释 |\n|:---:|:---|:---|\n| 1 | 王 | 行王道、称王。 |\n| 2 | 爱 | 吝啬、舍不得。 |\n"
    )
    questions = parse_document("paper.md", text.encode()).questions
    assert [(q.stem, q.answer) for q in questions] == [("王", "行王道、称王。"), ("爱", "吝啬、舍不得。")]


def test_obsidian_exam_notes_with_a_choice_part_and_answer_callouts() -> None:
    # Exam notes in Obsidian: open questions ask by heading with the answer in a "> [!answer]-"
    # callout; the choice part numbers its questions in a list, its key a table under
    # "### 参考答案" right below it.
    text = (
        "## 二、单选题\n\n"
        "1. 毛泽东思想初步形成于 ( )。\n   - A. 大革命时期\n   - B. 土地革命战争时期\n"
        "2. ( ) 把毛泽东思想确立为指导思想。\n   - A. 六届六中全会\n   - B. 党的七大\n"
        "3. 三湾改编发生在 ( )。\n   - A. 1927年\n   - B. 1935年\n\n"
        "### 参考答案\n\n| 题号 | 答案 | 对应选项 |\n|---|---|---|\n| 1 | B | 土地革命战争时期 |\n"
        "| 2 | B | 党的七大 |\n| 3 | A | 1927年 |\n\n"
        "## 三、简答题\n\n"
        "### 1. 简述新民主主义革命的总路线。\n\n> [!answer]- 原网页参考答案\n> 无产阶级领导的，人民大众的革命\n\n"
        "### 2. 简述邓小平理论的历史地位。\n\n> [!answer]- 原网页参考答案\n> 马克思主义中国化的第二次飞跃\n\n"
        "### 3. 简述和谐社会的总要求。\n\n> [!answer]- 原网页参考答案\n> 民主法治、公平正义\n"
    )
    questions = parse_document("notes.md", text.encode()).questions
    assert [(q.type, q.answer) for q in questions] == [
        ("single", "B"),
        ("single", "B"),
        ("single", "A"),
        ("short", "无产阶级领导的,人民大众的革命"),
        ("short", "马克思主义中国化的第二次飞跃"),
        ("short", "民主法治、公平正义"),
    ]


def test_unnumbered_open_questions_each_ending_in_its_points() -> None:
    # A bank pooling the B, C, D papers of one exam: under "简答题" each paper's question, unnumbered,
    # ends in its points; "C卷" labels the variant and is no answer to the question above.
    questions = parse(
        "简答题\nB卷\n请简要说明PPP协议的组成及功能特点（10分）。\nC卷\n为什么要采用多路复用？（10分）。\n"
        "D卷\n说明TCP和UDP各自的特点和适用场合。（10分）\n"
        "计算题\n某单位分配到一个地址块129.44.56.128/25。试问 (12分)\n(1)每个子网的前缀有多长?\n(2)每个子网有多少地址?\n"
        "假定主机A运行TCP客户程序，请说明三次握手的过程。（10分）"
    )
    assert [(q["stem"], q["answer"]) for q in questions] == [
        ("请简要说明PPP协议的组成及功能特点(10分)。", None),
        ("为什么要采用多路复用?(10分)。", None),
        ("说明TCP和UDP各自的特点和适用场合。", None),
        ("每个子网的前缀有多长?", None),
        ("每个子网有多少地址?", None),
        ("假定主机A运行TCP客户程序,请说明三次握手的过程。", None),
    ]
    assert questions[3]["material"] == questions[4]["material"] != questions[5]["material"]


def test_a_fill_answer_between_underscores_typed_unevenly() -> None:
    # "和 _10001H__": one side of the blank a single underscore; "get_value__" and Markdown's
    # "_强调_" hold no answer.
    questions = parse(
        "一、填空题\n1. 这个变量的2个字节单元的物理地址分别是10000H和 _10001H__ 。\n"
        "2. 电路的噪声系数总是__大__于1的，噪声系数越_小__越好。\n"
        "3. 调用 get_value__() 返回_强调_的值。\n"
    )
    assert [q["answer"] for q in questions] == [["10001H"], ["大", "小"], None]


def test_numbered_questions_over_indented_answers_that_number_their_points() -> None:
    # Interview notes: "第N题" at the margin, each answer indented under it, its points numbered
    # ("  1.没有this"), a stray line of code left at the margin; indented options stay options;
    # each keeps its number.
    text = (
        "第1题 谈谈变量提升？\n  函数和变量的声明会被解释器放到最上面。\n  function fn() {\n}\n"
        "第2题 说说箭头函数的特点\n  1.没有this\n  2.不能使用new\n  3.不绑定arguments\n"
        "第3题 说说bind和call的区别？\n  bind返回函数，call立即调用。\n"
        "第4题 如何实现一个 call 函数\n  1.把函数设为对象的属性\n  2.执行后删除它\n"
        "第5题 简单说下原型链？\n  每个对象都有原型。\n"
    )
    questions = [
        q.as_json("notes.txt", i) for i, q in enumerate(parse_document("notes.txt", text.encode()).questions)
    ]
    assert [(q["stem"], q["answer"]) for q in questions] == [
        ("谈谈变量提升?", "函数和变量的声明会被解释器放到最上面。\nfunction fn() {\n}"),
        ("说说箭头函数的特点", "1.没有this\n2.不能使用new\n3.不绑定arguments"),
        ("说说bind和call的区别?", "bind返回函数,call立即调用。"),
        ("如何实现一个 call 函数", "1.把函数设为对象的属性\n2.执行后删除它"),
        ("简单说下原型链?", "每个对象都有原型。"),
    ]
    assert [q["number"] for q in questions] == ["1", "2", "3", "4", "5"]  # as the line reader keeps them
    choice = "1. 客户是?\n  A. 上帝\n  B. 朋友\n2. 服务是?\n  A. 态度\n  B. 速度\n3. 渠道是?\n  A. 电话\n  B. 网站\n"
    assert all(q.options for q in parse_document("choice.txt", choice.encode()).questions)


def test_tab_indented_answers_under_numbered_questions_some_left_unanswered() -> None:
    """An interview bank typed with tabs: a question with nothing under it is still a question, and
    an answer's line naming the language "C：" makes no choice paper of it."""
    text = (
        "1.为什么学习Python？\n2.通过什么途径学习的Python？\n3.简述解释型和编译型语言？\n"
        "\t解释型：逐行翻译执行。\n\t编译型：先编译再执行。\n4.请至少列举5个 PEP8 规范。\n\t1.空格缩进\n\t2.每行79字符\n\t3.导入分行\n\t4.注释完整\n\t5.命名约定\n"
        "5.Python和C语言的对比？\n\tC：能操纵底层。\n6.pass的作用？\n\t占位，保持结构完整。\n7.is和==的区别？\n"
        "\tis比较地址，==比较值。\n8.如何交换两个变量？\n\t1.a,b = b,a\n\t2.借助临时变量\n"
    )
    questions = parse_document("bank.txt", text.encode()).questions
    assert [(q.stem, q.answer) for q in questions] == [
        ("为什么学习Python?", None),
        ("通过什么途径学习的Python?", None),
        ("简述解释型和编译型语言?", "解释型:逐行翻译执行。\n编译型:先编译再执行。"),
        ("请至少列举5个 PEP8 规范。", "1.空格缩进\n2.每行79字符\n3.导入分行\n4.注释完整\n5.命名约定"),
        ("Python和C语言的对比?", "C:能操纵底层。"),
        ("pass的作用?", "占位,保持结构完整。"),
        ("is和==的区别?", "is比较地址,==比较值。"),
        ("如何交换两个变量?", "1.a,b = b,a\n2.借助临时变量"),
    ]


def test_a_heading_that_only_names_the_question_field() -> None:
    # "### 1. 题目" (or "### Question 2") heads the question's text; the answer follows its label.
    text = (
        "## 四、论述题\n\n### 1. 题目\n\n请结合材料论述三大法宝的内涵。\n\n"
        "> [!answer]- 参考答案\n> 统一战线、武装斗争、党的建设。\n\n"
        "### Question 2\n\nWhat does NTP do?\n\n答案：It sets the local time.\n\n"
        "### 3. 题目\n\n请论述科学发展观的内涵。\n\n答案：以人为本。\n"
    )
    questions = parse_document("exam.md", text.encode()).questions
    assert [(q.stem, q.answer) for q in questions] == [
        ("请结合材料论述三大法宝的内涵。", "统一战线、武装斗争、党的建设。"),
        ("What does NTP do?", "It sets the local time."),
        ("请论述科学发展观的内涵。", "以人为本。"),
    ]


def test_headings_inside_the_last_problem_do_not_make_the_paper_a_list_of_heading_questions() -> None:
    """An online judge's page: numbered choice questions, then a programming problem whose
    "### Sample Input:" headings belong to it. The paper is not notes asking by headings."""
    text = "".join(f"{i}. 第{i}题哪个对?\nA. 甲\nB. 乙\n答案：A\n\n" for i in range(1, 9))
    text += (
        "9. Check Topological Order\nWrite a program to test a sequence.\n\n### Format of functions:\n\n"
        "bool IsTopSeq( Vertex Seq[], LGraph G );\n\n### Sample program of judge:\n\n#include <stdio.h>\n\n"
        "### Sample Input:\n\n6 8\n\n### Sample Output:\n\nyes\n"
    )
    questions = parse_document("judge.md", text.encode()).questions
    assert [q.number for q in questions] == [str(i) for i in range(1, 10)]
    assert [q.answer for q in questions[:8]] == ["A"] * 8


def test_a_fenced_block_named_answer_is_the_questions_key_and_a_program_block_stays_its_stem() -> None:
    text = (
        "## 试卷一\n\n1. 下面哪种文件可以在JVM中运行（）\n   - A. .java\n   - B. .class\n\n```answer\nB\n```\n\n"
        "2. 阅读下列程序：\n```java\nint x = 2;\n```\n   - A. 0\n   - B. 2\n\n```答案\nB\n```\n"
    )
    questions = parse_document("java.md", text.encode()).questions
    assert [(q.options, q.answer) for q in questions] == [([".java", ".class"], "B"), (["0", "2"], "B")]
    assert "int x = 2;" in questions[1].stem


def test_a_summary_followed_on_its_line_by_the_answer_and_statements_to_judge_in_english() -> None:
    """devops-style banks: "<summary>…?</summary><br><b>" with the answer opening on that line or
    under it; "True or False? …" asks for a verdict, "False. If …" gives it and why."""
    md = (
        "### Git Basics\n\n<details>\n<summary>How do you know a directory is a git repository?</summary><br><b>\n"
        'You can check if there is a ".git" directory.\n</b>\n</details>\n\n'
        "<details>\n<summary>True or False? A branch is a pointer to a commit</summary><br><b>\n\nTrue\n</b></details>\n\n"
        "<details>\n<summary>True or False? <code>git rm</code> keeps the file on disk</summary><br><b>\n\n"
        "False. Use `git rm --cached` to keep it\n</b></details>\n"
    )
    questions = parse_document("git.md", md.encode()).questions
    assert [(q.type, q.stem, q.answer, q.explanation) for q in questions] == [
        (
            "short",
            "How do you know a directory is a git repository?",
            'You can check if there is a ".git" directory.',
            "",
        ),
        ("truefalse", "A branch is a pointer to a commit", True, ""),
        ("truefalse", "git rm keeps the file on disk", False, "Use `git rm --cached` to keep it"),
    ]


def test_a_numbered_statement_tagged_true_or_false_is_a_judgement() -> None:
    questions = parse(
        "1. True or False? The customer is always right.\nAnswer: False\n2. T/F: Refunds need a receipt.\n"
    )
    assert [(q["type"], q["stem"], q["answer"]) for q in questions] == [
        ("truefalse", "The customer is always right.", False),
        ("truefalse", "Refunds need a receipt.", None),
    ]


def test_a_bilingual_answer_key_heading_over_a_key_in_rows() -> None:
    md = (
        "## Vocabulary 單字題\n\n**1.** A refund is:\n- A) Money returned\n- B) Funding again\n\n"
        "**2.** Escalate means:\n- A) Use an escalator\n- B) Raise an issue\n\n---\n\n"
        "## Answer Key 答案\n\n1. A  2. B\n"
    )
    questions = parse_document("quiz.md", md.encode()).questions
    assert [(q.stem, q.answer) for q in questions] == [("A refund is:", "A"), ("Escalate means:", "B")]


def test_a_key_in_bold_at_the_end_of_the_questions_line_before_its_program_and_options() -> None:
    md = (
        "### 1\n\n1. 源文件名是？**答案：C**\n   A MyClazz.src\n   B MyClazz\n   C MyClazz.java\n\n"
        "2. 下面程序输出的j值为  **答案：C**  （0xFFFFFFF1是十六进制）\n\n   ```java\n   int j=~i;\n   ```\n\n"
        "   A. 0\n   B. 1\n   C. 14\n\n"
        "3. 若用下面方式执行该程序，baz的值为  **答案：D**\n\n   java Test Red Green Blue\n\n"
        "   A. null\n   B. Red\n   C. Green\n   D. Blue\n"
    )
    questions = parse_document("java.md", md.encode()).questions
    assert [(q.stem, q.options, q.answer, q.explanation) for q in questions] == [
        ("源文件名是?", ["MyClazz.src", "MyClazz", "MyClazz.java"], "C", ""),
        ("下面程序输出的j值为\nint j=~i;", ["0", "1", "14"], "C", "0xFFFFFFF1是十六进制"),
        (
            "若用下面方式执行该程序,baz的值为\njava Test Red Green Blue",
            ["null", "Red", "Green", "Blue"],
            "D",
            "",
        ),
    ]


def test_a_parts_key_run_under_its_last_question_answers_those_without_their_own() -> None:
    """ "答案：CAB" after a chapter's choice questions: one letter each, in order; a key printed
    under a question stays its own. "答案：ABCD" under a question of four options is its key."""
    text = (
        "一、选择题\n1. 甲？答案：C\nA. a\nB. b\nC. c\n2. 乙？\nA. a\nB. b\nC. c\n3. 丙？\nA. a\nB. b\nC. c\n"
        "答案：CAB\n二、多选题\n1. 丁？\nA. a\nB. b\nC. c\nD. d\n答案：ABCD\n"
    )
    assert [q["answer"] for q in parse(text)] == ["C", "A", "B", "ABCD"]


def test_a_listing_numbered_line_by_line_under_given_is_the_questions_program() -> None:
    md = (
        "1. Given:\n   11. public interface Status {\n   12. int MY_VALUE = 10;\n   13. }\n"
        "       Which is valid on line 12?\n       A. final\n       B. native\n"
        "2. Given:\n    1. public class Boxer1 {\n    2. Integer i;\n    3. }\n"
        "       What is the result?\n       A. 4 is printed.\n       B. Compilation fails.\n"
    )
    questions = parse_document("scjp.md", md.encode()).questions
    assert [q.options for q in questions] == [["final", "native"], ["4 is printed.", "Compilation fails."]]
    assert "public class Boxer1 {" in questions[1].stem


def test_a_key_under_a_banner_whose_parts_follow_the_papers_one_named_otherwise() -> None:
    """ "=====参考答案=====" opens the key; its parts follow the paper's, and one named as no part
    is ("空题答案", the 填空 part's) keys the part after the one keyed before it. "1. A、B、C" in
    a Markdown key is the first question's letters, not an option A."""
    md = (
        "## 单选题\n\n1. 甲？\nA. a\nB. b\n\n2. 乙？\nA. a\nB. b\n\n"
        "## 多选题\n\n1. 丙？\nA. a\nB. b\nC. c\n\n"
        "## 填空题\n\n1. 注释的符号是 ______。\n2. 空值是 ______。\n\n"
        "==========参考答案==========\n\n## 单选题答案：\n\n1. B\n2. A\n\n"
        "## 多选题答案：\n\n1. A、B、C\n\n## 空题答案：\n\n1. `#`\n2. `None`\n"
    )
    questions = parse_document("paper.md", md.encode()).questions
    assert [q.answer for q in questions] == ["B", "A", "ABC", ["`#`"], ["`None`"]]


def test_a_key_title_framed_by_runs_of_a_separator_starts_the_key() -> None:
    questions = parse("1. 甲？\nA. a\nB. b\n2. 乙？\nA. a\nB. b\n=====参考答案=====\n1. B 2. A\n")
    assert [(q["stem"], q["answer"], q["explanation"]) for q in questions] == [
        ("甲?", "B", ""),
        ("乙?", "A", ""),
    ]


def test_sql_answers_keep_their_repeated_lines_and_a_quoted_note_under_them_is_the_explanation() -> None:
    """An interview bank asking by heading: every answer's program says "FROM tb_emp" (a line
    repeated far apart, as running headers are, but code); "> **说明**：…" under the answer is why;
    the page's title over "### 题目1" heads the questions, it asks nothing itself."""
    answer = "```sql\nSELECT ename\n     , sal\n     , dno\n  FROM tb_emp\n WHERE sal > {}\n ORDER BY sal;\n```\n\n"
    md = "## 数据分析师SQL面试宝典\n\n### 题目1\n\n员工表如下。\n\n" + "".join(
        f"#### {n}. 查询月薪超过{n}000的员工\n\n参考答案：\n\n"
        + answer.format(n)
        + f"> **说明**：第{n}题用WHERE。\n\n"
        for n in range(1, 5)
    )
    questions = parse_document("sql.md", md.encode()).questions
    assert [q.stem for q in questions] == [f"查询月薪超过{n}000的员工" for n in range(1, 5)]
    assert questions[2].answer == "SELECT ename\n, sal\n, dno\nFROM tb_emp\nWHERE sal > 3\nORDER BY sal;"
    assert questions[2].explanation == "第3题用WHERE。"


def test_a_code_block_under_an_open_question_that_asked_is_its_answer_unless_a_label_follows() -> None:
    """A course test keeps every 简答 answer in a code block under the question; a block followed by
    "答案：" was the question's data, and a "?" inside a block asks nothing."""
    md = (
        "二、简答题\n\n13. 格式化输出中 %s 代表什么意思？\n\n```python\n%s：格式化字符串\n```\n\n"
        "14. 每个读操作返回什么值？\n\n```\na. P0: read 120\n```\n\n答案：\n```\n返回0020\n```\n\n"
        "15. 统计单词数。\n\n```c\nint n; // 长度?\nn = 0;\n```\n"
    )
    questions = parse_document("test.md", md.encode()).questions
    assert [(q.stem, q.answer) for q in questions] == [
        ("格式化输出中 %s 代表什么意思?", "%s:格式化字符串"),
        ("每个读操作返回什么值?\na. P0: read 120", "返回0020"),
        ("统计单词数。\nint n; // 长度?\nn = 0;", None),
    ]
    # the same asked by headings: the lines above the key's label are the question's
    headed = md.replace("13. ", "#### ").replace("14. ", "#### ").replace("15. ", "#### 15. ")
    questions = parse_document("test.md", headed.encode()).questions
    assert (questions[1].stem, questions[1].answer) == ("每个读操作返回什么值?\na. P0: read 120", "返回0020")


def test_a_block_under_a_question_set_in_bold_is_its_answer_unless_prose_follows_it() -> None:
    """A review sheet sets each question in bold and its answer in a code block under it, whatever
    the part is called ("复习题"): the block answers it, even where the question does not end asking.
    A bold question announcing what follows ("…定义如下：") keeps its block; so does one whose block is
    followed by prose ("修改如下" over the fixed program: the block was the question's, the rest its
    answer) or by more of the question in bold."""
    md = (
        "### 复习题\n1. **指出下列常量的类型**\n```\n1066 整形常量\n```\n"
        "2. **类 ABC 定义如下：**\n```java\nclass ABC {}\n```\n"
        "3. **找出其中的错误。**\n```c\nfloat g;h;\n```\n修改如下\n```c\nfloat g, h;\n```\n"
        "4. **在 `system.h` 里**\n```c\n#define gate 3\n```\n**为什么 dpl 是 3？**\n\n> 用户态可调用。\n"
    )
    questions = parse_document("review.md", md.encode()).questions
    assert [(q.stem, q.answer) for q in questions] == [
        ("指出下列常量的类型", "1066 整形常量"),
        ("类 ABC 定义如下:\nclass ABC {}", None),
        ("找出其中的错误。\nfloat g;h;", "修改如下\nfloat g, h;"),
        ("在 `system.h` 里\n#define gate 3\n为什么 dpl 是 3?", "用户态可调用。"),
    ]


def test_a_program_under_a_heading_that_asks_then_a_bare_answer_label_is_the_questions() -> None:
    """ "###### 1.说出执行结果" over its code, then "答：10。": the code is the question's, its
    "function ()" no blank; a bare "答：" under prose stays the answer's own word."""
    md = (
        "###### 1.说出执行结果，并解释为什么？\n```javascript\nvar f = function () {\n  return i;\n};\n```\n"
        "答：10。\n原因：var 的作用域是函数。\n\n"
        "###### 2.let 与 var 的区别是什么？\n块级作用域。\n答：let 不提升。\n\n"
        "###### 3.如何找出数组中的最小值？\n```javascript\nvar arr = [12, 4];\n```\n答：Math.min(...arr)。\n"
    )
    questions = parse_document("notes.md", md.encode()).questions
    assert [(q.type, q.stem, q.answer) for q in questions] == [
        (
            "short",
            "说出执行结果,并解释为什么?\nvar f = function () {\nreturn i;\n};",
            "10。\n原因:var 的作用域是函数。",
        ),
        ("short", "let 与 var 的区别是什么?", "块级作用域。\n答:let 不提升。"),
        ("short", "如何找出数组中的最小值?\nvar arr = [12, 4];", "Math.min(...arr)。"),
    ]


def test_a_question_about_the_code_below_keeps_that_program_in_its_stem() -> None:
    """ "以下代码的输出是什么？" over a program: the program (its comments and strings in Chinese
    too) is what it asks about, the line after it its answer; a task to write code is answered by
    the program under it."""
    text = (
        "一、简答题\n1. 以下代码的输出是什么？\nfunction f() {\n  // 返回一个数\n  var s = '你好';\n  return 1;\n}\n"
        "console.log(f());\n输出 1。\n"
        "2. What does the following code print?\nitems = [1, 2]\nprint(len(items))\n2\n"
        "3. 写一个函数求两数之和。\nfunction add(a, b) {\n  return a + b;\n}\n"
    )
    assert [(q["stem"], q["answer"]) for q in parse(text)] == [
        (
            "以下代码的输出是什么?\nfunction f() {\n// 返回一个数\nvar s = '你好';\nreturn 1;\n}\nconsole.log(f());",
            "输出 1。",
        ),
        ("What does the following code print?\nitems = [1, 2]\nprint(len(items))", "2"),
        ("写一个函数求两数之和。", "function add(a, b) {\nreturn a + b;\n}"),
    ]


def test_worked_solutions_numbered_after_their_parts_go_back_to_each_part() -> None:
    """ "1. 推导…" "2. 计算…" then "解1：…" "解2：…" under the last part: each its own solution;
    a "解：" alone stays the answer of the question above it."""
    text = (
        "一、计算题（共 10 分）\n设 X 服从正态分布。\n1. （5分）推导 Y 的分布；\n2. （5分）计算条件概率。\n"
        "解1：\n由独立性可得 Y 服从卡方分布。\n解2：\n条件概率为 1/2。\n"
        "二、计算题（共 10 分）\n1. 求矩估计。\n解：\n由一阶矩得估计量。\n"
    )
    assert [(q["number"], q["answer"]) for q in parse(text)] == [
        ("1", "由独立性可得 Y 服从卡方分布。"),
        ("2", "条件概率为 1/2。"),
        ("1", "由一阶矩得估计量。"),
    ]


def test_dotted_question_numbers_are_kept_as_printed() -> None:
    text = "2.1 三首作品存在怎样的区别？\n旋律不同。\n2.2 旋律是否必要？\n是的。\n3.1 请问它们有怎样的不同？\n编曲不同。"
    assert [q["number"] for q in parse(text)] == ["2.1", "2.2", "3.1"]


def test_exercises_picked_from_a_textbook_keep_their_numbers_out_of_order() -> None:
    # ("8.6" "5.5" "7.2": each a task set in the imperative; "3.2 设计模式" "1.4 总线" are headings)
    text = (
        "8.6 编写一个取豆子游戏，两个玩家轮流从16颗豆子中取出1到3颗。\n5.5 编写一个剪刀、石头、布的猜拳游戏。\n"
        "7.2 计算三角形面积的函数TriangleArea(a,b,c)，a,b,c为三条边。\n6.4 从键盘输入一字符串，统计字母d出现的次数？"
    )
    assert [q["number"] for q in parse(text)] == ["8.6", "5.5", "7.2", "6.4"]
    headings = [Line(text=t, lineno=n) for n, t in enumerate(["3.2 设计模式", "1.4 总线", "2.3 使用说明"], 1)]
    assert count_dotted(headings) == (headings, {})


def test_a_textbooks_sections_numbered_like_questions_are_left_as_printed() -> None:
    """ "2.1 计算机系统概述" "2.2 存储器" "2.3 总线" ask nothing: section headings, not dotted question
    numbers to count."""
    texts = ["2.1 计算机系统概述", "1. 什么是冯诺依曼结构？", "2.2 存储器", "2.3 总线", "2.4 输入输出系统"]
    lines = [Line(text=text, lineno=n) for n, text in enumerate(texts, 1)]
    assert count_dotted(lines) == (lines, {})
    asking = [
        Line(text=text.replace("概述", "概述是什么？"), lineno=n) for n, text in enumerate(texts[:1], 1)
    ]
    assert count_dotted(asking)[1] == {}  # (one dotted line is no numbering)


def test_a_word_problem_inside_an_answer_and_english_points_before_a_question() -> None:
    """ "…的key。问题：读写耗时…" in the answer of a numbered question that asked is a point of it,
    not a case study's "问题：" opening sub-questions; "(6points)" before a stem is its points."""
    text = (
        "21. 什么是BigKey？有什么问题？\n\nBigKey是占用内存过大的key。问题：读写耗时。处理：拆分。\n\n"
        "22. 如何保证数据一致性？\n\n先更新数据库，再删除缓存。\n\n23. (6points) 将31.5转换为十六进制数。\n"
    )
    questions = parse(text)
    assert [(q["stem"], q["answer"]) for q in questions] == [
        ("什么是BigKey?有什么问题?", "BigKey是占用内存过大的key。问题:读写耗时。处理:拆分。"),
        ("如何保证数据一致性?", "先更新数据库,再删除缓存。"),
        ("将31.5转换为十六进制数。", None),
    ]


def test_notes_titled_as_guessed_questions_ask_by_every_heading_of_their_deepest_level() -> None:
    """ "# 猜题" over "## 1 webpack" over "### 1.2 webpack的核心概念": the title says each heading
    names a question, topic or not, answered or not yet; the part headings over them ask nothing."""
    md = (
        "# 猜题\n\n## 1 webpack\n\n### 1.1 vite和webpack区别？\n\n1.开发模式不同\n\n2.打包效率不同\n\n"
        "### 1.2 webpack的核心概念\n\n1.入口（entry）\n\n2.输出（output）\n\n### 1.3 提升打包构建速度\n\n热更新。\n\n"
        "## 2 Node.js\n\n### 2.1 node.js运行机制\n\nv8引擎解析。\n\n### 2.2 yarn和npm的区别\n"
    )
    questions = parse_document("notes.md", md.encode()).questions
    assert [(q.stem, q.answer) for q in questions] == [
        ("vite和webpack区别?", "1.开发模式不同\n2.打包效率不同"),
        ("webpack的核心概念", "1.入口(entry)\n2.输出(output)"),
        ("提升打包构建速度", "热更新。"),
        ("node.js运行机制", "v8引擎解析。"),
        ("yarn和npm的区别", None),
    ]


def test_english_quiz_numbered_q1_bracket_keyed_by_a_table_under_an_answers_heading() -> None:
    md = (
        "# Customer Service Quiz\n\nQ1) What is the first step in handling a complaint?\na) Argue\nb) Listen\n\n"
        "Q2) Which are good phone etiquette? (Select all that apply)\na) Smile\nb) Eat\nc) Use the caller's name\n\n"
        "Q3) True or False: You should always promise a refund.\n\n## Answers\n\n"
        "| Question | Answer |\n|---|---|\n| Q1 | b |\n| Q2 | a, c |\n| Q3 | False |\n"
    )
    questions = parse_document("quiz.md", md.encode()).questions
    assert [(q.type, q.stem, q.answer) for q in questions] == [
        ("single", "What is the first step in handling a complaint?", "B"),
        ("multiple", "Which are good phone etiquette? (Select all that apply)", "AC"),
        ("truefalse", "You should always promise a refund.", False),
    ]


def test_an_option_starred_before_its_label_is_the_key() -> None:
    text = "1. What comes first?\n   *a. Listen\n   b. Argue\n2. 客户是？\nA) 对手\n*B) 上帝\n"
    assert [(q["options"], q["answer"]) for q in parse(text)] == [
        (["Listen", "Argue"], "A"),
        (["对手", "上帝"], "B"),
    ]


def test_an_english_key_labelled_answers_and_its_reasons_labelled_rationale_or_feedback() -> None:
    text = (
        "Question 1\nSelect TWO good practices.\nA. Smile\nB. Shout\nC. Confirm details\nAnswers: A, C\n"
        "Rationale: Both build trust.\n\nQuestion 2\nWhat comes first?\nA. Listen\nB. Argue\nAnswer: A\n"
        "Feedback: Listening calms the customer.\n"
    )
    assert [(q["answer"], q["explanation"]) for q in parse(text)] == [
        ("AC", "Both build trust."),
        ("A", "Listening calms the customer."),
    ]


def test_unlettered_options_with_the_right_ones_ticked() -> None:
    # A generated bank or a quiz tool's export: no letters, the right option ticked, the others
    # indented to the ticked text's column or given an empty box; radio buttons the same. A tick
    # on a line of its own text (a key's "√ 正确") or a bullet list of notes stays as it was.
    questions = parse(
        "1. 图中手势表示什么信号？\n     左转弯信号\n   ✓ 直行信号\n     停止信号\n"
        "   📖 双臂平伸，右臂向前摆动。\n\n"
        "2. 哪些是渠道？\n✔ 电话\n☐ 会议\n✔ 网站\n\n"
        "3. 哪个是首都？\n○ 上海\n● 北京\n\n"
        "4. 服务的要点有哪些？\n● 微笑\n● 耐心\n"
    )
    assert [(q["number"], q["type"], q["options"], q["answer"]) for q in questions] == [
        ("1", "single", ["左转弯信号", "直行信号", "停止信号"], "B"),
        ("2", "multiple", ["电话", "会议", "网站"], "AC"),
        ("3", "single", ["上海", "北京"], "B"),
        ("4", "short", [], "微笑\n耐心"),
    ]
    assert questions[0]["explanation"] == "双臂平伸,右臂向前摆动。"  # (its pictograph only adorns it)


def test_unnumbered_questions_each_answered_under_a_label() -> None:
    # Interview notes: nothing numbered, each question a line (a topic as often as a sentence
    # that asks), its answer opening "答：" on the next line and going on for lines. An option
    # line over a key stays the option it is.
    questions = parse(
        "C++部分：\nstatic\n答：静态变量，初始化只运行一次。\nconst 指针常量和常量指针\n"
        "答：指针常量不可改变指向\n常量指针指向常量\n返回局部变量？原因\n答：栈上的变量出了作用域即释放。\n"
    )
    assert [(q["stem"], q["answer"]) for q in questions] == [
        ("static", "静态变量,初始化只运行一次。"),
        ("const 指针常量和常量指针", "指针常量不可改变指向\n常量指针指向常量"),
        ("返回局部变量?原因", "栈上的变量出了作用域即释放。"),
    ]
    keyed = parse("公理是什么？\n答：出发点\n下列说法错误的是\nA哲学家的书\nB牛顿的定律\n正确答案：B")
    assert [q["stem"] for q in keyed if q["stem"].startswith("B")] == []


def test_a_key_printed_over_unlettered_options_with_the_trainees_answer() -> None:
    # 牛客's exported tests: the stem, "正确答案: B C   你的答案: 空 (错误)", the options one a
    # line with no letters, then the explanation's paragraphs up to the next stem. The trainee's
    # answer is never the key; options that carry letters are read as they are.
    text = (
        "* 以下哪些排序算法是不稳定的（）\n  正确答案: B C   你的答案: 空 (错误)\n  冒泡排序\n  堆排序\n"
        "  快速排序\n  归并排序\n\n  快选一些好朋友堆在一起聊天吧\n\n"
        "* 如下哪个命令修改文件的权限？\n  正确答案: B   你的答案: A (错误)\n  attrib\n  chmod\n\n"
        "* 下面哪个是关键字\n  正确答案: A   你的答案: A (正确)\n  A if\n  B then\n"
    )
    doc = parse_document("niuke.md", text.encode())
    assert [(q.stem, q.options, q.answer, q.explanation) for q in doc.questions] == [
        (
            "以下哪些排序算法是不稳定的()",
            ["冒泡排序", "堆排序", "快速排序", "归并排序"],
            "BC",
            "快选一些好朋友堆在一起聊天吧",
        ),
        ("如下哪个命令修改文件的权限?", ["attrib", "chmod"], "B", ""),
        ("下面哪个是关键字", ["if", "then"], "A", ""),
    ]


def test_a_key_over_unlettered_options_with_no_stem_of_its_own_is_no_crash() -> None:
    # The second key's stem would be the line above it, read already as the first question's
    # last option: it is left as it is, and the first question stays whole.
    text = (
        "* 以下哪些 CSS 代码可以设置右外边距？\n  正确答案: A C   你的答案: 空 (错误)\n  margin-right\n"
        "  padding-right\n  margin\n\n  正确答案: A   你的答案: 空 (错误)\n  position\n  display\n"
    )
    first, *_ = parse_document("niuke.md", text.encode()).questions
    assert (first.stem, first.options, first.answer) == (
        "以下哪些 CSS 代码可以设置右外边距?",
        ["margin-right", "padding-right", "margin"],
        "AC",
    )


def test_markdown_answers_indented_by_em_spaces_under_numbered_questions() -> None:
    # Blog-style review notes: each numbered question at the margin, its answer indented with
    # "&emsp;" and its lines ended by "<br/>", a circled point "①" inside an answer (no option),
    # a question long enough to set out its problem, and numbers the author left unfilled.
    body = "&emsp;答案第一行。<br/>\n&emsp;&emsp;① 第一点<br/>\n&emsp;&emsp;② 第二点<br/>\n<br/><br/>\n\n"
    text = (
        "1.存储器的层次结构主要体现在什么地方？<br/>\n\n"
        + body
        + "2.说明存取周期和存取时间的区别。<br/>\n\n"
        + body
        + "3.什么叫刷新？<br/>\n\n"
        + body
        + "4.一个 8K * 8 位的动态 RAM 芯片，其内部结构排列成 256 * 256 形式，"
        "读写周期为 0.1μs 。试问采用集中刷新、分散刷新和异步刷新的刷新间隔分别为多少？<br/>\n\n"
        + body
        + "5.什么是程序访问的局部性？<br/>\n\n"
        + body
        + "6.<br/>\n\n\n7.<br/>\n\n8.什么是快表？<br/>\n\n"
        + body
    )
    questions = parse_document("notes.md", text.encode()).questions
    assert [(q.number, q.type, q.options) for q in questions] == [(n, "short", []) for n in "123458"]
    assert all(q.answer == "答案第一行。\n① 第一点\n② 第二点" for q in questions)


def test_a_key_titled_by_its_lesson_answers_the_lessons_questions() -> None:
    # Course notes print a day's (chapter's, lesson's) questions under "第 25 天问题" and their key
    # under "第 25 天答案": the unit names whose key it is, as a paper's title would.
    text = (
        "# 第 3 天问题\n\n1. OSPF runs over IP protocol number `___`.\n"
        "2. OSPF supports VLSM. True or false?\n\n"
        "## 第 3 天答案\n\n1. 89\n2. True\n"
    )
    questions = parse_document("day3.md", text.encode()).questions
    assert [(q.number, q.answer) for q in questions] == [("1", ["89"]), ("2", True)]


def test_an_address_or_version_in_a_key_entry_numbers_nothing() -> None:
    # "10.0.0.0", "3.2.1": the parts of a dotted number are never the next key entry's number,
    # so the entries after it are still read in their turn.
    text = (
        "1. Which command puts network 10.0.0.0/8 into area 0?\n2. Which release added it?\n"
        "3. What is the default priority?\n\n答案\n\n"
        "1. The `network 10.0.0.0 0.255.255.255 area 0` command.\n2. Version 3.2.1 of the firmware.\n3. 1\n"
    )
    questions = parse_document("key.md", text.encode()).questions
    assert [q.answer for q in questions] == [
        "The `network 10.0.0.0 0.255.255.255 area 0` command.",
        "Version 3.2.1 of the firmware.",
        "1",
    ]


def test_a_quiz_that_bolds_the_right_bullets_throughout_is_keyed_by_them() -> None:
    # A course's graded quiz copied into Markdown: each question under its heading, its options an
    # unlabelled bullet list of sentences, the right ones in bold, the reason quoted below. A list
    # the paper does not key so (a lone bold point in notes) stays an answer's points.
    quiz = "".join(
        f"### Question {n}\n\n{stem}\n"
        + "".join(f"* **{o}**\n" if o in right else f"* {o}\n" for o in options)
        + "\n> Because it is.\n\n"
        for n, (stem, options, right) in enumerate(
            [
                (
                    "What is a computer program?",
                    ["A file the interpreter prints.", "A recipe the computer executes, step by step."],
                    ["A recipe the computer executes, step by step."],
                ),
                (
                    "What's automation?",
                    ["Inputs and outputs.", "Replacing a manual step with an automatic one.", "A haircut."],
                    ["Replacing a manual step with an automatic one."],
                ),
                (
                    "Which tasks suit automation? Check all that apply.",
                    ["Writing a program.", "Creating a monthly sales report.", "Setting up new accounts."],
                    ["Creating a monthly sales report.", "Setting up new accounts."],
                ),
            ],
            start=1,
        )
    )
    questions = parse_document("quiz.md", quiz.encode()).questions
    assert [(q.type, len(q.options), q.answer, q.explanation) for q in questions] == [
        ("single", 2, "B", "Because it is."),
        ("single", 3, "B", "Because it is."),
        ("multiple", 3, "BC", "Because it is."),
    ]


def test_a_picture_under_a_question_that_points_to_it_is_part_of_the_question() -> None:
    # "完成下面效果图的制作" over its picture: the picture is what it asks about, not its answer;
    # a picture under a question that points to none stays the answer (a diagram that answers).
    md = (
        "#### 编程题\n\n##### 1. 完成下面效果图的制作\n\n![tupian](./assets/b1.png)\n\n"
        "##### 2. 具体问题如下图所示\n\n![第二题](https://example.com/q2.png)\n\n先分发给父视图。\n\n"
        "##### 3. 画出OSI七层模型\n\n![osi](./osi.png)\n"
    )
    questions = parse_document("test.md", md.encode()).questions
    assert [(q.stem, q.answer) for q in questions] == [
        ("完成下面效果图的制作\n![tupian](./assets/b1.png)", None),
        ("具体问题如下图所示\n![第二题](https://example.com/q2.png)", "先分发给父视图。"),
        ("画出OSI七层模型", "![osi](./osi.png)"),
    ]
    text = "五、编程题\n1. 完成下面效果图的制作\n![a](a.png)\n2. 写出下图的输出结果\n![b](b.png)\n"
    questions = parse_document("test.txt", text.encode()).questions
    assert [(q.stem, q.answer) for q in questions] == [
        ("完成下面效果图的制作\n![a](a.png)", None),
        ("写出下图的输出结果\n![b](b.png)", None),
    ]


def test_unnumbered_questions_over_answers_of_several_lines_and_symbol_font_bullets() -> None:
    """Revision notes ("简答题整理") with nothing numbered: a line that asks (a question mark, a
    task "简述…", an open end "…是。") over its answer, which runs on over several sentences or
    lines wrapped at the page's width; Word's Wingdings bullets come out of a PDF as U+F0D8. A
    question word inside an answer's statement asks nothing; a short line answering nothing heads
    the questions under it."""
    text = (
        "第一章 组织\n"
        "客户投诉的分类？\n"
        "\uf0d8 服务投诉：对服务态度、服务效率不满意而引起的投诉，一般由一线班组长处理，\n"
        "当天回复客户。\n"
        "\uf0d8 产品投诉：对产品质量不满意而引起的投诉。\n"
        "简述首问负责制。\n"
        "第一位接待客户的员工负责到底，例如为什么要回访也由他说明。\n"
        "不得推诿。\n"
        "礼仪要点\n"
        "电话礼仪的要点？\n"
        "三声内接听、先报工号\n"
        "受理投诉后首先要做的是。\n"
        "安抚客户情绪\n"
        "服务的宗旨是什么？\n"
        "客户至上\n"
        "回访应在几天内完成？\n"
        "三天\n"
    )
    questions = parse_document("notes.txt", text.encode()).questions
    assert [(q.stem, q.answer, q.section) for q in questions] == [
        (
            "客户投诉的分类?",
            "服务投诉:对服务态度、服务效率不满意而引起的投诉,一般由一线班组长处理,\n当天回复客户。\n"
            "产品投诉:对产品质量不满意而引起的投诉。",
            "",
        ),
        ("简述首问负责制。", "第一位接待客户的员工负责到底,例如为什么要回访也由他说明。\n不得推诿。", ""),
        ("电话礼仪的要点?", "三声内接听、先报工号", "礼仪要点"),
        ("受理投诉后首先要做的是。", "安抚客户情绪", "礼仪要点"),
        ("服务的宗旨是什么?", "客户至上", "礼仪要点"),
        ("回访应在几天内完成?", "三天", "礼仪要点"),
    ]
    assert {q.chapter for q in questions} == {"第一章 组织"}


def test_a_reviewers_verdict_on_the_key_is_metadata_not_part_of_the_answer() -> None:
    qs = parse(
        "4440.敏捷开发适合安全性要求极高的项目。\n答案：no\n答案是否正确（Y为正确，N为错误）：Y\n"
        "4441.软件需求包括功能需求。（）\n答案：yes\n答案是否正确（Y为正确，N为错误）：N\n"
    )
    assert [(q["type"], q["answer"]) for q in qs] == [("truefalse", False), ("truefalse", True)]


def test_a_judgements_box_followed_by_the_words_that_correct_it() -> None:
    qs = parse(
        "三、判断题\n1.国际战略格局是指各国相互斗争的基本结构。（   ×    ）相互关系\n"
        "2.时代主题是带有全球性的核心问题。（   √   ）\n3.（ √ ）采取监测网络运行状态的措施。\n"
    )
    assert [(q["stem"], q["answer"], q["explanation"]) for q in qs] == [
        ("国际战略格局是指各国相互斗争的基本结构。", False, "相互关系"),
        ("时代主题是带有全球性的核心问题。", True, ""),
        ("( )采取监测网络运行状态的措施。", True, ""),
    ]


def test_a_heading_naming_the_topic_numbers_the_labelled_question_under_it() -> None:
    text = (
        "## 简单模式\n\n### 1. 服务礼仪\n\n题目：电话应在几声内接听？\n\n- A. 三声\n- B. 十声\n\n答案：A\n\n"
        "### 2. 服务礼仪\n\n题目：接待客户首先要？\n\n- A. 微笑问候\n- B. 争辩\n\n答案：A\n\n"
        "### 3. 投诉处理\n\n题目：投诉应当天回复。\n\n答案：正确\n"
    )
    questions = parse_document("bank.md", text.encode()).questions
    assert [(q.number, q.stem, q.answer) for q in questions] == [
        ("1", "电话应在几声内接听?", "A"),
        ("2", "接待客户首先要?", "A"),
        ("3", "投诉应当天回复。", True),
    ]


def test_a_hackmd_box_colours_a_block_and_a_fence_inside_it_stays_a_fence() -> None:
    text = (
        "## 选择题\n1. 对于函数定义：\n:::success\n```go\nfunc add(args ...int) int {\n    return 0\n}\n"
        "下面对add函数调用正确的是（）\nA. add(1, 2)\nB. add([]int{1, 2})\n```\n:::\n- 参考答案：A\n\n"
        "2. 关于协程，下面说法正确的是（）\n::: tip 答案\n```text\nB\n```\n:::\n"
    )
    questions = parse_document("go.md", text.encode()).questions
    assert [(q.stem.splitlines()[0], q.options, q.answer) for q in questions] == [
        ("对于函数定义:", ["add(1, 2)", "add([]int{1, 2})"], "A"),
        ("关于协程,下面说法正确的是()", [], "B"),
    ]
    assert "func add(args ...int) int {" in questions[0].stem


def test_a_blank_ending_the_question_is_answered_by_the_block_under_it_or_the_key_inside() -> None:
    text = (
        "## 填空题\n51. 声明一个整型变量i__________\n```go\nvar i int\n```\n"
        "52. 下面的程序的运行结果是__________\n```go\nfor i := 0; i < 3; i++ {\n    defer fmt.Print(i)\n}\n"
        "参考答案：210\n```\n"
        "53. 启动一个goroutine的关键字是__________\n```go\ngo\n```\n"
    )
    questions = parse_document("go.md", text.encode()).questions
    assert [(q.number, q.type, q.answer) for q in questions] == [
        ("51", "fill", ["var i int"]),
        ("52", "fill", ["210"]),
        ("53", "fill", ["go"]),
    ]
    assert "defer fmt.Print(i)" in questions[1].stem


GAOKAO_SUBJECT = (
    "2022年普通高等学校招生全国统一考试（全国甲卷）\n生物\n"
    "一、选择题：本题共2小题，每小题6分，共12分。\n"
    "1．钙在骨骼生长中发挥作用。下列叙述错误的是（    ）\nA．细胞中有钙\nB．钙可自由通过细胞膜\n"
    "2．线粒体是主要场所。下列叙述错误的是（    ）\nA．都能产生ATP\nB．需要O2直接参与\n"
    "29．（9分）\n根据光合作用中CO2的固定方式不同，可将植物分为C3植物和C4植物。回答下列问题。\n"
    "（1）光反应阶段的产物是____________。\n（2）光合产物不会全部运输到其他部位，原因是____________。\n"
    "37．【生物——选修1：生物技术实践】（15分）\n某同学分离得到两株细菌，并分析两个菌株的其他生理功能。\n操作步骤：\n"
    "①将菌株分别接种在液体培养基中培养；\n②在培养基中添加琼脂，制成平板。\n回答下列问题。\n"
    "（1）步骤①中，若最初接种N0个细菌，繁殖n代后细菌的数量是____________。\n"
    "（2）胸腺和浆细胞分别是____________、____________。\n\n"
    "2022年普通高等学校招生全国统一考试\n生物\n参考答案\n一、选择题\n"
    "1. B  2. A\n3.（1）O2、[H]和ATP\n（2）自身呼吸消耗\n4.（1）N0•2n\n（2）①. 胸腺    ②. 浆细胞\n"
)


def test_a_subject_cut_from_a_combined_gaokao_paper_is_read_with_its_key_pages_away() -> None:
    # numbers jump 2 → 29 → 37 at questions that open with their points; the paper's title is
    # printed again over the key, which numbers the questions 1…4 as they come
    questions = parse_document("gaokao.txt", GAOKAO_SUBJECT.encode()).questions
    assert [(q.number, q.type, q.answer) for q in questions] == [
        ("1", "single", "B"),
        ("2", "single", "A"),
        ("1", "fill", ["O2、[H]和ATP"]),
        ("2", "fill", ["自身呼吸消耗"]),
        ("1", "fill", ["N0•2n"]),
        ("2", "fill", ["胸腺", "浆细胞"]),
    ]
    assert questions[2].material.startswith("(9分)根据光合作用")
    assert "①将菌株分别接种" in questions[4].material
    assert {q.chapter for q in questions} == {"2022年普通高等学校招生全国统一考试(全国甲卷)"}


def test_a_parts_count_note_after_its_heading_is_no_question() -> None:
    qs = parse(
        "四、计算题：本题共2个小题，共20分。\n13．（10分）已知质量为m。\n（1）求重力；\n（2）求动能。\n"
    )
    assert [(q["number"], q["stem"]) for q in qs] == [("1", "求重力;"), ("2", "求动能。")]


def test_circled_questions_with_blanks_under_a_problems_text_are_its_sub_questions() -> None:
    qs = parse(
        "19. 兴趣小组用盐酸制备CO2，产生了废液。\n（1）废液的处理\n实验表明废液中的溶质是CaCl2和HCl。\n"
        "【结果讨论】\n①a→b阶段，观察到的现象是_______。\n②b点后反应的化学方程式为_______。\n"
    )
    assert [q["stem"] for q in qs][-2:] == [
        "a→b阶段,观察到的现象是_______。",
        "b点后反应的化学方程式为_______。",
    ]


def test_a_key_tagged_where_the_blank_is_answers_and_a_bold_label_stays_a_label() -> None:
    qs = parse(
        "生产经营单位应当<a>AB</a>。\nA.签订协议      B.统一协调\nC.订立合同      D.支付费用|\n"
        "<u>C</u>是服务的核心。\n<b>A</b>. 价格\n<b>B</b>. 速度\n<b>C</b>. 客户\n"
    )
    assert [(q["type"], q["stem"], q["options"], q["answer"]) for q in qs] == [
        ("multiple", "生产经营单位应当( )。", ["签订协议", "统一协调", "订立合同", "支付费用|"], "AB"),
        ("single", "是服务的核心。", ["价格", "速度", "客户"], "C"),
    ]


CLOZE_AND_READING = (
    "二、綜合測驗\n說明︰第16題至第17題，每題一個空格，請依文意選出最適當的一個選項。\n"
    "Street pigeons are a common sight in many European cities. In fact, a visit to a major city just\n"
    "would not be the same __16__ encountering them. In Barcelona, however, the birds are now threatening\n"
    "to __17__ the city's historic center, pooping on monuments, buildings, and even tourists.\n"
    "16. A. as B. for C. though D. without\n17. A. set up B. hang on C. take over D. break down\n"
    "第18至19題為題組\n"
    "The prickly pear cactus is such a powerful symbol in Mexico that it occupies a prime spot on the\n"
    "national flag. Now scientists have come up with a new use for the bright green plant: producing\n"
    "renewable energy from the husks that market vendors once threw away every single day.\n"
    "18. What is the purpose of this passage?\nA. To argue.\nB. To introduce a new source of energy.\n"
    "19. What do vendors throw away?\nA. Husks.\nB. Flags.\n"
    "20. Which word is closest to sacred?\nA. holy\nB. plain\n"
)


def test_cloze_blanks_and_reading_questions_share_their_passage_as_material() -> None:
    questions = parse_document("english.txt", CLOZE_AND_READING.encode()).questions
    assert [(q.number, q.type, q.stem, q.options[:2]) for q in questions] == [
        ("16", "single", "(16)", ["as", "for"]),  # (the blank its options fill, named)
        ("17", "single", "(17)", ["set up", "hang on"]),
        (
            "18",
            "single",
            "What is the purpose of this passage?",
            ["To argue.", "To introduce a new source of energy."],
        ),
        ("19", "single", "What do vendors throw away?", ["Husks.", "Flags."]),
        ("20", "single", "Which word is closest to sacred?", ["holy", "plain"]),
    ]
    cloze, reading = questions[0].material, questions[2].material
    assert cloze.startswith("Street pigeons") and "__17__" in cloze and questions[1].material == cloze
    assert reading.startswith("The prickly pear") and questions[3].material == reading
    assert questions[4].material == ""  # (past the group the header named)


def test_a_range_of_questions_a_parts_instructions_name_opens_none() -> None:
    qs = parse(
        "一、詞彙題\n說明︰第1題至第2題，每題有4個選項，請劃記在答案卡之「選擇題答案區」。\n"
        "第1-2题每题1分，共2分。\n"
        "1. Tom likes to _____ jokes.\n(A) alert (B) spare (C) play (D) tell\n"
        "2. Shoppers _____ the elevator.\n(A) take (B) eat (C) drink (D) sing\n"
    )
    assert [(q["number"], q["stem"]) for q in qs] == [
        ("1", "Tom likes to _____ jokes."),
        ("2", "Shoppers _____ the elevator."),
    ]


def test_a_hand_typed_exam_rules_answers_under_a_bare_label_and_tasks_numbered_in_words() -> None:
    qs = parse(
        "考试要求\n每题作为一个项目，要求:\n1,项目名称为Exam<题号>\n2,使用UTF-8编码\n\n"
        "第一题 简答题(每题两分)\n1. Java实现多线程都有哪些方式？\n答案：\n"
        "1：继承Thread类，实现其run方法\n2：实现Runnable接口，重写其run方法\n"
        "2. 如何实现线程同步？\n答案：\n加 synchronized 关键字\n\n"
        "第2-3题 上机编程题:\n第二题(8分)\n编程实现工资个人所得税计算程序：\n"
        "从命令行中接收用户输入的工资数,形式如下:\n请输入工资: xxxx\n所需要缴纳的税费为: xxxx\n"
        "第三题(8分)\n输入某年某月某日，给出下一天的日期。\n"
    )
    assert [(q["section"], q["number"], q["stem"].split("\n")[0], q["answer"]) for q in qs] == [
        (
            "第一题 简答题(每题两分)",
            "1",
            "Java实现多线程都有哪些方式?",
            "1:继承Thread类,实现其run方法\n2:实现Runnable接口,重写其run方法",
        ),
        ("第一题 简答题(每题两分)", "2", "如何实现线程同步?", "加 synchronized 关键字"),
        ("第2-3题 上机编程题", "2", "编程实现工资个人所得税计算程序:", None),
        ("第2-3题 上机编程题", "3", "输入某年某月某日,给出下一天的日期。", None),
    ]
    assert qs[2]["stem"].endswith("所需要缴纳的税费为: xxxx")


def test_a_range_of_questions_with_their_points_is_a_note_of_the_part_not_a_part() -> None:
    qs = parse(
        "一、選擇題\n第1-2题每题1分，共2分。\n1. 客户是？\nA.上帝\nB.对手\n2. 服务是？\nA.态度\nB.价格\n"
    )
    assert [(q["section"], q["number"]) for q in qs] == [("一、選擇題", "1"), ("一、選擇題", "2")]


def test_a_program_under_a_letter_key_is_its_example_and_an_unnumbered_question_follows() -> None:
    text = (
        "8. 【初级】关于循环语句，下面说法正确的有（）\nA. 支持while\nB. 与C没有差异\nC. 支持break\nD. 不支持逗号\n"
        "参考答案：CD\n\n```go\nfor i,j := 5,20; i <10; i, j = i+1 , j +1 {\n}\n```\n\n"
        "【初级】关于switch语句，下面说法正确的有（）\nA. 条件必须为常量\nB. 单个case可以有多个结果\n"
        "参考答案：B\n\n```go\nswitch flag {\ncase true:\n}\n```\n\n"
        "【中级】对于函数定义：\n\n```go\nfunc add(args ...int) int {\nreturn sum\n}\n```\n\n"
        "下面对add函数调用正确的是（）\nA. add(1, 2)\nB. add([]int{1, 3, 7}...)\n\n参考答案：AB\n"
    )
    questions = parse_document("go.md", text.encode()).questions
    assert [(q.stem.split("\n")[0], q.answer) for q in questions] == [
        ("【初级】关于循环语句,下面说法正确的有()", "CD"),
        ("【初级】关于switch语句,下面说法正确的有()", "B"),
        ("【中级】对于函数定义:", "AB"),
    ]
    assert questions[0].explanation.startswith("for i,j := 5,20")
    assert questions[1].explanation.startswith("switch flag {")
    assert questions[2].stem.endswith("return sum\n}\n下面对add函数调用正确的是()")


def test_circled_clauses_ending_in_semicolons_under_a_topic_are_its_answers_points() -> None:
    qs = parse(
        "5. Hashmap和hashtable的区别\n①、HashMap 是线程不安全的，HashTable 是线程安全的；\n②、HashTable 的效率比不上 HashMap；\n"
        "6. 下列属于集合的是（ ）\n①List\n②Map\nA.①\nB.①②\n答案：B\n"
    )
    assert [(q["type"], q["options"], q["answer"]) for q in qs] == [
        (
            "short",
            [],
            "①、HashMap 是线程不安全的,HashTable 是线程安全的;\n②、HashTable 的效率比不上 HashMap;",
        ),
        ("single", ["①", "①②"], "B"),
    ]


def test_a_second_cloze_passage_read_under_the_first_ones_last_blank_is_the_next_ones() -> None:
    story = "The city council originally proposed a plan for the pigeons in the old town, and the people "
    text = (
        "二、完形填空\n" + story + "__1__ it at once.\n" + story + "__2__ it later.\n"
        "1. A. liked B. hated\n2. A. saw B. forgot\n"
        + story.replace("city", "town")
        + "__3__ the birds.\n"
        + story
        + "__4__ them.\n"
        "3. A. fed B. chased\n4. A. counted B. named\n"
    )
    questions = parse_document("cloze.txt", text.encode()).questions
    assert [(q.number, q.options, q.material[:8]) for q in questions] == [
        ("1", ["liked", "hated"], "The city"),
        ("2", ["saw", "forgot"], "The city"),
        ("3", ["fed", "chased"], "The town"),
        ("4", ["counted", "named"], "The town"),
    ]
    assert "__4__" in questions[3].material and "__1__" not in questions[3].material


def test_a_line_of_clauses_under_a_question_that_asked_is_its_answer_though_it_says_whether() -> None:
    qs = parse(
        "6. 什么是 多标签-多分类问题？\n就是分类问题上其可能具有多个标签，例如其是不是奇数，是否在某个范围内，两个标签，而非二元分类\n"
        "7. 客户投诉时如何安抚？\n为什么客户会生气？\n"
    )
    assert [(q["stem"], q["answer"]) for q in qs] == [
        (
            "什么是 多标签-多分类问题?",
            "就是分类问题上其可能具有多个标签,例如其是不是奇数,是否在某个范围内,两个标签,而非二元分类",
        ),
        ("客户投诉时如何安抚?\n为什么客户会生气?", None),
    ]


READING_SET = (
    "Another cultural aspect of nonverbal communication is space. Every culture has its own comfort zone, "
    "and people keep a distance from each other that depends on where they come from.\n"
    "When Americans are talking, they expect others to respond to what they are saying, and to look at them "
    "while they talk; to look away is taken as a sign that the listener is not interested.\n"
    "66. How far people keep to each other is associated with their _______.\nA. origin\nB. culture\n"
    "67. Americans regard it as honest to _______.\nA. keep eye contact\nB. hide emotions\n"
    "Psychologists tell us that there are four basic stages that human beings pass through in a new culture, "
    "from the day they arrive to the day they feel at home there.\n"
    "Culture begins with the honeymoon stage. This is the period of time when we first arrive somewhere and "
    "everything is new and exciting; the second stage, when we miss home, can be more difficult.\n"
    "73. All of the following are about the second stage EXCEPT ________.\nA. we are homesick\nB. we adjust\n"
    "69. The main argument in this passage is that ____.\nA. a small percent live in the future\nB. none\n"
)


def test_english_reading_texts_without_headers_serve_the_questions_under_them() -> None:
    # numbers picked from several papers (66, 67, then 73, then 69): each over option A opens a question
    questions = parse_document("reading.txt", READING_SET.encode()).questions
    assert [(q.number, q.material.split(" ", 1)[0]) for q in questions] == [
        ("66", "Another"),
        ("67", "Another"),
        ("73", "Psychologists"),
        ("69", "Psychologists"),
    ]
    assert questions[1].explanation == "" and questions[1].options == ["keep eye contact", "hide emotions"]


def test_block_quotes_under_a_question_are_its_notes_never_the_next_ones_passage() -> None:
    # (a graded quiz quoting why each ticked answer is right, under questions its bullets keep)
    paper = (
        Path(__file__).parents[2] / "fixtures/corpus/papers/he2_google-it-automation-python-module1-graded.md"
    )
    questions = parse_document(paper.name, paper.read_bytes()).questions
    assert [q.number for q in questions][:6] == ["1", "2", "3", "4", "5", "6"]
    assert all(q.material == "" for q in questions)


def test_a_tables_question_cell_printing_its_options_again_keeps_the_stem_alone() -> None:
    table = (
        "| 题目 | A | B | C | 答案 |\n|---|---|---|---|---|\n"
        "| 不畏浮云遮望眼的作者是____A、苏轼B、辛弃疾C、王安石 | 苏轼 | 辛弃疾 | 王安石 | C |\n"
    )
    [question] = parse_document("bank.md", table.encode()).questions
    assert (question.stem, question.options, question.answer) == (
        "不畏浮云遮望眼的作者是____",
        ["苏轼", "辛弃疾", "王安石"],
        "C",
    )


ONLINE_QUIZ_SAVED_AS_MARKDOWN = """**1 .** `单选题` `中等` `2分`

```c
若int k=7,x=12;则值为3的表达式是（ ）。

A.
x%=(k%=5)

B.
x%=(k-k%5)

C.✅
(x%=k)-(k%=5)
```

**回答正确**

**解析**

```
1.按位与（&）
2.按位或（|）
```

**+ 2.0 分**

**2 .** ``单选题`` ``简单`` ``2分``

```
表达式!x等效于（ ）。

A.x==1

B.x==0✅
```

**回答错误**

**解析**

表达式等效即变量x取值相同时，两个表达式值相同。

**+ 0.0 分**
"""


def test_an_online_quiz_saved_as_markdown_tags_in_code_spans_verdicts_and_scores_dropped() -> None:
    # "`单选题` `中等` `2分`": type, difficulty and points; each label alone (ticked or not) over its
    # text in the block; "回答正确" and "+ 2.0 分" the trainee's verdict and score; "**解析**" a label
    questions = parse_document("quiz.md", ONLINE_QUIZ_SAVED_AS_MARKDOWN.encode()).questions
    assert [(q.number, q.stem, q.options, q.answer) for q in questions] == [
        ("1", "若int k=7,x=12;则值为3的表达式是( )。", ["x%=(k%=5)", "x%=(k-k%5)", "(x%=k)-(k%=5)"], "C"),
        ("2", "表达式!x等效于( )。", ["x==1", "x==0"], "B"),
    ]
    assert questions[0].explanation == "1.按位与(&)\n2.按位或(|)" and questions[0].difficulty == 3
    assert questions[1].explanation == "表达式等效即变量x取值相同时,两个表达式值相同。"


KEY_IN_RUNS_PER_PART = """一、判断题
1. Java is object oriented.
2. Java has pointers.
3. A class can extend two classes.
二、单选题
1. Which is a keyword?
A. goto
B. main
2. Choose the best fill in the blanks.
A. int
B. foo
3. Which prints?
A. print
B. System.out.println
三、填空题
1. The code prints two lines.
The output of //1 is: (1%)
The output of //2 is: (1%)
2. The value is ____.
3. The code prints two lines.
The output of //1 is: (1%)
The output of //2 is: (1%)
4. The code prints two lines again.
The output of //1 is: (1%)
The output of //2 is: (1%)
答案
一、TF F
二、ABB
三、（每空答案以 / 分隔）
1. Cat
2. 112
3. Dog
4. Pug
"""


def test_a_key_of_runs_a_part_each_and_a_part_noted_how_its_entries_read() -> None:
    # "一、TF F" for a judgement part, "二、ABB" a choice part, "三、（…）" a part's note over its
    # entries; "2. Choose the best fill…" after question 1 is question 2, no English part's heading;
    # the prompts each question repeats ("The output of //1 is: (1%)") stay in their stems
    questions = parse(KEY_IN_RUNS_PER_PART)
    assert [(q["number"], q["answer"]) for q in questions] == [
        ("1", True),
        ("2", False),
        ("3", False),
        ("1", "A"),
        ("2", "B"),
        ("3", "B"),
        ("1", ["Cat"]),
        ("2", ["112"]),
        ("3", ["Dog"]),
        ("4", ["Pug"]),
    ]
    assert questions[6]["stem"].endswith("The output of //2 is: (1%)")


INTERVIEW_GUIDE = """### HTTPS建立连接的过程是怎么样的？

客户端发起请求，TCP三次握手，跟服务器建立连接。

### HTTP的缓存策略是怎么样的？

HTTP 缓存主要分为强缓存和对比缓存两种。

#### 强缓存

浏览器缓存数据库里有缓存数据就不再去向服务器发请求了。

#### 对比缓存

浏览器向服务器确认缓存是否可用。

### HTTP报文结构是怎么样的？

#### 请求报文

由请求行、请求头、空行和请求内容构成。

#### 响应报文

由状态行、响应头、空行和响应内容构成。

##### HTTP状态码502，503，504各自代表着什么？

502 是网关错误，503 是服务不可用，504 是网关超时。
"""


def test_an_interview_guide_whose_questions_are_headings_over_subheadings_of_their_answers() -> None:
    # the "###" headings ask; the deeper ones ("#### 强缓存", "#### 请求报文": "请求" asks nothing)
    # are sections of the answer above, unless they ask themselves
    questions = parse_document("guide.md", INTERVIEW_GUIDE.encode()).questions
    assert [q.stem for q in questions] == [
        "HTTPS建立连接的过程是怎么样的?",
        "HTTP的缓存策略是怎么样的?",
        "HTTP报文结构是怎么样的?",
        "HTTP状态码502,503,504各自代表着什么?",
    ]
    assert "强缓存" in questions[1].answer and "对比缓存" in questions[1].answer
    assert questions[2].answer.startswith("请求报文") and "响应报文" in questions[2].answer


def test_a_list_from_one_under_a_keyed_choice_question_is_its_explanation_not_new_questions() -> None:
    # a worked-answer paper: "解答：答案选择C。", a sentence, then "1、…" "2、…" stating points (one
    # names "如何" in passing); the numbering resumes at 23 after them
    text = "\n".join(
        [
            f"{n}.以下关于软件过程的说法中，正确的是（ ）\nA.甲\nB.乙\nC.丙\nD.丁\n解答：答案选择B。"
            for n in range(1, 22)
        ]
        + [
            "22.RUP的9个核心工作流中不包括（ ）\nA.业务建模\nB.配置与变更管理\nC.成本\nD.环境",
            "解答：答案选择C。\nRUP中有9个核心工作流，分为6个核心过程工作流和3个核心支持工作流。",
            "1、商业建模(Business Modeling)：描述了如何为新的目标组织开发一个构想。",
            "2、需求(Requirements)：描述系统应该做什么。",
            "3、分析和设计(Analysis & Design)：将需求转化成未来系统的设计。",
            "23.（ ）工具用来管理一个软件的多个版本。\nA.软件测试\nB.版本控制\nC.UML建模\nD.逆向工程",
            "解答：答案选择B。",
        ]
    )
    questions = parse(text)
    assert [q["number"] for q in questions] == [str(n) for n in range(1, 24)]
    assert (questions[21]["answer"], questions[22]["answer"]) == ("C", "B")
    assert "2、需求" in questions[21]["explanation"]
    # a part numbered afresh whose heading was lost still opens on its "1" when it asks
    again = parse(text + "\n1.下列属于版本控制工具的是（ ）\nA.Git\nB.Word\n2.（ ）是构件。\nA.甲\nB.乙")
    assert [q["number"] for q in again[-2:]] == ["1", "2"]


def test_a_parts_key_on_one_line_in_bracketed_entries_and_a_part_named_with_its_subject() -> None:
    # Word numbered the questions "1." "2." (lost in the text); each part's key is one line of
    # "（n）answer；" entries, a number among them ("（3）11"); "SQL应用题" then opens the next part
    text = (
        "填空题（每题1分）\n1.SQL语言中，时间戳数据类型的关键字是______。\n"
        "2.定义外键时，需要使用短语：ON DELETE ______\n"
        "3.设每个磁盘块（大小为4KB）可存放10个元组，则磁盘I/O次数为______。\n"
        "4.______是语义网中的查询语言。\n"
        "答案：（1）TIMESTAMP；（2）CASCADE；（3）11；（4）SPARQL。\n"
        "单项选择题（每题1分）\n1.SQL语言中，删除一条记录的关键字是（ ）\nA.DELETE\nB.DROP\n"
        "2.下面关于视图的描述中，不正确的是（ ）\nA.视图提高了数据独立性\nB.视图与基表一一对应\n"
        "答案：（1）A；（2）B。\n"
        "SQL应用题\n设有一个数据库，其关系模式如下：\n(1)创建3个表；\n(2)查询发表论文最多的教师编号；\n"
    )
    questions = parse(text)
    assert [q["answer"] for q in questions[:6]] == [["TIMESTAMP"], ["CASCADE"], ["11"], ["SPARQL"], "A", "B"]
    assert questions[2]["stem"] == "设每个磁盘块(大小为4KB)可存放10个元组,则磁盘I/O次数为______。"
    assert [q["section"] for q in questions[6:]] == ["SQL应用题", "SQL应用题"]
    assert [q["stem"] for q in questions[6:]] == ["创建3个表;", "查询发表论文最多的教师编号;"]


def test_points_from_one_under_a_question_that_bids_are_its_answer_though_no_mark_asks() -> None:
    # "简述…方法。（6分）" bids without a question mark; the lines numbered afresh under it state
    # its answer's points; the next question that bids opens on the part's own number
    text = (
        "二、简答题\n1.简要解释跨媒体的三种跨越形式。（6分）\n不同类型数据之间的跨越。\n"
        "2.简述MPEG所使用的心理声学模型内容和在压缩过程中的应用方法。（6分）\n"
        "1.考虑了听觉阈值的概念:低于这个电平的声音信号人就听不到,因此可以去掉这部分信号。\n"
        "2.利用了听觉的掩蔽特性:人的听觉系统感觉不到强声中的轻声。\n"
        "3.阐述元宇宙发展面临的挑战。(10 分)\n"
    )
    questions = parse(text)
    assert [q["number"] for q in questions] == ["1", "2", "3"]
    assert "听觉阈值" in questions[1]["answer"] and "掩蔽特性" in questions[1]["answer"]


def test_an_answer_said_in_a_sentence_with_no_colon_ends_at_its_line() -> None:
    # a company's security quiz typed as notes: each question, then "答案是…" with no colon
    text = (
        "哪一个禁止在AIA中用于对称加密算法？\n答案是第一个\n\n"
        "收到可疑电子邮件后我们该怎么办？（多个答案）\n答案是1 2 4\n\n"
        "单向散列函数，允许在AIA中使用哪一个？\n答案是SHA-2\n\n"
        "以下哪项陈述不正确？\n答案是：1\n"
    )
    questions = parse(text)
    assert [q["answer"] for q in questions] == ["第一个", "1 2 4", "SHA-2", "1"]
    # a sentence opening "答案是" and going on is no label: the answer keeps its words
    reply = parse("1.为什么说客户永远是对的？\n答案是肯定的，因为客户决定企业的存亡。")[0]["answer"]
    assert reply == "答案是肯定的,因为客户决定企业的存亡。"


def test_a_keys_entries_go_to_a_questions_parts_one_a_blank_and_a_lone_underscore_is_a_blank() -> None:
    # a gaokao paper: "11．" over parts (1)–(3), their blanks left as one underscore each; the key
    # answers the blanks in order, "；" between, so part (3) of two blanks takes two entries
    text = (
        "二、非选择题\n10．（4分）简述光合作用的过程。\n11．（14分）某地开展改造沙漠的工程，沙漠正在变成以草本植物为主的生态系统。回答下列问题。\n"
        "（1）随着时间的推移，当地群落结构逐渐变得更为复杂，这在生态学上称为_。\n"
        "（2）随后的5年间，物种多样性指数略微下降，原因是_。\n"
        "（3）碳主要是以_的形式进行循环。这表明了信息传递在生态系统中的作用是_。\n"
        "参考答案\n10、光反应和暗反应\n11、群落的演替（演替）；部分生物种群在竞争中处于优势；二氧化碳（CO2）；调节种间关系\n"
    )
    parts = parse(text)[1:]
    assert [(q["type"], q["answer"]) for q in parts] == [
        ("fill", ["群落的演替(演替)"]),
        ("fill", ["部分生物种群在竞争中处于优势"]),
        ("fill", ["二氧化碳(CO2)", "调节种间关系"]),
    ]
    assert all(q["material"].startswith("(14分)某地开展改造沙漠的工程") for q in parts)


def test_an_answers_points_run_along_one_line_under_a_question_with_its_score_after_it() -> None:
    # a course's quiz: "？ 15" (the points scored after the question mark), then the answer's
    # points "（1）…；（2）…" along one line — not sub-questions
    text = (
        "1.面向连接服务能提供什么服务？ 15\n(1)可靠传输；(2)有序传输；(3)资源预置(使用)\n"
        "2.无连接服务的优点与缺点？ 15\n优点：无需知道网络状态\n"
    )
    questions = parse(text)
    assert [q["number"] for q in questions] == ["1", "2"]
    assert questions[0]["answer"] == "(1)可靠传输;(2)有序传输;(3)资源预置(使用)"


def test_a_choices_key_in_the_box_before_its_number_and_options_whose_texts_are_numbers() -> None:
    # "（B）1．…": a bank writes each key in the box before the question's number (as judgements
    # put their marks, "（√）1．…"); "（A）1.  （B）2." are options of a mathematics question
    text = (
        "一、单选题\n（B）1.客户服务的核心是什么\nA.产品 B.客户 C.价格 D.渠道\n"
        "（ CD ）2.以下哪些是渠道\nA.会议 B.报纸 C.电话 D.网站\n"
        "二、数学选择题\n1.当x趋于0时，若x-tanx与x^k是同阶无穷小，则k等于（ ）\n（A）1.  （B）2.  （C）3.  （D）4.\n"
        "2.回归方程在y轴上的截距为（ ）\nA.-10\tB.10\nC.89\tD.107.95\n"
        "3.下列说法正确的是（ ）\nA.ID3算法只能处理离散特征\tB.C4.5算法可以处理连续特征\n"
    )
    questions = parse(text)
    assert [(q["number"], q["answer"]) for q in questions[:2]] == [("1", "B"), ("2", "CD")]
    assert questions[0]["stem"] == "客户服务的核心是什么"
    assert [q["number"] for q in questions[2:]] == ["1", "2", "3"]
    assert questions[2]["options"] == ["1.", "2.", "3.", "4."]
    assert questions[3]["options"] == ["-10", "10", "89", "107.95"]
    assert questions[4]["options"] == ["ID3算法只能处理离散特征", "C4.5算法可以处理连续特征"]


def test_answer_points_labelled_in_lenticular_brackets_answer_the_parts_in_turn() -> None:
    # a 考研 politics paper: material, parts (1) (2), then "【答案要点】" over each part's answer
    text = (
        "三、分析题\n34.结合材料回答问题：\n材料1\n2014年首届世界互联网大会在乌镇召开。\n"
        "（1）联系自身实际，分析互联网带来的变化。（6分）\n（2）怎样以辩证的思维方式认识与处理这一关系？（4分）\n"
        "【答案要点】\n（1）科学技术是社会发展的重要动力。\n（2）辩证思维方式要求我们用联系、发展、全面的观点看问题。\n"
    )
    parts = parse(text)
    assert [q["answer"] for q in parts] == [
        "科学技术是社会发展的重要动力。",
        "辩证思维方式要求我们用联系、发展、全面的观点看问题。",
    ]
    # "结合材料回答问题：" asks nothing of its own: with its material, the parts' shared text
    assert all(q["material"].startswith("结合材料回答问题:\n材料1") for q in parts)


def test_a_story_under_an_open_parts_heading_then_an_instruction_pointing_back_is_the_material() -> None:
    # "分析设计题（30'）" names an open part; the story under it, then "请根据以上材料…回答", is the
    # material of the numbered questions after it, not a question of its own
    text = (
        "分析设计题（30'）\n2021年5月15日，天问一号火星探测器着陆火星，人类火星探测任务成功率目前只有50%左右。\n"
        "阿波罗11号登月时，阿波罗计算机连续重启了5次，所幸计算机在设计之时就考虑了优先级调度。\n"
        "请根据以上材料，结合操作系统所学知识，从以下两个问题中任选其一来回答\n"
        "1.试分析阿波罗11号计算机采用优先级调度的原因。\n2.若天问一号遭遇异常重启，请给出重启保护的设计方案。\n"
    )
    questions = parse(text)
    assert [q["number"] for q in questions] == ["1", "2"]
    assert {q["section"] for q in questions} == {"分析设计题(30')"}
    assert all(q["material"].startswith("2021年5月15日") for q in questions)
    assert all("请根据以上材料" in q["material"] for q in questions)


def test_a_teachers_copy_keys_each_choice_in_its_blank_and_ticks_judgements_with_a_logical_or() -> None:
    # a PDF of a teacher's copy: the blank's brackets and underline lost, its letter left among
    # spaces ("…的   C      始终相切", "力是  d    。"); judgements ticked "（ ∨ ）", crossed "（ × ）"
    text = (
        "二、单项选择题\n（   ）1、一对齿轮啮合时,两齿轮的   C      始终相切。\n"
        "(A)分度圆   (B)基圆    (C)节圆      (D)齿根圆\n"
        "（   ）2、力是具有大小和方向的物理量，所以力是  d    。\n（A）刚体      （B）数量     （C）变形体     （D）矢量\n"
        "三、判断题\n（ ∨  ）1、齿轮传动的标准安装是指分度圆与节圆重合。\n（  × ）2、键联接的主要用途是轴向固定。\n"
        "（  ∨ ）3、力偶对刚体的转动效应与它在作用面内的位置无关。\n"
    )
    questions = parse(text)
    assert [q["answer"] for q in questions] == ["C", "D", True, False, True]
    assert questions[0]["stem"].endswith("两齿轮的( )始终相切。")
    # brackets padded alike after a name ("DBS(   A       )") hold the key too, brackets and all
    boxed = parse("10.DBS具有数据独立性的原因是DBS(   A       )。\nA.三级模式\nB.共享\nC.冗余\nD.安全")[0]
    assert (boxed["stem"], boxed["answer"]) == ("DBS具有数据独立性的原因是DBS( )。", "A")
    # a letter in running text ("使用 C 语言") or one blank among two letters keys nothing
    plain = parse("1、下列关于  C  语言和  B  语言的说法正确的是（ ）\nA.甲\nB.乙\nC.丙\nD.丁")
    assert plain[0]["answer"] is None


def test_givens_over_parts_that_each_ask_are_the_parts_material() -> None:
    # "8、（8分）设有如下一组推理规则:" over the rules and "且已知…。", asking nothing itself, then
    # "（1）画出…" "（2）…求…": two questions sharing the givens
    text = (
        "三、简答题\n8、（8分）设有如下一组推理规则:\nr1:  IF  E1  THEN  E2   (0.6)\nr2:  IF  E3  THEN  H   (- 0.9)\n"
        "且已知 CF(E1)=0.8, CF(E3)=0.9。\n（1）画出推理网络图；\n(2)基于 EMYCIN 方法的推理，求：H 的综合可信度 CF(H)。\n"
        "9、（4分）已知：BX=1357H，DI=2000H，分别指出下面各指令中源操作数的寻址方式。\n（1）MOV AL，[BX]\n（2）MOV AH，[DI]\n"
    )
    questions = parse(text)
    assert [q["stem"] for q in questions[:2]] == [
        "画出推理网络图;",
        "基于 EMYCIN 方法的推理,求:H 的综合可信度 CF(H)。",
    ]
    assert all("r1:" in q["material"] and "且已知" in q["material"] for q in questions[:2])
    # parts that ask nothing ("（1）MOV AL，[BX]") under givens that ask are no such parts
    assert [q["stem"] for q in questions[2:]] == ["MOV AL,[BX]", "MOV AH,[DI]"]
    assert all(q["material"].endswith("分别指出下面各指令中源操作数的寻址方式。") for q in questions[2:])


def test_a_problems_question_asked_after_its_data_under_a_label_is_the_same_question() -> None:
    # "1. 一个程序被…编译…" over its table, then "问：X1和X2各有多少条指令？": one problem
    text = (
        "五．计算与分析题\n1. 一个程序被两个不同的编译器编译生成两种不同的指令序列X1和X2，指令情况如下表：\n"
        "指令类型\tA\tB\nX1的指令条数\t5\t3\n问：X1和X2各有多少条指令？CPI各为多少？\n"
        "2. 将十进制数-135.59375转换成IEEE754的32位标准浮点数格式。\n"
    )
    questions = parse(text)
    assert [q["number"] for q in questions] == ["1", "2"]
    assert "X1和X2各有多少条指令" in questions[0]["stem"]
    # under "要求：" the parts that bid ("（1）指出…", "（2）列出…") are its sub-questions
    parts = parse(
        "3. 设某计算机有5级中断，中断处理优先级为1>4>5>2>3。要求：\n（1）指出各中断处理程序的屏蔽字；\n（2）列出中断处理的次序。"
    )
    assert [q["stem"] for q in parts] == ["指出各中断处理程序的屏蔽字;", "列出中断处理的次序。"]


ONE_LINE_PAPER_KEY = (
    "一、单选题（每题1分）\n1）客户服务的核心是（ ）\na）产品 b）客户 c）价格 d）渠道\n"
    "2）以下哪项不是渠道（ ）\na）电话 b）邮件 c）会议 d）网站\n"
    "二、多选题\n3）投诉处理的原则有（ ）\na）倾听 b）争辩 c）及时 d）记录\n"
    "三、填空题\n4）客户满意度的英文缩写是________。\n5）服务的三要素是________、________和________。\n"
)


@pytest.mark.parametrize(
    "key",
    ["答案：1）b 2）c 3）acd 4）CSI 5）态度、技能、环境", "答案：1.B 2.C 3.ACD 4.CSI 5.态度、技能、环境"],
)
def test_one_line_key_under_the_last_part_answers_the_whole_paper_numbered_on(key: str) -> None:
    # the parts number on (the fill part's first question is 4): a key from 1 under the last part
    # is the paper's, whatever closes its numbers ("1）b", "1.B") and in either case of letter
    questions = parse(ONE_LINE_PAPER_KEY + key)
    assert [q["answer"] for q in questions] == ["B", "C", "ACD", ["CSI"], ["态度", "技能", "环境"]]


def test_an_option_starred_before_its_label_or_after_its_text_is_the_key() -> None:
    text = (
        "1.客户服务的核心是（ ）\nA.产品\n★B.客户\nC.价格\nD.渠道\n"
        "2.以下哪项不是渠道（ ）\nA.电话\nB.邮件\nC.会议 ★\nD.网站\n"
        "3.本题难度如何（ ）\nA.容易 ★★\nB.一般 ★★★\nC.较难\n"
    )
    questions = parse(text)
    assert [q["answer"] for q in questions] == ["B", "C", None]  # (a rating's stars key nothing)
    assert questions[1]["options"] == ["电话", "邮件", "会议", "网站"]


def test_the_gap_a_paper_leaves_before_its_answer_box_is_one_space() -> None:
    # a self-study paper pads each stem to the margin, where the box for the answer's code sits
    question = parse("1. 客户服务的核心是                                   【    】\nA. 产品  B. 客户")[0]
    assert question["stem"] == "客户服务的核心是 【    】"


def test_a_part_numbered_past_the_paper_after_a_parts_own_key_is_the_next_part() -> None:
    # each part keyed under itself, then "四、论述题": no key names a part the paper has not printed
    text = (
        "一、单选题\n1.客户来电时首先应当（  ）\nA.报工号  B.询问姓名  C.直接解答  D.转接\n参考答案：1.A\n"
        "二、简答题\n1.简述首问负责制。\n参考答案：\n1.第一位接待客户的员工负责到底。\n"
        "三、论述题\n1.论述客户服务的重要性。\n答：客户服务是企业竞争的核心。\n"
    )
    questions = parse(text)
    assert [(q["section"], q["answer"]) for q in questions] == [
        ("一、单选题", "A"),
        ("二、简答题", "第一位接待客户的员工负责到底。"),
        ("三、论述题", "客户服务是企业竞争的核心。"),
    ]


def test_a_part_giving_its_points_before_its_type_or_only_its_points_heads_its_questions() -> None:
    # a university paper's parts: "一、（本题满分20分）填空题。…", and "四、（本题满分15分）每小题3分，
    # 共15分。" naming no type, its setting over "1)…" "2)…" to answer
    text = (
        "一、（本题满分20分）填空题。每空1分，共20分。\n1.数据库系统由________、数据库管理员等组成。\n"
        "2.在关系数据库中无意义的值统称为________。\n"
        "四、（本题满分15分）每小题3分，共15分。\n设有一个公司产品销售数据库，其关系模式如下：\n"
        "顾客 C (编号 cid,姓名 cname)\n请用关系代数表示下述的操作请求。\n"
        "1)查询“没有购买过商品”的顾客的编号。\n2)查询顾客的姓名。\n"
    )
    questions = parse(text)
    assert [(q["type"], q["number"]) for q in questions] == [
        ("fill", "1"),
        ("fill", "2"),
        ("short", "1"),
        ("short", "2"),
    ]
    assert questions[0]["section"] == "一、(本题满分20分)填空题"
    assert "顾客 C" in questions[2]["material"]


def test_a_parts_points_after_its_colon_are_its_rules_not_a_question() -> None:
    # a self-study exam's parts: "五、论述题：本题10分。" over its one question
    text = (
        "四、简答题：本大题共1小题，6分。\n7．简述客户投诉处理流程。\n"
        "五、论述题：本题10分。\n8．试论述客户关系管理的意义。\n"
    )
    assert [(q["number"], q["stem"], q["answer"]) for q in parse(text)] == [
        ("7", "简述客户投诉处理流程。", None),
        ("8", "试论述客户关系管理的意义。", None),
    ]


def test_an_answer_label_left_empty_over_the_next_question_starts_no_key() -> None:
    # a bank answering each question under it, one "答案:" left empty: that question has no key
    text = (
        "1、代理的特征有（ ）。\nA:以被代理人名义\nB:独立意思表示\n答案:A\n"
        "2、下列不属于仲裁协议内容的是（ ）。\nA:仲裁意思表示\nB:排除法院管辖\n答案:\n"
        "3、实行地域和级别管辖的\n有（ ）。\nA:协商\nB:诉讼\n答案:B\n"
    )
    assert [(q["number"], q["answer"]) for q in parse(text)] == [("1", "A"), ("2", None), ("3", "B")]


@pytest.mark.parametrize(
    "key",
    [
        "参考答案一、1.B 2.A 二、1.√ 2.× 三、1.答:基本服务、满意服务。",
        "参考答案一、1.B 2.A二、1.√ 2.×三、1.答:基本服务、满意服务。",
    ],
)
def test_a_key_run_into_one_line_names_each_part_glued_to_what_went_before(key: str) -> None:
    # a scrape that ran the key into one line: "一、" glued to the label, "二、" to the last entry
    text = (
        "一、单选题\n1.客户服务的核心是( )。A.产品B.客户\n2.投诉首先要( )。A.倾听B.辩解\n"
        "二、判断题\n1.投诉是机会。( )\n2.可以争吵。( )\n三、简答题\n1.简述服务的层次。\n"
    )
    assert [q["answer"] for q in parse(text + key)] == ["B", "A", True, False, "基本服务、满意服务。"]


def _chapters(*counts: int) -> str:
    return "".join(
        f"第{'一二三'[n]}章 客户服务概述\n"
        + "".join(f"{i}.第{n + 1}章第{i}题的说法（ ）\nA.甲 B.乙 C.丙 D.丁\n" for i in range(1, k + 1))
        for n, k in enumerate(counts)
    )


@pytest.mark.parametrize(
    "key",
    [
        "参考答案\n第一章\n1-5 ABCDA 6.B\n第二章\n1-3 DCB\n",  # each chapter named alone over its entries
        "答案\n第一章：ABCDAB\n第二章：DCB\n",  # a letter a question of the chapter, run together
    ],
)
def test_a_key_at_the_end_names_the_papers_chapters_over_their_answers(key: str) -> None:
    questions = parse(_chapters(6, 3) + key)
    assert "".join(str(q["answer"]) for q in questions) == "ABCDABDCB"
    assert [q["section"] for q in questions].count("第二章 客户服务概述") == 3


def test_a_key_range_of_judgements_in_t_and_f() -> None:
    text = (
        "一、单选题\n1.客户服务的核心是（ ）\nA.产品 B.客户\n2.投诉首先要（ ）\nA.倾听 B.辩解\n"
        "二、判断题\n3.投诉是机会。（ ）\n4.可以争吵。（ ）\n5.要微笑。（ ）\n参考答案\n1～2 BA\n3～5 TFT\n"
    )
    assert [q["answer"] for q in parse(text)] == ["B", "A", True, False, True]


def test_a_key_titled_by_its_course_after_a_middle_dot_with_ranges_spaced_out() -> None:
    """A county's Word paper: "三年级信息技术·参考答案", then "1—5：A A C B C" and "6—10：F T F T T"
    (a run of T and F is read whole, not stopped at its first F as a letter)."""
    text = (
        "一、单项选择题\n1. 画图工具在（ ）\nA. 附件 B. 游戏 C. 系统\n2. 保存用（ ）\nA. 文件 B. 编辑 C. 查看\n"
        "二、判断题\n3. 文件名只能为数字。（ ）\n4. 写字板可设置字号。（ ）\n5. 拼音ü用u输入。（ ）\n"
        "三年级信息技术·参考答案\n一、单项选择题\n1—2：A A\n二、判断题\n3—5：F T F\n"
    )
    assert [q["answer"] for q in parse(text)] == ["A", "A", False, True, False]


def test_a_judgements_mark_in_bold_after_the_statement_is_its_key() -> None:
    md = "## 二、判断题\n\n1. 客户投诉是机会。（**√**）\n2. 可以与客户争吵。 **错**\n3. 要微笑。 **√**\n"
    questions = [q.as_json("t.md", i) for i, q in enumerate(parse_document("t.md", md.encode()).questions, 1)]
    assert [(q["stem"], q["answer"]) for q in questions] == [
        ("客户投诉是机会。", True),
        ("可以与客户争吵。", False),
        ("要微笑。", True),
    ]


def test_a_key_printed_after_the_stems_empty_box_leaves_one_box() -> None:
    question = parse("3.服务的本质是（ ）【B】\nA.满足需求 B.价格\n")[0]
    assert (question["stem"], question["answer"]) == ("服务的本质是( )", "B")


@pytest.mark.parametrize("part", ["Part 3 填空题", "Part III 填空", "PART Ⅲ 填空题"])
def test_a_part_numbered_in_english_names_its_type(part: str) -> None:
    questions = parse(f"第二大题 判断题\n2、投诉是机会。（√）\n{part}\n3、服务的本质是________。\n")
    assert [q["type"] for q in questions] == ["truefalse", "fill"]


def test_a_part_of_subjective_questions_and_its_points_labelled_in_the_key() -> None:
    # "四、主观题" over an unnumbered question; the key's "参考答案要点：" over its points
    text = (
        "一、单项选择题\n1. 新闻工作的生命线是（ ）\nA. 时效性 B. 真实性\n"
        "四、主观题\n结合总台定位，谈谈从业者应具备哪些核心素养？\n"
        "参考答案\n一、单项选择题\n1. B\n四、主观题\n参考答案要点：\n1. 政治素养。\n2. 文化素养。\n"
    )
    assert [(q["type"], q["answer"]) for q in parse(text)] == [
        ("single", "B"),
        ("short", "1. 政治素养。\n2. 文化素养。"),
    ]
    # on its own, under a question, the label is that question's answer
    answered = parse("二、简答题\n1. 简述服务的意义。\n参考答案要点：提高满意度。\n")
    assert answered[0]["answer"] == "提高满意度。"


def test_a_blank_set_in_code_is_a_blank_and_the_keys_part_keeps_its_entries() -> None:
    # a Markdown paper sets its blanks in code ("`__________`") so no emphasis is read in them;
    # its key's fill part answers "1. #" (an empty heading to Markdown), "2. True, False"
    md = (
        "## 二、填空题\n\n1. 单行注释使用 `__________` 符号。\n2. 布尔值是 `__________` 和 `__________`。\n\n"
        "## 四、程序设计题\n\n### 第1题：基础编程\n编写程序输出1到n的奇数和。\n\n"
        "## 参考答案\n\n### 二、填空题\n1. #\n2. True, False\n"
    )
    questions = parse_document("paper.md", md.encode()).questions
    assert [(q.stem, q.answer) for q in questions[:2]] == [
        ("单行注释使用 __________ 符号。", None),
        ("布尔值是 __________ 和 __________。", ["True", "False"]),
    ]


def test_a_part_of_terms_named_术语_asks_each_term_and_a_definition_may_use_question_words() -> None:
    # "一、术语" names a part of terms to define, as "名词解释" does; a definition is a long finished
    # statement that may say "什么" without asking, and "计算机…" opens one (no "计算" task)
    text = (
        "一、术语（3道）\n1. 过程模式\n"
        "一系列用来开发软件的通用技术，它只描述了开发人员应该做什么，而没有说明应该怎样做，因此能够复用。\n"
        "2. 适应性维护\n计算机领域的各个方面发展变化十分迅速，常需对软件加以改造，使之适应于新的环境。\n"
        "3. 基线\n基线是项目储存库中每个工件版本在特定时期的一个快照。\n"
    )
    questions = parse(text)
    assert [(q["type"], q["stem"], str(q["answer"])[:6]) for q in questions] == [
        ("short", "过程模式", "一系列用来开"),
        ("short", "适应性维护", "计算机领域的"),
        ("short", "基线", "基线是项目储"),
    ]


def test_an_essays_aspects_listed_under_it_are_its_stem_not_questions() -> None:
    # the essay of a 软考 paper: "请围绕…论题，依次从以下三个方面进行论述：" then "（1）…" "（2）…"
    text = (
        "三、论述题\n1. 论软件过程改进的实施。请围绕该论题，依次从以下三个方面进行论述：\n"
        "（1）叙述软件过程改进实施的主要活动。\n（2）概要叙述你参与实施的项目以及你所担任的主要工作。\n"
        "（3）具体阐述所发现并解决的主要问题和效果。\n\n2. 软件过程为什么必须进行改进？\n"
    )
    questions = parse(text)
    assert len(questions) == 2
    assert questions[0]["stem"].endswith(
        "（3）具体阐述所发现并解决的主要问题和效果。".replace("（", "(").replace("）", ")")
    )
    assert questions[1]["stem"] == "软件过程为什么必须进行改进?"


@pytest.mark.parametrize(
    ("above", "below"), [("1.BC，2.D 3.A\n", ""), ("1-3 ABA\n", ""), ("", "1.BC 2.D 3.A\n")]
)
def test_a_parts_unlabelled_key_on_a_line_of_its_own_keys_its_questions(above: str, below: str) -> None:
    # printed under the part's heading over its questions, or after them: a line of numbered keys
    # ("1.BC，2.D 3.A", "1-3 ABA") reads as no question
    text = (
        f"一、选择题：(每道题5分)\n{above}"
        "1.下列说法正确的有()\nA.甲\nB.乙\nC.丙\nD.丁\n"
        "2.下列说法正确的是()\nA.甲\nB.乙\nC.丙\nD.丁\n"
        f"3.下列说法错误的是()\nA.甲\nB.乙\nC.丙\nD.丁\n{below}二、判断题\n1.服务是核心。\n"
    )
    keyed = [q["answer"] for q in parse(text)]
    assert keyed == (["BC", "D", "A", None] if above != "1-3 ABA\n" else ["A", "B", "A", None])


def test_lettered_lines_under_an_open_question_or_a_programming_task_are_no_options() -> None:
    # under a question that has asked ("…有哪些区别？（4分）") they are its answer's points; under a
    # task announcing its requirements ("…完成下列功能:") in a part of programming tasks, the task's
    text = (
        "二、问答题\n1.接口和抽象类有哪些区别？（4分）\na.一个类可以实现很多个接口。\nb.抽象类可以有构造函数。\n"
        "三、编程题\n1.写程序,完成下列功能:\na.提示用户输入姓名，成绩\nb.拼接成字符串输出。\n"
    )
    short, task = parse(text)
    assert (short["type"], short["options"], short["answer"]) == (
        "short",
        [],
        "a.一个类可以实现很多个接口。\nb.抽象类可以有构造函数。",
    )
    assert (task["type"], task["stem"]) == (
        "short",
        "写程序,完成下列功能:\na.提示用户输入姓名,成绩\nb.拼接成字符串输出。",
    )


def test_a_markdown_bank_numbering_questions_on_headings_reads_plain_numbers_under_them_as_notes() -> None:
    # "### 2." after "### 4." is still the next question (the author misnumbered); "1.…" "2.…" in
    # the notes under a question are its points, unless they ask ("1. 写出真值表": its parts)
    md = (
        "## 三、单选题\n\n### 1.以下哪一个不是赋值符号？（`C`）\n+ A.`+=`\n+ B.`<<=`\n+ C.`<<<=`\n\n"
        "### 4.下列说法正确的是(`AD`)\n+ A.甲\n+ B.乙\n+ C.丙\n+ D.丁\n\n"
        "> 解答：\n\n1.String对象的两种创建方式：\n2.字符串拼接的规则。\n\n"
        "### 2.下列说法错误的是(`B`)\n+ A.甲\n+ B.乙\n\n"
        "### 5.有 A,B,C 三个雷达，要求给出最节省能源的方案。\n1. 写出真值表\n2. 用卡诺图化简，写出逻辑表达式\n"
    )
    questions = parse_document("bank.md", md.encode()).questions
    assert [(q.number, q.answer) for q in questions[:3]] == [("1", "C"), ("4", "AD"), ("2", "B")]
    assert [q.stem for q in questions[3:]] == ["写出真值表", "用卡诺图化简,写出逻辑表达式"]


def test_a_judgements_key_in_its_bracket_over_a_link_labelled_as_its_answer() -> None:
    # "(`A`)" keys the statement over "A.正确 B.错误"; the "解答：" under it is a link to read
    md = "## 二、判断题\n### 1.StringBuffer对象创建之后可以修改.(`A`)\n+ A.正确\n+ B.错误\n\n> 解答：https://example.com/1\n"
    question = parse_document("bank.md", md.encode()).questions[0]
    assert (question.type, question.answer, question.explanation) == (
        "truefalse",
        True,
        "https://example.com/1",
    )


def test_a_deeper_heading_inside_a_headed_question_is_part_of_its_notes() -> None:
    # a blog's solutions: "### 第1题" … "#### 📘 解析" … "#### 📌 知识点扩展" and a list: still the
    # question's notes, not a new topic whose list items are questions
    md = (
        "## 二、判断题\n\n### 第1题\n\n考试时通常不允许带智能手机。（ ）\n\n**答案：** √ 正确\n\n"
        "#### 📘 解析\n\n智能设备可联网。\n\n#### 📌 知识点扩展\n\n- **典型输入设备**：键盘\n- 赋值\n\n---\n\n"
        "### 第2题\n\n变量名可以数字开头。（ ）\n\n**答案：** × 错误\n"
    )
    questions = parse_document("blog.md", md.encode()).questions
    assert [(q.type, q.answer) for q in questions] == [("truefalse", True), ("truefalse", False)]
    assert "知识点扩展" in (questions[0].explanation or "")


def test_a_case_parts_answer_labelled_under_each_part_is_that_parts() -> None:
    # "问题1：…" then "参考答案：…" with the answer after the colon: that part's answer, not the start
    # of a key for the case (a case's key is "参考答案：" alone, or over "【问题1】" / "(1)")
    text = (
        "四、案例分析题\n某公司客服中心接到大量投诉，客户抱怨等待时间过长。\n"
        "问题1：分析投诉增多的原因。\n参考答案：人手不足。\n问题2：提出改进措施。\n参考答案：增加坐席。\n"
    )
    assert [(q["stem"], q["answer"]) for q in parse(text)] == [
        ("分析投诉增多的原因。", "人手不足。"),
        ("提出改进措施。", "增加坐席。"),
    ]


def test_a_numbered_story_over_its_labelled_parts_is_their_material() -> None:
    # "6. 当前企业…" with nothing under it, then "问题 1：" "问题 2：": the story the parts ask about
    text = (
        "四、应用题\n1. 简述首问负责制。\n2. 某公司客服中心接到大量投诉，客户抱怨等待时间过长。\n"
        "问题 1：分析投诉增多的原因。\n问题 2：提出改进措施。\n"
    )
    questions = parse(text)
    assert [(q["stem"], q["material"]) for q in questions] == [
        ("简述首问负责制。", ""),
        ("分析投诉增多的原因。", "某公司客服中心接到大量投诉,客户抱怨等待时间过长。"),
        ("提出改进措施。", "某公司客服中心接到大量投诉,客户抱怨等待时间过长。"),
    ]


def test_numbered_cases_each_ask_their_parts_from_1_again() -> None:
    # "1. story / 问题1 / 问题2 / 2. story / 问题1 …": case 2's number after case 1's last part starts
    # case 2's story; it is not more of that part's answer
    text = (
        "五、案例分析题\n1. 某客户投诉宽带连续三天无法上网。\n客服多次承诺上门维修均未兑现。\n"
        "问题1：如何安抚客户？\n答：先道歉，再倾听。\n问题2：企业应如何改进？\n答：建立工单跟踪。\n"
        "2. 某顾客购买冰箱一周后要求退货，商场拒绝。\n问题1：商场的做法是否正确？\n答：不正确。\n"
        "问题2：顾客可以通过哪些途径维权？\n"
    )
    questions = parse(text)
    assert [(q["stem"], q["answer"]) for q in questions] == [
        ("如何安抚客户?", "先道歉,再倾听。"),
        ("企业应如何改进?", "建立工单跟踪。"),
        ("商场的做法是否正确?", "不正确。"),
        ("顾客可以通过哪些途径维权?", None),
    ]
    assert questions[2]["material"].startswith("2. 某顾客购买冰箱")
    assert "冰箱" not in questions[1]["material"] and "冰箱" not in str(questions[1]["answer"])


def test_a_case_parts_single_label_under_a_case_heading_is_its_question() -> None:
    # under "案例分析题", a story then one "问题1：…": that part is the question, the story its material
    text = "四、案例分析题\n1. 某客户投诉宽带连续三天无法上网，客服多次承诺上门维修均未兑现。\n问题1：如何安抚客户？\n"
    assert [(q["stem"], q["material"]) for q in parse(text)] == [
        ("如何安抚客户?", "1. 某客户投诉宽带连续三天无法上网,客服多次承诺上门维修均未兑现。")
    ]


def test_an_exam_systems_question_id_is_metadata_not_stem() -> None:
    # "第1题 （2.0分）  题号:19218  难度:中": the exam system's id for the question, like its difficulty
    text = (
        "第1题 （2.0分）        题号:19218        难度:中        第1章\n\n一字节等于(   )。\n"
        "(A)8Byte\n(B)1024Byte\n(C)8bit\n(D)2bit\n\n"
        "第2题 （2.0分）        题号:19244        难度:易        第2章\n\nWord中格式刷按钮的作用是(    )。\n"
        "(A)复制文本\n(B)复制图形\n(C)复制表格\n(D)复制格式\n"
    )
    assert [q["stem"] for q in parse(text)] == ["一字节等于(   )。", "Word中格式刷按钮的作用是(    )。"]
    key = "参考答案\n题号：1  2  3\n答案：A  B  C\n"  # a key's grid still numbers its questions
    paper = "".join(f"{n}. 第{n}题选哪个（ ）\nA. 甲 B. 乙 C. 丙\n" for n in (1, 2, 3))
    questions = parse(paper + key)
    assert [q["answer"] for q in questions] == ["A", "B", "C"]


def test_a_programming_tasks_prose_and_announced_code_are_the_task() -> None:
    # no answer labelled anywhere: under "声明…类", its further instructions, the sample code they
    # announce ("…的例子：") and "选做：" are the task; a program with nothing announcing it answers it
    text = (
        "# 习题\n\n1．声明Patient类表示病人，包括name、age两个属性。\n\n"
        "声明存取方法，并用此方法生成一个Patient的例子：\n\nPatient april=new Patient();\n\n"
        "april.setAge(33);\n\n声明并测试toString()方法。\n\n"
        "2.编写一个多线程程序实现如下功能：线程A和线程B分别显示信息后等待。\n\n"
        "3.实现一个简易的租车系统。\n\n控制台测试：\n\n你是否要租车:1是 0否\n\n1\n\n选做：显示账单。\n\n"
        "4.定义一个模板函数，求两个值中较大的一个\n\ntemplate<class T>\n\nT max(T a, T b) { return a > b ? a : b; }\n"
    )
    questions = parse_markdown(text)
    assert [q["answer"] for q in questions[:3]] == [None, None, None]
    assert questions[0]["stem"].endswith("april.setAge(33);\n声明并测试toString()方法。")
    assert questions[1]["stem"].startswith("编写一个多线程程序实现如下功能:线程A")
    assert questions[2]["stem"].endswith("1\n选做:显示账单。")
    assert questions[3]["answer"].startswith("template<class T>")


@pytest.mark.parametrize("heads", ["", "##### "])
def test_a_bracketed_number_with_a_dot_after_it_is_the_questions_number(heads: str) -> None:
    # "（1）. 写出sql语句…": the dot belongs to the number, not to the stem (as a line or a heading)
    text = "".join(
        f"{heads}（{n}）. 写出sql语句，{ask}\n\nselect {what} from test;\n\n"
        for n, ask, what in [(1, "查询所有员工", "*"), (2, "统计员工", "count(*)"), (3, "查询姓名", "name")]
    )
    read = parse_markdown if heads else parse
    questions = read(f"{heads}建表：\n\ncreate table test(id int);\n\n{text}")
    numbered = [(q["number"], q["stem"]) for q in questions if q["number"]]
    assert numbered == [
        ("1", "写出sql语句,查询所有员工"),
        ("2", "写出sql语句,统计员工"),
        ("3", "写出sql语句,查询姓名"),
    ]


def test_numbers_over_lines_opening_in_latin_letters_still_number_questions() -> None:
    # "3：class类名中super…" ("1：" numbering, a Latin word first) and "11 js严格模式…是什么" (a number
    # and a space, under the unlabelled answer above it): the next questions; "1: Undefined" is not
    text = (
        "### 简答\n\n1：如何理解原型？\n\n\u200b\t\t每个构造函数都关联一个原型对象。\n\n"
        "2：class类名中super你是怎么应用？\n\n\u200b\t\tsuper指父类的构造函数。\n\n"
        "3 js严格模式和非严格模式区别是什么\n\n\u200b\t\t严格模式下无法删除变量。\n"
    )
    assert [(q["number"], q["stem"]) for q in parse_markdown(text)] == [
        ("1", "如何理解原型?"),
        ("2", "class类名中super你是怎么应用?"),
        ("3", "js严格模式和非严格模式区别是什么"),
    ]
    english = "#### 1. What is the output of below code\n\n```js\nconsole.log(typeof null);\n```\n\n" + (
        "- 1: Undefined\n- 2: object\n- 3: null\n"
    )
    assert [q["number"] for q in parse_markdown(english)] == ["1"]


def test_a_block_under_a_task_asking_for_code_is_its_answer() -> None:
    # "请手写instanceof原理函数？" / "封装一个数组去重的方法:" then a fenced block: the code asked for
    text = (
        "### 函数封装题目\n\n1：请手写instanceof原理函数？\n\n```\nfunction myInstanceof(a, B) {}\n```\n\n"
        "2:封装一个数组去重的方法:\n\n```\nlet unique = a => [...new Set(a)];\n```\n"
    )
    assert [(q["stem"], q["answer"]) for q in parse_markdown(text)] == [
        ("请手写instanceof原理函数?", "function myInstanceof(a, B) {}"),
        ("封装一个数组去重的方法:", "let unique = a => [...new Set(a)];"),
    ]


def test_a_list_number_alone_over_a_fenced_program_numbers_that_question() -> None:
    # "1." with nothing after it, then a fenced program: question 1 is the program (Markdown makes
    # the "1." an empty list item, which used to lose its number)
    text = (
        "### 程序题\n> 请写出下面变量的访问权限是什么？\n1.\n~~~js\nvar a = 23;\nfunction foo(){ return function (){}; }\n~~~\n\n"
        "2.\n~~~js\nif (1) { let b = 2; }\n~~~\n"
    )
    questions = parse_markdown(text)
    assert [(q["number"], q["type"]) for q in questions] == [("1", "short"), ("2", "short")]
    assert questions[0]["stem"].startswith("var a = 23;")  # ("function (){" is no blank to fill)


def test_a_key_glued_before_each_number_is_that_questions_key() -> None:
    # "A1.…", "D2电容式…", "A/C1…", "bc2…", "对1…": a bank printing each key before its number, the
    # question's text however it opens ("A3E-601B型…": question 3, keyed A)
    text = (
        "单选题\nA1.观测系统包括观测平台、____和资料处理单元。\n A、观测仪器 B、观测设备 C、仪器设备\n"
        "D2电容式湿度传感器利用____的原理测量。 A、甲 B、乙 C、丙 D、丁\n"
        "A3E-601B型蒸发器的防水圈口缘低于蒸发桶口____。 A、5cm B、7cm\n"
        "多选题\nA/C1综合集成硬件控制模块室外机包含____。\nA、光电转换模块； B、通讯连接模块 C、通信控制模块；\n"
        "bc2称重式雨量传感器在降水过程中伴随有____等杂物。\nA、柳絮； B、沙尘； C、树叶\n"
        "判断题\n对1能见度仪有故障时应人工补测。\n错2ISOS软件中基本站和一般站设置为3次。\n"
    )
    assert [(q["number"], str(q["stem"])[:6], q["answer"]) for q in parse(text)] == [
        ("1", "观测系统包括", "A"),
        ("2", "电容式湿度传", "D"),
        ("3", "E-601B", "A"),
        ("1", "综合集成硬件", "AC"),
        ("2", "称重式雨量传", "BC"),
        ("1", "能见度仪有故", True),
        ("2", "ISOS软件", False),  # ("基本站" is no site's "本站" notice)
    ]


def test_a_part_heading_like_a1_xing_ti_keys_nothing() -> None:
    # "A1型题" names a medical exam's part, and "Ch1" a chapter: no key before a question 1
    questions = parse("A1型题\n1.心脏位于（ ）\nA.胸腔 B.腹腔\nCh1组织工作流\n1.业务过程的分类？\n")
    assert [(q["stem"], q["answer"]) for q in questions] == [("心脏位于( )", None), ("业务过程的分类?", None)]


MOODLE_REVIEW = (
    "题目1\n正确\n获得2.00分中的2.00分\n标记题目\n题干\n客户服务的核心是（ ）\n选择一项：\na. 产品\nb. 客户\n"
    "c. 价格\n反馈\n你的回答正确\n正确答案是：客户\n"
    "题目2\n不正确\n获得2.00分中的0.00分\n标记题目\n题干\n以下哪些是沟通渠道？\n选择一项或多项：\na. 电话\n"
    "b. 邮件\nc. 会议\n反馈\n正确答案是：电话, 邮件\n"
    "题目3\n正确\n获得2.00分中的2.00分\n标记题目\n题干\n首问负责制是服务规范。\n选择一项：\n对\n错\n反馈\n"
    "正确的答案是“对”。\n"
)


def test_a_moodle_quiz_review_page_is_read_as_its_questions() -> None:
    # Moodle's review page as copied (the Open University's 形考 answers): "题目N" numbers the stem
    # under "题干"; its state, score, "标记题目", "选择一项：" and "反馈" are the page's, not text
    paper = parse_document("review.txt", MOODLE_REVIEW.encode())
    assert [(q.number, q.type, q.stem, q.answer) for q in paper.questions] == [
        ("1", "single", "客户服务的核心是( )", "B"),
        ("2", "multiple", "以下哪些是沟通渠道?", "AB"),
        ("3", "truefalse", "首问负责制是服务规范。", True),
    ]
    assert paper.coverage.unread == 0


def test_a_key_quoting_each_right_option_a_line_is_a_multiple_choice() -> None:
    # "参考答案：A．实事求是" then "B．群众路线" a line each (a MOOC's review page copied out, its
    # score "实际得分：2.0" with it): the key names each right option by label and text
    text = (
        "二 不定项选择题\n1.\n毛泽东思想活的灵魂的基本方面（ ）\n(2分)\nA．实事求是\nB 群众路线\nC独立自主\n"
        "D．党的建设\n实际得分：2.0\n参考答案：A．实事求是\nB 群众路线\nC独立自主\n"
        "2.\n新民主主义革命的基本思想见于（）\nA《中国社会各阶级的分析》\nB《论持久战》\nC《实践论》\n"
        "参考答案：A《中国社会各阶级的分析》\n"
    )
    assert [(q["type"], q["options"], q["answer"], q["explanation"]) for q in parse(text)] == [
        ("multiple", ["实事求是", "群众路线", "独立自主", "党的建设"], "ABC", ""),
        ("single", ["《中国社会各阶级的分析》", "《论持久战》", "《实践论》"], "A", ""),
    ]


def test_a_key_quoting_lines_that_are_not_its_options_is_no_key_of_letters() -> None:
    # the lines under "参考答案：A．…" say something else: its explanation, the letter alone the key
    questions = parse("1.沟通的要素有（）\nA．信息\nB．渠道\nC．噪声\n参考答案：A．信息\nB．渠道指媒介\n")
    assert [(q["type"], q["answer"]) for q in questions] == [("single", "A")]


def test_a_picture_only_linked_from_a_text_paper_sends_its_question_to_review() -> None:
    # "![图](img/q2.png)" in Markdown, "<img src=…>" in HTML: the file is not in the upload, so
    # the question showing it waits for review, the link named (a picture-free question does not)
    questions = parse_markdown(
        "1. 下图中的设备是什么？\n\n![设备](img/q1.png)\n\nA. 路由器\nB. 交换机\n\n答案：A\n\n"
        '2. 服务的核心是？<img src="https://example.com/q2.gif">\n\nA. 客户\nB. 产品\n\n答案：A\n\n'
        "3. 首问负责制的要点是？\n\nA. 负责到底\nB. 转给同事\n\n答案：A\n"
    )
    assert [[w for w in q["warnings"] if "picture" in w] for q in questions] == [
        ["picture img/q1.png was not uploaded with the paper"],
        ["picture https://example.com/q2.gif was not uploaded with the paper"],
        [],
    ]


def test_options_run_on_after_the_stems_box_lose_a_label_mark_or_two() -> None:
    # a PDF's options run on the stem's line: "()A自由…B.…" (A glued after the answer box) and
    # "A.组织建设 B 思想建设 C.…" (B lost its dot, C has it): both runs are the options
    text = (
        "16.治本之策是()A自由放任发展B.淘汰落后产能C.绿色低碳发展 D.发展化石能源答案：C\n"
        "24、新时代党的根本性建设是()A.组织建设 B 思想建设 C.作风建设 D.政治建设答案：D\n"
    )
    assert [(q["stem"], q["options"], q["answer"]) for q in parse(text)] == [
        ("治本之策是()", ["自由放任发展", "淘汰落后产能", "绿色低碳发展", "发展化石能源"], "C"),
        ("新时代党的根本性建设是()", ["组织建设", "思想建设", "作风建设", "政治建设"], "D"),
    ]


def test_a_letter_after_a_box_with_no_option_run_is_the_stems_text() -> None:
    # "（）A股" with no "B." after it: a word of the stem, not a run of options
    questions = parse("1.下列属于（）A股市场的特点？\n答案：流动性强\n")
    assert [(q["stem"], q["options"]) for q in questions] == [("下列属于()A股市场的特点?", [])]


def test_a_set_up_heading_over_tables_is_the_material_of_the_numbered_questions() -> None:
    # SQL exercise sets: "##### 建表：" over the schema, then "##### （1）. 写出sql…" headings each
    # answered below: the schema is what every question works on, not a question of its own
    questions = parse_markdown(
        "##### 建表：\n\ncreate table test(id int, age int);\n\n"
        "##### （1）. 写出sql语句，查询所有年龄大于20岁的员工\n\nselect * from test where age > 20;\n\n"
        "##### （2）. 写出sql语句，统计员工人数\n\nselect count(*) from test;\n\n"
        "##### （3）. 写出sql语句，按年龄降序列出员工\n\nselect * from test order by age desc;\n"
    )
    assert [(q["number"], q["material"], q["answer"]) for q in questions] == [
        ("1", "create table test(id int, age int);", "select * from test where age > 20;"),
        ("2", "create table test(id int, age int);", "select count(*) from test;"),
        ("3", "create table test(id int, age int);", "select * from test order by age desc;"),
    ]


def test_options_labelled_with_a_comma_run_along_their_line() -> None:
    # "A,微笑服务  B,拒绝服务 C,…": each label marked by a comma, on one line; Latin options too
    # ("A,ButtonGroup  B, RadioButtons"), once a "B," set apart shows the run
    text = (
        "1. 关于服务的说法正确的是( A )\nA,微笑服务  B,拒绝服务 C,推诿 D,争辩\n"
        "2. 创建子菜单的方法是( B )\nA,add \tB,addSubMenu C,createSubMenu \tD,createMenu\n"
        "3. 名单写作A,B两类( )\n答案：甲\n"
    )
    assert [(q["options"], q["answer"]) for q in parse(text)] == [
        (["微笑服务", "拒绝服务", "推诿", "争辩"], "A"),
        (["add", "addSubMenu", "createSubMenu", "createMenu"], "B"),
        ([], ["甲"]),  # ("A,B" named in a sentence: no options)
    ]


def test_the_right_options_texts_in_a_stems_box_are_its_key() -> None:
    # an exam system's copy prints the answer's text in the box ("…创立。（2003）"), several
    # options' texts set apart by spaces for a multiple choice; the box is emptied
    text = (
        "1．淘宝网在哪一年创立。（2003）\nA、2001\nB、2003\nC、2004\n"
        "2．电子商务的特点有哪些？（不受时空限制 成本低，效率高 交易环节少）\nA、不受时空限制\nB、成本低，效率高\n"
        "C、信息不透明\nD、交易环节少\n"
        "3．以下属于水果的是（苹果）\nA、白菜\nB、萝卜\n"
    )
    assert [(q["type"], q["stem"], q["answer"]) for q in parse(text)] == [
        ("single", "淘宝网在哪一年创立。( )", "B"),
        ("multiple", "电子商务的特点有哪些?( )", "ABD"),
        ("single", "以下属于水果的是(苹果)", None),  # (no option says 苹果: a note, left as printed)
    ]


def test_a_key_of_bracketed_parts_answers_a_fill_one_bracket_a_blank() -> None:
    # "【旗舰店】【专卖店】" in the key; the stem printed filled in the same brackets is emptied
    text = (
        "填空题\n1．天猫店铺类型主要有【旗舰店】、【专卖店】两种。\n2．电子商务的主体是____。\n"
        "答案\n填空题\n1．【旗舰店】【专卖店】\n2．【商务活动】\n"
    )
    assert [(q["stem"], q["answer"]) for q in parse(text)] == [
        ("天猫店铺类型主要有____、____两种。", ["旗舰店", "专卖店"]),
        ("电子商务的主体是____。", ["商务活动"]),
    ]


def test_a_bank_printed_as_a_table_of_number_key_and_question_is_read_row_by_row() -> None:
    # Taiwan's procurement banks: a header 編號|答案|試題 (a narrow column's, a character a line),
    # each row "N K question (1)…(4)…" wrapped over lines, a choice keyed by its option's number
    # and a 是非題 by O/X
    text = (
        "選擇題\n編\n號\n答\n案\n試題\n1 4依要點，以下何者不是基本設計階段審議\n之重點？ (1)經費合理性。 (2)技術可行性。"
        " (3)期程妥適性。 (4)以上皆\n是。\n2 2下列何者非措施？ (1)檢討移工規定。\n(2)全面開放移工。\n"
        "是非題\n編號 答案 試題\n1 O 機關編列計畫經費時，應針對物價調整編列費用。\n2 X 招標文件納入物調內容即符合範本。\n"
    )
    assert [(q["number"], q["type"], q["stem"], q["options"], q["answer"]) for q in parse(text)] == [
        (
            "1",
            "single",
            "依要點,以下何者不是基本設計階段審議之重點?",
            ["經費合理性。", "技術可行性。", "期程妥適性。", "以上皆是。"],
            "D",
        ),
        ("2", "single", "下列何者非措施?", ["檢討移工規定。", "全面開放移工。"], "B"),
        ("1", "truefalse", "機關編列計畫經費時,應針對物價調整編列費用。", [], True),
        ("2", "truefalse", "招標文件納入物調內容即符合範本。", [], False),
    ]


def test_a_table_with_a_unit_column_and_the_key_last_drops_the_units_name() -> None:
    # 序號|單元名稱|題目|答案: the unit's name (repeated down its rows, wrapped or on the question's
    # line) comes before each question, the key ends the row; each page repeats its banner
    text = (
        "序號 單元名稱 題目 答案\n1 政府採購概論 \n工程會發現流標，下列何者為非？(A)物價上漲(B)預算不符(C)工期不符。 A\n"
        "2 政府採購概論 機關辦理估驗計價，每期須扣除多少保留款？ (A)3％(B)5%(C)6%。 B\n"
        "┌ 115 年 版 ┐ 以單元順序排列\nhttps://example.com/page1.png\n序號 單元名稱 題目 答案\n┌ 115 年 版 ┐ 以單元順序排列\n"
        "3 單元一：第一章 公共工程\n品質管理制度\n依辦法，下列何者有誤？(A)甲(B)乙\nB\n"
        "4 單元一：第一章 公共工程\n品質管理制度\n品質缺失須如何預防？(A)修補(B)改變機制\nB\n"
    )
    assert [(q["number"], q["stem"], q["answer"]) for q in parse(text)] == [
        ("1", "工程會發現流標,下列何者為非?", "A"),
        ("2", "機關辦理估驗計價,每期須扣除多少保留款?", "B"),
        ("3", "依辦法,下列何者有誤?", "B"),
        ("4", "品質缺失須如何預防?", "B"),
    ]


def test_a_page_mark_between_a_stem_and_its_options_is_furniture() -> None:
    # a PDF turned into Markdown keeps "## 第 2 页" wherever a page broke, mid-question too; and
    # "【考纲知识点】…" under a key is the question's metadata, not its answer
    questions = parse_markdown(
        "一、单选题\n\n1. ChatGPT 不能完成的是（\n）。\n\n## 第 2 页\n\nA. 改邮件\n\nB. 擦地板\n\n【答案】B\n\n"
        "【考纲知识点】计算机基础（一级）\n\n【解析】擦地板不是程序的事。\n\n二、判断题\n\n1. if 语句可以没有else 子句。\n\n"
        "【答案】√\n\n【考纲知识点】分支结构（一级）\n"
    )
    assert [(q["type"], q["options"], q["answer"]) for q in questions] == [
        ("single", ["改邮件", "擦地板"], "B"),
        ("truefalse", [], True),
    ]


def test_a_key_in_brackets_before_each_number_is_that_questions_key() -> None:
    # "【D】1. 下列…" (and "[B] 2."): the key printed before the number, in brackets
    text = (
        "選擇題\n【D】1. 下列何者是有保護的買權?\n(A)甲\n(B)乙\n(C)丙\n(D)丁\n"
        "[B] 2. 連續複利的預期年報酬率是多少?\n(A)6%\n(B)8%\n"
    )
    assert [(q["number"], q["stem"], q["answer"]) for q in parse(text)] == [
        ("1", "下列何者是有保護的買權?", "D"),
        ("2", "連續複利的預期年報酬率是多少?", "B"),
    ]


def test_questions_after_a_papers_numbered_rules_begin_at_their_keyed_one() -> None:
    # a recruitment exam's PDF: its header fields ("科目:1.計算機原理 2.網路概論"), "注意事項"
    # printed a character a line over rules 1-3, then "[D] 1." keyed before each number
    text = (
        "經濟部所屬事業機構104 年新進職員甄試試題\n類別:資訊          節次:第二節\n科目:1.計算機原理 2.網路概論\n"
        "注\n意\n事\n項\n1.本試題共4頁。\n2.禁止使用電子計算器。\n3.考試時間：90分鐘。\n"
        "[D] 1.下列何者並非5大單元之一？\n(A)控制單元(B)算數與邏輯單元(C)輸出單元(D)程式單元\n"
        "[C] 2.單位由小到大的排列為？\n(A) KB < TB (B) TB < GB\n(C) KB < MB (D) MB < GB\n"
    )
    assert [(q["number"], q["answer"]) for q in parse(text)] == [("1", "D"), ("2", "C")]


def test_options_numbered_inside_the_question_are_keyed_by_their_numbers() -> None:
    # Taiwan's banks: "…應為？ (1) 停役 (2) 禁役 (3) 免役" keyed "1" (here a table's Ans column,
    # read as each row's key); "f(1)" in a formula numbers nothing, nor a key naming no option
    questions = parse_markdown(
        "| Ans | Question |\n|:---:|----------|\n"
        "| 1 | 替代役男傷病經鑑定不堪服役者，應為？ (1) 停役 (2) 禁役 (3) 免役\n"
        "| 3 | 列級貧困徵屬發給生活扶助金最高以幾口為限？ (1)2口 (2)4口 (3)6口 (4)8口。\n"
        "| 15日 | 應於配偶分娩前後幾日內請畢 (1)3日 (2)5日 (3)7日 (4)10日\n"
    )
    assert [(q["type"], q["stem"], q["options"], q["answer"]) for q in questions] == [
        ("single", "替代役男傷病經鑑定不堪服役者,應為?", ["停役", "禁役", "免役"], "A"),
        ("single", "列級貧困徵屬發給生活扶助金最高以幾口為限?", ["2口", "4口", "6口", "8口"], "C"),
        ("short", "應於配偶分娩前後幾日內請畢 (1)3日 (2)5日 (3)7日 (4)10日", [], "15日"),
    ]


def test_options_y_and_n_make_a_judgement_yes_and_no_stay_a_choice() -> None:
    # a test system's import format prints a judgement's options "A.Y" "B.N"; an English
    # paper's "A. Yes B. No" ("Does this meet the goal?") is a choice between two answers
    text = (
        "[判断]1.如果关系模式R属于3NF，则R属于2NF一定成立\nA.Y\nB.N\n答案:A\n@@@\n"
        "2. Does this solution meet the goal?\nA. Yes\nB. No\nAnswer: B\n"
    )
    assert [(q["type"], q["answer"]) for q in parse(text)] == [("truefalse", True), ("single", "B")]


def test_a_schools_term_header_over_the_key_is_no_part_of_the_last_question() -> None:
    # a recall paper's key starts on a page headed with the school and term, right after the
    # last question: the header is furniture, not the question's text
    text = (
        "二、论述题\n1.请论述价值规律在市场配置资源中的作用。\n哈尔滨工业大学（深圳）2022年秋季学期\n"
        "马克思主义基本原理试题参考答案\n二、论述题\n1.答：价值规律自发地调节生产资料的分配。\n"
    )
    assert [(q["stem"], q["answer"]) for q in parse(text)] == [
        ("请论述价值规律在市场配置资源中的作用。", "价值规律自发地调节生产资料的分配。")
    ]


def test_a_part_of_explanations_after_the_key_explains_the_questions_it_numbers() -> None:
    # a 真题 paper prints its key, then the paper's title again naming explanations
    # ("…——选择题部分解析") and its parts again: each entry explains its question, never a new one
    text = (
        "计算机专业基础综合试题\n一、单项选择题\n1.缓冲区的逻辑结构应该是。\nA．栈 B．队列 C．树 D．图\n"
        "2.栈 S 的容量至少是。\nA．1 B．2 C．3 D．4\n参考答案\n一、单项选择题\n1. B 2. C\n"
        "计算机专业基础综合试题——选择题部分解析\n一、单项选择题\n1．考查栈和队列的特点及应用。\n"
        "缓冲区需要先进先出，所以只有队列符合题意。\n2．考查栈的最大递归深度。\n栈内的最大深度为3。\n"
    )
    assert [(q["number"], q["answer"], q["explanation"]) for q in parse(text)] == [
        ("1", "B", "考查栈和队列的特点及应用。\n缓冲区需要先进先出,所以只有队列符合题意。"),
        ("2", "C", "考查栈的最大递归深度。\n栈内的最大深度为3。"),
    ]


def test_options_whose_labels_are_set_in_bold_are_options() -> None:
    # a Markdown bank bolds each option's label, "- **(A)** 发展不平衡"; the key is its own line
    text = (
        "### 1. 当前制约我国发展的主要根源是\n- **(A)** 发展不平衡不充分\n- **(B)** 社会法治化水平不高\n"
        "- **(C)** 文化建设相对滞后\n> **答案：** A\n"
    )
    assert [(q["stem"], q["options"], q["answer"]) for q in parse_markdown(text)] == [
        ("当前制约我国发展的主要根源是", ["发展不平衡不充分", "社会法治化水平不高", "文化建设相对滞后"], "A")
    ]


def test_a_key_in_bold_ending_the_questions_line_is_its_answer() -> None:
    # a Markdown bank bolds the key's letters where a paper prints them in the brackets;
    # a variable in bold inside the stem is not a key
    text = (
        "1.  下列字符串中，能作为Java程序标识符的是**A**\n\n    A. WHILE\n\n    B. short\n"
        "2.  设矩阵**A**可逆，下列正确的是\n\n    A. 行列式为零\n\n    B. 行列式不为零\n"
    )
    assert [(q["number"], q["answer"]) for q in parse_markdown(text)] == [("1", "A"), ("2", None)]


def test_a_material_questions_parts_labelled_in_chinese_numerals_each_ask() -> None:
    # a 中考 paper hands out texts under "阅读材料，回答下列问题。" and asks "问题一：" "问题二：";
    # the next numbered question is the next story, not the last part's text
    text = (
        "26、阅读材料，回答下列问题。\n2011年，中国共产党迎来建党90周年。\n材料一：马克思和恩格斯创立了马克思主义。\n"
        "问题一：马克思主义诞生的标志是什么？（1分）\n问题二：五四运动有何意义？（2分）\n"
        "27．阅读下列材料，回答问题。（13分）\n材料一：四大文明古国地图\n问题一：四大文明古国的分布有什么规律？（1分）\n"
    )
    questions = parse(text)
    assert [(q["number"], q["stem"]) for q in questions] == [
        ("1", "马克思主义诞生的标志是什么?"),
        ("2", "五四运动有何意义?"),
        ("1", "四大文明古国的分布有什么规律?"),
    ]
    assert ["马克思和恩格斯" in str(q["material"]) for q in questions] == [True, True, False]
    assert "四大文明古国地图" in str(questions[2]["material"])


def test_a_jyeoo_key_explains_each_question_and_closes_on_its_answer() -> None:
    # 菁优网 papers: parts headed by what they ask and their points, a key table for the
    # choices, then every question again: 【分析】…【解答】…故答案为：… / 故选：D。 then 【点评】
    text = (
        "一、积累：做到正确、端正、整洁。（3分）\n1．（3分）请用一句学过的古诗作为离别赠言。\n"
        "二、选择：做到认真思考，细心辨别。（每小题2分，4分）\n"
        "2．（2分）下面加点字注音完全正确的一项是（　　）\nA．蒙古 B．摇曳 C．依偎 D．秕谷\n"
        "3．（2分）下列诗句与中国传统节日无关的是（　　）\nA．清明时节雨纷纷 B．稻花香里说丰年 C．爆竹声中一岁除 D．今夜月明人尽望\n"
        "参考答案与试题解析\n题号\t2\t3\n答案\tD\tB\n"
        "一、积累：做到正确、端正、整洁。（3分）\n1．【分析】本题考查古诗积累。\n【解答】故答案为：\n"
        "海内存知己，天涯若比邻。\n【点评】要多积累。\n"
        "二、选择：做到认真思考，细心辨别。（每小题2分，4分）\n2．【分析】考查了汉字读音的辨析。\n"
        "【解答】D.正确。\n故选：D。\n【点评】注意平翘舌。\n3．【分析】考查节日风俗。\n故选：B。\n"
    )
    questions = parse(text)
    assert [(q["number"], q["answer"]) for q in questions] == [
        ("1", "海内存知己,天涯若比邻。"),
        ("2", "D"),
        ("3", "B"),
    ]
    assert [str(q["explanation"]).startswith(("本题考查", "考查")) for q in questions] == [True, True, True]


def test_a_key_set_out_by_parts_numbered_in_digits_answers_each_part() -> None:
    # a university quiz numbers its parts "1、判断题" and asks "1）" "2）" within; part 2 is one
    # problem for its points ("2、（10分）…" then "（1）" "（2）"); the key repeats the parts' numbers
    text = (
        "1、判断题（2*1分）\n1）指令中的操作数类型，须通过操作码显式或隐式表示。（ ）\n2）存储器按字节编址。（ ）\n"
        "2、（10分）某CPU 的存储器按字节编址，指令系统的指令格式如下图所示。\n"
        "（1）该指令系统中，数据寻址方式还包含哪几种？\n（2）某指令字为1150H，写出该指令的功能。\n"
        "参考答案（共12分）\n1、\n1）√ 2）×\n2、 1）立即寻址、基址寻址\n2）指令功能为R1←(R1)+50H\n"
    )
    assert [(q["type"], q["answer"], str(q["material"])[:6]) for q in parse(text)] == [
        ("truefalse", True, ""),
        ("truefalse", False, ""),
        ("short", "立即寻址、基址寻址", "(10分)某"),
        ("short", "指令功能为R1←(R1)+50H", "(10分)某"),
    ]


def test_textbook_exercises_numbered_by_chapter_and_place_with_a_dash() -> None:
    # an answer book's exercises picked from a textbook, "1-6" "1-14" "2-2", each asking on a
    # wrapped line below its number, answered under "答："
    text = (
        "第1章 概述\n1-6 一个客户－服务器系统使用了卫星网络，卫星的高度为40000km。在对一个请求进行\n"
        "响应的时候，最佳情形下的延迟是什么？\n答：约533msec。\n"
        "1-14 两个网络都可以提供可靠的面向连接的服务。这二者\n是否相同？\n答：不相同。\n"
        "第2章 物理层\n2-2 一条无噪声4kHz信道按照每1ms一次进行采样，请问最大数据传输率是多少？\n"
        "答：最大数据传输率决定于每次采样所产生的比特数。\n"
    )
    assert [(q["number"], q["answer"]) for q in parse(text)] == [
        ("1-6", "约533msec。"),
        ("1-14", "不相同。"),
        ("2-2", "最大数据传输率决定于每次采样所产生的比特数。"),
    ]


def test_a_programming_problems_sample_data_is_not_the_next_question() -> None:
    # a coding bank prints each problem's samples, "输出" over "2", and ranges "20-21,15,5-10" as
    # input: neither is a question numbered 2 or "20-21"
    text = (
        "1、5键键盘的输出\n有一个特殊的5键键盘，给定一系列键盘输入，输出最终屏幕上字母的数量。\n"
        "示例1：\n输入\n20-21,15,18,30,5-10\n15\n输出\n5-10,18,20-21,30\n说明\n1-3,5\n"
        "示例2：\n输入\n1 1 5\n输出\n2\n说明\n连续键入3个a\n答案：\nprint(2)\n"
        "2、N进制减法\n实现一个基于字符串的N机制的减法。\n答案：\nprint(n)\n"
    )
    assert [(q["number"], str(q["stem"])[:6]) for q in parse(text)] == [
        ("1", "5键键盘的输"),
        ("2", "N进制减法\n"),
    ]


def test_a_spreadsheet_pasted_into_word_quoted_cells_and_parts_numbered_from_their_start() -> None:
    # each question a quoted cell, its key in the next cell ('（D）…"⇥C'); option A sometimes run
    # onto the stem's line; the judgement part numbered from 201 under its own heading
    text = (
        "一、单选题\n1.人工智能快速发展的起点是？（A）图灵测试的提出\n（B）神经网络的出现\n"
        '（C）深度学习算法的突破\n（D）专家系统的应用"\tC\n'
        "二、判断题\n201为了培养新人，应该将所有复杂的标注任务都分配给他们。\t\n（A）正确\n"
        '（B）错误"\tB\n202对标注数据进行合理的分类和分层，可以提高标注效率。\n（A）正确\n（B）错误"\tA\n'
    )
    assert [(q["number"], q["type"], q["options"], q["answer"]) for q in parse(text)] == [
        ("1", "single", ["图灵测试的提出", "神经网络的出现", "深度学习算法的突破", "专家系统的应用"], "C"),
        ("201", "truefalse", [], False),
        ("202", "truefalse", [], True),
    ]


def test_a_note_on_where_the_key_is_and_parts_numbering_their_problems_anew() -> None:
    # "参考答案在 ANSWERS.md 中。" says where the key is (no key starts); "### Problem 1" under
    # "## 程序填空题" after the unanswered choices is that part's first problem, not question 1's key
    text = (
        "# exam1\n\n参考答案在 ANSWERS.md 中。\n\n## 客观题\n\n1. 数据元素之间逻辑关系被称为\n  A. 存储结构\n  B. 逻辑结构\n\n"
        "2. 对于链队，在进行删除操作时\n  A. 仅修改头指针\n  B. 仅修改尾指针\n\n## 程序填空题\n\n### Problem 1\n\n"
        "本题目要求删除顺序表的第i个元素。\n\n### Problem 2\n\n本题目要求实现带头结点链队列的出队操作。\n"
    )
    assert [(q["number"], str(q["stem"])[:8], q["answer"]) for q in parse_markdown(text)] == [
        ("1", "数据元素之间逻辑", None),
        ("2", "对于链队,在进行", None),
        ("1", "本题目要求删除顺", None),
        ("2", "本题目要求实现带", None),
    ]


def test_a_key_answers_a_material_questions_parts_under_their_labels() -> None:
    # a 中考 paper's key, titled "…试题答案及评分意见", answers question 26 part by part under
    # "问题一：" "问题二：" labels
    text = (
        "26、阅读材料，回答下列问题。\n材料一：马克思和恩格斯创立了马克思主义。\n"
        "问题一：马克思主义诞生的标志是什么？（1分）\n问题二：五四运动有何意义？（2分）\n"
        "历史与社会试题答案及评分意见\n26、问题一：《共产党宣言》的发表\n问题二：工人阶级从此登上了政治舞台\n"
    )
    assert [(q["stem"], q["answer"]) for q in parse(text)] == [
        ("马克思主义诞生的标志是什么?", "《共产党宣言》的发表"),
        ("五四运动有何意义?", "工人阶级从此登上了政治舞台"),
    ]


def test_a_keys_entry_may_open_with_a_number_and_a_legend_asks_nothing() -> None:
    # "1）2004H" in a key is entry 1 whose answer is a number (never "(x+1)2" in a question); a
    # figure's "说明：…" under a problem is its legend, not the problem asking, so its parts ask
    text = (
        "1、填空题（2*1分）\n1）数据在存储器中的地址是____。\n2）指令字长为____位。\n"
        "2、（10分）某CPU 的指令格式如下图所示。设(x+1)2＝9。\n4位2位2位8位说明：OP1为操作码\n格式1 OP1 RS RT\n"
        "（1）数据寻址方式还包含哪几种？\n（2）某指令字为1150H，写出该指令的功能。\n"
        "参考答案\n1、\n1）2004H\n2）32\n2、 1）立即寻址\n2）R1←(R1)+50H\n"
    )
    assert [(q["type"], q["answer"], str(q["material"])[:6]) for q in parse(text)] == [
        ("fill", ["2004H"], ""),
        ("fill", ["32"], ""),
        ("short", "立即寻址", "(10分)某"),
        ("short", "R1←(R1)+50H", "(10分)某"),
    ]


def test_a_programming_problems_statement_and_sample_notes_are_no_choice() -> None:
    # an online judge's bank: "输入描述:" "输出描述:" state a problem; its sample's notes lettered
    # "A、" "B、" are no options, and a statement of two lines over its fields is not its answer
    text = (
        "1、查找最优时间段\n给定一个数组，找出数组中最长时间段。\n输入描述:\n输入有两行内容。\n输出描述:\n"
        "输出数组下标对。\n示例1：\n输入\n1\n0 1 2 3 4\n输出\n0-2\n说明\nA、输入解释：数组[0, 1, 2, 3, 4]\n"
        "B、前3个元素的平均值为1，即0-2\n答案：\nprint('0-2')\n"
        "2、单词接龙\n单词接龙的规则是：首字母必须与前一个单词的尾字母相同。\n现给定一组单词，请输出最长的单词串。\n"
        "输入描述:\n输入的第一行为一个非负整数。\n输出描述:\n输出一个字符串。\n答案：\nprint(res)\n"
    )
    questions = parse(text)
    assert [(q["type"], q["options"], q["answer"]) for q in questions] == [
        ("short", [], "print('0-2')"),
        ("short", [], "print(res)"),
    ]
    assert "A、输入解释" in str(questions[0]["stem"])
    assert "现给定一组单词" in str(questions[1]["stem"])


def test_a_table_of_key_number_and_question_a_cell_a_line_keys_each_row() -> None:
    # Taiwan's 職業道德 bank: the header "答案 題號 題目", then each row's cells on their own lines,
    # the key "(4)" over the number; the options numbered (1)…(4) inside the question
    text = (
        "Part II : 職業道德\n\n答案\n題號\n題目\n\n"
        "(4)\n 1 \n 金融從業人員從事保險招攬行為，下列那一項是錯的？(1)解釋商品內容(2)說明填寫要保書(3)經公司授權招攬(4)向未授權公司招攬 \n \n"
        "(3)\n 2 \n 金融從業人員於保險業務員登錄後，應專為下列何者從事保險招攬？(1)自己(2)要保人(3)所屬公司(4)保險人 \n"
    )
    assert [(q["number"], q["stem"], q["options"], q["answer"]) for q in parse(text)] == [
        (
            "1",
            "金融從業人員從事保險招攬行為,下列那一項是錯的?",
            ["解釋商品內容", "說明填寫要保書", "經公司授權招攬", "向未授權公司招攬"],
            "D",
        ),
        (
            "2",
            "金融從業人員於保險業務員登錄後,應專為下列何者從事保險招攬?",
            ["自己", "要保人", "所屬公司", "保險人"],
            "C",
        ),
    ]


def test_a_recalled_paper_numbered_alone_on_lines_may_lose_a_question_and_labels_options_by_pipe() -> None:
    # a 软考 recall a practice app ships: "### 3" alone over each question, options "A|…", and
    # numbers the candidates could not recall left out ("### 5" after "### 3")
    subjects = {1: "CPU", 2: "Cache", 3: "磁盘", 5: "内存", 6: "中断"}
    blocks = [
        f"### {n}\n{word}中不包含下列哪个（ ）\nA|甲{n}\nB|乙{n}\n答案: B\n" for n, word in subjects.items()
    ]
    questions = parse("\n".join(blocks))
    assert [(q["number"], q["stem"], q["options"], q["answer"]) for q in questions] == [
        (str(n), f"{word}中不包含下列哪个( )", [f"甲{n}", f"乙{n}"], "B") for n, word in subjects.items()
    ]


def test_a_sites_fields_under_each_question_are_metadata() -> None:
    # a driving-test bank saved from its site: under each question heading a line of the site's
    # fields, "题号：1 · 章节：…", then the options, the key in bold and its explanation
    text = (
        "# 科目一考试题库\n\n## 1. 驾驶机动车违反道路交通安全法的行为，属于什么行为？\n\n"
        "题号：1 · 章节：全部题目、第1章：道路交通安全法律 · [原题](https://example.com/tiba/1/)\n\n"
        "- A、违章行为\n- B、违法行为\n\n**答案：B**\n\n解析：违反法律法规即为违法行为。\n\n"
        "## 2. 驾驶人造成事故后逃逸的，终生不得重新取得驾驶证。\n\n"
        "题号：2 · 章节：全部题目、第1章：道路交通安全法律\n\n- A、正确\n- B、错误\n\n**答案：A**\n"
    )
    assert [(q["stem"], q["options"], q["answer"], q["explanation"]) for q in parse_markdown(text)] == [
        (
            "驾驶机动车违反道路交通安全法的行为,属于什么行为?",
            ["违章行为", "违法行为"],
            "B",
            "违反法律法规即为违法行为。",
        ),
        ("驾驶人造成事故后逃逸的,终生不得重新取得驾驶证。", [], True, ""),
    ]


def test_an_exam_systems_case_its_questions_shuffled_and_keyed_before_their_options() -> None:
    # a law-enforcement exam's export: "id⇥story", then its questions in the order the system
    # shuffled them, each over "正确答案：X" and its options (B and C run together)
    story = "某市进行旧城改造，需进行旧房拆除。刘某与人民政府达不成协议，拒不搬迁，人民政府决定对其强制拆迁。"
    text = (
        f"202\t{story}\n4、受诉人民法院在7日内既不立案的，起诉人可以向上一级人民法院（）。\n正确答案：D\n"
        "A：申诉\nB：上诉C：控诉\nD：起诉\n1、人民法院当庭宣判的，应当在（）日内发送判决书。\n正确答案：C\n"
        "A：5日\nB：7日\nC：10日\nD：15日\n"
    )
    questions = parse(text)
    assert [(q["number"], q["options"], q["answer"]) for q in questions] == [
        ("4", ["申诉", "上诉", "控诉", "起诉"], "D"),
        ("1", ["5日", "7日", "10日", "15日"], "C"),
    ]
    assert all(str(q["material"]).startswith("某市进行旧城改造") for q in questions)


def test_a_judgements_key_in_a_tag_before_its_statement() -> None:
    # a lab-safety bank exported from an exam system: "1316、题干：【对】 …" (a choice's "【B】" the
    # same way), with "对" "错" printed under it as its choices
    text = (
        "1315、题干：【B】 操作铣床时必须戴好（  ）。\nA、围巾\nB、防护镜、安全帽\n"
        "1316、题干：【对】 应有针对性地做好实验室各项安全防范措施。\n对\n错\n"
        "1317、题干：【错】 实验室内可以存放大量易燃试剂。\n对\n错\n"
    )
    assert [(q["type"], q["stem"], q["answer"]) for q in parse(text)] == [
        ("single", "操作铣床时必须戴好(  )。", "B"),
        ("truefalse", "应有针对性地做好实验室各项安全防范措施。", True),
        ("truefalse", "实验室内可以存放大量易燃试剂。", False),
    ]


def test_a_quiz_set_question_by_question_in_code_blocks() -> None:
    # a course's Python quiz: each question a code block of its own, the number opening it (or
    # alone on its first line), its program, then options "(A)…(D)"
    text = (
        "# Python小測驗\n```\n1.要在螢幕輸出Hello, Python!  底下程式需使用哪個函數:\n\n"
        '________("Hello, Python!")\n\n(A) print   (B) printf   (C) printline   (D) printn\n```\n'
        '```\n2.\nif None:\n    print("Hello")\n以上程式碼輸出的結果是？\n\n(A) 沒有任何輸出\n(B) 語法錯誤\n'
        "(C) Hello\n(D) False\n```\n"
    )
    assert [(q["number"], q["options"]) for q in parse_markdown(text)] == [
        ("1", ["print", "printf", "printline", "printn"]),
        ("2", ["沒有任何輸出", "語法錯誤", "Hello", "False"]),
    ]


def test_a_worksheets_judgement_tag_and_its_worked_notes_label() -> None:
    # a Hong Kong textbook's checkpoint: "是非題：" opens a statement to judge; "答案：______" is the
    # pupil's blank and "題解：" the teacher's notes
    text = (
        "1. 是非題：中央處理器 （CPU） 不是系統組的一部分。\n答案：______\n"
        "題解：請參閱第1.2 節，中央處理器是系統組內部的部件。\n"
        "2. 是非題：主機板為附加組件提供插座或插槽。\n答案：______\n題解：主機板是一塊電路板。\n"
    )
    assert [(q["type"], q["stem"], q["explanation"]) for q in parse(text)] == [
        (
            "truefalse",
            "中央處理器 (CPU) 不是系統組的一部分。",
            "請參閱第1.2 節,中央處理器是系統組內部的部件。",
        ),
        ("truefalse", "主機板為附加組件提供插座或插槽。", "主機板是一塊電路板。"),
    ]


def test_a_parts_questions_listed_in_one_code_block() -> None:
    # a Java test in Markdown sets its 简答 part's questions in one block; a listing's numbered lines
    # of program under a question stay its program
    text = (
        "## 二、简答题 （共9分）\n\n```java\n1.      Java中的访问权限的作用域分别是什么？（3分）\n"
        "2.      Hashtable与HashMap有什么区别？（3分）\n3. \t\t简述 synchronized 的使用原理。（3分）\n```\n\n"
        "## 三、程序阅读题\n\n1. 下面程序的输出是什么？\n\n```c\n1. #include <stdio.h>\n2. int main() {\n"
        '3.     printf("%d", 1);\n4. }\n```\n'
    )
    questions = parse_markdown(text)
    assert [q["number"] for q in questions] == ["1", "2", "3", "1"]
    assert "2. int main() {" in str(questions[3]["stem"])


def test_a_programs_call_in_a_stem_names_no_option() -> None:
    # "a = bool(100)" above options "(B) 100": the call's argument, not the key printed in a box
    # (as "…由阿里巴巴创立。（2003）" over an option 2003 is)
    text = "```\n10.試問以下程式執行後輸出什麼結果:\na = bool(100)\nprint(a)\n\n(A) 0\n(B) 100\n(C) False\n(D) True\n```\n"
    assert [(q["options"], q["answer"]) for q in parse_markdown(text)] == [
        (["0", "100", "False", "True"], None)
    ]


def test_a_textbooks_section_numbered_by_chapter_and_place_heads_its_questions() -> None:
    # a Hong Kong worksheet's "第 1.2 節 系統組內有些甚麼？": a section of its questions, not the
    # last question's notes (a mention "見第1.2節" mid-line is text)
    text = (
        "第 1.1 節 桌上電腦的基本部件\n1. 傳統桌上型電腦由哪兩個主要部分組成？\nA. 鍵盤和滑鼠\nB. 系統組及周邊設備\n"
        "答案：B\n題解：見第1.2節。\n第 1.2 節 系統組內有些甚麼？\n1. 是非題：中央處理器不是系統組的一部分。\n答案：錯\n"
    )
    assert [(q["section"], q["number"], q["explanation"]) for q in parse(text)] == [
        ("第 1.1 節 桌上電腦的基本部件", "1", "見第1.2節。"),
        ("第 1.2 節 系統組內有些甚麼?", "1", ""),
    ]


def _titled_parts_paper(with_first_part: bool) -> str:
    first = "第一部分 基础知识\n一、单选题\n1、甲是（ ）\nA、一 B、二\n2、乙是（ ）\nA、三 B、四\n"
    second = "第二部分 法律法规\n一、单选题\n1、丙是（ ）\nA、五 B、六\n2、丁是（ ）\nA、七 B、八\n"
    key = (
        "第三部分 答案\n一、基础知识答案\n单选题\n1.A 2.B\n"
        "二、法律法规答案（本部分共两题，每题两分，不选、错选均不得分）\n单选题\n1.B 2.A\n"
    )
    return (first if with_first_part else "") + second + key


def test_a_key_set_out_by_titled_parts_answers_each_part_and_skips_a_part_not_printed() -> None:
    # a bank of two titled parts, each numbered from 1, keyed at the end part by part under each
    # part's title; a slice holding the second part alone keeps its own key, not the first's
    both = [(q["stem"], q["answer"]) for q in parse(_titled_parts_paper(True))]
    assert both == [("甲是( )", "A"), ("乙是( )", "B"), ("丙是( )", "B"), ("丁是( )", "A")]
    second = [(q["stem"], q["answer"]) for q in parse(_titled_parts_paper(False))]
    assert second == [("丙是( )", "B"), ("丁是( )", "A")]


def test_a_markdown_blank_filled_in_with_html_underline() -> None:
    text = "## 第一章\n\n1、DBAS的逻辑设计包括 <u>逻辑结构设计 和 概要设计</u>\n\n2、下列说法<u>不正确</u>的是（ ）\n\nA. 甲\n\nB. 乙\n"
    assert [brief(q) for q in parse_markdown(text)] == [
        ("fill", "DBAS的逻辑设计包括 ____", [], ["逻辑结构设计 和 概要设计"]),
        ("single", "下列说法不正确的是( )", ["甲", "乙"], None),
    ]


def test_an_mdx_exam_writes_its_blanks_keys_in_a_blank_component() -> None:
    """A documentation site's exams in MDX (Markdown with components): read as Markdown, the key of
    each blank inside "<Blank>…</Blank>" as an underlined blank's."""
    mdx = (
        "---\n科目: 软件工程\n---\n\n## 一、填空题（每题1分）\n\n"
        "1. 可工作的软件重于面面俱到的 <Blank>文档</Blank>。\n\n"
        "2. 测试用例由测试的 <Blank>输入数据</Blank> 和 <Blank>预期输出</Blank> 构成。\n"
    )
    questions = [
        q.as_json("exam.mdx", i) for i, q in enumerate(parse_document("exam.mdx", mdx.encode()).questions)
    ]
    assert [(q["type"], q["stem"], q["answer"]) for q in questions] == [
        ("fill", "可工作的软件重于面面俱到的 ____。", ["文档"]),
        ("fill", "测试用例由测试的 ____ 和 ____ 构成。", ["输入数据", "预期输出"]),
    ]


def test_a_prompt_answered_on_its_blank_is_no_statement_filled_in() -> None:
    # "正确的是:__c__": a trainee's letter for a choice whose options were lost, not a fill
    assert [q["type"] for q in parse("第二章\n9、关于XSS攻击说法正确的是:__c__")] != ["fill"]


def test_a_c_exams_parts_named_in_words_programs_commented_in_chinese_and_its_answer_sheet() -> None:
    """A university's C final: parts named by what they ask ("请认真阅读下列程序，…写出…输出结果",
    "请根据以下程序功能，将程序补充完整"), programs whose comments and strings are Chinese
    ("/*第一空*/") all the question's, and an answer sheet (答题纸) of numbered slots
    ("【1】______（2分）") that asks nothing."""
    text = (
        "二、请认真阅读下列程序，并请在答题纸上写出各个程序的输出结果（共6分）\n"
        "1. 有如下程序，其运行结果是____（本题4分）\n#include <stdio.h>\nint main()\n{\nint x = 10, *p;\n"
        'p = &x;\nprintf("%d\\n", *p+1);  /*第一空*/\n*p *= 3;\nprintf("结果：%d\\n", x);  /*第二空*/\n'
        "return 0;\n}\n"
        "三、请根据以下程序功能，将程序补充完整（共2分）。\n"
        "1. 以下函数求两个数的最大公约数，请将程序填写完整。\nint gcd(int m, int n)\n{\nif (n == 0) return ____;\n}\n"
        "2016—2017学年第一学期期末考试试题（答题纸）\n二、阅读程序写结果(共6分)\n"
        "【1】_______________（2分）\n【2】_______________（2分）\n"
    )
    questions = parse(text)
    assert [(q["type"], q["stem"].split("\n")[0]) for q in questions] == [
        ("fill", "有如下程序,其运行结果是____(本题4分)"),
        ("fill", "以下函数求两个数的最大公约数,请将程序填写完整。"),
    ]
    assert questions[0]["stem"].endswith("return 0;\n}")
    coverage = parse_document("c.txt", text.encode()).coverage
    assert coverage is not None and coverage.unread_blanks == 0  # (the sheet's slots are its layout)


def test_a_c_programming_exam_with_programs_blanks_and_answer_slots() -> None:
    """A C course's final: each question prints a program whose head "main()" comes back in every
    question (code, never a running header); a 判断 answer written into its blank ("___F___") or
    glued after the full stop ("。T"); "写出运行结果" over numbered slots "1. ______" (the
    question's, not questions); a 程序填空 whose program, blanks and slots are the question; a
    programming task whose "输入格式要求" and sample run are the task's, not its answer."""
    program = '#include<stdio.h>\nmain()\n{\nint x = 10;\nprintf("x=%d\\n", x);\n}\n'
    text = (
        "一、判断题\n1.(1分) 函数的定义可以嵌套，但函数的调用不可以嵌套。____F____\n"
        "2.(1分) 凡是函数中未指定存储类别的局部变量其隐含的存储类别是自动(auto)变量。T\n"
        "3.(1分) 不同的函数中可以使用相同的变量名。___T_____\n"
        f"二、一般填空题\n1.(5分) 写出下列程序的运行结果：\n{program}1. ________\n2. ________\n"
        f"2.(5分) 写出下列程序的运行结果：\n{program}1. ________\n"
        "三、程序填空题\n1.(5分) 从键盘输入一个长整数，如果这个数是负数，则取它的绝对值。\n"
        "main()\n{\nlong int n;\nscanf(__________);\nif (n < 0)\n__________\nprintf(__________);\n}\n"
        "1. ________\n2. ________\n"
        "四、普通编程题\n1.(8分) 从键盘输入某班学生的成绩，当输入为负值时表示输入结束，试编程计算并打印最高分。\n"
        '**输入格式要求："%d" 提示信息："Input score:"\n程序的运行示例如下：\nInput score:80\nInput score:-1\n'
        "The highest score is 80\n"
    )
    questions = parse(text)
    assert [(q["number"], q["type"], q["answer"]) for q in questions] == [
        ("1", "truefalse", False),
        ("2", "truefalse", True),
        ("3", "truefalse", True),
        ("1", "fill", None),
        ("2", "fill", None),
        ("1", "fill", None),
        ("1", "short", None),
    ]
    assert questions[3]["stem"] == f"写出下列程序的运行结果:\n{program}1. ________\n2. ________"
    assert questions[5]["stem"].endswith(
        "if (n < 0)\n__________\nprintf(__________);\n}\n1. ________\n2. ________"
    )
    assert questions[6]["stem"].endswith(
        "程序的运行示例如下:\nInput score:80\nInput score:-1\nThe highest score is 80"
    )


def test_an_answer_version_with_answers_in_blanks_points_and_a_passage_to_analyse() -> None:
    """A teacher's answer version of a final: a fill's English answers written on its blanks run
    long ("__IEEE Transactions on Automatic Control__"); a 简答's answer opens its points with
    ①② (sentences, never options); an 分析题 prints a text "其文如下" before it asks, then the
    answer."""
    text = (
        "一、填空题\n1.国内权威期刊名为__自动化学报__；国际权威期刊英文名是Automatica和"
        "__IEEE Transactions on Automatic Control__。\n"
        "二、简答题\n1.简述开环控制和闭环控制的特点。（8分）\n"
        "① 开环控制的特点是：仅根据给定量进行控制，而被控制量在全部控制过程中对控制量不产生影响。\n"
        "② 闭环控制，则会根据偏差实现反馈控制（一般是负反馈控制），例如电冰箱的温度控制。\n"
        "2.请简述反馈的作用。（8分）\n"
        "① 由于不确定性和外部扰动的存在，实际系统的行为和期望行为之间存在偏差，反馈可以减小偏差。\n"
        "三、分析题\n1. 北宋文学家欧阳修曾经写过一篇名为《卖油翁》的作品，其文如下\n"
        "陈康肃公尧咨善射，当世无双，公亦以此自矜。\n康肃问曰：“汝亦知射乎？吾射不亦精乎？”翁曰：“无他，但手熟尔。”\n"
        "请分析文中体现的自动控制中的一个重要思想。\n（仅供参考）体现了反馈的重要思想。\n"
    )
    questions = parse(text)
    assert [(q["type"], q["answer"]) for q in questions] == [
        ("fill", ["自动化学报", "IEEE Transactions on Automatic Control"]),
        (
            "short",
            "① 开环控制的特点是:仅根据给定量进行控制,而被控制量在全部控制过程中对控制量不产生影响。\n"
            "② 闭环控制,则会根据偏差实现反馈控制(一般是负反馈控制),例如电冰箱的温度控制。",
        ),
        ("short", "① 由于不确定性和外部扰动的存在,实际系统的行为和期望行为之间存在偏差,反馈可以减小偏差。"),
        ("short", "(仅供参考)体现了反馈的重要思想。"),
    ]
    assert questions[3]["stem"].endswith("但手熟尔。”\n请分析文中体现的自动控制中的一个重要思想。")


def test_a_fill_part_reads_no_key_in_a_topic_tag_or_a_formula_s_brackets() -> None:
    """学习通 tags a question by topic ("【算法基础】讨论…"): the tag opening the stem is no answer
    written in; nor are a formula's brackets ("O(1)"), while "客户是（上帝）" is one."""
    text = "一、填空题\n1. 【算法基础】讨论 O(1)和 O(n)的区别\n2. 服务的核心是（客户）。\n"
    assert [(q["stem"], q["answer"]) for q in parse(text)] == [
        ("【算法基础】讨论 O(1)和 O(n)的区别", None),
        ("服务的核心是____。", ["客户"]),
    ]


def test_a_bracketed_key_printed_between_the_stem_and_its_options() -> None:
    """A training bank prints the key "【B】" on the line under the stem, above the options: after
    a stem that asks ("…错误的？"), and when the key is "【A】" over "A. …", it is still the key,
    never a question of its own nor a label."""
    text = (
        "1.关于ADSL，以下哪种说法是错误的？\n【B】 \nA. 速率比MODEM高\nB. 速率与距离无关\nC. 上下行不对称\n\n"
        "2.ADSL采用的两种接入方式是\n【A】\nA. 虚拟拨号接入和专线接入\nB. 虚号接入和虚电路接入\n\n"
        "3.PPP使用哪些认证协议?\n【AB】\nA. PAP\nB. CHAP\nC. Quality\n"
    )
    assert [(q["type"], q["stem"], len(q["options"]), q["answer"]) for q in parse(text)] == [
        ("single", "关于ADSL,以下哪种说法是错误的?", 3, "B"),
        ("single", "ADSL采用的两种接入方式是", 2, "A"),
        ("multiple", "PPP使用哪些认证协议?", 3, "AB"),
    ]


def test_a_key_written_on_the_blanks_then_a_worked_solution() -> None:
    """A teacher's copy writes each key on its blank ("为__1um__") and works it out under the
    question ("解：…"): the written-in words are the answer, the working its explanation. Where
    nothing is written in, "解：" is still the answer."""
    text = (
        "(1) 节距L=2mm，脉冲源频率为200MHz，则分辨力为__1um__.\n解：分辨力等于节距除以脉冲源频率。\n"
        "(2) 简述测量元件的组成。\n解：敏感元件、转换元件和转换电路。\n"
    )
    assert [(q["type"], q["answer"], q["explanation"]) for q in parse(text)] == [
        ("fill", ["1um"], "分辨力等于节距除以脉冲源频率。"),
        ("short", "敏感元件、转换元件和转换电路。", ""),
    ]


def test_parts_numbered_by_a_digit_and_a_judgement_over_a_numbered_program() -> None:
    """A typeset certificate paper (GESP) numbers its parts "1 单选题（每题 2 分，共 30 分）" (a digit,
    the part's name, its points; pulled from a PDF the space may go); a judgement names the
    program under it ("下面C++代码执行后将输出10。( )") whose line numbers the PDF pulled apart
    from the code: the program, numbers and all, is the statement's."""
    text = (
        "1单选题（每题 2 分，共 30 分）\n第 1 题 C++表达式3 - 3 * 3 / 5的值是（ ）。\nA. -1\nB. -2\nC. 0\nD. 1\n"
        "2 判断题（每题 2 分，共 20 分）\n第 5 题 在C++中，表达式8/3和8%3的值相同。( )\n"
        "第 6 题 下面C++代码执行后将输出10。 ( )\n1\n2\n3\nint N = 0;\nfor (int i = 0; i < 10; i++)\nN += 1;\n"
        "第 7 题 在C++中，continue语句通常与if语句配合使用。( )\n"
    )
    questions = parse(text)
    assert [(q["section"], q["type"]) for q in questions] == [
        ("1单选题(每题 2 分,共 30 分)", "single"),
        ("2 判断题(每题 2 分,共 20 分)", "truefalse"),
        ("2 判断题(每题 2 分,共 20 分)", "truefalse"),
        ("2 判断题(每题 2 分,共 20 分)", "truefalse"),
    ]
    assert questions[2]["stem"] == (
        "下面C++代码执行后将输出10。 ( )\n1\n2\n3\nint N = 0;\nfor (int i = 0; i < 10; i++)\nN += 1;"
    )


def test_a_recalled_paper_lists_big_questions_as_bare_numeral_lines() -> None:
    """A paper recalled after the exam: "一、简答题" over its questions, then each big question on a
    numeral line of its own ("二、热电偶查表法，中间温度定律，精度" then "三、…"): each is a
    question, not a part with nothing in it. A paper's instructions listing its parts with
    their points ("三、词语解释 10 分（每题 1 分）") list parts, no questions."""
    text = (
        "过程控制2023春回忆版\n一、简答题\n1.过程控制系统相比一般控制系统的特点\n2.程序控制的定义，举例子\n\n"
        "二、热电偶查表法，中间温度定律，精度\n\n三、给出弹簧管压力计的图，写出各部分的名称\n\n四、流量计算\n\n"
        "五、简答题\n1.串级控制的优点是什么？\n"
    )
    assert [(q["number"], q["stem"]) for q in parse(text)] == [
        ("1", "过程控制系统相比一般控制系统的特点"),
        ("2", "程序控制的定义,举例子"),
        ("2", "热电偶查表法,中间温度定律,精度"),
        ("3", "给出弹簧管压力计的图,写出各部分的名称"),
        ("4", "流量计算"),
        ("1", "串级控制的优点是什么?"),
    ]
    listed = "一、单选题\n1.客户是？\nA.上帝\nB.朋友\n三、词语解释 10 分（每题 1 分，共 10 题）\n四、作文 20 分（800 字左右）\n"
    assert [q["stem"] for q in parse(listed)] == ["客户是?"]


def test_a_paper_typed_without_marks_after_its_numbers() -> None:
    """A recalled paper typed in haste: "一简答题", "1系统的定义 三要素", "2线性定常…" (no "、" nor
    "." after any number) and parts named by kinds of problem ("三模型转换题", "五辨识题") over
    questions with no number. Each line is read as its marks would have it; "一些怪题" counts."""
    text = (
        "系统建模与仿真2022秋期末试题回忆\n一简答题\n1系统的定义 三要素 举个实例\n2线性定常连续系统的4种数学模型\n"
        "3系统辨识的定义 三要素\n三模型转换题\n给出倒立摆的简化数学模型\n五辨识题\n给一阶系统阶跃响应曲线，求一阶系统的T和K\n"
    )
    assert [(q["section"], q["number"], q["stem"]) for q in parse(text)] == [
        ("一简答题", "1", "系统的定义 三要素 举个实例"),
        ("一简答题", "2", "线性定常连续系统的4种数学模型"),
        ("一简答题", "3", "系统辨识的定义 三要素"),
        ("三模型转换题", "", "给出倒立摆的简化数学模型"),
        ("五辨识题", "", "给一阶系统阶跃响应曲线,求一阶系统的T和K"),
    ]
    counted = "一、单选题\n1. 客户是？\nA. 上帝\nB. 朋友\n一些怪题\n2. 服务是？\nA. 微笑\nB. 争辩\n"
    assert [q["section"] for q in parse(counted)] == ["一、单选题", "一、单选题"]


def test_bracketed_labels_with_colons_and_the_compiler_s_notes() -> None:
    """A compiled practice bank: "【练习说明】" over the compiler's numbered notes (no questions);
    "【参考答案】：D" (a colon after the bracketed label) and "【出处】：课本第3页" under it, the
    source its explanation."""
    text = (
        "【练习说明】\n1.选择题均出自专升本统考或模拟试题。\n2.练习题目不保证有效性，仅供参考。\n导论·练习\n一、单选题\n"
        "1.党的二十大提出的（ ），是思想的世界观、方法论。\nA.“三个务必” B.“六个必须坚持”\n【参考答案】：B\n【出处】：课本第6页\n"
        "二、判断题\n1.这一思想是马克思主义中国化的第一次历史性飞跃。（ ）\n【参考答案】：错误\n【出处】：课本第1页\n"
    )
    assert [(q["type"], q["answer"], q["explanation"]) for q in parse(text)] == [
        ("single", "B", "课本第6页"),
        ("truefalse", False, "课本第1页"),
    ]


def test_a_markdown_bank_with_a_heading_for_each_field_of_a_question() -> None:
    """A bank's database written out as Markdown: "## 客观题 1 (ID: 854)" over "### 题目内容",
    "### 选项", "### 正确答案" and "### 解析", each field's text under its heading. The heading
    over the stem numbers the question; the key and explanation headings label what follows."""
    md = (
        "# 第一部分：客观题\n\n## 客观题 1 (ID: 854)\n\n**难度**: easy\n\n### 题目内容\n\n"
        "这类传感器类似于计算机的( )。\n\n### 选项\n\n- **A**: 处理器\n- **B**: 存储器\n- **C**: 输入设备\n\n"
        "### 正确答案\n\n**C**\n\n### 解析\n\n传感器用于采集外部数据。\n\n---\n\n"
        "## 客观题 2 (ID: 900)\n\n### 题目内容\n\n`cout << 5 % 2;` 的输出是2。\n\n### 选项\n\n"
        "- **A**: 正确\n- **B**: 错误\n\n### 正确答案\n\n**B**\n\n### 解析\n\n余数是1。\n"
    )
    questions = parse_markdown(md)
    assert [(q["number"], q["stem"], q["options"], q["answer"], q["explanation"]) for q in questions] == [
        (
            "1",
            "这类传感器类似于计算机的( )。",
            ["处理器", "存储器", "输入设备"],
            "C",
            "传感器用于采集外部数据。",
        ),
        ("2", "`cout << 5 % 2;` 的输出是2。", [], False, "余数是1。"),  # (正确/错误 options: a judgement)
    ]


def test_a_drill_app_s_records_of_marker_lines() -> None:
    """A drill app's data file: "#CHOICE" over the stem, "#OPTIONS" over one option a line,
    "#CORRECT" over the right option's place, "#END"; "#JUDGE" for a judgement. Each record is a
    question, the markers are furniture, the place a letter."""
    records = (
        "#CHOICE\n某信道的信息传输速率为 64kb/s，则该信道的波特率为( )。\n#OPTIONS\n16kBaud\n32kBaud\n128kBaud\n"
        "#CORRECT\n2\n#END\n\n#CHOICE\n无噪声的 8kHz 信道，最大传输速率是( )。\n#OPTIONS\nA. 24kb/s\nB. 48kb/s\n"
        "#CORRECT\n1\n#END\n\n#JUDGE\nTCP 是面向连接的协议。\n#CORRECT\n正确\n#END\n"
    )
    paper = parse_document("cn.txt", records.encode("gbk"))
    assert [(q.type, q.stem, q.options, q.answer) for q in paper.questions] == [
        (
            "single",
            "某信道的信息传输速率为 64kb/s,则该信道的波特率为( )。",
            ["16kBaud", "32kBaud", "128kBaud"],
            "B",
        ),
        ("single", "无噪声的 8kHz 信道,最大传输速率是( )。", ["24kb/s", "48kb/s"], "A"),
        ("truefalse", "TCP 是面向连接的协议。", [], True),
    ]
    assert paper.coverage is not None and (paper.coverage.unread, paper.coverage.verdict) == (0, "ok")


def test_a_chapter_key_printing_one_run_of_marks_a_part() -> None:
    """Textbook exercises, a chapter at a time: "判断题" and "单选题" parts each numbered from (1),
    then "## 答案" printing one run of marks a line, a line a part ("TF", "BA"), without the
    parts' names. Each run keys the chapter's part whose questions it counts; a key naming its
    part ("一、选择题" over "A B …") is not read so."""
    md = (
        "# 习题1\n## 判断题\n(1) 甲是乙。(   )\n(2) 丙是丁。(   )\n## 单选题\n(1) 甲是（ ）\nA. 乙\nB. 丙\n\n"
        "(2) 丙是（ ）\nA. 丁\nB. 戊\n\n## 答案\n- TF\n- BA\n\n# 习题2\n## 判断题\n(1) 子是丑。(   )\n"
        "(2) 寅是卯。(   )\n(3) 辰是巳。(   )\n## 单选题\n(1) 子是（ ）\nA. 丑\nB. 寅\n\n## 答案\nFTT\nA\n"
    )
    assert [(q["chapter"], q["type"], q["answer"]) for q in parse_markdown(md)] == [
        ("习题1", "truefalse", True),
        ("习题1", "truefalse", False),
        ("习题1", "single", "B"),
        ("习题1", "single", "A"),
        ("习题2", "truefalse", False),
        ("习题2", "truefalse", True),
        ("习题2", "truefalse", True),
        ("习题2", "single", "A"),
    ]


def test_a_set_after_a_key_opens_with_a_question_cut_at_the_pages_width() -> None:
    """Sets of exercises each numbered from 1 and keyed under their last question ("答案：1-5.
    ABACB"), in text hard-wrapped at a PDF page's width: the next set's "1." is a question again
    when its options follow the rest of its line, not only when they follow the line itself."""

    def one_set(topic: str) -> str:
        stem = (
            "：客户来电投诉服务态度，坐席应当先倾听再致歉，然后记录问题并承诺回访，下列说法正确的一项是哪一个"
        )
        lines = [f"{n}. {topic}第{n}题{stem}" for n in range(1, 6)]
        wrapped = ["\n".join(line[i : i + 30] for i in range(0, len(line), 30)) for line in lines]
        return "".join(f"{w}\nA. 甲\nB. 乙\nC. 丙\nD. 丁\n" for w in wrapped) + "答案：1-5. ABCDA\n"

    questions = parse("专项训练（1）\n" + one_set("一") + "专项训练（2）\n" + one_set("二"))
    assert [(str(q["stem"])[:4], q["answer"]) for q in questions] == [
        (f"{topic}第{n}题", key) for topic in "一二" for n, key in zip(range(1, 6), "ABCDA", strict=True)
    ]


def test_a_part_that_tells_the_candidate_to_answer_the_questions_under_it() -> None:
    """A recalled final's parts named by a topic and an instruction ("一、关于进程，回答下列问题。
    （8分）", "二、解答下列各题"): each "1）" under them is a question even when it asks by an
    imperative mid-line ("…，列出…。（2分）"), not numbered prose under a heading that asks nothing."""
    text = (
        "一、关于进程，回答下列问题。（8分）\n"
        "1）若进程状态包含五种状态，列出运行态可以切换到的状态。（2分）\n"
        "2）什么是进程切换？结合实验给出主要过程。（3分）\n"
        "二、解答下列各题\n"
        "1）分析模式切换和进程切换的区别。（2分）\n"
    )
    assert [(q["type"], q["section"], q["stem"]) for q in parse(text)] == [
        ("short", "一、关于进程,回答下列问题。(8分)", "若进程状态包含五种状态,列出运行态可以切换到的状态。"),
        ("short", "一、关于进程,回答下列问题。(8分)", "什么是进程切换?结合实验给出主要过程。"),
        ("short", "二、解答下列各题", "分析模式切换和进程切换的区别。"),
    ]


def test_a_study_guides_worked_examples_are_its_questions_and_its_numbered_text_is_not() -> None:
    """A guide labels its questions as worked examples ("【例1】", "例题2："), each with
    options, 解析 and 答案; its numbered lines that ask nothing ("1．栈的基本概念" over a
    paragraph) are the guide's text. A numbered exercise that asks (a blank) stays a question."""
    text = (
        "考点1 栈\n1．栈的基本概念\n栈是限定只在一端进行插入与删除的线性表。\n"
        "2．栈的顺序存储及其运算\n用一维数组作为栈的顺序存储空间。\n"
        "例题详解\n【例1】算法的时间复杂度取决于_______。\nA）问题的规模\nB）数据的初态\n"
        "C）问题的难度\nD）A）和B）\n解析：与规模和输入都有关。\n答案：D）\n"
        "例题2：以下_______不是栈的基本运算。\nA）判断栈是否为空\nB）将栈置为空栈\nC）删除栈顶元素\n"
        "D）删除栈底元素\n答案：D\n"
        "【例3】链表不具备的特点是_______。\nA）可随机访问\nB）插入不需移动元素\nC）不必估计空间\nD）空间与长度成正比\n"
        "答案：A\n"
        "练习\n1．栈的特点是________。\n"
    )
    assert [(q["type"], q["number"], q["answer"]) for q in parse(text)] == [
        ("single", "1", "D"),
        ("single", "2", "D"),
        ("single", "3", "A"),
        ("fill", "1", None),
    ]


def test_options_kept_as_a_converted_word_papers_ordered_list_keyed_by_a_letter() -> None:
    """Word's auto-numbered options come out of a Word-to-Markdown conversion as an ordered list
    "1. …" "2. …" under the stem; the key below names a letter ("答案：A"), so the list is options
    A, B, …, not questions numbered 1, 2, …, whether or not the stem leaves a blank. An ordered
    list with no letter key under it (an answer's points) stays numbered."""
    md = (
        "## 第5题\n\n5.要想实现半双工通讯，通信双方至少需要（）\n\n1.  1个逻辑通道\n    \n2.  2个逻辑通道\n    \n"
        "3.  1个有线信道\n\n答案：A 解析：注意是至少需要。\n\n"
        "## 第6题\n\n6.对敏感数据进行加密后存储保证了该数据的\n\n1.  机密性\n2.  完整性\n\n答案：B\n\n"
        "## 第7题\n\n7.简述软件测试的步骤。\n\n1. 单元测试\n2. 集成测试\n"
    )
    assert [(q["number"], q["stem"], q["options"], q["answer"]) for q in parse_markdown(md)] == [
        ("5", "要想实现半双工通讯,通信双方至少需要()", ["1个逻辑通道", "2个逻辑通道", "1个有线信道"], "A"),
        ("6", "对敏感数据进行加密后存储保证了该数据的", ["机密性", "完整性"], "B"),
        ("7", "简述软件测试的步骤。", [], "1. 单元测试\n2. 集成测试"),
    ]


def test_parts_under_a_topic_heading_that_open_by_setting_a_task() -> None:
    """A recalled final's big questions named by their topic ("三、Hamming 码"): a part that opens
    by setting a task ("(1)求码长…；", "(2)证明：…", "(3)写出…") is a question even without a
    question mark, as one that asks is; a note to the candidate ("计算和证明过程需要…") and a
    syllabus's points ("1．掌握…") under such a heading are not."""
    text = (
        "一、注意事项\n1．计算和证明过程需要有详细解题步骤。\n"
        "二、考试要求\n1．掌握信道容量的定义。\n2．了解信源编码。\n"
        "三、Hamming 码\n(1)求码长 n 和 m，并求可编码的数据位数；\n(2)证明：任意两个不同码字的距离至少为3。\n"
        "(3)写出校验位各自负责校验的数据位。\n(4)什么是平稳马尔可夫过程？\n"
    )
    assert [str(q["stem"]) for q in parse(text)] == [
        "求码长 n 和 m,并求可编码的数据位数;",
        "证明:任意两个不同码字的距离至少为3。",
        "写出校验位各自负责校验的数据位。",
        "什么是平稳马尔可夫过程?",
    ]


def test_a_key_glued_to_its_label_and_a_judgements_key_after_the_statement() -> None:
    """'答案BE。' (no colon) opening a line, as a Markdown bank folds it into '<details>'; and a
    statement offered as 'A.是 B.否' keyed by the letter after its full stop ('…单位。 A'): a
    judgement, true where the letter names 是."""
    md = (
        "1. 项目经理应该采取哪两种行动？(选择两个）\n   - [ ] A. 开会\n   - [ ] B. 登记风险\n   - [ ] C. 停工\n"
        "   - [ ] D. 上报\n   - [ ] E. 讨论\n\n   <details>\n      <summary>Answer</summary>\n\n      答案BE。\n\n"
        "   </details>\n\n"
        "2.细胞是一切生命活动的基本单位。 A\n\nA.是\n\nB.否\n\n3.单细胞生物没有亚细胞器官。B\n\nA.对\n\nB.错\n"
    )
    assert [(q["type"], q["stem"], q["answer"]) for q in parse_markdown(md)] == [
        ("multiple", "项目经理应该采取哪两种行动?(选择两个)", "BE"),
        ("truefalse", "细胞是一切生命活动的基本单位。", True),
        ("truefalse", "单细胞生物没有亚细胞器官。", False),
    ]


def test_a_ruankao_paper_numbering_both_its_questions_and_their_blanks() -> None:
    """软考 papers number each blank's options ("（4） A. … B. …"); some print the question's own
    number over the stem as well ("4. …", "2-3. …" for a stem of two blanks): the question is
    the blank's, its stem without the printed number or range."""
    text = (
        "1. 模块之间是 （1） 耦合。\n（1） A. 数据 B. 公共 C. 外部 D. 内容\n"
        "2-3. 关于螺旋模型，下列陈述中不正确的是 （2） ， （3） 。\n"
        "（2） A. 加入风险分析 B. 划分螺旋周期 C. 适合大项目 D. 快速提供版本\n"
        "（3） A. 支持需求变化 B. 要求风险分析 C. 开发成本低 D. 迭代增加成本\n"
        "4. 下面正确的是 （4） 。\n（4） A. 甲 B. 乙 C. 丙 D. 丁\n"
    )
    assert [(q["number"], q["stem"], len(q["options"])) for q in parse(text)] == [
        ("1", "模块之间是 (1) 耦合。", 4),
        ("2", "关于螺旋模型,下列陈述中不正确的是 (2) , (3) 。", 4),
        ("3", "关于螺旋模型,下列陈述中不正确的是 (2) , (3) 。", 4),
        ("4", "下面正确的是 (4) 。", 4),
    ]


def test_a_problems_parts_that_set_a_task_by_giving_or_deriving() -> None:
    """A problem states its model, then asks its parts by an imperative: "(1)给出…的表达式，推导…；"
    is a part as "(2)…如何构造…" is, never a point of an answer stated under the problem."""
    text = (
        "1.对于如下过程描述的LIF模型\n这里W是一个标准的Wiener过程，膜电位达到阈值产生动作电位放电。\n"
        "对此动作电位发放点稳态过程的随机变量记为T：\n"
        "(1)给出T的期望和方差的表达式，推导该神经元动作电位发放的更新函数的期望和方差表达式；\n"
        "(2)给定任意的期望和方差，如何构造参数，使得T的期望和方差分别等于它们？\n"
        "2.构建神经网络对MNIST数据集进行分类。\n"
    )
    assert [str(q["stem"])[:8] for q in parse(text)] == [
        "给出T的期望和方",
        "给定任意的期望和",
        "构建神经网络对M",
    ]


def test_two_tasks_on_two_lines_are_one_question() -> None:
    """A recalled paper's big question set as two imperative lines ("给出…的数学模型" / "写出传递
    函数…") in one Word paragraph of manual line breaks: the second line sets a second task of the
    same question; no answer opens so."""
    document = Document()
    run = document.add_paragraph().add_run("系统建模与仿真期末试题回忆")
    for line in [
        "一简答题",
        "1系统的定义 三要素",
        "三模型转换题",
        "给出倒立摆的简化数学模型",
        "写出传递函数和状态空间",
    ]:
        run.add_break()
        run.add_text(line)
    found = parse_document("recall.docx", to_bytes(document)).questions
    assert [(q.stem, q.answer) for q in found] == [
        ("系统的定义 三要素", None),
        ("给出倒立摆的简化数学模型\n写出传递函数和状态空间", None),
    ]


def test_letters_in_names_and_far_apart_in_a_sentence_are_no_options() -> None:
    """'O1A 杆与 O2B 杆' names rods; '有3个座 A,B,C，开始时 A 座上有64个盘子……利用 B 座' names
    pegs: a letter set off by spaces opens options only with the next label close after it."""
    text = (
        "一、单项选择题\n1.图示机构中，若以ω1、ω2分别表示 O1A 杆与 O2B 杆的角速度，则当 O1A∥O2B 时，有（ ）。\n"
        "A.ω1=ω2 B.ω1≠ω2\n二、编程题\n"
        "1.汉诺塔问题：古代有一个梵塔，塔内有3个座 A,B,C，开始时 A 座上有64个盘子，盘子大小不等，大的在下，"
        "小的在上。有一个老和尚想把这64个盘子从 A 座移到 C 座，但每次只允许移动一个盘子，且在移动过程中在3个座上"
        "都始终保持大盘在下，小盘在上。在移动过程中可以利用 B 座，请编程输出移动步骤。\n"
    )
    found = parse(text)
    assert [(q["type"], len(q["options"])) for q in found] == [("single", 2), ("short", 0)]
    assert "O1A 杆与 O2B 杆" in str(found[0]["stem"]) and "利用 B 座" in str(found[1]["stem"])


def test_a_choice_parts_key_in_the_blank_with_no_options_and_its_cited_source() -> None:
    """A 思政 practice paper prints a choice question's key in its blank and no options
    ("…的核心地位（A）。"), then the source of the key ("出处：“…”（第67页）"): the question is a
    choice keyed A (its options to be added), the source its explanation."""
    text = (
        "一、单选题\n1.维护党中央权威和集中统一领导，最关键的是坚决维护党中央的核心、全党的核心地位（A）。\n"
        "出处：“维护党中央权威和集中统一领导，最关键的是坚决维护党中央的核心。”（第67页）\n"
        "2.中国共产党是以民主集中制（B）为根本组织原则和领导制度。\n"
    )
    assert [(q["type"], q["stem"], q["answer"], q["explanation"]) for q in parse(text)] == [
        (
            "single",
            "维护党中央权威和集中统一领导,最关键的是坚决维护党中央的核心、全党的核心地位( )。",
            "A",
            "“维护党中央权威和集中统一领导,最关键的是坚决维护党中央的核心。”(第67页)",
        ),
        ("single", "中国共产党是以民主集中制( )为根本组织原则和领导制度。", "B", ""),
    ]


def test_a_worked_solutions_key_after_its_last_sentence() -> None:
    """A recalled paper with worked solutions closes each by its key; where the key follows the
    last sentence on its line ("…这意味着 g(n) = O(f(n))。故答案为： D") it is the key as well."""
    text = (
        "一、选择题\n1. g(n) = n + 3g(n/4), f(n) = n2，那么 ______.\nA. g(n) = Θ(f(n))\nB. g(n) = Ω(f(n))\n"
        "C. g(n) = ω(f(n))\nD. g(n) = O(f(n))\n可以使用主定理求解。这意味着 g(n) = O(f(n))。故答案为： D\n"
        "2. 哪种排序的平均复杂度是最优的 ______.\nA. 气泡排序\nB. 快速排序\n故答案为： B\n"
    )
    assert [q["answer"] for q in parse(text)] == ["D", "B"]


def test_a_worked_solution_under_its_question_unlabelled_and_closed_by_its_key() -> None:
    """A keyed recall paper prints each question's worked solution right under it, no label, and
    closes it by the key ('故答案为： 文件'): the solution explains the key; the stem ends with the
    sentence holding its last blank."""
    text = (
        "二、填空题\n1. Unix 将 I/O 设备抽象为：______。\nUnix 将所有 I/O 设备统一抽象为文件，上层通过统一接口操作。\n"
        "故答案为： 文件\n2. 写出将 int 变量 x 的最高有效字节清零的 C 表达式：______（限一个表达式）。只要将 x 与掩码按位与即可。\n"
        "故答案为： x &= 0x00FFFFFF\n"
    )
    assert [(q["stem"], q["answer"], q["explanation"]) for q in parse(text)] == [
        (
            "Unix 将 I/O 设备抽象为:______。",
            ["文件"],
            "Unix 将所有 I/O 设备统一抽象为文件,上层通过统一接口操作。",
        ),
        (
            "写出将 int 变量 x 的最高有效字节清零的 C 表达式:______(限一个表达式)。",
            ["x &= 0x00FFFFFF"],
            "只要将 x 与掩码按位与即可。",
        ),
    ]


def test_the_questions_answer_label_alone_over_its_key_is_no_heading_of_a_part() -> None:
    """'试题答案：' (the question's answer) under a question's options, the key on the next line, as
    an exam site's export prints each question: the label, not a part named '试题' and its key."""
    text = (
        "1、内存按字节编址，共需（ ）片。\nA、6\nB、8\n试题答案：\nB\n试题解析：\n两者相除得8。\n"
        "2、RAID 5 的容量是（ ）。\nA、2500G\nB、3000G\n试题答案：\nA\n"
    )
    assert [(q["stem"], q["answer"], q["explanation"]) for q in parse(text)] == [
        ("内存按字节编址,共需( )片。", "B", "两者相除得8。"),
        ("RAID 5 的容量是( )。", "A", ""),
    ]


def test_the_civil_service_aptitude_tests_parts_are_choices_not_judgements() -> None:
    """行测's parts '常识判断' (general knowledge) and '判断推理' (reasoning) ask choices: their
    '判断' names no true/false part, so a stem's line opened by its blank '(    )' is its text."""
    text = (
        "第一部分 常识判断\n1、古代“六艺”中的“御”是指：\nA.骑马  B.驾车\n"
        "2、县级以上地方各级政府预算的调整方案必须经过\n(    ) 的审查和批准。\nA.本级人大  B.本级政府\n"
        "第二部分 判断推理\n3、刻舟︰求剑\nA.守株︰待兔  B.画蛇︰添足\n"
    )
    assert [(q["number"], q["type"], len(q["options"])) for q in parse(text)] == [
        ("1", "single", 2),
        ("2", "single", 2),
        ("3", "single", 2),
    ]


def test_a_problems_number_and_points_over_its_parts_is_no_question() -> None:
    # a recalled paper: "1. 10分" heads problem 1's parts; "5. 10分" over its one line asks that line
    text = "1. 10分\n（1） 机器学习的分类及各自的概念\n（2） 欠学习和过学习的概念\n5. 10分\n贝叶斯网络，计算P(B|N)：\n"
    found = parse(text)
    assert [(q["number"], q["stem"], q["material"]) for q in found[:2]] == [
        ("1", "机器学习的分类及各自的概念", ""),
        ("2", "欠学习和过学习的概念", ""),
    ]
    assert [q["number"] for q in found[2:]] == ["5"]  # (a line under it: no bare points alone)


def test_a_bold_key_after_the_questions_empty_brackets_fills_them() -> None:
    # a worked answer sheet in Markdown: the key in bold at the line's end, after a lettered
    # option's label, or the words themselves where no options were printed
    text = (
        "## 选择题\n1\\. 排序算法只能是（）。**D. 插入排序**\n\n"
        "2\\. 应用层DNS协议主要用于实现（）网络服务功能。**C. 域名解析**\n\n"
        "## 填空题\n3\\. 下面程序的输出结果是（）。**14302012**\n"
    )
    assert [(q["stem"], q["answer"]) for q in parse_markdown(text)] == [
        ("排序算法只能是( )。", "D"),
        ("应用层DNS协议主要用于实现( )网络服务功能。", "C"),
        ("下面程序的输出结果是____。", ["14302012"]),
    ]


def test_unnumbered_fill_lines_under_a_fill_heading_are_questions_each() -> None:
    """A review sheet whose Word numbering was lost: under '填空' each line holding a blank, or its
    key coloured red within the text, is a question of its own."""
    text = (
        "#### 填空\n\n"
        '8个64 kbps 的信道复用到一条主干线路，利用率为80%，则其带宽应该是 <font color="red">640</font>kbps。\n\n'
        'DHCP客户机首次启动时，该报文源主机地址为 <font color="red"> 0.0.0.0 </font>。\n\n'
        ".将二进制序列1011011 表示为十六进制是______。\n"
    )
    assert [(q["type"], q["answer"]) for q in parse_markdown(text)] == [
        ("fill", ["640"]),
        ("fill", ["0.0.0.0"]),
        ("fill", None),
    ]


def test_a_numbered_fill_part_keeps_its_wrapped_lines_in_the_question() -> None:
    # the rule above leaves a part that numbers its questions alone: a blank on a wrapped line
    text = "三、填空题\n1. 数据模型通常由____、\n____和完整性约束三部分组成。\n2. 关系的完整性有____。\n"
    assert [q["number"] for q in parse(text)] == ["1", "2"]


def test_unnumbered_terms_under_a_glossary_heading_with_their_definitions() -> None:
    """'名词解释' as a two-column table copied to text: each line a term, a run of spaces or a tab,
    then its definition (the reference answer)."""
    text = (
        "四、名词解释\n.ICMP                   网间控制报文协议；因特网信报控制协议\n"
        "graphical user interface            图形用户界面\nVPN\t虚拟专用网\n"
    )
    assert [(q["type"], q["stem"], q["answer"]) for q in parse(text)] == [
        ("short", "ICMP", "网间控制报文协议;因特网信报控制协议"),
        ("short", "graphical user interface", "图形用户界面"),
        ("short", "VPN", "虚拟专用网"),
    ]


def test_a_books_chapter_header_on_every_printed_page_is_furniture() -> None:
    """A web book printed page by page: its running header names the chapter (and the site) on
    every page; it is dropped, and a question's explanation runs on across it."""
    header = "第11章：知识产权作者：希赛教育软考学院    来源：希赛网    2014年02月10日"
    pages = []
    for n, key in enumerate("BDC", 1):
        pages.append(
            f"{header}\n例题{n}（2005年5月试题{n}）\n我国著作权法中，______指同一概念{n}。\n"
            "A.出版权与版权\nB.著作权与版权\nC.作者权与专有权\nD.发行权与版权\n试题分析\n"
            f"本题考核著作权概念{n}，\n{header}\n著作权又称为版权{n}。\n试题答案\n{key}\n"
        )
    found = parse("".join(pages))
    assert [(q["answer"], q["explanation"]) for q in found] == [
        (key, f"本题考核著作权概念{n},\n著作权又称为版权{n}。") for n, key in enumerate("BDC", 1)
    ]


def test_blanks_numbered_by_circled_digits_answered_by_their_numbers() -> None:
    """'__①__' on its underline, or '   ①   ' where a PDF lost the line: numbered blanks, not
    options; the key '①PCB、②程序部分' answers each by its number."""
    text = (
        "一、填空题\n1．进程的静态描述由三部分组成：__①__、__②__和__③__。\n"
        "【答案】①PCB、②程序部分、③相关的数据结构集\n"
        "2．   ①   是现代操作系统的基本特征之一，为此引入了   ②   这一概念。\n【答案】①程序的并发执行，②进程\n"
        "二、单项选择题\n3．下列说法正确的是（ ）\n① 进程是动态的 ② 程序是静态的\nA．①② B．②\n【答案】A\n"
    )
    assert [(q["type"], q["stem"], q["answer"]) for q in parse(text)] == [
        ("fill", "进程的静态描述由三部分组成:____、____和____。", ["PCB", "程序部分", "相关的数据结构集"]),
        ("fill", "____是现代操作系统的基本特征之一,为此引入了____这一概念。", ["程序的并发执行", "进程"]),
        ("single", "下列说法正确的是( )\n①进程是动态的\n②程序是静态的", "A"),
    ]


def test_a_question_whose_number_is_its_blank_over_options_labelled_otherwise() -> None:
    """A 软考 paper copied to text: each question's number printed in its blank ('…关注   41  这个
    过程'), the options after it labelled 'A 范围控制' where the question before used 'A、'."""
    text = (
        "●在根据计划对项目进展情况进行跟踪时，项目经理应   40\n"
        "A、驱动项目团队更加快速的工作\nB、不要同意管理层要求的不合理的工期\n"
        "●项目范围的定义和管理过程将影响到整个项目是否成功。每个项目都必须慎重地权衡工具、\n"
        "数据来源、方法论、过程和程序以及其他一些因素，以确保在管理项目范围时所做的努力与项\n"
        "目的规模、复杂性和重要性相符。因此，项目经理应该重点关注   41  这个过程\n"
        "A 范围控制 B 范围变更 C 编制范围管理计划 D 范围确认\n"
    )
    assert [(str(q["stem"])[:6], q["options"]) for q in parse(text)] == [
        ("在根据计划对", ["驱动项目团队更加快速的工作", "不要同意管理层要求的不合理的工期"]),
        ("项目范围的定", ["范围控制", "范围变更", "编制范围管理计划", "范围确认"]),
    ]


def test_a_bulleted_question_under_the_options_of_the_one_before_opens_the_next() -> None:
    """A 软考 paper bullets each question ('●'), its number in its blank: a bulleted line under the
    last option ('D 项目范围说明书') is the next question, not that option's wrapped text."""
    text = (
        "●用来征求潜在供应商建议的文件一般称为（ 59）。\nA． RFI B.IFB C.RFQ D.RFP\n"
        "● 技术部给采购部提供了一份采购产品的技术标准和要求，这份文件可被称做（ 60） 。\n"
        "A 项目建议书 B 工作说明书 C工作包      D 项目范围说明书\n"
        "●在项目采购中经常使用询价过程，询价过程的输出不包括 61\n"
        "A 合格卖方清单 B 采购工作说明书 C 采购建议书 D 采购管理计划\n"
    )
    assert [(str(q["stem"])[:8], len(q["options"])) for q in parse(text)] == [
        ("用来征求潜在供应", 4),
        ("技术部给采购部提", 4),
        ("在项目采购中经常", 4),
    ]


def test_unnumbered_judgements_and_filled_blanks_in_parts_that_number_nothing() -> None:
    """A paper whose Word numbering was lost: under '判断' each statement judged in its box (after
    it, or before it) is a question; under '填空' each line whose brackets hold its key. A part
    numbered '(√)1.…' is read by its numbers as before."""
    text = (
        "一、判断题\n客户永远是对的。（×）\n服务要热情周到。（√）\n（ √ ）投诉处理应当及时。\n接待客户时要微笑。（ ）\n"
        "二、填空题\n客户服务的核心是（客户满意）。\n服务的三要素是（态度）、（知识）和（技能）。\n"
        "三、判断题\n(√)1.文件系统中分配存储空间的基本单位不是记录。\n(×)2.具有多道功能的操作系统一定是多用户操作系统。\n"
    )
    assert [(q["number"], q["type"], q["answer"]) for q in parse(text)] == [
        ("", "truefalse", False),
        ("", "truefalse", True),
        ("", "truefalse", True),
        ("", "truefalse", None),
        ("", "fill", ["客户满意"]),
        ("", "fill", ["态度", "知识", "技能"]),
        ("1", "truefalse", True),
        ("2", "truefalse", False),
    ]


def test_a_part_quoting_each_unnumbered_question_its_key_on_the_line_after() -> None:
    """A course's notes in Markdown: '## 1. 判断题' numbers a part (no question 1 asking '判断题');
    each question is a block quote, its options in it, its key alone on the line after."""
    text = (
        "## 1. 判断题\n\n> For a B+ tree with order M, find takes O(log N).\n\nF\n\n"
        "> In the leftist heap, the right path is the shortest.\n\nT\n\n"
        "## 2. 选择题\n\n> Insert {1,2,3} into an empty splay tree. Which one is FALSE?\n>\n"
        "> - A.1 is the root\n>\n> - B.2 and 3 are siblings\n\nB\n"
    )
    assert [(q["section"], q["type"], q["options"], q["answer"]) for q in parse_markdown(text)] == [
        ("判断题", "truefalse", [], False),
        ("判断题", "truefalse", [], True),
        ("选择题", "single", ["1 is the root", "2 and 3 are siblings"], "B"),
    ]


def test_a_quote_under_a_question_read_otherwise_stays_its_explanation() -> None:
    # the rule above never takes a quote under a question that no quote opened (here an unnumbered
    # one, keyed): that quote is its explanation
    text = "## 选择题\n\n下列说法正确的是( )\n\nA. 甲\n\nB. 乙\n\n答案：A\n\n> 知识点总结：甲是对的。\n"
    assert [(q["answer"], q["explanation"]) for q in parse_markdown(text)] == [("A", "知识点总结:甲是对的。")]


# A course's midterm in Markdown: a part of quoted questions, each keyed on the line after (the
# part's first question quoted, so the part is read so).
QUOTED_PART = (
    "## 2. 选择题\n\n> Which tree is a binomial queue of size 2?\n>\n> - A.$B_1$\n>\n> - B.$B_2$\n\nA\n\n"
)


def test_two_parties_named_after_english_words_are_no_options() -> None:
    """'Let heap A and heap B be…' in a quoted question's text names two things (no C after): its
    options are the labelled lines below it, and the next quote is the next question."""
    text = QUOTED_PART + (
        "> Consider merging skew heaps.\n>\n> A node p is heavy if it is big.\n>\n"
        "> The potential is ** the number of heavy nodes.** Let heap A and heap B be a $n$-node tree.\n>\n"
        "> Which of the following is FALSE?\n>\n> - A.Merge is fast.\n>\n> - B.There are light nodes.\n\nB\n\n"
        "> Which tree is a binomial queue of size 3?\n>\n> - A.$B_0B_1$\n>\n> - B.$B_0B_2$\n\nA\n"
    )
    assert [(len(q["options"]), q["answer"]) for q in parse_markdown(text)] == [(2, "A"), (2, "B"), (2, "A")]


def test_a_number_in_a_markdown_figures_name_opens_no_question() -> None:
    """'![a-b剪枝-1.jpg|361](…)' under a question: the figure's name holds '1.' after a dash; it is
    the question's figure, not question 1 run onto the line."""
    text = (
        QUOTED_PART + "> Given the following game tree, which of the following is true?\n>\n"
        "> ![a-b剪枝-1.jpg|361](https://img.example.cn/2024/apq.png)\n>\n"
        "> - A.greater than 68\n>\n> - B.less than 65\n\nA\n\n"
        "> Which one of the following statements is FALSE about skew heaps?\n>\n"
        "> - A.They save space\n>\n> - B.They cost O(log N)\n\nB\n"
    )
    assert [(len(q["options"]), q["answer"]) for q in parse_markdown(text)] == [(2, "A"), (2, "A"), (2, "B")]


def test_numbered_questions_set_in_bold_under_part_headings_are_read_by_their_numbers() -> None:
    """Homework notes: '## 一、简答题' over '**1.用例的概念**' and its answer, then parts and
    sub-headings ('### 然后，回答下列问题：') that ask nothing. The bold numbered lines are the
    questions, the headings their parts; a line right under a bold question that does not ask
    is its answer, not more of its text."""
    text = (
        "# HW4\n\n## 一、简答题\n **1.用例的概念**\n\n  * 用例是文本形式的情节描述。\n\n"
        "**2.用例和场景的关系？**\n\n   * 场景又称为用例实例。\n\n"
        "## 二、建模练习题\n\n * 选择2-3个在线服务系统，绘制它们的用例图。\n\n"
        "   ### 用例图练习：\n\n     ![us-case]( image/us-case.png)\n\n"
        "   ### 然后，回答下列问题：\n\n   **1.为什么相似系统的用例图是相似的？**\n\n"
        "   *    相似系统面对相似的参与者。\n\n"
        "   **2.如何利用用例图定位创新思路在系统中的作用**\n    * 用例图主要反映参与者与系统的交互过程。\n"
    )
    assert [(q["stem"], q["answer"]) for q in parse_markdown(text)] == [
        ("用例的概念", "用例是文本形式的情节描述。"),
        ("用例和场景的关系?", "场景又称为用例实例。"),
        ("为什么相似系统的用例图是相似的?", "相似系统面对相似的参与者。"),
        ("如何利用用例图定位创新思路在系统中的作用", "用例图主要反映参与者与系统的交互过程。"),
    ]


def test_a_question_set_in_bold_ends_with_its_bold_in_hard_wrapped_notes() -> None:
    # notes hard-wrapped at one width: a long line that stops mid-sentence runs on below, but a
    # numbered question set wholly in bold ends where its bold does; the line under it answers
    wrapped = "".join(
        f"   {'场景是使用系统的一个特定情节或用例的一条执行路径之' * 3}{i:02d}\n" for i in range(24)
    )
    text = (
        f"## 简答题\n\n**1.用例和场景的关系是什么？**\n\n{wrapped}\n"
        "**2.如何利用用例图定位创新思路（业务创新、或技术创新、或商业模式创新）在系统中的作用**\n"
        "    * 用例图主要反映参与者与系统的交互过程\n"
    )
    questions = parse_markdown(text)
    assert [q["stem"] for q in questions][1:] == [
        "如何利用用例图定位创新思路(业务创新、或技术创新、或商业模式创新)在系统中的作用"
    ]
    assert questions[1]["answer"] == "用例图主要反映参与者与系统的交互过程"


def test_a_highlighted_option_is_the_key_and_tags_end_the_stems_line() -> None:
    """Obsidian notes of past papers: the right option highlighted ('==(C) …==', as <mark> or bold
    marks it), options bracketed '(A)', each stem's line ending in tags ('#medicine/uti') over its
    options in the same paragraph."""
    text = (
        "### 105\n\n1. 下列何項痰液培養結果較能確診？  #medicine/pneumonia   \n(A) Staphylococcus epidermis  \n"
        "(B) Non-tuberculosis mycobacterium  \n==(C) Mycobacterium tuberculosis==  \n(D) Candida albicans  \n\n"
        "2. 下列處置何者最適當？ #medicine/UTI\n **(A) 立即給予口服抗生素治療**\n (B) 立即送至急診室\n"
    )
    assert [(q["stem"], q["options"], q["answer"]) for q in parse_markdown(text)] == [
        (
            "下列何項痰液培養結果較能確診?",
            [
                "Staphylococcus epidermis",
                "Non-tuberculosis mycobacterium",
                "Mycobacterium tuberculosis",
                "Candida albicans",
            ],
            "C",
        ),
        ("下列處置何者最適當?", ["立即給予口服抗生素治療", "立即送至急診室"], "A"),
    ]


def test_a_table_under_an_open_questions_text_naming_no_key_holds_no_questions() -> None:
    """Homework notes: a question, a line under it, then a Markdown table 'ID | Title | Est' of a
    plan. 'Title' names a question's text only in a bank: with no key nor options named, under a
    question with text below it, the table is data, its rows ('1 | 搜索目的地 | 25') no questions
    numbered 1, 2 (the next question is question 3)."""
    text = (
        "## 简答题\n\n1.什么是用例？\n\n用例是文本。\n\n2.请编制开发计划表\n\n计划如下：\n\n"
        "|ID |Title |Est |\n|:--|:--|:--|\n|1 |搜索目的地 |25 |\n|2 |预定酒店 |30 |\n\n3.给出估算\n\n估算如下。\n"
    )
    assert [q["number"] for q in parse_markdown(text)] == ["1", "2", "3"]


def test_a_key_table_numbering_its_rows_by_circled_numbers_is_read_without_a_crash() -> None:
    """'| 题号 | 答案 |' over '| ① | A |': circled numbers are digits to str.isdigit but no
    numbers to int(); the rows number no question here, and the paper is read, not refused as
    unreadable (a crash the corpus's papers showed with their digits circled)."""
    text = (
        "1. 客户投诉时首先应该( )\nA. 倾听\nB. 争辩\n\n2. 服务的核心是( )\nA. 满意\nB. 速度\n\n"
        "## 参考答案\n\n| 题号 | 答案 |\n|---|---|\n| ① | A |\n| ② | A |\n"
    )
    assert [(q["number"], len(q["options"])) for q in parse_markdown(text)] == [("1", 2), ("2", 2)]


def test_a_program_a_question_reads_is_its_stem_and_a_program_a_task_asks_for_its_answer() -> None:
    """A Java final in Markdown: under '程序阅读与改错' a bold question names the program it reads
    ('该程序段…', '下边的程序…') and the block under it is that question's, no answer; under
    '程序设计题' a task that has said all it asks ('…测试代码要体现多态性') is answered by the block."""
    fence = "```java\npublic class Demo {\n    int x; // (1)\n}\n```\n"
    text = (
        "## 二、程序阅读与改错（每小题5分）\n\n"
        f"1. **该程序段演示了 ArrayList 的用法，错误的请答X并改正**\n\n{fence}\n"
        f"2. **下边的程序演示了连接数据库的操作，并把这个功能封装到了DBUtil中**\n\n{fence}\n"
        "## 三、程序设计题（共60分）\n\n1. 首先定义一个基类Shape，然后定义其子类Circle实现求面积的方法，测试代码要体现多态性\n\n"
        "```java\nabstract class Shape {\n    abstract double getArea();\n}\n```\n"
    )
    questions = parse_markdown(text)
    assert [(q["type"], q["stem"].split("\n")[-1], q["answer"]) for q in questions] == [
        ("short", "}", None),
        ("short", "}", None),
        (
            "short",
            "首先定义一个基类Shape,然后定义其子类Circle实现求面积的方法,测试代码要体现多态性",
            "abstract class Shape {\nabstract double getArea();\n}",
        ),
    ]


def test_a_block_under_a_programming_chapters_number_and_tags_is_the_question_itself() -> None:
    """'第1章 程序设计与C语言' names a chapter, not a part of programming tasks; a question whose
    number and tags ('`单选题`') stand over a block has its text in the block, not its answer."""
    text = (
        "## 第1章 程序设计与C语言\n\n1.  `编程题`  `简单` `30分`\n\n```\n输出文本\n\n编写一个C程序，输出：Hi\n```\n\n"
        "```c\nint main()\n{\n    return 0;\n}\n```\n"
    )
    assert [q["stem"].split("\n")[0] for q in parse_markdown(text)] == ["输出文本"]


def test_a_key_letter_typed_after_the_stems_question_mark() -> None:
    """A hand-typed HTML quiz keys its questions by a letter straight after the question mark
    ('…的HTML代码是？D'): read as the key where most unanswered questions end so."""
    text = "".join(
        f"{i}. 加入一条水平线的HTML代码是？{key}\nA. hr\nB. br\nC. p\nD. b\n"
        for i, key in enumerate("DAC", 1)
    )
    assert [(q["stem"], q["answer"]) for q in parse(text)] == [
        ("加入一条水平线的HTML代码是?", k) for k in "DAC"
    ]


def test_a_parts_instructions_after_a_comma_on_its_heading_line_are_no_question() -> None:
    """'二、程序阅读题，写出程序运行的输出结果，并进行解释（每题20分）': after the part's type, its
    instructions to the end of the line; the part's first question is the numbered one below."""
    text = "二、程序阅读题，写出程序运行的输出结果，并进行解释（每题20分）\n1、\npublic class Demo {\n  int a = 1;\n}\n"
    assert [(q["number"], q["stem"].split("\n")[0]) for q in parse(text)] == [("1", "public class Demo {")]


def test_a_task_naming_the_program_it_asks_for_is_answered_by_the_block_under_it() -> None:
    """'…缩写一个程序…。思考对于该程序，为何使用浮点型数据更合适？' over a block: 'that program' is the
    one the task asks to write, so the block is its answer (a '程序段' named is one printed to read)."""
    text = (
        "## 编程练习\n\n1. **缩写一个程序，提示用户输入杯数。思考对于该程序，为何使用浮点型数据更合适？**\n"
        "```\n在单位转化过程中可能出现浮点型数据\n```\n"
    )
    assert [q["answer"] for q in parse_markdown(text)] == ["在单位转化过程中可能出现浮点型数据"]


def test_a_platform_bank_opening_each_unnumbered_question_by_its_type_in_round_brackets() -> None:
    """A 学习通 bank pasted into Word: '(填空题)' opens each question, none numbered, and each
    carries its record's fields ('答案：', '答案解析：' left empty, '难度：', '知识点：'). The empty
    '答案解析：' is no key of the paper; under '答案：' the lines numbered '(1)' / '1、' are the
    answer's (blanks, points), and '1.8μs' a blank's answer, never a question numbered 1."""
    fields = "答案解析：\n难度：\n中\n知识点：\n"
    text = (
        f"(填空题)\n快表命中时有效访问时间是 。\n答案：\n(1)\n1.8μs\n{fields}"
        f"(简答题)\n简述常用的文件物理结构。\n答案：\n1、顺序文件结构\n2、链接文件结构\n{fields}"
        f"(填空题)\n操作系统的三种基本类型是 、 。\n答案：\n(1)\n批处理\n(2)\n分时\n{fields}"
        f"(单选题)\n进程的基本状态不包括（ ）。\nA. 就绪\nB. 运行\nC. 等待\nD. 完成\n答案：\nD\n{fields}"
    )
    assert [(q["type"], q["answer"]) for q in parse(text)] == [
        ("fill", ["1.8μs"]),
        ("short", "1、顺序文件结构\n2、链接文件结构"),
        ("fill", ["批处理", "分时"]),
        ("single", "D"),
    ]


def test_an_empty_explanation_field_over_the_records_metadata_never_starts_a_key() -> None:
    """'答案解析：' left empty over '难度：' is a field of the export's record even where the
    question above was lost to a line read as a heading ('OS（128K）', a table's cell): the
    questions after it are questions still, not a key's entries."""
    fields = "答案解析：\n难度：\n中\n知识点：\n"
    choice = "(单选题)\n进程的基本状态不包括（ ）。\nA. 就绪\nB. 运行\nC. 等待\nD. 完成\n答案：\nD\n"
    text = f"{choice}{fields}(计算题)\n求作业的装入位置。\n答案：\n见下表\n二、内存布局\n{fields}{choice}{fields}{choice}{fields}"
    assert [(q["type"], q["answer"]) for q in parse(text)] == [
        ("single", "D"),
        ("short", "见下表"),
        ("single", "D"),
        ("single", "D"),
    ]


def test_answer_and_explanation_labels_in_square_brackets() -> None:
    """ "[解答] …" and "[解析]: …" (text exports and answer books bracket their labels so, as
    others print 【解答】): the answer and its explanation, never more of the stem; a Markdown link
    "[解析](…)" is no label."""
    questions = parse(
        "1．什么是网络管理？\n[解答] 对网络的运行状态进行监测和控制。\n[解析] 见第一章。\n"
        "2．网络管理标准有哪些？\n[解答] OSI、TCP/IP和TMN。\n"
    )
    assert [(q["stem"], q["answer"], q["explanation"]) for q in questions] == [
        ("什么是网络管理?", "对网络的运行状态进行监测和控制。", "见第一章。"),
        ("网络管理标准有哪些?", "OSI、TCP/IP和TMN。", ""),
    ]
    linked = parse("1．什么是网络管理？[解析](https://x/1) 见下文\n答案：监测和控制\n")
    assert linked[0]["answer"] == "监测和控制" and "[解析]" in str(linked[0]["stem"])


def test_an_explanation_restating_its_numbered_question_and_options_opens_no_question() -> None:
    """An app's export explains an English question by translating it, options and all ("（ 72 ）
    是…" over "A、物联网 B、区块链", labelled otherwise than its own "A:"), even under the exam's
    own number ("72." for the question whose source is "第72题"): all of it explains question 2,
    and question 3 follows."""
    questions = parse(
        "1、2019 年5月第71题\nThe （ 71 ） creates opportunities.\nA: internet of things\nB: cloud computing\n"
        "[答案: A]\n[解析]: 考查物联网。\n（ 71 ）的建立将更多的物理设备集成。\nA、物联网    B、云计算\n"
        "2、2021 年11月第72题\n72.（ 72 ） is a decentralized database.\nA: Artificial intelligence\n"
        "B: Blockchain\n[答案: B]\n[解析]: 考查区块链。\n72. （ 72 ） 是一个分散的数据库。\nA、人工智能    B、区块链\n"
        "3、2021 年11月第74题\n（ 74 ） is the process of managing needs.\nA: Plan Scope\nB: Collect Requirements\n"
        "[答案: B]\n"
    )
    assert [(q["number"], q["answer"]) for q in questions] == [("1", "A"), ("2", "B"), ("3", "B")]
    assert "A、人工智能" in str(questions[1]["explanation"])


def test_statements_numbered_in_brackets_under_a_choice_stem_ending_in_a_colon() -> None:
    """ "2、应聘者甲向公司做如下保证：" then "（1）…" "（2）…" and options "A、（1）是正确的": the
    statements the options weigh belong to question 2's stem, never questions of their own."""
    questions = parse(
        "二、选择题\n1、测试环境中不包括的内容是（ A ）\nA、文档 B、硬件\n"
        "2、应聘者甲向公司做如下保证：\n（1）\t经过测试的软件不会再出现问题\n（2）\t对所有程序员一视同仁，"
        "根据所学知识，甲的保证（ D ）\nA、（1）是正确的\nB、（2）是正确的\nC、都是正确的\nD、都是错误的\n"
        "3、白盒测试是通过分析程序的（ B ）来设计用例\nA、范围 B、内部逻辑\n"
    )
    assert [(q["number"], q["answer"], len(q["options"])) for q in questions] == [
        ("1", "A", 2),
        ("2", "D", 4),
        ("3", "B", 2),
    ]
    assert "(1)" in str(questions[1]["stem"]) and "一视同仁" in str(questions[1]["stem"])


def test_past_papers_open_questions_recalled_with_their_own_numbers_some_left_out() -> None:
    # a collection of past papers' essay questions keeps each paper's Chinese numerals ("一、",
    # "五、", "六、"): past an open question, a higher numeral opening a question that asks in
    # full is the next question, not a part heading; a part named with its points stays a part
    text = (
        "一、敏捷方法的特征有哪些？哪些说法施加于敏捷方法之上是不合适的？为什么？\n"
        "五、如果对质量的追求是无止境的，在不考虑资源和成本的前提之下，有哪些可能有效的策略？\n"
        "六、如何开发一份让人无法拒绝的日程计划？请描述其基本步骤和一些注意事项。\n"
        "九、综合分析与论述（每题15分，共30分），请按要求作答\n"
        "1. 请结合GQM思想解释PSP过程的基本度量元有哪几个？\n"
    )
    questions = parse(text)
    assert [q["stem"] for q in questions] == [
        "敏捷方法的特征有哪些?哪些说法施加于敏捷方法之上是不合适的?为什么?",
        "如果对质量的追求是无止境的,在不考虑资源和成本的前提之下,有哪些可能有效的策略?",
        "如何开发一份让人无法拒绝的日程计划?请描述其基本步骤和一些注意事项。",
        "请结合GQM思想解释PSP过程的基本度量元有哪几个?",
    ]
    assert questions[-1]["section"].startswith("九、综合分析与论述")


def test_taiwans_skill_test_bank_keys_each_question_by_its_circled_option_before_the_number() -> None:
    # the official 學科題庫 reprinted with each key in a box before its number: "（③） 1." keys
    # option ③, the third (as "（ B ）1." keys B)
    text = (
        "07700 烘焙食品 丙級 工作項目06：食品之貯存\n"
        "（③） 1. 下列原料何者不宜保存在常溫乾燥區？ ①麵粉 ②砂糖 ③奶油 ④巧克力。\n"
        "（④） 2. 提高食品保存性之原理何者為誤？ ①酸度提高 ②滲透壓增高\n③水分降低 ④酸度降低。\n"
        "（①②） 3. 下列何者需冷藏？ ①鮮奶 ②奶油 ③砂糖 ④麵粉。\n"
    )
    assert [(q["number"], q["answer"]) for q in parse(text)] == [("1", "C"), ("2", "D"), ("3", "AB")]


def test_an_answer_naming_the_numbered_lines_above_makes_them_the_questions_listing() -> None:
    """ "1.…的顺序是：" over "（1）…" "（2）…" "（3）…" and "Answer: (3) (2) (1)": the answer names
    only numbers those lines printed (an order, or the ones that are right), so they are the
    statements of question 1, never questions of their own; a run listed on one line too."""
    text = (
        "1.对于利用计算机程序求解实际问题的顺序是：\n（1）\t利用机器进行求解\n（2）\t用计算机语言表述问题\n"
        "（3）\t将实际问题进行抽象\nAnswer: (3) (2) (1)\n\n"
        "2.程序设计的发展历程按照发展顺序排序是：\n（1）汇编语言 （2）机器语言\t（3）高级语言\nAnswer:（2）（1）（3）\n\n"
        "3.关于Java程序的执行过程，正确的是\n（1）编写.java程序（2）解释器对.java文件进行解释执行（3）编译\n"
        "Answer:（1）->（3）\n\n"
        "4.面向对象的主要思想是：\n将客观事物看作具有____和____的对象。\nAnswer: 状态，行为\n"
    )
    assert [(q["number"], q["type"], q["stem"].split("\n")[0], q["answer"]) for q in parse(text)] == [
        ("1", "short", "对于利用计算机程序求解实际问题的顺序是:", "(3) (2) (1)"),
        ("2", "short", "程序设计的发展历程按照发展顺序排序是:", "(2)(1)(3)"),
        ("3", "short", "关于Java程序的执行过程,正确的是", "(1)->(3)"),
        ("4", "fill", "面向对象的主要思想是:", ["状态", "行为"]),
    ]
    assert parse(text)[0]["stem"].count("\n") == 3  # the three statements, in the stem


def test_a_markdown_heading_with_a_dotted_section_number_is_a_topic_not_a_question() -> None:
    """ "## 1.1 Introduction" and "## 1.2 概述": a notes file's numbered sections. They head the
    questions under them (the first is no question "1 Introduction"), and one coming after an
    answer ends that answer."""
    md = (
        "# 第一章 概论\n\n## 1.1 Introduction\n\n1.下列说法正确的是（ ）\n\nA.甲\n\nB.乙\n\n答案：A\n\n"
        "## 1.2 概述\n\n1.下列说法错误的是（ ）\n\nA.甲\n\nB.乙\n\n答案：B\n"
    )
    questions = parse_markdown(md)
    assert [(q["section"], q["stem"], q["answer"]) for q in questions] == [
        ("1.1 Introduction", "下列说法正确的是( )", "A"),
        ("1.2 概述", "下列说法错误的是( )", "B"),
    ]


def test_markdown_notes_setting_questions_as_bold_list_items_their_parts_and_answers_nested() -> None:
    """Notes of past essay questions in one Markdown list, each item written "1." (the renderer
    counts them: 1, 2, 3) and set in bold. A bulleted list nested under a question answers it;
    bold items nested under one are its parts, sharing its text as their material."""
    md = (
        "## 資訊管理\n"
        "1. **何謂 IT 消費化與 BYOD？ ```10%, 105年```**\n"
        "\t- IT 消費化: 企業員工使用消費性科技。\n"
        "\t- BYOD: 員工自帶設備上班。\n\n"
        "1. **IT 消費化迫使企業必須要做出什麼樣的調整？**\n\n"
        "1. **試回答下列問題：**\n"
        "\t1. **試定義 Intranet Computing 與 Cloud Computing。**\n"
        "\t\t- 企業內部網路是一個電腦網路。\n"
        "\t1. **試列出 Cloud Computing 之四種佈署模式。**\n\n"
        "1. **請說明何謂數位信封。**\n"
    )
    questions = parse_markdown(md)
    assert [(q["number"], str(q["stem"])[:12], q["answer"], q["material"]) for q in questions] == [
        ("1", "何謂 IT 消費化與 B", "IT 消費化: 企業員工使用消費性科技。\nBYOD: 員工自帶設備上班。", ""),
        ("2", "IT 消費化迫使企業必須", None, ""),
        ("1", "試定義 Intranet", "企業內部網路是一個電腦網路。", "試回答下列問題:"),
        ("2", "試列出 Cloud Co", None, "試回答下列問題:"),
        ("4", "請說明何謂數位信封。", None, ""),
    ]


def test_a_key_in_round_brackets_alone_under_the_options() -> None:
    # "(D)" on its own line under a choice's options keys it, as "【D】" does; "(E)" after four
    # options would be the next option's label
    text = (
        "3. 下列运算符中，优先级最低的是____。\nA. *   B. !=   C. +    D. =\n(D)\n"
        "4. 在C语言程序中，APH 和 aph 代表不同的变量。\n(T)\n"
        "5. 以下代码，语法正确的是：\nA. while\nB. for\n（A）\n"
        # bare letters right under the options key them too, when nothing but a note or the next
        # question follows ("A B" over "G D" under a figure are its labels)
        "6.物理治疗不包含（  ）\nA. 超声波疗法\nB.运动疗法\nC.环境改造\nD. 热疗法\nE. 磁疗法\nC\n"
        "提示：C。物理治疗分成运动疗法和物理因子疗法。\n"
        "7.下列属于运动疗法的是（ ）\nA. 牵伸\nB. 超声波\nC. 电疗\nAC\n\n"
        "8.下图中的根结点是（ ）\nA. 甲\nB. 乙\nC. 丙\nD. 丁\nG\nD E\n"
    )
    assert [(q["type"], q["answer"]) for q in parse(text)] == [
        ("single", "D"),
        ("truefalse", True),
        ("single", "A"),
        ("single", "C"),
        ("multiple", "AC"),
        ("single", None),
    ]


def test_a_worksheet_answered_by_writing_into_its_blanks_on_the_lines_below() -> None:
    """A teacher's copy of a fill worksheet, each answer underlined where the blank was (read as
    "__免疫__"): answers written on the line under the question, and statements numbered "(1)"
    under a question that announces them with a colon, are that question's blanks (indented under "13." by three
    spaces, as under "4.", they are a list of their own to CommonMark)."""
    md = (
        "10. 免疫系统由哪三部分组成？  \n<u>免疫器官、免疫细胞、免疫活性物质</u>\n\n"
        "11. 常见的免疫活性物质有哪些？  \n<u>抗体</u>、<u>细胞因子</u>、<u>溶菌酶</u>。\n\n"
        "12. 能引发<u>免疫</u>反应的物质称为抗原。\n\n"
        "13. 人体免疫的三道防线的组成：\n"
        "   - (1)第一道防线：<u>皮肤</u>、<u>黏膜</u>是保卫人体的第一道防线。\n"
        "   - (2)第二道防线：体液中的<u>杀菌</u>物质是保卫人体的第二道防线。\n\n"
        "14. 写出下面程序的输出：  \ndef __init__(self): pass\n"
    )
    questions = parse_markdown(md)
    assert [(q["number"], q["type"], q["answer"]) for q in questions] == [
        ("10", "fill", ["免疫器官、免疫细胞、免疫活性物质"]),
        ("11", "fill", ["抗体", "细胞因子", "溶菌酶"]),
        ("12", "fill", ["免疫"]),
        ("13", "fill", ["皮肤", "黏膜", "杀菌"]),
        ("14", "short", None),
    ]
    assert questions[0]["stem"] == "免疫系统由哪三部分组成?\n____"


def test_an_outline_keeps_its_reading_with_a_pages_furniture_at_the_margin() -> None:
    """Interview notes laid out as an outline (dz1: "第1题 谈谈变量提升？" over its indented
    answer), printed with a page line at the margin every fifteen lines ("第 2 页 共 9 页"): the
    page line is furniture, no line of the outline, and the notes read as without it."""
    text = (CORPUS_PAPERS / "dz1_js-mianshiti-1-8.txt").read_bytes().decode("utf-8-sig")
    lines = text.replace("\r\n", "\n").split("\n")
    paged = [f"{line}\n第 {i // 15 + 1} 页 共 9 页" if i % 15 == 14 else line for i, line in enumerate(lines)]

    def read(paper: str) -> list[tuple[str, object]]:
        return [(q.stem, q.answer) for q in parse_document("notes.txt", paper.encode()).questions]

    assert len(read(text)) == 8
    assert read("\n".join(paged)) == read(text)


def test_practice_sets_numbered_with_a_closing_bracket_each_followed_by_its_key() -> None:
    # "1)" "2)" … then "答案：1-2. AA", then the next set numbered from "1)" again: a new set of
    # questions, not entries of the key (as with "1." "2.")
    text = (
        "专项训练（1）\n1) The store is open ______ 9:00 a.m. and 6:00 p.m.\nA. between\nB. on\n"
        "2) Lucy wants to be ______ engineer.\nA. an\nB. a\n答案：1-2. AA\n"
        "专项训练（2）\n1) The bookstore is ______ the bank.\nA. behind\nB. from\n"
        "2) Tom is young, ______ he can look after himself.\nA. and\nB. but\n答案：1-2. AB\n"
    )
    expected = [("The store is", "A"), ("Lucy wants t", "A"), ("The bookstor", "A"), ("Tom is young", "B")]
    assert [(str(q["stem"])[:12], q["answer"]) for q in parse(text)] == expected
    # (and so with options labelled in lower case, as OCR gives them: "a." over "b.")
    lower = text.replace("\nA. ", "\na. ").replace("\nB. ", "\nb. ").replace(") ", ". ")
    assert [(str(q["stem"])[:12], q["answer"]) for q in parse(lower)] == expected


def test_a_number_and_its_key_alone_on_a_line_over_each_question() -> None:
    # 題號 | 答案 | 題目 as a PDF gives it: "001 1" over the question, its options (１)(２)(３) in
    # its text; a short question may run on after the key ("003 2柴油…"); "2 3" under a
    # question (a table's row) opens nothing
    text = (
        "機械常識選擇題\n題號答案題    目\n001 1\n柴油引擎燃燒是靠：（１）空氣壓縮後之高溫著火。（２）火星塞點火。\n"
        "002 3\n柴油引擎在壓縮行程是：（１）壓縮純柴油。（２）壓縮混合氣。（３）壓縮純空氣。\n"
        "003 2柴油引擎的水套功能是：（１）潤滑。（２）冷卻。（３）傳動。\n"
        "004 3\n下表中第二列的數值是：（１）轉速。（２）溫度。（３）壓力。\n2 3\n"
    )
    assert [(q["number"], q["answer"], len(q["options"])) for q in parse(text)] == [
        ("1", "A", 2),
        ("2", "C", 3),
        ("3", "B", 3),
        ("4", "C", 3),
    ]


def test_options_printed_without_labels_the_key_starred_before_its_text() -> None:
    # A quiz tool's input: options one a line, unlabelled, the right one starred ("*脱贫攻坚"), in
    # a paper of no parts; the stem may run long, end without a stop, or carry the key's text
    # after it; an option may be a number ("*70"), and a bank that repeats its questions repeats
    # its starred lines (no running header); a stem ending "…不包括" asks as a blank does
    stems = [
        "1.第一民生工程是（）。",
        "2.我们要全面掌握（）主义和（）主义的世界观和方法论，这是全体党员干部的必修课和基本功",
        "3、今年是中俄建交（）周年。",
        "4、（）是核心战斗力，是军事发展中最活跃、最具革命性的因素。科学技术",
        "5.党的民主集中制的基本原则不包括",
    ]
    options = [
        ["住房保障", "*脱贫攻坚", "社会保障"],
        ["马克思 列宁", "*辩证唯物 历史唯物", "辩证唯物 唯心"],
        ["60", "*70", "80"],
        ["政治过硬", "*科学技术", "理想信念"],
        ["*个人服从领导", "下级服从上级", "少数服从多数"],
    ]
    body = "".join(
        f"{stem}\n" + "".join(f"{o}\n" for o in opts) for stem, opts in zip(stems, options, strict=True)
    )
    repeated = body + "\n".join(f"{n}.重复的题目之{n}是（）。\n甲\n*脱贫攻坚\n丙" for n in range(6, 9))
    questions = parse(repeated)
    assert [(q["type"], q["options"], q["answer"]) for q in questions[:5]] == [
        ("single", [o.lstrip("*") for o in opts], "BBBBA"[i]) for i, opts in enumerate(options)
    ]
    assert [q["options"] for q in questions[5:]] == [["甲", "脱贫攻坚", "丙"]] * 3
    # (a labelled option opening with a star is C's pointer, "*p++", never a key)
    [pointer] = parse("1. 下列表达式中错误的是（ ）\nA. a[9]\nB. *p++\nC. a++\n答案：C")
    assert (pointer["options"], pointer["answer"]) == (["a[9]", "*p++", "a++"], "C")


def test_a_key_in_the_box_before_its_number_over_options_on_the_question_line() -> None:
    # Taiwan's item banks: "（ Ａ ）  1.…？　(A)…　(B)…" (the key full-width, the options inline),
    # judgements boxed "（ ○ ）" right and "（ ╳ ）" wrong; each question over its record line
    # "編碼：00234　出處：P.83　來源：課本" (id, page, source: no text of any question)
    text = (
        "一、是非題: 共2題\n編碼：00234　　出處：P.83　　來源：課本\n"
        "（ ○ ）  1.沒有一種食物可以涵蓋人體需要的所有營養素。\n編碼：00235　　出處：P.89　　來源：課本\n"
        "（ ╳ ）  2.選購食品時，包裝說明不要太相信。\n"
        "二、單選題: 共2題\n編碼：00684　　出處：P.89　　來源：補充題\n"
        "（ Ａ ）  1.下列關於購物消費之敘述，何者正確？　(A)服務專線：1950　(B)採藥物瘦身減肥\n"
        "編碼：00685　　出處：P.89　　來源：補充題\n"
        "（ Ｂ ）  2.檢舉專線為？　(A)0800-995995　(B)0800-625748\n"
    )
    assert [(q["type"], q["stem"], q["answer"]) for q in parse(text)] == [
        ("truefalse", "沒有一種食物可以涵蓋人體需要的所有營養素。", True),
        ("truefalse", "選購食品時,包裝說明不要太相信。", False),
        ("single", "下列關於購物消費之敘述,何者正確?", "A"),
        ("single", "檢舉專線為?", "B"),
    ]


def test_homework_in_markdown_each_exercise_headed_by_its_number_alone() -> None:
    # "## 8.1" over the exercise (its parts "(1)"…"(n)" asking nothing on their own), "**解**"
    # over one worked answer taking the parts in turn: one question numbered 8.1, its parts its
    # text; "## 8.2" opens the next (no part's key), whatever number a part reached
    md = (
        "# 第 8 章作业\n\n## 8.1\n请将下列无符号数据进行转换。\n\n"
        "(1) 二进制转换为十进制：$101_2$。  \n(2) 十进制转换为二进制：$42_{10}$。  \n(3) 十六进制转换为十进制：$8A_{16}$。\n\n"
        "**解**\n\n(1) 二进制转换为十进制：\n\n$101_2 = 5_{10}$\n\n(2) 十进制转换为二进制：\n\n$42_{10} = 101010_2$\n\n"
        "(3) 十六进制转换为十进制：\n\n$8A_{16} = 138_{10}$\n\n"
        "## 8.2\n请给出 32 位二进制数视作补码时所表示的数的范围。\n\n**解**\n\n$-2^{31} \\sim 2^{31} - 1$\n\n"
        "## 8.3\n证明补码加法的正确性。\n\n**解**\n\n由定义即得。\n"
    )
    questions = parse_markdown(md)
    assert [(q["number"], q["type"]) for q in questions] == [
        ("8.1", "short"),
        ("8.2", "short"),
        ("8.3", "short"),
    ]
    first = questions[0]
    assert str(first["stem"]).endswith("(3) 十六进制转换为十进制:$8A_{16}$。")
    assert str(first["answer"]).startswith("(1) 二进制转换为十进制:") and "138_{10}" in str(first["answer"])
    assert questions[2]["answer"] == "由定义即得。"


def test_a_table_laid_out_a_cell_a_line_in_markdown_html_is_no_questions() -> None:
    # a blog post's <table> of lectures (cells on lines of their own in the source) holds no
    # questions: "1" over "Introduction to Economics" is a row, not question 1
    rows = "".join(f"  <tr>\n    <td>{n}</td>\n    <td>Topic {n} Theory</td>\n  </tr>\n" for n in range(1, 6))
    md = (
        '# Course\n\n<table border="1">\n  <tr>\n    <th>Lecture</th>\n    <th>Topic</th>\n  </tr>\n'
        + rows
        + "</table>\n\n## Exercises\n\n1.设需求函数为 $Q=100-2P$，求均衡价格。\n\n2.什么是边际效用递减规律？\n"
    )
    assert [(q["number"], str(q["stem"])[:6]) for q in parse_markdown(md)] == [
        ("1", "设需求函数为"),
        ("2", "什么是边际效"),
    ]


def test_each_options_letter_alone_on_the_line_over_its_text() -> None:
    # a quiz page copied with each choice's letter apart from its text ("A" over "…"), the right
    # one marked "(o)" at its end, questions apart by a rule of dashes; a key's lone letters over
    # numbered questions stay keys
    text = (
        "下列何者不是防範「Juice Jacking」攻擊的方式?\nA\n手機作業系統隨時更新\nB\n使用自己的行動電源充電\n"
        "C\n如果手機跳出USB數據連結的訊息，一律允許(o)\n" + "-" * 40 + "\n"
        "Tom想實現接受者可向第三方證實消息來自發送方，請問想達到什麼目標?\nA\n不可否認性(o)\nB\n可靠性\n"
    )
    assert [(q["options"], q["answer"]) for q in parse(text)] == [
        (["手機作業系統隨時更新", "使用自己的行動電源充電", "如果手機跳出USB數據連結的訊息,一律允許"], "C"),
        (["不可否認性", "可靠性"], "A"),
    ]
    keyed = parse("1. 客户投诉时首先应该（ ）\nA\n2. 服务的第一步是（ ）\nB\n3. 结束通话前应该（ ）\nA\n")
    assert [(q["number"], q["options"]) for q in keyed] == [("1", []), ("2", []), ("3", [])]


def test_circled_statements_and_the_options_combining_them_on_one_line() -> None:
    # "…（ ） ①甲 ②乙 ③丙 ④丁 A．①③ B．①④ C．②③ D．②④" all on the question's line (a dataset's
    # record, a PDF's run-together text): the circled run is the stem's statements, as when the
    # options open a line of their own; circled options alone stay options
    text = (
        "1. 主要原因是这些中小城市（ ） ①服务设施齐全 ②承接了转移的产业 ③就业机会多 ④生态环境好． "
        "A．①③ B．①④ C．②③ D．②④\n2. 下列城市中位于长江沿岸的是（ ） ①武汉 ②西安 ③南京 ④兰州\n"
    )
    first, second = parse(text)
    assert (first["stem"], first["options"]) == (
        "主要原因是这些中小城市( )\n①服务设施齐全\n②承接了转移的产业\n③就业机会多\n④生态环境好.",
        ["①③", "①④", "②③", "②④"],
    )
    assert second["options"] == ["武汉", "西安", "南京", "兰州"]


def test_a_past_papers_questions_headed_by_their_sitting_over_blanks_keyed_in_turn() -> None:
    # a 软考 answer book: "2016年5月第1题" alone heads each question, its options carry the
    # blank's number "(1)A.", and "【答案】" follows; a stem of two blanks is keyed "C   A", a
    # letter each in turn, after the last blank's options
    text = """
2016年5月第1题
VLIW是（1）的简称。
(1)A.复杂指令系统计算机\t\tB.超大规模集成电路
C.单指令流多数据流\t\tD.超长指令字
【答案】D
【解析】
VLIW即超长指令字。

2016年5月第2题
主存与Cache的地址映射方式中，（2）方式可以实现主存任意一块装入Cache中任意位置。
(2)A.全相联\t\tB.直接映射\t\tC.组相联\t\tD.串并联
【答案】A
【解析】
全相联映射是指主存中任一块都可以映射到Cache中任一块。

2016年5月第3题
某项目的关键路径长度为（3）天，活动FG的松弛时间为（4）天。
(3)A.20\t\tB.17\t\tC.14\t\tD.12
(4)A.11\t\tB.8\t\tC.3\t\tD.0
【答案】C   A
【解析】
关键路径为A-B-D-G-I，长度14。
"""
    found = parse(text)
    assert [(q["number"], q["stem"], q["answer"]) for q in found] == [
        ("1", "VLIW是(1)的简称。", "D"),
        ("2", "主存与Cache的地址映射方式中,(2)方式可以实现主存任意一块装入Cache中任意位置。", "A"),
        ("3", "某项目的关键路径长度为(3)天,活动FG的松弛时间为(4)天。", "C"),
        ("4", "某项目的关键路径长度为(3)天,活动FG的松弛时间为(4)天。", "A"),
    ]
    assert found[0]["explanation"] == "VLIW即超长指令字。"
    assert found[2]["options"] == ["20", "17", "14", "12"]


def test_a_blanks_key_of_letters_in_turn_needs_one_letter_a_blank() -> None:
    # "B D" after three blanks' options: two letters for three blanks, so no blank is sure which is
    # its own and none is given one
    text = """
第1题
甲为（1），乙为（2），丙为（3）。
(1)A.一\t\tB.二\t\tC.三\t\tD.四
(2)A.五\t\tB.六\t\tC.七\t\tD.八
(3)A.九\t\tB.十\t\tC.百\t\tD.千
【答案】B D
第4题
丁为（4）。
(4)A.一\t\tB.二\t\tC.三\t\tD.四
【答案】A
"""
    found = parse(text)
    assert found[0]["answer"] is None and found[1]["answer"] is None
    assert found[3]["answer"] == "A"


def test_a_major_problems_parts_that_set_a_task_after_its_givens() -> None:
    # a maths final's major problems "二.（20分）" head their parts; a part asks by describing
    # (叙述…的定义), or by proving or finding after its givens ("（20分）令…. 证明…"); the
    # exam's numbered notes to candidates ("请…") stay notes
    text = """
一、考试须知
1.请将答案写在答题纸上，写在试卷上无效。
2.考试结束后，请将试卷与答题纸一并交回。
二.（20分） 设f在[0,1]上连续.考虑方程
(1).试写出上述方程的一个解;
(2).叙述上述方程强解的定义;
(3).上述方程的解具有轨道唯一性吗?
(4).令g为有界函数，证明上述方程的解唯一.
三.（20分）
(1).（20分）令W为一维布朗运动. 证明W是一个鞅;
(2).设X为扩散过程，求X首次逃出区间的概率.
"""
    stems = [q["stem"] for q in parse(text)]
    assert "叙述上述方程强解的定义;" in stems
    assert "令g为有界函数,证明上述方程的解唯一." in stems
    assert any(s.endswith("证明W是一个鞅;") for s in stems)
    assert any(s.startswith("设X为扩散过程") for s in stems)
    assert not any("答题纸" in s for s in stems)


def test_a_banks_key_column_printed_apart_before_each_number() -> None:
    # Taiwan's 題庫 exported from Word: "A 1.下列…" the key, a space, then the question's number;
    # an option whose text opens with a decimal ("(A) 1.5 倍") stays an option
    text = """
風險管理:一般觀念
A 1.下列何者為資訊安全風險管理的要求？
(A)需識別相關之風險
(B)需有一位風險管理主管
(C)需納入年度預期損失
(D)需取得資產擁有者核准
C 2.關於風險管理，下列敘述何者較「不」正確？
(A)應依期限執行改善
(B)應進行風險再評鑑
(C)逾期仍應持續執行原計畫
(D)應提出風險改善計畫
D 3.下列何者不是合適的門檻值？
(A) 1.5 倍
(B) 2 倍
(C) 3 倍
(D) 0 倍
"""
    found = parse(text)
    assert [(q["number"], q["answer"], len(q["options"])) for q in found] == [
        ("1", "A", 4),
        ("2", "C", 4),
        ("3", "D", 4),
    ]
    assert found[0]["options"] == [
        "需識別相關之風險",
        "需有一位風險管理主管",
        "需納入年度預期損失",
        "需取得資產擁有者核准",
    ]
    assert found[2]["options"] == ["1.5 倍", "2 倍", "3 倍", "0 倍"]


def test_a_key_printed_as_a_list_of_quoted_letters() -> None:
    # a static site's quiz: the key under a collapsed "details" box as the app's list, "['D']"
    text = """
1. 以下哪个是网络协议的主要功能?(   )
A. 降低网络成本
B. 提高硬件性能
C. 规范数据传输格式
答案：['C']
2. 以下哪些协议属于传输层协议?(    )
A. TCP
B. UDP
C. IP
答案：["A", "B"]
"""
    assert [(q["type"], q["answer"]) for q in parse(text)] == [("single", "C"), ("multiple", "AB")]


def test_a_language_papers_parts_named_by_their_task_hold_its_questions() -> None:
    # a 语文 paper's parts say what the candidate does ("积累与运用", "现代文阅读"), not a type: their
    # numbered lines are its questions even where they end in points rather than a question mark
    text = """
一、积累与运用（共21分）
1.根据拼音，依次写出①②处相应的汉字。（2分）
2.下面填入文中括号内的词语，顺序恰当的一项是（）（2分）
A.笼罩 透视 运用 B.透视 笼罩 运用 C.透视 运用 笼罩
二、现代文阅读
3.小说采用双线结构安排故事。请结合提示，梳理故事情节。（4分）
4.从全文看，小说第①段细节描写有什么作用？（4分）
"""
    assert [q["number"] for q in parse(text)] == ["1", "2", "3", "4"]


def test_a_problem_asking_for_its_parts_after_its_givens() -> None:
    """ "…，求：" ending a problem's givens (read as its answer by the line it wrapped onto) lists
    what it asks for: the numbered parts are its questions, the givens their material."""
    text = (
        "三、计算题（每题10分）\n"
        "1.（10分）质量为 m 的子弹以速度 v0水平射入沙土中，设子弹所受\n"
        "阻力与速度反向，大小与速度成正比，比例系数为K，求：\n"
        "(1)子弹射入沙土后，速度随时间变化的函数式；\n"
        "(2)子弹进入沙土的最大深度。\n"
        "2.（10分）有一个轻质弹簧，两端连接两滑块 A和 B，放在光滑水平桌面上，\n"
        "试求：\n"
        "(1)子弹击中 A的瞬间，A 和 B的速度；\n"
        "(2)弹簧的最大弹性势能。\n"
    )
    questions = parse(text)
    assert [(q["stem"], q["answer"]) for q in questions] == [
        ("子弹射入沙土后,速度随时间变化的函数式;", None),
        ("子弹进入沙土的最大深度。", None),
        ("子弹击中 A的瞬间,A 和 B的速度;", None),
        ("弹簧的最大弹性势能。", None),
    ]
    assert [q["material"] for q in questions] == [
        "(10分)质量为 m 的子弹以速度 v0水平射入沙土中,设子弹所受\n阻力与速度反向,大小与速度成正比,比例系数为K,求:"
    ] * 2 + ["(10分)有一个轻质弹簧,两端连接两滑块 A和 B,放在光滑水平桌面上,\n试求:"] * 2


def test_a_question_cut_at_the_page_width_before_it_asks_runs_on() -> None:
    """A Word page printed a line a paragraph: most lines stop at the page's width, a few long
    paragraphs pass it (so no wrap width is found). A question cut there before it asked anything
    goes on below; it is no answer (the paper prints none)."""
    story = "藕肥的日子，荷塘就瘦了，原本的碧绿和粉红已被浓浓的秋色逼开去。水排干了，膏腴般"  # 40 characters
    long = "秋荷挖着藕，不时抬起头掠掠额前的头发，朝村口打量，天很高，云却很低。" * 4
    text = "\n".join(
        [
            "二、现代文阅读",
            *[story] * 30,
            *[long] * 2,
            "1.本来你要陪同宣传组负责人小川一起去印刷厂与李编辑讨论印制相册的细则，但小川",
            "生病了。宣传组讨论决定使用铜版彩印，印数500份，请你转述给李编辑。（2分）",
            "2.为纪念红军长征胜利87周年，班级开展戏剧创编与表演活动，九一班想把这篇小说改",
            "成短剧，请帮助完成。",
        ]
    )
    assert [(q["stem"], q["answer"]) for q in parse(text)][-2:] == [
        (
            "本来你要陪同宣传组负责人小川一起去印刷厂与李编辑讨论印制相册的细则,但小川"
            "生病了。宣传组讨论决定使用铜版彩印,印数500份,请你转述给李编辑。",
            None,
        ),
        ("为纪念红军长征胜利87周年,班级开展戏剧创编与表演活动,九一班想把这篇小说改成短剧,请帮助完成。", None),
    ]


def test_a_key_part_whose_entries_open_with_the_word_answer() -> None:
    """ "1.解答错误。…" in a key part repeating the paper's parts: "解答" says "answer", then the
    verdict and its reasons; "α1, α2, α3" in a stem and "[0, 2, 0]" in a reason are no numbers."""
    text = (
        "一、判断题\n"
        "1.设三个向量 {α1, α2, α3} 线性相关，则其中任意一个向量都可以由另外两个向量线性表示。（ ）\n"
        "2.若一个矩阵是正规矩阵，则它的酉相似矩阵也为正规矩阵。（ ）\n"
        "二、填空题\n"
        "1.一个非零 λ 矩阵通过初等变换能化成的最简形式为____。\n"
        "矩阵分析试题参考答案\n"
        "一、判断题\n"
        "1.解答错误。反例：α1 = [1, 0, 0], α2 = [0, 1, 0], α3 = [0, 2, 0]。\n"
        "2.解答正确。其酉相似矩阵也满足定义。\n"
        "二、填空题\n"
        "1.解答 Smith 标准形\n"
    )
    assert [(q["type"], q["answer"], q["explanation"]) for q in parse(text)] == [
        ("truefalse", False, "反例:α1 = [1, 0, 0], α2 = [0, 1, 0], α3 = [0, 2, 0]。"),
        ("truefalse", True, "其酉相似矩阵也满足定义。"),
        ("fill", ["Smith 标准形"], ""),
    ]


def test_a_key_part_named_by_its_numeral_alone_over_the_word_answer() -> None:
    """A problem printed under a bare "三、" (its givens, then its parts), keyed under "三、" and
    "解答" in the key part: the parts' answers, never a 解答题 part of new questions."""
    text = (
        "一、判断题\n"
        "1.若一个矩阵是正规矩阵，则它的酉相似矩阵也为正规矩阵。（ ）\n"
        "三、\n"
        "已知线性空间的子空间V1和V2\n"
        "（1）求 V1和 V2的基；\n"
        "（2）求 V1+V2的基。\n"
        "参考答案\n"
        "一、判断题\n"
        "1.解答正确。理由。\n"
        "三、\n"
        "解答\n"
        "（1）基为甲。\n"
        "（2）基为乙。\n"
    )
    assert [(q["stem"], q["answer"]) for q in parse(text)] == [
        ("若一个矩阵是正规矩阵,则它的酉相似矩阵也为正规矩阵。( )", True),
        ("求 V1和 V2的基;", "基为甲。"),
        ("求 V1+V2的基。", "基为乙。"),
    ]


def test_a_result_page_printing_the_candidates_answer_then_the_key() -> None:
    """An exam platform's result page prints the candidate's "Answer:" and then "Keys:" (or
    "Correct answer:", "正确答案：") under each question, the letters on the next line or after the
    label, and "Analysis:" over its notes: the key is the later label's, never the two together.
    Under "答案：A" a 解析 that names "正确答案" is the explanation, the key stays A; a label "A." printed
    beside an option text repeating it ("A. 正面朝向对方") leaves the text alone."""
    text = (
        "1.递接名片时应当注意字体的。\nA.    A. 正面朝向对方\nB.    B. 侧面朝向对方\nC.    C. 反面朝向对方\n"
        "Answer:\nB\nKeys:\nA\nAnalysis:\nNone\n"
        "2. Which colour is the sky?\nA. red\nB. blue\nAnswer: A\nCorrect answer: B\n"
        "3.来访客人应先？\nA.进门\nB.等待\n答案：A\n正确答案：B\n"
        "4.客人离开时应？\nA.送到门口\nB.不送\n答案：A\n解析：正确答案是送到门口。\n"
    )
    assert [(q["options"], q["answer"], q["explanation"]) for q in parse(text)] == [
        (["正面朝向对方", "侧面朝向对方", "反面朝向对方"], "A", "None"),
        (["red", "blue"], "B", ""),
        (["进门", "等待"], "B", ""),
        (["送到门口", "不送"], "A", "正确答案是送到门口。"),
    ]


def test_an_answers_points_numbered_apart_from_the_questions_around_them() -> None:
    """A review sheet numbers its topics "5." and the points of an answer "1、" "2、": where the
    topics' run goes on after the points ("6."), they were the answer's, not questions. A run of
    "1、" that never gives way to the next topic is a part of its own (its heading lost); "1." alone
    over "1、…（）" is one question's number printed twice."""
    text = (
        "4.毛泽东思想的活的灵魂\n实事求是、群众路线、独立自主。\n"
        "5.新民主主义革命的动力\n1、无产阶级是最基本的动力。\n2、农民是主力军。\n"
        "6.新民主主义革命的三大法宝\n1、统一战线\n2、武装斗争\n3、党的建设\n"
        "7.改革开放理论\n改革是中国的第二次革命。\n附加\n1、改革开放的意义\n2、互利共赢的开放战略\n"
    )
    assert [(q["stem"], str(q["answer"]).replace("\n", " ")) for q in parse(text)] == [
        ("毛泽东思想的活的灵魂", "实事求是、群众路线、独立自主。"),
        ("新民主主义革命的动力", "1、无产阶级是最基本的动力。 2、农民是主力军。"),
        ("新民主主义革命的三大法宝", "1、统一战线 2、武装斗争 3、党的建设"),
        ("改革开放理论", "改革是中国的第二次革命。 附加"),
        ("改革开放的意义", "None"),
        ("互利共赢的开放战略", "None"),
    ]
    twice = "1.\n1、客户是（）\nA.上帝\nB.对手\n2.\n2、服务是（）\nA.产品\nB.过程\n"
    assert [(q["stem"], q["options"]) for q in parse(twice)] == [
        ("客户是()", ["上帝", "对手"]),
        ("服务是()", ["产品", "过程"]),
    ]


def test_an_answers_bracketed_points_set_in_a_block_quote() -> None:
    """A Markdown review sheet quoting each answer under its question: "> （1）…" "> （2）…" under
    question 1, then "2." goes on. The quote's bracketed points are question 1's answer, not
    questions of their own (a term and its definition, as they look). Outside a quote "（1）" stays
    a part's number: a case's sub-questions ask nothing more than that."""
    md = (
        "# 第一章 复习题\n\n1. 描述无线局域网的两种工作模式。\n\n"
        "> （1）基础设施模式：主机通过接入点通信。\n> （2）自组织模式：主机之间直接通信，没有接入点。\n\n"
        "2. 什么是时分复用？\n\n> 把时间划分为帧，每帧划分为固定数量的时隙。\n"
    )
    assert [(q["stem"], str(q["answer"]).replace("\n", " ")) for q in parse_markdown(md)] == [
        (
            "描述无线局域网的两种工作模式。",
            "(1)基础设施模式:主机通过接入点通信。 (2)自组织模式:主机之间直接通信,没有接入点。",
        ),
        ("什么是时分复用?", "把时间划分为帧,每帧划分为固定数量的时隙。"),
    ]
    case = "1. 某公司上年利润为100万元。\n（1）计算今年的利润。\n（2）计算增长率。\n2. 什么是利润？\n"
    assert [q["stem"] for q in parse_markdown(case)] == ["计算今年的利润。", "计算增长率。", "什么是利润?"]


def test_a_written_test_drill_heading_each_question_with_its_number() -> None:
    """A 牛客-style drill in Markdown: "#### NN topic" heads each question, whatever the topic
    opens with ("&&"); options set in a code fence labelled by a space alone ("A 甲"); the key a
    bare "`C`" under them, then why, or in a <details> block whose HTML leaves the code span
    unread. A fence of "A a;" "B b;" is a program's objects, not options."""
    md = (
        "#### 01 在（）情况下适宜采用 inline 定义内联函数\n\n```\nA 函数体含有循环语句\n"
        "B 函数代码少、频繁调用\n```\n\n`B`\n\n内联函数适合短小的函数。\n\n"
        '#### 02 && 和 || 的短路原则\n\n```c\nint a = 1, b = 2;\nif (a == 1 && b++ == 2) printf("%d", b);\n```\n\n'
        "```\nA 2\nB 3\n```\n\n<details><summary><b>Answer</b></summary>\n<p>\n`B`\n</p>\n</details>\n\n"
        "#### 03 类类型的数组元素会执行构造函数吗？\n\n```\nA a;\nB b;\n```\n\n"
        "```\nA 5\nB 4\n```\n\n<details><summary><b>Answer</b></summary>\n<p>\n`A`\n</p>\n</details>\n"
    )
    assert [
        (q["number"], q["stem"].splitlines()[0], q["options"], q["answer"]) for q in parse_markdown(md)
    ] == [
        ("1", "在()情况下适宜采用 inline 定义内联函数", ["函数体含有循环语句", "函数代码少、频繁调用"], "B"),
        ("2", "&& 和 || 的短路原则", ["2", "3"], "B"),
        ("3", "类类型的数组元素会执行构造函数吗?", ["5", "4"], "A"),
    ]
    assert parse_markdown(md)[0]["explanation"] == "内联函数适合短小的函数。"
    assert "A a;\nB b;" in parse_markdown(md)[2]["stem"]


def test_a_platforms_quiz_kept_with_each_key_in_bold_inside_its_brackets() -> None:
    """A student's archive of a 超星 course's quizzes: "(**1961年获得经济学博士**)" in the stem is the
    blank and its key, "(**√**)" / "(**x**)" after a statement its verdict (a cross typed as a
    letter). "(**C**)" is a choice's key, read as before."""
    md = (
        "### （一）\n\n1） 下列对丹尼尔·卡尼曼说法错误的是(**1961年获得经济学博士**)。\n\n"
        "2）精神抑郁症排(**第五位**)，预计将跃升世界(**第二位**)。\n\n"
        "3）美国对主流经济学提出批判。(**√**)\n\n4）“幸福热”仅仅是在地方层面。(**x**)\n"
    )
    assert [brief(q) for q in parse_markdown(md)] == [
        ("fill", "下列对丹尼尔·卡尼曼说法错误的是____。", [], ["1961年获得经济学博士"]),
        ("fill", "精神抑郁症排____,预计将跃升世界____。", [], ["第五位", "第二位"]),
        ("truefalse", "美国对主流经济学提出批判。", [], True),
        ("truefalse", "“幸福热”仅仅是在地方层面。", [], False),
    ]


def test_a_key_heading_each_answer_with_its_question_restated() -> None:
    """A review sheet lists its questions "1." "2.", then under "## 参考答案" heads each answer
    with the question restated and numbered its own way ("### 二.…"): the question it repeats is
    the one it answers, whatever the number says."""
    md = (
        "## 复习范围\n\n1. 新发展理念的构成及其各自的内涵和定位是什么\n2. 推进供给侧结构性改革的举措有哪些\n\n"
        "## 参考答案\n\n### 一.新发展理念的构成及其各自的内涵和定位是什么\n\n创新、协调、绿色、开放、共享。\n\n"
        "### 二.推进供给侧结构性改革的举措\n\n推动增长动能转换。\n"
    )
    assert [(q["stem"], q["answer"]) for q in parse_markdown(md)] == [
        ("新发展理念的构成及其各自的内涵和定位是什么", "创新、协调、绿色、开放、共享。"),
        ("推进供给侧结构性改革的举措有哪些", "推动增长动能转换。"),
    ]


def test_two_sets_of_questions_each_keyed_under_its_own_title() -> None:
    """A page of two practice sets (计算机二级 style), each numbered from 1 and followed by its key
    titled "第一套题答案" / "第二套题答案": each title starts a key (the second with no part named
    under it), its run "1-2 CA" the set's."""
    text = (
        "第一套题\n一、选择题\n1. 栈的特点是______。\nA、先进先出\nB、后进先出\nC、随机\n"
        "2. 队列的特点是______。\nA、先进先出\nB、后进先出\nC、随机\n二、填空题\n3. 数据库的三级模式是______。\n"
        "第一套题答案\n选择题\n1-2 BA\n填空题\n3.概念模式\n"
        "第二套题\n一、选择题\n1. DBMS 指的是______。\nA、数据库\nB、数据库系统\nC、数据库管理系统\n"
        "2. 视图是______。\nA、虚表\nB、实表\nC、文件\n二、填空题\n3. 冒泡排序最坏的比较次数是______。\n"
        "第二套题答案\n1-2 CA\n3.n(n-1)次\n"
    )
    assert [q["answer"] for q in parse(text)] == ["B", "A", ["概念模式"], "C", "A", ["n(n-1)次"]]


def test_a_learners_notes_abbreviating_answer_as_a() -> None:
    """An English practice test typed up in Markdown: under options A-D, "A. B." or "A. B, switches
    break up…" is the key ("A." for Answer: option A was read already), the rest its explanation.
    "A. B − A 和 A − B 独立" is option A's own text, a letter opening it."""
    md = (
        "1. Which device acts like a multiport repeater?\n- A. Firewall\n- B. Hub\n- C. Router\n\nA. B.\n\n"
        "2. Which benefit does a switch provide to a LAN?\n- A. Breaks up broadcast domains\n"
        "- B. Breaks up collision domains\n\nA. B, switches break up collision domains.\n\n"
        "3. 下列选项正确的是（ ）\nA. B − A 和 A − B 独立\nB. AC 和 BC 独立\n"
    )
    assert [(options_of(q)[:1], q["answer"], q["explanation"]) for q in parse_markdown(md)] == [
        (["Firewall"], "B", ""),
        (["Breaks up broadcast domains"], "B", "switches break up collision domains."),
        (["B − A 和 A − B 独立"], None, ""),
    ]


def test_a_coursera_quiz_numbering_its_questions_as_question_n() -> None:
    """A Coursera quiz saved in Markdown under its Chinese UI: "第 1 个问题" alone over each question
    (as "第1题" / "第 2 道题" elsewhere), its options bullets, the right ones in bold."""
    md = (
        "Quiz - Week 13\n==============\n\n第 1 个问题\n\n下列关于操作系统的叙述中，哪些是正确的？［多选］\n\n"
        "- **分时操作系统是典型的交互式系统**\n- 操作系统实现时要求用户考虑硬件操作细节\n"
        "- **操作系统管理着计算机系统中的各种资源**\n\n"
        "第 2 个问题\n\n下列关于系统调用的叙述中，哪一个是错误的？\n\n"
        "- 系统调用的功能是由内核函数实现的\n- **执行系统调用时，不能利用通用寄存器完成参数传递**\n"
        "- 打开磁盘上的一个文件属于系统调用\n\n"
        "第 3 个问题\n\n下列关于中断的叙述中，哪一个是错误的？\n\n- 启动I/O指令只能在内核态下运行\n"
        "- **Page Fault属于I/O中断**\n- 中断向量保存了程序状态字\n"
    )
    assert [(q["number"], str(q["stem"])[:8], q["answer"]) for q in parse_markdown(md)] == [
        ("1", "下列关于操作系统", "AC"),
        ("2", "下列关于系统调用", "B"),
        ("3", "下列关于中断的叙", "B"),
    ]


def test_an_exam_sites_copy_keying_its_bullet_options_in_italics() -> None:
    """A copy of an exam site's answers: each question a numbered list item, its stem in bold, its
    options nested bullets, the right one in italics with the site's own star ("*SVI\\**"); a note
    quoted between the stem and the options is its explanation."""
    item = (
        "{n}.  **Which connection number {n} provides a secure CLI session?**\n\n"
        "    -   a console connection\n    -   an AUX connection\n    -   *an SSH connection\\**\n\n"
    )
    noted = (
        "4.  **What addresses are mapped by ARP?**\n\n     >   Address Resolution Protocol\n\n"
        "     -   *destination MAC address to a destination IPv4 address\\**\n"
        "     -   destination IPv4 address to the source MAC address\n"
    )
    md = (
        "# CCNA Final Exam Questions (Solutions)\n\n" + "".join(item.format(n=n) for n in range(1, 4)) + noted
    )
    assert [(options_of(q)[-1], q["answer"], q["explanation"]) for q in parse_markdown(md)] == [
        *[("an SSH connection", "C", "")] * 3,
        ("destination IPv4 address to the source MAC address", "A", "Address Resolution Protocol"),
    ]


def test_bold_paragraphs_inside_one_question_never_make_the_paper_headings() -> None:
    """yq1 (129 numbered questions): question 122's command lines and question set as bold
    paragraphs ("**SwitchA(config)# interface vlan 1**") once read as headings over the rest, three
    questions from 741 lines. A heading reading that leaves a hundred lines a question is a collapse:
    the paper is read by its numbers."""
    text = (CORPUS_PAPERS / "yq1_ccna1-final-exam-solutions.md").read_text("utf-8")
    assert len(parse_markdown(text)) >= 125


def test_a_bank_heading_each_question_with_its_record_in_small_print() -> None:
    """Papers a question database turned into Markdown: "## 第 1 题 <sub>qid 2262930 · 人文常识</sub>"
    (the record's id and topic in small print, no part of the question; a formula's "H<sub>2</sub>O"
    keeps its subscript), the options marked ✅, "**答案**：C" then "**官方解析**"; a judgement
    keyed A (对) or B (错) as exam systems key them, its explanation after the verdict."""
    md = (
        "## 第 1 题　<sub>qid 2262930 · 人文常识</sub>\n\n破坏了生态平衡就会使人类受到自然规律的惩罚，这说明：\n\n"
        "- **A**. 地理环境决定社会的发展\n- **B**. 地理环境对人类社会有重要影响　✅\n\n**答案**：B\n\n"
        "## 第 2 题　<sub>qid 2263113 · 人文常识</sub>\n\n司法公正对社会公正具有重要引领作用。（  ）\n\n"
        "**答案**：A\n\n**官方解析**\n\n故表述正确。\n\n"
        "## 第 3 题　<sub>qid 2263114 · 科技常识</sub>\n\n水的化学式是H<sub>2</sub>O。（  ）\n\n**答案**：B\n"
    )
    questions = parse_markdown(md)
    assert [(q["number"], q["type"], q["answer"]) for q in questions] == [
        ("1", "single", "B"),
        ("2", "truefalse", True),
        ("3", "truefalse", False),
    ]
    assert questions[0]["stem"] == "破坏了生态平衡就会使人类受到自然规律的惩罚,这说明:"
    assert "故表述正确。" in str(questions[1]["explanation"])
    assert "H<sub>2</sub>O" in str(questions[2]["stem"])


def test_a_topics_answer_opening_with_a_circled_point_under_wrapped_text() -> None:
    """In a review sheet whose lines a width cut (xt1's own lines, shortened), a topic that asks
    nothing ("14.“三个代表”…的理论") still ends before a line opening "①": that is its answer's first
    point, not more of the topic (a fill question numbering its blanks "①是…引入了" over "② 这一
    概念。" goes on: see sh1)."""
    points = [
        "④我国逐步建立起独立的比较完整的工业体系",
        "⑤积累了在中国这样一个社会生产力水平十分",
        "①确立社会主义制度，推进社会主义建设，完",
        "②使广大劳动人民真正成为国家的主人，这是",
        "③中国社会主义基本制度的确立，使占世界人",
        "④社会主义基本制度的确立，是马克思列宁主",
    ]
    lessons = [
        "①必须把马克思主义与中国实际相结合，探索",
        "②必须正确认识社会主义社会的主要矛盾和根",
        "③必须从实际出发进行社会主义建设，建设规",
        "④必须发展社会主义民主，健全社会主义法制",
        "⑤必须坚持党的民主集中制和集体领导制度，",
        "⑥必须坚持对外开放，借鉴和吸收人类文明成",
    ]
    text = "\n".join(
        [
            "5.新民主主义革命的动力",
            "6.新民主主义革命与旧民主主义革命相比所",
            "7.新民主主义革命的三大法宝",
            "9.确立社会主义基本制度的意义",
            *points,
            "10.社会主义初步探索的经验教训",
            *lessons,
            "11.邓小平理论中关于党的基本路线的内容",
            "①建设“富强、民主、文明的社会主义现代化国家”。这是基本路线规定的党在社会主义初级阶段的奋斗"
            "目标，体现了社会主义社会全面发展的要求。",
            "②“一个中心、两个基本点”。这是基本路线",
            "12.改革开放理论",
            "②改革开放的实质和目标，是要从根本上改变束缚我国生产力发展的经济体制、政治体制和其他方面的体制，"
            "以实现社会主义现代化；",
            "②对外开放，包括对发达国家的开放，也包括对发展中国家的开放。它不仅是经济领域的开放，还包括科技、"
            "教育、文化等领域的开放；",
            "③社会主义作为后起的崭新的社会制度，必须大胆借鉴、吸收人类社会包括资本主义社会创造出来的全部"
            "文明成果，结合新的实践进行新的创造，为我所用；",
            "14.“三个代表”重要思想中关于推进党的建设新的伟大工程的理论",
            "①要坚持党要管党、从严治党的方针，进一步解决提高党的领导水平和执政水平、提高拒腐防变和抵御风险"
            "能力这两大历史性课题；",
        ]
    )
    last = parse(text)[-1]
    assert (last["stem"], str(last["answer"])[:8]) == (
        "“三个代表”重要思想中关于推进党的建设新的伟大工程的理论",
        "①要坚持党要管党",
    )


def test_a_quiz_record_labelling_its_numbered_options_and_keying_them_by_number() -> None:
    """An English quiz record in Markdown: "**Options:**" over a numbered list, or the list run on
    after the label ("**Options:** 1. True  2. False"), keyed "**Answer: 4** (binary search)": the
    numbers label the options, the key's number names one (only under such a label: elsewhere a
    number under a list may be a count)."""
    md = (
        "## Question 1\n\nWhich of the following uses a divide and conquer approach?\n\n**Options:**  \n"
        "1. selection sort  \n2. binary search  \n3. sequential search  \n\n**Answer: 2** (binary search)\n\n---\n\n"
        "## Question 2\n\nTrue or False? Quicksort is based on recursion.\n\n"
        "**Options:** 1. True  2. False  \n**Answer: 2** (False)\n"
    )
    assert [(q["type"], q["options"], q["answer"]) for q in parse_markdown(md)] == [
        ("single", ["selection sort", "binary search", "sequential search"], "B"),
        ("truefalse", [], False),
    ]


def test_a_textbooks_review_questions_and_problems_numbered_r1_and_p1() -> None:
    """Exercise notes for an English textbook number its review questions "R1." and its problems
    "P1." (each run from 1) under section headings "## 1. 1 节 …" (a section, however its number is
    spaced); an assembly listing's labels "R1:" number nothing."""
    md = (
        "# 复习题\n## 1. 1 节 什么是因特网\nR1. 主机和端系统之间有什么不同?\n> 没有区别。\n\n"
        "R2. 标准对于协议为什么重要?\n> 可以互操作。\n\n## 1. 2 节 网络边缘\nR3. 列出 6 种接入技术。\n\n"
        "# 习题\nP1. 设计并描述在自动柜员机中使用的应用层协议。\n"
    )
    assert [(q["number"], q["stem"], q["answer"]) for q in parse_markdown(md)] == [
        ("1", "主机和端系统之间有什么不同?", "没有区别。"),
        ("2", "标准对于协议为什么重要?", "可以互操作。"),
        ("3", "列出 6 种接入技术。", None),
        ("1", "设计并描述在自动柜员机中使用的应用层协议。", None),
    ]
    listing = "1. 写出下面程序的功能。\nR1: ADD $T0,$T0,$S4\nJ R1\nR2: SRL $T2,$T2,1\n2. 程序的结果是什么?\n"
    assert [q["stem"].split("\n")[0] for q in parse(listing)] == ["写出下面程序的功能。", "程序的结果是什么?"]
