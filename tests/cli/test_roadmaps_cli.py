"""A roadmap for any group of countries works the same way: create it, import its table."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def run(cli):  # type: ignore[no-untyped-def]
    return cli


def test_a_three_party_roadmap_is_created_and_filled_from_its_table(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("init")
    run("roadmap", "create", "uz-kz-tj-2028", "--title", "Трехсторонняя дорожная карта", "--parties", "UZ,KZ,TJ", "--horizon", "2028", "--as", "alice")
    table = tmp_path / "uz.csv"
    table.write_text(
        "№;Направление;Мероприятие;Ответственные (UZ);Ответственные (KZ);Ответственные (TJ);Срок;Статус\n"
        "1.1;Энергетика;Согласовать график перетоков электроэнергии;Минэнерго Узбекистана;Минэнерго Казахстана;Минэнерго Таджикистана;II квартал 2027;\n"
        "2.1;transport_logistics;Открыть контейнерный маршрут;Узбекистон темир йуллари;Қазақстан темір жолы;Рохи охани Точикистон;постоянно;в работе\n",
        encoding="utf-8",
    )
    assert "2 created" in run("import", "roadmap", str(table), "--roadmap", "uz-kz-tj-2028", "--as", "alice").output
    listed = run("roadmap", "list").output
    assert "uz-kz-tj-2028" in listed and "UZ, KZ, TJ" in listed
    exported = run("export", "roadmap", "--format", "csv", "--roadmap", "uz-kz-tj-2028").stdout
    assert exported.splitlines()[0].endswith("Ответственные (UZ),Ответственные (KZ),Ответственные (TJ),Срок,Ожидаемый результат,Статус,Примечание")
    assert "Энергетика" in exported and "в работе" in exported


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--parties", "UZ"), "two or more different parties"),
        (("--parties", "UZ,XX"), "unknown country code(s): XX"),
        (("--parties", "UZ,KZ", "--signed-on", "2025-02-30"), "is not a date"),
    ],
)
def test_bad_roadmaps_are_refused(run, args: tuple[str, ...], says: str) -> None:  # type: ignore[no-untyped-def]
    result = run("roadmap", "create", "x-y", "--title", "T", *args, "--as", "a", ok=False)
    assert result.exit_code == 1 and says in result.output
