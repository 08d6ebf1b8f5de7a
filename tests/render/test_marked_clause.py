"""The clause a fidelity cell is about, marked in its sentence (the HTML matrix)."""

from __future__ import annotations

from policydiff.render.fidelity_formats import marked_in
from policydiff.restatement.clauses import Clause


def _clause(sentence: str, start: int, end: int) -> Clause:
    return Clause(
        index=0, provision_id="II.1", location="II > II.1", sentence_index=0,
        sentence=sentence, start=start, end=end, cue="推进", level=2, strength=2.0,
        restriction=False, negated=False, targets=(), themes=(), heading=False,
    )  # fmt: skip


def test_the_clause_is_marked_at_its_own_place_when_its_words_come_twice() -> None:
    sentence = "推进<既有建筑>改造，到2030年推进<既有建筑>改造"
    second = sentence.rindex("推进")
    html = marked_in(_clause(sentence, second, len(sentence)))
    assert html == ("推进&lt;既有建筑&gt;改造，到2030年<b>推进&lt;既有建筑&gt;改造</b>")


def test_a_whole_sentence_clause_is_all_bold_and_escaped() -> None:
    sentence = '严格控制"两高"项目 & <script>'
    assert marked_in(_clause(sentence, 0, len(sentence))) == (
        "<b>严格控制&quot;两高&quot;项目 &amp; &lt;script&gt;</b>"
    )
