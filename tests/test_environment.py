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


def test_the_readme_promises_the_python_the_locks_are_resolved_for():
    minimum = environment.minimum_python(ROOT)
    major_minor = ".".join(minimum.split(".")[:2])
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"{major_minor} or later" in readme, "README must state the oldest Python pyproject.toml requires"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(rf"^MIN_PYTHON := {re.escape(minimum)}$", makefile, flags=re.MULTILINE), \
        "make lock resolves for the minimum of pyproject.toml's requires-python"
    for name in ("report.lock", "dev.lock"):
        header = (ROOT / "requirements" / name).read_text(encoding="utf-8").splitlines()[:2]
        assert any(f"--python-version {minimum}" in line for line in header), f"{name} records its Python"


def test_no_installed_distribution_excludes_the_oldest_python_promised():
    """Offline: every installed package's Requires-Python admits the documented minimum (a lock made
    on a newer interpreter once pinned soupsieve 4.1.3, which needs 3.11.5, breaking Debian 12)."""
    from importlib.metadata import distributions

    from packaging.specifiers import SpecifierSet

    minimum = environment.minimum_python(ROOT)
    locked = pins("dev.lock")
    excluding = []
    for dist in distributions():
        name = dist.metadata["Name"].lower().replace("_", "-")
        spec = dist.metadata.get("Requires-Python")
        if name in locked and spec and not SpecifierSet(spec).contains(minimum, prereleases=True):
            excluding.append(f"{name}=={dist.version} (Requires-Python {spec})")
    assert not excluding, f"these pins exclude Python {minimum}: {', '.join(sorted(excluding))}; run `make lock`"


def test_committed_notebooks_do_not_record_the_interpreter_version():
    import json

    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        info = json.loads(path.read_text(encoding="utf-8"))["metadata"].get("language_info", {})
        assert "version" not in info, f"{path.name}: a build on another Python would rewrite it"


def test_make_lab_opens_the_project_kernel_and_works_as_root():
    import json

    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lab = makefile[makefile.index("\nlab:"):].split("\n\n")[0]
    assert "--sys-prefix --name python3" in lab and "--allow-root" in lab and 'id -u)" = 0' in lab
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        assert json.loads(path.read_text(encoding="utf-8"))["metadata"]["kernelspec"]["name"] == "python3"


def test_the_dev_lock_installed_as_it_is_lacks_nothing_its_packages_need():
    """The dev lock is installed with --no-deps, so it must be whole: pip finds no installed
    package missing a requirement, and what the Makefile leaves out (LEFT_OUT, with its reason)
    is neither locked nor installed."""
    import subprocess
    import sys
    from importlib.metadata import PackageNotFoundError, version

    check = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    left_out = re.search(r"^LEFT_OUT := (.+)$", makefile, re.MULTILINE).group(1).split()
    assert left_out and "--no-deps -r requirements/dev.lock" in makefile
    locked = pins("dev.lock")
    for name in left_out:
        assert name not in locked, f"{name} is left out of the dev lock (Makefile LEFT_OUT); run `make lock`"
        try:
            found = version(name)
        except PackageNotFoundError:
            continue
        raise AssertionError(f"{name} {found} is installed though the dev lock leaves it out: rebuild with "
                             "`make clean-venv test`")
