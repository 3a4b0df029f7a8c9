"""Seed "Advanced Callbacks": callbacks with no outputs, and set_props.

Confirmed against Dash 4.4.1 (same apps, served by Dash, in Chromium): all assertions, with Dash's dev
tools error card (title "Callback error with no output from input bad.n_clicks") standing in for
wasmdash's overlay. Dash applies set_props and outputs from one response but not in one DOM mutation
(the side update lands first), so the test pins "one request, both applied", not atomicity.
"""
from __future__ import annotations

import shutil

from playwright.sync_api import expect

OVERLAY = "#_wasmdash-error-overlay"


def test_callback_without_outputs_runs_on_click(wasmdash, app_path):
    """Dash arb002: a no-output callback runs for each click (its side effect is visible later)."""
    page = wasmdash.start(app_path("adv_no_output"))
    for _ in range(2):
        # nothing on the page changes, so wait for the call's response as a user would wait a moment
        with page.expect_response(lambda r: "_dash-update-component" in r.url
                                  and '"save.n_clicks"' in (r.request.post_data or "")):
            page.click("#save")
    page.click("#show-saved")
    expect(page.locator("#saved")).to_have_text("saved clicks: [1, 2]")


def test_returning_a_value_from_no_output_callback_is_an_error(wasmdash, app_path):
    """Dash arb005: returning a value from a no-output callback shows an error naming its input."""
    wasmdash.allow_console_errors()
    page = wasmdash.start(app_path("adv_no_output"))
    page.click("#bad")
    expect(page.locator(OVERLAY)).to_contain_text("Callback error with no output from input bad.n_clicks")
    assert any("bad.n_clicks" in message for message in wasmdash.console_errors)
    page.click("#both")  # the app keeps working
    expect(page.locator("#main-out")).to_have_text("output 1")


def test_set_props_applies_with_outputs_from_one_request(wasmdash, app_path):
    """Dash arb001: set_props and the callback's output both come from the one callback request."""
    page = wasmdash.start(app_path("adv_no_output"))
    bodies = []
    page.on("request", lambda r: "_dash-update-component" in r.url and bodies.append(r.post_data_json))
    page.click("#both")
    expect(page.locator("#main-out")).to_have_text("output 1")
    expect(page.locator("#side-out")).to_have_text("side 1")
    assert [body["output"] for body in bodies] == ["main-out.children"]


def test_set_props_without_outputs_sets_several_props(wasmdash, app_path):
    """Dash arb006: a no-output callback changes two props of one component with set_props."""
    page = wasmdash.start(app_path("adv_no_output"))
    page.click("#only")
    expect(page.locator("#target")).to_have_text("changed 1")
    expect(page.locator("#target")).to_have_css("color", "rgb(255, 0, 0)")


def test_seed_upload_callback_without_outputs_saves_the_file(wasmdash, app_path, tmp_path):
    """The seed's dcc.Upload example: the no-output callback writes the uploaded file on the server."""
    app = tmp_path / "upload_app.py"
    shutil.copy(app_path("adv_upload_no_output_dash"), app)
    (tmp_path / "uploaded_files").mkdir()
    page = wasmdash.start(app)
    expect(page.locator("#upload-data-to-server")).to_contain_text("Drag and Drop or Select Files")
    with page.expect_response(lambda r: "_dash-update-component" in r.url):
        page.locator("#upload-data-to-server input[type=file]").set_input_files(
            files=[{"name": "notes.txt", "mimeType": "text/plain", "buffer": b"remember the milk"}])
    assert (tmp_path / "uploaded_files" / "notes.txt").read_bytes() == b"remember the milk"
