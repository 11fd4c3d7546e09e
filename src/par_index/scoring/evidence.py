"""Evidence (tài liệu kiểm chứng) for one unit and period, and its assessment.

:class:`Evidence` gathers everything known about one unit for one period: measures by name
(computed from dossiers and tasks, read from a report's figures, or facts read from the
unit's documents), each with the place its value came from, and an :class:`Assessment`: per
criterion the unit's self-score, the appraisal rounds (score, comment, evidence references)
and the survey results (docs/sources.md, PAR INDEX: "the unit self-scores each sub-criterion with
evidence; the appraiser accepts or adjusts each score. Scoring software in use keeps a self
score plus two review rounds, each with evidence and a comment").

A measure the evidence lacks is never guessed: scoring marks the criterion that reads it as
missing evidence. A measure that is :data:`~par_index.model.ratios.NOT_APPLICABLE` is known to have
nothing to measure, and its criterion leaves the maximum.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Final

import attrs

from par_index.core.decimals import exact
from par_index.core.lang import format_number
from par_index.core.validation import Checker
from par_index.exceptions import InvalidValueError
from par_index.frameworks.measures import (
    MEASURES,
    NAME_RE,
    MeasureKind,
    MeasureValue,
    check_value,
    figure_measure_kind,
)
from par_index.model.periods import ReportingPeriod
from par_index.model.ratios import NOT_APPLICABLE, NotApplicable, Ratio
from par_index.model.units import AdministrativeUnit
from par_index.reports.model import Figure, Report

__all__ = [
    "AppraisalRound",
    "Assessment",
    "CriterionAssessment",
    "Evidence",
    "InvalidEvidence",
    "Measurement",
    "SurveyResult",
    "evidence_from_report",
]

_HUNDRED: Final = Decimal(100)
_VALUE_TYPES: Final = (Decimal, int, bool, str, NotApplicable)


class InvalidEvidence(InvalidValueError):
    """Evidence (tài liệu kiểm chứng) whose measures or scores contradict their rules."""

    term = "tài liệu kiểm chứng"
    what = "evidence"


def _score_ok(c: Checker, value: object, path: str) -> None:
    if c.of_type(value, Decimal, path, "points as a Decimal"):
        assert isinstance(value, Decimal)
        c.check(
            value.is_finite() and value >= 0, path, "negative-points", "points of 0 or more", value
        )


def _texts_ok(c: Checker, value: object, path: str) -> None:
    if c.of_type(value, tuple, path, "a tuple of texts"):
        assert isinstance(value, tuple)
        for i, item in enumerate(value):
            c.of_type(item, str, f"{path}[{i}]", "a text")


@attrs.frozen
class Measurement:
    """One measure's value and where it came from.

    Attributes:
        name: the measure's name (``report.dossiers_early_or_on_time_rate``).
        value: a rate (Decimal fraction), count (int), value (Decimal), fact (bool),
            category (str) or :data:`~par_index.model.ratios.NOT_APPLICABLE`.
        source: where the value was read, for the explanation ("báo cáo, dòng 72:
            “96,83%”").

    Raises:
        InvalidEvidence: for a malformed name, a value of the wrong type, or a value that
            does not suit a registered measure's kind.
    """

    name: str
    value: MeasureValue
    source: str = ""

    def __attrs_post_init__(self) -> None:
        c = Checker()
        name_ok = c.of_type(self.name, str, "name", "a measure name") and c.check(
            NAME_RE.fullmatch(self.name) is not None,
            "name",
            "measure-name",
            "a dotted lower-case name such as report.meetings",
            self.name,
        )
        if c.check(
            isinstance(self.value, _VALUE_TYPES),
            "value",
            "wrong-type",
            "a Decimal, int, bool, category name or NOT_APPLICABLE",
            self.value,
        ) and isinstance(self.value, Decimal):
            c.check(self.value.is_finite(), "value", "not-a-number", "a finite Decimal", self.value)
        c.of_type(self.source, str, "source", "a text")
        spec = MEASURES.get(self.name) if name_ok else None
        if spec is not None and not c.problems:
            why = check_value(spec.kind, self.value, spec.categories)
            c.check(why is None, "value", "measure-kind", f"{why} ({self.name})", self.value)
        c.raise_if_any(InvalidEvidence)


@attrs.frozen
class AppraisalRound:
    """One review of a criterion's score by the appraiser (thẩm định).

    Attributes:
        round: 1 for the first review, 2 for the second, ...
        score: the points the appraiser gives.
        comment: the appraiser's comment.
        evidence: references to the evidence documents relied on ("252/QĐ-UBND").
        appraiser: who reviewed ("Phòng Nội vụ huyện Ba Tơ").

    Raises:
        InvalidEvidence: for a round below 1 or negative points.
    """

    round: int
    score: Decimal
    comment: str = ""
    evidence: tuple[str, ...] = ()
    appraiser: str = ""

    def __attrs_post_init__(self) -> None:
        c = Checker()
        if c.of_type(self.round, int, "round", "a round number"):
            c.check(self.round >= 1, "round", "round-number", "a round of 1 or more", self.round)
        _score_ok(c, self.score, "score")
        c.of_type(self.comment, str, "comment", "a text")
        _texts_ok(c, self.evidence, "evidence")
        c.of_type(self.appraiser, str, "appraiser", "a text")
        c.raise_if_any(InvalidEvidence)


@attrs.frozen
class CriterionAssessment:
    """What was said about one criterion: the self-score and the appraisal rounds.

    Attributes:
        code: the criterion's code.
        self_score: the unit's own score, if it gave one.
        self_comment: the unit's explanation.
        self_evidence: the evidence documents the unit cites.
        rounds: the appraisal rounds, in order.

    Raises:
        InvalidEvidence: for rounds out of order or wrong types.
    """

    code: str
    self_score: Decimal | None = None
    self_comment: str = ""
    self_evidence: tuple[str, ...] = ()
    rounds: tuple[AppraisalRound, ...] = ()

    def __attrs_post_init__(self) -> None:
        c = Checker()
        if c.of_type(self.code, str, "code", "a criterion code"):
            c.check(self.code != "", "code", "blank-text", "a criterion code", self.code)
        if self.self_score is not None:
            _score_ok(c, self.self_score, "self_score")
        c.of_type(self.self_comment, str, "self_comment", "a text")
        _texts_ok(c, self.self_evidence, "self_evidence")
        if c.of_type(self.rounds, tuple, "rounds", "a tuple of AppraisalRound") and all(
            c.of_type(r, AppraisalRound, f"rounds[{i}]", "an AppraisalRound")
            for i, r in enumerate(self.rounds)
        ):
            for i in range(1, len(self.rounds)):
                c.check(
                    self.rounds[i].round > self.rounds[i - 1].round,
                    f"rounds[{i}].round",
                    "round-order",
                    f"a round after {self.rounds[i - 1].round}",
                    self.rounds[i].round,
                )
        c.raise_if_any(InvalidEvidence)

    @property
    def final_score(self) -> Decimal | None:
        """The score of the last appraisal round, or None when not yet appraised."""
        return self.rounds[-1].score if self.rounds else None


@attrs.frozen
class SurveyResult:
    """The result of the sociological survey (điều tra xã hội học) for one criterion.

    Attributes:
        code: the criterion's code.
        mean: the mean answer on the criterion's scale.
        respondents: how many answered.

    Raises:
        InvalidEvidence: for a negative mean or count.
    """

    code: str
    mean: Decimal
    respondents: int = 0

    def __attrs_post_init__(self) -> None:
        c = Checker()
        c.of_type(self.code, str, "code", "a criterion code")
        _score_ok(c, self.mean, "mean")
        if c.of_type(self.respondents, int, "respondents", "a count"):
            c.check(self.respondents >= 0, "respondents", "negative", "0 or more", self.respondents)
        c.raise_if_any(InvalidEvidence)


def _unique(c: Checker, items: tuple[object, ...], key: str, path: str) -> None:
    seen: set[str] = set()
    for i, item in enumerate(items):
        k = getattr(item, key)
        c.check(k not in seen, f"{path}[{i}].{key}", "duplicate", f"each {key} once", k)
        seen.add(k)


@attrs.frozen
class Assessment:
    """Self-scores, appraisal rounds and survey results, by criterion code.

    Attributes:
        criteria: one entry per criterion that was self-scored or appraised.
        survey: the survey results; empty when no survey was run.
        not_applicable: codes the appraiser marked not applicable (no task in the period);
            a marked inner node makes its whole subtree not applicable.

    Raises:
        InvalidEvidence: for a code given twice or wrong types.
    """

    criteria: tuple[CriterionAssessment, ...] = ()
    survey: tuple[SurveyResult, ...] = ()
    not_applicable: tuple[str, ...] = ()
    _by_code: dict[str, CriterionAssessment] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )
    _survey_by_code: dict[str, SurveyResult] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        c = Checker()
        if c.of_type(self.criteria, tuple, "criteria", "a tuple of CriterionAssessment") and all(
            c.of_type(a, CriterionAssessment, f"criteria[{i}]", "a CriterionAssessment")
            for i, a in enumerate(self.criteria)
        ):
            _unique(c, self.criteria, "code", "criteria")
        if c.of_type(self.survey, tuple, "survey", "a tuple of SurveyResult") and all(
            c.of_type(s, SurveyResult, f"survey[{i}]", "a SurveyResult")
            for i, s in enumerate(self.survey)
        ):
            _unique(c, self.survey, "code", "survey")
        _texts_ok(c, self.not_applicable, "not_applicable")
        c.raise_if_any(InvalidEvidence)
        object.__setattr__(self, "_by_code", {a.code: a for a in self.criteria})
        object.__setattr__(self, "_survey_by_code", {s.code: s for s in self.survey})

    @property
    def survey_run(self) -> bool:
        """Whether a survey was run (any survey result is present)."""
        return bool(self.survey)

    def for_code(self, code: str) -> CriterionAssessment | None:
        """The assessment of criterion ``code``, if any."""
        return self._by_code.get(code)

    def survey_result(self, code: str) -> SurveyResult | None:
        """The survey result of criterion ``code``, if any."""
        return self._survey_by_code.get(code)


_NO_ASSESSMENT: Final = Assessment()


@attrs.frozen
class Evidence:
    """Everything known about one unit for one period.

    Attributes:
        measures: the measures, names unique.
        assessment: self-scores, appraisal rounds and survey results.
        unit: the unit, if known.
        period: the period, if known.

    Raises:
        InvalidEvidence: for a measure named twice or wrong types.
    """

    measures: tuple[Measurement, ...] = ()
    assessment: Assessment = _NO_ASSESSMENT
    unit: AdministrativeUnit | None = None
    period: ReportingPeriod | None = None
    _index: dict[str, Measurement] = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        c = Checker()
        if c.of_type(self.measures, tuple, "measures", "a tuple of Measurement") and all(
            c.of_type(m, Measurement, f"measures[{i}]", "a Measurement")
            for i, m in enumerate(self.measures)
        ):
            _unique(c, self.measures, "name", "measures")
        c.of_type(self.assessment, Assessment, "assessment", "an Assessment")
        if self.unit is not None:
            c.of_type(self.unit, AdministrativeUnit, "unit", "an AdministrativeUnit or None")
        if self.period is not None:
            c.of_type(self.period, ReportingPeriod, "period", "a ReportingPeriod or None")
        c.raise_if_any(InvalidEvidence)
        object.__setattr__(self, "_index", {m.name: m for m in self.measures})

    def get(self, name: str) -> Measurement | None:
        """The measurement called ``name``, or None when the evidence lacks it."""
        return self._index.get(name)

    def value(self, name: str) -> MeasureValue | None:
        """The value of measure ``name``, or None when the evidence lacks it."""
        m = self._index.get(name)
        return None if m is None else m.value

    def with_measures(
        self,
        items: Iterable[Measurement] | Mapping[str, MeasureValue | Ratio],
        *,
        source: str = "",
    ) -> Evidence:
        """This evidence with measures added or replaced.

        Args:
            items: measurements, or values by name; a :class:`~par_index.model.ratios.Ratio` is
                read as its rate (``NOT_APPLICABLE`` when nothing was considered).
            source: the source recorded for values given by name.

        Raises:
            InvalidEvidence: for values that do not suit their measures.
        """
        new: list[Measurement] = []
        if isinstance(items, Mapping):
            for name, value in items.items():
                v: MeasureValue = value.rate if isinstance(value, Ratio) else value
                note = f"{source} ({value})" if isinstance(value, Ratio) and source else source
                new.append(Measurement(name, v, note))
        else:
            new.extend(items)
        names = {m.name for m in new}
        kept = tuple(m for m in self.measures if m.name not in names)
        return attrs.evolve(self, measures=kept + tuple(new))

    def with_assessment(self, assessment: Assessment) -> Evidence:
        """This evidence with ``assessment``."""
        return attrs.evolve(self, assessment=assessment)

    def label(self, lang: str = "vi") -> str:
        """The unit and period, for people ("xã Ba Trang, 6 tháng đầu năm 2023")."""
        unit = self.unit.label(lang) if self.unit is not None else "—"
        if self.period is None:
            return unit
        return f"{unit}, {self.period.label('en' if lang == 'en' else 'vi')}"


# --------------------------------------------------------------------------- from a report


def _figure_source(fig: Figure) -> str:
    where = f"dòng {fig.span.line}, " if fig.span is not None else ""
    if fig.text is not None:
        return f"báo cáo, {where}“{fig.text}”"
    qualifier = f"{fig.qualifier.value} " if fig.qualifier is not None else ""
    unit = fig.unit if fig.unit == "%" else f" {fig.unit}"
    return f"báo cáo, {where}{qualifier}{format_number(fig.value)}{unit}"


def _figure_value(fig: Figure) -> tuple[MeasureValue, str]:
    """The measure value of a figure and a note when it had to be bounded."""
    kind = figure_measure_kind(fig.unit)
    if kind is MeasureKind.RATE:
        rate = fig.value / _HUNDRED
        if rate > 1:
            # A rate is at most 100% (the measures contract): a plan overfulfilled
            # ("đạt 120% kế hoạch") counts as fully achieved, and the note says so.
            return Decimal(1), " (vượt 100%, tính là 100%)"
        return rate, ""
    if kind is MeasureKind.VALUE:
        return fig.value, ""
    return int(fig.value), ""


def _ratio_measure(
    figures: Mapping[str, Figure], name: str, numerator: str, denominator: str
) -> Measurement | None:
    """``numerator / denominator`` of two figures, when both are stated exactly."""
    num, den = figures.get(numerator), figures.get(denominator)
    if num is None or den is None or not (num.is_exact and den.is_exact):
        return None
    n, d = int(num.value), int(den.value)
    if n > d:
        return None
    ratio = Ratio(n, d)
    return Measurement(
        name,
        ratio.rate,
        f"tính từ số liệu báo cáo: {numerator} {n} / {denominator} {d}",
    )


def _none_stated(figures: Mapping[str, Figure], name: str, count: str) -> Measurement | None:
    """Not applicable when the report states there were none to handle."""
    fig = figures.get(count)
    if fig is None or fig.value != 0 or not fig.is_exact:
        return None
    return Measurement(
        name, NOT_APPLICABLE, f"không áp dụng: {_figure_source(fig)} (không phát sinh)"
    )


def _stated_rate(figures: Mapping[str, Figure], name: str, figure: str) -> Measurement | None:
    """A task measure the report states as a percentage ("hoàn thành 100% khối lượng")."""
    fig = figures.get(figure)
    if fig is None or figure_measure_kind(fig.unit) is not MeasureKind.RATE:
        return None
    value, note = _figure_value(fig)
    return Measurement(name, value, _figure_source(fig) + note)


@exact
def evidence_from_report(
    report: Report,
    *,
    unit: AdministrativeUnit | None = None,
    period: ReportingPeriod | None = None,
) -> Evidence:
    """The evidence a report's figures give: one ``report.<figure>`` measure per figure.

    Figures stated in "%" become rates (96,83% → ``Decimal("0.9683")``; a figure above 100%
    counts as 100% and its source says so); "điểm" figures values; other figures counts.
    Each measure keeps the figure's text and line as its source. Measures derived exactly
    from two figures are added too:

    * ``legal_documents.review_rate`` = documents reviewed / documents due for review;
    * ``tasks.assigned_completion_rate`` = assigned tasks completed / tasks assigned;
    * ``tasks.plan_completion_rate`` = the plan completion the report states (its
      ``plan_completion_rate`` figure), until the plan's tasks give it
      (:func:`par_index.scoring.plan_evidence.plan_measurements`);
    * ``feedback.handled_on_time_rate`` and ``audit.recommendations_done_rate`` are not
      applicable when the report states there was no feedback / no recommendation.

    Args:
        report: the report.
        unit: the unit; the report's own by default.
        period: the period; the report's own by default.

    Raises:
        InvalidEvidence: when a figure's value does not suit its measure.
    """
    figures = {f.name: f for f in report.figures}
    measures: list[Measurement] = []
    for fig in report.figures:
        value, note = _figure_value(fig)
        measures.append(Measurement(f"report.{fig.name}", value, _figure_source(fig) + note))
    derived = (
        _ratio_measure(
            figures, "legal_documents.review_rate", "documents_reviewed", "documents_to_review"
        ),
        _ratio_measure(
            figures, "tasks.assigned_completion_rate", "tasks_completed", "tasks_assigned"
        ),
        _stated_rate(figures, "tasks.plan_completion_rate", "plan_completion_rate"),
        _none_stated(figures, "feedback.handled_on_time_rate", "feedback_received"),
        _none_stated(figures, "audit.recommendations_done_rate", "audit_recommendations"),
    )
    measures.extend(m for m in derived if m is not None)
    return Evidence(
        measures=tuple(measures),
        unit=unit if unit is not None else report.unit,
        period=period if period is not None else report.period,
    )
