"""The page wheel: only the page-side package, byte-identical when nothing changed."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from wasmdash.server.runtime_files import page_wheel


def make_package(root: Path) -> Path:
    package = root / "wasmdash"
    (package / "server").mkdir(parents=True)
    (package / "dcc").mkdir()
    (package / "__init__.py").write_text("VERSION = 1\n")
    (package / "dcc" / "__init__.py").write_text("")
    (package / "server" / "__init__.py").write_text("SECRET = 'host only'\n")
    return package


def test_page_wheel_leaves_out_the_server(tmp_path):
    """Does the wheel the page installs hold the renderer but not wasmdash.server?"""
    name, data = page_wheel(make_package(tmp_path), "1.2.3")
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert name == "wasmdash-1.2.3-py3-none-any.whl"
    assert "wasmdash/__init__.py" in names and "wasmdash/dcc/__init__.py" in names
    assert not [n for n in names if n.startswith("wasmdash/server")]
    assert "wasmdash-1.2.3.dist-info/RECORD" in names


def test_page_wheel_is_reproducible(tmp_path):
    """Is an unchanged package zipped to the same bytes, whatever the files' times?"""
    package = make_package(tmp_path)
    first = page_wheel(package, "1.0")[1]
    (package / "__init__.py").touch()
    assert page_wheel(package, "1.0")[1] == first
