"""Screenshots of the explorer pages, desktop and phone, light and dark, for a person to look at.

scripts/test-env python tests/browser/screenshots.py [OUT_DIR]   (default /tmp/tl-screenshots)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from harness import build_site, launch, serve
from playwright.sync_api import sync_playwright

PAGES = {
    "roles": "roles/",
    "roles-filtered": "roles/?text=coach&skill=improving-instruction&held=partial-release",
    "match": "roles/match/",
    "match-ranked": "roles/match/?skill=data-use&skill=equity&skill=adult-learning",
    "role": "roles/instructional-coach/#who-fits-this-role",
}
VIEWPORTS = {"desktop": (1280, 1200), "phone": (390, 844)}


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, serve(build_site(Path(tmp) / "site")) as base, sync_playwright() as p:
        browser = launch(p)
        for scheme in ("light", "dark"):
            for device, (width, height) in VIEWPORTS.items():
                page = browser.new_page(viewport={"width": width, "height": height}, color_scheme=scheme)
                for name, path in PAGES.items():
                    page.goto(base + path)
                    page.wait_for_load_state("networkidle")
                    target = out / f"{name}-{device}-{scheme}.png"
                    page.screenshot(path=str(target), full_page=False)
                    print(target)
                page.close()
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + PAGES["match-ranked"])
        page.emulate_media(media="print")
        page.screenshot(path=str(out / "match-print.png"), full_page=True)
        print(out / "match-print.png")
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/tl-screenshots"))
