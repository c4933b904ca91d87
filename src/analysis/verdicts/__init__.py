"""Layer 3, the verdict engine: the rating scale, tolerances, readings, judges and rules.

One claim goes through :func:`analysis.verdicts.engine.check`: the register row says what to
compute (a *measure*, :mod:`analysis.verdicts.measures`) and how to judge it (a *kind*,
:mod:`analysis.verdicts.judges`); post-rules declared in data may add faults
(:mod:`analysis.verdicts.rules`); the scale (:mod:`analysis.verdicts.scale`) turns the worst fault
into a verdict code. Notebooks never decide a verdict.
"""
