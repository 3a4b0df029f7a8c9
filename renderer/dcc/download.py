"""``dcc.Download`` and the ``dcc.send_*`` helpers: a callback hands the browser a file to save.

Renders nothing. When ``data`` changes (not on mount, as in Dash) the view sends
``["call", "download", [content, filename, is_base64, mime_type]]``; loader.js turns it into a
Blob and clicks a temporary link. ``send_file``/``send_bytes``/``send_string``/``send_data_frame``
build the ``data`` dict a callback returns.
"""

from __future__ import annotations

import base64 as _base64
import io
import os
from typing import Any, Callable

from .._wire import Path
from ..component import make_component_class
from ..vdom import DCC_NAMESPACE, RenderContext, VNode, placeholder, register_rules
from ..view import DomView

__all__ = ["Download", "PROPS", "send_file", "send_bytes", "send_string", "send_data_frame"]

#: Dash's dcc.Download props.
PROPS: dict[str, str] = {
    "id": "element id",
    "data": "{content, filename, base64?, type?}: set by a callback to start a download",
    "base64": "content is base64 (default False; data.base64 wins)",
    "type": "MIME type of the file (default 'text/plain'; data.type wins)",
}

Download = make_component_class("Download", DCC_NAMESPACE, PROPS, doc="Saves a file sent by a callback.", module=__name__)


def render(ctx: RenderContext, props: dict[str, Any], path: Path) -> VNode:
    return placeholder()


def update(view: DomView, node: VNode, old_props: dict[str, Any]) -> None:
    props = node.component or {}
    data = props.get("data")
    if not isinstance(data, dict) or data == old_props.get("data"):
        return
    mime = data["type"] if "type" in data else props.get("type", "text/plain")
    is_base64 = data["base64"] if "base64" in data else bool(props.get("base64", False))
    view.call("download", str(data.get("content", "")), str(data.get("filename", "download")), bool(is_base64), mime)


def send_bytes(src: bytes | Callable[[io.BytesIO], Any], filename: str, type: str | None = None, **kwargs: Any) -> dict[str, Any]:
    """``data`` for bytes, or for a writer called with a binary buffer (and ``kwargs``)."""
    if callable(src):
        buffer = io.BytesIO()
        src(buffer, **kwargs)
        content = buffer.getvalue()
    else:
        content = bytes(src)
    return {"content": _base64.b64encode(content).decode("ascii"), "filename": filename, "type": type, "base64": True}


def send_string(src: str | Callable[[io.StringIO], Any], filename: str, type: str | None = None, **kwargs: Any) -> dict[str, Any]:
    """``data`` for text, or for a writer called with a text buffer (and ``kwargs``)."""
    if callable(src):
        buffer = io.StringIO()
        src(buffer, **kwargs)
        content = buffer.getvalue()
    else:
        content = str(src)
    return {"content": content, "filename": filename, "type": type, "base64": False}


def send_file(path: str | os.PathLike[str], filename: str | None = None, type: str | None = None) -> dict[str, Any]:
    """``data`` for a file on disk (server callbacks), named after it unless ``filename`` is given."""
    with open(path, "rb") as handle:
        content = handle.read()
    return send_bytes(content, filename or os.path.basename(os.fspath(path)), type)


#: pandas writers that produce text; the others (to_excel, to_parquet, to_feather, to_pickle,
#: to_stata...) write bytes.
_TEXT_WRITERS = frozenset(["to_csv", "to_json", "to_html", "to_latex", "to_markdown", "to_string", "to_xml"])


def send_data_frame(writer: Callable[..., Any], filename: str, type: str | None = None, **kwargs: Any) -> dict[str, Any]:
    """``data`` for a DataFrame written by one of its methods: ``send_data_frame(df.to_csv, "d.csv")``."""
    name = getattr(writer, "__name__", "")
    if name in _TEXT_WRITERS:
        return send_string(writer, filename, type, **kwargs)
    return send_bytes(writer, filename, type, **kwargs)


register_rules(DCC_NAMESPACE, "Download", render, update=update)
