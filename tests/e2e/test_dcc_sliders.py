"""dcc.Slider and dcc.RangeSlider dragged with the mouse and moved with the keyboard."""
from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

BOOT = 15_000  # a callback round trip right after Pyodide boots, on a loaded machine
THUMB = 16  # px, the handle's width in wasmdash.css: the thumb's centre travels over width - THUMB


@pytest.fixture
def page(wasmdash, app_path):
    return wasmdash.start(app_path("dcc_sliders"))


def thumb_point(handle: Locator, fraction: float) -> tuple[float, float]:
    """Where the thumb's centre is when the value is at ``fraction`` of [min, max]."""
    box = handle.bounding_box()
    assert box is not None
    return box["x"] + THUMB / 2 + (box["width"] - THUMB) * fraction, box["y"] + box["height"] / 2


def drag(page: Page, handle: Locator, start: float, end: float, *, release: bool = True) -> None:
    page.mouse.move(*thumb_point(handle, start))
    page.mouse.down()
    page.mouse.move(*thumb_point(handle, end), steps=8)
    if release:
        page.mouse.up()


def test_slider_markup_marks_and_tooltip(page):
    """The container keeps Dash-like classes; marks sit along the track; the tooltip shows the value."""
    expect(page.locator("#out-slider")).to_have_text("value=10", timeout=BOOT)
    root = page.locator("#slider")
    expect(root).to_have_class("dash-slider-container dash-slider")
    expect(page.locator("#range")).to_have_class("dash-slider-container dash-rangeslider")
    marks = root.locator(".dash-slider-mark")
    expect(marks).to_have_text(["0\u00b0", "10\u00b0", "20\u00b0"])
    expect(marks.nth(2)).to_have_css("color", "rgb(255, 0, 0)")
    expect(root.locator(".dash-slider-tooltip")).to_have_text("10")
    xs = [marks.nth(i).bounding_box()["x"] for i in range(3)]
    track = root.locator(".dash-slider-track").bounding_box()
    assert xs[0] < xs[1] < xs[2], f"marks are not laid out along the track: x = {xs}"
    assert xs[2] - xs[0] > track["width"] / 2, f"marks span {xs[2] - xs[0]}px of a {track['width']}px track"


def test_slider_drag_sets_drag_value_then_value_on_release(page):
    """Dash dcsl: with updatemode='mouseup', drag_value follows the handle; value waits for release."""
    expect(page.locator("#out-slider")).to_have_text("value=10", timeout=BOOT)
    handle = page.locator("#slider input[type=range]")
    drag(page, handle, 0.5, 0.75, release=False)
    expect(page.locator("#out-slider-drag")).to_have_text("drag_value=15")
    expect(page.locator("#out-slider")).to_have_text("value=10")
    page.mouse.up()
    expect(page.locator("#out-slider")).to_have_text("value=15")
    expect(page.locator("#slider .dash-slider-tooltip")).to_have_text("15")


def test_slider_keyboard_steps(page):
    """Arrow keys move by `step`, Home/End go to min/max."""
    out = page.locator("#out-slider")
    expect(out).to_have_text("value=10", timeout=BOOT)
    handle = page.locator("#slider input[type=range]")
    handle.focus()
    handle.press("ArrowRight")
    expect(out).to_have_text("value=15")
    handle.press("Home")
    expect(out).to_have_text("value=0")
    handle.press("End")
    expect(out).to_have_text("value=20")


def test_updatemode_drag_sets_value_while_dragging(page):
    """updatemode='drag': value follows the handle before the mouse is released."""
    out = page.locator("#out-slider-live")
    expect(out).to_have_text("50", timeout=BOOT)
    handle = page.locator("#slider-drag input[type=range]")
    drag(page, handle, 0.5, 0.9, release=False)
    expect(out).to_have_text("90")
    page.mouse.up()
    expect(out).to_have_text("90")


def test_step_none_snaps_to_marks(page):
    """step=None: the handle can only stop on a mark (Dash's slider shorthands)."""
    out = page.locator("#out-slider-marks")
    expect(out).to_have_text("3", timeout=BOOT)
    handle = page.locator("#slider-marks input[type=range]")
    drag(page, handle, 0.3, 0.6)
    expect(out).to_have_text("7")
    expect(handle).to_have_value("7")
    drag(page, handle, 0.7, 0.95)
    expect(out).to_have_text("10")


def test_range_slider_handles_by_mouse_and_keyboard(page):
    """Each RangeSlider handle moves on its own; a handle cannot cross the other."""
    out = page.locator("#out-range")
    expect(out).to_have_text("[20, 80]", timeout=BOOT)
    handles = page.locator("#range input[type=range]")
    expect(handles).to_have_count(2)
    drag(page, handles.nth(1), 0.8, 0.5)
    expect(out).to_have_text("[20, 50]")
    handles.nth(0).focus()
    handles.nth(0).press("ArrowRight")
    expect(out).to_have_text("[30, 50]")
    for _ in range(4):
        handles.nth(0).press("ArrowRight")
    expect(out).to_have_text("[50, 50]")  # held back at the other handle
    expect(handles.nth(0)).to_have_value("50")


def test_disabled_slider_ignores_the_user(page):
    """disabled=True: the handle is a disabled input."""
    expect(page.locator("#out-slider")).to_have_text("value=10", timeout=BOOT)
    expect(page.locator("#slider-off")).to_have_class("dash-slider-container dash-slider is-disabled")
    expect(page.locator("#slider-off input[type=range]")).to_be_disabled()
