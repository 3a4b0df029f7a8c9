"""dcc.Graph: plotly.js (self-hosted, loaded only with a Graph) draws figures from callbacks, and
plotly.js events (click, hover, relayout) feed callbacks in Dash's shapes."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

BARS = "#bars .barlayer .point path"


@pytest.fixture(autouse=True)
def patient_expect():
    """plotly.js (3.5 MB) is parsed on the first draw of each page: on a busy machine the default
    5 s of an expectation is not always enough, so these tests wait up to 30 s for a condition."""
    expect.set_options(timeout=30_000)
    yield
    expect.set_options(timeout=5_000)


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


POINTS = "#scatter .scatterlayer .trace .point"


def drag(page, start, end):
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move((start[0] + end[0]) / 2, (start[1] + end[1]) / 2, steps=5)
    page.mouse.move(*end, steps=5)
    page.mouse.up()


def test_box_select_sets_selected_data(wasmdash, app_path):
    """A box selection gives selectedData with the points (curveNumber, x, y) and the range."""
    page = wasmdash.start(app_path("graph_events"))
    points = page.locator(POINTS)
    expect(points).to_have_count(8)  # the figure came from an object with to_plotly_json()
    # Box around the two "low" points at x=1 and x=2 (y 1..2).
    a = center(points.nth(0))
    b = center(points.nth(1))
    drag(page, (a[0] - 20, b[1] - 20), (b[0] + 20, a[1] + 20))
    expect(page.locator("#selected")).to_have_text("2 selected: [(0, 1, 1), (0, 2, 2)] range=True")


def test_legend_click_sets_restyle_data(wasmdash, app_path):
    """Hiding a trace from the legend gives restyleData [edits, trace indices]."""
    page = wasmdash.start(app_path("graph_events"))
    expect(page.locator(POINTS)).to_have_count(8)
    page.locator("#scatter .legend .traces").nth(1).locator(".legendtoggle").click()
    expect(page.locator("#restyle")).to_have_text('[{"visible": ["legendonly"]}, [1]]')


def test_clear_on_unhover_resets_hover_data(wasmdash, app_path):
    """With clear_on_unhover, leaving the points sets hoverData back to None."""
    page = wasmdash.start(app_path("graph_events"))
    points = page.locator(POINTS)
    expect(points).to_have_count(8)
    page.mouse.move(*center(points.nth(5)))
    expect(page.locator("#hover")).to_have_text("x=2 y=9")
    box = page.locator("#scatter .nsewdrag").first.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] - 5, box["y"] + box["height"] / 2)
    expect(page.locator("#hover")).to_have_text("none")


def test_extend_data_appends_points(wasmdash, app_path):
    """extendData from a callback appends to the trace (Plotly.extendTraces) without a full figure."""
    page = wasmdash.start(app_path("graph_events"))
    expect(page.locator(POINTS)).to_have_count(8)
    page.click("#add")
    expect(page.locator(POINTS)).to_have_count(9)
    page.click("#add")
    expect(page.locator(POINTS)).to_have_count(10)


def test_removed_graph_is_purged_and_a_new_one_draws(wasmdash, app_path):
    """Removing the Graph and adding a new one works without errors (the old plot is purged)."""
    page = wasmdash.start(app_path("graph_events"))
    expect(page.locator(POINTS)).to_have_count(8)
    page.click("#toggle")
    expect(page.locator("#empty")).to_have_text("no graph")
    expect(page.locator(".js-plotly-plot")).to_have_count(0)
    page.click("#toggle")
    expect(page.locator(POINTS)).to_have_count(8)
    expect(page.locator("#scatter.dash-graph .js-plotly-plot")).to_have_count(1)


def test_zoom_sets_relayout_data(wasmdash, app_path):
    """Dragging a zoom box gives relayoutData with the new axis ranges."""
    page = wasmdash.start(app_path("graph_bar"))
    expect(page.locator(BARS)).to_have_count(3)
    expect(page.locator("#relayout")).to_have_text('{"autosize": true}')
    box = page.locator("#bars .nsewdrag").first.bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    drag(page, (box["x"] + box["width"] * 0.1, y), (box["x"] + box["width"] * 0.6, y))
    expect(page.locator("#relayout")).to_contain_text('"xaxis.range[0]": ')
    expect(page.locator("#relayout")).to_contain_text('"xaxis.range[1]": ')


def svg_width(page, graph_id):
    return page.locator(f"#{graph_id} .main-svg").first.evaluate("svg => svg.getBoundingClientRect().width")


def test_responsive_graph_follows_its_container(wasmdash, app_path):
    """responsive=True fills the container (layout width/height dropped) and resizes with it."""
    page = wasmdash.start(app_path("graph_responsive"))
    expect(page.locator("#fluid .main-svg").first).to_be_attached()
    expect(page.locator("#fluid")).to_have_css("height", "200px")  # Dash's height: 100% default
    page.wait_for_function("() => document.querySelector('#fluid .main-svg').getBoundingClientRect().width === 300")
    page.click("#widen")
    page.wait_for_function("() => document.querySelector('#fluid .main-svg').getBoundingClientRect().width === 500")
    assert svg_width(page, "fluid") == 500


def test_animate_moves_points_with_plotly_animate(wasmdash, app_path):
    """animate=True: a new figure with as many traces animates; the point ends where the figure says."""
    page = wasmdash.start(app_path("graph_responsive"))
    point = page.locator("#moving .scatterlayer .point")
    expect(point).to_have_count(1)
    before = point.bounding_box()
    assert before is not None
    page.evaluate("""() => { window.__animated = false;
        document.querySelector('#moving .js-plotly-plot').on('plotly_animated', () => { window.__animated = true; }); }""")
    page.click("#move")
    page.wait_for_function("() => window.__animated === true")
    after = point.bounding_box()
    assert after is not None and after["y"] < before["y"] - 50


def test_patched_figure_redraws(wasmdash, app_path):
    """A Patch on the figure (title, nested marker color) redraws with the rest of the figure kept."""
    page = wasmdash.start(app_path("graph_patch"))
    title = page.locator("#graph .gtitle")
    expect(title).to_have_text("Initial Title")
    page.click("#patch-title")
    expect(title).to_have_text("Updated Title 1")
    page.click("#patch-color")
    expect(page.locator("#color")).to_have_text("blue")
    expect(page.locator("#graph .scatterlayer .point").first).to_have_css("fill", "rgb(0, 0, 255)")
    expect(title).to_have_text("Updated Title 1")


def test_figure_none_draws_an_empty_plot(wasmdash, app_path):
    """figure=None from a callback empties the plot without errors; a figure afterwards draws again."""
    page = wasmdash.start(app_path("graph_patch"))
    expect(page.locator("#graph .gtitle")).to_have_text("Initial Title")
    page.click("#toggle")
    expect(page.locator("#color")).to_have_text("no data")
    expect(page.locator("#graph .gtitle")).to_have_count(0)
    expect(page.locator("#graph .scatterlayer .point")).to_have_count(0)
    page.click("#toggle")
    expect(page.locator("#graph .gtitle")).to_have_text("Valid Figure")


def test_plotly_errors_name_the_graph(wasmdash, app_path):
    """A plotly.js failure (extending a trace that does not exist) shows in the overlay with the id."""
    wasmdash.allow_console_errors()
    page = wasmdash.start(app_path("graph_events"))
    expect(page.locator(POINTS)).to_have_count(8)
    page.click("#bad-extend")
    expect(page.locator("#_wasmdash-error-overlay")).to_contain_text('dcc.Graph id="scatter": ')
    page.click("#add")  # the graph keeps working
    expect(page.locator(POINTS)).to_have_count(9)


def test_graph_inside_loading(wasmdash, app_path):
    """A Graph under dcc.Loading draws, redraws on new figures and ends up visible."""
    page = wasmdash.start(app_path("graph_loading"))
    bars = page.locator("#loaded .barlayer .point path")
    expect(bars).to_have_count(2)
    page.click("#more")
    expect(bars).to_have_count(3)
    page.click("#more")
    expect(bars).to_have_count(4)
    expect(page.locator("#loaded .main-svg").first).to_be_visible()


def test_prepend_data_with_max_points(wasmdash, app_path):
    """prependData (update, indices, maxPoints) prepends to trace 0 and keeps its first 3 points."""
    page = wasmdash.start(app_path("graph_events"))
    expect(page.locator(POINTS)).to_have_count(8)
    page.click("#prepend")
    expect(page.locator(POINTS)).to_have_count(7)  # trace 0: 3 points, trace 1: 4
    expect(page.locator("#scatter .scatterlayer .trace").first.locator(".point")).to_have_count(3)
