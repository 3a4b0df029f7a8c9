"""Dash core components: ``from wasmdash import dcc; dcc.Input(id="x")``.

Each component lives in its own module (``wasmdash.dcc.input`` ...) with its prop table at the top,
its render rule and its event rule. Modules are imported on first use, so the page pays only for the
components its layout contains.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

#: Every component and helper wasmdash's dcc has.
__all__ = [
    "Input", "Textarea", "Checklist", "RadioItems", "Dropdown", "Slider", "RangeSlider", "Store",
    "Interval", "Location", "Link", "Markdown", "Loading", "Tabs", "Tab", "ConfirmDialog",
    "ConfirmDialogProvider", "Upload", "Download", "Graph", "DatePickerSingle", "DatePickerRange",
    "Clipboard", "Tooltip",
    "send_file", "send_bytes", "send_string", "send_data_frame",
    "module_for",
]

#: Component type -> the module of this package that defines it.
_MODULES: dict[str, str] = {
    "Input": "input",
    "Textarea": "textarea",
    "Checklist": "checklist",
    "RadioItems": "radioitems",
    "Dropdown": "dropdown",
    "Slider": "slider",
    "RangeSlider": "slider",
    "Store": "store",
    "Interval": "interval",
    "Location": "location",
    "Link": "link",
    "Markdown": "markdown",
    "Loading": "loading",
    "Tabs": "tabs",
    "Tab": "tabs",
    "ConfirmDialog": "confirmdialog",
    "ConfirmDialogProvider": "confirmdialog",
    "Upload": "upload",
    "Download": "download",
    "Graph": "graph",
    "DatePickerSingle": "datepicker",
    "DatePickerRange": "datepicker",
    "Clipboard": "clipboard",
    "Tooltip": "tooltip",
    "_DocumentTitle": "_document_title",  # internal: the document title of Dash Pages
}

#: Functions of ``dash.dcc`` -> the module defining them.
_FUNCTIONS: dict[str, str] = {
    "send_file": "download",
    "send_bytes": "download",
    "send_string": "download",
    "send_data_frame": "download",
}


def module_for(type_name: str) -> str | None:
    """The module name (inside ``wasmdash.dcc``) defining ``type_name``, if wasmdash has it."""
    module = _MODULES.get(type_name)
    if module is None:
        return None
    if importlib.util.find_spec(f"{__name__}.{module}") is None:
        return None  # listed but not written yet
    return module


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name) or _FUNCTIONS.get(name)
    if module is None:
        raise AttributeError(f"module 'wasmdash.dcc' has no attribute {name!r}")
    try:
        loaded = importlib.import_module(f"{__name__}.{module}")
    except ModuleNotFoundError as exc:
        raise AttributeError(f"dcc.{name} is not available in wasmdash yet") from exc
    return getattr(loaded, name)


def __dir__() -> list[str]:
    return sorted(__all__)
