"""Reads from the question bank; views and admin go through these, never raw querysets."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q, QuerySet

from .bulk import value_list
from .chapter_tree import Node, build_tree
from .fingerprint import fold
from .models import Bank, Chapter, Question, QuestionStatus, QuestionType, Source
from .roles import can_manage_bank


def question_list(
    *,
    bank: Bank | None = None,
    chapter: Chapter | None = None,
    type: str | None = None,
    status: str | None = None,
    search: str | None = None,
) -> QuerySet[Question]:
    qs = Question.objects.select_related("bank", "chapter", "source").prefetch_related("options", "tags")
    if bank is not None:
        qs = qs.filter(bank=bank)
    if chapter is not None:
        qs = qs.filter(chapter=chapter)
    if type:
        qs = qs.filter(type=type)
    if status:
        qs = qs.filter(status=status)
    if search and search.strip():
        # search_text is stored folded, so fold the query the same way: 客戶 finds 客户.
        qs = qs.filter(search_text__icontains=fold(search.strip()))
    return qs


def questions_managed_by(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet[Question]:
    """The questions `user` may edit, retire and reactivate: the one place that rule lives.

    Trainers and admins manage every bank today; a per-bank rule would narrow this queryset.
    """
    if not can_manage_bank(user):
        return Question.objects.none()
    return Question.objects.all()


# What "waiting for a key" means, in one place: no answer and held back for review. Retired
# questions were put away on purpose; an active short answer without a reference text is
# already drawn and graded by hand.
WAITING_FOR_KEY = Q(answer__isnull=True, status=Question.Status.NEEDS_REVIEW)


def questions_to_key(
    *,
    user: AbstractBaseUser | AnonymousUser,
    bank_id: int,
    chapter_ids: Sequence[int] = (),
    type: str | None = None,
    difficulty: int | None = None,
) -> QuerySet[Question]:
    """The questions of a bank (or of some chapters) that wait for a key and `user` may key,
    oldest first. The keying page walks them; the paper form counts them per rule, with the
    same arguments as the rule's pool (quizzes.selectors.pool_for)."""
    qs = questions_managed_by(user=user).filter(WAITING_FOR_KEY, bank_id=bank_id)
    if chapter_ids:
        qs = qs.filter(chapter_id__in=chapter_ids)
    if type:
        qs = qs.filter(type=type)
    if difficulty:
        qs = qs.filter(difficulty=difficulty)
    return qs.order_by("id")


def banks_waiting_for_key(*, user: AbstractBaseUser | AnonymousUser) -> list[tuple[Bank, int]]:
    """Each bank with how many of its questions wait for a key (banks with none left out)."""
    counts = dict(
        questions_managed_by(user=user)
        .filter(WAITING_FOR_KEY)
        .values_list("bank_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    return [(bank, counts[bank.pk]) for bank in Bank.objects.filter(pk__in=counts)]


@dataclass
class BankStats:
    name: str
    total: int = 0
    by_type: Counter[str] = field(default_factory=Counter)
    by_status: Counter[str] = field(default_factory=Counter)

    def type_rows(self) -> list[tuple[str, int]]:
        return [(str(label), self.by_type[value]) for value, label in Question.Type.choices]

    def status_rows(self) -> list[tuple[str, int]]:
        return [(str(label), self.by_status[value]) for value, label in Question.Status.choices]


def bank_stats() -> list[BankStats]:
    """Question counts per bank, by type and by status, in one grouped query."""
    stats: dict[str, BankStats] = {}
    rows = (
        Question.objects.values_list("bank__name", "type", "status")
        .annotate(n=Count("id"))
        .order_by("bank__name")
    )
    for bank_name, type_, status, n in rows:
        entry = stats.setdefault(bank_name, BankStats(name=bank_name))
        entry.total += n
        entry.by_type[type_] += n
        entry.by_status[status] += n
    return list(stats.values())


def source_by_checksum(*, sha256: str) -> Source | None:
    return Source.objects.select_related("bank").filter(sha256=sha256).first()


def fingerprints_in_bank(*, bank: Bank, fingerprints: set[str]) -> dict[str, int]:
    """Which of these fingerprints the bank already holds, mapped to the question id."""
    if not fingerprints:
        return {}
    # One statement for the whole batch, the fingerprints bound as one array (qbank.bulk).
    wanted = value_list(sorted(fingerprints))
    return dict(Question.objects.filter(bank=bank, fingerprint__in=wanted).values_list("fingerprint", "id"))


@dataclass
class ChapterEntry:
    """One chapter of the picker: its active questions per type (with its sections')."""

    id: int
    title: str
    counts: list[tuple[str, int]]  # (type label, n), types in the bank's order, zeros left out
    total: int
    children: list[ChapterEntry]


@dataclass
class BankChapters:
    bank: Bank
    chapters: list[ChapterEntry]
    unchaptered: int  # active questions in no chapter: drawn only when no chapter is chosen


def chapter_forest(*, banks: Sequence[Bank]) -> list[BankChapters]:
    """Each bank's chapters as a tree in reading order with active-question counts per type
    (three queries whatever the number of banks and chapters)."""
    bank_ids = [b.pk for b in banks]
    counts: dict[int | None, dict[str, int]] = {}
    unchaptered: dict[int, int] = {}
    rows = (
        Question.objects.filter(bank_id__in=bank_ids, status=QuestionStatus.ACTIVE)
        .values_list("bank_id", "chapter_id", "type")
        .annotate(n=Count("id"))
        .order_by()
    )
    for bank_id, chapter_id, qtype, n in rows:
        if chapter_id is None:
            unchaptered[bank_id] = unchaptered.get(bank_id, 0) + n
        else:
            counts.setdefault(chapter_id, {})[qtype] = n
    nodes: dict[int, list[Node]] = {}
    for chapter in Chapter.objects.filter(bank_id__in=bank_ids).only("id", "bank_id", "title", "order"):
        node = Node(chapter.pk, chapter.title, chapter.order, counts.get(chapter.pk, {}))
        nodes.setdefault(chapter.bank_id, []).append(node)
    return [
        BankChapters(b, [_entry(n) for n in build_tree(nodes.get(b.pk, []))], unchaptered.get(b.pk, 0))
        for b in banks
    ]


def _entry(node: Node) -> ChapterEntry:
    totals = node.total_counts
    rows = [(str(label), totals[value]) for value, label in QuestionType.choices if totals.get(value)]
    return ChapterEntry(
        node.id, node.title, rows, sum(totals.values()), [_entry(child) for child in node.children]
    )


def chapters_in_reading_order(chapters: Sequence[Chapter]) -> list[tuple[Chapter, int]]:
    """(chapter, depth) bank by bank as the picker's tree shows them: 第一章 before 第二章
    (第10章 after 第9章), each chapter followed by its sections (depth 1)."""
    by_id = {c.pk: c for c in chapters}
    banks: dict[int, list[Node]] = {}
    for c in chapters:
        banks.setdefault(c.bank_id, []).append(Node(c.pk, c.title, c.order))
    ordered: list[tuple[Chapter, int]] = []
    for bank_id in sorted(banks):
        for root in build_tree(banks[bank_id]):
            ordered.append((by_id[root.id], 0))
            ordered.extend((by_id[child.id], 1) for child in root.children)
    return ordered
