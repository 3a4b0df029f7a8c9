"""Issue 5: `wasmdash build` sites served by a plain static file server, with every request that
leaves loopback blocked (the `wasmdash` fixture), and the first render in the HTML before boot."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from wasmdash.server.testing import AppServer, free_port

APPS = Path(__file__).parent / "apps"
SITE_APP = APPS / "static_site" / "app.py"
SERVER_APP = APPS / "static_site" / "server_app.py"
#: The test app's local requirement is importable on the host too (as after `pip install -r`).
HOST_ENV = {**os.environ, "PYTHONPATH": str(APPS / "static_tinypkg")}


def build(app: Path, out: Path, *args: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wasmdash", "build", str(app), "--out", str(out), *args],
        env=HOST_ENV, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr


class StaticServer:
    """`python -m http.server` on a loopback port: a static host knowing nothing about wasmdash."""

    def __init__(self, directory: Path, port: int | None = None) -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(self.port), "--directory", str(directory)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)  # waiting for a process we started to listen; no event to wait on
        raise RuntimeError("http.server did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def static_site(tmp_path):
    servers: list[StaticServer] = []

    def serve(app: Path, *args: str, port: int | None = None) -> str:
        out = tmp_path / f"site-{len(servers)}"
        build(app, out, *args)
        servers.append(StaticServer(out, port))
        return servers[-1].url

    yield serve
    for server in servers:
        server.stop()


def test_built_site_runs_callbacks_assets_and_a_requirement_in_the_page(wasmdash, static_site):
    """The built site works from a plain static server with nothing from the internet."""
    page = wasmdash.open(static_site(SITE_APP))
    expect(page.locator("#greeting")).to_have_text("Hello, world!")  # the local pure-Python wheel
    expect(page.locator("#count")).to_have_text("0 clicks by world")
    expect(page.locator("#where")).to_have_text("ran on emscripten")  # in the page, not on a host
    expect(page.locator("#js-upper")).to_have_text("WORLD")
    expect(page.locator("#py-length")).to_have_text("5 letters")
    page.fill("#name", "Ada")
    expect(page.locator("#greeting")).to_have_text("Hello, Ada!")
    expect(page.locator("#js-upper")).to_have_text("ADA")
    expect(page.locator("#py-length")).to_have_text("3 letters")
    page.click("#add")
    expect(page.locator("#count")).to_have_text("1 clicks by Ada")
    expect(page.locator("#title")).to_have_css("color", "rgb(12, 34, 56)")  # assets/style.css
    assert page.evaluate("window.staticAssetLoaded") == "yes"  # assets/marker.js
    assert wasmdash.blocked_requests == []


def test_unmodified_dash_app_runs_from_a_static_build(wasmdash, static_site):
    """The seed's Dash file, unchanged, as a static site: the same behaviour as under `run`."""
    page = wasmdash.open(static_site(APPS / "prevent_update_dash.py"))
    expect(page.locator("#show-secret")).to_have_text("Click here to see the content")
    expect(page.locator("#body-div")).to_have_text("")
    page.click("#show-secret")
    expect(page.locator("#body-div")).to_have_text("Elephants are the only animal that can't jump")
    # its external stylesheet is on a CDN: blocked, and the page works without it
    assert all("codepen.io" in url for url in wasmdash.blocked_requests)


def test_first_render_is_in_the_html_and_early_events_are_replayed(wasmdash, static_site):
    """Before Pyodide has booted the page shows the layout; clicks and typing then are not lost,
    and Python adopts the host-rendered nodes instead of rebuilding them."""
    page, release = _open_held(wasmdash, static_site(SITE_APP))
    expect(page.locator("#first")).to_have_text("Rendered on the host")
    expect(page.locator("#count")).to_have_text("no clicks")
    assert page.evaluate("document.documentElement.dataset.wasmdashReady") is None
    page.evaluate("window.beforeBoot = [document.getElementById('add'), document.getElementById('title')]")
    page.click("#add")
    page.click("#add")
    page.fill("#name", "early")
    release()
    wasmdash.wait_ready(page)
    expect(page.locator("#count")).to_have_text("2 clicks by world")  # in order: clicks, then typing
    expect(page.locator("#greeting")).to_have_text("Hello, early!")
    expect(page.locator("#name")).to_have_value("early")
    same = page.evaluate(
        "window.beforeBoot[0] === document.getElementById('add') && window.beforeBoot[1] === document.getElementById('title')"
    )
    assert same, "the page rebuilt the host-rendered nodes instead of adopting them"


def test_first_render_is_in_the_html_under_run(wasmdash, app_path):
    """`wasmdash run` serves the first render in the page too; the page adopts it and works."""
    page = wasmdash.start(app_path("prevent_update_dash"), wait_ready=False)
    html = page.evaluate("fetch('/').then(r => r.text())")
    assert '<button id="show-secret">Click here to see the content</button>' in html
    page.evaluate("window.beforeBoot = document.getElementById('show-secret')")
    wasmdash.wait_ready(page)
    assert page.evaluate("window.beforeBoot === document.getElementById('show-secret')")
    page.click("#show-secret")
    expect(page.locator("#body-div")).to_have_text("Elephants are the only animal that can't jump")


def test_server_callbacks_go_to_the_wasmdash_server_allowed_by_cors(wasmdash, static_site):
    """With --server, server_only callbacks and callbacks using host-only modules run there."""
    site_port = free_port()
    origin = f"http://127.0.0.1:{site_port}"
    server = AppServer(SERVER_APP, extra_args=["--cors-origin", origin])
    wasmdash.servers.append(server)
    page = wasmdash.open(static_site(SERVER_APP, "--server", server.url, port=site_port))
    expect(page.locator("#in-page")).to_have_text("page emscripten 0")
    page.click("#ask")
    expect(page.locator("#in-page")).to_have_text("page emscripten 1")
    expect(page.locator("#on-server")).to_have_text("server linux 1")
    expect(page.locator("#library")).to_have_text("starlette True 1")


def test_the_server_refuses_other_origins(wasmdash):
    """CORS allows the site's origin and nothing else."""
    import urllib.request

    server = AppServer(SERVER_APP, extra_args=["--cors-origin", "http://127.0.0.1:1"])
    wasmdash.servers.append(server)

    def preflight(origin: str) -> str | None:
        request = urllib.request.Request(
            server.url + "/_dash-update-component",
            method="OPTIONS",
            headers={"Origin": origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"},
        )
        try:
            with urllib.request.urlopen(request) as response:
                return response.headers.get("access-control-allow-origin")
        except urllib.error.HTTPError as error:
            return error.headers.get("access-control-allow-origin")

    assert preflight("http://127.0.0.1:1") == "http://127.0.0.1:1"
    assert preflight("http://evil.example") is None


def _open_held(wasmdash, url):
    """Open ``url`` with the worker script held back; returns (page, release)."""
    held = []
    page = wasmdash.open(url, wait_ready=False, before_goto=lambda p: p.route("**/worker.mjs", lambda route: held.append(route)))
    return page, lambda: [route.continue_() for route in held]


def test_clicks_before_boot_are_replayed_under_run(wasmdash, app_path):
    """Under `wasmdash run` too: the first render shows before boot and an early click counts."""
    server = AppServer(app_path("prevent_update_dash"))
    wasmdash.servers.append(server)
    page, release = _open_held(wasmdash, server.url + "/")
    expect(page.locator("#show-secret")).to_have_text("Click here to see the content")
    page.click("#show-secret")
    release()
    wasmdash.wait_ready(page)
    expect(page.locator("#body-div")).to_have_text("Elephants are the only animal that can't jump")


def test_a_first_render_the_browser_reshapes_is_rebuilt(wasmdash, app_path):
    """HTML the parser changes (a table gains <tbody>) cannot be adopted: the page rebuilds it and
    works, early clicks included."""
    server = AppServer(app_path("static_table"))
    wasmdash.servers.append(server)
    page, release = _open_held(wasmdash, server.url + "/")
    expect(page.locator("#cell")).to_have_text("cell")
    page.click("#go")
    release()
    wasmdash.wait_ready(page)
    expect(page.locator("#out")).to_have_text("went 1")
    page.click("#go")
    expect(page.locator("#out")).to_have_text("went 2")


def test_a_pyodide_package_url_does_not_move_micropip_or_the_wheels(wasmdash, static_site):
    """With --pyodide-packages (numpy... from a Pyodide repository) micropip and the app's wheels
    still come from the site: the page boots although that repository is unreachable here."""
    page = wasmdash.open(static_site(SITE_APP, "--pyodide-packages", "http://127.0.0.1:9/pyodide/"))
    expect(page.locator("#greeting")).to_have_text("Hello, world!")
    page.click("#add")
    expect(page.locator("#count")).to_have_text("1 clicks by world")
