"""dcc.Download and the send_* helpers."""
from __future__ import annotations

import base64

from wasmdash import dcc, html
from wasmdash.component import to_json
from wasmdash.view import DomView


def test_send_string_and_bytes_shapes():
    """send_string keeps text; send_bytes base64-encodes, as Dash's helpers do."""
    assert dcc.send_string("a,b", "d.csv") == {"content": "a,b", "filename": "d.csv", "type": None, "base64": False}
    data = dcc.send_bytes(b"\x00\x01", "b.bin", type="application/octet-stream")
    assert base64.b64decode(data["content"]) == b"\x00\x01" and data["base64"] is True


def test_send_with_writers_and_files(tmp_path):
    """Writers get a buffer; send_file reads the file and names it after it."""
    assert dcc.send_string(lambda buf: buf.write("hi"), "h.txt")["content"] == "hi"
    path = tmp_path / "x.txt"
    path.write_bytes(b"file")
    data = dcc.send_file(path)
    assert data["filename"] == "x.txt" and base64.b64decode(data["content"]) == b"file"


def test_send_data_frame_picks_text_or_bytes_by_writer_name():
    """df.to_csv-like writers give text; others give base64 bytes."""
    def to_csv(buf, index=True):
        buf.write(f"a,b index={index}")

    def to_parquet(buf):
        buf.write(b"PAR1")

    assert dcc.send_data_frame(to_csv, "d.csv", index=False)["content"] == "a,b index=False"
    assert dcc.send_data_frame(to_parquet, "d.parquet")["base64"] is True


def test_new_data_starts_a_download_but_mount_does_not():
    """Only a change of data (from a callback) asks the page to save the file."""
    layout = to_json(html.Div([dcc.Download(id="dl", data=dcc.send_string("old", "o.txt"))]))
    view = DomView()
    ops = view.render(layout)
    assert not [op for op in ops if op[0] == "call"]
    layout["props"]["children"][0]["props"]["data"] = dcc.send_string("new", "n.txt", type="text/csv")
    ops = view.update(layout, [("props", "children", 0)])
    assert ops == [["call", "download", ["new", "n.txt", False, "text/csv"]]]


def test_download_type_defaults_to_the_component_type():
    """Without data.type the component's type prop (default text/plain) is used."""
    layout = to_json(html.Div([dcc.Download(id="dl")]))
    view = DomView()
    view.render(layout)
    layout["props"]["children"][0]["props"]["data"] = {"content": "x", "filename": "x.txt"}
    assert view.update(layout, [("props", "children", 0)]) == [["call", "download", ["x", "x.txt", False, "text/plain"]]]
