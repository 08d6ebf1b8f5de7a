"""``policydiff check``: the CI gate for a corpus when new documents are added.

One pass over the corpus folder that collects every problem instead of stopping
at the first (as :func:`policydiff.corpus.load_corpus` does):

* metadata complete and well formed, dates real, the publication date not
  before the issue date, ids unique and equal to their folder names;
* every version file present, UTF-8, not empty, free of web debris (each line
  through :func:`policydiff.ingest.clean.classify_line`, plus e-mail addresses
  and labelled phone numbers anywhere in a line), parsing into provisions with
  sentences;
* no document whose text is (nearly) identical to another document's, in the
  same language (a large share of shared sentences is a warning: a revision
  may legitimately keep most of its predecessor);
* complete versions of one document sharing one numbering skeleton (warning);
* no stray files: a ``.txt`` that ``document.yaml`` does not list, a folder
  without ``document.yaml``, a temporary ``.name-xxxxxxxx`` left by an
  interrupted write;
* ``reports/evolution.json`` equal to the evolution recomputed now (like
  ``black --check``): otherwise "reports are out of date".

It also says what is new or changed (since a git ref, or since the documents the
committed report knows) and, per theme, what each new or changed document did:
added, dropped, strengthened or weakened, with the cues on both sides.

Exit codes (:attr:`CheckResult.exit_code` for 0 and 1; the CLI maps a raised
:class:`~policydiff.errors.PolicydiffError` to 2):

=====  ==================================================================
0      clean: no errors (warnings allowed), reports current, no --fail-on hit
1      findings: an invalid corpus, stale or missing reports, or a
       ``--fail-on`` verdict met by a new or changed document
2      usage or input error: a bad ``--fail-on`` value, an unknown git ref,
       git missing, a corpus path that is not a folder
=====  ==================================================================
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from policydiff.cache import AnalysisCache, sha256
from policydiff.corpus import (
    ID_PATTERN,
    METADATA_FILE,
    VERSION_KEY_PATTERN,
    Corpus,
    _read_yaml,
    load_document,
    parse_date,
)
from policydiff.errors import CorpusError, UsageError
from policydiff.evolution import Evolution, Point, build_evolution
from policydiff.ingest.clean import EMAIL, INLINE_DEBRIS, classify_line
from policydiff.ingest.link import CONTAINMENT_STRONG, DUPLICATE_RATIO, containment, skeleton
from policydiff.models import LANGUAGES, VERSION_KINDS, Document, Version
from policydiff.render.evolution_json import evolution_json
from policydiff.strength import Lexicon
from policydiff.structure import structure_version
from policydiff.themes import Catalogue

MOVES = ("added", "dropped", "strengthened", "weakened")
REPORT_FILE = "evolution.json"
# tempfile.mkdtemp / mkstemp names: ".<name>-" and eight random characters.
TEMP_NAME = re.compile(r"^\..+-[a-z0-9_]{8}$")
PHONE_INLINE = re.compile(
    r"(?:\b(?:tel|phone|fax|hotline)\b|电话|传真|热线)\.?\s*[:：]?\s*\+?\(?\d[\d\s()\-–]{6,}\d",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Finding:
    path: str  # the file (with ":line" when one line is at fault) or folder
    message: str
    kind: str  # metadata, debris, structure, duplicate, consistency, stray, reports, fail-on
    severity: str = "error"  # or "warning"

    def line(self) -> str:
        return f"{self.path}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class ThemeChange:
    """What one new or changed document did to one theme, against the document before it."""

    document: str
    theme: str
    label: str
    verdict: str
    from_document: str
    from_cue: str | None
    from_strength: float | None
    to_cue: str | None
    to_strength: float | None
    delta: float | None
    sentence: str  # the evidence: the new document's sentence (the old one's when dropped)


@dataclass(frozen=True)
class CheckResult:
    corpus: str
    documents: int
    since: str  # "git ref X" or the committed report
    new: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]
    changes: tuple[ThemeChange, ...]
    findings: tuple[Finding, ...]
    fail_on: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "warning")

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


def parse_fail_on(value: str | None) -> tuple[str, ...]:
    """``"weakened,dropped"`` -> ``("weakened", "dropped")``; a UsageError for anything else."""
    if not value:
        return ()
    verdicts = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    unknown = [v for v in verdicts if v not in MOVES]
    if unknown or not verdicts:
        raise UsageError(
            f"--fail-on: unknown verdict {(unknown or [value])[0]!r} "
            f"(use a comma-separated list of {', '.join(MOVES)})"
        )
    return verdicts


# -- validating reader ---------------------------------------------------------------------


@dataclass
class _Scan:
    findings: list[Finding]
    documents: list[Document]
    complete: bool = True  # every document folder loaded


def scan_corpus(path: Path) -> _Scan:
    """Read every folder under ``path``, collecting each problem with its file."""
    if not path.is_dir():
        raise CorpusError(path, "corpus folder not found" if not path.exists() else "not a folder")
    scan = _Scan([], [])
    for entry in sorted(path.iterdir()):
        if TEMP_NAME.match(entry.name):
            scan.findings.append(
                Finding(str(entry), "leftover from an interrupted write: delete it", "stray")
            )
        elif entry.name.startswith("."):
            continue
        elif entry.is_dir():
            if not (entry / METADATA_FILE).exists():
                scan.findings.append(
                    Finding(str(entry), f"folder without {METADATA_FILE}: not a document", "stray")
                )
                continue
            problems = _validate_document(entry)
            scan.findings.extend(problems)
            if any(p.kind == "metadata" for p in problems):
                scan.complete = False
                continue
            try:
                scan.documents.append(load_document(entry))
            except CorpusError as exc:
                scan.findings.append(Finding(exc.path, exc.problem, "metadata"))
                scan.complete = False
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
    return scan


def _validate_document(folder: Path) -> list[Finding]:
    meta_path = folder / METADATA_FILE
    found: list[Finding] = []

    def problem(message: str, where: Path = meta_path, kind: str = "metadata") -> None:
        found.append(Finding(str(where), message, kind))

    try:
        meta = _read_yaml(meta_path)
    except CorpusError as exc:
        return [Finding(exc.path, exc.problem, "metadata")]
    doc_id = meta.get("id")
    if not isinstance(doc_id, str) or not doc_id.strip():
        problem("id is missing")
    elif not ID_PATTERN.match(doc_id):
        problem(f"id {doc_id!r} must be lowercase letters, digits and hyphens")
    elif doc_id != folder.name:
        problem(f"id {doc_id!r} does not match its folder name {folder.name!r}")
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        problem("title is missing")
    issuers = meta.get("issuers")
    if not issuers:
        problem("issuers is missing")
    elif not isinstance(issuers, list) or not all(isinstance(i, str) and i for i in issuers):
        problem("issuers must be a list of names")
    dates = {}
    for name in ("date", "published"):
        if name == "published" and not meta.get(name):
            continue
        try:
            dates[name] = parse_date(meta.get(name), meta_path, name)
        except CorpusError as exc:
            problem(exc.problem)
    if "date" in dates and "published" in dates and dates["published"] < dates["date"]:
        problem(
            f"published {dates['published']} is before the issue date {dates['date']}",
        )
    raw_versions = meta.get("versions")
    if not isinstance(raw_versions, list) or not raw_versions:
        problem("versions must list at least one version")
        raw_versions = []
    keys: list[str] = []
    for raw in raw_versions:
        if not isinstance(raw, dict):
            problem("each entry of versions must be a mapping")
            continue
        key = raw.get("key")
        if not isinstance(key, str) or not VERSION_KEY_PATTERN.match(key):
            problem(f"version key {key!r} must look like en, zh or en-2")
            continue
        keys.append(key)
        if raw.get("lang") not in LANGUAGES:
            problem(f"version {key}: unknown language {raw.get('lang')!r} (use en or zh)")
        if raw.get("kind") not in VERSION_KINDS:
            problem(f"version {key}: kind must be original or translation")
        if not isinstance(raw.get("complete", True), bool):
            problem(f"version {key}: complete must be true or false")
        text_path = folder / f"{key}.txt"
        try:
            text = text_path.read_bytes().decode("utf-8")
        except FileNotFoundError:
            problem("version file is missing", text_path)
            continue
        except UnicodeDecodeError as exc:
            problem(f"version file is not UTF-8 (byte {exc.start})", text_path)
            continue
        if not text.strip():
            problem("version file is empty", text_path)
        found.extend(debris_findings(text_path, text))
    if len(set(keys)) != len(keys):
        problem("two versions share one key")
    for path in sorted(folder.iterdir()):
        if TEMP_NAME.match(path.name):
            problem("leftover from an interrupted write: delete it", path, "stray")
        elif path.suffix == ".txt" and path.stem not in keys:
            problem(f"stray file: {METADATA_FILE} lists no version {path.stem!r}", path, "stray")
    return found


# -- content checks ------------------------------------------------------------------------


def debris_findings(where: Path, text: str) -> list[Finding]:
    """Every line of a version that still carries web debris."""
    found = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        kind = classify_line(line)
        if kind is None and EMAIL.search(line):
            kind = "email"
        if kind is None and PHONE_INLINE.search(line):
            kind = "phone"
        if kind is None:
            kind = next((name for name, rx in INLINE_DEBRIS if rx.search(line)), None)
        if kind:
            shown = line if len(line) <= 60 else line[:57] + "..."
            found.append(
                Finding(f"{where}:{number}", f"web debris left in ({kind}): {shown!r}", "debris")
            )
    return found


def content_findings(corpus_path: Path, document: Document) -> list[Finding]:
    found: list[Finding] = []
    folder = corpus_path / document.id
    shapes: dict[str, tuple[int, ...]] = {}
    for version in document.versions:
        where = folder / version.filename
        structured = structure_version(document.id, version)
        if not any(p.sentences for p in structured.provisions):
            found.append(
                Finding(str(where), "no provision with sentences: text does not parse", "structure")
            )
        if version.complete:
            shapes[version.key] = skeleton(version.text, version.lang)
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


def _containment(a: Version, b: Version, cache: AnalysisCache | None) -> tuple[float, float]:
    if cache is None:
        return containment(a, b)
    key = sha256("\0".join(("containment", sha256(a.text), sha256(b.text), a.lang, b.lang)))
    held = cache.get_json(key)
    if isinstance(held, list) and len(held) == 2 and all(isinstance(x, float | int) for x in held):
        return float(held[0]), float(held[1])
    share, whole = containment(a, b)
    cache.put_json(key, [share, whole])
    return share, whole


def duplicate_findings(
    corpus_path: Path, documents: list[Document], cache: AnalysisCache | None = None
) -> list[Finding]:
    """Same-language texts of two documents that are (nearly) one text."""
    found: list[Finding] = []
    for i, first in enumerate(documents):
        for second in documents[i + 1 :]:
            for a in first.versions:
                for b in second.versions:
                    if a.lang != b.lang:
                        continue
                    (doc_x, x), (doc_y, y) = sorted(
                        ((first, a), (second, b)), key=lambda pair: len(pair[1].text)
                    )
                    share, whole = _containment(x, y, cache)
                    where = str(corpus_path / doc_y.id / y.filename)
                    other = f"{doc_x.id}/{x.key}"
                    if whole >= DUPLICATE_RATIO:
                        found.append(
                            Finding(
                                where,
                                f"duplicate of {other} ({whole:.1f}% identical): one document "
                                "held twice; delete one or make it a version of the other",
                                "duplicate",
                            )
                        )
                    elif share >= CONTAINMENT_STRONG:
                        found.append(
                            Finding(
                                str(corpus_path / doc_x.id / x.filename),
                                f"{share:.0%} of its sentences stand in {doc_y.id}/{y.key}: "
                                "a near-duplicate, or a revision that keeps most of it",
                                "duplicate",
                                "warning",
                            )
                        )
    return found


# -- what is new ---------------------------------------------------------------------------


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=60
        )
    except FileNotFoundError:
        raise UsageError("--base needs git, and git is not installed") from None


def changed_since_git(corpus_path: Path, base: str) -> dict[str, str]:
    """Document id -> "new", "changed" or "removed" since git ref ``base``."""
    probe = _git(["rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"], corpus_path)
    if probe.returncode != 0:
        if _git(["rev-parse", "--git-dir"], corpus_path).returncode != 0:
            raise UsageError(f"--base {base}: {corpus_path} is not in a git repository")
        raise UsageError(f"--base {base}: unknown git ref")
    commit = probe.stdout.strip()
    merge_base = _git(["merge-base", commit, "HEAD"], corpus_path)
    if merge_base.returncode == 0 and merge_base.stdout.strip():
        commit = merge_base.stdout.strip()
    diff = _git(["diff", "--name-status", "--no-renames", "--relative", commit], corpus_path)
    untracked = _git(["ls-files", "--others", "--exclude-standard"], corpus_path)
    touched: dict[str, set[str]] = {}
    for line in diff.stdout.splitlines():
        status, _, name = line.partition("\t")
        _touch(touched, name, status[:1])
    for name in untracked.stdout.splitlines():
        _touch(touched, name, "A")
    result = {}
    for doc_id, statuses in sorted(touched.items()):
        if not (corpus_path / doc_id / METADATA_FILE).exists():
            result[doc_id] = "removed"
        elif f"A:{METADATA_FILE}" in statuses:
            result[doc_id] = "new"
        else:
            result[doc_id] = "changed"
    return result


def _touch(touched: dict[str, set[str]], name: str, status: str) -> None:
    parts = Path(name).parts
    if len(parts) >= 2 and not parts[0].startswith("."):
        touched.setdefault(parts[0], set()).add(f"{status}:{parts[-1]}")


def changed_since_report(
    documents: list[Document], report: dict[str, Any] | None
) -> dict[str, str]:
    """Without a git ref: documents the committed report does not list are new."""
    known = {d.get("id") for d in (report or {}).get("documents", []) if isinstance(d, dict)}
    held = {d.id for d in documents}
    status = {d.id: "new" for d in documents if d.id not in known}
    status.update({i: "removed" for i in known - held if isinstance(i, str)})
    return dict(sorted(status.items()))


def _read_report(path: Path) -> tuple[str | None, dict[str, Any] | None]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None, None
    try:
        data = json.loads(text)
    except ValueError:
        return text, None
    return text, data if isinstance(data, dict) else None


def report_findings(
    reports: Path, text: str | None, data: dict[str, Any] | None, expected: str
) -> list[Finding]:
    path = reports / REPORT_FILE
    if not reports.is_dir():
        return [
            Finding(str(reports), "reports folder is missing: run `policydiff report`", "reports")
        ]
    if text is None:
        return [Finding(str(path), "missing: run `policydiff report`", "reports")]
    if text == expected:
        return []
    detail = ""
    if data is not None:
        fresh = json.loads(expected)
        old_ids = [d.get("id") for d in data.get("documents", []) if isinstance(d, dict)]
        new_ids = [d["id"] for d in fresh["documents"]]
        old_themes = {t.get("id"): t for t in data.get("themes", []) if isinstance(t, dict)}
        differ = [t["id"] for t in fresh["themes"] if old_themes.get(t["id"]) != t]
        if old_ids != new_ids:
            detail = f" (it lists {len(old_ids)} documents, the corpus holds {len(new_ids)})"
        elif differ:
            detail = f" ({len(differ)} themes differ: {', '.join(differ[:5])})"
    return [
        Finding(str(path), f"reports are out of date: run `policydiff report`{detail}", "reports")
    ]


# -- per-theme summary -----------------------------------------------------------------------


def _sentence(point: Point) -> str:
    best = next((e for e in point.evidence if e.cue == point.cue), None)
    best = best or (point.evidence[0] if point.evidence else None)
    return best.sentence if best else ""


def theme_changes(evolution: Evolution, documents: tuple[str, ...]) -> list[ThemeChange]:
    """Each move (added, dropped, strengthened, weakened) into one of ``documents``."""
    out = []
    wanted = set(documents)
    for theme in evolution.themes:
        points = {p.document: p for p in theme.points}
        for change in theme.changes:
            if change.to_document not in wanted or change.verdict not in MOVES:
                continue
            before, after = points[change.from_document], points[change.to_document]
            evidence = after if after.present else before
            out.append(
                ThemeChange(
                    document=change.to_document,
                    theme=theme.id,
                    label=theme.label,
                    verdict=change.verdict,
                    from_document=change.from_document,
                    from_cue=_cue(before),
                    from_strength=before.strength,
                    to_cue=_cue(after),
                    to_strength=after.strength,
                    delta=change.delta,
                    sentence=_sentence(evidence),
                )
            )
    order = {d: i for i, d in enumerate(documents)}
    out.sort(key=lambda c: (order[c.document], MOVES.index(c.verdict), c.theme))
    return out


def _cue(point: Point) -> str | None:
    if not point.present:
        return None
    cue = point.cue or "no cue"
    if point.cue_en and point.cue_en != point.cue:
        return f"{cue} ({point.cue_en})"
    return cue


def describe(change: ThemeChange) -> str:
    """``'推动 (promote)' 2.0 -> 'Explore' 1.0, delta -1.0``."""
    before = f"{change.from_cue!r} {change.from_strength}" if change.from_cue else "absent"
    after = f"{change.to_cue!r} {change.to_strength}" if change.to_cue else "absent"
    delta = f", delta {change.delta:+}" if change.delta is not None else ""
    return f"{before} in {change.from_document} -> {after}{delta}"


# -- the check -----------------------------------------------------------------------------


def run_check(
    corpus_path: Path,
    reports: Path,
    catalogue: Catalogue,
    lexicon: Lexicon,
    *,
    base: str | None = None,
    fail_on: tuple[str, ...] = (),
    cache: AnalysisCache | None = None,
    jobs: int = 1,
) -> CheckResult:
    corpus_path = Path(corpus_path)
    status = changed_since_git(corpus_path, base) if base else None
    scan = scan_corpus(corpus_path)
    findings = list(scan.findings)
    for document in scan.documents:
        findings.extend(content_findings(corpus_path, document))
    findings.extend(duplicate_findings(corpus_path, scan.documents, cache))
    report_text, report_data = _read_report(reports / REPORT_FILE)
    if status is None:
        status = changed_since_report(scan.documents, report_data)
    held = {d.id for d in scan.documents}
    new = tuple(d.id for d in scan.documents if status.get(d.id) == "new")
    changed = tuple(d.id for d in scan.documents if status.get(d.id) == "changed")
    removed = tuple(i for i, s in status.items() if s == "removed" and i not in held)
    notes: list[str] = []
    changes: list[ThemeChange] = []
    if scan.complete:
        corpus = Corpus(corpus_path, tuple(scan.documents))
        evolution = build_evolution(corpus, catalogue, lexicon, cache=cache, jobs=jobs)
        findings.extend(
            report_findings(reports, report_text, report_data, evolution_json(evolution))
        )
        changes = theme_changes(evolution, new + changed)
        for change in changes:
            if change.verdict in fail_on:
                findings.append(
                    Finding(
                        str(corpus_path / change.document),
                        f"theme {change.theme} ({change.label}) {change.verdict} "
                        f"(--fail-on {change.verdict}): {describe(change)}",
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
    )


# -- renderings ----------------------------------------------------------------------------


def result_dict(result: CheckResult) -> dict[str, Any]:
    return {
        "corpus": result.corpus,
        "documents": result.documents,
        "since": result.since,
        "new": list(result.new),
        "changed": list(result.changed),
        "removed": list(result.removed),
        "changes": [asdict(c) for c in result.changes],
        "findings": [asdict(f) for f in result.findings],
        "fail_on": list(result.fail_on),
        "notes": list(result.notes),
        "exit_code": result.exit_code,
    }


def render_text(result: CheckResult) -> str:
    lines = [
        f"policydiff check: {result.corpus} ({result.documents} documents), "
        f"compared with {result.since}"
    ]
    for name in ("new", "changed", "removed"):
        ids = getattr(result, name)
        if ids:
            lines.append(f"{name}: {', '.join(ids)}")
    for doc_id in (*result.new, *result.changed):
        mine = [c for c in result.changes if c.document == doc_id]
        lines.append("")
        lines.append(f"{doc_id}: {len(mine) or 'no'} theme changes")
        for c in mine:
            lines.append(f"  {c.verdict:<12} {c.theme:<28} {describe(c)}")
    lines.append("")
    lines.extend(f.line() for f in result.findings)
    lines.extend(f"note: {n}" for n in result.notes)
    lines.append(_verdict_line(result))
    return "\n".join(lines) + "\n"


def _verdict_line(result: CheckResult) -> str:
    errors, warnings = len(result.errors), len(result.warnings)
    state = "FAILED" if result.exit_code else "passed"
    return f"check {state}: {errors} errors, {warnings} warnings"


def _md(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def render_markdown(result: CheckResult) -> str:
    icon = "❌" if result.exit_code else "✅"
    lines = [
        f"## {icon} policydiff check",
        "",
        f"`{result.corpus}`: {result.documents} documents, compared with {result.since}.",
    ]
    for name in ("new", "changed", "removed"):
        ids = getattr(result, name)
        if ids:
            lines.append(f"- **{name}**: {', '.join(f'`{i}`' for i in ids)}")
    for doc_id in (*result.new, *result.changed):
        mine = [c for c in result.changes if c.document == doc_id]
        lines += ["", f"### `{doc_id}`", ""]
        if not mine:
            lines.append("No theme added, dropped, strengthened or weakened.")
            continue
        lines += [
            "| Theme | Verdict | Before | After | Δ | Evidence |",
            "|---|---|---|---|---|---|",
        ]
        for c in mine:
            flag = " ⚠️" if c.verdict in result.fail_on else ""
            before = f"{_md(c.from_cue)} ({c.from_strength})" if c.from_cue else "—"
            after = f"{_md(c.to_cue)} ({c.to_strength})" if c.to_cue else "—"
            delta = f"{c.delta:+}" if c.delta is not None else ""
            sentence = c.sentence if len(c.sentence) <= 160 else c.sentence[:157] + "..."
            lines.append(
                f"| {_md(c.label)} | **{c.verdict}**{flag} | {before} | {after} | {delta} "
                f"| {_md(sentence)} |"
            )
    if result.findings:
        lines += ["", "### Findings", ""]
        lines += [f"- **{f.severity}** `{f.path}`: {_md(f.message)}" for f in result.findings]
    lines += [f"- note: {n}" for n in result.notes]
    lines += ["", f"**{_verdict_line(result)}**", ""]
    return "\n".join(lines)
