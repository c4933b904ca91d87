"""Where things live. Notebooks and tests resolve every path here, never with ``../``."""

from __future__ import annotations

import os
from pathlib import Path

#: Environment variable that points the loaders at another copy of ``data/``
#: (set by ``python -m analysis build --data-dir DIR``; unset in normal use).
DATA_DIR_ENV = "ANALYSIS_DATA_DIR"


def project_root() -> Path:
    """The repository root: the folder holding ``pyproject.toml`` above this package."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").is_file() and (parent / "data").is_dir():
            return parent
    raise RuntimeError(
        f"cannot find the project root above {here}: install the package in editable mode "
        "from a clone (`make test` does it)"
    )


def data_dir() -> Path:
    """The data folder: ``$ANALYSIS_DATA_DIR`` if set, else ``<root>/data``."""
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override).resolve() if override else project_root() / "data"


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
