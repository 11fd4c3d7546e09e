"""Reading a periodic CCHC report (báo cáo CCHC) from its text into a :class:`Report`.

The input is Markdown or plain text as a word processor exports it or as it is copied from a
government portal. The layout of such a report (NĐ 30/2020/NĐ-CP Phụ lục I, thể thức văn
bản; outline of MOHA letter 581/BNV-CCHC, docs/sources.md) is read in zones:

1. **Header**, before the line "BÁO CÁO": the issuing body in capitals ("ỦY BAN NHÂN DÂN /
   XÃ BA TRANG"), the national motto (skipped), "Số: 31/BC-UBND" and the date line
   "Ba Trang, ngày 05 tháng 6 năm 2023". Portal text before the header (menus, visit
   counters, a copy of the title) is skipped; the last number and date line before "BÁO CÁO"
   win. Markdown table rows are read cell by cell.
2. **Title**, the lines after "BÁO CÁO" (or the rest of a line "Báo cáo ..."); the reporting
   period is read from it and the unit ("xã Ba Trang") from it or else from the issuer.
   "Kính gửi: ..." lines after it are skipped.
3. **Body**, up to "Trên đây là báo cáo ...", "Nơi nhận:" or the signature block, whichever
   comes first (a text cut off earlier simply has no tail). Headings are Markdown ``#``
   lines, whole-line bold, numbered lines ("I.", "1.", "1.1", "a)", "A.") starting with a
   capital, and unnumbered lines in capitals; every other non-blank line is one block (an
   item when it starts with ``-``, ``+``, ``•``, ``*``, ``–``). Text before the first heading
   becomes a section with an empty heading.
4. **Tail**: recipients ("Nơi nhận:" and its items) and the signature block ("TM. ỦY BAN NHÂN
   DÂN", "CHỦ TỊCH", the name), in either order.

Section levels: when every heading is a Markdown heading and the ``#`` depth agrees with the
numbering styles (one depth per style and one style per depth), levels follow the depth.
Otherwise levels follow the numbering styles in order of first appearance (the usual "I." →
"1." → "a)" of Vietnamese documents), whatever their ``#`` depth; an unnumbered heading that
names a part of the outline takes its level from the part (I.–V. at level 1, the reform areas
and "Mặt tích cực" / "Tồn tại, hạn chế" at level 2). Roles and reform areas are read from
the heading's words (see :func:`_classify`).

An item's depth is its indentation in steps of two spaces; without indentation a ``+`` item
is at depth 1 and other markers at depth 0, as Vietnamese documents use "-" then "+".

Figures are read by :func:`par_index.reports.extract.extract_figures` from the bodies of the
sections, leaving out "Phương hướng, nhiệm vụ" and "Kiến nghị, đề xuất" (targets are not
results) and everything outside the body (a number in a banner is no figure). Citations are
every document reference from "BÁO CÁO" to the end of the signature block.

Spans index :func:`normalize_text` of the input. The whole reading is linear in the length of
the text: lines are visited a bounded number of times and every pattern is linear.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

import attrs

from par_index.core.validation import show
from par_index.exceptions import InvalidValueError, Problem
from par_index.model.areas import ReformArea
from par_index.model.documents import DocumentRef, find_document_refs
from par_index.model.periods import (
    PeriodKind,
    ReportingPeriod,
    find_period,
    find_period_mentions,
)
from par_index.model.units import AdministrativeUnit, UnitLevel
from par_index.reports._text import LineIndex, decode
from par_index.reports.extract import Region, extract_figures, normalize_text
from par_index.reports.figures import STANDARD_FIGURES
from par_index.reports.flows import FlowFigure, merge_flows, read_flows, read_table
from par_index.reports.model import (
    Block,
    BlockKind,
    Citation,
    Figure,
    Report,
    ReportHeader,
    ScopeKind,
    Section,
    SectionRole,
    Signatory,
    TextKind,
)
from par_index.reports.periods import (
    StatedPeriod,
    StatedPeriodKind,
    find_stated_periods,
    stated_period,
)

__all__ = [
    "ParsedReport",
    "ReportParseError",
    "decode_report",
    "normalize_text",
    "parse_report",
    "parse_report_file",
    "read_report",
]


class ReportParseError(InvalidValueError):
    """A text in which no periodic CCHC report (báo cáo CCHC) can be recognised.

    Raised only when the text has no report title that names a reporting period: no line
    "BÁO CÁO" (or "Báo cáo ...") followed by a title with a period phrase such as "6 tháng
    đầu năm 2023" or "quý I năm 2024"; or when the input is not text. Everything else in a
    report may be missing or malformed without an error: the part is then absent.
    """

    term = "báo cáo CCHC"
    what = "report text"


@attrs.frozen
class ParsedReport:
    """A report with the text it was read from and where its parts stand.

    Attributes:
        text: the normalised text (:func:`normalize_text`) every span indexes.
        report: the report.
        body: ``(start, end)`` offsets of the body: from the end of the title to the closing
            sentence, "Nơi nhận" or the signature block.
        regions: the stretches figures were read from (section bodies with their reform
            area), in reading order.
        partial: whether the text stops before its end (cut off mid-sentence, no closing
            part): the sections it lacks are not missing from the report.
    """

    text: str
    report: Report
    body: tuple[int, int]
    regions: tuple[Region, ...]
    partial: bool = False


# --- lines -----------------------------------------------------------------------------------


@attrs.frozen
class _Line:
    start: int
    end: int
    raw: str  # the line without surrounding whitespace

    @property
    def blank(self) -> bool:
        return not self.raw


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    start = 0
    for part in text.split("\n"):
        out.append(_Line(start, start + len(part), part.strip()))
        start += len(part) + 1
    return out


_QUOTES = "\"“”„‟'‘’‚‛«»「」『』"
_WRAP_CHARS = f" \t#>*_`\\{_QUOTES}"
_RULE_LINE = re.compile(r"[-_=*~ \t|:]{3,}+")


def _clean(raw: str) -> str:
    """A line without Markdown marks and quotes around it ("### **BÁO CÁO**" → "BÁO CÁO")."""
    return raw.strip(_WRAP_CHARS)


def _is_rule(raw: str) -> bool:
    return bool(raw) and _RULE_LINE.fullmatch(raw) is not None


def _cells(raw: str) -> list[str]:
    """A Markdown table row as its cells; any other line as itself."""
    if raw.startswith("|") and raw.count("|") >= 2:
        return [c.strip() for c in raw.strip("|").split("|")]
    return [raw]


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


# --- headings and blocks ---------------------------------------------------------------------

_ATX = re.compile(r"(#{1,6})(?:[ \t]++(.*))?")
_CLOSING_HASHES = re.compile(r"(?:^|[ \t]++)#++[ \t]*+$")
_BOLD = re.compile(r"(\*\*|__)(.+)\1[ \t]*+:?")
_NUMBERING = re.compile(
    r"(?P<num>(?P<roman>[IVX]{1,6})|(?P<arabic>[0-9]{1,2}(?:\.[0-9]{1,2}){0,3})|"
    r"(?P<lower>[a-zđ])|(?P<upper>[A-HJ-UYZĐ]))"
    r"(?(arabic)(?:[.)]|(?<=[0-9])(?=[ \t]))|[.):])[ \t]*+[-–—]?[ \t]*+"
)
_ITEM = re.compile(r"([ \t]*+)([-+•*–—●○◦▪·])[ \t]++(\S.*)")
_LEVEL_ONE_MARKERS = frozenset("+○◦")


@attrs.frozen
class _Heading:
    text: str
    numbering: str
    style: str | None  # numbering style, None when unnumbered
    depth: int | None  # Markdown heading depth, None for other headings
    kind: str  # "atx", "bold", "plain"


def _split_numbering(text: str) -> tuple[str, str | None, str]:
    """``("I", "roman", "CÔNG TÁC ...")`` for "I. CÔNG TÁC ..."; ``("", None, text)``."""
    m = _NUMBERING.match(text)
    if m is None or m.end() == len(text):
        return "", None, text
    style = next(n for n in ("roman", "arabic", "lower", "upper") if m.group(n) is not None)
    number = m.group("num")
    if style == "arabic" and "." in number:
        style = f"arabic{number.count('.') + 1}"
    rest = _clean(text[m.end() :]).rstrip(":").rstrip()
    return number, style, rest


def _heading(raw: str) -> _Heading | None:
    """The heading a line is, or None for a block."""
    atx = _ATX.fullmatch(raw)
    if atx is not None:
        # A closing run of "#" after a space is no part of the heading (CommonMark).
        content = _CLOSING_HASHES.sub("", atx.group(2) or "")
        content, depth, kind = _clean(content), len(atx.group(1)), "atx"
    elif (bold := _BOLD.fullmatch(raw)) is not None:
        content, depth, kind = _clean(bold.group(2)), None, "bold"
    else:
        content, depth, kind = _clean(raw), None, "plain"
    content = content.rstrip(":").rstrip()
    number, style, rest = _split_numbering(content)
    if kind == "atx":
        return _Heading(rest, number, style, depth, kind)
    if kind == "bold":
        if len(rest) <= 250 and not rest.endswith((";", ",")) and "**" not in rest:
            return _Heading(rest, number, style, None, kind)
        return None
    if style is not None:
        limit = 250 if style == "roman" else 150
        if (
            rest[:1].isupper()
            and len(rest) <= limit
            and not rest.endswith((".", ";", ","))
            and "**" not in rest
        ):
            return _Heading(rest, number, style, None, kind)
        return None
    if len(rest.split()) >= 2 and len(rest) <= 200 and _is_upper(rest) and "**" not in rest:
        return _Heading(rest, "", None, None, kind)
    return None


def _block(text: str, line: _Line) -> Block:
    """A paragraph, or an item with its depth (indentation in steps of two spaces; without
    indentation ``+`` is depth 1 and other markers depth 0)."""
    m = _ITEM.fullmatch(text[line.start : line.end].rstrip())
    if m is None:
        return Block(BlockKind.PARAGRAPH, line.raw)
    indent = m.group(1).replace("\t", "  ")
    marker = m.group(2)
    implicit = 1 if marker in _LEVEL_ONE_MARKERS else 0
    depth = len(indent) // 2 if indent else implicit
    return Block(BlockKind.ITEM, m.group(3).strip(), marker, depth)


# --- roles and reform areas of headings ------------------------------------------------------

_TOP_ROLES = frozenset(
    {
        SectionRole.DIRECTION,
        SectionRole.RESULTS,
        SectionRole.ASSESSMENT,
        SectionRole.DIRECTIONS,
        SectionRole.PROPOSALS,
    }
)
_SUB_ROLES = frozenset({SectionRole.REFORM_AREA, SectionRole.STRENGTHS, SectionRole.WEAKNESSES})
_NO_FIGURES = frozenset({SectionRole.DIRECTIONS, SectionRole.PROPOSALS})

_FEW = r"(?:(?:những|các|một số|về|tình hình|kết quả)\s+)?"
# Parts of the 581/BNV-CCHC outline, matched at the start of the folded heading, in order.
_PARTS: list[tuple[SectionRole, re.Pattern[str]]] = [
    (
        SectionRole.ASSESSMENT,
        re.compile(
            r"(?:đánh giá chung|nhận xét,?\s+đánh giá|đánh giá,?\s+nhận xét|nhận xét chung)"
        ),
    ),
    (
        SectionRole.STRENGTHS,
        re.compile(
            r"(?:(?:những|các|một số)\s+)?(?:mặt tích cực|ưu điểm|mặt làm được|mặt được|"
            r"kết quả đạt được|những mặt đã làm được)(?:\s*[,:(].*)?$"
        ),
    ),
    (
        SectionRole.WEAKNESSES,
        re.compile(r"(?:(?:những|các|một số)\s+)?(?:mặt\s+)?(?:tồn tại|hạn chế|khó khăn|bất cập)"),
    ),
    (
        SectionRole.DIRECTIONS,
        re.compile(
            r"(?:(?:những|một số)\s+)?(?:phương hướng|nhiệm vụ,?\s+(?:và\s+)?giải pháp|"
            r"nhiệm vụ\s+(?:trọng tâm|trọng t[âa]m|thời gian tới|tiếp theo))"
        ),
    ),
    (
        SectionRole.PROPOSALS,
        re.compile(r"(?:(?:những|một số|các)\s+)?(?:kiến nghị|đề xuất|đề nghị)"),
    ),
    (
        SectionRole.DIRECTION,
        re.compile(
            rf"{_FEW}(?:công tác\s+)?(?:lãnh đạo,?\s+)?chỉ đạo(?:,?\s+(?:điều hành|triển khai))?"
        ),
    ),
]
# Reform areas (QĐ 876/QĐ-BNV domains, docs/sources.md), anywhere in the heading, in order.
_AREAS: list[tuple[ReformArea, re.Pattern[str]]] = [
    (ReformArea.IMPACT, re.compile(r"tác động của (?:công tác\s+)?cải cách")),
    (
        ReformArea.DIGITAL_GOVERNMENT,
        re.compile(
            r"chính quyền điện tử|chính quyền số|chính phủ điện tử|chính phủ số|chuyển đổi số|"
            r"hiện đại hoá hành chính|hiện đại hóa hành chính|hiện đại hóa nền hành chính"
        ),
    ),
    (ReformArea.PROCEDURES, re.compile(r"thủ tục hành chính|\btthc\b|kiểm soát thủ tục|một cửa")),
    (
        ReformArea.INSTITUTIONS,
        re.compile(r"thể chế|văn bản quy phạm pháp luật|văn bản qppl|\bvbqppl\b"),
    ),
    (ReformArea.APPARATUS, re.compile(r"tổ chức bộ máy|bộ máy hành chính")),
    (ReformArea.CIVIL_SERVICE, re.compile(r"công vụ|đội ngũ cán bộ")),
    (ReformArea.PUBLIC_FINANCE, re.compile(r"tài chính công|tài chính")),
]
_RESULTS = re.compile(r"(?:kết quả|tình hình thực hiện|tình hình triển khai)")


def _classify(heading: str) -> tuple[SectionRole, ReformArea | None]:
    """The outline part and reform area a heading names (581/BNV-CCHC, QĐ 876/QĐ-BNV).

    Parts are matched at the start of the heading (so "Phương hướng, nhiệm vụ cải cách hành
    chính" is not read as a reform area), reform areas anywhere; a heading starting with
    "Kết quả" that names no area is the results part.
    """
    folded = _fold(heading)
    for role, pattern in _PARTS:
        if pattern.match(folded):
            return role, ReformArea.DIRECTION if role is SectionRole.DIRECTION else None
    for area, pattern in _AREAS:
        if pattern.search(folded):
            return SectionRole.REFORM_AREA, area
    if _RESULTS.match(folded):
        return SectionRole.RESULTS, None
    return SectionRole.OTHER, None


# --- zone markers ----------------------------------------------------------------------------

_CLOSING = re.compile(r"trên đây là\b")
_RECIPIENTS = re.compile(r"nơi[ \t]++nhận\b[ \t]*+:?[ \t]*+", re.IGNORECASE)
_SIGN_PREFIX = re.compile(r"(?:TM|T/M|KT|TL|TUQ|Q)\.?[ \t]*+(?=\S)")
# Titles of signers (NĐ 30/2020/NĐ-CP Phụ lục I, mục II.8: chức vụ của người ký), folded.
_TITLES: dict[str, str] = {
    "chủ tịch": "Chủ tịch",
    "phó chủ tịch": "Phó Chủ tịch",
    "trưởng phòng": "Trưởng phòng",
    "phó trưởng phòng": "Phó Trưởng phòng",
    "giám đốc": "Giám đốc",
    "phó giám đốc": "Phó Giám đốc",
    "trưởng ban": "Trưởng ban",
    "phó trưởng ban": "Phó Trưởng ban",
    "chánh văn phòng": "Chánh Văn phòng",
    "phó chánh văn phòng": "Phó Chánh Văn phòng",
    "bí thư": "Bí thư",
    "phó bí thư": "Phó Bí thư",
    "thủ trưởng cơ quan": "Thủ trưởng cơ quan",
    "thủ trưởng đơn vị": "Thủ trưởng đơn vị",
    "chủ nhiệm": "Chủ nhiệm",
    "cục trưởng": "Cục trưởng",
    "chi cục trưởng": "Chi cục trưởng",
    "trưởng đoàn": "Trưởng đoàn",
}
_TITLE_AT_END = re.compile(
    "[ \t]++(" + "|".join(sorted((t.upper() for t in _TITLES), key=len, reverse=True)) + ")$"
)
_KINH_GUI = re.compile(r"kính gửi\b")


def _is_sign_start(clean: str) -> bool:
    return _SIGN_PREFIX.match(clean) is not None or _fold(clean) in _TITLES


def _body_end_marker(line: _Line) -> bool:
    clean = _clean(line.raw)
    folded = _fold(clean)
    return bool(
        _CLOSING.match(folded)
        or _RECIPIENTS.match(clean)
        or (_is_sign_start(clean) and len(clean) <= 80)
    )


# --- header ----------------------------------------------------------------------------------

_DATE_WORDS = re.compile(
    r"[ \t]*+(?P<d>[0-9]{1,2})[ \t]++tháng[ \t]++(?P<m>[0-9]{1,2})[ \t]++năm[ \t]++"
    r"(?P<y>[0-9]{4})(?![0-9])"
    r"|[ \t]*+(?P<d2>[0-9]{1,2})[ \t]*+(?P<sep>[/.-])[ \t]*+(?P<m2>[0-9]{1,2})[ \t]*+(?P=sep)"
    r"[ \t]*+(?P<y2>[0-9]{4})(?![0-9])",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(
    r"(?:(?P<place>[^\W\d_][^,\n]{0,60}?)[ \t]*+,[ \t]*+)?ngày(?=[ \t.…_0-9]|$)(?P<rest>.*)",
    re.IGNORECASE,
)
_NUMBER_LINE = re.compile(r"số\b", re.IGNORECASE)
_ISSUER_START = re.compile(
    r"(?:ỦY BAN|UỶ BAN|UBND|HĐND|HỘI ĐỒNG|SỞ|PHÒNG|BAN|BỘ|VĂN PHÒNG|CHI CỤC|TỔNG CỤC|CỤC|"
    r"TRUNG TÂM|ĐẢNG ỦY|ĐẢNG UỶ|ĐẢNG BỘ|THANH TRA|CÔNG AN|TRƯỜNG)\b"
)
_MOTTO = re.compile(r"(?:cộng hòa|cộng hoà) xã hội chủ nghĩa việt nam|độc lập\W+tự do\W+hạnh phúc")


def _date_of(rest: str) -> date | None:
    m = _DATE_WORDS.match(rest)
    if m is None:
        return None
    d, mo, y = (m["d"], m["m"], m["y"]) if m["d"] is not None else (m["d2"], m["m2"], m["y2"])
    try:
        return date(int(y), int(mo), int(d))
    except ValueError:
        return None  # "ngày 31 tháng 6": no such day, nothing guessed


def _header(lines: Sequence[_Line]) -> ReportHeader:
    number: DocumentRef | None = None
    place: str | None = None
    when: date | None = None
    issuer: str | None = None
    group: list[str] = []
    for line in lines:
        for cell in _cells(line.raw):
            clean = _clean(cell)
            folded = _fold(clean)
            if not clean or _is_rule(cell) or _MOTTO.fullmatch(folded.strip(" -–")):
                continue  # transparent: blank, rule lines, the national motto
            if _NUMBER_LINE.match(clean):
                refs = find_document_refs(clean)
                if refs:
                    number = refs[0].ref
            elif (dated := _DATE_LINE.fullmatch(clean)) is not None:
                raw_place = (dated["place"] or "").strip(_WRAP_CHARS)
                place = raw_place or None
                when = _date_of(dated["rest"])
            if _is_upper(clean) and not _NUMBER_LINE.match(clean):
                if group or _ISSUER_START.match(clean):
                    group.append(" ".join(clean.split()))
                    issuer = " ".join(group)
                continue
            group = []
    return ReportHeader(number, place, when, issuer)


# --- title and unit --------------------------------------------------------------------------

_TITLE_WORD = re.compile(r"báo cáo\b[ \t:.–-]*+", re.IGNORECASE)
_LEVEL_WORDS: dict[str, UnitLevel] = {
    "thành phố": UnitLevel.THANH_PHO_THUOC_TINH,
    "tp.": UnitLevel.THANH_PHO_THUOC_TINH,
    "thị xã": UnitLevel.THI_XA,
    "thị trấn": UnitLevel.THI_TRAN,
    "đặc khu": UnitLevel.DAC_KHU,
    "phường": UnitLevel.PHUONG,
    "quận": UnitLevel.QUAN,
    "huyện": UnitLevel.HUYEN,
    "tỉnh": UnitLevel.TINH,
    "xã": UnitLevel.XA,
}
# Centrally governed cities (Luật Tổ chức chính quyền địa phương; Huế from 01/01/2025 by
# Nghị quyết 1314/NQ-UBTVQH15): "thành phố Hà Nội" is province level.
_CENTRAL_CITIES = frozenset({"hà nội", "hồ chí minh", "hải phòng", "đà nẵng", "cần thơ", "huế"})
_UNIT = re.compile(
    r"(?<!\w)(?P<level>thành phố|tp\.|thị xã|thị trấn|đặc khu|phường|quận|huyện|tỉnh|xã)"
    r"[ \t]*+(?P<name>[^\W\d_][\w]*+(?:[ \t]++[^\W\d_][\w]*+){0,5})",
    re.IGNORECASE,
)


def _title_case(words: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in words.split())


def _unit_in(text: str) -> AdministrativeUnit | None:
    """The first "<level> <Proper Name>" in ``text`` ("xã Ba Trang", "HUYỆN BA TƠ")."""
    for m in _UNIT.finditer(text):
        names: list[str] = []
        for word in m["name"].split():
            if not word[:1].isupper():
                break
            names.append(word)
        if not names:
            continue
        name = " ".join(names)
        if _is_upper(name) or name.isupper():
            name = _title_case(name)
        level = _LEVEL_WORDS[m["level"].casefold()]
        if level is UnitLevel.THANH_PHO_THUOC_TINH and name.casefold() in _CENTRAL_CITIES:
            level = UnitLevel.THANH_PHO_TRUC_THUOC_TRUNG_UONG
        return AdministrativeUnit(None, name, level)
    return None


_COMMITTEE = re.compile(r"(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND)[ \t]++")


def _issuer_unit(issuer: str) -> AdministrativeUnit | None:
    """The unit an issuer names after "ỦY BAN NHÂN DÂN" ("ỦY BAN NHÂN DÂN XÃ BA TRANG")."""
    found = list(_COMMITTEE.finditer(issuer))
    return _unit_in(issuer[found[-1].end() :]) if found else None


@attrs.frozen
class _Title:
    text: str
    period: ReportingPeriod
    next_index: int  # the first line after the title (and "Kính gửi")


def _title_kind(line: _Line) -> str:
    if _ATX.fullmatch(line.raw):
        return "atx"
    if _BOLD.fullmatch(line.raw):
        return "bold"
    return "plain"


def _read_title(
    lines: Sequence[_Line], anchor: int, inline: str, year: int | None = None
) -> _Title | None:
    """The title after the "BÁO CÁO" line at ``anchor`` (``inline``: text after the word)."""
    parts: list[str] = [inline] if inline else []
    kind = _title_kind(lines[anchor]) if inline else ""
    gap = False
    i = anchor + 1
    while i < len(lines) and i <= anchor + 8 and len(parts) < 4:
        line = lines[i]
        if line.blank or _is_rule(line.raw):
            gap = gap or bool(parts)
            i += 1
            continue
        clean = _clean(line.raw)
        heading = _heading(line.raw)
        if (
            _ITEM.fullmatch(line.raw)
            or _KINH_GUI.match(_fold(clean))
            or _body_end_marker(line)
            or (heading is not None and heading.numbering)
            or len(clean) > 250
            or clean.endswith((":", ";", "."))
        ):
            break
        this_kind = _title_kind(line)
        if parts:
            if this_kind != kind or (kind == "plain" and gap):
                break
            if heading is not None and _classify(heading.text)[0] is not SectionRole.OTHER:
                break
        else:
            kind = this_kind
        parts.append(clean.rstrip(":").strip())
        i += 1
    text = " ".join(" ".join(parts).split())
    found = find_period(text) if text else None
    period = found.period if found is not None else None
    if period is None and year is not None and text:
        # "Kết quả công tác cải cách hành chính quý I" dated "ngày 10 tháng 3 năm 2023": the
        # title names the period, the date line its year.
        mention = next(
            (m for m in find_period_mentions(text) if m.kind is not PeriodKind.YEAR), None
        )
        if mention is not None:
            try:
                period = ReportingPeriod(mention.kind, year, mention.number)
            except ValueError:  # pragma: no cover - a mention names an existing period
                period = None
    if period is None:
        return None
    # "Kính gửi: ..." and the items naming the addressees belong to no section.
    while i < len(lines) and (lines[i].blank or _KINH_GUI.match(_fold(_clean(lines[i].raw)))):
        if not lines[i].blank:
            i += 1
            while i < len(lines) and (lines[i].blank or _ITEM.fullmatch(lines[i].raw)):
                i += 1
            continue
        i += 1
    return _Title(text, period, i)


def _year_before(lines: Sequence[_Line], anchor: int) -> int | None:
    """The year of the date line above a title ("..., ngày 10 tháng 3 năm 2023")."""
    for line in reversed(lines[max(0, anchor - 12) : anchor]):
        dated = _DATE_LINE.fullmatch(_clean(line.raw))
        if dated is not None and (when := _date_of(dated["rest"])) is not None:
            return when.year
    return None


def _find_title(lines: Sequence[_Line]) -> tuple[int, _Title] | None:
    """The anchor line index and title: a bare "BÁO CÁO" line first, else "Báo cáo <title>"."""
    for bare in (True, False):
        for index, line in enumerate(lines):
            if line.blank:
                continue
            clean = _clean(line.raw).rstrip(":").strip()
            m = _TITLE_WORD.match(clean)
            if m is None:
                continue
            rest = _clean(clean[m.end() :])
            if bare != (not rest):
                continue
            title = _read_title(lines, index, rest, _year_before(lines, index))
            if title is not None:
                return index, title
    return None


# --- sections --------------------------------------------------------------------------------


@attrs.define
class _Node:
    """A section being built (mutable until the tree is complete)."""

    heading: str
    numbering: str
    level: int
    role: SectionRole
    area: ReformArea | None
    body_start: int
    body_end: int = 0
    body: list[Block] = attrs.field(factory=list)
    children: list[_Node] = attrs.field(factory=list)

    def freeze(self) -> Section:
        return Section(
            heading=self.heading,
            level=self.level,
            role=self.role,
            numbering=self.numbering,
            area=self.area,
            body=tuple(self.body),
            children=tuple(c.freeze() for c in self.children),
        )


def _levels(headings: Sequence[_Heading]) -> list[int]:
    """The level of every heading (see the module docstring)."""
    if headings and all(h.depth is not None for h in headings):
        by_style: dict[str, int | None] = {}
        by_depth: dict[int | None, str] = {}
        consistent = True
        for h in headings:
            if h.style is None:
                continue
            consistent &= by_style.setdefault(h.style, h.depth) == h.depth
            consistent &= by_depth.setdefault(h.depth, h.style) == h.style
        if consistent:
            top = min(h.depth or 1 for h in headings)
            return [min(max((h.depth or 1) - top + 1, 1), 6) for h in headings]
    levels: list[int] = []
    stack: list[str] = []
    for h in headings:
        role = _classify(h.text)[0]
        if h.style is None and (role in _TOP_ROLES or role in _SUB_ROLES):
            level = 1 if role in _TOP_ROLES or not stack else 2
            del stack[level:]
            stack.extend("~" for _ in range(level - len(stack)))
            levels.append(level)
            continue
        key = h.style if h.style is not None else f"plain:{h.kind}:{h.depth}"
        if key in stack:
            del stack[stack.index(key) + 1 :]
        else:
            stack.append(key)
        levels.append(min(len(stack), 6))
    return levels


def _sections(
    text: str, lines: Sequence[_Line], start: int, stop: int
) -> tuple[list[_Node], list[tuple[_Node, tuple[_Node, ...]]]]:
    """The section tree of lines ``[start, stop)``; also every node with its ancestors."""
    entries: list[tuple[_Line, _Heading | None]] = []
    for line in lines[start:stop]:
        if line.blank or _is_rule(line.raw):
            continue
        entries.append((line, None if _ITEM.fullmatch(line.raw) else _heading(line.raw)))
    headings = [h for _, h in entries if h is not None]
    levels = iter(_levels(headings))
    body_start = _offset(lines, start, text)
    preamble = _Node("", "", 1, SectionRole.OTHER, None, body_start)
    roots: list[_Node] = []
    flat: list[tuple[_Node, tuple[_Node, ...]]] = []
    open_nodes: list[_Node] = []
    current = preamble
    for line, heading in entries:
        if heading is None:
            current.body.append(_block(text, line))
            continue
        current.body_end = line.start
        if current is preamble and preamble.body:
            roots.append(preamble)
            flat.append((preamble, ()))
        level = next(levels)
        role, area = _classify(heading.text)
        node = _Node(heading.text, heading.numbering, level, role, area, line.end)
        while open_nodes and open_nodes[-1].level >= level:
            open_nodes.pop()
        if open_nodes:
            open_nodes[-1].children.append(node)
        else:
            roots.append(node)
        flat.append((node, tuple(open_nodes)))
        open_nodes.append(node)
        current = node
    current.body_end = _offset(lines, stop, text)
    if current is preamble and preamble.body:
        roots.append(preamble)
        flat.append((preamble, ()))
    return roots, flat


def _offset(lines: Sequence[_Line], index: int, text: str) -> int:
    """Where line ``index`` starts; the end of the text past the last line."""
    return lines[index].start if index < len(lines) else len(text)


def _regions(flat: Sequence[tuple[_Node, tuple[_Node, ...]]]) -> tuple[Region, ...]:
    regions: list[Region] = []
    for node, ancestors in flat:
        chain = (*ancestors, node)
        if any(n.role in _NO_FIGURES for n in chain):
            continue
        area = next((n.area for n in reversed(chain) if n.area is not None), None)
        if node.body_end > node.body_start:
            regions.append(Region(node.body_start, node.body_end, area))
    return tuple(regions)


# --- tail: recipients and signature ----------------------------------------------------------

_NAME = re.compile(r"[^\W\d_][\w.]*+(?:[ \t]++[^\W\d_][\w.]*+){1,6}")
_SIGNED_NOTE = re.compile(r"[(\[].*[)\]]|đã ký.*|ký,? ghi rõ.*|!\[.*", re.IGNORECASE)
_ABBREVIATIONS = frozenset({"UBND", "HĐND", "BCĐ", "CCHC", "BCH", "MTTQ", "TT", "VP"})


def _sentence_case(text: str) -> str:
    """An all-capitals phrase in sentence case ("ỦY BAN NHÂN DÂN" → "Ủy ban nhân dân").

    A known signer's title keeps its capitals ("PHÓ CHỦ TỊCH" → "Phó Chủ tịch"); words after
    a unit level word are names ("XÃ BA TRANG" → "xã Ba Trang"); abbreviations stay.
    """
    if not _is_upper(text):
        return text
    known = _TITLES.get(_fold(text))
    if known is not None:
        return known
    out: list[str] = []
    proper = False
    for i, word in enumerate(text.split()):
        if word in _ABBREVIATIONS:
            out.append(word)
            continue
        lower = word.lower()
        out.append(lower[:1].upper() + lower[1:] if i == 0 or proper else lower)
        proper = proper or lower in {"xã", "huyện", "tỉnh", "phường", "quận", "trấn"}
    return " ".join(out)


def _on_behalf(clean: str) -> str:
    m = _SIGN_PREFIX.match(clean)
    assert m is not None
    prefix = clean[: m.end()].strip()
    return f"{prefix} {_sentence_case(clean[m.end() :].strip())}"


def _is_name(clean: str) -> bool:
    if _NAME.fullmatch(clean) is None or len(clean) > 60:
        return False
    return all(w[:1].isupper() for w in clean.split()) and _fold(clean) not in _TITLES


def _signatory(cleans: Sequence[str]) -> Signatory | None:
    behalf: list[str] = []
    title: str | None = None
    for clean in cleans:
        prefix = _SIGN_PREFIX.match(clean)
        if title is None and prefix is not None:
            # "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH" on one line: the title is the last words. Not in
            # "KT. CHỦ TỊCH", where the title names whom the signer signs for.
            split = _TITLE_AT_END.search(clean)
            if split is not None and split.start() > prefix.end() and _is_upper(clean):
                behalf.append(_on_behalf(clean[: split.start()]))
                title = _sentence_case(split.group(1))
            else:
                behalf.append(_on_behalf(clean))
            continue
        if _SIGNED_NOTE.fullmatch(clean):
            continue
        if title is None:
            title = _sentence_case(clean)
            continue
        if _is_name(clean):
            name = _title_case(clean) if _is_upper(clean) else clean
            return Signatory(title, name, ", ".join(behalf) or None)
        return None
    return None


@attrs.frozen
class _Tail:
    recipients: tuple[str, ...]
    signatory: Signatory | None
    end: int  # offset just past the last line of the tail


def _recipient(text: str) -> str:
    return _clean(text).rstrip(" ;.,").strip()


def _tail(lines: Sequence[_Line], start: int, body_end: int) -> _Tail:
    recipients: list[str] = []
    signature: list[str] = []
    signatory: Signatory | None = None
    end = body_end
    state = ""
    for line in lines[start:]:
        if line.blank or _is_rule(line.raw):
            continue
        clean = _clean(line.raw)
        folded = _fold(clean)
        item = _ITEM.fullmatch(line.raw)
        if state != "sign" and (m := _RECIPIENTS.match(clean)) is not None:
            state = "rec"
            rest = clean[m.end() :].strip()
            inline = _ITEM.fullmatch(rest)  # "Nơi nhận: - UBND huyện;"
            rest = inline.group(3) if inline is not None else rest
            if _recipient(rest):
                recipients.append(_recipient(rest))
            end = line.end
            continue
        if state == "rec" and item is not None:
            if _recipient(item.group(3)):
                recipients.append(_recipient(item.group(3)))
            end = line.end
            continue
        if signatory is None and (state == "sign" or _is_sign_start(clean)):
            state = "sign"
            signature.append(clean)
            end = line.end
            signatory = _signatory(signature)
            if signatory is not None or len(signature) >= 8:
                state = ""
            continue
        if state == "" and _CLOSING.match(folded):
            end = line.end
            continue
        state = "" if state == "rec" else state
        if recipients and signatory is not None:
            break
    return _Tail(tuple(recipients), signatory, end)


# --- the whole report ------------------------------------------------------------------------


def _problem(code: str, expected: str, found: str) -> Problem:
    return Problem(path="text", code=code, expected=expected, found=found)


_EXPECTED_REPORT = (
    "a CCHC report: a line 'BÁO CÁO' (or 'Báo cáo ...') followed by a title naming the "
    "reporting period, such as '6 tháng đầu năm 2023' or 'quý I năm 2024'"
)


def read_report(text: str, *, strict: bool = False) -> ParsedReport:
    """Read a report and keep the normalised text and the regions figures were read from.

    Args:
        text: the report as Markdown or plain text, or a news item, a statistics page or a
            letter that states a unit's figures.
        strict: read only full reports (a "BÁO CÁO" title naming the period), as before
            texts of other kinds were read.

    Returns:
        The :class:`ParsedReport`.

    Raises:
        ReportParseError: when the text is not a string; when it has neither a period nor a
            figure to read (code ``no-content``); in strict mode, when it has no report title
            naming a reporting period (code ``no-report-title``).
    """
    if not isinstance(text, str):
        raise ReportParseError([_problem("wrong-type", "a string", show(text))])
    norm = normalize_text(text)
    lines = _lines(norm)
    found = _find_title(lines)
    if found is None:
        if strict:
            excerpt = " ".join(norm.split())[:60]
            raise ReportParseError([_problem("no-report-title", _EXPECTED_REPORT, show(excerpt))])
        return _read_loose(norm, lines)
    anchor, title = found
    header = _header(lines[:anchor])
    stop = next(
        (i for i in range(title.next_index, len(lines)) if _body_end_marker(lines[i])),
        len(lines),
    )
    roots, flat = _sections(norm, lines, title.next_index, stop)
    body = (_offset(lines, title.next_index, norm), _offset(lines, stop, norm))
    tail = _tail(lines, stop, body[1]) if stop < len(lines) else _Tail((), None, len(norm))
    regions = _regions(flat)
    index = LineIndex(norm)
    citations = tuple(
        Citation(f.ref, index.span(f.start, f.end))
        for f in find_document_refs(norm)
        if lines[anchor].start <= f.start and f.end <= tail.end
    )
    unit = _unit_in(title.text)
    if unit is None and header.issuer is not None:
        unit = _issuer_unit(header.issuer)
    standard = extract_figures(norm, regions)
    own = stated_period(title.period)
    flows = read_flows(
        norm, [(r.start, r.end) for r in regions], own, title.period.year, _fold(title.text)
    )
    starts = [ln.start for ln in lines]
    lines_read = [
        (ln.start, ln.end) for r in regions for ln in _lines_between(lines, starts, r.start, r.end)
    ]
    table = read_table(norm, lines_read, own)
    if table:
        flows = merge_flows(flows, table)
    figures, others = _merge(norm, standard, flows, index)
    # A full report states its own gaps through the checks (report-undated, ...).
    warnings: tuple[str, ...] = ()
    cut = stop == len(lines) and tail.signatory is None and _cut_off(norm)
    report = Report(
        header=header,
        title=title.text,
        period=title.period,
        unit=unit,
        sections=tuple(n.freeze() for n in roots),
        figures=figures,
        citations=citations,
        signatory=tail.signatory,
        recipients=tail.recipients,
        other_figures=others,
        warnings=warnings,
    )
    return ParsedReport(norm, report, body, regions, cut)


def parse_report(text: str, *, strict: bool = False) -> Report:
    """Read a CCHC report, news item, statistics page or letter (see the module docstring).

    Args:
        text: the text; it is normalised with :func:`normalize_text` and every span in the
            result indexes the normalised text.
        strict: accept only full reports with a "BÁO CÁO" title naming the period.

    Returns:
        The :class:`Report`: header, title, period, unit, sections, figures, citations,
        signatory and recipients, each absent when the text does not state it; its ``kind``
        says what kind of text it was and ``warnings`` what could not be established.

    Raises:
        ReportParseError: when the text is not a string, or states neither a period nor a
            figure; in strict mode, when it has no report title naming a reporting period.
            Nothing else is raised.
    """
    return read_report(text, strict=strict).report


# --- texts without a report title: news items, tables, letters ------------------------------

_VIEWS = re.compile(
    r"(?:lượt\s*xem|đã\s*xem|views?)\b|^[0-9.,]+$|bình\s*luận|chia\s*sẻ|quay\s*lên|"
    r"back\s*to\s*top|cỡ\s*chữ|in\s*bài|đính\s*kèm|tải\s*(?:quyết\s*định|phụ\s*lục)|"
    r"^truy\s*cập\s*nội\s*dung|^skip\s|^image\s*banner|^tin\s*(?:liên\s*quan|tức\s*liên)|"
    r"^tags$|^đánh\s*giá$|^cải\s*cách\s*hành\s*chính$|^các\s*tin\s*đã\s*đưa",
    re.IGNORECASE,
)
_DATE_ONLY = re.compile(
    r"^(?:(?:thứ\s*\w+|chủ\s*nhật)\s*,?\s*)?(?:ngày\s*(?:đăng|cập\s*nhật)?\s*:?\s*)?"
    r"(?:cập\s*nhật(?:\s*lúc|\s*ngày)?\s*:?\s*)?[0-9:\s,/.-]*(?:\(?gmt\s*\+\s*7\)?)?[\s|-]*$"
    r"|^[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4}(?:\s*[-|]\s*[0-9]{1,2}:[0-9]{2})?(?:\s+[0-9]+)?$"
    r"|^\(?[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}\)?$",
    re.IGNORECASE,
)


def _comment_lines(lines: Sequence[_Line]) -> set[int]:
    """Indexes of lines inside HTML comments (``<!-- ... -->``), a portal's or a copier's."""
    out: set[int] = set()
    inside = False
    for i, line in enumerate(lines):
        raw = line.raw
        if inside or raw.startswith("<!--"):
            out.add(i)
            inside = "-->" not in raw
    return out


_TABLE_ROW = re.compile(
    r"^(?:[^0-9\n]{0,40}?)(?:[0-9][0-9.,%]*+[ \t]++){3,}[0-9][0-9.,%]*+[ \t]*+$"
)
_LETTER = re.compile(r"kính\s+gửi|v/v|đề\s+nghị\s+các", re.IGNORECASE)
_ANY_DATE = re.compile(
    r"(?<![0-9])(?P<d>[0-9]{1,2})[ \t]*+(?:/|-|\.|[ \t]++tháng[ \t]++)[ \t]*+(?P<m>[0-9]{1,2})"
    r"[ \t]*+(?:/|-|\.|[ \t]++năm[ \t]++)[ \t]*+(?P<y>(?:19|20)[0-9]{2})(?![0-9])",
    re.IGNORECASE,
)
_YEAR_WORD = re.compile(r"(?<![0-9/])(?:19|20)[0-9]{2}(?![0-9])")


def _lines_between(
    lines: Sequence[_Line], starts: Sequence[int], start: int, end: int
) -> Iterator[_Line]:
    """The non-blank lines within ``[start, end)`` (``starts``: where each line starts)."""
    at = bisect.bisect_left(starts, start)
    while at < len(lines) and lines[at].start < end:
        if not lines[at].blank:
            yield lines[at]
        at += 1


def _period_end(p: StatedPeriod) -> date:
    """The last day a stated period covers (as far as the text tells)."""
    if p.end is not None:
        return p.end
    standard = p.period
    if standard is not None:
        return standard.end
    return date(p.year, 12, 31)


def _first_date(lines: Sequence[_Line]) -> date | None:
    for line in lines[:12]:
        m = _ANY_DATE.search(line.raw)
        if m is not None:
            try:
                return date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue
    return None


def _cut_off(text: str) -> bool:
    """Whether the text stops mid-sentence: its last line ends with no closing punctuation,
    or with a colon that announces what never comes."""
    last = text.rstrip()
    return bool(last) and last[-1] not in '.!?;)"”»/*_|' and not last.endswith("./.")


def _warnings(
    header: ReportHeader, unit: AdministrativeUnit | None, figures: object, *, partial: bool
) -> tuple[str, ...]:
    out: list[str] = []
    if header.number is None:
        out.append("no-number")
    if header.date is None:
        out.append("no-date")
    if unit is None:
        out.append("no-unit")
    if not figures:
        out.append("no-figures")
    if partial:
        out.append("partial")
    return tuple(out)


def _read_loose(norm: str, lines: Sequence[_Line]) -> ParsedReport:
    """A text without a report title: a news item, a statistics page or a letter."""
    comments = _comment_lines(lines)
    content = [
        ln
        for i, ln in enumerate(lines)
        if not ln.blank and i not in comments and not _VIEWS.search(ln.raw)
    ]
    titles = [ln for ln in content if not _DATE_ONLY.match(ln.raw) and len(ln.raw.split()) >= 4]
    headline = _clean(titles[0].raw) if titles else ""
    header = _header(lines[: min(len(lines), 12)])
    when = header.date or _first_date(lines)
    # The year of a phrase without one ("trong quý I"): the first period written with its
    # year, else the date of the text, else the first year written.
    written = find_stated_periods(norm[:3000])
    years = [int(y) for y in _YEAR_WORD.findall(norm[:2000])]
    default_year = (
        written[0].period.year if written else when.year if when else (years[0] if years else None)
    )
    periods = [
        f
        for f in find_stated_periods(norm, default_year)
        if not re.search(
            r"(?:so với|của|cùng kỳ|tăng|giảm|trước|đến)[ \t]*+$",
            norm[max(0, f.start - 14) : f.start],
            re.IGNORECASE,
        )
    ]
    # A headline restates the body; a first line as long as a paragraph is the body.
    head_end = titles[0].end if titles and len(titles[0].raw) <= 160 else 0
    in_headline = [f for f in periods if f.start < head_end]
    # Without a period in the headline, the latest of the first periods named: "Đứng vị trí
    # thứ 2 năm 2021, ... vươn lên vị trí thứ 1 ... năm 2022" is news of 2022.
    latest = max(periods[:3], key=lambda f: _period_end(f.period), default=None)
    chosen = in_headline[0] if in_headline else latest
    stated = chosen.period if chosen is not None else None
    period = stated.period if stated is not None else None
    if stated is not None and stated.kind is StatedPeriodKind.RANGE and stated.end is not None:
        # "từ ngày 21/7 đến 20/8/2021 ... trong tháng 8/2021": a unit's own data window,
        # named by the month (or quarter) it ends in.
        named = next(
            (
                f.period.period
                for f in periods
                if f.period.period is not None
                and f.period.kind is not StatedPeriodKind.RANGE
                and f.period.period.end.year == stated.end.year
                and f.period.period.end.month == stated.end.month
            ),
            None,
        )
        if named is not None:
            period, stated = named, stated_period(named)
    unit_words = _fold(headline)
    regions = [(ln.start, ln.end) for ln in content if not _DATE_ONLY.match(ln.raw)]
    flows = read_flows(
        norm, regions, stated, stated.year if stated else default_year, unit_words, head_end
    )
    table = read_table(norm, regions, stated)
    if table:  # a statistics page: its rows, and what the words around them say
        flows = merge_flows(flows, table)
    index = LineIndex(norm)
    figures, others = _merge(norm, (), flows, index)
    if stated is None and not figures and not others:
        excerpt = " ".join(norm.split())[:60]
        raise ReportParseError([_problem("no-content", _NOTHING_TO_READ, show(excerpt))])
    table_rows = sum(1 for ln in content if _TABLE_ROW.match(ln.raw))
    if table_rows >= 2:
        kind = TextKind.TABLE
    elif not figures and not others and _LETTER.search(norm[:3000]):
        kind = TextKind.LETTER
    else:
        kind = TextKind.NEWS
    unit = _unit_in(headline) or _unit_in(norm[:1500])
    citations = tuple(Citation(f.ref, index.span(f.start, f.end)) for f in find_document_refs(norm))
    header = attrs.evolve(header, date=when) if header.date is None and when else header
    warnings = list(_warnings(header, unit, figures or others, partial=_cut_off(norm)))
    if stated is None:
        warnings.append("no-period")
    report = Report(
        header=header,
        title=headline,
        period=period,
        unit=unit,
        figures=figures,
        citations=citations,
        kind=kind,
        stated_period=stated
        if (stated is not None and stated.period is None)
        or (stated is not None and stated.kind is StatedPeriodKind.RANGE)
        else None,
        other_figures=others,
        warnings=tuple(warnings),
    )
    body = (content[0].start, content[-1].end) if content else (0, len(norm))
    regions_out = tuple(Region(a, b, None) for a, b in regions)
    return ParsedReport(norm, report, body, regions_out, _cut_off(norm))


_NOTHING_TO_READ = (
    "a text that states a reporting period or at least one figure (hồ sơ, phản ánh, TTHC, "
    "chỉ số): a report, a news item, a statistics page"
)


def _merge(
    norm: str, standard: Sequence[Figure], flows: Sequence[FlowFigure], index: LineIndex
) -> tuple[tuple[Figure, ...], tuple[Figure, ...]]:
    """The unit's figures and the others, from the standard reading and the flow reading.

    The standard figures stay as they are read, except where the flow reading put the same
    words in a level, agency or other period; a flow figure of the whole unit and the text's
    period is added when the standard reading has no figure of that name or at that place.
    """
    scoped = [f for f in flows if f.scope.kind is not ScopeKind.UNIT or f.period is not None]
    kept: list[Figure] = []
    for f in standard:
        if f.span is not None and any(
            s.start < f.span.end and f.span.start < s.end for s in scoped
        ):
            continue
        kept.append(f)
    names = {f.name for f in kept}
    spans = [(f.span.start, f.span.end) for f in kept if f.span is not None]
    for flow in flows:
        if flow.scope.kind is not ScopeKind.UNIT or flow.period is not None:
            continue
        if flow.name in names or any(a < flow.end and flow.start < b for a, b in spans):
            continue
        if standard and flow.name in STANDARD_FIGURES and not flow.name.startswith(_FLOW_ONLY):
            continue
        names.add(flow.name)
        kept.append(_figure(norm, flow, index))
    others = tuple(_figure(norm, f, index) for f in scoped)
    kept.sort(key=lambda f: (f.span.start if f.span else -1, f.name))
    return tuple(kept), others


# Names only the flow reading knows: added to a full report's figures when it states them.
_FLOW_ONLY = (
    "dossiers_new",
    "dossiers_carried_over",
    "dossiers_to_process",
    "dossiers_due",
    "dossiers_resolved",
    "dossiers_returned",
    "dossiers_in_progress_",
    "dossiers_direct",
    "dossiers_postal",
    "dossiers_online_level",
    "dossiers_online_full",
    "dossiers_online_partial",
    "feedback_resolved",
    "feedback_in_progress",
    "procedures_",
    "par_index",
    "sipas",
)


def _figure(norm: str, f: FlowFigure, index: LineIndex) -> Figure:
    spec = STANDARD_FIGURES.get(f.name)
    return Figure(
        name=f.name,
        value=f.value,
        unit=f.unit if spec is None or f.unit in ("%", "điểm") else spec.unit,
        label=spec.label_vi if spec is not None else f.name.replace("_", " "),
        qualifier=f.qualifier,
        span=index.span(f.start, f.end),
        text=norm[f.start : f.end],
        scope=f.scope,
        period=f.period,
        approximate=f.approximate,
    )


def decode_report(data: bytes, source: str) -> str:
    """The text of a report file: UTF-8 (a byte order mark allowed) or UTF-16 with one.

    Raises:
        ReportParseError: when the bytes are neither.
    """
    try:
        return decode(data)
    except UnicodeDecodeError as exc:
        raise ReportParseError(
            [_problem("bad-encoding", f"UTF-8 or UTF-16 text ({source})", str(exc))]
        ) from None


def parse_report_file(path: str | Path) -> Report:
    """Read a report from a UTF-8 (or UTF-16 with a byte order mark) text file.

    Raises:
        ReportParseError: when the file is not UTF-8/UTF-16 text or holds no report.
        OSError: when the file cannot be read.
    """
    p = Path(path)
    return parse_report(decode_report(p.read_bytes(), str(p)))
