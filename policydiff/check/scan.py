"""Reading the corpus as ``check`` does: every problem of every folder, not the first.

The rules are the corpus's own (:func:`policydiff.corpus.rules.validate_document`);
``check`` adds what only a gate asks: no folder without ``document.yaml``, no stray
files or leftovers of an interrupted write, no web debris left in a text, every text
parsing into provisions with sentences, and the versions of one document sharing one
numbering skeleton.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from policydiff.check.fingerprints import Fingerprints
from policydiff.check.result import Finding
from policydiff.corpus.rules import METADATA_FILE, TEMP_NAME, Problem, validate_document
from policydiff.errors import CorpusError
from policydiff.lineage.graph import creates_cycle
from policydiff.models import Document
from policydiff.runtime.untrusted import is_link_or_special


@dataclass
class Scan:
    findings: list[Finding]
    documents: list[Document]
    complete: bool = True  # every document folder loaded


def _finding(problem: Problem) -> Finding:
    return Finding(problem.path, problem.message, problem.kind)


def scan_corpus(path: Path, fingerprints: Fingerprints | None = None) -> Scan:
    """Read every folder under ``path``, collecting each problem with its file."""
    if not path.is_dir():
        raise CorpusError(path, "corpus folder not found" if not path.exists() else "not a folder")
    fingerprints = fingerprints or Fingerprints(None)
    scan = Scan([], [])
    for entry in sorted(path.iterdir()):
        if TEMP_NAME.match(entry.name):
            scan.findings.append(
                Finding(str(entry), "leftover from an interrupted write: delete it", "stray")
            )
        elif entry.name.startswith("."):
            continue
        elif odd := is_link_or_special(entry):
            scan.findings.append(Finding(str(entry), odd, "stray"))
            scan.complete = scan.complete and not (entry / METADATA_FILE).exists()
        elif entry.is_dir():
            if not (entry / METADATA_FILE).exists():
                scan.findings.append(
                    Finding(str(entry), f"folder without {METADATA_FILE}: not a document", "stray")
                )
                continue
            try:
                meta = fingerprints.metadata(entry / METADATA_FILE)
            except CorpusError as exc:
                scan.findings.append(Finding(exc.path, exc.problem, "metadata"))
                scan.complete = False
                continue
            validated = validate_document(entry, meta)
            scan.findings.extend(_finding(p) for p in validated.problems)
            for text_path, text in validated.texts.values():
                scan.findings.extend(
                    Finding(f"{text_path}:{number}", message, "debris")
                    for number, message in fingerprints.debris(text)
                )
            if validated.document is None:
                scan.complete = False
            else:
                scan.documents.append(validated.document)
                scan.findings.extend(unknown_metadata(entry, validated.document))
        elif entry.suffix == ".txt":
            scan.findings.append(Finding(str(entry), "stray text file outside a document", "stray"))
    seen: dict[str, Document] = {}
    for document in scan.documents:
        if document.id in seen:
            scan.findings.append(
                Finding(str(path / document.id), f"id {document.id!r} is used twice", "metadata")
            )
        seen[document.id] = document
    scan.documents.sort(key=lambda d: (d.date, d.id))
    if scan.complete:
        scan.findings.extend(declared_parent_findings(path, scan.documents))
    return scan


def declared_parent_findings(path: Path, documents: list[Document]) -> list[Finding]:
    """A ``parents:`` list naming a document the corpus does not hold (a mistyped id, or
    a parent not yet added), one issued after the document that implements it, or one
    that by the declarations implements it in turn: the lineage keeps a declaration as
    written where it can, so the gate says what looks wrong in it."""
    by_id = {d.id: d for d in documents}
    # the declarations the dates allow (one against them is warned of as such, and is the
    # edge the lineage drops from a cycle)
    allowed = {
        d.id: [
            p
            for p in d.parents or ()
            if p in by_id and not by_id[p].issue_date.surely_after(d.issue_date)
        ]
        for d in documents
    }
    found = []
    for document in documents:
        where = str(path / document.id / METADATA_FILE)
        for parent_id in document.parents or ():
            parent = by_id.get(parent_id)
            if parent is None:
                message = f"declares parent {parent_id!r}, which the corpus does not hold"
            elif parent.issue_date.surely_after(document.issue_date):
                message = (
                    f"declares parent {parent_id!r}, issued {parent.date_text}, after this "
                    f"document ({document.date_text})"
                )
            elif creates_cycle(document.id, parent_id, allowed):
                message = (
                    f"declares parent {parent_id!r}, which itself implements this document "
                    "by the parents declared: a cycle, of which the lineage drops one edge"
                )
            else:
                continue
            found.append(Finding(where, message, "metadata", "warning"))
    return found


def unknown_metadata(folder: Path, document: Document) -> list[Finding]:
    """Metadata the document was added without (ingest records it as unknown)."""
    where = str(folder / METADATA_FILE)
    found = []
    if not document.issuers:
        found.append(
            Finding(where, "issuers unknown: name the issuing bodies", "metadata", "warning")
        )
    return found


def content_findings(
    corpus_path: Path, document: Document, fingerprints: Fingerprints | None = None
) -> list[Finding]:
    """A text that does not parse, or whose numbering starts again under one heading;
    complete versions whose numbering skeletons differ."""
    fingerprints = fingerprints or Fingerprints(None)
    found: list[Finding] = []
    folder = corpus_path / document.id
    shapes: dict[str, tuple[int, ...]] = {}
    for version in document.versions:
        where = folder / version.filename
        fingerprint = fingerprints.version(document.id, version)
        if not fingerprint.parses:
            found.append(
                Finding(str(where), "no provision with sentences: text does not parse", "structure")
            )
        if fingerprint.restarted:
            more = len(fingerprint.restarted) - 1
            found.append(
                Finding(
                    str(where),
                    f"numbering starts again under one heading at {fingerprint.restarted[0]}"
                    + (f" and {more} more" if more else "")
                    + ": a heading line may be missing, and the locations cited under it with it",
                    "structure",
                    "warning",
                )
            )
        if fingerprint.lang != version.lang:
            found.append(
                Finding(
                    str(where),
                    f"reads as {fingerprint.lang}, but {METADATA_FILE} says lang {version.lang}",
                    "metadata",
                )
            )
        if version.complete:
            shapes[version.key] = fingerprint.skeleton
    reference = document.version(None)
    if reference is not None and reference.key in shapes:
        for key, shape in shapes.items():
            if key != reference.key and shape != shapes[reference.key]:
                found.append(
                    Finding(
                        str(folder / f"{key}.txt"),
                        f"numbering skeleton {list(shape)} differs from {reference.key}'s "
                        f"{list(shapes[reference.key])}: cut, merged or mis-numbered items?",
                        "consistency",
                        "warning",
                    )
                )
    return found
