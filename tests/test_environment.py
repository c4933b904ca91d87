"""environment.yml (conda) pins exactly what requirements.lock (make) installs."""

from __future__ import annotations

import re

from analysis import environment, paths

ROOT = paths.project_root()


def test_environment_yml_matches_the_lock():
    lock = environment.lock_pins((ROOT / "requirements.lock").read_text(encoding="utf-8"))
    yml = (ROOT / "environment.yml").read_text(encoding="utf-8")
    pins = dict(re.findall(r"^\s+- ([A-Za-z0-9_.\-\[\]]+)==(\S+)$", yml, flags=re.MULTILINE))
    assert {k.lower(): v for k, v in pins.items()} == lock


def test_the_lock_pins_every_core_package_exactly():
    lock = environment.lock_pins((ROOT / "requirements.lock").read_text(encoding="utf-8"))
    for name in ("pandas", "matplotlib", "papermill", "nbval", "jupyterlab", "pytest", "frictionless"):
        assert name in lock, name
    assert lock["pandas"].split(".")[0] == "2", "pandas 3 changes printed output: keep 2.x"
    body = [line for line in (ROOT / "requirements.lock").read_text().splitlines()
            if line.strip() and not line.startswith("#")]
    assert all("==" in line for line in body), "every line of the lock is an exact pin"


def test_ci_runs_the_readme_test_command_only():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme and "make report" in readme
    ci = [line for line in (ROOT / ".ci" / "run").read_text().splitlines()
          if line.strip() and not line.startswith("#")]
    assert ci[-1] == "make test"
