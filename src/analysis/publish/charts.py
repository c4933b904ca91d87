"""Charts. Each takes the data it draws (prepared by :mod:`analysis.publish.chart_data`) and the
reader's locale, and returns a matplotlib Figure and its text alternative, which gives the numbers;
every colour has a legend entry, colour is never the only signal, and no label crosses a line or
another label (:mod:`analysis.publish.chart_layout` places them and the tests check it).
:func:`inline_svg` makes a figure a self-contained ``<svg>`` for the report."""

from __future__ import annotations

import io
import re

import matplotlib

matplotlib.use("Agg")  # no display here; a fixed backend also keeps the pixels stable

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from babel.dates import format_date
from markupsafe import Markup, escape
from matplotlib.layout_engine import TightLayoutEngine

from analysis.messages import N_, Message
from analysis.publish.chart_layout import place
from analysis.publish.formatting import number, percent, render
from analysis.publish.i18n import gettext_for
from analysis.verdicts.scale import COLOURS, SYMBOLS, Verdict

#: Fixed style so a rebuild draws the same pixels and the same SVG.
STYLE = {"figure.dpi": 100, "font.size": 9, "axes.spines.top": False, "axes.spines.right": False,
         "svg.hashsalt": "analysis", "path.simplify": True, "svg.fonttype": "path"}
MARKERS = {Verdict.EXACT: "o", Verdict.ROUNDED: "o", Verdict.IMPRECISE: "s", Verdict.MISLEADING: "D",
           Verdict.INACCURATE: "X", Verdict.UNVERIFIABLE: "^"}


def _tight(fig: plt.Figure) -> None:
    """Lay the figure out once, as ``fig.tight_layout()`` does, without leaving a layout engine on
    it: with one, every ``savefig`` draws the whole figure once more before drawing it for real."""
    TightLayoutEngine().execute(fig)


def _t(message: str, locale: str, **fields: object) -> str:
    """A chart's words in the reader's language (a message of the catalogs, its values formatted)."""
    return render(Message(message, **fields), locale) if fields else gettext_for(locale)(message)


def _short(day: object, locale: str) -> str:
    """``16 oct. 2025`` / ``Oct 16, 2025``: a date short enough for a chart."""
    return format_date(pd.Timestamp(day).date(), format="medium", locale=locale)


def _month_axis(ax, locale: str, months: tuple[int, ...] = (1, 4, 7, 10)) -> None:
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=months))
    ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(
        lambda x, _pos: format_date(mdates.num2date(x).date(), format="MMM y", locale=locale)))


def _tick_date(x: float, locale: str) -> str:
    """A time axis tick: the year alone on 1 January, else month and year, in the locale's words."""
    when = mdates.num2date(x).date()
    return str(when.year) if (when.month, when.day) == (1, 1) else format_date(when, format="MMM y", locale=locale)


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
                     coverage_end: pd.Timestamp, locale: str = "en") -> tuple[plt.Figure, str]:
    """Days since the last call, day by day up to the data's coverage end, each contact marked.

    ``series``: :func:`analysis.domain.contacts.days_since_series`; ``marks``: ``day`` and
    ``type`` of the contacts; ``longest``: the longest stretch up to ``as_of`` (``gap_start``,
    ``gap_end``, ``days``), or None when the date checked is before the data begin."""
    line = sawtooth(series)
    start = series["day"].iloc[0]
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(9.5, 5.0))
        ax.plot(line["day"], line["days_since"], color="#1f4e79", linewidth=1.4,
                label=_t(N_("days since the last call (counted from {start} before the first)"), locale,
                         start=_short(start, locale)))
        for kind, marker, color, word in (("call", "v", "#1f4e79", N_("calls ({n})")),
                                          ("meeting", "D", "#b35806", N_("meetings ({n})"))):
            rows = marks[marks["type"] == kind]
            ax.scatter(rows["day"], [0] * len(rows), marker=marker, s=36, color=color, zorder=3,
                       label=_t(word, locale, n=len(rows)))
        ax.axvline(as_of, color="#555555", linestyle="--", linewidth=1,
                   label=_t(N_("date checked ({day})"), locale, day=_short(as_of, locale)))
        ax.axvline(coverage_end, color="#999999", linestyle=":", linewidth=1,
                   label=_t(N_("end of the data's coverage ({day})"), locale, day=_short(coverage_end, locale)))
        ax.set_ylabel(_t(N_("days without a call"), locale))
        ax.set_title(_t(N_("Trump–Putin: days since the last phone call"), locale), loc="left")
        _month_axis(ax, locale)
        top = float(line["days_since"].max())
        ax.set_ylim(-5, top * 1.3 + 10)  # headroom: the label goes above the line
        ax.legend(loc="upper left", bbox_to_anchor=(0, -0.1), frameon=False, fontsize=7.5, ncol=2)
        _tight(fig)
        if longest is not None:
            label = ax.annotate(
                _t(N_("longest before the date checked: {days:days}\n({start} → {end})"), locale,
                   days=int(longest["days"]), start=_short(longest["gap_start"], locale),
                   end=_short(longest["gap_end"], locale)),
                xy=(longest["gap_end"], longest["days"]), xytext=(-12, 14), textcoords="offset points",
                fontsize=8, arrowprops={"arrowstyle": "->", "color": "#333333"})
            place([label], ((-12, 14), (-12, 30), (-40, 30), (12, 14), (12, 30), (-80, 40), (-140, 40), (-200, 20)))
    peaks = line["days_since"].max()
    calls, meetings = len(marks[marks["type"] == "call"]), len(marks[marks["type"] == "meeting"])
    alt = _t(N_("Line chart of the days since the last Trump–Putin call, from {start} to {end}: {calls:qty} "
                "and {meetings:qty} marked; the highest point is {peak:days}."), locale,
             start=_short(start, locale), end=_short(series["day"].iloc[-1], locale),
             calls={"n": calls, "unit": "calls"}, meetings={"n": meetings, "unit": "meetings"}, peak=int(peaks))
    if longest is not None:
        alt += " " + _t(N_("Before {day}, the date checked, the longest stretch is {days:days}, from {start} to {end}."),
                        locale, day=_short(as_of, locale), days=int(longest["days"]),
                        start=_short(longest["gap_start"], locale), end=_short(longest["gap_end"], locale))
    else:
        alt += " " + _t(N_("The date checked, {day}, is before the data begin."), locale, day=_short(as_of, locale))
    return fig, alt


def usai_chart(history: pd.DataFrame, highlight: list[int], locale: str = "en") -> tuple[plt.Figure, str]:
    """USAI by fiscal year: authorised (bars, the highlighted years darker) and regular
    appropriations where sourced (dots). Supplementals are left out (10–40 times larger)."""
    authorised = history[history["kind"] == "authorization"].groupby("fiscal_year")["amount_usd"].sum()
    appropriated = history[(history["kind"] == "appropriation") & history["amount_usd"].notna()] \
        .groupby("fiscal_year")["amount_usd"].sum()
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(9, 4.2))
        plain = [fy for fy in authorised.index if fy not in highlight]
        ax.bar(plain, authorised.loc[plain] / 1e6, color="#8fa8c8", label=_t(N_("authorised by an NDAA"), locale))
        marked = [fy for fy in authorised.index if fy in highlight]
        ax.bar(marked, authorised.loc[marked] / 1e6, color="#b35806", hatch="//", edgecolor="white",
               label=_t(N_("authorised by the NDAA the claim names"), locale))
        ax.scatter(appropriated.index, appropriated.values / 1e6, color="#1f4e79", marker="o", zorder=3,
                   label=_t(N_("appropriated (regular acts, where sourced)"), locale))
        values = [ax.annotate(number(amount / 1e6, locale, 0), (fy, amount / 1e6), xytext=(0, 3),
                              textcoords="offset points", ha="center", fontsize=7) for fy, amount in authorised.items()]
        ax.set_xticks(list(authorised.index))
        ax.set_xticklabels([f"FY{fy % 100:02d}" for fy in authorised.index], fontsize=8)
        ax.set_ylabel(_t(N_("million US$"), locale))
        ax.set_ylim(0, max(authorised.max(), appropriated.max() if len(appropriated) else 0) / 1e6 * 1.5)
        ax.set_title(_t(N_("USAI by fiscal year (million US$)"), locale), loc="left")
        ax.legend(loc="upper left", frameon=False, fontsize=8)
        _tight(fig)
        place(values, ((0, 3), (0, 10), (0, 17), (0, 24)))
    years = ", ".join(f"FY{fy}: {number(a / 1e6, locale, 0)}" for fy, a in authorised.items())
    spent = ", ".join(f"FY{fy}: {number(a / 1e6, locale, 0)}" for fy, a in appropriated.items())
    alt = _t(N_("Bar chart of the Ukraine Security Assistance Initiative by fiscal year, in million US$. "
                "Authorised: {years}. Appropriated by regular acts, where sourced: {spent}. "
                "Highlighted: FY{first}–FY{last}, the years the claim names."), locale,
             years=years, spent=spent or "—", first=min(highlight), last=max(highlight))
    return fig, alt


GROUP_STYLE = {"all": ("#555555", "o", N_("all respondents")), "republicans": ("#b2182b", "s", N_("Republicans")),
               "democrats": ("#2166ac", "^", N_("Democrats")), "independents": ("#762a83", "D", N_("independents"))}


def party_trend_chart(table: pd.DataFrame, error: pd.Series, pollster: str, locale: str = "en") -> tuple[plt.Figure, str]:
    """Support by group across the waves of one series; ``error`` (points, indexed by wave year)
    draws the sampling error of the Republican figure."""
    title = _t(N_("{pollster}: support for sending weapons to Ukraine, by party"), locale, pollster=pollster)
    labels = []
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(7.5, 4.6))
        for group, rows in table.groupby("group", sort=True):
            rows = rows.sort_values("wave_year")
            color, marker, name = GROUP_STYLE.get(group, ("#999999", "o", group))
            yerr = error.reindex(rows["wave_year"]).values if group == "republicans" else None
            name = _t(name, locale)
            ax.errorbar(rows["wave_year"], rows["pct_favor"], yerr=yerr, marker=marker, capsize=3, color=color,
                        label=name + (_t(N_(" (± sampling error, assumed subgroup)"), locale) if yerr is not None else ""))
            for year, value in zip(rows["wave_year"], rows["pct_favor"], strict=True):
                labels.append(ax.annotate(number(value, locale), (year, value), xytext=(6, -3), textcoords="offset points",
                                          fontsize=8, color=color))
        ax.axhline(50, color="#999999", linewidth=0.8, linestyle=":", label=_t(N_("half"), locale))
        years = sorted(table["wave_year"].unique())
        ax.set_xticks(years)
        ax.set_xlim(min(years) - 0.6, max(years) + 0.6)
        ax.set_ylabel(_t(N_("% in favour"), locale))
        ax.set_ylim(0, 100)
        ax.set_title(title, loc="left")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), frameon=False, fontsize=8, ncol=2)
        _tight(fig)
        place(labels)
    groups = []
    for group, rows in table.groupby("group", sort=True):
        rows = rows.sort_values("wave_year")
        name = _t(GROUP_STYLE.get(group, ("", "", group))[2], locale)
        groups.append(name[:1].upper() + name[1:] + ": " + ", ".join(
            f"{percent(v, locale)} ({y})" for y, v in zip(rows["wave_year"], rows["pct_favor"], strict=True)))
    colon = "\u00a0: " if locale == "fr" else ": "
    alt = _t(N_("Line chart: {title}. {groups}."), locale, title=title,
             groups=". ".join(g.replace(": ", colon, 1) for g in groups))
    if len(error.dropna()):
        alt += " " + _t(N_("Sampling error of the Republican figure (assumed subgroup size): {errors}."), locale,
                        errors=", ".join(f"± {number(e, locale)} ({y})" for y, e in error.dropna().sort_index().items()))
    return fig, alt


def claims_timeline_chart(table: pd.DataFrame, locale: str = "en") -> tuple[plt.Figure, str]:
    """Every checked date claim on a time axis, one row per article, by verdict (colour and marker
    shape both carry the verdict). ``table``: ``day``, ``article_id``, ``verdict``."""
    _ = gettext_for(locale)
    articles = sorted(table["article_id"].unique())
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(10, 1.9 + 0.5 * len(articles)))
        for verdict in Verdict:
            rows = table[table["verdict"] == verdict.value]
            if rows.empty:
                continue
            offsets = rows.groupby("article_id").cumcount() % 3 * 0.12
            y = [articles.index(a) + o for a, o in zip(rows["article_id"], offsets, strict=True)]
            ax.scatter(rows["day"], y, s=46, color=COLOURS[verdict], marker=MARKERS[verdict], zorder=3,
                       edgecolor="white", linewidth=0.6, alpha=0.9,
                       label=f"{SYMBOLS[verdict]} {_(verdict.label)} ({len(rows)})")
        ax.set_yticks(range(len(articles)))
        ax.set_yticklabels(articles if len(articles) > 1 else [])
        if len(articles) == 1:
            ax.tick_params(axis="y", left=False)
            ax.spines["left"].set_visible(False)
        ax.set_ylim(-0.6, len(articles) - 0.2)
        locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda x, _pos: _tick_date(x, locale)))
        ax.set_title(_t(N_("Dates, years and months checked, by verdict"), locale), loc="left")
        ax.legend(loc="upper left", frameon=False, fontsize=8, ncol=3, bbox_to_anchor=(0, -0.18))
        _tight(fig)
    counts = table["verdict"].value_counts()
    alt = _t(N_("Timeline of the dated claims checked, from {first} to {last}: {counts}."), locale,
             first=f"{table['day'].min():%Y}", last=f"{table['day'].max():%Y}",
             counts=", ".join(f"{n} {_(Verdict(v).label).lower()}" for v, n in counts.items()))
    return fig, alt


_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(\bid="|href="#|url\(#)([^"\)]+)')


def inline_svg(fig: plt.Figure, key: str, alt: str) -> Markup:
    """The figure as an ``<svg>`` to put in a page: no XML prolog, scalable to its container,
    its ids prefixed with ``key`` (several charts share a page), the text alternative as its
    ``<title>``. Deterministic: the same figure gives the same bytes."""
    buffer = io.StringIO()
    with plt.rc_context(STYLE):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    text = buffer.getvalue()
    text = text[text.index("<svg"):]
    ids = set(_ID.findall(text))
    text = _REF.sub(lambda m: f"{m.group(1)}{key}-{m.group(2)}" if m.group(2) in ids else m.group(0), text)
    text = re.sub(r'<svg ([^>]*?)width="[^"]*" height="[^"]*"',
                  lambda m: f'<svg {m.group(1)}role="img" aria-labelledby="{key}-title" class="chart-svg"', text, count=1)
    text = re.sub(r"(<svg[^>]*>)", lambda m: f'{m.group(1)}<title id="{key}-title">{escape(alt)}</title>', text, count=1)
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.DOTALL)
    return Markup(text.strip())


def png_bytes(fig: plt.Figure) -> bytes:
    """The figure as PNG (the notebooks show these); no timestamp, so the bytes are stable."""
    buffer = io.BytesIO()
    with plt.rc_context(STYLE):
        fig.savefig(buffer, format="png", metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()
