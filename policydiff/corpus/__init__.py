"""The corpus folder: its one reader (:mod:`.store`), its writes, all or nothing
(:mod:`.transaction`), the rules a valid folder follows (:mod:`.rules`) and what it
holds, counted (:mod:`.summary`)."""

from __future__ import annotations

from policydiff.corpus.rules import ID_PATTERN, METADATA_FILE, VERSION_KEY_PATTERN
from policydiff.corpus.store import (
    Corpus,
    load_corpus,
    load_document,
    metadata_yaml,
    next_version_key,
    read_metadata_file,
)
from policydiff.corpus.transaction import add_version, write_document

__all__ = [
    "ID_PATTERN",
    "METADATA_FILE",
    "VERSION_KEY_PATTERN",
    "Corpus",
    "add_version",
    "load_corpus",
    "load_document",
    "metadata_yaml",
    "next_version_key",
    "read_metadata_file",
    "write_document",
]
