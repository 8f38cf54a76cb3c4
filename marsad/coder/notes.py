"""`notes_en`: one plain English sentence in ACLED's style, built from the fields only."""

from __future__ import annotations

from marsad.doc import Doc, Event

_ACTION = {
    "Air/drone strike": "carried out an air/drone strike",
    "Shelling/artillery/missile attack": "shelled",
    "Remote explosive/landmine/IED": "detonated an explosive device",
    "Suicide bomb": "carried out a suicide bombing",
    "Grenade": "threw a grenade",
    "Chemical weapon": "used chemical weapons",
    "Armed clash": "clashed with",
    "Government regains territory": "regained territory from",
    "Non-state actor overtakes territory": "took over territory from",
    "Attack": "attacked",
    "Abduction/forced disappearance": "abducted",
    "Sexual violence": "committed sexual violence against",
    "Peaceful protest": "demonstrated",
    "Protest with intervention": "demonstrated and were dispersed",
    "Excessive force against protesters": "used force against protesters",
    "Violent demonstration": "rioted",
    "Mob violence": "attacked",
    "Arrests": "arrested",
    "Looting/property destruction": "destroyed or looted property of",
    "Non-violent transfer of territory": "withdrew from positions",
    "Disrupted weapons use": "intercepted weapons fired by",
    "Agreement": "reached an agreement with",
    "Headquarters or base established": "established a base",
    "Other": "made a visit",
}
#: the action when no target is known: "clashed with." would dangle
_ALONE = {
    "Armed clash": "clashed",
    "Government regains territory": "regained territory",
    "Non-state actor overtakes territory": "took over territory",
    "Attack": "carried out an attack",
    "Abduction/forced disappearance": "abducted people",
    "Sexual violence": "committed sexual violence",
    "Arrests": "made arrests",
    "Looting/property destruction": "destroyed or looted property",
    "Disrupted weapons use": "intercepted weapons",
    "Agreement": "reached an agreement",
}
_DIRECT = {"Armed clash", "Attack", "Abduction/forced disappearance", "Arrests",
           "Sexual violence", "Mob violence", "Looting/property destruction",
           "Government regains territory", "Non-state actor overtakes territory", "Agreement",
           "Disrupted weapons use"}


def _date_text(ev: Event) -> str:
    d = ev.date
    if d.value is None:
        return "On an unknown date"
    if d.precision == "day":
        return f"On {d.value.day} {d.value:%B %Y}"
    if d.precision == "week":
        return f"Around {d.value.day} {d.value:%B %Y}"
    if d.precision == "month":
        return f"In {d.value:%B %Y}"
    return f"In {d.value.year}"


def _source_name(doc: Doc, start: int, end: int) -> str:
    """The English name of a cited source ("local sources"), else its Arabic words."""
    for s in doc.spans:
        if s.kind == "source" and s.start == start and s.end == end:
            name = getattr(s.value, "name_en", None)
            if name:
                return name
    return f"«{doc.text[start:end]}»"


def notes_en(ev: Event, doc: Doc) -> str:
    who = ev.actor1.name_en if ev.actor1 else "an unidentified actor"
    target = ev.actor2.name_en if ev.actor2 else None
    action = _ACTION.get(ev.sub_event_type, "acted") if target else _ALONE.get(
        ev.sub_event_type, _ACTION.get(ev.sub_event_type, "acted"))
    parts = [f"{_date_text(ev)}, {who} {action}"]
    if target:
        parts.append(f" {target}" if ev.sub_event_type in _DIRECT else f" targeting {target}")
    if ev.location:
        loc = ev.location
        near = "near" if loc.precision == "near" else "in"
        parts.append(f" {near} {loc.name_en}" + (f" ({loc.country})" if loc.country else ""))
    parts.append(".")
    claims = [a for a in ev.attributions if a.stance in ("asserted", "suspected")]
    denied = [a for a in ev.attributions if a.stance == "denied"]
    if claims:
        by = _source_name(doc, claims[0].by.start, claims[0].by.end) if claims[0].by else "sources"
        verb = "suspected" if claims[0].stance == "suspected" else "attributed"
        parts.append(f" The perpetrator is not named; {verb} by {by} to {claims[0].actor.name_en}")
        if denied:
            parts.append(", not " + ", ".join(sorted({a.actor.name_en for a in denied})))
        parts.append(".")
    if ev.perpetrator_status == "claimed" and ev.actor1:
        parts.append(f" {ev.actor1.name_en} claimed responsibility.")
    if ev.fatalities.value is not None:
        parts.append(f" {ev.fatalities.value} reported killed.")
    else:
        parts.append(" No fatalities reported.")
    if ev.injuries.value:
        parts.append(f" {ev.injuries.value} injured.")
    return "".join(parts)
