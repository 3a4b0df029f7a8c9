"""dcc.DatePickerSingle and dcc.DatePickerRange, chosen on the calendar, typed and keyed as a user would."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

BOOT = 15_000  # a callback round trip right after Pyodide boots, on a loaded machine


@pytest.fixture
def page(wasmdash, app_path):
    page = wasmdash.start(app_path("dcc_dates"))
    expect(page.locator("#out-single")).to_have_text("date=2026-11-24", timeout=BOOT)
    return page


def day(page, picker: str, iso: str):
    return page.locator(f"#{picker}-wrapper").locator("xpath=..").locator(f"td[data-date='{iso}']")


def test_single_calendar_marks_days_refuses_limits_and_picks(page):
    """Dash 4's class names; days before min, after max or in disabled_days refuse clicks (the calendar
    stays open); a chosen day sets `date` and closes it; the next month can be shown, up to max."""
    out, field = page.locator("#out-single"), page.locator("#single")
    expect(page.locator("#single-wrapper")).to_have_class("dash-datepicker-input-wrapper pick-one")
    expect(field).to_have_value("24/11/2026")  # display_format
    field.click()
    content = page.locator(".dash-datepicker-content")
    expect(content).to_be_visible()
    expect(content.locator(".dash-datepicker-month-nav")).to_have_count(2)
    expect(page.locator(".dash-datepicker-month-label")).to_have_text("November 2026")  # the date's month
    chosen = day(page, "single", "2026-11-24")
    expect(chosen).to_have_class("dash-datepicker-calendar-date-inside dash-datepicker-calendar-date-selected")
    expect(chosen).to_have_css("background-color", "rgb(200, 0, 0)")  # the app's stylesheet wins
    for refused in ("2026-11-04", "2026-11-26"):
        cell = day(page, "single", refused)
        expect(cell).to_have_class("dash-datepicker-calendar-date-inside dash-datepicker-calendar-date-disabled")
        cell.click()
    expect(content).to_be_visible()
    expect(out).to_have_text("date=2026-11-24")
    day(page, "single", "2026-11-10").click()
    expect(out).to_have_text("date=2026-11-10")
    expect(field).to_have_value("10/11/2026")
    expect(content).to_have_count(0)  # closes after choosing

    field.click()
    page.get_by_label("Next month").click()
    expect(page.locator(".dash-datepicker-month-label")).to_have_text("December 2026")
    expect(page.get_by_label("Next month")).to_be_disabled()  # max_date_allowed is in December
    day(page, "single", "2026-12-03").click()
    expect(out).to_have_text("date=2026-12-03")
    field.click()
    expect(content).to_be_visible()
    page.mouse.click(1000, 5)  # a blank part of the page, right of the pickers
    expect(content).to_have_count(0)  # leaving the picker closes it


def test_single_typed_dates_and_the_clear_button(page):
    """A date typed in display_format sets `date` on Enter (the calendar shows its month); an impossible
    date (Enter) or nonsense (Tab) reverts the field; clearable's button sets None."""
    out, field = page.locator("#out-single"), page.locator("#single")
    field.fill("15/12/2026")
    field.press("Enter")
    expect(out).to_have_text("date=2026-12-15")
    expect(page.locator(".dash-datepicker-month-label")).to_have_text("December 2026")
    field.fill("31/02/2026")
    field.press("Enter")
    expect(field).to_have_value("15/12/2026")
    field.fill("not a date")
    field.press("Tab")
    expect(field).to_have_value("15/12/2026")
    expect(out).to_have_text("date=2026-12-15")
    page.locator("#single-wrapper .dash-datepicker-clear").click()
    expect(out).to_have_text("date=None")
    expect(field).to_have_value("")


def test_single_keyboard_in_the_calendar(page):
    """Escape closes; ArrowDown in the field opens the calendar on the date's cell; arrows move the
    focus (into the next month too); Enter on a disabled day does nothing, on another picks it."""
    field = page.locator("#single")
    field.click()
    field.press("Escape")
    expect(page.locator(".dash-datepicker-content")).to_have_count(0)
    field.press("ArrowDown")
    expect(day(page, "single", "2026-11-24")).to_be_focused()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(day(page, "single", "2026-11-26")).to_be_focused()  # disabled: focusable, not choosable
    page.keyboard.press("Enter")
    expect(page.locator(".dash-datepicker-content")).to_be_visible()
    page.keyboard.press("ArrowDown")
    expect(day(page, "single", "2026-12-03")).to_be_focused()
    expect(page.locator(".dash-datepicker-month-label")).to_have_text("December 2026")
    page.keyboard.press("Enter")
    expect(page.locator("#out-single")).to_have_text("date=2026-12-03")
    expect(field).to_have_value("03/12/2026")


def test_single_persistence_survives_a_reload(page, wasmdash):
    """persistence=True: the picked date comes back after a reload, and the callback sees it."""
    page.locator("#single").click()
    day(page, "single", "2026-11-22").click()
    expect(page.locator("#out-single")).to_have_text("date=2026-11-22")
    page.reload()
    wasmdash.wait_ready(page)
    expect(page.locator("#single")).to_have_value("22/11/2026")
    expect(page.locator("#out-single")).to_have_text("date=2026-11-22")


def test_range_singledate_picks_each_end_and_types_the_end(page):
    """The first day starts a new range (end cleared) and each end is sent as chosen; too short a range
    (minimum_nights) is refused with the calendar open; typing an end date sets it."""
    out = page.locator("#out-range")
    expect(out).to_have_text("2026-11-01 -> 2026-11-15")
    page.locator("#range").click()
    day(page, "range", "2026-11-03").click()
    expect(out).to_have_text("2026-11-03 -> None")
    day(page, "range", "2026-11-04").click()  # one night < minimum_nights=2
    expect(page.locator(".dash-datepicker-content")).to_be_visible()
    expect(out).to_have_text("2026-11-03 -> None")
    day(page, "range", "2026-11-10").click()
    expect(out).to_have_text("2026-11-03 -> 2026-11-10")
    expect(page.locator(".dash-datepicker-content")).to_have_count(0)
    end = page.locator("#range-end-date")
    expect(page.locator("#range")).to_have_value("2026-11-03")
    expect(end).to_have_value("2026-11-10")
    end.fill("2026-11-20")
    end.press("Enter")
    expect(out).to_have_text("2026-11-03 -> 2026-11-20")


def test_range_bothdates_sends_only_complete_ranges(page):
    """updatemode='bothdates': the start shows at once, but nothing is sent until the end is chosen;
    initial_visible_month and min_date_allowed given as datetime.date work."""
    out = page.locator("#out-range-both")
    expect(out).to_have_text("None -> None (call 1)")
    page.locator("#range-both").click()
    expect(page.locator(".dash-datepicker-month-label")).to_have_text("November 2026")  # initial_visible_month
    expect(day(page, "range-both", "2026-11-01")).to_have_class(
        "dash-datepicker-calendar-date-inside dash-datepicker-calendar-date-disabled")
    day(page, "range-both", "2026-11-20").click()
    expect(day(page, "range-both", "2026-11-20")).to_contain_class("dash-datepicker-calendar-date-selected")
    expect(page.locator("#range-both")).to_have_value("2026-11-20")
    expect(out).to_have_text("None -> None (call 1)")
    day(page, "range-both", "2026-11-27").click()
    expect(out).to_have_text("2026-11-20 -> 2026-11-27 (call 2)")
    expect(page.locator("#range-both-end-date")).to_have_value("2026-11-27")
