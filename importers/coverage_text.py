"""A parse's coverage (importers.pipeline.coverage) in the interface language, for the pages."""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# The pipeline states its reasons in English with numbers (it imports no Django).
REASONS = [
    (
        re.compile(r"^(?P<n>\d+) question\(s\) look like several run together$"),
        gettext_lazy("%(n)s 道题像是几道题连在了一起"),
    ),
    (
        re.compile(r"^(?P<lines>\d+) lines but only (?P<n>\d+) question\(s\)$"),
        gettext_lazy("共 %(lines)s 行,却只识别出 %(n)s 题"),
    ),
    (
        re.compile(r"^(?P<a>\d+) lines open an option A but only (?P<n>\d+) choice question\(s\)$"),
        gettext_lazy("有 %(a)s 行以选项 A 开头,却只读出 %(n)s 道选择题"),
    ),
    (
        re.compile(r"^(?P<n>\d+) option lines were read as part of a key$"),
        gettext_lazy("有 %(n)s 行选项被读成了答案部分(可能把试题当成了答案)"),
    ),
    (
        re.compile(r"^(?P<n>\d+) numbered lines that ask were read as part of a key$"),
        gettext_lazy("有 %(n)s 行带题号的问句被读成了答案部分(答案部分可能开始得太早)"),
    ),
    (
        re.compile(r"^only (?P<share>\d+)% of the text was read into questions$"),
        gettext_lazy("只有 %(share)s%% 的文字读入了试题"),
    ),
    (
        re.compile(r"^(?P<n>\d+) lines with a blank to fill were read into no question$"),
        gettext_lazy("有 %(n)s 行带填空的文字没有读入任何试题(可能一行有几道题)"),
    ),
    (
        re.compile(r"^(?P<n>\d+) of (?P<total>\d+) question\(s\) have no answer key$"),
        gettext_lazy("%(total)s 题中有 %(n)s 题没有答案"),
    ),
    # importers.pipeline.self_checks: the parse checked against itself
    (
        re.compile(r"^question numbers skip or restart at (?P<n>\d+) of (?P<steps>\d+) steps$"),
        gettext_lazy("题号有 %(n)s 处跳号或重新编号(共 %(steps)s 处相接)"),
    ),
    (
        re.compile(r"^(?P<n>\d+) question\(s\) in choice sections have no options$"),
        gettext_lazy("选择题部分有 %(n)s 题没有读出选项"),
    ),
    (
        re.compile(r"^(?P<n>\d+) question\(s\) hold option lines in the stem or answer$"),
        gettext_lazy("%(n)s 题的题干或答案里有像选项的行"),
    ),
    (
        re.compile(r"^(?P<n>\d+) question\(s\) have a stem without text$"),
        gettext_lazy("%(n)s 题的题干没有文字"),
    ),
    (
        re.compile(r'^(?P<n>\d+) question\(s\) open with the same label "(?P<label>[^"]+)"$'),
        gettext_lazy("%(n)s 题的题干以同一个标签“%(label)s”开头"),
    ),
    (
        re.compile(r"^(?P<n>\d+) question\(s\) are tagged as another type than they were read as$"),
        gettext_lazy("%(n)s 题标注的题型与识别出的题型不符"),
    ),
    (
        re.compile(r"^(?P<n>\d+) answer\(s\) do not fit their question$"),
        gettext_lazy("%(n)s 个答案与题目不符(如选项之外的字母)"),
    ),
    (
        re.compile(r"^(?P<n>\d+) choice question\(s\) have far more or fewer options than the others$"),
        gettext_lazy("%(n)s 道选择题的选项数与同类题相差很大"),
    ),
    (
        re.compile(r"^(?P<n>\d+) question\(s\) fewer than the parts' headings count$"),
        gettext_lazy("比大题标题里写的题数少了 %(n)s 题"),
    ),
]
VERDICTS = {"ok": gettext_lazy("识别良好"), "check": gettext_lazy("请抽查"), "poor": gettext_lazy("需要注意")}


def reason_label(reason: str) -> str:
    for pattern, label in REASONS:
        found = pattern.match(reason)
        if found:
            return str(label) % found.groupdict()
    return reason


def coverage_summary(coverage: dict[str, Any]) -> str:
    """ "读入 98% 的文字 · 页面杂项 12 行 · 请抽查:…" ("" before the file is parsed)."""
    if not coverage:
        return ""
    parts = [_("读入 %(share)d%% 的文字") % {"share": round(100 * float(coverage.get("share", 1)))}]
    if coverage.get("furniture"):
        parts.append(_("页眉页脚等 %(n)d 行已略过") % {"n": coverage["furniture"]})
    verdict = str(VERDICTS.get(coverage.get("verdict", "ok"), ""))
    reasons = [reason_label(r) for r in coverage.get("reasons", [])]
    parts.append(verdict + (":" + ";".join(reasons) if reasons else ""))
    parts.extend(reason_label(note) for note in coverage.get("notes", []))
    return " · ".join(parts)
