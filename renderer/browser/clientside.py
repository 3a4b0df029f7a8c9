"""The worker's side of clientside callbacks: the routing transport, the page's Python app, and
the replies of ``static/clientside.js`` (JS callbacks run on the main thread).

``boot`` calls :func:`routing_transport` once with the dependencies and :func:`receive` for every
``clientside-*`` message from the main thread.
"""

from __future__ import annotations

import types
from typing import Any, Awaitable, Callable

from .._seams import Transport
from .._wire import DependencyJSON
from ..transports import (
    PYTHON_NAMESPACE,
    InPageTransport,
    MessageTransport,
    RoutingTransport,
    SetProps,
    UnavailableTransport,
)
from .worker import post

__all__ = ["routing_transport", "receive", "load_page_app", "MODULE_PATH"]

#: Where the server serves the page's Python callbacks, under the app's base URL.
MODULE_PATH = "_wasmdash/clientside.py"

_state: dict[str, Any] = {"messages": None}


def has_python_callbacks(dependencies: list[DependencyJSON]) -> bool:
    return any(
        (dep.get("clientside_function") or {}).get("namespace") == PYTHON_NAMESPACE for dep in dependencies
    )


def load_page_app(source: str) -> Any:
    """Run the server's generated module (``wasmdash._clientside.page_app_source``); its ``app``."""
    module = types.ModuleType("_wasmdash_clientside")
    module.__file__ = MODULE_PATH
    exec(compile(source, MODULE_PATH, "exec"), module.__dict__)  # noqa: S102 - served by our host
    return module.__dict__["app"]


async def routing_transport(
    base_url: str,
    dependencies: list[DependencyJSON],
    *,
    http: Transport,
    set_props: SetProps,
    fetch_text: Callable[[str], Awaitable[str]],
    report_error: Callable[[str, str], None],
    format_exception: Callable[[BaseException], str],
) -> RoutingTransport:
    """The page's transport: HTTP, JS on the main thread, and Python in this worker.

    The page's Python app is fetched only when the app has Python clientside callbacks; if it cannot
    be loaded, the page says why and those callbacks fail with that reason (the rest still work).
    """
    javascript = MessageTransport(dependencies, post, set_props)
    _state["messages"] = javascript
    python: Transport | None = None
    if has_python_callbacks(dependencies):
        try:
            python = InPageTransport(load_page_app(await fetch_text(base_url + MODULE_PATH)), set_props)
        except Exception as exc:  # the page must say why its Python callbacks do not run
            reason = f"the page's Python callbacks could not be loaded: {type(exc).__name__}: {exc}"
            report_error("wasmdash: " + reason, format_exception(exc))
            python = UnavailableTransport(reason)
    return RoutingTransport(dependencies, http=http, javascript=javascript, python=python)


def receive(message: dict[str, Any]) -> None:
    """A ``clientside-result`` or ``clientside-set-props`` message from ``static/clientside.js``."""
    transport = _state["messages"]
    if transport is not None:
        transport.receive(message)
