"""Recogniser: numbers and what they count.

Finds digits (Arabic-Indic digits are already ASCII in `doc.norm`), number words and
their compounds ("خمسة وعشرين"), vague quantities ("عشرات" = 10, ACLED's convention) and
dual nouns ("جنديين" = 2); links each to the noun it counts and gives it a category:
killed, injured, arrested, kidnapped, people, unit or other. A unit ("5 طوابق",
"100 كلم", "30 عاما") is never a toll; a year ("2015") and a number inside a date are not
counts at all. Word lists are data (`number_words.tsv`, `counted_nouns.tsv`,
`number_cues.tsv`); the rules are here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.doc import Doc, NumberValue, Span
from marsad.recognise import make_span
from marsad.recognise.numbers_words import Token, can_join, parse_digits, value_of
from marsad.recognise.wordlists import (
    B0,
    B1,
    Anchored,
    Anchors,
    Scan,
    alternation,
    lexicon,
    norm,
    strip_prefix,
    words_after,
    words_before,
)
from marsad.registry import component, resource
from marsad.resources import Resources

COMPONENT = "marsad.numbers.v1"

_TOLL = ("killed", "injured", "arrested", "kidnapped")
_CLAUSE = ".!?;:\n,"
#: words between a number and its noun that do not stop the link ("عشرة من الجنود")
_BRIDGE = frozenset(norm(w) for w in ("من",))
#: words that never are a counted noun
_NOT_NOUN = frozenset(
    norm(w)
    for w in (
        "في على الى إلى عن من مع او أو و ثم بين حتى منذ خلال بعد قبل عند الذي التي الذين ما لا "
        "لم لن قد كما هذا هذه ذلك تلك هو هي هم كان كانت يوم أمس اليوم جراء بالإضافة يوميا"
    ).split()
)


@dataclass(frozen=True)
class NumberLexicon:
    words: dict[str, tuple[float, str]]  # normalised word -> (value, kind)
    nouns: dict[str, tuple[str, str, str]]  # normalised noun -> (lemma, category, number)
    duals: dict[str, tuple[str, str]]  # normalised dual noun -> (lemma, category)
    before: dict[str, str]  # cue before the number -> category
    after: dict[str, str]  # cue after the counted noun -> category
    anchors: Anchors  # the two patterns run only around number words, digits, duals
    token_re: Anchored
    dual_re: Anchored
    approx_before_re: re.Pattern[str]
    approx_after_re: re.Pattern[str]
    labels: frozenset[str]  # a noun that a number names, not counts: "القائمة 23"


@resource("number_lexicon")
def load_number_lexicon(resources: Resources) -> NumberLexicon:
    words = {norm(r["word"]): (float(r["value"]), r["kind"]) for r in lexicon("number_words.tsv")}
    nouns: dict[str, tuple[str, str, str]] = {}
    for r in lexicon("counted_nouns.tsv"):
        key = norm(r["noun"])
        nouns.setdefault(key, (norm(r["lemma"]), r["category"], r["number"]))
    duals = {k: (lem, cat) for k, (lem, cat, num) in nouns.items() if num == "dual"}
    cues = lexicon("number_cues.tsv")
    before = {norm(r["cue"]): r["category"] for r in cues if r["kind"] == "before"}
    after = {norm(r["cue"]): r["category"] for r in cues if r["kind"] == "after"}
    appr_b = [r["cue"] for r in cues if r["kind"] == "approx_before"]
    appr_a = [r["cue"] for r in cues if r["kind"] == "approx_after"]
    labels = frozenset(norm(r["cue"]) for r in cues if r["kind"] == "label")
    token_re = re.compile(
        rf"{B0}(?:(?P<wp>[وب])?(?P<word>{alternation(words)})|(?P<dp>[وبلك])?"
        rf"(?P<digits>\d+(?:[.,]\d+)*))(?!\w)"
    )
    dual_re = re.compile(rf"{B0}(?:[وفبل]|ال|وال|بال|لل)?(?P<noun>{alternation(duals)}){B1}")
    approx_before_re = re.compile(rf"{B0}[وف]?(?P<cue>{alternation(appr_b)})\s*$")
    approx_after_re = re.compile(rf"\s*(?P<cue>{alternation(appr_a)}){B1}")
    anchors = Anchors()
    token_spec = anchors.add(token_re, words, 3, 3, digits=True)
    dual_spec = anchors.add(dual_re, duals, 4, 2)
    return NumberLexicon(
        words, nouns, duals, before, after, anchors.build(), token_spec, dual_spec,
        approx_before_re, approx_after_re, labels,
    )


# --- tokens and runs ------------------------------------------------------------------------


def _tokens(lex: NumberLexicon, scan: Scan) -> list[Token]:
    text = scan.text
    out: list[Token] = []
    for m in scan.finditer(lex.token_re):
        if m["word"] is not None:
            value, kind = lex.words[m["word"]]
            out.append(Token(m.start("word"), m.end("word"), value, kind, m["wp"] == "و"))
        else:
            s, e = m.start("digits"), m.end("digits")
            # dates, clock times, scores and ranges belong to someone else
            if (s > 0 and text[s - 1] in "/:") or (e < len(text) and text[e] in "/:"):
                continue
            v = parse_digits(m["digits"])
            if v is not None:
                out.append(Token(s, e, v, "digit", m["dp"] == "و"))
    return out


def _runs(tokens: list[Token], text: str) -> list[list[Token]]:
    runs: list[list[Token]] = []
    for t in tokens:
        if runs:
            prev = runs[-1][-1]
            gap = text[prev.end : t.start]
            if gap.strip() in ("", "و") and len(gap) <= 3 and can_join(prev, t):
                runs[-1].append(t)
                continue
        runs.append([t])
    return runs


# --- the counted noun and the category --------------------------------------------------------


def _lookup(lex: NumberLexicon, word: str) -> tuple[str, tuple[str, str, str]] | None:
    for w in (word, word[:-1] if word.endswith("ا") else "", word[2:] if word.startswith("ال") else ""):
        if w and w in lex.nouns:
            return w, lex.nouns[w]
        if w.startswith("ال") and w[2:] in lex.nouns:
            return w[2:], lex.nouns[w[2:]]
    return None


def _counted(
    lex: NumberLexicon, text: str, end: int
) -> tuple[str | None, str | None, int | None, int | None]:
    """(noun, category, start, end) of the noun counted by a number ending at `end`."""
    if end < len(text) and text[end] == "%" or text[end : end + 2] == " %":
        i = text.index("%", end)
        return "%", "unit", i, i + 1
    after = words_after(text, end, 5)
    i = 0
    while i < len(after) - 1 and text[after[i][0] : after[i][1]] in _BRIDGE:
        i += 1
    if i < len(after) - 1:  # a range or pair: "بين 20 و25 شخصا", "ثلاثة او أربعة جنود"
        w = text[after[i][0] : after[i][1]]
        rest = w[1:] if w[:1] == "و" else ""
        if rest.isdigit() or rest in lex.words or w in ("او", "الي"):
            i += 2 if w in ("او", "الي") else 1
            if i >= len(after):
                return None, None, None, None
    for j in range(i, min(i + 1, len(after))):  # the noun follows at once
        s, e = after[j]
        w = text[s:e]
        if j + 1 < len(after):  # two-word nouns: "في المئة", "كيلو متر"
            s2, e2 = after[j + 1]
            two = _lookup(lex, f"{w} {text[s2:e2]}")
            if two and text[e:s2] == " ":
                return two[0], two[1][1], s, e2
        hit = _lookup(lex, w)
        if hit:
            return hit[0], hit[1][1], s, e
        bare = w[1:] if w[0] in "وف" else w
        if bare in lex.before or bare in lex.after or bare in lex.words:
            break  # "مقتل 5 وإصابة 10": the next word starts another phrase
        if w not in _NOT_NOUN and w.isalpha() and len(w) > 2 and w[0] != "و":
            return w, None, s, e  # an unknown noun; "وجرحوا" starts a new clause
    return None, None, None, None


def _cue(table: dict[str, str], words: list[tuple[int, int]], text: str) -> str | None:
    """The category of the nearest cue among `words` (nearest first)."""
    for k, (s, e) in enumerate(words):
        w = text[s:e]
        cands = [w]
        if k + 1 < len(words):  # a two-word cue ending here: "أودى بحياة", "القبض على"
            ps, pe = words[k + 1]
            cands.insert(0, f"{text[ps:pe]} {w}")
        if k > 0:
            ns, ne = words[k - 1]
            cands.insert(0, f"{w} {text[ns:ne]}")
        for c in cands:
            for form in (c, c[1:] if c[:1] in "وفبل" else "", c[2:] if c[:2] in ("وب", "ول") else ""):
                if form and form in table:
                    return table[form]
    return None


def _categorise(
    lex: NumberLexicon, text: str, start: int, noun_cat: str | None, noun_end: int
) -> str:
    if noun_cat in (*_TOLL, "unit", "other"):
        return noun_cat  # type: ignore[return-value]  # "سقوط 3 صواريخ" is not a toll
    # cues stay inside the clause: "فتوى بقتل، ستصل إلى عشرات الصفحات" is no toll; a cue
    # after the noun counts only up to the next number or cue ("مقتل ثلاثة أشخاص وإصابة
    # ستة آخرين بجروح": بجروح belongs to the six)
    following = words_after(text, noun_end, 4, stop=_CLAUSE)
    for k, (ws, we) in enumerate(following):
        w = text[ws:we]
        bare = w[1:] if w[:1] in "وف" else w
        after = _cue(lex.after, following[k : k + 1], text)
        if after and not w[0].isdigit():
            return after  # first, as "قتلوا" is both: "3 حوثيين على الأقل قتلوا"
        if w[0].isdigit() or bare in lex.words or bare in lex.before:
            break
    before = _cue(lex.before, words_before(text, start, 4, stop=_CLAUSE), text)
    if before:
        return before
    return noun_cat or "other"


# --- the recogniser ---------------------------------------------------------------------------

_POSSESSED = re.compile(r"\w{3,}(?:ها|هم|هما|هن|نا)$")


def _one_of(text: str, end: int) -> str | None:
    """How "أحد" at `end` takes one of a group: "definite" before a definite noun ("أحد
    الجنود"), "construct" before a noun with a possessive or a definite complement ("أحد
    أفرادها", "أحد أفراد الشرطة"), None otherwise ("لم يصب أحد", "أحد من الركاب")."""
    nxt = [text[a:b] for a, b in words_after(text, end, 2)]
    if not nxt:
        return None
    if nxt[0].startswith("ال"):
        return "definite"
    if _POSSESSED.fullmatch(nxt[0]) or (len(nxt) > 1 and len(nxt[0]) > 3 and nxt[1].startswith("ال")):
        return "construct"
    return None


_YEAR = re.compile(r"\d{4}")


def find(doc: Doc, resources: Resources) -> list[Span]:
    """Numbers in `doc` with the noun each counts and its category."""
    assert doc.norm is not None, "the text layer must run before the recognisers"
    lex: NumberLexicon = resources.get("number_lexicon")
    text = doc.norm.text
    # numbers inside a date are not counts ("9 أيلول", "عام 2014")
    in_time = [
        (doc.norm.from_original(s.start), doc.norm.from_original(s.end))
        for s in doc.spans
        if s.kind == "time"
    ]
    spans: list[Span] = []
    used: list[tuple[int, int]] = []
    scan = lex.anchors.scan(text)
    for run in _runs(_tokens(lex, scan), text):
        s, e = run[0].start, run[-1].end
        if any(ts <= s and e <= te for ts, te in in_time):
            continue
        first = text[s:e]
        one_of = None
        if first in ("احد", "احدي"):
            # "أحد الجنود", "أحد أفرادها", "أحد أفراد الشرطة" count one; "لم يصب أحد" counts
            # nobody
            one_of = _one_of(text, e)
            if one_of is None:
                continue
            prev = words_before(text, s, 1)
            if prev and text[prev[0][0] : prev[0][1]] in ("لم", "لا", "ولا", "ما"):
                continue
        prev = words_before(text, s, 1)
        if prev and strip_prefix(text[prev[0][0] : prev[0][1]], lex.labels):
            continue  # "مطلوب القائمة 23", "القرار 2216": a name, not a count
        if first in ("واحد", "واحده") and not text.startswith(" من ", e):
            continue  # "مؤسسة عسكرية واحدة": an adjective, not a count
        value, approximate = value_of(run)
        noun, cat, ns, ne = _counted(lex, text, e)
        if s > 0 and text[s - 1] == "%":  # "%21"
            noun, cat, ns, ne = "%", "unit", s - 1, s
        if len(run) == 1 and run[0].kind == "digit" and _YEAR.fullmatch(first):
            if (1900 <= value <= 2100 or 1300 <= value <= 1500) and cat is None:
                continue  # a year, not a count
        start = s
        m = lex.approx_before_re.search(text, max(0, s - 25), s)
        if m:
            approximate, start = True, m.start("cue")
        tail = ne if ne is not None else e
        if lex.approx_after_re.match(text, tail):
            approximate = True
        category = _categorise(lex, text, start, cat, tail)
        if one_of == "construct" and category not in _TOLL:
            continue  # "أحد مسؤولي الحركة" names a person; only a toll counts him
        val = NumberValue(value, approximate, noun, None, None, category)
        if ns is not None and ne is not None:
            val.counted_start, val.counted_end = doc.norm.to_original(ns, ne)
        spans.append(make_span(doc, start, e, "number", val, COMPONENT))
        used.append((start, tail))
    # dual nouns count two: "مقتل جنديين", "قتيلين"
    for m in scan.finditer(lex.dual_re):
        s, e = m.start("noun"), m.end("noun")
        if any(us <= s < ue for us, ue in used) or any(ts <= s < te for ts, te in in_time):
            continue
        lemma, cat = lex.duals[m["noun"]]
        category = _categorise(lex, text, m.start(), cat, e)
        os, oe = doc.norm.to_original(s, e)
        val = NumberValue(2, False, m["noun"], os, oe, category)
        spans.append(make_span(doc, s, e, "number", val, COMPONENT))
    spans.sort(key=lambda sp: sp.start)
    return spans


@component(COMPONENT)
def recognise_numbers(doc: Doc, resources: Resources) -> Doc:
    doc.spans.extend(find(doc, resources))
    return doc
