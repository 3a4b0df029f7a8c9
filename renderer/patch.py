"""``Patch``: update part of a prop instead of sending the whole value, and ``apply_patch``.

A callback returns ``Patch()`` after recording operations on it (``p["a"][0] = 1``,
``p.append(x)``, ``p += 3``...). It serializes as Dash's patch JSON::

    {"__dash_patch_update": "__dash_patch_update",
     "operations": [{"operation": "Assign", "location": ["a", 0], "params": {"value": 1}}, ...]}

The page applies it to the prop's current value with :func:`apply_patch` (pure, no mutation).
"""

from __future__ import annotations

import copy
from typing import Any

__all__ = ["Patch", "apply_patch", "is_patch", "PatchError"]

PATCH_MARK = "__dash_patch_update"

_SKIP: Any = object()  # returned by in-place operators below the root: the operation is recorded


class PatchError(ValueError):
    """A patch cannot be applied to the current value (wrong type or missing location)."""


def _operation(name: str, location: list[Any], **params: Any) -> dict[str, Any]:
    return {"operation": name, "location": location, "params": params}


def _check_key(key: Any) -> None:
    if isinstance(key, slice):
        raise TypeError("a slice is not a valid index for Patch")


class Patch:
    """A write-only proxy of an output prop's value in the page; records operations.

    Args:
        location: where in the prop this proxy points (used internally for ``p["a"]["b"]``).
        parent: the patch whose operation list this proxy shares.
    """

    def __init__(self, location: list[Any] | None = None, parent: Patch | None = None) -> None:
        self.__dict__["_location"] = list(location) if location is not None else (
            list(parent._location) if parent is not None else []
        )
        self.__dict__["_operations"] = parent._operations if parent is not None else []

    def __getitem__(self, key: Any) -> Patch:
        _check_key(key)
        return Patch(location=self._location + [key], parent=self)

    def __getattr__(self, name: str) -> Patch:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return self[name]

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value

    def __delattr__(self, name: str) -> None:
        del self[name]

    def __setitem__(self, key: Any, value: Any) -> None:
        _check_key(key)
        if value is _SKIP:
            return  # ``p["x"] += 1`` already recorded its operation
        self._operations.append(_operation("Assign", self._location + [key], value=value))

    def __delitem__(self, key: Any) -> None:
        _check_key(key)
        self._operations.append(_operation("Delete", self._location + [key]))

    def _inplace(self, name: str, value: Any) -> Any:
        self._operations.append(_operation(name, self._location, value=value))
        return self if not self._location else _SKIP

    def __iadd__(self, other: Any) -> Any:
        if isinstance(other, (list, tuple)):
            self.extend(other)
            return self if not self._location else _SKIP
        return self._inplace("Add", other)

    def __isub__(self, other: Any) -> Any:
        return self._inplace("Sub", other)

    def __imul__(self, other: Any) -> Any:
        return self._inplace("Mul", other)

    def __itruediv__(self, other: Any) -> Any:
        return self._inplace("Div", other)

    def __ior__(self, other: Any) -> Any:
        self.update(other)
        return self if not self._location else _SKIP

    def __iter__(self) -> Any:
        raise TypeError("Patch objects are write-only; you cannot iterate them.")

    def __repr__(self) -> str:
        return f"<write-only Patch object at {self._location}>"

    def append(self, item: Any) -> None:
        """Add ``item`` at the end of the list."""
        self._operations.append(_operation("Append", self._location, value=item))

    def prepend(self, item: Any) -> None:
        """Add ``item`` at the start of the list."""
        self._operations.append(_operation("Prepend", self._location, value=item))

    def insert(self, index: int, item: Any) -> None:
        """Insert ``item`` before ``index`` (negative counts from the end)."""
        self._operations.append(_operation("Insert", self._location, value=item, index=index))

    def extend(self, items: list[Any] | tuple[Any, ...]) -> None:
        """Add every item at the end of the list."""
        if not isinstance(items, (list, tuple)):
            raise TypeError(f"Patch.extend needs a list or tuple, got {type(items).__name__}: {items!r:.200}")
        self._operations.append(_operation("Extend", self._location, value=list(items)))

    def remove(self, item: Any) -> None:
        """Remove every item equal to ``item`` from the list."""
        self._operations.append(_operation("Remove", self._location, value=item))

    def clear(self) -> None:
        """Empty the list or dict."""
        self._operations.append(_operation("Clear", self._location))

    def reverse(self) -> None:
        """Reverse the list."""
        self._operations.append(_operation("Reverse", self._location))

    def update(self, other: Any = None, **more: Any) -> None:
        """Merge a dict (and keyword arguments) into the dict."""
        value = dict(other or {})
        value.update(more)
        self._operations.append(_operation("Merge", self._location, value=value))

    def sort(self) -> None:
        raise KeyError("`sort` is reserved; use p['sort'] to reach a key named sort.")

    def to_plotly_json(self) -> dict[str, Any]:
        return {PATCH_MARK: PATCH_MARK, "operations": self._operations}


def is_patch(value: Any) -> bool:
    """True for Dash's patch JSON (what a ``Patch`` serializes to)."""
    return isinstance(value, dict) and PATCH_MARK in value


def _resolve(location: list[Any], value: Any) -> list[Any]:
    """Negative list indices turned into positive ones, as dash-renderer does."""
    out: list[Any] = []
    current = value
    for key in location:
        if isinstance(key, int) and not isinstance(key, bool) and key < 0 and isinstance(current, list):
            key = len(current) + key
        out.append(key)
        current = _get(current, key)
    return out


def _get(value: Any, key: Any) -> Any:
    if isinstance(value, dict):
        return value.get(key if not isinstance(key, int) or key in value else str(key))
    if isinstance(value, list) and isinstance(key, int) and 0 <= key < len(value):
        return value[key]
    return None


def _get_path(value: Any, location: list[Any]) -> Any:
    for key in location:
        value = _get(value, key)
    return value


def _assoc(value: Any, location: list[Any], new: Any) -> Any:
    """A copy of ``value`` with ``new`` at ``location`` (missing dicts are created)."""
    if not location:
        return new
    key, rest = location[0], location[1:]
    if isinstance(value, list) and isinstance(key, int):
        out = list(value)
        if key == len(out):
            out.append(None)
        if not 0 <= key < len(out):
            raise PatchError(f"index {key} is out of range for a list of {len(out)} items")
        out[key] = _assoc(out[key], rest, new)
        return out
    out_dict = dict(value) if isinstance(value, dict) else {}
    out_dict[key] = _assoc(out_dict.get(key), rest, new)
    return out_dict


def _dissoc(value: Any, location: list[Any]) -> Any:
    if not location:
        return None
    key, rest = location[0], location[1:]
    if isinstance(value, list) and isinstance(key, int):
        if not 0 <= key < len(value):
            return value
        out = list(value)
        if rest:
            out[key] = _dissoc(out[key], rest)
        else:
            del out[key]
        return out
    if isinstance(value, dict):
        if key not in value:
            return value
        out_dict = dict(value)
        if rest:
            out_dict[key] = _dissoc(out_dict[key], rest)
        else:
            del out_dict[key]
        return out_dict
    return value


def _need_list(name: str, value: Any, location: list[Any]) -> list[Any]:
    if not isinstance(value, list):
        raise PatchError(f"Patch {name} at {location}: expected a list, found {type(value).__name__} {value!r:.200}")
    return value


def apply_patch(value: Any, patch_json: dict[str, Any]) -> Any:
    """The result of applying Dash patch JSON to ``value``; ``value`` itself is not changed.

    Raises:
        PatchError: an operation does not fit the value (e.g. ``Append`` to a number), or the
            operation name is unknown.
    """
    result = value
    for op in patch_json.get("operations", []):
        name = op.get("operation")
        params = op.get("params") or {}
        location = _resolve(list(op.get("location") or []), result)
        current = _get_path(result, location)
        arg = params.get("value")
        if name == "Assign":
            new = copy.deepcopy(arg)
        elif name == "Delete":
            result = _dissoc(result, location)
            continue
        elif name == "Merge":
            new = {**(current or {}), **(arg or {})}
        elif name == "Extend":
            new = _need_list(name, current, location) + list(arg or [])
        elif name == "Append":
            new = _need_list(name, current, location) + [arg]
        elif name == "Prepend":
            new = [arg] + _need_list(name, current, location)
        elif name == "Insert":
            items = _need_list(name, current, location)
            index = params.get("index", 0)
            if index < 0:
                index = len(items) + index
            new = items[:index] + [arg] + items[index:]
        elif name in ("Add", "Sub", "Mul", "Div"):
            try:
                if name == "Add":
                    new = current + arg
                elif name == "Sub":
                    new = current - arg
                elif name == "Mul":
                    new = current * arg
                else:
                    new = current / arg
            except TypeError as error:
                raise PatchError(f"Patch {name} at {location}: {error}") from None
        elif name == "Clear":
            new = type(current)() if isinstance(current, (list, dict, str)) else None
        elif name == "Reverse":
            new = list(reversed(_need_list(name, current, location)))
        elif name == "Remove":
            new = [item for item in _need_list(name, current, location) if item != arg]
        else:
            raise PatchError(f"Invalid Patch operation {name!r}")
        result = _assoc(result, location, new)
    return result
