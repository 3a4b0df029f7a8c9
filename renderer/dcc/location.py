"""``dcc.Location``: the page URL as props (``pathname``, ``search``, ``hash``, ``href``).

Renders nothing. On mount, props left unset are filled from the page URL (``DomView.page["href"]``,
sent by loader.js) - as Dash's Location does on mount, this arrives as a prop change right after the
first render. When a callback changes a URL prop: ``refresh=True`` (default) loads the new URL,
``False`` pushes it to the history quietly, ``"callback-nav"`` pushes it and tells every Location.
Back/forward (``popstate``) and ``dcc.Link`` clicks update every Location.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin, urlsplit

from .._wire import Path
from ..component import make_component_class
from ..events import EventContext
from ..vdom import DCC_NAMESPACE, RenderContext, VNode, placeholder, register_rules
from ..view import DomView

__all__ = ["Location", "PROPS", "url_props"]

#: Dash's dcc.Location props.
PROPS: dict[str, str] = {
    "id": "required",
    "pathname": "e.g. '/page-2'",
    "search": "e.g. '?a=1' ('' when none)",
    "hash": "e.g. '#part' ('' when none)",
    "href": "the whole URL",
    "refresh": "True (default): a callback's new URL loads the page; False: history only; 'callback-nav'",
}

Location = make_component_class(
    "Location", DCC_NAMESPACE, PROPS, doc="Reads and writes the page URL.", module=__name__
)

FIELDS = ("pathname", "href", "hash", "search")


def url_props(href: str) -> dict[str, str]:
    """``window.location``'s pathname, search, hash and href for ``href``."""
    parts = urlsplit(href)
    return {
        "pathname": parts.path or "/",
        "search": f"?{parts.query}" if parts.query else "",
        "hash": f"#{parts.fragment}" if parts.fragment else "",
        "href": href,
    }


def render(ctx: RenderContext, props: dict[str, Any], path: Path) -> VNode:
    return placeholder()


def _page_url(view: DomView) -> dict[str, str] | None:
    href = view.page.get("href")
    return url_props(href) if isinstance(href, str) and href else None


def mount(view: DomView, node: VNode) -> None:
    page = _page_url(view)
    if page is None:
        return
    props = node.component or {}
    missing = {k: page[k] for k in FIELDS if props.get(k) is None and props.get(k) != page[k]}
    if missing:
        view.soon(node.ref, missing)


def _target(props: dict[str, Any], old_props: dict[str, Any], page: dict[str, str]) -> str | None:
    """The URL a callback asked for, or None if no URL prop changed to something new."""
    changed = [k for k in FIELDS if props.get(k) != old_props.get(k) and props.get(k) is not None]
    changed = [k for k in changed if props.get(k) != page[k]]
    if not changed:
        return None
    if "href" in changed:
        return urljoin(page["href"], str(props["href"]))
    pathname = props.get("pathname") if props.get("pathname") is not None else page["pathname"]
    search = props.get("search") if "search" in changed or props.get("search") is not None else page["search"]
    hash_ = props.get("hash") if "hash" in changed or props.get("hash") is not None else page["hash"]
    return urljoin(page["href"], f"{pathname}{search or ''}{hash_ or ''}")


def update(view: DomView, node: VNode, old_props: dict[str, Any]) -> None:
    page = _page_url(view)
    if page is None:
        return
    props = node.component or {}
    target = _target(props, old_props, page)
    if target is None:
        return
    refresh = props.get("refresh", True)
    if refresh is True:
        view.call("location", "assign", target, False)
        return
    view.page["href"] = target
    view.call("location", "push", target, refresh == "callback-nav")
    fresh = url_props(target)
    differing = {k: fresh[k] for k in FIELDS if props.get(k) != fresh[k]}
    if differing:
        view.soon(node.ref, differing)


def on_event(ctx: EventContext) -> dict[str, Any] | None:
    """Back/forward or an in-page navigation: follow the page URL."""
    if ctx.type != "popstate":
        return None
    href = ctx.event.get("href")
    if not isinstance(href, str):
        return None
    ctx.view.page["href"] = href
    fresh = url_props(href)
    changes = {k: fresh[k] for k in FIELDS if ctx.props.get(k) != fresh[k]}
    return changes or None


register_rules(DCC_NAMESPACE, "Location", render, on_event, mount=mount, update=update, page_events=("popstate",))
