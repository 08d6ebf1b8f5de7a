"""Text out of a PDF's text layer.

Bad input raises :class:`~policydiff.errors.InputError` naming the file, never a
library traceback.
"""

from __future__ import annotations

import contextlib
import io
import logging
import warnings
from collections.abc import Iterator

from policydiff.errors import InputError
from policydiff.ingest.extract import normalize_text, short_message


@contextlib.contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """Keep pypdf's warnings about sloppy-but-readable PDFs off the user's terminal."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR + 10)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def pdf_to_text(data: bytes, path: str) -> str:
    """The text layer of a PDF, pages joined with ``"\\n"``, via pypdf.

    An encrypted PDF is opened with the empty password if it allows that. A PDF
    with (almost) no extractable text -- a scan -- is refused, since guessing at
    its content would not be evidence.
    """
    from pypdf import PdfReader  # imported here: only PDFs pay for it
    from pypdf.errors import DependencyError, FileNotDecryptedError

    with _quiet_pypdf():
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise InputError(path, "encrypted PDF (needs a password)")
            pages = [page.extract_text() or "" for page in reader.pages]
        except InputError:
            raise
        except (FileNotDecryptedError, DependencyError) as exc:
            raise InputError(
                path, f"encrypted PDF that cannot be opened ({short_message(exc)})"
            ) from None
        except Exception as exc:  # pypdf raises many types on damaged files
            raise InputError(path, f"corrupt PDF: {short_message(exc)}") from None
    text = normalize_text("\n".join(pages))
    visible = sum(1 for ch in text if not ch.isspace())
    if visible < min(20, 3 * max(len(pages), 1)):
        raise InputError(path, "PDF has no text layer (scanned image?)")
    return text
