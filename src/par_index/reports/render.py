"""Writing a report model back to Markdown in the usual layout of a CCHC report.

The layout follows NĐ 30/2020/NĐ-CP Phụ lục I (issuer, number, place and date, the name of
the document kind, the title, the body, "Nơi nhận", the signature block) and the outline of
MOHA letter 581/BNV-CCHC (docs/sources.md, reports)::

    **ỦY BAN NHÂN DÂN XÃ BA TRANG**
    Số: /BC-UBND
    Ba Trang, ngày 05 tháng 06 năm 2023
    # BÁO CÁO
    **Cải cách hành chính định kỳ 6 tháng năm 2023 xã Ba Trang**
    ## I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH
    - ...
    ### 1. Cải cách thể chế
    Trên đây là báo cáo ...
    **Nơi nhận:**
    - UBND huyện;
    **TM. Ủy ban nhân dân**
    **Chủ tịch**
    **Phạm Văn Thích**

A section of level ``n`` is a Markdown heading of depth ``n + 1`` (at most 6), so that
:func:`par_index.reports.parser.parse_report` reads the levels back from the depths. A
first section with an empty heading is written as text before the first heading. An item
is indented two spaces per depth step unless its marker already says its depth ("-" at 0,
"+" at 1). The closing sentence "Trên đây là báo cáo ..." is the usual boilerplate; the
parser drops it, as it drops a figure's label (the model keeps only what the text states).

What parses back to the same model (tested by property tests): reports whose unit is named
in the title (or the issuer) and has no code; whose issuer is in capitals; whose sections
have non-empty headings (except a first "preamble" section), levels up to 5 and the role and
reform area their headings name; whose figures and citations are those the text of the
bodies states, with their spans in the rendered text.
"""

from __future__ import annotations

from par_index.model.documents import DocumentRef
from par_index.model.units import AdministrativeUnit, UnitLevel
from par_index.reports.model import BlockKind, Report, Section

__all__ = ["render_markdown"]


def _unit_words(unit: AdministrativeUnit) -> str:
    """How a text names a unit: "thành phố Quảng Ngãi", not its classification word."""
    if unit.level in (UnitLevel.THANH_PHO_THUOC_TINH, UnitLevel.THANH_PHO_TRUC_THUOC_TRUNG_UONG):
        return f"thành phố {unit.name}"
    return str(unit)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _number_line(ref: DocumentRef) -> str:
    return f"Số: {ref}"


def _date_line(report: Report) -> str | None:
    h = report.header
    if h.place is None and h.date is None:
        return None
    when = (
        f"ngày {h.date.day:02d} tháng {h.date.month:02d} năm {h.date.year:04d}"
        if h.date is not None
        else "ngày … tháng … năm …"
    )
    return f"{h.place}, {when}" if h.place is not None else when[:1].upper() + when[1:]


def _numbering(section: Section) -> str:
    if not section.numbering:
        return ""
    closer = ")" if section.numbering.islower() else "."
    return f"{section.numbering}{closer} "


def _indent(marker: str, depth: int) -> str:
    implicit = 1 if marker in "+○◦" else 0
    if depth == implicit:
        return ""
    return " " if depth == 0 else "  " * depth


def _body(section: Section, out: list[str]) -> None:
    previous_item = False
    for block in section.body:
        if block.kind is BlockKind.ITEM:
            if not previous_item:
                out.append("")
            out.append(f"{_indent(block.marker, block.depth)}{block.marker} {block.text}")
            previous_item = True
        else:
            out.extend(("", block.text))
            previous_item = False


def _section(section: Section, out: list[str], *, first: bool) -> None:
    preamble = first and not section.heading and not section.numbering and not section.children
    if not preamble:
        depth = min(section.level + 1, 6)
        out.extend(("", f"{'#' * depth} {_numbering(section)}{section.heading}".rstrip()))
    _body(section, out)
    for child in section.children:
        _section(child, out, first=False)


def render_markdown(report: Report) -> str:
    """The report as Markdown in the usual layout (see the module docstring).

    Args:
        report: any report model.

    Returns:
        Markdown text ending with a line break; parsing it gives the same model for the
        reports described in the module docstring.
    """
    out: list[str] = []
    h = report.header
    if h.issuer is not None:
        out.extend((f"**{h.issuer}**", ""))
    if h.number is not None:
        out.extend((_number_line(h.number), ""))
    dated = _date_line(report)
    if dated is not None:
        out.extend((dated, ""))
    out.extend(("# BÁO CÁO", "", f"**{report.title}**"))
    for i, section in enumerate(report.sections):
        _section(section, out, first=i == 0)
    unit = f" của {_unit_words(report.unit)}" if report.unit is not None else ""
    when = (
        str(report.period)
        if report.period is not None
        else (report.stated_period.label() if report.stated_period is not None else "kỳ này")
    )
    out.extend(("", f"Trên đây là báo cáo {_lower_first(when)}{unit}./."))
    if report.recipients:
        out.extend(("", "**Nơi nhận:**", ""))
        last = len(report.recipients) - 1
        out.extend(f"- {r}{'.' if i == last else ';'}" for i, r in enumerate(report.recipients))
    s = report.signatory
    if s is not None:
        out.append("")
        if s.on_behalf:
            out.append(f"**{s.on_behalf}**")
        out.extend((f"**{s.title}**", "", f"**{s.name}**"))
    return "\n".join(out) + "\n"
