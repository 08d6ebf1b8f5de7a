"""The evolution as JSON: the stable contract that reports, CI and other tools build on.

It lives with the analysis rather than with the renderers because it is the evolution's
persisted form, not one view of it: ``policydiff report`` writes it and ``policydiff
check`` compares the committed one with the corpus.

Schema ``policydiff.evolution/1`` (fields may be added, never renamed or removed):

- ``inputs``: ``{policydiff, catalogue, lexicon}``: the policydiff version and sha256
  digests of the theme catalogue and strength lexicon as loaded;
- ``documents``: ``[{id, title, date, languages, digest, series}]`` in timeline order,
  ``date`` the issue date as written: ISO, or only the month or year (2022-06, 2023), with
  ``~`` after an estimate (2022-12~; the timeline places it at its first day),
  ``digest`` being the sha256 of what the evolution reads of the document
  (``document_digest``); with ``inputs`` it is how ``policydiff check`` knows the report
  is current; ``series`` the timeline the document belongs to: ``changes`` and
  ``since_last`` only ever join two documents of one series;
- ``themes``: ``[{id, label, label_zh, points, changes, since_last}]``;
- point: ``{document, date, present, strength, level, cue, cue_en, lang, mentions,
  evidence: [{lang, version, location, provision, sentence, matched, cue, strength, level,
  restriction, negated, caveats}], targets: [{text, value, low, unit, year, hedged}], caveats}``
  (a target's ``low`` the start of its range, 2~3个, whose end is ``value``; null for one number)
  (``strength``, ``level``, ``cue`` null when absent);
- change: ``{from, to, verdict, from_cue, to_cue, delta, skipped}``;
- ``agreement``: how often English and Chinese versions of one commitment get one level.

Same corpus, same catalogue and lexicon: byte-identical output (no timestamps).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from collections.abc import Iterable, Sequence
from typing import IO, Any

import orjson

from policydiff.analysis.agreement import AgreementCase
from policydiff.analysis.commitments import Commitment
from policydiff.analysis.model import Change, DocumentRef, Evolution, Inputs, Point
from policydiff.analysis.verdicts import STEP as VERDICT_STEP
from policydiff.strength import LEVEL_NAMES
from policydiff.strength.targets import Target

SCHEMA = "policydiff.evolution/1"
# The files of a reports folder that check reads: the evolution, and the manifest that
# records the digest of every file the report wrote (so that check can tell a whole set
# from a mix).
REPORT_FILE = "evolution.json"
MANIFEST = "manifest.json"


def evidence_dict(c: Commitment) -> dict[str, Any]:
    """One commitment of a point's evidence, as evolution.json holds it."""
    m, s = c.mention, c.score
    return {
        "lang": m.lang,
        "version": m.version_key,
        "location": m.location,
        "provision": m.provision_id,
        "sentence": m.sentence,
        "matched": m.matched,
        "cue": s.cue,
        "strength": s.strength,
        "level": s.level_name,
        "restriction": s.restriction,
        "negated": s.negated,
        "caveats": list(s.caveats),
    }


def target_dict(t: Target) -> dict[str, Any]:
    """A target as every JSON output gives it."""
    return {
        "text": t.text,
        "value": t.value,
        "low": t.low,
        "unit": t.unit,
        "year": t.year,
        "hedged": t.hedged,
    }


def targets_list(targets: Sequence[Target]) -> list[dict[str, Any]]:
    return [target_dict(t) for t in targets]


def point_dict(p: Point, *, evidence: bool = True) -> dict[str, Any]:
    """A theme's point in one document, as evolution.json holds it (without its evidence
    when ``evidence`` is false)."""
    out: dict[str, Any] = {
        "document": p.document,
        "date": p.date,
        "present": p.present,
        "strength": p.strength,
        "level": p.level,
        "cue": p.cue,
        "cue_en": p.cue_en,
        "lang": p.lang,
        "mentions": p.mentions,
    }
    if evidence:
        out["evidence"] = [evidence_dict(e) for e in p.evidence]
    out["targets"] = targets_list(p.targets)
    out["caveats"] = list(p.caveats)
    return out


def change_dict(c: Change) -> dict[str, Any]:
    return {
        "from": c.from_document,
        "to": c.to_document,
        "verdict": c.verdict,
        "from_cue": c.from_cue,
        "to_cue": c.to_cue,
        "delta": c.delta,
        "skipped": list(c.skipped),
    }


def inputs_dict(inputs: Inputs | None) -> dict[str, Any] | None:
    if inputs is None:
        return None
    return {
        "policydiff": inputs.policydiff,
        "catalogue": inputs.catalogue,
        "lexicon": inputs.lexicon,
    }


def documents_list(documents: tuple[DocumentRef, ...]) -> list[dict[str, Any]]:
    return [
        {
            "id": d.id,
            "title": d.title,
            "date": d.date,
            "languages": list(d.languages),
            "digest": d.digest,
            "series": d.series,
        }
        for d in documents
    ]


def disagreement_dict(c: AgreementCase) -> dict[str, Any]:
    return {
        "document": c.document_id,
        "theme": c.theme_id,
        "provision_zh": c.provision_zh,
        "provision_en": c.provision_en,
        "level_zh": c.level_zh,
        "level_en": c.level_en,
        "cue_zh": c.cue_zh,
        "cue_en": c.cue_en,
    }


def agreement_dict(
    compared: int, same_level: int, disagreements: list[AgreementCase]
) -> dict[str, Any]:
    return {
        "compared": compared,
        "same_level": same_level,
        "rate": round(same_level / compared, 3) if compared else None,
        "disagreements": [disagreement_dict(c) for c in disagreements],
    }


def theme_dict(
    theme_id: str,
    label: str,
    label_zh: str,
    points: list[Any],
    changes: tuple[Change, ...],
    since_last: tuple[Change, ...],
) -> dict[str, Any]:
    """A theme of evolution.json, its ``points`` given already as dicts (or stand-ins)."""
    return {
        "id": theme_id,
        "label": label,
        "label_zh": label_zh,
        "points": points,
        "changes": [change_dict(c) for c in changes],
        "since_last": [change_dict(c) for c in since_last],
    }


def evolution_header(
    inputs: Inputs | None,
    documents: tuple[DocumentRef, ...],
    themes: list[Any],
    agreement: dict[str, Any],
) -> dict[str, Any]:
    """The whole of evolution.json, its ``themes`` given already as dicts (or stand-ins)."""
    return {
        "schema": SCHEMA,
        "inputs": inputs_dict(inputs),
        "scale": {
            "levels": {str(i): name for i, name in enumerate(LEVEL_NAMES)},
            "verdict_step": VERDICT_STEP,
            "approximate": (
                "strength is an ordinal reading of directive wording (docs/strength.md); "
                "it cannot see translation flattening or cues far from their object"
            ),
        },
        "documents": documents_list(documents),
        "themes": themes,
        "agreement": agreement,
    }


def evolution_dict(evolution: Evolution) -> dict[str, Any]:
    return evolution_header(
        evolution.inputs,
        evolution.documents,
        [
            theme_dict(
                t.id,
                t.label,
                t.label_zh,
                [point_dict(p) for p in t.points],
                t.changes,
                t.since_last,
            )
            for t in evolution.themes
        ],
        evolution_agreement(evolution),
    )


def evolution_agreement(evolution: Evolution) -> dict[str, Any]:
    """The ``agreement`` of evolution.json."""
    agreement = evolution.agreement
    disagreements = [c for c in agreement.cases if not c.agrees]
    return agreement_dict(agreement.compared, agreement.same_level, disagreements)


def evolution_json(evolution: Evolution) -> str:
    return evolution_json_bytes(evolution).decode("utf-8")


def evolution_json_bytes(evolution: Evolution) -> bytes:
    """The UTF-8 bytes of :func:`evolution_json` (what ``reports/evolution.json`` holds)."""
    return dumps_evolution(evolution_dict(evolution))


def dumps_evolution(data: dict[str, Any]) -> bytes:
    """The JSON of an :func:`evolution_dict`: two-space indent, UTF-8, keys in insertion
    order, a final newline.

    orjson rather than the standard library, whose encoder runs in pure Python when it
    indents. The bytes are those of ``json.dumps(data, ensure_ascii=False, indent=2) +
    "\\n"`` (tested on the bundled corpus) except for floats below 1e-4, which orjson
    writes positionally (``0.00001`` where the stdlib writes ``1e-05``): the same number,
    and still stable."""
    return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


# Stand-ins for the parts of evolution.json that are written a theme at a time.
_THEMES = "@@policydiff:themes@@"
_POINTS = "@@policydiff:points@@"
_INDENT = orjson.OPT_INDENT_2


def _indented(data: object, depth: int) -> bytes:
    """``data`` as orjson indents it, each line after the first shifted ``depth`` spaces
    (JSON strings hold no raw newline, so every newline is a line of the layout)."""
    return orjson.dumps(data, option=_INDENT).replace(b"\n", b"\n" + b" " * depth)


def _split_at(layout: bytes, key: str, stand_in: str) -> tuple[bytes, bytes]:
    """``layout`` before and after the line holding ``stand_in`` as the only item of the
    list ``key`` (its indent and the quoted stand-in), the newline before that line kept
    with the first part. A JSON string holds no raw newline, so no title or label can
    look like that line."""
    opening = f'"{key}": ['.encode()
    marker = f'"{stand_in}"'.encode()
    found = re.search(re.escape(opening) + rb"\n( *)" + re.escape(marker), layout)
    assert found is not None, f"no {stand_in} in the layout"
    line_start = found.start(1)
    return layout[:line_start], layout[found.end() :]


class EvolutionJsonWriter:
    """``evolution.json`` written a theme at a time (:meth:`theme`, then :meth:`close`):
    the bytes :func:`~policydiff.analysis.evolution_json.evolution_json_bytes` gives for
    the same evolution, one point in memory at a time."""

    def __init__(
        self,
        out: IO[bytes],
        inputs: Inputs | None,
        documents: tuple[DocumentRef, ...],
        agreement: dict[str, Any],
    ) -> None:
        self.out = out
        self.header = (inputs, documents, agreement)
        self.tail: bytes | None = None  # written at close; None until the first theme

    def theme(
        self,
        labels: tuple[str, str, str],
        points: Iterable[dict[str, Any]],
        changes: tuple[Change, ...],
        since_last: tuple[Change, ...],
    ) -> None:
        """One theme: its id, label and Chinese label, its points as dicts, its changes."""
        out = self.out
        if self.tail is None:
            head, self.tail = _split_at(
                _indented(evolution_header(*self.header[:2], [_THEMES], self.header[2]), 0),
                "themes",
                _THEMES,
            )
            out.write(head)
        else:
            out.write(b",\n")
        held = iter(points)
        first = next(held, None)
        if first is None:  # a corpus without documents: the list is empty
            out.write(b"    " + _indented(theme_dict(*labels, [], changes, since_last), 4))
            return
        layout = theme_dict(*labels, [_POINTS], changes, since_last)
        before, after = _split_at(_indented(layout, 4), "points", _POINTS)
        out.write(b"    " + before)
        for i, point in enumerate(itertools.chain([first], held)):
            out.write((b",\n" if i else b"") + b"        " + _indented(point, 8))
        out.write(after)

    def close(self) -> None:
        if self.tail is None:  # no theme
            inputs, documents, agreement = self.header
            empty = evolution_header(inputs, documents, [], agreement)
            self.out.write(_indented(empty, 0) + b"\n")
            return
        self.out.write(self.tail + b"\n")


def manifest(files: dict[str, bytes], metadata: str = "") -> bytes:
    """The manifest of a reports folder: the sha256 of every file, by name."""
    return manifest_of(
        {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}, metadata
    )


def manifest_of(digests: dict[str, str], metadata: str = "") -> bytes:
    """The manifest of a reports folder from each file's sha256 (hex), by name, and the
    digest of the documents' metadata the pages show (``metadata_digest``), when given."""
    record: dict[str, Any] = {"schema": "policydiff.reports/1"}
    if metadata:
        record["metadata"] = metadata
    record["files"] = dict(sorted(digests.items()))
    return (json.dumps(record, indent=2) + "\n").encode("utf-8")
