"""The records of ``policydiff themes`` and ``policydiff align`` as JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from policydiff.analysis.mentions import DocumentMentions, MatrixReport
from policydiff.diff.align import AlignmentReport
from policydiff.models import Document, StructuredVersion, Version
from policydiff.themes import Mention

if TYPE_CHECKING:  # discovery imports scikit-learn: only where candidates are found
    from policydiff.themes.discover import Candidate


def matrix_json(report: MatrixReport) -> dict[str, Any]:
    m = report.matrix
    return {
        "documents": [
            {"id": d.id, "date": d.date_text, "title": d.title} for d in report.documents
        ],
        "themes": [
            {
                "id": t.id,
                "label": t.label,
                "label_zh": t.label_zh,
                "counts": dict(zip(m.documents, m.counts[i], strict=True)),
                "provisions": dict(zip(m.documents, m.provisions[i], strict=True)),
            }
            for i, t in enumerate(report.themes)
        ],
    }


def mention_json(m: Mention, document: Document, version: Version) -> dict[str, Any]:
    return {
        "theme": m.theme_id,
        "document": m.document_id,
        "date": document.date_text,
        "version": m.version_key,
        "lang": m.lang,
        "kind": version.kind,
        "provision": m.provision_id,
        "location": m.location,
        "sentence_index": m.sentence_index,
        "sentence": m.sentence,
        "start": m.start,
        "end": m.end,
        "matched": m.matched,
        "score": m.score,
    }


def timeline_json(groups: Sequence[DocumentMentions]) -> list[dict[str, Any]]:
    return [
        mention_json(m, g.document, v.version)
        for g in groups
        for v in g.versions
        for m in v.mentions
    ]


def candidates_json(candidates: Sequence[Candidate]) -> list[dict[str, Any]]:
    return [
        {
            "id": c.id,
            "lang": c.lang,
            "terms": list(c.terms),
            "en": list(c.en),
            "zh": list(c.zh),
            "documents": list(c.documents),
            "cohesion": c.cohesion,
            "members": [
                {
                    "document": m.document_id,
                    "version": m.version_key,
                    "lang": m.lang,
                    "provision": m.provision_id,
                    "location": m.location,
                    "sentence_index": m.sentence_index,
                    "text": m.text,
                }
                for m in c.members
            ],
        }
        for c in candidates
    ]


def to_json(data: Any) -> str:
    """Deterministic JSON text: sorted keys, UTF-8 kept, indent 2."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)


def _side(sv: StructuredVersion) -> dict[str, Any]:
    return {
        "document": sv.document_id,
        "version": sv.version.key,
        "lang": sv.version.lang,
        "provisions": len(sv.provisions),
    }


def alignment_json(report: AlignmentReport) -> dict[str, Any]:
    return {
        "a": _side(report.a),
        "b": _side(report.b),
        "pairs": [
            {
                "a_id": r.a_id,
                "b_id": r.b_id,
                "relation": r.relation,
                "score": r.score,
                "a_heading": r.a_title,
                "b_heading": r.b_title,
            }
            for r in report.rows
        ],
        "summary": {
            "mean_score": report.mean_score,
            "unmatched_a": report.unmatched_a,
            "unmatched_b": report.unmatched_b,
            "relations": dict(report.relations),
        },
    }
