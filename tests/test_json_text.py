"""The fast indented JSON writer gives the bytes ``json.dumps`` and ``nbformat.writes`` give: the
notebooks, results and ClaimReview a build writes must not change by a byte because of it."""

from __future__ import annotations

import enum
import json
import random
from collections import OrderedDict

import nbformat
import numpy
import pytest

from analysis import json_text, paths
from analysis.pipeline import notebooks as nbs

TRICKY = [
    {}, [], "", 0, -1, 10**30, 0.1, -0.0, 1e-05, 1e16, 123456789.123, float("nan"), float("inf"), float("-inf"),
    True, False, None, "é « » \u2028 \u0000 \x1f \x7f \\ \" / \n\t\r", "𝄞 emoji 🙂",
    {"b": 1, "a": [], "c": {}, "é": {"z": [1, [2, [3, {}]]], "y": ["x", "y\n"]}},
    [["only", "strings"], ["mixed", 1, None], [{}], [[]]], ("a", "tuple"), {"k": ("t", 1)},
    # subclasses, as pandas, numpy and the scale hand them over
    numpy.float64(33.6), [numpy.float64(1e-07), numpy.float64("nan")], enum.IntEnum("Rank", "A B").B,
    OrderedDict([("z", 1), ("a", OrderedDict(b=2))]), type("Text", (str,), {})("a str subclass"),
]


@pytest.mark.parametrize("indent", [0, 1, 2, 4])
@pytest.mark.parametrize("sort_keys", [True, False])
@pytest.mark.parametrize("value", TRICKY, ids=lambda v: type(v).__name__)
def test_the_same_text_as_json_dumps(value, indent, sort_keys):
    assert json_text.dumps(value, indent, sort_keys) == json.dumps(value, indent=indent, sort_keys=sort_keys,
                                                                   ensure_ascii=False)


def test_the_same_text_on_random_nested_values():
    """Values drawn at random (a fixed seed): the same text at every depth and mix of types."""
    draw = random.Random(20261206)

    def value(depth: int) -> object:
        kind = draw.choice(["dict", "list", "str", "int", "float", "none", "bool"] if depth < 5 else
                           ["str", "int", "float", "none", "bool"])
        if kind == "dict":
            return {draw.choice(["a", "b", "é", "Z", "", "k\n"]) + str(i): value(depth + 1) for i in range(draw.randint(0, 4))}
        if kind == "list":
            return [value(depth + 1) for _ in range(draw.randint(0, 4))]
        return {"str": lambda: "".join(draw.choice("ab\n\"\\é€\x01 ") for _ in range(draw.randint(0, 6))),
                "int": lambda: draw.randint(-10**6, 10**6), "float": lambda: draw.uniform(-1e6, 1e6) * 10 ** draw.randint(-8, 8),
                "none": lambda: None, "bool": lambda: draw.random() < 0.5}[kind]()

    for _ in range(300):
        drawn = value(0)
        assert json_text.dumps(drawn, 1, True) == json.dumps(drawn, indent=1, sort_keys=True, ensure_ascii=False)


def test_what_json_cannot_write_is_refused_as_json_dumps_refuses_it():
    with pytest.raises(TypeError):
        json_text.dumps({"a": object()}, 1)
    with pytest.raises(TypeError):  # keys of two types cannot be sorted
        json_text.dumps({1: "a", "b": "c"}, 1, sort_keys=True)
    # a key that is a number is written as json.dumps writes it: as text
    assert json_text.dumps({1: "a"}, 1) == json.dumps({1: "a"}, indent=1, ensure_ascii=False)


def test_the_compact_text_is_json_dumps_without_spaces_and_refuses_nan():
    value = {"b": [1, 1e-05, "é\u2028"], "a": {}}
    assert json_text.compact(value, sort_keys=True) == json.dumps(value, sort_keys=True, ensure_ascii=False,
                                                                  separators=(",", ":"))
    with pytest.raises(ValueError):
        json_text.compact({"a": float("nan")})


@pytest.mark.parametrize("name", sorted(p.name for p in paths.notebooks_dir().glob("*.ipynb")))
def test_a_notebook_is_written_as_nbformat_writes_it_and_left_as_it_was(name, monkeypatch):
    """Every committed notebook, and one with what ``split_lines`` and ``strip_transient`` change
    (a stream, an HTML output, a transient key): the same text, and the notebook itself untouched."""
    notebook = nbformat.read(paths.notebooks_dir() / name, as_version=4)
    notebook.metadata["signature"] = "transient"
    notebook.cells[0].metadata["trusted"] = True
    notebook.cells.append(nbformat.v4.new_code_cell("print(1)", outputs=[
        nbformat.v4.new_output("stream", name="stdout", text="a\nb\n"),
        nbformat.v4.new_output("display_data", data={"text/html": "<b>x</b>\n<i>y</i>", "application/json": {"a": 1}})]))
    # as the warm engine leaves them: the output's metadata holds plain dicts and lists (records)
    notebook.cells[-1].outputs[1]["metadata"] = nbformat.NotebookNode(
        {"records": [{"claim_id": "a", "holds_under": {"agree": 1, "allowed": 2}, "sources": [{"role": "supports"}]}]})
    before = json.dumps(notebook, sort_keys=True)
    assert nbs.text(notebook) == nbformat.writes(notebook)
    assert json.dumps(notebook, sort_keys=True) == before
    # the records' text given (as the build gives it): spliced in, the same text
    records = json_text.compact(nbs.extract(notebook), sort_keys=True)
    with monkeypatch.context() as patched:  # the splice, not the whole notebook encoded again
        patched.setattr(json_text, "dumps", None)
        assert nbs.text(notebook, records) == nbformat.writes(notebook)
    assert json.dumps(notebook, sort_keys=True) == before
    # with an output that shows the stand-in's own text, and with NaN elsewhere in the notebook (which
    # the compact encoder refuses): as nbformat writes them
    notebook.cells[-1].outputs[0]["text"] = nbs._RECORDS_HERE
    assert nbs.text(notebook, records) == nbformat.writes(notebook)
    notebook.metadata["not-json"] = float("nan")
    assert nbs.text(notebook, records) == nbformat.writes(notebook)


@pytest.mark.parametrize("value", TRICKY, ids=lambda v: type(v).__name__)
def test_json_read_back_gives_what_json_loads_gives(value):
    text = json.dumps(value, ensure_ascii=False)  # NaN and the infinities too, which msgspec does not read
    read = json_text.loads(text)
    assert json.dumps(read, ensure_ascii=False) == json.dumps(json.loads(text), ensure_ascii=False)
    assert type(read) is type(json.loads(text))


def test_text_that_is_not_json_is_refused_as_json_loads_refuses_it():
    with pytest.raises(json.JSONDecodeError):
        json_text.loads('{"a": ')
