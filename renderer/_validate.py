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


# -- start-up checks on the app ----------------------------------------------------------------

def _layout_components(layout: Any) -> list[Any]:
    from .component import Component

    if isinstance(layout, Component):
        return list(layout._traverse())
    return []


def validate_app(layout: Any, specs: list[Any], *, check_ids: bool, validation_layout: Any = None) -> list[Exception]:
    """Problems with the layout and callbacks, in the order a user should fix them.

    Args:
        layout: the layout component, or None when it is a function (only duplicates of callback
            outputs are checked then).
        specs: the app's ``CallbackSpec`` list.
        check_ids: also check that every id and prop a callback names exists in ``layout``.
        validation_layout: more components the ids may belong to (Dash's ``validation_layout``:
            the pages of a multi-page app); not checked for duplicates.

    Returns:
        exceptions to raise (``DuplicateIdError``, ``DuplicateCallback``,
        ``NonExistentIdException``, ``NonExistentPropException``); empty when all is well.
    """
    import difflib

    from ._callbacks import describe_dep
    from .dependencies import Wildcard
    from .exceptions import DuplicateCallback, DuplicateIdError, NonExistentIdException, NonExistentPropException
    from .ids import stringify_id

    problems: list[Exception] = []

    # 1. Duplicate ids in the layout.
    by_id: dict[str, Any] = {}
    for component in _layout_components(layout):
        component_id = component._props.get("id")
        if component_id is None:
            continue
        key = stringify_id(component_id)
        if key in by_id:
            problems.append(DuplicateIdError(
                f"Duplicate component id found in the initial layout: {key!r} is the id of both "
                f"{by_id[key]._describe(component_id)} and {component._describe(component_id)}. "
                "Every id must be unique."
            ))
        else:
            by_id[key] = component
    for component in _layout_components(validation_layout):
        component_id = component._props.get("id")
        if component_id is not None:
            by_id.setdefault(stringify_id(component_id), component)

    # 2. allow_duplicate needs prevent_initial_call; one output, one owner otherwise.
    owners: dict[str, Any] = {}
    for spec in specs:
        seen_here: set[str] = set()
        for dep in spec.outputs:
            key = str(dep)
            if key in seen_here:
                problems.append(DuplicateCallback(
                    f"{spec.describe()} lists {describe_dep(dep)} twice; list each output once."
                ))
                continue
            seen_here.add(key)
            if dep.allow_duplicate:
                if spec.prevent_initial_call_raw not in (True, "initial_duplicate") and spec.func is not None:
                    problems.append(DuplicateCallback(
                        f"{spec.describe()} uses allow_duplicate=True on {describe_dep(dep)}, which needs "
                        "prevent_initial_call=True: the order of initial calls is not guaranteed. To run "
                        "it on load anyway, pass prevent_initial_call='initial_duplicate'."
                    ))
                continue
            if key in owners and owners[key] is not spec:
                problems.append(DuplicateCallback(
                    f"{describe_dep(dep)} is set by two callbacks: {owners[key].describe()} and "
                    f"{spec.describe()}.\nTo let several callbacks set it, pass allow_duplicate=True "
                    f"to the extra ones, e.g. Output({dep.component_id!r}, {dep.component_property!r}, "
                    "allow_duplicate=True), with prevent_initial_call=True."
                ))
            else:
                owners[key] = spec

    # 3. A callback without Inputs runs only on load; with prevent_initial_call it never runs.
    for spec in specs:
        if not spec.inputs and spec.prevent_initial_call:
            from .exceptions import CallbackException

            problems.append(CallbackException(
                f"{spec.describe()} has no Input and prevent_initial_call=True, so it will never be "
                "called. Add an Input, or set prevent_initial_call=False to run it once on page load."
            ))

    # 4. Every id (and prop) a callback names exists in the static layout.
    if check_ids and layout is not None:
        known = sorted(by_id)
        for spec in specs:
            for dep in list(spec.outputs) + list(spec.inputs) + list(spec.states):
                component_id = dep.component_id
                if isinstance(component_id, dict) and any(isinstance(v, Wildcard) for v in component_id.values()):
                    continue  # pattern-matching deps may match nothing, or components added later
                key = stringify_id(component_id)
                component = by_id.get(key)
                if component is None:
                    if dep.allow_optional:
                        continue
                    message = (
                        f"{spec.describe()} uses {describe_dep(dep)}, but no component in the layout has "
                        f"the id {key!r}."
                    )
                    close = difflib.get_close_matches(key, known, n=1)
                    if close:
                        message += f" Did you mean {close[0]!r}?"
                    message += (
                        "\nIf the component is added later (by another callback or a page), pass "
                        "suppress_callback_exceptions=True to Dash()."
                    )
                    problems.append(NonExistentIdException(message))
                    continue
                prop = dep.component_property
                names = type(component)._prop_names
                if names and prop not in names and not prop.startswith(("data-", "aria-")):
                    message = (
                        f"{spec.describe()} uses {describe_dep(dep)}, but {component._describe(component_id)} "
                        f"has no prop `{prop}`."
                    )
                    close = difflib.get_close_matches(prop, names, n=1)
                    if close:
                        message += f" Did you mean `{close[0]}`?"
                    message += "\nAllowed props: " + ", ".join(sorted(names))
                    problems.append(NonExistentPropException(message))
    return problems
