"""The next article in one step (README, "Adding an article"): the worked example end to end in a
temporary copy of the data, with no code: text in, drafts, claims completed, verdicts out; and every
bad input named before anything is written."""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pytest

from analysis import paths
from analysis.__main__ import main
from analysis.io.package import DataPackage
from test_items import EXPECTED, FIXTURE, append_rows

ROOT = paths.project_root()
ARTICLE = FIXTURE / "article-en.txt"
COMMAND = ["add-article", str(ARTICLE), "--id", "fixture-en", "--publisher", "Test fixture",
           "--url", "https://example.org/fixture-en", "--published", "2026-03-10", "--language", "en",
           "--title", "Trump and Putin speak again"]


@pytest.fixture
def data(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_worked_example_goes_from_text_to_verdicts_with_no_code(data, capsys):
    from test_build import run_in_process

    # 1. The text in: stored, its checksum and row registered, its spans drafted.
    assert main([*COMMAND, "--data-dir", str(data)]) == 0
    said = capsys.readouterr().out
    assert "drafted" in said and (data / "articles" / "fixture-en.txt").read_bytes() == ARTICLE.read_bytes()
    drafts = [d for d in rows(data / "drafts.csv") if d["article_id"] == "fixture-en"]
    text = ARTICLE.read_text(encoding="utf-8")
    assert drafts and all(d["quote"] in text for d in drafts)
    found = {(d["span"], d["kind"], d["claimed"], d["unit"], d["hedge"]) for d in drafts}
    # What the drafter read from the words alone (each checked against the text by hand):
    assert ("March 9", "date", "2026-03-09", "", "exact") in found
    assert ("an hour", "duration", "60", "minutes", "about") in found  # "for about an hour"
    assert ("two", "duration", "2", "months", "more_than") in found  # "in more than two months"
    assert ("fourth", "ordinal", "4", "calls", "exact") in found
    assert ("an hour and a half", "duration", "90", "minutes", "almost") in found
    assert ("an hour", "duration", "60", "minutes", "just_over") in found  # "just over an hour"
    package = DataPackage.open(data)  # the drafts validate as data
    assert (package.table("drafts")["article_id"] == "fixture-en").sum() == len(drafts)

    # 2. Re-running on the same text changes nothing.
    before = snapshot(data)
    assert main([*COMMAND, "--data-dir", str(data)]) == 0
    assert "nothing changed" in capsys.readouterr().out and snapshot(data) == before

    # 3. The drafts completed into claims (the fixture's rows, as README's worked example shows them).
    completed = [r for r in rows(FIXTURE / "claims.csv") if r["article_id"] == "fixture-en"]
    append_rows(data / "claims.csv", completed)
    append_rows(data / "readings.csv", [r for r in rows(FIXTURE / "readings.csv") if r["claim_id"].startswith("fx-en")])
    kept = [d for d in rows(data / "drafts.csv") if d["article_id"] != "fixture-en"]
    with open(data / "drafts.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows(ROOT / "data" / "drafts.csv")[0]) if kept else
                                ["draft_id", "article_id", "quote", "span", "span_kind", "kind", "measure", "subject",
                                 "claimed", "unit", "hedge", "window_start", "note"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(kept)

    # 4. Verdicts out: the notebook the claims are assigned to checks them, unedited.
    records = run_in_process(paths.notebooks_dir() / "01_calls.ipynb", {"data_dir": str(data)})
    verdicts = {r["claim_id"]: r["verdict"] for r in records if r["article_id"] == "fixture-en"}
    assert verdicts == {k: v for k, v in EXPECTED.items() if k.startswith("fx-en")}


def test_the_readme_worked_example_is_the_tested_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Adding an article" in readme
    for line in (FIXTURE / "claims.csv").read_text(encoding="utf-8").splitlines():
        if line.startswith(("fx-en-about-an-hour,", "fx-en-ordinal,")):
            assert line in readme, "README's example rows are the fixture's (tests/fixtures/items/claims.csv)"
    for part in COMMAND[2:]:
        assert part in readme or part == str(ARTICLE), part


#: An id the register already uses (the first article's, whichever it is).
TAKEN = next(csv.DictReader((ROOT / "data" / "articles.csv").open(encoding="utf-8")))["article_id"]
BAD = [
    (["--id", "fixture-en"], "nosuch.txt", "no such file"),
    (["--id", TAKEN], None, "already used by a text with SHA-256"),
    (["--id", "Bad Id"], None, "--id 'Bad Id'"),
    (["--published", "10/03/2026"], None, "is not a date"),
    (["--language", "de"], None, "is not supported"),
    (["--url", "example.org/fixture"], None, "is not an http(s) address"),
    (["--url", "javascript:alert(1)"], None, "is not an http(s) address"),
    (["--speaks-from", "2026-02-30"], None, "is not a date"),
]


@pytest.mark.parametrize(("change", "file", "words"), BAD, ids=[b[2][:24] for b in BAD])
def test_bad_input_is_named_and_changes_nothing(data, capsys, change, file, words):
    command = list(COMMAND)
    if file:
        command[1] = str(data / file)
    for option, value in zip(change[::2], change[1::2], strict=True):
        if option in command:
            command[command.index(option) + 1] = value
        else:
            command += [option, value]
    before = snapshot(data)
    assert main([*command, "--data-dir", str(data)]) == 2
    assert words in capsys.readouterr().err
    assert snapshot(data) == before


def test_a_changed_text_needs_replace_and_is_logged(data, tmp_path, capsys, monkeypatch):
    from analysis.io import publication as config

    assert main([*COMMAND, "--data-dir", str(data)]) == 0
    append_rows(data / "claims.csv", [r for r in rows(FIXTURE / "claims.csv") if r["claim_id"] == "fx-en-date"])
    corrected = tmp_path / "corrected.txt"
    corrected.write_text(ARTICLE.read_text(encoding="utf-8").replace("Monday, March 9", "Monday, 9 March"),
                         encoding="utf-8")
    command = [*COMMAND, "--data-dir", str(data)]
    command[1] = str(corrected)
    before = snapshot(data)
    assert main(command) == 2
    assert "add --replace" in capsys.readouterr().err and snapshot(data) == before
    log = tmp_path / "root" / "publication"
    log.mkdir(parents=True)
    shutil.copyfile(ROOT / "publication" / "corrections.csv", log / "corrections.csv")
    shutil.copyfile(ROOT / "publication" / "config.toml", log / "config.toml")
    monkeypatch.setattr(paths, "project_root", lambda: tmp_path / "root")
    config.publication.cache_clear()
    try:
        assert main([*command, "--replace"]) == 0
    finally:
        config.publication.cache_clear()
    said = capsys.readouterr().out
    assert "fx-en-date" in said and "no longer has" in said  # its quote "Monday, March 9" is gone
    old = hashlib.sha256(ARTICLE.read_bytes()).hexdigest()
    assert old in (log / "corrections.csv").read_text(encoding="utf-8")
    assert (data / "articles" / "fixture-en.txt").read_text(encoding="utf-8") == corrected.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [["--help"], ["build", "--help"], ["check", "--help"], ["add-article", "--help"]])
def test_help_runs_nothing(command, capsys):
    with pytest.raises(SystemExit) as done:
        main(command)
    assert done.value.code == 0 and "usage:" in capsys.readouterr().out


def test_every_command_is_listed_and_unknown_options_are_errors(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    listed = capsys.readouterr().out
    assert all(name in listed for name in ("build", "check", "add-article", "sync-environment"))
    with pytest.raises(SystemExit) as done:
        main(["check", "--bogus"])
    assert done.value.code == 2 and "unrecognized arguments" in capsys.readouterr().err
