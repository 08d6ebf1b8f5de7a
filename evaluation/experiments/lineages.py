"""The gold files the experiments read: (corpus, gold) paths from the repository's root.

``DEVELOPMENT`` is the first development set (the ten urban–rural provinces and Inner
Mongolia); ``TUNED`` adds the selection and the energy, pollution and green-consumption
lineages, every set the rules were set on. The untuned industrial provinces are in neither.
"""

from __future__ import annotations

EXAMPLE = "examples/lineage/corpus"
HELD = "evaluation/test/corpus"
TEST = "evaluation/test/restatement"

DEVELOPMENT = (
    [(EXAMPLE, f"evaluation/dev/restatement/ministry-to-{g}.yaml")
     for g in ("shanghai-yunnan-henan", "chongqing", "guangdong")]
    + [(HELD, f"{TEST}/ministry-to-{g}.yaml")
       for g in ("jilin", "hubei", "liaoning", "hebei", "fujian")]
    + [(HELD, f"{TEST}/nea-to-neimenggu.yaml")]
)  # fmt: skip
TUNED = DEVELOPMENT + [
    (HELD, f"{TEST}/{g}.yaml")
    for g in (
        "ministry-to-shandong-sichuan-tianjin", "ministry-to-ningxia-anhui",
        "ministry-to-heilongjiang", "ministry-to-qinghai", "nea-to-fujian", "nea-to-qinghai",
        "nea-to-shanxi", "mee-to-heilongjiang", "mee-to-shandong", "mee-to-jilin",
        "gc-to-jiangsu", "gc-to-yunnan", "gc-to-guizhou",
    )
]  # fmt: skip

# the children of the untuned industrial lineage, which no experiment compares
UNTUNED = (
    "shanghai-gongye-tandafeng", "sichuan-gongye-tandafeng", "hebei-gongye-tandafeng",
)  # fmt: skip
