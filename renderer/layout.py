"""Helpers on the wire layout: plain ``{"type", "namespace", "props"}`` dicts nested in props.

The page's store holds the layout exactly as ``_dash-layout`` sent it. These helpers walk it with
paths (dash-renderer's paths: the keys from the root to a component, e.g.
``("props", "children", 0)``), read and write props at a path, and replace a subtree. Components
are found in any prop (``children`` and others), in lists and nested dicts, as Dash does since
components may sit in any prop.
"""

from __future__ import annotations

from typing import Any, Iterator

from ._wire import ComponentJSON, Path

__all__ = [
    "is_component",
    "walk",
    "get_in",
    "get_component",
    "get_prop",
    "has_prop",
    "update_props",
    "set_in",
]


def is_component(value: Any) -> bool:
    """Is ``value`` a serialized component (a dict with ``type``, ``namespace`` and ``props``)?"""
    return (
        isinstance(value, dict)
        and "props" in value
        and "type" in value
        and "namespace" in value
        and isinstance(value["props"], dict)
    )


def walk(value: Any, path: Path = ()) -> Iterator[tuple[Path, ComponentJSON]]:
    """Every component in ``value`` (a component, list or any prop value) with its path, depth first.

    ``path`` is where ``value`` itself sits; a component's children come after it, in order.
    """
    stack: list[tuple[Path, Any]] = [(path, value)]
    while stack:
        here, item = stack.pop()
        if is_component(item):
            yield here, item
            props = item["props"]
            # Reverse so that popping visits props (and list items) in their written order.
            for key in reversed(list(props)):
                child = props[key]
                if isinstance(child, (dict, list)):
                    stack.append((here + ("props", key), child))
        elif isinstance(item, list):
            for i in range(len(item) - 1, -1, -1):
                child = item[i]
                if isinstance(child, (dict, list)):
                    stack.append((here + (i,), child))
        elif isinstance(item, dict):
            for key in reversed(list(item)):
                child = item[key]
                if isinstance(child, (dict, list)):
                    stack.append((here + (key,), child))


def get_in(value: Any, path: Path) -> Any:
    """The value at ``path`` below ``value``; raises ``KeyError``/``IndexError`` when absent."""
    for key in path:
        value = value[key]
    return value


def get_component(layout: ComponentJSON, path: Path) -> ComponentJSON | None:
    """The component at ``path``, or None when nothing (or no component) is there."""
    try:
        found = get_in(layout, path)
    except (KeyError, IndexError, TypeError):
        return None
    return found if is_component(found) else None


_MISSING = object()


def get_prop(layout: ComponentJSON, path: Path, prop: str, default: Any = None) -> Any:
    """``props[prop]`` of the component at ``path`` (``default`` when it or the prop is absent)."""
    component = get_component(layout, path)
    if component is None:
        return default
    return component["props"].get(prop, default)


def has_prop(layout: ComponentJSON, path: Path, prop: str) -> bool:
    """Is ``prop`` set on the component at ``path``? (Dash omits unset props from requests.)"""
    component = get_component(layout, path)
    return component is not None and prop in component["props"]


def update_props(layout: ComponentJSON, path: Path, props: dict[str, Any]) -> bool:
    """Merge ``props`` into the component at ``path`` in place; False when no component is there."""
    component = get_component(layout, path)
    if component is None:
        return False
    component["props"].update(props)
    return True


def set_in(layout: Any, path: Path, value: Any) -> Any:
    """Put ``value`` at ``path`` in place (replacing a subtree); returns the (possibly new) root."""
    if not path:
        return value
    parent = get_in(layout, path[:-1])
    parent[path[-1]] = value
    return layout
