"""What ``policydiff report`` reads of each document besides its points, as the batches
of a spilled evolution pass (:func:`~policydiff.analysis.stream.spilled_evolution`'s
``each_batch``): its summary, for the corpus overview; its metadata without its texts,
and what it cites where, for the lineage. Only a lineage's parents and children are
read again whole, for their fidelity; no other text outlives its batch."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from policydiff.corpus import Corpus
from policydiff.corpus.store import load_document
from policydiff.corpus.summary import CountStore, DocumentSummary, summarise_document
from policydiff.lineage.graph import CitedPlaces, Lineage, build_lineage, cited_places
from policydiff.models import Document
from policydiff.restatement.fidelity import Fidelity, lineage_fidelities
from policydiff.runtime.engine import Engine
from policydiff.themes import Catalogue


@dataclass
class CorpusPass:
    """Filled batch by batch (call it with each batch's folders and documents)."""

    corpus_path: Path
    store: CountStore | None  # counts of earlier runs, as :func:`summarise_document` reads
    summaries: list[DocumentSummary] = field(default_factory=list)
    metadata: list[Document] = field(default_factory=list)  # the documents, texts left out
    cited: dict[str, CitedPlaces] = field(default_factory=dict)
    folders: dict[str, Path] = field(default_factory=dict)

    def __call__(self, folders: Sequence[Path], documents: Sequence[Document]) -> None:
        for folder, document in zip(folders, documents, strict=True):
            self.summaries.append(summarise_document(document, self.store))
            self.metadata.append(
                replace(document, versions=tuple(replace(v, text="") for v in document.versions))
            )
            self.cited[document.id] = cited_places(document)
            self.folders[document.id] = folder

    def whole(self, document: Document) -> Document:
        return load_document(self.folders[document.id])

    def lineage(self) -> Lineage:
        return build_lineage(self.metadata, self.cited)

    def fidelities(
        self, catalogue: Catalogue, engine: Engine | None, lineage: Lineage
    ) -> tuple[Fidelity, ...]:
        """:func:`~policydiff.restatement.fidelity.lineage_fidelities` of the corpus."""
        corpus = Corpus(path=self.corpus_path, documents=tuple(self.metadata))
        return lineage_fidelities(
            corpus, catalogue, engine=engine, lineage=lineage, whole=self.whole
        )
