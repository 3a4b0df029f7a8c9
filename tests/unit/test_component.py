"""Component behaviour seen through html/dcc: positional children, attribute access, to_json."""
from __future__ import annotations

import pytest

from wasmdash import html
from wasmdash.component import to_json


def test_unknown_prop_raises_typeerror_with_did_you_mean():
    """Does a misspelt prop give TypeError naming component, prop, and a suggestion?"""
    with pytest.raises(TypeError, match=r"(?s)received an unexpected prop `chidren`.*Did you mean `children`\?"):
        html.Span(chidren="x")


def test_nested_components_serialize_recursively():
    """Are nested components and tuples turned into plain JSON?"""
    tree = html.Div([html.P("a"), (1, 2)])
    assert to_json(tree)["props"]["children"] == [
        {"type": "P", "namespace": "dash_html_components", "props": {"children": "a"}}, [1, 2]]


def test_setting_an_unknown_attribute_raises():
    """Is `div.classname = ...` refused like the constructor?"""
    div = html.Div()
    with pytest.raises(TypeError, match="Did you mean `className`"):
        div.classname = "x"


def test_positional_props_follow_the_declared_order():
    """Can a class declare Dash's positional props (Checklist(options, value))?"""
    from wasmdash.component import make_component_class

    Checklist = make_component_class("Checklist", "dash_core_components", ["options", "value", "inline", "id"],
                                     positional=("options", "value", "inline"))
    box = Checklist(["a", "b"], ["a"], id="c")
    assert box.to_plotly_json()["props"] == {"options": ["a", "b"], "value": ["a"], "id": "c"}
    with pytest.raises(TypeError, match=r"takes at most 3 positional argument\(s\) \(options, value, inline\)"):
        Checklist(1, 2, 3, 4)
    with pytest.raises(TypeError, match="received `value` both positionally and as a keyword"):
        Checklist([], [], value=[])


def test_html_takes_only_children_positionally():
    """Does html.Div refuse a second positional argument, naming children?"""
    with pytest.raises(TypeError, match=r"at most 1 positional argument\(s\) \(children\)"):
        html.Div("a", "b")
