"""Every view of a fidelity matrix titles its documents in the language they were read in."""

from __future__ import annotations

from policydiff.corpus import Corpus
from policydiff.render.fidelity_formats import fidelity_dict, fidelity_html, fidelity_markdown
from policydiff.restatement.fidelity import fidelity
from policydiff.themes import load_catalogue
from tests.conftest import DOC_2021, DOC_2023


def test_an_english_reading_is_titled_in_english(bundled_corpus: Corpus) -> None:
    parent, child = bundled_corpus.get(DOC_2021), bundled_corpus.get(DOC_2023)
    assert parent.title_zh  # the parent has a Chinese title the English views must not give
    english = fidelity(parent, [child], load_catalogue(), lang="en")
    assert english.lang == "en" and english.parent_title == parent.title
    data = fidelity_dict(english)
    assert data["parent"]["title"] == parent.title
    assert data["children"][0]["title"] == child.title
    assert parent.title in fidelity_markdown(english)
    html = fidelity_html(english)
    assert f"<span lang=en>{parent.title}</span>" in html and parent.title_zh not in html
    assert "lang=zh" not in html  # the quotes are English too
    # with no child compared, the language asked for still decides
    assert fidelity(parent, [], load_catalogue(), lang="en").parent_title == parent.title
    assert fidelity(parent, [], load_catalogue(), lang="zh").parent_title == parent.title_zh
