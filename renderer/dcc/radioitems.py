"""``dcc.RadioItems``: radio buttons; ``value`` is the chosen option's value (Dash semantics)."""

from __future__ import annotations

from typing import Any

from .._wire import Path
from ..component import make_component_class
from ..events import EventContext
from ..vdom import DCC_NAMESPACE, RenderContext, VNode, register_rules
from ._options import option_at, render_option_list, same_value

__all__ = ["RadioItems", "PROPS"]

#: Dash's dcc.RadioItems props.
PROPS: dict[str, str] = {
    "id": "element id of the wrapping div; also the radios' name",
    "options": "list of values, {value: label} dict, or list of {label, value, disabled?, title?}",
    "value": "the chosen value",
    "inline": "lay options out on one line",
    "className": "class of the wrapping div",
    "style": "style of the wrapping div",
    "inputStyle": "style of each radio",
    "inputClassName": "class of each radio",
    "labelStyle": "style of each label",
    "labelClassName": "class of each label",
    "key": "diff key",
    "loading_state": "Dash bookkeeping",
    "persistence": "truthy: the user's edits survive reloads (see dcc._persistence)",
    "persisted_props": "props that persist (default ['value'])",
    "persistence_type": "'local' (default), 'session' or 'memory'",
}

RadioItems = make_component_class(
    "RadioItems", DCC_NAMESPACE, PROPS, doc="A set of radio buttons.", positional=("options", "value", "inline"), module=__name__
)


def render(ctx: RenderContext, props: dict[str, Any], path: Path) -> VNode:
    value = props.get("value")
    selected = [] if value is None else [value]
    return render_option_list(ctx, props, path, input_type="radio", selected=selected, base_class="dash-radioitems")


def on_event(ctx: EventContext) -> dict[str, Any] | None:
    if ctx.type != "change" or ctx.node is None:
        return None
    option = option_at(ctx.props, ctx.node.data)
    if option is None or option.get("disabled"):
        return None
    chosen = option.get("value")
    current = ctx.props.get("value")
    if current is not None and same_value(current, chosen) and type(current) is type(chosen):
        return None
    return {"value": chosen}


register_rules(DCC_NAMESPACE, "RadioItems", render, on_event)
