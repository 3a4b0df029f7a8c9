"""dcc.Tabs / dcc.Tab: headers, the chosen tab's content, clicks choosing tabs."""
from __future__ import annotations

from wasmdash import dcc, html
from wasmdash.component import to_json
from wasmdash._html_render import render_html
from wasmdash.vdom import render_layout
from wasmdash.view import DomView


def headers(root):
    return [n for n in root.walk() if "tab" in n.attrs.get("class", "").split()]


def test_tabs_markup_uses_dash_class_names():
    """tab-parent > tab-container#id > .tab headers, then .tab-content."""
    node = render_layout(to_json(dcc.Tabs([dcc.Tab(label="A", value="a"), dcc.Tab(label="B", value="b")], id="t", value="b")))
    assert node.attrs == {"id": "t-parent", "class": "tab-parent"}
    container, content = node.children
    assert container.attrs["id"] == "t" and container.attrs["class"] == "tab-container"
    assert [h.attrs["class"] for h in headers(node)] == ["tab", "tab tab--selected"]
    assert content.attrs["class"] == "tab-content"


def test_only_the_chosen_tab_content_renders_at_the_tab_path():
    """The chosen Tab's children render, at that Tab's own layout path."""
    node = render_layout(to_json(dcc.Tabs([
        dcc.Tab(html.P("one", id="p1"), label="A", value="a"),
        dcc.Tab(html.P("two", id="p2"), label="B", value="b"),
    ], id="t", value="b")))
    paragraphs = [n for n in node.walk() if n.tag == "p"]
    assert [p.attrs["id"] for p in paragraphs] == ["p2"]
    assert paragraphs[0].path == ("props", "children", 1, "props", "children")


def test_tabs_without_values_are_numbered_and_the_first_is_chosen():
    """Tabs without value choose 'tab-1', and set value to it after mount."""
    layout = to_json(dcc.Tabs([dcc.Tab(label="A"), dcc.Tab(label="B")], id="t"))
    node = render_layout(layout)
    assert [h.attrs["class"] for h in headers(node)] == ["tab tab--selected", "tab"]
    changes = []

    class Clock:
        def now(self):
            return 0

        def call_later(self, delay, callback):
            callback()

    view = DomView()
    view.attach(lambda path, props: changes.append((path, props)), Clock())
    view.render(layout)
    assert changes == [((), {"value": "tab-1"})]


def test_clicking_a_header_sets_value():
    """A click on a header (or its label) chooses that tab."""
    layout = to_json(dcc.Tabs([dcc.Tab(label="A", value="a"), dcc.Tab(label="B", value="b")], id="t", value="a"))
    view = DomView()
    view.render(layout)
    second = headers(view.root)[1]
    span = second.children[0]
    refs = [span.ref, second.ref, second.parent.ref, view.root.ref]
    assert view.changes_for_event({"type": "click", "refs": refs, "timestamp": 1}) == [((), {"value": "b"})]


def test_disabled_tab_cannot_be_chosen():
    """A disabled tab's header ignores clicks and shows disabled_style."""
    layout = to_json(dcc.Tabs([dcc.Tab(label="A", value="a"), dcc.Tab(label="B", value="b", disabled=True, disabled_style={"color": "grey"})], id="t", value="a"))
    view = DomView()
    view.render(layout)
    second = headers(view.root)[1]
    assert second.style == {"color": "grey"}
    assert view.changes_for_event({"type": "click", "refs": [second.ref, view.root.ref], "timestamp": 1}) == []


def test_switching_tabs_replaces_only_the_content():
    """Changing value swaps the content and header classes; the headers stay."""
    layout = to_json(dcc.Tabs([dcc.Tab("one", label="A", value="a"), dcc.Tab("two", label="B", value="b")], id="t", value="a"))
    view = DomView()
    view.render(layout)
    layout["props"]["value"] = "b"
    ops = view.update(layout, [()])
    assert sorted(op[0] for op in ops) == ["setAttr", "setAttr", "setAttr", "setAttr", "text"]


def test_component_labels_render_at_the_label_path():
    """A Tab label may be a component, rendered at props.label of the Tab."""
    node = render_layout(to_json(dcc.Tabs([dcc.Tab(label=html.B("bold"), value="a")], id="t")))
    bold = next(n for n in node.walk() if n.tag == "b")
    assert bold.path == ("props", "children", 0, "props", "label")


def test_tab_alone_renders_its_children():
    """A Tab outside Tabs is a plain container."""
    assert render_html(render_layout(to_json(dcc.Tab("x", id="t")))) == '<div id="t">x</div>'


def test_mount_props_wait_for_attach():
    """Rendering before attach() is fine; the mount-time value lands once attached."""
    layout = to_json(dcc.Tabs([dcc.Tab(label="A", value="a")], id="t"))
    view = DomView()
    view.render(layout)
    changes = []

    class Clock:
        def now(self):
            return 0

        def call_later(self, delay, callback):
            callback()

    view.attach(lambda path, props: changes.append((path, props)), Clock())
    assert changes == [((), {"value": "a"})]
