"""Faults, round two (issue "Faults, round two"): nothing injected, nothing mixed, no lock held by
the dead, and every bad input at the boundary named. In-process wherever no kernel is needed;
each case asserts the message (file, row, column or the thing to fix), the exit status, and that
nothing was published or changed."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analysis import paths
from analysis.errors import AnalysisError, DataValidationError, OutputError
from analysis.io.package import DataPackage
from analysis.pipeline import guards, kernels, publication, runner
from analysis.publish import notebook_page, readme
from analysis.publish.notebook import md
from conftest import replace_cell
from test_faults import build_on, committed, edit_row

ROOT = paths.project_root()


@pytest.fixture(scope="module")
def before():
    return committed()


# --- injection: escaped where written, sanitised where shown ------------------------------------------

HOSTILE_OUTPUTS = [
    ("text/markdown", "> « <script>alert(1)</script> »", "<script"),
    ("text/markdown", "![pixel](https://tracker.example/p.png)", "<img"),
    ("text/markdown", "[click](javascript:alert(1))", 'href="javascript:'),
    ("text/html", '<table><tr><td><img src=x onerror="alert(2)"></td></tr></table>', "onerror"),
    ("text/html", '<a href="javascript:alert(3)">x</a>', 'href="javascript:'),
    ("text/html", "<style>body{display:none}</style><p>x</p>", "<style"),
    ("text/html", '<iframe src="https://example.org"></iframe>', "<iframe"),
    ("text/plain", "<script>alert(4)</script>", "<script"),
]


@pytest.mark.parametrize(("mime", "content", "forbidden"), HOSTILE_OUTPUTS, ids=[h[2] + "-" + h[0] for h in HOSTILE_OUTPUTS])
def test_a_notebook_output_cannot_inject_into_its_page(mime, content, forbidden):
    html = notebook_page.output({"output_type": "display_data", "data": {mime: content}, "metadata": {}})
    assert forbidden not in html.lower()


def test_markdown_that_would_load_or_run_something_shows_its_text_only():
    """cmark-gfm, then nh3: an image is its alt text (nothing is loaded), a link keeps its text and
    loses a ``javascript:`` URL, a tag off the allow-list is dropped with its text kept (a
    script's text too is dropped), and an HTML block keeps the narrative inside it."""
    assert notebook_page.markdown('![a "pixel" <b>](https://t.example/p.png "t")') == "<p>a \"pixel\" &lt;b&gt;</p>\n"
    assert notebook_page.markdown("[click](javascript:alert(1)) and [there](https://example.org)") == (
        '<p><a rel="noopener noreferrer">click</a> and <a href="https://example.org" rel="noopener noreferrer">'
        "there</a></p>\n")
    assert notebook_page.markdown("a <b onclick=x>bold</b> <script>alert(1)</script>word") == "<p>a bold word</p>\n"
    block = notebook_page.markdown("<details>\n<summary>Why</summary>\nThe narrative <iframe src=x></iframe>stays.\n"
                                   "</details>")
    assert "The narrative stays." in block and "<iframe" not in block and "<summary>Why</summary>" in block
    table = notebook_page.markdown("#### `dec-1`\n\n| row | n |\n|---|--:|\n| events: e1 | 2 |")
    assert table.startswith('<h4 id="dec-1"><code>dec-1</code></h4>') and "<td>events: e1</td>" in table


def test_a_chart_is_the_only_image_and_only_as_png():
    png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg=="
    shown = notebook_page.output({"output_type": "display_data", "data": {"image/png": png, "text/plain": "chart"},
                                  "metadata": {"image/png": {"alt": 'a " quote'}}})
    assert shown.startswith('<img src="data:image/png;base64,') and 'alt="a &quot; quote"' in shown
    svg = "PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+"  # an SVG with a script, passed off as PNG
    assert notebook_page.output({"output_type": "display_data", "data": {"image/png": svg}, "metadata": {}}) == ""


def test_data_shown_in_notebook_markdown_is_escaped_where_it_is_written():
    shown = md('« <img src=x onerror=alert(1)> » ![p](https://t.example/p.png) | *x* `y`')
    rendered = notebook_page.markdown(shown)
    assert "&lt;img" in shown and "\\!\\[p\\]" in shown and "\\|" in shown
    assert "<img" not in rendered and "<em>" not in rendered and "<code>" not in rendered


def test_markdown_escaping_replaces_every_markup_character_at_once():
    """``md`` escapes by replacing one character after another: the same text as one simultaneous
    translation (no escape is escaped again), on every mix of markup, backslashes and spaces."""
    from analysis.publish.tables import MARKDOWN_ESCAPES

    at_once = str.maketrans(MARKDOWN_ESCAPES)
    draw = random.Random(20261206)
    alphabet = "".join(MARKDOWN_ESCAPES) + "ab é;\n\t"
    for text in ["", "plain words", "&lt;", "\\&", *("".join(draw.choice(alphabet) for _ in range(draw.randint(1, 12)))
                                                for _ in range(2000))]:
        assert md(text) == " ".join(text.split()).translate(at_once), text


def test_a_bidirectional_override_in_the_data_is_refused(data_copy):
    line = edit_row(data_copy / "sources.csv", "source_id", "c1-moscowtimes-2025-02-09", "publisher",
                    "The Moscow \u202eTimes")
    with pytest.raises(DataValidationError, match=rf"sources.csv, row {line}, column 'publisher'.*U\+202E"):
        DataPackage.open(data_copy)


def test_a_bidirectional_isolate_in_a_quote_is_refused(data_copy):
    replace_cell(data_copy / "claims.csv", "dec-poll-59,", "la moitié", "la moi\u2066tié")
    with pytest.raises(DataValidationError, match=r"claims.csv, row \d+, column 'quote'.*U\+2066"):
        DataPackage.open(data_copy)


@pytest.mark.parametrize("url", ["javascript:alert(1)//", "ftp://example.org/", "https:///nohost/",
                                 "https://example.org/a b/", "https://example.org/?q=1", "example.org/factcheck/"])
def test_a_bad_base_url_is_refused(url, capsys, before):
    assert runner.main(["--base-url", url, "--out", "build/never-written"]) == 2
    assert "--base-url" in capsys.readouterr().err
    assert not (ROOT / "build" / "never-written").exists() and committed() == before


def test_a_base_url_gets_its_trailing_slash():
    assert guards.check_base_url("https://example.org/factcheck") == "https://example.org/factcheck/"
    assert guards.check_base_url(" https://example.org ") == "https://example.org/"
    assert guards.check_base_url("") == ""


# --- publish whole, for real --------------------------------------------------------------------------

@pytest.fixture
def scratch(tmp_path, monkeypatch):
    """A build folder of its own and three published files, "old"."""
    monkeypatch.setattr(paths, "build_dir", lambda: tmp_path / "build")
    targets = [tmp_path / "pub" / "notebooks" / "a.txt", tmp_path / "pub" / "results" / "b.txt",
               tmp_path / "pub" / "report" / "c.txt"]
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("old", encoding="utf-8")
    return targets


def contents(targets: list[Path]) -> list[str]:
    return [t.read_text(encoding="utf-8") if t.is_file() else "?" for t in targets]


def test_a_target_that_is_a_folder_stops_before_the_first_rename(scratch):
    (scratch[2]).unlink()
    scratch[2].mkdir()  # `report/c.txt` is a folder
    with pytest.raises(OutputError, match="is a folder"), publication.stage() as st:
        for target in scratch:
            st.put(target, "new")
        publication.publish(st)
    assert contents(scratch)[:2] == ["old", "old"] and not (publication._journal_path()).exists()


def test_a_folder_that_is_a_file_stops_before_the_first_rename(scratch, tmp_path):
    blocked = tmp_path / "pub" / "report-file"
    blocked.write_text("not a folder", encoding="utf-8")
    with pytest.raises(OutputError, match="is a file, where the build needs a folder"), publication.stage() as st:
        for target in [*scratch, blocked / "index.html"]:
            st.put(target, "new")
        publication.publish(st)
    assert contents(scratch) == ["old", "old", "old"]


def test_a_target_on_another_file_system_is_staged_beside_it(scratch, monkeypatch):
    real = publication._device
    monkeypatch.setattr(publication, "_device", lambda p: 999 if "report" in str(p) else real(p))
    with publication.stage() as st:
        for target in scratch:
            st.put(target, "new")
        assert st.moves[2][0].parent.parent == scratch[2].parent  # a hidden stage beside the report
        publication.publish(st)
    assert contents(scratch) == ["new", "new", "new"]
    assert not [p for p in scratch[2].parent.iterdir() if p.name.startswith(".analysis-")]


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()],
                         ids=["disk full", "Ctrl-C"])
def test_a_replay_cut_short_keeps_its_stage_and_the_next_command_finishes_it(scratch, monkeypatch, failure):
    real = os.replace
    calls = {"n": 0}

    def flaky(a, b):
        calls["n"] += 1
        if calls["n"] == 3:
            raise failure
        return real(a, b)

    with pytest.raises((OutputError, KeyboardInterrupt)), publication.stage() as st:
        for target in scratch:
            st.put(target, "new")
        monkeypatch.setattr(os, "replace", flaky)  # call 1 writes the journal, 2 the first file, 3 fails
        publication.publish(st)
    assert contents(scratch) == ["new", "old", "old"], "cut short after the first rename"
    assert publication._journal_path().exists() and all(a.exists() for a, _ in st.moves[1:]), "stage kept"
    monkeypatch.setattr(os, "replace", real)
    assert publication.replay() and contents(scratch) == ["new", "new", "new"]
    assert not publication._journal_path().exists() and not st.root.exists()


def test_a_journal_whose_renames_are_all_done_is_closed(scratch):
    with publication.stage() as st:
        for target in scratch:
            st.put(target, "new")
        publication.write_text(publication._journal_path(), json.dumps(
            {"moves": [[str(a), str(b)] for a, b in st.moves], "stages": [str(st.root)]}))
        for staged, target in st.moves:
            os.replace(staged, target)
        assert publication.replay()
    assert contents(scratch) == ["new", "new", "new"] and not publication._journal_path().exists()


def test_a_stale_stage_is_kept_while_a_journal_needs_it(scratch):
    dead = paths.build_dir() / "stage-999999"
    dead.mkdir(parents=True)
    publication.write_text(publication._journal_path(), json.dumps({"moves": [], "stages": [str(dead)]}))
    with publication.stage():
        assert dead.exists()
    publication._journal_path().unlink()
    with publication.stage():
        assert not dead.exists()


@pytest.mark.parametrize("out", [".", "data", "notebooks", "results", "src", "publication"])
def test_out_refuses_folders_that_hold_the_publication_or_its_inputs(out, capsys, before):
    assert runner.main(["--out", str(ROOT / out)]) == 2
    err = capsys.readouterr().err
    assert "--out" in err and "folder of its own" in err
    assert committed() == before


def test_out_refuses_a_data_folder_given_with_data_dir(data_copy, capsys):
    assert runner.main(["--data-dir", str(data_copy), "--out", str(data_copy)]) == 2
    assert "data folder" in capsys.readouterr().err


class FakePool:
    """Stands for the build's kernel pool: runs its jobs with canned results (no kernel), a
    notebook's committed copy and records, as a run would return them."""

    size = 1

    def __init__(self, *args, on_run=None, **kwargs):
        self.on_run = on_run

    def submit(self, function, job, *rest):
        from concurrent.futures import Future

        from analysis.pipeline import notebooks as nbs
        from analysis.pipeline.execute import Result

        job.staged.write_text(job.notebook.read_text(encoding="utf-8"), encoding="utf-8")
        executed = nbs.read(job.notebook)
        future: Future = Future()
        future.set_result(Result(job.notebook.name, True, 0.1, staged=job.staged, records=nbs.extract(executed),
                                 tables=nbs.tables_read(executed)))
        if self.on_run:
            self.on_run()
        return future

    def close(self):
        pass


def test_data_saved_while_the_build_runs_stops_the_publication(tmp_path, monkeypatch, capsys, data_copy):
    saved = data_copy / "contacts.csv"
    monkeypatch.setattr(kernels, "KernelPool",
                        lambda *a, **k: FakePool(on_run=lambda: saved.write_text(saved.read_text() + "\n")))
    out = tmp_path / "out"
    status = runner.main(["--force", "--data-dir", str(data_copy), "--out", str(out),
                          str(paths.notebooks_dir() / "02_ndaa.ipynb")])
    err = capsys.readouterr().err
    assert status == 2 and "changed while the build ran" in err and "Nothing was published" in err
    assert not (out / "results").exists()


def test_kernel_per_notebook_asks_the_pool_for_a_new_kernel_each_time(tmp_path, monkeypatch):
    """The README's --kernel-per-notebook reaches the kernel pool (warm kernels are the default)."""
    asked: list[dict] = []

    def pool(*args, **kwargs):
        asked.append(kwargs)
        return FakePool()

    monkeypatch.setattr(kernels, "KernelPool", pool)
    notebook = str(paths.notebooks_dir() / "02_ndaa.ipynb")
    assert runner.main(["--force", "--out", str(tmp_path / "a"), notebook]) == 0
    assert runner.main(["--force", "--kernel-per-notebook", "--out", str(tmp_path / "b"), notebook]) == 0
    assert [a["reuse"] for a in asked] == [True, False]


def test_a_build_with_canned_workers_publishes(tmp_path, monkeypatch, capsys):
    """The same path without the change publishes: the stop above is the data's doing."""
    monkeypatch.setattr(kernels, "KernelPool", lambda *a, **k: FakePool())
    out = tmp_path / "out"
    assert runner.main(["--force", "--out", str(out), str(paths.notebooks_dir() / "02_ndaa.ipynb")]) == 0
    assert (out / "results" / "02_ndaa.json").is_file()
    page = (out / "report" / "notebooks" / "02_ndaa.html").read_text(encoding="utf-8")
    assert "<title>02_ndaa</title>" in page, "the page is titled by the notebook, never by its staged copy"


# --- locks that die with their owner -----------------------------------------------------------------

def _holds(pid: int, path: Path) -> bool:
    fds = Path(f"/proc/{pid}/fd")
    return any(os.path.realpath(fd) == str(path) for fd in fds.iterdir()) if fds.is_dir() else False


def _idle() -> None:
    time.sleep(5)


def test_a_spawned_worker_does_not_hold_the_build_lock(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "build_dir", lambda: tmp_path)
    with publication.build_lock():
        worker = multiprocessing.get_context("spawn").Process(target=_idle, daemon=True)
        worker.start()
        try:
            time.sleep(0.3)
            assert _holds(os.getpid(), (tmp_path / ".build.lock").resolve())
            assert not _holds(worker.pid, (tmp_path / ".build.lock").resolve())
        finally:
            worker.terminate()
            worker.join()


def test_check_refuses_while_a_build_holds_the_lock(capsys):
    from analysis.pipeline.cli import check

    with publication.build_lock():
        assert check([]) == 2
    assert "is running" in capsys.readouterr().err


@pytest.mark.parametrize(("sig", "status", "words"), [(signal.SIGTERM, 143, "stopped (SIGTERM)"),
                                                       (signal.SIGINT, 130, "interrupted")])
def test_a_signal_stops_a_waiting_build_with_one_line(tmp_path, sig, status, words):
    command = [sys.executable, "-m", "analysis", "build", "--out", str(tmp_path / "out")]
    with publication.build_lock():
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert "another build is running" in process.stderr.readline()
        process.send_signal(sig)
        _, err = process.communicate(timeout=60)
    assert process.returncode == status, err
    assert words in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


# --- validation at the boundary ---------------------------------------------------------------------

CELLS = [
    ("sources", "source_id", "c1-moscowtimes-2025-02-09", "date_accessed", "9999-12-31", "outside the dates"),
    ("events", "event_id", "1987-07-trump-moscow-trip", "date_start", "1600-01-01", "outside the dates"),
    ("claims", "claim_id", "dec-mean-interval", "window_end", "2025-01-01", "ends before it begins"),
    ("legislation", "item_id", "ndaa26-senate-passage", "published", "2025-12-01", "cannot be public before"),
]


@pytest.mark.parametrize(("table", "key_column", "key", "column", "value", "words"), CELLS,
                         ids=[f"{c[0]}-{c[3]}" for c in CELLS])
def test_a_bad_cell_at_the_boundary_is_named(data_copy, capsys, before, table, key_column, key, column, value, words):
    line = edit_row(data_copy / f"{table}.csv", key_column, key, column, value)
    status, output = build_on(data_copy, capsys)
    assert status == 2 and f"{table}.csv, row {line}, column '{column}'" in output and words in output, output
    assert committed() == before


def test_a_bill_text_may_be_public_before_its_enactment(data_copy):
    # ndaa26-usai-fy2026 (an authorisation) was published on 8 December, enacted on 18 December: allowed.
    DataPackage.open(data_copy)


DESCRIPTORS = [
    ('"end": "2026-04-30"', '"end": "2026-13-30"', "coverage end '2026-13-30' is not a date"),
    ('"end": "2026-04-30"', '"until": "2026-04-30"', "coverage needs an 'end'"),
    ('"published_column": "published"', '"published_column": "announced"', "published_column 'announced'"),
    ('"happened_column": "date"', '"happened_column": "day"', "happened_column 'day'"),
    ('"start": "2025-01-20"', '"start": "2027-01-20"', "ends (2026-04-30) before it starts"),
]


@pytest.mark.parametrize(("old", "new", "words"), DESCRIPTORS, ids=[d[2][:30] for d in DESCRIPTORS])
def test_a_malformed_descriptor_property_is_named(data_copy, capsys, before, old, new, words):
    descriptor = data_copy / "datapackage.json"
    text = descriptor.read_text(encoding="utf-8")
    assert old in text
    descriptor.write_text(text.replace(old, new, 1), encoding="utf-8")
    status, output = build_on(data_copy, capsys)
    assert status == 2 and "datapackage.json" in output and words in output, output
    assert committed() == before


@pytest.mark.parametrize("value", ["9999-12-31", "1600-01-01"])
def test_a_date_parameter_out_of_range_is_refused(value, capsys, before):
    assert runner.main(["-p", f"as_of={value}"]) == 2
    assert "outside the dates" in capsys.readouterr().err and committed() == before


def test_data_dir_is_not_a_parameter(capsys):
    assert runner.main(["-p", "data_dir=/tmp"]) == 2
    assert "--data-dir" in capsys.readouterr().err


def test_a_missing_data_folder_says_to_restore_it_not_to_reinstall(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(paths, "project_root", lambda: tmp_path)
    with pytest.raises(DataValidationError, match=r"does not exist.*git checkout -- data/"):
        paths.data_dir(None)


def test_an_ascii_terminal_is_told_what_to_set(monkeypatch, capsys):
    ascii_out = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    with pytest.raises(AnalysisError, match="LANG=C.UTF-8"):
        guards.check_locale(ascii_out)


@pytest.mark.parametrize("shape", ['{"notebooks": {"01_calls": "edited"}}', '{"notebooks": [1, 2]}', "[]",
                                   '{"notebooks": {"01_calls": {"outputs": ["x"]}}}'])
def test_a_hand_edited_manifest_is_rebuilt_not_a_traceback(tmp_path, shape):
    (tmp_path / "results").mkdir()
    (tmp_path / "results" / "manifest.json").write_text(shape, encoding="utf-8")
    assert publication.read_manifest(tmp_path / "results")["notebooks"] == {}
    assert publication.mismatches(tmp_path, tmp_path / "results") == []


@pytest.mark.parametrize("content", ["{not json", '{"a": 1}', "[1, 2]"])
def test_a_results_file_of_the_wrong_shape_is_named(tmp_path, content):
    (tmp_path / "01_calls.json").write_text(content, encoding="utf-8")
    with pytest.raises(OutputError, match="01_calls.json"):
        publication.read_results(tmp_path)


def test_readme_without_its_markers_stops_before_anything_runs():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for marker in (readme.START, readme.KINDS_END):
        with pytest.raises(AnalysisError, match="put the two marker lines back"):
            readme.check_markers(text.replace(marker, ""))
    readme.check_markers(text)


@pytest.mark.parametrize(("row", "words"), [("2026-12-06,dec-poll-59,EXACT", "cells where the header has|empty"),
                                            ("2026-12-06,dec-poll-59,EXACT,EXACT,,x", "column 'reason_en'"),
                                            ("06/12/2026,dec-poll-59,EXACT,EXACT,a,b", "column 'date'"),
                                            ("2026-12-06,dec-poll-59,EXACT,EXACT,a,b,c", "cells where the header")])
def test_a_bad_corrections_row_is_named(tmp_path, monkeypatch, row, words):
    from analysis.io import publication as config

    folder = tmp_path / "publication"
    folder.mkdir()
    original = (ROOT / "publication" / "corrections.csv").read_text(encoding="utf-8")
    (folder / "corrections.csv").write_text(original.rstrip("\n") + "\n" + row + "\n", encoding="utf-8")
    monkeypatch.setattr(config.paths, "project_root", lambda: tmp_path)
    with pytest.raises(DataValidationError, match=rf"corrections.csv, row \d+.*({words})"):
        config.corrections()


def test_readme_states_the_exit_statuses():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for words in ("exit status 1", "exit status 2", "130", "make report` exits 2"):
        assert words in text, words
