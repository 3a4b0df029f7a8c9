"""layout: walking wire components with paths, reading and writing props."""
from __future__ import annotations

from fakes import comp

from wasmdash.layout import get_component, get_prop, has_prop, set_in, update_props, walk


def test_walk_yields_components_with_dash_paths_in_order():
    """Are paths the keys from the root, children visited in order?"""
    layout = comp("Div", "root", [comp("Span", "a"), "text", comp("Div", "b", comp("P", "c"))])
    assert [(p, c["props"].get("id")) for p, c in walk(layout)] == [
        ((), "root"),
        (("props", "children", 0), "a"),
        (("props", "children", 2), "b"),
        (("props", "children", 2, "props", "children"), "c"),
    ]


def test_walk_finds_components_in_other_props():
    """Are components held in non-children props (labels, options) walked too?"""
    layout = comp("Tab", "t", label=comp("B", "lbl"), options=[{"label": comp("I", "o0"), "value": 1}])
    ids = [c["props"].get("id") for _, c in walk(layout)]
    assert ids == ["t", "lbl", "o0"]


def test_get_and_update_props_at_a_path():
    """Do get_prop/has_prop/update_props act on the component at a path?"""
    layout = comp("Div", children=[comp("Input", "a", value="x")])
    path = ("props", "children", 0)
    assert get_prop(layout, path, "value") == "x"
    assert not has_prop(layout, path, "n_submit")
    assert update_props(layout, path, {"value": "y"})
    assert get_component(layout, path)["props"]["value"] == "y"
    assert not update_props(layout, ("props", "children", 5), {"value": "z"})


def test_set_in_replaces_a_subtree():
    """Does set_in put a new value at a path (and the root at ())?"""
    layout = comp("Div", children=[comp("Span", "a")])
    set_in(layout, ("props", "children"), comp("P", "b"))
    assert get_component(layout, ("props", "children"))["props"]["id"] == "b"
    assert set_in(layout, (), "new") == "new"
