"""Report files as they arrive: Word (.docx), PDF with a text layer, HTML pages, and plain
text or Markdown in the encodings Vietnamese offices still produce.

:func:`read_document` picks the reader by content, not by the file name: a ZIP holding
``word/document.xml`` is a Word file, ``%PDF-`` starts a PDF, a text whose first tag is
``<html``, ``<!doctype html``, ``<body``, ``<div`` or ``<p`` is HTML. Everything else is
text, decoded as UTF-8 or UTF-16 (with or without a byte order mark) or Windows-1258.

Word and PDF need the optional extra ``documents`` (python-docx, pypdf), imported only when
such a file is read; without it the error names the extra to install.

* Word: paragraphs and tables in document order; a table row is written as a Markdown row
  ("| ỦY BAN NHÂN DÂN | CỘNG HÒA ... |"), one line per line of its cells, so the header
  table of a report (NĐ 30/2020/NĐ-CP Phụ lục I) reads as it looks.
* PDF: the text layer page by page; lines broken inside a sentence (by the page width) are
  joined again. A PDF without a text layer (a scan) has no text and is refused.
* HTML: tags stripped, the text of block elements on lines of its own, scripts and styles
  and comments dropped, entities decoded.
* Legacy fonts (TCVN3/ABC, VNI) cannot be told from Windows-1252 text reliably: a text that
  looks like one is refused with an error naming the encoding, never guessed.
"""

from __future__ import annotations

import html
import html.parser
import io
import re
import unicodedata
import zipfile
from pathlib import Path

import attrs

from par_index.exceptions import InvalidValueError, ParIndexError, Problem

__all__ = [
    "DocumentFormat",
    "DocumentReadError",
    "MissingExtraError",
    "ReadDocument",
    "html_to_text",
    "read_document",
    "read_document_bytes",
]


class DocumentReadError(InvalidValueError):
    """A file whose text cannot be read (an unknown encoding, a PDF without text, a broken
    Word file)."""

    term = "tệp báo cáo"
    what = "report file"


class MissingExtraError(ParIndexError, ImportError):
    """An optional dependency is not installed; the message names the extra to install."""

    def __init__(self, extra: str, package: str, what: str) -> None:
        self.extra, self.package = extra, package
        super().__init__(
            f"đọc {what} cần gói {package}: pip install 'par_index[{extra}]' "
            f"(reading {what} needs {package}: pip install 'par_index[{extra}]')"
        )


class DocumentFormat:
    """The formats :func:`read_document` tells apart (stable identifiers)."""

    DOCX = "docx"
    PDF = "pdf"
    HTML = "html"
    TEXT = "text"


@attrs.frozen
class ReadDocument:
    """The text of a file and how it was read.

    Attributes:
        text: the text.
        format: "docx", "pdf", "html" or "text".
        encoding: the text encoding used, for text and HTML files.
    """

    text: str
    format: str
    encoding: str | None = None


def _problem(code: str, expected: str, found: str, path: str = "file") -> Problem:
    return Problem(path=path, code=code, expected=expected, found=found)


# --- text encodings --------------------------------------------------------------------------

# Characters of TCVN3 (ABC) and VNI text read as Windows-1252: "Ch¬ng" (TCVN3 for "Chương"),
# "Ñ", "Ö" between lower-case letters (VNI). Seen together with few Vietnamese letters they
# mark a legacy font, which no standard codec decodes.
_TCVN3 = re.compile(r"[a-z][¬¶©®µ¸¹¼½¾ÆÇÌÍÎÏÞßæ][a-z]")
_VNI = re.compile(r"[a-zA-Z][ÑÖØÙÚÛÜÝßñöøùúûüý][a-z]")
_VIETNAMESE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")


def _decode_text(data: bytes, source: str) -> tuple[str, str]:
    """Text and encoding: UTF-8 (BOM allowed), UTF-16 (BOM, or NULs of ASCII), Windows-1258.

    Raises:
        DocumentReadError: for bytes none of these read, or a TCVN3/VNI legacy font.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if len(data) >= 4 and data[1:4:2] == b"\x00\x00" and data[0] != 0:
        try:
            return data.decode("utf-16-le"), "utf-16-le"
        except UnicodeDecodeError:
            pass
    if len(data) >= 4 and data[0:4:2] == b"\x00\x00" and data[1] != 0:
        try:
            return data.decode("utf-16-be"), "utf-16-be"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1258", errors="replace")
    sample = text[:20000]
    legacy = len(_TCVN3.findall(sample)) + len(_VNI.findall(sample))
    if legacy >= 3 and legacy > len(_VIETNAMESE.findall(sample)):
        raise DocumentReadError(
            [
                _problem(
                    "legacy-font-encoding",
                    "text in Unicode (UTF-8 or UTF-16): a TCVN3 (ABC) or VNI text must be "
                    "converted to Unicode first (Unikey: Công cụ chuyển mã)",
                    f"{source}: a TCVN3/VNI legacy-font text",
                )
            ]
        )
    if "\ufffd" in text or not _VIETNAMESE.search(sample):
        raise DocumentReadError(
            [
                _problem(
                    "bad-encoding",
                    "text in UTF-8, UTF-16 or Windows-1258",
                    f"{source}: bytes that are none of these",
                )
            ]
        )
    # Windows-1258 writes tone marks as combining characters: composed again here.
    return unicodedata.normalize("NFC", text), "cp1258"


# --- HTML ------------------------------------------------------------------------------------

_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "thead",
        "tr",
        "ul",
    ]
)
_DROP = frozenset({"script", "style", "noscript", "template", "head"})


class _TextOf(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        if tag in _DROP:
            self.skip += 1
        elif tag in ("td", "th"):
            self.parts.append(" | ")
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


_BLANKS = re.compile(r"[ \t\u00a0]*\n[ \t\u00a0\n]*")
_SPACES = re.compile(r"[ \t\u00a0]{2,}")


def html_to_text(markup: str) -> str:
    """The text of an HTML page: tags stripped, block elements on their own lines, table
    cells separated by " | ", scripts, styles and comments dropped, entities decoded."""
    parser = _TextOf()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts))
    lines = [_SPACES.sub(" ", ln).strip(" |") for ln in _BLANKS.split(text)]
    return "\n\n".join(ln for ln in lines if ln) + "\n"


_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|body|div|p|table|head|meta)\b",
    re.IGNORECASE | re.DOTALL,
)


# --- Word and PDF ----------------------------------------------------------------------------


def _docx_text(data: bytes, source: str) -> str:
    try:
        import docx  # noqa: PLC0415 - the optional extra, loaded when needed
        from docx.table import Table  # noqa: PLC0415
        from docx.text.paragraph import Paragraph  # noqa: PLC0415
    except ImportError:
        raise MissingExtraError("documents", "python-docx", "tệp Word (.docx)") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on a broken file
        raise DocumentReadError(
            [_problem("bad-docx", "a Word (.docx) file", f"{source}: {exc}")]
        ) from None
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells = [c.text.split("\n") for c in row.cells]
                depth = max((len(c) for c in cells), default=0)
                for i in range(depth):
                    parts = [c[i].strip() if i < len(c) else "" for c in cells]
                    lines.append("| " + " | ".join(parts) + " |")
            lines.append("")
    return "\n".join(lines) + "\n"


_DATE_LINE = re.compile(r"[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4}(?:\s|$)")
_SENTENCE_END = re.compile(r"[.:;!?)\]”\"]\s*$")


def _reflow(page: str) -> str:
    """Join the lines a PDF broke inside a sentence: the next line goes on in lower case,
    with a number or a mark, or the line broken was full (at least 0.8 of the page's widest
    line) and did not end its sentence. Runs of spaces that justified a line become one."""
    lines = [_SPACE_RUN.sub(" ", line.strip()) for line in page.splitlines()]
    full = 0.8 * max((len(line) for line in lines), default=0)
    out: list[str] = []
    previous_full = False
    for stripped in lines:
        goes_on = bool(stripped) and (
            stripped[0].islower() or stripped[0].isdigit() or stripped[0] in "%,.;:)"
        )
        if (
            out
            and out[-1]
            and stripped
            and not _SENTENCE_END.search(out[-1])
            and (goes_on or previous_full)
            and not _DATE_LINE.match(stripped)
        ):
            out[-1] = out[-1] + " " + stripped
        else:
            out.append(stripped)
        previous_full = len(stripped) >= full > 0
    return "\n".join(out)


_SPACE_RUN = re.compile(r"[ \t]{2,}")


def _pdf_text(data: bytes, source: str) -> str:
    try:
        import pypdf  # noqa: PLC0415 - the optional extra, loaded when needed
    except ImportError:
        raise MissingExtraError("documents", "pypdf", "tệp PDF") from None
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        pages = [_reflow(p.extract_text() or "") for p in reader.pages]
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on a broken file
        raise DocumentReadError([_problem("bad-pdf", "a PDF file", f"{source}: {exc}")]) from None
    text = "\n\n".join(p for p in pages if p.strip())
    if not text.strip():
        raise DocumentReadError(
            [
                _problem(
                    "pdf-without-text",
                    "a PDF with a text layer (a scanned PDF needs OCR first)",
                    f"{source}: no text on {len(pages)} page(s)",
                )
            ]
        )
    return text + "\n"


def read_document_bytes(data: bytes, source: str = "<bytes>") -> ReadDocument:
    """The text of a file's bytes, its format chosen by content (see the module docstring).

    Raises:
        DocumentReadError: when the text cannot be read.
        MissingExtraError: for a Word or PDF file without the ``documents`` extra.
    """
    if data.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except zipfile.BadZipFile:
            names = set()
        if "word/document.xml" in names:
            return ReadDocument(_docx_text(data, source), DocumentFormat.DOCX)
        raise DocumentReadError(
            [
                _problem(
                    "unknown-format",
                    "a .docx, .pdf, .html, .txt or .md file",
                    f"{source}: a ZIP archive",
                )
            ]
        )
    if data.lstrip()[:5] == b"%PDF-":
        return ReadDocument(_pdf_text(data, source), DocumentFormat.PDF)
    text, encoding = _decode_text(data, source)
    if _HTML_START.match(text[:4000]):
        return ReadDocument(html_to_text(text), DocumentFormat.HTML, encoding)
    return ReadDocument(text, DocumentFormat.TEXT, encoding)


def read_document(path: str | Path) -> ReadDocument:
    """The text of a report file (.docx, .pdf, .html, .txt, .md), chosen by content.

    Raises:
        DocumentReadError: when the text cannot be read.
        MissingExtraError: for a Word or PDF file without the ``documents`` extra.
        OSError: when the file cannot be read.
    """
    p = Path(path)
    return read_document_bytes(p.read_bytes(), str(p))
