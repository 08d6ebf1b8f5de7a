"""``compare`` measured against hand annotations of restatement
(``policydiff.restatement-gold/1``, rules in docs/lineage.md).

A gold file names a parent, its children, and for each parent commitment (its clause,
copied from the parent's text) the verdict on each child with the child's sentence.
:func:`measure` runs :func:`policydiff.restatement.compare.compare_documents` on each
child, finds the clause of the tool's that stands where the gold's clause stands (the
one it overlaps most) and counts how often both give one verdict: per verdict, per
child, and every disagreement with both readings quoted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from policydiff.corpus import Corpus
from policydiff.errors import InputError
from policydiff.evaluate.gold import GOLD_NODES, unknown_key
from policydiff.lineage import build_lineage
from policydiff.models import LANGUAGES
from policydiff.restatement.clauses import Clause
from policydiff.restatement.compare import Comparison, Restated, compare_documents, reading_version
from policydiff.restatement.confidence import CHECK, SURE, Label
from policydiff.restatement.objects import canonical
from policydiff.restatement.verdict import RESTATEMENTS
from policydiff.runtime.files import yaml_problem
from policydiff.runtime.untrusted import Refused, SafeLoader, load_yaml
from policydiff.themes import Catalogue

SCHEMA = "policydiff.restatement-gold/1"
VERDICTS = tuple(v.value for v in RESTATEMENTS)


@dataclass(frozen=True)
class GoldCell:
    child: str
    verdict: str
    sentence: str | None
    notes: str


@dataclass(frozen=True)
class GoldCommitment:
    parent: str  # the clause, as it stands in the parent's text
    cue: str
    level: float
    cells: tuple[GoldCell, ...]


@dataclass(frozen=True)
class RestatementGold:
    path: Path
    parent: str
    children: tuple[str, ...]
    commitments: tuple[GoldCommitment, ...]
    # the language of the versions read (None: each document's primary version), for a
    # gold read on translations of documents held in several languages
    lang: str | None = None


def _fail(path: Path, problem: str) -> InputError:
    return InputError(str(path), problem)


# the keys of each level of a restatement gold file (docs/lineage.md)
KEYS = {
    "the file": ("schema", "annotator", "parent", "parent_text", "children", "lang", "commitments"),
    "commitment": ("parent", "cue", "level", "targets", "themes", "children", "notes"),
    "cell": ("verdict", "sentence", "cue", "level", "targets", "notes"),
}


def _known_keys(path: Path, entry: dict[Any, Any], kind: str, where: str) -> None:
    problem = unknown_key(entry, kind, KEYS[kind])
    if problem:
        raise _fail(path, f"{where}: {problem}" if where else problem)


def read_gold(path: Path) -> RestatementGold:
    """A gold file, checked: every problem is an InputError naming the file and where."""
    try:
        data: Any = load_yaml(path.read_text(encoding="utf-8"), SafeLoader, GOLD_NODES)
    except Refused as exc:
        raise _fail(path, f"the file {exc}") from None
    except OSError as exc:
        raise _fail(path, f"cannot read: {(exc.strerror or str(exc)).lower()}") from None
    except yaml.YAMLError as exc:
        raise _fail(path, f"malformed YAML, {yaml_problem(exc)}") from None
    except UnicodeDecodeError as exc:
        raise _fail(path, f"not UTF-8 (byte {exc.start})") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise _fail(path, f"not a restatement gold file (schema must be {SCHEMA})")
    _known_keys(path, data, "the file", "")
    children = data.get("children")
    if not isinstance(data.get("parent"), str) or not isinstance(children, dict) or not children:
        raise _fail(path, "parent (an id) and children (id: text file) are required")
    lang = data.get("lang")
    if lang is not None and lang not in LANGUAGES:
        raise _fail(path, f"lang must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    listed = data.get("commitments") or []
    if not isinstance(listed, list):
        raise _fail(path, "commitments must be a list")
    if not listed:
        raise _fail(path, "commitments: none listed, so there is nothing to measure")
    commitments = []
    seen: set[str] = set()
    for i, raw in enumerate(listed):
        where = f"commitments[{i}]"
        if not isinstance(raw, dict) or not isinstance(raw.get("parent"), str):
            raise _fail(path, f"{where}: parent (the clause) is required")
        _known_keys(path, raw, "commitment", where)
        if raw["parent"] in seen:
            raise _fail(path, f"{where}: {raw['parent']} is annotated twice")
        seen.add(raw["parent"])
        level = raw.get("level") or 0
        if isinstance(level, bool) or not isinstance(level, int | float) or not 0 <= level <= 5:
            raise _fail(path, f"{where}.level: must be a level from 0 to 5, not {level!r}")
        cells_given = raw.get("children") or {}
        if not isinstance(cells_given, dict):
            raise _fail(path, f"{where}.children: must be a mapping of child id to its cell")
        cells = []
        for child, cell in cells_given.items():
            if child not in children:
                raise _fail(path, f"{where}: {child} is not among the children")
            if isinstance(cell, dict):
                _known_keys(path, cell, "cell", f"{where}.{child}")
            verdict = cell.get("verdict") if isinstance(cell, dict) else None
            if verdict not in VERDICTS:
                raise _fail(path, f"{where}.{child}: verdict must be one of {', '.join(VERDICTS)}")
            sentence = cell.get("sentence")
            if sentence is not None and not isinstance(sentence, str):
                raise _fail(path, f"{where}.{child}.sentence: must be text")
            cells.append(GoldCell(child, verdict, sentence, str(cell.get("notes") or "")))
        commitments.append(
            GoldCommitment(raw["parent"], str(raw.get("cue") or ""), float(level), tuple(cells))
        )
    if not any(c.cells for c in commitments):
        raise _fail(path, "commitments: none has a child's verdict, so there is nothing to measure")
    return RestatementGold(path, data["parent"], tuple(children), tuple(commitments), lang)


# What a disagreement is about: the tool's clause for the gold's is no commitment of its
# (not read); the tool restates what the gold finds omitted (false match), or the reverse
# (missed match); both restate it, in the same child sentence but in another direction
# (direction), or in another sentence (other sentence).
KINDS = ("not read", "false match", "missed match", "direction", "other sentence")


@dataclass(frozen=True)
class Case:
    """One (parent commitment, child): the gold's verdict and the tool's."""

    parent: str  # the gold's clause
    child: str
    gold: str
    tool: str
    gold_sentence: str | None
    tool_clause: str | None  # the tool's parent clause that stands for the gold's
    tool_child: str | None  # the tool's child sentence
    reasons: tuple[str, ...]
    notes: str
    # how sure the tool is of its verdict (policydiff.restatement.confidence): sure or check,
    # check where no clause of the tool's stands for the gold's
    confidence: Label = CHECK
    # the tool's whole reading of the pair (its clauses, targets, reasons), for scripts that
    # weigh what decided a verdict; None where no clause of the tool's stands for the gold's
    restated: Restated | None = field(default=None, compare=False, repr=False)

    @property
    def agrees(self) -> bool:
        return self.gold == self.tool

    @property
    def pointed_by(self) -> str:
        """For a restatement the tool missed (gold restates, tool omits), what of its doubt
        names the gold's sentence: the ``nearest`` clause, the sentence holding the
        object's ``words``, or the sentence restating its ``neighbour``; "" for none."""
        r = self.restated
        gold = self.gold_sentence or ""
        if self.kind != "missed match" or r is None or not gold or r.confidence.sure:
            return ""

        def names(sentence: str) -> bool:
            return bool(sentence) and (sentence in gold or gold in sentence)

        if r.confidence.quotes == "nearest" and r.nearest and names(r.nearest.sentence):
            return "nearest"
        # where the words stand is quoted with synonyms written one way, as they were looked for
        at = r.confidence.words_at.strip("⋯")
        if r.confidence.quotes == "words" and at and at in canonical(gold):
            return "words"
        return "neighbour" if names(r.confidence.neighbour_sentence) else ""

    @property
    def kind(self) -> str:
        """What a disagreement is about (:data:`KINDS`); "agree" where there is none."""
        if self.agrees:
            return "agree"
        if self.tool == "unmatched":
            return "not read"
        if self.gold == "omitted":
            return "false match"
        if self.tool == "omitted":
            return "missed match"
        gold, tool = self.gold_sentence or "", self.tool_child or ""
        if gold and tool and (gold in tool or tool in gold):
            return "direction"
        return "other sentence"


@dataclass(frozen=True)
class RestatementAgreement:
    gold: Path
    cases: tuple[Case, ...]

    @property
    def agreed(self) -> int:
        return sum(c.agrees for c in self.cases)

    @property
    def rate(self) -> float:
        return self.agreed / len(self.cases) if self.cases else 0.0

    def by(self, key: str) -> dict[str, tuple[int, int]]:
        """(agreed, cases) per gold verdict (``key="gold"``), per child or per confidence
        of the tool's."""
        total: Counter[str] = Counter()
        good: Counter[str] = Counter()
        for c in self.cases:
            value = getattr(c, key)
            total[value] += 1
            good[value] += c.agrees
        return {k: (good[k], total[k]) for k in sorted(total)}

    @property
    def claims(self) -> dict[str, dict[str, tuple[int, int]]]:
        """(agreed, cases) per verdict of the tool's, in all (``"all"``) and per confidence:
        how often each claim is right, which is what a reader quoting one needs. Pairs where
        no clause of the tool's stands for the gold's are left out (:attr:`unmatched`)."""
        out: dict[str, dict[str, tuple[int, int]]] = {}
        every = self.by("tool")
        # "unmatched" is no claim: no clause of the tool's stands where the gold's does
        for verdict in (v for v in VERDICTS if v in every):
            whole = every[verdict]
            mine = [c for c in self.cases if c.tool == verdict]
            out[verdict] = {"all": whole}
            for label in (SURE, CHECK):
                held = [c for c in mine if c.confidence == label]
                if held:
                    out[verdict][label] = (sum(c.agrees for c in held), len(held))
        return out

    @property
    def unmatched(self) -> int:
        """Pairs where no clause of the tool's stands where the gold's does."""
        return sum(c.tool == "unmatched" for c in self.cases)

    @property
    def pointers(self) -> dict[str, int]:
        """Of the restatements the tool missed, how many in all (``missed``) and how many a
        doubt names the gold's sentence of, by what (:attr:`Case.pointed_by`): how far the
        doubts lead a reader to what the tool did not see."""
        missed = [c for c in self.cases if c.kind == "missed match"]
        counts = Counter(c.pointed_by for c in missed)
        return {
            "missed": len(missed),
            "pointed": len(missed) - counts[""],
            **{how: counts[how] for how in ("nearest", "words", "neighbour")},
        }

    @property
    def kinds(self) -> dict[str, int]:
        """The disagreements counted by :attr:`Case.kind`, in the order of :data:`KINDS`."""
        counts = Counter(c.kind for c in self.cases if not c.agrees)
        return {k: counts[k] for k in KINDS if counts[k]}

    @property
    def confusion(self) -> dict[tuple[str, str], int]:
        return dict(Counter((c.gold, c.tool) for c in self.cases))


def standing_for(text: str, clauses: Sequence[Clause]) -> Clause | None:
    """The clause of the tool's that overlaps the gold's clause most."""
    best, best_overlap = None, 0
    for clause in clauses:
        at = clause.sentence.find(text)
        if at >= 0:
            overlap = min(at + len(text), clause.end) - max(at, clause.start)
        elif clause.text in text:
            overlap = len(clause.text)
        else:
            continue
        if overlap > best_overlap:
            best, best_overlap = clause, overlap
    return best


def _refuse_clauses_not_in(gold: RestatementGold, text: str) -> None:
    """Every gold commitment is a clause of the parent, its spaces aside: one that is not
    (a typo, another document's) would count as a commitment the tool did not read."""
    unspaced = "".join(text.split())
    for i, commitment in enumerate(gold.commitments):
        if "".join(commitment.parent.split()) not in unspaced:
            raise _fail(
                gold.path,
                f"commitments[{i}].parent: not in the text of {gold.parent}: {commitment.parent}",
            )


def measure(gold: RestatementGold, corpus: Corpus, catalogue: Catalogue) -> RestatementAgreement:
    parent = corpus.get(gold.parent)
    if parent is None:
        raise _fail(gold.path, f"parent {gold.parent} is not in {corpus.path}")
    _refuse_clauses_not_in(gold, reading_version(parent, gold.lang).text)
    lineage = build_lineage(corpus.documents)
    comparisons: dict[str, Comparison] = {}
    for child_id in gold.children:
        child = corpus.get(child_id)
        if child is None:
            raise _fail(gold.path, f"child {child_id} is not in {corpus.path}")
        comparisons[child_id] = compare_documents(
            parent, child, catalogue, citation=lineage.edge(child_id, parent.id), lang=gold.lang
        )
    cases = []
    for commitment in gold.commitments:
        for cell in commitment.cells:
            comparison = comparisons[cell.child]
            clause = standing_for(commitment.parent, [r.parent for r in comparison.commitments])
            found: Restated | None = (
                next(r for r in comparison.commitments if r.parent is clause) if clause else None
            )
            cases.append(
                Case(
                    parent=commitment.parent,
                    child=cell.child,
                    gold=cell.verdict,
                    tool=found.verdict.value if found else "unmatched",
                    gold_sentence=cell.sentence,
                    tool_clause=clause.text if clause else None,
                    tool_child=found.child.sentence if found and found.child else None,
                    reasons=found.reasons if found else ("no clause of the tool's stands here",),
                    notes=cell.notes,
                    confidence=found.confidence.label if found else CHECK,
                    restated=found,
                )
            )
    return RestatementAgreement(gold.path, tuple(cases))


@dataclass(frozen=True)
class Reading:
    """Two readers' verdicts on one (parent commitment, child)."""

    parent: str
    child: str
    first: str
    second: str


@dataclass(frozen=True)
class ReaderAgreement:
    """How often two gold files of one parent, children and commitments agree: the
    ceiling a tool measured against either can be expected to reach."""

    first: Path
    second: Path
    readings: tuple[Reading, ...]

    @property
    def agreed(self) -> int:
        return sum(r.first == r.second for r in self.readings)

    @property
    def rate(self) -> float:
        return self.agreed / len(self.readings) if self.readings else 0.0

    @property
    def kappa(self) -> float:
        """Cohen's kappa over the four verdicts."""
        return _kappa([r.first for r in self.readings], [r.second for r in self.readings])

    @property
    def presence(self) -> tuple[int, float]:
        """Agreement on whether the child restates the commitment at all (omitted or not):
        pairs agreed and Cohen's kappa."""
        first = [r.first != "omitted" for r in self.readings]
        second = [r.second != "omitted" for r in self.readings]
        return sum(a == b for a, b in zip(first, second, strict=True)), _kappa(first, second)

    @property
    def confusion(self) -> dict[tuple[str, str], int]:
        return dict(Counter((r.first, r.second) for r in self.readings))


def _kappa(first: Sequence[object], second: Sequence[object]) -> float:
    """Cohen's kappa (scikit-learn's); where the readers use one label between them, which
    leaves it undefined, 1.0 (they agree on every pair), and 0.0 with no pairs."""
    if not first or len(set(first) | set(second)) < 2:
        return 1.0 if first and list(first) == list(second) else 0.0
    from sklearn.metrics import cohen_kappa_score

    return float(cohen_kappa_score(first, second))


def compare_readers(first: RestatementGold, second: RestatementGold) -> ReaderAgreement:
    """The verdicts of two gold files side by side, in the first's order. Both must read
    one parent, the same children and the same commitments in the same order: anything
    else is an InputError naming the second file and where it departs."""
    if second.parent != first.parent or set(second.children) != set(first.children):
        raise _fail(second.path, f"reads another parent or other children than {first.path}")
    if len(second.commitments) != len(first.commitments):
        raise _fail(
            second.path,
            f"has {len(second.commitments)} commitments where {first.path} has "
            f"{len(first.commitments)}",
        )
    readings = []
    for i, (one, two) in enumerate(zip(first.commitments, second.commitments, strict=True)):
        if one.parent != two.parent:
            raise _fail(second.path, f"commitments[{i}] is {two.parent!r}, not {one.parent!r}")
        theirs = {cell.child: cell.verdict for cell in two.cells}
        extra = sorted(set(theirs) - {cell.child for cell in one.cells})
        if extra:
            # a verdict the first lacks would be counted by measure() of the second gold
            # and not here, and the tool's figure on the second would be over other pairs
            raise _fail(
                second.path, f"commitments[{i}] has a verdict on {extra[0]}, {first.path} none"
            )
        for cell in one.cells:
            if cell.child not in theirs:
                raise _fail(second.path, f"commitments[{i}] has no verdict on {cell.child}")
            readings.append(Reading(one.parent, cell.child, cell.verdict, theirs[cell.child]))
    return ReaderAgreement(first.path, second.path, tuple(readings))


@dataclass(frozen=True)
class AgainstReaders:
    """The tool's verdicts against a second reader's, and against both where they agree."""

    second_agreed: int  # pairs where the tool gives the second reader's verdict
    cases: int
    consensus_agreed: int  # ... and the readers' shared verdict, where they agree
    consensus: int  # pairs where the readers agree
    consensus_sure_agreed: int  # ... of those the tool marks sure, where it gives that verdict
    consensus_sure: int  # pairs where the readers agree and the tool is sure


def against_readers(tool: RestatementAgreement, readers: ReaderAgreement) -> AgainstReaders:
    """``tool`` (:func:`measure` of the first gold) against both readings, pair by pair:
    both follow the first gold's commitments, then its cells, in order."""
    pairs = list(zip(tool.cases, readers.readings, strict=True))
    if any((c.parent, c.child) != (r.parent, r.child) for c, r in pairs):
        raise ValueError("the tool's cases and the readings are not of one gold file")
    both = [c for c, r in pairs if r.first == r.second]
    sure = [c for c in both if c.confidence == SURE]
    return AgainstReaders(
        second_agreed=sum(c.tool == r.second for c, r in pairs),
        cases=len(pairs),
        consensus_agreed=sum(c.agrees for c in both),
        consensus=len(both),
        consensus_sure_agreed=sum(c.agrees for c in sure),
        consensus_sure=len(sure),
    )
