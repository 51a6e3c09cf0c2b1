"""Names of regions and countries (data/region_tiles.tsv, data/party_names.tsv) and the number
formats analysts expect in English and Russian: shared by the web pages and the CLI, so neither
depends on the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from coopwatch.data_files import data_records


@dataclass(frozen=True)
class Tile:
    """One region's square on the tile-grid map, with its names."""

    code: str
    row: int
    col: int
    en: str
    ru: str


@lru_cache(maxsize=1)
def tiles() -> dict[str, Tile]:
    """Every Russian region's tile, by code."""
    return {
        r["code"]: Tile(r["code"], int(r["row"]), int(r["col"]), r["en"], r["ru"])
        for r in data_records("region_tiles.tsv")
    }


@lru_cache(maxsize=1)
def party_names() -> dict[str, tuple[str, str]]:
    """Countries and Belarus's regions -> (English, Russian) names (no tile on the map)."""
    return {r["code"]: (r["en"], r["ru"]) for r in data_records("party_names.tsv")}


def region_name(code: str | None, lang: str = "en") -> str:
    """A party's short name in the page's language, its code when unknown.

    >>> region_name("RU-TUL"), region_name("RU-TUL", "ru"), region_name("XX-YY")
    ('Tula', 'Тульская обл.', 'XX-YY')
    """
    if not code:
        return ""
    tile = tiles().get(code)
    if tile:
        return tile.ru if lang == "ru" else tile.en
    if code in party_names():
        return party_names()[code][1 if lang == "ru" else 0]
    return code


SCALES = [(1e9, "bn", "млрд"), (1e6, "mn", "млн"), (1e3, "k", "тыс.")]


def money(value: float | None, currency: str | None, lang: str = "en") -> str:
    """An amount as analysts read it.

    >>> money(1234000000, "USD"), money(91000000, "USD", "ru"), money(None, "USD")
    ('1.23 bn USD', '91 млн USD', '')
    """
    if value is None:
        return ""
    for size, en, ru in SCALES:
        if abs(value) >= size:
            number = f"{value / size:.3g}" if abs(value / size) < 1000 else f"{value / size:.0f}"
            text = f"{number} {ru if lang == 'ru' else en}"
            break
    else:
        text = f"{value:g}"
    if lang == "ru":
        text = text.replace(".", ",").replace("тыс,", "тыс.")
    return f"{text} {currency or ''}".strip()


def percent(value: float | None, lang: str = "en") -> str:
    """A growth or share in percent with its sign.

    >>> percent(18.2), percent(-7, "ru"), percent(None)
    ('+18.2%', '−7%', '')
    """
    if value is None:
        return ""
    text = f"{value:+g}%".replace("-", "−")
    return text.replace(".", ",") if lang == "ru" else text


def figure(
    value: float | list[float] | None, measure: str | None, currency: str | None, lang: str = "en"
) -> str:
    """Any fact's number: an amount, a percent or a multiplier (a range of them too).

    >>> figure(5e8, "value", "USD"), figure(31.0, "growth_pct", None)
    ('500 mn USD', '+31%')
    >>> figure([2, 3], "multiplier", None)
    '×2–3'
    """
    if isinstance(value, list):
        return (
            "×" + "–".join(f"{v:g}" for v in value)
            if measure == "multiplier"
            else "–".join(figure(v, measure, currency, lang) for v in value)
        )
    if measure in ("growth_pct", "share_pct"):
        return percent(value, lang) if measure == "growth_pct" else f"{value:g}%"
    if measure == "multiplier":
        return f"×{value:g}" if value is not None else ""
    return money(value, currency, lang)


@lru_cache(maxsize=1)
def _tile_terms() -> dict[str, set[str]]:
    from coopwatch.store.textindex import query_terms

    found: dict[str, set[str]] = {}
    for code, tile in tiles().items():
        words = query_terms(f"{tile.en} {tile.ru} {code}")
        found[code] = {form for forms in words for form in forms}
    return found


def find_regions(query: str) -> list[str]:
    """Region codes whose English or Russian name has every word of the query, any case form.

    >>> find_regions("Тульской"), find_regions("tula"), find_regions("")
    (['RU-TUL'], ['RU-TUL'], [])
    """
    from coopwatch.store.textindex import query_terms

    words = query_terms(query)
    if not words:
        return []
    return [
        code
        for code, names in _tile_terms().items()
        if all(names.intersection(forms) for forms in words)
    ]
