"""``dcc.Clipboard``: a button that copies ``content`` (or a target element's text) to the clipboard.

A click bumps ``n_clicks``. With ``target_id`` the page copies that element's ``innerText`` (or its
``value`` when it has no text) at once. Without it, as in Dash, the copy waits a moment for a
callback fed by ``n_clicks`` to start, then until callbacks computing this Clipboard's props are
done, and copies the ``content`` (and ``html_content``) it then has. The copy itself is the page
action ``["call", "clipboard", [content, html_content, target_id]]`` (``navigator.clipboard`` in
loader.js). For a second after copying, the button shows ``copied_children`` (default a check mark).

Dash draws its default icons with font-awesome (``faCopy``, ``faCheckCircle``); wasmdash ships no
icon font, so the defaults are empty ``span.dash-clipboard-icon`` elements that wasmdash.css draws
(``dash-clipboard-copy``: two sheets; ``dash-clipboard-copied``: a check in a circle) in the
text colour, at the font size.
"""

from __future__ import annotations

from typing import Any

from .._wire import Path
from ..component import make_component_class
from ..events import EventContext
from ..ids import stringify_id
from ..vdom import DCC_NAMESPACE, RenderContext, VNode, css_dict, element, html_attrs, register_rules, state_key
from ..view import DomView

__all__ = ["Clipboard", "PROPS", "WAIT_FOR_CALLBACK", "COPIED_FOR"]

#: Dash's dcc.Clipboard props.
PROPS: dict[str, str] = {
    "id": "element id",
    "target_id": "id of the element whose text (or value) is copied; None: copy content",
    "content": "the text copied (when there is no target_id)",
    "html_content": "HTML copied alongside content (text/html)",
    "n_clicks": "number of clicks",
    "title": "tooltip text of the button",
    "children": "what the button shows (default a clipboard icon)",
    "copied_children": "what it shows for a second after copying (default a check mark)",
    "className": "class of the button",
    "style": "style of the button",
    "loading_state": "Dash bookkeeping",
}

Clipboard = make_component_class(
    "Clipboard", DCC_NAMESPACE, PROPS, doc="Copies text to the clipboard when clicked.", module=__name__
)

#: Seconds given to a callback fed by n_clicks to start before content is copied (Dash: 100 ms).
WAIT_FOR_CALLBACK = 0.1
#: Seconds the copied icon shows.
COPIED_FOR = 1.0

#: Classes of the default icons (drawn by wasmdash.css).
COPY_ICON = "dash-clipboard-icon dash-clipboard-copy"
COPIED_ICON = "dash-clipboard-icon dash-clipboard-copied"


def render(ctx: RenderContext, props: dict[str, Any], path: Path) -> VNode:
    state = ctx.state(props, path)
    copied = bool(state.get("copied"))
    attrs = html_attrs({"id": props.get("id"), "title": props.get("title"), "className": props.get("className")})
    node = VNode("div", attrs, css_dict(props.get("style")))
    if copied:
        shown = props.get("copied_children")
        default = COPIED_ICON
        where = path + ("props", "copied_children")
    else:
        shown = props.get("children")
        default = COPY_ICON
        where = path + ("props", "children")
    if shown is None:
        node.children = [element("span", {"className": default, "aria-hidden": True})]
    else:
        node.children = ctx.children(shown, where)
    return node


def _state(view: DomView, node: VNode) -> dict[str, Any]:
    return view.state.setdefault(state_key(node.component or {}, node.path or ()), {})


def _copy(view: DomView, path: Path) -> None:
    node = view.by_path.get(path)
    if node is None:
        return
    props = node.component or {}
    content = props.get("content")
    html_content = props.get("html_content")
    if not content and not html_content:
        return
    view.call("clipboard", None if content is None else str(content),
              None if html_content is None else str(html_content), None)
    _show_copied(view, node)


def _show_copied(view: DomView, node: VNode) -> None:
    state = _state(view, node)
    state["copied"] = state.get("copied", 0) + 1
    path = node.path
    if path is None:
        return
    view.refresh(path)
    if view.clock is None:
        return

    def done() -> None:
        state["copied"] = max(0, state.get("copied", 1) - 1)
        if not state["copied"] and path in view.by_path:
            view.refresh(path)

    view.clock.call_later(COPIED_FOR, done)


def on_event(ctx: EventContext) -> dict[str, Any] | None:
    if ctx.type != "click":
        return None
    props = ctx.props
    n = props.get("n_clicks")
    count = n if isinstance(n, int) and not isinstance(n, bool) else 0
    view, path = ctx.view, ctx.path
    target = props.get("target_id")
    if target is not None:
        target_id = stringify_id(target)

        def copy_target() -> None:
            view.call("clipboard", None, None, target_id)
            node = view.by_path.get(path)
            if node is not None:
                _show_copied(view, node)

        ctx.after(copy_target)
    elif view.clock is not None:
        state = ctx.state

        def when_settled() -> None:
            if path in view.loading:
                state["pending"] = True  # on_loading copies once the callback is done
            else:
                _copy(view, path)

        view.clock.call_later(WAIT_FOR_CALLBACK, when_settled)
    return {"n_clicks": count + 1}


def on_loading(view: DomView, node: VNode) -> None:
    state = _state(view, node)
    if state.get("pending") and node.path is not None and node.path not in view.loading:
        state["pending"] = False
        _copy(view, node.path)


register_rules(DCC_NAMESPACE, "Clipboard", render, on_event, on_loading=on_loading)
