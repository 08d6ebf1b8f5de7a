"""Renderers for the terminal (rich): the evolution, a diff, themes and alignments."""
