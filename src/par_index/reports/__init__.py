"""Periodic reform reports (báo cáo CCHC): the model and its standard figures."""

from par_index.reports.figures import STANDARD_FIGURES, FigureSpec
from par_index.reports.model import (
    Block,
    BlockKind,
    Citation,
    Figure,
    Qualifier,
    Report,
    ReportHeader,
    Section,
    SectionRole,
    Signatory,
    SourceSpan,
)

__all__ = [
    "STANDARD_FIGURES",
    "Block",
    "BlockKind",
    "Citation",
    "Figure",
    "FigureSpec",
    "Qualifier",
    "Report",
    "ReportHeader",
    "Section",
    "SectionRole",
    "Signatory",
    "SourceSpan",
]
