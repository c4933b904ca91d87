"""How much English the French page holds, before and after, by one method (issue "The publication").

Measures ``report/index.html`` of two builds with :mod:`analysis.publish.language`: visible text
only (links, code, block quotations and passages marked in another language left out), English
function words per thousand words, and sentences with more English than French function words.

"Before" is the French page of the baseline clone that ``benchmarks/speed.py`` builds in
build/bench/before/ (run that first, or pass another page); "after" is this checkout's report.
Prints a table; asserts nothing.

Run: .venv/bin/python benchmarks/english_words.py [BEFORE_PAGE [AFTER_PAGE]]
"""

from __future__ import annotations

import sys
from pathlib import Path

from analysis.publish.language import english_per_thousand, english_sentences, visible

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BEFORE = ROOT / "build" / "bench" / "before" / "report" / "index.html"
DEFAULT_AFTER = ROOT / "report" / "index.html"


def measure(page: Path) -> dict[str, float]:
    html = page.read_text(encoding="utf-8")
    return {"visible_words": len(visible(html).words), "english_per_1000": round(english_per_thousand(html), 1),
            "english_sentences": len(english_sentences(html))}


def main(argv: list[str]) -> int:
    before = Path(argv[0]) if argv else DEFAULT_BEFORE
    after = Path(argv[1]) if len(argv) > 1 else DEFAULT_AFTER
    rows = []
    for label, page in (("before", before), ("after", after)):
        if not page.is_file():
            print(f"{page}: not found (run `python3 benchmarks/speed.py` for the baseline build, and `make report`)",
                  file=sys.stderr)
            return 2
        rows.append((label, page, measure(page)))
    print("version | page | visible words | English function words per 1000 | English sentences")
    for label, page, m in rows:
        print(f"{label} | {page.relative_to(ROOT) if page.is_relative_to(ROOT) else page} | {m['visible_words']} | "
              f"{m['english_per_1000']} | {m['english_sentences']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
