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
from policydiff.cli.session import analysis_cache, engine_for, load, wrote_reporter


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

    The same content as evolution.json, for pandas, polars, DuckDB, R or Spark.
    """
    from policydiff.analysis.build import build_evolution
    from policydiff.errors import CorpusError
    from policydiff.render.parquet import parquet_tables
    from policydiff.runtime.files import write_atomic
    from policydiff.themes.catalogue import corpus_catalogue

    catalogue = corpus_catalogue(corpus_path, theme_files)
    corpus = load(corpus_path)
    if not corpus.documents:
        raise CorpusError(corpus_path, "the corpus holds no documents (run policydiff ingest)")
    with analysis_cache(corpus_path, no_cache) as cache, engine_for(engine, scheduler, jobs) as e:
        evolution = build_evolution(corpus, catalogue, cache=cache, engine=e)
    files = parquet_tables(evolution)
    wrote = wrote_reporter(quiet)
    for name, data in files.items():
        write_atomic(out_dir / name, data)
        if wrote is not None:
            wrote(out_dir / name)
