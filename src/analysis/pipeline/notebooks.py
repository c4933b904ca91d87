"""Notebook files: read them safely, find their parameters, normalise executed copies, and take
the verdict records out of them."""

from __future__ import annotations

import ast
import copy
import json
from pathlib import Path

from analysis.errors import NotebookError
from analysis.io.contract import METADATA_KEY, TABLES_KEY


def read(path: Path) -> dict:
    """A notebook as JSON, with a clear error if it is missing, truncated or not a notebook."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise NotebookError(f"{path}: notebook not found. Restore it with `git checkout -- {path}`.") from None
    except (UnicodeDecodeError, OSError) as exc:
        raise NotebookError(f"{path}: cannot be read ({exc}). Restore it with `git checkout -- {path}`.") from None
    try:
        notebook = json.loads(text)
    except json.JSONDecodeError as exc:
        raise NotebookError(f"{path}: not valid notebook JSON (line {exc.lineno}: {exc.msg}); the file may be "
                            f"truncated. Restore it with `git checkout -- {path}`.") from None
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list) or notebook.get("nbformat") != 4:
        raise NotebookError(f"{path}: not a version-4 Jupyter notebook (no 'cells' list). Restore it with git.")
    return notebook


def source(cell: dict) -> str:
    text = cell.get("source", "")
    return "".join(text) if isinstance(text, list) else str(text)


def parameters_cell(notebook: dict) -> dict | None:
    tagged = [c for c in notebook["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    return tagged[0] if tagged else None


def declared_parameters(path: Path) -> dict[str, str]:
    """``name -> annotation`` of the literals in the notebook's ``parameters`` cell (read with
    ``ast``: no kernel, no papermill)."""
    notebook = read(path)
    cell = parameters_cell(notebook)
    if cell is None:
        return {}
    try:
        tree = ast.parse(source(cell))
    except SyntaxError as exc:
        raise NotebookError(f"{path}: the parameters cell is not valid Python ({exc.msg}, line {exc.lineno}).") from None
    declared = {}
    for statement in tree.body:
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            declared[statement.target.id] = ast.unparse(statement.annotation)
        elif isinstance(statement, ast.Assign):
            for target in statement.targets:
                if isinstance(target, ast.Name):
                    declared[target.id] = ""
    return declared


COERCE = {"float": float, "int": int, "bool": lambda v: str(v).lower() in ("1", "true", "yes")}


def coerce(path: Path, overrides: dict[str, str]) -> dict[str, object]:
    """The overrides this notebook declares, converted to the declared types (papermill would
    otherwise inject every ``-p`` value as a string)."""
    declared = declared_parameters(path)
    return {name: COERCE.get(declared[name], str)(value) for name, value in overrides.items() if name in declared}


def source_text(notebook: dict) -> str:
    """What of a notebook determines its outputs: its cells' types, tags and sources (no outputs)."""
    return json.dumps([[c.get("cell_type"), sorted(c.get("metadata", {}).get("tags", [])), source(c)]
                       for c in notebook["cells"]], ensure_ascii=False)


def normalise(notebook):
    """Drop what changes from run to run or machine to machine (timings, papermill bookkeeping,
    random cell ids, the interpreter's version) and join split output streams, so a rebuild
    changes no byte."""
    notebook.metadata.pop("papermill", None)
    notebook.metadata.pop("widgets", None)
    # The interpreter's version would make every notebook differ between two supported Pythons.
    notebook.metadata.get("language_info", {}).pop("version", None)
    for index, cell in enumerate(notebook.cells):
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        cell["id"] = f"cell-{index:02d}"
        for output in cell.get("outputs", []):
            output.get("metadata", {}).pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = merge_streams(cell.outputs)
    return notebook


#: Stands in a copy of the notebook for its records while the rest is encoded (``\x00`` is never
#: in a notebook's text: JSON writes it escaped).
_RECORDS_HERE = "\x00analysis: the records\x00"


def text(notebook, records_json: str | None = None) -> str:
    """``nbformat.writes(notebook)`` for a version-4 notebook: the same text (nbformat's own rules
    split the lines and drop what is transient), but on a copy of only the parts those rules change
    rather than a deep copy, and serialised by :mod:`analysis.json_text`. A notebook that checks a
    thousand claims holds megabytes of records and Markdown lines: ``nbformat.writes`` took about
    0.2 s for it, this about a tenth of that. The notebook is checked against the notebook schema
    as ``nbformat.writes`` checks it (an invalid one is logged, not refused).

    ``records_json``: the records of the one output that holds them (:func:`extract`) as
    :func:`analysis.json_text.compact` wrote them, keys sorted, when the caller has that text
    already (the build writes it to the results file too): spliced in rather than encoded again."""
    import nbformat
    from nbformat import NotebookNode
    from nbformat.v4.rwbase import split_lines, strip_transient

    from analysis import json_text

    if notebook.get("nbformat") != 4:
        return nbformat.writes(notebook)
    try:
        nbformat.validate(notebook)
    except nbformat.ValidationError as exc:
        nbformat.get_logger().error("Notebook JSON is invalid: %s", exc)
    copied = NotebookNode(notebook)
    copied["metadata"] = NotebookNode(notebook["metadata"])
    copied["cells"] = [_cell_copy(cell) for cell in notebook["cells"]]
    written = strip_transient(split_lines(copied))
    holding = [output for cell in written["cells"] for output in cell.get("outputs", [])
               if METADATA_KEY in output.get("metadata", {})]
    if records_json is None or len(holding) != 1:
        return json_text.dumps(written, indent=1, sort_keys=True)
    metadata = holding[0]["metadata"]
    holding[0]["metadata"] = {**metadata, METADATA_KEY: _RECORDS_HERE}  # on the copy: the notebook keeps its own
    here = json_text.compact(_RECORDS_HERE)
    try:
        body = json_text.compact(written, sort_keys=True)
    except ValueError:  # NaN or an infinity elsewhere in the notebook: as json.dumps writes them
        body = ""
    if body.count(here) != 1:  # (or an output that shows the stand-in's own text)
        holding[0]["metadata"] = metadata
        return json_text.dumps(written, indent=1, sort_keys=True)
    return json_text.indented(body.replace(here, records_json), indent=1)


def _cell_copy(cell):
    """A cell, copied as deep as nbformat's ``split_lines`` and ``strip_transient`` write into it."""
    from nbformat import NotebookNode

    copied = NotebookNode(cell)
    copied["metadata"] = NotebookNode(cell.get("metadata", {}))
    if "attachments" in cell:
        copied["attachments"] = copy.deepcopy(cell["attachments"])
    if "outputs" in cell:
        copied["outputs"] = [NotebookNode(output, **({"data": dict(output["data"])} if "data" in output else {}))
                             for output in cell["outputs"]]
    return copied


def merge_streams(outputs: list) -> list:
    """Join consecutive stdout (or stderr) chunks: how the kernel splits them depends on timing."""
    merged: list = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (output.get("output_type") == "stream" and previous is not None
                and previous.get("output_type") == "stream" and previous.get("name") == output.get("name")):
            previous["text"] = previous["text"] + output["text"]
        else:
            merged.append(output)
    return merged


def extract(notebook) -> list[dict]:
    """The verdict records a notebook published (empty if it published none)."""
    records: list[dict] = []
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            records.extend(output.get("metadata", {}).get(METADATA_KEY, []))
    return records


def tables_read(notebook) -> list[str]:
    """The data tables a notebook's run read (its data dependencies)."""
    found: set[str] = set()
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            found.update(output.get("metadata", {}).get(TABLES_KEY, []))
    return sorted(found)


def error_of(notebook) -> str | None:
    """The first error output of an executed notebook, as ``cell N: Name: value``."""
    for index, cell in enumerate(notebook["cells"]):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return f"cell {index}: {output.get('ename')}: {output.get('evalue')}"
    return None
