"""The lineage of a corpus (``policydiff lineage``) as JSON and Markdown.

JSON schema ``policydiff.lineage/1`` (fields may be added, never renamed or removed):
``lang``, the language of the titles asked for; ``documents`` in timeline order, each
``{id, title, date, doc_number, level, jurisdiction, series, parents, children}``
(``title`` in the language asked for, where the document has a title in it); ``edges``,
each ``{child, parent, how, cited, sentence, location, score}`` (``how``: number, title or declared; ``cited``,
``sentence``, ``location`` and ``score`` null for a declared parent the text does not
cite); ``unresolved`` citations ``{document, cited, sentence, location, reason}``;
``missing`` declared parents the corpus does not hold; ``likely_parents``, each
``{document, parent, score}``: a document with neither parent nor child whose title
restates a higher-level document's (a hint, never an edge). With a root, only that document, its ancestors and
its descendants are listed.
"""

from __future__ import annotations

import json
from typing import Any

from policydiff.lineage import Lineage
from policydiff.lineage.likely import LikelyParent, likely_parents

SCHEMA = "policydiff.lineage/1"


def subset(lineage: Lineage, root: str | None) -> set[str]:
    """The ids shown for ``root``: it, its ancestors and its descendants (all without)."""
    if root is None:
        return {d.id for d in lineage.documents}
    keep = {root, *lineage.descendants(root)}
    stack = [root]
    while stack:
        for parent in lineage.parents(stack.pop()):
            if parent not in keep:
                keep.add(parent)
                stack.append(parent)
    return keep


def lineage_dict(lineage: Lineage, root: str | None = None, lang: str = "zh") -> dict[str, Any]:
    """The lineage as the JSON schema says, each title in ``lang`` where the document has
    one (:meth:`~policydiff.models.Document.title_in`)."""
    keep = subset(lineage, root)
    return {
        "schema": SCHEMA,
        "root": root,
        "lang": lang,
        "documents": [
            {
                "id": d.id,
                "title": d.title_in(lang),
                "date": d.date_text,
                "doc_number": d.doc_number,
                "level": d.level,
                "jurisdiction": d.jurisdiction,
                "series": lineage.series[d.id],
                "parents": list(lineage.parents(d.id)),
                "children": list(lineage.children(d.id)),
            }
            for d in lineage.documents
            if d.id in keep
        ],
        "edges": [
            {
                "child": e.child,
                "parent": e.parent,
                "how": e.how,
                # a declared parent the text does not cite rests on no citation: nothing
                # cited, nothing scored
                "cited": e.cited or None,
                "sentence": e.sentence or None,
                "location": e.location or None,
                "score": e.score if e.sentence else None,
            }
            for e in lineage.edges
            if e.child in keep and e.parent in keep
        ],
        "unresolved": [
            {
                "document": u.document,
                "cited": u.cited,
                "sentence": u.sentence,
                "location": u.location,
                "reason": u.reason,
            }
            for u in lineage.unresolved
            if u.document in keep
        ],
        "missing": [
            {"document": child, "parent": parent}
            for child, parent in lineage.missing
            if child in keep
        ],
        "likely_parents": [
            {"document": h.document, "parent": h.parent, "score": h.score}
            for h in likely_parents(lineage)
            if h.document in keep
        ],
    }


def lineage_json(lineage: Lineage, root: str | None = None, lang: str = "zh") -> str:
    return json.dumps(lineage_dict(lineage, root, lang), ensure_ascii=False, indent=2) + "\n"


def likely_line(hint: LikelyParent) -> str:
    """Where a document citing no parent may belong, and how to say it does."""
    return (
        f"{hint.document}: its title restates {hint.parent}'s ({hint.score:g}), but no "
        f"parent was found in its text; if it implements it, add parents: [{hint.parent}] "
        "to its document.yaml"
    )
