#!/usr/bin/env bash
# The store's end-to-end demonstration: from a fresh SQLite database, ingest the worked
# example, N SaudiNewsNet articles and a folder of deliberately broken files; run; export
# CSV and GeoJSON; check that the counts add up. Everything is written under a temporary
# folder (the corpus is read, never copied into the repository).
#   bash benchmarks/store_demo.sh [N=5000] [WORKERS=2]
set -euo pipefail
N="${1:-5000}"; WORKERS="${2:-2}"
SHARED="${MARSAD_SHARED:-$(cd "$(dirname "$0")/../.." && pwd)/shared}"
WORK="$(mktemp -d)"; DB="$WORK/marsad.db"; IN="$WORK/in"; BROKEN="$IN/broken"
mkdir -p "$BROKEN"
SEED="$SHARED/seed/bukamal_strikes.txt"
{ zcat "$SHARED/corpora/saudinewsnet/saudinewsnet.jsonl.gz" || true; } | head -n "$N" > "$IN/saudinewsnet-$N.jsonl"
: > "$BROKEN/empty.txt"
printf '\x00\x01\x02PK\x03\x04\x00\x00binary' > "$BROKEN/binary.txt"
printf 'Air strikes hit militia positions near the border.\n' > "$BROKEN/english.txt"
printf 'غارات على البوكمال\nقصف مواقع الميليشيات' | iconv -f utf-8 -t cp1256 > "$BROKEN/windows-1256.txt"
printf 'غارات على البوكمال\nقصف مواقع الميليشيات' | iconv -f utf-8 -t utf-16 > "$BROKEN/utf-16.txt"
python3 -c "print('غارة ' * 500000)" > "$BROKEN/huge.txt"
printf '{"content": "غارات على\n[1, 2]\n{"title": "no content field"}\n' > "$BROKEN/bad-lines.jsonl"
{ head -n 30 "$IN/saudinewsnet-$N.jsonl" | gzip || true; } | head -c 20000 > "$BROKEN/truncated.jsonl.gz"
printf '<html><head><script>var junk="إعلان";</script></head><body><nav>الرئيسية</nav><article><p>قالت مصادر محلية إن غارات جوية استهدفت مواقع للميليشيات في مدينة البوكمال بريف دير الزور الشرقي ليل الاثنين.</p></article></body></html>' > "$BROKEN/page.html"
printf 'WARC/1.0\r\nnot really a warc' > "$BROKEN/bad.warc"
echo "work dir: $WORK"
# the worked example carries no date or outlet of its own: say them (Al Arabiya, 17 Sep 2019)
marsad ingest "$SEED" --db "$DB" --published 2019-09-17 --outlet "العربية.نت" --json | tee "$WORK/seed.json"
time marsad ingest "$IN" --db "$DB" --preset saudinewsnet --json | tee "$WORK/ingest.json"
time marsad run --db "$DB" --workers "$WORKERS" --json | tee "$WORK/run.json"
marsad export --db "$DB" --format csv -o "$WORK/events.csv"
marsad export --db "$DB" --format geojson -o "$WORK/events.geojson"
python3 - "$DB" "$WORK" <<'PY'
import json, sys
from marsad.store import Store
store = Store(sys.argv[1]); c = store.counts()
seed = json.load(open(f"{sys.argv[2]}/seed.json")); run = json.load(open(f"{sys.argv[2]}/run.json"))
ing = json.load(open(f"{sys.argv[2]}/ingest.json"))
for k in ("read", "stored", "duplicates", "quarantined"):
    ing[k] += seed[k]
ing["adds_up"] = ing["adds_up"] and seed["adds_up"]
print("documents", c["documents"], "duplicates", c["duplicates"], "quarantined", c["quarantined"],
      store.quarantine_by_reason())
print("read", ing["read"], "= stored", ing["stored"], "+ duplicates", ing["duplicates"],
      "+ quarantined", ing["quarantined"], "->", ing["adds_up"])
print("coded", run["coded"], "failed", run["failed"], "of", c["documents"], "; mentions",
      c["mentions"], "; canonical events", c["events"])
assert ing["adds_up"] and run["coded"] + run["failed"] == c["documents"] == ing["stored"]
PY
wc -l "$WORK/events.csv"
