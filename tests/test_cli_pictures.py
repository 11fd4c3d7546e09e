"""``score|rank --format html|svg|png`` and ``par-index sensitivity`` on the command line."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from referencing import Registry, Resource

from par_index.cli import main
from par_index.formats.json import dumps
from par_index.formats.schema import SCHEMA_VERSION, SCHEMAS, schema
from par_index.formats.scorecard_text import scorecard_converter
from synthetic import communes


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out)
    return status, out.getvalue()


@pytest.fixture(scope="module")
def cards(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("cards")
    status, ba_trang = run("score", "--format", "json")
    assert status == 0
    (folder / "ba-trang.json").write_text(ba_trang, encoding="utf-8")
    paths = [str(folder / "ba-trang.json")]
    for i, card in enumerate(communes(5, seed=2)):
        path = folder / f"commune-{i}.json"
        path.write_text(dumps(card, converter=scorecard_converter()), encoding="utf-8")
        paths.append(str(path))
    return paths


def test_score_as_page_chart_and_image(tmp_path: Path) -> None:
    status, page = run("score", "--format", "html", "--scheme", "national")
    assert status == 0
    assert page.startswith("<!DOCTYPE html>")
    assert "cần thêm 4,30 điểm" in page
    status, svg = run("score", "--format", "svg", "--lang", "en")
    assert status == 0
    assert svg.startswith("<svg")
    assert "Points against maximum by domain" in svg
    png = tmp_path / "domains.png"
    status, _ = run("score", "--format", "png", "-o", str(png))
    assert status == 0
    assert png.read_bytes().startswith(b"\x89PNG")


def test_score_with_the_previous_scorecard(cards: list[str], tmp_path: Path) -> None:
    page = tmp_path / "card.html"
    status, _ = run("score", "--format", "html", "--previous", cards[1], "-o", str(page))
    assert status == 0
    assert "So với kỳ trước" in page.read_text(encoding="utf-8")


def test_png_needs_a_file_and_charts_must_exist(
    cards: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("score", "--format", "png")[0] == 1
    assert "output-needed" in capsys.readouterr().err
    assert run("rank", *cards, "--format", "svg", "--chart", "intervals")[0] == 1
    assert "no-such-chart" in capsys.readouterr().err


def test_rank_page_with_intervals(cards: list[str]) -> None:
    status, page = run("rank", *cards, "--format", "html", "--draws", "50")
    assert status == 0
    assert page.count("<svg xmlns=") == 4
    status, svg = run("rank", *cards, "--format", "svg", "--chart", "heatmap")
    assert status == 0
    assert "Chỉ số theo đơn vị và lĩnh vực" in svg


def test_sensitivity_text_json_and_page(cards: list[str], tmp_path: Path) -> None:
    status, text = run("sensitivity", *cards, "--draws", "100")
    assert status == 0
    assert text.startswith("Độ vững của thứ hạng: 100 lần rút (hạt giống 0)")
    assert "xã Ba Trang" in text
    status, data = run("sensitivity", *cards, "--draws", "100", "--format", "json", "--lang", "en")
    assert status == 0
    parsed = json.loads(data)
    assert next(iter(parsed)) == "schema_version"
    assert parsed["schema_version"] == SCHEMA_VERSION
    registry: Registry[Any] = Registry().with_resources(
        (schema(n)["$id"], Resource.from_contents(schema(n))) for n in SCHEMAS
    )
    jsonschema.Draft202012Validator(schema("sensitivity"), registry=registry).validate(parsed)
    assert len(parsed["units"]) == 6
    # JSON values do not change with the language
    assert json.loads(run("sensitivity", *cards, "--draws", "100", "--format", "json")[1]) == parsed
    page = tmp_path / "s.html"
    assert run("sensitivity", *cards, "--format", "html", "-o", str(page), "--draws", "20")[0] == 0
    assert "Độ vững của thứ hạng" in page.read_text(encoding="utf-8")


def test_sensitivity_threshold_by_hand(cards: list[str]) -> None:
    # Ba Trang 3.3 (4 points, 53.96% online) with T = 60% instead of 50%: 4 × 0.5396 / 0.6
    # = 3.5973…; total 60.0973… / 72 = 83.47% (see test_sensitivity).
    status, data = run(
        "sensitivity", cards[0], "--spread", "0", "--threshold", "3.3=60%", "--format", "json"
    )
    assert status == 0
    unit = json.loads(data)["units"][0]
    assert unit["index_interval"] == ["83.47", "83.47", "83.47"]
    assert json.loads(data)["thresholds"] == {"3.3": ["0.6"]}
    # 3.2 under "Từ 99% trở lên: 8 điểm; dưới 99%: 0 điểm": 96.83% earns 0 instead of 6,
    # 54.5 / 72 = 75.69%
    status, data = run(
        "sensitivity",
        cards[0],
        "--spread",
        "0",
        "--rule",
        "3.2=Từ 99% trở lên: 8 điểm; dưới 99%: 0 điểm",
        "--format",
        "json",
    )
    assert status == 0
    assert json.loads(data)["units"][0]["index_interval"][1] == "75.69"


def test_sensitivity_bad_threshold_is_a_usage_error(
    cards: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        run("sensitivity", cards[0], "--threshold", "3.3")
    assert stop.value.code == 2
    assert "CODE=T1,T2" in capsys.readouterr().err
    assert run("sensitivity", cards[0], "--threshold", "3.2=0.9")[0] == 1
    assert "not-threshold-rule" in capsys.readouterr().err


def test_dossier_stats_dashboard(tmp_path: Path) -> None:
    data = Path(__file__).parents[1] / "src" / "par_index" / "examples" / "data"
    page = tmp_path / "dossiers.html"
    status, _ = run(
        "dossiers",
        "stats",
        str(data / "ba-trang-2023-h1.synthetic-dossiers.csv"),
        "--period",
        "6 tháng đầu năm 2023",
        "--by",
        "month",
        "--procedures",
        str(data / "ba-trang-2023-h1.synthetic-procedures.json"),
        "--format",
        "html",
        "--output",
        str(page),
    )
    assert status == 0
    html = page.read_text(encoding="utf-8")
    assert html.count("<svg xmlns=") == 9
    # March 2023 (cut-off window 15/02–14/03): 51 dossiers, all handled on time (2.1)
    assert '<td>Tất cả hồ sơ</td><td>Tháng 3 năm 2023</td><td class="num">100,00</td>' in html
    assert "Ngưỡng QĐ 766: 50%" in html
