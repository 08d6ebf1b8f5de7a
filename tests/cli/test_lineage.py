"""`policydiff lineage`, `list --format json` parents and series, `ingest --parent/--series`:
on the example lineage (examples/lineage/corpus, built by examples/lineage/build.sh)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from policydiff.cli import main
from tests.conftest import BUNDLED, LINEAGE, LINEAGE_PARENT, LINEAGE_RAW, SEED_2021_EN, SEED_2021_ZH

CITING = ["yunnan", "chongqing", "guangdong", "henan"]


def run(*args: str, corpus: Path = LINEAGE):
    return CliRunner().invoke(main, [*args, "--corpus", str(corpus)], catch_exceptions=False)


def _ingest(corpus: Path, name: str, doc_id: str, date: str, *extra: str) -> None:
    result = run(
        "ingest", str(LINEAGE_RAW / name), "--id", doc_id, "--date", date, "--new-document", "-q",
        *extra, corpus=corpus,
    )  # fmt: skip
    assert result.exit_code == 0, result.output


def test_each_province_lists_the_ministry_plan_among_its_parents() -> None:
    data = {d["id"]: d for d in json.loads(run("list", "--format", "json").output)}
    for province in CITING:
        assert data[f"{province}-chengxiangjianshe-tandafeng"]["parents"] == [LINEAGE_PARENT]
    assert data["shanghai-chengxiangjianshe-tandafeng"]["parents"] == [LINEAGE_PARENT]
    parent = data[LINEAGE_PARENT]
    assert parent["parents"] == [] and parent["doc_number"] == "建标〔2022〕53号"
    assert parent["series"] == "ministry:住房和城乡建设部"
    assert data["henan-chengxiangjianshe-tandafeng"]["series"] == "provincial:河南省"


def test_parents_do_not_depend_on_the_order_of_ingest(tmp_path: Path) -> None:
    # the committed example adds the provinces first; here the ministry plan comes first
    corpus = tmp_path / "corpus"
    _ingest(
        corpus, "2022-central-chengxiang-tandafeng.txt", LINEAGE_PARENT, "2022-06-30",
        "--doc-number", "建标〔2022〕53号",
    )  # fmt: skip
    _ingest(corpus, "henan-chengxiang-tandafeng.txt", "henan", "2023-03-01")
    _ingest(corpus, "yunnan-chengxiang-tandafeng.txt", "yunnan", "2022-12-31")
    data = {
        d["id"]: d["parents"]
        for d in json.loads(run("list", "--format", "json", corpus=corpus).output)
    }
    assert data == {LINEAGE_PARENT: [], "yunnan": [LINEAGE_PARENT], "henan": [LINEAGE_PARENT]}


def test_lineage_json_gives_each_edge_its_citing_sentence() -> None:
    data = json.loads(run("lineage", "--format", "json").output)
    assert data["schema"] == "policydiff.lineage/1"
    edges = {e["child"]: e for e in data["edges"]}
    chongqing = edges["chongqing-chengxiangjianshe-tandafeng"]
    assert chongqing["parent"] == LINEAGE_PARENT and chongqing["how"] == "number"
    assert "（建标〔2022〕53号）" in chongqing["sentence"] and chongqing["location"] == "Preamble"
    assert edges["henan-chengxiangjianshe-tandafeng"]["how"] == "title"
    shanghai = edges["shanghai-chengxiangjianshe-tandafeng"]
    assert shanghai["how"] == "declared"  # the corpus's word: no citation, nothing scored
    assert [shanghai[k] for k in ("cited", "sentence", "location", "score")] == [None] * 4
    assert chongqing["score"] == 100.0
    # reserved central documents are cited, and stay unresolved
    cited = {u["cited"] for u in data["unresolved"] if u["document"] == LINEAGE_PARENT}
    assert "《2030年前碳达峰行动方案》" in cited


def test_lineage_tree_of_one_document_shows_its_parent_and_the_citation() -> None:
    result = run("lineage", "henan-chengxiangjianshe-tandafeng")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith(LINEAGE_PARENT) and "建标〔2022〕53号" in lines[0]
    assert "henan-chengxiangjianshe-tandafeng" in lines[1]
    assert (
        "cites its title 《住房和城乡建设部国家发展改革委关于印发城乡建设领域碳达峰实施方案的通知》"
        in result.output
    )
    assert "yunnan" not in result.output
    # the edge's evidence: the citing sentence itself, as in the JSON
    assert "为深入贯彻落实党中央、国务院和省委省政府关于碳达峰碳中和决策部署" in result.output


def test_a_declared_parent_must_be_earlier_held_and_another_document(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _ingest(corpus, "chongqing-chengxiang-tandafeng.txt", "chongqing", "2023-01-04")
    before = sorted(p.read_bytes() for p in corpus.rglob("*") if p.is_file())
    later = run(
        "ingest", str(LINEAGE_RAW / "2022-central-chengxiang-tandafeng.txt"), "--date",
        "2022-06", "--new-document", "--id", "centre", "--parent", "chongqing", corpus=corpus,
    )  # fmt: skip
    assert later.exit_code == 2
    assert (
        "--parent chongqing: issued 2023-01-04, after this document (2022-06); a document "
        "implements earlier ones" in later.output
    )
    itself = run(
        "ingest", str(LINEAGE_RAW / "2022-central-chengxiang-tandafeng.txt"), "--date",
        "2022-06", "--new-document", "--id", "centre", "--parent", "centre", corpus=corpus,
    )  # fmt: skip
    assert itself.exit_code == 2
    assert "--parent centre: a document is not its own parent" in itself.output
    assert "no such document" not in itself.output
    assert sorted(p.read_bytes() for p in corpus.rglob("*") if p.is_file()) == before


def test_a_version_takes_no_option_of_a_new_document(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _ingest(corpus, "chongqing-chengxiang-tandafeng.txt", "chongqing", "2023-01-04")
    result = run(
        "ingest", str(LINEAGE_RAW / "yunnan-chengxiang-tandafeng.txt"), "--version-of",
        "chongqing", "--series", "mine", "--date", "2021-01-01", corpus=corpus,
    )  # fmt: skip
    assert result.exit_code == 2
    assert "--series, --date describe a new document; --version-of adds a version" in result.output


def test_a_declared_parent_must_be_held(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "ingest", str(LINEAGE_RAW / "henan-chengxiang-tandafeng.txt"), "--corpus",
            str(tmp_path / "c"), "--date", "2023-03-01", "--parent", "no-such-plan",
        ],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "--parent no-such-plan: no such document in the corpus" in result.output
    assert not (tmp_path / "c").exists() or not any((tmp_path / "c").iterdir())


def test_series_and_parents_are_written_and_read_back(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _ingest(corpus, "2022-central-chengxiang-tandafeng.txt", "parent", "2022-06-30")
    _ingest(
        corpus, "yunnan-chengxiang-tandafeng.txt", "child", "2022-12-31",
        "--series", "urban-rural-carbon", "--parent", "parent",
    )  # fmt: skip
    text = (corpus / "child" / "document.yaml").read_text(encoding="utf-8")
    assert "series: urban-rural-carbon\n" in text and "parents:\n- parent\n" in text
    data = {d["id"]: d for d in json.loads(run("list", "--format", "json", corpus=corpus).output)}
    assert data["child"]["series"] == "urban-rural-carbon"
    assert data["child"]["parents"] == ["parent"]


def test_a_document_cited_by_many_is_listed_once_with_who_cites_it() -> None:
    result = CliRunner().invoke(
        main, ["lineage", "--corpus", str(LINEAGE)], terminal_width=80, catch_exceptions=False
    )
    listed = result.output.split("the most cited first):\n", 1)[1]
    lines = listed.splitlines()
    # the standard the ministry, Yunnan, Chongqing and Henan cite (Henan in half-width
    # brackets), once; two provinces' own 实施意见 stay apart
    assert listed.count("《完整居住社区建设标准") == 1
    at = next(k for k, line in enumerate(lines) if "《农村居住建筑节能设计标准》" in line)
    assert lines[at + 1].strip().startswith("cited by 4: 2022-chengxiangjianshe-tandafeng,")
    assert "中共上海市委" in listed and "中共重庆市委" in listed
    # a long title wraps under itself, never back at the margin
    assert all(line.startswith("  ") for line in lines if line.strip())


def test_a_declared_parent_the_text_cites_keeps_its_citation_and_score(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(LINEAGE, corpus)
    meta = corpus / "yunnan-chengxiangjianshe-tandafeng" / "document.yaml"
    text = meta.read_text(encoding="utf-8")
    assert "parents:" not in text
    meta.write_text(text + f"parents: [{LINEAGE_PARENT}]\n", encoding="utf-8")
    data = json.loads(run("lineage", "--format", "json", corpus=corpus).output)
    assert data["lang"] == "zh"
    yunnan = next(e for e in data["edges"] if e["child"] == "yunnan-chengxiangjianshe-tandafeng")
    assert yunnan["how"] == "declared"
    assert "（建标〔2022〕53号）" in yunnan["sentence"] and yunnan["score"] == 100.0


def test_a_plan_citing_no_parent_gets_a_hint_where_it_may_belong(tmp_path: Path) -> None:
    # Yunnan's plan, its citation of the ministry plan cut: its title restates the
    # ministry plan's
    corpus = tmp_path / "corpus"
    shutil.copytree(LINEAGE, corpus)
    folder = corpus / "yunnan-chengxiangjianshe-tandafeng"
    text = (folder / "zh.txt").read_text(encoding="utf-8")
    citation = "、《住房和城乡建设部国家发展改革委关于印发城乡建设领域碳达峰实施方案的通知》（建标〔2022〕53号）"
    assert citation in text
    (folder / "zh.txt").write_text(text.replace(citation, ""), encoding="utf-8")
    data = json.loads(run("lineage", "--format", "json", corpus=corpus).output)
    assert data["lang"] == "zh"
    assert data["likely_parents"] == [
        {"document": "yunnan-chengxiangjianshe-tandafeng", "parent": LINEAGE_PARENT, "score": 100.0}
    ]
    assert not any(e["child"] == "yunnan-chengxiangjianshe-tandafeng" for e in data["edges"])
    text = "".join(run("lineage", corpus=corpus).output.split())
    assert (
        f"yunnan-chengxiangjianshe-tandafeng:itstitlerestates{LINEAGE_PARENT}'s(100),butno"
        f"parentwasfoundinitstext;ifitimplementsit,addparents:[{LINEAGE_PARENT}]"
    ) in text
    # parents declared none: the reader has said it implements nothing held
    meta = folder / "document.yaml"
    meta.write_text(meta.read_text(encoding="utf-8") + "parents: []\n", encoding="utf-8")
    assert (
        json.loads(run("lineage", "--format", "json", corpus=corpus).output)["likely_parents"] == []
    )
    # the example lineage as held: every province has its parent, no hint
    assert json.loads(run("lineage", "--format", "json").output)["likely_parents"] == []


def test_views_say_what_a_month_or_an_estimated_date_means() -> None:
    # the ministry's plan known to its month, Yunnan's date estimated
    note = "≈ marks an estimated issue date; 2022-06 or 2022 one known only to its month or year"
    for command in ("lineage", "list"):
        output = " ".join(run(command).output.split())
        assert "2022-06 " in output and "≈2022-12" in output
        assert note in output
    assert "≈" not in run("list", corpus=BUNDLED).output  # every day known: no note


def test_lineage_gives_titles_in_the_language_asked_for(tmp_path: Path) -> None:
    # the bundled 2025 Opinions declared to implement the 2021 ones, which have a title in
    # English and one in Chinese
    corpus = tmp_path / "corpus"
    shutil.copytree(BUNDLED, corpus)
    meta = corpus / "2025-high-quality-development-cities" / "document.yaml"
    meta.write_text(
        meta.read_text(encoding="utf-8") + "parents: [2021-green-development-urban]\n",
        encoding="utf-8",
    )
    english = "Opinions on Promoting Green Development of Urban and Rural Construction"
    chinese = "关于推动城乡建设绿色发展的意见"
    by_default = run("lineage", "--no-color", corpus=corpus).output
    assert chinese in by_default and english not in by_default
    in_english = run("lineage", "--no-color", "--lang", "en", corpus=corpus).output
    assert english in in_english and chinese not in in_english
    english_json = json.loads(
        run("lineage", "--format", "json", "--lang", "en", corpus=corpus).output
    )
    assert english_json["lang"] == "en"
    titles = {d["id"]: d["title"] for d in english_json["documents"]}
    assert titles["2021-green-development-urban"] == english
    data = json.loads(run("lineage", "--format", "json", corpus=corpus).output)
    assert data["lang"] == "zh"
    assert (
        next(d for d in data["documents"] if d["id"] == "2021-green-development-urban")["title"]
        == chinese
    )


def test_a_version_notes_the_options_of_a_document_it_was_not_given(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    one = [str(SEED_2021_EN), str(SEED_2021_ZH), "--date", "2021-10-21", "--series", "green"]
    # the Chinese original links to the document the English made in this very command,
    # with the same series: nothing was left unapplied
    made = run("ingest", *one, corpus=corpus)
    assert made.exit_code == 0, made.output
    assert "not applied" not in made.output and "series: green" in (
        corpus / "2021-green-development-urban" / "document.yaml"
    ).read_text(encoding="utf-8")
    # a version given a series of its own: the series stays the document's, and is named
    english = tmp_path / "english"
    run("ingest", str(SEED_2021_EN), "--date", "2021-10-21", corpus=english)
    again = run("ingest", str(SEED_2021_ZH), "--series", "other", "--dry-run", corpus=english)
    assert "would be added as new version" in again.output
    assert "--series not applied: the file is a version of 2021-green-development-urban" in (
        again.output
    )


def test_check_warns_of_a_cycle_of_declarations_but_not_of_the_edge_the_dates_allow(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(BUNDLED, corpus)
    first, second = "2021-green-development-urban", "2023-construction-beautiful-china"
    for child, parent in ((first, second), (second, first)):
        meta = corpus / child / "document.yaml"
        meta.write_text(
            meta.read_text(encoding="utf-8") + f"parents:\n- {parent}\n", encoding="utf-8"
        )
    result = CliRunner().invoke(main, ["check", "--corpus", str(corpus)])
    warned = [line for line in result.output.splitlines() if "declares parent" in line]
    # 2021 declaring 2023 is against the dates; 2023 declaring 2021 is right, and the cycle
    # is the 2021 declaration's, warned of as such
    assert len(warned) == 1 and f"{first}/document.yaml" in warned[0]
    assert "after this document" in warned[0]
