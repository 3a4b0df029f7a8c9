"""Dash Pages (`use_pages=True`, `register_page`, `page_container`): an unmodified Dash multi-page
app (tests/e2e/apps/pages_app) served by `wasmdash run`."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from wasmdash.server.testing import free_port

APP = Path(__file__).parent / "apps" / "pages_app" / "app.py"


@pytest.fixture
def home(wasmdash):
    page = wasmdash.start(APP)
    expect(page.locator("#home-heading")).to_have_text("Welcome home")
    return page


def test_links_change_page_and_title_without_reloading(home):
    """Dash pala001: each dcc.Link shows its page and title; the document is never reloaded."""
    expect(home).to_have_title("Home")
    home.evaluate("() => { window.__same_document = true }")
    home.click("#link-report-42")
    expect(home.locator("#report-text")).to_have_text("Report number 42")
    expect(home).to_have_title("Report 42")
    expect(home.locator("#home-heading")).to_have_count(0)
    home.click("#link-about")
    expect(home.locator("#about-text")).to_have_text("About this app")
    expect(home).to_have_title("About us")
    home.click("#link-home")
    expect(home.locator("#home-heading")).to_have_text("Welcome home")
    expect(home).to_have_title("Home")
    assert home.url.endswith("/")
    assert home.evaluate("() => window.__same_document") is True


def test_back_button_returns_to_the_previous_page(home):
    """Back after a link shows the previous page again, in the same document."""
    home.evaluate("() => { window.__same_document = true }")
    home.click("#link-counter")
    expect(home.locator("#clicks")).to_have_text("0 clicks")
    home.go_back()
    expect(home.locator("#home-heading")).to_have_text("Welcome home")
    expect(home).to_have_title("Home")
    assert home.evaluate("() => window.__same_document") is True


def test_deep_link_with_path_variable_loads_that_page(wasmdash):
    """Dash pala001: /report/<report_id> passes report_id to the layout and to the title function."""
    page = wasmdash.start(APP, path="/report/2024-q3")
    expect(page.locator("#report-text")).to_have_text("Report number 2024-q3")
    expect(page).to_have_title("Report 2024-q3")


def test_query_string_reaches_the_layout(wasmdash):
    """Dash pala001: ?q=... arrives as the layout function's keyword argument."""
    page = wasmdash.start(APP, path="/search?q=wasm")
    expect(page.locator("#search-text")).to_have_text("Results for wasm")
    expect(page.locator("#search-box")).to_have_value("wasm")
    page.click("#link-search-dash")
    expect(page.locator("#search-text")).to_have_text("Results for dash")
    expect(page).to_have_title("Search")


def test_unknown_paths_show_the_404_page(wasmdash):
    """Dash pala001: a path no page has shows pages/not_found_404.py, on load and after a link."""
    page = wasmdash.start(APP, path="/find_me")
    expect(page.locator("#not-found-text")).to_have_text("This page does not exist")
    expect(page).to_have_title("Lost")
    page.click("#link-home")
    expect(page.locator("#home-heading")).to_have_text("Welcome home")
    page.click("#link-nowhere")
    expect(page.locator("#not-found-text")).to_have_text("This page does not exist")


def test_redirect_from_leads_to_the_page(wasmdash):
    """Dash pala001: a redirect_from path loads its page at the page's own URL."""
    page = wasmdash.start(APP, path="/find?q=old")
    expect(page.locator("#search-text")).to_have_text("Results for old")
    assert page.url.endswith("/search?q=old")


def test_a_page_with_its_own_callback(home):
    """A page module's @callback works once its page is shown, and again after leaving and returning."""
    home.click("#link-counter")
    expect(home).to_have_title("Count clicks")
    home.click("#add")
    home.click("#add")
    expect(home.locator("#clicks")).to_have_text("2 clicks")
    home.click("#link-home")
    expect(home.locator("#home-heading")).to_be_visible()
    home.click("#link-counter")
    expect(home.locator("#clicks")).to_have_text("0 clicks")
    home.click("#add")
    expect(home.locator("#clicks")).to_have_text("1 clicks")


@pytest.fixture
def built_site(tmp_path):
    """`built_site(app, under)`: the app built with `wasmdash build` into `<root>/<under>`, the root
    served by `python -m http.server` (a plain static host); returns the site's URL."""
    servers = []

    def build_and_serve(app: Path, under: str = "") -> str:
        root = tmp_path / f"root-{len(servers)}"
        result = subprocess.run(
            [sys.executable, "-m", "wasmdash", "build", str(app), "--out", str(root / under)],
            capture_output=True, text=True,
        )
        assert result.returncode == 0, result.stderr
        port = free_port()
        servers.append(subprocess.Popen(
            [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port), "--directory", str(root)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        ))
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "http.server did not start"
                time.sleep(0.05)  # waiting for a process we started to listen; no event to wait on
        return f"http://127.0.0.1:{port}/" + (f"{under}/" if under else "")

    yield build_and_serve
    for server in servers:
        server.terminate()
        server.wait(timeout=10)


def test_static_export_runs_the_pages_in_the_page(wasmdash, built_site):
    """`wasmdash build` ships the pages folder; links, titles, a page's callback and the 404 page
    all work from a plain static server, with the routing callback running in the page."""
    page = wasmdash.open(built_site(APP))
    expect(page.locator("#home-heading")).to_have_text("Welcome home")
    expect(page).to_have_title("Home")
    page.evaluate("() => { window.__same_document = true }")
    page.click("#link-report-42")
    expect(page.locator("#report-text")).to_have_text("Report number 42")
    expect(page).to_have_title("Report 42")
    page.click("#link-counter")
    page.click("#add")
    expect(page.locator("#clicks")).to_have_text("1 clicks")
    page.click("#link-nowhere")
    expect(page.locator("#not-found-text")).to_have_text("This page does not exist")
    assert page.evaluate("() => window.__same_document") is True


def test_static_export_under_a_sub_path(wasmdash, built_site):
    """A site served under /sub/ with requests_pathname_prefix="/sub/" routes and links inside it."""
    page = wasmdash.open(built_site(APP.parent / "sub_app.py", "sub"))
    expect(page.locator("#home-heading")).to_have_text("Welcome home")
    page.click("#link-report-42")
    expect(page.locator("#report-text")).to_have_text("Report number 42")
    assert page.url.endswith("/sub/report/42")
    page.click("#link-counter")
    page.click("#add")
    expect(page.locator("#clicks")).to_have_text("1 clicks")
    assert page.url.endswith("/sub/counter")


def test_a_page_is_in_the_first_render_and_adopted(wasmdash):
    """A deep link to a page whose layout is a component shows it (and its title) before Python
    starts; the page then adopts those nodes (no rebuild) and an early click counts."""
    from wasmdash.server.testing import AppServer

    server = AppServer(APP)
    wasmdash.servers.append(server)
    held = []
    page = wasmdash.open(
        server.url + "/counter", wait_ready=False,
        before_goto=lambda p: p.route("**/worker.mjs", lambda route: held.append(route)),
    )
    expect(page.locator("#clicks")).to_have_text("0 clicks")
    expect(page).to_have_title("Count clicks")
    page.evaluate("() => { document.getElementById('clicks').__first_render = true }")
    page.click("#add")
    for route in held:
        route.continue_()
    wasmdash.wait_ready(page)
    expect(page.locator("#clicks")).to_have_text("1 clicks")
    assert page.evaluate("() => document.getElementById('clicks').__first_render") is True
    page.click("#link-home")
    expect(page.locator("#home-heading")).to_have_text("Welcome home")
    expect(page).to_have_title("Home")


def test_a_page_with_a_python_callback_in_the_page(home):
    """A page module's `clientside=True` callback runs in the page once its page is shown."""
    home.click("#link-echo")
    expect(home.locator("#echo-out")).to_have_text("hi from emscripten")
    home.fill("#echo-in", "hello")
    expect(home.locator("#echo-out")).to_have_text("hello from emscripten")
