"""Pattern-matching ids: dict ids whose values may be the wildcards ``ALL``, ``MATCH``, ``ALLSMALLER``.

On the wire a wildcard is a one-item list: ``{"index": ["MATCH"], "type": "item"}``. A dependency
spec with such an id is resolved *relative to a reference*: the concrete id (and its own pattern)
that triggered the callback or that one of its outputs resolved to. Against a reference:

* ``ALL`` matches any value;
* ``MATCH`` matches the reference's value at the same key (or, when the reference itself was an
  ``ALLSMALLER`` item, values greater than it);
* ``ALLSMALLER`` matches values smaller than the reference's value;
* any other value must be equal.

Without a reference every wildcard matches (the whole family). Values are ordered as Dash orders
them: numbers (and numeric strings) first, then booleans (false before true), then strings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Mapping

__all__ = [
    "ALL",
    "MATCH",
    "ALLSMALLER",
    "wildcard_of",
    "is_pattern",
    "is_multi",
    "match_keys",
    "key_string",
    "Reference",
    "id_matches",
    "compare_values",
    "match_values",
    "exact_id",
]

ALL = "ALL"
MATCH = "MATCH"
ALLSMALLER = "ALLSMALLER"
_WILDCARDS = (ALL, MATCH, ALLSMALLER)


def wildcard_of(value: Any) -> str | None:
    """``"ALL"``/``"MATCH"``/``"ALLSMALLER"`` when ``value`` is a wire wildcard, else None."""
    if isinstance(value, list) and len(value) == 1 and value[0] in _WILDCARDS:
        return value[0]
    return None


def is_pattern(component_id: Any) -> bool:
    """Is this a dict id holding at least one wildcard?"""
    return isinstance(component_id, dict) and any(wildcard_of(v) for v in component_id.values())


def is_multi(component_id: Any) -> bool:
    """Does this id stand for a list of components (it holds ``ALL`` or ``ALLSMALLER``)?"""
    return isinstance(component_id, dict) and any(
        wildcard_of(v) in (ALL, ALLSMALLER) for v in component_id.values()
    )


def match_keys(component_id: Any) -> tuple[str, ...]:
    """The keys holding ``MATCH``, sorted."""
    if not isinstance(component_id, dict):
        return ()
    return tuple(sorted(k for k, v in component_id.items() if wildcard_of(v) == MATCH))


def key_string(component_id: Mapping[str, Any]) -> str:
    """The sorted keys of a dict id joined by commas: the family a pattern can match."""
    return ",".join(sorted(component_id))


@dataclass(frozen=True)
class Reference:
    """The concrete id a pattern is resolved against, with the pattern that matched it."""

    pattern: dict[str, Any]
    concrete: dict[str, Any]

    @cached_property
    def key(self) -> str:
        """A stable text for this reference's MATCH values (part of a callback's identity)."""
        keys = match_keys(self.pattern)
        if not keys:
            return ""
        return json.dumps([self.concrete.get(k) for k in keys], sort_keys=True)


def _is_numeric(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    if isinstance(value, str):
        try:
            float(value)
        except ValueError:
            return False
        return value.strip() != ""
    return False


def compare_values(a: Any, b: Any) -> int:
    """-1, 0 or 1: Dash's order for id values (numbers, then booleans, then strings)."""
    a_num, b_num = _is_numeric(a), _is_numeric(b)
    if a_num or b_num:
        if a_num and b_num:
            fa, fb = float(a), float(b)
            return (fa > fb) - (fa < fb)
        return -1 if a_num else 1
    a_bool, b_bool = isinstance(a, bool), isinstance(b, bool)
    if a_bool != b_bool:
        return -1 if a_bool else 1
    try:
        return (a > b) - (a < b)
    except TypeError:
        return (str(a) > str(b)) - (str(a) < str(b))


def _same_value(a: Any, b: Any) -> bool:
    # JS strict equality: 1 !== true, "1" !== 1.
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, str) or isinstance(b, str):
        return isinstance(a, str) and isinstance(b, str) and a == b
    return a == b


def id_matches(pattern: Mapping[str, Any], concrete: Any, reference: Reference | None = None) -> bool:
    """Does the concrete dict id ``concrete`` match ``pattern`` (resolved against ``reference``)?"""
    if not isinstance(concrete, dict) or set(concrete) != set(pattern):
        return False
    for key, pattern_value in pattern.items():
        value = concrete[key]
        wild = wildcard_of(pattern_value)
        if wild is None:
            if not _same_value(value, pattern_value):
                return False
            continue
        if wild == ALL or reference is None or key not in reference.concrete:
            continue
        ref_wild = wildcard_of(reference.pattern.get(key))
        if ref_wild is None:
            continue
        if wild == ALLSMALLER:
            expected = -1
        elif ref_wild == ALLSMALLER:
            expected = 1
        else:
            expected = 0
        if compare_values(value, reference.concrete[key]) != expected:
            return False
    return True


def exact_id(pattern: Mapping[str, Any], reference: Reference | None) -> dict[str, Any] | None:
    """The one concrete id a pattern names against ``reference`` (only MATCH wildcards, each
    matching a MATCH value of the reference), or None when it may name several."""
    if reference is None:
        return None
    out: dict[str, Any] = {}
    for key, value in pattern.items():
        wild = wildcard_of(value)
        if wild is None:
            out[key] = value
            continue
        if wild != MATCH or key not in reference.concrete:
            return None
        if wildcard_of(reference.pattern.get(key)) != MATCH:
            return None
        out[key] = reference.concrete[key]
    return out


def match_values(pattern: Mapping[str, Any], concrete: Mapping[str, Any]) -> list[Any]:
    """The concrete values at the pattern's MATCH keys, in sorted key order."""
    return [concrete[k] for k in match_keys(dict(pattern))]

