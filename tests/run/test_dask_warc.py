"""WARC partitions of the bulk path: HTML responses become articles, the rest is skipped."""

from __future__ import annotations

import gzip
import html
import io
import json

import pandas as pd
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.run import corpus
from tests.conftest import SAUDINEWSNET, _need


def _articles(n: int) -> list[dict]:
    out = []
    with gzip.open(_need(SAUDINEWSNET), "rt", encoding="utf-8") as fh:
        for line in fh:
            out.append(json.loads(line))
            if len(out) == n:
                break
    return out


def _page(a: dict) -> bytes:
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in a["content"].split("\n") if p.strip())
    return (f"<html><head><title>{html.escape(a['title'])}</title></head><body>"
            f"<nav>اتصل بنا - سياسة الخصوصية</nav><article><h1>{html.escape(a['title'])}</h1>{paras}</article>"
            "</body></html>").encode()


def _record(w: WARCWriter, uri: str, body: bytes, ctype: str, status: str = "200 OK") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                        http_headers=headers))


def test_dask_warc_partition_reads_html_articles(tmp_path):
    arts = _articles(3)
    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for a in arts:
            _record(w, a["url"], _page(a), "text/html; charset=utf-8")
        _record(w, "http://example.org/logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")
        _record(w, "http://example.org/empty", b"<html><body></body></html>", "text/html")
    opts = corpus.CorpusOptions()
    corpus.check_out_dir(tmp_path / "out", opts)
    parts = corpus.plan_partitions(corpus.expand_inputs([str(tmp_path / "*.warc.gz")]), 1000)
    assert [p.kind for p in parts] == ["warc"]
    result = corpus.run_partition(parts[0], str(tmp_path / "out"), opts)
    assert (result.documents, result.done, result.quarantined) == (4, 3, 1)  # the PNG skipped
    man = pd.read_parquet(tmp_path / "out" / "manifest").set_index("url")
    for a in arts:
        row = man.loc[a["url"]]
        assert row["status"] == "done"
        assert row["document_id"].startswith("<urn:uuid:")
        first_para = next(p for p in a["content"].split("\n") if len(p.strip()) > 40).strip()
        assert first_para[:40] in row["text"]
        assert "سياسة الخصوصية" not in row["text"]  # navigation is not article text
    assert man.loc["http://example.org/empty", "status"] == "quarantined"
