"""Deterministic synthetic corpora recombined from the bundled documents.

Every synthetic document is built with ``random.Random(seed)`` from provisions of the
real versions in ``corpus/``:

* a preamble of perturbed preamble sentences, then 3-7 parts, each a heading and either
  2-6 numbered items (shuffled, drawn from the real items) or 1-2 plain paragraphs;
* numbering styles are those of the sources: parts ``I.`` / ``1、`` / ``Second,``
  (English), ``一、`` (Chinese); items ``(1)`` / ``1.`` restarting per part or numbered
  continuously through the document (English), ``（一）`` (Chinese);
* words are perturbed: commitment cue words swapped from a small list, numbers and
  years shifted;
* no sentence appears twice in one document (a repeat is perturbed again, and as a last
  resort given a distinguishing qualifier); recombined from three documents, the corpus
  repeats most sentences across documents (seven in eight at 1,000 documents, where real
  lineages repeat about one in ten), and with ``distinct`` no sentence appears twice in
  the whole corpus, the stricter case for an analysis that reuses what it has read;
* dates run from 2000-01-01, one document every 3 days; about one document in three
  also gets a Chinese original built the same way from the Chinese text.

:func:`build_corpus` writes the documents with :func:`policydiff.corpus.write_document`
(no ingest) and, optionally, the same texts as raw files (a header with title and date
above the body) for the ingest benchmark. :func:`large_pair` builds two large related
versions (old and new) by concatenating synthetic documents.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from policydiff.corpus import load_corpus, write_document
from policydiff.models import Document, Version
from policydiff.structure import structure_version
from policydiff.structure.numbering import to_roman

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
START = dt.date(2000, 1, 1)
DAYS_APART = 3
# The corpus refuses dates in the future: past this many days the dates start again at
# START (several documents a day), so corpora of up to 3,165 documents are as they were.
SPAN_DAYS = (dt.date(2025, 12, 31) - START).days
ZH_EVERY = 3  # about one document in three also gets a Chinese version

CUES = {
    "en": [
        "promote",
        "accelerate",
        "vigorously promote",
        "strictly",
        "actively",
        "encourage",
        "support",
        "steadily advance",
        "explore",
        "strengthen",
    ],
    "zh": ["推进", "加快", "大力推进", "严格", "积极", "鼓励", "支持", "稳步推进", "探索", "加强"],
}
QUALIFIERS = {
    "en": [
        "in pilot area No. {n}",
        "under work plan {n}",
        "in batch {n} of the pilot programme",
        "according to measure {n}",
    ],
    "zh": ["在第{n}批试点地区", "按照第{n}号工作方案", "在第{n}个示范区"],
}
EN_ORDINALS = [
    "First",
    "Second",
    "Third",
    "Fourth",
    "Fifth",
    "Sixth",
    "Seventh",
    "Eighth",
    "Ninth",
    "Tenth",
]
ZH_DIGITS = "零一二三四五六七八九"
_NUMBER = re.compile(r"(?<![\w.])(\d{1,4})(?![\w.])")
_EN_WORD = re.compile(r"\b\w+\b")


def zh_numeral(n: int) -> str:
    if n < 10:
        return ZH_DIGITS[n]
    if n < 20:
        return "十" + (ZH_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return ZH_DIGITS[n // 10] + "十" + (ZH_DIGITS[n % 10] if n % 10 else "")
    return str(n)


@dataclass
class Item:
    heading: str
    sentences: list[str]


@dataclass
class Part:
    heading: str
    items: list[Item]
    paragraphs: list[list[str]]


@dataclass
class Pool:
    """Material of one language gathered from the real versions."""

    lang: str
    preamble: list[str]
    part_headings: list[str]
    items: list[Item]
    paragraphs: list[list[str]]


def _clean_sentence(text: str) -> str:
    return " ".join(text.split())


def load_pools(corpus_path: Path = CORPUS) -> dict[str, Pool]:
    pools = {lang: Pool(lang, [], [], [], []) for lang in ("en", "zh")}
    for document in load_corpus(corpus_path):
        for version in document.versions:
            if not version.complete:
                continue
            pool = pools[version.lang]
            sv = structure_version(document.id, version)
            for p in sv.provisions:
                sentences = [_clean_sentence(s.text) for s in p.sentences if s.text.strip()]
                if p.level == 0:
                    pool.preamble.extend(sentences)
                elif p.level == 1:
                    if p.heading:
                        pool.part_headings.append(_clean_sentence(p.heading).rstrip(".。"))
                    body = sentences[1:] if p.heading and sentences else sentences
                    if len(body) >= 2:
                        pool.paragraphs.append(body)
                elif p.level >= 2 and p.heading:
                    body = sentences[1:] if sentences else []
                    if body:
                        pool.items.append(Item(_clean_sentence(p.heading).rstrip(".。"), body))
    return pools


class Perturber:
    """Perturbs sentences and keeps every sentence of one document distinct."""

    def __init__(self, rng: random.Random, lang: str, seen: set[str] | None = None) -> None:
        self.rng = rng
        self.lang = lang
        self.seen: set[str] = set() if seen is None else seen
        cues = sorted(CUES[lang], key=len, reverse=True)
        if lang == "zh":
            self.cue_rx = re.compile("|".join(map(re.escape, cues)))
        else:
            self.cue_rx = re.compile(
                r"\b(" + "|".join(map(re.escape, cues)) + r")\b", re.IGNORECASE
            )

    def _swap_cue(self, text: str) -> str:
        matches = list(self.cue_rx.finditer(text))
        if not matches:
            return text
        m = self.rng.choice(matches)
        new = self.rng.choice(CUES[self.lang])
        if self.lang == "en" and m.group(0)[:1].isupper():
            new = new[:1].upper() + new[1:]
        return text[: m.start()] + new + text[m.end() :]

    def _shift_numbers(self, text: str) -> str:
        def shift(m: re.Match[str]) -> str:
            n = int(m.group(1))
            if 1990 <= n <= 2060:
                return str(n + self.rng.choice((-5, -3, -2, -1, 1, 2, 3, 5)))
            return str(max(1, n + self.rng.choice((-2, -1, 1, 2, 5, 10))))

        return _NUMBER.sub(shift, text)

    def _qualify(self, text: str) -> str:
        q = self.rng.choice(QUALIFIERS[self.lang]).format(n=self.rng.randrange(1, 100_000))
        if self.lang == "zh":
            return q + "，" + text
        end = len(text.rstrip(".;:!?"))
        return f"{text[:end]} {q}{text[end:]}"

    def sentence(self, text: str, p_cue: float = 0.35, p_num: float = 0.3) -> str:
        out = text
        if self.rng.random() < p_cue:
            out = self._swap_cue(out)
        if self.rng.random() < p_num:
            out = self._shift_numbers(out)
        tries = 0
        while out in self.seen:
            tries += 1
            out = self._shift_numbers(self._swap_cue(out)) if tries < 4 else self._qualify(out)
        self.seen.add(out)
        return out

    def heading(self, text: str) -> str:
        out = text
        if self.rng.random() < 0.3:
            out = self._swap_cue(out)
        tries = 0
        while out in self.seen:
            tries += 1
            out = self._swap_cue(out) if tries < 3 else self._qualify(out)
        self.seen.add(out)
        return out


def _pick_parts(pool: Pool, rng: random.Random, perturb: Perturber, n_parts: int) -> list[Part]:
    parts = []
    for _ in range(n_parts):
        heading = perturb.heading(rng.choice(pool.part_headings))
        if rng.random() < 0.15 and pool.paragraphs:
            paras = [
                [perturb.sentence(s) for s in para]
                for para in rng.sample(
                    pool.paragraphs, k=min(len(pool.paragraphs), rng.randint(1, 2))
                )
            ]
            parts.append(Part(heading, [], paras))
            continue
        items = []
        for src in rng.sample(pool.items, k=min(len(pool.items), rng.randint(2, 6))):
            keep = [s for s in src.sentences if rng.random() < 0.85] or src.sentences[:1]
            if len(keep) > 2 and rng.random() < 0.3:
                i = rng.randrange(len(keep) - 1)
                keep[i], keep[i + 1] = keep[i + 1], keep[i]
            items.append(Item(perturb.heading(src.heading), [perturb.sentence(s) for s in keep]))
        parts.append(Part(heading, items, []))
    return parts


def render(lang: str, preamble: list[str], parts: list[Part], style: dict[str, str]) -> str:
    """The clean text, one paragraph per line, numbered in ``style``."""
    sep = "" if lang == "zh" else " "
    lines = [sep.join(preamble)] if preamble else []
    item_no = 0
    for pi, part in enumerate(parts, start=1):
        if lang == "zh":
            label = f"{zh_numeral(pi)}、"
        elif style["part"] == "roman":
            label = f"{to_roman(pi)}."
        elif style["part"] == "ordinal" and pi <= len(EN_ORDINALS):
            label = f"{EN_ORDINALS[pi - 1]},"
        else:
            label = f"{pi}、"
        lines.append(f"{label}{'' if lang == 'zh' else ' '}{part.heading}")
        if style["items"] == "restart":
            item_no = 0
        for item in part.items:
            item_no += 1
            if lang == "zh":
                ilabel = f"（{zh_numeral(item_no)}）"
                lines.append(f"{ilabel}{item.heading}。{''.join(item.sentences)}")
            else:
                ilabel = f"({item_no})" if style["item"] == "paren" else f"{item_no}."
                lines.append(f"{ilabel} {item.heading}. {' '.join(item.sentences)}")
        for para in part.paragraphs:
            lines.append(sep.join(para))
    return "".join(f"{line}\n" for line in lines)


def _style(rng: random.Random, n_parts: int) -> dict[str, str]:
    part = rng.choice(
        ["roman", "roman", "arabic", "ordinal"] if n_parts <= 10 else ["roman", "arabic"]
    )
    # ordinal parts ("Second, ...") come with "1." items in the source; the others with "(1)".
    item = "dot" if part == "ordinal" else rng.choice(["paren", "paren", "dot"])
    items = (
        "continuous"
        if part == "arabic" and item == "paren"
        else rng.choice(["restart", "restart", "continuous"])
    )
    return {"part": part, "item": item, "items": items}


def make_version_text(
    pool: Pool, rng: random.Random, n_parts: int | None = None, seen: set[str] | None = None
) -> str:
    """One version's text; ``seen``: sentences of other documents it must not repeat."""
    perturb = Perturber(rng, pool.lang, seen)
    n_parts = n_parts or rng.randint(3, 7)
    preamble = [
        perturb.sentence(s)
        for s in rng.sample(pool.preamble, k=min(len(pool.preamble), rng.randint(2, 4)))
    ]
    parts = _pick_parts(pool, rng, perturb, n_parts)
    return render(pool.lang, preamble, parts, _style(rng, n_parts))


@dataclass(frozen=True)
class SynthDoc:
    document: Document
    title: str
    title_zh: str


def synthetic_date(i: int) -> dt.date:
    """The date of the i-th synthetic document: :data:`DAYS_APART` days after the one
    before, within :data:`SPAN_DAYS` of :data:`START`."""
    return START + dt.timedelta(days=(DAYS_APART * i) % SPAN_DAYS)


def doc_id(i: int) -> str:
    return f"{synthetic_date(i).year}-synthetic-{i:05d}"


def synthetic_documents(
    n: int, seed: int = 0, pools: dict[str, Pool] | None = None, distinct: bool = False
) -> Iterator[SynthDoc]:
    """``distinct``: no sentence repeats anywhere in the ``n`` documents."""
    pools = pools or load_pools()
    seen: dict[str, set[str] | None] = {
        "en": set() if distinct else None,
        "zh": set() if distinct else None,
    }
    for i in range(n):
        rng = random.Random(f"{seed}:{i}")
        date = synthetic_date(i)
        subject = rng.choice(pools["en"].part_headings).rstrip(".")
        title = f"Opinions on {subject} (synthetic {i})"
        title_zh = f"关于{rng.choice(pools['zh'].part_headings)}的意见（第{i}号）"
        versions = [
            Version(
                key="en",
                lang="en",
                kind="translation",
                complete=True,
                source=f"synthetic en seed {seed}:{i}",
                text=make_version_text(pools["en"], rng, seen=seen["en"]),
            )
        ]
        if i % ZH_EVERY == 0:
            versions.insert(
                0,
                Version(
                    key="zh",
                    lang="zh",
                    kind="original",
                    complete=True,
                    source=f"synthetic zh seed {seed}:{i}",
                    text=make_version_text(pools["zh"], rng, seen=seen["zh"]),
                ),
            )
        yield SynthDoc(
            Document(
                id=doc_id(i),
                title=title,
                title_zh=title_zh if i % ZH_EVERY == 0 else "",
                issuers=("General Office of the State Council",),
                date=date,
                source=f"synthetic seed {seed}:{i}",
                versions=tuple(versions),
            ),
            title,
            title_zh,
        )


def raw_text(doc: Document, version: Version) -> str:
    """A raw file as a user would save it: title line, date line, then the body."""
    d = doc.date
    if version.lang == "zh":
        return f"国务院办公厅{doc.title_zh}\n（{d.year}年{d.month}月{d.day}日）\n\n{version.text}"
    return f"{doc.title}\n({d.strftime('%B')} {d.day}, {d.year})\n\n{version.text}"


def build_corpus(
    n: int,
    corpus_path: Path,
    raw_dir: Path | None = None,
    seed: int = 0,
    raw_limit: int | None = None,
    distinct: bool = False,
) -> dict[str, int]:
    """Write ``n`` synthetic documents to ``corpus_path`` (and raw files to ``raw_dir``)."""
    stats = {"documents": 0, "versions": 0, "bytes": 0, "raw_files": 0}
    pools = load_pools()
    for k, sd in enumerate(synthetic_documents(n, seed, pools, distinct)):
        write_document(corpus_path, sd.document)
        stats["documents"] += 1
        for v in sd.document.versions:
            stats["versions"] += 1
            stats["bytes"] += len(v.text.encode("utf-8"))
            if raw_dir is not None and (raw_limit is None or k < raw_limit):
                raw_dir.mkdir(parents=True, exist_ok=True)
                # the original first, so a translation links to it
                order = 0 if v.lang == "zh" else 1
                (raw_dir / f"{k:05d}-{order}-{v.key}.txt").write_text(
                    raw_text(sd.document, v), encoding="utf-8"
                )
                stats["raw_files"] += 1
    return stats


def large_pair(min_bytes: int, seed: int = 7) -> tuple[str, str]:
    """Two related English versions of at least ``min_bytes`` each.

    The old side concatenates the parts of successive synthetic documents, renumbered
    continuously (parts ``1、``, items ``(n)`` continuous, the 2023 style); the new side
    is the old one with ~12% of sentences perturbed, ~4% of items dropped and ~4% new
    items inserted, and a few items moved. The new side can come out shorter than the
    old; where it comes out under ``min_bytes``, both are built again, longer.
    """
    pools = load_pools()
    target = min_bytes
    while True:
        old, new = _related_pair(pools, seed, target)
        if len(new.encode()) >= min_bytes:
            return old, new
        target += max(min_bytes // 10, 1)


def _related_pair(pools: dict[str, Pool], seed: int, min_bytes: int) -> tuple[str, str]:
    """:func:`large_pair`'s two versions, the old one of at least ``min_bytes``."""
    rng = random.Random(seed)
    perturb = Perturber(rng, "en")
    preamble = [perturb.sentence(s) for s in pools["en"].preamble[:3]]
    parts: list[Part] = []
    style = {"part": "arabic", "item": "paren", "items": "continuous"}
    while len(render("en", preamble, parts, style).encode()) < min_bytes:
        parts.extend(_pick_parts(pools["en"], rng, perturb, 5))
    old = render("en", preamble, parts, style)
    new_parts = []
    for part in parts:
        items = []
        for item in part.items:
            r = rng.random()
            if r < 0.04:
                continue  # dropped
            sentences = [
                perturb.sentence(s, p_cue=1.0, p_num=0.5) if rng.random() < 0.12 else s
                for s in item.sentences
            ]
            items.append(Item(item.heading, sentences))
            if r > 0.96:
                src = rng.choice(pools["en"].items)
                items.append(
                    Item(perturb.heading(src.heading), [perturb.sentence(s) for s in src.sentences])
                )
        if len(items) > 2 and rng.random() < 0.1:
            items.insert(0, items.pop())
        new_parts.append(Part(part.heading, items, [[s for s in para] for para in part.paragraphs]))
    new = render("en", preamble, new_parts, style)
    return old, new
