"""Question banks kept as JSON: a document's list of records, a list under one key, JSON Lines."""

from __future__ import annotations

import json

import pytest

from importers.pipeline import PaperError, parse_document
from importers.uploads import PAPER_EXTENSIONS

RECORDS = [
    {
        "id": 1,
        "type": "单选题",
        "question": "客户投诉时首先应该（ ）",
        "options": ["倾听", "争辩"],
        "answer": "A",
    },
    {
        "id": 2,
        "type": "多选题",
        "question": "服务礼仪包括（ ）",
        "options": [{"label": "A", "content": "微笑"}, {"label": "B", "content": "倾听"}],
        "answer": "AB",
        "analysis": "两者都是。",
    },
    {"id": 3, "type": "判断题", "question": "客户永远是对的。", "answer": False},
]


def briefs(data: str, filename: str = "bank.json") -> list[tuple[object, ...]]:
    paper = parse_document(filename, data.encode())
    return [(q.number, q.type, q.stem, q.options, q.answer, q.explanation) for q in paper.questions]


EXPECTED = [
    ("1", "single", "客户投诉时首先应该（ ）", ["倾听", "争辩"], "A", ""),
    ("2", "multiple", "服务礼仪包括（ ）", ["微笑", "倾听"], "AB", "两者都是。"),
    ("3", "truefalse", "客户永远是对的。", [], False, ""),
]


def test_a_document_holding_a_list_of_records() -> None:
    assert briefs(json.dumps(RECORDS, ensure_ascii=False, indent=2)) == EXPECTED


def test_a_list_of_records_under_one_key_of_the_document() -> None:
    data = json.dumps({"total": 3, "data": RECORDS}, ensure_ascii=False)
    assert briefs(data) == EXPECTED


def test_a_list_of_records_per_type_each_under_the_key_naming_its_type() -> None:
    # a quiz app's bank: {"judgeQuestions": […], "singleQuestions": […], "multiQuestions": […]},
    # each answered by its options' texts; the keys give the types, a record opens where it stands
    bank = {
        "judgeQuestions": [
            {"id": 1, "question": "客户永远是对的。", "options": ["正确", "错误"], "answer": "错误"}
        ],
        "singleQuestions": [
            {"id": 1, "question": "投诉时首先应该（ ）", "options": ["倾听", "争辩"], "answer": "倾听"}
        ],
        "multiQuestions": [
            {
                "id": 1,
                "question": "服务礼仪包括（ ）",
                "options": ["微笑", "冷漠", "倾听"],
                "answer": ["微笑", "倾听"],
            }
        ],
    }
    data = json.dumps(bank, ensure_ascii=False, indent=2)
    assert [(q.type, q.answer) for q in parse_document("bank.json", data.encode()).questions] == [
        ("truefalse", False),
        ("single", "A"),
        ("multiple", "AC"),
    ]


def test_an_exam_systems_reply_grouping_its_questions_by_type() -> None:
    # {"data": {"questionTypeSummaries": [{"description": "单选题每题两分", "questions": […]}, …]}}:
    # each group names its type and holds its questions; an option's record carries a database id
    # beside its text
    def choice(code: str, text: str) -> dict[str, object]:
        return {"id": "092b459483a740fc9f872062ab774d57", "sort": 1, "code": code, "content": text}

    groups = [
        {
            "type": "001001",
            "description": "单选题每题两分",
            "questions": [
                {
                    "id": "6550",
                    "content": "事业单位(  )工作人员应当公开招聘",
                    "answer": "A",
                    "choices": [choice("A", "新聘用"), choice("B", "全部")],
                },
            ],
        },
        {
            "type": "001003",
            "description": "判断题每题两分",
            "questions": [
                {
                    "id": "6551",
                    "content": "事业单位工作人员可以兼职。",
                    "answer": "B",
                    "choices": [choice("A", "正确"), choice("B", "错误")],
                },
            ],
        },
    ]
    data = json.dumps(
        {"status": 0, "data": {"name": "考试7", "questionTypeSummaries": groups}}, ensure_ascii=False
    )
    questions = parse_document("exam.json", data.encode()).questions
    assert [(q.type, q.options, q.answer) for q in questions] == [
        ("single", ["新聘用", "全部"], "A"),
        ("truefalse", [], False),
    ]


def test_lists_under_keys_naming_no_type_are_joined_when_their_records_are_alike() -> None:
    # two lists of records side by side, neither key a type: a bank per topic when their records
    # are of one shape ({"dw": […], "ag": […]}), unclear which is the bank when they differ
    from importers.pipeline.json_records import json_sheet
    from importers.pipeline.model import Line

    other = [{"question": "第二个库的题", "solution": "A"}]
    for bank in (
        {"todo": RECORDS, "done": RECORDS},
        {"single": RECORDS, "multi": RECORDS},
        {"a": RECORDS, "b": other},
    ):
        lines = [Line(text=t, lineno=i) for i, t in enumerate(json.dumps(bank).splitlines(), 1)]
        sheet = json_sheet(lines)
        assert (sheet is None) == ("b" in bank)
        assert sheet is None or len(sheet.rows) == 1 + 2 * len(RECORDS)


def test_records_inside_an_apis_reply_two_keys_deep_placed_at_their_lines() -> None:
    # {"errCode": "0", "data": {"page": "1", "list": [...]}}: the reply around the records; a list
    # of objects deeper inside one record (its options) is not another list of records
    reply = {"errCode": "0", "data": {"page": "1", "list": RECORDS}, "meta": {"tags": [{"a": 1}, {"a": 2}]}}
    data = json.dumps(reply, ensure_ascii=False, indent=2)
    opening = [n for n, line in enumerate(data.splitlines(), 1) if line == "      {"][:3]  # (then the tags')
    paper = parse_document("bank.txt", data.encode())
    assert briefs(data, "bank.txt") == EXPECTED
    assert [q.lineno for q in paper.questions] == opening


def test_one_record_a_line_in_a_text_file() -> None:
    data = "\n".join(json.dumps(record, ensure_ascii=False) for record in RECORDS)
    assert briefs(data, "bank.txt") == EXPECTED


def test_each_question_is_placed_at_the_line_its_record_opens() -> None:
    data = json.dumps(RECORDS, ensure_ascii=False, indent=2)
    opening = [n for n, line in enumerate(data.splitlines(), 1) if line == "  {"]
    paper = parse_document("bank.json", data.encode())
    assert [q.lineno for q in paper.questions] == opening


def test_records_under_one_key_are_placed_at_their_own_lines() -> None:
    data = json.dumps({"meta": {"total": 3}, "data": RECORDS}, ensure_ascii=False, indent=2)
    opening = [n for n, line in enumerate(data.splitlines(), 1) if line == "    {"]
    paper = parse_document("bank.json", data.encode())
    assert [q.lineno for q in paper.questions] == opening and len(opening) == 3


def test_an_apps_own_field_names_read_by_their_last_word_and_the_listed_options() -> None:
    """ "answerAnalysis" is an explanation; a field no synonym names whose values are lists of
    several texts ("questionLibraryItemList") holds the options."""

    def record(title: str, answer: str, analysis: str, options: list[str]) -> dict[str, object]:
        items = [{"id": 7 + i, "name": text, "number": "AB"[i]} for i, text in enumerate(options)]
        return {
            "title": title,
            "answer": answer,
            "answerAnalysis": analysis,
            "questionLibraryItemList": items,
        }

    records = [
        record("客户投诉时首先应该（ ）", "A", "先倾听。", ["倾听", "争辩"]),
        record("热线几声内接起（ ）", "B", "", ["五声", "三声"]),
    ]
    data = "\n".join(json.dumps(record, ensure_ascii=False) for record in records)
    assert briefs(data, "bank.txt") == [
        ("", "single", "客户投诉时首先应该（ ）", ["倾听", "争辩"], "A", "先倾听。"),
        ("", "single", "热线几声内接起（ ）", ["五声", "三声"], "B", ""),
    ]


def test_options_kept_as_an_object_keyed_by_letter() -> None:
    records = [
        {"question": "客户是？", "options": {"B": "对手", "A": "上帝"}, "answer": "A"},
        {"question": "服务要？", "options": {"A": "拖延", "B": "及时"}, "answer": "B"},
    ]
    assert [(q[2], q[3], q[4]) for q in briefs(json.dumps(records, ensure_ascii=False))] == [
        ("客户是？", ["上帝", "对手"], "A"),
        ("服务要？", ["拖延", "及时"], "B"),
    ]


def test_records_without_a_field_for_the_question_say_which_fields_they_have() -> None:
    data = json.dumps([{"uid": 1, "score": 5}, {"uid": 2, "score": 3}])
    with pytest.raises(PaperError, match=r"bank\.json.*JSON records.*uid, score"):
        parse_document("bank.json", data.encode())


def test_a_document_cut_short_inside_its_list_gives_the_records_complete_before_the_cut() -> None:
    """A download or a copy stopped mid-record ('…}, {"id": 4, "question": "客'): the records
    complete before the cut are read, and the admin is told where the file stops."""
    whole = json.dumps({"total": 4, "data": RECORDS}, ensure_ascii=False, indent=2)
    cut = whole[: whole.rindex("]")].rstrip() + ',\n    {"id": 4, "question": "客户\\"永远'
    paper = parse_document("bank.json", cut.encode())
    assert [
        (q.number, q.type, q.stem, q.options, q.answer, q.explanation) for q in paper.questions
    ] == EXPECTED
    last = whole[: whole.rindex("}", 0, whole.rindex("]"))].count("\n") + 1
    assert paper.warnings == [
        f"the file stops inside its list of records: read those complete up to line {last}"
    ]


def test_text_that_only_looks_like_json_is_read_as_text() -> None:
    (question,) = parse_document("paper.txt", "1. {a, b} 的子集有几个？\n答案：4".encode()).questions
    assert (question.stem, question.answer) == ("{a, b} 的子集有几个?", "4")


def test_json_nested_deeper_than_any_bank_is_refused_plainly() -> None:
    with pytest.raises(PaperError, match="no recognisable question found"):
        parse_document("deep.json", ("[" * 200_000 + "]" * 200_000).encode())


def test_json_files_may_be_uploaded() -> None:
    assert ".json" in PAPER_EXTENSIONS


def test_fields_prefixed_by_the_records_name_its_bare_field_the_stem_and_codes_no_numbers() -> None:
    # an exam system's "topic", "topicOption" ("甲$;$乙"), "topicKey"; "topicId" a database key and
    # "basetypeId" a type's code (neither a question number); judgements keyed "A"/"B" without options
    def record(n: int, topic: str, options: str, key: str) -> dict[str, str]:
        return {
            "topicId": f"8a84d28c{n:04x}",
            "basetypeId": "1" if options else "3",
            "topic": topic,
            "topicOption": options,
            "topicKey": key,
            "keywordsContent": "",
        }

    records = [
        record(1, "绝缘配合的核心原则是（ ）。", "绝缘强度≥过电压$;$任意配合", "A"),
        record(2, "悬式绝缘子串的最少片数是（ ）。", "5片$;$7片", "B"),
        record(3, "绝缘配合仅需考虑工频电压。", "", "B"),
        record(4, "均压环应能承受额定荷载。", "", "A"),
        record(5, "带电作业应设专责监护人。", "", "A"),
    ]
    paper = parse_document("bank.txt", json.dumps(records, ensure_ascii=False, indent=2).encode())
    assert [(q.number, q.type, q.stem, q.options, q.answer) for q in paper.questions] == [
        ("", "single", "绝缘配合的核心原则是（ ）。", ["绝缘强度≥过电压", "任意配合"], "A"),
        ("", "single", "悬式绝缘子串的最少片数是（ ）。", ["5片", "7片"], "B"),
        ("", "truefalse", "绝缘配合仅需考虑工频电压。", [], False),
        ("", "truefalse", "均压环应能承受额定荷载。", [], True),
        ("", "truefalse", "带电作业应设专责监护人。", [], True),
    ]


def test_options_listed_with_their_labels_give_their_texts() -> None:
    # ["A. 社会主义制度", "B. …"]: the labels typed into the list are not the options' text; a list
    # whose texts open with their letters as words ("A类", "B类") is kept whole
    records = [
        {
            "id": 1,
            "type": "单选题",
            "question": "（ ）是坚定文化自信的现实基础。",
            "options": ["A. 社会主义制度", "B. 伟大实践"],
            "answer": "B",
        },
        {
            "id": 2,
            "type": "单选题",
            "question": "业余无线电台分为几类？",
            "options": ["A类", "B类"],
            "answer": "A",
        },
    ]
    assert [q[3] for q in briefs(json.dumps(records, ensure_ascii=False))] == [
        ["社会主义制度", "伟大实践"],
        ["A类", "B类"],
    ]


def test_a_web_quizs_data_script_is_read_as_its_records() -> None:
    # a quiz page's data file: a title, then the questions as an object literal (keys unquoted,
    # strings in single quotes, a trailing comma)
    script = (
        'var examName="101年專科護理通論";\nvar exam=[\n'
        '  {\n    "id":1,"question":"此目標屬於以下何項領域？",\n'
        '    "ansItem":[{ans:\'A\',item:\'認知 \'},{ans:"B",item:"情意 "},],\n    "answer":"B"\n  },\n'
        '  {\n    "id":2,"question":"下列何者最具學習保留效果？",\n'
        '    "ansItem":[{ans:"A",item:"聽及看"},{ans:"B",item:"說及做"}],\n    "answer":"B"\n  }\n]\n'
    )
    assert briefs(script, "exam.js") == [
        ("1", "single", "此目標屬於以下何項領域？", ["認知", "情意"], "B", ""),
        ("2", "single", "下列何者最具學習保留效果？", ["聽及看", "說及做"], "B", ""),
    ]


def test_a_quiz_script_in_template_strings_its_options_lettered_in_the_question() -> None:
    # a page's data: each question's whole text in a template string, its options "<br>A.…" a
    # line each, the key a letter; a template that interpolates "${…}" is code, never read as data
    script = (
        "var test = [{\r\n    question: `基尔霍夫定律的节点电流定律也适合任意(　　)。 \r\n"
        "                <br>A. 封闭面\r\n                <br>B. 短路\r\n                <br>C. 开路`,\r\n"
        '    answer: "A"\r\n}, {\r\n    question: `\r\n            和干簧管可以构成磁性开关。 \r\n'
        "            <br>A.永久磁铁\r\n            <br>B.继电器\r\n            `,\r\n"
        '    answer: "B"\r\n}];\r\n'
    )
    kirchhoff = "基尔霍夫定律的节点电流定律也适合任意(\u3000\u3000)。"
    assert briefs(script, "test.js") == [
        ("", "single", kirchhoff, ["封闭面", "短路", "开路"], "A", ""),
        ("", "single", "和干簧管可以构成磁性开关。", ["永久磁铁", "继电器"], "B", ""),
    ]
    with pytest.raises(PaperError, match="script"):
        parse_document("test.js", "var test = [{question: `${name}是什么？`, answer: 'A'}];\n".encode())


def test_a_mini_programs_page_holds_its_questions_among_its_code() -> None:
    # a WeChat page: the questions in its data, methods after; open questions list no options and
    # an empty "text" (the page's answer box) beside their "title"
    script = (
        "Page({\n  data: {\n    questions: [{\n      title: '1、阿托品不具有的作用是（ ）',\n"
        '      chose: [{label: "A、扩瞳", value: "A", checked: false},\n'
        '              {label: "B、便秘", value: "B", checked: false}],\n      inputValue: []\n    },{\n'
        "      title: '2、血清转氨酶升高可反应（ ）',\n"
        '      chose: [{label: "A、肝细胞损伤", value: "A", checked: false},\n'
        '              {label: "B、肾功能不全", value: "B", checked: false}],\n'
        "      inputValue: []\n    },{\n"
        "      title: '3、DIC的发病机制？',\n      chose: [],\n      inputValue: [],\n      text: \"\"\n"
        "    }]\n  },\n  onLoad() {},\n  setData(data) {\n    this.setData({ questions: data });\n  },\n});\n"
    )
    assert [q[:4] for q in briefs(script, "index.js")] == [
        ("1", "single", "阿托品不具有的作用是（ ）", ["扩瞳", "便秘"]),
        ("2", "single", "血清转氨酶升高可反应（ ）", ["肝细胞损伤", "肾功能不全"]),
        ("3", "short", "DIC的发病机制？", []),
    ]


def test_a_modules_list_keyed_in_a_field_of_its_own_name() -> None:
    # a Vue module exporting its bank: the key of each choice in "value", the letters of options
    # that carry their own "value"; a judgement's value true or false; statements after the data
    script = (
        "const list = {\n  title: '管理学原理',\n  list: [\n"
        "    { title: '管理的核心是', itemType: 'select', value: 'D',\n"
        "      options: [{ label: '信息管理', value: 'A' }, { label: '生产管理', value: 'B' },\n"
        "                { label: '财务管理', value: 'C' }, { label: '以人为本', value: 'D' }] },\n"
        "    { title: '管理的职能有', itemType: 'select', value: ['A', 'C'],\n"
        "      options: [{ label: '计划', value: 'A' }, { label: '生产', value: 'B' },\n"
        "                { label: '控制', value: 'C' }] },\n"
        "    { title: '组织只能适应环境。', itemType: 'checkbox', value: false }\n  ]\n}\n\n"
        "export default list\n"
    )
    assert [(q[1], q[3], q[4]) for q in briefs(script, "admin.js")] == [
        ("single", ["信息管理", "生产管理", "财务管理", "以人为本"], "D"),
        ("multiple", ["计划", "生产", "控制"], "AC"),
        ("truefalse", [], False),
    ]


def test_an_exam_systems_key_marks_each_right_option_by_its_letter() -> None:
    # a company's exam page: "Answers" lists the right options, each by its letter and "true"
    script = json.dumps(
        {
            "Byname": "工程管理流程考试试卷",
            "Questions": [
                {
                    "QuestionContent": f"第{n}项工作由谁审批？",
                    "Items": [
                        {"ItemOrder": "A", "ItemAnswer": "监理"},
                        {"ItemOrder": "B", "ItemAnswer": "业主"},
                    ],
                    "Answers": answers,
                }
                for n, answers in (
                    (1, [{"ItemOrder": "B", "Value": "true"}]),
                    (2, [{"ItemOrder": "A", "Value": "true"}, {"ItemOrder": "B", "Value": "true"}]),
                )
            ],
        },
        ensure_ascii=False,
    )
    assert [(q[1], q[3], q[4]) for q in briefs(f"var QAGCGL={script}", "exam.js")] == [
        ("single", ["监理", "业主"], "B"),
        ("multiple", ["监理", "业主"], "AB"),
    ]


def test_a_scripts_lists_of_one_shape_are_all_its_questions() -> None:
    # a fire-safety quiz: a list per level, each after its comment, read in order
    options = '[{"label": "A", "desc": "甲"}, {"label": "B", "desc": "乙"}]'
    script = "".join(
        f"// {level}难度\nconst level{n} = [\n"
        f'  {{ question: "{level}第一题？", answer: "A", options: {options} }},\n'
        f'  {{ question: "{level}第二题？", answer: "B", options: {options} }}\n]\n'
        for n, level in enumerate(("幼儿园", "小学"))
    )
    assert [(q[2], q[4]) for q in briefs(script, "question.js")] == [
        ("幼儿园第一题？", "A"),
        ("幼儿园第二题？", "B"),
        ("小学第一题？", "A"),
        ("小学第二题？", "B"),
    ]


def test_a_script_holding_code_not_data_is_refused() -> None:
    with pytest.raises(PaperError, match="script"):
        parse_document("app.js", b"function start() {\n  // 1. load the exam\n  return fetch('/exam');\n}\n")


def test_a_keys_index_counts_options_from_zero() -> None:
    # an exported test: options listed under "_Answers", the key the right option's index from 0
    # ("…IndexD" for one answer, "_RightAnswerIndex" a list for several), a private field's "_Title"
    def record(title: str, labels: list[str], one: str | None, several: list[str] | None) -> str:
        answers = [{"value": str(i), "label": label} for i, label in enumerate(labels)]
        fields = {
            "_Answers": answers,
            "_Title": title,
            "_RightAnswerIndex": several,
            "_RightAnswerIndexD": one,
        }
        return json.dumps(fields, ensure_ascii=False)

    script = (
        "export const list4 = [\n  "
        + record("推荐使用哪种开发语言（  ）。", ["ts", "java", "go"], "0", None)
        + ",\n  "
        + record("认证服务的收费项有（  ）。", ["短信", "邮件", "匿名"], None, ["0", "1"])
        + ",\n  "
        + record("云函数可以定时触发。（  ）", ["正确", "错误"], "1", None)
        + "\n]"
    )
    assert [(q[1], q[3], q[4]) for q in briefs(script, "list.js")] == [
        ("single", ["ts", "java", "go"], "A"),
        ("multiple", ["短信", "邮件", "匿名"], "AB"),
        ("truefalse", [], False),
    ]


def test_a_key_of_places_is_read_as_places_even_over_options_that_are_numbers() -> None:
    # a drone-licence bank on window: chapters as comments, the key a place from 0, options padded
    # with an empty one; then a module keyed by places from 1, one question's options numbers
    script = (
        "// 共计: 2 题\nwindow.QUESTIONS = [\n  // ==== 概述 ====\n"
        '  { id: 1, q: "无人机适用于（）", opts: ["250 克", "7 公斤", ""], ans: 1 },\n'
        '  { id: 2, q: "I 类无人机是指（）", opts: ["甲", "乙", "丙", ""], ans: 0 },\n];\n'
    )
    assert [(q[3], q[4]) for q in briefs(script, "questions.js")] == [
        (["250 克", "7 公斤"], "B"),
        (["甲", "乙", "丙"], "A"),
    ]
    module = (
        "module.exports={\n  /** get */\n  dw:[\n"
        "    { content: '会议审议通过准则（ ）',\n"
        "      answers: [{content: '中央'}, {content: '书记处'}], answer: '2' }\n"
        "  ],\n  ag:[\n"
        "    { content: '室外人员应距离故障点（ ）m以外。',\n"
        "      answers: [{content: '4'}, {content: '8'}], answer: '2' },\n"
        "    { content: '钥匙至少应有（ ）把', answers: [{content: '3'}, {content: '2'}], answer: '1' }\n"
        "  ]\n}\n"
    )
    assert [(q[2], q[4]) for q in briefs(module, "questions.js")] == [
        ("会议审议通过准则（ ）", "B"),
        ("室外人员应距离故障点（ ）m以外。", "B"),
        ("钥匙至少应有（ ）把", "A"),
    ]


def test_options_flagged_right_are_the_key_not_the_learners_result() -> None:
    # a drill app's bank: each option flagged "correct"; the record's own "correct" is whether the
    # learner got it right, its long "id" no question number
    bank = [
        {
            "text": "对生产安全事故实行（ ）制度。",
            "options": [{"text": "协商", "correct": False}, {"text": "责任追究", "correct": True}],
            "id": 59210076664,
            "correct": False,
        },
        {
            "text": "提升装置的钢丝绳应检查（ ）",
            "options": [
                {"text": "1", "correct": True},
                {"text": "2", "correct": False},
                {"text": "3", "correct": True},
            ],
            "id": 857793720258,
            "correct": False,
        },
    ]
    assert [(q[0], q[1], q[3], q[4]) for q in briefs(json.dumps(bank, ensure_ascii=False))] == [
        ("", "single", ["协商", "责任追究"], "B"),
        ("", "multiple", ["1", "2", "3"], "AC"),
    ]


def test_a_platforms_records_in_groups_under_subjects_with_the_learners_answers() -> None:
    # exam records copied into an app: a subject's papers as lists of records ("description" the
    # question, "solution" the key beside the learner's "userAnswer"), options with ObjectIds
    def record(n: int, key: str, mine: str) -> str:
        options = ", ".join(
            f"{{ id: '643dfeb6cff47e000114ab3{i}', label: '{label}', description: '选项{label}' }}"
            for i, label in enumerate("ABC")
        )
        fields = f"description: '第{n}题（ ）', solution: '{key}', userAnswer: '{mine}'"
        return f"{{ {fields}, options: [{options}] }}"

    script = (
        "export const navList = [{ title: '英语', code: 'english' }, { title: '化学', code: 'chemistry' }];\n"
        "export const dataObj = {\n  // 英语\n  english: [\n    [\n      "
        + record(1, "A", "B")
        + ",\n      "
        + record(2, "C", "C")
        + "\n    ]\n  ],\n  chemistry: [\n    [\n      "
        + record(3, "B", "A")
        + "\n    ]\n  ]\n};\n"
    )
    assert [(q[2], q[3], q[4]) for q in briefs(script, "exam1.js")] == [
        ("第1题（ ）", ["选项A", "选项B", "选项C"], "A"),
        ("第2题（ ）", ["选项A", "选项B", "选项C"], "C"),
        ("第3题（ ）", ["选项A", "选项B", "选项C"], "B"),
    ]


def test_a_bank_named_in_english_problem_opts_ans() -> None:
    bank = [
        {
            "Problem": f"风险管理第{n}条（ ）",
            "Opts": [{"key": "A", "value": "A.公众"}, {"key": "B", "value": "B.个人"}],
            "Ans": ["A", "B"],
        }
        for n in (1, 2)
    ]
    assert [(q[1], q[2], q[3], q[4]) for q in briefs(json.dumps(bank, ensure_ascii=False))] == [
        ("multiple", "风险管理第1条（ ）", ["公众", "个人"], "AB"),
        ("multiple", "风险管理第2条（ ）", ["公众", "个人"], "AB"),
    ]


def test_a_judges_record_whose_one_part_holds_the_options_and_key() -> None:
    bank = [
        {
            "id": n,
            "description": f"第{n}题：（  ）不是CPU的组成部分",
            "questions": [{"choices": ["控制器", "主板"], "allowMulti": False, "correctAnswers": [key]}],
        }
        for n, key in ((1, "B"), (2, "A"))
    ]
    script = "var data = " + json.dumps(bank, ensure_ascii=False, indent=2) + ";\n"
    assert [(q[0], q[2], q[3], q[4]) for q in briefs(script, "pretest.js")] == [
        ("1", "第1题：（  ）不是CPU的组成部分", ["控制器", "主板"], "B"),
        ("2", "第2题：（  ）不是CPU的组成部分", ["控制器", "主板"], "A"),
    ]


def test_a_typescript_bank_of_chapters_each_holding_a_list_per_type() -> None:
    chapter = {
        "id": 0,
        "name": "导论",
        "single_choice": [
            {
                "id": 1,
                "question": "马克思主义产生于",
                "options": {"A": "18世纪", "B": "19世纪"},
                "answer": "B",
            }
        ],
        "multiple_choice": [
            {"id": 1, "question": "创始人是", "options": {"A": "马克思", "B": "恩格斯"}, "answer": "AB"}
        ],
        "true_false": [{"id": 1, "question": "真理是多元的。", "answer": False}],
    }
    script = (
        "import { Exam } from './types';\n\nconst RAW_DATA = "
        + json.dumps(
            {"title": "题库", "chapters": [chapter, {**chapter, "id": 1}]}, ensure_ascii=False, indent=2
        )
        + ";\n"
    )
    assert [(q[1], q[4]) for q in briefs(script, "data.ts")] == [
        ("single", "B"),
        ("multiple", "AB"),
        ("truefalse", False),
    ] * 2


def test_an_apps_own_field_names_for_the_text_and_the_right_options_places() -> None:
    """A sports platform's export names nothing as the spreadsheet reader knows it: "info" holds
    every question's text (the unnamed field of the most prose) and "solutions" the right options'
    places, counted from 0 as code counts ("[1]" over ["错误", "正确"] is 正确)."""
    topics = [
        {
            "type": 1,
            "info": "发生翻船后，要第一个抢救装备",
            "index": 1,
            "solutions": [0],
            "options": ["错误", "正确"],
        },
        {
            "type": 1,
            "info": "出血后应先止血，再包扎固定",
            "index": 2,
            "solutions": [1],
            "options": ["错误", "正确"],
        },
        {
            "type": 2,
            "info": "散手比赛的场地是",
            "index": 3,
            "solutions": [2],
            "options": ["擂台", "垫子", "圆台"],
        },
        {
            "type": 3,
            "info": "属于散手技法的有",
            "index": 4,
            "solutions": [0, 2],
            "options": ["踢", "跳", "摔"],
        },
    ]
    data = json.dumps({"course": {"name": "散手", "id": 9}, "topics": topics}, ensure_ascii=False)
    assert [(q.type, q.stem, q.answer) for q in parse_document("exam.json", data.encode()).questions] == [
        ("truefalse", "发生翻船后，要第一个抢救装备", False),
        ("truefalse", "出血后应先止血，再包扎固定", True),
        ("single", "散手比赛的场地是", "C"),
        ("multiple", "属于散手技法的有", "AC"),
    ]


def test_a_key_inside_an_object_of_the_exam_systems_own() -> None:
    """ "correctAnswer": {"choice": "2", "type": 201}: the key is the object's one value that is
    an option's place (from 0, since another record's is "0")."""
    records = [
        {
            "id": 1,
            "content": "<p>下列说法正确的有几项？</p>",
            "accessories": [{"options": ["1", "2", "3", "4"]}],
            "correctAnswer": {"choice": "2", "type": 201},
        },
        {
            "id": 2,
            "content": "<p>依次填入划横线部分最恰当的一项是：</p>",
            "accessories": [{"options": ["甲", "乙", "丙", "丁"]}],
            "correctAnswer": {"choice": "0", "type": 201},
        },
    ]
    data = "export const timu = " + json.dumps(records, ensure_ascii=False) + ";\n"
    found = parse_document("timu.ts", data.encode()).questions
    assert [(q.stem, q.options, q.answer) for q in found] == [
        ("下列说法正确的有几项？", ["1", "2", "3", "4"], "C"),
        ("依次填入划横线部分最恰当的一项是：", ["甲", "乙", "丙", "丁"], "A"),
    ]


def test_a_vue_components_list_of_questions_holding_lists_of_option_records() -> None:
    """A Vue mixin's data(): each question names its text "fldName" (a word of the app's own), its
    key "rightAnswer", and holds its options as records ({"fldOptionText", "fldOptionIndex"}):
    the questions are the outer records, never their options' records."""
    questions = [
        {
            "questionID": n,
            "fldName": stem,
            "rightAnswer": key,
            "QuestionOptionList": [
                {"fldOptionText": text, "fldOptionIndex": letter}
                for letter, text in zip("ABC", options, strict=True)
            ],
        }
        for n, (stem, key, options) in enumerate(
            [
                ("党的一大在（  ）召开。", "B", ["北京", "上海、嘉兴", "广州"]),
                ("（  ）标志着国共合作建立。", "A", ["国民党一大", "五四运动", "北伐"]),
            ],
            1,
        )
    ]
    script = "export default {\n\tdata(){\n\t\treturn{\n\t\t\tQuestionList: " + json.dumps(
        questions, ensure_ascii=False
    )
    script += "\n\t\t}\n\t},\n\tmethods: { next() { this.index++ } }\n}\n"
    found = parse_document("question.js", script.encode()).questions
    assert [(q.stem, q.options, q.answer) for q in found] == [
        ("党的一大在（  ）召开。", ["北京", "上海、嘉兴", "广州"], "B"),
        ("（  ）标志着国共合作建立。", ["国民党一大", "五四运动", "北伐"], "A"),
    ]


def test_a_script_cut_short_inside_the_list_it_exports_gives_the_records_before_the_cut() -> None:
    # "export default [{fq: …}, {fq: …}, {" : a mini program's data copied or downloaded in part
    script = (
        "export default [{\n  fq: '中国民主革命的任务是', ask: 'C',\n"
        "  options: [{ label: 'A. 建立无产阶级专政', value: 'A' }, { label: 'B. 发展生产力', value: 'B' },\n"
        "    { label: 'C. 反帝反封建', value: 'C' }]\n},{\n"
        "  fq: '阶级斗争是阶级社会发展的', ask: 'B',\n"
        "  options: [{ label: 'A. 根本动力', value: 'A' }, { label: 'B. 直接动力', value: 'B' }]\n},{\n"
        "  fq: '决定精神文明建设的性质和方向的是', ask: "
    )
    paper = parse_document("data.ts", script.encode())
    assert [(q.stem, q.options, q.answer) for q in paper.questions] == [
        ("中国民主革命的任务是", ["建立无产阶级专政", "发展生产力", "反帝反封建"], "C"),
        ("阶级斗争是阶级社会发展的", ["根本动力", "直接动力"], "B"),
    ]
    assert any("stops inside its list of records" in warning for warning in paper.warnings)


def test_an_exam_systems_export_of_parts_holding_items_holding_questions() -> None:
    """A learning platform's test as a script: the data assigned, then exported by name; a
    learner's attempt beside the paper (its "response" is no key); the paper's parts hold items,
    each item its questions; each option inside its control's name ({"radio": {…}})."""
    question = {
        "id": "19097",
        "stem": "项目治理框架的内容包括以下各项，除了：",
        "answer_mode": "single_choice",
        "response_points": [
            {"radio": {"text": text, "val": letter}}
            for letter, text in zip("ABC", ["阶段关口", "上报风险", "执行决策"], strict=True)
        ],
        "answer": ["C"],
        "analysis": "执行属于管理层面。",
    }
    second = {**question, "id": "19098", "stem": "项目经理首先应该做什么？", "answer": ["A"], "analysis": ""}
    test = {
        "answer_report": {
            "section_reports": [{"item_reports": [{"question_reports": [{"response": ["A"]}]}]}]
        },
        "assessment": {
            "sections": [
                {
                    "name": "单选题",
                    "description": "",
                    "items": [
                        {
                            "id": question["id"],
                            "type": "single_choice",
                            "material": question["stem"],
                            "questions": [question],
                        },
                        {
                            "id": second["id"],
                            "type": "single_choice",
                            "material": second["stem"],
                            "questions": [second],
                        },
                    ],
                }
            ]
        },
    }
    script = (
        "const MIDWAY_TEST = " + json.dumps(test, ensure_ascii=False) + ";\n\nexport default MIDWAY_TEST\n"
    )
    found = parse_document("midwayTest.js", script.encode()).questions
    assert [(q.stem, q.options, q.answer, q.explanation) for q in found] == [
        (
            "项目治理框架的内容包括以下各项，除了：",
            ["阶段关口", "上报风险", "执行决策"],
            "C",
            "执行属于管理层面。",
        ),
        ("项目经理首先应该做什么？", ["阶段关口", "上报风险", "执行决策"], "A", ""),
    ]


def test_an_exam_platforms_reply_with_flagged_answers_and_a_case_of_sub_questions() -> None:
    # an exam platform's JSON reply kept in a script: parts naming their type; each option in
    # "answers" flagged "is_true_answer"; a case whose sub-questions, of the case's own shape,
    # sit under "big_questions" and share its text as their material
    def question(text: str, flags: str, big: list[dict[str, object]] | None = None) -> dict[str, object]:
        answers = [
            {"answer_id": i, "answer_text": f"选项{i}", "is_true_answer": f == "1"}
            for i, f in enumerate(flags)
        ]
        return {
            "question_id": 1,
            "question_text": text,
            "is_big_question": big is not None,
            "big_questions": big,
            "answers": None if big is not None else answers,
        }

    case = question(
        "甲公司录用王某。要求：根据上述资料，分析回答下列小题。",
        "",
        [
            question("1).试用期条款中，符合法律规定的是( )", "0101"),
            question("2).王某应提前通知的期限为( )", "0010"),
        ],
    )
    reply = {
        "code": 200,
        "result": {
            "parts": [
                {"part_info": {"name": "单选题"}, "questions": [question("诉讼管辖法院是( )", "0010")]},
                {"part_info": {"name": "不定项选择题"}, "questions": [case]},
            ]
        },
    }
    script = "var json=" + json.dumps(reply, ensure_ascii=False, indent=2)
    paper = parse_document("mock.js", script.encode())
    assert [(q.type, q.options[:2], q.answer, q.material) for q in paper.questions] == [
        ("single", ["选项0", "选项1"], "C", ""),
        ("multiple", ["选项0", "选项1"], "BD", "甲公司录用王某。要求：根据上述资料，分析回答下列小题。"),
        ("single", ["选项0", "选项1"], "C", "甲公司录用王某。要求：根据上述资料，分析回答下列小题。"),
    ]


def test_a_bank_of_parts_holding_chapters_holding_questions_cut_short() -> None:
    # a staff bank: part → chapter → questions, options {"label": text, "value": letter} (the
    # text "6" a number, not a place), the file cut inside the second chapter's list
    def q(n: int) -> dict[str, object]:
        options = [{"label": str(6 * (i + 1)), "value": "ABCD"[i]} for i in range(4)]
        return {"title": f"第{n}题的题干是(    )。", "options": options, "answer": ["B"], "explan": ""}

    bank = [
        {"id": 1, "part": "法律规章", "choose": [{"chapter": "法律规章", "questions": [q(1), q(2)]}]},
        {"id": 2, "part": "行业知识", "choose": [{"chapter": "气象学", "questions": [q(3), q(4), q(5)]}]},
    ]
    text = json.dumps(bank, ensure_ascii=False, indent=2)
    cut = text[: text.index('"title": "第5题')]
    paper = parse_document("bank.json", cut.encode())
    assert [(q.stem, q.options, q.answer, q.lineno) for q in paper.questions] == [
        (f"第{n}题的题干是(    )。", ["6", "12", "18", "24"], "B", line)
        for n, line in zip(range(1, 5), _record_openings(cut, '"title"'), strict=True)
    ]
    assert "stops inside its list" in " ".join(paper.warnings)


def _record_openings(text: str, field: str) -> list[int]:
    """The line of each "{" opening a record whose first field is `field`."""
    lines = text.splitlines()
    return [
        i for i, line in enumerate(lines, 1) if line.strip() == "{" and lines[i].strip().startswith(field)
    ]


def test_a_quizs_levels_as_bare_lists_beside_a_list_of_level_titles() -> None:
    # a school quiz's script: "info" lists its levels' titles (a "Title" each, no key), then
    # "questionandkey" holds a bare list of questions per level; the text under "questions",
    # the options under "keys", the key under "answer"
    def q(n: int, answer: str) -> dict[str, object]:
        options = ["甲", "乙", "丙"]
        return {"questions": f"{n}.第{n}题的题干是什么?", "type": 1, "answer": answer, "keys": options}

    quiz = {
        "total": 3,
        "info": [{"passTitle": "第一关", "passDesc": "防疫小卫士"}, {"passTitle": "第二关", "passDesc": "…"}],
        "questionandkey": [[q(1, "A,B"), q(2, "C")], [q(3, "B")]],
    }
    script = "var fsquestions = " + json.dumps(quiz, ensure_ascii=False, indent=2)
    found = briefs(script, "question.js")
    assert [(number, options, answer) for number, _, _, options, answer, _ in found] == [
        ("1", ["甲", "乙", "丙"], "AB"),
        ("2", ["甲", "乙", "丙"], "C"),
        ("3", ["甲", "乙", "丙"], "B"),
    ]


def test_options_in_fields_named_by_ordinals_keyed_by_the_options_element() -> None:
    # a web quiz: "firstOption" … "fourthOption", the key the id of the right option's element
    script = """var questionArr = [
    {
        // questionNumber: "1",
        question: "显卡的英文缩写是下列哪项？",
        firstOption: "GPU",
        secondOption: "CPU",
        thirdOption: "APU",
        correctAnswer: "#first-option"
    },
    {
        // questionNumber: "2",
        question: "3G是在哪一年开始普遍使用的？",
        firstOption: "2002年",
        secondOption: "2003年",
        thirdOption: "2004年",
        correctAnswer: "#second-option"
    }
];"""
    assert [(t, options, answer) for _, t, _, options, answer, _ in briefs(script, "questions.js")] == [
        ("single", ["GPU", "CPU", "APU"], "A"),
        ("single", ["2002年", "2003年", "2004年"], "B"),
    ]


def test_a_map_of_one_question_lists_mixing_choices_and_fills() -> None:
    # a course app's script: 'new Map([[101, [{…}]], [102, [{…}]], …])', one question a list (more
    # than fifty of them), the fills' records the choices' without their options
    def choice(n: int) -> str:
        options = '[{ numb: "A", content: "甲" }, { numb: "B", content: "乙" }]'
        record = f'id: {n}, title: "第{n}题选哪个()", type: 0, select: {options}, correct_ans: "B"'
        return f"[{100 + n}, [{{ {record} }}]],"

    def fill(n: int) -> str:
        return f'[{100 + n}, [{{ id: {n}, title: "第{n}题填___", type: 1, correct_ans: "函数" }}]],'

    entries = [choice(n) if n % 3 else fill(n) for n in range(1, 61)]
    script = "export const prePro = new Map([\n    // 第一章\n" + "\n".join(entries) + "\n]);\n"
    found = briefs(script, "question.js")
    assert len(found) == 60
    assert [(t, options, answer) for _, t, _, options, answer, _ in found[1:3]] == [
        ("single", ["甲", "乙"], "B"),
        ("fill", [], ["函数"]),
    ]
    assert found[-1][1:] == ("fill", "第60题填___", [], ["函数"], "")


def test_questions_naming_their_key_beside_the_materials_they_are_asked_on() -> None:
    # an essay paper: "materials" (a text each) beside "questions" (each its text and its answer)
    paper = {
        "title": "2001年《申论》试卷",
        "materials": [
            {"label": "给定资料", "content": "2000年10月19日，美国……PPA问题成为一个热点。", "idx": 1}
        ],
        "questions": [
            {"idx": 1, "stem": "有条理地概述这些材料的主要内容。(20分)", "answer": "1.【答案提示】PPA事件……"},
            {"idx": 2, "stem": "请你就PPA风波所引发的问题提出善后处理意见。", "answer": "2.【答案提示】……"},
        ],
        "answersRaw": "参考答案及例文\n1.【答案提示】PPA事件……",
    }
    found = briefs(json.dumps(paper, ensure_ascii=False, indent=2), "shenlun.json")
    assert [(t, str(text)[:6], str(answer)[:6]) for _, t, text, _, answer, _ in found] == [
        ("short", "有条理地概述", "1.【答案提"),
        ("short", "请你就PPA", "2.【答案提"),
    ]


def test_options_naming_statements_by_circled_numbers_are_read_not_counted() -> None:
    # a 行测 paper's records: its statements in "items", its options combinations of them ("①②"),
    # no key. Circled numbers are digits to str.isdigit but no numbers to int(): options, read as
    # printed (the reader once failed here looking for a key among the options' places)
    def record(n: int) -> dict[str, object]:
        options = {"A": "①②", "B": "①③", "C": "②④", "D": "③④"}
        return {
            "number": n,
            "stem": f"下列说法与这一论述相符的有（第{n}题）：",
            "items": ["①甲", "②乙"],
            "options": options,
        }

    paper = {
        "exam_name": "2025年行测",
        "sections": [{"name": "政治理论", "questions": [record(1), record(2)]}],
    }
    found = briefs(json.dumps(paper, ensure_ascii=False, indent=2), "shengji.json")
    assert [(number, options, answer) for number, _, _, options, answer, _ in found] == [
        ("1", ["①②", "①③", "②④", "③④"], None),
        ("2", ["①②", "①③", "②④", "③④"], None),
    ]


def test_a_banks_record_ids_that_skip_and_restart_raise_no_numbering_alarm() -> None:
    # a course app's records keep their database ids (1, 4, 5, 9, …, and 1, 2 … again in its second
    # list): one record a question, nothing read in the wrong place, so its numbers tell nothing
    ids = [1, 4, 5, 9, 12, 13, 20, 2, 3, 7, 30, 31]
    records = [{"id": n, "title": f"第{n}题选哪个", "options": ["甲", "乙"], "answer": "A"} for n in ids]
    paper = parse_document("bank.json", json.dumps(records, ensure_ascii=False).encode())
    assert len(paper.questions) == len(ids)
    assert (paper.coverage.verdict, paper.coverage.reasons) == ("ok", [])


def test_a_question_of_several_blanks_each_with_its_own_options_is_one_question_a_blank() -> None:
    """A 软考 app's record: 'answerList' holds one list of options per blank, 'rightAnswer' one
    place (from 0) per blank; a blank left empty (options all "", keyed -1) is the form's slot.
    The key counts from 0 because a 0 is among its places; -1 chooses nothing."""
    records = [
        {
            "no": "1",
            "questionTitle": "CPU依据（）来区分指令和数据。",
            "rightAnswer": "1",
            "answerList": ["周期", "寻址方式"],
        },
        {"no": "2", "questionTitle": "总线宽度是（）。", "rightAnswer": "0", "answerList": ["32位", "64位"]},
        {"no": "3", "questionTitle": "未给答案的题（）。", "rightAnswer": "-1", "answerList": ["甲", "乙"]},
        {
            "no": "4",
            "questionTitle": "改变载波频率可以改变乐音的（  ），改变幅度可以改变乐音的（  ）。",
            "rightAnswer": ["0", "2", "-1"],
            "answerList": [["音调", "音色", "音高"], ["音调", "音域", "音高"], ["", "", ""]],
        },
    ]
    assert [
        (q[0], q[3], q[4]) for q in briefs(json.dumps({"questionItemList": records}, ensure_ascii=False))
    ] == [
        ("1", ["周期", "寻址方式"], "B"),
        ("2", ["32位", "64位"], "A"),
        ("3", ["甲", "乙"], None),
        ("4", ["音调", "音色", "音高"], "A"),
        ("4", ["音调", "音域", "音高"], "C"),
    ]


def test_an_object_mapping_each_question_to_its_key() -> None:
    """A quiz page's bank: each question's text (its number, type tag and options printed in it)
    maps to its short key; each entry is a question, placed at the line its text opens."""
    bank = {
        "71. 水泥杆堆放时，不超过（）层 (单选题)\nA. 2\nB. 3\nC. 4": "A",
        "72. 光缆敷设时应注意哪些事项 (多选题)\nA. 弯曲半径\nB. 牵引力\nC. 颜色": "A,B",
        "73. 吊线抱箍应距杆顶500mm以上 (判断题)": "正确",
    }
    questions = parse_document("bank.json", json.dumps(bank, ensure_ascii=False, indent=2).encode()).questions
    assert [(q.type, q.options, q.answer, q.lineno) for q in questions] == [
        ("single", ["2", "3", "4"], "A", 2),
        ("multiple", ["弯曲半径", "牵引力", "颜色"], "AB", 3),
        ("truefalse", [], True, 4),
    ]


def test_an_object_of_settings_is_no_bank() -> None:
    """{"title": "…", "timeLimit": "60"}: short names beside values, no questions."""
    with pytest.raises(PaperError):
        parse_document(
            "config.json", json.dumps({"title": "客服培训", "timeLimit": "60", "lang": "zh"}).encode()
        )


def test_a_scripts_rows_without_field_names_text_options_then_the_right_place_from_one() -> None:
    """A quiz script's bank as bare rows: the question's text, its options (an empty one unused),
    the right option's place from 1, its explanation and the row's id."""
    script = (
        "var QUESTION_BANK4 = [\n"
        '  ["作业应当遵守（ ）的原则", "先通风、再检测", "先检测、再通风", "", 2, "", 3101],\n'
        '  ["作业人员应将气体检测仪（ ）", "充电", "调值标零", "开机自检", 3, "先自检。", 3102],\n'
        '  ["监护人员不得离开（ ）", "作业现场", "", "办公室", 3, "", 3103]\n'
        "]\n"
    )
    questions = parse_document("data.js", script.encode()).questions
    assert [(q.options, q.answer, q.explanation, q.lineno) for q in questions] == [
        (["先通风、再检测", "先检测、再通风"], "B", "", 2),
        (["充电", "调值标零", "开机自检"], "C", "先自检。", 3),
        (["作业现场", "办公室"], "B", "", 4),
    ]


def stems(records: list[dict[str, object]]) -> list[str]:
    return [
        q.stem
        for q in parse_document("bank.json", json.dumps(records, ensure_ascii=False).encode()).questions
    ]


def test_a_programming_quizs_code_lines_go_under_the_stem_indents_kept() -> None:
    # a programming quiz app keeps the program asked about apart from the question's words, as a
    # list of lines ("codeLines") or one text ("code"); a "code" that is a record's identifier is not
    # a program
    lines = [
        {
            "stem": "写出下列程序的运行结果",
            "codeLines": ["int main(){", "    cout<<1+1;", "}"],
            "answer": "2",
        },
        {"stem": "写出下列程序的运行结果", "codeLines": ["int main(){", "    cout<<2;", "}"], "answer": "2"},
    ]
    assert stems(lines) == [
        "写出下列程序的运行结果\nint main(){\n    cout<<1+1;\n}",
        "写出下列程序的运行结果\nint main(){\n    cout<<2;\n}",
    ]
    texts = [
        {"stem": "以下程序输出3,请补全", "code": "int x=____;\ncout<<x;", "answer": ["3"]},
        {"stem": "以下程序输出4,请补全", "code": "int x=____;\ncout<<x;", "answer": ["4"]},
    ]
    assert stems(texts) == [
        "以下程序输出3,请补全\nint x=____;\ncout<<x;",
        "以下程序输出4,请补全\nint x=____;\ncout<<x;",
    ]
    coded = [
        {"code": "Q001", "question": "投诉应当立即处理。", "answer": "对"},
        {"code": "Q002", "question": "客户永远是对的。", "answer": "错"},
    ]
    assert stems(coded) == ["投诉应当立即处理。", "客户永远是对的。"]


def test_a_hole_in_a_scripts_list_is_passed_over() -> None:
    # "},,{": a list with an empty slot, which JavaScript allows and JSON does not
    script = (
        'let question=[\n\t{"question": "下列何者可以測距離?", "option": ["超音波","LED燈"], "answer": 0},,'
        '{"question": "下列何者不屬於感測器?", "option": ["陀螺儀","LED燈"], "answer": 1}]\n'
    )
    questions = parse_document("bank.js", script.encode()).questions
    assert [(q.stem, q.answer) for q in questions] == [
        ("下列何者可以測距離?", "A"),
        ("下列何者不屬於感測器?", "B"),
    ]


def test_a_python_file_of_quiz_data_is_read_as_a_script_is() -> None:
    # "questions = [{…}]" in a .py file (Python's quotes, True/False/None): the bank; a .py file
    # holding code, not data, is refused as a script is
    data = (
        "# 题库\nquestions = [\n"
        "    {'question': '客户投诉时首先应该（）', 'options': ['争辩', '倾听'], 'answer': 'B',\n"
        "     'multi': False, 'note': None},\n"
        "    {'question': '服务礼仪包括（）', 'options': ['微笑', '倾听', '争辩'], 'answer': 'AB',\n"
        "     'multi': True, 'note': None},\n"
        "]\n"
    )
    questions = parse_document("bank.py", data.encode()).questions
    assert [(q.type, q.options, q.answer) for q in questions] == [
        ("single", ["争辩", "倾听"], "B"),
        ("multiple", ["微笑", "倾听", "争辩"], "AB"),
    ]
    assert ".py" in PAPER_EXTENSIONS
    with pytest.raises(PaperError, match="script"):
        parse_document("tool.py", b"def main():\n    return 1\n")


def test_lists_of_questions_of_other_shapes_under_their_own_keys() -> None:
    # window.QUIZ_DATA = {"stats": {…}, "objective": [choices], "subjective": [open questions]}:
    # both lists are questions (each record keyed), read one after the other
    data = {
        "stats": {"objective": 2, "subjective": 1},
        "objective": [
            {
                "type": "single",
                "question": "客户投诉时首先应该（）",
                "options": [{"key": "A", "text": "倾听"}, {"key": "B", "text": "争辩"}],
                "answer": "A",
            },
            {"type": "judge", "question": "客户永远是对的。", "options": [], "answer": "错"},
        ],
        "subjective": [{"type": "short", "question": "简述投诉处理的步骤。", "answer": "倾听、致歉、解决。"}],
    }
    script = "window.QUIZ_DATA = " + json.dumps(data, ensure_ascii=False, indent=1) + ";\n"
    questions = parse_document("quiz-data.js", script.encode()).questions
    assert [(q.type, q.answer) for q in questions] == [
        ("single", "A"),
        ("truefalse", False),
        ("short", "倾听、致歉、解决。"),
    ]


def test_a_key_naming_the_right_option_by_its_id() -> None:
    # {answerId: 3, options: [{id: 1, value: …}, …]}: the key is the option whose id it names
    script = (
        "export const subjects = [\n"
        '  {answerId: 3, title: "中共一大于______在上海召开。", options: [{id: 1, value: "1921年6月"}, '
        '{id: 2, value: "1921年7月1日"}, {id: 3, value: "1921年7月23日"}]},\n'
        '  {answerId: 1, title: "____是规模最大的战役。",\n'
        '   options: [{id: 1, value: "百团大战"}, {id: 2, value: "淞沪会战"}]},\n'
        "]\n"
    )
    questions = parse_document("config.js", script.encode()).questions
    assert [(q.options[0], q.answer) for q in questions] == [("1921年6月", "C"), ("百团大战", "A")]


def test_options_flagged_t_or_f_in_a_field_of_any_name() -> None:
    # "answers": [{"type": "T", "content": …}]: the field holding T or F in every option is its
    # flag; a judgement's options "O" and "X" (Taiwan's 是非題) under the type "TrueORFalse"
    records = [
        {
            "questionType": "TrueORFalse",
            "question": "溺水者應立即施行心肺復甦術。",
            "answers": [{"type": "F", "content": "O"}, {"type": "T", "content": "X"}],
        },
        {
            "questionType": "TrueORFalse",
            "question": "腦部缺氧4至6分鐘後開始受損。",
            "answers": [{"type": "T", "content": "O"}, {"type": "F", "content": "X"}],
        },
        {
            "questionType": "multipleChoice",
            "question": "成人胸外按壓的深度為？",
            "answers": [{"type": "F", "content": "2公分"}, {"type": "T", "content": "5公分"}],
        },
    ]
    script = (
        "var quizQuestions = "
        + json.dumps(records, ensure_ascii=False, indent=4)
        + ";\nexport default quizQuestions;\n"
    )
    questions = parse_document("quiz.js", script.encode()).questions
    assert [(q.type, q.options, q.answer) for q in questions] == [
        ("truefalse", [], False),
        ("truefalse", [], True),
        ("single", ["2公分", "5公分"], "B"),
    ]


def test_a_record_holding_a_passage_and_the_questions_asked_on_it() -> None:
    # GAOKAO-Bench's records: a passage, "据此完成 4～5 题．", then "4．（4 分）…（ ） A．… B．…"
    # and "5．…" on one line, keyed ["B", "C"]: two questions, each keyed in turn, the passage
    # their material (a record of one question keyed by a list stays one question)
    passage = "日本某汽车公司在中国建有多个整车生产厂和零件生产厂．据此完成 4～5 题．"
    group = (
        f"{passage} 4．（4 分）该公司在中国建零部件生产厂，主要目的是（ ） "
        "A．避免自然灾害 B．降低整车生产成本 "
        "C．利用廉价劳动力 D．建立零部件基地 5．（4 分）中国整车生产厂被迫减产是由于该公司在灾区有（ ） "
        "A．研发中心 B．一般零部件厂 C．核心零部件厂 D．整车厂\n"
    )
    data = {
        "keywords": "Geography_MCQs",
        "example": [
            {"year": "2011", "question": group, "answer": ["B", "C"], "analysis": "故选：B．故选：C．"},
            {
                "year": "2012",
                "question": "下列城市中纬度最高的是（ ） A．北京 B．哈尔滨 C．上海 D．广州",
                "answer": ["B"],
                "analysis": "",
            },
        ],
    }
    questions = parse_document("mcqs.json", json.dumps(data, ensure_ascii=False).encode()).questions
    assert [(q.number, q.stem, q.answer, q.material) for q in questions[:2]] == [
        ("4", "该公司在中国建零部件生产厂,主要目的是( )", "B", passage),
        ("5", "中国整车生产厂被迫减产是由于该公司在灾区有( )", "C", passage),
    ]
    assert questions[0].options[1] == "降低整车生产成本"
    assert (len(questions), questions[2].answer) == (3, "B")


def test_an_exam_platforms_coded_fill_key() -> None:
    # "根#$$#茎%*%": the blanks' answers apart by "#$$#", the key closed by "%*%"; "SPF&@&防晒系数":
    # a blank's alternatives apart by "&@&" (stored as the bank stores alternatives, "SPF|防晒系数")
    records = [
        {"QuestionType": 3, "Question": "植物的营养器官有（）和（）", "StandardAnswer": "根#$$#茎%*%"},
        {"QuestionType": 3, "Question": "防晒霜上的（）指防晒系数", "StandardAnswer": "SPF&@&防晒系数"},
        {"QuestionType": 3, "Question": "月饼的保质期一般为（）天", "StandardAnswer": "30"},
    ]
    data = json.dumps({"data": records}, ensure_ascii=False)
    questions = parse_document("export.json", data.encode()).questions
    assert [q.answer for q in questions] == [["根", "茎"], ["SPF|防晒系数"], ["30"]]


def test_options_flagged_1_or_0_in_a_field_of_any_name() -> None:
    # a mini-program's items: "value" holds 1 for the right option and 0 for the rest; a question
    # flagging none has no key, and "checked" (the learner's pick) is never the key
    def item(name: str, value: str) -> dict[str, object]:
        return {"value": value, "name": name, "checked": False}

    records = [
        {"question": "蛇在哪种情况下射出毒液多？", "items": [item("攻击时", "1"), item("防御时", "0")]},
        {"question": "书法中的柳体指的谁？", "items": [item("柳宗元", "0"), item("柳公权", "1")]},
        {
            "question": "世界上最大的洋是？",
            "items": [item("大西洋", "0"), item("印度洋", "0"), item("太平洋", "1")],
        },
        {"question": "哪个不是乐器？", "items": [item("琵琶", "0"), item("二胡", "0")]},
    ]
    script = (
        "let questions = "
        + json.dumps(records, ensure_ascii=False, indent=4)
        + "\nmodule.exports = questions\n"
    )
    questions = parse_document("questions.js", script.encode()).questions
    assert [(q.options, q.answer) for q in questions] == [
        (["攻击时", "防御时"], "A"),
        (["柳宗元", "柳公权"], "B"),
        (["大西洋", "印度洋", "太平洋"], "C"),
        (["琵琶", "二胡"], None),
    ]


def test_option_ids_counting_from_0_are_no_flags() -> None:
    # "value" 0, 1, 2 …: each option's own id (never repeated), so the key names one by it
    records = [
        {
            "question": f"第{n}题选哪个？",
            "options": [{"value": "0", "label": "甲"}, {"value": "1", "label": "乙"}],
            "answer": "B",
        }
        for n in (1, 2, 3)
    ]
    questions = parse_document("quiz.json", json.dumps(records, ensure_ascii=False).encode()).questions
    assert [(q.options, q.answer) for q in questions] == [(["甲", "乙"], "B")] * 3


def test_a_field_named_as_the_stem_that_holds_lettered_options() -> None:
    # a driving-theory app: "question" holds the options keyed A–C, "questionStr" the numbered stem
    records = [
        {
            "question": {"A": " 2-3秒", "B": " 10-13秒", "C": " 5-10秒"},
            "name": "题库 6 Question 1",
            "questionStr": "1. 相隔多久你会观察往望后镜",
            "answer": "C",
        },
        {
            "question": {"A": " 将头转过去看", "B": " 将眼睛左右转动", "C": " 看左与看右"},
            "name": "题库 6 Question 2",
            "questionStr": "2. 怎样观察盲点？",
            "answer": "A",
        },
    ]
    script = "var data = " + json.dumps(records, ensure_ascii=False, indent=2) + ";\n"
    questions = parse_document("data.js", script.encode()).questions
    assert [(q.number, q.stem, q.options, q.answer) for q in questions] == [
        ("1", "相隔多久你会观察往望后镜", ["2-3秒", "10-13秒", "5-10秒"], "C"),
        ("2", "怎样观察盲点？", ["将头转过去看", "将眼睛左右转动", "看左与看右"], "A"),
    ]


def test_a_stem_kept_as_a_list_of_lines_stays_the_stem() -> None:
    # "question": ["line", "line"] with no other text field: a stem in parts, never its options
    records = [
        {"question": ["阅读下面的程序：", "x = 1"], "options": ["1", "2"], "answer": "A"},
        {"question": ["阅读下面的程序：", "x = 2"], "options": ["1", "2"], "answer": "B"},
    ]
    questions = parse_document("quiz.json", json.dumps(records, ensure_ascii=False).encode()).questions
    assert [(q.options, q.answer) for q in questions] == [(["1", "2"], "A"), (["1", "2"], "B")]
    assert all("阅读下面的程序" in q.stem for q in questions)


def test_option_fields_named_by_the_records_prefix_and_a_letter() -> None:
    # a training app's exam reply: "quA"…"quF" the options (empty ones unused), "quContent" the stem;
    # its judgements offer the bare letters "A" and "B" (对 and 错, A true)
    def record(content: str, a: str, b: str, c: str, key: str, kind: str) -> dict[str, str]:
        return {"id": "80420aa0", "quType": kind, "quContent": content, "quA": a, "quB": b, "quC": c,
                "quD": "", "quAnswer": key, "quAnalyze": ""}  # fmt: skip

    records = [
        record("对重大危险源现场事故应急救援处理预案由( )负责。", "市应急救援机构", "人大", "企业", "A", "0"),
        record("采煤工作面瓦斯管理的重点是( )瓦斯。", "回风隅角", "进风巷", "煤壁", "A", "0"),
        record("侥幸取胜心理是发生“三违”的心理因素之一。", "A", "B", "", "A", "2"),
        record("井下可以用灯泡取暖。", "A", "B", "", "B", "2"),
    ]
    body = json.dumps({"newList": records}, ensure_ascii=False)
    questions = parse_document("exam.json", body.encode()).questions
    assert [(q.type, q.options, q.answer) for q in questions] == [
        ("single", ["市应急救援机构", "人大", "企业"], "A"),
        ("single", ["回风隅角", "进风巷", "煤壁"], "A"),
        ("truefalse", [], True),
        ("truefalse", [], False),
    ]


def test_an_empty_answer_box_beside_the_key_under_another_name() -> None:
    # a drill page's bank: "answer" is the learner's box, "" in every record; "solution" the key.
    # An app with no fill type stores a blank's answer as its one option, keyed A (a multiple choice
    # whose options, all keyed, are as many as its blanks stays one).
    script = """var subject = [{
        "order": 1, "type": "single", "describe": "CPU 的中文名称是什么？", //题目描述
        "option": ["中央处理器", "内存"], "solution": "A", "explain": "常识。", "answer": "", "score": 1,
    },
    {"order": 1, "type": "single", "describe": "用有向图表示实体间联系的数据模型称为_____",
     "option": ["网状模型"], "solution": "A", "explain": "", "answer": "", "score": 1},
    {"order": 1, "type": "multiple", "describe": "数据库是有___的、可__的数据集合",
     "option": ["组织", "共享"], "solution": "AB", "explain": "", "answer": "", "score": 1},
    {"order": 1, "type": "multiple", "describe": "数据库的特点有（ ）",
     "option": ["共享", "冗余小"], "solution": "AB", "explain": "", "answer": "", "score": 1},
    ];"""
    questions = parse_document("title.js", script.encode()).questions
    assert [(q.type, q.options, q.answer, q.explanation) for q in questions] == [
        ("single", ["中央处理器", "内存"], "A", "常识。"),
        ("fill", [], ["网状模型"], ""),
        ("multiple", ["组织", "共享"], "AB", ""),
        ("multiple", ["共享", "冗余小"], "AB", ""),
    ]


def test_an_object_of_questions_keyed_by_an_options_words_with_a_trailing_comma() -> None:
    # a quiz helper's bank: each question with its options joined by "|", mapped to the right
    # option's own words (longer than a letter); edited by hand, a comma left after the last entry
    bank = (
        '{\n    "最早的地理学著作        记录了古代地理。|《山海经》|《水经注》": "《山海经》",\n'
        '    "东晋时期的炼丹家        所著的《抱朴子》是现存的主要道教典籍之一。|张陵|葛洪|陶弘景": "葛洪",\n'
        '    "扑救火灾最有利的阶段是        。|初起阶段|发展阶段|火灾猛烈燃烧阶段并蔓延到整栋建筑物之时": '
        '"火灾猛烈燃烧阶段并蔓延到整栋建筑物之时",\n}\n'
    )
    questions = parse_document("tiku.json", bank.encode()).questions
    assert [(q.type, len(q.options), q.answer) for q in questions] == [
        ("single", 2, "A"),
        ("single", 3, "B"),
        ("single", 3, "C"),
    ]
    with pytest.raises(PaperError):
        parse_document("broken.json", b'{"a": [1, 2,, 3]}')
