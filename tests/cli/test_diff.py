"""`policydiff diff` through click's runner: formats, -o, colour and every bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from policydiff.cli import main
from tests.conftest import BUNDLED, DOC_2021, DOC_2023
from tests.golden_files import GOLDEN, assert_golden

THEME = "ultra-low-energy-buildings"


def run(*args: object) -> Result:
    return CliRunner().invoke(
        main, ["diff", *(str(a) for a in args), "--corpus", str(BUNDLED)], catch_exceptions=False
    )


def test_successive_documents_of_one_series_pair_commitments_not_unlike_provisions() -> None:
    # the 2021 and 2023 Opinions are of one series, but their provisions are 0.01 alike: a
    # provision word diff would pair unrelated text, so diff pairs commitments
    data = json.loads(run(DOC_2021, DOC_2023, "--theme", THEME, "--format", "json").output)
    assert data["schema"] == "policydiff.restatement/1"
    assert (data["relation"], data["series"], data["correspondence"]) == ("series", "central", 0.01)
    assert data["parent"]["title"] == (
        "Opinions on Promoting Green Development of Urban and Rural Construction"
    )  # the title in the language read, not the Chinese one
    [pair] = [
        c
        for c in data["commitments"]
        if c["parent"]["clause"]
        == "vigorously promote ultra-low energy and near-zero energy buildings"
    ]
    assert pair["verdict"] == "strengthened"
    assert pair["child"]["cue"] == "promote the large-scale development"
    text = " ".join(run(DOC_2021, DOC_2023, "--theme", THEME, "--no-color").output.split())
    assert "both of one series (central), neither a parent of the other" in text
    assert "diff pairs commitments, as compare does: their provisions are 0.01 alike" in text
    # piped, the word diff is marked as git's --word-diff=plain marks it
    assert "▲ strengthened [-vigorously -]promote promote {+the large-scale" in text
    forced = run(DOC_2021, DOC_2023, "--by", "provisions", "--format", "json").output
    assert json.loads(forced)["across"]["series"] == "central"
    # the later one first: said, and how to read them the usual way
    backwards = " ".join(run(DOC_2023, DOC_2021, "--theme", THEME, "--no-color").output.split())
    assert "both of one series (central), and the first is the later" in backwards
    assert "diff or compare them the other way for the usual reading" in backwards


@pytest.mark.parametrize(("fmt", "ext"), [("markdown", "md"), ("json", "json")])
def test_a_commitment_diff_matches_its_golden_file(fmt: str, ext: str, tmp_path: Path) -> None:
    # the 2021 and 2023 Opinions about ultra-low-energy buildings, by commitments; written
    # with -o as on stdout
    out = tmp_path / "sub" / f"diff.{ext}"
    result = run(DOC_2021, DOC_2023, "--theme", THEME, "--format", fmt, "-o", out)
    assert result.exit_code == 0, result.output
    assert_golden(GOLDEN / "restatement" / f"en-2021-2023-ultra-low.{ext}", out.read_text("utf-8"))
    assert (
        out.read_text("utf-8") == run(DOC_2021, DOC_2023, "--theme", THEME, "--format", fmt).output
    )
    assert [p.name for p in out.parent.iterdir()] == [f"diff.{ext}"]  # no temporary left


def test_terminal_without_colour_marks_changes_in_plain_text() -> None:
    result = run(f"{DOC_2021}:en-2", f"{DOC_2021}:en", "--no-color")
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.output
    assert "[-will " in result.output and "{+runs+}" in result.output
    assert "[V.1 → V.1] Strengthen overall Party leadership" in result.output
    assert "unchanged provision" in result.output
    assert "+ [preamble]" in result.output


def test_terminal_with_colour_uses_styles_not_markers() -> None:
    result = run(f"{DOC_2021}:en-2", f"{DOC_2021}:en", "--color")
    assert result.exit_code == 0, result.output
    assert "\x1b[" in result.output and "{+runs+}" not in result.output


def test_context_elides_unchanged_words() -> None:
    short = run(f"{DOC_2021}:en-2", f"{DOC_2021}:en", "--no-color", "--context", "2").output
    long = run(f"{DOC_2021}:en-2", f"{DOC_2021}:en", "--no-color", "--context", "1000").output
    assert "…" in short and "…" not in long and len(short) < len(long)


def test_html_escapes_and_marks_changes() -> None:
    result = run(f"{DOC_2021}:en-2", f"{DOC_2021}:en", "--format", "html")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("<!DOCTYPE html>")
    assert "<del>will run</del><ins>runs</ins>" in result.output
    assert "The Party&#x27;s overall leadership" in result.output


def test_json_is_deterministic() -> None:
    first = run(f"{DOC_2021}:en-2", f"{DOC_2021}:en", "--format", "json").output
    assert first == run(f"{DOC_2021}:en-2", f"{DOC_2021}:en", "--format", "json").output
    data = json.loads(first)
    assert data["old_version"] == "en-2" and data["lang"] == "en"
    assert list(data) == [
        "old_document", "new_document", "old_version", "new_version", "lang", "theme",
        "pairs", "added", "removed", "unchanged_count", "summary", "partial",
    ]  # fmt: skip
    assert data["partial"] == ["old"]  # en-2 is marked complete: false


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nope", DOC_2023), "no document 'nope'"),
        ((DOC_2021, f"{DOC_2023}:zh"), "has no version 'zh'"),
        ((f"{DOC_2021}:zh", f"{DOC_2021}:en"), "languages differ"),
        ((DOC_2021, DOC_2023, "--lang", "zh"), f"{DOC_2023} has no version 'zh'"),
        ((DOC_2021, DOC_2023, "--theme", "nope"), "unknown theme 'nope'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.output.startswith("error: ") and message in result.output
    assert result.output.count("\n") == 1


def test_chinese_versions_with_lang_zh() -> None:
    result = run(DOC_2021, DOC_2021, "--lang", "zh", "--no-color")
    assert result.exit_code == 0, result.output
    assert "0 changed" in result.output and "unchanged provision" in result.output


def test_help_does_not_import_the_diff_machinery() -> None:
    code = (
        "import sys\nfrom click.testing import CliRunner\nfrom policydiff.cli import main\n"
        "r = CliRunner().invoke(main, ['diff', '--help'])\nassert r.exit_code == 0, r.output\n"
        "assert 'policydiff.diff' not in sys.modules and 'policydiff.align' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
