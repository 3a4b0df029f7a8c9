"""``dcc.DatePickerSingle`` and ``dcc.DatePickerRange``: date inputs with a calendar drawn by Python.

The markup follows Dash 4's date pickers (class names ``dash-datepicker``,
``dash-datepicker-input-wrapper``, ``dash-datepicker-input``, ``dash-datepicker-clear``,
``dash-datepicker-content``, ``dash-datepicker-controls``, ``dash-datepicker-month-nav``,
``dash-datepicker-calendar``, ``dash-datepicker-calendar-date-{inside,outside,selected,
highlighted,disabled}``), so apps' CSS and tests keep working.

Dates travel as ``'YYYY-MM-DD'`` strings. ``display_format`` / ``month_format`` use moment.js tokens
(``YYYY YY MMMM MMM MM M Do DD D dddd ddd dd``), in English. Typing a date and pressing Enter
or Tab (or leaving the field) parses it with ``display_format`` (else ISO and a few common
spellings); an invalid or disallowed date reverts the field.

UI state (not props, kept by the view): whether the calendar is open, the month shown, and a
range's half-chosen start (``updatemode='bothdates'`` sends nothing until both ends are chosen).
"""

from __future__ import annotations

import calendar as _calendar
import datetime as _dt
import re
from typing import Any

from .._wire import Path
from ..component import make_component_class
from ..events import EventContext
from ..vdom import DCC_NAMESPACE, RenderContext, VNode, element, register_rules

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
    "persistence": "truthy: the user's choice survives reloads",
    "persisted_props": "props that persist",
    "persistence_type": "'local' (default), 'session' or 'memory'",
    "loading_state": "Dash bookkeeping",
}

#: Dash's dcc.DatePickerSingle props.
PROPS_SINGLE: dict[str, str] = {
    **_COMMON,
    "date": "the chosen date 'YYYY-MM-DD' (None when empty)",
    "placeholder": "input placeholder (default 'Select Date')",
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
}

DatePickerSingle = make_component_class(
    "DatePickerSingle", DCC_NAMESPACE, PROPS_SINGLE, doc="A date input with a calendar.", module=__name__
)
DatePickerRange = make_component_class(
    "DatePickerRange", DCC_NAMESPACE, PROPS_RANGE, doc="A date range input with a calendar.", module=__name__
)

# -- dates ---------------------------------------------------------------------------------------

_MONTHS = list(_calendar.month_name)[1:]
_MONTHS_SHORT = [m[:3] for m in _MONTHS]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_TOKENS = re.compile(r"\[[^\]]*\]|YYYY|YY|MMMM|MMM|MM|M|Do|DD|D|dddd|ddd|dd|X")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def format_date(day: _dt.date | None, fmt: str | None = None) -> str:
    """``day`` written with a moment.js format (default ``YYYY-MM-DD``); '' for None."""
    if day is None:
        return ""

    def one(match: re.Match[str]) -> str:
        token = match.group(0)
        if token.startswith("["):
            return token[1:-1]
        weekday = _DAYS[day.weekday()]
        return {
            "YYYY": f"{day.year:04d}",
            "YY": f"{day.year % 100:02d}",
            "MMMM": _MONTHS[day.month - 1],
            "MMM": _MONTHS_SHORT[day.month - 1],
            "MM": f"{day.month:02d}",
            "M": str(day.month),
            "Do": _ordinal(day.day),
            "DD": f"{day.day:02d}",
            "D": str(day.day),
            "dddd": weekday,
            "ddd": weekday[:3],
            "dd": weekday[:2],
            "X": str(int(_dt.datetime(day.year, day.month, day.day, tzinfo=_dt.timezone.utc).timestamp())),
        }[token]

    return _TOKENS.sub(one, fmt or "YYYY-MM-DD")


def _pattern(fmt: str) -> re.Pattern[str]:
    parts: list[str] = []
    position = 0
    for match in _TOKENS.finditer(fmt):
        parts.append(re.escape(fmt[position:match.start()]))
        token = match.group(0)
        position = match.end()
        if token.startswith("["):
            parts.append(re.escape(token[1:-1]))
            continue
        parts.append({
            "YYYY": r"(?P<Y>\d{4})",
            "YY": r"(?P<y>\d{2})",
            "MMMM": r"(?P<Mn>[A-Za-z]+)",
            "MMM": r"(?P<Mn>[A-Za-z]+)",
            "MM": r"(?P<M>\d{1,2})",
            "M": r"(?P<M>\d{1,2})",
            "Do": r"(?P<D>\d{1,2})(?:st|nd|rd|th)",
            "DD": r"(?P<D>\d{1,2})",
            "D": r"(?P<D>\d{1,2})",
            "dddd": r"[A-Za-z]+",
            "ddd": r"[A-Za-z]+",
            "dd": r"[A-Za-z]+",
            "X": r"(?P<X>\d+)",
        }[token])
    parts.append(re.escape(fmt[position:]))
    return re.compile(r"\s*" + "".join(parts) + r"\s*", re.IGNORECASE)


def _month_number(name: str) -> int | None:
    low = name.lower()
    for index, month in enumerate(_MONTHS):
        if low == month.lower() or (len(low) >= 3 and month.lower().startswith(low)):
            return index + 1
    return None


def _parse_with(text: str, fmt: str) -> _dt.date | None:
    match = _pattern(fmt).fullmatch(text)
    if match is None:
        return None
    found = match.groupdict()
    try:
        if found.get("X"):
            return _dt.datetime.fromtimestamp(int(found["X"]), _dt.timezone.utc).date()
        if found.get("Y"):
            year = int(found["Y"])
        elif found.get("y"):
            year = 2000 + int(found["y"])
        else:
            year = _dt.date.today().year
        if found.get("Mn"):
            month = _month_number(found["Mn"])
            if month is None:
                return None
        else:
            month = int(found["M"]) if found.get("M") else 1
        day = int(found["D"]) if found.get("D") else 1
        return _dt.date(year, month, day)
    except ValueError:
        return None


#: Spellings tried when no display_format matches (ISO first, as Dash's parseISO).
_FALLBACKS = ("YYYY-M-D", "YYYY/M/D", "M/D/YYYY", "MMMM D, YYYY", "MMM D, YYYY", "D MMMM YYYY", "D MMM YYYY")


def parse_date(text: Any, fmt: str | None = None) -> _dt.date | None:
    """A date from a prop value or typed text (``display_format`` first), or None."""
    if isinstance(text, _dt.datetime):
        return text.date()
    if isinstance(text, _dt.date):
        return text
    if not isinstance(text, str) or not text.strip():
        return None
    text = text.strip()
    if fmt:
        parsed = _parse_with(text, fmt)
        if parsed is not None:
            return parsed
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$", text)
    if iso:
        try:
            return _dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
    for spelling in _FALLBACKS:
        parsed = _parse_with(text, spelling)
        if parsed is not None:
            return parsed
    return None


def _iso(day: _dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _add_months(day: _dt.date, months: int) -> _dt.date:
    index = day.year * 12 + day.month - 1 + months
    return _dt.date(index // 12, index % 12 + 1, 1)


class _Limits:
    """Which days may be chosen: min/max, disabled_days (and a range's minimum nights)."""

    def __init__(self, props: dict[str, Any], extra: set[_dt.date] | None = None) -> None:
        self.low = parse_date(props.get("min_date_allowed"))
        self.high = parse_date(props.get("max_date_allowed"))
        days = props.get("disabled_days") or []
        self.disabled = {d for d in (parse_date(x) for x in days) if d is not None} | (extra or set())

    def allows(self, day: _dt.date) -> bool:
        if self.low is not None and day < self.low:
            return False
        if self.high is not None and day > self.high:
            return False
        return day not in self.disabled


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


def _day_style(size: int, pickable: bool, outside: bool, selected: bool, highlighted: bool, allowed: bool) -> dict[str, Any]:
    """Inline look of a day cell (Dash's stylesheet is not in the page); Dash 4's CSS variables,
    when an app defines them, still decide the colours."""
    style: dict[str, Any] = {"width": size, "height": size, "textAlign": "center", "borderRadius": "4px",
                             "cursor": "pointer" if pickable else "default"}
    if selected:
        style["background"] = "var(--Dash-Fill-Interactive-Strong, #1975fa)"
        style["color"] = "var(--Dash-Text-Strong-Inverse, #fff)"
    elif highlighted:
        style["background"] = "var(--Dash-Fill-Interactive-Weak, #dbe8fd)"
    if not allowed:
        style["color"] = "var(--Dash-Text-Disabled, #bbb)"
        style["textDecoration"] = "line-through"
    elif outside and not selected:
        style["color"] = "var(--Dash-Text-Weak, #999)"
    return style


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


def _calendar(
    props: dict[str, Any],
    state: dict[str, Any],
    selected: list[_dt.date],
    span: tuple[_dt.date, _dt.date] | None,
    limits: _Limits,
    chosen: _dt.date | None,
) -> VNode:
    first = _first_month(props, state, chosen)
    count = max(1, _int(props.get("number_of_months_shown"), 1))
    week_start = _int(props.get("first_day_of_week"), 0) % 7
    outside = props.get("show_outside_days", True) is not False
    month_format = props.get("month_format") or "MMMM YYYY"
    prev_ok = limits.low is None or _add_months(first, 0) > limits.low.replace(day=1)
    last = _add_months(first, count - 1)
    next_ok = limits.high is None or last < limits.high.replace(day=1)
    controls = element("div", {"className": "dash-datepicker-controls"}, [
        _nav_button("Previous month", "\u2190", -1, prev_ok),
        element("div", {"className": "dash-datepicker-month-label"}, [format_date(first, "MMMM YYYY")]),
        _nav_button("Next month", "\u2192", 1, next_ok),
    ], style={"display": "flex", "alignItems": "center", "justifyContent": "space-between", "gap": "8px"})
    # Sunday first when week_start is 0; Python's weekday() counts from Monday
    header_days = [_DAYS[(week_start - 1 + i) % 7][:2] for i in range(7)]
    months: list[VNode] = []
    day_size = _int(props.get("day_size"), 34)
    for offset in range(count):
        month = _add_months(first, offset)
        head_rows: list[VNode] = []
        if count > 1:
            head_rows.append(element("tr", {}, [
                element("th", {"colSpan": 7, "className": "dash-datepicker-calendar-month-header"},
                        [format_date(month, month_format)])
            ]))
        head_rows.append(element("tr", {}, [element("th", {}, [element("span", {}, [d])]) for d in header_days]))
        body = element("tbody")
        lead = (month.weekday() + 1 - week_start) % 7  # days of the previous month before the 1st
        day = month - _dt.timedelta(days=lead)
        next_month = _add_months(month, 1)
        while day < next_month:
            row = element("tr", {"className": "dash-datepicker-calendar-week"}, key=day.isoformat())
            for _ in range(7):
                is_outside = day.month != month.month
                allowed = limits.allows(day)
                classes = ["dash-datepicker-calendar-date-outside" if is_outside else "dash-datepicker-calendar-date-inside"]
                if day in selected:
                    classes.append("dash-datepicker-calendar-date-selected")
                if span is not None and span[0] <= day <= span[1]:
                    classes.append("dash-datepicker-calendar-date-highlighted")
                if not allowed:
                    classes.append("dash-datepicker-calendar-date-disabled")
                label = str(day.day) if outside or not is_outside else ""
                pickable = allowed and (outside or not is_outside)
                row.children.append(element(
                    "td",
                    {"className": " ".join(classes), "aria-disabled": not allowed,
                     "tabIndex": 0 if pickable and not is_outside else -1,
                     "data-date": day.isoformat(), "aria-label": format_date(day, "dddd, MMMM D, YYYY")},
                    [element("span", {}, [label])],
                    data=("day" if pickable else "off", day.isoformat()),
                    style=_day_style(day_size, pickable, is_outside, day in selected,
                                     span is not None and span[0] <= day <= span[1], allowed),
                ))
                day += _dt.timedelta(days=1)
            body.children.append(row)
        months.append(element("table", {"className": "dash-datepicker-calendar"}, [element("thead", {}, head_rows), body],
                              key=month.isoformat()))
    vertical = props.get("calendar_orientation") == "vertical"
    container = element("div", {"className": "dash-datepicker-calendar-container", "dir": "rtl" if props.get("is_RTL") else None},
                        months, style={"display": "flex", "flexDirection": "column" if vertical else "row", "gap": "12px"})
    wrapper = element("div", {"className": "dash-datepicker-calendar-wrapper"}, [controls, container])
    # tabIndex -1: a press anywhere in the calendar keeps focus inside the picker (see focusout)
    return element(
        "div",
        {"className": "dash-datepicker-content", "role": "dialog", "tabIndex": -1},
        [wrapper],
        style={"position": "absolute", "zIndex": 1000, "background": "white", "border": "1px solid #ccc",
               "borderRadius": "4px", "padding": "8px", "marginTop": "5px", "boxShadow": "0 4px 12px rgba(0,0,0,.15)"},
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
        style={"display": "inline-flex", "alignItems": "center", "gap": "4px", **user_style},
        data=("wrapper",),
    )


def _clear_button(props: dict[str, Any], has_value: bool) -> VNode | None:
    if not props.get("clearable") or props.get("disabled") or not has_value:
        return None
    return element("a", {"className": "dash-datepicker-clear", "aria-label": "Clear date", "role": "button"},
                   ["\u00d7"], data=("clear",), key="clear", style={"cursor": "pointer"})


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
    root = element("div", {"className": "dash-datepicker"}, style={"position": "relative", "display": "inline-block"})
    root.children.append(_wrapper(props, props.get("id"), [c for c in children if c is not None], is_open))
    if is_open:
        selected = [chosen] if chosen is not None else []
        root.children.append(_calendar(props, state, selected, None, _Limits(props), chosen))
    return root


def _range_dates(props: dict[str, Any], state: dict[str, Any]) -> tuple[_dt.date | None, _dt.date | None]:
    """The range as the picker shows it: a half-chosen draft, else the props."""
    draft = state.get("draft")
    if isinstance(draft, dict) and draft.get("base") == [props.get("start_date"), props.get("end_date")]:
        return parse_date(draft.get("start")), None
    state.pop("draft", None)
    return parse_date(props.get("start_date")), parse_date(props.get("end_date"))


def _range_limits(props: dict[str, Any], start: _dt.date | None, end: _dt.date | None) -> _Limits:
    nights = _int(props.get("minimum_nights"), 0)
    extra: set[_dt.date] = set()
    if start is not None and end is None and nights > 0:
        for i in range(1, nights):
            extra.add(start + _dt.timedelta(days=i))
            extra.add(start - _dt.timedelta(days=i))
    return _Limits(props, extra)


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
    root = element("div", {"className": "dash-datepicker"}, style={"position": "relative", "display": "inline-block"})
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
    if kind == "click" and what == "nav":
        base = _first_month(ctx.props, state, chosen)
        state["month"] = _add_months(base, data[1]).isoformat()
        ctx.refresh()
        return True
    if kind == "click" and what in ("input", "wrapper") and not state.get("open"):
        state["open"] = True
        state.pop("month", None)
        ctx.refresh()
        return True
    if kind == "keydown" and what in ("day", "off") and ctx.event.get("key") in _MOVES:
        day = parse_date(data[1])
        if day is None:
            return True
        target = day + _dt.timedelta(days=_MOVES[ctx.event["key"]])
        first = _first_month(ctx.props, state, chosen)
        count = max(1, _int(ctx.props.get("number_of_months_shown"), 1))
        if target < first:
            state["month"] = target.replace(day=1).isoformat()
        elif target >= _add_months(first, count):
            state["month"] = _add_months(target.replace(day=1), 1 - count).isoformat()
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


def on_event_single(ctx: EventContext) -> dict[str, Any] | None:
    props = ctx.props
    if props.get("disabled"):
        return None
    state = ctx.state
    data = ctx.node.data if ctx.node is not None else None
    what = data[0] if isinstance(data, tuple) else None
    chosen = parse_date(props.get("date"))
    fmt = props.get("display_format")
    if what == "day" and (ctx.type == "click" or (ctx.type == "keydown" and ctx.event.get("key") == "Enter")):
        day = parse_date(data[1])
        if day is None or not _Limits(props).allows(day):
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
            ok = parsed is not None and _Limits(props).allows(parsed)
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
        return {"date": _iso(parsed)}
    _common(ctx, what, data, chosen)
    return None


def _range_changes(props: dict[str, Any], state: dict[str, Any], start: _dt.date | None, end: _dt.date | None) -> dict[str, Any] | None:
    """The prop changes for the picker's new (start, end), by ``updatemode`` (Dash's rules)."""
    old = [props.get("start_date"), props.get("end_date")]
    new = [_iso(start), _iso(end)]
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
    data = ctx.node.data if ctx.node is not None else None
    what = data[0] if isinstance(data, tuple) else None
    start, end = _range_dates(props, state)
    fmt = props.get("display_format")
    if what == "day" and (ctx.type == "click" or (ctx.type == "keydown" and ctx.event.get("key") == "Enter")):
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
