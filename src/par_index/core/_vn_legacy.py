"""Vietnamese 8-bit encodings older than Unicode: TCVN3 (ABC), Windows-1258 and VNI.

Offices still receive files saved in them. Windows-1258 has a Python codec; its text carries
tone marks as combining characters, so it is normalised to NFC. TCVN3 is decoded through the
table below. VNI is recognised and named, not converted: no published table for it was
checked, and a wrong conversion would change names and figures silently.

Which one a file uses is not written in it: :func:`guess_legacy` decodes a sample with each
and keeps the reading whose non-ASCII characters form Vietnamese syllables (letters of the
Vietnamese alphabet, at most one tone mark per word).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

__all__ = ["LEGACY_ENCODINGS", "decode_tcvn3", "guess_legacy", "plausibility"]

#: TCVN 5712:1993 (TCVN3, "ABC"): the bytes that do not stand for their own code point.
#: Source: the TCVN5712-1 character map of the GNU C Library (localedata/charmaps/TCVN5712-1,
#: "TCVN 5712:1993 VN1"), whose 0xA1-0xFF range is the TCVN3 (VN3) font layout; the VN1
#: capitals with tone marks sit in 0x01-0x17 and 0x80-0x9F.
# fmt: off
_TCVN3: Final[dict[int, int]] = {
    0x01: 0x00DA, 0x02: 0x1EE4, 0x04: 0x1EEA, 0x05: 0x1EEC, 0x06: 0x1EEE, 0x11: 0x1EE8,
    0x12: 0x1EF0, 0x13: 0x1EF2, 0x14: 0x1EF6, 0x15: 0x1EF8, 0x16: 0x00DD, 0x17: 0x1EF4,
    0x80: 0x00C0, 0x81: 0x1EA2, 0x82: 0x00C3, 0x83: 0x00C1, 0x84: 0x1EA0, 0x85: 0x1EB6,
    0x86: 0x1EAC, 0x87: 0x00C8, 0x88: 0x1EBA, 0x89: 0x1EBC, 0x8A: 0x00C9, 0x8B: 0x1EB8,
    0x8C: 0x1EC6, 0x8D: 0x00CC, 0x8E: 0x1EC8, 0x8F: 0x0128, 0x90: 0x00CD, 0x91: 0x1ECA,
    0x92: 0x00D2, 0x93: 0x1ECE, 0x94: 0x00D5, 0x95: 0x00D3, 0x96: 0x1ECC, 0x97: 0x1ED8,
    0x98: 0x1EDC, 0x99: 0x1EDE, 0x9A: 0x1EE0, 0x9B: 0x1EDA, 0x9C: 0x1EE2, 0x9D: 0x00D9,
    0x9E: 0x1EE6, 0x9F: 0x0168, 0xA1: 0x0102, 0xA2: 0x00C2, 0xA3: 0x00CA, 0xA4: 0x00D4,
    0xA5: 0x01A0, 0xA6: 0x01AF, 0xA7: 0x0110, 0xA8: 0x0103, 0xA9: 0x00E2, 0xAA: 0x00EA,
    0xAB: 0x00F4, 0xAC: 0x01A1, 0xAD: 0x01B0, 0xAE: 0x0111, 0xAF: 0x1EB0, 0xB0: 0x0300,
    0xB1: 0x0309, 0xB2: 0x0303, 0xB3: 0x0301, 0xB4: 0x0323, 0xB5: 0x00E0, 0xB6: 0x1EA3,
    0xB7: 0x00E3, 0xB8: 0x00E1, 0xB9: 0x1EA1, 0xBA: 0x1EB2, 0xBB: 0x1EB1, 0xBC: 0x1EB3,
    0xBD: 0x1EB5, 0xBE: 0x1EAF, 0xBF: 0x1EB4, 0xC0: 0x1EAE, 0xC1: 0x1EA6, 0xC2: 0x1EA8,
    0xC3: 0x1EAA, 0xC4: 0x1EA4, 0xC5: 0x1EC0, 0xC6: 0x1EB7, 0xC7: 0x1EA7, 0xC8: 0x1EA9,
    0xC9: 0x1EAB, 0xCA: 0x1EA5, 0xCB: 0x1EAD, 0xCC: 0x00E8, 0xCD: 0x1EC2, 0xCE: 0x1EBB,
    0xCF: 0x1EBD, 0xD0: 0x00E9, 0xD1: 0x1EB9, 0xD2: 0x1EC1, 0xD3: 0x1EC3, 0xD4: 0x1EC5,
    0xD5: 0x1EBF, 0xD6: 0x1EC7, 0xD7: 0x00EC, 0xD8: 0x1EC9, 0xD9: 0x1EC4, 0xDA: 0x1EBE,
    0xDB: 0x1ED2, 0xDC: 0x0129, 0xDD: 0x00ED, 0xDE: 0x1ECB, 0xDF: 0x00F2, 0xE0: 0x1ED4,
    0xE1: 0x1ECF, 0xE2: 0x00F5, 0xE3: 0x00F3, 0xE4: 0x1ECD, 0xE5: 0x1ED3, 0xE6: 0x1ED5,
    0xE7: 0x1ED7, 0xE8: 0x1ED1, 0xE9: 0x1ED9, 0xEA: 0x1EDD, 0xEB: 0x1EDF, 0xEC: 0x1EE1,
    0xED: 0x1EDB, 0xEE: 0x1EE3, 0xEF: 0x00F9, 0xF0: 0x1ED6, 0xF1: 0x1EE7, 0xF2: 0x0169,
    0xF3: 0x00FA, 0xF4: 0x1EE5, 0xF5: 0x1EEB, 0xF6: 0x1EED, 0xF7: 0x1EEF, 0xF8: 0x1EE9,
    0xF9: 0x1EF1, 0xFA: 0x1EF3, 0xFB: 0x1EF7, 0xFC: 0x1EF9, 0xFE: 0x1EF5, 0xFF: 0x1ED0,

}
# fmt: on
_TCVN3_TABLE: Final = str.maketrans({chr(b): chr(c) for b, c in _TCVN3.items()})

#: VNI (VNI-Windows fonts): a letter followed by a byte carrying its marks. Used to recognise
#: the encoding only (see the module docstring).
# fmt: off
_VNI_MARKS: Final = {
    0xF8: "\u0300", 0xF9: "\u0301", 0xFB: "\u0309", 0xF5: "\u0303", 0xEF: "\u0323",
    0xE2: "\u0302", 0xEA: "\u0306",
    0xE1: "\u0302\u0301", 0xE0: "\u0302\u0300", 0xE5: "\u0302\u0309", 0xE3: "\u0302\u0303",
    0xE4: "\u0302\u0323", 0xE9: "\u0306\u0301", 0xE8: "\u0306\u0300", 0xFA: "\u0306\u0309",
    0xFC: "\u0306\u0303", 0xEB: "\u0306\u0323",
}
_VNI_LETTERS: Final = {
    0xF1: "\u0111", 0xD1: "\u0110", 0xF4: "\u01a1", 0xD4: "\u01a0", 0xF6: "\u01b0",
    0xD6: "\u01af", 0xEC: "\u00ec", 0xCC: "\u00cc", 0xED: "\u00ed", 0xCD: "\u00cd",
    0xE6: "\u1ec9", 0xC6: "\u1ec8", 0xF3: "\u0129", 0xD3: "\u0128", 0xF2: "\u1ecb",
    0xD2: "\u1eca", 0xEE: "\u1ef5", 0xCE: "\u1ef4",
}
# fmt: on
_VNI_TABLE: Final = str.maketrans(
    {
        **{chr(b): m for b, m in _VNI_MARKS.items()},
        **{chr(b - 0x20): m for b, m in _VNI_MARKS.items()},
        **{chr(b): c for b, c in _VNI_LETTERS.items()},
    }
)

#: The names given to the encodings recognised, as users know them.
LEGACY_ENCODINGS: Final = {
    "cp1258": "Windows-1258",
    "tcvn3": "TCVN3 (ABC)",
    "vni": "VNI",
}

_TONES: Final = frozenset("\u0300\u0301\u0303\u0309\u0323")
_BASES: Final = "aăâeêioôơuưyđAĂÂEÊIOÔƠUƯYĐ"
_VIETNAMESE: Final = frozenset(
    unicodedata.normalize("NFC", b + t) for b in _BASES for t in ("", *sorted(_TONES))
)
_WORD: Final = re.compile(r"\w+")
#: Typographic marks that Windows code pages write and Vietnamese text uses (quotes, dashes,
#: ellipsis, bullet, degree, euro): neither for nor against a reading.
_NEUTRAL: Final = frozenset("\u201c\u201d\u2018\u2019\u2013\u2014\u2026\u2022\u00b0\u20ac")
#: Bytes read to guess an encoding: enough text for a sure guess, bounded for big files.
SAMPLE_BYTES: Final = 1 << 16


def decode_tcvn3(data: bytes) -> str:
    """TCVN3 bytes as NFC text (every byte has a character: this never fails)."""
    return unicodedata.normalize("NFC", data.decode("latin-1").translate(_TCVN3_TABLE))


def _decode_vni(data: bytes) -> str:
    return unicodedata.normalize("NFC", data.decode("latin-1").translate(_VNI_TABLE))


def _decode_cp1258(data: bytes) -> str | None:
    try:
        return unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        return None


def plausibility(text: str) -> tuple[float, int]:
    """The share of non-ASCII characters that are Vietnamese letters in a word with at most
    one tone mark, and how many non-ASCII characters there are."""
    good = 0
    total = sum(1 for ch in text if ord(ch) > 0x7F and ch not in _NEUTRAL)
    if not total:
        return 1.0, 0
    for m in _WORD.finditer(text):
        word = m.group()
        if word.isascii():
            continue
        tones = sum(1 for ch in unicodedata.normalize("NFD", word) if ch in _TONES)
        if tones <= 1:
            good += sum(1 for ch in word if ord(ch) > 0x7F and ch in _VIETNAMESE)
    return good / total, total


#: A guess needs this many non-ASCII characters, this share of them plausible, and this lead
#: over the next reading; anything less is refused rather than guessed.
MIN_EVIDENCE: Final = 4
MIN_SHARE: Final = 0.95
MIN_LEAD: Final = 0.1


def guess_legacy(data: bytes) -> tuple[str | None, dict[str, float]]:
    """The legacy encoding that reads ``data`` as Vietnamese (a key of
    :data:`LEGACY_ENCODINGS`), or None when no reading is clearly right; with each reading's
    score."""
    sample = data[:SAMPLE_BYTES]
    readings = {
        "cp1258": _decode_cp1258(sample),
        "tcvn3": decode_tcvn3(sample),
        "vni": _decode_vni(sample),
    }
    scores: dict[str, float] = {}
    evidence = 0
    for name, text in readings.items():
        if text is None:
            continue
        share, n = plausibility(text)
        scores[name] = share
        evidence = max(evidence, n)
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or evidence < MIN_EVIDENCE:
        return None, scores
    best, share = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    if share < MIN_SHARE or share - runner_up < MIN_LEAD:
        return None, scores
    return best, scores
