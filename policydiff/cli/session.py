"""What a command that reads or analyses the corpus sets up, in one place: the analysis
cache, the worker processes, the progress bar, and the corpus with its evolution."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from policydiff.cli.app import say

if TYPE_CHECKING:  # imported where used: ``policydiff --help`` must not pay for them
    from concurrent.futures import Executor

    from policydiff.analysis.cache import AnalysisCache
    from policydiff.analysis.model import Evolution
    from policydiff.analysis.stream import Spill
    from policydiff.corpus import Corpus
    from policydiff.restatement.corpus_pass import CorpusPass
    from policydiff.runtime.engine import Engine
    from policydiff.themes import Catalogue


def load(corpus_path: Path, *, tolerant: bool = False) -> Corpus:
    """The corpus at ``corpus_path`` (a CorpusError when there is no such folder). With
    ``tolerant``, a document that cannot be read is left out, said in one line on stderr:
    for the commands that only show what is held."""
    from policydiff.corpus.store import load_corpus, load_readable

    require_corpus_folder(corpus_path)
    if not tolerant:
        return load_corpus(corpus_path)
    corpus, broken = load_readable(corpus_path)
    for problem in broken:
        say(f"warning: {problem}; left out")
    return corpus


def refuse_out_in_corpus(out_dir: Path, corpus_path: Path, option: str = "--out") -> None:
    """A UsageError where ``out_dir`` is the corpus folder, inside it, or holds it: every
    folder of a corpus is read as a document, and an output replaces the folders it writes
    whole, so either way the corpus would be lost."""
    from policydiff.errors import UsageError

    require_corpus_folder(corpus_path)  # no corpus: that is the error to give
    out, corpus = Path(out_dir).resolve(), Path(corpus_path).resolve()
    if out == corpus or corpus in out.parents:
        raise UsageError(
            f"{option} {out_dir} is inside the corpus folder {corpus_path}: every folder there "
            "is read as a document, so the corpus would no longer read: write elsewhere"
        )
    if out in corpus.parents:
        # the folders the output writes (themes/) replace theirs whole: the corpus among them
        raise UsageError(
            f"{option} {out_dir} holds the corpus folder {corpus_path}: the reports replace the "
            "folders they write whole; write them to a folder of their own (reports/)"
        )


def require_corpus_folder(corpus_path: Path) -> None:
    """A CorpusError when there is no folder at ``corpus_path``."""
    from policydiff.errors import CorpusError

    if not Path(corpus_path).exists():
        raise CorpusError(
            corpus_path,
            "corpus folder not found (pass --corpus DIR, or add a first document with "
            "policydiff ingest FILE --corpus DIR)",
        )


@contextlib.contextmanager
def analysis_cache(corpus_path: Path, no_cache: bool) -> Iterator[AnalysisCache]:
    """The analysis cache beside the corpus (or a disabled one); says so when it was rebuilt."""
    from policydiff.analysis.cache import AnalysisCache

    # --no-cache: counts are still kept for the run (the overview reads them), not commitments
    opened = (
        AnalysisCache(keep_commitments=False) if no_cache else AnalysisCache.for_corpus(corpus_path)
    )
    with opened as cache:
        if cache.rebuilt:
            say(f"warning: {cache.location}: cache was corrupt; rebuilt it")
        if cache.problem:
            say(f"warning: {cache.location}: {cache.problem}; working without it")
        yield cache


@contextlib.contextmanager
def engine_for(
    engine: str | None, scheduler: str | None, jobs: int, pool: Executor | None = None
) -> Iterator[Engine]:
    """The engine ``--engine``/``--scheduler`` (or $DASK_SCHEDULER_ADDRESS) ask for, with
    ``--jobs`` processes (``pool``'s when given) for the local one; closed after."""
    from policydiff.cli.options import WORKER_CORPUS
    from policydiff.runtime.engine import open_engine

    context = click.get_current_context(silent=True)
    worker_corpus = context.find_root().meta.get(WORKER_CORPUS) if context else None
    with open_engine(
        engine, scheduler, jobs=jobs, pool=pool, worker_corpus=worker_corpus
    ) as opened:
        yield opened
        # right either way, but slower, and a sign that the workers see another corpus
        for root, (unread, asked) in getattr(opened, "unread_texts", {}).items():
            if unread:
                say(
                    f"warning: the Dask workers could not read the texts of {unread:,} of "
                    f"{asked:,} documents at {root} (missing there, or another text): "
                    "they were sent from here"
                )


@contextlib.contextmanager
def spilled(
    corpus_path: Path,
    catalogue: Catalogue,
    *,
    no_cache: bool,
    engine: str | None,
    scheduler: str | None,
    jobs: int,
    include_absent: bool = False,
) -> Iterator[Spill]:
    """The corpus's evolution computed a batch of documents at a time and spilled to disk
    (:mod:`policydiff.analysis.stream`), for writers that stream it out; local worker
    processes are started once for all batches."""
    from policydiff.analysis.stream import spilled_evolution
    from policydiff.runtime.pool import resolve_jobs, start_pool
    from policydiff.strength import load_lexicon

    require_corpus_folder(corpus_path)
    local = not uses_dask(engine, scheduler)
    pool = start_pool(resolve_jobs(jobs)) if local and resolve_jobs(jobs) > 1 else None
    with contextlib.ExitStack() as kept:
        # the workers, the cluster and the cache go when the analyses are done; the spill
        # stays for the writers
        with (
            pool or contextlib.nullcontext(),
            analysis_cache(corpus_path, no_cache) as cache,
            engine_for(engine, scheduler, jobs, pool) as e,
        ):
            spill = kept.enter_context(
                spilled_evolution(
                    corpus_path,
                    catalogue,
                    load_lexicon(),
                    cache=cache,
                    engine=e,
                    include_absent=include_absent,
                )
            )
        yield spill


def uses_dask(engine: str | None, scheduler: str | None) -> bool:
    from policydiff.runtime.engine import engine_name

    return engine_name(engine, scheduler)[0] == "dask"


@contextlib.contextmanager
def progress(steps: tuple[str, ...], quiet: bool) -> Iterator[Callable[[str], None]]:
    """A ``step(name)`` callback: a rich progress bar on a terminal's stderr, else nothing."""
    if quiet or not sys.stderr.isatty():
        yield lambda _name: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description:<18}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(steps[0], total=len(steps))
        seen: list[str] = []

        def step(name: str) -> None:
            if seen:
                bar.advance(task)
            seen.append(name)
            bar.update(task, description=name)

        yield step
        bar.update(task, completed=len(steps))


def wrote_reporter(quiet: bool) -> Callable[[Path], None] | None:
    """Says "wrote PATH" on stderr when it is not a terminal (a terminal has the bar)."""
    if quiet or sys.stderr.isatty():
        return None
    return lambda path: click.echo(f"wrote {path}", err=True)


@dataclass(frozen=True)
class Analysed:
    """What report and timeline work from, inside :func:`analysed`."""

    evolution: Evolution  # without evidence: Spill.evolution
    spill: Spill  # each theme's points whole, one by one: Spill.whole_points
    catalogue: Catalogue
    corpus: CorpusPass  # the documents' summaries, metadata and citations
    step: Callable[[str], None]
    workers: Executor | None  # the processes that analysed the corpus; they draw the charts
    engine: Engine  # where the per-document analyses ran


@contextlib.contextmanager
def analysed(
    corpus_path: Path,
    theme_files: tuple[Path, ...],
    steps: tuple[str, ...],
    *,
    jobs: int,
    no_cache: bool,
    quiet: bool,
    engine: str | None = None,
    scheduler: str | None = None,
) -> Iterator[Analysed]:
    """The progress bar and the corpus's evolution, spilled to disk a batch of documents
    at a time (:mod:`policydiff.analysis.stream`; a CorpusError on an empty corpus), with
    the processes of :func:`workers_and_cache`: they analyse the corpus and then draw the
    charts, and import matplotlib meanwhile; the analysis cache answers the versions
    analysed before (same result)."""
    from policydiff.analysis.stream import spilled_evolution
    from policydiff.errors import CorpusError
    from policydiff.restatement.corpus_pass import CorpusPass
    from policydiff.strength import load_lexicon
    from policydiff.themes.catalogue import corpus_catalogue

    require_corpus_folder(corpus_path)
    with workers_and_cache(
        corpus_path,
        steps,
        jobs=jobs,
        no_cache=no_cache,
        quiet=quiet,
        engine=engine,
        scheduler=scheduler,
    ) as (workers, runner, step, cache):
        step("loading corpus")
        catalogue = corpus_catalogue(corpus_path, theme_files)
        step("analysing themes")
        corpus = CorpusPass(Path(corpus_path), cache)
        with spilled_evolution(
            corpus_path,
            catalogue,
            load_lexicon(),
            cache=cache,
            engine=runner,
            light=True,
            each_batch=corpus,
        ) as spill:
            if not spill.documents:
                raise CorpusError(
                    corpus_path, "the corpus holds no documents (run policydiff ingest)"
                )
            evolution = spill.evolution()
            yield Analysed(evolution, spill, catalogue, corpus, step, workers, runner)


@contextlib.contextmanager
def workers_and_cache(
    corpus_path: Path,
    steps: tuple[str, ...],
    *,
    jobs: int,
    no_cache: bool,
    quiet: bool,
    engine: str | None,
    scheduler: str | None,
) -> Iterator[tuple[Executor | None, Engine, Callable[[str], None], AnalysisCache]]:
    """What a command that analyses and draws works with: the local worker processes
    (they analyse the corpus, unless on Dask, and draw the charts), the engine, the
    progress bar's ``step`` and the analysis cache.

    The worker processes start first, before the progress bar's thread: forking while
    another thread runs can leave a child waiting on a lock that thread held. On a Dask
    engine the local processes only draw the charts; the client's threads start after
    them."""
    from policydiff.render.chart_jobs import chart_workers

    dask = uses_dask(engine, scheduler)
    with (
        chart_workers(jobs, analyse=not dask) as workers,
        engine_for(engine, scheduler, jobs, None if dask else workers) as runner,
        progress(steps, quiet) as step,
        analysis_cache(corpus_path, no_cache) as cache,
    ):
        yield workers, runner, step, cache


def warn_undrawable(evolution: Evolution) -> None:
    """Say on stderr which Chinese characters the charts' font lacks (their labels are
    drawn in English)."""
    from policydiff.render.chart_font import undrawable
    from policydiff.render.chart_spec import chinese_texts

    missing = sorted(undrawable(chinese_texts(evolution)))
    if missing:
        shown = "".join(missing[:10]) + ("…" if len(missing) > 10 else "")
        click.echo(
            f"warning: {len(missing)} Chinese characters are not in the charts' font "
            f"({shown}): their labels are drawn in English",
            err=True,
        )
