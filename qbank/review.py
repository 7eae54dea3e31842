"""Why a question waits for review: the warnings stored on it, how they read on a page, and
which of them a key settles.

Warnings are stored in the importer's English wording (questions keep them across language
switches); warning_label shows them in the interface language.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

# The parser's wording (importers.pipeline.classify.NO_ANSWER; the pipeline imports no Django).
NO_ANSWER = "no answer found"
TYPE_GUESSED = "type guessed"
OPTIONS_NOT_PRINTED = "only the chosen option was printed"
NO_OPTIONS = "no options were printed, only the key"
LONE_OPTION = "only one option was read"
UNPLACED_LINES = "lines under the options were kept in the explanation"
ANSWER_DROPPED = re.compile(
    r"^answer (?P<answer>.+) does not fit a (?P<type>\w+) question with (?P<options>\d+) options$"
)

# The rest of the parser's fixed wording (importers.pipeline.coverage, .parse): the tests check
# that every constant the pipeline can store has a label here.
RUN_TOGETHER = "several questions run together"
OVERLONG = "much longer than the other questions"
SURVEY_NOTE = "nothing is numbered: read as a questionnaire export, every type is a guess"

WARNING_LABELS = {
    NO_ANSWER: _("未找到答案"),
    TYPE_GUESSED: _("题型为推测"),
    OPTIONS_NOT_PRINTED: _("原卷只印了正确选项,请补全其他选项"),
    NO_OPTIONS: _("原卷没有印选项,只有答案,请补全选项"),
    LONE_OPTION: _("只读到一个选项,请检查其他选项"),
    UNPLACED_LINES: _("选项下方有未归类的文字,已放入解析"),
    RUN_TOGETHER: _("可能是几道题连在了一起"),
    OVERLONG: _("比其他题目长得多,请检查是否混入了别的内容"),
    SURVEY_NOTE: _("没有题号:按问卷导出读取,题型均为推测"),
}
# Warnings that carry numbers, from the parser, the spreadsheet reader and the importer.
NUMBERED_WARNINGS = [
    (
        re.compile(r"^possible duplicate of the question at line (?P<line>\d+)$"),
        _("可能与第 %(line)s 行的题目重复"),
    ),
    (
        re.compile(r"^(?P<answers>\d+) answer\(s\) for (?P<blanks>\d+) blank\(s\)$"),
        _("题干有 %(blanks)s 个空,答案有 %(answers)s 项"),
    ),
    (ANSWER_DROPPED, _("原答案 %(answer)s 与 %(options)s 个选项不符,已舍弃")),
    (re.compile(r"^answer (?P<answer>.+) is not an option letter$"), _("答案 %(answer)s 不是选项字母")),
    (
        re.compile(r"^picture (?P<path>.+) was not uploaded with the paper$"),  # (pipeline.linked_pictures)
        _("题中引用的图片 %(path)s 没有随试卷上传,学员看不到它:请改写题目,或导入带图的 Word 版"),
    ),
]


def answer_dropped(*, answer: object, type: str, option_count: int) -> str:
    """The warning a question keeps when the importer dropped an answer that did not fit."""
    return f"answer {answer!r} does not fit a {type} question with {option_count} options"


def is_key_warning(warning: str) -> bool:
    """A warning about the missing key only: answering the question settles it."""
    return warning == NO_ANSWER or ANSWER_DROPPED.match(warning) is not None


def warning_label(warning: str) -> str:
    if warning in WARNING_LABELS:
        return str(WARNING_LABELS[warning])
    for pattern, label in NUMBERED_WARNINGS:
        found = pattern.match(warning)
        if found:
            return str(label) % found.groupdict()
    return warning
