"""The input boundary: bytes in every encoding offices send, read as NFC text or refused by
name."""

from __future__ import annotations

import codecs
import unicodedata
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from par_index.core import _vn_legacy
from par_index.core.decode import decode_bytes, decode_text
from par_index.exceptions import LoadError
from vn_encodings import to_cp1258

#: A real report (the bundled Ba Trang six-month 2023 report, verbatim).
REPORT = (
    resources.files("par_index.examples")
    .joinpath("data", "ba-trang-2023-h1.md")
    .read_text(encoding="utf-8")
)


def refusal(data: bytes) -> str:
    with pytest.raises(LoadError) as info:
        decode_text(data, source="f.txt")
    (problem,) = info.value.problems
    assert problem.code == "bad-encoding"
    assert info.value.source == "f.txt"
    return problem.found


def test_utf8_with_and_without_bom() -> None:
    assert decode_text(REPORT.encode()).text == REPORT
    read = decode_text(codecs.BOM_UTF8 + REPORT.encode())
    assert (read.text, read.encoding) == (REPORT, "UTF-8")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_or_without_bom(codec: str) -> None:
    read = decode_text(REPORT.encode(codec))
    assert read.text == REPORT
    assert read.encoding in ("UTF-16", "UTF-32")


def test_windows_1258_report_is_read_and_normalised_to_nfc() -> None:
    data = to_cp1258(REPORT)
    assert b"\xec" in data  # combining acute accent: the tone marks are separate bytes
    read = decode_text(data)
    assert read.encoding == "Windows-1258"
    assert read.text == REPORT
    assert unicodedata.is_normalized("NFC", read.text)


def test_windows_1258_with_typographic_quotes_in_a_short_file() -> None:
    text = "MaHoSo,TenTTHC\nH1,“Chứng thực” – bản sao…\nH2,Đăng ký khai sinh\n"
    read = decode_text(to_cp1258(text))
    assert (read.text, read.encoding) == (text, "Windows-1258")


def test_tcvn3_bytes_checked_by_hand() -> None:
    # TCVN 5712:1993 (ABC) bytes by hand from the standard's table: ế 0xD5, đ 0xAE, ị 0xDE,
    # ả 0xB6, ắ 0xBE, ư 0xAD, ờ 0xEA, ơ 0xAC, ố 0xE8, ộ 0xE9, Đ 0xA7.
    data = (
        b"Quy\xd5t \xae\xdenh: B\xb6o Th\xbeng, M\xad\xeang Kh\xad\xacng, "
        b"s\xe8 12, h\xe9i \xa7\xe5ng"
    )
    read = decode_text(data)
    assert read.encoding == "TCVN3 (ABC)"
    assert read.text == "Quyết định: Bảo Thắng, Mường Khương, số 12, hội Đồng"


def test_tcvn3_report_round_trips() -> None:
    inverse = {chr(c): b for b, c in _vn_legacy._TCVN3.items()}
    text = REPORT.replace("“", '"').replace("”", '"').replace("–", "-").replace("…", "...")
    data = bytes(inverse[ch] if ch in inverse else ord(ch) for ch in text)
    read = decode_text(data)
    assert (read.text, read.encoding) == (text, "TCVN3 (ABC)")


def test_vni_is_named_and_refused() -> None:
    # VNI: a letter then a byte for its marks ("Xin chaøo caùc baïn" = "Xin chào các bạn").
    found = refusal(
        b"Xin cha\xf8o ca\xf9c ba\xefn, Vie\xe4t Nam, \xd1ie\xe4n Bie\xe2n, Ph\xf6\xf4\xf8ng"
    )
    assert "VNI" in found


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (b"abc\xffdef", "0xFF at offset 3"),
        ("Hồ sơ".encode() + b"\xc3", "0xC3 at offset"),
        (b"PK\x03\x04\x14\x00\x06\x00\xa0\xb0", "ZIP archive"),
        (b"%PDF-1.7\n\xe2\xe3\xcf\xd3", "PDF"),
    ],
)
def test_other_bytes_are_refused_by_name(data: bytes, named: str) -> None:
    assert named in refusal(data)


def test_text_is_normalised_and_loses_its_bom() -> None:
    assert decode_bytes("\ufeffHo\u0300a") == "Hòa"


@given(st.binary(max_size=2000))
def test_any_bytes_are_read_or_refused(data: bytes) -> None:
    try:
        text = decode_bytes(data, "f")
    except LoadError as exc:
        codes = {p.code for p in exc.problems}
    else:
        codes = set()
        assert unicodedata.is_normalized("NFC", text)
    assert codes <= {"bad-encoding"}


@given(st.text(max_size=300))
def test_any_text_round_trips_through_utf8(text: str) -> None:
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return  # lone surrogates are not text
    if data.startswith(codecs.BOM_UTF8) or "\x00" in text:
        return  # a byte-order mark is dropped; NUL is no text (and mimics UTF-16)
    assert decode_bytes(data) == unicodedata.normalize("NFC", text) or data[:2] in (
        codecs.BOM_UTF16_LE,
        codecs.BOM_UTF16_BE,
    )
