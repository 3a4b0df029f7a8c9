"""dcc.Dropdown, dcc.Checklist and dcc.RadioItems, clicked and typed into as a user would."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

BOOT = 15_000  # a callback round trip right after Pyodide boots, on a loaded machine


@pytest.fixture
def page(wasmdash, app_path):
    return wasmdash.start(app_path("dcc_choices"))


def test_dropdown_keeps_dash_class_names(page):
    """The markup keeps react-select's class names Dash apps style and test against."""
    expect(page.locator("#out-single")).to_have_text('"MTL"', timeout=BOOT)
    root = page.locator("#dd-single")
    expect(root).to_have_class("dash-dropdown cities")
    expect(root.locator(".Select.Select--single.has-value .Select-control")).to_be_visible()
    expect(root.locator(".Select-value-label")).to_have_text("Montreal")
    expect(page.locator("#dd-multi .Select--multi .Select-value-label")).to_have_text(["banana"])


def test_single_dropdown_choose_by_click(page):
    """Dash dddo: opening the menu and clicking an option sets value; a disabled option is refused."""
    out = page.locator("#out-single")
    expect(out).to_have_text('"MTL"', timeout=BOOT)
    root = page.locator("#dd-single")
    root.locator(".Select-control").click()
    options = root.locator(".Select-menu-outer .VirtualizedSelectOption")
    expect(options).to_have_text(["New York City", "Montreal", "San Francisco", "Oslo"])
    expect(options.nth(2)).to_have_class("VirtualizedSelectOption is-disabled")
    options.nth(2).click()
    expect(root.locator(".Select-menu-outer")).to_be_visible()  # still open, nothing chosen
    expect(out).to_have_text('"MTL"')
    options.nth(0).click()
    expect(out).to_have_text('"NYC"')
    expect(root.locator(".Select-value-label")).to_have_text("New York City")
    expect(root.locator(".Select-menu-outer")).to_have_count(0)


def test_single_dropdown_search_then_enter(page):
    """Typing filters the options and sets search_value; Enter picks the first match."""
    out = page.locator("#out-single")
    expect(out).to_have_text('"MTL"', timeout=BOOT)
    root = page.locator("#dd-single")
    root.locator(".Select-control").click()
    page.keyboard.type("os")
    expect(page.locator("#out-search")).to_have_text('"os"')
    expect(root.locator(".VirtualizedSelectOption")).to_have_text(["Oslo"])
    page.keyboard.press("Enter")
    expect(out).to_have_text('"OSL"')
    expect(page.locator("#out-search")).to_have_text('""')


def test_single_dropdown_keyboard_arrows(page):
    """ArrowDown opens the menu and moves the focus; Enter chooses the focused option."""
    out = page.locator("#out-single")
    expect(out).to_have_text('"MTL"', timeout=BOOT)
    root = page.locator("#dd-single")
    root.locator(".Select-control").click()
    expect(root.locator(".VirtualizedSelectFocusedOption")).to_have_text("New York City")
    page.keyboard.press("ArrowDown")
    expect(root.locator(".VirtualizedSelectFocusedOption")).to_have_text("Montreal")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(root.locator(".VirtualizedSelectFocusedOption")).to_have_text("Oslo")
    page.keyboard.press("Enter")
    expect(out).to_have_text('"OSL"')


def test_single_dropdown_clear(page):
    """The clear button (clearable, the default) sets value to None and shows the placeholder."""
    out = page.locator("#out-single")
    expect(out).to_have_text('"MTL"', timeout=BOOT)
    root = page.locator("#dd-single")
    root.locator(".Select-clear").click()
    expect(out).to_have_text("null")
    expect(root.locator(".Select-placeholder")).to_have_text("Select...")


def test_multi_dropdown_add_remove_and_backspace(page):
    """Multi: choosing appends, the x of a value removes it, Backspace removes the last one."""
    out = page.locator("#out-multi")
    expect(out).to_have_text('["banana"]', timeout=BOOT)
    root = page.locator("#dd-multi")
    root.locator(".Select-control").click()
    options = root.locator(".VirtualizedSelectOption")
    expect(options).to_have_text(["apple", "cherry", "damson"])  # chosen ones leave the menu
    options.filter(has_text="damson").click()
    expect(out).to_have_text('["banana", "damson"]')
    root.locator(".Select-control").click()
    page.keyboard.type("ap")
    page.keyboard.press("Enter")
    expect(out).to_have_text('["banana", "damson", "apple"]')
    expect(root.locator(".Select-value-label")).to_have_text(["banana", "damson", "apple"])
    root.locator(".Select-value").filter(has_text="banana").locator(".Select-value-icon").click()
    expect(out).to_have_text('["damson", "apple"]')
    root.locator(".Select-input-field").focus()
    page.keyboard.press("Backspace")
    expect(out).to_have_text('["damson"]')
    root.locator(".Select-clear").click()
    expect(out).to_have_text("[]")


def test_dict_options_placeholder_not_clearable_not_searchable(page):
    """options as {value: label}; the placeholder shows; no search box and no clear button."""
    out = page.locator("#out-dict")
    expect(out).to_have_text("null", timeout=BOOT)
    root = page.locator("#dd-dict")
    expect(root.locator(".Select-placeholder")).to_have_text("Pick a colour")
    expect(root.locator(".Select-input-field")).to_have_count(0)
    root.locator(".Select-control").click()
    root.locator(".VirtualizedSelectOption", has_text="Green").click()
    expect(out).to_have_text('"g"')
    expect(root.locator(".Select-value-label")).to_have_text("Green")
    expect(root.locator(".Select-clear")).to_have_count(0)


def test_component_labels_render_and_search_by_search_key(page):
    """Labels that are components render as components; typing matches their `search` text."""
    out = page.locator("#out-components")
    expect(out).to_have_text("null", timeout=BOOT)
    root = page.locator("#dd-components")
    root.locator(".Select-control").click()
    expect(root.locator(".VirtualizedSelectOption span.weather b")).to_have_text(["Sunny", "Rainy"])
    page.keyboard.type("rai")
    expect(root.locator(".VirtualizedSelectOption")).to_have_count(1)
    page.keyboard.press("Enter")
    expect(out).to_have_text('"rain"')
    expect(root.locator(".Select-value-label span.weather b")).to_have_text("Rainy")


def test_checklist_toggles_and_skips_disabled(page):
    """Dash dcl: ticking appends the value, unticking removes it; a disabled box cannot change."""
    out = page.locator("#out-checklist")
    expect(out).to_have_text('["NYC"]', timeout=BOOT)
    root = page.locator("#checklist")
    expect(root).to_have_class("dash-checklist")
    boxes = root.locator("input[type=checkbox]")
    expect(boxes).to_have_count(4)
    expect(boxes.nth(2)).to_be_disabled()
    expect(root.locator("label").first).to_have_css("display", "inline-block")
    root.locator("label", has_text="Oslo").click()
    expect(out).to_have_text('["NYC", "OSL"]')
    root.locator("label", has_text="New York City").click()
    expect(out).to_have_text('["OSL"]')
    expect(boxes.nth(0)).not_to_be_checked()
    expect(boxes.nth(3)).to_be_checked()


def test_radioitems_choose_inline_label_style_input_class(page):
    """Clicking a radio sets value; inline, labelStyle and inputClassName reach the markup."""
    out = page.locator("#out-radio")
    expect(out).to_have_text('"a"', timeout=BOOT)
    root = page.locator("#radio")
    expect(root).to_have_class("dash-radioitems")
    radios = root.locator("input[type=radio]")
    expect(radios).to_have_count(3)
    expect(radios.first).to_have_class("dash-options-list-option-checkbox radio-box")
    label = root.locator("label").nth(1)
    expect(label).to_have_css("margin-right", "20px")
    expect(label).to_have_css("display", "inline-block")
    expect(label).to_contain_class("radio-label")
    label.click()
    expect(out).to_have_text('"b"')
    expect(radios.nth(1)).to_be_checked()
    expect(radios.nth(0)).not_to_be_checked()
    root.locator("label", has_text="Gamma").click()
    expect(out).to_have_text('"c"')


def test_disabled_dropdown_does_not_open(page):
    """disabled=True: Dash's is-disabled class, no clear button, and a click opens nothing."""
    expect(page.locator("#out-single")).to_have_text('"MTL"', timeout=BOOT)
    root = page.locator("#dd-disabled")
    expect(root.locator(".Select")).to_contain_class("is-disabled")
    expect(root.locator(".Select-clear")).to_have_count(0)
    root.locator(".Select-control").click()
    expect(root.locator(".Select-menu-outer")).to_have_count(0)
    expect(root.locator(".Select-value-label")).to_have_text("locked")
