"""dcc.Loading: spinner while outputs inside it are being computed."""
from __future__ import annotations

from fakes import ManualClock

from wasmdash import dcc, html
from wasmdash.component import to_json
from wasmdash.view import DomView


OUT = ("props", "children", "props", "children", 0)  # the Div inside Loading inside the root Div


def mounted(**loading_props):
    layout = to_json(html.Div(dcc.Loading([html.Div(id="out")], id="ld", **loading_props), id="root"))
    sent = []
    view = DomView(send=sent.extend)
    clock = ManualClock()
    view.attach(lambda path, props: None, clock)
    view.render(layout)
    return view, clock, sent


def spinner_shown(view):
    return any("dash-spinner" in n.attrs.get("class", "") for n in view.root.walk())


def test_spinner_shows_initially_then_hides_when_nothing_loads():
    """show_initially: the spinner is there at first and goes when no work is in flight."""
    view, clock, sent = mounted()
    assert spinner_shown(view)
    clock.advance(0)
    assert not spinner_shown(view)
    assert sent  # the hide went out as ops


def test_spinner_shows_while_an_output_inside_is_computed():
    """An output inside the children makes it busy; finishing hides the spinner again."""
    view, clock, sent = mounted(show_initially=False)
    assert not spinner_shown(view)
    ops = view.set_loading([(OUT, "children")])
    clock.advance(0)
    assert spinner_shown(view)
    view.set_loading([])
    clock.advance(0)
    assert not spinner_shown(view)


def test_outputs_outside_do_not_count():
    """Work on a component outside the Loading leaves it alone."""
    view, clock, _ = mounted(show_initially=False)
    view.set_loading([(("props", "children"), "style")])
    clock.advance(0)
    assert not spinner_shown(view)


def test_delay_show_waits():
    """delay_show=500: a short callback never shows the spinner."""
    view, clock, _ = mounted(show_initially=False, delay_show=500)
    view.set_loading([(OUT, "children")])
    clock.advance(0.3)
    view.set_loading([])
    clock.advance(1)
    assert not spinner_shown(view)


def test_target_components_filter():
    """target_components={'out': 'style'}: only that prop counts."""
    view, clock, _ = mounted(show_initially=False, target_components={"out": "style"})
    view.set_loading([(OUT, "children")])
    clock.advance(0)
    assert not spinner_shown(view)
    view.set_loading([(OUT, "style")])
    clock.advance(0)
    assert spinner_shown(view)


def test_content_is_hidden_while_spinning():
    """The content stays in the page but is hidden under the spinner."""
    view, _, _ = mounted(display="show")
    content = next(n for n in view.root.walk() if n.key == "content")
    assert content.style["visibility"] == "hidden"


def test_display_hide_never_spins():
    """display='hide' overrides everything."""
    view, clock, _ = mounted(display="hide")
    view.set_loading([(OUT, "children")])
    clock.advance(0)
    assert not spinner_shown(view)
