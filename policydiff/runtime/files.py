"""Files users edit or read: YAML problems in one line, every write atomic.

All of policydiff's writes go through :func:`write_atomic` (a file; :func:`open_atomic`
for one written piece by piece, :func:`open_atomic_together` for a set of them) and
:func:`staging_folder` (a folder built aside and renamed into place), so that a
failed or killed write leaves the old file or none, never half a file, and so that
what is written gets the permissions any other program's files would: the process's
umask applied to 0666 for files and 0777 for folders (0644 and 0755 under the usual
umask 022).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import yaml

# Temporary names: ".<final name>-" and eight lowercase hex digits. ``policydiff check``
# recognises a leftover from an interrupted write by this shape.
TEMP_SUFFIX_LENGTH = 8


def yaml_problem(exc: yaml.YAMLError) -> str:
    """PyYAML's several-line message as one line: 'not valid YAML: … (line 3, column 7)'."""
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem:
        mark = exc.problem_mark
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        return f"not valid YAML: {exc.problem}{where}"
    return "not valid YAML: " + " ".join(str(exc).split())


def temporary_name(final: Path) -> Path:
    """A fresh name beside ``final`` for building it: ``.<name>-xxxxxxxx``."""
    return final.parent / f".{final.name}-{os.urandom(TEMP_SUFFIX_LENGTH // 2).hex()}"


def _as_final(exc: OSError, final: Path) -> None:
    """Where ``exc`` names a temporary beside ``final`` (:func:`temporary_name`, a staging
    folder) or a file inside one, name what the user asked for instead: the error is
    about ``final``, and the temporary is gone when it is read."""
    if exc.filename is None:
        return
    try:
        first, *rest = Path(os.fsdecode(exc.filename)).relative_to(final.parent).parts
    except ValueError:
        return
    tail = first.removeprefix(f".{final.name}-")
    if tail != first and _TEMPORARY_TAIL.fullmatch(tail):
        exc.filename = str(final.joinpath(*rest))


# the end of a temporary's name after ".<final name>-": a staging folder's has the pid
_TEMPORARY_TAIL = re.compile(rf"(?:\d+-)?[0-9a-f]{{{TEMP_SUFFIX_LENGTH}}}")


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write ``data`` (text is written as UTF-8, its newlines as they are) to a temporary
    file beside ``path`` and rename it into place."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with open_atomic(path) as handle:
        handle.write(payload)


def _create_temporary(path: Path) -> tuple[Path, int]:
    """A new temporary file beside ``path`` (:func:`temporary_name`), open for writing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        tmp = temporary_name(path)
        try:
            # 0o666: the kernel applies the umask, as for any file a program creates
            return tmp, os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            _as_final(exc, path)
            raise


@contextlib.contextmanager
def open_atomic_together(paths: list[Path]) -> Iterator[list[BinaryIO]]:
    """Binary files to write ``paths`` through, as :func:`open_atomic` does, put in place
    together when the block ends: where one cannot be, those put already get their old
    content back, so the set is the old one or the new one, never tables of two runs."""
    made: list[tuple[Path, BinaryIO]] = []
    try:
        for path in paths:
            tmp, fd = _create_temporary(Path(path))
            made.append((tmp, os.fdopen(fd, "wb")))
        yield [handle for _, handle in made]
        for _, handle in made:
            handle.close()
        _replace_together([tmp for tmp, _ in made], [Path(p) for p in paths])
    except BaseException:
        for tmp, handle in made:
            handle.close()
            tmp.unlink(missing_ok=True)
        raise


def _replace_together(temporaries: list[Path], paths: list[Path]) -> None:
    """Rename each of ``temporaries`` over its path, undoing the renames done if one fails."""
    kept: list[tuple[Path, Path | None]] = []  # each path replaced, and a link to its old file
    try:
        for tmp, path in zip(temporaries, paths, strict=True):
            old = None
            if path.is_file():
                old = temporary_name(path)
                _carry(path, old)  # a link where the file system allows, else a copy
            kept.append((path, old))
            try:
                os.replace(tmp, path)
            except OSError as exc:
                exc.filename, exc.filename2 = str(path), None  # the table, not its draft
                raise
    except BaseException:
        for path, old in reversed(kept):
            with contextlib.suppress(OSError):
                if old is not None:
                    os.replace(old, path)
                elif path.is_file():
                    path.unlink()
        raise
    finally:
        for _, old in kept:
            if old is not None:
                old.unlink(missing_ok=True)


@contextlib.contextmanager
def open_atomic(path: Path) -> Iterator[BinaryIO]:
    """A binary file to write ``path`` through, piece by piece: written to a temporary
    file beside it and renamed into place when the block ends, removed if it raises. A
    device, a pipe or a process's stream at ``path`` (/dev/null, a shell's ``>(…)``,
    /dev/stdout) is written to as it is: renaming a file over it would replace it."""
    path = Path(path)
    if _written_through(path):
        with open(path, "wb") as handle:
            yield handle
        return
    tmp, fd = _create_temporary(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            _as_final(exc, path)
            if exc.filename is None:
                exc.filename = str(path)  # "No space left on device" alone names no file
        raise


# where the kernel keeps devices and each process's open files: a name there, or a link to
# one (/dev/stdout → /proc/self/fd/1), stands for a stream, whatever it writes to
_STREAMS = ("/dev/", "/proc/")


def _written_through(path: Path) -> bool:
    """Whether ``path`` names a device, a pipe or a process's stream, not a file to replace."""
    if str(path.absolute()).startswith(_STREAMS):
        return True
    if path.is_symlink() and os.readlink(path).startswith(_STREAMS):
        return True
    return path.exists() and not path.is_file() and not path.is_dir()


def staging_folder(final: Path) -> Path:
    """A new empty folder beside ``final`` to build it in, then rename into place."""
    final.parent.mkdir(parents=True, exist_ok=True)
    while True:
        folder = temporary_name(final)
        try:
            folder.mkdir(0o777)  # the umask applies, as for any folder a program creates
        except FileExistsError:
            continue
        return folder


def owned_folder(final: Path) -> Path:
    """A new folder beside ``final`` named for this process (see :func:`_owned_staging`),
    the leftovers of killed runs removed first; its parents are made as needed."""
    final.parent.mkdir(parents=True, exist_ok=True)
    return _owned_staging(final)


def _owned_staging(final: Path) -> Path:
    """A staging folder for ``final`` named with this process's id,
    ``.<name>-<pid>-xxxxxxxx``, so that a later run can tell a leftover of a killed run
    (its process is gone) from the work of one still running."""
    _sweep_leftovers(final)
    while True:
        folder = final.parent / f".{final.name}-{os.getpid()}-{os.urandom(4).hex()}"
        try:
            folder.mkdir(0o777)
        except FileExistsError:
            continue
        except OSError as exc:
            _as_final(exc, final)
            raise
        return folder


def _sweep_leftovers(final: Path) -> None:
    if not final.parent.is_dir():
        return
    owned = re.compile(rf"\.{re.escape(final.name)}-(\d+)-[0-9a-f]{{8}}")
    for entry in final.parent.iterdir():
        found = owned.fullmatch(entry.name)
        if found and not entry.is_symlink() and entry.is_dir() and not _alive(int(found[1])):
            shutil.rmtree(entry, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


class StagedFolder:
    """The files of a set being written (see :func:`staged_folder`), each as it comes."""

    def __init__(self, final: Path, staging: Path) -> None:
        self.final = final
        self.staging = staging
        self.names: list[str] = []

    def add(self, name: str, data: bytes) -> None:
        write_atomic(self._place(name), data)

    @contextlib.contextmanager
    def open(self, name: str) -> Iterator[BinaryIO]:
        """A file of the set written through a handle, for one too large to hold."""
        with open_atomic(self._place(name)) as handle:
            yield handle

    def _place(self, name: str) -> Path:
        if "/" in name:
            (self.staging / name).parent.mkdir(parents=True, exist_ok=True)
        self.names.append(name)
        return self.staging / name

    @property
    def written(self) -> list[Path]:
        return [self.final / name for name in self.names]


@contextlib.contextmanager
def staged_folder(final: Path) -> Iterator[StagedFolder]:
    """A set of files for ``final``, added one at a time, that replaces it as one set on
        leaving the block: they are written into a new folder beside it, which then takes its
        place, so that a reader (or a run killed half-way) sees the old set or the new one,
        never a mix. Other files already in ``final`` are carried over; what a killed run
        left beside it is removed. A name may hold folders (``themes/a.html``): a folder the
        set writes into is replaced whole, like a file, not merged with the old one; hidden
    files are carried over too, but for drafts an interrupted write left. An
        exception inside the block leaves ``final`` as it was. Anything at ``final`` that is not
        a folder (a file, a device such as /dev/null, a pipe) is refused, never replaced."""
    final = Path(final)
    if (final.exists() or final.is_symlink()) and not final.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "exists and is not a folder", str(final))
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = _owned_staging(final)
    staged = StagedFolder(final, staging)
    try:
        yield staged
        owned = {name.split("/", 1)[0] for name in staged.names}
        if final.is_dir():
            for entry in final.iterdir():
                # hidden files are the user's too (a .git, a .keep); only a draft an
                # interrupted write left (.<name>-xxxxxxxx) is not carried over
                if entry.name not in owned and not _DRAFT.fullmatch(entry.name):
                    _carry(entry, staging / entry.name)
        if not final.exists():
            os.rename(staging, final)
            return
        if _exchange(staging, final):
            shutil.rmtree(staging, ignore_errors=True)  # it now holds the old set
        else:  # no atomic exchange here: the old set steps aside, the new one steps in
            old = staging.with_name(staging.name[:-8] + os.urandom(4).hex())
            os.rename(final, old)
            os.rename(staging, final)
            shutil.rmtree(old, ignore_errors=True)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError):
            _as_final(exc, final)
            if exc.filename is None:
                exc.filename = str(final)
        raise


_DRAFT = re.compile(rf"\..+-[0-9a-f]{{{TEMP_SUFFIX_LENGTH}}}")


def _carry(source: Path, target: Path) -> None:
    if source.is_dir() and not source.is_symlink():
        shutil.copytree(source, target, symlinks=True)
        return
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, target, follow_symlinks=False)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); False where the
    platform cannot."""
    if sys.platform != "linux":
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):  # this file system cannot
        return False
    raise OSError(code, os.strerror(code), str(b))
