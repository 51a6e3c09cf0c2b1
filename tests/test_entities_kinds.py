"""Failure kinds seen on blind corpora, each with short sentences of our own in both languages:
signature dates, executive committees naming the oblast, planned stops as partners, registry
enterprises and academy branches, and sector cues (including sectors named by an enterprise)."""

from __future__ import annotations

from datetime import date

import pytest
from entity_docs import make_doc

from coopwatch.model import Extraction
from coopwatch.pipeline.dates import find_publication, signature_date
from coopwatch.pipeline.entities import tag_organizations
from coopwatch.pipeline.organizations import NOT_REPORTED_KINDS, REPORT_PARTY_BODIES
from coopwatch.pipeline.parties import find_parties, tag_parties
from coopwatch.pipeline.partners import choose_partners
from coopwatch.pipeline.sectors import tag_sectors

SIGNED = [
    ("ru-outlet-quoted",
        "Завод расширил поставки.\nПродажи выросли.\n\n«Речной вестник», 14 февраля 2025 г.",
     date(2025, 2, 14)),
    ("ru-outlet-bare",
        "Стороны обсудили поставки техники.\nГазета Заречья, 11 марта 2025", date(2025, 3, 11)),
    ("ru-city-goda",
        "Порт принял первые контейнеры.\n\nЗаречинск, 24 апреля 2025 года\n", date(2025, 4, 24)),
    ("en-city", "The plant shipped new loaders.\nMinsk, 3 March 2025", date(2025, 3, 3)),
    ("en-outlet-after-byline",
        "Trade grew again.\nBy Anna Reed\nRiver Herald, 9 June 2024", date(2024, 6, 9)),
]


FILLER = "\n".join(f"Paragraph {i} of the story goes on about plans." for i in range(30))


@pytest.mark.parametrize(("text", "expected"), [(t, d) for _, t, d in SIGNED],
                         ids=[i for i, _, _ in SIGNED])
def test_signature_line_dates_the_piece(text: str, expected: date) -> None:
    found = find_publication(FILLER + "\n" + text)
    assert (found.published, found.found_by) == (expected, "signature")
    assert signature_date(text) == expected


@pytest.mark.parametrize("text", [
    "Trade grew.\nThe forum opens on 18 March 2025 and will last three days.",
    "Поставки выросли.\nСледующая встреча пройдет 5 мая 2025 года в Минске.",
    "Line one.\nMinsk, 3 March 2025\n" + "\n".join(f"Paragraph {i} goes on." for i in range(5)),
], ids=["en-event-sentence", "ru-event-sentence", "not-among-last-lines"])
def test_no_signature_from_event_dates(text: str) -> None:
    assert signature_date(text) is None


OBLAST_BODIES = [
    ("ru-minsk-oblast-genitive",
        "Делегацию возглавил заместитель председателя Минского облисполкома.", "BY-MI"),
    ("ru-minsk-oblast-full", "Минский областной исполнительный комитет подписал план.", "BY-MI"),
    ("ru-minsk-oblast-short", "В Миноблисполкоме прошла встреча.", "BY-MI"),
    ("ru-minsk-city", "Мингорисполком подписал план с Тулой.", "BY-HM"),
    ("ru-gomel-oblast", "Председатель Гомельского облисполкома провел встречу.", "BY-HO"),
    ("en-minsk-oblast", "The Minsk Oblast Executive Committee signed a plan.", "BY-MI"),
    ("en-minsk-regional", "The Minsk Regional Executive Committee signed a plan.", "BY-MI"),
    ("en-minsk-city", "The Minsk City Executive Committee signed a plan.", "BY-HM"),
]


@pytest.mark.parametrize(("text", "code"), [(t, c) for _, t, c in OBLAST_BODIES],
                         ids=[i for i, _, _ in OBLAST_BODIES])
def test_executive_committee_names_its_unit(text: str, code: str) -> None:
    assert [m.code for m in find_parties(text) if m.code.startswith("BY-")] == [code]


def _partners(text: str, lang: str) -> list[str]:
    doc = make_doc(text, lang)
    found = Extraction(doc="t", lang=lang)  # type: ignore[arg-type]
    tag_parties(doc, found)
    choose_partners(doc, found)
    return found.partners


PLANNED = [
    ("ru-next-stop", "ru",
        "Губернатор Тульской области провел переговоры в Минске. Обсуждались поставки "
     "техники. Затем делегация отправится в Гродненскую область.", "BY-HR"),
    ("ru-next-meeting", "ru", "Тульская область и Беларусь расширяют торговлю. Стороны обсудили "
     "поставки. Следующее заседание рабочей группы пройдет в Витебской области.", "BY-VI"),
    ("en-then-travel", "en", "Tula Oblast Governor met Belarusian officials in Minsk. The sides "
     "discussed supplies of machinery. The delegation will then travel to Grodno Oblast.", "BY-HR"),
    ("en-next-meeting", "en", "Tula Oblast and Belarus are expanding trade. The sides discussed "
     "supplies. The next meeting of the working group will be held in Vitebsk Oblast.", "BY-VI"),
]


@pytest.mark.parametrize(("lang", "text", "region"), [(la, t, r) for _, la, t, r in PLANNED],
                         ids=[i for i, _, _, _ in PLANNED])
def test_planned_stop_is_a_partner(lang: str, text: str, region: str) -> None:
    assert region in _partners(text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Tula Oblast and Belarus are expanding trade. The sides discussed supplies. "
           "The governor was born in Grodno Oblast."),
    ("ru", "Тульская область и Беларусь расширяют торговлю. Стороны обсудили поставки. "
           "Губернатор родился в Гродненской области."),
], ids=["en-birthplace", "ru-birthplace"])
def test_region_named_for_another_reason_is_not_planned(lang: str, text: str) -> None:
    assert "BY-HR" not in _partners(text, lang)


def _orgs(text: str, lang: str) -> set[str]:
    found = Extraction(doc="t", lang=lang)  # type: ignore[arg-type]
    tag_organizations(make_doc(text, lang), found)
    return {o.key or o.name for o in found.organizations}


ENTERPRISES = [
    ("en-wood-concern", "en", "Bellesbumprom offered plywood to the region.", "bellesbumprom"),
    ("ru-wood-concern", "ru", "Концерн «Беллесбумпром» предложил фанеру.", "bellesbumprom"),
    ("en-pharma", "en", "Belmedpreparaty will supply antibiotics.", "belmedpreparaty"),
    ("ru-pharma", "ru", "Поставки препаратов «Белмедпрепараты» выросли.", "belmedpreparaty"),
    ("en-shoes", "en", "Belvest opened two shops in the city.", "belvest"),
    ("ru-shoes", "ru", "Обувь «Белвеста» продается в регионе.", "belvest"),
    ("en-flax", "en", "The Orsha Flax Mill found new buyers.", "orsha_flax"),
    ("ru-flax", "ru", "Оршанский льнокомбинат нашел новых покупателей.", "orsha_flax"),
    ("en-fez", "en", "Residents of the Brest Free Economic Zone met investors.", "brest_fez"),
    ("ru-fez", "ru", "Резиденты СЭЗ «Брест» встретились с инвесторами.", "brest_fez"),
    ("en-academy-branch", "en", "The Siberian Branch of the Russian Academy of Sciences joined.",
     "ru_siberian_branch_ras"),
    ("ru-academy-branch", "ru",
        "К проекту присоединилось Сибирское отделение Российской академии наук.",
     "ru_siberian_branch_ras"),
    ("ru-academy-branch-short", "ru", "Ученые Уральского отделения РАН приехали в Минск.",
     "ru_ural_branch_ras"),
]


@pytest.mark.parametrize(("lang", "text", "key"), [(la, t, k) for _, la, t, k in ENTERPRISES],
                         ids=[i for i, _, _, _ in ENTERPRISES])
def test_registry_enterprises(lang: str, text: str, key: str) -> None:
    found = _orgs(text, lang)
    assert key in found
    assert "ras" not in found  # a branch is not the whole academy


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Делегацию Минского облисполкома принял губернатор."),
    ("en", "The Gomel Oblast Executive Committee hosted the delegation."),
], ids=["ru-executive-committee", "en-executive-committee"])
def test_party_bodies_follow_the_switch(lang: str, text: str) -> None:
    found = _orgs(text, lang)
    assert bool(found) == REPORT_PARTY_BODIES
    assert ("executive_committee" in NOT_REPORTED_KINDS) != REPORT_PARTY_BODIES


def _sectors(text: str, lang: str) -> set[str]:
    doc = make_doc(text, lang)
    found = Extraction(doc="t", lang=lang)  # type: ignore[arg-type]
    tag_organizations(doc, found)
    tag_sectors(doc, found)
    return {s.sector for s in found.sectors}


SECTORS = [
    ("ru-agri-machines", "ru", "Беларусь поставляет в регион сельхозмашины.",
        "agricultural_machinery", True),
    ("en-agri-machines", "en", "The region buys Belarusian agricultural machines.",
        "agricultural_machinery",
     True),
    ("ru-it-hyphen", "ru", "Обсуждались разработки белорусских IT-компаний.",
        "it_microelectronics", True),
    ("en-it-hyphen", "en", "They discussed projects of IT-companies.", "it_microelectronics", True),
    ("ru-mining-machines", "ru", "Регион закупит карьерную технику.", "machine_building", True),
    ("en-mining-machines", "en", "The region will buy mining equipment.", "machine_building", True),
    ("ru-flax-mill", "ru", "Льнокомбинат отгрузил ткани.", "light_industry", True),
    ("en-carpets", "en", "The city buys carpets and linen.", "light_industry", True),
    ("ru-twin-towns-twice", "ru", "Города стали побратимами. Побратимские связи крепнут.",
     "culture_humanitarian", True),
    ("ru-twin-towns-once", "ru", "Каждый район имеет побратимские связи.", "culture_humanitarian",
     False),
    ("en-twin-towns-twice", "en", "The towns became twin cities. Twinning links grow.",
     "culture_humanitarian", True),
    ("en-twin-towns-once", "en", "Every district has twin cities.", "culture_humanitarian", False),
    ("ru-components-once", "ru", "Область увеличит поставки авиационных комплектующих.",
        "machine_building",
     False),
    ("en-tyres-once", "en", "We sell meat and tyres, and buy grain.", "automotive_vehicles", False),
    ("ru-tyres-once", "ru", "Мы продаем мясо и шины.", "automotive_vehicles", False),
    ("en-enterprise-sector", "en", "Grodno Azot increased its shipments.",
        "chemicals_fertilizers", True),
    ("ru-enterprise-sector", "ru", "Гродно Азот увеличил отгрузки.", "chemicals_fertilizers", True),
    ("en-pharma-enterprise", "en", "Belmedpreparaty signed a contract.", "healthcare_pharma", True),
]


@pytest.mark.parametrize(("lang", "text", "sector", "present"),
                         [(la, t, s, p) for _, la, t, s, p in SECTORS],
                             ids=[i for i, *_ in SECTORS])
def test_sector_kinds(lang: str, text: str, sector: str, present: bool) -> None:
    assert (sector in _sectors(text, lang)) == present
