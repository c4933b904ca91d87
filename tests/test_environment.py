"""Two locks, both exact pins, kept in step: the lean one for the report, its superset for the
tests and the lab; environment.yml (conda) pins the full set; CI runs the README's test command."""

from __future__ import annotations

import re

from analysis import paths
from analysis.pipeline import environment

ROOT = paths.project_root()


def pins(name: str) -> dict[str, str]:
    return environment.lock_pins((ROOT / "requirements" / name).read_text(encoding="utf-8"))


def test_every_line_of_the_locks_is_an_exact_pin():
    for name in ("report.lock", "dev.lock"):
        body = [ln for ln in (ROOT / "requirements" / name).read_text().splitlines() if ln.strip() and not ln.startswith("#")]
        assert body and all("==" in ln for ln in body), name


def test_the_report_lock_is_a_subset_of_the_dev_lock_with_the_same_versions():
    report, dev = pins("report.lock"), pins("dev.lock")
    assert {k: dev.get(k) for k in report} == report


def test_the_report_environment_is_lean():
    report = pins("report.lock")
    for heavy in ("jupyterlab", "playwright", "pytest", "ruff", "nbval"):
        assert heavy not in report, f"{heavy} is not needed to build the report"
    for core in ("pandas", "matplotlib", "papermill", "frictionless", "babel"):
        assert core in report


def test_current_major_versions_are_pinned():
    report = pins("report.lock")
    assert report["pandas"].split(".")[0] == "3", "pandas 3: its printed output is what the notebooks hold"


def test_environment_yml_matches_the_dev_lock():
    yml = (ROOT / "environment.yml").read_text(encoding="utf-8")
    found = dict(re.findall(r"^\s+- ([A-Za-z0-9_.\-\[\]]+)==(\S+)$", yml, flags=re.MULTILINE))
    assert {k.lower(): v for k, v in found.items()} == pins("dev.lock")


def test_ci_runs_the_readme_test_command_only():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme and "make report" in readme
    ci = [ln for ln in (ROOT / ".ci" / "run").read_text().splitlines() if ln.strip() and not ln.startswith("#")]
    assert ci[-1] == "make test"
