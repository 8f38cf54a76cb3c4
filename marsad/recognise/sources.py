"""Recogniser: reporting sources — who says so.

Three kinds of span, from the most to the least specific:
1. named outlets, agencies and monitors (`outlets.tsv`) found with the clitic-aware
   matcher, so `لـ"العربية.نت"` and "وكالة الصحافة الفرنسية" match; names that are also
   everyday words or places ("الحياة", "الرياض") count only after a media head noun
   ("صحيفة الحياة") or inside quotes («الحياة»);
2. anonymous cited sources: "مصادر محلية", "مصدر في الشرطة", "شهود عيان", and a bare
   "المصادر" when a reporting verb or "بحسب" introduces it;
3. the speaker of a reporting verb or phrase: "قال X إن", "أفادت X", "بحسب X", "نقلا عن X"
   (span = X when X is a noun phrase: an official, a ministry, a person, a group).
A span of a less specific kind is dropped where it overlaps a more specific one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.doc import Doc, SourceValue, Span
from marsad.recognise import make_span
from marsad.recognise.wordlists import B0, B1, Anchored, Anchors, Scan, alternation, lexicon, norm
from marsad.registry import component, resource
from marsad.resources import Resources
from marsad.text.clitics import QUOTES
from marsad.text.matcher import PhraseMatcher

COMPONENT = "marsad.sources.v1"

#: head nouns that make an ambiguous name an outlet ("صحيفة الرياض")
MEDIA_HEADS = (
    "صحيفة", "جريدة", "قناة", "موقع", "وكالة", "وكالة أنباء", "تلفزيون", "إذاعة", "مجلة",
    "شبكة", "فضائية", "وكالة الأنباء",
)
_MAX_NP = 7  # words in a speaker phrase
_PUNCT = ",.;:!?«»\"“”()[]"


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str  # canonical Arabic name (first alias in the file)
    name_en: str
    kind: str  # outlet | agency | monitor


@dataclass(frozen=True)
class SourceLexicon:
    outlets: PhraseMatcher[Outlet]  # safe names and head + ambiguous name
    quoted: PhraseMatcher[Outlet]  # ambiguous names, accepted inside quotes only
    nouns: dict[str, str]  # "مصادر" -> "sources"
    qualifiers: dict[str, str]  # "محليه" -> "local"
    official: frozenset[str]
    monitor: frozenset[str]
    reporter: frozenset[str]
    titles: frozenset[str]
    media: frozenset[str]
    stop: frozenset[str]
    not_np: frozenset[str]
    anchors: Anchors  # the three patterns below run only around their anchor words
    cue_re: Anchored  # anonymous sources
    verb_re: Anchored  # reporting verbs
    prep_re: Anchored  # بحسب, وفقا ل, نقلا عن
    intro_re: re.Pattern[str]  # a verb or a prep ending a stretch of text
    stop_phrase_re: re.Pattern[str]


@resource("source_lexicon")
def load_source_lexicon(resources: Resources) -> SourceLexicon:
    rows = lexicon("outlets.tsv")
    canon: dict[str, Outlet] = {}
    safe: list[tuple[str, Outlet]] = []
    quoted: list[tuple[str, Outlet]] = []
    for r in rows:
        o = canon.setdefault(r["id"], Outlet(r["id"], r["alias"], r["name_en"], r["kind"]))
        if r["head"] == "1":
            quoted.append((r["alias"], o))
            safe.extend((f"{h} {r['alias']}", o) for h in MEDIA_HEADS)
        else:
            safe.append((r["alias"], o))
            if r["kind"] != "monitor":
                safe.extend((f"{h} {r['alias']}", o) for h in MEDIA_HEADS)
    cues = lexicon("source_cues.tsv")

    def words(kind: str) -> list[str]:
        return [r["word"] for r in cues if r["kind"] == kind]

    nouns = {norm(r["word"]): r["value"] for r in cues if r["kind"] == "source_noun"}
    quals = {norm(r["word"]): r["value"] for r in cues if r["kind"] == "qualifier"}
    QUAL = alternation(quals)
    cue_re = re.compile(
        rf"{B0}(?:[وفبل]|وب|ول)?(?P<art>ال|لل)?(?P<noun>{alternation(nouns)})"
        rf"(?P<quals>(?:\s+(?:ال)?{QUAL}{B1})*)"
        rf"(?P<tail>\s+(?:في|من)\s+(?:[^\W\d_]+)(?:\s+ال[^\W\d_]+){{0,2}})?{B1}"
    )
    VERB = alternation(words("verb"))
    preps = [norm(w) for w in words("prep")]
    PREP = (
        rf"(?:{alternation(w for w in preps if not w.endswith(' ل'))}\s+"
        rf"|{alternation(w for w in preps if w.endswith(' ل'))})"
    )
    verb_re = re.compile(rf"{B0}[وف]?(?P<verb>{VERB})\s+")
    prep_re = re.compile(rf"{B0}[وف]?(?P<prep>{PREP})")
    CITE = alternation(words("verb") + words("cite_verb"))
    intro_re = re.compile(rf"{B0}[وف]?(?:{CITE}\s+|{PREP})(?:[^\W\d_]+\s+)?$")
    stops = [w for w in words("stop") if " " in w]
    anchors = Anchors()
    specs = (
        anchors.add(cue_re, nouns, 5, 90),
        anchors.add(verb_re, words("verb"), 2, 2),
        anchors.add(prep_re, [w.split()[0] for w in words("prep")], 2, 12),
    )
    return SourceLexicon(
        PhraseMatcher(safe),
        PhraseMatcher(quoted),
        nouns,
        quals,
        frozenset(norm(w) for w in words("official")),
        frozenset(norm(w) for w in words("monitor")),
        frozenset(norm(w) for w in words("reporter")),
        frozenset(norm(w) for w in words("title")),
        frozenset(norm(w) for w in MEDIA_HEADS if " " not in w),
        frozenset(norm(w) for w in words("stop")),
        frozenset(norm(w) for w in words("not_np")),
        anchors.build(),
        *specs,
        intro_re,
        re.compile(rf"(?:{alternation(stops)}){B1}"),
    )


# --- the three finders (normalised offsets) ----------------------------------------------

Found = tuple[int, int, SourceValue, int]  # start, end, value, rank (0 = most specific)


def _outlets(lex: SourceLexicon, text: str) -> list[Found]:
    out: list[Found] = []
    for hit in lex.outlets.find(text):
        o = hit.payloads[0]
        out.append((hit.start, hit.end, _outlet_value(o), 0))
    for hit in lex.quoted.find(text):
        before = text[hit.start - 1] if hit.start else ""
        after = text[hit.end] if hit.end < len(text) else ""
        if before in QUOTES and after in QUOTES and not hit.prefix and not hit.suffix:
            out.append((hit.start, hit.end, _outlet_value(hit.payloads[0]), 0))
    return out


def _outlet_value(o: Outlet) -> SourceValue:
    return SourceValue(o.name, o.kind, o.name_en, outlet=o.kind in ("outlet", "agency"))


def _introduced(lex: SourceLexicon, text: str, start: int) -> bool:
    """A reporting verb or "بحسب" just before `start` (one word may stand between)."""
    return lex.intro_re.search(text, max(0, start - 40), start) is not None


def _cues(lex: SourceLexicon, scan: Scan) -> list[Found]:
    text = scan.text
    out: list[Found] = []
    for m in scan.finditer(lex.cue_re):
        quals = [q.removeprefix("ال") for q in m["quals"].split()] if m["quals"] else []
        quals = [q for q in quals if q in lex.qualifiers]
        nxt = text[m.end() : m.end() + 6].lstrip()
        tail_ok = m["tail"] is not None and m["noun"] in ("مصدر", "مصادر")
        if not quals and not tail_ok and not _introduced(lex, text, m.start()) and not (
            nxt.startswith(("ان ", "انه", "ل\"", "ل«", "لـ", ":"))
        ):
            continue
        noun = m["noun"]
        start = m.start("art") if m["art"] == "ال" else m.start("noun")
        # "مصدر في الشرطة" keeps its tail; "مصادر محلية من بلدة البوكمال" is "مصادر محلية"
        end = m.end("quals") if quals else m.end("tail") if m["tail"] else m.end("noun")
        en = " ".join([*(lex.qualifiers[q] for q in quals), lex.nouns[noun]])
        name = text[start:end]
        out.append((start, end, SourceValue(name, "generic", en), 1))
    return out


_SPEECH_AFTER_COMMA = re.compile(
    r"\s*,\s*(?:[^\W\d_]+\s*,?\s*)?(?:(?:ب|ف)?ا[نن]ه?(?:ا|م)?(?!\w)|[:«\"])"
)


def _noun_phrase(
    lex: SourceLexicon, text: str, pos: int, need_speech: bool
) -> tuple[int, int] | None:
    """The speaker phrase starting at `pos`, or None when it is not a noun phrase.

    After a reporting verb (`need_speech`) the phrase must be followed by what a speaker
    says: "إن/أن", a colon or a quote (also after ", أمس،"), or a stop phrase such as
    "في بيان", "لـ"; otherwise "نقل الغاز مباشرة" would be a speaker.
    """
    n = len(text)
    i = pos
    while i < n and text[i] in " «\"“'":  # "وفقا لـ«الشرطة»"
        i += 1
    words: list[tuple[int, int]] = []
    speech = False
    while i < n and len(words) < _MAX_NP:
        while i < n and text[i] == " ":
            i += 1
        if i >= n:
            break
        if text[i] in _PUNCT:
            speech = text[i] in ":«\"" or _SPEECH_AFTER_COMMA.match(text, i) is not None
            break
        if lex.stop_phrase_re.match(text, i):
            speech = True
            break
        j = i
        while j < n and text[j] not in " " + _PUNCT:
            j += 1
        w = text[i:j]
        if w in lex.stop:
            speech = True
            break
        if words and (w in lex.not_np or (w[0] in "وف" and w[1:] in lex.not_np | lex.stop)):
            speech = w in lex.not_np and w.endswith("ا")  # "ظريف مخاطبا النواب:"
            break  # "مراقبين فربما" ends the phrase too, but says nothing
        if words and w[0] == "و" and w not in lex.official | lex.titles | lex.media:
            break  # "أفادت الراقي وجلبت": a new clause, not the speaker's name
        if not words and w[0] in "وف" and w[1:] in lex.not_np:
            return None  # "قال وهو يبتسم"
        if any(c.isdigit() for c in w):
            break
        if not words and (w in lex.not_np or not w.isalpha() or len(w) < 2):
            return None
        if not words and w[0] == "ل" and w.endswith(("ه", "ها", "هم", "كم")) and len(w) > 3:
            return None  # "وأوضح لضيفه أن": a prepositional phrase, not the speaker
        words.append((i, j))
        i = j
    if not words or (need_speech and not speech):
        return None
    return words[0][0], words[-1][1]


def _speaker_kind(lex: SourceLexicon, head: str) -> str | None:
    """official | monitor | outlet | generic | person; None: not a citable source."""
    forms = {head, head.removeprefix("ال"), "ال" + head}
    if forms & lex.media:
        return "outlet"
    if forms & lex.official:
        return "official"
    if forms & lex.monitor:
        return "monitor"
    if forms & lex.titles:
        return "person"
    if forms & (lex.nouns.keys() | lex.reporter):
        return "generic"
    return None


def _speakers(lex: SourceLexicon, scan: Scan) -> list[Found]:
    text = scan.text
    out: list[Found] = []
    for regex, need_speech in ((lex.verb_re, True), (lex.prep_re, False)):
        for m in scan.finditer(regex):
            pos = m.end()
            contracted = regex is lex.prep_re and text[pos - 1 : pos + 1] == "لل"
            if contracted:
                pos += 1  # "وفقا للشرطة": ل + (ا)لشرطة
            if contracted and text[pos : pos + 1] == "ا":
                pos -= 1  # "وفقا للائحة" is ل + اللائحة: the word starts with ل
            span = _noun_phrase(lex, text, pos, need_speech)
            if span is None:
                continue
            s, e = span
            phrase = text[s:e].split(" ")
            kind = _speaker_kind(lex, phrase[0])
            if kind == "outlet" and len(phrase) == 1:
                continue  # "قالت وكالة «سانا»": the outlet itself is found by name
            if kind is None:
                # after a verb any noun phrase can speak ("قال البرقان إن"); after "بحسب"
                # or "وفق" only a source-like one ("وفق ضوابط محددة" is not a source)
                if regex is lex.prep_re:
                    continue
                # "الحيدري", "القحطاني": a single nisba surname is a person
                nisba = len(phrase) == 1 and phrase[0].endswith("ي")
                kind = "generic" if phrase[0].startswith("ال") and not nisba else "person"
            name = "ال" + text[s:e] if contracted else text[s:e]
            out.append((s, e, SourceValue(name, kind, outlet=kind == "outlet"), 2))
    return out


def find(doc: Doc, resources: Resources) -> list[Span]:
    """Reporting sources and outlets in `doc`."""
    assert doc.norm is not None, "the text layer must run before the recognisers"
    lex: SourceLexicon = resources.get("source_lexicon")
    text = doc.norm.text
    scan = lex.anchors.scan(text)
    found = _outlets(lex, text) + _cues(lex, scan) + _speakers(lex, scan)
    found.sort(key=lambda f: (f[3], f[0] - f[1], f[0]))
    taken: list[Found] = []
    for f in found:
        if all(f[1] <= t[0] or t[1] <= f[0] for t in taken):
            taken.append(f)
    taken.sort(key=lambda f: f[0])
    spans = []
    for s, e, value, rank in taken:
        span = make_span(doc, s, e, "source", value, COMPONENT)
        if rank:  # anonymous sources and speakers are named by their own words
            contracted = rank == 2 and value.name.startswith("ال") and not span.text.startswith("ال")
            value.name = "ال" + span.text if contracted else span.text
        spans.append(span)
    return spans


@component(COMPONENT)
def recognise_sources(doc: Doc, resources: Resources) -> Doc:
    doc.spans.extend(find(doc, resources))
    return doc
