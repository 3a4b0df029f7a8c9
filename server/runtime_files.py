"""The files a page needs to run wasmdash, assembled from the package registries.

* the Pyodide core files, from the npm registry's tarball of ``pyodide`` (checked against the
  registry's sha512 integrity);
* the micropip wheel from PyPI (sha256-checked), with Pyodide's lock entry rewritten to it;
* pure-Python wheels the page-side package imports (markdown-it-py for ``dcc.Markdown``), from PyPI;
* plotly.js from the npm package ``plotly.js-dist-min`` (loaded only by pages with a ``dcc.Graph``);
* the page-side ``wasmdash`` wheel, zipped from the installed package without its host-only parts.

Stdlib only: ``build.py`` imports this file before any virtualenv exists. Downloads are cached and
every write is skipped when the bytes are unchanged, so assembling again is cheap and an unchanged
tree gives byte-identical files.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import logging
import tarfile
import urllib.request
from urllib.parse import urljoin
import zipfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["PYODIDE_VERSION", "Manifest", "assemble", "page_wheel", "default_cache"]

logger = logging.getLogger(__name__)

PYODIDE_VERSION = "314.0.7"
MICROPIP_VERSION = "0.11.1"
PLOTLY_PACKAGE = "plotly.js-dist-min"
#: The 3.x line that Dash's figures are written for.
PLOTLY_VERSION = "3.7.0"
#: Pure-Python wheels installed in every page (name, version).
PAGE_WHEELS = (("markdown-it-py", "4.3.0"), ("mdurl", "0.1.2"))

NPM_REGISTRY = "https://registry.npmjs.org"
PYPI_JSON = "https://pypi.org/pypi"

#: The files of the Pyodide npm package a page needs (the rest are docs, maps and typings).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")

#: Wheel timestamps are fixed so that an unchanged tree gives a byte-identical wheel.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

#: Parts of the installed ``wasmdash`` package that never go to the page.
HOST_ONLY = {"server", "_static", "__pycache__"}


class RegistryError(RuntimeError):
    """A download did not match what its registry says it should be."""


@dataclass(frozen=True)
class Manifest:
    """What ``assemble`` wrote; saved as ``manifest.json`` for the page's loader."""

    wheel: str
    wheel_sha256: str
    micropip: str
    page_wheels: tuple[str, ...]
    plotly: str

    def to_json(self) -> bytes:
        data = {
            "pyodide_version": PYODIDE_VERSION,
            "wheel": self.wheel,
            "wheel_sha256": self.wheel_sha256,
            "micropip": self.micropip,
            "page_wheels": list(self.page_wheels),
            "plotly": self.plotly,
            "plotly_version": PLOTLY_VERSION,
        }
        return (json.dumps(data, indent=2, sort_keys=True) + "\n").encode()


def default_cache() -> Path:
    """Where downloads are kept when the caller names no cache (``~/.cache/wasmdash``)."""
    return Path.home() / ".cache" / "wasmdash"


# -- downloads ---------------------------------------------------------------------------------


def _fetch_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=120) as response:
        return json.load(response)


def _download_verified(url: str, dest: Path, *, algorithm: str, digest: bytes) -> bytes:
    """The bytes at ``url``, from ``dest`` when a copy with the expected digest is already there."""
    if dest.exists():
        data = dest.read_bytes()
        if hashlib.new(algorithm, data).digest() == digest:
            return data
    logger.info("downloading %s", url)
    with urllib.request.urlopen(url, timeout=300) as response:
        data = response.read()
    actual = hashlib.new(algorithm, data).digest()
    if actual != digest:
        raise RegistryError(
            f"{url} does not match the registry's {algorithm} "
            f"(expected {digest.hex()}, got {actual.hex()}); refusing to use it."
        )
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_suffix(dest.suffix + ".part")
    partial.write_bytes(data)
    partial.replace(dest)
    return data


def _npm_tarball(package: str, version: str, cache: Path) -> bytes:
    meta = _fetch_json(f"{NPM_REGISTRY}/{package}/{version}")
    algorithm, _, b64 = meta["dist"]["integrity"].partition("-")
    return _download_verified(
        meta["dist"]["tarball"],
        cache / f"{package}-{version}.tgz",
        algorithm=algorithm,
        digest=base64.b64decode(b64),
    )


def _npm_files(package: str, version: str, members: tuple[str, ...], cache: Path) -> dict[str, bytes]:
    """Some files of an npm package (``package/<member>`` in its tarball)."""
    out = {}
    with tarfile.open(fileobj=io.BytesIO(_npm_tarball(package, version, cache))) as archive:
        for member in members:
            extracted = archive.extractfile(f"package/{member}")
            if extracted is None:
                raise RegistryError(f"{package}@{version} has no package/{member}")
            out[member] = extracted.read()
    return out


def _pypi_wheel(project: str, version: str, cache: Path) -> tuple[str, bytes, str]:
    """(file name, bytes, sha256) of a project's pure-Python wheel on PyPI."""
    index = f"{PYPI_JSON}/{project}/json"
    meta = _fetch_json(index)
    files = meta["releases"].get(version) or []
    wheel = next((f for f in files if f["filename"].endswith("-none-any.whl")), None)
    if wheel is None:
        raise RegistryError(f"PyPI has no pure-Python wheel of {project} {version}")
    sha256 = wheel["digests"]["sha256"]
    data = _download_verified(
        urljoin(index, wheel["url"]), cache / wheel["filename"], algorithm="sha256", digest=bytes.fromhex(sha256)
    )
    return wheel["filename"], data, sha256


# -- the page wheel ----------------------------------------------------------------------------


def page_wheel(package_dir: Path, version: str) -> tuple[str, bytes]:
    """The page-side ``wasmdash`` package as a reproducible py3-none-any wheel: (name, bytes).

    ``package_dir`` is the ``wasmdash`` package (``renderer/`` in a checkout); its host-only parts
    (``server``, ``_static``) are left out.
    """
    files: dict[str, bytes] = {}
    for source in sorted(package_dir.rglob("*.py")):
        relative = source.relative_to(package_dir)
        if HOST_ONLY.intersection(relative.parts):
            continue
        files["wasmdash/" + relative.as_posix()] = source.read_bytes()
    dist_info = f"wasmdash-{version}.dist-info"
    files[f"{dist_info}/METADATA"] = (
        f"Metadata-Version: 2.1\nName: wasmdash\nVersion: {version}\n"
        "Summary: wasmdash page runtime (renderer only)\n"
    ).encode()
    files[f"{dist_info}/WHEEL"] = (
        b"Wheel-Version: 1.0\nGenerator: wasmdash\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    )
    record = []
    for name, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{name},sha256={digest},{len(data)}")
    record.append(f"{dist_info}/RECORD,,")
    files[f"{dist_info}/RECORD"] = ("\n".join(record) + "\n").encode()

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return f"wasmdash-{version}-py3-none-any.whl", buffer.getvalue()


# -- assembling --------------------------------------------------------------------------------


def _write_if_changed(path: Path, data: bytes) -> None:
    if path.exists() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def assemble(dest: Path, *, package_dir: Path, version: str, cache: Path | None = None) -> Manifest:
    """Write every runtime file into ``dest`` (idempotent) and return the manifest written.

    Raises:
        RegistryError: a download did not match its registry's hash.
        urllib.error.URLError: a registry could not be reached.
    """
    cache = cache or default_cache()
    dest.mkdir(parents=True, exist_ok=True)

    core = _npm_files("pyodide", PYODIDE_VERSION, (*PYODIDE_FILES, "pyodide-lock.json"), cache)
    for name in PYODIDE_FILES:
        _write_if_changed(dest / name, core[name])

    micropip_name, micropip_bytes, micropip_sha = _pypi_wheel("micropip", MICROPIP_VERSION, cache)
    _write_if_changed(dest / micropip_name, micropip_bytes)
    # Pyodide's lock lists the hash of its own build of micropip; we ship PyPI's wheel, so the
    # entry must name that file and hash or loadPackage("micropip") refuses it.
    lock = json.loads(core["pyodide-lock.json"])
    lock["packages"]["micropip"].update(file_name=micropip_name, sha256=micropip_sha)
    _write_if_changed(dest / "pyodide-lock.json", json.dumps(lock, sort_keys=True).encode())

    extras = []
    for project, project_version in PAGE_WHEELS:
        name, data, _ = _pypi_wheel(project, project_version, cache)
        _write_if_changed(dest / name, data)
        extras.append(name)

    plotly = _npm_files(PLOTLY_PACKAGE, PLOTLY_VERSION, ("plotly.min.js",), cache)["plotly.min.js"]
    _write_if_changed(dest / "plotly.min.js", plotly)

    wheel_name, wheel = page_wheel(package_dir, version)
    _write_if_changed(dest / wheel_name, wheel)
    for stale in dest.glob("wasmdash-*.whl"):
        if stale.name != wheel_name:
            stale.unlink()

    manifest = Manifest(
        wheel=wheel_name,
        wheel_sha256=hashlib.sha256(wheel).hexdigest(),
        micropip=micropip_name,
        page_wheels=tuple(extras),
        plotly="plotly.min.js",
    )
    _write_if_changed(dest / "manifest.json", manifest.to_json())
    return manifest
