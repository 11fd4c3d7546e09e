"""Reading the standard figures of a CCHC report from its text.

Each standard figure (:data:`~par_index.reports.figures.STANDARD_FIGURES`) has one or more
patterns, written from the phrasing of the reporting outline of MOHA letter 581/BNV-CCHC and
of real commune and district reports (docs/sources.md): "ban hành 60 văn bản", "05 cuộc họp,
hội nghị", "tiếp nhận 6.192 hồ sơ", "trả quá hạn 07 (tỷ lệ 2,77%)", "không có phản ánh,
kiến nghị". Rules of reading:

* Numbers are read exactly as Vietnamese writes them (docs/sources.md): ``.`` groups thousands
  in counts (``6.192`` → 6192), ``,`` is the decimal mark in rates (``96,83%`` → 96.83),
  leading zeros are kept out of the value (``05`` → 5). A count written ``1,5`` or ``6.19``
  is no count and is not read.
* "hơn", "trên", "gần", "khoảng" before a number are kept as the figure's qualifier; the span
  starts at the qualifier.
* A number right after "năm", "tháng", "ngày" or "quý", or inside a date or a document number,
  is never a figure; a figure is read only where a pattern names what is counted.
* "không có ..." / "chưa ..." before what a figure counts states the figure as 0 (the span
  is the whole phrase: "không có phản ánh kiến nghị").
* Each figure is the first occurrence in reading order; a stretch of text is read as one
  figure only (the more specific pattern wins: "thiếu 02 máy tính" is not the computers the
  one-stop desk has).
* A report that states only one of "trước hạn" (early) and "đúng hạn" (on time) gives the
  count of every dossier finished in time: it is read as ``dossiers_early_or_on_time``, the
  numerator of QĐ 766/QĐ-TTg indicator 2.1 (docs/sources.md), and so is its rate.
* Nothing is guessed: a figure the text does not state is absent.

Every pattern is precompiled and linear: repetitions are possessive or bounded (gaps between
a keyword and its number are at most a few dozen characters of one sentence).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs

from par_index.model.areas import ReformArea
from par_index.reports._text import LineIndex
from par_index.reports.figures import STANDARD_FIGURES, FigureSpec
from par_index.reports.model import Figure, Qualifier

__all__ = ["Region", "extract_figures", "normalize_text"]

# --- text normalisation ----------------------------------------------------------------------

# Spaces a word processor or a portal page leaves behind (no-break, thin, ideographic, zero
# width, byte order mark) read as a plain space; vertical tab, form feed and the Unicode line
# and paragraph separators as a line break. Each replaces one character by one, so offsets in
# the NFC text are kept.
_ODD_SPACES = "\u00a0\u1680\u180e\u200b\u202f\u205f\u3000\ufeff" + "".join(
    map(chr, range(0x2000, 0x200B))
)
_ODD_BREAKS = "\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_TRANSLATION = str.maketrans(
    {**dict.fromkeys(_ODD_SPACES, " "), **dict.fromkeys(_ODD_BREAKS, "\n")}
)
_LONE_CR = re.compile(r"\r(?!\n)")
_ODD = re.compile("[" + re.escape(_ODD_SPACES + _ODD_BREAKS) + "]")


def normalize_text(text: str) -> str:
    """The text every span of a parsed report indexes.

    NFC (design sketch: Vietnamese text is normalised to NFC on input), then one character
    for one: odd spaces become spaces, odd line breaks and a lone carriage return become
    ``\\n`` and the carriage return of ``\\r\\n`` becomes a space (so ``\\r\\n`` files keep
    their offsets and line numbers). Quotes and dashes are left as written. Idempotent.
    """
    nfc = unicodedata.normalize("NFC", text)
    if "\r" in nfc:
        nfc = _LONE_CR.sub("\n", nfc).replace("\r", " ")
    return nfc.translate(_TRANSLATION) if _ODD.search(nfc) else nfc


@attrs.frozen
class Region:
    """A stretch of the normalised text whose figures are read, with its reform area.

    Attributes:
        start: first offset (in :func:`normalize_text` of the text).
        end: offset just past the region.
        area: the reform area of the section the region belongs to; None when unknown (a
            figure of any area may then be read there).
    """

    start: int
    end: int
    area: ReformArea | None = None


# --- patterns --------------------------------------------------------------------------------

# Templates: a literal space means "one or more spaces or tabs"; <…> are the macros below.
_S = r"[ \t]++"
_OPT_S = r"[ \t]*+"
# A count: digits, or groups of three after a dot (6.192). Never part of a longer number, a
# decimal (1,5), a date or number (22/12) and never right after năm / tháng / ngày / quý.
# The first digit is matched before the look-behinds so that a scan skips quickly to digits.
_COUNT = (
    r"[0-9](?<![\w.,/%-][0-9])(?<!năm [0-9])(?<!tháng [0-9])(?<!ngày [0-9])(?<!quý [0-9])"
    r"(?:[0-9]{0,2}(?:\.[0-9]{3})++|[0-9]*+)(?![0-9]|[.,][0-9]|/[0-9])"
)
# "hơn 500", "gần 500": read before the fragment the pattern found (see _qualified).
_QUALIFIER_BEFORE = re.compile(r"(?:^|(?<=\W))(hơn|trên|gần|khoảng)[ \t]++$", re.IGNORECASE)
_QUALIFIERS = {q.value: q for q in Qualifier}


def _gap(size: int) -> str:
    # Up to ``size`` characters of the same sentence: no . ; ! ? or line break, except a dot
    # inside a number or an abbreviation ("6.192", "TP.HCM").
    return rf"(?:[^.;!?\n]|\.(?=\w)){{0,{size}}}?"


def _macro(token: str) -> str:
    kind, arg = token[0], token[1:]
    if token == "_":
        return _OPT_S
    if token == "HS":
        return rf"(?:{_S}hồ{_S}sơ)?"
    if kind == "N":
        return rf"(?P<n{arg}>{_COUNT})"
    if kind == "R":
        return (
            rf"(?P<n{arg}>[0-9](?<![\w.,/-][0-9])[0-9]{{0,2}}(?:[.,][0-9]{{1,4}})?)(?![0-9])"
            r"[ \t]?%"
        )
    if kind == "D":
        return (
            rf"(?P<n{arg}>[0-9](?<![\w.,/-][0-9])[0-9]{{0,2}}(?:,[0-9]{{1,2}})?)"
            r"(?![0-9]|[.,][0-9])"
        )
    if kind == "G":
        return _gap(int(arg))
    if kind == "P":
        # A rate right after a count, in brackets or after a comma: "245 (tỷ lệ 96,83%)",
        # "34 hồ sơ (53,96% so với ...)", "420 hồ sơ, chiếm 33,73%". After a comma the rate
        # needs a word that makes it one ("tỷ lệ", "đạt", "chiếm").
        word = rf"(?:đạt{_S}tỷ{_S}lệ|tỷ{_S}lệ|đạt|chiếm)(?:{_S}(?:là|đạt))?{_OPT_S}:?{_OPT_S}"
        return (
            rf"(?:{_OPT_S}(?:\({_OPT_S}(?:{word})?|,{_OPT_S}{word})"
            rf"(?P<f{arg}>{_macro('R' + arg)})(?:[^)\n]{{0,160}}?\))?)?"
        )
    raise ValueError(token)  # pragma: no cover - a typo in a template


_MACRO = re.compile(r"(?<!\?P)<([a-z_][a-z0-9]*|_)>")


def _compile(template: str) -> re.Pattern[str]:
    # Patterns run on the lower-cased text (see _lowered) rather than with IGNORECASE, so
    # that the regex engine can skip ahead to a pattern's first letter: twice as fast.
    body = template.lower().replace("(?p<", "(?P<").replace(" ", _S)
    body = _MACRO.sub(lambda m: _macro(m.group(1).upper()), body)
    return re.compile(body)


def _lowered(text: str) -> str:
    """``text`` in lower case, character for character (offsets kept)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    # "İ" lowers to two characters; such a character is kept as it is.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@attrs.frozen
class _Rule:
    """Patterns for one or two figures; group ``f<i>``/``z<i>`` gives figure ``names[i]``."""

    names: tuple[str, ...]
    pattern: re.Pattern[str]
    areas: frozenset[ReformArea] | None

    def applies(self, area: ReformArea | None) -> bool:
        return self.areas is None or area is None or area in self.areas


_D = frozenset({ReformArea.DIRECTION})
_I = frozenset({ReformArea.INSTITUTIONS})
_P = frozenset({ReformArea.PROCEDURES})
_A = frozenset({ReformArea.APPARATUS})
_F = frozenset({ReformArea.PUBLIC_FINANCE})


def _rules(
    names: str | tuple[str, ...], areas: frozenset[ReformArea] | None, *templates: str
) -> list[_Rule]:
    key = (names,) if isinstance(names, str) else names
    return [_Rule(key, _compile(t), areas) for t in templates]


# Dossier categories (QĐ 766/QĐ-TTg indicator 2.1 and the portal's timeliness, docs/sources.md).
_TIMELY = "(?:trước|đúng)(?: hạn)?<_>(?:và|,|/|hoặc)<_>(?:trước|đúng) hạn"
_EARLY = "trước hạn"
_ON_TIME = "đúng hạn"
_LATE = "(?:quá|trễ|chậm) (?:hạn|hẹn)"
_PROGRESS = "đang (?:giải quyết|xử lý|thụ lý)"
_ONLINE = (
    "(?:nộp|tiếp nhận|gửi)(?: hồ sơ)?(?: (?:qua|bằng|theo))?(?: hình thức)?"
    " (?:trực tuyến|dịch vụ công trực tuyến|DVCTT|môi trường mạng)"
)
_HANDLED = "(?: được)?(?: (?:giải quyết|trả kết quả|trả|xử lý))?"


def _dossier_rules(name: str, category: str) -> list[_Rule]:
    """Count (with its bracketed rate) before or after the category; the rate alone."""
    return [
        *_rules(
            (name, name + "_rate"),
            _P,
            f"{category}<_>(?::|là)?<_>(?P<f0><N0><HS>)<P1>",
            f"(?P<f0><N0> hồ sơ){_HANDLED} {category}<P1>",
        ),
        *_rules(
            name + "_rate",
            _P,
            f"tỷ lệ(?: hồ sơ)?{_HANDLED} {category}<G40>(?P<f0><R0>)",
        ),
    ]


_PEOPLE = "(?:lượt người|lượt(?= (?:tham gia|tham dự|dự))|người(?= (?:tham gia|tham dự|dự)))"
_LEGAL = "(?:QPPL|VBQPPL|quy phạm pháp luật)"

# In order: within a section the earlier rule reads a stretch first, so the more specific
# pattern comes before the general one (legal before general propaganda, dialogues before
# meetings, missing equipment before equipment, online dossiers before received dossiers).
_RULES: list[_Rule] = [
    # -- institutions: legal normative documents (Luật Ban hành VBQPPL 2015) ----------------
    *_rules(
        "legal_documents_issued",
        _I,
        f"(?P<z0>(?:không|chưa)(?: có)? ban hành (?:(?:văn bản|VB) )?{_LEGAL})",
        f"(?P<z0>(?:không|chưa) có (?:(?:văn bản|VB) )?{_LEGAL}(?: nào)?(?: được)? ban hành)",
        f"ban hành (?:được )?(?P<f0><N0> (?:(?:văn bản|VB) )?{_LEGAL})",
    ),
    *_rules("legal_propaganda_participants", _I, f"pháp luật<G300>(?P<f0><N0> {_PEOPLE})"),
    *_rules("documents_self_inspected", _I, "tự kiểm tra (?:được )?(?P<f0><N0> (?:văn bản|VB))"),
    *_rules(
        "documents_to_review", _I, "(?:phải|cần) (?:được )?rà soát<G80>(?P<f0><N0> (?:văn bản|VB))"
    ),
    *_rules(
        "documents_reviewed",
        _I,
        "đã (?:được )?rà soát<G60>(?P<f0><N0> (?:văn bản|VB))",
        "rà soát (?:được )?(?P<f0><N0> (?:văn bản|VB))",
    ),
    # -- direction and steering (outline section I) -----------------------------------------
    *_rules(
        "citizen_dialogues",
        _D,
        "(?P<f0><N0> (?:hội nghị|buổi|cuộc)(?: đối thoại)?)(?=<G80>(?:đối thoại|(?:với|giữa)"
        " (?:người dân|nhân dân|công dân|doanh nghiệp)))",
        "đối thoại<G40>(?P<f0><N0> (?:hội nghị|buổi|cuộc))",
    ),
    *_rules(
        "meetings",
        _D,
        "(?P<f0><N0> (?:cuộc|buổi) (?:họp|hội nghị)(?:<_>,<_>(?:hội nghị|hội thảo|họp))?)",
        "(?P<f0><N0> hội nghị)",
    ),
    *_rules(
        "propaganda_sessions",
        _D,
        "(?P<f0><N0> (?:buổi|cuộc|đợt))(?= tuyên truyền)(?!<G60>pháp luật)",
        "tuyên truyền<G40>(?P<f0><N0> (?:buổi|cuộc|đợt))(?!<G60>pháp luật)",
    ),
    *_rules("propaganda_participants", _D, f"(?P<f0><N0> {_PEOPLE})"),
    *_rules(
        "news_items",
        _D,
        "(?P<f0><N0> (?:tin(?:<_>,<_>bài| bài)?|bài viết)(?!\\w)(?! (?:nhắn|học)))",
    ),
    *_rules(
        "documents_issued",
        _D,
        "ban hành(?: (?:được|tổng số|tổng cộng|tất cả))?<_>:?<_>(?P<f0><N0> (?:văn bản|bản)"
        "(?: bản)?(?: (?:các loại|chỉ đạo(?:<_>,<_>điều hành)?))?)"
        f"(?!<_>(?:(?:văn bản|VB) )?{_LEGAL})",
    ),
    # -- public finance ------------------------------------------------------------------------
    *_rules("budget_revenue_rate", _F, "thu ngân sách<G120>(?:đạt|được|bằng) (?P<f0><R0>)"),
    *_rules(
        "audit_recommendations",
        _F,
        "(?P<z0>(?:không|chưa)(?: (?:có|phát sinh))?(?: (?:các|có))? kiến nghị"
        "(?: (?:của|sau))? (?:cơ quan )?(?:thanh tra|kiểm tra|kiểm toán))",
        "(?P<f0><N0> kiến nghị)(?=<G60>(?:thanh tra|kiểm toán))",
    ),
    # -- plan and tasks (outline section I) ------------------------------------------------------
    *_rules("plan_completion_rate", _D, "hoàn thành (?:được )?(?P<f0><R0>)"),
    *_rules(
        "plan_progress_rate",
        _D,
        "(?:kế hoạch năm|so với kế hoạch)<G20>đạt (?P<f0><R0>)",
        "đạt (?P<f0><R0>) tiến độ",
    ),
    *_rules(
        ("tasks_completed", "tasks_assigned"),
        _D,
        "hoàn thành (?:được )?(?P<f0>(?P<n0>[0-9]{1,4}))<_>/<_>(?P<f1>(?P<n1>[0-9]{1,4})) nhiệm vụ",
    ),
    *_rules(
        "tasks_completed",
        _D,
        "(?:hoàn thành|thực hiện xong) (?:được )?(?P<f0><N0> nhiệm vụ)",
        "(?P<f0><N0> nhiệm vụ) (?:đã )?(?:được )?(?:hoàn thành|thực hiện xong)",
    ),
    *_rules(
        "tasks_assigned",
        _D,
        "(?<!bàn\\x20)giao(?! (?:dịch|ban|thông|tiếp|lưu|nhận))<G80>(?P<f0><N0> nhiệm vụ)",
    ),
    # -- administrative procedures and the one-stop desk ----------------------------------------
    *_rules(
        "procedures_total",
        _P,
        "tổng số (?:TTHC|thủ tục hành chính|thủ tục)<G80>"
        "(?P<f0><N0> (?:thủ tục hành chính|thủ tục|TTHC))",
        "(?P<f0><N0> (?:thủ tục hành chính|thủ tục|TTHC))(?=<G40>thuộc thẩm quyền)",
    ),
    *_rules(
        "procedures_on_one_stop_software_rate",
        _P,
        "(?P<f0><R0>) (?:số )?(?:TTHC|thủ tục hành chính)<G40>phần mềm",
    ),
]

# "còn thiếu 02 máy tính, 01 máy scan": every device of the list is claimed; computers and
# scanners are named figures, the others (printers, ...) are only kept from being read as
# equipment the desk has.
_DEVICE = r"[0-9]{1,3}[ \t]++máy[ \t]++(?:vi[ \t]++tính|tính|in|scan|quét|photo|chiếu|fax|chủ)"
_MISSING = re.compile(rf"thiếu[ \t]++(?P<list>{_DEVICE}(?:[ \t]*+(?:,|và)[ \t]*+{_DEVICE}){{0,8}})")
_MISSING_ITEM = re.compile(
    r"(?P<f0>(?P<n0>[0-9]{1,3})[ \t]++máy[ \t]++(?P<kind>vi[ \t]++tính|tính|in|scan|quét|"
    r"photo|chiếu|fax|chủ))"
)

_RULES_AFTER_MISSING: list[_Rule] = [
    *_rules("one_stop_computers", _P, "(?P<f0><N0> máy (?:vi )?tính)(?! bảng)"),
    *_rules("one_stop_printers", _P, "(?P<f0><N0> máy in)"),
    *_rules(
        "one_stop_staff",
        _P,
        "nhân sự<_>(?::|có|gồm|là)<_>(?P<f0><N0> (?P<u0>nhân sự|người|công chức|cán bộ))",
        "bộ phận (?:một cửa|tiếp nhận và trả kết quả)<G120>"
        "(?P<f0><N0> (?P<u0>nhân sự|người|công chức|cán bộ))",
    ),
    *_rules("digitisation_score", _P, "số h(?:oá|óa)<G120>(?P<f0><D0> điểm)"),
    *_dossier_rules("dossiers_online", _ONLINE),
    *_rules(
        "dossiers_online_rate",
        _P,
        "tỷ lệ(?: hồ sơ)? (?:nộp|tiếp nhận)(?: hồ sơ)?(?: qua)?"
        " (?:trực tuyến|dịch vụ công trực tuyến|DVCTT)<G40>(?P<f0><R0>)",
    ),
    *_rules(
        "dossiers_supplement_requested",
        _P,
        "(?:yêu cầu|trả lại để|đề nghị) bổ sung(?: hồ sơ)?<_>:?<_>(?P<f0><N0><HS>)",
        "(?P<f0><N0> hồ sơ)(?: (?:phải|bị|được))?(?: trả lại)?(?: để)? (?:yêu cầu )?bổ sung",
    ),
    *_dossier_rules("dossiers_early_or_on_time", _TIMELY),
    *_dossier_rules("dossiers_early", _EARLY),
    *_dossier_rules("dossiers_on_time", _ON_TIME),
    *_dossier_rules("dossiers_late", _LATE),
    *_dossier_rules("dossiers_in_progress", _PROGRESS),
    *_rules(
        "dossiers_received",
        _P,
        "tiếp nhận(?: (?:và )?giải quyết)? hồ sơ<_>(?::|là|được)?<_>(?P<f0><N0><HS>)",
        "tiếp nhận<_>(?::|là|được)?<_>(?P<f0><N0> hồ sơ)",
        "tiếp nhận<G40>(?P<f0><N0> hồ sơ)",
        "tổng số hồ sơ(?: TTHC)?(?: (?:đã|được))? (?:tiếp nhận|phát sinh|nhận)<G40>"
        "(?P<f0><N0><HS>)",
        "tổng số hồ sơ(?: TTHC)?<_>:<_>(?P<f0><N0><HS>)",
    ),
    *_rules(
        "feedback_received",
        _P,
        "(?P<z0>(?:không|chưa)(?: (?:có|phát sinh|nhận được|tiếp nhận))?(?: (?:bất kỳ|các))?"
        " (?:phản ánh(?:<_>,?<_>kiến nghị)?|PAKN))",
        "(?P<f0><N0> (?:phản ánh(?:<_>,?<_>kiến nghị)?|PAKN))",
    ),
    # -- apparatus -------------------------------------------------------------------------------
    *_rules(
        "staffing_quota",
        _A,
        "(?:định biên|biên chế)<G100>(?P<f0><N0> (?:người|biên chế|cán bộ|công chức|CBCC))",
    ),
]

_MISSING_NAMES = {
    "tính": "one_stop_computers_missing",
    "scan": "one_stop_scanners_missing",
    "quét": "one_stop_scanners_missing",
}


def _spec(name: str) -> FigureSpec:
    return STANDARD_FIGURES[name]


_ALL_NAMES = frozenset(n for rule in (*_RULES, *_RULES_AFTER_MISSING) for n in rule.names) | {
    *_MISSING_NAMES.values()
}
assert not _ALL_NAMES - STANDARD_FIGURES.keys()


# --- reading ---------------------------------------------------------------------------------


@attrs.frozen
class _Read:
    """One figure read from a match, before the Figure is built."""

    name: str
    start: int
    end: int
    value: Decimal
    qualifier: Qualifier | None
    unit: str


def _value(number: str, unit: str) -> Decimal:
    if unit in {"%", "điểm"}:
        return Decimal(number.replace(",", "."))
    return Decimal(number.replace(".", ""))


def _qualified(text: str, start: int) -> tuple[int, Qualifier | None]:
    """The start of a fragment with the qualifier written right before it, if any."""
    m = _QUALIFIER_BEFORE.search(text, max(0, start - 12), start)
    if m is None:
        return start, None
    return m.start(), _QUALIFIERS[m.group(1).casefold()]


def _reads(rule: _Rule, match: re.Match[str]) -> Iterator[_Read]:
    groups = match.groupdict()
    for i, name in enumerate(rule.names):
        unit = _spec(name).unit
        if groups.get(f"z{i}") is not None:
            yield _Read(name, match.start(f"z{i}"), match.end(f"z{i}"), Decimal(0), None, unit)
            continue
        if groups.get(f"f{i}") is None:
            continue
        start, qualifier = _qualified(match.string, match.start(f"f{i}"))
        if groups.get(f"u{i}") is not None:
            unit = " ".join(groups[f"u{i}"].casefold().split())
        value = _value(groups[f"n{i}"], unit)
        yield _Read(name, start, match.end(f"f{i}"), value, qualifier, unit)


def _missing_reads(match: re.Match[str]) -> Iterator[tuple[_Read, bool]]:
    """Every device of a "thiếu ..." list; the flag says whether it is a named figure."""
    for item in _MISSING_ITEM.finditer(match.string, match.start("list"), match.end("list")):
        kind = " ".join(item["kind"].casefold().split()).removeprefix("vi ")
        name = _MISSING_NAMES.get(kind, "one_stop_computers_missing")
        read = _Read(name, item.start("f0"), item.end("f0"), Decimal(item["n0"]), None, "máy")
        yield read, kind in _MISSING_NAMES


class _Reader:
    """Reads figures over the regions; remembers what was read and which text was used.

    Each group of patterns for the same figures runs once over the whole text: its first
    match in the earliest region where the figure may stand (and whose text no earlier
    pattern used) is the figure. Regions are whole lines and no pattern crosses a line
    break, so this is the same as reading region by region, with one scan per pattern.
    """

    def __init__(self, text: str, regions: Sequence[Region]) -> None:
        self.text = text
        self.regions = sorted(regions, key=lambda r: r.start)
        self.starts = [r.start for r in self.regions]
        self.span = (
            (self.regions[0].start, max(r.end for r in self.regions)) if self.regions else (0, 0)
        )
        self.found: dict[str, _Read] = {}
        self.claimed: list[tuple[int, int]] = []  # sorted, never overlapping

    def _region(self, match: re.Match[str]) -> int | None:
        """The index of the region holding the whole match, if any."""
        index = bisect.bisect_right(self.starts, match.start()) - 1
        if index < 0 or match.end() > self.regions[index].end:
            return None
        return index

    def _free(self, reads: Sequence[_Read]) -> bool:
        for r in reads:
            at = bisect.bisect_left(self.claimed, (r.start, r.end))
            if at > 0 and self.claimed[at - 1][1] > r.start:
                return False
            if at < len(self.claimed) and self.claimed[at][0] < r.end:
                return False
        return True

    def _claim(self, read: _Read) -> None:
        bisect.insort(self.claimed, (read.start, read.end))

    def _first(self, rule: _Rule, before: int) -> tuple[int, list[_Read]] | None:
        """The first usable match of ``rule`` in a region before region ``before``."""
        for match in rule.pattern.finditer(self.text, *self.span):
            index = self._region(match)
            if index is None:
                continue
            if index >= before:
                return None
            if not rule.applies(self.regions[index].area):
                continue
            reads = list(_reads(rule, match))
            if reads and self._free(reads):
                return index, reads
        return None

    def group(self, rules: Sequence[_Rule]) -> None:
        """The patterns of one figure (or pair): the earliest region wins, then rule order."""
        if all(n in self.found for n in rules[0].names):
            return
        best: tuple[int, list[_Read]] | None = None
        for rule in rules:
            hit = self._first(rule, best[0] if best is not None else len(self.regions))
            if hit is not None:
                best = hit
        if best is not None:
            for read in best[1]:
                self._claim(read)
                self.found.setdefault(read.name, read)

    def missing(self) -> None:
        for match in _MISSING.finditer(self.text, *self.span):
            index = self._region(match)
            if index is None or self.regions[index].area not in (None, ReformArea.PROCEDURES):
                continue
            listed = list(_missing_reads(match))
            if not self._free([r for r, _ in listed]):
                continue
            for read, named in listed:
                self._claim(read)
                if named:
                    self.found.setdefault(read.name, read)


def _groups(rules: Sequence[_Rule]) -> list[list[_Rule]]:
    """Consecutive rules for the same figures, in order."""
    out: list[list[_Rule]] = []
    for rule in rules:
        if out and out[-1][0].names == rule.names:
            out[-1].append(rule)
        else:
            out.append([rule])
    return out


_GROUPS = _groups(_RULES)
_GROUPS_AFTER_MISSING = _groups(_RULES_AFTER_MISSING)


def _merge_timely(found: dict[str, _Read]) -> None:
    """Read a lone "trước hạn" or "đúng hạn" count as the early-or-on-time count (see above)."""
    if "dossiers_early_or_on_time" in found:
        return
    early = "dossiers_early" in found or "dossiers_early_rate" in found
    on_time = "dossiers_on_time" in found or "dossiers_on_time_rate" in found
    if early == on_time:
        return
    source = "dossiers_early" if early else "dossiers_on_time"
    for suffix in ("", "_rate"):
        read = found.pop(source + suffix, None)
        if read is not None:
            name = "dossiers_early_or_on_time" + suffix
            found[name] = attrs.evolve(read, name=name)


def extract_figures(text: str, regions: Sequence[Region] | None = None) -> tuple[Figure, ...]:
    """The standard figures a report text states, in reading order, each with its span.

    Args:
        text: a report text, or part of one. It is normalised with :func:`normalize_text`
            first; spans index the normalised text.
        regions: the stretches to read (whole lines, not overlapping), with the reform area of each
            (:func:`par_index.reports.parser.read_report` passes the bodies of the report's
            sections, leaving out the header, banners, "Phương hướng" and "Kiến nghị"). When
            None, the whole text is read as one region of unknown area, so a number in a
            banner stated like a figure is read too: use
            :func:`par_index.reports.parser.parse_report` for a whole report.

    Returns:
        One :class:`Figure` per standard figure stated, sorted by position; ``label`` is the
        standard Vietnamese label and ``text`` the fragment read.

    Raises:
        TypeError: when ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_figures() needs a str, got {type(text).__name__}")
    norm = normalize_text(text)
    reader = _Reader(_lowered(norm), regions if regions is not None else (Region(0, len(norm)),))
    for group in _GROUPS:
        reader.group(group)
    reader.missing()
    for group in _GROUPS_AFTER_MISSING:
        reader.group(group)
    _merge_timely(reader.found)
    lines = LineIndex(norm)
    return tuple(
        Figure(
            name=r.name,
            value=r.value,
            unit=r.unit,
            label=_spec(r.name).label_vi,
            qualifier=r.qualifier,
            span=lines.span(r.start, r.end),
            text=norm[r.start : r.end],
        )
        for r in sorted(reader.found.values(), key=lambda r: (r.start, r.name))
    )
