"""State actors derived from the country table: the state, its government, military,
police, intelligence services, parliament and the ministries of interior, defence and
foreign affairs, for every country in
`marsad/data/places/countries.tsv`.

They give every nationality a target ("القوات التركية" -> Military Forces of Turkey)
without hand-writing six entries per country. Curated entries with the same id
(`IQ-MIL`, ...) replace them when the KB is assembled.
"""

from __future__ import annotations

from marsad.actors.kb import Actor, Affiliation

#: organ code -> (English name template, kind, sector, Arabic head nouns taking the
#: feminine / masculine nationality adjective)
ORGANS: dict[str, tuple[str, str, str, tuple[str, ...], tuple[str, ...]]] = {
    "GOV": ("Government of {c}", "government", "GOV", ("الحكومة", "السلطات"), ()),
    "MIL": ("Military Forces of {c}", "state_forces", "MIL", ("القوات", "القوات المسلحة"), ("الجيش",)),
    "COP": ("Police Forces of {c}", "state_forces", "COP", ("الشرطة", "قوات الأمن"), ()),
    "SPY": ("Intelligence Services of {c}", "state_forces", "SPY", ("المخابرات", "الاستخبارات"), ()),
    "LEG": ("Parliament of {c}", "legislature", "LEG", (), ("البرلمان",)),
    "MOI": ("Ministry of Interior of {c}", "ministry", "GOV", ("وزارة الداخلية", "الداخلية"), ()),
    "MOD": ("Ministry of Defence of {c}", "ministry", "GOV", ("وزارة الدفاع",), ()),
    "MFA": ("Ministry of Foreign Affairs of {c}", "ministry", "GOV", ("وزارة الخارجية", "الخارجية"), ()),
}

_THE = {"United States", "United Kingdom", "United Arab Emirates", "Central African Republic",
        "Democratic Republic of Congo", "Czech Republic", "Netherlands", "Philippines"}


def english(name_en: str) -> str:
    """Country name as it reads after "of": "the United States"."""
    return f"the {name_en}" if name_en in _THE else name_en


def _adjectives(gentilics: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Masculine and feminine singular nationality adjectives ("عراقي", "عراقية")."""
    masc = [g for g in gentilics if g.endswith("ي") and not g.endswith(("يي",))]
    fem = [g for g in gentilics if g.endswith("ية")]
    return masc, fem


def derive_state_actors() -> list[Actor]:
    from marsad.places.countries import countries

    out: list[Actor] = []
    for c in countries().values():
        cc = c.iso2
        masc, fem = _adjectives(c.gentilic_ar)
        state_aliases = tuple(dict.fromkeys(c.names_ar))
        out.append(Actor(
            id=f"{cc}-STATE", name_en=c.name_en, name_ar=c.name_ar, aliases_ar=state_aliases,
            kind="state", country=cc, sector=None, inter=None, provenance="derived:countries.tsv",
            source="countries.tsv",
        ))
        for code, (tmpl, kind, sector, fem_heads, masc_heads) in ORGANS.items():
            aliases = [f"{h} ال{a}" for h in fem_heads for a in fem]
            aliases += [f"{h} ال{a}" for h in masc_heads for a in masc]
            if code == "GOV":
                aliases += [f"حكومة {n}" for n in c.names_ar]
            if not aliases:
                continue
            aliases_t = tuple(dict.fromkeys(aliases))
            out.append(Actor(
                id=f"{cc}-{code}", name_en=tmpl.format(c=english(c.name_en)), name_ar=aliases_t[0],
                aliases_ar=aliases_t, kind=kind, country=cc, sector=sector,
                inter=None if code == "LEG" else 1,
                affiliations=() if code == "GOV" else (Affiliation(f"{cc}-GOV", "part_of"),),
                provenance="derived:countries.tsv", source="countries.tsv",
            ))
    return out
