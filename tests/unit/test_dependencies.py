"""Input/Output/State, wildcards and ClientsideFunction, as in dash.dependencies."""
from __future__ import annotations

import pytest

from wasmdash import html
from wasmdash.dependencies import ALL, ALLSMALLER, MATCH, ClientsideFunction, Input, Output, State


def test_str_and_to_dict():
    """Is str() 'id.prop' and to_dict() Dash's spec?"""
    assert str(Input("a", "value")) == "a.value"
    assert Input("a", "value").to_dict() == {"id": "a", "property": "value"}
    assert State("s", "x", allow_optional=True).to_dict() == {"id": "s", "property": "x", "allow_optional": True}
    assert Output("o", "children", allow_duplicate=True).allow_duplicate is True


def test_wildcards_serialize_as_one_item_lists():
    """Are ALL/MATCH/ALLSMALLER ids stringified as Dash does, keys sorted?"""
    dep = Input({"type": "item", "index": ALL}, "value")
    assert dep.component_id_str() == '{"index":["ALL"],"type":"item"}'
    assert str(Output({"index": MATCH}, "x")) == '{"index":["MATCH"]}.x'
    assert Input({"index": ALLSMALLER}, "x").to_dict()["id"] == '{"index":["ALLSMALLER"]}'
    assert dep.has_wildcard() and not Input("a", "b").has_wildcard()


def test_equality_matches_wildcards_like_dash():
    """Does ALL equal a concrete index, while MATCH differs from ALLSMALLER?"""
    assert Input({"i": ALL}, "v") == Output({"i": 1}, "v")
    assert Input({"i": MATCH}, "v") != Input({"i": ALLSMALLER}, "v")
    assert Input("a", "v") == State("a", "v")
    assert Input("a", "v") != Input("a", "w")
    assert hash(Input("a", "v")) == hash(Output("a", "v"))


def test_component_as_id_uses_its_id():
    """Can a component object stand for its id (given one if missing)?"""
    div = html.Div(id="d")
    assert Input(div, "n_clicks").component_id == "d"
    anonymous = html.Div()
    dep = Output(anonymous, "children")
    assert anonymous.id == dep.component_id and isinstance(dep.component_id, str)


def test_clientside_function_rejects_reserved_namespaces():
    """Are Dash's reserved clientside namespaces refused?"""
    with pytest.raises(ValueError):
        ClientsideFunction("_dashprivate_x", "f")
    with pytest.raises(ValueError):
        ClientsideFunction("no_update", "f")
    assert ClientsideFunction("ns", "f").to_dict() == {"namespace": "ns", "function_name": "f"}
