"""The rule table: every marker the segmenter recognises, one named regex each.

Rules follow the conventions of Chinese exam papers (section names, numbering styles,
answer markers), never particular sentences of the sample papers. The boundary patterns
are joined into one alternation by the segmenter's rule table (boundaries.RULES), as mistune
does, where each rule's accept function decides whether a match is a boundary in the state.
"""

from __future__ import annotations

import re

from questiontypes import words

from .numbers import chinese_number

CN_NUM = "一二三四五六七八九十"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"  # option labels and numbered points
CJK = "\u3400-\u9fff"

# Words that make a heading a question section, with the type they imply.
SECTION_KINDS: list[tuple[str, str]] = [
    (r"多项选择|多項選擇|多选|多選|复选|複選|不定项选择|不定項選擇", "multiple"),
    (r"单项选择|單項選擇|单选|單選|选择填空|選擇填空|选择题|選擇題|选择|選擇|测验题|測驗題|选一选", "single"),
    # the five parts of the civil service's aptitude test (行测), all choices ("常识判断" asks no 判断题)
    (r"常识判断|常識判斷|判断推理|判斷推理|言语理解|言語理解|数量关系|數量關係|资料分析|資料分析", "single"),
    (r"判断|判斷|是非题|是非題|正误|正誤|对错题|對錯題|判一判", "truefalse"),
    # (primary-school papers name their parts "填一填", "比一比", "算一算", "选一选", "判一判")
    # ("三、请根据以下程序功能，将程序补充完整": a C exam's 程序填空 in words)
    (r"填空|填一填|比一比|算一算|程序补充完整|程序補充完整|补全程序|補全程序|完善程序", "fill"),
    # "一、题目：某公司…" names a case; "经典题目解析", "常问题目集", "题目汇总" name a collection
    (
        r"案例分析|案例|材料分析|情景分析|情境分析|(?<![\u3400-\u9fff])(?:题目|題目)(?!汇总|彙總|集|合集|大全|解析|整理|列表|清单|清單)",
        "case",
    ),
    (
        r"名词解释|名詞解釋|简答|簡答|论述|論述|问答|問答|分析题|分析題|思考题|思考題|计算题|計算題|综合题|綜合題"
        r"|辨析|证明题|證明題|应用题|應用題|应用问题|應用問題|解决问题|解決問題|编程题|編程題|程序设计题|设计题|設計題|实操题|操作题|作图题|画图题|绘图题|繪圖題"
        r"|求解题|求解題|申论|申論|资料题|資料題|分录题|分錄題|主观题|主觀題|翻译题|翻譯題"
        # "一、术语（29道）": terms to define, as 名词解释 lists them
        r"|术语|術語|概念题|概念題|概念解释|概念解釋"
        # "阅读程序写输出结果", "读程序，写出运行结果", "写出程序运行结果": a program each, its output asked
        r"|(?:阅读|閱讀|读|讀)(?:下列|下面|以下)?程序(?:[，,、]?\s*写出?(?:程序)?的?(?:运行|運行|输出|輸出)?结果)?"
        r"|(?:写出)?程序的?(?:运行|運行|输出|輸出)结果"
        # "二、程序阅读与改错", "改错题": a program (or a sentence) to read and put right
        r"|(?:程序|程式)(?:阅读|閱讀)|改错|改錯|纠错|糾錯",
        "short",
    ),
    (r"练习|練習|习题|習題|试题|試題|测试|測試|考题|考題|客观题|客觀題|材料解析|材料题|材料題", "generic"),
]
SECTION_WORDS = "|".join(words for words, _ in SECTION_KINDS)
# A part of open questions named without its 题, alone on its line: "计算", "分析", "综合" (with a
# colon they label an answer: "分析：…", "证明：…")
OPEN_PART_WORDS = r"计算|計算|分析|综合|綜合|设计|設計|解答|证明|證明"
# A part of programming tasks ("三、编程题", "上机题"): its questions are tasks, answered by programs
PROGRAMMING_PART = re.compile(r"编程|編程|上机|上機|程序设计|程序設計|programming", re.IGNORECASE)

# "一、单项选择题(每题2分,共20分)"; mid-line only with a section word close after the numeral.
# "第一题，简答题" / "第二大题 判断题": the same, when a section word follows (else it is text);
# so is "乙、測驗題部分" (a part named by a heavenly stem; "甲、乙两人" is text).
HEADING_CN = (
    rf"(?P<heading_cn>[{CN_NUM}]{{1,3}}\s*[、.．]\s*"
    rf"|(?P<heading_di>第\s*[{CN_NUM}]{{1,3}}\s*大?[题題])\s*[、.．,，:：]?\s*"
    # "第2-4题 上机编程题": a part named by the questions it holds (with its type, else a note)
    r"|(?P<heading_range>第\s*\d{1,3}\s*[-~～至到—–]\s*\d{1,3}\s*[题題])\s*[、.．,，:：]?\s*"
    r"|(?P<heading_gan>[甲乙丙丁])\s*[、.．]\s*)"  # "甲、申論題部分": parts named by the stems
)
# "第二章客户服务理念", "第3节", "第02讲" (a course's lectures); a key for a chapter is "第一章:1.C2.…"
# ("第 1.2 節 …": a textbook's section under its chapter)
HEADING_CHAPTER = (
    rf"(?P<heading_chapter>第\s*(?:\d{{1,2}}\.\d{{1,2}}|[{CN_NUM}百零\d]{{1,4}})"
    r"\s*[章节節篇单單元部讲講课課](?:分)?)"
)
# A key region: "参考答案", "答案解析", "参考:" in a case study.
KEY = (
    r"(?P<key>(?:参考答案|參考答案|标准答案|標準答案|答案解析|答案及解析|答案与解析|答案與解析|答案和解析|答案详解|答案詳解)"
    r"(?:及解析)?(?!要点|要點)\s*[:：]?"  # ("参考答案要点：" labels one answer's points)
    r"|(?<!供)(?<!供您)(?<!供你)(?:参考|參考)\s*[:：])"  # (not "…附有答案供您参考:")
)
# Inline answer: "答案:A", "正确答案:D", "【答案】A", "答:" (short answers).
ANSWER = (
    r"(?P<answer>(?:正确答案|正確答案|试题答案|試題答案|答案|参考答案|參考答案|标准答案|标答|標答|正确选项|正確選項|答题要点|答題要點|答案要点|参考要点|參考要點|参考答案要点|參考答案要點)\s*[:：]"
    r"|^(?:正确答案|答案|参考答案)(?:是|为|為)\s*[:：]"  # "答案是：b" opening a line, not prose
    # "故答案为：…", "故选：D。" closing a worked solution (菁优网's), or "【解答】故答案为：", or
    # after its last sentence ("…这意味着 g(n) = O(f(n))。故答案为： D")
    r"|(?:^|(?<=【解答】)|(?<=[。；;]))故(?:答案(?:为|為|是)|选|選)\s*[:：]"
    # "答案是1 2 4", "答案是第一个", "答案是SHA-2": the label and a short answer, the whole line
    r"|^(?:正确答案|答案|参考答案)(?:是|为|為)(?=[^\s，,。；;：:][^，,。；;：:\n]{0,19}$)"
    # "答案为B", "答案选C", "正确答案是 **C**", "正确答案是 **错误**"
    r"|^(?:正确答案|答案|参考答案)(?:是|为|為|选择|選擇|选|選)\s*(?=(?:\*\*)?(?:[A-Ha-h](?:[\s,，、]*[A-Ha-h])*|正确|错误|正確|錯誤|对|错|對|錯)\s*(?:\*\*)?\s*[.。]?\s*$)"
    r"|【(?:答案|答|参考答案|參考答案|正确答案|正確答案|标准答案|標準答案|答案要点|参考要点|答题要点)】(?:\s*[:：])?"
    r"|\[(?:答案|参考答案|參考答案|正确答案|正確答案|解答)\](?!\()(?:\s*[:：])?"  # "[解答] 网络管理是…"
    r"|(?<![\w])答\s*[:：]|解答\s*[:：]|(?<![\w])解\s*[:：]"
    # Aiken format, English papers ("Ans: B", "Answers: A, C")
    r"|(?<![A-Za-z])(?:ANSWERS?|Answers?|answers?|ANS|Ans|ans)\s*[:：]"
    r"|^(?:Keys?|KEYS?)\s*[:：]"  # an English result page's "Keys:" (its "Answer:" the candidate's)
    r"|(?<![A-Za-z])(?:Đáp án|Respuesta|Resposta|Réponse|Antwort)\s*[:：]"  # the same vendors' translations
    r"|(?<![A-Za-z])(?:Correct|correct|CORRECT|Right|right)\s+(?:answers?|Answers?|ANSWERS?|options?)\s*[:：]"
    r"|(?<![A-Za-z])(?:ANS|Ans|ans)\.\s*(?=[A-Ha-h](?:[\s,，、]*[A-Ha-h])*\s*$)"  # "Ans. A"
    # "正确答案 c": no colon, the letters to the end of the line
    r"|(?:正确答案|正確答案|参考答案|标准答案)\s+(?=[A-Ha-h](?:[\s,，、]*[A-Ha-h])*\s*$)"
    r"|^答案\s+(?=[A-H](?:[\s,，、]*[A-H])*\s*$)"  # "答案 A" opening a line
    # "A.倾听 B.争辩 答案A", "答案BE。": glued to the letters that end the line
    r"|(?:(?<=\s)|^)(?:正确答案|答案)(?=[A-H]{1,8}\s*[。.]?\s*$)"
    r"|^(?:答案|参考答案|參考答案|标准答案)[ \t\u3000]+(?=\S)"  # "答案 以计算机…": a label, a space
    r"|^(?:正确答案|参考答案|答案)\s*(?=[(（][^()（）\n]{1,40}[)）]\s*$)"  # "答案(D)", "答案(9)" alone
    r"|^(?:参考答案|答案)\s*【\s*\d{1,2}\s*】\s*[:：]?)"  # "答案【1】5,0,1": the key of blank 【1】
)
KEY_LETTERS = re.compile(r"^\s*[A-H](?:[\s,，、]*[A-H]){0,7}\s*$")  # a choice's key alone: "AB", "B C", "A,D"
# The label of a key's next run, before its entries or on a line of its own: "Day2", "A篇：",
# "Test 2:", "（二）" (sets of questions each numbered from 1, keyed the same way)
KEY_RUN_LABEL = re.compile(r"\S{1,8}\s*[:：]?")
# Learning-platform exports print "我的答案:B 正确答案:C"; the trainee's answer is dropped.
MY_ANSWER_LABEL = r"(?:我的|你的|您的|考生|学生|学员|學員|用户|用戶)答案"
MY_ANSWER = rf"(?P<my_answer>{MY_ANSWER_LABEL}\s*[:：]\s*[A-H对错√×]*\s*)"
# Notes that explain only under a question's key ("说明：应以一年为周期", a training bank's "出处：《…》");
# elsewhere they are a paper's note or part of a question.
UNDER_KEY_NOTES = "说明|說明|备注|備註|出处|出處|来源|來源|依据|依據"
EXPLANATION = (
    r"(?P<explanation>【(?:答案解析|解析|分析|点评|點評|详解|詳解|评分标准|評分標準|评分要点|評分要點|评分细则)】"
    # "[解析]:" — a text export's square brackets for the same label (never a Markdown link's "[解析](…)")
    r"|\[(?:答案解析|解析|分析|详解|詳解)\](?!\()(?:\s*[:：])?"
    r"|(?:答案)?(?:解析|詳解|详解|題解|题解)\s*[:：]"
    # "解析 因为…" (no colon), "解析" alone (or "**解析**")
    r"|(?:^|(?<=^\*\*))(?:答案)?(?:解析|詳解|详解)(?:[ \t\u3000]+(?=\S)|(?:\*\*)?\s*$)"
    r"|(?:辩论|答辩|辯論|答辯)建议\s*[:：]"
    rf"|^(?:{UNDER_KEY_NOTES})\s*[:：]"  # under a key only (boundaries.accept_explanation)
    rf"|^【(?:{UNDER_KEY_NOTES})】\s*[:：]?"  # "【出处】：课本第3页" under "【参考答案】：D" (the same)
    r"|^(?:试题|試題)(?:分析|解析)\s*(?:[:：]|$)"  # a question site's "试题分析" over its analysis
    # English banks: "Explanation" over the text; "Rationale:", "Feedback:", "Analysis:" (LMS exports)
    # opening a line
    r"|^(?:Explanation|EXPLANATION)\s*(?:[:：]|$)|^(?:Rationale|RATIONALE|Feedback|FEEDBACK|Analysis|ANALYSIS)\s*[:：])"
)
# Case papers (软考, 案例分析 exams) head each case "试题一（25 分）" and ask its parts under labels
# carrying their numbers, "【问题1】（12 分）" or a heading "问题 1", each answered under "参考答案".
CASE_HEADING = re.compile(
    rf"^\s*[【\[]?(?:试题|試題|案例|案例分析)\s*[{CN_NUM}\d]{{1,3}}\s*[】\]]?\s*(?:[(（][^)）]{{0,30}}[)）])?\s*[:：]?\s*$"
)
CASE_PART = re.compile(
    r"^\s*(?:[【\[]\s*(?:问题|問題)\s*(?P<n>\d{1,2})\s*[】\]]"
    rf"|(?:问题|問題)\s*(?P<m>\d{{1,2}}|[{CN_NUM}]{{1,3}})(?=\s*(?:[(（]|[:：]|$))"  # ("问题一：" in 材料题)
    # "问题：4.1 (8分)": case 4's part 1
    r"|(?:问题|問題)\s*[:：]\s*\d{1,2}[.．](?P<d>\d{1,2})(?=\s*(?:[(（]|$)))"
    r"\s*(?:[(（][^)）]{0,20}[)）])?\s*[:：]?\s*(?P<rest>.*)$"
)


# A case's key by its parts: "问题1：√、×", "问题2：答案：…", "问题3答案：…", "【问题1】参考答案：…"
CASE_PART_KEY = re.compile(
    r"^\s*(?:[【\[]\s*(?:问题|問題)\s*(?P<n>\d{1,2})\s*[】\]]|(?:问题|問題)\s*(?P<m>\d{1,2}))"
    r"\s*(?:[:：]\s*)?(?:(?:参考|參考)?答案\s*)?[:：]\s*(?P<rest>.*)$"
)

# "1. 某客户致电…" over "问题1：": the number a case's story is printed under
STORY_NUMBER = re.compile(r"\s*(\d{1,3})\s*[.、．]")


def case_part_number(m: re.Match[str]) -> str:
    groups = m.groupdict()
    return str(chinese_number(groups["n"] or groups["m"] or groups.get("d") or ""))


# "【说明】", "### 背景": the label over a case's story
CASE_STORY_LABEL = re.compile(
    r"^\s*[【\[]?(?:说明|說明|背景|案例背景|背景材料|材料|案例材料)[】\]]?\s*[:：]?\s*$"
)
# Sub-questions of a case study start after "问题:".
CASE_QUESTIONS = (
    r"(?P<case_questions>(?:问题|問題|思考题|思考題|讨论题|討論題)\s*(?:[:：]|(?=\s*[1一][、.．,])))"
)
# "class类名中super…", "js严格模式…": a line in Chinese that opens with a word in Latin letters
LATIN_THEN_CJK = rf"[A-Za-z]{{2}}[^{CJK}]{{0,30}}[{CJK}]"
# "1." "1、" "1．" "第1题" "(1)" "Q3"; validated against the expected next number ("第16題至第30題" is
# a range a part's instructions name).
ITEM = (
    # ("题库中第1题:" alone on its line: a bank's label, a word or two before the number)
    # ("2016年5月第1题" or "2019年上半年第3题" alone: a past paper's question by its sitting)
    rf"(?P<item>(?<!\d)(?:(?:(?:[{CJK}]{{1,4}}|\d{{4}}\s*年\s*(?:\d{{1,2}}\s*月|[上下]半年)?\s*)"
    r"(?=第\s*\d{1,5}\s*[题題]\s*[.、:：]?\s*$))?"
    # (or "第 1 个问题", "第 2 道题": Coursera's pages and others in Chinese)
    r"第\s*(?P<item_di>\d{1,5})\s*(?:[个個道]\s*)?(?:[题題]|问题|問題)(?!\s*(?:至|到|~|-|－|—)\s*第?\s*\d)[.、:：]?"
    # "题号：12" heading a record of labelled fields (题型：/题目：/答案：); "题号：2/1033" with the total
    r"|(?:题号|題號)\s*[:：]\s*(?P<item_h>\d{1,5})(?:\s*/\s*\d{1,6})?(?=\s*$)"
    r"|(?<![A-Za-z])Q(?P<item_q>\d{1,4})(?:[.:：)）、]|(?=\s|$))"  # "Q1.", "Q2)", "Q3 …"
    # a textbook's review questions and problems, "R1." "P3." (not an assembly label, "R1:")
    r"|(?<![A-Za-z])[RP](?P<item_v>\d{1,3})[.．](?!\d)"
    # "【12】", "No.12", "题12：" opening a line (only there: "【4】" mid-line is a numbered blank);
    # a guide's worked examples "【例1】", "例题2：" (a bare "例1：" is as often an answer's example)
    r"|(?:【(?:例题|例題|例)?\s*(?=\d{1,4}\s*】)|(?<![A-Za-z])N[Oo]\.?\s*"
    r"|(?<![\u4e00-\u9fff])(?:试题|题目|题|例题|例題)\s*)"
    r"(?P<item_l>\d{1,4})(?:\s*】|\s*[:：.、．])?"
    # "12：客户是…" opening a line, the text in Chinese (never a time "10:30", a year "1921：", a
    # program's label "1:\tstosl")
    rf"|(?P<item_k>\d{{1,3}})\s*[:：](?=\s*(?:[{CJK}“\"(（]|{LATIN_THEN_CJK}))"
    # "1 单选(3分)", "1单选(1分)": a number and the question's type tag (MOOC exports)
    r"|(?P<item_t>\d{1,4})(?:\s*(?=(?:单选|多选|判断|填空|简答|问答)[题題]?\s*[(（]?\s*\d)"
    # "2【判断题】(2分)": a number glued to its bracketed type tag (智慧树 exports)
    r"|\s*(?=[【\[](?:单选|多选|判断|填空|简答|问答|名词解释|论述|计算|案例分析|不定项)[题題]?[】\]]))"
    # "7,如图所示" (a full-width comma, folded): only where a line starts, never in "2,3,4"
    r"|(?P<item_c>\d{1,4}),(?=[^\d\s,])"
    # "2.5米", "1.5分" are decimals; "3、1982年…" is item 3; "[x1,x2,x3...xn]" a sequence's terms
    # ("10.0.0.0", "3.2.1": an address or a version, its parts never numbers)
    r"|(?<![a-z_])(?P<item_n>\d{1,5})(?:\s*(?:[.．](?!\d+\s*[%倍分米元]|\d+[.．]\d)|、(?!\d+\s*[%倍])|,\s)|\t)"
    # ("（ 1）" as PDFs space it; "（4）11；" a key's entry, a number its answer; "（1）. 写出…" its dot too)
    r"|[(（] ?(?P<item_p>\d{1,2}) ?[)）](?:[.．](?=\s*\D))?(?=\D|\d{1,6}\s*[;；])"
    # "1(D)   自计算机…", "12 （AB）…": a number with its key in brackets after it (answered banks)
    r"|(?P<item_a>\d{1,4})(?=[ \t]{0,3}[(（]\s*[A-H]{1,6}\s*[)）])"
    # "1) 给出…": a closing bracket alone, where a line starts (never "f(1)" or "(1)"); a number
    # after it only in a key ("1）2004H", accept_item)
    r"|(?<![(（\w])(?P<item_r>\d{1,2})[)）](?=\s*[^\s)）])"
    # "12社會秩序…", "6 二叉树…": a number without its mark (a PDF's number column, the "." lost);
    # only opening a text, only the one expected ("12 {并联…}": a record's braces; "11 js严格模式…")
    rf"|(?<![\s\S])(?P<item_g>\d{{1,3}})[ \t]{{0,4}}(?=[{CJK}]|\{{|{LATIN_THEN_CJK})))"
)
# "【单选题】Java为…" opening a line: a platform's export of questions it printed no numbers for
TYPE_TAG_LINE = (
    r"(?P<type_tag>[\[【]\s*(?:单选|多选|判断|填空|简答|问答|论述|名词解释|计算|分析|案例分析|不定项)[题題]?"
    r"\s*(?:[,，]\s*\d+(?:\.\d+)?\s*分)?\s*[\]】]"
    # "(判断题)" opening each unnumbered question of a 学习通 bank pasted into Word (its 题 required)
    r"|[(（]\s*(?:单选|多选|判断|填空|简答|问答|论述|名词解释|计算|分析|案例分析|不定项)[题題]"
    r"\s*(?:[,，]\s*\d+(?:\.\d+)?\s*分)?\s*[)）])"
)
# "题目：…" opening a line: a field label that, in banks of one record a line, opens the question;
# "问：…" / "Q: …" likewise in notes of questions and answers ("答：…" / "A: …" under them)
FIELD_STEM = (
    r"(?P<field_stem>^#Q(?=\s)|(?:(?:题目|題目|题干|題幹|问|問|(?<![A-Za-z])Q(?=\s*[:：]))\s*[:：]"
    r"|【(?:问题|問題|题目|題目|题干|題幹|问|問)】)\s*)"  # "【问题】…" then "【答案】…"
)
# What an option glued to its bare label opens with: a character, a book title or a quote
# ("A农民", "A《矛盾论》", "A“第二次结合”").
BARE_OPTION_TEXT = f"{CJK}《“"
# Option labels: "A." "A、" "(A)" "【A】" "[A]" "A " "Ａ．" (folded) "①"; validated against the
# expected letter.
OPTION = (
    r"(?P<option>(?<![(（])(?<![(（]\s)(?<![(（]\s\s)(?P<opt_punct>[A-Ha-h])\s*[.、．:)）]"
    r"|[(（【\[](?P<opt_paren>[A-Ha-h])[)）】\]]"
    r"|(?<![A-Za-z(（])(?<![(（]\s)(?<![(（]\s\s)(?P<opt_space>[A-H])(?=\s+[^\s)）])"
    rf"|(?<![A-Za-z])(?P<opt_bare>[A-H])(?=[{BARE_OPTION_TEXT}])"
    r"|(?P<opt_circle>[①②③④⑤⑥⑦⑧])"
    # "A,2" opening a line (papers numbered "3,"); "A,ButtonGroup  B, RadioButtons" (boundaries)
    r"|(?<![A-Za-z])(?P<opt_comma>[A-H]),(?=[^\s,A-Za-z]|\s?[A-Za-z][A-Za-z])"
    r"|(?<![A-Za-z])(?P<opt_semi>[A-H]);(?=\s*\S))"  # "A;可用性,B;开放性": a question site's option run
)
# "阅读材料，完成下列要求。", "阅读下列材料：": a question that only hands out texts to read; the
# lines under it are that material, the "（1）" "（2）" below its questions.
READS_MATERIAL = re.compile(
    r"阅读(?:下面|下列|以下|下述)?的?(?:材料|资料|資料|短文|案例)|完成下列要求|回答下列问题|回答下列問題"
    r"|(?:结合|結合|根据|根據|依据|依據)(?:以上|上述|下列|下面|以下)?(?:材料|資料)"  # "结合材料回答问题："
)
# A section's instructions to the candidate under its heading, not a question or a case's text:
# "不必抄題，作答時請將試題題號及答案依照順序寫在申論試卷上", "请将答案写在答题卡上".
INSTRUCTIONS = re.compile(
    r"作答|答题卡|答題卡|答题纸|答題紙|试卡|試卡|不予计分|不予計分|(?:写|寫|填涂|填塗)在.{0,6}(?:试卷|試卷|卷)上"
    r"|^(?:请|請)?(?:认真)?阅读(?:下面|下列|以下|下述)的?(?:材料|案例|短文|资料)"  # a case's reading prompt
    r"|^(?:请|請)?(?:认真)?阅读(?:下面|下列|以下|下述)关于.{1,40}?的(?:叙述|敘述|说明|說明)"  # (软考's)
    # "本题共16小题，选做其中的8题", "本题共3个小题，共40分": the part's rules
    rf"|^(?:本大?[题題])?共\s*[\d{CN_NUM}]+\s*[个個]?小?[题題]"
    rf"|^本大?[题題]\s*(?:满分|滿分|共)?\s*[\d{CN_NUM}]+\s*分\s*[。.]?$"  # "五、论述题：本题10分。"
)
# Sections of instructions, not questions: "注意事项 1、考试时间:90分钟。"
PROSE_MARKER = (
    r"(?P<prose_marker>注意事项|注意事項|考生须知|考生須知|答题须知|答題須知|考试说明|考試說明"
    r"|考生注意|答题要求|答題要求|考试须知|考試須知|考试要求|考試要求"
    r"|(?:说明|說明)(?=\s*[:：]\s*[(（]?1\s*[.、．)）])"  # "说明：1.考试完毕…" (the paper's, boundaries)
    r"|【[^【】\n\d]{0,4}(?:说明|說明|须知|須知)】"  # "【练习说明】" over the compiler's numbered notes
    # a national exam's "请按下述要求正确填写答题卡" over its numbered rules for the answer sheet
    r"|请按(?:下述|以下|如下)要求[^\d\n]{0,12}|請按(?:下述|以下|如下)要求[^\d\n]{0,12})"
)
# "重要知识点" alone on its line, over a numbered outline of topics: notes, not questions (not a
# platform's "知识点：" label, its value on the next line)
NOTES_HEADING = re.compile(
    r"^\s*(?:本章|重要|主要)?(?:知识点|知識點|知识要点|知識要點|学习要点|學習要點|考点|考點)\s*$"
)
# Positional keys: "1-5 ABCDA", "6～8:√×√"; and bare runs of marks "√ × × √".
MARKS = "√×✓✗✔✘❌对错對錯"
KEY_RANGE = (
    rf"(?P<key_range>(?P<kr_from>\d{{1,3}})\s*[-~～—–]\s*(?P<kr_to>\d{{1,3}})\s*[:：.、]?\s*"
    # ("11～15 TFTFT", "6—10：F T F T T": T and F first, or the letters would stop at the first F)
    rf"(?P<kr_marks>[TF](?:\s*[TF])*(?!\s*[A-Za-z])|[A-H{MARKS}](?:\s*[A-H{MARKS}])*))"
)
# "1A 2C", "3 √", "1-A, 2-C", "1) A 2) C", "6: C", "（1）C；（2）A": a key's entries as number and mark;
# never inside a value ("20A8H；11488H"), nor a question's "1) A company…", nor "1) A, B – why"
# (after "-" or ")" the mark ends the entry: the line ends or the next entry's number follows).
KEY_PAIR_MARK = rf"(?:[A-H]{{1,8}}|[{MARKS}]|[TF](?![A-Za-z]))"
KEY_PAIR = (
    r"(?P<key_pair>(?<![0-9A-Za-z+*/=←])(?P<kp_n>\d{1,3})"  # (never an operand: "(R1)+50H")
    rf"(?:\s*[-–—)）:：]\s*(?={KEY_PAIR_MARK}(?:\s*$|\s*[,，;；。.]?\s*[(（]?\d))|\s*)"
    rf"(?P<kp_a>{KEY_PAIR_MARK})(?=[\s,，;；]|$))"
)
# Metadata printed by learning platforms: "难度:中", "分值:2", "知识点:…", "【难度】易", a record's
# "答题指南：…", "试题来源: [北京站] 章节名称: […]", a record's "类型: 多选" opening a line, the
# trainee's "得分：2" after a key
# (boundaries.accept_meta). Not part of any field.
META = (
    r"(?P<meta>【?(?:难度|難度|难易度|難易度|难易程度|分值|分數|分数|(?:考纲|考綱)?(?:知识点|知識點)|考点|考點|题型|題型"
    r"|类型|類型|标签|標籤|得分"
    r"|(?:答题|答題|作答)(?:指南|说明|說明|提示)|试题来源|試題來源|题目来源|題目來源"
    # an exam system's id for the question, "题号:19218" (a key's "题号：1 2 3" numbers questions),
    # or a site's fields under it, "题号：1 · 章节：…"
    r"|(?:题号|題號|(?:试题|試題|题目|題目)(?:编号|編號|ID))(?=\s*[:：]\s*\d{4,}(?!\s*\d))"
    r"|(?:题号|題號)(?=\s*[:：]\s*\d{1,5}\s*[·•|｜])|(?:章节|章節)(?=\s*[:：])"
    # a bank's record of each question, "編碼：00234　出處：P.83　來源：課本" (its id, page and source)
    # (its fields the whole line: "来源：《音乐实用教程》" in a stem is text)
    r"|(?:编码|編碼)(?=\s*[:：]\s*\d{3,}(?:\s+(?:出处|出處|来源|來源)\s*[:：]\s*\S+)*\s*$)"
    # a reviewer's verdict on the key above: "答案是否正确（Y为正确，N为错误）：Y"
    r"|答案是否正确\s*(?:[(（][^)）]{0,20}[)）])?)(?:\s*[:：]|】\s*[:：]?))"
)
# A run of marks or of letters in a key, one per question in order: "√ × √", "A  B  C  A  B".
MARK_RUN = (
    r"(?P<mark_run>[√×✓✗✔✘❌](?:\s*[√×✓✗✔✘❌])+|(?<![A-Za-z])[A-H]{1,4}(?:\s+[A-H]{1,4}){2,}(?![A-Za-z])"
    # "（√）（ X）(×)…": each judgement's mark in its brackets, as the paper printed them
    r"|(?:[(（]\s*[√×✓✗✔✘❌X]\s*[)）]\s*){2,}"
    # "ABCDA BCDAB C": in fives (at least two groups: "ABCDE" alone is one question's answer)
    r"|(?<![A-Za-z])[A-H]{5}(?:\s+[A-H]{5})*\s+[A-H]{1,5}(?![A-Za-z]))"
)

HEADING_TITLE = re.compile(
    r"\s*(?:[(（][^()（）]{0,30}分[^()（）]{0,10}[)）]\s*)?"  # "一、（本题满分20分）填空题": its points first
    rf"(?:[^\d{CN_NUM}(（:：。?？]{{0,12}}?(?:{SECTION_WORDS})"
    rf"(?:(?:与|與|及|和|、)(?:{SECTION_WORDS}|{OPEN_PART_WORDS}))?"  # "简答与计算": two types joined
    # ("辨析改错（8分）": a few words more after the type, its points or the line's end after them)
    r"(?:(?!(?:及|和|与|與)?(?:参考|參考)?答案)[^\d\s(（:：。,，]{0,4}?(?:[题題]|(?=\s*[(（][^)）]{0,80}分|\s*$)))?"
    r"(?:部分)?)"
    # "四、问答题答案": the part printed with its answers, or the key of a 问答题 part above
    r"(?P<answered>(?:及|和|与|與)?(?:参考|參考)?答案)?"
    r"(?:\s*[:：。]?\s*[(（][^)）]{0,80}[)）]){0,2}"  # ("（每题1分）（只要与答案接近都算对）": two notes)
    r"(?:\s*[,，;；]\s*(?:共|每)[^,，;；。(（]{0,20}?分)*\s*[:：。]?"  # "，共 20 分", "，每题 2 分。"
)
# "三、关系代数和 SQL 语句题：（共 30 分）": a numbered part named "…题" by its subject, not by a
# type word, or by its points alone: a part of questions of no known type (the whole line, never
# a sentence that asks).
SUBJECT_HEADING_TITLE = re.compile(
    r"\s*[^\d。?？！!，,；;(（]{1,20}?[题題]\s*[:：]?\s*(?:[(（][^)）]{0,40}[)）])?\s*[:：]?\s*$"
    # "四、（本大题共2小题，每小题8分）", "六、（本题满分12分）": a part named only by its points, perhaps
    # again after the brackets ("…（本题满分15分）每小题3分，共15分。")
    r"|\s*[(（][^)）]{0,60}分[^)）]{0,20}[)）]\s*(?:[^()（）。?？:：]{0,30}分)?\s*[:：。.]?\s*$"
    # "四、阅读：做到先读后做，边读边思。（32分）", "三、第二部分：阅读与鉴赏（40分）": a part named
    # by its subject and what it asks of the candidate, its points ending the line
    r"|\s*[^\d\s?？!！(（][^?？!！\n]{0,40}?[:：][^?？!！\n]{0,40}?[(（]\s*(?:共|满分|滿分)?\s*\d{1,3}\s*分\s*[)）]\s*$"
    # "一、关于进程，回答下列问题。（8分）", "三、解答下列各题": a part that tells the candidate to
    # answer the questions under it, whatever its topic
    r"|[^?？!！\n]{0,30}?(?:回答|解答|完成|作答)(?:下列|下面|以下)(?:各?[问問]题|[问問]題|各?[题題]|各?小[题題])"
    r"[^?？!！\n]{0,30}$"
    # "二、现代文阅读", "一、积累与运用", "四、名著阅读，任选一题作答": a language paper's parts by the task
    r"|\s*[^\d\s。?？！!，,；;(（]{0,8}(?:阅读|閱讀|运用|運用)"
    r"(?:\s*[，,][^?？!！\n]{0,20})?\s*(?:[(（][^)）]{0,20}分[)）])?\s*$"
)
# "二、（15分）", "六、(本题满分12分)", "四、（本题满分15分）每小题3分，共15分。": a part named by nothing
# but its points. The text under it, before any "1)", is its one problem (a mathematics paper's,
# unnumbered) or the setting its questions share.
PART_OF_POINTS = re.compile(
    rf"^\s*[{CN_NUM}]{{1,3}}\s*[、.．]\s*[(（][^)）]{{0,40}}分[^)）]{{0,20}}[)）]\s*(?:[^()（）。?？:：]{{0,30}}分)?\s*[。.:：]?\s*$"
)
# A heading line without a numeral: "单项选择题(每题2分)", "判断题:", "名词解释", "计算".
# Numbered otherwise too when the line names only the type: "1. 单项选择题", "（一）判断题",
# "Part 2 判断题", "II. 判断题".
DIGIT_PART = r"[ \t]*[^\d\s.、．(（]{2,6}\s*[(（][^)）]*(?:共|每)[^)）]*[)）]\s*$"
BARE_HEADING = re.compile(
    # ("1 单选题（每题 2 分，共 30 分）": a typeset paper numbers its parts by a digit, its points after)
    rf"^(?:第?[{CN_NUM}]{{1,3}}\s*(?:部分)?\s*|\d{{1,2}}\s*[.、．]\s*|\d(?={DIGIT_PART})[ \t]*"
    rf"|[(（][{CN_NUM}]{{1,3}}[)）]\s*"
    rf"|(?:Part|PART)\s*(?:\d{{1,2}}|[IVX]{{1,4}})\s*[.:：]?\s*|[IVX]{{1,4}}\s*[.、．]\s*)?"
    # ("分析设计题（30'）": an open part's word then its 题, a colon after it or not)
    rf"(?P<title>(?:{SECTION_WORDS})(?:[^\d\s(（:：。,，]{{0,4}}?[题題])?"
    rf"|(?:{OPEN_PART_WORDS})(?:[^\d\s(（:：。,，]{{0,4}}?[题題]|(?!\s*[:：]))"
    # "SQL应用题", "C++编程题", "Java程序设计题": the part named with its subject, in Latin letters
    rf"|[A-Za-z][A-Za-z+#]{{0,9}}\s?(?:{SECTION_WORDS})(?:[^\d\s(（:：。,，]{{0,4}}?[题題])?(?<=[题題]))"
    r"(?P<answered>(?:及|和|与|與)?(?:参考|參考)?答案)?\s*(?:[(（][^)）]{0,80}[)）])?\s*[:：]?$"
)
# An English paper's part: "I. True or False(10x1%；√/×)", "II. Choose 1 best answer. (10x2%)",
# "1. Single choice selection (80 points, 2 each)", "Part III Fill in the blanks"
ENGLISH_HEADING = re.compile(
    r"^(?:(?:Part|PART|Section|SECTION)\s*)?(?:[IVX]{1,4}|\d{1,2})\s*[.、．:]?\s*(?:"
    r"(?P<tf>True\s*(?:or|/|-|and)\s*False|Judge?ment)"
    r"|(?P<multiple>Multiple[- ]?(?:select|answers?)|Choose\s+(?:all|one\s+or\s+more)\b)"
    r"|(?P<single>(?:Single|Multiple)[- ]?choices?|Choose\s+(?:1|one|the)\b)"
    r"|(?P<fill>Fill(?:ing)?[- ]in|Blank[- ]filling|Completion)"
    r"|(?P<short>Short[- ]answers?|Essay|Calculations?|Programming|Analysis|Comprehensive"
    r"|Questions\s+and\s+answers)"
    # (no "?" but at the end: "1. True or False? A is B." is a question)
    r")[^()（）\n?？]{0,40}?(?:[(（][^)）\n]{0,60}[)）])?\s*[.:：?？]?\s*$",
    re.IGNORECASE,
)
ENGLISH_KINDS = [
    ("tf", "truefalse"),
    ("multiple", "multiple"),
    ("single", "single"),
    ("fill", "fill"),
    ("short", "short"),
]
# An answer-sheet table: a row of question numbers, then a row of answers.
SHEET_NUMBERS = re.compile(r"^(?:题号|題號)[\s:：]*((?:\d{1,3}\s+)+\d{1,3})$")  # ("题号：1" is a record's)
SHEET_ANSWERS = re.compile(r"^(?:答案|参考答案|參考答案)(?:[\s:：]+(.*))?$")  # (empty: a sheet to fill in)
DIFFICULTY_WORDS = {
    "易": 2,
    "容易": 2,
    "简单": 2,
    "簡單": 2,
    "中": 3,
    "中等": 3,
    "一般": 3,
    "适中": 3,
    "難": 4,
    "难": 4,
    "困难": 4,
    "困難": 4,
    "较难": 4,
}
# A type printed on the question itself: "1.[单选题] …", "【多选题】…".
# "(单选题, 2.0 分)" as 学习通 prints it, with the question's points.
TAG_NAMES = (
    r"(单选题?|多选题?|不定项(?:选择)?题?|判断题?|填空题?|简答题?|问答题?|论述题?"
    r"|名词解释|计算题|分析题|案例分析题?)"
)
TYPE_TAG = re.compile(
    rf"^\s*[\[【(（]\s*{TAG_NAMES}"
    r"\s*(?:[,，]\s*\d+(?:\.\d+)?\s*分)?\s*[\]】)）]\s*"
    r"(?:[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*)?"  # "【单选题】 (2分) 服务…": its points too
    r"(?:[:：]\s*)?"  # "第1题(单选)：" the colon that ends the question's heading
    r"(?:[\[【(（]\s*\1\s*[\]】)）]\s*)*"  # "(单选题)(单选题)…": an export printing it twice
)
# "1.单选题：客户是…": the type as a label opening the stem
TYPE_LABEL = re.compile(rf"^\s*{TAG_NAMES}\s*[:：]\s*")
# "判断题我国从唐朝开始…": the type glued before the stem (学习通 exports copied as text)
TYPE_GLUED = re.compile(r"^\s*(单选题|多选题|判断题|填空题|简答题|问答题|论述题)(?=[^\s:：,，、的是为])")
# "单选(1分)计算机为什么…": a MOOC's type and points before the stem
TYPE_POINTS = re.compile(
    r"^\s*(单选|多选|判断|填空|简答|问答)[题題]?\s*[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*"
)
# "…是（ ）[单选题]": the tag after the stem (问卷星 exports).
TYPE_TAG_AFTER = re.compile(rf"\s*[\[【]\s*{TAG_NAMES}\s*[\]】]\s*\*?\s*$")  # (and the form's "*")
# A text wholly in Markdown bold: "**D、新的开发工具**", "**错**".
BOLD = re.compile(r"\*\*(.+?)\*\*")
# A learning platform's per-question tag standing where the stem would: "单选题 (1分)",
# "(单选题, 1.0 分)", "[2.判断题 (1分)]", "【多选题】". The stem follows on the next line.
TAG_ONLY = re.compile(
    r"^[\[【(（]?\s*(?:\d{1,4}\s*[.、]\s*)?"
    r"(?P<tag>单选|多选|判断|填空|简答|问答|论述|名词解释|案例分析|不定项|资料|計算|计算|分录|程序)[题題]?"
    r"\s*[,，|｜]?\s*(?:[(（]?\s*\d+(?:\.\d+)?\s*分\s*[)）]?)?\s*[\]】)）]?\s*[:：]?"
    r"(?:\s*\d+(?:\.\d+)?\s*分)?$"  # ("单选题 (10 分) 10分": the points, then the score got)
)
# The same tag set as Markdown code spans by an online-judge export, its difficulty and points
# after it: "`单选题` `简单` `2分`".
TAG_SPANS = re.compile(
    r"^\s*`+(?P<tag>单选|多选|判断|填空|简答|问答|论述|名词解释|案例分析|不定项|计算|程序|编程)[题題]?`+"
    r"(?:\s*`+(?P<difficulty>[^`\d\s]{1,4})`+)?(?:\s*`+\s*\d+(?:\.\d+)?\s*分\s*`+)?\s*$"
)
SCORE_NOTE = re.compile(r"[(（][^)）]*[)）]")
PROSE_HEADING_MAX = 40

# Standalone marks that judge a statement: "(√)", "(错误)", "对" (the marks: questiontypes.words).
_MARKS = "|".join(re.escape(m) for m in (*words.TRUE_SYMBOLS, *words.FALSE_SYMBOLS))
_WORDS = "|".join(re.escape(w) for w in (*words.TRUE_HANZI, *words.FALSE_HANZI))
_LETTERS = "|".join((*words.TRUE_LETTERS, *words.FALSE_LETTERS))
JUDGEMENT = re.compile(rf"^[(（]?\s*({_MARKS}|{_WORDS}|{_LETTERS})\s*[)）]?$")
# Before the statement only in brackets; after it in brackets, or a bare tick or cross.
JUDGEMENT_HEAD = re.compile(rf"^[(（]\s*({_MARKS}|{_WORDS})\s*[)）]\s*|^【\s*({_MARKS}|{_WORDS})\s*】\s*")
# "（ B ）1．客户服务的核心是…": a choice's key in the box before its number (never "(A)1.5米", nor
# options whose texts are numbers, "（A）1.  （B）2."); Taiwan's skill-test banks key their options
# ①–④ so, "（③） 1. 下列…？ ①麵粉 ②砂糖 ③奶油 ④巧克力。"
CHOICE_KEY_HEAD = re.compile(
    rf"^[(（]\s*([A-H]{{1,8}}|[{CIRCLED[:8]}]{{1,8}})\s*[)）]\s*(?=\d{{1,4}}\s*[.、．](?!\d))"
    r"(?![^(（]{0,20}[(（]\s*B\s*[)）])"  # (a "（B）" next, no "（A）" between: options "(A)1. (B)2.")
)
# "A1.一个完整的…", "D20电容式…", "A/C/D6…", "bc5…", "对1能见度…": a bank printing each key glued
# before its question's number (the first with its dot, or letters apart: "A1型题" titles a part)
BARE_KEY_HEAD = re.compile(
    r"^\s*(?:[【\[]\s*)?"  # ("【D】1. 下列…": the key in brackets before the number)
    rf"(?:([A-H](?:[/、,，]?[A-H]){{0,7}}|[a-h](?:[/、,，]?[a-h]){{0,7}})|({_WORDS}))"
    # ("A 1.下列…": a bank's key column, the letter apart from the number)
    r"(?:\s*[】\]]\s*|[ \t\u3000]+)?(?=(\d{1,4})(\s*[.、．](?!\d))?)"
)
# Words a stem underlines to stress them ("下列说法<u>不正确</u>的是"), never a blank's answer
STRESSED = re.compile(r"(?:不|非|错|錯|正确|正確|最|一定|必须|必須|只|除|否|无|無|没有)\S{0,4}")
# "( F )2．具有多道…": a verdict letter in the box before the statement's number
JUDGEMENT_HEAD_LETTER = re.compile(r"^[(（]\s*([TF])\s*[)）]\s*(?=\d)")
# ("（ X ）": × typed as the letter X, read so only in a statement's closing brackets)
# (in bold too, "（**√**）", "… **×**": Markdown's emphasis, and a Word paper's as it is read)
_BOLD = r"(?:\*\*)?"
JUDGEMENT_TAIL = re.compile(
    rf"(?:[(（\[【]\s*{_BOLD}({_MARKS}|{_WORDS}|[Xx]){_BOLD}\s*[)）\]】]\s*[；;]?|\s*{_BOLD}({_MARKS}){_BOLD})\s*$"
)
# "投诉要记录。 正确": the verdict as a word after the finished statement (judgement sections only).
JUDGEMENT_TAIL_WORD = re.compile(rf"(?<=[。.!！?？])\s*{_BOLD}({_WORDS}){_BOLD}\s*$|\s{{2,}}({_WORDS})\s*$")
# "…other knowledge areas. (F)", "客户永远是对的。 T", "…不可以嵌套。___F___": a judgement's letter
# after the statement, or written into its blank (read only where no options follow).
JUDGEMENT_TAIL_LETTER = re.compile(
    r"\s*(?:[(（]\s*([TF])\s*[)）]|_{2,}\s*([TF])\s*_{2,})\s*$|(?<=[。.!！])\s+([TF])\s*$|(?<=[。！])([TF])\s*$"
)
# "…时代化。（ × ）（十八大以来）": the mark, then the correction of a false statement.
JUDGEMENT_CORRECTED = re.compile(
    rf"[(（]\s*({_MARKS}|{_WORDS})\s*[)）]\s*"
    # "（×）（应及时处理）" or "（×）理由：…": the verdict, then why
    r"(?:[(（]([^()（）]{1,120})[)）]|(?:理由|原因|改正|更正|纠正)\s*[:：]\s*([^\n]{1,200}?))\s*$"
)

# "…相互斗争的基本结构。（ × ）相互关系": in a judgement part, the box after the finished statement
# holds its mark, then the words that correct it, bare (a box opening the line is "（√）采取…")
JUDGEMENT_BOX_THEN_CORRECTION = re.compile(
    rf"(?<=[。.!！?？])\s*[(（]\s*({_MARKS})\s*[)）]\s*([^\s(（][^\n]{{0,60}})$"
)

# "…操作数是在某一寄存器中。×寄存器间接寻址属于存储器寻址": in a judgement part, the mark right
# after the finished statement, then why (judgement parts only).
JUDGEMENT_MARK_THEN_REASON = re.compile(rf"(?<=[。.!！])\s*({_MARKS})\s*(\S.{{0,300}})$", re.S)

# A blank to fill: underscores or an empty pair of brackets.
# A blank to fill: "____", "（ ）"; never code: "fork()", "__init__" (a name's own brackets or underscores).
# "____Mb/s" and "为__，" are blanks; "__init__", "&__tmp.a" are a program's names
BLANK = re.compile(
    r"_+[(（]\d{1,2}[)）]_+"  # "___(1)___", "_(2)_": a blank numbered inside its line, one blank
    # (never a program's "function (){" or "() =>")
    r"|(?<![A-Za-z0-9_])(?:_{3,}|__(?![A-Za-z0-9_]))|(?<![A-Za-z_])[(（]\s*[)）](?!\s*(?:\{|=>))"
    # "称为_。": one underscore after Chinese, all a scrape left of an underlined blank
    rf"|(?<=[{CJK}，,：:])_(?![A-Za-z0-9_])"
)
BLANK_LINE = re.compile(r"^_{3,}$")
# A blank drawn as a line, "__" or "＿＿" (never brackets, which a choice question draws too)
BLANK_RUN = re.compile(r"_{2,}|＿{2,}")
# A sentence finished ("…记录。", "…吧！"): a statement, asking nothing after it
STATEMENT_END = re.compile(r"[。.!！]\s*$")
# A line that ends asking: "…是什么？"
ASKED_END = re.compile(r"[?？]\s*$")
# The tick marking an option right, printed after its text: "B. 及时 ✅", "和平与发展√"
TICK = r"(?:✅|✔️?|☑️?|√|✓)"
# …or a star before it, among options printed without labels ("*脱贫攻坚"), as quiz tools' inputs
# mark the key (not "**", nor a line starred at both ends)
STARRED_OPTION = re.compile(r"^[*＊](?=[^\s*＊])(?!.*[*＊]\s*$)")
# An option's label opening a text, per letter: NEXT_LABEL["B"] matches "B." "(B)" "B："
NEXT_LABEL = {letter: re.compile(rf"\s*[(（]?{letter}\s*[.、．:：)）]") for letter in "ABCDEFGH"}
# "…的主要任务是", "…包括。": a line that asks by its open end (the answer would follow it)
OPEN_END = r"(?:是|为|為|包括|包含)[。.]?$"
# "…的优点。（5分）": the points a question is worth, printed after it asked; English papers'
# "(3 points)", "[5 marks]"
POINTS = r"\d+(?:\.\d+)?\s*(?:分|(?:points?|pts?|marks?)\b)"
POINTS_AFTER = re.compile(rf"[(（\[【]\s*{POINTS}\s*[)）\]】]\s*$", re.I)

# "(P28-29)" page references printed with answers and stems.
PAGE_REF = re.compile(r"[(（]?\s*P\s*[(（]?\d+(?:\s*[-~—–]\s*\d+)?[)）]?\s*[)）]?")

# Document titles glued before a heading: "客户关系管理试题及答案一、单项选择题…"
TITLE_WORDS = re.compile(
    r"试题|試題|习题|習題|考试|考試|题库|題庫|练习|練習|测试|測試|模拟|模擬|试卷|試卷|复习|復習|考题|考題|真题|真題"
    r"|周练|周練|月考|联考|聯考|周测|周測"
)

# Open-question wording: a line holding it continues a stem rather than starting an answer.
# ("说明：" with its colon labels a figure's legend or a note; it asks nothing)
QUESTION_WORDS = re.compile(
    r"[?？]|什么|什麼|哪些|哪几|哪個|哪个|如何|为什么|為什麼|为何|為何|怎样|怎樣|怎么|"
    r"简述|簡述|试述|試述|论述|論述|谈谈|談談|(?:说明|說明)(?!\s*[:：])|分析|阐述|闡述|结合|結合|请问|請問|是否"
)
# Asking for certain: a question word anywhere, or an imperative that opens the text (in
# "需求分析的任务" or "与实际相结合" the words 分析/结合 ask nothing)
ASKS_STRONGLY = re.compile(
    r"[?？]|什么|什麼|哪些|哪几|哪個|哪个|如何|为什么|為什麼|为何|為何|怎样|怎樣|怎么|请问|請問|是否"
    r"|多少|^\s*(?:简述|簡述|试述|試述|论述|論述|谈谈|談談|说明|說明|分析|阐述|闡述|结合|結合|试|試|请|請)"
)
# "…，求转动惯量", "请绘出…", "试计算…", "给出…的表达式": a problem asks by its imperative (not
# "计算机…", a computer);
# a history paper's "根据材料一，概括…特征", "综合材料，谈谈你对…的认识" so too
# "…，求：", "试求此时该电机的：", "求发电机额定负载时：": a problem's givens end by asking for
# what is listed under them, its parts "(1)…" "(2)…"
# "解答" heading a key entry or standing alone in a key: the word "answer" (never "解答题", a part)
ANSWER_WORD = re.compile(r"\s*解答(?![题題])\s*[:：]?\s*")
ASKS_FOR_PARTS = re.compile(
    r"(?:^|[，,。；;])\s*(?:试|試)?(?:求|计算|計算|证明|證明)(?!助)[^，,。；;:：]{0,20}[:：]\s*$"
)
PROBLEM_ASKS = re.compile(
    r"(?:^|\n|[，,。；;])\s*(?:求|请|請|试|試|计算(?!机)|計算(?!機)|画出|畫出|绘出|繪出|写出|寫出|指出|列出|列舉|列举"
    r"|概括|归纳|歸納|谈谈|談談|撰写|撰寫|给出|給出|推导|推導)"
)


def asks_strongly(text: str) -> bool:
    """A question word for certain, or an imperative that asks ("求…", "试计算…", "画出…")."""
    return bool(ASKS_STRONGLY.search(text) or PROBLEM_ASKS.search(text))


def asks_plainly(text: str) -> bool:
    """A question word for certain, an imperative, or a blank (not a word that may name a topic)."""
    return asks_strongly(text) or BLANK.search(text) is not None


def asks_in_words(text: str) -> bool:
    """A question word (even one that may only name a topic), an imperative, or a blank to fill."""
    return bool(QUESTION_WORDS.search(text) or asks_strongly(text) or BLANK.search(text))


PICTURE_ONLY = re.compile(r"\s*(?:!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>)\s*$", re.IGNORECASE)
# The question points to its picture: "如下图所示", "完成下面效果图的制作", "the figure below"
FIGURE_MENTIONED = re.compile(
    r"[下如左右上该該此本]图|[下如左右上该該此本]圖|效果图|效果圖|截图|截圖|示意图|示意圖"
    r"|\b(?:figure|picture|image|diagram|screenshot)\b",
    re.I,
)


def pictures_asked_about(stem: str, below: list[str]) -> int:
    """How many pictures open the text below a question that points to its figure: they are what
    it asks about, not its answer."""
    if not FIGURE_MENTIONED.search(stem):
        return 0
    count = 0
    while count < len(below) and PICTURE_ONLY.match(below[count]):
        count += 1
    return count


# "以下代码的输出是什么？", "What class name would replace … in the code block below?": a question
# about the program printed under it
CODE_MENTIONED = re.compile(
    r"(?:以下|下面|下列|如下|下述)的?(?:这段|這段|几行|幾行|两行|兩行|\d行)?(?:代码|代碼|程序|程式|语句|語句|片段)"
    r"|\b(?:code|program|snippet)(?:\s+block)?\s+below\b|\bfollowing\s+(?:code|program|snippet)\b",
    re.I,
)
# A program's first line: an include or import, a class or a main function
PROGRAM_OPENS = re.compile(
    r"\s*(?:#\s*include\b|import\s+[\w.]+|from\s+[\w.]+\s+import\b|package\s+[\w.]+;"
    r"|(?:public\s+)?class\s+\w+|(?:int|void)\s+main\s*\()"
)
# A line of a program: brackets, operators or a statement's end, and no Chinese outside its markup
CODE_MARKS = re.compile(r"[(){}\[\];=<>+]")
MARKUP_LINE = re.compile(r"^\s*<[^<>]+>.*>\s*$")


def code_asked_about(stem: str, below: list[str]) -> int:
    """How many lines of a program open the text below a question about "the code below": they
    are what it asks about, not its answer (which may follow them). Inside an open brace every
    line is the program's, its comments and strings too."""
    if not (CODE_MENTIONED.search(stem) or PROGRAM_OPENS.match(stem)):
        return 0  # (a question that is a program to read, "#include <stdio.h>" first, asks by its part)
    count, depth = 0, _braces(stem)  # (the program may open on the stem's own lines)
    while count < len(below) and (depth > 0 or _code_line(below[count])):
        depth = max(0, depth + _braces(below[count]))
        count += 1
    return count if depth == 0 else 0  # (a program still open at the end: not told apart)


def _braces(text: str) -> int:
    bare = _code_only(text)
    return bare.count("{") - bare.count("}")


def _code_line(text: str) -> bool:
    bare = _code_only(text)
    return bool(MARKUP_LINE.match(text)) or (not HAS_CJK.search(bare) and CODE_MARKS.search(bare) is not None)


def _code_only(text: str) -> str:
    """A line of a program without its strings and its "//" comment (Chinese in either is no prose)."""
    return LINE_COMMENT.sub("", QUOTED.sub('""', text))


QUOTED = re.compile(r"""(["'“‘])[^"'”’]*["'”’]""")
LINE_COMMENT = re.compile(r"(?:^|(?<=\s))//.*$")


# "（限100字）", "请用300字以内的文字…", "不少于800字": a length set for an answer written out
WORD_LIMIT = re.compile(r"(?:限|不少于|不超过|不多于)\s*\d+\s*字|\d+\s*字(?:以内|以上|左右)")
HAS_CJK = re.compile(f"[{CJK}]")
NOT_A_WORD = re.compile(r"[\W_]+")


def bare_words(text: str) -> str:
    """The text without spaces and punctuation, to tell the same words printed twice."""
    return NOT_A_WORD.sub("", text)


# An open question asked by its topic alone: "细菌特殊结构的生物学意义。", "…在鉴定中的应用"
TOPIC_WORDS = (
    r"(?:意义|作用|特点|特性|特征|区别|原理|应用|条件"
    r"|优缺点|优点|缺点|步骤|过程|措施|原因|内容|组成|分类|功能)"
)
OPEN_TOPIC = re.compile(r"的[^，。,]{0,4}" + TOPIC_WORDS + r"[。.]?\s*$")
CHOICE_HINT = re.compile(r"哪些|哪几|哪幾|多选|多選|多项|多項")

# "…wears out because    3", "…designers._**。2", "…flow types? 13": the key as the numbers of a
# nested list's options, written after the stem.
OPTION_NUMBERS_AFTER = re.compile(r"(?:(?<=[\s。.?？:：_*]))([1-8]{1,8})\s*$")


# A programming problem's statement: what its input is, then its output (an online judge's bank);
# such a problem asks for a program, never a choice ("A、输入解释…" under its sample is a note)
INPUT_SPEC = re.compile(r"(?:^|\n)\s*(?:输入|輸入)(?:描述|说明|說明|格式)\s*[:：]?\s*(?:\n|$)")
OUTPUT_SPEC = re.compile(r"(?:^|\n)\s*(?:输出|輸出)(?:描述|说明|說明|格式)\s*[:：]?\s*(?:\n|$)")


def states_a_programming_problem(text: str) -> bool:
    return ("输" in text or "輸" in text) and bool(INPUT_SPEC.search(text) and OUTPUT_SPEC.search(text))
