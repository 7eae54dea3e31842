"""The statistics pages' figures as workbooks: every table and chart has its sheet."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from . import analytics
from .export import _rows
from .stats_selectors import ItemAnalysis, Mastery, flag_label


def _round(value: float | None, places: int = 1) -> float | None:
    return None if value is None else round(value, places)


def _minutes(value: object) -> float | None:
    seconds = getattr(value, "total_seconds", None)
    return None if seconds is None else round(seconds() / 60, 1)


def paper_stats_workbook(
    *,
    summary: analytics.PaperSummary,
    time: analytics.TimeUsed,
    items: Sequence[ItemAnalysis],
    absent: Sequence[object],
    edit_url: dict[int, str],
) -> Workbook:
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = _("概况")
    _rows(
        sheet,
        [_("指标"), _("数值")],
        [
            [_("交卷人次"), summary.attempts],
            [_("平均分(%)"), _round(summary.mean)],
            [_("中位数(%)"), _round(summary.median)],
            [_("最高分(%)"), _round(summary.high)],
            [_("最低分(%)"), _round(summary.low)],
            [_("及格人次"), summary.passed],
            [_("不及格人次"), summary.failed],
            [_("待批改人次"), summary.awaiting],
            [_("及格率(%)"), _round(summary.pass_rate)],
            [_("平均用时(分钟)"), _minutes(time.mean)],
            [_("用时中位数(分钟)"), _minutes(time.median)],
            [_("最短用时(分钟)"), _minutes(time.shortest)],
            [_("最长用时(分钟)"), _minutes(time.longest)],
        ],
    )
    histogram = book.create_sheet(_("分数分布"))
    _rows(
        histogram,
        [_("得分率(%)"), _("人次")],
        [list(pair) for pair in zip(analytics.histogram_labels(), summary.histogram, strict=True)],
    )
    item_analysis_sheet(book, items, edit_url=edit_url)
    missing = book.create_sheet(_("未作答学员"))
    _rows(
        missing,
        [_("用户名"), _("姓名")],
        [[u.get_username(), u.get_full_name()] for u in absent],  # type: ignore[attr-defined]
    )
    return book


def item_analysis_sheet(book: Workbook, items: Sequence[ItemAnalysis], *, edit_url: dict[int, str]) -> None:
    """Sheet 试题分析: one row per question, options as "text: count" with the key marked ✓; the
    discrimination headers carry a comment saying how they are computed. A figure that cannot be
    computed (one candidate; r when everyone got it right) is an empty cell."""
    sheet = book.create_sheet(_("试题分析"))
    _rows(
        sheet,
        [
            _("试题编号"),
            _("题干"),
            _("题型"),
            _("作答人次"),
            _("全对人次"),
            _("难度系数(得分率)"),
            _("区分度(点二列相关 r,不含本题)"),
            _("区分度 D(前 27% − 后 27%)"),
            _("选项选择次数"),
            _("问题提示"),
            _("编辑链接"),
        ],
        (
            [
                item.question_id,
                item.stem,
                item.type_label,
                item.sums.n,
                item.sums.correct,
                _round(item.facility, 2),
                _round(item.discrimination, 2),
                _round(item.upper_lower, 2),
                "; ".join(f"{'✓ ' if o.is_key else ''}{o.text}: {o.count}" for o in item.options),
                "; ".join(flag_label(f) for f in item.flags),
                edit_url.get(item.question_id or 0, ""),
            ]
            for item in items
        ),
        notes={7: _(POINT_BISERIAL_NOTE), 8: _(UPPER_LOWER_NOTE)},
    )


POINT_BISERIAL_NOTE = gettext_noop(
    "本题得分与其余题总分(不含本题)的相关系数,即校正的点二列相关。-1 到 1;0.3 以上为好,低于 0.2 区分不好,"
    "为负说明成绩好的人反而答错。只有一人作答或人人得分相同时无法计算,留空。"
)
UPPER_LOWER_NOTE = gettext_noop(
    "按整卷得分率排序,前 27% 为高分组、后 27% 为低分组(各 round(0.27n) 份答卷,至少 1 份),"
    "D = 高分组在本题的得分率 − 低分组的得分率。得分率相同的答卷跨过分界线时,按比例分摊剩下的名额。"
    "少于 2 份答卷、所有答卷得分率相同或某组没人答到这道题时无法计算,留空。"
)


def mastery_workbook(*, mastery: Mastery) -> Workbook:
    """Chapters down, classes across: percent of points won, and the answers it rests on."""
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = _("掌握度")
    header = [_("章节"), *(name for _id, name in mastery.cohorts)]
    _rows(
        sheet,
        header,
        (
            [title, *(_round(cell.mastery) if cell else None for cell in row)]
            for (_id, title), row in zip(mastery.chapters, mastery.grid, strict=True)
        ),
    )
    counts = book.create_sheet(_("作答题次"))
    _rows(
        counts,
        header,
        (
            [title, *(cell.answers if cell else 0 for cell in row)]
            for (_id, title), row in zip(mastery.chapters, mastery.grid, strict=True)
        ),
    )
    return book
