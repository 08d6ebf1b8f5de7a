"""Files users edit or read: YAML problems in one line, every write atomic.

All of policydiff's writes go through :func:`write_atomic` (a file) and
:func:`staging_folder` (a folder built aside and renamed into place), so that a
failed or killed write leaves the old file or none, never half a file, and so that
what is written gets the permissions any other program's files would: the process's
umask applied to 0666 for files and 0777 for folders (0644 and 0755 under the usual
umask 022).
"""

from __future__ import annotations

import os
from pathlib import Path

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


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write ``data`` (text is written as UTF-8, its newlines as they are) to a temporary
    file beside ``path`` and rename it into place."""
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        tmp = temporary_name(path)
        try:
            # 0o666: the kernel applies the umask, as for any file a program creates
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        break
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


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
