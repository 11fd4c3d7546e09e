"""Frameworks from a province's own table, back to a table, to TOML; what-if weights."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

from par_index.cli import main
from par_index.exceptions import LoadError
from par_index.formats.excel_cells import InvalidWorkbook
from par_index.formats.framework_table import (
    framework_to_toml,
    read_framework_table,
    write_framework_table,
)
from par_index.frameworks.loader import bundled_frameworks, get_framework, loads_framework
from par_index.frameworks.measures import MeasureKind
from par_index.frameworks.model import Framework, InvalidFramework
from par_index.frameworks.rules import BandsRule, BooleanRule, CategoricalRule, ManualRule
from par_index.frameworks.weights import read_weights, reweight
from par_index.scoring.engine import score
from par_index.scoring.evidence import (
    AppraisalRound,
    Assessment,
    CriterionAssessment,
    Evidence,
    Measurement,
)
from par_index.testing.strategies import frameworks

DATA = Path(__file__).parent / "data" / "frameworks"
CA_MAU = DATA / "ca-mau-1880-2013-annex-excerpt.txt"
META = {
    "id": "ca-mau-1880-2013",
    "version": "2013",
    "name": "Bộ chỉ số cải cách hành chính tỉnh Cà Mau (trích)",
    "decision": "1880/QĐ-UBND ngày 05/11/2013",
}


def _annex(*, domain_max: str | None = None) -> bytes:
    """The Cà Mau 1880/QĐ-UBND 2013 annex rows, verbatim, as a province's workbook (a title
    row above the header, the scoring guide on rows without STT)."""
    wb = openpyxl.Workbook()
    ws = wb.worksheets[0]
    ws.title = "Phụ lục"
    ws.append(["PHỤ LỤC: BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (trích)"])
    for line in CA_MAU.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        cells: list[object] = [c if c != "" else None for c in line.split("|")]
        if domain_max is not None and cells[0] == "1":
            cells[2] = domain_max
        ws.append(cells)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_real_annex_reports_what_cannot_be_read_with_its_row() -> None:
    with pytest.raises(InvalidWorkbook) as info:
        read_framework_table(_annex(), source="phu-luc.xlsx", metadata=META)
    found = [(p.path, p.code) for p in info.value.problems]
    # Row numbers are the sheet's: a title row, the header, then the annex.
    assert found == [
        ("Phụ lục!B10", "unreadable-rule"),  # 1.1.2: a compound condition
        ("Phụ lục!A26", "leaf-without-rule"),  # 1.3: the excerpt ends there
        ("Phụ lục!A3", "children-sum"),  # domain 1 declares 20, 1.1 + 1.2 + 1.3 = 10
    ]
    assert "Xác định đầy đủ nhiệm vụ và có bố trí kinh phí: 1 điểm" in info.value.problems[0].found


def test_real_annex_lenient_import_and_score_by_hand() -> None:
    # The excerpt stops at 1.3 (3 points, rows not retrievable): the domain is set to the
    # 10 points the excerpt holds so that the tree adds up.
    imported = read_framework_table(
        _annex(domain_max="10"), source="phu-luc.xlsx", metadata=META, lenient=True
    )
    fw = imported.framework
    # The annex's own scoring columns (điều tra XHH, tự đánh giá, SNV đánh giá, điểm đạt được,
    # chỉ số) are listed as ignored; 1.1.2 and 1.3 become rules scored by the appraiser.
    assert [w.code for w in imported.warnings] == ["ignored-column"] * 5 + ["manual-rule"] * 2
    r111 = fw.node("1.1.1").rule
    assert isinstance(r111, CategoricalRule)
    assert r111.categories == ("on_time", "late", "not_done")
    assert isinstance(fw.node("1.1.2").rule, ManualRule)
    assert "Quy tắc gốc" in fw.node("1.1.2").note
    assert isinstance(fw.node("1.1.3").rule, BooleanRule)
    r114 = fw.node("1.1.4").rule
    assert isinstance(r114, BandsRule)
    assert [b.points for b in r114.bands] == [2, 1, 0]
    r121 = fw.node("1.2.1").rule
    assert isinstance(r121, CategoricalRule)
    assert r121.categories == ("on_time", "late")
    spec = fw.measure_spec("tieu_chi.c1_2_1")
    assert spec is not None
    assert spec.kind is MeasureKind.CATEGORY
    assert spec.categories == ("on_time", "late")
    assert isinstance(fw.node("1.3").rule, ManualRule)
    # By hand: plan issued on time 1; 1.1.2 appraised 1; 1.1.3 met 1; 85% of the plan is in
    # "từ 70% - 90%": 1; reports on time 1; reports incomplete 0; 1.3 appraised 2:
    # 7 of 10 points, index 70,00.
    ev = Evidence(
        measures=(
            Measurement("tieu_chi.c1_1_1", "on_time"),
            Measurement("tieu_chi.c1_1_3", value=True),
            Measurement("tieu_chi.c1_1_4", Decimal("0.85")),
            Measurement("tieu_chi.c1_2_1", "on_time"),
            Measurement("tieu_chi.c1_2_2", value=False),
        ),
        assessment=Assessment(
            (
                CriterionAssessment("1.1.2", rounds=(AppraisalRound(1, Decimal(1)),)),
                CriterionAssessment("1.3", rounds=(AppraisalRound(1, Decimal(2)),)),
            )
        ),
    )
    card = score(fw, ev)
    assert card.points == 7
    assert card.index == Decimal("70.00")
    # The imported framework is a file like any other.
    assert loads_framework(framework_to_toml(fw)) == fw


def test_bundled_frameworks_round_trip() -> None:
    for fw in bundled_frameworks():
        assert read_framework_table(write_framework_table(fw)).framework == fw
        assert loads_framework(framework_to_toml(fw)) == fw


@settings(max_examples=12, suppress_health_check=[HealthCheck.too_slow])
@given(frameworks())
def test_any_framework_exported_and_imported_is_equal(fw: Framework) -> None:
    assert read_framework_table(write_framework_table(fw)).framework == fw
    assert loads_framework(framework_to_toml(fw)) == fw


def test_table_without_metadata_names_the_options() -> None:
    with pytest.raises(InvalidWorkbook) as info:
        read_framework_table(_annex(domain_max="10"), lenient=True, lang="en")
    assert {p.code for p in info.value.problems} == {"missing-metadata"}
    assert "--decision" in str(info.value)


def test_cli_import_export(tmp_path: Path) -> None:
    table = tmp_path / "phu-luc.xlsx"
    table.write_bytes(_annex(domain_max="10"))
    out = io.StringIO()
    target = tmp_path / "ca-mau.toml"
    args = ["frameworks", "import", str(table), "-o", str(target), "--lenient"]
    args += [f"--{k}={v}" for k, v in META.items()]
    assert main(args, out=out) == 0
    assert "Chỉ số đo khai báo mới (5)" in out.getvalue()
    assert loads_framework(target.read_text(encoding="utf-8")).id == "ca-mau-1880-2013"
    xlsx = tmp_path / "ec.xlsx"
    assert main(["frameworks", "export", "example-commune", "-o", str(xlsx)], out=out) == 0
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == ["Tiêu chí", "Thông tin", "Thành phần", "Chỉ số đo riêng"]
    assert read_framework_table(xlsx.read_bytes()).framework == get_framework("example-commune")


# --------------------------------------------------------------------------- weights


def test_reweight_rescales_rules_below_and_sums_above() -> None:
    fw = get_framework("example-commune")
    # 1.1 (4 points: 1.1.1 1, 1.1.2 2, 1.1.3 1) to 6: every point × 1.5.
    new = reweight(fw, {"1.1": Decimal(6)})
    assert new.version == "2023.1+weights"
    assert new.node("1.1").max_points == 6
    assert new.node("1.1.2").max_points == 3
    rule = new.node("1.1.1").rule
    assert isinstance(rule, CategoricalRule)
    assert [c.points for c in rule.choices] == [Decimal("1.5"), Decimal("0.75"), 0]
    assert new.node("1").max_points == fw.node("1").max_points + 2
    assert new.max_points == 102
    assert sum(c.max_points for c in new.components) == 102
    # Ba Trang: plan on time now earns 1.5 instead of 1, 1.1.2 "từ 80%" band 1.5 not 1.
    from par_index.examples.evidence import ba_trang_evidence

    before = score(fw, ba_trang_evidence())
    after = score(new, ba_trang_evidence())
    assert after.node("1.1").points == before.node("1.1").points * Decimal("1.5")


def test_reweight_refuses_unknown_nested_and_zero() -> None:
    fw = get_framework("example-commune")
    with pytest.raises(InvalidFramework) as info:
        reweight(fw, {"1.9": Decimal(2), "1": Decimal(0), "1.1": Decimal(3)})
    codes = sorted(p.code for p in info.value.problems)
    # 1.9 and 1.1 lie below 1, which is rescaled whole.
    assert codes == ["nested-weights", "nested-weights", "points-not-positive", "unknown-criterion"]
    assert "did you mean" in info.value.problems[0].expected


def test_weight_files_and_the_score_option(tmp_path: Path) -> None:
    toml = tmp_path / "w.toml"
    toml.write_text('[max_points]\n"1.1" = 6\n', encoding="utf-8")
    assert read_weights(toml) == {"1.1": Decimal(6)}
    csv_file = tmp_path / "w.csv"
    csv_file.write_text("code,max_points\n1.1,6\n", encoding="utf-8")
    assert read_weights(csv_file) == {"1.1": Decimal(6)}
    bad = tmp_path / "bad.csv"
    bad.write_text("code,max_points\n1.1,six\n", encoding="utf-8")
    with pytest.raises(LoadError):
        read_weights(bad)
    out = io.StringIO()
    assert main(["score", "--weights", str(toml), "--format", "json"], out=out) == 0
    assert '"framework_version": "2023.1+weights"' in out.getvalue()


def test_real_annex_as_csv_gives_the_same_framework() -> None:
    import csv

    buf = io.StringIO()
    w = csv.writer(buf)
    for line in CA_MAU.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            cells = line.split("|")
            w.writerow(["10" if cells[0] == "1" and i == 2 else c for i, c in enumerate(cells)])
    data = ("\ufeff" + buf.getvalue()).encode("utf-8")
    from_csv = read_framework_table(data, metadata=META, lenient=True).framework
    from_xlsx = read_framework_table(_annex(domain_max="10"), metadata=META, lenient=True)
    assert from_csv == from_xlsx.framework
