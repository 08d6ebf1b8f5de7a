"""policydiff: show, with evidence, how the commitments of successive policy documents changed."""

__version__ = "0.1.0"
