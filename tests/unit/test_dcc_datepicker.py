"""dcc.DatePickerSingle / DatePickerRange: formats, the calendar drawn in Python, picking and typing."""
from __future__ import annotations

import datetime as dt

from wasmdash import dcc
from wasmdash.component import to_json
from wasmdash.dcc.datepicker import format_date, parse_date
from wasmdash.view import DomView


class Page:
    """A DomView playing the runtime: events -> prop changes -> re-render."""

    def __init__(self, component):
        self.layout = to_json(component)
        self.sent = []
        self.view = DomView(send=self.sent.extend)
        self.view.render(self.layout)

    def nodes(self):
        return list(self.view.root.walk())

    def find(self, class_name):
        return [n for n in self.nodes() if class_name in n.attrs.get("class", "").split()]

    def text(self, node):
        return "".join(t.text for t in node.walk() if t.tag == "#text")

    def inputs(self):
        return [n for n in self.nodes() if n.tag == "input"]

    def day(self, iso):
        return [n for n in self.nodes() if n.tag == "td" and n.attrs.get("data-date") == iso][0]

    def fire(self, node, kind="click", **extra):
        refs = []
        while node is not None:
            refs.append(node.ref)
            node = node.parent
        changes = self.view.changes_for_event({"type": kind, "refs": refs, "timestamp": 1, **extra})
        for path, props in changes:
            self.layout["props"].update(props)
            self.view.update(self.layout, [path])
        return changes

    def open(self):
        self.fire(self.inputs()[0])


def test_format_and_parse_moment_tokens():
    """display_format uses moment.js tokens both ways; ISO and common spellings parse without one."""
    day = dt.date(2024, 3, 5)
    assert format_date(day) == "2024-03-05"
    assert format_date(day, "MMM Do, YY") == "Mar 5th, 24"
    assert format_date(day, "dddd, MMMM D, YYYY") == "Tuesday, March 5, 2024"
    assert format_date(day, "DD/MM/YYYY") == "05/03/2024"
    assert parse_date("05/03/2024", "DD/MM/YYYY") == day
    assert parse_date("March 5, 2024", "MMMM D, YYYY") == day
    assert parse_date("2024-03-05T10:00:00") == day
    assert parse_date("3/5/2024") == day
    assert parse_date("2024-02-30") is None
    assert parse_date("nonsense") is None


def test_closed_picker_shows_formatted_date_and_dash_classes():
    """The input shows date in display_format inside Dash's wrapper; no calendar until opened."""
    page = Page(dcc.DatePickerSingle(id="d", date="2024-03-05", display_format="MMM Do, YY", className="mine"))
    (box,) = page.inputs()
    assert box.props["value"] == "Mar 5th, 24"
    assert box.attrs["id"] == "d"
    assert box.attrs["class"] == "dash-datepicker-input dash-datepicker-end-date"
    assert page.find("dash-datepicker-input-wrapper")[0].attrs["class"] == "dash-datepicker-input-wrapper mine"
    assert page.find("dash-datepicker-content") == []
    assert box.attrs["placeholder"] == "Select Date"


def test_opening_draws_the_month_with_first_day_of_week():
    """Clicking the input opens the month of date; weeks start on first_day_of_week."""
    page = Page(dcc.DatePickerSingle(id="d", date="2024-03-05", first_day_of_week=1))
    page.open()
    assert page.text(page.find("dash-datepicker-month-label")[0]) == "March 2024"
    heads = [page.text(n) for n in page.nodes() if n.tag == "th"]
    assert heads == ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
    first_row = page.find("dash-datepicker-calendar-week")[0]
    assert [c.attrs["data-date"] for c in first_row.children][0] == "2024-02-26"  # a Monday
    assert "dash-datepicker-calendar-date-selected" in page.day("2024-03-05").attrs["class"]
    assert "dash-datepicker-calendar-date-outside" in page.day("2024-02-26").attrs["class"]


def test_clicking_a_day_sets_date_and_closes():
    """Choosing a day sets date 'YYYY-MM-DD' and closes the calendar (stay_open_on_select False)."""
    page = Page(dcc.DatePickerSingle(id="d", initial_visible_month="2024-03-01"))
    page.open()
    assert page.fire(page.day("2024-03-14")) == [((), {"date": "2024-03-14"})]
    assert page.find("dash-datepicker-content") == []
    assert page.inputs()[0].props["value"] == "2024-03-14"


def test_stay_open_on_select_keeps_the_calendar():
    page = Page(dcc.DatePickerSingle(id="d", date="2024-03-01", stay_open_on_select=True))
    page.open()
    page.fire(page.day("2024-03-02"))
    assert page.find("dash-datepicker-content") != []


def test_disabled_days_and_limits_are_not_selectable():
    """disabled_days, min_date_allowed and max_date_allowed days are marked and refuse clicks."""
    page = Page(dcc.DatePickerSingle(id="d", date="2024-03-10", disabled_days=["2024-03-12"],
                                     min_date_allowed="2024-03-05", max_date_allowed="2024-03-20"))
    page.open()
    for iso in ("2024-03-12", "2024-03-04", "2024-03-21"):
        cell = page.day(iso)
        assert "dash-datepicker-calendar-date-disabled" in cell.attrs["class"]
        assert page.fire(cell) == []
    prev, nxt = page.find("dash-datepicker-month-nav")
    assert prev.attrs["aria-disabled"] == "true" and nxt.attrs["aria-disabled"] == "true"
    assert page.fire(prev) == [] and page.text(page.find("dash-datepicker-month-label")[0]) == "March 2024"


def test_prev_next_month_navigation_is_ui_state():
    page = Page(dcc.DatePickerSingle(id="d", date="2024-01-15"))
    page.open()
    prev, nxt = page.find("dash-datepicker-month-nav")
    assert page.fire(prev) == []
    assert page.text(page.find("dash-datepicker-month-label")[0]) == "December 2023"
    nxt = page.find("dash-datepicker-month-nav")[1]
    page.fire(nxt)
    nxt = page.find("dash-datepicker-month-nav")[1]
    page.fire(nxt)
    assert page.text(page.find("dash-datepicker-month-label")[0]) == "February 2024"


def test_typing_a_date_and_enter_parses_it_with_display_format():
    page = Page(dcc.DatePickerSingle(id="d", date="2024-03-05", display_format="DD/MM/YYYY"))
    box = page.inputs()[0]
    assert page.fire(box, "keydown", key="Enter", value="25/12/2024") == [((), {"date": "2024-12-25"})]
    assert page.text(page.find("dash-datepicker-month-label")[0]) == "December 2024"


def test_typing_an_invalid_or_disabled_date_reverts_the_field():
    page = Page(dcc.DatePickerSingle(id="d", date="2024-03-05", disabled_days=["2024-03-07"]))
    box = page.inputs()[0]
    page.sent.clear()
    assert page.fire(box, "keydown", key="Tab", value="garbage") == []
    assert ["setProp", box.ref, "value", "2024-03-05"] in page.sent
    assert page.fire(page.inputs()[0], "focusout", value="2024-03-07", related=[]) == []


def test_clearing_sets_none():
    """clearable shows Dash's clear link; clicking it sets date to None; emptying the field too."""
    page = Page(dcc.DatePickerSingle(id="d", date="2024-03-05", clearable=True))
    assert page.fire(page.find("dash-datepicker-clear")[0]) == [((), {"date": None})]
    page = Page(dcc.DatePickerSingle(id="d", date="2024-03-05"))
    assert page.find("dash-datepicker-clear") == []
    assert page.fire(page.inputs()[0], "keydown", key="Enter", value="") == [((), {"date": None})]


def test_disabled_picker_ignores_clicks():
    page = Page(dcc.DatePickerSingle(id="d", date="2024-03-05", disabled=True))
    page.open()
    assert page.find("dash-datepicker-content") == []
    assert "disabled" in page.inputs()[0].attrs


def test_number_of_months_shown_and_outside_days_hidden():
    page = Page(dcc.DatePickerSingle(id="d", date="2024-03-05", number_of_months_shown=2, show_outside_days=False,
                                     month_format="MMM YYYY"))
    page.open()
    headers = [page.text(n) for n in page.find("dash-datepicker-calendar-month-header")]
    assert headers == ["Mar 2024", "Apr 2024"]
    assert page.text(page.find("dash-datepicker-calendar")[0].children[1].children[0].children[0]) == ""
    outside = page.find("dash-datepicker-calendar-date-outside")[0]
    assert "dash-datepicker-calendar-padding" in outside.attrs["class"]  # blank, as Dash's padding cells
    assert page.fire(outside) == []


def test_inline_styles_are_only_what_props_compute():
    """The look is in wasmdash.css (an app's CSS can win); inline: `style`, day_size, orientation."""
    page = Page(dcc.DatePickerRange(id="d", start_date="2024-03-05", end_date="2024-03-09", clearable=True,
                                    style={"width": 300}, day_size=40, calendar_orientation="vertical"))
    page.open()
    styled = {n.attrs["class"]: n.style for n in page.nodes() if n.style}
    assert styled == {
        "dash-datepicker-input-wrapper": {"width": "300px"},
        "dash-datepicker-calendar-wrapper": {"--day-size": "40px"},
        "dash-datepicker-calendar-container": {"flex-direction": "column"},
    }


def test_focus_leaving_closes_the_calendar():
    page = Page(dcc.DatePickerSingle(id="d", date="2024-03-05"))
    page.open()
    page.fire(page.inputs()[0], "focusout", value="2024-03-05", related=[])
    assert page.find("dash-datepicker-content") == []


# -- range ---------------------------------------------------------------------------------------


def test_range_markup_has_two_inputs_and_placeholders():
    page = Page(dcc.DatePickerRange(id="r", start_date="2024-03-05"))
    start, end = page.inputs()
    assert start.attrs["id"] == "r" and end.attrs["id"] == "r-end-date"
    assert start.props["value"] == "2024-03-05" and end.props["value"] == ""
    assert end.attrs["placeholder"] == "End Date"
    assert "dash-datepicker-start-date" in start.attrs["class"]
    assert page.find("dash-datepicker-range-arrow")


def test_range_singledate_sends_each_end_as_chosen():
    """updatemode='singledate' (default): the first day sets start (clearing end), the second end."""
    page = Page(dcc.DatePickerRange(id="r", start_date="2024-03-01", end_date="2024-03-03"))
    page.open()
    assert page.fire(page.day("2024-03-10")) == [((), {"start_date": "2024-03-10", "end_date": None})]
    assert page.find("dash-datepicker-content") != []
    assert page.fire(page.day("2024-03-05")) == [((), {"start_date": "2024-03-05", "end_date": "2024-03-10"})]
    assert page.find("dash-datepicker-content") == []


def test_range_bothdates_waits_for_the_complete_range():
    page = Page(dcc.DatePickerRange(id="r", updatemode="bothdates", initial_visible_month="2024-03-01"))
    page.open()
    assert page.fire(page.day("2024-03-10")) == []
    assert page.inputs()[0].props["value"] == "2024-03-10"
    assert page.fire(page.day("2024-03-12")) == [((), {"start_date": "2024-03-10", "end_date": "2024-03-12"})]
    highlighted = [n.attrs["data-date"] for n in page.find("dash-datepicker-calendar-date-highlighted")]
    assert highlighted == []  # closed
    page.open()
    highlighted = [n.attrs["data-date"] for n in page.find("dash-datepicker-calendar-date-highlighted")]
    assert highlighted == ["2024-03-10", "2024-03-11", "2024-03-12"]


def test_range_minimum_nights():
    page = Page(dcc.DatePickerRange(id="r", minimum_nights=3, initial_visible_month="2024-03-01"))
    page.open()
    page.fire(page.day("2024-03-10"))
    assert "dash-datepicker-calendar-date-disabled" in page.day("2024-03-12").attrs["class"]
    assert page.fire(page.day("2024-03-12")) == []
    assert page.fire(page.day("2024-03-13")) == [((), {"start_date": "2024-03-10", "end_date": "2024-03-13"})]


def test_range_typing_the_end_date():
    page = Page(dcc.DatePickerRange(id="r", start_date="2024-03-01", end_date="2024-03-03"))
    end = page.inputs()[1]
    assert page.fire(end, "keydown", key="Enter", value="2024-03-20") == [
        ((), {"start_date": "2024-03-01", "end_date": "2024-03-20"})
    ]
    end = page.inputs()[1]
    assert page.fire(end, "keydown", key="Enter", value="2024-02-01") == []  # before the start: reverted


def test_range_clear():
    page = Page(dcc.DatePickerRange(id="r", start_date="2024-03-01", end_date="2024-03-03", clearable=True))
    assert page.fire(page.find("dash-datepicker-clear")[0]) == [((), {"start_date": None, "end_date": None})]


def test_a_picked_day_is_written_into_the_field():
    """The page's field still shows the old text after a click: the picker writes the new one."""
    page = Page(dcc.DatePickerRange(id="r", start_date="2024-03-01", end_date="2024-03-03"))
    page.open()
    page.sent.clear()
    page.fire(page.day("2024-03-10"))
    start, end = page.inputs()
    assert ["setProp", start.ref, "value", "2024-03-10"] in page.sent
    assert ["setProp", end.ref, "value", ""] in page.sent


def test_persistence_keeps_the_users_dates_across_reloads():
    """persistence=True: a picked date (and range) comes back in a new page with the same storage."""
    single = dcc.DatePickerSingle(id="d", date="2024-03-05", persistence=True)
    page = Page(single)
    page.open()
    page.fire(page.day("2024-03-09"))
    storage = page.view.page["storage"]
    again = DomView(send=lambda ops: None, page={"storage": storage})
    layout = to_json(single)
    again.render(layout)
    assert layout["props"]["date"] == "2024-03-09"

    both = dcc.DatePickerRange(id="r", start_date="2024-03-01", end_date="2024-03-03", persistence=True,
                               persistence_type="session")
    page = Page(both)
    page.open()
    page.fire(page.day("2024-03-10"))
    page.fire(page.day("2024-03-12"))
    again = DomView(send=lambda ops: None, page={"storage": page.view.page["storage"]})
    layout = to_json(both)
    again.render(layout)
    assert (layout["props"]["start_date"], layout["props"]["end_date"]) == ("2024-03-10", "2024-03-12")


def test_keyboard_moves_through_days_and_enter_picks():
    """ArrowDown in the field opens the calendar on the date; arrows move a week/day; Enter picks."""
    page = Page(dcc.DatePickerSingle(id="d", date="2024-03-28"))
    page.sent.clear()
    assert page.fire(page.inputs()[0], "keydown", key="ArrowDown", value="2024-03-28") == []
    assert ["call", "focus", [page.day("2024-03-28").ref]] in page.sent
    page.fire(page.day("2024-03-28"), "keydown", key="ArrowDown")
    assert page.text(page.find("dash-datepicker-month-label")[0]) == "April 2024"  # followed into April
    assert ["call", "focus", [page.day("2024-04-04").ref]] in page.sent
    page.fire(page.day("2024-04-04"), "keydown", key="ArrowLeft")
    assert page.fire(page.day("2024-04-03"), "keydown", key="Enter") == [((), {"date": "2024-04-03"})]


def test_arrow_keys_faster_than_the_focus_moves_are_not_lost():
    """Two ArrowRights both sent from the 24th (the page had not moved the focus yet) end on the 26th;
    once the focus is elsewhere by other means, arrows count from the cell they come from again."""
    page = Page(dcc.DatePickerSingle(id="d", date="2026-11-24"))
    page.fire(page.inputs()[0], "keydown", key="ArrowDown", value="2026-11-24")
    page.sent.clear()
    page.fire(page.day("2026-11-24"), "keydown", key="ArrowRight")
    page.fire(page.day("2026-11-24"), "keydown", key="ArrowRight")
    assert page.sent[-1] == ["call", "focus", [page.day("2026-11-26").ref]]
    page.fire(page.day("2026-11-26"), "keydown", key="ArrowRight")
    assert page.sent[-1] == ["call", "focus", [page.day("2026-11-27").ref]]
    page.fire(page.find("dash-datepicker-month-label")[0], "click")  # a click ends the key run
    page.fire(page.day("2026-11-26"), "keydown", key="ArrowLeft")
    assert page.sent[-1] == ["call", "focus", [page.day("2026-11-25").ref]]


def test_focus_lost_by_a_removed_node_keeps_the_calendar_open():
    """A focusout from a day cell the re-render removed (keyboard moved a month) is not leaving."""
    page = Page(dcc.DatePickerSingle(id="d", date="2024-03-05"))
    page.open()
    gone = page.day("2024-03-05")
    refs = [gone.ref]
    node = gone.parent
    while node is not None:
        refs.append(node.ref)
        node = node.parent
    page.view.nodes.pop(gone.ref)
    page.view.changes_for_event({"type": "focusout", "refs": refs, "related": [], "timestamp": 1})
    assert page.find("dash-datepicker-content") != []
