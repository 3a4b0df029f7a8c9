"""dcc.Clipboard copying as a user clicks it, and dcc.Tooltip shown and hidden by a callback."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

BOOT = 15_000  # a callback round trip right after Pyodide boots, on a loaded machine


@pytest.fixture
def page(wasmdash, app_path):
    page = wasmdash.start(app_path("dcc_clipboard_tooltip"))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=wasmdash.server.url)
    return page


def clipboard_text(page) -> str:
    return page.evaluate("() => navigator.clipboard.readText()")


def test_clipboard_copies_the_target_text(page):
    """Dash clp001: with target_id, a click copies that element's value and bumps n_clicks."""
    out = page.locator("#out-clicks")
    expect(out).to_have_text("target=None content=None", timeout=BOOT)
    page.locator("#copy-target").click()
    expect(out).to_have_text("target=1 content=None")
    page.wait_for_function("async () => (await navigator.clipboard.readText()) === 'copied from a textarea'")
    page.locator("#source").fill("edited text")
    page.locator("#copy-target").click()
    page.wait_for_function("async () => (await navigator.clipboard.readText()) === 'edited text'")
    expect(out).to_have_text("target=2 content=None")


def test_clipboard_copies_content_set_by_its_callback(page):
    """Dash clp002: content computed by a callback fed by n_clicks is what gets copied."""
    out = page.locator("#out-clicks")
    expect(out).to_have_text("target=None content=None", timeout=BOOT)
    page.locator("#copy-content").click()
    expect(out).to_have_text("target=None content=1")
    page.wait_for_function(
        "async () => (await navigator.clipboard.readText()) === 'made by a callback on click 1'", timeout=BOOT
    )
    expect(page.locator("#copy-content")).to_have_text("\u2713")  # the copied mark shows for a moment
    expect(page.locator("#copy-content")).to_have_text("\U0001f4cb")


def test_tooltip_shows_at_its_bbox_and_hides(page):
    """show + bbox from a callback place the tooltip (Dash's markup); show=False hides it."""
    expect(page.locator("#show-tip")).to_be_visible(timeout=BOOT)
    page.click("#show-tip")
    content = page.locator("#tip")
    expect(content).to_have_text("tip 1", timeout=BOOT)
    expect(content).to_have_class("hover-content")
    box = page.locator(".dcc-tooltip-bounding-box.dash-tooltip")
    expect(box).to_be_visible()
    expect(box.locator(".hover.hover-bottom")).to_have_count(1)
    expect(content.locator("b")).to_have_text("tip 1")
    page.click("#hide-tip")
    expect(box).to_be_hidden()
