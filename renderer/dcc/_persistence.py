"""Dash's ``persistence``: a user's edits to a component survive reloads while the app's own value
for it stays the same.

For a component with an ``id`` and a truthy ``persistence``, each user edit of a persisted prop
(``persisted_props``, by default ``["value"]``) is recorded as ``[new_value, original_value]`` under
``_dash_persistence.<id>.<prop>.<json(persistence)>`` in ``persistence_type`` storage (``local`` by
default, ``session`` or ``memory``). When a layout arrives (the first render, or new children from a
callback) and the component's value still equals the recorded original, the user's value replaces
it; when the app changed its value, the record is dropped. Values set by callbacks are not recorded.

The view applies records to the layout in place before rendering it, so the store and the initial
callbacks see the user's values, as in Dash.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Callable

from .._wire import Path
from ..ids import stringify_id

if TYPE_CHECKING:
    from ..vdom import VNode
    from ..view import DomView

__all__ = ["PERSISTED_BY_DEFAULT", "apply_persistence", "persistence_props", "record_user_edit", "storage_key"]

PREFIX = "_dash_persistence."

#: Components that persist something, and what (Dash's ``persisted_props`` defaults).
PERSISTED_BY_DEFAULT: dict[tuple[str, str], list[str]] = {
    ("dash_core_components", name): ["value"]
    for name in ("Input", "Textarea", "Dropdown", "Checklist", "RadioItems", "Slider", "RangeSlider", "Tabs")
}
PERSISTED_BY_DEFAULT[("dash_core_components", "DatePickerSingle")] = ["date"]
PERSISTED_BY_DEFAULT[("dash_core_components", "DatePickerRange")] = ["start_date", "end_date"]

_MISSING = object()


def persistence_props(type_name: str) -> dict[str, str]:
    """The ``persistence`` entries of a dcc prop table, naming ``type_name``'s default persisted props."""
    defaults = PERSISTED_BY_DEFAULT[("dash_core_components", type_name)]
    return {
        "persistence": "truthy: the user's edits survive reloads (see dcc._persistence)",
        "persisted_props": f"props that persist (default {defaults!r})",
        "persistence_type": "'local' (default), 'session' or 'memory'",
    }


def storage_key(component_id: Any, prop: str, persistence: Any) -> str:
    return f"{PREFIX}{stringify_id(component_id)}.{prop}.{json.dumps(persistence, separators=(',', ':'))}"


def _settings(namespace: str, type_name: str, props: dict[str, Any]) -> tuple[list[str], str] | None:
    """(persisted props, storage kind) when this component persists, else None."""
    defaults = PERSISTED_BY_DEFAULT.get((namespace, type_name))
    if defaults is None or props.get("id") is None or not props.get("persistence"):
        return None
    persisted = props.get("persisted_props") or defaults
    kind = props.get("persistence_type") or "local"
    return [str(p).split(".")[0] for p in persisted], kind if kind in ("local", "session", "memory") else "local"


def _items(view: DomView, kind: str) -> dict[str, Any]:
    return view.page.setdefault("storage", {}).setdefault("memory" if kind == "memory" else kind, {})


def _read(view: DomView, kind: str, key: str) -> list[Any] | None:
    raw = _items(view, kind).get(key)
    if raw is None:
        return None
    try:
        record = json.loads(raw)
    except (TypeError, ValueError):
        return None
    return record if isinstance(record, list) and record else None


def _write(view: DomView, kind: str, key: str, record: list[Any] | None) -> None:
    text = None if record is None else json.dumps(record, separators=(",", ":"))
    items = _items(view, kind)
    if text is None:
        items.pop(key, None)
    else:
        items[key] = text
    if kind != "memory":
        view.call("storage", kind, key, text)


def apply_persistence(
    view: DomView, component: Any, path: Path, is_shown: Callable[[Path, Any], bool] | None = None
) -> None:
    """Put recorded user values into ``component`` and its children, in place (Dash's applyPersistence).

    Components for which ``is_shown(path, component)`` is true (already on the page, holding the
    user's value) are left alone; their children are still visited.
    """
    if not (isinstance(component, dict) and isinstance(component.get("props"), dict)):
        return
    props = component["props"]
    settings = _settings(component.get("namespace", ""), component.get("type", ""), props)
    if settings is not None and (is_shown is None or not is_shown(path, component)):
        persisted, kind = settings
        for prop in persisted:
            key = storage_key(props["id"], prop, props["persistence"])
            record = _read(view, kind, key)
            if record is None:
                continue
            original = record[1] if len(record) > 1 else None
            if props.get(prop) == original:
                props[prop] = record[0]
            else:
                _write(view, kind, key, None)  # the app changed its value: the edit is stale
    children = props.get("children")
    base = path + ("props", "children")
    if isinstance(children, list):
        for index, child in enumerate(children):
            apply_persistence(view, child, base + (index,), is_shown)
    elif isinstance(children, dict):
        apply_persistence(view, children, base, is_shown)


def record_user_edit(view: DomView, root: VNode, changes: dict[str, Any]) -> None:
    """Record the user's edit of persisted props (before ``root.component`` takes ``changes``)."""
    props = root.component or {}
    settings = _settings(root.namespace, root.type, props)
    if settings is None:
        return
    persisted, kind = settings
    for prop in persisted:
        if prop not in changes:
            continue
        new_value = changes[prop]
        original = props.get(prop, _MISSING)
        if original is not _MISSING and original == new_value:
            continue
        key = storage_key(props["id"], prop, props["persistence"])
        existing = _read(view, kind, key)
        if existing is not None:
            original = existing[1] if len(existing) > 1 else _MISSING
        _write(view, kind, key, [new_value] if original is _MISSING else [new_value, original])
