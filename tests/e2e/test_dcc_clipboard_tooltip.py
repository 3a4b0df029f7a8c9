"""dcc.Clipboard copying as a user clicks it, and dcc.Tooltip placed, shown and hidden by callbacks."""
from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

BOOT = 15_000  # a callback round trip right after Pyodide boots, on a loaded machine

# Headless Chromium's clipboard gives back text only, so the rich copy is watched where the page
# hands it to navigator.clipboard.write (then written for real).
WATCH_WRITE = """
const write = Clipboard.prototype.write;
Clipboard.prototype.write = function (items) {
  window._written = Promise.all(items.flatMap((item) => item.types.map(
    async (type) => [type, await (await item.getType(type)).text()])));
  return write.call(this, items);
};
"""


@pytest.fixture
def page(wasmdash, app_path):
    page = wasmdash.start(app_path("dcc_clipboard_tooltip"), before_goto=lambda p: p.add_init_script(WATCH_WRITE))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=wasmdash.server.url)
    expect(page.locator("#out-clicks")).to_have_text("target=None content=None", timeout=BOOT)
    return page


def wait_for_clipboard(page, text: str) -> None:
    page.wait_for_function("async (text) => (await navigator.clipboard.readText()) === text", arg=text)


def shown_and_bare(page, locator) -> tuple[bytes, bytes]:
    """Screenshots of the element's box with the element shown, then hidden (what is behind it)."""
    box = locator.bounding_box()
    shown = page.screenshot(clip=box)
    locator.evaluate("(node) => { node.style.visibility = 'hidden'; }")
    bare = page.screenshot(clip=box)
    locator.evaluate("(node) => { node.style.visibility = ''; }")
    return shown, bare


def test_clipboard_shows_an_icon_and_copies_its_targets_text(page):
    """Dash clp001: the default copy icon is drawn; with target_id a click copies that element's value,
    bumps n_clicks and shows a check for a moment, then the copy icon again."""
    button = page.locator("#copy-target")
    copy_icon = button.locator(".dash-clipboard-copy")
    expect(copy_icon).to_be_visible()
    box = copy_icon.bounding_box()
    assert round(box["width"]) == round(box["height"]) == 32  # one em of the Clipboard's font size
    copy_look, blank = shown_and_bare(page, copy_icon)
    assert copy_look != blank  # the icon draws something a user sees

    button.click()
    check_look = copy_look
    deadline = time.monotonic() + 10
    while check_look == copy_look and time.monotonic() < deadline:  # the check shows for one second
        check_look = page.screenshot(clip=box)
    assert check_look not in (blank, copy_look)  # another glyph: the check
    wait_for_clipboard(page, "copied from a textarea")
    expect(page.locator("#out-clicks")).to_have_text("target=1 content=None")
    expect(copy_icon).to_be_visible()  # back after the second

    page.locator("#source").fill("edited text")
    button.click()
    wait_for_clipboard(page, "edited text")
    expect(page.locator("#out-clicks")).to_have_text("target=2 content=None")


def test_clipboard_copies_content_set_by_its_callback(page):
    """Dash clp002: content computed by a callback fed by n_clicks is what gets copied, each click anew."""
    out = page.locator("#out-clicks")
    page.locator("#words").fill("hello world")
    page.locator("#copy-content").click()
    expect(page.locator("#copy-content .dash-clipboard-copied")).to_be_visible()  # for a second
    expect(out).to_have_text("target=None content=1")
    wait_for_clipboard(page, "hello world #1")
    page.locator("#copy-content").click()
    expect(out).to_have_text("target=None content=2")
    wait_for_clipboard(page, "hello world #2")


def test_clipboard_copies_html_content_with_its_text(page):
    """html_content goes to the clipboard as text/html next to content as text/plain."""
    page.locator("#copy-html").click()
    wait_for_clipboard(page, "plain words")
    page.wait_for_function("() => window._written !== undefined")
    written = dict(page.evaluate("async () => await window._written"))
    assert written == {"text/plain": "plain words", "text/html": "<b>bold words</b>"}


def test_tooltip_shows_at_its_bbox_and_hides(page):
    """show + bbox + children from a callback: Dash's markup, the box over bbox inside its container,
    the content below it (direction='bottom'), styled by the app's CSS; show=False hides it."""
    content = page.locator("#tip")
    expect(content).to_be_hidden()
    page.click("#show-tip")
    expect(content).to_have_text("tip 1")
    expect(content).to_have_class("hover-content")
    expect(content.locator("b")).to_have_text("tip")
    expect(content).to_have_css("border-radius", "8px")  # the app's stylesheet wins
    box = page.locator(".dcc-tooltip-bounding-box.dash-tooltip")
    expect(box.locator(".hover.hover-bottom")).to_have_count(1)
    container = page.locator("#container").bounding_box()
    placed = box.bounding_box()
    assert (round(placed["x"] - container["x"]), round(placed["y"] - container["y"])) == (40, 30)
    assert (round(placed["width"]), round(placed["height"])) == (20, 10)
    assert placed == page.locator("#anchor").bounding_box()
    assert content.bounding_box()["y"] >= placed["y"] + placed["height"]  # below what it points at
    page.click("#hide-tip")
    expect(box).to_be_hidden()


def test_tooltip_follows_graph_hover_data(wasmdash, app_path):
    """Dash's recipe: hoverData's point bbox places the Tooltip over the hovered marker; unhover hides it."""
    page = wasmdash.start(app_path("dcc_tooltip_graph"))
    points = page.locator("#graph .scatterlayer .trace .point")
    expect(points).to_have_count(4, timeout=30_000)  # plotly.js is parsed on the first draw
    marker = points.nth(1).bounding_box()
    page.mouse.move(marker["x"] + marker["width"] / 2, marker["y"] + marker["height"] / 2)
    tip = page.locator("#graph-tooltip")
    expect(tip).to_be_visible()
    expect(page.locator("#tip-text")).to_have_text("x=2 y=8")
    box = page.locator(".dcc-tooltip-bounding-box").bounding_box()
    centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    marker_centre = (marker["x"] + marker["width"] / 2, marker["y"] + marker["height"] / 2)
    assert abs(centre[0] - marker_centre[0]) <= 3 and abs(centre[1] - marker_centre[1]) <= 3, (box, marker)
    content = tip.bounding_box()
    assert content["x"] >= box["x"] + box["width"]  # direction="right" (the default)
    drag_area = page.locator("#graph .nsewdrag").first.bounding_box()
    page.mouse.move(drag_area["x"] + drag_area["width"] - 5, drag_area["y"] + 5)
    expect(tip).to_be_hidden()
