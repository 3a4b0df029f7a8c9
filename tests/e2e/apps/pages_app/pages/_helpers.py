# Not a page: names starting with "_" are never imported by Dash Pages.
raise RuntimeError("pages/_helpers.py must not be imported")  # register_page
