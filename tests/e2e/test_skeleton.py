"""The walking skeleton: an app renders, its callbacks run on load and on interaction, in order."""
from __future__ import annotations

from playwright.sync_api import expect


def test_unmodified_dash_prevent_update_app(wasmdash, app_path):
    """The seed's first example, a Dash file run unmodified: nothing shows until the first click."""
    page = wasmdash.start(app_path("prevent_update_dash"))
    expect(page.locator("#show-secret")).to_have_text("Click here to see the content")
    expect(page.locator("#body-div")).to_have_text("")
    page.click("#show-secret")
    expect(page.locator("#body-div")).to_have_text("Elephants are the only animal that can't jump")


def test_chain_runs_in_dependency_order_on_load(wasmdash, app_path):
    """Does each callback of a three-step chain run once, after the one it depends on?"""
    page = wasmdash.start(app_path("chain"))
    expect(page.locator("#upper")).to_have_text("ABC")
    expect(page.locator("#length")).to_have_text("3")
    expect(page.locator("#summary")).to_have_text("ABC has 3 letters")
    expect(page.locator("#calls")).to_have_text("upper length summary")


def test_chain_follows_typing(wasmdash, app_path):
    """Typing in the input flows through the chain; the input keeps every character typed."""
    page = wasmdash.start(app_path("chain"))
    expect(page.locator("#summary")).to_have_text("ABC has 3 letters")
    source = page.locator("#source")
    source.click()
    source.press("End")
    source.press_sequentially("defgh")
    expect(page.locator("#summary")).to_have_text("ABCDEFGH has 8 letters")
    expect(page.locator("#source")).to_have_value("abcdefgh")
