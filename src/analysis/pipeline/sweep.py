"""As-of sweeps as independent jobs: the whole register checked as of each of many dates, one job
per date, on any ``concurrent.futures``-style executor (``None`` runs them here, one after another).

Each job opens the data package itself and returns plain JSON records, so nothing is shared between
jobs and any engine that runs a picklable function on picklable arguments can fan them out without a
scheduler of our own: a ``ProcessPoolExecutor`` on one machine, or a dask cluster
(``distributed.Client(...).get_executor()``) across several. The runner's notebook jobs
(``analysis.pipeline.execute.execute(Job)``, given no kernel pool: it then starts a kernel of its own)
have the same shape: a picklable job in, a result with the records out.

When it is worth it (measured on this project, README "Past one machine"): one date costs under a
second (the job reads the tables, builds its indexes and checks every claim), so a cluster pays off
only when a sweep runs to thousands of dates or the register to many thousands of claims; a notebook
job sent elsewhere costs a kernel start with its imports (about 2 s) before its own work, so five
notebooks fill two warm kernels and a cluster helps only with many more notebooks or parameter sets.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from concurrent.futures import Executor
from pathlib import Path


def check_as_of(day: str, data_dir: str | None = None, speaks_from: str = "article") -> list[dict]:
    """Every claim of the register checked as of ``day`` (ISO), as JSON records. One job."""
    from analysis.io.package import DataPackage
    from analysis.verdicts import engine
    from analysis.verdicts.records import check_text

    data = DataPackage.open(data_dir, validate=False)
    params = {"as_of": day, "speaks_from": speaks_from}
    text = json.dumps([engine.check(claim, params, data).as_json for claim in data.claims])
    check_text(text)  # every record matches the schema, as the build checks those it publishes
    return json.loads(text)


def as_of_sweep(days: Iterable[str], data_dir: Path | str | None = None, executor: Executor | None = None,
                speaks_from: str = "article") -> dict[str, list[dict]]:
    """The records as of each day, one job per day on ``executor`` (or here when ``None``), in the
    order given."""
    days = list(days)
    folder = str(data_dir) if data_dir is not None else None
    if executor is None:
        return {day: check_as_of(day, folder, speaks_from) for day in days}
    futures = [executor.submit(check_as_of, day, folder, speaks_from) for day in days]
    return {day: future.result() for day, future in zip(days, futures, strict=True)}
