"""One benchmark stage, run in a fresh process by ``benchmarks/run.py``.

``python benchmarks/stage.py STAGE ARGS_JSON`` runs STAGE and prints one JSON line on
stdout: ``seconds`` (the stage's own work, imports and corpus loading excluded),
``load_seconds`` (corpus loading), ``bytes`` (UTF-8 bytes the stage went over) and
stage-specific extras. Wall time and peak memory are measured by the parent (wait4 on
this process), so they include interpreter start-up and imports.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

_WORD = re.compile(r"\w+")


def _versions(corpus):  # type: ignore[no-untyped-def]
    return [(d, v) for d in corpus.documents for v in d.versions]


def _bytes(corpus) -> int:  # type: ignore[no-untyped-def]
    return sum(len(v.text.encode("utf-8")) for _, v in _versions(corpus))


def _load(path: str):  # type: ignore[no-untyped-def]
    from policydiff.corpus import load_corpus

    t = time.perf_counter()
    corpus = load_corpus(Path(path))
    return corpus, time.perf_counter() - t


def stage_build(a: dict) -> dict:
    from synthetic import build_corpus

    t = time.perf_counter()
    stats = build_corpus(
        a["n"],
        Path(a["corpus"]),
        Path(a["raw"]) if a.get("raw") else None,
        seed=a.get("seed", 0),
        raw_limit=a.get("raw_limit"),
        distinct=a.get("distinct", False),
    )
    return {"seconds": time.perf_counter() - t, **stats}


def stage_add_one(a: dict) -> dict:
    """Write document number ``n`` (the next one) into an existing synthetic corpus."""
    from synthetic import load_pools, synthetic_documents

    from policydiff.corpus import write_document

    t = time.perf_counter()
    docs = list(
        synthetic_documents(a["n"] + 1, a.get("seed", 0), load_pools(), a.get("distinct", False))
    )
    write_document(Path(a["corpus"]), docs[-1].document)
    return {"seconds": time.perf_counter() - t, "added": docs[-1].document.id}


def stage_floor(a: dict) -> dict:
    corpus, load_s = _load(a["corpus"])
    texts = [v.text for _, v in _versions(corpus)]
    best = float("inf")
    words = 0
    for _ in range(a.get("repeats", 3)):
        t = time.perf_counter()
        words = sum(len(re.findall(r"\w+", text)) for text in texts)
        best = min(best, time.perf_counter() - t)
    return {"seconds": best, "load_seconds": load_s, "bytes": _bytes(corpus), "words": words}


def stage_ingest(a: dict) -> dict:
    """What ``policydiff ingest FILE...`` does, with each file's own options: every file
    planned against the corpus and the files planned before it (``Ingester``), then all
    written in one change."""
    from synthetic import doc_id, synthetic_date

    from policydiff.errors import PolicydiffError
    from policydiff.ingest.pipeline import Ingester, IngestOptions

    raw = sorted(Path(a["raw"]).glob("*.txt"))[: a.get("limit") or None]
    corpus_path = Path(a["corpus"])
    errors: list[str] = []
    nbytes = 0
    t = time.perf_counter()
    ingester = Ingester(corpus_path)
    for path in raw:
        k, _order, key = path.stem.split("-")
        i = int(k)
        ident = doc_id(i)
        if ingester.held.get(ident) is None:
            # what a user passes on the command line when the header is not recognised:
            # --date --title --issuer --id --new-document (the synthetic header lines are
            # not always read as title/issuer by read_metadata)
            date = synthetic_date(i).isoformat()
            options = IngestOptions(
                lang=key,
                date=date,
                title=f"Opinions on synthetic document {i}",
                issuers=("General Office of the State Council",),
                document_id=ident,
                new_document=True,
            )
        else:
            options = IngestOptions(lang=key, version_of=ident)
        try:
            plan = ingester.plan(path, options)
            if plan.problems:
                errors.append("; ".join(plan.problems)[:200])
        except PolicydiffError as exc:
            errors.append(str(exc)[:200])
        nbytes += path.stat().st_size
    ingester.commit()
    seconds = time.perf_counter() - t
    return {
        "seconds": seconds,
        "files": len(raw),
        "bytes": nbytes,
        "errors": len(errors),
        "first_errors": errors[:3],
    }


def stage_structure(a: dict) -> dict:
    from policydiff.structure import structure_version

    corpus, load_s = _load(a["corpus"])
    t = time.perf_counter()
    provisions = sum(len(structure_version(d.id, v).provisions) for d, v in _versions(corpus))
    return {
        "seconds": time.perf_counter() - t,
        "load_seconds": load_s,
        "bytes": _bytes(corpus),
        "provisions": provisions,
    }


def stage_themes(a: dict) -> dict:
    from policydiff.structure import structure_version
    from policydiff.themes import find_mentions, load_catalogue

    corpus, load_s = _load(a["corpus"])
    catalogue = load_catalogue()
    t = time.perf_counter()
    structured = [structure_version(d.id, v) for d, v in _versions(corpus)]
    structure_s = time.perf_counter() - t
    t = time.perf_counter()
    mentions = sum(len(find_mentions(sv, catalogue)) for sv in structured)
    return {
        "seconds": time.perf_counter() - t,
        "structure_seconds": structure_s,
        "load_seconds": load_s,
        "bytes": _bytes(corpus),
        "mentions": mentions,
    }


def stage_evolution(a: dict) -> dict:
    from policydiff.analysis.build import build_evolution
    from policydiff.analysis.evolution_json import evolution_json
    from policydiff.themes import load_catalogue

    corpus, load_s = _load(a["corpus"])
    catalogue = load_catalogue()
    t = time.perf_counter()
    evolution = build_evolution(corpus, catalogue)
    build_s = time.perf_counter() - t
    t = time.perf_counter()
    text = evolution_json(evolution)
    json_s = time.perf_counter() - t
    return {
        "seconds": build_s + json_s,
        "build_seconds": build_s,
        "json_seconds": json_s,
        "load_seconds": load_s,
        "bytes": _bytes(corpus),
        "themes": len(evolution.themes),
        "json_bytes": len(text.encode("utf-8")),
    }


# ---------------------------------------------------------------------------
# diff baselines on a pair of texts (files a["old"], a["new"])


def _pair(a: dict) -> tuple[str, str]:
    return (
        Path(a["old"]).read_text(encoding="utf-8"),
        Path(a["new"]).read_text(encoding="utf-8"),
    )


def stage_seqmatcher(a: dict) -> dict:
    import difflib

    old, new = _pair(a)
    t = time.perf_counter()
    aw, bw = _WORD.findall(old), _WORD.findall(new)
    ops = difflib.SequenceMatcher(None, aw, bw, autojunk=False).get_opcodes()
    return {
        "seconds": time.perf_counter() - t,
        "bytes": len(old.encode()) + len(new.encode()),
        "words": len(aw) + len(bw),
        "opcodes": len(ops),
    }


def stage_htmldiff(a: dict) -> dict:
    import difflib

    old, new = _pair(a)
    t = time.perf_counter()
    html = difflib.HtmlDiff().make_file(old.splitlines(), new.splitlines())
    return {
        "seconds": time.perf_counter() - t,
        "bytes": len(old.encode()) + len(new.encode()),
        "html_bytes": len(html),
    }


def _structured_pair(a: dict):  # type: ignore[no-untyped-def]
    import datetime as dt

    from policydiff.models import Version
    from policydiff.structure import structure_version

    old, new = _pair(a)

    def mk(text: str, key: str) -> Version:
        return Version(
            key="en", lang="en", kind="translation", complete=True, source=key, text=text
        )

    return structure_version("old", mk(old, "old")), structure_version("new", mk(new, "new")), dt


def stage_pdiff(a: dict) -> dict:
    """policydiff's diff in-process: structure both sides, then ``diff_documents``."""
    try:
        from policydiff.diff import diff_documents
    except ImportError:
        return {"available": False}
    from policydiff.themes import load_catalogue

    catalogue = load_catalogue()
    t = time.perf_counter()
    sa, sb, _ = _structured_pair(a)
    structure_s = time.perf_counter() - t
    t = time.perf_counter()
    result = diff_documents(sa, sb, catalogue=catalogue)
    diff_s = time.perf_counter() - t
    return {
        "available": True,
        "seconds": structure_s + diff_s,
        "structure_seconds": structure_s,
        "diff_seconds": diff_s,
        "pairs": len(result.pairs),
        "added": len(result.added),
        "removed": len(result.removed),
    }


def _deepest(provisions, offset: int):  # type: ignore[no-untyped-def]
    best = None
    for p in provisions:
        if p.start <= offset < p.end and (best is None or p.level >= best.level):
            best = p
    return best


def stage_missed(a: dict) -> dict:
    """Changed words of the whole-document SequenceMatcher that policydiff's ops miss.

    For every provision policydiff paired (both sides present), the words that the
    whole-document word SequenceMatcher marks as changed inside it (old side: deleted or
    replaced; new side: inserted or replacing) must appear, as a multiset, among the
    words of policydiff's non-equal ops of that pair on the same side.
    """
    import bisect
    import difflib

    try:
        from policydiff.diff import diff_documents
    except ImportError:
        return {"available": False}
    from policydiff.themes import load_catalogue

    old, new = _pair(a)
    sa, sb, _ = _structured_pair(a)
    result = diff_documents(sa, sb, catalogue=load_catalogue(), include_unchanged=True)
    # summed over every pair a provision is in (a split or merged one is in several)
    pd: dict[tuple[str, str], Counter] = {}
    for p in result.pairs:
        pd.setdefault(("old", p.old_id), Counter()).update(
            w for op in p.ops if op.op != "equal" for w in _WORD.findall(op.old)
        )
        pd.setdefault(("new", p.new_id), Counter()).update(
            w for op in p.ops if op.op != "equal" for w in _WORD.findall(op.new)
        )
    am, bm = list(_WORD.finditer(old)), list(_WORD.finditer(new))
    ops = difflib.SequenceMatcher(
        None, [m.group() for m in am], [m.group() for m in bm], autojunk=False
    ).get_opcodes()

    def owner_index(provisions):  # type: ignore[no-untyped-def]
        # deepest provision per offset, via sorted starts (provisions do not overlap at one level)
        items = sorted(provisions, key=lambda p: (p.start, -p.level))
        starts = [p.start for p in items]
        return items, starts

    def owner(index, offset):  # type: ignore[no-untyped-def]
        items, starts = index
        i = bisect.bisect_right(starts, offset) - 1
        for j in range(i, max(-1, i - 4), -1):
            p = items[j]
            if p.start <= offset < p.end:
                return p
        return _deepest(items, offset)

    ia, ib = owner_index(sa.provisions), owner_index(sb.provisions)
    sm: dict[tuple[str, str], Counter] = {}
    changed_total = 0
    outside = 0
    labels = 0
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        for side, matches, index in (("old", am[i1:i2], ia), ("new", bm[j1:j2], ib)):
            for m in matches:
                changed_total += 1
                p = owner(index, m.start())
                if p is not None and p.label and m.start() < p.start + len(p.label):
                    labels += 1  # the numbering label: policydiff diffs bodies, not labels
                    continue
                key = (side, p.id if p is not None else "")
                if key not in pd:
                    outside += 1
                    continue
                sm.setdefault(key, Counter())[m.group()] += 1
    # The target's measure: for each pair policydiff aligned, the words one side has more
    # of than the other (a multiset difference, blind to order, so a sentence moved within
    # the pair is not a change) must all be among the words of policydiff's non-equal ops
    # on that side. The whole-document matcher above also counts as changed every word of
    # an item moved within a part, which policydiff aligns and reports unchanged.
    old_by_id = {p.id: p for p in sa.provisions}
    new_by_id = {p.id: p for p in sb.provisions}
    from policydiff.diff.align import provision_text

    really_changed = 0
    really_missed = 0
    pair_examples: list[dict[str, Any]] = []
    for p in result.pairs:
        if p.old_id not in old_by_id or p.new_id not in new_by_id:
            continue
        before = Counter(_WORD.findall(provision_text(old_by_id[p.old_id])))
        after = Counter(_WORD.findall(provision_text(new_by_id[p.new_id])))
        # per pair: a provision split or merged is in several pairs, each with its own ops
        deleted = Counter(w for op in p.ops if op.op != "equal" for w in _WORD.findall(op.old))
        inserted = Counter(w for op in p.ops if op.op != "equal" for w in _WORD.findall(op.new))
        for side, lost, shown in (
            ("old", before - after, deleted),
            ("new", after - before, inserted),
        ):
            really_changed += sum(lost.values())
            lack = lost - shown
            really_missed += sum(lack.values())
            if lack and len(pair_examples) < 5:
                pair_examples.append({"side": side, "provision": p.old_id, "words": list(lack)[:8]})
    checked = sum(sum(c.values()) for c in sm.values())
    missed = 0
    examples: list[dict[str, Any]] = []
    for key, counter in sm.items():
        lack = counter - pd[key]
        n = sum(lack.values())
        missed += n
        if n and len(examples) < 5:
            examples.append({"side": key[0], "provision": key[1], "words": list(lack)[:8]})
    return {
        "available": True,
        "sm_changed_words": changed_total,
        "in_aligned_provisions": checked,
        "outside_aligned": outside,
        "numbering_labels_skipped": labels,
        "missed": missed,
        "missed_share": round(missed / checked, 4) if checked else 0.0,
        "examples": examples,
        "pair_changed_words": really_changed,
        "pair_missed": really_missed,
        "pair_examples": pair_examples,
    }


STAGES = {name[len("stage_") :]: fn for name, fn in globals().items() if name.startswith("stage_")}

if __name__ == "__main__":
    name, args = sys.argv[1], json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
    if name == "import":  # how long importing the stage modules takes, for reference
        t = time.perf_counter()
        import policydiff.analysis.build
        import policydiff.themes  # noqa: F401

        print(json.dumps({"seconds": time.perf_counter() - t}))
        sys.exit(0)
    out = STAGES[name](args)
    print(json.dumps(out))
