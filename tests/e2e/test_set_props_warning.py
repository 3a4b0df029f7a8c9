"""set_props validates nothing, as in Dash, but a wrong id is a visible warning in debug mode."""
from __future__ import annotations

from playwright.sync_api import expect

OVERLAY = "#_wasmdash-error-overlay"


def test_set_props_to_a_missing_id_warns_and_the_rest_applies(wasmdash, app_path):
    """A debug page names the missing id in a warning; the outputs and the good set_props still apply."""
    page = wasmdash.start(app_path("set_props_typo"))
    warnings: list[str] = []
    page.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
    page.click("#go")
    expect(page.locator("#out")).to_have_text("clicked 1")
    expect(page.locator("#side")).to_have_attribute("title", "title 1")
    expect(page.locator(f"{OVERLAY} ._wasmdash-warning")).to_contain_text("no component with id 'sdie'")
    assert any("'sdie'" in text for text in warnings)
    assert wasmdash.console_errors == []


def test_set_props_to_a_missing_id_is_quiet_without_debug(wasmdash, app_path):
    """Without debug the page shows nothing, as Dash does."""
    page = wasmdash.start(app_path("set_props_typo"), debug=False)
    page.click("#go")
    expect(page.locator("#out")).to_have_text("clicked 1")
    expect(page.locator("#side")).to_have_attribute("title", "title 1")
    expect(page.locator(OVERLAY)).to_have_count(0)
