"""Issue 4: clientside callbacks. Dash's JavaScript ones run on the page's main thread; Python ones
(`clientside=True`) run in the page on Pyodide. Neither makes a server round trip."""
from __future__ import annotations

import json
import subprocess
import sys

from playwright.sync_api import expect

OVERLAY = "#_wasmdash-error-overlay"


def update_requests(page):
    """Record the output of every POST /_dash-update-component the page makes from now on."""
    seen: list[str] = []
    page.on(
        "request",
        lambda r: seen.append(json.loads(r.post_data or "{}").get("output", "?"))
        if r.url.endswith("/_dash-update-component")
        else None,
    )
    return seen


def by_id(component_id: dict) -> str:
    """A CSS selector for a dict id (rendered as its sorted, compact JSON)."""
    return "[id='" + json.dumps(component_id, sort_keys=True, separators=(",", ":")) + "']"


# -- JavaScript -------------------------------------------------------------------------------------
def test_js_inline_and_asset_functions_run_on_load_and_on_input(wasmdash, app_path):
    """Inline JS source and ClientsideFunction (assets/, subfolders too) answer without the server."""
    page = wasmdash.start(app_path("clientside_js"))
    expect(page.locator("#upper")).to_have_text("ABC")
    expect(page.locator("#double")).to_have_text("abcabc")
    expect(page.locator("#nested")).to_have_text("nested abc")
    posted = update_requests(page)
    page.fill("#text", "xy")
    expect(page.locator("#upper")).to_have_text("XY")
    expect(page.locator("#double")).to_have_text("xyxy")
    expect(page.locator("#server-last")).to_have_text("server(js(server(xy)))")
    assert "upper.children" not in posted and "double.children" not in posted
    assert "server-step.children" in posted  # the server callbacks of the chain still go there


def test_assets_css_and_js_are_loaded(wasmdash, app_path):
    """Every .js and .css in the app's assets folder is in the page, as in Dash."""
    page = wasmdash.start(app_path("clientside_js"))
    expect(page.locator("#styled")).to_have_css("color", "rgb(255, 0, 0)")
    assert page.evaluate("window.nestedAssetLoaded") is True


def test_js_multi_output_no_update_and_prevent_update(wasmdash, app_path):
    """Two outputs from one array; dash_clientside.no_update keeps one; PreventUpdate keeps both."""
    page = wasmdash.start(app_path("clientside_js"))
    expect(page.locator("#word-upper")).to_have_text("HELLO")
    expect(page.locator("#word-length")).to_have_text("5")
    page.fill("#word", "same")
    expect(page.locator("#word-upper")).to_have_text("SAME")
    expect(page.locator("#word-length")).to_have_text("5")
    page.fill("#word", "stop")
    page.fill("#text", "sync")  # a later update proves the prevented one was handled
    expect(page.locator("#upper")).to_have_text("SYNC")
    expect(page.locator("#word-upper")).to_have_text("SAME")


def test_js_callback_context(wasmdash, app_path):
    """dash_clientside.callback_context: triggered, triggered_id, inputs, states and the lists."""
    page = wasmdash.start(app_path("clientside_js"))
    page.click("#btn-b")
    expect(page.locator("#context")).not_to_be_empty()
    context = json.loads(page.locator("#context").inner_text())
    assert context["triggered_id"] == "btn-b"
    assert context["triggered"] == [{"prop_id": "btn-b.n_clicks", "value": 1}]
    assert context["inputs"] == {"btn-a.n_clicks": None, "btn-b.n_clicks": 1}
    assert context["states"] == {"text.value": "abc"}
    assert context["inputs_list"] == ["btn-a", "btn-b"]
    assert context["states_list"] == ["text"]
    assert context["outputs_list"] == {"id": "context", "property": "children"}


def test_js_set_props_and_promise(wasmdash, app_path):
    """dash_clientside.set_props updates another component; a returned Promise is awaited."""
    page = wasmdash.start(app_path("clientside_js"))
    expect(page.locator("#later")).to_have_text("later: abc")
    page.click("#set-btn")
    expect(page.locator("#set-target")).to_have_text("set 1")
    page.click("#set-btn")
    expect(page.locator("#set-target")).to_have_text("set 2")


def test_js_running_while_a_promise_is_pending(wasmdash, app_path):
    """running= disables the button until the Promise resolves, then restores it."""
    page = wasmdash.start(app_path("clientside_js"))
    page.click("#hold-btn")
    expect(page.locator("#hold-btn")).to_be_disabled()
    page.wait_for_function("typeof window.releaseHeld === 'function'")
    page.evaluate("window.releaseHeld()")
    expect(page.locator("#held")).to_have_text("released 1")
    expect(page.locator("#hold-btn")).to_be_enabled()


def test_js_pattern_matching(wasmdash, app_path):
    """ALL inputs arrive as an array; MATCH runs per item with that item's triggered_id."""
    page = wasmdash.start(app_path("clientside_js"))
    expect(page.locator("#total")).to_have_text("total 6")
    page.fill(by_id({"index": 1, "type": "num"}), "10")
    expect(page.locator("#total")).to_have_text("total 14")
    page.fill(by_id({"index": 1, "type": "echo-in"}), "hi")
    expect(page.locator(by_id({"index": 1, "type": "echo-out"}))).to_have_text("1:hi")
    expect(page.locator(by_id({"index": 0, "type": "echo-out"}))).to_have_text("")


def test_js_error_and_rejected_promise_reach_the_overlay(wasmdash, app_path):
    """A thrown error and a rejected Promise show in the error overlay, naming the function."""
    wasmdash.allow_console_errors()
    page = wasmdash.start(app_path("clientside_js"))
    page.click("#break-btn")
    overlay = page.locator(OVERLAY)
    expect(overlay).to_contain_text("Callback error updating broken.children via clientside function ui.broken")
    expect(overlay).to_contain_text("TypeError")
    page.click("#reject-btn")
    expect(overlay).to_contain_text("the promise was rejected 1")
    page.fill("#text", "still works")
    expect(page.locator("#upper")).to_have_text("STILL WORKS")


# -- Python in the page -----------------------------------------------------------------------------
def test_python_callbacks_run_in_the_page_without_requests(wasmdash, app_path):
    """@callback(clientside=True), app.callback(clientside=True), clientside_callback(function)."""
    page = wasmdash.start(app_path("clientside_python"))
    expect(page.locator("#shout")).to_have_text("ABC!")
    expect(page.locator("#length")).to_have_text("3 letters")
    posted = update_requests(page)
    page.fill("#text", "hello")
    expect(page.locator("#shout")).to_have_text("HELLO!")
    expect(page.locator("#length")).to_have_text("5 letters")
    expect(page.locator("#js-step")).to_have_text("js(python(server(hello)))")
    assert posted == ["server-step.children"]  # the only server callback; the rest ran in the page


def test_python_prevent_update_no_update_and_ctx(wasmdash, app_path):
    """PreventUpdate and no_update keep outputs; ctx.triggered_id and ctx.triggered name the button."""
    page = wasmdash.start(app_path("clientside_python"))
    page.fill("#text", "stop")
    expect(page.locator("#shout")).to_have_text("STOP!")
    expect(page.locator("#length")).to_have_text("3 letters")
    page.click("#btn-b")
    expect(page.locator("#which")).not_to_be_empty()
    which = json.loads(page.locator("#which").inner_text())
    assert which == {"id": "btn-b", "triggered": ["btn-b.n_clicks"], "a": None, "b": 1}
    expect(page.locator("#kept")).to_have_text("initial")


def test_python_async_set_props_applies_at_once_and_running(wasmdash, app_path):
    """An async callback's set_props shows while it awaits; running= disables its button meanwhile."""
    page = wasmdash.start(app_path("clientside_python"))
    page.click("#go")
    expect(page.locator("#status")).to_have_text("working 1")
    expect(page.locator("#go")).to_be_disabled()
    expect(page.locator("#result")).to_have_text("")
    page.click("#release")
    expect(page.locator("#released")).to_have_text("released 1")
    expect(page.locator("#result")).to_have_text("done 1")
    expect(page.locator("#status")).to_have_text("finished 1")
    expect(page.locator("#go")).to_be_enabled()


def test_python_pattern_matching_and_dict_signature(wasmdash, app_path):
    """ALL and MATCH ids, and keyword (dict) inputs and outputs, as for server callbacks."""
    page = wasmdash.start(app_path("clientside_python"))
    expect(page.locator("#total")).to_have_text("total 6")
    expect(page.locator("#full")).to_have_text("Ada Lovelace")
    expect(page.locator("#full-upper")).to_have_text("ADA LOVELACE")
    page.fill(by_id({"index": 2, "type": "num"}), "7")
    expect(page.locator("#total")).to_have_text("total 10")
    page.fill(by_id({"index": 0, "type": "in"}), "zero")
    expect(page.locator(by_id({"index": 0, "type": "out"}))).to_have_text("0:zero")
    expect(page.locator(by_id({"index": 1, "type": "out"}))).to_have_text("")
    page.fill("#first", "Grace")
    expect(page.locator("#full-upper")).to_have_text("GRACE LOVELACE")


def test_python_exception_shows_the_traceback_in_the_overlay(wasmdash, app_path):
    """A failing Python callback in the page: the overlay names it, with its traceback line."""
    wasmdash.allow_console_errors()
    page = wasmdash.start(app_path("clientside_python"))
    page.click("#fail")
    overlay = page.locator(OVERLAY)
    expect(overlay).to_contain_text("Callback error updating failed.children via clientside function _wasmdash_python.fail_")
    expect(overlay).to_contain_text("callback `fail` (clientside_python.py:")
    expect(overlay).to_contain_text("KeyError: 'missing'")
    expect(overlay).to_contain_text('File "clientside_python.py", line 143, in fail')
    page.fill("#text", "after")
    expect(page.locator("#shout")).to_have_text("AFTER!")


def test_python_on_error_handler_runs_in_the_page(wasmdash, app_path):
    """A page callback's on_error answers for it: its value is the output, its set_props apply, no overlay."""
    page = wasmdash.start(app_path("clientside_python"))
    posted = update_requests(page)
    page.click("#recover")
    expect(page.locator("#recovered")).to_have_text("recovered from ZeroDivisionError")
    expect(page.locator("#recovery-note")).to_have_text("handled in the page")
    expect(page.locator(OVERLAY)).to_have_count(0)
    assert posted == []


def test_only_the_marked_functions_reach_the_page(wasmdash, app_path):
    """The page's module holds the clientside functions, not the module's secret or other code."""
    page = wasmdash.start(app_path("clientside_python"))
    source = page.evaluate("fetch('/_wasmdash/clientside.py').then((r) => r.text())")
    assert "def shout(value):" in source and "async def slow(n):" in source
    assert "the-server-secret-4711" not in source
    assert "server_only" not in source and "def server_step" not in source


def test_wasmdash_run_refuses_a_function_using_a_module_level_name(app_path):
    """`wasmdash run` exits non-zero, naming the function and the name it cannot ship."""
    done = subprocess.run(
        [sys.executable, "-m", "wasmdash", "run", str(app_path("clientside_leak")), "--port", "1"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert "`leak` (clientside_leak.py:10) uses `API_KEY`" in done.stderr
