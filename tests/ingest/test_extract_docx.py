"""Word documents numbered automatically ingest to what the same text typed plainly does.

The .docx files are built with python-docx (tests/ingest/make_docx.py): their
paragraphs hold no typed numbers, only references to list definitions.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from policydiff.structure import match_label
from tests.ingest.make_docx import CHINESE_LEVELS, ENGLISH_LEVELS, ListLevel, write_docx
from tests.ingest.policy_samples import EN, ZH, Sample, plan, provisions


@pytest.mark.parametrize(
    ("sample", "levels"), [(ZH, CHINESE_LEVELS), (EN, ENGLISH_LEVELS)], ids=["zh", "en"]
)
def test_a_word_document_ingests_to_the_sentences_and_provisions_of_the_plain_text(
    tmp_path: Path, sample: Sample, levels: tuple[ListLevel, ...]
) -> None:
    data = write_docx(sample, levels)
    path = tmp_path / "opinions.docx"
    path.write_bytes(data)
    typed_in_word = [paragraph.text for paragraph in docx.Document(str(path)).paragraphs]
    assert not any(match_label(text) for text in typed_in_word)  # no number is typed

    from_word = plan(tmp_path, "opinions.docx", data)
    typed = plan(tmp_path, "typed.txt", sample.plain().encode("utf-8"))

    assert len(provisions(typed)) == len(sample.paragraphs)  # the preamble and each numbered one
    assert provisions(from_word) == provisions(typed)
    assert from_word.version.text == typed.version.text


def test_without_the_numbering_part_the_numbered_tasks_collapse(tmp_path: Path) -> None:
    """The same file without its list definitions loses its provisions: the test above
    passes because the numbering is read, not for another reason."""
    data = write_docx(ZH, CHINESE_LEVELS)
    stripped = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(stripped, "w") as target:
        for item in source.infolist():
            if item.filename != "word/numbering.xml":
                target.writestr(item, source.read(item))
    unnumbered = plan(tmp_path, "unnumbered.docx", stripped.getvalue())
    assert len(provisions(unnumbered)) < len(ZH.paragraphs) // 2
