"""Periodic reform reports (báo cáo CCHC): the model, its standard figures, the parser, the
consistency checks and the Markdown renderer."""

from par_index.reports.checks import Finding, Severity, check_report
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
from par_index.reports.parser import (
    ParsedReport,
    ReportParseError,
    parse_report,
    parse_report_file,
    read_report,
)
from par_index.reports.render import render_markdown

__all__ = [
    "STANDARD_FIGURES",
    "Block",
    "BlockKind",
    "Citation",
    "Figure",
    "FigureSpec",
    "Finding",
    "ParsedReport",
    "Qualifier",
    "Report",
    "ReportHeader",
    "ReportParseError",
    "Section",
    "SectionRole",
    "Severity",
    "Signatory",
    "SourceSpan",
    "check_report",
    "parse_report",
    "parse_report_file",
    "read_report",
    "render_markdown",
]
