"""dcc.DatePickerSingle and dcc.DatePickerRange feeding callbacks (limits, formats, update modes,
persistence), with an app stylesheet (dcc_dates_assets/theme.css) restyling the chosen day."""
from datetime import date

from wasmdash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__, assets_folder="dcc_dates_assets")

app.layout = html.Div([
    dcc.DatePickerSingle(id="single", date="2026-11-24", min_date_allowed="2026-11-05",
                         max_date_allowed="2026-12-20", disabled_days=["2026-11-26"],
                         display_format="DD/MM/YYYY", clearable=True, className="pick-one", persistence=True),
    html.Div(id="out-single"),
    dcc.DatePickerRange(id="range", start_date="2026-11-01", end_date="2026-11-15", minimum_nights=2),
    html.Div(id="out-range"),
    # dates given as datetime.date, as Dash allows
    dcc.DatePickerRange(id="range-both", initial_visible_month=date(2026, 11, 1), min_date_allowed=date(2026, 11, 2),
                        updatemode="bothdates"),
    html.Div(id="out-range-both"),
], style={"minHeight": "900px"})


@callback(Output("out-single", "children"), Input("single", "date"))
def show_single(date):
    return f"date={date}"


@callback(Output("out-range", "children"), Input("range", "start_date"), Input("range", "end_date"))
def show_range(start_date, end_date):
    return f"{start_date} -> {end_date}"


CALLS = []


@callback(Output("out-range-both", "children"), Input("range-both", "start_date"), Input("range-both", "end_date"))
def show_range_both(start_date, end_date):
    CALLS.append(1)
    return f"{start_date} -> {end_date} (call {len(CALLS)})"
