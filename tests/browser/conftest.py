"""A real server (uvicorn on loopback, a free port) over a temporary SQLite with stored
events, and Debian's chromium driven by Playwright, headless, with background networking off."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from marsad.serve.app import create_app
from marsad.serve.deps import Settings
from marsad.serve.tokens import create_token
from marsad.store.store import Store
from tests.serve.builders import build, build_real
from tests.serve.hostile import build_hostile

CHROMIUM = os.environ.get("MARSAD_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
SHOTS = Path(os.environ.get("MARSAD_SCREENSHOTS", Path(__file__).with_name("screenshots")))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(store: Store, ids: dict[str, Any]) -> Iterator[dict[str, Any]]:
    import uvicorn

    token = create_token(store.engine, "browser-analyst")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(), store=store), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.1)
    yield {"url": f"http://127.0.0.1:{port}/", "token": token, **ids}
    server.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="session")
def live(tmp_path_factory: pytest.TempPathFactory, seed_text: str, saudinewsnet_articles: list[dict]) -> Iterator[dict[str, Any]]:
    """Events built by hand on the real texts (stable values to assert on)."""
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('browser') / 'marsad.db'}")
    ids = build(store, seed_text, saudinewsnet_articles)
    ids["hostile"] = build_hostile(store)
    yield from _serve(store, ids)


@pytest.fixture(scope="session")
def live_real(tmp_path_factory: pytest.TempPathFactory, seed_text: str, saudinewsnet_articles: list[dict]) -> Iterator[dict[str, Any]]:
    """The same texts coded by marsad's own extractor and deduplicated by the store."""
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('browser-real') / 'marsad.db'}")
    yield from _serve(store, build_real(store, seed_text, saudinewsnet_articles[:150]))


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            raise RuntimeError(f"chromium not found at {CHROMIUM}: .ci/run installs it with apt")
        pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, live: dict[str, Any]) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = ctx.new_page()
    pg.problems = []  # CSP violations, page errors, failed requests
    pg.on("console", lambda m: pg.problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.problems.append(f"pageerror: {e}"))
    pg.on("requestfailed", lambda r: pg.problems.append(f"request failed: {r.url}"))
    yield pg
    ctx.close()


def shot(pg: Any, name: str, **kw: Any) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    pg.screenshot(path=str(path), **kw)
    return path
