"""Where each callback runs: on the server, in the page's JavaScript, or in the page's Python.

``RoutingTransport`` is the one ``Transport`` the ``Runtime`` is given. It looks up the request's
``output`` in ``_dash-dependencies`` and hands the body to the transport for that callback's kind:

=============================================  =================================================
``clientside_function``                         transport
=============================================  =================================================
None                                            HTTP (``browser.transport.FetchTransport``)
``{"namespace": "_wasmdash_python", ...}``      :class:`InPageTransport`: ``await app.dispatch``
any other namespace (Dash's JS callbacks)       :class:`MessageTransport`: the main thread runs it
=============================================  =================================================

All three answer with the server's wire shapes (``_wire.CallbackResponse``, None for "no update",
``CallbackError`` for a failure), so the runtime orders and applies their answers the same way and a
chain may mix them freely. Nothing here imports ``js``: the browser side only supplies ``send``.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from typing import Any, Callable

from ._seams import Transport
from ._wire import CallbackRequest, CallbackResponse, DependencyJSON
from .exceptions import CallbackError
from .ids import parse_id, stringify_id

__all__ = [
    "PYTHON_NAMESPACE",
    "RoutingTransport",
    "InPageTransport",
    "MessageTransport",
    "UnavailableTransport",
    "clientside_functions",
    "apply_set_props",
]

logger = logging.getLogger(__name__)

#: The ``clientside_function`` namespace of Python callbacks that run in the page.
PYTHON_NAMESPACE = "_wasmdash_python"

#: ``set_props(component_id, props)`` from a callback running in the page, applied at once.
SetProps = Callable[[Any, dict[str, Any]], None]


def clientside_functions(dependencies: list[DependencyJSON]) -> dict[str, dict[str, str]]:
    """``output`` string -> ``clientside_function`` of every clientside callback."""
    return {
        dep["output"]: dict(dep["clientside_function"])
        for dep in dependencies
        if isinstance(dep.get("clientside_function"), dict)
    }


class RoutingTransport:
    """``_seams.Transport`` that sends each request to the transport for its callback's kind.

    Args:
        dependencies: the ``_dash-dependencies`` JSON.
        http: runs server callbacks.
        javascript: runs Dash's JS clientside callbacks (``window.dash_clientside``).
        python: runs Python callbacks in the page (namespace ``_wasmdash_python``).
    """

    def __init__(
        self,
        dependencies: list[DependencyJSON],
        *,
        http: Transport,
        javascript: Transport | None = None,
        python: Transport | None = None,
    ) -> None:
        self.functions = clientside_functions(dependencies)
        self.http = http
        self.javascript = javascript or UnavailableTransport(
            "JavaScript clientside callbacks cannot run here (no main thread to run them on)"
        )
        self.python = python or UnavailableTransport(
            "Python clientside callbacks cannot run here (the page has no app for them)"
        )

    def kind(self, output: str) -> str:
        """``"http"``, ``"javascript"`` or ``"python"`` for the callback with this ``output``."""
        function = self.functions.get(output)
        if function is None:
            return "http"
        return "python" if function.get("namespace") == PYTHON_NAMESPACE else "javascript"

    def transport_for(self, output: str) -> Transport:
        return {"http": self.http, "javascript": self.javascript, "python": self.python}[self.kind(output)]

    async def request(self, body: CallbackRequest) -> CallbackResponse | None:
        return await self.transport_for(body.get("output", "")).request(body)


class UnavailableTransport:
    """Fails every request with one reason (e.g. the page's Python callbacks did not load)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    async def request(self, body: CallbackRequest) -> CallbackResponse | None:
        raise CallbackError(f"{self.reason}; output {body.get('output')!r}")


class InPageTransport:
    """``_seams.Transport`` running Python callbacks in this process: ``await app.dispatch(body)``.

    The page's app comes from the server's generated module (``wasmdash._clientside``); the callbacks
    get the full server semantics (``ctx``, ``no_update``, ``PreventUpdate``, ``async def``...).

    Args:
        app: a ``Dash`` app holding the callbacks.
        set_props: when given, ``set_props`` calls inside a callback go here as they happen (the
            page applies them at once) rather than with the response; needs an app with a
            ``set_props_sink`` attribute (the page app from ``build_page_app``).
    """

    def __init__(self, app: Any, set_props: SetProps | None = None) -> None:
        self.app = app
        if set_props is not None:
            app.set_props_sink = set_props

    async def request(self, body: CallbackRequest) -> CallbackResponse | None:
        result = await self.app.dispatch(body)
        if result.status == 204:
            return None
        if result.status == 200:
            return result.body  # type: ignore[return-value]
        error = result.body or {}
        message = error.get("error") or f"the callback for {body.get('output')!r} failed (status {result.status})"
        raise CallbackError(message, error.get("traceback"), error.get("callback"))


class MessageTransport:
    """``_seams.Transport`` for JS clientside callbacks: a message out, a reply back.

    Each request is sent as ``{"type": "clientside", "call": n, "function": {namespace,
    function_name}, "body": body}``; the other side (``static/clientside.js``) answers with a
    message passed to :meth:`receive`: ``{"type": "clientside-result", "call": n, "status": "ok",
    "response": {...}}``, ``"status": "prevent"`` (``dash_clientside.PreventUpdate``) or
    ``"status": "error"`` with ``"error"`` and ``"stack"``. ``{"type": "clientside-set-props",
    "id": ..., "props": {...}}`` (``dash_clientside.set_props``) goes to ``set_props`` at once.
    """

    def __init__(
        self,
        dependencies: list[DependencyJSON],
        send: Callable[[dict[str, Any]], None],
        set_props: SetProps | None = None,
    ) -> None:
        self.functions = clientside_functions(dependencies)
        self._send = send
        self.set_props = set_props
        self._calls = itertools.count(1)
        self._pending: dict[int, asyncio.Future[Any]] = {}

    async def request(self, body: CallbackRequest) -> CallbackResponse | None:
        output = body.get("output", "")
        function = self.functions.get(output)
        if function is None:
            raise CallbackError(f"no clientside function is declared for output {output!r}")
        call = next(self._calls)
        future: asyncio.Future[Any] = asyncio.get_event_loop().create_future()
        self._pending[call] = future
        try:
            self._send({"type": "clientside", "call": call, "function": function, "body": body})
            return await future
        finally:
            self._pending.pop(call, None)

    def receive(self, message: dict[str, Any]) -> None:
        """A reply or a ``set_props`` from the main thread."""
        kind = message.get("type")
        if kind == "clientside-set-props":
            if self.set_props is not None:
                self.set_props(message.get("id"), message.get("props") or {})
            return
        if kind != "clientside-result":
            return
        future = self._pending.get(message.get("call"))  # type: ignore[arg-type]
        if future is None or future.done():
            return
        status = message.get("status")
        if status == "ok":
            future.set_result(message.get("response"))
        elif status == "prevent":
            future.set_result(None)
        else:
            future.set_exception(
                CallbackError(str(message.get("error") or "the clientside function failed"), message.get("stack") or None)
            )


def apply_set_props(runtime: Any, component_id: Any, props: dict[str, Any], report: Callable[[str], None] | None = None) -> None:
    """Apply ``set_props(component_id, props)`` from a callback running in the page, now.

    ``component_id`` is an id (str or dict) or its string form. Like Dash, an id that is not in the
    layout changes nothing (``report`` is told, when given).
    """
    if runtime is None:
        return
    if isinstance(component_id, str):
        component_id = parse_id(component_id)
    path = runtime.index.path_of(component_id)
    if path is None:
        message = f"set_props: no component with id {stringify_id(component_id)!r} in the layout"
        logger.debug(message)
        if report is not None:
            report(message)
        return
    if not isinstance(props, dict):
        raise CallbackError(
            f"set_props({stringify_id(component_id)!r}, ...) needs a dict of props, got {type(props).__name__}"
        )
    runtime.set_props(path, props)
