"""Restatement: how a child document restates the commitments of a parent it implements.

:mod:`.clauses` (a document's commitments at clause level), :mod:`.align` (parent
clauses matched to child clauses, many to many), :mod:`.verdict` (restated,
strengthened, weakened, omitted: the rules of docs/lineage.md), :mod:`.compare` (one
parent and one child), :mod:`.fidelity` (one parent and all its children).
"""
