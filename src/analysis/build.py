"""The runner behind ``make report``: execute every notebook, safely, and collect the verdicts.

For each notebook, in name order:

1. check the parameters against what the notebook declares (``papermill.inspect_notebook``)
   and against :mod:`analysis.parameters` — an unknown name or a bad value stops everything
   before anything runs, with the list of accepted parameters;
2. execute it with papermill into a temporary file;
3. normalise it (no timings, deterministic cell ids) so a rebuild changes no byte;
4. only then ``os.replace`` the notebook and its ``results/<name>.json`` into place.

A notebook that fails leaves its committed copy untouched, is kept aside as
``<output>/failed/<name>.ipynb``, is reported with its cell and error, and the others still run;
the exit status is then 1.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from analysis import loaders, parameters, paths, results
from analysis.errors import DataValidationError, ParameterError

KERNEL = "python3"


@dataclass
class Outcome:
    notebook: str
    ok: bool
    seconds: float
    records: list[dict] = field(default_factory=list)
    error: str = ""


def declared_parameters(notebook: Path) -> list[str]:
    """Names declared in the notebook's ``parameters`` cell."""
    return list(_declared(notebook).keys())


def _declared(notebook: Path) -> dict[str, dict]:
    import papermill

    return papermill.inspect_notebook(str(notebook))


#: How a ``-p name=value`` string becomes the type the notebook declares.
COERCE = {"float": float, "int": int, "bool": lambda v: str(v).lower() in ("1", "true", "yes")}


def coerce(notebook: Path, overrides: dict[str, str]) -> dict[str, object]:
    """The overrides this notebook declares, converted to the declared types (papermill would
    otherwise inject every ``-p`` value as a string)."""
    declared = _declared(notebook)
    return {
        name: COERCE.get(declared[name]["inferred_type_name"], str)(value)
        for name, value in overrides.items()
        if name in declared
    }


def check_parameters(notebooks: list[Path], overrides: dict[str, str]) -> None:
    """Every override must be declared by at least one notebook and pass its parser."""
    declared = sorted({name for nb in notebooks for name in declared_parameters(nb)})
    parameters.check(overrides, accepted=declared)


def normalise(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop what changes from run to run (timings, papermill bookkeeping, random cell ids)."""
    notebook.metadata.pop("papermill", None)
    notebook.metadata.pop("widgets", None)
    for index, cell in enumerate(notebook.cells):
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        cell["id"] = f"cell-{index:02d}"
        for output in cell.get("outputs", []):
            output.get("metadata", {}).pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = merge_streams(cell.outputs)
    return notebook


def merge_streams(outputs: list) -> list:
    """Join consecutive stdout (or stderr) chunks: how the kernel splits them depends on timing."""
    merged: list = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (
            output.get("output_type") == "stream"
            and previous is not None
            and previous.get("output_type") == "stream"
            and previous.get("name") == output.get("name")
        ):
            previous["text"] = previous["text"] + output["text"]
        else:
            merged.append(output)
    return merged


def _failure(executed: Path) -> str:
    """The cell and error of a failed papermill run, from the partly executed copy."""
    try:
        notebook = nbformat.read(executed, as_version=4)
    except Exception:  # noqa: BLE001 - the copy may not exist or be half written
        return "the notebook could not be executed"
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return f"cell {index}: {output.get('ename')}: {output.get('evalue')}"
    return "the notebook could not be executed"


def run_one(
    notebook: Path, out_notebooks: Path, out_results: Path, failed_dir: Path, overrides: dict[str, str]
) -> Outcome:
    """Execute one notebook; write it and its results only if the whole run succeeded."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    started = time.monotonic()
    mine = coerce(notebook, overrides)
    with tempfile.TemporaryDirectory(prefix="analysis-build-") as tmp:
        executed = Path(tmp) / notebook.name
        try:
            papermill.execute_notebook(
                str(notebook),
                str(executed),
                parameters=mine,
                kernel_name=KERNEL,
                cwd=str(notebook.parent),
                progress_bar=False,
                log_output=False,
                # Quiet the kernel's own log (ipykernel 7 warns about TCP on every start),
                # which would otherwise break into the progress lines.
                extra_arguments=["--IPKernelApp.log_level=ERROR"],
            )
        except PapermillExecutionError as exc:
            failed_dir.mkdir(parents=True, exist_ok=True)
            if executed.exists():
                shutil.copyfile(executed, failed_dir / notebook.name)
            return Outcome(notebook.name, False, time.monotonic() - started,
                           error=f"cell In[{exc.exec_count}]: {exc.ename}: {exc.evalue} "
                                 f"(failed copy kept in {failed_dir / notebook.name})")
        except Exception as exc:  # noqa: BLE001 - report and go on with the next notebook
            return Outcome(notebook.name, False, time.monotonic() - started,
                           error=f"{type(exc).__name__}: {exc}")
        executed_nb = normalise(nbformat.read(executed, as_version=4))
        records = results.extract(executed_nb)
        results.atomic_write_text(out_notebooks / notebook.name, nbformat.writes(executed_nb) + "\n")
        if records:
            results.atomic_write_text(out_results / f"{notebook.stem}.json", results.dumps(records))
    return Outcome(notebook.name, True, time.monotonic() - started, records=records)


def build(
    notebooks: list[Path] | None = None,
    out_notebooks: Path | None = None,
    out_results: Path | None = None,
    overrides: dict[str, str] | None = None,
    data_dir: Path | None = None,
    failed_dir: Path | None = None,
    stream=sys.stdout,
) -> list[Outcome]:
    """Run every notebook; print one progress line each and a verdict table at the end."""
    overrides = overrides or {}
    notebooks = notebooks if notebooks is not None else sorted(paths.notebooks_dir().glob("[0-9]*.ipynb"))
    out_notebooks = out_notebooks or paths.notebooks_dir()
    out_results = out_results or paths.results_dir()
    if failed_dir is None:
        # Never next to the committed notebooks: build/ is ignored by git.
        in_place = out_notebooks == paths.notebooks_dir()
        failed_dir = paths.project_root() / "build" / "failed" if in_place else out_notebooks.parent / "failed"
    if data_dir is not None:
        os.environ[paths.DATA_DIR_ENV] = str(Path(data_dir).resolve())
    loaders.validate_package(data_dir)
    check_parameters(notebooks, overrides)

    outcomes = []
    for index, notebook in enumerate(notebooks, start=1):
        print(f"[{index}/{len(notebooks)}] {notebook.name} ...", end=" ", file=stream, flush=True)
        outcome = run_one(notebook, out_notebooks, out_results, failed_dir, overrides)
        status = "ok" if outcome.ok else "FAILED"
        print(f"{status} {outcome.seconds:.1f} s", file=stream, flush=True)
        if not outcome.ok:
            print(f"    {outcome.error}", file=stream, flush=True)
        outcomes.append(outcome)
    return outcomes


def verdict_table(outcomes: list[Outcome]) -> str:
    """The verdicts of a build, as plain text."""
    from analysis.tables import as_text

    records = [r for o in outcomes for r in o.records]
    if not records:
        return "(no verdicts)"
    return as_text(results.summary(records), ndigits=3)


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis build [-p name=value ...] [--out DIR] [--data-dir DIR]``."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m analysis build", description=__doc__.split("\n")[0])
    parser.add_argument("-p", "--parameter", action="append", default=[], metavar="NAME=VALUE",
                        help="override a notebook parameter; the run then goes to --out, never over "
                             "the committed notebooks")
    parser.add_argument("--out", type=Path, default=None,
                        help="output folder for notebooks/ and results/ (default: the committed "
                             "ones; with -p or --data-dir: build/runs/<parameters>)")
    parser.add_argument("--data-dir", type=Path, default=None, help="use another copy of data/")
    parser.add_argument("--base-url", default="",
                        help="where the report will be published (absolute ClaimReview URLs), e.g. "
                             "https://example.org/factcheck/; default: relative links")
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks to run (default: all)")
    args = parser.parse_args(argv)

    overrides: dict[str, str] = {}
    for item in args.parameter:
        name, sep, value = item.partition("=")
        if not sep:
            parser.error(f"-p takes NAME=VALUE, got {item!r}")
        overrides[name.strip()] = value.strip()

    out = args.out
    if out is None and (overrides or args.data_dir):
        slug = "_".join(f"{k}-{v}" for k, v in sorted(overrides.items())) or "data-dir"
        out = paths.project_root() / "build" / "runs" / "".join(c if c.isalnum() or c in "-_." else "-" for c in slug)
    out_notebooks = out / "notebooks" if out else None
    out_results = out / "results" if out else None

    try:
        outcomes = build(
            notebooks=[n.resolve() for n in args.notebooks] or None,
            out_notebooks=out_notebooks,
            out_results=out_results,
            overrides=overrides,
            data_dir=args.data_dir,
        )
    except (DataValidationError, ParameterError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print()
    print(verdict_table(outcomes))
    failed = [o for o in outcomes if not o.ok]
    where = out or paths.project_root()
    print(f"\n{len(outcomes) - len(failed)} of {len(outcomes)} notebooks ran; outputs in {where}")

    from analysis import readme, report

    index = report.build_report(
        (out / "report") if out else paths.project_root() / "report",
        results_dir=out_results, notebooks_dir=out_notebooks, data_dir=args.data_dir,
        base_url=args.base_url,
    )
    if out is None and readme.write():
        print("README.md: verdict table updated from results/")
    print(f"Report: {index}")
    return 1 if failed else 0
