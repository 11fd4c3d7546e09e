"""The model of a periodic reform report (báo cáo CCHC định kỳ).

A report has a header (số, địa danh, ngày), the reporting unit and period, a tree of
sections following the outline of MOHA letter 581/BNV-CCHC (I. chỉ đạo, điều hành;
II. kết quả, with the six reform areas; III. đánh giá chung; IV. phương hướng; V. kiến nghị),
the named figures it states, the documents it cites, the signatory and the recipients
(docs/sources.md, reports).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import attrs

from par_index.core.validation import Checker
from par_index.exceptions import InvalidReport
from par_index.model.areas import ReformArea
from par_index.model.documents import DocumentRef
from par_index.model.periods import ReportingPeriod
from par_index.model.units import AdministrativeUnit
from par_index.reports.periods import StatedPeriod

__all__ = [
    "Block",
    "BlockKind",
    "Citation",
    "Figure",
    "Qualifier",
    "Report",
    "ReportHeader",
    "Scope",
    "ScopeKind",
    "Section",
    "SectionRole",
    "Signatory",
    "SourceSpan",
    "TextKind",
]


@attrs.frozen
class SourceSpan:
    """Where something stands in the source text.

    Attributes:
        start: offset of the first character (in the NFC-normalised text).
        end: offset just past the last character.
        line: 1-based line number of ``start``.

    Raises:
        InvalidReport: for negative or reversed offsets.
    """

    start: int
    end: int
    line: int

    def __attrs_post_init__(self) -> None:
        c = Checker()
        ok = all(
            c.of_type(getattr(self, n), int, n, "a whole number") for n in ("start", "end", "line")
        )
        if ok:
            c.check(
                self.start >= 0, "start", "negative-offset", "an offset of 0 or more", self.start
            )
            c.check(self.end >= self.start, "end", "reversed-span", "end >= start", self.end)
            c.check(self.line >= 1, "line", "line-number", "a line number of 1 or more", self.line)
        c.raise_if_any(InvalidReport)

    @classmethod
    def of(cls, text: str, start: int, end: int) -> SourceSpan:
        """The span ``text[start:end]`` with its line number computed."""
        return cls(start, end, text.count("\n", 0, start) + 1)


class Qualifier(enum.StrEnum):
    """A word that makes a stated figure approximate; the value is the Vietnamese word."""

    OVER = "hơn"
    ABOVE = "trên"
    NEARLY = "gần"
    ABOUT = "khoảng"

    @property
    def name_en(self) -> str:
        """An English gloss."""
        return {
            Qualifier.OVER: "more than",
            Qualifier.ABOVE: "over",
            Qualifier.NEARLY: "nearly",
            Qualifier.ABOUT: "about",
        }[self]


class ScopeKind(enum.StrEnum):
    """What part of the reporting unit a figure covers (value: a stable identifier)."""

    UNIT = "unit"  # the whole unit the text is about
    LEVEL = "level"  # cấp tỉnh / cấp huyện / cấp xã
    AGENCY = "agency"  # a named agency: "Sở Tư pháp", "Trung tâm Phục vụ hành chính công tỉnh"
    SUBUNIT = "subunit"  # a named unit below or beside it: "huyện Lập Thạch"
    FIELD = "field"  # a field of work: "đất đai", "tư pháp"
    GROUP = "group"  # a row of a table or a group of units: "Mức 3", "khối tỉnh"
    CHANNEL = "channel"  # a channel: "Cổng dịch vụ công quốc gia", "Zalo"


@attrs.frozen
class Scope:
    """The scope of a figure: the whole unit, or a level, agency, sub-unit, field or group.

    Attributes:
        kind: what kind of scope.
        name: its name as the text writes it ("huyện" for cấp huyện, "Sở Tư pháp"); empty for
            the whole unit.

    Raises:
        InvalidReport: for a named whole unit or an unnamed part.
    """

    kind: ScopeKind = ScopeKind.UNIT
    name: str = ""

    def __attrs_post_init__(self) -> None:
        c = Checker()
        if c.of_type(self.kind, ScopeKind, "kind", "a ScopeKind") and c.of_type(
            self.name, str, "name", "a text"
        ):
            c.check(
                (self.kind is ScopeKind.UNIT) == (not self.name.strip()),
                "name",
                "scope-name",
                "no name for the whole unit, a name for any part",
                self.name,
            )
        c.raise_if_any(InvalidReport)

    @property
    def key(self) -> str:
        """ "unit", or "kind:name" ("level:huyện")."""
        return "unit" if self.kind is ScopeKind.UNIT else f"{self.kind.value}:{self.name}"


UNIT_SCOPE = Scope()

_NAME_RE = re.compile(r"[a-z][a-z0-9_]*")
# Units whose values are counts of things: whole and non-negative.
_RATE_UNITS = frozenset({"%", "điểm"})


@attrs.frozen
class Figure:
    """A named figure stated in a report.

    Attributes:
        name: a stable snake_case name (see :data:`par_index.reports.figures.STANDARD_FIGURES`).
        value: the value as stated, exactly (``Decimal("96.83")`` for ``96,83%``).
        unit: the unit of count as the text gives it: ``hồ sơ``, ``cuộc``, ``lượt người``, ``%``.
        label: the text's own words for what is counted.
        qualifier: "hơn", "gần", ... when the text states the value approximately.
        span: where the figure stands in the source text, if known.
        text: the exact source fragment the figure was read from, if known.
        scope: the part of the unit it covers (the whole unit by default).
        period: the period it is of, when the text gives it one other than the report's
            own (None: the report's period).
        approximate: whether the value is abbreviated ("10,18 ngàn", "1,2 triệu") and so
            known only to its last written digit.

    Raises:
        InvalidReport: listing every rule broken.
    """

    name: str
    value: Decimal
    unit: str
    label: str
    qualifier: Qualifier | None = None
    span: SourceSpan | None = None
    text: str | None = None
    scope: Scope = UNIT_SCOPE
    period: StatedPeriod | None = None
    approximate: bool = False

    def __attrs_post_init__(self) -> None:
        c = Checker()
        if c.of_type(self.name, str, "name", "a snake_case name"):
            c.check(
                _NAME_RE.fullmatch(self.name) is not None,
                "name",
                "figure-name",
                "a snake_case name such as dossiers_received",
                self.name,
            )
        if c.of_type(self.value, Decimal, "value", "a Decimal") and c.check(
            self.value.is_finite() and self.value >= 0,
            "value",
            "figure-value",
            "a finite value of 0 or more",
            self.value,
        ):
            c.check(
                self.unit in _RATE_UNITS or self.value == self.value.to_integral_value(),
                "value",
                "fractional-count",
                f"a whole number of {self.unit}",
                self.value,
            )
        if c.of_type(self.unit, str, "unit", "a unit of count"):
            c.check(bool(self.unit.strip()), "unit", "blank-text", "a unit of count", self.unit)
        c.of_type(self.label, str, "label", "a label")
        if self.qualifier is not None:
            c.of_type(self.qualifier, Qualifier, "qualifier", "a Qualifier or None")
        if self.span is not None:
            c.of_type(self.span, SourceSpan, "span", "a SourceSpan or None")
        text_ok = self.text is not None and c.of_type(self.text, str, "text", "a text or None")
        if text_ok and isinstance(self.text, str) and isinstance(self.span, SourceSpan):
            c.check(
                len(self.text) == self.span.end - self.span.start,
                "text",
                "span-length",
                f"a fragment of {self.span.end - self.span.start} characters (the span)",
                self.text,
            )
        c.of_type(self.scope, Scope, "scope", "a Scope")
        if self.period is not None:
            c.of_type(self.period, StatedPeriod, "period", "a StatedPeriod or None")
        c.of_type(self.approximate, bool, "approximate", "True or False")
        c.raise_if_any(InvalidReport)

    @property
    def is_exact(self) -> bool:
        """Whether the value is stated exactly (no qualifier, not abbreviated)."""
        return self.qualifier is None and not self.approximate

    @property
    def subject(self) -> str:
        """What is counted: "dossiers", "feedback", "procedures", "index", "documents"..."""
        head = self.name.split("_", 1)[0]
        return {
            "dossiers": "dossiers",
            "feedback": "feedback",
            "procedures": "procedures",
            "par": "index",
            "sipas": "index",
            "papi": "index",
            "pci": "index",
        }.get(head, "other")


@attrs.frozen
class Citation:
    """One mention of a document in a report.

    Raises:
        InvalidReport: for wrong types.
    """

    ref: DocumentRef
    span: SourceSpan | None = None

    def __attrs_post_init__(self) -> None:
        c = Checker()
        c.of_type(self.ref, DocumentRef, "ref", "a DocumentRef")
        if self.span is not None:
            c.of_type(self.span, SourceSpan, "span", "a SourceSpan or None")
        c.raise_if_any(InvalidReport)


class SectionRole(enum.StrEnum):
    """The part of the standard outline a section plays (581/BNV-CCHC)."""

    DIRECTION = "direction"  # I. Công tác chỉ đạo, điều hành CCHC
    RESULTS = "results"  # II. Kết quả thực hiện công tác CCHC
    REFORM_AREA = "reform_area"  # 1.-6. under II, with ``area`` set
    ASSESSMENT = "assessment"  # III. Đánh giá chung
    STRENGTHS = "strengths"  # 1. Mặt tích cực / ưu điểm
    WEAKNESSES = "weaknesses"  # 2. Tồn tại, hạn chế, nguyên nhân
    DIRECTIONS = "directions"  # IV. Phương hướng, nhiệm vụ
    PROPOSALS = "proposals"  # V. Kiến nghị, đề xuất
    OTHER = "other"


class BlockKind(enum.StrEnum):
    """A paragraph or a bullet item of a section's body."""

    PARAGRAPH = "paragraph"
    ITEM = "item"


@attrs.frozen
class Block:
    """A paragraph or bullet item, in reading order.

    Attributes:
        kind: paragraph or bullet item.
        text: the text, without the bullet marker.
        marker: the bullet marker as written ("-", "+", "•"); empty for a paragraph.
        depth: nesting depth of a bullet (0 for paragraphs and top-level items).

    Raises:
        InvalidReport: for a paragraph with a marker or a negative depth.
    """

    kind: BlockKind
    text: str
    marker: str = ""
    depth: int = 0

    def __attrs_post_init__(self) -> None:
        c = Checker()
        c.of_type(self.kind, BlockKind, "kind", "a BlockKind")
        c.of_type(self.text, str, "text", "a text")
        if c.of_type(self.marker, str, "marker", "a marker text") and self.kind is (
            BlockKind.PARAGRAPH
        ):
            c.check(self.marker == "", "marker", "paragraph-marker", "no marker", self.marker)
        if c.of_type(self.depth, int, "depth", "a whole number"):
            c.check(self.depth >= 0, "depth", "negative-depth", "a depth of 0 or more", self.depth)
        c.raise_if_any(InvalidReport)


@attrs.frozen
class Section:
    """A section of a report: heading, numbering, level, body and subsections.

    Attributes:
        heading: the heading text without its numbering.
        numbering: the numbering as written ("I", "2", "a"), empty when absent.
        level: 1 for the top level (I., II., ...), deeper levels below.
        role: the part of the standard outline it plays.
        area: the reform area it reports on, if any.
        body: paragraphs and bullet items in reading order.
        children: subsections.

    Raises:
        InvalidReport: for a level out of range or children not deeper than the parent.
    """

    heading: str
    level: int
    role: SectionRole = SectionRole.OTHER
    numbering: str = ""
    area: ReformArea | None = None
    body: tuple[Block, ...] = ()
    children: tuple[Section, ...] = ()

    def __attrs_post_init__(self) -> None:
        c = Checker()
        c.of_type(self.heading, str, "heading", "a heading text")
        c.of_type(self.numbering, str, "numbering", "a numbering text")
        if c.of_type(self.level, int, "level", "a level 1-6"):
            c.check(1 <= self.level <= 6, "level", "section-level", "a level 1-6", self.level)
        c.of_type(self.role, SectionRole, "role", "a SectionRole")
        if self.area is not None:
            c.of_type(self.area, ReformArea, "area", "a ReformArea or None")
        if c.of_type(self.body, tuple, "body", "a tuple of Block"):
            for i, b in enumerate(self.body):
                c.of_type(b, Block, f"body[{i}]", "a Block")
        if c.of_type(self.children, tuple, "children", "a tuple of Section"):
            for i, s in enumerate(self.children):
                if c.of_type(s, Section, f"children[{i}]", "a Section") and isinstance(
                    self.level, int
                ):
                    c.check(
                        s.level > self.level,
                        f"children[{i}].level",
                        "child-level",
                        f"a level deeper than {self.level}",
                        s.level,
                    )
        c.raise_if_any(InvalidReport)

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The texts of the paragraphs of this section's own body."""
        return tuple(b.text for b in self.body if b.kind is BlockKind.PARAGRAPH)

    @property
    def items(self) -> tuple[str, ...]:
        """The texts of the bullet items of this section's own body."""
        return tuple(b.text for b in self.body if b.kind is BlockKind.ITEM)

    def walk(self) -> Iterator[Section]:
        """This section and all below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


@attrs.frozen
class ReportHeader:
    """The header of a report: number and symbol, place and date.

    Attributes:
        number: the report's own reference ("Số: /BC-UBND" for an unnumbered draft).
        place: the place name of the date line ("Ba Trang").
        date: the date the report was signed.
        issuer: the issuing body as the header names it ("UBND XÃ BA TRANG"), if given.

    Raises:
        InvalidReport: for wrong types.
    """

    number: DocumentRef | None = None
    place: str | None = None
    date: date | None = None
    issuer: str | None = None

    def __attrs_post_init__(self) -> None:
        c = Checker()
        if self.number is not None:
            c.of_type(self.number, DocumentRef, "number", "a DocumentRef or None")
        for name in ("place", "issuer"):
            value = getattr(self, name)
            if value is not None and c.of_type(value, str, name, "a text or None"):
                c.check(bool(value.strip()), name, "blank-text", "a non-empty text", value)
        if self.date is not None:
            c.check(type(self.date) is date, "date", "wrong-type", "a date or None", self.date)
        c.raise_if_any(InvalidReport)


@attrs.frozen
class Signatory:
    """Who signed: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Phạm Văn Thích".

    Attributes:
        title: the signer's title ("Chủ tịch").
        name: the signer's name.
        on_behalf: the collective the signer signs for ("TM. Ủy ban nhân dân"), if any.

    Raises:
        InvalidReport: for blank texts.
    """

    title: str
    name: str
    on_behalf: str | None = None

    def __attrs_post_init__(self) -> None:
        c = Checker()
        for n in ("title", "name"):
            v = getattr(self, n)
            if c.of_type(v, str, n, "a non-empty text"):
                c.check(bool(v.strip()), n, "blank-text", "a non-empty text", v)
        if self.on_behalf is not None:
            c.of_type(self.on_behalf, str, "on_behalf", "a text or None")
        c.raise_if_any(InvalidReport)


class TextKind(enum.StrEnum):
    """What kind of text a report was read from (value: a stable English identifier)."""

    REPORT = "report"  # a report with its "BÁO CÁO" title (whole or cut off)
    NEWS = "news"  # a portal or press item restating a unit's figures
    TABLE = "table"  # a statistics page: rows of numbers under a header
    LETTER = "letter"  # an official letter (công văn) naming a period, without figures

    @property
    def name_vi(self) -> str:
        """The Vietnamese name."""
        return {
            TextKind.REPORT: "báo cáo",
            TextKind.NEWS: "tin bài",
            TextKind.TABLE: "bảng thống kê",
            TextKind.LETTER: "công văn",
        }[self]


@attrs.frozen
class Report:
    """A periodic reform report, or what a news item, a table or a letter says of one.

    Attributes:
        header: number, place and date.
        title: the title line ("Cải cách hành chính định kỳ 6 tháng năm 2023 xã Ba Trang").
        period: the reporting period; None when the text names no standard period.
        unit: the reporting unit, if known.
        sections: the top-level sections in order.
        figures: named figures of the whole unit for the report's period, names unique.
        citations: every mention of a document, in reading order.
        signatory: who signed, if the text says.
        recipients: the "Nơi nhận" list.
        kind: what kind of text it was read from.
        stated_period: the period as the text states it ("từ ngày 21/7 đến 20/8/2021"), when
            it is more than the standard period or no standard period.
        other_figures: figures of a level, agency, sub-unit or group, or of another period
            (a month in a quarter's report); unique by name, scope and period.
        warnings: codes of what could not be established ("no-number", "no-date",
            "no-unit", "no-period", "no-figures", "partial").

    Raises:
        InvalidReport: listing every rule broken (duplicate figure names, wrong types).
    """

    header: ReportHeader
    title: str
    period: ReportingPeriod | None
    unit: AdministrativeUnit | None = None
    sections: tuple[Section, ...] = ()
    figures: tuple[Figure, ...] = ()
    citations: tuple[Citation, ...] = ()
    signatory: Signatory | None = None
    recipients: tuple[str, ...] = ()
    kind: TextKind = TextKind.REPORT
    stated_period: StatedPeriod | None = None
    other_figures: tuple[Figure, ...] = ()
    warnings: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        c = Checker()
        c.of_type(self.header, ReportHeader, "header", "a ReportHeader")
        c.of_type(self.title, str, "title", "a title text")
        if self.period is not None:
            c.of_type(self.period, ReportingPeriod, "period", "a ReportingPeriod or None")
        c.of_type(self.kind, TextKind, "kind", "a TextKind")
        if self.stated_period is not None:
            c.of_type(self.stated_period, StatedPeriod, "stated_period", "a StatedPeriod")
        if self.unit is not None:
            c.of_type(self.unit, AdministrativeUnit, "unit", "an AdministrativeUnit or None")
        if self.signatory is not None:
            c.of_type(self.signatory, Signatory, "signatory", "a Signatory or None")
        for field, kind in (
            ("sections", Section),
            ("figures", Figure),
            ("citations", Citation),
            ("recipients", str),
            ("other_figures", Figure),
            ("warnings", str),
        ):
            value = getattr(self, field)
            if c.of_type(value, tuple, field, f"a tuple of {kind.__name__}"):
                for i, x in enumerate(value):
                    c.of_type(x, kind, f"{field}[{i}]", f"a {kind.__name__}")
        if isinstance(self.figures, tuple):
            seen: set[str] = set()
            for i, f in enumerate(self.figures):
                if isinstance(f, Figure):
                    c.check(
                        f.name not in seen,
                        f"figures[{i}].name",
                        "duplicate-figure",
                        "a figure name used once",
                        f.name,
                    )
                    seen.add(f.name)
        if isinstance(self.other_figures, tuple):
            keys: set[tuple[str, str, str]] = set()
            for i, f in enumerate(self.other_figures):
                if isinstance(f, Figure):
                    key = (f.name, f.scope.key, f.period.key if f.period else "")
                    c.check(
                        key not in keys,
                        f"other_figures[{i}]",
                        "duplicate-figure",
                        "a figure stated once for its scope and period",
                        f.name,
                    )
                    keys.add(key)
        c.raise_if_any(InvalidReport)

    @property
    def all_figures(self) -> tuple[Figure, ...]:
        """The unit's figures and the others, in reading order."""
        return tuple(
            sorted(
                (*self.figures, *self.other_figures),
                key=lambda f: (f.span.start if f.span else -1, f.name),
            )
        )

    def figure(self, name: str) -> Figure | None:
        """The figure with this name, or None when the report does not state it."""
        return next((f for f in self.figures if f.name == name), None)

    def walk(self) -> Iterator[Section]:
        """Every section, depth first."""
        for s in self.sections:
            yield from s.walk()

    def section_for(self, area: ReformArea) -> Section | None:
        """The first section reporting on ``area``, if any."""
        return next((s for s in self.walk() if s.area is area), None)

    @property
    def references(self) -> tuple[DocumentRef, ...]:
        """The distinct documents cited, in order of first mention."""
        seen: dict[DocumentRef, None] = {}
        for cit in self.citations:
            seen.setdefault(cit.ref, None)
        return tuple(seen)
