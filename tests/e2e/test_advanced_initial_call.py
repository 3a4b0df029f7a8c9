"""Seed "Advanced Callbacks": when callbacks are executed (initial call, prevent_initial_call, inserted
components). Confirmed against Dash 4.4.1 (same apps, served by Dash, in Chromium): all assertions.
"""
from __future__ import annotations

from playwright.sync_api import expect


def update_requests(page):
    """Every /_dash-update-component request body the page sends, from now on."""
    bodies = []
    page.on("request", lambda request: "_dash-update-component" in request.url
            and bodies.append(request.post_data_json))
    return bodies


def requests_for(bodies, output):
    return [body for body in bodies if body["output"] == output]


def test_initial_call_runs_with_none(wasmdash, app_path):
    """Dash cbsc001: on load the callback runs with n_clicks None, replacing the layout's text."""
    page = wasmdash.start(app_path("adv_initial_call_dash"))
    expect(page.locator("#first_output_1")).to_have_text("n_clicks is None")
    expect(page.locator("#second_output_1")).to_have_text("n_clicks is None")
    page.click("#button_1")
    expect(page.locator("#first_output_1")).to_have_text("n_clicks is 1")


def test_prevent_initial_call_chain_runs_after_click_in_order(wasmdash, app_path):
    """Dash cbpi001: prevented callbacks keep the layout text on load; a click runs the chain once, in order."""
    page = wasmdash.start(app_path("adv_initial_call_dash"))
    expect(page.locator("#first_output_1")).to_have_text("n_clicks is None")
    for name in ("first", "second", "third", "fourth"):
        expect(page.locator(f"#{name}_output_2")).to_have_text("callback not executed")
    page.click("#button_2")
    expect(page.locator("#first_output_2")).to_have_text("in the first callback first")
    expect(page.locator("#second_output_2")).to_have_text("in the first callback first")
    expect(page.locator("#third_output_2")).to_have_text("in the second callback first second")
    expect(page.locator("#fourth_output_2")).to_have_text("in the third callback first second third")


def test_location_inserted_input_fires_only_callback_with_output_already_present(wasmdash, app_path):
    """Dash cbpi001: the seed's dcc.Location case: update_layout_div runs on insertion, update_output does not."""
    page = wasmdash.start(app_path("adv_prevent_initial_location_dash"))
    expect(page.locator("#input")).to_have_value("hello world")
    expect(page.locator("#layout-div")).to_have_text("hello world")
    expect(page.locator("#output")).to_have_text("")
    page.fill("#input", "typed")
    expect(page.locator("#output")).to_have_text("typed")
    expect(page.locator("#layout-div")).to_have_text("typed")


def test_button_inserted_input_fires_only_callback_with_output_already_present(wasmdash, app_path):
    """Dash cbpi001: the same rule when a button inserts the input and output together."""
    page = wasmdash.start(app_path("adv_prevent_initial_button"))
    expect(page.locator("#layout-div")).to_have_text("")
    page.click("#show")
    expect(page.locator("#input")).to_have_value("hello world")
    expect(page.locator("#layout-div")).to_have_text("hello world")
    expect(page.locator("#output")).to_have_text("")
    page.fill("#input", "typed")
    expect(page.locator("#output")).to_have_text("typed")


def test_inserted_inputs_trigger_their_callbacks_once(wasmdash, app_path):
    """Dash cbmt011: inputs inserted by a callback fire the callbacks that use them, each requested once."""
    page = wasmdash.start(app_path("adv_inserted_inputs"))
    bodies = update_requests(page)
    expect(page.locator("#pair")).to_have_text("")
    page.click("#load")
    expect(page.locator("#pair")).to_have_text("1+2 (pair call 1)")
    expect(page.locator("#middle")).to_have_text("m1")
    expect(page.locator("#final")).to_have_text("m1/2 (final call 1)")
    page.fill("#y", "3")
    expect(page.locator("#final")).to_have_text("m1/3 (final call 2)")
    expect(page.locator("#pair")).to_have_text("1+3 (pair call 2)")
    assert len(requests_for(bodies, "pair.children")) == 2
    assert len(requests_for(bodies, "final.children")) == 2
    assert len(requests_for(bodies, "middle.children")) == 1
    assert len(requests_for(bodies, "container.children")) == 1


def test_chained_callback_waits_for_slow_predecessor(wasmdash, app_path):
    """Dash cbmt013: after "slow" then "fast", the third callback waits for the slow one and runs once."""
    page = wasmdash.start(app_path("adv_slow_fast_chain_dash"))
    third = page.locator("#third_output_3")
    initial = "in the third callback: in the fast callback (None) / in the slow callback (None) (call 1)"
    expect(third).to_have_text(initial)
    page.click("#button_4")
    page.click("#button_3")
    expect(page.locator("#first_output_3")).to_have_text("in the fast callback (1)")
    expect(third).to_have_text(initial)  # the slow callback (1.5s on the server) is still running
    expect(third).to_have_text(
        "in the third callback: in the fast callback (1) / in the slow callback (1) (call 2)")
