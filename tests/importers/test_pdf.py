"""PDFs with a text layer: read through pypdf, running headers/footers dropped, scans refused.

The two fixture files were printed by headless Chromium from small HTML pages: one paper of
12 questions over 5 pages with Chromium's running header (date, title) and footer (address,
"1/5"), and one page holding only a grey box (no text layer, as a scan).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.pipeline import PaperError, parse_document
from importers.pipeline.model import Line
from importers.pipeline.parse import parse_lines
from importers.pipeline.read_pdf import glyph_labels, read_pdf, running_lines

FILES = Path(__file__).parent / "files"


def test_a_printed_paper_reads_as_its_questions_with_the_key_linked() -> None:
    paper = parse_document("p.pdf", (FILES / "running-header.pdf").read_bytes())
    assert [q.number for q in paper.questions] == [str(n) for n in range(1, 13)]
    first = paper.questions[0]
    # The stem wrapped onto the next line is one stem; pypdf's spaces around digits are gone.
    assert first.stem == "客户服务中第1项基本要求是什么?这道题的题干很长,打印时折到下一行"
    assert first.options == ["倾听", "致歉", "争辩", "推诿"]
    assert [q.answer for q in paper.questions[:3]] == ["B", "A", "B"]


def test_running_header_and_footer_lines_are_not_text() -> None:
    texts = [line.text for line in read_pdf("p.pdf", (FILES / "running-header.pdf").read_bytes())]
    assert not any("客服岗位题库" in t or t.startswith("file:") or "/5" in t for t in texts)


def test_running_lines_need_most_pages_and_never_take_options() -> None:
    pages = [["题库 第1页", f"{n}. 甲?", "B.错误"] for n in range(4)]
    assert running_lines(pages) == {"题库第#页"}
    assert running_lines(pages[:2]) == set()  # two pages are too few to tell


def test_a_pdf_without_a_text_layer_is_refused_as_a_scan() -> None:
    with pytest.raises(PaperError, match="no text layer"):
        parse_document("scan.pdf", (FILES / "no-text-layer.pdf").read_bytes())


def test_a_damaged_pdf_is_refused_with_the_file_name() -> None:
    data = (FILES / "running-header.pdf").read_bytes()[:2000]
    with pytest.raises(PaperError, match=r"^cut\.pdf: "):
        parse_document("cut.pdf", data)


def test_maths_glyphs_extracted_as_surrogate_halves_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf import PageObject

    extract = PageObject.extract_text

    def with_maths(page: PageObject, *args: object, **kwargs: object) -> str:
        # pypdf hands maths fonts' glyphs over as UTF-16 halves: a pair (𝑥, folded to x) and a lone half
        return extract(page).replace("基本要求", "基本\ud835\udc65要求\udc65")

    monkeypatch.setattr(PageObject, "extract_text", with_maths)
    paper = parse_document("p.pdf", (FILES / "running-header.pdf").read_bytes())
    assert [q.number for q in paper.questions] == [str(n) for n in range(1, 13)]
    assert paper.questions[0].stem.startswith("客户服务中第1项基本x要求\ufffd是什么?")


def first_stem_with_text_layer_changed(monkeypatch: pytest.MonkeyPatch, words: str, layer: str) -> str:
    """The printed paper's first stem when its text layer holds `layer` where it printed `words`."""
    from pypdf import PageObject

    extract = PageObject.extract_text

    def changed(page: PageObject, *args: object, **kwargs: object) -> str:
        return extract(page).replace(words, layer)

    monkeypatch.setattr(PageObject, "extract_text", changed)
    return parse_document("p.pdf", (FILES / "running-header.pdf").read_bytes()).questions[0].stem


def test_an_equations_letters_word_maps_twice_are_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Word's PDFs map each letter of an equation (Cambria Math) twice: "𝑓𝑓(𝑥𝑥)" is f(x)."""
    stem = first_stem_with_text_layer_changed(monkeypatch, "基本要求", "基本要求𝑓𝑓(𝑥𝑥)")
    assert stem.startswith("客户服务中第1项基本要求f(x)是什么?")


def test_a_heading_overprinted_thrice_for_bold_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bold faked by printing each glyph three times ("填填填空空空题题题" in the text layer, as a
    LaTeX key's headings): read once. A word that repeats a character ("谢谢") is left alone."""
    stem = first_stem_with_text_layer_changed(monkeypatch, "基本要求", "基基基本本本要要要求求求谢谢")
    assert stem.startswith("客户服务中第1项基本要求谢谢是什么?")


def test_option_labels_drawn_from_a_symbol_font_are_read_as_labels() -> None:
    """A national exam's (A)(B)(C)(D) set in a symbol font reach us as consecutive private-use
    characters; a lone private-use mark (an instruction's bullet) is no label."""
    a, b, c, d, bullet = "\ue18c", "\ue18d", "\ue18e", "\ue18f", "\ue129"
    page = [f"{bullet}本試題為單一選擇題。"]
    for n, stem in enumerate(["下列何者正確？", "下列何者錯誤？", "下列何者最適當？"], 1):
        page += [f"{n}.{stem}", f"{a}甲 {b}乙", f"{c}丙 {d}丁"]
    labels = glyph_labels([page])
    assert labels == {ord(a): "(A)", ord(b): "(B)", ord(c): "(C)", ord(d): "(D)"}
    lines = [Line(text=text.translate(labels), lineno=i) for i, text in enumerate(page, 1)]
    questions = parse_lines("exam.pdf", lines).questions
    assert [(q.stem, q.options) for q in questions][0] == ("下列何者正確?", ["甲", "乙", "丙", "丁"])
    assert len(questions) == 3


def test_a_pdf_whose_content_streams_pypdf_cannot_parse_is_read_by_pdfminer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pypdf import PageObject
    from pypdf.errors import PdfStreamError

    def broken(page: PageObject, *args: object, **kwargs: object) -> str:
        raise PdfStreamError("Stream has ended unexpectedly")  # as some producers' streams make pypdf

    monkeypatch.setattr(PageObject, "extract_text", broken)
    paper = parse_document("p.pdf", (FILES / "running-header.pdf").read_bytes())
    assert [q.number for q in paper.questions] == [str(n) for n in range(1, 13)]
    assert paper.questions[0].options == ["倾听", "致歉", "争辩", "推诿"]
    with pytest.raises(PaperError, match=r"^cut\.pdf: not a readable PDF: the file is damaged"):
        parse_document("cut.pdf", (FILES / "running-header.pdf").read_bytes()[:2000])  # both fail


def cjk_font_without_map_pdf(lines: list[str]) -> bytes:
    """A page set in a Chinese font embedded by glyph numbers only, as xeLaTeX's Fandol fonts
    are: Type0, Identity-H, collection Adobe-GB1, no ToUnicode table (nor font program)."""
    import io

    from pdfminer.cmapdb import CMapDB
    from pypdf import PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    glyph = {u: cid for cid, u in CMapDB.get_unicode_map("Adobe-GB1", False).cid2unichr.items()}
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    info = {
        "/Registry": TextStringObject("Adobe"),
        "/Ordering": TextStringObject("GB1"),
        "/Supplement": NumberObject(5),
    }
    descendant = {"/Type": "/Font", "/Subtype": "/CIDFontType0", "/BaseFont": "/FandolSong-Regular"}
    font = {
        "/Type": "/Font",
        "/Subtype": "/Type0",
        "/BaseFont": "/FandolSong-Identity-H",
        "/Encoding": "/Identity-H",
    }

    def names(entries: dict[str, str]) -> DictionaryObject:
        return DictionaryObject({NameObject(k): NameObject(v) for k, v in entries.items()})

    descendant_font = names(descendant)
    descendant_font[NameObject("/CIDSystemInfo")] = DictionaryObject(
        {NameObject(k): v for k, v in info.items()}
    )
    type0 = names(font)
    type0[NameObject("/DescendantFonts")] = ArrayObject([descendant_font])
    fonts = DictionaryObject({NameObject("/F1"): type0})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
    shown = "".join(f"<{''.join(f'{glyph[ch]:04X}' for ch in line)}> Tj T*\n" for line in lines)
    contents = DecodedStreamObject()
    contents.set_data(f"BT /F1 12 Tf 14 TL 50 800 Td\n{shown}ET".encode())
    page.replace_contents(contents)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_chinese_font_embedded_without_its_character_map_reads_as_its_text() -> None:
    """pypdf alone reads such a font's glyph numbers as characters (mojibake); the collection
    the font names maps them back, as pdftotext does."""
    data = cjk_font_without_map_pdf(["一、简答题", "1. 客户服务的核心是什么？", "答案：态度"])
    [question] = parse_document("fandol.pdf", data).questions
    assert (question.section, question.stem, question.answer) == (
        "一、简答题",
        "客户服务的核心是什么?",
        "态度",
    )


def font_runs_pdf(lines: list[list[str]]) -> bytes:
    """A page whose every run of text is placed on its own (Tm, TD), the font switching between
    runs, as Foxit's and some Word exporters write CJK punctuation in another font: pypdf
    breaks the line at each run."""
    import io

    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    def font(base: str) -> DictionaryObject:
        entries = {"/Type": "/Font", "/Subtype": "/Type1", "/BaseFont": base}
        return DictionaryObject({NameObject(k): NameObject(v) for k, v in entries.items()})

    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    fonts = DictionaryObject({NameObject("/F1"): font("/Courier"), NameObject("/F2"): font("/Courier-Bold")})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
    shown = []
    for row, runs in enumerate(lines):
        x, y = 50, 800 - 16 * row
        for k, run in enumerate(runs):
            shown.append(f"/F{1 + k % 2} 220 Tf 0.05 0 0 0.05 0 0 Tm {x * 20:.0f} {y * 20} TD [({run})] TJ")
            x += 6.6 * len(run)  # (Courier at 11 pt: 6.6 pt a character)
    contents = DecodedStreamObject()
    contents.set_data(("BT\n" + "\n".join(shown) + "\nET").encode())
    page.replace_contents(contents)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_text_that_pypdf_breaks_at_every_font_run_is_laid_out_by_position() -> None:
    data = font_runs_pdf(
        [
            ["1. Which states can a process be in", "?"],
            ["Answer", ":", " ready", ",", " running", ",", " blocked", "."],
            ["2. What does a scheduler pick", "?"],
            ["Answer", ":", " the next process", ",", " by priority", "."],
        ]
    )
    texts = [line.text for line in read_pdf("runs.pdf", data)]
    assert "Answer: ready, running, blocked." in texts
    questions = parse_document("runs.pdf", data).questions
    assert [(q.number, q.stem, q.answer) for q in questions] == [
        ("1", "Which states can a process be in?", "ready, running, blocked."),
        ("2", "What does a scheduler pick?", "the next process, by priority."),
    ]


def _encrypted(user_password: str) -> bytes:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(FILES / "running-header.pdf"))
    writer.encrypt(user_password=user_password, owner_password="owner-only", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_locked_only_against_copying_is_read() -> None:
    # official papers carry an owner password (no printing, no copying) and an empty user one:
    # every viewer opens them, and so does the importer
    paper = parse_document("locked.pdf", _encrypted(""))
    assert [q.answer for q in paper.questions[:3]] == ["B", "A", "B"]


def test_a_pdf_that_needs_a_password_to_open_is_refused_saying_so() -> None:
    with pytest.raises(PaperError, match="password-protected"):
        parse_document("secret.pdf", _encrypted("s3cret"))
