"""dcc.Input (every type, debounce, n_submit, n_blur) and dcc.Textarea, typed into as a user would."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

BOOT = 15_000  # a callback round trip right after Pyodide boots, on a loaded machine


@pytest.fixture
def page(wasmdash, app_path):
    return wasmdash.start(app_path("dcc_inputs"))


def test_text_like_types_send_what_is_typed(page):
    """Does each text-like type (text, password, email, search, tel, url) send every keystroke?"""
    typed = {
        "text": "hello world",
        "password": "s3cret!",
        "email": "ada@example.org",
        "search": "wasm",
        "tel": "+44 20 7946 0000",
        "url": "https://example.org/a?b=1",
    }
    for kind, text in typed.items():
        expect(page.locator(f"#out-{kind}")).to_have_text("null", timeout=BOOT)
        field = page.locator(f"#in-{kind}")
        expect(field).to_have_attribute("type", kind)
        field.press_sequentially(text)
        expect(page.locator(f"#out-{kind}")).to_have_text(f'"{text}"')
        expect(field).to_have_value(text)


def test_number_input_gives_numbers_and_none_out_of_range(page):
    """Dash inni003: numbers arrive as numbers; out of [min, max] or off-step gives None."""
    out = page.locator("#out-number")
    field = page.locator("#in-number")
    expect(out).to_have_text("100 int", timeout=BOOT)
    field.fill("")
    expect(out).to_have_text("null NoneType")
    field.press_sequentially("1999")
    expect(out).to_have_text("1999 int")
    for invalid in ("12", "-13", "10e10"):
        field.fill("")
        field.press_sequentially(invalid)
        expect(out).to_have_text("null NoneType")


def test_number_input_steps_with_arrow_keys(page):
    """ArrowUp/ArrowDown move by `step` and stop at `max`."""
    out = page.locator("#out-number")
    field = page.locator("#in-number")
    expect(out).to_have_text("100 int", timeout=BOOT)
    field.press("ArrowUp")
    expect(out).to_have_text("103 int")
    field.press("ArrowDown")
    field.press("ArrowDown")
    expect(out).to_have_text("97 int")
    field.fill("9997")
    expect(out).to_have_text("9997 int")
    field.press("ArrowUp")
    field.press("ArrowUp")
    expect(out).to_have_text("10000 int")


def test_range_input_follows_the_keyboard(page):
    """type='range' sends its value as its thumb moves: text, as in Dash (only type='number' converts)."""
    out = page.locator("#out-range")
    expect(out).to_have_text("5", timeout=BOOT)  # the layout's number, untouched
    field = page.locator("#in-range")
    field.focus()
    field.press("ArrowRight")
    expect(out).to_have_text('"6"')
    field.press("End")
    expect(out).to_have_text('"10"')


def test_hidden_input_value_reaches_the_callback(page):
    """type='hidden' is not shown, yet its value feeds the initial call."""
    expect(page.locator("#out-hidden")).to_have_text('"kept out of sight"', timeout=BOOT)
    expect(page.locator("#in-hidden")).to_have_attribute("type", "hidden")
    expect(page.locator("#in-hidden")).to_be_hidden()


def test_debounce_true_waits_for_enter_or_blur(page):
    """Dash: with debounce=True, value is sent on Enter or blur only; n_submit and n_blur count."""
    out = page.locator("#out-debounce")
    calls = page.locator("#out-debounce-calls")
    counts = page.locator("#out-submit-blur")
    expect(calls).to_have_text("1", timeout=BOOT)
    expect(counts).to_have_text("submit=None blur=None")
    field = page.locator("#in-debounce")
    field.press_sequentially("abc")
    expect(field).to_have_value("abc")
    field.press("Enter")
    expect(out).to_have_text('"abc"')
    expect(counts).to_have_text("submit=1 blur=None")
    expect(calls).to_have_text("2")  # one call for the three keystrokes
    field.press_sequentially("de")
    page.click("#elsewhere")
    expect(out).to_have_text('"abcde"')
    expect(counts).to_have_text("submit=1 blur=1")
    expect(calls).to_have_text("3")


def test_debounce_seconds_sends_once_typing_pauses(page):
    """Dash dbnc: with debounce=0.4, a burst of typing becomes one callback with the full text."""
    out = page.locator("#out-debounce-s")
    expect(out).to_have_text("null after 1 calls", timeout=BOOT)
    page.locator("#in-debounce-s").press_sequentially("quick burst", delay=20)
    expect(out).to_have_text('"quick burst" after 2 calls')


def test_textarea_keeps_lines_and_counts_blur(page):
    """Typed lines (Enter included) reach the callback; leaving the field bumps n_blur."""
    out = page.locator("#out-textarea")
    area = page.locator("#in-textarea")
    expect(out).to_have_text("null", timeout=BOOT)
    expect(area).to_have_class("dash-textarea notes")
    area.press_sequentially("line one")
    area.press("Enter")
    area.press_sequentially("line two")
    expect(out).to_have_text('"line one\\nline two"')
    page.click("#elsewhere")
    expect(page.locator("#out-textarea-blur")).to_have_text("blur=1")
