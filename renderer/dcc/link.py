"""``dcc.Link``: an ``<a>`` that navigates inside the page (history API) instead of reloading it.

loader.js prevents the browser's navigation for ``a[data-wasmdash-link]`` (plain left clicks only),
then this rule asks the page to push the URL; the page answers with a ``popstate`` event, which
every ``dcc.Location`` follows. ``refresh=True`` makes it an ordinary link.
"""

from __future__ import annotations

from typing import Any

from .._wire import Path
from ..component import make_component_class
from ..events import EventContext
from ..vdom import DCC_NAMESPACE, RenderContext, VNode, css_dict, html_attrs, register_rules

__all__ = ["Link", "PROPS"]

#: Dash's dcc.Link props.
PROPS: dict[str, str] = {
    "id": "element id",
    "children": "the link's content",
    "href": "where to go (relative URLs allowed)",
    "refresh": "True: load the page normally; False (default): navigate inside the page",
    "target": "attribute (a new window/tab is an ordinary link)",
    "title": "attribute",
    "className": "class attribute",
    "style": "inline style",
    "key": "diff key",
    "loading_state": "Dash bookkeeping",
}

Link = make_component_class("Link", DCC_NAMESPACE, PROPS, doc="A link that navigates inside the page.", positional=("children", "href"), module=__name__)


def _in_page(props: dict[str, Any]) -> bool:
    target = props.get("target")
    return not props.get("refresh") and (target in (None, "", "_self"))


def render(ctx: RenderContext, props: dict[str, Any], path: Path) -> VNode:
    attrs = {
        "id": props.get("id"),
        "href": props.get("href"),
        "className": props.get("className"),
        "title": props.get("title"),
        "target": props.get("target"),
    }
    if _in_page(props):
        attrs["data-wasmdash-link"] = "true"
    node = VNode("a", html_attrs(attrs), css_dict(props.get("style")))
    node.children = ctx.children(props.get("children"), path + ("props", "children"))
    return node


def on_event(ctx: EventContext) -> dict[str, Any] | None:
    if ctx.type != "click" or not _in_page(ctx.props) or not isinstance(ctx.props.get("href"), str):
        return None
    if ctx.event.get("modified"):
        return None  # ctrl/meta/shift click: the browser opened it elsewhere
    ctx.view.call("location", "push", ctx.props["href"], True)
    return None


register_rules(DCC_NAMESPACE, "Link", render, on_event)
