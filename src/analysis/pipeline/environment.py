"""Keep ``environment.yml`` (conda users) in step with ``requirements/dev.lock`` (the full set
``make test`` installs; ``requirements/report.lock`` is its subset for ``make report``)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from analysis import paths

PIN = re.compile(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s;#]+)")


def lock_pins(text: str) -> dict[str, str]:
    """``name -> version`` for every ``name==version`` line (comments and blanks skipped)."""
    pins = {}
    for line in text.splitlines():
        match = PIN.match(line.strip())
        if match:
            pins[match.group(1).lower()] = match.group(2)
    return pins


def environment_yml(pins: dict[str, str], python: str) -> str:
    """A conda environment that installs exactly the locked pins with pip."""
    lines = [
        "# Generated from requirements/dev.lock by `python -m analysis sync-environment`. Do not edit.",
        "name: trump-putin-fact-check",
        "channels:",
        "  - conda-forge",
        "dependencies:",
        f"  - python={python}",
        "  - pip",
        "  - pip:",
    ]
    lines += [f"      - {name}=={version}" for name, version in sorted(pins.items())]
    lines.append("      - -e .")
    return "\n".join(lines) + "\n"


def write_environment_yml(root: Path | None = None) -> Path:
    root = root or paths.project_root()
    pins = lock_pins((root / "requirements" / "dev.lock").read_text(encoding="utf-8"))
    target = root / "environment.yml"
    python = ".".join(minimum_python(root).split(".")[:2])
    target.write_text(environment_yml(pins, python), encoding="utf-8")
    return target


def minimum_python(root: Path | None = None) -> str:
    """The oldest Python the project promises, from ``requires-python`` in ``pyproject.toml``
    (``">=3.11"`` gives ``"3.11.0"``): what the locks are resolved for and what the README says."""
    root = root or paths.project_root()
    spec = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    match = re.fullmatch(r"\s*>=\s*(\d+)\.(\d+)(?:\.(\d+))?\s*", spec)
    if not match:
        raise ValueError(f"pyproject.toml: requires-python {spec!r} is not of the form '>=X.Y[.Z]'")
    major, minor, micro = match.groups()
    return f"{major}.{minor}.{micro or 0}"
