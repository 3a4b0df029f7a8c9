"""The seams between the pure renderer core and the world around it.

The core (graph, scheduler, runtime, vdom, diff, events) never touches the DOM, the network or real
time. ``Runtime`` is handed one implementation of each protocol below, chosen once at the edge:

=============  ===================================  ==================================
seam           in the browser (renderer/browser/)   in unit tests (tests/unit/fakes.py)
=============  ===================================  ==================================
Transport      ``wasmdash.transports.Routing-       ``FakeTransport`` calling
               Transport`` over HTTP (``Fetch-      ``Dash.dispatch`` in-process
               Transport``), in-page Python
               (``InPageTransport``) and JS
               clientside (``MessageTransport``)
Applier        ``WorkerApplier`` (postMessage ops)  ``RecordingApplier``
Clock          ``BrowserClock`` (setTimeout)        ``ManualClock`` (``advance()``)
View           ``wasmdash.view.DomView``            ``DomView`` too, or a fake
=============  ===================================  ==================================
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Protocol

from ._wire import CallbackRequest, CallbackResponse, ComponentJSON, Path

__all__ = ["Transport", "Applier", "Clock", "TimerHandle", "View", "Op", "EventMessage"]

#: One DOM operation, JSON-able: a list whose first item names the operation (see ``vdom.py``).
Op = list[Any]

#: One DOM event forwarded by ``static/patch.js`` (see ``events.py`` for its keys).
EventMessage = dict[str, Any]


class Transport(Protocol):
    """Runs one callback request somewhere (server, in-page Python, JS) and returns its answer."""

    async def request(self, body: CallbackRequest) -> CallbackResponse | None:
        """Send a ``_dash-update-component`` body.

        Returns:
            The response body, or None when the callback prevented the update (HTTP 204).

        Raises:
            wasmdash.exceptions.CallbackError: the callback failed; its message is user-facing.
        """
        ...


class Applier(Protocol):
    """Applies one batch of DOM operations, atomically, on the main thread."""

    def apply(self, ops: list[Op]) -> None: ...


class TimerHandle(Protocol):
    def cancel(self) -> None: ...


class Clock(Protocol):
    """Time, made injectable so debounce and intervals are tested without sleeping."""

    def now(self) -> float:
        """Seconds, monotonic."""
        ...

    def call_later(self, delay: float, callback: Callable[[], None]) -> TimerHandle: ...


class View(Protocol):
    """Projects the layout into DOM operations and DOM events back into prop changes.

    The view remembers what it rendered last, so ``update`` can diff only the changed subtrees.

    ``Runtime`` also uses two optional hooks when a view has them:
    ``changes_for_event(event) -> list[tuple[Path, dict]]`` (one event changing several components,
    e.g. a click bubbling through nested ids, as in Dash) and ``set_loading(outputs) -> list[Op]``
    (``dcc.Loading``: called once at start, then whenever the set of outputs in flight changes).
    """

    def attach(self, set_props: Callable[[Path, dict[str, Any]], None], clock: Clock) -> None:
        """Called once by ``Runtime`` before ``render``.

        ``set_props(path, props)`` lets the view report prop changes that come from time rather than
        from one event (numeric ``debounce``, ``dcc.Interval``); ``clock`` is the one to schedule on.
        """
        ...

    def render(self, layout: ComponentJSON) -> list[Op]:
        """Render the whole layout (first paint, or taking over server-rendered HTML)."""
        ...

    def update(self, layout: ComponentJSON, paths: Iterable[Path]) -> list[Op]:
        """Re-render the components at ``paths`` (and their subtrees) from ``layout``; return ops."""
        ...

    def props_for_event(self, event: EventMessage) -> tuple[Path, dict[str, Any]] | None:
        """Turn a forwarded DOM event into prop changes on one component, or None to ignore it."""
        ...
