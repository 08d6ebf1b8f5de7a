"""The spilled evolution writes the bytes of the evolution held in memory."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pyarrow as pa
import pytest
from click.testing import CliRunner

from benchmarks.synthetic import build_corpus
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


@pytest.fixture(scope="module")
def synthetic_60(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("synthetic") / "corpus"
    build_corpus(60, path)
    return path


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
