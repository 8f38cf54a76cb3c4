"""The page in a real browser: load, filter, open an event, see its evidence, review with a
token, see the review in the export; hostile articles stay text; keyboard, Arabic, tablet."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from tests.browser.conftest import shot

pytestmark = pytest.mark.browser


def _ready(page: Any, live: dict[str, Any]) -> None:
    page.goto(live["url"])
    page.wait_for_selector("body[data-ready='1']", timeout=20000)
    page.wait_for_selector("#map .cluster, #map .pin")


def _until(page: Any, js: str, timeout: float = 10.0) -> None:
    """Poll a condition from Python: page.wait_for_function evaluates strings in the page,
    which our CSP (no 'unsafe-eval') rightly forbids."""
    import time

    end = time.monotonic() + timeout
    while not page.evaluate(js):
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {js}")
        page.wait_for_timeout(100)


def _rows(page: Any) -> list[str]:
    return page.eval_on_selector_all("#events-list tbody tr", "rs => rs.map(r => r.dataset.id)")


def test_browser_filter_open_evidence_review_export(page: Any, live: dict[str, Any]) -> None:
    _ready(page, live)
    all_rows = _rows(page)
    assert len(all_rows) >= 10 and live["seed_event"] in all_rows
    assert page.locator("#map .cluster, #map .pin").count() >= 3
    assert page.locator("#timeline rect.bar").count() >= 2
    shot(page, "01_overview")

    # filter by type and date
    page.select_option("select[name=event_type]", "Explosions/Remote violence")
    page.fill("input[name=since]", "2019-09-01")
    page.fill("input[name=until]", "2019-09-30")
    page.click("#filters button[type=submit]")
    _until(page, "document.querySelectorAll('#events-list tbody tr').length === 1")
    assert _rows(page) == [live["seed_event"]]
    assert "Explosions/Remote violence" in page.get_attribute("#export-csv", "href").replace("%2F", "/").replace("+", " ")
    shot(page, "02_filtered")

    # open the event: English and Arabic fields, attributions as attributions
    page.click(f"#events-list tbody tr[data-id='{live['seed_event']}']")
    page.wait_for_selector("#event:not([hidden]) #fields tbody tr")
    loc_row = page.locator("#fields tbody tr", has=page.locator("button[data-field='location']"))
    assert "Abu Kamal" in loc_row.inner_text() and "البوكمال" in loc_row.inner_text()
    attributions = page.inner_text("#attributions")
    assert "Attributed to International Coalition by مصادر محلية" in attributions
    assert "Not Military Forces of Israel" in attributions

    # click a field, see its words highlighted in the right-to-left article
    page.click("#fields button[data-field='location']")
    assert page.eval_on_selector_all("#article mark.active", "ms => ms.map(m => m.textContent)") == ["البوكمال"]
    page.click("#fields button[data-field='event_date']")
    assert page.eval_on_selector_all("#article mark.active", "ms => ms.map(m => m.textContent)") == ["ليل الاثنين- الثلاثاء الماضي"]
    assert page.get_attribute("#article", "dir") == "rtl"
    page.locator("#article mark.active").scroll_into_view_if_needed()
    shot(page, "03_event_evidence")

    # review without a token: refused, nothing recorded
    page.click("#rv-accept")
    _until(page, "document.querySelector('#rv-msg').textContent.length > 0")
    assert page.locator("#history li").count() == 0

    # with the token: edit a field, accept; the history shows who, before and after
    page.fill("#token", live["token"])
    page.select_option("#rv-edit select[name=field]", "fatalities")
    page.fill("#rv-edit input[name=value]", "2")
    page.click("#rv-edit button[type=submit]")
    page.wait_for_selector("#history li")
    page.click("#rv-accept")
    _until(page, "document.querySelectorAll('#history li').length === 2")
    hist = page.inner_text("#history")
    assert "browser-analyst" in hist and "fatalities: null → 2" in hist
    fat_row = page.locator("#fields tbody tr", has=page.locator("button[data-field='fatalities']"))
    assert fat_row.locator("td").nth(0).inner_text() == "2"
    page.locator("#history").scroll_into_view_if_needed()
    shot(page, "04_review")

    # the export of the current filter carries the reviewed value
    href = page.get_attribute("#export-csv", "href")
    body = page.request.get(live["url"] + href).text()
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [r["marsad_id"] for r in rows] == [live["seed_event"]]
    assert rows[0]["fatalities"] == "2" and rows[0]["review_status"] == "edited"
    gj = page.request.get(live["url"] + page.get_attribute("#export-geojson", "href")).json()
    assert [f["properties"]["fatalities"] for f in gj["features"]] == [2]
    assert page.problems == []


def test_browser_timeline_brush_filters_by_date(page: Any, live: dict[str, Any]) -> None:
    _ready(page, live)
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.1, y, steps=4)
    page.mouse.up()
    _until(page, "document.querySelector('input[name=until]').value !== ''")
    since = page.input_value("input[name=since]")
    until = page.input_value("input[name=until]")
    assert since.startswith("2015-07") and until < "2019-01-01"
    _until(page, f"!document.querySelector('#events-list tbody tr[data-id=\"{live['seed_event']}\"]')")
    dates = page.eval_on_selector_all("#events-list tbody tr td:first-child", "tds => tds.map(t => t.textContent)")
    assert dates and all(since <= d <= until for d in dates)
    assert page.locator("#timeline rect.brush").count() == 1
    shot(page, "02b_timeline_brush")
    page.focus("#timeline")
    page.keyboard.press("Escape")  # clears the brush: every date again
    _until(page, f"!!document.querySelector('#events-list tbody tr[data-id=\"{live['seed_event']}\"]')")
    assert page.problems == []


def test_browser_hostile_article_stays_text(page: Any, live: dict[str, Any]) -> None:
    _ready(page, live)
    page.click(f"#events-list tbody tr[data-id='{live['hostile']['event']}']")
    page.wait_for_selector("#event:not([hidden]) #article mark")
    assert page.evaluate("window.__pwned") is None
    tags = page.eval_on_selector_all("#article *", "els => els.map(e => e.tagName)")
    assert set(tags) <= {"MARK"}
    text = page.inner_text("#article")
    assert "<script>" in text and 'onerror="' in text and "javascript:" in text
    assert page.locator("img[src='x'], #article script, #article a").count() == 0
    link = page.eval_on_selector("#documents a", "a => a.getAttribute('href')")
    assert link == "#"
    assert page.eval_on_selector("#article", "el => getComputedStyle(el).unicodeBidi") == "isolate"
    assert "\u202e" in page.eval_on_selector("#article", "el => el.textContent")
    page.locator("#article").scroll_into_view_if_needed()
    shot(page, "05_hostile_article")
    assert page.problems == []


def test_browser_keyboard_arabic_and_tablet(page: Any, live: dict[str, Any]) -> None:
    _ready(page, live)
    row = page.locator(f"#events-list tbody tr[data-id='{live['seed_event']}']")
    row.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#event:not([hidden])")
    assert page.evaluate("document.activeElement.id") == "event-close"
    page.keyboard.press("Escape")
    assert page.locator("#event").is_hidden()

    page.click("#lang-toggle")
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.inner_text("#filters h2") == "التصفية"
    shot(page, "06_arabic")

    row.click()  # the event panel in Arabic: labels and attributions follow the language
    page.wait_for_selector("#event:not([hidden])")
    assert page.inner_text("#fields button[data-field='location']") == "المكان"
    assert "نُسب إلى" in page.inner_text("#attributions")
    shot(page, "06b_arabic_event")
    page.click("#event-close")
    page.set_viewport_size({"width": 820, "height": 1180})
    page.wait_for_timeout(300)
    wide = page.evaluate("""[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 || e.getBoundingClientRect().left < -1).slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().left) + '..' + Math.round(e.getBoundingClientRect().right))""")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), wide
    row.click()
    page.wait_for_selector("#event:not([hidden])")
    shot(page, "07_tablet", full_page=True)
    page.click("#lang-toggle")  # leave English for the next test (stored in localStorage)
    assert page.problems == []


def test_browser_real_extraction_evidence(browser: Any, live_real: dict[str, Any]) -> None:
    """The worked example as marsad's extractor codes it (whatever it finds today): each
    field's words light up in the article."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    _ready(page, live_real)
    page.fill("input[name=since]", "2019-09-01")
    page.click("#filters button[type=submit]")
    _until(page, "document.querySelectorAll('#events-list tbody tr').length >= 1 && "
                 "[...document.querySelectorAll('#events-list tbody tr td:first-child')].every(td => td.textContent >= '2019-09-01')",
           timeout=20)
    page.click("#events-list tbody tr:first-child")
    page.wait_for_selector("#event:not([hidden]) #article")
    lit = 0
    for name in page.eval_on_selector_all("#fields button.field", "bs => bs.map(b => b.dataset.field)"):
        page.click(f"#fields button[data-field='{name}']")
        marks = page.eval_on_selector_all("#article mark.active", "ms => ms.map(m => m.textContent)")
        if marks:
            lit += 1
            article = page.inner_text("#article")
            assert all(m in article for m in marks)
    assert lit >= 2  # what the extractor found is shown where it found it
    page.locator("#article mark").first.scroll_into_view_if_needed()
    shot(page, "08_real_extraction")
    assert errors == []
    ctx.close()


def test_browser_api_docs_offline_under_csp(page: Any, live: dict[str, Any]) -> None:
    page.goto(live["url"] + "docs")
    page.wait_for_selector(".opblock-summary-path[data-path='/api/events/{event_id}/review']", timeout=20000)
    assert page.locator(".opblock").count() >= 15
    assert page.problems == []
