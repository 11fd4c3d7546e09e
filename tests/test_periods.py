"""Tests for par_index.model.periods: cut-off windows, due dates, parsing and finding periods.

Expected windows are hand-computed from Nghị định 09/2019/NĐ-CP Điều 12 (15th of the month
before the period to the 14th of its last month) and due dates from 581/BNV-CCHC (20th of
the last month); see docs/sources.md, reports.
"""

from __future__ import annotations

import contextlib
import itertools
import unicodedata
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from par_index.exceptions import InvalidPeriod, ParIndexError
from par_index.model.periods import (
    FoundPeriod,
    PeriodKind,
    PeriodMention,
    ReportingPeriod,
    find_period,
    find_period_mentions,
    find_periods,
)
from par_index.testing._periods import reporting_periods

P = ReportingPeriod
ONE_DAY = timedelta(days=1)


def test_public_names() -> None:
    import par_index.model.periods

    assert par_index.model.periods.__all__ == [
        "FoundPeriod",
        "PeriodKind",
        "PeriodMention",
        "ReportingPeriod",
        "find_period",
        "find_period_mentions",
        "find_periods",
    ]


# -- cut-off windows and due dates, by hand ---------------------------------------------------

WINDOWS: list[tuple[ReportingPeriod, date, date, date, bool]] = [
    # period, start, end, due, due verified by 581/BNV-CCHC
    (P.quarter(2025, 1), date(2024, 12, 15), date(2025, 3, 14), date(2025, 3, 20), True),
    (P.quarter(2023, 2), date(2023, 3, 15), date(2023, 6, 14), date(2023, 6, 20), False),
    (P.quarter(2024, 3), date(2024, 6, 15), date(2024, 9, 14), date(2024, 9, 20), True),
    (P.quarter(2024, 4), date(2024, 9, 15), date(2024, 12, 14), date(2024, 12, 20), False),
    (P.half_year(2023), date(2022, 12, 15), date(2023, 6, 14), date(2023, 6, 20), True),
    (P.nine_months(2022), date(2021, 12, 15), date(2022, 9, 14), date(2022, 9, 20), False),
    (P.annual(2023), date(2022, 12, 15), date(2023, 12, 14), date(2023, 12, 20), True),
    (P.month(2023, 1), date(2022, 12, 15), date(2023, 1, 14), date(2023, 1, 20), False),
    (P.month(2023, 5), date(2023, 4, 15), date(2023, 5, 14), date(2023, 5, 20), False),
    (P.month(2023, 12), date(2023, 11, 15), date(2023, 12, 14), date(2023, 12, 20), False),
    (P.month(2024, 3), date(2024, 2, 15), date(2024, 3, 14), date(2024, 3, 20), False),
    (P.quarter(1990, 1), date(1989, 12, 15), date(1990, 3, 14), date(1990, 3, 20), True),
    (P.annual(2100), date(2099, 12, 15), date(2100, 12, 14), date(2100, 12, 20), True),
]


@pytest.mark.parametrize(("period", "start", "end", "due", "verified"), WINDOWS, ids=str)
def test_window_and_due(
    period: ReportingPeriod, start: date, end: date, due: date, verified: bool
) -> None:
    assert (period.start, period.end, period.due) == (start, end, due)
    assert period.due_is_verified is verified
    if verified:
        assert "581/BNV-CCHC" in period.due_source
        assert "unverified" not in period.due_source
    else:
        assert period.due_source.startswith("by analogy with 581/BNV-CCHC")
        assert "(unverified)" in period.due_source


def test_windows_cover_every_kind() -> None:
    assert {p.kind for p, *_ in WINDOWS} == set(PeriodKind)


def test_contains() -> None:
    q1 = P.quarter(2025, 1)
    assert q1.contains(date(2024, 12, 15))
    assert date(2025, 3, 14) in q1
    assert date(2024, 12, 14) not in q1
    assert not q1.contains(date(2025, 3, 15))
    assert "2025-01-01" not in q1
    with pytest.raises(TypeError, match="datetime"):
        q1.contains(datetime(2025, 1, 1, 8, 0))
    with pytest.raises(TypeError):
        _ = datetime(2025, 1, 1, 8, 0) in q1


# -- constructor --------------------------------------------------------------------------------


def test_named_constructors() -> None:
    assert P.quarter(2025, 1) == P(PeriodKind.QUARTER, 2025, 1)
    assert P.half_year(2023) == P(PeriodKind.HALF_YEAR, 2023)
    assert P.nine_months(2022) == P(PeriodKind.NINE_MONTHS, 2022, None)
    assert P.annual(2023) == P(PeriodKind.YEAR, 2023)
    assert P.month(2023, 5) == P(PeriodKind.MONTH, 2023, 5)


def _codes(exc: pytest.ExceptionInfo[InvalidPeriod]) -> list[tuple[str, str]]:
    return [(p.path, p.code) for p in exc.value.problems]


@pytest.mark.parametrize(
    ("kind", "year", "number", "expected"),
    [
        (PeriodKind.QUARTER, 2023, None, [("number", "number-missing")]),
        (PeriodKind.QUARTER, 2023, 5, [("number", "number-out-of-range")]),
        (PeriodKind.QUARTER, 2023, 0, [("number", "number-out-of-range")]),
        (PeriodKind.MONTH, 2023, 13, [("number", "number-out-of-range")]),
        (PeriodKind.MONTH, 2023, None, [("number", "number-missing")]),
        (PeriodKind.YEAR, 2023, 1, [("number", "number-not-allowed")]),
        (PeriodKind.HALF_YEAR, 2023, 6, [("number", "number-not-allowed")]),
        (PeriodKind.NINE_MONTHS, 2023, 9, [("number", "number-not-allowed")]),
        (PeriodKind.YEAR, 1800, None, [("year", "year-out-of-range")]),
        (PeriodKind.YEAR, 2101, None, [("year", "year-out-of-range")]),
        (PeriodKind.YEAR, True, None, [("year", "wrong-type")]),
        (PeriodKind.YEAR, "2023", None, [("year", "wrong-type")]),
        (PeriodKind.MONTH, 2023, True, [("number", "wrong-type")]),
        (PeriodKind.MONTH, 2023, 5.0, [("number", "wrong-type")]),
        ("quarter", 2023, 1, [("kind", "wrong-type")]),
        # every problem at once
        (
            PeriodKind.QUARTER,
            1800,
            5,
            [("year", "year-out-of-range"), ("number", "number-out-of-range")],
        ),
        (None, True, 3, [("kind", "wrong-type"), ("year", "wrong-type")]),
    ],
)
def test_constructor_rejects(
    kind: object, year: object, number: object, expected: list[tuple[str, str]]
) -> None:
    with pytest.raises(InvalidPeriod) as exc:
        P(kind, year, number)  # type: ignore[arg-type]
    assert _codes(exc) == expected
    assert isinstance(exc.value, ValueError)
    assert isinstance(exc.value, ParIndexError)
    assert "kỳ báo cáo" in str(exc.value)


def test_frozen_and_hashable() -> None:
    p = P.quarter(2025, 1)
    assert len({p, P.quarter(2025, 1), P.half_year(2025)}) == 2
    with pytest.raises(AttributeError):
        p.year = 2024  # type: ignore[misc]


# -- ordering -------------------------------------------------------------------------------


def test_sorting_by_end_then_start() -> None:
    y = 2023
    periods = [
        P.annual(y),
        P.month(y, 12),
        P.quarter(y, 4),
        P.nine_months(y),
        P.quarter(y, 3),
        P.half_year(y),
        P.quarter(y, 2),
        P.month(y, 1),
        P.quarter(y, 1),
        P.annual(y - 1),
    ]
    assert sorted(periods) == [
        P.annual(y - 1),
        P.month(y, 1),
        P.quarter(y, 1),
        P.half_year(y),
        P.quarter(y, 2),
        P.nine_months(y),
        P.quarter(y, 3),
        P.annual(y),
        P.quarter(y, 4),
        P.month(y, 12),
    ]
    assert P.quarter(y, 1) < P.quarter(y, 2) <= P.quarter(y, 2)
    assert P.annual(y) > P.half_year(y) >= P.half_year(y)
    assert P.quarter(y, 1).sort_key == (date(y, 3, 14), date(y - 1, 12, 15))


def test_ordering_with_other_types_is_not_implemented() -> None:
    year = P.annual(2023)
    with pytest.raises(TypeError):
        _ = year < 2023  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = year <= 2023  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = year > 2023  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = year >= 2023  # type: ignore[operator]
    text: object = "Năm 2023"
    assert P.annual(2023) != text


# -- labels ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "vi", "en"),
    [
        (P.quarter(2025, 1), "Quý I năm 2025", "Q1 2025"),
        (P.quarter(2025, 2), "Quý II năm 2025", "Q2 2025"),
        (P.quarter(2024, 3), "Quý III năm 2024", "Q3 2024"),
        (P.quarter(2024, 4), "Quý IV năm 2024", "Q4 2024"),
        (P.half_year(2023), "6 tháng đầu năm 2023", "First half of 2023"),
        (P.nine_months(2022), "9 tháng đầu năm 2022", "First nine months of 2022"),
        (P.annual(2023), "Năm 2023", "Year 2023"),
        (P.month(2023, 5), "Tháng 5 năm 2023", "May 2023"),
        (P.month(2023, 12), "Tháng 12 năm 2023", "December 2023"),
    ],
)
def test_labels(period: ReportingPeriod, vi: str, en: str) -> None:
    assert str(period) == vi
    assert period.label() == vi
    assert period.label("vi") == vi
    assert period.label("en") == en


def test_label_rejects_unknown_language() -> None:
    with pytest.raises(ValueError, match="lang"):
        P.annual(2023).label("fr")  # type: ignore[arg-type]


# -- parse ------------------------------------------------------------------------------------

ACCEPTED: list[tuple[str, ReportingPeriod]] = [
    ("6 tháng đầu năm 2023", P.half_year(2023)),
    ("sáu tháng đầu năm 2023", P.half_year(2023)),
    ("6 tháng năm 2023", P.half_year(2023)),
    ("định kỳ 6 tháng năm 2023", P.half_year(2023)),
    ("06 tháng đầu năm 2023", P.half_year(2023)),
    ("Quý I năm 2025", P.quarter(2025, 1)),
    ("quý 1 năm 2025", P.quarter(2025, 1)),
    ("Quý I/2020", P.quarter(2020, 1)),
    ("QUÝ III NĂM 2024", P.quarter(2024, 3)),
    ("quý IV/2024", P.quarter(2024, 4)),
    ("quý II năm 2023", P.quarter(2023, 2)),
    ("Qúy II năm 2023", P.quarter(2023, 2)),  # old-style tone placement
    ("9 tháng đầu năm 2022", P.nine_months(2022)),
    ("9 tháng năm 2022", P.nine_months(2022)),
    ("chín tháng đầu năm 2022", P.nine_months(2022)),
    ("năm 2023", P.annual(2023)),
    ("Năm 2023", P.annual(2023)),
    ("kỳ năm 2023", P.annual(2023)),
    ("tháng 5 năm 2023", P.month(2023, 5)),
    ("tháng 05/2023", P.month(2023, 5)),
    ("Tháng 12 năm 2023", P.month(2023, 12)),
    ("tháng 1 / 2024", P.month(2024, 1)),
    # whitespace, NBSP, case and NFD input
    ("  Quý\u00a0I   năm\t2025 ", P.quarter(2025, 1)),
    ("ĐỊNH KỲ 6 THÁNG ĐẦU NĂM 2023", P.half_year(2023)),
    (unicodedata.normalize("NFD", "Quý III năm 2024"), P.quarter(2024, 3)),
    (unicodedata.normalize("NFD", "sáu tháng đầu năm 2023"), P.half_year(2023)),
    (unicodedata.normalize("NFD", "định kì chín tháng năm 2022"), P.nine_months(2022)),
]


@pytest.mark.parametrize(("text", "expected"), ACCEPTED)
def test_parse_accepts(text: str, expected: ReportingPeriod) -> None:
    assert P.parse(text) == expected


REJECTED: list[tuple[str, str]] = [
    ("6 tháng cuối năm 2023", "not-a-reporting-period"),
    ("6 tháng cuối năm", "not-a-reporting-period"),
    ("Quý V năm 2023", "number-out-of-range"),
    ("quý 5/2023", "number-out-of-range"),
    ("quý 0 năm 2023", "number-out-of-range"),
    ("tháng 13/2023", "number-out-of-range"),
    ("tháng 0 năm 2023", "number-out-of-range"),
    ("năm 23", "year-out-of-range"),
    ("năm 1989", "year-out-of-range"),
    ("quý I năm 2101", "year-out-of-range"),
    ("", "empty"),
    ("   \u00a0", "empty"),
    ("quý I", "unknown-period-phrase"),
    ("6 tháng đầu năm", "unknown-period-phrase"),
    ("3 tháng đầu năm 2023", "unknown-period-phrase"),
    ("6 tháng", "unknown-period-phrase"),
    ("Q1 2025", "unknown-period-phrase"),
    ("quý I năm 2025 xã Ba Trang", "unknown-period-phrase"),
    ("Báo cáo năm 2023", "unknown-period-phrase"),
    ("năm 2023.", "unknown-period-phrase"),
    ("ngày 05 tháng 6 năm 2023", "unknown-period-phrase"),
    ("năm 99999999999999", "unknown-period-phrase"),
]


@pytest.mark.parametrize(("text", "code"), REJECTED)
def test_parse_rejects(text: str, code: str) -> None:
    with pytest.raises(InvalidPeriod) as exc:
        P.parse(text)
    assert exc.value.code == code
    assert exc.value.field == "text"
    assert repr(text) in str(exc.value)  # the text is quoted
    assert all(p.found.startswith(repr(text)) for p in exc.value.problems)


def test_parse_rejection_explains_accepted_forms() -> None:
    with pytest.raises(InvalidPeriod) as exc:
        P.parse("Q1 2025")
    expected = exc.value.problems[0].expected
    for form in ("Quý I năm 2025", "6 tháng đầu năm 2023", "Năm 2023", "Tháng 5 năm 2023"):
        assert form in expected


def test_parse_rejects_second_half_with_reason() -> None:
    with pytest.raises(InvalidPeriod) as exc:
        P.parse("6 tháng cuối năm 2023")
    message = str(exc.value)
    assert "09/2019/NĐ-CP" in message
    assert "'6 tháng cuối năm' is not one" in message


def test_parse_reports_every_problem() -> None:
    with pytest.raises(InvalidPeriod) as exc:
        P.parse("Quý V năm 1800")
    assert [p.code for p in exc.value.problems] == ["number-out-of-range", "year-out-of-range"]
    assert "quarter V" in exc.value.problems[0].found
    assert "year 1800" in exc.value.problems[1].found


def test_parse_rejects_non_text() -> None:
    with pytest.raises(InvalidPeriod) as exc:
        P.parse(2023)  # type: ignore[arg-type]
    assert exc.value.code == "wrong-type"


# -- finding periods in longer texts ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        (
            "BÁO CÁO Cải cách hành chính định kỳ 6 tháng năm 2023 xã Ba Trang",
            "6 tháng năm 2023",
            P.half_year(2023),
        ),
        (
            "Báo cáo công tác CCHC quý I/2020 của UBND huyện",
            "quý I/2020",
            P.quarter(2020, 1),
        ),
        ("tình hình năm 2023", "năm 2023", P.annual(2023)),
        (
            "thời gian kiểm tra CCHC nội bộ tại địa phương thực hiện vào quý III năm 2023.",
            "quý III năm 2023",
            P.quarter(2023, 3),
        ),
        (
            "Trong 6 tháng năm 2023 không có các kiến nghị của thanh tra",
            "6 tháng năm 2023",
            P.half_year(2023),
        ),
        (
            "BÁO CÁO\nCải cách hành chính 9 tháng\nđầu năm 2022",
            "9 tháng\nđầu năm 2022",
            P.nine_months(2022),
        ),
        ("Báo cáo CCHC tháng 02/2024 của UBND xã", "tháng 02/2024", P.month(2024, 2)),
        ("Kết quả Quý\u00a0IV  năm 2024", "Quý\u00a0IV  năm 2024", P.quarter(2024, 4)),
        # the date header comes first but is no period
        (
            "Ba Trang, ngày 05 tháng 6 năm 2023\nBÁO CÁO CCHC 6 tháng đầu năm 2023",
            "6 tháng đầu năm 2023",
            P.half_year(2023),
        ),
    ],
)
def test_find_period(text: str, phrase: str, expected: ReportingPeriod) -> None:
    found = find_period(text)
    assert found is not None
    assert text[found.start : found.end] == phrase
    assert found.period == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Ba Trang, ngày 05 tháng 6 năm 2023",
        "ngày 15 tháng 12 năm trước",
        "Báo cáo 6 tháng cuối năm 2023",
        "Sơ kết công tác CCHC quý I;",
        "thời hạn 6 tháng kể từ ngày ký",
        "Quyết định số 4559/QĐ-UBND ngày 22/12/2022 của UBND huyện",
        "quý V năm 2023",
        "tháng 13 năm 2023",
        "năm 1989",
        "Kính gửi quý cơ quan, quý vị đại biểu",
        "năm 20234",
        "16 tháng năm 2023",
        "3 tháng đầu năm 2023",
        "mười hai tháng năm 2023",
    ],
)
def test_find_period_none(text: str) -> None:
    assert find_period(text) is None
    assert find_periods(text) == ()


def test_find_periods_all_mentions_with_a_year() -> None:
    text = (
        "Trên cơ sở Quyết định số 4559/QĐ-UBND ngày 22/12/2022 của UBND huyện ban hành kế "
        "hoạch thực hiện CCHC năm 2023; các nhiệm vụ trong 6 tháng đầu năm 2023 đã hoàn thành, "
        "03 Nghị quyết ban hành trong (tháng 12/2022) vẫn còn hiệu lực, kiểm tra vào quý III/2023."
    )
    found = find_periods(text)
    assert [f.period for f in found] == [
        P.annual(2023),
        P.half_year(2023),
        P.month(2022, 12),
        P.quarter(2023, 3),
    ]
    assert [text[f.start : f.end] for f in found] == [
        "năm 2023",
        "6 tháng đầu năm 2023",
        "tháng 12/2022",
        "quý III/2023",
    ]
    assert find_period(text) == found[0]
    assert all(isinstance(f, FoundPeriod) for f in found)


def test_find_period_mentions_without_year() -> None:
    text = (
        "+ Sơ kết công tác CCHC quý I; Trong 6 tháng đầu năm đã thực hiện 05 cuộc họp; "
        "báo cáo quý II và 6 tháng đầu năm 2024; chín tháng đầu năm nay; trong tháng 5."
    )
    mentions = find_period_mentions(text)
    assert [(m.kind, m.number, m.year, text[m.start : m.end]) for m in mentions] == [
        (PeriodKind.QUARTER, 1, None, "quý I"),
        (PeriodKind.HALF_YEAR, None, None, "6 tháng đầu năm"),
        (PeriodKind.QUARTER, 2, None, "quý II"),
        (PeriodKind.HALF_YEAR, None, 2024, "6 tháng đầu năm 2024"),
        (PeriodKind.NINE_MONTHS, None, None, "chín tháng đầu năm"),
        (PeriodKind.MONTH, 5, None, "tháng 5"),
    ]
    assert [m.period for m in mentions] == [None, None, None, P.half_year(2024), None, None]
    assert [f.period for f in find_periods(text)] == [P.half_year(2024)]


def test_mention_record() -> None:
    m = PeriodMention(kind=PeriodKind.QUARTER, number=1, start=3, end=8, year=2020)
    assert m.period == P.quarter(2020, 1)


def test_find_on_nfd_text_gives_offsets_in_the_original() -> None:
    nfc = "BÁO CÁO Cải cách hành chính định kỳ 6 tháng đầu năm 2023 và QUÝ III năm 2024"
    nfd = unicodedata.normalize("NFD", nfc)
    assert len(nfd) > len(nfc)
    found = find_periods(nfd)
    assert [f.period for f in found] == [P.half_year(2023), P.quarter(2024, 3)]
    assert [nfd[f.start : f.end] for f in found] == [
        unicodedata.normalize("NFD", "6 tháng đầu năm 2023"),
        unicodedata.normalize("NFD", "QUÝ III năm 2024"),
    ]


def test_find_on_text_whose_lower_case_is_longer() -> None:
    # "İ".lower() is two characters; offsets still refer to the original text.
    text = "İİİ Báo cáo năm 2023"
    (found,) = find_periods(text)
    assert text[found.start : found.end] == "năm 2023"


@pytest.mark.parametrize(
    "text",
    [
        "quý" + " " * 100_000 + "x",
        "quý I" + " " * 50_000 + "/" + " " * 50_000 + "x",
        "ngày 1 tháng 2" + "\u00a0" * 100_000,
        "6 tháng " * 20_000,
        "tháng " + "1" * 100_000,
    ],
    ids=["quy-spaces", "slash-spaces", "date-nbsp", "six-months-repeated", "long-number"],
)
def test_find_and_parse_stay_fast_on_adversarial_text(text: str) -> None:
    # The scanners use possessive quantifiers: these finish in milliseconds, not hours.
    assert find_periods(text) == ()
    with pytest.raises(InvalidPeriod):
        P.parse(text)


def test_find_rejects_non_text() -> None:
    with pytest.raises(TypeError):
        find_period_mentions(b"nam 2023")  # type: ignore[arg-type]


# -- properties -------------------------------------------------------------------------------


@given(reporting_periods())
def test_parse_round_trips_the_label(p: ReportingPeriod) -> None:
    assert P.parse(str(p)) == p
    assert P.parse(unicodedata.normalize("NFD", str(p).upper())) == p


@given(reporting_periods())
def test_window_invariants(p: ReportingPeriod) -> None:
    assert p.start <= p.end < p.due
    assert p.contains(p.start)
    assert p.contains(p.end)
    assert not p.contains(p.end + ONE_DAY)
    assert not p.contains(p.start - ONE_DAY)
    assert p.due.day == 20
    assert p.due.month == p.end.month
    assert p.end.year == p.year


@given(st.integers(1990, 2100))
def test_quarters_and_months_tile_the_year(year: int) -> None:
    whole = P.annual(year)
    for parts in (
        [P.quarter(year, n) for n in range(1, 5)],
        [P.month(year, m) for m in range(1, 13)],
    ):
        assert parts[0].start == whole.start
        assert parts[-1].end == whole.end
        for before, after in itertools.pairwise(parts):
            assert before.end + ONE_DAY == after.start
    assert P.half_year(year).start == P.quarter(year, 1).start
    assert P.half_year(year).end == P.quarter(year, 2).end
    assert P.nine_months(year).start == P.quarter(year, 1).start
    assert P.nine_months(year).end == P.quarter(year, 3).end


@given(reporting_periods(), reporting_periods())
def test_order_agrees_with_equality(p: ReportingPeriod, q: ReportingPeriod) -> None:
    assert (p == q) == (p.sort_key == q.sort_key)
    assert (p < q) == (p.sort_key < q.sort_key)
    assert (p <= q) == (not q < p)


@given(st.text())
def test_parse_only_raises_invalid_period(text: str) -> None:
    with contextlib.suppress(InvalidPeriod):
        P.parse(text)


_NEUTRAL = st.lists(
    st.sampled_from(["Báo cáo", "công tác CCHC", "của UBND xã", "Ba Trang", ",", "\n", "định kỳ"]),
    max_size=4,
).map(" ".join)


@given(_NEUTRAL, reporting_periods(), _NEUTRAL)
def test_find_period_in_a_sentence(before: str, p: ReportingPeriod, after: str) -> None:
    text = f"{before} {p} {after}"
    found = find_period(text)
    assert found is not None
    assert found.period == p
    assert text[found.start : found.end] == str(p)


@given(st.text())
def test_find_spans_are_ordered_and_readable(text: str) -> None:
    mentions = find_period_mentions(text)
    ends = [0]
    for m in mentions:
        assert ends[-1] <= m.start < m.end <= len(text)
        ends.append(m.end)
    for f in find_periods(text):
        assert P.parse(text[f.start : f.end]) == f.period


@given(st.lists(st.sampled_from(["quý I", "năm 2023", " ", "6 tháng", "đầu", "/2024", "x"])))
def test_find_on_nfd_matches_nfc(words: list[str]) -> None:
    nfc = " ".join(words)
    nfd = unicodedata.normalize("NFD", nfc)
    in_nfc = find_period_mentions(nfc)
    in_nfd = find_period_mentions(nfd)
    assert [(m.kind, m.number, m.year) for m in in_nfc] == [
        (m.kind, m.number, m.year) for m in in_nfd
    ]
    for a, b in zip(in_nfc, in_nfd, strict=True):
        assert unicodedata.normalize("NFC", nfd[b.start : b.end]) == nfc[a.start : a.end]


@given(reporting_periods(years=st.integers(2020, 2030), kinds=st.just(PeriodKind.MONTH)))
def test_strategy_arguments(p: ReportingPeriod) -> None:
    assert p.kind is PeriodKind.MONTH
    assert 2020 <= p.year <= 2030
    assert p.number is not None


@given(reporting_periods(years=st.integers(1900, 2200)))
def test_strategy_filters_impossible_years(p: ReportingPeriod) -> None:
    assert 1990 <= p.year <= 2100
