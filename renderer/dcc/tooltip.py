"""``dcc.Tooltip``: a box placed by ``bbox`` (relative to its positioned container), as Dash shows
it beside a hovered graph point.

Markup as Dash's: ``div.dcc-tooltip-bounding-box.dash-tooltip`` covering ``bbox`` >
``div.hover.hover-<direction>`` > ``span.hover-content`` (which carries the ``id``). The look and
the placement beside the box (with the caret) are in ``static/wasmdash.css`` under those class
names, so an app's CSS can restyle it; inline are only what props compute: the box's position and
size, whether it shows, and the ``--Dash-Tooltip-*`` variables the stylesheet reads (as Dash sets
them). While a callback computes one of its props it shows ``loading_text``.
"""

from __future__ import annotations

from typing import Any

from .._wire import Path
from ..component import make_component_class
from ..vdom import DCC_NAMESPACE, RenderContext, VNode, element, register_rules, state_key
from ..view import DomView

__all__ = ["Tooltip", "PROPS"]

#: Dash's dcc.Tooltip props.
PROPS: dict[str, str] = {
    "id": "id of the content span",
    "children": "content",
    "show": "whether it shows (default True; also needs bbox)",
    "bbox": "{x0, y0, x1, y1} in px relative to the container (a graph's hoverData bbox)",
    "direction": "'right' (default), 'left', 'top' or 'bottom'",
    "border_color": "border colour (default '#d6d6d6')",
    "background_color": "background (default 'rgba(255, 255, 255, 0.9)')",
    "loading_text": "shown while a callback computes its props (default 'Loading...')",
    "zindex": "z-index (default 1)",
    "targetable": "the tooltip takes the mouse (default False)",
    "className": "class of the content span",
    "style": "style of the content span",
    "loading_state": "Dash bookkeeping",
}

Tooltip = make_component_class("Tooltip", DCC_NAMESPACE, PROPS, doc="A tooltip placed by a bounding box.", module=__name__)

#: Where the box points from its bbox (Dash's ``direction`` values; wasmdash.css places each).
_DIRECTIONS = ("right", "left", "top", "bottom")


def _number(value: Any) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


def render(ctx: RenderContext, props: dict[str, Any], path: Path) -> VNode:
    state = ctx.state(props, path)
    loading = bool(state.get("loading"))
    bbox = props.get("bbox")
    shown = props.get("show", True) is not False and bool(bbox)
    box = bbox if isinstance(bbox, dict) else {}
    x0, x1, y0, y1 = (_number(box.get(k)) for k in ("x0", "x1", "y0", "y1"))
    direction = props.get("direction") if props.get("direction") in _DIRECTIONS else "right"
    targetable = bool(props.get("targetable"))
    border = props.get("border_color") or "#d6d6d6"
    background = props.get("background_color") or "rgba(255, 255, 255, 0.9)"
    zindex = props.get("zindex", 1)
    outer_style = {
        "top": f"{y0:g}px",
        "left": f"{x0:g}px",
        "width": f"{x1 - x0:g}px",
        "height": f"{y1 - y0:g}px",
        "display": "inline-block" if shown else "none",
        "pointerEvents": "auto" if targetable else "none",
        "--Dash-Tooltip-PointerEvents": "auto" if targetable else "none",
        "--Dash-Tooltip-Border-Color": border,
        "--Dash-Tooltip-Background-Color": background,
        "--Dash-Tooltip-ZIndex": zindex,
    }
    class_name = "hover-content" + (f" {props['className']}" if props.get("className") else "")
    content = element("span", {"id": props.get("id"), "className": class_name}, style=props.get("style"))
    if loading:
        loading_text = props.get("loading_text")
        content.children = [element("span", {}, ["Loading..." if loading_text is None else loading_text])]
    else:
        content.children = ctx.children(props.get("children"), path + ("props", "children"))
    hover = element(
        "div",
        {"className": f"hover hover-{direction}", "data-dash-is-loading": loading},
        [content],
    )
    root = element("div", {"className": "dcc-tooltip-bounding-box dash-tooltip"}, [hover], style=outer_style)
    return root


def on_loading(view: DomView, node: VNode) -> None:
    props = node.component or {}
    state = view.state.setdefault(state_key(props, node.path or ()), {})
    loading = node.path in view.loading
    if bool(state.get("loading")) != loading:
        state["loading"] = loading
        if node.path is not None:
            view.refresh(node.path)


register_rules(DCC_NAMESPACE, "Tooltip", render, on_loading=on_loading)
