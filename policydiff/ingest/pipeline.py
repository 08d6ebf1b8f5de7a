"""Raw files -> plans to add them to the corpus -> the corpus changed, all or nothing.

Computing and acting are separate: :func:`plan_ingest` reads a file and the corpus
and returns an :class:`IngestPlan` — with every missing or malformed field listed in
``problems``, not the first only — or raises :class:`InputError` naming the file and
what makes it unusable. :class:`Ingester` plans many files against the corpus and
each other, then :meth:`Ingester.commit` writes them all in one change
(:mod:`policydiff.corpus.transaction`): a batch is added whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from policydiff import corpus as corpus_io
from policydiff.corpus.rules import date_problem, id_problem
from policydiff.corpus.transaction import Change, commit, corpus_lock, recover
from policydiff.errors import InputError
from policydiff.ingest.body import find_body, rejoined_note, rejoined_titles
from policydiff.ingest.clean import Removal, remove_debris, source_from_removals
from policydiff.ingest.decode import RawText, read_file
from policydiff.ingest.issuers import level_and_jurisdiction
from policydiff.ingest.link import HeldIndex, LinkDecision, comparable_length, decide
from policydiff.ingest.metadata import Metadata, mixed_languages, page_title, read_metadata
from policydiff.ingest.slug import document_slug
from policydiff.ingest.wraps import rewrapped, rewrapped_note, wrap_width
from policydiff.models import (
    LANGUAGES,
    VERSION_KINDS,
    Document,
    IssueDate,
    Version,
    read_issue_date,
)
from policydiff.structure import match_label, split_sentences

# Below this much text, or this few sentences, what is left is not a policy body ...
MIN_BODY_CHARS = {"en": 300, "zh": 100}
MIN_BODY_SENTENCES = 3
# ... unless it has at least this many numbered provisions.
MIN_NUMBERED = 2
# Removing more than this share of a file's text as web debris is not done silently
# (debris is short lines: a page's menus and contacts are a few percent of its text).
DEBRIS_SHARE = 0.05
DEBRIS_LINES = 3
# Kinds of removal that are not debris: a commentary cut at its marker, metadata lines.
NOT_DEBRIS = {
    "commentary", "title", "date line", "document number", "metadata table", "page furniture",
    "masthead", "site chrome",
}  # fmt: skip


@dataclass(frozen=True)
class IngestOptions:
    """What the user told us that a file cannot: each overrides what the text says."""

    # None where not given: a value given blank is refused, not taken for "not given"
    date: str | None = None  # YYYY-MM-DD as given; checked per file so the error can name it
    title: str | None = None
    issuers: tuple[str, ...] = ()
    lang: str | None = None
    kind: str | None = None
    source: str | None = None
    document_id: str | None = None
    version_of: str | None = None
    new_document: bool = False
    keep_all: bool = False  # keep every line the cleaner would remove as debris
    accept_removals: bool = False  # remove them even when they are many
    doc_number: str | None = None  # 发文字号, when the text does not carry it
    series: str | None = None  # the series the document's timeline runs in (docs/lineage.md)
    parents: tuple[str, ...] = ()  # held documents it implements, overriding its citations


@dataclass(frozen=True)
class IngestPlan:
    path: str
    action: str  # "new document" or "new version"
    document: Document | None  # as it will stand after the write; None with problems
    version: Version
    metadata: Metadata  # what the text itself said
    decision: LinkDecision
    raw: RawText
    removed: tuple[Removal, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)
    problems: tuple[str, ...] = ()  # what must be given before it can be written
    fields: dict[str, str] = field(default_factory=dict)  # the metadata it would write


def clean_text(lines: list[str]) -> str:
    return "".join(f"{line}\n" for line in lines)


def check_options(path: str, options: IngestOptions) -> None:
    """Every option that cannot work, before anything is read or written."""
    problems: list[str] = []
    blank = [
        name
        for name, value in (
            ("--date", options.date),
            ("--title", options.title),
            ("--lang", options.lang),
            ("--kind", options.kind),
            ("--source", options.source),
            ("--id", options.document_id),
            ("--version-of", options.version_of),
            ("--series", options.series),
            ("--doc-number", options.doc_number),
        )
        if value is not None and not value.strip()
    ]
    if any(not issuer.strip() for issuer in options.issuers):
        blank.append("--issuer")
    if any(not parent.strip() for parent in options.parents):
        blank.append("--parent")
    problems.extend(f"{name} is blank" for name in blank)
    if options.lang and options.lang.strip() and options.lang not in LANGUAGES:
        problems.append(f"unknown language tag {options.lang!r} (use en or zh)")
    if options.kind and options.kind.strip() and options.kind not in VERSION_KINDS:
        problems.append(f"unknown version kind {options.kind!r} (use original or translation)")
    bad_id = (
        id_problem(options.document_id) if "--id" not in blank and options.document_id else None
    )
    if bad_id:
        problems.append(bad_id)
    if options.version_of and options.new_document:
        problems.append("--version-of and --new-document contradict each other")
    if options.keep_all and options.accept_removals:
        problems.append("--keep-all and --accept-removals contradict each other")
    for parent in (p for p in options.parents if p.strip()):
        bad_parent = id_problem(parent)
        if bad_parent:
            problems.append(f"--parent: {bad_parent}")
    described = _document_options(options) + (["--date"] if options.date else [])
    if described and options.version_of:
        problems.append(
            f"{', '.join(described)} describe{'s' if len(described) == 1 else ''} a new "
            "document; --version-of adds a version"
        )
    if problems:
        raise InputError(path, "; ".join(problems))


def _parent_problems(
    parents: Sequence[str], document_id: str, issued: IssueDate | None, held: corpus_io.Corpus
) -> list[str]:
    """Declared parents a document cannot implement: itself, one the corpus does not hold,
    or one issued after it (the lineage would take the declaration as written, against
    the dates)."""
    problems = []
    for parent_id in parents:
        parent = held.get(parent_id)
        if parent_id == document_id:
            problems.append(f"--parent {parent_id}: a document is not its own parent")
        elif parent is None:
            problems.append(f"--parent {parent_id}: no such document in the corpus (add it first)")
        elif issued is not None and parent.issue_date.surely_after(issued):
            problems.append(
                f"--parent {parent_id}: issued {parent.date_text}, after this document "
                f"({issued.written}); a document implements earlier ones"
            )
    return problems


# the options that describe a new document: (option, IngestOptions field, Document field)
_DOCUMENT_OPTIONS = (
    ("--title", "title", "title"),
    ("--issuer", "issuers", "issuers"),
    ("--id", "document_id", "id"),
    ("--series", "series", "series"),
    ("--doc-number", "doc_number", "doc_number"),
    ("--parent", "parents", "parents"),
)


def _document_options(options: IngestOptions) -> list[str]:
    """The options given that describe a new document, which a version does not take."""
    return [name for name, given, _ in _DOCUMENT_OPTIONS if getattr(options, given)]


def _changed_by(options: IngestOptions, target: Document) -> list[str]:
    """The options of a new document given that would have changed ``target``, the
    document a file links to as a version (none where an earlier file of the command made
    it with these very options)."""

    return [
        name
        for name, given, held in _DOCUMENT_OPTIONS
        if getattr(options, given) and _cleaned(getattr(options, given)) != getattr(target, held)
    ]


def _cleaned(value: str | tuple[str, ...]) -> str | tuple[str, ...]:
    """An option's value as a document keeps it: stripped, a repeated one given once."""
    return _each_once(value) if isinstance(value, tuple) else value.strip()


def _each_once(values: tuple[str, ...]) -> tuple[str, ...]:
    """A repeatable option's values (--issuer, --parent), stripped, each given once."""
    return tuple(dict.fromkeys(v.strip() for v in values))


def _given_date(path: str, options: IngestOptions) -> IssueDate | None:
    if options.date is None:
        return None
    problem = date_problem(options.date, "--date", reduced=True)
    if problem:
        raise InputError(path, problem)
    return read_issue_date(options.date)


def _debris_problem(removed: Sequence[Removal], text: str) -> str | None:
    debris = [r for r in removed if r.kind not in NOT_DEBRIS and r.kind != "source line"]
    lines = {r.line for r in debris}
    total = sum(len(line.strip()) for line in text.splitlines()) or 1
    share = sum(len(r.text) for r in debris) / total
    if len(lines) <= DEBRIS_LINES or share <= DEBRIS_SHARE:
        return None
    return (
        f"would remove {len(lines)} lines, {share:.0%} of the text, as web debris; check "
        "them with --dry-run, then pass --keep-all to keep them or --accept-removals to "
        "remove them"
    )


def _enough_body(text: str, lang: str) -> bool:
    sentences = split_sentences(text, lang)
    if len(text.strip()) >= MIN_BODY_CHARS[lang] and len(sentences) >= MIN_BODY_SENTENCES:
        return True
    numbered = sum(1 for line in text.splitlines() if match_label(line.strip()))
    return numbered >= MIN_NUMBERED and bool(sentences)


def plan_ingest(
    path: Path,
    held: corpus_io.Corpus,
    options: IngestOptions,
    index: HeldIndex | None = None,
) -> IngestPlan:
    """What adding ``path`` to ``held`` would do; ``index`` is ``held``'s, if already built."""
    name = str(path)
    check_options(name, options)
    given_date = _given_date(name, options)
    raw = read_file(path)
    lines, removed = remove_debris(raw.text, keep_all=options.keep_all)
    body = find_body(lines)
    furniture = [Removal("page furniture", text, 0) for text in raw.furniture]
    furniture += [Removal("site chrome", text, 0) for text in raw.chrome]
    removed = [*furniture, *sorted([*removed, *body.removed], key=lambda r: r.line)]
    # sentences a hard wrap broke, joined on the lines as read; then cited titles broken
    rewrap = rewrapped(body.lines, wrap_width([line.text for line in body.lines]))
    body_lines, rejoined = rejoined_titles(rewrap.lines)
    text = clean_text([line.text for line in body_lines])
    head = [line.text for line in body.head]
    read = functools.partial(
        read_metadata,
        commentary=[line.text for line in body.commentary],
        body_text=text,
        tail=[line.text for line in body.tail],
    )
    metadata = read(head)
    titled_by_page = ""
    if not (metadata.title or metadata.title_zh) and (page := page_title(raw.page_title)):
        # a page that gives its title only in <title>: read as the line above its text
        metadata, titled_by_page = read([page, *head]), page
    lang = options.lang or metadata.lang
    if not _enough_body(text, lang):
        raise InputError(
            name,
            f"no policy body left after cleaning ({len(text.strip())} characters, "
            f"{len(split_sentences(text, lang))} sentences, no numbered provisions; "
            f"{len(removed)} pieces of debris removed)",
        )
    problems: list[str] = []
    if options.lang and options.lang != metadata.lang:
        problems.append(
            f"--lang {options.lang}, but the text reads as {metadata.lang}: check the file, "
            "or leave --lang out"
        )
    mixed = None if options.lang else mixed_languages(text, lang)
    if mixed:
        problems.append(mixed)
    if not (options.keep_all or options.accept_removals):
        debris = _debris_problem(removed, raw.text)
        if debris:
            problems.append(debris)
    notes: list[str] = []
    if body.commentary:
        notes.append(
            f"commentary of {len(body.commentary)} lines before the official text removed "
            f"(cut after line {body.commentary[-1].number}: {body.commentary[-1].text[:60]!r})"
        )
    if rejoined:
        notes.append(rejoined_note(rejoined))
    if rewrap.joined:
        notes.append(rewrapped_note(rewrap.joined))
    if titled_by_page and (metadata.title or metadata.title_zh):
        notes.append(f"title read from the page's <title> ({titled_by_page}): its text has none")
    kind = options.kind or ("original" if lang == "zh" else "translation")
    source = options.source or source_from_removals(removed) or path.name
    version = Version(
        key=lang,
        lang=lang,
        kind=kind,
        complete=True,
        source=source,
        text=text,
        note="; ".join(notes),
    )
    date = given_date.earliest if given_date else metadata.date
    issued = given_date or (IssueDate.of_day(metadata.date) if metadata.date else None)
    decision = _decide(name, version, held, index, options, issued)
    fields: dict[str, str] = {}
    document: Document | None
    if decision.outcome == "version":
        target = held.get(decision.document_id)
        assert target is not None
        version = replace(
            version, key=corpus_io.next_version_key(target, lang), complete=decision.complete
        )
        document = replace(
            target,
            versions=(*target.versions, version),
            title_zh=target.title_zh or metadata.title_zh,
            doc_number=target.doc_number or metadata.doc_number,
        )
        action = "new version"
        described = _changed_by(options, target)
        if described:
            notes.append(
                f"{', '.join(described)} not applied: the file is a version of "
                f"{target.id} (pass --new-document to add it as a document of its own)"
            )
    else:
        written = given_date.unless_exact if given_date else ""
        document, fields, missing = _new_document(
            version, metadata, options, date, source, held, written
        )
        problems += missing
        action = "new document"
    if problems:
        document = None
    return IngestPlan(
        name,
        action,
        document,
        version,
        metadata,
        decision,
        raw,
        tuple(removed),
        tuple(notes),
        tuple(problems),
        fields,
    )


def _decide(
    name: str,
    version: Version,
    held: corpus_io.Corpus,
    index: HeldIndex | None,
    options: IngestOptions,
    date: IssueDate | None,
) -> LinkDecision:
    if options.version_of:
        target = held.get(options.version_of)
        if target is None:
            raise InputError(
                name, f"--version-of {options.version_of}: no such document in the corpus"
            )
        decision = decide(version, (target,))
        if decision.outcome == "duplicate":
            raise InputError(name, _duplicate_message(decision))
        reference = target.version(version.lang) or target.versions[0]
        complete = len(version.text) >= 0.6 * comparable_length(reference, version.lang)
        return LinkDecision(
            "version",
            target.id,
            score=decision.score,
            complete=complete,
            evidence=("linked by --version-of", *decision.evidence),
        )
    candidates = (index or HeldIndex(held.documents)).candidates(version, date)
    decision = decide(version, candidates, date)
    if decision.outcome == "duplicate":
        raise InputError(name, _duplicate_message(decision))
    if options.new_document:
        return LinkDecision(
            "new", evidence=("added on its own by --new-document", *decision.evidence)
        )
    if decision.outcome == "ambiguous":
        raise InputError(
            name,
            f"may be a version of {decision.document_id} but the evidence is weak "
            f"(score {decision.score:.2f}: {'; '.join(decision.evidence)}); pass "
            f"--version-of {decision.document_id} to link it or --new-document to add it on its own",
        )
    return decision


def _duplicate_message(decision: LinkDecision) -> str:
    return (
        f"already in the corpus as {decision.document_id}/{decision.version_key} "
        f"({'; '.join(decision.evidence)})"
    )


def _new_document(
    version: Version,
    metadata: Metadata,
    options: IngestOptions,
    date: dt.date | None,
    source: str,
    held: corpus_io.Corpus,
    date_written: str = "",
) -> tuple[Document | None, dict[str, str], list[str]]:
    """The new document, the fields it would carry (for --dry-run) and what is missing."""
    missing: list[str] = []
    given_title = (options.title or "").strip()
    title = given_title or metadata.title or metadata.title_zh
    issuers = _each_once(options.issuers) or metadata.issuers
    level, jurisdiction = metadata.level, metadata.jurisdiction
    if options.issuers:
        # the issuers given, not those the text names, say the level of government
        level, jurisdiction = level_and_jurisdiction(issuers, metadata.title_zh or title)
    if given_title and not level:
        # ... and a title given where the text's own names no place (山西省关于… for a text
        # headed 关于…) says it where the issuers do not
        level, jurisdiction = level_and_jurisdiction(issuers, given_title)
    doc_number = (options.doc_number or "").strip() or metadata.doc_number
    if date is None:
        missing.append("no issue date found in the text; pass --date YYYY-MM-DD (or YYYY-MM, YYYY)")
    if not title:
        missing.append("no title found in the text; pass --title")
    slug = document_slug(metadata.title or given_title, metadata.title_zh or title)
    document_id = options.document_id or (
        f"{date.year}-{slug}" if date is not None and slug else ""
    )
    if not options.document_id and date is not None and title and not slug:
        missing.append("no id can be made from the title; pass --id")
    if document_id and held.get(document_id):
        missing.append(f"a document with id {document_id} is already in the corpus; pass --id")
    issued = read_issue_date(date_written or date.isoformat()) if date is not None else None
    missing += _parent_problems(options.parents, document_id, issued, held)
    fields = {
        "id": document_id,
        "title": title,
        "title_zh": metadata.title_zh,
        "doc_number": doc_number,
        "issuers": ", ".join(issuers) or "unknown",
        "level": level,
        "jurisdiction": jurisdiction,
        "date": date_written or (date.isoformat() if date else ""),
        "series": (options.series or "").strip(),
        "parents": ", ".join(options.parents),
    }
    if missing or date is None:
        return None, fields, missing
    document = Document(
        id=document_id,
        title=title,
        title_zh=metadata.title_zh,
        issuers=issuers,
        date=date,
        date_written=date_written,
        source=source,
        versions=(version,),
        doc_number=doc_number,
        level=level,
        jurisdiction=jurisdiction,
        series=(options.series or "").strip(),
        parents=_each_once(options.parents) if options.parents else None,
    )
    return document, fields, []


def changes_of(plans: Sequence[IngestPlan]) -> list[Change]:
    """The plans of one batch as changes, one per document, in the order first planned."""
    by_id: dict[str, Change] = {}
    for plan in plans:
        assert plan.document is not None, "a plan with problems is never written"
        held = by_id.get(plan.document.id)
        if plan.action == "new document":
            by_id[plan.document.id] = Change(plan.document)
        elif held is not None and held.is_new:
            by_id[plan.document.id] = Change(plan.document)  # new, with all its versions
        else:
            earlier = held.new_versions if held is not None else ()
            by_id[plan.document.id] = Change(plan.document, (*earlier, plan.version))
    return list(by_id.values())


class Ingester:
    """Plans files one after another against the corpus and the files planned before
    them (the corpus is read once), then writes them all at once.

    :meth:`session` holds the corpus's lock from reading it to the end of the commit,
    and first finishes or undoes what an interrupted ingest left (``recovered``)."""

    def __init__(self, corpus_path: Path) -> None:
        self.corpus_path = Path(corpus_path)
        self.recovered: list[str] = []
        self.held = corpus_io.load_corpus(self.corpus_path)
        self.index = HeldIndex(self.held.documents)
        self.plans: list[IngestPlan] = []

    @classmethod
    @contextmanager
    def session(cls, corpus_path: Path) -> Iterator[Ingester]:
        with corpus_lock(Path(corpus_path)):
            recovered = recover(Path(corpus_path))
            ingester = cls(corpus_path)
            ingester.recovered = recovered
            yield ingester

    def plan(self, path: Path, options: IngestOptions) -> IngestPlan:
        """Plan ``path``; a plan without problems is held as if written, so that the
        next file is linked against it too."""
        plan = plan_ingest(path, self.held, options, self.index)
        if plan.document is not None:
            self.plans.append(plan)
            self.held = self.held.with_document(plan.document)
            self.index.add(plan.document)
        return plan

    def commit(self) -> list[Path]:
        """Write every plan without problems, as one change; the paths written."""
        if not self.plans:
            return []
        written = commit(self.corpus_path, changes_of(self.plans))
        self.plans = []
        return written
