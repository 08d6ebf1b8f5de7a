"""plan_ingest on arbitrary input: it returns a plan or raises InputError, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policydiff.corpus import load_corpus
from policydiff.errors import InputError
from policydiff.ingest.pipeline import Ingester, IngestOptions, plan_ingest
from tests.conftest import BUNDLED, SEED_2021_EN, SEED_2021_EN_PARTIAL, SEED_2021_ZH, SEED_2023_EN

POLICY_LINES = [
    "一、总体要求",
    "（一）建设高品质绿色建筑。大力推广超低能耗、近零能耗建筑。",
    "I. General requirements",
    "(1) Guiding ideology. We should give priority to ecology.",
    "Tel. 400-6700-999",
    "Copyright 2024",
    "The original document reads as follows:",
    "(December 27, 2023)",
]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.one_of(
        st.binary(max_size=4000),
        st.lists(st.sampled_from(POLICY_LINES) | st.text(max_size=80), max_size=30).map(
            lambda lines: "\n".join(lines).encode("utf-8")
        ),
    )
)
def test_ingest_never_crashes_on_arbitrary_bytes(tmp_path: Path, data: bytes) -> None:
    held = load_corpus(BUNDLED)
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    try:
        plan = plan_ingest(path, held, IngestOptions(date="2024-01-01"))
    except InputError as exc:
        assert str(path) in str(exc)
    else:
        assert plan.version.text.strip()
        assert "\x00" not in plan.version.text


def test_an_ingester_holds_what_the_corpus_folder_holds(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    ingester = Ingester(corpus)
    steps = [
        (SEED_2023_EN, IngestOptions()),
        (SEED_2021_EN, IngestOptions(date="2021-10-21")),
        (SEED_2021_ZH, IngestOptions()),  # linked through the index updated in memory
        (SEED_2021_EN_PARTIAL, IngestOptions()),
    ]
    actions = []
    for path, options in steps:
        plan = ingester.plan(path, options)
        assert plan.document is not None, plan.problems
        actions.append((plan.action, plan.document.id, plan.version.key))
    ingester.commit()
    assert actions == [
        ("new document", "2023-construction-beautiful-china", "en"),
        ("new document", "2021-green-development-urban", "en"),
        ("new version", "2021-green-development-urban", "zh"),
        ("new version", "2021-green-development-urban", "en-2"),
    ]
    assert ingester.held == load_corpus(corpus)
    with pytest.raises(
        InputError, match="already in the corpus as 2021-green-development-urban/en"
    ):
        ingester.plan(SEED_2021_EN, IngestOptions(date="2021-10-21"))
