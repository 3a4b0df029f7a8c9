"""DatePickerSingle, DatePickerRange, Clipboard and Tooltip, driven as a user would."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

BOOT = 15_000  # a callback round trip right after Pyodide boots, on a loaded machine


@pytest.fixture
def dates(wasmdash, app_path):
    page = wasmdash.start(app_path("dcc_more_dates"))
    expect(page.locator("#out-single")).to_have_text('"2024-03-05"', timeout=BOOT)
    return page


@pytest.fixture
def clip_tip(wasmdash, app_path):
    page = wasmdash.start(app_path("dcc_more_clip_tip"))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=wasmdash.server.url)
    return page


def day(page, iso):
    return page.locator(f"td[data-date='{iso}']").first


def test_single_picks_a_day_in_the_calendar(dates):
    """Clicking the field opens the month of the date; clicking a day sets date and closes it."""
    page = dates
    field = page.locator("#single")
    expect(field).to_have_value("05/03/2024")
    expect(page.locator("#single-wrapper")).to_have_class("dash-datepicker-input-wrapper")
    field.click()
    calendar = page.locator(".dash-datepicker-content")
    expect(calendar).to_be_visible()
    expect(calendar.locator(".dash-datepicker-month-label")).to_have_text("March 2024")
    expect(day(page, "2024-03-05")).to_have_class(
        "dash-datepicker-calendar-date-inside dash-datepicker-calendar-date-selected")
    day(page, "2024-03-20").click()
    expect(page.locator("#out-single")).to_have_text('"2024-03-20"')
    expect(field).to_have_value("20/03/2024")
    expect(calendar).to_have_count(0)


def test_single_disabled_day_is_refused_and_months_change(dates):
    """A disabled day does nothing (the calendar stays open); next month's days can be picked."""
    page = dates
    page.locator("#single").click()
    disabled = day(page, "2024-03-13")
    expect(disabled).to_have_class(
        "dash-datepicker-calendar-date-inside dash-datepicker-calendar-date-disabled")
    disabled.click()
    expect(page.locator(".dash-datepicker-content")).to_be_visible()
    expect(page.locator("#out-single")).to_have_text('"2024-03-05"')
    page.get_by_label("Next month").click()
    expect(page.locator(".dash-datepicker-month-label")).to_have_text("April 2024")
    day(page, "2024-04-02").click()
    expect(page.locator("#out-single")).to_have_text('"2024-04-02"')


def test_single_typing_a_date(dates):
    """Typing in display_format and Enter sets date; a nonsense entry reverts on Tab."""
    page = dates
    field = page.locator("#single")
    field.fill("25/12/2024")
    field.press("Enter")
    expect(page.locator("#out-single")).to_have_text('"2024-12-25"')
    expect(page.locator(".dash-datepicker-month-label")).to_have_text("December 2024")
    field.fill("not a date")
    field.press("Tab")
    expect(field).to_have_value("25/12/2024")
    expect(page.locator("#out-single")).to_have_text('"2024-12-25"')


def test_single_keyboard_in_the_calendar(dates):
    """ArrowDown in the field opens the calendar on the date's cell; arrows move; Enter picks."""
    page = dates
    field = page.locator("#single")
    field.click()
    field.press("Escape")
    expect(page.locator(".dash-datepicker-content")).to_have_count(0)
    field.press("ArrowDown")
    expect(day(page, "2024-03-05")).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(day(page, "2024-03-12")).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(day(page, "2024-03-13")).to_be_focused()  # disabled: focusable, not choosable
    page.keyboard.press("Enter")
    expect(page.locator(".dash-datepicker-content")).to_be_visible()
    page.keyboard.press("ArrowRight")
    expect(day(page, "2024-03-14")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#out-single")).to_have_text('"2024-03-14"')
    expect(field).to_have_value("14/03/2024")


def test_single_clear(dates):
    """The clear button (clearable=True) sets date to None."""
    page = dates
    page.locator("#single-wrapper .dash-datepicker-clear").click()
    expect(page.locator("#out-single")).to_have_text("null")
    expect(page.locator("#single")).to_have_value("")


def test_single_persistence_survives_a_reload(dates, wasmdash):
    """persistence=True: the picked date comes back after a reload, and the callback sees it."""
    page = dates
    page.locator("#single").click()
    day(page, "2024-03-22").click()
    expect(page.locator("#out-single")).to_have_text('"2024-03-22"')
    page.reload()
    wasmdash.wait_ready(page)
    expect(page.locator("#single")).to_have_value("22/03/2024")
    expect(page.locator("#out-single")).to_have_text('"2024-03-22"')


def test_range_picked_in_the_calendar_with_minimum_nights(dates):
    """singledate: the first day starts a new range (end cleared); too short a range is refused."""
    page = dates
    out = page.locator("#out-range")
    expect(out).to_have_text("2024-03-01 to 2024-03-04")
    page.locator("#range").click()
    day(page, "2024-03-10").click()
    expect(out).to_have_text("2024-03-10 to None")
    day(page, "2024-03-11").click()  # one night: under minimum_nights=2
    expect(page.locator(".dash-datepicker-content")).to_be_visible()
    day(page, "2024-03-15").click()
    expect(out).to_have_text("2024-03-10 to 2024-03-15")
    expect(page.locator(".dash-datepicker-content")).to_have_count(0)
    expect(page.locator("#range-end-date")).to_have_value("2024-03-15")


def test_range_typing_the_end_date(dates):
    page = dates
    end = page.locator("#range-end-date")
    end.fill("2024-03-20")
    end.press("Enter")
    expect(page.locator("#out-range")).to_have_text("2024-03-01 to 2024-03-20")


def test_range_bothdates_sends_only_complete_ranges(dates):
    """updatemode='bothdates': the start shows at once but the callback sees only the full range."""
    page = dates
    out = page.locator("#out-both")
    expect(out).to_have_text("None to None")
    page.locator("#both").click()
    expect(page.locator(".dash-datepicker-month-label")).to_have_text("May 2024")
    expect(day(page, "2024-05-01")).to_have_class(  # min_date_allowed given as a datetime.date
        "dash-datepicker-calendar-date-inside dash-datepicker-calendar-date-disabled")
    day(page, "2024-05-03").click()
    expect(page.locator("#both")).to_have_value("2024-05-03")
    day(page, "2024-05-06").click()
    expect(out).to_have_text("2024-05-03 to 2024-05-06")
    expect(page.locator("#both-end-date")).to_have_value("2024-05-06")


def clipboard_text(page):
    return page.evaluate("navigator.clipboard.readText()")


def test_clipboard_copies_its_targets_value(clip_tip):
    """target_id: the textarea's value is copied; the button shows a check mark for a moment."""
    page = clip_tip
    page.locator("#copy-target").click()
    page.wait_for_function("async () => (await navigator.clipboard.readText()) === 'text from the textarea'")
    assert clipboard_text(page) == "text from the textarea"


def test_clipboard_copies_content_set_by_its_n_clicks_callback(clip_tip):
    """Dash's pattern: a callback on n_clicks sets content, which is what gets copied."""
    page = clip_tip
    page.locator("#words").fill("hello world")
    page.locator("#copy-content").click()
    expect(page.locator("#clicks")).to_have_text("copied 1 times")
    page.wait_for_function("async () => (await navigator.clipboard.readText()) === 'hello world #1'")
    page.locator("#copy-content").click()
    expect(page.locator("#clicks")).to_have_text("copied 2 times")
    page.wait_for_function("async () => (await navigator.clipboard.readText()) === 'hello world #2'")


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


def test_clipboard_copies_html_content_with_its_text(wasmdash, app_path):
    """html_content goes to the clipboard as text/html next to content as text/plain."""
    page = wasmdash.start(app_path("dcc_more_clip_tip"), before_goto=lambda p: p.add_init_script(WATCH_WRITE))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=wasmdash.server.url)
    page.locator("#copy-html").click()
    page.wait_for_function("async () => (await navigator.clipboard.readText()) === 'plain words'")
    page.wait_for_function("() => window._written !== undefined")
    written = dict(page.evaluate("async () => await window._written"))
    assert written == {"text/plain": "plain words", "text/html": "<b>bold words</b>"}


def test_tooltip_shown_by_a_callback_at_its_bbox(clip_tip):
    """A callback sets show, bbox and children; the box sits at bbox inside its container."""
    page = clip_tip
    tip = page.locator("#tip")
    expect(tip).to_be_hidden()
    page.locator("#show").click()
    expect(tip).to_be_visible()
    expect(tip).to_have_text("Tip #1")
    expect(tip).to_have_class("hover-content")
    container = page.locator("#container").bounding_box()
    box = page.locator(".dcc-tooltip-bounding-box").bounding_box()
    anchor = page.locator("#anchor").bounding_box()
    assert (round(box["x"] - container["x"]), round(box["y"] - container["y"])) == (40, 30)
    assert (round(box["width"]), round(box["height"])) == (20, 10)
    assert box == anchor
    content = tip.bounding_box()
    assert content["y"] >= box["y"] + box["height"]  # direction="bottom": below what it points at
    page.locator("#hide").click()
    expect(tip).to_be_hidden()


def test_tooltip_follows_graph_hover_data(wasmdash, app_path):
    """Dash's recipe: hoverData's point bbox places the Tooltip over the hovered marker; unhover hides it."""
    page = wasmdash.start(app_path("dcc_more_graph_tip"))
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
