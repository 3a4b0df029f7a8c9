"""Seed "Advanced Callbacks": flexible callback signatures and ctx.args_grouping.

Confirmed against Dash 4.4.1 (same apps, served by Dash, in Chromium): all assertions except `id_str` in args_grouping, which the Dash docs
describe but Dash 4.4.1 does not set (it sets `str_id`); wasmdash must provide both.
"""
from __future__ import annotations

import json

from playwright.sync_api import expect


def test_dict_and_tuple_groupings_update_outputs(wasmdash, app_path):
    """Dash cbva005: dict outputs and a tuple of inputs in a dict are passed and returned as groups."""
    page = wasmdash.start(app_path("adv_signatures"))
    expect(page.locator("#sum")).to_have_text("7 cm")
    expect(page.locator("#product")).to_have_text("12 cm")
    page.fill("#unit", "m")
    page.fill("#x", "5")
    expect(page.locator("#sum")).to_have_text("9 m")
    expect(page.locator("#product")).to_have_text("20 m")


def test_dict_inputs_are_passed_as_keyword_arguments(wasmdash, app_path):
    """Dash cbva004: inputs=dict(...) calls the function by keyword, so order in the dict does not matter."""
    page = wasmdash.start(app_path("adv_signatures"))
    expect(page.locator("#kw-out")).to_have_text("first=3 second=4")
    page.fill("#y", "8")
    expect(page.locator("#kw-out")).to_have_text("first=3 second=8")


def test_tuple_of_outputs_takes_a_tuple_return(wasmdash, app_path):
    """Dash cbva005: a tuple of Outputs as the first argument takes a tuple return value."""
    page = wasmdash.start(app_path("adv_signatures"))
    expect(page.locator("#tuple-a")).to_have_text("a3")
    expect(page.locator("#tuple-b")).to_have_text("b3")


def test_args_grouping_describes_each_named_input(wasmdash, app_path):
    """Dash cbwc006: ctx.args_grouping gives id, property, value, triggered, str_id and id_str per input."""
    page = wasmdash.start(app_path("adv_signatures"))
    page.click("text=Go")
    expect(page.locator("#grouping")).not_to_be_empty()
    grouping = json.loads(page.locator("#grouping").text_content())
    assert grouping["go"] == {
        "id": {"kind": "go", "n": 1},
        "property": "n_clicks",
        "value": 1,
        "triggered": True,
        "str_id": '{"kind":"go","n":1}',
        "id_str": '{"kind":"go","n":1}',
    }
    assert grouping["x"] == {
        "id": "x", "property": "value", "value": 3, "triggered": False, "str_id": "x", "id_str": "x",
    }
