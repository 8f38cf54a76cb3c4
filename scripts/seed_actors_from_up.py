"""Cross-check the actor KB against the UniversalPetrarch Arabic actor dictionary (MIT)
and list UniversalPetrarch actors the KB lacks, as candidates for curation.

    python scripts/seed_actors_from_up.py ../shared/data/universalpetrarch-arabic/actor_dict_ar_v4.txt \
        --candidates /tmp/up_candidates.tsv

The dictionary is raw material: names are partly lemmatised ("وزارة_دفاع_أميركي_"), codes
are CAMEO (country alpha-3 + sector, e.g. IRQGOV) and many date ranges are broken
(end before start). Nothing is copied into the KB automatically: an entry taken from the
candidates gets an English name, kind, dates checked by hand, and the provenance
"seeded:universalpetrarch; <what was corrected>".
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

_CODE = re.compile(r"\[([A-Z~]+)(?:\s+(\d{8})-(\d{8}))?\]")


@dataclass
class UpActor:
    name: str
    codes: list[tuple[str, str | None, str | None]] = field(default_factory=list)

    @property
    def lemmatised(self) -> bool:
        return self.name.endswith("_") is False and "_" in self.name


def parse(path: Path) -> list[UpActor]:
    out: list[UpActor] = []
    cur: UpActor | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if raw.startswith(("\t", " ")) and raw.strip().startswith("[") and cur is not None:
            m = _CODE.search(raw)
            if m:
                cur.codes.append((m.group(1), m.group(2), m.group(3)))
            continue
        name = _CODE.split(raw)[0].strip()
        cur = UpActor(name)
        for m in _CODE.finditer(raw):
            cur.codes.append((m.group(1), m.group(2), m.group(3)))
        out.append(cur)
    return out


def surface(name: str) -> str:
    return " ".join(name.replace("_", " ").split())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dictionary", type=Path)
    ap.add_argument("--candidates", type=Path, help="write UP actors missing from the KB (TSV)")
    args = ap.parse_args(argv)

    from marsad.actors.index import build_kb
    from marsad.places.countries import iso3
    from marsad.text.normalise import normalise_key

    kb = build_kb()
    table = kb.alias_table()
    up = parse(args.dictionary)
    stats: Counter[str] = Counter()
    missing = []
    for a in up:
        if not a.codes:
            continue
        stats["with_codes"] += 1
        ids = table.get(normalise_key(surface(a.name)))
        if not ids:
            missing.append(a)
            continue
        stats["in_kb"] += 1
        ours = kb.get(ids[0])
        code = a.codes[-1][0].lstrip("~")
        their_country, their_sector = code[:3], code[3:6] or None
        our_country = iso3(ours.country) if ours and ours.country else None
        if our_country and len(their_country) == 3 and their_country.isalpha():
            stats["country_compared"] += 1
            stats["country_agree"] += our_country == their_country
        if their_sector and ours and ours.sector:
            stats["sector_compared"] += 1
            stats["sector_agree"] += their_sector == ours.sector
    print(dict(stats))
    if args.candidates:
        with open(args.candidates, "w", encoding="utf-8") as fh:
            fh.write("name\tsurface\tcodes\n")
            for a in missing:
                codes = ";".join(f"{c}:{s or ''}-{e or ''}" for c, s, e in a.codes)
                fh.write(f"{a.name}\t{surface(a.name)}\t{codes}\n")
        print(f"{len(missing)} candidates written to {args.candidates}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
