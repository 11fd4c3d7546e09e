"""Formatting numbers and dates for people, in Vietnamese (default) or English."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

__all__ = ["Lang", "format_date", "format_number"]

Lang = Literal["vi", "en"]


def format_number(value: Decimal | int, lang: Lang = "vi") -> str:
    """``Decimal("6192")`` → ``6.192`` and ``Decimal("96.83")`` → ``96,83`` in Vietnamese
    (dot for thousands, comma for decimals); ``6,192`` and ``96.83`` in English. The value's
    own digits are kept: nothing is rounded here.
    """
    d = Decimal(value)
    sign = "-" if d < 0 else ""
    text = format(abs(d), "f")
    whole, _, frac = text.partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    thousands, decimal_mark = (".", ",") if lang == "vi" else (",", ".")
    out = thousands.join(groups)
    if frac:
        out += decimal_mark + frac
    return sign + out


def format_date(d: date, lang: Lang = "vi") -> str:
    """``05/06/2023`` in Vietnamese, ``2023-06-05`` in English."""
    return f"{d:%d/%m/%Y}" if lang == "vi" else d.isoformat()
