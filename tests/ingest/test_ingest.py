"""Ingest of every supported format and of deliberately broken files, into a real store."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from marsad.ingest.batch import ingest
from marsad.ingest.readers import read_any
from marsad.store import Store
from marsad.store import models as m


@pytest.fixture
def sqlite_store(tmp_path: Path):
    s = Store(tmp_path / "db" / "marsad.db")
    yield s
    s.close()


@pytest.fixture
def paras(seed_text: str) -> list[str]:
    return [p.strip() for p in seed_text.split(".,") if p.strip()]


def _texts(store: Store) -> dict[str, dict]:
    with store.read() as conn:
        return {r["origin"]: dict(r) for r in conn.execute(select(m.Document)).mappings()}


def test_ingest_encodings_are_decoded(sqlite_store: Store, tmp_path: Path, paras: list[str]) -> None:
    store = sqlite_store
    src = tmp_path / "in"
    src.mkdir()
    title, body = "غارات البوكمال", paras[2]
    article = f"{title}\n{body}"
    (src / "cp1256.txt").write_bytes(f"{title}\n{paras[5]}".encode("cp1256", errors="ignore"))
    (src / "utf16.txt").write_bytes(f"{title}\n{paras[7]}".encode("utf-16"))
    (src / "bom.txt").write_bytes(b"\xef\xbb\xbf" + article.encode("utf-8"))
    (src / "iso.txt").write_bytes(f"{title}\n{paras[9]}".encode("iso8859_6", errors="ignore"))
    summary = ingest(store, [str(src)])
    assert summary.to_dict()["quarantined"] == 0 and summary.stored == 4
    docs = _texts(store)
    assert docs[str(src / "bom.txt")]["text"] == article
    assert docs[str(src / "bom.txt")]["title"] == title
    assert "التحالف الدولي" in docs[str(src / "cp1256.txt")]["text"]
    assert docs[str(src / "cp1256.txt")]["encoding"] in ("cp1256", "windows-1256", "iso8859_6")
    assert "الغارات" in docs[str(src / "utf16.txt")]["text"]
    assert "مجمع" in docs[str(src / "iso.txt")]["text"]


def test_ingest_broken_files_are_quarantined_and_counts_add_up(
        store: Store, tmp_path: Path, paras: list[str]) -> None:
    src = tmp_path / "broken"
    src.mkdir()
    good = [{"id": f"g{i}", "text": p, "published": "2019-09-18"} for i, p in enumerate(paras[:6])]
    (src / "empty.txt").write_bytes(b"")
    (src / "nul.txt").write_bytes(b"\x00\x01\x02\x03PK\x00\x00" * 200)
    (src / "english.txt").write_text("Air strikes hit militia positions near the border.")
    (src / "huge.txt").write_text("غارة " * 500_000)
    lines = [json.dumps(g, ensure_ascii=False) for g in good[:3]]
    lines.insert(1, '{"id": "x1", "text": "غارات على')  # cut off mid-line
    lines.insert(3, "[1, 2, 3]")  # JSON but not an object
    lines.append(json.dumps({"id": "x2", "body": paras[4]}, ensure_ascii=False))  # no text field
    (src / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    whole = gzip.compress("\n".join(json.dumps(g, ensure_ascii=False) for g in good[3:]).encode())
    (src / "cut.jsonl.gz").write_bytes(whole[: len(whole) * 2 // 3])  # truncated archive
    (src / "notes.docx").write_bytes(b"PK\x03\x04 not supported")
    summary = ingest(store, [str(src)])
    out = summary.to_dict()
    assert out["adds_up"] is True
    assert out["read"] == out["stored"] + out["duplicates"] + out["quarantined"]
    by = out["quarantined_by_reason"]
    assert by["empty"] == 1 and by["undecodable"] >= 2  # NUL bytes; truncated gzip
    assert by["not_arabic"] == 1 and by["too_large"] == 1 and by["unsupported"] == 1
    assert by["malformed"] == 2 and by["no_text"] == 1
    # the three good lines of mixed.jsonl, and the lines before the cut of the archive
    assert 4 <= out["stored"] < 6
    with store.read() as conn:
        q = {r.origin: r for r in conn.execute(select(m.Quarantine))}
    assert q[f"{src / 'mixed.jsonl'}:2"].reason == "malformed"
    assert "NUL" in q[str(src / "nul.txt")].message or "binary" in q[str(src / "nul.txt")].message
    assert any(o.startswith(str(src / "cut.jsonl.gz")) and r.reason == "undecodable"
               for o, r in q.items())
    # re-ingesting the folder stores nothing new
    again = ingest(store, [str(src)])
    assert again.stored == 0 and again.duplicates == summary.stored + summary.duplicates
    assert again.adds_up


def test_ingest_html_drops_script_junk(sqlite_store: Store, tmp_path: Path, paras: list[str]) -> None:
    store = sqlite_store
    page = f"""<html><head><title>غارات البوكمال</title>
    <script>var ad = "إعلان مزعج"; document.write("<p>junk</p>");</script>
    <style>p {{ color: red }}</style></head><body>
    <nav><a href="/">الرئيسية</a> | <a href="/sport">رياضة</a></nav>
    <article><h1>غارات البوكمال المجهولة</h1><p>{paras[1]}</p><p>{paras[2]}</p></article>
    <footer>جميع الحقوق محفوظة</footer><script>trackVisit("إعلان");</script></body></html>"""
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    ingest(store, [str(tmp_path / "page.html")])
    [doc] = _texts(store).values()
    assert paras[1][:40] in doc["text"] and "مجمع الإمام علي" in doc["text"]
    for junk in ("var ad", "إعلان", "document.write", "color: red", "trackVisit"):
        assert junk not in doc["text"]


def test_ingest_csv_json_array_and_feed(sqlite_store: Store, tmp_path: Path, paras: list[str]) -> None:
    store = sqlite_store
    import csv

    with open(tmp_path / "a.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "headline", "body", "date", "site"])
        w.writerow(["c1", "عنوان", paras[0], "2019-09-18", "alarabiya.net"])
        w.writerow(["c2", "عنوان", paras[1], "2019-09-18", "alarabiya.net"])
    (tmp_path / "b.json").write_text(json.dumps(
        [{"id": "j1", "text": paras[3], "outlet": "orient"},
         {"id": "j2", "text": paras[4]}], ensure_ascii=False), encoding="utf-8")
    items = "".join(f"<item><title>خبر {i}</title><link>https://example.org/{i}</link>"
                    f"<pubDate>Wed, 18 Sep 2019 10:00:00 GMT</pubDate>"
                    f"<description><![CDATA[<p>{p}</p>]]></description></item>"
                    for i, p in enumerate(paras[5:8]))
    (tmp_path / "feed.rss").write_text(
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>العربية</title>{items}</channel></rss>", encoding="utf-8")
    fmap = {"title": "headline", "text": "body", "published": "date", "outlet": "site"}
    s1 = ingest(store, [str(tmp_path / "a.csv")], field_map=fmap)
    s2 = ingest(store, [str(tmp_path / "b.json"), str(tmp_path / "feed.rss")])
    assert (s1.stored, s2.stored) == (2, 5)
    docs = list(_texts(store).values())
    csv_doc = next(d for d in docs if d["source_id"] == "c1")
    assert csv_doc["outlet"] == "alarabiya.net" and str(csv_doc["published"]) == "2019-09-18"
    feed_docs = [d for d in docs if d["url"] and d["url"].startswith("https://example.org/")]
    assert len(feed_docs) == 3
    assert all(d["outlet"] == "العربية" and str(d["published"]) == "2019-09-18" for d in feed_docs)
    assert all("<p>" not in d["text"] for d in feed_docs)


def test_ingest_warc(sqlite_store: Store, tmp_path: Path, paras: list[str]) -> None:
    store = sqlite_store
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, p in enumerate(paras[8:11]):
            html = f"<html><body><article><h1>خبر</h1><p>{p}</p></article></body></html>"
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://example.org/a{i}", "response", payload=io.BytesIO(html.encode()),
                http_headers=http))
    summary = ingest(store, [str(path)])
    assert summary.stored == 3 and summary.adds_up
    urls = sorted(d["url"] for d in _texts(store).values())
    assert urls == [f"https://example.org/a{i}" for i in range(3)]
    (tmp_path / "bad.warc").write_bytes(b"WARC/1.0\r\nnonsense")
    bad = list(read_any(str(tmp_path / "bad.warc")))
    assert bad and bad[-1].error is not None


def test_ingest_saudinewsnet_preset(sqlite_store: Store, tmp_path: Path, saudinewsnet_articles) -> None:
    store = sqlite_store
    from marsad.ingest.presets import field_map_for

    path = tmp_path / "snn.jsonl.gz"  # written at test time from the shared corpus
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for a in saudinewsnet_articles[:200]:
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    summary = ingest(store, [str(path)], field_map=field_map_for("saudinewsnet"))
    assert summary.read == 200 and summary.adds_up
    assert summary.stored > 150
    first = saudinewsnet_articles[0]
    with store.read() as conn:
        row = conn.execute(select(m.Document).where(m.Document.url == first["url"])).mappings().one()
    assert row["outlet"] == first["source"] and row["title"] == first["title"]
    assert str(row["published"]) == first["date_extracted"][:10]
    assert row["meta"].get("author") == first.get("author")


def test_ingest_feed_url_and_follow_links(sqlite_store: Store, paras: list[str]) -> None:
    """A real HTTP server on 127.0.0.1 serves a feed and its article pages (no internet)."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    store = sqlite_store
    pages = {f"/news/{i}": f"<html><body><nav>الرئيسية</nav><article><h1>خبر {i}</h1>"
                          f"<p>{p}</p></article><script>var x='إعلان';</script></body></html>"
             for i, p in enumerate(paras[2:5])}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/feed.xml":
                base = f"http://127.0.0.1:{self.server.server_port}"
                items = "".join(f"<item><title>خبر {i}</title><link>{base}/news/{i}</link>"
                                f"<description>ملخص قصير</description></item>"
                                for i in range(3))
                items += f"<item><title>مفقود</title><link>{base}/missing</link></item>"
                body = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                        f"<title>موقع</title>{items}</channel></rss>").encode()
                ctype = "application/rss+xml"
            elif self.path in pages:
                body, ctype = pages[self.path].encode(), "text/html; charset=utf-8"
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/feed.xml"
        summary = ingest(store, [url], follow_links=True)
    finally:
        server.shutdown()
    out = summary.to_dict()
    assert out["read"] == 4 and out["stored"] == 3 and out["adds_up"]
    assert out["quarantined_by_reason"] == {"undecodable": 1}  # the 404, with its reason
    docs = list(_texts(store).values())
    assert sorted(paras[2:5]) == sorted(p for p in paras[2:5] for d in docs if p in d["text"])
    assert all("إعلان" not in d["text"] and d["outlet"] == "موقع" for d in docs)
    with store.read() as conn:
        [q] = conn.execute(select(m.Quarantine)).all()
    assert "404" in q.message and q.origin.endswith("#4")


def test_ingest_defaults_for_published_and_outlet(sqlite_store: Store, tmp_path: Path,
                                                  seed_text: str) -> None:
    (tmp_path / "bukamal.txt").write_text(seed_text, encoding="utf-8")
    (tmp_path / "dated.jsonl").write_text(json.dumps(
        {"id": "x", "text": seed_text.split(".,")[5], "published": "2019-09-20",
         "outlet": "orient"}, ensure_ascii=False) + "\n", encoding="utf-8")
    ingest(sqlite_store, [str(tmp_path)], published="2019-09-17", outlet="العربية.نت")
    docs = {d["source_id"]: d for d in _texts(sqlite_store).values()}
    assert (str(docs["bukamal"]["published"]), docs["bukamal"]["outlet"]) == ("2019-09-17", "العربية.نت")
    assert docs["bukamal"]["title"] == seed_text.split("\n", 1)[0].strip()
    assert (str(docs["x"]["published"]), docs["x"]["outlet"]) == ("2019-09-20", "orient")


def test_ingest_jsonl_title_is_stored_as_the_first_line(sqlite_store: Store, tmp_path: Path,
                                                        paras: list[str]) -> None:
    # stored as coded: the evidence offsets of its events index this text
    (tmp_path / "t.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"id": "t1", "title": "غارات على البوكمال", "text": paras[2]},
        {"id": "t2", "title": "غارات على البوكمال", "text": f"غارات على البوكمال\n{paras[3]}"},
        {"id": "t3", "text": paras[4]},
    ]) + "\n", encoding="utf-8")
    ingest(sqlite_store, [str(tmp_path / "t.jsonl")])
    docs = {d["source_id"]: d for d in _texts(sqlite_store).values()}
    assert docs["t1"]["text"] == f"غارات على البوكمال\n\n{paras[2]}" and docs["t1"]["title_first_line"]
    assert docs["t2"]["text"] == f"غارات على البوكمال\n{paras[3]}" and docs["t2"]["title_first_line"]
    assert docs["t3"]["text"] == paras[4] and not docs["t3"]["title_first_line"]
    assert docs["t1"]["title"] == "غارات على البوكمال"
