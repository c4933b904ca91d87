"""What a notebook calls: one object per run that validates the parameters, shows the data and
its integrity checks, checks each claim through the verdict engine, and hands the records to the
runner. The notebook narrates; this module computes nothing itself and decides no verdict.

>>> run = Run("01_calls", as_of="article")          # doctest: +SKIP
>>> run.check("dec-calls-since-feb12")                # doctest: +SKIP
>>> run.publish()                                     # doctest: +SKIP
"""

from __future__ import annotations

import pandas as pd

from analysis import collector
from analysis.errors import RegisterError
from analysis.io import integrity, parameters
from analysis.io.contract import METADATA_KEY, TABLES_KEY
from analysis.io.package import DataPackage
from analysis.io.register import Claim
from analysis.publish.formatting import format_claimed, format_computed, quantity, render
from analysis.publish.tables import as_text, md, rows_as_markdown, show
from analysis.publish.themes import THEMES
from analysis.verdicts import engine, kinds
from analysis.verdicts.scale import Verdict

#: The order of sections' claims: what does not hold first.
WORST_FIRST = [Verdict.INACCURATE, Verdict.MISLEADING, Verdict.IMPRECISE, Verdict.UNVERIFIABLE, Verdict.ROUNDED,
               Verdict.EXACT]
LOCALE = "en"  # notebooks narrate in English; the report renders the same records in French too


#: What IPython shows as plain text for a Markdown display (kept, so outputs stay as they were).
MARKDOWN_PLAIN = "<IPython.core.display.Markdown object>"


def _md(text: str) -> None:
    """Show Markdown: the same output as ``display(Markdown(text))``, without IPython's formatter
    lookup (once per claim, it was a tenth of a claim's cost in the kernel)."""
    from IPython.display import display

    display({"text/markdown": text, "text/plain": MARKDOWN_PLAIN}, raw=True)


class Run:
    """One execution of one notebook."""

    def __init__(self, notebook: str, data_dir: str = "", **params: object):
        """``data_dir``: the data folder the runner gives (``--data-dir``); empty: the project's ``data/``."""
        self.notebook = notebook
        self.params = parameters.validate(**params)
        self.package = DataPackage.open(data_dir or None)
        self.register = {c.claim_id: c for c in self.package.claims_for(notebook)}
        if not self.register:
            raise RegisterError(f"no claim of data/claims.csv is assigned to {notebook}")
        self.checks: dict[str, engine.Check] = {}
        self._shown: dict[str, tuple[engine.Check, str, str]] = {}  # each check's claimed and computed, as shown
        self.charts = Charts(self)

    # -- data ---------------------------------------------------------------------------------
    def data(self, table: str, columns: list[str] | None = None, caption: str | None = None) -> pd.DataFrame:
        """Show a table with, for each row, how many sources support, contradict or give context."""
        frame = self.package.table(table)
        id_column = self.package.id_column(table) if table in self.package.citing_tables else None
        shown = frame[columns] if columns else frame
        if id_column:
            cited = self.package.citations
            cited = cited[cited["table"] == table]
            counts = cited.pivot_table(index="row_id", columns="role", values="source_id", aggfunc="count",
                                       fill_value=0)
            shown = shown.copy()
            for role in ("supports", "contradicts", "context"):
                shown[role] = frame[id_column].map(counts[role] if role in counts.columns else {}).fillna(0).astype(int)
        show(shown, caption=caption)
        return frame

    def integrity(self, *names: str) -> None:
        """Run named integrity checks: each shows the rows that break its rule (none, we hope)."""
        for name in names:
            check = integrity.CHECKS[name]
            broken = check.find(self.package)
            _md(f"**{md(check.rule)}** Rows that break it: {len(broken)}.")
            if not broken.empty:
                show(broken)
            assert broken.empty, f"integrity check {name!r} failed: {check.rule}"

    # -- claims -------------------------------------------------------------------------------
    def check(self, claim_id: str, show_readings: bool = True) -> None:
        """Check one claim of this notebook and show the tolerance, the evidence, the verdict and the
        alternative readings (the result is kept in ``run.checks[claim_id]``)."""
        if claim_id not in self.register:
            raise RegisterError(f"{claim_id} is not assigned to {self.notebook} in data/claims.csv")
        if claim_id in self.checks:
            raise RegisterError(f"{claim_id} was already checked in this notebook")
        claim = self.register[claim_id]
        result = engine.check(claim, self.params, self.package)
        self.checks[claim_id] = result
        _md(self._markdown(claim, result, show_readings))

    def check_all(self, show_readings: bool = True) -> None:
        """Check every claim of this notebook not yet checked (see :meth:`check_rest`)."""
        self.check_rest(show_readings)

    def check_rest(self, show_readings: bool = True) -> None:
        """Check every claim the register assigns to this notebook that no section above checked, and
        show them in sections by theme, worst verdict first: a new claim never needs a notebook edit."""
        rest = [self.register[cid] for cid in self.register if cid not in self.checks]
        if not rest:
            _md("*Every claim the register assigns to this notebook is checked above.*")
            return
        with collector.paused():  # checks and their Markdown make many short-lived objects
            results = {c.claim_id: engine.check(c, self.params, self.package) for c in rest}
            themes = list(THEMES) + sorted({c.theme for c in rest} - set(THEMES))
            for theme in themes:
                mine = [c for c in rest if c.theme == theme]
                if not mine:
                    continue
                parts = [f"### {THEMES.get(theme, theme)} ({len(mine)})"]
                for claim in sorted(mine, key=lambda c: WORST_FIRST.index(results[c.claim_id].verdict)):
                    self.checks[claim.claim_id] = results[claim.claim_id]
                    parts.append(self._markdown(claim, results[claim.claim_id], show_readings))
                _md("\n\n".join(parts))  # one output a theme: each output costs the kernel and the build a message

    def _markdown(self, claim: Claim, result: engine.Check, show_readings: bool) -> str:
        """One claim as Markdown: the quote, the rule, claimed and computed, the verdict and why, its
        readings and the sources behind the rows used (tables in Markdown, so one output holds it all)."""
        record = result.as_json
        verdict = Verdict(record["verdict"])
        lines = [f"#### `{claim.claim_id}`", f"> « {md(claim.quote)} »", "", f"*{md(claim.claim_en)}*", ""]
        lines.append(f"**Rule, declared before computing** ({claim.kind}): {md(tolerance_text(claim))}")
        lines.append("")
        claimed, computed = format_claimed(record, LOCALE), format_computed(record, LOCALE)
        self._shown[claim.claim_id] = (result, claimed, computed)
        lines.append(f"**Claimed** {md(claimed)} · **computed** {md(computed)} · **verdict `{verdict.value}`** "
                     f"({verdict.label})")
        for message in record["explanation"]:
            lines.append(f"- {md(render(message, LOCALE))}")
        for message in record["notes"]:
            lines.append(f"- *{md(render(message, LOCALE))}*")
        for message in record.get("caveats", []):
            lines.append(f"- **Caveat:** {md(render(message, LOCALE))}")
        if record["established"]:
            lines.append(f"- Is what was said itself established? **{md(record['established'])}**.")
        holds = record["holds_under"]
        if holds["allowed"] > 1 or holds["ruled_out"]:
            lines.append(f"- Holds under {holds['agree']} of the {holds['allowed']} readings the wording allows; "
                         f"the wording rules out {holds['ruled_out']} more.")
        for ruled in record["ruled_out"]:
            lines.append(f"  - *{md(ruled['dimension'])}* fixed to {md(', '.join(ruled['allowed']))}: "
                         f"{md(render(ruled['reason'], LOCALE))}")
        if record["knowledge"]["known_by"] != record["knowledge"]["as_of"]:
            lines.append(f"- Checked with what was public up to {record['knowledge']['known_by']} (a forecast).")
        if show_readings and len(result.outcomes) > 1:
            lines += ["", rows_as_markdown(SENSITIVITY_COLUMNS, sensitivity_rows(result),
                                           caption="Alternative readings the wording allows (base first)")]
        if result.sources:
            lines += ["", rows_as_markdown(SOURCES_COLUMNS, sources_rows(result.sources),
                                           caption="Sources behind the rows used (data/citations.csv)")]
        return "\n".join(lines)

    # -- output -------------------------------------------------------------------------------
    def summary(self) -> pd.DataFrame:
        rows = []
        for cid, result in self.checks.items():
            record = result.as_json
            shown = self._shown.get(cid)
            if shown is None or shown[0] is not result:  # a check replaced since it was shown: its own words
                shown = (result, format_claimed(record, LOCALE), format_computed(record, LOCALE))
            rows.append({"claim_id": cid, "claimed": shown[1], "computed": shown[2], "verdict": record["verdict"]})
        return pd.DataFrame(rows, columns=["claim_id", "claimed", "computed", "verdict"])

    def publish(self) -> None:
        """Show the verdict table and the inputs this run read, and hand the records to the runner
        (in the output's metadata, not as a printed value). Every claim the register assigns to
        this notebook must have been checked."""
        from IPython.display import publish_display_data

        missing = [cid for cid in self.register if cid not in self.checks]
        if missing:
            raise RegisterError(f"{self.notebook}: claim(s) {', '.join(missing)} are assigned to this notebook in "
                                "data/claims.csv but were not checked; add run.check(...) or run.check_all()")
        records = [self.checks[cid].as_json for cid in self.register]
        summary = self.summary()
        from analysis.publish.tables import as_html

        publish_display_data(
            data={"text/plain": as_text(summary), "text/html": as_html(summary, caption="Verdicts")},
            metadata={METADATA_KEY: records,  # JSON data already (Check.as_json), sent as they are
                      TABLES_KEY: sorted(self.package.read)},
        )
        inputs = pd.DataFrame([{"file": f"data/{self.package.facts(name).path}", "rows": len(self.package.table(name))}
                               for name in sorted(self.package.read)], columns=["file", "rows"])
        show(inputs, caption="Inputs this run read (generated)")


def tolerance_text(claim: Claim) -> str:
    """The rule a claim is judged by, in words, from the register alone (before computing)."""
    tol = kinds.claim_tolerance(claim)
    kind = kinds.kind_of(claim)
    if tol is None:
        extra = (f" A date off by at most {quantity(claim.point_margin, 'days', LOCALE)} is IMPRECISE."
                 if claim.point_margin else "")
        return kind.definition + extra
    record = {"kind": claim.kind, "claimed": claim.claimed, "unit": claim.unit, "hedge": claim.hedge}
    allowed = render({"key": "{i:interval}", "fields": {"i": {**tol.interval.as_record(), "unit": claim.unit}}}, LOCALE)
    return (f"the article says {format_claimed(record, LOCALE)}; it holds for {allowed}; off by at most "
            f"{quantity(tol.point_margin, claim.unit, LOCALE)} more, the point stands (IMPRECISE); beyond, INACCURATE.")


SOURCES_COLUMNS = ["row", "supporting sources", "independent origins", "contradicting", "context"]
SENSITIVITY_COLUMNS = ["reading", "computed", "verdict"]


def sources_rows(cited: list[dict]) -> list[list[object]]:
    """One line per data row used, in :data:`SOURCES_COLUMNS` order: its supporting sources' origins,
    and how many contradict or give context (``cited``: a check's citations, as
    :meth:`~analysis.io.package.DataPackage.cited` gives them)."""
    rows: dict[tuple[str, str], dict] = {}
    for citation in cited:
        table, row_id, role = citation["table"], citation["row_id"], citation["role"]
        origin, source_id = citation["origin"], citation["source_id"]
        line = rows.setdefault((table, row_id), {"supports": 0, "origins": set(), "contradicting": [], "context": 0})
        if role == "supports":
            line["supports"] += 1
            line["origins"].add(origin)
        elif role == "contradicts":
            line["contradicting"].append(source_id)
        else:
            line["context"] += 1
    return [[f"{table}: {row_id}", line["supports"], ", ".join(sorted(line["origins"])), ", ".join(line["contradicting"]),
             line["context"]] for (table, row_id), line in rows.items()]


def sensitivity_rows(result: engine.Check) -> list[list[object]]:
    """The readings the wording allows, base first, in :data:`SENSITIVITY_COLUMNS` order: reading,
    computed value, verdict."""
    rows = []
    dumped = result.as_json  # only "computed" differs between readings
    for outcome in result.outcomes:
        if not outcome.allowed:
            continue
        record = {**dumped, "computed": outcome.evidence.value}
        label = "; ".join(render(m, LOCALE) for m in outcome.label) or "as written"
        rows.append([("base: " if outcome is result.outcomes[0] else "") + label, format_computed(record, LOCALE),
                     outcome.verdict.value])
    return rows


def display_figure(fig, alt: str) -> None:
    """Show a chart with its alt text (for screen readers and the report's notebook pages)."""
    import base64

    from IPython.display import display

    from analysis.publish.charts import png_bytes

    data = base64.b64encode(png_bytes(fig)).decode()
    display({"image/png": data, "text/plain": f"[chart] {alt}"},
            metadata={"image/png": {"alt": alt}}, raw=True)
    _md(f"*Chart description:* {alt}")


class Charts:
    """The charts of the notebooks: the same charts as the report's (:mod:`analysis.publish.chart_data`
    prepares them from the data package and the claim, with the run's parameters)."""

    def __init__(self, run: Run):
        self.run = run

    def _show(self, kind: str, claim_id: str) -> None:
        from analysis.publish import chart_data

        fig, alt = chart_data.figure(kind, self.run.register[claim_id], self.run.params, self.run.package, LOCALE)
        display_figure(fig, alt)

    def days_since(self, claim_id: str) -> None:
        """Days since the last call, day by day over the contacts' coverage, with the calls and the
        meeting marked, the day ``claim_id`` speaks of and the longest stretch before it."""
        self._show("days_since", claim_id)

    def usai(self, claim_id: str) -> None:
        """USAI money by fiscal year, authorised and appropriated, over the years ``claim_id`` names."""
        self._show("usai_by_year", claim_id)

    def poll_trend(self, claim_id: str) -> None:
        """The poll series ``claim_id`` checks, by party, with the Republican margin of error."""
        self._show("poll_trend", claim_id)

    def timeline(self) -> None:
        """Every date, month and year this notebook checked, by article and verdict."""
        from analysis.publish.chart_data import dated_claims
        from analysis.publish.charts import claims_timeline_chart

        table = dated_claims([r.as_json for r in self.run.checks.values()])
        if table.empty:
            _md(f"*No chart: no date, month, year or decade could be checked as of {self.run.params.get('as_of', 'article')} "
                "(see the reasons in the verdict table).*")
            return
        fig, alt = claims_timeline_chart(table, LOCALE)
        display_figure(fig, alt)


def assumption_sensitivity(run: Run, claim_id: str, parameter: str, values: tuple[float, ...]) -> None:
    """The claim's verdict and the rule's note under other values of an assumption (e.g. the
    share of Republicans in a sample whose subgroup size is not published)."""
    claim = run.register[claim_id]
    rows = []
    for value in sorted({*values, run.params[parameter]}):
        params = {**run.params, parameter: value}
        result = engine.check(claim, params, run.package)
        notes = " ".join(render(m, LOCALE) for m in result.as_json["notes"])
        rows.append({parameter: value, "verdict": result.as_json["verdict"], "margin of error": notes})
    frame = pd.DataFrame(rows)
    show(frame, ndigits=2, caption=f"{claim_id} under other values of {parameter}")
