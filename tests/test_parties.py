"""The party gazetteer and tagger: every naming pattern, in English, Russian and Belarusian."""

from __future__ import annotations

from importlib import resources

import pytest

from coopwatch.model import Document, Extraction, Sentence
from coopwatch.nlp import inflect
from coopwatch.pipeline.parties import find_parties, load_gazetteer, tag_parties


def codes(text: str) -> list[tuple[str, str]]:
    return [(m.code, m.surface) for m in find_parties(text)]


ENGLISH = [
    ("oblast", "Belarus and Tula Oblast agreed on new supplies.",
     [("BY", "Belarus"), ("RU-TUL", "Tula Oblast")]),
    ("region-lower", "Trade with the Tula region grew.", [("RU-TUL", "Tula region")]),
    ("region-upper", "Trade with Tula Region grew.", [("RU-TUL", "Tula Region")]),
    ("capital-for-region", "Trade with Tula doubled.", [("RU-TUL", "Tula")]),
    ("capital-as-adjective", "Tula enterprises buy Belarusian tractors.",
     [("RU-TUL", "Tula"), ("BY", "Belarusian")]),
    ("possessive", "Tula's governor arrived.", [("RU-TUL", "Tula")]),
    ("bashkiria", "Bashkiria and Bashkortostan are one region.",
     [("RU-BA", "Bashkiria"), ("RU-BA", "Bashkortostan")]),
    ("krai-territory", "Krasnodar Krai, also Krasnodar Territory, or simply Kuban.",
     [("RU-KDA", "Krasnodar Krai"), ("RU-KDA", "Krasnodar Territory"), ("RU-KDA", "Kuban")]),
    ("yugra-long", "Khanty-Mansi Autonomous Okrug – Yugra signed a roadmap.",
     [("RU-KHM", "Khanty-Mansi Autonomous Okrug – Yugra")]),
    ("ugra-yamal", "Ugra and Yamal ship oil.", [("RU-KHM", "Ugra"), ("RU-YAN", "Yamal")]),
    ("kuzbass", "Kuzbass coal and Kemerovo Oblast.",
     [("RU-KEM", "Kuzbass"), ("RU-KEM", "Kemerovo Oblast")]),
    ("moscow-oblast", "Moscow Oblast, Moscow Region and Podmoskovye.",
     [("RU-MOS", "Moscow Oblast"), ("RU-MOS", "Moscow Region"), ("RU-MOS", "Podmoskovye")]),
    ("moscow-city", "The delegation flew to Moscow.", [("RU-MOW", "Moscow")]),
    ("perm", "Perm Krai, known as Prikamye.", [("RU-PER", "Perm Krai"), ("RU-PER", "Prikamye")]),
    ("mogilev-spellings", "Mogilev, Mogilyov and Mahiliou.",
     [("BY-MA", "Mogilev"), ("BY-MA", "Mogilyov"), ("BY-MA", "Mahiliou")]),
    ("gomel-homel", "Gomel Oblast is also Homel.", [("BY-HO", "Gomel Oblast"), ("BY-HO", "Homel")]),
    ("grodno-hrodna", "Grodno Region, Hrodna.", [("BY-HR", "Grodno Region"), ("BY-HR", "Hrodna")]),
    ("vitebsk", "Vitebsk and Viciebsk.", [("BY-VI", "Vitebsk"), ("BY-VI", "Viciebsk")]),
    ("brest", "Brest Oblast traders.", [("BY-BR", "Brest Oblast")]),
    ("minsk-oblast-vs-city", "Minsk Oblast is around Minsk.",
     [("BY-MI", "Minsk Oblast"), ("BY-HM", "Minsk")]),
    ("minsk-region", "the Minsk Region farms", [("BY-MI", "Minsk Region")]),
    ("capitals", "Kazan, Ufa, Yekaterinburg, Novosibirsk and Krasnodar.",
     [("RU-TA", "Kazan"), ("RU-BA", "Ufa"), ("RU-SVE", "Yekaterinburg"),
      ("RU-NVS", "Novosibirsk"), ("RU-KDA", "Krasnodar")]),
    ("st-petersburg", "St. Petersburg and Saint Petersburg.",
     [("RU-SPE", "St. Petersburg"), ("RU-SPE", "Saint Petersburg")]),
    ("countries", "Russia, the Russian Federation and the Republic of Belarus.",
     [("RU", "Russia"), ("RU", "Russian Federation"), ("BY", "Republic of Belarus")]),
    ("vladimir-name-vs-city", "Vladimir Putin spoke of Vladimir and Vladimir Oblast.",
     [("RU-VLA", "Vladimir"), ("RU-VLA", "Vladimir Oblast")]),
    ("kirov-plant", "The Kirov Plant is not in Kirov.", [("RU-KIR", "Kirov")]),
    ("capitals-for-countries", "Talks between Minsk and Moscow went well.",
     [("BY", "Minsk"), ("RU", "Moscow")]),
    ("official-minsk", "Official Minsk welcomed the plan.", [("BY", "Minsk")]),
    ("the-republic-belarus", "Belarus exports more. The republic sells milk.",
     [("BY", "Belarus"), ("BY", "The republic")]),
    ("the-republic-tatarstan", "Tatarstan hosted Belarus's envoy. Tatarstan: the republic grows.",
     [("RU-TA", "Tatarstan"), ("BY", "Belarus"), ("RU-TA", "Tatarstan"),
      ("RU-TA", "the republic")]),
    ("republic-of-korea-not-by", "Trade with the Republic of Korea.", []),
    ("lowercase-common-word", "a perm and a tula", []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in ENGLISH], ids=[c[0] for c in ENGLISH])
def test_english_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert codes(text) == expected


RUSSIAN = [
    ("oblast-gent", "Делегация Тульской области", [("RU-TUL", "Тульской области")]),
    ("oblast-accs", "посетил Тульскую область", [("RU-TUL", "Тульскую область")]),
    ("region-word", "Тульский регион наращивает", [("RU-TUL", "Тульский регион")]),
    ("capital-gent", "из Тулы в Минск", [("RU-TUL", "Тулы"), ("BY-HM", "Минск")]),
    ("capital-loct", "встреча в Туле", [("RU-TUL", "Туле")]),
    ("informal-loct", "на Тульщине", [("RU-TUL", "Тульщине")]),
    ("adjective", "тульские предприятия закупают", [("RU-TUL", "тульские")]),
    ("kuban", "с Кубанью и Краснодарским краем",
     [("RU-KDA", "Кубанью"), ("RU-KDA", "Краснодарским краем")]),
    ("kuzbass-podmoskovye", "Кузбасс и Подмосковье",
     [("RU-KEM", "Кузбасс"), ("RU-MOS", "Подмосковье")]),
    ("prikamye-yamal-yugra", "Прикамье, Ямал, Югра",
     [("RU-PER", "Прикамье"), ("RU-YAN", "Ямал"), ("RU-KHM", "Югра")]),
    ("bashkiria-tatarstan", "в Башкирии и Татарстане",
     [("RU-BA", "Башкирии"), ("RU-TA", "Татарстане")]),
    ("udmurt-republic-not-by", "Удмуртская Республика и Удмуртия",
     [("RU-UD", "Удмуртская Республика"), ("RU-UD", "Удмуртия")]),
    ("republic-refers-back", "В Удмуртии растёт выпуск; республика поставляет станки.",
     [("RU-UD", "Удмуртии"), ("RU-UD", "республика")]),
    ("republic-default-by", "Республика наращивает экспорт.", [("BY", "Республика")]),
    ("republics-plural-not-context", "связи с республиками Поволжья", []),
    ("republic-kazakhstan-not-by", "с Республикой Казахстан", []),
    ("country-names", "Беларусь, Белоруссия, Республика Беларусь, РФ, Российской Федерации",
     [("BY", "Беларусь"), ("BY", "Белоруссия"), ("BY", "Республика Беларусь"), ("RU", "РФ"),
      ("RU", "Российской Федерации")]),
    ("country-adjectives", "белорусские и российские компании",
     [("BY", "белорусские"), ("RU", "российские")]),
    ("minsk-oblast-vs-city", "Минская область и Минск",
     [("BY-MI", "Минская область"), ("BY-HM", "Минск")]),
    ("minsk-oblast-gent", "из Минской области", [("BY-MI", "Минской области")]),
    ("gomel-informal", "на Гомельщине", [("BY-HO", "Гомельщине")]),
    ("mogilev-yo", "Могилёвской и Могилевской",
     [("BY-MA", "Могилёвской"), ("BY-MA", "Могилевской")]),
    ("capitals", "в Казани, Уфе, Екатеринбурге, Новосибирске и Краснодаре",
     [("RU-TA", "Казани"), ("RU-BA", "Уфе"), ("RU-SVE", "Екатеринбурге"),
      ("RU-NVS", "Новосибирске"), ("RU-KDA", "Краснодаре")]),
    ("two-word-capital", "в Нижнем Новгороде и Ростове-на-Дону",
     [("RU-NIZ", "Нижнем Новгороде"), ("RU-ROS", "Ростове-на-Дону")]),
    ("capitals-for-countries", "отношения Минска и Москвы", [("BY", "Минска"), ("RU", "Москвы")]),
    ("official-moscow", "официальная Москва против", [("RU", "Москва")]),
    ("vladimir-name", "Владимир Путин приехал во Владимир", [("RU-VLA", "Владимир")]),
    ("surname-after-first-name", "губернатор Владимир Владимиров встретил гостей из Тулы",
     [("RU-TUL", "Тулы")]),
    ("moscow-city-and-oblast", "в Москве и Московской области",
     [("RU-MOW", "Москве"), ("RU-MOS", "Московской области")]),
    ("plural-coordination", "Брестской и Гродненской областями",
     [("BY-BR", "Брестской"), ("BY-HR", "Гродненской областями")]),
    ("crimea-iso-ua", "в Крыму и Севастополе", [("UA-43", "Крыму"), ("UA-40", "Севастополе")]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in RUSSIAN], ids=[c[0] for c in RUSSIAN])
def test_russian_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert codes(text) == expected


BELARUSIAN = [
    ("minsk-oblast-nom", "Мінская вобласць", [("BY-MI", "Мінская вобласць")]),
    ("minsk-oblast-loct", "у Мінскай вобласці", [("BY-MI", "Мінскай вобласці")]),
    ("minsk-city", "у Мінску", [("BY-HM", "Мінску")]),
    ("gomel-informal", "Гомельшчына і Гомельская вобласць",
     [("BY-HO", "Гомельшчына"), ("BY-HO", "Гомельская вобласць")]),
    ("mogilev", "Магілёўская вобласць", [("BY-MA", "Магілёўская вобласць")]),
    ("vitebsk-city", "у Віцебску", [("BY-VI", "Віцебску")]),
    ("countries", "Рэспублікі Беларусь з Расіяй",
     [("BY", "Рэспублікі Беларусь"), ("RU", "Расіяй")]),
    ("russian-oblast-nom", "Тульская вобласць", [("RU-TUL", "Тульская вобласць")]),
    ("russian-oblast-gent", "губернатар Тульскай вобласці", [("RU-TUL", "Тульскай вобласці")]),
    ("russian-oblast-ablt", "з Тульскай вобласцю", [("RU-TUL", "Тульскай вобласцю")]),
    ("russian-oblast-spelling", "Смаленская і Бранская вобласці",
     [("RU-SMO", "Смаленская"), ("RU-BRY", "Бранская вобласці")]),
    ("krai", "з Краснадарскім краем", [("RU-KDA", "Краснадарскім краем")]),
    ("republic", "у Рэспубліцы Татарстан", [("RU-TA", "Рэспубліцы Татарстан")]),
    ("bashkortostan", "з Башкартастанам", [("RU-BA", "Башкартастанам")]),
    ("petersburg", "у Санкт-Пецярбургу", [("RU-SPE", "Санкт-Пецярбургу")]),
    ("russia-cases", "Расія, у Расіі, з Расіяй, у Расію",
     [("RU", "Расія"), ("RU", "Расіі"), ("RU", "Расіяй"), ("RU", "Расію")]),
    ("belarus-cases", "Беларусь, Беларусі, Беларуссю",
     [("BY", "Беларусь"), ("BY", "Беларусі"), ("BY", "Беларуссю")]),
    ("six-oblasts", "Брэсцкая, Гродзенская, Віцебская вобласць",
     [("BY-VI", "Віцебская вобласць")]),
    ("oblasts-each", "Гродзенскай вобласцю і Брэсцкай вобласці",
     [("BY-HR", "Гродзенскай вобласцю"), ("BY-BR", "Брэсцкай вобласці")]),
]


ABBREVIATIONS = [
    ("rt-tatarstan", "Делегация РТ прибыла в Минск.", [("RU-TA", "РТ"), ("BY-HM", "Минск")]),
    ("rt-tuva-piece", "Власти РТ и Тывы обсудили планы.", [("RU-TY", "РТ"), ("RU-TY", "Тывы")]),
    ("rb-belarus", "Товарооборот РБ и Татарстана вырос.", [("BY", "РБ"), ("RU-TA", "Татарстана")]),
    ("rb-bashkir-piece", "Экспорт РБ в Башкирию и Уфу вырос.",
     [("RU-BA", "РБ"), ("RU-BA", "Башкирию"), ("RU-BA", "Уфу")]),
    ("rb-both-named", "Делегация Башкортостана посетила РБ, то есть Беларусь.",
     [("RU-BA", "Башкортостана"), ("BY", "РБ"), ("BY", "Беларусь")]),
    ("okrugs", "ХМАО, ЯНАО и НАО", [("RU-KHM", "ХМАО"), ("RU-YAN", "ЯНАО"), ("RU-NEN", "НАО")]),
    ("republics", "РМЭ, КБР, КЧР и РСО-Алания",
     [("RU-ME", "РМЭ"), ("RU-KB", "КБР"), ("RU-KC", "КЧР"), ("RU-SE", "РСО-Алания")]),
    ("yakutia", "в РС(Я)", [("RU-SA", "РС(Я)")]),
    ("lnr-dnr-iso-ua", "ЛНР и ДНР", [("UA-09", "ЛНР"), ("UA-14", "ДНР")]),
    ("ambiguous-rk-left-out", "Делегация РК прибыла.", []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in ABBREVIATIONS],
                         ids=[c[0] for c in ABBREVIATIONS])
def test_official_abbreviations(text: str, expected: list[tuple[str, str]]) -> None:
    assert codes(text) == expected


HYPHENATED = [
    ("en-hyphen", "Belarus-Tula trade grew.", [("BY", "Belarus"), ("RU-TUL", "Tula")]),
    ("en-en-dash", "Belarus–Lipetsk ties", [("BY", "Belarus"), ("RU-LIP", "Lipetsk")]),
    ("en-region-first", "Tula-Belarus trade", [("RU-TUL", "Tula"), ("BY", "Belarus")]),
    ("en-adjectives", "Belarusian-Russian trade", [("BY", "Belarusian"), ("RU", "Russian")]),
    ("en-capitals", "Minsk-Moscow talks", [("BY", "Minsk"), ("RU", "Moscow")]),
    ("ru-compound-region", "белорусско-тульский товарооборот",
     [("BY", "белорусско"), ("RU-TUL", "тульский")]),
    ("ru-compound-country", "российско-белорусский форум",
     [("RU", "российско"), ("BY", "белорусский")]),
    ("ru-compound-republic", "белорусско-татарстанские связи",
     [("BY", "белорусско"), ("RU-TA", "татарстанские")]),
    ("be-compound", "беларуска-расійскі гандаль", [("BY", "беларуска"), ("RU", "расійскі")]),
    ("whole-name-kept", "Khanty-Mansi and Ростове-на-Дону",
     [("RU-KHM", "Khanty-Mansi"), ("RU-ROS", "Ростове-на-Дону")]),
    ("whole-republic-kept", "Кабардино-Балкария", [("RU-KB", "Кабардино-Балкария")]),
    ("no-party-parts", "северо-западный регион", []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in HYPHENATED],
                         ids=[c[0] for c in HYPHENATED])
def test_hyphenated_pairs_name_both_parties(text: str, expected: list[tuple[str, str]]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize("text, expected", [c[1:] for c in BELARUSIAN],
                         ids=[c[0] for c in BELARUSIAN])
def test_belarusian_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert codes(text) == expected


def test_offsets_are_exact_and_shifted() -> None:
    text = "Итак: товарооборот Брянской области и Могилёвской области вырос."
    for mention in find_parties(text, offset=100):
        assert text[mention.start - 100:mention.end - 100] == mention.surface
        assert mention.sentence == -1


def test_tag_parties_sets_sentences() -> None:
    text = "Tula Oblast met Belarus. Later, Kazan joined."
    doc = Document(name="t", origin="t", content_hash="x", raw_text=text, text=text, lang="en",
                   sentences=[Sentence(index=0, start=0, end=24, text=text[:24]),
                              Sentence(index=1, start=25, end=len(text), text=text[25:])])
    found = Extraction(doc="t", lang="en")
    tag_parties(doc, found)
    assert [(m.code, m.sentence) for m in found.parties] == [
        ("RU-TUL", 0), ("BY", 0), ("RU-TA", 1)]


ISO_RU = (
    "AD AL BA BU CE CU DA IN KB KL KC KR KK KO ME MO SA SE TA TY UD ALT KAM KHA KDA KYA PER "
    "PRI STA ZAB AMU ARK AST BEL BRY CHE IRK IVA KGD KLU KEM KIR KOS KGN KRS LEN LIP MAG MOS "
    "MUR NIZ NGR NVS OMS ORE ORL PNZ PSK ROS RYA SAK SAM SAR SMO SVE TAM TOM TUL TVE TYU ULY "
    "VLA VGG VLG VOR YAR MOW SPE YEV CHU KHM NEN YAN"
).split()


def test_gazetteer_covers_every_subject() -> None:
    assert len(ISO_RU) == 83
    gaz = load_gazetteer()
    known = {e.code for entries in gaz.by_key.values() for e in entries}
    expected = {f"RU-{c}" for c in ISO_RU} | {
        "BY", "RU", "BY-BR", "BY-HO", "BY-HR", "BY-MA", "BY-MI", "BY-VI", "BY-HM"}
    assert expected <= known


def russian_rows() -> list[tuple[str, str]]:
    text = resources.files("coopwatch.data").joinpath("regions.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        fields = line.split("\t")
        if line.startswith("#") or len(fields) < 4 or fields[2] != "ru":
            continue
        if fields[1] in ("region", "republic", "capital", "alias"):
            rows.extend((fields[0], name) for name in fields[3].split("|") if not name.isupper())
    return rows


def inflect_name(name: str, case: str) -> str | None:
    words = []
    for word in name.split():
        form = inflect(word, case)
        if form is None:
            return None
        words.append(form[:1].upper() + form[1:] if word[:1].isupper() else form)
    return " ".join(words)


@pytest.mark.parametrize("case", ["gent", "datv", "ablt", "loct"])
def test_every_russian_name_in_every_case(case: str) -> None:
    failures = []
    for code, name in russian_rows():
        form = inflect_name(name, case)
        if form is None:
            continue
        found = codes(f"Сотрудничество с {form} растёт")
        if found != [(code, form)]:
            failures.append((code, name, form, found))
    assert failures == []


def test_user_file_is_read_and_checked(tmp_path) -> None:
    good = tmp_path / "regions.tsv"
    good.write_text("# a comment\nRU-TUL\tcapital\ten\tTula|Tula City\n", encoding="utf-8")
    gaz = load_gazetteer(str(good))
    assert {e.code for e in gaz.by_key["tula"]} == {"RU-TUL"}
    bad = tmp_path / "bad.tsv"
    bad.write_text("RU-TUL capital en Tula\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 1:"):
        load_gazetteer(str(bad))
