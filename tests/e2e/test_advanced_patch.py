"""Seed "Advanced Callbacks" (partial updates): allow_duplicate=True and Patch operations.

Confirmed against Dash 4.4.1 (same apps, served by Dash, in Chromium): all assertions.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import expect


@pytest.mark.parametrize(("button", "letters"), [
    ("append", "abcx"),
    ("prepend", "xabc"),
    ("insert", "axbc"),
    ("extend", "abcxy"),
    ("remove", "ac"),
    ("clear", ""),
    ("reverse", "cba"),
    ("assign", "zbc"),
    ("delete", "ac"),
])
def test_patch_list_operation(wasmdash, app_path, button, letters):
    """Dash pch001: each Patch list operation edits the children list the page shows."""
    page = wasmdash.start(app_path("adv_patch"))
    expect(page.locator("#letters")).to_have_text("abc")
    page.click(f"#{button}")
    expect(page.locator("#letters")).to_have_text(letters)


def test_duplicate_outputs_compose_in_click_order(wasmdash, app_path):
    """Dash pch001: several allow_duplicate callbacks patch the same prop, each on top of the last."""
    page = wasmdash.start(app_path("adv_patch"))
    for button, letters in [("append", "abcx"), ("prepend", "xabcx"), ("remove", "xacx"),
                            ("reverse", "xcax"), ("assign", "zcax"), ("clear", ""), ("extend", "xy")]:
        page.click(f"#{button}")
        expect(page.locator("#letters")).to_have_text(letters)


def test_patch_adds_to_numbers_and_strings(wasmdash, app_path):
    """Dash pch006: `patch += value` adds to a number and appends to a string."""
    page = wasmdash.start(app_path("adv_patch"))
    page.click("#add-one")
    expect(page.locator("#number")).to_have_text("11")
    page.click("#add-one")
    expect(page.locator("#number")).to_have_text("12")
    page.click("#add-suffix")
    expect(page.locator("#word")).to_have_text("abc")


def test_patch_assigns_keys_of_a_dict_prop(wasmdash, app_path):
    """Dash pch001: assigning keys of a Patch changes those keys of a dict prop and keeps the rest."""
    page = wasmdash.start(app_path("adv_patch"))
    expect(page.locator("#styled")).to_have_css("color", "rgb(0, 0, 255)")
    page.click("#restyle")
    expect(page.locator("#styled")).to_have_css("color", "rgb(255, 0, 0)")
    expect(page.locator("#styled")).to_have_css("font-weight", "700")
