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


def chinese_issuer_name(name: str) -> str:
    """The Chinese name the glossary gives first for the issuing body ``name`` names in
    any of its forms (国家发展和改革委员会, NDRC, National Development and Reform
    Commission: 国家发展改革委); ``name`` itself where the glossary does not know it."""
    for entry in glossary()["issuers"]:
        forms = [*entry["zh"], *(form.lower() for form in [entry["name"], *entry["en"]])]
        if (name in forms or name.lower() in forms) and entry["zh"]:
            return str(entry["zh"][0])
    return name
