"""Dash Pages: ``register_page``, ``page_registry``, ``page_container`` and the routing callback.

``Dash(__name__, use_pages=True)`` imports every module of the pages folder (``pages/`` beside the
app file) that calls ``register_page``; each call adds an entry to :data:`PAGE_REGISTRY` (Dash's
``dash.page_registry``, same keys). ``page_container`` holds Dash's four components
(``_pages_location``, ``_pages_content``, ``_pages_store``, ``_pages_dummy``), and the app's routing
callback renders the page matching the URL into ``_pages_content``.

The routing callback is an ordinary Python callback: on a server it runs there (the page modules
live there), in a ``wasmdash build`` site it runs in the page like every other callback. It also
sets the document title, through a ``_DocumentTitle`` component it puts in ``_pages_dummy`` (Dash
uses a JavaScript clientside callback for that). Pure standard library, so it runs on Pyodide too.
"""

from __future__ import annotations

import collections
import importlib.util
import inspect
import keyword
import logging
import os
import re
import sys
from typing import Any, Callable
from urllib.parse import parse_qs

__all__ = [
    "PAGE_REGISTRY",
    "ID_LOCATION",
    "ID_CONTENT",
    "ID_STORE",
    "ID_DUMMY",
    "register_page",
    "page_container",
    "make_page_container",
    "infer_path",
    "parse_path_variables",
    "parse_query_string",
    "path_to_page",
    "redirect_target",
    "import_pages",
    "setup_routing",
    "first_page",
    "stored_title",
]

logger = logging.getLogger(__name__)

#: Dash's ids of the page container's components.
ID_LOCATION = "_pages_location"
ID_CONTENT = "_pages_content"
ID_STORE = "_pages_store"
ID_DUMMY = "_pages_dummy"

#: ``dash.page_registry``: module name -> page entry, ordered by ``order`` then module name.
PAGE_REGISTRY: collections.OrderedDict[str, dict[str, Any]] = collections.OrderedDict()

_IMAGE_EXTENSIONS = ("apng", "avif", "gif", "jpeg", "jpg", "png", "svg", "webp")
_VARIABLE = re.compile(r"<(.*?)>")


def _current_app() -> Any:
    from . import app as app_module
    from .exceptions import PageError

    if app_module._LAST_APP is None:
        raise PageError(
            "register_page() must be called after the app is created: `app = Dash(__name__, "
            "use_pages=True)` first, then the pages (a pages folder is imported by Dash() itself)."
        )
    return app_module._LAST_APP


def _pages_module_name(app: Any) -> str:
    folder = getattr(app, "pages_folder", "") or ""
    return os.path.basename(os.path.normpath(str(folder))) if folder else ""


def infer_path(module: str, path_template: str | None = None, pages_module: str = "pages") -> str:
    """The URL path Dash gives a page registered without ``path``.

    From ``path_template`` (each ``<variable>`` becomes ``none``), else from the module name
    without its pages package: ``pages.weekly_analytics`` -> ``/weekly-analytics``,
    ``pages.sub.page_a`` -> ``/sub/page-a``.
    """
    if path_template is not None:
        path = _VARIABLE.sub("none", path_template)
    else:
        parts = module.split(".")
        if pages_module and pages_module in parts:
            last = len(parts) - 1 - parts[::-1].index(pages_module)
            parts = parts[last + 1 :] or parts
        path = "/".join(parts).replace("_", "-").lower()
    return path if path.startswith("/") else "/" + path


def _template_regex(path_template: str) -> re.Pattern[str]:
    pieces = []
    position = 0
    for match in _VARIABLE.finditer(path_template):
        pieces.append(re.escape(path_template[position : match.start()]))
        pieces.append(f"(?P<{match.group(1)}>.*)")
        position = match.end()
    pieces.append(re.escape(path_template[position:]))
    return re.compile("".join(pieces), re.DOTALL)


def parse_path_variables(pathname: str, path_template: str) -> dict[str, str] | None:
    """The ``<variable>`` values of ``pathname`` under ``path_template``, or None if it does not match.

    Both are compared without leading and trailing slashes, as Dash does:
    ``parse_path_variables("report/42", "/report/<report_id>") == {"report_id": "42"}``.
    """
    match = _template_regex(path_template.strip("/")).fullmatch(pathname.strip("/"))
    return None if match is None else dict(match.groupdict())


def parse_query_string(search: str | None) -> dict[str, Any]:
    """``?a=1&b=2&b=3`` -> ``{"a": "1", "b": ["2", "3"]}`` (blank values kept), as Dash passes them."""
    if not search or not search.startswith("?"):
        return {}
    parsed = parse_qs(search[1:], keep_blank_values=True)
    return {key: values[0] if len(values) == 1 else values for key, values in parsed.items()}


def path_to_page(path_id: str | None) -> tuple[dict[str, Any], dict[str, str] | None]:
    """The registry entry for a path (without the prefix and slashes) and its path variables.

    Returns ``({}, None)`` when no page matches. Pages are tried in registry order; a page's
    ``path_template`` is tried before its ``path``.
    """
    path_id = (path_id or "").strip("/")
    for page in PAGE_REGISTRY.values():
        template = page.get("path_template")
        if template:
            variables = parse_path_variables(path_id, template)
            if variables is not None:
                return page, variables
        if path_id == str(page["path"]).strip("/"):
            return page, None
    return {}, None


def redirect_target(path_id: str | None) -> str | None:
    """The ``path`` of the page that lists ``path_id`` in its ``redirect_from``, if any."""
    path_id = (path_id or "").strip("/")
    for page in PAGE_REGISTRY.values():
        for source in page.get("redirect_from") or ():
            if str(source).strip("/") == path_id:
                return str(page["path"])
    return None


def _infer_image(app: Any, module: str) -> str | None:
    """``assets/<page>.<ext>``, else ``assets/app.<ext>``, else ``assets/logo.<ext>`` (Dash's rule)."""
    folder = app.assets_path
    if not os.path.isdir(folder):
        return None
    page_id = module.split(".")[-1]
    found: dict[str, str] = {}
    for name in sorted(os.listdir(folder)):
        stem, _, extension = name.partition(".")
        if extension.lower() not in _IMAGE_EXTENSIONS or not os.path.isfile(os.path.join(folder, name)):
            continue
        if stem in (page_id, page_id.replace("_", "-")):
            return name
        found.setdefault(stem, name)
    return found.get("app") or found.get("logo")


def _check_template(module: str, path_template: str) -> None:
    for name in _VARIABLE.findall(path_template):
        if not name.isidentifier() or keyword.iskeyword(name):
            raise ValueError(
                f"register_page({module!r}): `{name}` in path_template {path_template!r} is not a valid "
                "Python variable name; the layout function receives each variable as a keyword argument."
            )


def register_page(
    module: str,
    path: str | None = None,
    path_template: str | None = None,
    name: str | None = None,
    order: Any = None,
    title: Any = None,
    description: Any = None,
    image: str | None = None,
    image_url: str | None = None,
    redirect_from: list[str] | None = None,
    layout: Any = None,
    **kwargs: Any,
) -> None:
    """Add a page to ``dash.page_registry`` (Dash's ``register_page``).

    Args:
        module: the page's module name, usually ``__name__``; a name of your own for pages
            registered from the app file with ``layout=``.
        path: the URL path; inferred from ``path_template`` or ``module`` when None.
        path_template: a path with ``<variable>`` parts passed to the layout function by name.
        name: the link text; ``pages.weekly_analytics`` gives ``Weekly analytics``.
        order: sort key in the registry (the ``/`` page is first when no page has one).
        title: the document title (or a function of the path variables); by default the app's
            title when it is not ``"Dash"``, else ``name``.
        description: the page description (or a function); by default the app's.
        image: an asset file for social cards; inferred from ``assets/``.
        image_url: a full image URL, overriding ``image``.
        redirect_from: paths that lead to this page.
        layout: the page's layout (component or function); by default the module's ``layout``.
        **kwargs: stored in the entry as given.

    Raises:
        PageError: no app exists yet, or ``module`` is not a string.
        ValueError: a ``path_template`` variable is not a Python name.
    """
    from .exceptions import PageError

    app = _current_app()
    if not isinstance(module, str):
        raise PageError(
            f"register_page() takes the page's module name (a string, usually `__name__`) first; "
            f"got a `{type(module).__name__}`: {module!r:.200}"
        )
    if path_template is not None:
        _check_template(module, path_template)
    if redirect_from is not None and (
        isinstance(redirect_from, str) or not all(isinstance(p, str) for p in redirect_from)
    ):
        raise PageError(
            f"register_page({module!r}): redirect_from must be a list of paths such as "
            f"['/old-path'], got {redirect_from!r:.200}"
        )
    inferred_name = module.split(".")[-1].replace("_", " ").capitalize()
    page: dict[str, Any] = {
        "module": module,
        "supplied_path": path,
        "path_template": path_template,
        "path": path if path is not None else infer_path(module, path_template, _pages_module_name(app)),
        "supplied_name": name,
        "name": name if name is not None else inferred_name,
    }
    app_title = getattr(app, "title", "Dash")
    page["supplied_title"] = title
    page["title"] = title if title is not None else app_title if app_title != "Dash" else page["name"]
    page["description"] = description or app.config.get("description") or ""
    page["order"] = order
    page["supplied_order"] = order
    page["supplied_layout"] = layout
    page.update(kwargs)
    page["supplied_image"] = image
    page["image"] = image if image is not None else _infer_image(app, module)
    page["image_url"] = image_url
    page["redirect_from"] = list(redirect_from) if redirect_from else None
    previous = PAGE_REGISTRY.get(module)
    if layout is not None:
        page["layout"] = layout
    elif previous is not None and "layout" in previous and not previous.get("supplied_layout"):
        page["layout"] = previous["layout"]  # the same module registered again keeps its layout
    PAGE_REGISTRY[module] = page
    _reorder(app)


def _reorder(app: Any) -> None:
    """Dash's order: numbers first, then strings, then no order; ties by module name. The ``/``
    page gets order 0 when no page was given an order."""
    any_order = any(p["supplied_order"] is not None for p in PAGE_REGISTRY.values())
    for page in PAGE_REGISTRY.values():
        page["order"] = 0 if page["path"] == "/" and not any_order else page["supplied_order"]
        page["relative_path"] = app.get_relative_path(page["path"])

    def key(page: dict[str, Any]) -> tuple[Any, ...]:
        order = page["order"]
        number = order if isinstance(order, (int, float)) and not isinstance(order, bool) else float("inf")
        return (order is None, number, str(order), page["module"])

    for page in sorted(PAGE_REGISTRY.values(), key=key):
        PAGE_REGISTRY.move_to_end(page["module"])


_container: list[Any] = []


def page_container() -> Any:
    """``dash.page_container`` (one shared component, made on first use)."""
    if not _container:
        _container.append(make_page_container())
    return _container[0]


def make_page_container() -> Any:
    """A new ``dash.page_container``: the URL, the page's content, the title store, the title setter."""
    from . import dcc, html

    return html.Div(
        [
            dcc.Location(id=ID_LOCATION, refresh="callback-nav"),
            html.Div(id=ID_CONTENT, disable_n_clicks=True),
            dcc.Store(id=ID_STORE),
            html.Div(id=ID_DUMMY, disable_n_clicks=True),
        ]
    )


def _module_name(page_file: str, pages_folder: str, root: str) -> str:
    """``<root>/pages/sub/a.py`` -> ``pages.sub.a`` (the folder's path from the app's folder)."""
    relative = os.path.relpath(page_file, pages_folder)
    parent = os.path.relpath(pages_folder, root)
    if parent.startswith(".."):
        parent = os.path.basename(os.path.normpath(pages_folder))
    parts = [p for p in parent.replace(os.sep, "/").split("/") if p not in ("", ".")]
    parts += os.path.splitext(relative)[0].replace(os.sep, "/").split("/")
    return ".".join(parts)


def page_files(pages_folder: str) -> list[str]:
    """The page modules Dash imports: ``.py`` files that call ``register_page``, skipping names
    (files or folders) that start with ``_`` or ``.``; sorted, so every host imports them alike."""
    found = []
    for directory, dirs, files in os.walk(pages_folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        for name in sorted(files):
            if name.startswith((".", "_")) or not name.endswith(".py"):
                continue
            path = os.path.join(directory, name)
            with open(path, encoding="utf-8") as handle:
                if "register_page" in handle.read():
                    found.append(path)
    return found


def import_pages(app: Any, pages_folder: str, root: str) -> None:
    """Import every page module of ``pages_folder`` and give its registry entry its ``layout``.

    Raises:
        NoLayoutException: a page module registered itself but defines no ``layout``.
    """
    from .exceptions import NoLayoutException

    for path in page_files(pages_folder):
        name = _module_name(path, pages_folder, root)
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            continue
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)
        except BaseException:
            sys.modules.pop(name, None)
            raise
        page = PAGE_REGISTRY.get(name)
        if page is not None and not page.get("supplied_layout"):
            if not hasattr(module, "layout"):
                raise NoLayoutException(
                    f"the page module {name} ({path}) calls register_page() but defines no `layout`: "
                    "add `layout = html.Div(...)` or `def layout(**kwargs): ...` to it, or pass "
                    "register_page(__name__, layout=...)."
                )
            page["layout"] = module.layout


def _check_registry() -> None:
    from .exceptions import NoLayoutException, PageError

    by_path: dict[str, list[str]] = {}
    for page in PAGE_REGISTRY.values():
        by_path.setdefault(str(page["path"]), []).append(page["module"])
        if "layout" not in page:
            raise NoLayoutException(
                f"the page {page['module']!r} in dash.page_registry has no layout: define `layout` in "
                "its module or pass register_page(..., layout=...)."
            )
        if page["module"] == "__main__":
            raise PageError(
                "register_page(__name__) was called in the file being run, where __name__ is "
                "'__main__'; give the page a name instead: register_page('home', layout=...)."
            )
    for path, modules in by_path.items():
        if len(modules) > 1:
            raise PageError(f"the pages {modules} all have the path {path!r}; give each page its own path.")


async def _call(function: Callable[..., Any], **kwargs: Any) -> Any:
    value = function(**kwargs)
    if inspect.isawaitable(value):
        value = await value
    return value


def setup_routing(app: Any) -> None:
    """Add the routing callback to ``app`` and its pages' layouts to ``app.validation_layout``.

    Raises:
        NoLayoutException, PageError: a page without a layout, two pages with one path, or a layout
            without ``dash.page_container``.
    """
    from .dependencies import Input, Output

    _check_registry()
    inputs: dict[str, Any] = {
        "pathname_": Input(ID_LOCATION, "pathname"),
        "search_": Input(ID_LOCATION, "search"),
    }
    inputs.update(getattr(app, "routing_callback_inputs", None) or {})

    async def render_page(pathname_: str | None, search_: str | None, **states: Any) -> tuple[Any, Any, Any]:
        layout, title, variables = _resolve(app, pathname_)
        if callable(layout):
            layout = await _call(layout, **{**(variables or {}), **parse_query_string(search_), **states})
        if callable(title):
            title = await _call(title, **(variables or {}))
        return layout, {"title": title}, _document_title(title)

    if not app.config.suppress_callback_exceptions:
        app.validation_layout = _validation_layout(app)
    app.callback(
        Output(ID_CONTENT, "children"),
        Output(ID_STORE, "data"),
        Output(ID_DUMMY, "children"),
        inputs=inputs,
        prevent_initial_call=True,
        hidden=True,
    )(render_page)


def _resolve(app: Any, pathname: str | None) -> tuple[Any, Any, dict[str, str] | None]:
    """The layout (or layout function), the title (or title function) and the path variables for
    ``pathname``: its page, the page it redirects to, or the 404 page."""
    from . import html

    path_id = app.strip_relative_path(pathname) if pathname is not None else ""
    page, variables = path_to_page(path_id)
    if not page:
        target = redirect_target(path_id)  # an in-page link to an old path (a static site too)
        if target is not None:
            page, variables = path_to_page(target)
    if page:
        return page.get("layout", ""), page["title"], variables
    page = next((p for m, p in PAGE_REGISTRY.items() if m.split(".")[-1] == "not_found_404"), {})
    if page:
        return page.get("layout"), page.get("title", app.title), None
    return html.H1("404 - Page not found"), app.title, None


def first_page(app: Any, layout: Any, url: str) -> Any:
    """``layout`` (the app's layout JSON) with the page for ``url`` (path and query) already shown.

    For the first render in the HTML: ``page_container`` gets the page's content, its title, and
    the URL in ``_pages_location`` (so the routing callback does not run again on load). Only pages
    whose layout is a component are shown so; a layout function runs once per page load, in the
    routing callback (as an app's layout function gets no first render). ``layout`` is returned
    unchanged then, or when the app has ``routing_callback_inputs`` or no ``page_container``.
    """
    from .component import Component, to_json
    from .layout import walk

    if getattr(app, "routing_callback_inputs", None):
        return layout
    pathname, _, query = url.partition("?")
    content, title, variables = _resolve(app, pathname)
    if callable(content) and not isinstance(content, Component):
        return layout
    try:
        if callable(title):
            title = title(**(variables or {}))
            if inspect.isawaitable(title):
                title.close()  # type: ignore[union-attr]
                return layout
        values = {
            ID_LOCATION: {"pathname": pathname, "search": f"?{query}" if query else ""},
            ID_CONTENT: {"children": to_json(content)},
            ID_STORE: {"data": {"title": title}},
            ID_DUMMY: {"children": to_json(_document_title(title))},
        }
    except Exception as error:  # noqa: BLE001 - the routing callback will show it in the page
        logger.info("no first render for %s: %s: %s", url, type(error).__name__, error)
        return layout
    found = {}
    for _, component in walk(layout):
        component_id = component.get("props", {}).get("id")
        if isinstance(component_id, str) and component_id in values:
            found[component_id] = component
    if len(found) != len(values):
        return layout
    for component_id, props in values.items():
        found[component_id]["props"].update(props)
    return layout


def _document_title(title: Any) -> Any:
    from .dcc._document_title import DocumentTitle

    return DocumentTitle(title=title)


def stored_title(layout: Any) -> str | None:
    """The page title a routed layout holds (see :func:`first_page`), if any."""
    from .layout import walk

    for _, component in walk(layout):
        props = component.get("props", {})
        if props.get("id") == ID_STORE and isinstance(props.get("data"), dict):
            title = props["data"].get("title")
            return None if title is None else str(title)
    return None


def _validation_layout(app: Any) -> Any:
    """Every page's layout and the app's, for the start-up check of callback ids (as Dash does).

    A layout function is called without arguments; one that needs some is left out (its ids are
    then unknown to the check, which only logs).

    Raises:
        PageError: the app's layout has no ``dash.page_container``.
    """
    from . import html
    from .component import Component
    from .exceptions import PageError

    layouts = []
    for page in PAGE_REGISTRY.values():
        layout = page.get("layout")
        if callable(layout) and not isinstance(layout, Component):
            if inspect.iscoroutinefunction(layout):
                continue
            try:
                layout = layout()
            except Exception as error:  # noqa: BLE001 - a user's layout may need its arguments
                logger.info("page %s: layout() without arguments failed (%s); not checked", page["module"], error)
                continue
        layouts.append(layout)
    main = app._layout_value()
    if not any(getattr(c, "_props", {}).get("id") == ID_CONTENT for c in _components(main)):
        raise PageError(
            "use_pages=True, but the app's layout has no `dash.page_container`: put it where pages "
            "should appear, e.g. app.layout = html.Div([navbar, dash.page_container])."
        )
    return html.Div([*layouts, main])


def _components(value: Any) -> list[Any]:
    from .component import Component

    return list(value._traverse()) if isinstance(value, Component) else []
