"""dcc.Store, dcc.Interval, dcc.Location, dcc.Link: components that talk to the page, not the DOM."""
from __future__ import annotations

import json

from fakes import ManualClock

from wasmdash import dcc
from wasmdash.component import to_json
from wasmdash.view import DomView


class Page:
    """A DomView over a layout, with a stand-in runtime: set_props stores and re-renders."""

    def __init__(self, *children, href="http://app.test/", storage=None):
        self.layout = to_json({"type": "Div", "namespace": "dash_html_components", "props": {"children": list(children)}})
        self.sent = []
        self.changes = []
        self.clock = ManualClock()
        self.view = DomView(send=self.sent.extend, page={"href": href, "storage": storage or {}})
        self.view.attach(self.set_props, self.clock)
        self.sent.extend(self.view.render(self.layout))

    def props(self, index):
        return self.layout["props"]["children"][index]["props"]

    def set_props(self, path, props):
        self.changes.append((path, props))
        component = self.layout
        for key in path:
            component = component[key]
        component["props"].update(props)
        self.sent.extend(self.view.update(self.layout, [path]))

    def callback_sets(self, index, **props):
        """A callback output landing in the store."""
        self.props(index).update(props)
        self.sent.extend(self.view.update(self.layout, [("props", "children", index)]))

    def calls(self, name):
        return [op[2] for op in self.sent if op[0] == "call" and op[1] == name]

    def page_event(self, **event):
        changes = self.view.changes_for_event({"refs": [], "timestamp": 1, **event})
        for path, props in changes:
            self.set_props(path, props)
        return changes


def test_memory_store_with_data_sets_modified_timestamp_on_mount():
    """Dash's initial data mount: the data is saved and modified_timestamp set, after the render."""
    page = Page(to_json(dcc.Store(id="s", data={"a": 1})))
    assert page.changes == []
    page.clock.advance(0)
    [(path, props)] = page.changes
    assert path == ("props", "children", 0) and props["modified_timestamp"] > 0


def test_local_store_saved_data_wins_over_layout_data():
    """A local Store takes what the browser saved (e.g. before a reload)."""
    storage = {"local": {"s": json.dumps([1, 2]), "s-timestamp": "1234"}}
    page = Page(to_json(dcc.Store(id="s", storage_type="local", data=None)), storage=storage)
    page.clock.advance(0)
    assert page.changes == [(("props", "children", 0), {"data": [1, 2], "modified_timestamp": 1234})]


def test_local_store_writes_changed_data_to_storage():
    """A callback changing data saves it through a storage call op."""
    page = Page(to_json(dcc.Store(id="s", storage_type="local")))
    page.callback_sets(0, data={"x": 1})
    writes = page.calls("storage")
    assert writes[0] == ["local", "s", '{"x":1}']
    page.clock.advance(0)
    assert "modified_timestamp" in page.props(0)


def test_session_store_clear_data_removes_it():
    """clear_data=True removes the saved data and resets itself."""
    storage = {"session": {"s": "5"}}
    page = Page(to_json(dcc.Store(id="s", storage_type="session", data=5)), storage=storage)
    page.callback_sets(0, clear_data=True)
    assert ["session", "s", None] in page.calls("storage")
    page.clock.advance(0)
    assert page.props(0)["clear_data"] is False and page.props(0)["data"] is None


def test_local_store_follows_other_tabs():
    """A storage event for this key updates data."""
    page = Page(to_json(dcc.Store(id="s", storage_type="local")))
    page.clock.advance(0)
    assert page.page_event(type="storage", key="s", value='"hi"') == [
        (("props", "children", 0), {"data": "hi", "modified_timestamp": -1})
    ]


def test_interval_ticks_on_the_clock():
    """n_intervals goes up once per interval."""
    page = Page(to_json(dcc.Interval(id="i", interval=500)))
    page.clock.advance(1.2)
    assert page.changes == [
        (("props", "children", 0), {"n_intervals": 1}),
        (("props", "children", 0), {"n_intervals": 2}),
    ]


def test_interval_stops_at_max_intervals():
    """max_intervals=2 gives two ticks and no more."""
    page = Page(to_json(dcc.Interval(id="i", interval=100, max_intervals=2)))
    page.clock.advance(1)
    assert page.props(0)["n_intervals"] == 2
    assert len(page.changes) == 2


def test_disabled_interval_does_not_tick_until_enabled():
    """disabled=True pauses; a callback enabling it starts the ticks."""
    page = Page(to_json(dcc.Interval(id="i", interval=100, disabled=True)))
    page.clock.advance(1)
    assert page.changes == []
    page.callback_sets(0, disabled=False)
    page.clock.advance(0.1)
    assert page.props(0)["n_intervals"] == 1


def test_removed_interval_stops():
    """An Interval taken out of the layout stops ticking."""
    page = Page(to_json(dcc.Interval(id="i", interval=100)))
    page.layout["props"]["children"] = []
    page.view.update(page.layout, [()])
    page.clock.advance(1)
    assert page.changes == []


def test_location_fills_url_props_after_mount():
    """An empty Location gets pathname, search, hash and href from the page URL."""
    page = Page(to_json(dcc.Location(id="url")), href="http://app.test/page-2?a=1#top")
    page.clock.advance(0)
    assert page.changes == [
        (("props", "children", 0), {"pathname": "/page-2", "href": "http://app.test/page-2?a=1#top", "hash": "#top", "search": "?a=1"})
    ]


def test_location_follows_back_and_forward():
    """popstate updates what changed."""
    page = Page(to_json(dcc.Location(id="url")), href="http://app.test/")
    page.clock.advance(0)
    assert page.page_event(type="popstate", href="http://app.test/b") == [
        (("props", "children", 0), {"pathname": "/b", "href": "http://app.test/b"})
    ]


def test_callback_setting_pathname_loads_the_page_by_default():
    """refresh=True (Dash's default): a new pathname is a full navigation."""
    page = Page(to_json(dcc.Location(id="url")), href="http://app.test/")
    page.clock.advance(0)
    page.callback_sets(0, pathname="/next")
    assert page.calls("location") == [["assign", "http://app.test/next", False]]


def test_callback_nav_pushes_history_and_notifies():
    """refresh='callback-nav' pushes the URL and asks the page to announce it."""
    page = Page(to_json(dcc.Location(id="url", refresh="callback-nav")), href="http://app.test/a")
    page.clock.advance(0)
    page.callback_sets(0, pathname="/b")
    assert page.calls("location") == [["push", "http://app.test/b", True]]


def test_link_renders_an_in_page_anchor():
    """dcc.Link is an <a> marked for in-page navigation unless refresh=True."""
    page = Page(to_json(dcc.Link("Go", href="/b", id="l")), to_json(dcc.Link("Out", href="/c", refresh=True)))
    anchors = [n for n in page.view.root.walk() if n.tag == "a"]
    assert anchors[0].attrs == {"id": "l", "href": "/b", "data-wasmdash-link": "true"}
    assert "data-wasmdash-link" not in anchors[1].attrs


def test_link_click_pushes_its_href():
    """Clicking a Link asks the page to push the URL and notify Locations."""
    page = Page(to_json(dcc.Link("Go", href="/b", id="l")))
    anchor = next(n for n in page.view.root.walk() if n.tag == "a")
    page.view.changes_for_event({"type": "click", "refs": [anchor.ref, page.view.root.ref], "timestamp": 1})
    assert page.calls("location") == [["push", "/b", True]]


def test_document_title_sets_the_title_on_mount_and_on_change():
    """Dash Pages' title setter asks the page for document.title when shown and when it changes."""
    from wasmdash.dcc._document_title import DocumentTitle

    page = Page(to_json(DocumentTitle(title="Home")))
    assert page.calls("title") == [["Home"]]
    page.callback_sets(0, title="Report 42")
    page.callback_sets(0, title="Report 42")
    assert page.calls("title") == [["Home"], ["Report 42"]]
