"""Reference list of countries (ISO 3166-1 alpha-2, Russian and English names)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

COUNTRIES = """
AE|Объединённые Арабские Эмираты|United Arab Emirates
AF|Афганистан|Afghanistan
AM|Армения|Armenia
AO|Ангола|Angola
AR|Аргентина|Argentina
AT|Австрия|Austria
AU|Австралия|Australia
AZ|Азербайджан|Azerbaijan
BA|Босния и Герцеговина|Bosnia and Herzegovina
BD|Бангладеш|Bangladesh
BE|Бельгия|Belgium
BG|Болгария|Bulgaria
BH|Бахрейн|Bahrain
BO|Боливия|Bolivia
BR|Бразилия|Brazil
BY|Беларусь|Belarus
CA|Канада|Canada
CH|Швейцария|Switzerland
CL|Чили|Chile
CN|Китай|China
CO|Колумбия|Colombia
CU|Куба|Cuba
CY|Кипр|Cyprus
CZ|Чехия|Czechia
DE|Германия|Germany
DK|Дания|Denmark
DZ|Алжир|Algeria
EC|Эквадор|Ecuador
EE|Эстония|Estonia
EG|Египет|Egypt
ES|Испания|Spain
ET|Эфиопия|Ethiopia
FI|Финляндия|Finland
FR|Франция|France
GB|Великобритания|United Kingdom
GE|Грузия|Georgia
GR|Греция|Greece
HR|Хорватия|Croatia
HU|Венгрия|Hungary
ID|Индонезия|Indonesia
IE|Ирландия|Ireland
IL|Израиль|Israel
IN|Индия|India
IQ|Ирак|Iraq
IR|Иран|Iran
IS|Исландия|Iceland
IT|Италия|Italy
JO|Иордания|Jordan
JP|Япония|Japan
KE|Кения|Kenya
KG|Кыргызстан|Kyrgyzstan
KH|Камбоджа|Cambodia
KP|КНДР|North Korea
KR|Республика Корея|South Korea
KW|Кувейт|Kuwait
KZ|Казахстан|Kazakhstan
LA|Лаос|Laos
LB|Ливан|Lebanon
LK|Шри-Ланка|Sri Lanka
LT|Литва|Lithuania
LV|Латвия|Latvia
LY|Ливия|Libya
MA|Марокко|Morocco
MD|Молдова|Moldova
ME|Черногория|Montenegro
MK|Северная Македония|North Macedonia
MM|Мьянма|Myanmar
MN|Монголия|Mongolia
MX|Мексика|Mexico
MY|Малайзия|Malaysia
NG|Нигерия|Nigeria
NI|Никарагуа|Nicaragua
NL|Нидерланды|Netherlands
NO|Норвегия|Norway
NP|Непал|Nepal
NZ|Новая Зеландия|New Zealand
OM|Оман|Oman
PE|Перу|Peru
PH|Филиппины|Philippines
PK|Пакистан|Pakistan
PL|Польша|Poland
PS|Палестина|Palestine
PT|Португалия|Portugal
QA|Катар|Qatar
RO|Румыния|Romania
RS|Сербия|Serbia
RU|Россия|Russia
SA|Саудовская Аравия|Saudi Arabia
SD|Судан|Sudan
SE|Швеция|Sweden
SG|Сингапур|Singapore
SI|Словения|Slovenia
SK|Словакия|Slovakia
SY|Сирия|Syria
TH|Таиланд|Thailand
TJ|Таджикистан|Tajikistan
TM|Туркменистан|Turkmenistan
TN|Тунис|Tunisia
TR|Турция|Türkiye
TW|Тайвань|Taiwan
TZ|Танзания|Tanzania
UA|Украина|Ukraine
US|США|United States
UY|Уругвай|Uruguay
UZ|Узбекистан|Uzbekistan
VE|Венесуэла|Venezuela
VN|Вьетнам|Viet Nam
YE|Йемен|Yemen
ZA|ЮАР|South Africa
ZW|Зимбабве|Zimbabwe
"""

country = sa.table("country", sa.column("code", sa.String), sa.column("name_ru", sa.String), sa.column("name_en", sa.String))


def rows() -> list[dict[str, str]]:
    out = []
    for line in COUNTRIES.strip().splitlines():
        code, ru, en = line.split("|")
        out.append({"code": code, "name_ru": ru, "name_en": en})
    return out


def upgrade() -> None:
    op.bulk_insert(country, rows())


def downgrade() -> None:
    op.execute(country.delete().where(country.c.code.in_([r["code"] for r in rows()])))
