"""The terminal commands, run as a user runs them (in-process, on a fresh SQLite file)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def run(cli):  # type: ignore[no-untyped-def]
    return cli


def test_a_command_on_an_uninitialised_database_says_what_to_do(run) -> None:  # type: ignore[no-untyped-def]
    result = run("status", ok=False)
    assert result.exit_code == 1
    assert "accord init" in result.output


def test_init_then_demo_then_status(run) -> None:  # type: ignore[no-untyped-def]
    assert "database ready" in run("init").output
    assert "45 measures" in run("demo", "--load", "--no-news").output
    status = run("status").output
    assert "Промышленная кооперация" in status and "overdue" in status and "illustrative" in status
    assert "Deadlines in the next 90 days" in status
    again = run("demo", "--load", "--no-news", ok=False)
    assert again.exit_code == 1 and "already holds a roadmap" in again.output
    assert "was not loaded" in run("demo", "--load", "--if-empty").output


def test_measure_set_is_audited_under_the_named_user(run) -> None:  # type: ignore[no-untyped-def]
    run("demo", "--load", "--no-news")
    shown = run("measure", "show", "2.3").output
    assert "Проработать вопрос сборки лифтового оборудования" in shown and "version: 1" in shown
    assert "status, note changed" in run("measure", "set", "2.3", "--status", "in_progress", "--note", "ТЭО получено", "--as", "alice").output
    trail = run("audit", "--entity", "measure:2.3").output
    assert "alice" in trail and "in_progress" in trail and "ТЭО получено" in trail


def test_a_stale_version_is_refused_and_names_who_changed_it(run) -> None:  # type: ignore[no-untyped-def]
    run("demo", "--load", "--no-news")
    run("measure", "set", "2.3", "--note", "first", "--as", "alice")
    refused = run("measure", "set", "2.3", "--note", "second", "--version", "1", "--as", "bob", ok=False)
    assert refused.exit_code == 1
    assert "changed by alice" in refused.output
    assert "second" not in run("measure", "show", "2.3").output


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("measure", "set", "2.3", "--status", "finished", "--as", "a"), "'finished' is not a status"),
        (("measure", "set", "2.3", "--due", "31.02.2026", "--as", "a"), "not a real date"),
        (("measure", "set", "99.9", "--note", "x", "--as", "a"), "has no measure 99.9"),
        (("measure", "set", "2.3", "--as", "a"), "nothing to change"),
        (("measure", "set", "7.1", "--status", "planned", "--as", "a"), "cannot go from done to planned"),
        (("audit", "--entity", "measure"), "KIND:KEY"),
    ],
)
def test_bad_requests_get_a_clear_error(run, args: tuple[str, ...], says: str) -> None:  # type: ignore[no-untyped-def]
    run("demo", "--load", "--no-news")
    result = run(*args, ok=False)
    assert result.exit_code != 0
    assert says in result.output


def test_export_csv_and_json_go_to_stdout_and_import_round_trips(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("demo", "--load", "--no-news")
    csv_text = run("export", "roadmap", "--format", "csv").stdout
    assert csv_text.splitlines()[0].startswith("№,Направление,Мероприятие,Ответственные (BY),Ответственные (KG)")
    assert '"illustrative": true' in run("export", "roadmap", "--format", "json").stdout
    path = tmp_path / "rm.csv"
    path.write_text(csv_text, encoding="utf-8")
    assert "0 created, 0 updated, 45 unchanged" in run("import", "roadmap", str(path), "--as", "alice").output
    xlsx = tmp_path / "rm.xlsx"
    run("export", "roadmap", "--format", "xlsx", "-o", str(xlsx))
    assert "45 unchanged" in run("import", "roadmap", str(xlsx), "--as", "alice").output


def test_import_of_a_bad_file_lists_the_problems_and_exits_non_zero(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("demo", "--load", "--no-news")
    path = tmp_path / "bad.csv"
    path.write_text(
        "№,Направление,Мероприятие,Ответственные (BY),Ответственные (KG),Срок\n1.1,Торговля,Текст,МИД,МИД КР,31.02.2026\n",
        encoding="utf-8",
    )
    result = run("import", "roadmap", str(path), "--as", "alice", ok=False)
    assert result.exit_code == 2
    assert "nothing was imported" in result.output and "row 2, column Срок (F)" in result.output


def test_every_command_has_help(run) -> None:  # type: ignore[no-untyped-def]
    for args in (["--help"], ["init", "--help"], ["demo", "--help"], ["status", "--help"], ["measure", "set", "--help"], ["import", "roadmap", "--help"], ["export", "roadmap", "--help"], ["audit", "--help"]):
        assert "Usage" in run(*args).output
