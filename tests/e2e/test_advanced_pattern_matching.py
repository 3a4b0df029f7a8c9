"""Seed "Advanced Callbacks" (and the pattern-matching page it builds on): MATCH, ALL, ALLSMALLER and a
to-do app. Confirmed against Dash 4.4.1 (same apps, served by Dash, in Chromium): all assertions.
"""
from __future__ import annotations

from playwright.sync_api import expect


def pm(kind, index):
    """CSS selector for the element whose id is {"type": kind, "index": index} (Dash's id string)."""
    return f'[id=\'{{"index":{index},"type":"{kind}"}}\']'


def add_rows(page, n):
    """Click "Add row" n times, each time waiting for the row (the callback reads the rows as State)."""
    for i in range(1, n + 1):
        page.click("#add")
        expect(page.locator("#count")).to_have_text(f"rows={i}")


def test_match_allsmaller_and_all_follow_added_rows(wasmdash, app_path):
    """Dash cbwc002: each added row gets its MATCH and ALLSMALLER outputs; ALL sees every row."""
    page = wasmdash.start(app_path("adv_pattern_matching"))
    expect(page.locator("#count")).to_have_text("rows=0")
    expect(page.locator("#total")).to_have_text("total=0")
    add_rows(page, 3)
    expect(page.locator("#total")).to_have_text("total=6")
    expect(page.locator(pm("square", 0))).to_have_text("sq=1")
    expect(page.locator(pm("square", 2))).to_have_text("sq=9")
    expect(page.locator(pm("running", 0))).to_have_text("run=1")
    expect(page.locator(pm("running", 1))).to_have_text("run=3")
    expect(page.locator(pm("running", 2))).to_have_text("run=6")


def test_editing_one_row_updates_only_what_matches_it(wasmdash, app_path):
    """Dash cbwc002: changing row 1 updates its square, the running sums from row 1 on, and the total."""
    page = wasmdash.start(app_path("adv_pattern_matching"))
    add_rows(page, 3)
    expect(page.locator(pm("running", 2))).to_have_text("run=6")
    page.locator(pm("num", 1)).fill("10")
    expect(page.locator(pm("square", 1))).to_have_text("sq=100")
    expect(page.locator(pm("running", 1))).to_have_text("run=11")
    expect(page.locator(pm("running", 2))).to_have_text("run=14")
    expect(page.locator("#total")).to_have_text("total=14")
    expect(page.locator(pm("square", 0))).to_have_text("sq=1")
    expect(page.locator(pm("running", 0))).to_have_text("run=1")


def add_todo(page, text):
    page.fill("#new-item", text)
    page.click("#add")
    expect(page.locator("#new-item")).to_have_value("")


def test_todo_items_are_added_and_counted(wasmdash, app_path):
    """Dash cbwc001: adding items lists them in order and the ALL counter follows."""
    page = wasmdash.start(app_path("adv_todo"))
    expect(page.locator("#left")).to_have_text("0 of 0 left")
    for text in ("milk", "eggs", "bread"):
        add_todo(page, text)
    expect(page.locator(".item span")).to_have_text(["milk", "eggs", "bread"])
    expect(page.locator("#left")).to_have_text("3 of 3 left")


def test_todo_items_are_marked_done_with_match(wasmdash, app_path):
    """Dash cbwc001: a MATCH callback strikes through only the item whose button was clicked."""
    page = wasmdash.start(app_path("adv_todo"))
    for text in ("milk", "eggs"):
        add_todo(page, text)
    page.locator(pm("done", 1)).click()
    expect(page.locator(pm("text", 1))).to_have_css("text-decoration-line", "line-through")
    expect(page.locator(pm("text", 0))).not_to_have_css("text-decoration-line", "line-through")
    expect(page.locator("#left")).to_have_text("1 of 2 left")


def test_todo_items_are_removed(wasmdash, app_path):
    """Dash cbwc001: removing the middle item keeps the others, and items added later still work."""
    page = wasmdash.start(app_path("adv_todo"))
    for text in ("milk", "eggs", "bread"):
        add_todo(page, text)
    page.locator(pm("remove", 1)).click()
    expect(page.locator(".item span")).to_have_text(["milk", "bread"])
    expect(page.locator("#left")).to_have_text("2 of 2 left")
    add_todo(page, "jam")
    expect(page.locator(".item span")).to_have_text(["milk", "bread", "jam"])
    page.locator(pm("remove", 0)).click()
    expect(page.locator(".item span")).to_have_text(["bread", "jam"])
    page.locator(pm("done", 3)).click()
    expect(page.locator("#left")).to_have_text("1 of 2 left")
