"""dcc.Interval, dcc.Loading, dcc.Tabs/Tab, dcc.Markdown and dcc.ConfirmDialog(Provider) in Chromium."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

BOOT = 15_000  # a callback round trip right after Pyodide boots, on a loaded machine


@pytest.fixture
def page(wasmdash, app_path):
    return wasmdash.start(app_path("dcc_misc"))


def test_interval_ticks_up_to_max_intervals(page):
    """Dash int001: n_intervals counts every `interval` ms and stops at max_intervals."""
    expect(page.locator("#out-ticker")).to_have_text("ticks=5", timeout=BOOT)
    expect(page.locator("#ticker")).to_have_count(0)  # renders nothing visible, as in Dash


def test_disabled_interval_waits_until_enabled(page):
    """disabled=True: no ticks (n_intervals stays unset, as in Dash, whose default is not sent); a callback enabling it starts the ticks."""
    out = page.locator("#out-paused")
    expect(out).to_have_text("paused ticks=None", timeout=BOOT)
    expect(page.locator("#out-ticker")).to_have_text("ticks=5", timeout=BOOT)  # time passed meanwhile
    expect(out).to_have_text("paused ticks=None")
    page.click("#start-paused")
    expect(out).to_have_text("paused ticks=3")


def test_loading_shows_a_spinner_while_the_callback_runs(page):
    """Dash ddl001: the spinner covers the child while its callback runs, then goes away."""
    out = page.locator("#out-slow")
    expect(out).to_have_text("idle", timeout=BOOT)
    spinner = page.locator("#loading .dash-spinner")
    expect(spinner).to_have_count(0)
    page.click("#slow")
    expect(spinner).to_be_visible()
    expect(spinner).to_have_class("dash-spinner dash-default-spinner")
    expect(out).to_have_text("done 1", timeout=BOOT)
    expect(spinner).to_have_count(0)
    expect(out).to_be_visible()


def test_tabs_switch_content_and_value(page):
    """Dash tabs: clicking a header sets value and shows that tab's children; disabled ones refuse."""
    out = page.locator("#out-tabs")
    expect(out).to_have_text("tab=one", timeout=BOOT)
    expect(page.locator("#tabs-parent")).to_have_class("tab-parent")
    expect(page.locator("#tabs")).to_have_class("tab-container")
    headers = page.locator("#tabs .tab")
    expect(headers).to_have_text(["One", "Two", "Locked"])
    expect(headers.nth(0)).to_have_class("tab tab--selected")
    expect(page.locator(".tab-content")).to_have_text("first tab body")
    headers.nth(1).click()
    expect(out).to_have_text("tab=two")
    expect(headers.nth(1)).to_have_class("tab tab--selected")
    expect(page.locator(".tab-content")).to_have_text("second tab body")
    expect(page.locator("#tab-one-body")).to_have_count(0)
    expect(headers.nth(2)).to_have_class("tab tab--disabled")
    headers.nth(2).click()
    expect(headers.nth(1)).to_have_class("tab tab--selected")
    expect(page.locator(".tab-content")).to_have_text("second tab body")
    expect(out).to_have_text("tab=two")


def test_markdown_renders_commonmark_and_follows_a_callback(page):
    """Headings, emphasis, code, tables, strikethrough, links; typed Markdown re-renders."""
    md = page.locator("#md")
    expect(md.locator("h1")).to_have_text("Title", timeout=BOOT)
    expect(md.locator("em")).to_have_text("emphasis")
    expect(md.locator("code")).to_have_text("code")
    table = page.locator("#md-table")
    expect(table.locator("table th")).to_have_text(["a", "b"])
    expect(table.locator("table td")).to_have_text(["1", "2"])
    expect(table.locator("del, s").first).to_have_text("gone")
    expect(table.locator("a")).to_have_attribute("href", "https://example.org")
    expect(table.locator("a")).to_have_attribute("target", "_blank")
    page.locator("#md-source").fill("## Typed\n\n1. one\n2. **two**\n\n<b>not bold</b>")
    expect(md.locator("h2")).to_have_text("Typed")
    expect(md.locator("ol li")).to_have_text(["one", "two"])
    expect(md.locator("ol strong")).to_have_text("two")
    expect(md.locator("b")).to_have_count(0)  # raw HTML shown as text without dangerously_allow_html
    expect(md).to_contain_text("<b>not bold</b>")


def test_markdown_raw_html_only_when_allowed(page):
    """dangerously_allow_html=True renders the raw HTML in the text."""
    expect(page.locator("#md-html span.raw")).to_have_text("raw span", timeout=BOOT)
    expect(page.locator("#md-html")).to_have_text("plain raw span text")


def test_confirm_dialog_ok_and_cancel(page):
    """Dash dcc confirm: the browser's confirm box opens; OK bumps submit_n_clicks, Cancel cancel_n_clicks."""
    out = page.locator("#out-confirm")
    expect(out).to_have_text("ok=None cancel=None", timeout=BOOT)
    messages = []

    def answer(dialog):
        messages.append(dialog.message)
        if len(messages) == 1:
            dialog.accept()
        else:
            dialog.dismiss()

    page.on("dialog", answer)
    page.click("#ask")
    expect(out).to_have_text("ok=1 cancel=None")
    page.click("#ask")
    expect(out).to_have_text("ok=1 cancel=1")
    assert messages == ["Delete everything?", "Delete everything?"]


def test_confirm_dialog_provider_opens_on_its_child(page):
    """A ConfirmDialogProvider asks when its child is clicked."""
    out = page.locator("#out-provider")
    expect(out).to_have_text("sent=None", timeout=BOOT)
    messages = []
    page.on("dialog", lambda dialog: (messages.append(dialog.message), dialog.accept()))
    page.click("#send")
    expect(out).to_have_text("sent=1")
    assert messages == ["Really send?"]
