"""``dcc.Slider`` and ``dcc.RangeSlider`` drawn with native ``<input type="range">`` handles.

Native range inputs give dragging, keyboard steps and accessibility for free; a RangeSlider overlays
one input per handle. ``drag_value`` follows the handle while it moves; ``value`` is set when the
user lets go (``updatemode="mouseup"``, the default) or while dragging (``updatemode="drag"``).
``step=None`` snaps to the marks, as in Dash. A handle dragged past its neighbour is held back
(``allowCross=False``, ``pushable``) and the page is corrected.
"""

from __future__ import annotations

from typing import Any

from .._wire import Path
from ..component import make_component_class
from ..events import EventContext, number_or_none
from ..vdom import DCC_NAMESPACE, RenderContext, VNode, css_dict, element, html_attrs, register_rules, text
from ._persistence import persistence_props

__all__ = ["Slider", "RangeSlider", "SLIDER_PROPS", "RANGE_SLIDER_PROPS"]

_COMMON: dict[str, str] = {
    "id": "element id of the wrapping div",
    "min": "lowest value (default: the lowest mark, else 0)",
    "max": "highest value (default: the highest mark, else 1)",
    "step": "step between values (default 1); None snaps to the marks",
    "marks": "{value: label} or {value: {label, style}}; None shows min and max",
    "disabled": "no interaction",
    "dots": "accepted (marks are always drawn as ticks)",
    "included": "accepted (the track before the handle is always highlighted)",
    "reverse": "accepted; not implemented yet",
    "tooltip": "{always_visible: bool, placement: ...}: shows the value next to the slider",
    "updatemode": "'mouseup' (default): value on release; 'drag': value while dragging",
    "vertical": "draw vertically",
    "verticalHeight": "height in px when vertical (default 400)",
    "allow_direct_input": "accepted; not implemented yet",
    "className": "class of the wrapping div",
    "key": "diff key",
    "loading_state": "Dash bookkeeping",
    **persistence_props("Slider"),
}

#: Dash's dcc.Slider props.
SLIDER_PROPS: dict[str, str] = {
    **_COMMON,
    "value": "the chosen number",
    "drag_value": "the number under the handle while dragging",
}

#: Dash's dcc.RangeSlider props.
RANGE_SLIDER_PROPS: dict[str, str] = {
    **_COMMON,
    "value": "list of the handles' numbers, ascending",
    "drag_value": "the handles' numbers while dragging",
    "allowCross": "let handles pass each other (default False)",
    "pushable": "minimum distance between handles (number), or True for one step",
    "count": "accepted (the number of handles is len(value))",
}

Slider = make_component_class("Slider", DCC_NAMESPACE, SLIDER_PROPS, doc="A slider with one handle.", positional=("min", "max", "step", "marks", "value"), module=__name__)
RangeSlider = make_component_class(
    "RangeSlider", DCC_NAMESPACE, RANGE_SLIDER_PROPS, doc="A slider with several handles.", positional=("min", "max", "step", "marks", "value"), module=__name__
)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value))
    except ValueError:
        return None


def _marks(props: dict[str, Any]) -> list[tuple[float, Any]]:
    marks = props.get("marks")
    if not isinstance(marks, dict):
        return []
    out = []
    for key, label in marks.items():
        number = _number(key)
        if number is not None:
            out.append((number, label))
    return sorted(out, key=lambda m: m[0])


def bounds(props: dict[str, Any]) -> tuple[float, float]:
    marks = _marks(props)
    low = _number(props.get("min"))
    high = _number(props.get("max"))
    if low is None:
        low = marks[0][0] if marks else 0.0
    if high is None:
        high = marks[-1][0] if marks else 1.0  # Dash's defaults without marks: 0 and 1
    return low, high


def _shown(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else repr(float(number))


def _clean(number: float) -> int | float:
    return int(number) if float(number).is_integer() else number


def _is_range(props_type: str) -> bool:
    return props_type == "RangeSlider"


def _values(props: dict[str, Any], is_range: bool) -> list[float]:
    low, high = bounds(props)
    value = props.get("value")
    if is_range:
        if isinstance(value, list) and value:
            return [min(max(_number(v) or low, low), high) for v in value]
        return [low, high]
    number = _number(value)
    return [low if number is None else min(max(number, low), high)]


def render(ctx: RenderContext, props: dict[str, Any], path: Path) -> VNode:
    is_range = _is_range(ctx.current_type)
    low, high = bounds(props)
    span = (high - low) or 1.0
    step = props.get("step", 1)
    step_text = "any" if step is None else _shown(_number(step) or 1)
    disabled = bool(props.get("disabled"))
    vertical = bool(props.get("vertical"))
    base = "dash-rangeslider" if is_range else "dash-slider"
    classes = " ".join(c for c in ("dash-slider-container", base, "is-vertical" if vertical else "",
                                   "is-disabled" if disabled else "", props.get("className") or "") if c)
    root = VNode("div", html_attrs({"id": props.get("id"), "className": classes}))
    if vertical:
        height = props.get("verticalHeight") or 400
        root.style = css_dict({"height": height})
    values = _values(props, is_range)
    track = element("div", {"className": "dash-slider-track"})
    lowest, highest = min(values), max(values)
    fill_from = lowest if is_range else low
    fill = element(
        "div",
        {"className": "dash-slider-fill"},
        style={
            ("bottom" if vertical else "left"): f"{(fill_from - low) / span * 100:g}%",
            ("height" if vertical else "width"): f"{(highest - fill_from) / span * 100:g}%",
        },
    )
    track.children.append(fill)
    for handle, number in enumerate(values):
        track.children.append(
            element(
                "input",
                {
                    "type": "range",
                    "className": "dash-slider-handle",
                    "min": _shown(low),
                    "max": _shown(high),
                    "step": step_text,
                    "disabled": disabled,
                    "aria-label": f"handle {handle + 1}" if is_range else None,
                    "aria-orientation": "vertical" if vertical else None,
                },
                props={"value": _shown(number)},
                data=("handle", handle),
            )
        )
    root.children.append(track)
    marks = _marks(props) or [(low, _shown(low)), (high, _shown(high))]
    mark_row = element("div", {"className": "dash-slider-marks"})
    for number, label in marks:
        style: dict[str, Any] = {}
        if isinstance(label, dict):
            style.update(label.get("style") or {})
            label = label.get("label", "")
        style["bottom" if vertical else "left"] = f"{(number - low) / span * 100:g}%"
        is_active = lowest <= number <= highest if is_range else number <= values[0]
        mark_row.children.append(
            element("span", {"className": "dash-slider-mark" + (" is-active" if is_active else "")},
                    [text(label)], style=style)
        )
    root.children.append(mark_row)
    tooltip = props.get("tooltip")
    if isinstance(tooltip, dict) and tooltip.get("always_visible"):
        root.children.append(
            element("div", {"className": "dash-slider-tooltip"}, [" \u2013 ".join(_shown(v) for v in values)])
        )
    return root


def _snap(props: dict[str, Any], number: float) -> float:
    """Clamp to [min, max]; with ``step=None`` snap to the nearest mark."""
    low, high = bounds(props)
    number = min(max(number, low), high)
    if props.get("step", 1) is None:
        marks = [m for m, _ in _marks(props)]
        if marks:
            number = min(marks, key=lambda m: abs(m - number))
    return number


def _held_back(props: dict[str, Any], values: list[float], handle: int, number: float) -> float:
    """Keep handle ``handle`` from crossing (or coming closer than ``pushable`` to) its neighbours."""
    if props.get("allowCross") is True and not props.get("pushable"):
        return number
    pushable = props.get("pushable")
    gap = 0.0
    if pushable is True:
        gap = _number(props.get("step")) or 1.0
    elif isinstance(pushable, (int, float)):
        gap = float(pushable)
    if handle > 0:
        number = max(number, values[handle - 1] + gap)
    if handle < len(values) - 1:
        number = min(number, values[handle + 1] - gap)
    return number


def on_event(ctx: EventContext) -> dict[str, Any] | None:
    props = ctx.props
    if props.get("disabled") or ctx.node is None or ctx.type not in ("input", "change"):
        return None
    data = ctx.node.data
    if not (isinstance(data, tuple) and data[0] == "handle"):
        return None
    handle = data[1]
    reported = number_or_none(ctx.value)
    if reported is None:
        return None
    is_range = ctx.view.by_path[ctx.path].type == "RangeSlider" if ctx.path in ctx.view.by_path else False
    number = _snap(props, float(reported))
    if is_range:
        values = _values(props, True)
        if not 0 <= handle < len(values):
            return None
        number = _held_back(props, values, handle, number)
        values[handle] = number
        result: Any = [_clean(v) for v in values]
    else:
        result = _clean(number)
    if number != float(reported) and ctx.type == "change":
        # Corrected on release only: writing the input's value mid-drag ends the browser's drag, so
        # a step=None handle whose first move snaps back to its mark could never leave it.
        ctx.rewrite_dom()  # the page shows where the user let go, not where the handle may be
    changes: dict[str, Any] = {}
    if props.get("drag_value") != result:
        changes["drag_value"] = result
    if (ctx.type == "change" or props.get("updatemode") == "drag") and props.get("value") != result:
        changes["value"] = result
    return changes or None


register_rules(DCC_NAMESPACE, "Slider", render, on_event)
register_rules(DCC_NAMESPACE, "RangeSlider", render, on_event)
