"""What a reader is told about issue dates not known to the day."""

from __future__ import annotations

from collections.abc import Iterable

from policydiff.models import read_issue_date

DATES_NOTE = (
    "≈ marks an estimated issue date; 2022-06 or 2022 one known only to its month or year "
    "(each document's source says what its date rests on)."
)


def dates_note(written: Iterable[str]) -> str:
    """:data:`DATES_NOTE` where any of the dates (as records carry them) is not an exact
    day, else ""."""
    return DATES_NOTE if any(not read_issue_date(w).exact for w in written) else ""
