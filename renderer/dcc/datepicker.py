"""``dcc.DatePickerSingle`` and ``dcc.DatePickerRange``: date inputs with a calendar drawn by Python.

The markup follows Dash 4's date pickers (class names ``dash-datepicker``,
``dash-datepicker-input-wrapper``, ``dash-datepicker-input``, ``dash-datepicker-clear``,
``dash-datepicker-content``, ``dash-datepicker-controls``, ``dash-datepicker-month-nav``,
``dash-datepicker-calendar``, ``dash-datepicker-calendar-date-{inside,outside,selected,
highlighted,disabled}``), so apps' CSS and tests keep working. The look is in ``static/wasmdash.css``
under those names, so an app's stylesheet can change it; inline styles are only what props compute
(the user's ``style``, ``day_size`` as ``--day-size``, ``calendar_orientation``). The date maths
(formats, the month grid, which days may be chosen) is in ``_dates.py``.

Dates travel as ``'YYYY-MM-DD'`` strings. ``display_format`` / ``month_format`` use moment.js tokens
(``YYYY YY MMMM MMM MM M Do DD D dddd ddd dd``), in English. Typing a date and pressing Enter
or Tab (or leaving the field) parses it with ``display_format`` (else ISO and a few common
spellings); an invalid or disallowed date reverts the field.

UI state (not props, kept by the view): whether the calendar is open, the month shown, and a
range's half-chosen start (``updatemode='bothdates'`` sends nothing until both ends are chosen).
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Callable

from .._wire import Path
from ..component import make_component_class
from ..events import EventContext
from ..vdom import DCC_NAMESPACE, RenderContext, VNode, element, register_rules
from ._dates import DayLimits, add_months, format_date, iso, month_weeks, parse_date, scroll_to, weekday_heads
from ._persistence import persistence_props

__all__ = ["DatePickerSingle", "DatePickerRange", "PROPS_SINGLE", "PROPS_RANGE", "parse_date", "format_date"]

_COMMON: dict[str, str] = {
    "id": "id of the input (the wrapper gets '<id>-wrapper')",
    "min_date_allowed": "earliest selectable date 'YYYY-MM-DD'",
    "max_date_allowed": "latest selectable date 'YYYY-MM-DD'",
    "disabled_days": "list of dates that cannot be selected",
    "initial_visible_month": "month the calendar opens on when no date is chosen",
    "display_format": "moment.js format of the input text (default 'YYYY-MM-DD')",
    "month_format": "moment.js format of month headers (default 'MMMM YYYY')",
    "first_day_of_week": "0 = Sunday (default) ... 6 = Saturday",
    "show_outside_days": "show (and allow) days of the neighbouring months (default True)",
    "number_of_months_shown": "months side by side (default 1)",
    "stay_open_on_select": "keep the calendar open after choosing (default False)",
    "clearable": "show a clear button when a date is chosen (default False)",
    "reopen_calendar_on_clear": "open the calendar after clearing",
    "disabled": "no interaction",
    "with_portal": "accepted (the calendar opens in place)",
    "with_full_screen_portal": "accepted (the calendar opens in place)",
    "calendar_orientation": "'horizontal' (default) or 'vertical'",
    "day_size": "day cell size in px (default 34)",
    "is_RTL": "right-to-left calendar",
    "className": "class of the input wrapper",
    "style": "style of the input wrapper",
    "loading_state": "Dash bookkeeping",
}

#: Dash's dcc.DatePickerSingle props.
PROPS_SINGLE: dict[str, str] = {
    **_COMMON,
    "date": "the chosen date 'YYYY-MM-DD' (None when empty)",
    "placeholder": "input placeholder (default 'Select Date')",
    **persistence_props("DatePickerSingle"),
}

#: Dash's dcc.DatePickerRange props.
PROPS_RANGE: dict[str, str] = {
    **_COMMON,
    "start_date": "start of the range 'YYYY-MM-DD'",
    "end_date": "end of the range 'YYYY-MM-DD'",
    "start_date_id": "id of the start input",
    "end_date_id": "id of the end input",
    "start_date_placeholder_text": "start placeholder (default 'Start Date')",
    "end_date_placeholder_text": "end placeholder (default 'End Date')",
    "minimum_nights": "least number of nights between start and end",
    "updatemode": "'singledate' (default): each end is sent as chosen; 'bothdates': only complete ranges",
    **persistence_props("DatePickerRange"),
}

DatePickerSingle = make_component_class(
    "DatePickerSingle", DCC_NAMESPACE, PROPS_SINGLE, doc="A date input with a calendar.", module=__name__
)
DatePickerRange = make_component_class(
    "DatePickerRange", DCC_NAMESPACE, PROPS_RANGE, doc="A date range input with a calendar.", module=__name__
)

# -- rendering -----------------------------------------------------------------------------------


def _int(value: Any, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _first_month(props: dict[str, Any], state: dict[str, Any], chosen: _dt.date | None) -> _dt.date:
    shown = state.get("month")
    if isinstance(shown, str):
        day = parse_date(shown)
        if day is not None:
            return day
    start = parse_date(props.get("initial_visible_month")) or chosen or parse_date(props.get("min_date_allowed"))
    start = start or _dt.date.today()
    return start.replace(day=1)


def _nav_button(label: str, arrow: str, step: int, enabled: bool) -> VNode:
    # aria-disabled, not disabled: a focused button that becomes disabled loses focus, and the
    # picker would take that for the user leaving it
    return element(
        "button",
        {"type": "button", "className": "dash-datepicker-month-nav", "aria-label": label,
         "aria-disabled": "true" if not enabled else None},
        [arrow],
        data=("nav", step) if enabled else ("off-nav", step),
        key=f"nav{step}",
    )


def _day_cell(day: _dt.date, month: _dt.date, selected: list[_dt.date], span: tuple[_dt.date, _dt.date] | None,
              limits: DayLimits, show_outside: bool) -> VNode:
    """One ``td`` of the grid; its look is in wasmdash.css, keyed on Dash 4's class names."""
    is_outside = day.month != month.month
    allowed = limits.allows(day)
    shown = show_outside or not is_outside
    classes = ["dash-datepicker-calendar-date-outside" if is_outside else "dash-datepicker-calendar-date-inside"]
    if day in selected:
        classes.append("dash-datepicker-calendar-date-selected")
    if span is not None and span[0] <= day <= span[1]:
        classes.append("dash-datepicker-calendar-date-highlighted")
    if not allowed:
        classes.append("dash-datepicker-calendar-date-disabled")
    if not shown:
        classes.append("dash-datepicker-calendar-padding")  # a blank cell, as Dash's padding days
    pickable = allowed and shown
    return element(
        "td",
        {"className": " ".join(classes), "aria-disabled": not allowed,
         "tabIndex": 0 if pickable and not is_outside else -1,
         "data-date": day.isoformat(), "aria-label": format_date(day, "dddd, MMMM D, YYYY")},
        [element("span", {}, [str(day.day) if shown else ""])],
        data=("day" if pickable else "off", day.isoformat()),
    )


def _month_table(month: _dt.date, props: dict[str, Any], count: int, cell: Callable[[_dt.date, _dt.date], VNode]) -> VNode:
    week_start = _int(props.get("first_day_of_week"), 0) % 7
    head_rows: list[VNode] = []
    if count > 1:
        head_rows.append(element("tr", {}, [
            element("th", {"colSpan": 7, "className": "dash-datepicker-calendar-month-header"},
                    [format_date(month, props.get("month_format") or "MMMM YYYY")])
        ]))
    head_rows.append(element("tr", {}, [element("th", {}, [element("span", {}, [d])]) for d in weekday_heads(week_start)]))
    body = element("tbody", {}, [
        element("tr", {"className": "dash-datepicker-calendar-week"}, [cell(day, month) for day in week],
                key=week[0].isoformat())
        for week in month_weeks(month, week_start)
    ])
    return element("table", {"className": "dash-datepicker-calendar"}, [element("thead", {}, head_rows), body],
                   key=month.isoformat())


def _calendar(
    props: dict[str, Any],
    state: dict[str, Any],
    selected: list[_dt.date],
    span: tuple[_dt.date, _dt.date] | None,
    limits: DayLimits,
    chosen: _dt.date | None,
) -> VNode:
    first = _first_month(props, state, chosen)
    count = max(1, _int(props.get("number_of_months_shown"), 1))
    show_outside = props.get("show_outside_days", True) is not False
    controls = element("div", {"className": "dash-datepicker-controls"}, [
        _nav_button("Previous month", "\u2190", -1, limits.allows_before(first)),
        element("div", {"className": "dash-datepicker-month-label"}, [format_date(first, "MMMM YYYY")]),
        _nav_button("Next month", "\u2192", 1, limits.allows_after(add_months(first, count - 1))),
    ])

    def cell(day: _dt.date, month: _dt.date) -> VNode:
        return _day_cell(day, month, selected, span, limits, show_outside)

    months = [_month_table(add_months(first, offset), props, count, cell) for offset in range(count)]
    # computed from props, so inline (as Dash does): the orientation and the day size
    vertical = props.get("calendar_orientation") == "vertical"
    container = element("div", {"className": "dash-datepicker-calendar-container", "dir": "rtl" if props.get("is_RTL") else None},
                        months, style={"flexDirection": "column" if vertical else "row"})
    wrapper = element("div", {"className": "dash-datepicker-calendar-wrapper"}, [controls, container],
                      style={"--day-size": f"{_int(props.get('day_size'), 34)}px"})
    # tabIndex -1: a press anywhere in the calendar keeps focus inside the picker (see focusout)
    return element(
        "div",
        {"className": "dash-datepicker-content", "role": "dialog", "tabIndex": -1},
        [wrapper],
        key="calendar",
        data=("calendar",),
    )


def _input(props: dict[str, Any], value: str, input_id: Any, classes: str, placeholder: str, which: str) -> VNode:
    disabled = bool(props.get("disabled"))
    return element(
        "input",
        {"type": "text", "id": input_id, "className": classes, "placeholder": placeholder, "aria-label": placeholder,
         "disabled": disabled, "autoComplete": "off", "size": max(len(value), len(placeholder), 10),
         "dir": "rtl" if props.get("is_RTL") else None},
        props={"value": value},
        data=("input", which),
        key=f"input-{which}",
    )


def _wrapper(props: dict[str, Any], root_id: Any, children: list[VNode], is_open: bool) -> VNode:
    classes = "dash-datepicker-input-wrapper"
    if props.get("disabled"):
        classes += " dash-datepicker-input-wrapper-disabled"
    if props.get("className"):
        classes += " " + str(props["className"])
    wrapper_id = f"{root_id}-wrapper" if isinstance(root_id, str) else None
    user_style = props.get("style") if isinstance(props.get("style"), dict) else {}
    return element(
        "div",
        {"id": wrapper_id, "className": classes, "aria-haspopup": "dialog", "aria-expanded": is_open,
         "aria-disabled": bool(props.get("disabled"))},
        children,
        style=user_style,
        data=("wrapper",),
    )


def _clear_button(props: dict[str, Any], has_value: bool) -> VNode | None:
    if not props.get("clearable") or props.get("disabled") or not has_value:
        return None
    return element("a", {"className": "dash-datepicker-clear", "aria-label": "Clear date", "role": "button"},
                   ["\u00d7"], data=("clear",), key="clear")


def render_single(ctx: RenderContext, props: dict[str, Any], path: Path) -> VNode:
    state = ctx.state(props, path)
    fmt = props.get("display_format")
    chosen = parse_date(props.get("date"))
    is_open = bool(state.get("open")) and not props.get("disabled")
    placeholder = props.get("placeholder")
    placeholder = "Select Date" if placeholder is None else str(placeholder)
    children: list[VNode | None] = [
        _input(props, format_date(chosen, fmt), props.get("id"), "dash-datepicker-input dash-datepicker-end-date",
               placeholder, "date"),
        _clear_button(props, chosen is not None),
        element("span", {"className": "dash-datepicker-caret-icon", "aria-hidden": True}, ["\u25be"], key="caret"),
    ]
    root = element("div", {"className": "dash-datepicker"})
    root.children.append(_wrapper(props, props.get("id"), [c for c in children if c is not None], is_open))
    if is_open:
        selected = [chosen] if chosen is not None else []
        root.children.append(_calendar(props, state, selected, None, DayLimits(props), chosen))
    return root


def _range_dates(props: dict[str, Any], state: dict[str, Any]) -> tuple[_dt.date | None, _dt.date | None]:
    """The range as the picker shows it: a half-chosen draft, else the props."""
    draft = state.get("draft")
    if isinstance(draft, dict) and draft.get("base") == [props.get("start_date"), props.get("end_date")]:
        return parse_date(draft.get("start")), None
    state.pop("draft", None)
    return parse_date(props.get("start_date")), parse_date(props.get("end_date"))


def _range_limits(props: dict[str, Any], start: _dt.date | None, end: _dt.date | None) -> DayLimits:
    nights = _int(props.get("minimum_nights"), 0)
    extra: set[_dt.date] = set()
    if start is not None and end is None and nights > 0:
        for i in range(1, nights):
            extra.add(start + _dt.timedelta(days=i))
            extra.add(start - _dt.timedelta(days=i))
    return DayLimits(props, extra)


def render_range(ctx: RenderContext, props: dict[str, Any], path: Path) -> VNode:
    state = ctx.state(props, path)
    fmt = props.get("display_format")
    start, end = _range_dates(props, state)
    is_open = bool(state.get("open")) and not props.get("disabled")
    root_id = props.get("id")
    start_ph = props.get("start_date_placeholder_text")
    end_ph = props.get("end_date_placeholder_text")
    start_id = props.get("start_date_id") or root_id
    end_id = props.get("end_date_id") or (f"{root_id}-end-date" if isinstance(root_id, str) else None)
    children: list[VNode | None] = [
        _input(props, format_date(start, fmt), start_id, "dash-datepicker-input dash-datepicker-start-date",
               "Start Date" if start_ph is None else str(start_ph), "start"),
        element("span", {"className": "dash-datepicker-range-arrow", "aria-hidden": True},
                ["\u2190" if props.get("is_RTL") else "\u2192"], key="arrow"),
        _input(props, format_date(end, fmt), end_id, "dash-datepicker-input dash-datepicker-end-date",
               "End Date" if end_ph is None else str(end_ph), "end"),
        _clear_button(props, start is not None or end is not None),
        element("span", {"className": "dash-datepicker-caret-icon", "aria-hidden": True}, ["\u25be"], key="caret"),
    ]
    root = element("div", {"className": "dash-datepicker"})
    root.children.append(_wrapper(props, root_id, [c for c in children if c is not None], is_open))
    if is_open:
        selected = [d for d in (start, end) if d is not None]
        span = (start, end) if start is not None and end is not None else None
        root.children.append(_calendar(props, state, selected, span, _range_limits(props, start, end), start or end))
    return root


# -- events --------------------------------------------------------------------------------------


def _focus_input(ctx: EventContext, which: str) -> None:
    root = ctx.view.by_path.get(ctx.path)
    if root is None:
        return
    for node in root.walk():
        if node.data == ("input", which):
            ctx.view.call("focus", node.ref)
            return


#: Arrow keys on a calendar day move the focus by these many days (Dash's calendar keys).
_MOVES = {"ArrowLeft": -1, "ArrowRight": 1, "ArrowUp": -7, "ArrowDown": 7}


def _focus_day(ctx: EventContext, day: _dt.date) -> None:
    """Once re-rendered, put the keyboard focus on ``day``'s cell."""
    iso = day.isoformat()

    def focus() -> None:
        root = ctx.view.by_path.get(ctx.path)
        if root is None:
            return
        for node in root.walk():
            if node.tag == "td" and node.attrs.get("data-date") == iso:
                ctx.view.call("focus", node.ref)
                return

    ctx.after(focus)


def _write_fields(ctx: EventContext) -> None:
    """After a click changed the dates, write the fields' text: the page shows the old text, and
    the view already counts the new props as shown (they came from the user), so no diff would."""

    def write() -> None:
        root = ctx.view.by_path.get(ctx.path)
        if root is None:
            return
        ops = [["setProp", node.ref, "value", node.props.get("value", "")]
               for node in root.walk() if isinstance(node.data, tuple) and node.data[:1] == ("input",)]
        ctx.view.send(ops)

    ctx.after(write)


def _common(ctx: EventContext, what: Any, data: Any, chosen: _dt.date | None) -> bool:
    """Open/close/month navigation shared by both pickers; True when the event was handled."""
    state = ctx.state
    kind = ctx.type
    is_move = kind == "keydown" and what in ("day", "off") and ctx.event.get("key") in _MOVES
    if not is_move and kind != "focusout":  # focusout follows our own focus moves
        state.pop("moved", None)
    if kind == "click" and what == "nav":
        base = _first_month(ctx.props, state, chosen)
        state["month"] = add_months(base, data[1]).isoformat()
        ctx.refresh()
        return True
    if kind == "click" and what in ("input", "wrapper") and not state.get("open"):
        state["open"] = True
        state.pop("month", None)
        ctx.refresh()
        return True
    if is_move:
        day = parse_date(data[1])
        if day is None:
            return True
        # Keys pressed faster than the page moves the focus still come from the cell the last
        # move left: count them from where that move went, so no key press is lost.
        moved = state.get("moved")
        if moved and moved[0] == data[1]:
            day = parse_date(moved[1]) or day
        target = day + _dt.timedelta(days=_MOVES[ctx.event["key"]])
        state["moved"] = [data[1], target.isoformat()]
        first = _first_month(ctx.props, state, chosen)
        shown = scroll_to(first, max(1, _int(ctx.props.get("number_of_months_shown"), 1)), target)
        if shown != first:
            state["month"] = shown.isoformat()
        ctx.refresh()
        _focus_day(ctx, target)
        return True
    if kind == "keydown" and ctx.event.get("key") == "Escape":
        if state.get("open"):
            state["open"] = False
            ctx.refresh()
        return True
    if kind == "focusout":
        _close_if_left(ctx)
        return True
    return False


def _close_if_left(ctx: EventContext) -> None:
    """Focus left the picker (not moved within it): close the calendar."""
    root = ctx.view.by_path.get(ctx.path)
    inside = ctx.event.get("related") or []
    if root is not None and root.ref in inside:
        return
    if ctx.target is None:
        return  # the focused node was removed by a re-render (the calendar moved on a month)
    if ctx.state.get("open"):
        ctx.state["open"] = False
        ctx.refresh()


def _typed(ctx: EventContext, what: Any) -> bool:
    """Is this the moment to parse a field's text (Enter, arrows, Tab, leaving the field)?"""
    if what != "input":
        return False
    if ctx.type == "keydown":
        return ctx.event.get("key") in ("Enter", "ArrowUp", "ArrowDown", "Tab")
    return ctx.type == "focusout"


def _open_on_key(ctx: EventContext, shown: _dt.date | None) -> None:
    """Enter and the up/down arrows in a field open the calendar; the arrows move focus into it."""
    key = ctx.event.get("key") if ctx.type == "keydown" else None
    if key in ("Enter", "ArrowUp", "ArrowDown"):
        ctx.state["open"] = True
        if shown is not None:
            ctx.state["month"] = shown.replace(day=1).isoformat()
        ctx.refresh()
    if key in ("ArrowUp", "ArrowDown"):
        _focus_day(ctx, shown or _first_month(ctx.props, ctx.state, None))


def _hit(ctx: EventContext) -> tuple[Any, Any]:
    """What part of the picker the event hit (``"day"``, ``"input"``, ``"nav"`` ...) and that node's data."""
    data = ctx.node.data if ctx.node is not None else None
    return (data[0] if isinstance(data, tuple) else None), data


def _picks_day(ctx: EventContext, what: Any) -> bool:
    """A click on a choosable day, or Enter while it has the focus."""
    return what == "day" and (ctx.type == "click" or (ctx.type == "keydown" and ctx.event.get("key") == "Enter"))


def on_event_single(ctx: EventContext) -> dict[str, Any] | None:
    props = ctx.props
    if props.get("disabled"):
        return None
    state = ctx.state
    what, data = _hit(ctx)
    chosen = parse_date(props.get("date"))
    fmt = props.get("display_format")
    if _picks_day(ctx, what):
        day = parse_date(data[1])
        if day is None or not DayLimits(props).allows(day):
            return None
        if not props.get("stay_open_on_select"):
            state["open"] = False
        ctx.refresh()
        _write_fields(ctx)
        _focus_input(ctx, "date")
        return None if day == chosen and props.get("date") == day.isoformat() else {"date": day.isoformat()}
    if ctx.type == "click" and what == "clear":
        state["open"] = bool(props.get("reopen_calendar_on_clear"))
        ctx.refresh()
        _write_fields(ctx)
        return {"date": None} if props.get("date") is not None else None
    if _typed(ctx, what):
        if ctx.type == "focusout":
            _close_if_left(ctx)
        text = ctx.value if isinstance(ctx.value, str) else ""
        if text.strip() == "":
            parsed = None
            ok = True
        else:
            parsed = parse_date(text, fmt)
            ok = parsed is not None and DayLimits(props).allows(parsed)
        _open_on_key(ctx, parsed if ok else chosen)
        if not ok:
            ctx.rewrite_dom()  # revert to the last valid date
            return None
        if format_date(parsed, fmt) != text:
            ctx.rewrite_dom()
        if parsed == chosen and (parsed is None) == (props.get("date") is None):
            return None
        if parsed is not None:
            state["month"] = parsed.replace(day=1).isoformat()
        return {"date": iso(parsed)}
    _common(ctx, what, data, chosen)
    return None


def _range_changes(props: dict[str, Any], state: dict[str, Any], start: _dt.date | None, end: _dt.date | None) -> dict[str, Any] | None:
    """The prop changes for the picker's new (start, end), by ``updatemode`` (Dash's rules)."""
    old = [props.get("start_date"), props.get("end_date")]
    new = [iso(start), iso(end)]
    both = props.get("updatemode") == "bothdates"
    state.pop("draft", None)
    if (start is None) != (end is None):
        if both:
            if start is not None:
                state["draft"] = {"start": new[0], "base": old}  # shown, not sent, until the end is chosen
            return None
        changes = {"start_date": new[0], "end_date": new[1]} if start is not None else {"end_date": new[1]}
    else:
        changes = {"start_date": new[0], "end_date": new[1]}
    if all(changes[k] == old[0 if k == "start_date" else 1] for k in changes):
        return None
    return changes


def on_event_range(ctx: EventContext) -> dict[str, Any] | None:
    props = ctx.props
    if props.get("disabled"):
        return None
    state = ctx.state
    what, data = _hit(ctx)
    start, end = _range_dates(props, state)
    fmt = props.get("display_format")
    if _picks_day(ctx, what):
        day = parse_date(data[1])
        if day is None or not _range_limits(props, start, end).allows(day):
            return None
        if start is None or end is not None:
            new_start, new_end = day, None  # a new selection
        else:
            nights = _int(props.get("minimum_nights"), 0)
            if abs((day - start).days) < nights:
                return None
            new_start, new_end = (day, start) if day < start else (start, day)
            if not props.get("stay_open_on_select"):
                state["open"] = False
        ctx.refresh()
        _write_fields(ctx)
        return _range_changes(props, state, new_start, new_end)
    if ctx.type == "click" and what == "clear":
        state.pop("draft", None)
        state["open"] = bool(props.get("reopen_calendar_on_clear"))
        ctx.refresh()
        _write_fields(ctx)
        if props.get("start_date") is None and props.get("end_date") is None:
            return None
        return {"start_date": None, "end_date": None}
    if _typed(ctx, what):
        if ctx.type == "focusout":
            _close_if_left(ctx)
        which = data[1]
        text = ctx.value if isinstance(ctx.value, str) else ""
        parsed = parse_date(text, fmt) if text.strip() else None
        current = start if which == "start" else end
        ok = text.strip() == "" or (parsed is not None and _range_limits(props, None, None).allows(parsed))
        if ok and parsed is not None:
            other = end if which == "start" else start
            if other is not None:
                low, high = (parsed, other) if which == "start" else (other, parsed)
                nights = _int(props.get("minimum_nights"), 0)
                ok = low <= high and (high - low).days >= nights
        _open_on_key(ctx, parsed if ok and parsed is not None else current)
        if not ok:
            ctx.rewrite_dom()
            return None
        if format_date(parsed, fmt) != text:
            ctx.rewrite_dom()
        if parsed == current:
            return None
        new_start, new_end = (parsed, end) if which == "start" else (start, parsed)
        if parsed is not None:
            state["month"] = parsed.replace(day=1).isoformat()
        return _range_changes(props, state, new_start, new_end)
    _common(ctx, what, data, start or end)
    return None


register_rules(DCC_NAMESPACE, "DatePickerSingle", render_single, on_event_single)
register_rules(DCC_NAMESPACE, "DatePickerRange", render_range, on_event_range)
