"""``dcc.Textarea``: a multi-line text field whose ``value`` follows typing (Dash semantics)."""

from __future__ import annotations

from typing import Any

from .._wire import Path
from ..component import make_component_class
from ..events import EventContext, count_up
from ..vdom import DCC_NAMESPACE, RenderContext, VNode, css_dict, html_attrs, register_rules
from ._persistence import persistence_props

__all__ = ["Textarea", "PROPS"]

#: Dash's dcc.Textarea props (name -> what it does here).
PROPS: dict[str, str] = {
    "id": "element id",
    "value": "the text; set on every keystroke",
    "autoFocus": "boolean attribute",
    "cols": "attribute",
    "disabled": "boolean attribute",
    "form": "attribute",
    "maxLength": "attribute",
    "minLength": "attribute",
    "name": "attribute",
    "placeholder": "attribute",
    "readOnly": "boolean attribute",
    "required": "boolean attribute",
    "rows": "attribute",
    "wrap": "attribute",
    "accessKey": "attribute",
    "className": "class attribute (after 'dash-textarea')",
    "contentEditable": "attribute",
    "contextMenu": "attribute",
    "dir": "attribute",
    "draggable": "attribute",
    "hidden": "boolean attribute",
    "lang": "attribute",
    "spellCheck": "attribute",
    "style": "inline style",
    "tabIndex": "attribute",
    "title": "attribute",
    "n_blur": "times the field lost focus",
    "n_blur_timestamp": "ms epoch of the last blur",
    "n_clicks": "times the field was clicked",
    "n_clicks_timestamp": "ms epoch of the last click",
    "key": "diff key",
    "loading_state": "Dash bookkeeping",
    **persistence_props("Textarea"),
}

Textarea = make_component_class(
    "Textarea", DCC_NAMESPACE, PROPS, doc="A basic HTML textarea for entering multiline text.", positional=("value",), module=__name__
)

_ATTR_PROPS = (
    "id", "cols", "rows", "minLength", "maxLength", "contentEditable", "tabIndex", "form", "name",
    "placeholder", "wrap", "accessKey", "contextMenu", "dir", "draggable", "lang", "spellCheck", "title",
)
_BOOL_PROPS = ("disabled", "readOnly", "required", "autoFocus", "hidden")


def render(ctx: RenderContext, props: dict[str, Any], path: Path) -> VNode:
    chosen: dict[str, Any] = {name: props[name] for name in _ATTR_PROPS if props.get(name) is not None}
    extra = props.get("className")
    chosen["className"] = "dash-textarea" + (f" {extra}" if extra else "")
    for name in _BOOL_PROPS:
        chosen[name] = bool(props.get(name))
    node = VNode("textarea", html_attrs(chosen), css_dict(props.get("style")))
    value = props.get("value")
    node.props["value"] = "" if value is None else str(value)
    return node


def on_event(ctx: EventContext) -> dict[str, Any] | None:
    kind = ctx.type
    if kind == "input":
        text = ctx.value
        if not isinstance(text, str) or text == ctx.props.get("value"):
            return None
        if text == "" and ctx.props.get("value") is None:
            return None
        return {"value": text}
    if kind == "focusout":
        return count_up(ctx.props, "n_blur", ctx.timestamp)
    if kind == "click":
        return count_up(ctx.props, "n_clicks", ctx.timestamp)
    return None


register_rules(DCC_NAMESPACE, "Textarea", render, on_event)
