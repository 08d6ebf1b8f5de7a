"""The thresholds of alignment (:mod:`.align`, :mod:`.routes`): similarities of a parent
clause and a child clause, in [0, 1] plus the bonuses, shares of character bigrams and counts
of characters.

docs/lineage.md says how each was set and what moving it does.
"""

MATCH = 0.35  # similarity from which a child clause restates a parent clause
# English objects are compared word by word (objects.english_object), where a short object
# comes near another by one word it shares: a child clause restates a parent clause
# from ENGLISH_MATCH, sharing ENGLISH_WORDS of its words (all, where it has fewer)
ENGLISH_MATCH = 0.50
ENGLISH_WORDS = 3
FRAMING_MATCH = 0.50  # ... a parent task, and a clause of the child's guiding ideas or principles
SUPPORT = 0.40  # similarity from which another child clause's targets count too
THEME_BONUS = 0.10  # added when the two clauses mention one theme of the catalogue
VERBATIM = 0.80  # similarity from which a child clause copies a parent clause ...
VERBATIM_GAP = 0.30  # ... and restates no other parent clause less like it by this much
COVER = 0.60  # share of a parent object's bigrams a child clause holds to restate it ...
COVER_FLOOR = 0.20  # ... when no child clause reaches MATCH and it reaches this much
NEAR_FLOOR = 0.10  # beside a sibling, in its own child sentence, from this similarity ...
NEAR_SHARE = 0.25  # ... for a child clause that holds this share of the parent's bigrams
BESIDE_SHARE = 0.10  # share of the parent's bigrams a clause beside holds from COVER_FLOOR
KIND_NEAR = 0.20  # similarity of a child clause to the parent clause naming its other kind
HEAD_RUN = 3  # characters before a head that two objects share for another head to differ
HEAD_MIN = 4  # characters of a parent's object that another clause of a sentence ends on
