"""dcc.Input: prop table, render rule and event rule."""
from __future__ import annotations

import pytest

from fakes import ManualClock

from wasmdash import dcc
from wasmdash.component import to_json
from wasmdash._html_render import render_html
from wasmdash.vdom import render_layout
from wasmdash.view import DomView


def mounted(**props):
    """A DomView showing one dcc.Input, attached to a manual clock that records set_props."""
    layout = to_json(dcc.Input(**props))
    view = DomView()
    timed = []
    clock = ManualClock()
    view.attach(lambda path, changes: timed.append((path, changes)), clock)
    view.render(layout)
    return view, layout, clock, timed


def send(view, kind, **extra):
    return view.changes_for_event({"type": kind, "refs": [1], "timestamp": 777, **extra})


def test_dcc_input_class_is_importable_from_wasmdash():
    """`from wasmdash import dcc; dcc.Input(id="x")` builds Dash's component JSON."""
    assert dcc.Input(id="x").to_plotly_json() == {
        "type": "Input",
        "namespace": "dash_core_components",
        "props": {"id": "x"},
    }


def test_unknown_prop_is_rejected_with_a_suggestion():
    """dcc.Input(placehoder=...) says what is wrong and suggests the right name."""
    with pytest.raises(TypeError, match="Did you mean `placeholder`"):
        dcc.Input(id="x", placehoder="typo")


def test_renders_an_input_with_attributes_and_value():
    """The <input> carries the id, type and attributes; value is a DOM property."""
    node = render_layout(to_json(dcc.Input(id="x", value="abc", placeholder="Name", maxLength=5, className="c")))
    assert node.tag == "input"
    assert node.attrs == {
        "id": "x", "placeholder": "Name", "maxlength": "5", "class": "c", "type": "text", "autocomplete": "off",
    }
    assert node.props == {"value": "abc"}
    assert render_html(node) == (
        '<input id="x" placeholder="Name" maxlength="5" class="c" type="text" autocomplete="off" value="abc">'
    )


def test_number_input_renders_numbers_as_js_does():
    """value=2.0 shows as '2', and step defaults to 'any' so decimals are valid."""
    node = render_layout(to_json(dcc.Input(id="n", type="number", value=2.0)))
    assert node.props == {"value": "2"}
    assert node.attrs["step"] == "any"


@pytest.mark.parametrize("disabled, present", [(True, True), ("disabled", True), (False, False), (None, False)])
def test_disabled_accepts_dash_spellings(disabled, present):
    """disabled=True or 'disabled' disables; False/None do not."""
    node = render_layout(to_json(dcc.Input(id="x", disabled=disabled)))
    assert ("disabled" in node.attrs) is present


def test_typing_sets_value():
    """Each input event sets value to the DOM's text."""
    view, *_ = mounted(id="x")
    assert send(view, "input", value="a") == [((), {"value": "a"})]


def test_store_catching_up_with_typing_never_echoes_the_value():
    """After the user typed 'ab', updating the view with value='ab' writes nothing into the input."""
    view, layout, *_ = mounted(id="x", value="a")
    send(view, "input", value="ab")
    layout["props"]["value"] = "ab"
    assert view.update(layout, [()]) == []


def test_a_callback_changing_the_value_is_written():
    """A value set by a callback (not typed) is written with setProp."""
    view, layout, *_ = mounted(id="x", value="a")
    layout["props"]["value"] = "reset"
    assert view.update(layout, [()]) == [["setProp", 1, "value", "reset"]]


def test_unchanged_value_is_not_sent_again():
    """An input event reporting what the store already has changes nothing."""
    view, *_ = mounted(id="x", value="same")
    assert send(view, "input", value="same") == []


def test_empty_text_keeps_an_unset_value_unset():
    """Clearing a never-set input does not turn value None into ''."""
    view, *_ = mounted(id="x")
    assert send(view, "input", value="") == []


def test_number_type_gives_ints_floats_and_none():
    """type='number': '3' -> 3, '1.50' -> 1.5, '' -> None, invalid -> None."""
    view, *_ = mounted(id="n", type="number")
    assert send(view, "input", value="3", valid=True) == [((), {"value": 3})]
    assert send(view, "input", value="1.50", valid=True) == [((), {"value": 1.5})]
    assert send(view, "input", value="", valid=True) == [((), {"value": None})]
    assert send(view, "input", value="7", valid=False) == []  # still None


def test_number_typing_keeps_trailing_zero_in_the_dom():
    """Typing '1.50' (value 1.5) must not rewrite the input to '1.5'."""
    view, layout, *_ = mounted(id="n", type="number")
    send(view, "input", value="1.50", valid=True)
    layout["props"]["value"] = 1.5
    assert view.update(layout, [()]) == []


def test_enter_counts_n_submit():
    """Enter bumps n_submit with its timestamp; other keys do nothing."""
    view, *_ = mounted(id="x")
    assert send(view, "keydown", key="Enter", value="") == [((), {"n_submit": 1, "n_submit_timestamp": 777})]
    assert send(view, "keydown", key="Escape", value="") == []


def test_blur_counts_n_blur():
    """Leaving the field bumps n_blur with its timestamp."""
    view, *_ = mounted(id="x")
    assert send(view, "focusout", value="") == [((), {"n_blur": 1, "n_blur_timestamp": 777})]


def test_debounce_true_sends_value_only_on_enter():
    """debounce=True: typing sends nothing; Enter sends n_submit and the value together."""
    view, *_ = mounted(id="x", debounce=True)
    assert send(view, "input", value="abc") == []
    assert send(view, "keydown", key="Enter", value="abc") == [
        ((), {"n_submit": 1, "n_submit_timestamp": 777, "value": "abc"})
    ]


def test_debounce_true_sends_value_on_blur():
    """debounce=True: leaving the field sends n_blur and the value."""
    view, *_ = mounted(id="x", debounce=True)
    send(view, "input", value="abc")
    assert send(view, "focusout", value="abc") == [((), {"n_blur": 1, "n_blur_timestamp": 777, "value": "abc"})]


def test_numeric_debounce_waits_for_the_pause_after_the_last_keystroke():
    """debounce=0.5: only the last value is set, half a second after the last keystroke."""
    view, layout, clock, timed = mounted(id="x", debounce=0.5)
    assert send(view, "input", value="a") == []
    clock.advance(0.3)
    send(view, "input", value="ab")
    clock.advance(0.3)
    assert timed == []
    clock.advance(0.2)
    assert timed == [((), {"value": "ab"})]


def test_numeric_debounce_value_does_not_echo():
    """After the debounced value lands in the store, the update writes nothing."""
    view, layout, clock, timed = mounted(id="x", debounce=0.5)
    send(view, "input", value="abc")
    clock.advance(0.5)
    layout["props"]["value"] = "abc"
    assert view.update(layout, [()]) == []
