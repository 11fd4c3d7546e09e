"""The same measures on a cluster: Dask and Spark partitions, combined exactly.

A province's data warehouse keeps dossiers in Parquet and computes with Dask or Spark. The
figures of :mod:`par_index.service.columnar` are additive integer counts
(:func:`~par_index.service.columnar.partition_counts`): each partition computes its own with
the library's rules, the driver adds them up (:func:`~par_index.service.columnar.combine_counts`)
and turns them into measures (:func:`~par_index.service.columnar.finish_counts`). The result
equals the single-machine one exactly, whatever the partitioning, as long as each dossier is in
one partition only.

The partitions must hold the columns of :data:`~par_index.service.columnar.COLUMNS` (as
written by ``DossierTable.frame.write_parquet``), plus ``field`` or ``level`` to group by them.

Needs the ``distributed`` extra (Dask) or the ``spark`` extra (PySpark, with Java).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from par_index.calendar.work_calendar import WorkCalendar
from par_index.model.procedures import Procedure
from par_index.service.columnar import (
    GroupMeasures,
    Window,
    _long_schema,
    combine_counts,
    finish_counts,
    partition_counts,
    polars_module,
)

__all__ = ["measure_dask", "measure_spark"]


def _counts_of_pandas(
    part: Any,
    windows: Sequence[Window],
    by: Sequence[str],
    procedures: Mapping[str, Procedure] | None,
    calendar: WorkCalendar | None,
) -> Any:
    pl = polars_module()
    frame = pl.from_pandas(part)
    return partition_counts(frame, windows, by, procedures=procedures, calendar=calendar)


def measure_dask(
    frame: Any,
    windows: Sequence[Window],
    by: Sequence[str] = (),
    *,
    procedures: Mapping[str, Procedure] | None = None,
    calendar: WorkCalendar | None = None,
) -> tuple[GroupMeasures, ...]:
    """The measures of a Dask dataframe of dossiers, computed partition by partition.

    Each partition's counts are computed where the partition lives (on the workers of the
    current Dask scheduler or client); only the counts travel to the driver.

    Args:
        frame: a ``dask.dataframe.DataFrame`` with the table's columns.
        windows: the time windows.
        by: the group keys.
        procedures: the procedures by code (for 3.3, 3.6 and dossiers without an
            appointment date).
        calendar: the working-day calendar (default: the library's).

    Raises:
        ImportError: naming the extra when Dask is missing.
        TimelinessError: as :func:`~par_index.service.columnar.measure_table`.
        CalendarRangeError: when a day used falls outside the calendar.
    """
    try:
        dask: Any = importlib.import_module("dask")
    except ImportError:  # pragma: no cover - the suite installs the extra
        raise ImportError("the Dask path needs: pip install 'par_index[distributed]'") from None
    counts = dask.delayed(_counts_of_pandas)
    parts = [counts(p, windows, by, procedures, calendar) for p in frame.to_delayed()]
    computed = dask.compute(*parts)
    return finish_counts(
        combine_counts(computed, by), windows, by, with_procedures=procedures is not None
    )


def measure_spark(
    frame: Any,
    windows: Sequence[Window],
    by: Sequence[str] = (),
    *,
    procedures: Mapping[str, Procedure] | None = None,
    calendar: WorkCalendar | None = None,
) -> tuple[GroupMeasures, ...]:
    """The measures of a Spark dataframe of dossiers, computed on Arrow batches.

    Each batch's counts are computed on the executors (``mapInArrow``); the driver collects
    the counts (a few rows per group) and adds them up.

    Args:
        frame: a ``pyspark.sql.DataFrame`` with the table's columns.
        windows: the time windows.
        by: the group keys.
        procedures: the procedures by code.
        calendar: the working-day calendar (default: the library's).

    Raises:
        ImportError: naming the extra when PyArrow, or the pandas PySpark's ``mapInArrow``
            needs, is missing.
        TimelinessError: as :func:`~par_index.service.columnar.measure_table` (raised on an
            executor, reported by Spark).
    """
    try:
        import pyarrow as pa  # noqa: PLC0415
    except ImportError:  # pragma: no cover - the suite installs the extra
        raise ImportError("the Spark path needs: pip install 'par_index[spark]'") from None
    keys = list(by)
    columns = ["window int", *(f"`{k}` string" for k in keys), "procedure_code string"]
    schema = ", ".join([*columns, "measure string", "value long"])

    def counts(batches: Iterator[Any]) -> Iterator[Any]:
        pl = polars_module()
        for batch in batches:
            part = pl.from_arrow(pa.Table.from_batches([batch]))
            found = partition_counts(part, windows, keys, procedures=procedures, calendar=calendar)
            yield from found.to_arrow().to_batches()

    try:
        result = frame.mapInArrow(counts, schema)
    except ImportError as missing:  # PySpark checks for pandas even for Arrow batches
        raise ImportError(
            f"the Spark path needs: pip install 'par_index[spark]' ({missing})"
        ) from missing
    pl = polars_module()
    if hasattr(result, "toArrow"):  # PySpark 4
        found = pl.from_arrow(result.toArrow())
    else:  # PySpark 3.5: the counts are a few rows per group, collected as they are
        rows = [tuple(r) for r in result.collect()]
        found = pl.DataFrame(rows, schema=_long_schema(keys), orient="row")
    return finish_counts(
        combine_counts([found], keys),
        windows,
        keys,
        with_procedures=procedures is not None,
    )
