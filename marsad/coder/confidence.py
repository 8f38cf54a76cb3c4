"""Rule-based confidence of a mention: how much of an event the clause spells out.

Used for the types the learned gate does not cover (the reliability tables of `marsad
evaluate gsr` and `marsad evaluate docs` show how confidence fares):
each piece of support adds a fixed amount; a weak trigger or a non-asserted modality
lowers it.
"""

from __future__ import annotations

from marsad.coder.lexicon import Trigger
from marsad.coder.mention import Mention


def score(m: Mention) -> float:
    trig: Trigger = m.primary.value  # type: ignore[assignment]
    s = {"strong": 0.55, "weak": 0.35, "consequence": 0.4, "participant": 0.3, "crowd": 0.3, "display": 0.3}[trig.strength]
    if len(m.triggers) > 1:
        s += 0.1
    if m.actor1 is not None:
        s += 0.1
    if m.actor2 is not None or m.victims_text is not None:
        s += 0.05
    if m.location is not None:
        s += 0.1
    if m.date is not None:
        s += 0.05
    if m.fatalities[0] is not None or m.injuries[0] is not None:
        s += 0.1
    if m.modality != "asserted":
        s -= 0.2
    return max(0.05, min(0.99, s))
