"""End-to-end tests: real apps served by `wasmdash run`, driven in Chromium with Playwright.

The `wasmdash` fixture comes from wasmdash's own pytest plugin (`wasmdash.server.testing`), the same
one users get.
"""
from __future__ import annotations

from pathlib import Path

import pytest

APPS = Path(__file__).parent / "apps"


@pytest.fixture
def app_path():
    """`app_path("chain")` is the path of tests/e2e/apps/chain.py."""
    return lambda name: APPS / f"{name}.py"
