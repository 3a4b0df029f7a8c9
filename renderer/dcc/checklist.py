"""``dcc.Checklist``: checkboxes; ``value`` is the list of checked option values (Dash semantics)."""

from __future__ import annotations

from typing import Any

from .._wire import Path
from ..component import make_component_class
from ..events import EventContext
from ..vdom import DCC_NAMESPACE, RenderContext, VNode, register_rules
from ._options import changed_option, option_list_props, render_option_list, same_value

__all__ = ["Checklist", "PROPS"]

#: Dash's dcc.Checklist props.
PROPS: dict[str, str] = option_list_props("Checklist", "list of checked values (toggled ones are appended / removed)")

Checklist = make_component_class(
    "Checklist", DCC_NAMESPACE, PROPS, doc="A list of checkboxes.", positional=("options", "value", "inline"), module=__name__
)


def render(ctx: RenderContext, props: dict[str, Any], path: Path) -> VNode:
    value = props.get("value")
    selected = value if isinstance(value, list) else []
    return render_option_list(ctx, props, path, input_type="checkbox", selected=selected, base_class="dash-checklist")


def on_event(ctx: EventContext) -> dict[str, Any] | None:
    option = changed_option(ctx)
    if option is None:
        return None
    current = ctx.props.get("value")
    values = list(current) if isinstance(current, list) else []
    chosen = option.get("value")
    present = any(same_value(v, chosen) for v in values)
    checked = ctx.event.get("checked")
    if checked is None:
        checked = not present
    if checked and not present:
        return {"value": values + [chosen]}
    if not checked and present:
        return {"value": [v for v in values if not same_value(v, chosen)]}
    return None


register_rules(DCC_NAMESPACE, "Checklist", render, on_event)
