"""From KB entries to the values carried by actor spans, and composition of generic
agents with a nationality ("طائرات حربية روسية"), the modifier "unknown"
("مسلحون مجهولون") or the country of a place in the same sentence.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from marsad.actors.kb import KB, Actor
from marsad.actors.states import english
from marsad.doc import ActorValue

#: states whose nationality on a militia means "backed by" ("ميليشيات إيرانية")
SPONSORS = frozenset({"IR", "RU", "TR", "US", "SA", "AE"})

#: ACLED's name for armed men whose group the text does not name
UNIDENTIFIED = "Unidentified Armed Group"


def country_name(cc: str) -> str:
    from marsad.places.countries import name_en

    return name_en(cc) or cc


def value_of(actor: Actor, kb: KB, on: dt.date | None) -> ActorValue:
    """The span value of a KB entry on the article's date (roles and affiliations dated)."""
    country, sector, inter, role_title = actor.country, actor.sector, actor.inter, None
    role = actor.role_on(on)
    if role is not None:
        role_title = role.title_en
        sector = role.sector or sector
        inter = role.inter if role.inter is not None else inter
        country = role.country or country
    affs = []
    for af in actor.affiliations:
        if on is not None and not af.active(on):
            continue
        other = kb.get(af.actor)
        affs.append({"actor": af.actor, "relation": af.relation,
                     "name_en": other.name_en if other else None})
    if role is not None and role.org and not any(a["actor"] == role.org for a in affs):
        org = kb.get(role.org)
        affs.append({"actor": role.org, "relation": "role", "name_en": org.name_en if org else None})
    return ActorValue(
        id=actor.id, name_ar=actor.name_ar, name_en=actor.name_on(on), kind=actor.kind,
        country=country, sector=sector, inter=inter, generic=actor.generic,
        affiliations=affs, role=role_title, country_source="kb" if country else None,
        unidentified=actor.unidentified,
    )


def with_country(head: Actor, cc: str, kb: KB, on: dt.date | None, *, source: str) -> ActorValue:
    """A generic head completed by a country: from a nationality adjective
    (`source="nationality"`) or from a place in the sentence (`source="place"`)."""
    mode = head.compose
    if mode in ("MIL", "COP", "GOV", "SPY", "LEG", "JUD"):
        organ = kb.get(f"{cc}-{mode}")
        if organ is not None:
            v = value_of(organ, kb, on)
            v.country_source = source
            return v
        v = value_of(head, kb, on)
        return dataclasses.replace(v, id=f"{head.id}@{cc}", country=cc, country_source=source,
                                   name_en=f"{head.name_en} of {english(country_name(cc))}")
    if mode == "theatre":
        target = kb.get(dict(head.theatres).get(cc, ""))
        if target is not None or not head.name_en_country:
            v = value_of(target or head, kb, on)
            v.country_source = source
            return v
        mode = "set"  # not one of its theatres: "Rebels (Sudan)"
    v = value_of(head, kb, on)
    if mode == "backed":
        if source == "place":
            return dataclasses.replace(v, id=f"{head.id}@{cc}", country=cc, country_source=source,
                                       name_en=f"{head.name_en} ({country_name(cc)})")
        if cc in SPONSORS:
            backer = f"{cc}-STATE"
            affs = [*v.affiliations, {"actor": backer, "relation": "backed_by",
                                      "name_en": country_name(cc)}]
            return dataclasses.replace(v, id=f"{head.id}+{cc}", nationality=cc, affiliations=affs,
                                       name_en=f"{country_name(cc)}-backed militia")
        return dataclasses.replace(v, id=f"{head.id}+{cc}", nationality=cc,
                                   name_en=f"Militia ({country_name(cc)} nationals)")
    # "set": the same kind of agent, of / in that country
    tmpl = head.name_en_country or (head.name_en + " ({country})")
    name = tmpl.format(country=country_name(cc))
    if source == "nationality" and head.kind in ("civilians", "protesters", "students", "journalists",
                                                 "medics", "detainees"):
        return dataclasses.replace(v, id=f"{head.id}@{cc}", country=cc, nationality=cc,
                                   country_source=source, name_en=name)
    return dataclasses.replace(v, id=f"{head.id}@{cc}", country=cc, country_source=source,
                               name_en=name, nationality=cc if source == "nationality" else None)


def unidentified(head: Actor, kb: KB, on: dt.date | None) -> ActorValue:
    """A generic head with "مجهول": aircraft -> unidentified military forces, men -> UAG."""
    v = value_of(head, kb, on)
    if head.sector == "MIL":
        return dataclasses.replace(v, id=f"{head.id}?", name_en="Unidentified Military Forces",
                                   unidentified=True)
    return dataclasses.replace(v, id=f"{head.id}?", name_en=UNIDENTIFIED, sector="UAF", inter=3,
                               unidentified=True)


def nationals(cc: str) -> ActorValue:
    """A plural nationality noun naming people ("عراقيين", "الفلسطينيون")."""
    return ActorValue(id=f"GEN-nationals@{cc}", name_ar="", name_en=f"{country_name(cc)} nationals",
                      kind="nationals", country=cc, sector=None, inter=None, generic=True,
                      country_source="nationality", nationality=cc)
