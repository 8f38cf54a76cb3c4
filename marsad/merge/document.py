"""Within-document merge: mentions of one real event become one event.

Mentions are taken in reading order. A mention joins the latest open event of the same
merge group when nothing contradicts it: dates within a day (or unknown), the same
place or one of them unplaced, no two different named perpetrators, both reported as
news or both as background (a historical date). A mention that
says "another" / "the first" ("غارة أخرى", "الغارة الأولى") never joins the event just
told; it opens or joins an earlier-event cluster. Different explicit dates stay apart.
"""

from __future__ import annotations

import datetime as dt

from marsad.coder.mention import Mention
from marsad.doc import ActorValue, PlaceValue, TimeValue

DAY_WINDOW = 1
WEEK_WINDOW = 7


def _date(m: Mention) -> tuple[dt.date | None, str]:
    if m.date is not None and isinstance(m.date.value, TimeValue) and m.date.value.value:
        return m.date.value.value, m.date.value.precision
    return None, "unknown"


def _dates_compatible(a: Mention, b: Mention) -> bool:
    (da, pa), (db, pb) = _date(a), _date(b)
    if da is None or db is None:
        return True
    window = DAY_WINDOW if pa == pb == "day" else WEEK_WINDOW
    return abs((da - db).days) <= window


def _place_key(m: Mention) -> tuple[str | None, str | None]:
    if m.location is None or not isinstance(m.location.value, PlaceValue):
        return None, None
    v = m.location.value
    return (str(v.geonameid or v.name_en), v.admin1)


def _places_compatible(a: Mention, b: Mention) -> bool:
    (ka, _), (kb, _) = _place_key(a), _place_key(b)
    if ka is None or kb is None or ka == kb:
        return True
    va, vb = a.location.value, b.location.value  # type: ignore[union-attr]
    for wide, narrow in ((va, vb), (vb, va)):
        # a governorate or country and a town inside it: the same place told more or less precisely
        if wide.level == "country" and wide.country == narrow.country:  # type: ignore[union-attr]
            return True
        if wide.level == "admin1" and wide.admin1 and wide.admin1 == narrow.admin1:  # type: ignore[union-attr]
            return True
        if wide.level == "admin2" and wide.admin2 and wide.admin2 == narrow.admin2:  # type: ignore[union-attr]
            return True
    return False


def _actors_compatible(a: Mention, b: Mention) -> bool:
    va = a.actor1.value if a.actor1 else None
    vb = b.actor1.value if b.actor1 else None
    if isinstance(va, ActorValue) and isinstance(vb, ActorValue):
        if not va.generic and not vb.generic and va.id != vb.id:
            return False
    return True


_GENERIC = {"kill", "injure", "destroy", "attack", "target", "raid", "bombard"}


#: one bombing told as "انفجار", "عبوة ناسفة", "تفجير انتحاري": the more specific wins the merge
_BOMBING = {"suicide", "ied", "grenade", "explosion"}
#: a missile, shell or air strike "explodes" too
_EXPLODES = {"air", "drone", "shelling", "bombard", "rocket"}


def _types_compatible(a: Mention, b: Mention) -> bool:
    if a.family.name in _GENERIC or b.family.name in _GENERIC:
        return True
    names = {a.family.name, b.family.name}
    if names <= _BOMBING or ("explosion" in names and names - {"explosion"} <= _EXPLODES):
        return True
    return a.sub_event_type == b.sub_event_type


def _deaths_of_protesters(event: list[Mention], m: Mention) -> bool:
    """"أطلقت قوات الأمن الرصاص على متظاهرين مما أدى الى مقتل أربعة": the deaths told in
    the sentence of a protest met with lethal force are that event's, not a new attack."""
    pair = [*event, m]
    protest = [x for x in pair if x.sub_event_type == "Excessive force against protesters"]
    deaths = [x for x in pair if x.family.name in ("kill", "injure")]
    return (len(protest) + len(deaths) == len(pair) and bool(protest) and bool(deaths)
            and len({x.sentence.start for x in pair}) == 1)


def _compatible(event: list[Mention], m: Mention) -> bool:
    head = event[0]
    if _deaths_of_protesters(event, m):
        return True
    if head.family.group != m.family.group:
        return False
    if not all(_types_compatible(x, m) for x in event):
        return False
    if head.distinct != m.distinct:
        return False
    if (head.modality == "historical") != (m.modality == "historical"):
        return False  # a recap dated months back is not the event being reported
    return all(
        _dates_compatible(x, m) and _places_compatible(x, m) and _actors_compatible(x, m)
        for x in event
    )


def merge_mentions(mentions: list[Mention]) -> list[list[Mention]]:
    """Clusters of mentions, each one event, in order of first mention."""
    events: list[list[Mention]] = []
    for m in mentions:
        target = None
        for ev in reversed(events):
            if _compatible(ev, m):
                target = ev
                break
        if target is None:
            events.append([m])
        else:
            target.append(m)
    return events
