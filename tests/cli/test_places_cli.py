"""`marsad places lookup` and `marsad places import-geonames` on a synthetic GeoNames dump."""

from __future__ import annotations

import gzip
import json
import zipfile

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.extract import make_doc
from marsad.pipeline import run_pipeline
from marsad.places.gazetteer import load_gazetteer
from marsad.recognise.places import find
from marsad.resources import Resources

runner = CliRunner()


def geoname_row(gid, name, alternates, lat, lon, fclass, fcode, cc, admin1, population):
    # the 19 columns of a GeoNames table
    return "\t".join(
        [str(gid), name, name, ",".join(alternates), str(lat), str(lon), fclass, fcode, cc, "",
         admin1, "", "", "", str(population), "", "250", "Asia/Damascus", "2024-01-01"]
    )


@pytest.fixture
def user_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("MARSAD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path


@pytest.fixture
def sy_zip(tmp_path):
    rows = [
        # a village the shipped index does not have; Arabic only in alternateNamesV2
        geoname_row(9900001, "Khirbat al-Tajriba", ["Khirbat at Tajriba"], 35.1, 40.2, "P", "PPL", "SY", "07", 1200),
        # Arabic in the table's own alternatenames column
        geoname_row(9900002, "Tall Tajribi", ["تل تجريبي", "Tall Tajribi"], 35.2, 40.3, "P", "PPL", "SY", "07", 800),
        # a division
        geoname_row(9900003, "Muhafazat Tajriba", ["محافظة تجريبة"], 35.0, 40.0, "A", "ADM1", "SY", "99", 0),
        # no Arabic name at all: left out
        geoname_row(9900004, "Nowhere", ["Nowhere"], 35.3, 40.4, "P", "PPL", "SY", "07", 5000),
        # a stream: not a place or division, left out
        geoname_row(9900005, "Wadi Tajriba", ["وادي تجريبة"], 35.3, 40.4, "H", "STM", "SY", "07", 0),
    ]
    path = tmp_path / "SY.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("SY.txt", "\n".join(rows) + "\n")
        zf.writestr("readme.txt", "GeoNames test dump\n")
    alt = tmp_path / "alternateNamesV2.txt"
    alt.write_text(
        "1\t9900001\tar\tخربة التجربة\t1\t\t\t\t\t\n"
        "2\t9900001\ten\tKhirbat Tajriba\t\t\t\t\t\t\n"
        "3\t9900001\tar\tخربة قديمة\t\t\t\t1\t\t\n",  # historic: left out
        encoding="utf-8",
    )
    return path, alt


def test_places_cli_import_geonames_writes_user_gazetteer(user_dirs, sy_zip):
    zpath, alt = sy_zip
    result = runner.invoke(app, ["places", "import-geonames", str(zpath), str(alt)])
    assert result.exit_code == 0, result.output
    assert "3 places" in result.output
    (out,) = (user_dirs / "data" / "gazetteer").glob("*.tsv.gz")
    with gzip.open(out, "rt", encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    rows = {line.split("\t")[0]: line.split("\t") for line in lines[1:]}
    assert set(rows) == {"9900001", "9900002", "9900003"}
    assert rows["9900001"][7] == "خربة التجربة"  # the historic name is not there
    assert rows["9900003"][8] == "admin1"


def test_places_cli_imported_places_are_found_in_text(user_dirs, sy_zip):
    zpath, alt = sy_zip
    assert runner.invoke(app, ["places", "import-geonames", str(zpath), str(alt)]).exit_code == 0
    gaz = load_gazetteer()
    assert [p.geonameid for p in gaz.lookup("خربة التجربة")] == [9900001]
    resources = Resources()
    doc = run_pipeline(make_doc("قصفت قوات النظام السوري قرية خربة التجربة في ريف دير الزور"), resources, ["marsad.text.v1"])
    spans = {s.text: s.value for s in find(doc, resources)}
    assert spans["خربة التجربة"].geonameid == 9900001
    assert spans["خربة التجربة"].country == "SY"


def test_places_cli_lookup_json(user_dirs):
    result = runner.invoke(app, ["places", "lookup", "طرابلس", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert {r["country"] for r in rows} >= {"LY", "LB"}
    assert rows[0]["country"] == "LY"  # the most populous first


def test_places_cli_lookup_unknown_name_fails(user_dirs):
    result = runner.invoke(app, ["places", "lookup", "لامكانيستان"])
    assert result.exit_code == 1


def test_places_cli_import_rejects_a_file_that_is_not_geonames(user_dirs, tmp_path):
    bad = tmp_path / "allCountries.txt"
    bad.write_text("this is not a geonames table\n", encoding="utf-8")
    result = runner.invoke(app, ["places", "import-geonames", str(bad)])
    assert result.exit_code == 2
    assert "19 columns" in result.output
