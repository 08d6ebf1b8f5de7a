"""``policydiff export --format parquet DIR``: the evolution as columnar tables."""

from __future__ import annotations

from pathlib import Path

import click

from policydiff.cli.app import fail_cleanly, main
from policydiff.cli.options import (
    corpus_option,
    engine_options,
    format_option,
    jobs_option,
    no_cache_option,
    quiet_option,
    themes_file_option,
)
from policydiff.cli.session import refuse_out_in_corpus, spilled, wrote_reporter


@main.command()
@click.argument("out_dir", metavar="DIR", type=click.Path(path_type=Path, file_okay=False))
@corpus_option
@themes_file_option
@format_option("parquet")
@jobs_option
@engine_options
@no_cache_option
@quiet_option
@fail_cleanly
def export(
    out_dir: Path,
    corpus_path: Path,
    theme_files: tuple[Path, ...],
    output_format: str,
    jobs: int,
    engine: str | None,
    scheduler: str | None,
    no_cache: bool,
    quiet: bool,
) -> None:
    """Write the evolution as tables to DIR: documents, commitments (one row per theme
    mention), points and changes, as DIR/NAME.parquet.

    The same content as evolution.json, for pandas, polars, DuckDB, R or Spark. The
    corpus is read a batch of documents at a time and the tables written as they are
    computed, so memory stays flat however large the corpus.
    """
    from policydiff.errors import CorpusError
    from policydiff.render.parquet import TABLES, write_spilled_tables
    from policydiff.runtime.files import open_atomic_together
    from policydiff.themes.catalogue import corpus_catalogue

    refuse_out_in_corpus(out_dir, corpus_path, "DIR")
    catalogue = corpus_catalogue(corpus_path, theme_files)
    paths = [out_dir / f"{name}.parquet" for name in TABLES]
    with (
        spilled(
            corpus_path, catalogue, no_cache=no_cache, engine=engine, scheduler=scheduler, jobs=jobs
        ) as spill,
    ):
        if not spill.documents:
            raise CorpusError(corpus_path, "the corpus holds no documents (run policydiff ingest)")
        # the tables are one set: all of this run's, or all of the last
        with open_atomic_together(paths) as handles:
            write_spilled_tables(spill, dict(zip(TABLES, handles, strict=True)))
    wrote = wrote_reporter(quiet)
    for path in paths:
        if wrote is not None:
            wrote(path)
