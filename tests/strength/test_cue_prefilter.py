"""Cues and their negative contexts tried only where their prefix's first character
stands in the text: the same matches as trying every one."""

from __future__ import annotations

import pytest

from policydiff.models import StructuredVersion
from policydiff.strength import cues
from policydiff.strength.cues import Prefixed, raw_matches, suppress
from policydiff.strength.lexicon import load_lexicon


def _every_one(self: Prefixed, hay: str | None) -> tuple:
    return self.items


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_prefilter_finds_what_trying_every_cue_finds(
    structured: dict[tuple[str, str], StructuredVersion],
    lang: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lex = load_lexicon()
    texts = [s.text for v in structured.values() if v.version.lang == lang for s in v.sentences]
    assert len(texts) > 100
    filtered = [suppress(t, lang, lex, raw_matches(t, lang, lex)) for t in texts]
    index = cues.cue_index(lex, lang)
    tried = [len(index.cue_candidates.candidates(cues._hay(t, lang))) for t in texts]
    if lang == "zh":  # where a character says much, most are left out
        assert sum(tried) < len(texts) * len(index.cues) / 2
    monkeypatch.setattr(Prefixed, "candidates", _every_one)
    assert [suppress(t, lang, lex, raw_matches(t, lang, lex)) for t in texts] == filtered
    assert sum(len(kept) for kept, _ in filtered) > len(texts) / 2  # cues were found
