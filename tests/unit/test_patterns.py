"""patterns: matching dict ids against ALL / MATCH / ALLSMALLER specs."""
from __future__ import annotations

from wasmdash.patterns import (
    Reference,
    compare_values,
    id_matches,
    is_multi,
    is_pattern,
    match_keys,
    wildcard_of,
)


def test_wildcards_are_one_item_lists_on_the_wire():
    """Is ["ALL"] a wildcard and ["x"] or "ALL" not?"""
    assert wildcard_of(["ALL"]) == "ALL"
    assert wildcard_of(["MATCH"]) == "MATCH"
    assert wildcard_of(["x"]) is None
    assert wildcard_of("ALL") is None


def test_pattern_and_multi_and_match_keys():
    """Do is_pattern/is_multi/match_keys read an id spec correctly?"""
    spec = {"type": "item", "index": ["MATCH"], "col": ["ALL"]}
    assert is_pattern(spec) and is_multi(spec)
    assert match_keys(spec) == ("index",)
    assert not is_pattern({"type": "item", "index": 1})
    assert not is_pattern("plain")
    assert not is_multi({"index": ["MATCH"]})


def test_all_matches_any_value_of_the_same_key_set():
    """Does ALL match every value but only ids with exactly the same keys?"""
    spec = {"type": "item", "index": ["ALL"]}
    assert id_matches(spec, {"type": "item", "index": 5})
    assert id_matches(spec, {"type": "item", "index": "x"})
    assert not id_matches(spec, {"type": "other", "index": 5})
    assert not id_matches(spec, {"type": "item", "index": 5, "extra": 1})


def test_literal_values_compare_strictly():
    """Is 1 not equal to True or "1" (JS strict equality)?"""
    assert id_matches({"i": 1}, {"i": 1})
    assert not id_matches({"i": 1}, {"i": True})
    assert not id_matches({"i": 1}, {"i": "1"})


def test_match_follows_the_reference_value():
    """Does MATCH accept only the reference's value at that key?"""
    ref = Reference({"type": "in", "index": ["MATCH"]}, {"type": "in", "index": 3})
    spec = {"type": "out", "index": ["MATCH"]}
    assert id_matches(spec, {"type": "out", "index": 3}, ref)
    assert not id_matches(spec, {"type": "out", "index": 4}, ref)


def test_allsmaller_accepts_values_before_the_reference():
    """Does ALLSMALLER accept smaller values only, in Dash's order?"""
    ref = Reference({"index": ["MATCH"]}, {"index": 2})
    spec = {"index": ["ALLSMALLER"]}
    assert id_matches(spec, {"index": 0}, ref)
    assert id_matches(spec, {"index": "1"}, ref)  # numeric strings are numbers
    assert not id_matches(spec, {"index": 2}, ref)
    assert not id_matches(spec, {"index": 7}, ref)


def test_dash_value_order_numbers_then_booleans_then_strings():
    """Is the order numbers < booleans (false < true) < strings?"""
    assert compare_values(10, "2") == 1
    assert compare_values(5, False) == -1
    assert compare_values(False, True) == -1
    assert compare_values(True, "a") == -1
    assert compare_values("a", "b") == -1


def test_reference_key_names_the_match_values():
    """Does a reference's key differ per MATCH value and ignore non-MATCH keys?"""
    a = Reference({"index": ["MATCH"], "t": "x"}, {"index": 1, "t": "x"})
    b = Reference({"index": ["MATCH"], "t": "x"}, {"index": 2, "t": "x"})
    assert a.key != b.key
    assert Reference({"index": ["ALL"]}, {"index": 1}).key == ""
