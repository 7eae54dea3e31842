"""Import throughput benchmark — a script, not a test (pytest only collects test_*.py).

    python tests/bench_import.py [--mb 5] [--questions 10000]

1. The sample papers in fixtures/papers/, repeated until the text is at least --mb MB,
   through importers.pipeline.parse_document: questions/s and MB/s.
2. A generated .docx of --questions single-choice questions (4 options + answer line,
   half of them Word auto-numbered): questions/s.
Each case also reports peak Python memory (tracemalloc) against the input size. tracemalloc
slows allocation-heavy code, so timing and memory are measured in separate runs.
3. Hostile inputs (--hostile-mb for the one-line file): fuzzed bytes, a damaged .docx and .doc,
   a one-line text file, a Markdown list nested 10,000 deep, a flat one of 100,000 items, a
   workbook of a million empty rows, a CSV whose quote never closes; each prints how long it took
   and what the admin is told. The goal: a clear answer within seconds, never a hang.
4. Growth: papers of one shape at n and 4n questions (one line of questions run together, a key
   of open answers, a key after each chapter, sets numbered anew, a flat Markdown list): the time
   ratio should stay near 4 (linear); near 16 is quadratic, a hang on a large enough file.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import sys
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from anywhere

from importers.pipeline import PaperError, ParsedPaper, parse_document  # noqa: E402
from importers.pipeline.read import read_lines  # noqa: E402
from tests.importers.docx_factory import question_paper  # noqa: E402
from tests.importers.word97 import word97  # noqa: E402

PAPERS = ROOT / "fixtures" / "papers"
MB = 1024 * 1024


def repeated_papers(min_bytes: int) -> bytes:
    """The sample papers concatenated (UTF-8) and repeated until at least `min_bytes` long."""
    texts = [path.read_bytes().decode("utf-8-sig") for path in sorted(PAPERS.glob("*")) if path.is_file()]
    if not texts:
        sys.exit(f"no sample papers in {PAPERS}")
    one_round = "\n\n".join(texts).encode("utf-8") + b"\n\n"
    return one_round * (min_bytes // len(one_round) + 1)


def timed(parse: Callable[[], ParsedPaper]) -> tuple[ParsedPaper | None, float, str]:
    """Run `parse` once; return its paper (None if refused), the seconds taken and any refusal."""
    start = time.perf_counter()
    try:
        paper, error = parse(), ""
    except PaperError as exc:  # the parser is still being written: report, don't crash
        paper, error = None, str(exc)
    return paper, time.perf_counter() - start, error


def peak_memory(parse: Callable[[], object]) -> int:
    tracemalloc.start()
    with contextlib.suppress(PaperError):
        parse()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def report(label: str, filename: str, data: bytes, expected: int | None = None) -> None:
    def parse() -> ParsedPaper:
        return parse_document(filename, data)

    start = time.perf_counter()
    lines = read_lines(filename, data)
    read_seconds = time.perf_counter() - start
    text_size = sum(len(line.text.encode()) + 1 for line in lines)
    paper, seconds, error = timed(parse)
    peak = peak_memory(parse)
    count = len(paper.questions) if paper else 0
    print(f"\n{label}")
    text_note = f"{text_size / MB:.2f} MB of text in {len(lines)} lines"
    print(f"  input           {len(data) / MB:8.2f} MB  ({text_note})")
    print(f"  time            {seconds:8.2f} s  (read stage alone {read_seconds:.2f} s)")
    found = f"{count}" + (f" (of {expected} written)" if expected is not None else "")
    print(f"  questions       {found}")
    print(f"  questions/s     {count / seconds:10.0f}")
    print(f"  MB/s            {len(data) / MB / seconds:10.2f}")
    ratio = f"{peak / max(len(data), 1):.1f}x the input, {peak / max(text_size, 1):.1f}x its text"
    print(f"  peak memory     {peak / MB:8.1f} MB  ({ratio})")
    if error:
        print(f"  refused         {error}")


def hostile_cases(one_line_mb: float) -> list[tuple[str, str, bytes]]:
    rng = random.Random(7)
    docx_bytes = bytearray(question_paper(50))
    for _ in range(200):  # a Word file with bytes flipped inside its zip
        docx_bytes[rng.randrange(len(docx_bytes))] = rng.randrange(256)
    doc_text = "".join(f"{n}、客户投诉时首先应？\rA．倾听\rB．争辩\r" for n in range(1, 200))
    doc_bytes = bytearray(word97([(doc_text, False)]))
    for _ in range(200):  # an old binary .doc with bytes flipped inside its compound file
        doc_bytes[rng.randrange(len(doc_bytes))] = rng.randrange(256)
    return [
        ("fuzzed bytes (1 MB)", "fuzz.txt", rng.randbytes(MB)),
        ("a damaged .docx (200 bytes flipped)", "fuzz.docx", bytes(docx_bytes)),
        ("a damaged .doc (200 bytes flipped)", "fuzz.doc", bytes(doc_bytes)),
        (
            f"one line of {one_line_mb:g} MB",
            "one-line.txt",
            ("客户服务" * int(one_line_mb * MB / 12)).encode(),
        ),
        ("Markdown list nested 10,000 deep", "deep.md", ("- " * 10_000 + "层\n").encode()),
        ("a flat Markdown list of 100,000 items", "flat.md", ("1. 问\n" + "- 项\n" * 100_000).encode()),
        ("a web page nested 200,000 deep", "deep.html", ("<div>" * 200_000 + "层").encode()),
        ("JSON nested 200,000 deep", "deep.json", ("[" * 200_000 + "]" * 200_000).encode()),
        (
            "a quiz script of 20 MB cut short",
            "quiz.js",
            ("var exam=[\n" + "{id:1,question:'x',answer:'A'},\n" * 600_000).encode(),
        ),
        ("a workbook of a million empty rows", "empty.xlsx", empty_rows_workbook(1_000_000)),
        ("a CSV quote left open over 10 MB", "open-quote.csv", ('题目,答案\n"' + "客户," * 900_000).encode()),
    ]


def empty_rows_workbook(rows: int) -> bytes:
    """An .xlsx whose sheet holds a header and then `rows` empty rows (as Excel writes formatting)."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["题目", "答案"])
    out = io.BytesIO()
    book.save(out)
    source = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                empty = "".join(f'<row r="{n}"/>' for n in range(2, rows + 2)).encode()
                data = data.replace(b"</row></sheetData>", b"</row>" + empty + b"</sheetData>")
            archive.writestr(info, data)
    return target.getvalue()


def hostile(one_line_mb: float) -> None:
    print("\nhostile inputs")
    for label, filename, data in hostile_cases(one_line_mb):
        paper, seconds, error = timed(lambda: parse_document(filename, data))  # noqa: B023
        if paper is not None:
            verdict = paper.coverage.verdict if paper.coverage else "-"
            error = f"{len(paper.questions)} question(s), verdict {verdict}"
        print(f"  {label:<38} {seconds:6.2f} s  {error[:90]}")


GROWTH_SHAPES: list[tuple[str, str, Callable[[int], str]]] = [
    (
        "questions run together on one line",
        "t.txt",
        lambda n: "".join(f"{i}. 问题（ ） " for i in range(1, n + 1)),
    ),
    (
        "open questions, then their key",
        "t.txt",
        lambda n: (
            "".join(f"{i}. 简述服务的意义。\n" for i in range(1, n + 1))
            + "参考答案\n"
            + "".join(f"{i}. 意义{i}\n" for i in range(1, n + 1))
        ),
    ),
    (
        "a key after each chapter",
        "t.txt",
        lambda n: "".join(f"第{i}章\n1. 问？\nA. 是\nB. 否\n答案：1.A\n" for i in range(n)),
    ),
    (
        "sets numbered anew, then their key",
        "t.txt",
        lambda n: (
            "".join(f"{i % 10 + 1}. 问？\nA. 是\nB. 否\n" for i in range(n))
            + "答案\n"
            + "".join(f"{i % 10 + 1}.A\n" for i in range(n))
        ),
    ),
    ("a flat Markdown list under a question", "t.md", lambda n: "1. 问\n" + "- 项\n" * n),
]


def growth(n: int = 4000) -> None:
    print(f"\ngrowth (time at {n} and {4 * n}; near 4x is linear)")
    for label, filename, make in GROWTH_SHAPES:
        seconds = []
        for k in (n, 4 * n):
            data = make(k).encode()
            seconds.append(timed(lambda: parse_document(filename, data))[1])  # noqa: B023
        small, large = seconds
        print(f"  {label:<38} {small:6.2f} s {large:6.2f} s  {large / small:5.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="text size to build from the samples (MB)")
    parser.add_argument("--questions", type=int, default=10_000, help="questions in the generated .docx")
    parser.add_argument("--hostile-mb", type=float, default=100.0, help="size of the one-line file (MB)")
    args = parser.parse_args()

    text = repeated_papers(int(args.mb * MB))
    report("text: sample papers repeated", "bench.txt", text)
    # Memory must grow no faster than the input: the same measure at half the size.
    half = repeated_papers(int(args.mb * MB / 2))
    small, large = (
        peak_memory(lambda: parse_document("half.txt", half)),
        peak_memory(lambda: parse_document("bench.txt", text)),
    )
    print(f"  memory growth   {large / small:8.2f}x for {len(text) / len(half):.2f}x the input")

    start = time.perf_counter()
    document = question_paper(args.questions)
    print(f"\n(generated the {args.questions}-question .docx in {time.perf_counter() - start:.1f} s)")
    report("docx: generated single-choice paper", "bench.docx", document, expected=args.questions)
    hostile(args.hostile_mb)
    growth()


if __name__ == "__main__":
    main()
