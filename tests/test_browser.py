"""The HTML reports in a real browser: headless Chromium loads the bundled example's
scorecard, a synthetic 100-commune ranking with its rank sensitivity and the example's
dossier dashboard, takes screenshots, and checks that there is no console error, that every
chart has its title and both axis labels, that nothing is loaded from outside, and that each
page is under 2 MB.

Skipped, saying why, only where no Chromium is installed (the CI script installs Debian's
``chromium`` when it is missing).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import CHART_CHECK, Page, chromium, find_chromium
from par_index.examples.ba_trang import ba_trang_synthetic_dossiers, ba_trang_synthetic_procedures
from par_index.examples.evidence import ba_trang_evidence
from par_index.formats.html import (
    dashboard_rows,
    render_dossier_dashboard_html,
    render_ranking_html,
    render_scorecard_html,
)
from par_index.frameworks import get_framework
from par_index.model.periods import ReportingPeriod
from par_index.scoring import score
from par_index.scoring.sensitivity import sensitivity
from par_index.service.measures import measure_dossiers
from synthetic import communes

TWO_MB = 2 * 1024 * 1024
EXECUTABLE = find_chromium()

pytestmark = pytest.mark.skipif(
    EXECUTABLE is None,
    reason="no Chromium found: install it (apt-get install chromium) to run the browser tests",
)


@pytest.fixture(scope="module")
def page() -> Iterator[Page]:
    assert EXECUTABLE is not None
    with chromium(EXECUTABLE) as tab:
        yield tab


def _pages() -> dict[str, str]:
    fw = get_framework("example-commune")
    card = score(fw, ba_trang_evidence())
    cards = communes(100)
    result = sensitivity(cards, draws=200, seed=14)
    dossiers, procedures = ba_trang_synthetic_dossiers(), ba_trang_synthetic_procedures()
    months = [ReportingPeriod.month(2023, m) for m in range(1, 7)]
    rows = dashboard_rows(
        "xã Ba Trang", [measure_dossiers(dossiers, p, procedures=procedures) for p in months]
    )
    return {
        "scorecard-vi": render_scorecard_html(card, framework=fw, scheme="national"),
        "scorecard-en": render_scorecard_html(card, framework=fw, lang="en"),
        "ranking-100": render_ranking_html(cards, sensitivity=result),
        "dossiers": render_dossier_dashboard_html(rows),
    }


PAGES = _pages()
CHARTS = {"scorecard-vi": 1, "scorecard-en": 1, "ranking-100": 4, "dossiers": 9}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_in_chromium(page: Page, name: str, tmp_path: Path) -> None:
    html = PAGES[name]
    path = tmp_path / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    assert path.stat().st_size < TWO_MB
    page.open(path)
    assert page.errors() == []
    found: dict[str, Any] = page.evaluate(CHART_CHECK)
    assert found["outside"] == []
    assert found["lang"] == ("en" if name.endswith("-en") else "vi")
    assert found["title"]
    charts = found["charts"]
    assert len(charts) == CHARTS[name]
    for chart in charts:
        assert chart["title"].strip(), chart["id"]
        assert chart["heading"].strip() == chart["title"].strip(), chart["id"]
        assert len(chart["axes"]) == 2, chart["id"]
        assert all(chart["axes"]), chart["id"]
        assert chart["width"] > 300, chart["id"]
    shot = tmp_path / f"{name}.png"
    page.screenshot(shot)
    assert shot.read_bytes().startswith(b"\x89PNG")
    assert found["height"] > 600


def test_the_browser_reports_errors(page: Page, tmp_path: Path) -> None:
    # The check itself: a page that loads something from outside and logs an error fails.
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><meta charset="utf-8"><title>x</title>'
        '<img src="missing.png"><script>console.error("hỏng")</script>',
        encoding="utf-8",
    )
    page.open(bad)
    errors = page.errors()
    assert any("hỏng" in e for e in errors)
    assert any("missing.png" in e for e in errors)
