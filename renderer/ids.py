"""Component ids and ``"id.prop"`` strings, stringified exactly as Dash does.

A dict (pattern-matching) id is stringified as compact JSON with sorted keys, so
``{"type": "item", "index": 1}`` becomes ``{"index":1,"type":"item"}``. Wildcards inside such an id
are ``["ALL"]``, ``["MATCH"]`` and ``["ALLSMALLER"]`` on the wire.
"""

from __future__ import annotations

import json
from typing import Any

from ._wire import ComponentId

__all__ = [
    "stringify_id",
    "parse_id",
    "prop_id",
    "split_prop_id",
    "join_outputs",
    "split_outputs",
    "strip_duplicate_suffix",
]


def stringify_id(component_id: ComponentId | Any) -> str:
    """A component id as Dash's wire string (dict ids as sorted, compact JSON)."""
    if isinstance(component_id, dict):
        return json.dumps(component_id, sort_keys=True, separators=(",", ":"), default=_wildcard_json)
    return str(component_id)


def _wildcard_json(value: Any) -> Any:
    to_json = getattr(value, "to_json", None)
    if callable(to_json):
        result = to_json()
        # Dash's Wildcard.to_json() returns JSON *text* ('["ALL"]'); embed it as a value.
        return json.loads(result) if isinstance(result, str) else result
    raise TypeError(f"{type(value).__name__} is not allowed in a component id: {value!r:.200}")


def parse_id(text: str) -> ComponentId:
    """The inverse of :func:`stringify_id`: a string that is a JSON object becomes a dict."""
    if text.startswith("{"):
        try:
            value = json.loads(text)
        except ValueError:
            return text
        if isinstance(value, dict):
            return value
    return text


def prop_id(component_id: ComponentId, prop: str) -> str:
    """``"id.prop"`` with the id stringified."""
    return f"{stringify_id(component_id)}.{prop}"


def split_prop_id(text: str) -> tuple[ComponentId, str]:
    """Split ``"id.prop"`` (or ``'{"a":1}.prop'``) at its last dot; the id is parsed back to a dict."""
    component_id, dot, prop = text.rpartition(".")
    if not dot:
        raise ValueError(f"expected 'id.property', got {text!r:.200}")
    return parse_id(component_id), prop


def join_outputs(prop_ids: list[str], *, multi: bool) -> str:
    """Dash's ``output`` string: ``"id.prop"`` or ``"..a.x...b.y.."`` for multi-output callbacks."""
    if not multi:
        return prop_ids[0]
    return ".." + "...".join(prop_ids) + ".."


def split_outputs(output: str) -> list[str]:
    """The ``"id.prop"`` strings of Dash's ``output`` string (one, or several for multi-output)."""
    if output.startswith("..") and output.endswith(".."):
        return output[2:-2].split("...")
    return [output]


def strip_duplicate_suffix(prop: str) -> str:
    """``"children@ab12"`` (an ``allow_duplicate=True`` output) -> ``"children"``."""
    return prop.split("@", 1)[0]
