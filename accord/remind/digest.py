"""One e-mail digest per person: their overdue and near deadlines, in their language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from accord.remind.deadlines import STEPS, Deadline, Step

SECTION = {
    "ru": {
        Step.OVERDUE: "Просрочено",
        Step.DAYS_7: "Срок в ближайшие 7 дней",
        Step.DAYS_30: "Срок в ближайшие 30 дней",
    },
    "en": {
        Step.OVERDUE: "Overdue",
        Step.DAYS_7: "Due within 7 days",
        Step.DAYS_30: "Due within 30 days",
    },
}
WORDS = {
    "ru": {
        "measure": "Мероприятие",
        "decision": "Поручение",
        "due": "срок",
        "late": "просрочено на {n} дн.",
        "left": "осталось {n} дн.",
        "today": "срок сегодня",
        "responsible": "ответственные",
        "subject": "accord: сроки — просрочено {overdue}, в ближайшие 30 дней {soon}",
        "greeting": "Здравствуйте, {name}!",
        "intro": "Сроки мероприятий и поручений, за которые вы отвечаете, на {today}:",
        "footer": "Это письмо отправлено accord один раз для каждого срока и этапа (30 дней, 7 дней, просрочка).",
    },
    "en": {
        "measure": "Measure",
        "decision": "Decision",
        "due": "due",
        "late": "{n} days late",
        "left": "{n} days left",
        "today": "due today",
        "responsible": "responsible",
        "subject": "accord: deadlines — {overdue} overdue, {soon} due within 30 days",
        "greeting": "Hello {name},",
        "intro": "Deadlines of the measures and decisions you answer for, as of {today}:",
        "footer": "accord sends this once for each deadline and step (30 days, 7 days, overdue).",
    },
}


@dataclass(frozen=True, slots=True)
class Digest:
    to: str
    subject: str
    body: str


def day_label(day: date, lang: str) -> str:
    return day.strftime("%d.%m.%Y") if lang == "ru" else day.isoformat()


def compose(
    name: str, address: str, lang: str, items: list[tuple[Deadline, Step]], today: date, base_url: str
) -> Digest:
    """A plain-text digest grouped by step, most urgent first, with a link to each record."""
    lang = lang if lang in WORDS else "ru"
    w = WORDS[lang]
    overdue = sum(1 for _, step in items if step is Step.OVERDUE)
    lines = [w["greeting"].format(name=name), "", w["intro"].format(today=day_label(today, lang))]
    for step in STEPS:
        chosen = [d for d, s in items if s is step]
        if not chosen:
            continue
        lines += ["", f"{SECTION[lang][step]} ({len(chosen)})", ""]
        for d in chosen:
            lines.append(f"- {w[d.entity]} {d.number} ({d.where}): {d.title}")
            lines.append(f"  {w['due']} {day_label(d.due_on, lang)}, {_distance(d.due_on, today, w)}")
            if d.responsible:
                lines.append(f"  {w['responsible']}: {'; '.join(d.responsible)}")
            lines.append(f"  {base_url.rstrip('/')}{d.path}")
    lines += ["", "--", w["footer"]]
    subject = w["subject"].format(overdue=overdue, soon=len(items) - overdue)
    return Digest(address, subject, "\n".join(lines) + "\n")


def _distance(due_on: date, today: date, w: dict[str, str]) -> str:
    days = (due_on - today).days
    if days < 0:
        return w["late"].format(n=-days)
    return w["today"] if days == 0 else w["left"].format(n=days)
