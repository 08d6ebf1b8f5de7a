"""Reading files that someone else may have written: a pull request's corpus, a
user's catalogue. The corpus of a repository is input from whoever can open a pull
request, so what policydiff reads must not be able to make it hang, exhaust memory or
read outside the repository:

* :func:`read_regular` reads a regular file only — not a symbolic link (git stores them:
  a version file linked to ``/dev/zero`` or to a secret outside the repository), a FIFO
  or a device — and never more than a limit, checked before reading;
* :func:`load_yaml` refuses YAML aliases (the "billion laughs" of nested ``*a``, which
  metadata has no use for), duplicate keys (where the last would silently win) and
  documents of more than :data:`MAX_YAML_NODES` nodes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import yaml

# A document.yaml or a catalogue has a few hundred nodes; this is far above any real one.
MAX_YAML_NODES = 100_000

# libyaml's parser where PyYAML was built with it: the same documents, read several
# times faster (the shipped catalogue and lexicon are read by every analysing process).
SafeLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """``yaml.safe_load`` with :data:`SafeLoader`, for files policydiff or the user wrote."""
    return yaml.load(text, Loader=SafeLoader)


class Refused(Exception):
    """What makes a file unsafe or unusable, as a phrase ("is a symbolic link")."""


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, refused (:class:`Refused`) when it is a
    link or a special file or holds more than ``limit`` bytes. FileNotFoundError and
    PermissionError pass through."""
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        raise Refused("is a symbolic link; policydiff reads only regular files")
    if not stat.S_ISREG(info.st_mode):
        raise Refused("is not a regular file (a FIFO, a device or a folder)")
    if info.st_size > limit:
        raise Refused(f"is {info.st_size:,} bytes, more than the {limit:,} allowed")
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:  # it grew after lstat
        raise Refused(f"holds more than the {limit:,} bytes allowed")
    return data


def is_link_or_special(path: Path) -> str | None:
    """Why ``path`` (a folder entry) is not a plain file or folder, or None."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if stat.S_ISLNK(info.st_mode):
        return "is a symbolic link; policydiff reads only regular files and folders"
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
        return "is not a regular file or folder"
    return None


def load_yaml(text: str, loader: type[Any], max_nodes: int = MAX_YAML_NODES) -> Any:
    """``text`` read with ``loader`` (a SafeLoader), aliases, duplicate keys and
    documents of more than ``max_nodes`` nodes refused with :class:`Refused` (YAML syntax
    errors pass through)."""
    parser = loader(text)
    try:
        node = parser.get_single_node()
        if node is None:
            return None
        _check(node, max_nodes)
        return parser.construct_document(node)
    finally:
        parser.dispose()


def _check(root: yaml.Node, max_nodes: int) -> None:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise Refused(
                "uses a YAML alias (*name), which policydiff does not read: write the value out"
            )
        seen.add(id(node))
        if len(seen) > max_nodes:
            raise Refused(f"holds more than {max_nodes:,} YAML nodes")
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in keys:
                        line = key.start_mark.line + 1
                        raise Refused(f"holds the key {key.value!r} twice (line {line})")
                    keys.add(key.value)
                stack += [key, value]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
