"""The input boundary: every file and standard input arrive as bytes and leave as NFC text.

Read in order: a byte-order mark (UTF-8, UTF-16, UTF-32); UTF-16 without one (recognised by
its zero bytes); UTF-8; then the Vietnamese encodings older than Unicode that offices still
send (Windows-1258 and TCVN3 converted, VNI recognised and refused by name, see
:mod:`par_index.core._vn_legacy`). Anything else is refused with a typed error that names
what was found, never decoded by a guess that could change a name or a figure.
"""

from __future__ import annotations

import codecs
import unicodedata
from typing import Final

import attrs

from par_index.core._vn_legacy import LEGACY_ENCODINGS, decode_tcvn3, guess_legacy
from par_index.exceptions import LoadError, Problem

__all__ = ["Decoded", "decode_bytes", "decode_text"]

#: What the library reads, for messages.
READABLE: Final = "UTF-8 text (also UTF-16, Windows-1258 or TCVN3)"

_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

#: Files that are not text at all, by their first bytes.
_MAGIC: Final = (
    (b"PK\x03\x04", "a ZIP archive (an Excel .xlsx or Word .docx file?), not text"),
    (b"%PDF", "a PDF document, not text"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.xls or .doc), not text"),
)


@attrs.frozen
class Decoded:
    """Text read from bytes, and the encoding it was read in.

    Attributes:
        text: the text, NFC-normalised, without a byte-order mark.
        encoding: ``UTF-8``, ``UTF-16``, ``UTF-32``, ``Windows-1258`` or ``TCVN3 (ABC)``.
    """

    text: str
    encoding: str


def _refuse(source: str, found: str) -> LoadError:
    return LoadError([Problem("file", "bad-encoding", READABLE, found)], source=source)


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when most even (odd) bytes of the start are zero, as in text that
    is mostly ASCII; None otherwise."""
    head = data[:4096]
    if len(head) < 16 or len(data) % 2:  # too short to tell from bytes that happen to be 0
        return None
    even_zero = head[0::2].count(0) / (len(head) / 2)
    odd_zero = head[1::2].count(0) / (len(head) / 2)
    if odd_zero > 0.3 and even_zero < 0.05:
        return "utf-16-le"
    if even_zero > 0.3 and odd_zero < 0.05:
        return "utf-16-be"
    return None


def decode_text(data: bytes, *, source: str = "<bytes>") -> Decoded:
    """Read ``data`` as text, with the encoding it was found in.

    Raises:
        LoadError: (code ``bad-encoding``) naming what was found when the bytes are no text
            the library reads: another file type, VNI text, or bytes in no known encoding.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(_nfc(data[len(bom) :].decode(codec)), name)
            except UnicodeDecodeError as exc:
                raise _refuse(
                    source, f"{name} with a byte-order mark, broken at byte {exc.start + len(bom)}"
                ) from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise _refuse(source, what)
    codec16 = _utf16_without_bom(data)
    if codec16 is not None:
        try:
            text = data.decode(codec16)
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: read on
        else:
            # Text has no control characters but line ends and tabs; bytes misread as
            # UTF-16 have plenty.
            if not any(ch < " " and ch not in "\t\n\r\f" for ch in text[:2048]):
                return Decoded(_nfc(text), "UTF-16")
    try:
        return Decoded(_nfc(data.decode("utf-8")), "UTF-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    guess, _ = guess_legacy(data)
    if guess == "cp1258":
        try:
            return Decoded(_nfc(data.decode("cp1258")), LEGACY_ENCODINGS["cp1258"])
        except UnicodeDecodeError as exc:  # the sample read, a later byte is undefined
            first_bad = exc.start
    elif guess == "tcvn3":
        return Decoded(decode_tcvn3(data), LEGACY_ENCODINGS["tcvn3"])
    elif guess == "vni":
        raise _refuse(
            source,
            "Vietnamese text in the VNI encoding, which is not converted: save it as "
            "Unicode (UTF-8) first, e.g. with Unikey's converter",
        )
    line = data.count(b"\n", 0, first_bad) + 1
    raise _refuse(
        source,
        f"byte 0x{data[first_bad]:02X} at offset {first_bad} (line {line}): not UTF-8, and "
        "not clearly Windows-1258 or TCVN3",
    )


def decode_bytes(data: bytes | str, source: str = "<bytes>") -> str:
    """The text of ``data`` (see :func:`decode_text`); a ``str`` is only NFC-normalised and
    stripped of a leading byte-order mark.

    Raises:
        LoadError: when the bytes are no text the library reads.
    """
    if isinstance(data, str):
        return _nfc(data.removeprefix("\ufeff"))
    return decode_text(data, source=source).text
