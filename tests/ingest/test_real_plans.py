"""Real plans held one sentence per line, without sentence-final 。 (as policy databases
and scrapers hold them), and the same with 。 restored: ingest loses none of their lines.

The texts are public urban-rural carbon-peaking plans (a ministry's and seven provinces'),
transcribed with their sources in the ``.source.yaml`` beside each.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from policydiff.corpus import Corpus
from policydiff.ingest.pipeline import IngestOptions, plan_ingest
from policydiff.structure import match_label

ROOT = Path(__file__).resolve().parents[2]
PLANS = sorted(
    [
        *(ROOT / "examples" / "lineage" / "raw").glob("*.txt"),
        *(ROOT / "tests/data/plans").glob("*.txt"),
    ]
)


def _source(path: Path) -> dict:
    return yaml.safe_load(path.with_suffix(".source.yaml").read_text(encoding="utf-8"))


def _with_full_stops(text: str) -> str:
    """Each sentence line ended with 。 again; the title and numbered headings as they are."""
    lines = text.splitlines()
    out = [lines[0]]
    for line in lines[1:]:
        heading = match_label(line) is not None and len(line) < 30
        out.append(line if heading or line.endswith(("。", "；", "：")) else f"{line}。")
    return "\n".join(out) + "\n"


def test_the_plans_are_here() -> None:
    assert len(PLANS) >= 7


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
@pytest.mark.parametrize("full_stops", [False, True], ids=["as-held", "with-full-stops"])
def test_no_line_of_the_body_is_lost(path: Path, full_stops: bool, tmp_path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if full_stops:
        text = _with_full_stops(text)
    raw = tmp_path / path.name
    raw.write_text(text, encoding="utf-8")
    plan = plan_ingest(raw, Corpus(tmp_path / "corpus", ()), IngestOptions(date="2022-06-30"))
    lines = [line.strip() for line in text.splitlines()]  # ingest strips each line's ends
    # the title line moves into the metadata; every other line is kept, as it was
    assert plan.version.text.splitlines() == lines[1:]
    assert [(r.kind, r.text) for r in plan.removed] == [("title", lines[0])]
    source = _source(path)
    assert plan.metadata.title_zh == source["title_zh"]
    assert plan.document is not None and plan.document.title == source["title_zh"]
    if source["level"] == "provincial":
        assert (plan.metadata.level, plan.metadata.jurisdiction) == (
            "provincial",
            source["jurisdiction"],
        )
    assert not plan.document.id.endswith("-document") and plan.document.id.startswith("2022-")


def test_the_goals_stay_under_their_heading(tmp_path: Path) -> None:
    path = ROOT / "examples/lineage/raw/2022-central-chengxiang-tandafeng.txt"
    plan = plan_ingest(path, Corpus(tmp_path / "corpus", ()), IngestOptions(date="2022-06-30"))
    from policydiff.structure import structure_version

    structured = structure_version("central", plan.version)
    goals = next(p for p in structured.provisions if p.heading.startswith("主要目标"))
    assert goals.id == "I.3" and goals.location.startswith("I 总体要求")
    assert "2030年前，城乡建设领域碳排放达到峰值" in [s.text for s in goals.sentences]
