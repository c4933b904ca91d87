"""The runner: byte-identical rebuilds, strict parameters, a failing notebook kept aside while the
others publish, parameter runs in their own folder touching only the notebooks that declare the
parameter, and nothing re-run when nothing changed."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from analysis import paths
from analysis.pipeline import notebooks as nbs
from analysis.pipeline import runner
from conftest import TEST_BASE_URL, replace_cell

ROOT = paths.project_root()


def fingerprint(folder: Path, pattern: str) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob(pattern))}


def committed() -> dict[str, str]:
    return fingerprint(paths.notebooks_dir(), "*.ipynb") | fingerprint(paths.results_dir(), "*.json") | {
        "README.md": hashlib.sha256((ROOT / "README.md").read_bytes()).hexdigest()}


def test_a_rebuild_reproduces_every_committed_byte(fresh_build):
    """Through the runner and a kernel: conftest.REEXECUTED is run again and gives the committed
    notebook and results byte for byte (the others are copies; nbval and the in-process run below
    prove them)."""
    from conftest import REEXECUTED

    assert f"{REEXECUTED} ... ok" in (fresh_build / ".complete").read_text(encoding="utf-8"), "it was run again"
    assert fingerprint(fresh_build / "notebooks", "*.ipynb") == fingerprint(paths.notebooks_dir(), "[0-9]*.ipynb")
    assert fingerprint(fresh_build / "results", "[0-9]*.json") == fingerprint(paths.results_dir(), "[0-9]*.json")


def test_a_second_build_with_nothing_changed_runs_nothing(fresh_build):
    before = fingerprint(fresh_build / "notebooks", "*.ipynb") | fingerprint(fresh_build / "report", "*.html")
    out = io.StringIO()
    assert runner.build(out=fresh_build, stream=out, base_url=TEST_BASE_URL) == 0
    assert out.getvalue().count("unchanged, skipped") == len(list(paths.notebooks_dir().glob("[0-9]*.ipynb")))
    assert "ran" in out.getvalue() and "0 notebook(s) ran" in out.getvalue()
    assert fingerprint(fresh_build / "notebooks", "*.ipynb") | fingerprint(fresh_build / "report", "*.html") == before


def test_a_changed_notebook_is_planned_again(tmp_path):
    source = paths.notebooks_dir() / "02_ndaa.ipynb"
    copy = tmp_path / "02_ndaa.ipynb"
    shutil.copyfile(source, copy)
    data = paths.project_root() / "data"
    first = runner.plan([copy], tmp_path, tmp_path / "results", data, {}, False, {"notebooks": {}})[0]
    manifest = {"notebooks": {"02_ndaa": {"inputs": first.inputs, "tables": None,
                                          "outputs": {"notebooks/02_ndaa.ipynb": "x"}}}}
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "02_ndaa.ipynb").write_text("x", encoding="utf-8")
    manifest["notebooks"]["02_ndaa"]["outputs"] = {
        "notebooks/02_ndaa.ipynb": hashlib.sha256(b"x").hexdigest()}
    again = runner.plan([copy], tmp_path, tmp_path / "results", data, {}, False, manifest)[0]
    assert not again.run
    book = nbformat.read(copy, as_version=4)
    book.cells[0].source += "\nOne more sentence."
    nbformat.write(book, copy)
    changed = runner.plan([copy], tmp_path, tmp_path / "results", data, {}, False, manifest)[0]
    assert changed.run and changed.why == "changed"
    assert runner.plan([copy], tmp_path, tmp_path / "results", data, {"clock": "moscow"}, False, manifest)[0].run


def test_bad_data_stops_the_build_and_leaves_everything_untouched(data_copy, capsys):
    line = replace_cell(data_copy / "contacts.csv", "2025-06-04-call", "2025-06-04,2025-06-04", "2025-06-31,2025-06-04")
    before = committed()
    assert runner.main(["--data-dir", str(data_copy)]) == 2
    assert f"contacts.csv, row {line}, column 'date'" in capsys.readouterr().err
    assert committed() == before


def test_unknown_parameter_and_bad_value_stop_before_running(capsys):
    assert runner.main(["-p", "asof=2025-12-18"]) == 2
    err = capsys.readouterr().err
    assert "unknown parameter 'asof'" in err and "as_of:" in err
    assert runner.main(["-p", "clock=paris"]) == 2
    assert "bad value for parameter 'clock'" in capsys.readouterr().err


@pytest.mark.slow
def test_parameter_runs_go_to_their_own_folder_and_touch_only_their_notebooks(tmp_path):
    before = committed()
    out = io.StringIO()
    status = runner.build(overrides={"clock": "moscow", "republican_share": "0.25"}, out=tmp_path, stream=out)
    assert status == 0, out.getvalue()
    ran = sorted(p.name for p in (tmp_path / "notebooks").glob("*.ipynb"))
    assert ran == ["01_calls.ipynb", "03_polls.ipynb"], "only the notebooks that declare the parameters"
    calls = nbformat.read(tmp_path / "notebooks" / "01_calls.ipynb", as_version=4)
    injected = [c for c in calls.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and 'clock = "moscow"' in injected[0].source
    polls = nbformat.read(tmp_path / "notebooks" / "03_polls.ipynb", as_version=4)
    injected = [c for c in polls.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert "republican_share = 0.25" in injected[0].source  # a float, not the string "0.25"
    page = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert 'class="variant"' in page and "clock=moscow republican_share=0.25" in page, "it says it is not the publication"
    assert "application/ld+json" not in page and not (tmp_path / "report" / "claimreview.jsonld").exists()
    assert committed() == before


@pytest.mark.slow
def test_a_failing_notebook_is_kept_aside_and_publishes_nothing_while_the_others_publish(tmp_path):
    """One notebook raises, one publishes no verdict record, one succeeds: the first two fail
    (exit 1) and publish nothing, the third publishes."""
    source = tmp_path / "src"
    source.mkdir()
    shutil.copyfile(paths.notebooks_dir() / "02_ndaa.ipynb", source / "02_ndaa.ipynb")
    failing = new_notebook(cells=[new_code_cell("raise RuntimeError('boom')")])
    failing.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(failing, source / "01_calls.ipynb")
    silent = new_notebook(cells=[new_code_cell("print('no verdicts here')")], metadata=failing.metadata)
    nbformat.write(silent, source / "03_polls.ipynb")
    out_dir = tmp_path / "out"
    (out_dir / "notebooks").mkdir(parents=True)
    (out_dir / "notebooks" / "01_calls.ipynb").write_text("previous good copy", encoding="utf-8")
    stream = io.StringIO()
    status = runner.build(notebooks=sorted(source.glob("*.ipynb")), out=out_dir, stream=stream)
    assert status == 1
    progress = stream.getvalue()
    assert "01_calls.ipynb ... FAILED" in progress and "RuntimeError: boom" in progress
    assert "02_ndaa.ipynb ... ok" in progress
    assert "03_polls.ipynb ... FAILED" in progress and "published no verdict record" in progress
    assert (out_dir / "notebooks" / "01_calls.ipynb").read_text(encoding="utf-8") == "previous good copy"
    assert not (out_dir / "results" / "01_calls.json").exists()
    assert (out_dir / "results" / "02_ndaa.json").is_file()
    assert (out_dir / "failed" / "01_calls.ipynb").is_file(), "a re-run keeps its failed copies in its own folder"


def test_consecutive_stream_chunks_are_merged():
    outputs = [new_output("stream", name="stdout", text="a\n"), new_output("stream", name="stdout", text="b\n"),
               new_output("stream", name="stderr", text="w\n"), new_output("stream", name="stdout", text="c\n")]
    merged = nbs.merge_streams(outputs)
    assert [(o["name"], o["text"]) for o in merged] == [("stdout", "a\nb\n"), ("stderr", "w\n"), ("stdout", "c\n")]


def test_declared_parameters_are_read_without_a_kernel():
    assert nbs.declared_parameters(paths.notebooks_dir() / "03_polls.ipynb") == {
        "as_of": "str", "speaks_from": "str", "republican_share": "float", "baseline_n_ratio": "float",
        "confidence": "float", "data_dir": "str"}


def run_in_process(path: Path, overrides: dict[str, str]) -> list[dict]:
    """Execute a notebook's code cells in this process, with the overrides set after its
    parameters cell as papermill injects them; return its verdict records. The same code a kernel
    runs, without the kernel start (the runner's own path is tested above)."""
    import contextlib

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    namespace: dict = {"__name__": "__main__"}
    with contextlib.redirect_stdout(io.StringIO()):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                exec(compile(cell.source, path.name, "exec"), namespace)  # noqa: S102
                if "parameters" in cell.metadata.get("tags", []):
                    namespace.update(nbs.coerce(path, overrides))
    plt.close("all")
    run = namespace["run"]
    return [run.checks[claim_id].as_json for claim_id in run.register]


@pytest.mark.parametrize("path", sorted(paths.notebooks_dir().glob("[0-9]*.ipynb")), ids=lambda p: p.stem)
def test_each_notebook_gives_its_committed_records_byte_for_byte(path):
    """The code the kernels run, run here with the default parameters, gives the committed
    results/*.json exactly: with nbval (the outputs) this proves the committed notebooks without a
    second full build."""
    from analysis.verdicts.records import dumps

    committed_text = (paths.results_dir() / f"{path.stem}.json").read_text(encoding="utf-8")
    # A kernel hands its records over in the notebook's metadata, which nbformat writes with sorted keys.
    assert dumps(json.loads(json.dumps(run_in_process(path, {}), sort_keys=True))) == committed_text


@pytest.mark.parametrize("as_of", ["2020-01-01", "2025-06-01", "2027-01-01"])
def test_every_notebook_runs_as_of_any_date_and_says_why_a_claim_cannot_be_checked(as_of):
    """Issue "One verdict engine": before the events, between them and past the data's coverage,
    no notebook fails, every claim has a record checked as of that date, and each UNVERIFIABLE
    record gives its reason."""
    from conftest import project

    records = [r for path in sorted(paths.notebooks_dir().glob("*.ipynb"))
               for r in run_in_process(path, {"as_of": as_of, "speaks_from": as_of})]
    assert sorted(r["claim_id"] for r in records) == sorted(c.claim_id for c in project().claims)
    assert {r["as_of"] for r in records} == {as_of}
    unverifiable = [r for r in records if r["verdict"] == "UNVERIFIABLE"]
    assert unverifiable and len(unverifiable) < len(records)
    assert all(r["explanation"] for r in unverifiable)


def test_a_chart_with_nothing_to_draw_says_so(monkeypatch):
    """The timeline of date claims when none could be checked (no records yet): a sentence, no crash."""
    from analysis.publish import notebook

    said: list[str] = []
    monkeypatch.setattr(notebook, "_md", said.append)
    notebook.Run("04_timeline").charts.timeline()
    assert said and said[0].startswith("*No chart: no date")


def test_the_notebooks_with_the_most_claims_run_first():
    """On two kernels, two long notebooks must not queue behind each other (runner.heaviest_first)."""
    from types import SimpleNamespace

    from analysis.pipeline.runner import Plan, heaviest_first

    plans = [Plan(Path(f"notebooks/{name}.ipynb"), "", True, "forced", {}) for name in ("a", "b", "c", "d")]
    claims = [SimpleNamespace(notebook=n) for n in ("c", "c", "c", "b", "d", "d", "d")]
    assert [p.notebook.stem for p in heaviest_first(plans, claims)] == ["c", "d", "b", "a"]
    # once each has run here, by the time it took (a notebook never timed: by claims again)
    took = {"a": 2.0, "b": 0.5, "c": 0.9, "d": 1.2}
    assert [p.notebook.stem for p in heaviest_first(plans, claims, took)] == ["a", "d", "c", "b"]
    untimed = {k: v for k, v in took.items() if k != "a"}
    assert [p.notebook.stem for p in heaviest_first(plans, claims, untimed)] == ["c", "d", "b", "a"]


def test_the_time_each_notebook_took_is_kept_for_the_next_build(tmp_path, monkeypatch):
    from types import SimpleNamespace

    monkeypatch.setattr(paths, "build_dir", lambda: tmp_path / "build")
    data, other = tmp_path / "data", tmp_path / "grown"
    data.mkdir()
    other.mkdir()
    assert runner.read_timings(data) == {}, "none yet"
    runner.write_timings({"a": SimpleNamespace(ok=True, seconds=1.23456), "b": SimpleNamespace(ok=False, seconds=9)},
                         data)
    runner.write_timings({"c": SimpleNamespace(ok=True, seconds=0.5)}, data)
    runner.write_timings({"a": SimpleNamespace(ok=True, seconds=7.0)}, other)
    assert runner.read_timings(data) == {"a": 1.235, "c": 0.5}, "a failed run is not a timing; earlier ones are kept"
    assert runner.read_timings(other) == {"a": 7.0}, "each data folder has its own"
    other.rmdir()
    runner.write_timings({"c": SimpleNamespace(ok=True, seconds=0.4)}, data)
    assert runner.read_timings(other) == {}, "a folder that is gone (a test's) is forgotten: the file does not grow"
    assert runner.read_timings(data) == {"a": 1.235, "c": 0.4}
    (tmp_path / "build" / runner.TIMINGS).write_text("not json", encoding="utf-8")
    assert runner.read_timings(data) == {}, "an unreadable file is no timing"


def test_a_kernel_goes_on_to_the_next_notebook_while_the_build_writes_the_last_one(monkeypatch):
    """execute.run on the kernels' threads, execute.finish on the build's own: a kernel never waits
    for a notebook's records to be checked and its file written. A notebook that failed in its
    kernel is not finished; one whose finishing raises is reported, and the others go on."""
    import threading
    from concurrent.futures import ThreadPoolExecutor
    from types import SimpleNamespace

    from analysis.pipeline import execute

    kernel_threads = ThreadPoolExecutor(max_workers=1)  # one kernel: c runs only if b does not hold it
    second_started = threading.Event()
    where: dict[str, str] = {}

    def run(job, kernels):
        where[f"run {job.notebook.stem}"] = threading.current_thread().name
        if job.notebook.stem == "a":
            return execute.Result("a.ipynb", False, 0.1, exit_status=1, error="cell In[1] raised ValueError: no")
        if job.notebook.stem == "c":
            second_started.set()
        return execute.Ran(job, notebook=None, seconds=0.1)

    def finish(ran):
        where[f"finish {ran.job.notebook.stem}"] = threading.current_thread().name
        if ran.job.notebook.stem == "b":
            assert second_started.wait(5), "the kernel did not go on while b was being finished"
            raise RuntimeError("disk full")
        return execute.Result(ran.job.notebook.name, True, ran.seconds + 0.2)

    monkeypatch.setattr(execute, "run", run)
    monkeypatch.setattr(execute, "finish", finish)
    pool = SimpleNamespace(submit=kernel_threads.submit, close=lambda: None)
    jobs = [execute.Job(Path(f"{stem}.ipynb"), Path(f"run-{stem}"), {}, Path("failed")) for stem in "abc"]
    stream = io.StringIO()
    try:
        results = runner._run(jobs, pool, stream, 0, 3)
    finally:
        kernel_threads.shutdown()
    assert [results[s].ok for s in "abc"] == [False, False, True]
    assert "disk full" in results["b"].error and "raised ValueError" in results["a"].error
    assert "finish a" not in where, "a notebook that failed in its kernel has nothing to finish"
    me = threading.current_thread().name
    assert where["finish b"] == where["finish c"] == me and where["run b"] != me
    assert stream.getvalue().count("FAILED") == 2


def test_the_verdicts_by_notebook_are_pandas_crosstab_with_margins():
    """The build's closing table, counted in Python, is what pandas' crosstab with margins gives."""
    import pandas as pd

    records = [{"notebook": n, "verdict": v} for n, v in
               [("b", "EXACT"), ("a", "EXACT"), ("b", "ROUNDED"), ("a", "UNVERIFIABLE"), ("b", "EXACT")]]
    expected = pd.crosstab(pd.Series([r["notebook"] for r in records], name="notebook"),
                           pd.Series([r["verdict"] for r in records], name="verdict"),
                           margins=True, margins_name="all").reset_index()
    expected.columns.name = None
    pd.testing.assert_frame_equal(runner.verdicts_by_notebook(records), expected, check_dtype=False)
