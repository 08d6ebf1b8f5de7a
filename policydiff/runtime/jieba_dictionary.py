"""jieba, ready to cut: quiet, its default dictionary read once per process and quickly.

jieba keeps its prefix dictionary in a marshal cache (``jieba.cache`` in the temporary
folder) and reads it with ``marshal.load`` on the open file, which asks the file for every
object apart: about four times as long as unmarshalling the same bytes read whole. Every
command that reads Chinese waited on it, in every process. Here the same cache is read
whole, under jieba's lock; where it is missing or unreadable jieba initialises itself as
usual (and writes it). The dictionary is the same either way, so are the words.
"""

from __future__ import annotations

import logging
import marshal
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
    """A ``jieba.Tokenizer`` of its own holding a copy of the default dictionary, for words
    to be added to it without touching jieba's global one."""
    jieba = ready_jieba()
    tokenizer = jieba.Tokenizer()
    with tokenizer.lock:
        tokenizer.FREQ, tokenizer.total = dict(jieba.dt.FREQ), jieba.dt.total
        tokenizer.initialized = True
    return tokenizer


def _initialise(tokenizer: Any) -> None:
    with tokenizer.lock:
        if tokenizer.initialized:
            return
        cache = Path(tokenizer.tmp_dir or tempfile.gettempdir()) / "jieba.cache"
        if tokenizer.dictionary is None and tokenizer.cache_file is None and cache.exists():
            # a cache that is not what jieba writes would be read by jieba all the same
            # (anything that unpacks in two): the dictionary is built afresh instead
            tokenizer.FREQ, tokenizer.total = _cached(cache) or tokenizer.gen_pfdict(
                tokenizer.get_dict_file()
            )
            tokenizer.initialized = True
            return
    tokenizer.initialize()


def _cached(path: Path) -> tuple[dict[str, int], int] | None:
    """The (prefix dictionary, total) jieba cached at ``path``; None where there is none
    or it is not what jieba writes."""
    try:
        read = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if (
        isinstance(read, tuple)
        and len(read) == 2
        and isinstance(read[0], dict)
        and read[0]
        and isinstance(read[1], int)
    ):
        return read[0], read[1]
    return None
