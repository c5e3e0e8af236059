"""Every code of every vocabulary has its Russian and English word, wherever a code is shown."""

from __future__ import annotations

import importlib
import pkgutil
import re
from enum import StrEnum

import pytest

import accord.domain
from accord.domain.kinds import DocumentKind, EventKind, FigureKind, RecordKind
from accord.domain.labels import LABELS, LANGS, label, title, word
from accord.domain.status import MEASURE_STATUS_WORDS, MeasureStatus, parse_measure_status
from accord.reports import labels as report_words
from accord.web.i18n import translator
from accord.web.labels import GROUPS
from accord.web.labels import label as web_label

CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def domain_vocabularies() -> set[type[StrEnum]]:
    """Every StrEnum defined in a module of ``accord.domain``."""
    found: set[type[StrEnum]] = set()
    for info in pkgutil.iter_modules(accord.domain.__path__):
        module = importlib.import_module(f"accord.domain.{info.name}")
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, StrEnum) and value.__module__ == module.__name__:
                found.add(value)
    return found


MEMBERS = [member for vocabulary in LABELS for member in vocabulary]


def test_it_has_words_for_every_vocabulary_of_the_domain() -> None:
    missing = sorted(v.__name__ for v in domain_vocabularies() - set(LABELS))
    assert not missing, f"add the words of {missing} to accord/domain/labels.py"


def test_it_has_no_words_for_codes_a_vocabulary_lacks() -> None:
    for vocabulary, words in LABELS.items():
        assert set(words) == {m.value for m in vocabulary}, vocabulary.__name__


@pytest.mark.parametrize("member", MEMBERS, ids=lambda m: f"{type(m).__name__}.{m.value}")
def test_it_labels_every_code_in_both_languages(member: StrEnum) -> None:
    ru, en = label(member, "ru"), label(member, "en")
    assert CYRILLIC.search(ru), f"{member!r} has no Russian word"
    assert en and not CYRILLIC.search(en), f"{member!r} has no English word"
    assert word(type(member), member.value, "ru") == ru
    assert title(member, "ru")[0].isupper()


@pytest.mark.parametrize("member", MEMBERS, ids=lambda m: f"{type(m).__name__}.{m.value}")
@pytest.mark.parametrize("lang", LANGS)
def test_pages_show_every_code_in_words(member: StrEnum, lang: str) -> None:
    groups = [g for g, v in GROUPS.items() if v is type(member)]
    assert groups, f"pages have no label group for {type(member).__name__}"
    shown = web_label(translator(lang), lang, groups[0], member.value)
    assert shown == label(member, lang)
    if lang == "ru":
        assert shown != member.value


@pytest.mark.parametrize("code", [k.value for k in EventKind])
def test_pages_name_every_kind_of_event(code: str) -> None:
    """Calls, commission sessions and other events used to show as raw codes."""
    assert web_label(translator("ru"), "ru", "event_type", code) == label(EventKind(code), "ru")


@pytest.mark.parametrize("lang", LANGS)
def test_reports_use_the_same_words(lang: str) -> None:
    for status in MeasureStatus:
        assert report_words.status_label(status.value, lang) == label(status, lang)


def test_an_unknown_code_is_shown_as_it_is() -> None:
    assert word(EventKind, "visit", "ru") == "visit"
    assert word(EventKind, None, "ru") == "—"
    assert web_label(translator("en"), "en", "status", "overdue") == "overdue"
    assert web_label(translator("ru"), "ru", "status", "overdue") == "просрочено"


def test_the_roadmap_table_reads_back_every_status_it_writes() -> None:
    for status in MeasureStatus:
        assert MEASURE_STATUS_WORDS[label(status, "ru")] is status
        assert parse_measure_status(label(status, "ru")) is status
    with pytest.raises(ValueError, match="запланировано, в работе, выполнено, отменено"):
        parse_measure_status("soon")


def test_the_news_reader_speaks_the_same_vocabulary() -> None:
    from accord.ingest.events import KIND_ORDER
    from accord.news.documents import TYPE_ORDER
    from accord.news.grammars.documents import DOCUMENT_CUES
    from accord.news.grammars.events import EVENT_CUES
    from accord.news.grammars.figures import KIND_CUES

    assert set(EVENT_CUES) <= set(EventKind)
    assert set(KIND_ORDER) == set(EventKind)
    assert set(TYPE_ORDER) == set(DocumentKind)
    assert set(DOCUMENT_CUES) <= set(DocumentKind)
    assert set(KIND_CUES) <= set(FigureKind)


def test_search_finds_the_record_kinds() -> None:
    from accord.store.indexing import KINDS

    assert set(KINDS) == set(RecordKind)
