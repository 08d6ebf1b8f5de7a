"""The evolution as Parquet tables, for pandas, polars, DuckDB, R and Spark.

Four tables, read from the same :class:`~policydiff.analysis.model.Evolution` the other
renderers read, with the fields and meanings of ``evolution.json``
(:mod:`policydiff.analysis.evolution_json`):

- ``documents``: one row per document, in timeline order;
- ``commitments``: one row per theme mention (every commitment a point's evidence holds),
  with the document, version, location, sentence, theme, cue, strength, level and the
  targets its sentence sets; ``strongest`` marks the one the point's strength was read
  from, ``mention`` is its place among the point's evidence (from 0): with ``document``
  and ``theme``, the row's key, as a term said twice in one sentence gives two rows
  alike in every other column;
- ``points``: one row per theme and document (absent points included, strength null);
- ``changes``: one row per change between two documents of a series, ``kind`` saying
  whether it joins consecutive documents (``consecutive``) or a point with the theme's
  last earlier present point (``since_last``).

Rows are in the evolution's order and the files carry no timestamp: the same corpus,
catalogue, lexicon and pyarrow version give the same bytes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from policydiff.analysis.evolution_json import documents_list
from policydiff.analysis.model import Change, DocumentRef, Evolution
from policydiff.analysis.stream import PointRecord, Spill, point_record
from policydiff.models import read_issue_date

TABLES = ("documents", "commitments", "points", "changes")

_TARGET = pa.struct(
    [
        ("text", pa.string()),
        ("value", pa.float64()),
        ("low", pa.float64()),
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
            ("first_day", pa.date32()),
            ("last_day", pa.date32()),
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
            ("mention", pa.int32()),
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


# Rows per row group: every table is written a row group at a time, from an evolution in
# memory or from one spilled to disk (:mod:`policydiff.analysis.stream`), with the same
# bytes either way.
ROW_GROUP = 65_536


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


class _Table:
    """One table's Parquet file, written a row group of :data:`ROW_GROUP` rows at a time."""

    def __init__(self, name: str, sink: Any) -> None:
        self.schema = SCHEMAS[name]
        # zstd: the sentences repeat across a theme's rows and compress well; statistics
        # let readers skip row groups on document and theme
        self.writer = pq.ParquetWriter(sink, self.schema, compression="zstd")
        self.rows: list[dict[str, Any]] = []
        self.written = False

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= ROW_GROUP:
            self.flush()

    def flush(self, *, last: bool = False) -> None:
        # an empty table still gets its one (empty) row group, as pyarrow writes it
        if self.rows or (last and not self.written):
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []
            self.written = True

    def close(self) -> None:
        self.flush(last=True)
        self.writer.close()

    def abandon(self) -> None:
        """Close after a failure without raising another error (a table closed already
        is left as it is): the file is thrown away by whoever opened it, and the first
        error is the one to report."""
        self.rows = []
        if not self.writer.is_open:
            return
        with contextlib.suppress(Exception):
            self.writer.close()
        self.writer.is_open = False  # or its finaliser tries again on the closed file


@dataclass(frozen=True)
class ThemeRows:
    """What the tables hold of one theme: its labels, its points in timeline order (as
    :data:`PointRecord`, produced as they are read) and its changes."""

    id: str
    label: str
    label_zh: str
    points: Iterable[PointRecord]
    changes: tuple[Change, ...]
    since_last: tuple[Change, ...]


def write_tables(
    sinks: dict[str, Any], documents: tuple[DocumentRef, ...], themes: Iterable[ThemeRows]
) -> None:
    """Write every table of :data:`TABLES` to its sink (a path or a pyarrow stream), one
    theme at a time."""
    tables = {name: _Table(name, sinks[name]) for name in TABLES}
    try:
        for row in documents_list(documents):
            issued = read_issue_date(row["date"])
            tables["documents"].add(
                {**row, "first_day": issued.earliest, "last_day": issued.latest}
            )
        for theme in themes:
            labels = {
                "theme": theme.id,
                "theme_label": theme.label,
                "theme_label_zh": theme.label_zh,
            }
            for point, targets, strongest in theme.points:
                evidence = point.pop("evidence")
                tables["points"].add({**labels, **point})
                for i, (e, t) in enumerate(zip(evidence, targets, strict=True)):
                    tables["commitments"].add(
                        {
                            **e,
                            "document": point["document"],
                            "date": point["date"],
                            "theme": theme.id,
                            "strongest": i == strongest,
                            "mention": i,
                            "targets": t,
                        }
                    )
            for c in theme.changes:
                tables["changes"].add(_change(theme.id, "consecutive", c))
            for c in theme.since_last:
                tables["changes"].add(_change(theme.id, "since_last", c))
        for table in tables.values():
            table.close()
    except BaseException:
        for table in tables.values():
            table.abandon()
        raise


def parquet_tables(evolution: Evolution) -> dict[str, bytes]:
    """``{name}.parquet`` -> its bytes, for every table of :data:`TABLES`."""
    sinks = {name: pa.BufferOutputStream() for name in TABLES}
    themes = (
        ThemeRows(t.id, t.label, t.label_zh, map(point_record, t.points), t.changes, t.since_last)
        for t in evolution.themes
    )
    write_tables(sinks, evolution.documents, themes)
    return {f"{name}.parquet": sink.getvalue().to_pybytes() for name, sink in sinks.items()}


def write_spilled_tables(spill: Spill, sinks: dict[str, Any]) -> None:
    """:func:`write_tables` of a spilled evolution (:mod:`policydiff.analysis.stream`):
    the bytes :func:`parquet_tables` gives for the same corpus, one point in memory at a
    time."""
    themes = (
        ThemeRows(theme.id, theme.label, theme.label_zh, records, *changes)
        for theme, records, changes in spill.themes()
    )
    write_tables(sinks, tuple(spill.documents), themes)
