"""check's result as text and Markdown: counted, inert, with the exit code."""

from __future__ import annotations

from policydiff.analysis.verdicts import Verdict
from policydiff.check.result import CheckResult, Finding, ThemeChange
from policydiff.render.check_formats import render_markdown, render_text, result_dict
from tests.conftest import DOC_2021, DOC_2023, DOC_2025


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
        DOC_2023, "waste-free-cities", "Waste *free*", Verdict.WEAKENED, DOC_2021,
        "推动", 2.0, "Explore", 1.0, -1.0, "Cut PM2.5 to <35 µg and *halve* waste_rates | now.",
    )  # fmt: skip
    result = CheckResult("corpus", 2, "git ref HEAD", (DOC_2023,), (), (), (change,), ())
    row = next(line for line in render_markdown(result).splitlines() if "weakened" in line)
    assert r"Waste \*free\*" in row
    assert r"Cut PM2.5 to \<35 µg and \*halve\* waste\_rates \| now." in row


def test_exit_code_and_markdown() -> None:
    change = ThemeChange(
        DOC_2023, "waste-free-cities", "Waste|free", Verdict.WEAKENED, DOC_2021,
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
        (warning, Finding("corpus/y", "bad", "metadata")), (Verdict.WEAKENED,),
    )  # fmt: skip
    assert failing.exit_code == 1
    assert "**weakened** ⚠️" in render_markdown(failing)
