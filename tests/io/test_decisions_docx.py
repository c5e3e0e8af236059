"""`accord import decisions PROTOCOL.docx --session N`: a protocol's numbered decisions into the session.

The protocols are written here with python-docx at test time: an agenda whose
numbered items are not decisions, two «РЕШИЛИ:» blocks, bodies and deadlines on
lines of their own or at the end of the text, Word's own list numbering, a
decision of two paragraphs, the signatures after; and a protocol kept as a table.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from sqlalchemy import func, select

from accord.io.decisions_sync import find_meeting, import_decisions
from accord.io.problems import ImportRefused
from accord.io.protocol import parse_deadline, read_protocol, split_bodies
from accord.io.table_files import TableFileError
from accord.store.db import Database
from accord.store.models import AuditEntry, Decision, DecisionBody, Organization
from accord.store.progress import default_roadmap

MINECON_BY = "Министерство экономики Республики Беларусь"
MINECON_KG = "Министерство экономики и коммерции Кыргызской Республики"


def protocol_paragraphs(path: Path, list_numbers: bool = False, tail: list[str] | None = None) -> None:
    document = Document()
    for text in (
        "ПРОТОКОЛ",
        "второго заседания Межправительственной белорусско-кыргызской комиссии по торгово-экономическому "
        "сотрудничеству",
        "г. Минск, 12 марта 2027 г.",
        "ПОВЕСТКА ДНЯ:",
        "1. О ходе реализации Дорожной карты.",
        "2. О развитии промышленной кооперации.",
        "По первому вопросу повестки дня",
        "КОМИССИЯ РЕШИЛА:",
    ):
        document.add_paragraph(text)
    decisions = [
        ("1", "Принять к сведению информацию сторон о ходе реализации Дорожной карты."),
        None,
        (
            "2",
            "Поручить министерствам промышленности проработать вопрос создания сборочного производства "
            "автобусов. Срок – IV квартал 2027 года.",
        ),
    ]
    for item in decisions:
        if item is None:
            document.add_paragraph(f"Ответственные: {MINECON_BY}; {MINECON_KG}")
            document.add_paragraph("Срок: до 31 декабря 2027 г.")
            continue
        number, text = item
        if list_numbers:
            document.add_paragraph(text, style="List Number")
        else:
            document.add_paragraph(f"{number}. {text}")
    document.add_paragraph(
        "Ответственные: Министерство промышленности Республики Беларусь, ОАО «МАЗ», "
        "Министерство экономики и коммерции Кыргызской Республики"
    )
    document.add_paragraph("По второму вопросу повестки дня")
    document.add_paragraph("РЕШИЛИ:")
    third = "Обеспечить проведение Дней культуры Кыргызской Республики в Республике Беларусь."
    if list_numbers:
        document.add_paragraph(third, style="List Number")
    else:
        document.add_paragraph(f"3. {third}")
    document.add_paragraph("Программу мероприятий согласовать по дипломатическим каналам.")
    document.add_paragraph("Исполнители: Министерство культуры Республики Беларусь")
    document.add_paragraph("Срок исполнения: 30.09.2027")
    for line in tail or []:
        document.add_paragraph(line)
    document.add_paragraph("Сопредседатель Комиссии от Республики Беларусь")
    document.add_paragraph("1. Этот номер после подписей решением не является.")
    document.save(str(path))


def protocol_table(path: Path) -> None:
    document = Document()
    document.add_paragraph("Протокольные решения")
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(
        table.rows[0].cells, ["№ п/п", "Поручение", "Ответственные исполнители", "Срок"], strict=True
    ):
        cell.text = text
    for row in [
        ["1", "Подготовить соглашение о ветеринарии", f"{MINECON_BY}\n{MINECON_KG}", "IV квартал 2027"],
        ["2", "Провести бизнес-форум в Оше", MINECON_KG, "постоянно"],
    ]:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    document.save(str(path))


def load(db: Database, path: Path, number: int = 2):  # type: ignore[no-untyped-def]
    protocol = read_protocol(path.read_bytes(), str(path))
    with db.transaction(actor="dana", reason=f"import {path.name}") as session:
        roadmap = default_roadmap(session)
        return import_decisions(session, protocol, find_meeting(session, roadmap, number), roadmap)


def decisions(db: Database, number: int = 2) -> list[tuple]:
    with db.reading() as session:
        meeting = find_meeting(session, default_roadmap(session), number)
        return [
            (
                d.number,
                d.text,
                d.owner.name if d.owner else None,
                [b.organization.name for b in d.co_responsible],
                d.due_on,
                d.status,
            )
            for d in meeting.decisions
        ]


def state(db: Database) -> tuple[int, int, int, int]:
    with db.reading() as session:
        return tuple(  # type: ignore[return-value]
            session.scalar(select(func.count()).select_from(m))
            for m in (Decision, DecisionBody, Organization, AuditEntry)
        )


@pytest.mark.parametrize("list_numbers", [False, True], ids=["typed numbers", "list numbering"])
def test_a_protocol_s_decisions_go_into_the_session(
    example_db: Database, tmp_path: Path, list_numbers: bool
) -> None:
    path = tmp_path / "протокол.docx"
    protocol_paragraphs(path, list_numbers)
    result = load(example_db, path)
    assert result.created == ["1", "2", "3"]
    first, second, third = decisions(example_db)
    assert first == (
        "1",
        "Принять к сведению информацию сторон о ходе реализации Дорожной карты.",
        MINECON_BY,
        [MINECON_KG],
        date(2027, 12, 31),
        "planned",
    )
    assert second[1].endswith("сборочного производства автобусов") and second[4] == date(2027, 12, 31)
    assert second[2] == "Министерство промышленности Республики Беларусь"
    assert second[3] == ["ОАО «МАЗ»", MINECON_KG]
    assert third[1] == (
        "Обеспечить проведение Дней культуры Кыргызской Республики в Республике Беларусь.\n"
        "Программу мероприятий согласовать по дипломатическим каналам."
    )
    assert (third[2], third[4]) == ("Министерство культуры Республики Беларусь", date(2027, 9, 30))
    with example_db.reading() as session:
        entries = list(
            session.scalars(
                select(AuditEntry).where(AuditEntry.entity == "decision", AuditEntry.actor != "accord-demo")
            )
        )
        assert {(e.actor, e.reason) for e in entries} == {("dana", "import протокол.docx")}
        assert {e.action for e in entries} >= {"create", "add"}
        maz = session.scalars(select(Organization).where(Organization.name == "ОАО «МАЗ»")).one()
        culture = session.scalars(
            select(Organization).where(Organization.name == "Министерство культуры Республики Беларусь")
        ).one()
        assert (maz.country_code, culture.country_code) == (None, "BY")
    again = load(example_db, path)
    assert (again.created, again.updated, again.unchanged) == ([], [], ["1", "2", "3"])


def test_a_protocol_kept_as_a_table_is_read(example_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "решения.docx"
    protocol_table(path)
    assert load(example_db, path).created == ["1", "2"]
    (first, second) = decisions(example_db)
    assert (first[2], first[3], first[4]) == (MINECON_BY, [MINECON_KG], date(2027, 12, 31))
    assert (second[2], second[4]) == (MINECON_KG, None)


def test_a_changed_protocol_updates_its_decisions(example_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "протокол.docx"
    protocol_paragraphs(path)
    load(example_db, path)
    document = Document(str(path))
    for paragraph in document.paragraphs:
        if paragraph.text == "Срок исполнения: 30.09.2027":
            paragraph.text = "Срок исполнения: до 15 октября 2027 года"
    document.save(str(path))
    assert load(example_db, path).updated == ["3"]
    assert decisions(example_db)[2][4] == date(2027, 10, 15)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("до 31 декабря 2026 г.", date(2026, 12, 31)),
        ("31.12.2026", date(2026, 12, 31)),
        ("в срок до 1 июля 2027 года", date(2027, 7, 1)),
        ("IV квартал 2026 года", date(2026, 12, 31)),
        ("2027 год", date(2027, 12, 31)),
        ("постоянно", None),
        ("", None),
    ],
)
def test_deadlines_as_protocols_write_them(text: str, day: date | None) -> None:
    assert parse_deadline(text) == day


def test_bodies_as_protocols_list_them() -> None:
    assert split_bodies("Минэкономики, ОАО «МАЗ»; Министерство образования, науки и молодежи\nБелТПП") == [
        "Минэкономики",
        "ОАО «МАЗ»",
        "Министерство образования, науки и молодежи",
        "БелТПП",
    ]


def _bad_deadline(path: Path) -> None:
    protocol_paragraphs(path, tail=["4. Провести консультации.", "Срок: до 32 декабря 2027 г."])


def _twice(path: Path) -> None:
    protocol_paragraphs(path, tail=["2. Ещё одно решение под тем же номером."])


def _no_marker(path: Path) -> None:
    document = Document()
    document.add_paragraph("ПОВЕСТКА ДНЯ:")
    document.add_paragraph("1. О ходе реализации Дорожной карты.")
    document.save(str(path))


BAD = [
    (_bad_deadline, ImportRefused, re.escape("decision 4: 'до 32 декабря 2027 г.' is not a real date")),
    (_twice, ImportRefused, re.escape("paragraph 20: decision 2 is numbered twice (first at paragraph 12)")),
    (_no_marker, ImportRefused, "no decisions found"),
]


@pytest.mark.parametrize(("make", "error", "says"), BAD, ids=[b[0].__name__.strip("_") for b in BAD])
def test_a_bad_protocol_changes_nothing(example_db: Database, tmp_path: Path, make, error, says: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.docx"
    make(path)
    before = state(example_db)
    with pytest.raises(error, match=says):
        load(example_db, path)
    assert state(example_db) == before


def test_the_command_imports_a_protocol_and_refuses_what_is_not_one(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("demo", "--load", "--no-news")
    path = tmp_path / "протокол.docx"
    protocol_paragraphs(path)
    out = cli("import", "decisions", str(path), "--session", "2", "--as", "dana").output
    assert "session 2: 3 decision(s) added, 0 updated, 0 unchanged" in " ".join(out.split())
    missing = cli("import", "decisions", str(path), "--session", "9", "--as", "dana", ok=False)
    assert missing.exit_code == 1 and "no commission session number 9" in missing.output
    sheet = tmp_path / "protocol.xlsx"
    from openpyxl import Workbook

    Workbook().save(sheet)
    refused = cli("import", "decisions", str(sheet), "--session", "2", "--as", "dana", ok=False)
    assert refused.exit_code == 2 and "a protocol is read from a Word document" in " ".join(
        refused.output.split()
    )
    broken = tmp_path / "broken.docx"
    broken.write_bytes(path.read_bytes()[:500])
    result = cli("import", "decisions", str(broken), "--session", "2", "--as", "dana", ok=False)
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_a_broken_word_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(TableFileError, match="is not a readable Word document"):
        read_protocol(b"PK\x03\x04 not really a zip", "broken.docx")
