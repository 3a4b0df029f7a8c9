"""dcc.Upload fed files as a user would (file chooser, drop), dcc.Download saving what callbacks send."""
from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

BOOT = 15_000  # a callback round trip right after Pyodide boots, on a loaded machine
APP = Path(__file__).parent / "apps" / "dcc_files.py"


@pytest.fixture
def page(wasmdash, app_path):
    return wasmdash.start(app_path("dcc_files"))


def uploaded(page, selector: str) -> dict:
    return json.loads(page.locator(selector).text_content() or "null")


def test_upload_by_file_chooser(page, tmp_path):
    """Dash upft: clicking the area opens the chooser; contents arrive as a base64 data URL with
    filename and last_modified (seconds)."""
    notes = tmp_path / "notes.txt"
    notes.write_text("hello from a file\n")
    os.utime(notes, (1_600_000_000, 1_600_000_000))
    expect(page.locator("#upload")).to_be_visible()
    with page.expect_file_chooser() as chooser:
        page.click("#upload")
    chooser.value.set_files(notes)
    expect(page.locator("#out-upload")).not_to_be_empty(timeout=BOOT)
    assert uploaded(page, "#out-upload") == {
        "filename": "notes.txt",
        "header": "data:text/plain;base64",
        "text": "hello from a file\n",
        "last_modified": 1_600_000_000,
        "seen": ["notes.txt"],
    }


def test_upload_set_input_files_and_rejections(page):
    """Files set on the hidden input upload; a file over max_size or outside accept is refused."""
    picker = page.locator("#upload input[type=file]")
    expect(picker).to_have_attribute("accept", ".txt,.csv")
    picker.set_input_files({"name": "big.txt", "mimeType": "text/plain", "buffer": b"x" * 1001})
    picker.set_input_files({"name": "photo.png", "mimeType": "image/png", "buffer": b"\x89PNG"})
    picker.set_input_files({"name": "data.csv", "mimeType": "text/csv", "buffer": b"a,b\n1,2\n"})
    expect(page.locator("#out-upload")).not_to_be_empty(timeout=BOOT)
    result = uploaded(page, "#out-upload")
    assert (result["filename"], result["header"], result["text"]) == ("data.csv", "data:text/csv;base64", "a,b\n1,2\n")
    assert result["seen"] == ["data.csv"]  # the refused files never reached the callback
    assert isinstance(result["last_modified"], (int, float)) and result["last_modified"] > 1_000_000_000


def test_upload_multiple_gives_lists(page):
    """multiple=True: contents and filename are lists, in the order chosen."""
    page.locator("#upload-multi input[type=file]").set_input_files([
        {"name": "a.txt", "mimeType": "text/plain", "buffer": b"first"},
        {"name": "b.txt", "mimeType": "text/plain", "buffer": b"second"},
    ])
    expect(page.locator("#out-upload-multi")).to_have_text(json.dumps({"a.txt": "first", "b.txt": "second"}),
                                                          timeout=BOOT)


def test_upload_by_drag_and_drop(page):
    """A file dropped on the area uploads like a chosen one."""
    expect(page.locator("#upload")).to_be_visible()
    transfer = page.evaluate_handle(
        "() => { const t = new DataTransfer();"
        " t.items.add(new File(['dropped text'], 'drop.txt', {type: 'text/plain'})); return t; }"
    )
    page.dispatch_event("#upload", "dragenter", {"dataTransfer": transfer})
    page.dispatch_event("#upload", "dragover", {"dataTransfer": transfer})
    page.dispatch_event("#upload", "drop", {"dataTransfer": transfer})
    expect(page.locator("#out-upload")).not_to_be_empty(timeout=BOOT)
    result = uploaded(page, "#out-upload")
    assert (result["filename"], result["text"], result["seen"]) == ("drop.txt", "dropped text", ["drop.txt"])


def test_download_send_string(page):
    """Dash dldw001: dcc.send_string saves a text file under the given name."""
    expect(page.locator("#get-string")).to_be_visible()
    with page.expect_download(timeout=BOOT) as download:
        page.click("#get-string")
    assert download.value.suggested_filename == "table.csv"
    assert Path(download.value.path()).read_text() == "name,clicks\nwasmdash,1\n"


def test_download_send_bytes(page):
    """dcc.send_bytes saves the exact bytes (base64 on the wire)."""
    with page.expect_download(timeout=BOOT) as download:
        page.click("#get-bytes")
    assert download.value.suggested_filename == "raw.bin"
    assert Path(download.value.path()).read_bytes() == bytes([0, 1, 2, 253, 254, 255])


def test_download_send_file(page):
    """Dash dldf001: dcc.send_file saves a file from the server's disk, renamed by `filename`."""
    with page.expect_download(timeout=BOOT) as download:
        page.click("#get-file")
    assert download.value.suggested_filename == "app-source.py"
    assert Path(download.value.path()).read_bytes() == APP.read_bytes()


def test_download_twice_gives_two_files(page):
    """Each new `data` is a new download (the second click's content differs)."""
    with page.expect_download(timeout=BOOT) as first:
        page.click("#get-string")
    assert Path(first.value.path()).read_text().endswith(",1\n")
    with page.expect_download(timeout=BOOT) as second:
        page.click("#get-string")
    assert Path(second.value.path()).read_text().endswith(",2\n")
