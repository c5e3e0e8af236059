"""The example's directory: government bodies, companies, regions and people of Belarus and Kyrgyzstan.

Names of bodies and of the two heads of government are real (as of the
29 September 2025 talks). The commission's co-chairs are not named in the
starting facts, so the example names no one there and says so.
"""

from __future__ import annotations

#: (key, country, kind, full name, short name, English name)
ORGANIZATIONS: list[tuple[str, str, str, str, str | None, str]] = [
    ("by-gov", "BY", "government", "Совет Министров Республики Беларусь", "Совмин", "Council of Ministers of Belarus"),
    ("by-mfa", "BY", "ministry", "Министерство иностранных дел Республики Беларусь", "МИД Беларуси", "Ministry of Foreign Affairs of Belarus"),
    ("by-econ", "BY", "ministry", "Министерство экономики Республики Беларусь", "Минэкономики Беларуси", "Ministry of Economy of Belarus"),
    ("by-trade", "BY", "ministry", "Министерство антимонопольного регулирования и торговли Республики Беларусь", "МАРТ", "Ministry of Antimonopoly Regulation and Trade of Belarus"),
    ("by-prom", "BY", "ministry", "Министерство промышленности Республики Беларусь", "Минпром", "Ministry of Industry of Belarus"),
    ("by-agri", "BY", "ministry", "Министерство сельского хозяйства и продовольствия Республики Беларусь", "Минсельхозпрод", "Ministry of Agriculture and Food of Belarus"),
    ("by-health", "BY", "ministry", "Министерство здравоохранения Республики Беларусь", "Минздрав Беларуси", "Ministry of Health of Belarus"),
    ("by-culture", "BY", "ministry", "Министерство культуры Республики Беларусь", "Минкультуры Беларуси", "Ministry of Culture of Belarus"),
    ("by-sport", "BY", "ministry", "Министерство спорта и туризма Республики Беларусь", "Минспорт", "Ministry of Sport and Tourism of Belarus"),
    ("by-housing", "BY", "ministry", "Министерство жилищно-коммунального хозяйства Республики Беларусь", "Минжилкомхоз", "Ministry of Housing and Utilities of Belarus"),
    ("by-nature", "BY", "ministry", "Министерство природных ресурсов и охраны окружающей среды Республики Беларусь", "Минприроды Беларуси", "Ministry of Natural Resources and Environmental Protection of Belarus"),
    ("by-digital", "BY", "ministry", "Министерство связи и информатизации Республики Беларусь", "Минсвязи", "Ministry of Communications and Informatization of Belarus"),
    ("by-justice", "BY", "ministry", "Министерство юстиции Республики Беларусь", "Минюст Беларуси", "Ministry of Justice of Belarus"),
    ("by-interior", "BY", "ministry", "Министерство внутренних дел Республики Беларусь", "МВД Беларуси", "Ministry of Internal Affairs of Belarus"),
    ("by-emergency", "BY", "ministry", "Министерство по чрезвычайным ситуациям Республики Беларусь", "МЧС Беларуси", "Ministry of Emergency Situations of Belarus"),
    ("by-transport", "BY", "ministry", "Министерство транспорта и коммуникаций Республики Беларусь", "Минтранс Беларуси", "Ministry of Transport and Communications of Belarus"),
    ("by-education", "BY", "ministry", "Министерство образования Республики Беларусь", "Минобразования Беларуси", "Ministry of Education of Belarus"),
    ("by-gomselmash", "BY", "company", "ОАО «Гомсельмаш»", "Гомсельмаш", "Gomselmash OJSC"),
    ("by-mtz", "BY", "company", "ОАО «Минский тракторный завод»", "МТЗ", "Minsk Tractor Works OJSC"),
    ("by-belaz", "BY", "company", "ОАО «БЕЛАЗ» — управляющая компания холдинга «БЕЛАЗ-ХОЛДИНГ»", "БЕЛАЗ", "BELAZ OJSC"),
    ("by-lift", "BY", "company", "ОАО «Могилевлифтмаш»", "Могилевлифтмаш", "Mogilevliftmash OJSC"),
    ("by-minsk-region", "BY", "region", "Минский областной исполнительный комитет", "Миноблисполком", "Minsk Regional Executive Committee"),
    ("by-gomel-region", "BY", "region", "Гомельский областной исполнительный комитет", "Гомельский облисполком", "Gomel Regional Executive Committee"),
    ("kg-gov", "KG", "government", "Кабинет Министров Кыргызской Республики", "Кабмин КР", "Cabinet of Ministers of Kyrgyzstan"),
    ("kg-mfa", "KG", "ministry", "Министерство иностранных дел Кыргызской Республики", "МИД КР", "Ministry of Foreign Affairs of Kyrgyzstan"),
    ("kg-econ", "KG", "ministry", "Министерство экономики и коммерции Кыргызской Республики", "Минэкономкоммерции КР", "Ministry of Economy and Commerce of Kyrgyzstan"),
    ("kg-agri", "KG", "ministry", "Министерство водных ресурсов, сельского хозяйства и перерабатывающей промышленности Кыргызской Республики", "Минводсельхозпром КР", "Ministry of Water Resources, Agriculture and Processing Industry of Kyrgyzstan"),
    ("kg-health", "KG", "ministry", "Министерство здравоохранения Кыргызской Республики", "Минздрав КР", "Ministry of Health of Kyrgyzstan"),
    ("kg-culture", "KG", "ministry", "Министерство культуры, информации и молодежной политики Кыргызской Республики", "Минкультуры КР", "Ministry of Culture, Information and Youth Policy of Kyrgyzstan"),
    ("kg-digital", "KG", "ministry", "Министерство цифрового развития и инновационных технологий Кыргызской Республики", "Минцифры КР", "Ministry of Digital Development and Innovative Technologies of Kyrgyzstan"),
    ("kg-justice", "KG", "ministry", "Министерство юстиции Кыргызской Республики", "Минюст КР", "Ministry of Justice of Kyrgyzstan"),
    ("kg-interior", "KG", "ministry", "Министерство внутренних дел Кыргызской Республики", "МВД КР", "Ministry of Internal Affairs of Kyrgyzstan"),
    ("kg-emergency", "KG", "ministry", "Министерство чрезвычайных ситуаций Кыргызской Республики", "МЧС КР", "Ministry of Emergency Situations of Kyrgyzstan"),
    ("kg-nature", "KG", "ministry", "Министерство природных ресурсов, экологии и технического надзора Кыргызской Республики", "МПРЭТН КР", "Ministry of Natural Resources, Ecology and Technical Supervision of Kyrgyzstan"),
    ("kg-transport", "KG", "ministry", "Министерство транспорта и коммуникаций Кыргызской Республики", "Минтранс КР", "Ministry of Transport and Communications of Kyrgyzstan"),
    ("kg-education", "KG", "ministry", "Министерство науки, высшего образования и инноваций Кыргызской Республики", "Миннауки КР", "Ministry of Science, Higher Education and Innovation of Kyrgyzstan"),
    ("kg-sport", "KG", "agency", "Государственное агентство по делам молодежи, физической культуры и спорта при Кабинете Министров Кыргызской Республики", "Госагентство спорта КР", "State Agency for Youth, Physical Culture and Sports of Kyrgyzstan"),
    ("kg-tourism", "KG", "agency", "Департамент туризма при Министерстве культуры, информации и молодежной политики Кыргызской Республики", "Департамент туризма КР", "Tourism Department of Kyrgyzstan"),
    ("kg-bishkek", "KG", "region", "Мэрия города Бишкек", "Мэрия Бишкека", "Bishkek City Hall"),
    ("kg-chui", "KG", "region", "Аппарат полномочного представителя Президента Кыргызской Республики в Чуйской области", "Чуйская область", "Office of the Presidential Envoy in Chui Region"),
]

#: (key, first, patronymic, last, English name, country, position, position (en), organisation key)
PEOPLE: list[tuple[str, str, str | None, str, str, str, str, str, str]] = [
    ("turchin", "Александр", "Генрихович", "Турчин", "Alexander Turchin", "BY", "Премьер-министр Республики Беларусь", "Prime Minister of Belarus", "by-gov"),
    ("kasymaliev", "Адылбек", None, "Касымалиев", "Adylbek Kasymaliev", "KG", "Председатель Кабинета Министров — руководитель Администрации Президента Кыргызской Республики", "Chairman of the Cabinet of Ministers of Kyrgyzstan", "kg-gov"),
]

#: extra spellings a news item may use for a body or a person
ALIASES: dict[str, list[str]] = {
    "by-gov": ["Правительство Беларуси", "Совет министров Беларуси"],
    "kg-gov": ["Правительство Кыргызстана", "Кабмин Кыргызстана", "Кабинет министров Кыргызстана"],
    "by-mtz": ["Минский тракторный завод", "МТЗ"],
    "turchin": ["Турчин", "Александр Турчин"],
    "kasymaliev": ["Касымалиев", "Адылбек Касымалиев"],
}
