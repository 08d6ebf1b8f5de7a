"""Web debris still in a version's clean text: what ingest should have removed."""

from __future__ import annotations

import re

from policydiff.ingest.clean import INLINE_DEBRIS, debris_kind

PHONE_INLINE = re.compile(
    r"(?:\b(?:tel|phone|fax|hotline)\b|电话|传真|热线)\.?\s*[:：]?\s*\+?\(?\d[\d\s()\-–]{6,}\d",
    re.IGNORECASE,
)


def debris_lines(text: str) -> list[tuple[int, str]]:
    """(line number, message) of every line that still carries web debris: a line
    ingest's cleaner would remove (an e-mail address inside a sentence is the sentence's,
    as ingest keeps it), or a labelled phone number anywhere in a line."""
    found = []
    before = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        kind = debris_kind(line, before)
        before = line or before
        if kind is None and PHONE_INLINE.search(line):
            kind = "phone"
        if kind is None:
            kind = next((name for name, rx in INLINE_DEBRIS if rx.search(line)), None)
        if kind:
            shown = line if len(line) <= 60 else line[:57] + "..."
            found.append((number, f"web debris left in ({kind}): {shown!r}"))
    return found
