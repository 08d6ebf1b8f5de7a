"""The evolution as Parquet tables, for pandas, polars, DuckDB, R and Spark.

Four tables, read from the same :class:`~policydiff.analysis.model.Evolution` the other
renderers read, with the fields and meanings of ``evolution.json``
(:mod:`policydiff.analysis.evolution_json`):

- ``documents``: one row per document, in timeline order;
- ``commitments``: one row per theme mention (every commitment a point's evidence holds),
  with the document, version, location, sentence, theme, cue, strength, level and the
  targets its sentence sets; ``strongest`` marks the one the point's strength was read
  from;
- ``points``: one row per theme and document (absent points included, strength null);
- ``changes``: one row per change between two documents of a series, ``kind`` saying
  whether it joins consecutive documents (``consecutive``) or a point with the theme's
  last earlier present point (``since_last``).

Rows are in the evolution's order and the files carry no timestamp: the same corpus,
catalogue, lexicon and pyarrow version give the same bytes.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from policydiff.analysis.evolution_json import (
    documents_list,
    evidence_dict,
    point_dict,
    targets_list,
)
from policydiff.analysis.model import Change, Evolution
from policydiff.analysis.points import representative

TABLES = ("documents", "commitments", "points", "changes")

_TARGET = pa.struct(
    [
        ("text", pa.string()),
        ("value", pa.float64()),
        ("unit", pa.string()),
        ("year", pa.int32()),
        ("hedged", pa.bool_()),
    ]
)
_STRINGS = pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(
        [
            ("id", pa.string()),
            ("title", pa.string()),
            ("date", pa.string()),
            ("languages", _STRINGS),
            ("digest", pa.string()),
            ("series", pa.string()),
        ]
    ),
    "commitments": pa.schema(
        [
            ("document", pa.string()),
            ("date", pa.string()),
            ("version", pa.string()),
            ("lang", pa.string()),
            ("location", pa.string()),
            ("provision", pa.string()),
            ("sentence", pa.string()),
            ("theme", pa.string()),
            ("matched", pa.string()),
            ("cue", pa.string()),
            ("strength", pa.float64()),
            ("level", pa.string()),
            ("restriction", pa.bool_()),
            ("negated", pa.bool_()),
            ("strongest", pa.bool_()),
            ("targets", pa.list_(_TARGET)),
            ("caveats", _STRINGS),
        ]
    ),
    "points": pa.schema(
        [
            ("theme", pa.string()),
            ("theme_label", pa.string()),
            ("theme_label_zh", pa.string()),
            ("document", pa.string()),
            ("date", pa.string()),
            ("present", pa.bool_()),
            ("strength", pa.float64()),
            ("level", pa.string()),
            ("cue", pa.string()),
            ("cue_en", pa.string()),
            ("lang", pa.string()),
            ("mentions", pa.int32()),
            ("targets", pa.list_(_TARGET)),
            ("caveats", _STRINGS),
        ]
    ),
    "changes": pa.schema(
        [
            ("theme", pa.string()),
            ("kind", pa.string()),
            ("from_document", pa.string()),
            ("to_document", pa.string()),
            ("verdict", pa.string()),
            ("from_cue", pa.string()),
            ("to_cue", pa.string()),
            ("delta", pa.float64()),
            ("skipped", _STRINGS),
        ]
    ),
}


def _change(theme: str, kind: str, c: Change) -> dict[str, Any]:
    return {
        "theme": theme,
        "kind": kind,
        "from_document": c.from_document,
        "to_document": c.to_document,
        "verdict": str(c.verdict),
        "from_cue": c.from_cue,
        "to_cue": c.to_cue,
        "delta": c.delta,
        "skipped": list(c.skipped),
    }


def rows(evolution: Evolution) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows, by table name."""
    documents = documents_list(evolution.documents)
    commitments: list[dict[str, Any]] = []
    points: list[dict[str, Any]] = []
    changes: list[dict[str, Any]] = []
    for theme in evolution.themes:
        for p in theme.points:
            labels = {
                "theme": theme.id,
                "theme_label": theme.label,
                "theme_label_zh": theme.label_zh,
            }
            points.append({**labels, **point_dict(p, evidence=False)})
            strongest = representative(p)
            commitments.extend(
                {
                    **evidence_dict(c),
                    "document": p.document,
                    "date": p.date,
                    "theme": theme.id,
                    "strongest": c is strongest,
                    "targets": targets_list(c.targets),
                }
                for c in p.evidence
            )
        changes.extend(_change(theme.id, "consecutive", c) for c in theme.changes)
        changes.extend(_change(theme.id, "since_last", c) for c in theme.since_last)
    return {
        "documents": documents,
        "commitments": commitments,
        "points": points,
        "changes": changes,
    }


def parquet_tables(evolution: Evolution) -> dict[str, bytes]:
    """``{name}.parquet`` -> its bytes, for every table of :data:`TABLES`."""
    out: dict[str, bytes] = {}
    for name, table_rows in rows(evolution).items():
        table = pa.Table.from_pylist(table_rows, schema=SCHEMAS[name])
        sink = pa.BufferOutputStream()
        # zstd: the sentences repeat across a theme's rows and compress well; statistics
        # let readers skip row groups on document and theme
        pq.write_table(table, sink, compression="zstd")
        out[f"{name}.parquet"] = sink.getvalue().to_pybytes()
    return out
