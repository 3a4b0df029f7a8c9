"""DatePickerSingle and DatePickerRange feeding callbacks."""
import json
from datetime import date

from wasmdash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__)

app.layout = html.Div([
    dcc.DatePickerSingle(id="single", date="2024-03-05", display_format="DD/MM/YYYY",
                         disabled_days=["2024-03-13"], clearable=True, persistence=True),
    html.Div(id="out-single"),
    dcc.DatePickerRange(id="range", start_date="2024-03-01", end_date="2024-03-04", minimum_nights=2),
    html.Div(id="out-range"),
    dcc.DatePickerRange(id="both", updatemode="bothdates", initial_visible_month=date(2024, 5, 1),
                        min_date_allowed=date(2024, 5, 2)),
    html.Div(id="out-both"),
], style={"minHeight": "900px"})


@callback(Output("out-single", "children"), Input("single", "date"))
def show_single(date):
    return json.dumps(date)


@callback(Output("out-range", "children"), Input("range", "start_date"), Input("range", "end_date"))
def show_range(start, end):
    return f"{start} to {end}"


@callback(Output("out-both", "children"), Input("both", "start_date"), Input("both", "end_date"))
def show_both(start, end):
    return f"{start} to {end}"
