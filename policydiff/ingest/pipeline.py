"""Raw file -> a plan to add it to the corpus -> the corpus changed (or not, for --dry-run).

Computing and acting are separate: :func:`plan_ingest` reads the file and the
corpus and returns an :class:`IngestPlan` (or raises :class:`InputError`
naming the file and the problem); :func:`apply_plan` writes it atomically.
:class:`Ingester` does both for many files, reading the corpus once.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from policydiff import corpus as corpus_io
from policydiff.corpus.rules import id_problem
from policydiff.errors import InputError
from policydiff.ingest.body import find_body
from policydiff.ingest.clean import Removal, remove_debris, source_from_removals
from policydiff.ingest.decode import RawText, read_file
from policydiff.ingest.link import HeldIndex, LinkDecision, comparable_length, decide
from policydiff.ingest.metadata import Metadata, read_metadata
from policydiff.models import LANGUAGES, VERSION_KINDS, Document, Version
from policydiff.structure import split_sentences

# Below this much text, or this few sentences, what is left is not a policy body.
MIN_BODY_CHARS = {"en": 300, "zh": 100}
MIN_BODY_SENTENCES = 3
TITLE_STOPWORDS = {
    "opinions",
    "opinion",
    "on",
    "of",
    "the",
    "and",
    "a",
    "an",
    "for",
    "in",
    "to",
    "promoting",
    "comprehensively",
    "further",
    "guiding",
    "notice",
    "decision",
    "plan",
}


@dataclass(frozen=True)
class IngestOptions:
    """What the user told us that a file cannot: each overrides what the text says."""

    date: str = ""  # YYYY-MM-DD as given; checked per file so the error can name it
    title: str = ""
    issuers: tuple[str, ...] = ()
    lang: str = ""
    kind: str = ""
    source: str = ""
    document_id: str = ""
    version_of: str = ""
    new_document: bool = False


@dataclass(frozen=True)
class IngestPlan:
    path: str
    action: str  # "new document" or "new version"
    document: Document  # the document as it will stand after the write
    version: Version
    metadata: Metadata  # what the text itself said
    decision: LinkDecision
    raw: RawText
    removed: tuple[Removal, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)


def clean_text(lines: list[str]) -> str:
    return "".join(f"{line}\n" for line in lines)


def slug(title: str) -> str:
    words = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", title.lower())
    kept = [w for w in words if w not in TITLE_STOPWORDS][:3]
    return "-".join(kept)[:60].strip("-")


def _check_options(path: str, options: IngestOptions) -> None:
    if options.lang and options.lang not in LANGUAGES:
        raise InputError(path, f"unknown language tag {options.lang!r} (use en or zh)")
    if options.kind and options.kind not in VERSION_KINDS:
        raise InputError(
            path, f"unknown version kind {options.kind!r} (use original or translation)"
        )
    bad_id = id_problem(options.document_id) if options.document_id else None
    if bad_id:
        raise InputError(path, bad_id)
    if options.version_of and options.new_document:
        raise InputError(path, "--version-of and --new-document contradict each other")


def _given_date(path: str, options: IngestOptions) -> dt.date | None:
    if not options.date:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", options.date):
        raise InputError(path, f"--date {options.date!r} must be written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(options.date)
    except ValueError:
        raise InputError(path, f"--date {options.date} is not a real date") from None


def plan_ingest(
    path: Path,
    held: corpus_io.Corpus,
    options: IngestOptions,
    index: HeldIndex | None = None,
) -> IngestPlan:
    """What adding ``path`` to ``held`` would do; ``index`` is ``held``'s, if already built."""
    name = str(path)
    _check_options(name, options)
    given_date = _given_date(name, options)
    raw = read_file(path)
    lines, removed = remove_debris(raw.text)
    body = find_body(lines)
    removed = sorted([*removed, *body.removed], key=lambda r: r.line)
    text = clean_text([line.text for line in body.lines])
    metadata = read_metadata(
        [line.text for line in body.head], [line.text for line in body.commentary], text
    )
    lang = options.lang or metadata.lang
    sentences = split_sentences(text, lang)
    if len(text.strip()) < MIN_BODY_CHARS[lang] or len(sentences) < MIN_BODY_SENTENCES:
        raise InputError(
            name,
            f"no policy body left after cleaning ({len(text.strip())} characters, "
            f"{len(sentences)} sentences; {len(removed)} pieces of debris removed)",
        )
    notes: list[str] = []
    if body.commentary:
        notes.append(
            f"commentary of {len(body.commentary)} lines before the official text removed "
            f"(cut after line {body.commentary[-1].number}: {body.commentary[-1].text[:60]!r})"
        )
    kind = options.kind or ("original" if lang == "zh" else "translation")
    source = options.source or source_from_removals(removed) or path.name
    version = Version(
        key=lang,
        lang=lang,
        kind=kind,
        complete=True,
        source=source,
        text=text,
        note=notes[0] if notes else "",
    )
    date = given_date or metadata.date
    decision = _decide(name, version, held, index, options, date)
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
        )
        action = "new version"
    else:
        document = _new_document(name, version, metadata, options, date, source, held)
        action = "new document"
    return IngestPlan(
        name, action, document, version, metadata, decision, raw, tuple(removed), tuple(notes)
    )


def _decide(
    name: str,
    version: Version,
    held: corpus_io.Corpus,
    index: HeldIndex | None,
    options: IngestOptions,
    date: dt.date | None,
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
    name: str,
    version: Version,
    metadata: Metadata,
    options: IngestOptions,
    date: dt.date | None,
    source: str,
    held: corpus_io.Corpus,
) -> Document:
    if date is None:
        raise InputError(name, "no issue date found in the text; pass --date YYYY-MM-DD")
    title = (
        options.title
        or metadata.title
        or (f"Opinions on {metadata.title_zh}" if metadata.title_zh else "")
    )
    if not title:
        raise InputError(name, "no title found in the text; pass --title")
    issuers = options.issuers or metadata.issuers
    if not issuers:
        raise InputError(name, "no issuing body found in the text; pass --issuer")
    document_id = options.document_id or f"{date.year}-{slug(title) or 'document'}"
    if held.get(document_id):
        raise InputError(
            name, f"a document with id {document_id} is already in the corpus; pass --id"
        )
    return Document(
        id=document_id,
        title=title,
        title_zh=metadata.title_zh,
        issuers=tuple(issuers),
        date=date,
        source=source,
        versions=(version,),
    )


def apply_plan(plan: IngestPlan, corpus_path: Path) -> Path:
    if plan.action == "new document":
        return corpus_io.write_document(corpus_path, plan.document)
    corpus_io.add_version(corpus_path, plan.document, plan.version)
    return corpus_path / plan.document.id / plan.version.filename


class Ingester:
    """Adds files to a corpus one after another, reading the corpus from disk once.

    The held documents and their :class:`HeldIndex` are kept up to date in memory;
    each written document is read back, so what is held is what ``load_corpus``
    would give. After a failed write, start a new one to read the corpus again.
    """

    def __init__(self, corpus_path: Path) -> None:
        self.corpus_path = corpus_path
        self.held = corpus_io.load_corpus(corpus_path)
        self.index = HeldIndex(self.held.documents)

    def plan(self, path: Path, options: IngestOptions) -> IngestPlan:
        return plan_ingest(path, self.held, options, self.index)

    def apply(self, plan: IngestPlan) -> Path:
        written = apply_plan(plan, self.corpus_path)
        document = corpus_io.load_document(self.corpus_path / plan.document.id)
        self.held = self.held.with_document(document)
        self.index.add(document)
        return written
