"""``Dash``: the app object, sans I/O.

It holds the layout and the callbacks and answers Dash's three questions as plain data:
:meth:`Dash.layout_json`, :meth:`Dash.dependencies_json` and :meth:`Dash.dispatch` (one
``_dash-update-component`` request). The Starlette server (``wasmdash.server``) and the page's
in-page transport both call these; neither holds any callback logic of its own.
"""

from __future__ import annotations

import inspect
import logging
import os
import sys
import threading
import traceback
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable

from . import _callbacks
from ._callbacks import CallbackSpec, NoUpdate, describe_dep, check_return_shape, clientside_spec, make_spec, register
from ._grouping import AttributeDict, make_grouping_by_index, map_grouping
from ._validate import RequestError, short_repr, validate_request
from .component import Component, to_json
from .ctx import CallbackState, context_value
from .dependencies import ALL, ALLSMALLER, DashDependency, Output
from .exceptions import (
    CallbackException,
    InvalidCallbackReturnValue,
    NoLayoutException,
    PreventUpdate,
)
from .ids import stringify_id, strip_duplicate_suffix

__all__ = ["Dash", "DispatchResult", "get_app", "get_relative_path", "strip_relative_path"]

logger = logging.getLogger(__name__)

#: Runs a sync function off the event loop (the server passes Starlette's ``run_in_threadpool``).
RunSync = Callable[[Callable[[], Any]], Awaitable[Any]]


@dataclass
class DispatchResult:
    """The answer to one ``_dash-update-component`` request.

    ``body`` is None for 204. ``headers`` is a list of ``(name, value)`` pairs (several
    ``set-cookie`` lines may appear).
    """

    status: int
    body: dict[str, Any] | None
    headers: list[tuple[str, str]] = field(default_factory=list)

    def unwrap(self) -> dict[str, Any] | None:
        """What a ``Transport`` returns: the body for 200, None for 204.

        Raises:
            CallbackError: for any other status, with the ``error`` text, the ``traceback`` (debug)
                and the ``callback`` output string from the body.
        """
        if self.status == 204:
            return None
        if self.status == 200:
            return self.body
        from .exceptions import CallbackError

        body = self.body or {}
        raise CallbackError(
            str(body.get("error") or f"callback request failed with HTTP {self.status}"),
            traceback=body.get("traceback"),
            callback=body.get("callback") or body.get("field"),
        )


class _CallbackFailed(Exception):
    """Internal: the user's callback raised (or returned something unusable)."""

    def __init__(self, spec: CallbackSpec, error: BaseException, tb: str) -> None:
        super().__init__(str(error))
        self.spec = spec
        self.error = error
        self.tb = tb


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
            result = to_json(_plotly_compatible(layout))  # e.g. a date prop, as Dash's encoder allows
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
        error = validate_request(body)
        if error is None:
            spec = self.callback_map.get(body["output"])
            if spec is None:
                error = self._unknown_output(body["output"])
            else:
                error = self._check_against_spec(body, spec)
        if error is not None:
            return DispatchResult(error.status, error.to_json())
        state = self._make_state(body, spec, request or {})
        try:
            await self._run_custom_data_hooks(spec, state)
            value = await self._call(spec, body, state, run_sync)
            response = self._build_response(spec, body, state, value)
        except PreventUpdate:
            return DispatchResult(204, None, self._headers(state))
        except _CallbackFailed as failed:
            return self._failure(failed, state)
        if response is None:
            return DispatchResult(204, None, self._headers(state))
        return DispatchResult(200, response, self._headers(state))

    def _unknown_output(self, output: str) -> RequestError:
        import difflib

        known = list(self.callback_map)
        message = f"output: no callback has the output {output!r:.200}."
        close = difflib.get_close_matches(output, known, n=1)
        if close:
            message += f" Did you mean {close[0]!r}?"
        if known:
            message += " Known outputs: " + ", ".join(repr(k) for k in known[:20])
        return RequestError(message, "output", 404)

    def _check_against_spec(self, body: dict[str, Any], spec: CallbackSpec) -> RequestError | None:
        for name, deps in (("inputs", spec.inputs), ("state", spec.states)):
            items = body.get(name) or []
            if len(items) != len(deps):
                return RequestError(
                    f"{name}: {spec.describe()} has {len(deps)} "
                    f"{'Inputs' if name == 'inputs' else 'States'}, the request sent {len(items)}",
                    name,
                )
            for i, (item, dep) in enumerate(zip(items, deps)):
                if _is_multi_dep(dep) and not isinstance(item, list):
                    return RequestError(
                        f"{name}[{i}]: {describe_dep(dep)} has an ALL/ALLSMALLER wildcard, so it must be an array of "
                        f"matched components, got {short_repr(item)}",
                        f"{name}[{i}]",
                    )
                if not _is_multi_dep(dep) and isinstance(item, list):
                    return RequestError(
                        f"{name}[{i}]: {describe_dep(dep)} matches one component, so it must be an object, got an array",
                        f"{name}[{i}]",
                    )
        outputs = body["outputs"]
        if spec.is_multi or not spec.has_output:
            expected = len(spec.outputs)
            if not spec.has_output:
                return None
            if not isinstance(outputs, list) or len(outputs) != expected:
                return RequestError(
                    f"outputs: {spec.describe()} has {expected} outputs; expected an array of {expected}, got "
                    f"{short_repr(outputs)}",
                    "outputs",
                )
            pairs = list(enumerate(zip(outputs, spec.outputs)))
        else:
            pairs = [(None, (outputs, spec.outputs[0]))]
        for i, (item, dep) in pairs:
            path = "outputs" if i is None else f"outputs[{i}]"
            if _is_multi_dep(dep) != isinstance(item, list):
                kind = "an array of matched components" if _is_multi_dep(dep) else "an object"
                return RequestError(f"{path}: {describe_dep(dep)} expects {kind}, got {short_repr(item)}", path)
            for j, sub in enumerate(item if isinstance(item, list) else [item]):
                sub_path = f"{path}[{j}]" if isinstance(item, list) else path
                requested = Output(sub["id"], strip_duplicate_suffix(sub["property"]))
                if requested != dep:
                    return RequestError(
                        f"{sub_path}: {short_repr(sub)} is not an output of {spec.describe()}",
                        sub_path,
                    )
        return None

    def _make_state(self, body: dict[str, Any], spec: CallbackSpec, request: dict[str, Any]) -> CallbackState:
        inputs = body.get("inputs") or []
        states = body.get("state") or []
        input_values = _values_by_prop_id(inputs)
        changed = body.get("changedPropIds") or []
        triggered = [{"prop_id": p, "value": input_values.get(p)} for p in changed]
        state = CallbackState(
            inputs_list=inputs,
            states_list=states,
            outputs_list=body.get("outputs"),
            input_values=input_values,
            state_values=_values_by_prop_id(states),
            triggered_inputs=triggered,
            using_args_grouping=spec.using_args_grouping,
            using_outputs_grouping=spec.using_outputs_grouping,
            cookies=dict(request.get("cookies") or {}),
            headers=dict(request.get("headers") or {}),
            path=request.get("path", ""),
            args=dict(request.get("args") or {}),
            remote=request.get("remote", ""),
            origin=request.get("origin", ""),
        )
        if spec.is_multi and isinstance(body.get("outputs"), list):
            outputs = body["outputs"]
            state.outputs_grouping = map_grouping(
                lambda index: outputs[index], make_grouping_by_index(spec.output, list(range(len(outputs))))
            )
        else:
            state.outputs_grouping = body.get("outputs")
        changed_set = set(changed)
        flat_items = list(inputs) + list(states)
        state.args_grouping = map_grouping(
            lambda index: _args_group_item(flat_items[index], changed_set), spec.args_indices
        )
        return state

    @staticmethod
    async def _run_custom_data_hooks(spec: CallbackSpec, state: CallbackState) -> None:
        """Fill ``ctx.custom_data`` from the ``hooks.custom_data`` functions, before the call."""
        from .ctx import hooks

        for namespace, hook in hooks.custom_data_hooks():
            try:
                value = hook(state)
                if inspect.isawaitable(value):
                    value = await value
            except Exception as error:  # noqa: BLE001 - a user's hook may raise anything
                name = getattr(hook, "__name__", repr(hook))
                raise _CallbackFailed(
                    spec,
                    CallbackException(
                        f"the custom_data hook `{name}` for namespace {namespace!r} raised "
                        f"{type(error).__name__}: {error} (before {spec.describe()})"
                    ),
                    traceback.format_exc(),
                ) from error
            state.custom_data[namespace] = value

    async def _call(
        self, spec: CallbackSpec, body: dict[str, Any], state: CallbackState, run_sync: RunSync | None
    ) -> Any:
        if spec.func is None:
            raise _CallbackFailed(
                spec,
                CallbackException(f"{spec.describe()} is a clientside callback; it runs in the page, not here."),
                "",
            )
        flat_values = [_item_value(item) for item in (body.get("inputs") or []) + (body.get("state") or [])]
        grouped = map_grouping(lambda index: flat_values[index], spec.args_indices)
        if spec.uses_kwargs:
            args: list[Any] = []
            kwargs: dict[str, Any] = dict(grouped)
        elif isinstance(spec.args_indices, list):
            args, kwargs = list(grouped), {}
        else:
            args, kwargs = [grouped], {}
        func = spec.func
        progress = spec.extra.get("progress") if spec.extra.get("background") else None
        if progress is not None:
            # Background callbacks (Dash) take set_progress first. Here they run like any other
            # callback, so progress values arrive with the result, as set_props updates.
            args.insert(0, _set_progress_for(progress))

        def call_sync() -> Any:
            token = context_value.set(state)
            try:
                return func(*args, **kwargs)
            finally:
                context_value.reset(token)

        try:
            if inspect.iscoroutinefunction(func):
                token = context_value.set(state)
                try:
                    return await func(*args, **kwargs)
                finally:
                    context_value.reset(token)
            if run_sync is not None:
                result = await run_sync(call_sync)
            else:
                result = call_sync()
            if inspect.isawaitable(result):  # a sync wrapper around a coroutine function
                token = context_value.set(state)
                try:
                    return await result
                finally:
                    context_value.reset(token)
            return result
        except PreventUpdate:
            raise
        except Exception as error:  # noqa: BLE001 - the user's callback may raise anything
            handler = spec.extra.get("on_error") or self.on_error
            if handler is None:
                raise _CallbackFailed(spec, error, traceback.format_exc()) from error
            return self._handle_error(spec, state, handler, error)

    def _handle_error(self, spec: CallbackSpec, state: CallbackState, handler: Callable[..., Any], error: Exception) -> Any:
        """Dash's ``on_error``: its return value replaces the outputs (None: leave them as they are)."""
        token = context_value.set(state)
        try:
            value = handler(error)
        except PreventUpdate:
            raise
        except Exception as handler_error:  # noqa: BLE001
            raise _CallbackFailed(spec, handler_error, traceback.format_exc()) from handler_error
        finally:
            context_value.reset(token)
        if value is None and spec.has_output:
            return _callbacks.no_update
        return value

    def _build_response(
        self, spec: CallbackSpec, body: dict[str, Any], state: CallbackState, value: Any
    ) -> dict[str, Any] | None:
        response: dict[str, dict[str, Any]] = {}
        try:
            if spec.has_output:
                values = check_return_shape(spec, value)
                outputs = body["outputs"] if spec.is_multi else [body["outputs"]]
                for dep, out_spec, out_value in zip(spec.outputs, outputs, values):
                    if NoUpdate.is_no_update(out_value):
                        continue
                    if isinstance(out_spec, list):
                        if not isinstance(out_value, (list, tuple)) or len(out_value) != len(out_spec):
                            raise InvalidCallbackReturnValue(
                                f"{spec.describe()} must return a list of {len(out_spec)} values for "
                                f"{describe_dep(dep)} (one per matched component), got {short_repr(out_value)}"
                            )
                        pairs = list(zip(out_spec, out_value))
                    else:
                        pairs = [(out_spec, out_value)]
                    for item, item_value in pairs:
                        if NoUpdate.is_no_update(item_value):
                            continue
                        prop = strip_duplicate_suffix(item["property"])
                        response.setdefault(stringify_id(item["id"]), {})[prop] = self._serialize(
                            spec, dep, item_value
                        )
            elif value is not None:
                raise InvalidCallbackReturnValue(
                    f"{spec.describe()} has no outputs, so it must return None; it returned "
                    f"{short_repr(value)}. Use set_props() to update components from it."
                )
            side = {
                key: {prop: self._serialize(spec, f"set_props({key!r})", v) for prop, v in props.items()}
                for key, props in state.updated_props.items()
            }
        except InvalidCallbackReturnValue as error:
            raise _CallbackFailed(spec, error, "") from error
        if not response and not side:
            return None
        result: dict[str, Any] = {"multi": True, "response": response}
        if side:
            result["sideUpdate"] = side
        return result

    @staticmethod
    def _serialize(spec: CallbackSpec, dep: Any, value: Any) -> Any:
        try:
            return to_json(value)
        except TypeError:
            pass
        try:
            # Values Dash's JSON encoder (plotly's) also accepts: dates and times, Decimal, UUID.
            return to_json(_plotly_compatible(value))
        except TypeError:
            raise InvalidCallbackReturnValue(
                f"{spec.describe()} returned a `{type(value).__name__}` for {describe_dep(dep)}: props must be str, int, "
                f"float, bool, None, list, dict or components.\nValue: {short_repr(value)}"
            ) from None

    def _failure(self, failed: _CallbackFailed, state: CallbackState) -> DispatchResult:
        error = failed.error
        if isinstance(error, InvalidCallbackReturnValue):
            message = f"{type(error).__name__}: {error}"
        else:
            message = f"{failed.spec.describe()} raised {type(error).__name__}: {error}"
        logger.error("%s\n%s", message, failed.tb)
        body: dict[str, Any] = {"error": message, "callback": failed.spec.output_id}
        if self.debug and failed.tb:
            body["traceback"] = failed.tb
        return DispatchResult(500, body, self._headers(state))

    @staticmethod
    def _headers(state: CallbackState) -> list[tuple[str, str]]:
        headers = state.response.header_items()
        for name, info in state.timing_information.items():
            # One header per entry, desc before dur, exactly as Dash writes them.
            value = name
            if info.get("desc") is not None:
                value += f';desc="{info["desc"]}"'
            if info.get("dur") is not None:
                value += f";dur={info['dur']}"
            headers.append(("Server-Timing", value))
        return headers

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


def _plotly_compatible(value: Any) -> Any:
    """``value`` with dates/times as ISO text and Decimal as float, as plotly's encoder does."""
    import datetime
    import decimal
    import uuid

    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dict):
        return {k: _plotly_compatible(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plotly_compatible(v) for v in value]
    if isinstance(value, Component):
        return type(value)(**{k: _plotly_compatible(v) for k, v in value._props.items()})
    return value


def _set_progress_for(progress: Any) -> Callable[[Any], None]:
    """The ``set_progress`` a background callback receives: sets its ``progress`` Output(s)."""
    from .ctx import set_props

    outputs = list(progress) if isinstance(progress, (list, tuple)) else [progress]

    def set_progress(value: Any) -> None:
        values = list(value) if len(outputs) > 1 else [value]
        for dep, item in zip(outputs, values):
            set_props(dep.component_id, {dep.component_property: item})

    return set_progress


def _first_of(problems: list[Exception]) -> Exception:
    """The first problem, its message noting how many more there are."""
    first = problems[0]
    if len(problems) > 1:
        first.args = (f"{first}\n\n(and {len(problems) - 1} more problem(s) after fixing this one)",)
    return first


def _is_multi_dep(dep: DashDependency) -> bool:
    return isinstance(dep.component_id, dict) and any(
        v is ALL or v is ALLSMALLER for v in dep.component_id.values()
    )


def _values_by_prop_id(items: list[Any]) -> AttributeDict:
    values = AttributeDict()
    for item in items:
        for sub in item if isinstance(item, list) else [item]:
            values[f"{stringify_id(sub['id'])}.{sub['property']}"] = sub.get("value")
    return values


def _item_value(item: Any) -> Any:
    if isinstance(item, list):
        return [sub.get("value") for sub in item]
    return item.get("value")


def _args_group_item(item: Any, changed: set[str]) -> Any:
    if isinstance(item, list):
        return [_args_group_item(sub, changed) for sub in item]
    id_str = stringify_id(item["id"])
    component_id = item["id"]
    return AttributeDict(
        id=AttributeDict(component_id) if isinstance(component_id, dict) else component_id,
        id_str=id_str,
        str_id=id_str,
        property=item["property"],
        value=item.get("value"),
        triggered=f"{id_str}.{item['property']}" in changed,
    )
