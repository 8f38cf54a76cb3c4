"""Bytes to text: encoding detection and the checks every input goes through."""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from marsad.errors import DecodeError, EmptyInput, NotArabic, TooLarge

MAX_CHARS = 2_000_000  # an "article" larger than this is a dump, not a document
_ARABIC = re.compile("[\u0600-\u06ff]")
_ARABIC_ENCODINGS = ("utf_8", "cp1256", "iso8859_6", "utf_16")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode `data`, returning (text, encoding). Raises DecodeError or EmptyInput."""
    if not data.strip():
        raise EmptyInput("the file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf_8_sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf_16"
        except UnicodeDecodeError as exc:
            raise DecodeError(f"UTF-16 byte-order mark but bad bytes: {exc.reason}") from exc
    try:
        return data.decode("utf-8"), "utf_8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096] and not _looks_utf16(data):
        raise DecodeError("binary data (NUL bytes): not a text file")
    best = from_bytes(data, cp_isolation=list(_ARABIC_ENCODINGS)).best()
    if best is None:
        best = from_bytes(data).best()
    if best is None:
        raise DecodeError("not text in UTF-8, UTF-16, Windows-1256 or ISO-8859-6")
    return str(best), best.encoding


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4096]
    return sample.count(b"\x00") > len(sample) // 4 and (
        sample[1::2].count(b"\x00") > len(sample) // 3
        or sample[0::2].count(b"\x00") > len(sample) // 3
    )


def check_text(text: str, *, max_chars: int = MAX_CHARS) -> str:
    """Raise a clear InputError when `text` cannot be an Arabic article."""
    if not text or not text.strip():
        raise EmptyInput("the document has no text")
    if len(text) > max_chars:
        raise TooLarge(
            f"the document has {len(text):,} characters, over the limit of {max_chars:,}; "
            "split it into articles"
        )
    if "\x00" in text:
        raise DecodeError("the text contains NUL characters: binary data, not an article")
    if not _ARABIC.search(text):
        raise NotArabic("the document contains no Arabic letters")
    return text
