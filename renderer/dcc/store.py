"""``dcc.Store``: data kept in the page (memory) or in ``localStorage`` / ``sessionStorage``.

Renders nothing (a placeholder comment). Browser storage lives on the main thread: the page sends a
snapshot of both storages when it starts (``DomView.page["storage"]``), and writes go out as
``["call", "storage", [kind, key, json_or_None]]`` ops. Semantics follow Dash's Store: on mount,
saved data wins over the layout's ``data`` (and ``modified_timestamp`` is set); when ``data``
changes it is saved; ``clear_data=True`` removes it.
"""

from __future__ import annotations

import json
import time
from typing import Any

from .._wire import Path
from ..component import make_component_class
from ..events import EventContext
from ..vdom import DCC_NAMESPACE, RenderContext, VNode, placeholder, register_rules
from ..view import DomView
from ..ids import stringify_id

__all__ = ["Store", "PROPS"]

#: Dash's dcc.Store props.
PROPS: dict[str, str] = {
    "id": "required; also the storage key",
    "storage_type": "'memory' (default): lost on reload; 'local': kept; 'session': kept for the tab",
    "data": "any JSON value",
    "clear_data": "set True to remove the saved data (it resets to False)",
    "modified_timestamp": "ms epoch of the last save (-1: never)",
}

Store = make_component_class(
    "Store", DCC_NAMESPACE, PROPS, doc="Keeps JSON data in the page or in browser storage.", module=__name__
)


def render(ctx: RenderContext, props: dict[str, Any], path: Path) -> VNode:
    return placeholder()


def _now_ms() -> int:
    return int(time.time() * 1000)


class _Backstore:
    """Dash's MemStore / WebStore over the view: memory per view, web storage via snapshot + ops."""

    def __init__(self, view: DomView, kind: str) -> None:
        self.view = view
        self.kind = kind
        storage = view.page.setdefault("storage", {})
        self.items: dict[str, Any] = storage.setdefault(kind, {})

    def get(self, key: str) -> Any:
        raw = self.items.get(key)
        if self.kind == "memory":
            return raw
        if raw is None:
            return None
        try:
            return json.loads(raw)
        except ValueError:
            return None

    def put(self, key: str, value: Any) -> int:
        stamp = _now_ms()
        if self.kind == "memory":
            self.items[key] = value
            self.items[f"{key}-timestamp"] = stamp
            return stamp
        text = json.dumps(value, separators=(",", ":"))
        self.items[key] = text
        self.items[f"{key}-timestamp"] = str(stamp)
        self.view.call("storage", self.kind, key, text)
        self.view.call("storage", self.kind, f"{key}-timestamp", str(stamp))
        return stamp

    def remove(self, key: str) -> None:
        self.items.pop(key, None)
        self.items.pop(f"{key}-timestamp", None)
        if self.kind != "memory":
            self.view.call("storage", self.kind, key, None)
            self.view.call("storage", self.kind, f"{key}-timestamp", None)

    def modified(self, key: str) -> int:
        raw = self.items.get(f"{key}-timestamp")
        try:
            return int(raw) if raw is not None else -1
        except (TypeError, ValueError):
            return -1


def _backstore(view: DomView, props: dict[str, Any]) -> _Backstore:
    kind = props.get("storage_type") or "memory"
    return _Backstore(view, kind if kind in ("local", "session") else "memory")


def mount(view: DomView, node: VNode) -> None:
    props = node.component or {}
    if props.get("id") is None:
        return
    key = stringify_id(props["id"])
    store = _backstore(view, props)
    old = store.get(key)
    data = props.get("data")
    if old is None and data is not None:
        view.soon(node.ref, {"modified_timestamp": store.put(key, data)})
    elif old != data:
        view.soon(node.ref, {"data": old, "modified_timestamp": store.modified(key)})


def update(view: DomView, node: VNode, old_props: dict[str, Any]) -> None:
    props = node.component or {}
    if props.get("id") is None:
        return
    key = stringify_id(props["id"])
    store = _backstore(view, props)
    if props.get("clear_data"):
        store.remove(key)
        view.soon(node.ref, {"clear_data": False, "data": None, "modified_timestamp": store.modified(key)})
        return
    old = store.get(key)
    if "data" not in props:
        # the component was replaced by a copy without data: keep what was saved
        if old is not None:
            view.soon(node.ref, {"data": old})
        return
    if props["data"] != old:
        view.soon(node.ref, {"modified_timestamp": store.put(key, props["data"])})


def on_event(ctx: EventContext) -> dict[str, Any] | None:
    """Another tab changed local storage (``storage`` page event from loader.js)."""
    props = ctx.props
    if ctx.type != "storage" or props.get("id") is None or (props.get("storage_type") or "memory") != "local":
        return None
    key = stringify_id(props["id"])
    if ctx.event.get("key") != key:
        return None
    store = _backstore(ctx.view, props)
    raw = ctx.event.get("value")
    if raw is None:
        store.items.pop(key, None)
    else:
        store.items[key] = raw
    data = store.get(key)
    if data == props.get("data"):
        return None
    return {"data": data, "modified_timestamp": store.modified(key)}


register_rules(DCC_NAMESPACE, "Store", render, on_event, mount=mount, update=update, page_events=("storage",))
