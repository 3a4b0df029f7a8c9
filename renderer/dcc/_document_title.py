"""``_DocumentTitle``: sets ``document.title`` while it is in the page (the page title of Dash Pages).

Renders nothing. When it appears and whenever its ``title`` changes, it asks the page to set the
document title (``["call", "title", [text]]``). The routing callback of Dash Pages puts one in
``_pages_dummy``; Dash does the same job with a JavaScript clientside callback.
"""

from __future__ import annotations

from typing import Any

from .._wire import Path
from ..component import make_component_class
from ..vdom import DCC_NAMESPACE, RenderContext, VNode, placeholder, register_rules
from ..view import DomView

__all__ = ["DocumentTitle", "PROPS"]

PROPS: dict[str, str] = {
    "id": "element id",
    "title": "the document title to set (None leaves it as it is)",
}

DocumentTitle = make_component_class(
    "_DocumentTitle", DCC_NAMESPACE, PROPS, doc="Sets the document title.", module=__name__
)


def render(ctx: RenderContext, props: dict[str, Any], path: Path) -> VNode:
    return placeholder()


def _set_title(view: DomView, props: dict[str, Any]) -> None:
    title = props.get("title")
    if title is not None:
        view.call("title", str(title))


def mount(view: DomView, node: VNode) -> None:
    _set_title(view, node.component or {})


def update(view: DomView, node: VNode, old_props: dict[str, Any]) -> None:
    props = node.component or {}
    if props.get("title") != old_props.get("title"):
        _set_title(view, props)


register_rules(DCC_NAMESPACE, "_DocumentTitle", render, mount=mount, update=update)
_DocumentTitle = DocumentTitle
