"""docs/sources.md lists every source the bundled data cites; nothing cites a missing document."""

from __future__ import annotations

import re
from pathlib import Path

from par_index.calendar.sources import official_day_changes
from par_index.frameworks.loader import bundled_frameworks

ROOT = Path(__file__).parents[1]
SOURCES = (ROOT / "docs" / "sources.md").read_text(encoding="utf-8")
NUMBER = re.compile(r"\d+/(?:\d{4}/)?[A-ZĐ][A-ZĐa-z0-9-]*[A-ZĐa-z0-9]")


def test_every_calendar_source_is_listed() -> None:
    for change in official_day_changes():
        numbers = NUMBER.findall(change.source)
        assert numbers, change.source
        for number in numbers:
            assert number in SOURCES, (change.day, number)


def test_every_framework_decision_is_listed() -> None:
    for fw in bundled_frameworks():
        for node in fw.walk():
            for number in NUMBER.findall(node.source):
                assert number in SOURCES, (fw.id, node.code, number)
    assert "Mô tả công thức tính chỉ số 766" in SOURCES


def test_no_citation_of_documents_outside_the_repository() -> None:
    cited = []
    for folder in ("src", "tests", "docs"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in {".py", ".toml", ".md", ".txt", ".json"} and path.is_file():
                text = path.read_text(encoding="utf-8", errors="replace")
                if re.search(r"\b(domain|design)\.md\b", text):
                    cited.append(str(path.relative_to(ROOT)))
    assert cited == []
