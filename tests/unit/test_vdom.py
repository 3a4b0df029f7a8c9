"""vdom: component JSON -> VNodes (attributes, CSS, render rules) and op specs."""
from __future__ import annotations

import pytest

from wasmdash._html_render import render_html
from wasmdash.vdom import (
    css_name,
    css_value,
    element,
    register_rules,
    render_layout,
    to_spec,
)


def H(type_name, children=None, **props):
    if children is not None:
        props["children"] = children
    return {"type": type_name, "namespace": "dash_html_components", "props": props}


def test_class_name_and_html_for_become_class_and_for():
    """Do React's prop names map to HTML attribute names?"""
    node = render_layout(H("Label", "x", className="big", htmlFor="inp", tabIndex=2))
    assert node.tag == "label"
    assert node.attrs == {"class": "big", "for": "inp", "tabindex": "2"}


def test_boolean_attributes_are_present_or_absent():
    """Is disabled=True an empty attribute, and disabled=False no attribute at all?"""
    assert render_layout(H("Button", disabled=True)).attrs == {"disabled": ""}
    assert render_layout(H("Button", disabled=False)).attrs == {}
    assert render_layout(H("Div", hidden=True)).attrs == {"hidden": ""}


def test_data_and_aria_attributes_keep_their_names():
    """Are data-* and aria-* attributes passed through, booleans as 'true'/'false'?"""
    node = render_layout(H("Div", **{"data-row": 3, "aria-expanded": False}))
    assert node.attrs == {"data-row": "3", "aria-expanded": "false"}


def test_dash_bookkeeping_props_are_not_attributes():
    """n_clicks, n_clicks_timestamp, key, loading_state never reach the DOM."""
    node = render_layout(
        H("Button", id="b", n_clicks=3, n_clicks_timestamp=5, key="k", loading_state={}, disable_n_clicks=True)
    )
    assert node.attrs == {"id": "b"}
    assert node.key == "k"


def test_dict_ids_are_stringified_like_dash():
    """A pattern-matching id is rendered as sorted compact JSON."""
    node = render_layout(H("Div", id={"type": "item", "index": 1}))
    assert node.attrs["id"] == '{"index":1,"type":"item"}'


def test_style_keys_become_css_names_and_numbers_get_px():
    """camelCase style keys -> CSS names; plain numbers get px unless the property is unitless."""
    node = render_layout(H("Div", style={"marginTop": 5, "opacity": 0.5, "zIndex": 3, "WebkitTransform": "none", "msFlex": 1, "--gap": 4}))
    assert node.style == {
        "margin-top": "5px",
        "opacity": "0.5",
        "z-index": "3",
        "-webkit-transform": "none",
        "-ms-flex": "1",
        "--gap": "4",
    }


def test_css_helpers_edge_cases():
    """Zero has no unit, None drops the property."""
    assert css_name("backgroundColor") == "background-color"
    assert css_value("width", 0) == "0"
    assert css_value("width", None) is None


def test_children_strings_numbers_components_lists_and_none():
    """Each kind of children value renders as Dash does; None and booleans render nothing."""
    node = render_layout(H("Div", ["a", 1, 2.0, None, True, H("Span", "s"), [H("B", "nested")]]))
    kinds = [(c.tag, c.text) for c in node.children]
    assert kinds == [("#text", "a"), ("#text", "1"), ("#text", "2"), ("span", ""), ("b", "")]


def test_component_roots_carry_their_layout_paths():
    """Each component's root node knows its path, so events map back to the component."""
    node = render_layout(H("Div", [H("Span", id="a"), H("Div", H("B", id="b"))], id="root"))
    assert node.path == ()
    assert node.children[0].path == ("props", "children", 0)
    assert node.children[1].children[0].path == ("props", "children", 1, "props", "children")


def test_key_comes_from_key_then_id():
    """The diff key is the component's `key`, else its stringified `id`."""
    assert render_layout(H("Li", id="x")).key == "x"
    assert render_layout(H("Li", id="x", key="k")).key == "k"
    assert render_layout(H("Li")).key is None


def test_object_and_map_elements_use_their_html_tags():
    """html.ObjectEl and html.MapEl render <object> and <map>."""
    assert render_layout(H("ObjectEl")).tag == "object"
    assert render_layout(H("MapEl")).tag == "map"


def test_unknown_component_is_reported_with_its_path():
    """An unregistered namespace names the component and where it sits in the layout."""
    errors = []
    layout = H("Div", [{"type": "Foo", "namespace": "my_lib", "props": {}}])
    render_layout(layout, report=errors.append)
    assert errors == [
        "Cannot render component my_lib.Foo at layout path ['props', 'children', 0]: no render "
        "rule is registered for that namespace and type."
    ]


def test_registered_rules_render_custom_components():
    """A third-party namespace can register its own render rule."""
    register_rules("test_ns", "Badge", lambda ctx, props, path: element("span", {"className": "badge"}, [props["label"]]))
    node = render_layout({"type": "Badge", "namespace": "test_ns", "props": {"label": "new"}})
    assert render_html(node) == '<span class="badge">new</span>'


def test_to_spec_of_text_and_placeholder():
    """Text and placeholder nodes have their own compact specs."""
    from wasmdash.vdom import placeholder, text

    t = text("x")
    t.ref = 7
    p = placeholder()
    p.ref = 8
    assert to_spec(t) == {"ref": 7, "text": "x"}
    assert to_spec(p) == {"ref": 8, "comment": ""}


@pytest.mark.parametrize("value, expected", [(True, ""), ("", ""), (False, None)])
def test_boolean_attr_values(value, expected):
    """disabled accepts True and '' as on, False as off."""
    from wasmdash.vdom import attr_value

    assert attr_value("disabled", value) == expected
