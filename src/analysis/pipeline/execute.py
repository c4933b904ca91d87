"""Execute one notebook (on a build thread, or in any executor's worker): papermill into a staging
folder, normalise, take the records out and check them against the record schema. Never writes
outside the staging folder (and, for a failed run, build/failed/, or failed/ in the --out folder).

Given a :class:`~analysis.pipeline.kernels.KernelPool`, the notebook runs in one of its warm kernels
(the build's way); without one, papermill starts and stops a kernel of its own (any executor,
even on another machine, can run a job so)."""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from analysis import collector

if TYPE_CHECKING:
    from nbformat import NotebookNode

    from analysis.pipeline.kernels import KernelPool

KERNEL = "python3"
# ipykernel 7 warns about TCP on every start: keep its log out of the progress lines.
EXTRA_ARGUMENTS = ["--IPKernelApp.log_level=ERROR"]
CELL_TIMEOUT = 600  # seconds: a cell that runs longer is a hung kernel, not a slow computation


@dataclass
class Job:
    notebook: Path
    staged: Path  # where the executed notebook is written
    parameters: dict
    failed_dir: Path


@dataclass
class Result:
    name: str
    ok: bool
    seconds: float
    staged: Path | None = None
    records: list[dict] = field(default_factory=list)
    results_text: str = ""  # the records as results/<notebook>.json holds them (records.dumps)
    # The sha256 of the staged notebook's text and of the results text (made on a thread of the build
    # as the files are written, not in the serial publication step).
    notebook_sha256: str = ""
    results_sha256: str = ""
    tables: list[str] = field(default_factory=list)
    # The executed notebook, normalised, before nbformat's rules split its texts into lines for the
    # file: what the report draws the notebook's page from (kept until the build has published).
    notebook: NotebookNode | None = field(default=None, repr=False, compare=False)
    error: str = ""
    exit_status: int = 0  # 1: a cell failed; 2: the run could not happen (kernel died, output unwritable)


def execute(job: Job, kernels: KernelPool | None = None) -> Result:
    """Run one notebook (in a kernel of ``kernels``, else in one of its own); on success its
    normalised copy is at ``job.staged``: :func:`run`, then :func:`finish`."""
    ran = run(job, kernels)
    return finish(ran) if isinstance(ran, Ran) else ran


@dataclass
class Ran:
    """A notebook that ran to its end, its kernel given back; :func:`finish` writes it."""

    job: Job
    notebook: object  # the executed NotebookNode
    seconds: float  # from when it had a kernel to when it gave it back


def run(job: Job, kernels: KernelPool | None = None) -> Ran | Result:
    """The kernel's part: execute the notebook and give the kernel back. A notebook that ran to
    its end is a :class:`Ran` (its kernel is free for the next one while :func:`finish` writes
    it); one that did not is its failed :class:`Result`."""
    from papermill.exceptions import PapermillExecutionError

    started = time.monotonic()
    name = job.notebook.name
    raw = job.staged.with_suffix(".raw.ipynb")
    kernel = None
    try:
        if kernels is not None:
            from analysis.pipeline.warm_engine import ENGINE

            kernel = kernels.kernel(job.notebook.parent)
            # Its time from when it has a kernel: the first notebooks wait for the kernels to be
            # ready, and that wait would make them look the longest to the next build's order.
            started = time.monotonic()
            # The kernel already runs in the notebook's folder: no cwd (papermill would chdir this
            # process, which other threads share).
            where = {"engine_name": ENGINE, "km": kernel.km, "kc": kernel.kc}
        else:
            where = {"cwd": str(job.notebook.parent), "extra_arguments": EXTRA_ARGUMENTS}
        ran = run_papermill(job.notebook, raw, job.parameters, **where)
    except PapermillExecutionError as exc:
        _give_back(kernels, kernel, healthy=True)  # a cell raised; the kernel is fine
        kept = _keep_failed(raw, job.failed_dir, name)
        return Result(name, False, time.monotonic() - started, exit_status=1,
                      error=f"cell In[{exc.exec_count}] raised {exc.ename}: {exc.evalue}{kept}")
    except Exception as exc:  # noqa: BLE001 - every other failure is reported, the other notebooks go on
        _give_back(kernels, kernel, healthy=False)  # dead, hung or never ready: replaced
        kept = _keep_failed(raw, job.failed_dir, name)
        kind = " ".join(type(e).__name__ for e in (exc, exc.__cause__) if e is not None)
        if "DeadKernel" in kind:
            why = "the kernel died (killed, or out of memory); run the build again, or open the notebook to see where"
        elif "Timeout" in kind:
            why = f"a cell ran longer than {CELL_TIMEOUT} s (a hung kernel?)"
        elif "NoSuchKernel" in kind:
            why = f"no Jupyter kernel named {KERNEL!r}: run `make report`, which installs ipykernel"
        else:
            why = f"{kind}: {exc}"
        return Result(name, False, time.monotonic() - started, exit_status=2, error=why + kept)
    _give_back(kernels, kernel, healthy=True)
    raw.unlink(missing_ok=True)  # papermill writes it only for a failed run
    return Ran(job, ran, time.monotonic() - started)


def finish(ran: Ran) -> Result:
    """The build's part, no kernel needed: normalise the executed notebook, take its records out,
    check them against the record schema, and write the notebook to ``job.staged``."""
    job, name = ran.job, ran.job.notebook.name
    # Its time: the kernel's, and this function's own (not a wait for a thread to run it).
    started = time.monotonic() - ran.seconds
    try:
        with collector.paused():  # the records read back and validated are many objects
            return _finished(job, name, started, ran.notebook)
    except OSError as exc:
        from analysis.pipeline.publication import output_error

        return Result(name, False, time.monotonic() - started, exit_status=2, error=str(output_error(job.staged, exc)))
    except ValueError as exc:
        return Result(name, False, time.monotonic() - started, exit_status=1,
                      error=f"its verdict records do not match the record schema: {exc}")
    except TypeError as exc:  # json.dumps refuses what JSON cannot hold (bytes, an object)
        return Result(name, False, time.monotonic() - started, exit_status=1,
                      error=f"its outputs hold a value a notebook file cannot: {exc}")


def _finished(job: Job, name: str, started: float, notebook) -> Result:
    """:func:`finish`'s work; raises what :func:`finish` reports (``OSError``: the file could not
    be written; ``ValueError``: a record does not match the schema; ``TypeError``: an output JSON
    cannot hold)."""
    from analysis import json_text
    from analysis.hashing import sha256_bytes
    from analysis.pipeline import notebooks as nbs
    from analysis.verdicts.records import check_text, dumps

    executed = nbs.normalise(notebook)
    # The results file's text, made here on a thread of the build rather than in the serial
    # publication step; the records are read back from it, with their keys sorted at every level
    # as the files have them (what a record says never depends on where it was read from).
    # They are encoded once, for the results file and the notebook both.
    found = nbs.extract(executed)
    try:
        encoded = json_text.compact(found, sort_keys=True)
    except ValueError:  # NaN or an infinity: written as json.dumps writes them, as always
        encoded = None
    results_text = dumps(found, encoded)
    text = results_text if encoded is None else encoded
    check_text(text)  # every record matches the schema, strictly
    records = json_text.loads(text)
    if not records:
        return Result(name, False, time.monotonic() - started, exit_status=1,
                      error="it published no verdict record (its last cell should call run.publish())")
    notebook_text = nbs.text(executed, encoded) + "\n"
    job.staged.write_text(notebook_text, encoding="utf-8")
    return Result(name, True, time.monotonic() - started, staged=job.staged, records=records, results_text=results_text,
                  tables=nbs.tables_read(executed), notebook=executed,
                  notebook_sha256=sha256_bytes(notebook_text.encode()), results_sha256=sha256_bytes(results_text.encode()))


def run_papermill(notebook: Path, raw: Path, parameters: dict, cwd: str | None = None, **engine: object):
    """``papermill.execute_notebook`` (2.x) step by step, with papermill's own functions: read the
    notebook, inject the parameters, execute it with the engine, and raise
    ``PapermillExecutionError`` if a cell failed, papermill having written the failed notebook to
    ``raw``. Unlike ``execute_notebook``, a notebook that ran to the end is returned without also
    being written to ``raw``: the build writes it once, normalised (serialising a notebook of a
    thousand claims twice cost more than running them)."""
    from papermill.engines import papermill_engines
    from papermill.execute import prepare_notebook_metadata, raise_for_execution_errors, remove_error_markers
    from papermill.iorw import load_notebook_node, local_file_io_cwd
    from papermill.parameterize import parameterize_notebook
    from papermill.utils import chdir

    engine_name = engine.pop("engine_name", None)
    with local_file_io_cwd():
        nb = load_notebook_node(str(notebook))
        if parameters:
            nb = parameterize_notebook(nb, parameters, False, kernel_name=KERNEL, engine_name=engine_name)
        nb = prepare_notebook_metadata(nb, str(notebook), str(raw), False)
        nb = remove_error_markers(nb)
        kernel_name = papermill_engines.nb_kernel_name(engine_name=engine_name, nb=nb, name=KERNEL)
        with chdir(cwd):
            nb = papermill_engines.execute_notebook_with_engine(
                engine_name, nb, input_path=str(notebook), output_path=None, kernel_name=kernel_name,
                progress_bar=False, log_output=False, start_timeout=60, stdout_file=None, stderr_file=None,
                execution_timeout=CELL_TIMEOUT, **engine)
        raise_for_execution_errors(nb, str(raw))
    return nb


def _give_back(kernels: KernelPool | None, kernel, healthy: bool) -> None:
    if kernels is not None and kernel is not None:
        kernels.done(healthy)


def _keep_failed(raw: Path, failed_dir: Path, name: str) -> str:
    if not raw.exists():
        return ""
    try:
        failed_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(raw, failed_dir / name)
        raw.unlink()
    except OSError:
        return ""
    return f" (the partly executed copy is in {failed_dir / name})"
