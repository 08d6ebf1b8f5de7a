"""Readable document ids: ``2021-green-development-urban`` from an English title,
``2022-shanghai-chengxiangjianshe-tandafeng`` (pinyin of the words that say what it is
about) from a Chinese one — never ``2021-document``."""

from __future__ import annotations

import re

from policydiff.ingest.body import ZH_KINDS, ZH_LETTER_KINDS
from policydiff.runtime.jieba_dictionary import ready_jieba  # only Chinese titles load it

TITLE_STOPWORDS = {
    "opinions", "opinion", "on", "of", "the", "and", "a", "an", "for", "in", "to",
    "promoting", "comprehensively", "further", "guiding", "notice", "decision", "plan",
}  # fmt: skip
# Words that say what kind of document it is, or how hard it pushes, not what about.
ZH_STOPWORDS = {
    "关于", "的", "印发", "通知", "意见", "指导意见", "实施意见", "实施方案", "行动方案",
    "工作方案", "方案", "若干", "措施", "具体措施", "办法", "细则", "规划", "计划", "行动计划",
    "决定", "推动", "推进", "加快", "进一步", "全面", "深入", "做好", "切实", "领域", "工作",
    "有关", "实施", "和", "与", "及", "专项", "行动", "试行", "暂行", "转发", "批转", "批复",
    "同意", "通报", "函",
}  # fmt: skip
MAX_WORDS = 3
MAX_LENGTH = 60


def english_slug(title: str) -> str:
    words = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", title.lower())
    kept = [w for w in words if w not in TITLE_STOPWORDS][:MAX_WORDS]
    return "-".join(kept)[:MAX_LENGTH].strip("-")


def chinese_slug(title: str) -> str:
    """Pinyin of the first few content words of a Chinese title, one word per part."""
    from pypinyin import lazy_pinyin

    text = re.sub(r"[（(][^（）()]*[)）]$", "", title.strip())  # （试行）, （2024—2027年）
    text = re.sub(rf"(?:的)?(?:{ZH_KINDS}|{ZH_LETTER_KINDS})$", "", text)
    text = re.sub(r"^(?:转发|批转).*?(?=关于)", "", text)  # what is forwarded is the subject
    text = re.sub(r"^关于", "", text)
    text = re.sub(r"\d{4}\s*(?:[—–\-－~～至]+\s*\d{4})?\s*年度?", "", text)  # 2024—2025年
    text = re.sub(r"[《》“”\"（）()〔〕【】\d—–-]", "", text)
    words = [w for w in ready_jieba().cut(text) if w.strip() and w not in ZH_STOPWORDS]
    parts = []
    for word in words[:MAX_WORDS]:
        word = re.sub(r"(?<=.)(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)$", "", word)
        syllables = "".join(lazy_pinyin(word))
        part = re.sub(r"[^a-z0-9]", "", syllables.lower())
        if part:
            parts.append(part)
    return "-".join(parts)[:MAX_LENGTH].strip("-")


def document_slug(title: str, title_zh: str = "") -> str:
    """The part of an id after its year: from the English title, else the Chinese one."""
    return english_slug(title) or (chinese_slug(title_zh or title) if (title_zh or title) else "")
