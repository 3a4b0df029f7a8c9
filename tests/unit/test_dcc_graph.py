"""dcc.Graph: markup, the graph.js module calls it sends, and plotly.js events -> props."""
from __future__ import annotations

import pytest

from wasmdash import dcc, html
from wasmdash.component import to_json
from wasmdash.dcc.graph import DEFAULT_ANIMATION, is_responsive, plot_spec
from wasmdash._html_render import render_html
from wasmdash.vdom import render_layout
from wasmdash.view import DomView

BAR = {"data": [{"type": "bar", "x": ["a", "b"], "y": [1, 2]}], "layout": {"title": {"text": "t"}}}


def module_calls(ops):
    return [op[2] for op in ops if op[0] == "call" and op[1] == "module"]


def graph_layout(**props):
    return to_json(html.Div([dcc.Graph(id="g", **props)]))


def set_graph_props(layout, **props):
    layout["props"]["children"][0]["props"].update(props)
    return [("props", "children", 0)]


def test_markup_is_dash_graph_div_holding_the_plot_div():
    """Outer div keeps Dash's id, 'dash-graph' class before className, and style; plotly draws inside."""
    node = render_layout(to_json(dcc.Graph(id="g", className="big", style={"width": 300})))
    assert render_html(node) == (
        '<div id="g" class="dash-graph big" style="width: 300px">'
        '<div style="height: 100%; width: 100%"></div></div>'
    )


def test_mount_draws_the_figure_once_with_both_refs():
    """Mounting sends one draw(root ref, plot ref, spec) to graph.js; nothing else."""
    view = DomView()
    ops = view.render(graph_layout(figure=BAR))
    graph = view.by_path[("props", "children", 0)]
    calls = module_calls(ops)
    assert calls == [["graph.js", "draw", graph.ref, graph.children[0].ref, plot_spec({"figure": BAR})]]
    spec = calls[0][4]
    assert spec["data"] == BAR["data"] and spec["layout"] == BAR["layout"]
    assert spec["config"] == {"typesetMath": False}
    assert spec["animate"] is False and spec["animation_options"] == DEFAULT_ANIMATION


def test_figure_change_redraws_and_equal_props_do_not():
    """A new figure (or config) redraws; an unrelated prop change (clickData) does not."""
    layout = graph_layout(figure=BAR)
    view = DomView()
    view.render(layout)
    new = {"data": [{"type": "bar", "x": ["c"], "y": [5]}]}
    calls = module_calls(view.update(layout, set_graph_props(layout, figure=new)))
    assert [c[1] for c in calls] == ["draw"] and calls[0][4]["data"] == new["data"]
    calls = module_calls(view.update(layout, set_graph_props(layout, config={"displayModeBar": False})))
    assert [c[1] for c in calls] == ["draw"] and calls[0][4]["config"]["displayModeBar"] is False
    assert module_calls(view.update(layout, set_graph_props(layout, clickData={"points": []}))) == []


def test_removal_purges():
    """A Graph leaving the page is purged in graph.js (listeners and plotly state)."""
    layout = graph_layout(figure=BAR)
    view = DomView()
    view.render(layout)
    ref = view.by_path[("props", "children", 0)].ref
    layout["props"]["children"] = []
    ops = view.update(layout, [()])
    assert module_calls(ops) == [["graph.js", "purge", ref]]


def test_page_without_graph_never_calls_graph_js():
    """Only Graphs bring graph.js (and so plotly.js) into a page."""
    ops = DomView().render(to_json(html.Div([dcc.Input(id="i")])))
    assert module_calls(ops) == []


def test_responsive_overrides_follow_dash():
    """responsive=True: autosize on, fixed size dropped, config.responsive on, height 100%."""
    props = {"figure": {"data": [], "layout": {"height": 300, "width": 400}}, "responsive": True}
    spec = plot_spec(props)
    assert spec["layout"] == {"autosize": True} and spec["config"]["responsive"] is True
    assert spec["responsive"] is True
    assert render_layout(to_json(dcc.Graph(**props))).style == {"height": "100%"}
    spec = plot_spec({"figure": {"layout": {"height": 300}}, "responsive": False})
    assert spec["layout"] == {"height": 300, "autosize": False} and spec["config"]["responsive"] is False


def test_auto_responsive_needs_config_responsive_and_a_free_dimension():
    """'auto' is responsive only with config.responsive and not both height and width fixed."""
    assert is_responsive({}) is False
    assert is_responsive({"config": {"responsive": True}}) is True
    assert is_responsive({"config": {"responsive": True}, "figure": {"layout": {"height": 1, "width": 2}}}) is False
    assert is_responsive({"config": {"responsive": True}, "figure": {"layout": {"autosize": False}}}) is False


def test_plotly_figure_objects_serialize_through_to_plotly_json():
    """A plotly figure object (anything with to_plotly_json) becomes its dict."""

    class Figure:
        def to_plotly_json(self):
            return dict(BAR)

    assert to_json(dcc.Graph(id="g", figure=Figure()))["props"]["figure"] == BAR
    assert plot_spec({"figure": Figure()})["data"] == BAR["data"]


def test_extend_data_amends_traces_after_drawing():
    """extendData/prependData (new values) go to Plotly.extendTraces/prependTraces."""
    layout = graph_layout(figure=BAR, extendData=[{"y": [[3]]}, [0], 10])
    view = DomView()
    ops = view.render(layout)
    ref = view.by_path[("props", "children", 0)].ref
    assert [c[1:3] for c in module_calls(ops)] == [["draw", ref], ["amend", ref]]
    assert module_calls(ops)[1][3:] == ["extendTraces", [{"y": [[3]]}, [0], 10]]
    ops = view.update(layout, set_graph_props(layout, prependData={"y": [[0]]}))
    assert module_calls(ops) == [["graph.js", "amend", ref, "prependTraces", {"y": [[0]]}]]


def widget(view, props):
    ref = view.by_path[("props", "children", 0)].ref
    return view.changes_for_event({"type": "widget", "refs": [ref], "props": props, "timestamp": 1})


def test_click_event_sets_click_data_every_time():
    """Each click is new (Dash stamps it), so even the same point sets clickData again."""
    view = DomView()
    view.render(graph_layout(figure=BAR))
    click = {"points": [{"curveNumber": 0, "pointNumber": 1, "x": "b", "y": 2}], "timestamp": 5}
    path = ("props", "children", 0)
    assert widget(view, {"clickData": click}) == [(path, {"clickData": click})]
    assert widget(view, {"clickData": click}) == [(path, {"clickData": click})]


def test_hover_relayout_restyle_selected_only_when_changed():
    """hoverData, selectedData, relayoutData, restyleData are set when they differ (as Dash)."""
    view = DomView()
    view.render(graph_layout(figure=BAR))
    path = ("props", "children", 0)
    hover = {"points": [{"x": "a", "y": 1}]}
    assert widget(view, {"hoverData": hover}) == [(path, {"hoverData": hover})]
    assert widget(view, {"hoverData": hover}) == []
    assert widget(view, {"relayoutData": {"autosize": True}}) == [(path, {"relayoutData": {"autosize": True}})]
    assert widget(view, {"restyleData": [{"visible": ["legendonly"]}, [0]]}) == [
        (path, {"restyleData": [{"visible": ["legendonly"]}, [0]]})
    ]
    assert widget(view, {"selectedData": None}) == [(path, {"selectedData": None})]
    assert widget(view, {"unknown": 1}) == []


def test_shape_edits_follow_into_the_figure():
    """A relayout that edits shapes also updates figure.layout.shapes, as Dash does."""
    view = DomView()
    view.render(graph_layout(figure=BAR))
    shapes = [{"type": "rect", "x0": 0, "x1": 1, "y0": 0, "y1": 1}]
    [(path, changes)] = widget(view, {"relayoutData": {"shapes[0].x0": 0}, "shapes": shapes})
    assert changes["figure"]["layout"] == {**BAR["layout"], "shapes": shapes}
    assert changes["figure"]["data"] == BAR["data"] and changes["relayoutData"] == {"shapes[0].x0": 0}


def test_plain_dom_events_on_the_graph_change_nothing():
    """A DOM click inside the plot is plotly's business, not a prop change of the Graph."""
    view = DomView()
    view.render(graph_layout(figure=BAR))
    graph = view.by_path[("props", "children", 0)]
    assert view.changes_for_event({"type": "click", "refs": [graph.children[0].ref, graph.ref], "timestamp": 1}) == []


def test_graph_without_id_has_no_id_attribute():
    """As Dash (grbs001): no auto-generated id on the outer div."""
    node = render_layout(to_json(dcc.Graph(className="graph-no-id")))
    assert node.attrs == {"class": "dash-graph graph-no-id"}


def test_animation_frames_and_mathjax_reach_the_spec():
    """animate, animation_options, frames and mathjax (as config.typesetMath) go to graph.js."""
    frames = [{"data": [{"x": [1]}]}]
    spec = plot_spec({"figure": {"data": [], "layout": {}, "frames": frames}, "animate": True,
                      "animation_options": {"transition": {"duration": 10}}, "mathjax": True})
    assert spec["frames"] == frames and spec["animate"] is True
    assert spec["animation_options"] == {"transition": {"duration": 10}}
    assert spec["config"]["typesetMath"] is True


def test_loading_state_marks_the_outer_div():
    """loading_state.is_loading shows as data-dash-is-loading, as Dash's plain container does."""
    node = render_layout(to_json(dcc.Graph(id="g", loading_state={"is_loading": True})))
    assert node.attrs["data-dash-is-loading"] == "true"


def test_clear_on_unhover_change_reaches_graph_js():
    """graph.js reads clear_on_unhover from the last draw, so changing it redraws with the new value."""
    layout = graph_layout(figure=BAR)
    view = DomView()
    view.render(layout)
    calls = module_calls(view.update(layout, set_graph_props(layout, clear_on_unhover=True)))
    assert [c[1] for c in calls] == ["draw"] and calls[0][4]["clear_on_unhover"] is True


def test_config_does_not_leak_between_draws():
    """Overrides are applied to copies: the component's own config and layout stay as given."""
    config = {"responsive": True}
    figure = {"data": [], "layout": {"height": 200}}
    plot_spec({"figure": figure, "config": config, "responsive": False})
    assert config == {"responsive": True} and figure == {"data": [], "layout": {"height": 200}}


def test_equal_extend_data_from_a_new_callback_result_extends_again():
    """Dash grva004: the same prependData/extendData returned twice amends twice."""
    import copy

    data = [{"y": [[3]]}, [0]]
    layout = graph_layout(figure=BAR, extendData=data)
    view = DomView()
    view.render(layout)
    ops = view.update(layout, set_graph_props(layout, extendData=copy.deepcopy(data)))
    assert [c[1] for c in module_calls(ops)] == ["amend"]
