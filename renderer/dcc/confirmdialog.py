"""``dcc.ConfirmDialog`` and ``dcc.ConfirmDialogProvider``: the browser's ``confirm()`` box.

``confirm()`` must run on the main thread: the view sends ``["call", "confirm", [ref, message]]``
and the page answers with a ``confirm`` event on that ref (``{"result": true|false}``), which
becomes ``submit_n_clicks`` or ``cancel_n_clicks`` (+ timestamps) and ``displayed=False``.
ConfirmDialog opens when ``displayed`` becomes True; a Provider opens when its children are clicked.
"""

from __future__ import annotations

from typing import Any

from .._wire import Path
from ..component import make_component_class
from ..events import EventContext, count_up
from ..vdom import DCC_NAMESPACE, RenderContext, VNode, html_attrs, placeholder, register_rules
from ..view import DomView

__all__ = ["ConfirmDialog", "ConfirmDialogProvider", "PROPS", "PROVIDER_PROPS"]

#: Dash's dcc.ConfirmDialog props.
PROPS: dict[str, str] = {
    "id": "element id",
    "message": "the question shown",
    "displayed": "set True to open the dialog; it resets to False when answered",
    "submit_n_clicks": "times OK was chosen",
    "submit_n_clicks_timestamp": "ms epoch of the last OK",
    "cancel_n_clicks": "times Cancel was chosen",
    "cancel_n_clicks_timestamp": "ms epoch of the last Cancel",
}

#: Dash's dcc.ConfirmDialogProvider props (ConfirmDialog's, plus the children that open it).
PROVIDER_PROPS: dict[str, str] = {**PROPS, "children": "clicking these opens the dialog", "loading_state": "Dash bookkeeping"}

ConfirmDialog = make_component_class(
    "ConfirmDialog", DCC_NAMESPACE, PROPS, doc="The browser's confirm() dialog.", module=__name__
)
ConfirmDialogProvider = make_component_class(
    "ConfirmDialogProvider", DCC_NAMESPACE, PROVIDER_PROPS, doc="Asks for confirmation when its children are clicked.",
    module=__name__,
)


def render_dialog(ctx: RenderContext, props: dict[str, Any], path: Path) -> VNode:
    return placeholder()


def render_provider(ctx: RenderContext, props: dict[str, Any], path: Path) -> VNode:
    node = VNode("div", html_attrs({"id": props.get("id")}))
    node.children = ctx.children(props.get("children"), path + ("props", "children"))
    return node


def _ask(view: DomView, node: VNode) -> None:
    message = (node.component or {}).get("message")
    view.call("confirm", node.ref, "" if message is None else str(message))


def mount(view: DomView, node: VNode) -> None:
    if (node.component or {}).get("displayed"):
        _ask(view, node)


def update(view: DomView, node: VNode, old_props: dict[str, Any]) -> None:
    if (node.component or {}).get("displayed") and not old_props.get("displayed"):
        _ask(view, node)


def answered(ctx: EventContext) -> dict[str, Any] | None:
    """The page's answer: OK -> submit_n_clicks, Cancel -> cancel_n_clicks; displayed -> False."""
    name = "submit_n_clicks" if ctx.event.get("result") else "cancel_n_clicks"
    changes = count_up(ctx.props, name, ctx.timestamp)
    changes["displayed"] = False
    return changes


def on_dialog_event(ctx: EventContext) -> dict[str, Any] | None:
    if ctx.type == "confirm":
        ctx.stop()
        return answered(ctx)
    return None


def on_provider_event(ctx: EventContext) -> dict[str, Any] | None:
    if ctx.type == "confirm":
        ctx.stop()
        return answered(ctx)
    if ctx.type == "click":
        root = ctx.view.by_path.get(ctx.path)
        if root is not None:
            _ask(ctx.view, root)
        return {"displayed": True}
    return None


register_rules(DCC_NAMESPACE, "ConfirmDialog", render_dialog, on_dialog_event, mount=mount, update=update)
register_rules(DCC_NAMESPACE, "ConfirmDialogProvider", render_provider, on_provider_event)
