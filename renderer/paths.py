"""The id -> path index of the layout, like dash-renderer's ``paths`` (``strs`` and ``objs``).

String ids map to one path. Dict ids are grouped by their sorted key set (``"index,type"``) in layout
order, so a wildcard spec only scans its own family. When a callback replaces a subtree (new
``children``), :meth:`PathIndex.reindex` drops every entry under that path and indexes the new
subtree; entries found there are appended to their family, as Dash does.
"""

from __future__ import annotations

from typing import Any, Iterator

from ._wire import ComponentId, ComponentJSON, Path
from .layout import walk
from .ids import stringify_id
from .patterns import Reference, exact_id, id_matches, key_string

__all__ = ["PathIndex"]


class PathIndex:
    """Where every component with an id sits in the layout."""

    def __init__(self) -> None:
        self.strs: dict[str, Path] = {}
        self.objs: dict[str, list[tuple[dict[str, Any], Path]]] = {}
        #: stringified dict id -> path, so exact lookups (and MATCH) need no scan
        self.by_str: dict[str, Path] = {}
        #: bumped on every re-index, so callers may cache what they resolved against this index
        self.version = 0

    @classmethod
    def build(cls, layout: ComponentJSON) -> PathIndex:
        """Index a whole layout."""
        index = cls()
        index._add(layout, ())
        return index

    def copy(self) -> PathIndex:
        """A snapshot (the lists are copied, the paths are immutable tuples)."""
        index = PathIndex()
        index.strs = dict(self.strs)
        index.objs = {k: list(v) for k, v in self.objs.items()}
        index.by_str = dict(self.by_str)
        index.version = self.version
        return index

    def _add(self, value: Any, path: Path) -> None:
        for here, component in walk(value, path):
            component_id = component["props"].get("id")
            if isinstance(component_id, dict):
                self.objs.setdefault(key_string(component_id), []).append((component_id, here))
                self.by_str[stringify_id(component_id)] = here
            elif component_id is not None and component_id != "":
                self.strs[str(component_id)] = here

    def reindex(self, value: Any, path: Path) -> None:
        """Forget everything at or below ``path``, then index ``value`` (now at ``path``)."""
        n = len(path)
        self.strs = {k: p for k, p in self.strs.items() if p[:n] != path}
        objs: dict[str, list[tuple[dict[str, Any], Path]]] = {}
        for family, entries in self.objs.items():
            kept = [(i, p) for i, p in entries if p[:n] != path]
            if kept:
                objs[family] = kept
        self.objs = objs
        self.by_str = {k: p for k, p in self.by_str.items() if p[:n] != path}
        self._add(value, path)
        self.version += 1

    def path_of(self, component_id: ComponentId) -> Path | None:
        """The path of a concrete id (string or dict), or None when it is not in the layout."""
        if isinstance(component_id, dict):
            return self.by_str.get(stringify_id(component_id))
        return self.strs.get(str(component_id))

    def find(
        self, pattern: dict[str, Any], reference: Reference | None = None
    ) -> Iterator[tuple[dict[str, Any], Path]]:
        """The (id, path) of every component matching a wildcard pattern, in index order."""
        exact = exact_id(pattern, reference)
        if exact is not None:
            # MATCH against a reference names one id: look it up instead of scanning the family.
            path = self.by_str.get(stringify_id(exact))
            if path is not None:
                yield exact, path
            return
        for found, path in self.objs.get(key_string(pattern), ()):
            if id_matches(pattern, found, reference):
                yield found, path

    def __contains__(self, component_id: object) -> bool:
        return self.path_of(component_id) is not None  # type: ignore[arg-type]

    def string_ids(self) -> list[str]:
        """Every string id in the layout (for error texts)."""
        return list(self.strs)

