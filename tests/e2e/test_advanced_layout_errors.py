"""Seed "Advanced Callbacks": layout as a function, suppress_callback_exceptions, validation and callback
errors, stale responses and memoization.

Confirmed against Dash 4.4.1 (same apps, served by Dash, in Chromium): all assertions, with Dash's dev
tools error card standing in for wasmdash's overlay. Dash's card shows only the title until expanded
("ID not found in layout", "Callback error updating quotient.children"); the details the tests look
for in the overlay (`missing-input`, `value`; the ZeroDivisionError traceback) are in Dash's
console.error text, which is where these tests also check wasmdash's console.
"""
from __future__ import annotations

from playwright.sync_api import expect

OVERLAY = "#_wasmdash-error-overlay"


def test_layout_function_runs_for_each_page_load(wasmdash, app_path):
    """Dash inin010: a layout function is called again when the page is reloaded."""
    page = wasmdash.start(app_path("adv_layout_function"))
    first = page.locator("#visit").text_content()
    assert first.startswith("visit ")
    page.reload()
    wasmdash.wait_ready(page)
    expect(page.locator("#visit")).not_to_have_text(first)


def test_suppressed_callback_exceptions_allow_ids_added_later(wasmdash, app_path):
    """Dash dvcv009: with suppress_callback_exceptions, a callback on a later-added button works."""
    page = wasmdash.start(app_path("adv_layout_function"))
    page.click("#reveal")
    page.click("#late")
    expect(page.locator("#late")).to_have_text("late clicked 1")


def test_missing_input_id_is_reported_naming_id_and_property(wasmdash, app_path):
    """Dash dvcv008: an Input id not in the layout is an error naming the id and the property; the rest works."""
    wasmdash.allow_console_errors()
    page = wasmdash.start(app_path("adv_validation_error"))
    overlay = page.locator(OVERLAY)
    expect(overlay).to_contain_text("missing-input")
    expect(overlay).to_contain_text("value")
    assert any("missing-input" in message for message in wasmdash.console_errors)
    expect(page.locator("#out")).to_have_text("go None")
    page.click("#go")
    expect(page.locator("#out")).to_have_text("go 1")


def test_callback_error_is_shown_with_traceback_and_app_keeps_working(wasmdash, app_path):
    """Dash dveh001: an exception in a callback shows in the overlay with its traceback; later calls work."""
    wasmdash.allow_console_errors()
    page = wasmdash.start(app_path("adv_errors_dash"))
    expect(page.locator("#quotient")).to_have_text("100 / 2 = 50")
    page.fill("#divisor", "0")
    overlay = page.locator(OVERLAY)
    expect(overlay).to_contain_text("ZeroDivisionError: division by zero")
    expect(overlay).to_contain_text("Traceback")
    expect(overlay).to_contain_text("divide")
    assert any("ZeroDivisionError: division by zero" in message for message in wasmdash.console_errors)
    expect(page.locator("#quotient")).to_have_text("100 / 2 = 50")
    page.fill("#divisor", "4")
    expect(page.locator("#quotient")).to_have_text("100 / 4 = 25")


def test_stale_response_is_discarded(wasmdash, app_path):
    """Dash cbmt001: when the first click's slow response arrives after the second's, the page keeps the second."""
    page = wasmdash.start(app_path("adv_stale"))
    expect(page.locator("#out")).to_have_text("result for click 0")
    with page.expect_response(lambda r: "_dash-update-component" in r.url
                              and '"value":1' in (r.request.post_data or "").replace(" ", "")) as slow:
        page.click("#click")
        page.click("#click")
        expect(page.locator("#out")).to_have_text("result for click 2")
    assert "result for click 1" in slow.value.text()
    page.click("#probe")  # a later round trip: by its end the slow response has been handled
    expect(page.locator("#probe-out")).to_have_text("probe 1")
    expect(page.locator("#out")).to_have_text("result for click 2")


def test_lru_cache_memoizes_callback_work(wasmdash, app_path):
    """The seed's memoization example: an lru_cache'd function runs once per distinct input."""
    page = wasmdash.start(app_path("adv_memoization_dash"))
    expect(page.locator("#result")).to_have_text("Input was test")
    expect(page.locator("#computed")).to_have_text("computed 1 times: test")
    page.fill("#word", "other")
    expect(page.locator("#computed")).to_have_text("computed 2 times: test, other")
    page.fill("#word", "test")
    expect(page.locator("#result")).to_have_text("Input was test")
    expect(page.locator("#computed")).to_have_text("computed 2 times: test, other")
