"""Where things live. Notebooks and tests resolve every path here, never with ``../``."""

from __future__ import annotations

from pathlib import Path


def project_root() -> Path:
    """The repository root: the folder holding ``pyproject.toml`` above this package."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").is_file() and (parent / "src" / "analysis").is_dir():
            return parent
    raise RuntimeError(
        f"cannot find the project root above {here}: install the package in editable mode "
        "from a clone (`make test` does it)"
    )


def notebooks_dir() -> Path:
    return project_root() / "notebooks"


def results_dir() -> Path:
    return project_root() / "results"


def report_dir() -> Path:
    return project_root() / "report"


def build_dir() -> Path:
    """Scratch space (ignored by git): staging, failed runs, parameter runs, caches."""
    return project_root() / "build"


def schemas_dir() -> Path:
    return project_root() / "schemas"
