"""Document text written into Markdown: inert (every special character escaped) and on
one line. The report (:mod:`policydiff.render.markdown`) and the diff
(:mod:`policydiff.render.diff_formats`) both write it through here."""

from __future__ import annotations

import re

SPECIAL = "\\`*_{}[]<>|~#"  # backslash-escaped wherever document text is written
ESCAPED = str.maketrans({c: f"\\{c}" for c in SPECIAL})
SPACE = re.compile(r"\s+")
_NEEDS_ESCAPE = re.compile(f"[{re.escape(SPECIAL)}]")


def md(text: str) -> str:
    """Document text made inert in Markdown, its whitespace runs made single spaces."""
    # Printable text holds no whitespace but the ASCII space: skip the regex unless needed.
    if not text.isprintable() or "  " in text:
        text = SPACE.sub(" ", text)
    # Most sentences hold none of them: a search is cheaper than translating every character.
    return text.translate(ESCAPED) if _NEEDS_ESCAPE.search(text) else text


def md_marked(text: str, opening: str, closing: str) -> str:
    """``text`` escaped between two markers (``~~``, ``**``, ``<ins>``…), its leading and
    trailing whitespace left outside them (Markdown ignores ``** word**``)."""
    core = text.strip()
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{opening}{md(core)}{closing}{trail}"
