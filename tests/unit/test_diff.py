"""diff: two VNode trees -> the DOM operations between them, tested by the ops asked for."""
from __future__ import annotations

from wasmdash.diff import diff
from wasmdash.vdom import DomView, element, render_layout, text


def H(type_name, children=None, **props):
    if children is not None:
        props["children"] = children
    return {"type": type_name, "namespace": "dash_html_components", "props": props}


def rendered(node):
    """Give every node of a tree a ref, as if it had been inserted into the page."""
    for i, each in enumerate(node.walk(), start=1):
        each.ref = i
    return node


def keyed_list(*keys):
    return render_layout(H("Ul", [H("Li", k, id=k) for k in keys]))


def ref_of(tree, key):
    return next(c.ref for c in tree.children if c.key == key)


def test_identical_trees_need_no_ops():
    """Does an unchanged tree produce no work?"""
    old = rendered(keyed_list("a", "b"))
    assert diff(old, keyed_list("a", "b")) == []


def test_moving_one_keyed_child_is_one_move():
    """Does reordering keyed children move one node instead of rebuilding the list?"""
    old = rendered(keyed_list("b", "c", "d", "a"))
    new = keyed_list("a", "b", "c", "d")
    assert diff(old, new) == [["move", old.ref, ref_of(old, "a"), ref_of(old, "b")]]


def test_moving_the_first_keyed_child_to_the_end_is_one_move():
    """a b c d -> b c d a: one move, appended (before None)."""
    old = rendered(keyed_list("a", "b", "c", "d"))
    assert diff(old, keyed_list("b", "c", "d", "a")) == [["move", old.ref, ref_of(old, "a"), None]]


def test_kept_nodes_keep_their_refs():
    """The new tree takes the old refs, so the page's ref map stays valid."""
    old = rendered(keyed_list("a", "b"))
    new = keyed_list("b", "a")
    diff(old, new)
    assert [c.ref for c in new.children] == [ref_of(old, "b"), ref_of(old, "a")]


def test_removing_a_keyed_child_is_one_remove():
    """Dropping the middle item removes just that node."""
    old = rendered(keyed_list("a", "b", "c"))
    assert diff(old, keyed_list("a", "c")) == [["remove", ref_of(old, "b")]]


def test_inserting_a_keyed_child_inserts_before_its_next_sibling():
    """A new item is built once and inserted before the node that follows it."""
    old = rendered(keyed_list("a", "c"))
    new = keyed_list("a", "b", "c")
    ops = diff(old, new)
    assert len(ops) == 1
    op, parent, spec, before = ops[0]
    assert (op, parent, before) == ("insert", old.ref, ref_of(old, "c"))
    assert spec["tag"] == "li" and spec["attrs"] == {"id": "b"}
    assert spec["ref"] > max(n.ref for n in old.walk())


def test_text_change_is_one_text_op():
    """Changing text reuses the text node."""
    old = rendered(render_layout(H("P", "before")))
    assert diff(old, render_layout(H("P", "after"))) == [["text", 2, "after"]]


def test_attribute_changes_are_set_and_removed():
    """Changed attributes are set, vanished ones removed, unchanged ones left alone."""
    old = rendered(render_layout(H("Div", className="a", title="t", id="d")))
    new = render_layout(H("Div", className="b", id="d"))
    assert diff(old, new) == [["setAttr", 1, "class", "b"], ["removeAttr", 1, "title"]]


def test_style_changes_are_one_op_per_node():
    """Style changes for one node come as one op naming each changed property."""
    old = rendered(render_layout(H("Div", style={"color": "red", "width": 10})))
    new = render_layout(H("Div", style={"color": "blue"}))
    assert diff(old, new) == [["style", 1, {"color": "blue", "width": None}]]


def test_changed_tag_replaces_the_subtree():
    """A Div becoming a Span is rebuilt with a replace op."""
    old = rendered(render_layout(H("Div", "x")))
    ops = diff(old, render_layout(H("Span", "x")))
    assert [op[0] for op in ops] == ["replace"]
    assert ops[0][1] == 1 and ops[0][2]["tag"] == "span"


def test_changed_child_tag_is_remove_and_insert():
    """A child Div becoming a Span: the old one goes, the new one comes."""
    old = rendered(render_layout(H("Div", [H("Div", "x")])))
    ops = diff(old, render_layout(H("Div", [H("Span", "x")])))
    assert [op[0] for op in ops] == ["remove", "insert"]


def test_unkeyed_children_match_by_tag_in_order():
    """Appending an unkeyed child does not disturb the existing ones."""
    old = rendered(render_layout(H("Div", [H("P", "1"), H("P", "2")])))
    ops = diff(old, render_layout(H("Div", [H("P", "1"), H("P", "2"), H("P", "3")])))
    assert len(ops) == 1 and ops[0][0] == "insert" and ops[0][3] is None


def test_only_changed_subtree_is_visited_by_update():
    """DomView.update diffs the given path only: a sibling's stale layout is not rendered."""
    layout = H("Div", [H("Span", "a", id="s"), H("Span", "b", id="t")], id="root")
    view = DomView()
    view.render(layout)
    layout["props"]["children"][0]["props"]["children"] = "A"
    layout["props"]["children"][1]["props"]["children"] = "B"  # not announced: must not be diffed
    assert view.update(layout, [("props", "children", 0)]) == [["text", 3, "A"]]


def test_reordered_children_through_the_view_update_paths():
    """After a keyed reorder via DomView, component paths follow the new positions."""
    layout = H("Ul", [H("Li", "a", id="a"), H("Li", "b", id="b")], id="list")
    view = DomView()
    view.render(layout)
    layout["props"]["children"].reverse()
    ops = view.update(layout, [()])
    assert [op[0] for op in ops] == ["move"]
    ref_b = next(ref for ref, node in view.nodes.items() if node.key == "b")
    assert view.nodes[ref_b].path == ("props", "children", 0)
    assert view.by_path[("props", "children", 0)].key == "b"


def test_dom_prop_change_is_set_prop():
    """A changed DOM property (an input's value) is written with setProp."""
    old = element("input", props={"value": "a"})
    old.ref = 1
    new = element("input", props={"value": "b"})
    assert diff(old, new) == [["setProp", 1, "value", "b"]]


def test_new_children_in_empty_parent_are_inserted_in_order():
    """Filling an empty list inserts each child, each before the one after it."""
    old = rendered(element("ul"))
    new = element("ul", children=[element("li", key="a"), element("li", key="b")])
    ops = diff(old, new)
    assert [(op[0], op[2]["ref"], op[3]) for op in ops] == [("insert", 2, None), ("insert", 3, 2)]


def test_text_node_replaced_by_element():
    """A text child becoming an element is a replace."""
    old = rendered(element("div", children=[text("x")]))
    ops = diff(old, element("div", children=[element("b")]))
    assert [op[0] for op in ops] == ["remove", "insert"]
