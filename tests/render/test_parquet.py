"""``export --format parquet``: the evolution's tables, read back with pyarrow."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from policydiff.analysis.build import build_evolution
from policydiff.analysis.evolution_json import evolution_dict
from policydiff.analysis.model import Evolution
from policydiff.cli import main
from policydiff.corpus import Corpus
from policydiff.render.parquet import TABLES, parquet_tables
from tests.conftest import BUNDLED, DOC_2021, DOC_2023, DOC_2025, LINEAGE

ULTRA_LOW = "ultra-low-energy-buildings"


@pytest.fixture(scope="module")
def evolution(bundled_corpus: Corpus) -> Evolution:
    return build_evolution(bundled_corpus)


@pytest.fixture(scope="module")
def tables(evolution: Evolution) -> dict[str, list[dict]]:
    files = parquet_tables(evolution)
    assert sorted(files) == sorted(f"{t}.parquet" for t in TABLES)
    return {
        name.removesuffix(".parquet"): pq.read_table(io.BytesIO(data)).to_pylist()
        for name, data in files.items()
    }


def test_documents_in_timeline_order(tables: dict[str, list[dict]]) -> None:
    documents = tables["documents"]
    assert [d["id"] for d in documents] == [DOC_2021, DOC_2023, DOC_2025]
    assert documents[0]["languages"] == ["en", "zh"]
    assert documents[0]["date"] == "2021-10-21"
    assert documents[0]["first_day"] == documents[0]["last_day"] == dt.date(2021, 10, 21)


def test_a_date_known_to_the_month_or_estimated_gives_the_days_it_allows(tmp_path: Path) -> None:
    # the ministry's plan of June 2022 and Yunnan's, estimated to December 2022
    out = tmp_path / "parquet"
    result = CliRunner().invoke(
        main, ["export", "--corpus", str(LINEAGE), "--format", "parquet", str(out), "-q"]
    )
    assert result.exit_code == 0, result.output
    rows = pq.read_table(out / "documents.parquet").to_pylist()
    days = {r["date"]: (r["first_day"], r["last_day"]) for r in rows}
    assert days["2022-06"] == (dt.date(2022, 6, 1), dt.date(2022, 6, 30))
    assert days["2022-12~"] == (dt.date(2022, 12, 1), dt.date(2022, 12, 31))
    assert [r["first_day"] for r in rows] == sorted(r["first_day"] for r in rows)


def test_commitments_hold_the_2021_original_and_the_2023_scale_up(
    tables: dict[str, list[dict]],
) -> None:
    ultra = [c for c in tables["commitments"] if c["theme"] == ULTRA_LOW]
    zh_2021 = next(c for c in ultra if c["document"] == DOC_2021 and c["lang"] == "zh")
    assert (zh_2021["cue"], zh_2021["strength"], zh_2021["level"]) == ("大力推广", 3.5, "scale")
    assert zh_2021["version"] == "zh" and zh_2021["strongest"]
    assert "大力推广超低能耗、近零能耗建筑" in zh_2021["sentence"]
    assert zh_2021["location"] == "III 转变城乡建设发展方式 > III.1 建设高品质绿色建筑"
    en_2021 = next(c for c in ultra if c["document"] == DOC_2021 and c["lang"] == "en")
    assert en_2021["cue"] == "vigorously promote" and not en_2021["strongest"]
    of_2023 = [c for c in ultra if c["document"] == DOC_2023]
    assert [(c["cue"], c["strength"]) for c in of_2023] == [
        ("promote the large-scale development", 4.0)
    ]
    # the same 2021 sentence scales up green buildings: 规模化发展 is its own cue there
    green = next(
        c
        for c in tables["commitments"]
        if c["theme"] == "green-buildings" and c["sentence"] == zh_2021["sentence"]
    )
    assert (green["document"], green["cue"], green["strength"]) == (DOC_2021, "规模化发展", 4.0)


def test_one_commitment_row_per_evidence_and_one_point_per_theme_and_document(
    evolution: Evolution, tables: dict[str, list[dict]]
) -> None:
    data = evolution_dict(evolution)
    evidence = sum(len(p["evidence"]) for t in data["themes"] for p in t["points"])
    assert len(tables["commitments"]) == evidence
    assert len(tables["points"]) == len(data["themes"]) * len(data["documents"])
    changes = sum(len(t["changes"]) + len(t["since_last"]) for t in data["themes"])
    assert len(tables["changes"]) == changes


def test_points_and_changes_of_ultra_low_energy(tables: dict[str, list[dict]]) -> None:
    points = [p for p in tables["points"] if p["theme"] == ULTRA_LOW]
    assert [(p["document"], p["strength"], p["cue"]) for p in points] == [
        (DOC_2021, 3.5, "大力推广"),
        (DOC_2023, 4.0, "promote the large-scale development"),
        (DOC_2025, 4.0, "promote the large-scale development"),
    ]
    first = next(
        c for c in tables["changes"] if c["theme"] == ULTRA_LOW and c["kind"] == "consecutive"
    )
    assert (first["from_document"], first["to_document"], first["verdict"], first["delta"]) == (
        DOC_2021,
        DOC_2023,
        "strengthened",
        0.5,
    )
    absent = next(p for p in tables["points"] if not p["present"])
    assert absent["strength"] is None and absent["cue"] is None


def test_the_same_evolution_gives_the_same_bytes(evolution: Evolution, bundled_corpus) -> None:
    assert parquet_tables(evolution) == parquet_tables(build_evolution(bundled_corpus))


def _export(*args: str):
    return CliRunner().invoke(
        main, ["export", "--corpus", str(BUNDLED), "--no-cache", *args], catch_exceptions=False
    )


def test_cli_writes_four_tables(tmp_path: Path, tables: dict[str, list[dict]]) -> None:
    result = _export(str(tmp_path / "out"), "-q")
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == sorted(f"{t}.parquet" for t in TABLES)
    read = pq.read_table(tmp_path / "out" / "commitments.parquet").to_pylist()
    assert read == tables["commitments"]


def test_cli_unknown_format_is_exit_2(tmp_path: Path) -> None:
    result = _export(str(tmp_path / "out"), "--format", "csv")
    assert result.exit_code == 2
    assert not (tmp_path / "out").exists()
