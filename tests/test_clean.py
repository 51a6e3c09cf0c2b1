"""Cleaning one document: clutter lines, language, publication date and dateline, sentences."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from coopwatch.ingest import read_inputs
from coopwatch.model import RawDocument
from coopwatch.pipeline.boilerplate import clean_line
from coopwatch.pipeline.clean import clean_document
from coopwatch.pipeline.dates import find_publication
from coopwatch.pipeline.lang import detect_language

SHARED = Path(__file__).resolve().parents[2] / "shared"  # beside the checkout, as CI has it
SEEDS = SHARED / "seeds"
DEV_GOLD = SHARED / "corpus" / "dev" / "gold.jsonl"

CLUTTER = {
    "menu-en": "All news",
    "menu-bodies": "Government Bodies",
    "feed-header": "Recent news from Belarus",
    "subscribe": "Subscribe to us",
    "banner-en": "Flag Tuesday, 14 March 2023",
    "weather": "Gomel Partly cloudy +18°C",
    "stamp-en": "14 March 2023, 09:05",
    "posted": "Posted: 14.03.2023 09:05:00",
    "icon-date": "icon 14/03/2023",
    "icon-time": "icon 09:05",
    "counter": "• 12",
    "rate": "3.21 BYN",
    "menu-ru": "Все новости",
    "read-in": "Читать на белорусском",
    "read-us": "Читайте нас",
    "banner-ru": "Вторник, 14 марта 2023 09:05",
    "photo-ru": "Фото: пресс-служба облисполкома",
    "photo-en": "Photo: the regional government",
    "copyright": "© Правительство области",
    "skip-link": "Перейти к основному контенту",
    "site-caps": "ГАЗЕТА НАШЕГО ОБЛАСТНОГО ЦЕНТРА",
    "back": "Back to the list",
    "published-us": "Published: June 1, 2023 10:15 a.m.",
    "time-first-ru": "10:15, 22 августа 2025",
    "iso-tz": "2023-06-01T19:10:00+03:00",
    "opublikovano": "Опубликовано: 22.08.2025 10:15",
    "breadcrumbs-ru": "Главная / Новости / Промышленность",
    "breadcrumbs-angle": "Главная › Экономика › Регионы",
    "menu-bar-en": "Home | News | Business | Regions",
    "section-en": "Economics",
}
BODY = {
    "sentence-en": "All news outlets reported that trade grew by 7% in 2022.",
    "headline-en": "Belarus and Omsk Oblast plan to double trade",
    "dateline-en": "MINSK, 14 March (BelTA) – Belarus and Omsk Oblast signed a roadmap.",
    "sentence-ru": "Все новости о сотрудничестве публикуются на сайте облисполкома.",
    "headline-ru": "Губернатор Омской области посетил Минский тракторный завод",
    "photo-word-ru": "На фото видно, как белорусские тракторы работают на полях области.",
    "temperature": "Завод выпускает технику, работающую при температуре до -40°C и ниже.",
    "quote-ru": "«Мы подписали соглашение», – отметил губернатор.",
    "year-line": "In 2023 exports reached $120 million.",
    "president": "President Lukashenko met the governor.",
    "table-row": "Экспорт | 251,0 | 286,4 | 114,1",
    "slash-headline": "Belarus / Russia: trade grows",
}


@pytest.mark.parametrize("line", CLUTTER.values(), ids=CLUTTER.keys())
def test_clutter_line_is_removed(line: str) -> None:
    assert clean_line(line) is None


@pytest.mark.parametrize("line", BODY.values(), ids=BODY.keys())
def test_body_line_is_kept(line: str) -> None:
    assert clean_line(line) == line


def test_prefixes_are_cut_one_after_another() -> None:
    line = (
        " date 2024-03-14 example.by https://cdn.example.by/a.webp 480w, "
        "https://cdn.example.by/b.webp 768w"
    )
    assert clean_line(line + " Trade grew.") == "Trade grew."
    assert clean_line(line) is None


def test_markdown_heading_mark_and_invisible_characters_are_cut() -> None:
    assert clean_line("## Omsk and Minsk agree") == "Omsk and Minsk agree"
    assert clean_line("Товаро\u00adоборот вырос.\u200b") == "Товарооборот вырос."


def test_scrape_marker_prefix_is_cut_and_rest_kept() -> None:
    assert clean_line(" date 2024-03-14 Губернатор встретился с послом.") == (
        "Губернатор встретился с послом."
    )


DATES = {
    "banner-and-stamp": (
        "Flag Friday, 6 October 2023\nAll news\n14 March 2023, 09:05\n\nOmsk trade\n\n"
        "MINSK, 14 March (BelTA) – Trade grew.", date(2023, 3, 14), "page", "MINSK"),
    "dateline-year-from-banner": (
        "Flag Friday, 6 October 2023\nOmsk trade\nVITEBSK, 2 June (BelTA) – Trade grew.",
        date(2023, 6, 2), "dateline", "VITEBSK"),
    "banner-after-new-year": (
        "Flag Monday, 8 January 2024\nOmsk trade\nMINSK, 28 December (BelTA) – Trade grew.",
        date(2023, 12, 28), "dateline", "MINSK"),
    "posted": ("Posted: 14.03.2023 09:05:00\n\nOmsk trade\n\nTrade grew.",
               date(2023, 3, 14), "page", None),
    "icon": ("Омская торговля\nicon 29/09/2025\nicon 22:10\nТоварооборот вырос.",
             date(2025, 9, 29), "page", None),
    "ru-words": ("Омская торговля\n\n22 августа 2025\n\nТоварооборот вырос.",
                 date(2025, 8, 22), "page", None),
    "be-words": ("Гандаль з Омскам\n22 жніўня 2025\nТавараабарот вырас.",
                 date(2025, 8, 22), "page", None),
    "ru-numeric": ("Омская торговля\n22.08.2025 10:15\nТоварооборот вырос.",
                   date(2025, 8, 22), "page", None),
    "ru-dateline": ("14 марта, Минск /Корр. БЕЛТА/. Товарооборот за январь—февраль 2024 года "
                    "вырос.", date(2024, 3, 14), "dateline", "Минск"),
    "lead-running-year": ("Trade talks\nThe governor met the president on 5 November. "
                          "In January-August 2024 trade grew by 37%.",
                          date(2024, 11, 5), "text", None),
    "lead-finished-year": ("Trade talks\nApril 3, OurWire. Trade rose by 40 percent in 2022.",
                           date(2023, 4, 3), "dateline", None),
    "lead-weekday-check": ("В среду, 7 августа, губернатор встретился с министром. "
                           "Связи налажены с 1997 года.", None, None, None),
    "no-year-anywhere": ("The governor met the president on 25 March. Trade grew.",
                         None, None, None),
    "range-is-not-a-date": ("Visit to Tula, October 17-20, 2022\nThe delegation came.",
                            None, None, None),
    "percent-is-not-a-year": ("Trade grew by 35% and we were glad.", None, None, None),
    "rate-table-is-a-banner": (" date 2025-02-01 3.44 RUB\nTalks\nThe president spoke on "
                               "3 February about trade.", date(2025, 2, 3), "text", None),
    "published-us": ("Omsk trade\nPublished: June 1, 2023 10:15 a.m.\nTrade grew.",
                     date(2023, 6, 1), "page", None),
    "time-first-ru": ("Омская торговля\n10:15, 22 августа 2025\nТоварооборот вырос.",
                      date(2025, 8, 22), "page", None),
    "iso-tz": ("Omsk trade\n2023-06-01T19:10:00+03:00\nTrade grew.", date(2023, 6, 1),
               "page", None),
    "ru-caps-dateline": ("МИНСК, 11 августа. /ТАСС/. Товарооборот в первом полугодии 2025 года "
                         "вырос.", date(2025, 8, 11), "dateline", "МИНСК"),
    "dateline-after-marker": (" date 2025-09-30 30 сентября, Минск /Корр. БЕЛТА/. Рост.",
                              date(2025, 9, 30), "marker", "Минск"),
    "plan-year-is-not-current": ("The governor met the president on 4 May. They will double "
                                 "trade by 2030. Trade grew by 7% in 2021.",
                                 date(2022, 5, 4), "text", None),
    "past-event-month-year": ("Президент прибыл в область 4 июня. Первая встреча была в "
                              "сентябре 2020 года в Минске.", None, None, None),
    "marker": (" date 2024-03-14 Губернатор встретился с послом.", date(2024, 3, 14),
               "marker", None),
}


@pytest.mark.parametrize(("text", "published", "found_by", "place"), DATES.values(),
                         ids=DATES.keys())
def test_publication_date_and_place(
    text: str, published: date | None, found_by: str | None, place: str | None
) -> None:
    found = find_publication(text)
    assert (found.published, found.found_by, found.place) == (published, found_by, place)


LANGS = {
    "en": ("Belarus and Omsk Oblast agreed to raise trade to a billion dollars.", "en"),
    "ru": ("Беларусь и Омская область договорились нарастить товарооборот.", "ru"),
    "be": ("Беларусь і Омская вобласць дамовіліся павялічыць тавараабарот.", "be"),
    "ru-with-latin-names": ("Компании МТЗ и BelAZ поставили технику в Омскую область.", "ru"),
    "en-with-cyrillic-quote": ("The slogan «Вместе» was on every banner at the Omsk fair.", "en"),
}


@pytest.mark.parametrize(("text", "lang"), LANGS.values(), ids=LANGS.keys())
def test_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def _raw(text: str, **meta: object) -> RawDocument:
    return RawDocument(origin="t.txt", name="t.txt", text=text, content_hash="x", **meta)  # type: ignore[arg-type]


def test_clean_document_offsets_title_and_metadata_date() -> None:
    text = (
        "Government Bodies\nFlag Friday, 6 October 2023\nAll news\n14 March 2023, 09:05\n\n"
        "Belarus and Omsk Oblast plan to double trade\n\n"
        "MINSK, 14 March (BelTA) – Trade with St. Petersburg grew. Mr. Ivanov agreed.\n"
        "Subscribe to us\n"
    )
    doc = clean_document(_raw(text))
    assert doc.text.startswith("Belarus and Omsk Oblast plan to double trade\n")
    assert doc.title == "Belarus and Omsk Oblast plan to double trade"
    assert (doc.published, doc.dateline_place, doc.lang) == (date(2023, 3, 14), "MINSK", "en")
    assert doc.raw_text == text and "Subscribe" not in doc.text
    assert [s.text for s in doc.sentences][1:] == [
        "MINSK, 14 March (BelTA) – Trade with St. Petersburg grew.", "Mr. Ivanov agreed."
    ]
    assert all(s.text == doc.text[s.start : s.end] for s in doc.sentences)
    dated = clean_document(_raw(text, published=date(2023, 3, 15)))
    assert (dated.published, dated.published_from) == (date(2023, 3, 15), "metadata")


def test_copyright_years_in_clutter_do_not_date_the_article() -> None:
    text = "Omsk trade\nThe governor met the president on 4 May. Trade grew.\n© 2010-2025 Our Site"
    assert clean_document(_raw(text)).published is None


def test_hard_wrapped_russian_keeps_sentences_whole() -> None:
    text = "Экономика области\nхарактеризуется открытостью. Основной рынок –\nэто Россия."
    doc = clean_document(_raw(text))
    assert [s.text for s in doc.sentences] == [
        "Экономика области\nхарактеризуется открытостью.", "Основной рынок –\nэто Россия."
    ]


@pytest.mark.skipif(not SEEDS.exists() or not DEV_GOLD.exists(), reason="no shared seeds")
def test_seeds_get_the_right_language() -> None:
    gold = {json.loads(line)["doc"]: json.loads(line) for line in DEV_GOLD.open()}
    docs = [clean_document(raw) for raw in read_inputs([str(SEEDS)])]  # type: ignore[arg-type]
    assert len(docs) == 5
    assert {d.name: d.lang for d in docs} == {d.name: gold[d.name]["lang"] for d in docs}


@pytest.mark.skipif(not DEV_GOLD.exists(), reason="no shared dev corpus")
def test_dev_corpus_language_and_date_floors() -> None:
    """Floors measured on the shared dev corpus: never lower them silently."""
    gold = {json.loads(line)["doc"]: json.loads(line) for line in DEV_GOLD.open()}
    right: dict[str, list[int]] = {}
    for raw in read_inputs([str(DEV_GOLD.parent)]):
        assert isinstance(raw, RawDocument), raw
        doc, want = clean_document(raw), gold[raw.name]
        got = doc.published.isoformat() if doc.published else None
        counts = right.setdefault(want["lang"], [0, 0, 0])
        counts[0] += doc.lang == want["lang"]
        counts[1] += got == want["published"]
        counts[2] += 1
    for lang, (lang_ok, date_ok, total) in right.items():
        assert lang_ok == total, lang
        assert date_ok / total >= 0.95, (lang, date_ok, total)
