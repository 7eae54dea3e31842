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
from collections.abc import Iterator
from typing import TypeGuard

import json5

from .model import Line
from .sheet_bank import field_named, json_list, kind_named
from .workbook import Row, Sheet, cell_text

MIN_RECORDS = 2
RECORD_SHARE = 0.9  # of a JSON Lines file's non-blank lines, those that are records


def json_sheet(lines: list[Line], script: bool = False) -> Sheet | None:
    """The records as a sheet (header row first), or None when the text is not records. A
    `script` (a .js file) may hold them anywhere in its code."""
    records = _document_records(lines, script) or _line_records(lines)
    if len(records) < MIN_RECORDS:
        return None
    keys = list(dict.fromkeys(key for _, record in records for key in record))
    rows: list[Row] = [(lineno, [_cell(record.get(key)) for key in keys]) for lineno, record in records]
    names = _column_names(keys, [cells for _, cells in rows])
    header: Row = (records[0][0] - 1, names)  # (a row before the first record's: rows are read after it)
    return Sheet("", [header, *rows])


def _column_names(keys: list[str], rows: list[list[str]]) -> list[str]:
    """The keys as headers, read as an app names its fields: an unknown camelCase or snake_case
    key by its last word ("answerAnalysis" → "Analysis"); and, when no key names the options, the
    one whose values are lists of several texts ("questionItemList": [{"name": "山海关"}, …])."""
    names = [key if field_named(key) else _last_word(key) for key in keys]
    names = [
        key if field_named(name) == "number" and not _counts(rows, place) else name
        for place, (key, name) in enumerate(zip(keys, names, strict=True))
    ]  # ("topicId": "8a84d28c…", a database's key, is no question number)
    stems = [place for place, name in enumerate(names) if field_named(name) == "stem"]
    for place in stems if len(stems) > 1 else []:
        if not any(cells[place] for cells in rows):
            names[place] = f"({keys[place]})"  # "title" beside "text": "", the page's answer box: no stem
    record = _record_name(keys)
    if record and not any(field_named(key) == "stem" for key in keys):
        # (its bare field is the text; "keywordsContent" beside it is no stem, whatever its last word)
        names = [
            "stem" if key == record else key if field_named(name) == "stem" else name
            for key, name in zip(keys, names, strict=True)
        ]
    if "options" not in {field_named(name) for name in names}:
        for place, name in enumerate(names):
            listed = [json_list(cells[place]) for cells in rows if cells[place]]
            if not field_named(name) and listed and _lists_options(listed, len(rows)):
                names[place] = "options"
                break
    return _key_field_named(names, rows)


def _key_field_named(names: list[str], rows: list[list[str]]) -> list[str]:
    """No field named as the answer: one whose value, in nearly every record with options, is
    letters ("value": "D", ["B", "C"]) is each question's key (an app's own word for it)."""
    fields = [field_named(name) for name in names]
    if "answer" in fields or "options" not in fields:
        return names
    at = fields.index("options")
    choices = [cells for cells in rows if len(json_list(cells[at]) or []) >= 2]
    for place, field in enumerate(fields):
        keyed = sum(1 for cells in choices if _letters_only(cells[place]))
        if field is None and choices and keyed >= LISTED * len(choices):
            return [*names[:place], "answer", *names[place + 1 :]]
    return names


KEY_LETTERS = re.compile(r"[A-H]{1,8}")


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
    for prefix in set(prefixes):
        if prefixes.count(prefix) >= RECORD_PREFIX_MIN and prefix in keys:
            return prefix
    return ""


WORD_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z])|[_\-]+")


def _last_word(key: str) -> str:
    words = [word for word in WORD_BOUNDARY.split(key) if word]
    return words[-1] if len(words) > 1 and field_named(words[-1]) else key


def _document_records(lines: list[Line], script: bool) -> list[tuple[int, dict[str, object]]]:
    """A whole document that is a list of objects, or an object holding one such list (or a web
    quiz's script assigning one: 'var exam=[{id:1, question:"…"}, …]')."""
    first = next((line.text.lstrip() for line in lines if line.text.strip()), "")
    if not first.startswith(("[", "{")):
        found = _script_data(lines) if script or JS_OPENING.match(first) else None
        return _records_of(found[0], found[1]) if found is not None else []
    text = "\n".join(line.text for line in lines)
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):  # (not JSON, or nested deeper than any bank: read as text)
        return []
    return _records_of(value, lines)


# A web quiz's data file: "var exam=[…]", "const questions = {…}", "export default […]"
JS_OPENING = re.compile(r"(?:var|let|const|export|module\.exports)\b")
JS_DATA = re.compile(
    r"^\s*(?:(?:var|let|const)\s+[\w$]+\s*=|export\s+default|module\.exports\s*=)\s*(?=[\[{])", re.M
)
# json5 reads any object literal, but in pure Python (a megabyte takes ~15 s): the usual ones
# (keys unquoted, strings in single quotes, trailing commas) are rewritten as JSON and read by
# json; json5 reads what is left only at a small quiz's size.
JSON5_MAX = 200_000
# In a literal: a string in double quotes (kept), one in single quotes, a bare key, a trailing
# comma, a template string in backquotes (a question's lines, "stem <br>A.… <br>B.…"; none that
# interpolates "${…}": that is code)
LITERAL_PART = re.compile(
    r'("(?:[^"\\\n]|\\.)*")|\'((?:[^\'\\\n]|\\.)*)\'|(?<=[{,\s])([A-Za-z_$][\w$]*)(?=\s*:)|,(?=\s*[}\]])'
    r"|`((?:[^`\\$]|\\.|\$(?!\{))*)`"
)


def _script_data(lines: list[Line]) -> tuple[object, list[Line]] | None:
    """The list or object a script assigns (the statements before it, such as 'var examName=
    "…";', skipped) when it is data alone to the end of the file; else the lists of questions
    its code holds. With the lines from where the data opens (where its records are found)."""
    text = "\n".join(line.text for line in lines)
    found = JS_DATA.search(text)
    literal = text[found.end() :].rstrip().rstrip(";").rstrip() if found else ""
    value = _literal_value(literal) if literal.endswith(("]", "}")) else None
    if found is not None and value is not None:
        return value, _lines_from(lines, text, found.end())
    lists = list(_lists_in_code(text))
    if not lists:
        return None
    # ("const level0 = […]" "const level1 = […]": a list a level, its records of one shape; the
    # longest list's shape picks them, a list of something else beside them is left out)
    shape = set(max(lists, key=lambda found: len(found[1]))[1][0])
    alike = [(start, records) for start, records in lists if set(records[0]) == shape]
    return [record for _, records in alike for record in records], _lines_from(lines, text, alike[0][0])


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
LIST_OF_OBJECTS = re.compile(r"\[\s*\{")
# What the walk to a literal's end steps over: strings, template strings and comments (an open
# one runs to the end: never searched again from each of its characters), and the brackets.
SCRIPT_TOKEN = re.compile(
    r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`(?:[^`\\]|\\.)*(?:`|\Z)|//[^\n]*|/\*[\s\S]*?(?:\*/|\Z)|[\[\]{}]'
)
MAX_LISTS = 50  # lists of objects tried in one script (a page's code may build a few of its own)
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
        tried, walked = tried + 1, walked + end - m.start()
        value = _literal_value(text[m.start() : end])
        if _is_records(value) and _names_a_stem(value[0]):
            after = end
            yield m.start(), value


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
    return ""  # (a trailing comma)


TEMPLATE_ESCAPE = re.compile(r"\\([`$\\])")  # "\`" in a template string is a backquote


def _records_of(value: object, lines: list[Line]) -> list[tuple[int, dict[str, object]]]:
    # a record's "{" opens inside the list: depth 2, or one deeper per key it sits under
    found = list(_record_lists(value, depth=2, key=""))
    asking = [(records, depth, key) for records, depth, key in found if _names_a_stem(records[0])]
    found = asking or found  # (the questions, not a list of tags beside them)
    least = min((depth for _, depth, _ in found), default=0)
    shallowest = [(records, key) for records, depth, key in found if depth == least]
    kinds = [_kind_of_key(key) for _, key in shallowest]
    if len(shallowest) > 1 and all(kinds):
        # {"judgeQuestions": […], "singleQuestions": […]}: a list per type, the key naming it
        value = [
            {**record, TYPE_FIELD: kind}
            for (records, _), kind in zip(shallowest, kinds, strict=True)
            for record in records
        ]
    elif len(shallowest) == 1 and (grouped := _grouped(shallowest[0][0])):
        value, least = grouped, least + 2  # (each record two deeper: in its group's list)
    elif len(shallowest) == 1:
        value = shallowest[0][0]
    else:
        return []
    starts = list(_record_lines(lines, least))
    return [(starts[i] if i < len(starts) else lines[0].lineno, item) for i, item in enumerate(value)]


def _grouped(groups: list[dict[str, object]]) -> list[dict[str, object]] | None:
    """[{"description": "单选题每题两分", "questions": […]}, …]: an exam system's groups, each naming
    its type and holding its questions: the questions, each typed by its group (None when the
    list is no such groups)."""
    if _names_a_stem(groups[0]):
        return None
    inner = next(
        (key for key, value in groups[0].items() if _is_records(value) and _names_a_stem(value[0])), None
    )
    if inner is None:
        return None
    records: list[dict[str, object]] = []
    for group in groups:
        questions = group.get(inner)
        if not _is_records(questions):
            return None
        kind = next(
            (k for value in group.values() if isinstance(value, str) and (k := kind_named(value))), ""
        )
        records.extend({**record, TYPE_FIELD: kind} if kind else record for record in questions)
    return records


def _is_records(value: object) -> TypeGuard[list[dict[str, object]]]:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


ENVELOPE_DEPTH = 3  # {"data": {"list": [...]}}: an API's reply around the records, two keys deep


def _record_lists(value: object, depth: int, key: str) -> Iterator[tuple[list[dict[str, object]], int, str]]:
    """The lists of records in `value` (with the key each sits under): itself, or under the keys
    of the objects wrapping it."""
    if isinstance(value, list):
        if value and all(isinstance(item, dict) for item in value):
            yield value, depth, key
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


def _record_lines(lines: list[Line], depth_of_records: int) -> Iterator[int]:
    """The line each record opens on: where a "{" opens at the records' depth."""
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
                if ch == "{" and depth == depth_of_records:
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
