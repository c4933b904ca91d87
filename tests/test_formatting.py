"""Words and numbers for each language (Babel and the catalogs): decimal comma, spacing, dates and
weekdays in words, plurals, hedges; and the catalogs complete."""

from __future__ import annotations

from babel.messages.pofile import read_po

from analysis.messages import Message
from analysis.publish import i18n
from analysis.publish.formatting import format_claimed, format_computed, quantity, render, weekday

NBSP, NNBSP = "\u00a0", "\u202f"


def read(path, locale=None):
    with open(path, "rb") as handle:
        return read_po(handle, locale=locale)


def test_numbers_and_units_follow_each_language():
    assert quantity(33.625, "days", "fr") == "33,6 jours"
    assert quantity(33.625, "days", "en") == "33.6 days"
    assert quantity(1, "days", "fr") == "1 jour" and quantity(1, "days", "en") == "1 day"
    assert quantity(1.5, "days", "fr") == "1,5 jour" and quantity(1.5, "days", "en") == "1.5 days"
    assert quantity(59, "percent", "fr") == f"59{NBSP}%" and quantity(59, "percent", "en") == "59%"
    assert quantity(800_000_000, "USD", "en") == "$800M"
    assert quantity(1234567, "", "en") == "1,234,567" and NNBSP in quantity(1234567, "", "fr")


def test_a_number_is_written_the_same_whatever_was_written_before():
    """Numbers are formatted once per value and kept: a value equal to one already written but
    written differently (``-0.0`` and ``0.0``) is not given the other's words, in either order."""
    from analysis.publish import formatting

    for first, second in ((0.0, -0.0), (-0.0, 0.0)):
        for function in (formatting.number, formatting.percent, formatting.usd):
            for cache in (formatting._number, formatting._percent, formatting._usd):
                cache.cache_clear()
            written = function(first, "fr"), function(second, "fr")
            assert written[0] != written[1], function.__name__
            assert written[1].startswith("-") == (str(second) == "-0.0"), function.__name__


def test_messages_render_in_both_languages_from_one_record():
    message = Message("The last contact on record was on {last:date}: {days:days} to {as_of:date}.",
                      last="2025-10-16", days=63, as_of="2025-12-18")
    assert render(message, "en") == "The last contact on record was on October 16, 2025: 63 days to December 18, 2025."
    assert render(message, "fr") == f"Le dernier contact connu date du 16 octobre 2025{NBSP}: 63 jours jusqu’au 18 décembre 2025."
    bilingual = Message("{text:bilingual}", text={"en": "one", "fr": "un"})
    assert (render(bilingual, "en"), render(bilingual, "fr")) == ("one", "un")


def test_claimed_and_computed_values_read_by_kind():
    record = {"kind": "percentage", "claimed": "50", "unit": "percent", "hedge": "more_than", "computed": 59.0}
    assert format_claimed(record, "fr") == f"plus de 50{NBSP}%" and format_claimed(record, "en") == "more than 50%"
    assert format_computed({"kind": "year", "computed": "2016-11-09", "unit": ""}, "en") == "November 9, 2016"
    assert format_claimed({"kind": "month", "claimed": "2022-02", "unit": ""}, "fr") == "février 2022"
    assert format_claimed({"kind": "decade", "claimed": "1980", "unit": ""}, "fr") == "les années 1980"
    assert weekday("jeudi", "en") == "Thursday" and weekday("jeudi", "fr") == "jeudi"
    longest = {"kind": "longest", "computed": {"current": 63, "runner_up": 62}, "detail": {"current": 63,
               "runner_up": 62}, "unit": "days"}
    assert format_computed(longest, "fr") == "63 jours contre 62 jours"


def test_the_french_catalog_is_complete_and_not_fuzzy():
    template, french = read(i18n.LOCALE_DIR / "messages.pot"), read(i18n.po_path("fr"), "fr")
    wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id}
    have = {m.id if isinstance(m.id, str) else m.id[0]: m for m in french if m.id}
    missing = sorted(wanted - set(have))
    assert not missing, f"untranslated: {missing[:5]} (run `make messages`, then translate)"
    fuzzy = [k for k, m in have.items() if m.fuzzy]
    empty = [k for k, m in have.items() if not (m.string if isinstance(m.string, str) else all(m.string))]
    assert not fuzzy and not empty, (fuzzy[:5], empty[:5])


def test_the_catalog_template_lists_every_string_the_code_marks():
    """`make messages` was run after the last change of a reader-visible string."""
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    from analysis import paths

    root = paths.project_root()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "messages.pot"
        subprocess.run([Path(sys.executable).parent / "pybabel", "extract", "-F", "babel.cfg", "-k", "N_", "-k",
                        "Nn_:1,2", "--no-location", "--sort-output", "--omit-header", "-o", str(out), "."],
                       cwd=root, check=True, capture_output=True)
        fresh = {m.id if isinstance(m.id, str) else tuple(m.id) for m in read(out) if m.id}
    committed = {m.id if isinstance(m.id, str) else tuple(m.id) for m in read(i18n.LOCALE_DIR / "messages.pot") if m.id}
    assert fresh == committed, f"run `make messages`: new {sorted(fresh - committed)[:3]}, gone {sorted(committed - fresh)[:3]}"


def test_a_table_given_as_rows_shows_as_the_same_frame_would():
    """The notebooks' per-claim tables skip the DataFrame; what they show is what the frame shows
    (one rule for every cell: rounding, dashes for missing values, dollars, ISO days, escaping)."""
    import pandas as pd

    from analysis.publish.tables import as_markdown, rows_as_markdown

    columns = ["row", "n", "share", "amount_usd", "day", "note"]
    rows = [["contacts: a|b", 3, 33.65, 800_000_000, pd.Timestamp("2025-10-16"), "*x* `y`"],
            ["prior_contacts: c", 0, 2.5, 1_500, pd.Timestamp("2026-01-02"), None]]
    frame = pd.DataFrame(rows, columns=columns)
    assert rows_as_markdown(columns, rows, caption="Sources") == as_markdown(frame, caption="Sources")
    assert rows_as_markdown(columns, [], caption="none") == as_markdown(frame.iloc[0:0], caption="none")
