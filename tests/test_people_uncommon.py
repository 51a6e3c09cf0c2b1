"""People with a first name missing from first_names.txt count only with a role next to them."""

from __future__ import annotations

import pytest
from entity_docs import make_doc

from coopwatch.model import Extraction
from coopwatch.pipeline.entities import tag_people
from coopwatch.pipeline.translit import fold


def _people(text: str, lang: str) -> Extraction:
    doc = make_doc(text, lang)
    found = Extraction(doc="t", lang=lang)  # type: ignore[arg-type]
    tag_people(doc, found)
    return found


@pytest.mark.parametrize(("text", "lang", "surname"), [
    ("Глава Республики Адыгея Мурат Кумпилов принял делегацию из Гродно.", "ru", "Кумпилов"),
    ("Делегацию принял глава Кабардино-Балкарской Республики Казбек Коков.", "ru", "Коков"),
    ("Head of the Republic of Adygea Murat Kumpilov received a delegation from Grodno.", "en",
     "Kumpilov"),
    ("The delegation was received by Head of Kabardino-Balkaria Kazbek Kokov.", "en", "Kokov"),
], ids=["ru-head-of-republic", "ru-head-genitive-republic", "en-head-of-republic",
        "en-head-of-region"])
def test_uncommon_first_name_with_role(text: str, lang: str, surname: str) -> None:
    found = _people(text, lang)
    assert [fold(p.name.split()[-1]) for p in found.persons] == [fold(surname)]
    assert "Head" in (found.persons[0].role or "")


@pytest.mark.parametrize(("text", "lang"), [
    ("Казбек Коков прибыл в Минск в понедельник.", "ru"),
    ("Kazbek Kokov arrived in Minsk on Monday.", "en"),
    ("The Belarusian Parliament approved the plan.", "en"),
], ids=["ru-no-role", "en-no-role", "en-capitalised-pair-no-role"])
def test_uncommon_first_name_without_role(text: str, lang: str) -> None:
    assert _people(text, lang).persons == []


def test_short_form_beats_a_loose_pair() -> None:
    found = _people("Governor Vladimir Ivanov discussed this with President Putin.", "en")
    assert {fold(p.name.split()[-1]) for p in found.persons} >= {fold("Putin")}
