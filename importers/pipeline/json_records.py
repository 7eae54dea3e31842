"""Question banks kept as JSON, the way quiz apps and exam systems export them: one document
holding a list of records (bare, or under one key such as "data"), or one record a line (JSON
Lines). Each record is a row and its keys the header, so the spreadsheet reader tells the
columns by the same synonyms ("title"/"question"/"题干", "answer"/"答案", "options"…); a list or an
object in a field stays JSON text, which the option-cell reader already reads ('["甲","乙"]',
'[{"content":"甲"}]').
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from typing import TypeGuard

import json5

from . import rules
from .model import Line
from .sheet_bank import field_named, json_list, kind_named, names_an_option
from .workbook import Row, Sheet, cell_text

MIN_RECORDS = 2
RECORD_SHARE = 0.9  # of a JSON Lines file's non-blank lines, those that are records


def json_sheet(lines: list[Line], script: bool = False) -> Sheet | None:
    """The records as a sheet (header row first), or None when the text is not records. A
    `script` (a .js file) may hold them anywhere in its code."""
    notes: list[str] = []
    records = _document_records(lines, script, notes) or _line_records(lines)
    if len(records) < MIN_RECORDS:
        return None
    records = [
        (lineno, _one_part_merged(record))
        for lineno, whole in records
        for part in _parts_with_their_story(whole)
        for record in _blanks_apart(part)
    ]
    flags = _binary_flags([record for _, record in records])
    records = [
        (lineno, _answer_unwrapped(_keyed_by_option_ids(_keyed_by_flags(record, flags))))
        for lineno, record in records
    ]
    keys = list(dict.fromkeys(key for _, record in records for key in record))
    rows: list[Row] = [(lineno, [_cell(record.get(key)) for key in keys]) for lineno, record in records]
    names = _column_names(keys, [cells for _, cells in rows])
    _coalesce(names, [cells for _, cells in rows])
    header: Row = (records[0][0] - 1, names)  # (a row before the first record's: rows are read after it)
    return Sheet("", [header, *rows], notes=notes)


def _one_part_merged(record: dict[str, object]) -> dict[str, object]:
    """{"description": "…（  ）不是CPU的组成部分", "questions": [{"choices": […], "correctAnswers":
    ["D"]}]}: a question whose one part holds its options and key (an online judge's record, where
    a passage may hold several): the part's fields are the question's."""
    for key, value in record.items():
        if not (isinstance(value, list) and len(value) == 1 and isinstance(value[0], dict)):
            continue
        fields = {field_named(_last_word(str(k))) for k in value[0]}
        if "stem" not in fields and fields & {"options", "answer"} and _names_a_stem(record):
            return {**{k: v for k, v in record.items() if k != key}, **value[0]}
    return record


def _parts_with_their_story(record: dict[str, object]) -> list[dict[str, object]]:
    """{"question_text": "2016年4月1日，甲公司…", "big_questions": [{"question_text": "1).…",
    "answers": […]}, …]}: a case whose sub-questions are records of their own. Each is a question,
    the case's text its material (the case itself asks nothing to key). A part is a record of the
    case's own shape: records sharing only a text's name with it are its options."""
    stem_key = next((key for key in record if field_named(_last_word(key)) == "stem"), None)
    if stem_key is None:
        return [record]
    for value in record.values():
        if _is_records(value) and all(stem_key in part and _same_shape(part, record) for part in value):
            return [{**part, MATERIAL_FIELD: _cell(record[stem_key])} for part in value]
    return [record]


def _blanks_apart(record: dict[str, object]) -> list[dict[str, object]]:
    """{"questionTitle": "…乐音的（  ），…乐音的（  ）。", "answerList": [["音调", …], ["音调", …]],
    "rightAnswer": ["0", "2"]}: a question of several blanks, each chosen from options of its own
    (软考's "(1)(2)" pairs) and keyed in turn. Each blank is a question, the stem printed for each."""
    for options_key, value in record.items():
        blanks = _option_lists(value)
        if blanks is None:
            continue
        for key_key, keys in record.items():
            scalars = isinstance(keys, list) and all(isinstance(k, str | int) for k in keys)
            if key_key != options_key and isinstance(keys, list) and scalars and len(keys) == len(blanks):
                # (a blank without options, ["", "", "", ""] keyed -1, is an empty slot of the app's form)
                return [
                    {**record, options_key: options, key_key: key}
                    for options, key in zip(blanks, keys, strict=True)
                    if _offered(options)
                ]
    return [record]


def _option_lists(value: object) -> list[list[str]] | None:
    """Two or more lists of texts, some offering options: one list a blank."""
    if not (isinstance(value, list) and len(value) >= 2):
        return None
    lists = [x for x in value if isinstance(x, list) and all(isinstance(t, str) for t in x)]
    if len(lists) < len(value) or not any(map(_offered, lists)):
        return None
    return lists


def _offered(options: list[str]) -> bool:
    return sum(1 for option in options if option.strip()) >= 2


def _same_shape(part: dict[str, object], record: dict[str, object]) -> bool:
    shared = len(part.keys() & record.keys())
    return shared >= 3 and shared * 2 >= len(record)


MATERIAL_FIELD = "材料"


def _answer_unwrapped(record: dict[str, object]) -> dict[str, object]:
    """ "correctAnswer": {"choice": "2", "type": 201}: the key inside an object of the exam
    system's own (its one short value that is letters or option places)."""
    for key, value in record.items():
        if field_named(key) == "answer" and isinstance(value, dict):
            keys = [v for v in value.values() if isinstance(v, str | int) and KEY_VALUE.fullmatch(str(v))]
            if keys:
                return {**record, key: keys[0]}
    return record


KEY_VALUE = re.compile(r"[A-H]{1,8}|\d(?:\s*,\s*\d)*")


# An option's flag that it is right: {"text": "责任追究", "correct": true}, "isRight": 1, "answer": "Y",
# "is_true_answer": true, "isCorrectAnswer": 1
OPTION_FLAG = re.compile(
    r"(?:is[_-]?)?(?:(?:correct|right|true)(?:[_-]?(?:answer|option|choice))?|answer)", re.IGNORECASE
)
FLAG_SET = (True, 1, "1", "true", "True", "TRUE", "Y", "y", "yes")


def _keyed_by_flags(
    record: dict[str, object], binary_flags: frozenset[str] = frozenset()
) -> dict[str, object]:
    """A record whose options each carry a flag saying whether it is right: its key is the letters
    of those flagged (a flag beside the options, "correct": false, is the learner's result). The
    list is the options whatever its key calls it ("answers": [{"answer_text": …, "is_true_answer":
    true}, …], an exam platform's reply)."""
    for name, value in record.items():
        if not (isinstance(value, list) and len(value) >= 2 and all(isinstance(o, dict) for o in value)):
            continue
        flag_keys = [[k for k in o if OPTION_FLAG.fullmatch(str(k))] for o in value]
        if not all(flag_keys):
            flag_keys = [_flag_by_value(value) or [k for k in value[0] if k in binary_flags][:1]] * len(value)
        flags = [[o[k] for k in keys] for o, keys in zip(value, flag_keys, strict=True)]
        if all(len(flag) == 1 and isinstance(flag[0], bool | int | str) for flag in flags):
            marked = "".join(
                "ABCDEFGH"[i]
                for i, flag in enumerate(flags[:8])
                if flag[0] in FLAG_SET or flag[0] in YES_FLAGS
            )
            plain = {
                k: v
                for k, v in record.items()
                if k != name and not (isinstance(v, bool) and field_named(k) == "answer")
            }
            # (each option without its flag: "T" beside the option "X" is no text of it)
            unflagged = [
                {k: v for k, v in o.items() if k not in keys}
                for o, keys in zip(value, flag_keys, strict=True)
            ]
            # (none flagged: the options all the same, under the name the flagged ones have)
            return {**plain, FLAGGED_OPTIONS: unflagged, **({FLAGGED_KEY: marked} if marked else {})}
    return record


FLAGGED_OPTIONS, FLAGGED_KEY = "选项", "正确答案"
YES_FLAGS, NO_FLAGS = ("T", "t", "Y", "y"), ("F", "f", "N", "n")


def _flag_by_value(options: list[dict[str, object]]) -> list[str]:
    """ "answers": [{"type": "T", "content": …}, {"type": "F", …}]: a field of every option holding
    T or F (Y or N) alone, some set and some not, is its flag whatever its name ([key], or [])."""
    for key in options[0]:
        values = [v if isinstance(v := o.get(key), str) else "" for o in options]
        set_, unset = [v in YES_FLAGS for v in values], [v in NO_FLAGS for v in values]
        if all(a or b for a, b in zip(set_, unset, strict=True)) and any(set_) and any(unset):
            return [key]
    return []


def _binary_flags(records: list[dict[str, object]]) -> frozenset[str]:
    """ "items": [{"value": "1", "name": "攻击时"}, {"value": "0", …}]: a field every option of every
    record holds as 1 or 0 is each option's flag, whatever its name, once some record repeats a
    value in it (an option's id never repeats)."""
    lists = [
        v
        for record in records
        for v in record.values()
        if isinstance(v, list) and len(v) >= 2 and all(isinstance(o, dict) for o in v)
    ]
    if len(lists) < MIN_RECORDS:
        return frozenset()
    found = set()
    for key in lists[0][0]:
        values = [[str(o.get(key, "")) for o in options] for options in lists]
        if all(set(v) <= {"0", "1"} for v in values) and any(len(set(v)) < len(v) for v in values):
            found.add(key)
    return frozenset(found)


def _keyed_by_option_ids(record: dict[str, object]) -> dict[str, object]:
    """{"answerId": 3, "options": [{"id": 1, "value": …}, …]}: a key naming the right options by an
    id each option carries: the letters of those options."""
    listed = [
        v
        for v in record.values()
        if isinstance(v, list) and len(v) >= 2 and all(isinstance(o, dict) for o in v)
    ]
    if len(listed) != 1:
        return record
    options = listed[0][:8]
    for id_key in options[0]:
        ids = [o.get(id_key) for o in options]
        if not (
            ID_FIELD.fullmatch(str(id_key))
            and all(isinstance(i, int | str) for i in ids)
            and len(set(map(str, ids))) == len(ids)
        ):
            continue
        place = {str(i): n for n, i in enumerate(ids)}
        for name, key in record.items():
            named = [str(k) for k in (key if isinstance(key, list) else [key])]
            if (
                KEY_BY_ID.search(str(name))
                and named
                and all(k in place for k in named)
                and not isinstance(key, bool)
            ):
                letters = "".join(sorted("ABCDEFGH"[place[k]] for k in set(named)))
                return {**{k: v for k, v in record.items() if k != name}, FLAGGED_KEY: letters}
    return record


ID_FIELD = re.compile(r"id|_id|key|no|code|index", re.IGNORECASE)  # (an option's own name for itself)
KEY_BY_ID = re.compile(r"answer|correct|right", re.IGNORECASE)  # ("answerId", "correct_option_id")


def _coalesce(names: list[str], rows: list[list[str]]) -> None:
    """Two fields naming the key ("_RightAnswerIndex" for a multiple choice's list, "…IndexD" for
    the rest), each empty where the other is set: the first holds whichever a record fills."""
    for field in ("answer", "answer_index"):
        places = [place for place, name in enumerate(names) if field_named(name) == field]
        for cells in rows if len(places) > 1 else []:
            if not cells[places[0]] or cells[places[0]] == "[]":
                cells[places[0]] = next((cells[p] for p in places[1:] if cells[p]), cells[places[0]])


def _column_names(keys: list[str], rows: list[list[str]]) -> list[str]:
    """The keys as headers, read as an app names its fields: an unknown camelCase or snake_case
    key by its last word ("answerAnalysis" → "Analysis"); and, when no key names the options, the
    one whose values are lists of several texts ("questionItemList": [{"name": "山海关"}, …])."""
    names = [key if field_named(key) or names_an_option(key) else _last_word(key) for key in keys]
    names = [
        "answerIndex" if INDEX_KEY.search(key) else f"({key})" if LEARNER_KEY.match(key) else name
        for key, name in zip(keys, names, strict=True)
    ]
    names = [
        f"({key})" if field_named(name) == "number" and not _counts(rows, place) else name
        for place, (key, name) in enumerate(zip(keys, names, strict=True))
    ]  # ("topicId": "8a84d28c…", a database's key, is no question number)
    prose = _unnamed_prose(names, rows)
    for place, name in enumerate(names if prose else []):
        if field_named(name) == "stem" and _lists_in_every(rows, place):
            # "question": {"A": …, "B": …}: the options; the stem its namesake "questionStr", or
            # else the field of most text
            names[place] = "options"
            namesake = [p for p in prose if keys[p].startswith(keys[place])]
            if namesake:
                names[namesake[0]] = "stem"
    stems = [place for place, name in enumerate(names) if field_named(name) == "stem"]
    for place in stems if len(stems) > 1 else []:
        if not any(cells[place] for cells in rows):
            names[place] = f"({keys[place]})"  # "title" beside "text": "", the page's answer box: no stem
    for place, name in enumerate(names):
        if field_named(name) == "answer" and not any(cells[place] for cells in rows):
            # "answer": "" in every record, the learner's box a quiz page fills (its key "solution")
            names[place] = f"({keys[place]})"
    record = _record_name(keys)
    if record and not any(field_named(key) == "stem" for key in keys):
        # (its bare field is the text; "keywordsContent" beside it is no stem, whatever its last word)
        names = [
            "stem" if key == record else key if field_named(name) == "stem" else name
            for key, name in zip(keys, names, strict=True)
        ]
    fields = [field_named(name) for name in names]
    # ("answers": the choices, when another field is the key: "correctIndex", "rightAnswer")
    keyed = fields.count("answer") > 1 or "answer_index" in fields
    if "options" not in fields:
        for place, field in enumerate(fields):
            listed = [json_list(cells[place]) for cells in rows if cells[place]]
            unnamed = not field or (keyed and field == "answer")
            if unnamed and listed and _lists_options(listed, len(rows)) and not _letters_only(rows[0][place]):
                names[place] = "options"
                break
    return _key_field_named(_stem_field_named(names, rows), rows)


def _lists_in_every(rows: list[list[str]], place: int) -> bool:
    """Every record's field holds a list of several options, as no stem does."""
    listed = [json_list(cells[place]) for cells in rows]
    return all(listed) and _lists_options(listed, len(rows))


def _unnamed_prose(names: list[str], rows: list[list[str]]) -> list[int]:
    """The fields no name tells that hold text in nearly every record."""
    return [
        place
        for place, name in enumerate(names)
        if field_named(name) is None
        and sum(1 for cells in rows if _prose(cells[place])) >= LISTED * len(rows)
    ]


def _stem_field_named(names: list[str], rows: list[list[str]]) -> list[str]:
    """No field named as the stem ("info", an app's own word): the unnamed field holding text in
    nearly every record, the most of it, is each question's."""
    fields = [field_named(name) for name in names]
    if "stem" in fields:
        return names
    texts = {place: sum(len(cells[place]) for cells in rows) for place in _unnamed_prose(names, rows)}
    if not texts:
        return names
    place = max(texts, key=lambda p: texts[p])
    return [*names[:place], "stem", *names[place + 1 :]]


def _prose(cell: str) -> bool:
    return bool(cell) and not cell.startswith(("[", "{")) and rules.HAS_CJK.search(cell) is not None


def _key_field_named(names: list[str], rows: list[list[str]]) -> list[str]:
    """No field named as the answer: one whose value, in nearly every record with options, is
    letters ("value": "D", ["B", "C"]) or the right options' places ("solutions": [1], counted
    from 0 as code counts) is each question's key (an app's own word for it)."""
    fields = [field_named(name) for name in names]
    if "answer" in fields or "options" not in fields:
        return names
    at = fields.index("options")
    counted = [(cells, len(json_list(cells[at]) or [])) for cells in rows]
    choices = [(cells, options) for cells, options in counted if options >= 2]
    for place, field in enumerate(fields):
        keyed = sum(1 for cells, _ in choices if _letters_only(cells[place]))
        if field is None and choices and keyed >= LISTED * len(choices):
            return [*names[:place], "answer", *names[place + 1 :]]
    for place, field in enumerate(fields):
        placed = sum(1 for cells, options in choices if _places_of(cells[place], options))
        if field is None and choices and placed >= LISTED * len(choices):
            return [*names[:place], "answerIndex", *names[place + 1 :]]
    return names


def _places_of(cell: str, options: int) -> bool:
    """A list of option places from 0 ("[1]", "[0, 2]"), each within the options."""
    listed = json_list(cell) if cell.startswith("[") else None
    return listed is not None and bool(listed) and all(x.isdecimal() and int(x) < options for x in listed)


KEY_LETTERS = re.compile(r"[A-H]{1,8}")
# "userAnswer", "my_answer", "studentAnswer": what a learner answered on the platform, not the key
LEARNER_KEY = re.compile(r"_?(?:user|my|student|stu|learner)[_-]?answer", re.IGNORECASE)
# "correctIndex", "answer_index", "_RightAnswerIndexD": the key as the right option's index
INDEX_KEY = re.compile(r"(?:answer|right|correct)[_-]?index", re.IGNORECASE)


def _letters_only(cell: str) -> bool:
    listed = json_list(cell)
    return bool(KEY_LETTERS.fullmatch(cell) or (listed and all(KEY_LETTERS.fullmatch(x) for x in listed)))


LISTED = 0.8  # of the records, those whose field holds a list of options
CHOICES_SHARE = 0.25  # …or, in a bank of every type (open ones' lists empty), the choices among them


def _lists_options(listed: list[list[str] | None], records: int) -> bool:
    """Nearly every record lists several texts in the field; or every one holds a list, empty
    for its open questions ("chose": []), several texts in most of the rest."""
    if sum(bool(x and len(x) >= 2) for x in listed) >= LISTED * records:
        return True
    full = [x for x in listed if x]
    every_a_list = all(x is not None for x in listed)
    return (
        every_a_list
        and len(full) >= max(2, CHOICES_SHARE * records)
        and sum(len(x) >= 2 for x in full) >= LISTED * len(full)
    )


QUESTION_NUMBER = re.compile(r"\d{1,5}")


def _counts(rows: list[list[str]], place: int) -> bool:
    """The field holds question numbers: short counts, not a database's keys, and differing from
    record to record (not "basetypeId": "1", a type's code)."""
    values = [cells[place] for cells in rows if cells[place]]
    return all(map(QUESTION_NUMBER.fullmatch, values)) and len(set(values)) * 2 > len(values)


RECORD_PREFIX_MIN = 3
CAMEL_PREFIX = re.compile(r"^([a-z]+)[A-Z]")


def _record_name(keys: list[str]) -> str:
    """ "topic" among "topicId", "topicOption", "topicKey", "topic": the record's own name, which
    prefixes its fields; the bare field of that name holds the question's text."""
    prefixes = [m.group(1) for key in keys if (m := CAMEL_PREFIX.match(key))]
    for prefix in dict.fromkeys(prefixes):  # (in the keys' order: a set's varies by process)
        if prefixes.count(prefix) >= RECORD_PREFIX_MIN and prefix in keys:
            return prefix
    return ""


WORD_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z])|[_\-]+")


def _last_word(key: str) -> str:
    words = [word for word in WORD_BOUNDARY.split(key) if word]  # ("_Title": a private field's name)
    if len(words) > 1 and OPTION_LETTER.fullmatch(words[-1]):
        return words[-1]  # "quA", "optB": the record's prefix, then the option's letter
    return words[-1] if words and field_named(words[-1]) else key


OPTION_LETTER = re.compile(r"[A-H]")


def _document_records(
    lines: list[Line], script: bool, notes: list[str]
) -> list[tuple[int, dict[str, object]]]:
    """A whole document that is a list of objects, or an object holding one such list (or a web
    quiz's script assigning one: 'var exam=[{id:1, question:"…"}, …]'). A document cut short
    inside its list gives the records complete before the cut, and a note saying so."""
    first = next((line.text.lstrip() for line in lines if line.text.strip()), "")
    if not first.startswith(("[", "{")):
        return _script_records(lines, notes) if script or JS_OPENING.match(first) else []
    text = "\n".join(line.text for line in lines)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        # (cut short: the decoder ran out of text, or a string never closed)
        ran_out = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
        cut = closed_before_cut(text) if ran_out else None
        if cut is None:
            return _without_trailing_commas(text, lines)
        closed, end = cut
        try:
            value = json.loads(closed)
        except (ValueError, RecursionError):
            return []
        records = _records_of(value, lines)
        if records:
            last = text.count("\n", 0, end) + 1
            notes.append(f"the file stops inside its list of records: read those complete up to line {last}")
        return records
    except (ValueError, RecursionError):  # (nested deeper than any bank: read as text)
        return []
    return _questions_to_keys(value, lines) or _records_of(value, lines)


def _without_trailing_commas(text: str, lines: list[Line]) -> list[tuple[int, dict[str, object]]]:
    """ "…": "风险管控、修复",\n}: a bank edited by hand, a comma left after its last entry (as
    JavaScript allows); read without it. Anything else that is not JSON is read as text."""
    try:
        value = json.loads(TRAILING_COMMA.sub(r"\1", text))
    except (ValueError, RecursionError):
        return []
    return _questions_to_keys(value, lines) or _records_of(value, lines)


TRAILING_COMMA = re.compile(r",(\s*[}\]])")


def _questions_to_keys(value: object, lines: list[Line]) -> list[tuple[int, dict[str, object]]]:
    """{"71. 水泥杆堆放时，不超过（）层 (单选题)\nA. 2\nB. 3": "A", …}: an object mapping each
    question (its options printed in it) to its short key, as a quiz page loads its bank. Each
    entry is a question, placed at the line its text opens."""
    if not (isinstance(value, dict) and len(value) >= MIN_RECORDS):
        return []
    entries = list(value.items())
    # (a key names an option in letters, or in the option's own words printed in its question)
    short_keys = all(isinstance(v, str) and (len(v) <= KEY_MAX or v in k) for k, v in entries)
    asking = sum(1 for k, _ in entries if len(k) >= STEM_MIN and rules.HAS_CJK.search(k))
    if not short_keys or asking < ASKING_SHARE * len(entries):
        return []
    openings = [line.lineno for line in lines if line.text.lstrip()[:1] == '"']
    placed = openings if len(openings) == len(entries) else [lines[0].lineno] * len(entries)
    return [(at, {QUESTION_FIELD: k, FLAGGED_KEY: v}) for at, (k, v) in zip(placed, entries, strict=True)]


def _positional_records(value: object) -> object:
    """[["有限空间作业应（ ）", "先通风", "先作业", "", 1, "解析", 3101], …]: a quiz script's rows
    without field names, each its question's text, its options (empty ones unused), the right
    option's place from 1, then its explanation (and the row's id). As records; else as it was."""
    if not (isinstance(value, list) and len(value) >= MIN_RECORDS):
        return value
    records = [record for row in value if (record := _positional_record(row)) is not None]
    return records if len(records) >= LISTED * len(value) else value


def _positional_record(row: object) -> dict[str, object] | None:
    if not (isinstance(row, list) and row and isinstance(row[0], str) and rules.HAS_CJK.search(row[0])):
        return None
    at = next((i for i, cell in enumerate(row) if isinstance(cell, int) and not isinstance(cell, bool)), None)
    if at is None or at < 3 or not all(isinstance(cell, str) for cell in row[1:at]):
        return None
    options, place = [str(cell) for cell in row[1:at]], int(row[at])
    if not 1 <= place <= min(len(options), len(LETTERS)) or not options[place - 1].strip():
        return None
    after = row[at + 1] if at + 1 < len(row) and isinstance(row[at + 1], str) else ""
    used = [option for option in options if option.strip()]
    key = LETTERS[sum(1 for option in options[: place - 1] if option.strip())]  # (among those used)
    return {QUESTION_FIELD: row[0], FLAGGED_OPTIONS: used, FLAGGED_KEY: key, "解析": after}


LETTERS = "ABCDEFGH"


KEY_MAX = 20  # characters: "A", "A,B,D,E", "正确"; longer values are texts, not keys
STEM_MIN = 6  # characters: a question's text, not a field's name ("id", "title")
ASKING_SHARE = 0.8
QUESTION_FIELD = "题目"


CUT_MAX = 5_000_000  # characters: a document cut short is scanned for its last record only this far


def closed_before_cut(text: str) -> tuple[str, int] | None:
    """'[{…}, {…}, {"id": 3, "que' (a download or a copy cut short): the text up to the last
    object closed inside a list, with the brackets still open closed after it, and where that
    object ends; None if none."""
    if len(text) > CUT_MAX:
        return None
    opened: list[str] = []
    last: tuple[int, str] | None = None
    in_string = escaped = False
    for at, ch in enumerate(text):
        if in_string:
            in_string, escaped = (True, False) if escaped else (ch != '"', ch == "\\")
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            opened.append(ch)
        elif ch in "]}":
            if not opened:
                return None
            opened.pop()
            if ch == "}" and opened and opened[-1] == "[":
                last = (at + 1, "".join(opened))
    if last is None:
        return None
    end, still_open = last
    return text[:end] + "".join("]" if ch == "[" else "}" for ch in reversed(still_open)), end


# A web quiz's data file: "var exam=[…]", "export const questions = {…}", "export default […]",
# "window.QUESTIONS = […]" (module.exports too: a property assigned)
JS_OPENING = re.compile(r"(?:var|let|const|export|module\.exports)\b")
JS_DATA = re.compile(
    r"^\s*(?:(?:export\s+)?(?:var|let|const)\s+[\w$]+\s*=|export\s+default|[\w$]+(?:\.[\w$]+)+\s*=)\s*(?=[\[{])",
    re.M,
)
# What may follow the data a script assigns: the name exported ("export default TEST").
EXPORTED_AFTER = re.compile(r"\s*;?\s*(?:(?:export\s+default|module\.exports\s*=)\s*[\w$]+\s*;?\s*)?")
# json5 reads any object literal, but in pure Python (a megabyte takes ~15 s): the usual ones
# (keys unquoted, strings in single quotes, trailing commas) are rewritten as JSON and read by
# json; json5 reads what is left only at a small quiz's size.
JSON5_MAX = 200_000
# In a literal: a string in double quotes (kept), one in single quotes, a bare key, a trailing
# comma or one doubled ("},,{": a hole in a list, which JavaScript allows), a template string in
# backquotes (a question's lines, "stem <br>A.… <br>B.…"; none that interpolates "${…}": that is
# code), a comment ("// ==== 概述 ====" over a chapter's records: dropped)
LITERAL_PART = re.compile(
    r'("(?:[^"\\\n]|\\.)*")|\'((?:[^\'\\\n]|\\.)*)\'|(?<=[{,\s])([A-Za-z_$][\w$]*)(?=\s*:)|,(?=\s*[}\],])'
    r"|`((?:[^`\\$]|\\.|\$(?!\{))*)`|//[^\n]*|/\*[\s\S]*?\*/"
    r"|(?<![\w$.])(True|False|None)(?![\w$])"  # (Python's constants: a .py file's data)
)
PYTHON_CONSTANTS = {"True": "true", "False": "false", "None": "null"}


def _script_records(lines: list[Line], notes: list[str]) -> list[tuple[int, dict[str, object]]]:
    """The records of the list or object a script assigns (the statements before it, such as
    'var examName="…";', skipped) when it is data alone to the end of the file (or cut short in
    it: those complete before the cut); else those of the lists of questions its code holds.
    Each with its line (found from where its list opens)."""
    text = "\n".join(line.text for line in lines)
    found = JS_DATA.search(text)
    assigned = _assigned_records(lines, text, found.end(), notes) if found is not None else None
    if assigned is not None:
        return assigned
    lists = list(_lists_in_code(text))
    if not lists:
        return []
    # ("const level0 = […]" "const level1 = […]": a list a level, its records of one shape; the
    # shape most records have picks them, a list of something else beside them is left out)
    shapes = Counter[frozenset[str]]()
    for _, records in lists:
        shapes[frozenset(records[0])] += len(records)
    shape = shapes.most_common(1)[0][0]
    alike = [(start, records) for start, records in lists if _alike(records[0], shape)]
    return [
        pair for start, records in alike for pair in _records_of(records, _lines_from(lines, text, start))
    ]


def _alike(record: dict[str, object], shape: frozenset[str]) -> bool:
    """Of the shape, or naming its text and its key by the same fields (a fill's record beside the
    choices' records, only without their options)."""
    named = {key for key in shape if field_named(_last_word(key)) in ("stem", "answer", "answer_index")}
    return set(record) == shape or (_names_a_stem(record) and _names_a_key(record) and named <= set(record))


def _assigned_records(
    lines: list[Line], text: str, start: int, notes: list[str]
) -> list[tuple[int, dict[str, object]]] | None:
    """The records of the literal a script assigns at `start`, when it is data alone to the end
    of the file (or to the name it exports), or cut short in it (those complete before the cut,
    and a note); None when it is neither."""
    literal = text[start:].rstrip().rstrip(";").rstrip()
    # (an open literal is walked for its end, or its cut, up to a size; a bigger one only in code)
    open_ended = not literal.endswith(("]", "}")) and len(literal) <= CUT_MAX
    end = _literal_end(text, start) if open_ended else None
    if end is not None and EXPORTED_AFTER.fullmatch(text, end):
        literal = text[start:end]  # "const TEST = {…};" then "export default TEST"
    value = _literal_value(literal) if literal.endswith(("]", "}")) else None
    if value is not None:
        return _records_of(value, _lines_from(lines, text, start))
    cut = closed_before_cut(LITERAL_PART.sub(_as_json, literal)) if open_ended else None
    before_cut = _records_of(_literal_value(cut[0]), _lines_from(lines, text, start)) if cut else []
    if before_cut:
        notes.append("the script stops inside its list of records: read those complete before the cut")
        return before_cut
    return None


def _literal_value(literal: str) -> object | None:
    value: object
    try:
        value = json.loads(LITERAL_PART.sub(_as_json, literal))
    except (ValueError, RecursionError):
        if len(literal) > JSON5_MAX:
            return None
        try:
            value = json5.loads(literal)
        except (ValueError, RecursionError):
            return None
    return value


# The data may sit inside code ('Page({ data: { questions: [{…}] }, onLoad() {…} })', a mini
# program's page) or before it ('var data = [{…}]; $(function () {…})'): each list of objects in
# the script is read as a literal of its own, up to its closing bracket.
LIST_OF_OBJECTS = re.compile(r"\[(?:\s|//[^\n]*)*\{")  # (a comment may head its records)
# What the walk to a literal's end steps over: strings, template strings and comments (an open
# one runs to the end: never searched again from each of its characters), and the brackets.
SCRIPT_TOKEN = re.compile(
    r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`(?:[^`\\]|\\.)*(?:`|\Z)|//[^\n]*|/\*[\s\S]*?(?:\*/|\Z)|[\[\]{}]'
)
MAX_LISTS = 50  # lists of objects tried in vain in one script (a page's code may build a few of its own)
MAX_WALKS = 3  # …and the script's length walked, in all: lists that fail inside lists are walked again


def _lists_in_code(text: str) -> Iterator[tuple[int, list[dict[str, object]]]]:
    """Each list of question records the script holds, with where it opens."""
    after = tried = walked = 0
    for m in LIST_OF_OBJECTS.finditer(text):
        if m.start() < after:
            continue  # (a list inside one already read)
        end = _literal_end(text, m.start())
        if end is None or tried >= MAX_LISTS or walked > MAX_WALKS * len(text):
            return
        walked += end - m.start()
        value = _literal_value(text[m.start() : end])
        if _is_records(value) and _a_question(value[0]):
            after = end
            yield m.start(), value
        else:
            tried += 1


def _literal_end(text: str, start: int) -> int | None:
    """Where the literal opening at `start` closes (None when it never does)."""
    depth = 0
    for token in SCRIPT_TOKEN.finditer(text, start):
        mark = token.group()
        if mark in "[{":
            depth += 1
        elif mark in "]}":
            depth -= 1
            if depth == 0:
                return token.end()
    return None


def _lines_from(lines: list[Line], text: str, start: int) -> list[Line]:
    """The script's lines from `start` on, the first cut there (a literal's records are found
    by their depth in it)."""
    row = text.count("\n", 0, start)
    cut = start - (text.rfind("\n", 0, start) + 1)
    return [Line(text=lines[row].text[cut:], lineno=lines[row].lineno), *lines[row + 1 :]]


def _as_json(m: re.Match[str]) -> str:
    if m.group(1):
        return m.group(1)
    if m.group(2) is not None:
        return json.dumps(m.group(2).replace("\\'", "'"), ensure_ascii=False)
    if m.group(3):
        return f'"{m.group(3)}"'
    if m.group(4) is not None:
        return json.dumps(TEMPLATE_ESCAPE.sub(r"\1", m.group(4)), ensure_ascii=False)
    if m.group(5):
        return PYTHON_CONSTANTS[m.group(5)]
    return ""  # (a trailing comma, a comment)


TEMPLATE_ESCAPE = re.compile(r"\\([`$\\])")  # "\`" in a template string is a backquote


def _records_of(value: object, lines: list[Line]) -> list[tuple[int, dict[str, object]]]:
    rows = _positional_records(value)
    opener = "{" if rows is value else "["  # (the bracket each record opens with in the text)
    value = rows
    # a record's "{" opens inside the list: depth 2, or one deeper per key it sits under
    # (a paper's "materials" beside its questions are the texts they ask on, never questions)
    found = [
        entry for entry in _record_lists(value, depth=2, key="") if not MATERIALS_KEY.fullmatch(entry[2])
    ]
    asking = [(records, depth, key) for records, depth, key in found if _names_a_stem(records[0])]
    keyed = [(records, depth, key) for records, depth, key in found if _names_a_key(records[0])]
    if keyed and not any(_names_a_key(records[0]) for records, _, _ in asking):
        found = keyed  # (the questions keyed by name, their text's field named otherwise; beside them
        # a quiz's levels, each with a "title" and no key)
    else:
        found = asking or found  # (the questions, not a list of tags beside them)
    least = min((depth for _, depth, _ in found), default=0)
    shallowest = [(records, key) for records, depth, key in found if depth == least]
    kinds = [_kind_of_key(key) for _, key in shallowest]
    starts: list[int] | None = None  # (the lines the records open on, when found on the way)
    if len(shallowest) > 1 and all(kinds):
        # {"judgeQuestions": […], "singleQuestions": […]}: a list per type, the key naming it
        value = [
            {**record, TYPE_FIELD: kind}
            for (records, _), kind in zip(shallowest, kinds, strict=True)
            for record in records
        ]
    elif len(shallowest) == 1 and (grouped := _grouped(shallowest[0][0])):
        value, starts = grouped, _grouped_starts(lines, least, len(grouped))
    elif (
        len(shallowest) == 1
        or len({frozenset(records[0]) for records, _ in shallowest}) == 1
        or all(_names_a_stem(records[0]) and _names_a_key(records[0]) for records, _ in shallowest)
    ):
        # ({"dw": […], "ag": […]}: a bank per topic under the app's own keys, its records of one
        # shape; {"objective": […], "subjective": […]}: questions of other shapes, each keyed)
        value = [record for records, _ in shallowest for record in records]
    else:
        return []
    if starts is None:
        starts = list(_record_lines(lines, least, opener))
    return [(starts[i] if i < len(starts) else lines[0].lineno, item) for i, item in enumerate(value)]


MATERIALS_KEY = re.compile(r"(?:materials?|passages?|材料|资料|给定资料|阅读材料)(?:_?list)?", re.IGNORECASE)


def _grouped(groups: list[dict[str, object]], depth: int = 1) -> list[dict[str, object]] | None:
    """[{"description": "单选题每题两分", "questions": […]}, …]: an exam system's groups, each naming
    its type and holding its questions: the questions, each typed by its group (None when the
    list is no such groups). A group may hold a list per type ({"name": "导论", "single_choice":
    […], "true_false": […]}, a chapter): each list's questions typed by its key."""
    fields = {field_named(_last_word(key)) for key in groups[0]}
    if "stem" in fields and (not _group_kind(groups[0]) or fields & {"answer", "options"}):
        return None  # (a question, perhaps holding sub-questions or typed: not a group naming its type)
    if {"options", "answer"} <= fields:
        return None  # (a question whose text's field has a name of its own, its options' records in it)
    inner = [key for key, value in groups[0].items() if _is_records(value) and _names_a_stem(value[0])]
    if not inner and depth < GROUP_DEPTH:
        # (a paper's parts holding items that hold questions: an exam system's export)
        inner = [key for key, value in groups[0].items() if _is_records(value) and _grouped(value, depth + 1)]
    if not inner:
        return None
    records: list[dict[str, object]] = []
    for group in groups:
        if not _is_records(group.get(inner[0])):
            return None
        for key in inner:
            questions = group.get(key)
            if _is_records(questions) and not _names_a_stem(questions[0]):
                questions = _grouped(questions, depth + 1) or []
            kind = (_kind_of_key(key) if len(inner) > 1 else "") or _group_kind(group)
            if _is_records(questions):
                records.extend(
                    {**record, TYPE_FIELD: kind} if kind and TYPE_FIELD not in record else record
                    for record in questions
                )
    return records


GROUP_DEPTH = 2  # groups in groups: a paper's parts, their items, the items' questions


def _grouped_starts(lines: list[Line], least: int, records: int) -> list[int]:
    """The lines the grouped records open on: two deeper than their groups per level of groups (a
    part's chapters' questions four deeper), the first depth opening as many objects."""
    found: list[int] = []
    for depth in range(least + 2, least + 2 * GROUP_DEPTH + 1, 2):
        starts = list(_record_lines(lines, depth))
        if len(starts) >= records:
            return starts
        found = found or starts  # (else those two deeper, as one level of groups puts them)
    return found


def _group_kind(group: dict[str, object]) -> str:
    return next((k for value in group.values() if isinstance(value, str) and (k := kind_named(value))), "")


def _is_records(value: object) -> TypeGuard[list[dict[str, object]]]:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


ENVELOPE_DEPTH = 3  # {"data": {"list": [...]}}: an API's reply around the records, two keys deep


def _record_lists(value: object, depth: int, key: str) -> Iterator[tuple[list[dict[str, object]], int, str]]:
    """The lists of records in `value` (with the key each sits under): itself, or under the keys
    of the objects wrapping it."""
    if isinstance(value, list):
        if value and all(isinstance(item, dict) for item in value):
            yield value, depth, key
        elif value and all(_is_records(item) for item in value):
            # [[{…}, {…}], [{…}]]: a quiz's levels, each a bare list of its questions (one deeper)
            yield [record for item in value for record in item], depth + 1, key
    elif isinstance(value, dict) and depth <= ENVELOPE_DEPTH:
        for name, inner in value.items():
            yield from _record_lists(inner, depth + 1, str(name))


TYPE_FIELD = "题型"


def _kind_of_key(key: str) -> str:
    """ "judgeQuestions", "single_list", "单选题": the type a list's key names ("" when none)."""
    first = re.split(r"(?<=[a-z])(?=[A-Z])|_|-", key)[0]
    return kind_named(key) or kind_named(first) or KEY_TYPES.get(first.lower(), "")


KEY_TYPES = {"multi": "multiple", "choice": "single", "blank": "fill"}


def _names_a_stem(record: dict[str, object]) -> bool:
    return any(field_named(_last_word(key)) == "stem" for key in record)


def _names_a_key(record: dict[str, object]) -> bool:
    return any(field_named(_last_word(key)) in ("answer", "answer_index") for key in record)


def _a_question(record: dict[str, object]) -> bool:
    """A record naming its text, or its options and its key ("fldName" beside "rightAnswer" and
    "QuestionOptionList": the text's field told by its content), not one of its options' records."""
    fields = {field_named(_last_word(key)) for key in record}
    return "stem" in fields or {"options", "answer"} <= fields


def _record_lines(lines: list[Line], depth_of_records: int, opener: str = "{") -> Iterator[int]:
    """The line each record opens on: where a "{" (or a row's "[") opens at the records' depth."""
    depth, in_string, escaped = 0, False, False
    for line in lines:
        for ch in line.text:
            if in_string:
                if escaped:
                    escaped = False
                elif ch == "\\":
                    escaped = True
                elif ch == '"':
                    in_string = False
                continue
            if ch == '"':
                in_string = True
            elif ch in "[{":
                depth += 1
                if ch == opener and depth == depth_of_records:
                    yield line.lineno
            elif ch in "]}":
                depth -= 1


def _line_records(lines: list[Line]) -> list[tuple[int, dict[str, object]]]:
    """JSON Lines: nearly every non-blank line one object."""
    texts = [line for line in lines if line.text.strip()]
    if not texts or not texts[0].text.lstrip().startswith("{"):
        return []
    records: list[tuple[int, dict[str, object]]] = []
    for line in texts:
        try:
            value = json.loads(line.text)
        except (ValueError, RecursionError):
            continue
        if isinstance(value, dict):
            records.append((line.lineno, value))
    return records if len(records) >= RECORD_SHARE * len(texts) else []


def _cell(value: object) -> str:
    """A field's text: a value as a spreadsheet cell holding it reads; a list or an object as JSON."""
    if not isinstance(value, list | dict):
        return cell_text(value)  # (true/false as 对/错, 3.0 as 3)
    if isinstance(value, dict) and value and all(LETTER_KEY.fullmatch(str(key)) for key in value):
        value = [value[key] for key in sorted(value, key=str.upper)]  # {"A": "甲", "B": "乙"}: options
    return json.dumps(value, ensure_ascii=False)


LETTER_KEY = re.compile(r"[A-Ha-h]")
