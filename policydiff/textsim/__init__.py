"""Text similarity: the forms texts are compared in, and the one near-duplicate engine.

:mod:`.normalise` (whitespace folded, lower-cased; comparable sentences),
:mod:`.shingles` (token windows for finding candidates), :mod:`.qgrams` (a cheap upper
bound of a whole-text ratio), :mod:`.near` (what "nearly the same text" means, for one
pair) and :mod:`.pairwise` (the same answers for every pair of a corpus at once). Ingest
uses them to link a new file to a held document or refuse a duplicate; ``policydiff
check`` to find documents held twice.
"""
