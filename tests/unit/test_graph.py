"""graph.build: the callback graph from _dash-dependencies, with errors as data."""
from __future__ import annotations

from fakes import dep

from wasmdash.graph import build


def test_inputs_map_to_the_callbacks_they_trigger():
    """Does an (id, prop) Input find the callback that reads it?"""
    graph, errors = build([dep("b.children", ["a.value"]), dep("c.children", ["a.value", "b.children"])])
    assert errors == []
    assert [s.output for _, s in graph.readers_of("a", "value")] == ["b.children", "c.children"]
    assert [s.output for _, s in graph.readers_of("b", "children")] == ["c.children"]
    assert graph.readers_of("c", "children") == []


def test_state_is_not_a_trigger():
    """Is a State left out of the input map?"""
    graph, _ = build([dep("b.children", ["a.value"], ["s.value"])])
    assert graph.readers_of("s", "value") == []


def test_outputs_map_to_their_owner():
    """Does each output of a multi-output callback name its callback?"""
    graph, _ = build([dep(["b.children", "c.style"], ["a.value"])])
    assert [s.output for _, s in graph.writers_of("c", "style")] == ["..b.children...c.style.."]


def test_allow_duplicate_outputs_are_indexed_under_the_clean_prop():
    """Are `children@hash` outputs found as `children` and kept with their suffix for requests?"""
    graph, errors = build([dep("b.children@12ab", ["a.value"]), dep("b.children@34cd", ["x.value"])])
    assert errors == []
    specs = [s for _, s in graph.writers_of("b", "children")]
    assert [s.outputs[0].wire_prop for s in specs] == ["children@12ab", "children@34cd"]


def test_circular_within_one_callback_is_allowed():
    """Is a callback reading its own output (slider <-> input sync) not an error?"""
    _, errors = build([dep(["slider.value", "box.value"], ["slider.value", "box.value"])])
    assert errors == []


def test_circular_across_callbacks_is_refused_naming_both():
    """Does a loop a -> b -> a give one 'Circular Dependencies' error naming both callbacks?"""
    _, errors = build([dep("b.value", ["a.value"]), dep("a.value", ["b.value"])])
    assert len(errors) == 1
    assert errors[0].message == "Circular Dependencies"
    assert set(errors[0].callbacks) == {"a.value", "b.value"}
    assert "a.value" in str(errors[0]) and "b.value" in str(errors[0])


def test_circular_through_three_callbacks_names_all_three():
    """Is every callback of a three-callback loop named, and a callback outside it not?"""
    _, errors = build([
        dep("b.value", ["a.value"]),
        dep("c.value", ["b.value"]),
        dep("a.value", ["c.value"]),
        dep("z.value", ["a.value"]),
    ])
    assert len(errors) == 1
    assert set(errors[0].callbacks) == {"a.value", "b.value", "c.value"}


def test_circular_through_wildcards_is_found():
    """Does a loop through pattern-matching ids count as a cycle?"""
    a_all = '{"i":["ALL"],"t":"a"}'
    a_match = '{"i":["MATCH"],"t":"a"}'
    b_match = '{"i":["MATCH"],"t":"b"}'
    _, errors = build([dep(f"{b_match}.value", [f"{a_match}.value"]), dep(f"{a_match}.value", [f"{b_match}.value"])])
    assert [e.message for e in errors] == ["Circular Dependencies"]
    _, errors = build([dep(f"{b_match}.value", [f"{a_all}.value"])])
    assert errors == []


def test_duplicate_outputs_without_allow_duplicate_are_refused():
    """Are two callbacks writing one output an error that names the remedy?"""
    _, errors = build([dep("b.children", ["a.value"]), dep("b.children", ["x.value"])])
    assert [e.message for e in errors] == ["Duplicate callback outputs"]
    assert "allow_duplicate=True" in str(errors[0])


def test_malformed_callback_is_reported_and_skipped():
    """Is an entry with a bad input reported with its JSON path, and the rest still built?"""
    bad = {"output": "b.children", "inputs": [{"id": "a"}], "state": [], "clientside_function": None,
           "prevent_initial_call": False}
    graph, errors = build([bad, dep("c.children", ["a.value"])])
    assert len(graph.callbacks) == 1
    assert "dependencies[0].inputs[0]" in str(errors[0])


def test_no_output_callback_has_no_outputs():
    """Is a no_output callback's placeholder output not treated as a component?"""
    graph, errors = build([dep("abc123", ["a.n_clicks"], no_output=True)])
    assert errors == []
    assert graph.callbacks[0].outputs == ()
    assert [s.output for _, s in graph.readers_of("a", "n_clicks")] == ["abc123"]
