"""Wall time of the two README commands with a warm .venv (run: python3 benchmarks/wall_time.py).

Prints the median of a few runs of `make report` and `make test`. A measurement, not a test:
nothing asserts on it. Run it from a clean checkout; `make report` leaves the tree as it was.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def wall_time(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main(runs: int = 3) -> None:
    wall_time(["make", ".venv/.installed"])  # warm the environment first
    for target in ("report", "test"):
        times = [wall_time(["make", target]) for _ in range(runs)]
        print(f"make {target}: median {statistics.median(times):.1f} s over {runs} runs "
              f"(min {min(times):.1f}, max {max(times):.1f})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
