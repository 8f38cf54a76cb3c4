"""The curated country table (`marsad/data/places/countries.tsv`), for any module.

Other recognisers (actors: "القوات الإيرانية" -> IR) import this; it reads one small
TSV once per process, so it is a plain cached function rather than a `Resources` entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.resources import data_path, read_tsv
from marsad.text.normalise import normalise_key


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    iso3: str
    name_en: str
    name_ar: str
    aliases_ar: tuple[str, ...]
    gentilic_ar: tuple[str, ...]  # masculine, feminine, plurals, adverbial; no article
    region: str  # ACLED region name
    capital_en: str = ""  # the capital's English name in the gazetteer ("" when contested)

    @property
    def names_ar(self) -> tuple[str, ...]:
        """The Arabic name and its aliases."""
        return (self.name_ar, *self.aliases_ar)


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """ISO alpha-2 -> Country, in file order."""
    out: dict[str, Country] = {}
    for row in read_tsv(data_path("places", "countries.tsv")):
        c = Country(
            iso2=row["iso2"],
            iso3=row["iso3"],
            name_en=row["name_en"],
            name_ar=row["name_ar"],
            aliases_ar=_split(row.get("aliases_ar", "")),
            gentilic_ar=_split(row.get("gentilic_ar", "")),
            region=row["region"],
            capital_en=row.get("capital_en", "") or "",
        )
        out[c.iso2] = c
    return out


def country(iso2: str) -> Country | None:
    return countries().get(iso2.upper())


def iso3(iso2: str) -> str | None:
    c = country(iso2)
    return c.iso3 if c else None


def name_en(iso2: str) -> str | None:
    c = country(iso2)
    return c.name_en if c else None


@lru_cache(maxsize=1)
def _by_name() -> dict[str, str]:
    table: dict[str, str] = {}
    for c in countries().values():
        for n in c.names_ar:
            table.setdefault(normalise_key(n), c.iso2)
    return table


@lru_cache(maxsize=1)
def _by_gentilic() -> dict[str, str]:
    table: dict[str, str] = {}
    for c in countries().values():
        for g in c.gentilic_ar:
            key = normalise_key(g)
            table.setdefault(key, c.iso2)
            table.setdefault("ال" + key, c.iso2)  # الإيرانية, السوريين
    return table


def gentilic_table() -> dict[str, str]:
    """Normalised gentilic (with and without the article) -> ISO alpha-2."""
    return _by_gentilic()


def by_name(name_ar: str) -> Country | None:
    """The country an Arabic name or alias denotes ("سورية", "الولايات المتحدة")."""
    iso = _by_name().get(normalise_key(name_ar))
    return countries()[iso] if iso else None


def by_gentilic(word: str) -> Country | None:
    """The country of a nationality adjective, with or without the article ("الإيرانية")."""
    iso = _by_gentilic().get(normalise_key(word))
    return countries()[iso] if iso else None
