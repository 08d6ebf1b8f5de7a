"""One parent and one child: every parent commitment with its restatement, if any.

:func:`document_clauses` reads a document's commitment clauses (on its Chinese
original where it has one); :func:`compare_documents` aligns them (:mod:`.align`),
judges each pair (:mod:`.verdict`) and how sure that verdict is (:mod:`.confidence`),
lists the child's additions and, when asked, the word diff of each matched pair
(:mod:`.words`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from policydiff.analysis.commitments import find_commitments
from policydiff.diff.documents import Relation
from policydiff.diff.ops import TokenOp, token_ops
from policydiff.errors import UsageError
from policydiff.lineage import Edge, Lineage, shared_series
from policydiff.models import Document, Version
from policydiff.restatement.align import ROUTES, align_clauses
from policydiff.restatement.clauses import Clause, version_parts
from policydiff.restatement.confidence import (
    ChildWords,
    Confidence,
    assess,
    restated_neighbour,
    unnamed_items,
)
from policydiff.restatement.objects import content
from policydiff.restatement.targets import TargetChange, target_changes
from policydiff.restatement.topic import shared_topic
from policydiff.restatement.totals import shares_totals
from policydiff.restatement.verdict import RESTATEMENTS, Restatement, judge
from policydiff.strength import Lexicon
from policydiff.strength.targets import own_clause
from policydiff.structure import structure_version
from policydiff.themes import Catalogue


@dataclass(frozen=True)
class DocumentClauses:
    """A document's commitment clauses, in the version they were read in."""

    document: Document
    version: Version
    clauses: tuple[Clause, ...]
    # the parts of its sentences that direct nothing (组团间的生态廊道贯通连续)
    statements: tuple[Clause, ...] = ()

    @property
    def title(self) -> str:
        """The document's title in the language read: its Chinese title for a Chinese
        version, where it has one."""
        return self.document.title_in(self.version.lang)


@dataclass(frozen=True)
class Restated:
    """One parent commitment in the child."""

    parent: Clause
    child: Clause | None
    support: tuple[Clause, ...]  # other child clauses whose targets count
    similarity: float
    verdict: Restatement
    reasons: tuple[str, ...]
    targets: tuple[TargetChange, ...]
    confidence: Confidence  # sure, or check and why
    ops: tuple[TokenOp, ...] = ()  # word diff of the two clauses, when asked for
    # for an omission, the child clause that scored highest below the match threshold, the
    # one it is checked against (None when restated, or when none shares anything)
    nearest: Clause | None = None
    # other child clauses as like this commitment as a restatement, which restate none
    second_mentions: tuple[Clause, ...] = ()
    # how the child clause was found below MATCH (a key of align.ROUTES), "" by similarity
    route: str = ""

    @property
    def themes(self) -> tuple[str, ...]:
        return tuple(
            dict.fromkeys((*self.parent.themes, *(self.child.themes if self.child else ())))
        )


@dataclass(frozen=True)
class Comparison:
    parent: DocumentClauses
    child: DocumentClauses
    citation: Edge | None  # the lineage edge from child to parent, when there is one
    commitments: tuple[Restated, ...]
    additions: tuple[Clause, ...]
    # set when told of one theme (`diff --theme`): the commitments and additions about it
    theme: str | None = None
    # set by `diff` when it pairs commitments because the provisions do not correspond:
    # how alike they are (restatement.provision_diff.correspondence)
    correspondence: float | None = None
    # set by `diff` when the documents are the other way round: the parent here is the
    # lineage's child of the child here
    reversed_edge: bool = False
    # set by `diff` and `compare` when both documents are of one series: its name
    series: str = ""

    @property
    def summary(self) -> dict[str, int]:
        counts = Counter(r.verdict for r in self.commitments)
        out = {v.value: counts.get(v, 0) for v in RESTATEMENTS}
        out["added"] = len(self.additions)
        return out

    @property
    def second_mentions(self) -> tuple[tuple[Restated, Clause], ...]:
        """Each child clause as like a commitment as a restatement that restates none, with
        that commitment: in the child's order."""
        pairs = [(r, c) for r in self.commitments for c in r.second_mentions]
        return tuple(sorted(pairs, key=lambda pair: self.child.clauses.index(pair[1])))

    @property
    def to_check(self) -> int:
        """How many verdicts a reader should check (:mod:`.confidence`)."""
        return sum(not r.confidence.sure for r in self.commitments)

    @property
    def relation(self) -> Relation:
        """How the child relates to the parent: is another version of the one document,
        cites it, declares it only, is its parent in the lineage (``reversed_edge``), is of
        its series, or none of these."""
        if self.parent.document.id == self.child.document.id:
            return "versions"
        if self.cites_parent:
            return "cites"
        if self.citation is not None:
            return "declared"
        if self.reversed_edge:
            return "reversed"
        return "series" if self.series else "none"

    @property
    def to_check_of(self) -> dict[str, int]:
        """How many verdicts of each kind a reader should check."""
        counts = Counter(r.verdict.value for r in self.commitments if not r.confidence.sure)
        return {v.value: counts.get(v.value, 0) for v in RESTATEMENTS}

    @property
    def cites_parent(self) -> bool:
        return self.citation is not None and bool(self.citation.sentence)


@dataclass(frozen=True)
class Selection:
    """Which parts of a comparison a view shows: the commitments with the verdicts of
    ``only`` (all when empty), of those only the verdicts to check when ``to_check``, and
    the additions when ``only`` names ``added`` or is empty (never with ``to_check``: an
    addition carries no verdict)."""

    only: tuple[str, ...] = ()
    to_check: bool = False

    def keeps(self, r: Restated) -> bool:
        return (not self.only or r.verdict.value in self.only) and (
            not self.to_check or not r.confidence.sure
        )

    @property
    def additions(self) -> bool:
        return not self.to_check and (not self.only or "added" in self.only)


EVERYTHING = Selection()


def reading_version(document: Document, lang: str | None = None) -> Version:
    """The version a comparison reads: ``lang``'s, else the Chinese original, else the
    primary version."""
    version = document.version(lang) if lang else (document.version("zh") or document.version())
    if version is None:
        raise UsageError(f"{document.id} has no version in {lang!r}")
    return version


def document_clauses(
    document: Document,
    catalogue: Catalogue,
    lexicon: Lexicon | None = None,
    lang: str | None = None,
    *,
    parent: bool = False,
    version: Version | None = None,
) -> DocumentClauses:
    """A document's clauses as ``compare`` reads them (``version``, else the one
    :func:`reading_version` gives); as a ``parent`` without its statements, which only a
    child's restate (:mod:`.statements`)."""
    version = version or reading_version(document, lang)
    structured = structure_version(document.id, version)
    commitments = find_commitments(structured, catalogue, lexicon)
    clauses, statements = version_parts(structured, commitments, lexicon)
    return DocumentClauses(document, version, clauses, () if parent else statements)


def compare_clauses(
    parent: DocumentClauses,
    child: DocumentClauses,
    citation: Edge | None = None,
    *,
    with_ops: bool = False,
) -> Comparison:
    if parent.version.lang != child.version.lang:
        raise UsageError(
            f"{parent.document.id} is read in {parent.version.lang} and "
            f"{child.document.id} in {child.version.lang}: compare needs one language (--lang)"
        )
    topic = shared_topic(parent.title, child.title, parent.version.lang)
    matches, additions = align_clauses(parent.clauses, child.clauses, topic, child.statements)
    lang = parent.version.lang
    restated = []
    child_words = ChildWords.of(child.clauses, lang)
    parent_targets = tuple(dict.fromkeys(pair for c in parent.clauses for pair in c.offered))
    child_targets = tuple(dict.fromkeys(pair for c in child.clauses for pair in c.offered))
    shared = shares_totals(parent.document, child.document)
    # each child clause that restates a parent clause, paired with that parent clause
    restated_by = [(x.parent, x.child) for x in matches if x.child is not None]
    # the child clauses that restate parent clauses: judge leaves out the pair's own, so
    # the one list serves every pair
    restating = [child for _, child in restated_by]
    for m in matches:
        verdict, reasons = judge(
            m.parent, m.child, m.support, parent_targets, child_targets, restating, shared
        )
        changes = (
            target_changes(m.parent, m.child, m.support, None, child_targets, shared)
            if m.child
            else ()
        )
        if m.child is not None:
            reasons, changes = located_reasons(reasons, changes, m.parent, m.child, child.clauses)
        restated.append(
            Restated(
                parent=m.parent,
                child=m.child,
                support=m.support,
                similarity=m.similarity,
                verdict=verdict,
                reasons=reasons,
                targets=changes,
                confidence=assess(
                    m.child,
                    m.similarity,
                    reasons,
                    m.nearest,
                    changed=verdict in (Restatement.STRENGTHENED, Restatement.WEAKENED),
                    omitted=content(m.parent) if m.child is None else "",
                    child_words=child_words,
                    unnamed=unnamed_items(m.parent, m.child) if m.child and lang == "zh" else (),
                    matched_by=ROUTES[m.route] if m.route else "",
                    lang=lang,
                    neighbour=restated_neighbour(m.parent, restated_by, content(m.parent))
                    if m.child is None
                    else None,
                    placed=any(c.parent_clause or c.child_place for c in changes),
                ),
                ops=token_ops(m.parent.text, m.child.text, lang)[0] if with_ops and m.child else (),
                nearest=m.nearest,
                second_mentions=m.second_mentions,
                route=m.route,
            )
        )
    return Comparison(parent, child, citation, tuple(restated), additions)


def located_reasons(
    reasons: Sequence[str],
    changes: Sequence[TargetChange],
    parent: Clause,
    restating: Clause,
    child_clauses: Sequence[Clause],
) -> tuple[tuple[str, ...], tuple[TargetChange, ...]]:
    """``reasons`` and ``changes``, each change saying where its figures stand when they
    stand outside the clauses quoted as the pair: the parent's, set in another clause of
    its sentence (a target of the sentence measures its lead commitment), and the child's,
    outside the restating clause's sentence (a goal of the plan's opening, a later
    chapter). The claim names the words it rests on, not only those quoted beside it."""
    located = []
    for change in changes:
        own = next(
            (own_clause(t, context) for t, context in parent.measured if t is change.parent),
            own_clause(change.parent, parent.sentence),
        )
        figure, child_place, holder = change.child, "", None
        if figure is not None and figure.text not in restating.sentence:
            holder = next((c for c in child_clauses if any(t is figure for t in c.targets)), None)
            if holder is not None:
                child_place = f"{holder.provision_id}: {holder.text}"
        parent_clause = own if own not in parent.text else ""
        located.append(
            replace(
                change, parent_clause=parent_clause, child_place=child_place, child_holder=holder
            )
        )
    # each reason stated by a change, in order: two changes may read alike before placing
    unplaced = list(zip(changes, located, strict=True))
    out = []
    for reason in reasons:
        at = next((k for k, (old, _) in enumerate(unplaced) if old.said == reason), None)
        out.append(reason if at is None else unplaced.pop(at)[1].said)
    return tuple(out), tuple(located)


def related(comparison: Comparison, lineage: Lineage) -> Comparison:
    """``comparison`` told how its documents relate besides a citation of the parent: the
    parent implements the child in ``lineage`` (``reversed_edge``), or both are of one
    series (``series``)."""
    parent, child = comparison.parent.document, comparison.child.document
    return replace(
        comparison,
        reversed_edge=lineage.edge(parent.id, child.id) is not None,
        series=shared_series(parent, child),
    )


def compare_documents(
    parent: Document,
    child: Document,
    catalogue: Catalogue,
    lexicon: Lexicon | None = None,
    *,
    citation: Edge | None = None,
    lang: str | None = None,
    with_ops: bool = False,
) -> Comparison:
    """How ``child`` restates every commitment of ``parent``."""
    return compare_clauses(
        document_clauses(parent, catalogue, lexicon, lang, parent=True),
        document_clauses(child, catalogue, lexicon, lang),
        citation,
        with_ops=with_ops,
    )


def summary_counts(comparisons: Sequence[Comparison]) -> dict[str, int]:
    total: Counter[str] = Counter()
    for c in comparisons:
        total.update(c.summary)
    return dict(total)
