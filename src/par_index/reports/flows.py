"""Reading the figures of dossier flows, feedback, procedures and indexes with their scope
and period, from reports, news items and statistics pages.

A clause ("Tháng 9/2021, Trung tâm ... đã tiếp nhận mới 4.131 hồ sơ, hồ sơ tồn kỳ trước chuyển
sang là 2.171") is read number by number. Each number takes its meaning from the words right
after it ("4.910 hồ sơ từ kỳ trước chuyển sang", "1.246 hồ sơ chưa đến hạn") or, failing that,
from the nearest words before it since the previous number ("tồn kỳ trước chuyển sang là 2.171",
"đúng và trước hạn 260.612"). A rate takes the meaning of the count it follows ("4.157 hồ sơ
(đạt 99,71%)") unless words between them name another one ("giải quyết đúng hẹn đạt 100%").

The vocabulary is the one of the one-stop statistics (NĐ 61/2018/NĐ-CP, sửa đổi bởi NĐ
107/2021/NĐ-CP; Thông tư 01/2018/TT-VPCP Điều 17-18: hồ sơ tồn kỳ trước chuyển sang, tiếp nhận
mới, đã giải quyết trước hạn, đúng hạn, quá hạn, đang giải quyết trong hạn, quá hạn, trả lại,
rút), of the portals' monthly news ("lũy kế", "đến hạn giải quyết") and of the PAR INDEX and
SIPAS announcements ("đạt 91,44%", "xếp thứ 39/63").

Context: a period phrase at the start of a clause ("Quý III/2021, ...") sets the period of the
clause and of those after it in the paragraph; a level or agency at the start ("cấp huyện tiếp
nhận ...", "Với cấp xã, ...", "Các sở, ban ngành cấp tỉnh ...") sets the scope likewise. A
paragraph starts again from the text's own period and the whole unit. A number after "tăng",
"giảm", "so với" or "bằng ... %" compares and is no figure.

Numbers are read as Vietnamese writes them: "6.192" and "268763" are counts, "10,18 ngàn" and
"1,2 triệu" are abbreviated counts (approximate), "98,81%" and "86.45%" are rates, "gần",
"trên", "hơn", "khoảng" before a number are kept as qualifiers.

Every pattern is precompiled and linear; each clause is visited a bounded number of times.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs

from par_index.reports.model import Qualifier, Scope, ScopeKind
from par_index.reports.periods import StatedPeriod, find_stated_periods

__all__ = ["FlowFigure", "merge_flows", "read_flows", "read_table"]


@attrs.frozen
class FlowFigure:
    """A figure read with its scope and period, before it becomes a :class:`Figure`."""

    name: str
    value: Decimal
    unit: str
    start: int
    end: int
    scope: Scope
    period: StatedPeriod | None
    qualifier: Qualifier | None = None
    approximate: bool = False


# --- numbers ---------------------------------------------------------------------------------

_NUMBER = re.compile(
    r"(?<![\w/.,:-])(?P<num>[0-9]{1,3}(?:\.[0-9]{3})++(?![0-9])|[0-9]++(?:[.,][0-9]++)?)"
    r"(?:[ \t]*+(?P<mult>ngàn|nghìn|triệu)(?!\w))?"
    r"(?P<pct>[ \t]?%)?"
    r"(?P<frac>[ \t]*+/[ \t]*+[0-9][0-9.]*+(?![0-9]|/))?",
    re.IGNORECASE,
)
_MULT = {"ngàn": Decimal(1000), "nghìn": Decimal(1000), "triệu": Decimal(1_000_000)}
# Words before a number that make it no figure: dates, numbers of documents, levels, times.
_NOT_BEFORE = re.compile(
    r"(?:ngày|tháng|năm|quý|(?<!tổng )số|số:|mức độ|mức|tiêu chí|khóa|khoá|kỳ họp|phiên|lần thứ|"
    r"nhiệm kỳ|giai đoạn|điều|khoản|điểm|chương|mục|top|nhóm|phụ lục|lúc|vào|đợt|=|\+|-|"
    r"tổng đài|đường dây nóng|điện thoại|hotline|đầu số)"
    r"[ \t]*+$",
    re.IGNORECASE,
)
_NOT_AFTER = re.compile(r"(?:[ \t]*+(?:/[A-ZĐa-z0-9]|tháng|giờ|h[0-9]|:[0-9]|-[0-9]|[-+*][ \t]))")
_QUALIFIER = re.compile(r"(?:^|(?<=\W))(hơn|trên|gần|khoảng)[ \t]++$", re.IGNORECASE)
_QUALIFIERS = {q.value: q for q in Qualifier}
# A comparison: "tăng 34% so với", "giảm 142 HS so với", "bằng 205,6% số hồ sơ", "cao hơn 0.66%".
_CHANGE_BEFORE = re.compile(
    r"(?:tăng|giảm|cao hơn|thấp hơn|bằng|vượt|tăng từ|giảm từ|giảm tới|tăng lên|so với)"
    r"(?:[ \t]++(?:tới|thêm|khoảng|gần|trên|hơn))?[ \t]*+$",
    re.IGNORECASE,
)
_CHANGE_AFTER = re.compile(r"^[^;.()]{0,30}?so(?:[ \t]++với|[ \t]++cùng[ \t]++kỳ)", re.IGNORECASE)
_STILL = re.compile(r"(?:xuống[ \t]++còn|lên)[ \t]*+$", re.IGNORECASE)

# --- clauses and context ---------------------------------------------------------------------

_CLAUSE_END = re.compile(r"(?<![0-9])[.;!?](?=[ \t]|$)|(?<=[0-9])[.;](?=[ \t]|$)|;")

_LEVEL = re.compile(
    r"(?:^|[ \t,(])(?<!đơn vị )(?<!cơ quan )(?:(?:ở|với|tại|đối[ \t]++với)[ \t]++)?"
    r"(?:các[ \t]++sở,?[ \t]++ban,?[ \t]++ngành[ \t]++)?cấp[ \t]++(?P<level>tỉnh|huyện|xã)\b"
    r"|(?:của|tại)[ \t]++(?:UBND|Ủy[ \t]++ban[ \t]++nhân[ \t]++dân)[ \t]++(?:các[ \t]++)?"
    r"(?P<level2>huyện|xã)\b",
    re.IGNORECASE,
)
_HEAD_END = re.compile(
    r"(?<![\w/.,])[0-9][0-9.,]*+[ \t]*+(?:ngàn|nghìn|triệu)?[ \t]*+(?:%|hồ[ \t]++sơ|HS\b|bộ\b|"
    r"lượt|phản[ \t]++ánh|thủ[ \t]++tục|TTHC)",
    re.IGNORECASE,
)
_LEVEL_PLURAL = re.compile(
    r"(?:^|[ \t,(])(?:[0-9]++[ \t]++|các[ \t]++)(?P<what>huyện|xã)[ \t]*+,[ \t]*+"
    r"(?:thành[ \t]++phố|phường|thị[ \t]++xã)",
    re.IGNORECASE,
)
_AGENCY = re.compile(
    r"(?P<name>(?:Trung[ \t]++tâm[ \t]++(?:Phục[ \t]++vụ[ \t]++)?[Hh]ành[ \t]++chính[ \t]++"
    r"công(?:[ \t]++tỉnh)?)|Tổng[ \t]++đài[^,\n]{0,40}?1022|Văn[ \t]++phòng[ \t]++Đăng[ \t]++ký"
    r"[ \t]++đất[ \t]++đai)",
)
_WHOLE = re.compile(
    r"(?:^|[ \t,])(?:toàn[ \t]++(?:tỉnh|huyện|thành[ \t]++phố|xã)|cả[ \t]++nước)\b", re.IGNORECASE
)
# "Công an tỉnh 3,8 ngàn HS, Sở Công Thương 1,7 ngàn HS": an agency named right before a count.
_LISTED_AGENCY = re.compile(
    r"(?:^|[,:;][ \t]*+|là[ \t]*+:?[ \t]*+)(?P<name>(?:Sở|Ban|Công[ \t]++an|Văn[ \t]++phòng|"
    r"Bảo[ \t]++hiểm|Cục|Chi[ \t]++cục)(?:[ \t]++[^\W\d_][\w]*+){1,8})[ \t]*+$"
)
_LISTED_SUBUNIT = re.compile(
    r"(?P<name>(?:[Hh]uyện|[Tt]hị[ \t]++xã|[Tt]hành[ \t]++phố|[Xx]ã|[Pp]hường|[Tt]hị[ \t]++trấn)"
    r"(?:[ \t]++[A-ZĐÂĂÊÔƠƯ][\w]*+){1,4})",
)


@attrs.frozen
class _Term:
    name: str
    pattern: re.Pattern[str]


def _terms(*pairs: tuple[str, str]) -> list[_Term]:
    """Terms from readable patterns: a literal space means one or more spaces or tabs."""
    return [_Term(n, re.compile(_spaced(p), re.IGNORECASE)) for n, p in pairs]


def _spaced(pattern: str) -> str:
    """``pattern`` with each literal space made "one or more spaces or tabs" (an optional
    ``[ \t]*+`` is kept as written)."""
    optional = r"[ \t]*+"
    return optional.join(part.replace(" ", r"[ \t]++") for part in pattern.split(optional))


# Words before a number (the match ending nearest the number wins; on a tie, the longest).
_LEFT = _terms(
    (
        "dossiers_late",
        r"chậm hạn và (?:hồ sơ )?quá hạn[^0-9;]{0,40}",
    ),
    (
        "dossiers_in_progress_overdue",
        r"quá hạn(?: giải quyết)? (?:nhưng )?chưa có kết quả",
    ),
    (
        "dossiers_to_process",
        r"lũy kế(?: đã và đang giải quyết)?(?: trong kỳ)?",
    ),
    (
        "dossiers_to_process",
        r"(?:tổng số )?hồ sơ (?:phải|cần|yêu cầu) (?:giải quyết|xử lý)"
        r"(?: thủ tục hành chính)?(?: \(TTHC\))?(?: trong kỳ)?(?: của toàn \w+)?",
    ),
    (
        "dossiers_to_process",
        r"tổng số hồ sơ giải quyết(?: trong tháng)?[^0-9;]{0,60}",
    ),
    ("dossiers_to_process", r"cần xử lý"),
    (
        "dossiers_carried_over",
        r"(?:tồn|từ)?[ \t]*+kỳ trước chuyển (?:sang|qua)|tồn kỳ trước",
    ),
    (
        "dossiers_new",
        r"(?:tiếp nhận|nhận) mới(?! trực)|mới tiếp nhận",
    ),
    ("dossiers_direct", r"(?:tiếp nhận )?(?:mới )?trực tiếp"),
    ("dossiers_postal", r"bưu chính(?: công ích)?"),
    ("dossiers_online_full", r"trực tuyến toàn trình"),
    ("dossiers_online_partial", r"trực tuyến một phần"),
    ("dossiers_online", r"trực tuyến"),
    ("dossiers_due", r"đến hạn giải quyết"),
    (
        "dossiers_early_or_on_time",
        r"(?:trước|sớm)(?: hạn)?[ \t]*+(?:và|,|/)[ \t]*+đúng (?:hạn|hẹn)"
        r"|đúng(?: (?:hạn|hẹn))?[ \t]*+(?:và|,|/)[ \t]*+(?:trước|sớm) (?:thời )?(?:hạn|hẹn)",
    ),
    ("dossiers_early", r"(?:trước|sớm) (?:thời )?hạn"),
    ("dossiers_on_time", r"đúng (?:thời )?(?:hạn|hẹn)"),
    (
        "dossiers_in_progress_within",
        r"chưa đến hạn|còn trong (?:thời )?hạn",
    ),
    ("dossiers_late", r"(?:trễ|chậm|quá) (?:hạn|hẹn)"),
    (
        "dossiers_in_progress",
        r"đang (?:trong thời hạn )?(?:giải quyết|xử lý|thụ lý)",
    ),
    ("dossiers_returned", r"trả lại(?: hồ sơ)?|rút hồ sơ"),
    (
        "dossiers_resolved",
        r"(?:đã )?giải quyết(?: và trả kết quả)?(?: được)?|đã xử lý|đã có kết quả",
    ),
    (
        "dossiers_received",
        r"(?:đã )?tiếp nhận(?: tổng cộng)?|đã nhận|tổng số hồ sơ(?: tiếp nhận)?",
    ),
)
# Words right after the count's unit ("4.910 hồ sơ từ kỳ trước chuyển sang").
_RIGHT = _terms(
    ("dossiers_carried_over", r"^(?:từ|của)?[ \t]*+kỳ trước chuyển"),
    ("dossiers_new", r"^(?:được )?(?:tiếp nhận mới|mới tiếp nhận)"),
    (
        "dossiers_in_progress_within",
        r"^(?:chưa đến hạn|còn trong (?:thời )?hạn)",
    ),
    ("dossiers_in_progress_overdue", r"^(?:đã )?quá hạn(?! giải)"),
    ("dossiers_online_level3", r"^(?:nộp )?mức độ 3"),
    ("dossiers_online_level4", r"^(?:nộp )?mức độ 4"),
    ("dossiers_online", r"^(?:nộp )?trực tuyến"),
    ("dossiers_direct", r"^(?:nộp )?trực tiếp"),
    (
        "dossiers_early_or_on_time",
        r"^(?:được )?(?:giải quyết )?(?:đúng và trước|trước và đúng)",
    ),
    ("dossiers_early", r"^(?:được )?(?:giải quyết )?(?:trước|sớm) hạn"),
    ("dossiers_on_time", r"^(?:được )?(?:giải quyết )?đúng (?:hạn|hẹn)"),
    (
        "dossiers_late",
        r"^(?:được )?(?:giải quyết )?(?:quá|trễ|chậm) (?:hạn|hẹn)",
    ),
    (
        "dossiers_in_progress",
        r"^đang (?:trong (?:thời )?hạn )?(?:giải quyết|xử lý)",
    ),
)
_DOSSIER_UNIT = re.compile(
    _spaced(
        r"^[ \t]*+(?:bộ )?(?:hồ sơ|HS)(?: (?:TTHC|các loại|hành chính))?(?!\w)|^[ \t]*+bộ(?!\w)"
    ),
    re.IGNORECASE,
)
_OTHER_UNIT = re.compile(
    r"^[ \t]*+(?:cơ[ \t]++quan|đơn[ \t]++vị|người|cán[ \t]++bộ|công[ \t]++chức|trung[ \t]++tâm|"
    r"địa[ \t]++phương|huyện|xã|tỉnh|phường|quyết[ \t]++định|văn[ \t]++bản|kế[ \t]++hoạch|"
    r"máy|năm|tháng|ngày|bậc|lần|nhiệm[ \t]++vụ|cuộc|buổi|tin|bài|điểm|sở|ban|chỉ[ \t]++tiêu|"
    r"lĩnh[ \t]++vực|dịch[ \t]++vụ|mô[ \t]++hình|phiếu|kết[ \t]++quả)(?!\w)",
    re.IGNORECASE,
)
_FEEDBACK_UNIT = re.compile(
    r"^[ \t]*+(?:lượt|trường[ \t]++hợp[ \t]++phản[ \t]++ánh|phản[ \t]++ánh|kiến[ \t]++nghị|PAKN)",
    re.IGNORECASE,
)
_PROCEDURE_UNIT = re.compile(
    r"^[ \t]*+(?:thủ[ \t]++tục(?:[ \t]++hành[ \t]++chính)?|TTHC)(?!\w)", re.IGNORECASE
)
_FEEDBACK_WORD = re.compile(
    r"phản[ \t]++ánh|kiến[ \t]++nghị|PAKN|tổng[ \t]++đài|1022", re.IGNORECASE
)
_INDEX_WORD = re.compile(r"chỉ[ \t]++số|PAR[ \t]*+INDEX|SIPAS", re.IGNORECASE)
_SIPAS = re.compile(r"SIPAS|hài[ \t]++lòng", re.IGNORECASE)
_RANK = re.compile(
    r"(?:vị[ \t]++trí|xếp(?:[ \t]++hạng)?|đứng)(?:[ \t]++(?:ở|vị[ \t]++trí|thứ|hạng))*+"
    r"[ \t]++(?:thứ[ \t]++)?$",
    re.IGNORECASE,
)
_RANK_WORD = re.compile(
    r"(?:vị[ \t]++trí|xếp[ \t]++hạng|xếp)(?:[ \t]++(?:vị[ \t]++trí|thứ|hạng))*+[ \t]++"
    r"(?:thứ[ \t]++)?(?P<n>nhất|nhì|ba|tư|năm)\b",
    re.IGNORECASE,
)
_RANK_WORDS = {"nhất": 1, "nhì": 2, "ba": 3, "tư": 4, "năm": 5}
_GROUP_BEFORE = re.compile(
    r"(?P<name>khối[ \t]++\w+)[ \t]++(?:đạt|là|chiếm)?[ \t]*+$", re.IGNORECASE
)
_ZERO = re.compile(
    r"không[ \t]++có[ \t]++(?:hồ[ \t]++sơ|trường[ \t]++hợp)(?:[ \t]++nào)?[^.;\n0-9]{0,30}?"
    r"(?:trễ|chậm|quá)[ \t]++(?:hạn|hẹn)",
    re.IGNORECASE,
)
_PERIOD_AFTER = re.compile(r"^[ \t]*+\)?[ \t]*+(?:trong|của|năm)[ \t]++", re.IGNORECASE)
_RATE_LINK = re.compile(
    r"^[ \t]*+(?:hồ[ \t]++sơ|HS|bộ)?[^0-9;]{0,12}?(?:\([ \t]*+|,[ \t]*+)?(?:(?:đạt|chiếm)[ \t]++)?"
    r"(?:tỷ[ \t]++lệ|tỉ[ \t]++lệ)?[ \t]*+(?:là|đạt)?[ \t]*+:?[ \t]*+$",
    re.IGNORECASE,
)


def _nearest(terms: Sequence[_Term], text: str) -> str | None:
    """The name of the term whose match ends nearest the end of ``text`` (longest on a tie)."""
    best: tuple[int, int, str] | None = None
    for term in terms:
        for m in term.pattern.finditer(text):
            key = (m.end(), -m.start(), term.name)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best is not None else None


def _first_right(text: str) -> str | None:
    for term in _RIGHT:
        if term.pattern.match(text):
            return term.name
    return None


def _value(num: str, mult: str | None, pct: bool) -> tuple[Decimal, bool] | None:
    """The value of a number token and whether it is approximate; None for no count."""
    if pct:
        return Decimal(num.replace(",", ".")), False
    if mult:
        # "10,18 ngàn" is 10.180 to the nearest ten; a count is whole ("1,2345 ngàn": 1.234).
        value = Decimal(num.replace(".", "").replace(",", ".")) * _MULT[mult.casefold()]
        return value.to_integral_value(), True
    if "," in num:
        return None  # "1,5" is no count
    if "." in num and not re.fullmatch(r"[0-9]{1,3}(?:\.[0-9]{3})+", num):
        return None
    return Decimal(num.replace(".", "")), False


@attrs.frozen
class _Token:
    start: int
    end: int
    value: Decimal
    pct: bool
    approximate: bool
    qualifier: Qualifier | None
    frac: str | None


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    out: list[_Token] = []
    for m in _NUMBER.finditer(text, start, end):
        before = text[max(start, m.start() - 24) : m.start()]
        if _NOT_BEFORE.search(before) or _NOT_AFTER.match(text, m.end(), min(end, m.end() + 6)):
            continue
        v = _value(m["num"], m["mult"], m["pct"] is not None)
        if v is None and m["frac"] and "," in m["num"]:
            v = Decimal(m["num"].replace(",", ".")), False  # a score: "43,26/60 điểm"
        if v is None:
            continue
        q = _QUALIFIER.search(text, max(start, m.start() - 12), m.start())
        qualifier = _QUALIFIERS[q.group(1).casefold()] if q else None
        qs = q.start() if q else m.start()
        end_at = m.end("pct") if m["pct"] else (m.end("mult") if m["mult"] else m.end("num"))
        if m["frac"] and not m["pct"]:
            end_at = m.end("frac")  # "4.561/5.650 HS": the share read as one
        out.append(_Token(qs, end_at, v[0], m["pct"] is not None, v[1], qualifier, m["frac"]))
    return out


def _clauses(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    for m in _CLAUSE_END.finditer(text, start, end):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if end > pos:
        yield pos, end


def _scope_at(clause: str, unit_words: str) -> Scope | None:
    """The scope a clause opens with (within its first words), if it names one."""
    head = clause[:140]
    first_count = _HEAD_END.search(head)
    if first_count is not None:
        head = head[: first_count.start()]
    if _WHOLE.search(head):
        return Scope()
    if _CHANNEL.search(clause):
        return Scope(ScopeKind.CHANNEL, "Cổng dịch vụ công quốc gia")
    levels = list(_LEVEL.finditer(head))
    if len({(m["level"] or m["level2"]).casefold() for m in levels}) > 1:
        return Scope()  # "cấp huyện, cấp xã" together: the block the text is about
    if levels:
        m = levels[0]
        return Scope(ScopeKind.LEVEL, (m["level"] or m["level2"]).casefold())
    plural = _LEVEL_PLURAL.search(head)
    if plural is not None:
        return Scope(ScopeKind.LEVEL, plural["what"].casefold())
    for m in _AGENCY.finditer(head):
        if re.search(r"(?:theo|của)\b[^,]{0,40}$", head[: m.start()], re.IGNORECASE):
            continue  # "Theo báo cáo của Trung tâm ...": the source, not the subject
        name = " ".join(m["name"].split())
        core = name.casefold().removesuffix(" tỉnh")
        first = " ".join(core.split()[:2])
        if (
            core in unit_words
            or first in unit_words
            or (unit_words and unit_words in name.casefold())
        ):
            return Scope()
        return Scope(ScopeKind.AGENCY, name)
    return None


_CHANNEL = re.compile(
    r"(?:trên|qua)[ \t]++Cổng[ \t]++dịch[ \t]++vụ[ \t]++công[ \t]++quốc[ \t]++gia",
    re.IGNORECASE,
)


def _subject(right: str, left: str, clause: str) -> str | None:
    """dossiers, feedback, procedures, index, or None (a count of something else)."""
    if _DOSSIER_UNIT.match(right):
        return "dossiers"
    if _FEEDBACK_UNIT.match(right):
        return "feedback"
    if _PROCEDURE_UNIT.match(right):
        return "procedures"
    if _OTHER_UNIT.match(right):
        return None
    if _FEEDBACK_WORD.search(left[-60:]) and not re.search(r"hồ[ \t]++sơ", left[-40:]):
        return "feedback"
    if re.search(r"hồ[ \t]++sơ|\bHS\b", clause, re.IGNORECASE):
        return "dossiers"
    if _FEEDBACK_WORD.search(clause):
        return "feedback"
    return None


_FEEDBACK_NAMES = {
    "dossiers_received": "feedback_received",
    "dossiers_new": "feedback_received",
    "dossiers_resolved": "feedback_resolved",
    "dossiers_in_progress": "feedback_in_progress",
}
_PROCEDURE_TERMS = _terms(
    ("procedures_published", r"công bố"),
    ("procedures_online", r"trực tuyến"),
)
_PROCEDURE_RIGHT = _terms(
    ("procedures_new", r"^[ \t]*+(?:TTHC|thủ tục) mới"),
    ("procedures_amended", r"^[ \t]*+(?:TTHC|thủ tục) sửa đổi"),
    ("procedures_abolished", r"^[ \t]*+(?:TTHC|thủ tục) (?:bị )?bãi bỏ"),
)
_LEVEL_AFTER = re.compile(
    r"^[ \t]*+(?:TTHC|thủ[ \t]++tục|hồ[ \t]++sơ)?[ \t]*+cấp[ \t]++(tỉnh|huyện|xã)\b", re.IGNORECASE
)


def _name_for(
    left: str, left_wide: str, right: str, rest: str, clause: str
) -> tuple[str, str] | None:
    """(name, unit) of a count, or None.

    ``left`` runs from the previous number, ``left_wide`` from the clause start, ``right``
    to the next number and ``rest`` to the clause end.
    """
    subject = _subject(right, left, clause)
    if subject is None:
        return None
    if subject == "procedures":
        for term in _PROCEDURE_RIGHT:
            if term.pattern.match(right):
                return term.name, "thủ tục"
        if re.search(r"mức[ \t]++độ[ \t]++3[ \t]++là[ \t]*+$", left):
            return "procedures_online_level3", "thủ tục"
        if re.search(r"mức[ \t]++độ[ \t]++4[ \t]++là[ \t]*+$", left):
            return "procedures_online_level4", "thủ tục"
        if re.search(r"mức[ \t]++độ[ \t]++1,?[ \t]*+2[ \t]++là[ \t]*+$", left):
            return None  # levels 1 and 2 are every procedure: no figure of its own
        name = _nearest(_PROCEDURE_TERMS, left_wide)
        return (name, "thủ tục") if name else None
    unit_m = _DOSSIER_UNIT.match(right) or _FEEDBACK_UNIT.match(right)
    after = right[unit_m.end() :] if unit_m else right
    name = _first_right(after.lstrip(" \t"))
    if name is None:
        name = _nearest(_LEFT, left)
    # "Có 90 hồ sơ (chiếm 2,16%), các cơ quan thụ lý trả lại hồ sơ": the rest of the clause.
    if name is None and re.search(r"trả[ \t]++lại[ \t]++hồ[ \t]++sơ|rút[ \t]++hồ[ \t]++sơ", rest):
        name = "dossiers_returned"
    if name is None:
        return None
    if subject == "feedback":
        fb = _FEEDBACK_NAMES.get(name)
        return (fb, "phản ánh") if fb else None
    return name, "hồ sơ"


_RATE_LEFT = _terms(
    (
        "par_index_score",
        r"chỉ số(?: (?:cải cách hành chính|CCHC|PAR[ \t]*+INDEX))",
    ),
    (
        "dossiers_late_rate",
        r"(?:tỷ|tỉ) lệ (?:hồ sơ )?(?:chậm|trễ|quá)(?: hạn)?",
    ),
    (
        "dossiers_online_full_rate",
        r"(?:tỷ|tỉ) lệ hồ sơ trực tuyến toàn trình",
    ),
    (
        "dossiers_online_rate",
        r"(?:tỷ|tỉ) lệ (?:hồ sơ )?(?:nộp )?trực tuyến",
    ),
    (
        "dossiers_early_or_on_time_rate",
        r"(?:tỷ|tỉ) lệ (?:giải quyết )?(?:hồ sơ )?(?:TTHC )?(?:giải quyết )?"
        r"(?:đúng|trước|sớm)[^0-9;]{0,30}",
    ),
    ("dossiers_early_or_on_time_rate", r"giải quyết đúng (?:hạn|hẹn)"),
    (
        "dossiers_resolved_rate",
        r"(?:tỷ|tỉ) lệ giải quyết(?: hồ sơ)?[^0-9;]{0,40}",
    ),
)


def _rate_name(left: str, previous: tuple[str, str] | None, between: str) -> str | None:
    """The name of a rate: the previous count's rate when the words between link them."""
    if previous is not None and ";" not in between:
        # Words between the count and its rate name another figure: "đã giải quyết 3.654
        # hồ sơ, giải quyết đúng hẹn đạt 100%" is the on-time rate.
        local = _nearest(_LEFT, between)
        if (
            local is not None
            and local != previous[0]
            and _DOSSIER_UNIT.match(between)
            and (re.search(r"[,;]", between))
        ):
            return local + "_rate"
    if previous is not None and _RATE_LINK.match(between):
        return previous[0] + "_rate"
    if _SIPAS.search(left[-80:]) and _INDEX_WORD.search(left[-80:]):
        return "sipas_score"
    name = _nearest(_RATE_LEFT, left[-120:])
    if name is not None:
        return name
    if previous is not None and ";" not in between:
        local = _nearest(_LEFT, between)
        if local is not None:
            return local + "_rate"
    return None


def read_flows(
    text: str,
    regions: Sequence[tuple[int, int]],
    period: StatedPeriod | None,
    default_year: int | None,
    unit_words: str = "",
    headline_end: int = 0,
) -> list[FlowFigure]:
    """The flow, feedback, procedure and index figures of ``text`` within ``regions``.

    Args:
        text: the normalised text.
        regions: ``(start, end)`` stretches to read, each made of whole lines.
        period: the text's own period (figures of it get None as their period).
        default_year: the year of phrases without one ("trong quý I").
        unit_words: the casefolded name of the text's own subject, so that "Trung tâm Phục
            vụ hành chính công tỉnh" is the whole unit in a news item about that centre.
        headline_end: where the headline ends: a headline figure is kept only when the body
            does not state the same figure or the same value.

    Returns:
        Figures in reading order, the first statement of a name, scope and period kept (an
        exact value before a qualified one of the same key).
    """
    out: list[FlowFigure] = []
    for r_start, r_end in regions:
        for p_start, p_end in _paragraphs(text, r_start, r_end):
            state = _State(unit_words=unit_words)
            for c_start, c_end in _clauses(text, p_start, p_end):
                clause = text[c_start:c_end]
                periods = [
                    f
                    for f in find_stated_periods(clause, default_year)
                    if not _CHANGE_BEFORE.search(clause[max(0, f.start - 16) : f.start])
                    and not re.search(
                        r"(?:so với|của|cùng kỳ)[ \t]*+$",
                        clause[max(0, f.start - 12) : f.start],
                        re.IGNORECASE,
                    )
                ]
                first_count = _HEAD_END.search(clause)
                lead = [f for f in periods if first_count is None or f.start < first_count.start()]
                if lead:
                    state.period = _own(lead[0].period, period)
                scope = _scope_at(clause, unit_words)
                if scope is not None:
                    state.scope = scope
                out.extend(_read_clause(text, c_start, c_end, state, period, default_year))
    return _finish(out, headline_end)


@attrs.define
class _State:
    """The context a paragraph carries from clause to clause."""

    period: StatedPeriod | None = None
    scope: Scope = attrs.field(factory=Scope)
    rate_name: str | None = None
    list_name: tuple[str, str] | None = None
    unit_words: str = ""


def _names_the_unit(name: str, unit_words: str) -> bool:
    """Whether "huyện Bắc Trà My" names the unit a text about "Bắc Trà My" is about."""
    proper = " ".join(w for w in name.split() if w[:1].isupper()).casefold()
    return bool(proper) and proper in unit_words


def _own(found: StatedPeriod, own: StatedPeriod | None) -> StatedPeriod | None:
    """None when ``found`` is the text's own period (same standard period or same key)."""
    if own is None:
        return found
    if found.key == own.key:
        return None
    if found.period is not None and found.period == own.period:
        return None
    return found


def _paragraphs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        if text[pos:stop].strip():
            yield pos, stop
        pos = stop + 1


def _read_clause(
    text: str,
    start: int,
    end: int,
    state: _State,
    own: StatedPeriod | None,
    default_year: int | None,
) -> Iterator[FlowFigure]:
    clause = text[start:end]
    zero = _ZERO.search(clause)
    if zero is not None:
        yield FlowFigure(
            "dossiers_late",
            Decimal(0),
            "hồ sơ",
            start + zero.start(),
            start + zero.end(),
            state.scope,
            state.period,
        )
    tokens = _tokens(text, start, end)
    about_index = _INDEX_WORD.search(text, max(0, start - 300), end) is not None
    prev_end = start
    previous: tuple[str, str] | None = None
    for i, tok in enumerate(tokens):
        # Every window is bounded, so that a long clause full of numbers is read in linear
        # time: the words since the previous number, at most 200 characters before the
        # number, 80 after it and 200 to the clause's end.
        left = text[max(prev_end, tok.start - 200) : tok.start]
        left_wide = text[max(start, tok.start - 200) : tok.start]
        next_start = tokens[i + 1].start if i + 1 < len(tokens) else end
        right = text[tok.end : min(next_start, tok.end + 80)]
        rest = text[tok.end : min(end, tok.end + 200)]
        between = left
        prev_end = tok.end
        tok_period = state.period
        after = _PERIOD_AFTER.match(right)
        if after is not None:
            local = find_stated_periods(
                right[: after.end() + 30], own.year if own else default_year
            )
            if local and local[0].start <= after.end() + 1:
                tok_period = _own(local[0].period, own)
        changed = _CHANGE_BEFORE.search(
            text[max(start, tok.start - 20) : tok.start]
        ) and not _STILL.search(text[max(start, tok.start - 12) : tok.start])
        if (changed and after is None) or _CHANGE_AFTER.match(right):
            previous = None
            continue
        tok_scope = state.scope
        level_left = re.search(
            r"cấp[ \t]++(tỉnh|huyện|xã)[ \t]++(?:là[ \t]++)?$", left, re.IGNORECASE
        )
        if level_left is not None:
            tok_scope = Scope(ScopeKind.LEVEL, level_left.group(1).casefold())
        level_after = _LEVEL_AFTER.match(right)
        if level_after is not None and not tok.pct:
            tok_scope = Scope(ScopeKind.LEVEL, level_after.group(1).casefold())
        listed = _LISTED_AGENCY.search(left) if not tok.pct else None
        if listed is not None and (
            state.list_name is not None
            or re.search(r"nhiều|gồm|là|:", left_wide[:160], re.IGNORECASE)
        ):
            tok_scope = Scope(ScopeKind.AGENCY, " ".join(listed["name"].split()))
        if tok.pct:
            subs = list(_LISTED_SUBUNIT.finditer(left_wide[-120:]))
            sub = subs[-1] if subs else None
            group = _GROUP_BEFORE.search(left)
            if sub is not None and not _names_the_unit(sub["name"], state.unit_words):
                tok_scope = Scope(ScopeKind.SUBUNIT, " ".join(sub["name"].split()))
            elif group is not None:
                tok_scope = Scope(ScopeKind.GROUP, " ".join(group["name"].split()))
            name = _rate_name(left_wide, previous, between)
            if name is None and tok_scope.kind in (ScopeKind.SUBUNIT, ScopeKind.GROUP):
                name = state.rate_name
            if name is None:
                continue
            if name.startswith("par_index") and not _INDEX_WORD.search(left_wide):
                continue
            state.rate_name = name
            yield FlowFigure(
                name, tok.value, "%", tok.start, tok.end, tok_scope, tok_period, tok.qualifier
            )
            continue
        numerator = text[tok.start : tok.end].split("/", maxsplit=1)[0]
        score = "," in numerator or re.match(r"[ \t]*+điểm", right) is not None
        if tok.frac is not None and score and about_index and not _RANK.search(left[-30:]):
            # "đạt 83,21/100 điểm", "43,26/60": a score out of its maximum.
            yield FlowFigure(
                "par_index_score", tok.value, "điểm", tok.start, tok.end, tok_scope, tok_period
            )
            maximum = Decimal(tok.frac.strip(" \t/").replace(",", "."))
            yield FlowFigure(
                "par_index_max", maximum, "điểm", tok.start, tok.end, tok_scope, tok_period
            )
            previous = None
            continue
        whole = tok.value == tok.value.to_integral_value()
        if (_RANK.search(left[-30:]) or _RANK_WORD.search(left[-30:])) and about_index and whole:
            yield FlowFigure(
                "par_index_rank", tok.value, "hạng", tok.start, tok.end, tok_scope, tok_period
            )
            if tok.frac:
                total = Decimal(tok.frac.strip(" \t/").replace(".", ""))
                yield FlowFigure(
                    "par_index_rank_total",
                    total,
                    "đơn vị",
                    tok.start,
                    tok.end,
                    tok_scope,
                    tok_period,
                )
            previous = None
            continue
        if not whole:  # "3,5/10" outside an index: no count
            previous = None
            continue
        named = _name_for(left, left_wide, right, rest, clause)
        if named is None and listed is not None and state.list_name is not None:
            named = state.list_name
        if named is None and tok_scope.kind is ScopeKind.AGENCY:
            found = _nearest(_LEFT, left_wide)
            named = (found, "hồ sơ") if found and _DOSSIER_UNIT.match(right) else None
        if named is None:
            previous = None
            continue
        if tok_scope.kind is ScopeKind.AGENCY and listed is not None:
            state.list_name = named
        previous = named
        yield FlowFigure(
            named[0],
            tok.value,
            named[1],
            tok.start,
            tok.end,
            tok_scope,
            tok_period,
            tok.qualifier,
            tok.approximate,
        )
    for m in _RANK_WORD.finditer(clause):
        if about_index:
            yield FlowFigure(
                "par_index_rank",
                Decimal(_RANK_WORDS[m["n"].casefold()]),
                "hạng",
                start + m.start("n"),
                start + m.end("n"),
                state.scope,
                state.period,
            )


def _finish(figures: list[FlowFigure], headline_end: int) -> list[FlowFigure]:
    """Headline figures the body restates dropped; a lone "đúng hạn" count read as the
    early-or-on-time count (as the standard reading does, QĐ 766/QĐ-TTg indicator 2.1) and
    a lone "trong hạn" count as the dossiers in progress, per scope and period."""
    body = [f for f in figures if f.start >= headline_end]
    keys = {(f.name, f.scope.key, f.period.key if f.period else "") for f in body}
    values = {(f.name.split("_")[0], f.unit == "%", f.value) for f in body}
    kept = [
        f
        for f in figures
        if f.start >= headline_end
        or (
            (f.name, f.scope.key, f.period.key if f.period else "") not in keys
            and (f.name.split("_")[0], f.unit == "%", f.value) not in values
        )
    ]
    groups: dict[tuple[str, str], set[str]] = {}
    for f in kept:
        groups.setdefault((f.scope.key, f.period.key if f.period else ""), set()).add(f.name)
    out: list[FlowFigure] = []
    for f in kept:
        names = groups[(f.scope.key, f.period.key if f.period else "")]
        name = f.name
        base = name.removesuffix("_rate")
        if base == "dossiers_on_time" and not names & {"dossiers_early", "dossiers_early_rate"}:
            name = name.replace("dossiers_on_time", "dossiers_early_or_on_time")
        elif base == "dossiers_early" and not names & {
            "dossiers_on_time",
            "dossiers_on_time_rate",
        }:
            name = name.replace("dossiers_early", "dossiers_early_or_on_time")
        elif base == "dossiers_in_progress_within" and not names & {
            "dossiers_in_progress",
            "dossiers_in_progress_overdue",
        }:
            name = name.replace("dossiers_in_progress_within", "dossiers_in_progress")
        out.append(attrs.evolve(f, name=name) if name != f.name else f)
    return _dedupe(out)


def _dedupe(figures: Sequence[FlowFigure]) -> list[FlowFigure]:
    """The first of each (name, scope, period), an exact value winning over a qualified or
    approximate one stated earlier (a headline's "trên 8,9 ngàn" before the body's count)."""
    best: dict[tuple[str, str, str], FlowFigure] = {}
    for f in figures:
        key = (f.name, f.scope.key, f.period.key if f.period else "")
        old = best.get(key)
        if old is None or (
            (old.qualifier is not None or old.approximate)
            and f.qualifier is None
            and (not f.approximate)
        ):
            best[key] = f
    return sorted(best.values(), key=lambda f: f.start)


# --- tables ----------------------------------------------------------------------------------

# Column headings of the one-stop statistics pages (Cổng dịch vụ công of a province: "Mức độ
# Tổng Đã xử lý Chưa xử lý Trước hạn Đúng hạn Trễ hạn"), in the words the portals use.
_COLUMNS = re.compile(
    _spaced(
        r"(?P<dossiers_received>tổng(?! %)(?: số)?|tiếp nhận)"
        r"|(?P<dossiers_resolved>đã (?:xử lý|giải quyết))"
        r"|(?P<dossiers_in_progress>chưa xử lý|đang (?:xử lý|giải quyết))"
        r"|(?P<dossiers_early>trước hạn|sớm hạn)"
        r"|(?P<dossiers_on_time>đúng hạn)"
        r"|(?P<dossiers_late>trễ hạn|quá hạn)"
        r"|(?P<dossiers_carried_over>tồn kỳ trước)"
    ),
    re.IGNORECASE,
)
_CELL = re.compile(r"(?<![\w.,])([0-9][0-9.]*+(?:,[0-9]++)?)([ \t]?%)?(?![\w])")


def _row_scope(label: str) -> Scope:
    """A row's scope: "Cấp huyện" a level, "Tổng cộng" / "Toàn tỉnh" the whole unit, any
    other label a group."""
    folded = " ".join(label.casefold().split())
    level = re.fullmatch(r"(?:cấp )?(tỉnh|huyện|xã)", folded)
    if level is not None:
        return Scope(ScopeKind.LEVEL, level.group(1))
    if re.fullmatch(r"tổng(?: cộng| số)?|toàn (?:tỉnh|huyện|xã|thành phố)|cộng", folded):
        return Scope()
    return Scope(ScopeKind.GROUP, label)


def read_table(
    text: str, regions: Sequence[tuple[int, int]], period: StatedPeriod | None
) -> list[FlowFigure]:
    """The rows of a statistics table written as text lines: a heading line naming at least
    three columns, then rows "LABEL n n n% n n% ...", each count under its column and each
    rate after the count it is a share of. Every row is a group scope named by its label."""
    out: list[FlowFigure] = []
    columns: list[str] = []
    for start, end in regions:
        line = text[start:end]
        heading = [m.lastgroup for m in _COLUMNS.finditer(line) if m.lastgroup]
        if len(set(heading)) >= 3 and not _CELL.search(line):
            columns = list(dict.fromkeys(heading))
            continue
        if not columns:
            continue
        cells = list(_CELL.finditer(line))
        counts = [c for c in cells if not c.group(2)]
        if len(counts) < len(columns):
            if cells:
                columns = []  # the table has ended
            continue
        # The row's numbers are its last cells holding as many counts as there are columns.
        taken: list[re.Match[str]] = []
        seen = 0
        for cell in reversed(cells):
            if not cell.group(2):
                if seen == len(columns):
                    break
                seen += 1
            taken.append(cell)
        taken.reverse()
        label = " ".join(line[: taken[0].start()].split()).strip(" |:")
        if not label:
            continue
        scope = _row_scope(label)
        column = -1
        for cell in taken:
            if cell.group(2):
                if column < 0:
                    continue
                name = columns[column] + "_rate"
                value = Decimal(cell.group(1).replace(".", "").replace(",", "."))
                unit = "%"
            else:
                column += 1
                name = columns[column]
                if "," in cell.group(1):
                    break
                value = Decimal(cell.group(1).replace(".", ""))
                unit = "hồ sơ"
            out.append(
                FlowFigure(name, value, unit, start + cell.start(), start + cell.end(), scope, None)
            )
    return out


def merge_flows(flows: Sequence[FlowFigure], table: Sequence[FlowFigure]) -> list[FlowFigure]:
    """The figures of a text's sentences and of its tables together: a sentence figure read
    from a table row's numbers gives way to the row's, and each name, scope and period is
    kept once (the first exact statement)."""
    taken = [(f.start, f.end) for f in table]
    kept = [f for f in flows if not any(a < f.end and f.start < b for a, b in taken)]
    return _dedupe([*kept, *table])
