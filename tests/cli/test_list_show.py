"""`policydiff list` and `policydiff show`: what the corpus holds, exactly."""

from __future__ import annotations

import json

from click.testing import CliRunner

from policydiff.cli import main
from tests.conftest import BUNDLED, DOC_2021, DOC_2025


def run(*args: str):
    return CliRunner().invoke(main, [*args, "--corpus", str(BUNDLED)], catch_exceptions=False)


def test_list_json_counts_versions_provisions_and_sentences() -> None:
    data = json.loads(run("list", "--format", "json").output)
    assert data[0]["id"] == DOC_2021
    first = data[0]
    assert [v["key"] for v in first["versions"]] == ["en", "zh", "en-2"]
    en, zh, partial = first["versions"]
    assert en["provisions"] == zh["provisions"] == 26
    assert partial["provisions"] < en["provisions"] and not partial["complete"]
    assert all(v["sentences"] > 0 for d in data for v in d["versions"])


def test_list_table_is_plain_when_piped() -> None:
    result = run("list")
    assert result.exit_code == 0
    assert "\x1b[" not in result.output
    assert "2025-08-15" in result.output and "en-2 partial" in result.output


def test_list_table_gives_each_version_its_size_and_every_title_whole() -> None:
    # the 2021 Opinions: English 26 provisions, 132 sentences; the Chinese original 26 and
    # 127; a partial translation 6 and 27: each on its version's line, not the
    # document's largest version's counts beside the first two keys
    data = json.loads(run("list", "--format", "json").output)
    sizes = {v["key"]: (v["provisions"], v["sentences"]) for v in data[0]["versions"]}
    for width in ("80", "120"):
        result = CliRunner().invoke(
            main, ["list", "--corpus", str(BUNDLED)], env={"COLUMNS": width}
        )
        lines = result.output.splitlines()
        for key, label in (("en", "en"), ("zh", "zh original"), ("en-2", "en-2 partial")):
            row = next(line for line in lines if f" {label} " in f"{line} ")
            assert row.split()[-2:] == [str(n) for n in sizes[key]], row
        # a Chinese title has no space to wrap at: folded, never cut with an ellipsis
        assert "关于推动城乡建设绿色发展的意见" in "".join(line.strip() for line in lines)
        assert "…" not in result.output


def test_show_a_provision_in_each_language() -> None:
    en = run("show", DOC_2021, "--provision", "III.1")
    zh = run("show", DOC_2021, "--provision", "III.1", "--lang", "zh")
    assert (
        "[III.1] III Transform the pattern of urban and rural development > III.1 Building high-quality green buildings"
        in en.output
    )
    assert "vigorously promote ultra-low energy" in en.output
    assert "大力推广超低能耗、近零能耗建筑" in zh.output
    data = json.loads(run("show", DOC_2025, "--provision", "VI.14", "--format", "json").output)
    (provision,) = data["provisions"]
    assert provision["label"] == "(Fourteen)"
    text = (BUNDLED / DOC_2025 / "en.txt").read_text(encoding="utf-8")
    for sentence in provision["sentences"]:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]


def test_show_unknown_document_or_provision_is_one_line() -> None:
    for args in (
        ("show", "nope"),
        ("show", DOC_2021, "--provision", "IX.9"),
        # a version of another language than --lang asks, or no language
        ("show", DOC_2021, "--lang", "zh", "--version", "en"),
        ("show", DOC_2021, "--lang", ""),
    ):
        result = run(*args)
        assert result.exit_code == 2
        assert result.output.startswith("error: ") and len(result.output.strip().splitlines()) == 1


def test_a_bad_option_value_or_missing_argument_is_one_line_exit_2(tmp_path) -> None:  # type: ignore[no-untyped-def]
    a_file = tmp_path / "afile"
    a_file.write_text("x", encoding="utf-8")
    for args, message in (
        (
            ["list", "--corpus", str(a_file)],
            f"error: Invalid value for '--corpus': Directory "
            f"'{a_file}' is a file. (see policydiff list --help)",
        ),
        (
            ["list", "--format", "xml"],
            "error: Invalid value for '--format': 'xml' is not one "
            "of 'table', 'json'. (see policydiff list --help)",
        ),
        (["ingest"], "error: Missing argument 'FILES...'. (see policydiff ingest --help)"),
        (["nosuch"], "error: No such command 'nosuch'. (see policydiff --help)"),
    ):
        result = CliRunner().invoke(main, args, prog_name="policydiff")
        assert (result.exit_code, result.output) == (2, f"{message}\n"), args


def test_an_interrupt_exits_130_with_one_line(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from policydiff.corpus import summary

    def interrupted(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr(summary, "summarise", interrupted)
    result = run("list")
    assert result.exit_code == 130
    assert result.output.strip() == "error: interrupted"


def test_policydiff_alone_prints_its_help() -> None:
    result = CliRunner().invoke(main, [], prog_name="policydiff")
    assert result.exit_code == 0
    assert result.output.startswith("Usage: policydiff [OPTIONS] COMMAND [ARGS]...")
    assert "error:" not in result.output
