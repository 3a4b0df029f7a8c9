"""End-to-end tests: real apps served by `wasmdash run`, driven in Chromium with Playwright.

The `wasmdash` fixture comes from wasmdash's own pytest plugin (`wasmdash.server.testing`), the same
one users get.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

# A callback's answer can take seconds on a loaded two-core CI machine (Pyodide shares the CPU with
# the server and Chromium); waits are on conditions, so a longer limit costs nothing when all is well.
expect.set_options(timeout=15_000)

APPS = Path(__file__).parent / "apps"


@pytest.fixture
def app_path():
    """`app_path("chain")` is the path of tests/e2e/apps/chain.py."""
    return lambda name: APPS / f"{name}.py"
