"""General rules added for unseen articles: shared oblast nouns, borders, page dates, headline
lists, weak and cost cues for sectors, Russian organization names, regional ministries,
instrumental surnames and lower-case roles. Sentences are our own, in both languages."""

from __future__ import annotations

from datetime import date

import pytest
from entity_docs import make_doc

from coopwatch.model import Extraction
from coopwatch.pipeline.boilerplate import strip_boilerplate
from coopwatch.pipeline.dates import find_publication
from coopwatch.pipeline.entities import tag_organizations, tag_people
from coopwatch.pipeline.orgnames import nominative_name, nominative_quoted
from coopwatch.pipeline.parties import tag_parties
from coopwatch.pipeline.partners import choose_partners
from coopwatch.pipeline.sectors import tag_sectors


def _found(text: str, lang: str) -> tuple[Extraction, object]:
    doc = make_doc(text, lang)
    found = Extraction(doc="t", lang=lang)  # type: ignore[arg-type]
    tag_parties(doc, found)
    return found, doc


def _partners(text: str, lang: str) -> list[str]:
    found, doc = _found(text, lang)
    choose_partners(doc, found)  # type: ignore[arg-type]
    return found.partners


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Минская и Смоленская области подписали план сотрудничества на три года.", "ru",
     ["BY-MI", "RU-SMO"]),
    ("Делегации Брестской и Гомельской областей провели переговоры в Туле.", "ru",
     ["BY-BR", "BY-HO", "RU-TUL"]),
    ("The Minsk and Moscow oblasts signed a cooperation programme for 2026.", "en",
     ["BY-MI", "RU-MOS"]),
    ("Trade between the Grodno and Kaluga regions rose by a tenth.", "en", ["BY-HR", "RU-KLU"]),
    ("Мінская і Смаленская вобласці падпісалі план супрацоўніцтва.", "be", ["BY-MI", "RU-SMO"]),
], ids=["ru-shared-plural-nominative", "ru-shared-plural-genitive", "en-shared-oblasts",
        "en-shared-regions", "be-shared-plural"])
def test_coordinated_names_share_the_oblast_noun(text: str, lang: str,
                                                  expected: list[str]) -> None:
    assert _partners(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Pskov Oblast signed a trade roadmap with Belarus. The region borders Vitebsk Oblast "
     "and Latvia.", "en", ["RU-PSK"]),
    ("Псковская область подписала с Беларусью дорожную карту. Регион граничит с Витебской "
     "областью.", "ru", ["RU-PSK"]),
], ids=["en-borders", "ru-granichit"])
def test_a_border_is_not_a_partnership(text: str, lang: str, expected: list[str]) -> None:
    assert _partners(text, lang) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Thursday, 12 June 2025\nOmsk and Belarus agree on tractors\nThe sides signed a plan.",
     date(2025, 6, 12)),
    ("Вторник, 3 марта 2026 г.\nОмск и Беларусь\nСтороны подписали план по тракторам.",
     date(2026, 3, 3)),
    ("Вести региона | 21.10.2025\nОмск и Беларусь\nСтороны подписали план по тракторам.",
     date(2025, 10, 21)),
    ("Regional Daily | 04.02.2024 | Economy\nTula and Brest\nThe sides signed a plan.",
     date(2024, 2, 4)),
    ("Home | Rates | 01.02.2024 | 02.02.2024\nTula and Brest\nThe sides signed a plan.", None),
], ids=["en-banner-only", "ru-banner-only", "ru-pipe-header", "en-pipe-header",
        "two-dates-in-a-pipe-line-is-a-table"])
def test_banner_and_pipe_header_dates(text: str, expected: date | None) -> None:
    assert find_publication(text, strip_boilerplate(text)).published == expected


def _sectors(text: str, lang: str) -> set[str]:
    found, doc = _found(text, lang)
    tag_sectors(doc, found)  # type: ignore[arg-type]
    return {s.sector for s in found.sectors}


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Omsk and Belarus will build a dairy complex.\n- SportCity marathon moves to May\n"
     "- WeatherRain expected over the weekend", "en", {"agriculture_food"}),
    ("Омск и Беларусь построят молочный комплекс.\nВ Омске открылся новый театр\n"
     "Синоптики обещают снег на выходных", "ru", {"agriculture_food"}),
    ("09:15 Marathon held in Vitebsk\n10:40 Rain expected on Sunday\nTula and Belarus\n"
     "The sides will build a dairy farm.", "en", {"agriculture_food"}),
    ("Tula buys Belarusian tractors. Logistics costs have grown this year.", "en",
     {"agricultural_machinery"}),
    ("Тула закупает белорусские тракторы. Стоимость логистики выросла.", "ru",
     {"agricultural_machinery"}),
    ("Tula buys tractors despite logistics bottlenecks.", "en", {"agricultural_machinery"}),
    ("Тула закупает тракторы, несмотря на перебои с логистикой.", "ru",
     {"agricultural_machinery"}),
    ("The plant ships tractors and spare components.", "en", {"agricultural_machinery"}),
    ("Components for the buses come from Minsk. Tula also orders components for lifts.", "en",
     {"public_transport", "machine_building"}),
    ("Завод посетили фермеры из Брестской области и обсудили тракторы.", "ru",
     {"agricultural_machinery"}),
    ("Стороны обсудили самолетостроение и вертолётостроение.", "ru", {"uav_aviation"}),
    ("Делегация посетила авиастроительный завод в Казани.", "ru", {"uav_aviation"}),
    ("Back in 2004 the regions signed an agreement on trade, economic and cultural "
     "cooperation. In 2025 Tula bought tractors.", "en", {"agricultural_machinery"}),
    ("Today the regions signed an agreement on trade and cultural cooperation. Tula buys "
     "tractors.", "en", {"agricultural_machinery", "culture_humanitarian"}),
    ("Ещё в 2001 году подписано соглашение о научно-техническом и культурном сотрудничестве. "
     "В 2025 году Тула закупила тракторы.", "ru", {"agricultural_machinery"}),
], ids=["en-headline-list-at-end", "ru-headline-list-at-end", "en-timed-list-at-top",
        "en-logistics-cost",
        "ru-logistics-cost", "en-logistics-problem", "ru-logistics-problem",
        "en-components-once-is-weak", "en-components-twice",
        "ru-farmers-once-is-weak", "ru-aircraft-building", "ru-aircraft-plant",
        "en-old-treaty-title", "en-new-treaty-counts", "ru-old-treaty-title"])
def test_sector_precision_rules(text: str, lang: str, expected: set[str]) -> None:
    assert _sectors(text, lang) == expected


def _orgs(text: str, lang: str) -> list[str]:
    found, doc = _found(text, lang)
    tag_organizations(doc, found)  # type: ignore[arg-type]
    return [o.name for o in found.organizations]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Contracts were signed with the Kursk Instrument Plant (KPZ) and local firms.", "en",
     ["KPZ"]),
    ("Договор подписан с Курским приборостроительным заводом (КПЗ).", "ru", ["КПЗ"]),
    ("The Penza Innovation Centre (ITC) hosted the forum.", "en", ["Penza Innovation Centre"]),
    ("Поставки «Текстильмаша» выросли вдвое.", "ru", ["Текстильмаш"]),
    ("The talks involved Belarusian Railway and Russian Railways.", "en",
     ["Belarusian Railway", "Russian Railways"]),
    ("Сырье поставляет Михайловский ГОК.", "ru", ["Mikhailovsky GOK"]),
    ("В переговорах участвовало Министерство промышленности и торговли Татарстана.", "ru",
     ["Ministry of Industry and Trade of Tatarstan"]),
    ("Tatarstan's Ministry of Industry and Trade hosted the Belarusian delegation.", "en",
     ["Ministry of Industry and Trade of Tatarstan"]),
    ("Tatarstan Minister of Industry and Trade Albert Karimov met the guests.", "en", []),
    ("Министр промышленности и торговли Омской области встретил гостей.", "ru", []),
    ("Министр промышленности Беларуси прибыл в Омск.", "ru", ["Ministry of Industry of Belarus"]),
    ("Посольство Беларуси в России организовало встречу.", "ru", ["Embassy of Belarus in Russia"]),
    ("Его встретил руководитель отделения посольства Беларуси в Казани.", "ru", []),
    ("Главная / Новости / Экономика / Омский завод «Полет»\nТрактора едут в Омск.", "ru", []),
], ids=["en-abbreviation-in-brackets", "ru-abbreviation-in-brackets",
        "en-brackets-not-its-abbreviation", "ru-quoted-genitive",
        "en-railways", "ru-gok", "ru-regional-ministry-named", "en-regional-ministry-named",
        "en-regional-minister-not-national", "ru-regional-minister-not-national",
        "ru-national-minister", "ru-embassy", "ru-embassy-branch-is-not", "ru-menu-line"])
def test_organization_names(text: str, lang: str, expected: list[str]) -> None:
    assert _orgs(text, lang) == expected


@pytest.mark.parametrize(("phrase", "expected"), [
    ("Новосибирском авиационном заводе", "Новосибирский авиационный завод"),
    ("Уральского оптико-механического завода имени Яламова", "Уральский оптико-механический завод"),
    ("Белорусской калийной компанией", "Белорусская калийная компания"),
    ("Министерстве промышленности и торговли", "Министерство промышленности и торговли"),
], ids=["prepositional", "genitive-named-after", "instrumental-feminine", "keeps-dependents"])
def test_russian_organization_names_in_nominative(phrase: str, expected: str) -> None:
    heads = frozenset({"завод", "компания", "министерство"})
    assert nominative_name(phrase, heads) == expected


@pytest.mark.parametrize(("word", "expected"), [
    ("Текстильмаша", "Текстильмаш"), ("Гомельлифтом", "Гомельлифт"), ("Белшина", "Белшина"),
    ("Алабуга", "Алабуга"),
], ids=["genitive", "instrumental", "feminine-nominative-kept", "place-kept"])
def test_quoted_names_back_to_nominative(word: str, expected: str) -> None:
    assert nominative_quoted(word) == expected


@pytest.mark.parametrize(("text", "lang", "name", "role_word"), [
    ("Делегация встретилась с губернатором Калужской области Владиславом Шапшой.", "ru",
     "Vladislav Shapsha", "Governor"),
    ("Делегацию встретил губернатор Орловской области Андрей Клычков.", "ru",
     "Andrei Klychkov", "Governor"),
    ("MTZ director general Vitaly Vovk showed the new tractors.", "en", "Vitaly Vovk",
     "director"),
    ("Grodno Azot general director Igor Lyashenko met the guests.", "en", "Igor Lyashenko",
     "director"),
    ("Генеральный директор МТЗ Виталий Вовк показал новые тракторы.", "ru", "Vitaly Vovk",
     "Director"),
], ids=["ru-instrumental-feminine-declension", "ru-nominative-unchanged",
        "en-lowercase-director-general", "en-lowercase-general-director",
        "ru-general-director"])
def test_people_names_and_roles(text: str, lang: str, name: str, role_word: str) -> None:
    found, doc = _found(text, lang)
    tag_people(doc, found)  # type: ignore[arg-type]
    people = {p.name: p.role or "" for p in found.persons}
    assert name in people and role_word in people[name]
