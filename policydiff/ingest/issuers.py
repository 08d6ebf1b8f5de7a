"""Who issued a document, at what level of government, for which jurisdiction.

Issuing bodies the glossary knows (``data/glossary.yaml``: 国务院办公厅, the CPC
Central Committee, ministries …) get their canonical English name and their level.
Others are read from their Chinese names: a name that starts with a provincial-level
division (上海市, 云南省, 广西壮族自治区) is provincial and that division its
jurisdiction; another city (X市) is municipal, a county or district (X县, X区) county;
a national body (…部, …委员会, 国家…局) is a ministry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from policydiff.models import LEVELS
from policydiff.runtime.glossary import glossary

# A Chinese name of an issuing body, as it stands alone on a signature line or before
# 关于 in a title: a place or 国家/中共, then the body (or a company that co-signs).
BODY = re.compile(
    r"^(?:中共)?[\u4e00-\u9fff]{1,24}?"
    r"(?:人民政府办公厅|人民政府办公室|人民政府|委员会办公室|办公厅|办公室|委员会|管理委员会"
    r"|总局|局|厅|部|委|署|院|中央|银行"
    # a state company co-signing a notice (国家电网有限公司, 中国国家铁路集团有限公司)
    r"|有限公司|有限责任公司)$"
)
_CENTRAL = ("中共中央", "国务院", "全国人民代表大会", "全国人大", "中央")


@lru_cache(maxsize=1)
def _known() -> tuple[tuple[str, str], ...]:
    """(form, canonical name) of every glossary issuer form, longest first."""
    entries = glossary()["issuers"]
    forms = ((form, entry["name"]) for entry in entries for form in entry["en"] + entry["zh"])
    return tuple(sorted(forms, key=lambda pair: -len(pair[0])))


def known_issuers(text: str) -> list[tuple[int, str]]:
    """(position, canonical name) of every glossary issuer named in ``text``."""
    lowered = text.lower()
    taken = [False] * len(text)
    found: list[tuple[int, str]] = []
    for form, name in _known():
        start = lowered.find(form.lower())
        while start >= 0:
            end = start + len(form)
            if not any(taken[start:end]):
                taken[start:end] = [True] * len(form)
                found.append((start, name))
            start = lowered.find(form.lower(), end)
    return sorted(found)


def chinese_bodies(text: str) -> list[str]:
    """The issuing bodies a Chinese signature line or title prefix names, in order:
    "住房和城乡建设部 国家发展改革委" or "上海市住房和城乡建设管理委员会、上海市发展和改革委员会"."""
    parts = [p for p in re.split(r"[\s、，,]+", text.strip()) if p]
    if not parts or not all(BODY.match(p) for p in parts):
        return []
    return parts


def canonical(names: Iterable[str]) -> tuple[str, ...]:
    """Each name in its glossary form where the glossary knows it, duplicates dropped."""
    out: list[str] = []
    for name in names:
        known = known_issuers(name)
        whole = known[0][1] if len(known) == 1 and _covers(name, known[0][1]) else name
        if whole not in out:
            out.append(whole)
    return tuple(out)


def _covers(name: str, canonical_name: str) -> bool:
    entry = next(e for e in glossary()["issuers"] if e["name"] == canonical_name)
    return name in entry["zh"] or name.lower() in (f.lower() for f in entry["en"])


def province_of(text: str) -> str | None:
    """The provincial-level division ``text`` starts with, if any."""
    return next((p for p in glossary()["provinces"] if text.startswith(p)), None)


# Title openings that are no place name, before a 市 that ends a word (关于推进城市更新…,
# 推动城市绿色发展…): 晋城市 and 运城市 are cities, 推进城市 is not.
_NOT_A_PLACE = (
    "城市",
    "市",
    "关于",
    "推进",
    "推动",
    "加快",
    "深化",
    "全国",
    "促进",
    "加强",
)


def level_and_jurisdiction(issuers: Iterable[str], title: str = "") -> tuple[str, str]:
    """The level of government of the issuers (the highest when they differ) and their
    jurisdiction ("" for central and ministry documents, or when unknown); with no issuer
    known, read from the title ("上海市城乡建设领域碳达峰实施方案": provincial, 上海市)."""
    readings = [_reading(name) for name in issuers]
    readings = [r for r in readings if r[0]]
    if not readings and title:
        province = province_of(title)
        if province:
            return "provincial", province
        city = re.match(r"^([\u4e00-\u9fff]{2,8}?市)", title)
        if city and not title.startswith(_NOT_A_PLACE):
            return "municipal", city.group(1)
        return "", ""
    if not readings:
        return "", ""
    level, place = min(readings, key=lambda r: LEVELS.index(r[0]))
    return level, place


def _reading(name: str) -> tuple[str, str]:
    levels = glossary().get("levels", {})
    if name in levels:
        return levels[name], ""
    if name.startswith(_CENTRAL):
        return "central", ""
    # a Party committee is of its place's level (中共河北省委, 中共太原市委办公厅)
    local = name.removeprefix("中共")
    province = province_of(local)
    if province:
        return "provincial", province
    place = re.match(r"^([\u4e00-\u9fff]{2,8}?(?:市|县|区|州|盟|旗))", local)
    if place and not name.startswith("国家"):
        return ("municipal" if place.group(1)[-1] in "市州盟" else "county"), place.group(1)
    if BODY.match(name):
        return "ministry", ""
    return "", ""
