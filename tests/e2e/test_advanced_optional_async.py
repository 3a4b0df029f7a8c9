"""Seed "Advanced Callbacks": allow_optional inputs, and async def callbacks.

Confirmed against Dash 4.4.1 (same apps, served by Dash, in Chromium) (dash[async]): all assertions.
"""
from __future__ import annotations

from playwright.sync_api import expect


def test_optional_input_is_none_until_its_component_exists(wasmdash, app_path):
    """Dash cbop001: the seed's example passes None for the missing optional button, then its clicks."""
    page = wasmdash.start(app_path("adv_optional_dash"))
    output = page.locator("#optional-inputs-output")
    expect(output).to_have_text("")
    page.click("#optional-inputs-button-1")
    expect(output).to_have_text("Button 1 clicks: 1 - Button 2 clicks: None")
    expect(page.locator("#optional-inputs-button-2")).to_have_text("Button 2")
    page.click("#optional-inputs-button-2")
    expect(output).to_have_text("Button 1 clicks: 1 - Button 2 clicks: 1")
    page.click("#optional-inputs-button-1")
    expect(output).to_have_text("Button 1 clicks: 2 - Button 2 clicks: 1")
    expect(page.locator("#optional-inputs-button-2")).to_have_count(1)


def test_async_callback_returns_components(wasmdash, app_path):
    """Dash async_cbsc001: the seed's async callback gathers five coroutines and shows their results."""
    page = wasmdash.start(app_path("adv_async_dash"))
    page.click("#async-btn")
    for i in range(5):
        expect(page.locator("#async-output")).to_contain_text(f"Result ({i}) from async task")
    page.click("#sync-btn")
    expect(page.locator("#sync-output")).to_contain_text("Result (4) from sync task")


def test_two_async_callbacks_from_one_click_run_concurrently(wasmdash, app_path):
    """Two async callbacks fired by one click run at the same time (each sees the other)."""
    page = wasmdash.start(app_path("adv_async_dash"))
    page.click("#both-btn")
    expect(page.locator("#slow-1")).to_have_text("slow one met the other", timeout=10_000)
    expect(page.locator("#slow-2")).to_have_text("slow two met the other", timeout=10_000)
