"""CLASSIFY stage: a raw item → a typed ParsedQuestion (or None when it asks nothing).

Type rules (shared/gold/SCHEMA.md): options → single/multiple by the answer's letters;
a statement to judge → truefalse; a blank with no options → fill; anything open → short.
Every guess leaves a warning for the reviewer.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

import questiontypes
from questiontypes import words

from . import passages, rules
from .blocks import CHOICE_KINDS, Item, join
from .boundaries import program_line
from .inline_numbered_options import numbered_in_text
from .model import Answer, ParsedQuestion

TAG_KINDS = {
    "名词": "short",
    "计算": "short",
    "分析": "short",
    "案例": "case",
    "不定": "multiple",
    "单选": "single",
    "多选": "multiple",
    "判断": "truefalse",
    "填空": "fill",
    "简答": "short",
    "问答": "short",
    "论述": "short",
}
NO_ANSWER = "no answer found"
TYPE_GUESSED = "type guessed"
OPTIONS_NOT_PRINTED = "only the chosen option was printed"  # a reviewer adds the others
LONE_OPTION = "only one option was read"
NO_OPTIONS = "no options were printed, only the key"
UNPLACED_LINES = "lines under the options were kept in the explanation"

CHOICE_ANSWER = re.compile(r"\s*([A-H](?:[\s,，、和;；|/]*[A-H])*)(?![A-Za-z])")  # ("A;B;C": exports)
COMPACT_KEY = re.compile(r"\s*[A-H]{1,8}\s*")  # "C", "ABD" alone on a line
QUOTED_LETTERS = re.compile(r"""\s*\[\s*(['"])[A-H]\1(?:\s*,\s*(['"])[A-H]\2){0,7}\s*\]\s*""")
BRACKETED_KEY = re.compile(r"\s*[(（【\[]\s*([A-H](?:[\s,，、]*[A-H])*)\s*[)）】\]]\s*")
# "客户满意度:客户对…" (名词解释); not the colon of a time "12:00"
# ("JPQL（Java Persistence Query Language）：…": a term may carry its expansion in brackets)
TERM_DEFINITION = re.compile(
    r"^(?P<term>[^:：?？。,，]{1,24}?(?:[(（][^()（）:：]{1,60}[)）])?)(?<!\d)\s*[:：](?!\d)\s*(?P<definition>.{2,})$",
    re.S,
)
MATERIAL_LABEL = re.compile(r"^(?:案例背景|案例材料|案例|背景材料|材料|背景)\s*[:：]\s*")
# "…属于（ B ）。", "（ A, C ）"; not "R(ABC)" or "数据库（DB）" (a name, its letters unordered).
ANSWER_IN_BLANK = re.compile(
    # ("【A】", and "(**A**)" or "(`AD`)" in Markdown)
    r"(?<![A-Za-z0-9])(?:[(（【]\s*(?:\*\*|`)?([A-H](?:[\s,，、]*[A-H]){0,7})(?:\*\*|`)?\s*[)）】]"
    r"|_{2,}\s*([A-H](?:[\s,，、]*[A-H]){0,7})\s*_{2,}"  # "正确的是：__BCD__" (Word's filled blank)
    r"|【\s*\d{1,2}\s*】[ \t]*([A-H](?:[\s,，、]*[A-H]){0,7})(?![A-Za-z0-9]))"  # "…变量名有【1】B。"
)
ANSWER_NAMED_IN_BLANK = re.compile(r"[(（]\s*([A-H])\s*[.、．:：]?\s*([^()（）\s][^()（）]{0,60}?)\s*[)）]")
BOLD_KEY_IN_BLANK = re.compile(r"[(（]\s*\*\*([A-H]{1,8})\*\*\s*[)）]")
WORD = re.compile(r"\w")
# "包括：、和" or "可分为：和两种类型。": what follows the colon opens with a list's joint, so the
# blanks before it were lost in the scrape (underlines dropped): the stem goes on, no definition
# ("与一般行为不一致的数据" opens a definition: only "和" ending the list counts)
ERASED_BLANKS = re.compile(
    r"\s*(?:[、，,]|和(?:[、，,]|\s*$|(?:两|兩|二|三|四|几|幾)(?:种|種|个|個|类|類|方面)))"
)
# "…，说明(1)式的含义", "，求…", "。试推导…": the text after a colon sets a task, no definition
TASK_AFTER = re.compile(r"[，,。；;]\s*(?:说明|說明|求|试|試|计算|計算|推导|推導|画出|畫出|绘出|繪出)")
ANNOUNCES = re.compile(r"如下|以下|下列|下面")
# "关于…说法正确的是：   BCD": the key typed after the stem's colon or question mark, a gap between.
KEY_AFTER_STEM = re.compile(r"[:：?？][ \t\u3000]{1,}([A-H](?:[ \t,，、]*[A-H]){0,7})[ \t\u3000]*$")
# "…的目的在于（   ）。B", "…根据____来管理。B", "SJF属于公平调度算法。D": the key typed straight
# after a stem's blank or its full stop ("…简称DB" ends in letters that are no key).
KEY_AFTER_SENTENCE = re.compile(r"[。.?？)）][ \t\u3000]*([A-H](?:[ \t,，、]*[A-H]){0,7})[ \t\u3000]*$")
# "**(____) 是…***```坚持党的全面领导```*": a fill's key in italic code after its bold stem.
CODE_KEY_AFTER_BOLD = re.compile(r"^\*\*(.+?)\*\*\*(`+)([^`]+)\2\*$", re.S)
# "**上层建筑是指()***D*": the key set in italics straight after the stem (an export's Markdown).
EMPHASIZED_KEY = re.compile(r"(?<=[)）?？:：。.\s*])\*([A-H](?:\s*[,，、]?\s*[A-H]){0,7})\*\s*$")
CHOSEN_IN_BLANK = re.compile(r"[(（]\s*([A-H](?:[\s,，、]*[A-H])*)\s*[.、．:：]\s*[^()（）]{1,80}?[)）]")
ANSWERS_AFTER_STATEMENT = re.compile(r"[。.!！]\s*[(（]\s*(?!填|选填|注)([^()（）]{1,60}?)\s*[)）]\s*$")
# "（27.675）10=（   ）2": a number in its base (the subscript flattened), not a filled blank
BASE_SUBSCRIPT = re.compile(r"\s*(?:2|8|10|16|反|补|補|原|BCD|8421)(?![\d.])")
# ("(填大或小)" instructs; "printf(…)", "f(x)": a call's brackets, in a program or a formula)
FILL_IN_BRACKETS = re.compile(r"(?:(?<![A-Za-z0-9_])\(|（)\s*(?!填|选填|注)([^()（）]{1,30}?)\s*[)）]")
# "____客户____": the answer written on the blank's line; text holding a clause's punctuation
# between two blanks ("测量____阻抗，而短路实验测量____") is the stem between two empty blanks.
FILL_IN_UNDERSCORES = re.compile(
    # (one side may be a single "_": "和 _10001H__", typed in a hurry; not "my_var__", nor
    # Markdown's "_强调_")
    # (nor across lines: "1. ____" over "2. ____" are two slots)
    # (an English name runs longer: "__IEEE Transactions on Automatic Control__")
    r"(?:_{2,}|(?<![A-Za-z0-9_])_(?=[^_]*_{2,}))[ \t\u3000]*"
    r"([^_\s，,。；;？?！!(（](?:[^_，,。；;？?！!\n]{0,30}?|[A-Za-z0-9 ()'’.&/-]{31,70}?))[ \t\u3000]*"
    r"(?:_{2,}|_(?![A-Za-z0-9_]))"
)
NUMBERED_BLANK = re.compile(r"【\s*\d{1,2}\s*】")
WHOLE_BRACKETED = re.compile(r"[(（]([^()（）\n]{1,40})[)）]")
# "故选C", "显然选择 C，因为…", "所以答案为 B": an explanation that names the letter it chose
# A letter (or letters) alone in a blank the copy left as spaces: "…的   C      始终相切", "力是  d    。"
# (or in brackets padded alike, "DBS(   A       )", "哪种PDU(  D  )?", brackets and all)
LETTERS_IN_BLANK = re.compile(
    r"[(（][ \u3000]{2,}(?P<boxed>[A-Ha-h]{1,4})[ \u3000]{2,}[)）]"
    r"|(?<=[^\s(（])[ \u3000]{2,}(?P<bare>[A-Ha-h]{1,4})[ \u3000]{2,}(?=[^\s)）])"
)
CHOSEN_IN_EXPLANATION = re.compile(
    r"(?:^|[，,。；;\s]|故|所以|因此|显然|顯然|应|應)(?:选择|選擇|选|選|答案(?:是|为|為|应为|應為))\s*[:：]?\s*([A-H]{1,8})(?![A-Za-z])"
)
# "…说法错误的是(**1961年获得经济学博士**)。": the key set in bold inside the blank's brackets
# (not "(**C**)": a choice's key, its options below)
FILL_IN_BOLD_BRACKETS = re.compile(r"[(（]\s*\*\*(?![A-H]{1,8}\*\*)([^*()（）]{1,60}?)\*\*\s*[)）]")
FILL_IN_BOLD = re.compile(r"\*\*([^*]{1,100}?)\*\*")  # "按**工程化**的原则": the key, bold or coloured
# "客户是【上帝】" (fill parts only; "【综合】迷宫问题…" opening the stem is its topic)
FILL_IN_LENTICULAR = re.compile(r"(?<=[\s\S])【\s*([^【】\d][^【】]{0,29}?)\s*】")
# "包括 细菌学     、 病毒学    和": the answers typed into blanks made of spaces (a word set off by
# spaces, two or more on one side; Chinese puts no spaces between words). Fill sections only.
_WORD = r"[^\s、，,。；;：:（）()_]{1,20}"
_GAP = r"[ \u3000]"
_JOINER = rf"(?:和|与|及|或|以及|到|至|或者){_GAP}"  # "病毒学     和 其它": the sentence's own word
FILL_IN_SPACES = re.compile(
    rf"{_GAP}*(?<={_GAP})(?!{_JOINER})(?=(?<={_GAP}{{2}}){_WORD}{_GAP}|{_WORD}{_GAP}{{2}})({_WORD}){_GAP}+"
)
# "B. 作为废液处理" as the whole answer of a question printed without options (a choice bank's
# answer list); not "A、B两类" (letters in a sentence).
ECHOED_KEY = re.compile(r"\s*([A-H])\s*[.．]\s*([^\n]{1,80})")
ECHO_KINDS = ("single", "multiple", "generic")
# "c", "a, d", and as English banks write a key by the option's label: "b)", "(b)", "b."
_LOWER_LABEL = r"[(（]?[a-h](?:[)）]|\.(?!\w))?"
LOWER_LETTERS = re.compile(rf"\s*{_LOWER_LABEL}(?:[\s,，、]*{_LOWER_LABEL})*\s*")
WORDED_CHOICE = re.compile(r"\s*(?:答案)?\s*(?:应?选择?|选|为|是)\s*[:：]?\s*([A-H]{1,8})(?![A-Za-z])")
ECHOED_LABEL = re.compile(r"(?:^|┋)\s*([A-H])\s*[.、．:]")
BOLD = rules.BOLD
# (or one star: "C.会议 ★", never a rating's "★★★")
# (or "(o)", Taiwan's mark of the right one: "…的國安問題(o)")
OPTION_TICK = re.compile(rf"\s*[(（]?\s*(?:{rules.TICK}|(?<!★)★)\s*[)）]?\s*$|\s*[(（]\s*[oO○]\s*[)）]\s*$")
OPTION_STAR = rules.STARRED_OPTION  # (options printed without labels: "*脱贫攻坚")
# each option judged after an arrow: "油墨   -->yes", "纸张 → 错"
VERDICT_AFTER = re.compile(r"\s*(?:-+>|→|=+>)\s*(yes|no|true|false|[对错√×]|正确|错误)\s*$", re.IGNORECASE)
# "1. (3) 下列属于…①…④", "64. (134)下列哪些…": the key before the stem, by the options' places
ANSWER_BEFORE_STEM = re.compile(r"^[(（]\s*([1-8]{1,8}|[A-H])\s*[)）]\s*")  # (letters: answer_in_blank)
# Several blanks' answers on one line: "客户;服务" or "客户、服务"; one blank's alternatives:
# "客户/顾客" (or "客户;顾客", a semicolon having nothing else to separate), stored joined by "|".
BLANK_ANSWERS = re.compile(rf"\s*[{words.BLANK_SEPARATORS}{words.LIST_SEPARATORS}\s]\s*")
# An answer of sentences: a full stop with more after it (a blank's answer is a phrase)
SENTENCE_INSIDE = re.compile(r"[。；;！!？?]\s*\S")
OPEN_ANSWER_MIN = 40
ALTERNATIVES_OR_BARS = re.compile(rf"\s*[{words.ALTERNATIVE_SEPARATORS}{words.BLANK_SEPARATORS}|]\s*")
ALTERNATIVES = re.compile(rf"\s*[{words.ALTERNATIVE_SEPARATORS}{words.BLANK_SEPARATORS}]\s*")


# An answer sheet's slot: blanks, their numbers "【2】" and points "（2分）", nothing else
SLOT_PARTS = re.compile(r"_{2,}|＿+|【\d{1,3}】|[(（]\s*\d{1,3}(?:\.\d)?\s*分?\s*[)）]|\s+")


def answer_slot(item: Item) -> bool:
    """A numbered place on an answer sheet to write a question's answer, no question itself."""
    if item.options or item.answer is not None or "___" not in item.stem:
        return False  # (the hot path: every item is asked)
    return not SLOT_PARTS.sub("", clean_stem(item.stem))


def classify(item: Item) -> ParsedQuestion | None:
    if answer_slot(item):
        return None  # "【1】______（2分）" on an answer sheet (答题纸): a place to write, asking nothing
    kind = item.section.kind
    stem = clean_stem(item.stem)
    if POINTS_ONLY.fullmatch(stem) and not (item.options or item.extra) and item.answer is None:
        return None  # "1. 10分" over its parts "（1）…" "（2）…": a problem's number and points
    tag = (
        rules.TYPE_TAG.match(stem)
        or rules.TYPE_LABEL.match(stem)
        or rules.TYPE_TAG_AFTER.search(stem)
        or rules.TYPE_GLUED.match(stem)
        or rules.TYPE_POINTS.match(stem)
    )
    if tag:  # "[多选题]" on the question outranks the section it sits in
        kind = TAG_KINDS.get(tag.group(1)[:2], "short")
        kind = questiontypes.CASE_TYPE if kind == questiontypes.CASE else kind
        stem = stem[tag.end() :] if tag.start() == 0 else stem[: tag.start()]
    elif item.tag:
        kind = TAG_KINDS.get(item.tag[:2], "short")
    options = [clean_option(o) for o in item.options]
    options = without_repeated_labels([o for o in options if o])
    bold = [i for i, o in enumerate(options) if BOLD.fullmatch(o)]
    options = [BOLD.sub(r"\1", o) if "**" in o else o for o in options]  # (a sub's template costs)
    every_ticked = kind == "multiple" and len(options) >= 2 and all(OPTION_TICK.search(o) for o in options)
    options, bold = untick(options, bold, multiple=kind == "multiple")
    answer_text = strip_page_refs(item.answer).strip() if item.answer is not None else None
    numbered_key = rules.OPTION_NUMBERS_AFTER.search(stem) if item.option_family == "nested" else None
    if numbered_key and answer_text is None and _fits_numbers(numbered_key.group(1), len(options)):
        answer_text = "".join("ABCDEFGH"[int(d) - 1] for d in numbered_key.group(1))
        stem = stem[: numbered_key.start()].rstrip()  # "…because    3": the third nested option
    if answer_text and "**" in answer_text:
        answer_text = answer_text.replace("**", "").strip()  # "**答案：对**": Markdown emphasis
    if answer_text and stem.endswith(("(", "（")) and answer_text.endswith((")", "）")):
        stem, answer_text = stem[:-1].rstrip(), answer_text[:-1].strip()  # "…____。（答案：满意）"
    explanation = (item.explanation or "").strip()
    if answer_text and (whole := WHOLE_BRACKETED.fullmatch(answer_text)):
        answer_text = whole.group(1).strip()  # "答案(9)": the answer set in brackets
    statement = untagged_statement(stem) if not options else None
    if statement is not None:
        stem, kind = statement, "truefalse"
    # (a line drawn to fill asks for its words: "服从____分布" over "N(1, 18/n)" is no "N" and why)
    judged = not (item.options or rules.BLANK_RUN.search(stem))
    reasoned = VERDICT_WITH_REASON.fullmatch(answer_text or "") if judged else None
    if not (reasoned or not judged or kind in ("short", "case")):  # (辨析: the reason is the answer)
        reasoned = VERDICT_THEN_REASON.fullmatch(answer_text or "")
    if not (reasoned or item.options) and kind == "truefalse":  # "False. If you would like…"
        reasoned = VERDICT_WORD_THEN_REASON.fullmatch(answer_text or "")
    # "F (交流电路中，…)", "T。必然…": the verdict, then why
    if reasoned and truth(reasoned.group(1)) is not None:
        answer_text, explanation = reasoned.group(1), join(reasoned.group(2).strip(), explanation, "\n")
    mark = item.mark
    if not options and mark is None and len(item.verdicts) >= 2:
        kind = "truefalse"  # "T" "F" (or 对 错) printed under it as its choices, none marked: no key
    tail = rules.JUDGEMENT_TAIL.search(stem)
    if (
        tail
        and tail.group(1) in ("X", "x")
        and kind != "truefalse"
        and (options or not rules.STATEMENT_END.search(stem, 0, tail.start()))
    ):
        tail = None  # "（X）" outside a judgement part: a letter, maybe a blank's answer ("X轴"),
        # unless it closes a finished statement with no options ("…桂林山水。（Ⅹ）": a cross typed so)
    if not tail and not options:
        tail = rules.JUDGEMENT_TAIL_LETTER.search(stem)
    if not tail and not options and kind == "truefalse" and answer_text is None:
        tail = rules.JUDGEMENT_TAIL_WORD.search(stem)
    corrected = rules.JUDGEMENT_CORRECTED.search(stem) if not tail and not options else None
    if not (tail or corrected or options) and kind == "truefalse" and answer_text is None:
        corrected = rules.JUDGEMENT_MARK_THEN_REASON.search(stem)
        corrected = corrected or rules.JUDGEMENT_BOX_THEN_CORRECTION.search(stem)
    if tail:
        mark, stem = next(g for g in tail.groups() if g), stem[: tail.start()].rstrip()
        mark = "×" if mark in ("X", "x") else mark  # ("(**x**)": a cross typed as a letter)
    elif corrected:
        mark, stem = corrected.group(1), stem[: corrected.start()].rstrip()
        explanation = explanation or (corrected.group(2) or corrected.group(3)).strip()
    box = rules.JUDGEMENT_HEAD.match(stem) if not options else None
    if box:  # "1.（ √ ）采取…": the judgement written in the box before the statement
        mark = mark or box.group(1) or box.group(2)
        # ("【对】 各单位要…": an exam system's key tag, no box of the statement's)
        stem = ("( )" if box.group(1) else "") + stem[box.end() :]

    # numbered prose under a heading that asks nothing
    if kind == "prose" and answer_text is None and not _asks_in_prose(stem, options):
        return None
    if kind == "case" and not item.number and not _ends_asking(stem):
        return None  # a case study's story that asked nothing (one that ends asking is a question)
    unread = [line for line in item.extra if WORD.search(line)]  # lines no field took
    # "A：正确" "B：错误" then "A" alone under them: the key
    keyless = len(options) >= 2 and bool(item.extra) and not answer_text
    lone_key = rules.KEY_LETTERS.match(item.extra[-1]) if keyless else None
    letters = re.sub(r"[^A-H]", "", item.extra[-1]) if lone_key else ""
    if lone_key and all(ord(letter) - ord("A") < len(options) for letter in letters):
        answer_text, unread = letters, unread[:-1]  # (or "A B C", "A,D": a crawler's multiple choice)
    # ("A B" over "CD": a figure's corners, not a key spaced out)
    key_first = COMPACT_KEY.fullmatch(item.extra[0]) if keyless and not lone_key else None
    letters = re.sub(r"[^A-H]", "", item.extra[0]) if key_first else ""
    if key_first and unread and all(ord(letter) - ord("A") < len(options) for letter in letters):
        # "C" under the options, then why: the key, then its explanation
        answer_text, explanation = letters, join("\n".join(unread[1:]), explanation, "\n")
        unread = []
    if (
        len(options) >= 2
        and answer_text
        and unread == item.extra
        and _labels_lost(options, unread, answer_text)
    ):
        options = [*options, *(_without_own_label(line) for line in unread)]
        unread = []  # "A 尊重…" "B 友好沟通" "保持…" "未经允许…" keyed D: the labels C and D lost
    named = _options_named_by_answer(item.extra, answer_text) if len(options) < 2 else None
    if named:  # "…做什么？" "○ 倾听" "○ 争辩" then "Correct answer: 倾听": options without letters
        options, answer_text = [clean_option(line) for line in item.extra], named
        unread = []
    numbered = _numbered_options(stem, item.extra, answer_text) if len(options) < 2 else None
    if numbered:  # "…哪些？" "1. 微笑" "2. 倾听" then "答案：1、2": options numbered, keyed by number
        options, answer_text = numbered
        unread = []
    choices = kind in CHOICE_KINDS or _ticked_choices(stem, item.extra)
    if len(options) < 2 and item.extra and choices and 2 <= len(item.extra) <= 8:
        lines = _ocr_b(item.extra)
        options, bold = untick([clean_option(o) for o in lines], bold, starred=True)  # unlabelled lines
        unread = []
    if not stem and not options and item.extra and item.extra[0].strip():
        # the heading line held only the number and its tag ("第2题(判断)："): the question is
        # the line under it, never dropped
        tag_name = tag.group(1) if tag else item.tag
        return classify(replace(item, stem=item.extra[0], extra=item.extra[1:], tag=tag_name))
    if not stem and not options:
        return None
    if (
        not stem
        and item.number.isdecimal()
        and item.material
        and passages.blank_numbers(item.material) & {int(item.number)}
    ):
        stem = f"({item.number})"  # a cloze's blank: which one of its passage the options fill

    q = ParsedQuestion(
        type="short",
        stem=stem,
        section=item.section.heading,
        chapter=item.section.chapter,
        number=item.number,
        lineno=item.lineno,
        images=list(item.images),
        explanation=explanation,
        material=_told(item.material),
        difficulty=item.difficulty,
    )
    chosen = CHOSEN_IN_BLANK.search(stem) if len(options) < 2 and kind in CHOICE_KINDS else None
    if chosen and not answer_text:  # "…的设备是（C. 分液罐）": the key and its text in the blank
        letters = re.sub(r"[^A-H]", "", chosen.group(1))
        q.type, q.answer = ("multiple" if len(letters) > 1 else "single"), letters
        q.stem = stem[: chosen.start()] + "( )" + stem[chosen.end() :]
        q.warnings.append(OPTIONS_NOT_PRINTED)
        return q
    emphasized_only = BOLD_KEY_IN_BLANK.search(stem) if not (options or item.extra or answer_text) else None
    if emphasized_only:  # "…belonging to (**C**)": a key in bold, its options never printed
        q.stem = stem[: emphasized_only.start()] + "( )" + stem[emphasized_only.end() :]
        as_key_without_options(q, emphasized_only.group(1))
        return q
    bare_key = kind in CHOICE_KINDS and not (options or item.extra or answer_text)
    keyed_only = answer_in_blank(stem, 8) if bare_key else None
    if keyed_only:  # "…全党的核心地位（A）。" in a choice part: the key in its blank, no options printed
        letters = re.sub(r"[^A-H]", "", _blank_letters(keyed_only))
        q.stem, q.answer = clean_stem(_emptied(stem, keyed_only)), letters
        q.type = "multiple" if len(letters) > 1 else "single"
        q.warnings.append(NO_OPTIONS)
        return q
    echoed = ECHOED_KEY.fullmatch(answer_text or "") if len(options) < 2 and kind in ECHO_KINDS else None
    if echoed:  # "答案：B. 作为废液处理": a bank that printed only the chosen option; its text is
        q.type, q.answer = "single", echoed.group(1)  # kept for the reviewer who adds the options
        q.explanation = join(answer_text or "", explanation, "\n")
        q.warnings.append(OPTIONS_NOT_PRINTED)
        return q
    letters_only = CHOICE_ANSWER.fullmatch(answer_text or "") if not options and kind in ECHO_KINDS else None
    if letters_only and 2 <= len(item.extra) <= 8:  # keyed by letters: the lines under it are its
        options = [UNREAD_LABEL.sub("", clean_option(o)) for o in item.extra]  # options ("A要情…")
        unread = []
    elif letters_only and not item.extra:  # "题目：…（）。" / "答案：A,B": a bank printing only keys
        as_key_without_options(q, re.sub(r"[^A-H]", "", letters_only.group(1)))
        return q
    if len(options) >= 2 and not answer_text and (0 < len(bold) < len(options) or every_ticked):
        answer_text = "".join("ABCDEFGH"[i] for i in bold if i < 8)  # the key shown in bold (Markdown)
    chosen = CHOSEN_IN_EXPLANATION.search(explanation) if len(options) >= 2 and not answer_text else None
    if chosen and all(ord(letter) - ord("A") < len(options) for letter in chosen.group(1)):
        answer_text = chosen.group(1)  # "显然选择 C，因为…", "故选B": the worked answer names the key
    filled = list(LETTERS_IN_BLANK.finditer(stem)) if len(options) >= 2 and not answer_text else []
    letters_in_blank = (filled[0]["boxed"] or filled[0]["bare"]).upper() if len(filled) == 1 else ""
    if letters_in_blank and all(ord(letter) - ord("A") < len(options) for letter in letters_in_blank):
        answer_text = letters_in_blank  # "两齿轮的   C      始终相切": a teacher's copy, the key in the blank
        stem = q.stem = LETTERS_IN_BLANK.sub("( )", stem)
    if len(options) >= 2 and not answer_text and item.checked:
        answer_text = "".join("ABCDEFGH"[i] for i in item.checked if i < 8)  # "- [x] 客户" ticked
    choice_kind = kind in ("generic", *CHOICE_KINDS)
    in_text = numbered_in_text(q.stem, answer_text or "") if not options and choice_kind else None
    if in_text:  # "…應為？ (1)停役 (2)禁役" keyed "1": options numbered in the question's text
        stem, options, answer_text = in_text
        q.stem = stem
    if len(options) == 1:  # the other labels went unread: its text stays, for the reviewer
        stem = q.stem = f"{q.stem}\n{options[0]}"
        q.warnings.append(LONE_OPTION)
    if len(options) >= 2:
        _as_choice(q, options, answer_text, kind)
        if unread:  # lines under the options that no field took (a note, a garbled label): kept
            q.explanation = join(q.explanation, "\n".join(unread), "\n")
            q.warnings.append(UNPLACED_LINES)
    elif mark is not None or kind == "truefalse" or _is_judgement(answer_text) or _box_after(stem, kind):
        q.type = "truefalse"
        q.answer = truth(mark if mark is not None else answer_text)
        if q.answer is None and mark is None:
            _verdict_then_why(q, answer_text or "")
    elif not options and CIRCLED_BLANK.search(stem):
        q.stem = CIRCLED_BLANK.sub("____", stem)  # "组成：__①__、__②__": numbered blanks
        _as_fill(q, answer_text)
        parts = CIRCLED_ANSWER.split(answer_text or "")
        if len(parts) > 2 and not parts[0].strip():  # "①PCB、②程序部分": each blank's by its number
            q.answer = [part.strip(" ,，、;；\n") for part in parts[1:]]
    elif (lost := LOST_BLANK.search(stem)) and not rules.BLANK.search(stem):
        q.stem = stem[: lost.start(1)] + "____" + stem[lost.start(1) :]
        _as_fill(q, answer_text)
    elif (
        rules.BLANK.search(stem)
        or item.blank_line
        or (kind == "fill" and not _open_despite_fill_tag(item, stem, answer_text))
        or _blanks_below(item, answer_text)
        or _filled_in(stem, kind, answer_text)
    ):
        extra = item.extra
        fields = blank_fields(extra) if answer_text is None and extra else None
        if fields:
            extra, answer_text = fields  # "第1空" "n^2" under it: the blanks' answer fields
        if extra and (answer_text or not item.blank_line and any(map(_filled_in_line, extra))):
            # "以下代码的输出是：" and the code under it; "…有哪些？" over "__抗体__、__溶菌酶__。"
            q.stem, extra = "\n".join([stem, *extra]), []
        _as_fill(q, answer_text)
        if extra and not answer_text and not item.blank_line:
            # unanswered, it goes on below: "…复杂度是____。" and the code, "有AVL树如下。" and
            # "结点20的左孩子为____" (read after the answers: brackets in code hold none)
            q.stem = "\n".join([q.stem, *extra])
    elif kind == "generic" and answer_text is None and not options and _typed_into_spaces(stem):
        _as_fill(q, None, spaced=True)
    else:
        _as_short(q, item, answer_text, kind)
    if q.answer is None:
        q.warnings.append(NO_ANSWER)
    return q


# "投诉要记录。（ ）": an empty box after the finished statement is for its √ or ×, not a blank.
BOX_AFTER_STATEMENT = re.compile(r"[。.!！]\s*[(（]\s*[)）]\s*$")


# A line under the options that could be one: short, and no label but its own place's.
OWN_LABEL = re.compile(r"^[(（]?[A-Ha-h][)）]?\s*[.、．:：]?\s*(?=[^\sa-z])")
LOST_LABEL_OPTION_MAX = 60


def _labels_lost(options: list[str], lines: list[str], answer_text: str) -> bool:
    """OCR of phone screenshots and copied pages lose some options' labels (icons): the lines under
    the labelled options are the rest of them when the key names a letter only they can give."""
    letters, _ = parse_choice(answer_text)
    count = len(options) + len(lines)
    if not letters or count > 8 or ord(max(letters)) - ord("A") < len(options):
        return False
    if ord(max(letters)) - ord("A") >= count:
        return False
    return all(
        len(line) <= LOST_LABEL_OPTION_MAX
        and (not OWN_LABEL.match(line) or line.lstrip("(（")[:1].upper() == "ABCDEFGH"[len(options) + i])
        for i, line in enumerate(lines)
    )


def _without_own_label(line: str) -> str:
    """ "D 学校领导", "CDNA的化学组成" lose their label; "Computer…" is a word, not "C"."""
    labelled = OWN_LABEL.match(line)
    return clean_option(line[labelled.end() :] if labelled else line)


def _fits_numbers(digits: str, option_count: int) -> bool:
    return len(set(digits)) == len(digits) and all(1 <= int(d) <= option_count for d in digits)


def _box_after(stem: str, kind: str) -> bool:
    return kind in ("generic", "truefalse") and BOX_AFTER_STATEMENT.search(stem) is not None


def _asks_in_prose(stem: str, options: list[str]) -> bool:
    """A numbered line under a heading with no type that asks after all: its first line asks
    ("（1）…的意义是什么？"), it sets a task, opening with it ("（1）求码长 n 和 m…", "（4）证明：…") or
    after its givens ("设…，求…"), it has options, or options alone (a cloze's blank: "16. (A) as
    (B) for")."""
    cloze = not stem and len(options) >= 2
    first = LEADING_SCORE.sub("", stem.split("\n", 1)[0])  # ("（20分）令…，证明…": a part's points)
    return (
        cloze
        or ASKED_LINE.search(first) is not None
        or TASK_OPENING.match(first) is not None
        or GIVENS_THEN_TASK.search(first) is not None
        or _asks_with_options(stem, options)
    )


# "设…，求…", "令…为一维布朗运动. 证明…": a problem's givens, then what to find or prove (not a
# note to candidates: "请…" is left to the opening)
GIVENS_THEN_TASK = re.compile(r"(?:[，,。；;]|(?<![.．])\.)\s*(?:求(?!助)|证明(?!了)|證明(?!了))")
LEADING_SCORE = re.compile(r"^\s*[(（]\s*\d{1,3}\s*分\s*[)）]")
# An exam task's verb opening the line: a problem's part, never a syllabus's "掌握…" "了解…"
TASK_OPENING = re.compile(
    r"\s*(?:请|請|试|試)?\s*(?:求|计算|計算|证明|證明|写出|寫出|指出|判断|判斷|解释|解釋|说明|說明|画出|畫出|列出"
    # (not a note to the candidate, "计算和证明过程需…", nor a verb alone)
    r"|推导|推導|简述|簡述|叙述|敘述|讨论|討論|比较|比較)(?![和与與及、]|过程|過程)(?=.{2})"
)


def _asks_with_options(stem: str, options: list[str]) -> bool:
    asks = rules.QUESTION_WORDS.search(stem) or rules.BLANK.search(stem) or stem.endswith(("是", "为", "為"))
    return len(options) >= 2 and bool(asks) and all(len(o) <= 60 for o in options)


def _ocr_b(lines: list[str]) -> list[str]:
    """OCR reads B as 8: "A耐心倾听" "8推诿责任" "C争辩", the 8 in B's place glued to its text is B."""
    if len(lines) >= 2 and STRAY_LETTER.match(lines[0].strip()) and OCR_B.match(lines[1].strip()):
        return [lines[0], "B" + lines[1].strip()[1:], *lines[2:]]
    return lines


OCR_B = re.compile(rf"^8(?=[{rules.CJK}])")


def _ticked_choices(stem: str, lines: list[str]) -> bool:
    """Short lines under a stem that asks, some ticked after their text ("和平与发展√"): its
    options, in a part of any type (lines judged "√"/"×" are statements, not options)."""
    if not (rules.BLANK.search(stem) or rules.ASKS_STRONGLY.search(stem) or ASKS_BY_ITS_END.search(stem)):
        return False  # (or "…的基本原则不包括": its end asks)
    if any(len(line) > MAX_TICKED_OPTION or JUDGED.search(line) for line in lines):
        return False
    return any(_ticked(line, starred=True) for line in lines)


def _ticked(option: str, starred: bool = False) -> bool:
    """Ticked after its text; or, among options printed without labels (`starred`), starred
    before it (a labelled option's "*p++" is C's pointer)."""
    ticked = OPTION_TICK.search(option) and OPTION_TICK.sub("", option).strip()
    return bool(ticked) or (starred and OPTION_STAR.match(option) is not None)


def _unticked(option: str, starred: bool = False) -> str:
    option = OPTION_TICK.sub("", option)
    return OPTION_STAR.sub("", option) if starred else option


MAX_TICKED_OPTION = 80
ASKS_BY_ITS_END = re.compile(rules.OPEN_END)


def _options_named_by_answer(lines: list[str], answer: str | None) -> str | None:
    """Lines under a stem (two to eight, short, none asking) among which are all the texts its
    answer names: its options printed without letters (a quiz tool's radio buttons); the answer
    is the letters of the ones named ("微笑, 倾听" → "AB")."""
    options = [clean_option(line) for line in lines]
    if not 2 <= len(options) <= 8 or any(
        len(o) > MAX_TICKED_OPTION or rules.ASKED_END.search(o) for o in options
    ):
        return None
    names = [name.strip() for name in NAMES_SEPARATOR.split(answer or "") if name.strip()]
    if not names or not all(name in options for name in names):
        return None
    return "".join(sorted({"ABCDEFGH"[options.index(name)] for name in names}))


NAMES_SEPARATOR = re.compile(r"[,，、;；]")


def _numbered_options(stem: str, lines: list[str], answer: str | None) -> tuple[list[str], str] | None:
    """A stem that asks, then lines numbered 1, 2, 3… under it (an ordered list under a question),
    keyed by their numbers only ("1、2"): the lines are its options, the key their letters ("AB")."""
    digits = re.sub(r"[\s,，、;；]", "", answer or "")
    listed = [NUMBERED_LINE.match(line) for line in lines]
    if not digits.isdecimal() or not 2 <= len(lines) <= 8 or not ASKS_BEFORE_LIST.search(stem):
        return None
    numbers = [int(m.group(1)) for m in listed if m]
    if numbers != list(range(1, len(lines) + 1)) or not _fits_numbers(digits, len(lines)):
        return None
    return [m.group(2) for m in listed if m], "".join(sorted("ABCDEFGH"[int(d) - 1] for d in digits))


NUMBERED_LINE = re.compile(r"^\s*([1-8])\s*[.、．)）]\s*(\S.*)$")
ASKS_BEFORE_LIST = re.compile(r"[?？:：]\s*$|[(（]\s*[)）]")
JUDGED = re.compile(r"[×✗✘]\s*[)）]?\s*$")


def untick(
    options: list[str], bold: list[int], multiple: bool = False, starred: bool = False
) -> tuple[list[str], list[int]]:
    """ "B. 及时 ✅", "和平与发展√": the key ticked after its option, read as a bold one is (the
    ticks taken off; not "√" alone, an option of its own). Every option ticked is a key only where
    the question is a multiple choice; elsewhere the ticks are the options' own text. Options
    printed without labels may be `starred` before their text instead ("*脱贫攻坚")."""
    verdicts = [VERDICT_AFTER.search(o) for o in options]
    if len(options) >= 2 and all(verdicts):  # "A： 油墨   -->yes" "B： 纸张   -->no": a crawler's marks
        ticked = [i for i, v in enumerate(verdicts) if v and v.group(1).lower() in words.TRUE_WORDS]
        return [o[: v.start()] for o, v in zip(options, verdicts, strict=True) if v], ticked
    ticked = [i for i, o in enumerate(options) if _ticked(o, starred)]
    if not ticked or (len(ticked) == len(options) and not multiple):
        return options, bold
    return [_unticked(o, starred) for o in options], ticked


def _key_before_stem(stem: str, count: int) -> tuple[str, int] | None:
    """The key's letters in a box before the stem, and where the stem starts: places or letters
    each once, ascending, each an option's ("(2018)" is a year, "(31)" no key)."""
    m = ANSWER_BEFORE_STEM.match(stem)
    if m is None:
        return None
    token = m.group(1)
    letters = "".join("ABCDEFGH"[int(d) - 1] for d in token) if token.isdecimal() else token
    ascending = all(a < b for a, b in zip(letters, letters[1:], strict=False))
    return (letters, m.end()) if ascending and ord(letters[-1]) - ord("A") < count else None


def _as_choice(q: ParsedQuestion, options: list[str], answer_text: str | None, kind: str) -> None:
    q.options = options
    if words.is_judgement_pair(options):
        q.type, q.options = "truefalse", []
        said = answer_text is not None and (
            bool(parse_choice(answer_text)[0]) or truth(answer_text) is not None
        )
        inline = answer_in_blank(q.stem, len(options)) if not said else None
        ending = KEY_AFTER_STATEMENT.search(q.stem) if not (said or inline) else None
        if ending:  # "细胞是一切生命活动的基本单位。 A" over "A.是 B.否": the key after the statement
            answer_text, q.stem = ending.group(1), q.stem[: ending.start(1)].rstrip()
        if inline:  # "…可以再修改.(`A`)" over "A.正确 B.错误": the key in the statement's bracket
            if answer_text:  # ("解答：<a link>" under it: what it says explains the key)
                q.explanation = join(answer_text, q.explanation or "", "\n")
            answer_text, q.stem = _blank_letters(inline), clean_stem(_emptied(q.stem, inline))
        letters, _ = parse_choice(answer_text or "")
        named = letters_by_text(answer_text or "", options) if not letters else ""
        if len(named) == 1:  # "正确答案:【对】": the option's text
            answer_text, letters = options["AB".index(named)], ""
        chosen = truth(options["AB".index(letters)]) if letters in ("A", "B") else None
        # (the option says which is true: "A.× B.√" pages list 错 first)
        q.answer = (chosen if chosen is not None else letters == "A") if letters else truth(answer_text)
        return
    letters, rest = parse_choice(answer_text or "")
    if quoted := _options_quoted(answer_text or "", options):
        letters, rest = quoted, ""
    if not letters and answer_text:
        letters = letters_by_text(answer_text, options) or _worded_letters(answer_text, len(options))
        rest = "" if letters else rest
    leading = _key_before_stem(q.stem, len(options))
    if not letters and leading:
        letters, q.stem = leading[0], q.stem[leading[1] :].strip()
    emphasized = EMPHASIZED_KEY.search(q.stem) if "*" in q.stem else None
    if emphasized and _fits(emphasized.group(1), len(options)):
        letters = letters or re.sub(r"[^A-H]", "", emphasized.group(1))  # "__…()__*D*": a key in italics
        q.stem = clean_stem(q.stem[: emphasized.start()])
    if not letters:
        written = KEY_AFTER_STEM.search(q.stem)
        if not written:
            written = KEY_AFTER_SENTENCE.search(q.stem)
            if (
                written
                and "。" not in q.stem[written.start() : written.start(1)]
                and not rules.BLANK.search(q.stem)
            ):
                written = None
        if written and _fits(written.group(1), len(options)):
            letters = re.sub(r"[^A-H]", "", written.group(1))  # "…正确的是：   BCD": an answered paper
            q.stem = q.stem[: written.start(1)].rstrip()
    if not letters:
        inline = answer_in_blank(q.stem, len(options))
        if inline:
            letters = re.sub(r"[^A-H]", "", _blank_letters(inline))
            q.stem = _emptied(q.stem, inline)
        elif typed_in := _answer_named_in_blank(q.stem, options):
            letters = typed_in.group(1)
            q.stem = q.stem[: typed_in.start()] + "( )" + q.stem[typed_in.end() :]
    named_in_box = _options_named_in_box(q.stem, options)
    if named_in_box and letters in ("", named_in_box[1]):
        box, letters = named_in_box  # "…由阿里巴巴创立。（2003）": the key's option texts in the box
        q.stem = q.stem[: box.start()] + "( )" + q.stem[box.end() :]
    if letters:
        inline = answer_in_blank(q.stem, len(options))
        leading = _key_before_stem(q.stem, len(options))
        if leading and leading[0] == letters:
            q.stem = q.stem[leading[1] :].strip()  # the key printed twice: before the stem too
        elif inline and re.sub(r"[^A-H]", "", _blank_letters(inline)) == letters:
            q.stem = _emptied(q.stem, inline)  # and in its blank
        q.type = "multiple" if len(letters) > 1 else "single"
        q.answer = letters
        if rest and not q.explanation and not _echoes_option(rest, letters, options):
            q.explanation = rest
        return
    guessed_multiple = kind == "multiple" or bool(rules.CHOICE_HINT.search(q.stem)) or len(options) >= 5
    q.type = "multiple" if guessed_multiple else "single"
    q.warnings.append(TYPE_GUESSED)


def _options_quoted(answer: str, options: list[str]) -> str:
    """ "参考答案：A．实事求是" then "B．群众路线" a line each: a key quoting its right options with
    their labels (a MOOC's review page copied out); "" unless each line repeats its option."""
    if "\n" not in answer.strip():
        return ""  # (one line: a key's letters, never several options quoted)
    lines = [line.strip() for line in answer.splitlines() if line.strip()]
    quoted = [m for m in map(QUOTED_OPTION.match, lines) if m]
    letters = [m.group(1) for m in quoted]
    if len(letters) < 2 or len(letters) < len(lines) or letters != sorted(set(letters)):
        return ""
    for line, m in zip(lines, quoted, strict=True):
        place = ord(m.group(1)) - ord("A")
        if place >= len(options) or _text_key(line[m.end() :]) != _text_key(options[place]):
            return ""
    return "".join(letters)


# (its label as printed over the option: "B 兴国…", "D关于…" too, the text telling it apart)
QUOTED_OPTION = re.compile(r"([A-H])\s*[.、．:：]?\s*")


def _echoes_option(rest: str, letters: str, options: list[str]) -> bool:
    """ "Answer: B) 4", "*Answer: A*": what follows the key repeats its option's text (or is a
    stray emphasis mark), no explanation."""
    rest = rest.strip("*_ ").lstrip(".、．:：)）").strip()
    return not rest or (
        len(letters) == 1
        and ord(letters) - ord("A") < len(options)
        and rest == options[ord(letters) - ord("A")]
    )


EMPTY_BOX_END = re.compile(r"\s*[(（]\s*[)）]\s*$")
KEY_AFTER_STATEMENT = re.compile(r"[。.!！]\s*([AB])\s*$")  # (a statement's end, then A or B)


def as_key_without_options(q: ParsedQuestion, letters: str) -> None:
    """A statement with no blank and nothing asked, keyed "A" or "B", is a judgement exported as
    a choice between 对 and 错 (A. 对 B. 错), keyed "F" one marked false; the rest are choices
    whose options went unprinted."""
    said = EMPTY_BOX_END.sub("", q.stem)  # "投诉可以不理。（ ）": the box a judgement is marked in
    states = not rules.asks_in_words(said) and rules.STATEMENT_END.search(said) is not None
    if states and letters in ("A", "B", "F"):  # (and "F": the F of a T/F key)
        q.type, q.answer = "truefalse", letters == "A"
    else:
        q.type, q.answer = ("multiple" if len(letters) > 1 else "single"), letters
        q.warnings.append(NO_OPTIONS)


def letters_by_text(answer: str, options: list[str]) -> str:
    """ "正确答案:【家庭、学校、社会】": a key printed as the options' texts (one a line, or
    separated by commas or spaces) instead of their letters; "" unless every part is an option."""
    index = {_text_key(o): "ABCDEFGH"[i] for i, o in enumerate(options[:8])}
    answer = answer.strip().strip("【】[]").strip()
    labelled = list(LABELLED_OPTION.finditer(answer))
    if labelled and labelled[0].start() == 0:  # "A:坚持… B:以市场需求为导向": letters and texts
        ends = [m.start() for m in labelled[1:]] + [len(answer)]
        texts = [(m.group(1), answer[m.end() : end]) for m, end in zip(labelled, ends, strict=True)]
        if all(index.get(_text_key(text)) == letter for letter, text in texts):
            return "".join(sorted({letter for letter, _ in texts}))
    for parts in ([answer], answer.splitlines(), re.split(r"[,，;；┋|&]", answer), answer.split()):
        keys = [_text_key(p) for p in parts if p.strip()]
        if keys and all(k in index for k in keys):
            return "".join(sorted({index[k] for k in keys}))
    return ""


LABELLED_OPTION = re.compile(r"(?:^|(?<=\s))([A-H])\s*[.、．:：]\s*")


def _text_key(text: str) -> str:
    # (NFKC: a spreadsheet's key cell may be folded, "没有共产党,就…", where its options are not)
    return re.sub(r"[\s。.;；]+$|\s+", "", unicodedata.normalize("NFKC", text.strip().strip("【】[]")))


def _worded_letters(answer: str, option_count: int) -> str:
    """A key worded in prose: "全选" (every option), or letters named only in brackets ("前三个
    （A、B、C）和最后一个（E）")."""
    if SELECT_ALL.fullmatch(answer) and option_count >= 2:
        return "ABCDEFGH"[:option_count]
    named = "".join(re.sub(r"[^A-H]", "", group) for group in BRACKETED_LETTERS.findall(answer))
    return named if BRACKETED_LETTERS.search(answer) and _fits(named, option_count) else ""


SELECT_ALL = re.compile(r"\s*(?:全选|全選|都选|都選|全部选择|全部選擇)\s*(?:[(（][^)）]*[)）])?\s*[。.]?\s*")
BRACKETED_LETTERS = re.compile(r"[(（]\s*([A-H](?:\s*[、,，]\s*[A-H])*)\s*[)）]")


def _fits(letters: str, option_count: int) -> bool:
    """Letters in ascending order, each naming one of the options."""
    letters = re.sub(r"[^A-H]", "", letters)
    ascending = all(a < b for a, b in zip(letters, letters[1:], strict=False))
    return bool(letters) and ascending and ord(letters[-1]) - ord("A") < option_count


def _blank_letters(m: re.Match[str]) -> str:
    return m.group(1) or m.group(2) or m.group(3)


def _emptied(stem: str, m: re.Match[str]) -> str:
    """The stem with the key taken out of its blank ("【1】B" keeps its number: "【1】")."""
    if m.group(3):
        return stem[: m.start(3)].rstrip(" \t") + stem[m.end(3) :]
    if EMPTY_BOX_END.search(stem, 0, m.start()):
        return stem[: m.start()].rstrip(" \t") + stem[m.end() :]  # "…是（ ）【B】": the box is there
    if m.start() == 0 and m.group(0).startswith("【"):
        return stem[m.end() :].lstrip()  # "【B】 操作铣床时…": an exam system's key tag, no blank
    return stem[: m.start()] + "( )" + stem[m.end() :]


EMPTY_BOX_END = re.compile(r"[(（][ \u3000]*[)）]\s*$")


def answer_in_blank(stem: str, option_count: int) -> re.Match[str] | None:
    """The last bracket holding option letters in ascending order, each one an option's."""
    found = None
    for m in ANSWER_IN_BLANK.finditer(stem):
        letters = re.sub(r"[^A-H]", "", _blank_letters(m))
        ascending = all(a < b for a, b in zip(letters, letters[1:], strict=False))
        if ascending and ord(letters[-1]) - ord("A") < option_count:
            found = m
    return found


def _answer_named_in_blank(stem: str, options: list[str]) -> re.Match[str] | None:
    """ "…的最佳选项（B场景）", "(D.SB-ADPCM)": the key's letter and its option's text, typed
    into the question's bracket."""
    for m in ANSWER_NAMED_IN_BLANK.finditer(stem):
        place = ord(m.group(1)) - ord("A")
        if place < len(options) and rules.bare_words(m.group(2)) == rules.bare_words(options[place]):
            return m
    return None


BRACKETED_PART = re.compile(r"【([^【】\n]+)】")
BRACKETED_PARTS = re.compile(r"(?:【[^【】\n]+】\s*){1,20}")


def _options_named_in_box(stem: str, options: list[str]) -> tuple[re.Match[str], str] | None:
    """ "…创立。（2003）", "…有哪些？（不受时间和空间的控制 成本低，效率高）": an exam system's copy
    printing the right options' texts in the stem's box; the box and their letters, when its whole
    text is options' texts in order (set apart by spaces or commas)."""
    boxes = [
        box
        for box in BOX_TEXT.finditer(stem)
        if box.group(1).strip() and not CALLED.match(stem, max(0, box.start() - 1), box.start())
    ]  # ("a = bool(100)", "print(a)": a program's call, its argument no option named in a box)
    keys = [_text_key(o) for o in options[:8]] if boxes else []  # (most boxes are empty: no cost)
    for box in reversed(boxes):
        letters = _as_option_texts(re.sub(r"\s+", "", box.group(1)), keys, 0)
        if letters:
            return box, letters
    return None


def _as_option_texts(text: str, keys: list[str], first: int) -> str:
    """The letters of options (from `first` on) whose texts, in order, make up `text`."""
    if not text:
        return ""
    for index in range(first, len(keys)):
        key = keys[index]
        if key and text.startswith(key):
            rest = text[len(key) :]
            if not rest:
                return "ABCDEFGH"[index]
            more = _as_option_texts(rest.lstrip("、，,;；"), keys, index + 1)
            if more:
                return "ABCDEFGH"[index] + more
    return ""


CALLED = re.compile(r"[A-Za-z0-9_]")  # the name a program's call brackets its arguments after
# a bracket's text, one bracket nested in it at most ("（品牌logo 视觉点（促销信息）…）")
BOX_TEXT = re.compile(r"[(（]((?:[^()（）\n]|[(（][^()（）\n]*[)）]){1,300})[)）]")


def _filled_in(stem: str, kind: str, answer_text: str | None) -> bool:
    """ "每个反应器有__3__组热电偶。": a statement printed with its blanks filled in (underlined in
    Word), under no heading naming a type; never one that asks ("__init__的作用？"). One may end on
    its last blank, a measure word after it at most ("…建模方法有 __DFD、UML__", "有 __1__ 个")."""
    if kind != "generic" or answer_text is not None:
        return False
    if FILL_IN_BOLD_BRACKETS.search(stem):
        return True  # (a key in bold inside brackets marks itself, wherever the statement ends)
    if not FILL_IN_UNDERSCORES.search(stem):
        return False
    if rules.STATEMENT_END.search(stem) is not None:
        return not rules.asks_in_words(stem)
    # ("需求分析常用的建模方法有 __DFD__": a topic's words, 分析, ask nothing of a filled statement)
    return ENDS_ON_BLANK.search(stem) is not None and not rules.asks_strongly(
        FILL_IN_UNDERSCORES.sub("", stem)
    )


# (not after a prompt, "正确的是：__c__": the trainee's answer to a choice whose options were lost)
ENDS_ON_BLANK = re.compile(r"(?<![A-Za-z0-9_:：是\s])\s*__[^_\n]+__\s*[\u4e00-\u9fff]?\s*$")


def _filled_in_line(text: str) -> bool:
    """A line with a blank written in ("__抗体__、__溶菌酶__。"), not a program's ("def __init__")."""
    return FILL_IN_UNDERSCORES.search(DUNDER.sub("", text)) is not None and not program_line(text, 0)


DUNDER = re.compile(r"(?<![A-Za-z0-9_])__[A-Za-z]\w*?__(?![A-Za-z0-9_])")  # Python's "__init__"


def _blanks_below(item: Item, answer_text: str | None) -> bool:
    """Blanks on the lines under its first line: the question goes on there ("…的主要思想是："
    over "…具有____和____的对象"), unanswered, or answered on one line one part a blank."""
    below = "\n".join(line for line in item.extra if rules.BLANK.search(line))
    if not below or answer_text is None:
        return bool(below)
    blanks = _blank_count(below)
    parts = [a for a in BLANK_ANSWERS.split(answer_text.strip()) if a]
    return blanks > 1 and "\n" not in answer_text.strip() and len(parts) == blanks


# "则目标被击中的概率为." / "P(A|B) = .": a sentence that stops at its copula, its blank drawn as
# a line that left no text (a PDF's underline); never a wrapped line (no full stop after the copula),
# nor a word ending in one ("行为。", "就是。"); "客户是    。" keeps its blank of spaces
LOST_BLANK = re.compile(
    r"(?:(?<![行作因认以较更极最尤颇就但还或总凡于可要])(?:为|是|為|等于|等於)|[=＝]\s?)([。.．])\s*$"
)


def _alternatives(answer: str) -> list[str]:
    """A blank's accepted answers, "客户/顾客" → ["客户", "顾客"]; a slash inside brackets or a
    code span divides nothing ("N(1, 18/n)", "`.venv/bin/python`" stay whole), nor does one
    between digits ("3/4")."""
    parts, start, depth, in_code = [], 0, 0, False
    for m in ALTERNATIVE_OR_BRACKET.finditer(answer):
        ch = m.group(0).strip()
        if ch == "`":
            in_code = not in_code
        elif ch in OPENING:
            depth += 1
        elif ch in CLOSING:
            depth = max(0, depth - 1)
        elif depth == 0 and not in_code and not (ch in "/／" and FRACTION.match(answer, m.start() - 1)):
            parts.append(answer[start : m.start()])
            start = m.end()
    parts.append(answer[start:])
    return [part for part in parts if part]


OPENING, CLOSING = "(（[［{", ")）]］}"
ALTERNATIVE_OR_BRACKET = re.compile(rf"{ALTERNATIVES.pattern}|[{re.escape(OPENING + CLOSING)}`]")
FRACTION = re.compile(r"\d\s*[/／]\s*\d")


def _typed_into_spaces(stem: str) -> bool:
    """ "其本质是    频谱的非线性搬移   。": a statement, under no part heading, with its answers
    typed into blanks of spaces (words set off by runs of spaces; Chinese puts none between
    words). It states, never asks."""
    asks = "?" in stem or "？" in stem or rules.QUESTION_WORDS.search(stem) is not None
    return (
        not asks and rules.STATEMENT_END.search(stem) is not None and FILL_IN_SPACES.search(stem) is not None
    )


def _open_despite_fill_tag(item: Item, stem: str, answer_text: str | None) -> bool:
    """Tagged 填空 but with no blank, answered at length: an open question in a part of open
    questions (platforms file 简答 under "填空题"), or, outside a fill part, one that asks or is
    answered in sentences (a blank's answer is a phrase, or labelled blank by blank)."""
    if not answer_text or len(answer_text) < OPEN_ANSWER_MIN or rules.BLANK.search(stem):
        return False
    if item.section.kind in ("short", "case"):
        return True
    if item.section.kind == "fill" or len(BLANK_LABEL.split(answer_text.strip(), maxsplit=1)) > 1:
        return False
    asks = rules.ASKED_END.search(stem) is not None or rules.QUESTION_WORDS.search(stem) is not None
    return asks or SENTENCE_INSIDE.search(answer_text) is not None


FILL_KEY_MAX = 60
FILL_NOTE_MIN = 10


def _fill_key_then_note(q: ParsedQuestion, answer_text: str | None) -> str | None:
    """ "正确答案：'hello world'" then a paragraph on why: a line answering every blank is the key,
    the lines under it its explanation (not more of the answer)."""
    first, _, rest = (answer_text or "").strip().partition("\n")
    blanks = _blank_count(q.stem)
    if not rest.strip() or not blanks or len(first) > FILL_KEY_MAX or NUMBERED_ANSWERS.match(first):
        return answer_text
    if blanks > 1 and len([a for a in BLANK_ANSWERS.split(first) if a]) != blanks:
        return answer_text  # (one blank's answer a line: "客户" over "服务")
    if len(rest.strip()) < FILL_NOTE_MIN and not rules.STATEMENT_END.search(rest):
        return answer_text  # (a word under it: another answer, not a note on it)
    q.explanation = join(rest.strip(), q.explanation, "\n")
    return first


def _as_fill(q: ParsedQuestion, answer_text: str | None, spaced: bool = False) -> None:
    q.type = "fill"
    italic = CODE_KEY_AFTER_BOLD.match(q.stem) if answer_text is None and q.stem.endswith("*") else None
    if italic:  # "**(____) 是…必由之路.***```坚持党的全面领导```*": the key in italic code after it
        q.stem, answer_text = clean_stem(f"**{italic.group(1)}**"), italic.group(3)
    bracketed = BRACKETED_PARTS.fullmatch((answer_text or "").strip())
    if bracketed:  # "【旗舰店】【专卖店】": an exam system's key, one bracket a blank
        q.answer = BRACKETED_PART.findall(answer_text or "")
        filled = [m for m in BRACKETED_PART.finditer(q.stem) if not m.group(1).isdigit()]
        if len(filled) == len(q.answer) and not _blank_count(q.stem):  # the stem printed filled in
            q.stem = BRACKETED_PART.sub(lambda m: m.group(0) if m.group(1).isdigit() else "____", q.stem)
        return
    labelled = BLANK_LABEL.split((answer_text or "").strip())
    if len(labelled) == 2 and len(set(PAREN_NUMBER.findall(q.stem))) > 1:
        labelled = PAREN_NUMBER.split((answer_text or "").strip())  # "（1）上帝（2）及时" for blanks (1) (2)
    if len(labelled) > 1 and not labelled[0].strip():  # "第一空：客户;顾客 第二空：服务", "(1) 客户"
        parts = [part.strip(" ,，;；\n") for part in labelled[1:]]
        q.answer = [words.ALTERNATIVE.join(a for a in ALTERNATIVES.split(part) if a) for part in parts]
        return
    lettered = lettered_answers(answer_text or "")
    if lettered:  # "A. r[i].key<r[0].key B. j--": a program's blanks (A) (B) answered in turn
        q.answer = lettered
        return
    answer_text = _fill_key_then_note(q, answer_text)
    numbered = NUMBERED_ANSWERS.split((answer_text or "").strip())
    if len(numbered) > 1 and not numbered[0].strip() and len(numbered) - 1 == _blank_count(q.stem):
        # one a blank, in order ("1. [工作服] 2. [工作鞋]": an exam system brackets each)
        q.answer = [re.sub(r"^\[(.*)\]$", r"\1", part.strip(" ,，;；\n")) for part in numbered[1:]]
        return
    if answer_text:
        if not _blank_count(q.stem) and _spaced_blank_count(q):
            q.stem = SPACED_BLANK.sub("____", q.stem)  # (a page would collapse blanks of spaces)
        blanks = _blank_count(q.stem) or _erased_blank_count(q.stem) or _spaced_blank_count(q)
        parts = [a for a in BLANK_ANSWERS.split(answer_text) if a] if blanks > 1 else []
        if parts and len(parts) == blanks - 1 and ERASED_JOINTS.search(q.stem) and "和" in parts[-1]:
            parts[-1:] = parts[-1].rsplit("和", 1)  # "效率、可扩展性和并行处理" for "：、和"
        alternatives = [a for a in ALTERNATIVES_OR_BARS.split(answer_text) if a] if blanks > 1 else []
        if blanks > 1 and len(parts) == blanks:
            q.answer = parts
        elif blanks > 1 and len(alternatives) == blanks:
            q.answer = alternatives  # "实事求是 | 群众路线 | 独立自主" for three blanks: one a blank
        else:  # one blank: "客户/顾客" are alternatives, stored as "客户|顾客"
            # ("SPARQL。" the last entry of a key's line: the line's full stop is not the blank's)
            phrase = answer_text.strip().removesuffix("。") if answer_text.count("。") == 1 else answer_text
            q.answer = [words.ALTERNATIVE.join(_alternatives(phrase))]
        return
    # "服务要____和____。（及时；热情）": the finished statement's answers, one a blank (not "（本题2分）")
    tail = ANSWERS_AFTER_STATEMENT.search(q.stem)
    if tail and not re.search(r"\d\s*分$", tail.group(1)):
        parts = [a for a in BLANK_ANSWERS.split(tail.group(1).strip()) if a]
        if len(parts) == _blank_count(q.stem[: tail.start()]) > 0:
            q.answer, q.stem = parts, q.stem[: tail.start() + 1]
            return
    numbered_blanks = NUMBERED_BLANK.search(q.stem) is not None  # "【4】": its key is printed elsewhere
    # a program's brackets, "***" and spaces are its own ("if (n < 0)"): only a blank written in is a key
    in_program = sum(1 for line in q.stem.split("\n") if program_line(line, 0)) >= PROGRAM_LINES
    patterns = (FILL_IN_UNDERSCORES,) if in_program else FILL_IN_PATTERNS
    for pattern in patterns:
        if numbered_blanks:
            break
        found = [
            m
            for m in pattern.finditer(q.stem)
            if not NOT_AN_ANSWER.fullmatch(m.group(1))
            and not (pattern is FILL_IN_BRACKETS and q.stem[: m.start()].endswith("_"))  # "____(英文缩写)"
            # "模型（CMM）分为**初始级…**": where the key is set in bold, brackets are the text's own
            and not (pattern is FILL_IN_BRACKETS and FILL_IN_BOLD.search(q.stem))
            and not (pattern is FILL_IN_BRACKETS and BASE_SUBSCRIPT.match(q.stem, m.end()))
        ]
        by_part = spaced or bool(q.section and "填空" in q.section)  # (spaces blank only a fill's text)
        if found and pattern in KEYS_WHEREVER or (found and by_part):
            q.answer = [m.group(1).strip() for m in found]
            q.stem = pattern.sub("____", q.stem)
            blanks = _blank_count(q.stem)
            parts = [a for a in BLANK_ANSWERS.split(q.answer[0]) if a]
            if len(found) == 1 and q.stem.endswith("____") and len(parts) == blanks - 1 > 0:
                # "…为了____，加入____的钢。（改善钢的性能，合金元素）": one bracket answers every blank
                q.answer, q.stem = parts, q.stem.removesuffix("____").rstrip()
            return


FILL_IN_PATTERNS = (
    FILL_IN_UNDERSCORES,
    FILL_IN_BOLD_BRACKETS,
    FILL_IN_BRACKETS,
    FILL_IN_BOLD,
    FILL_IN_LENTICULAR,
    FILL_IN_SPACES,
)
KEYS_WHEREVER = (FILL_IN_UNDERSCORES, FILL_IN_BOLD_BRACKETS)  # keys in any part (the rest: fill parts)
PROGRAM_LINES = 2


def lettered_answers(text: str) -> list[str]:
    """ "A. x  B.y C.z" (or "①x ②y"): one answer per blank, labelled in turn from A (or ①)."""
    text = text.strip()
    for labels, pattern in BLANK_LETTERS:
        cuts: list[re.Match[str]] = []
        for m in pattern.finditer(text):
            if m.group(1) == labels[len(cuts)] and (cuts or m.start() == 0):
                cuts.append(m)
                if len(cuts) == len(labels):
                    break
        if len(cuts) >= 2:
            ends = [c.start() for c in cuts[1:]] + [len(text)]
            return [text[c.end() : e].strip(" ;；,，\n") for c, e in zip(cuts, ends, strict=True)]
    return []


BLANK_LETTERS = [
    ("ABCDEFGH", re.compile(r"(?:^|(?<=\s))([A-H])\s*[.．、:：]\s*")),
    ("①②③④⑤⑥⑦⑧", re.compile(r"([①②③④⑤⑥⑦⑧])\s*(?:[.．、:：]\s*)?")),  # ("①. 胸腺 ②. 浆细胞")
]


PAREN_NUMBER = re.compile(r"[(（]\d{1,2}[)）]")
# "第1空" over "n^2", "第1空：n^2": an attempt page's answer field of each blank, under the question
BLANK_FIELD = re.compile(r"^第\s*(\d{1,2})\s*空\s*[:：]?\s*(.*)$")


def blank_fields(lines: list[str]) -> tuple[list[str], str] | None:
    """The lines before the fields, and "第1空：…\n第2空：…" read from them; None without any."""
    start = next((i for i, text in enumerate(lines) if BLANK_FIELD.match(text)), None)
    first = BLANK_FIELD.match(lines[start]) if start is not None else None
    if start is None or first is None or first.group(1) != "1":
        return None
    fields: list[list[str]] = []
    for text in lines[start:]:
        field = BLANK_FIELD.match(text)
        if field:
            fields.append([field.group(2)] if field.group(2) else [])
        else:
            fields[-1].append(text)
    if not all(fields):
        return None  # an empty field: nothing was typed there
    return lines[:start], "\n".join(f"第{n}空：{' '.join(f)}" for n, f in enumerate(fields, 1))


# a blank numbered on its underline, or set apart by runs of spaces where a PDF lost the line;
# and its answer's label in the key
CIRCLED_BLANK = re.compile(
    r"(?:[ \t\u3000]*_+|[ \t\u3000]{2,}|^|(?<=\n))[①-⑳](?:_+[ \t\u3000]*|[ \t\u3000]{2,})"
)
CIRCLED_ANSWER = re.compile(r"(?:^|(?<=[\s、，,;；]))[①-⑳]\s*[.、．:：]?")
# "第一空：", "(1)", and a platform's "空 1：" opening a line (its colon may reach us as an unmapped
# private-use glyph from the PDF it was copied out of).
BLANK_LABEL = re.compile(
    r"第\s*[一二三四五六七八九十\d]{1,3}\s*空\s*[:：]|(?:^|(?<=\n))\s*[(（]\d{1,2}[)）]"
    r"|(?:^|(?<=\n))\s*空\s*\d{1,2}\s*(?:[:：\ue000-\uf8ff]\s*|\s+)"
)
NUMBERED_ANSWERS = re.compile(r"(?:^|(?<=\s))\d{1,2}\s*[、.．]\s*(?=\D)")  # "1、及时 2、热情"
# Between two blanks: option letters, or a word joining them ("____和____"), is stem text.
NOT_AN_ANSWER = re.compile(r"[A-H\s]*|\s*(?:和|及|与|或|以及|、|到|至|-|~)\s*")


def _as_short(q: ParsedQuestion, item: Item, answer_text: str | None, kind: str) -> None:
    q.type = "short"
    if answer_text:
        # "以下代码的输出是什么？", the code, "答：…"; lines read nowhere else stay in the stem, for
        # the reviewer, rather than vanish (a lone "**" left by Markdown emphasis is no text)
        extra = [line for line in item.extra if WORD.search(line)]
        if extra:
            q.stem = "\n".join([q.stem, *extra])
        q.answer = answer_text
        return
    same_line = ANSWER_AFTER_ARROW.match(q.stem) or (
        (ANSWER_AFTER_QUESTION.match(q.stem) or ANSWER_AFTER_POINTS.match(q.stem))
        if kind == "short"
        else None
    )
    asks_again = same_line is not None and re.search("[?？]", same_line.group(2)) is not None
    if same_line and rules.QUESTION_WORDS.search(same_line.group(1)) and not asks_again:
        # "简述…的工作流程。 放空气体经…": the answer after a gap on the question's line
        q.stem, answer_text = same_line.group(1), same_line.group(2)
        q.answer = "\n".join([answer_text, *item.extra])
        return
    bold = BOLD_QUESTION_ANSWER.match(q.stem) if q.stem.startswith("**") else None
    if bold and (rules.QUESTION_WORDS.search(bold.group(1)) or re.search("[?？]", bold.group(1))):
        # "**数据传输速率的单位是什么**：比特每秒。": notes set the question in bold, its answer after
        q.stem, q.answer = bold.group(1).strip(), "\n".join([bold.group(2).strip(), *item.extra])
        return
    # (not a problem's "输入格式：…", nor "水果盘：在水果盘中…" titling a problem in a 综合应用题 part)
    titled_problems = PROBLEM_PART.search(item.section.heading) is not None
    term = TERM_DEFINITION.match(q.stem) if not (item.problem or titled_problems) else None
    if (
        term
        and (kind == "short" or (kind == "generic" and not rules.QUESTION_WORDS.search(q.stem)))
        and not (
            rules.QUESTION_WORDS.search(term.group("term"))
            or term.group("definition").startswith(("“", '"'))
            or re.search("[?？]", term.group("definition"))  # "…排序中：若只从储存空间考虑时…？": it asks
            or re.search("请|請", term.group("definition"))  # "已知权值：11,17…。请画出…": it instructs
            or TASK_AFTER.search(term.group("definition"))  # "有下列关系式：（1）…，说明（1）式的含义"
            or ANNOUNCES.search(term.group("term"))  # "编写程序实现如下功能：…": what it announced
            or ERASED_BLANKS.match(term.group("definition"))
            or _defined_below(term)
        )
    ):
        q.stem, q.answer = BOLD.sub(r"\1", term.group("term")).strip(), term.group("definition").strip()
        if item.extra:
            q.answer = q.answer + "\n" + "\n".join(item.extra)
        return
    extra = item.extra
    if extra and _asks_on_next_line(q.stem, extra[0]):
        q.stem, extra = f"{q.stem}\n{extra[0]}", extra[1:]
    if pictured := rules.pictures_asked_about(q.stem, extra):  # "完成下面效果图的制作", the picture
        q.stem, extra = "\n".join([q.stem, *extra[:pictured]]), extra[pictured:]
    if coded := rules.code_asked_about(q.stem, extra):  # "以下代码的输出是什么？", the program
        q.stem, extra = "\n".join([q.stem, *extra[:coded]]), extra[coded:]
    if extra:
        q.answer = "\n".join(extra)
    if kind not in ("short", "case") and not rules.QUESTION_WORDS.search(q.stem):
        q.warnings.append(TYPE_GUESSED)


def _ends_asking(text: str) -> bool:
    """Its last sentence asks: "…你是如何看待这一问题的？请用所学知识进行案例分析与论述。" """
    sentences = [part for part in SENTENCE_END.split(text.strip()) if part.strip()]
    return bool(sentences) and rules.ASKS_STRONGLY.search(sentences[-1]) is not None


SENTENCE_END = re.compile(r"(?<=[。！!])")
ASKED_LINE = re.compile(r"[?？]\s*$")  # "（2）程序遍历目录树的次序是深度优先还是广度优先？为什么？"


def _asks_on_next_line(stem: str, below: str) -> bool:
    """ "七、CPU内部结构…如下图所示，…未标出。" then "请写出…的微操作命令序列": a problem that
    states its data, then asks on the next line; that line is its question, not its answer."""
    if INSTRUCTS.match(below):
        return True  # "…一共多少钱？" then "请编写函数，…计算并返回总价。": the task, however the stem ends
    if rules.PROBLEM_ASKS.match(stem) and rules.PROBLEM_ASKS.match(below):
        return True  # "给出…的数学模型" then "写出传递函数…": two tasks of one problem (no answer opens so)
    return not rules.asks_in_words(stem) and bool(
        rules.ASKS_STRONGLY.match(below) or rules.PROBLEM_ASKS.match(below)
    )


# A line telling the candidate what to do ("请编写函数…", "请说明理由"): no answer opens so (a
# service script's "请您稍等" names no task)
INSTRUCTS = re.compile(
    r"\s*(?:请|請)\s*(?:编写|編寫|写出|寫出|设计|設計|计算|計算|画出|畫出|绘制|繪製|说明|說明|回答|分析|简述|簡述"
    r"|列出|列举|列舉|给出|給出|证明|證明|实现|實現|解释|解釋|比较|比較|指出|阐述|闡述|论述|論述|判断|判斷)"
)


# Parts of problems ("三、综合应用题", "计算题", "程序设计题"): "X：…" there titles a problem, never a term
PROBLEM_PART = re.compile(r"应用|綜合|综合|计算|計算|设计|設計|编程|編程|证明|證明|案例")


ANSWER_AFTER_QUESTION = re.compile(r"([^\n]+?[。？?])[ \t\u3000]+([^\s(（;；,，].{5,})", re.DOTALL)
# "Vue的特性?---->表单操作、…": notes that point from the question to its answer with an arrow
ANSWER_AFTER_ARROW = re.compile(r"([^\n]+?[。？?：:])\s*(?:-{2,}|—+|=+)>\s*(\S.*)", re.DOTALL)
# "简述…的优点。(5分)数据库系统的三级模式结构是指…": the points end the question, its answer follows
ANSWER_AFTER_POINTS = re.compile(
    r"([^\n]+?[。？?])\s*[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*([^\s(（;；,，].{5,})", re.DOTALL
)


def parse_choice(text: str) -> tuple[str, str]:
    """ "A, B, C(P79)本题考查…" → ("ABC", "本题考查…")."""
    text = strip_page_refs(text)
    if "┋" in text:  # 问卷星 prints the key as the options it names: "A.…┋C.…"
        return "".join(sorted(set(ECHOED_LABEL.findall(text)))), ""
    if LOWER_LETTERS.fullmatch(text):
        text = text.upper()  # "正确答案 c"
    circled = CIRCLED_KEY.match(text)
    if circled:  # "答案：②" under options labelled ①②③④: the second option
        text = (
            "".join("ABCDEFGH"[CIRCLED.index(c)] for c in circled.group(0) if c in CIRCLED)
            + text[circled.end() :]
        )
    if QUOTED_LETTERS.fullmatch(text):  # "['A', 'C']": a quiz app's key as its list of letters
        text = "".join(re.findall(r"[A-H]", text))
    bracketed = BRACKETED_KEY.fullmatch(text)
    if bracketed:  # "答案:(A)", "【BC】": the letters in brackets
        text = bracketed.group(1)
    worded = WORDED_CHOICE.match(text)
    if worded:  # "答案选择C。", "选 B"
        return "".join(sorted(set(worded.group(1)))), text[worded.end() :].strip(" 。.")
    m = CHOICE_ANSWER.match(text)
    if not m:
        return "", text.strip()
    letters = "".join(sorted(set(re.sub(r"[^A-H]", "", m.group(1)))))
    rest = strip_page_refs(text[m.end() :]).strip()
    if rest.startswith((":", "：")):
        rest = ""  # "正确答案: B: 倾听;": the platform echoes the option's text after the letter
    rest = re.sub(r"^[(（](.*)[)）]$", r"\1", rest, flags=re.S).strip()
    rest = re.sub(r"^(?:解析|分析)\s*[:：]\s*", "", rest)
    return letters, rest.lstrip(AFTER_KEY)


CIRCLED = rules.CIRCLED[:8]  # (as many as the letters A–H)
CIRCLED_KEY = re.compile(rf"\s*[{CIRCLED}](?:[\s,，、]*[{CIRCLED}])*")


# between the key and its reason: "B。最终结果如下图", "C – The ability…", "B) because…"
AFTER_KEY = "。.，,；;–—-:)） \n"


def truth(text: str | None) -> bool | None:
    """A printed judgement: the type's words and marks (questiontypes.words), and A/B where a
    judgement's options were 正确/错误 in that order."""
    if text is None:
        return None
    token = words.bare(text)
    if token in ("A", "B"):
        return token == "A"
    said = words.truth(token)
    if said is None and len(token) > 1:  # "√ 正确", "× 错误": the mark and its word, agreeing
        mark, word = words.truth(token[0]), words.truth(token[1:])
        said = mark if mark == word else None
    return said


def untagged_statement(stem: str) -> str | None:
    """A statement its tag asks to judge ("…must have 18 keys at most. (T/F)", "True or False?
    A branch is…"), without the tag; None where no tag asks."""
    tagged = JUDGE_TAG.search(stem) or JUDGE_LEAD.match(stem)
    if tagged is None:
        return None
    return stem[tagged.end() :] if tagged.start() == 0 else stem[: tagged.start()].rstrip()


def verdict_and_reason(answer: str) -> tuple[bool | None, str]:
    """A judgement's printed answer as its verdict and the reason after it ("False. If you…")."""
    reasoned = VERDICT_THEN_REASON.fullmatch(answer) or VERDICT_WORD_THEN_REASON.fullmatch(answer)
    if reasoned and truth(reasoned.group(1)) is not None:
        return truth(reasoned.group(1)), reasoned.group(2).strip()
    return truth(answer), ""


def _is_judgement(text: str | None) -> bool:
    return text is not None and truth(text) is not None and not CHOICE_ANSWER.fullmatch(text.strip() or "-")


def _verdict_then_why(q: ParsedQuestion, answer_text: str) -> None:
    """ "对" then why, or "A" / "B" (exam systems key a judgement A for 对, B for 错) with or without
    why: the first line is the verdict, the rest its explanation."""
    verdict, _, why = answer_text.strip().partition("\n")
    verdict, why = verdict.strip(), why.strip()
    said = truth(verdict) if why else None
    if said is None and verdict in ("A", "B"):
        said = verdict == "A"
    if said is not None:
        q.answer, q.explanation = said, join(why, q.explanation, "\n")


def _blank_count(stem: str) -> int:
    return len(rules.BLANK.findall(stem))


# "包括：、和", "度量是、和": the joints of a list whose blanks the scrape erased (underlines lost)
ERASED_JOINTS = re.compile(r"[:：][、，,和及与]+|[、，,][、，,和及与]+")


def _erased_blank_count(stem: str) -> int:
    """Blanks a list of joints stands for: one more than its joints ("：、、和": four)."""
    runs = [m.group(0).lstrip(":：") for m in ERASED_JOINTS.finditer(stem)]
    return sum(len(run) + 1 for run in runs)


# "共划分为     个职等": a blank left as a run of spaces (an underline the copy lost), in a fill part
SPACED_BLANK = re.compile(r"(?<=\S)[ \u3000]{3,}(?=\S)")


def _spaced_blank_count(q: ParsedQuestion) -> int:
    return len(SPACED_BLANK.findall(q.stem)) if q.section and "填空" in q.section else 0


def strip_page_refs(text: str | None) -> str:
    return rules.PAGE_REF.sub("", text or "")


STEM_PAGE_REF = re.compile(
    r"[(（]\s*P\s*\d+(?:\s*[-~—–]\s*\d+)?\s*[)）]|^\s*P\s*[(（]\s*\d+(?:\s*[-~—–]\s*\d+)?\s*[)）]"
)


POINTS_ONLY = re.compile(r"\s*[(（]?\s*\d{1,3}(?:\.\d)?\s*分\s*[)）]?\s*[。.]?\s*")


def _told(material: str) -> str:
    """The material without its label ("案例：") and never a problem's bare points ("10分")."""
    material = MATERIAL_LABEL.sub("", material).strip()
    return "" if POINTS_ONLY.fullmatch(material) else material


# "(5分)" after a stem or "(本题2分)" before it: the points, not the question.
STEM_POINTS = re.compile(
    r"^\s*[(（]\s*(?:本题|本小题)?\s*\d+(?:\.\d+)?\s*(?:分|\s?points?|\s?pts?\.?|\s?marks?)\s*[)）]"
    r"|[(（]\s*\d+(?:\.\d+)?\s*(?:分|\s?points?|\s?pts?\.?|\s?marks?)\s*[)）]\s*$",
    re.I,
)  # "（5分）", "(6points)", "(10 marks)" before or after the question


# "__[填空1]__": a platform's numbered blank, one blank (not the two runs of underscores around it)
FILL_PLACEHOLDER = re.compile(r"_*[\[【(（]\s*填空\s*\d{1,2}\s*[\]】)）]_*")


# "**数据传输速率的单位是什么**：比特每秒。": a question set in bold, its answer after it
BOLD_QUESTION_ANSWER = re.compile(r"^\*\*([^*\n]+)\*\*\s*[:：]?\s*(\S[\s\S]*)$")
# "**MAC 地址有几个比特**：" over its answer: the bold and the colon are no text
BOLD_THEN_COLON = re.compile(r"^\*\*([^*\n]+)\*\*\s*[:：]$")
# "(2017年下半年试题12)某软件公司…", "【2019年真题】…": where a past paper's question came from,
# printed before its text.
STEM_SOURCE = re.compile(r"^\s*[(（【\[]\s*(?:19|20)\d{2}\s*年[^()（）【】\[\]\n]{0,20}[)）】\]]\s*(?=\S)")
# "…在北京英勇就义。【出题：武汉大学】", "（来源：2019年国考）": who set it, printed after its text
STEM_SOURCE_TAG = re.compile(
    r"\s*[(（【\[]\s*(?:出题|出題|来源|來源|出处|出處|题源|題源|命题|命題)\s*[:：][^()（）【】\[\]\n]{1,30}[)）】\]]\s*$"
)


def without_source_tag(stem: str) -> str:
    return STEM_SOURCE_TAG.sub("", stem) if stem.rstrip()[-1:] in ")）】]" else stem  # (a tag ends it)


def _defined_below(term: re.Match[str]) -> bool:
    """ "类 ABC 定义如下：" ending its line: what follows is the question's, no term's definition."""
    return "\n" in term.string[term.end("term") : term.start("definition")]


def _unbold(line: str) -> str:
    whole_bold = BOLD.fullmatch(line.strip())
    return whole_bold.group(1) if whole_bold else line


def clean_stem(text: str) -> str:
    # (each pattern needs a word most stems lack: the test skips its scan, on every question)
    if "填空" in text:
        text = FILL_PLACEHOLDER.sub("____", text)
    braced = BRACED.fullmatch(text.strip()) if "{" in text else None
    if braced:
        text = braced.group(1)  # "{并联补偿电容器主要用在直流电路中。}": a record's braces
    whole_bold = BOLD.fullmatch(text.strip()) or (
        BOLD_THEN_COLON.match(text.strip()) if "**" in text else None
    )
    if whole_bold:
        text = whole_bold.group(1)  # "**简述封装的作用**": a Markdown question set in bold
    elif "**\n" in text:
        text = "\n".join(_unbold(line) for line in text.split("\n"))  # the bold line over its program
    if "P" in text:
        text = STEM_PAGE_REF.sub("", text)  # "(P9-10)简述…", "简述…。(P187-188)"
    if "年" in text:
        text = STEM_SOURCE.sub("", text)
    text = without_source_tag(text.strip())
    if "  " in text:
        text = PAD_BEFORE_BOX.sub(
            " ", text
        )  # "客户服务的核心是          【    】": the box at the line's end
    return (STEM_POINTS.sub("", text) if "分" in text or "(" in text else text).strip()


PAD_BEFORE_BOX = re.compile(r"[ \u3000\t]{2,}(?=[(（【\[][ \u3000]*[)）】\]][。.？?]?\s*$)")


def clean_option(text: str) -> str:
    # A list flattened onto one line, "- A. 是 - B. 否": the next option's bullet is no text.
    text = NEXT_BULLET.sub("", text.strip()).rstrip(";；,，")  # ("A.上帝；B.对手；", "A;甲,B;乙": separators)
    # Scrambled-label exports print "A、C服务": the stray letter is not part of the option.
    return STRAY_LETTER.sub("", text).strip()


REPEATED_LABEL = re.compile(r"([A-H])\s*[.、．]\s*(?=\S)")


def without_repeated_labels(options: list[str]) -> list[str]:
    """ "A." beside "A. 正面朝向对方" (a result page prints the label, then the text with it again): when
    every option opens with its own label once more, that label goes."""
    labels = [REPEATED_LABEL.match(o) for o in options]
    if len(options) < 2 or not all(m and m.group(1) == "ABCDEFGH"[i] for i, m in enumerate(labels)):
        return options
    return [o[m.end() :] for o, m in zip(options, labels, strict=True) if m]


UNREAD_LABEL = re.compile(r"^[(（]?[A-Ha-h][)）]?\s*[.、．:：]?\s*(?=\S)")  # a label no rule took ("E. …")
VERDICT_WITH_REASON = re.compile(r"\s*(\S{1,2})\s*[(（](.+)[)）]\s*", re.DOTALL)
# "T。必然一根两中间…", "错误，人行五号令第二十条…": the verdict, a stop, then why
VERDICT_THEN_REASON = re.compile(
    r"\s*(T|F|对|错|對|錯|正确|错误|正確|錯誤|√|×)\s*[。.，,：:]\s*(\S.*)", re.DOTALL
)
# "(T/F)", "（对/错）", "(√/×)" after a statement: the paper asks for a verdict
JUDGE_TAG = re.compile(
    r"\s*[(（]\s*(?:T\s*/\s*F|True\s*/\s*False|对\s*/\s*错|√\s*/\s*×|正确\s*/\s*错误)\s*[)）]\s*$", re.I
)
# "True or False? A branch is…", "T/F: …": English banks open a statement to judge with its tag
# (Hong Kong's and Taiwan's worksheets "是非題：…", others "判断题：…")
JUDGE_LEAD = re.compile(
    r"\s*(?:True\s+or\s+False|True\s*/\s*False|T\s*/\s*F|(?:是非|判断|判斷)[题題])\s*[?？:：.]\s*(?=\S)", re.I
)
# "False. If you would like…": a judgement's verdict in words, then why (judgements only)
VERDICT_WORD_THEN_REASON = re.compile(r"\s*(True|False)\s*[。.，,：:]\s*(\S.*)", re.DOTALL | re.I)
BRACED = re.compile(r"\{([^{}]+)\}")
STRAY_LETTER = re.compile(rf"^[A-H](?=[{rules.CJK}])")
NEXT_BULLET = re.compile(r"\s+[-*•·]$")


__all__ = ["classify", "parse_choice", "truth", "untagged_statement", "verdict_and_reason", "Answer"]
