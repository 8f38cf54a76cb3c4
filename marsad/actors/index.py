"""The compiled actor resource: the KB plus one PhraseMatcher over every alias,
nationality adjective, "unknown" modifier and blocking phrase.

Payloads are short strings tagged by their first letter:
  a:<id>   an actor alias          g:<CC>  a nationality adjective (الإيرانية)
  n:<CC>   a plural nationality noun that names people (عراقيين)
  u        the modifier "unknown" (مجهولة, مجهولون)
  x        a phrase that is not an actor (blocks shorter matches inside it)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from marsad.actors.kb import KB, read_actor_file
from marsad.actors.states import derive_state_actors
from marsad.registry import resource
from marsad.resources import Resources, cached_build, data_dir, read_tsv
from marsad.text.matcher import PhraseMatcher

UNKNOWN_FORMS = ("مجهول", "مجهولة", "مجهولون", "مجهولين", "مجهولو", "مجهولي الهوية",
                 "مجهولة الهوية", "مجهولو الهوية", "غير معروفة", "غير معروف", "غير معروفين",
                 "مجهولتين", "مجهولتان")

_PLURAL_ENDINGS = ("ون", "ين", "يون", "يين", "ان", "يات")


@dataclass
class ActorIndex:
    kb: KB
    matcher: PhraseMatcher[str]
    blocked: int = 0

    def __len__(self) -> int:
        return len(self.kb)


def actor_files() -> list[Path]:
    return sorted((data_dir() / "actors").glob("*.jsonl"))


def build_kb(extra: tuple[Path, ...] = ()) -> KB:
    kb = KB()
    kb.add(derive_state_actors())
    for path in actor_files():
        kb.add(read_actor_file(path))
    for path in extra:
        kb.add(read_actor_file(path))  # user files last: they override by id
    _yield_derived_aliases(kb)
    return kb


def _yield_derived_aliases(kb: KB) -> None:
    """A derived organ gives up an alias that a curated or user entry also uses
    ("وزارة الدفاع الروسية" is curated as Russia's military)."""
    from dataclasses import replace

    from marsad.text.normalise import normalise_key

    claimed = {normalise_key(al) for a in kb.actors.values() if not a.provenance.startswith("derived")
               for al in a.aliases_ar}
    for aid, a in list(kb.actors.items()):
        if not a.provenance.startswith("derived"):
            continue
        keep = tuple(al for al in a.aliases_ar if normalise_key(al) not in claimed)
        if keep != a.aliases_ar:
            if keep:
                kb.actors[aid] = replace(a, aliases_ar=keep, name_ar=keep[0])
            else:
                del kb.actors[aid]


def _entries(kb: KB) -> list[tuple[str, str]]:
    from marsad.places.countries import countries

    out: list[tuple[str, str]] = []
    for a in kb.actors.values():
        out.extend((alias, f"a:{a.id}") for alias in a.aliases_ar)
    for c in countries().values():
        for g in c.gentilic_ar:
            if g.endswith("اً") or g.endswith("ا"):
                # adverbial "إيرانياً" ("backed by Iran") or the accusative of "جنديا أميركيا":
                # the recogniser takes it only after an accusative head
                out.append((g, f"ga:{c.iso2}"))
                continue
            out.append((g, f"g:{c.iso2}"))
            out.append(("ال" + g, f"g:{c.iso2}"))
            if g.endswith(_PLURAL_ENDINGS):  # "عراقيين", "المصريات": people of that nationality
                out.append((g, f"n:{c.iso2}"))
                out.append(("ال" + g, f"n:{c.iso2}"))
    for u in UNKNOWN_FORMS:
        out.append((u, "u"))
        out.append(("ال" + u, "u"))
    path = data_dir() / "actors" / "not_actors.tsv"
    if path.exists():
        out.extend((row["phrase"], "x") for row in read_tsv(path))
    return out


def compile_index(extra: tuple[Path, ...] = ()) -> ActorIndex:
    kb = build_kb(extra)
    return ActorIndex(kb, PhraseMatcher(_entries(kb)))


@resource("actors")
def load_actors(resources: Resources) -> ActorIndex:
    """Load the KB once per process; cache the compiled trie by the files' content."""
    from marsad.resources import data_path

    # the code that shapes the cached objects is part of the key: a changed class never
    # comes back from an old pickle
    code = [Path(__file__), Path(__file__).with_name("kb.py"), Path(__file__).with_name("states.py")]
    inputs = [*actor_files(), data_path("places", "countries.tsv"), *resources.extra_actor_files, *code]
    blocker = data_dir() / "actors" / "not_actors.tsv"
    if blocker.exists():
        inputs.append(blocker)
    extra = tuple(resources.extra_actor_files)
    return cached_build("actors", inputs, lambda: compile_index(extra), salt="actors-index-1")
