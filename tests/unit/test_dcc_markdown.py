"""dcc.Markdown: CommonMark via markdown-it-py, straight to VNodes."""
from __future__ import annotations

import pytest

from wasmdash import dcc
from wasmdash.component import to_json
from wasmdash._html_render import render_html
from wasmdash.vdom import render_layout
from wasmdash.view import DomView

pytest.importorskip("markdown_it", reason="dcc.Markdown needs markdown-it-py")


def html_of(**props):
    return render_html(render_layout(to_json(dcc.Markdown(**props))))


def test_headings_emphasis_and_paragraphs():
    """Basic CommonMark renders to the expected elements inside a div."""
    assert html_of(children="# Title\n\nSome *em* and **strong**.", id="m") == (
        '<div id="m" class="dash-markdown"><h1>Title</h1><p>Some <em>em</em> and <strong>strong</strong>.</p></div>'
    )


def test_tight_lists_have_no_paragraphs():
    """A tight list's items hold their text directly."""
    assert html_of(children="- a\n- b") == '<div class="dash-markdown"><ul><li>a</li><li>b</li></ul></div>'


def test_links_get_link_target():
    """link_target is set on every link; titles are kept."""
    assert html_of(children='[x](http://e.org "T")', link_target="_blank") == (
        '<div class="dash-markdown"><p><a href="http://e.org" title="T" target="_blank">x</a></p></div>'
    )


def test_code_fence_gets_a_language_class():
    """Fenced code becomes pre > code.language-xxx with the code as text."""
    assert html_of(children="```py\nx = 1 < 2\n```") == (
        '<div class="dash-markdown"><pre><code class="language-py">x = 1 &lt; 2\n</code></pre></div>'
    )


def test_raw_html_is_text_unless_allowed():
    """<b> in the text is escaped by default and markup with dangerously_allow_html."""
    assert html_of(children="<b>hi</b>") == '<div class="dash-markdown"><p>&lt;b&gt;hi&lt;/b&gt;</p></div>'
    assert "<b>hi</b>" in html_of(children="<b>hi</b>", dangerously_allow_html=True)


def test_tables_render():
    """GitHub tables work, as in Dash."""
    out = html_of(children="| a | b |\n|---|--:|\n| 1 | 2 |")
    assert "<table><thead><tr><th>a</th><th" in out
    assert '<td style="text-align: right">2</td>' in out


def test_dedent_and_list_children():
    """Indented text is dedented; a list of strings is joined with newlines."""
    assert html_of(children=["    # T", "    text"]) == '<div class="dash-markdown"><h1>T</h1><p>text</p></div>'


def test_changing_text_updates_only_what_changed():
    """A callback changing one word yields one text op."""
    layout = to_json(dcc.Markdown("# Hello\n\nworld", id="m"))
    view = DomView()
    view.render(layout)
    layout["props"]["children"] = "# Hello\n\nthere"
    ops = view.update(layout, [()])
    assert [op[0] for op in ops] == ["text"] and ops[0][2] == "there"
