"""The host server: Starlette routes around ``Dash.layout_json``, ``dependencies_json`` and
``dispatch``, plus the page, our static files and the app's assets.

Every failure is answered as JSON naming what was wrong; nothing a client sends can stop the
server. Async callbacks are awaited on the event loop; sync ones run in a thread pool so a slow
one does not hold up the others.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import math
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .page import render_index

__all__ = ["create_app", "static_dir"]

logger = logging.getLogger(__name__)


def static_dir() -> Path:
    """Where ``static/`` is: the installed ``wasmdash._static`` or the repository's ``static/``."""
    try:
        spec = importlib.util.find_spec("wasmdash._static")
    except ModuleNotFoundError:
        spec = None
    if spec is not None and spec.submodule_search_locations:
        return Path(list(spec.submodule_search_locations)[0])
    return Path(__file__).resolve().parent.parent / "static"


def _json_response(data: Any, status: int = 200, headers: list[tuple[str, str]] | None = None) -> Response:
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except ValueError:
        # NaN/Infinity are not JSON; Dash's encoder sends them as null, and so do we.
        text = json.dumps(_nan_to_none(data), ensure_ascii=False, separators=(",", ":"))
    response = Response(text, status_code=status, media_type="application/json")
    for name, value in headers or []:
        response.headers.append(name, value)
    return response


def _nan_to_none(value: Any) -> Any:
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if isinstance(value, dict):
        return {k: _nan_to_none(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_nan_to_none(v) for v in value]
    return value


def _error(message: str, status: int, field: str | None = None) -> Response:
    body: dict[str, Any] = {"error": message}
    if field is not None:
        body["field"] = field
    return _json_response(body, status)


class _Files(StaticFiles):
    """Static files where a missing folder means 404s, not a server error."""

    def __init__(self, directory: Path) -> None:
        super().__init__(directory=str(directory), check_dir=False)
        self._directory = directory

    async def check_config(self) -> None:
        if self._directory.is_dir():
            await super().check_config()


def _clientside_module(dash_app: Any) -> str | None:
    """The page module of the app's Python clientside callbacks, or None when it has none.

    Includes callbacks declared with the global ``callback`` that the app will take over.

    Raises:
        wasmdash._clientside.ClientsideSourceError: a function uses a module-level name that will
            not exist in the page (naming the function and the name).
    """
    from wasmdash import _callbacks
    from wasmdash._clientside import is_python_clientside, page_app_source

    specs = [*dash_app._callback_list, *_callbacks.GLOBAL_CALLBACK_LIST]
    if not any(is_python_clientside(spec) for spec in specs):
        return None
    return page_app_source(specs, on_error=dash_app.on_error)


def create_app(dash_app: Any, *, debug: bool | None = None) -> Starlette:
    """The ASGI app serving ``dash_app``.

    Args:
        dash_app: a :class:`wasmdash.Dash`.
        debug: include tracebacks in callback errors and turn on the page's error UI; defaults to
            ``dash_app.debug``.
    """
    if debug is not None:
        dash_app.debug = debug
    _clientside_module(dash_app)  # refuse to start when a Python clientside callback is not self-contained

    async def layout(request: Request) -> Response:
        try:
            # A layout function may be slow (a database query); keep it off the event loop.
            # ?url=: the page's path and query, so a Dash Pages app's page is in the layout at once.
            url = request.query_params.get("url")
            return _json_response(await run_in_threadpool(lambda: dash_app.layout_json(url=url)))
        except Exception as error:  # noqa: BLE001 - the user's layout function may raise anything
            logger.exception("serving the layout failed")
            return _error(f"the layout could not be served: {type(error).__name__}: {error}", 500)

    async def dependencies(request: Request) -> Response:
        try:
            return _json_response(dash_app.dependencies_json())
        except Exception as error:  # noqa: BLE001
            logger.exception("serving the dependencies failed")
            return _error(f"the callbacks could not be listed: {type(error).__name__}: {error}", 500)

    async def update_component(request: Request) -> Response:
        if request.method != "POST":
            return _error(
                f"_dash-update-component only accepts POST, got {request.method}", 405, "method"
            )
        raw = await request.body()
        try:
            body = json.loads(raw)
        except ValueError as error:
            return _error(f"the request body is not valid JSON: {error}", 400, "body")
        info = {
            "headers": dict(request.headers),
            "cookies": dict(request.cookies),
            "path": request.url.path + (f"?{request.url.query}" if request.url.query else ""),
            "args": dict(request.query_params),
            "remote": request.client.host if request.client else "",
            "origin": request.headers.get("origin", ""),
        }
        try:
            result = await dash_app.dispatch(body, run_sync=run_in_threadpool, request=info)
        except Exception as error:  # noqa: BLE001 - dispatch should not raise; never crash if it does
            logger.exception("dispatch failed")
            return _error(f"internal error while running the callback: {type(error).__name__}: {error}", 500)
        if result.status == 204:
            response = Response(status_code=204)
            for name, value in result.headers:
                response.headers.append(name, value)
            return response
        return _json_response(result.body, result.status, result.headers)

    async def clientside(request: Request) -> Response:
        # The Python callbacks that run in the page: their own source only (wasmdash._clientside).
        try:
            dash_app._setup()
            text = _clientside_module(dash_app) or "app = None  # this app has no Python clientside callbacks\n"
        except Exception as error:  # noqa: BLE001
            logger.exception("building the page's Python callbacks failed")
            return _error(f"the page's Python callbacks could not be built: {type(error).__name__}: {error}", 500)
        return Response(text, media_type="text/x-python; charset=utf-8")

    async def index(request: Request) -> Response:
        if request.method not in ("GET", "HEAD"):
            return _error(f"{request.url.path} does not accept {request.method}", 405, "method")
        if getattr(dash_app, "use_pages", False):
            # Dash Pages' redirect_from: the old path answers with the page's own URL.
            from wasmdash._pages import redirect_target

            target = redirect_target(request.path_params.get("path", ""))
            if target is not None:
                url = dash_app.get_relative_path(target) + (f"?{request.url.query}" if request.url.query else "")
                return RedirectResponse(url, status_code=308)
        try:
            # Rendering the first page walks the whole layout: keep it off the event loop.
            # As the browser spells it (percent-encoded), so the first render matches the page's.
            raw_path = request.scope.get("raw_path")
            path = raw_path.decode("latin-1") if isinstance(raw_path, bytes) else request.url.path
            url = path + (f"?{request.url.query}" if request.url.query else "")
            html = await run_in_threadpool(lambda: render_index(dash_app, debug=dash_app.debug, url=url))
            return HTMLResponse(html)
        except Exception as error:  # noqa: BLE001 - e.g. a DuplicateCallback found on first use
            logger.exception("serving the page failed")
            return _error(f"the page could not be served: {type(error).__name__}: {error}", 500)

    assets_path = dash_app.config.get("assets_url_path", "assets").strip("/")
    routes = [
        Route("/_dash-layout", layout, methods=["GET"]),
        Route("/_dash-dependencies", dependencies, methods=["GET"]),
        Route("/_dash-update-component", update_component, methods=["GET", "POST", "PUT", "DELETE", "PATCH"]),
        Route("/_wasmdash/clientside.py", clientside, methods=["GET"]),
        Mount("/_wasmdash/static", app=_Files(static_dir())),
        Mount(f"/{assets_path}", app=_Files(Path(dash_app.assets_path))),
        Route("/{path:path}", index, methods=["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"]),
    ]

    async def not_found(request: Request, exc: Exception) -> Response:
        return _error(f"no route for {request.method} {request.url.path}", 404, "path")

    async def method_not_allowed(request: Request, exc: Exception) -> Response:
        return _error(f"{request.url.path} does not accept {request.method}", 405, "method")

    prefix = "/" + dash_app.config.get("routes_pathname_prefix", "/").strip("/")
    if prefix != "/":
        routes = [Mount(prefix, routes=routes)]
    server = Starlette(routes=routes, exception_handlers={404: not_found, 405: method_not_allowed})
    server.state.dash_app = dash_app
    return server
