"""The main job: ``policydiff report`` writes every report for the corpus."""

from __future__ import annotations

from pathlib import Path

import click

from policydiff.cli import corpus_option, fail_cleanly, load, main


@main.command()
@corpus_option
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("reports"),
    show_default=True,
    help="Folder to write the reports to.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress or summary on stderr.")
@fail_cleanly
def report(corpus_path: Path, out_dir: Path, quiet: bool) -> None:
    """Write the reports for the corpus to --out (the main job)."""
    from policydiff.render.overview import write_overview
    from policydiff.summary import summarise

    corpus = load(corpus_path)
    if not corpus.documents:
        from policydiff.errors import CorpusError

        raise CorpusError(corpus_path, "the corpus holds no documents (run policydiff ingest)")
    written = write_overview(summarise(corpus), out_dir)
    if not quiet:
        for path in written:
            click.echo(f"wrote {path}", err=True)
        click.echo(Path(written[0]).read_text(encoding="utf-8"))
