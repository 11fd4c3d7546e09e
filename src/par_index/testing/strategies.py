"""Public Hypothesis strategies for every par_index domain type.

Every strategy draws only valid values, so that other tools can property-test their own
rules on realistic data::

    from hypothesis import given
    from par_index import strategies as pst

    @given(pst.dossiers())
    def test_my_rule(dossier): ...

They are also registered for :func:`hypothesis.strategies.from_type` through the
``hypothesis`` entry point, so ``st.from_type(Dossier)`` works wherever par_index is
installed. Arguments are keyword-only and take strategies.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal

from hypothesis import strategies as st

from par_index.model.areas import ReformArea
from par_index.model.documents import DocumentRef
from par_index.model.dossiers import VN_TZ, Channel, Dossier, DossierStatus, SupplementRequest
from par_index.model.periods import ReportingPeriod
from par_index.model.procedures import (
    OnlineServiceLevel,
    Procedure,
    ProcedureLevel,
    TimeLimit,
    TimeUnit,
)
from par_index.model.tasks import Plan, Task, TaskStatus
from par_index.model.units import AdministrativeUnit, UnitLevel
from par_index.reports.figures import STANDARD_FIGURES
from par_index.reports.model import (
    Block,
    BlockKind,
    Citation,
    Figure,
    Qualifier,
    Report,
    ReportHeader,
    Section,
    SectionRole,
    Signatory,
    SourceSpan,
)
from par_index.scoring.evidence import Evidence
from par_index.testing._documents import document_refs
from par_index.testing._frameworks import evidence, framework_evidence, frameworks, rules
from par_index.testing._periods import reporting_periods
from par_index.testing._plans import deadlines, plans_with_histories, task_updates
from par_index.testing._types import TYPES

__all__ = [
    "administrative_units",
    "blocks",
    "citations",
    "deadlines",
    "document_refs",
    "dossier_codes",
    "dossiers",
    "evidence",
    "evidence_of_any_framework",
    "figures",
    "framework_evidence",
    "frameworks",
    "moments",
    "plans",
    "plans_with_histories",
    "procedure_codes",
    "procedures",
    "register_type_strategies",
    "report_headers",
    "reporting_periods",
    "reports",
    "rules",
    "sections",
    "signatories",
    "source_spans",
    "supplement_requests",
    "task_updates",
    "tasks",
    "time_limits",
    "vietnamese_text",
]

_VI_WORDS = (
    "cải cách",
    "hành chính",
    "thủ tục",
    "hồ sơ",
    "Ủy ban nhân dân",
    "xã",
    "huyện",
    "kế hoạch",
    "tuyên truyền",
    "một cửa",
    "trực tuyến",
    "số hóa",
    "công chức",
    "ngân sách",
    "đạt",
    "năm",
    "Đảng ủy",
    "người dân",
    "chỉ đạo",
    "điều hành",
    "kiểm tra",
    "văn bản",
    "rà soát",
)


def vietnamese_text(*, min_words: int = 1, max_words: int = 12) -> st.SearchStrategy[str]:
    """Plausible Vietnamese phrases (NFC, single-spaced, no surrounding spaces)."""
    return st.lists(st.sampled_from(_VI_WORDS), min_size=min_words, max_size=max_words).map(
        " ".join
    )


def moments(
    *,
    # Hypothesis takes naive bounds and attaches the zone itself.
    min_value: datetime = datetime(2018, 1, 1),  # noqa: DTZ001
    max_value: datetime = datetime(2030, 12, 31),  # noqa: DTZ001
) -> st.SearchStrategy[datetime]:
    """Timezone-aware moments in Vietnam's zone (UTC+7), to the second."""
    return st.datetimes(min_value=min_value, max_value=max_value, timezones=st.just(VN_TZ)).map(
        lambda d: d.replace(microsecond=0)
    )


@st.composite
def _units(draw: st.DrawFn, levels: st.SearchStrategy[UnitLevel]) -> AdministrativeUnit:
    level = draw(levels)
    code = draw(st.none() | st.text("0123456789", min_size=level.tier, max_size=level.tier))
    parent_tiers = [t for t in (2, 3) if t < level.tier]
    parent = None
    if parent_tiers:
        size = draw(st.sampled_from(parent_tiers))
        parent = draw(st.none() | st.text("0123456789", min_size=size, max_size=size))
    name = draw(vietnamese_text(max_words=3))
    return AdministrativeUnit(code=code, name=name, level=level, parent_code=parent)


def administrative_units(
    *,
    levels: st.SearchStrategy[UnitLevel] = st.sampled_from(UnitLevel),  # noqa: B008
) -> st.SearchStrategy[AdministrativeUnit]:
    """Administrative units with codes of the right length for their level (or no code)."""
    return _units(levels)


def procedure_codes(
    *,
    localised: st.SearchStrategy[bool] = st.booleans(),  # noqa: B008
) -> st.SearchStrategy[str]:
    """Procedure codes ``1.000110`` and localised ``1.000110.000.00.00.H01``."""
    digits = st.text("0123456789", min_size=6, max_size=6)
    base = st.builds(lambda a, b: f"{a}.{b}", st.integers(1, 3), digits)
    suffix = st.builds(
        lambda n, letter: f".000.00.00.{letter}{n:02d}",
        st.integers(1, 99),
        st.sampled_from("GHX"),
    )
    return st.tuples(base, localised, suffix).map(lambda t: t[0] + (t[2] if t[1] else ""))


# The strategy above, for the functions whose parameter of the same name shadows it.
_any_procedure_codes = procedure_codes


@st.composite
def _time_limits(draw: st.DrawFn, units: st.SearchStrategy[TimeUnit]) -> TimeLimit:
    unit = draw(units)
    if unit in (TimeUnit.WORKING_HOURS, TimeUnit.WORKING_DAYS):
        halves = draw(st.integers(0, 120))
        return TimeLimit(Decimal(halves) / 2, unit)
    return TimeLimit(draw(st.integers(0, 90 if unit is TimeUnit.CALENDAR_DAYS else 12)), unit)


def time_limits(
    *,
    units: st.SearchStrategy[TimeUnit] = st.sampled_from(TimeUnit),  # noqa: B008
) -> st.SearchStrategy[TimeLimit]:
    """Time limits; working units in half steps (0.5 ngày làm việc), others whole."""
    return _time_limits(units)


def procedures(
    *,
    codes: st.SearchStrategy[str] | None = None,
    limits: st.SearchStrategy[TimeLimit] | None = None,
) -> st.SearchStrategy[Procedure]:
    """Administrative procedures."""
    return st.builds(
        Procedure,
        code=codes if codes is not None else procedure_codes(),
        name=vietnamese_text(max_words=8),
        level=st.sampled_from(ProcedureLevel),
        time_limit=limits if limits is not None else time_limits(),
        online_level=st.sampled_from(OnlineServiceLevel),
        fee_bearing=st.booleans(),
        paper_result=st.booleans(),
        cutoff=st.none() | st.times().map(lambda t: t.replace(microsecond=0)),
    )


def dossier_codes() -> st.SearchStrategy[str]:
    """Opaque dossier codes in the observed ``H21.65-220914-0011`` pattern."""
    return st.builds(
        lambda a, b, d, n: f"H{a:02d}.{b:02d}-{d:%y%m%d}-{n:04d}",
        st.integers(1, 99),
        st.integers(1, 99),
        st.dates(date(2018, 1, 1), date(2030, 12, 31)),
        st.integers(1, 9999),
    )


def supplement_requests(
    *,
    start: st.SearchStrategy[datetime] | None = None,
    completed: st.SearchStrategy[bool] = st.booleans(),  # noqa: B008
) -> st.SearchStrategy[SupplementRequest]:
    """Single supplement requests, open or completed.

    Args:
        start: the moment of the request; default :func:`moments`.
        completed: whether the supplement was completed (else the request is still open).
    """
    gap = st.timedeltas(timedelta(0), timedelta(days=20)).map(
        lambda t: t - t % timedelta(seconds=1)
    )
    return st.builds(
        lambda s, g, done: SupplementRequest(s, s + g if done else None),
        start if start is not None else moments(),
        gap,
        completed,
    )


_GAP = st.timedeltas(timedelta(0), timedelta(days=15)).map(lambda t: t - t % timedelta(seconds=1))
_OPEN_SUPPLEMENT_OK = (
    DossierStatus.SUPPLEMENT_REQUESTED,
    DossierStatus.WITHDRAWN,
    DossierStatus.STOPPED,
)
_NEEDS_FINISH = (DossierStatus.STOPPED, DossierStatus.FINISHED, DossierStatus.RETURNED)
_MAY_FINISH = (DossierStatus.REFUSED, DossierStatus.WITHDRAWN)


@st.composite
def _dossiers(
    draw: st.DrawFn,
    statuses: st.SearchStrategy[DossierStatus],
    channels: st.SearchStrategy[Channel],
    codes: st.SearchStrategy[str],
    procedure_code: st.SearchStrategy[str],
    unit_codes: st.SearchStrategy[str],
    start: st.SearchStrategy[datetime],
    *,
    must_receive: bool = False,
    must_appoint: bool = False,
) -> Dossier:
    status = draw(statuses)
    channel = Channel.ONLINE if status is DossierStatus.SUBMITTED_ONLINE else draw(channels)
    t = draw(start)
    submitted = t if status is DossierStatus.SUBMITTED_ONLINE or draw(st.booleans()) else None
    received = None
    supplements: list[SupplementRequest] = []
    appointment_at = finished = returned = None
    if status is not DossierStatus.SUBMITTED_ONLINE and (
        must_receive or status.needs_reception or draw(st.booleans())
    ):
        t = t + draw(_GAP) if submitted is not None else t
        received = t
        if must_appoint or draw(st.booleans()):
            appointment_at = received + draw(_GAP)
        count = draw(st.integers(0, 2))
        may_open = status in _OPEN_SUPPLEMENT_OK
        for i in range(count):
            t = t + draw(_GAP)
            last = i == count - 1
            must_open = last and status is DossierStatus.SUPPLEMENT_REQUESTED
            is_open = must_open or (last and may_open and draw(st.booleans()))
            if is_open:
                supplements.append(SupplementRequest(t))
            else:
                done = t + draw(_GAP)
                supplements.append(SupplementRequest(t, done))
                t = done
        if status is DossierStatus.SUPPLEMENT_REQUESTED and not supplements:
            t = t + draw(_GAP)
            supplements.append(SupplementRequest(t))
    if status in _NEEDS_FINISH or (status in _MAY_FINISH and draw(st.booleans())):
        t = t + draw(_GAP)
        finished = t
    if status is DossierStatus.RETURNED:
        returned = t + draw(_GAP)
    return Dossier(
        code=draw(codes),
        procedure_code=draw(procedure_code),
        unit_code=draw(unit_codes),
        channel=channel,
        status=status,
        submitted_at=submitted,
        received_at=received,
        appointment_at=appointment_at,
        finished_at=finished,
        returned_at=returned,
        supplements=tuple(supplements),
        paid_online=draw(st.booleans()),
        digitised=draw(st.booleans()),
        electronic_result=draw(st.booleans()),
        reused_data=draw(st.booleans()),
        zero_fees=draw(st.booleans()),
    )


def dossiers(
    *,
    statuses: st.SearchStrategy[DossierStatus] = st.sampled_from(DossierStatus),  # noqa: B008
    channels: st.SearchStrategy[Channel] = st.sampled_from(Channel),  # noqa: B008
    codes: st.SearchStrategy[str] | None = None,
    procedure_codes: st.SearchStrategy[str] | None = None,
    unit_codes: st.SearchStrategy[str] = st.sampled_from(["H21.65", "H21.66", "51", "21535"]),  # noqa: B008
    start: st.SearchStrategy[datetime] | None = None,
    procedures: Sequence[Procedure] | None = None,
    judgeable: bool = False,
) -> st.SearchStrategy[Dossier]:
    """Dossiers whose moments, status and supplement requests agree.

    Args:
        statuses: the statuses to draw from.
        channels: the channels (status 1 is always online).
        codes: dossier codes; default :func:`dossier_codes`.
        procedure_codes: procedure codes; default the codes of ``procedures`` when given,
            else any code the module's :func:`procedure_codes` strategy draws.
        unit_codes: handling unit codes.
        start: the first moment of each dossier; default :func:`moments`.
        procedures: the procedures the dossiers belong to (their codes are drawn).
        judgeable: only dossiers the timeliness rules can judge
            (:func:`par_index.service.timeliness.classify`): every dossier is received, and
            has an appointment moment unless ``procedures`` are given, whose time limits
            then give the deadline of those without one.

    Raises:
        ValueError: when ``procedures`` is empty, or given together with ``procedure_codes``.
    """
    if procedures is not None:
        if not procedures or procedure_codes is not None:
            raise ValueError("give a non-empty procedures list, or procedure_codes, not both")
        procedure_codes = st.sampled_from(sorted({p.code for p in procedures}))
    if judgeable:
        statuses = statuses.filter(lambda s: s is not DossierStatus.SUBMITTED_ONLINE)
    return _dossiers(
        statuses,
        channels,
        codes if codes is not None else dossier_codes(),
        procedure_codes if procedure_codes is not None else _any_procedure_codes(),
        unit_codes,
        start if start is not None else moments(),
        must_receive=judgeable,
        must_appoint=judgeable and procedures is None,
    )


@st.composite
def _tasks(draw: st.DrawFn, statuses: st.SearchStrategy[TaskStatus]) -> Task:
    status = draw(statuses)
    due = draw(st.none() | st.dates(date(2018, 1, 1), date(2030, 12, 31)))
    completed = (
        draw(st.dates(date(2018, 1, 1), date(2030, 12, 31))) if status is TaskStatus.DONE else None
    )
    return Task(
        id=draw(st.from_regex(r"[1-9][0-9]?(\.[1-9])?", fullmatch=True)),
        title=draw(vietnamese_text(max_words=10)),
        area=draw(st.sampled_from(ReformArea)),
        assigned_by=draw(st.sampled_from(["UBND huyện Ba Tơ", "UBND tỉnh", "Sở Nội vụ"])),
        status=status,
        due=due,
        completed_on=completed,
    )


def tasks(
    *,
    statuses: st.SearchStrategy[TaskStatus] = st.sampled_from(TaskStatus),  # noqa: B008
) -> st.SearchStrategy[Task]:
    """Plan tasks; a done task always has a completion date and only then."""
    return _tasks(statuses)


@st.composite
def _plans(draw: st.DrawFn, refs: st.SearchStrategy[DocumentRef]) -> Plan:
    items = draw(st.lists(tasks(), max_size=8, unique_by=lambda t: t.id))
    return Plan(
        ref=draw(refs),
        year=draw(st.integers(2018, 2030)),
        issuer=draw(st.sampled_from(["UBND xã Ba Trang", "UBND huyện Ba Tơ"])),
        tasks=tuple(items),
        title=draw(st.just("") | vietnamese_text()),
    )


def plans(*, refs: st.SearchStrategy[DocumentRef] | None = None) -> st.SearchStrategy[Plan]:
    """Reform plans with unique task ids."""
    return _plans(refs if refs is not None else document_refs())


def source_spans() -> st.SearchStrategy[SourceSpan]:
    """Spans with ``start <= end``."""
    return st.builds(
        lambda s, n, line: SourceSpan(s, s + n, line),
        st.integers(0, 10**6),
        st.integers(0, 200),
        st.integers(1, 10**4),
    )


@st.composite
def _figures(draw: st.DrawFn, names: st.SearchStrategy[str]) -> Figure:
    name = draw(names)
    spec = STANDARD_FIGURES.get(name)
    unit = spec.unit if spec else draw(st.sampled_from(["hồ sơ", "%", "cuộc", "lượt người"]))
    if unit in ("%", "điểm"):
        value = Decimal(draw(st.integers(0, 10_000))) / 100
    else:
        value = Decimal(draw(st.integers(0, 100_000)))
    span = draw(st.none() | source_spans())
    text = None
    if span is not None and draw(st.booleans()):
        text = draw(
            st.text(
                "0123456789 ,.%hồsơ", min_size=span.end - span.start, max_size=span.end - span.start
            )
        )
    return Figure(
        name=name,
        value=value,
        unit=unit,
        label=spec.label_vi if spec else draw(vietnamese_text(max_words=5)),
        qualifier=draw(st.none() | st.sampled_from(Qualifier)),
        span=span,
        text=text,
    )


def figures(
    *,
    names: st.SearchStrategy[str] = st.sampled_from(sorted(STANDARD_FIGURES)),  # noqa: B008
) -> st.SearchStrategy[Figure]:
    """Report figures: whole counts, or rates and scores with two decimals."""
    return _figures(names)


def blocks() -> st.SearchStrategy[Block]:
    """Paragraphs and bullet items."""
    paragraph = st.builds(Block, kind=st.just(BlockKind.PARAGRAPH), text=vietnamese_text())
    item = st.builds(
        Block,
        kind=st.just(BlockKind.ITEM),
        text=vietnamese_text(),
        marker=st.sampled_from(["-", "+", "•"]),
        depth=st.integers(0, 2),
    )
    return paragraph | item


@st.composite
def _sections(draw: st.DrawFn, level: int, max_depth: int) -> Section:
    role = draw(st.sampled_from(SectionRole))
    children: tuple[Section, ...] = ()
    if level < max_depth:
        children = tuple(draw(st.lists(_sections(level + 1, max_depth), max_size=2)))
    return Section(
        heading=draw(vietnamese_text(max_words=8)),
        level=level,
        role=role,
        numbering=draw(st.sampled_from(["", "I", "II", "1", "2", "a"])),
        area=draw(st.none() | st.sampled_from(ReformArea)),
        body=tuple(draw(st.lists(blocks(), max_size=3))),
        children=children,
    )


def sections(*, level: int = 1, max_depth: int = 3) -> st.SearchStrategy[Section]:
    """Section trees whose children are always one level deeper."""
    return _sections(level, max_depth)


def citations(*, refs: st.SearchStrategy[DocumentRef] | None = None) -> st.SearchStrategy[Citation]:
    """Mentions of documents, with or without a span."""
    return st.builds(
        Citation, ref=refs if refs is not None else document_refs(), span=st.none() | source_spans()
    )


def signatories() -> st.SearchStrategy[Signatory]:
    """Signature blocks."""
    return st.builds(
        Signatory,
        title=st.sampled_from(["Chủ tịch", "Phó Chủ tịch", "Trưởng phòng"]),
        name=st.sampled_from(["Phạm Văn Thích", "Nguyễn Thị Lan", "Trần Văn Hùng"]),
        on_behalf=st.none() | st.just("TM. Ủy ban nhân dân"),
    )


def report_headers() -> st.SearchStrategy[ReportHeader]:
    """Report headers, any part possibly absent."""
    return st.builds(
        ReportHeader,
        number=st.none() | document_refs(),
        place=st.none() | st.sampled_from(["Ba Trang", "Ba Tơ", "Quảng Ngãi"]),
        date=st.none() | st.dates(date(2018, 1, 1), date(2030, 12, 31)),
        issuer=st.none() | st.just("UBND XÃ BA TRANG"),
    )


@st.composite
def _reports(draw: st.DrawFn, periods: st.SearchStrategy[ReportingPeriod]) -> Report:
    return Report(
        header=draw(report_headers()),
        title=draw(vietnamese_text()),
        period=draw(periods),
        unit=draw(st.none() | administrative_units()),
        sections=tuple(draw(st.lists(sections(), max_size=3))),
        figures=tuple(draw(st.lists(figures(), max_size=6, unique_by=lambda f: f.name))),
        citations=tuple(draw(st.lists(citations(), max_size=4))),
        signatory=draw(st.none() | signatories()),
        recipients=tuple(draw(st.lists(vietnamese_text(max_words=4), max_size=4))),
    )


def reports(
    *, periods: st.SearchStrategy[ReportingPeriod] | None = None
) -> st.SearchStrategy[Report]:
    """Whole reports: header, sections, unique figures, citations, signatory."""
    return _reports(periods if periods is not None else reporting_periods())


def evidence_of_any_framework() -> st.SearchStrategy[Evidence]:
    """Evidence for a framework drawn by :func:`frameworks` (what ``st.from_type(Evidence)``
    draws)."""
    return frameworks().flatmap(lambda fw: evidence(framework=fw))


def register_type_strategies() -> None:
    """Register these strategies for :func:`hypothesis.strategies.from_type`."""
    for module, name, function in TYPES:
        cls = getattr(importlib.import_module(module), name)
        st.register_type_strategy(cls, globals()[function]())


# Registered on import too: Hypothesis runs its entry points while this module is still being
# imported (it imports Hypothesis first), when the hook cannot use it yet.
register_type_strategies()
_READY = True
