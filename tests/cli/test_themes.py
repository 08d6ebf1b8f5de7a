"""`policydiff themes` and `policydiff align` on the bundled corpus, through click's runner."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result

from policydiff.cli import main
from policydiff.themes import load_catalogue
from tests.conftest import BUNDLED, DOC_2021, DOC_2023, DOC_2025

USER_THEMES = """\
themes:
  - id: river-chiefs
    label: River and lake chiefs
    label_zh: 河湖长制
    en: [river and lake chiefs, forest chiefs]
    zh: [河长制]
"""


def run(*args: object) -> Result:
    return CliRunner(env={"COLUMNS": "80"}).invoke(
        main, ["--help"] if not args else [str(a) for a in args], catch_exceptions=False
    )


def themes(*args: object) -> Result:
    return run("themes", "--corpus", BUNDLED, "--no-color", *args)


def json_of(result: Result) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def matrix() -> dict[str, Any]:
    return json_of(themes("--format", "json"))


def test_matrix_json_documents_and_presence(matrix: dict[str, Any]) -> None:
    assert [d["id"] for d in matrix["documents"]] == [DOC_2021, DOC_2023, DOC_2025]
    assert matrix["documents"][0]["date"] == "2021-10-21"
    rows = {t["id"]: t for t in matrix["themes"]}
    waste = rows["waste-free-cities"]["counts"]
    assert waste[DOC_2021] > 0 and waste[DOC_2023] > 0
    assert all(n > 0 for n in rows["ultra-low-energy-buildings"]["counts"].values())
    assert rows["sponge-cities"]["label_zh"] == "海绵城市"
    for row in rows.values():
        assert set(row) == {"id", "label", "label_zh", "counts", "provisions"}
        assert any(row["counts"].values())  # without --all only mentioned themes
        for doc, n in row["counts"].items():
            assert 0 <= row["provisions"][doc] <= n
    catalogue_order = [i for i in load_catalogue().ids if i in rows]
    assert [t["id"] for t in matrix["themes"]] == catalogue_order


def test_the_matrix_counts_mentions_as_the_report_does(matrix: dict[str, Any]) -> None:
    # the 2021 Opinions, scored on the Chinese original, name green construction twice in
    # it and three times in the English translation: the matrix said 3, the report 2, and
    # the one-theme view 5 (both added up)
    report = json.loads((BUNDLED.parent / "reports" / "evolution.json").read_text("utf-8"))
    counted = {
        (theme["id"], point["document"]): point["mentions"] or 0
        for theme in report["themes"]
        for point in theme["points"]
    }
    for row in matrix["themes"]:
        for document, count in row["counts"].items():
            assert count == counted[(row["id"], document)], (row["id"], document)
    assert (
        themes("green-construction")
        .stdout.splitlines()[0]
        .endswith("2 mentions in 1 of 3 documents")
    )
    # the one-theme view counts sentences as the matrix does, not the matches in them
    for row in matrix["themes"]:
        header = themes(row["id"]).stdout.splitlines()[0]
        total = sum(row["counts"].values())
        assert f" {total} mention{'s' if total != 1 else ''} in " in header, header


def test_translations_are_never_added_up_in_any_command(tmp_path: Path) -> None:
    # a document in three complete versions, the one scored on (the Chinese original) not
    # naming sponge cities, its two translations once and twice: counted 2 everywhere
    # (the report had added them up to 3, the matrix not read the second translation)
    corpus = tmp_path / "corpus"
    folder = corpus / "doc-a"
    folder.mkdir(parents=True)
    (folder / "document.yaml").write_text(
        "id: doc-a\ntitle: Opinions on Urban Water\ntitle_zh: 关于城市水务的意见\n"
        "issuers: [State Council]\nlevel: central\ndate: 2021-01-10\nversions:\n"
        "- {key: zh, lang: zh, kind: original, complete: true}\n"
        "- {key: en, lang: en, kind: translation, complete: true}\n"
        "- {key: en-2, lang: en, kind: translation, complete: true}\n",
        encoding="utf-8",
    )
    head = "1. General requirements\n"
    (folder / "zh.txt").write_text("一、总体要求\n（一）加强城市排水防涝设施建设。\n", "utf-8")
    (folder / "en.txt").write_text(
        f"{head}(1) Build sponge cities.\n(2) Renew networks.\n", "utf-8"
    )
    (folder / "en-2.txt").write_text(
        f"{head}(1) Promote sponge cities.\n(2) Expand sponge cities construction.\n", "utf-8"
    )
    listed = json_of(run("themes", "--corpus", corpus, "--format", "json"))
    [sponge] = [t for t in listed["themes"] if t["id"] == "sponge-cities"]
    assert sponge["counts"] == {"doc-a": 2}
    evolution = json_of(run("evolution", "sponge-cities", "--corpus", corpus, "--format", "json"))
    assert [p["mentions"] for p in evolution["themes"][0]["points"]] == [2]
    header = run("themes", "sponge-cities", "--corpus", corpus, "--no-color").stdout
    assert header.splitlines()[0].endswith("2 mentions in 1 of 1 documents")


@pytest.mark.slow
def test_json_outputs_are_byte_identical_across_runs() -> None:
    for args in (("--format", "json"), ("sponge-cities", "--format", "json")):
        first, second = themes(*args), themes(*args)
        assert first.exit_code == 0
        assert first.stdout_bytes == second.stdout_bytes


def test_matrix_table_shows_counts_and_absence() -> None:
    result = themes()
    assert result.exit_code == 0, result.output
    line = next(x for x in result.stdout.splitlines() if " sponge-cities " in x)
    assert line.split()[1:] == ["1", "1", "–"]  # 2021, 2023, absent in 2025
    assert "2021-10-21 = 2021-green-development-urban" in result.stdout


@pytest.mark.slow
def test_all_includes_themes_never_mentioned(tmp_path: Path) -> None:
    extra = tmp_path / "never.yaml"
    extra.write_text(
        "themes:\n  - id: moon-bases\n    label: Moon bases\n    label_zh: 月球基地\n"
        "    en: [moon base]\n    zh: [月球基地]\n",
        encoding="utf-8",
    )
    plain = themes("--themes", extra)
    assert "moon-bases" not in plain.stdout.split("not found")[0]
    absent = plain.stdout.split("not found in any document")[1]
    assert "moon-bases" in absent
    rows = {
        t["id"]: t
        for t in json_of(themes("--themes", extra, "--all", "--format", "json"))["themes"]
    }
    assert set(rows["moon-bases"]["counts"].values()) == {0}
    assert "moon-bases" in themes("--themes", extra, "--all").stdout


def test_theme_mentions_in_english_and_chinese() -> None:
    result = themes("sponge-cities")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "实施海绵城市建设，完善城市防洪排涝体系" in out
    assert "We will build sponge cities" in out
    assert out.index(DOC_2021) < out.index(DOC_2023) < out.index(DOC_2025)
    assert "[zh] zh original" in out and "score 100.0" in out
    records = json_of(themes("sponge-cities", "--format", "json"))
    zh = [r for r in records if r["document"] == DOC_2021 and r["lang"] == "zh"]
    assert zh and "海绵城市" in zh[0]["sentence"] and zh[0]["matched"] == "海绵城市"
    assert any(r["version"] == "en" and r["document"] == DOC_2021 for r in records)
    for r in records:
        assert r["sentence"][r["start"] : r["end"]] == r["matched"]
        assert r["theme"] == "sponge-cities" and r["provision"] and r["location"]


def test_matched_span_is_bold_with_colour() -> None:
    result = run("themes", "--corpus", BUNDLED, "sponge-cities", "--color")
    assert result.exit_code == 0
    assert "\x1b[1" in result.stdout and "海绵城市" in result.stdout


def test_unknown_theme_is_one_line_naming_the_near_id() -> None:
    result = themes("sponge-city")
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: unknown theme 'sponge-city'")
    assert "sponge-cities" in lines[0]


@pytest.mark.slow
def test_user_theme_file_extends_the_catalogue(tmp_path: Path) -> None:
    user = tmp_path / "user.yaml"
    user.write_text(USER_THEMES, encoding="utf-8")
    rows = {t["id"]: t for t in json_of(themes("--themes", user, "--format", "json"))["themes"]}
    assert rows["river-chiefs"]["counts"][DOC_2023] >= 1
    assert "river-chiefs" in themes("--themes", user).stdout
    listing = json_of(themes("river-chiefs", "--themes", user, "--format", "json"))
    assert any("river and lake chiefs" in r["sentence"] for r in listing)


def test_corpus_level_catalogue_is_read_first(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for doc in (DOC_2021, DOC_2023):
        shutil.copytree(BUNDLED / doc, corpus / doc)
    (corpus / "themes.yaml").write_text(USER_THEMES, encoding="utf-8")
    result = run("themes", "--corpus", corpus, "river-chiefs", "--format", "json")
    assert {r["document"] for r in json_of(result)} == {DOC_2023}


@pytest.mark.parametrize(
    "content",
    ["themes: [{id: Bad Id, label: x, label_zh: y, en: [z]}]\n", "themes: [unclosed\n"],
)
def test_malformed_theme_file_is_one_line_naming_it(tmp_path: Path, content: str) -> None:
    bad = tmp_path / "bad-themes.yaml"
    bad.write_text(content, encoding="utf-8")
    result = themes("--themes", bad)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {bad}")


def test_missing_theme_file_exits_2(tmp_path: Path) -> None:
    result = themes("--themes", tmp_path / "nope.yaml")
    assert result.exit_code == 2 and "nope.yaml" in result.stderr


@pytest.mark.slow
def test_discover_writes_a_catalogue_that_loads(tmp_path: Path) -> None:
    out = tmp_path / "review" / "out.yaml"
    result = themes("--discover", "--write", out)
    assert result.exit_code == 0, result.output
    assert "candidate themes spanning two or more documents" in result.stdout
    assert f"to {out}" in result.stderr
    catalogue = load_catalogue([out])
    assert len(catalogue) > len(load_catalogue())
    assert not list(out.parent.glob(".*"))  # no temporary file left behind
    candidates = json_of(themes("--discover", "--format", "json"))
    assert candidates and all(len(c["documents"]) >= 2 for c in candidates)
    first = candidates[0]
    assert first["terms"] and first["members"][0]["provision"]
    assert {m["document"] for m in first["members"]} == set(first["documents"])


@pytest.mark.parametrize(
    "args",
    [("--write", "x.yaml"), ("sponge-cities", "--discover"), ("sponge-cities", "--all")],
)
def test_conflicting_options_exit_2(args: tuple[str, ...]) -> None:
    result = themes(*args)
    assert result.exit_code == 2 and result.stderr.startswith("error: ")


def align(*args: object) -> Result:
    return run("align", "--corpus", BUNDLED, "--no-color", *args)


def test_align_english_and_chinese_versions() -> None:
    data = json_of(align(f"{DOC_2021}:en", f"{DOC_2021}:zh", "--format", "json"))
    summary = data["summary"]
    assert summary["mean_score"] >= 0.9
    assert summary["unmatched_a"] == 0 and summary["unmatched_b"] == 0
    assert (data["a"]["lang"], data["b"]["lang"]) == ("en", "zh")
    assert summary["relations"]["matched"] == len(data["pairs"])
    table = align(f"{DOC_2021}:en", f"{DOC_2021}:zh")
    assert table.exit_code == 0
    assert "unmatched: 0 in A" in table.stdout and ", 0 in B" in table.stdout
    assert "mean score 0.9" in table.stdout
    # --lang picks the version of a bare DOC
    same = json_of(align(DOC_2021, f"{DOC_2021}:zh", "--lang", "en", "--format", "json"))
    assert same["summary"] == summary


def test_align_two_documents_lists_unmatched_counts() -> None:
    data = json_of(align(DOC_2021, DOC_2023, "--format", "json"))
    summary = data["summary"]
    assert summary["unmatched_a"] > 0 and summary["unmatched_b"] > 0
    assert summary["relations"]["removed"] == summary["unmatched_a"]
    assert summary["relations"]["added"] == summary["unmatched_b"]
    table = align(DOC_2021, DOC_2023)
    assert table.exit_code == 0
    line = table.stdout.strip().splitlines()[-1]
    assert f"unmatched: {summary['unmatched_a']} in A" in line
    assert f"{summary['unmatched_b']} in B" in line


@pytest.mark.parametrize("ref", ["no-such-doc", f"{DOC_2023}:zh"])
def test_align_unknown_document_or_version_exits_2(ref: str) -> None:
    result = align(ref, DOC_2021)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_help_for_every_command() -> None:
    top = run("--help")
    assert top.exit_code == 0 and "themes" in top.output and "align" in top.output
    for name, command in main.commands.items():
        assert isinstance(command, click.Command)
        assert command.help and command.help.strip(), f"{name} has no help text"
        result = run(name, "--help")
        assert result.exit_code == 0, name
    assert "--discover" in run("themes", "--help").output


def test_help_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys\nfrom click.testing import CliRunner\nfrom policydiff.cli import main\n"
        "for args in (['--help'], ['themes', '--help'], ['align', '--help']):\n"
        "    assert CliRunner().invoke(main, args).exit_code == 0\n"
        "heavy = [m for m in ('sklearn', 'matplotlib', 'scipy') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
