"""The one atomic writer: whole files or none, with the permissions any program's files get."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from policydiff.cli import main
from policydiff.corpus.rules import TEMP_NAME
from policydiff.runtime.files import (
    _as_final,
    open_atomic_together,
    staged_folder,
    staging_folder,
    temporary_name,
    write_atomic,
)
from tests.conftest import BUNDLED, SEED_2023_EN


@pytest.fixture
def usual_umask() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_files_are_0644_and_folders_0755_under_the_usual_umask(
    tmp_path: Path, usual_umask: None
) -> None:
    target = tmp_path / "deep" / "file.txt"
    write_atomic(target, "绿色建筑\n")
    assert target.read_bytes() == "绿色建筑\n".encode()
    assert _mode(target) == 0o644
    folder = staging_folder(tmp_path / "document")
    assert _mode(folder) == 0o755 and TEMP_NAME.match(folder.name)


def test_a_stricter_umask_is_honoured(tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        write_atomic(tmp_path / "private.txt", b"x")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "private.txt") == 0o600


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "evolution.json"
    target.write_text("old", encoding="utf-8")

    def refuse(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["evolution.json"]


def test_a_staged_folder_keeps_the_users_hidden_files_not_drafts(tmp_path: Path) -> None:
    # --out a folder holding a .git lost it: hidden entries were not carried over
    final = tmp_path / "reports"
    (final / ".git").mkdir(parents=True)
    (final / ".git" / "HEAD").write_text("ref\n", encoding="utf-8")
    (final / ".index.html-0123abcd").write_text("a killed write's draft", encoding="utf-8")
    with staged_folder(final) as staged:
        staged.add("index.html", b"<p>new</p>")
    assert sorted(p.name for p in final.iterdir()) == [".git", "index.html"]
    assert (final / ".git" / "HEAD").read_text(encoding="utf-8") == "ref\n"


def test_files_written_together_are_all_new_or_all_old(tmp_path: Path) -> None:
    # an export's tables: one that cannot be put in place (a folder took its name) leaves
    # the others as they were, not tables of two corpora side by side
    first, second, third = (tmp_path / f"{name}.parquet" for name in ("a", "b", "c"))
    first.write_bytes(b"old a")
    third.mkdir()
    with (
        pytest.raises(IsADirectoryError) as raised,
        open_atomic_together([first, second, third]) as handles,
    ):
        for handle, text in zip(handles, (b"new a", b"new b", b"new c"), strict=True):
            handle.write(text)
    assert raised.value.filename == str(third)
    assert first.read_bytes() == b"old a" and not second.exists() and third.is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.parquet", "c.parquet"]
    third.rmdir()
    with open_atomic_together([first, second, third]) as handles:
        for handle, text in zip(handles, (b"new a", b"new b", b"new c"), strict=True):
            handle.write(text)
    assert [p.read_bytes() for p in (first, second, third)] == [b"new a", b"new b", b"new c"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.parquet", "b.parquet", "c.parquet"]


@pytest.mark.slow
def test_ingest_and_report_write_readable_files(tmp_path: Path, usual_umask: None) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "reports"
    runner = CliRunner()
    ingested = runner.invoke(
        main, ["ingest", str(SEED_2023_EN), "--corpus", str(corpus), "-q", "--date", "2023-12-27"]
    )
    assert ingested.exit_code == 0, ingested.output
    (folder,) = corpus.iterdir()
    assert _mode(corpus) == 0o755 and _mode(folder) == 0o755
    assert {_mode(p) for p in folder.iterdir()} == {0o644}
    reported = runner.invoke(main, ["report", "--corpus", str(BUNDLED), "--out", str(out), "-q"])
    assert reported.exit_code == 0, reported.output
    assert {_mode(p) for p in out.rglob("*") if p.is_file()} == {0o644}
    assert {_mode(p) for p in out.rglob("*") if p.is_dir()} == {0o755}  # themes/


def test_a_pipe_is_written_through_not_replaced(tmp_path: Path) -> None:
    # a shell's >(…) or a named pipe: renaming a file over it would put a file in its place
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_atomic(pipe, "海绵城市\n")
        assert os.read(reader, 100) == "海绵城市\n".encode()
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_report_refuses_an_out_that_is_not_a_folder_and_leaves_it(tmp_path: Path) -> None:
    pipe = tmp_path / "reports"
    os.mkfifo(pipe)
    result = CliRunner().invoke(main, ["report", "--corpus", str(BUNDLED), "--out", str(pipe)])
    assert result.exit_code == 2
    assert result.output.strip() == f"error: {pipe}: exists and is not a folder"
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]


def test_a_link_to_a_processs_stream_is_written_through(tmp_path: Path) -> None:
    # -o /dev/stdout with stdout sent to a file: /dev/stdout links to /proc/self/fd/1
    out = tmp_path / "out.txt"
    link = tmp_path / "stdout"
    with out.open("wb") as held:
        link.symlink_to(f"/proc/self/fd/{held.fileno()}")
        write_atomic(link, "绿色建筑\n")
    assert link.is_symlink()
    assert out.read_bytes() == "绿色建筑\n".encode()


def test_an_error_about_a_temporary_names_what_the_user_asked_for(tmp_path: Path) -> None:
    final = tmp_path / "out-2024"
    for temporary, named in (
        (temporary_name(final), final),
        (tmp_path / f".out-2024-{os.getpid()}-0123abcd" / "index.html", final / "index.html"),
    ):
        exc = PermissionError(13, "Permission denied", str(temporary))
        _as_final(exc, final)
        assert exc.filename == str(named)
    # a user's own hidden file, or another output's temporary, is left as it is named
    for other in (tmp_path / ".backup-20240101", temporary_name(tmp_path / "out")):
        exc = PermissionError(13, "Permission denied", str(other))
        _as_final(exc, final)
        assert exc.filename == str(other)
