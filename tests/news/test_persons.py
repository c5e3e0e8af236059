"""Person stage: names to the nominative, merged across mentions, with office and country."""

from __future__ import annotations

import pytest

from accord.news.names import parse_name

NAMES = [
    ("Александром Турчиным", ("Александр", "Турчин")),
    ("Адылбека Касымалиева", ("Адылбек", "Касымалиев")),
    ("Елены Скрынник", ("Елена", "Скрынник")),
    ("Ирине Петровой", ("Ирина", "Петрова")),
    ("Мигелю Диас-Канелю", ("Мигель", "Диас-Канель")),
    ("Сергеем Ковальским", ("Сергей", "Ковальский")),
    ("Петра Порошенко", ("Петр", "Порошенко")),
    ("Нурлан Ермеков", ("Нурлан", "Ермеков")),
    ("Семена Шапиро", ("Семен", "Шапиро")),
    ("Каю Каллас", ("Кая", "Каллас")),
    ("Ивану Шапиро", ("Иван", "Шапиро")),
    ("Марию Каллас", ("Мария", "Каллас")),
    ("Хоанг Чунг Хаем", ("Хоанг", "Хай")),  # a soft sign never follows a vowel
]


@pytest.mark.parametrize(("mention", "expected"), NAMES)
def test_it_puts_names_in_the_nominative(models, mention: str, expected: tuple[str, str]) -> None:
    parts = parse_name(models, mention.split(), "ablt" if mention.endswith("ем") else None)
    assert parts is not None
    assert (parts.first, parts.last) == expected


def test_an_institution_glued_to_the_name_is_dropped(models) -> None:
    parts = parse_name(models, ["Сената", "Маулен", "Ашимбаев"])
    assert parts is not None
    assert (parts.first, parts.last) == ("Маулен", "Ашимбаев")


def test_an_undeclinable_name_is_read_from_its_nominative_mention(run) -> None:
    text = "Беларусь и Корея обсудили торговлю\nВстреча с Ан Дук Кыном прошла в Минске. Посол Ан Дук Кын отметил рост."
    assert names(run, text) == ["Ан Дук Кын"]


def test_an_office_and_its_city_at_the_front_of_a_name_are_not_the_name(run) -> None:
    persons = run("Беларусь и Казахстан обсудили сотрудничество\nАким Алматы Дархан Сатыбалды принял делегацию.").persons
    # the city stays in the office, as regional offices keep their region («губернатор брянской области»)
    assert [(p.name, p.position, p.country) for p in persons] == [("Дархан Сатыбалды", "аким алматы", "KZ")]


def test_a_patronymic_is_dropped(models) -> None:
    parts = parse_name(models, ["Александра", "Генриховича", "Турчина"])
    assert parts is not None
    assert (parts.first, parts.middle, parts.last) == ("Александр", [], "Турчин")


def names(run, text: str) -> list[str]:
    return sorted(p.name for p in run(text).persons)


def test_it_merges_surname_alone_and_inflected_forms(run) -> None:
    text = ("Премьер-министр Александр Турчин встретился с послом. Турчину вручили письмо. "
            "Затем Турчин выступил перед журналистами.")
    assert names(run, text) == ["Александр Турчин"]


def test_it_merges_a_one_off_typo(run) -> None:
    text = ("Премьер-министр Беларуси Александр Турчин провел переговоры. Турчин отметил рост торговли. "
            "Гость пригласил Александра Тручина посетить Бишкек.")
    assert names(run, text) == ["Александр Турчин"]


def test_it_keeps_different_people_with_one_surname_apart(run) -> None:
    text = "Компанию основал Игорь Смирнов. Ее возглавляет его дочь Анна Смирнова."
    assert names(run, text) == ["Анна Смирнова", "Игорь Смирнов"]


def test_it_reads_initials(run) -> None:
    assert names(run, "Президент Сирии Б.Асад принял делегацию.") == ["Б. Асад"]


POSITIONS = [
    ("Премьер-министр Беларуси Александр Турчин прибыл в Бишкек.", "премьер-министр", "BY"),
    ("Переговоры прошли с председателем Кабинета министров Кыргызской Республики Адылбеком Касымалиевым.",
     "председатель кабинета министров", "KG"),
    ("В церемонии участвовал министр промышленности Узбекистана Лазиз Кудратов.", "министр промышленности", "UZ"),
    ("Документ подписал посол Казахстана в Беларуси Ержан Нурбеков.", "посол", "KZ"),
    ("Об этом сообщил глава МИД России Сергей Лавров.", "министр иностранных дел", "RU"),
    ("Выступил заместитель министра сельского хозяйства Беларуси Игорь Бровиков.",
     "заместитель министра сельского хозяйства", "BY"),
    ("Встречу провел губернатор Минской области Александр Турчин.", "губернатор минской области", "BY"),
    ("Делегацию возглавил аким Алматинской области Марат Султангазиев.", "аким алматинской области", "KZ"),
    ("Председатель Гомельского облисполкома Иван Крупко посетил Ташкент.",
     "председатель гомельского облисполкома", "BY"),
    ("Министр встретился с президентом Исламской Республики Иран Масудом Пезешкианом.", "президент", "IR"),
    ("Сопредседатели комиссии – заместитель премьер-министра Казахстана Серик Жумангарин.",
     "заместитель премьер-министра", "KZ"),
    ("Белорусскую делегацию возглавил министр промышленности Александр Ефимов.", "министр промышленности", "BY"),
    ("С казахстанской стороны в переговорах участвовал министр транспорта Нурлан Сауранбаев.",
     "министр транспорта", "KZ"),
    ("Казахстанскую сторону представляла вице-министр торговли Айжан Бижанова.", "вице-министр торговли", "KZ"),
    ("Иван Петров — министр экономики Беларуси — провел переговоры.", "министр экономики", "BY"),
    ("Министр провел переговоры с заместителем премьер-министра – министром иностранных дел "
     "Социалистической Республики Вьетнам Буй Тхань Шоном.", "заместитель премьер-министра", "VN"),
    ("Айбек Осмонов, вице-премьер Кыргызстана, открыл форум.", "вице-премьер", "KG"),
]


@pytest.mark.parametrize(("sentence", "position", "country"), POSITIONS)
def test_it_attaches_the_office_and_its_state(run, sentence: str, position: str, country: str | None) -> None:
    persons = run(sentence).persons
    assert [(p.position, p.country) for p in persons] == [(position, country)]


def test_an_office_of_someone_else_is_not_taken(run) -> None:
    persons = run("Пресс-секретарь Путина Дмитрий Песков прокомментировал встречу.").persons
    by_name = {p.name: p for p in persons}
    assert by_name["Дмитрий Песков"].position == "пресс-секретарь"
    assert by_name["Путин"].position != "пресс-секретарь"


LEADER_OFFICES = [
    ("date 2025-03-01\nЛукашенко и Токаев провели переговоры\nЛукашенко встретился с Токаевым.",
     {"Лукашенко": "президент", "Токаев": "президент"}),
    ("date 2010-03-01\nПутин прибыл в Минск\nПутин провел переговоры в Минске.", {"Путин": "председатель правительства"}),
    ("date 2025-03-01\nЛавров прибыл в Минск\nЛавров провел переговоры в Минске.", {"Лавров": "министр иностранных дел"}),
]


@pytest.mark.parametrize(("text", "expected"), LEADER_OFFICES)
def test_a_long_serving_leader_named_without_an_office_gets_the_one_held_then(run, text: str, expected: dict) -> None:
    assert {p.name: p.position for p in run(text).persons} == expected


def test_words_that_are_not_names_are_not_persons(run) -> None:
    assert run("Вместе с тем стороны обсудили поставки техники.").persons == []


def test_a_short_inflected_surname_joins_its_person(run) -> None:
    text = "Лидер КНДР Ким Чен Ир принял делегацию. Гости поблагодарили Ким Чен Ира за прием."
    assert names(run, text) == ["Ким Чен Ир"]


def test_an_adjective_alone_is_not_a_person(run) -> None:
    assert run("Жив ли лидер страны, неизвестно.").persons == []


def test_a_name_takes_the_case_of_its_office(run) -> None:
    text = "Заседание прошло под председательством заместителя премьер-министра Узбекистана Жамшида Ходжаева."
    assert [(p.name, p.position, p.country) for p in run(text).persons] == [
        ("Жамшид Ходжаев", "заместитель премьер-министра", "UZ")
    ]


def test_an_unknown_foreign_name_keeps_its_office(run) -> None:
    text = "Переговоры провели Президент России Владимир Путин и Председатель КНР Си Цзиньпин."
    assert {(p.name, p.position, p.country) for p in run(text).persons} == {
        ("Владимир Путин", "президент", "RU"),
        ("Си Цзиньпин", "председатель", "CN"),
    }


def test_a_well_known_leader_gets_a_state_when_the_text_gives_none(run) -> None:
    persons = run("Лукашенко провел совещание с руководителями предприятий.").persons
    assert [(p.name, p.country) for p in persons] == [("Лукашенко", "BY")]


def test_a_state_next_to_a_name_is_not_its_state_without_an_office(run) -> None:
    persons = run("Премьер-министр Японии Синдзо Абэ заявил о планах обсудить КНДР с Путиным.").persons
    assert {(p.name, p.country) for p in persons} == {("Синдзо Абэ", "JP"), ("Путин", "RU")}


def test_a_state_adjective_before_the_office_is_the_state(run) -> None:
    persons = run("Встречу открыл белорусский министр промышленности Александр Ефимов.").persons
    assert [(p.position, p.country) for p in persons] == [("министр промышленности", "BY")]


def test_a_name_does_not_run_over_a_line_break(run) -> None:
    text = "Губернатор Александр Мишкин\nПолицейская машина остановилась у здания."
    assert names(run, text) == ["Александр Мишкин"]


def test_a_plural_common_noun_alone_is_not_a_person(run) -> None:
    assert run("Девочки пришли на праздник.").persons == []


def test_a_surname_ending_in_a_soft_sign_merges_its_forms(run) -> None:
    text = "Канцлер Гельмут Коль выступил в бундестаге. Депутаты ждали от Коля извинений."
    assert names(run, text) == ["Гельмут Коль"]


# Offices and states written the ways items write them for several people at once.
SHARED = [
    ("Кыргызстан и Беларусь провели заседание комиссии\nКыргызскую часть комиссии возглавил первый вице-премьер "
     "Омурбек Бабанов, белорусскую – заместитель премьер-министра Андрей Тозик.",
     {"Омурбек Бабанов": ("первый вице-премьер", "KG"), "Андрей Тозик": ("заместитель премьер-министра", "BY")}),
    ("Беларусь и Венесуэла провели заседание комиссии\nБелорусскую группу возглавил министр Иван Петров, "
     "венесуэльскую – министр энергетики Хосе Мендоса.",
     {"Иван Петров": ("министр", "BY"), "Хосе Мендоса": ("министр энергетики", "VE")}),
    ("Казахстан, Кыргызстан и Узбекистан подписали соглашение\nМинистры энергетики Казахстана, Кыргызстана и "
     "Узбекистана – Алмас Сатов, Таалай Ибраев и Журабек Мирзаев – подписали в Ташкенте соглашение.",
     {"Алмас Сатов": ("министр энергетики", "KZ"), "Таалай Ибраев": ("министр энергетики", "KG"),
      "Журабек Мирзаев": ("министр энергетики", "UZ")}),
    ("Беларусь и Кыргызстан подписали контракт\nКонтракт подписан в рамках визита в Кыргызстан делегации "
     "Министерства промышленности Беларуси во главе с первым заместителем министра Дмитрием Кацем.",
     {"Дмитрий Кац": ("первый заместитель министра", "BY")}),
]


@pytest.mark.parametrize(("text", "expected"), SHARED)
def test_sides_lists_and_delegations_give_offices_and_states(run, text: str, expected: dict) -> None:
    got = {p.name: (p.position, p.country) for p in run(text).persons}
    assert got == expected


def test_a_citys_office_keeps_its_city(run) -> None:
    got = run("Москва и Минск подписали соглашение\nМэр Москвы Сергей Собянин и председатель Минского "
              "горисполкома Владимир Кухарев подписали программу сотрудничества.").persons
    assert ("Сергей Собянин", "мэр москвы", "RU") in {(p.name, p.position, p.country) for p in got}


def test_the_word_for_the_state_is_not_part_of_the_office(run) -> None:
    got = run("Россия и Беларусь договорились о кредите\nОб этом сообщил министр финансов Беларуси Андрей Петров. "
              "Министр финансов республики Андрей Петров подписал соглашение.").persons
    assert [(p.name, p.position, p.country) for p in got] == [("Андрей Петров", "министр финансов", "BY")]


def test_an_official_in_a_domestic_item_serves_the_state_it_is_about(run) -> None:
    got = run("Пенсии в Казахстане повысят\nС 1 января в Казахстане повысят пенсии. Об этом сообщила министр "
              "труда Тамара Дуйсенова. Индексация пройдет в Казахстане автоматически.").persons
    assert [(p.name, p.country) for p in got] == [("Тамара Дуйсенова", "KZ")]


OFFICES = [
    # a participle or adjective before the office is put in the nominative, an age is dropped
    ("Беларусь и Вьетнам обсудили торговлю\nВ Ханое выступил бывший премьер-министр Беларуси Сергей Сидорский.",
     ("Сергей Сидорский", "бывший премьер-министр", "BY")),
    ("Беларусь и Китай обсудили торговлю\nПисьмо вручили бывшему послу Китая Цуй Цимину.",
     ("Цуй Цимин", "бывший посол", "CN")),
    ("Беларусь и Казахстан обсудили торговлю\nПрежнего министра торговли Казахстана Бахыта Султанова сменили.",
     ("Бахыт Султанов", "прежний министр торговли", "KZ")),
    ("Россия и Индия обсудили торговлю\nВ Дели прибыл 55-летний министр иностранных дел России Сергей Лавров.",
     ("Сергей Лавров", "министр иностранных дел", "RU")),
    # the region an office serves stays in it; the state does not
    ("Кыргызстан и Таджикистан обсудили границу\nКыргызскую сторону представлял полномочный представитель "
     "президента Кыргызской Республики в Баткенской области Алмаз Осмонов.",
     ("Алмаз Осмонов", "полномочный представитель президента в баткенской области", "KG")),
    ("Беларусь и Узбекистан обсудили торговлю\nПосол Беларуси встретился с хокимом Ташкентской области "
     "Заиром Мирзаевым.", ("Заир Мирзаев", "хоким ташкентской области", "UZ")),
    ("Беларусь и Зимбабве подписали контракт\nДокумент подписан в присутствии Чрезвычайного и Полномочного "
     "Посла Беларуси в Зимбабве Сергея Рачкова.", ("Сергей Рачков", "посол", "BY")),
    ("Беларусь и Кыргызстан обсудили торговлю\nВстречу провел первый вице-премьер-министр Кыргызстана "
     "Темир Жумабаев.",
     ("Темир Жумабаев", "первый вице-премьер-министр", "KG")),
]


@pytest.mark.parametrize(("text", "expected"), OFFICES)
def test_the_office_is_read_in_the_nominative_with_its_region(run, text: str, expected: tuple[str, str, str]) -> None:
    assert [(p.name, p.position, p.country) for p in run(text).persons] == [expected]


def test_an_office_without_a_state_is_the_datelines_state(run) -> None:
    text = ("Россия перечислила Беларуси транш кредита\nМИНСК, 5 марта. /ТАСС/. Россия перечислила Беларуси транш "
            "кредита. Об этом сообщил министр финансов Андрей Ковалев.")
    assert [(p.name, p.position, p.country) for p in run(text).persons] == [
        ("Андрей Ковалев", "министр финансов", "BY")
    ]


def test_with_no_dateline_an_office_without_a_state_has_none(run) -> None:
    text = ("Россия перечислила Беларуси транш кредита\nРоссия перечислила Беларуси транш "
            "кредита. Об этом сообщил министр финансов Андрей Ковалев.")
    assert [(p.name, p.country) for p in run(text).persons] == [("Андрей Ковалев", None)]


@pytest.mark.parametrize("dateline", ["Бишкек – ", "Бишкек. 17 марта. – ", "Бишкек, 17.03.21 /Кабар/. "])
def test_a_dateline_after_a_dash_or_a_stop_gives_the_state_too(run, dateline: str) -> None:
    text = (f"Китай передал Кыргызстану вакцину\n{dateline}Китай передал Кыргызстану партию вакцины. "
            "Груз встретил министр здравоохранения Алымкадыр Бейшеналиев.")
    assert [(p.name, p.country) for p in run(text).persons] == [("Алымкадыр Бейшеналиев", "KG")]


def test_in_a_domestic_item_naming_one_state_once_its_officials_serve_it(run) -> None:
    text = ("Нацбанк провел валютную интервенцию\nНациональный банк Кыргызской Республики продал 25 млн долларов "
            "США. Как пояснил председатель Нацбанка Мелис Турганбаев, интервенции сглаживают колебания курса.")
    got = run(text)
    assert got.countries == []
    assert [(p.name, p.position, p.country) for p in got.persons] == [
        ("Мелис Турганбаев", "председатель нацбанка", "KG")
    ]


def test_a_ministrys_short_name_is_no_person(run) -> None:
    text = ("Казахстан и Германия обсудили торговлю\nПо данным Минторговли, товарооборот вырос. "
            "Министр Рустем Мингазов сообщил об этом в Берлине.")
    assert names(run, text) == ["Рустем Мингазов"]


def test_the_head_of_a_citys_delegation_serves_the_citys_state(run) -> None:
    text = ("Белорусские лифты установят в Бишкеке\nМинск, 25 января. Контракт подписан во время визита в Минск "
            "делегации мэрии Бишкека во главе с вице-мэром Эркином Сыдыковым.")
    assert [(p.name, p.position, p.country) for p in run(text).persons] == [("Эркин Сыдыков", "вице-мэр", "KG")]


def test_a_stop_after_a_surname_is_not_part_of_it(run) -> None:
    text = ("Беларусь и Кыргызстан обсудили поставки техники\n«Мы хотим, чтобы белорусская техника работала у нас», "
            "– сказал С. Жээнбеков.")
    assert names(run, text) == ["С. Жээнбеков"]


def test_an_official_of_a_domestic_item_about_its_leader_serves_the_leaders_state(run) -> None:
    text = ("Токаев подписал закон о льготах для фермеров\nГлава государства Касым-Жомарт Токаев подписал закон. "
            "«Закон поможет фермерам», – пояснил министр сельского хозяйства Айдарбек Сапаров.")
    got = run(text)
    assert got.countries == []
    assert ("Айдарбек Сапаров", "KZ") in [(p.name, p.country) for p in got.persons]
