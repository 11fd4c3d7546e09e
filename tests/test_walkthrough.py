"""The walkthrough of docs/spreadsheets.md, for 30 communes, as a Sở Nội vụ would run it:
template → filled workbook (filled here with openpyxl, as the communes would in Excel) →
rank → results workbook, whose cells are checked against the JSON of the same run."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from par_index.cli import main
from par_index.examples.evidence import ba_trang_evidence
from par_index.formats.excel_evidence import COLUMNS, DATA_SHEET
from par_index.model.ratios import NotApplicable

N = 30


def run(*argv: str) -> str:
    out = io.StringIO()
    assert main(list(argv), out=out) == 0
    return out.getvalue()


def _units(tmp: Path) -> Path:
    # Illustrative communes: the codes are not the official list.
    rows = ["Mã đơn vị,Tên đơn vị,Cấp"] + [f"990{i:02d},Mẫu {i:02d},xã" for i in range(1, N + 1)]
    path = tmp / "don-vi.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _fill(template: Path, filled: Path) -> None:
    """Each commune types Ba Trang's values, with its own share of dossiers on time
    (90% + i/10 of a percent) and, for every third commune, the completion of the tasks the
    level above assigned (so that some are complete and some are not)."""
    col = {c.key: i + 1 for i, c in enumerate(COLUMNS)}
    base = ba_trang_evidence()
    wb = openpyxl.load_workbook(template)
    ws = wb[DATA_SHEET]
    for r in range(2, ws.max_row + 1):
        unit = ws.cell(row=r, column=col["unit_code"]).value
        measure = ws.cell(row=r, column=col["measure"]).value
        if unit is None or measure is None:
            continue
        i = int(str(unit)[-2:])
        value: float | str | None = None
        if measure == "report.dossiers_early_or_on_time_rate":
            value = float(Decimal("0.90") + Decimal(i) / 1000)
        elif measure == "tasks.assigned_completion_rate":
            value = 1.0 if i % 3 == 0 else None
        else:
            m = base.get(str(measure))
            if m is not None:
                v = m.value
                if isinstance(v, bool):
                    value = "có" if v else "không"
                elif isinstance(v, Decimal):
                    value = float(v)
                elif isinstance(v, NotApplicable):
                    value = "không áp dụng"
                elif isinstance(v, str):
                    value = {"on_time": "ban hành đúng thời gian"}.get(v, v)
                else:
                    value = float(v)
        if value is not None:
            ws.cell(row=r, column=col["value"], value=value)
            ws.cell(row=r, column=col["source"], value="báo cáo 6 tháng 2023")
    wb.save(filled)


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("walkthrough")
    units = _units(tmp)
    template = tmp / "phieu-cham.xlsx"
    run(
        "template",
        "--framework",
        "example-commune",
        "--units",
        str(units),
        "--period",
        "6 tháng đầu năm 2023",
        "-o",
        str(template),
    )
    _fill(template, tmp / "phieu-da-dien.xlsx")
    run(
        "rank", str(tmp / "phieu-da-dien.xlsx"), "--format", "xlsx", "-o", str(tmp / "ket-qua.xlsx")
    )
    (tmp / "ket-qua.json").write_text(
        run("rank", str(tmp / "phieu-da-dien.xlsx"), "--format", "json"), encoding="utf-8"
    )
    (tmp / "phieu.json").write_text(
        run("score", str(tmp / "phieu-da-dien.xlsx"), "--format", "json"), encoding="utf-8"
    )
    return tmp


def test_template_has_a_block_per_commune(run_dir: Path) -> None:
    wb = openpyxl.load_workbook(run_dir / "phieu-cham.xlsx")
    codes = {c.value for c in wb[DATA_SHEET]["A"][1:]}
    assert len(codes) == N


def test_results_workbook_matches_the_json(run_dir: Path) -> None:
    ranking = json.loads((run_dir / "ket-qua.json").read_text(encoding="utf-8"))
    cards = json.loads((run_dir / "phieu.json").read_text(encoding="utf-8"))["scorecards"]
    wb = openpyxl.load_workbook(run_dir / "ket-qua.xlsx")
    ws = wb["Xếp hạng"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == N == len(ranking["rows"])
    for cells, row in zip(rows, ranking["rows"], strict=True):
        rank, code, _unit, period, points, maximum, index, _klass, _complete, marks = cells
        assert rank == row["rank"]
        assert code == row["unit_code"]
        assert period == "6 tháng đầu năm 2023"
        assert Decimal(str(points)).quantize(Decimal("0.01")) == Decimal(row["points"]).quantize(
            Decimal("0.01")
        )
        assert Decimal(str(maximum)) == Decimal(row["max_points"])
        assert Decimal(str(index)) == Decimal(row["index"])
        assert (marks or "") == " ".join(row["marks"])
    # The ten communes that reported their assigned tasks share the top: their dossier
    # shares (90,3% … 93,0%) fall in the same band, so their exact indices are equal, and
    # within the tie they are listed by code: 58,5 of 72 points, 81,25%. Like Ba Trang's
    # report, none gives evidence for 5.1: every row is marked * (not final).
    top = [r for r in ranking["rows"] if r["rank"] == 1]
    assert [r["unit_code"] for r in top] == [f"990{i:02d}" for i in range(3, N + 1, 3)]
    assert {(r["points"], r["index"]) for r in top} == {("58.5", "81.25")}
    assert ranking["rows"][len(top)]["rank"] == len(top) + 1
    assert all(r["marks"] == ["*"] for r in ranking["rows"])
    # Every domain sheet holds each commune's points as the JSON scorecard has them.
    by_code = {c["unit"]["code"]: {n["code"]: n for n in c["nodes"]} for c in cards}
    domain = wb["3. Cải cách thủ tục hành chính"]
    header = [c.value for c in domain[1]]
    for cells in domain.iter_rows(min_row=4, values_only=True):
        nodes = by_code[cells[0]]
        for code, value in zip(header[2:], cells[2:], strict=True):
            if value == "KAD":  # not applicable: left out of the maximum
                assert nodes[code]["status"] == "not_applicable"
                continue
            assert Decimal(str(value)).quantize(Decimal("0.0001")) == Decimal(
                nodes[code]["points"]
            ).quantize(Decimal("0.0001"))
    sources = [c.value for c in wb["Nguồn gốc"]["B"]]
    assert any("MINH HỌA" in str(v) for v in sources)


def test_csv_output_of_the_same_run(run_dir: Path) -> None:
    # The text output and its legend are shown in docs/spreadsheets.md.
    csv_text = run("rank", str(run_dir / "phieu-da-dien.xlsx"), "--format", "csv")
    assert csv_text.startswith("\ufeffrank,unit_code,unit_name")
    assert len(csv_text.strip().splitlines()) == N + 1
