"""``dcc.Interval``: bumps ``n_intervals`` every ``interval`` milliseconds, on the view's Clock.

Renders nothing. ``disabled=True`` pauses it; ``max_intervals`` stops it after that many ticks
(-1: never; 0: no ticks). Changing ``interval``, ``disabled``, ``max_intervals`` or resetting
``n_intervals`` restarts the wait, as Dash's Interval does.
"""

from __future__ import annotations

from typing import Any

from .._wire import Path
from ..component import make_component_class
from ..vdom import DCC_NAMESPACE, RenderContext, VNode, placeholder, register_rules
from ..view import DomView

__all__ = ["Interval", "PROPS"]

#: Dash's dcc.Interval props.
PROPS: dict[str, str] = {
    "id": "element id",
    "interval": "milliseconds between ticks (default 1000)",
    "disabled": "pause ticking",
    "n_intervals": "number of ticks so far (default 0)",
    "max_intervals": "stop after this many ticks; -1 (default) never stops",
}

Interval = make_component_class(
    "Interval", DCC_NAMESPACE, PROPS, doc="Fires n_intervals on a timer.", module=__name__
)


def render(ctx: RenderContext, props: dict[str, Any], path: Path) -> VNode:
    return placeholder()


def _count(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _schedule(view: DomView, ref: int) -> None:
    key = ("interval", ref)
    pending = view.timers.pop(key, None)
    if pending is not None:
        pending.cancel()
    node = view.nodes.get(ref)
    if node is None or node.component is None or view.clock is None:
        return
    props = node.component
    if props.get("disabled"):
        return
    limit = props.get("max_intervals", -1)
    if isinstance(limit, int) and limit >= 0 and _count(props.get("n_intervals")) >= limit:
        return
    interval = props.get("interval", 1000)
    if not isinstance(interval, (int, float)) or isinstance(interval, bool) or interval <= 0:
        interval = 1000

    def tick() -> None:
        view.timers.pop(key, None)
        current = view.nodes.get(ref)
        if current is None or current.path is None or current.component is None:
            return
        view.set_props(current.path, {"n_intervals": _count(current.component.get("n_intervals")) + 1})
        _schedule(view, ref)

    view.timers[key] = view.clock.call_later(interval / 1000.0, tick)


def mount(view: DomView, node: VNode) -> None:
    _schedule(view, node.ref)


def update(view: DomView, node: VNode, old_props: dict[str, Any]) -> None:
    props = node.component or {}
    restart = any(props.get(k) != old_props.get(k) for k in ("interval", "disabled", "max_intervals"))
    # A callback resetting n_intervals (not our own tick) restarts the wait as well.
    if restart or _count(props.get("n_intervals")) < _count(old_props.get("n_intervals")):
        _schedule(view, node.ref)


def unmount(view: DomView, node: VNode) -> None:
    pending = view.timers.pop(("interval", node.ref), None)
    if pending is not None:
        pending.cancel()


register_rules(DCC_NAMESPACE, "Interval", render, mount=mount, update=update, unmount=unmount)
