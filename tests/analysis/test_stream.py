"""The spilled evolution writes the bytes of the evolution held in memory."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pyarrow as pa
import pytest
from click.testing import CliRunner

from policydiff.analysis.build import build_evolution
from policydiff.analysis.evolution_json import dumps_evolution, evolution_dict, evolution_json_bytes
from policydiff.analysis.stream import spilled_evolution, write_evolution_json
from policydiff.cli.app import main
from policydiff.corpus import load_corpus
from policydiff.corpus.store import timeline_folders
from policydiff.errors import CorpusError
from policydiff.render.parquet import TABLES, parquet_tables, write_spilled_tables
from policydiff.runtime.engine import LocalEngine
from policydiff.runtime.pool import start_pool
from policydiff.strength import load_lexicon
from policydiff.themes import load_catalogue
from tests.conftest import BUNDLED, DOC_2021

REPO = Path(__file__).resolve().parents[2]
LINEAGE = REPO / "examples" / "lineage" / "corpus"


def _spilled_outputs(
    corpus: Path, batch: int, engine: LocalEngine, *, include_absent: bool = False
) -> tuple[bytes, dict[str, bytes], bytes]:
    """evolution.json, the Parquet tables, and evolution.json of sponge cities alone."""
    with spilled_evolution(
        corpus,
        load_catalogue(),
        load_lexicon(),
        cache=None,
        engine=engine,
        batch=batch,
        include_absent=include_absent,
    ) as spill:
        whole, one = io.BytesIO(), io.BytesIO()
        write_evolution_json(spill, whole)
        write_evolution_json(spill, one, only="sponge-cities")
        sinks = {name: pa.BufferOutputStream() for name in TABLES}
        write_spilled_tables(spill, sinks)
    tables = {f"{name}.parquet": sink.getvalue().to_pybytes() for name, sink in sinks.items()}
    return whole.getvalue(), tables, one.getvalue()


@pytest.mark.parametrize("corpus", [BUNDLED, LINEAGE], ids=["bundled", "lineage"])
@pytest.mark.parametrize("include_absent", [False, True])
def test_spilled_in_small_batches_it_writes_the_bytes_of_the_whole(
    corpus: Path, include_absent: bool
) -> None:
    evolution = build_evolution(load_corpus(corpus), include_absent=include_absent)
    whole, tables, one = _spilled_outputs(corpus, 2, LocalEngine(), include_absent=include_absent)
    assert whole == evolution_json_bytes(evolution)
    assert tables == parquet_tables(evolution)
    data = evolution_dict(build_evolution(load_corpus(corpus), include_absent=True))
    data["themes"] = [t for t in data["themes"] if t["id"] == "sponge-cities"]
    assert one == dumps_evolution(data)


def test_batches_and_processes_do_not_change_a_synthetic_corpus(synthetic_60: Path) -> None:
    evolution = build_evolution(load_corpus(synthetic_60))
    pool = start_pool(2)
    try:
        whole, tables, _ = _spilled_outputs(synthetic_60, 7, LocalEngine(2, pool))
    finally:
        if pool is not None:
            pool.shutdown()
    assert whole == evolution_json_bytes(evolution)
    assert tables == parquet_tables(evolution)
    assert whole.count(b'"document": ') > 60  # points of many documents, not an empty shell


def test_the_timeline_is_read_from_every_folder_without_keeping_texts(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(BUNDLED, corpus)
    assert [f.name for f in timeline_folders(corpus)] == [
        d.id for d in load_corpus(corpus).documents
    ]
    (corpus / DOC_2021 / "document.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"document\.yaml"):
        timeline_folders(corpus)


def test_a_broken_document_stops_export_and_evolution_before_anything_is_written(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(BUNDLED, corpus)
    (corpus / DOC_2021 / "document.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    out = tmp_path / "tables"
    result = CliRunner().invoke(main, ["export", str(out), "--corpus", str(corpus)])
    assert result.exit_code == 2
    assert "document.yaml" in result.output
    assert not out.exists() or not any(out.iterdir())
    target = tmp_path / "evolution.json"
    result = CliRunner().invoke(
        main, ["evolution", "--corpus", str(corpus), "--format", "json", "-o", str(target)]
    )
    assert result.exit_code == 2
    assert not target.exists()


def test_the_cli_writes_the_spilled_evolution_to_a_file_and_to_stdout(tmp_path: Path) -> None:
    target = tmp_path / "evolution.json"
    args = ["evolution", "--corpus", str(BUNDLED), "--format", "json", "--no-cache"]
    result = CliRunner().invoke(main, [*args, "-o", str(target)])
    assert result.exit_code == 0, result.output
    expected = evolution_json_bytes(build_evolution(load_corpus(BUNDLED)))
    assert target.read_bytes() == expected
    assert CliRunner().invoke(main, args).stdout_bytes == expected


def test_a_title_that_looks_like_the_writers_stand_in_changes_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(BUNDLED, corpus)
    meta = corpus / DOC_2021 / "document.yaml"
    text = meta.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    meta.write_text(text.replace(title, "title: '@@policydiff:themes@@'"), encoding="utf-8")
    whole, _, _ = _spilled_outputs(corpus, 2, LocalEngine())
    assert whole == evolution_json_bytes(build_evolution(load_corpus(corpus)))


def test_an_empty_corpus_writes_what_the_whole_evolution_writes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for include_absent in (False, True):
        whole, _, one = _spilled_outputs(corpus, 2, LocalEngine(), include_absent=include_absent)
        evolution = build_evolution(load_corpus(corpus), include_absent=include_absent)
        assert whole == evolution_json_bytes(evolution)
        data = evolution_dict(build_evolution(load_corpus(corpus), include_absent=True))
        data["themes"] = [t for t in data["themes"] if t["id"] == "sponge-cities"]
        assert one == dumps_evolution(data)
    result = CliRunner().invoke(main, ["export", str(tmp_path / "out"), "--corpus", str(corpus)])
    assert result.exit_code == 2
    assert "no documents" in result.output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_the_spill_lives_beside_the_corpus_and_holds_no_file_open(tmp_path: Path) -> None:
    import resource

    corpus = tmp_path / "corpus"
    shutil.copytree(BUNDLED, corpus)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    # far fewer descriptors than the catalogue has themes
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 40), hard))
    try:
        with spilled_evolution(
            corpus, load_catalogue(), load_lexicon(), cache=None, engine=LocalEngine(), batch=2
        ) as spill:
            assert spill.folder.parent == tmp_path / ".policydiff"
            assert len(load_catalogue().themes) > 40
            write_evolution_json(spill, io.BytesIO())
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert not any((tmp_path / ".policydiff").iterdir())


def test_a_full_disk_during_export_is_one_line_and_leaves_no_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    import pyarrow.parquet as pq

    real = pq.ParquetWriter.write_table

    def full(self: pq.ParquetWriter, table: pa.Table, *args: object, **kwargs: object) -> None:
        if "sentence" in table.column_names:  # the commitments table
            raise OSError(errno.ENOSPC, "No space left on device")
        real(self, table, *args, **kwargs)

    monkeypatch.setattr(pq.ParquetWriter, "write_table", full)
    out = tmp_path / "tables"
    result = CliRunner().invoke(main, ["export", str(out), "--corpus", str(BUNDLED), "--no-cache"])
    assert result.exit_code == 2, result.output
    assert "No space left on device" in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not out.exists() or not any(out.iterdir())


class _Recording(LocalEngine):
    """The local engine, saying when each batch is sent and when it is waited for."""

    def __init__(self, events: list[str]) -> None:
        super().__init__(1, None)
        self.events = events

    def start(self, function, items, shared):  # type: ignore[no-untyped-def]
        batch = len([e for e in self.events if e.startswith("sent")])
        self.events.append(f"sent {batch}")

        def gathered():  # type: ignore[no-untyped-def]
            self.events.append(f"waited {batch}")
            return [function(item, shared) for item in items]

        return gathered


def test_each_batch_is_sent_before_the_one_before_is_spilled(tmp_path: Path) -> None:
    corpus = shutil.copytree(BUNDLED, tmp_path / "corpus")
    events: list[str] = []
    spilled_ids: list[str] = []
    with spilled_evolution(
        corpus,
        load_catalogue(),
        load_lexicon(),
        cache=None,
        engine=_Recording(events),
        batch=1,
        each_batch=lambda _folders, documents: events.append(f"spilled {documents[0].id}"),
    ) as spill:
        spilled_ids = [d.id for d in spill.documents]
        whole = io.BytesIO()
        write_evolution_json(spill, whole)
    assert events == [
        "sent 0",
        "sent 1",
        "waited 0",
        f"spilled {spilled_ids[0]}",
        "sent 2",
        "waited 1",
        f"spilled {spilled_ids[1]}",
        "waited 2",
        f"spilled {spilled_ids[2]}",
    ]
    held = evolution_json_bytes(build_evolution(load_corpus(corpus)))
    assert whole.getvalue() == held
