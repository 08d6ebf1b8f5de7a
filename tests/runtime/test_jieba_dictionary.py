"""jieba's dictionary read from its cache whole: the same dictionary, the same words."""

from __future__ import annotations

import marshal
from pathlib import Path
from typing import NoReturn

import jieba
import pytest

from policydiff.runtime.jieba_dictionary import (
    _dictionary,
    _initialise,
    _unmarshalled,
    fresh_tokenizer,
    ready_jieba,
)

TEXT = "推动低碳建筑规模化发展，到2030年新建民用建筑全面执行超低能耗建筑标准"


def _tokenizer(tmp_dir: Path) -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(tmp_dir)
    return tokenizer


def _never(*_: object) -> NoReturn:
    raise AssertionError("the dictionary was built, not read from the cache")


def test_the_dictionary_read_whole_is_the_one_jieba_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = _tokenizer(tmp_path)
    own.initialize()  # builds the dictionary and writes tmp_path/jieba.cache
    assert _dictionary(_unmarshalled(tmp_path / "jieba.cache")) == (own.FREQ, own.total)
    monkeypatch.setattr(jieba.Tokenizer, "gen_pfdict", _never)
    monkeypatch.setattr(jieba.Tokenizer, "initialize", _never)
    ours = _tokenizer(tmp_path)
    _initialise(ours)
    assert ours.initialized
    assert ours.total == own.total and ours.FREQ == own.FREQ
    assert list(ours.cut(TEXT)) == list(own.cut(TEXT))


@pytest.mark.parametrize(
    ("content", "written_again"),
    [
        # not marshal data: jieba rebuilds its dictionary and writes the cache again
        (b"", True),
        (b"not marshal at all", True),
        # marshal data jieba would take for its dictionary ("a", "list"): built afresh,
        # the cache left to jieba
        (marshal.dumps(["a", "list"]), False),
        (marshal.dumps(({}, 0)), False),
    ],
    ids=["empty", "garbage", "another structure", "an empty dictionary"],
)
def test_a_cache_that_is_not_jiebas_dictionary_is_not_taken_for_it(
    tmp_path: Path, content: bytes, written_again: bool
) -> None:
    cache = tmp_path / "jieba.cache"
    cache.write_bytes(content)
    tokenizer = _tokenizer(tmp_path)
    _initialise(tokenizer)
    default = ready_jieba().dt
    assert (tokenizer.FREQ, tokenizer.total) == (default.FREQ, default.total)
    if written_again:
        assert _dictionary(_unmarshalled(cache)) == (default.FREQ, default.total)
    else:
        assert cache.read_bytes() == content


def test_no_cache_is_no_dictionary(tmp_path: Path) -> None:
    assert _unmarshalled(tmp_path / "jieba.cache") is None


def test_a_fresh_tokenizer_holds_the_default_dictionary_apart_from_jiebas_global_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    default = ready_jieba().dt
    held = dict(default.FREQ)
    # a word a program added to jieba's global dictionary is not in the fresh one
    monkeypatch.setattr(default, "FREQ", {**default.FREQ, "虚构的词语": 3})
    mine = fresh_tokenizer()
    assert mine is not default and held == mine.FREQ and mine.total == default.total
    # nor is a word added to the fresh one in jieba's
    mine.add_word("全面执行超低能耗建筑标准")
    assert "全面执行超低能耗建筑标准" in mine.FREQ
    assert "全面执行超低能耗建筑标准" not in default.FREQ
    assert "全面执行超低能耗建筑标准" in list(mine.cut(TEXT))


@pytest.mark.parametrize("case", ["another user's cache", "a folder we cannot write to"])
def test_a_cache_jieba_cannot_write_is_not_attempted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    # jieba's dump over another user's /tmp/jieba.cache printed a traceback, even under
    # -q, and left its 9 MB draft behind on every run
    cache = tmp_path / "jieba.cache"
    if case == "another user's cache":
        cache.write_bytes(b"unreadable to us")
        real_stat = Path.stat

        def owned_by_another(self: Path, **kwargs: bool) -> object:
            found = real_stat(self, **kwargs)
            if self == cache:
                return type("Stat", (), {"st_uid": found.st_uid + 1})()
            return found

        monkeypatch.setattr(Path, "stat", owned_by_another)
    else:
        monkeypatch.setattr("os.access", lambda *_args, **_kw: False)
    monkeypatch.setattr(jieba.Tokenizer, "initialize", _never)
    before = sorted(p.name for p in tmp_path.iterdir())
    tokenizer = _tokenizer(tmp_path)
    _initialise(tokenizer)
    default = ready_jieba().dt
    assert tokenizer.initialized and (tokenizer.FREQ, tokenizer.total) == (
        default.FREQ,
        default.total,
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written
