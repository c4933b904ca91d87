"""Charts. Each takes the data it draws (tested separately) and returns a matplotlib Figure."""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from analysis.verdicts import VERDICT_COLOURS, VERDICT_SYMBOLS, Verdict

#: Fixed style so a rebuild draws the same pixels.
STYLE = {"figure.dpi": 100, "font.size": 9, "axes.spines.top": False, "axes.spines.right": False}


def sawtooth(series: pd.DataFrame) -> pd.DataFrame:
    """The line to draw: on each contact day the stretch first reaches its full length, then
    drops to zero, so every peak shows the stretch's true number of days (not one less)."""
    resets = series.index[(series["days_since"] == 0) & (series.index > series.index[0])]
    peaks = pd.DataFrame({"day": series.loc[resets, "day"].values,
                          "days_since": series.loc[resets - 1, "days_since"].values + 1})
    line = pd.concat([series[["day", "days_since"]], peaks], ignore_index=True)
    # On a contact day the peak comes first, then the zero.
    return line.sort_values(["day", "days_since"], ascending=[True, False], kind="stable").reset_index(drop=True)


def days_since_chart(
    series: pd.DataFrame,
    contacts: pd.DataFrame,
    as_of: pd.Timestamp,
    record: pd.Series,
    title: str,
) -> plt.Figure:
    """Days since the last call, day by day, with each contact marked.

    ``series`` comes from :func:`analysis.contacts.days_since_series`; ``contacts`` has ``day``
    and ``type``; ``record`` is a row of :func:`analysis.contacts.longest_gaps`.
    """
    line = sawtooth(series)
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(9, 4))
        ax.plot(line["day"], line["days_since"], color="#1f4e79", linewidth=1.4,
                label=f"days since the last call (or since {series['day'].iloc[0]:%d %B})")
        for kind, marker, color in (("call", "v", "#1f4e79"), ("meeting", "D", "#b35806")):
            rows = contacts[contacts["type"] == kind]
            ax.scatter(rows["day"], [0] * len(rows), marker=marker, color=color, zorder=3,
                       label=f"{kind} ({len(rows)})")
        ax.axvline(as_of, color="#555555", linestyle="--", linewidth=1)
        ax.annotate(f"article: {as_of:%d %b %Y}", xy=(as_of, series["days_since"].max()),
                    xytext=(-4, 0), textcoords="offset points", ha="right", va="top", fontsize=8)
        ax.annotate(
            f"longest: {int(record['days'])} days\n({record['gap_start']:%d %b} → {record['gap_end']:%d %b})",
            xy=(record["gap_end"], record["days"]), xytext=(-190, -4), textcoords="offset points",
            arrowprops={"arrowstyle": "->", "color": "#333333"}, fontsize=8,
        )
        ax.set_ylabel("days")
        ax.set_title(title, loc="left")
        ax.xaxis.set_major_locator(mdates.MonthLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b"))
        ax.set_ylim(bottom=-4)
        ax.legend(loc="upper left", frameon=False, fontsize=8)
        fig.tight_layout()
    return fig


def usai_chart(history: pd.DataFrame, highlight: list[int], title: str) -> plt.Figure:
    """USAI by fiscal year: authorised (bars) and regular appropriations (dots), ``highlight``
    years in a stronger colour. Supplementals are left out of the bars (they are 10-40 times
    larger and would flatten the rest); the notebook prints them beside the chart."""
    authorised = history[history["kind"] == "authorization"].groupby("fiscal_year")["amount_usd"].sum()
    appropriated = history[history["kind"] == "appropriation"].groupby("fiscal_year")["amount_usd"].sum()
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(9, 3.8))
        colors = ["#b35806" if fy in highlight else "#8fa8c8" for fy in authorised.index]
        ax.bar(authorised.index, authorised.values / 1e6, color=colors, label="authorised (NDAA)")
        ax.scatter(appropriated.index, appropriated.values / 1e6, color="#1f4e79", zorder=3,
                   label="appropriated (regular, where sourced)")
        for fy, amount in authorised.items():
            ax.annotate(f"{amount / 1e6:.0f}", (fy, amount / 1e6), xytext=(0, 3), textcoords="offset points",
                        ha="center", fontsize=7)
        ax.set_xticks(list(authorised.index))
        ax.set_xticklabels([f"FY{fy % 100:02d}" for fy in authorised.index], fontsize=8)
        ax.set_ylabel("million US$")
        ax.set_title(title, loc="left")
        ax.legend(loc="upper left", frameon=False, fontsize=8)
        fig.tight_layout()
    return fig


def party_trend_chart(table: pd.DataFrame, error: pd.Series, title: str) -> plt.Figure:
    """Support by group across the waves of one series; ``error`` (points, indexed by wave year)
    draws the sampling error of the Republican figure."""
    colors = {"all": "#555555", "republicans": "#b2182b", "democrats": "#2166ac", "independents": "#762a83"}
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(7, 3.8))
        for group, rows in table.groupby("group", sort=True):
            rows = rows.sort_values("wave_year")
            yerr = error.reindex(rows["wave_year"]).values if group == "republicans" else None
            ax.errorbar(rows["wave_year"], rows["pct_favor"], yerr=yerr, marker="o", capsize=3,
                        color=colors.get(group, "#999999"), label=group)
            for year, value in zip(rows["wave_year"], rows["pct_favor"]):
                ax.annotate(f"{value:g}", (year, value), xytext=(6, -3), textcoords="offset points", fontsize=8)
        ax.axhline(50, color="#999999", linewidth=0.8, linestyle=":")
        ax.set_xticks(sorted(table["wave_year"].unique()))
        ax.set_ylabel("% in favour")
        ax.set_ylim(0, 100)
        ax.set_title(title, loc="left")
        ax.legend(loc="lower left", frameon=False, fontsize=8)
        fig.tight_layout()
    return fig


def claims_timeline_chart(table: pd.DataFrame, title: str) -> plt.Figure:
    """Every checked date claim on a time axis, one row per article, coloured by verdict with
    the verdict's symbol as the marker label (colour is not the only signal). ``table`` has
    ``day``, ``article_id`` and ``verdict``."""
    articles = sorted(table["article_id"].unique())
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(10, 3.6))
        for verdict in Verdict:
            rows = table[table["verdict"] == verdict.value]
            if rows.empty:
                continue
            y = [articles.index(a) for a in rows["article_id"]]
            ax.scatter(rows["day"], y, s=90, color=VERDICT_COLOURS[verdict], zorder=3,
                       label=f"{VERDICT_SYMBOLS[verdict]} {verdict.label_en} ({len(rows)})")
            for day, yy in zip(rows["day"], y):
                ax.annotate(VERDICT_SYMBOLS[verdict], (day, yy), ha="center", va="center", color="white",
                            fontsize=7, zorder=4)
        ax.set_yticks(range(len(articles)))
        ax.set_yticklabels(articles)
        ax.set_ylim(-0.7, len(articles) - 0.3)
        ax.set_title(title, loc="left")
        ax.legend(loc="upper left", frameon=False, fontsize=8, ncol=3, bbox_to_anchor=(0, -0.12))
        fig.tight_layout()
    return fig
