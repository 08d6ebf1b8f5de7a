"""Text out of a .docx file's main document part.

Bad input raises :class:`~policydiff.errors.InputError` naming the file, never a
library traceback.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree

from policydiff.errors import InputError
from policydiff.ingest.extract import normalize_text, short_message

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_MAX_XML_BYTES = 256 * 1024 * 1024  # an uncompressed document.xml bigger than this is a bomb


def _docx_pieces(elem: ElementTree.Element) -> Iterator[str]:
    """Text of ``elem`` in document order; each paragraph ends with a line break."""
    for child in elem:
        tag = child.tag
        if tag == f"{_W}t":
            yield child.text or ""
        elif tag == f"{_W}tab":
            yield " "
        elif tag in (f"{_W}br", f"{_W}cr"):
            yield "\n"
        elif tag == f"{_W}noBreakHyphen":
            yield "-"
        elif tag == f"{_W}p":
            yield from _docx_pieces(child)
            yield "\n"
        elif tag == _MC_FALLBACK:  # the same content as the mc:Choice beside it
            continue
        else:  # runs, hyperlinks, tables, text boxes, smart tags ...
            yield from _docx_pieces(child)


def docx_to_text(data: bytes, path: str) -> str:
    """The text of a .docx file's main document part, one paragraph per line.

    Read with :mod:`zipfile` and :mod:`xml.etree`: ``w:t`` is text, ``w:tab`` a
    space, ``w:br`` a line break; deleted text, field codes, bookmarks and the
    like are ignored. Headers, footers and footnotes are not included.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            try:
                info = archive.getinfo("word/document.xml")
            except KeyError:
                raise InputError(path, "corrupt .docx: no word/document.xml inside") from None
            if info.file_size > _MAX_XML_BYTES:
                raise InputError(path, "corrupt .docx: word/document.xml is implausibly large")
            xml = archive.read(info)
    except InputError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise InputError(path, f"corrupt .docx: {short_message(exc)}") from None
    except NotImplementedError:
        raise InputError(path, "corrupt .docx: unsupported zip compression") from None
    if b"<!DOCTYPE" in xml[:4096] or b"<!ENTITY" in xml[:4096]:
        raise InputError(path, "corrupt .docx: word/document.xml declares a DTD")
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise InputError(path, f"corrupt .docx: bad XML in word/document.xml ({exc})") from None
    return normalize_text("".join(_docx_pieces(root)))
