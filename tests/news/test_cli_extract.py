"""`accord extract`: JSON Lines in input order, error objects, exit status."""

from __future__ import annotations

import json

import typer
from typer.testing import CliRunner

from accord.cli.extract import register

from .conftest import FIXTURES


def app() -> typer.Typer:
    a = typer.Typer()
    register(a)

    @a.callback()
    def _root() -> None:
        """accord"""

    return a


def test_it_prints_one_object_per_input_in_order(models) -> None:
    paths = [str(FIXTURES / "transit_cp1251.txt"), str(FIXTURES / "roadmap_by_kg.txt")]
    result = CliRunner().invoke(app(), ["extract", *paths])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.output.splitlines()]
    assert [x["source"] for x in lines] == paths
    assert lines[1]["countries"] == ["BY", "KG"]


def test_a_bad_input_gives_an_error_object_and_exit_1(models, tmp_path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    good = str(FIXTURES / "transit_utf8_bom.txt")
    result = CliRunner().invoke(app(), ["extract", str(empty), good, str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    lines = [json.loads(x) for x in result.output.splitlines()]
    assert lines[0] == {"source": str(empty), "error": "input is empty"}
    assert lines[1]["source"] == good and "error" not in lines[1]
    assert lines[2]["source"] == str(tmp_path / "missing.txt") and lines[2]["error"].startswith("cannot read file")


def test_pretty_indents(models) -> None:
    result = CliRunner().invoke(app(), ["extract", "--pretty", str(FIXTURES / "transit_koi8r.txt")])
    assert result.exit_code == 0
    assert result.output.startswith("{\n  ")
    assert json.loads(result.output)["countries"] == ["KZ", "UZ"]
