"""Restatement: how a child document restates the commitments of a parent it implements.

:mod:`.clauses` (a document's commitments at clause level; :mod:`.frames`, what a clause
opens on), :mod:`.objects` (what a clause is about), :mod:`.align` (parent clauses matched to
child clauses, many to many; :mod:`.sections`, where a child keeps a parent provision;
:mod:`.statements`, what a child states without a directive), :mod:`.verdict` (restated,
strengthened, weakened, omitted: the rules of docs/lineage.md), :mod:`.compare` (one
parent and one child), :mod:`.fidelity` (one parent and all its children).
"""
