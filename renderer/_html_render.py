"""VNodes as HTML text: the host's first render of a layout (``render_html``).

The host serves the page with the layout already drawn, from the same VNodes
(:func:`wasmdash.vdom.render_layout`) the page later diffs, so the page's first render can adopt
those nodes (the ``hydrate`` op) instead of building them again. Only the host needs this module.
"""

from __future__ import annotations

import html as _html

from .vdom import BOOLEAN_ATTRS, COMMENT, TEXT, VNode, _text_of

__all__ = ["render_html"]

VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
_RAW_TEXT = frozenset(["script", "style"])


def render_html(node: VNode) -> str:
    """The same VNodes as an HTML string (first render on the host)."""
    parts: list[str] = []
    _html_into(node, parts, raw=False)
    return "".join(parts)


def _html_into(node: VNode, parts: list[str], raw: bool) -> None:
    if node.tag == TEXT:
        parts.append(node.text if raw else _html.escape(node.text, quote=False))
        return
    if node.tag == COMMENT:
        parts.append("<!---->")
        return
    attrs = dict(node.attrs)
    # DOM properties that have an attribute form, so the HTML shows the same state.
    for name, value in node.props.items():
        if name in ("value", "defaultValue") and node.tag != "textarea" and node.tag != "select":
            if value is not None:
                attrs["value"] = _text_of(value)
        elif name in ("checked", "selected"):
            if value:
                attrs[name] = ""
            else:
                attrs.pop(name, None)
    if node.style:
        attrs["style"] = _css_text(node.style)
    parts.append("<" + node.tag)
    for name, value in attrs.items():
        if value == "" and name in BOOLEAN_ATTRS:
            parts.append(" " + name)
        else:
            parts.append(f' {name}="{_html.escape(value, quote=True)}"')
    parts.append(">")
    if node.tag in VOID_TAGS:
        return
    inner = node.props.get("innerHTML")
    if isinstance(inner, str):
        parts.append(inner)  # trusted markup (dcc.Markdown with dangerously_allow_html)
        parts.append(f"</{node.tag}>")
        return
    if node.tag == "textarea" and node.props.get("value") is not None:
        parts.append(_html.escape(_text_of(node.props["value"]), quote=False))
    previous_text = False
    for child in node.children:
        is_text = child.tag == TEXT
        if is_text and previous_text:
            parts.append("<!---->")  # keeps adjacent text nodes apart when the HTML is parsed
        previous_text = is_text
        _html_into(child, parts, raw or node.tag in _RAW_TEXT)
    parts.append(f"</{node.tag}>")


def _css_text(style: dict[str, str]) -> str:
    """``{css-name: css-text}`` as a ``style`` attribute's text."""
    return "; ".join(f"{k}: {v}" for k, v in style.items())
