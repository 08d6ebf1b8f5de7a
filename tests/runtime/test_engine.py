"""``--engine`` and ``--scheduler``: which engine a command runs on, and the errors of one
that cannot run. The Dask engine's results are tested in test_dask_engine.py."""

from __future__ import annotations

import sys

import pytest
from click.testing import CliRunner

from policydiff.analysis.build import build_evolution
from policydiff.analysis.evolution_json import evolution_json
from policydiff.cli import main
from policydiff.corpus import Corpus
from policydiff.errors import EngineError
from policydiff.runtime import engine as engine_module
from policydiff.runtime.engine import LocalEngine, engine_name, open_engine
from tests.conftest import BUNDLED


def test_a_scheduler_means_dask_unless_local_is_asked_for() -> None:
    assert engine_name(None, None, {}) == ("local", None)
    assert engine_name("dask", None, {}) == ("dask", None)
    assert engine_name(None, "tcp://h:1", {}) == ("dask", "tcp://h:1")
    env = {"DASK_SCHEDULER_ADDRESS": "tcp://env:2"}
    assert engine_name(None, None, env) == ("dask", "tcp://env:2")
    assert engine_name(None, "tcp://h:1", env) == ("dask", "tcp://h:1")
    # an explicit --engine local wins over the environment, not over --scheduler
    assert engine_name("local", None, env) == ("local", None)
    with pytest.raises(EngineError, match="--scheduler needs --engine dask"):
        engine_name("local", "tcp://h:1", {})


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("notaurl", "--scheduler 'notaurl': no port"),
        ("tcp://h:abc", "port 'abc' is not a number"),
        ("tcp://host name:8786", "host 'host name' holds a space"),
        ("foo://x:1", "--scheduler 'foo://x:1': unknown address scheme 'foo'"),
        ("", "--scheduler is blank"),
        ("inproc://x", "the inproc scheme is not one policydiff can dial"),
        ("tcp://:8786", "--scheduler 'tcp://:8786': no host"),
        ("tcp://localhost:99999", "port 99999 is out of range"),
    ],
)
def test_a_scheduler_address_dask_cannot_dial_is_refused_before_any_work(
    address: str, problem: str
) -> None:
    # Dask raised ValueError past the connect handler: a traceback; "" ran locally
    with pytest.raises(EngineError, match=problem.replace("(", r"\(")):
        engine_name(None, address, {})


def test_a_bad_address_in_the_environment_is_named_as_such() -> None:
    with pytest.raises(EngineError, match=r"^DASK_SCHEDULER_ADDRESS 'notaurl': no port"):
        engine_name(None, None, {"DASK_SCHEDULER_ADDRESS": "notaurl"})


def test_the_local_engine_is_the_default_and_gives_the_same_evolution(
    bundled_corpus: Corpus,
) -> None:
    with open_engine(None, None, jobs=1, environ={}) as engine:
        assert isinstance(engine, LocalEngine)
        via_engine = build_evolution(bundled_corpus, engine=engine)
    assert evolution_json(via_engine) == evolution_json(build_evolution(bundled_corpus))


def _evolution(*args: str, env: dict[str, str] | None = None):
    return CliRunner(env=env).invoke(
        main, ["evolution", "--corpus", str(BUNDLED), "--format", "json", "--no-cache", *args]
    )


def test_dask_missing_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    result = _evolution("--engine", "dask")
    assert result.exit_code == 2
    assert result.output.strip() == (
        "error: --engine dask needs Dask: pip install 'policydiff[dask]'"
    )
    assert _evolution("--scheduler", "tcp://127.0.0.1:1").exit_code == 2
    # the local engine needs nothing of Dask
    assert _evolution().exit_code == 0


def test_scheduler_with_engine_local_is_a_usage_error() -> None:
    result = _evolution("--engine", "local", "--scheduler", "tcp://127.0.0.1:1")
    assert result.exit_code == 2
    assert result.output.strip() == "error: --scheduler needs --engine dask, not --engine local"


@pytest.mark.slow
def test_an_unreachable_scheduler_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(engine_module, "CONNECT_TIMEOUT", 2)
    result = _evolution(env={"DASK_SCHEDULER_ADDRESS": "tcp://127.0.0.1:9"})
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: cannot connect to tcp://127.0.0.1:9")
    assert "Traceback" not in result.output
