"""The coder's data: triggers, families, context cues and modality cues, compiled once.

All four are TSV files under `marsad/data/coder/`; this module turns them into
PhraseMatchers and lookup tables and registers them as the resource "coder".
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.registry import resource
from marsad.resources import Resources, data_path, read_tsv
from marsad.text.clitics import BARE_PREFIXES, PRONOUN_SUFFIXES
from marsad.text.matcher import PhraseMatcher
from marsad.text.normalise import normalise_key

#: verb endings: subject markers, then an optional object pronoun
_SUBJECT = ("", "ت", "وا", "ا", "تا", "ن", "نا", "تم", "و", "ون", "ين", "ان", "تا")
VERB_SUFFIXES = frozenset(s + p for s in _SUBJECT for p in PRONOUN_SUFFIXES)
#: the future prefix س may sit on a verb (after و / ف)
VERB_PREFIXES = BARE_PREFIXES | {"س", "وس", "فس"}
#: nouns also take the accusative alif ("هجوما") and the dual / plural endings
NOUN_SUFFIXES = PRONOUN_SUFFIXES | {"ا", "ين", "ان", "ات"}


#: trigger strengths that make a protest only with people protesting (triggers.tsv)
CROWD_STRENGTHS = frozenset({"crowd", "display"})


@dataclass(frozen=True, slots=True)
class Trigger:
    form: str
    pos: str  # n | v | p (a masdar told only after قام with ب; triggers.tsv)
    family: str
    strength: str  # strong | weak | crowd | display | consequence | participant (triggers.tsv)


@dataclass(frozen=True, slots=True)
class Family:
    name: str
    event_type: str
    sub_event_type: str
    plover_type: str
    plover_mode: str | None
    group: str
    rank: int


@dataclass(frozen=True, slots=True)
class ModalityCue:
    cue: str
    modality: str
    scope: str  # before | order (before, and the trigger carries ب) | clause | sentence
    window: int  # words; 0 = anywhere before


@dataclass(frozen=True, slots=True)
class VictimNoun:
    noun: str
    number: int  # 1 for a bare singular ("مقتل جندي"), 0 for plurals
    sector: str
    inter: int
    name: str  # with {country}


@dataclass(frozen=True, slots=True)
class DefaultActor:
    """ACLED's generic actor1 for an event whose text names no perpetrator."""

    sector: str
    inter: int
    name: str  # may hold {country}


@dataclass(frozen=True)
class CoderLexicon:
    nouns: PhraseMatcher[Trigger]
    verbs: PhraseMatcher[Trigger]
    periphrastic: PhraseMatcher[Trigger]  # pos p: "قام المتظاهرون بالتجمع"
    families: dict[str, Family]
    cues: PhraseMatcher[str]
    modality: PhraseMatcher[ModalityCue]
    victims: PhraseMatcher[VictimNoun]
    gentilics: PhraseMatcher[str]  # nationality adjective -> ISO2
    default_actor1: dict[tuple[str, str], DefaultActor]  # (event type, sub-event type or '*')
    not_triggers: frozenset[str]  # whole normalised words that only look like triggers


def load_lexicon() -> CoderLexicon:
    triggers = [
        Trigger(r["form"], r["pos"], r["family"], r["strength"])
        for r in read_tsv(data_path("coder", "triggers.tsv"))
    ]
    families = {
        r["family"]: Family(
            r["family"],
            r["event_type"],
            r["sub_event_type"],
            r["plover_type"],
            r["plover_mode"] or None,
            r["group"],
            int(r["rank"]),
        )
        for r in read_tsv(data_path("coder", "families.tsv"))
    }
    unknown = {t.family for t in triggers} - set(families)
    if unknown:
        from marsad.errors import ResourceError

        raise ResourceError(f"triggers.tsv uses families missing from families.tsv: {unknown}")
    cues = [(r["cue"], r["role"]) for r in read_tsv(data_path("coder", "cues.tsv"))]
    modality = [
        (r["cue"], ModalityCue(r["cue"], r["modality"], r["scope"], int(r["window"] or 0)))
        for r in read_tsv(data_path("coder", "modality.tsv"))
    ]
    victims = [
        (r["noun"], VictimNoun(r["noun"], int(r["number"]), r["sector"], int(r["inter"]), r["name"]))
        for r in read_tsv(data_path("coder", "victims.tsv"))
    ]
    default_actor1 = {
        (r["event_type"], r["sub_event_type"]): DefaultActor(r["sector"], int(r["inter"]), r["name"])
        for r in read_tsv(data_path("coder", "default_actor1.tsv"))
    }
    from marsad.places.countries import countries

    gentilics = [(g, c.iso2) for c in countries().values() for g in c.gentilic_ar]
    return CoderLexicon(
        nouns=PhraseMatcher(
            [(t.form, t) for t in triggers if t.pos == "n"], suffixes=NOUN_SUFFIXES
        ),
        verbs=PhraseMatcher(
            [(t.form, t) for t in triggers if t.pos == "v"],
            suffixes=VERB_SUFFIXES,
            prefixes=VERB_PREFIXES,
        ),
        periphrastic=PhraseMatcher(
            [(t.form, t) for t in triggers if t.pos == "p"], suffixes=NOUN_SUFFIXES
        ),
        families=families,
        cues=PhraseMatcher(cues, suffixes=PRONOUN_SUFFIXES),
        # cues take only a conjunction: "كما" (as) is not the negation "ما"
        modality=PhraseMatcher(modality, suffixes=frozenset({""}), prefixes=frozenset({"", "و", "ف"})),
        victims=PhraseMatcher(victims),
        gentilics=PhraseMatcher(gentilics, suffixes=frozenset({""})),
        default_actor1=default_actor1,
        not_triggers=frozenset(
            normalise_key(r["word"]) for r in read_tsv(data_path("coder", "not_triggers.tsv"))
        ),
    )


@resource("coder")
def _load(resources: Resources) -> CoderLexicon:
    return load_lexicon()
