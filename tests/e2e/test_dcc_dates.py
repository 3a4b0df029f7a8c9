"""dcc.DatePickerSingle and dcc.DatePickerRange, chosen on the calendar and typed as a user would."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

BOOT = 15_000  # a callback round trip right after Pyodide boots, on a loaded machine


@pytest.fixture
def page(wasmdash, app_path):
    return wasmdash.start(app_path("dcc_dates"))


def day(page, picker: str, iso: str):
    return page.locator(f"#{picker}-wrapper").locator("xpath=..").locator(f"td[data-date='{iso}']")


def test_single_markup_keeps_dash_class_names(page):
    """Dash 4's class names: wrapper, input, calendar content, month navigation."""
    expect(page.locator("#out-single")).to_have_text("date=2026-11-24", timeout=BOOT)
    wrapper = page.locator("#single-wrapper")
    expect(wrapper).to_have_class("dash-datepicker-input-wrapper pick-one")
    expect(page.locator("#single")).to_have_value("24/11/2026")  # display_format
    page.click("#single")
    content = page.locator(".dash-datepicker-content")
    expect(content).to_be_visible()
    expect(content.locator(".dash-datepicker-month-nav")).to_have_count(2)
    expect(day(page, "single", "2026-11-24")).to_contain_class("dash-datepicker-calendar-date-selected")


def test_single_pick_on_the_calendar_respects_limits(page):
    """Clicking a day sets `date`; days before min, after max, or in disabled_days refuse."""
    out = page.locator("#out-single")
    expect(out).to_have_text("date=2026-11-24", timeout=BOOT)
    page.click("#single")
    for refused in ("2026-11-04", "2026-11-26"):
        cell = day(page, "single", refused)
        expect(cell).to_contain_class("dash-datepicker-calendar-date-disabled")
        cell.click()
    expect(out).to_have_text("date=2026-11-24")
    day(page, "single", "2026-11-10").click()
    expect(out).to_have_text("date=2026-11-10")
    expect(page.locator("#single")).to_have_value("10/11/2026")
    expect(page.locator(".dash-datepicker-content")).to_have_count(0)  # closes after choosing


def test_single_month_navigation(page):
    """The next-month button shows December; a day there can be chosen."""
    out = page.locator("#out-single")
    expect(out).to_have_text("date=2026-11-24", timeout=BOOT)
    page.click("#single")
    expect(page.locator(".dash-datepicker-month-label")).to_have_text("November 2026")
    page.get_by_label("Next month").click()
    expect(page.locator(".dash-datepicker-month-label")).to_have_text("December 2026")
    expect(page.get_by_label("Next month")).to_be_disabled()  # max_date_allowed is in December
    day(page, "single", "2026-12-03").click()
    expect(out).to_have_text("date=2026-12-03")


def test_single_typed_date_and_invalid_text_reverts(page):
    """Typing a date in display_format then Enter sets it; an impossible date reverts the field."""
    out = page.locator("#out-single")
    expect(out).to_have_text("date=2026-11-24", timeout=BOOT)
    field = page.locator("#single")
    field.fill("15/12/2026")
    field.press("Enter")
    expect(out).to_have_text("date=2026-12-15")
    field.fill("31/02/2026")
    field.press("Enter")
    expect(field).to_have_value("15/12/2026")
    expect(out).to_have_text("date=2026-12-15")


def test_single_clear(page):
    """clearable=True: the clear button sets `date` to None and empties the field."""
    out = page.locator("#out-single")
    expect(out).to_have_text("date=2026-11-24", timeout=BOOT)
    page.locator("#single-wrapper .dash-datepicker-clear").click()
    expect(out).to_have_text("date=None")
    expect(page.locator("#single")).to_have_value("")


def test_range_pick_two_days_singledate_mode(page):
    """Choosing a start then an end: each end is sent as chosen; minimum_nights refuses too short."""
    out = page.locator("#out-range")
    expect(out).to_have_text("2026-11-01 -> 2026-11-15", timeout=BOOT)
    page.locator("#range-wrapper input").first.click()
    day(page, "range", "2026-11-03").click()
    expect(out).to_have_text("2026-11-03 -> None")
    day(page, "range", "2026-11-04").click()  # one night < minimum_nights=2
    expect(out).to_have_text("2026-11-03 -> None")
    day(page, "range", "2026-11-10").click()
    expect(out).to_have_text("2026-11-03 -> 2026-11-10")
    inputs = page.locator("#range-wrapper input")
    expect(inputs.nth(0)).to_have_value("2026-11-03")
    expect(inputs.nth(1)).to_have_value("2026-11-10")


def test_range_bothdates_sends_only_complete_ranges(page):
    """updatemode='bothdates': nothing is sent until the end date is chosen too."""
    out = page.locator("#out-range-both")
    expect(out).to_have_text("None -> None (call 1)", timeout=BOOT)
    page.locator("#range-both-wrapper input").first.click()
    expect(page.locator(".dash-datepicker-month-label")).to_have_text("November 2026")  # initial_visible_month
    day(page, "range-both", "2026-11-20").click()
    expect(day(page, "range-both", "2026-11-20")).to_contain_class("dash-datepicker-calendar-date-selected")
    expect(out).to_have_text("None -> None (call 1)")
    day(page, "range-both", "2026-11-27").click()
    expect(out).to_have_text("2026-11-20 -> 2026-11-27 (call 2)")
