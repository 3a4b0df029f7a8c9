"""dcc.Upload (single, multiple, accept, max_size) and dcc.Download fed by dcc.send_string/bytes/file."""
import base64
import json

from wasmdash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__)

app.layout = html.Div([
    dcc.Upload(id="upload", children=html.Div(["Drag and drop or ", html.A("select a file")]),
               accept=".txt,.csv", max_size=1000,
               style={"width": "400px", "height": "60px", "border": "1px dashed #888"}),
    html.Pre(id="out-upload"),
    dcc.Upload(id="upload-multi", children=html.Button("upload several"), multiple=True),
    html.Pre(id="out-upload-multi"),
    html.Button("csv", id="get-string"),
    html.Button("bytes", id="get-bytes"),
    html.Button("this app", id="get-file"),
    dcc.Download(id="download-string"),
    dcc.Download(id="download-bytes"),
    dcc.Download(id="download-file"),
])


SEEN = []  # every filename the callback was given


@callback(Output("out-upload", "children"),
          Input("upload", "contents"), Input("upload", "filename"), Input("upload", "last_modified"),
          prevent_initial_call=True)
def show_upload(contents, filename, last_modified):
    SEEN.append(filename)
    header, _, body = contents.partition(",")
    return json.dumps({"filename": filename, "header": header, "text": base64.b64decode(body).decode(),
                       "last_modified": last_modified, "seen": SEEN})


@callback(Output("out-upload-multi", "children"),
          Input("upload-multi", "contents"), Input("upload-multi", "filename"), prevent_initial_call=True)
def show_upload_multi(contents, filenames):
    texts = [base64.b64decode(c.partition(",")[2]).decode() for c in contents]
    return json.dumps(dict(zip(filenames, texts)))


@callback(Output("download-string", "data"), Input("get-string", "n_clicks"), prevent_initial_call=True)
def download_string(n_clicks):
    return dcc.send_string(f"name,clicks\nwasmdash,{n_clicks}\n", "table.csv")


@callback(Output("download-bytes", "data"), Input("get-bytes", "n_clicks"), prevent_initial_call=True)
def download_bytes(n_clicks):
    return dcc.send_bytes(bytes([0, 1, 2, 253, 254, 255]), "raw.bin")


@callback(Output("download-file", "data"), Input("get-file", "n_clicks"), prevent_initial_call=True)
def download_file(n_clicks):
    return dcc.send_file(__file__, filename="app-source.py")
