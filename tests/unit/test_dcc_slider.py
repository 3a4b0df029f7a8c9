"""dcc.Slider and dcc.RangeSlider: native range handles, drag_value vs value, snapping, no crossing."""
from __future__ import annotations

from wasmdash import dcc
from wasmdash.component import to_json
from wasmdash.vdom import render_layout
from wasmdash.view import DomView


class Page:
    def __init__(self, component):
        self.layout = to_json(component)
        self.sent = []
        self.view = DomView(send=self.sent.extend)
        self.view.render(self.layout)

    def handles(self):
        return [n for n in self.view.root.walk() if n.tag == "input"]

    def move(self, handle, value, kind="input"):
        node = self.handles()[handle]
        refs = []
        while node is not None:
            refs.append(node.ref)
            node = node.parent
        changes = self.view.changes_for_event({"type": kind, "refs": refs, "value": value, "timestamp": 1})
        for path, props in changes:
            self.layout["props"].update(props)
            self.sent.extend(self.view.update(self.layout, [path]))
        return changes


def test_slider_renders_one_range_input_with_bounds_and_value():
    """min, max, step and value reach the native input."""
    node = render_layout(to_json(dcc.Slider(id="s", min=0, max=20, step=5, value=10)))
    (handle,) = [n for n in node.walk() if n.tag == "input"]
    assert handle.attrs["type"] == "range"
    assert (handle.attrs["min"], handle.attrs["max"], handle.attrs["step"]) == ("0", "20", "5")
    assert handle.props == {"value": "10"}


def test_marks_are_positioned_by_percentage():
    """Each mark sits at its value's share of the range."""
    node = render_layout(to_json(dcc.Slider(id="s", min=0, max=10, marks={0: "zero", 5: "five", 10: {"label": "ten", "style": {"color": "red"}}})))
    marks = [n for n in node.walk() if "dash-slider-mark" in n.attrs.get("class", "").split()]
    assert [(m.children[0].text, m.style["left"]) for m in marks] == [("zero", "0%"), ("five", "50%"), ("ten", "100%")]
    assert marks[2].style["color"] == "red"


def test_dragging_sets_drag_value_and_release_sets_value():
    """updatemode='mouseup': drag_value while moving, value when let go."""
    page = Page(dcc.Slider(id="s", min=0, max=10, value=2))
    assert page.move(0, "4") == [((), {"drag_value": 4})]
    assert page.move(0, "4", kind="change") == [((), {"value": 4})]


def test_updatemode_drag_sets_value_while_moving():
    """updatemode='drag' sets value on every move."""
    page = Page(dcc.Slider(id="s", min=0, max=10, value=2, updatemode="drag"))
    assert page.move(0, "3") == [((), {"drag_value": 3, "value": 3})]


def test_fractional_steps_give_floats():
    """A 0.5 step gives 2.5, not '2.5'."""
    page = Page(dcc.Slider(id="s", min=0, max=5, step=0.5))
    assert page.move(0, "2.5", kind="change") == [((), {"drag_value": 2.5, "value": 2.5})]


def test_step_none_snaps_to_the_nearest_mark_and_moves_the_handle():
    """step=None: only mark values; the handle is put on the mark in the page."""
    page = Page(dcc.Slider(id="s", min=0, max=10, step=None, marks={0: "a", 3: "b", 10: "c"}, value=0))
    changes = page.move(0, "4.2", kind="change")
    assert changes == [((), {"drag_value": 3, "value": 3})]
    handle = page.handles()[0]
    assert ["setProp", handle.ref, "value", "3"] in page.sent


def test_user_drag_is_not_written_back():
    """A plain move leaves the handle alone: no setProp for the value the user chose."""
    page = Page(dcc.Slider(id="s", min=0, max=10, value=2))
    page.move(0, "7", kind="change")
    assert not [op for op in page.sent if op[0] == "setProp"]


def test_range_slider_has_a_handle_per_value():
    """RangeSlider draws one range input per value."""
    node = render_layout(to_json(dcc.RangeSlider(id="r", min=0, max=10, value=[2, 8])))
    assert [n.props["value"] for n in node.walk() if n.tag == "input"] == ["2", "8"]


def test_range_handle_move_updates_its_slot():
    """Moving the second handle changes the second value only."""
    page = Page(dcc.RangeSlider(id="r", min=0, max=10, value=[2, 8]))
    assert page.move(1, "6", kind="change") == [((), {"drag_value": [2, 6], "value": [2, 6]})]


def test_range_handles_cannot_cross_by_default():
    """allowCross=False holds the first handle at the second one's value."""
    page = Page(dcc.RangeSlider(id="r", min=0, max=10, value=[2, 5]))
    assert page.move(0, "9", kind="change") == [((), {"drag_value": [5, 5], "value": [5, 5]})]
    assert ["setProp", page.handles()[0].ref, "value", "5"] in page.sent


def test_range_pushable_keeps_a_gap():
    """pushable=2 keeps handles at least 2 apart."""
    page = Page(dcc.RangeSlider(id="r", min=0, max=10, value=[2, 5], pushable=2))
    assert page.move(0, "4", kind="change") == [((), {"drag_value": [3, 5], "value": [3, 5]})]


def test_disabled_slider_ignores_moves():
    """disabled=True: the handle is disabled and events change nothing."""
    page = Page(dcc.Slider(id="s", min=0, max=10, disabled=True))
    assert page.handles()[0].attrs["disabled"] == ""
    assert page.move(0, "3") == []


def test_bounds_default_to_marks():
    """Without min/max, the marks' extremes bound the slider."""
    node = render_layout(to_json(dcc.Slider(id="s", marks={2: "2", 8: "8"})))
    (handle,) = [n for n in node.walk() if n.tag == "input"]
    assert (handle.attrs["min"], handle.attrs["max"]) == ("2", "8")
