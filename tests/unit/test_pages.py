"""Dash Pages (wasmdash._pages): path inference, templates, the registry, the routing callback."""
from __future__ import annotations

import asyncio
import sys
import textwrap
import types

import pytest

from wasmdash import Dash, _callbacks, _pages, html
from wasmdash import app as app_module
from wasmdash.exceptions import InvalidConfig, NoLayoutException, PageError


@pytest.fixture(autouse=True)
def clean_pages_state():
    """Each test starts with no pages, no global callbacks and no `pages.*` modules."""

    def clear():
        _pages.PAGE_REGISTRY.clear()
        _callbacks.GLOBAL_CALLBACK_LIST.clear()
        _callbacks.GLOBAL_CALLBACK_MAP.clear()
        for name in [n for n in sys.modules if n == "pages" or n.startswith(("pages.", "pagestest_"))]:
            del sys.modules[name]

    last = app_module._LAST_APP
    clear()
    yield
    clear()
    app_module._LAST_APP = last


def make_app(tmp_path, pages: dict[str, str], **kwargs):
    """A Dash app whose module lives in tmp_path, with ``pages`` written into tmp_path/pages/."""
    folder = tmp_path / "pages"
    folder.mkdir(exist_ok=True)
    for name, source in pages.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(textwrap.dedent(source))
    module = types.ModuleType(f"pagestest_{tmp_path.name}")
    module.__file__ = str(tmp_path / "app.py")
    sys.modules[module.__name__] = module
    return Dash(module.__name__, use_pages=True, **kwargs)


PAGE = """
    import wasmdash as dash
    from wasmdash import html
    dash.register_page(__name__{args})
    layout = html.Div({text!r}, id={id!r})
"""


def page(text: str, id: str, args: str = "") -> str:
    return PAGE.format(text=text, id=id, args=args)


def route(app, pathname, search="", state=None):
    """Run the routing callback as the page would after the URL changed."""
    body = {
        "output": "..{}.children...{}.data...{}.children..".format(_pages.ID_CONTENT, _pages.ID_STORE, _pages.ID_DUMMY),
        "outputs": [
            {"id": _pages.ID_CONTENT, "property": "children"},
            {"id": _pages.ID_STORE, "property": "data"},
            {"id": _pages.ID_DUMMY, "property": "children"},
        ],
        "inputs": [
            {"id": _pages.ID_LOCATION, "property": "pathname", "value": pathname},
            {"id": _pages.ID_LOCATION, "property": "search", "value": search},
        ],
        "changedPropIds": [f"{_pages.ID_LOCATION}.pathname"],
    }
    if state is not None:
        body["state"] = state
    result = asyncio.run(app.dispatch(body))
    assert result.status == 200, result.body
    return result.body["response"]


# -- paths ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("module", "template", "expected"),
    [
        ("pages.analytics", None, "/analytics"),
        ("pages.weekly_analytics", None, "/weekly-analytics"),
        ("pages.sub.Page_A", None, "/sub/page-a"),
        ("pages.not_found_404", None, "/not-found-404"),
        ("multi_layout1", None, "/multi-layout1"),
        ("pages.report", "/report/<report_id>", "/report/none"),
        ("pages.report", "a/<x>/b/<y>", "/a/none/b/none"),
    ],
)
def test_infer_path_from_module_or_template(module, template, expected):
    """Is a page's default path Dash's: from the template, else the module without `pages.`?"""
    assert _pages.infer_path(module, template) == expected


def test_infer_path_uses_the_pages_folder_name():
    """With pages_folder="views", `views.sales_report` becomes /sales-report."""
    assert _pages.infer_path("views.sales_report", None, "views") == "/sales-report"


@pytest.mark.parametrize(
    ("pathname", "template", "expected"),
    [
        ("report/42", "/report/<report_id>", {"report_id": "42"}),
        ("/report/42/", "/report/<report_id>", {"report_id": "42"}),
        ("a/var1/b/var2", "/a/<id_a>/b/<id_b>", {"id_a": "var1", "id_b": "var2"}),
        ("report", "/report/<report_id>", None),
        ("reports/42", "/report/<report_id>", None),
        ("x/report/42", "/report/<report_id>", None),
        ("file.v1", "/file.<version>", {"version": "v1"}),
        ("fileXv1", "/file.<version>", None),
    ],
)
def test_path_template_matching(pathname, template, expected):
    """Do templates match whole paths only, giving each <variable>'s text?"""
    assert _pages.parse_path_variables(pathname, template) == expected


def test_query_string_values_one_or_many():
    """One value per key is a string, several are a list, blanks are kept (as Dash passes them)."""
    assert _pages.parse_query_string("?a=1&b=2&b=3&c=") == {"a": "1", "b": ["2", "3"], "c": ""}
    assert _pages.parse_query_string("") == {}
    assert _pages.parse_query_string(None) == {}


# -- the registry ------------------------------------------------------------------------------


def test_registry_holds_dash_keys_for_each_page(tmp_path):
    """Does a pages folder fill page_registry with Dash's keys and inferred values?"""
    make_app(tmp_path, {"home.py": page("Home", "h", ", path='/'"), "weekly_analytics.py": page("W", "w")})
    entry = _pages.PAGE_REGISTRY["pages.weekly_analytics"]
    assert {k: entry[k] for k in (
        "module", "supplied_path", "path", "path_template", "supplied_name", "name", "supplied_title",
        "title", "description", "order", "supplied_order", "image", "image_url", "redirect_from",
        "relative_path",
    )} == {
        "module": "pages.weekly_analytics", "supplied_path": None, "path": "/weekly-analytics",
        "path_template": None, "supplied_name": None, "name": "Weekly analytics", "supplied_title": None,
        "title": "Weekly analytics", "description": "", "order": None, "supplied_order": None,
        "image": None, "image_url": None, "redirect_from": None, "relative_path": "/weekly-analytics",
    }
    assert entry["layout"].to_plotly_json()["props"] == {"children": "W", "id": "w"}
    assert entry["supplied_layout"] is None


def test_home_page_comes_first_with_order_zero(tmp_path):
    """The `/` page gets order 0 and leads; the others follow by module name."""
    make_app(tmp_path, {"b.py": page("B", "b"), "a.py": page("A", "a"), "zhome.py": page("H", "h", ", path='/'")})
    assert list(_pages.PAGE_REGISTRY) == ["pages.zhome", "pages.a", "pages.b"]
    assert _pages.PAGE_REGISTRY["pages.zhome"]["order"] == 0


def test_supplied_orders_sort_numbers_then_strings_then_none(tmp_path):
    """Once any page has an order, `/` loses its automatic 0 (Dash's rule)."""
    make_app(tmp_path, {
        "home.py": page("H", "h", ", path='/'"),
        "x.py": page("X", "x", ", order='b'"),
        "y.py": page("Y", "y", ", order=2"),
        "z.py": page("Z", "z", ", order=1"),
    })
    assert list(_pages.PAGE_REGISTRY) == ["pages.z", "pages.y", "pages.x", "pages.home"]


def test_titles_default_to_the_app_title_unless_it_is_dash(tmp_path):
    """An app title other than "Dash" is every page's default title; `name` otherwise."""
    make_app(tmp_path, {"one.py": page("1", "o")}, title="My app")
    assert _pages.PAGE_REGISTRY["pages.one"]["title"] == "My app"


def test_private_and_non_page_files_are_not_imported(tmp_path):
    """Files and folders starting with _ or ., and files without register_page, are skipped."""
    boom = "raise RuntimeError('imported')  # register_page\n"
    make_app(tmp_path, {
        "_private.py": boom, ".hidden.py": boom, "_sub/p.py": boom, "helper.py": "raise RuntimeError('no')\n",
        "sub/deep_page.py": page("D", "d"),
    })
    assert list(_pages.PAGE_REGISTRY) == ["pages.sub.deep_page"]
    assert _pages.PAGE_REGISTRY["pages.sub.deep_page"]["path"] == "/sub/deep-page"
    assert "pages.sub.deep_page" in sys.modules


def test_register_page_from_the_app_file_with_a_layout(tmp_path):
    """register_page('name', layout=...) works without a module; kwargs are stored as given."""
    app = Dash(__name__, url_base_pathname="/app/")
    _pages.register_page("about", layout=html.Div("About"), custom_key="custom")
    entry = _pages.PAGE_REGISTRY["about"]
    assert entry["path"] == "/about" and entry["relative_path"] == "/app/about"
    assert entry["custom_key"] == "custom" and entry["supplied_layout"] is entry["layout"]
    assert app.get_relative_path(entry["path"]) == "/app/about"


def test_page_module_without_layout_is_refused(tmp_path):
    """A page module that registers itself but has no `layout` names the module."""
    with pytest.raises(NoLayoutException, match=r"pages\.empty .*defines no `layout`"):
        make_app(tmp_path, {"empty.py": "import wasmdash\nwasmdash.register_page(__name__)\n"})


def test_missing_pages_folder_is_an_invalid_config(tmp_path):
    """use_pages=True with no pages folder says which folder and how to opt out."""
    module = types.ModuleType("pagestest_nofolder")
    module.__file__ = str(tmp_path / "app.py")
    sys.modules[module.__name__] = module
    with pytest.raises(InvalidConfig, match=r"pages folder 'pages' does not exist.*pages_folder=\"\""):
        Dash(module.__name__, use_pages=True)


def test_bad_template_variable_is_refused(tmp_path):
    """A <variable> that is not a Python name cannot reach a layout function."""
    Dash(__name__)
    with pytest.raises(ValueError, match=r"`report-id` in path_template '/r/<report-id>'"):
        _pages.register_page("r", path_template="/r/<report-id>", layout=html.Div())


def test_register_page_needs_a_string_module():
    """register_page(html.Div()) by mistake names the type it got."""
    Dash(__name__)
    with pytest.raises(PageError, match="module name .*got a `Div`"):
        _pages.register_page(html.Div())


def test_two_pages_with_one_path_are_refused(tmp_path):
    """Duplicate paths are an error naming both pages, when the app sets up."""
    app = make_app(tmp_path, {"a.py": page("A", "a", ", path='/x'"), "b.py": page("B", "b", ", path='/x'")})
    with pytest.raises(PageError, match=r"\['pages.a', 'pages.b'\] all have the path '/x'"):
        app.layout_json()


def test_layout_without_page_container_is_refused(tmp_path):
    """use_pages with a layout that lacks dash.page_container says where to put it."""
    app = make_app(tmp_path, {"a.py": page("A", "a")})
    app.layout = html.Div("no container")
    with pytest.raises(PageError, match="no `dash.page_container`"):
        app.layout_json()


# -- the routing callback ----------------------------------------------------------------------


ROUTED_PAGES = {
    "home.py": page("Home", "home", ", path='/', title='Home page'"),
    "report.py": """
        import wasmdash as dash
        from wasmdash import html
        dash.register_page(__name__, path_template="/report/<report_id>",
                           title=lambda report_id=None: f"Report {report_id}", redirect_from=["/old-report"])
        def layout(report_id=None, view="summary", **other):
            return html.Div(f"{report_id} as {view}", id="report")
    """,
}


def test_default_layout_is_the_page_container(tmp_path):
    """An app with use_pages and no layout serves dash.page_container, with Dash's ids."""
    app = make_app(tmp_path, ROUTED_PAGES)
    layout = app.layout_json()
    ids = [child["props"]["id"] for child in layout["props"]["children"]]
    assert ids == ["_pages_location", "_pages_content", "_pages_store", "_pages_dummy"]
    assert layout["props"]["children"][0]["props"]["refresh"] == "callback-nav"


def test_routing_renders_the_matching_page_and_its_title(tmp_path):
    """The page for `/` comes with its title in the store and in a _DocumentTitle."""
    app = make_app(tmp_path, ROUTED_PAGES)
    response = route(app, "/")
    assert response["_pages_content"]["children"]["props"] == {"children": "Home", "id": "home"}
    assert response["_pages_store"]["data"] == {"title": "Home page"}
    assert response["_pages_dummy"]["children"] == {
        "type": "_DocumentTitle", "namespace": "dash_core_components", "props": {"title": "Home page"}}


def test_routing_passes_path_variables_and_query_parameters(tmp_path):
    """A layout function gets the template's variables and the query string by name."""
    app = make_app(tmp_path, ROUTED_PAGES)
    response = route(app, "/report/42", "?view=chart")
    assert response["_pages_content"]["children"]["props"]["children"] == "42 as chart"
    assert response["_pages_store"]["data"] == {"title": "Report 42"}


def test_routing_honours_the_url_prefix(tmp_path):
    """Under url_base_pathname the pathname is matched without the prefix."""
    app = make_app(tmp_path, ROUTED_PAGES, url_base_pathname="/app/")
    assert route(app, "/app/report/7")["_pages_content"]["children"]["props"]["children"] == "7 as summary"


def test_routing_follows_redirect_from_in_the_page(tmp_path):
    """An in-page link to a redirect_from path shows the page it leads to."""
    app = make_app(tmp_path, ROUTED_PAGES)
    assert _pages.redirect_target("old-report") == "/report/none"
    assert route(app, "/old-report")["_pages_content"]["children"]["props"]["children"] == "none as summary"


def test_unknown_path_without_404_page_shows_dash_default(tmp_path):
    """No page matches and there is no not_found_404 page: Dash's H1 and the app's title."""
    app = make_app(tmp_path, ROUTED_PAGES, title="Shop")
    response = route(app, "/nowhere")
    assert response["_pages_content"]["children"] == {
        "type": "H1", "namespace": "dash_html_components", "props": {"children": "404 - Page not found"}}
    assert response["_pages_store"]["data"] == {"title": "Shop"}


def test_unknown_path_shows_the_not_found_404_page(tmp_path):
    """pages/not_found_404.py is the 404 page, with its own title."""
    app = make_app(tmp_path, {**ROUTED_PAGES, "not_found_404.py": page("Lost", "nf", ", title='Lost'")})
    response = route(app, "/nowhere")
    assert response["_pages_content"]["children"]["props"]["id"] == "nf"
    assert response["_pages_store"]["data"] == {"title": "Lost"}


def test_async_layout_functions_are_awaited(tmp_path):
    """An `async def layout` works, as in Dash."""
    app = make_app(tmp_path, {"slow.py": """
        import wasmdash as dash
        from wasmdash import html
        dash.register_page(__name__, path="/")
        async def layout(**kwargs):
            return html.Div("awaited", id="a")
    """})
    assert route(app, "/")["_pages_content"]["children"]["props"]["children"] == "awaited"


def test_page_callbacks_are_checked_against_every_page_layout(tmp_path):
    """A page's callback ids are found in that page's layout: no start-up problem is reported."""
    app = make_app(tmp_path, {"counter.py": """
        import wasmdash as dash
        from wasmdash import Input, Output, callback, html
        dash.register_page(__name__)
        layout = html.Div([html.Button(id="add"), html.Div(id="clicks")])
        @callback(Output("clicks", "children"), Input("add", "n_clicks"))
        def count(n):
            return n
        @callback(Output("clicks", "title"), Input("typo", "n_clicks"))
        def broken(n):
            return n
    """})
    app.layout_json()
    [problem] = app.validation_problems
    assert "no component in the layout has the id 'typo'" in str(problem)


def test_routing_callback_inputs_reach_the_layout(tmp_path):
    """routing_callback_inputs add named values to every layout call (Dash's option)."""
    from wasmdash import State

    app = make_app(tmp_path, {"home.py": """
        import wasmdash as dash
        from wasmdash import html
        dash.register_page(__name__, path="/")
        def layout(lang="en", **kwargs):
            return html.Div(lang, id="lang")
    """}, routing_callback_inputs={"lang": State("lang-store", "data")})
    from wasmdash import dcc

    app.layout = html.Div([dcc.Store(id="lang-store"), _pages.page_container()])
    assert app.dependencies_json()[0]["state"] == [{"id": "lang-store", "property": "data"}]
    response = route(app, "/", state=[{"id": "lang-store", "property": "data", "value": "fr"}])
    assert response["_pages_content"]["children"]["props"]["children"] == "fr"


# -- the first render --------------------------------------------------------------------------


def props_by_id(layout):
    from wasmdash.layout import walk

    return {c["props"]["id"]: c["props"] for _, c in walk(layout) if isinstance(c["props"].get("id"), str)}


def test_layout_for_a_url_has_a_component_page_in_place(tmp_path):
    """layout_json(url=...) shows a page whose layout is a component, with its title and URL."""
    app = make_app(tmp_path, ROUTED_PAGES)
    props = props_by_id(app.layout_json(url="/?tab=2"))
    assert props["_pages_content"]["children"]["props"] == {"children": "Home", "id": "home"}
    assert props["_pages_store"]["data"] == {"title": "Home page"}
    assert props["_pages_dummy"]["children"]["props"] == {"title": "Home page"}
    assert props["_pages_location"]["pathname"] == "/" and props["_pages_location"]["search"] == "?tab=2"
    assert _pages.stored_title(app.layout_json(url="/")) == "Home page"


def test_layout_for_a_url_leaves_layout_functions_to_the_routing_callback(tmp_path):
    """A page whose layout is a function is not called for the first render (it runs once, on load)."""
    app = make_app(tmp_path, ROUTED_PAGES)
    props = props_by_id(app.layout_json(url="/report/42"))
    assert "children" not in props["_pages_content"] and "pathname" not in props["_pages_location"]
    assert _pages.stored_title(app.layout_json(url="/report/42")) is None


def test_layout_for_an_unknown_url_shows_the_404_page(tmp_path):
    """The 404 page is in the first render of an unknown path too."""
    app = make_app(tmp_path, ROUTED_PAGES, title="Shop")
    props = props_by_id(app.layout_json(url="/nowhere"))
    assert props["_pages_content"]["children"]["props"]["children"] == "404 - Page not found"
    assert props["_pages_store"]["data"] == {"title": "Shop"}
