"""The citation graph in the terminal: a tree from each root, each edge with the citation
that names the parent and where it stands (the whole sentence is in the JSON)."""

from __future__ import annotations

from rich.console import Console
from rich.padding import Padding
from rich.text import Text
from rich.tree import Tree

from policydiff.lineage import Lineage
from policydiff.lineage.citations import cited_document
from policydiff.lineage.graph import Unresolved
from policydiff.lineage.likely import likely_parents
from policydiff.render.dates import dates_note
from policydiff.render.lineage_formats import likely_line, subset


def _label(lineage: Lineage, document_id: str, parent: str | None, lang: str) -> Text:
    document = next(d for d in lineage.documents if d.id == document_id)
    text = Text()
    text.append(document.id, style="bold")
    text.append(f"  {document.shown_date}  ")
    text.append(document.title_in(lang))
    if document.doc_number:
        text.append(f"  {document.doc_number}", style="cyan")
    text.append(f"  [{lineage.series[document_id]}]", style="dim")
    if parent is not None:
        edge = lineage.edge(document_id, parent)
        if edge is not None:
            how = {"number": "cites its number", "title": "cites its title"}.get(
                edge.how, "declared"
            )
            text.append(f"\n{how}", style="green")
            if edge.cited:
                text.append(f" {edge.cited}", style="dim")
            if edge.location:
                text.append(f" — {edge.location}", style="dim italic")
            if edge.sentence:  # the edge's evidence
                text.append(f"\n{edge.sentence}")
    return text


def _grow(
    tree: Tree, lineage: Lineage, node: str, keep: set[str], path: tuple[str, ...], lang: str
) -> None:
    for child in lineage.children(node):
        if child in keep and child not in path:
            branch = tree.add(_label(lineage, child, node, lang))
            _grow(branch, lineage, child, keep, (*path, child), lang)


def print_lineage(
    lineage: Lineage, console: Console, root: str | None = None, lang: str = "zh"
) -> None:
    """Every root's tree (with ``root``: the trees that hold it, cut to its ancestors and
    descendants), each title in ``lang`` where the document has one, then the citations
    that name no held document."""
    keep = subset(lineage, root)
    roots = [r for r in lineage.roots() if r in keep]
    shown = 0
    for top in roots:
        if root is None and not lineage.children(top):
            continue
        tree = Tree(_label(lineage, top, None, lang))
        _grow(tree, lineage, top, keep, (top,), lang)
        console.print(tree)
        shown += 1
    alone = [r for r in roots if not lineage.children(r)] if root is None else []
    if alone:
        console.print(Text(f"without parent or child: {', '.join(alone)}", style="dim"))
        for hint in likely_parents(lineage):
            console.print(Padding(Text(likely_line(hint)), (0, 0, 0, 2)))
    if not shown and not alone:
        console.print(Text("no document", style="dim"))
    note = dates_note(d.date_text for d in lineage.documents if d.id in keep)
    if note:
        console.print(Text(note, style="dim"))
    unresolved = [u for u in lineage.unresolved if u.document in keep]
    if unresolved:
        # one document cited by many, once, with who cites it: the parent to add first
        by_document: dict[tuple[str, str], list[Unresolved]] = {}
        for u in unresolved:
            by_document.setdefault((cited_document(u.cited), u.reason), []).append(u)
        console.print(
            Text(
                f"\n{len(unresolved)} citations name no held document "
                f"({len(by_document)} cited documents, the most cited first):",
                style="bold",
            )
        )
        citers = {
            key: tuple(dict.fromkeys(u.document for u in us)) for key, us in by_document.items()
        }
        for key, who in sorted(citers.items(), key=lambda g: -len(g[1])):
            why = "" if key[1] == "names no held document" else f" ({key[1]})"
            console.print(Padding(Text(f"{by_document[key][0].cited}{why}"), (0, 0, 0, 2)))
            cited_by = f"cited by {len(who)}: {', '.join(who)}"
            console.print(Padding(Text(cited_by, style="dim"), (0, 0, 0, 6)))
    for child, parent in lineage.missing:
        if child in keep:
            console.print(Text(f"  {child}: declared parent {parent} is not in the corpus"))
