"""Events, agreements (count and date as the gold counts them) and project status cues."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from entity_docs import make_doc

from coopwatch.model import Document, Extraction
from coopwatch.pipeline.events import tag_agreements, tag_events, tag_projects

Stage = Callable[[Document, Extraction], None]


def _run(text: str, lang: str, stage: Stage, published: date | None = date(2024, 6, 20)
         ) -> Extraction:
    doc = make_doc(text, lang)
    doc.published = published
    found = Extraction(doc="t", lang=lang)  # type: ignore[arg-type]
    stage(doc, found)
    return found


@pytest.mark.parametrize(("text", "lang", "count", "when"), [
    ("At the end of the session, 7 agreements were signed.", "en", 7, "2024-06-20"),
    ("Three memorandums were signed in Grodno.", "en", 3, "2024-06-20"),
    ("A cooperation agreement was signed in 2019.", "en", 1, "2019"),
    ("По итогам встречи подписано соглашение о сотрудничестве.", "ru", 1, "2024-06-20"),
    ("В мае 2005 года было подписано соглашение о сотрудничестве.", "ru", 1, "2005-05"),
    ("Был подписан План мероприятий на 2024–2026 годы.", "ru", 1, "2024"),
    ("Подписаны пять соглашений.", "ru", 5, "2024-06-20"),
    ("Заключены важные соглашения.", "ru", None, "2024-06-20"),
    ("The sides signed a number of agreements.", "en", None, "2024-06-20"),
], ids=["en-number", "en-number-word", "en-singular-year", "ru-singular", "ru-month-year",
        "ru-plan-of-events", "ru-number-word", "ru-plural-no-number", "en-a-number-of"])
def test_agreements_signed(text: str, lang: str, count: int | None, when: str) -> None:
    agreements = _run(text, lang, tag_agreements).agreements
    assert [(a.count, a.date) for a in agreements] == [(count, when)]


@pytest.mark.parametrize(("text", "lang"), [
    ("The sides plan to sign an agreement next year.", "en"),
    ("Соглашение будет подписано осенью.", "ru"),
    ("The agreement covers trade.", "en"),
], ids=["en-planned", "ru-planned", "en-no-signing"])
def test_agreements_not_signed(text: str, lang: str) -> None:
    assert _run(text, lang, tag_agreements).agreements == []


@pytest.mark.parametrize(("text", "lang", "status"), [
    ("The plant plans to start a project to assemble buses.", "en", "proposed"),
    ("The sides discussed a project on joint production of harvesters.", "en", "under_discussion"),
    ("A plant to assemble tractors is being built in the region.", "en", "in_progress"),
    ("Over 40 units have already been shipped to the region.", "en", "delivered"),
    ("Стороны обсудили проект совместного производства комбайнов.", "ru", "under_discussion"),
    ("В регион поставлены 30 автобусов МАЗ по контракту.", "ru", "delivered"),
    ("Проект по сборке лифтов реализуется в Брянске.", "ru", "in_progress"),
    ("Предприятие планирует поставки тракторов.", "ru", "proposed"),
], ids=["en-proposed", "en-discussed", "en-in-progress", "en-delivered", "ru-discussed",
        "ru-delivered", "ru-in-progress", "ru-proposed"])
def test_project_status(text: str, lang: str, status: str) -> None:
    assert [p.status for p in _run(text, lang, tag_projects).projects] == [status]


@pytest.mark.parametrize(("text", "lang", "kind", "when"), [
    ("The governor met with the Prime Minister in Minsk on 5 June.", "en", "meeting", "2024-06-05"),
    ("Делегация прибыла с визитом 12 мая.", "ru", "visit", "2024-05-12"),
    ("В Минске открылась выставка станков.", "ru", "exhibition", None),
    ("The sixth session of the working group took place.", "en", "working_group", None),
], ids=["en-meeting-date", "ru-visit-date", "ru-exhibition", "en-working-group"])
def test_events(text: str, lang: str, kind: str, when: str | None) -> None:
    events = _run(text, lang, tag_events).events
    assert [(e.kind, e.date) for e in events] == [(kind, when)]


def test_delegation_is_a_participant() -> None:
    text = "The delegation comprises representatives of 12 Penza enterprises visiting the fair."
    events = _run(text, "en", tag_events).events
    assert "representatives of 12 Penza enterprises" in events[0].participants


@pytest.mark.parametrize(("text", "lang"), [
    ("Governor of Omsk Oblast met the Prime Minister of Belarus in Minsk.\n\n"
     "Recent news\n- Minsk library opens an exhibition of old maps\n- Hockey: Dinamo wins again\n"
     "- Weather: snow expected on Friday\n- Grodno hosts a youth forum\n", "en"),
    ("Губернатор Омской области встретился с премьер-министром Беларуси в Минске.\n\n"
     "Читайте также\n- В Минске открылась выставка старинных карт\n- Хоккей: «Динамо» снова "
     "победило\n- Синоптики обещают снег в пятницу\n- В Гродно прошел молодежный форум\n", "ru"),
], ids=["en-news-list-below", "ru-news-list-below"])
def test_headline_lists_around_the_article_give_no_events(text: str, lang: str) -> None:
    events = _run(text, lang, tag_events).events
    assert [e.kind for e in events] == ["meeting"]
