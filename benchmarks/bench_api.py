"""API latency benchmark: the events list with 100,000 events in SQLite, under 20 concurrent
clients on loopback.

    python benchmarks/bench_api.py [--events 100000] [--clients 20] [--requests 30] [--out FILE]

Builds (once, cached under benchmarks/results/) a SQLite store with N synthetic events spread
over 2015-2019, ten countries and every ACLED type, a share of them reviewed; starts
`marsad serve` in a subprocess on 127.0.0.1; then each client thread sends a bounded number
of /api/events requests mixing the page's queries (first page, type filter, date range,
bounding box, review status, second page by cursor). Prints and writes JSON with p50/p95/p99.
Figures on a shared 2-core machine are indicative only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"

TYPES = [
    ("Battles", "Armed clash", "ASSAULT"), ("Explosions/Remote violence", "Air/drone strike", "ASSAULT"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "ASSAULT"),
    ("Violence against civilians", "Attack", "ASSAULT"), ("Protests", "Peaceful protest", "PROTEST"),
    ("Riots", "Violent demonstration", "PROTEST"), ("Strategic developments", "Arrests", "COERCE"),
]
PLACES = [
    ("Aleppo", "حلب", "SY", "Aleppo", 36.20, 37.13), ("Abu Kamal", "البوكمال", "SY", "Deir ez-Zor", 34.45, 40.92),
    ("Baghdad", "بغداد", "IQ", "Baghdad", 33.34, 44.40), ("Mosul", "الموصل", "IQ", "Nineveh", 36.34, 43.12),
    ("Taiz", "تعز", "YE", "Taiz", 13.58, 44.02), ("Aden", "عدن", "YE", "Aden", 12.78, 45.04),
    ("Tripoli", "طرابلس", "LY", "Tripoli", 32.89, 13.19), ("Beirut", "بيروت", "LB", "Beirut", 33.89, 35.50),
    ("Gaza", "غزة", "PS", "Gaza Strip", 31.50, 34.47), ("Khartoum", "الخرطوم", "SD", "Khartoum", 15.55, 32.53),
]
ACTORS = [("Popular Mobilization Forces", "الحشد الشعبي"), ("Hezbollah", "حزب الله"), ("Houthis", "الحوثيون"),
          ("Military Forces of Syria", "الجيش السوري"), ("Unidentified Armed Group", "مسلحون مجهولون")]


def build_db(path: Path, n: int, seed: int = 7) -> None:
    """N events straight into the store's tables (the API reads events + review_state)."""
    from sqlalchemy import insert

    import marsad.serve.tables  # noqa: F401
    from marsad.serve.tables import ReviewState
    from marsad.store.models import Event
    from marsad.store.store import Store

    rnd = random.Random(seed)
    store = Store(f"sqlite:///{path}")
    start = dt.date(2015, 1, 1)
    now = dt.datetime.now(dt.UTC)
    rows, states = [], []
    for i in range(n):
        et, sub, pl = rnd.choice(TYPES)
        en, ar, cc, adm1, lat, lon = rnd.choice(PLACES)
        a1 = rnd.choice(ACTORS)
        rows.append({
            "id": f"ev-{i:08x}", "event_type": et, "sub_event_type": sub, "plover_type": pl, "plover_mode": None,
            "event_date": start + dt.timedelta(days=rnd.randrange(5 * 365)), "date_precision": "day",
            "location_name_en": en, "location_name_ar": ar, "country": cc, "admin1": adm1,
            "lat": lat + rnd.uniform(-0.3, 0.3), "lon": lon + rnd.uniform(-0.3, 0.3), "geo_precision": "exact",
            "actor1_name": a1[0], "actor1_name_ar": a1[1], "perpetrator_status": "known",
            "fatalities": rnd.choice([None, 0, 1, 2, 5]), "civilian_targeting": False,
            "confidence": round(rnd.random(), 2), "notes_en": f"synthetic event {i}", "n_mentions": 1,
            "n_documents": 1, "sources": "bench", "status": "active", "created_at": now,
        })
        if i % 20 == 0:
            states.append({"event_id": rows[-1]["id"], "status": rnd.choice(["accepted", "rejected"]),
                           "overrides": {}, "updated_at": now})
    with store.write() as conn:
        for k in range(0, n, 5000):
            conn.execute(insert(Event), rows[k:k + 5000])
        conn.execute(insert(ReviewState), states)
    store.close()


QUERIES = [
    {}, {"event_type": "Battles"}, {"since": "2017-01-01", "until": "2017-03-31"},
    {"bbox": "35,30,45,38"}, {"country": "YE", "event_type": "Protests"}, {"review_status": "accepted"},
    {"min_confidence": "0.9"}, {"cursor": True},
]


def _client(base: str, n: int, rnd: random.Random, out: list[float], errors: list[str]) -> None:
    import httpx

    with httpx.Client(base_url=base, timeout=30) as c:
        cursor = None
        for _ in range(n):
            q = dict(rnd.choice(QUERIES))
            if q.pop("cursor", None):
                if cursor is None:
                    cursor = c.get("/api/events", params={"limit": 50}).json()["next_cursor"]
                q["cursor"] = cursor
            q["limit"] = "50"
            t0 = time.perf_counter()
            r = c.get("/api/events", params=q)
            out.append(time.perf_counter() - t0)
            if r.status_code != 200:
                errors.append(f"{r.status_code} {q}")


def _server_cpu(pid: int) -> float:
    """CPU seconds used so far by the server and its worker processes (0 without psutil)."""
    try:
        import psutil
    except ImportError:
        return 0.0
    procs = [psutil.Process(pid)]
    procs += procs[0].children(recursive=True)
    return sum(p.cpu_times().user + p.cpu_times().system for p in procs)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=30, help="requests per client")
    ap.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()

    RESULTS.mkdir(parents=True, exist_ok=True)
    db = RESULTS / f"bench_api_{args.events}.db"
    t0 = time.perf_counter()
    if not db.exists():
        build_db(db, args.events)
    build_s = time.perf_counter() - t0

    port = _free_port()
    env = {**os.environ, "MARSAD_DB": str(db)}
    server = subprocess.Popen([sys.executable, "-c", "from marsad.cli import main; main()", "serve", "--db", str(db), "--port", str(port),
                               "--workers", str(args.workers)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        for _ in range(150):
            try:
                if httpx.get(base + "/api/facets", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            raise SystemExit("the server did not start: " + (server.stderr.read().decode() if server.stderr else ""))
        # warm up: one of each query
        _client(base, len(QUERIES), random.Random(0), [], [])
        cpu0 = _server_cpu(server.pid)
        times: list[float] = []
        errors: list[str] = []
        threads = [threading.Thread(target=_client, args=(base, args.requests, random.Random(i), times, errors))
                   for i in range(args.clients)]
        w0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - w0
        cpu = _server_cpu(server.pid) - cpu0
    finally:
        server.terminate()
        server.wait(timeout=20)

    ms = sorted(t * 1000 for t in times)

    def pct(p: float) -> float:
        return round(ms[min(len(ms) - 1, int(p / 100 * len(ms)))], 1)

    result: dict[str, Any] = {
        "benchmark": "api_events_list", "events": args.events, "clients": args.clients,
        "requests": len(ms), "errors": len(errors), "uvicorn_workers": args.workers,
        "p50_ms": pct(50), "p95_ms": pct(95), "p99_ms": pct(99), "max_ms": round(ms[-1], 1),
        "mean_ms": round(statistics.mean(ms), 1), "requests_per_s": round(len(ms) / wall, 1),
        "server_cpu_ms_per_request": round(cpu * 1000 / len(ms), 2) if cpu else None,
        "load_average_1m": round(os.getloadavg()[0], 1),
        "db_build_s": round(build_s, 1), "cpus": os.cpu_count(), "python": platform.python_version(),
        "note": "loopback, shared 2-core machine under contention: indicative only",
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    text = json.dumps(result, indent=2)
    print(text)
    out = args.out or RESULTS / "bench_api.json"
    out.write_text(text + "\n")
    if errors:
        print("errors:", errors[:5], file=sys.stderr)
        raise SystemExit(1)


if __name__ == "__main__":
    main()
