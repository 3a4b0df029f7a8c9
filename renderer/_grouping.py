"""Groupings: nested tuples/lists/dicts of dependencies or values (Dash's flexible signatures).

Tuples and lists and dicts are composite; everything else is a leaf.
"""

from __future__ import annotations

from typing import Any, Callable

from .exceptions import InvalidCallbackReturnValue

__all__ = [
    "AttributeDict",
    "flatten_grouping",
    "grouping_len",
    "make_grouping_by_index",
    "map_grouping",
    "validate_grouping",
]


class AttributeDict(dict):  # type: ignore[type-arg]
    """A dict whose keys are also attributes (``ctx.args_grouping.btn1.triggered``)."""

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError:
            raise AttributeError(key) from None

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def first(self, *names: str) -> Any:
        """The value of the first of ``names`` present (any key when none are given)."""
        for name in names:
            value = self.get(name)
            if value:
                return value
        if not names:
            return next(iter(self), None)
        return None


def flatten_grouping(grouping: Any, schema: Any = None) -> list[Any]:
    """The leaves of ``grouping`` in order; with ``schema``, its shape decides what is a leaf."""
    if schema is None:
        schema = grouping
    else:
        validate_grouping(grouping, schema)
    out: list[Any] = []

    def walk(value: Any, shape: Any) -> None:
        if isinstance(shape, (tuple, list)):
            for item, item_shape in zip(value, shape):
                walk(item, item_shape)
        elif isinstance(shape, dict):
            for key in shape:
                walk(value[key], shape[key])
        else:
            out.append(value)

    walk(grouping, schema)
    return out


def grouping_len(grouping: Any) -> int:
    """How many leaves ``grouping`` has."""
    if isinstance(grouping, (tuple, list)):
        return sum(grouping_len(g) for g in grouping)
    if isinstance(grouping, dict):
        return sum(grouping_len(g) for g in grouping.values())
    return 1


def make_grouping_by_index(schema: Any, flat_values: list[Any]) -> Any:
    """A grouping shaped like ``schema`` whose leaves are ``flat_values`` in order."""
    expected = grouping_len(schema)
    if len(flat_values) != expected:
        raise ValueError(f"the grouping {schema!r:.200} needs {expected} values, got {len(flat_values)}")
    values = iter(flat_values)

    def build(shape: Any) -> Any:
        if isinstance(shape, (tuple, list)):
            return [build(s) for s in shape]
        if isinstance(shape, dict):
            return {k: build(v) for k, v in shape.items()}
        return next(values)

    return build(schema)


def map_grouping(fn: Callable[[Any], Any], grouping: Any) -> Any:
    """``fn`` applied to every leaf, keeping the shape (dicts become :class:`AttributeDict`)."""
    if isinstance(grouping, (tuple, list)):
        return [map_grouping(fn, g) for g in grouping]
    if isinstance(grouping, dict):
        return AttributeDict({k: map_grouping(fn, g) for k, g in grouping.items()})
    return fn(grouping)


def validate_grouping(grouping: Any, schema: Any, path: tuple[Any, ...] = ()) -> None:
    """Raise :class:`InvalidCallbackReturnValue` when ``grouping`` does not have ``schema``'s shape."""
    where = "".join(f"[{p!r}]" for p in path) or "the return value"
    if isinstance(schema, (tuple, list)):
        if not isinstance(grouping, (tuple, list)):
            raise InvalidCallbackReturnValue(
                f"{where}: expected a list or tuple of {len(schema)} values, got a "
                f"`{type(grouping).__name__}`: {grouping!r:.200}"
            )
        if len(grouping) != len(schema):
            raise InvalidCallbackReturnValue(
                f"{where}: expected {len(schema)} values, got {len(grouping)}: {grouping!r:.200}"
            )
        for i, (g, s) in enumerate(zip(grouping, schema)):
            validate_grouping(g, s, path + (i,))
    elif isinstance(schema, dict):
        if not isinstance(grouping, dict):
            raise InvalidCallbackReturnValue(
                f"{where}: expected a dict with keys {sorted(schema)}, got a "
                f"`{type(grouping).__name__}`: {grouping!r:.200}"
            )
        if set(grouping) != set(schema):
            raise InvalidCallbackReturnValue(
                f"{where}: expected a dict with keys {sorted(schema)}, got keys "
                f"{sorted(map(str, grouping))}: {grouping!r:.200}"
            )
        for key in schema:
            validate_grouping(grouping[key], schema[key], path + (key,))
