"""dcc.Graph: plotly.js (self-hosted, loaded only with a Graph) draws figures from callbacks, and
plotly.js events (click, hover, relayout) feed callbacks in Dash's shapes."""
from __future__ import annotations

from playwright.sync_api import expect

BARS = "#bars .barlayer .point path"


def center(locator):
    box = locator.bounding_box()
    assert box is not None
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def test_graph_draws_a_figure_from_a_callback(wasmdash, app_path):
    """The callback's bar chart is drawn by plotly.js inside Dash's markup."""
    page = wasmdash.start(app_path("graph_bar"))
    graph = page.locator("#bars")
    expect(graph).to_have_class("dash-graph chart")
    expect(graph.locator(".main-svg").first).to_be_attached()
    expect(page.locator(BARS)).to_have_count(3)
    expect(graph.locator(".gtitle")).to_have_text("fruit")
    expect(page.locator("#clicked")).to_have_text("no click")
    # As in Dash, the first plot is followed by an autosize relayout.
    expect(page.locator("#relayout")).to_have_text('{"autosize": true}')


def test_clicking_a_bar_sets_click_data(wasmdash, app_path):
    """clickData carries the clicked point's x, y and customdata to a callback."""
    page = wasmdash.start(app_path("graph_bar"))
    expect(page.locator(BARS)).to_have_count(3)
    x, y = center(page.locator(BARS).nth(1))
    page.mouse.move(x, y)
    expect(page.locator("#hovered")).to_have_text("hover x=pears")
    page.mouse.click(x, y)
    expect(page.locator("#clicked")).to_have_text("x=pears y=7 custom=fruit-1")
    # (A second click within plotly.js's 300 ms double-click window would be a double-click, which
    # autoscales instead of clicking: test_new_figure_redraws_the_graph clicks again later.)


def test_new_figure_redraws_the_graph(wasmdash, app_path):
    """A callback returning another figure redraws the same plot; clicks then report its points."""
    page = wasmdash.start(app_path("graph_bar"))
    expect(page.locator(BARS)).to_have_count(3)
    page.click("#switch")
    expect(page.locator(BARS)).to_have_count(5)
    expect(page.locator("#bars .gtitle")).to_have_text("veg")
    expect(page.locator("#bars .js-plotly-plot")).to_have_count(1)
    x, y = center(page.locator(BARS).nth(2))
    page.mouse.click(x, y)
    expect(page.locator("#clicked")).to_have_text("x=leeks y=6 custom=veg-2")
    page.click("#switch")
    expect(page.locator(BARS)).to_have_count(3)
    expect(page.locator("#bars .gtitle")).to_have_text("fruit")


def test_plotly_js_is_fetched_once_from_static_and_only_with_a_graph(wasmdash, app_path):
    """A page without a Graph never requests plotly.min.js; a page with one gets it from the server."""
    plain = wasmdash.start(app_path("graph_none"))
    expect(plain.locator("#echo")).to_have_text("hi")
    page = plain.context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(wasmdash.server.url + "/")
    wasmdash.wait_ready(page)
    expect(page.locator("#echo")).to_have_text("hi")
    assert requests, "the request listener saw nothing"
    assert not [url for url in requests if "plotly" in url or url.endswith("/graph.js")]

    with_graph = wasmdash.start(app_path("graph_bar"))
    graph_page = with_graph.context.new_page()
    graph_requests: list[str] = []
    graph_page.on("request", lambda request: graph_requests.append(request.url))
    graph_page.goto(wasmdash.server.url + "/")
    wasmdash.wait_ready(graph_page)
    expect(graph_page.locator(BARS)).to_have_count(3)
    plotly = [url for url in graph_requests if url.endswith("plotly.min.js")]
    assert plotly == [wasmdash.server.url + "/_wasmdash/static/runtime/plotly.min.js"]
