"""``policydiff check``: the CI gate for a corpus when new documents are added.

One pass over the corpus folder that collects every problem instead of stopping at the
first (:mod:`.scan`), documents held twice (:mod:`.duplicates`), whether the committed
reports are current (:mod:`.staleness`), and what each new or changed document did to
each theme, with the cues on both sides (:mod:`.changes`): added, dropped, strengthened
or weakened. Like ``black --check`` it changes nothing; exit codes are in
:mod:`.result`.
"""

from __future__ import annotations

from pathlib import Path

from policydiff.analysis.build import build_evolution
from policydiff.analysis.cache import AnalysisCache
from policydiff.analysis.digests import analysis_inputs, document_refs, metadata_digest
from policydiff.analysis.evolution_json import dumps_evolution, evolution_dict
from policydiff.analysis.verdicts import Verdict
from policydiff.check.changes import (
    Move,
    base_commit,
    changed_since_git,
    first_of_series,
    moved,
    parsed,
    recompared,
    report_at,
    reported_moves,
    reported_order,
    theme_changes,
)
from policydiff.check.duplicates import duplicate_findings
from policydiff.check.fingerprints import Fingerprints
from policydiff.check.result import CheckResult, Finding, ThemeChange
from policydiff.check.scan import content_findings, scan_corpus
from policydiff.check.staleness import (
    REPORT_FILE,
    changed_since_report,
    listed_documents,
    neighbourhood,
    read_report,
    report_findings,
)
from policydiff.corpus import Corpus
from policydiff.lineage.series import series_of
from policydiff.runtime.engine import Engine
from policydiff.strength import Lexicon
from policydiff.themes import Catalogue


def run_check(
    corpus_path: Path,
    reports: Path,
    catalogue: Catalogue,
    lexicon: Lexicon,
    *,
    base: str | None = None,
    fail_on: tuple[Verdict, ...] = (),
    cache: AnalysisCache | None = None,
    jobs: int = 1,
    full: bool = False,
    engine: Engine | None = None,
) -> CheckResult:
    corpus_path = Path(corpus_path)
    commit = base_commit(corpus_path, base) if base else None
    status = changed_since_git(corpus_path, commit) if commit else None
    store = cache.store if cache is not None else None
    fingerprints = Fingerprints(store)
    scan = scan_corpus(corpus_path, fingerprints)
    findings = list(scan.findings)
    for document in scan.documents:
        findings.extend(content_findings(corpus_path, document, fingerprints))
    findings.extend(duplicate_findings(corpus_path, scan.documents, store, fingerprints))
    committed = read_report(reports / REPORT_FILE)
    refs = document_refs(scan.documents)
    if status is None:
        status = changed_since_report(refs, committed.documents)
    held = {d.id for d in scan.documents}
    new = tuple(d.id for d in scan.documents if status.get(d.id) == "new")
    changed = tuple(d.id for d in scan.documents if status.get(d.id) == "changed")
    removed = tuple(i for i, s in status.items() if s == "removed" and i not in held)
    notes: list[str] = []
    changes: list[ThemeChange] = []
    firsts: tuple[tuple[str, str], ...] = ()
    again: tuple[tuple[str, str], ...] = ()
    if scan.complete:
        corpus = Corpus(corpus_path, tuple(scan.documents))
        # the report as it stood before the change, read only where something changed: at
        # the base commit with --base (never the branch's own, which may have been rewritten),
        # else the committed one, which predates what it finds
        earlier = (
            report_at(corpus_path, commit, reports / REPORT_FILE)
            if commit and (new or changed or removed)
            else None
        )
        if commit is None:
            then = reported_order(committed.documents)
        else:
            then = reported_order(listed_documents(earlier) if earlier else None)
            if not then and (removed or changed):
                notes.append(
                    "no readable report at the base commit: documents that now follow a "
                    "removed or re-dated one are not checked again"
                )
        now = [(d.id, series_of(d)) for d in corpus.documents]
        shifted = moved(now, then, new + changed)
        inputs = analysis_inputs(catalogue, lexicon)
        if full:
            evolution = build_evolution(
                corpus, catalogue, lexicon, cache=cache, jobs=jobs, engine=engine
            )
            expected: bytes | None = dumps_evolution(evolution_dict(evolution))
        else:
            around = neighbourhood(corpus, new + changed + shifted)
            evolution = build_evolution(
                around, catalogue, lexicon, cache=cache, jobs=jobs, engine=engine
            )
            expected = None
        findings.extend(
            report_findings(
                reports, committed, refs, inputs, expected, metadata_digest(corpus.documents)
            )
        )
        again = recompared(evolution, new + changed, shifted)
        reported: frozenset[Move] = frozenset()
        # what the committed report already held, marked whatever the gate: a changed
        # document's verdicts, and those of a document compared again that still hold
        if changed or again:
            reported = reported_moves(parsed(earlier if commit else committed.read_bytes()))
        changes = theme_changes(evolution, new + changed + tuple(d for d, _ in again), reported)
        firsts = first_of_series(evolution, new + changed)
        for change in changes:
            if change.fails(fail_on):
                findings.append(
                    Finding(
                        str(corpus_path / change.document),
                        f"theme {change.theme} ({change.label}) {change.verdict} "
                        f"(--fail-on {change.verdict}): {change.describe()}",
                        "fail-on",
                    )
                )
    else:
        notes.append("reports and theme changes not checked: fix the metadata first")
    return CheckResult(
        corpus=str(corpus_path),
        documents=len(scan.documents),
        since=f"git ref {base}" if base else f"{reports / REPORT_FILE}",
        new=new,
        changed=changed,
        removed=removed,
        changes=tuple(changes),
        findings=tuple(findings),
        fail_on=fail_on,
        notes=tuple(notes),
        first_of_series=firsts,
        recompared=again,
    )
