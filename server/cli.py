"""``wasmdash run app.py [--host H] [--port P] [--debug]``: serve a Dash app file with uvicorn.

The file is loaded by path with the ``dash`` alias installed, so an unmodified Dash app works; its
``if __name__ == "__main__"`` block does not run (the module gets the file's stem as its name).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, Sequence

__all__ = ["main", "load_app", "find_dash_app", "serve"]


class AppLoadError(Exception):
    """The app file could not be loaded, or holds no single Dash app."""


def load_module(path: str | os.PathLike[str]) -> ModuleType:
    """Import the file at ``path`` (with ``import dash`` aliased to wasmdash)."""
    from wasmdash import _dash_alias

    file = Path(path).resolve()
    if not file.is_file():
        raise AppLoadError(f"no such app file: {path}")
    _dash_alias.install()
    directory = str(file.parent)
    if directory not in sys.path:
        sys.path.insert(0, directory)
    name = file.stem if file.stem not in sys.modules else f"_wasmdash_app_{file.stem}"
    spec = importlib.util.spec_from_file_location(name, file)
    if spec is None or spec.loader is None:
        raise AppLoadError(f"{path} is not a Python file")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    from wasmdash import app as app_module

    app_module._LOADING_FOR_CLI = True  # an unguarded app.run() in the file must not serve here
    try:
        spec.loader.exec_module(module)
    finally:
        app_module._LOADING_FOR_CLI = False
    return module


def find_dash_app(module: ModuleType) -> Any:
    """The module's ``app`` if it is a Dash app, else its only Dash app."""
    from wasmdash import Dash

    candidate = getattr(module, "app", None)
    if isinstance(candidate, Dash):
        return candidate
    apps = {name: value for name, value in vars(module).items() if isinstance(value, Dash)}
    if len(apps) == 1:
        return next(iter(apps.values()))
    where = getattr(module, "__file__", module.__name__)
    if not apps:
        raise AppLoadError(f"{where} defines no Dash app; add `app = Dash(__name__)` at module level.")
    raise AppLoadError(
        f"{where} defines several Dash apps ({', '.join(sorted(apps))}); name the one to serve `app`."
    )


def load_app(path: str | os.PathLike[str]) -> Any:
    """Load the file and return its Dash app."""
    return find_dash_app(load_module(path))


def serve(
    dash_app: Any,
    *,
    host: str = "127.0.0.1",
    port: int = 8050,
    debug: bool = False,
    cors_origins: Sequence[str] = (),
) -> None:
    """Serve ``dash_app`` with uvicorn until interrupted.

    ``cors_origins``: origins (``https://site.example``) whose pages may call this server's
    callbacks, e.g. a static export built with ``--server``; no other origin is allowed.
    """
    import logging

    import uvicorn

    dash_app.debug = debug
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    # Start-up checks now, not on the first request: duplicates raise; ids/props a static layout
    # lacks are logged and left for the page to show in its overlay (as Dash's dev tools do).
    dash_app._setup()
    for problem in dash_app.validation_problems:
        logging.getLogger("wasmdash").error("%s: %s", type(problem).__name__, problem)
    asgi = dash_app.server
    if cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        asgi = CORSMiddleware(
            asgi, allow_origins=[o.rstrip("/") for o in cors_origins], allow_methods=["GET", "POST"], allow_headers=["Content-Type"]
        )
    uvicorn.run(asgi, host=host, port=port, log_level="info" if debug else "warning")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wasmdash", description="Serve Dash apps whose renderer runs in the browser.")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="serve an app file")
    run.add_argument("app", help="path to the app's .py file")
    run.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    run.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8050")))
    run.add_argument("--debug", action="store_true", help="tracebacks in callback errors, error overlay")
    run.add_argument(
        "--cors-origin", action="append", default=[], metavar="ORIGIN",
        help="let pages from ORIGIN (a static export built with --server) call this server; repeatable",
    )
    build = commands.add_parser("build", help="write a static site of an app file (any static host)")
    build.add_argument("app", help="path to the app's .py file")
    build.add_argument("--out", required=True, help="directory to write the site into")
    build.add_argument("--requirements", help="requirements file (default: requirements.txt beside the app)")
    build.add_argument("--pyodide-packages", metavar="URL", help="Pyodide package repository for numpy, pandas... (needs the network)")
    build.add_argument("--server", metavar="URL", help="wasmdash server for the callbacks that cannot run in the page")
    build.add_argument("--debug", action="store_true", help="tracebacks in callback errors, error overlay")
    return parser


def _build(args: argparse.Namespace) -> int:
    from wasmdash.exceptions import DashException

    from .export import BuildError, build_site

    try:
        result = build_site(
            args.app,
            args.out,
            requirements=args.requirements,
            pyodide_packages=args.pyodide_packages,
            server=args.server,
            debug=args.debug,
        )
    except (AppLoadError, BuildError) as error:
        print(f"wasmdash build: {error}", file=sys.stderr)
        return 2
    except DashException as error:
        print(f"wasmdash build: {args.app}: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    print(f"wasmdash: wrote {len(result.files)} files to {result.out}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """The ``wasmdash`` command."""
    args = _parser().parse_args(argv)
    if args.command == "build":
        return _build(args)
    if args.command == "run":
        from wasmdash.exceptions import DashException

        try:
            dash_app = load_app(args.app)
        except AppLoadError as error:
            print(f"wasmdash: {error}", file=sys.stderr)
            return 2
        except DashException as error:  # e.g. DuplicateCallback raised while the file declared it
            print(f"wasmdash: {args.app}: {type(error).__name__}: {error}", file=sys.stderr)
            return 1
        print(f"wasmdash: serving {args.app} at http://{args.host}:{args.port}/", file=sys.stderr)
        try:
            serve(dash_app, host=args.host, port=args.port, debug=args.debug, cors_origins=args.cors_origin)
        except DashException as error:
            print(f"wasmdash: {args.app}: {type(error).__name__}: {error}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
