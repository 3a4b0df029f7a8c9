"""wasmdash: Dash-compatible apps whose renderer is Python running in the browser on Pyodide.

Write apps as with Dash::

    from wasmdash import Dash, html, dcc, Input, Output, callback

``html``, ``dcc`` and ``Patch`` are imported on first use, so ``import wasmdash`` stays
light in the page.
"""

from __future__ import annotations

from typing import Any

from . import dependencies, exceptions
from ._callbacks import NoUpdate, callback, clientside_callback, no_update
from ._pages import PAGE_REGISTRY as page_registry
from ._pages import register_page
from .app import Dash, get_app, get_relative_path, strip_relative_path
from .ctx import callback_context, ctx, hooks, set_props
from .dependencies import ALL, ALLSMALLER, MATCH, ClientsideFunction, Input, Output, State
from .exceptions import PreventUpdate

__version__ = "0.1.0"

__all__ = [
    "Dash",
    "get_app",
    "html",
    "dcc",
    "Input",
    "Output",
    "State",
    "ClientsideFunction",
    "ALL",
    "MATCH",
    "ALLSMALLER",
    "callback",
    "clientside_callback",
    "ctx",
    "callback_context",
    "no_update",
    "set_props",
    "Patch",
    "PreventUpdate",
    "exceptions",
    "dependencies",
    "hooks",
    "register_page",
    "page_registry",
    "page_container",
    "get_relative_path",
    "strip_relative_path",
    "__version__",
]

_LAZY_MODULES = {"html": ".html", "dcc": ".dcc", "patch": ".patch"}


def __getattr__(name: str) -> Any:
    import importlib

    if name in _LAZY_MODULES:
        module = importlib.import_module(_LAZY_MODULES[name], __name__)
        globals()[name] = module
        return module
    if name == "page_container":
        from ._pages import page_container

        return page_container()
    if name == "Patch":
        from .patch import Patch

        globals()["Patch"] = Patch
        return Patch
    raise AttributeError(f"module 'wasmdash' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
