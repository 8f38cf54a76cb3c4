"""Cross-document deduplication: the same real event reported by several documents.

Two mentions may be the same event only when every test below holds; the reason string
records which values satisfied them:

- type: same ACLED event type and sub-event type;
- date: both dates known to the day or the week, at most `window_days` apart (a
  week-precision date does not widen the window: on the dedup gold a 7-day window for
  them merged distinct border shellings);
- place: same country, and the same GeoNames id, or within `max_km`, or the same admin2,
  or one told only by its governorate and the other inside it;
  a place known only as a country is too vague on its own: such mentions merge only when
  they also name the same actor1 or actor2;
- actors: for actor1 and for actor2, no two different named (non-generic) actors (organs
  of one state, its army, police or ministry, count as one: outlets differ on which), and
  not civilians hit in one and armed forces in the other;
- documents: never two mentions of one document (the event coder already merged those:
  two events it kept apart in one article are distinct events);
- never a pair an analyst has kept apart (`keep_apart`).

Clustering is greedy and complete-linkage: a mention joins a cluster only if it is
compatible with every member, so A~B and B~C never chain A to a distinct C. Two strikes on
the same town on the same day with different targets or perpetrators stay apart.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from marsad.doc import Event

WINDOW_DAYS = 2
MAX_KM = 25.0
VAGUE_PLACES = {"country"}


@dataclass(frozen=True, slots=True)
class _Key:
    """What deduplication compares, from an Event or its to_dict() payload."""

    doc: str
    type: str
    sub: str
    date: dt.date | None
    precision: str
    country: str | None
    geonameid: int | None
    admin2: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geo_precision: str | None
    actor1: str | None
    actor2: str | None
    target_side: str | None = None  # "civilians" | "forces": who was hit, named or not

    @classmethod
    def of(cls, doc_id: str, ev: Event | Mapping[str, Any]) -> _Key:
        def get(obj: Any, name: str) -> Any:
            if obj is None:
                return None
            return obj.get(name) if isinstance(obj, Mapping) else getattr(obj, name, None)

        date, loc = get(ev, "date"), get(ev, "location")
        value = get(date, "value")
        if isinstance(value, str):
            value = dt.date.fromisoformat(value[:10])

        def actor(name: str) -> str | None:
            a = get(ev, name)
            if a is None or get(a, "generic"):
                return None
            return state_of(get(a, "id")) or get(a, "id") or None

        return cls(
            doc=doc_id, type=str(get(ev, "event_type")), sub=str(get(ev, "sub_event_type")),
            date=value, precision=get(date, "precision") or "unknown",
            country=get(loc, "country"), geonameid=get(loc, "geonameid"),
            admin2=get(loc, "admin2"), admin1=get(loc, "admin1"), lat=get(loc, "lat"), lon=get(loc, "lon"),
            geo_precision=get(loc, "precision"),
            actor1=actor("actor1"), actor2=actor("actor2"),
            target_side=_side(get(get(ev, "actor2"), "sector")),
        )


_STATE_ORGAN = re.compile(r"^([A-Z]{2})-(?:STATE|MIL|COP|GOV|SPY)(?:-|$)")


def state_of(actor_id: str | None) -> str | None:
    """"SA-MIL", "SA-COP", "SA-GOV-moi" -> "SA-STATE": one outlet's army is another's police
    or ministry for the same attack on a border post; two states' forces still differ."""
    m = _STATE_ORGAN.match(actor_id or "")
    return f"{m.group(1)}-STATE" if m else None


def _side(sector: str | None) -> str | None:
    if sector == "CVL":
        return "civilians"
    return "forces" if sector in ("MIL", "COP") else None


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def compare(a: _Key, b: _Key, *, window_days: int = WINDOW_DAYS, max_km: float = MAX_KM) -> str | None:
    """Why `a` and `b` can be one event, or None when they cannot."""
    if a.doc == b.doc or a.type != b.type or a.sub != b.sub:
        return None
    if a.date is None or b.date is None:
        return None
    window = window_days
    if "month" in (a.precision, b.precision) or "year" in (a.precision, b.precision):
        return None  # too vague to say two reports are one event
    days = abs((a.date - b.date).days)
    if days > window:
        return None
    if a.country is None or a.country != b.country:
        return None
    if a.geonameid is not None and a.geonameid == b.geonameid:
        place = f"same place (geonameid {a.geonameid})"
    elif None not in (a.lat, a.lon, b.lat, b.lon) and (
        km := km_between(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
    ) <= max_km:
        place = f"places {km:.0f} km apart"
    elif a.admin2 and a.admin2 == b.admin2:
        place = f"same admin2 ({a.admin2})"
    elif "admin1" in (a.geo_precision, b.geo_precision) and a.admin1 and a.admin1 == b.admin1:
        place = f"within {a.admin1}"  # "جازان" in one report, its district in another
    else:
        return None
    for x, y in ((a.actor1, b.actor1), (a.actor2, b.actor2)):
        if x and y and x != y:
            return None
    if a.target_side and b.target_side and a.target_side != b.target_side:
        return None  # shells on a village and on a border post the same day: two events
    actors = [f"{r} {x}" for r, x, y in (("actor1", a.actor1, b.actor1),
                                        ("actor2", a.actor2, b.actor2)) if x and x == y]
    if not actors and {a.geo_precision, b.geo_precision} & VAGUE_PLACES:
        return None
    return (f"same type ({a.type}: {a.sub}); dates {days} day(s) apart; {place}; "
            + ("same " + ", ".join(actors) if actors else "no conflicting actors"))


@dataclass
class Cluster:
    members: list[int]
    reasons: dict[int, str] = field(default_factory=dict)  # member -> why it joined


def cluster_with_reasons(
    items: Sequence[tuple[str, Event | Mapping[str, Any]]],
    *,
    window_days: int = WINDOW_DAYS,
    max_km: float = MAX_KM,
    keep_apart: Collection[tuple[int, int]] = (),
) -> list[Cluster]:
    """Clusters of `items` ((document_id, Event or its dict)) with the reason of each join.

    `keep_apart` holds index pairs that must end in different clusters.
    """
    keys = [_Key.of(doc, ev) for doc, ev in items]
    apart: set[tuple[int, int]] = {(min(i, j), max(i, j)) for i, j in keep_apart}
    blocks: dict[tuple[str, str, str | None], list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        blocks[(k.type, k.sub, k.country)].append(i)
    clusters: list[Cluster] = []
    for block in blocks.values():
        block.sort(key=lambda i: (keys[i].date or dt.date.min, keys[i].doc, i))
        open_: list[Cluster] = []
        for i in block:
            best: tuple[Cluster, str] | None = None
            for c in open_:
                reasons = []
                for j in c.members:
                    why = None if (min(i, j), max(i, j)) in apart else compare(
                        keys[i], keys[j], window_days=window_days, max_km=max_km)
                    if why is None:
                        break
                    reasons.append(why)
                else:
                    best = (c, reasons[0])
                    break  # clusters are in date order: the first that fits is the closest
            if best is None:
                c = Cluster([i])
                open_.append(c)
                clusters.append(c)
            else:
                best[0].members.append(i)
                best[0].reasons[i] = best[1]
            # a cluster whose first date is far behind can take no more members
            d = keys[i].date
            if d is not None:
                open_ = [c for c in open_ if keys[c.members[0]].date is None
                         or (d - keys[c.members[0]].date).days <= 7]  # type: ignore[operator]
    for c in clusters:
        c.members.sort()
    clusters.sort(key=lambda c: c.members[0])
    return clusters


def cluster_events(items: Sequence[tuple[str, Event]]) -> list[list[int]]:
    """Clusters of indexes into `items` ((document_id, Event)); each index in exactly one."""
    return [c.members for c in cluster_with_reasons(items)]
