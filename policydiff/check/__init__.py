"""``policydiff check``: the CI gate (:mod:`.run`), its result and exit codes (:mod:`.result`)."""

from __future__ import annotations

from policydiff.check.result import CheckResult, Finding, ThemeChange, parse_fail_on
from policydiff.check.run import run_check

__all__ = ["CheckResult", "Finding", "ThemeChange", "parse_fail_on", "run_check"]
