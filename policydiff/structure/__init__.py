"""Parse a version's clean text into provisions and sentences, and pair two versions."""

from __future__ import annotations

from policydiff.structure.numbering import Label, match_label
from policydiff.structure.pairing import ProvisionPair, pair_versions
from policydiff.structure.parse import parse_provisions, structure_version
from policydiff.structure.sentences import split_sentences

__all__ = [
    "Label",
    "ProvisionPair",
    "match_label",
    "pair_versions",
    "parse_provisions",
    "split_sentences",
    "structure_version",
]
