"""Speed and size of the build, before and after, side by side in one run (issue "Speed").

Makes two fresh clones (a baseline commit and the current HEAD) in build/bench/, then measures in
each, on this machine, in the same run:

- fresh clone: the first `make report` (environment set-up included) and the size of .venv after it;
- `make test` with a warm environment, and the size of the full environment after it;
- a full build (every notebook) against the import-only floor: papermill running a notebook that
  only does what the project's notebooks import (their import cell, read from the clone's first
  notebook: pandas, matplotlib and the package), once per project notebook, one after another;
- a no-op build (nothing changed) against one kernel start (the floor divided by the notebooks);
- where the version has warm kernels, the full build with a kernel of its own for each notebook
  (``--kernel-per-notebook``: the way before them; since kernels are forked from a warm process,
  a new kernel costs little, so this is no longer a cold build), against the same floor.

The floor, the full build and the no-op build are medians of three interleaved runs, after one
warm-up kernel start; `make test` and the fresh clone are measured once.

Prints a table and writes build/bench/results.json; asserts nothing (a timing is not a test).
Run: python3 benchmarks/speed.py [BASELINE_REF]   (it takes several minutes).
     python3 benchmarks/speed.py --here   (floor, full and no-op builds only, in this work tree, with
     its .venv: about a minute; writes build/bench/here.json)
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "build" / "bench"
#: The last commit before the verdict-engine and speed work (what "before" means in the notes).
DEFAULT_BASELINE = "566e7cb"
#: Floor, full build and no-op build are each measured this many times; the table gives medians.
REPEATS = 3
IMPORT_ONLY = {
    "cells": [{"cell_type": "code", "execution_count": None, "id": "c0", "metadata": {}, "outputs": [],
               "source": "import analysis"}],  # replaced by the notebooks' own import cell
    "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    "nbformat": 4, "nbformat_minor": 5,
}


def run(command: list[str], cwd: Path, check: bool = True) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=check, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def clone(ref: str, name: str) -> Path:
    target = BENCH / name
    shutil.rmtree(target, ignore_errors=True)
    subprocess.run(["git", "clone", "-q", str(ROOT), str(target)], check=True)
    subprocess.run(["git", "checkout", "-q", ref], cwd=target, check=True)
    return target


def import_cell(clone_dir: Path) -> str:
    """The first code cell of the clone's first notebook that imports something (outside the
    parameters cell): what every notebook's kernel has to import before it can check anything."""
    first = min((clone_dir / "notebooks").glob("[0-9]*.ipynb"))
    for cell in json.loads(first.read_text(encoding="utf-8"))["cells"]:
        text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        tags = cell.get("metadata", {}).get("tags", [])
        if cell["cell_type"] == "code" and "parameters" not in tags and ("import " in text):
            return "\n".join(line for line in text.splitlines() if line.startswith(("import ", "from ")))
    return "import analysis"


def floor(clone_dir: Path, notebooks: int) -> float:
    """papermill running an import-only notebook once per project notebook, one after another."""
    notebook = clone_dir / "build" / "import_only.ipynb"
    notebook.parent.mkdir(parents=True, exist_ok=True)
    content = json.loads(json.dumps(IMPORT_ONLY))
    content["cells"][0]["source"] = import_cell(clone_dir)
    notebook.write_text(json.dumps(content), encoding="utf-8")
    code = (f"import papermill\nfor _ in range({notebooks}):\n"
            f"    papermill.execute_notebook({str(notebook)!r}, {str(notebook) + '.out'!r}, progress_bar=False,"
            " kernel_name='python3')")
    return run([str(clone_dir / ".venv" / "bin" / "python"), "-c", code], clone_dir)


def measure(clone_dir: Path, label: str, environment: bool = True) -> dict:
    python = str(clone_dir / ".venv" / "bin" / "python")
    notebooks = len(list((clone_dir / "notebooks").glob("[0-9]*.ipynb")))
    row: dict = {"version": label, "notebooks": notebooks, "floor_imports": import_cell(clone_dir)}
    if environment:
        row["fresh_clone_first_report_s"] = run(["make", "report"], clone_dir)
        row["report_env_mb"] = size_mb(clone_dir / ".venv")
        row["test_s"] = run(["make", "test"], clone_dir, check=False)
        row["full_env_mb"] = size_mb(clone_dir / ".venv")
    help_text = subprocess.run([python, "-m", "analysis", "build", "--help"], cwd=clone_dir, check=False, capture_output=True,
                               text=True).stdout
    force = ["--force"] if "--force" in help_text else []
    floor(clone_dir, 1)  # warm-up: the first kernel start after an install pays for compiling and caching
    # A version with warm kernels can also run each notebook in a kernel of its own (the old way).
    cold = ["--kernel-per-notebook"] if "--kernel-per-notebook" in help_text else None
    floors, fulls, noops, colds = [], [], [], []
    for _ in range(REPEATS):  # interleaved, so a slow moment of the machine touches all alike
        floors.append(floor(clone_dir, notebooks))
        fulls.append(run([python, "-m", "analysis", "build", *force], clone_dir))
        if cold:
            colds.append(run([python, "-m", "analysis", "build", *force, *cold], clone_dir))
        run([python, "-m", "analysis", "build"], clone_dir)  # settle: a second build after the full one
        noops.append(run([python, "-m", "analysis", "build"], clone_dir))
    row["floor_s"], row["full_build_s"], row["noop_build_s"] = (statistics.median(x) for x in (floors, fulls, noops))
    row["full_build_over_floor"] = row["full_build_s"] / row["floor_s"]
    if colds:
        row["kernel_per_notebook_build_s"] = statistics.median(colds)
        row["kernel_per_notebook_over_floor"] = row["kernel_per_notebook_build_s"] / row["floor_s"]
    row["noop_over_one_kernel_start"] = row["noop_build_s"] / (row["floor_s"] / notebooks)
    return row


def here() -> None:
    """Floor, full and no-op builds in this work tree (its .venv must exist: `make report`)."""
    BENCH.mkdir(parents=True, exist_ok=True)
    row = measure(ROOT, "work tree", environment=False)
    for key, value in row.items():
        print(f"{key:28} {value:.2f}" if isinstance(value, float) else f"{key:28} {value}")
    (BENCH / "here.json").write_text(json.dumps(row, indent=1), encoding="utf-8")


def main(baseline: str = DEFAULT_BASELINE) -> None:
    BENCH.mkdir(parents=True, exist_ok=True)
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout.strip()
    rows = [measure(clone(baseline, "before"), f"before ({baseline})"), measure(clone(head, "after"), f"after ({head})")]
    columns = ["version", "notebooks", "floor_s", "full_build_s", "full_build_over_floor", "noop_build_s",
               "noop_over_one_kernel_start", "test_s", "fresh_clone_first_report_s", "report_env_mb", "full_env_mb"]
    print(" | ".join(columns))
    for row in rows:
        print(" | ".join(f"{row[c]:.2f}" if isinstance(row[c], float) else str(row[c]) for c in columns))
    (BENCH / "results.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--here"]:
        here()
    else:
        main(*sys.argv[1:2])
