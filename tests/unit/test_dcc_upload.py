"""dcc.Upload: file data arriving from the page becomes contents/filename/last_modified."""
from __future__ import annotations

from wasmdash import dcc, html
from wasmdash.component import to_json
from wasmdash.dcc.upload import matches_accept
from wasmdash.vdom import render_layout
from wasmdash.view import DomView

FILE = {"name": "a.csv", "type": "text/csv", "size": 5, "last_modified": 1700000000000, "contents": "data:text/csv;base64,YSxiCg=="}


def upload(**props):
    layout = to_json(html.Div([dcc.Upload(html.Div("Drop"), id="up", **props)], id="root"))
    view = DomView()
    view.render(layout)
    area = view.by_path[("props", "children", 0)]
    return view, area


def send(view, area, files):
    return view.changes_for_event({"type": "upload", "refs": [area.ref, view.root.ref], "files": files, "timestamp": 1})


def test_area_is_marked_for_the_page_with_a_hidden_picker():
    """The drop area is marked for loader.js and holds a hidden file input with accept/multiple."""
    node = render_layout(to_json(dcc.Upload("x", id="u", accept=".csv", multiple=True)))
    assert node.attrs["data-wasmdash-upload"] == "true" and node.attrs["data-wasmdash-upload-click"] == "true"
    picker = node.children[-1]
    assert picker.attrs["type"] == "file" and picker.attrs["accept"] == ".csv" and picker.attrs["multiple"] == ""


def test_disable_click_and_disabled():
    """disable_click keeps drops only; disabled turns both off."""
    assert "data-wasmdash-upload-click" not in render_layout(to_json(dcc.Upload(id="u", disable_click=True))).attrs
    assert "data-wasmdash-upload" not in render_layout(to_json(dcc.Upload(id="u", disabled=True))).attrs


def test_single_upload_sets_scalars_in_seconds():
    """One file: contents, filename and last_modified (seconds), and no click counted on the parent."""
    view, area = upload()
    assert send(view, area, [FILE]) == [(("props", "children", 0), {
        "contents": FILE["contents"], "filename": "a.csv", "last_modified": 1700000000.0,
    })]


def test_multiple_upload_sets_lists():
    """multiple=True gives lists in the order received."""
    view, area = upload(multiple=True)
    second = dict(FILE, name="b.csv")
    [(_, props)] = send(view, area, [FILE, second])
    assert props["filename"] == ["a.csv", "b.csv"] and len(props["contents"]) == 2


def test_size_and_accept_filters():
    """Files too big, too small or of the wrong type are dropped."""
    view, area = upload(max_size=4)
    assert send(view, area, [FILE]) == []
    view, area = upload(accept="image/*")
    assert send(view, area, [FILE]) == []


def test_matches_accept():
    """Extensions, exact types and type/* wildcards, as Dash's check."""
    assert matches_accept("x.CSV", "text/csv", ".csv")
    assert matches_accept("p.png", "image/png", "image/*")
    assert matches_accept("p.png", "image/png", "text/plain, image/png")
    assert not matches_accept("p.png", "image/png", ".csv")
    assert matches_accept("any", "", None)
