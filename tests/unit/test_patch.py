"""Patch: recorded operations serialize as Dash's patch JSON, and apply_patch applies them."""
from __future__ import annotations

import asyncio

import pytest

from wasmdash import Dash, Input, Output, Patch, html
from wasmdash.component import to_json
from wasmdash.patch import PatchError, apply_patch, is_patch


def ops(patch):
    data = to_json(patch)
    assert data["__dash_patch_update"] == "__dash_patch_update"
    return data["operations"]


def test_item_and_attribute_assignment():
    """Do p["a"][0] = 1 and p.b = 2 record Assign at the right locations?"""
    p = Patch()
    p["a"][0] = 1
    p.b = 2
    assert ops(p) == [
        {"operation": "Assign", "location": ["a", 0], "params": {"value": 1}},
        {"operation": "Assign", "location": ["b"], "params": {"value": 2}},
    ]


def test_list_methods():
    """Do append/prepend/insert/extend/remove/clear/reverse record Dash's operations?"""
    p = Patch()
    p.append(1)
    p.prepend(0)
    p.insert(1, "x")
    p.extend([7, 8])
    p.remove(8)
    p["inner"].clear()
    p.reverse()
    assert [(o["operation"], o["location"], o["params"]) for o in ops(p)] == [
        ("Append", [], {"value": 1}), ("Prepend", [], {"value": 0}), ("Insert", [], {"value": "x", "index": 1}),
        ("Extend", [], {"value": [7, 8]}), ("Remove", [], {"value": 8}), ("Clear", ["inner"], {}),
        ("Reverse", [], {}),
    ]


def test_inplace_operators_and_delete():
    """Do +=, -=, *=, /=, |= and del record one operation each (not an Assign too)?"""
    p = Patch()
    p["n"] += 2
    p["n"] -= 1
    p["n"] *= 3
    p["n"] /= 2
    p["d"] |= {"k": 1}
    p["l"] += [1, 2]
    del p["gone"]
    del p.other
    assert [(o["operation"], o["location"]) for o in ops(p)] == [
        ("Add", ["n"]), ("Sub", ["n"]), ("Mul", ["n"]), ("Div", ["n"]), ("Merge", ["d"]), ("Extend", ["l"]),
        ("Delete", ["gone"]), ("Delete", ["other"])]


def test_patch_is_write_only_and_rejects_slices():
    """Is iterating a Patch or slicing it a TypeError?"""
    with pytest.raises(TypeError, match="write-only"):
        list(Patch())
    with pytest.raises(TypeError, match="slice"):
        Patch()[1:2] = [1]


def test_components_inside_a_patch_serialize():
    """Are components appended through a Patch turned into component JSON?"""
    p = Patch()
    p.append(html.Li("x"))
    assert ops(p)[0]["params"]["value"] == {"type": "Li", "namespace": "dash_html_components",
                                            "props": {"children": "x"}}


def test_apply_patch_round_trip():
    """Does apply_patch give what the operations say, without changing the input?"""
    p = Patch()
    p["items"].append(3)
    p["items"].prepend(0)
    p["items"].insert(-1, 2.5)
    p["count"] += 5
    p["meta"].update({"b": 2})
    p["items"].remove(1)
    p["new"]["deep"] = "x"
    del p["old"]
    p["rev"].reverse()
    p["emptied"].clear()
    p["items"][-1] = 4
    before = {"items": [1, 2], "count": 1, "meta": {"a": 1}, "old": True, "rev": [1, 2], "emptied": [1]}
    snapshot = {k: (list(v) if isinstance(v, list) else dict(v) if isinstance(v, dict) else v) for k, v in before.items()}
    after = apply_patch(before, to_json(p))
    assert after == {"items": [0, 2, 2.5, 4], "count": 6, "meta": {"a": 1, "b": 2}, "new": {"deep": "x"},
                     "rev": [2, 1], "emptied": []}
    assert before == snapshot


def test_apply_patch_arithmetic_and_errors():
    """Do Sub/Mul/Div work on numbers, and does Append to a number raise PatchError?"""
    p = Patch()
    p -= 1
    p *= 4
    p /= 2
    assert apply_patch(3, to_json(p)) == 4
    bad = Patch()
    bad.append(1)
    with pytest.raises(PatchError, match="expected a list"):
        apply_patch(5, to_json(bad))
    with pytest.raises(PatchError, match="Invalid Patch operation 'Nope'"):
        apply_patch([], {"__dash_patch_update": "__dash_patch_update",
                         "operations": [{"operation": "Nope", "location": [], "params": {}}]})


def test_is_patch():
    assert is_patch(to_json(Patch())) and not is_patch({"a": 1})


def test_callback_returning_patch_sends_patch_json():
    """Does a callback's Patch reach the response as patch JSON for the page to apply?"""
    app = Dash(__name__)
    app.layout = html.Div([html.Button(id="add"), html.Ul(id="list")])

    @app.callback(Output("list", "children"), Input("add", "n_clicks"))
    def add(n):
        p = Patch()
        p.append(html.Li(f"item {n}"))
        return p

    body = {"output": "list.children", "outputs": {"id": "list", "property": "children"},
            "inputs": [{"id": "add", "property": "n_clicks", "value": 1}]}
    value = asyncio.run(app.dispatch(body)).body["response"]["list"]["children"]
    assert is_patch(value)
    assert apply_patch([], value) == [{"type": "Li", "namespace": "dash_html_components",
                                       "props": {"children": "item 1"}}]
