"""What ``policydiff check`` concludes: findings, theme changes, and the exit code.

Exit codes (:attr:`CheckResult.exit_code` for 0 and 1; the CLI maps a raised
:class:`~policydiff.errors.PolicydiffError` to 2):

=====  ==================================================================
0      clean: no errors (warnings allowed), reports current, no --fail-on hit
1      findings: an invalid corpus, stale or missing reports, or a
       ``--fail-on`` verdict met by a new or changed document
2      usage or input error: a bad ``--fail-on`` value, an unknown git ref,
       git missing, a corpus path that is not a folder
=====  ==================================================================
"""

from __future__ import annotations

from dataclasses import dataclass, field

from policydiff.analysis.verdicts import MOVES, ORDER_UNCERTAIN, Verdict
from policydiff.errors import UsageError


@dataclass(frozen=True)
class Finding:
    path: str  # the file (with ":line" when one line is at fault) or folder
    message: str
    kind: str  # metadata, debris, structure, duplicate, consistency, stray, reports, fail-on
    severity: str = "error"  # or "warning"

    def line(self) -> str:
        return f"{self.path}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class ThemeChange:
    """What one new or changed document did to one theme, against the document before it."""

    document: str
    theme: str
    label: str
    verdict: Verdict
    from_document: str
    from_cue: str | None
    from_strength: float | None
    to_cue: str | None
    to_strength: float | None
    delta: float | None
    sentence: str  # the evidence: the new document's sentence (the old one's when dropped)
    # documents of the series between the last mention and this one that do not mention
    # the theme: the comparison runs across them ("since last mention")
    skipped: tuple[str, ...] = ()
    # for an absence: the later document of the series that mentions the theme again, so
    # that this is a gap, not a drop
    resumed_in: str = ""
    # the committed report holds this verdict between the same two documents: an edited
    # document kept it, so it is reported and fails no --fail-on
    as_before: bool = False
    # the two documents may have been issued in either order (Evolution.order_uncertain)
    order_uncertain: bool = False
    # the evidence on each side: the sentence of the strongest commitment and where it
    # stands (version · section path); "" on the side that does not mention the theme
    from_sentence: str = ""
    from_location: str = ""
    to_sentence: str = ""
    to_location: str = ""

    @property
    def is_gap(self) -> bool:
        return bool(self.resumed_in)

    def fails(self, fail_on: tuple[Verdict, ...]) -> bool:
        """Whether this change meets ``--fail-on``: a gap and a verdict kept do not."""
        return self.verdict in fail_on and not self.is_gap and not self.as_before

    def describe(self) -> str:
        """``'推动 (promote)' 2.0 in A -> 'Explore' 1.0, delta -1.0``."""
        before = f"{self.from_cue!r} {self.from_strength}" if self.from_cue else "absent"
        after = f"{self.to_cue!r} {self.to_strength}" if self.to_cue else "absent"
        delta = f", delta {self.delta:+}" if self.delta is not None else ""
        gap = f" (not mentioned in {', '.join(self.skipped)})" if self.skipped else ""
        resumed = f" (a gap: mentioned again in {self.resumed_in})" if self.resumed_in else ""
        kept = " (as the committed report has it)" if self.as_before else ""
        order = f" ({ORDER_UNCERTAIN})" if self.order_uncertain else ""
        return f"{before} in {self.from_document}{gap} -> {after}{delta}{resumed}{kept}{order}"

    def evidence(self) -> list[tuple[str, str, str]]:
        """(document, location, sentence) of each side that mentions the theme, older first."""
        sides = [
            (self.from_document, self.from_location, self.from_sentence),
            (self.document, self.to_location, self.to_sentence),
        ]
        return [side for side in sides if side[2]]


@dataclass(frozen=True)
class CheckResult:
    corpus: str
    documents: int
    since: str  # "git ref X" or the committed report
    new: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]
    changes: tuple[ThemeChange, ...]
    findings: tuple[Finding, ...]
    fail_on: tuple[Verdict, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)
    # the new or changed documents no earlier document of their series precedes, each with
    # its series: nothing to compare them with
    first_of_series: tuple[tuple[str, str], ...] = ()
    # the documents after a new or changed one in their series, each with the one it now
    # follows: their verdicts against it are new too
    recompared: tuple[tuple[str, str], ...] = ()

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "warning")

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


def parse_fail_on(value: str | None) -> tuple[Verdict, ...]:
    """``"weakened,dropped"`` -> ``(WEAKENED, DROPPED)``; a UsageError for anything else."""
    if value is None:
        return ()
    verdicts = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    unknown = [v for v in verdicts if v not in MOVES]
    if unknown or not verdicts:
        # a blank value (--fail-on "$UNSET_VARIABLE") would gate on nothing, unsaid
        shown = repr(unknown[0]) if unknown else f"{value!r}: no verdict given"
        raise UsageError(
            f"--fail-on: unknown verdict {shown} (use a comma-separated list of {', '.join(MOVES)})"
        )
    return tuple(Verdict(v) for v in verdicts)
