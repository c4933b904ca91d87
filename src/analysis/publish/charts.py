"""Charts. Each takes the data it draws (prepared and tested separately) and returns a matplotlib
Figure and its alt text; every colour has a legend entry, and colour is never the only signal."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # no display here; a fixed backend also keeps the pixels stable

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from analysis.verdicts.scale import COLOURS, SYMBOLS, Verdict

#: Fixed style so a rebuild draws the same pixels.
STYLE = {"figure.dpi": 100, "font.size": 9, "axes.spines.top": False, "axes.spines.right": False,
         "svg.hashsalt": "analysis", "path.simplify": True}
MARKERS = {Verdict.EXACT: "o", Verdict.ROUNDED: "o", Verdict.IMPRECISE: "s", Verdict.MISLEADING: "D",
           Verdict.INACCURATE: "X", Verdict.UNVERIFIABLE: "^"}


def sawtooth(series: pd.DataFrame) -> pd.DataFrame:
    """The line to draw: on each contact day the stretch first reaches its full length, then
    drops to zero, so every peak shows the stretch's true number of days (not one less)."""
    resets = series.index[(series["days_since"] == 0) & (series.index > series.index[0])]
    peaks = pd.DataFrame({"day": series.loc[resets, "day"].values,
                          "days_since": series.loc[resets - 1, "days_since"].values + 1})
    line = pd.concat([series[["day", "days_since"]], peaks], ignore_index=True)
    # On a contact day the peak comes first, then the zero.
    return line.sort_values(["day", "days_since"], ascending=[True, False], kind="stable").reset_index(drop=True)


def days_since_chart(series: pd.DataFrame, marks: pd.DataFrame, as_of: pd.Timestamp, longest: pd.Series | None,
                     coverage_end: pd.Timestamp) -> tuple[plt.Figure, str]:
    """Days since the last call, day by day up to the data's coverage end, each contact marked.

    ``series``: :func:`analysis.domain.contacts.days_since_series`; ``marks``: ``day`` and
    ``type`` of the contacts; ``longest``: the longest stretch up to ``as_of`` (``gap_start``,
    ``gap_end``, ``days``), or None when the date checked is before the data begin."""
    line = sawtooth(series)
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(9.5, 4.2))
        ax.plot(line["day"], line["days_since"], color="#1f4e79", linewidth=1.4,
                label=f"days since the last call (counted from {series['day'].iloc[0]:%d %b %Y} before the first)")
        for kind, marker, color in (("call", "v", "#1f4e79"), ("meeting", "D", "#b35806")):
            rows = marks[marks["type"] == kind]
            ax.scatter(rows["day"], [0] * len(rows), marker=marker, s=36, color=color, zorder=3,
                       label=f"{kind} ({len(rows)})")
        ax.axvline(as_of, color="#555555", linestyle="--", linewidth=1, label=f"date checked ({as_of:%d %b %Y})")
        ax.axvline(coverage_end, color="#999999", linestyle=":", linewidth=1,
                   label=f"end of the data's coverage ({coverage_end:%d %b %Y})")
        if longest is not None:
            ax.annotate(f"longest before the date checked: {int(longest['days'])} days\n"
                        f"({longest['gap_start']:%d %b %Y} → {longest['gap_end']:%d %b %Y})",
                        xy=(longest["gap_end"], longest["days"]), xytext=(12, 6), textcoords="offset points",
                        fontsize=8, arrowprops={"arrowstyle": "->", "color": "#333333"})
        ax.set_ylabel("days without a call")
        ax.set_title("Trump–Putin: days since the last phone call", loc="left")
        ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
        ax.set_ylim(bottom=-5)
        ax.legend(loc="upper left", frameon=False, fontsize=7.5)
        fig.tight_layout()
    peaks = sawtooth(series)["days_since"].max()
    alt = (f"Line chart of the days since the last Trump–Putin call, from {series['day'].iloc[0]:%d %B %Y} to "
           f"{series['day'].iloc[-1]:%d %B %Y}; {len(marks[marks['type'] == 'call'])} calls and "
           f"{len(marks[marks['type'] == 'meeting'])} meeting marked; "
           + (f"the longest stretch before {as_of:%d %B %Y} is {int(longest['days'])} days; " if longest is not None
              else f"the date checked, {as_of:%d %B %Y}, is before the data begin; ")
           + f"the highest point on the chart is {int(peaks)} days.")
    return fig, alt


def usai_chart(history: pd.DataFrame, highlight: list[int]) -> tuple[plt.Figure, str]:
    """USAI by fiscal year: authorised (bars, the highlighted years darker) and regular
    appropriations where sourced (dots). Supplementals are left out (10–40 times larger)."""
    authorised = history[history["kind"] == "authorization"].groupby("fiscal_year")["amount_usd"].sum()
    appropriated = history[(history["kind"] == "appropriation") & history["amount_usd"].notna()] \
        .groupby("fiscal_year")["amount_usd"].sum()
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(9, 3.8))
        plain = [fy for fy in authorised.index if fy not in highlight]
        ax.bar(plain, authorised.loc[plain] / 1e6, color="#8fa8c8", label="authorised by an NDAA")
        marked = [fy for fy in authorised.index if fy in highlight]
        ax.bar(marked, authorised.loc[marked] / 1e6, color="#b35806", hatch="//", edgecolor="white",
               label="authorised by the FY2026 NDAA (the article's period)")
        ax.scatter(appropriated.index, appropriated.values / 1e6, color="#1f4e79", marker="o", zorder=3,
                   label="appropriated (regular acts, where sourced)")
        for fy, amount in authorised.items():
            ax.annotate(f"{amount / 1e6:.0f}", (fy, amount / 1e6), xytext=(0, 3), textcoords="offset points",
                        ha="center", fontsize=7)
        ax.set_xticks(list(authorised.index))
        ax.set_xticklabels([f"FY{fy % 100:02d}" for fy in authorised.index], fontsize=8)
        ax.set_ylabel("million US$")
        ax.set_title("USAI by fiscal year (million US$)", loc="left")
        ax.legend(loc="upper left", frameon=False, fontsize=8)
        fig.tight_layout()
    alt = ("Bar chart of USAI authorisations by fiscal year from FY" + f"{authorised.index.min()} to FY"
           f"{authorised.index.max()}, with regular appropriations as dots where a source gives them; "
           f"the FY{min(highlight)}–FY{max(highlight)} authorisations are highlighted.")
    return fig, alt


GROUP_STYLE = {"all": ("#555555", "o", "all respondents"), "republicans": ("#b2182b", "s", "Republicans"),
               "democrats": ("#2166ac", "^", "Democrats"), "independents": ("#762a83", "D", "independents")}


def party_trend_chart(table: pd.DataFrame, error: pd.Series, title: str) -> tuple[plt.Figure, str]:
    """Support by group across the waves of one series; ``error`` (points, indexed by wave year)
    draws the sampling error of the Republican figure."""
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(7.5, 3.9))
        for group, rows in table.groupby("group", sort=True):
            rows = rows.sort_values("wave_year")
            color, marker, name = GROUP_STYLE.get(group, ("#999999", "o", group))
            yerr = error.reindex(rows["wave_year"]).values if group == "republicans" else None
            ax.errorbar(rows["wave_year"], rows["pct_favor"], yerr=yerr, marker=marker, capsize=3, color=color,
                        label=name + (" (± sampling error, assumed subgroup)" if yerr is not None else ""))
            for year, value in zip(rows["wave_year"], rows["pct_favor"]):
                ax.annotate(f"{value:g}", (year, value), xytext=(6, -3), textcoords="offset points", fontsize=8)
        ax.axhline(50, color="#999999", linewidth=0.8, linestyle=":", label="half")
        ax.set_xticks(sorted(table["wave_year"].unique()))
        ax.set_ylabel("% in favour")
        ax.set_ylim(0, 100)
        ax.set_title(title, loc="left")
        ax.legend(loc="lower left", frameon=False, fontsize=8)
        fig.tight_layout()
    rep = table[table["group"] == "republicans"].sort_values("wave_year")
    alt = (f"Line chart: {title}, waves {', '.join(str(y) for y in sorted(table['wave_year'].unique()))}; "
           "Republicans: " + ", ".join(f"{v:g} % in {y}" for y, v in zip(rep["wave_year"], rep["pct_favor"])) + ".")
    return fig, alt


def claims_timeline_chart(table: pd.DataFrame) -> tuple[plt.Figure, str]:
    """Every checked date claim on a time axis, one row per article, by verdict (colour and marker
    shape both carry the verdict). ``table``: ``day``, ``article_id``, ``verdict``."""
    articles = sorted(table["article_id"].unique())
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(10, 3.8))
        for verdict in Verdict:
            rows = table[table["verdict"] == verdict.value]
            if rows.empty:
                continue
            offsets = rows.groupby("article_id").cumcount() % 3 * 0.12
            y = [articles.index(a) + o for a, o in zip(rows["article_id"], offsets)]
            ax.scatter(rows["day"], y, s=46, color=COLOURS[verdict], marker=MARKERS[verdict], zorder=3,
                       edgecolor="white", linewidth=0.6, alpha=0.9,
                       label=f"{SYMBOLS[verdict]} {verdict.label} ({len(rows)})")
        ax.set_yticks(range(len(articles)))
        ax.set_yticklabels(articles)
        ax.set_ylim(-0.6, len(articles) - 0.2)
        ax.xaxis.set_major_locator(mdates.YearLocator(base=4))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.set_title("Dates, years and months checked, by article and verdict", loc="left")
        ax.legend(loc="upper left", frameon=False, fontsize=8, ncol=3, bbox_to_anchor=(0, -0.12))
        fig.tight_layout()
    counts = table["verdict"].value_counts()
    alt = ("Timeline of the dated claims of both articles, from " f"{table['day'].min():%Y} to {table['day'].max():%Y}; "
           + ", ".join(f"{n} {Verdict(v).label.lower()}" for v, n in counts.items()) + ".")
    return fig, alt
