"""The actor knowledge base: data model, loader and validation.

Actors are data: JSONL files under `marsad/data/actors/` (one object per line, see
docs/actors.md), plus state organs derived from the country table, plus any extra files
a user passes. Entries are merged by id in that order, so a curated or user entry
replaces a derived one with the same id (`"IQ-MIL"` curated beats the generated
"Military Forces of Iraq").
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.errors import ResourceError
from marsad.resources import read_jsonl
from marsad.text.normalise import normalise_key

#: PLOVER / CAMEO actor sector codes an entry may carry
SECTORS: dict[str, str] = {
    "GOV": "government", "MIL": "military", "COP": "police", "SPY": "intelligence",
    "JUD": "judiciary", "LEG": "legislature", "ELI": "elites", "REB": "rebels",
    "UAF": "unidentified / irregular armed forces", "IMG": "international militarised group",
    "INS": "insurgents", "OPP": "opposition", "PTY": "political party", "CVL": "civilians",
    "REF": "refugees", "REL": "religious", "EDU": "education", "BUS": "business",
    "MED": "media", "HLH": "health", "NGO": "non-governmental organisation",
    "IGO": "intergovernmental organisation", "CRM": "criminals", "LAB": "labour",
    "AGR": "agriculture", "DEV": "development", "HRI": "human rights", "ENV": "environment",
    "SET": "settlers", "MOD": "moderate", "RAD": "radical", "UNK": "unknown",
}

#: ACLED actor categories (the `inter` codes)
INTER: dict[int, str] = {
    1: "State forces", 2: "Rebel group", 3: "Political militia", 4: "Identity militia",
    5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other forces",
}

#: kinds of named entries (generic agents have their own kinds, see generic.jsonl)
NAMED_KINDS = frozenset({
    "state", "government", "ministry", "state_forces", "legislature", "judiciary",
    "armed_group", "coalition", "party", "igo", "ngo", "media", "tribe", "person",
    "religious", "company",
})

#: kinds ACLED gives no actor category of their own (they act through others)
_NO_INTER = frozenset({"state", "igo", "media", "ngo", "company", "legislature", "judiciary",
                       "religious", "party", "opposition"})

#: sectors that are not armed or protesting actors: no ACLED category needed
_NO_INTER_SECTORS = frozenset({"REL", "PTY", "OPP", "ELI", "LEG", "IGO", "MED", "JUD", "HRI", "NGO"})

RELATIONS = frozenset({"part_of", "backed_by", "allied_with", "member_of", "splinter_of", "successor_of"})


def _date(value: Any, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ResourceError(f"{where}: {value!r} is not a date; write YYYY-MM-DD") from None


@dataclass(frozen=True, slots=True)
class Affiliation:
    actor: str  # id of the other actor
    relation: str  # part_of | backed_by | allied_with | member_of | splinter_of | successor_of
    start: dt.date | None = None
    end: dt.date | None = None

    def active(self, on: dt.date | None) -> bool:
        return on is None or ((self.start is None or self.start <= on) and (self.end is None or on <= self.end))

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "relation": self.relation,
                "start": self.start.isoformat() if self.start else None,
                "end": self.end.isoformat() if self.end else None}


@dataclass(frozen=True, slots=True)
class Role:
    """A dated position held by a person ("Deputy head of the PMF" until 2020-01-03)."""

    title_en: str
    start: dt.date | None = None
    end: dt.date | None = None
    org: str | None = None  # id of the organisation the role belongs to
    sector: str | None = None  # sector while in this role (defaults to the entry's)
    inter: int | None = None
    country: str | None = None

    def active(self, on: dt.date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)

    def to_dict(self) -> dict[str, Any]:
        return {"title_en": self.title_en, "org": self.org, "sector": self.sector,
                "inter": self.inter, "country": self.country,
                "start": self.start.isoformat() if self.start else None,
                "end": self.end.isoformat() if self.end else None}


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name_en: str
    name_ar: str
    aliases_ar: tuple[str, ...]
    kind: str
    country: str | None
    sector: str | None
    inter: int | None
    generic: bool = False
    affiliations: tuple[Affiliation, ...] = ()
    roles: tuple[Role, ...] = ()
    provenance: str = "curated"
    source: str = ""  # the file it came from
    # composition (generic heads): how a nationality or place completes the actor
    compose: str | None = None  # organ code (MIL, COP, GOV, ...) | "set" | "backed"
    unidentified: bool = False  # "مجهولون": identity explicitly unknown
    name_en_country: str | None = None  # "Unidentified Armed Group ({country})"
    needs_modifier: bool = False  # emit only with a nationality or "unknown" ("طائرات روسية")
    notes: str = ""
    disambiguate: str | None = None  # "country": shared alias resolved by the text's country
    # ACLED dates its state actors by regime: "Military Forces of Syria (2024-)" after 2024-12-08
    dated_names: tuple[tuple[str, dt.date | None, dt.date | None], ...] = ()
    # compose="theatre": the actor a generic head names in a country ("طيران التحالف" in Yemen
    # is the Saudi-led coalition, in Syria the US-led one)
    theatres: tuple[tuple[str, str], ...] = ()

    def name_on(self, on: dt.date | None) -> str:
        """The English name in use on `on` (`name_en` when no dated name applies)."""
        if on is not None:
            for name, start, end in self.dated_names:
                if (start is None or start <= on) and (end is None or on <= end):
                    return name
        return self.name_en

    def role_on(self, on: dt.date | None) -> Role | None:
        """The role held on `on` (the latest role when the date is unknown)."""
        if not self.roles:
            return None
        if on is None:
            return max(self.roles, key=lambda r: r.start or dt.date.min)
        active = [r for r in self.roles if r.active(on)]
        return max(active, key=lambda r: r.start or dt.date.min) if active else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "name_en": self.name_en, "name_ar": self.name_ar,
            "aliases": list(self.aliases_ar), "kind": self.kind, "country": self.country,
            "sector": self.sector, "inter": self.inter, "generic": self.generic,
            "affiliations": [a.to_dict() for a in self.affiliations],
            "roles": [r.to_dict() for r in self.roles], "provenance": self.provenance,
            "compose": self.compose, "name_en_country": self.name_en_country,
            "needs_modifier": self.needs_modifier, "source": self.source,
            "dated_names": [{"name_en": n, "start": s.isoformat() if s else None,
                             "end": e.isoformat() if e else None} for n, s, e in self.dated_names],
            "theatres": dict(self.theatres),
        }


#: the fields of an entry (docs/actors.md); anything else is a typo we refuse to guess at
FIELDS = frozenset({
    "id", "name_en", "name_ar", "aliases_ar", "kind", "country", "sector", "inter", "generic",
    "affiliations", "roles", "provenance", "compose", "unidentified", "notes", "disambiguate",
    "name_en_country", "needs_modifier", "dated_names", "theatres",
})


def actor_from_dict(obj: dict[str, Any], where: str, *, default_provenance: str = "curated") -> Actor:
    """One JSONL object -> Actor. Raises ResourceError naming the file and line."""
    unknown = sorted(set(obj) - FIELDS)
    if unknown:
        raise ResourceError(f"{where}: unknown field(s) {', '.join(unknown)}; the fields are "
                            f"{', '.join(sorted(FIELDS))} (see docs/actors.md)")
    try:
        aid = str(obj["id"]).strip()
        aliases = tuple(a.strip() for a in obj.get("aliases_ar", []) if a and a.strip())
        name_ar = (obj.get("name_ar") or (aliases[0] if aliases else "")).strip()
        if name_ar and name_ar not in aliases:
            aliases = (name_ar, *aliases)
        affs = tuple(
            Affiliation(str(a["actor"]), str(a.get("relation", "part_of")),
                        _date(a.get("start"), where), _date(a.get("end"), where))
            for a in obj.get("affiliations", [])
        )
        roles = tuple(
            Role(str(r["title_en"]), _date(r.get("start"), where), _date(r.get("end"), where),
                 r.get("org"), r.get("sector"), r.get("inter"), r.get("country"))
            for r in obj.get("roles", [])
        )
        inter = obj.get("inter")
        return Actor(
            id=aid, name_en=str(obj.get("name_en") or "").strip(), name_ar=name_ar,
            aliases_ar=aliases, kind=str(obj.get("kind") or ""),
            country=obj.get("country") or None, sector=obj.get("sector") or None,
            inter=int(inter) if inter not in (None, "") else None,
            generic=bool(obj.get("generic", False)), affiliations=affs, roles=roles,
            provenance=str(obj.get("provenance") or default_provenance),
            compose=obj.get("compose"), unidentified=bool(obj.get("unidentified", False)),
            name_en_country=obj.get("name_en_country"),
            needs_modifier=bool(obj.get("needs_modifier", False)),
            notes=str(obj.get("notes", "")), disambiguate=obj.get("disambiguate"),
            dated_names=tuple(
                (str(d["name_en"]), _date(d.get("start"), where), _date(d.get("end"), where))
                for d in obj.get("dated_names", [])
            ),
            theatres=tuple((str(k), str(v)) for k, v in (obj.get("theatres") or {}).items()),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ResourceError(f"{where}: bad actor entry ({type(exc).__name__}: {exc}); "
                            "see docs/actors.md for the format") from exc


def read_actor_file(path: Path) -> list[Actor]:
    if not path.exists():
        raise ResourceError(f"actor file {path} does not exist: check the path given to --actors")
    out = []
    for n, obj in enumerate(read_jsonl(path), 1):
        a = actor_from_dict(obj, f"{path.name}:{n}")
        out.append(_with_source(a, path.name))
    return out


def _with_source(a: Actor, source: str) -> Actor:
    from dataclasses import replace

    return replace(a, source=source)


@dataclass
class KB:
    """All actors by id, in load order."""

    actors: dict[str, Actor] = field(default_factory=dict)

    def add(self, actors: Iterable[Actor]) -> None:
        for a in actors:
            self.actors[a.id] = a  # later files win: curated over derived, user over both

    def __len__(self) -> int:
        return len(self.actors)

    def get(self, aid: str) -> Actor | None:
        return self.actors.get(aid)

    def alias_table(self) -> dict[str, list[str]]:
        """Normalised alias -> ids of the actors that use it."""
        table: dict[str, list[str]] = defaultdict(list)
        for a in self.actors.values():
            for alias in a.aliases_ar:
                key = normalise_key(alias)
                if a.id not in table[key]:
                    table[key].append(a.id)
        return table


# --- validation (marsad actors check) -----------------------------------------------------


@dataclass
class Problem:
    actor: str
    message: str


def check(kb: KB) -> list[Problem]:
    """Everything an analyst would not trust, as a list of problems (empty = OK)."""
    probs: list[Problem] = []
    for a in kb.actors.values():
        if not a.name_en:
            probs.append(Problem(a.id, "no English name (name_en)"))
        if not a.kind:
            probs.append(Problem(a.id, "no kind"))
        if not a.aliases_ar:
            probs.append(Problem(a.id, "no Arabic alias"))
        if a.sector is None and a.kind != "state":
            probs.append(Problem(a.id, "no sector"))
        if a.sector is not None and a.sector not in SECTORS:
            probs.append(Problem(a.id, f"unknown sector code {a.sector!r}"))
        if a.inter is None and a.kind not in _NO_INTER and a.sector not in _NO_INTER_SECTORS:
            probs.append(Problem(a.id, "no ACLED category (inter)"))
        if a.inter is not None and a.inter not in INTER:
            probs.append(Problem(a.id, f"inter {a.inter} is not an ACLED code 1..8"))
        if a.country is not None and (len(a.country) != 2 or not a.country.isupper()):
            probs.append(Problem(a.id, f"country {a.country!r} is not ISO 3166 alpha-2"))
        for af in a.affiliations:
            if af.relation not in RELATIONS:
                probs.append(Problem(a.id, f"unknown affiliation relation {af.relation!r}"))
            if af.actor not in kb.actors:
                probs.append(Problem(a.id, f"affiliation to unknown actor {af.actor!r}"))
        for r in a.roles:
            if r.sector is not None and r.sector not in SECTORS:
                probs.append(Problem(a.id, f"role {r.title_en!r}: unknown sector {r.sector!r}"))
            if r.start and r.end and r.end < r.start:
                probs.append(Problem(a.id, f"role {r.title_en!r} ends before it starts"))
        ordered = sorted(a.roles, key=lambda r: r.start or dt.date.min)
        for r1, r2 in zip(ordered, ordered[1:], strict=False):
            if r1.end is None or (r2.start is not None and r2.start <= r1.end) or r2.start is None:
                probs.append(Problem(a.id, f"overlapping roles {r1.title_en!r} and {r2.title_en!r}"))
    for key, ids in kb.alias_table().items():
        if len(ids) < 2:
            continue
        entries = [kb.actors[i] for i in ids]
        if all(e.disambiguate == "country" and e.country for e in entries) and len(
            {e.country for e in entries}
        ) == len(entries):
            continue  # resolved by the country the text is about
        probs.append(Problem(",".join(ids), f"alias {key!r} points to {len(ids)} actors "
                             "without a disambiguation rule"))
    return probs


def coverage(kb: KB) -> tuple[Counter[str], Counter[str]]:
    """Entries per country and per kind."""
    return (Counter(a.country or "--" for a in kb.actors.values()),
            Counter(a.kind for a in kb.actors.values()))
