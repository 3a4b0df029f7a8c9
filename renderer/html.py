"""Dash's ``html`` components (``html.Div``, ``html.Button``, ...), built from ``_html_table``.

Every class is made by :func:`wasmdash.component.make_component_class` with namespace
``dash_html_components`` and type name equal to the class name, as in Dash.
"""

from __future__ import annotations

from ._html_table import CLASS_NAMES, COMMON_PROPS, ELEMENTS, GLOBAL_ATTRIBUTES
from .component import Component, make_component_class

NAMESPACE = "dash_html_components"


def _class_name(tag: str) -> str:
    return CLASS_NAMES.get(tag) or tag[0].upper() + tag[1:]


def _build() -> dict[str, type[Component]]:
    classes: dict[str, type[Component]] = {}
    base = COMMON_PROPS + GLOBAL_ATTRIBUTES
    for tag, attributes in ELEMENTS.items():
        name = _class_name(tag)
        props = base + tuple(a for a in attributes.split() if a not in base)
        classes[name] = make_component_class(
            name, NAMESPACE, props, doc=f"A ``<{tag}>`` HTML element.", module=__name__
        )
    return classes


_CLASSES = _build()
globals().update(_CLASSES)

__all__ = sorted(_CLASSES)
