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
* ``reports/evolution.json`` current: it records the policydiff version, the
  catalogue and lexicon digests and, for every document, the digest of what the
  analysis reads (text, date, title, versions); any difference from the corpus
  now is "reports are out of date", naming what changed. This costs the same at
  3 documents as at 1,000. With ``--full`` the evolution is also recomputed and
  compared byte for byte (like ``black --check``), which catches a hand-edited
  report too; it costs a whole analysis.

It also says what is new or changed (since a git ref, or since the committed report:
documents it does not list, or lists with another digest) and, per theme, what each new or changed document did:
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

import functools
import hashlib
import json
import re
import subprocess
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import scipy.sparse as sp
from rapidfuzz import fuzz, process

from policydiff import __version__
from policydiff.cache import AnalysisCache, sha256
from policydiff.corpus import (
    ID_PATTERN,
    METADATA_FILE,
    VERSION_KEY_PATTERN,
    Corpus,
    load_document,
    parse_date,
    read_metadata_file,
)
from policydiff.errors import CorpusError, UsageError
from policydiff.evolution import (
    DocumentRef,
    Evolution,
    Inputs,
    Point,
    analysis_inputs,
    build_evolution,
    document_refs,
)
from policydiff.ingest.clean import EMAIL, INLINE_DEBRIS, classify_line
from policydiff.ingest.link import (
    CONTAINMENT_STRONG,
    DUPLICATE_RATIO,
    SENTENCE_MATCH,
    comparable_sentences,
    normalise,
    skeleton_of,
)
from policydiff.models import LANGUAGES, VERSION_KINDS, Document, Version
from policydiff.render.evolution_json import (
    documents_list,
    dumps_evolution,
    evolution_dict,
    inputs_dict,
)
from policydiff.render.md_text import md
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


def scan_corpus(path: Path, fingerprints: _Fingerprints | None = None) -> _Scan:
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
            problems = _validate_document(entry, fingerprints)
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


def _validate_document(folder: Path, fingerprints: _Fingerprints | None = None) -> list[Finding]:
    meta_path = folder / METADATA_FILE
    found: list[Finding] = []

    def problem(message: str, where: Path = meta_path, kind: str = "metadata") -> None:
        found.append(Finding(str(where), message, kind))

    try:
        meta = (
            read_metadata_file(meta_path)
            if fingerprints is None
            else fingerprints.metadata(meta_path)
        )
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
        if fingerprints is None:
            found.extend(debris_findings(text_path, text))
        else:
            found.extend(_debris_at(text_path, fingerprints.debris(text)))
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
    return _debris_at(where, _debris_lines(text))


def _debris_at(where: Path, lines: list[tuple[int, str]]) -> list[Finding]:
    return [Finding(f"{where}:{number}", message, "debris") for number, message in lines]


def _debris_lines(text: str) -> list[tuple[int, str]]:
    """(line number, message) of every line that still carries web debris."""
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
            found.append((number, f"web debris left in ({kind}): {shown!r}"))
    return found


def content_findings(
    corpus_path: Path, document: Document, fingerprints: _Fingerprints | None = None
) -> list[Finding]:
    fingerprints = fingerprints or _Fingerprints(None)
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


# -- per-version fingerprints and the duplicate check --------------------------------------
#
# Everything the check reads from one version's text is a pure function of the text and
# its language, so it is computed once and kept in the analysis cache under the text's
# hash (committed as it goes: an interrupted run keeps what it finished):
#
# * the debris lines, whether the text parses into provisions with sentences, its
#   numbering skeleton;
# * its sentences (those :func:`~policydiff.ingest.link.containment` compares) and the
#   character histogram of its normalised text (for the whole-text bound below).
#
# The duplicate check gives exactly what ``containment`` gives for every pair of
# same-language versions of two documents, without comparing every pair:
#
# * sentence matches (``fuzz.ratio`` >= SENTENCE_MATCH) are found once per distinct
#   sentence of the corpus, among sentences of compatible length only, and kept (as a
#   graph of sentence hashes) so a later run compares new sentences only;
# * a version's share of sentences found in another is then a count over that graph;
# * the whole-text ratio is computed only when the character histograms allow it
#   (an insertion or deletion changes one count by one, so the histograms' L1 distance
#   bounds the indel distance from below), and then the histograms of 4-grams too (see
#   :func:`ratio_bound`);
# * the versions already compared and the pairs that gave a finding are kept too, so a
#   warm run compares only new or changed versions with the others.

_CHECK_VERSION = "check-1"
_STATE_KEY = "check-duplicates-state-1"
_RATIO_MIN_SHARE = SENTENCE_MATCH / 100
_CHUNK = 256


@dataclass(frozen=True)
class _Fingerprint:
    parses: bool
    skeleton: tuple[int, ...]
    sentences: tuple[str, ...]
    length: int  # of the normalised text
    histogram: dict[str, int]


def _same_types(a: Any, b: Any) -> bool:
    """Whether two equal values also have the same types throughout (1 is not True)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same_types(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return all(_same_types(x, y) for x, y in zip(a, b, strict=True))
    return True


class _Fingerprints:
    """Per-text facts, memoised in memory and in the analysis cache (when given)."""

    def __init__(self, cache: AnalysisCache | None) -> None:
        self.cache = cache
        self._debris: dict[str, list[tuple[int, str]]] = {}
        self._versions: dict[tuple[str, str], _Fingerprint] = {}

    def metadata(self, path: Path) -> dict[str, Any]:
        """``read_metadata_file(path)``, its result kept in the cache under the file's text when
        it survives a JSON round trip unchanged (errors are never cached)."""
        if self.cache is None:
            return read_metadata_file(path)
        try:
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return read_metadata_file(path)
        key = sha256("\0".join((_CHECK_VERSION, __version__, "metadata", sha256(text))))
        data = self.cache.get_json(key, "metadata")
        if isinstance(data, dict):
            return data
        data = read_metadata_file(path)
        try:
            kept = json.loads(json.dumps(data, ensure_ascii=False))
        except (TypeError, ValueError):
            return data
        if kept == data and _same_types(kept, data):
            self.cache.put_json(key, data, "metadata")
        return data

    def debris(self, text: str) -> list[tuple[int, str]]:
        digest = sha256(text)
        held = self._debris.get(digest)
        if held is not None:
            return held
        key = sha256("\0".join((_CHECK_VERSION, "debris", digest)))
        data = self.cache.get_json(key) if self.cache is not None else None
        found: list[tuple[int, str]] | None = None
        if isinstance(data, list):
            try:
                found = [(int(n), str(m)) for n, m in data]
            except (TypeError, ValueError):
                found = None
        if found is None:
            found = _debris_lines(text)
            if self.cache is not None:
                self.cache.put_json(key, found)
        self._debris[digest] = found
        return found

    def version(self, document_id: str, version: Version) -> _Fingerprint:
        digest = sha256(version.text)
        held = self._versions.get((digest, version.lang))
        if held is not None:
            return held
        key = sha256("\0".join((_CHECK_VERSION, "version", digest, version.lang)))
        data = self.cache.get_json(key) if self.cache is not None else None
        found: _Fingerprint | None = None
        if isinstance(data, dict):
            try:
                found = _Fingerprint(
                    bool(data["parses"]),
                    tuple(int(n) for n in data["skeleton"]),
                    tuple(str(t) for t in data["sentences"]),
                    int(data["length"]),
                    {str(c): int(n) for c, n in data["histogram"].items()},
                )
            except (KeyError, TypeError, ValueError, AttributeError):
                found = None
        if found is None:
            structured = structure_version(document_id, version)
            normal = normalise(version.text)
            found = _Fingerprint(
                parses=any(p.sentences for p in structured.provisions),
                skeleton=skeleton_of(structured.provisions),
                sentences=tuple(comparable_sentences(version.text, version.lang)),
                length=len(normal),
                histogram=dict(Counter(normal)),
            )
            if self.cache is not None:
                self.cache.put_json(
                    key,
                    {
                        "parses": found.parses,
                        "skeleton": list(found.skeleton),
                        "sentences": list(found.sentences),
                        "length": found.length,
                        "histogram": found.histogram,
                    },
                )
        self._versions[(digest, version.lang)] = found
        return found


def _short_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=10).hexdigest()


@dataclass
class _Node:
    """One distinct text of one language, wherever it occurs."""

    key: str  # sha256 of the text
    text: str
    sentence_ids: list[int]
    length: int
    histogram: dict[str, int]
    occurrences: list[tuple[int, int, Document, Version]] = field(default_factory=list)


def _sentence_edges(sentences: list[str], new_ids: list[int]) -> list[tuple[int, int]]:
    """Pairs (new id, any id) of distinct sentences with ``fuzz.ratio`` >= SENTENCE_MATCH.

    ratio >= 90 needs lengths within 9/11 and 11/9 of each other: only those are compared.
    """
    if not new_ids:
        return []
    lengths = np.array([len(t) for t in sentences])
    order = np.argsort(lengths, kind="stable")
    sorted_lengths = lengths[order]
    queries = sorted(new_ids, key=lambda i: lengths[i])
    edges: list[tuple[int, int]] = []
    for start in range(0, len(queries), _CHUNK):
        chunk = queries[start : start + _CHUNK]
        low = lengths[chunk[0]] * 9 / 11 - 1
        high = lengths[chunk[-1]] * 11 / 9 + 1
        lo = int(np.searchsorted(sorted_lengths, low, side="left"))
        hi = int(np.searchsorted(sorted_lengths, high, side="right"))
        choices = order[lo:hi]
        scores = process.cdist(
            [sentences[i] for i in chunk],
            [sentences[i] for i in choices],
            scorer=fuzz.ratio,
            score_cutoff=SENTENCE_MATCH,
            workers=-1,
        )
        rows, cols = np.nonzero(scores)
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
            other = int(choices[c])
            if other != chunk[r]:
                edges.append((chunk[r], other))
    return edges


# Whole texts of one language share their characters and their bigrams (recombined
# provisions share them all the more); their 4-grams tell them apart. On 400 synthetic
# documents, of the 4,774 pairs the character histograms let through, the bigram bound
# passed 3,869 on to ``fuzz.ratio`` (1.6 ms each; none reached 97), the 4-gram bound 44.
QGRAM = 4
_HASH_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
_MIX = (np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53))
_SHIFT = np.uint64(33)


@dataclass(frozen=True)
class QgramHistogram:
    """How often each q-gram occurs in a text: ``keys`` sorted, with their ``counts``.

    A key is a 32-bit hash of the q-gram; q-grams whose hashes collide share a count,
    which can only lower the L1 distance between two histograms, so
    :func:`ratio_bound` stays a bound."""

    q: int
    keys: np.ndarray  # uint32, sorted, unique
    counts: np.ndarray  # int64
    total: int


def qgram_histogram(text: str, q: int = QGRAM) -> QgramHistogram:
    # surrogatepass: a lone surrogate is a code point like any other here, not an error
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32).astype(np.uint64)
    grams = len(codes) - q + 1
    if grams <= 0:
        return QgramHistogram(q, np.zeros(0, np.uint32), np.zeros(0, np.int64), 0)
    hashed = np.zeros(grams, dtype=np.uint64)
    for i in range(q):  # a polynomial hash, wrapping around 2**64 ...
        hashed = hashed * _HASH_MULTIPLIER + codes[i : i + grams]
    for multiplier in _MIX:  # ... mixed (MurmurHash3's finaliser) so that every bit counts
        hashed ^= hashed >> _SHIFT
        hashed *= multiplier
    hashed ^= hashed >> _SHIFT
    keys, counts = np.unique((hashed >> np.uint64(32)).astype(np.uint32), return_counts=True)
    return QgramHistogram(q, keys, counts.astype(np.int64), grams)


def ratio_bound(a: QgramHistogram, b: QgramHistogram, total_length: int) -> float:
    """An upper bound of ``fuzz.ratio`` of two texts from their q-gram histograms and
    the sum of their lengths. An insertion or deletion removes at most q - 1 q-grams
    and adds at most q, so the histograms' L1 distance over 2q - 1 bounds the indel
    distance from below."""
    shared = 0
    if len(a.keys) and len(b.keys):
        at = np.searchsorted(a.keys, b.keys)
        at[at == len(a.keys)] = 0
        hit = a.keys[at] == b.keys
        shared = int(np.minimum(a.counts[at[hit]], b.counts[hit]).sum())
    l1 = a.total + b.total - 2 * shared
    return 100 * (1 - l1 / (2 * a.q - 1) / max(total_length, 1))


def _rows_matrix(rows: Sequence[np.ndarray], width: int) -> sp.csr_matrix:
    """A sparse matrix with one row per entry of ``rows``, counting the column indices
    listed in it (an index listed twice counts 2)."""
    lengths = np.array([len(r) for r in rows], dtype=np.int64)
    columns = np.concatenate(rows) if len(rows) else np.zeros(0, dtype=np.int64)
    matrix = sp.csr_matrix(
        (
            np.ones(len(columns), dtype=np.int32),
            (np.repeat(np.arange(len(rows)), lengths), columns),
        ),
        shape=(len(rows), width),
    )
    matrix.sum_duplicates()
    return matrix


def _load_state(cache: AnalysisCache | None) -> dict[str, Any]:
    data = cache.get_json(_STATE_KEY) if cache is not None else None
    return data if isinstance(data, dict) else {}


def _compare_language(
    nodes: list[_Node],
    sentences: list[str],
    state: dict[str, Any],
    save: Any,
) -> tuple[dict[tuple[int, int], tuple[int, int, float]], dict[str, Any]]:
    """(node p, node q) with p < q -> (found p in q, found q in p, whole ratio or 0) for
    every pair that gives a finding; and the state to keep for the next run."""
    hashes = [_short_hash(t) for t in sentences]
    index = {h: i for i, h in enumerate(hashes)}
    neighbours: list[set[int]] = [{i} for i in range(len(sentences))]
    known: set[str] = set()
    try:
        known = {str(h) for h in state.get("sentences", [])} & set(index)
        old = state.get("sentences", [])
        for a, b in state.get("edges", []):
            ia, ib = index.get(old[a]), index.get(old[b])
            if ia is not None and ib is not None:
                neighbours[ia].add(ib)
                neighbours[ib].add(ia)
    except (TypeError, ValueError, IndexError, AttributeError):
        known = set()
        neighbours = [{i} for i in range(len(sentences))]
    new_ids = [i for i, h in enumerate(hashes) if h not in known]
    for a, b in _sentence_edges(sentences, new_ids):
        neighbours[a].add(b)
        neighbours[b].add(a)
    neighbour_lists = [np.fromiter(sorted(n), dtype=np.int64) for n in neighbours]
    near = _rows_matrix(neighbour_lists, len(sentences))  # sentence -> sentences it matches
    count = _rows_matrix(  # node -> how often it holds each sentence
        [np.array(n.sentence_ids, dtype=np.int64) for n in nodes], len(sentences)
    )
    held_by = (count > 0).astype(np.int32).T.tocsr()  # sentence -> nodes holding it
    count_by_sentence = count.tocsc()
    totals = np.array([len(n.sentence_ids) for n in nodes], dtype=np.int64)
    chars = sorted({c for n in nodes for c in n.histogram})
    column = {c: i for i, c in enumerate(chars)}
    histograms = np.zeros((len(nodes), len(chars)), dtype=np.int64)
    for row, node in enumerate(nodes):
        for c, n in node.histogram.items():
            histograms[row, column[c]] = n
    lengths = np.array([n.length for n in nodes], dtype=np.int64)
    normal: dict[int, str] = {}

    def normalised(row: int) -> str:
        if row not in normal:
            normal[row] = normalise(nodes[row].text)
        return normal[row]

    qgram_counts: dict[int, QgramHistogram] = {}

    def qgrams(row: int) -> QgramHistogram:
        if row not in qgram_counts:
            qgram_counts[row] = qgram_histogram(normalised(row))
        return qgram_counts[row]

    position = {n.key: i for i, n in enumerate(nodes)}
    notable: dict[tuple[int, int], tuple[int, int, float]] = {}
    done = np.zeros(len(nodes), dtype=bool)
    try:
        for key in state.get("nodes", []):
            if key in position:
                done[position[key]] = True
        for p_key, q_key, pq, qp, whole in state.get("pairs", []):
            p, q = position.get(p_key), position.get(q_key)
            if p is not None and q is not None and done[p] and done[q]:
                a, b = (p, q) if p < q else (q, p)
                found = (int(pq), int(qp)) if p < q else (int(qp), int(pq))
                notable[(a, b)] = (*found, float(whole))
    except (TypeError, ValueError, AttributeError):
        done[:] = False
        notable.clear()

    def snapshot() -> dict[str, Any]:
        kept = sorted({i for i in range(len(sentences))})
        return {
            "sentences": [hashes[i] for i in kept],
            "edges": [[a, b] for a in kept for b in neighbour_lists[a].tolist() if a < b],
            "nodes": [nodes[i].key for i in np.flatnonzero(done).tolist()],
            "pairs": [
                [nodes[p].key, nodes[q].key, pq, qp, whole]
                for (p, q), (pq, qp, whole) in sorted(notable.items())
            ],
        }

    for v in range(len(nodes)):
        if done[v]:
            continue
        others = done.copy()
        if others.any():
            # v's distinct sentences and how often it holds each: its row of ``count``
            ids = count.indices[count.indptr[v] : count.indptr[v + 1]]
            mult = count.data[count.indptr[v] : count.indptr[v + 1]]
            # found_v[y]: v's sentences (with repeats) that match one of y's;
            # found_in_v[y]: y's sentences (with repeats) that match one of v's
            near_v = near[ids]
            reaches = near_v @ held_by  # (v's sentence, node y) -> matches of it in y
            reaches.data[:] = 1
            found_v = np.asarray(reaches.T @ mult).ravel()
            matched = np.unique(near_v.indices)
            found_in_v = np.asarray(count_by_sentence[:, matched].sum(axis=1)).ravel()
            share_v = found_v / totals[v]
            share_in_v = found_in_v / totals
            l1 = np.abs(histograms - histograms[v]).sum(axis=1)
            bound = 100 * (1 - l1 / np.maximum(lengths + lengths[v], 1))
            maybe_whole = others & (bound >= DUPLICATE_RATIO - 0.01)
            shared = others & (
                (share_v >= CONTAINMENT_STRONG - 1e-9) | (share_in_v >= CONTAINMENT_STRONG - 1e-9)
            )
            for y in np.flatnonzero(maybe_whole | shared).tolist():
                whole = 0.0
                if (
                    maybe_whole[y]
                    and ratio_bound(qgrams(v), qgrams(y), int(lengths[v] + lengths[y]))
                    >= DUPLICATE_RATIO - 0.01
                ):
                    whole = float(
                        fuzz.ratio(normalised(v), normalised(y), score_cutoff=DUPLICATE_RATIO)
                    )
                pv, py = int(found_v[y]), int(found_in_v[y])
                strong = (
                    pv / totals[v] >= CONTAINMENT_STRONG or py / totals[y] >= CONTAINMENT_STRONG
                )
                if whole >= DUPLICATE_RATIO or strong:
                    a, b = (v, y) if v < y else (y, v)
                    notable[(a, b)] = (pv, py, whole) if v < y else (py, pv, whole)
        done[v] = True
        save(snapshot)
    return notable, snapshot()


def duplicate_findings(
    corpus_path: Path,
    documents: list[Document],
    cache: AnalysisCache | None = None,
    fingerprints: _Fingerprints | None = None,
) -> list[Finding]:
    """Same-language texts of two documents that are (nearly) one text.

    The same findings as comparing every pair with
    :func:`~policydiff.ingest.link.containment`; see the comment above for how.
    """
    fingerprints = fingerprints or _Fingerprints(cache)
    state = _load_state(cache)
    new_state: dict[str, Any] = {}
    saved = [time.monotonic()]

    def save(snapshot: Any) -> None:
        if cache is not None and time.monotonic() - saved[0] >= 5.0:
            saved[0] = time.monotonic()
            cache.put_json(_STATE_KEY, {**state, **new_state, lang: snapshot()})
            cache.commit()

    keyed: list[tuple[tuple[int, int, int, int], Finding]] = []
    for lang in sorted({v.lang for d in documents for v in d.versions}):
        nodes: list[_Node] = []
        by_key: dict[str, _Node] = {}
        sentences: list[str] = []
        sentence_index: dict[str, int] = {}
        for i, document in enumerate(documents):
            for k, version in enumerate(document.versions):
                if version.lang != lang:
                    continue
                digest = sha256(version.text)
                node = by_key.get(digest)
                if node is None:
                    fp = fingerprints.version(document.id, version)
                    if not fp.sentences:
                        continue  # containment is (0, 0): never a finding
                    ids = []
                    for text in fp.sentences:
                        sid = sentence_index.get(text)
                        if sid is None:
                            sid = sentence_index[text] = len(sentences)
                            sentences.append(text)
                        ids.append(sid)
                    node = _Node(digest, version.text, ids, fp.length, fp.histogram)
                    by_key[digest] = node
                    nodes.append(node)
                node.occurrences.append((i, k, document, version))
        held = state.get(lang)
        notable, new_state[lang] = _compare_language(
            nodes, sentences, held if isinstance(held, dict) else {}, save
        )
        totals = [len(n.sentence_ids) for n in nodes]
        pairs: list[tuple[int, int, int, int, float]] = [
            (p, q, pq, qp, whole) for (p, q), (pq, qp, whole) in notable.items()
        ]
        pairs += [(p, p, totals[p], totals[p], 100.0) for p, n in enumerate(nodes)]
        for p, q, pq, qp, whole in pairs:
            for i, k, doc_p, ver_p in nodes[p].occurrences:
                for j, m, doc_q, ver_q in nodes[q].occurrences:
                    if i == j or (p == q and i > j):
                        continue
                    if i < j:
                        order = (i, j, k, m)
                        first, second = (doc_p, ver_p, pq, p), (doc_q, ver_q, qp, q)
                    else:
                        order = (j, i, m, k)
                        first, second = (doc_q, ver_q, qp, q), (doc_p, ver_p, pq, p)
                    x, y = sorted((first, second), key=lambda pair: len(pair[1].text))
                    doc_x, ver_x, found_x, node_x = x
                    doc_y, ver_y, _, _ = y
                    share = found_x / totals[node_x]
                    finding = _duplicate_finding(
                        corpus_path, doc_x, ver_x, doc_y, ver_y, share, whole
                    )
                    if finding is not None:
                        keyed.append((order, finding))
    if cache is not None:
        cache.put_json(_STATE_KEY, new_state)
        cache.commit()
    keyed.sort(key=lambda item: item[0])
    return [f for _, f in keyed]


@functools.lru_cache(maxsize=8192)
def _file_path(corpus_path: Path, document_id: str, filename: str) -> str:
    return str(corpus_path / document_id / filename)


def _duplicate_finding(
    corpus_path: Path,
    doc_x: Document,
    x: Version,
    doc_y: Document,
    y: Version,
    share: float,
    whole: float,
) -> Finding | None:
    if whole >= DUPLICATE_RATIO:
        return Finding(
            _file_path(corpus_path, doc_y.id, y.filename),
            f"duplicate of {doc_x.id}/{x.key} ({whole:.1f}% identical): one document "
            "held twice; delete one or make it a version of the other",
            "duplicate",
        )
    if share >= CONTAINMENT_STRONG:
        return Finding(
            _file_path(corpus_path, doc_x.id, x.filename),
            f"{share:.0%} of its sentences stand in {doc_y.id}/{y.key}: "
            "a near-duplicate, or a revision that keeps most of it",
            "duplicate",
            "warning",
        )
    return None


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
    documents: Sequence[DocumentRef], listed: list[Any] | None
) -> dict[str, str]:
    """Without a git ref: documents the committed report does not list (``listed``: its
    ``documents``) are new; those it lists with another digest have changed."""
    known = {d.get("id"): d.get("digest") for d in listed or [] if isinstance(d, dict)}
    status: dict[str, str] = {}
    for d in documents:
        if d.id not in known:
            status[d.id] = "new"
        elif known[d.id] != d.digest:
            status[d.id] = "changed"
    held = {d.id for d in documents}
    status.update({i: "removed" for i in known.keys() - held if isinstance(i, str)})
    return dict(sorted(status.items()))


@dataclass(frozen=True)
class CommittedReport:
    """The committed ``evolution.json``: where it is, whether it could be read, and the
    ``documents`` and ``inputs`` it records (None when they cannot be read). Reading those
    reads the top of the file only; :meth:`read_bytes` reads it whole (``check --full``)."""

    path: Path
    readable: bool
    documents: list[Any] | None
    inputs: dict[str, Any] | None

    def read_bytes(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except OSError:
            return None


# policydiff writes ``inputs`` and ``documents`` as top-level keys near the top of the
# file; a raw newline only ever appears between JSON tokens, so a key at two-space
# indent after one cannot match inside a string or a nested object.
_HEADER_WITHIN = 1 << 16


def read_report(path: Path) -> CommittedReport:
    try:
        with path.open("rb") as file:
            head = file.read(_HEADER_WITHIN)
            if all(_marker(key) in head for key in _HEADER_KEYS):
                documents, inputs = _header_values(file, head)
            else:  # not policydiff's layout (or an older report): parse it whole, once
                data = _parse(head + file.read())
                data = data if isinstance(data, dict) else {}
                documents, inputs = data.get("documents"), data.get("inputs")
    except OSError:
        return CommittedReport(path, False, None, None)
    return CommittedReport(
        path,
        True,
        documents if isinstance(documents, list) else None,
        inputs if isinstance(inputs, dict) else None,
    )


_HEADER_KEYS = ("documents", "inputs")


def _marker(key: str) -> bytes:
    return f'\n  "{key}": '.encode()


def _header_values(file: BinaryIO, head: bytes) -> tuple[Any, Any]:
    """The top-level ``documents`` and ``inputs`` of a report in policydiff's layout, the
    file read only as far as they reach: in CI the corpus and the report may have to come
    from disk, and the report is 97 MB at 1,000 documents, its top some 200 KB."""
    prefix = head
    values = dict.fromkeys(_HEADER_KEYS, _CUT)
    while True:
        for key, value in values.items():
            if value is _CUT:  # a value decoded already is not decoded again
                values[key] = _header_value(prefix, key)
        documents, inputs = (values[key] for key in _HEADER_KEYS)
        if documents is not _CUT and inputs is not _CUT:
            return documents, inputs
        more = file.read(len(prefix) * 3)
        if not more:  # the file ends inside a value: read_report keeps only lists and dicts
            return documents, inputs
        prefix += more


_CUT = object()  # a value that runs past the bytes read so far


def _header_value(prefix: bytes, key: str) -> Any:
    start = prefix.index(_marker(key)) + len(_marker(key))
    # a cut through a multi-byte character only loses that character at the very end
    chunk = prefix[start:].decode("utf-8", errors="ignore")
    try:
        return json.JSONDecoder().raw_decode(chunk)[0]
    except ValueError:
        return _CUT


def _parse(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return None


def report_findings(
    reports: Path,
    committed: CommittedReport,
    documents: tuple[DocumentRef, ...],
    inputs: Inputs,
    expected: bytes | None = None,
) -> list[Finding]:
    """Whether the committed report is current: it records the corpus's ``documents``
    (with their digests) and the ``inputs`` of an analysis now. With ``expected`` (the
    evolution JSON recomputed now, ``check --full``) it must also be those bytes."""
    path = reports / REPORT_FILE
    if not reports.is_dir():
        return [
            Finding(str(reports), "reports folder is missing: run `policydiff report`", "reports")
        ]
    if not committed.readable:
        return [Finding(str(path), "missing: run `policydiff report`", "reports")]
    want_documents, want_inputs = documents_list(documents), inputs_dict(inputs)
    if committed.documents == want_documents and committed.inputs == want_inputs:
        if expected is None or committed.read_bytes() == expected:
            return []
        detail = " (it records this corpus, but its contents differ from a fresh run)"
    else:
        detail = _stale_detail(committed, want_documents, want_inputs or {})
    return [
        Finding(str(path), f"reports are out of date: run `policydiff report`{detail}", "reports")
    ]


def _stale_detail(
    committed: CommittedReport, documents: list[dict[str, Any]], inputs: dict[str, Any]
) -> str:
    if committed.documents is None or committed.inputs is None:
        return " (it records no inputs: written by an older policydiff, or not by policydiff)"
    old = {d.get("id"): d for d in committed.documents if isinstance(d, dict)}
    new = {d["id"]: d for d in documents}
    if list(old) != list(new):
        return f" (it lists {len(old)} documents, the corpus holds {len(new)})"
    changed = [i for i, d in new.items() if old.get(i) != d]
    if changed:
        some = "document" if len(changed) == 1 else "documents"
        return f" ({len(changed)} {some} changed since it was written: {', '.join(changed[:5])})"
    differ = [
        k for k in ("catalogue", "lexicon", "policydiff") if committed.inputs.get(k) != inputs[k]
    ]
    if differ == ["policydiff"]:
        return f" (written by policydiff {committed.inputs.get('policydiff')}, this is {inputs['policydiff']})"
    return f" (written with another {' and '.join(d for d in differ if d != 'policydiff')})"


def neighbourhood(corpus: Corpus, ids: tuple[str, ...]) -> Corpus:
    """The documents ``ids`` and the document before each on the timeline: all that
    :func:`theme_changes` into ``ids`` reads (it compares each with its predecessor)."""
    wanted = set(ids)
    documents = corpus.documents
    keep = {j for i, d in enumerate(documents) if d.id in wanted for j in (i - 1, i) if j >= 0}
    return Corpus(corpus.path, tuple(documents[j] for j in sorted(keep)))


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
    full: bool = False,
) -> CheckResult:
    corpus_path = Path(corpus_path)
    status = changed_since_git(corpus_path, base) if base else None
    fingerprints = _Fingerprints(cache)
    scan = scan_corpus(corpus_path, fingerprints)
    findings = list(scan.findings)
    for document in scan.documents:
        findings.extend(content_findings(corpus_path, document, fingerprints))
    findings.extend(duplicate_findings(corpus_path, scan.documents, cache, fingerprints))
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
    if scan.complete:
        corpus = Corpus(corpus_path, tuple(scan.documents))
        inputs = analysis_inputs(catalogue, lexicon)
        if full:
            evolution = build_evolution(corpus, catalogue, lexicon, cache=cache, jobs=jobs)
            expected: bytes | None = dumps_evolution(evolution_dict(evolution))
        else:
            around = neighbourhood(corpus, new + changed)
            evolution = build_evolution(around, catalogue, lexicon, cache=cache, jobs=jobs)
            expected = None
        findings.extend(report_findings(reports, committed, refs, inputs, expected))
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


LISTED = 10  # document ids named in a line before the rest are counted (JSON has them all)


def _listed(ids: Sequence[str]) -> str:
    """The ids, or the first :data:`LISTED` of them and how many more."""
    if len(ids) <= LISTED:
        return ", ".join(ids)
    return f"{', '.join(ids[:LISTED])} and {len(ids) - LISTED} more (all in --format json)"


def _changes_by_document(result: CheckResult) -> dict[str, list[ThemeChange]]:
    """The theme changes of each document, in their order (one pass, not one per document:
    a first check of a large corpus has thousands of new documents)."""
    grouped: dict[str, list[ThemeChange]] = {}
    for change in result.changes:
        grouped.setdefault(change.document, []).append(change)
    return grouped


def render_text(result: CheckResult) -> str:
    lines = [
        f"policydiff check: {result.corpus} ({result.documents} documents), "
        f"compared with {result.since}"
    ]
    for name in ("new", "changed", "removed"):
        ids = getattr(result, name)
        if ids:
            lines.append(f"{name}: {_listed(ids)}")
    by_document = _changes_by_document(result)
    for doc_id in (*result.new, *result.changed):
        mine = by_document.get(doc_id, [])
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
    """Document text in the PR comment: inert Markdown (a table cell's "|" included)."""
    return md(text or "")


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
            lines.append(f"- **{name}**: {_listed([f'`{i}`' for i in ids])}")
    by_document = _changes_by_document(result)
    for doc_id in (*result.new, *result.changed):
        mine = by_document.get(doc_id, [])
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
