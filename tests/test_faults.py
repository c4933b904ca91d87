"""A corpus of bad inputs and faults: each ends in a clear message naming the culprit (file, row,
column or the thing to fix), the right exit status, and no committed byte changed.

Fast cases run the build in-process on a broken copy of the data; the slow ones (a kernel that
dies, a kill during a build, two builds at once) run small builds of their own."""

from __future__ import annotations

import csv
import errno
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from analysis import paths
from analysis.pipeline import publication, runner
from conftest import TEST_BASE_URL, replace_cell

ROOT = paths.project_root()


def committed() -> dict[str, str]:
    files = [*paths.notebooks_dir().glob("*.ipynb"), *paths.results_dir().glob("*.json"), ROOT / "README.md"]
    return {str(p.relative_to(ROOT)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(files)}


@pytest.fixture(scope="module")
def before():
    return committed()


def build_on(data: Path, capsys, *extra: str) -> tuple[int, str]:
    status = runner.main(["--data-dir", str(data), *extra])
    captured = capsys.readouterr()
    return status, captured.err + captured.out


def edit_row(path: Path, key_column: str, key: str, column: str, value: str) -> int:
    """Set one cell of a CSV copy (by the row's id); return its line number (header = 1)."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    columns = list(rows[0])
    for index, row in enumerate(rows):
        if row[key_column] == key:
            row[column] = value
            with open(path, "w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
                writer.writeheader()
                writer.writerows(rows)
            return index + 2
    raise AssertionError(f"no row {key} in {path.name}")


# (file, id column, row id, column, bad value, words the message must contain)
CELLS = [
    ("contacts", "contact_id", "2025-06-04-call", "date", "2025-06-31", ["is not a date", "YYYY-MM-DD"]),
    ("contacts", "contact_id", "2025-07-03-call", "date_moscow", "2025-07-05", ["same day or the next"]),
    ("contacts", "contact_id", "2025-07-03-call", "status", "probably", ["constraint"]),
    ("contacts", "contact_id", "2025-05-19-call", "time_utc", "25:99", ["constraint"]),
    ("contacts", "contact_id", "2025-05-19-call", "duration_ru_min", "100000", ["constraint"]),
    ("contacts", "contact_id", "2025-05-19-call", "initiator", "biden", ["constraint"]),
    ("contacts", "contact_id", "2025-10-16-call", "published", "2025-10-01", ["before the row's date"]),
    ("contacts", "contact_id", "2026-04-29-call", "date", "2027-01-01", ["outside the table's coverage"]),
    ("legislation", "item_id", "ndaa26-usai-fy2026", "amount_usd", "1000000000000", ["constraint"]),
    ("legislation", "item_id", "ndaa26-senate-passage", "yea", "999", ["constraint"]),
    ("usai_history", "row_id", "2026-authorization", "amount_usd", "-5", ["constraint"]),
    ("polls", "poll_id", "rnds-2025-rep", "pct_favor", "150", ["constraint"]),
    ("polls", "poll_id", "rnds-2025-rep", "released", "2025-10-01", ["before the row's field_end"]),
    ("polls", "poll_id", "rnds-2025-all", "moe_total", "50", ["constraint"]),
    ("events", "event_id", "2018-07-16-helsinki-summit", "date_end", "2018-07-01", ["ends before it starts"]),
    ("events", "event_id", "2018-07-16-helsinki-summit", "description", "   ", ["constraint"]),
    ("events", "event_id", "2025-04-24-kyiv-strike-vladimir-stop", "value_hedge", "roughly", ["constraint"]),
    ("statements", "statement_id", "rtl-attr-let-down", "rule", "perfect", ["constraint"]),
    ("statements", "statement_id", "rtl-attr-let-down", "assessment_fr", "", ["constraint"]),
    ("sources", "source_id", "c2-rferl-2025-10-16", "url", "https://example.org/a page", ["constraint"]),
    ("sources", "source_id", "c2-rferl-2025-10-16", "publisher", "   ", ["constraint"]),
    ("sources", "source_id", "c2-rferl-2025-10-16", "excerpt", " ".join(["word"] * 40), ["at most 25"]),
    ("sources", "source_id", "c2-rferl-2025-10-16", "origin", "", ["constraint"]),
    ("citations", "source_id", "c2-rferl-2025-10-16", "role", "maybe", ["constraint"]),
    ("citations", "source_id", "c2-rferl-2025-10-16", "source_id", "c2-no-such-source", ["foreign key"]),
    ("citations", "source_id", "c1-nysun-2025-03-18", "aspect", "mood", ["not a column of contacts.csv"]),
    ("claims", "claim_id", "dec-days-since-last-call", "quote", "cela fait 64 jours", ["verbatim"]),
    ("claims", "claim_id", "dec-poll-59", "hedge", "roughly", ["constraint"]),
    ("claims", "claim_id", "dec-poll-59", "theme", "gossip", ["constraint"]),
    ("framing", "claim_id", "dec-ndaa-800m", "fault", "sloppy", ["constraint"]),
    ("rules", "claim_id", "dec-poll-majority", "rule", "vibes", ["constraint"]),
    ("readings", "claim_id", "dec-ndaa-800m", "reason_fr", " ", ["constraint"]),
    ("articles", "language", "fr", "sha256", "0" * 64, ["SHA-256"]),
]


@pytest.mark.parametrize(("table", "key_column", "key", "column", "value", "words"), CELLS,
                         ids=[f"{c[0]}-{c[3]}" for c in CELLS])
def test_a_bad_cell_names_its_file_row_and_column(data_copy, capsys, before, table, key_column, key, column, value,
                                                  words):
    line = edit_row(data_copy / f"{table}.csv", key_column, key, column, value)
    status, output = build_on(data_copy, capsys)
    assert status == 2, output
    assert f"{table}.csv, row {line}" in output, output
    assert all(w in output for w in words), output
    assert "Traceback" not in output
    assert committed() == before


REGISTER = [
    ("kind", "guess", "no judge for kind 'guess'"),
    ("measure", "contacts.count_before", "no measure 'contacts.count_before'"),
    ("notebook", "07_missing", "which is not a notebook"),
    ("claimed", "seven", "is not a number"),
]


@pytest.mark.parametrize(("column", "value", "words"), REGISTER, ids=[r[0] for r in REGISTER])
def test_a_register_row_the_engine_cannot_check_stops_the_build(data_copy, capsys, before, column, value, words):
    line = edit_row(data_copy / "claims.csv", "claim_id", "dec-calls-since-feb12", column, value)
    status, output = build_on(data_copy, capsys)
    assert status == 2 and f"row {line}" in output and words in output, output
    assert committed() == before


def test_readings_a_measure_does_not_offer_stop_the_build(data_copy, capsys, before):
    replace_cell(data_copy / "readings.csv", "dec-calls-since-feb12,types", ",call,", ",fax,")
    status, output = build_on(data_copy, capsys)
    assert status == 2 and "data/readings.csv" in output and "dec-calls-since-feb12" in output, output
    assert committed() == before


def test_an_extra_column_is_named(data_copy, capsys, before):
    text = (data_copy / "contacts.csv").read_text(encoding="utf-8").splitlines()
    text = [text[0] + ",mood"] + [line + ",calm" for line in text[1:]]
    (data_copy / "contacts.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    status, output = build_on(data_copy, capsys)
    assert status == 2 and "column 'mood'" in output and "does not declare" in output, output
    assert committed() == before


def test_a_row_with_too_many_cells_is_named(data_copy, capsys, before):
    lines = (data_copy / "contacts.csv").read_text(encoding="utf-8").splitlines()
    lines[13] += ",stray"
    (data_copy / "contacts.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, output = build_on(data_copy, capsys)
    assert status == 2 and "contacts.csv, row 14" in output and "double quotes" in output, output
    assert committed() == before


def test_a_missing_column_is_named(data_copy, capsys, before):
    text = (data_copy / "polls.csv").read_text(encoding="utf-8").replace("released,", "published_on,", 1)
    (data_copy / "polls.csv").write_text(text, encoding="utf-8")
    status, output = build_on(data_copy, capsys)
    assert status == 2 and "polls.csv" in output and "published_on" in output, output
    assert committed() == before


@pytest.mark.parametrize("damage", ["truncated", "not json", "no resources", "missing"])
def test_a_broken_descriptor_is_reported(data_copy, capsys, before, damage):
    descriptor = data_copy / "datapackage.json"
    text = descriptor.read_text(encoding="utf-8")
    if damage == "truncated":
        descriptor.write_text(text[: len(text) // 2], encoding="utf-8")
    elif damage == "not json":
        descriptor.write_text("<html>oops</html>", encoding="utf-8")
    elif damage == "no resources":
        descriptor.write_text(json.dumps({"name": "x"}), encoding="utf-8")
    else:
        descriptor.unlink()
    status, output = build_on(data_copy, capsys)
    assert status == 2 and "datapackage.json" in output and "Traceback" not in output, output
    assert committed() == before


def test_a_missing_data_folder_is_reported(tmp_path, capsys, before):
    status, output = build_on(tmp_path / "no-such-data", capsys)
    assert status == 2 and "the data folder does not exist" in output, output


def test_a_missing_table_file_is_reported(data_copy, capsys, before):
    (data_copy / "polls.csv").unlink()
    status, output = build_on(data_copy, capsys)
    assert status == 2 and "polls.csv" in output and "missing" in output, output


def test_a_table_that_is_not_utf8_is_reported(data_copy, capsys, before):
    (data_copy / "rules.csv").write_bytes("claim_id,rule\n\xe9t\xe9,x\n".encode("latin-1"))
    status, output = build_on(data_copy, capsys)
    assert status == 2 and "rules.csv" in output and "UTF-8" in output, output


def test_an_edited_article_text_is_refused(data_copy, capsys, before):
    text = data_copy / "articles" / "2025-12-18-trump-poutine-63-jours-sans-appel.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("63 jours", "64 jours"), encoding="utf-8")
    status, output = build_on(data_copy, capsys)
    assert status == 2 and "articles.csv" in output and "sha256" in output, output


# --- parameters ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("argument", "words"), [
    ("asof=2025-12-18", "unknown parameter 'asof'"), ("as_of=18/12/2025", "bad value for parameter 'as_of'"),
    ("as_of=today", "bad value for parameter 'as_of'"), ("clock=paris", "bad value for parameter 'clock'"),
    ("republican_share=2", "between 0 and 1"), ("statuses=", "give at least one value"),
])
def test_bad_parameters_stop_before_anything_runs(capsys, before, argument, words):
    assert runner.main(["-p", argument]) == 2
    output = capsys.readouterr().err
    assert words in output and "Accepted parameters" in output or "give at least" in output, output
    assert committed() == before


def test_a_parameter_without_a_value_is_refused(capsys):
    assert runner.main(["-p", "as_of"]) == 2
    assert "NAME=VALUE" in capsys.readouterr().err


# --- notebooks -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("content", "words"), [
    ('{"cells": [{"cell_type": "code", "sou', "truncated"), ('{"nbformat": 3, "cells": []}', "version-4"),
    ("", "truncated"),
])
def test_a_broken_notebook_is_named(tmp_path, capsys, before, content, words):
    broken = tmp_path / "01_calls.ipynb"
    broken.write_text(content, encoding="utf-8")
    assert runner.main(["--out", str(tmp_path / "out"), str(broken)]) == 2
    output = capsys.readouterr().err
    assert "01_calls.ipynb" in output and words in output and "git checkout" in output or "git" in output, output


def test_a_notebook_that_does_not_exist_is_named(tmp_path, capsys):
    assert runner.main(["--out", str(tmp_path), "notebooks/09_nothing.ipynb"]) == 2
    assert "09_nothing.ipynb: notebook not found" in capsys.readouterr().err


def tiny(path: Path, code: str) -> Path:
    book = new_notebook(cells=[new_code_cell(code)])
    book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(book, path)
    return path


@pytest.mark.slow
def test_a_kernel_that_dies_is_reported_and_publishes_nothing(tmp_path, capsys, before):
    dying = tiny(tmp_path / "01_calls.ipynb", "import os\nos.kill(os.getpid(), 9)")
    status = runner.main(["--out", str(tmp_path / "out"), str(dying)])
    output = capsys.readouterr()
    assert status == 2, output
    assert "the kernel died" in output.out
    assert not (tmp_path / "out" / "notebooks" / "01_calls.ipynb").exists()
    assert committed() == before


# A notebook that publishes no verdict fails like one that raises: tested with it, in one build
# (tests/test_build.py, test_a_failing_notebook_is_kept_aside_...), to spare a kernel start.


# --- the file system ---------------------------------------------------------------------------------

def test_an_output_that_cannot_be_written_stops_with_nothing_published(tmp_path, capsys, monkeypatch, before):
    """Root ignores permission bits, so the refusal is simulated where the build checks it."""
    real = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: False if "results" in str(path) else real(path, mode))
    out = tmp_path / "out"
    (out / "results").mkdir(parents=True)
    status = runner.main(["--out", str(out), str(paths.notebooks_dir() / "02_ndaa.ipynb")])
    output = capsys.readouterr().err
    assert status == 2 and "permission denied" in output and "nothing was published" in output, output
    assert not list((out / "results").glob("*"))
    assert committed() == before


def test_a_full_disk_stops_with_nothing_published(tmp_path, capsys, monkeypatch, before):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(publication.Stage, "put", lambda self, target, text: full())
    out = tmp_path / "out"
    status = runner.main(["--out", str(out), str(paths.notebooks_dir() / "02_ndaa.ipynb")])
    output = capsys.readouterr()
    assert status == 2 and "the disk is full" in output.err, output
    assert not (out / "notebooks").exists()
    assert committed() == before


def test_a_publication_cut_short_is_finished_by_the_next_command(tmp_path, monkeypatch):
    """A kill between two renames leaves a journal; the next command replays it: the old
    publication or the new one, never a mix."""
    monkeypatch.setattr(paths, "build_dir", lambda: tmp_path / "build")
    targets = [tmp_path / "pub" / f"{name}.txt" for name in ("a", "b", "c")]
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("old", encoding="utf-8")
    with publication.stage() as st:
        for target in targets:
            st.put(target, "new")
        journal = tmp_path / "build" / publication.JOURNAL
        publication.write_text(journal, json.dumps({"moves": [[str(a), str(b)] for a, b in st.moves]}))
        os.replace(*st.moves[0])  # killed here, after the first rename
        assert [t.read_text() for t in targets] == ["new", "old", "old"]
        assert publication.replay()
        assert [t.read_text() for t in targets] == ["new", "new", "new"] and not journal.exists()


def test_a_page_the_new_build_no_longer_has_is_withdrawn_with_the_rest(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "build_dir", lambda: tmp_path / "build")
    kept, withdrawn = tmp_path / "pub" / "index.html", tmp_path / "pub" / "claimreview.jsonld"
    kept.parent.mkdir(parents=True)
    kept.write_text("old", encoding="utf-8")
    withdrawn.write_text("[]", encoding="utf-8")
    with publication.stage() as st:
        st.put(kept, "new")
        st.remove(withdrawn)
        publication.publish(st)
    assert kept.read_text(encoding="utf-8") == "new" and not withdrawn.exists()


def test_a_truncated_journal_is_never_acted_on(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "build_dir", lambda: tmp_path)
    (tmp_path / publication.JOURNAL).write_text('{"moves": [["a", ', encoding="utf-8")
    assert publication.replay() is False and not (tmp_path / publication.JOURNAL).exists()


def test_a_manifest_mismatch_is_named(tmp_path):
    (tmp_path / "results").mkdir()
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "01_calls.ipynb").write_text("edited by hand", encoding="utf-8")
    manifest = {"notebooks": {"01_calls": {"outputs": {"notebooks/01_calls.ipynb": "0" * 64,
                                                       "results/01_calls.json": "0" * 64}}}}
    (tmp_path / "results" / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    problems = publication.mismatches(tmp_path, tmp_path / "results")
    assert problems == ["notebooks/01_calls.ipynb differs from the build that produced it (manifest entry of 01_calls)",
                        "results/01_calls.json is missing (manifest entry of 01_calls)"]


@pytest.mark.slow
def test_a_build_killed_while_it_runs_leaves_the_old_publication(tmp_path, before):
    out = tmp_path / "out"
    command = [sys.executable, "-m", "analysis", "build", "--force", "--out", str(out),
               str(paths.notebooks_dir() / "02_ndaa.ipynb")]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(paths.build_dir().glob(f"stage-{process.pid}")):
        time.sleep(0.05)
    time.sleep(0.5)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert not (out / "notebooks" / "02_ndaa.ipynb").exists(), "nothing of an unfinished build is published"
    assert committed() == before
    again = subprocess.run(command, check=False, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stdout + again.stderr
    assert (out / "notebooks" / "02_ndaa.ipynb").exists()


@pytest.mark.slow
def test_two_builds_at_once_run_one_after_the_other(tmp_path, before, fresh_build):
    """This test holds the build lock, as a running build does; a second build waits for it,
    says so, and runs once it is released. The second build is the shared test build run again
    (nothing changed, so no kernel starts: the lock is what is tested)."""
    shutil.copytree(fresh_build, tmp_path / "b")
    stamp = {p: p.stat().st_mtime_ns for p in (tmp_path / "b").rglob("*") if p.is_file()}
    command = [sys.executable, "-m", "analysis", "build", "--out", str(tmp_path / "b"), "--base-url", TEST_BASE_URL,
               str(paths.notebooks_dir() / "02_ndaa.ipynb")]
    with publication.build_lock():
        second = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        waiting = second.stderr.readline()
        assert "another build is running" in waiting and f"pid {os.getpid()}" in waiting
        time.sleep(0.5)
        assert second.poll() is None, "it waits"
        assert {p: p.stat().st_mtime_ns for p in (tmp_path / "b").rglob("*") if p.is_file()} == stamp, "writing nothing"
    out, err = second.communicate(timeout=300)
    assert second.returncode == 0, out + err
    assert "02_ndaa.ipynb ... unchanged, skipped" in out, "it ran once the lock was released"
    assert committed() == before


def test_a_bad_publication_config_is_reported(tmp_path, monkeypatch):
    from analysis.errors import DataValidationError
    from analysis.io import publication as config

    bad = tmp_path / "config.toml"
    bad.write_text('checked_on = "yesterday"\npublished_on = "2026-11-24"\nreviewer = "x"\n', encoding="utf-8")
    monkeypatch.setattr(config, "config_path", lambda: bad)
    config.publication.cache_clear()
    try:
        with pytest.raises(DataValidationError, match="config.toml.*ISO dates"):
            config.publication()
    finally:
        config.publication.cache_clear()


# --- injection into every output ----------------------------------------------------------------------

HOSTILE = "</script><script>alert(1)</script> | `x` <img src=x onerror=alert(2)> ]]> {{ 7*7 }}"


def test_hostile_text_in_the_data_is_inert_in_html_json_ld_and_markdown(data_copy):
    import pandas as pd

    from analysis.publish import readme, report
    from conftest import project

    records = publication.records_in(paths.results_dir())[:3]
    for record in records:
        record["quote"] = HOSTILE
        record["claim_en"] = HOSTILE
        record["explanation"] = [{"key": "{text:bilingual}", "fields": {"text": {"en": HOSTILE, "fr": HOSTILE}}}]
    sources = project().table("sources").copy()
    sources.loc[0, "publisher"] = HOSTILE
    sources.loc[0, "url"] = "javascript:alert(3)"
    articles = project().table("articles").copy()
    articles.loc[0, "title"] = HOSTILE
    pages = report.render_pages(records, sources, articles, project().table("claims_excluded"), [],
                                base_url="https://example.org/")
    for name, scripts in (("index.html", 1), ("en.html", 0)):  # the JSON-LD once, in the French page
        html = pages[name]
        assert "<script>alert" not in html and "<img src=x" not in html and 'href="javascript' not in html
        assert html.count("</script>") == scripts and "{{ 7*7 }}" in html
    json.loads(pages["claimreview.jsonld"])
    table = readme.verdict_table(records)
    assert "<script>" not in table and "<img" not in table
    assert all(line.count(" | ") == 4 for line in table.splitlines()[2:])
    assert isinstance(pd, object)
