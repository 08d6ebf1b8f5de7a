"""jieba's dictionary read from its cache whole: the same dictionary, the same words."""

from __future__ import annotations

import marshal
from pathlib import Path

import jieba
import pytest

from policydiff.runtime.jieba_dictionary import _cached, _initialise, fresh_tokenizer, ready_jieba

TEXT = "推动低碳建筑规模化发展，到2030年新建民用建筑全面执行超低能耗建筑标准"


def _jiebas_own(tmp_dir: Path) -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(tmp_dir)
    tokenizer.initialize()
    return tokenizer


def test_the_dictionary_read_whole_is_the_one_jieba_reads(tmp_path: Path) -> None:
    own = _jiebas_own(tmp_path)  # writes tmp_path/jieba.cache
    assert (tmp_path / "jieba.cache").is_file()
    ours = jieba.Tokenizer()
    ours.tmp_dir = str(tmp_path)
    _initialise(ours)
    assert ours.initialized
    assert ours.total == own.total and ours.FREQ == own.FREQ
    assert list(ours.cut(TEXT)) == list(own.cut(TEXT))


@pytest.mark.parametrize(
    "content",
    [b"", b"not marshal at all", marshal.dumps(["a", "list"]), marshal.dumps(({}, 0))],
    ids=["empty", "garbage", "another structure", "an empty dictionary"],
)
def test_a_cache_that_is_not_what_jieba_writes_is_not_read(tmp_path: Path, content: bytes) -> None:
    cache = tmp_path / "jieba.cache"
    cache.write_bytes(content)
    assert _cached(cache) is None
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(tmp_path)
    _initialise(tokenizer)  # built from jieba's dictionary, where jieba would take it
    assert tokenizer.FREQ == ready_jieba().dt.FREQ
    assert tokenizer.total == ready_jieba().dt.total
    assert cache.read_bytes() == content  # jieba's cache is jieba's to write


def test_no_cache_is_no_dictionary(tmp_path: Path) -> None:
    assert _cached(tmp_path / "jieba.cache") is None


def test_a_fresh_tokenizer_holds_a_copy_that_words_can_be_added_to() -> None:
    default = ready_jieba().dt
    held = dict(default.FREQ)
    mine = fresh_tokenizer()
    assert mine is not default and held == mine.FREQ and mine.total == default.total
    mine.add_word("全面执行超低能耗建筑标准")
    assert "全面执行超低能耗建筑标准" in mine.FREQ
    assert held == default.FREQ
    assert "全面执行超低能耗建筑标准" in list(mine.cut(TEXT))
    assert "全面执行超低能耗建筑标准" not in list(default.cut(TEXT))
