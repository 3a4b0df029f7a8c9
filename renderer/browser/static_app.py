"""A static export's app in the page: the whole app module imported in Pyodide, callbacks run here.

``wasmdash build`` ships the app's source; the worker hands it to :func:`load_app` (with the
``dash`` alias installed, so an unmodified Dash file works), and the page's layout and dependencies
come from that app object. :class:`StaticTransport` answers every callback with ``app.dispatch``
in the page, except the ones the build sent to a server (``server_only=True``, or using a module the
page does not have), which go over HTTP to the wasmdash server named at build time.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from types import ModuleType
from typing import Any, Iterable

from .._seams import Transport
from .._wire import CallbackRequest, CallbackResponse
from .transport import callback_error, error_text

__all__ = ["APP_DIR", "load_app", "write_app_files", "current_app", "PAGE_APP_SOURCE", "StaticTransport", "server_module_stubs"]

#: Where the app's source is written in Pyodide's file system (its folder goes on ``sys.path``).
APP_DIR = "/home/pyodide/wasmdash_app"

#: What a static page serves as the page's Python callbacks module: the app already loaded here.
PAGE_APP_SOURCE = "from wasmdash.browser.static_app import current_app\napp = current_app()\n"

_loaded: dict[str, Any] = {}


def current_app() -> Any:
    """The app :func:`load_app` loaded (a static page's Python callbacks run on it)."""
    return _loaded["app"]


class _ServerOnlyModule(ModuleType):
    """Stands for a module only the server has: importing works, using it says why it cannot."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        raise ImportError(
            f"`{self.__name__}.{name}` is only available on the server: this static page has no "
            f"`{self.__name__}`. Mark the callbacks that use it `server_only=True` and build with "
            "`--server URL`."
        )


class _ServerModuleFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def __init__(self, names: Iterable[str]) -> None:
        self.names = frozenset(names)

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        if fullname.split(".", 1)[0] not in self.names:
            return None
        return importlib.machinery.ModuleSpec(fullname, self, is_package=True)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        module = _ServerOnlyModule(spec.name)
        module.__path__ = []
        return module

    def exec_module(self, module: ModuleType) -> None:
        """Nothing to run."""


def server_module_stubs(names: Iterable[str]) -> None:
    """Let ``import name`` succeed in the page for modules only the server has (``names``)."""
    names = [n for n in names if n]
    if names:
        sys.meta_path.append(_ServerModuleFinder(names))


def write_app_files(files: dict[str, str]) -> None:
    """Write the app's other files (a Dash Pages app's pages folder) under :data:`APP_DIR`.

    Raises:
        ValueError: a path is absolute or leaves the app's folder.
    """
    for relative, text in files.items():
        parts = relative.split("/")
        if relative.startswith("/") or any(part in ("", ".", "..") for part in parts):
            raise ValueError(f"the static app's file path {relative!r} must stay inside the app's folder")
        path = os.path.join(APP_DIR, *parts)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)


def load_app(
    file_name: str, source: str, server_modules: Iterable[str] = (), files: dict[str, str] | None = None
) -> Any:
    """Import the app's source as a module and return its Dash app.

    Args:
        files: other files of the app (relative path -> text), written beside it first.

    Raises:
        RuntimeError: the module defines no Dash app, or several without one named ``app``.
    """
    from .. import _dash_alias
    from ..app import Dash

    os.makedirs(APP_DIR, exist_ok=True)
    write_app_files(files or {})
    path = os.path.join(APP_DIR, os.path.basename(file_name))
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(source)
    _dash_alias.install()
    server_module_stubs(server_modules)
    if APP_DIR not in sys.path:
        sys.path.insert(0, APP_DIR)
    name = os.path.splitext(os.path.basename(file_name))[0]
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"{file_name} is not a Python file")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    candidate = getattr(module, "app", None)
    apps = [value for value in vars(module).values() if isinstance(value, Dash)]
    if isinstance(candidate, Dash) or len(apps) == 1:
        _loaded["app"] = candidate if isinstance(candidate, Dash) else apps[0]
        return _loaded["app"]
    raise RuntimeError(
        f"{file_name} defines {'no' if not apps else 'several'} Dash app(s); name the one to serve `app`."
    )


class StaticTransport:
    """``_seams.Transport`` of a static export: ``app.dispatch`` here, or the server for some outputs.

    Args:
        app: the page's Dash app (from :func:`load_app`).
        server: the transport to the build's ``--server`` (a ``FetchTransport``), or None.
        server_outputs: ``output`` strings of callbacks that must run on the server.
    """

    def __init__(self, app: Any, server: Transport | None = None, server_outputs: Iterable[str] = ()) -> None:
        self.app = app
        self.server = server
        self.server_outputs = frozenset(server_outputs)

    async def request(self, body: CallbackRequest) -> CallbackResponse | None:
        output = body.get("output", "")
        if output in self.server_outputs:
            if self.server is None:
                raise callback_error(
                    f"the callback for {output!r} must run on a server, but this site was built "
                    "without `--server URL`"
                )
            return await self.server.request(body)
        result = await self.app.dispatch(body)
        if result.status == 204:
            return None
        if result.status == 200:
            return result.body  # type: ignore[no-any-return]
        raise callback_error(error_text(result.status, json.dumps(result.body)))
