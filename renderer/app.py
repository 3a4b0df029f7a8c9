"""``Dash``: the app object, sans I/O.

It holds the layout and the callbacks and answers Dash's three questions as plain data:
:meth:`Dash.layout_json`, :meth:`Dash.dependencies_json` and :meth:`Dash.dispatch` (one
``_dash-update-component`` request). The Starlette server (``wasmdash.server``) and the page's
in-page transport both call these; neither holds any callback logic of its own. How one request is
checked, run and answered lives in :mod:`wasmdash._dispatch`.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from typing import Any, Callable

from . import _callbacks
from ._callbacks import CallbackSpec, clientside_spec, make_spec, register
from ._dispatch import DispatchResult, RunSync, find_callback, make_state, plotly_compatible, run_callback
from ._grouping import AttributeDict
from ._validate import RequestError, short_repr
from .component import Component, to_json
from .ctx import CallbackState
from .exceptions import NoLayoutException

__all__ = ["Dash", "DispatchResult", "get_app", "get_relative_path", "strip_relative_path"]

logger = logging.getLogger(__name__)


def _root_path(name: str | None) -> str:
    module = sys.modules.get(name or "")
    filename = getattr(module, "__file__", None)
    if name and name != "__main__" and filename:
        return os.path.dirname(os.path.abspath(filename))
    if filename:
        return os.path.dirname(os.path.abspath(filename))
    return os.getcwd()


class Dash:
    """A Dash app: ``app = Dash(__name__)``, ``app.layout = ...``, ``@app.callback(...)``.

    Args:
        name: the app module's ``__name__``; locates the ``assets`` folder.
        title: the page title.
        assets_folder: folder (relative to the app module) served at ``/assets/``.
        external_stylesheets: URLs (or dicts of ``<link>`` attributes) added to the page.
        external_scripts: URLs (or dicts of ``<script>`` attributes) added to the page.
        suppress_callback_exceptions: skip the start-up check that callback ids are in the layout.
        prevent_initial_callbacks: default for every callback's ``prevent_initial_call``.
        use_pages: a multi-page app (Dash Pages): import the modules of ``pages_folder`` now and
            route URLs to the pages of ``dash.page_registry``. By default on when
            ``pages_folder`` is not ``"pages"``.
        pages_folder: the folder of page modules, relative to the app module (``""``: none).
        routing_callback_inputs: extra ``Input``/``State`` of the pages' routing callback, passed
            to layout functions by name.
        **kwargs: Dash's other options are accepted and kept in ``app.config``.
    """

    def __init__(
        self,
        name: str | None = None,
        server: Any = True,
        assets_folder: str = "assets",
        title: str = "Dash",
        external_stylesheets: list[Any] | None = None,
        external_scripts: list[Any] | None = None,
        suppress_callback_exceptions: bool | None = None,
        prevent_initial_callbacks: bool = False,
        use_pages: bool | None = None,
        pages_folder: str | os.PathLike[str] = "pages",
        routing_callback_inputs: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        self.name = name or "__main__"
        self.title = title
        self.config = AttributeDict(
            name=self.name,
            assets_folder=assets_folder,
            assets_url_path=kwargs.get("assets_url_path", "assets"),
            external_stylesheets=list(external_stylesheets or []),
            external_scripts=list(external_scripts or []),
            suppress_callback_exceptions=bool(suppress_callback_exceptions),
            prevent_initial_callbacks=prevent_initial_callbacks,
        )
        for key, value in kwargs.items():  # Dash's other options, kept for code that reads them
            self.config.setdefault(key, value)
        # Dash's prefixes: the server listens under routes_pathname_prefix, the page requests under
        # requests_pathname_prefix (they differ behind a proxy); url_base_pathname sets both.
        base = kwargs.get("url_base_pathname")
        routes = kwargs.get("routes_pathname_prefix") or base or "/"
        self.config.update(
            routes_pathname_prefix=routes,
            requests_pathname_prefix=kwargs.get("requests_pathname_prefix") or base or routes,
        )
        self.external_stylesheets = self.config.external_stylesheets
        self.external_scripts = self.config.external_scripts
        self.callback_map: dict[str, CallbackSpec] = {}
        self._callback_list: list[CallbackSpec] = []
        self._inline_scripts: list[str] = []
        self._layout: Any = None
        self._validated_count = -1
        #: Soft start-up problems (ids/props missing from a static layout); see ``validate``.
        self.validation_problems: list[Exception] = []
        self._server: Any = None
        self._server_requested = server is not False
        self.debug = False
        self.on_error: Callable[[Exception], Any] | None = kwargs.get("on_error")
        #: Extra layout for the start-up check of callback ids (Dash's ``validation_layout``).
        self.validation_layout: Any = None
        self.pages_folder = str(pages_folder)
        self.use_pages = (self.pages_folder != "pages") if use_pages is None else bool(use_pages)
        self.routing_callback_inputs = dict(routing_callback_inputs or {})
        self._pages_routed = False
        #: the server's first requests may arrive together, on threads: set up once
        self._setup_lock = threading.RLock()
        global _LAST_APP
        _LAST_APP = self
        if self.use_pages and self.pages_folder:
            self._import_pages()

    def _import_pages(self) -> None:
        """Import the pages folder's modules (they call ``register_page``), as Dash() does.

        Raises:
            InvalidConfig: the folder does not exist.
        """
        from . import _pages
        from .exceptions import InvalidConfig

        root = _root_path(self.name)
        folder = self.pages_folder if os.path.isabs(self.pages_folder) else os.path.join(root, self.pages_folder)
        if not os.path.isdir(folder):
            raise InvalidConfig(
                f"use_pages=True, but the pages folder {self.pages_folder!r} does not exist ({folder}). "
                'Create it, or pass pages_folder="" if the app registers its pages itself.'
            )
        self.config.pages_folder = folder
        _pages.import_pages(self, folder, root)

    # -- layout ------------------------------------------------------------------------------
    @property
    def layout(self) -> Any:
        return self._layout

    @layout.setter
    def layout(self, value: Any) -> None:
        if not (
            value is None
            or isinstance(value, (Component, list, tuple, str))
            or callable(value)
        ):
            raise NoLayoutException(
                "app.layout must be a component, a list of components, or a function returning one; got "
                f"a `{type(value).__name__}`: {short_repr(value)}"
            )
        self._layout = value

    def _layout_value(self) -> Any:
        layout = self._layout
        if callable(layout) and not isinstance(layout, Component):
            layout = layout()
        if isinstance(layout, (list, tuple)):
            from .html import Div  # noqa: PLC0415 - Dash wraps a bare list in a Div

            layout = Div(list(layout))
        return layout

    def layout_json(self, *, url: str | None = None) -> Any:
        """The layout as Dash's component JSON (calls the layout function when it is one).

        Args:
            url: the page's path and query string; a Dash Pages app then has that page already in
                its ``page_container`` (see ``wasmdash._pages.first_page``).

        Raises:
            NoLayoutException: ``app.layout`` was never set.
        """
        self._setup()
        if self._layout is None:
            raise NoLayoutException(
                "The layout was not assigned. Set `app.layout = html.Div(...)` before the app serves."
            )
        layout = self._layout_value()
        try:
            result = to_json(layout)
        except TypeError:
            result = to_json(plotly_compatible(layout))  # e.g. a date prop, as Dash's encoder allows
        if url is not None and self.use_pages:
            from ._pages import first_page

            result = first_page(self, result, url)
        return result

    # -- callbacks ---------------------------------------------------------------------------
    def callback(self, *args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Declare a server callback on this app (same arguments as ``dash.callback``)."""

        def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
            spec = make_spec(
                func, args, kwargs, default_prevent_initial_call=self.config.prevent_initial_callbacks
            )
            register(self.callback_map, self._callback_list, spec)
            return func

        return decorate

    def clientside_callback(self, clientside_function: Any, *args: Any, **kwargs: Any) -> None:
        """A callback run by JavaScript in the page: ``ClientsideFunction`` or JS source."""
        spec, script = clientside_spec(
            clientside_function, args, kwargs, self.config.prevent_initial_callbacks
        )
        register(self.callback_map, self._callback_list, spec)
        if script:
            self._inline_scripts.append(script)

    def _setup(self) -> None:
        """Take over the callbacks declared with the global ``callback`` (once), as Dash does."""
        with self._setup_lock:
            self._setup_once()

    def _setup_once(self) -> None:
        if _callbacks.GLOBAL_CALLBACK_LIST:
            for spec in list(_callbacks.GLOBAL_CALLBACK_LIST):
                if not spec.extra.pop("_prevent_initial_call_given", True):
                    default = self.config.prevent_initial_callbacks
                    spec.prevent_initial_call = default is True
                    spec.prevent_initial_call_raw = default
                register(self.callback_map, self._callback_list, spec)
            _callbacks.GLOBAL_CALLBACK_LIST.clear()
            _callbacks.GLOBAL_CALLBACK_MAP.clear()
        if self.use_pages and not self._pages_routed:
            from . import _pages

            if self._layout is None:
                self._layout = _pages.page_container()
            _pages.setup_routing(self)
            self._pages_routed = True
        if _callbacks.GLOBAL_INLINE_SCRIPTS:
            self._inline_scripts.extend(_callbacks.GLOBAL_INLINE_SCRIPTS)
            _callbacks.GLOBAL_INLINE_SCRIPTS.clear()
        if self._validated_count != len(self._callback_list):
            self._validate_on_startup()
            self._validated_count = len(self._callback_list)

    def _validate_on_startup(self) -> None:
        """Start-up checks on the layout and callbacks (errors as data, raised here by kind).

        Duplicates (layout ids, outputs owned by two callbacks, ``allow_duplicate`` without
        ``prevent_initial_call``) make the app unusable, so they raise at once. Ids and props that a
        static layout lacks are kept in ``validation_problems`` instead: the server logs them and
        keeps serving so the page can show them in its error overlay, as Dash's dev tools do;
        :meth:`validate` raises them.

        Raises:
            DuplicateIdError: two components in the layout share an id.
            DuplicateCallback: two callbacks set the same output without ``allow_duplicate``.
        """
        from ._validate import validate_app
        from .exceptions import DuplicateCallback, DuplicateIdError

        layout = self._layout
        static = layout is not None and not (callable(layout) and not isinstance(layout, Component))
        problems = validate_app(
            self._layout_value() if static else None,
            self._callback_list,
            check_ids=static and not self.config.suppress_callback_exceptions,
            validation_layout=self.validation_layout,
        )
        hard = [p for p in problems if isinstance(p, (DuplicateIdError, DuplicateCallback))]
        self.validation_problems = [p for p in problems if p not in hard]
        if hard:
            raise _first_of(hard)

    def validate(self) -> None:
        """Run the start-up checks and raise the first problem, soft ones included.

        Raises:
            DuplicateIdError, DuplicateCallback, NonExistentIdException, NonExistentPropException:
                naming the callback, the component id and the prop at fault.
        """
        self._validated_count = -1
        self._setup()
        if self.validation_problems:
            raise _first_of(self.validation_problems)

    def dependencies_json(self) -> list[dict[str, Any]]:
        """Every callback as ``_dash-dependencies`` lists it (Dash's shape)."""
        self._setup()
        return [spec.to_dependency_json() for spec in self._callback_list]

    # -- dispatch ----------------------------------------------------------------------------
    async def dispatch(
        self,
        body: Any,
        *,
        run_sync: RunSync | None = None,
        request: dict[str, Any] | None = None,
    ) -> DispatchResult:
        """Answer one ``_dash-update-component`` request.

        Args:
            body: the parsed JSON request body (a :class:`~wasmdash._wire.CallbackRequest`).
            run_sync: runs a sync callback off the event loop (the server passes
                ``run_in_threadpool``); by default it is called directly.
            request: optional ``headers``, ``cookies``, ``path``, ``args``, ``remote``, ``origin``
                of the HTTP request, for ``ctx``.

        Returns:
            200 ``{"multi": true, "response": ..., "sideUpdate"?}``; 204 when nothing changes;
            400/404 ``{"error", "field"}`` for a bad request; 500 ``{"error", "callback",
            "traceback"?}`` when the callback failed. Never raises for a bad request or a failing
            callback.
        """
        self._setup()
        found = find_callback(body, self.callback_map)
        if isinstance(found, RequestError):
            return DispatchResult(found.status, found.to_json())
        state = self._make_state(body, found, request or {})
        return await run_callback(found, body, state, on_error=self.on_error, debug=self.debug, run_sync=run_sync)

    def _make_state(self, body: dict[str, Any], spec: CallbackSpec, request: dict[str, Any]) -> CallbackState:
        """What ``ctx`` answers during one call; the page's app overrides it to forward ``set_props``."""
        return make_state(body, spec, request)

    # -- serving -----------------------------------------------------------------------------
    @property
    def server(self) -> Any:
        """The ASGI app (Starlette), built on first use: ``uvicorn app:app.server``."""
        if self._server is None:
            from wasmdash.server.app import create_app  # host only; imported lazily

            self._server = create_app(self)
        return self._server

    def run(self, host: str | None = None, port: int | str | None = None, debug: bool | None = None, **kwargs: Any) -> None:
        """Serve the app with uvicorn (``HOST``/``PORT`` environment variables as in Dash).

        Inside ``wasmdash run`` (which serves the app itself) a module-level ``app.run()`` does nothing.
        """
        if _LOADING_FOR_CLI or sys.platform == "emscripten":
            # `wasmdash run` serves the app itself, and in the page (Pyodide) there is no server.
            logger.info("app.run() ignored: the app is already being served")
            return
        from wasmdash.server.cli import serve

        host = host or os.environ.get("HOST", "127.0.0.1")
        port = int(port or os.environ.get("PORT", "8050"))
        if debug is None:
            debug = os.environ.get("DASH_DEBUG", "").lower() in ("1", "true", "yes")
        serve(self, host=host, port=port, debug=bool(debug))

    def run_server(self, *args: Any, **kwargs: Any) -> None:
        self.run(*args, **kwargs)

    @property
    def assets_path(self) -> str:
        folder = self.config.assets_folder
        if os.path.isabs(folder):
            return folder
        return os.path.join(_root_path(self.name), folder)

    def get_asset_url(self, path: str) -> str:
        """The URL of a file in the app's assets folder."""
        return f"{self.config.requests_pathname_prefix}{self.config.assets_url_path.strip('/')}/{path.lstrip('/')}"

    def get_relative_path(self, path: str) -> str:
        """``path`` under the app's ``requests_pathname_prefix`` (Dash's helper for links)."""
        prefix = self.config.requests_pathname_prefix
        if path == "":
            return prefix
        if not path.startswith("/"):
            raise ValueError(f"get_relative_path needs a path starting with '/', got {path!r}")
        return prefix.rstrip("/") + path if prefix != "/" else path

    def strip_relative_path(self, path: str | None) -> str | None:
        """The inverse of :meth:`get_relative_path`, without leading or trailing slashes."""
        if path is None:
            return None
        prefix = self.config.requests_pathname_prefix
        if prefix != "/" and path.startswith(prefix.rstrip("/")):
            path = path[len(prefix.rstrip("/")) :]
        return path.strip("/")


_LAST_APP: Dash | None = None
#: True while ``wasmdash run`` executes the app file, so a bare ``app.run()`` in it does not serve.
_LOADING_FOR_CLI = False


def get_app() -> Dash:
    """``dash.get_app()``: the most recently created app (for code that has no handle on it).

    Raises:
        RuntimeError: no ``Dash`` app was created yet.
    """
    if _LAST_APP is None:
        raise RuntimeError("get_app() was called before any Dash(...) app was created.")
    return _LAST_APP


def get_relative_path(path: str) -> str:
    """``dash.get_relative_path``: :meth:`Dash.get_relative_path` of the current app."""
    if _LAST_APP is None:
        return Dash.get_relative_path(_DEFAULT_PATHS, path)  # type: ignore[arg-type]
    return _LAST_APP.get_relative_path(path)


def strip_relative_path(path: str | None) -> str | None:
    """``dash.strip_relative_path``: :meth:`Dash.strip_relative_path` of the current app."""
    if _LAST_APP is None:
        return Dash.strip_relative_path(_DEFAULT_PATHS, path)  # type: ignore[arg-type]
    return _LAST_APP.strip_relative_path(path)


class _DefaultPaths:
    """Stands for an app with the default prefix, before any app exists."""

    config = AttributeDict(requests_pathname_prefix="/")


_DEFAULT_PATHS = _DefaultPaths()


def _first_of(problems: list[Exception]) -> Exception:
    """The first problem, its message noting how many more there are."""
    first = problems[0]
    if len(problems) > 1:
        first.args = (f"{first}\n\n(and {len(problems) - 1} more problem(s) after fixing this one)",)
    return first
