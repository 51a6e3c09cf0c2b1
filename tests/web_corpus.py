"""A small knowledge base for the web, API and CLI tests: our own short articles with
hand-made facts, stored through `Store.add_document` (independent of the extractors)."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from coopwatch.model import (
    AgreementMention,
    Document,
    EventMention,
    Evidence,
    Extraction,
    OrganizationMention,
    PartyMention,
    PersonMention,
    ProjectMention,
    SectorMention,
    Sentence,
    Target,
    TradeAtom,
)
from coopwatch.store import open_store

XSS_TITLE = '<script>window.__xss = "title"</script> Lipetsk <b>news</b>'
XSS_SENTENCE = (
    "Trade with Lipetsk Oblast reached $500 million in 2023 <img src=x "
    'onerror="window.__xss=1"><script>window.__xss=2</script>.'
)


class Article:
    """A document built from sentences, with helpers to point evidence at phrases."""

    def __init__(
        self, name: str, lang: str, published: str, source: str, title: str, sentences: list[str]
    ) -> None:
        text, spans, offset = "", [], 0
        for i, sentence in enumerate(sentences):
            spans.append(Sentence(index=i, start=offset, end=offset + len(sentence), text=sentence))
            text += sentence + " "
            offset += len(sentence) + 1
        self.doc = Document(
            name=name,
            origin=f"test/{name}",
            title=title,
            source=source,
            lang=lang,  # type: ignore[arg-type]
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
            raw_text=text,
            text=text,
            published=date.fromisoformat(published),
            sentences=spans,
        )
        self.found = Extraction(doc=name, lang=lang, published=self.doc.published)  # type: ignore[arg-type]

    def ev(self, index: int, phrase: str) -> Evidence:
        """Evidence for `phrase` inside sentence `index`."""
        sentence = self.doc.sentences[index]
        start = self.doc.text.index(phrase, sentence.start)
        assert start + len(phrase) <= sentence.end, phrase
        return Evidence(sentence=index, start=start, end=start + len(phrase))

    def party(self, code: str, index: int, phrase: str) -> None:
        e = self.ev(index, phrase)
        self.found.parties.append(
            PartyMention(code=code, start=e.start, end=e.end, surface=phrase, sentence=index)
        )


def tula_en() -> Article:
    a = Article(
        "en-tula.txt",
        "en",
        "2024-03-01",
        "BelTA",
        "Tula and Belarus trade",
        [
            "Trade between Belarus and Tula Oblast reached $1.2 billion in 2023.",
            "Belarusian exports to the region grew by 12% in 2023.",
            "Governor of Tula Oblast Dmitry Milyaev met managers of MAZ in Minsk.",
            "The sides discussed agricultural machinery and buses.",
        ],
    )
    a.party("RU-TUL", 0, "Tula Oblast")
    a.found.trade += [
        TradeAtom(
            flow="turnover",
            reporter="BY",
            partner="RU-TUL",
            period="2023",
            measure="value",
            value=1.2e9,
            currency="USD",
            evidence=a.ev(0, "$1.2 billion"),
        ),
        TradeAtom(
            flow="export",
            reporter="BY",
            partner="RU-TUL",
            period="2023",
            measure="growth_pct",
            value=12.0,
            evidence=a.ev(1, "grew by 12%"),
        ),
    ]
    a.found.persons.append(
        PersonMention(
            name="Dmitry Milyaev",
            ru="Дмитрий Миляев",
            role="Governor of Tula Oblast",
            affiliation="RU-TUL",
            evidence=a.ev(2, "Dmitry Milyaev"),
        )
    )
    a.found.organizations.append(
        OrganizationMention(
            name="MAZ", key="maz", ru="МАЗ", kind="company", country="BY", evidence=a.ev(2, "MAZ")
        )
    )
    a.found.events.append(
        EventMention(
            kind="meeting",
            date="2024-02-28",
            place="Minsk",
            participants=["Dmitry Milyaev", "MAZ"],
            evidence=a.ev(2, "met"),
        )
    )
    a.found.sectors.append(
        SectorMention(sector="agricultural_machinery", evidence=a.ev(3, "agricultural machinery"))
    )
    a.found.targets.append(
        Target(
            flow="turnover",
            reporter="BY",
            partner="RU-TUL",
            measure="value",
            value=2e9,
            currency="USD",
            horizon="2026",
            evidence=a.ev(0, "Trade"),
        )
    )
    a.found.partners.append("RU-TUL")
    return a


def tula_ru() -> Article:
    a = Article(
        "ru-tula.txt",
        "ru",
        "2024-04-10",
        "Тульские вести",
        "Тула и Беларусь",
        [
            "Товарооборот Тульской области с Беларусью в 2023 году составил 1,3 млрд долларов.",
            "В 2022 году он составлял 1 млрд долларов.",
            "Губернатор Дмитрий Миляев и руководство МАЗ подписали 5 соглашений.",
        ],
    )
    a.party("RU-TUL", 0, "Тульской области")
    a.found.trade += [
        TradeAtom(
            flow="turnover",
            reporter="RU-TUL",
            partner="BY",
            period="2023",
            measure="value",
            value=1.3e9,
            currency="USD",
            evidence=a.ev(0, "1,3 млрд долларов"),
        ),
        TradeAtom(
            flow="turnover",
            reporter="RU-TUL",
            partner="BY",
            period="2022",
            measure="value",
            value=1.0e9,
            currency="USD",
            evidence=a.ev(1, "1 млрд долларов"),
        ),
    ]
    a.found.persons.append(
        PersonMention(
            name="Dmitry Milyaev",
            ru="Дмитрий Миляев",
            role="Губернатор Тульской области",
            affiliation="RU-TUL",
            evidence=a.ev(2, "Дмитрий Миляев"),
        )
    )
    a.found.organizations.append(
        OrganizationMention(name="МАЗ", key="maz", ru="МАЗ", country="BY", evidence=a.ev(2, "МАЗ"))
    )
    a.found.agreements.append(
        AgreementMention(
            count=5,
            kind="agreement",
            date="2024-04-09",
            parties=["RU-TUL", "MAZ"],
            evidence=a.ev(2, "подписали 5 соглашений"),
        )
    )
    a.found.partners.append("RU-TUL")
    return a


def tula_part_year() -> Article:
    a = Article(
        "en-tula-8m.txt",
        "en",
        "2024-09-15",
        "BelTA",
        "Tula: eight months",
        [
            "In January-August 2024 Belarusian exports to Tula Oblast reached $600 million.",
            "Imports from the region were $250 million.",
            "Trade for the period totalled $900 million.",
            "MAZ agreed to assemble buses in Tula.",
        ],
    )
    a.party("RU-TUL", 0, "Tula Oblast")
    period = "2024-01..2024-08"
    a.found.trade += [
        TradeAtom(
            flow="export",
            reporter="BY",
            partner="RU-TUL",
            period=period,
            measure="value",
            value=6e8,
            currency="USD",
            evidence=a.ev(0, "$600 million"),
        ),
        TradeAtom(
            flow="import",
            reporter="BY",
            partner="RU-TUL",
            period=period,
            measure="value",
            value=2.5e8,
            currency="USD",
            evidence=a.ev(1, "$250 million"),
        ),
        TradeAtom(
            flow="turnover",
            reporter="BY",
            partner="RU-TUL",
            period=period,
            measure="value",
            value=9e8,
            currency="USD",
            evidence=a.ev(2, "$900 million"),
        ),
    ]
    a.found.organizations.append(
        OrganizationMention(name="MAZ", key="maz", evidence=a.ev(3, "MAZ"))
    )
    a.found.projects.append(
        ProjectMention(
            description="MAZ bus assembly in Tula",
            organizations=["MAZ"],
            regions=["RU-TUL"],
            status="agreed",
            evidence=a.ev(3, "assemble buses"),
        )
    )
    a.found.partners.append("RU-TUL")
    return a


def lipetsk_untrusted() -> Article:
    a = Article(
        "en-lipetsk.html",
        "en",
        "2024-02-01",
        "Example <i>Wire</i>",
        XSS_TITLE,
        [
            XSS_SENTENCE,
            "This was 40% more than in 2022.",
        ],
    )
    a.party("RU-LIP", 0, "Lipetsk Oblast")
    a.found.trade += [
        TradeAtom(
            flow="turnover",
            reporter="BY",
            partner="RU-LIP",
            period="2023",
            measure="value",
            value=5e8,
            currency="USD",
            evidence=a.ev(0, "$500 million"),
        ),
        TradeAtom(
            flow="turnover",
            reporter="BY",
            partner="RU-LIP",
            period="2023",
            measure="growth_pct",
            value=40.0,
            evidence=a.ev(1, "40% more"),
        ),
    ]
    a.found.targets.append(
        Target(
            flow="turnover",
            reporter="BY",
            partner="RU-LIP",
            measure="multiplier",
            value=[2, 3],
            horizon="medium term",
            evidence=a.ev(1, "40% more"),
        )
    )
    a.found.partners.append("RU-LIP")
    return a


def lipetsk_ru() -> Article:
    a = Article(
        "ru-lipetsk.txt",
        "ru",
        "2023-03-01",
        "Липецкие новости",
        "Липецк и Беларусь",
        [
            "Товарооборот Липецкой области с Беларусью в 2022 году составил 400 млн долларов.",
        ],
    )
    a.party("RU-LIP", 0, "Липецкой области")
    a.found.trade.append(
        TradeAtom(
            flow="turnover",
            reporter="BY",
            partner="RU-LIP",
            period="2022",
            measure="value",
            value=4e8,
            currency="USD",
            evidence=a.ev(0, "400 млн долларов"),
        )
    )
    a.found.partners.append("RU-LIP")
    return a


ARTICLES = [tula_en, tula_ru, tula_part_year, lipetsk_untrusted, lipetsk_ru]


def build(path: Path) -> dict[str, int]:
    """Write the test articles into a fresh database; returns document ids by name."""
    ids = {}
    with open_store(path) as store:
        for make in ARTICLES:
            article = make()
            ids[article.doc.name] = store.add_document(article.doc, article.found).document_id
    return ids
