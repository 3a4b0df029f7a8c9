"""wasmdash.html: the element table matches Dash's html module names and props."""
from __future__ import annotations

import pytest

from wasmdash import html


def test_every_dash_element_exists():
    """Does html have Dash's ~125 element classes, with Dash's special names?"""
    for name in ["A", "Div", "Span", "Button", "Img", "H1", "H6", "Table", "Tbody", "Tr", "Td", "Th",
                 "Ul", "Li", "Ol", "P", "Pre", "Code", "Label", "Form", "Textarea", "Select", "Option",
                 "Iframe", "Video", "Audio", "Source", "Canvas", "Nav", "Section", "Header", "Footer",
                 "Main", "Article", "Aside", "Details", "Summary", "Br", "Hr", "ObjectEl", "MapEl",
                 "Blockquote", "Figure", "Figcaption", "Progress", "Meter", "Output", "Dialog", "Slot"]:
        assert hasattr(html, name), name
    assert len(html.__all__) >= 120
    assert not hasattr(html, "Object")


def test_type_and_namespace_are_dashs():
    """Does html.Div serialize with Dash's type and namespace?"""
    assert html.Div("x", id="a").to_plotly_json() == {
        "type": "Div", "namespace": "dash_html_components", "props": {"children": "x", "id": "a"}}
    assert html.ObjectEl().to_plotly_json()["type"] == "ObjectEl"


@pytest.mark.parametrize("cls, props", [
    (html.Div, ["children", "id", "className", "style", "n_clicks", "n_clicks_timestamp", "key", "role",
                "disable_n_clicks", "title", "hidden", "tabIndex", "accessKey", "contentEditable", "dir",
                "draggable", "lang", "spellCheck"]),
    (html.A, ["href", "target", "download", "rel", "hrefLang", "referrerPolicy"]),
    (html.Button, ["disabled", "type", "value", "name", "form", "autoFocus", "formAction"]),
    (html.Img, ["src", "alt", "width", "height", "srcSet", "sizes", "crossOrigin"]),
    (html.Td, ["colSpan", "rowSpan", "headers"]),
    (html.Iframe, ["src", "srcDoc", "allow", "sandbox", "width", "height"]),
    (html.Textarea, ["rows", "cols", "placeholder", "readOnly", "required", "maxLength", "wrap"]),
    (html.Option, ["value", "selected", "disabled", "label"]),
    (html.Script, ["async", "defer", "src", "integrity", "crossOrigin"]),
    (html.Label, ["htmlFor"]),
    (html.Video, ["autoPlay", "controls", "loop", "muted", "poster", "src"]),
])
def test_sampled_props_use_dash_spelling(cls, props):
    """Do sampled elements accept exactly Dash's camelCase attribute props?"""
    for prop in props:
        assert prop in cls._prop_names, f"{cls.__name__} lacks {prop}"


def test_data_and_aria_props_are_accepted():
    """Are data-* and aria-* accepted on any element, as in Dash?"""
    div = html.Div(**{"data-x": "1", "aria-label": "y"})
    assert div.to_plotly_json()["props"] == {"data-x": "1", "aria-label": "y"}


def test_unknown_prop_suggests_the_dash_spelling():
    """Does a lowercase attribute get a Did you mean with the camelCase name?"""
    with pytest.raises(TypeError, match=r"html.Div\(id='out'\) received an unexpected prop `classname`.\nDid you mean `className`\?"):
        html.Div(id="out", classname="x")


def test_attribute_not_on_element_is_rejected():
    """Is an attribute of another element (href on Div) refused?"""
    with pytest.raises(TypeError, match="unexpected prop `href`"):
        html.Div(href="/x")
