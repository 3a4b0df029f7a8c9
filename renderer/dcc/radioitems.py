"""``dcc.RadioItems``: radio buttons; ``value`` is the chosen option's value (Dash semantics)."""

from __future__ import annotations

from typing import Any

from .._wire import Path
from ..component import make_component_class
from ..events import EventContext
from ..vdom import DCC_NAMESPACE, RenderContext, VNode, register_rules
from ._options import changed_option, option_list_props, render_option_list, same_value

__all__ = ["RadioItems", "PROPS"]

#: Dash's dcc.RadioItems props.
PROPS: dict[str, str] = option_list_props("RadioItems", "the chosen value")

RadioItems = make_component_class(
    "RadioItems", DCC_NAMESPACE, PROPS, doc="A set of radio buttons.", positional=("options", "value", "inline"), module=__name__
)


def render(ctx: RenderContext, props: dict[str, Any], path: Path) -> VNode:
    value = props.get("value")
    selected = [] if value is None else [value]
    return render_option_list(ctx, props, path, input_type="radio", selected=selected, base_class="dash-radioitems")


def on_event(ctx: EventContext) -> dict[str, Any] | None:
    option = changed_option(ctx)
    if option is None:
        return None
    chosen = option.get("value")
    current = ctx.props.get("value")
    if current is not None and same_value(current, chosen) and type(current) is type(chosen):
        return None
    return {"value": chosen}


register_rules(DCC_NAMESPACE, "RadioItems", render, on_event)
