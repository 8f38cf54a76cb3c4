"""Per-process resources for worker processes (Dask workers, process pools).

A worker builds its resources (dictionaries, gazetteer, compiled matchers) once, on its
first task or when `MarsadWorkerPlugin` sets it up, and reuses them for every later task.
`builds()` counts the builds in this process so tests and the benchmark can check that
it stays at one per worker, not one per task.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from marsad.resources import Resources, default_resources

_lock = threading.Lock()
_cache: dict[tuple[str, ...], Resources] = {}
_builds = 0


def worker_resources(extra_actor_files: Sequence[str] = ()) -> Resources:
    """This process's warm resources for the given extra actor files (built once)."""
    global _builds
    key = tuple(str(p) for p in extra_actor_files)
    res = _cache.get(key)
    if res is not None:
        return res
    with _lock:  # a Dask worker may run several task threads
        res = _cache.get(key)
        if res is None:
            res = (default_resources() if not key else Resources(extra_actor_files=key)).warm()
            _cache[key] = res
            _builds += 1
    return res


def builds() -> int:
    """How many resource sets this process has built."""
    return _builds
