"""One parent and all its children: the fidelity matrix.

Rows are the parent's commitments (clauses), columns its children in timeline order,
each cell the verdict of :mod:`.compare` with both sentences. Per child: the share of
the parent's commitments it restated, strengthened, weakened or omitted, and how many
commitments it added. The parent's clauses are read once for all children.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from policydiff.corpus import Corpus
from policydiff.lineage import Lineage, build_lineage
from policydiff.lineage.graph import Edge
from policydiff.models import Document
from policydiff.restatement.clauses import Clause
from policydiff.restatement.compare import (
    Comparison,
    DocumentClauses,
    Restated,
    compare_clauses,
    document_clauses,
)
from policydiff.restatement.verdict import RESTATEMENTS, Restatement
from policydiff.runtime.engine import Engine, LocalEngine
from policydiff.strength import Lexicon
from policydiff.themes import Catalogue

# The chart shows at most this many rows: the commitments the children depart from most.
MAX_CHART_ROWS = 60


@dataclass(frozen=True)
class Fidelity:
    parent: Document
    rows: tuple[Clause, ...]
    comparisons: tuple[Comparison, ...]  # one per child, in timeline order
    lang: str = "zh"  # of the parent's version read

    @property
    def children(self) -> tuple[Document, ...]:
        return tuple(c.child.document for c in self.comparisons)

    @property
    def parent_title(self) -> str:
        """The parent's title in the language read: its Chinese title for a Chinese
        version, where it has one."""
        return self.parent.title_in(self.lang)

    def cell(self, row: int, column: int) -> Restated:
        return self.comparisons[column].commitments[row]

    def counts(self, column: int) -> dict[str, int]:
        """The parent's commitments per verdict, for one child."""
        summary = self.comparisons[column].summary
        return {v.value: summary[v.value] for v in RESTATEMENTS}

    def shares(self, column: int) -> dict[str, float]:
        """Share of the parent's commitments per verdict, for one child."""
        summary = self.comparisons[column].summary
        total = len(self.rows) or 1
        return {v.value: round(summary[v.value] / total, 4) for v in RESTATEMENTS}

    def departures(self, row: int) -> int:
        """How many children did not simply restate this commitment."""
        return sum(
            self.cell(row, j).verdict != Restatement.RESTATED for j in range(len(self.comparisons))
        )

    def chart_rows(self, limit: int = MAX_CHART_ROWS) -> tuple[int, ...]:
        """The rows the chart draws: all of them up to ``limit``, else those most children
        depart from (ties in text order), shown in text order."""
        every = range(len(self.rows))
        if len(self.rows) <= limit:
            return tuple(every)
        ranked = sorted(every, key=lambda i: (-self.departures(i), i))[:limit]
        return tuple(sorted(ranked))


def compare_child(
    item: tuple[Document, Edge | None],
    shared: tuple[DocumentClauses, Catalogue, Lexicon | None, str | None, bool],
) -> Comparison:
    """One child's comparison with the parent it is given already read: one task of an
    engine (:mod:`policydiff.runtime.engine`)."""
    child, citation = item
    parent, catalogue, lexicon, lang, with_ops = shared
    read = document_clauses(child, catalogue, lexicon, lang)
    return compare_clauses(parent, read, citation, with_ops=with_ops)


def fidelity(
    parent: Document,
    children: Sequence[Document],
    catalogue: Catalogue,
    lineage: Lineage | None = None,
    lexicon: Lexicon | None = None,
    *,
    lang: str | None = None,
    engine: Engine | None = None,
) -> Fidelity:
    """The matrix of ``parent``'s commitments x ``children``, each child compared by
    ``engine`` (here, by default)."""
    read = document_clauses(parent, catalogue, lexicon, lang, parent=True)
    items = [
        (child, lineage.edge(child.id, parent.id) if lineage is not None else None)
        for child in children
    ]
    shared = (read, catalogue, lexicon, lang or read.version.lang, False)
    comparisons = (engine or LocalEngine()).map(compare_child, items, shared)
    return Fidelity(parent, read.clauses, tuple(comparisons), read.version.lang)


def lineage_fidelities(
    corpus: Corpus,
    catalogue: Catalogue,
    lexicon: Lexicon | None = None,
    *,
    engine: Engine | None = None,
    lineage: Lineage | None = None,
    whole: Callable[[Document], Document] | None = None,
) -> tuple[Fidelity, ...]:
    """The fidelity matrix of every document of ``corpus`` with children, in timeline
    order (none for a corpus without lineage). ``lineage``, when given, is the corpus's
    (:func:`build_lineage` otherwise); ``whole`` reads a document with its texts, for a
    corpus that holds only their metadata (its parents and children are read then)."""
    lineage = lineage or build_lineage(corpus.documents)
    out = []
    for parent in corpus.documents:
        children = [corpus.get(i) for i in lineage.children(parent.id)]
        held = [c for c in children if c is not None]
        if held:
            if whole is not None:
                parent, held = whole(parent), [whole(c) for c in held]
            out.append(fidelity(parent, held, catalogue, lineage, lexicon, engine=engine))
    return tuple(out)
