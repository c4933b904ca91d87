# %% [markdown] tags=[]
# # 02 · The NDAA's $800 million for Ukraine: the bill, the votes, the money
#
# **Article checked:** *dec2025*, the French article of Thursday 18 December 2025.
#
# > « La loi de défense (NDAA) passée hier, mercredi 17 décembre, par le Sénat, contient ainsi 800 millions de
# > dollars d’assistance à l’Ukraine pour la période 2026-2027. Ces fonds iront à l’USAI (Ukraine Security
# > Assistance Initiative), un programme qui finance des ventes d’armes à l’Ukraine par des entreprises américaines.
# > Il s’agit du premier texte voté par le nouveau Congrès républicain, élu en novembre 2024, qui octroie une
# > nouvelle aide à Kiev. Trump doit apposer sa signature aujourd’hui, jeudi 18, dans la soirée. »
#
# *In English:* the Senate passed the defence bill on Wednesday 17 December; it holds $800 million of assistance to
# Ukraine for 2026–2027, going to USAI, a programme that funds US companies' arms sales to Ukraine; it is the first
# bill of the Republican Congress to grant new aid to Kyiv; Trump signs it on Thursday 18 December in the evening.
#
# The distinction that matters most in US budget reporting: an **authorisation** (what the NDAA does) sets a
# ceiling; money exists only once an **appropriations** act provides it.
#
# | | |
# |---|---|
# | **Inputs** | the data tables this run reads, listed with their row counts at the end (generated from the run, never typed) |
# | **Outputs** | verdict records → `results/02_ndaa.json` (written by the runner once the whole notebook ran); the USAI chart |
# | **Parameters** | `as_of`, `statuses` (next cell; `python -m analysis build -p name=value`) |
#
# Every verdict below is decided by the verdict engine (`analysis.verdicts`) from the claim register
# (`data/claims.csv`): the rule is printed *before* the computation, and the scale is defined once
# (see the README, "The rating scale"). This notebook only narrates.

# %% tags=["parameters"]
as_of: str = "article"  # what is known: what was public by this ISO date ("article": the day each claim speaks of)
speaks_from: str = "article"  # re-anchor the articles on this ISO date ("article": the day each speaks from)
statuses: str = "confirmed,one_source"  # statuses of data rows that count
data_dir: str = ""  # the data folder (empty: the project's data/; set by --data-dir)

# %% tags=[]
from analysis.publish.notebook import Run

run = Run("02_ndaa", data_dir=data_dir, as_of=as_of, speaks_from=speaks_from, statuses=statuses)

# %% [markdown] tags=[]
# ## The data
#
# `data/legislation.csv` records the FY2026 NDAA (S. 1071 as amended by the House, Public Law 119-60): each
# chamber's votes from the congress.gov action record, the signature, every Ukraine-related line with the section
# where one was found, and the other laws of 2025 with whether they carried Ukraine money. `data/usai_history.csv`
# gives USAI by fiscal year since FY2016; `data/supplementals.csv` the five Ukraine supplementals of 2022–2024.

# %% tags=[]
legislation = run.data("legislation", ["item_id", "chamber", "date", "published", "amount_usd", "yea", "nay",
                                       "fiscal_year", "ukraine_money", "status"], caption="The act and the laws of 2025")

# %% [markdown] tags=[]
# ### Integrity checks

# %% tags=[]
run.integrity("house_party_splits", "supplementals_total", "legislation_status")

# %% [markdown] tags=[]
# ## « passée hier, mercredi 17 décembre, par le Sénat »
#
# Readings: the Senate's final vote on the act, and its October vote on its own version; the cloture vote is
# ruled out by « passée » (cloture only ends debate). The weekday is computed from the calendar.

# %% tags=[]
run.check("dec-ndaa-senate-date")

# %% tags=[]
run.check("dec-ndaa-senate-weekday")

# %% [markdown] tags=[]
# ## « 800 millions de dollars d’assistance à l’Ukraine pour la période 2026-2027 »
#
# Readings: USAI authorised for fiscal years 2026 and 2027 (what "2026-2027" most plausibly means in a US bill);
# the same amounts spread over *calendar* 2026–2027 (FY2026 began on 1 October 2025); USAI *appropriated* by an act
# enacted by the date checked. The framing problem (an authorisation presented as money) is recorded with its
# sources in `data/framing.csv` and applied by the engine.

# %% tags=[]
run.check("dec-ndaa-800m")

# %% [markdown] tags=[]
# ## « Ces fonds iront à l’USAI … un programme qui finance des ventes d’armes à l’Ukraine par des entreprises américaines »

# %% tags=[]
run.check("dec-ndaa-usai")

# %% tags=[]
run.check("dec-ndaa-usai-mechanism")

# %% [markdown] tags=[]
# ## « le premier texte voté par le nouveau Congrès républicain … qui octroie une nouvelle aide à Kiev »
#
# The laws of 2025 enacted before the NDAA: one shown to carry new Ukraine money makes the claim wrong; one whose
# Ukraine money the sources leave open makes it unsettled.

# %% tags=[]
run.check("dec-ndaa-first-aid-law")

# %% [markdown] tags=[]
# ## « Trump doit apposer sa signature aujourd’hui, jeudi 18, dans la soirée »
#
# A forecast on the article's date, checked against what happened.

# %% tags=[]
run.check("dec-ndaa-signing-date")

# %% tags=[]
run.check("dec-ndaa-signing-weekday")

# %% [markdown] tags=[]
# ## Context: USAI by fiscal year
#
# Bars: what each NDAA authorised; dots: regular appropriations where a source gives them (several years are
# missing). The 2022–2024 supplementals are of another order of magnitude and are left out of the bars.

# %% tags=[]
run.charts.usai("dec-ndaa-800m")

# %% [markdown] tags=[]
# ## Every other claim of the register assigned here
#
# Claims added to the register later, by theme, worst verdict first; none needs a notebook edit.

# %% tags=[]
run.check_rest()

# %% [markdown] tags=[]
# ## Caveats, and what would change the verdicts
#
# - **The enacted text's body was not readable** in the stored corpus: the USAI section number, its operative words
#   and the FY2027 amount rest on press reports of the final text and on Ukraine's ambassador; the base authority
#   (section 1250 of the FY2016 NDAA) is confirmed by the Defense Security Cooperation Agency's manual.
# - **P.L. 119-4** (March 2025) continued FY2024 funding levels; whether that carried a US-funded USAI line is not
#   established, which is why the « premier texte » claim stays unsettled.
# - **FY2026 defence appropriations** were enacted on 3 February 2026, after the article; their USAI amount was not
#   found. Re-run with `-p as_of=2026-03-01` to see what that changes.
#
# ## Verdicts

# %% tags=[]
run.publish()
