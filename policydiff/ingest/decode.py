"""Bytes -> text: sniff the format, find the encoding, hand back clean text.

The format is sniffed from the content, never the file name: ``%PDF-`` is a
PDF, a zip with ``word/document.xml`` is a .docx, anything else must decode as
text (and is treated as HTML when it looks like a web page).

Encodings are tried in a fixed order so the same bytes always give the same
text: a byte-order mark wins; NUL bytes mean UTF-16 (or binary); valid UTF-8 is
UTF-8; otherwise an HTML ``<meta charset>``, GB18030 (a superset of GB2312 and
GBK), Big5, BOM-less UTF-16 and, for a text that reads as Latin, cp1252 (Western
European) are each decoded strictly and the most plausible text wins. charset-normalizer's
guess is the last resort.
"""

from __future__ import annotations

import codecs
import re
import stat
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from policydiff.errors import InputError
from policydiff.ingest.extract import normalize_text, read_html
from policydiff.ingest.extract_docx import docx_to_text
from policydiff.ingest.extract_pdf import read_pdf

MAX_BYTES = 50 * 1024 * 1024
FORMATS = ("text", "html", "docx", "pdf")

BINARY = "binary file (not text, HTML, .docx or PDF)"
UNDECODABLE = "cannot decode as UTF-8, UTF-16, GB18030, Big5 or Western European cp1252"

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_HTML_MARKERS = re.compile(r"<!doctype\s+html|<html[\s>]", re.IGNORECASE)
_HTML_TAGS = re.compile(r"<(?:p|div|br|body)\b[^<>]{0,500}>", re.IGNORECASE)
# A decoded text must score at least this (see _plausibility) to be accepted.
_MIN_PLAUSIBILITY = 0.5
_SAMPLE_CHARS = 20_000  # plausibility is judged on the start of the text
# Control characters that ordinary text files contain: tab, LF, VT, FF, CR, ESC.
_TEXT_CONTROLS = frozenset("\t\n\v\f\r\x1b")
_MAX_CONTROL_SHARE = 0.05


@dataclass(frozen=True)
class RawText:
    """The clean text of one input file and how it was obtained.

    ``format`` is one of :data:`FORMATS`. ``encoding`` is the codec the text was
    decoded with ("utf-8", "utf-8-sig", "utf-16-le", "gb18030", "big5", ...);
    for .docx and PDF, which carry their own encodings inside, it is "docx" or
    "pdf". ``furniture`` is what was left out of a PDF's text as page furniture --
    page numbers, running headers and footers -- each as "page 3: — 3 —", for the
    caller to report; other formats have none.
    """

    text: str
    encoding: str
    format: str
    furniture: tuple[str, ...] = ()
    chrome: tuple[str, ...] = ()  # a web page's menus, header, footer and side bars, left out
    page_title: str = ""  # a web page's <title>: the document's, where its text has none


def read_file(path: Path, *, max_bytes: int = MAX_BYTES) -> RawText:
    """Read and decode one file; files over ``max_bytes`` are refused before reading."""
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {(exc.strerror or str(exc)).lower()}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, "not a regular file")
    if info.st_size > max_bytes:
        raise InputError(path, _too_big(info.st_size, max_bytes))
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {(exc.strerror or str(exc)).lower()}") from None
    if len(data) > max_bytes:  # the file grew after stat()
        raise InputError(path, _too_big(len(data), max_bytes))
    return decode_bytes(data, str(path))


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} byte" if n == 1 else f"{n} bytes"
    value, unit = (n / 1024**2, "MB") if n >= 1024**2 else (n / 1024, "KB")
    number = f"{value:.0f}" if value >= 100 else f"{value:.1f}".removesuffix(".0")
    return f"{number} {unit}"


def _too_big(size: int, limit: int) -> str:
    shown, shown_limit = _size(size), _size(limit)
    if shown == shown_limit:  # 50.01 MB against 50 MB: say it in bytes
        shown, shown_limit = f"{size:,} bytes", f"{limit:,} bytes"
    return f"file is {shown}; the limit is {shown_limit}"


def decode_bytes(data: bytes, path: str = "<bytes>") -> RawText:
    """Turn the bytes of a policy document into clean text.

    Raises :class:`InputError` for empty, binary, undecodable or corrupt input.
    """
    if not data.strip():
        raise InputError(path, "empty file")
    head = data.lstrip()[:8]
    if head.startswith(b"%PDF-"):
        pdf = read_pdf(data, path)
        return _non_empty(RawText(pdf.text, "pdf", "pdf", pdf.furniture), path)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        if b"word/document.xml" not in data and b"[Content_Types].xml" not in data:
            raise InputError(path, "zip archive that is not a .docx")
        return _non_empty(RawText(docx_to_text(data, path), "docx", "docx"), path)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise InputError(path, "old binary .doc/.xls file (save it as .docx or PDF)")
    if head.startswith(b"{\\rtf"):
        raise InputError(path, "RTF file (save it as .docx, PDF or plain text)")
    text, encoding = decode_text(data, path)
    if looks_like_html(text):
        page = read_html(text)
        return _non_empty(
            RawText(page.text, encoding, "html", chrome=page.chrome, page_title=page.title), path
        )
    return _non_empty(RawText(normalize_text(text), encoding, "text"), path)


def _non_empty(raw: RawText, path: str) -> RawText:
    if not raw.text.strip():
        raise InputError(
            path, "empty file" if raw.format == "text" else f"no text in the {raw.format}"
        )
    return raw


def looks_like_html(text: str) -> bool:
    """True when ``text`` is a web page: a doctype or ``<html>``, or several block tags."""
    head = text[:65_536]
    return bool(_HTML_MARKERS.search(head)) or len(_HTML_TAGS.findall(head, 0)) >= 3


def decode_text(data: bytes, path: str) -> tuple[str, str]:
    """Decode plain-text or HTML bytes; return ``(text, encoding name)``.

    The text is not normalised yet (only a leading BOM is gone). Raises
    :class:`InputError` for binary data and for bytes no candidate decodes.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom) :].decode(codec), codec, path)
            except UnicodeDecodeError:
                if codec != "utf-8-sig":  # a UTF-8 BOM before GBK bytes happens
                    raise InputError(path, UNDECODABLE) from None
                data = data[len(bom) :]
                break
    if b"\x00" in data:
        return _checked(*_decode_utf16_by_nuls(data, path), path)
    try:
        return _checked(data.decode("utf-8"), "utf-8", path)
    except UnicodeDecodeError:
        pass
    best: tuple[float, str, str] | None = None  # keep one decoded text, not five
    tried: set[str] = set()
    candidates: tuple[str | None, ...] = (
        _declared_charset(data),
        "gb18030",
        "big5",
        "utf-16-le",
        "utf-16-be",
        # Western European text (Windows-1252, a superset of Latin-1's letters), which
        # charset-normalizer may take for Central European (élčves for élèves); only a
        # text that reads as Latin (:func:`_latin`)
        "cp1252",
    )
    for candidate in candidates:
        if not candidate or candidate in tried:
            continue
        tried.add(candidate)
        try:
            text = data.decode(candidate)
        except UnicodeDecodeError:
            continue
        if candidate == "cp1252" and not _latin(text):
            continue  # every byte decodes in cp1252: only a Latin text is taken for one
        score = _plausibility(text)
        if best is None or score > best[0]:  # ties go to the codec tried first
            best = (score, text, candidate)
    if best is not None and best[0] >= _MIN_PLAUSIBILITY:
        return _checked(best[1], best[2], path)
    del best
    guess = _charset_normalizer_guess(data)
    if guess is not None:
        return _checked(*guess, path)
    raise InputError(path, UNDECODABLE)


def _checked(text: str, codec: str, path: str) -> tuple[str, str]:
    """Refuse decoded text that is mostly control characters: it was binary."""
    sample = text[:_SAMPLE_CHARS]
    controls = sum(1 for ch in sample if ch < " " and ch not in _TEXT_CONTROLS)
    if "\x00" in sample or controls > _MAX_CONTROL_SHARE * len(sample):
        raise InputError(path, BINARY)
    return text, codec


def _decode_utf16_by_nuls(data: bytes, path: str) -> tuple[str, str]:
    """Bytes with NULs are BOM-less UTF-16 (ASCII leaves a NUL in every other byte) or binary."""
    if len(data) % 2:
        raise InputError(path, BINARY)
    best: tuple[float, str, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text)
        if "\x00" not in text and score >= _MIN_PLAUSIBILITY and (best is None or score > best[0]):
            best = (score, text, codec)
    if best is None:
        raise InputError(path, BINARY)
    return best[1], best[2]


def _declared_charset(data: bytes) -> str | None:
    """The codec named by an HTML ``<meta charset>`` in the first 2 KB, if usable."""
    match = _META_CHARSET.search(data[:2048])
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    if name in ("gb2312", "gbk", "gb18030"):
        return "gb18030"  # a superset; pages labelled GB2312 use GBK characters
    if name.startswith(("utf-16", "utf-32")):
        return None  # bytes that were not UTF-16 already: the label is wrong
    return name


def _charset_normalizer_guess(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes  # imported here: rarely needed, slow to load

    try:
        match = from_bytes(data).best()
    except Exception:  # pragma: no cover - a guesser must never crash ingest
        return None
    if match is None:
        return None
    text = str(match)
    if _plausibility(text) < _MIN_PLAUSIBILITY:
        return None
    return text, match.encoding


# --------------------------------------------------------------------------- plausibility

# the longest run of characters beyond ASCII a Western European word holds (çã in ação,
# öß in Größe, éé in créé); Chinese read as cp1252 gives two for every character
_LATIN_RUN = 3
# cp1252's typography (dashes, ellipses, quotes, bullets) breaks a run: a rule of ————, or
# «créé…», is no word
_BEYOND_ASCII = re.compile(r"[^\x00-\x7f\s\xa0–—…•«»‘’“”„]+")


def _latin(text: str) -> bool:
    """Whether ``text`` may be a Western European text in cp1252: no run of more than
    :data:`_LATIN_RUN` characters beyond ASCII (spaces apart). GBK read as cp1252 has one
    wherever two Chinese characters stand together (支持 as Ö§³Ö)."""
    sample = text[:_SAMPLE_CHARS]
    return all(len(run) <= _LATIN_RUN for run in _BEYOND_ASCII.findall(sample))


# an ideograph inside a lower-case Latin word: what a one-byte Latin text read as GB18030 or
# Big5 is full of (d関eloppement), and Chinese text is not (BIM和CIM, A类和B类: capitals)
_INSIDE_A_WORD = re.compile(r"(?<=[a-z])[\u4e00-\u9fff](?=[a-z])")
_CJK_PUNCTUATION = frozenset("\u00b7\u2014\u2015\u2018\u2019\u201c\u201d\u2026\u2027\u2236")


@lru_cache(maxsize=1 << 16)
def _hanzi_class(ch: str) -> str:
    """ "simplified" (GB2312 only), "traditional" (Big5 level 1 only), "both", or "rare"."""
    try:
        ch.encode("gb2312")
        in_gb = True
    except UnicodeEncodeError:
        in_gb = False
    try:
        in_big5_common = 0xA440 <= int.from_bytes(ch.encode("big5"), "big") <= 0xC67E
    except UnicodeEncodeError:
        in_big5_common = False
    if in_gb and in_big5_common:
        return "both"
    if in_gb:
        return "simplified"
    return "traditional" if in_big5_common else "rare"


@lru_cache(maxsize=1 << 16)
def _weight(ch: str) -> float:
    """How typical ``ch`` is of a Chinese or English policy text, from -2 to 1."""
    code = ord(ch)
    if 0x20 <= code < 0x7F or ch in "\n\t\r":
        return 1.0
    if 0x4E00 <= code <= 0x9FFF:
        return 0.25 if _hanzi_class(ch) == "rare" else 1.0
    if 0x3000 <= code <= 0x303F or 0xFF01 <= code <= 0xFF5E or ch in _CJK_PUNCTUATION:
        return 1.0
    if unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs"):
        return -2.0  # controls, private use, unassigned: a wrong decoding
    if 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF or code >= 0x20000:
        return -1.0  # rare ideographs: what a wrong CJK decoding produces
    return 0.25


def _plausibility(text: str) -> float:
    """Score a decoding: mean character weight, less a penalty for mixing scripts.

    Right decodings of Chinese score near 1. A wrong one yields private-use,
    rare or unassigned characters, or a random mixture of simplified-only and
    traditional-only characters that no real text has.
    """
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return 0.0
    total = sum(_weight(ch) for ch in sample)
    classes = [_hanzi_class(ch) for ch in sample if 0x4E00 <= ord(ch) <= 0x9FFF]
    mixed = 0.0
    if classes:
        mixed = min(classes.count("simplified"), classes.count("traditional")) / len(classes)
        # a Latin text in a one-byte codec read as GB18030 or Big5: each accented letter
        # with the letter after it becomes one ideograph inside a word (d関eloppement)
        mixed = max(mixed, len(_INSIDE_A_WORD.findall(sample)) / len(classes))
    return total / len(sample) - 2 * mixed
