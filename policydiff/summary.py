"""What the corpus holds, counted: the data behind ``list`` and the corpus overview."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from policydiff.corpus import Corpus
from policydiff.models import Document, StructuredVersion
from policydiff.structure import structure_version


@dataclass(frozen=True)
class VersionSummary:
    key: str
    lang: str
    kind: str
    complete: bool
    source: str
    note: str
    characters: int
    provisions: int
    sentences: int


@dataclass(frozen=True)
class DocumentSummary:
    id: str
    date: str
    title: str
    title_zh: str
    issuers: tuple[str, ...]
    source: str
    versions: tuple[VersionSummary, ...]

    @property
    def primary(self) -> VersionSummary:
        """The complete version with most provisions stands for the document in tables."""
        return max(self.versions, key=lambda v: (v.complete, v.kind == "original", v.provisions))


def structure_document(document: Document) -> tuple[StructuredVersion, ...]:
    return tuple(structure_version(document.id, v) for v in document.versions)


def summarise_document(document: Document) -> DocumentSummary:
    versions = []
    for structured in structure_document(document):
        v = structured.version
        versions.append(
            VersionSummary(
                key=v.key,
                lang=v.lang,
                kind=v.kind,
                complete=v.complete,
                source=v.source,
                note=v.note,
                characters=len(v.text),
                provisions=len(structured.provisions),
                sentences=len(structured.sentences),
            )
        )
    return DocumentSummary(
        id=document.id,
        date=document.date.isoformat(),
        title=document.title,
        title_zh=document.title_zh,
        issuers=document.issuers,
        source=document.source,
        versions=tuple(versions),
    )


def summarise(corpus: Corpus) -> tuple[DocumentSummary, ...]:
    return tuple(summarise_document(d) for d in corpus.documents)


def summary_json(summaries: tuple[DocumentSummary, ...]) -> list[dict[str, Any]]:
    return [
        {
            "id": s.id,
            "date": s.date,
            "title": s.title,
            "title_zh": s.title_zh,
            "issuers": list(s.issuers),
            "source": s.source,
            "versions": [
                {
                    "key": v.key,
                    "lang": v.lang,
                    "kind": v.kind,
                    "complete": v.complete,
                    "source": v.source,
                    "characters": v.characters,
                    "provisions": v.provisions,
                    "sentences": v.sentences,
                }
                for v in s.versions
            ],
        }
        for s in summaries
    ]
