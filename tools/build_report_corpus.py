"""Build the Word and PDF files of the real-report corpus from their source texts.

    python tools/build_report_corpus.py

Needs python-docx and fpdf2 (``pip install 'par_index[documents]' fpdf2``) and the DejaVu
Sans font (Debian package fonts-dejavu-core). The files are written next to their expected
readings in tests/data/reports/real/, as an office would produce them: a Word file with the
header of NĐ 30/2020/NĐ-CP Phụ lục I in a two-column table, and PDF files with a text layer.
Their text is the source's, word for word; only Markdown marks are dropped.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "reports" / "real"
SOURCES = REAL / "sources"
BA_TRANG = ROOT / "src" / "par_index" / "examples" / "data" / "ba-trang-2023-h1.md"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")

_COMMENT = re.compile(r"\A<!--(.*?)-->\n", re.DOTALL)
_MARKS = re.compile(r"^#{1,6}[ \t]*|\*\*|__")


def _source(path: Path) -> tuple[str, str]:
    """The comment naming the source, and the text after it."""
    text = path.read_text(encoding="utf-8")
    m = _COMMENT.match(text)
    if m is None:
        return "", text
    return m.group(1).strip(), text[m.end() :]


def _plain(line: str) -> tuple[str, bool]:
    """A Markdown line as plain text, and whether it was a heading or bold."""
    bold = line.lstrip().startswith(("#", "**"))
    return _MARKS.sub("", line.strip()).strip(), bold


def build_docx(source: Path, target: Path, header: list[tuple[str, str]]) -> None:
    """A Word file: the header pairs in a borderless table, then the body paragraphs."""
    import docx  # noqa: PLC0415 - needed only to build the corpus
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: PLC0415

    note, text = _source(source)
    document = docx.Document()
    document.core_properties.comments = (note or "Báo cáo CCHC xã Ba Trang")[:255]
    lines = text.splitlines()
    # The header lines the table replaces are dropped from the body.
    skip = {left for left, _ in header} | {right for _, right in header}
    table = document.add_table(rows=len(header), cols=2)
    for row, (left, right) in zip(table.rows, header, strict=True):
        row.cells[0].text, row.cells[1].text = left, right
    for raw in lines:
        plain, bold = _plain(raw)
        if not plain or plain in skip:
            continue
        paragraph = document.add_paragraph()
        run = paragraph.add_run(plain)
        run.bold = bold
        if plain in ("BÁO CÁO",):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.save(str(target))


def build_pdf(source: Path, target: Path) -> None:
    """A PDF file with a text layer, one paragraph per source line."""
    from fpdf import FPDF  # noqa: PLC0415 - needed only to build the corpus

    note, text = _source(source)
    pdf = FPDF(format="A4")
    pdf.set_subject(note)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_font("DejaVu", "B", str(FONT_BOLD))
    pdf.add_page()
    for raw in text.splitlines():
        plain, bold = _plain(raw)
        if not plain:
            pdf.ln(3)
            continue
        pdf.set_font("DejaVu", "B" if bold else "", 11)
        pdf.multi_cell(0, 6, plain, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(target))


def main() -> None:
    """Write the four built files of the corpus."""
    build_docx(
        BA_TRANG,
        REAL / "ba-trang-bao-cao-cchc-6-thang-2023.docx",
        [
            ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ("XÃ BA TRANG", "Độc lập - Tự do - Hạnh phúc"),
            ("Số: /BC-UBND", "Ba Trang, ngày 05 tháng 6 năm 2023"),
        ],
    )
    build_docx(
        SOURCES / "dungkno-bao-cao-cchc-quy-1-2025.md",
        REAL / "dungkno-bao-cao-cchc-quy-1-2025.docx",
        [
            ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ("XÃ ĐƯNG K’NỚ", "Độc lập - Tự do - Hạnh phúc"),
            ("Số: 31  /BC-UBND", "Đưng K’Nớ, ngày 07 tháng 3 năm 2025"),
        ],
    )
    build_pdf(SOURCES / "condao-mot-cua-quy-1-2021.md", REAL / "condao-mot-cua-quy-1-2021.pdf")
    build_pdf(
        SOURCES / "vinhphuc-mot-cua-huyen-xa-21-7-den-20-8-2021.md",
        REAL / "vinhphuc-mot-cua-huyen-xa-21-7-den-20-8-2021.pdf",
    )


if __name__ == "__main__":
    main()
