"""Shipping Python callbacks to the page: their source, and the check that they are self-contained.

Only the source of functions marked clientside travels to the page, never the rest of the app's
module (which may hold secrets). Such a function may use its parameters and locals, builtins, and
names that are *imports the page can satisfy* (stdlib modules, wasmdash or dash objects); anything
else it reads from the module (a constant, a helper, a database handle) does not exist in the page,
so the host refuses to start and says which function uses which name.
"""

from __future__ import annotations

import ast
import builtins
import inspect
import json
import logging
import symtable
import sys
import textwrap
import types
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from .exceptions import DashException

logger = logging.getLogger(__name__)
_WARNED: set[str] = set()

__all__ = [
    "ClientsideSourceError",
    "PageFunction",
    "page_function",
    "page_module_source",
    "page_app_source",
    "build_page_app",
    "is_python_clientside",
]

#: Top-level packages whose names may be imported by a function that runs in the page.
PAGE_PACKAGES = frozenset({"wasmdash", "dash"})


class ClientsideSourceError(DashException):
    """A Python callback marked clientside cannot run in the page as written."""


@dataclass(frozen=True)
class PageFunction:
    """A function's source as it will run in the page, with the imports it needs."""

    name: str
    source: str
    imports: tuple[str, ...]
    location: str
    #: the file's base name and the line of the ``def``, so page tracebacks point at the app's code
    filename: str = "<clientside>"
    line: int = 1


#: What a shipped function is, in error messages, unless said otherwise.
CALLBACK_ROLE = "clientside Python callback"


def _location(func: Callable[..., Any]) -> str:
    code = getattr(func, "__code__", None)
    if code is None:
        return "<unknown>"
    return f"{code.co_filename.rsplit('/', 1)[-1]}:{code.co_firstlineno}"


def _function_source(func: Callable[..., Any]) -> str:
    """The ``def`` (or ``async def``) of ``func`` without its decorators, dedented."""
    return _function_source_and_offset(func)[0]


def _function_source_and_offset(func: Callable[..., Any], role: str = CALLBACK_ROLE) -> tuple[str, int]:
    """The source (see ``_function_source``) and how many decorator lines came before the def."""
    try:
        source = textwrap.dedent(inspect.getsource(func))
    except (OSError, TypeError) as error:
        raise ClientsideSourceError(
            f"{role} `{getattr(func, '__name__', func)!s}` has no readable source "
            f"({error}); define it with `def` in a file, not in a REPL or with exec."
        ) from None
    tree = ast.parse(source)
    node = tree.body[0]
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        raise ClientsideSourceError(
            f"{role} `{func.__name__}` ({_location(func)}) must be a function "
            "defined with `def`; lambdas cannot be shipped to the page."
        )
    lines = source.splitlines()
    return "\n".join(lines[node.lineno - 1 :]) + "\n", node.lineno - 1


def _global_names(source: str) -> set[str]:
    """Every name the function (and anything nested in it) reads as a global."""
    table = symtable.symtable(source, "<clientside>", "exec")
    names: set[str] = set()
    stack = list(table.get_children())
    while stack:
        child = stack.pop()
        for symbol in child.get_symbols():
            if symbol.is_global():
                names.add(symbol.get_name())
        stack.extend(child.get_children())
    return names


def _is_page_module(name: str) -> bool:
    top = name.split(".")[0]
    return top in PAGE_PACKAGES or top in sys.stdlib_module_names


def _import_for(name: str, value: Any) -> str | None:
    """An import statement that gives ``name`` the same meaning in the page, or None."""
    if isinstance(value, types.ModuleType):
        module = value.__name__
        if not _is_page_module(module):
            return None
        module = _page_module_name(module)
        return f"import {module}" if module == name else f"import {module} as {name}"
    for module_name in _candidate_modules(value):
        if not _is_page_module(module_name):
            continue
        module = sys.modules.get(module_name)
        for attr in (name, getattr(value, "__name__", None)):
            if attr and module is not None and getattr(module, attr, None) is value:
                page_module = _page_module_name(module_name)
                return (
                    f"from {page_module} import {attr}"
                    if attr == name
                    else f"from {page_module} import {attr} as {name}"
                )
    return None


def _candidate_modules(value: Any) -> Iterable[str]:
    module = getattr(value, "__module__", None) or getattr(type(value), "__module__", None)
    if isinstance(module, str):
        yield module
    yield "wasmdash"


def _page_module_name(module: str) -> str:
    """``dash.x`` (the alias an unmodified Dash app imported) is ``wasmdash.x`` in the page."""
    if module == "dash" or module.startswith("dash."):
        return "wasmdash" + module[len("dash") :]
    return module


def page_function(func: Callable[..., Any], role: str = CALLBACK_ROLE) -> PageFunction:
    """Check that ``func`` can run in the page and return what to ship.

    ``role`` names what ``func`` is in error messages (a callback, an ``on_error`` handler).

    Raises:
        ClientsideSourceError: naming the function and every module-level name it uses that will
            not exist in the page, with the remedy.
    """
    name = getattr(func, "__name__", repr(func))
    if getattr(func, "__closure__", None):
        free = ", ".join(f"`{v}`" for v in func.__code__.co_freevars)
        raise ClientsideSourceError(
            f"{role} `{name}` ({_location(func)}) closes over {free} from an "
            "enclosing function; only module-level functions can be shipped to the page."
        )
    source, offset = _function_source_and_offset(func, role)
    module_globals = getattr(func, "__globals__", {})
    imports: list[str] = []
    missing: list[str] = []
    for global_name in sorted(_global_names(source)):
        if global_name in module_globals:
            statement = _import_for(global_name, module_globals[global_name])
            if statement is None:
                missing.append(global_name)
            else:
                imports.append(statement)
        elif not hasattr(builtins, global_name):
            missing.append(global_name)
    if missing:
        names = ", ".join(f"`{m}`" for m in missing)
        raise ClientsideSourceError(
            f"{role} `{name}` ({_location(func)}) uses {names}, "
            f"{'a module-level name' if len(missing) == 1 else 'module-level names'} that will not "
            "exist in the page: only the function's own source is sent to the browser, never the "
            "rest of its module.\nMake the function self-contained (define or import what it needs "
            "inside it, or pass values in through State), or make it a server callback."
        )
    code = getattr(func, "__code__", None)
    return PageFunction(
        name=name,
        source=source,
        imports=tuple(sorted(set(imports))),
        location=_location(func),
        filename=code.co_filename.replace("\\", "/").rsplit("/", 1)[-1] if code else "<clientside>",
        line=(code.co_firstlineno + offset) if code else 1,
    )


def page_module_source(functions: Iterable[PageFunction]) -> str:
    """One Python module defining every shipped function, with their imports first."""
    functions = list(functions)
    imports = sorted({line for f in functions for line in f.imports})
    parts = ['"""Python callbacks that run in the page (generated by wasmdash)."""', *imports, ""]
    for function in functions:
        parts.append(f"# {function.location}")
        parts.append(function.source)
    return "\n".join(parts)


# -- the page's app ---------------------------------------------------------------------------------
#: ``clientside_function["namespace"]`` of Python callbacks that run in the page.
PYTHON_NAMESPACE = "_wasmdash_python"


def is_python_clientside(spec: Any) -> bool:
    """Is this ``CallbackSpec`` a Python callback that runs in the page?"""
    function = getattr(spec, "clientside_function", None) or {}
    return function.get("namespace") == PYTHON_NAMESPACE and getattr(spec, "func", None) is not None


def _dep_json(dep: Any) -> dict[str, Any]:
    from .dependencies import Wildcard

    component_id = dep.component_id
    if isinstance(component_id, dict):
        component_id = {k: [v.value] if isinstance(v, Wildcard) else v for k, v in component_id.items()}
    return {
        "__dep__": type(dep).__name__,
        "id": component_id,
        "property": dep.component_property,
        "allow_duplicate": bool(dep.allow_duplicate),
        "allow_optional": bool(dep.allow_optional),
    }


def _grouping_json(grouping: Any) -> Any:
    if isinstance(grouping, dict):
        return {"__dict__": {k: _grouping_json(v) for k, v in grouping.items()}}
    if isinstance(grouping, (list, tuple)):
        return [_grouping_json(v) for v in grouping]
    if grouping is None or isinstance(grouping, (int, str)):
        return grouping
    return _dep_json(grouping)


def _grouping_from_json(data: Any) -> Any:
    from .dependencies import ALL, ALLSMALLER, MATCH, Input, Output, State

    wildcards = {"ALL": ALL, "MATCH": MATCH, "ALLSMALLER": ALLSMALLER}
    if isinstance(data, list):
        return [_grouping_from_json(v) for v in data]
    if not isinstance(data, dict):
        return data
    if "__dict__" in data:
        return {k: _grouping_from_json(v) for k, v in data["__dict__"].items()}
    component_id = data["id"]
    if isinstance(component_id, dict):
        component_id = {
            k: wildcards[v[0]] if isinstance(v, list) and len(v) == 1 and v[0] in wildcards else v
            for k, v in component_id.items()
        }
    kind = data["__dep__"]
    if kind == "Output":
        return Output(component_id, data["property"], allow_duplicate=data["allow_duplicate"])
    return {"Input": Input, "State": State}[kind](
        component_id, data["property"], allow_optional=data["allow_optional"]
    )


def _spec_json(spec: Any) -> dict[str, Any]:
    return {
        "output": _grouping_json(spec.output),
        "inputs": [_dep_json(d) for d in spec.inputs],
        "states": [_dep_json(d) for d in spec.states],
        "args_indices": _grouping_json(spec.args_indices),
        "prevent_initial_call": spec.prevent_initial_call,
        "prevent_initial_call_raw": spec.prevent_initial_call_raw,
        "output_id": spec.output_id,
        "running": spec.running,
        "clientside_function": spec.clientside_function,
    }


def page_app_source(specs: Iterable[Any], on_error: Callable[..., Any] | None = None) -> str:
    """The module the page runs to get a ``Dash`` app holding the Python clientside callbacks.

    Only each function's own source travels (checked by :func:`page_function`), with the imports it
    needs; the callbacks are registered on the page's app with the very dependencies, argument shape
    and ``output`` string the server lists, so ``Dash.dispatch`` answers the same requests the same way.
    Their ``on_error`` handlers travel too, and so does the app's (``Dash(on_error=...)``) when it
    can: one that cannot (a lambda, a closure) is left on the server, and the page's callbacks then
    report their errors to the page as they would without it.

    Raises:
        ClientsideSourceError: a function, or its own ``on_error`` handler, uses a module-level
            name the page will not have.
    """
    entries = []
    shipped: list[PageFunction] = []
    handlers: dict[str, PageFunction] = {}

    def ship_handler(handler: Callable[..., Any], role: str) -> str:
        function = page_function(handler, role)
        known = handlers.setdefault(function.name, function)
        if known.source != function.source:
            raise ClientsideSourceError(
                f"{role} `{function.name}` ({function.location}) has the name of another handler "
                f"shipped to the page ({known.location}); give them different names."
            )
        return function.name

    for spec in specs:
        if not is_python_clientside(spec):
            continue
        function = page_function(spec.func)
        shipped.append(function)
        handler = spec.extra.get("on_error")
        entries.append(
            {
                **_entry(function),
                "spec": _spec_json(spec),
                "on_error": ship_handler(
                    handler, f"on_error handler of clientside Python callback `{function.name}`,"
                ) if handler is not None else None,
            }
        )
    app_handler = None
    if on_error is not None and entries:
        try:
            app_handler = ship_handler(on_error, "Dash(on_error=...) handler")
        except ClientsideSourceError as error:
            if str(error) not in _WARNED:  # the server builds this module for every page load
                _WARNED.add(str(error))
                logger.warning("the app's on_error stays on the server; in the page: %s", error)
    shipped += handlers.values()
    imports = sorted({line for f in shipped for line in f.imports})
    data = json.dumps(  # not sorted: a dict grouping's order is its outputs' order
        {
            "callbacks": entries,
            "handlers": [_entry(f) for f in handlers.values()],
            "on_error": app_handler,
        },
        separators=(",", ":"),
    )
    return "\n".join(
        [
            "# Python callbacks that run in the page (generated by wasmdash): only these functions'",
            "# own source, never the rest of their modules.",
            *(f"#   {f.name} ({f.location})" for f in shipped),
            "from wasmdash._clientside import build_page_app as _build_page_app",
            *imports,
            "",
            f"app = _build_page_app(globals(), {data!r})",
            "",
        ]
    )


def _entry(function: PageFunction) -> dict[str, Any]:
    return {"name": function.name, "source": function.source, "filename": function.filename, "line": function.line}


class _ForwardedProps(dict):  # type: ignore[type-arg]
    """``CallbackState.updated_props`` whose writes go to the page at once instead of the response."""

    def __init__(self, sink: Callable[[str, dict[str, Any]], None]) -> None:
        super().__init__()
        self._sink = sink

    def __setitem__(self, key: str, props: dict[str, Any]) -> None:
        self._sink(key, dict(props))


def _page_dash_class() -> type:
    from .app import Dash

    class PageDash(Dash):
        """The page's app: the Python clientside callbacks, answered by ``Dash.dispatch``.

        ``set_props_sink(component_id, props)``, when set, receives ``set_props`` calls as they
        happen (the page applies them at once, as Dash does for clientside callbacks) instead of
        collecting them into the response's ``sideUpdate``.
        """

        set_props_sink: Callable[[str, dict[str, Any]], None] | None = None

        def _make_state(self, body: Any, spec: Any, request: Any) -> Any:
            state = super()._make_state(body, spec, request)
            if self.set_props_sink is not None:
                state.updated_props = _ForwardedProps(self.set_props_sink)
            return state

    return PageDash


def build_page_app(namespace: dict[str, Any], page_json: str) -> Any:
    """Define each shipped function in ``namespace`` and register it on a new page ``Dash`` app.

    Each function is compiled under its file's base name and its own line number, so a traceback
    in the page points at the app's source line.
    """
    from ._callbacks import CallbackSpec, register
    from ._grouping import flatten_grouping

    page = json.loads(page_json)
    app = _page_dash_class()(name="_wasmdash_page")
    app.debug = True  # tracebacks reach the page's error overlay
    for entry in page["handlers"]:
        _define(namespace, entry)
    if page["on_error"] is not None:
        app.on_error = namespace[page["on_error"]]
    for entry in page["callbacks"]:
        func = _define(namespace, entry)
        data = entry["spec"]
        output = _grouping_from_json(data["output"])
        spec = CallbackSpec(
            func=func,
            output=output,
            outputs=tuple(flatten_grouping(output)) if output is not None else (),
            inputs=tuple(_grouping_from_json(d) for d in data["inputs"]),
            states=tuple(_grouping_from_json(d) for d in data["states"]),
            args_indices=_grouping_from_json(data["args_indices"]),
            prevent_initial_call=data["prevent_initial_call"],
            prevent_initial_call_raw=data["prevent_initial_call_raw"],
            output_id=data["output_id"],
            running=data["running"],
            clientside_function=data["clientside_function"],
            extra={"on_error": namespace[entry["on_error"]]} if entry["on_error"] else {},
        )
        register(app.callback_map, app._callback_list, spec)
    return app


def _define(namespace: dict[str, Any], entry: dict[str, Any]) -> Any:
    padded = "\n" * (max(1, int(entry["line"])) - 1) + entry["source"]
    exec(compile(padded, entry["filename"], "exec"), namespace)  # noqa: S102 - the app's own code
    return namespace[entry["name"]]
