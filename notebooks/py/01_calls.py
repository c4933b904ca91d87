# %% [markdown] tags=[]
# # 01 · The Trump–Putin phone calls: seven calls, 63 days, a call every 34 days
#
# **Article checked:** *dec2025*, the French article of Thursday 18 December 2025 (publisher and URL in
# `data/articles.csv`).
#
# > « Le 12 février, Donald Trump rompait avec son prédécesseur en appelant Vladimir Poutine […] Depuis, les deux
# > dirigeants se sont entretenus à sept reprises, et se sont rencontrés une fois à Anchorage, en Alaska, en août. »
# >
# > « Au 18 décembre, cela fait 63 jours que Trump et Poutine n’ont pas eu de discussion téléphonique, selon les
# > communiqués du Kremlin et de la Maison-Blanche. Il s’agit de la plus longue période sans contact officiel direct
# > entre les deux hommes depuis le 20 janvier, date de l’investiture de Trump. En moyenne, ces derniers se sont
# > appelés tous les 34 jours entre le 20 janvier et le 16 octobre, lorsque le dernier appel connu a eu lieu. »
#
# *In English:* Trump called Putin on 12 February; since then they spoke seven times and met once (Anchorage,
# August); as of 18 December they had not spoken by phone for 63 days, the longest stretch without direct official
# contact since the inauguration; on average they called every 34 days between 20 January and 16 October, the last
# known call.
#
# | | |
# |---|---|
# | **Inputs** | the data tables this run reads, listed with their row counts at the end (generated from the run, never typed) |
# | **Outputs** | verdict records → `results/01_calls.json` (written by the runner once the whole notebook ran); the chart of days since the last call |
# | **Parameters** | `as_of`, `contact_types`, `clock`, `statuses` (next cell; `python -m analysis build -p name=value`) |
#
# Every verdict below is decided by the verdict engine (`analysis.verdicts`) from the claim register
# (`data/claims.csv`): the rule is printed *before* the computation, and the scale is defined once
# (see the README, "The rating scale"). This notebook only narrates.

# %% tags=["parameters"]
as_of: str = "article"  # what is known: what was public by this ISO date ("article": the day each claim speaks of)
speaks_from: str = "article"  # re-anchor the articles on this ISO date ("article": the day each speaks from)
contact_types: str = "call"  # contacts that count: "call", or "call,meeting"
clock: str = "washington"  # which clock dates a contact: "washington" or "moscow"
statuses: str = "confirmed,one_source"  # statuses that count: confirmed, one_source, disputed, unconfirmed
data_dir: str = ""  # the data folder (empty: the project's data/; set by --data-dir)

# %% tags=[]
from analysis.publish.notebook import Run

run = Run("01_calls", data_dir=data_dir, as_of=as_of, speaks_from=speaks_from, contact_types=contact_types,
          clock=clock, statuses=statuses)

# %% [markdown] tags=[]
# ## The data
#
# `data/contacts.csv` lists every direct Trump–Putin contact reported since 20 January 2025: the calls and the
# Alaska meeting, each with its Washington and Moscow day, the day it was made public, who initiated it and how long
# it lasted as each side reported, a status, and its sources in `data/citations.csv`, each with the role it plays
# (supports, contradicts, context). Claims of contacts that nobody confirmed, or that the other side denied, stay in
# the file with their status, so a reader sees what was left out. The table's coverage (how far the research
# reaches) is declared in `data/datapackage.json`: a date past it gives UNVERIFIABLE, never a count from missing rows.

# %% tags=[]
contacts = run.data("contacts", ["contact_id", "date", "date_moscow", "published", "type", "status", "initiator",
                                 "duration_ru_min", "duration_us_min"],
                     caption="Reported contacts, with their sources by role")

# %% [markdown] tags=[]
# ### Integrity checks
#
# Each table should be empty; the cell fails if it is not.

# %% tags=[]
run.integrity("contacts_status", "contacts_denials", "same_day_contacts")

# %% [markdown] tags=[]
# ## « à sept reprises » and « une fois à Anchorage »
#
# The count runs from the 12 February call, which « Depuis » excludes; « se sont entretenus » (spoke) is set apart
# from « se sont rencontrés » (met), so the calls and the meeting are counted separately. Both are fixed by the
# wording (`data/readings.csv`); the statuses and the clock remain open readings.

# %% tags=[]
run.check("dec-calls-since-feb12")

# %% tags=[]
run.check("dec-meetings-alaska")

# %% [markdown] tags=[]
# ## « en appelant Vladimir Poutine »: who called whom on 12 February?

# %% tags=[]
run.check("dec-feb12-initiator")

# %% [markdown] tags=[]
# ## « Au 18 décembre, cela fait 63 jours »
#
# A whole number of days has no rounding; counting both ends of the stretch is a convention, shown as a reading.

# %% tags=[]
run.check("dec-days-since-last-call")

# %% [markdown] tags=[]
# ## « la plus longue période sans contact officiel direct … depuis le 20 janvier »
#
# The stretch still open on the date checked against every earlier stretch since the inauguration (the first one
# runs from the inauguration to the first call). Longer than all is EXACT; a tie is a loose detail; shorter is
# wrong. "Contact officiel direct" may include the Alaska meeting, so calls-and-meetings is one of the readings.

# %% tags=[]
run.check("dec-longest-gap")

# %% [markdown] tags=[]
# ## « tous les 34 jours entre le 20 janvier et le 16 octobre »
#
# Three definitions of "on average, a call every N days" are computed; none is privileged by the wording.

# %% tags=[]
run.check("dec-mean-interval")

# %% [markdown] tags=[]
# ## « le 16 octobre, lorsque le dernier appel connu a eu lieu »

# %% tags=[]
run.check("dec-last-call-date")

# %% [markdown] tags=[]
# ## The picture: days since the last call, up to the end of the data's coverage
#
# Each day's value is the number of days since the last call (before the first call: since the inauguration).
# The calls and the meeting are marked on the axis; the date checked and the end of the coverage are drawn.

# %% tags=[]
run.charts.days_since("dec-longest-gap")

# %% [markdown] tags=[]
# ## Every other claim of the register assigned here
#
# Claims added to the register later, by theme, worst verdict first; none needs a notebook edit.

# %% tags=[]
run.check_rest()

# %% [markdown] tags=[]
# ## Caveats, and what would change the verdicts
#
# - **Announced contacts only.** The counts rest on contacts that the Kremlin or the White House announced. Trump
#   said on 19 March 2025 that there had been "other calls", and Peskov said others could not be ruled out; an
#   undisclosed call would change every figure here (`2025-03-19-claim` keeps that caveat in the data).
# - **Claims nobody confirmed** stay in `data/contacts.csv`; the *every reported contact* readings count them where
#   they are dated. The undated ones cannot be placed at all.
# - **The longest-stretch claim holds by a narrow margin** (see its record): one more reported contact in the autumn
#   would turn it into a tie or make it false. Re-run with `python -m analysis build -p as_of=YYYY-MM-DD`.
# - **Clocks.** The 18 August call was late in the evening in Washington and past midnight in Moscow; the Moscow
#   readings show whether that moves any figure.
# - **Primary pages.** No kremlin.ru or whitehouse.gov page was in the stored corpus; official texts are cited
#   through copies that reproduce them, with their origin recorded (`data/sources.csv`, column `origin`).
#
# ## Verdicts
#
# The records below go to `results/01_calls.json`.

# %% tags=[]
run.publish()
