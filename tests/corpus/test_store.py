"""The corpus folder: reading, validation of metadata, atomic writes."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from policydiff.corpus import (
    add_version,
    load_corpus,
    load_document,
    metadata_yaml,
    next_version_key,
    write_document,
)
from policydiff.errors import CorpusError, UsageError
from policydiff.models import Document, Version
from tests.conftest import BUNDLED, DOC_2021, DOC_2023


def _document(doc_id: str = "2020-01-02-test-document") -> Document:
    return Document(
        id=doc_id,
        title="Opinions on Testing",
        issuers=("State Council",),
        date=dt.date(2020, 1, 2),
        versions=(
            Version(
                key="en", lang="en", kind="translation", complete=True, source="t", text="A.\n"
            ),
        ),
    )


def test_written_document_reads_back_identically(tmp_path: Path) -> None:
    document = _document()
    write_document(tmp_path, document)
    assert load_corpus(tmp_path).documents == (document,)
    assert (tmp_path / document.id / "document.yaml").read_text(encoding="utf-8") == metadata_yaml(
        document
    )


def test_metadata_is_plain_readable_yaml(tmp_path: Path) -> None:
    write_document(tmp_path, _document())
    text = (tmp_path / "2020-01-02-test-document" / "document.yaml").read_text(encoding="utf-8")
    assert "date: 2020-01-02\n" in text
    assert text.startswith("id: 2020-01-02-test-document\ntitle: Opinions on Testing\n")


def test_add_version_and_next_key(tmp_path: Path) -> None:
    document = _document()
    write_document(tmp_path, document)
    assert next_version_key(document, "en") == "en-2"
    assert next_version_key(document, "zh") == "zh"
    zh = Version(key="zh", lang="zh", kind="original", complete=True, source="s", text="甲。\n")
    add_version(tmp_path, document, zh)
    assert [v.key for v in load_corpus(tmp_path).documents[0].versions] == ["en", "zh"]


def test_refuses_to_overwrite_a_document(tmp_path: Path) -> None:
    write_document(tmp_path, _document())
    with pytest.raises(CorpusError, match="already exists"):
        write_document(tmp_path, _document())


@pytest.fixture
def copied(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(BUNDLED, target)
    return target


def _edit(copied: Path, old: str, new: str) -> Path:
    meta = copied / DOC_2021 / "document.yaml"
    text = meta.read_text(encoding="utf-8")
    assert old in text
    meta.write_text(text.replace(old, new), encoding="utf-8")
    return meta


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("date: 2021-10-21", "date: 2021-02-30", "date 2021-02-30 is not a real date"),
        (
            "date: 2021-10-21",
            "date: 21/10/2021",
            "date must be written YYYY-MM-DD, or YYYY-MM or YYYY",
        ),
        (
            "date: 2021-10-21\n",
            "",
            "date must be written YYYY-MM-DD, or YYYY-MM or YYYY when the day is not "
            "known, with ~ after an estimate, not ''",
        ),
        ("date: 2021-10-21", "date: 2021-13", "date 2021-13 is not a real date"),
        ("date: 2021-10-21", "date: 2021-6", "date must be written YYYY-MM-DD, or YYYY-MM"),
        ("date: 2021-10-21", "date: ~2021", "date must be written YYYY-MM-DD, or YYYY-MM"),
        ("date: 2021-10-21", "date: 2021-10~~", "date must be written YYYY-MM-DD, or YYYY-MM"),
        ("date: 2021-10-21", "date: ２０２１-１０", "date must be written YYYY-MM-DD, or YYYY-MM"),
        ("date: 2021-10-21", "date: '2999'", "date 2999 is in the future"),
        (
            "date: 2021-10-21",
            "date: 2021-11\npublished: 2021-10-31",
            "published 2021-10-31 is before the issue date 2021-11",
        ),
        ("lang: zh", "lang: fr", "unknown language 'fr'"),
        ("kind: original", "kind: draft", "kind must be original or translation"),
        ("title: ", "title_old: ", "title is missing"),
        ("id: ", "id: Bad Id\nold_id: ", "must be lowercase letters"),
        ("issuers:", "issuers: 7\nold_issuers:", "issuers must be a list of names"),
        ("versions:", "versions: [\nold:", "malformed metadata"),
    ],
)
def test_malformed_metadata_names_the_file_and_problem(
    copied: Path, old: str, new: str, problem: str
) -> None:
    meta = _edit(copied, old, new)
    with pytest.raises(CorpusError) as caught:
        load_corpus(copied)
    assert problem in str(caught.value)
    assert str(meta) in str(caught.value)


def test_missing_version_file(copied: Path) -> None:
    (copied / DOC_2021 / "zh.txt").unlink()
    with pytest.raises(CorpusError, match=r"zh\.txt: version file is missing"):
        load_corpus(copied)


def test_a_document_folder_that_lost_its_metadata_is_refused_not_skipped(copied: Path) -> None:
    (copied / DOC_2021 / "document.yaml").unlink()
    with pytest.raises(CorpusError, match=r"folder without document\.yaml: not a document"):
        load_corpus(copied)


def test_a_byte_order_mark_an_editor_wrote_is_no_part_of_the_text(copied: Path) -> None:
    path = copied / DOC_2021 / "zh.txt"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    [document] = [d for d in load_corpus(copied).documents if d.id == DOC_2021]
    assert document.version("zh").text == text


def test_folder_name_must_match_id(copied: Path) -> None:
    (copied / DOC_2021).rename(copied / "renamed")
    with pytest.raises(CorpusError, match="does not match its folder name 'renamed'"):
        load_corpus(copied)


def test_bundled_corpus_is_in_timeline_order(bundled_corpus) -> None:
    dates = [d.date for d in bundled_corpus.documents]
    assert dates == [dt.date(2021, 10, 21), dt.date(2023, 12, 27), dt.date(2025, 8, 15)]


def test_resolve_a_version_by_document_key_or_language(bundled_corpus) -> None:
    assert bundled_corpus.resolve(DOC_2021)[1].key == "en"
    assert bundled_corpus.resolve(DOC_2021, "zh")[1].key == "zh"
    assert bundled_corpus.resolve(f"{DOC_2021}:en-2")[1].key == "en-2"
    assert bundled_corpus.resolve(f"{DOC_2021}:zh", "en")[1].key == "zh"  # the key wins
    for ref, lang, message in [
        ("2021-green-developmnt-urban", None, "did you mean 2021-green-development-urban"),
        (f"{DOC_2021}:en-9", None, "no version 'en-9'"),
        (DOC_2023, "zh", "has no version 'zh'"),
    ]:
        with pytest.raises(UsageError, match=message):
            bundled_corpus.resolve(ref, lang)


def test_a_publication_may_precede_an_estimated_issue_date_by_less_than_a_year(
    copied: Path,
) -> None:
    _edit(copied, "date: 2021-10-21", "date: 2021-11~\npublished: 2021-10-31")
    document = next(d for d in load_corpus(copied).documents if d.id == DOC_2021)
    assert document.published == dt.date(2021, 10, 31)


@pytest.mark.parametrize(
    ("written", "shown", "earliest", "latest"),
    [
        ("2022-06", "2022-06", dt.date(2022, 6, 1), dt.date(2022, 6, 30)),
        ("2024-02", "2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("'2023'", "2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        ("2022-12~", "≈2022-12", dt.date(2022, 12, 1), dt.date(2022, 12, 31)),
    ],
)
def test_a_date_known_to_the_month_or_year_or_estimated_is_kept_as_written(
    copied: Path, written: str, shown: str, earliest: dt.date, latest: dt.date
) -> None:
    _edit(copied, "date: 2021-10-21", f"date: {written}")
    document = next(d for d in load_corpus(copied).documents if d.id == DOC_2021)
    assert (document.date, document.shown_date) == (earliest, shown)
    assert (document.issue_date.earliest, document.issue_date.latest) == (earliest, latest)
    rewritten = copied.parent / "rewritten"
    write_document(rewritten, document)
    assert f"date: {written}\n" in (rewritten / DOC_2021 / "document.yaml").read_text("utf-8")
    assert load_document(rewritten / DOC_2021).date_text == written.strip("'")


def test_a_document_whose_two_date_fields_disagree_is_refused() -> None:
    # date is the first day the written date allows: one date in two fields
    with pytest.raises(ValueError, match="is not the first day of 2020-02"):
        replace(_document(), date_written="2020-02")
    month = replace(_document(), date=dt.date(2020, 2, 1), date_written="2020-02")
    assert (month.date_text, month.shown_date) == ("2020-02", "2020-02")
