"""``dcc.Tabs`` and ``dcc.Tab``: a row of tab headers and the chosen tab's content.

Markup and class names follow Dash (``tab-parent`` > ``tab-container`` (id) > ``tab`` /
``tab--selected`` / ``tab--disabled``, then ``tab-content``). Tabs reads its ``Tab`` children's
props directly (labels, values, styles); the chosen tab's ``children`` render at the Tab's own
layout path, so callbacks targeting them update in place. Without ``value`` the first tab is chosen
and ``value`` is set to it after mount, as Dash does.
"""

from __future__ import annotations

from typing import Any

from .._wire import Path
from ..component import make_component_class
from ..events import EventContext
from ..vdom import DCC_NAMESPACE, RenderContext, VNode, css_dict, element, html_attrs, is_component, register_rules
from ..view import DomView
from ._persistence import persistence_props

__all__ = ["Tabs", "Tab", "TABS_PROPS", "TAB_PROPS"]

#: Dash's dcc.Tabs props.
TABS_PROPS: dict[str, str] = {
    "id": "id of the tab-container (the wrapper gets '<id>-parent')",
    "value": "value of the chosen tab (default: the first tab's)",
    "children": "dcc.Tab components",
    "className": "class of the tab-container",
    "style": "style of the tab-container",
    "content_className": "class of the content",
    "content_style": "style of the content",
    "parent_className": "class of the wrapper",
    "parent_style": "style of the wrapper",
    "vertical": "headers in a column on the left",
    "mobile_breakpoint": "accepted (headers stack on narrow screens by CSS)",
    "colors": "{border, primary, background} (CSS variables)",
    "key": "diff key",
    "loading_state": "Dash bookkeeping",
    **persistence_props("Tabs"),
}

#: Dash's dcc.Tab props.
TAB_PROPS: dict[str, str] = {
    "id": "id of the tab header",
    "label": "header text or component",
    "children": "content shown when chosen",
    "value": "what Tabs.value becomes when chosen (default 'tab-<n>')",
    "disabled": "cannot be chosen",
    "disabled_style": "header style when disabled",
    "disabled_className": "header class when disabled",
    "className": "header class",
    "selected_className": "header class when chosen",
    "style": "header style",
    "selected_style": "header style when chosen",
    "width": "header width (number: px)",
    "key": "diff key",
    "loading_state": "Dash bookkeeping",
}

Tabs = make_component_class("Tabs", DCC_NAMESPACE, TABS_PROPS, doc="A set of tabs.", module=__name__)
Tab = make_component_class("Tab", DCC_NAMESPACE, TAB_PROPS, doc="One tab of dcc.Tabs.", module=__name__)

DEFAULT_COLORS = {"border": "#d6d6d6", "primary": "#1975FA", "background": "#f9f9f9"}


def _tab_entries(props: dict[str, Any], path: Path) -> list[tuple[Path, dict[str, Any], str]]:
    """(layout path, props, value) of each Tab child; a Tab without value is 'tab-<n>'."""
    children = props.get("children")
    base = path + ("props", "children")
    if is_component(children):
        items: list[tuple[Path, Any]] = [(base, children)]
    elif isinstance(children, list):
        items = [(base + (i,), c) for i, c in enumerate(children)]
    else:
        items = []
    out = []
    for position, (tab_path, tab) in enumerate(items):
        if not is_component(tab):
            continue
        tab_props = tab.get("props") or {}
        value = tab_props.get("value")
        out.append((tab_path, tab_props, value if value not in (None, "") else f"tab-{position + 1}"))
    return out


def chosen_value(props: dict[str, Any], path: Path) -> Any:
    if "value" in props and props["value"] is not None:
        return props["value"]
    entries = _tab_entries(props, path)
    return entries[0][2] if entries else "tab-1"


def _header(ctx: RenderContext, tab_path: Path, tab_props: dict[str, Any], position: int, selected: bool) -> VNode:
    disabled = bool(tab_props.get("disabled"))
    classes = ["tab"]
    style = dict(tab_props.get("style") or {})
    if disabled:
        classes.append("tab--disabled")
        if tab_props.get("disabled_className"):
            classes.append(tab_props["disabled_className"])
        style.update(tab_props.get("disabled_style") or {})
    if selected:
        classes.append("tab--selected")
        if tab_props.get("selected_className"):
            classes.append(tab_props["selected_className"])
        style.update(tab_props.get("selected_style") or {})
    if tab_props.get("className"):
        classes.append(tab_props["className"])
    width = tab_props.get("width")
    if isinstance(width, (int, float)) and not isinstance(width, bool):
        style.update({"width": f"{width}px", "flex": "0 0 auto"})
    elif isinstance(width, str):
        style.update({"width": width, "flex": "0 0 auto"})
    header = element(
        "div",
        {"id": tab_props.get("id"), "className": " ".join(classes), "role": "tab", "aria-selected": selected},
        style=style,
        data=("tab", position),
        key=f"tab-{position}",
    )
    label = tab_props.get("label")
    if is_component(label) or isinstance(label, list):
        header.children = ctx.children(label, tab_path + ("props", "label"))
    else:
        header.children = [element("span", children=["" if label is None else label])]
    return header


def render_tabs(ctx: RenderContext, props: dict[str, Any], path: Path) -> VNode:
    vertical = bool(props.get("vertical"))
    colors = {**DEFAULT_COLORS, **(props.get("colors") or {})}
    parent_classes = " ".join(
        c for c in ("tab-parent", "tab-parent--vert" if vertical else "", props.get("parent_className") or "") if c
    )
    parent_style = {"--tabs-border": colors["border"], "--tabs-primary": colors["primary"],
                    "--tabs-background": colors["background"], **(props.get("parent_style") or {})}
    root = VNode(
        "div",
        html_attrs({"id": f"{props['id']}-parent" if isinstance(props.get("id"), str) else None, "className": parent_classes}),
        css_dict(parent_style),
    )
    container = element(
        "div",
        {"id": props.get("id"), "className": " ".join(
            c for c in ("tab-container", "tab-container--vert" if vertical else "", props.get("className") or "") if c
        ), "role": "tablist"},
        style=props.get("style"),
        key="container",
    )
    value = chosen_value(props, path)
    selected_entry = None
    for position, (tab_path, tab_props, tab_value) in enumerate(_tab_entries(props, path)):
        is_selected = tab_value == value
        if is_selected and selected_entry is None:
            selected_entry = (tab_path, tab_props)
        container.children.append(_header(ctx, tab_path, tab_props, position, is_selected))
    content = element(
        "div",
        {"className": " ".join(
            c for c in ("tab-content", "tab-content--vert" if vertical else "", props.get("content_className") or "") if c
        ), "role": "tabpanel"},
        style=props.get("content_style"),
        key="content",
    )
    if selected_entry is not None:
        tab_path, tab_props = selected_entry
        content.children = ctx.children(tab_props.get("children"), tab_path + ("props", "children"))
    root.children = [container, content]
    return root


def on_tabs_event(ctx: EventContext) -> dict[str, Any] | None:
    if ctx.type != "click" or ctx.node is None:
        return None
    data = ctx.node.data
    if not (isinstance(data, tuple) and data[0] == "tab"):
        return None
    entries = _tab_entries(ctx.props, ctx.path)
    position = data[1]
    if not 0 <= position < len(entries):
        return None
    _tab_path, tab_props, tab_value = entries[position]
    if tab_props.get("disabled") or tab_value == ctx.props.get("value"):
        return None
    return {"value": tab_value}


def mount_tabs(view: DomView, node: VNode) -> None:
    props = node.component or {}
    if props.get("value") is None and node.path is not None:
        view.soon(node.ref, {"value": str(chosen_value(props, node.path))})


def render_tab(ctx: RenderContext, props: dict[str, Any], path: Path) -> VNode:
    """A Tab outside Tabs: just its content."""
    node = VNode("div", html_attrs({"id": props.get("id"), "className": props.get("className")}), css_dict(props.get("style")))
    node.children = ctx.children(props.get("children"), path + ("props", "children"))
    return node


register_rules(DCC_NAMESPACE, "Tabs", render_tabs, on_tabs_event, mount=mount_tabs)
register_rules(DCC_NAMESPACE, "Tab", render_tab)
