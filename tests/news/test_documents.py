"""Document stage: one sentence → (type, status, horizon year) of each document it names."""

from __future__ import annotations

import pytest

from accord.news.documents import sentence_documents

DOCUMENTS = [
    ("Стороны подписали дорожную карту сотрудничества до 2030 года.", [("roadmap", "signed", 2030)]),
    ("Министры подписали меморандум о взаимопонимании.", [("memorandum", "signed", None)]),
    ("Подписано межправительственное соглашение о воздушном сообщении.", [("agreement", "signed", None)]),
    ("Парламент ратифицировал договор о дружбе.", [("agreement", "signed", None)]),
    ("Стороны подписали протокол к соглашению о торговле.",
     [("protocol", "signed", None), ("agreement", "signed", None)]),
    ("Утверждена программа сотрудничества на 2026–2028 годы.", [("program", "signed", 2028)]),
    ("Стороны приняли совместное заявление.", [("declaration", "signed", None)]),
    ("Компании заключили контракт на поставку автобусов.", [("contract", "signed", None)]),
    ("Стороны договорились подготовить к подписанию план действий до 2027 года.", [("program", "planned", 2027)]),
    ("Соглашение планируется подписать в ноябре.", [("agreement", "planned", None)]),
    ("Соглашение будет подписано в ходе визита.", [("agreement", "planned", None)]),
    ("Правительство одобрило проект соглашения о газоснабжении.", [("agreement", "planned", None)]),
    ("Стороны обсудили проект меморандума о сотрудничестве в области образования.",
     [("memorandum", "discussed", None)]),
    ("Министры обсудили ход выполнения межправительственной программы.", [("program", "discussed", None)]),
    ("Банк подписал соглашение о покупке доли в местной компании.", [("contract", "signed", None)]),
    ("Главным препятствием на пути к подписанию мирного договора остается спор о границе.",
     [("agreement", "planned", None)]),
    ("В Кремле состоялась церемония подписания соглашения о сотрудничестве.", [("agreement", "signed", None)]),
    ("При подписании нового соглашения министр выступил с речью.", [("agreement", "signed", None)]),
    ("Стороны обсудили ход выполнения Плана мероприятий на 2025–2027 годы и подготовку заседания комиссии.",
     [("program", "discussed", 2027)]),
    ("Если сделка будет одобрена регулятором, банк получит контроль.", [("contract", None, None)]),
    # the subject of a document is not its status
    ("Среди них – соглашение о совместной разработке самолета и контракт на поставку танков.",
     [("agreement", None, None), ("contract", None, None)]),
    ("Стороны обсудили соглашение о подготовке кадров.", [("agreement", "discussed", None)]),
    # a document described as signed is signed, whatever else the sentence does with it
    ("Стороны рассмотрели выполнение дорожной карты до 2030 года, подписанной в Минске в сентябре.",
     [("roadmap", "signed", 2030)]),
    ("Лидеры стали свидетелями подписания соглашения о сотрудничестве в энергетике.",
     [("agreement", "signed", None)]),
    ("Форум завершился подписанием контрактов на поставку техники.", [("contract", "signed", None)]),
    ("Стороны договорились разработать план совместных мероприятий по профилактике болезней.",
     [("program", "planned", None)]),
    # a draft discussed and to be signed is planned; one only discussed stays discussed
    ("Стороны обсудили проект программы на 2023–2025 годы, которую планируется подписать в мае.",
     [("program", "planned", 2025)]),
    ("Стороны обсудили проект соглашения о защите инвестиций и договорились ускорить строительство.",
     [("agreement", "discussed", None)]),
]

NEGATIVE = [
    "Между странами заключено более 40 соглашений.",
    "Стороны пришли к соглашению по цене газа.",
    "Никакого соглашения подписано не будет.",
    "Страна продолжает ядерную программу.",
    "Министр провел совещание с руководителями предприятий.",
]


@pytest.mark.parametrize(("sentence", "expected"), DOCUMENTS)
def test_it_reads_type_status_and_horizon(tokens_of, sentence: str, expected: list) -> None:
    assert sentence_documents(tokens_of(sentence)) == expected


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_it_finds_no_document(tokens_of, sentence: str) -> None:
    assert sentence_documents(tokens_of(sentence)) == []


def test_it_keeps_one_entry_per_type_and_status(run) -> None:
    text = (
        "Россия и Китай подписали соглашения\n"
        "Россия и Китай подписали соглашение о торговле. Также подписано соглашение об инвестициях. "
        "Стороны обсудили проект соглашения о транспорте. В соглашении о торговле оговорены квоты."
    )
    docs = {(d.type, d.status) for d in run(text).documents}
    assert docs == {("agreement", "signed"), ("agreement", "discussed")}


def test_a_count_of_agreements_is_a_figure_not_a_document(run) -> None:
    text = "Беларусь и Вьетнам развивают связи\nМежду Беларусью и Вьетнамом подписано более 60 документов."
    got = run(text)
    assert got.documents == []
    assert [(f.kind, f.value, f.unit) for f in got.figures] == [("agreements_count", 60.0, "items")]
