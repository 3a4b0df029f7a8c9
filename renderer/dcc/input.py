"""``dcc.Input``: a text, number, password... ``<input>`` whose ``value`` follows what the user types.

Semantics follow Dash's dcc Input:

* ``value`` is set on every keystroke; with ``debounce=True`` only on Enter or blur; with a number
  ``debounce=s`` once the user has stopped typing for ``s`` seconds (scheduled on the Clock).
* ``type="number"`` gives numbers (int when integral); an empty or invalid entry gives None.
* Enter bumps ``n_submit`` (+ ``n_submit_timestamp``), leaving the field bumps ``n_blur``
  (+ ``n_blur_timestamp``), timestamps in ms since the epoch.
"""

from __future__ import annotations

from typing import Any

from ..component import make_component_class
from ..events import EventContext, count_up, number_or_none
from ..vdom import DCC_NAMESPACE, RenderContext, VNode, css_dict, html_attrs, register_rules
from .._wire import Path
from ._persistence import persistence_props

__all__ = ["Input", "PROPS"]

#: Dash's dcc.Input props (name -> what it does here).
PROPS: dict[str, str] = {
    "id": "element id (dict ids are stringified)",
    "value": "the field's value: str, or a number / None for type='number'",
    "type": "text (default), number, password, email, range, search, tel, url, hidden",
    "debounce": "False: every keystroke; True: on Enter or blur; a number: seconds after typing stops",
    "placeholder": "attribute",
    "n_submit": "number of times Enter was pressed",
    "n_submit_timestamp": "ms epoch of the last Enter",
    "n_blur": "number of times the field lost focus",
    "n_blur_timestamp": "ms epoch of the last blur",
    "inputMode": "attribute inputmode",
    "autoComplete": "attribute autocomplete (default 'off')",
    "readOnly": "boolean attribute",
    "required": "boolean attribute",
    "autoFocus": "boolean attribute",
    "disabled": "boolean attribute (True, 'disabled' or 'DISABLED')",
    "list": "attribute (id of a datalist)",
    "multiple": "boolean attribute",
    "spellCheck": "attribute spellcheck ('true'/'false')",
    "name": "attribute",
    "min": "attribute",
    "max": "attribute",
    "step": "attribute (default 'any' so decimals are valid)",
    "minLength": "attribute",
    "maxLength": "attribute",
    "pattern": "attribute",
    "size": "attribute",
    "selectionStart": "accepted, not synchronised yet",
    "selectionEnd": "accepted, not synchronised yet",
    "selectionDirection": "accepted, not synchronised yet",
    "className": "class attribute",
    "style": "inline style dict",
    "accessKey": "attribute",
    "tabIndex": "attribute",
    "title": "attribute",
    "hidden": "boolean attribute",
    "dir": "attribute",
    "lang": "attribute",
    "draggable": "attribute",
    "contentEditable": "attribute",
    "contextMenu": "attribute",
    "key": "diff key",
    "loading_state": "Dash bookkeeping, not rendered",
    **persistence_props("Input"),
}

Input = make_component_class(
    "Input",
    DCC_NAMESPACE,
    PROPS,
    doc="A basic HTML input control for entering text, numbers, or passwords.",
    positional=("value", "type"), module=__name__,
)

#: Props that become attributes of the <input> as they are.
_ATTR_PROPS = (
    "id", "placeholder", "inputMode", "autoComplete", "readOnly", "required", "autoFocus", "list",
    "multiple", "spellCheck", "name", "min", "max", "step", "minLength", "maxLength", "pattern",
    "size", "className", "accessKey", "tabIndex", "title", "hidden", "dir", "lang", "draggable",
    "contentEditable", "contextMenu",
)


def is_disabled(value: Any) -> bool:
    return value in (True, "disabled", "DISABLED")


def value_text(value: Any) -> str:
    """The DOM text for a prop value (numbers as JS would print them, None as empty)."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e21:
            return str(int(value))
        return repr(value)
    return str(value)


def render(ctx: RenderContext, props: dict[str, Any], path: Path) -> VNode:
    input_type = props.get("type") or "text"
    chosen = {name: props[name] for name in _ATTR_PROPS if props.get(name) is not None}
    chosen["type"] = input_type
    chosen.setdefault("autoComplete", "off")
    if input_type == "number":
        chosen.setdefault("step", "any")
    chosen["disabled"] = is_disabled(props.get("disabled"))
    node = VNode("input", html_attrs(chosen), css_dict(props.get("style")))
    node.props["value"] = value_text(props.get("value"))
    return node


def value_change(ctx: EventContext) -> dict[str, Any] | None:
    """The ``value`` change the DOM's current text means, or None when the store already has it."""
    current = ctx.props.get("value")
    if (ctx.props.get("type") or "text") == "number":
        number = number_or_none(ctx.value, ctx.event.get("valid", True))
        if number == current and (number is None) == (current is None):
            return None
        return {"value": number}
    text = ctx.value
    if not isinstance(text, str):
        return None
    if text == "" and current is None:
        return None
    if text == current:
        return None
    return {"value": text}


def on_event(ctx: EventContext) -> dict[str, Any] | None:
    debounce = ctx.props.get("debounce", False)
    kind = ctx.type
    if kind == "input":
        if debounce is True:
            return None
        if isinstance(debounce, (int, float)) and not isinstance(debounce, bool) and debounce > 0:
            pending = value_change(ctx)
            if pending is not None:
                ctx.later("value", float(debounce), pending)
            return None
        return value_change(ctx)
    if kind == "keydown" and ctx.event.get("key") == "Enter":
        changes = count_up(ctx.props, "n_submit", ctx.timestamp)
        if debounce is True:
            changes.update(value_change(ctx) or {})
        return changes
    if kind == "focusout":
        changes = count_up(ctx.props, "n_blur", ctx.timestamp)
        if debounce is True:
            changes.update(value_change(ctx) or {})
        return changes
    return None


register_rules(DCC_NAMESPACE, "Input", render, on_event)
