"""diff: two VNode trees -> the DOM operations between them, tested by the ops asked for."""
from __future__ import annotations

from wasmdash.diff import diff
from wasmdash.vdom import element, render_layout, text
from wasmdash.view import DomView


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


class FakeDom:
    """Applies ops the way static/patch.js does, on plain Python nodes, to check a diff's result."""

    def __init__(self, spec):
        self.nodes = {}
        self.root = self.build(spec)

    def build(self, spec):
        node = {"ref": spec["ref"], "tag": spec.get("tag", "#text"), "text": spec.get("text"),
                "attrs": dict(spec.get("attrs", {})), "style": dict(spec.get("style", {})),
                "props": dict(spec.get("props", {})), "children": [], "parent": None}
        for child in spec.get("children", []):
            built = self.build(child)
            built["parent"] = node
            node["children"].append(built)
        self.nodes[spec["ref"]] = node
        return node

    def detach(self, node):
        if node["parent"] is not None:
            node["parent"]["children"].remove(node)
            node["parent"] = None

    def insert_before(self, parent, node, before_ref):
        self.detach(node)
        siblings = parent["children"]
        index = len(siblings) if before_ref is None else siblings.index(self.nodes[before_ref])
        siblings.insert(index, node)
        node["parent"] = parent

    def apply(self, ops):
        for op in ops:
            kind, args = op[0], op[1:]
            if kind == "insert":
                self.insert_before(self.nodes[args[0]], self.build(args[1]), args[2])
            elif kind == "move":
                self.insert_before(self.nodes[args[0]], self.nodes[args[1]], args[2])
            elif kind == "remove":
                self.detach(self.nodes.pop(args[0]))
            elif kind == "replace":
                old = self.nodes.pop(args[0])
                parent = old["parent"]
                new = self.build(args[1])
                if parent is None:
                    self.root = new
                else:
                    index = parent["children"].index(old)
                    parent["children"][index] = new
                    new["parent"] = parent
            elif kind == "setAttr":
                self.nodes[args[0]]["attrs"][args[1]] = args[2]
            elif kind == "removeAttr":
                del self.nodes[args[0]]["attrs"][args[1]]
            elif kind == "style":
                style = self.nodes[args[0]]["style"]
                for name, value in args[1].items():
                    if value is None:
                        style.pop(name, None)
                    else:
                        style[name] = value
            elif kind == "setProp":
                self.nodes[args[0]]["props"][args[1]] = args[2]
            elif kind == "text":
                self.nodes[args[0]]["text"] = args[1]
            else:
                raise AssertionError(f"unexpected op {op}")

    def shape(self, node=None):
        node = node or self.root
        if node["tag"] == "#text":
            return node["text"]
        return (node["tag"], node["attrs"], node["style"], [self.shape(c) for c in node["children"]])


def shape_of(vnode):
    if vnode.tag == "#text":
        return vnode.text
    return (vnode.tag, vnode.attrs, vnode.style, [shape_of(c) for c in vnode.children])


def random_tree(rng, depth=0):
    """A list of children mixing keyed items, unkeyed elements of two tags, and text."""
    items = []
    for _ in range(rng.randint(0, 6)):
        roll = rng.random()
        if roll < 0.5:
            key = rng.choice("abcdefgh")
            if any(c.get("props", {}).get("id") == key for c in items if isinstance(c, dict)):
                continue
            children = random_tree(rng, depth + 1) if depth < 2 else [key]
            items.append(H("Li", children, id=key, title=rng.choice(["x", "y"])))
        elif roll < 0.8:
            tag = rng.choice(["P", "Span"])
            style = {"color": rng.choice(["red", "blue"])} if rng.random() < 0.5 else None
            props = {"style": style} if style else {}
            items.append(H(tag, random_tree(rng, depth + 1) if depth < 2 else "t", **props))
        else:
            items.append(rng.choice(["one", "two", "three"]))
    return items


def test_random_diffs_turn_the_old_tree_into_the_new_one():
    """Applying the ops to a copy of the old DOM always yields the new tree (300 random pairs)."""
    import random

    rng = random.Random(1234)
    for _ in range(300):
        old = render_layout(H("Div", random_tree(rng)))
        rendered(old)
        dom = FakeDom(to_spec_tree(old))
        new = render_layout(H("Div", random_tree(rng)))
        dom.apply(diff(old, new))
        assert dom.shape() == shape_of(new)
        assert all(n.ref in dom.nodes for n in new.walk())  # every new node has a live ref


def to_spec_tree(node):
    from wasmdash.vdom import to_spec

    return to_spec(node)
