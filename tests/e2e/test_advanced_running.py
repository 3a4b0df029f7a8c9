"""Seed "Advanced Callbacks": `running=` sets props while a callback runs and resets them after.

The apps' callbacks sleep ~1s on the server so the running state can be observed; the tests only wait
on conditions. Confirmed against Dash 4.4.1 (same apps, served by Dash, in Chromium): all assertions.
"""
from __future__ import annotations

from playwright.sync_api import expect


def test_submit_button_disabled_while_running_then_clickable_again(wasmdash, app_path):
    """Dash cbsc019: the seed's example disables the button while its callback runs and re-enables it after."""
    page = wasmdash.start(app_path("adv_running_dash"))
    button = page.locator("#submit-button")
    expect(button).to_be_enabled()
    page.fill("#input-on-submit-text", "cats")
    button.click()
    expect(button).to_be_disabled()
    expect(page.locator("#container-output-text")).to_have_text(
        'The input value was "cats" and the button has been clicked 1 times')
    expect(button).to_be_enabled()
    button.click()
    expect(button).to_be_disabled()
    expect(page.locator("#container-output-text")).to_have_text(
        'The input value was "cats" and the button has been clicked 2 times')
    expect(button).to_be_enabled()


def test_running_sets_several_outputs_then_restores_them(wasmdash, app_path):
    """Dash cbsc019: every (Output, while, after) triple of `running` applies while running and after."""
    page = wasmdash.start(app_path("adv_running_multi"))
    go, status = page.locator("#go"), page.locator("#status")
    expect(status).to_have_text("idle")
    go.click()
    expect(go).to_be_disabled()
    expect(go).to_have_text("Working")
    expect(status).to_have_text("running")
    expect(page.locator("#result")).to_have_text("finished run 1")
    expect(status).to_have_text("done")
    expect(go).to_have_text("Go")
    expect(go).to_be_enabled()


def test_running_values_trigger_the_callbacks_that_listen_to_them(wasmdash, app_path):
    """Dash notifies observers of running= values: a callback on the status line sees both of them."""
    page = wasmdash.start(app_path("adv_running_multi"))
    log = page.locator("#status-log")
    expect(log).to_have_text("idle")
    page.click("#go")
    expect(page.locator("#result")).to_have_text("finished run 1")
    expect(log).to_have_text("idle > running > done")


def test_running_values_are_not_applied_before_a_click(wasmdash, app_path):
    """A prevent_initial_call callback does not run on load, so its running values are not applied either."""
    page = wasmdash.start(app_path("adv_running_multi"))
    expect(page.locator("#status")).to_have_text("idle")
    expect(page.locator("#go")).to_be_enabled()
    expect(page.locator("#go")).to_have_text("Go")


def test_running_values_are_undone_when_the_callback_fails(wasmdash, app_path):
    """Dash cbsc019: a callback that raises still gets its "after" values: the button is usable again."""
    wasmdash.allow_console_errors()
    page = wasmdash.start(app_path("adv_running_error"))
    button = page.locator("#try")
    button.click()
    expect(page.locator("#state")).to_have_text("busy")
    expect(page.locator("#state")).to_have_text("idle")
    expect(button).to_be_enabled()
    button.click()
    expect(page.locator("#answer")).to_have_text("attempt 2 worked")
    assert any("first attempt fails" in message for message in wasmdash.console_errors)
