"""Import a GeoNames dump into a user gazetteer file.

Accepts what https://download.geonames.org/export/dump/ serves: a country zip (SY.zip,
holding SY.txt), allCountries.txt / allCountries.zip, cities500.txt..., and optionally
alternateNamesV2.txt / alternateNamesV2.zip (or the older alternateNames.txt). Places
(feature class P) and first/second-level divisions (ADM1, ADM2) that have an Arabic name,
either in the geoname table's alternatenames column or tagged "ar" in the alternate
names file, are written as one gzipped TSV in the columns of the shipped
geonames_ar.tsv.gz plus `level` and `admin1_name`. The gazetteer loader picks up every
such file in the user gazetteer directory; its cache is keyed on the files, so the next
run rebuilds it.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from marsad.errors import InputError

#: Arabic letters, harakat, space, hyphen; no Persian/Urdu-only letters, no punctuation
ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u0652\u0670 \-]+$")
HEADER = "geonameid\tname_en\tcountry\tadmin1\tlat\tlon\tpopulation\tnames_ar\tlevel\tadmin1_name"
LEVELS = {"ADM1": "admin1", "ADM2": "admin2"}
_GEONAME_COLUMNS = 19


def arabic_names(names: Iterable[str]) -> list[str]:
    """The Arabic-script names among `names`, de-duplicated, in order."""
    out: list[str] = []
    for name in names:
        name = " ".join(name.split())
        if len(name) >= 2 and ARABIC_NAME.match(name) and name not in out:
            out.append(name)
    return out


@dataclass
class ImportResult:
    path: Path
    places: int
    scanned: int


def _is_alternate(name: str) -> bool:
    return Path(name).name.lower().startswith("alternatename")


def _text_members(path: Path) -> Iterator[tuple[str, io.TextIOBase]]:
    """(member name, text stream) for a .txt file or each data .txt inside a .zip."""
    if path.suffix.lower() == ".zip":
        try:
            zf = zipfile.ZipFile(path)
        except zipfile.BadZipFile as exc:
            raise InputError(f"{path} is not a readable zip file ({exc}); download it again") from exc
        with zf:
            for info in zf.infolist():
                base = Path(info.filename).name.lower()
                if not base.endswith(".txt") or base in ("readme.txt", "iso-languagecodes.txt"):
                    continue
                with zf.open(info) as raw:
                    yield info.filename, io.TextIOWrapper(raw, encoding="utf-8")
    else:
        with open(path, encoding="utf-8") as fh:
            yield path.name, fh


def _alternate_arabic(paths: list[Path]) -> dict[int, list[str]]:
    """geonameid -> Arabic names tagged "ar" (historic names left out)."""
    out: dict[int, list[str]] = {}
    for path in paths:
        for _name, fh in _text_members(path):
            for line in fh:
                f = line.rstrip("\n").split("\t")
                if len(f) < 4 or f[2] != "ar":
                    continue
                if len(f) > 7 and f[7] == "1":
                    continue
                try:
                    gid = int(f[1])
                except ValueError:
                    continue
                out.setdefault(gid, []).append(f[3])
    return out


def _geoname_rows(paths: list[Path]) -> Iterator[list[str]]:
    for path in paths:
        for name, fh in _text_members(path):
            for n, line in enumerate(fh, 1):
                f = line.rstrip("\n").split("\t")
                if len(f) != _GEONAME_COLUMNS:
                    raise InputError(
                        f"{path}:{name}:{n}: expected the {_GEONAME_COLUMNS} columns of a GeoNames "
                        f"table, found {len(f)}; pass a country zip, allCountries.txt or cities*.txt"
                    )
                yield f


def import_geonames(files: Iterable[Path], out_dir: Path, *, countries: set[str] | None = None) -> ImportResult:
    """Extract places with Arabic names from GeoNames dump files into `out_dir`."""
    files = [Path(f) for f in files]
    missing = [f for f in files if not f.exists()]
    if missing:
        raise InputError(f"no such file: {', '.join(map(str, missing))}")
    tables = [f for f in files if not _is_alternate(f.name)]
    if not tables:
        raise InputError("give a GeoNames table too (a country zip such as SY.zip, or allCountries.txt)")
    alt = _alternate_arabic([f for f in files if _is_alternate(f.name)])
    rows: list[tuple] = []
    admin1_names: dict[tuple[str, str], str] = {}
    scanned = 0
    for f in _geoname_rows(tables):
        scanned += 1
        fclass, fcode, cc = f[6], f[7], f[8]
        if countries and cc not in countries:
            continue
        if fclass == "P":
            level = "town"
        elif fclass == "A" and fcode in LEVELS:
            level = LEVELS[fcode]
        else:
            continue
        gid = int(f[0])
        names = arabic_names([*alt.get(gid, []), *f[3].split(",")])
        if level == "admin1":
            admin1_names[(cc, f[10])] = f[1]
        if not names:
            continue
        rows.append((gid, f[1], cc, f[10], f[4], f[5], int(f[14] or 0), "|".join(names), level))
    stem = "-".join(sorted({Path(t.name).stem for t in tables}))
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"geonames-{stem}.tsv.gz"
    tmp = out.with_suffix(".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        fh.write(HEADER + "\n")
        for gid, name, cc, a1, lat, lon, pop, names, level in sorted(rows):
            w.writerow([gid, name, cc, a1, lat, lon, pop, names, level, admin1_names.get((cc, a1), "")])
    tmp.replace(out)
    return ImportResult(out, len(rows), scanned)

