"""Loaders never fail with anything but their documented error, whatever the input."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from par_index import strategies as pst
from par_index.exceptions import LoadError
from par_index.formats._exports import CSV_COLUMNS
from par_index.formats.json import dumps, loads
from par_index.formats.portal import loads_dossiers_csv, loads_dossiers_json, loads_procedures_json
from par_index.model.dossiers import Dossier
from par_index.model.procedures import Procedure
from par_index.reports import Report


def load_error(call: Callable[[], object]) -> LoadError | None:
    """The LoadError ``call`` raises, or None; any other exception fails the test."""
    try:
        call()
    except LoadError as exc:
        return exc
    return None


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300))
def test_json_loaders_only_raise_load_error(data: bytes | str) -> None:
    for load in (loads_dossiers_json, loads_procedures_json):
        error = load_error(lambda load=load: load(data))  # type: ignore[misc]
        assert error is None or error.problems


@settings(max_examples=200, deadline=None)
@given(JSON_VALUES, st.sampled_from([Dossier, Procedure, Report]))
def test_structuring_any_json_value_only_raises_load_error(value: Any, cls: type) -> None:
    error = load_error(lambda: loads(cls, json.dumps(value)))
    assert error is None or error.problems


@settings(max_examples=100, deadline=None)
@given(
    pst.dossiers(),
    st.sampled_from(["code", "status", "channel", "received_at", "supplements"]),
    JSON_VALUES,
)
def test_one_corrupted_field_is_reported_at_its_path(d: Dossier, field: str, junk: Any) -> None:
    data = json.loads(dumps(d))
    data[field] = junk
    text = json.dumps({"dossiers": [data]})
    error = load_error(lambda: loads_dossiers_json(text))
    if error is not None:
        assert all(p.path.startswith("$.dossiers[0]") for p in error.problems)


CELLS = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=20)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(CELLS, min_size=len(CSV_COLUMNS), max_size=len(CSV_COLUMNS)), max_size=5))
def test_csv_loader_only_raises_load_error(rows: list[list[str]]) -> None:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(list(CSV_COLUMNS))
    writer.writerows(rows)
    error = load_error(lambda: loads_dossiers_csv(buffer.getvalue(), partial=True))
    if error is not None:
        assert error.problems
        return
    result = loads_dossiers_csv(buffer.getvalue(), partial=True)
    assert len(result.records) + len(result.rejected) <= len(rows)
    for rejected in result.rejected:
        assert rejected.problems
        assert all(p.path.startswith("row ") for p in rejected.problems)
