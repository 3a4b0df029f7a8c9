"""Date maths for the date pickers: moment.js formats both ways, the month grid, choosable days.

Pure functions of ``datetime.date`` values, nothing about markup or events (``datepicker.py`` draws
and drives the pickers with these). Names are English only, as in the pickers.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as _dt
import re
from typing import Any

__all__ = [
    "DayLimits", "add_months", "format_date", "iso", "month_weeks", "parse_date", "scroll_to", "weekday_heads",
]

_MONTHS = list(_calendar.month_name)[1:]
_MONTHS_SHORT = [m[:3] for m in _MONTHS]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_TOKENS = re.compile(r"\[[^\]]*\]|YYYY|YY|MMMM|MMM|MM|M|Do|DD|D|dddd|ddd|dd|X")


# -- formats -------------------------------------------------------------------------------------


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
    found = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$", text)
    if found:
        try:
            return _dt.date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
        except ValueError:
            return None
    for spelling in _FALLBACKS:
        parsed = _parse_with(text, spelling)
        if parsed is not None:
            return parsed
    return None


def iso(day: _dt.date | None) -> str | None:
    """``'YYYY-MM-DD'`` as the props carry dates, or None."""
    return day.isoformat() if day is not None else None


# -- the month grid ------------------------------------------------------------------------------


def add_months(day: _dt.date, months: int) -> _dt.date:
    """The first day of the month ``months`` after ``day``'s (negative: before)."""
    index = day.year * 12 + day.month - 1 + months
    return _dt.date(index // 12, index % 12 + 1, 1)


def weekday_heads(week_start: int) -> list[str]:
    """Two-letter day names from ``week_start`` (Dash's ``first_day_of_week``: 0 is Sunday)."""
    # Python's weekday() counts from Monday
    return [_DAYS[(week_start - 1 + i) % 7][:2] for i in range(7)]


def month_weeks(month: _dt.date, week_start: int) -> list[list[_dt.date]]:
    """The weeks a calendar shows for ``month``: whole weeks from ``week_start``, with the
    neighbouring months' days that fill the first and last week."""
    first = month.replace(day=1)
    lead = (first.weekday() + 1 - week_start) % 7  # days of the previous month before the 1st
    day = first - _dt.timedelta(days=lead)
    end = add_months(first, 1)
    weeks: list[list[_dt.date]] = []
    while day < end:
        weeks.append([day + _dt.timedelta(days=i) for i in range(7)])
        day += _dt.timedelta(days=7)
    return weeks


def scroll_to(first: _dt.date, count: int, day: _dt.date) -> _dt.date:
    """The first month of a ``count``-month view starting at ``first``, moved just enough to show ``day``."""
    if day < first:
        return day.replace(day=1)
    if day >= add_months(first, count):
        return add_months(day, 1 - count)
    return first


class DayLimits:
    """Which days may be chosen: min/max, ``disabled_days`` and any ``extra`` refused days."""

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

    def allows_before(self, month: _dt.date) -> bool:
        """May the calendar go back from ``month`` (is some earlier month not wholly too early)?"""
        return self.low is None or month > self.low.replace(day=1)

    def allows_after(self, month: _dt.date) -> bool:
        """May the calendar go on past ``month``?"""
        return self.high is None or month < self.high.replace(day=1)
