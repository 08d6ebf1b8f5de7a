"""Commitments as compact JSON, for the analysis cache.

One version's commitments: the document, version and language once, then one
positional row per commitment (rows decode about twice as fast as keyed objects, and
decoding is most of a warm run's cost). The row layout is read off the records'
fields: a field added to :class:`~policydiff.themes.Mention`,
:class:`~policydiff.strength.StrengthScore` or
:class:`~policydiff.analysis.commitments.Commitment` is kept without a change here
(the analysis cache's key names this module's format, so rows of another layout are
simply not found).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import fields
from typing import Any

from policydiff.analysis.commitments import Commitment
from policydiff.strength import Cue, StrengthScore, Target
from policydiff.themes import Mention

FORMAT = "commitments/4"
_HEADER = ("document_id", "version_key", "lang")
_MENTION = tuple(f.name for f in fields(Mention) if f.name not in _HEADER)
_SCORE = tuple(f.name for f in fields(StrengthScore))
_COMMITMENT = tuple(f.name for f in fields(Commitment))
assert _COMMITMENT == ("mention", "score", "targets"), "the row layout below assumes these"
# A mention's fields in order, the header's among them where _AT says
_MENTION_ALL = tuple(f.name for f in fields(Mention))
_AT = _MENTION_ALL.index(_HEADER[0])
assert _MENTION_ALL[_AT : _AT + len(_HEADER)] == _HEADER, "decoding assumes the header together"


def _row(record: object, names: Sequence[str]) -> list[Any]:
    return [_plain(getattr(record, name)) for name in names]


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Cue | Target):
        return [_plain(getattr(value, f.name)) for f in fields(value)]
    return value


def _targets(rows: list[list[Any]]) -> tuple[Target, ...]:
    return tuple(Target(*t) for t in rows)


# How each score field is read back from its JSON form (the others are as they are).
_SCORE_READERS: dict[str, Callable[[Any], Any]] = {
    "cues": lambda rows: tuple(Cue(*q) for q in rows),
    "targets": _targets,
    "caveats": tuple,
}


def commitments_to_json(commitments: Sequence[Commitment]) -> dict[str, Any]:
    """One version's commitments (a ValueError if they belong to more than one)."""
    first = commitments[0].mention if commitments else None
    header = tuple(getattr(first, n) for n in _HEADER) if first else ("", "", "")
    rows = []
    for c in commitments:
        if tuple(getattr(c.mention, n) for n in _HEADER) != header:
            raise ValueError("commitments of more than one version")
        rows.append([_row(c.mention, _MENTION), _row(c.score, _SCORE), _plain(c.targets)])
    return {"document": header[0], "version": header[1], "lang": header[2], "rows": rows}


def commitments_from_json(data: dict[str, Any]) -> tuple[Commitment, ...]:
    """The inverse of :func:`commitments_to_json`: a KeyError, TypeError or ValueError
    for anything of another shape."""
    header = (data["document"], data["version"], data["lang"])
    if not all(isinstance(x, str) for x in header):
        raise TypeError("the header is not three strings")
    readers = [_SCORE_READERS.get(name) for name in _SCORE]
    # The records are made as pickle makes them, their fields set without __init__, whose
    # frozen-dataclass assignments, one object.__setattr__ per field, cost more than the
    # JSON decoding: a warm report decodes every commitment of the corpus.
    new = object.__new__
    out = []
    for mention_row, score_row, targets in data["rows"]:
        mention = new(Mention)
        mention.__dict__.update(
            zip(_MENTION_ALL, [*mention_row[:_AT], *header, *mention_row[_AT:]], strict=True)
        )
        score = new(StrengthScore)
        score.__dict__.update(
            zip(
                _SCORE,
                [
                    value if read is None else read(value)
                    for read, value in zip(readers, score_row, strict=True)
                ],
                strict=True,
            )
        )
        commitment = new(Commitment)
        commitment.__dict__.update(mention=mention, score=score, targets=_targets(targets))
        out.append(commitment)
    return tuple(out)
