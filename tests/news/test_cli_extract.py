"""`accord extract`: JSON Lines in input order, error objects, exit status."""

from __future__ import annotations

import json

import httpx
import typer
from typer.testing import CliRunner

from accord.cli.extract import extract_one, register
from accord.net import Client, Policy
from accord.news.reader import MAX_BYTES

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


def _client(handler) -> Client:
    return Client(Policy(retries=1, backoff=0), transport=httpx.MockTransport(handler))


def test_a_web_page_is_fetched_and_read(models) -> None:
    page = (FIXTURES / "page_cp1251.html").read_bytes()

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=page, headers={"content-type": "text/html; charset=windows-1251"})

    got = extract_one("https://news.example/item", _client(handler))
    assert got["source"] == "https://news.example/item"
    assert got["title"] == "Вьетнам и Беларусь обсудили поставки техники"
    assert got["countries"] == ["BY", "VN"]


def test_http_errors_and_oversize_pages_are_error_objects() -> None:
    def not_found(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404)

    def huge(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"a" * (MAX_BYTES + 10))

    def broken(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    assert extract_one("https://x.example/a", _client(not_found)) == {
        "source": "https://x.example/a", "error": "cannot fetch https://x.example/a: HTTP 404 Not Found"}
    assert extract_one("https://x.example/b", _client(huge))["error"] == (
        "cannot fetch https://x.example/b: page is larger than 5 MB (5.0 MB declared)")
    assert extract_one("https://x.example/c", _client(broken))["error"] == (
        "cannot fetch https://x.example/c: cannot connect to x.example: "
        "connection refused (offline, or the address is wrong)")
