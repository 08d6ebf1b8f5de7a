"""Provision-aligned, word-level diff of two versions in one language.

Provisions are paired with :func:`.align.align_provisions`; only within each pair does
:class:`difflib.SequenceMatcher` compare tokens (English: words and punctuation, the
whitespace between them carried along; Chinese: single characters, Latin/digit runs kept
whole), so the cost grows with the provisions' sizes, never with the whole document squared.

For every changed pair the sentences that changed are paired too, and the commitment
cue of each side compared: with a theme, :func:`policydiff.strength.score_commitment`
on the theme's mention (its strength counts manner and targets); without one, the
strongest cue touched by the change (:func:`policydiff.strength.find_cues`).

With a theme, provisions that mention it and that the whole-document alignment left
unpaired are paired among themselves when they are each other's best counterpart and
score at least :data:`RELATED_MIN`; their relation is ``related``.

Everything here is pure: it reads structured versions and returns frozen dataclasses.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal

from policydiff.diff.align import align_provisions, similarity_matrix
from policydiff.diff.cues import CueChange, cue_changes, theme_span
from policydiff.diff.ops import TokenOp, provision_body, provision_ops
from policydiff.errors import UsageError
from policydiff.models import Provision, StructuredVersion
from policydiff.themes.catalogue import Catalogue, load_catalogue

RELATED_MIN = 0.15  # a theme-only pairing needs at least this alignment score


@dataclass(frozen=True)
class ProvisionDiff:
    old_id: str
    new_id: str
    old_location: str
    new_location: str
    old_heading: str
    new_heading: str
    relation: str  # matched, moved, split, merged or related
    score: float  # alignment score
    ratio: float  # difflib ratio of the two token sequences
    ops: tuple[TokenOp, ...]
    cue_changes: tuple[CueChange, ...]

    @property
    def changed(self) -> bool:
        return any(op.op != "equal" for op in self.ops)


@dataclass(frozen=True)
class ProvisionRef:
    """A provision only one side has."""

    id: str
    location: str
    heading: str
    text: str
    # across documents (a child restructures what a parent says): a parent's provision
    # holds ``commitments``, restated by the child at ``counterparts`` (one location each)
    # and strengthened, weakened or omitted as ``cue_changes`` say; a child's provision
    # restates ``commitments`` of the parent's, which stand at ``counterparts``
    commitments: int = 0
    counterparts: tuple[str, ...] = ()
    cue_changes: tuple[CueChange, ...] = ()


@dataclass(frozen=True)
class DiffSummary:
    changed: int
    unchanged: int
    added: int
    removed: int
    strengthened: int
    weakened: int
    omitted: int = 0  # across documents, the parent's commitments the child leaves out


# How the new of two different documents relates to the old: "cites" it, "declared" it
# its parent without citing it, "reversed" (the old one implements the new one), "series"
# (both are of one series), or "none"; a diff across documents carries one of these
AcrossRelation = Literal["cites", "declared", "reversed", "series", "none"]
# ... or, read by compare, "versions" of one document
Relation = Literal["versions", AcrossRelation]


@dataclass(frozen=True)
class Across:
    """What a diff of two different documents says of them besides their provisions."""

    old_title: str
    new_title: str
    old_date: str  # as written (Document.date_text)
    new_date: str
    relation: AcrossRelation  # with the cited words, where and the citing sentence for "cites"
    series: str  # the series both are of, for "series"
    cited: str
    cited_location: str
    citing_sentence: str
    # how alike their provisions are (restatement.provision_diff), to two places: on the
    # threshold's side the whole value is
    correspondence: float


@dataclass(frozen=True)
class DocumentDiff:
    old_document: str
    new_document: str
    old_version: str
    new_version: str
    lang: str
    theme: str | None
    pairs: tuple[ProvisionDiff, ...]  # changed pairs (all pairs with include_unchanged)
    added: tuple[ProvisionRef, ...]
    removed: tuple[ProvisionRef, ...]
    unchanged_count: int
    summary: DiffSummary
    # what the cue lines pair: "sentences" of one provision pair (versions of a document),
    # or "commitments" as `compare` aligns them (different documents)
    cues: Literal["sentences", "commitments"] = "sentences"
    across: Across | None = None  # set with the "commitments" cues
    # the sides ("old", "new") whose version is marked partial (complete: false): what
    # the other side alone has may only be untranslated there, not added or removed
    partial: tuple[str, ...] = ()


# ---------------------------------------------------------------------------
# documents


def _mentions(p: Provision, lang: str, theme: str, catalogue: Catalogue) -> bool:
    return any(theme_span(s.text, lang, theme, catalogue) for s in p.sentences)


def _ref(p: Provision, lang: str) -> ProvisionRef:
    return ProvisionRef(p.id, p.location, p.heading, provision_body(p, lang))


def _related_pairs(
    old: StructuredVersion,
    new: StructuredVersion,
    old_ids: list[str],
    new_ids: list[str],
    catalogue: Catalogue,
) -> list[tuple[str, str, float]]:
    """Mutually best pairs among leftover theme provisions, scoring at least RELATED_MIN."""
    if not old_ids or not new_ids:
        return []
    sim = similarity_matrix(old, new, catalogue)
    row = {p.id: i for i, p in enumerate(old.provisions)}
    col = {p.id: j for j, p in enumerate(new.provisions)}
    out = []
    for a in old_ids:
        best_b = max(new_ids, key=lambda b: sim[row[a], col[b]])
        best_a = max(old_ids, key=lambda x: sim[row[x], col[best_b]])
        score = float(sim[row[a], col[best_b]])
        if best_a == a and score >= RELATED_MIN:
            out.append((a, best_b, round(score, 4)))
    return out


def diff_documents(
    old: StructuredVersion,
    new: StructuredVersion,
    *,
    catalogue: Catalogue | None = None,
    theme: str | None = None,
    include_unchanged: bool = False,
) -> DocumentDiff:
    """The provision-aligned word diff of two versions in the same language."""
    lang = old.version.lang
    if new.version.lang != lang:
        raise UsageError(
            f"cannot word-diff {old.document_id}:{old.version.key} ({lang}) with "
            f"{new.document_id}:{new.version.key} ({new.version.lang}): languages differ"
        )
    cat = catalogue if catalogue is not None else load_catalogue()
    if theme is not None and cat.get(theme) is None:
        raise UsageError(f"unknown theme {theme!r} (known: {', '.join(cat.ids)})")
    alignment = align_provisions(old, new, cat)

    def keep(a: Provision | None, b: Provision | None) -> bool:
        if theme is None:
            return True
        return any(p is not None and _mentions(p, lang, theme, cat) for p in (a, b))

    rows: list[tuple[str | None, str | None, float, str]] = [
        (p.a_id, p.b_id, p.score, p.relation) for p in alignment.pairs
    ]
    if theme is not None:
        lone_old = [
            a
            for a, b, _, _ in rows
            if b is None and a and _mentions(old.provision(a), lang, theme, cat)  # type: ignore[arg-type]
        ]
        lone_new = [
            b
            for a, b, _, _ in rows
            if a is None and b and _mentions(new.provision(b), lang, theme, cat)  # type: ignore[arg-type]
        ]
        related = {
            a: (b, score) for a, b, score in _related_pairs(old, new, lone_old, lone_new, cat)
        }
        paired_new = {b for b, _ in related.values()}
        rows = [
            (r[0], *related[r[0]], "related") if r[1] is None and r[0] in related else r
            for r in rows
            if not (r[0] is None and r[1] in paired_new)
        ]
    pairs: list[ProvisionDiff] = []
    added: list[ProvisionRef] = []
    removed: list[ProvisionRef] = []
    unchanged = 0
    for a_id, b_id, score, relation in rows:
        a = old.provision(a_id) if a_id else None
        b = new.provision(b_id) if b_id else None
        if not keep(a, b):
            continue
        if a is None and b is not None:
            added.append(_ref(b, lang))
            continue
        if b is None and a is not None:
            removed.append(_ref(a, lang))
            continue
        assert a is not None and b is not None
        ops, ratio = provision_ops(a, b, lang)
        changed = any(op.op != "equal" for op in ops)
        if not changed:
            unchanged += 1
            if not include_unchanged:
                continue
        pairs.append(
            ProvisionDiff(
                old_id=a.id,
                new_id=b.id,
                old_location=a.location,
                new_location=b.location,
                old_heading=a.heading,
                new_heading=b.heading,
                relation=relation,
                score=score,
                ratio=ratio,
                ops=ops,
                cue_changes=cue_changes(a, b, lang, theme, cat) if changed else (),
            )
        )
    cues = [c for p in pairs for c in p.cue_changes]
    return DocumentDiff(
        old_document=old.document_id,
        new_document=new.document_id,
        old_version=old.version.key,
        new_version=new.version.key,
        lang=lang,
        theme=theme,
        pairs=tuple(pairs),
        added=tuple(added),
        removed=tuple(removed),
        unchanged_count=unchanged,
        partial=tuple(
            side for side, v in (("old", old.version), ("new", new.version)) if not v.complete
        ),
        summary=DiffSummary(
            changed=sum(1 for p in pairs if p.changed),
            unchanged=unchanged,
            added=len(added),
            removed=len(removed),
            strengthened=sum(1 for c in cues if c.verdict == "strengthened"),
            weakened=sum(1 for c in cues if c.verdict == "weakened"),
        ),
    )


def fold_unchanged(diff: DocumentDiff) -> DocumentDiff:
    """A diff made ``include_unchanged``, as :func:`diff_documents` makes it without: its
    unchanged pairs folded into ``unchanged_count``, which already counts them."""
    return dataclasses.replace(diff, pairs=tuple(p for p in diff.pairs if p.changed))
