"""``dcc.Markdown``: CommonMark (plus GitHub tables and strikethrough) rendered to DOM nodes.

Parsing uses ``markdown-it-py`` (pure Python, CommonMark compliant), imported the first time a
Markdown component renders. Its token stream becomes VNodes directly - no HTML string is parsed by
the browser, so diffs stay small and ``render_html`` gives the same markup. Raw HTML in the text is
shown as text unless ``dangerously_allow_html=True``, as in Dash.
"""

from __future__ import annotations

import textwrap
from typing import Any

from .._wire import Path
from ..component import make_component_class
from ..vdom import DCC_NAMESPACE, RenderContext, VNode, css_dict, element, html_attrs, register_rules, text

__all__ = ["Markdown", "PROPS", "markdown_nodes"]

#: Dash's dcc.Markdown props.
PROPS: dict[str, str] = {
    "id": "element id of the wrapping div",
    "children": "the Markdown text (a list of strings is joined with newlines)",
    "className": "class of the wrapping div",
    "style": "style of the wrapping div",
    "dangerously_allow_html": "render raw HTML found in the text (default False: shown as text)",
    "link_target": "target attribute for every link (e.g. '_blank')",
    "dedent": "remove common leading whitespace first (default True)",
    "mathjax": "accepted; math is shown as written",
    "highlight_config": "accepted; code blocks get a language-* class, no colouring",
    "key": "diff key",
    "loading_state": "Dash bookkeeping",
}

Markdown = make_component_class(
    "Markdown", DCC_NAMESPACE, PROPS, doc="Renders Markdown text as HTML.", module=__name__
)

_PARSERS: dict[bool, Any] = {}


def _parser(allow_html: bool) -> Any:
    parser = _PARSERS.get(allow_html)
    if parser is None:
        from markdown_it import MarkdownIt

        parser = MarkdownIt("commonmark", {"html": allow_html}).enable(["table", "strikethrough"])
        _PARSERS[allow_html] = parser
    return parser


def _source(children: Any, dedent: bool) -> str:
    if isinstance(children, (list, tuple)):
        source = "\n".join(str(c) for c in children if c is not None)
    elif children is None:
        source = ""
    else:
        source = str(children)
    return textwrap.dedent(source) if dedent else source


def markdown_nodes(source: str, *, allow_html: bool = False, link_target: str | None = None) -> list[VNode]:
    """VNodes for a Markdown text (raises ImportError without markdown-it-py)."""
    tokens = _parser(allow_html).parse(source)
    root = element("div")
    _build(tokens, root, allow_html, link_target)
    return root.children


def _attrs(token: Any, link_target: str | None) -> dict[str, Any]:
    attrs = {str(k): v for k, v in (token.attrs or {}).items()}
    if token.tag == "a" and link_target:
        attrs["target"] = link_target
    if token.tag in ("th", "td") and "style" in attrs:
        # markdown-it aligns table cells with style="text-align:..."
        return {k: v for k, v in attrs.items() if k != "style"} | {"__style": attrs["style"]}
    return attrs


def _open(token: Any, link_target: str | None) -> VNode:
    attrs = _attrs(token, link_target)
    style_text = attrs.pop("__style", None)
    node = element(token.tag, attrs)
    if isinstance(style_text, str) and ":" in style_text:
        name, _, value = style_text.partition(":")
        node.style = {name.strip(): value.strip()}
    return node


def _build(tokens: list[Any], parent: VNode, allow_html: bool, link_target: str | None) -> None:
    stack = [parent]
    for token in tokens:
        top = stack[-1]
        if token.nesting == 1:
            if token.hidden:  # tight list paragraphs: no <p>
                stack.append(top)
                continue
            node = _open(token, link_target)
            top.children.append(node)
            stack.append(node)
        elif token.nesting == -1:
            stack.pop()
        elif token.type == "inline":
            _build(token.children or [], top, allow_html, link_target)
        else:
            top.children.extend(_leaf(token, allow_html, link_target))


def _leaf(token: Any, allow_html: bool, link_target: str | None) -> list[VNode]:
    kind = token.type
    if kind == "text":
        return [text(token.content)]
    if kind == "softbreak":
        return [text("\n")]
    if kind == "hardbreak":
        return [element("br")]
    if kind == "code_inline":
        return [element("code", children=[token.content])]
    if kind in ("fence", "code_block"):
        language = (token.info or "").strip().split(" ")[0]
        code = element("code", {"className": f"language-{language}" if language else None}, [token.content])
        return [element("pre", children=[code])]
    if kind == "hr":
        return [element("hr")]
    if kind == "image":
        alt = "".join(child.content for child in (token.children or []))
        attrs = _attrs(token, None)
        attrs["alt"] = alt
        return [element("img", attrs)]
    if kind in ("html_block", "html_inline"):
        return [text(token.content)]  # only reached with raw HTML off (see render)
    return [text(token.content)] if token.content else []


def _has_raw_html(source: str) -> bool:
    return any(t.type in ("html_block", "html_inline") or any(c.type == "html_inline" for c in (t.children or []))
               for t in _parser(True).parse(source))


def render(ctx: RenderContext, props: dict[str, Any], path: Path) -> VNode:
    extra = props.get("className")
    root = VNode(
        "div",
        html_attrs({"id": props.get("id"), "className": "dash-markdown" + (f" {extra}" if extra else "")}),
        css_dict(props.get("style")),
    )
    dedent = props.get("dedent", True) is not False
    source = _source(props.get("children"), dedent)
    allow_html = bool(props.get("dangerously_allow_html"))
    try:
        if allow_html and _has_raw_html(source):
            # Raw HTML tags may open in one token and close in another: the browser has to parse
            # the whole document. Links then keep their own targets (link_target is not applied).
            root.props["innerHTML"] = _parser(True).render(source)
            return root
        root.children = markdown_nodes(
            source,
            allow_html=allow_html,
            link_target=props.get("link_target") if isinstance(props.get("link_target"), str) else None,
        )
    except ImportError:
        ctx.report(
            f"dcc.Markdown(id={props.get('id')!r}) needs the markdown-it-py package in the page runtime; "
            "showing the text as written."
        )
        root.children = [element("pre", children=[source])]
    return root


register_rules(DCC_NAMESPACE, "Markdown", render)
