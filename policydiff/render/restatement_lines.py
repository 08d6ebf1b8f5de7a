"""What every view of a restatement (terminal, Markdown, HTML) says in the same words: the
line on how many verdicts to check, where the child's side of a commitment stands, a
clause's cue beside its quote, and the child's second mentions."""

from __future__ import annotations

import re

from policydiff.restatement.clauses import Clause
from policydiff.restatement.compare import Comparison, Restated
from policydiff.restatement.confidence import NEIGHBOUR_LEAD
from policydiff.restatement.provision_diff import PROVISION_MATCH, provisions_correspond


def checking(comparison: Comparison, mark: str = "(check)") -> str:
    """How many verdicts to read, how they are marked (``mark``) and where the doubts are
    explained: one line for every format."""
    about = (
        f"Only the commitments and additions about {comparison.theme} (either side's clause). "
        if comparison.theme
        else ""
    )
    shared = shared_doubt(comparison)
    why = f" Common to them all: {in_side_words(comparison, shared)}." if shared else ""
    return about + (
        f"{comparison.to_check} of {len(comparison.commitments)} verdicts "
        f"to check by reading, marked {mark} (docs/lineage.md, how sure a verdict is).{why}"
    )


def _doubt_parts(doubt: str) -> tuple[str, ...]:
    return tuple(part for part in doubt.split("; ") if part)


def shared_doubt(comparison: Comparison) -> str:
    """The doubts every verdict to check shares, where two or more are (an English
    reading's, the same for every verdict): said once beside the count rather than on every
    row; "" where they share none."""
    doubts = [
        _doubt_parts(r.confidence.doubt) for r in comparison.commitments if not r.confidence.sure
    ]
    if len(doubts) < 2:
        return ""
    return "; ".join(part for part in doubts[0] if all(part in d for d in doubts[1:]))


def row_doubt(comparison: Comparison, r: Restated, shared: str) -> str:
    """The doubt a row of the table shows, in the words the columns use: its own, less what
    every verdict to check shares (``shared``, :func:`shared_doubt`); "" for a sure verdict."""
    if r.confidence.sure:
        return ""
    common = set(_doubt_parts(shared))
    own = [part for part in _doubt_parts(r.confidence.doubt) if part not in common]
    return in_side_words(comparison, "; ".join(own))


def documents_line(comparison: Comparison) -> str:
    """The two documents compared, by title and date."""
    p, c = comparison.parent, comparison.child
    return f"{p.title} ({p.document.shown_date}) → {c.title} ({c.document.shown_date})"


def pairing_line(comparison: Comparison) -> str:
    """Why ``diff`` told two documents commitment by commitment, when it did ("" else)."""
    alike = comparison.correspondence
    if alike is None:
        return ""
    return f"diff pairs commitments, as compare does: {alike_phrase(alike)}"


def partial_line(comparison: Comparison) -> str:
    """What a partial version (complete: false) on either side means for the verdicts
    ("" when both are complete)."""
    sides = [
        (read, meaning)
        for read, meaning in (
            (comparison.parent, "a child commitment listed as an addition"),
            (comparison.child, "a commitment listed as omitted"),
        )
        if not read.version.complete
    ]
    return "; ".join(
        f"{read.document.id}:{read.version.key} is a partial version (complete: false): "
        f"{meaning} may only be missing from it"
        for read, meaning in sides
    )


def note_lines(comparison: Comparison) -> list[str]:
    """The notes a reader needs before the verdicts: why ``diff`` paired commitments, what
    a partial version leaves open, a parent with nothing to restate."""
    empty = (
        f"{comparison.parent.document.id} holds no commitment (no clause with a directive "
        "cue): there is nothing for the child to restate"
        if not comparison.parent.clauses
        else ""
    )
    notes = (pairing_line(comparison), partial_line(comparison), empty)
    return [line for line in notes if line]


def alike_phrase(alike: float) -> str:
    """How alike two documents' provisions are, against the threshold."""
    side = "at least" if provisions_correspond(alike) else "under"
    return f"their provisions are {alike:.2f} alike ({side} {PROVISION_MATCH:.2f})"


def document_names(comparison: Comparison) -> tuple[str, str]:
    """The two documents' ids, each with its version's key where both are one document's
    (2021-green-development-urban:en-2)."""
    p, c = comparison.parent, comparison.child
    if comparison.relation == "versions":
        return f"{p.document.id}:{p.version.key}", f"{c.document.id}:{c.version.key}"
    return p.document.id, c.document.id


def side_names(comparison: Comparison) -> tuple[str, str]:
    """What the two columns of a restatement are called: parent and child, unless the two
    are versions of one document (their keys) or of one series, one surely issued before
    the other (earlier and later, in the order given)."""
    p, c = comparison.parent, comparison.child
    if comparison.relation == "versions":
        return p.version.key, c.version.key
    if comparison.relation == "series":
        if c.document.issue_date.surely_after(p.document.issue_date):
            return "earlier", "later"
        if _later_first(comparison):
            return "later", "earlier"
    return "parent", "child"


# "the parent" and "the child" as the reasons and doubts name the sides: before 's, a
# break or the words those sentences go on with, never inside quoted text ("the child
# care services", "child-friendly")
_SIDE_WORD = re.compile(
    r"\bthe (parent|child)(?='s\b|[,;:.)]|$|\s+(?:clause|sets?|keeps|commits|uses|comes|names"
    r"|has|strengthens|restates|does|there)\b)"
)


def in_side_words(comparison: Comparison, text: str) -> str:
    """A reason or a doubt, which names the two sides parent and child, in the words the
    table's columns use (:func:`side_names`): "no clause of the later document restates it"
    where they are earlier and later, "version en-2" where they are two versions' keys."""
    sides = side_names(comparison)
    if sides == ("parent", "child"):
        return text
    if comparison.relation == "versions":
        return renamed_sides(text, f"version {sides[0]}", f"version {sides[1]}")
    return renamed_sides(text, f"the {sides[0]} document", f"the {sides[1]} document")


def renamed_sides(text: str, parent: str, child: str) -> str:
    """``text`` with "the parent" and "the child", as reasons and doubts name the sides,
    called ``parent`` and ``child``; quoted words left as they are."""
    names = {"parent": parent, "child": child}
    return _SIDE_WORD.sub(lambda found: names[found.group(1)], text)


def _later_first(comparison: Comparison) -> bool:
    parent, child = comparison.parent.document, comparison.child.document
    return parent.issue_date.surely_after(child.issue_date)


def citation_line(comparison: Comparison) -> str:
    """Whether the child cites the parent, with the citation, where it stands and the
    sentence that makes it (the evidence of the edge); or how else the two are related."""
    edge = comparison.citation
    p, c = comparison.parent.version, comparison.child.version
    if comparison.relation == "versions" and p.key == c.key:
        return "one version of one document, read against itself"
    if edge is None:
        return relation_line(
            comparison.relation, series=comparison.series, later_first=_later_first(comparison)
        )
    return relation_line(comparison.relation, edge.cited, edge.location, edge.sentence)


def relation_line(
    relation: str,
    cited: str = "",
    location: str = "",
    sentence: str = "",
    *,
    series: str = "",
    later_first: bool = False,
) -> str:
    """How the second of two documents relates to the first in the lineage (``relation``
    as :attr:`~policydiff.restatement.compare.Comparison.relation` names it), with the
    citation, where it stands and, given, its sentence, or the series both are of and
    whether the first was issued after the second (``later_first``)."""
    if relation == "versions":
        return "two versions of one document: the first's commitments as the second words them"
    if relation == "cites":
        said = f", in the sentence {sentence}" if sentence else ""
        return f"cites the parent: {cited} — {location}{said}"
    if relation == "declared":
        return "parent declared; the text does not cite it"
    if relation == "reversed":
        return (
            "the other way round: the first document implements the second (diff or compare "
            "them the other way for the usual reading)"
        )
    if relation == "series" and later_first:
        return (
            f"both of one series ({series}), and the first is the later: its commitments are "
            "read as what the earlier one restates (diff or compare them the other way for the "
            "usual reading)"
        )
    if relation == "series":
        return (
            f"both of one series ({series}), neither a parent of the other: the earlier one's "
            "commitments are read as what the later one carries forward"
        )
    return "not a parent in the lineage: compared all the same"


def child_place(r: Restated) -> str:
    """Where the child's side stands: its clause, or for an omission to check where the
    clause or sentence its doubt names stands: the nearest clause, or the sentence holding
    most of its words ("" otherwise)."""
    if r.child is not None:
        return r.child.location
    where, quotes = r.confidence.location, r.confidence.quotes
    if not where or r.confidence.sure:
        return ""
    return f"nearest: {where}" if quotes == "nearest" else f"its words: {where}"


def doubt_seen(doubt: str, location: str) -> str:
    """A doubt with where the child's words it quotes stand, as the views beside the
    pairwise table say it (the fidelity cells, a cross-document diff's cue lines): after
    what it quotes, before its pointer to a neighbour's restatement, which names its own."""
    if not location:
        return doubt
    quoted, lead, neighbour = doubt.partition(NEIGHBOUR_LEAD)
    return f"{quoted} (see {location}){lead}{neighbour}"


def sentences(r: Restated) -> tuple[str, ...]:
    """The whole sentences of a pair, the evidence its clauses are cut from, where either is
    more than its clause (parent's, then child's); none where both are the clauses whole."""
    pair = (r.parent, r.child) if r.child is not None else (r.parent,)
    if all(clause.sentence == clause.text for clause in pair):
        return ()
    return tuple(clause.sentence for clause in pair)


def second_mentions_heading(comparison: Comparison) -> str:
    """The heading of the child's clauses as like a commitment as its restatement that
    restate none (another clause was taken): shown, so that no commitment of the child is
    left out of the view."""
    n = len(comparison.second_mentions)
    return (
        f"Second mentions in {document_names(comparison)[1]} ({n}): as like a commitment as "
        "its restatement, another clause taken"
    )


def cue_note(clause: Clause) -> str:
    """A clause's cue and strength, as the additions and second mentions show them."""
    return f" [{clause.cue} {clause.strength}]" if clause.cue else ""


def second_mention_items(comparison: Comparison) -> list[tuple[str, str, str]]:
    """Each second mention's clause, its cue (:func:`cue_note`, not part of the quote) and
    where it stands beside the commitment it is like, in the child's order."""
    return [
        (clause.text, cue_note(clause), f"{clause.location}; like {r.parent.text}")
        for r, clause in comparison.second_mentions
    ]
