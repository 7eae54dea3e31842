"""Keys typed after an option's text, read only where the paper does so for several questions."""

from __future__ import annotations

from importers.pipeline import parse_document


def parse(text: str, name: str = "paper.txt") -> list[dict[str, object]]:
    paper = parse_document(name, text.encode())
    return [q.as_json(name, i) for i, q in enumerate(paper.questions, 1)]


def brief(q: dict[str, object]) -> tuple[object, ...]:
    return (q["type"], q["options"], q["answer"])


# Word's list lettering lost in a copy: bare lines under each stem, the key after the last one
UNLETTERED = (
    "关于投诉处理说法正确的是：\n先倾听客户诉求\n记录投诉内容\n与客户争辩对错      AB\n\n"
    "关于服务礼仪说法正确的是：\n微笑服务\n主动问候\n使用文明用语\n随意打断客户      ABC\n\n"
    "3.关于首问负责制说法正确的是：\n第一位接待者负责到底\n可以推给其他部门   A\n"
)


def test_unlettered_options_are_lettered_by_the_key_after_the_last_one() -> None:
    assert [brief(q) for q in parse(UNLETTERED)] == [
        ("multiple", ["先倾听客户诉求", "记录投诉内容", "与客户争辩对错"], "AB"),
        ("multiple", ["微笑服务", "主动问候", "使用文明用语", "随意打断客户"], "ABC"),
        ("single", ["第一位接待者负责到底", "可以推给其他部门"], "A"),
    ]


def test_the_key_may_be_spaced_and_a_stem_may_end_in_a_blank() -> None:
    paper = UNLETTERED.replace("      AB\n", "    A B\n").replace(
        "说法正确的是：\n微笑", "说法正确的是____\n微笑"
    )
    assert [q["answer"] for q in parse(paper)] == ["AB", "ABC", "A"]


# a trainee's copy: each chosen option marked with its own capital letter after its text
MARKED_COPY = (
    "1. How many columns does the grid have?\na. 9\nb. 12  B\nc. 6\n"
    "2. A mobile first approach is good.\na. True    A\nb. False\n"
    "3. Which two ways add the library?\na. Linking the CDN  A\nb. Copying by hand\n"
    "c. Installing it locally C\n"
    '4. What does this tag do?\n<meta name="viewport">\na. Sets the width  A\nb. Nothing\n'
)


def test_options_marked_with_their_own_letters_are_the_key() -> None:
    questions = parse(MARKED_COPY)
    assert [brief(q) for q in questions] == [
        ("single", ["9", "12", "6"], "B"),
        ("truefalse", [], True),
        ("multiple", ["Linking the CDN", "Copying by hand", "Installing it locally"], "AC"),
        ("single", ["Sets the width", "Nothing"], "A"),
    ]
    assert questions[3]["stem"] == 'What does this tag do?\n<meta name="viewport">'  # markup stays its stem


def test_one_option_ending_in_a_letter_is_its_text_not_a_key() -> None:
    paper = (
        "1.下列指令中不正确的是（  ）\nA. MOV @R1,A\nB. PUSH A\nC. MOVX A,@DPTR\nD. SWAP  A\n"
        "2.下列属于维生素的是（  ）\nA. 维生素 C\nB. 淀粉\n"
    )
    assert [q["answer"] for q in parse(paper)] == [None, None]
    assert parse(paper)[0]["options"] == ["MOV @R1,A", "PUSH A", "MOVX A,@DPTR", "SWAP  A"]


def test_bare_lines_under_a_stem_are_no_options_where_only_one_ends_in_a_letter() -> None:
    paper = "说出以下指令的作用：\nMOV A,R0\nSWAP  A\n\n简述中断的过程。\n"
    assert all(not q["options"] for q in parse(paper))
