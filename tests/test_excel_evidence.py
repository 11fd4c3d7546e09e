"""Evidence tables: the template, reading it back, and every bad input refused with its place."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import attrs
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from par_index.examples.evidence import ba_trang_evidence
from par_index.formats.excel_cells import InvalidWorkbook, parse_number
from par_index.formats.excel_evidence import (
    COLUMNS,
    DATA_SHEET,
    read_evidence_table,
    read_units,
    write_evidence_template,
)
from par_index.frameworks.loader import get_framework
from par_index.model.ratios import NOT_APPLICABLE
from par_index.model.units import AdministrativeUnit, UnitLevel
from par_index.scoring.engine import score
from par_index.testing.strategies import framework_evidence

FW = get_framework("example-commune")
COL = {c.key: i for i, c in enumerate(COLUMNS)}


def _letter(key: str) -> str:
    return get_column_letter(COL[key] + 1)


def _template(**kw: object) -> openpyxl.Workbook:
    data = write_evidence_template(FW, evidence=[ba_trang_evidence()], **kw)  # type: ignore[arg-type]
    return openpyxl.load_workbook(io.BytesIO(data))


def _bytes(wb: openpyxl.Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _row_of(ws: Worksheet, code: str) -> int:
    for r in range(2, ws.max_row + 1):
        if ws[f"{_letter('code')}{r}"].value == code:
            return r
    raise AssertionError(code)


def _problems(data: bytes, lang: str = "vi") -> list[tuple[str, str]]:
    with pytest.raises(InvalidWorkbook) as info:
        read_evidence_table(data, FW, source="phieu.xlsx", lang=lang)  # type: ignore[arg-type]
    return [(p.path, p.code) for p in info.value.problems]


# --------------------------------------------------------------------------- round trips


def test_ba_trang_written_and_read_back_scores_the_same() -> None:
    # The bundled report gives 60,5 of 72 points: 84,03% (docs/scoring.md, by hand 60.5/72).
    for fmt in ("xlsx", "csv"):
        data = write_evidence_template(FW, evidence=[ba_trang_evidence()], fmt=fmt)
        table = read_evidence_table(data, FW, source=f"phieu.{fmt}")
        (ev,) = table.evidence
        card = score(FW, ev)
        assert card == score(FW, ba_trang_evidence())
        assert card.index == Decimal("84.03")
        assert ev.unit == ba_trang_evidence().unit
        assert str(ev.period) == "6 tháng đầu năm 2023"


def test_csv_template_has_a_byte_order_mark_and_vietnamese_headers() -> None:
    data = write_evidence_template(FW, fmt="csv")
    assert data.startswith(b"\xef\xbb\xbf")
    header = data.decode("utf-8-sig").splitlines()[0]
    assert header.startswith("Mã đơn vị,Tên đơn vị,Cấp,Kỳ đánh giá,Mã tiêu chí,Tiêu chí")


def test_template_sheets_validation_and_prefill() -> None:
    units = (
        AdministrativeUnit("25804", "Ba Trang", UnitLevel.XA),
        AdministrativeUnit("25807", "Ba Khâm", UnitLevel.XA),
    )
    data = write_evidence_template(FW, units=units)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Hướng dẫn", "Thông tin", DATA_SHEET, "Danh mục"]
    assert wb["Danh mục"].sheet_state == "hidden"
    help_text = "\n".join(str(c.value) for c in wb["Hướng dẫn"]["A"] if c.value)
    assert "MINH HỌA" in help_text
    ws = wb[DATA_SHEET]
    nodes = len(list(FW.walk()))
    assert ws.max_row == 1 + 2 * nodes
    assert ws.freeze_panes == "G2"
    r = _row_of(ws, "1.1.1")
    assert ws[f"{_letter('unit_code')}{r}"].value == "25804"
    assert ws[f"{_letter('measure')}{r}"].value == "plan.issued"
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert any(f"{_letter('value')}{r}" in str(dv.sqref) for dv in lists)
    rate = _row_of(ws, "3.2")  # dossiers early or on time: a rate
    assert ws[f"{_letter('value')}{rate}"].number_format == "0.00%"
    # Nothing filled yet: both units are there, every leaf shows missing evidence.
    table = read_evidence_table(data, FW)
    assert [e.unit for e in table.evidence] == list(units)
    assert all(not e.measures for e in table.evidence)
    card = score(FW, table.evidence[0])
    assert card.points == 0
    assert not card.complete


def test_values_typed_as_people_type_them() -> None:
    wb = _template()
    ws = wb[DATA_SHEET]
    rate = _row_of(ws, "3.2")
    ws[f"{_letter('value')}{rate}"] = "96,83%"  # text in a percentage cell
    table = read_evidence_table(_bytes(wb), FW)
    assert table.evidence[0].value("report.dossiers_early_or_on_time_rate") == Decimal("0.9683")
    ws[f"{_letter('value')}{rate}"] = 0.1 + 0.2  # a float: read as Excel shows it
    table = read_evidence_table(_bytes(wb), FW)
    assert table.evidence[0].value("report.dossiers_early_or_on_time_rate") == Decimal("0.3")
    ws[f"{_letter('value')}{rate}"] = "không áp dụng"
    table = read_evidence_table(_bytes(wb), FW)
    assert table.evidence[0].value("report.dossiers_early_or_on_time_rate") is NOT_APPLICABLE


def test_parse_number() -> None:
    assert parse_number("96,83%") == (Decimal("0.9683"), True)
    assert parse_number("0.5") == (Decimal("0.5"), False)
    assert parse_number(3) == (Decimal(3), False)
    assert parse_number("1.000.000") is None
    assert parse_number(value=True) is None
    assert parse_number(float("nan")) is None


def test_appraisal_rounds_and_marks_are_read() -> None:
    wb = _template()
    ws = wb[DATA_SHEET]
    r = _row_of(ws, "1.1.3")  # manual in the example framework? read its kind from the row
    ws[f"{_letter('self_score')}{r}"] = 1
    ws[f"{_letter('round1_score')}{r}"] = 0.5
    ws[f"{_letter('round1_comment')}{r}"] = "thiếu kế hoạch kiểm tra"
    ws[f"{_letter('self_evidence')}{r}"] = "252/QĐ-UBND; 14/KH-UBND"
    ws[f"{_letter('not_applicable')}{_row_of(ws, '8')}"] = "x"
    (ev,) = read_evidence_table(_bytes(wb), FW).evidence
    a = ev.assessment.for_code("1.1.3")
    assert a is not None
    assert a.self_evidence == ("252/QĐ-UBND", "14/KH-UBND")
    assert a.final_score == Decimal("0.5")
    assert a.rounds[0].comment == "thiếu kế hoạch kiểm tra"
    assert ev.assessment.not_applicable == ("8",)


@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow])
@given(framework_evidence(), st.sampled_from(["xlsx", "csv"]))
def test_any_evidence_through_the_template_scores_identically(pair: tuple, fmt: str) -> None:  # type: ignore[type-arg]
    fw, ev = pair
    level = fw.unit_levels[0] if fw.unit_levels else UnitLevel.XA
    ev = attrs.evolve(ev, unit=AdministrativeUnit("25804", "Ba Trang", level))
    data = write_evidence_template(fw, evidence=[ev], fmt=fmt)  # type: ignore[arg-type]
    (back,) = read_evidence_table(data, fw).evidence
    assert score(fw, back) == score(fw, ev)


# --------------------------------------------------------------------------- refused


def test_unknown_code_and_measure_with_did_you_mean() -> None:
    wb = _template()
    ws = wb[DATA_SHEET]
    r = _row_of(ws, "1.1.2")
    ws[f"{_letter('code')}{r}"] = "9.9"
    r2 = _row_of(ws, "1.1.1")
    ws[f"{_letter('measure')}{r2}"] = "plan.isued"
    with pytest.raises(InvalidWorkbook) as info:
        read_evidence_table(_bytes(wb), FW, source="phieu.xlsx")
    by_code = {p.code: p for p in info.value.problems}
    assert by_code["unknown-criterion"].path == f"{DATA_SHEET}!{_letter('code')}{r}"
    assert "có phải plan.issued?" in by_code["unknown-measure"].expected
    message = str(info.value)
    assert message.startswith("2 lỗi trong phieu.xlsx:")
    # Lenient: the unknown code is a warning and its row is left out.
    ws[f"{_letter('measure')}{r2}"] = "plan.issued"
    table = read_evidence_table(_bytes(wb), FW, lenient=True)
    assert [w.code for w in table.warnings] == ["unknown-criterion"]


def test_values_of_the_wrong_kind_and_range_all_at_once() -> None:
    wb = _template()
    ws = wb[DATA_SHEET]
    v = _letter("value")
    ws[f"{v}{_row_of(ws, '3.2')}"] = 96.83  # typed without the percentage format
    ws[f"{v}{_row_of(ws, '1.1.1')}"] = "ban hanh dung"  # not one of the choices
    ws[f"{v}{_row_of(ws, '1.2.1')}"] = date(2023, 6, 5)  # Excel made a date of it
    ws[f"{_letter('self_score')}{_row_of(ws, '1.1.2')}"] = 5  # above the maximum 2
    ws[f"{v}{_row_of(ws, '1')}"] = 3  # an inner row has no value
    ws[f"{v}{_row_of(ws, '1.4.1')}"] = "05/06/2023"  # a date typed as text where a count goes
    found = _problems(_bytes(wb))
    assert {code for _, code in found} == {
        "rate-out-of-range",
        "not-a-choice",
        "date-in-cell",
        "points-out-of-range",
        "value-not-read",
        "not-a-number",
    }
    assert all(path.startswith(f"{DATA_SHEET}!") for path, _ in found)
    english = _problems(_bytes(wb), lang="en")
    assert len(english) == len(found)


def test_merged_cells_formulas_wrong_sheet_empty_rows() -> None:
    wb = _template()
    ws = wb[DATA_SHEET]
    ws.merge_cells("V3:V5")
    r = _row_of(ws, "1.1.2")
    ws[f"{_letter('self_score')}{r}"] = "=1+1"  # never computed: openpyxl writes no value
    ws.insert_rows(10, 3)  # empty rows are skipped
    found = _problems(_bytes(wb))
    assert (f"{DATA_SHEET}!V3:V5", "merged-cells") in found
    assert any(code == "formula-not-computed" for _, code in found)
    wb2 = _template()
    wb2[DATA_SHEET].title = "Phieu cham"
    found = _problems(_bytes(wb2))
    assert found == [("phieu.xlsx", "missing-sheet")]


def test_duplicate_rows_and_units_and_unknown_columns() -> None:
    wb = _template()
    ws = wb[DATA_SHEET]
    r = _row_of(ws, "1.1.1")
    ws.append([c.value for c in ws[r]])
    ws[f"{_letter('source')}1"] = "Nguon so lieu"
    found = _problems(_bytes(wb))
    assert ("phieu.xlsx", "unknown-column") not in found
    codes = {code for _, code in found}
    assert codes == {"duplicate-row", "unknown-column"}


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old-xls"),
        (b"PK\x03\x04 not really a zip", "bad-workbook"),
        (b"M\xe3 ti\xeau ch\xed,Gi\xe1\n1.1.1,x\n", "bad-encoding"),  # Windows-1252
        ("Mã đơn vị,Tiêu chí\n".encode(), "missing-column"),
        (b"", "empty-table"),
    ],
)
def test_broken_files_are_refused_with_their_place(data: bytes, code: str) -> None:
    assert code in {c for _, c in _problems(data)}


def test_csv_rate_needs_a_percent_sign() -> None:
    text = write_evidence_template(FW, evidence=[ba_trang_evidence()], fmt="csv").decode(
        "utf-8-sig"
    )
    text = text.replace("96.83%", "96.83", 1)
    found = _problems(text.encode())
    assert [c for _, c in found] == ["rate-without-percent"]
    assert found[0][0].endswith('column "Giá trị"')


@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.integers(1, 60),
            st.integers(0, len(COLUMNS) + 1),
            st.one_of(
                st.none(),
                st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=8),
                st.integers(-5, 200),
                st.floats(allow_nan=False, allow_infinity=False, width=32),
                st.dates(),
                st.booleans(),
            ),
        ),
        max_size=6,
    ),
    st.booleans(),
)
def test_fuzzed_workbooks_give_typed_errors(edits: list, merge: bool) -> None:  # type: ignore[type-arg]
    wb = openpyxl.load_workbook(io.BytesIO(_TEMPLATE))
    ws = wb[DATA_SHEET]
    for row, col, value in edits:
        ws.cell(row=row, column=col + 1, value=value)
    if merge:
        ws.merge_cells("B4:C4")
    problems: tuple[object, ...] = ()
    try:
        read_evidence_table(_bytes(wb), FW)
    except InvalidWorkbook as exc:
        problems = exc.problems
        assert problems
    assert all(p.path for p in problems)  # type: ignore[attr-defined]


_TEMPLATE = write_evidence_template(FW, evidence=[ba_trang_evidence()])


def test_units_file() -> None:
    text = "Mã đơn vị,Tên đơn vị,Cấp\n25804,Ba Trang,xã\n25807,Ba Khâm,xã\n25804,Ba Trang,xã\n"
    with pytest.raises(InvalidWorkbook) as info:
        read_units(text.encode(), source="units.csv")
    assert [(p.path, p.code) for p in info.value.problems] == [
        ('row 4, column "Mã đơn vị"', "duplicate-unit")
    ]
    units = read_units(("\ufeff" + text.rsplit("\n", 2)[0] + "\n").encode())
    assert [u.label() for u in units] == ["xã Ba Trang", "xã Ba Khâm"]


def test_a_template_of_another_framework_is_refused() -> None:
    from par_index.examples.evidence import ba_trang_evidence as ev

    other = get_framework("qd-766-2022")
    data = write_evidence_template(FW, evidence=[ev()])
    with pytest.raises(InvalidWorkbook) as info:
        read_evidence_table(data, other, source="phieu.xlsx")
    assert ("Thông tin!B2", "other-framework") in [(p.path, p.code) for p in info.value.problems]
