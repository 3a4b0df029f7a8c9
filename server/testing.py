"""A pytest plugin for end-to-end tests of wasmdash apps with Playwright.

Installed with wasmdash (entry point ``pytest11``), so a user's tests can say::

    def test_button_shows_secret(wasmdash):
        page = wasmdash.start("app.py")              # serves the app, opens it, waits for ready
        page.click("#show-secret")
        expect(page.locator("#body-div")).to_have_text("Elephants ...")

Each test gets a fresh browser context (clean storage) in one Chromium shared by the whole run; the
app runs in its own ``wasmdash run`` process on a free loopback port, exactly as a user serves it.
A test fails if the page logged a console error, unless it called ``wasmdash.allow_console_errors()``
(for tests about errors). Requests that leave loopback (an app's external stylesheet on a CDN, say)
are blocked and listed in ``wasmdash.blocked_requests``, so a test proves the page needs nothing
from the internet; the load failures of those blocked requests are not counted as app errors.

Chromium: Debian's ``/usr/bin/chromium`` when present (set ``WASMDASH_CHROMIUM`` to choose another
binary), else Playwright's own download (``python -m playwright install chromium``).
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page

__all__ = ["WasmdashRunner", "AppServer", "CHROMIUM_ARGS", "READY_SELECTOR"]

#: What the page sets on <html> once the initial callbacks have settled.
READY_SELECTOR = "html[data-wasmdash-ready='true']"

#: Flags for Chromium on machines with no GPU, no sandbox privileges and no outside network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]


def chromium_executable() -> str | None:
    chosen = os.environ.get("WASMDASH_CHROMIUM")
    if chosen:
        return chosen
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


def is_loopback(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"data", "blob", "about"} or (parts.hostname or "") in LOOPBACK_HOSTS


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class AppServer:
    """One ``wasmdash run APP`` process on a loopback port."""

    def __init__(self, app_path: str | os.PathLike[str], *, debug: bool = True, extra_args: list[str] | None = None):
        self.app_path = Path(app_path).resolve()
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "wasmdash", "run", str(self.app_path), "--port", str(self.port)]
        if debug:
            command.append("--debug")
        command += extra_args or []
        self.log_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"wasmdash-{self.port}.log"
        self._log = open(self.log_path, "w+b")
        self.process = subprocess.Popen(
            command, cwd=self.app_path.parent, stdout=self._log, stderr=subprocess.STDOUT
        )
        self._wait_until_serving()

    def _wait_until_serving(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"`wasmdash run {self.app_path.name}` exited early:\n{self.output()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_dash-dependencies", timeout=2):
                    return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.05)  # polling a process we just started; there is no event to wait on
        raise RuntimeError(f"`wasmdash run {self.app_path.name}` did not serve within {timeout}s:\n{self.output()}")

    def output(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log.close()


@dataclass
class WasmdashRunner:
    """What the ``wasmdash`` fixture gives a test: start an app, get a ready page."""

    browser: Browser
    servers: list[AppServer] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    blocked_requests: list[str] = field(default_factory=list)
    _errors_allowed: bool = False

    def start(
        self,
        app_path: str | os.PathLike[str],
        *,
        path: str = "/",
        wait_ready: bool = True,
        debug: bool = True,
        timeout: float = 60_000,
        server_args: list[str] | None = None,
        before_goto: Callable[[Page], Any] | None = None,
    ) -> Page:
        """Serve ``app_path`` with ``wasmdash run``, open ``path`` and wait for the ready mark."""
        server = AppServer(app_path, debug=debug, extra_args=server_args)
        self.servers.append(server)
        return self.open(server.url + path, wait_ready=wait_ready, timeout=timeout, before_goto=before_goto)

    def open(
        self,
        url: str,
        *,
        wait_ready: bool = True,
        timeout: float = 60_000,
        before_goto: Callable[[Page], Any] | None = None,
    ) -> Page:
        """Open ``url`` in a fresh page of this test's context.

        ``before_goto(page)`` runs before navigation, e.g. to ``page.route`` a request the test
        wants to hold back (the worker script, to look at the page before Python boots).
        """
        page = self._context().new_page()
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.console_errors.append(f"pageerror: {error}"))
        self.pages.append(page)
        if before_goto is not None:
            before_goto(page)
        page.goto(url)
        if wait_ready:
            self.wait_ready(page, timeout=timeout)
        return page

    @staticmethod
    def wait_ready(page: Page, *, timeout: float = 60_000) -> None:
        page.wait_for_selector(READY_SELECTOR, state="attached", timeout=timeout)

    @property
    def server(self) -> AppServer:
        return self.servers[-1]

    def allow_console_errors(self) -> None:
        """This test expects the page to log errors (it checks them itself)."""
        self._errors_allowed = True

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        source = (message.location or {}).get("url", "")
        if message.text.startswith("Failed to load resource") and source in self.blocked_requests:
            return  # we blocked it: the page must not depend on the internet
        self.console_errors.append(message.text)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if is_loopback(url):
            route.continue_()
        else:
            self.blocked_requests.append(url)
            route.abort("blockedbyclient")

    _ctx: Any = None

    def _context(self) -> Any:
        if self._ctx is None:
            self._ctx = self.browser.new_context()
            self._ctx.route("**/*", self._route)
        return self._ctx

    def close(self) -> None:
        if self._ctx is not None:
            self._ctx.close()
        for server in self.servers:
            server.stop()


@pytest.fixture(scope="session")
def wasmdash_browser() -> Iterator[Browser]:
    """One Chromium for the whole test session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        yield browser
        with contextlib.suppress(Exception):
            browser.close()


@pytest.fixture
def wasmdash(wasmdash_browser: Browser) -> Iterator[WasmdashRunner]:
    """Start wasmdash apps and open them in a fresh browser context; fails on console errors."""
    runner = WasmdashRunner(wasmdash_browser)
    try:
        yield runner
    finally:
        errors = list(runner.console_errors)
        logs = [server.output() for server in runner.servers] if errors else []
        runner.close()
    if errors and not runner._errors_allowed:
        pytest.fail("the page logged console errors:\n" + "\n".join(errors) + "\n\nserver log:\n" + "\n".join(logs))
