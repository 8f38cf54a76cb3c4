"""Loading the data files once per process, and caching compiled matchers.

`Resources` is a read-only bag of compiled resources. Each is built on first use by the
loader registered for it (`marsad.registry.resource`) and kept for the life of the
object; `default_resources()` returns one shared instance per process, so worker
processes and Dask workers load everything once. Expensive builds (the gazetteer trie)
are pickled to a per-user cache directory keyed by a SHA-256 of their input files, never
written into the installed package.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import os
import pickle
import threading
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any, TypeVar

from marsad import registry
from marsad.errors import ResourceError

T = TypeVar("T")

CACHE_FORMAT = "2"  # bump when a cached object's class changes shape


def data_dir() -> Path:
    """The package's data directory (`marsad/data`)."""
    return Path(str(importlib_resources.files("marsad") / "data"))


def data_path(*parts: str) -> Path:
    path = data_dir().joinpath(*parts)
    if not path.exists():
        raise ResourceError(f"data file {path} is missing: reinstall marsad (pip install -e .)")
    return path


def cache_dir() -> Path:
    """Where compiled resources are cached (``MARSAD_CACHE_DIR`` or ~/.cache/marsad)."""
    base = os.environ.get("MARSAD_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "marsad"
    )
    return Path(base)


def open_text(path: Path) -> io.TextIOBase:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
    return open(path, encoding="utf-8")


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a UTF-8 TSV with a header line; lines starting with '#' are comments."""
    with open_text(path) as fh:
        lines = (line for line in fh if line.strip() and not line.startswith("#"))
        return [
            {k: (v or "").strip() for k, v in row.items() if k is not None}
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with open_text(path) as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise ResourceError(f"{path}:{n}: not valid JSON ({exc.msg})") from exc


def files_digest(paths: Iterable[Path], salt: str = "") -> str:
    h = hashlib.sha256(f"{CACHE_FORMAT}:{salt}".encode())
    for p in sorted(paths):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:20]


def cached_build(name: str, inputs: Iterable[Path], build: Callable[[], T], salt: str = "") -> T:
    """Build an object from `inputs`, or load it from the cache if they are unchanged."""
    digest = files_digest(inputs, salt)
    path = cache_dir() / f"{name}-{digest}.pickle"
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    obj = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home is fine: we just rebuild next time
    return obj


class Resources:
    """Compiled, read-only resources, each built once on first use."""

    def __init__(self, *, extra_actor_files: Iterable[Path] = (), options: dict | None = None):
        self.extra_actor_files = tuple(Path(p) for p in extra_actor_files)
        self.options = dict(options or {})
        self._built: dict[str, Any] = {}
        self._lock = threading.Lock()

    def get(self, name: str) -> Any:
        try:
            return self._built[name]
        except KeyError:
            pass
        with self._lock:
            if name not in self._built:
                import marsad.pipeline  # noqa: F401  (registers the default loaders)

                if name not in registry.loaders:
                    raise ResourceError(f"no resource named {name!r}")
                self._built[name] = registry.loaders[name](self)
        return self._built[name]

    def warm(self) -> Resources:
        """Build every registered resource now (for workers and benchmarks)."""
        import marsad.pipeline  # noqa: F401

        for name in list(registry.loaders):
            self.get(name)
        return self

    def __getstate__(self) -> dict[str, Any]:
        # shipped to a worker: send the recipe, not the compiled tries
        return {"extra_actor_files": self.extra_actor_files, "options": self.options}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state)  # type: ignore[misc]


@lru_cache(maxsize=1)
def default_resources() -> Resources:
    """The process-wide default resources (built lazily, once)."""
    return Resources()
