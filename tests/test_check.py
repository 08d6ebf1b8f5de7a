"""policydiff.check without the CLI: the validating reader, debris, verdicts, renderings."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from policydiff.check import (
    CheckResult,
    Finding,
    ThemeChange,
    _duplicate_finding,
    changed_since_report,
    content_findings,
    debris_findings,
    duplicate_findings,
    parse_fail_on,
    qgram_histogram,
    ratio_bound,
    read_report,
    render_markdown,
    render_text,
    result_dict,
    scan_corpus,
)
from policydiff.corpus import Corpus
from policydiff.errors import UsageError
from policydiff.ingest.link import containment
from policydiff.models import Document, Version
from tests.conftest import BUNDLED, DOC_2021, DOC_2023, DOC_2025


def test_fail_on_parses_a_list_and_refuses_unknown_verdicts() -> None:
    assert parse_fail_on("weakened, dropped,weakened") == ("weakened", "dropped")
    assert parse_fail_on(None) == ()
    for bad in ("weaker", "weakened,unchanged", ","):
        with pytest.raises(UsageError, match="--fail-on: unknown verdict"):
            parse_fail_on(bad)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Tel. 400-6700-999", "phone"),
        ("For enquiries call hotline: 010-5893 4114 during office hours.", "phone"),
        ("Write to policy@example.gov.cn with comments on these Opinions.", "email"),
        ("Copyright 2024 Example Co., Ltd.", "copyright"),
        ("Scan the QR code", "navigation"),
        ("(3) Promote green buildings.[bookmark: _Toc1]", "bookmark"),
    ],
)
def test_debris_is_found_by_line(line: str, kind: str) -> None:
    text = f"(1) Promote green development during 2021-2025.\n{line}\n"
    (finding,) = debris_findings(Path("corpus/x/en.txt"), text)
    assert finding.path == "corpus/x/en.txt:2"
    assert finding.message.startswith(f"web debris left in ({kind}): ")


def test_policy_text_with_numbers_is_not_debris() -> None:
    text = "By 2025, the share will reach 30%, and 2021-2035 targets will be met in 100 cities.\n"
    assert debris_findings(Path("en.txt"), text) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abc de", max_size=60), st.data(), st.integers(1, 5))
def test_the_qgram_bound_is_never_below_the_ratio(text: str, data: st.DataObject, q: int) -> None:
    # an edited copy (near duplicates are what the bound must not lose) or another text
    edits = data.draw(st.lists(st.tuples(st.integers(0, 60), st.text("abc de", max_size=3))))
    other = text
    for at, piece in edits:
        other = other[:at] + piece + other[at + len(piece) // 2 :]
    if data.draw(st.booleans()):
        other = data.draw(st.text(alphabet="abc de", max_size=60))
    a, b = qgram_histogram(text, q), qgram_histogram(other, q)
    bound = ratio_bound(a, b, len(text) + len(other))
    assert fuzz.ratio(text, other) <= bound + 1e-9


def test_the_qgram_bound_is_reached_by_one_insertion_among_distinct_qgrams() -> None:
    # "X" removes the 3 four-grams across the gap and adds 4: an L1 of 7 for one indel,
    # so the bound cannot divide by less than 2q - 1 = 7
    text, other = "abcdefgh", "abcdXefgh"
    bound = ratio_bound(qgram_histogram(text), qgram_histogram(other), len(text) + len(other))
    assert bound == pytest.approx(fuzz.ratio(text, other)) == pytest.approx(100 * (1 - 1 / 17))


def test_qgram_histogram_counts_every_qgram_of_any_text() -> None:
    assert qgram_histogram("abc").total == 0
    assert qgram_histogram("abcabcab").total == 5
    assert sorted(qgram_histogram("abcabcab").counts.tolist()) == [1, 2, 2]
    assert qgram_histogram("绿色建筑\ud800绿色建筑").total == 6  # a lone surrogate is no error


def test_bundled_corpus_is_clean(bundled_corpus: Corpus) -> None:
    scan = scan_corpus(BUNDLED)
    assert scan.findings == [] and scan.complete
    assert [d.id for d in scan.documents] == [d.id for d in bundled_corpus.documents]
    for document in bundled_corpus.documents:
        assert content_findings(BUNDLED, document) == []
    assert duplicate_findings(BUNDLED, list(bundled_corpus.documents)) == []


def _documents_cut_from(bundled: Corpus) -> list[Document]:
    """The bundled corpus and documents cut and pasted from its English texts: a
    revision keeping most paragraphs, a lightly edited copy, an excerpt with a repeated
    paragraph, a text mixing two documents, a copy, and (dated before them all) one
    that holds a third of the 2023 text twice, as it stands and edited."""
    texts = {d.id: {v.key: v.text for v in d.versions} for d in bundled.documents}
    paragraphs = [p for p in texts[DOC_2023]["en"].split("\n") if p.strip()]
    other = [p for p in texts[DOC_2021]["en"].split("\n") if p.strip()]
    n = len(paragraphs)

    def edited(kept: list[str]) -> list[str]:
        return [p.replace("shall", "must").replace("green", "greener") for p in kept]

    made = {
        "2019-twice": paragraphs + edited(paragraphs[: n // 3]),
        "2024-revision": paragraphs[: n * 7 // 10] + other[:5],
        "2024-edited": edited(paragraphs),
        "2024-excerpt": paragraphs[n // 3 : n // 2] + paragraphs[n // 3 : n // 3 + 4],
        "2024-mixed": paragraphs[: n // 2] + other[: len(other) // 2],
        "2024-copy": other,
    }
    documents = []
    for i, (name, kept) in enumerate(made.items()):
        version = Version("en", "en", "translation", True, "test", "\n".join(kept) + "\n")
        date = dt.date(int(name[:4]), 1, i + 1)
        documents.append(Document(name, name, ("State Council",), date, (version,)))
    return sorted([*bundled.documents, *documents], key=lambda d: d.date)


def test_duplicate_findings_are_those_of_comparing_every_pair(bundled_corpus: Corpus) -> None:
    # the sentence graph, sparse counts and ratio bounds must give exactly what
    # containment() gives pair by pair
    documents = _documents_cut_from(bundled_corpus)
    expected = []
    for i, doc_p in enumerate(documents):
        for doc_q in documents[i + 1 :]:
            for p in doc_p.versions:
                for q in doc_q.versions:
                    if p.lang != q.lang:
                        continue
                    (doc_x, x), (doc_y, y) = sorted(
                        ((doc_p, p), (doc_q, q)), key=lambda pair: len(pair[1].text)
                    )
                    share, whole = containment(x, y)
                    finding = _duplicate_finding(BUNDLED, doc_x, x, doc_y, y, share, whole)
                    if finding is not None:
                        expected.append(finding)
    found = duplicate_findings(BUNDLED, documents)
    assert sorted(found, key=repr) == sorted(expected, key=repr)
    messages = " | ".join(f.message for f in found)
    assert "% identical" in messages and "of its sentences stand in" in messages
    assert len(found) >= 5


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


def test_new_changed_and_removed_since_the_report(bundled_corpus: Corpus) -> None:
    from policydiff.evolution import document_refs

    refs = document_refs(bundled_corpus.documents)
    digest = {r.id: r.digest for r in refs}
    listed = [
        {"id": DOC_2021, "digest": digest[DOC_2021]},
        {"id": DOC_2025, "digest": "0" * 64},
        {"id": "withdrawn-doc"},
    ]
    status = changed_since_report(refs, listed)
    assert status[DOC_2023] == "new" and status["withdrawn-doc"] == "removed"
    assert status[DOC_2025] == "changed"
    assert DOC_2021 not in status


def test_the_listed_documents_are_read_without_parsing_the_whole_report(
    tmp_path: Path,
) -> None:
    import json

    committed = BUNDLED.parent / "reports" / "evolution.json"
    whole = json.loads(committed.read_bytes())
    assert read_report(committed).documents == whole["documents"]
    # not policydiff's layout (no indent): parsed whole, same answer
    compact = tmp_path / "compact.json"
    compact.write_text(json.dumps(whole, ensure_ascii=False), encoding="utf-8")
    assert read_report(compact).documents == whole["documents"]
    # a report cut short inside its documents list lists nothing; a missing one has no bytes
    raw = committed.read_bytes()
    cut = tmp_path / "cut.json"
    cut.write_bytes(raw[: raw.index(b'"documents"') + 60])
    assert read_report(cut).documents is None and read_report(cut).readable
    assert not read_report(tmp_path / "absent.json").readable
    assert read_report(committed).read_bytes() == raw


def test_a_large_report_is_read_only_as_far_as_its_documents_and_inputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 97 MB at 1,000 documents; in CI it may come from disk
    import json

    whole = json.loads((BUNDLED.parent / "reports" / "evolution.json").read_bytes())
    whole["documents"] = whole["documents"] * 400  # a header past the first read
    whole["themes"] = whole["themes"] * 200  # the bulk of a large report
    large = tmp_path / "evolution.json"
    large.write_text(json.dumps(whole, ensure_ascii=False, indent=2), encoding="utf-8")
    header_end = large.read_bytes().index(b'\n  "themes"')
    read_sizes: list[int] = []
    real_open = Path.open

    def counting_open(self: Path, *args: object, **kwargs: object) -> object:
        file = real_open(self, *args, **kwargs)  # type: ignore[call-overload]
        real_read = file.read

        def read(size: int = -1) -> bytes:
            data = real_read(size)
            read_sizes.append(len(data))
            return data

        file.read = read
        return file

    monkeypatch.setattr(Path, "open", counting_open)
    import policydiff.check as check_module

    real_value = check_module._header_value
    decoded: list[str] = []

    def recording_value(prefix: bytes, key: str) -> object:
        value = real_value(prefix, key)
        if value is not check_module._CUT:
            decoded.append(key)
        return value

    monkeypatch.setattr(check_module, "_header_value", recording_value)
    found = read_report(large)
    assert found.documents == whole["documents"] and found.inputs == whole["inputs"]
    assert header_end < sum(read_sizes) < large.stat().st_size / 4, (read_sizes, header_end)
    assert len(read_sizes) > 2  # the documents list ran past the first reads
    assert sorted(decoded) == ["documents", "inputs"]  # each decoded once, not on every read


def test_a_long_list_of_removed_documents_is_counted_not_spelt_out() -> None:
    removed = tuple(f"2000-synthetic-{i:05}" for i in range(898))
    result = CheckResult("corpus", 101, "reports/evolution.json", (), (), removed, (), ())
    (line,) = [line for line in render_text(result).splitlines() if line.startswith("removed:")]
    assert line == ("removed: " + ", ".join(removed[:10]) + " and 888 more (all in --format json)")
    (item,) = [line for line in render_markdown(result).splitlines() if "**removed**" in line]
    assert item.endswith("`2000-synthetic-00009` and 888 more (all in --format json)")
    assert result_dict(result)["removed"] == list(removed)
    few = CheckResult("corpus", 3, "reports/evolution.json", (DOC_2025,), (), (), (), ())
    assert f"new: {DOC_2025}" in render_text(few).splitlines()


def test_document_text_in_the_pr_comment_is_inert_markdown() -> None:
    change = ThemeChange(
        DOC_2023, "waste-free-cities", "Waste *free*", "weakened", DOC_2021,
        "推动", 2.0, "Explore", 1.0, -1.0, "Cut PM2.5 to <35 µg and *halve* waste_rates | now.",
    )  # fmt: skip
    result = CheckResult("corpus", 2, "git ref HEAD", (DOC_2023,), (), (), (change,), ())
    row = next(line for line in render_markdown(result).splitlines() if "weakened" in line)
    assert r"Waste \*free\*" in row
    assert r"Cut PM2.5 to \<35 µg and \*halve\* waste\_rates \| now." in row


def test_exit_code_and_markdown() -> None:
    change = ThemeChange(
        DOC_2023, "waste-free-cities", "Waste|free", "weakened", DOC_2021,
        "推动 (promote)", 2.0, "Explore", 1.0, -1.0, "Explore the construction of it.",
    )  # fmt: skip
    warning = Finding("corpus/x/en.txt", "skeleton differs", "consistency", "warning")
    result = CheckResult("corpus", 2, "git ref HEAD", (DOC_2023,), (), (), (change,), (warning,))
    assert result.exit_code == 0
    markdown = render_markdown(result)
    assert (
        "| Waste\\|free | **weakened** | 推动 (promote) (2.0) | Explore (1.0) | -1.0 |" in markdown
    )
    assert "- **warning** `corpus/x/en.txt`: skeleton differs" in markdown
    failing = CheckResult(
        "corpus", 2, "git ref HEAD", (DOC_2023,), (), (), (change,),
        (warning, Finding("corpus/y", "bad", "metadata")), ("weakened",),
    )  # fmt: skip
    assert failing.exit_code == 1
    assert "**weakened** ⚠️" in render_markdown(failing)
