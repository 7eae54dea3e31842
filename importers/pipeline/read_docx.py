"""Word papers (.docx): body paragraphs and tables → lines, with list numbers and pictures.

What is read: the document body in order — paragraphs (including those inside content
controls), tables (one line per row, cells joined by a tab), inline pictures (DrawingML
and legacy VML, including the preview pictures of old equation objects), Word's automatic
list numbers (rendered from numbering.xml and prefixed, as Word shows them) and OMML
equation text. An option set in colour, highlighted or bold ("C、漏洞" in red) is the key, as
bold is in Markdown: its text is passed on as "C、**漏洞**". Deliberately ignored: text boxes, headers,
footers, footnotes, comments and deleted tracked changes — none of them hold questions in the
papers we import, and text boxes would otherwise duplicate text (Word stores a VML fallback copy
of each).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lxml import etree

from . import rules
from .model import Image, Line, PaperError
from .symbol_font import symbol_char

if TYPE_CHECKING:
    from docx.document import Document
    from docx.opc.part import Part

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
V_NS = "urn:schemas-microsoft-com:vml"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


P, TBL, TR, TC = _w("p"), _w("tbl"), _w("tr"), _w("tc")
T, TAB, BR, CR, SYM = _w("t"), _w("tab"), _w("br"), _w("cr"), _w("sym")
NO_BREAK_HYPHEN = _w("noBreakHyphen")
DRAWING, PICT, OBJECT = _w("drawing"), _w("pict"), _w("object")
M_T = f"{{{M_NS}}}t"
A_BLIP = f"{{{A_NS}}}blip"
V_IMAGEDATA = f"{{{V_NS}}}imagedata"
MC_ALTERNATE, MC_CHOICE, MC_FALLBACK = (f"{{{MC_NS}}}{t}" for t in ("AlternateContent", "Choice", "Fallback"))
R_EMBED, R_ID = f"{{{R_NS}}}embed", f"{{{R_NS}}}id"
VAL = _w("val")
R, RPR, COLOR, HIGHLIGHT, UNDERLINE = _w("r"), _w("rPr"), _w("color"), _w("highlight"), _w("u")
BOLD = _w("b")
PPR, PSTYLE, NUMPR, NUM_ID, ILVL = _w("pPr"), _w("pStyle"), _w("numPr"), _w("numId"), _w("ilvl")

# Wrappers that hold blocks, rows or cells without being one (content controls, custom XML).
_CONTAINERS = frozenset({_w("sdt"), _w("sdtContent"), _w("customXml")})
# Subtrees of a paragraph that hold no visible body text (properties, deleted revisions,
# field instructions, text boxes).
_SKIP = frozenset(
    {
        _w("pPr"),
        _w("rPr"),
        _w("del"),
        _w("moveFrom"),
        _w("delText"),
        _w("instrText"),
        _w("fldData"),
        _w("txbxContent"),
        _w("sdtPr"),
        _w("sdtEndPr"),
        MC_FALLBACK,
    }
)
_INNER_BREAK = re.compile("[\n\x0b]")  # a vertical tab in w:t is a pasted manual line break

# Zip-bomb guard, checked on the zip's declared sizes before python-docx inflates anything.
# Declared sizes are binding: zipfile stops inflating a member at its declared file_size.
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 100  # real .docx XML compresses 5-20x, pictures ~1x
RATIO_MIN_SIZE = 10 * 1024 * 1024  # a tiny member's ratio means nothing
MAX_MEMBERS = 10_000


def check_zip_limits(filename: str, archive: zipfile.ZipFile, *, kind: str = "Word document") -> None:
    """Refuse a zip whose members would inflate to absurd sizes (a zip bomb).

    `kind` names the format in the message: .xlsx workbooks are zips too and pass here.
    """
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise PaperError(filename, f"not a readable {kind}: it holds {len(infos)} files")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED:
        raise PaperError(
            filename,
            f"not a readable {kind}: it would unpack to {total // 2**20} MB "
            f"(limit {MAX_UNCOMPRESSED // 2**20} MB)",
        )
    for info in infos:
        if info.file_size > RATIO_MIN_SIZE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise PaperError(
                filename, f"not a readable {kind}: {info.filename} is compressed suspiciously well"
            )


def read_docx(filename: str, data: bytes) -> list[Line]:
    """The lines of a .docx body; `data` must already have passed check_zip_limits."""
    document = _open(filename, data)
    part = document.part
    reader = _DocxReader(part, _Numbering(_related_xml(part, RT_NUMBERING), _related_xml(part, RT_STYLES)))
    return settled_underlines(reader.read_body(document.element.body))


def _layout_cell(cells: list[etree._Element]) -> etree._Element | None:
    """The one cell of a row that holds text, when it holds several paragraphs or a table:
    the table lays the page out (a whole paper in a frame), it is no grid of questions."""
    filled = [cell for cell in cells if "".join(cell.itertext()).strip()]
    if len(filled) != 1:
        return None
    blocks = [b for b in _flatten(filled[0]) if b.tag in (P, TBL)]
    texts = [b for b in blocks if b.tag == TBL or "".join(b.itertext()).strip()]
    return filled[0] if len(texts) >= 3 or any(b.tag == TBL for b in blocks) else None


def _open(filename: str, data: bytes) -> Document:
    import docx  # late: text-only imports should not pay for python-docx

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors… on damaged files
        raise PaperError(filename, f"not a readable Word document: {exc or type(exc).__name__}") from exc


def _related_xml(part: Part, reltype: str) -> etree._Element | None:
    """The XML of a part related to the document part, without creating one when absent."""
    try:
        return part.part_related_by(reltype).element  # type: ignore[attr-defined]  # an XmlPart
    except (KeyError, ValueError, AttributeError):
        return None


def _flatten(parent: etree._Element) -> Iterator[etree._Element]:
    """Children of `parent`, looking through content controls and custom-XML wrappers."""
    for child in parent:
        if child.tag in _CONTAINERS:
            yield from _flatten(child)
        elif isinstance(child.tag, str):  # skip XML comments and processing instructions
            yield child


def _val(el: etree._Element | None) -> str | None:
    return None if el is None else el.get(VAL)


# --------------------------------------------------------------------------- body


class _Pieces:
    """Text and pictures of one paragraph, split at its manual line breaks."""

    def __init__(self) -> None:
        self.texts: list[list[str]] = [[]]
        self.images: list[list[Image]] = [[]]
        self.marked = False  # the run being read is coloured or highlighted
        self.any_marked = False
        self.underlined = False  # the run being read is underlined (a blank, or a blank filled in)
        self.any_underlined = False

    def add_text(self, text: str) -> None:
        first, *rest = _INNER_BREAK.split(text)
        self._append(first)
        for part in rest:
            self.newline()
            self._append(part)

    def _append(self, text: str) -> None:
        self.any_marked |= self.marked and bool(text)
        self.any_underlined |= self.underlined and bool(text)
        self.texts[-1].append(run_text(text, self.marked, self.underlined))

    def _finish(self, text: str) -> str:
        return finished_runs(text) if self.any_marked or self.any_underlined else text

    def newline(self) -> None:
        self.texts.append([])
        self.images.append([])

    def lines(self, lineno: int, prefix: str) -> list[Line]:
        texts = [self._finish("".join(parts)) for parts in self.texts]
        texts[0] = join_number(prefix, texts[0])
        return [Line(text=t, lineno=lineno, images=imgs) for t, imgs in zip(texts, self.images, strict=True)]

    def flat(self, prefix: str) -> tuple[str, list[Image]]:
        """One-line form, for table cells: breaks become spaces."""
        text = self._finish(" ".join(t for t in ("".join(parts) for parts in self.texts) if t))
        return join_number(prefix, text), [img for imgs in self.images for img in imgs]


def run_text(text: str, marked: bool, underlined: bool) -> str:
    """A run's text in the marks that say it is coloured (or bold, highlighted) and underlined,
    for finished_runs to read once its paragraph is whole (.doc runs are marked so too)."""
    if marked and text:
        text = f"{_MARK_ON}{text}{_MARK_OFF}"
    if underlined and text:
        text = f"{_UNDER_ON}{text}{_UNDER_OFF}"
    return text


def finished_runs(text: str) -> str:
    """A paragraph's marked runs read: a coloured option the key, an underlined word in a blank
    the blank filled in; other marks dropped."""
    text = _marked_options(text) if _MARK_ON in text else text
    return _underlined_blanks(text) if _UNDER_ON in text else text


_MARK_ON, _MARK_OFF = "\x02", "\x03"  # around a marked run's text (XML text never holds them)
_MARKED = re.compile(f"{_MARK_ON}([^{_MARK_OFF}]*){_MARK_OFF}")
_MARKED_SPAN = re.compile(f"{_MARK_OFF}{_MARK_ON}")
# A marked span holding an option, its label marked too or printed just before it.
_LABEL = r"[A-H](?:\s*[.、．:：]|[)）])\s*"  # ("( A )" is an answer in a blank, not a label)
_MARKED_OPTION = re.compile(
    rf"(?P<label>(?:^|(?<=\s)){_LABEL})?{_MARK_ON}\s*"
    rf"(?P<inner>(?:{_LABEL})?)(?P<text>[^{_MARK_OFF}]*?)\s*{_MARK_OFF}"
)
# "正确错误" (or "对 错", "√ ×") printed under a statement, the right word marked
_VERDICT_WORD = r"正确|錯誤|错误|正確|对|錯|错|對|√|×"
_MARKED_VERDICT = re.compile(
    rf"\s*(?:{_MARK_ON}\s*(?P<first>{_VERDICT_WORD})\s*{_MARK_OFF}\s*(?:{_VERDICT_WORD})"
    rf"|(?:{_VERDICT_WORD})\s*{_MARK_ON}\s*(?P<second>{_VERDICT_WORD})\s*{_MARK_OFF})\s*"
)
_NEXT_LABEL = re.compile(rf"(\s+)({_LABEL})")  # "A.甲   B.乙" marked as one span


def _marked_options(text: str) -> str:
    """ "\ue000C、漏洞\ue001 D、缺陷" → "C、**漏洞** D、缺陷": a coloured option is the key. Marked
    text that is no option (a coloured heading, a red word in a stem) stays plain."""
    text = _MARKED_SPAN.sub("", text)  # one span across the runs Word split it into
    verdict = _MARKED_VERDICT.fullmatch(text)
    if verdict:  # "正确 错误" under a statement, one word in red: the judgement's key
        return f"答案：{verdict.group('first') or verdict.group('second')}"

    def option(m: re.Match[str]) -> str:
        label = m.group("label") or m.group("inner")
        body = m.group("text")
        if not label or not body.strip() or (m.group("label") and m.group("inner")):
            return m.group(0).replace(_MARK_ON, "").replace(_MARK_OFF, "")
        return label + _NEXT_LABEL.sub(r"**\1\2**", f"**{body}**")

    text = _MARKED_OPTION.sub(option, text)
    return text.replace(_MARK_ON, "").replace(_MARK_OFF, "")


_UNDER_ON, _UNDER_OFF = "\x04", "\x05"  # around an underlined run's text
_UNDERLINED = re.compile(f"{_UNDER_ON}([^{_UNDER_OFF}]*){_UNDER_OFF}")
_UNDERLINED_SPAN = re.compile(f"{_UNDER_OFF}{_UNDER_ON}")


def _underlined_blanks(text: str) -> str:
    """Word's blanks are underlined spaces: "____". Filled in, the answer is underlined with the
    spaces around it: "__npm install__", read as the blank's answer. Underlined words without
    that padding are emphasis ("下列说法<u>不正确</u>的是") and stay as they are."""

    def blank(m: re.Match[str]) -> str:
        inner = m.group(1)
        if not inner.strip():
            return "____"
        padded = inner[:1].isspace() or inner[-1:].isspace()
        return f"__{inner.strip()}__" if padded else f"{_WORDS_ON}{inner}{_WORDS_OFF}"

    return _UNDERLINED.sub(blank, _UNDERLINED_SPAN.sub("", text))


_WORDS_ON, _WORDS_OFF = "\x06", "\x07"  # around underlined words with no padding, until the paper tells
_UNDERLINED_WORDS = re.compile(f"{_WORDS_ON}([^{_WORDS_OFF}]*){_WORDS_OFF}")
FILLED_BLANK = re.compile(r"__[^_\s][^_]*__")
FILLED_PAPER = 3  # lines with padded answers that make a paper one printing its fills filled in


def settled_underlines(lines: list[Line]) -> list[Line]:
    """Underlined words without padding: in a paper whose fills are printed filled in (the
    answer underlined, "__C6H6__", on several lines), the answers of blanks the typist did not
    pad ("24、<u>环己醇</u>、<u>环己酮</u>对…"); elsewhere, and for words a stem stresses, emphasis."""
    filled = sum(1 for line in lines if FILLED_BLANK.search(line.text)) >= FILLED_PAPER

    def settle(m: re.Match[str]) -> str:
        inner = m.group(1)
        return f"__{inner.strip()}__" if filled and not rules.STRESSED.fullmatch(inner.strip()) else inner

    for line in lines:
        if _WORDS_ON in line.text:
            line.text = _UNDERLINED_WORDS.sub(settle, line.text)
    return lines


def _underlined(run: etree._Element) -> bool:
    rpr = run.find(RPR)
    u = rpr.find(UNDERLINE) if rpr is not None else None
    return u is not None and (u.get(VAL) or "single") != "none"


def _marked(run: etree._Element) -> bool:
    """A run in a colour other than black, highlighted, or bold (one option bold among plain ones
    is the key; every option bold is only the paper's type, and no key: classify tells)."""
    rpr = run.find(RPR)
    if rpr is None:
        return False
    bold = rpr.find(BOLD)
    if bold is not None and (bold.get(VAL) or "1").lower() not in ("0", "false"):
        return True
    color = rpr.find(COLOR)
    if color is not None and (color.get(VAL) or "auto").lower() not in ("auto", "000000"):
        return True
    highlight = rpr.find(HIGHLIGHT)
    return highlight is not None and (highlight.get(VAL) or "none") != "none"


def join_number(prefix: str, text: str) -> str:
    # Word puts a tab after the number; the parser reads tabs as separators, so we glue the
    # number on, adding a space only where "%1"-style text would merge with a following digit (or
    # a comma would make one number of two).
    if not text.strip():
        return ""  # an empty paragraph left in a list (often above the title) numbers nothing
    if prefix and text and _ascii_alnum(prefix[-1]) and _ascii_alnum(text[0]):
        return f"{prefix} {text}"
    if prefix[-1:] in ("，", ",") and text[:1].isdigit():
        return f"{prefix} {text}"  # "45，" over "4个下行信道": the item, never the number "45,4"
    return prefix + text


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


class _DocxReader:
    def __init__(self, part: Part, numbering: _Numbering) -> None:
        self._part = part
        self._numbering = numbering
        self._images: dict[str, Image | None] = {}

    def read_body(self, body: etree._Element) -> list[Line]:
        lines: list[Line] = []
        blockno = 0
        for block in _flatten(body):
            if block.tag == P:
                blockno += 1
                lines.extend(self._paragraph(block).lines(blockno, self._numbering.label(block)))
            elif block.tag == TBL:
                # A table is one block: its rows share its number, so "paragraph N" still
                # counts body blocks the way the brief for error messages defines it.
                blockno += 1
                lines.extend(self._table(block, blockno))
        return lines

    def _table(self, tbl: etree._Element, blockno: int) -> list[Line]:
        lines = []
        for row in _flatten(tbl):
            if row.tag != TR:
                continue
            tcs = [cell for cell in _flatten(row) if cell.tag == TC]
            layout = _layout_cell(tcs)
            if layout is not None:
                lines.extend(self._cell_lines(layout, blockno))
                continue
            cells, images = [], []
            for cell in tcs:
                text, cell_images = self._cell(cell)
                cells.append(text)
                images.extend(cell_images)
            text = "\t".join(cells) if any(cells) else ""
            lines.append(Line(text=text, lineno=blockno, images=images))
        return lines

    def _cell_lines(self, cell: etree._Element, blockno: int) -> list[Line]:
        """A table used as page layout: the cell's paragraphs are lines of the paper."""
        lines: list[Line] = []
        for block in _flatten(cell):
            if block.tag == P:
                lines.extend(self._paragraph(block).lines(blockno, self._numbering.label(block)))
            elif block.tag == TBL:
                lines.extend(self._table(block, blockno))
        return lines

    def _cell(self, cell: etree._Element) -> tuple[str, list[Image]]:
        texts: list[str] = []
        images: list[Image] = []
        for block in _flatten(cell):
            if block.tag == P:
                text, imgs = self._paragraph(block).flat(self._numbering.label(block))
            elif block.tag == TBL:  # a nested table collapses into its cell
                rows = self._table(block, 0)
                text = " ".join(line.text.replace("\t", " ") for line in rows if line.text)
                imgs = [img for line in rows for img in line.images]
            else:
                continue
            if text:
                texts.append(text)
            images.extend(imgs)
        return " ".join(texts), images

    def _paragraph(self, p: etree._Element) -> _Pieces:
        pieces = _Pieces()
        self._walk(p, pieces)
        return pieces

    def _walk(self, el: etree._Element, out: _Pieces) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag in (T, M_T):
                out.add_text(child.text or "")
            elif tag == TAB:
                out.add_text("\t")
            elif tag in (BR, CR):
                out.newline()  # every break type (line, page, column) ends the visible line
            elif tag == NO_BREAK_HYPHEN:
                out.add_text("-")
            elif tag == SYM:
                out.add_text(_sym_text(child))
            elif tag in (DRAWING, PICT, OBJECT):
                self._pictures(child, out)  # their text (text boxes) is ignored on purpose
            elif tag == MC_ALTERNATE:
                self._walk_alternate(child, out)
            elif tag == R:
                out.marked, out.underlined = _marked(child), _underlined(child)
                self._walk(child, out)
                out.marked = out.underlined = False
            else:
                self._walk(child, out)  # runs, hyperlinks, inserted revisions, fields, smart tags…

    def _walk_alternate(self, el: etree._Element, out: _Pieces) -> None:
        # Only the first choice: the others and the fallback repeat the same content.
        choice = el.find(MC_CHOICE)
        self._walk(choice if choice is not None else el, out)

    def _pictures(self, el: etree._Element, out: _Pieces) -> None:
        refs = [blip.get(R_EMBED) for blip in el.iter(A_BLIP)]
        refs += [data.get(R_ID) for data in el.iter(V_IMAGEDATA)]
        for rid in refs:
            image = self._image(rid) if rid else None
            if image is not None:
                out.images[-1].append(image)

    def _image(self, rid: str) -> Image | None:
        if rid not in self._images:
            self._images[rid] = _load_image(self._part, rid)
        return self._images[rid]


def _load_image(part: Part, rid: str) -> Image | None:
    rel = part.rels.get(rid)
    if rel is None or rel.is_external:  # a linked (not embedded) picture has no bytes here
        return None
    target = rel.target_part
    return Image(name=target.partname.filename, content_type=target.content_type, data=target.blob)


def _sym_text(sym: etree._Element) -> str:
    """A w:sym character: the Symbol font's as the sign it shows, another symbol font's code (in
    the F000 private-use block) as it is."""
    try:
        return symbol_char(int(sym.get(_w("char"), ""), 16), sym.get(_w("font"), ""))
    except ValueError:
        return ""


# --------------------------------------------------------------------------- numbering


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None  # lvlText such as "%1." — None renders nothing
    restart: int | None = None  # lvlRestart: None = after any shallower level, 0 = never
    legal: bool = False  # isLgl: show every level's number in decimal
    style: str | None = None  # paragraph style linked to this level


@dataclass
class _Num:
    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, etree._Element] = field(default_factory=dict)  # parsed lazily


def _parse_level(lvl: etree._Element, base: _Level | None = None) -> _Level:
    level = _Level() if base is None else _Level(**vars(base))
    start = _val(lvl.find(_w("start")))
    if start is not None and start.lstrip("-").isdecimal():
        level.start = int(start)
    level.fmt = _val(lvl.find(_w("numFmt"))) or level.fmt
    text = lvl.find(_w("lvlText"))
    if text is not None:
        level.text = text.get(VAL, "")
    restart = _val(lvl.find(_w("lvlRestart")))
    if restart is not None and restart.isdecimal():
        level.restart = int(restart)
    legal = lvl.find(_w("isLgl"))
    level.legal = legal is not None and legal.get(VAL, "1") not in ("0", "false", "off")
    level.style = _val(lvl.find(_w("pStyle"))) or level.style
    return level


def _ilvl(el: etree._Element) -> int:
    try:
        return max(0, min(8, int(el.get(_w("ilvl"), "0"))))
    except ValueError:
        return 0


class _Numbering:
    """Word's automatic list numbers, computed in document order.

    Counters live on the abstract list, as in Word: two w:num that share an abstractNum
    continue one sequence, and a w:num's startOverride restarts its level the first time
    that num is used (this is how Word's "Restart at 1" is stored).
    """

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None) -> None:
        self._abstracts: dict[str, dict[int, _Level]] = {}
        self._style_links: dict[str, str] = {}  # abstractNumId → numbering style it defers to
        self._nums: dict[str, _Num] = {}
        self._style_numpr: dict[str, tuple[str, int | None]] = {}  # numbered styles only
        self._default_style: str | None = None
        self._counters: dict[str, list[int | None]] = {}
        self._overridden: set[tuple[str, int]] = set()
        self._level_cache: dict[str, dict[int, _Level]] = {}
        if styles is not None:
            self._load_styles(styles)
        if numbering is not None:
            self._load_numbering(numbering)

    def _load_numbering(self, root: etree._Element) -> None:
        for abstract in root.iter(_w("abstractNum")):
            aid = abstract.get(_w("abstractNumId"), "")
            self._abstracts[aid] = {_ilvl(lvl): _parse_level(lvl) for lvl in abstract.iter(_w("lvl"))}
            link = _val(abstract.find(_w("numStyleLink")))
            if link:
                self._style_links[aid] = link
        for num in root.iter(_w("num")):
            entry = _Num(abstract_id=_val(num.find(_w("abstractNumId"))) or "")
            for override in num.iter(_w("lvlOverride")):
                ilvl = _ilvl(override)
                start = _val(override.find(_w("startOverride")))
                if start is not None and start.lstrip("-").isdecimal():
                    entry.start_overrides[ilvl] = int(start)
                lvl = override.find(_w("lvl"))
                if lvl is not None:
                    entry.level_overrides[ilvl] = lvl  # parsed later, on top of the abstract level
            self._nums[num.get(_w("numId"), "")] = entry

    def _load_styles(self, root: etree._Element) -> None:
        direct: dict[str, tuple[str | None, int | None, str | None]] = {}
        for style in root.iter(_w("style")):
            if style.get(_w("type")) not in ("paragraph", "numbering"):
                continue
            sid = style.get(_w("styleId"), "")
            if style.get(_w("type")) == "paragraph" and style.get(_w("default")) in ("1", "true", "on"):
                self._default_style = sid
            numpr = style.find(f"{_w('pPr')}/{_w('numPr')}")
            num_id = _val(numpr.find(_w("numId"))) if numpr is not None else None
            ilvl = _val(numpr.find(_w("ilvl"))) if numpr is not None else None
            direct[sid] = (
                num_id,
                int(ilvl) if ilvl and ilvl.isdecimal() else None,
                _val(style.find(_w("basedOn"))),
            )
        for sid in direct:
            inherited_id, inherited_level = _inherited_numpr(sid, direct)
            if inherited_id is not None:  # only numbered styles: the lookup doubles as a fast "no"
                self._style_numpr[sid] = (inherited_id, inherited_level)

    # -- per paragraph

    def label(self, p: etree._Element) -> str:
        """The number Word shows before paragraph `p` ("1.", "A.", "(三)"), advancing counters."""
        found = self._numpr(p)
        if found is None:
            return ""
        num_id, ilvl = found
        num = self._nums.get(num_id)
        levels = self._levels(num_id)
        if num is None or ilvl not in levels:
            return ""
        counters = self._counters.setdefault(self._counter_key(num), [None] * 9)
        self._advance(counters, levels, num_id, num, ilvl)
        return _render(levels, counters, ilvl)

    def _numpr(self, p: etree._Element) -> tuple[str, int] | None:
        """numId and level of paragraph `p`, from its own numPr or its style's; None if unnumbered."""
        ppr = p.find(PPR)  # this runs for every paragraph: bail out early on the common case
        numpr = ppr.find(NUMPR) if ppr is not None else None
        style = (_val(ppr.find(PSTYLE)) if ppr is not None else None) or self._default_style
        style_num, style_ilvl = self._style_numpr.get(style, (None, None)) if style else (None, None)
        if numpr is None and style_num is None:
            return None
        num_id = (_val(numpr.find(NUM_ID)) if numpr is not None else None) or style_num
        ilvl_text = _val(numpr.find(ILVL)) if numpr is not None else None
        if not num_id or num_id == "0":  # numId 0 switches inherited numbering off
            return None
        if ilvl_text and ilvl_text.isdecimal():
            ilvl = int(ilvl_text)
        elif style_ilvl is not None:
            ilvl = style_ilvl
        else:
            ilvl = self._style_level(num_id, style)
        return num_id, min(ilvl, 8)

    def _style_level(self, num_id: str, style: str | None) -> int:
        """The level whose w:pStyle links to the paragraph's style (0 if none)."""
        if style:
            for ilvl, level in self._levels(num_id).items():
                if level.style == style:
                    return ilvl
        return 0

    def _abstract_id(self, num: _Num) -> str:
        # An abstractNum with numStyleLink defers to the list its numbering style uses.
        link = self._style_links.get(num.abstract_id)
        if link and not self._abstracts.get(num.abstract_id):
            linked_num = self._nums.get(self._style_numpr.get(link, (None, None))[0] or "")
            if linked_num is not None and linked_num.abstract_id != num.abstract_id:
                return linked_num.abstract_id
        return num.abstract_id

    def _counter_key(self, num: _Num) -> str:
        return self._abstract_id(num)

    def _levels(self, num_id: str) -> dict[int, _Level]:
        """The level definitions a num uses: its abstract list's, with its own lvl overrides."""
        if num_id not in self._level_cache:
            num = self._nums.get(num_id)
            levels = dict(self._abstracts.get(self._abstract_id(num), {})) if num is not None else {}
            for ilvl, lvl in num.level_overrides.items() if num is not None else ():
                levels[ilvl] = _parse_level(lvl, levels.get(ilvl))
            self._level_cache[num_id] = levels
        return self._level_cache[num_id]

    def _advance(
        self, counters: list[int | None], levels: dict[int, _Level], num_id: str, num: _Num, ilvl: int
    ) -> None:
        if ilvl in num.start_overrides and (num_id, ilvl) not in self._overridden:
            self._overridden.add((num_id, ilvl))
            counters[ilvl] = num.start_overrides[ilvl] - 1
        current = counters[ilvl]
        counters[ilvl] = levels[ilvl].start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None


def _inherited_numpr(
    sid: str, direct: dict[str, tuple[str | None, int | None, str | None]]
) -> tuple[str | None, int | None]:
    """numId and ilvl of a style, inherited through basedOn (cycle-safe)."""
    num_id: str | None = None
    ilvl: int | None = None
    seen: set[str] = set()
    current: str | None = sid
    while current and current in direct and current not in seen:
        seen.add(current)
        own_num, own_ilvl, based_on = direct[current]
        num_id = num_id or own_num
        ilvl = own_ilvl if ilvl is None else ilvl
        current = based_on
    return num_id, ilvl


_PLACEHOLDER = re.compile(r"%([1-9])")


def _render(levels: dict[int, _Level], counters: list[int | None], ilvl: int) -> str:
    level = levels[ilvl]
    if not level.text or level.fmt in ("bullet", "none"):
        return ""  # bullets carry no number the parser could use

    def number(match: re.Match[str]) -> str:
        k = int(match.group(1)) - 1
        ref = levels.get(k, _Level())
        value = counters[k]
        fmt = "decimal" if level.legal and k < ilvl else ref.fmt
        return format_number(ref.start if value is None else value, fmt)  # an unused parent shows its start

    return _PLACEHOLDER.sub(number, level.text)


# --------------------------------------------------------------------------- number formats

_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_COUNTING = frozenset(
    {
        "chineseCounting",
        "chineseCountingThousand",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
        "japaneseCounting",
        "japaneseCountingThousand",
    }
)
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN: tuple[tuple[int, str], ...] = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
)
_ROMAN += ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def format_number(n: int, fmt: str) -> str:
    """Render counter value `n` in a WordprocessingML numFmt; unknown formats fall back to decimal."""
    if n <= 0:
        return str(n)
    if fmt in ("upperLetter", "lowerLetter"):
        # Word goes A…Z, AA…ZZ, AAA…: the letter repeats, it does not carry like a column name.
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in _COUNTING:
        return _chinese_counting(n, _CN_DIGITS, "十百千")
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional"):
        return _chinese_counting(n, _CN_LEGAL_DIGITS, "拾佰仟", short_ten=False)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional":  # the heavenly stems 甲乙丙…, not 一二三
        return _STEMS[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _BRANCHES[(n - 1) % 12]
    return _enclosed(n, fmt)


def _enclosed(n: int, fmt: str) -> str:
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        if n <= 20:
            return chr(0x2460 + n - 1)  # ①…⑳
        if n <= 35:
            return chr(0x3251 + n - 21)  # ㉑…㉟
        if n <= 50:
            return chr(0x32B1 + n - 36)  # ㊱…㊿
    if fmt == "decimalEnclosedParen" and n <= 20:
        return chr(0x2474 + n - 1)  # ⑴…⒇
    if fmt == "decimalEnclosedFullstop" and n <= 20:
        return chr(0x2488 + n - 1)  # ⒈…⒛
    if fmt == "decimalFullWidth":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero" and n < 10:
        return f"0{n}"
    return str(n)


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def _chinese_counting(n: int, digits: str, units: str, short_ten: bool = True) -> str:
    """一, 十, 十一, 二十, 一百零五, 一千零一十…; short_ten writes 10-19 as 十… rather than 一十…."""
    if n >= 10000:
        return "".join(digits[int(d)] for d in str(n))
    out: list[str] = []
    zero = False
    for power in (3, 2, 1, 0):
        d = n // 10**power % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")  # a skipped place is read aloud once: 一百零五
            zero = False
        if not (short_ten and power == 1 and d == 1 and not out):
            out.append(digits[d])
        if power:
            out.append(units[power - 1])
    return "".join(out)
