#!/usr/bin/env python3
"""Set up wasmdash, assemble its browser runtime, serve the example, run the tests.

Usage (any Python 3.11+; nothing else needs to be installed first)::

    python3 build.py serve      # venv + runtime, then serve examples/gallery/app.py on http://127.0.0.1:8050
    python3 build.py test       # venv + runtime + Chromium, then every test (unit and e2e)
    python3 build.py runtime    # only (re)assemble static/runtime/
    python3 build.py setup      # only create .venv and install wasmdash with its test extras

The runtime is assembled from the package registries only, idempotently, into ``static/runtime/``
(git-ignored) by ``server/runtime_files.py`` (the same code a pip-installed wasmdash uses): the
Pyodide core files from the npm registry's tarball of ``pyodide`` (sha512-checked), micropip and
markdown-it-py from PyPI (sha256-checked), plotly.js from npm, and the page-side ``wasmdash``
wheel zipped from ``renderer/``. Downloads are cached in ``.cache/``; pages never fetch anything
from a CDN.
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
CACHE = ROOT / ".cache"
RUNTIME = ROOT / "static" / "runtime"
VENV = ROOT / ".venv"


def log(message: str) -> None:
    print(f"[build] {message}", flush=True)


def runtime_files():
    """``server/runtime_files.py``, imported by path: it is stdlib-only and no venv exists yet."""
    spec = importlib.util.spec_from_file_location("_wasmdash_runtime_files", ROOT / "server" / "runtime_files.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def project_version() -> str:
    for line in (ROOT / "pyproject.toml").read_text().splitlines():
        if line.startswith("version"):
            return line.split("=", 1)[1].strip().strip('"')
    raise SystemExit("build.py: no version in pyproject.toml")


def build_runtime() -> Path:
    """Assemble ``static/runtime/``; returns its path. Safe to run again at any time."""
    files = runtime_files()
    try:
        manifest = files.assemble(RUNTIME, package_dir=ROOT / "renderer", version=project_version(), cache=CACHE)
    except files.RegistryError as error:
        raise SystemExit(f"build.py: {error}") from None
    log(f"runtime ready in {RUNTIME.relative_to(ROOT)} (Pyodide {files.PYODIDE_VERSION}, {manifest.wheel})")
    return RUNTIME


# -- environment -------------------------------------------------------------------------------


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def setup() -> Path:
    """Create ``.venv`` and install wasmdash (editable) with its test extras; returns its python."""
    python = venv_python()
    if not python.exists():
        log("creating .venv")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    stamp = VENV / ".wasmdash-installed"
    pyproject = (ROOT / "pyproject.toml").read_bytes()
    if not stamp.exists() or stamp.read_bytes() != pyproject:
        log("installing wasmdash[test] into .venv")
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", f"{ROOT}[test]"],
            check=True,
        )
        stamp.write_bytes(pyproject)
    return python


def ensure_chromium(python: Path) -> None:
    """Make a Chromium available to Playwright: Debian's, else Playwright's own download."""
    if Path("/usr/bin/chromium").exists():
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        log("installing Debian's chromium")
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True)
        return
    log("no /usr/bin/chromium: asking Playwright to download its Chromium")
    subprocess.run([str(python), "-m", "playwright", "install", "chromium"], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("setup", help="create .venv and install wasmdash[test]")
    sub.add_parser("runtime", help="assemble static/runtime/ from the registries")
    serve = sub.add_parser("serve", help="set up, then serve the example app")
    serve.add_argument("app", nargs="?", default=str(ROOT / "examples" / "gallery" / "app.py"))
    serve.add_argument("--port", default="8050")
    test = sub.add_parser("test", help="set up, then run every test")
    test.add_argument("pytest_args", nargs=argparse.REMAINDER, help="extra arguments for pytest")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="[build] %(message)s")

    if args.command == "runtime":
        build_runtime()
        return 0
    python = setup()
    if args.command == "setup":
        return 0
    build_runtime()
    if args.command == "serve":
        return subprocess.call([str(python), "-m", "wasmdash", "run", args.app, "--port", args.port])
    ensure_chromium(python)
    extra = [a for a in args.pytest_args if a != "--"]
    return subprocess.call([str(python), "-m", "pytest", *extra], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main())
