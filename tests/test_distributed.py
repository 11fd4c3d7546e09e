"""The Dask and Spark paths give the single-machine figures exactly."""

from __future__ import annotations

import shutil
import warnings

import pytest

from par_index.examples.ba_trang import (
    ba_trang_synthetic_dossiers,
    ba_trang_synthetic_procedures,
)
from par_index.model.periods import ReportingPeriod
from par_index.service.columnar import DossierTable, Window, measure_groups
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


@pytest.mark.skipif(
    shutil.which("java") is None, reason="the Spark path needs Java (a JDK on the PATH)"
)
def test_spark_in_local_mode() -> None:
    sql = pytest.importorskip(
        "pyspark.sql", reason="PySpark is not installed: pip install 'par_index[spark]'"
    )
    table = DossierTable.from_dossiers(ba_trang_synthetic_dossiers())
    single = measure_groups(table, WINDOWS, BY)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # PySpark warns about the pandas it finds
        spark = sql.SparkSession.builder.master("local[1]").getOrCreate()
        try:
            frame = spark.createDataFrame(table.to_arrow()).repartition(3)
            assert measure_spark(frame, WINDOWS, BY) == single
        finally:
            spark.stop()
