"""The public strategies keep their promises to the people who test their own rules."""

from __future__ import annotations

import inspect
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from par_index.calendar.work_calendar import default_calendar
from par_index.core.tz import VN_TZ
from par_index.model.dossiers import Dossier, DossierStatus
from par_index.model.periods import ReportingPeriod
from par_index.model.procedures import Procedure
from par_index.service.timeliness import Timeliness, classify
from par_index.testing import strategies as pst

AFTER_ALL = datetime(2031, 6, 1, tzinfo=VN_TZ)  # after every moment drawn by default


@settings(max_examples=60)
@given(pst.dossiers(judgeable=True))
def test_judgeable_dossiers_are_judged_from_their_appointment(d: Dossier) -> None:
    assert d.received_at is not None
    assert d.appointment_at is not None
    assert classify(d, AFTER_ALL).timeliness is not Timeliness.NOT_COUNTED


@settings(max_examples=60)
@given(
    st.lists(pst.procedures(), min_size=1, max_size=3, unique_by=lambda p: p.code).flatmap(
        lambda procs: st.tuples(st.just(procs), pst.dossiers(judgeable=True, procedures=procs))
    )
)
def test_judgeable_dossiers_with_procedures(pair: tuple[list[Procedure], Dossier]) -> None:
    procs, d = pair
    by_code = {p.code: p for p in procs}
    assert d.procedure_code in by_code
    result = classify(d, AFTER_ALL, procedure=by_code[d.procedure_code])
    assert result.timeliness is not Timeliness.NOT_COUNTED


def test_procedures_and_procedure_codes_are_exclusive() -> None:
    with pytest.raises(ValueError, match="not both"):
        pst.dossiers(procedures=[], judgeable=True)


@settings(max_examples=100)
@given(pst.dossiers(statuses=st.just(DossierStatus.SUBMITTED_ONLINE)))
def test_default_dossiers_may_be_unjudgeable(d: Dossier) -> None:
    # Without judgeable=True, dossiers not yet received are drawn too (and not counted).
    assert classify(d, AFTER_ALL).timeliness is Timeliness.NOT_COUNTED


@settings(max_examples=200)
@given(pst.reporting_periods())
def test_default_periods_lie_inside_the_default_calendar(p: ReportingPeriod) -> None:
    cal = default_calendar()
    assert cal.first <= p.start <= p.end <= p.due <= cal.last


def test_no_public_parameter_ends_with_an_underscore() -> None:
    for name in pst.__all__:
        obj = getattr(pst, name)
        if callable(obj):
            params = inspect.signature(obj).parameters
            assert not [p for p in params if p.endswith("_")], name
