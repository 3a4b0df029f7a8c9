"""``dcc.Upload``: click or drop files; their contents arrive as base64 data URLs (Dash semantics).

The file picker and ``FileReader`` exist only on the main thread: loader.js opens the hidden
``<input type=file>`` when the area is clicked, reads chosen or dropped files, and sends one
``upload`` event with ``files: [{name, type, size, last_modified, contents}]``. This rule applies
``accept``, ``max_size`` and ``min_size`` and sets ``contents``, ``filename`` and
``last_modified`` (seconds) - lists when ``multiple``.
"""

from __future__ import annotations

from typing import Any

from .._wire import Path
from ..component import make_component_class
from ..events import EventContext
from ..vdom import DCC_NAMESPACE, RenderContext, VNode, css_dict, element, html_attrs, register_rules

__all__ = ["Upload", "PROPS", "matches_accept"]

#: Dash's dcc.Upload props.
PROPS: dict[str, str] = {
    "id": "element id",
    "contents": "data URL(s) of the uploaded file(s)",
    "filename": "name(s) of the uploaded file(s)",
    "last_modified": "modification time(s), seconds since the epoch",
    "children": "what the drop area shows",
    "accept": "comma-separated types: '.csv', 'image/*', 'text/plain'",
    "disabled": "no uploads",
    "disable_click": "only drag and drop",
    "max_size": "largest file in bytes (-1: no limit)",
    "min_size": "smallest file in bytes",
    "multiple": "several files at once (props become lists)",
    "enable_folder_selection": "accepted (folders are not walked)",
    "className": "class of the drop area",
    "className_active": "accepted",
    "className_reject": "accepted",
    "className_disabled": "class when disabled",
    "style": "style of the drop area",
    "style_active": "accepted",
    "style_reject": "accepted",
    "style_disabled": "style when disabled",
    "loading_state": "Dash bookkeeping",
}

Upload = make_component_class("Upload", DCC_NAMESPACE, PROPS, doc="Upload files by click or drop.", module=__name__)


def render(ctx: RenderContext, props: dict[str, Any], path: Path) -> VNode:
    disabled = bool(props.get("disabled"))
    classes = [props.get("className") or ""]
    style = dict(props.get("style") or {})
    if disabled:
        classes.append(props.get("className_disabled") or "")
        if not props.get("className_disabled"):
            style.update(props.get("style_disabled") or {"opacity": 0.5})
    attrs: dict[str, Any] = {"id": props.get("id"), "className": " ".join(c for c in classes if c) or None}
    if not disabled:
        attrs["data-wasmdash-upload"] = "true"
        if not props.get("disable_click"):
            attrs["data-wasmdash-upload-click"] = "true"
    root = VNode("div", html_attrs(attrs), css_dict(style))
    root.children = ctx.children(props.get("children"), path + ("props", "children"))
    picker = element(
        "input",
        {"type": "file", "accept": props.get("accept"), "multiple": bool(props.get("multiple")),
         "disabled": disabled, "tabIndex": -1, "autoComplete": "off"},
        style={"display": "none"},
        key="picker",
    )
    root.children.append(picker)
    return root


def matches_accept(name: str, mime: str, accept: Any) -> bool:
    """Does a file match an ``accept`` list (extensions, MIME types, ``type/*``), as Dash checks?"""
    if not isinstance(accept, str) or not accept.strip():
        return True
    name, mime = name.lower(), (mime or "").lower()
    for item in (part.strip().lower() for part in accept.split(",")):
        if not item:
            continue
        if item == mime or (item.endswith("/*") and mime.startswith(item[:-1])) or (
            item.startswith(".") and name.endswith(item)
        ):
            return True
    return False


def on_event(ctx: EventContext) -> dict[str, Any] | None:
    props = ctx.props
    if ctx.type != "upload" or props.get("disabled"):
        return None
    files = ctx.event.get("files")
    if not isinstance(files, list):
        return None
    max_size = props.get("max_size", -1)
    min_size = props.get("min_size", 0) or 0
    kept = []
    for item in files:
        if not isinstance(item, dict):
            continue
        size = item.get("size") or 0
        if isinstance(max_size, (int, float)) and max_size >= 0 and size > max_size:
            continue
        if size < min_size:
            continue
        if not matches_accept(str(item.get("name", "")), str(item.get("type", "")), props.get("accept")):
            continue
        kept.append(item)
    if not kept:
        return None
    if not props.get("multiple"):
        kept = kept[:1]
    contents = [item.get("contents") for item in kept]
    names = [item.get("name") for item in kept]
    modified = [(item.get("last_modified") or 0) / 1000 for item in kept]
    ctx.stop()
    if props.get("multiple"):
        return {"contents": contents, "filename": names, "last_modified": modified}
    return {"contents": contents[0], "filename": names[0], "last_modified": modified[0]}


register_rules(DCC_NAMESPACE, "Upload", render, on_event)
