"""Reading a run of Arabic number tokens as one value.

"خمسة وعشرين" = 25, "ثلاثمائة وخمسين" = 350, "ثلاث مائة" = 300, "ألفين" = 2000,
"5 آلاف" = 5000, "2.5 مليون" = 2,500,000, "عشرات الآلاف" = 10,000 (approximate).
Tokens come from the regex in `numbers.py`; this module only combines them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Token:
    start: int  # normalised offsets of the number itself (without a و/ب prefix)
    end: int
    value: float
    kind: str  # digit | unit | ten | teen | hundred | scale | approx
    joined: bool  # written with a و prefix ("وعشرين")


def parse_digits(tok: str) -> float | None:
    """"1,500" -> 1500, "2.5" and "2,5" -> 2.5, "12" -> 12; None for anything else."""
    parts = tok.split(",")
    if len(parts) > 1:
        if len(parts[0]) <= 3 and all(len(p) == 3 and p.isdigit() for p in parts[1:]):
            tok = "".join(parts)
        elif len(parts) == 2 and "." not in tok:
            tok = ".".join(parts)  # a decimal comma: "2,4 مليار"
        else:
            return None
    try:
        return float(tok)
    except ValueError:
        return None


def can_join(prev: Token, nxt: Token) -> bool:
    """Whether `nxt` continues the number that `prev` ends."""
    if nxt.joined:  # "خمسة وعشرين", "ثلاثمائة وخمسين", "ألفين وخمسمائة"
        if prev.kind == "digit" or nxt.kind == "digit":
            return False  # "3 و4" is a list
        if prev.kind == "unit":
            return nxt.kind == "ten"
        if prev.kind in ("hundred", "scale"):
            return nxt.value < prev.value and nxt.kind != "scale"
        return False
    if nxt.kind == "scale":  # "خمسة آلاف", "5 ملايين", "عشرات الآلاف"
        return prev.kind in ("digit", "unit", "ten", "teen", "hundred", "approx")
    if nxt.kind == "hundred":  # "ثلاث مائة"
        return prev.kind == "unit"
    if nxt.kind == "approx" and nxt.value >= 1000:  # "عشرات الآلاف"
        return prev.kind in ("approx", "digit", "unit", "ten", "teen")
    return False


def value_of(tokens: list[Token]) -> tuple[int, bool]:
    """The value of a joined run, and whether it is approximate."""
    total = 0.0
    current = 0.0
    approximate = False
    prev: Token | None = None
    for t in tokens:
        if t.kind == "approx":
            approximate = True
            if current and t.value >= 1000:  # "عشرات الآلاف"
                total += current * t.value
                current = 0
            else:
                current += t.value
        elif t.kind == "scale":
            if current and not t.joined:
                # "ألفين" / "مليونين" already carry their multiplier
                scale = 1000.0 if 1000 <= t.value < 1e6 else 1e6 if t.value < 1e9 else 1e9
                total += current * scale
            else:
                total += t.value
            current = 0
        elif t.kind == "hundred" and prev is not None and prev.kind == "unit" and not t.joined:
            current = current * t.value if current < 10 else current + t.value
        else:
            current += t.value
        prev = t
    return int(round(total + current)), approximate
