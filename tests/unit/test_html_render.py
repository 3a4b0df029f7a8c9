"""_html_render: VNodes as the HTML the host serves for the first render."""
from __future__ import annotations

from test_vdom import H

from wasmdash._html_render import render_html
from wasmdash.vdom import render_layout


def test_render_html_escapes_text_and_attributes():
    """Text and attribute values are escaped; void elements have no end tag."""
    node = render_layout(H("Div", ["<b>&", H("Br"), H("Img", src='a"b')], title="x<y"))
    assert render_html(node) == '<div title="x&lt;y">&lt;b&gt;&amp;<br><img src="a&quot;b"></div>'


def test_render_html_separates_adjacent_text_nodes():
    """Adjacent text children stay separate nodes when the HTML is parsed back."""
    assert render_html(render_layout(H("P", ["a", 1]))) == "<p>a<!---->1</p>"


def test_render_html_includes_style_and_boolean_attributes():
    """Styles are serialized as CSS text; boolean attributes are bare."""
    node = render_layout(H("Button", "Go", disabled=True, style={"color": "red", "padding": 2}))
    assert render_html(node) == '<button disabled style="color: red; padding: 2px">Go</button>'
