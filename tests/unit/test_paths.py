"""paths: the id -> path index, string and dict ids, re-indexed per subtree."""
from __future__ import annotations

from fakes import comp

from wasmdash.paths import PathIndex
from wasmdash.patterns import Reference


def item(i, kind="item"):
    return comp("Div", {"type": kind, "index": i})


def test_string_and_dict_ids_are_indexed():
    """Are string ids and dict ids both found by path_of?"""
    layout = comp("Div", "root", [comp("Span", "a"), item(1)])
    index = PathIndex.build(layout)
    assert index.path_of("root") == ()
    assert index.path_of("a") == ("props", "children", 0)
    assert index.path_of({"index": 1, "type": "item"}) == ("props", "children", 1)
    assert index.path_of("missing") is None
    assert index.path_of({"index": 2, "type": "item"}) is None


def test_reindex_forgets_the_old_subtree_and_adds_the_new():
    """After children change, are old ids gone and new ids found under the same path?"""
    layout = comp("Div", "root", [comp("Div", "box", [comp("Span", "old"), item(1)])])
    index = PathIndex.build(layout)
    new_children = [comp("Span", "new"), item(2)]
    layout["props"]["children"][0]["props"]["children"] = new_children
    index.reindex(new_children, ("props", "children", 0, "props", "children"))
    assert index.path_of("old") is None
    assert index.path_of({"index": 1, "type": "item"}) is None
    assert index.path_of("new") == ("props", "children", 0, "props", "children", 0)
    assert index.path_of("box") == ("props", "children", 0)
    assert index.path_of({"index": 2, "type": "item"}) is not None


def test_find_wildcard_all_returns_the_family_in_order():
    """Does an ALL pattern find every id of its key set, and nothing of another family?"""
    layout = comp("Div", children=[item(1), item(2), item(3, "other"), comp("Div", {"index": 1})])
    index = PathIndex.build(layout)
    found = [i for i, _ in index.find({"type": "item", "index": ["ALL"]})]
    assert found == [{"type": "item", "index": 1}, {"type": "item", "index": 2}]


def test_find_match_and_allsmaller_against_a_reference():
    """Does MATCH pick the reference's value and ALLSMALLER the smaller ones?"""
    layout = comp("Div", children=[item(0), item(1), item(2), item(3)])
    index = PathIndex.build(layout)
    ref = Reference({"type": "item", "index": ["MATCH"]}, {"type": "item", "index": 2})
    match = [i["index"] for i, _ in index.find({"type": "item", "index": ["MATCH"]}, ref)]
    smaller = [i["index"] for i, _ in index.find({"type": "item", "index": ["ALLSMALLER"]}, ref)]
    assert match == [2]
    assert smaller == [0, 1]


def test_copy_is_independent():
    """Does a copy keep its entries when the original is re-indexed?"""
    layout = comp("Div", "root", [comp("Span", "a")])
    index = PathIndex.build(layout)
    snapshot = index.copy()
    index.reindex([], ("props", "children"))
    assert snapshot.path_of("a") == ("props", "children", 0)
    assert index.path_of("a") is None
