"""The gallery app (examples/gallery/app.py), what `python3 build.py serve` shows a new user."""
from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

GALLERY = Path(__file__).parents[2] / "examples" / "gallery" / "app.py"
BOOT = 15_000  # a callback round trip right after Pyodide boots, on a loaded machine


def test_gallery_boots_clean_and_its_callbacks_respond(wasmdash):
    """Every card renders (the Clipboard's copy icon too), nothing is fetched from the internet, no
    console error; callbacks answer."""
    page = wasmdash.start(GALLERY)
    expect(page.locator(".card h2")).to_have_count(14)
    expect(page.locator("#dropdown-out")).to_have_text("city='MTL'\nfruits=['banana']", timeout=BOOT)
    expect(page.locator("#sliders-out")).to_have_text("slider=4\nrange=[20, 70]")
    expect(page.locator("#dates-out")).to_contain_text("range='2026-11-01' to '2026-11-15' (14 nights)")
    expect(page.locator("#url-out")).to_have_text("pathname='/' search='' hash=''")
    expect(page.locator("#graph .main-svg").first).to_be_attached(timeout=30_000)
    expect(page.locator("#markdown strong")).to_have_text("Bold")

    page.locator("#text").press_sequentially("hi")
    expect(page.locator("#input-out")).to_contain_text("text='hi'")
    page.locator("#tabs .tab", has_text="Second").click()
    expect(page.locator("#tabs-out")).to_have_text("tab='b'")
    page.locator("#radio label", has_text="Large").click()
    expect(page.locator("#choices-out")).to_have_text("checked=['apple']\nsize='l'")
    page.click("#store-button")
    expect(page.locator("#store-out")).to_contain_text('data={"count": 1}')
    expect(page.locator("#interval-out")).not_to_have_text("0 second(s) on this page")

    icon = page.locator("#install-copy .dash-clipboard-copy")  # drawn by wasmdash.css: no icon font
    expect(icon).to_be_visible()
    box = icon.bounding_box()
    assert box["width"] >= 12 and box["height"] >= 12
    shown = page.screenshot(clip=box)
    icon.evaluate("(node) => { node.style.visibility = 'hidden'; }")
    assert page.screenshot(clip=box) != shown  # a user sees it: hiding it changes the screen
    assert wasmdash.blocked_requests == []
