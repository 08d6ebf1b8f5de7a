"""plan_ingest on arbitrary input: it returns a plan or raises InputError, nothing else."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policydiff.corpus import load_corpus
from policydiff.errors import InputError
from policydiff.ingest.pipeline import IngestOptions, plan_ingest
from tests.conftest import BUNDLED

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
