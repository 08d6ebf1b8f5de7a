"""The citation graph of a corpus: which held documents each document implements.

A document's parents are, unless ``document.yaml`` declares them (``parents:``, which
then is the whole list), the held documents its text cites (:mod:`.citations`; its
Chinese version's, else its English one's): a cited document number equal to a held
one's (an English number's issuer in pinyin equal to the pinyin of the held one's), else
a cited title whose comparable form (:func:`~.citations.comparable_title`,
:func:`~.citations.comparable_english_title`) scores at least :data:`TITLE_MATCH` against
a held title in the same language with rapidfuzz's ``ratio``, of the same kind
(:func:`~.citations.title_kind`), and where several held documents bear it, the one the
cited issuers name. A number and a title that name two different held documents name
neither: the citation is left unresolved for the reader to declare. Resolution runs over the corpus as it stands, so
the order in which documents were ingested does not matter: a plan ingested before the
document it cites gains its parent when that document arrives.

A cited document dated after the citing one is not its parent (a revision citing an
older plan's title is; a title that only looks alike is not); a date known only to the
month or year rules out a parent only when its whole span is after the citing one's,
and an estimated date only when it is more than a year off. A document never cites
itself, and an edge that would close a cycle is left out, kept as ``unresolved`` with its
reason as a citation that resolves to nothing held is, with their sentence.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from policydiff.lineage.citations import (
    Citation,
    comparable_english_title,
    comparable_title,
    find_citations,
    find_english_citations,
    number_key,
    standard_number,
    title_kind,
)
from policydiff.lineage.series import series_of
from policydiff.models import Document, StructuredVersion, Version
from policydiff.structure import structure_version

# rapidfuzz ratio (0-100) a cited title's comparable form must reach against a held
# title's. High on purpose: 上海市城乡建设领域碳达峰实施方案 scores 89.7 against the
# ministry's 城乡建设领域碳达峰实施方案, and is another document.
TITLE_MATCH = 92.0


@dataclass(frozen=True)
class Edge:
    """``child`` implements ``parent``; ``how`` it is known: ``number`` (a cited document
    number), ``title`` (a cited title, ``score`` its similarity) or ``declared``."""

    child: str
    parent: str
    how: str
    cited: str  # the citation as written, "" for a declared parent the text does not cite
    sentence: str  # the citing sentence, "" when none
    location: str  # its section path
    score: float


@dataclass(frozen=True)
class Unresolved:
    """A citation that names no held document (or none that can be a parent)."""

    document: str
    cited: str
    sentence: str
    location: str
    reason: str


@dataclass(frozen=True)
class Lineage:
    documents: tuple[Document, ...]  # in timeline order
    series: dict[str, str]  # id -> series
    edges: tuple[Edge, ...]  # in child timeline order, then citation order
    unresolved: tuple[Unresolved, ...]
    missing: tuple[tuple[str, str], ...]  # (document, declared parent the corpus lacks)

    @functools.cached_property
    def _parents(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {}
        for edge in self.edges:
            out.setdefault(edge.child, []).append(edge.parent)
        return {k: tuple(v) for k, v in out.items()}

    @functools.cached_property
    def _children(self) -> dict[str, tuple[str, ...]]:
        order = {d.id: i for i, d in enumerate(self.documents)}
        out: dict[str, list[str]] = {}
        for edge in self.edges:
            out.setdefault(edge.parent, []).append(edge.child)
        return {k: tuple(sorted(v, key=order.__getitem__)) for k, v in out.items()}

    def parents(self, document_id: str) -> tuple[str, ...]:
        return self._parents.get(document_id, ())

    def children(self, document_id: str) -> tuple[str, ...]:
        return self._children.get(document_id, ())

    def edge(self, child: str, parent: str) -> Edge | None:
        return next((e for e in self.edges if e.child == child and e.parent == parent), None)

    def roots(self) -> tuple[str, ...]:
        """Documents without a parent, in timeline order."""
        return tuple(d.id for d in self.documents if not self.parents(d.id))

    def descendants(self, document_id: str) -> tuple[str, ...]:
        seen: list[str] = []
        stack = list(reversed(self.children(document_id)))
        while stack:
            node = stack.pop()
            if node not in seen:
                seen.append(node)
                stack.extend(reversed(self.children(node)))
        return tuple(seen)


@dataclass(frozen=True)
class _Held:
    """What citations are resolved against: numbers and comparable titles of held
    documents."""

    numbers: dict[tuple[str, str], list[tuple[str, str]]]  # (year, serial) -> (prefix, id)
    titles: dict[str, list[str]]  # comparable Chinese title -> ids, in timeline order
    english_titles: dict[str, list[str]]  # comparable English title -> ids
    documents: dict[str, Document]


def _held(documents: Iterable[Document]) -> _Held:
    numbers: dict[tuple[str, str], list[tuple[str, str]]] = {}
    titles: dict[str, list[str]] = {}
    english_titles: dict[str, list[str]] = {}
    docs = tuple(documents)
    for d in docs:
        key = number_key(standard_number(d.doc_number)) if d.doc_number else None
        if key:
            numbers.setdefault(key[1:], []).append((key[0], d.id))
        for title in (d.title_zh, d.title):
            if not title:
                continue
            if any("\u4e00" <= ch <= "\u9fff" for ch in title):
                held = titles.setdefault(comparable_title(title), [])
            else:
                held = english_titles.setdefault(comparable_english_title(title), [])
            if d.id not in held:
                held.append(d.id)
    return _Held(numbers, titles, english_titles, {d.id: d for d in docs})


def _same_issuer(cited: str, held: str) -> bool:
    """Whether a cited issuer abbreviation names the held one: the same Chinese (or one
    ending the other: 国办发 and 办发), or the held one's pinyin (Jianbiao, 建标)."""
    if any("\u4e00" <= ch <= "\u9fff" for ch in cited):
        return cited.endswith(held) or held.endswith(cited)
    # imported here: its dictionaries are slow to load, and every report imports this
    # module, most with no English document number to resolve
    from pypinyin import lazy_pinyin

    spelled = "".join(lazy_pinyin(held))
    return bool(cited) and (cited.endswith(spelled) or spelled.endswith(cited))


def _dated_after(parent: Document, child: Document) -> bool:
    """Whether ``parent`` was surely issued after ``child``."""
    return parent.issue_date.surely_after(child.issue_date)


def _resolve(citation: Citation, held: _Held, citing: str) -> tuple[str, str, float] | str:
    """(document id, how, score) of the held document a citation names; else why none is
    (:data:`NAMES_NONE`, :data:`ITSELF`, or the held documents it cannot tell apart)."""
    key = number_key(citation.number) if citation.number else None
    if key:
        for prefix, doc_id in held.numbers.get(key[1:], []):
            if _same_issuer(key[0], prefix):
                return _number_against_title(citation, doc_id, held, citing)
    if not citation.title:
        return NAMES_NONE
    chinese = any("\u4e00" <= ch <= "\u9fff" for ch in citation.title)
    if chinese:
        comparable, candidates = comparable_title(citation.title), held.titles
    else:
        comparable, candidates = comparable_english_title(citation.title), held.english_titles
    # a plan's kind is part of what it is: 关于推动城乡建设绿色发展的意见 (the centre's) is not
    # a province's …的实施意见, however few characters tell them apart
    alike = [
        (title, score)
        for title, score, _ in process.extract(
            comparable, list(candidates), scorer=fuzz.ratio, score_cutoff=TITLE_MATCH, limit=None
        )
        if not chinese or title_kind(title) == title_kind(comparable)
    ]
    ids = [
        (doc_id, score)
        for title, score in alike
        for doc_id in candidates[title]
        if doc_id != citing
    ]
    # its own title cited (2024年—2027年 for 2024—2027年 aside), nearer than any other's, is
    # the document naming itself; a title only like its own (某省…实施方案 for the
    # ministry's …实施方案, 93) is another's
    own = max((score for title, score in alike if citing in candidates[title]), default=0.0)
    other = max((score for _, score in ids), default=0.0)
    # ... and where another's is as near (the issuers before 关于 aside, 青海省关于完善… and
    # the centre's 关于完善… are one title), the cited issuers say which
    if own >= ITSELF_MATCH and (
        own > other or _names_issuer(citation.title, held.documents[citing])
    ):
        return ITSELF
    if not ids:
        return NAMES_NONE
    best = max(score for _, score in ids)
    tied = [doc_id for doc_id, score in ids if score == best]
    if len(tied) > 1:  # a later one cannot be the parent (the year's 政府工作报告 and the next)
        tied = [
            doc_id
            for doc_id in tied
            if not _dated_after(held.documents[doc_id], held.documents[citing])
        ] or tied
    if len(tied) > 1:
        # one title held by several issuers (two provinces' 实施意见): the cited issuers
        # tell which, else the citation is left for the reader to declare
        issued = [
            doc_id for doc_id in tied if _names_issuer(citation.title, held.documents[doc_id])
        ]
        if len(issued) != 1:
            return f"names {len(tied)} held documents of that title ({', '.join(tied)}): declare the parent"
        tied = issued
    return tied[0], "title", round(float(best), 1)


def _number_against_title(
    citation: Citation, numbered: str, held: _Held, citing: str
) -> tuple[str, str, float] | str:
    """The held document a citation's number names, unless its title names another held
    document and not this one: a number mistyped in the citation, or in a document's
    metadata, is left for the reader to declare rather than followed."""
    if not citation.title:
        return numbered, "number", 100.0
    by_title = _resolve(replace(citation, number=""), held, citing)
    if isinstance(by_title, str) or by_title[0] == numbered:
        return numbered, "number", 100.0
    document = held.documents[numbered]
    chinese = any("\u4e00" <= ch <= "\u9fff" for ch in citation.title)
    comparable = comparable_title if chinese else comparable_english_title
    cited = comparable(citation.title)
    if any(
        fuzz.ratio(cited, comparable(title)) >= TITLE_MATCH
        for title in (document.title_zh, document.title)
        if title
    ):
        return numbered, "number", 100.0
    return f"its number names {numbered} and its title {by_title[0]}: declare the parent"


NAMES_NONE = "names no held document"
ITSELF = "names this document itself"
ITSELF_MATCH = 96.0  # how alike (ratio) to its own title a citation names the document itself


def _names_issuer(title: str, document: Document) -> bool:
    """Whether the issuers before 关于 in a cited ``title`` name ``document``'s issuer or
    its jurisdiction (中共山西省委办公厅 山西省人民政府办公厅关于… names 山西省)."""
    issuers = title.split("关于", 1)[0] if "关于" in title else ""
    names = [*document.issuers, document.jurisdiction]
    return bool(issuers) and any(name and name in issuers for name in names)


def _cited_version(
    document: Document,
) -> tuple[Version, Callable[[str], tuple[Citation, ...]]] | None:
    """The version whose citations count and how to read them: the Chinese one (《》
    titles and 发文字号), else the English one (quoted titles, numbers in pinyin)."""
    chinese = document.version("zh")
    if chinese is not None:
        return chinese, find_citations
    english = document.version("en")
    return (english, find_english_citations) if english is not None else None


def _locator(document: Document, version: Version) -> functools.partial[str]:
    return functools.partial(_location, structure_version(document.id, version))


def _location(structured: StructuredVersion, offset: int) -> str:
    inside = [p for p in structured.provisions if p.start <= offset < p.end]
    if not inside:
        return ""
    return max(inside, key=lambda p: p.level).location


def creates_cycle(child: str, parent: str, parents: Mapping[str, Sequence[str]]) -> bool:
    """Whether ``child`` is among the ancestors of ``parent`` by ``parents``: the edge
    child → parent would close a cycle."""
    stack, seen = [parent], set()
    while stack:
        node = stack.pop()
        if node == child:
            return True
        if node not in seen:
            seen.add(node)
            stack.extend(parents.get(node, []))
    return False


# A document's citations, each with the location (section path) it stands in.
CitedPlaces = tuple[tuple[Citation, str], ...]


def cited_places(document: Document) -> CitedPlaces:
    """What ``document`` cites, and where: all :func:`build_lineage` reads of its text."""
    reading = _cited_version(document)
    if reading is None:
        return ()
    version, find = reading
    citations = find(version.text)
    if not citations:
        return ()
    locate = _locator(document, version)
    return tuple((citation, locate(citation.start)) for citation in citations)


def build_lineage(
    documents: Iterable[Document], places_of: Mapping[str, CitedPlaces] | None = None
) -> Lineage:
    """The lineage of ``documents`` (a corpus's, in timeline order). ``places_of`` gives each
    document's :func:`cited_places`, read before: then the documents need only their
    metadata, not their texts."""
    docs = tuple(documents)
    by_id = {d.id: d for d in docs}
    held = _held(docs)
    unresolved: list[Unresolved] = []
    missing: list[tuple[str, str]] = []
    proposed: list[Edge] = []
    for document in docs:
        places = cited_places(document) if places_of is None else places_of.get(document.id, ())
        found: dict[str, Edge] = {}
        for citation, where in places:
            resolved = _resolve(citation, held, document.id)
            if resolved == ITSELF:
                continue
            if isinstance(resolved, str):
                reason = resolved
            else:
                parent_id, how, score = resolved
                parent = by_id[parent_id]
                if parent_id == document.id:
                    continue
                if _dated_after(parent, document):
                    reason = f"names {parent_id}, dated after this document"
                elif parent_id not in found or (how == "number" != found[parent_id].how):
                    # the first citation, or the first by number: the sentence that gives
                    # the number is the one that says which document is implemented
                    # (根据《…》（甲建〔2021〕7号）要求 after 认真学习《…》精神)
                    found[parent_id] = Edge(
                        document.id,
                        parent_id,
                        how,
                        citation.cited,
                        citation.sentence,
                        where,
                        score,
                    )
                    continue
                else:
                    continue
            unresolved.append(
                Unresolved(document.id, citation.cited, citation.sentence, where, reason)
            )
        if document.parents is not None:
            declared = []
            for parent_id in document.parents:
                if parent_id not in by_id:
                    missing.append((document.id, parent_id))
                    continue
                cited = found.get(parent_id)
                declared.append(
                    Edge(
                        document.id,
                        parent_id,
                        "declared",
                        cited.cited if cited else "",
                        cited.sentence if cited else "",
                        cited.location if cited else "",
                        100.0,
                    )
                )
            chosen = declared
        else:
            chosen = list(found.values())
        proposed += chosen
    # where edges close a cycle, one naming a parent issued after its child (a declaration
    # against the dates) is the one dropped: it is tried last
    order = sorted(
        range(len(proposed)),
        key=lambda k: (_dated_after(by_id[proposed[k].parent], by_id[proposed[k].child]), k),
    )
    parents: dict[str, list[str]] = {}
    kept: list[int] = []
    for k in order:
        edge = proposed[k]
        if creates_cycle(edge.child, edge.parent, parents):
            # two plans citing each other (of one day, or a declaration against the
            # text): the edge kept first stands, this one is said, not dropped
            unresolved.append(
                Unresolved(
                    edge.child,
                    edge.cited or f"declared parent {edge.parent}",
                    edge.sentence,
                    edge.location,
                    f"names {edge.parent}, which implements this document: "
                    "the edge would close a cycle",
                )
            )
            continue
        parents.setdefault(edge.child, []).append(edge.parent)
        kept.append(k)
    return Lineage(
        documents=docs,
        series={d.id: series_of(d) for d in docs},
        edges=tuple(proposed[k] for k in sorted(kept)),
        unresolved=tuple(unresolved),
        missing=tuple(missing),
    )
