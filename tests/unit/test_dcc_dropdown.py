"""dcc.Dropdown: a Python-drawn select; open/close/search/choose/clear by events, no browser."""
from __future__ import annotations

from wasmdash import dcc
from wasmdash.component import to_json
from wasmdash.view import DomView


class Page:
    """A DomView plus what it sent out of band (re-renders of UI state)."""

    def __init__(self, component):
        self.layout = to_json(component)
        self.sent = []
        self.view = DomView(send=self.sent.extend)
        self.view.render(self.layout)

    def find(self, class_name):
        return [n for n in self.view.root.walk() if class_name in n.attrs.get("class", "").split()]

    def texts(self, class_name):
        return ["".join(t.text for t in n.walk() if t.tag == "#text") for n in self.find(class_name)]

    @staticmethod
    def refs(node):
        """The refs the page sends with an event on ``node``: its own, then each ancestor's."""
        refs = []
        while node is not None:
            refs.append(node.ref)
            node = node.parent
        return refs

    def fire(self, node, kind="click", **extra):
        changes = self.view.changes_for_event({"type": kind, "refs": self.refs(node), "timestamp": 1, **extra})
        # play the runtime: store the changes and update the view
        for path, props in changes:
            self.layout["props"].update(props)
            self.view.update(self.layout, [path])
        return changes

    def open(self):
        self.fire(self.find("Select-control")[0])


def test_closed_dropdown_shows_placeholder_and_no_menu():
    """A fresh dropdown shows its placeholder and no menu."""
    page = Page(dcc.Dropdown(id="d", options=["a", "b"], placeholder="Pick"))
    assert page.texts("Select-placeholder") == ["Pick"]
    assert page.find("Select-menu-outer") == []


def test_single_value_shows_its_label():
    """value shows the matching option's label."""
    page = Page(dcc.Dropdown(id="d", options=[{"label": "New York", "value": "NYC"}], value="NYC"))
    assert page.texts("Select-value-label") == ["New York"]


def test_clicking_the_control_opens_the_menu_without_prop_changes():
    """Opening is UI state: no props change, the view re-renders by itself."""
    page = Page(dcc.Dropdown(id="d", options=["a", "b"]))
    assert page.fire(page.find("Select-control")[0]) == []
    assert page.texts("VirtualizedSelectOption") == ["a", "b"]
    assert "insert" in [op[0] for op in page.sent]


def test_clicking_an_option_sets_value_and_closes():
    """Choosing sets value to the option's (typed) value and closes the menu."""
    page = Page(dcc.Dropdown(id="d", options=[{"label": "One", "value": 1}, {"label": "Two", "value": 2}]))
    page.open()
    two = page.find("VirtualizedSelectOption")[1]
    assert page.fire(two) == [((), {"value": 2})]
    assert page.find("Select-menu-outer") == []
    assert page.texts("Select-value-label") == ["Two"]


def test_typing_filters_options_and_sets_search_value():
    """Typing sets search_value and shows only matching options (case-insensitive)."""
    page = Page(dcc.Dropdown(id="d", options=["Montreal", "New York", "Monaco"]))
    search = [n for n in page.view.root.walk() if n.tag == "input"][0]
    assert page.fire(search, "input", value="mon") == [((), {"search_value": "mon"})]
    assert page.texts("VirtualizedSelectOption") == ["Montreal", "Monaco"]


def test_no_match_says_so():
    """A search matching nothing shows 'No results found'."""
    page = Page(dcc.Dropdown(id="d", options=["a"]))
    search = [n for n in page.view.root.walk() if n.tag == "input"][0]
    page.fire(search, "input", value="zzz")
    assert page.texts("Select-noresults") == ["No results found"]


def test_arrow_keys_and_enter_choose_the_focused_option():
    """ArrowDown opens, ArrowDown moves focus, Enter chooses it."""
    page = Page(dcc.Dropdown(id="d", options=["a", "b", "c"]))
    search = [n for n in page.view.root.walk() if n.tag == "input"][0]
    page.fire(search, "keydown", key="ArrowDown", value="")
    search = [n for n in page.view.root.walk() if n.tag == "input"][0]
    page.fire(search, "keydown", key="ArrowDown", value="")
    assert page.texts("VirtualizedSelectFocusedOption") == ["b"]
    search = [n for n in page.view.root.walk() if n.tag == "input"][0]
    assert page.fire(search, "keydown", key="Enter", value="") == [((), {"value": "b"})]


def test_escape_closes():
    """Escape closes the menu."""
    page = Page(dcc.Dropdown(id="d", options=["a"]))
    page.open()
    search = [n for n in page.view.root.walk() if n.tag == "input"][0]
    page.fire(search, "keydown", key="Escape", value="")
    assert page.find("Select-menu-outer") == []


def test_clear_sets_none_for_single_and_empty_list_for_multi():
    """The clear button empties the value the way Dash does."""
    single = Page(dcc.Dropdown(id="d", options=["a"], value="a"))
    assert single.fire(single.find("Select-clear-zone")[0]) == [((), {"value": None})]
    multi = Page(dcc.Dropdown(id="m", options=["a", "b"], value=["a", "b"], multi=True))
    assert multi.fire(multi.find("Select-clear-zone")[0]) == [((), {"value": []})]


def test_not_clearable_has_no_clear_button():
    """clearable=False hides the clear button."""
    page = Page(dcc.Dropdown(id="d", options=["a"], value="a", clearable=False))
    assert page.find("Select-clear-zone") == []


def test_multi_appends_and_hides_chosen_options():
    """Multi: choosing appends; chosen options leave the menu."""
    page = Page(dcc.Dropdown(id="d", options=["a", "b", "c"], value=["c"], multi=True, closeOnSelect=False))
    page.open()
    assert page.texts("VirtualizedSelectOption") == ["a", "b"]
    assert page.fire(page.find("VirtualizedSelectOption")[0]) == [((), {"value": ["c", "a"]})]
    assert page.texts("VirtualizedSelectOption") == ["b"]


def test_multi_remove_icon_removes_that_value():
    """The x on a chosen value removes just that value."""
    page = Page(dcc.Dropdown(id="d", options=["a", "b"], value=["a", "b"], multi=True))
    assert page.fire(page.find("Select-value-icon")[0]) == [((), {"value": ["b"]})]


def test_multi_backspace_on_empty_search_removes_the_last_value():
    """Backspace with nothing typed drops the last chosen value."""
    page = Page(dcc.Dropdown(id="d", options=["a", "b"], value=["a", "b"], multi=True))
    search = [n for n in page.view.root.walk() if n.tag == "input"][0]
    assert page.fire(search, "keydown", key="Backspace", value="") == [((), {"value": ["a"]})]


def test_disabled_ignores_events():
    """A disabled dropdown does not open."""
    page = Page(dcc.Dropdown(id="d", options=["a"], disabled=True))
    page.open()
    assert page.find("Select-menu-outer") == []


def test_focus_leaving_the_dropdown_closes_it_but_moving_to_an_option_does_not():
    """focusout to an option inside keeps the menu; focusout elsewhere closes it."""
    page = Page(dcc.Dropdown(id="d", options=["a"]))
    page.open()
    search = [n for n in page.view.root.walk() if n.tag == "input"][0]
    option = page.find("VirtualizedSelectOption")[0]
    page.fire(search, "focusout", related=[option.ref, page.view.root.ref])
    assert page.find("Select-menu-outer") != []
    search = [n for n in page.view.root.walk() if n.tag == "input"][0]
    page.fire(search, "focusout", related=[])
    assert page.find("Select-menu-outer") == []


def test_disabled_option_cannot_be_chosen():
    """Clicking a disabled option changes nothing."""
    page = Page(dcc.Dropdown(id="d", options=[{"label": "x", "value": "x", "disabled": True}]))
    page.open()
    assert page.fire(page.find("VirtualizedSelectOption")[0]) == []


def test_search_box_survives_the_value_label_disappearing():
    """Typing over a chosen value keeps the same <input> node, so the page keeps its focus."""
    page = Page(dcc.Dropdown(id="d", options=["Montreal", "New York"], value="New York"))
    search = [n for n in page.view.root.walk() if n.tag == "input"][0]
    page.fire(search, "input", value="m")
    assert [n.ref for n in page.view.root.walk() if n.tag == "input"] == [search.ref]
    assert not [op for op in page.sent if op[0] == "remove" and op[1] == search.ref]


def test_the_first_keystroke_is_never_written_back_into_the_search_box():
    """The placeholder goes when typing starts; the page already shows what was typed, so no op
    sets the box's value (on a busy page that write would erase keys typed meanwhile)."""
    page = Page(dcc.Dropdown(id="d", options=["Rainy", "Sunny"], placeholder="Pick"))
    page.open()
    search = [n for n in page.view.root.walk() if n.tag == "input"][0]
    page.sent.clear()
    changes = page.view.changes_for_event({"type": "input", "refs": page.refs(search), "timestamp": 1, "value": "r"})
    page.layout["props"].update(changes[0][1])
    ops = page.sent + page.view.update(page.layout, [()])  # the refresh, then the runtime's update
    assert page.texts("VirtualizedSelectOption") == ["Rainy"]
    assert page.find("Select-placeholder") == []
    assert [op for op in ops if op[0] == "setProp" and op[1] == search.ref] == []


def test_choosing_after_a_search_empties_the_search_box():
    """The typed text goes once an option is chosen: the page is told to empty the box."""
    page = Page(dcc.Dropdown(id="d", options=["apple", "banana"], value=[], multi=True))
    page.open()
    search = [n for n in page.view.root.walk() if n.tag == "input"][0]
    page.fire(search, "input", value="ap")
    page.sent.clear()
    changes = page.view.changes_for_event(
        {"type": "keydown", "key": "Enter", "refs": page.refs(search), "timestamp": 1, "value": "ap"}
    )
    assert changes == [((), {"value": ["apple"], "search_value": ""})]
    page.layout["props"].update(changes[0][1])
    ops = page.sent + page.view.update(page.layout, [()])
    assert ["setProp", search.ref, "value", ""] in ops


def test_opening_and_choosing_focus_the_search_box():
    """Clicking the control or an option puts the keyboard focus in the search box."""
    page = Page(dcc.Dropdown(id="d", options=["a", "b"]))
    search = [n for n in page.view.root.walk() if n.tag == "input"][0]
    page.open()
    assert ["call", "focus", [search.ref]] in page.sent
    page.sent.clear()
    page.fire(page.find("VirtualizedSelectOption")[0])
    assert ["call", "focus", [search.ref]] in page.sent


def test_long_option_lists_render_a_window_that_follows_the_keyboard():
    """2000 options: at most MAX_RENDERED are drawn, with a hint; ArrowDown past the end slides the window."""
    from wasmdash.dcc.dropdown import MAX_RENDERED

    page = Page(dcc.Dropdown(id="d", options=[f"o{i}" for i in range(2000)]))
    page.open()
    assert len(page.find("VirtualizedSelectOption")) == MAX_RENDERED
    assert page.texts("Select-more") == [f"{2000 - MAX_RENDERED} more - type to narrow down"]
    for _ in range(MAX_RENDERED):
        search = [n for n in page.view.root.walk() if n.tag == "input"][0]
        page.fire(search, "keydown", key="ArrowDown", value="")
    assert page.texts("VirtualizedSelectFocusedOption") == [f"o{MAX_RENDERED}"]
    assert page.texts("VirtualizedSelectOption")[-1] == f"o{MAX_RENDERED}"


def test_arrow_keys_scroll_the_focused_option_into_view():
    """Moving the keyboard focus asks the page to reveal the focused option."""
    page = Page(dcc.Dropdown(id="d", options=["a", "b", "c"]))
    page.open()
    search = [n for n in page.view.root.walk() if n.tag == "input"][0]
    page.sent.clear()
    page.fire(search, "keydown", key="ArrowDown", value="")
    focused = page.find("VirtualizedSelectFocusedOption")[0]
    assert ["call", "reveal", [focused.ref]] in page.sent
