"""Periodic reform reports (báo cáo CCHC): the model, its standard figures, the parser, the
consistency checks and the Markdown renderer."""

from __future__ import annotations

from par_index.core.lazy import attach

TYPE_CHECKING = False
if TYPE_CHECKING:
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
        Scope,
        ScopeKind,
        Section,
        SectionRole,
        Signatory,
        SourceSpan,
        TextKind,
    )
    from par_index.reports.parser import (
        ParsedReport,
        ReportParseError,
        parse_report,
        parse_report_file,
        read_report,
    )
    from par_index.reports.periods import StatedPeriod, StatedPeriodKind
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
    "Scope",
    "ScopeKind",
    "Section",
    "SectionRole",
    "Severity",
    "Signatory",
    "SourceSpan",
    "StatedPeriod",
    "StatedPeriodKind",
    "TextKind",
    "check_report",
    "parse_report",
    "parse_report_file",
    "read_report",
    "render_markdown",
]

__getattr__, __dir__ = attach(
    __name__,
    {
        "STANDARD_FIGURES": "par_index.reports.figures",
        "Block": "par_index.reports.model",
        "BlockKind": "par_index.reports.model",
        "Citation": "par_index.reports.model",
        "Figure": "par_index.reports.model",
        "FigureSpec": "par_index.reports.figures",
        "Finding": "par_index.reports.checks",
        "ParsedReport": "par_index.reports.parser",
        "Qualifier": "par_index.reports.model",
        "Report": "par_index.reports.model",
        "ReportHeader": "par_index.reports.model",
        "ReportParseError": "par_index.reports.parser",
        "Scope": "par_index.reports.model",
        "ScopeKind": "par_index.reports.model",
        "Section": "par_index.reports.model",
        "SectionRole": "par_index.reports.model",
        "Severity": "par_index.reports.checks",
        "Signatory": "par_index.reports.model",
        "SourceSpan": "par_index.reports.model",
        "StatedPeriod": "par_index.reports.periods",
        "StatedPeriodKind": "par_index.reports.periods",
        "TextKind": "par_index.reports.model",
        "check_report": "par_index.reports.checks",
        "parse_report": "par_index.reports.parser",
        "parse_report_file": "par_index.reports.parser",
        "read_report": "par_index.reports.parser",
        "render_markdown": "par_index.reports.render",
    },
)
