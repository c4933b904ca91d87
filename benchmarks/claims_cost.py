"""What one more claim costs a full build, before and after, in one run (issue "Two times", item 6;
issue "Fast at any size", item 2).

For each version (a baseline commit, in its own clone with its own environment, and the working
tree), a full build (`python -m analysis build --force`) runs on copies of the data: as committed,
and with the register grown by about 1,000 claims (the rows that notebooks 04 and 05 check with
`check_all`, copied under new ids, so no notebook needs an edit). The cost per claim of a pair is
(grown - committed) / claims added, the grown build run just after its own committed one (this
shared machine drifts, and one build's time moves by a second from one run to the next: more than
a thousand claims cost). The versions' pairs are interleaved, ROUNDS rounds of PAIRS[version]
pairs each (the working tree's builds are short, so it gets more pairs and a steadier median); the
table gives the medians of the builds, and of the pairs with their quartiles and range, and the
same median in CPU time (all the build's processes). The working tree is also measured with the
register grown by about 5,000 claims (SIZES), each such build just after the pair's other two: a
steadier figure a claim, and a check that a claim costs no more in a larger register. Asserts
nothing (a timing is not a test).

Run: python3 benchmarks/claims_cost.py [BASELINE_REF]   (about twenty minutes, more the first time,
which makes the baseline's environment). Run with nothing else on the machine.
"""

from __future__ import annotations

import csv
import io
import json
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "build" / "bench-claims"
DEFAULT_BASELINE = "b47be3e"  # the last commit before "Two times and one data object"
TARGET_ADDED = 1000
ROUNDS = 5
PAIRS = {"before": 1, "after": 3}  # pairs of builds per round, by version
# The registers grown, by version: about 1,000 claims (the measure), and for the working tree
# also about 5,000, where one build's drift of a second is a fifth of a millisecond a claim (and a
# cost that grows faster than the claims would show).
SIZES = {"before": (TARGET_ADDED,), "after": (TARGET_ADDED, 5 * TARGET_ADDED)}


def grown_register(text: str, target: int = TARGET_ADDED) -> tuple[str, int]:
    """The register with the rows of notebooks 04 and 05 copied under new ids until about
    ``target`` rows were added."""
    rows = list(csv.DictReader(io.StringIO(text)))
    columns = list(rows[0])
    pool = [r for r in rows if r["notebook"] in ("04_timeline", "05_statements")]
    added: list[dict] = []
    copy = 0
    while len(added) < target:
        copy += 1
        added += [{**r, "claim_id": f"{r['claim_id']}-copy{copy}", "headline": ""} for r in pool]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows + added)
    return out.getvalue(), len(added)


def prepare(checkout: Path, sizes: tuple[int, ...] = (TARGET_ADDED,)) -> tuple[Path, list[tuple[int, Path, int]]]:
    """Copies of the checkout's data: as committed, and with the register grown by about each of
    ``sizes`` claims (``grown`` for the first, ``grown-N`` for the others): (size, folder, claims added)."""
    base = BENCH / f"{checkout.name}-data-base"
    shutil.rmtree(base, ignore_errors=True)
    shutil.copytree(checkout / "data", base)
    register = (checkout / "data" / "claims.csv").read_text(encoding="utf-8")
    grown = []
    for index, size in enumerate(sizes):
        target = BENCH / (f"{checkout.name}-data-grown" if index == 0 else f"{checkout.name}-data-grown-{size}")
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(checkout / "data", target)
        text, added = grown_register(register, size)
        (target / "claims.csv").write_text(text, encoding="utf-8")
        grown.append((size, target, added))
    return base, grown


def baseline(ref: str) -> Path:
    """A clone of ``ref`` with its own environment (made once, then reused)."""
    target = BENCH / "baseline"
    if not (target / ".venv" / ".report-installed").is_file() or _head(target) != _rev(ref):
        shutil.rmtree(target, ignore_errors=True)
        subprocess.run(["git", "clone", "-q", str(ROOT), str(target)], check=True)
        subprocess.run(["git", "checkout", "-q", ref], cwd=target, check=True)
        subprocess.run(["make", "report"], cwd=target, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    return target


def _rev(ref: str) -> str:
    return subprocess.run(["git", "rev-parse", ref], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()


def _head(checkout: Path) -> str:
    found = subprocess.run(["git", "rev-parse", "HEAD"], cwd=checkout, capture_output=True, text=True, check=False)
    return found.stdout.strip()


ATTEMPTS = 3  # a build that fails is run again (the baseline's kernels can lose a race for a port)
RETRIED: list[str] = []  # the builds that failed and were run again (said at the end, and in results.json)


def build_seconds(checkout: Path, data: Path) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user and system, of the build and every process it waited
    for: its kernels, its forks) of one full build. CPU time is a second view, less moved by other
    tenants' load than wall time, though this machine's CPU time itself moves within an hour. A
    build that fails is said on stderr and run again, up to ATTEMPTS times in all."""
    out = BENCH / f"out-{checkout.name}-{data.name}"
    command = [str(checkout / ".venv" / "bin" / "python"), "-m", "analysis", "build", "--force", "--jobs", "2",
               "--data-dir", str(data), "--out", str(out)]
    for attempt in range(1, ATTEMPTS + 1):
        shutil.rmtree(out, ignore_errors=True)
        started, cpu = time.perf_counter(), _children_cpu()
        done = subprocess.run(command, cwd=checkout, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - started
        if done.returncode == 0:
            return seconds, _children_cpu() - cpu
        why = next((line.strip() for line in done.stdout.splitlines() if "FAILED" in line), "see its output")
        print(f"build {attempt} of {ATTEMPTS} failed in {checkout} on {data.name}: {why}", file=sys.stderr)
        RETRIED.append(f"{checkout.name} on {data.name}: {why}")
    raise SystemExit(f"build failed in {checkout} on {data}:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(ref: str = DEFAULT_BASELINE) -> None:
    BENCH.mkdir(parents=True, exist_ok=True)
    versions = {"before": baseline(ref), "after": ROOT}
    inputs = {name: prepare(checkout, SIZES[name]) for name, checkout in versions.items()}
    times: dict[tuple[str, str], list[float]] = {}
    cpu: dict[tuple[str, str], list[float]] = {}
    for _ in range(ROUNDS):
        for name, checkout in versions.items():
            base, grown = inputs[name]
            for _pair in range(PAIRS[name]):
                for label, data in (("committed", base), *((f"grown {size}", folder) for size, folder, _ in grown)):
                    wall, used = build_seconds(checkout, data)
                    times.setdefault((name, label), []).append(wall)
                    cpu.setdefault((name, label), []).append(used)
    rows = [summary(name, size, added, times, cpu) for name in versions for size, _folder, added in inputs[name][1]]
    print(f"{'version':8} {'added':>6} {'pairs':>5} {'committed s':>12} {'grown s':>9} {'ms/claim':>9} {'paired':>7}"
          f" {'quartiles':>13} {'range':>14} {'CPU ms':>7}")
    for row in rows:
        low, high = row["paired_range"]
        q1, q3 = row["paired_quartiles"]
        print(f"{row['version']:8} {row['claims_added']:6d} {row['pairs']:5d} {row['committed_s']:12.2f} "
              f"{row['grown_s']:9.2f} {row['ms_per_claim']:9.2f} {row['ms_per_claim_paired']:7.2f} {q1:6.2f} – {q3:4.2f} "
              f"{low:6.2f} – {high:5.2f} {row['cpu_ms_per_claim_paired']:7.2f}")
    if RETRIED:
        print(f"\n{len(RETRIED)} build(s) failed and were run again (their failed runs are not timed):",
              *RETRIED, sep="\n  ")
    (BENCH / "results.json").write_text(json.dumps({"baseline": ref, "rows": rows, "retried": RETRIED, "runs": {
        f"{k[0]}/{k[1]}": v for k, v in times.items()}, "cpu_seconds": {
        f"{k[0]}/{k[1]}": v for k, v in cpu.items()}}, indent=1) + "\n", encoding="utf-8")


def summary(name: str, size: int, added: int, times: dict, cpu: dict) -> dict:
    """One version's row for one grown register: the medians of its builds, and of its pairs (each
    grown build against the committed one run just before it) in wall and CPU time, with the pairs'
    quartiles and range."""
    label = f"grown {size}"
    committed, grown = times[(name, "committed")], times[(name, label)]
    paired = sorted(1000 * (g - c) / added for c, g in zip(committed, grown, strict=True))
    quartiles = statistics.quantiles(paired, n=4) if len(paired) > 1 else [paired[0], paired[0], paired[0]]
    return {"version": name, "claims_added": added, "pairs": len(paired),
            "committed_s": round(statistics.median(committed), 2), "grown_s": round(statistics.median(grown), 2),
            "ms_per_claim": round(1000 * (statistics.median(grown) - statistics.median(committed)) / added, 2),
            "ms_per_claim_paired": round(statistics.median(paired), 2),
            "paired_quartiles": [round(quartiles[0], 2), round(quartiles[2], 2)],
            "paired_range": [round(paired[0], 2), round(paired[-1], 2)],
            "cpu_ms_per_claim_paired": round(statistics.median(
                1000 * (g - c) / added for c, g in zip(cpu[(name, "committed")], cpu[(name, label)], strict=True)), 2)}


if __name__ == "__main__":
    main(*sys.argv[1:2])
