"""The validating reader: every problem of every folder, debris, skeletons."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from policydiff.check.debris import debris_lines
from policydiff.check.duplicates import duplicate_findings
from policydiff.check.scan import content_findings, scan_corpus
from policydiff.corpus import Corpus
from tests.conftest import BUNDLED, DOC_2021


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Tel. 400-6700-999", "phone"),
        ("For enquiries call hotline: 010-5893 4114 during office hours.", "phone"),
        ("E-mail: policy@example.gov.cn", "email"),
        ("Copyright 2024 Example Co., Ltd.", "copyright"),
        ("Scan the QR code", "navigation"),
        ("(3) Promote green buildings.[bookmark: _Toc1]", "bookmark"),
    ],
)
def test_debris_is_found_by_line(line: str, kind: str) -> None:
    text = f"(1) Promote green development during 2021-2025.\n{line}\n"
    ((number, message),) = debris_lines(text)
    assert number == 2
    assert message.startswith(f"web debris left in ({kind}): ")


def test_an_e_mail_address_in_a_sentence_is_no_debris() -> None:
    # ingest keeps it with its sentence, and check does not ask for it to be removed
    assert (
        debris_lines("各地区每季度将能耗数据报送至nyjc@ndrc.gov.cn，2025年底前实现全覆盖。\n") == []
    )


def test_policy_text_with_numbers_is_not_debris() -> None:
    text = "By 2025, the share will reach 30%, and 2021-2035 targets will be met in 100 cities.\n"
    assert debris_lines(text) == []


def test_a_date_is_debris_below_any_line_but_a_tables_label_awaiting_it() -> None:
    # ingest keeps 2023-04-18 below 发文日期：, the label's value; check reads it so too
    assert debris_lines("发文日期：\n2023-04-18\n") == []
    assert [n for n, _ in debris_lines("更新时间：\n2023-05-16\n")] == [2]


def test_bundled_corpus_is_clean(bundled_corpus: Corpus) -> None:
    scan = scan_corpus(BUNDLED)
    assert scan.findings == [] and scan.complete
    assert [d.id for d in scan.documents] == [d.id for d in bundled_corpus.documents]
    for document in bundled_corpus.documents:
        assert content_findings(BUNDLED, document) == []
    assert duplicate_findings(BUNDLED, list(bundled_corpus.documents)) == []


def test_one_document_can_carry_many_problems(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(BUNDLED / DOC_2021, corpus / DOC_2021)
    meta = corpus / DOC_2021 / "document.yaml"
    text = meta.read_text(encoding="utf-8")
    text = text.replace("date: 2021-10-21", "date: 2021-10-21\npublished: 2021/10/24")
    text = text.replace("lang: zh", "lang: fr").replace("title: Opinions", "title_en: Opinions")
    meta.write_text(text, encoding="utf-8")
    (corpus / DOC_2021 / "zh.txt").write_bytes("城乡建设".encode("gb18030"))
    scan = scan_corpus(corpus)
    messages = {(Path(f.path).name, f.message) for f in scan.findings}
    assert messages == {
        ("document.yaml", "title is missing"),
        ("document.yaml", "published must be a date written YYYY-MM-DD, not '2021/10/24'"),
        ("document.yaml", "version zh: unknown language 'fr' (use en or zh)"),
        ("zh.txt", "version file is not UTF-8 (byte 0)"),
    }
    assert not scan.complete and scan.documents == []


def test_skeleton_mismatch_between_complete_versions_is_a_warning(
    bundled_corpus: Corpus, tmp_path: Path
) -> None:
    document = bundled_corpus.get(DOC_2021)
    assert document is not None
    zh = document.version("zh")
    assert zh is not None
    cut = zh.text.split("三、")[0]
    import dataclasses

    broken = dataclasses.replace(
        document,
        versions=tuple(
            dataclasses.replace(v, text=cut) if v is zh else v for v in document.versions
        ),
    )
    (finding,) = content_findings(tmp_path, broken)
    assert finding.severity == "warning" and finding.kind == "consistency"
    assert finding.path.endswith("en.txt")
    assert "differs from zh's [3, 3]" in finding.message


def test_numbering_that_starts_again_under_one_heading_is_a_warning(tmp_path: Path) -> None:
    # Shanghai's plan as first transcribed: 二、重点任务 missing, so its (一)… of the tasks
    # numbered again under 一、总体要求, and every location under them cited wrong
    import dataclasses

    from policydiff.corpus import load_corpus
    from tests.conftest import LINEAGE

    plan = load_corpus(LINEAGE).get("shanghai-chengxiangjianshe-tandafeng")
    assert plan is not None
    (zh,) = plan.versions
    assert content_findings(tmp_path, plan) == []
    cut = dataclasses.replace(zh, text=zh.text.replace("二、重点任务\n", ""))
    (finding,) = content_findings(tmp_path, dataclasses.replace(plan, versions=(cut,)))
    assert (finding.severity, finding.kind) == ("warning", "structure")
    assert finding.message.startswith(
        "numbering starts again under one heading at I.1-2 (（一）) and "
    )


def test_a_declared_parent_not_held_or_issued_later_is_a_warning(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(BUNDLED, corpus)
    later = "2025-high-quality-development-cities"
    meta = corpus / DOC_2021 / "document.yaml"
    meta.write_text(
        meta.read_text(encoding="utf-8") + f"parents: [{later}, plan-2022]\n", encoding="utf-8"
    )
    scan = scan_corpus(corpus)
    assert scan.complete
    assert [(f.path, f.severity, f.message) for f in scan.findings] == [
        (
            str(meta),
            "warning",
            f"declares parent {later!r}, issued 2025-08-15, after this document (2021-10-21)",
        ),
        (str(meta), "warning", "declares parent 'plan-2022', which the corpus does not hold"),
    ]
    # declared the other way round, the parent is held and earlier: nothing to say
    meta.write_text(meta.read_text(encoding="utf-8").split("parents:")[0], encoding="utf-8")
    child = corpus / later / "document.yaml"
    child.write_text(
        child.read_text(encoding="utf-8") + f"parents: [{DOC_2021}]\n", encoding="utf-8"
    )
    assert scan_corpus(corpus).findings == []
