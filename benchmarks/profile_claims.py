"""Where a claim's time goes (issue "Fast at any size", item 2): each in-process stage of a build,
timed on the committed register and on the register grown by about 1,000 claims
(``benchmarks/claims_cost.py`` prepares both), so the difference divided by the claims added is
each stage's cost per claim. The kernel's own share (display, papermill's cell outputs) is what
``claims_cost.py`` measures beyond these stages. Asserts nothing.

Run: python3 benchmarks/profile_claims.py   (after claims_cost.py; about a minute)
     python3 benchmarks/profile_claims.py --profile engine   (cProfile's top functions of one stage)
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "build" / "bench-claims"
from analysis.io.package import DataPackage
from analysis.publish import notebook_page, report
from analysis.verdicts import engine


def stages(data_dir: Path, out_dir: Path) -> dict:
    """Each stage's seconds on one data package (warm: every stage runs once before it is timed)."""
    times: dict[str, float] = {}
    data = DataPackage.open(data_dir)
    claims = data.claims
    params = {"as_of": "article", "speaks_from": "article"}

    def engine_stage():
        fresh = DataPackage.open(data_dir)  # a run opens its data once, then checks every claim
        return [engine.check(c, params, fresh).as_json for c in fresh.claims]

    def report_stage():
        return report.render_pages(records, data.table("sources"), data.table("articles"),
                                   data.table("claims_excluded"), [], base_url="https://example.org/")

    def pages_stage():
        return [notebook_page.body(p) for p in sorted((out_dir / "notebooks").glob("*.ipynb"))]

    records = engine_stage()
    for name, stage in (("engine", engine_stage), ("report pages", report_stage), ("notebook pages", pages_stage)):
        stage()
        start = time.perf_counter()
        stage()
        times[name] = time.perf_counter() - start
    return {"claims": len(claims), "seconds": times}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", choices=["engine", "report pages", "notebook pages"])
    args = parser.parse_args()
    base, grown = BENCH / "main-data-base", BENCH / "main-data-grown"
    outs = BENCH / "out-main-main-data-base", BENCH / "out-main-main-data-grown"
    if not grown.is_dir() or not outs[1].is_dir():
        sys.exit("run benchmarks/claims_cost.py first: it prepares build/bench-claims/")
    if args.profile:
        profiler = cProfile.Profile()
        with contextlib.redirect_stdout(io.StringIO()):
            profiler.enable()
            stages(grown, outs[1])
            profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        return
    committed, more = stages(base, outs[0]), stages(grown, outs[1])
    added = more["claims"] - committed["claims"]
    print(f"{'stage':<16}{'committed s':>12}{'grown s':>10}{'ms/claim':>10}")
    rows = []
    for name in committed["seconds"]:
        a, b = committed["seconds"][name], more["seconds"][name]
        rows.append({"stage": name, "committed_s": round(a, 3), "grown_s": round(b, 3),
                     "ms_per_claim": round(1000 * (b - a) / added, 2)})
        print(f"{name:<16}{a:>12.2f}{b:>10.2f}{1000 * (b - a) / added:>10.2f}")
    (BENCH / "profile.json").write_text(json.dumps({"claims_added": added, "rows": rows}, indent=1) + "\n")


if __name__ == "__main__":
    main()
