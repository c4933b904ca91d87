"""Errors that tell the reader where the problem is and what to do about it."""

from __future__ import annotations

from pathlib import Path


class DataValidationError(ValueError):
    """A data file breaks its contract. Names the file, the line and the column.

    ``line`` counts lines of the CSV file as a spreadsheet does: the header is line 1,
    the first data row line 2. ``None`` where the problem is not tied to one row.
    """

    def __init__(self, path: Path | str, line: int | None, column: str | None, message: str):
        self.path = Path(path)
        self.line = line
        self.column = column
        self.message = message
        where = [_display_path(self.path)]
        if line is not None:
            where.append(f"row {line}")
        if column is not None:
            where.append(f"column '{column}'")
        super().__init__(
            f"{', '.join(where)}: {message}. Fix the file (see data/README.md for the contract) "
            "and run again."
        )


class ParameterError(ValueError):
    """A notebook parameter is unknown or has a bad value."""


def _display_path(path: Path) -> str:
    """Show a path relative to the project when it lies inside it."""
    from analysis.paths import project_root

    try:
        return str(path.resolve().relative_to(project_root()))
    except ValueError:
        return str(path)
