"""Rules as the sentences official tables print, and those sentences read back into rules.

:func:`render_rule` writes the Vietnamese sentence an official table would print (or an
English gloss); :func:`parse_rule` reads the common phrasings back:

* bands: "Hoàn thành 100% kế hoạch: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%:
  0 điểm", "Trên 90%: 2 điểm; từ 70% – 90%: 1 điểm; dưới 70%: 0 điểm", "Từ 6 buổi trở lên:
  2 điểm; từ 3 đến dưới 6 buổi: 1 điểm; dưới 3 buổi: 0 điểm" (docs/sources.md: "từ X% trở lên"
  is ≥ X, "từ X% đến dưới Y%" is X ≤ v < Y, "dưới X%" is < X; "70–90%" includes both ends,
  as in the Cà Mau 1880/QĐ-UBND 2013 table "> 90 % → 2; 70–90 % → 1; < 70 % → 0");
* categories: "Ban hành đúng thời gian: 1 điểm; ban hành chậm: 0,5 điểm; không ban hành:
  0 điểm" (Cà Mau 1880/QĐ-UBND 2013, 1.1.1);
* boolean: "Đạt: 1 điểm; không đạt: 0 điểm", "Có: 1 điểm; không: 0 điểm", any "X" / "không X";
* proportional: "Điểm = tỷ lệ đạt được × điểm tối đa";
* threshold (QĐ 766/QĐ-TTg curve): "Từ 80% trở lên: điểm tối đa; dưới 80%: điểm = tỷ lệ /
  80% × điểm tối đa";
* survey: "Điểm = (điểm khảo sát trung bình - 1) / (5 - 1) × điểm tối đa";
* manual: "Điểm do cơ quan thẩm định chấm, từ 0 đến điểm tối đa";
* per count: "Mỗi sáng kiến: 0,5 điểm" (also "Trừ 0,5 điểm cho mỗi báo cáo chậm").

Rendering then parsing gives the same rule back, and a parsed table renders to the same text
(the wording of a band is kept when it is not the canonical one). Text that cannot be read
raises :class:`InvalidRuleText` quoting the fragment in the way.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from decimal import Decimal
from typing import Final

import attrs

from par_index.core.lang import Lang, format_number
from par_index.exceptions import Problem
from par_index.frameworks.rules import (
    Band,
    BandsRule,
    BooleanRule,
    CategoricalRule,
    Choice,
    InvalidRule,
    ManualRule,
    PerCountRule,
    ProportionalRule,
    Rule,
    Scale,
    SurveyRule,
    ThresholdRule,
)

__all__ = [
    "InvalidRuleText",
    "describe_band",
    "describe_choice",
    "format_percent",
    "format_points",
    "parse_rule",
    "render_rule",
]

_HUNDRED: Final = Decimal(100)


class InvalidRuleText(InvalidRule):
    """A rule sentence (câu quy tắc chấm điểm) that cannot be read; it quotes the fragment."""

    term = "câu quy tắc chấm điểm"
    what = "rule text"


# --------------------------------------------------------------------------- numbers


def _plain(d: Decimal) -> Decimal:
    """``d`` without trailing zeros or an exponent (0.50 → 0.5, 1E+2 → 100)."""
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d.normalize()


def format_points(points: Decimal, lang: Lang = "vi") -> str:
    """``0,5 điểm`` / ``0.5 points`` (``1 point``)."""
    text = format_number(_plain(points), lang)
    if lang == "vi":
        return f"{text} điểm"
    return f"{text} point" + ("" if points == 1 else "s")


def format_percent(rate: Decimal, lang: Lang = "vi") -> str:
    """A fraction as a percentage: ``Decimal("0.9683")`` → ``96,83%``."""
    return format_number(_plain(rate * _HUNDRED), lang) + "%"


def _value(v: Decimal, scale: Scale, lang: Lang) -> str:
    return format_percent(v, lang) if scale is Scale.PERCENT else format_number(_plain(v), lang)


# --------------------------------------------------------------------------- rendering


def _canonical_condition(b: Band, scale: Scale, unit: str, lang: Lang) -> str:
    u = f" {unit}" if unit else ""
    lo = None if b.lower is None else _value(b.lower, scale, lang)
    hi = None if b.upper is None else _value(b.upper, scale, lang)
    if lang == "en":
        if lo is None and hi is None:
            return "any value"
        if hi is None:
            return f"at least {lo}{u}" if b.lower_inclusive else f"above {lo}{u}"
        if lo is None:
            return f"at most {hi}{u}" if b.upper_inclusive else f"below {hi}{u}"
        if b.lower == b.upper:
            return f"exactly {lo}{u}"
        first = lo if b.lower_inclusive else f"above {lo}"
        second = hi if b.upper_inclusive else f"below {hi}"
        return f"{first} to {second}{u}"
    if lo is None and hi is None:
        return "mọi giá trị"
    if hi is None:
        return f"từ {lo}{u} trở lên" if b.lower_inclusive else f"trên {lo}{u}"
    if lo is None:
        return f"từ {hi}{u} trở xuống" if b.upper_inclusive else f"dưới {hi}{u}"
    if b.lower == b.upper:
        return f"{lo}{u}"
    first = f"từ {lo}" if b.lower_inclusive else f"trên {lo}"
    second = hi if b.upper_inclusive else f"dưới {hi}"
    return f"{first} đến {second}{u}"


def describe_band(rule: BandsRule, index: int, lang: Lang = "vi") -> str:
    """The condition of band ``index`` as the table words it (Vietnamese) or in English."""
    b = rule.bands[index]
    if lang == "vi" and b.wording:
        return b.wording
    return _canonical_condition(b, rule.scale, rule.unit, lang)


_CATEGORY_EN: Final = {"on_time": "on time", "late": "late", "not_done": "not done"}


def describe_choice(rule: CategoricalRule | BooleanRule, index: int, lang: Lang = "vi") -> str:
    """The words of choice ``index`` (for a boolean rule 0 is "met", 1 "not met")."""
    if isinstance(rule, BooleanRule):
        if lang == "en":
            return "met" if index == 0 else "not met"
        return rule.true_label if index == 0 else rule.false_label
    ch = rule.choices[index]
    if lang == "en":
        return _CATEGORY_EN.get(ch.category, ch.category.replace("_", " "))
    return ch.label


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _clauses(pairs: list[tuple[str, Decimal]], lang: Lang) -> str:
    return _capitalise("; ".join(f"{cond}: {format_points(p, lang)}" for cond, p in pairs))


def render_rule(rule: Rule, lang: Lang = "vi") -> str:
    """The sentence an official table prints for ``rule`` (Vietnamese), or an English gloss.

    Examples: "Hoàn thành 100% kế hoạch: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%:
    0 điểm"; "Đạt: 1 điểm; không đạt: 0 điểm".
    """
    if isinstance(rule, BandsRule):
        return _clauses(
            [(describe_band(rule, i, lang), b.points) for i, b in enumerate(rule.bands)], lang
        )
    if isinstance(rule, CategoricalRule):
        return _clauses(
            [(describe_choice(rule, i, lang), ch.points) for i, ch in enumerate(rule.choices)],
            lang,
        )
    if isinstance(rule, BooleanRule):
        return _clauses(
            [
                (describe_choice(rule, 0, lang), rule.true_points),
                (describe_choice(rule, 1, lang), rule.false_points),
            ],
            lang,
        )
    if isinstance(rule, ProportionalRule):
        if lang == "en":
            return "Points = rate achieved × maximum points"
        return "Điểm = tỷ lệ đạt được × điểm tối đa"
    if isinstance(rule, ThresholdRule):
        t = format_percent(rule.threshold, lang)
        if lang == "en":
            return f"At least {t}: maximum points; below {t}: points = rate / {t} × maximum points"
        return f"Từ {t} trở lên: điểm tối đa; dưới {t}: điểm = tỷ lệ / {t} × điểm tối đa"
    if isinstance(rule, SurveyRule):
        lo = format_number(_plain(rule.low), lang)
        hi = format_number(_plain(rule.high), lang)
        if lang == "en":
            if rule.low == 0:
                return f"Points = mean survey score / {hi} × maximum points"
            return f"Points = (mean survey score - {lo}) / ({hi} - {lo}) × maximum points"
        if rule.low == 0:
            return f"Điểm = điểm khảo sát trung bình / {hi} × điểm tối đa"
        return f"Điểm = (điểm khảo sát trung bình - {lo}) / ({hi} - {lo}) × điểm tối đa"
    if isinstance(rule, ManualRule):
        if lang == "en":
            return "Points given by the appraiser, from 0 to the maximum"
        return "Điểm do cơ quan thẩm định chấm, từ 0 đến điểm tối đa"
    if lang == "en":
        return f"Each {rule.unit}: {format_points(rule.points_each, lang)}"
    return f"Mỗi {rule.unit}: {format_points(rule.points_each, lang)}"


# --------------------------------------------------------------------------- parsing

_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−", "-"))
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_NUM = r"\d+(?:[.,]\d+)*"
_NUM_RE = re.compile(rf"({_NUM})\s*(%?)")
_POINTS_RE = re.compile(rf"({_NUM})\s*điểm")
_TIMES = r"\s*[×x*]\s*"


def _tidy(text: str) -> str:
    """NFC, one space for any run of spaces, no surrounding spaces or final full stop."""
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return text[:-1].rstrip() if text.endswith(".") else text


def _fold(text: str) -> str:
    """Lower case, ASCII hyphen for every dash: the form the patterns match."""
    return text.lower().translate(_DASHES)


def _number(text: str) -> Decimal:
    """A Vietnamese number: ``96,83`` → 96.83, ``1.000`` → 1000, ``0.5`` → 0.5."""
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        text = text.replace(".", "")
    return Decimal(text)


def _fail(fragment: str, expected: str, code: str = "unreadable-rule") -> InvalidRuleText:
    return InvalidRuleText([Problem("text", code, expected, repr(fragment))])


_PROPORTIONAL = re.compile(
    rf"điểm(?: đạt được)? = (?:tỷ lệ(?: đạt được| %| \(%\))?{_TIMES}điểm tối đa|"
    rf"điểm tối đa{_TIMES}tỷ lệ(?: đạt được| %| \(%\))?)"
)
_THRESHOLD = re.compile(
    rf"(?:đạt )?từ ({_NUM}) ?% trở lên: (?:đạt )?điểm tối đa; dưới ({_NUM}) ?%: "
    rf"điểm = tỷ lệ(?: đạt được)? ?/ ?({_NUM}) ?%{_TIMES}điểm tối đa"
)
_SURVEY0 = re.compile(rf"điểm = điểm khảo sát trung bình ?/ ?({_NUM}){_TIMES}điểm tối đa")
_SURVEY = re.compile(
    rf"điểm = \(điểm khảo sát trung bình ?- ?({_NUM})\) ?/ ?\(({_NUM}) ?- ?({_NUM})\)"
    rf"{_TIMES}điểm tối đa"
)
_MANUAL = re.compile(
    r"điểm do (?:cơ quan |đơn vị |hội đồng |người )?thẩm định (?:chấm|đánh giá)"
    r"(?:,? từ 0 đến điểm tối đa)?"
)
_PER_COUNT = re.compile(
    rf"(?:cộng |trừ |thưởng )?({_NUM}) điểm (?:cho )?mỗi ([^:;,]+?)(?:,? tối đa {_NUM} điểm)?"
)


def _special(folded: str, tidy: str) -> Rule | None:
    """The whole-sentence forms: proportional, threshold, survey, manual, per count."""
    if _PROPORTIONAL.fullmatch(folded):
        return ProportionalRule()
    m = _THRESHOLD.fullmatch(folded)
    if m:
        values = {_number(g) for g in m.groups()}
        if len(values) != 1:
            raise _fail(tidy, "the same threshold in every part of the sentence")
        return ThresholdRule(values.pop() / _HUNDRED)
    m = _SURVEY0.fullmatch(folded)
    if m:
        return SurveyRule(Decimal(0), _number(m.group(1)))
    m = _SURVEY.fullmatch(folded)
    if m:
        low, high, low2 = (_number(g) for g in m.groups())
        if low != low2:
            raise _fail(tidy, "the same bottom of the scale twice in the formula")
        return SurveyRule(low, high)
    if _MANUAL.fullmatch(folded):
        return ManualRule()
    m = _PER_COUNT.fullmatch(folded)
    if m:
        start = m.start(2)
        return PerCountRule(_number(m.group(1)), tidy[start : m.end(2)])
    return None


# Categories of the timeliness table, tested in this order (a "không đúng hạn" is late,
# not on time).
_CATEGORY_WORDS: Final = (
    (
        "late",
        (
            "không đúng thời gian",
            "không đúng hạn",
            "không kịp thời",
            "không đúng tiến độ",
            "chậm",
            "muộn",
            "quá hạn",
            "trễ",
            "sau thời hạn",
        ),
    ),
    (
        "not_done",
        (
            "không ban hành",
            "chưa ban hành",
            "không thực hiện",
            "chưa thực hiện",
            "không gửi",
            "chưa gửi",
            "không tổ chức",
            "chưa tổ chức",
            "không hoàn thành",
            "chưa hoàn thành",
            "không có",
        ),
    ),
    ("on_time", ("đúng thời gian", "đúng hạn", "kịp thời", "trước hạn", "đúng tiến độ")),
)


def _category(label: str) -> str | None:
    folded = _fold(label)
    for category, words in _CATEGORY_WORDS:
        if any(w in folded for w in words):
            return category
    return None


def _is_negation(yes: str, no: str) -> bool:
    yes, no = _fold(yes), _fold(no)
    if (yes, no) in {("có", "không"), ("có", "không có"), ("đạt", "chưa đạt")}:
        return True
    for neg in ("không ", "chưa "):
        at = no.find(neg)
        if at >= 0 and no[:at] + no[at + len(neg) :] == yes:
            return True
    return False


_ABOVE_INCL: Final = ("trở lên", "≥", ">=", "tối thiểu", "ít nhất", "không dưới", "không thấp hơn")
_BELOW_INCL: Final = (
    "trở xuống",
    "≤",
    "<=",
    "tối đa",
    "không quá",
    "không vượt quá",
    "không cao hơn",
)
_ABOVE_EXCL: Final = ("trên", "hơn", ">", "vượt")
_BELOW_EXCL: Final = ("dưới", "<", "thấp hơn", "ít hơn", "nhỏ hơn", "chưa đạt")
_UNIT_TAIL = re.compile(r"\s*(?:trở lên|trở xuống)\s*$", re.IGNORECASE)


def _has(folded: str, words: tuple[str, ...]) -> bool:
    return any(w in folded for w in words)


@attrs.frozen
class _Read:
    """What a band condition says: its numbers, whether they are percentages, which side
    a single number bounds, the inclusiveness of each bound and the unit word."""

    numbers: tuple[Decimal, ...]
    percent: bool
    side: str  # "range", "lower", "upper" or "exact"
    inclusive: tuple[bool, bool]  # (lower, upper)
    unit: str


_INCL_BOTH: Final = (True, True)
_INCL_LOWER: Final = (True, False)
_INCL_NONE: Final = (False, False)


def _read_condition(cond: str) -> _Read | None:
    """What ``cond`` says, or None when it names no number or more than two."""
    folded = _fold(cond)
    found = list(_NUM_RE.finditer(folded))
    if not found or len(found) > 2:
        return None
    numbers = tuple(_number(m.group(1)) for m in found)
    percent = any(m.group(2) for m in found)
    # The unit is the words after the last number ("từ 6 buổi trở lên" → "buổi").
    source = cond if len(cond) == len(folded) else folded
    unit = "" if percent else _UNIT_TAIL.sub("", source[found[-1].end() :]).strip()
    if len(found) == 2:
        before = folded[: found[0].start()]
        between = folded[found[0].end() : found[1].start()]
        lower_incl = not _has(before, ("trên", "hơn", ">"))
        upper_incl = not _has(between, ("dưới", "<"))
        return _Read(numbers, percent, "range", (lower_incl, upper_incl), unit)
    # One number: the keyword says which side it bounds (most specific words first).
    if _has(folded, _ABOVE_INCL):
        return _Read(numbers, percent, "lower", _INCL_LOWER, unit)
    if _has(folded, _BELOW_INCL):
        return _Read(numbers, percent, "upper", _INCL_BOTH, unit)
    if _has(folded, _BELOW_EXCL):
        return _Read(numbers, percent, "upper", _INCL_LOWER, unit)
    if _has(folded, _ABOVE_EXCL):
        return _Read(numbers, percent, "lower", _INCL_NONE, unit)
    return _Read(numbers, percent, "exact", _INCL_BOTH, unit)


def _bands(clauses: list[tuple[str, str, Decimal]]) -> BandsRule:
    read: list[_Read] = []
    for original, cond, _ in clauses:
        got = _read_condition(cond)
        if got is None:
            raise _fail(
                original,
                "a condition such as 'từ 80% đến dưới 100%', 'dưới 80%', 'từ 5 buổi trở lên', "
                "'đạt', 'ban hành đúng thời gian'",
            )
        read.append(got)
    percent = any(r.percent for r in read)
    scale = Scale.PERCENT if percent else Scale.VALUE
    units = Counter(r.unit for r in read if r.unit)
    unit = "" if percent or not units else units.most_common(1)[0][0]
    bands: list[Band] = []
    try:
        for (_, cond, points), r in zip(clauses, read, strict=True):
            values = [n / _HUNDRED if percent else n for n in r.numbers]
            lo_in, hi_in = r.inclusive
            if r.side == "range":
                band = Band(points, values[0], values[1], lo_in, hi_in)
            elif r.side == "lower":
                band = Band(points, values[0], None, lower_inclusive=lo_in)
            elif r.side == "upper":
                band = Band(points, None, values[0], upper_inclusive=hi_in)
            else:
                band = Band(points, values[0], values[0], upper_inclusive=True)
            if _canonical_condition(band, scale, unit, "vi") != cond:
                band = attrs.evolve(band, wording=cond)
            bands.append(band)
        return BandsRule(tuple(bands), scale, unit)
    except InvalidRule as error:
        problems = []
        for p in error.problems:
            m = re.match(r"bands\[(\d+)\]", p.path)
            if m:
                found = repr(clauses[int(m.group(1))][0])
            elif len(bands) < len(clauses):
                found = repr(clauses[len(bands)][0])
            else:
                found = p.found
            problems.append(Problem("text", p.code, p.expected, found))
        raise InvalidRuleText(problems) from None


def parse_rule(text: str) -> Rule:
    """Read a rule from the sentence an official table prints.

    Args:
        text: the sentence, e.g. "Đạt: 1 điểm; không đạt: 0 điểm". Clauses are separated by
            ";" and each is "condition: N điểm"; numbers use the Vietnamese decimal comma.

    Returns:
        The rule.

    Raises:
        InvalidRuleText: when a fragment cannot be read (the message quotes it), or the
            bands read overlap or leave a gap.
    """
    if not isinstance(text, str):
        raise _fail(repr(text), "a rule sentence (text)", "wrong-type")
    tidy = _tidy(text)
    if not tidy:
        raise _fail(text, "a rule sentence such as 'Đạt: 1 điểm; không đạt: 0 điểm'")
    try:
        special = _special(_fold(tidy), tidy)
    except InvalidRule as error:
        raise InvalidRuleText(error.problems) from None
    if special is not None:
        return special
    clauses: list[tuple[str, str, Decimal]] = []
    for n, part in enumerate(p.strip() for p in re.split(r"[;\n]", tidy)):
        if not part:
            continue
        cond, colon, points_text = part.rpartition(":")
        cond = cond.strip()
        m = _POINTS_RE.fullmatch(_fold(points_text.strip()))
        if not colon or not cond or m is None:
            raise _fail(part, "a clause 'điều kiện: N điểm' such as 'dưới 80%: 0 điểm'")
        if n == 0 and not (len(cond) > 1 and cond[1].isupper()):
            cond = cond[:1].lower() + cond[1:]
        clauses.append((part, cond, _number(m.group(1))))
    try:
        return _from_clauses(clauses)
    except InvalidRuleText:
        raise
    except InvalidRule as error:
        raise InvalidRuleText(error.problems) from None


def _from_clauses(clauses: list[tuple[str, str, Decimal]]) -> Rule:
    if len(clauses) == 1 and _fold(clauses[0][1]).startswith("mỗi "):
        _, cond, points = clauses[0]
        return PerCountRule(points, cond[len("mỗi ") :].strip())
    if len(clauses) == 2 and _is_negation(clauses[0][1], clauses[1][1]):
        return BooleanRule(clauses[0][2], clauses[1][2], clauses[0][1], clauses[1][1])
    categories = [_category(cond) for _, cond, _ in clauses]
    if len(clauses) >= 2 and all(categories) and len(set(categories)) == len(categories):
        return CategoricalRule(
            tuple(
                Choice(cat, points, cond)
                for cat, (_, cond, points) in zip(categories, clauses, strict=True)
                if cat is not None
            )
        )
    if len(clauses) == 1 and not _NUM_RE.search(clauses[0][1]):
        raise _fail(
            clauses[0][0],
            "more than one clause (a rule gives points for every case), e.g. "
            "'Đạt: 1 điểm; không đạt: 0 điểm'",
        )
    return _bands(clauses)
