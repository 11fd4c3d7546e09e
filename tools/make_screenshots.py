"""Regenerate the screenshots in ``docs/img/`` of the HTML reports.

The pages are the bundled Ba Trang scorecard, a synthetic 100-commune ranking with its rank
sensitivity (the same pages the browser tests load) and Ba Trang's synthetic dossier
dashboard; headless Chromium takes the top of each page, which is then reduced to a few
colours so that the files stay small.

Run: ``python tools/make_screenshots.py`` (needs Chromium and the ``test`` extra).
"""

from __future__ import annotations

import base64
import sys
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from PIL import Image  # noqa: E402

from browser import chromium, find_chromium  # noqa: E402
from test_browser import PAGES  # noqa: E402

SHOTS = {"scorecard-vi": "scorecard.png", "ranking-100": "ranking.png", "dossiers": "dossiers.png"}
HEIGHT = 1300


def main() -> None:
    executable = find_chromium()
    if executable is None:
        raise SystemExit("no Chromium found: apt-get install chromium")
    out = ROOT / "docs" / "img"
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, chromium(executable) as page:
        for name, file in SHOTS.items():
            path = Path(folder) / f"{name}.html"
            path.write_text(PAGES[name], encoding="utf-8")
            page.open(path, width=1000)
            shot = page.call(
                "Page.captureScreenshot",
                format="png",
                clip={"x": 0, "y": 0, "width": 1000, "height": HEIGHT, "scale": 1},
                captureBeyondViewport=True,
            )
            image = Image.open(BytesIO(base64.b64decode(shot["data"]))).convert("RGB")
            small = image.quantize(colors=48)
            small.save(out / file, optimize=True)
            print(f"docs/img/{file}: {(out / file).stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
