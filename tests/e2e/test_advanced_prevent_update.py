"""Seed "Advanced Callbacks": PreventUpdate and no_update, in multi-output callbacks and in chains.

Confirmed against Dash 4.4.1 (same apps, served by Dash, in Chromium): all assertions.
"""
from __future__ import annotations

from playwright.sync_api import expect


def enter_number(page, value):
    """Type into the debounced number input and commit it with Enter, as a user does."""
    page.fill("#num", value)
    page.press("#num", "Enter")


def test_no_update_keeps_previous_output_and_shows_error(wasmdash, app_path):
    """Dash cbpu002: the seed's prime-factor app updates only the error line for a prime, keeping the last answer."""
    page = wasmdash.start(app_path("adv_no_update_dash"))
    expect(page.locator("#out")).to_have_text("")
    enter_number(page, "12")
    expect(page.locator("#out")).to_have_text("12 is 2 * 2 * 3")
    expect(page.locator("#err")).to_have_text("")
    enter_number(page, "7")
    expect(page.locator("#err")).to_have_text("7 is prime!")
    expect(page.locator("#out")).to_have_text("12 is 2 * 2 * 3")
    enter_number(page, "15")
    expect(page.locator("#out")).to_have_text("15 is 3 * 5")
    expect(page.locator("#err")).to_have_text("")


def test_prevent_update_on_initial_call_leaves_both_outputs(wasmdash, app_path):
    """Dash cbpu001: PreventUpdate on the initial call (empty input) leaves every output as the layout had it."""
    page = wasmdash.start(app_path("adv_no_update_dash"))
    expect(page.locator("#out")).to_have_text("")
    expect(page.locator("#err")).to_have_text("")
    enter_number(page, "9")
    expect(page.locator("#out")).to_have_text("9 is 3 * 3")


def test_chain_runs_each_downstream_callback_once_on_load(wasmdash, app_path):
    """Dash cbpu003: on load the multi-output callback feeds three downstream callbacks, each run once."""
    page = wasmdash.start(app_path("adv_prevent_chain"))
    expect(page.locator("#left-echo")).to_have_text("L:start (1 calls)")
    expect(page.locator("#right-echo")).to_have_text("R:start (1 calls)")
    expect(page.locator("#both")).to_have_text("L:start + R:start (1 calls)")


def test_prevented_upstream_does_not_fire_downstream(wasmdash, app_path):
    """Dash cbpu003: PreventUpdate upstream changes nothing, and no downstream callback runs."""
    page = wasmdash.start(app_path("adv_prevent_chain"))
    expect(page.locator("#both")).to_have_text("L:start + R:start (1 calls)")
    page.fill("#word", "stop")
    page.fill("#word", "go")  # the next change shows the call counts did not move for "stop"
    expect(page.locator("#left")).to_have_text("L:go")
    expect(page.locator("#left-echo")).to_have_text("L:go (2 calls)")
    expect(page.locator("#right-echo")).to_have_text("R:go (2 calls)")
    expect(page.locator("#both")).to_have_text("L:go + R:go (2 calls)")


def test_no_update_in_first_output_fires_only_the_other_branch(wasmdash, app_path):
    """Dash cbpu003: no_update for `left` runs what depends on `right` only; the shared callback runs once."""
    page = wasmdash.start(app_path("adv_prevent_chain"))
    expect(page.locator("#both")).to_have_text("L:start + R:start (1 calls)")
    page.fill("#word", "right")
    expect(page.locator("#right-echo")).to_have_text("R:right (2 calls)")
    expect(page.locator("#both")).to_have_text("L:start + R:right (2 calls)")
    expect(page.locator("#left")).to_have_text("L:start")
    expect(page.locator("#left-echo")).to_have_text("L:start (1 calls)")


def test_no_update_in_second_output_fires_only_the_other_branch(wasmdash, app_path):
    """Dash cbpu003: no_update for `right` runs what depends on `left` only; the shared callback runs once."""
    page = wasmdash.start(app_path("adv_prevent_chain"))
    expect(page.locator("#both")).to_have_text("L:start + R:start (1 calls)")
    page.fill("#word", "left")
    expect(page.locator("#left-echo")).to_have_text("L:left (2 calls)")
    expect(page.locator("#both")).to_have_text("L:left + R:start (2 calls)")
    expect(page.locator("#right")).to_have_text("R:start")
    expect(page.locator("#right-echo")).to_have_text("R:start (1 calls)")
