"""Checks on a bulk upload before anything is stored or parsed (pure: no database).

Every file is checked on its own and a refusal names it, so one bad file never stops the
rest: unknown extension, empty, too large, content that is not what the name says (a .docx
that is really a PDF, a .pdf that is not, a .txt full of binary), and for zips: unsafe paths
(zip slip), nested zips, too many entries or too many bytes once inflated (zip bomb).
"""

from __future__ import annotations

import contextlib
import io
import posixpath
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from importers.pipeline import PaperError

# The pipeline's own sniffing (what a file really is, from its first bytes) decides here too,
# so the upload refuses exactly what the parser would later call "not what its name says".
from importers.pipeline.read import (
    OLE_MAGIC,
    ZIP_MAGICS,
    is_html_doc,
    is_pdf,
    is_word_doc,
    is_xls,
    refuse_known_binary,
)
from importers.pipeline.read_text import BinaryContent, UndecodableText, decode_text
from importers.pipeline.read_wordml import is_word_xml

PAPER_EXTENSIONS = (
    ".docx",
    ".doc",  # (Word 97-2003 binary, Word 2003 XML or a web page as exam systems save them, or a .docx)
    ".txt",
    ".md",
    ".markdown",
    ".mdx",  # (Markdown with components, as documentation sites keep exams: read as Markdown)
    ".html",
    ".htm",
    ".xlsx",
    ".xls",
    ".csv",
    ".tsv",  # (tab-separated, as Anki and Excel export a table)
    ".json",
    ".js",  # (a web quiz's data, "var exam=[…]", read as JSON5; any other script is refused)
    ".ts",  # (the same in TypeScript, "export const bank = […]")
    ".py",  # (the same in Python, "bank = [{…}]"; never run, read as data)
    ".pdf",
    ".gift",
    ".xml",
)
ZIP_EXTENSION = ".zip"
ACCEPTED_EXTENSIONS = (*PAPER_EXTENSIONS, ZIP_EXTENSION)
ZIP_MEMBER_OF = {".docx": "word/document.xml", ".xlsx": "xl/workbook.xml"}
UTF8_NAME_FLAG = 0x800  # zip general-purpose flag: the member name is UTF-8


@dataclass(frozen=True)
class Limits:
    max_files: int
    max_file_bytes: int
    max_total_bytes: int


@dataclass
class Checked:
    accepted: list[tuple[str, bytes]] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    total_bytes: int = 0


def check_uploads(files: Iterable[tuple[str, bytes]], limits: Limits) -> Checked:
    """Accept or refuse each (name, bytes); zips are unpacked and their entries checked alike."""
    result = Checked()
    for name, data in files:
        if name.lower().endswith(ZIP_EXTENSION):
            for entry_name, entry in _zip_entries(name, data, limits, result):
                _take(entry_name, entry, limits, result)
        else:
            _take(name, data, limits, result)
    return result


def _take(name: str, data: bytes, limits: Limits, result: Checked) -> None:
    reason = _refusal(name, data, limits)
    if reason is None and len(result.accepted) >= limits.max_files:
        reason = _("超过每批 %(max)d 个文件的上限,未接收") % {"max": limits.max_files}
    if reason is None and result.total_bytes + len(data) > limits.max_total_bytes:
        reason = _("超过每批共 %(mb)s MB 的上限,未接收") % {"mb": _mb(limits.max_total_bytes)}
    if reason is not None:
        result.refused.append(f"{name}: {reason}")
        return
    result.accepted.append((name, data))
    result.total_bytes += len(data)


def _refusal(name: str, data: bytes, limits: Limits) -> str | None:
    extension = posixpath.splitext(name.lower())[1]
    if extension not in PAPER_EXTENSIONS:
        return _("不支持的文件类型,只接收 %(types)s") % {"types": " ".join(ACCEPTED_EXTENSIONS)}
    if not data.strip():
        return _("文件是空的")
    if len(data) > limits.max_file_bytes:
        return _("文件超过 %(mb)s MB 的上限") % {"mb": _mb(limits.max_file_bytes)}
    return _content_mismatch(name, extension, data)


def _content_mismatch(name: str, extension: str, data: bytes) -> str | None:
    """Why the bytes are not what the extension says, or None when they are."""
    mismatch = _("文件内容与扩展名 %(ext)s 不符") % {"ext": extension}
    if extension == ".doc":
        return _doc_mismatch(data, mismatch)
    if extension in ZIP_MEMBER_OF:
        if not data.startswith(ZIP_MAGICS):
            return f"{mismatch}: {_sniffed(name, data)}"
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
            return _("文件已损坏,无法打开")
        if ZIP_MEMBER_OF[extension] not in names:
            return mismatch
        return None
    if data.startswith(ZIP_MAGICS):
        return f"{mismatch}: " + _("这是压缩包或 Office 文档")
    if extension == ".xls" or is_xls(data):
        return None if extension == ".xls" and is_xls(data) else f"{mismatch}: {_sniffed(name, data)}"
    if extension == ".pdf" or is_pdf(data):
        return None if extension == ".pdf" and is_pdf(data) else f"{mismatch}: {_sniffed(name, data)}"
    sniffed = _sniffed(name, data)
    if sniffed:
        return f"{mismatch}: {sniffed}"
    try:
        decode_text(data)
    except (UndecodableText, BinaryContent):
        return f"{mismatch}: " + _("不是可识别编码的文本")
    return None


def _doc_mismatch(data: bytes, mismatch: str) -> str | None:
    """A .doc is read when it is Word 97-2003's binary document, Word 2003 XML, a web page (Word
    opens all three as documents) or a .docx under the old name."""
    if is_word_doc(data) or is_word_xml(data) or is_html_doc(data):
        return None
    if data.startswith(OLE_MAGIC):
        return f"{mismatch}: {_sniffed('', data)}"  # (a spreadsheet or a slide deck named .doc)
    if data.startswith(ZIP_MAGICS):
        return _content_mismatch("", ".docx", data)
    return mismatch


def _sniffed(name: str, data: bytes) -> str:
    """What the pipeline says a non-zip file really is ("" when it looks like text)."""
    if is_pdf(data):
        return "is a PDF"
    try:
        refuse_known_binary(name, data)
    except PaperError as exc:
        return exc.reason
    return ""


def _zip_entries(name: str, data: bytes, limits: Limits, result: Checked) -> Iterable[tuple[str, bytes]]:
    """The paper files inside an uploaded zip; refusals for the zip or its entries go to result."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        result.refused.append(f"{name}: " + _("压缩包已损坏,无法打开"))
        return []
    with archive:
        # Declared sizes are checked before anything is inflated (zip bomb); zipfile refuses
        # to inflate a member past its declared size, so the declaration is binding.
        if len(infos) > limits.max_files:
            reason = _("压缩包内有 %(n)d 个文件,超过 %(max)d 个的上限")
            result.refused.append(f"{name}: {reason % {'n': len(infos), 'max': limits.max_files}}")
            return []
        declared = sum(info.file_size for info in infos)
        if declared > limits.max_total_bytes:
            reason = _("压缩包解压后有 %(mb)s MB,超过 %(max)s MB 的上限")
            result.refused.append(
                f"{name}: {reason % {'mb': _mb(declared), 'max': _mb(limits.max_total_bytes)}}"
            )
            return []
        entries = []
        for info in infos:
            entry_name = _entry_name(info)
            shown = f"{name}/{entry_name}"
            if info.is_dir() or _ignored(entry_name):
                continue
            if _unsafe(entry_name):
                result.refused.append(f"{shown}: " + _("路径不安全(绝对路径或 ..),未接收"))
                continue
            if entry_name.lower().endswith(ZIP_EXTENSION):
                result.refused.append(f"{shown}: " + _("不接收压缩包里的压缩包"))
                continue
            if info.file_size > limits.max_file_bytes:
                result.refused.append(
                    f"{shown}: " + _("文件超过 %(mb)s MB 的上限") % {"mb": _mb(limits.max_file_bytes)}
                )
                continue
            try:
                entries.append((shown, archive.read(info)))
            except (zipfile.BadZipFile, ValueError, EOFError, OSError, NotImplementedError, RuntimeError):
                result.refused.append(f"{shown}: " + _("无法解压(已损坏或加密)"))
        return entries


def _entry_name(info: zipfile.ZipInfo) -> str:
    """The member's name, decoded as GBK when the zip was made on Chinese Windows.

    Zips without the UTF-8 flag store names in the system code page; Python decodes them as
    cp437, which turns "第一章.docx" into mojibake.
    """
    name = info.filename
    if not info.flag_bits & UTF8_NAME_FLAG:
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            name = name.encode("cp437").decode("gbk")
    return name.replace("\\", "/")


def _ignored(entry_name: str) -> bool:
    # macOS Finder adds __MACOSX/ resource forks and .DS_Store; editors leave dotfiles.
    parts = entry_name.split("/")
    return "__MACOSX" in parts or any(part.startswith(".") and part not in {".", ".."} for part in parts)


def _unsafe(entry_name: str) -> bool:
    """Absolute paths and ".." (zip slip): we never write entries to disk by their name, but a
    name like that is a sign of a crafted archive, so it is refused rather than trusted."""
    parts = entry_name.split("/")
    return entry_name.startswith("/") or (len(parts[0]) == 2 and parts[0][1] == ":") or ".." in parts


def _mb(size: int) -> str:
    return f"{size / 2**20:.0f}" if size >= 2**20 else f"{size / 2**20:.2f}"
