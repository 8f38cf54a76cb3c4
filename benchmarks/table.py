"""The plain-text summary table printed at the end of a benchmark run."""

from __future__ import annotations

from typing import Any


def _fmt(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:,.2f}" if v < 1000 else f"{v:,.0f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def _table(head: list[str], rows: list[list[Any]]) -> str:
    cells = [head] + [[_fmt(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(head))]
    line = "  ".join("-" * w for w in widths)
    out = ["  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)), line]
    out += ["  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
            for r in cells[1:]]
    return "\n".join(out)


def print_table(result: dict[str, Any]) -> None:
    m = result["machine"]
    git = result["git"]
    print()
    print(f"marsad benchmark {result['date']}  commit {(git['commit'] or '?')[:8]}"
          f"{' (dirty)' if git['dirty'] else ''}")
    print(f"machine: {m['cores']} cores ({m['usable_cores']} usable), {m['cpu']}, "
          f"{m['memory_gb']} GB, Python {m['python']}, {m['platform']}")
    print(f"load average at start {m['load_average']}, at end {m.get('load_average_end')} "
          "(a shared machine: figures are indicative)")
    s = result["sample"]
    print(f"sample: {s['articles']} SaudiNewsNet articles, {s['chars']:,} characters\n")
    rows = [[r["pipeline"], r["processes"], r["articles_per_s"], r["sentences_per_s"],
             r["chars_per_s"], r["seconds"], r.get("peak_rss_mb", r.get("peak_rss_mb_per_worker")),
             r["events"], r["errors"]] for r in result["runs"]]
    print(_table(["pipeline", "procs", "articles/s", "sentences/s", "chars/s", "seconds",
                  "peak RSS MB", "events", "errors"], rows))
    many = [r for r in result["runs"] if r["processes"] > 1]
    if many:
        r = many[0]
        print(f"  {r['processes']} spawned workers: start-up {r['startup_s']}s (import and "
              f"resources; {r['worker_resources_s']}s building resources), not counted above; "
              "peak RSS is per worker")
    if "load" in result:
        print()
        rows = [[k, v["import_s"], v["load_s"], v["process_s"], v["peak_rss_mb"]]
                for k, v in result["load"].items()]
        print(_table(["resources", "import s", "build/load s", "process s", "peak RSS MB"], rows))
        cold = result["load"]["cold"].get("per_resource_s") or {}
        slow = sorted(cold.items(), key=lambda kv: -kv[1])[:6]
        if slow:
            print("slowest cold builds: " + ", ".join(f"{k} {v:.2f}s" for k, v in slow))
    if result.get("by_length"):
        print("\nsingle process, by article length")
        rows = [[b["chars"], b["articles"], b["median_ms"], b["chars_per_s"]] for b in result["by_length"]]
        print(_table(["chars", "articles", "median ms", "chars/s"], rows))
    if "scaling" in result:
        print("\nscaling (full extraction)")
        rows = [[r["requested"], r["articles"], r["processes"], r["articles_per_s"],
                 r["chars_per_s"], r["seconds"]] for r in result["scaling"]["runs"]]
        print(_table(["requested", "articles", "procs", "articles/s", "chars/s", "seconds"], rows))
        print("by article length (largest run)")
        rows = [[b["chars"], b["articles"], b["median_ms"], b["chars_per_s"]]
                for b in result["scaling"]["by_length"]]
        print(_table(["chars", "articles", "median ms", "chars/s"], rows))
    if "profile" in result:
        p = result["profile"]
        print(f"\nprofile: time per component over {p['articles']} articles (one process)")
        rows = [[st["component"], st["seconds"], f"{st['share'] * 100:.1f}%", st["ms_per_article"]]
                for st in p["stages"]]
        print(_table(["component", "seconds", "share", "ms/article"], rows))
        if p.get("pyinstrument"):
            print(f"pyinstrument: {p['pyinstrument']}")
    print(f"\nJSON: {result['json_path'] if 'json_path' in result else '-'}")
