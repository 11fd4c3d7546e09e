"""The report model: sections, figures, citations."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from par_index.exceptions import InvalidReport
from par_index.model.areas import ReformArea
from par_index.model.documents import DocumentRef
from par_index.model.periods import ReportingPeriod
from par_index.reports import (
    STANDARD_FIGURES,
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

H1_2023 = ReportingPeriod.half_year(2023)


def test_source_span_line_numbers() -> None:
    text = "a\nbb\nccc"
    span = SourceSpan.of(text, 5, 8)
    assert (span.line, text[span.start : span.end]) == (3, "ccc")
    with pytest.raises(InvalidReport):
        SourceSpan(5, 4, 1)
    with pytest.raises(InvalidReport):
        SourceSpan(-1, 4, 0)


def test_figure_rules() -> None:
    f = Figure(
        "dossiers_received",
        Decimal(253),
        "hồ sơ",
        "hồ sơ",
        text="253 hồ sơ",
        span=SourceSpan(10, 19, 1),
    )
    assert f.is_exact
    assert (
        Figure(
            "propaganda_participants",
            Decimal(500),
            "lượt người",
            "lượt người",
            qualifier=Qualifier.OVER,
        ).qualifier
        is Qualifier.OVER
    )
    with pytest.raises(InvalidReport) as info:
        Figure("Dossiers", Decimal("2.5"), "hồ sơ", "x", text="253", span=SourceSpan(0, 9, 1))
    assert {p.code for p in info.value.problems} == {
        "figure-name",
        "fractional-count",
        "span-length",
    }
    assert Figure("dossiers_late_rate", Decimal("2.77"), "%", "tỷ lệ").value == Decimal("2.77")
    with pytest.raises(InvalidReport):
        Figure("x", Decimal("NaN"), "%", "x")
    with pytest.raises(InvalidReport):
        Figure("x", 3, "%", "x")  # type: ignore[arg-type]


def test_standard_figures_are_snake_case_and_known_units() -> None:
    for name, spec in STANDARD_FIGURES.items():
        Figure(name, Decimal(1), spec.unit, spec.label_vi)
        assert spec.label_en
        assert spec.label_vi


def test_sections_nest_deeper() -> None:
    child = Section(
        "Cải cách thể chế",
        2,
        SectionRole.REFORM_AREA,
        "1",
        ReformArea.INSTITUTIONS,
        body=(Block(BlockKind.ITEM, "Kết quả ...", "-"), Block(BlockKind.PARAGRAPH, "Đoạn văn")),
    )
    top = Section("KẾT QUẢ", 1, SectionRole.RESULTS, "II", children=(child,))
    assert list(top.walk()) == [top, child]
    assert child.items == ("Kết quả ...",)
    assert child.paragraphs == ("Đoạn văn",)
    with pytest.raises(InvalidReport) as info:
        Section("x", 2, children=(Section("y", 2),))
    assert info.value.field == "children[0].level"
    with pytest.raises(InvalidReport):
        Section("x", 7)
    with pytest.raises(InvalidReport):
        Block(BlockKind.PARAGRAPH, "x", marker="-")


def test_report_lookup_and_unique_figures() -> None:
    ref = DocumentRef.parse("4559/QĐ-UBND ngày 22/12/2022")
    other = DocumentRef.parse("14/KH-UBND ngày 30/01/2023")
    area = Section("Cải cách TTHC", 2, SectionRole.REFORM_AREA, "2", ReformArea.PROCEDURES)
    report = Report(
        header=ReportHeader(DocumentRef.parse("Số: /BC-UBND"), "Ba Trang", date(2023, 6, 5)),
        title="Cải cách hành chính định kỳ 6 tháng năm 2023 xã Ba Trang",
        period=H1_2023,
        sections=(Section("KẾT QUẢ", 1, SectionRole.RESULTS, "II", children=(area,)),),
        figures=(Figure("dossiers_received", Decimal(253), "hồ sơ", "hồ sơ"),),
        citations=(Citation(ref), Citation(other), Citation(ref)),
        signatory=Signatory("Chủ tịch", "Phạm Văn Thích", "TM. Ủy ban nhân dân"),
    )
    assert report.references == (ref, other)
    assert report.section_for(ReformArea.PROCEDURES) is area
    assert report.section_for(ReformArea.IMPACT) is None
    fig = report.figure("dossiers_received")
    assert fig is not None
    assert fig.value == 253
    assert report.figure("dossiers_late") is None
    with pytest.raises(InvalidReport) as info:
        Report(ReportHeader(), "t", H1_2023, figures=(fig, fig))
    assert info.value.code == "duplicate-figure"


def test_report_type_problems() -> None:
    with pytest.raises(InvalidReport) as info:
        Report("header", 3, "6 tháng đầu năm 2023", sections=[])  # type: ignore[arg-type]
    assert {p.path for p in info.value.problems} == {"header", "title", "period", "sections"}
    with pytest.raises(InvalidReport):
        ReportHeader(place=" ")
    with pytest.raises(InvalidReport):
        Signatory("", "Phạm Văn Thích")
