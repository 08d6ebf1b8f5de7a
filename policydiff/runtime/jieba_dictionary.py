"""jieba, ready to cut: quiet, its default dictionary read quickly.

jieba keeps its prefix dictionary in a marshal cache (``jieba.cache`` in the temporary
folder) and reads it with ``marshal.load`` on the open file, which asks the file for every
object apart. Here the same cache is read whole, under jieba's lock, which gives the same
dictionary in a fraction of the time. Where there is no cache, or it is not marshal data,
jieba initialises itself as usual (building the dictionary and writing the cache); where
it is marshal data of another shape, which jieba would take for its dictionary, or a file
another user owns, or the folder takes no file of ours, the dictionary is built afresh and
not cached. The dictionary is jieba's either way, so are the words.
"""

from __future__ import annotations

import logging
import marshal
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any


@lru_cache(maxsize=1)
def ready_jieba() -> ModuleType:
    """The ``jieba`` module, quiet (only the CLI prints), its default dictionary loaded."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    _initialise(jieba.dt)
    return jieba


def fresh_tokenizer() -> Any:
    """A ``jieba.Tokenizer`` of its own holding jieba's default dictionary, for words to
    be added to it: none that a program added to jieba's global one, none added here
    reaching it."""
    tokenizer = ready_jieba().Tokenizer()
    _initialise(tokenizer)
    return tokenizer


def _initialise(tokenizer: Any) -> None:
    with tokenizer.lock:
        if tokenizer.initialized:
            return
        if tokenizer.dictionary is None and tokenizer.cache_file is None:
            cache = Path(tokenizer.tmp_dir or tempfile.gettempdir()) / "jieba.cache"
            read = _unmarshalled(cache)
            if read is not None or not _ours_to_write(cache):
                # a cache another user wrote, or a temporary folder we cannot write to:
                # jieba would print the traceback of its failed dump and leave its draft
                # behind; the dictionary is built here and not cached
                found = _dictionary(read) if read is not None else None
                tokenizer.FREQ, tokenizer.total = found or tokenizer.gen_pfdict(
                    tokenizer.get_dict_file()
                )
                tokenizer.initialized = True
                return
    tokenizer.initialize()


def _ours_to_write(cache: Path) -> bool:
    """Whether jieba can put its cache at ``cache``: a file there is ours (a temporary
    folder lets only a file's owner replace it), else the folder takes new files."""
    try:
        return cache.stat().st_uid == os.getuid()
    except FileNotFoundError:
        return os.access(cache.parent, os.W_OK | os.X_OK)
    except OSError:
        return False


def _unmarshalled(path: Path) -> object | None:
    """What the marshal data at ``path`` holds; None where there is none."""
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None


def _dictionary(read: object) -> tuple[dict[str, int], int] | None:
    """``read`` as jieba caches its dictionary, a (prefix dictionary, total) pair; None
    where it is not that."""
    if (
        isinstance(read, tuple)
        and len(read) == 2
        and isinstance(read[0], dict)
        and read[0]
        and isinstance(read[1], int)
    ):
        return read[0], read[1]
    return None
