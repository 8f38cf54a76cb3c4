"""The document object every stage reads and writes.

One `Doc` flows through the pipeline (text layer -> recognisers -> event coder -> merge).
Everything that leaves the package carries `start`/`end` offsets: Python string indices
into `Doc.text`, the original text exactly as it was given.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from marsad.text.normalise import Normalised

EntityKind = Literal["actor", "place", "time", "number", "source"]


def _plain(value: Any) -> Any:
    """Dataclasses -> dicts, dates -> ISO strings, recursively (for JSON output)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if hasattr(value, "to_dict"):
            return value.to_dict()
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


@dataclass(slots=True)
class TextRef:
    """A stretch of the original text."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


# --- resolved values carried by entity spans -------------------------------------------


@dataclass(slots=True)
class ActorValue:
    id: str
    name_ar: str
    name_en: str
    kind: str  # state_forces, government, armed_group, party, person, generic, ...
    country: str | None  # ISO 3166 alpha-2, None when unknown / international
    sector: str | None  # PLOVER sector code: MIL, GOV, COP, REB, UAF, CVL, ...
    inter: int | None  # ACLED inter code 1..8
    generic: bool = False  # a generic agent ("مسلحون"): identity unknown
    affiliations: list[dict[str, Any]] = field(default_factory=list)
    role: str | None = None  # for people: the role held on the article's date
    country_source: str | None = None  # how the country was found: kb | nationality | place
    nationality: str | None = None  # ISO2 of a nationality adjective ("ميليشيات أفغانية")
    unidentified: bool = False  # the text says the identity is unknown ("مجهولون")


@dataclass(slots=True)
class PlaceValue:
    geonameid: int | None
    name_ar: str
    name_en: str
    country: str | None  # ISO 3166 alpha-2
    admin1: str | None
    lat: float | None
    lon: float | None
    level: str = "town"  # country | admin1 | admin2 | town
    admin2: str | None = None
    modifier: str | None = None  # "ريف", "شمال", ... when the text says near / part of


@dataclass(slots=True)
class TimeValue:
    value: dt.date | None  # None when there is no publication date to resolve against
    precision: Literal["day", "week", "month", "year", "unknown"]
    end: dt.date | None = None  # last day of a range ("ليل الاثنين- الثلاثاء")
    relative: bool = False  # resolved against the publication date


@dataclass(slots=True)
class NumberValue:
    value: int | None
    approximate: bool = False
    counted: str | None = None  # normalised noun being counted ("قتيل", "طابق")
    counted_start: int | None = None
    counted_end: int | None = None
    category: str | None = None  # killed | injured | arrested | people | unit | other


@dataclass(slots=True)
class SourceValue:
    name: str  # normalised form, e.g. "مصادر محلية"
    source_kind: str  # outlet | agency | monitor | official | generic | person
    name_en: str | None = None
    outlet: bool = False


EntityValue = ActorValue | PlaceValue | TimeValue | NumberValue | SourceValue


@dataclass(slots=True)
class Span:
    """An entity found in the text, with its resolved value."""

    kind: EntityKind
    start: int
    end: int
    text: str
    value: EntityValue
    component: str = ""  # which recogniser made it (for error reports)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }
        for k, v in _plain(self.value).items():
            if k == "end" and self.kind == "time":
                k = "end_value"  # do not clobber the span's offset
            out.setdefault(k, v)
        return out


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    is_title: bool = False


# --- events ------------------------------------------------------------------------------


@dataclass(slots=True)
class ActorRef:
    id: str | None
    name_ar: str
    name_en: str
    kind: str
    country: str | None
    sector: str | None
    inter: int | None
    text: str
    start: int
    end: int
    generic: bool = False


@dataclass(slots=True)
class DateRef:
    value: dt.date | None
    precision: Literal["day", "week", "month", "year", "unknown"]
    text: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class LocationRef:
    name_ar: str
    name_en: str
    geonameid: int | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: Literal["exact", "near", "admin2", "admin1", "country"]
    text: str
    start: int
    end: int
    admin2: str | None = None


@dataclass(slots=True)
class Attribution:
    actor: ActorRef
    stance: Literal["asserted", "claimed", "suspected", "denied"]
    by: TextRef | None
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Count:
    value: int | None
    text: str | None = None
    start: int | None = None
    end: int | None = None


Modality = Literal["asserted", "negated", "future", "hypothetical", "historical"]


@dataclass(slots=True)
class Event:
    id: str
    event_type: str  # ACLED event type, exactly as in DESIGN.md
    sub_event_type: str
    plover: dict[str, str | None]  # {"type": ..., "mode": ...}
    date: DateRef
    location: LocationRef | None
    actor1: ActorRef | None
    assoc_actor_1: list[ActorRef]
    actor2: ActorRef | None
    assoc_actor_2: list[ActorRef]
    perpetrator_status: Literal["known", "claimed", "attributed", "unknown"]
    attributions: list[Attribution]
    fatalities: Count
    injuries: Count
    sources: list[TextRef]
    outlet: str | None
    modality: Modality
    evidence: list[TextRef]
    confidence: float
    notes_en: str
    trigger: TextRef | None = None
    target: TextRef | None = None  # facility or object attacked, where named
    civilian_targeting: bool = False
    extractor_version: str = ""
    why: list[str] = field(default_factory=list)  # rules that fired, for error reports

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}


# --- the document ---------------------------------------------------------------------


@dataclass
class Doc:
    """One article and everything found in it."""

    text: str
    id: str | None = None
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    norm: Normalised | None = None
    sentences: list[Sentence] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    components: dict[str, str] = field(default_factory=dict)  # name -> version that ran

    def spans_of(self, kind: EntityKind) -> list[Span]:
        return [s for s in self.spans if s.kind == kind]

    def document_dict(self) -> dict[str, Any]:
        out = {
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "outlet": self.outlet,
            "url": self.url,
        }
        out.update({k: v for k, v in self.meta.items() if k not in out and not k.startswith("_")})
        return out

    def to_dict(self, *, events: bool = True, all_modalities: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "document": self.document_dict()}
        out["entities"] = [s.to_dict() for s in sorted(self.spans, key=lambda s: s.start)]
        if events:
            out["events"] = [
                e.to_dict()
                for e in self.events
                if all_modalities or e.modality in ("asserted",)
            ]
        if self.errors:
            out["errors"] = list(self.errors)
        return out
