"""Start the page: fetch layout and dependencies, build the Runtime, route events to it.

``static/worker.mjs`` calls :func:`boot` once with the page config (JSON) and :func:`handle_event`
for every message from the main thread (JSON strings, see ``wasmdash.events``).
"""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
import traceback
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

from .transport import FetchTransport
from .worker import BrowserClock, WorkerApplier, ready, report_error, report_warning

__all__ = ["boot", "handle_event"]

logger = logging.getLogger(__name__)

_state: dict[str, Any] = {"runtime": None, "early": []}


async def fetch_text(url: str) -> str:
    from pyodide.http import pyfetch

    response = await pyfetch(url)
    text = await response.text()
    if not response.ok:
        raise RuntimeError(f"GET {url} failed: HTTP {response.status}: {text[:500]}")
    return text


def _set_props(component_id: Any, props: dict[str, Any]) -> None:
    """``set_props`` from a clientside callback (JS or Python): applied to the page at once."""
    from ..transports import apply_set_props

    apply_set_props(_state["runtime"], component_id, props)


async def fetch_json(url: str) -> Any:
    from pyodide.http import pyfetch

    response = await pyfetch(url)
    text = await response.text()
    if not response.ok:
        raise RuntimeError(f"GET {url} failed: HTTP {response.status}: {text[:500]}")
    return json.loads(text)


def _report_exception(message: str, exc: BaseException) -> None:
    report_error(f"{message}: {type(exc).__name__}: {exc}", "".join(traceback.format_exception(exc)))


async def _json_or_fetch(text: str | None, url: str) -> Any:
    if text is not None:
        return json.loads(text)
    return await fetch_json(url)


def _page_url(config: dict[str, Any]) -> str:
    """The page's path and query string (a Dash Pages app shows that page in its first layout)."""
    parts = urlsplit(str(config.get("href") or "/"))
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


async def boot(
    config_json: str,
    layout_text: str | None = None,
    dependencies_text: str | None = None,
    app_source: str | None = None,
    clientside_text: str | None = None,
) -> None:
    """Render the layout and run the initial callbacks.

    Args:
        config_json: the page config, plus ``base_url``, ``href`` and ``storage`` from loader.js.
        layout_text: ``_dash-layout`` as prefetched by worker.mjs while Pyodide booted, or None.
        dependencies_text: ``_dash-dependencies`` likewise.
        app_source: a static export's app file (``config["static_app"]``): the layout, the
            dependencies and the callbacks then come from that app, imported here.
        clientside_text: ``_wasmdash/clientside.py`` (the page's Python callbacks) likewise.
    """
    try:
        config = json.loads(config_json)
        base = config["base_url"]
        static_app = config.get("static_app")
        http: Any = FetchTransport(base)
        fetch_page_text = fetch_text
        if static_app:
            from .static_app import PAGE_APP_SOURCE, StaticTransport, load_app

            listed = static_app.get("files") or []  # a Dash Pages app's pages folder
            texts = await asyncio.gather(*(fetch_text(urljoin(base, site_path)) for _, site_path in listed))
            files = {relative: text for (relative, _), text in zip(listed, texts)}
            app = load_app(static_app["file"], app_source or "", static_app.get("server_modules") or (), files)
            layout, dependencies = app.layout_json(url=_page_url(config)), app.dependencies_json()
            server = static_app.get("server_url")
            http = StaticTransport(
                app, FetchTransport(server.rstrip("/") + "/") if server else None, static_app.get("server_outputs") or ()
            )

            async def fetch_page_text(url: str) -> str:  # the page's Python callbacks: the app itself
                return PAGE_APP_SOURCE
        else:
            layout, dependencies = await asyncio.gather(
                _json_or_fetch(layout_text, base + "_dash-layout?" + urlencode({"url": _page_url(config)})),
                _json_or_fetch(dependencies_text, base + "_dash-dependencies"),
            )
            if clientside_text is not None:

                async def fetch_page_text(url: str) -> str:  # prefetched while Pyodide booted
                    return clientside_text
        from ..runtime import Runtime
        from ..view import DomView

        from .clientside import routing_transport

        transport = await routing_transport(
            base,
            dependencies,
            http=http,
            set_props=_set_props,
            fetch_text=fetch_page_text,
            report_error=report_error,
            format_exception=lambda exc: "".join(traceback.format_exception(exc)),
        )
        applier = WorkerApplier()
        page = {"href": config.get("href"), "storage": config.get("storage") or {}}
        options: dict[str, Any] = dict(
            transport=transport,
            # send: ops that arise outside the runtime's updates (a dropdown opening, a timer)
            # hydrate: the mount point holds the host's first render of the layout; adopt its nodes
            view=DomView(report_error=report_error, send=applier.apply, page=page, hydrate=bool(config.get("hydrate"))),
            applier=applier,
            clock=BrowserClock(),
            report_error=report_error,
        )
        parameters = inspect.signature(Runtime).parameters
        if "config" in parameters:
            options["config"] = config
        signals_ready = "on_ready" in parameters
        if signals_ready:
            options["on_ready"] = ready
        if config.get("debug"):
            options["report_warning"] = report_warning
        runtime = Runtime(layout, dependencies, **options)
        _state["runtime"] = runtime
        if config.get("debug"):
            # Problems the host found at start-up (an id or prop the layout lacks) are shown as
            # Dash's dev tools show them: in debug mode, while the rest of the app keeps working.
            for message in config.get("validation_errors") or ():
                report_error(message, "")
        await runtime.start()
        if not signals_ready:
            ready()
    except Exception as exc:  # the page must say why it is blank
        _report_exception("wasmdash could not start", exc)
        # Nothing more will settle: mark the page ready so tests and users see the error now
        # rather than wait for a mark that never comes.
        ready()
        return
    for message in _state["early"]:
        await _dispatch(message)
    _state["early"] = []


def handle_event(message_json: str) -> None:
    """One message from the main thread (an event); queued until the runtime exists."""
    try:
        message = json.loads(message_json)
    except ValueError:
        return
    if str(message.get("type", "")).startswith("clientside-"):  # replies of static/clientside.js
        from .clientside import receive

        receive(message)
        return
    if _state["runtime"] is None:
        _state["early"].append(message)
        return
    asyncio.ensure_future(_dispatch(message))


async def _dispatch(message: dict[str, Any]) -> None:
    runtime = _state["runtime"]
    if message.get("type") != "event":
        return
    try:
        await runtime.handle_event(message["event"])
    except Exception as exc:
        _report_exception("wasmdash failed to handle a page event", exc)
