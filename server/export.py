"""``wasmdash build app.py --out DIR``: the app as a static site that any static file server can serve.

The site holds ``index.html`` (with the layout's first render in it), the Pyodide runtime and the
page-side ``wasmdash`` wheel, the app's source, its ``assets/`` and the wheels of its pure-Python
requirements. In the page the whole app module is imported (with the ``dash`` alias, so an
unmodified Dash file works) and every callback runs there, except the ones that must stay on a
server (``server_only=True``, or using a module the page cannot have), which go to the wasmdash server
named with ``--server URL``.

Layout of ``DIR``::

    index.html
    assets/...                      the app's assets, under their own names (the app refers to them)
    _wasmdash/<hash>/loader.js ...  static/ and runtime/ (Pyodide fixes these file names)
    _wasmdash/<hash>/app.py         the app's source
    _wasmdash/<hash>/home.py ...    a multi-page app's pages folder (every .py file in it)
    _wasmdash/<hash>/<name>.whl     each requirement's wheel

``<hash>`` is a digest of the directory's content, so everything under ``_wasmdash/`` can be cached
forever by a CDN; only ``index.html`` and ``assets/`` need revalidation. Building an unchanged app
again gives byte-identical files, and files of earlier builds are removed.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import types
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .app import static_dir
from .page import asset_files, render_index
from .runtime_files import PYODIDE_FILES, ZIP_DATE

__all__ = ["BuildError", "BuildResult", "build_site", "read_requirements", "server_callbacks", "HASH_DIR"]

#: Where hashed files go, relative to the site's root.
HASH_DIR = "_wasmdash"
#: Characters of a content hash used in a directory name (64 bits: no collisions in practice).
HASH_LENGTH = 16
#: Top-level modules the page always has besides the standard library.
PAGE_MODULES = frozenset({"wasmdash", "dash", "dash_html_components", "dash_core_components", "markdown_it", "mdurl", "micropip", "pyodide", "js"})


class BuildError(Exception):
    """The site cannot be built as asked (the message says what to change)."""


@dataclass
class BuildResult:
    """What :func:`build_site` wrote."""

    out: Path
    files: dict[str, str] = field(default_factory=dict)  # site path -> sha256
    wheels: list[str] = field(default_factory=list)
    pyodide_packages: list[str] = field(default_factory=list)
    server_outputs: list[str] = field(default_factory=list)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


# -- requirements ------------------------------------------------------------------------------


def read_requirements(path: Path) -> list[str]:
    """The requirement lines of a requirements file (comments, blanks and pip options dropped)."""
    out = []
    for raw in path.read_text().splitlines():
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("-"):
            raise BuildError(
                f"{path}: `{line}`: pip options are not supported in a static build's requirements; "
                "list one requirement (a name, a pinned name, or a local path) per line."
            )
        out.append(line)
    return out


def reproducible_wheel(data: bytes) -> bytes:
    """The same wheel with fixed timestamps and modes, so an unchanged project gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            copy = zipfile.ZipInfo(info.filename, ZIP_DATE)
            copy.compress_type = zipfile.ZIP_DEFLATED
            copy.external_attr = (0o755 if info.external_attr >> 16 & 0o111 else 0o644) << 16
            target.writestr(copy, source.read(info))
    return out.getvalue()


def _run_pip(args: list[str], what: str) -> None:
    result = subprocess.run([sys.executable, "-m", "pip", *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"pip could not get {what}:\n{(result.stderr or result.stdout).strip()[-3000:]}")


def _only_wheel(directory: Path, what: str) -> Path:
    wheels = sorted(directory.glob("*.whl"))
    if len(wheels) != 1:
        raise BuildError(f"pip made {len(wheels)} wheels for {what}, expected one")
    wheel = wheels[0]
    if not wheel.name.endswith("-none-any.whl"):
        raise BuildError(
            f"{what} is not pure Python ({wheel.name}); the page can only install pure-Python wheels. "
            "If Pyodide builds it, pass --pyodide-packages URL."
        )
    return wheel


def _local_path(requirement: str, base: Path) -> Path | None:
    if requirement.startswith((".", "/", "~")) or requirement.endswith(".whl") or "/" in requirement or "\\" in requirement:
        path = (base / Path(requirement).expanduser()).resolve()
        if not path.exists():
            raise BuildError(f"requirement {requirement!r}: no such file or directory ({path})")
        return path
    return None


def requirement_wheel(requirement: str, base: Path) -> tuple[str, bytes]:
    """(file name, bytes) of a pure-Python wheel for one requirement: a name or a local path.

    A directory is built with ``pip wheel``; a ``.whl`` file is used as is; a name is downloaded
    with ``pip download --only-binary=:all: --no-deps`` (list every dependency yourself).
    """
    local = _local_path(requirement, base)
    with tempfile.TemporaryDirectory(prefix="wasmdash-wheel-") as temp:
        where = Path(temp)
        if local is not None and local.is_file():
            if not local.name.endswith("-none-any.whl"):
                raise BuildError(f"{requirement}: not a pure-Python wheel (its name must end in -none-any.whl)")
            return local.name, reproducible_wheel(local.read_bytes())
        if local is not None:
            _run_pip(["wheel", "--no-deps", "--quiet", "--wheel-dir", str(where), str(local)], requirement)
            wheel = _only_wheel(where, requirement)
            return wheel.name, reproducible_wheel(wheel.read_bytes())
        _run_pip(["download", "--no-deps", "--only-binary=:all:", "--quiet", "--dest", str(where), requirement], requirement)
        wheel = _only_wheel(where, requirement)
        return wheel.name, wheel.read_bytes()  # the registry's bytes, unchanged


def wheel_top_levels(data: bytes) -> set[str]:
    """The importable top-level names a wheel installs."""
    names = set()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            first = name.split("/", 1)[0]
            if first.endswith((".dist-info", ".data")):
                continue
            names.add(first[:-3] if first.endswith(".py") else first)
    return names


# -- callbacks that stay on a server -----------------------------------------------------------


def _code_names(code: types.CodeType) -> set[str]:
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= _code_names(const)
    return names


def _top_module(value: Any) -> str | None:
    if isinstance(value, types.ModuleType):
        return value.__name__.split(".", 1)[0]
    module = getattr(value, "__module__", None)
    return module.split(".", 1)[0] if isinstance(module, str) else None


def _unavailable(value: Any, available: set[str], app_module: str) -> str | None:
    top = _top_module(value)
    if top is None or top in available or top == app_module or top == "builtins":
        return None
    return top


def server_callbacks(app: Any, module: types.ModuleType, available: Iterable[str]) -> tuple[dict[str, str], set[str]]:
    """Which callbacks must run on a server, and which modules only the server has.

    Returns:
        (``output`` -> reason, names of top-level modules the app module uses that the page lacks).
    """
    available = set(available)
    app_module = module.__name__
    server_modules = {
        top for value in vars(module).values() if (top := _unavailable(value, available, app_module)) is not None
    }
    reasons = {}
    for spec in app._callback_list:
        if spec.extra.get("server_only"):
            reasons[spec.output_id] = f"callback `{spec.name}` is marked server_only=True"
            continue
        func = spec.func
        code = getattr(func, "__code__", None)
        if code is None:
            continue
        scope = getattr(func, "__globals__", {})
        for name in sorted(_code_names(code)):
            if name in scope:
                top = _unavailable(scope[name], available, app_module)
                if top is not None:
                    reasons[spec.output_id] = f"callback `{spec.name}` uses `{name}` from `{top}`, which the page does not have"
                    server_modules.add(top)
                    break
    return reasons, server_modules


# -- the site ----------------------------------------------------------------------------------


def runtime_dir() -> Path:
    """The assembled browser runtime: ``static/runtime/``, else assembled now into the user's cache.

    Raises:
        BuildError: it is not there and the registries cannot be reached to assemble it.
    """
    runtime = static_dir() / "runtime"
    if (runtime / "manifest.json").is_file():
        return runtime
    from importlib.metadata import version

    import wasmdash

    from . import runtime_files

    installed = version("wasmdash")
    cached = runtime_files.default_cache() / "runtime" / installed
    try:
        runtime_files.assemble(cached, package_dir=Path(wasmdash.__file__).parent, version=installed)
    except (OSError, runtime_files.RegistryError) as error:
        raise BuildError(
            f"the browser runtime is missing ({runtime}) and could not be assembled into {cached}: {error}"
        ) from None
    return cached


def _runtime_files() -> dict[str, bytes]:
    """static/ (loader, worker, css...) and runtime/ as the page needs them: relative path -> bytes."""
    static = static_dir()
    runtime = runtime_dir()
    manifest_path = runtime / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    files = {p.name: p.read_bytes() for p in sorted(static.iterdir()) if p.is_file() and p.suffix in {".js", ".mjs", ".css"}}
    names = [*PYODIDE_FILES, "pyodide-lock.json", "manifest.json", manifest["wheel"], manifest["micropip"]]
    names += list(manifest.get("page_wheels") or [])
    if manifest.get("plotly"):
        names.append(manifest["plotly"])
    for name in names:
        files["runtime/" + name] = (runtime / name).read_bytes()
    return files


def _tree_hash(files: dict[str, bytes]) -> str:
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    return digest.hexdigest()[:HASH_LENGTH]


def _pyodide_lock() -> dict[str, Any]:
    return json.loads((runtime_dir() / "pyodide-lock.json").read_text())


def build_site(
    app_path: str | Path,
    out: str | Path,
    *,
    requirements: str | Path | None = None,
    pyodide_packages: str | None = None,
    server: str | None = None,
    debug: bool = False,
) -> BuildResult:
    """Write the static site of the app file ``app_path`` into ``out``.

    Args:
        requirements: a requirements file; by default ``requirements.txt`` beside the app, if any.
        pyodide_packages: base URL of a Pyodide package repository (its ``full/`` directory) for
            requirements that Pyodide builds itself (numpy, pandas...); the page then needs it.
        server: URL of a wasmdash server (``wasmdash run app.py --cors-origin ORIGIN``) for the
            callbacks that cannot run in the page.
        debug: the page's error overlay and tracebacks.

    Raises:
        BuildError: what to change (a requirement that is not pure Python, a server callback and
            no ``--server``, a missing runtime).
    """
    from .cli import find_dash_app, load_module

    app_file = Path(app_path).resolve()
    out = Path(out).resolve()
    if out == app_file.parent or out in app_file.parents:
        raise BuildError(f"--out {out} would overwrite the app's own folder; choose an empty or new directory")
    module = load_module(app_file)
    app = find_dash_app(module)
    app.debug = debug
    layout = app.layout_json(url=app.get_relative_path("/"))  # a Dash Pages app: its home page
    result = BuildResult(out=out)
    files: dict[str, bytes] = {}

    # requirements: pure-Python wheels shipped in the site; Pyodide's own builds from its repository
    lock = _pyodide_lock()["packages"]
    available = set(sys.stdlib_module_names) | PAGE_MODULES
    req_path = Path(requirements).resolve() if requirements else app_file.parent / "requirements.txt"
    if requirements and not req_path.is_file():
        raise BuildError(f"no such requirements file: {req_path}")
    wheel_urls = []
    for requirement in read_requirements(req_path) if req_path.is_file() else []:
        name = re.match(r"[A-Za-z0-9._-]+", requirement)
        entry = lock.get(_normalize(name.group(0))) if name and _local_path(requirement, req_path.parent) is None else None
        if entry is not None and not str(entry.get("file_name", "")).endswith("-none-any.whl"):
            if not pyodide_packages:
                raise BuildError(
                    f"requirement {requirement!r} is built by Pyodide (not pure Python); pass "
                    "--pyodide-packages URL (e.g. https://cdn.jsdelivr.net/pyodide/v<version>/full/) "
                    "and the page loads it from there (this needs the network)."
                )
            result.pyodide_packages.append(entry["name"])
            available.update(entry.get("imports") or [])
            continue
        wheel_name, data = requirement_wheel(requirement, req_path.parent)
        site_path = f"{HASH_DIR}/{_digest(data)[:HASH_LENGTH]}/{wheel_name}"
        files[site_path] = data
        wheel_urls.append(site_path)
        result.wheels.append(wheel_name)
        available |= wheel_top_levels(data)

    page_files = _pages_folder_files(app, app_file)
    available |= {relative.split("/", 1)[0] for relative in page_files}  # the pages package ships too
    reasons, server_modules = server_callbacks(app, module, available)
    if reasons and not server:
        raise BuildError(
            "these callbacks cannot run in the page and the build has no --server URL:\n  "
            + "\n  ".join(reasons.values())
            + "\nServe the app with `wasmdash run app.py --cors-origin ORIGIN` and build with --server URL, "
            "or add what they use to the requirements."
        )
    result.server_outputs = sorted(reasons)

    runtime = _runtime_files()
    runtime_dir = f"{HASH_DIR}/{_tree_hash(runtime)}/"
    for name, data in runtime.items():
        files[runtime_dir + name] = data
    source = app_file.read_bytes()
    source_path = f"{HASH_DIR}/{_digest(source)[:HASH_LENGTH]}/{app_file.name}"
    files[source_path] = source
    app_files = []
    for relative, data in page_files.items():
        site_path = f"{HASH_DIR}/{_digest(data)[:HASH_LENGTH]}/{relative.rsplit('/', 1)[-1]}"
        files[site_path] = data
        app_files.append([relative, site_path])

    assets_url = app.config.get("assets_url_path", "assets").strip("/")
    for name in asset_files(app):
        files[f"{assets_url}/{name}"] = (Path(app.assets_path) / name).read_bytes()

    static_app = {
        "file": app_file.name,
        "source": source_path,
        "files": app_files,
        "wheels": wheel_urls,
        "pyodide_packages": result.pyodide_packages,
        "pyodide_packages_url": pyodide_packages,
        "server_url": server,
        "server_outputs": result.server_outputs,
        "server_modules": sorted(server_modules),
    }
    files["index.html"] = render_index(
        app, debug=debug, layout=layout, prefix="./", static_url="./" + runtime_dir, extra_config={"static_app": static_app}
    ).encode()

    _write_site(out, files, managed=(HASH_DIR, assets_url))
    result.files = {name: _digest(data) for name, data in sorted(files.items())}
    return result


def _pages_folder_files(app: Any, app_file: Path) -> dict[str, bytes]:
    """A Dash Pages app's pages folder: every ``.py`` file in it (pages import their helpers), by
    path relative to the app's folder, so the page can import the pages as the host did.

    Raises:
        BuildError: the pages folder is not inside the app's folder.
    """
    folder = app.config.get("pages_folder") if getattr(app, "use_pages", False) else None
    if not folder:
        return {}
    folder_path = Path(folder).resolve()
    try:
        folder_path.relative_to(app_file.parent)
    except ValueError:
        raise BuildError(
            f"the pages folder {folder_path} is not inside the app's folder {app_file.parent}; a static "
            "build ships the pages beside the app file, so move it there."
        ) from None
    found = {}
    for path in sorted(folder_path.rglob("*.py")):
        relative = path.relative_to(app_file.parent)
        if any(part.startswith(".") or part == "__pycache__" for part in relative.parts):
            continue
        found[relative.as_posix()] = path.read_bytes()
    return found


def _write_site(out: Path, files: dict[str, bytes], managed: Iterable[str]) -> None:
    """Write ``files`` under ``out`` (unchanged files untouched); remove what earlier builds left in
    the folders the build owns (``managed``: ``_wasmdash/`` and the assets folder)."""
    out.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        path = out / name
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    for folder in managed:
        root = out / folder
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*"), reverse=True):  # children before their folders
            if path.is_dir():
                if not any(path.iterdir()):
                    path.rmdir()
            elif path.relative_to(out).as_posix() not in files:
                path.unlink()
