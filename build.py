#!/usr/bin/env python3
"""Set up wasmdash, assemble its browser runtime, serve the example, run the tests.

Usage (any Python 3.11+; nothing else needs to be installed first)::

    python3 build.py serve      # venv + runtime, then serve examples/app.py on http://127.0.0.1:8050
    python3 build.py test       # venv + runtime + Chromium, then every test (unit and e2e)
    python3 build.py runtime    # only (re)assemble static/runtime/
    python3 build.py setup      # only create .venv and install wasmdash with its test extras

The runtime is assembled from the package registries only, idempotently, into ``static/runtime/``
(git-ignored): the Pyodide core files from the npm registry's tarball of ``pyodide`` (checked
against the registry's sha512 integrity), the micropip wheel from PyPI (checked against PyPI's
sha256), and the page-side ``wasmdash`` wheel built from ``renderer/``. Downloads are cached in
``.cache/``; pages never fetch anything from a CDN.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import urllib.request
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
CACHE = ROOT / ".cache"
RUNTIME = ROOT / "static" / "runtime"
VENV = ROOT / ".venv"

PYODIDE_VERSION = "314.0.7"
MICROPIP_VERSION = "0.11.1"
PLOTLY_PACKAGE = "plotly.js-dist-min"
PLOTLY_VERSION = "3.7.0"
NPM_REGISTRY = "https://registry.npmjs.org"
PYPI_JSON = "https://pypi.org/pypi"

#: The files of the Pyodide npm package a page needs (the rest are docs, maps and typings).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")

#: Wheel timestamps are fixed so that an unchanged tree gives a byte-identical wheel.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def log(message: str) -> None:
    print(f"[build] {message}", flush=True)


# -- downloads ---------------------------------------------------------------------------------


def fetch_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=120) as response:
        return json.load(response)


def download_verified(url: str, dest: Path, *, algorithm: str, digest: bytes) -> Path:
    """Download ``url`` to ``dest`` unless a copy with the expected digest is already there."""
    if dest.exists() and hashlib.new(algorithm, dest.read_bytes()).digest() == digest:
        return dest
    log(f"downloading {url}")
    with urllib.request.urlopen(url, timeout=300) as response:
        data = response.read()
    actual = hashlib.new(algorithm, data).digest()
    if actual != digest:
        raise SystemExit(
            f"build.py: {url} does not match the registry's {algorithm} "
            f"(expected {digest.hex()}, got {actual.hex()}); refusing to use it."
        )
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(dest.suffix + ".part")
    tmp.write_bytes(data)
    tmp.replace(dest)
    return dest


def pyodide_tarball() -> Path:
    meta = fetch_json(f"{NPM_REGISTRY}/pyodide/{PYODIDE_VERSION}")
    integrity = meta["dist"]["integrity"]
    algorithm, _, b64 = integrity.partition("-")
    return download_verified(
        meta["dist"]["tarball"],
        CACHE / f"pyodide-{PYODIDE_VERSION}.tgz",
        algorithm=algorithm,
        digest=base64.b64decode(b64),
    )


def npm_file(package: str, version: str, member: str) -> bytes:
    """One file of an npm package's tarball, checked against the registry's integrity hash."""
    meta = fetch_json(f"{NPM_REGISTRY}/{package}/{version}")
    algorithm, _, b64 = meta["dist"]["integrity"].partition("-")
    tarball = download_verified(
        meta["dist"]["tarball"],
        CACHE / f"{package}-{version}.tgz",
        algorithm=algorithm,
        digest=base64.b64decode(b64),
    )
    with tarfile.open(tarball) as archive:
        extracted = archive.extractfile(f"package/{member}")
        if extracted is None:
            raise SystemExit(f"build.py: {tarball.name} has no package/{member}")
        return extracted.read()


def micropip_wheel() -> tuple[Path, str]:
    meta = fetch_json(f"{PYPI_JSON}/micropip/json")
    wheel = next(
        f for f in meta["releases"][MICROPIP_VERSION] if f["filename"].endswith("-py3-none-any.whl")
    )
    sha256 = wheel["digests"]["sha256"]
    path = download_verified(
        wheel["url"], CACHE / wheel["filename"], algorithm="sha256", digest=bytes.fromhex(sha256)
    )
    return path, sha256


# -- the runtime -------------------------------------------------------------------------------


def write_if_changed(path: Path, data: bytes) -> None:
    if path.exists() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def page_wheel_bytes(version: str) -> bytes:
    """The page-side ``wasmdash`` package (renderer/ only; no server) as a reproducible wheel."""
    files: dict[str, bytes] = {}
    for source in sorted((ROOT / "renderer").rglob("*.py")):
        if "__pycache__" in source.parts:
            continue
        files["wasmdash/" + source.relative_to(ROOT / "renderer").as_posix()] = source.read_bytes()
    dist_info = f"wasmdash-{version}.dist-info"
    files[f"{dist_info}/METADATA"] = (
        f"Metadata-Version: 2.1\nName: wasmdash\nVersion: {version}\n"
        "Summary: wasmdash page runtime (renderer only)\n"
    ).encode()
    files[f"{dist_info}/WHEEL"] = (
        b"Wheel-Version: 1.0\nGenerator: wasmdash build.py\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    )
    record_lines = []
    for name, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record_lines.append(f"{name},sha256={digest},{len(data)}")
    record_lines.append(f"{dist_info}/RECORD,,")
    files[f"{dist_info}/RECORD"] = ("\n".join(record_lines) + "\n").encode()

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def project_version() -> str:
    for line in (ROOT / "pyproject.toml").read_text().splitlines():
        if line.startswith("version"):
            return line.split("=", 1)[1].strip().strip('"')
    raise SystemExit("build.py: no version in pyproject.toml")


def build_runtime() -> Path:
    """Assemble ``static/runtime/``; returns its path. Safe to run again at any time."""
    RUNTIME.mkdir(parents=True, exist_ok=True)
    tarball = pyodide_tarball()
    with tarfile.open(tarball) as archive:
        for name in PYODIDE_FILES:
            member = archive.extractfile(f"package/{name}")
            if member is None:
                raise SystemExit(f"build.py: {tarball.name} has no package/{name}")
            data = member.read()
            if name == "pyodide-lock.json":
                lock = json.loads(data)
            else:
                write_if_changed(RUNTIME / name, data)

    wheel_path, sha256 = micropip_wheel()
    write_if_changed(RUNTIME / wheel_path.name, wheel_path.read_bytes())
    # Pyodide's lock lists a sha256 for its own build of micropip; we ship PyPI's wheel, so the lock
    # entry must name that file and hash or loadPackage("micropip") refuses it.
    entry = lock["packages"]["micropip"]
    entry["file_name"] = wheel_path.name
    entry["sha256"] = sha256
    write_if_changed(RUNTIME / "pyodide-lock.json", json.dumps(lock, sort_keys=True).encode())

    # dcc.Graph draws with plotly.js on the main thread; pages load it only when they have a Graph.
    write_if_changed(RUNTIME / "plotly.min.js", npm_file(PLOTLY_PACKAGE, PLOTLY_VERSION, "plotly.min.js"))

    version = project_version()
    wheel_name = f"wasmdash-{version}-py3-none-any.whl"
    wheel = page_wheel_bytes(version)
    write_if_changed(RUNTIME / wheel_name, wheel)

    manifest = {
        "pyodide_version": PYODIDE_VERSION,
        "wheel": wheel_name,
        "wheel_sha256": hashlib.sha256(wheel).hexdigest(),
        "micropip": wheel_path.name,
        "plotly": "plotly.min.js",
        "plotly_version": PLOTLY_VERSION,
    }
    write_if_changed(RUNTIME / "manifest.json", (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode())
    for stale in RUNTIME.glob("wasmdash-*.whl"):
        if stale.name != wheel_name:
            stale.unlink()
    log(f"runtime ready in {RUNTIME.relative_to(ROOT)} (Pyodide {PYODIDE_VERSION}, {wheel_name})")
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
    serve.add_argument("app", nargs="?", default=str(ROOT / "examples" / "app.py"))
    serve.add_argument("--port", default="8050")
    test = sub.add_parser("test", help="set up, then run every test")
    test.add_argument("pytest_args", nargs=argparse.REMAINDER, help="extra arguments for pytest")
    args = parser.parse_args(argv)

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
