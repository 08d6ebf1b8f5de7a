"""Comparing two versions: provisions aligned (:mod:`.align`, on :mod:`.tfidf`), word ops
(:mod:`.ops`), commitment cues that changed (:mod:`.cues`), and the document diff that
puts them together (:mod:`.documents`)."""

from __future__ import annotations

from policydiff.diff.cues import CueChange, cue_changes
from policydiff.diff.documents import (
    Across,
    DiffSummary,
    DocumentDiff,
    ProvisionDiff,
    ProvisionRef,
    diff_documents,
    fold_unchanged,
)
from policydiff.diff.ops import OPS, TokenOp, elide, provision_body, token_ops, tokenize

__all__ = [
    "OPS",
    "Across",
    "CueChange",
    "DiffSummary",
    "DocumentDiff",
    "ProvisionDiff",
    "ProvisionRef",
    "TokenOp",
    "cue_changes",
    "diff_documents",
    "elide",
    "fold_unchanged",
    "provision_body",
    "token_ops",
    "tokenize",
]
