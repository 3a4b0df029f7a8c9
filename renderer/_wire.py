"""The wire contract: every JSON shape the host and the page exchange.

These are Dash's own shapes (dash-renderer speaks them), so a Dash client could talk to a wasmdash
server and the other way round. Server code and page code import the shapes from here and nowhere
else; both sides keep wire data as plain dicts typed by these ``TypedDict``s.

Endpoints (all relative to ``requests_pathname_prefix``):

* ``GET  _dash-layout``           -> :data:`ComponentJSON` (the root of the layout)
* ``GET  _dash-dependencies``     -> ``list[DependencyJSON]``
* ``POST _dash-update-component`` :class:`CallbackRequest` -> :class:`CallbackResponse`,
  or ``204 No Content`` when the callback raised ``PreventUpdate`` (or every output was
  ``no_update``).
"""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypedDict, Union

__all__ = [
    "ComponentId",
    "ComponentJSON",
    "Children",
    "DependencyJSON",
    "DependencySpec",
    "ClientsideFunctionJSON",
    "CallbackInput",
    "CallbackOutput",
    "CallbackRequest",
    "CallbackResponse",
    "ErrorJSON",
    "Path",
]

#: A component id as the user wrote it: a string, or a dict for pattern-matching ids.
ComponentId = Union[str, dict[str, Any]]


class ComponentJSON(TypedDict):
    """A component serialized the way Dash does: ``{"type", "namespace", "props"}``.

    ``props["children"]`` is a :data:`Children` value. Only props the user set are present.
    """

    type: str
    namespace: str
    props: dict[str, Any]


#: What ``children`` may hold: a component, a string or number, None, or a list of those.
Children = Union[ComponentJSON, str, int, float, None, list[Any]]

#: Where a component sits in the layout: the keys from the root component to it, exactly as
#: dash-renderer's paths, e.g. ``("props", "children", 0, "props", "children")``. The root is ``()``.
Path = tuple[Union[str, int], ...]


class DependencySpec(TypedDict):
    """One Input or State in ``_dash-dependencies``.

    ``id`` is a string, or for pattern-matching ids the dict serialized as compact JSON with sorted
    keys and wildcards as ``["ALL"]``, ``["MATCH"]``, ``["ALLSMALLER"]`` (Dash's stringification).
    """

    id: str
    property: str
    allow_optional: NotRequired[bool]


class ClientsideFunctionJSON(TypedDict):
    """Where a browser-side callback's code lives.

    Dash's JS callbacks: ``window.dash_clientside[namespace][function_name]``. wasmdash's Python
    callbacks that run in the page use the reserved namespace ``"_wasmdash_python"``.
    """

    namespace: str
    function_name: str


class DependencyJSON(TypedDict):
    """One callback as listed by ``_dash-dependencies``.

    ``output`` is ``"id.prop"`` for one output, ``"..a.x...b.y.."`` for several (Dash's format),
    each part possibly suffixed ``@<hash>`` for ``allow_duplicate=True``. Callbacks with no outputs
    get a unique placeholder output and ``no_output: True``.
    """

    output: str
    inputs: list[DependencySpec]
    state: list[DependencySpec]
    clientside_function: ClientsideFunctionJSON | None
    prevent_initial_call: bool
    long: NotRequired[Any]
    no_output: NotRequired[bool]
    #: From ``running=``: ``{"running": {"id.prop": value_while_running},
    #: "runningOff": {"id.prop": value_after}}`` (Dash's shape), or None.
    running: NotRequired[dict[str, dict[str, Any]] | None]


class CallbackInput(TypedDict):
    """One resolved Input or State value in a request (a list of these for ALL/ALLSMALLER)."""

    id: ComponentId
    property: str
    value: NotRequired[Any]


class CallbackOutput(TypedDict):
    """One resolved Output in a request (a list of these for ALL wildcards)."""

    id: ComponentId
    property: str


class CallbackRequest(TypedDict):
    """Body of ``POST _dash-update-component``."""

    output: str
    outputs: CallbackOutput | list[Any]
    inputs: list[Any]
    state: NotRequired[list[Any]]
    changedPropIds: list[str]


class CallbackResponse(TypedDict):
    """Body of a 200 from ``_dash-update-component``.

    ``response`` maps a stringified component id to the props to set on it; ``sideUpdate`` carries
    ``set_props`` updates in the same shape.
    """

    multi: Literal[True]
    response: dict[str, dict[str, Any]]
    sideUpdate: NotRequired[dict[str, dict[str, Any]]]


class ErrorJSON(TypedDict):
    """Body of a 4xx or 500: what went wrong, naming the request field or the callback at fault."""

    error: str
    field: NotRequired[str]
    callback: NotRequired[str]
    traceback: NotRequired[str]
