"""Checks on what users and clients hand us: request bodies of ``_dash-update-component``.

Each check returns a :class:`RequestError` naming the offending field by JSON path
(``inputs[0].property``) instead of raising, so the server answers 400 and keeps serving.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["RequestError", "validate_request", "short_repr"]


@dataclass(frozen=True)
class RequestError:
    """A bad request: the message and the JSON path of the field at fault."""

    message: str
    field: str
    status: int = 400

    def to_json(self) -> dict[str, Any]:
        return {"error": self.message, "field": self.field}


def short_repr(value: Any, limit: int = 200) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _check_dep(item: Any, path: str, *, needs_value: bool) -> RequestError | None:
    if not isinstance(item, dict):
        return RequestError(
            f"{path}: expected an object with `id` and `property`, got {_json_type(item)} {short_repr(item)}",
            path,
        )
    component_id = item.get("id")
    if not (isinstance(component_id, str) and component_id) and not (
        isinstance(component_id, dict) and component_id
    ):
        return RequestError(
            f"{path}.id: expected a non-empty string or object (a component id), got "
            f"{_json_type(component_id)} {short_repr(component_id)}",
            f"{path}.id",
        )
    prop = item.get("property")
    if not isinstance(prop, str) or not prop:
        return RequestError(
            f"{path}.property: expected a non-empty string, got {_json_type(prop)} {short_repr(prop)}",
            f"{path}.property",
        )
    return None


def _check_dep_list(value: Any, name: str, *, needs_value: bool) -> RequestError | None:
    if not isinstance(value, list):
        return RequestError(f"{name}: expected an array, got {_json_type(value)} {short_repr(value)}", name)
    for i, item in enumerate(value):
        path = f"{name}[{i}]"
        if isinstance(item, list):
            for j, sub in enumerate(item):
                error = _check_dep(sub, f"{path}[{j}]", needs_value=needs_value)
                if error:
                    return error
        else:
            error = _check_dep(item, path, needs_value=needs_value)
            if error:
                return error
    return None


def validate_request(body: Any) -> RequestError | None:
    """The first problem in a ``_dash-update-component`` body, or None when its shape is right."""
    if not isinstance(body, dict):
        return RequestError(f"the request body must be a JSON object, got {_json_type(body)}", "body")
    output = body.get("output")
    if not isinstance(output, str) or not output:
        return RequestError(
            f"output: expected a non-empty string (the callback's output id), got "
            f"{_json_type(output)} {short_repr(output)}",
            "output",
        )
    if "outputs" not in body:
        return RequestError("outputs: missing (the resolved outputs of the callback)", "outputs")
    outputs = body["outputs"]
    if isinstance(outputs, dict):
        error = _check_dep(outputs, "outputs", needs_value=False)
    else:
        error = _check_dep_list(outputs, "outputs", needs_value=False)
    if error:
        return error
    if "inputs" not in body:
        return RequestError("inputs: missing (the callback's resolved Input values)", "inputs")
    error = _check_dep_list(body["inputs"], "inputs", needs_value=True)
    if error:
        return error
    if body.get("state") is not None:
        error = _check_dep_list(body["state"], "state", needs_value=True)
        if error:
            return error
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list):
        return RequestError(
            f"changedPropIds: expected an array of 'id.prop' strings, got {_json_type(changed)} {short_repr(changed)}",
            "changedPropIds",
        )
    for i, item in enumerate(changed):
        if not isinstance(item, str):
            return RequestError(
                f"changedPropIds[{i}]: expected an 'id.prop' string, got {_json_type(item)} {short_repr(item)}",
                f"changedPropIds[{i}]",
            )
    return None
