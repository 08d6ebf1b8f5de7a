"""Typed records that cross every stage boundary.

Everything here is a frozen dataclass: stages take these in and hand new ones
out, never mutate them. Offsets are character offsets into a version's clean
text, half-open ``[start, end)``.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import operator
import re
from dataclasses import dataclass, field
from typing import TypeVar

_Record = TypeVar("_Record")


def pickled_by_fields(cls: type[_Record]) -> type[_Record]:
    """``cls`` (a dataclass) pickled as its fields in order, rebuilt by ``__init__``.

    A slotted dataclass's own pickling calls dataclasses.fields() in Python for every
    object; another's pickles its ``__dict__``, each field's name with its value. A report
    sends, spills and reads back tens of thousands of points, each with its evidence (the
    commitments, their mentions, scores, cues and targets): by fields they pickle smaller
    and faster (benchmarks/NOTES.md)."""
    fields_of = operator.attrgetter(*(f.name for f in dataclasses.fields(cls)))  # type: ignore[arg-type]

    def __reduce__(self: _Record) -> tuple[type[_Record], tuple[object, ...]]:
        return cls, fields_of(self)

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls


LANGUAGES = ("en", "zh")
VERSION_KINDS = ("original", "translation")
# Levels of government, highest first.
LEVELS = ("central", "ministry", "provincial", "municipal", "county")


# An issue date as document.yaml and ``ingest --date`` write it: a day, or only the month
# or the year when the day is not known (ISO 8601 reduced precision), with "~" after it
# when the date is an estimate (ISO 8601-2's approximate mark); the source says why.
_WRITTEN_DATE = re.compile(
    r"(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?(?P<mark>~?)"
)
# How far an estimated date may be off, each way, when it is the only evidence that one
# document came after another.
ESTIMATE_SLACK = dt.timedelta(days=366)
DATE_FORMS = "YYYY-MM-DD, or YYYY-MM or YYYY when the day is not known, with ~ after an estimate"


@dataclass(frozen=True)
class IssueDate:
    """An issue date as written, with the first and last day it allows."""

    written: str
    earliest: dt.date
    latest: dt.date
    estimated: bool

    @property
    def exact(self) -> bool:
        return not self.estimated and self.earliest == self.latest

    @property
    def unless_exact(self) -> str:
        """As written, or "" for an exact day (what :attr:`Document.date_written` holds)."""
        return "" if self.exact else self.written

    @property
    def shown(self) -> str:
        """For readers: "2022-06", "≈2022-12" for an estimate."""
        return ("≈" if self.estimated else "") + self.written.removesuffix("~")

    def surely_after(self, other: IssueDate) -> bool:
        """Whether it is after every day ``other`` allows, by more than a year where either
        is an estimate."""
        slack = ESTIMATE_SLACK if self.estimated or other.estimated else dt.timedelta(0)
        return self.earliest - slack > other.latest

    def may_be(self, other: IssueDate) -> bool:
        """Whether the two may be the same day (an estimate within a year of it may)."""
        return not (self.surely_after(other) or other.surely_after(self))

    @classmethod
    def of_day(cls, day: dt.date) -> IssueDate:
        return cls(day.isoformat(), day, day, False)


def read_issue_date(text: str) -> IssueDate:
    """``text`` as an :class:`IssueDate`; ValueError says why it is not one."""
    match = _WRITTEN_DATE.fullmatch(text)
    if not match:
        raise ValueError(f"must be written {DATE_FORMS}, not {text!r}")
    year, month, day = (match.group(name) for name in ("year", "month", "day"))
    try:
        earliest = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise ValueError(f"{text} is not a real date") from None
    if day:
        latest = earliest
    elif month:
        latest = earliest.replace(day=calendar.monthrange(earliest.year, earliest.month)[1])
    else:
        latest = earliest.replace(month=12, day=31)
    return IssueDate(text, earliest, latest, bool(match.group("mark")))


def shown_date(written: str) -> str:
    """A date as records carry it (ISO, or as written when not an exact day), for readers."""
    try:
        return read_issue_date(written).shown
    except ValueError:
        return written


def earliest_day(written: str) -> dt.date:
    """The first day a date as records carry it allows: where a chart places it."""
    return read_issue_date(written).earliest


@dataclass(frozen=True)
class Version:
    """One text of a document: a language, original or translation, whole or fragment."""

    key: str  # unique within the document, also the file stem: "en", "zh", "en-2"
    lang: str  # one of LANGUAGES
    kind: str  # one of VERSION_KINDS
    complete: bool
    source: str
    text: str
    note: str = ""  # e.g. "commentary before the official text removed"

    @property
    def filename(self) -> str:
        return f"{self.key}.txt"


@dataclass(frozen=True)
class Document:
    """One policy instrument: one point on the timeline."""

    id: str
    title: str
    issuers: tuple[str, ...]
    date: dt.date
    versions: tuple[Version, ...]
    source: str = ""
    title_zh: str = ""
    published: dt.date | None = None
    doc_number: str = ""  # 发文字号, e.g. 建标〔2022〕53号
    level: str = ""  # one of LEVELS, "" when unknown
    jurisdiction: str = ""  # e.g. 上海市; "" for central and ministry documents
    # Lineage, as declared in document.yaml (docs/lineage.md): the series the document's
    # timeline runs in ("" for the default: issuer level and jurisdiction) and the held
    # documents it implements (None: those its citations name; a tuple overrides them).
    series: str = ""
    parents: tuple[str, ...] | None = None
    # ``date`` is the first day the issue date allows; this is the date as written when it
    # is not one exact day ("2022-06", "2022-12~"), "" when it is.
    date_written: str = ""

    def title_in(self, lang: str) -> str:
        """The title in ``lang``: the Chinese title for Chinese, where there is one."""
        return self.title_zh if lang == "zh" and self.title_zh else self.title

    def __post_init__(self) -> None:
        # one date in two fields: a record whose fields disagree is refused where it is made
        if self.date_written and read_issue_date(self.date_written).earliest != self.date:
            raise ValueError(
                f"{self.id}: date {self.date} is not the first day of {self.date_written}"
            )

    @property
    def issue_date(self) -> IssueDate:
        return read_issue_date(self.date_text)

    @property
    def date_text(self) -> str:
        """The issue date as written: ISO for a day, "2022-06" or "2022-12~" otherwise."""
        return self.date_written or self.date.isoformat()

    @property
    def shown_date(self) -> str:
        return self.issue_date.shown

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted({v.lang for v in self.versions}))

    def version(self, lang: str | None = None, *, complete_only: bool = True) -> Version | None:
        """The primary version in ``lang`` (or overall): the original first, then complete ones."""
        candidates = [v for v in self.versions if lang is None or v.lang == lang]
        if complete_only and any(v.complete for v in candidates):
            candidates = [v for v in candidates if v.complete]
        if not candidates:
            return None
        return sorted(candidates, key=lambda v: (v.kind != "original", not v.complete, v.key))[0]

    def analysed_versions(self) -> list[Version]:
        """The versions whose commitments are read: the complete ones, else all."""
        complete = [v for v in self.versions if v.complete]
        return complete or list(self.versions)

    def scored_version(self) -> Version:
        """The version the document's strength is scored on, and its mentions counted in:
        of :meth:`analysed_versions`, the original, a Chinese one first."""
        return sorted(
            self.analysed_versions(), key=lambda v: (v.kind != "original", v.lang != "zh", v.key)
        )[0]


@dataclass(frozen=True)
class Sentence:
    """A sentence of a provision; ``text == clean_text[start:end]``."""

    provision_id: str
    index: int  # 1-based within the provision
    start: int
    end: int
    text: str

    @property
    def id(self) -> str:
        return f"{self.provision_id}#{self.index}"


@dataclass(frozen=True)
class Provision:
    """A numbered (or headed, or preamble) block of a version's text.

    ``id`` is stable and language-neutral where the numbering allows it
    ("III.1" for item 1 of part three, in English and Chinese alike).
    ``path`` is the human-readable section path, outermost first.
    """

    id: str
    label: str  # the numbering as written: "(1)", "一、", "Second,", "" for none
    heading: str  # the provision's own title, "" when it has none
    level: int  # 0 preamble, 1 part, 2 item, 3 sub-item
    parent: str | None
    start: int
    end: int
    sentences: tuple[Sentence, ...] = ()
    path: tuple[str, ...] = field(default_factory=tuple)

    @property
    def location(self) -> str:
        return " > ".join(self.path) if self.path else self.id


@dataclass(frozen=True)
class StructuredVersion:
    """A version parsed into provisions and sentences."""

    document_id: str
    version: Version
    provisions: tuple[Provision, ...]

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for p in self.provisions for s in p.sentences)

    def provision(self, provision_id: str) -> Provision | None:
        return next((p for p in self.provisions if p.id == provision_id), None)
