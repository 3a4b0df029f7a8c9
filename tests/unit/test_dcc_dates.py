"""dcc/_dates.py: the date pickers' month grid and scrolling, apart from any markup."""
from __future__ import annotations

import datetime as dt

from wasmdash.dcc._dates import DayLimits, add_months, month_weeks, scroll_to, weekday_heads


def test_month_weeks_are_whole_weeks_from_the_first_day_of_week():
    """March 2024 starts on a Friday: a Sunday-first grid opens on Feb 25, a Monday-first on Feb 26."""
    sunday_first = month_weeks(dt.date(2024, 3, 1), 0)
    assert sunday_first[0][0] == dt.date(2024, 2, 25)
    assert sunday_first[-1][-1] == dt.date(2024, 4, 6)
    assert all(len(week) == 7 for week in sunday_first) and len(sunday_first) == 6
    assert month_weeks(dt.date(2024, 3, 15), 1)[0][0] == dt.date(2024, 2, 26)
    assert weekday_heads(0)[:2] == ["Su", "Mo"] and weekday_heads(1)[0] == "Mo"


def test_a_month_that_fills_its_weeks_has_no_extra_week():
    """February 2026 runs Sunday 1 to Saturday 28: exactly four weeks."""
    weeks = month_weeks(dt.date(2026, 2, 1), 0)
    assert [week[0] for week in weeks] == [dt.date(2026, 2, d) for d in (1, 8, 15, 22)]


def test_add_months_crosses_years_both_ways():
    assert add_months(dt.date(2024, 12, 31), 1) == dt.date(2025, 1, 1)
    assert add_months(dt.date(2024, 1, 15), -1) == dt.date(2023, 12, 1)


def test_scroll_to_moves_the_view_just_enough():
    """A two-month view from March shows March-April; May scrolls to April-May, February to February."""
    march = dt.date(2024, 3, 1)
    assert scroll_to(march, 2, dt.date(2024, 4, 30)) == march
    assert scroll_to(march, 2, dt.date(2024, 5, 1)) == dt.date(2024, 4, 1)
    assert scroll_to(march, 2, dt.date(2024, 2, 29)) == dt.date(2024, 2, 1)


def test_day_limits_and_month_navigation_bounds():
    limits = DayLimits({"min_date_allowed": "2024-03-05", "max_date_allowed": "2024-04-10",
                        "disabled_days": ["2024-03-12"]}, extra={dt.date(2024, 3, 20)})
    assert [limits.allows(dt.date(2024, 3, d)) for d in (4, 5, 12, 20, 21)] == [False, True, False, False, True]
    assert not limits.allows_before(dt.date(2024, 3, 1)) and limits.allows_before(dt.date(2024, 4, 1))
    assert limits.allows_after(dt.date(2024, 3, 1)) and not limits.allows_after(dt.date(2024, 4, 1))
