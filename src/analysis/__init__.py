"""Reproducible fact-check of two French articles on Trump and Putin (2025).

The package is layered; each layer imports only those before it in this list (a test says so):

- ``analysis.io``: load and validate the data package, the claim register, parameters, citations;
- ``analysis.domain``: pure functions over the data (dates, contacts, budgets, legislation, polls, events);
- ``analysis.verdicts``: the rating scale, tolerances, readings, measures, judges, rules and records;
- ``analysis.publish``: words and numbers for readers (Babel, catalogs), tables, charts, the report;
- ``analysis.pipeline``: the runner (parallel, incremental, published whole).

``analysis.paths``, ``analysis.errors``, ``analysis.messages`` and ``analysis.hashing`` are the core
every layer may use.
"""

__all__ = ["__version__"]
__version__ = "0.2.0"
