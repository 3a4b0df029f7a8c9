"""Seed "Advanced Callbacks": dash.callback_context (ctx) as a callback sees it.

The apps write what ctx holds as JSON into the page; the tests read it back.
Confirmed against Dash 4.4.1 (same apps, served by Dash, in Chromium): all assertions. Note Dash's
initial-call `ctx.triggered` is falsy, so `json.dumps` writes it as `[]` even though indexing it gives
the `{"prop_id": ".", "value": None}` placeholder.
"""
from __future__ import annotations

import json

from playwright.sync_api import expect


def shown_json(page, selector):
    """The JSON a callback wrote into `selector`, once it has written some."""
    expect(page.locator(selector)).not_to_be_empty()
    return json.loads(page.locator(selector).text_content())


def test_seed_buttons_report_most_recent_click(wasmdash, app_path):
    """Dash cbcx002: the seed's ctx example says "No clicks yet" on load, then names the clicked button."""
    page = wasmdash.start(app_path("adv_ctx_buttons_dash"))
    expect(page.locator("#most-recent")).to_have_text("No clicks yet")
    initial = shown_json(page, "#ctx-json")
    assert initial == {
        "states": {},
        "triggered": [],  # falsy, so json.dumps writes [] although it holds a placeholder item
        "inputs": {"btn-1.n_clicks": None, "btn-2.n_clicks": None, "btn-3.n_clicks": None},
    }
    page.click("#btn-2")
    expect(page.locator("#most-recent")).to_have_text("btn-2")
    page.click("#btn-3")
    expect(page.locator("#most-recent")).to_have_text("btn-3")
    page.click("#btn-2")
    expect(page.locator("#most-recent")).to_have_text("btn-2")
    expect(page.locator("td").nth(1)).to_have_text("2")
    expect(page.locator("td").nth(2)).to_have_text("1")
    after = shown_json(page, "#ctx-json")
    assert after["triggered"] == [{"prop_id": "btn-2.n_clicks", "value": 2}]
    assert after["inputs"] == {"btn-1.n_clicks": None, "btn-2.n_clicks": 2, "btn-3.n_clicks": 1}


def test_initial_call_triggered_is_falsy_placeholder(wasmdash, app_path):
    """Dash cbcx004: on the initial call ctx.triggered is falsy yet its first prop_id splits into ["", ""]."""
    page = wasmdash.start(app_path("adv_ctx_details"))
    report = shown_json(page, "#report")
    assert report["truthy"] is False
    assert report["first_split"] == ["", ""]
    assert report["triggered_id"] is None
    assert report["triggered_prop_ids"] == {}


def test_initial_call_fed_by_another_initial_callback_has_triggered(wasmdash, app_path):
    """Dash cbcx006: on load, a callback whose input another initial callback set sees that input as triggered."""
    page = wasmdash.start(app_path("adv_ctx_details"))
    expect(page.locator("#derived")).to_have_text("HI")
    after = shown_json(page, "#after-derived")
    assert after == {"truthy": True, "triggered": [{"prop_id": "derived.children", "value": "HI"}]}


def test_ctx_inputs_states_and_lists_after_a_click(wasmdash, app_path):
    """Dash cbcx002: after a click, triggered, inputs, states and the *_list views describe the call."""
    page = wasmdash.start(app_path("adv_ctx_details"))
    expect(page.locator("#report")).not_to_be_empty()
    page.fill("#note", "typed")
    page.click("#b")
    expect(page.locator("#report")).to_contain_text('"triggered_id": "b"')
    report = shown_json(page, "#report")
    assert report["truthy"] is True
    assert report["triggered"] == [{"prop_id": "b.n_clicks", "value": 1}]
    assert report["first_split"] == ["b", "n_clicks"]
    assert report["triggered_prop_ids"] == {"b.n_clicks": "b"}
    assert report["inputs"] == {"a.n_clicks": None, "b.n_clicks": 1}
    assert report["states"] == {"note.value": "typed"}
    assert report["inputs_list"] == [
        {"id": "a", "property": "n_clicks"},
        {"id": "b", "property": "n_clicks", "value": 1},
    ]
    assert report["states_list"] == [{"id": "note", "property": "value", "value": "typed"}]
    assert report["outputs_list"] == {"id": "report", "property": "children"}


def test_triggered_prop_ids_lists_both_inputs_changed_by_one_callback(wasmdash, app_path):
    """Dash cbcx006: one click changes two inputs of a downstream callback; both are in triggered_prop_ids."""
    page = wasmdash.start(app_path("adv_ctx_details"))
    page.click("#fan")
    expect(page.locator("#right")).to_have_text("right 1")
    both = shown_json(page, "#both")
    assert both == {
        "triggered_prop_ids": {"left.children": "left", "right.children": "right"},
        "n_triggered": 2,
    }


def test_triggered_id_of_pattern_matching_input_is_the_dict_id(wasmdash, app_path):
    """Dash cbcx008: clicking one of several ALL-matched buttons gives its dict id as ctx.triggered_id."""
    page = wasmdash.start(app_path("adv_ctx_details"))
    page.click("text=pick 2")
    expect(page.locator("#picked")).not_to_be_empty()
    picked = shown_json(page, "#picked")
    assert picked["triggered_id"] == {"type": "pick", "index": 2}
    assert picked["index"] == 2
    assert picked["triggered_prop_ids"] == {'{"index":2,"type":"pick"}.n_clicks': {"index": 2, "type": "pick"}}
    assert picked["clicks"] == [None, None, 1]


def test_ctx_response_sets_a_cookie(wasmdash, app_path):
    """Dash cbcx001: a cookie set on ctx.response reaches the browser."""
    page = wasmdash.start(app_path("adv_ctx_response"))
    page.click("#remember")
    expect(page.locator("#remembered")).to_have_text("cookie set (1)")
    cookies = {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}
    assert cookies.get("wasmdash-e2e") == "clicked-1"


def server_timing(response):
    """The Server-Timing entries of `response` as {name: {param: value}} (params in any order)."""
    entries = {}
    for header in response.header_values("server-timing"):
        for entry in header.split(","):
            name, *params = [part.strip() for part in entry.split(";")]
            entries[name] = dict(param.split("=", 1) for param in params if "=" in param)
    return entries


def test_record_timing_sends_server_timing_header(wasmdash, app_path):
    """Dash dvct001: ctx.record_timing adds a Server-Timing entry to the callback's response."""
    page = wasmdash.start(app_path("adv_ctx_response"))
    with page.expect_response(lambda r: "_dash-update-component" in r.url) as response_info:
        page.click("#timed")
    expect(page.locator("#timed-out")).to_have_text("timed 1")
    assert server_timing(response_info.value)["lookup"] == {"desc": '"database lookup"', "dur": "250"}


def test_custom_data_hook_reaches_the_callback(wasmdash, app_path):
    """Dash hook010: data from a hooks.custom_data function is on ctx.custom_data under its namespace."""
    page = wasmdash.start(app_path("adv_ctx_response"))
    page.click("#custom")
    expect(page.locator("#custom-out")).to_have_text("hello from a hook")
