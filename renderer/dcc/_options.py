"""Shared by Checklist, RadioItems and Dropdown: Dash's ``options`` shapes and option labels."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._wire import Path
from ..vdom import RenderContext, VNode, is_component, text
from ._persistence import persistence_props

if TYPE_CHECKING:
    from ..events import EventContext

__all__ = [
    "Option", "sanitize_options", "render_label", "option_value_text", "label_text", "option_list_props",
    "changed_option",
]

#: One option as Dash normalises it: ``{"label", "value", "disabled"?, "title"?, "search"?}``.
Option = dict[str, Any]


def sanitize_options(options: Any) -> list[Option]:
    """Dash's three ``options`` spellings -> a list of ``{"label", "value", ...}`` dicts.

    A list of plain values (``["a", 1]``), a dict ``{value: label}``, or a list of option dicts.
    """
    if isinstance(options, dict):
        return [{"label": label, "value": value} for value, label in options.items()]
    if not isinstance(options, (list, tuple)):
        return []
    out: list[Option] = []
    for option in options:
        if isinstance(option, dict):
            out.append(option)
        elif isinstance(option, (str, int, float, bool)):
            out.append({"label": option_value_text(option), "value": option})
    return out


def option_value_text(value: Any) -> str:
    """An option value as the DOM shows it (JS ``String(value)``)."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def render_label(ctx: RenderContext, option: Option, path: Path, index: int) -> list[VNode]:
    """An option's label: text, or component(s) rendered at ``options[index].label``."""
    label = option.get("label")
    if label is None:
        return [text(option_value_text(option.get("value")))]
    label_path = path + ("props", "options", index, "label")
    if is_component(label) or isinstance(label, list):
        return ctx.children(label, label_path)
    return [text(label)]


def label_text(option: Option) -> str:
    """Plain text of a label, for searching (a component label uses its ``search`` or value)."""
    if isinstance(option.get("search"), str):
        return option["search"]
    label = option.get("label")
    if isinstance(label, (str, int, float)) and not isinstance(label, bool):
        return option_value_text(label)
    return option_value_text(option.get("value"))


def same_value(a: Any, b: Any) -> bool:
    """Dash compares option values with JS equality of JSON values: 1 == 1.0, True != 1."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return bool(a == b)


def contains(values: Any, value: Any) -> bool:
    return isinstance(values, list) and any(same_value(v, value) for v in values)


def render_option_list(
    ctx: RenderContext, props: dict[str, Any], path: Path, *, input_type: str, selected: list[Any], base_class: str
) -> VNode:
    """Checklist / RadioItems markup: a div of ``<label><input> <span>label</span></label>``.

    Each ``<input>`` carries the option's index as ``VNode.data`` so events know which was hit.
    """
    from ..ids import stringify_id
    from ..vdom import css_dict, element, html_attrs

    inline = bool(props.get("inline"))
    root_class = base_class + (f" {props['className']}" if props.get("className") else "")
    root = VNode("div", html_attrs({"id": props.get("id"), "className": root_class}), css_dict(props.get("style")))
    name = stringify_id(props["id"]) if props.get("id") is not None else None
    label_style = dict(props.get("labelStyle") or {})
    if inline:
        label_style.setdefault("display", "inline-block")
    for index, option in enumerate(sanitize_options(props.get("options"))):
        is_selected = any(same_value(option.get("value"), v) for v in selected)
        label_class = " ".join(
            c for c in ("dash-options-list-option", "selected" if is_selected else "",
                        f"{base_class}-inline" if inline else "", props.get("labelClassName") or "") if c
        )
        box = element(
            "input",
            {
                "type": input_type,
                "name": name,
                "value": option_value_text(option.get("value")),
                "disabled": bool(option.get("disabled")),
                "className": " ".join(c for c in ("dash-options-list-option-checkbox", props.get("inputClassName") or "") if c),
            },
            style=props.get("inputStyle"),
            props={"checked": is_selected},
            data=index,
        )
        caption = element("span", {"className": "dash-options-list-option-text", "title": option.get("title")})
        caption.children = render_label(ctx, option, path, index)
        root.children.append(
            element("label", {"className": label_class}, [box, caption], style=label_style)
        )
    return root


def option_at(props: dict[str, Any], index: Any) -> Option | None:
    """The sanitized option at ``index`` (an event's ``VNode.data``), or None."""
    options = sanitize_options(props.get("options"))
    if isinstance(index, int) and 0 <= index < len(options):
        return options[index]
    return None


def option_list_props(type_name: str, value_doc: str) -> dict[str, str]:
    """Dash's prop table of Checklist and RadioItems, which differ only in what ``value`` holds."""
    return {
        "id": "element id of the wrapping div; also the inputs' name",
        "options": "list of values, {value: label} dict, or list of {label, value, disabled?, title?}",
        "value": value_doc,
        "inline": "lay options out on one line",
        "className": "class of the wrapping div",
        "style": "style of the wrapping div",
        "inputStyle": "style of each input",
        "inputClassName": "class of each input",
        "labelStyle": "style of each label",
        "labelClassName": "class of each label",
        "key": "diff key",
        "loading_state": "Dash bookkeeping",
        **persistence_props(type_name),
    }


def changed_option(ctx: EventContext) -> Option | None:
    """The enabled option whose input a ``change`` event came from, or None."""
    if ctx.type != "change" or ctx.node is None:
        return None
    option = option_at(ctx.props, ctx.node.data)
    if option is None or option.get("disabled"):
        return None
    return option
