# %% [markdown] tags=[]
# # 03 · Republicans and arming Ukraine: 44 % → 59 %
#
# **Article checked:** *dec2025*, the French article of Thursday 18 December 2025.
#
# > « La relation que Trump entretient avec Poutine suit en partie aussi les évolutions au sein de son électorat :
# > depuis son retour au pouvoir, le soutien des électeurs républicains à l’Ukraine a augmenté de 15 points.
# > Aujourd’hui, plus de la moitié (59 %) sont désormais en faveur de l’envoi d’armes à Kiev, contre 44 % il y a un
# > an. »
#
# *In English:* since Trump's return to power, Republican voters' support for Ukraine rose 15 points; 59 % now
# favour sending arms to Kyiv, against 44 % a year ago. **The article names no poll.** The register names the
# series the figures come from (the Reagan National Defense Survey); the other pollsters' series are alternative
# readings.
#
# Questions: are the figures right; is "more than half" settled by the poll's sampling error; was the earlier wave
# fielded "since the return to power"; who was asked, and what?
#
# | | |
# |---|---|
# | **Inputs** | the data tables this run reads, listed with their row counts at the end (generated from the run, never typed) |
# | **Outputs** | verdict records → `results/03_polls.json` (written by the runner once the whole notebook ran); the trend chart |
# | **Parameters** | `as_of`; `republican_share`, `baseline_n_ratio` (assumptions where the pollster publishes no subgroup size); `confidence` (next cell; `python -m analysis build -p name=value`) |
#
# Every verdict below is decided by the verdict engine (`analysis.verdicts`) from the claim register
# (`data/claims.csv`): the rule is printed *before* the computation, and the scale is defined once
# (see the README, "The rating scale"). This notebook only narrates.

# %% tags=["parameters"]
as_of: str = "article"  # what is known: what was public by this ISO date ("article": the day each claim speaks of)
speaks_from: str = "article"  # re-anchor the articles on this ISO date ("article": the day each speaks from)
republican_share: float = 0.3  # ASSUMED share of Republicans in the sample (subgroup size not published)
baseline_n_ratio: float = 1.0  # ASSUMED size of the earlier wave's sample relative to the later one's
confidence: float = 0.95  # confidence level of the margins of error
data_dir: str = ""  # the data folder (empty: the project's data/; set by --data-dir)

# %% tags=[]
from analysis.publish.notebook import Run, assumption_sensitivity

run = Run("03_polls", data_dir=data_dir, as_of=as_of, speaks_from=speaks_from, republican_share=republican_share, baseline_n_ratio=baseline_n_ratio,
          confidence=confidence)

# %% [markdown] tags=[]
# ## The data
#
# `data/polls.csv` holds every wave × group found for the candidate series (Reagan National Defense Survey, Gallup,
# Pew, Chicago Council–Ipsos), each with its field dates and release date (a wave counts only once released), its
# population, question and sources.

# %% tags=[]
polls = run.data("polls", ["poll_id", "wave", "field_start", "field_end", "released", "group", "pct_favor",
                           "n_total", "moe_total", "status"], caption="Poll waves")

# %% [markdown] tags=[]
# ### Integrity checks

# %% tags=[]
run.integrity("poll_duplicates", "polls_status")

# %% [markdown] tags=[]
# ## « a augmenté de 15 points »
#
# Points are the difference between two percentages; a percent change is ruled out by the wording. The declared
# sampling-error rule (`data/rules.csv`) says a change no larger than its margin of error is not settled by the poll.

# %% tags=[]
run.check("dec-poll-rise-15pts")

# %% [markdown] tags=[]
# The subgroup's size is not published, so the margin of error rests on an assumption; here is the verdict under
# other assumptions:

# %% tags=[]
assumption_sensitivity(run, "dec-poll-rise-15pts", "republican_share", (0.2, 0.25, 0.35, 0.4))

# %% [markdown] tags=[]
# ## « depuis son retour au pouvoir »

# %% tags=[]
run.check("dec-poll-since-return")

# %% [markdown] tags=[]
# ## « plus de la moitié (59 %) … contre 44 % il y a un an »
#
# "Plus de la moitié" is a bound, checked as a bound (with the sampling-error rule); 59 % and 44 % are figures.

# %% tags=[]
run.check("dec-poll-59")

# %% tags=[]
run.check("dec-poll-majority")

# %% tags=[]
run.check("dec-poll-44-year-ago")

# %% [markdown] tags=[]
# ## The picture: support by party across the waves

# %% tags=[]
run.charts.poll_trend("dec-poll-59")

# %% [markdown] tags=[]
# ## Every other claim of the register assigned here
#
# Claims added to the register later, by theme, worst verdict first; none needs a notebook edit.

# %% tags=[]
run.check_rest()

# %% [markdown] tags=[]
# ## Who was asked, and what
#
# The article says "électeurs républicains" and "soutien … à l’Ukraine"; the survey asked **adults** (not only
# registered voters) who identify as Republicans, and its question is about **sending weapons**. The population and
# the question are in `data/polls.csv`.
#
# ## Caveats, and what would change the verdicts
#
# - **Toplines not read.** The survey's own toplines and crosstabs were not in the stored corpus: the exact question
#   wording, the Republican subgroup size and the treatment of leaners come from secondary reports. The Reagan
#   Institute's own page confirms the overall figure; the Republican figures come through relays of its key findings.
# - **Different questions.** Pew, Gallup and the Chicago Council ask other questions; their Republican series confirm
#   the direction of the late-2025 recovery, not its size.
# - **Wording across waves** may differ slightly (the 2024 page speaks of military aid, the 2025 one of weapons);
#   the pollster reports the waves as one trend.
#
# ## Verdicts

# %% tags=[]
run.publish()
