"""Free text a person typed that we print: it must be encodable, and must print as typed.

A lone surrogate ("\\ud800", legal in JSON) cannot be encoded at all, so WeasyPrint failed with
a 500. Bidi controls make a PDF show characters in another order than they were typed
("evil\\u202Eexe.txt" printed as "eviltxt.exe"), and other control characters print as boxes.
"""

from __future__ import annotations

import unicodedata

# Embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) and the invisible marks
# (U+200E, U+200F, U+061C): the format characters that reorder text (Unicode UAX #9).
BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)
# A textarea sends CR LF; an old Mac, CR alone. Both are kept as the line breaks they mean.
LINE_BREAKS = {"\r\n": "\n", "\r": "\n"}
KEPT_CONTROLS = frozenset("\n\t")


def is_encodable(text: str) -> bool:
    """True if the text can be written as UTF-8 (it holds no lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable(text: str) -> str:
    """The text without bidi controls and control characters (keeping newlines and tabs)."""
    for typed, newline in LINE_BREAKS.items():
        text = text.replace(typed, newline)
    return "".join(
        ch
        for ch in text
        if ch in KEPT_CONTROLS or (ch not in BIDI_CONTROLS and unicodedata.category(ch) != "Cc")
    )
