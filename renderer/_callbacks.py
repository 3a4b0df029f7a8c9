"""Declaring callbacks: the global ``callback`` decorator, the registry, and ``CallbackSpec``.

``@callback(...)`` (like ``dash.callback``) records into a module-level registry that the next
``Dash`` app to set itself up takes over; ``@app.callback(...)`` records into that app directly.
Arguments follow Dash's flexible signatures: outputs, inputs and states given positionally (flat or
in lists), or as ``output=``/``inputs=``/``state=`` keywords holding a single dependency, a
list/tuple, or a dict (then the function is called with keyword arguments).
"""

from __future__ import annotations

import hashlib
import json
import inspect
import os
from dataclasses import dataclass, field
from typing import Any, Callable

from ._grouping import flatten_grouping, grouping_len, make_grouping_by_index
from .component import to_json
from .dependencies import ClientsideFunction, DashDependency, Input, Output, State
from .exceptions import DuplicateCallback, IncorrectTypeException, InvalidCallbackReturnValue

__all__ = [
    "CallbackSpec",
    "NoUpdate",
    "no_update",
    "callback",
    "clientside_callback",
    "GLOBAL_CALLBACK_LIST",
    "GLOBAL_CALLBACK_MAP",
    "parse_callback_args",
    "callback_id",
    "PYTHON_NAMESPACE",
    "python_clientside_function",
]


class NoUpdate:
    """The type of ``no_update``: return it (for one output, or instead of all) to leave it as is."""

    def to_plotly_json(self) -> dict[str, str]:
        return {"_dash_no_update": "_dash_no_update"}

    @staticmethod
    def is_no_update(value: Any) -> bool:
        return isinstance(value, NoUpdate) or (
            isinstance(value, dict) and value == {"_dash_no_update": "_dash_no_update"}
        )

    def __repr__(self) -> str:
        return "no_update"


# Users import it from the package (``from wasmdash import no_update``), and so should the page
# when a Python callback that uses it is shipped there (see ``_clientside``).
NoUpdate.__module__ = "wasmdash"
no_update = NoUpdate()


@dataclass
class CallbackSpec:
    """One declared callback: what it reads and writes and the function to call."""

    func: Callable[..., Any] | None
    #: Outputs as declared: one Output, or a list/dict grouping of them; None when there are none.
    output: Any
    outputs: tuple[Output, ...]
    inputs: tuple[Input, ...]
    states: tuple[State, ...]
    #: Indices into ``inputs + states`` shaped like the function's arguments.
    args_indices: Any
    prevent_initial_call: bool
    output_id: str
    running: dict[str, Any] | None = None
    #: ``prevent_initial_call`` as given: True, False or ``"initial_duplicate"``.
    prevent_initial_call_raw: Any = False
    clientside_function: dict[str, str] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def has_output(self) -> bool:
        return bool(self.outputs)

    @property
    def is_multi(self) -> bool:
        """True when the function returns a list/tuple/dict of values, one per output grouping."""
        return isinstance(self.output, (list, tuple, dict))

    @property
    def uses_kwargs(self) -> bool:
        return isinstance(self.args_indices, dict)

    @property
    def using_args_grouping(self) -> bool:
        """Dash's rule: dict or nested groupings, or Inputs and States interleaved."""
        groups = self.args_indices if isinstance(self.args_indices, list) else [self.args_indices]
        if isinstance(self.args_indices, dict) or any(isinstance(g, (list, dict)) for g in groups):
            return True
        flat = flatten_grouping(self.args_indices)
        return flat != sorted(flat)

    @property
    def using_outputs_grouping(self) -> bool:
        return isinstance(self.output, dict) or (
            isinstance(self.output, (list, tuple)) and any(isinstance(o, (list, tuple, dict)) for o in self.output)
        )

    @property
    def name(self) -> str:
        if self.func is None:
            return "clientside callback"
        return getattr(self.func, "__name__", repr(self.func))

    @property
    def location(self) -> str:
        code = getattr(inspect.unwrap(self.func), "__code__", None) if self.func else None
        if code is None:
            return "<unknown>"
        return f"{os.path.basename(code.co_filename)}:{code.co_firstlineno}"

    def describe(self) -> str:
        """``callback update (app.py:12) with outputs Output("a", "children")`` for error texts."""
        outputs = ", ".join(_describe_dep(o) for o in self.outputs) or "no outputs"
        return f"callback `{self.name}` ({self.location}) with outputs {outputs}"

    def to_dependency_json(self) -> dict[str, Any]:
        """This callback as one item of ``_dash-dependencies`` (Dash's shape)."""
        spec: dict[str, Any] = {
            "output": self.output_id,
            "inputs": [d.to_dict() for d in self.inputs],
            "state": [d.to_dict() for d in self.states],
            "clientside_function": self.clientside_function,
            "prevent_initial_call": self.prevent_initial_call,
            "no_output": not self.has_output,
        }
        if self.running:
            spec["running"] = self.running
        return spec


def describe_dep(dep: Any) -> str:
    """``Output("table", "data")``: a dependency as the user wrote it (for error texts)."""
    if not isinstance(dep, DashDependency):
        return str(dep)
    try:
        component_id = json.dumps(dep.component_id, default=str)
    except (TypeError, ValueError):
        component_id = repr(dep.component_id)
    return f'{type(dep).__name__}({component_id}, "{dep.component_property}")'


_describe_dep = describe_dep


def callback_id(outputs: Any, inputs: list[DashDependency], *, no_output: bool = False, site: str = "") -> str:
    """Dash's ``output`` string for a callback.

    Dots inside an id are escaped as ``\\.``; an ``allow_duplicate`` output gets ``@<sha256 of the
    inputs>``; a callback with no outputs gets the hash itself as a unique placeholder.
    """
    digest = hashlib.sha256(".".join(str(x) for x in inputs).encode("utf-8")).hexdigest()
    if no_output:
        if not inputs and site:
            return hashlib.sha256(site.encode("utf-8")).hexdigest()
        return digest

    def one(dep: DashDependency) -> str:
        text = dep.component_id_str().replace(".", "\\.") + "." + dep.component_property
        return text + (f"@{digest}" if dep.allow_duplicate else "")

    if isinstance(outputs, (list, tuple)):
        return ".." + "...".join(one(o) for o in outputs) + ".."
    return one(outputs)


def _is_all(grouping: Any, types: tuple[type, ...]) -> bool:
    leaves = flatten_grouping(grouping)
    return bool(leaves) and all(isinstance(d, types) for d in leaves)


def parse_callback_args(args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
    """Split ``callback(...)`` arguments into outputs, inputs, states and argument shape.

    Returns:
        dict with ``output`` (grouping or None), ``outputs``, ``inputs``, ``states`` (flat tuples),
        ``args_indices`` and ``prevent_initial_call`` (None when not given).

    Raises:
        IncorrectTypeException: an argument is not an Output/Input/State where one is expected.
    """
    args_list = list(args)
    prevent_initial_call = kwargs.get("prevent_initial_call")
    if prevent_initial_call is None and args_list and isinstance(args_list[-1], bool):
        prevent_initial_call = args_list.pop()

    flat: list[Any] = []
    for arg in args_list:
        flat += list(arg) if isinstance(arg, (list, tuple)) else [arg]

    # Outputs.
    if "output" in kwargs:
        output = kwargs["output"]
        if isinstance(output, tuple):
            output = list(output)
        for dep in flatten_grouping(output):
            if not isinstance(dep, Output):
                raise IncorrectTypeException(
                    f"output= must hold Output dependencies, got {dep!r:.200} ({type(dep).__name__})"
                )
        explicit_list = isinstance(kwargs["output"], (list, tuple))
    else:
        collected = []
        while flat and _is_all(flat[0], (Output,)):
            collected.append(flat.pop(0))
        output = collected
        explicit_list = bool(args_list) and isinstance(args_list[0], (list, tuple))
    if isinstance(output, list) and len(output) == 1 and not explicit_list:
        output = output[0]  # a single Output: the function returns a bare value
    if isinstance(output, list) and not output:
        output = None

    # Inputs and states.
    if "inputs" in kwargs:
        inputs_arg = kwargs["inputs"]
        state_arg = kwargs.get("state")
        if isinstance(inputs_arg, DashDependency):
            inputs_arg = [inputs_arg]
        if isinstance(state_arg, DashDependency):
            state_arg = [state_arg]
        if isinstance(inputs_arg, dict):
            if state_arg and not isinstance(state_arg, dict):
                raise IncorrectTypeException(
                    "inputs= is a dict but state= is not: give both as dicts (keyword arguments) or "
                    "both as lists (positional arguments)."
                )
            grouping: Any = {**(state_arg or {}), **inputs_arg}
        elif isinstance(inputs_arg, (list, tuple)):
            if state_arg and not isinstance(state_arg, (list, tuple)):
                raise IncorrectTypeException(
                    "inputs= is a list but state= is not: give both as lists or both as dicts."
                )
            grouping = list(inputs_arg) + list(state_arg or [])
        else:
            raise IncorrectTypeException(
                f"inputs= must be an Input, a list/tuple or a dict, got {type(inputs_arg).__name__}: "
                f"{inputs_arg!r:.200}"
            )
    else:
        if "state" in kwargs:
            raise IncorrectTypeException("state= may only be given together with inputs=.")
        groups = []
        while flat and _is_all(flat[0], (Input, State)):
            groups.append(flat.pop(0))
        grouping = groups[0] if len(groups) == 1 else groups
    if flat:
        bad = flat[0]
        raise IncorrectTypeException(
            f"callback arguments must be Output, Input and State dependencies, in that order; got "
            f"{bad!r:.200} ({type(bad).__name__}). Outputs come first, then Inputs, then States."
        )

    leaves = flatten_grouping(grouping)
    for dep in leaves:
        if not isinstance(dep, (Input, State)):
            raise IncorrectTypeException(
                f"expected an Input or State, got {dep!r:.200} ({type(dep).__name__})"
            )
    inputs = [d for d in leaves if isinstance(d, Input)]
    states = [d for d in leaves if isinstance(d, State)]
    counters = {"input": 0, "state": len(inputs)}
    indices = []
    for dep in leaves:
        key = "input" if isinstance(dep, Input) else "state"
        indices.append(counters[key])
        counters[key] += 1
    args_indices = make_grouping_by_index(grouping, indices) if grouping_len(grouping) and leaves else []
    if isinstance(grouping, dict):
        args_indices = dict(args_indices)

    outputs = tuple(flatten_grouping(output)) if output is not None else ()
    for dep in list(outputs) + leaves:
        _check_dependency(dep)
    _check_wildcards(outputs, inputs, states)
    return {
        "output": output,
        "outputs": outputs,
        "inputs": tuple(inputs),
        "states": tuple(states),
        "args_indices": args_indices,
        "prevent_initial_call": prevent_initial_call,
    }


def _check_dependency(dep: DashDependency) -> None:
    """Dash's rules for one dependency: a string prop, and an id that is a safe string or dict."""
    from .dependencies import Wildcard
    from .exceptions import InvalidComponentIdError

    if not isinstance(dep.component_property, str) or not dep.component_property:
        raise IncorrectTypeException(
            f"{describe_dep(dep)}: component_property must be a non-empty string, got "
            f"{dep.component_property!r:.200}"
        )
    component_id = dep.component_id
    if isinstance(component_id, str):
        bad = [c for c in ".{" if c in component_id]
        if bad or not component_id:
            raise InvalidComponentIdError(
                f"{describe_dep(dep)}: the id {component_id!r} "
                + (f"contains {' and '.join(f'`{c}`' for c in bad)}; `.` and `{{` are not allowed in ids."
                   if bad else "is empty.")
                + " Use another character (e.g. `-`), or a dict id for pattern matching."
            )
    elif isinstance(component_id, dict):
        for key, value in component_id.items():
            if not isinstance(key, str) or not key:
                raise IncorrectTypeException(
                    f"{describe_dep(dep)}: dict id keys must be non-empty strings, found {key!r}"
                )
            if not isinstance(value, (Wildcard, str, int, float, bool)):
                raise IncorrectTypeException(
                    f"{describe_dep(dep)}: dict id values must be wildcards or a string, number or "
                    f"boolean, found {value!r:.200} ({type(value).__name__}) under key {key!r}"
                )
            if isinstance(value, Wildcard) and value not in type(dep).allowed_wildcards:
                raise IncorrectTypeException(
                    f"{describe_dep(dep)}: {value} is not allowed in an {type(dep).__name__}; allowed: "
                    + ", ".join(str(w) for w in type(dep).allowed_wildcards)
                )
    else:
        raise IncorrectTypeException(
            f"{type(dep).__name__}: component_id must be a string or a dict, got "
            f"{type(component_id).__name__}: {component_id!r:.200}"
        )


def _wildcard_keys(dep: DashDependency, wildcard: Any) -> list[str]:
    component_id = dep.component_id
    if not isinstance(component_id, dict):
        return []
    return sorted(k for k, v in component_id.items() if v is wildcard)


def _check_wildcards(outputs: tuple[Output, ...], inputs: list[Input], states: list[State]) -> None:
    """dash-renderer's rules for MATCH and ALLSMALLER across one callback's dependencies.

    Every Output has MATCH on the same keys; ALLSMALLER needs a MATCH on its key in the Outputs;
    when the Outputs have MATCH, Input/State MATCH keys must be among them.
    """
    from .dependencies import ALLSMALLER, MATCH

    match_keys = _wildcard_keys(outputs[0], MATCH) if outputs else []
    for i, dep in enumerate(outputs[1:], start=1):
        if _wildcard_keys(dep, MATCH) != match_keys:
            raise IncorrectTypeException(
                f"Mismatched MATCH wildcards across Outputs: Output {i} {describe_dep(dep)} does not have "
                f"MATCH on the same keys as Output 0 {describe_dep(outputs[0])}. MATCH must be on the same "
                "keys in every Output (ALL need not be)."
            )
    for kind, deps in (("Input", inputs), ("State", states)):
        for i, dep in enumerate(deps):
            keys = _wildcard_keys(dep, ALLSMALLER) + (_wildcard_keys(dep, MATCH) if match_keys else [])
            extra = sorted(set(keys) - set(match_keys))
            if extra:
                where = f"Output 0 {describe_dep(outputs[0])}" if outputs else "the callback (it has no Outputs)"
                raise IncorrectTypeException(
                    f"{kind} {i} {describe_dep(dep)} has MATCH or ALLSMALLER on key(s) {', '.join(extra)}, but "
                    f"{where} has no MATCH on them. ALLSMALLER needs a MATCH on the same key in the Outputs, "
                    "and when the Outputs use MATCH, Input/State MATCH keys must be among theirs."
                )


def _running_json(running: Any) -> dict[str, Any] | None:
    """``running=[(Output, on, off), ...]`` as Dash sends it: ``{"running": {...}, "runningOff": {...}}``."""
    if not running:
        return None
    if not isinstance(running[0], (list, tuple)):
        running = [running]
    for item in running:
        if len(item) != 3 or not isinstance(item[0], Output):
            raise IncorrectTypeException(
                f"running= items must be (Output, value_while_running, value_after), got {item!r:.200}"
            )
    return {
        "running": {str(r[0]): to_json(r[1]) for r in running},
        "runningOff": {str(r[0]): to_json(r[2]) for r in running},
    }


def _call_site() -> str:
    """``file:line`` of the first caller outside wasmdash (cheap: no source lookups)."""
    import sys

    here = os.path.dirname(os.path.abspath(__file__))
    frame = sys._getframe(1)
    while frame is not None:
        filename = frame.f_code.co_filename
        if not os.path.abspath(filename).startswith(here):
            return f"{filename}:{frame.f_lineno}"
        frame = frame.f_back
    return ""


def make_spec(
    func: Callable[..., Any] | None,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    *,
    default_prevent_initial_call: bool = False,
    clientside_function: dict[str, str] | None = None,
) -> CallbackSpec:
    """A :class:`CallbackSpec` from ``callback(...)`` arguments."""
    parsed = parse_callback_args(args, kwargs)
    prevent = parsed["prevent_initial_call"]
    if prevent is None:
        prevent = default_prevent_initial_call
    no_output = not parsed["outputs"]
    output_for_id = parsed["output"]
    if isinstance(output_for_id, dict):
        output_for_id = list(parsed["outputs"])
    elif isinstance(output_for_id, list):
        output_for_id = list(parsed["outputs"])
    output_id = callback_id(
        output_for_id,
        list(parsed["inputs"]),
        no_output=no_output,
        site=_call_site() if no_output and not parsed["inputs"] else "",
    )
    if kwargs.get("server_only") and (kwargs.get("clientside") or clientside_function is not None):
        # server_only=True: a static export (wasmdash build) sends this callback to its --server.
        raise IncorrectTypeException(
            f"callback `{getattr(func, '__name__', 'clientside')}` for {output_id!r} is both server_only=True "
            "and clientside; it cannot run in the page and on the server at once, choose one."
        )
    if kwargs.get("clientside") and clientside_function is None:
        clientside_function = python_clientside_function(func, output_id)
    return CallbackSpec(
        func=func,
        output=parsed["output"],
        outputs=parsed["outputs"],
        inputs=parsed["inputs"],
        states=parsed["states"],
        args_indices=parsed["args_indices"],
        prevent_initial_call=prevent is True,
        prevent_initial_call_raw=prevent,
        output_id=output_id,
        running=_running_json(kwargs.get("running")),
        clientside_function=clientside_function,
        extra={
            k: v
            for k, v in kwargs.items()
            if k not in {"output", "inputs", "state", "prevent_initial_call", "running", "clientside"}
        },
    )


#: The ``clientside_function`` namespace of Python callbacks that run in the page (Pyodide).
PYTHON_NAMESPACE = "_wasmdash_python"


def python_clientside_function(func: Callable[..., Any] | None, output_id: str) -> dict[str, str]:
    """``{"namespace": "_wasmdash_python", "function_name": ...}``, unique per callback of an app.

    The name is the function's name plus a digest of the callback's ``output`` string (unique in an
    app), so two functions with the same name in different modules stay apart in the page.

    Raises:
        IncorrectTypeException: ``func`` is not a function.
    """
    if not callable(func):
        raise IncorrectTypeException(
            f"clientside=True needs a Python function to run in the page, got {type(func).__name__}: {func!r:.200}"
        )
    digest = hashlib.sha256(output_id.encode("utf-8")).hexdigest()[:12]
    return {"namespace": PYTHON_NAMESPACE, "function_name": f"{getattr(func, '__name__', 'callback')}_{digest}"}


#: Callbacks declared with the global ``callback``; the next app to set up takes them over.
GLOBAL_CALLBACK_LIST: list[CallbackSpec] = []
GLOBAL_CALLBACK_MAP: dict[str, CallbackSpec] = {}


def register(registry: dict[str, CallbackSpec], order: list[CallbackSpec], spec: CallbackSpec) -> None:
    """Add ``spec``; a second callback with the same ``output`` string is a DuplicateCallback."""
    existing = registry.get(spec.output_id)
    if existing is not None:
        raise DuplicateCallback(
            f"{spec.describe()} sets the same outputs as {existing.describe()}.\n"
            "Each output may be set by one callback only. To set it from several callbacks, pass "
            "`allow_duplicate=True` to the Output of each extra one, e.g. "
            "Output('id', 'prop', allow_duplicate=True)."
        )
    registry[spec.output_id] = spec
    order.append(spec)


def callback(*args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``dash.callback``: declare a server callback without an app at hand.

    Same arguments as ``Dash.callback``; the next ``Dash`` app that serves takes it over.
    """

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        spec = make_spec(func, args, kwargs, default_prevent_initial_call=False)
        spec.extra["_prevent_initial_call_given"] = _prevent_given(args, kwargs)
        register(GLOBAL_CALLBACK_MAP, GLOBAL_CALLBACK_LIST, spec)
        return func

    return decorate


def _prevent_given(args: tuple[Any, ...], kwargs: dict[str, Any]) -> bool:
    return kwargs.get("prevent_initial_call") is not None or bool(args and isinstance(args[-1], bool))


def clientside_spec(clientside_function: Any, args: tuple[Any, ...], kwargs: dict[str, Any], default_prevent: bool) -> tuple[CallbackSpec, str | None]:
    """A spec for a clientside callback, and the inline script for a JS source string, if any.

    ``clientside_function`` is a ``ClientsideFunction`` or JS source (run by JavaScript, as in Dash),
    or a Python function (run by Pyodide in the page, like ``callback(..., clientside=True)``).
    """
    script = None
    if callable(clientside_function) and not isinstance(clientside_function, (str, ClientsideFunction)):
        # A Python function: it runs in the page, on Pyodide (wasmdash's own kind of clientside).
        spec = make_spec(
            clientside_function, args, {**kwargs, "clientside": True}, default_prevent_initial_call=default_prevent
        )
        return spec, None
    if isinstance(clientside_function, ClientsideFunction):
        function = clientside_function.to_dict()
    elif isinstance(clientside_function, str):
        name = "_" + hashlib.sha256(clientside_function.encode("utf-8")).hexdigest()
        function = {"namespace": "_dashprivate_clientside_funcs", "function_name": name}
        script = (
            "var clientside = window.dash_clientside = window.dash_clientside || {};\n"
            "var ns = clientside['_dashprivate_clientside_funcs'] = "
            "clientside['_dashprivate_clientside_funcs'] || {};\n"
            f"ns['{name}'] = {clientside_function};"
        )
    else:
        raise IncorrectTypeException(
            "clientside_callback needs a ClientsideFunction(namespace, function_name), a string of "
            f"JavaScript source or a Python function, got {type(clientside_function).__name__}: {clientside_function!r:.200}"
        )
    spec = make_spec(None, args, kwargs, default_prevent_initial_call=default_prevent, clientside_function=function)
    return spec, script


#: Inline scripts from global ``clientside_callback`` calls given JS source.
GLOBAL_INLINE_SCRIPTS: list[str] = []


def clientside_callback(clientside_function: Any, *args: Any, **kwargs: Any) -> None:
    """``dash.clientside_callback``: a callback that runs JavaScript in the page."""
    spec, script = clientside_spec(clientside_function, args, kwargs, False)
    spec.extra["_prevent_initial_call_given"] = _prevent_given(args, kwargs)
    register(GLOBAL_CALLBACK_MAP, GLOBAL_CALLBACK_LIST, spec)
    if script:
        GLOBAL_INLINE_SCRIPTS.append(script)


def check_return_shape(spec: CallbackSpec, value: Any) -> list[Any]:
    """The flat list of values, one per output; raise a clear error when the shape is wrong."""
    if not spec.is_multi:
        return [value]
    if NoUpdate.is_no_update(value):
        return [value] * len(spec.outputs)
    output = spec.output
    if isinstance(output, (list, tuple)) and not isinstance(value, (list, tuple)):
        raise InvalidCallbackReturnValue(
            f"{spec.describe()} returned a `{type(value).__name__}`, but it has {len(output)} outputs, so it "
            f"must return a list or tuple of {len(output)} values.\nValue: {value!r:.200}"
        )
    if isinstance(output, (list, tuple)) and len(value) != len(output):
        raise InvalidCallbackReturnValue(
            f"{spec.describe()} returned {len(value)} values, but it has {len(output)} outputs.\n"
            f"Value: {value!r:.200}"
        )
    try:
        return flatten_grouping(value, output)
    except InvalidCallbackReturnValue as error:
        raise InvalidCallbackReturnValue(f"{spec.describe()} returned a value of the wrong shape: {error}") from None
