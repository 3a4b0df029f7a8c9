"""view: DomView renders a layout into op lists and re-renders changed paths as diffs."""
from __future__ import annotations

from test_vdom import H

from wasmdash.vdom import render_layout
from wasmdash.view import DomView


def test_first_render_clears_the_mount_point_and_inserts_one_tree():
    """DomView.render gives a clear then one insert holding the whole spec, with refs."""
    view = DomView()
    ops = view.render(H("Div", [H("Span", "hi", id="s")], id="root"))
    assert ops == [
        ["clear", 0],
        [
            "insert",
            0,
            {"ref": 1, "tag": "div", "attrs": {"id": "root"}, "children": [
                {"ref": 2, "tag": "span", "attrs": {"id": "s"}, "children": [{"ref": 3, "text": "hi"}]},
            ]},
            None,
        ],
    ]
    assert view.nodes[2].path == ("props", "children", 0)


def test_update_rerenders_only_the_given_path():
    """Changing one component's children yields one text op; its siblings are untouched."""
    layout = H("Div", [H("Span", "a", id="s"), H("Span", "b", id="t")], id="root")
    view = DomView()
    view.render(layout)
    layout["props"]["children"][1]["props"]["children"] = "c"
    assert view.update(layout, [("props", "children", 1)]) == [["text", 5, "c"]]
    assert view.nodes[4].path == ("props", "children", 1)


def test_update_of_a_path_inside_an_updated_ancestor_is_not_repeated():
    """Paths below another updated path are covered by it, not diffed twice."""
    layout = H("Div", [H("Span", "a", id="s")], id="root")
    view = DomView()
    view.render(layout)
    layout["props"]["children"][0]["props"]["children"] = "b"
    ops = view.update(layout, [("props", "children", 0), ()])
    assert ops == [["text", 3, "b"]]


def test_update_before_render_renders():
    """An update with nothing rendered yet falls back to a full render."""
    view = DomView()
    ops = view.update(H("Div"), [()])
    assert ops[0] == ["clear", 0]


def test_update_of_a_vanished_path_rerenders_the_nearest_ancestor():
    """If the component at a path is gone (children changed shape), its parent is re-rendered."""
    layout = H("Div", [H("Span", "a", id="s"), H("Span", "b", id="t")], id="root")
    view = DomView()
    view.render(layout)
    layout["props"]["children"] = H("B", "only")
    ops = view.update(layout, [("props", "children", 1)])
    assert sorted(op[0] for op in ops) == ["insert", "remove", "remove"]
    assert view.by_path[("props", "children")].tag == "b"


def test_random_updates_through_the_view_keep_the_page_equal_to_a_fresh_render():
    """Random edits (text, reorder, insert, remove) announced by path: ops turn the page into the new layout."""
    import copy
    import random

    from test_diff import FakeDom, shape_of

    rng = random.Random(99)
    for _ in range(150):
        layout = H("Div", [H("Ul", [H("Li", f"item {k}", id=k) for k in "abcde"], id="list"),
                           H("P", "para", id="p")], id="root")
        view = DomView()
        ops = view.render(layout)
        dom = FakeDom({"ref": 0, "tag": "main"})
        dom.apply(ops[1:])  # skip the initial clear of the mount point
        for _ in range(4):
            kind = rng.choice(["text", "reorder", "insert", "remove", "para"])
            items = layout["props"]["children"][0]["props"]["children"]
            if kind == "text" and items:
                item = rng.choice(items)
                item["props"]["children"] = f"edited {rng.randint(0, 9)}"
                path = ("props", "children", 0, "props", "children", items.index(item))
            elif kind == "reorder":
                rng.shuffle(items)
                path = ("props", "children", 0)
            elif kind == "insert":
                key = f"n{rng.randint(0, 999)}"
                if any(i["props"]["id"] == key for i in items):
                    continue
                items.insert(rng.randint(0, len(items)), H("Li", key, id=key))
                path = ("props", "children", 0)
            elif kind == "remove" and items:
                items.pop(rng.randrange(len(items)))
                path = ("props", "children", 0)
            else:
                layout["props"]["children"][1]["props"]["children"] = rng.choice(["x", ["y", H("B", "z")]])
                path = ("props", "children", 1)
            dom.apply(view.update(layout, [path]))
            expected = render_layout(copy.deepcopy(layout))
            assert dom.shape(dom.root["children"][0]) == shape_of(expected)
