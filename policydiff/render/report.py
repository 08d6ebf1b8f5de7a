"""The report: every output file rendered in memory, then written all at once.

Output files: the HTML site and the Markdown pages (``index.html`` and ``index.md``, a
page per theme under ``themes/``, and the overview's pages past a few hundred documents:
:mod:`policydiff.render.pages`), ``evolution.json`` and the charts of
:mod:`policydiff.render.charts` (PNG and SVG), and ``manifest.json`` (their digests).
:func:`render_report` builds them all in memory before :func:`write_outputs` replaces
the folder as one set, so a failed or killed run leaves the previous reports intact.
No timestamps: same input, same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from pathlib import Path

from policydiff.analysis.evolution_json import (
    MANIFEST,
    REPORT_FILE,
    evolution_json_bytes,
    manifest,
)
from policydiff.analysis.model import Evolution
from policydiff.corpus.summary import DocumentSummary
from policydiff.render.chart_jobs import charts_drawn
from policydiff.render.chart_spec import chart_files
from policydiff.render.fidelity_formats import (
    fidelity_anchor,
    fidelity_html,
    fidelity_markdown,
    fidelity_title,
)
from policydiff.render.html_site import site_html
from policydiff.render.markdown_site import site_markdown
from policydiff.restatement.fidelity import Fidelity
from policydiff.runtime.files import replace_folder, write_atomic

Step = Callable[[str], None]


def _no_step(_: str) -> None:
    return None


def render_report(
    ev: Evolution,
    summaries: Sequence[DocumentSummary],
    *,
    cjk: bool | None = None,
    step: Step = _no_step,
    jobs: int = 1,
    chart_workers: Executor | None = None,
    fidelities: Sequence[Fidelity] = (),
) -> dict[str, bytes]:
    """Every output file of the report, by file name, in memory.

    With ``jobs`` > 1 (or ``chart_workers``, see
    :func:`~policydiff.render.chart_jobs.chart_workers`) the charts are drawn in other
    processes while the Markdown, the JSON and the HTML are written here (the HTML waits
    for the charts it embeds last). ``fidelities`` add a lineage section each, with its
    heatmap (:mod:`.fidelity_chart`, drawn here).
    """
    step("drawing charts")
    lineage_charts: dict[str, bytes] = {}
    md_sections = ""
    if fidelities:  # matplotlib is imported here only for them (the charts draw elsewhere)
        from policydiff.render.fidelity_chart import chart_name, draw_fidelity

        for f in fidelities:
            lineage_charts.update(draw_fidelity(f, cjk is not False))
        md_sections = "".join(
            "\n" + fidelity_markdown(f, f"{chart_name(f)}.png") for f in fidelities
        )
    html_sections = "".join(fidelity_html(f, lineage_charts) for f in fidelities)
    with charts_drawn(ev, cjk=cjk, jobs=jobs, workers=chart_workers) as charts_ready:
        step("writing Markdown")
        markdown = site_markdown(ev, tuple(summaries), charts=chart_files(), extra=md_sections)
        step("writing JSON")
        evolution_json = evolution_json_bytes(ev)
        step("writing HTML")
        html = site_html(
            ev,
            tuple(summaries),
            charts_ready,
            extra=html_sections,
            extra_contents=[(fidelity_anchor(f), fidelity_title(f)) for f in fidelities],
        )
        charts = charts_ready()
    files = {name: text.encode("utf-8") for name, text in sorted(markdown.items())}
    files.update((name, text.encode("utf-8")) for name, text in sorted(html.items()))
    files[REPORT_FILE] = evolution_json
    files.update(charts)
    files.update(lineage_charts)
    return files


def write_outputs(
    files: dict[str, bytes], out_dir: Path, *, wrote: Callable[[Path], None] | None = None
) -> list[Path]:
    """Write every file, with their manifest, as one set: the folder holds the old
    reports or the new ones, never a mix (:func:`~policydiff.runtime.files.replace_folder`)."""
    written = replace_folder(out_dir, {**files, MANIFEST: manifest(files)})
    if wrote is not None:
        for path in written:
            wrote(path)
    return written


def write_charts(
    charts: dict[str, bytes], out_dir: Path, *, wrote: Callable[[Path], None] | None = None
) -> list[Path]:
    """Write the charts alone (``policydiff timeline``), each atomically, beside whatever
    else the folder holds; a report's manifest there then no longer matches them, and
    ``check`` says the reports are out of date."""
    written = []
    for name, data in charts.items():
        write_atomic(out_dir / name, data)
        written.append(out_dir / name)
        if wrote is not None:
            wrote(out_dir / name)
    return written
