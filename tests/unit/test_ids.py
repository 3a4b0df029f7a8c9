"""ids.py: id stringification and output strings, as Dash writes them."""
from __future__ import annotations

from wasmdash.dependencies import ALL, MATCH
from wasmdash.ids import join_outputs, parse_id, split_outputs, split_prop_id, stringify_id


def test_dict_ids_are_sorted_compact_json():
    """Is a dict id sorted compact JSON, with wildcards as one-item lists?"""
    assert stringify_id({"type": "a", "index": 1}) == '{"index":1,"type":"a"}'
    assert stringify_id({"index": ALL, "type": "a"}) == '{"index":["ALL"],"type":"a"}'
    assert stringify_id({"i": MATCH}) == '{"i":["MATCH"]}'


def test_prop_id_round_trip():
    """Does split_prop_id undo a dict id's stringification?"""
    assert split_prop_id('{"index":1,"type":"a"}.value') == ({"index": 1, "type": "a"}, "value")
    assert parse_id("plain") == "plain"


def test_multi_output_strings():
    """Is the multi-output string Dash's ..a.x...b.y.. form?"""
    text = join_outputs(["a.x", "b.y"], multi=True)
    assert text == "..a.x...b.y.."
    assert split_outputs(text) == ["a.x", "b.y"]
