"""Serialization round trips and loading with complete error reports."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from par_index import strategies as pst
from par_index.exceptions import LoadError
from par_index.formats._exports import parse_vn_moment
from par_index.formats.json import dump, dumps, load, loads, make_converter
from par_index.formats.portal import load_dossiers, loads_dossiers_csv, loads_dossiers_json
from par_index.model.documents import DocumentRef
from par_index.model.dossiers import VN_TZ, Channel, Dossier, DossierStatus, SupplementRequest
from par_index.model.periods import ReportingPeriod
from par_index.model.procedures import Procedure, TimeLimit, TimeUnit
from par_index.model.tasks import Plan, Task
from par_index.model.units import AdministrativeUnit
from par_index.reports import Report, Section

ROUND_TRIP = [
    (AdministrativeUnit, pst.administrative_units()),
    (ReportingPeriod, pst.reporting_periods()),
    (DocumentRef, pst.document_refs()),
    (TimeLimit, pst.time_limits()),
    (Procedure, pst.procedures()),
    (SupplementRequest, pst.supplement_requests()),
    (Dossier, pst.dossiers()),
    (Task, pst.tasks()),
    (Plan, pst.plans()),
    (Section, pst.sections()),
    (Report, pst.reports()),
]


@pytest.mark.parametrize(("cls", "strategy"), ROUND_TRIP, ids=[c.__name__ for c, _ in ROUND_TRIP])
def test_json_round_trip(cls: type[Any], strategy: st.SearchStrategy[Any]) -> None:
    @settings(max_examples=60, deadline=None)
    @given(strategy)
    def check(value: Any) -> None:
        text = dumps(value)
        assert loads(cls, text) == value
        assert dumps(loads(cls, text)) == text

    check()


@given(st.from_type(Dossier))
@settings(max_examples=20)
def test_from_type_is_registered_through_the_entry_point(d: Dossier) -> None:
    assert isinstance(d, Dossier)


def test_decimals_are_written_exactly() -> None:
    c = make_converter()
    assert c.unstructure(TimeLimit(Decimal("0.5"), TimeUnit.WORKING_DAYS)) == {
        "amount": "0.5",
        "unit": "working_days",
    }


def good_dossier(i: int) -> dict[str, Any]:
    return {
        "code": f"H21.65-230306-{i:04d}",
        "procedure_code": "1.000110",
        "unit_code": "H21.65",
        "channel": 1,
        "status": 10,
        "received_at": "2023-03-06T08:00:00+07:00",
        "appointment_at": "2023-03-08T17:00:00+07:00",
        "finished_at": "2023-03-07T10:00:00+07:00",
        "returned_at": "2023-03-07T14:00:00+07:00",
    }


def test_three_mistakes_one_error_listing_all_paths() -> None:
    items = [good_dossier(i) for i in range(5)]
    items[1]["received_at"] = "06/03/2023"  # not ISO 8601
    items[3]["channel"] = "2"  # a string where the portal code is a number
    items[4]["finished_at"] = "2023-03-05T10:00:00+07:00"  # before reception
    text = json.dumps({"dossiers": items})
    with pytest.raises(LoadError) as info:
        loads_dossiers_json(text, source="dossiers.json")
    paths = [p.path for p in info.value.problems]
    assert paths == [
        "$.dossiers[1].received_at",
        "$.dossiers[3].channel",
        "$.dossiers[4].finished_at",
    ]
    message = str(info.value)
    assert "dossiers.json" in message
    for path in paths:
        assert path in message
    assert "expected one of 1, 2, 3, found '2'" in message


def test_partial_load_keeps_valid_records_and_lists_rejected() -> None:
    items = [good_dossier(i) for i in range(3)]
    items[1]["status"] = 11
    items[2]["colour"] = "blue"
    result = loads_dossiers_json(json.dumps({"dossiers": items}), partial=True)
    assert [d.code for d in result.records] == ["H21.65-230306-0000"]
    assert not result.complete
    assert [r.location for r in result.rejected] == ["$.dossiers[1]", "$.dossiers[2]"]
    assert [p.path for p in result.problems] == ["$.dossiers[1].status", "$.dossiers[2].colour"]
    with pytest.raises(LoadError):
        result.raise_if_incomplete()


def test_missing_fields_and_nested_paths() -> None:
    item = good_dossier(0)
    del item["code"]
    item["supplements"] = [{"requested_at": "2023-03-06T09:00:00"}]
    with pytest.raises(LoadError) as info:
        loads_dossiers_json(json.dumps({"dossiers": [item]}))
    assert {(p.path, p.code) for p in info.value.problems} == {
        ("$.dossiers[0].code", "missing-field"),
        ("$.dossiers[0].supplements[0].requested_at", "naive-moment"),
    }


def test_bad_json_and_bad_shape() -> None:
    with pytest.raises(LoadError) as info:
        loads_dossiers_json('{"dossiers": [}')
    assert info.value.problems[0].path == "line 1, column 15"
    with pytest.raises(LoadError) as info:
        loads_dossiers_json("[]")
    assert info.value.code == "bad-shape"
    with pytest.raises(LoadError) as info:
        loads_dossiers_json('{"dossiers": [], "extra": 1}')
    assert info.value.field == "$.extra"


def test_strict_scalars_are_not_coerced() -> None:
    with pytest.raises(LoadError) as info:
        loads(
            AdministrativeUnit, '{"code": 21535, "name": ["x"], "level": "xã", "parent_code": null}'
        )
    assert {p.path for p in info.value.problems} == {"$.code", "$.name"}
    with pytest.raises(LoadError) as info:
        loads(TimeLimit, '{"amount": 1.5, "unit": "months"}')
    assert info.value.code == "fractional-limit"
    with pytest.raises(LoadError) as info:
        loads(TimeLimit, '{"amount": true, "unit": "months"}')
    assert info.value.field == "$.amount"
    with pytest.raises(LoadError) as info:
        loads(
            Task,
            '{"id": "1", "title": "t", "area": "direction", "assigned_by": "x", "due": "2023-3-1"}',
        )
    assert info.value.field == "$.due"


def test_file_helpers(tmp_path: Path) -> None:
    plan_ref = DocumentRef.parse("252/QĐ-UBND ngày 25/12/2022")
    plan = Plan(plan_ref, 2023, "UBND xã Ba Trang")
    dump(plan, tmp_path / "plan.json")
    assert load(Plan, tmp_path / "plan.json") == plan
    (tmp_path / "d.json").write_text(json.dumps({"dossiers": [good_dossier(1)]}), "utf-8")
    assert len(load_dossiers(tmp_path / "d.json").records) == 1
    with pytest.raises(LoadError) as info:
        load_dossiers(tmp_path / "d.xlsx")
    assert info.value.code == "unknown-format"


# --------------------------------------------------------------------------- CSV

HEADER = (
    "MaHoSo,MaTTHC,MaDonVi,KenhThucHien,TrangThaiHoSo,NgayNopHoSo,NgayTiepNhan,NgayHenTra,"
    "NgayKetThucXuLy,NgayTraKetQua,NgayYeuCauBoSung,NgayHoanThanhBoSung,ThanhToanTrucTuyen,"
    "SoHoa,KetQuaDienTu,TaiSuDungDuLieu,TenTTHC"
)


def test_portal_csv() -> None:
    rows = [
        "H21.65-230306-0001,1.000110,H21.65,2,10,06/03/2023 07:55,06/03/2023 08:00,08/03/2023,"
        "07/03/2023 10:00,07/03/2023 14:00,,,1,1,1,0,Chứng thực",
        "H21.65-230306-0002,1.000110,H21.65,1,5,,06/03/2023 09:00,10/03/2023,,,"
        "06/03/2023 10:00;07/03/2023 08:00,06/03/2023 16:00,0,0,0,0,Chứng thực",
    ]
    result = loads_dossiers_csv("\ufeff" + HEADER + "\n" + "\n".join(rows) + "\n")
    first, second = result.records
    assert first.channel is Channel.ONLINE
    assert first.status is DossierStatus.RETURNED
    assert first.received_at == datetime(2023, 3, 6, 8, 0, tzinfo=VN_TZ)
    # A date-only appointment runs to the end of that day (Bộ luật Dân sự 2015 Điều 147).
    assert first.appointment_at == datetime(2023, 3, 8, 23, 59, 59, tzinfo=VN_TZ)
    assert first.paid_online
    assert first.digitised
    assert not first.reused_data
    assert second.supplements == (
        SupplementRequest(
            datetime(2023, 3, 6, 10, tzinfo=VN_TZ), datetime(2023, 3, 6, 16, tzinfo=VN_TZ)
        ),
        SupplementRequest(datetime(2023, 3, 7, 8, tzinfo=VN_TZ)),
    )


def test_csv_bad_date_reports_row_and_column() -> None:
    rows = [
        "A1,1.000110,H21.65,1,2,,06/03/2023 08:00,,,,,,,,,,",
        "A2,1.000110,H21.65,1,2,,31/02/2023,,,,,,,,,,",
        "A3,1.000110,H21.65,1,2,,06/03/2023 08:00,,,,,,,,,,",
    ]
    text = HEADER + "\n" + "\n".join(rows)
    with pytest.raises(LoadError) as info:
        loads_dossiers_csv(text, source="export.csv")
    (problem,) = info.value.problems
    assert problem.path == "row 3, column NgayTiepNhan"
    assert problem.code == "bad-date"
    assert "dd/mm/yyyy" in problem.expected
    assert "'31/02/2023'" in str(info.value)
    partial = loads_dossiers_csv(text, partial=True)
    assert [d.code for d in partial.records] == ["A1", "A3"]


def test_csv_rule_violations_point_at_columns() -> None:
    rows = ["A1,1.000110,H21.65,4,10,,06/03/2023 08:00,,05/03/2023 08:00,,,,,,,,"]
    with pytest.raises(LoadError) as info:
        loads_dossiers_csv(HEADER + "\n" + "\n".join(rows))
    assert {p.path for p in info.value.problems} == {"row 2, column KenhThucHien"}
    rows = ["A1,1.000110,H21.65,1,9,,06/03/2023 08:00,,05/03/2023 08:00,,,,,,,,"]
    with pytest.raises(LoadError) as info:
        loads_dossiers_csv(HEADER + "\n" + "\n".join(rows))
    assert [(p.path, p.code) for p in info.value.problems] == [
        ("row 2, column NgayKetThucXuLy", "finished-before-received")
    ]


def test_csv_header_problems_are_all_reported() -> None:
    with pytest.raises(LoadError) as info:
        loads_dossiers_csv("MaHoSo;MaTTHC;Mau;Mau\n")
    found = {(p.code, p.found) for p in info.value.problems}
    assert ("missing-column", "none") in found
    assert ("unknown-column", "'Mau'") in found
    assert ("duplicate-column", "Mau") in found
    missing = [p.expected for p in info.value.problems if p.code == "missing-column"]
    assert missing == [
        "a column MaDonVi",
        "a column KenhThucHien",
        "a column TrangThaiHoSo",
    ]
    with pytest.raises(LoadError):
        loads_dossiers_csv("")


def test_csv_options() -> None:
    text = (
        "MaHoSo;MaTTHC;KenhThucHien;TrangThaiHoSo;NgayTiepNhan;Khac\nA1;1.000110;1;2;2023-03-06;x\n"
    )
    result = loads_dossiers_csv(text, unit_code="H21.65", extra_columns="ignore")
    assert result.records[0].unit_code == "H21.65"
    assert result.records[0].received_at == datetime(2023, 3, 6, tzinfo=VN_TZ)


def test_csv_cell_count_and_blank_lines() -> None:
    text = HEADER + "\n\nA1,1.000110\n"
    with pytest.raises(LoadError) as info:
        loads_dossiers_csv(text)
    assert info.value.problems[0].path == "row 3"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("06/03/2023", datetime(2023, 3, 6, tzinfo=VN_TZ)),
        ("6/3/2023 8:05", datetime(2023, 3, 6, 8, 5, tzinfo=VN_TZ)),
        ("06/03/2023 08:05:09", datetime(2023, 3, 6, 8, 5, 9, tzinfo=VN_TZ)),
        ("20230306080509", datetime(2023, 3, 6, 8, 5, 9, tzinfo=VN_TZ)),
        ("2023-03-06T08:05:00+00:00", datetime(2023, 3, 6, 8, 5, tzinfo=UTC)),
        ("2023-03-06 08:05", datetime(2023, 3, 6, 8, 5, tzinfo=VN_TZ)),
    ],
)
def test_moments(text: str, expected: datetime) -> None:
    assert parse_vn_moment(text) == expected


@pytest.mark.parametrize("text", ["", "06-03-2023", "2023/03/06", "32/01/2023", "hôm qua"])
def test_bad_moments(text: str) -> None:
    with pytest.raises(ValueError, match="dd/mm/yyyy"):
        parse_vn_moment(text)


def test_end_of_day() -> None:
    end = parse_vn_moment("08/03/2023", end_of_day=True)
    assert end == datetime(2023, 3, 8, 23, 59, 59, tzinfo=VN_TZ)
    assert end - parse_vn_moment("08/03/2023") == timedelta(hours=23, minutes=59, seconds=59)
