"""A tiny pure-Python requirement of the static export test app."""


def greet(name: str) -> str:
    return f"Hello, {name or 'nobody'}!"
