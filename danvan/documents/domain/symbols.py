"""The registry symbol of an issuing organization ("BTGDVTU" in "24-BC/BTGDVTU")."""

import re
import unicodedata

from danvan.core.text import fold

# Lower-case words that start the place part of a name ("... tỉnh Lào Cai"): the symbol stops there.
_PLACE_WORDS = {"tinh", "thanh", "huyen", "quan", "thi", "xa", "phuong", "dac"}
_SKIPPED = {"va"}


def _initial(word: str) -> str:
    first = word[0]
    if first in "Đđ":
        return "Đ"
    return unicodedata.normalize("NFD", first)[0].upper()


def derive_symbol(name: str) -> str:
    """The usual abbreviation of an organization's name, as Party registers write it.

    Initials of the words, acronyms kept whole, "và" skipped; it stops after the committee word
    "ủy" ("Tỉnh ủy", "Đảng ủy") and before a lower-case place word ("tỉnh", "xã", "phường", ...):
    "Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai" -> "BTGDVTU", "Đảng ủy xã Bảo Ái" -> "ĐU",
    "Ủy ban MTTQ Việt Nam tỉnh Lào Cai" -> "UBMTTQVN", "Liên đoàn Lao động tỉnh Lào Cai" -> "LĐLĐ".
    """
    letters = []
    words = [w for w in re.split(r"[\s,;()\-–]+", unicodedata.normalize("NFC", name or "")) if w]
    for index, word in enumerate(words):
        folded = fold(word)
        if not folded:
            continue
        if index and word[0].islower() and folded in _PLACE_WORDS:
            break
        if folded in _SKIPPED:
            continue
        if len(word) > 1 and word.isupper():
            letters.append(word)
        else:
            letters.append(_initial(word))
        if index and folded == "uy":
            break
    return "".join(letters)


def registry_symbol(organization) -> str:
    """``Organization.short_name`` when set, else the symbol derived from its name."""
    return (organization.short_name or "").strip() or derive_symbol(organization.name)
