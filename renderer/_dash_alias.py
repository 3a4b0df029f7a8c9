"""Make ``import dash`` (and ``dash_html_components``...) resolve to wasmdash, in this process only.

``wasmdash run`` and the page call :func:`install` before loading an app written for Dash, so an
unmodified ``from dash import Dash, html, Input, Output`` file runs on wasmdash. Nothing is changed
until ``install()`` is called, so an installed real Dash is never shadowed elsewhere. Pure Python
(a ``sys.meta_path`` finder), so it works the same in Pyodide.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
from types import ModuleType
from typing import Any, Sequence

__all__ = ["install", "uninstall", "is_installed", "target_name"]

#: Dash module names whose wasmdash counterpart has a different name.
RENAMES = {
    "dash": "wasmdash",
    "dash_html_components": "wasmdash.html",
    "dash_core_components": "wasmdash.dcc",
    "dash._callback": "wasmdash._callbacks",
    "dash._callback_context": "wasmdash.ctx",
    "dash._patch": "wasmdash.patch",
    "dash.development": "wasmdash",
    "dash.development.base_component": "wasmdash.component",
    "dash._utils": "wasmdash._grouping",
}


def target_name(name: str) -> str | None:
    """The wasmdash module that stands for the Dash module ``name``, or None if it is not Dash's."""
    if name in RENAMES:
        return RENAMES[name]
    if name.startswith("dash."):
        return "wasmdash." + name[len("dash.") :]
    return None


class _AliasLoader(importlib.abc.Loader):
    """Hands the import system the already-imported wasmdash module under the Dash name."""

    def __init__(self, module: ModuleType) -> None:
        self.module = module
        self.original_spec = getattr(module, "__spec__", None)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        return self.module

    def exec_module(self, module: ModuleType) -> None:
        """Already executed under its wasmdash name; undo the import system's ``__spec__`` swap.

        The import system sets ``module.__spec__`` to the alias spec; left so, ``wasmdash`` would
        claim to be ``dash`` to ``importlib.util.find_spec`` and ``reload``.
        """
        if self.original_spec is not None:
            module.__spec__ = self.original_spec


class DashAliasFinder(importlib.abc.MetaPathFinder):
    """Finds ``dash``, ``dash.*``, ``dash_html_components`` and ``dash_core_components``."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: Any = None
    ) -> importlib.machinery.ModuleSpec | None:
        real = target_name(fullname)
        if real is None:
            return None
        try:
            module = importlib.import_module(real)
        except ModuleNotFoundError as error:
            if error.name == real:
                raise ModuleNotFoundError(
                    f"`{fullname}` has no wasmdash counterpart (looked for `{real}`); wasmdash "
                    "covers dash, dash.html, dash.dcc, dash.dependencies, dash.exceptions and "
                    "the names exported by `dash`.",
                    name=fullname,
                ) from None
            raise
        spec = importlib.machinery.ModuleSpec(fullname, _AliasLoader(module), origin=getattr(module, "__file__", None))
        if hasattr(module, "__path__"):
            spec.submodule_search_locations = list(module.__path__)
        return spec


_finder: DashAliasFinder | None = None


def is_installed() -> bool:
    return _finder is not None and _finder in sys.meta_path


def install() -> None:
    """Route Dash's module names to wasmdash from now on, in this process.

    Raises:
        ImportError: the real ``dash`` is already imported here, so aliasing would mix the two.
    """
    global _finder
    if is_installed():
        return
    existing = sys.modules.get("dash")
    if existing is not None and not getattr(existing, "__name__", "").startswith("wasmdash"):
        raise ImportError(
            "the real `dash` package is already imported in this process, so wasmdash cannot stand "
            "in for it. Run the app with `wasmdash run app.py`, or import from `wasmdash` directly."
        )
    _finder = DashAliasFinder()
    sys.meta_path.insert(0, _finder)


def uninstall() -> None:
    """Undo :func:`install` and forget the aliased modules (used by tests)."""
    global _finder
    if _finder is not None and _finder in sys.meta_path:
        sys.meta_path.remove(_finder)
    _finder = None
    for name in list(sys.modules):
        if target_name(name) is not None and getattr(sys.modules[name], "__name__", "").startswith("wasmdash"):
            del sys.modules[name]
