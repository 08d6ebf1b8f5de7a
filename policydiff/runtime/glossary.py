"""The bilingual glossary (``data/glossary.yaml``): issuing bodies, their levels, the
provincial-level divisions, and the anchor terms that tie a translation to its original."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from policydiff.runtime.untrusted import safe_load


@lru_cache(maxsize=1)
def glossary() -> dict[str, Any]:
    text = resources.files("policydiff").joinpath("data/glossary.yaml").read_text(encoding="utf-8")
    data = safe_load(text)
    assert isinstance(data, dict)
    return data
