"""A ranking as data: the JSON document, CSV rows and the legend of its marks.

The values never depend on the output language: a row carries the unit's code, name and
level, the exact points, the reported index and the class code with its Vietnamese and
English labels. Marks: ``*`` the unit lacks evidence for some criterion (its index is not
final), ``—`` the unit has no index (everything was not applicable) and is not ranked.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any, Final

from par_index.formats.schema import SCHEMA_VERSION
from par_index.formats.scorecard_text import csv_number
from par_index.model.ratios import NotApplicable
from par_index.scoring.ranking import Ranked, Ties
from par_index.scoring.scorecard import Scorecard

__all__ = [
    "LEGEND",
    "TIES_TEXT",
    "marks",
    "ranking_csv",
    "ranking_document",
    "ranking_rows",
]

LEGEND: Final = {
    "*": {
        "vi": "chưa đủ tài liệu kiểm chứng: chỉ số chưa phải kết quả cuối cùng",
        "en": "evidence missing for some criterion: the index is not final",
    },
    "—": {
        "vi": "không có chỉ số (mọi tiêu chí không áp dụng): không xếp hạng",
        "en": "no index (every criterion not applicable): not ranked",
    },
}
"""What each mark of a ranking means."""

TIES_TEXT: Final = {
    "exact": {
        "vi": "Đồng hạng khi chỉ số chính xác bằng nhau (điểm / điểm tối đa, không làm tròn); "
        "cùng hạng thì xếp theo mã đơn vị, rồi tên.",
        "en": "Tied when the exact indices are equal (points / maximum, unrounded); within a "
        "tie by unit code, then name.",
    },
    "reported": {
        "vi": "Đồng hạng khi chỉ số đã làm tròn (như công bố, 2 chữ số thập phân) bằng nhau; "
        "cùng hạng thì xếp theo mã đơn vị, rồi tên.",
        "en": "Tied when the reported (rounded, 2 decimals as published) indices are equal; "
        "within a tie by unit code, then name.",
    },
}
"""How ties were decided, in words."""


def marks(card: Scorecard) -> list[str]:
    """The marks of a scorecard in a ranking (see :data:`LEGEND`)."""
    out = []
    if not card.complete:
        out.append("*")
    if isinstance(card.index, NotApplicable):
        out.append("—")
    return out


def ranking_rows(ranked: Sequence[Ranked]) -> list[dict[str, Any]]:
    """One row per ranked scorecard, language-independent."""
    rows = []
    for r in ranked:
        card = r.scorecard
        u = card.unit
        c = card.classification
        rows.append(
            {
                "rank": r.rank,
                "unit_code": u.code if u is not None else None,
                "unit_name": u.name if u is not None else None,
                "unit_level": u.level.value if u is not None else None,
                "period": str(card.period) if card.period is not None else None,
                "points": str(card.points),
                "max_points": str(card.max_points),
                "index": card.index.value
                if isinstance(card.index, NotApplicable)
                else str(card.index),
                "class_code": c.code if c is not None else None,
                "class_vi": c.label_vi if c is not None else None,
                "class_en": c.label_en if c is not None else None,
                "complete": card.complete,
                "marks": marks(card),
            }
        )
    return rows


def ranking_document(ranked: Sequence[Ranked], ties: Ties) -> dict[str, Any]:
    """The ranking's JSON document (schema ``ranking``)."""
    first = ranked[0].scorecard if ranked else None
    framework: dict[str, Any] = {"id": "", "version": "", "name": "", "illustrative": False}
    if first is not None:
        framework = {
            "id": first.framework_id,
            "version": first.framework_version,
            "name": first.framework_name,
            "illustrative": first.illustrative,
        }
        if first.framework_name_en:
            framework["name_en"] = first.framework_name_en
    return {
        "schema_version": SCHEMA_VERSION,
        "framework": framework,
        "ties": ties,
        "rows": ranking_rows(ranked),
        "legend": LEGEND,
    }


_CSV_COLUMNS: Final = (
    "rank",
    "unit_code",
    "unit_name",
    "unit_level",
    "period",
    "points",
    "max_points",
    "index",
    "class_code",
    "class",
    "complete",
    "marks",
)


def ranking_csv(ranked: Sequence[Ranked], lang: str = "vi") -> str:
    """The ranking as CSV text (a dot for decimals, the scorecards' decimals throughout);
    the command writes it after a byte order mark."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(_CSV_COLUMNS)
    for r in ranked:
        card = r.scorecard
        u = card.unit
        c = card.classification
        w.writerow(
            [
                "" if r.rank is None else r.rank,
                (u.code or "") if u is not None else "",
                u.name if u is not None else "",
                u.level.value if u is not None else "",
                str(card.period) if card.period is not None else "",
                csv_number(card.points, card.places),
                csv_number(card.max_points, card.places),
                csv_number(card.index, card.places),
                (c.code or "") if c is not None else "",
                (c.label_vi if lang == "vi" else c.label_en) if c is not None else "",
                "true" if card.complete else "false",
                " ".join(marks(card)),
            ]
        )
    return buf.getvalue()
