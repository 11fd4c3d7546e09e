"""The Dask and Spark paths give the single-machine figures exactly."""

from __future__ import annotations

import itertools
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from par_index import strategies as pst
from par_index.examples.ba_trang import (
    ba_trang_synthetic_dossiers,
    ba_trang_synthetic_procedures,
)
from par_index.model.dossiers import Dossier
from par_index.model.periods import ReportingPeriod
from par_index.model.procedures import Procedure
from par_index.service.columnar import DossierTable, Window, WindowKind, measure_groups
from par_index.service.distributed import measure_dask, measure_spark

WINDOWS = Window.of(ReportingPeriod.half_year(2023)).split("quarter")
BY = ["unit", "procedure", "channel"]


def test_dask_partitions_on_a_local_cluster() -> None:
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    table = DossierTable.from_dossiers(ba_trang_synthetic_dossiers())
    procedures = ba_trang_synthetic_procedures()
    single = measure_groups(table, WINDOWS, BY, procedures=procedures)
    frame = dd.from_pandas(table.frame.to_pandas(use_pyarrow_extension_array=True), npartitions=4)
    with (
        distributed.LocalCluster(
            processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        assert measure_dask(frame, WINDOWS, BY, procedures=procedures) == single


# --------------------------------------------------------------------------- Spark

#: The cheapest session that still runs partitions side by side: two local threads, no web UI,
#: no event log, no progress bar, an in-memory catalogue (no Derby files), two shuffle
#: partitions, Arrow batches of at most 50 rows so that a partition is cut into several, and
#: the driver on the loopback address. The JVM compiles with its quick compiler only and
#: collects on one thread: for a few small jobs that halves its processor time.
SPARK_CONF = {
    "spark.master": "local[2]",
    "spark.app.name": "par_index tests",
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.eventLog.enabled": "false",
    "spark.sql.catalogImplementation": "in-memory",
    "spark.sql.shuffle.partitions": "2",
    "spark.default.parallelism": "2",
    "spark.sql.execution.arrow.pyspark.enabled": "true",
    "spark.sql.execution.arrow.maxRecordsPerBatch": "50",
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
    "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
}

#: PySpark's own warnings: that it does not yet support the pandas it finds, and, in 3.5, that
#: it compares versions with distutils and leaves the socket of a ``collect`` to the collector.
spark_warnings = pytest.mark.filterwarnings(
    "ignore:PySpark does not yet fully support pandas:FutureWarning",
    "ignore:distutils Version classes are deprecated:DeprecationWarning",
    "ignore:Exception ignored in. <socket.socket:pytest.PytestUnraisableExceptionWarning",
)


def _java() -> str | None:
    """The ``java`` that PySpark starts: JAVA_HOME's, else the one on the PATH."""
    home = os.environ.get("JAVA_HOME")
    java = str(Path(home, "bin", "java")) if home else shutil.which("java")
    return java if java is not None and Path(java).is_file() else None


def _major_version(java: str) -> int | None:
    """The major version of ``java`` (8 for "1.8.0_392"), None when it does not say."""
    shown = subprocess.run(
        [java, "-version"], capture_output=True, text=True, check=False, timeout=120
    )
    found = re.search(r'version "(\d+)(?:\.(\d+))?', shown.stderr)
    if found is None:
        return None
    first, second = int(found[1]), int(found[2] or 0)
    return second if first == 1 else first


def _stop_jvm(context: Any) -> None:
    """Ends the JVM that PySpark started: ``SparkSession.stop`` leaves it running until the
    Python process exits."""
    gateway = context._gateway
    if gateway is None:
        return
    context._gateway = None
    context._jvm = None
    gateway.shutdown()
    process = gateway.proc
    if process is None:
        return
    process.stdin.close()  # the gateway process exits at the end of its standard input
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:  # pragma: no cover - a JVM that hangs on exit
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def spark_frame(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Callable[[DossierTable], Any]]:
    """Spark dataframes of tables, in three partitions, read from Parquet as a warehouse keeps
    them; one local session serves the module, its JVM ended afterwards."""
    pyspark = pytest.importorskip(
        "pyspark", reason="PySpark is not installed: pip install 'par_index[spark]'"
    )
    sql = pytest.importorskip("pyspark.sql")
    needed = 17 if int(pyspark.__version__.split(".")[0]) >= 4 else 8
    java = _java()
    if java is None:
        pytest.skip("the Spark path needs Java: a Java runtime in JAVA_HOME or on the PATH")
    version = _major_version(java)
    if version is not None and version < needed:
        pytest.skip(f"PySpark {pyspark.__version__} needs Java {needed} or later, found {version}")
    builder = sql.SparkSession.builder
    where: Path = tmp_path_factory.mktemp("spark")
    for key, value in {**SPARK_CONF, "spark.sql.warehouse.dir": str(where / "warehouse")}.items():
        builder = builder.config(key, value)
    files = itertools.count()

    def frame_of(table: DossierTable) -> Any:
        path = where / f"{next(files)}.parquet"
        table.frame.write_parquet(path)
        return session.read.parquet(str(path)).repartition(3)

    interrupt = signal.getsignal(signal.SIGINT)  # the Spark context installs its own
    session: Any = None
    try:
        session = builder.getOrCreate()
        session.sparkContext.setLogLevel("ERROR")
        yield frame_of
    finally:
        if session is not None:
            session.stop()
        _stop_jvm(pyspark.SparkContext)
        signal.signal(signal.SIGINT, interrupt)


@spark_warnings
def test_spark_in_local_mode(spark_frame: Callable[[DossierTable], Any]) -> None:
    table = DossierTable.from_dossiers(ba_trang_synthetic_dossiers())
    single = measure_groups(table, WINDOWS, BY)
    assert measure_spark(spark_frame(table), WINDOWS, BY) == single


@spark_warnings
def test_spark_35_collects_the_counts_as_rows(spark_frame: Callable[[DossierTable], Any]) -> None:
    """PySpark 3.5 has no ``DataFrame.toArrow``: the counts reach the driver as rows."""
    table = DossierTable.from_dossiers(ba_trang_synthetic_dossiers())
    procedures = ba_trang_synthetic_procedures()
    frame = spark_frame(table)
    spark_35 = SimpleNamespace(
        mapInArrow=lambda f, schema: SimpleNamespace(collect=frame.mapInArrow(f, schema).collect)
    )
    single = measure_groups(table, WINDOWS, ["unit"], procedures=procedures)
    assert measure_spark(spark_35, WINDOWS, ["unit"], procedures=procedures) == single


@spark_warnings
def test_spark_without_pandas_names_the_extra(
    spark_frame: Callable[[DossierTable], Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    frame = spark_frame(DossierTable.from_dossiers(ba_trang_synthetic_dossiers()[:3]))
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if pandas were not installed
    with pytest.raises(ImportError, match=re.escape("pip install 'par_index[spark]'")):
        measure_spark(frame, WINDOWS, BY)


#: Supplement pauses, swap days and 15:00 cut-offs of H1 2023 (Tết, 30/4–1/5), in calendar
#: quarters and NĐ 09 cut-off windows.
SPARK_WINDOWS = (
    *WINDOWS,
    *Window.of(ReportingPeriod.half_year(2023), WindowKind.CALENDAR).split("quarter"),
)
FIELDS = ["Hộ tịch", "Chứng thực", ""]


@st.composite
def fielded_dossiers(draw: st.DrawFn) -> tuple[list[Dossier], list[str], dict[str, Procedure]]:
    procedures = draw(
        st.lists(pst.procedures(), min_size=1, max_size=3, unique_by=lambda p: p.code)
    )
    dossiers = draw(
        st.lists(
            pst.dossiers(
                start=pst.moments(min_value=datetime(2022, 11, 1), max_value=datetime(2023, 6, 30)),
                procedures=procedures,
                unit_codes=st.sampled_from(["H21.65", "H21.66"]),
                judgeable=True,
            ),
            max_size=40,
            unique_by=lambda d: d.code,
        )
    )
    fields = draw(st.lists(st.sampled_from(FIELDS), min_size=len(dossiers), max_size=len(dossiers)))
    return dossiers, fields, {p.code: p for p in procedures}


@spark_warnings
@settings(max_examples=8)
@given(fielded_dossiers())
def test_spark_equals_one_machine_on_any_dossiers(
    spark_frame: Callable[[DossierTable], Any],
    drawn: tuple[list[Dossier], list[str], dict[str, Procedure]],
) -> None:
    dossiers, fields, procedures = drawn
    table = DossierTable.from_dossiers(dossiers, {"field": fields})
    by = ["unit", "field"]
    single = measure_groups(table, SPARK_WINDOWS, by, procedures=procedures)
    frame = spark_frame(table)
    assert measure_spark(frame, SPARK_WINDOWS, by, procedures=procedures) == single
