"""Past one machine, in one small test: an as-of sweep fanned out on a dask LocalCluster (two worker
processes, the engine dask ships, no scheduler of ours) gives the records a serial sweep gives."""

from __future__ import annotations

import pytest

from analysis.pipeline.sweep import as_of_sweep

DAYS = ["2025-06-01", "2025-12-18", "2026-03-09"]


@pytest.mark.slow
def test_an_as_of_sweep_fans_out_on_a_dask_cluster_and_gives_the_serial_records():
    distributed = pytest.importorskip("distributed")  # in requirements/dev.lock: never skipped under `make test`
    serial = as_of_sweep(DAYS)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        fanned = as_of_sweep(DAYS, executor=client.get_executor())
        assert len(client.scheduler_info()["workers"]) == 2
    assert fanned == serial
    # Each day is its own check: a later date knows more, so the sweep is not one result copied.
    verdicts = {day: [r["verdict"] for r in records] for day, records in serial.items()}
    assert verdicts["2025-06-01"] != verdicts["2025-12-18"]
    assert {r["as_of"] for r in serial["2026-03-09"]} == {"2026-03-09"}
