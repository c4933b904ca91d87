"""The report in a real browser: Debian's headless Chromium driven by Playwright (no browser
download: ``make test`` installs Debian's ``chromium`` when it is missing and it can). Desktop and
phone width, both languages: one card per record, no console error, no request outside the report,
no horizontal overflow on a phone. Screenshots go to ``build/artefacts/`` for a person to look at."""

from __future__ import annotations

import shutil

import pytest

from analysis import paths
from analysis.pipeline.publication import records_in

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed "
                                                         "(make test installs it when run as root)")
ARTEFACTS = paths.build_dir() / "artefacts"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
SIZES = {"desktop": (1280, 1400), "phone": (390, 844)}


#: Every word (letters only, outside code, links and preformatted text) whose letters sit on two lines.
BROKEN_WORDS = """() => {
  const broken = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement.closest('pre, code, a, script, style, .highlight')) continue;
    const re = /[A-Za-zÀ-ÖØ-öø-ÿ]{2,}/g;
    let match;
    while ((match = re.exec(node.textContent))) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(match[0]);
    }
  }
  return broken;
}"""


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield instance
        instance.close()


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("page_name", ["index.html", "en.html", "methode.html", "notebooks/01_calls.html"])
def test_the_report_opens_cleanly_offline_at_every_width(browser, fresh_build, page_name, size):
    built = fresh_build / "report"
    width, height = SIZES[size]
    page = browser.new_page(viewport={"width": width, "height": height})
    errors, requests = [], []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda request: requests.append(request.url))
    page.goto((built / page_name).as_uri())
    page.wait_for_load_state("load")
    outside = [url for url in requests if not url.startswith((built.as_uri(), "data:"))]
    assert not outside and not errors, (outside, errors)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page_name} overflows by {overflow} px at {width} px"
    broken = page.evaluate(BROKEN_WORDS)
    assert not broken, f"{page_name} at {width} px breaks words mid-word: {broken[:8]}"
    if page_name in ("index.html", "en.html"):
        assert page.locator(".verdict-row").count() == len(records_in(fresh_build / "results"))
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"{page_name.replace('/', '_')}-{size}.png"), full_page=False)
    page.close()


def test_language_switch_goes_to_the_other_page(browser, fresh_build):
    page = browser.new_page()
    page.goto((fresh_build / "report" / "index.html").as_uri())
    assert page.locator("html").get_attribute("lang") == "fr"
    page.click("a.switch")
    assert page.url.endswith("/en.html") and page.locator("html").get_attribute("lang") == "en"
    page.close()


def test_the_word_break_measure_bites(browser):
    page = browser.new_page(viewport={"width": 390, "height": 200})
    page.set_content('<div style="width: 40px; overflow-wrap: anywhere">Invérifiable</div>')
    assert page.evaluate(BROKEN_WORDS) == ["Invérifiable"]
    page.set_content('<div style="width: 400px">Invérifiable</div>')
    assert page.evaluate(BROKEN_WORDS) == []
    page.close()
