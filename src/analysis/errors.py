"""Failures a user can act on. Each message says what failed, where, and what to do.

The command line prints these without a traceback and exits with status 2 (``--debug`` shows the
traceback); anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

from pathlib import Path


class AnalysisError(Exception):
    """A failure with a message that names the culprit and says what to do."""

    exit_status = 2


class DataValidationError(AnalysisError, ValueError):
    """A data file breaks its contract. Names the file, the row and the column.

    ``line`` counts lines of the CSV file as a spreadsheet does: the header is line 1,
    the first data row line 2. ``None`` where the problem is not tied to one row.
    """

    def __init__(self, path: Path | str, line: int | None, column: str | None, message: str,
                 hint: str = "Fix the file (see data/README.md for the contract) and run again."):
        self.path = Path(path)
        self.line = line
        self.column = column
        self.message = message
        where = [display_path(self.path)]
        if line is not None:
            where.append(f"row {line}")
        if column is not None:
            where.append(f"column '{column}'")
        super().__init__(f"{', '.join(where)}: {message}. {hint}")


class ParameterError(AnalysisError, ValueError):
    """A notebook parameter is unknown or has a bad value."""


class RegisterError(AnalysisError, ValueError):
    """The claim register and the notebooks or records disagree (a claim nobody checks, a record
    whose claim is not registered, a notebook that does not exist)."""


class NotebookError(AnalysisError):
    """A notebook file cannot be read, or its run failed in a way that is not a cell error."""


class OutputError(AnalysisError):
    """An output cannot be written (read-only folder, full disk, missing folder)."""


def display_path(path: Path | str) -> str:
    """A path relative to the project when it lies inside it, else as given."""
    from analysis.paths import project_root

    path = Path(path)
    try:
        return str(path.resolve().relative_to(project_root()))
    except (ValueError, RuntimeError, OSError):
        return str(path)
