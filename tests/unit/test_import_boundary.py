"""The `js` door: only wasmdash.browser may import js/pyodide, and nothing in the page imports the server."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

BROWSER_IMPORT = re.compile(r"^\s*(import|from)\s+(js|pyodide)\b")
RENDERER = Path(__file__).resolve().parents[2] / "renderer"

PROBE = """
import importlib, json, pkgutil, sys
import wasmdash
names = []
for info in pkgutil.walk_packages(wasmdash.__path__, "wasmdash."):
    if info.name.startswith(("wasmdash.browser", "wasmdash.server", "wasmdash._static")):
        continue
    importlib.import_module(info.name)
    names.append(info.name)
banned = sorted(m for m in sys.modules if m.split(".")[0] in {"js", "pyodide", "starlette", "uvicorn", "pytest"})
print(json.dumps({"imported": names, "banned": banned}))
"""


def probe() -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_page_modules_import_without_browser_or_server():
    """Do all page-side modules import on CPython without pulling in js, pyodide or the server?"""
    result = probe()
    assert "wasmdash.component" in result["imported"]
    assert result["banned"] == []


def test_only_browser_package_mentions_js():
    """Is `import js` / `from pyodide` written only under renderer/browser/?"""
    offenders = []
    for source in RENDERER.rglob("*.py"):
        if "browser" in source.relative_to(RENDERER).parts:
            continue
        for line in source.read_text().splitlines():
            if BROWSER_IMPORT.match(line):
                offenders.append(f"{source.relative_to(RENDERER)}: {line.strip()}")
    assert offenders == []
