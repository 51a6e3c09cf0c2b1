"""Near-duplicates: one story syndicated by several outlets, differently wrapped, is one story;
two different stories about the same region are not. Texts written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from coopwatch import dedup
from coopwatch.store import Store, open_store
from tests.conftest import build_document

STORY_EN = [
    "Belarus and Kaluga Oblast intend to double their trade within three years, the regional "
    "governor said after talks with the Belarusian prime minister in Minsk on Tuesday.",
    "In the first nine months of the year the turnover grew by 18% to $412 million, with "
    "tractors, dairy products and elevators leading Belarusian supplies to the region.",
    "The sides discussed a joint plant to assemble municipal vehicles near Obninsk, where the "
    "first batch of thirty road sweepers is expected to leave the line next spring.",
    "Kaluga companies showed interest in Belarusian optics and machine tools, while the region "
    "offered its pharmaceutical cluster as a partner for joint research.",
    "A business forum of the two regions will take place in Kaluga in October, and a roadmap "
    "of cooperation for the next two years is to be signed there.",
]
STORY_RU = [
    "Беларусь и Калужская область намерены удвоить товарооборот в течение трех лет, заявил "
    "губернатор региона после переговоров с белорусским премьер-министром в Минске во вторник.",
    "За девять месяцев года товарооборот вырос на 18% и достиг $412 млн, основу белорусских "
    "поставок составили тракторы, молочная продукция и лифты.",
    "Стороны обсудили создание совместного предприятия по сборке коммунальной техники под "
    "Обнинском, первая партия из тридцати подметальных машин сойдет с конвейера весной.",
    "Калужские компании проявили интерес к белорусской оптике и станкам, а регион предложил "
    "свой фармацевтический кластер для совместных исследований.",
    "Деловой форум двух регионов пройдет в Калуге в октябре, там же подпишут дорожную карту "
    "сотрудничества на ближайшие два года.",
]
OTHER_STORY_EN = [
    "Kaluga Oblast and Belarus opened a trade house in Minsk on Friday to help regional "
    "producers of furniture and building materials find buyers in the republic.",
    "According to the regional economy ministry, exports from Kaluga to Belarus fell by 6% in "
    "the first half of the year to $96 million, mostly because of lower car parts deliveries.",
    "The trade house will also host a permanent exhibition of Kaluga food producers and a "
    "consulting office for Belarusian investors interested in the Lyudinovo industrial park.",
    "Officials expect the new venue to bring at least fifteen export contracts by the end of "
    "next year, including supplies of cement and timber houses.",
]

OTHER_STORY_RU = [
    "В Минске в пятницу открылся торговый дом Калужской области, который поможет местным "
    "производителям мебели и стройматериалов найти покупателей в республике.",
    "По данным регионального министерства экономики, экспорт из Калуги в Беларусь за первое "
    "полугодие снизился на 6% и составил $96 млн, в основном из-за автокомпонентов.",
    "В торговом доме разместится постоянная выставка калужских производителей продуктов и "
    "консультационный центр для белорусских инвесторов индустриального парка «Людиново».",
    "Власти ожидают, что к концу следующего года площадка принесет не менее пятнадцати "
    "экспортных контрактов, включая поставки цемента и деревянных домов.",
]


def wrapped(paragraphs: list[str], title: str, header: str = "", footer: str = "",
            drop: int | None = None, add: str | None = None, width: int = 0) -> str:
    """A copy of a story as another outlet might publish it."""
    kept = [p for i, p in enumerate(paragraphs) if i != drop] + ([add] if add else [])
    if width:
        kept = [_rewrap(p, width) for p in kept]
    return "\n\n".join(x for x in (header, title, *kept, footer) if x)


def _rewrap(paragraph: str, width: int) -> str:
    words, lines, line = paragraph.split(), [], ""
    for word in words:
        if len(line) + len(word) > width:
            lines.append(line)
            line = ""
        line = f"{line} {word}".strip()
    return "\n".join([*lines, line])


EN_ORIGINAL = wrapped(STORY_EN, "Belarus, Kaluga Oblast aim to double trade")
RU_ORIGINAL = wrapped(STORY_RU, "Беларусь и Калужская область удвоят товарооборот")

COPIES = [
    pytest.param("en", wrapped(STORY_EN, "Kaluga and Minsk plan to double trade",
                               header="Home | News | Economy", footer="© Regional Daily 2024"),
                 id="en-other-headline-and-boilerplate"),
    pytest.param("en", wrapped(STORY_EN, "Belarus, Kaluga Oblast aim to double trade", width=60),
                 id="en-line-breaks"),
    pytest.param("en", wrapped(STORY_EN, "Trade to double", drop=3), id="en-paragraph-dropped"),
    pytest.param("en", wrapped(STORY_EN, "Trade to double", add="Photo: press service of the "
                               "governor. Read also: new bus routes open in the region."),
                 id="en-paragraph-added"),
    pytest.param("ru", wrapped(STORY_RU, "Калуга и Минск удвоят торговлю",
                               header="Главная / Новости / Экономика",
                               footer="Подписывайтесь на наш канал"), id="ru-other-wrapping"),
    pytest.param("ru", wrapped(STORY_RU, "Беларусь и Калуга", drop=1, width=70),
                 id="ru-paragraph-dropped-rewrapped"),
]


def add(store: Store, text: str, name: str, lang: str = "en") -> tuple[str, int]:
    outcome = store.add_document(build_document(text, name, lang), None)
    return outcome.status, outcome.story_id


@pytest.mark.parametrize(("lang", "copy"), COPIES)
def test_a_differently_wrapped_copy_joins_the_existing_story(
    store: Store, lang: str, copy: str
) -> None:
    original = EN_ORIGINAL if lang == "en" else RU_ORIGINAL
    _, story = add(store, original, "original.txt", lang)
    status, copy_story = add(store, copy, "copy.txt", lang)
    assert (status, copy_story) == ("near_duplicate", story)
    assert store.connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 2


@pytest.mark.parametrize(("first", "second", "lang"), [
    pytest.param(EN_ORIGINAL, wrapped(OTHER_STORY_EN, "Kaluga opens a trade house in Minsk"),
                 "en", id="en-same-region-other-event"),
    pytest.param(RU_ORIGINAL, wrapped(OTHER_STORY_RU, "Калуга открыла торговый дом в Минске"),
                 "ru", id="ru-same-region-other-event"),
    pytest.param(EN_ORIGINAL, RU_ORIGINAL, "ru", id="same-story-other-language"),
])
def test_different_stories_are_not_merged(
    store: Store, first: str, second: str, lang: str
) -> None:
    _, story = add(store, first, "first.txt")
    status, other = add(store, second, "second.txt", lang)
    assert status == "added" and other != story


def test_similarity_scores_separate_copies_from_other_stories() -> None:
    original = dedup.signature(EN_ORIGINAL)
    copy = dedup.signature(wrapped(STORY_EN, "Trade to double", drop=3, header="Menu"))
    other = dedup.signature(wrapped(OTHER_STORY_EN, "Kaluga opens a trade house"))
    assert original is not None and copy is not None and other is not None
    assert original.jaccard(copy) > 0.6
    assert original.jaccard(other) < 0.2


def test_short_texts_are_never_matched() -> None:
    assert dedup.signature("Trade grew by 5% in 2023.") is None


def test_signatures_persist_and_the_index_is_rebuilt_on_open(db_path: Path) -> None:
    with open_store(db_path) as first:
        _, story = add(first, EN_ORIGINAL, "original.txt")
    with open_store(db_path) as reopened:
        assert add(reopened, wrapped(STORY_EN, "Copy", drop=0), "copy.txt") == (
            "near_duplicate", story)


def test_documents_added_by_another_connection_are_seen(db_path: Path) -> None:
    with open_store(db_path) as reader, open_store(db_path) as writer:
        add(reader, wrapped(OTHER_STORY_EN, "Other"), "other.txt")  # builds the index early
        _, story = add(writer, EN_ORIGINAL, "original.txt")
        assert add(reader, wrapped(STORY_EN, "Copy", drop=4), "copy.txt") == (
            "near_duplicate", story)


def test_facts_of_a_story_are_counted_once(
    store: Store, make_document: Callable[..., object]
) -> None:
    from coopwatch.model import Evidence, Extraction, TradeAtom

    def extraction() -> Extraction:
        atom = TradeAtom(flow="turnover", reporter="BY", partner="RU-KLU",
                         period="2024-01..2024-09", measure="value", value=4.12e8, currency="USD",
                         evidence=Evidence(sentence=1, start=0, end=10))
        return Extraction(doc="x", lang="en", trade=[atom])

    store.add_document(build_document(EN_ORIGINAL, "a.txt"), extraction())
    store.add_document(build_document(wrapped(STORY_EN, "Copy", drop=2), "b.txt"), extraction())
    db = store.connection
    assert db.execute("SELECT COUNT(*) FROM facts WHERE kind = 'trade'").fetchone()[0] == 2
    rows = db.execute("SELECT documents FROM story_facts WHERE kind = 'trade'").fetchall()
    assert [r[0] for r in rows] == [2]
