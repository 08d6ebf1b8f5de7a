"""What is new: documents added or changed since a git ref, and what each did to a theme."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from policydiff.analysis.evolution_json import change_dict
from policydiff.analysis.model import Change, Evolution, Point
from policydiff.analysis.verdicts import MOVES, Verdict
from policydiff.check.result import ThemeChange
from policydiff.corpus.rules import METADATA_FILE
from policydiff.errors import UsageError


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    shown = _git_bytes(args, cwd)
    return subprocess.CompletedProcess(
        shown.args, shown.returncode, shown.stdout.decode(errors="replace"), ""
    )


def _git_bytes(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False, timeout=60)
    except FileNotFoundError:
        raise UsageError("--base needs git, and git is not installed") from None


def base_commit(corpus_path: Path, base: str) -> str:
    """The commit ``base`` names, or its merge base with ``HEAD`` where there is one."""
    probe = _git(["rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"], corpus_path)
    if probe.returncode != 0:
        if _git(["rev-parse", "--git-dir"], corpus_path).returncode != 0:
            raise UsageError(f"--base {base}: {corpus_path} is not in a git repository")
        raise UsageError(f"--base {base}: unknown git ref")
    commit = probe.stdout.strip()
    merge_base = _git(["merge-base", commit, "HEAD"], corpus_path)
    if merge_base.returncode == 0 and merge_base.stdout.strip():
        commit = merge_base.stdout.strip()
    return commit


def changed_since_git(corpus_path: Path, commit: str) -> dict[str, str]:
    """Document id -> "new", "changed" or "removed" since ``commit`` (:func:`base_commit`)."""
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


def report_at(corpus_path: Path, commit: str, report: Path) -> bytes | None:
    """The bytes of ``report`` as ``commit`` holds it; None where it holds none."""
    top = _git(["rev-parse", "--show-toplevel"], corpus_path)
    if top.returncode != 0:
        return None
    try:
        inside = report.resolve().relative_to(Path(top.stdout.strip()).resolve())
    except ValueError:  # the reports are outside the corpus's repository
        return None
    shown = _git_bytes(["show", f"{commit}:{inside.as_posix()}"], corpus_path)
    return shown.stdout if shown.returncode == 0 else None


def parsed(raw: bytes | None) -> Any:
    """``raw`` JSON, parsed; None where it is missing or does not parse."""
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return None


# a move as the evolution report writes it (its theme, and the change's JSON, canonical):
# a change read again equals the one written only if nothing it claims differs (which
# documents between the two did not mention the theme is no claim of the move: one
# removed leaves the same comparison)
Move = tuple[str, str]


def move_key(theme: str, change: Change) -> Move:
    return theme, _canonical(change_dict(change))


def _canonical(data: Any) -> str:
    claim = {key: value for key, value in data.items() if key != "skipped"}
    return json.dumps(claim, ensure_ascii=False, sort_keys=True)


def reported_moves(report: Any) -> frozenset[Move]:
    """Each move an evolution report (``report``, parsed) holds, its consecutive and
    "since last mention" comparisons both, as :func:`move_key` has it; none where it
    holds none."""
    themes = report.get("themes") if isinstance(report, dict) else None
    moves: set[Move] = set()
    for theme in themes if isinstance(themes, list) else []:
        if not isinstance(theme, dict):
            continue
        for key in ("changes", "since_last"):
            listed = theme.get(key)
            for change in listed if isinstance(listed, list) else []:
                if isinstance(change, dict):
                    moves.add((str(theme.get("id")), _canonical(change)))
    return frozenset(moves)


def _touch(touched: dict[str, set[str]], name: str, status: str) -> None:
    parts = Path(name).parts
    if len(parts) >= 2 and not parts[0].startswith("."):
        touched.setdefault(parts[0], set()).add(f"{status}:{parts[-1]}")


def _evidence(point: Point) -> tuple[str, str]:
    """(sentence, version · section path) of the point's strongest commitment, or ("", "")
    where the document does not mention the theme."""
    best = next((e for e in point.evidence if e.score.cue == point.cue), None)
    best = best or (point.evidence[0] if point.evidence else None)
    if best is None:
        return "", ""
    return best.mention.sentence, f"{best.mention.version_key} · {best.mention.location}"


def theme_changes(
    evolution: Evolution,
    documents: tuple[str, ...],
    reported: frozenset[Move] = frozenset(),
) -> list[ThemeChange]:
    """Each move (added, dropped, strengthened, weakened) into one of ``documents``,
    against the document before it in its series, led by the "since last mention"
    comparison: a theme the document before did not mention, but an earlier one of the
    series did, is compared with that one (its absence was a gap, not a drop); a theme
    the document does not mention but a later one of the series does is a gap
    (``resumed_in``), reported but never a ``dropped`` for ``--fail-on``. A move the
    committed report already holds, alike in cues and delta (``reported``, by
    :func:`reported_moves`: a document edited, its verdict kept) is ``as_before``."""
    out = []
    wanted = set(documents)
    series = {d.id: d.series for d in evolution.documents}
    for theme in evolution.themes:
        points = {p.document: p for p in theme.points}
        since = {c.to_document: c for c in theme.since_last}
        order = [p.document for p in theme.points]
        for change in theme.changes:
            if change.to_document not in wanted or change.verdict not in MOVES:
                continue
            skipped: tuple[str, ...] = ()
            resumed = ""
            if change.verdict == Verdict.ADDED and change.to_document in since:
                change = since[change.to_document]
                skipped = change.skipped
                if change.verdict not in MOVES:
                    continue
            elif change.verdict == Verdict.DROPPED:
                resumed = _resumed(order, points, series, change.to_document)
            before, after = points[change.from_document], points[change.to_document]
            from_sentence, from_location = _evidence(before)
            to_sentence, to_location = _evidence(after)
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
                    sentence=to_sentence or from_sentence,
                    skipped=skipped,
                    resumed_in=resumed,
                    as_before=move_key(theme.id, change) in reported,
                    order_uncertain=evolution.order_uncertain(change),
                    from_sentence=from_sentence,
                    from_location=from_location,
                    to_sentence=to_sentence,
                    to_location=to_location,
                )
            )
    place = {d: i for i, d in enumerate(documents)}
    out.sort(key=lambda c: (place[c.document], MOVES.index(c.verdict), c.theme))
    return out


def first_of_series(
    evolution: Evolution, documents: tuple[str, ...]
) -> tuple[tuple[str, str], ...]:
    """Each of ``documents`` no earlier document of its series precedes, with its series:
    it has nothing to be compared with (a province's first plan beside the ministry's), so
    that it has no theme change says nothing of what it keeps."""
    seen: set[str] = set()
    firsts = []
    wanted = set(documents)
    for document in evolution.documents:
        if document.id in wanted and document.series not in seen:
            firsts.append((document.id, document.series))
        seen.add(document.series)
    return tuple(firsts)


def recompared(
    evolution: Evolution, documents: tuple[str, ...], shifted: tuple[str, ...] = ()
) -> tuple[tuple[str, str], ...]:
    """The document after each of ``documents`` in its series, where it is not one of them,
    and each of ``shifted`` (:func:`moved`) that follows a document, each with the one it
    now follows: a document inserted before it (or changed, removed, re-dated) is what its
    verdicts are now read against, so they are new too."""
    wanted, also = set(documents), set(shifted)
    last: dict[str, str] = {}
    after = []
    for document in evolution.documents:
        before = last.get(document.series)
        if before and document.id not in wanted and (before in wanted or document.id in also):
            after.append((document.id, before))
        last[document.series] = document.id
    return tuple(after)


def predecessors(listed: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each document id of ``listed`` ((id, series), in timeline order) -> the document
    before it in its series ("" for the first)."""
    last: dict[str, str] = {}
    before = {}
    for doc_id, series in listed:
        before[doc_id] = last.get(series, "")
        last[series] = doc_id
    return before


def reported_order(documents: list[Any] | None) -> list[tuple[str, str]]:
    """(id, series) of each document a report lists, in its order; [] where it lists none,
    or lists one without its series (a report older than series: its order says nothing)."""
    listed = [d for d in documents or [] if isinstance(d, dict)]
    if not all(isinstance(d.get("id"), str) and isinstance(d.get("series"), str) for d in listed):
        return []
    return [(d["id"], d["series"]) for d in listed]


def moved(
    now: Iterable[tuple[str, str]], then: Iterable[tuple[str, str]], edited: tuple[str, ...]
) -> tuple[str, ...]:
    """The documents, neither new nor changed (``edited``), that the report ``then`` had
    after another document of their series than they follow ``now``: one before them was
    removed, re-dated or moved to another series, so their verdicts are new."""
    before, after = predecessors(then), predecessors(now)
    skip = set(edited)
    return tuple(
        d for d, follows in after.items() if d not in skip and d in before and before[d] != follows
    )


def _resumed(
    order: list[str], points: dict[str, Point], series: dict[str, str], document: str
) -> str:
    """The next document of ``document``'s series that mentions the theme, if any."""
    mine = series.get(document, "")
    for later in order[order.index(document) + 1 :]:
        if series.get(later, "") == mine and points[later].present:
            return later
    return ""


def _cue(point: Point) -> str | None:
    if not point.present:
        return None
    cue = point.cue or "no cue"
    if point.cue_en and point.cue_en != point.cue:
        return f"{cue} ({point.cue_en})"
    return cue
