# The seed's no-output example: dcc.Upload sends a file, the callback writes it to ./uploaded_files on the
# server and returns nothing. Unmodified Dash (the test runs it from a temporary directory).
import base64
from dash import Dash, html, Input, Output, dcc, callback, State

app = Dash()

app.layout = html.Div([
    dcc.Upload(
        id='upload-data-to-server',
        children=html.Div([
            'Drag and Drop or ',
            html.A('Select Files')
        ]),
        style={
            'width': '100%',
            'height': '60px',
            'lineHeight': '60px',
            'borderWidth': '1px',
            'borderStyle': 'dashed',
            'borderRadius': '5px',
            'textAlign': 'center',
            'margin': '10px'
        },
    ),
])


@callback(
    Input('upload-data-to-server', 'contents'),
    State('upload-data-to-server', 'filename'),
    prevent_initial_call=True,
    # if you want to disable the upload button
    # while the callback is running:
    # running=[(Output("upload-data-to-server", "disabled"), True, False)]
)
def update_output_div(contents, filename):
    if contents is not None:
        content_type, content_string = contents.split(',')
        decoded = base64.b64decode(content_string)
        directory = './uploaded_files'
        with open(f'{directory}/{filename}', 'wb') as f:
            f.write(decoded)


if __name__ == "__main__":
    app.run(debug=True)
