"""Document references (số, ký hiệu văn bản): ``4559/QĐ-UBND ngày 22/12/2022``.

A Vietnamese official document is cited by its number and symbol, optionally followed by its
date of issue. The shapes, and the law behind each:

* ``<number>/<KIND>-<ISSUER>``: ``4559/QĐ-UBND``, ``14/KH-UBND``. Nghị định 30/2020/NĐ-CP
  (công tác văn thư), Phụ lục I: the symbol of an administrative document is the kind's
  abbreviation (Phụ lục III) followed by the issuer's.
* ``<number>/<ISSUER>-<DRAFTING UNIT>`` for an official letter (công văn), which has no kind
  code: ``581/BNV-CCHC``, ``2450/VPCP-KGVX`` (NĐ 30/2020 Phụ lục I).
* ``<number>/<year>/<KIND>-<ISSUER>`` for legal normative documents, whose number carries the
  year of issue: ``59/2019/NĐ-CP``; laws have no kind code: ``45/2019/QH14`` (Luật Ban hành
  văn bản quy phạm pháp luật 2015, Điều 8: number, year of issue, kind, issuer).
* ``<number>-<KIND>/<ISSUER>`` for Party documents: ``225-CV/ĐU``, ``05-NQ/TW`` (Hướng dẫn
  36-HD/VPTW, 2018, thể thức văn bản của Đảng).
* A draft has no number yet: ``Số: /BC-UBND``.

:meth:`DocumentRef.parse` reads one reference and :func:`find_document_refs` finds every
reference in a longer text. Both first normalise the text to NFC and read non-breaking and
other Unicode spaces as spaces, dashes (en dash, em dash, minus sign, ...) as hyphens and a
full-width or division slash as ``/``; each of these replaces one character by one, so the
spans reported by :func:`find_document_refs` are offsets in the NFC-normalised text.

Kind codes are read in their official case (``QĐ``, ``TTr``, ``QyĐ``); ``Qđ`` or ``TTR`` are
not kind codes. An ASCII ``D`` written for ``Đ`` is accepted where it names one kind only:
``QD`` → ``QĐ``, ``ND`` → ``NĐ``, ``CD`` → ``CĐ``, ``QyD`` → ``QyĐ``, ``QDi`` → ``QĐi``.
``HD`` stays Hướng dẫn and ``DA`` stays Dự án, because both are official codes themselves.

Known ambiguity: an official letter whose issuer's abbreviation spells a kind code (the tax
department "CT" in ``1234/CT-TTHT``) reads as that kind (Chỉ thị). The law gives no way to
tell them apart from the symbol alone.
"""

from __future__ import annotations

import datetime
import enum
import re
import unicodedata
from typing import Literal, Self

import attrs

from par_index.core.validation import Checker, show
from par_index.exceptions import InvalidDocumentRef, Problem

__all__ = ["DocumentKind", "DocumentRef", "FoundDocumentRef", "find_document_refs"]

# The years a document or its date may carry: the state's documents start in 1945; 2100 is
# the library's horizon (see periods.py). A project choice, not a legal rule.
_MIN_YEAR = 1945
_MAX_YEAR = 2100


class DocumentKind(enum.StrEnum):
    """The kind of a document (loại văn bản); the value is its official abbreviation."""

    # The administrative documents of NĐ 30/2020/NĐ-CP Điều 7, with the abbreviations of its
    # Phụ lục III, in the decree's order (công văn and thư công have none there).
    NGHI_QUYET = "NQ"
    QUYET_DINH = "QĐ"
    CHI_THI = "CT"
    QUY_CHE = "QC"
    QUY_DINH = "QyĐ"
    THONG_CAO = "TC"
    THONG_BAO = "TB"
    HUONG_DAN = "HD"
    CHUONG_TRINH = "CTr"
    KE_HOACH = "KH"
    PHUONG_AN = "PA"
    DE_AN = "ĐA"
    DU_AN = "DA"
    BAO_CAO = "BC"
    BIEN_BAN = "BB"
    TO_TRINH = "TTr"
    HOP_DONG = "HĐ"
    CONG_DIEN = "CĐ"
    BAN_GHI_NHO = "GN"
    BAN_THOA_THUAN = "TTh"
    GIAY_UY_QUYEN = "GUQ"
    GIAY_MOI = "GM"
    GIAY_GIOI_THIEU = "GGT"
    GIAY_NGHI_PHEP = "GNP"
    PHIEU_GUI = "PG"
    PHIEU_CHUYEN = "PC"
    PHIEU_BAO = "PB"
    # Legal normative documents (Luật Ban hành VBQPPL 2015): "59/2019/NĐ-CP",
    # "01/2015/TTLT-BNV-BTC", the President's orders "11/2019/L-CTN".
    NGHI_DINH = "NĐ"
    THONG_TU = "TT"  # also the Party's Thông tri (Hướng dẫn 36-HD/VPTW)
    THONG_TU_LIEN_TICH = "TTLT"
    NGHI_QUYET_LIEN_TICH = "NQLT"
    LENH = "L"
    # Consolidated texts, "01/VBHN-BNV" (Pháp lệnh Hợp nhất văn bản QPPL, 01/2012/UBTVQH13).
    VAN_BAN_HOP_NHAT = "VBHN"
    # Party documents (Hướng dẫn 36-HD/VPTW): "225-CV/ĐU", "35-KL/TW", "08-QĐi/TW". "CV" is
    # also seen in older state letters ("123/CV-UBND").
    CONG_VAN = "CV"
    KET_LUAN = "KL"
    QUY_DINH_DANG = "QĐi"

    @property
    def name_vi(self) -> str:
        """The Vietnamese name of the kind ("Quyết định")."""
        return _NAMES[self][0]

    @property
    def name_en(self) -> str:
        """An English name of the kind ("Decision")."""
        return _NAMES[self][1]


_K = DocumentKind
_NAMES: dict[DocumentKind, tuple[str, str]] = {
    _K.NGHI_QUYET: ("Nghị quyết", "Resolution"),
    _K.QUYET_DINH: ("Quyết định", "Decision"),
    _K.CHI_THI: ("Chỉ thị", "Directive"),
    _K.QUY_CHE: ("Quy chế", "Rules"),
    _K.QUY_DINH: ("Quy định", "Regulation"),
    _K.THONG_CAO: ("Thông cáo", "Communiqué"),
    _K.THONG_BAO: ("Thông báo", "Notice"),
    _K.HUONG_DAN: ("Hướng dẫn", "Guidance"),
    _K.CHUONG_TRINH: ("Chương trình", "Programme"),
    _K.KE_HOACH: ("Kế hoạch", "Plan"),
    _K.PHUONG_AN: ("Phương án", "Option"),
    _K.DE_AN: ("Đề án", "Scheme"),
    _K.DU_AN: ("Dự án", "Project"),
    _K.BAO_CAO: ("Báo cáo", "Report"),
    _K.BIEN_BAN: ("Biên bản", "Minutes"),
    _K.TO_TRINH: ("Tờ trình", "Submission"),
    _K.HOP_DONG: ("Hợp đồng", "Contract"),
    _K.CONG_DIEN: ("Công điện", "Official telegram"),
    _K.BAN_GHI_NHO: ("Bản ghi nhớ", "Memorandum of understanding"),
    _K.BAN_THOA_THUAN: ("Bản thỏa thuận", "Agreement"),
    _K.GIAY_UY_QUYEN: ("Giấy ủy quyền", "Power of attorney"),
    _K.GIAY_MOI: ("Giấy mời", "Invitation"),
    _K.GIAY_GIOI_THIEU: ("Giấy giới thiệu", "Letter of introduction"),
    _K.GIAY_NGHI_PHEP: ("Giấy nghỉ phép", "Leave permit"),
    _K.PHIEU_GUI: ("Phiếu gửi", "Dispatch slip"),
    _K.PHIEU_CHUYEN: ("Phiếu chuyển", "Transfer slip"),
    _K.PHIEU_BAO: ("Phiếu báo", "Notification slip"),
    _K.NGHI_DINH: ("Nghị định", "Decree"),
    _K.THONG_TU: ("Thông tư", "Circular"),
    _K.THONG_TU_LIEN_TICH: ("Thông tư liên tịch", "Joint circular"),
    _K.NGHI_QUYET_LIEN_TICH: ("Nghị quyết liên tịch", "Joint resolution"),
    _K.LENH: ("Lệnh", "Order"),
    _K.VAN_BAN_HOP_NHAT: ("Văn bản hợp nhất", "Consolidated text"),
    _K.CONG_VAN: ("Công văn", "Official letter"),
    _K.KET_LUAN: ("Kết luận", "Conclusion"),
    _K.QUY_DINH_DANG: ("Quy định", "Regulation (Party)"),
}


def _ascii_d(code: str) -> str:
    return code.replace("Đ", "D").replace("đ", "d")


_KIND_BY_CODE: dict[str, DocumentKind] = {k.value: k for k in DocumentKind}


# An ASCII D for Đ is read only where the ASCII spelling is no official code and names one
# kind: HĐ → "HD" is Hướng dẫn and ĐA → "DA" is Dự án, so those two are not aliases.
def _build_ascii_spellings() -> dict[str, DocumentKind]:
    spellings: dict[str, list[DocumentKind]] = {}
    for kind in DocumentKind:
        if _ascii_d(kind.value) != kind.value:
            spellings.setdefault(_ascii_d(kind.value), []).append(kind)
    return {
        spelling: kinds[0]
        for spelling, kinds in spellings.items()
        if len(kinds) == 1 and spelling not in _KIND_BY_CODE
    }


_KIND_BY_ASCII = _build_ascii_spellings()
_KIND_BY_FOLDED: dict[str, DocumentKind] = {k.value.casefold(): k for k in DocumentKind}


def _kind_of_code(token: str) -> DocumentKind | None:
    """The kind a symbol segment names: its official code, or an unambiguous ASCII spelling."""
    kind = _KIND_BY_CODE.get(token)
    return kind if kind is not None else _KIND_BY_ASCII.get(token)


# An issuer is hyphen-separated segments of upper-case letters (Đ included) and digits, each
# starting with a letter ("UBND", "BNV-CCHC", "QH14", "ĐU"); one lower-case letter may follow
# the first two characters, as in the Prime Minister's "TTg".
_ISSUER_SEGMENT = re.compile(r"[A-ZĐ](?:[A-ZĐ0-9]*|[A-ZĐ0-9]+[a-z][A-ZĐ0-9]*)")
_NUMBER = re.compile(r"[0-9]+[a-z]?")
_ISSUER_EXPECTED = (
    "hyphen-separated segments of upper-case letters (Đ included) and digits, each starting "
    "with a letter ('UBND', 'BNV-CCHC', 'QH14', 'ĐU'; one lower-case letter as in 'TTg')"
)


def _valid_issuer(issuer: str) -> bool:
    return all(_ISSUER_SEGMENT.fullmatch(segment) for segment in issuer.split("-"))


def _format_date(value: datetime.date) -> str:
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


@attrs.frozen
class DocumentRef:
    """The number and symbol of a document, with its date of issue when known.

    Attributes:
        number: the number as written, leading zeros kept ("09", "12a"); ``None`` only for
            an unnumbered draft ("Số: /BC-UBND").
        issuer: the issuer's abbreviation ("UBND", "CP", "TTg", "QH14", Party "ĐU", "TW");
            for an official letter (công văn) the issuer and drafting unit ("BNV-CCHC").
        kind: the kind code inside the symbol; ``None`` for official letters and laws.
        year: the year inside the number ("59/2019/NĐ-CP"), for legal normative documents.
        date: the date of issue ("ngày 22/12/2022").
        party: Party style, number and kind joined by a hyphen ("225-CV/ĐU").

    Raises:
        InvalidDocumentRef: listing every rule broken: a number that is not digits, a bad
            issuer, a year or date outside 1945–2100, a date in another year than the one in
            the number, a Party reference without kind or number or with a year, wrong types.
    """

    number: str | None
    issuer: str
    kind: DocumentKind | None = None
    year: int | None = None
    date: datetime.date | None = None
    party: bool = False

    def __attrs_post_init__(self) -> None:
        c = Checker()
        if self.number is not None and c.of_type(
            self.number, str, "number", "a string of digits or None"
        ):
            c.check(
                _NUMBER.fullmatch(self.number) is not None,
                "number",
                "bad-number",
                "ASCII digits as written, optionally one lower-case letter ('4559', '09', '12a')",
                self.number,
            )
        if c.of_type(self.issuer, str, "issuer", "a string"):
            c.check(
                _valid_issuer(self.issuer), "issuer", "bad-issuer", _ISSUER_EXPECTED, self.issuer
            )
        if self.kind is not None:
            c.of_type(self.kind, DocumentKind, "kind", "a DocumentKind or None")
        year_ok = False
        if self.year is not None and c.of_type(self.year, int, "year", "an int or None"):
            year_ok = c.check(
                _MIN_YEAR <= self.year <= _MAX_YEAR,
                "year",
                "year-out-of-range",
                f"a year from {_MIN_YEAR} to {_MAX_YEAR}",
                self.year,
            )
        date_ok = False
        when: object = self.date
        if when is None:
            pass
        elif not isinstance(when, datetime.date) or isinstance(when, datetime.datetime):
            c.add("date", "wrong-type", "a datetime.date (not a datetime) or None", when)
        else:
            date_ok = c.check(
                _MIN_YEAR <= when.year <= _MAX_YEAR,
                "date",
                "date-out-of-range",
                f"a date from {_MIN_YEAR} to {_MAX_YEAR}",
                when,
            )
        if c.of_type(self.party, bool, "party", "a bool") and self.party:
            # Hướng dẫn 36-HD/VPTW: "225-CV/ĐU" always has a number and a kind, never a year.
            c.check(
                self.kind is not None,
                "kind",
                "party-without-kind",
                "a kind for a Party reference ('225-CV/ĐU')",
                self.kind,
            )
            c.check(
                self.number is not None,
                "number",
                "party-without-number",
                "a number for a Party reference ('225-CV/ĐU')",
                self.number,
            )
            c.check(
                self.year is None,
                "year",
                "party-with-year",
                "no year in a Party reference ('225-CV/ĐU')",
                self.year,
            )
        if year_ok and date_ok and self.date is not None and self.year is not None:
            # Luật Ban hành VBQPPL 2015 Điều 8: the year in the number is the year of issue.
            c.check(
                self.date.year == self.year,
                "date",
                "year-date-mismatch",
                f"a date in {self.year}, the year of issue in the number",
                self.date,
            )
        c.raise_if_any(InvalidDocumentRef)

    @property
    def symbol(self) -> str:
        """The symbol after the number (and year): "QĐ-UBND", "NĐ-CP", "BNV-CCHC", "CV/ĐU"."""
        if self.party:
            return f"{self.kind}/{self.issuer}"
        if self.kind is not None:
            return f"{self.kind}-{self.issuer}"
        return self.issuer

    @property
    def effective_kind(self) -> DocumentKind | None:
        """The kind, reading a kind-less symbol with a drafting unit as an official letter.

        ``581/BNV-CCHC`` is a công văn (NĐ 30/2020 Phụ lục I); ``45/2019/QH14`` (a law) and
        ``123/UBND`` have no kind.
        """
        if self.kind is not None:
            return self.kind
        if not self.party and "-" in self.issuer:
            return DocumentKind.CONG_VAN
        return None

    @property
    def is_draft(self) -> bool:
        """Whether the document has no number yet ("Số: /BC-UBND")."""
        return self.number is None

    def __str__(self) -> str:
        if self.party:
            text = f"{self.number}-{self.symbol}"
        else:
            year = "" if self.year is None else f"{self.year}/"
            text = f"{self.number or ''}/{year}{self.symbol}"
        if self.date is not None:
            text += f" ngày {_format_date(self.date)}"
        return text

    @classmethod
    def parse(cls, text: str) -> Self:
        """Read exactly one reference, with an optional title, "số" and date.

        Accepted: ``4559/QĐ-UBND``, ``Số: 31  /BC-UBND``, ``228/ BC-UBND``, ``Số: /BC-UBND``,
        ``Quyết định số 4559/QĐ-UBND ngày 22/12/2022``, ``Nghị định số 59/2019/NĐ-CP ngày
        01/7/2019``, ``225-CV/ĐU``, ``Công văn 581/BNV-CCHC``, ``CV 2450/VPCP-KGVX``, dates as
        ``ngày 22/12/2022`` (also ``-`` or ``.``), ``ngày 22 tháng 12 năm 2022``, a comma before
        ``ngày``. A title is a kind's Vietnamese name in any case ("Nghị Quyết"), "Luật",
        "Bộ luật", "Pháp lệnh", "Thông tri", "Văn bản", or a kind code ("QĐ", "CV"); it must
        agree with the kind in the symbol ("Công văn" fits a symbol without kind).

        Args:
            text: the text of one reference.

        Returns:
            The reference.

        Raises:
            InvalidDocumentRef: the text is not exactly one reference (the message quotes
                the text or the fragment that is in the way and says what was expected),
                the title disagrees with the kind, the kind code is unknown or miswritten,
                the date does not exist, or the reference breaks a rule of the constructor.
        """
        if not isinstance(text, str):
            raise InvalidDocumentRef([_problem("text", "wrong-type", "a string", show(text))])
        norm = _normalise(text)
        stripped = norm.strip(" \t\r\n")
        match = _PARSE_RE.fullmatch(stripped)
        if match is None:
            raise InvalidDocumentRef([_diagnose(norm, stripped)])
        problems: list[Problem] = []
        core = _core_of(match)
        when = _date_of(match)
        if isinstance(when, Problem):
            problems.append(when)
            when = None
        if isinstance(core, Problem):
            raise InvalidDocumentRef([core, *problems])
        try:
            ref = cls(core.number, core.issuer, core.kind, core.year, when, core.party)
        except InvalidDocumentRef as error:
            raise InvalidDocumentRef([*problems, *error.problems]) from None
        title = match.group("tcode") or match.group("tname")
        if title is not None:
            problems.extend(_title_problems(title, match.group("tcode") is not None, ref))
        if problems:
            raise InvalidDocumentRef(problems)
        return ref


@attrs.frozen
class FoundDocumentRef:
    """A reference found in a text, with its span.

    Attributes:
        ref: the reference.
        start: offset of its first character (the number, or the slash of a draft) in the
            NFC-normalised text; a leading title or "Số:" is not part of the span.
        end: offset just past its last character (the date's year, when a date follows).
    """

    ref: DocumentRef
    start: int
    end: int


def find_document_refs(text: str) -> tuple[FoundDocumentRef, ...]:
    """Every document reference in ``text``, in order, each with the date that follows it.

    A date is attached when ``ngày <date>`` follows immediately (after spaces, optionally a
    comma) and exists and agrees with the year in the number; otherwise the reference is
    found without it. Dates (``22/12/2022``), ``Quý I/2020``, percentages, procedure codes
    and ``TCVN ISO 9001:2015`` are not references. Two weak shapes are found only after a
    "Số" that announces them: an unnumbered draft right after "Số:" (``Số: /BC-UBND``, the
    header of a draft) and a bare number whose symbol has neither kind, year nor drafting
    unit after "Số:" or "số" (``công văn số 45/UBND``; ``1/TP`` in prose is no document).
    Titles are not checked here: use :meth:`DocumentRef.parse` on a fragment for that.

    Args:
        text: any text.

    Returns:
        The references found, with spans in the NFC-normalised text (see
        :class:`FoundDocumentRef`).
    """
    norm = _normalise(text)
    found: list[FoundDocumentRef] = []
    for match in _FIND_RE.finditer(norm):
        core = _core_of(match)
        if isinstance(core, Problem):
            continue
        weak = core.kind is None and core.year is None and "-" not in core.issuer
        if weak and match.group("so") is None:
            continue  # "1/TP": found only as "Số: 45/UBND"
        if match.group("pnum") is not None:
            start = match.start("pnum")
        elif match.group("num") is not None:
            start = match.start("num")
        else:
            start = match.start("slash")
        ref: DocumentRef | None = None
        end = match.end()
        dated = _DATE_RE.match(norm, end)
        if dated is not None and isinstance(when := _date_of(dated), datetime.date):
            ref = _ref_or_none(core, when)
            if ref is not None:
                end = dated.end()
        if ref is None:
            # "Ngày 29/3/2023, UBND tỉnh ... ban hành Quyết định số 617/QĐ-UBND": the date
            # opens the sentence that issues the document.
            before = _DATED_ISSUE_RE.search(norm, max(0, start - 240), start)
            if before is not None and isinstance(when := _date_of(before), datetime.date):
                ref = _ref_or_none(core, when)
        if ref is None:
            ref = _ref_or_none(core, None)
        if ref is None:
            continue
        found.append(FoundDocumentRef(ref, start, end))
    return tuple(found)


# --- reading -------------------------------------------------------------------------------

_SPACES = "\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SLASHES = "\u2215\u2044\uff0f"
_TRANSLATION = str.maketrans(
    {**dict.fromkeys(_SPACES, " "), **dict.fromkeys(_DASHES, "-"), **dict.fromkeys(_SLASHES, "/")}
)


def _normalise(text: str) -> str:
    """NFC, then one-for-one replacement of space, dash and slash look-alikes."""
    return unicodedata.normalize("NFC", text).translate(_TRANSLATION)


# Every repetition is possessive or bounded, so that matching stays linear on any input.
_SP = r"[ \t]"
_GAP = r"[ \t]{0,8}+"  # around the slash: "Số: 31  /BC-UBND", "228/ BC-UBND"
_NUM = r"[0-9]++[a-z]?"
_SEG = r"[A-ZĐ][A-Za-zĐđ0-9]*+"  # wider than an issuer's, so that a bad one gets a message
_SYMBOL = rf"{_SEG}(?:-{_SEG})*+"
_KIND_TOKEN = r"[A-ZĐ][A-Za-zĐđ]*+"
_SO = rf"(?i:số){_SP}*+:?{_SP}*+"
_DATE = (
    rf"(?:{_SP}*+,)?{_SP}*+(?i:ngày){_SP}++"
    r"(?:(?P<d1>[0-9]{1,2})[ \t]*+(?P<sep>[/.-])[ \t]*+(?P<m1>[0-9]{1,2})[ \t]*+(?P=sep)"
    r"[ \t]*+(?P<y1>[0-9]{4})"
    r"|(?P<d2>[0-9]{1,2})[ \t]++(?i:tháng)[ \t]++(?P<m2>[0-9]{1,2})[ \t]++(?i:năm)[ \t]++"
    r"(?P<y2>[0-9]{4}))(?![0-9])"
)
# A number starts a token: not in "1/1/1", "1.000110", "Covid-19" or "9001:2015" ("Số:31" is).
_NOT_AFTER = r"(?<![\w/.-])(?<![0-9]:)"

_FIND_RE = re.compile(
    rf"(?P<so>(?<!\w)(?i:số){_SP}*+(?P<colon>:)?{_SP}*+)?"
    rf"(?:(?P<pnum>{_NOT_AFTER}{_NUM})-(?P<pkind>{_KIND_TOKEN}){_GAP}/{_GAP}(?P<psym>{_SYMBOL})"
    rf"|(?:(?P<num>{_NOT_AFTER}{_NUM}){_GAP}|(?(colon)|(?!)))(?P<slash>/){_GAP}"
    rf"(?:(?P<year>[0-9]{{4}}){_GAP}/{_GAP})?(?P<sym>{_SYMBOL}))"
    r"(?!\w)"
)
_DATE_RE = re.compile(_DATE)
# A sentence that opens with its date and issues a document: "Ngày 29/3/2023, UBND tỉnh
# Quảng Nam vừa ban hành Quyết định số 617/QĐ-UBND" (the date of issue before the number).
_DATED_ISSUE_RE = re.compile(
    r"(?:^|(?<=[.;!?\n]))[ \t]*+"
    + _DATE.replace(rf"(?:{_SP}*+,)?", "", 1)
    + r"[ \t]*+,[^.;!?\n]{0,160}?ban[ \t]++hành[^.;!?\n0-9]{0,40}+(?:số[ \t]*+)?$",
)


# Titles that may lead a reference, and what they accept: the kinds named, and whether a
# symbol without kind fits ("any": Công văn, Văn bản; "no-hyphen": laws and the resolutions
# of the National Assembly, "45/2019/QH14"; "no").
@attrs.frozen
class _Title:
    kinds: frozenset[DocumentKind]
    kindless: Literal["any", "no-hyphen", "no"]


def _build_titles() -> tuple[dict[str, _Title], dict[str, _Title]]:
    names: dict[str, _Title] = {}
    for kind in DocumentKind:
        key = kind.name_vi.casefold()
        kinds = names[key].kinds | {kind} if key in names else frozenset({kind})
        names[key] = _Title(kinds, "no")
    names["công văn"] = _Title(frozenset({_K.CONG_VAN}), "any")
    names["nghị quyết"] = _Title(frozenset({_K.NGHI_QUYET}), "no-hyphen")
    for law in ("luật", "bộ luật", "pháp lệnh"):
        names[law] = _Title(frozenset(), "no-hyphen")
    names["thông tri"] = _Title(frozenset({_K.THONG_TU}), "no")  # the Party's "01-TT/TW"
    names["văn bản"] = _Title(frozenset(DocumentKind), "any")
    codes: dict[str, _Title] = {}
    for code, kind in [*_KIND_BY_CODE.items(), *_KIND_BY_ASCII.items()]:
        if len(code) > 1:  # "L" alone is too short to be a title
            codes[code] = names[kind.name_vi.casefold()]
    codes["CV"] = names["công văn"]
    return names, codes


_TITLE_BY_NAME, _TITLE_BY_CODE = _build_titles()


def _alternation(words: list[str]) -> str:
    words = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace("\\ ", " ").replace(" ", f"{_SP}++") for w in words)


_PARSE_RE = re.compile(
    rf"(?:(?:(?P<tcode>{_alternation(list(_TITLE_BY_CODE))})"
    rf"|(?P<tname>(?i:{_alternation(list(_TITLE_BY_NAME))}))){_SP}++)?"
    rf"(?:{_SO})?"
    rf"(?:(?P<pnum>{_NUM})-(?P<pkind>{_KIND_TOKEN}){_GAP}/{_GAP}(?P<psym>{_SYMBOL})"
    rf"|(?P<num>{_NUM})?{_GAP}/{_GAP}(?:(?P<year>[0-9]{{4}}){_GAP}/{_GAP})?(?P<sym>{_SYMBOL}))"
    rf"(?:{_DATE})?"
)


@attrs.frozen
class _Core:
    """The parts of a reference read from a match, before the date and the constructor."""

    number: str | None
    issuer: str
    kind: DocumentKind | None
    year: int | None
    party: bool


def _problem(path: str, code: str, expected: str, found: str) -> Problem:
    return Problem(path=path, code=code, expected=expected, found=found)


def _kind_problem(token: str) -> Problem:
    folded = _KIND_BY_FOLDED.get(token.casefold())
    if folded is not None:
        return _problem(
            "kind",
            "kind-code-case",
            f"the kind code written {folded.value!r} (NĐ 30/2020 Phụ lục III)",
            show(token),
        )
    return _problem(
        "kind",
        "unknown-kind",
        "a kind code of NĐ 30/2020 Phụ lục III or of Party documents ('QĐ', 'KH', 'CV', ...)",
        show(token),
    )


def _core_of(match: re.Match[str]) -> _Core | Problem:
    """Read number, kind, issuer and year from a match of the find or parse pattern."""
    if match.group("pnum") is not None:
        token = match.group("pkind")
        kind = _kind_of_code(token)
        if kind is None:
            return _kind_problem(token)
        return _Core(match.group("pnum"), match.group("psym"), kind, None, party=True)
    symbol = match.group("sym")
    year_text = match.group("year")
    year = None if year_text is None else int(year_text)
    first, hyphen, rest = symbol.partition("-")
    kind = _kind_of_code(first) if hyphen else None
    if kind is not None:
        return _Core(match.group("num"), rest, kind, year, party=False)
    if hyphen and not _ISSUER_SEGMENT.fullmatch(first) and first.casefold() in _KIND_BY_FOLDED:
        return _kind_problem(first)  # "Qđ-UBND": a kind code in the wrong case
    return _Core(match.group("num"), symbol, None, year, party=False)


def _ref_or_none(core: _Core, when: datetime.date | None) -> DocumentRef | None:
    """The reference of ``core`` dated ``when``, or None where a rule is broken."""
    try:
        return DocumentRef(core.number, core.issuer, core.kind, core.year, when, core.party)
    except InvalidDocumentRef:
        return None


def _date_of(match: re.Match[str]) -> datetime.date | Problem | None:
    """The date of a match's date groups; a Problem if it does not exist."""
    if match.group("d1") is not None:
        parts = (match.group("y1"), match.group("m1"), match.group("d1"))
    elif match.group("d2") is not None:
        parts = (match.group("y2"), match.group("m2"), match.group("d2"))
    else:
        return None
    year, month, day = (int(p) for p in parts)
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return _problem(
            "date",
            "impossible-date",
            "a date that exists (day/month/year)",
            show(f"{parts[2]}/{parts[1]}/{parts[0]}"),
        )


def _title_problems(title: str, is_code: bool, ref: DocumentRef) -> list[Problem]:
    """A problem if the leading title names another kind than the symbol."""
    key = title if is_code else " ".join(title.split()).casefold()
    rule = (_TITLE_BY_CODE if is_code else _TITLE_BY_NAME).get(key)
    if rule is None:  # pragma: no cover - only case-folding oddities (Kelvin sign) get here
        return []
    if ref.kind is not None:
        ok = ref.kind in rule.kinds
    elif rule.kindless == "any":
        ok = True
    else:
        ok = rule.kindless == "no-hyphen" and "-" not in ref.issuer
    if ok:
        return []
    if ref.kind is not None:
        expected = f"a title naming a {ref.kind.name_vi} ({ref.kind.value}), as the symbol does"
    elif "-" in ref.issuer:
        expected = "the title 'Công văn' (or none) for an official letter, without kind code"
    else:
        expected = "'Luật', 'Bộ luật', 'Pháp lệnh', 'Nghị quyết', 'Công văn' or no title"
    return [_problem("text", "title-mismatch", expected, f"{title!r} before {str(ref)!r}")]


_PARSE_EXPECTED = (
    "exactly one document reference such as '4559/QĐ-UBND', '59/2019/NĐ-CP', "
    "'581/BNV-CCHC', '225-CV/ĐU' or 'Số: /BC-UBND', optionally after a title "
    "('Quyết định số') and before a date ('ngày 22/12/2022')"
)


def _diagnose(norm: str, stripped: str) -> Problem:
    """Say why a text is not one reference: empty, none found, several, or extra text."""
    if not stripped:
        return _problem("text", "empty", _PARSE_EXPECTED, show(norm))
    hits = find_document_refs(norm)
    if not hits:
        return _problem("text", "no-reference", _PARSE_EXPECTED, show(stripped))
    if len(hits) > 1:
        listed = ", ".join(repr(str(h.ref)) for h in hits[:5])
        more = ", ..." if len(hits) > 5 else ""
        found = f"{len(hits)} references: {listed}{more}"
        return _problem("text", "several-references", _PARSE_EXPECTED, found)
    hit = hits[0]
    ref_text = show(norm[hit.start : hit.end])
    before = norm[: hit.start].strip(" \t\r\n")
    after = norm[hit.end :].strip(" \t\r\n")
    found = f"{show(after)} after {ref_text}" if after else f"{show(before)} before {ref_text}"
    return _problem("text", "unexpected-text", _PARSE_EXPECTED, found)
