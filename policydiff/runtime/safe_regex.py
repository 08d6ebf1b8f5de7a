"""Regular expressions from files others write (a corpus's ``themes.yaml``, a user's
``--themes FILE``), compiled with google-re2.

Python's ``re`` backtracks: ``(a|aa)+$`` against a line of 38 ``a`` and a ``!`` takes
seconds, and each extra character doubles it, so a catalogue in a pull request could
stall CI. RE2 matches in time linear in the text whatever the pattern, and refuses
what it cannot do in linear time (backreferences, lookaround) when the pattern is
compiled, so a bad pattern is a one-line error at load time rather than a hang at
match time. A per-match timeout would need a thread or a signal per sentence; a
"nested quantifier" check rejects safe patterns and misses unsafe ones. The bundled
catalogue, which only a release can change, keeps ``re`` and its full syntax.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Protocol

import re2

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # RE2 otherwise writes its own complaint to stderr


class MatchLike(Protocol):
    def start(self) -> int: ...
    def end(self) -> int: ...


class PatternLike(Protocol):
    """What theme matching uses of a compiled pattern; ``re`` and ``re2`` both provide it."""

    def search(self, text: str, pos: int = ..., endpos: int = ...) -> MatchLike | None: ...
    def finditer(self, text: str, pos: int = ..., endpos: int = ...) -> Iterator[MatchLike]: ...


class UnsafePattern(ValueError):
    """A pattern that does not compile under the regime it will run in."""


def compile_pattern(text: str, *, trusted: bool) -> PatternLike:
    """``text`` compiled with ``re`` when ``trusted``, else with RE2.

    Raises :class:`UnsafePattern` with the engine's reason when it does not compile."""
    if trusted:
        try:
            return re.compile(text)
        except re.error as exc:
            raise UnsafePattern(str(exc)) from exc
    try:
        return re2.compile(text, _OPTIONS)  # type: ignore[no-any-return]
    except re2.error as exc:
        reason = exc.args[0] if exc.args else "invalid"
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise UnsafePattern(
            f"{reason} (patterns in extra catalogues run under RE2, which has no "
            "backreferences or lookaround)"
        ) from exc
