# %% [markdown] tags=[]
# # 05 · What people said, the titles they hold, and the events stated as fact
#
# **Articles checked:** *dec2025* and *rtl2025*.
#
# Quotations and attributions (Leavitt's « extrêmement déçu », Rubio's « normaliser », Trump's « vraiment laissé
# tomber », « leader fort », « brillant »…), the titles given to named people (« ses deux ambassadeurs », « le
# chroniqueur du Washington Post »), absolutes (« n'a jamais caché », « refuse toujours ») and events the articles
# state as fact. Each is a row of `data/statements.csv`: what the person said (or is), in their own words where
# known, the written rule of fidelity that applies (with the sourced reasoning), and whether what they said is
# itself established.
#
# **How these are graded.** Reported speech is graded on fidelity to what the person said, never as if it were the
# speaker's fact; the record says separately whether what was said is established. The rule decides, not a hand-set
# label (`analysis.verdicts.scale.FIDELITY_RULES`): faithful (the same words, an accurate translation, a marked cut, a
# fair unquoted paraphrase, the ordinary rendering of the sources' words): EXACT; loose (a word that changes the
# meaning without overturning it, a widened scope, a dropped or added hedge): IMPRECISE; a reversed meaning or words
# put in someone's mouth: INACCURATE; nothing found: UNVERIFIABLE.
# Opinions and forecasts are not graded: they are listed, with the reason, in `data/claims_excluded.csv`.
#
# | | |
# |---|---|
# | **Inputs** | the data tables this run reads, listed with their row counts at the end (generated from the run, never typed) |
# | **Outputs** | verdict records → `results/05_statements.json` (written by the runner once the whole notebook ran) |
# | **Parameters** | `as_of`, `statuses` (next cell; `python -m analysis build -p name=value`) |
#
# Every verdict below is decided by the verdict engine (`analysis.verdicts`) from the claim register
# (`data/claims.csv`): the rule is printed *before* the computation, and the scale is defined once
# (see the README, "The rating scale"). This notebook only narrates.

# %% tags=["parameters"]
as_of: str = "article"  # what is known: what was public by this ISO date ("article": the day each claim speaks of)
speaks_from: str = "article"  # re-anchor the articles on this ISO date ("article": the day each speaks from)
statuses: str = "confirmed,one_source"  # statuses of statement rows that count
data_dir: str = ""  # the data folder (empty: the project's data/; set by --data-dir)

# %% tags=[]
from analysis.publish.notebook import Run

run = Run("05_statements", data_dir=data_dir, as_of=as_of, speaks_from=speaks_from, statuses=statuses)

# %% [markdown] tags=[]
# ## The data

# %% tags=[]
statements = run.data("statements", ["statement_id", "kind", "said_date", "rule", "established", "status"],
                      caption="Statements, titles and events, with their sources by role")

# %% [markdown] tags=[]
# ### Integrity checks

# %% tags=[]
run.integrity("statements_status")

# %% [markdown] tags=[]
# ## Every statement

# %% tags=[]
run.check_rest()

# %% [markdown] tags=[]
# ## Caveats
#
# - The fidelity of a rendering is a judgement; each one is written down with the sources that ground it, so a reader
#   who disagrees changes one cell of `data/statements.csv`, not the code.
# - Where the English original was not found (Biden's « honteuse »), the translation cannot be checked: UNVERIFIABLE.
#
# ## Verdicts

# %% tags=[]
run.publish()
