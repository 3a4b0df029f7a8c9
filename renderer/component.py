"""The component base class and its serialization to Dash's JSON shape.

A component class declares its namespace, type name and prop names; an instance holds the props the
user set. ``to_plotly_json()`` gives ``{"type", "namespace", "props"}`` exactly as Dash does, and
:func:`to_json` turns any callback value (components nested in lists and dicts, plotly figures)
into plain JSON-able data.
"""

from __future__ import annotations

import difflib
from typing import Any, ClassVar, Iterable

from ._wire import ComponentJSON

__all__ = ["Component", "make_component_class", "to_json"]

#: Prop-name prefixes accepted on every component, as in Dash (``data-*`` and ``aria-*``).
WILDCARD_PREFIXES = ("data-", "aria-")


class Component:
    """Base class of every html and dcc component.

    Subclasses set ``_namespace``, ``_type`` and ``_prop_names``. The first positional argument is
    ``children`` (when the component has that prop), as in Dash.
    """

    _namespace: ClassVar[str] = ""
    _type: ClassVar[str] = ""
    _prop_names: ClassVar[tuple[str, ...]] = ()
    #: Props given a value when the user does not set one (Dash's defaults that the renderer needs
    #: in the layout, e.g. ``n_clicks=0`` is NOT one: Dash leaves it unset until the first click).
    _defaults: ClassVar[dict[str, Any]] = {}

    #: Props that may be given positionally, in order (Dash's generated signatures); None means
    #: ``("children",)`` when the component has children, else none.
    _positional: ClassVar[tuple[str, ...] | None] = None

    def __init__(self, *args: Any, **props: Any) -> None:
        cls = type(self)
        if args:
            positional = cls._positional
            if positional is None:
                positional = ("children",) if "children" in cls._prop_names else ()
            if len(args) > len(positional):
                allowed = ", ".join(positional) or "none"
                raise TypeError(
                    f"{cls._describe(props.get('id'))} takes at most {len(positional)} positional "
                    f"argument(s) ({allowed}); got {len(args)}. Pass the other props by keyword."
                )
            for name, value in zip(positional, args):
                if name in props:
                    raise TypeError(
                        f"{cls._describe(props.get('id'))} received `{name}` both positionally "
                        "and as a keyword."
                    )
                props[name] = value
        for name in props:
            if name not in cls._prop_names and not name.startswith(WILDCARD_PREFIXES):
                raise TypeError(cls._unexpected_prop_message(name, props.get("id")))
        values = dict(cls._defaults)
        values.update(props)
        object.__setattr__(self, "_props", values)

    # -- attribute access mirrors Dash: component.children, component.id ----------------------
    def __getattr__(self, name: str) -> Any:
        props = self.__dict__.get("_props", {})
        if name in props:
            return props[name]
        if name in type(self)._prop_names:
            return None
        raise AttributeError(f"{type(self).__name__!s} has no prop `{name}`")

    def __setattr__(self, name: str, value: Any) -> None:
        cls = type(self)
        if name not in cls._prop_names and not name.startswith(WILDCARD_PREFIXES):
            raise TypeError(cls._unexpected_prop_message(name, self._props.get("id")))
        self._props[name] = value

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in self._props.items())
        return f"{self._namespace_label()}.{self._type}({inner})"

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._props == self._props  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return id(self)

    def to_plotly_json(self) -> ComponentJSON:
        """This component as Dash's JSON; nested components stay objects (see :func:`to_json`)."""
        return {"type": self._type, "namespace": self._namespace, "props": dict(self._props)}

    def _traverse(self) -> Iterable[Component]:
        """This component and every component below it, depth first."""
        yield self
        stack = [self._props.get("children")]
        while stack:
            value = stack.pop()
            if isinstance(value, Component):
                yield from value._traverse()
            elif isinstance(value, (list, tuple)):
                stack.extend(reversed(value))

    # -- error texts -----------------------------------------------------------------------------
    @classmethod
    def _namespace_label(cls) -> str:
        return {"dash_html_components": "html", "dash_core_components": "dcc"}.get(
            cls._namespace, cls._namespace
        )

    @classmethod
    def _describe(cls, component_id: Any) -> str:
        label = f"{cls._namespace_label()}.{cls._type}"
        return f"{label}(id={component_id!r})" if component_id is not None else label

    @classmethod
    def _unexpected_prop_message(cls, name: str, component_id: Any) -> str:
        message = f"{cls._describe(component_id)} received an unexpected prop `{name}`."
        close = difflib.get_close_matches(name, cls._prop_names, n=1)
        if not close:
            lowered = {p.lower(): p for p in cls._prop_names}
            if name.lower() in lowered:
                close = [lowered[name.lower()]]
        if close:
            message += f"\nDid you mean `{close[0]}`?"
        message += "\nAllowed props: " + ", ".join(sorted(cls._prop_names))
        return message


def make_component_class(
    type_name: str,
    namespace: str,
    prop_names: Iterable[str],
    *,
    doc: str = "",
    defaults: dict[str, Any] | None = None,
    module: str | None = None,
    positional: Iterable[str] | None = None,
) -> type[Component]:
    """Build a component class from a prop table (used by ``html`` and ``dcc``).

    ``positional`` names the props accepted positionally, in order, as Dash's signature has them
    (``dcc.Checklist(options, value, inline)``); by default only ``children``.
    """
    import inspect
    import keyword

    names = tuple(prop_names)
    cls = type(
        type_name,
        (Component,),
        {
            "_namespace": namespace,
            "_type": type_name,
            "_prop_names": names,
            "_defaults": dict(defaults or {}),
            "_positional": tuple(positional) if positional is not None else None,
            "__doc__": doc or f"A {type_name} component.",
            "__module__": module or __name__,
        },
    )
    leading = tuple(positional) if positional is not None else (("children",) if "children" in names else ())
    params = [
        inspect.Parameter(n, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None) for n in leading
    ]
    params += [
        inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY, default=None)
        for n in names
        if n not in leading and n.isidentifier() and not keyword.iskeyword(n)
    ]
    cls.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    return cls


def to_json(value: Any) -> Any:
    """Turn a callback value into plain JSON-able data.

    Components become ``{"type", "namespace", "props"}`` (recursively), tuples become lists, and any
    object with ``to_plotly_json()`` (plotly figures) or ``to_dict()`` is converted through it.
    """
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, Component):
        out = value.to_plotly_json()
        return {**out, "props": {k: to_json(v) for k, v in out["props"].items()}}
    if isinstance(value, dict):
        return {(k if isinstance(k, str) else str(k)): to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    to_plotly = getattr(value, "to_plotly_json", None)
    if callable(to_plotly):
        return to_json(to_plotly())
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_json(to_dict())
    tolist = getattr(value, "tolist", None)  # numpy arrays and scalars
    if callable(tolist):
        return to_json(tolist())
    raise TypeError(f"{type(value).__name__} is not JSON serializable: {value!r:.200}")
