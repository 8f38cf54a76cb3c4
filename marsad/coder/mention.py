"""Event mentions: what one clause of one sentence says happened.

`find_mentions` matches triggers, context cues and modality cues once over the whole
normalised document, splits sentences into clauses, groups the triggers of each clause
into mentions (one per merge group: violence, protest, arrest, ...) and keeps the
entities of the clause with them. Later stages fill in type, modality and arguments.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from marsad.coder.lexicon import CoderLexicon, Family, ModalityCue, Trigger
from marsad.doc import ActorValue, Attribution, Doc, Sentence, Span
from marsad.text.matcher import Hit

# clause boundaries inside a sentence: "، فيما", "؛", "، بينما", "، في حين", "، كما", and
# a relative clause of what a place witnessed
_CLAUSE = re.compile(
    # a dash closes an aside as a comma does: "-رحمه الله- كما ألقت الشرطة القبض"
    r"[؛;]|[،,\-–—]\s*(?=(?:و)?(?:فيما|بينما|في حين|كما|وفي|الى ذلك|إلى ذلك)\s)"
    # "في مدينة مروة التي شهدت الأربعاء الماضي تفجيرين": what the place saw before
    r"|\s(?=(?:التي|الذي)\s+(?:شهدت|شهد)\s)"
)


@dataclass(slots=True)
class Found:
    """A trigger, cue or modality hit in original offsets."""

    start: int
    end: int
    text: str
    prefix: str
    value: Trigger | str | ModalityCue


@dataclass
class Mention:
    sentence: Sentence
    clause: tuple[int, int]
    family: Family
    triggers: list[Found]
    primary: Found
    doc_index: int  # order in the document
    clause_triggers: list[Found] = field(default_factory=list)  # of every group in the clause
    entities: list[Span] = field(default_factory=list)  # in the clause
    sentence_entities: list[Span] = field(default_factory=list)
    cues: list[Found] = field(default_factory=list)
    modality_cues: list[Found] = field(default_factory=list)
    modality: str = "asserted"
    modality_why: str | None = None
    sub_event_type: str = ""
    event_type: str = ""
    plover_mode: str | None = None
    actor1: Span | None = None
    actor2: Span | None = None
    assoc1: list[Span] = field(default_factory=list)
    assoc2: list[Span] = field(default_factory=list)
    victims_text: tuple[int, int, str, str] | None = None  # start, end, text, sector
    location: Span | None = None
    location_precision: str | None = None
    date: Span | None = None
    fatalities: tuple[int | None, Span | None] = (None, None)
    injuries: tuple[int | None, Span | None] = (None, None)
    deaths_untold: Span | None = None  # "سقوط قتلى": deaths reported without a number
    sources: list[Span] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    perpetrator_status: str = "unknown"
    unknown_perpetrator: bool = False
    distinct: bool = False  # "another" / "the first": not the event just told
    anaphoric: bool = False
    civilian: bool = False
    why: list[str] = field(default_factory=list)
    confidence: float = 0.5
    gated: bool = False  # confidence comes from the learned gate

    def cue_roles(self) -> set[str]:
        return {str(c.value) for c in self.cues}

    def has_cue(self, role: str) -> bool:
        return any(c.value == role for c in self.cues)

    def in_clause(self, start: int) -> bool:
        return self.clause[0] <= start < self.clause[1]


def _to_found(doc: Doc, hits: list[Hit], every: bool = False) -> list[Found]:
    """Matches in original offsets: the first payload of each, or one per payload (`every`:
    a cue word may hold several roles, "مواقع" a target and ground)."""
    assert doc.norm is not None
    out: list[Found] = []
    for h in hits:
        s, e = doc.norm.to_original(h.start, h.end)
        for p in h.payloads if every else h.payloads[:1]:
            out.append(Found(s, e, doc.text[s:e], h.prefix, p))
    return out


def word_at(text: str, start: int, end: int) -> str:
    """The whole word around text[start:end] (clitics included)."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[start:end]


#: no verb follows these: "على تجمع" is a gathering, not "gathered" ("من" may: "من قتل")
_PREPOSITIONS = frozenset({"علي", "في", "الي", "عن", "ضد", "نحو", "حول", "مع", "لدي"})


def words_between(text: str, a: int, b: int) -> int:
    """How many words lie in text[a:b]."""
    return len(text[a:b].split())


def _after_preposition(text: str, start: int) -> bool:
    words = text[max(0, start - 8) : start].split()
    return bool(words) and words[-1] in _PREPOSITIONS


# named organisations; not forces named by their weapon ("قصف روسي", "طائرات التحالف")
_ORGANISATIONS = frozenset({"armed_group", "party", "ngo", "igo", "company"})


def _organisation_names(doc: Doc) -> list[Span]:
    return [s for s in doc.spans if s.kind == "actor" and isinstance(s.value, ActorValue)
            and s.value.kind in _ORGANISATIONS]


def _in_a_name(names: list[Span], t: Found) -> bool:
    """Is the trigger a word of an organisation's name ("الجبهة الشعبية لتحرير فلسطين",
    "هيئة تحرير الشام")?"""
    return any(s.start <= t.start and t.end <= s.end for s in names)


def _object_of_verb(h: Hit, verbs: list[Hit], lex: CoderLexicon, text: str) -> bool:
    """"استهدف تجمعا لناشطين": a word read as a verb right after a verb of another kind of
    act is that verb's object (a gathering that was attacked), not a second act. Verbs of one
    kind may follow each other ("خرجوا يتظاهرون")."""
    group = lex.families[h.payloads[0].family].group
    return any(
        v.end <= h.start and not text[v.end : h.start - len(h.prefix)].strip()
        and lex.families[v.payloads[0].family].group != group
        for v in verbs
    )


#: أن / بأنه / إن as a word: what follows is a reported clause ("قالت الوزارة إن ...")
THAT_CLAUSE = re.compile(r"(?:^|\s)[وف]?ب?[أإا]ن(?:ه|ها|هم)?(?:\s|$)")

#: words that may stand between قام and the act it does ("قامت قوات الاحتلال فجر اليوم بقصف")
_DOER_WINDOW = 8
_PUNCT = re.compile(r"[.،,؛;:!?؟]")


def _after_cue(text: str, h: Hit, cues: list[Hit], words: int) -> bool:
    """Does one of `cues` stand at most `words` words before the hit, in the same clause?"""
    start = h.start - len(h.prefix)
    return any(
        c.end <= start and words_between(text, c.end, start) <= words
        and not _PUNCT.search(text[c.end:start])
        for c in cues
    )


def _done(text: str, h: Hit, doers: list[Hit]) -> bool:
    """Is the noun the act a form of قام does ("قام المتظاهرون بالتجمع", "لقيام مجموعة من
    المتظاهرين يوم أمس بالتجمع")? It carries ب and the doer stands a few words before it in
    the same clause. The imperfect (يقوم) is left out: a habit or a plan is not told."""
    return h.prefix.endswith("ب") and _after_cue(text, h, doers, _DOER_WINDOW)


def _told(text: str, h: Hit, doers: list[Hit], tellers: list[Hit]) -> bool:
    """Is the noun told by a verb: done with قام (`_done`), right after a verb saying it
    was carried out ("نفذت بالفعل ضربة جوية", "شنوا الهجوم", "وقعت انفجارات"), or, when
    definite, the subject of one right after it ("المعارك تدور", "الاشتباكات مستمرة"; after
    an indefinite noun a verb describes it: "تفجيرات وقعت في العاصمة")?"""
    if _done(text, h, doers) or _after_cue(text, h, tellers, 1):
        return True
    definite = h.key.startswith("ال") or h.prefix.endswith("ال")
    return definite and _before_cue(text, h, tellers)


def _before_cue(text: str, h: Hit, cues: list[Hit]) -> bool:
    """Does one of `cues` follow the hit, with one space between?"""
    return any(c.start - len(c.prefix) - h.end == 1 and text[h.end].isspace() for c in cues)


def _as_verb(h: Hit) -> Hit:
    """The hit with its triggers read as verbs: told, not referred to."""
    return replace(h, payloads=tuple(replace(p, pos="v") for p in h.payloads))


def _merge_hits(a: list[Hit], b: list[Hit]) -> list[Hit]:
    """Non-overlapping union, longer hits first."""
    taken: list[Hit] = []
    for h in sorted([*a, *b], key=lambda h: (h.start - h.end, h.start)):
        if all(h.end <= t.start or t.end <= h.start for t in taken):
            taken.append(h)
    return sorted(taken, key=lambda h: h.start)


def clauses(sentence: Sentence) -> list[tuple[int, int]]:
    cuts = [sentence.start]
    for m in _CLAUSE.finditer(sentence.text):
        cuts.append(sentence.start + m.end())
    cuts.append(sentence.end)
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _start(x: Found | Span) -> int:
    return x.start


def _within(items: list, start: int, end: int) -> list:
    """The items inside [start, end) of `items` sorted by start (bisected: an article's
    sentences each look into every list)."""
    lo = bisect_left(items, start, key=_start)
    hi = bisect_left(items, end, lo, key=_start)
    return [x for x in items[lo:hi] if x.end <= end]


def find_mentions(doc: Doc, lex: CoderLexicon) -> list[Mention]:
    assert doc.norm is not None
    text = doc.norm.text
    verbs = [h for h in lex.verbs.find(text) if not _after_preposition(text, h.start - len(h.prefix))]
    verbs = [h for h in verbs if not _object_of_verb(h, verbs, lex, text)]
    cue_hits = lex.cues.find(text)
    doers = [h for h in cue_hits if "doer" in h.payloads]
    tellers = [h for h in cue_hits if "told" in h.payloads]
    nouns = [_as_verb(h) if _told(text, h, doers, tellers) else h for h in lex.nouns.find(text)]
    nouns += [_as_verb(h) for h in lex.periphrastic.find(text) if _done(text, h, doers)]
    hits = _merge_hits(nouns, verbs)
    triggers = _to_found(doc, [h for h in hits if word_at(text, h.start, h.end) not in lex.not_triggers])
    names = _organisation_names(doc)
    triggers = [t for t in triggers if not _in_a_name(names, t)]
    cues = _to_found(doc, cue_hits, every=True)
    modal = _to_found(doc, lex.modality.find(text))
    spans = sorted(doc.spans, key=_start)  # sorted already, in the usual pipeline
    mentions: list[Mention] = []
    for sent in doc.sentences:
        s_trig = _within(triggers, sent.start, sent.end)
        if not s_trig:
            continue
        s_ents = _within(spans, sent.start, sent.end)
        s_cues = _within(cues, sent.start, sent.end)
        s_modal = _within(modal, sent.start, sent.end)
        for cs, ce in clauses(sent):
            c_trig = _within(s_trig, cs, ce)
            by_group: dict[str, list[Found]] = {}
            for t in c_trig:
                fam = lex.families[t.value.family]  # type: ignore[union-attr]
                by_group.setdefault(fam.group, []).append(t)
            for group_triggers in _split(by_group, s_cues, s_modal, doc.text):
                primary = max(group_triggers, key=lambda t: _rank(t, lex))
                mentions.append(
                    Mention(
                        sentence=sent,
                        clause=(cs, ce),
                        family=lex.families[primary.value.family],  # type: ignore[union-attr]
                        triggers=group_triggers,
                        primary=primary,
                        doc_index=len(mentions),
                        clause_triggers=c_trig,
                        entities=_within(s_ents, cs, ce),
                        sentence_entities=s_ents,
                        cues=_within(s_cues, cs, ce),
                        modality_cues=s_modal,
                    )
                )
    return mentions


_NEGATORS = {"ليست", "ليس", "لا", "لم", "غير", "وليست", "وليس", "ولا", "ولم"}


def _split(
    by_group: dict[str, list[Found]], cues: list[Found], modal: list[Found], text: str
) -> list[list[Found]]:
    """Groups of triggers that tell one event each. A trigger that is denied ("وليست غارات
    إسرائيلية", "ولم تسجل اعمال عنف") or marked as another event ("غارة أخرى", "الغارة
    الأولى") stands apart, with the verb right before it and the weapon after it ("استهدف
    هجوم آخر بسيارة مفخخة")."""
    out: list[list[Found]] = []
    for triggers in by_group.values():
        rest: list[Found] = []
        alone: list[Found] | None = None  # the last trigger that stands alone, with its weapon
        for t in triggers:
            before = text[max(0, t.start - 24) : t.start].split()
            denied = bool(before) and (before[-1] in _NEGATORS or _object_of_denied(before))
            other = any(c.value == "other" and 0 <= c.start - t.end <= 3 for c in cues)
            if (denied or other) and len(triggers) > 1:
                alone = [t]
                out.append(alone)
                if not other or getattr(t.value, "family", "") in ("kill", "injure"):
                    alone = None  # "وإصابة آخر": another person hurt in the same attack
                elif rest and _verb_of(text, rest[-1], t):
                    alone.insert(0, rest.pop())  # "استهدف هجوم آخر": the other attack's verb
            elif alone is not None and _instrument_of(text, alone[-1], t):
                alone.append(t)  # "هجوم آخر بسيارة مفخخة": the other attack's car bomb
            else:
                alone = None
                rest.append(t)
        if rest:
            out.append(rest)
    return out


def _object_of_denied(before: list[str]) -> bool:
    """Is the trigger right after a denied verb ("ولم تسجل اعمال عنف", "لا توجد مواجهات")?
    After لم and لا a verb is in the imperfect."""
    return len(before) >= 2 and before[-2] in _NEGATORS and before[-1][:1] in ("ي", "ت", "ن")


def _verb_of(text: str, verb: Found, t: Found) -> bool:
    """Is `verb` the verb of the noun `t` right after it (VSO: "استهدف هجوم آخر")?"""
    return getattr(verb.value, "pos", "") == "v" and not text[verb.end : t.start].strip()


def _instrument_of(text: str, prev: Found, t: Found) -> bool:
    """Does `t` name what the act `prev` was done with: "ب" within three words after it?"""
    return t.prefix.startswith(("ب", "وب")) and len(text[prev.end : t.start].split()) <= 3


def _rank(t: Found, lex: CoderLexicon) -> tuple[int, int]:
    trig: Trigger = t.value  # type: ignore[assignment]
    strength = {"strong": 2, "weak": 1, "crowd": 1, "display": 1, "consequence": 0, "participant": -1}[trig.strength]
    return (lex.families[trig.family].rank + 100 * (strength > 0), strength)
