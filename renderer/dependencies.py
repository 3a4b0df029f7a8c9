"""``Input``, ``Output``, ``State``, ``ClientsideFunction`` and the wildcards ``ALL``, ``MATCH``,
``ALLSMALLER``, with Dash's names, serialization and equality."""

from __future__ import annotations

from enum import Enum
from typing import Any, ClassVar

from .ids import stringify_id

__all__ = [
    "Wildcard",
    "ALL",
    "MATCH",
    "ALLSMALLER",
    "DashDependency",
    "Input",
    "Output",
    "State",
    "ClientsideFunction",
]


class Wildcard(Enum):
    """A pattern-matching wildcard inside a dict id; on the wire ``["ALL"]`` etc."""

    MATCH = "MATCH"
    ALL = "ALL"
    ALLSMALLER = "ALLSMALLER"

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return f"<{self.value}>"

    def to_json(self) -> str:
        """The JSON text of this wildcard inside a stringified id: ``["ALL"]``."""
        return f'["{self.value}"]'


MATCH = Wildcard.MATCH
ALL = Wildcard.ALL
ALLSMALLER = Wildcard.ALLSMALLER
_Wildcard = Wildcard  # Dash's old private name, still imported by some third-party packages


def _component_id(component_id: Any) -> Any:
    """A component passed as the id stands for its ``id`` (given one if it has none, as Dash)."""
    from .component import Component

    if isinstance(component_id, Component):
        existing = component_id._props.get("id")
        if existing is None:
            import uuid

            existing = str(uuid.uuid4())
            component_id._props["id"] = existing
        return existing
    return component_id


class DashDependency:
    """One ``component_id.component_property`` a callback reads or writes."""

    allowed_wildcards: ClassVar[tuple[Wildcard, ...]] = ()

    def __init__(self, component_id: Any, component_property: str) -> None:
        self.component_id = _component_id(component_id)
        self.component_property = component_property
        self.allow_duplicate = False
        self.allow_optional = False

    def __str__(self) -> str:
        return f"{self.component_id_str()}.{self.component_property}"

    def __repr__(self) -> str:
        return f"<{type(self).__name__} `{self}`>"

    def component_id_str(self) -> str:
        """The id as Dash's wire string (dict ids as sorted compact JSON)."""
        return stringify_id(self.component_id)

    def to_dict(self) -> dict[str, Any]:
        """``{"id", "property"}`` (plus ``allow_optional``) as in ``_dash-dependencies``."""
        spec: dict[str, Any] = {"id": self.component_id_str(), "property": self.component_property}
        if self.allow_optional:
            spec["allow_optional"] = True
        return spec

    def __eq__(self, other: object) -> bool:
        """Same prop on (for wildcards: at least one of) the same components, as in Dash."""
        return (
            isinstance(other, DashDependency)
            and self.component_property == other.component_property
            and self._id_matches(other)
        )

    def _id_matches(self, other: DashDependency) -> bool:
        mine, theirs = self.component_id, other.component_id
        if isinstance(mine, dict) != isinstance(theirs, dict):
            return False
        if not isinstance(mine, dict):
            return mine == theirs
        if set(mine) != set(theirs):
            return False
        for key, value in mine.items():
            other_value = theirs[key]
            if value == other_value:
                continue
            wild, other_wild = isinstance(value, Wildcard), isinstance(other_value, Wildcard)
            if not (wild or other_wild):
                return False
            if not (wild and other_wild):
                continue  # a wildcard matches a concrete value
            if ALL in (value, other_value):
                continue
            if MATCH in (value, other_value):
                return False  # MATCH against ALLSMALLER
        return True

    def __hash__(self) -> int:
        return hash(str(self))

    def has_wildcard(self) -> bool:
        """True when the id is a dict holding ``MATCH``, ``ALL`` or ``ALLSMALLER``."""
        return isinstance(self.component_id, dict) and any(
            isinstance(v, Wildcard) for v in self.component_id.values()
        )


class Output(DashDependency):
    """A prop a callback sets. ``allow_duplicate=True`` lets several callbacks set it."""

    allowed_wildcards = (MATCH, ALL)

    def __init__(self, component_id: Any, component_property: str, allow_duplicate: bool = False) -> None:
        super().__init__(component_id, component_property)
        self.allow_duplicate = allow_duplicate


class Input(DashDependency):
    """A prop whose change runs the callback. ``allow_optional=True``: None when absent."""

    allowed_wildcards = (MATCH, ALL, ALLSMALLER)

    def __init__(self, component_id: Any, component_property: str, allow_optional: bool = False) -> None:
        super().__init__(component_id, component_property)
        self.allow_optional = allow_optional


class State(DashDependency):
    """A prop the callback reads without being triggered by it."""

    allowed_wildcards = (MATCH, ALL, ALLSMALLER)

    def __init__(self, component_id: Any, component_property: str, allow_optional: bool = False) -> None:
        super().__init__(component_id, component_property)
        self.allow_optional = allow_optional


class ClientsideFunction:
    """A browser-side callback: ``window.dash_clientside[namespace][function_name]``."""

    def __init__(self, namespace: str, function_name: str) -> None:
        if namespace.startswith("_dashprivate_"):
            raise ValueError(f"ClientsideFunction namespace {namespace!r} may not start with '_dashprivate_'.")
        if namespace in ("PreventUpdate", "no_update"):
            raise ValueError(f"{namespace!r} is a reserved name in dash_clientside; pick another namespace.")
        self.namespace = namespace
        self.function_name = function_name

    def __repr__(self) -> str:
        return f"ClientsideFunction({self.namespace}, {self.function_name})"

    def to_dict(self) -> dict[str, str]:
        return {"namespace": self.namespace, "function_name": self.function_name}
