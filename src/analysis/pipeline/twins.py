"""The notebooks' text twins: each notebook's code and prose, without outputs, in jupytext's percent
format under ``notebooks/py/``. A reviewer reads a change there (``git diff notebooks/py/``): one
edited code cell is a few lines, where the executed notebook's JSON moves with every output.

The twins are written from the notebooks (``python -m analysis pair``, ``make pair``), never the other
way round; ``jupytext.toml`` pairs them in JupyterLab too, so saving a notebook updates its twin. A test
fails when a twin is out of date. jupytext is a development tool (requirements/dev.in): the build does
not need it.
"""

from __future__ import annotations

from pathlib import Path

from analysis import paths

#: What a twin keeps of the notebook's metadata: nothing of the notebook's, the cells' tags (the
#: parameters cell stays marked). The same filters as ``jupytext.toml``.
OPTIONS = {"notebook_metadata_filter": "-all", "cell_metadata_filter": "tags,-all"}
FORMAT = "py:percent"


def twin_path(notebook: Path) -> Path:
    return notebook.parent / "py" / f"{notebook.stem}.py"


def twin_text(notebook: Path) -> str:
    """The twin of one notebook, as text (deterministic: no jupytext version or kernel in it)."""
    import jupytext

    book = jupytext.read(notebook)
    book.metadata["jupytext"] = dict(OPTIONS)
    return jupytext.writes(book, fmt=FORMAT)


def stale(notebooks: list[Path] | None = None) -> list[Path]:
    """The notebooks whose twin is missing or differs from what :func:`twin_text` writes."""
    notebooks = notebooks or sorted(paths.notebooks_dir().glob("[0-9]*.ipynb"))
    return [nb for nb in notebooks
            if not twin_path(nb).is_file() or twin_path(nb).read_text(encoding="utf-8") != twin_text(nb)]


def write(notebooks: list[Path] | None = None) -> list[Path]:
    """Write the twins that are out of date; return them."""
    written = []
    for notebook in stale(notebooks):
        target = twin_path(notebook)
        target.parent.mkdir(exist_ok=True)
        target.write_text(twin_text(notebook), encoding="utf-8")
        written.append(target)
    return written
