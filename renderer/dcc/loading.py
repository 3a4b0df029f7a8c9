"""``dcc.Loading``: shows a spinner over its children while callbacks compute props inside them.

The runtime tells the view which ``(path, prop)`` outputs are in flight (``DomView.set_loading``);
a Loading is busy when one of them lies inside its ``children`` (optionally only the
``target_components`` it names). ``delay_show`` / ``delay_hide`` (ms) wait on the view's Clock, and
``show_initially`` (default True) shows the spinner until the first check, as in Dash.
"""

from __future__ import annotations

from typing import Any

from .._wire import Path
from ..component import make_component_class
from ..ids import stringify_id
from ..vdom import DCC_NAMESPACE, RenderContext, VNode, css_dict, element, html_attrs, register_rules
from ..view import DomView

__all__ = ["Loading", "PROPS", "is_busy"]

#: Dash's dcc.Loading props.
PROPS: dict[str, str] = {
    "id": "element id of the spinner holder",
    "children": "the content watched for callbacks in flight",
    "type": "'default', 'graph', 'cube', 'circle' or 'dot' (all drawn as one CSS spinner, by class)",
    "fullscreen": "cover the whole page while busy",
    "debug": "accepted",
    "className": "class of the spinner",
    "style": "style of the spinner",
    "parent_className": "class of the wrapper",
    "parent_style": "style of the wrapper",
    "overlay_style": "style of the content while busy (default: hidden)",
    "color": "spinner colour (default #119DFF)",
    "loading_state": "Dash bookkeeping",
    "target_components": "{id: prop | [props] | '*'}: only these outputs make it busy",
    "custom_spinner": "a component shown instead of the spinner",
    "display": "'auto' (default), 'show' (always) or 'hide' (never)",
    "delay_hide": "ms to keep the spinner after the work ends",
    "delay_show": "ms of work before the spinner shows",
    "show_initially": "show the spinner before the first check (default True)",
}

Loading = make_component_class(
    "Loading", DCC_NAMESPACE, PROPS, doc="A spinner shown while its children are being updated.", module=__name__
)


def is_busy(view: DomView, props: dict[str, Any], path: Path) -> bool:
    """Is a callback computing a prop of a component inside this Loading's children?"""
    inside = path + ("props", "children")
    targets = props.get("target_components")
    for out_path, out_props in view.loading.items():
        if out_path[: len(inside)] != inside:
            continue
        if not isinstance(targets, dict) or not targets:
            return True
        node = view.by_path.get(out_path)
        component_id = (node.component or {}).get("id") if node is not None else None
        wanted = targets.get(stringify_id(component_id)) if component_id is not None else None
        if wanted is None:
            continue
        if wanted == "*" or (isinstance(wanted, list) and out_props & set(wanted)) or wanted in out_props:
            return True
    return False


def render(ctx: RenderContext, props: dict[str, Any], path: Path) -> VNode:
    state = ctx.state(props, path)
    display = props.get("display") or "auto"
    if display in ("show", "hide"):
        shown = display == "show"
    else:
        shown = bool(state.get("shown", props.get("show_initially", True) is not False))
    parent_style = dict(props.get("parent_style") or {})
    wrapper = VNode(
        "div",
        html_attrs({"className": props.get("parent_className")}),
        css_dict({"position": "relative", **parent_style}),
    )
    content_style = parent_style
    if shown:
        content_style = {"visibility": "hidden", **(props.get("overlay_style") or {}), **parent_style}
    content = element("div", {"className": props.get("parent_className")}, style=content_style, key="content")
    content.children = ctx.children(props.get("children"), path + ("props", "children"))
    wrapper.children.append(content)
    holder = element("div", {"id": props.get("id")}, key="spinner")
    if shown:
        holder.style = css_dict(
            {"visibility": "visible", "position": "fixed" if props.get("fullscreen") else "absolute", "top": "0",
             "left": "0", "height": "100%", "width": "100%", "display": "flex",
             "justifyContent": "center", "alignItems": "center"}
        )
        custom = props.get("custom_spinner")
        if custom is not None:
            holder.children = ctx.children(custom, path + ("props", "custom_spinner"))
        else:
            kind = props.get("type") or "default"
            spinner_class = f"dash-spinner dash-{kind}-spinner" + (f" {props['className']}" if props.get("className") else "")
            spinner_style = {"borderTopColor": props.get("color") or "#119DFF", **(props.get("style") or {})}
            holder.children.append(
                element("div", {"className": spinner_class, "role": "status", "aria-label": "Loading"}, style=spinner_style)
            )
    wrapper.children.append(holder)
    return wrapper


def _decide(view: DomView, node: VNode) -> None:
    """Start the show/hide timer the busy state asks for (the spinner changes when it fires)."""
    props = node.component or {}
    if node.path is None or (props.get("display") or "auto") != "auto":
        return
    from ..vdom import state_key

    state = view.state.setdefault(state_key(props, node.path), {})
    shown = bool(state.get("shown", props.get("show_initially", True) is not False))
    busy = is_busy(view, props, node.path)
    key = ("loading", node.ref)
    pending = view.timers.get(key)
    if busy == shown:
        if pending is not None:
            pending.cancel()
            del view.timers[key]
        state["shown"] = shown
        return
    if pending is not None and pending.target == busy:
        return  # already on its way
    if pending is not None:
        pending.cancel()
    delay_ms = props.get("delay_show" if busy else "delay_hide") or 0
    ref = node.ref

    def flip() -> None:
        view.timers.pop(key, None)
        current = view.nodes.get(ref)
        if current is None or current.path is None:
            return
        state["shown"] = busy
        view.refresh(current.path)

    if view.clock is None:
        state["shown"] = busy
        view.refresh(node.path)
        return
    handle = view.clock.call_later(max(0.0, float(delay_ms)) / 1000.0, flip)
    view.timers[key] = _Pending(handle, busy)


class _Pending:
    """A timer plus where it is taking the spinner (shown or hidden)."""

    def __init__(self, handle: Any, target: bool) -> None:
        self.handle = handle
        self.target = target

    def cancel(self) -> None:
        self.handle.cancel()


def mount(view: DomView, node: VNode) -> None:
    _decide(view, node)


def update(view: DomView, node: VNode, old_props: dict[str, Any]) -> None:
    _decide(view, node)


def unmount(view: DomView, node: VNode) -> None:
    pending = view.timers.pop(("loading", node.ref), None)
    if pending is not None:
        pending.cancel()


register_rules(DCC_NAMESPACE, "Loading", render, mount=mount, update=update, unmount=unmount, on_loading=_decide)
