"""A failed or killed ingest leaves the corpus as it was: validate everything, then write
all of a batch or none of it (corpus/transaction.py)."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from policydiff.corpus import load_corpus
from tests.cli.test_ingest import DOC, run, tree_digest
from tests.conftest import SEED_2021_EN, SEED_2021_EN_PARTIAL, SEED_2021_ZH, SEED_2023_EN


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    result = run("ingest", "--corpus", corpus, SEED_2021_EN, "--date", "2021-10-21", "-q")
    assert result.exit_code == 0, result.output
    return corpus


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["--issuer", ""], "--issuer is blank"),
        (["--title", " "], "--title is blank"),
        (["--title", ""], "--title is blank"),
        (["--date", ""], "--date is blank"),
        (["--series", ""], "--series is blank"),
        (["--doc-number", "  "], "--doc-number is blank"),
        (["--issuer", "State Council", "--issuer", " "], "--issuer is blank"),
        (["--id", ""], "--id is blank"),
        (["--version-of", ""], "--version-of is blank"),
        (["--source", " "], "--source is blank"),
        (["--lang", ""], "--lang is blank"),
        (["--kind", ""], "--kind is blank"),
        (["--parent", ""], "--parent is blank"),
    ],
)
def test_blank_metadata_is_refused_before_anything_is_written(
    corpus: Path, args: list[str], problem: str
) -> None:
    before = tree_digest(corpus.parent)
    result = run("ingest", "--corpus", corpus, SEED_2023_EN, *args)
    assert result.exit_code == 2
    assert problem in result.output and "Traceback" not in result.output
    assert tree_digest(corpus.parent) == before
    assert [d.id for d in load_corpus(corpus)] == [DOC]  # still readable, as it was


def test_a_failing_file_in_a_batch_adds_nothing(corpus: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    before = tree_digest(corpus)
    result = run("ingest", "--corpus", corpus, SEED_2021_ZH, SEED_2023_EN, bad)
    assert result.exit_code == 2
    assert "nothing added: 1 of 3 files cannot be ingested" in result.output
    assert tree_digest(corpus) == before


# Kill an ingest of two files at its Nth rename or file write, as SIGKILL would.
_KILLER = """
import os, signal, sys
from policydiff.corpus import transaction
from policydiff.runtime import files
calls = [0]
moving = [False]
when, at = sys.argv[1], int(sys.argv[2])
def dying(real, only_while_moving=False):
    def wrapper(*args, **kwargs):
        if not only_while_moving or moving[0]:
            calls[0] += 1
            if calls[0] == at:
                os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return wrapper
if when == "write":
    transaction.write_atomic = dying(files.write_atomic)
else:  # the renames into the corpus, after the journal is written
    real_finish = transaction._finish
    def finish(*args):
        moving[0] = True
        return real_finish(*args)
    transaction._finish = finish
    os.replace = dying(os.replace, True)
    os.rename = dying(os.rename, True)
from policydiff.cli import main
main(sys.argv[3:])
"""


@pytest.mark.slow
@pytest.mark.parametrize(("when", "at"), [("write", 1), ("write", 2), ("write", 3)])
def test_killed_while_staging_leaves_the_corpus_byte_identical(
    corpus: Path, when: str, at: int
) -> None:
    before = tree_digest(corpus)
    args = ["ingest", "--corpus", str(corpus), str(SEED_2021_ZH), str(SEED_2023_EN)]
    killed = subprocess.run([sys.executable, "-c", _KILLER, when, str(at), *args], check=False)
    assert killed.returncode == -signal.SIGKILL
    assert tree_digest(corpus) == before
    # the next ingest clears what the killed one staged, and then works
    again = run("ingest", "--corpus", corpus, SEED_2021_EN_PARTIAL)
    assert again.exit_code == 0, again.output
    assert "ingest interrupted before it wrote" in again.output
    assert list((corpus.parent / ".policydiff").glob(".ingest-*")) == []


@pytest.mark.slow
@pytest.mark.parametrize("at", [1, 2])
def test_killed_while_moving_into_place_is_finished_by_the_next_writer(
    corpus: Path, tmp_path: Path, at: int
) -> None:
    args = ["ingest", "--corpus", str(corpus), str(SEED_2021_ZH), str(SEED_2023_EN)]
    killed = subprocess.run([sys.executable, "-c", _KILLER, "move", str(at), *args], check=False)
    assert killed.returncode == -signal.SIGKILL
    # readers see the old state plus whole moves: never a version listed without its text
    held = load_corpus(corpus)
    assert DOC in [d.id for d in held]
    finished = run("ingest", "--corpus", corpus, SEED_2021_EN_PARTIAL)
    assert finished.exit_code == 0, finished.output
    assert "finished an ingest that was interrupted while writing" in finished.output
    reference = tmp_path / "reference"
    for seed, options in (
        (SEED_2021_EN, ["--date", "2021-10-21"]),
        (SEED_2021_ZH, []),
        (SEED_2023_EN, []),
        (SEED_2021_EN_PARTIAL, []),
    ):
        assert run("ingest", "--corpus", reference, seed, "-q", *options).exit_code == 0
    assert tree_digest(corpus) == tree_digest(reference)


@pytest.mark.parametrize("at", [1, 2, 3])
def test_a_move_that_fails_is_undone_and_never_finished_later(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, at: int
) -> None:
    # a corpus that cannot be written (immutable, read-only): the Nth rename into it fails.
    # The user is told nothing was added, and nothing is: the next ingest finds no journal
    # to finish. The second batch's moves: the zh original's text, then the 2021
    # document's metadata, replacing the old (restored), then the 2023 folder
    import os

    from policydiff.corpus import transaction

    before = tree_digest(corpus)
    calls = [0]
    real_finish, real_rename, real_replace = transaction._finish, os.rename, os.replace
    moving = [False]

    def failing(real):  # type: ignore[no-untyped-def]
        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            if moving[0]:
                calls[0] += 1
                if calls[0] == at:
                    raise PermissionError(1, "Operation not permitted")
            return real(*args, **kwargs)

        return wrapper

    def finish(*args):  # type: ignore[no-untyped-def]
        moving[0] = True
        try:
            return real_finish(*args)
        finally:
            moving[0] = False

    monkeypatch.setattr(transaction, "_finish", finish)
    monkeypatch.setattr(os, "rename", failing(real_rename))
    monkeypatch.setattr(os, "replace", failing(real_replace))
    result = run("ingest", "--corpus", corpus, SEED_2021_ZH, SEED_2023_EN)
    monkeypatch.undo()
    assert result.exit_code == 2
    assert result.output == (
        f"error: {corpus}: cannot be written (Operation not permitted): nothing added\n"
    )
    assert tree_digest(corpus) == before
    assert list((corpus.parent / ".policydiff").glob(".ingest-*")) == []
    again = run("ingest", "--corpus", corpus, SEED_2021_EN_PARTIAL)
    assert again.exit_code == 0 and "interrupted" not in again.output, again.output
    assert [v.key for v in load_corpus(corpus).get(DOC).versions] == ["en", "en-2"]


def test_two_ingests_at_once_keep_both_versions(corpus: Path) -> None:
    # the lock makes the second wait for the first, then read what it wrote
    first = subprocess.Popen(
        [sys.executable, "-m", "policydiff", "ingest", "--corpus", str(corpus), str(SEED_2021_ZH)]
    )
    second = subprocess.Popen(
        [
            sys.executable, "-m", "policydiff", "ingest", "--corpus", str(corpus),
            str(SEED_2021_EN_PARTIAL),
        ]
    )  # fmt: skip
    assert first.wait() == 0 and second.wait() == 0
    (document,) = load_corpus(corpus).documents
    assert sorted(v.key for v in document.versions) == ["en", "en-2", "zh"]
    assert sorted(p.name for p in (corpus / DOC).iterdir()) == [
        "document.yaml",
        "en-2.txt",
        "en.txt",
        "zh.txt",
    ]
