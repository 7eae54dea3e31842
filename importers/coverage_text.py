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
        re.compile(r"^only (?P<share>\d+)% of the text was read into questions$"),
        gettext_lazy("只有 %(share)s%% 的文字读入了试题"),
    ),
    (
        re.compile(r"^(?P<n>\d+) of (?P<total>\d+) question\(s\) have no answer key$"),
        gettext_lazy("%(total)s 题中有 %(n)s 题没有答案"),
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
    return " · ".join(parts)
