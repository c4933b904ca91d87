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


def data_dir(folder: Path | str | None = None) -> Path:
    """The data folder to use (default: the project's ``data/``); a clear error if it is missing."""
    from analysis.errors import DataValidationError

    found = Path(folder) if folder else project_root() / "data"
    if not found.is_dir():
        default = folder is None or found.resolve() == (project_root() / "data").resolve()
        raise DataValidationError(found, None, None, "the data folder does not exist",
                                  hint=("Restore it with `git checkout -- data/`." if default else
                                        "Give an existing copy of data/ (--data-dir)."))
    return found.resolve()
