"""Arabic clitics that may attach to a dictionary name (in normalised spelling).

A name is matched when the letters glued before it form a proclitic sequence and the
letters glued after it form a pronoun suffix; any other attached letters mean the name
is part of a longer, unrelated word and the match is refused.
"""

from __future__ import annotations

# conjunctions (و ف), prepositions (ب ل ك), future س is never on names
_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")

#: proclitics allowed before a name written without the article
BARE_PREFIXES: frozenset[str] = frozenset(c + p for c in _CONJ for p in _PREP)

#: proclitics that carry the article: before a name whose dictionary form starts with ال
#: ("الحشد" -> "بالحشد", "وللحشد" where ل + ال contracts to لل)
ARTICLE_PREFIXES: frozenset[str] = frozenset(
    {c + p + "ال" for c in _CONJ for p in ("", "ب", "ك")} | {c + "لل" for c in _CONJ}
)

#: prefixes that may be written detached before a quoted name: لـ"العربية.نت", بـ"داعش"
DETACHED_PREFIXES: frozenset[str] = frozenset(p for p in BARE_PREFIXES if p)

#: pronoun suffixes (normalised spelling)
PRONOUN_SUFFIXES: frozenset[str] = frozenset(
    {"", "ه", "ها", "هما", "هم", "هن", "ك", "كما", "كم", "كن", "نا", "ي"}
)

#: characters that may stand between a detached prefix and the name
QUOTES = frozenset('"\'«»“”‘’`')

MAX_PREFIX = max(len(p) for p in BARE_PREFIXES | ARTICLE_PREFIXES)
MAX_SUFFIX = max(len(s) for s in PRONOUN_SUFFIXES)


def strip_article(key: str) -> str | None:
    """The name without its leading article, or None when it has none to strip."""
    if key.startswith("ال") and len(key) > 4:
        return key[2:]
    return None
