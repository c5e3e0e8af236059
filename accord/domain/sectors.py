"""The sector taxonomy shared by roadmap directions and the news reader."""

from __future__ import annotations

#: code -> (Russian title, English title)
SECTORS: dict[str, tuple[str, str]] = {
    "trade": ("Торговля", "Trade"),
    "industry": ("Промышленность", "Industry"),
    "agriculture": ("Сельское хозяйство и АПК", "Agriculture"),
    "energy": ("Энергетика", "Energy"),
    "transport_logistics": ("Транспорт и логистика", "Transport and logistics"),
    "infrastructure": ("Инфраструктура и строительство", "Infrastructure"),
    "investment": ("Инвестиции", "Investment"),
    "finance": ("Финансы и банки", "Finance"),
    "digital": ("Цифровое развитие", "Digital development"),
    "healthcare": ("Здравоохранение", "Healthcare"),
    "education_science": ("Образование и наука", "Education and science"),
    "culture": ("Культура", "Culture"),
    "sports": ("Спорт", "Sports"),
    "tourism": ("Туризм", "Tourism"),
    "environment": ("Охрана окружающей среды", "Environment"),
    "security": ("Региональная безопасность", "Security"),
    "legal": ("Правовое сотрудничество", "Legal cooperation"),
    "regional": ("Межрегиональное сотрудничество", "Interregional cooperation"),
    "humanitarian": ("Гуманитарное сотрудничество", "Humanitarian cooperation"),
}


def sector_code(text: str) -> str | None:
    """The code for a sector written as its code or its Russian or English title."""
    key = " ".join(str(text).strip().lower().replace("ё", "е").split())
    if key in SECTORS:
        return key
    for code, (ru, en) in SECTORS.items():
        if key in (ru.lower().replace("ё", "е"), en.lower()):
            return code
    return None
