"""``dcc.Dropdown``: a select box drawn as plain DOM by Python (single or multi, searchable, clearable).

The markup uses Dash 2's (react-select) class names, so apps' CSS and tests that look for
``.Select-control``, ``.Select-menu-outer``, ``.VirtualizedSelectOption``, ``.Select-value-label``,
``.Select-clear`` or ``.Select-input input`` keep working.

Whether the menu is open and which option has keyboard focus is UI state kept by the view
(``RenderContext.state``), not props; changing it re-renders the dropdown with ``ctx.refresh()``.
Props changed by the user: ``value`` and ``search_value``.
"""

from __future__ import annotations

from typing import Any

from .._wire import Path
from ..component import make_component_class
from ..events import EventContext
from ..vdom import DCC_NAMESPACE, RenderContext, VNode, css_dict, element, html_attrs, register_rules
from ._options import Option, contains, label_text, render_label, same_value, sanitize_options
from ._persistence import persistence_props

__all__ = ["Dropdown", "PROPS"]

#: Dash's dcc.Dropdown props.
PROPS: dict[str, str] = {
    "id": "element id of the wrapping div",
    "options": "list of values, {value: label} dict, or list of {label, value, disabled?, title?, search?}",
    "value": "the chosen value (multi: list of values); None when nothing is chosen",
    "multi": "allow several values",
    "clearable": "show a clear button when something is chosen (default True)",
    "searchable": "type to filter the options (default True)",
    "search_value": "the text typed in the search box",
    "placeholder": "text shown when nothing is chosen (default 'Select...')",
    "disabled": "no interaction",
    "closeOnSelect": "close the menu after choosing (default True)",
    "optionHeight": "accepted (options size to their content)",
    "maxHeight": "maximum height of the menu in px (default 200)",
    "className": "class of the wrapping div",
    "style": "style of the wrapping div",
    "labels": "accepted; texts of the newer Dash dropdown",
    "debounce": "accepted; search_value is set on every keystroke",
    "search_order": "accepted; options keep their order",
    "key": "diff key",
    "loading_state": "Dash bookkeeping",
    **persistence_props("Dropdown"),
}

Dropdown = make_component_class(
    "Dropdown", DCC_NAMESPACE, PROPS, doc="A select box: single or multi, searchable, clearable.", positional=("options", "value", "multi"), module=__name__
)


#: Most options drawn at once (the menu shows about six; the rest are reached by typing or keys).
MAX_RENDERED = 100


def _selected(props: dict[str, Any]) -> list[Any]:
    value = props.get("value")
    if props.get("multi"):
        if isinstance(value, list):
            return value
        return [] if value is None else [value]
    return [] if value is None else [value]


def visible_options(props: dict[str, Any]) -> list[tuple[int, Option]]:
    """(index in options, option) pairs the menu shows: matching the search, not yet chosen (multi)."""
    search = props.get("search_value") or ""
    needle = search.strip().lower() if isinstance(search, str) else ""
    chosen = _selected(props) if props.get("multi") else []
    out = []
    for index, option in enumerate(sanitize_options(props.get("options"))):
        if chosen and contains(chosen, option.get("value")):
            continue
        if needle and needle not in label_text(option).lower():
            continue
        out.append((index, option))
    return out


def _flag(props: dict[str, Any], name: str, default: bool) -> bool:
    value = props.get(name)
    return default if value is None else bool(value)


def render(ctx: RenderContext, props: dict[str, Any], path: Path) -> VNode:
    state = ctx.state(props, path)
    multi = bool(props.get("multi"))
    disabled = bool(props.get("disabled"))
    searchable = _flag(props, "searchable", True)
    clearable = _flag(props, "clearable", True)
    is_open = bool(state.get("open")) and not disabled
    options = sanitize_options(props.get("options"))
    chosen = _selected(props)
    chosen_options = [
        (i, o) for v in chosen for i, o in enumerate(options) if same_value(o.get("value"), v)
    ][: len(chosen) if multi else 1]

    root_class = "dash-dropdown" + (f" {props['className']}" if props.get("className") else "")
    root = VNode("div", html_attrs({"id": props.get("id"), "className": root_class}), css_dict(props.get("style")))
    select_class = " ".join(
        c
        for c in (
            "Select",
            "Select--multi" if multi else "Select--single",
            "is-open" if is_open else "",
            "is-focused" if state.get("focused") else "",
            "is-disabled" if disabled else "",
            "is-searchable" if searchable else "",
            "has-value" if chosen else "",
            "is-clearable" if clearable else "",
        )
        if c
    )
    # loader.js focuses the search box on any press inside (see data-wasmdash-focus there)
    select = element(
        "div", {"className": select_class, "data-wasmdash-focus": ".Select-input-field" if searchable else None}
    )
    control = element(
        "div",
        {"className": "Select-control", "tabIndex": None if searchable or disabled else 0},
        data=("control",),
    )
    values = element("span", {"className": "Select-multi-value-wrapper"})
    search = props.get("search_value") or ""
    if multi:
        for position, (index, option) in enumerate(chosen_options):
            values.children.append(
                element(
                    "div",
                    {"className": "Select-value"},
                    key=f"value-{index}",
                    children=[
                        element("span", {"className": "Select-value-icon", "aria-hidden": True}, ["\u00d7"],
                                data=("remove", position)),
                        _label_span(ctx, option, path, index, "Select-value-label"),
                    ],
                )
            )
    elif chosen_options and not search:
        index, option = chosen_options[0]
        values.children.append(
            element("div", {"className": "Select-value"}, [_label_span(ctx, option, path, index, "Select-value-label")],
                    key="value")
        )
    if not chosen_options and not search:
        placeholder = props.get("placeholder")
        values.children.append(
            element("div", {"className": "Select-placeholder"}, ["Select..." if placeholder is None else placeholder],
                    key="placeholder")
        )
    if searchable:
        box = element(
            "input",
            {
                "className": "Select-input-field",
                "autoComplete": "off",
                "role": "combobox",
                "aria-expanded": is_open,
                "disabled": disabled,
                "type": "text",
            },
            props={"value": search if isinstance(search, str) else ""},
            data=("search",),
        )
        # keyed, so the search box is kept (and keeps focus) while the pieces around it come and go
        values.children.append(element("div", {"className": "Select-input"}, [box], key="search"))
    control.children.append(values)
    if clearable and chosen and not disabled:
        control.children.append(
            element("span", {"className": "Select-clear-zone", "title": "Clear value", "aria-label": "Clear value"},
                    [element("span", {"className": "Select-clear"}, ["\u00d7"])], data=("clear",), key="clear")
        )
    control.children.append(
        element("span", {"className": "Select-arrow-zone"}, [element("span", {"className": "Select-arrow"})],
                data=("arrow",), key="arrow")
    )
    select.children.append(control)
    if is_open:
        select.children.append(_menu(ctx, props, path, state))
    root.children.append(select)
    return root


def _label_span(ctx: RenderContext, option: Option, path: Path, index: int, class_name: str) -> VNode:
    span = element("span", {"className": class_name, "title": option.get("title")})
    span.children = render_label(ctx, option, path, index)
    return span


def _menu(ctx: RenderContext, props: dict[str, Any], path: Path, state: dict[str, Any]) -> VNode:
    shown = visible_options(props)
    focus = state.get("focus", 0)
    max_height = props.get("maxHeight")
    menu = element(
        "div",
        {"className": "Select-menu", "role": "listbox"},
        style={"maxHeight": max_height if isinstance(max_height, (int, float)) else 200, "overflowY": "auto"},
    )
    chosen = _selected(props)
    # Like Dash's virtualized menu, only a window of options becomes DOM: building thousands of
    # nodes in Python on every keystroke would make typing lag. The window follows the keyboard.
    start = 0 if focus < MAX_RENDERED else focus - MAX_RENDERED + 1
    window = shown[start:start + MAX_RENDERED]
    for position, (index, option) in enumerate(window, start=start):
        classes = " ".join(
            c
            for c in (
                "VirtualizedSelectOption",
                "VirtualizedSelectFocusedOption" if position == focus else "",
                "is-selected" if contains(chosen, option.get("value")) else "",
                "is-disabled" if option.get("disabled") else "",
            )
            if c
        )
        item = element(
            "div", {"className": classes, "role": "option", "tabIndex": -1}, data=("option", index), key=f"option-{index}"
        )
        item.children = render_label(ctx, option, path, index)
        menu.children.append(item)
    hidden = len(shown) - len(window)
    if hidden > 0:
        menu.children.append(
            element("div", {"className": "Select-more"}, [f"{hidden} more - type to narrow down"], key="more")
        )
    if not shown:
        menu.children.append(element("div", {"className": "Select-noresults"}, ["No results found"]))
    return element("div", {"className": "Select-menu-outer"}, [menu], key="menu")


# -- events --------------------------------------------------------------------------------------


def _reveal_focused(ctx: EventContext) -> None:
    """Scroll the keyboard-focused option into the menu's view."""
    root = ctx.view.by_path.get(ctx.path)
    if root is None:
        return
    for node in root.walk():
        if "VirtualizedSelectFocusedOption" in node.attrs.get("class", "").split():
            ctx.view.call("reveal", node.ref)
            return


def _focus_search(ctx: EventContext) -> None:
    """Keep typing in the dropdown: focus its search box (react-select does the same)."""
    root = ctx.view.by_path.get(ctx.path)
    if root is None:
        return
    for node in root.walk():
        if node.data == ("search",):
            ctx.view.call("focus", node.ref)
            return


def _choose(ctx: EventContext, index: int) -> dict[str, Any] | None:
    props = ctx.props
    options = sanitize_options(props.get("options"))
    if not 0 <= index < len(options) or options[index].get("disabled"):
        return None
    value = options[index].get("value")
    changes: dict[str, Any] = {}
    if props.get("multi"):
        current = _selected(props)
        if not contains(current, value):
            changes["value"] = list(current) + [value]
    elif not (props.get("value") is not None and same_value(props.get("value"), value)):
        changes["value"] = value
    if props.get("search_value"):
        changes["search_value"] = ""
        ctx.rewrite_dom()  # the search box still shows what was typed: empty it
    state = ctx.state
    state["focus"] = 0
    if _flag(props, "closeOnSelect", True):
        state["open"] = False
    ctx.refresh()
    _focus_search(ctx)
    return changes or None


def _cleared(props: dict[str, Any]) -> dict[str, Any] | None:
    empty: Any = [] if props.get("multi") else None
    if props.get("value") == empty or (empty is None and props.get("value") is None):
        return None
    return {"value": empty}


def on_event(ctx: EventContext) -> dict[str, Any] | None:
    props = ctx.props
    if props.get("disabled"):
        return None
    state = ctx.state
    kind = ctx.type
    data = ctx.node.data if ctx.node is not None else None
    what = data[0] if isinstance(data, tuple) else None

    if kind == "click":
        if what == "option":
            return _choose(ctx, data[1])
        if what == "clear":
            state["open"] = False
            ctx.refresh()
            return _cleared(props)
        if what == "remove":
            current = _selected(props)
            position = data[1]
            ctx.refresh()
            if 0 <= position < len(current):
                return {"value": current[:position] + current[position + 1:]}
            return None
        if what == "search":
            if not state.get("open"):
                state["open"] = True
                state["focus"] = 0
                ctx.refresh()
            return None
        if what in ("control", "arrow"):
            state["open"] = not state.get("open")
            state["focus"] = 0
            state["focused"] = True
            ctx.refresh()
            _focus_search(ctx)
        return None

    if kind == "input" and what == "search":
        text = ctx.value if isinstance(ctx.value, str) else ""
        state["open"] = True
        state["focus"] = 0
        ctx.refresh()
        if text == (props.get("search_value") or ""):
            return None
        return {"search_value": text}

    if kind == "keydown":
        key = ctx.event.get("key")
        shown = visible_options(props)
        if key in ("ArrowDown", "ArrowUp"):
            if not state.get("open"):
                state["open"] = True
                state["focus"] = 0
            elif shown:
                step = 1 if key == "ArrowDown" else -1
                state["focus"] = (state.get("focus", 0) + step) % len(shown)
            ctx.refresh()
            ctx.after(lambda: _reveal_focused(ctx))
            return None
        if key == "Enter":
            if state.get("open") and shown:
                focus = min(state.get("focus", 0), len(shown) - 1)
                return _choose(ctx, shown[focus][0])
            return None
        if key == "Escape":
            state["open"] = False
            ctx.refresh()
            return None
        if key == "Backspace" and props.get("multi") and not (ctx.value or props.get("search_value")):
            current = _selected(props)
            if current:
                ctx.refresh()
                return {"value": current[:-1]}
        return None

    if kind == "focusout":
        inside = ctx.event.get("related") or []
        root = ctx.view.by_path.get(ctx.path)
        if root is not None and root.ref in inside:
            return None  # focus moved within the dropdown (onto an option)
        if state.get("open") or state.get("focused"):
            state["open"] = False
            state["focused"] = False
            ctx.refresh()
        return None
    return None


register_rules(DCC_NAMESPACE, "Dropdown", render, on_event)
