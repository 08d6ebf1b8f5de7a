"""Document text written into HTML: escaped, and a word diff marked. The report
(:mod:`policydiff.render.html`), the diff (:mod:`policydiff.render.diff_formats`) and the
restatement (:mod:`policydiff.render.restatement_formats`) all write it through here, as
they write Markdown through :mod:`policydiff.render.md_text`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

from policydiff.diff.ops import TokenOp

# Most texts hold nothing to escape: one search finds that faster than escape's five
# replacements.
_SPECIAL = re.compile("[&<>\"']")


def html_text(text: str) -> str:
    """``text`` escaped for HTML, attribute values included."""
    return escape(text, quote=True) if _SPECIAL.search(text) else text


def ops_html(ops: Iterable[TokenOp]) -> str:
    """Word-diff ops as HTML: what went in ``<del>``, what came in ``<ins>``, an elided
    run of unchanged words as a muted ellipsis."""
    out: list[str] = []
    for op in ops:
        if op.op == "equal":
            out.append(html_text(op.old))
        elif op.op == "elided":
            out.append('<span class="meta"> … </span>')
        else:
            if op.old:
                out.append(f"<del>{html_text(op.old)}</del>")
            if op.new:
                out.append(f"<ins>{html_text(op.new)}</ins>")
    return "".join(out)
