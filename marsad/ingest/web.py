"""HTML pages (main text by trafilatura), RSS/Atom feeds (feedparser) and WARC archives.

Feeds come from a file or a URL (httpx, with timeouts); the entries' own text (content or
summary) is used, and with `follow_links` each entry's page is fetched and its main text
extracted. Nothing here is used at extraction time: fetching happens at ingest only.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from typing import Any

from marsad.errors import DecodeError, InputError
from marsad.ingest.decode import check_text, decode_bytes
from marsad.ingest.records import InputRecord, MalformedInput, NoText

TIMEOUT = 20.0  # seconds for any one request
_TAG = re.compile(r"<[^>]+>")


def html_record(data: bytes | str, origin: str, *, url: str | None = None,
                rid: str | None = None) -> InputRecord:
    """The main text of an HTML page (boilerplate, scripts and menus removed)."""
    import trafilatura

    encoding = None
    if isinstance(data, bytes):
        try:
            data, encoding = decode_bytes(data)
        except InputError as exc:
            return InputRecord(rid, None, origin=origin, error=exc, url=url)
    doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text:
        return InputRecord(rid, None, origin=origin, url=url, encoding=encoding,
                           error=NoText("no article text found in the HTML page"))
    try:
        check_text(text)
    except InputError as exc:
        return InputRecord(rid, None, origin=origin, url=url, encoding=encoding, error=exc)
    title = getattr(doc, "title", None)
    return InputRecord(
        rid, text, title=title, published=getattr(doc, "date", None),
        url=url or getattr(doc, "url", None), outlet=getattr(doc, "sitename", None),
        origin=origin, encoding=encoding,
        title_first_line=bool(title) and text.startswith(title or ""),
    )


def fetch(url: str) -> bytes:
    """GET `url` with timeouts; raises DecodeError with the reason when it fails."""
    import httpx

    try:
        resp = httpx.get(url, timeout=httpx.Timeout(TIMEOUT, connect=10.0), follow_redirects=True,
                         headers={"User-Agent": "marsad (https://github.com/marsad)"})
        resp.raise_for_status()
    except httpx.HTTPError as exc:
        raise DecodeError(f"cannot fetch {url}: {exc}") from exc
    return resp.content


def _entry_text(entry: Any) -> str:
    parts = entry.get("content") or []
    raw = parts[0].get("value", "") if parts else entry.get("summary", "")
    return html_lib.unescape(_TAG.sub(" ", raw or "")).strip()


def feed_records(data: bytes, origin: str, *, follow_links: bool = False) -> Iterator[InputRecord]:
    """One record per feed entry: title, link, date, and the entry's text (or its page)."""
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        yield InputRecord(None, None, origin=origin,
                          error=MalformedInput(f"not an RSS/Atom feed: {parsed.get('bozo_exception')}"))
        return
    outlet = parsed.feed.get("title")
    for n, entry in enumerate(parsed.entries, 1):
        where, link = f"{origin}#{n}", entry.get("link")
        rid = entry.get("id") or link
        if follow_links and link:
            try:
                rec = html_record(fetch(link), where, url=link, rid=rid)
            except InputError as exc:
                rec = InputRecord(rid, None, origin=where, url=link, error=exc)
        else:
            text = _entry_text(entry)
            title = entry.get("title")
            body = f"{title}\n{text}" if title and text and not text.startswith(title) else text
            try:
                check_text(body)
                rec = InputRecord(rid, body, title=title, url=link, origin=where,
                                  title_first_line=bool(title))
            except InputError as exc:
                rec = InputRecord(rid, None, origin=where, url=link, error=exc)
        rec.published = rec.published or entry.get("published") or entry.get("updated")
        if rec.published and len(str(rec.published)) > 10 and entry.get("published_parsed"):
            t = entry["published_parsed"]
            rec.published = f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}"
        rec.outlet = outlet or rec.outlet  # the feed names its outlet better than a hostname
        yield rec


def warc_records(path: str) -> Iterator[InputRecord]:
    """The HTML (or text) responses of a WARC file, each as a page."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    try:
        with open(path, "rb") as fh:
            for n, rec in enumerate(ArchiveIterator(fh), 1):
                if rec.rec_type not in ("response", "resource"):
                    continue
                found += 1
                url = rec.rec_headers.get_header("WARC-Target-URI")
                ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers
                         else rec.rec_headers.get_header("Content-Type")) or ""
                payload = rec.content_stream().read()
                where = f"{path}#{n}"
                if "html" in ctype or payload.lstrip()[:1] == b"<":
                    yield html_record(payload, where, url=url, rid=url)
                else:
                    try:
                        text, enc = decode_bytes(payload)
                        check_text(text)
                        yield InputRecord(url, text, url=url, origin=where, encoding=enc)
                    except InputError as exc:
                        yield InputRecord(url, None, url=url, origin=where, error=exc)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield InputRecord(None, None, origin=path, error=DecodeError(f"broken WARC file: {exc}"))
        return
    if not found:  # nothing read is never silent: the file itself is quarantined
        yield InputRecord(None, None, origin=path,
                          error=NoText("the WARC file holds no readable response records"))
