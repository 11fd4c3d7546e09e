"""Tests for par_index.model.documents: reading, writing and finding document references.

Expectations are hand-read from the seed report (a commune's 6-month CCHC report, 2023), the
references quoted in docs/sources.md, and the numbering rules of Nghị định 30/2020/NĐ-CP
(Phụ lục I and III) and Hướng dẫn 36-HD/VPTW (Party documents).
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from linearity import growth, is_linear
from par_index.examples import example_path
from par_index.exceptions import InvalidDocumentRef, ParIndexError, Problem
from par_index.model.documents import (
    DocumentKind,
    DocumentRef,
    FoundDocumentRef,
    find_document_refs,
)
from par_index.testing._documents import document_refs

R = DocumentRef
D = DocumentKind
#: The seed report, as the example package ships it word for word.
SEED = example_path("ba-trang-2023-h1.md")


def test_public_names() -> None:
    import par_index.model.documents

    assert par_index.model.documents.__all__ == [
        "DocumentKind",
        "DocumentRef",
        "FoundDocumentRef",
        "find_document_refs",
    ]


# --- kinds ----------------------------------------------------------------------------------


def test_kinds_of_decree_30_appendix_iii_in_order() -> None:
    # NĐ 30/2020/NĐ-CP Phụ lục III: the 27 abbreviations, in the decree's order.
    assert [k.value for k in DocumentKind][:27] == [
        "NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC",
        "BB", "TTr", "HĐ", "CĐ", "GN", "TTh", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB",
    ]  # fmt: skip


def test_kind_values_are_unique_and_named() -> None:
    values = [k.value for k in DocumentKind]
    assert len(values) == len(set(values))
    for kind in DocumentKind:
        assert kind.name_vi
        assert kind.name_en
        assert unicodedata.is_normalized("NFC", kind.value)


@pytest.mark.parametrize(
    ("kind", "vi", "en"),
    [
        (D.QUYET_DINH, "Quyết định", "Decision"),
        (D.KE_HOACH, "Kế hoạch", "Plan"),
        (D.CONG_VAN, "Công văn", "Official letter"),
        (D.NGHI_DINH, "Nghị định", "Decree"),
        (D.TO_TRINH, "Tờ trình", "Submission"),
        (D.QUY_DINH, "Quy định", "Regulation"),
    ],
)
def test_kind_names(kind: DocumentKind, vi: str, en: str) -> None:
    assert (kind.name_vi, kind.name_en, str(kind)) == (vi, en, kind.value)


def test_ascii_d_aliases_only_where_unambiguous() -> None:
    from par_index.model.documents import _KIND_BY_ASCII

    # HD is Hướng dẫn and DA is Dự án in their own right, so HĐ and ĐA have no ASCII alias.
    assert _KIND_BY_ASCII == {
        "QD": D.QUYET_DINH,
        "ND": D.NGHI_DINH,
        "CD": D.CONG_DIEN,
        "QyD": D.QUY_DINH,
        "QDi": D.QUY_DINH_DANG,
    }


# --- parse ----------------------------------------------------------------------------------

QD_4559 = R("4559", "UBND", D.QUYET_DINH)
QD_4559_DATED = R("4559", "UBND", D.QUYET_DINH, date=date(2022, 12, 22))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4559/QĐ-UBND", QD_4559),
        ("Số: 31  /BC-UBND", R("31", "UBND", D.BAO_CAO)),
        ("228/ BC-UBND", R("228", "UBND", D.BAO_CAO)),
        ("Số: /BC-UBND", R(None, "UBND", D.BAO_CAO)),
        ("Số:    /BC-UBND", R(None, "UBND", D.BAO_CAO)),
        ("/BC-UBND", R(None, "UBND", D.BAO_CAO)),
        ("Quyết định số 4559/QĐ-UBND ngày 22/12/2022", QD_4559_DATED),
        (
            "Nghị định số 59/2019/NĐ-CP ngày 01/7/2019",
            R("59", "CP", D.NGHI_DINH, year=2019, date=date(2019, 7, 1)),
        ),
        ("09/2019/NĐ-CP", R("09", "CP", D.NGHI_DINH, year=2019)),
        ("19/2025/QĐ-TTg", R("19", "TTg", D.QUYET_DINH, year=2025)),
        ("76/NQ-CP", R("76", "CP", D.NGHI_QUYET)),
        ("Nghị Quyết 76/NQ-CP ngày 15/7/2021", R("76", "CP", D.NGHI_QUYET, date=date(2021, 7, 15))),
        ("45/2019/QH14", R("45", "QH14", year=2019)),
        ("Luật số 45/2019/QH14", R("45", "QH14", year=2019)),
        ("225-CV/ĐU", R("225", "ĐU", D.CONG_VAN, party=True)),
        ("05-NQ/TW", R("05", "TW", D.NGHI_QUYET, party=True)),
        ("35-KL/TW", R("35", "TW", D.KET_LUAN, party=True)),
        ("Công văn số 225-CV/ĐU", R("225", "ĐU", D.CONG_VAN, party=True)),
        (
            "Kế hoạch 14/KH-UBND ngày 30/01/2023",
            R("14", "UBND", D.KE_HOACH, date=date(2023, 1, 30)),
        ),
        ("Công văn 581/BNV-CCHC", R("581", "BNV-CCHC")),
        ("CV 2450/VPCP-KGVX", R("2450", "VPCP-KGVX")),
        ("12729/VPCP-KGVX", R("12729", "VPCP-KGVX")),
        ("123/UBND-NC", R("123", "UBND-NC")),
        ("Quyết định số 4559/QĐ-UBND ngày 22 tháng 12 năm 2022", QD_4559_DATED),
        ("4559/QĐ-UBND, ngày 22/12/2022", QD_4559_DATED),
        ("4559/QĐ-UBND ngày 22-12-2022", QD_4559_DATED),
        ("QUYẾT ĐỊNH SỐ 4559/QĐ-UBND NGÀY 22/12/2022", QD_4559_DATED),
        ("4559/QĐ\u2013UBND", QD_4559),
        ("Quyết\u00a0định số\u00a04559/QĐ-UBND\u00a0ngày\u00a022/12/2022", QD_4559_DATED),
        ("  4559/QĐ-UBND \n", QD_4559),
        ("4559/QD-UBND", QD_4559),  # ASCII D for Đ
        ("QD 19/2025/QD-TTg", R("19", "TTg", D.QUYET_DINH, year=2025)),
        ("12a/QĐ-UBND", R("12a", "UBND", D.QUYET_DINH)),
        ("12/HD-UBND", R("12", "UBND", D.HUONG_DAN)),  # HD is Hướng dẫn, never Hợp đồng
        ("Số: /2024/NĐ-CP", R(None, "CP", D.NGHI_DINH, year=2024)),
        ("Số 45/UBND", R("45", "UBND")),
        ("08-QĐi/TW", R("08", "TW", D.QUY_DINH_DANG, party=True)),
        ("Quy định 08-QĐi/TW", R("08", "TW", D.QUY_DINH_DANG, party=True)),
        ("Thông tri 01-TT/TW", R("01", "TW", D.THONG_TU, party=True)),
        ("Thông tư liên tịch 01/2015/TTLT-BNV-BTC", R("01", "BNV-BTC", D.THONG_TU_LIEN_TICH, 2015)),
        ("Văn bản 581/BNV-CCHC", R("581", "BNV-CCHC")),
        # NFD input (decomposed diacritics) is read after NFC normalisation.
        (unicodedata.normalize("NFD", "Quyết định 4559/QĐ-UBND"), QD_4559),
    ],
)
def test_parse_real_forms(text: str, expected: DocumentRef) -> None:
    assert DocumentRef.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "code", "fragment"),
    [
        ("", "empty", "''"),
        ("   ", "empty", "'   '"),
        ("báo cáo tháng", "no-reference", "'báo cáo tháng'"),
        ("22/12/2022", "no-reference", "'22/12/2022'"),
        ("Quý I/2020", "no-reference", "'Quý I/2020'"),
        ("4559/QĐ-UBND của UBND huyện", "unexpected-text", "'của UBND huyện' after '4559/QĐ-UBND'"),
        ("Căn cứ 4559/QĐ-UBND", "unexpected-text", "'Căn cứ' before '4559/QĐ-UBND'"),
        ("4559/QĐ-UBND.", "unexpected-text", "'.' after '4559/QĐ-UBND'"),
        ("4559/QĐ-UBND và 14/KH-UBND", "several-references", "'4559/QĐ-UBND', '14/KH-UBND'"),
        ("Quyết định 14/KH-UBND", "title-mismatch", "'Quyết định' before '14/KH-UBND'"),
        ("Kế hoạch 581/BNV-CCHC", "title-mismatch", "'Kế hoạch' before '581/BNV-CCHC'"),
        ("Luật 581/BNV-CCHC", "title-mismatch", "'Luật' before '581/BNV-CCHC'"),
        ("Quyết định 45/2019/QH14", "title-mismatch", "'Quyết định' before '45/2019/QH14'"),
        ("CV 4559/QĐ-UBND", "title-mismatch", "'CV' before '4559/QĐ-UBND'"),
        ("4559/QĐ-UBND ngày 31/02/2023", "impossible-date", "'31/02/2023'"),
        ("4559/QĐ-UBND ngày 22 tháng 13 năm 2022", "impossible-date", "'22/13/2022'"),
        ("59/2019/NĐ-CP ngày 01/7/2020", "year-date-mismatch", "2020-07-01"),
        ("4559/Qđ-UBND", "kind-code-case", "'Qđ'"),
        ("12-XY/TW", "unknown-kind", "'XY'"),
        ("12-Kh/TW", "kind-code-case", "'Kh'"),
        ("4559/QĐ-Ubnd", "bad-issuer", "'Ubnd'"),
        ("5/1900/NĐ-CP", "year-out-of-range", "1900"),
        ("4559/QĐ-UBND ngày 22/12/1900", "date-out-of-range", "1900-12-22"),
    ],
)
def test_parse_rejects_with_the_fragment(text: str, code: str, fragment: str) -> None:
    with pytest.raises(InvalidDocumentRef) as info:
        DocumentRef.parse(text)
    assert code in [p.code for p in info.value.problems]
    assert fragment in str(info.value)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, ParIndexError)


def test_parse_reports_every_problem_at_once() -> None:
    with pytest.raises(InvalidDocumentRef) as info:
        DocumentRef.parse("Kế hoạch 5/1900/NĐ-Cp ngày 30/02/1900")
    assert {p.code for p in info.value.problems} == {
        "impossible-date",
        "bad-issuer",
        "year-out-of-range",
    }


def test_parse_says_what_was_expected() -> None:
    with pytest.raises(InvalidDocumentRef, match=r"expected exactly one document reference"):
        DocumentRef.parse("xin chào")


def test_parse_rejects_a_non_string() -> None:
    with pytest.raises(InvalidDocumentRef) as info:
        DocumentRef.parse(4559)  # type: ignore[arg-type]
    assert info.value.code == "wrong-type"


# --- constructor ------------------------------------------------------------------------------


def test_constructor_reports_all_problems_at_once() -> None:
    with pytest.raises(InvalidDocumentRef) as info:
        DocumentRef("45x1", "ubnd", D.QUYET_DINH, year=1900, date=date(2200, 1, 1))
    assert [(p.path, p.code) for p in info.value.problems] == [
        ("number", "bad-number"),
        ("issuer", "bad-issuer"),
        ("year", "year-out-of-range"),
        ("date", "date-out-of-range"),
    ]


@pytest.mark.parametrize(
    ("kwargs", "path", "code"),
    [
        ({"number": "", "issuer": "UBND"}, "number", "bad-number"),
        ({"number": "１２", "issuer": "UBND"}, "number", "bad-number"),  # full-width digits
        ({"number": "12ab", "issuer": "UBND"}, "number", "bad-number"),
        ({"number": 12, "issuer": "UBND"}, "number", "wrong-type"),
        ({"number": "1", "issuer": ""}, "issuer", "bad-issuer"),
        ({"number": "1", "issuer": "BNV--CCHC"}, "issuer", "bad-issuer"),
        ({"number": "1", "issuer": "-UBND"}, "issuer", "bad-issuer"),
        ({"number": "1", "issuer": "UBND-"}, "issuer", "bad-issuer"),
        ({"number": "1", "issuer": "1UBND"}, "issuer", "bad-issuer"),
        ({"number": "1", "issuer": "Ba"}, "issuer", "bad-issuer"),
        ({"number": "1", "issuer": "UB ND"}, "issuer", "bad-issuer"),
        ({"number": "1", "issuer": None}, "issuer", "wrong-type"),
        ({"number": "1", "issuer": "UBND", "kind": "QĐ"}, "kind", "wrong-type"),
        ({"number": "1", "issuer": "CP", "year": True}, "year", "wrong-type"),
        ({"number": "1", "issuer": "CP", "year": "2019"}, "year", "wrong-type"),
        ({"number": "1", "issuer": "CP", "year": 1944}, "year", "year-out-of-range"),
        ({"number": "1", "issuer": "CP", "year": 2101}, "year", "year-out-of-range"),
        (
            {"number": "1", "issuer": "CP", "date": datetime(2020, 1, 1, tzinfo=UTC)},
            "date",
            "wrong-type",
        ),
        ({"number": "1", "issuer": "CP", "date": "2020-01-01"}, "date", "wrong-type"),
        ({"number": "1", "issuer": "CP", "date": date(1944, 12, 31)}, "date", "date-out-of-range"),
        ({"number": "1", "issuer": "CP", "party": 1}, "party", "wrong-type"),
        ({"number": "1", "issuer": "TW", "party": True}, "kind", "party-without-kind"),
        (
            {"number": None, "issuer": "TW", "kind": D.NGHI_QUYET, "party": True},
            "number",
            "party-without-number",
        ),
        (
            {"number": "1", "issuer": "TW", "kind": D.NGHI_QUYET, "year": 2020, "party": True},
            "year",
            "party-with-year",
        ),
        (
            {"number": "59", "issuer": "CP", "year": 2019, "date": date(2020, 1, 1)},
            "date",
            "year-date-mismatch",
        ),
    ],
)
def test_constructor_rejects(kwargs: dict[str, object], path: str, code: str) -> None:
    with pytest.raises(InvalidDocumentRef) as info:
        DocumentRef(**kwargs)  # type: ignore[arg-type]
    assert (path, code) in [(p.path, p.code) for p in info.value.problems]


@pytest.mark.parametrize(
    "issuer", ["UBND", "CP", "TTg", "BNV-CCHC", "VPCP-KGVX", "ĐU", "TW", "QH14", "BGDĐT", "X"]
)
def test_constructor_accepts_real_issuers(issuer: str) -> None:
    assert DocumentRef("1", issuer).issuer == issuer


# --- formatting and properties ------------------------------------------------------------


@pytest.mark.parametrize(
    ("ref", "text"),
    [
        (QD_4559_DATED, "4559/QĐ-UBND ngày 22/12/2022"),
        (R("59", "CP", D.NGHI_DINH, 2019, date(2019, 7, 1)), "59/2019/NĐ-CP ngày 01/07/2019"),
        (R("581", "BNV-CCHC"), "581/BNV-CCHC"),
        (R("225", "ĐU", D.CONG_VAN, party=True), "225-CV/ĐU"),
        (R(None, "UBND", D.BAO_CAO), "/BC-UBND"),
        (R(None, "CP", D.NGHI_DINH, 2024), "/2024/NĐ-CP"),
        (R("45", "QH14", year=2019), "45/2019/QH14"),
        (R("09", "CP", D.NGHI_DINH, 2019), "09/2019/NĐ-CP"),
        (R("7", "CP", D.NGHI_DINH, 2019, date(2019, 1, 5)), "7/2019/NĐ-CP ngày 05/01/2019"),
    ],
)
def test_str(ref: DocumentRef, text: str) -> None:
    assert str(ref) == text


@pytest.mark.parametrize(
    ("ref", "symbol", "effective", "draft"),
    [
        (QD_4559, "QĐ-UBND", D.QUYET_DINH, False),
        (R("59", "CP", D.NGHI_DINH, 2019), "NĐ-CP", D.NGHI_DINH, False),
        (R("581", "BNV-CCHC"), "BNV-CCHC", D.CONG_VAN, False),
        (R("45", "QH14", year=2019), "QH14", None, False),
        (R("45", "UBND"), "UBND", None, False),
        (R("225", "ĐU", D.CONG_VAN, party=True), "CV/ĐU", D.CONG_VAN, False),
        (R(None, "UBND", D.BAO_CAO), "BC-UBND", D.BAO_CAO, True),
    ],
)
def test_properties(
    ref: DocumentRef, symbol: str, effective: DocumentKind | None, draft: bool
) -> None:
    assert (ref.symbol, ref.effective_kind, ref.is_draft) == (symbol, effective, draft)


def test_refs_are_frozen_values() -> None:
    import attrs

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        QD_4559.number = "1"  # type: ignore[misc]
    assert R("4559", "UBND", D.QUYET_DINH) == QD_4559
    assert hash(QD_4559) == hash(R("4559", "UBND", D.QUYET_DINH))


# --- finding ----------------------------------------------------------------------------------


def test_find_in_the_seed_report() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = find_document_refs(text)
    norm = unicodedata.normalize("NFC", text)
    # Read by hand: the header's draft number, then (in order) QĐ 4559 and QĐ 252 (section
    # I), KH 14 (II.1), QĐ 4559 again (II.3), NĐ 59/2019 (II.4), NQ 76 and QĐ 4559 (IV).
    qd_4559 = R("4559", "UBND", D.QUYET_DINH, date=date(2022, 12, 22))
    assert [f.ref for f in found] == [
        R(None, "UBND", D.BAO_CAO),
        qd_4559,
        R("252", "UBND", D.QUYET_DINH, date=date(2022, 12, 25)),
        R("14", "UBND", D.KE_HOACH, date=date(2023, 1, 30)),
        qd_4559,
        R("59", "CP", D.NGHI_DINH, year=2019, date=date(2019, 7, 1)),
        R("76", "CP", D.NGHI_QUYET, date=date(2021, 7, 15)),
        qd_4559,
    ]
    assert [norm[f.start : f.end] for f in found] == [
        "/BC-UBND",
        "4559/QĐ-UBND ngày 22/12/2022",
        "252/QĐ-UBND ngày 25/12/2022",
        "14/KH-UBND ngày 30/01/2023",
        "4559/QĐ-UBND ngày 22/12/2022",
        "59/2019/NĐ-CP ngày 01/7/2019",
        "76/NQ-CP ngày 15/7/2021",
        "4559/QĐ-UBND ngày 22/12/2022",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "ngày 22/12/2022",
        "ngày 01/7/2019",
        "(tháng 12/2022)",
        "tỷ lệ 96,83%, 2,77% và 0,4%",
        "thủ tục 1.000110 và 1.000110.000.00.00.H01",
        "Quý I/2020",
        "TCVN ISO 9001:2015",
        "TCVN ISO 9001:2015 /BC-UBND",
        "lúc 10:30/BC-UBND",
        "giai đoạn 2021 – 2030",
        "giai đoạn 2021-2025/2030",
        "/BC-UBND",
        "dự thảo /BC-UBND",
        "Quận 1/TP. Hồ Chí Minh",
        "số 10.000đ",
        "H21.65-220914-0011",
        "https://example.gov.vn/van-ban/123/QĐ-UBND",
        "Covid-19/SARS",
        "4559/Qđ-UBND",  # a miswritten kind code is not a reference (parse says why)
        "4559/QĐ-Ubnd",  # nor is a miswritten issuer
        "5/1900/NĐ-CP",  # nor a year before 1945
        "1/2/3/4/5",
    ],
)
def test_find_ignores_non_references(text: str) -> None:
    assert find_document_refs(text) == ()


def test_find_attaches_a_date_after_a_comma_and_long_forms() -> None:
    text = "theo 4559/QĐ-UBND, ngày 22/12/2022 và 14/KH-UBND ngày 30 tháng 01 năm 2023."
    found = find_document_refs(text)
    assert [f.ref for f in found] == [
        QD_4559_DATED,
        R("14", "UBND", D.KE_HOACH, date=date(2023, 1, 30)),
    ]
    assert text[found[0].start : found[0].end] == "4559/QĐ-UBND, ngày 22/12/2022"
    assert text[found[1].start : found[1].end] == "14/KH-UBND ngày 30 tháng 01 năm 2023"


def test_find_leaves_an_impossible_or_contradicting_date_off() -> None:
    text = "4559/QĐ-UBND ngày 31/02/2023; 59/2019/NĐ-CP ngày 01/7/2020"
    found = find_document_refs(text)
    assert [f.ref for f in found] == [QD_4559, R("59", "CP", D.NGHI_DINH, year=2019)]
    assert [text[f.start : f.end] for f in found] == ["4559/QĐ-UBND", "59/2019/NĐ-CP"]


def test_find_does_not_attach_a_date_that_is_not_immediately_after() -> None:
    found = find_document_refs("4559/QĐ-UBND của UBND huyện ngày 22/12/2022")
    assert [f.ref for f in found] == [QD_4559]


def test_find_weak_shapes_only_after_so() -> None:
    text = "Số: 45/UBND; Số:    /BC-UBND; 46/UBND; số 12/UBND-NC"
    found = find_document_refs(text)
    assert [f.ref for f in found] == [
        R("45", "UBND"),
        R(None, "UBND", D.BAO_CAO),
        R("12", "UBND-NC"),
    ]
    assert [text[f.start : f.end] for f in found] == ["45/UBND", "/BC-UBND", "12/UBND-NC"]


def test_find_messy_spacing_dashes_and_party_refs() -> None:
    text = (
        "Số: 31  /BC-UBND, 228/ BC-UBND,\u00a04559/QĐ\u2013UBND; 225-CV/ĐU, 05-NQ/TW; Số:32/BC-UBND"
    )
    found = find_document_refs(text)
    assert [f.ref for f in found] == [
        R("31", "UBND", D.BAO_CAO),
        R("228", "UBND", D.BAO_CAO),
        QD_4559,
        R("225", "ĐU", D.CONG_VAN, party=True),
        R("05", "TW", D.NGHI_QUYET, party=True),
        R("32", "UBND", D.BAO_CAO),
    ]
    assert [text[f.start : f.end] for f in found][:3] == [
        "31  /BC-UBND",
        "228/ BC-UBND",
        "4559/QĐ\u2013UBND",
    ]


def test_find_spans_are_offsets_in_the_nfc_text() -> None:
    text = unicodedata.normalize("NFD", "Quyết định số 4559/QĐ-UBND ngày 22/12/2022")
    (found,) = find_document_refs(text)
    norm = unicodedata.normalize("NFC", text)
    assert norm[found.start : found.end] == "4559/QĐ-UBND ngày 22/12/2022"
    assert found == FoundDocumentRef(QD_4559_DATED, 14, len(norm))


# Each hostile text as (head, piece, repeats for about one megabyte, tail); the test reads a
# quarter of it and a thirty-second.
ADVERSARIAL: dict[str, tuple[str, str, int, str]] = {
    "slash-digit pairs": ("", "1/", 500_000, ""),
    "digits then slash": ("", "1", 1_000_000, "/"),
    "slashes": ("", "/", 1_000_000, ""),
    "year-like": ("", "1/2019/", 150_000, ""),
    "draft prefixes": ("", "Số:/", 250_000, ""),
    "party-like": ("", "1-QĐ/", 200_000, ""),
    "symbol-like": ("", " 1/A-", 200_000, ""),
    "one long symbol": ("1/", "A-", 500_000, "a"),
    "spaces": ("1", " ", 1_000_000, "/A"),
    "dates": ("", "1/QĐ-UBND ngày ", 70_000, ""),
    "titles": ("Quyết định số ", " ", 1_000_000, ""),
}
FACTOR = 8


def _hostile(name: str, scale: int) -> str:
    head, piece, repeats, tail = ADVERSARIAL[name]
    return head + piece * (repeats // scale) + tail


def _refs_and_parse(text: str) -> None:
    find_document_refs(text)
    with pytest.raises(InvalidDocumentRef):
        DocumentRef.parse(text)


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_linear_time_on_adversarial_text(name: str) -> None:
    # Work grows like the text, not like its square: measured as the CPU-time ratio of a
    # quarter megabyte against an eighth of it, which does not depend on the machine's speed.
    small, large = _hostile(name, 4 * FACTOR), _hostile(name, 4)
    ratio = growth(lambda: _refs_and_parse(small), lambda: _refs_and_parse(large), repeats=2)
    assert is_linear(ratio, FACTOR), f"{FACTOR}x the text took {ratio:.1f}x the time"


# --- properties --------------------------------------------------------------------------------

_WEAK_OR_DRAFT = "needs 'Số:'"


def _needs_so(ref: DocumentRef) -> bool:
    """Drafts and bare "45/UBND" are found only after "Số:" (see find_document_refs)."""
    bare = ref.kind is None and ref.year is None and "-" not in ref.issuer
    return ref.is_draft or bare


@given(document_refs())
def test_str_parses_back(ref: DocumentRef) -> None:
    assert DocumentRef.parse(str(ref)) == ref


@given(document_refs())
def test_find_finds_exactly_the_formatted_ref(ref: DocumentRef) -> None:
    text = str(ref)
    prefix = "Số: " if _needs_so(ref) else ""
    assert find_document_refs(prefix + text) == (
        FoundDocumentRef(ref, len(prefix), len(prefix) + len(text)),
    )


_WORDS = st.sampled_from(
    [
        "Ủy", "ban", "nhân", "dân", "xã", "Ba", "Trang", "thực", "hiện", "kế", "hoạch",
        "cải", "cách", "hành", "chính", "theo", "của", "về", "việc", "ngày", "năm", "tháng",
        "Quyết", "định", "Công", "văn", "UBND", "huyện", "CCHC", "TTHC", "QĐ", "và",
    ]
)  # fmt: skip
# No "số" among the words: "số 1/TP" would rightly be found as a bare reference.
_NOISE = st.sampled_from(
    [
        "ngày 05/6/2023", "22/12/2022", "96,83%", "1.000110", "Quý I/2020",
        "TCVN ISO 9001:2015", "2021 – 2030", "(tháng 12/2022)", "10.000đ", "dự thảo /BC-UBND",
        "1/TP", "H21.65-220914-0011", ";", ",", "-", "–", "\n",
    ]
)  # fmt: skip
_PROSE = st.lists(st.one_of(_WORDS, _NOISE), max_size=12).map(" ".join)


@given(document_refs(), _PROSE, _WORDS, _WORDS, _PROSE)
def test_find_in_surrounding_prose(
    ref: DocumentRef, head: str, last: str, first: str, tail: str
) -> None:
    before = f"{head} {last} " + ("Số: " if _needs_so(ref) else "")
    text = f"{before}{ref} {first} {tail}"
    found = find_document_refs(text)
    assert found == (FoundDocumentRef(ref, len(before), len(before) + len(str(ref))),)


@given(st.text())
@example("Số: /")
@example("1/QĐ-UBND ngày 99/99/9999")
@example("Quyết định")
def test_parse_raises_only_invalid_document_ref(text: str) -> None:
    ref: DocumentRef | None = None
    problems: tuple[Problem, ...] = ()
    try:
        ref = DocumentRef.parse(text)
    except InvalidDocumentRef as error:
        problems = error.problems
    if ref is None:
        assert problems
    else:
        assert DocumentRef.parse(str(ref)) == ref


_FRAGMENTS = st.one_of(
    st.text(max_size=8),
    document_refs().map(str),
    _NOISE,
    _WORDS,
    st.sampled_from(["Số:", "số ", " ngày ", ", ngày 1/1/2020", "/", "-", "Đ", "\u00a0", "\u2013"]),
)


@given(st.lists(_FRAGMENTS, max_size=8).map("".join))
def test_every_found_span_parses_to_its_ref(text: str) -> None:
    norm = unicodedata.normalize("NFC", text)
    previous_end = 0
    for hit in find_document_refs(text):
        assert previous_end <= hit.start < hit.end <= len(norm)
        assert DocumentRef.parse(norm[hit.start : hit.end]) == hit.ref
        previous_end = hit.end


@given(document_refs(kinds=st.none()))
def test_strategy_respects_kinds(ref: DocumentRef) -> None:
    assert ref.kind is None
    assert not ref.party


@given(document_refs(dates=st.just(date(2023, 6, 5))))
def test_strategy_respects_dates(ref: DocumentRef) -> None:
    assert ref.date == date(2023, 6, 5)
    assert ref.year in (None, 2023)
