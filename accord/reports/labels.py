"""Every word the session report prints, in Russian and English, from one table (the record's
vocabularies from ``accord.domain.labels``).

Renderers never hold text of their own: a missing key fails loudly in tests
rather than leaving an English word in a Russian report.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_decimal

from accord.domain.kinds import ProjectStage, TargetStatus
from accord.domain.labels import word
from accord.domain.status import MeasureStatus
from accord.trade.periods import Period

LANGS = ("ru", "en")

#: key -> (Russian, English)
LABELS: dict[str, tuple[str, str]] = {
    "report": ("Материалы к заседанию", "Report for the session"),
    "report_of": ("межправительственной комиссии", "of the intergovernmental commission"),
    "roadmap": ("Дорожная карта", "Roadmap"),
    "parties": ("Стороны", "Parties"),
    "as_of": ("По состоянию на", "As of"),
    "since": ("Изменения учтены с", "Changes counted since"),
    "commission": ("Комиссия", "Commission"),
    "co_chairs": ("Сопредседатели комиссии", "Co-chairs of the commission"),
    "no_commission": (
        "Комиссия по дорожной карте не внесена в систему",
        "No commission is recorded for the roadmap",
    ),
    "next_session": ("Следующее заседание", "Next session"),
    "recorded_note": (
        "Статусы мероприятий и поручений приведены по данным на {date} (дата подготовки документа).",
        "Statuses of measures and decisions are as recorded on {date}, the day this document was produced.",
    ),
    "illustrative_banner": (
        "Иллюстративные данные. Мероприятия примера, заседание комиссии, проекты и часть торговых "
        "показателей являются иллюстративными и не отражают подписанных документов.",
        "Illustrative data. The example's measures, commission session, projects and some trade figures "
        "are illustrative and do not reflect signed documents.",
    ),
    "illustrative_mark": ("* иллюстративные данные", "* illustrative data"),
    "illustrative_xlsx": (
        "* и курсив — иллюстративные данные",
        "* and italics: illustrative data",
    ),
    "nothing_to_report": (
        "В дорожной карте нет мероприятий: сообщать не о чем.",
        "The roadmap has no measures: there is nothing to report.",
    ),
    "contents": ("Содержание", "Contents"),
    # section headings
    "s_summary": ("1. Сводка исполнения", "1. Summary"),
    "s_changes": ("2. Изменения с прошлого заседания", "2. Changes since the last session"),
    "s_changes_since": ("2. Изменения с {date}", "2. Changes since {date}"),
    "s_overdue": ("3. Просроченные мероприятия", "3. Overdue measures"),
    "s_upcoming": ("4. Сроки в ближайшие {days} дней", "4. Deadlines in the next {days} days"),
    "s_decisions": ("5. Решения прошлого заседания", "5. Decisions of the last session"),
    "s_trade": ("6. Взаимная торговля", "6. Trade"),
    "s_annex": ("Приложение. Дорожная карта", "Annex. The roadmap"),
    # summary
    "direction": ("Направление", "Direction"),
    "total": ("Всего", "Total"),
    "done": ("Выполнено", "Done"),
    "in_progress": ("В работе", "In progress"),
    "planned": ("Запланировано", "Planned"),
    "cancelled": ("Отменено", "Cancelled"),
    "overdue": ("Просрочено", "Overdue"),
    "share_done": ("Доля выполненных", "Share done"),
    "all_directions": ("Итого", "All directions"),
    "measures_total": ("Мероприятий всего", "Measures in all"),
    "overdue_count": ("Просроченных мероприятий", "Overdue measures"),
    "share_done_note": ("(без учета отмененных)", "(cancelled measures left out)"),
    "chart_progress": ("Исполнение по направлениям", "Progress by direction"),
    "chart_trade": (
        "Товарооборот по данным каждой из сторон и целевой показатель",
        "Trade turnover as each side reports it, against the target",
    ),
    "chart_trade_only": ("Товарооборот по данным каждой из сторон", "Trade turnover as each side reports it"),
    "chart_path": ("требуемая траектория", "path to the target"),
    "chart_measures": ("мероприятий", "measures"),
    "chart_million": ("млн", "million"),
    "chart_target": ("цель", "target"),
    # changes
    "changes_measures": ("Мероприятия, изменившие статус", "Measures that changed status"),
    "changes_agreements": (
        "Подписанные и вступившие в силу документы",
        "Agreements signed or entered into force",
    ),
    "changes_projects": ("Новые проекты", "New projects"),
    "number": ("№", "No."),
    "measure": ("Мероприятие", "Measure"),
    "status_was": ("Был статус", "Status before"),
    "status_now": ("Статус", "Status now"),
    "changed_on": ("Дата изменения", "Changed on"),
    "changed_by": ("Кем изменено", "Changed by"),
    "evidence": ("Подтверждение (источник, дата)", "Evidence (source, date)"),
    "agreement": ("Документ", "Agreement"),
    "event": ("Событие", "Event"),
    "date": ("Дата", "Date"),
    "project": ("Проект", "Project"),
    "stage": ("Стадия", "Stage"),
    "value": ("Стоимость", "Value"),
    "started": ("Начало", "Started"),
    "kind": ("Раздел", "Kind"),
    "no_changes_measures": ("Статус мероприятий не менялся.", "No measure changed status."),
    "no_changes_agreements": (
        "Документы не подписывались и не вступали в силу.",
        "No agreement was signed or entered into force.",
    ),
    "no_changes_projects": ("Новых проектов нет.", "No new projects."),
    "no_evidence": ("подтверждение не приложено", "no evidence attached"),
    "period_note": ("Период: с {since} по {as_of}.", "Period: {since} to {as_of}."),
    "since_session": ("(заседание № {number})", "(session no. {number})"),
    "no_session_before": (
        "Заседаний комиссии до этой даты не было; изменения учтены за весь период.",
        "The commission held no session before this date; changes are counted over the whole record.",
    ),
    "signed": ("подписан", "signed"),
    "in_force": ("вступил в силу", "entered into force"),
    # overdue, upcoming
    "responsible": ("Ответственные", "Responsible"),
    "due": ("Срок", "Due"),
    "days_late": ("Дней просрочки", "Days late"),
    "last_note": ("Последняя отметка", "Last note"),
    "status": ("Статус", "Status"),
    "days_left": ("Дней осталось", "Days left"),
    "no_overdue": ("Просроченных мероприятий нет.", "No measure is overdue."),
    "no_upcoming": ("В ближайшие {days} дней сроков нет.", "No deadline in the next {days} days."),
    # decisions
    "decision": ("Поручение", "Decision"),
    "owner": ("Исполнитель", "Owner"),
    "session_of": ("Заседание № {number}, {date}, {place}", "Session no. {number}, {date}, {place}"),
    "no_last_session": (
        "Заседаний комиссии до этой даты не было.",
        "The commission held no session before this date.",
    ),
    "no_decisions": ("Заседание не приняло поручений.", "The session took no decisions."),
    "overdue_mark": ("просрочено", "overdue"),
    # trade
    "period": ("Период", "Period"),
    "export": ("экспорт", "export"),
    "import": ("импорт", "import"),
    "turnover": ("товарооборот", "turnover"),
    "growth": ("рост, %", "growth, %"),
    "trade_units": ("млн {currency}", "{currency} million"),
    "trade_note": (
        "Данные каждой стороны приведены рядом (зеркальная статистика), не суммируются. "
        "Товарооборот — экспорт плюс импорт по данным одной стороны.",
        "Each side's figures are shown side by side (mirror statistics) and never added up. "
        "Turnover is one side's export plus its import.",
    ),
    "trade_same_currency": (
        "Все показатели представлены в {currency}, пересчет не требовался.",
        "All figures are reported in {currency}; no conversion was needed.",
    ),
    "trade_converted": (
        "Пересчет в {currency} по официальным курсам:",
        "Converted to {currency} at official rates:",
    ),
    "trade_needs_rates": (
        "Пересчет в {currency} требует официальных курсов, которых нет в системе (accord fx); "
        "такие показатели приведены в исходной валюте:",
        "Conversion to {currency} needs official rates that are not stored (accord fx); "
        "those figures are shown in their original currency:",
    ),
    "trade_sources": ("Источники", "Sources"),
    "target_source": ("Источник", "Source"),
    "target": ("Целевой показатель", "Target"),
    "target_line": (
        "товарооборот {value} млн {currency} к {year} году",
        "turnover of {currency} {value} million by {year}",
    ),
    "target_status": ("по данным стороны «{country}»", "on {country}'s figures"),
    "needed_growth": ("требуемый ежегодный рост", "yearly growth needed"),
    "recent_growth": ("рост за последний год", "growth in the last year"),
    "no_trade": ("Данных о взаимной торговле нет.", "No trade figures are recorded."),
    # annex
    "annex_note": (
        "Полная таблица дорожной карты в формате, принятом для обмена (accord export roadmap).",
        "The full roadmap table in the spreadsheet layout used for exchange (accord export roadmap).",
    ),
    "page": ("Стр.", "Page"),
    # xlsx sheet names (at most 31 characters)
    "sheet_title": ("Титул", "Title"),
    "sheet_summary": ("1 Сводка", "1 Summary"),
    "sheet_changes": ("2 Изменения", "2 Changes"),
    "sheet_overdue": ("3 Просрочено", "3 Overdue"),
    "sheet_upcoming": ("4 Ближайшие сроки", "4 Next deadlines"),
    "sheet_decisions": ("5 Решения", "5 Decisions"),
    "sheet_trade": ("6 Торговля", "6 Trade"),
    "sheet_annex": ("Приложение", "Annex"),
}

#: the roadmap table's column headers in English (the importer reads both)
ANNEX_HEADERS_EN = {
    "№": "No.",
    "Направление": "Direction",
    "Мероприятие": "Measure",
    "Срок": "Due",
    "Ожидаемый результат": "Expected result",
    "Статус": "Status",
    "Примечание": "Note",
}


def label(key: str, lang: str, **values: object) -> str:
    ru, en = LABELS[key]
    text = ru if lang == "ru" else en
    return text.format(**values) if values else text


def status_label(status: str, lang: str) -> str:
    return word(MeasureStatus, status, lang)


def stage_label(stage: str, lang: str) -> str:
    return word(ProjectStage, stage, lang)


def target_label(status: str, lang: str) -> str:
    return word(TargetStatus, status, lang)


def annex_header(header: str, lang: str) -> str:
    if lang == "ru":
        return header
    if header.startswith("Ответственные ("):
        return "Responsible (" + header.split("(", 1)[1]
    return ANNEX_HEADERS_EN.get(header, header)


MONTHS_RU = [
    "",
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
]
QUARTERS_RU = ["", "I", "II", "III", "IV"]


def period_label(period: Period, lang: str) -> str:
    """`2024`, `январь–июнь 2025` / `Jan–Jun 2025`, `I кв. 2024` / `Q1 2024`."""
    if lang == "en" or period.kind == "year":
        return period.label()
    if period.kind == "quarter":
        return f"{QUARTERS_RU[(period.start.month - 1) // 3 + 1]} кв. {period.year}"
    if period.kind == "month":
        return f"{MONTHS_RU[period.start.month]} {period.year}"
    return f"{MONTHS_RU[period.start.month]}–{MONTHS_RU[period.end.month]} {period.year}"


def day(value: date | None, lang: str) -> str:
    """Dates in tables: 27.11.2026 in Russian, 27 Nov 2026 in English."""
    if value is None:
        return "—"
    if lang == "ru":
        return value.strftime("%d.%m.%Y")
    return format_date(value, "d MMM y", locale="en")


def long_day(value: date, lang: str) -> str:
    """Dates in prose: «27 ноября 2026 г.», 27 November 2026."""
    if lang == "ru":
        # CLDR puts a narrow no-break space before «г.»; office fonts render the plain no-break space reliably
        return format_date(value, "long", locale="ru").replace("\u202f", "\u00a0")
    return format_date(value, "d MMMM y", locale="en")


def number(value: Decimal | float | int | None, lang: str, places: int = 1) -> str:
    if value is None:
        return "—"
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(value, format=pattern, locale="ru" if lang == "ru" else "en")


def percent(fraction: Decimal | float | None, lang: str, signed: bool = True) -> str:
    """+15,3 % in Russian, +15.3% in English."""
    if fraction is None:
        return "—"
    text = number(Decimal(str(fraction)) * 100, lang, 1)
    if signed and fraction > 0:
        text = "+" + text
    return text + ("\u00a0%" if lang == "ru" else "%")
