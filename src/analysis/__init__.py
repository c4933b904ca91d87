"""Reproducible fact-check of two French articles on Trump and Putin (2025).

Data flows one way: ``data/*.csv`` -> loaders (validate, fail loudly) -> pure functions
(counts, gaps, means, tolerances, verdicts) -> notebooks (narrate, plot) -> ``results/*.json``.
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
