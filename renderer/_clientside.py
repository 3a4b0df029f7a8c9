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
import symtable
import sys
import textwrap
import types
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from .exceptions import DashException

__all__ = ["ClientsideSourceError", "PageFunction", "page_function", "page_module_source"]

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


def _location(func: Callable[..., Any]) -> str:
    code = getattr(func, "__code__", None)
    if code is None:
        return "<unknown>"
    return f"{code.co_filename.rsplit('/', 1)[-1]}:{code.co_firstlineno}"


def _function_source(func: Callable[..., Any]) -> str:
    """The ``def`` (or ``async def``) of ``func`` without its decorators, dedented."""
    try:
        source = textwrap.dedent(inspect.getsource(func))
    except (OSError, TypeError) as error:
        raise ClientsideSourceError(
            f"clientside Python callback `{getattr(func, '__name__', func)!s}` has no readable source "
            f"({error}); define it with `def` in a file, not in a REPL or with exec."
        ) from None
    tree = ast.parse(source)
    node = tree.body[0]
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        raise ClientsideSourceError(
            f"clientside Python callback `{func.__name__}` ({_location(func)}) must be a function "
            "defined with `def`; lambdas cannot be shipped to the page."
        )
    lines = source.splitlines()
    return "\n".join(lines[node.lineno - 1 :]) + "\n"


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


def page_function(func: Callable[..., Any]) -> PageFunction:
    """Check that ``func`` can run in the page and return what to ship.

    Raises:
        ClientsideSourceError: naming the function and every module-level name it uses that will
            not exist in the page, with the remedy.
    """
    name = getattr(func, "__name__", repr(func))
    if getattr(func, "__closure__", None):
        free = ", ".join(f"`{v}`" for v in func.__code__.co_freevars)
        raise ClientsideSourceError(
            f"clientside Python callback `{name}` ({_location(func)}) closes over {free} from an "
            "enclosing function; only module-level functions can be shipped to the page."
        )
    source = _function_source(func)
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
            f"clientside Python callback `{name}` ({_location(func)}) uses {names}, "
            f"{'a module-level name' if len(missing) == 1 else 'module-level names'} that will not "
            "exist in the page: only the function's own source is sent to the browser, never the "
            "rest of its module.\nMake the function self-contained (define or import what it needs "
            "inside it, or pass values in through State), or make it a server callback."
        )
    return PageFunction(name=name, source=source, imports=tuple(sorted(set(imports))), location=_location(func))


def page_module_source(functions: Iterable[PageFunction]) -> str:
    """One Python module defining every shipped function, with their imports first."""
    functions = list(functions)
    imports = sorted({line for f in functions for line in f.imports})
    parts = ['"""Python callbacks that run in the page (generated by wasmdash)."""', *imports, ""]
    for function in functions:
        parts.append(f"# {function.location}")
        parts.append(function.source)
    return "\n".join(parts)
