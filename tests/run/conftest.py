"""Fixtures for tests/run. Others may append their own fixtures below."""

from __future__ import annotations

import pytest

#: no dashboard, and the scheduler's HTTP server on a free port, not a busy 8787
NO_DASHBOARD = {"dashboard": False, "dashboard_address": ":0"}


@pytest.fixture(scope="session")
def dask_client():
    """One real 2-worker LocalCluster (processes, 1 thread each, 1 GiB, no dashboard) for
    every Dask test, with marsad's resources warmed on each worker."""
    from distributed import Client, LocalCluster

    from marsad.run.dask_runner import MarsadWorkerPlugin

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      memory_limit="1GiB", dashboard_address=None,
                      scheduler_kwargs=NO_DASHBOARD) as cluster, \
            Client(cluster) as client:
        client.register_plugin(MarsadWorkerPlugin())
        yield client
