"""dcc.Store (memory, local, session; reloads; modified_timestamp), dcc.Location and dcc.Link."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

BOOT = 15_000  # a callback round trip right after Pyodide boots, on a loaded machine


@pytest.fixture
def page(wasmdash, app_path):
    return wasmdash.start(app_path("dcc_store_location"))


def test_store_data_flows_and_is_stamped(page):
    """Dash sto: data set by a callback reaches the Store's listeners with a fresh modified_timestamp."""
    for kind in ("memory", "local", "session"):
        expect(page.locator(f"#out-{kind}")).to_have_text("null modified=never", timeout=BOOT)
    # The count is read from the Store as State, so each click waits for the previous save to land:
    # a second click while the first request is in flight reads the old data (as in Dash), and the
    # newer response wins.
    for saves in (1, 2):
        page.click("#save")
        for kind in ("memory", "local", "session"):
            expect(page.locator(f"#out-{kind}")).to_have_text(f'{{"saves": {saves}}} modified=ms')
    stored = page.evaluate("() => [localStorage.getItem('store-local'), sessionStorage.getItem('store-session')]")
    assert [json.loads(s) for s in stored] == [{"saves": 2}, {"saves": 2}]


def test_local_and_session_survive_a_reload_memory_does_not(wasmdash, page):
    """Dash sto001/sto002: after a reload local and session data come back; memory starts empty."""
    expect(page.locator("#out-memory")).to_have_text("null modified=never", timeout=BOOT)
    page.click("#save")
    expect(page.locator("#out-session")).to_have_text('{"saves": 1} modified=ms')
    page.reload()
    wasmdash.wait_ready(page)
    expect(page.locator("#out-local")).to_have_text('{"saves": 1} modified=ms', timeout=BOOT)
    expect(page.locator("#out-session")).to_have_text('{"saves": 1} modified=ms')
    expect(page.locator("#out-memory")).to_have_text("null modified=never")
    page.click("#save")  # counting goes on from the saved data
    expect(page.locator("#out-local")).to_have_text('{"saves": 2} modified=ms')
    expect(page.locator("#out-memory")).to_have_text('{"saves": 1} modified=ms')


def test_local_store_shared_by_a_second_tab_and_clear_data(wasmdash, page):
    """A new tab sees local data (not session data); clear_data=True removes it."""
    page.click("#save")
    expect(page.locator("#out-local")).to_have_text('{"saves": 1} modified=ms', timeout=BOOT)
    other = wasmdash.open(wasmdash.server.url + "/")
    expect(other.locator("#out-local")).to_have_text('{"saves": 1} modified=ms', timeout=BOOT)
    expect(other.locator("#out-session")).to_have_text("null modified=never")
    other.click("#clear-local")
    expect(other.locator("#out-local")).to_have_text("null modified=never")
    assert other.evaluate("() => localStorage.getItem('store-local')") is None


def test_location_reads_the_url_on_load(wasmdash):
    """Dash dcl: pathname, search, hash and href come from the URL the page was opened at."""
    app = Path(__file__).parent / "apps" / "dcc_store_location.py"
    page = wasmdash.start(app, path="/some/where?q=1#top")
    expect(page.locator("#out-url")).to_have_text("/some/where '?q=1' '#top' some/where?q=1#top", timeout=BOOT)


def test_link_navigates_without_reloading_and_back_returns(page):
    """Dash lipa: clicking a dcc.Link changes every Location in place; Back goes back."""
    out = page.locator("#out-url")
    expect(out).to_have_text("/ '' '' ", timeout=BOOT)
    page.evaluate("() => { window.__same_page = true }")
    page.click("#link")
    expect(out).to_have_text("/page-2 '?tab=b' '#part' page-2?tab=b#part")
    expect(page.locator("#out-url-quiet")).to_have_text("/page-2")
    assert page.evaluate("() => window.__same_page") is True
    assert page.url.endswith("/page-2?tab=b#part")
    page.go_back()
    expect(out).to_have_text("/ '' '' ")
    assert page.evaluate("() => window.__same_page") is True


def test_link_with_refresh_reloads_the_page(wasmdash, page):
    """dcc.Link(refresh=True) is an ordinary link: the page loads anew at its href."""
    expect(page.locator("#out-url")).to_have_text("/ '' '' ", timeout=BOOT)
    page.evaluate("() => { window.__same_page = true }")
    page.click("#link-reload")
    page.wait_for_url("**/reloaded")
    wasmdash.wait_ready(page)
    expect(page.locator("#out-url")).to_have_text("/reloaded '' '' reloaded", timeout=BOOT)
    assert page.evaluate("() => window.__same_page") is None


def test_location_refresh_false_pushes_history_quietly(page):
    """A callback writing pathname of a Location(refresh=False) changes the URL without a reload."""
    expect(page.locator("#out-url-quiet")).to_have_text("/", timeout=BOOT)
    page.evaluate("() => { window.__same_page = true }")
    page.click("#go-quiet")
    expect(page.locator("#out-url-quiet")).to_have_text("/quiet")
    page.wait_for_url("**/quiet")
    assert page.evaluate("() => window.__same_page") is True


def test_location_href_from_a_callback_loads_the_page(wasmdash, page):
    """Location(refresh=True, the default): a callback's new href loads that page."""
    expect(page.locator("#out-url")).to_have_text("/ '' '' ", timeout=BOOT)
    page.click("#go-load")
    page.wait_for_url("**/loaded?via=href")
    wasmdash.wait_ready(page)
    expect(page.locator("#out-url")).to_have_text("/loaded '?via=href' '' loaded?via=href", timeout=BOOT)


def test_location_callback_nav_tells_every_location(page):
    """refresh='callback-nav': a callback's new pathname moves every Location, without a reload."""
    out = page.locator("#out-url")
    expect(out).to_have_text("/ '' '' ", timeout=BOOT)
    page.evaluate("() => { window.__same_page = true }")
    page.click("#go-nav")
    expect(out).to_have_text("/navigated '' '' navigated")
    expect(page.locator("#out-url-quiet")).to_have_text("/navigated")
    assert page.evaluate("() => window.__same_page") is True
