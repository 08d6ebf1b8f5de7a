"""How `compare` words its reasons and doubts where the two sides are not a parent and its
child: two documents of one series (earlier, later), two versions of one document (their
keys); and a doubt every verdict shares (an English reading's), said once above the table."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from policydiff.cli import main
from policydiff.render.restatement_lines import renamed_sides
from tests.conftest import BUNDLED, DOC_2021, DOC_2023, LINEAGE, LINEAGE_PARENT

SHARED = (
    "Common to them all: read in English, word by word and without synonyms: a restatement "
    "in other words goes unseen, and words in common may name another commitment."
)


def run(*args: str, corpus: Path = BUNDLED) -> str:
    # wide enough that no reason wraps inside its column
    result = CliRunner(env={"COLUMNS": "600"}).invoke(
        main, [*args, "--corpus", str(corpus)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_a_series_pair_names_its_sides_earlier_and_later() -> None:
    terminal = run("compare", DOC_2021, DOC_2023, "--lang", "en", "--no-color")
    assert "no clause of the later document restates it" in terminal
    assert "the child" not in terminal and "the parent" not in terminal
    markdown = run("compare", DOC_2021, DOC_2023, "--lang", "en", "--format", "markdown")
    assert "no clause of the later document restates it" in markdown
    assert "the child" not in markdown
    # the JSON keeps the contract's words: its sides are parent and child
    data = run("compare", DOC_2021, DOC_2023, "--lang", "en", "--format", "json")
    assert '"no clause of the child restates it"' in data


def test_two_versions_are_named_by_their_keys() -> None:
    # the partial second translation leaves most of the first's commitments unmatched
    terminal = run("compare", f"{DOC_2021}:en", f"{DOC_2021}:en-2", "--no-color")
    assert "no clause of version en-2 restates it" in terminal
    assert "the child" not in terminal


def test_a_doubt_every_verdict_shares_is_said_once() -> None:
    terminal = run("compare", DOC_2021, DOC_2023, "--lang", "en", "--no-color")
    assert " ".join(terminal.split()).count(SHARED) == 1
    assert "check: read in English" not in terminal
    # a doubt of its own stays on its row, less the shared one
    assert "check: matched in other words (similarity 0.57): the later document's clause" in (
        terminal
    )
    markdown = run("compare", DOC_2021, DOC_2023, "--lang", "en", "--format", "markdown")
    assert markdown.count("Common to them all:") == 1
    assert "Check: read in English" not in markdown
    assert "Check: decided by the cues alone: a reader weighs the scope and the context too |" in (
        markdown
    )
    html = run("compare", DOC_2021, DOC_2023, "--lang", "en", "--format", "html")
    assert html.count("Common to them all:") == 1


def test_a_parent_and_its_child_keep_their_words_and_each_doubt() -> None:
    # the ministry plan and Shanghai's: Chinese doubts differ row by row, none shared
    terminal = run(
        "compare", LINEAGE_PARENT, "shanghai-chengxiangjianshe-tandafeng", "--no-color",
        corpus=LINEAGE,
    )  # fmt: skip
    assert "no clause of the child restates it" in terminal
    assert "Common to them all" not in terminal
    assert "check: " in terminal


def test_quoted_words_are_not_taken_for_the_sides() -> None:
    later = "the later document"
    assert renamed_sides("no clause of the child restates it", "x", later) == (
        f"no clause of {later} restates it"
    )
    assert renamed_sides(
        "a dated target where the parent has none: 20%", "the earlier one", ""
    ) == ("a dated target where the earlier one has none: 20%")
    # words of the clauses a doubt quotes: child care, child-friendly cities
    for quoted in (
        "a clause of the child comes near (improve the child care services)",
        "the child does not name child-friendly cities of the parent's list: ",
    ):
        renamed = renamed_sides(quoted, "the earlier document", later)
        assert "the child care" in renamed or "child-friendly" in renamed
        assert renamed.startswith(("a clause of the later document", "the later document"))
