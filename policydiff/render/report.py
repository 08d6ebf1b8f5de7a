"""The report: every output file, rendered a theme at a time and written as it comes.

Output files: the HTML site and the Markdown pages (``index.html`` and ``index.md``, a
page per theme under ``themes/``, and the overview's pages past a few hundred documents:
:mod:`policydiff.render.pages`), ``evolution.json`` and the charts of
:mod:`policydiff.render.charts` (PNG and SVG), and ``manifest.json`` (their digests).
:func:`write_report` renders them from a :class:`ReportSource`: the index, the charts and
the lists from the evolution without its evidence, each theme's pages from that theme
whole, one theme at a time, so that a report's memory does not grow with its evidence.
:func:`report_to_folder` writes them into a folder that replaces the old reports as one
set, so a failed or killed run leaves the previous reports intact. No timestamps: same
input, same bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, BinaryIO, Protocol, cast

from policydiff.analysis.evolution_json import (
    MANIFEST,
    REPORT_FILE,
    EvolutionJsonWriter,
    evolution_agreement,
    manifest,
    manifest_of,
    point_dict,
)
from policydiff.analysis.model import Evolution, Point, ThemeEvolution
from policydiff.corpus.summary import DocumentSummary
from policydiff.lineage.likely import LikelyParent
from policydiff.render.chart_jobs import charts_drawn
from policydiff.render.chart_spec import chart_files
from policydiff.render.html_site import index_site_html, theme_page_html
from policydiff.render.lineage_site import (
    LINEAGES,
    lineage_site_html,
    lineage_site_markdown,
    lineages_html,
    lineages_markdown,
)
from policydiff.render.lineage_site import TITLE as LINEAGES_TITLE
from policydiff.render.markdown_site import index_site_markdown, theme_page_markdown
from policydiff.render.pages import PagesAsPointsArrive, ThemePage
from policydiff.restatement.fidelity import Fidelity
from policydiff.runtime.files import staged_folder, write_atomic

Step = Callable[[str], None]


def _no_step(_: str) -> None:
    return None


@dataclass(frozen=True)
class ReportSource:
    """What a report is rendered from: the evolution, whose points may lack their
    evidence (the index, the charts and the lists read none), and each theme's points
    whole, in timeline order, as they can be read one by one."""

    evolution: Evolution
    whole_points: Callable[[ThemeEvolution], Iterable[Point]]

    @classmethod
    def held(cls, ev: Evolution) -> ReportSource:
        """An evolution held whole in memory."""
        return cls(ev, lambda theme: theme.points)


class Sink(Protocol):
    """Where a report's files go, each once, as they are rendered."""

    def add(self, name: str, data: bytes) -> None: ...

    def open(self, name: str) -> contextlib.AbstractContextManager[BinaryIO]: ...


class _Digesting:
    """A sink's files passed on, each file's sha256 kept for the manifest."""

    def __init__(self, sink: Sink) -> None:
        self.sink = sink
        self.digests: dict[str, str] = {}

    def add(self, name: str, data: bytes) -> None:
        self.digests[name] = hashlib.sha256(data).hexdigest()
        self.sink.add(name, data)

    def add_text(self, pages: dict[str, str]) -> None:
        for name, text in pages.items():
            self.add(name, text.encode("utf-8"))

    @contextlib.contextmanager
    def open(self, name: str) -> Iterator[IO[bytes]]:
        with self.sink.open(name) as handle:
            hashed = _Hashed(handle)
            yield cast(IO[bytes], hashed)
        self.digests[name] = hashed.digest.hexdigest()


class _Hashed(io.RawIOBase):
    """A file written through, hashing what passes."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.digest = hashlib.sha256()

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.digest.update(data)
        self.out.write(data)
        return len(data)


def write_report(
    source: ReportSource,
    summaries: Sequence[DocumentSummary],
    sink: Sink,
    *,
    cjk: bool | None = None,
    step: Step = _no_step,
    jobs: int = 1,
    chart_workers: Executor | None = None,
    fidelities: Sequence[Fidelity] = (),
    likely: Sequence[LikelyParent] = (),
) -> dict[str, str]:
    """Render every output file of the report into ``sink``; returns each file's sha256
    by name (:func:`~policydiff.analysis.evolution_json.manifest_of` makes the manifest).

    With ``jobs`` > 1 (or ``chart_workers``, see
    :func:`~policydiff.render.chart_jobs.chart_workers`) the charts are drawn in other
    processes while the pages and the JSON are written here (the HTML index waits for the
    charts it embeds, last). ``fidelities`` add pages for each lineage, with its heatmap
    (:mod:`.fidelity_chart`, drawn here), and a line each on the index
    (:mod:`.lineage_site`), with ``likely``: where documents citing no held parent may
    belong.
    """
    ev = source.evolution
    out = _Digesting(sink)
    step("drawing charts")
    if fidelities:  # matplotlib is imported here only for them (the charts draw elsewhere)
        from policydiff.render.fidelity_chart import draw_fidelity

        for f in fidelities:
            heatmap = draw_fidelity(f, cjk is not False)
            for name, data in heatmap.items():
                out.add(name, data)
            out.add_text(lineage_site_html(f, heatmap))
            out.add_text(lineage_site_markdown(f))
    lineages = bool(fidelities or likely)
    md_lineages = "\n" + lineages_markdown(fidelities, likely) if lineages else ""
    html_lineages = lineages_html(fidelities, likely) if lineages else ""
    with charts_drawn(ev, cjk=cjk, jobs=jobs, workers=chart_workers) as charts_ready:
        step("writing theme pages")
        with out.open(REPORT_FILE) as json_file:
            # evolution.json is written theme by theme too, from the themes whole
            writer = EvolutionJsonWriter(
                json_file, ev.inputs, ev.documents, evolution_agreement(ev)
            )
            for theme in ev.themes:
                _write_theme(out, writer, ev, theme, source.whole_points(theme))
            writer.close()
        step("writing Markdown")
        contents = [(LINEAGES, LINEAGES_TITLE)] if lineages else []
        out.add_text(
            index_site_markdown(
                ev, summaries, charts=chart_files(), extra=md_lineages, extra_contents=contents
            )
        )
        step("writing HTML")
        out.add_text(
            index_site_html(
                ev,
                summaries,
                charts_ready,
                extra=html_lineages,
                extra_contents=contents,
            )
        )
        for name, data in charts_ready().items():
            out.add(name, data)
    return out.digests


def _write_theme(
    out: _Digesting,
    writer: EvolutionJsonWriter,
    ev: Evolution,
    theme: ThemeEvolution,
    whole_points: Iterable[Point],
) -> None:
    """A theme's pages and its part of evolution.json, in one pass over its whole points:
    each point goes to the JSON as it arrives, each page as soon as its points have."""
    pages = PagesAsPointsArrive(ev, theme)

    def write(ready: list[ThemePage]) -> None:
        for page in ready:
            out.add(page.file("md"), theme_page_markdown(ev, page).encode("utf-8"))
            out.add(page.file("html"), theme_page_html(ev, page).encode("utf-8"))

    def passing() -> Iterator[dict[str, Any]]:
        for point in whole_points:
            yield point_dict(point)
            write(pages.arrive(point))
        write(pages.finish())

    labels = (theme.id, theme.label, theme.label_zh)
    writer.theme(labels, passing(), theme.changes, theme.since_last)


class _Held:
    """A sink that keeps every file in memory."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def add(self, name: str, data: bytes) -> None:
        self.files[name] = data

    @contextlib.contextmanager
    def open(self, name: str) -> Iterator[BinaryIO]:
        buffer = io.BytesIO()
        yield buffer
        self.files[name] = buffer.getvalue()


def render_report(
    ev: Evolution,
    summaries: Sequence[DocumentSummary],
    *,
    cjk: bool | None = None,
    step: Step = _no_step,
    jobs: int = 1,
    chart_workers: Executor | None = None,
    fidelities: Sequence[Fidelity] = (),
    likely: Sequence[LikelyParent] = (),
) -> dict[str, bytes]:
    """Every output file of the report of an evolution held in memory, by file name, in
    memory (the manifest aside: :func:`write_outputs` adds it)."""
    held = _Held()
    write_report(
        ReportSource.held(ev),
        summaries,
        held,
        cjk=cjk,
        step=step,
        jobs=jobs,
        chart_workers=chart_workers,
        fidelities=fidelities,
        likely=likely,
    )
    return dict(sorted(held.files.items()))


def report_to_folder(
    source: ReportSource,
    summaries: Sequence[DocumentSummary],
    out_dir: Path,
    *,
    wrote: Callable[[Path], None] | None = None,
    cjk: bool | None = None,
    step: Step = _no_step,
    jobs: int = 1,
    chart_workers: Executor | None = None,
    fidelities: Sequence[Fidelity] = (),
    likely: Sequence[LikelyParent] = (),
    metadata: str = "",
) -> list[Path]:
    """:func:`write_report` into ``out_dir``, with the manifest (recording ``metadata``, the
    documents' :func:`~policydiff.analysis.digests.metadata_digest`), as one set: the folder
    holds the old reports or the new ones, never a mix, and no more than one theme's
    pages are held in memory at a time. Returns the paths written."""
    with staged_folder(out_dir) as staged:
        digests = write_report(
            source,
            summaries,
            staged,
            cjk=cjk,
            step=step,
            jobs=jobs,
            chart_workers=chart_workers,
            fidelities=fidelities,
            likely=likely,
        )
        step("writing files")
        staged.add(MANIFEST, manifest_of(digests, metadata))
    return _reported(staged.written, wrote)


def write_outputs(
    files: dict[str, bytes],
    out_dir: Path,
    *,
    wrote: Callable[[Path], None] | None = None,
    metadata: str = "",
) -> list[Path]:
    """Write every file, with their manifest (recording ``metadata`` as
    :func:`report_to_folder` does), as one set."""
    with staged_folder(out_dir) as staged:
        for name, data in files.items():
            staged.add(name, data)
        staged.add(MANIFEST, manifest(files, metadata))
    return _reported(staged.written, wrote)


def _reported(written: list[Path], wrote: Callable[[Path], None] | None) -> list[Path]:
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
