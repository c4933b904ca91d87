"""The report in a real browser: Debian's headless Chromium, driven by Playwright (no browser
download: ``make test`` installs Debian's ``chromium`` when it is missing and it can).

Checks one row per verdict record, no console error, no request outside the report folder, and
saves screenshots in ``build/artefacts/`` for a person to look at."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analysis import paths, report, results

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (make test installs it when run as root)")
ARTEFACTS = paths.project_root() / "build" / "artefacts"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    report.build_report(out)
    return out


@pytest.mark.parametrize("page_name", ["index.html", "en.html", "notebooks/01_calls.html"])
def test_the_report_opens_cleanly_offline(browser, built, page_name):
    page = browser.new_page(viewport={"width": 1280, "height": 1400})
    errors, requests = [], []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda request: requests.append(request.url))
    page.goto((built / page_name).as_uri())
    page.wait_for_load_state("load")
    root = built.as_uri()
    outside = [url for url in requests if not url.startswith((root, "data:"))]
    assert not outside, outside
    assert not errors, errors
    if not page_name.startswith("notebooks/"):
        records = results.load_all(paths.results_dir())
        assert page.locator("tr.verdict-row").count() == len(records)
        assert page.locator("tr.verdict-row").first.get_attribute("id") == records[0]["claim_id"]
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / (page_name.replace("/", "_") + ".png")), full_page=False)
    page.close()


def test_language_switch_goes_to_the_other_page(browser, built):
    page = browser.new_page()
    page.goto((built / "index.html").as_uri())
    assert page.locator("html").get_attribute("lang") == "fr"
    page.click("a.switch")
    assert page.url.endswith("/en.html")
    assert page.locator("html").get_attribute("lang") == "en"
    page.close()
