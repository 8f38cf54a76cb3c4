"""Field mappings for known corpora: ours -> the input's field names."""

from __future__ import annotations

PRESETS: dict[str, dict[str, str]] = {
    # SaudiNewsNet (Alshehri, 2015): 31,030 articles from 14 Saudi newspapers
    "saudinewsnet": {"text": "content", "published": "date_extracted", "url": "url",
                     "title": "title", "outlet": "source"},
    # GDELT-style scraped dumps and many crawlers
    "article": {"text": "body", "published": "date", "url": "url", "title": "title",
                "outlet": "source"},
}


def field_map_for(preset: str | None, overrides: dict[str, str] | None = None) -> dict[str, str]:
    if preset is not None and preset not in PRESETS:
        raise ValueError(f"unknown preset {preset!r}; choose one of {', '.join(sorted(PRESETS))}")
    out = dict(PRESETS.get(preset or "", {}))
    out.update(overrides or {})
    return out
