# %% [markdown] tags=[]
# # 04 · Every other date, year, weekday and count of both articles
#
# **Articles checked:** *dec2025* (18 December 2025) and *rtl2025* (RTL, September 2025, « De l'admiration à la
# déception … »).
#
# The headline figures are checked in notebooks 01–03 and what people said in notebook 05. This notebook takes every
# other date, year, month, weekday, duration and count of both texts: the lead of the December article, its second
# half (the Miami talks, "onze derniers mois", the weekdays), and the timeline of the RTL article (its years, dates,
# captions and counts). Each claim names in `data/claims.csv` the event of `data/events.csv` it is checked against; a
# test proves that every number of both texts is either in the register or excused in `data/claims_excluded.csv`.
#
# | | |
# |---|---|
# | **Inputs** | the data tables this run reads, listed with their row counts at the end (generated from the run, never typed) |
# | **Outputs** | verdict records → `results/04_timeline.json` (written by the runner once the whole notebook ran); the timeline chart |
# | **Parameters** | `as_of` ("article": each claim as of its own article's date), `statuses` (next cell; `python -m analysis build -p name=value`) |
#
# Every verdict below is decided by the verdict engine (`analysis.verdicts`) from the claim register
# (`data/claims.csv`): the rule is printed *before* the computation, and the scale is defined once
# (see the README, "The rating scale"). This notebook only narrates.

# %% tags=["parameters"]
as_of: str = "article"  # what is known: what was public by this ISO date ("article": the day each claim speaks of)
speaks_from: str = "article"  # re-anchor the articles on this ISO date ("article": the day each speaks from)
statuses: str = "confirmed,one_source"  # statuses of events that count: confirmed, one_source, disputed, unconfirmed
data_dir: str = ""  # the data folder (empty: the project's data/; set by --data-dir)

# %% tags=[]
from analysis.publish.notebook import Run

run = Run("04_timeline", data_dir=data_dir, as_of=as_of, speaks_from=speaks_from, statuses=statuses)

# %% [markdown] tags=[]
# ## The data
#
# `data/events.csv` holds the dated events the articles refer to (trips, interviews, posts, meetings, speeches,
# investigations, strikes, publications), each with its date or date range, how precisely the sources date it, the
# clock that dates it, the day it became public, a status and its sources; it was built from sources, not from the
# articles.

# %% tags=[]
events = run.data("events", ["event_id", "date_start", "date_end", "date_precision", "published", "value",
                             "value_hedge", "status"], caption="Events")

# %% [markdown] tags=[]
# ### Integrity checks

# %% tags=[]
run.integrity("events_status", "subjects_missing")

# %% [markdown] tags=[]
# ## Every claim
#
# Each claim below prints its rule before its computation. Calendar claims hold when the event happened in the
# period the claim gives; off by a number of days within the declared margin they are IMPRECISE (another clock, a
# midnight), beyond it INACCURATE. Counts are checked with their hedges (« au moins », « plus de ») against the
# sources' own (« as many as »).

# %% tags=[]
run.check_rest()

# %% [markdown] tags=[]
# ## The picture: every checked date on the calendar
#
# One row per article; each mark is a claim placed at its event's date; colour and shape both carry the verdict.

# %% tags=[]
run.charts.timeline()

# %% [markdown] tags=[]
# ## Caveats, and what would change the verdicts
#
# - **Secondary sources.** Several events rest on republished wire copy, aggregators or book translations (the 1987
#   trip, the 2013 tweet's day); their status and their citations say so, and `-p statuses=confirmed` shows which
#   verdicts depend on single sources (they become UNVERIFIABLE).
# - **Not found:** the Axios and Palm Beach Post pages the December article cites, and the Nouvel Obs article RTL
#   cites.
# - **Forecasts.** Claims about what would happen after the article's date (the Miami talks, the signing, Trump in
#   Florida) are checked against what happened, and their records say so.
#
# ## Verdicts

# %% tags=[]
run.publish()
