"""What check concludes: the --fail-on vocabulary."""

from __future__ import annotations

import pytest

from policydiff.check.result import parse_fail_on
from policydiff.errors import UsageError


def test_fail_on_parses_a_list_and_refuses_unknown_verdicts() -> None:
    assert parse_fail_on("weakened, dropped,weakened") == ("weakened", "dropped")
    assert parse_fail_on(None) == ()
    # a blank value (an unset variable in a CI script) gates on nothing: refused too
    for bad in ("weaker", "weakened,unchanged", ",", "", " "):
        with pytest.raises(UsageError, match="--fail-on: unknown verdict"):
            parse_fail_on(bad)
