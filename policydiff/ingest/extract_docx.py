"""Text out of a .docx file: its main document part, numbered as Word shows it.

Read with :mod:`zipfile` and :mod:`xml.etree` rather than a library: the text of a
paragraph is a walk over its ``w:t`` elements, and the part that is not a walk -- the
automatic list numbering -- no library renders (see
:mod:`policydiff.ingest.docx_numbering`). Bad input raises
:class:`~policydiff.errors.InputError` naming the file, never a library traceback.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree import ElementTree

from policydiff.errors import InputError
from policydiff.ingest.docx_numbering import Numbering, numbered
from policydiff.ingest.extract import data_row, normalize_text, short_message

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_MOVED_FROM = f"{_W}moveFrom"
_TEXT_BOX = f"{_W}txbxContent"
_DELETED = f"{_W}del"
_SENTENCE_END = re.compile(r"[。；！？.;!?][”’\"）)]?$")
# An uncompressed part bigger than this, or compressed more than MAX_RATIO times, is a
# zip bomb: a real document.xml is a few MB, compressed five to twenty times.
MAX_XML_BYTES = 50 * 1024 * 1024
MAX_RATIO = 200
DOCUMENT = "word/document.xml"
NUMBERING = "word/numbering.xml"
STYLES = "word/styles.xml"
FOOTNOTES = "word/footnotes.xml"
ENDNOTES = "word/endnotes.xml"
# a note's reference in the text, and the note it names
_NOTE_REFERENCES = {f"{_W}footnoteReference": "footnote", f"{_W}endnoteReference": "endnote"}


@dataclass
class _Reading:
    """What a walk over the document part needs besides it: the list numbering, the text
    of each footnote and endnote by (kind, id), the notes referred to but not yet read and
    those read."""

    numbering: Numbering
    notes: dict[tuple[str, str], str]
    waiting: list[str] = field(default_factory=list)
    read: set[tuple[str, str]] = field(default_factory=set)
    tables: int = 0  # tables the walk is in: a note waits for the end of the outermost

    def notes_read(self) -> Iterator[str]:
        """The notes waiting, each a paragraph, now read."""
        yield from (f"{note}\n" for note in self.waiting)
        self.waiting.clear()


def _pieces(elem: ElementTree.Element, reading: _Reading) -> Iterator[str]:
    """Text of ``elem`` in document order; each paragraph ends with a line break, and the
    notes it refers to follow it or a later paragraph (:func:`_refer`), each a paragraph
    of its own."""
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
            label = reading.numbering.label(child)  # counted even when the paragraph is empty
            text = "".join(_pieces(child, reading))
            yield f"{numbered(label, text)}\n" if text.strip() else "\n"
            for box in _text_boxes(child):
                yield from _pieces(box, reading)
            _refer(child, reading)
            if not reading.tables and _SENTENCE_END.search(text.strip()):
                yield from reading.notes_read()
        elif tag in (_MC_FALLBACK, _MOVED_FROM, _TEXT_BOX):
            # the same content as the mc:Choice beside it; text a tracked move took away,
            # read where it was moved to; a text box, read after its paragraph
            continue
        elif tag == f"{_W}tbl":
            # a note in a table, or on its caption, is read below the table: inside, it
            # would join a row of data or be read under the next part's text
            reading.tables += 1
            yield from _pieces(child, reading)
            reading.tables -= 1
            if not reading.tables:
                yield from reading.notes_read()
        elif tag == f"{_W}tr":
            cells = [list(_pieces(cell, reading)) for cell in child]
            pieces = [piece for cell in cells for piece in cell]
            nested = next(child.iter(f"{_W}tbl"), None) is not None
            yield from pieces if nested else _row(cells)
        else:  # runs, hyperlinks, cells, smart tags ...
            yield from _pieces(child, reading)


def _own(elem: ElementTree.Element) -> Iterator[ElementTree.Element]:
    """The elements of a paragraph that are its own: not those of a text box in it (read
    on its own), of a fallback, or of text deleted or moved away by a tracked change."""
    for child in elem:
        yield child
        if child.tag not in (f"{_W}p", _TEXT_BOX, _MC_FALLBACK, _MOVED_FROM, _DELETED):
            yield from _own(child)


def _text_boxes(paragraph: ElementTree.Element) -> Iterator[ElementTree.Element]:
    """The text boxes anchored in a paragraph: read after it, so that the box's lines do
    not cut its sentences in two."""
    return (child for child in _own(paragraph) if child.tag == _TEXT_BOX)


def _refer(paragraph: ElementTree.Element, reading: _Reading) -> None:
    """The footnotes and endnotes a paragraph refers to, in its order, put to wait: a
    note is the text's too (a definition, a condition), read after the first paragraph
    from this one on that ends a sentence -- not after a title or a heading, which it
    would part from the number or the text below -- and once, however often referred to."""
    if not reading.notes:
        return
    for element in _own(paragraph):
        kind = _NOTE_REFERENCES.get(element.tag)
        key = (kind, element.get(f"{_W}id", "")) if kind else None
        if key is not None and key in reading.notes and key not in reading.read:
            reading.read.add(key)
            reading.waiting.append(reading.notes[key])


def _note_texts(tree: ElementTree.Element | None, kind: str, reading: _Reading) -> None:
    """Each real note of a footnotes or endnotes part (not Word's separators) into
    ``reading.notes``, its paragraphs one per line."""
    for note in tree if tree is not None else ():
        if note.tag != f"{_W}{kind}" or note.get(f"{_W}type") not in (None, "normal"):
            continue
        text = "".join(_pieces(note, reading)).strip()
        if text:
            reading.notes[(kind, note.get(f"{_W}id", ""))] = text


def _row(cells: list[list[str]]) -> list[str]:
    """A table row's pieces, cell by cell: a row of data as one line, its cells'
    paragraphs joined by spaces (:func:`~policydiff.ingest.extract.data_row`), any other
    row as it is."""
    paragraphs = [[line for line in "".join(cell).split("\n")] for cell in cells]
    if data_row(paragraphs):
        lines = [line.strip() for cell in paragraphs for line in cell if line.strip()]
        return [" ".join(lines) + "\n"]
    return [piece for cell in cells for piece in cell]


def _read_parts(data: bytes, path: str) -> dict[str, bytes]:
    """The document part (required), and the numbering and styles parts if present."""
    parts: dict[str, bytes] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name in (DOCUMENT, NUMBERING, STYLES, FOOTNOTES, ENDNOTES):
                try:
                    info = archive.getinfo(name)
                except KeyError:
                    if name == DOCUMENT:
                        raise InputError(path, f"corrupt .docx: no {name} inside") from None
                    continue
                if info.file_size > MAX_XML_BYTES:
                    raise InputError(path, f"corrupt .docx: {name} is implausibly large")
                if info.file_size > MAX_RATIO * max(info.compress_size, 1) > 1024 * 1024:
                    raise InputError(
                        path,
                        f"corrupt .docx: {name} expands {MAX_RATIO}-fold or more (a zip bomb?)",
                    )
                if info.flag_bits & 0x1:
                    raise InputError(path, f"encrypted .docx: {name} needs a password")
                with archive.open(info) as part:  # the sizes above are the archive's word only
                    parts[name] = part.read(MAX_XML_BYTES + 1)
                if len(parts[name]) > MAX_XML_BYTES:
                    raise InputError(path, f"corrupt .docx: {name} is implausibly large")
    except InputError:
        raise
    except (
        zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, zlib.error
    ) as exc:  # fmt: skip
        raise InputError(path, f"corrupt .docx: {short_message(exc)}") from None
    except NotImplementedError:
        raise InputError(path, "corrupt .docx: unsupported zip compression") from None
    except RuntimeError as exc:  # what zipfile raises for an entry it cannot decrypt
        raise InputError(path, f"corrupt .docx: {short_message(exc)}") from None
    return parts


def _parse(xml: bytes, name: str, path: str) -> ElementTree.Element:
    """A part's XML, refused when it declares a DTD (entity expansion is a bomb).

    The declaration is looked for in the whole part, in UTF-16 too: a comment in the
    prolog can push it past any fixed prefix.
    """
    visible = xml
    if xml.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        visible = xml.decode("utf-16", errors="replace").encode("utf-8")
    if b"<!DOCTYPE" in visible or b"<!ENTITY" in visible:
        raise InputError(path, f"corrupt .docx: {name} declares a DTD")
    try:
        return ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise InputError(path, f"corrupt .docx: bad XML in {name} ({exc})") from None


def docx_to_text(data: bytes, path: str) -> str:
    """The text of a .docx file's main document part, one paragraph per line.

    ``w:t`` is text, ``w:tab`` a space, ``w:br`` a line break; deleted text (and text a
    tracked move took away), field codes, bookmarks and the like are ignored.
    Automatically numbered paragraphs get the label Word shows ("一、", "（一）", "1.")
    before their text. A footnote or an endnote is read after the paragraph that refers
    to it. Page headers and footers are not included.
    """
    parts = _read_parts(data, path)
    trees = {name: _parse(xml, name, path) for name, xml in parts.items()}
    try:
        reading = _Reading(Numbering(trees.get(NUMBERING), trees.get(STYLES)), {})
        _note_texts(trees.get(FOOTNOTES), "footnote", reading)
        _note_texts(trees.get(ENDNOTES), "endnote", reading)
        text = "".join(_pieces(trees[DOCUMENT], reading))
        # notes still waiting (on the last paragraphs, none of which ends a sentence)
        text += "".join(reading.notes_read())
        return normalize_text(text)
    except RecursionError:
        raise InputError(path, "corrupt .docx: its XML is nested too deeply") from None
