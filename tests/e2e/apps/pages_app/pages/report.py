import dash
from dash import html

dash.register_page(
    __name__,
    path_template="/report/<report_id>",
    title=lambda report_id=None: f"Report {report_id}",
)


def layout(report_id=None, **other_query_parameters):
    return html.Div(f"Report number {report_id}", id="report-text")
