"""Analysis: commitments, verdicts and the evolution of every theme over a corpus.

:mod:`.commitments` (a theme mention with its strength), :mod:`.agreement` (English and
Chinese read one level?), :mod:`.verdicts` (the one verdict definition), :mod:`.model`
(the evolution's records), :mod:`.points`, :mod:`.build` (the evolution of a corpus,
cached and fanned out), :mod:`.cache` and :mod:`.codec` (what is kept between runs),
:mod:`.digests`, :mod:`.periods` (a long timeline by year), :mod:`.mentions` (themes
across the timeline, for ``policydiff themes``).
"""

from __future__ import annotations

from policydiff.analysis.build import build_evolution
from policydiff.analysis.commitments import Commitment, find_commitments, strongest
from policydiff.analysis.model import Change, DocumentRef, Evolution, Inputs, Point, ThemeEvolution
from policydiff.analysis.verdicts import STEP, Verdict, verdict

__all__ = [
    "STEP",
    "Change",
    "Commitment",
    "DocumentRef",
    "Evolution",
    "Inputs",
    "Point",
    "ThemeEvolution",
    "Verdict",
    "build_evolution",
    "find_commitments",
    "strongest",
    "verdict",
]
