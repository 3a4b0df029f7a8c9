"""Seed "Advanced Callbacks": circular callbacks within one callback; a cycle across callbacks is refused.

Confirmed against Dash 4.4.1 (same apps, served by Dash, in Chromium): all assertions, with Dash's dev
tools error card standing in for wasmdash's overlay: its title is "Circular Dependencies" and its
detail (also in console.error) "Dependency Cycle Found: a.children -> b.children -> a.children".
"""
from __future__ import annotations

from playwright.sync_api import expect

OVERLAY = "#_wasmdash-error-overlay"


def test_celsius_and_fahrenheit_stay_in_sync(wasmdash, app_path):
    """The seed's temperature app updates the other input from whichever one is typed in."""
    page = wasmdash.start(app_path("adv_circular_temperature_dash"))
    expect(page.locator("#celsius")).to_have_value("0")
    expect(page.locator("#fahrenheit")).to_have_value("32")
    bodies = []
    page.on("request", lambda r: "_dash-update-component" in r.url and bodies.append(r.post_data_json))
    page.fill("#celsius", "100")
    expect(page.locator("#fahrenheit")).to_have_value("212")
    page.fill("#fahrenheit", "50")
    expect(page.locator("#celsius")).to_have_value("10")
    expect(page.locator("#fahrenheit")).to_have_value("50")
    # the callback's own outputs do not trigger it again: one request per edit
    assert [body["changedPropIds"] for body in bodies] == [["celsius.value"], ["fahrenheit.value"]]


def test_all_checkbox_and_city_checklist_stay_in_sync(wasmdash, app_path):
    """The seed's two checklists: "All" selects every city; selecting every city ticks "All"."""
    page = wasmdash.start(app_path("adv_circular_checklist_dash"))
    all_box = page.get_by_label("All")
    cities = [page.get_by_label(name) for name in ("New York City", "Montréal", "San Francisco")]
    all_box.check()
    for city in cities:
        expect(city).to_be_checked()
    cities[1].uncheck()
    expect(all_box).not_to_be_checked()
    expect(cities[0]).to_be_checked()
    cities[1].check()
    expect(all_box).to_be_checked()
    all_box.uncheck()
    for city in cities:
        expect(city).not_to_be_checked()


def wait_slider_value(page, value):
    """Wait until the page's slider shows `value` (its aria-valuenow, or a native range input's value)."""
    page.wait_for_function(
        """value => { const s = document.querySelector('#slider-circular [role=slider], #slider-circular input[type=range]');
                      return s !== null && (s.getAttribute('aria-valuenow') ?? s.value) === value; }""",
        arg=value)


def test_slider_and_input_stay_in_sync(wasmdash, app_path):
    """The seed's slider + number input: typing moves the slider, moving the slider changes the input."""
    page = wasmdash.start(app_path("adv_circular_slider_dash"))
    expect(page.locator("#input-circular")).to_have_value("3")
    wait_slider_value(page, "3")
    page.fill("#input-circular", "15")
    wait_slider_value(page, "15")
    page.get_by_role("slider").focus()
    page.keyboard.press("ArrowLeft")
    expect(page.locator("#input-circular")).to_have_value("14")
    wait_slider_value(page, "14")


def test_cycle_across_two_callbacks_is_reported(wasmdash, app_path):
    """Dash dvcv012, rdmo004: a -> b -> a across two callbacks is refused with an error naming both props."""
    wasmdash.allow_console_errors()
    page = wasmdash.start(app_path("adv_circular_chain"), wait_ready=False)
    overlay = page.locator(OVERLAY)
    expect(overlay).to_contain_text("Circular", timeout=60_000)  # no ready mark to wait on: allow for the page boot
    expect(overlay).to_contain_text("a.children")
    expect(overlay).to_contain_text("b.children")
    assert any("a.children" in message for message in wasmdash.console_errors)
