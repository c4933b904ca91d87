"""Checks at the command line's boundary, before anything runs: where the outputs may go, what the
published URL may be, and whether the terminal can show the report's text. Each failure is a
message saying what to do, exit status 2, nothing written."""

from __future__ import annotations

import subprocess
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from analysis import paths
from analysis.errors import AnalysisError, OutputError, ParameterError, display_path

#: Characters the build prints (French quotes, accents, dashes): the terminal must be able to show them.
SAMPLE = "« é – »"


def check_locale(*streams) -> None:
    """Stop with a message, not a traceback half-way, if the terminal cannot show the report's text."""
    for stream in streams:
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            SAMPLE.encode(encoding)
        except (UnicodeEncodeError, LookupError):
            raise AnalysisError(f"the terminal's encoding is {encoding}, which cannot show the report's French text. "
                                "Run with a UTF-8 locale (LANG=C.UTF-8) or PYTHONIOENCODING=utf-8.") from None


def check_base_url(value: str) -> str:
    """The URL the report will be published at: http(s), with a host, no spaces, ending in ``/`` (added
    when missing, so page names append cleanly); empty: none."""
    text = (value or "").strip()
    if not text:
        return ""
    parts = urlsplit(text)
    if parts.scheme not in ("https", "http") or not parts.netloc or any(c.isspace() for c in text) \
            or parts.query or parts.fragment:
        raise ParameterError(f"--base-url {value!r} is not an http(s) address of a folder (like "
                             "https://example.org/factcheck/): give the address where report/ will be published.")
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def committed_files(folder: Path) -> list[str]:
    """The files git tracks under ``folder`` (none when git or the repository is not there)."""
    try:
        listed = subprocess.run(["git", "ls-files", "--", str(folder)], cwd=paths.project_root(), capture_output=True,
                                text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return []
    return [line for line in listed.stdout.splitlines() if line.strip()] if listed.returncode == 0 else []


def check_out(out: Path, data_dir: Path | None) -> None:
    """``--out`` must be a folder of its own: never the project itself, its data, or any folder that
    holds committed files (a variant's notebooks and results would overwrite the publication's)."""
    target = out.resolve()
    root = paths.project_root().resolve()
    data = (Path(data_dir) if data_dir else root / "data").resolve()
    if target == root or target in root.parents:
        raise OutputError(f"--out {display_path(out)} is the project folder (or holds it): a re-run would overwrite the "
                          "published notebooks and results. Choose a folder of its own (the default is build/runs/…).")
    if target == data or data in target.parents or target in data.parents:
        raise OutputError(f"--out {display_path(out)} is (or holds, or lies in) the data folder. Choose a folder of "
                          "its own (the default is build/runs/…).")
    if root in target.parents or target == root:
        tracked = committed_files(target)
        if tracked:
            raise OutputError(f"--out {display_path(out)} holds committed files ({tracked[0]}, …): a re-run would "
                              "overwrite them. Choose a folder of its own (the default is build/runs/…).")
