"""`policydiff compare` on the example lineage: the JSON contract, real restatements read
by hand from the texts, the terminal view and the measurement against a gold file."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from policydiff.cli import main
from policydiff.models import shown_date
from policydiff.render.md_text import md
from tests.conftest import BUNDLED, DOC_2021, DOC_2023, LINEAGE, LINEAGE_PARENT, REPO

YUNNAN = "yunnan-chengxiangjianshe-tandafeng"
SHANGHAI = "shanghai-chengxiangjianshe-tandafeng"
HENAN = "henan-chengxiangjianshe-tandafeng"


def run(*args: str, corpus: Path = LINEAGE):
    return CliRunner().invoke(main, [*args, "--corpus", str(corpus)], catch_exceptions=False)


def _json(child: str) -> dict:
    result = run("compare", LINEAGE_PARENT, child, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _row(data: dict, clause: str) -> dict:
    return next(c for c in data["commitments"] if c["parent"]["clause"] == clause)


def test_the_json_contract_keeps_its_names() -> None:
    data = _json(YUNNAN)
    assert data["schema"] == "policydiff.restatement/1"
    assert data["parent"] == {
        "id": LINEAGE_PARENT,
        "version": "zh",
        "title": "城乡建设领域碳达峰实施方案",
        "date": "2022-06",  # the month only: the day is not known
    }
    assert data["child"]["id"] == YUNNAN
    assert data["citation"]["cites_parent"] is True
    assert "（建标〔2022〕53号）" in data["citation"]["text"]
    row = data["commitments"][0]
    assert set(row) >= {"parent", "child", "similarity", "verdict", "themes", "confidence"}
    # every verdict sure or to check, and a doubt exactly where it is to check
    for c in data["commitments"]:
        assert (c["confidence"], c["doubt"] is None) in {("sure", True), ("check", False)}
    assert set(row["parent"]) >= {"sentence", "location", "cue", "strength", "targets"}
    assert set(data["summary"]) == {"restated", "strengthened", "weakened", "omitted", "added"}
    assert data["summary"]["added"] == len(data["additions"])
    assert set(data["additions"][0]) >= {"sentence", "location", "cue", "strength", "themes"}


def test_yunnan_keeps_the_2030_leak_rate_and_adds_a_2025_milestone() -> None:
    # read in the texts: the parent 力争到2030年…漏损率控制在8%以内; Yunnan 力争到2025年…控制在
    # 9％以内，2030年控制在8％以内
    row = _row(_json(YUNNAN), "力争到2030年城市公共供水管网漏损率控制在8%以内")
    assert row["verdict"] == "strengthened"
    assert "2030年控制在8％以内" in row["child"]["sentence"]
    changes = {(c["child"]["value"], c["change"]) for c in row["target_changes"]}
    assert changes == {(8.0, "same"), (9.0, "stricter")}
    # both sides aim at the rate (力争): hedged, not promised
    assert all(c["parent"]["hedged"] and c["child"]["hedged"] for c in row["target_changes"])


def test_yunnan_restates_the_scale_up_of_low_carbon_buildings_word_for_word() -> None:
    row = _row(_json(YUNNAN), "推动低碳建筑规模化发展")
    assert row["verdict"] == "restated"
    assert row["child"]["clause"] == "推动低碳建筑规模化发展"
    assert row["child"]["cue"] == row["parent"]["cue"] == "规模化发展"


def test_a_declared_parent_is_not_a_citation() -> None:
    data = _json(SHANGHAI)
    assert data["citation"] == {
        "cites_parent": False,
        "text": None,
        "how": "declared",
        "location": None,
    }


def test_the_terminal_view_puts_both_clauses_side_by_side() -> None:
    result = run("compare", LINEAGE_PARENT, YUNNAN, "--only", "strengthened")
    assert result.exit_code == 0
    assert "▲ strengthened" in result.output and "= restated" not in result.output
    assert "cites the parent: 《住房和城乡建设部国家发展改革委" in result.output
    # piped (no colour), the word diff is marked on each side as git's --word-diff=plain does
    lines = [line.split() for line in result.output.splitlines()]
    assert ["▲", "strengthened", "[-开展-]绿色低碳社区建设", "{+加快推进+}绿色低碳社区建设"] in [
        line[:4] for line in lines
    ]


def test_bad_arguments_are_one_line_errors() -> None:
    for args in (("compare", LINEAGE_PARENT), ("compare", LINEAGE_PARENT, YUNNAN, "--only", "x")):
        result = CliRunner().invoke(main, [*args, "--corpus", str(LINEAGE)])
        assert result.exit_code == 2 and result.output.count("\n") == 1, result.output


@pytest.mark.parametrize(
    ("commitments", "problem"),
    [
        ("commitments: 3\n", "commitments must be a list"),
        (
            "commitments:\n- parent: 推动低碳建筑规模化发展\n  level: three\n",
            "commitments[0].level: must be a level from 0 to 5, not 'three'",
        ),
        (
            "commitments:\n- parent: 推动低碳建筑规模化发展\n  level: 99\n",
            "commitments[0].level: must be a level from 0 to 5, not 99",
        ),
        (
            "commitments:\n- parent: 推动低碳建筑规模化发展\n  children: [restated]\n",
            "commitments[0].children: must be a mapping of child id to its cell",
        ),
        (
            "commitments:\n- parent: 推动低碳建筑规模化发展\n- parent: 推动低碳建筑规模化发展\n",
            "commitments[1]: 推动低碳建筑规模化发展 is annotated twice",
        ),
        # each would move the figure with nothing said
        ("commitmnts: []\n", "unknown key 'commitmnts' (a the file takes schema, annotator,"),
        ("commitments: []\n", "commitments: none listed, so there is nothing to measure"),
        (
            "commitments:\n- parent: 推动低碳建筑规模化发展\n  children:\n"
            f"    {YUNNAN}: {{verdict: restated, sentence: x}}\n"
            f"    {YUNNAN}: {{verdict: omitted, sentence: null}}\n",
            f"the file holds the key '{YUNNAN}' twice (line 8)",
        ),
        (
            "commitments:\n- parent: 推动低炭建筑规模化发展\n  children:\n"
            f"    {YUNNAN}: {{verdict: omitted, sentence: null}}\n",
            f"commitments[0].parent: not in the text of {LINEAGE_PARENT}: 推动低炭建筑规模化发展",
        ),
        (
            "commitments:\n- parent: 推动低碳建筑规模化发展\n",
            "commitments: none has a child's verdict, so there is nothing to measure",
        ),
    ],
)
def test_a_gold_file_of_the_wrong_shape_is_one_line_naming_it(
    tmp_path: Path, commitments: str, problem: str
) -> None:
    # a level written in words, a list where a mapping goes: tracebacks, exit 1
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        "schema: policydiff.restatement-gold/1\n"
        f"parent: {LINEAGE_PARENT}\n"
        f"children: {{{YUNNAN}: x.txt}}\n" + commitments,
        encoding="utf-8",
    )
    result = run("compare", "--gold", str(gold))
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {gold}: {problem}")
    assert result.output.count("\n") == 1


def test_gold_measurement_counts_every_pair_and_quotes_disagreements(tmp_path: Path) -> None:
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        "schema: policydiff.restatement-gold/1\n"
        f"parent: {LINEAGE_PARENT}\n"
        f"children: {{{YUNNAN}: x.txt}}\n"
        "commitments:\n"
        "- parent: 推动低碳建筑规模化发展\n"
        f"  children: {{{YUNNAN}: {{verdict: restated, sentence: 推动低碳建筑规模化发展}}}}\n"
        "- parent: 力争到2030年城市公共供水管网漏损率控制在8%以内\n"
        f"  children: {{{YUNNAN}: {{verdict: restated, sentence: x}}}}\n",
        encoding="utf-8",
    )
    result = run("compare", "--gold", str(gold), "--format", "json", "--min-agreement", "0.9")
    assert result.exit_code == 1
    data = json.loads(result.output.split("\nagreement")[0])
    assert (data["agreed"], data["cases"]) == (1, 2)
    assert data["disagreements"][0]["tool"] == "strengthened"
    # the gold names a sentence ("x") that is not the one the tool restates it with
    assert data["disagreements"][0]["kind"] == "other sentence"
    assert data["disagreements_by_kind"] == {"other sentence": 1}
    # both verdicts rest on a copy of the parent's words: the restatement is sure, the
    # strengthening, a change, to check
    one, none = {"agreed": 1, "cases": 1}, {"agreed": 0, "cases": 1}
    assert data["by_confidence"] == {"check": none, "sure": one}
    assert data["disagreements"][0]["confidence"] == "check"
    # each claim of the tool's counted apart: its restatement right, its strengthening not
    assert data["by_tool_verdict"] == {
        "restated": {"all": one, "sure": one},
        "strengthened": {"all": none, "check": none},
    }
    text = run("compare", "--gold", str(gold)).output
    assert "by the tool's confidence (sure, or check by reading):\n  check" in text
    assert (
        "by the tool's verdict (how often each claim is right; sure and check):\n"
        "  restated         1/1    100%   sure    1/1    100%\n"
        "  strengthened     0/1      0%   check    0/1      0%\n"
    ) in text
    assert "policydiff strengthened (other sentence; check)" in text
    # the counts, not only a rounded share, say why the gate failed
    assert f"agreement 1/2 (50.0%) with {gold} is below --min-agreement 90.0%" in result.output


def _gold(path: Path, water: str, first_clause: str = "推动低碳建筑规模化发展") -> Path:
    path.write_text(
        "schema: policydiff.restatement-gold/1\n"
        f"parent: {LINEAGE_PARENT}\n"
        f"children: {{{YUNNAN}: x.txt}}\n"
        "commitments:\n"
        f"- parent: {first_clause}\n"
        f"  children: {{{YUNNAN}: {{verdict: restated, sentence: 推动低碳建筑规模化发展}}}}\n"
        "- parent: 力争到2030年城市公共供水管网漏损率控制在8%以内\n"
        f"  children: {{{YUNNAN}: {{verdict: {water}, sentence: x}}}}\n",
        encoding="utf-8",
    )
    return path


def test_a_second_reading_measures_the_readers_and_the_tool_where_they_agree(
    tmp_path: Path,
) -> None:
    first = _gold(tmp_path / "first.yaml", "restated")
    second = _gold(tmp_path / "second.yaml", "strengthened")
    result = run(
        "compare", "--gold", str(first), "--second-reading", str(second), "--format", "json"
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["agreed"], data["cases"]) == (1, 2)
    readers = data["second_reading"]
    # the readers part on the water target; the tool sides with the second (a stricter 9%
    # milestone by 2025), and agrees with both on the one pair they agree on
    assert (readers["readers_agreed"], readers["cases"], readers["kappa"]) == (1, 2, 0.0)
    assert readers["presence"] == {"agreed": 2, "cases": 2, "kappa": 1.0}
    assert (readers["tool_agreed"], readers["tool_rate"]) == (2, 1.0)
    assert readers["file"] == str(second)
    # ... where the tool's verdict is sure: a copy of the parent's words
    sure = {"agreed": 1, "cases": 1, "rate": 1.0}
    assert readers["consensus"] == {"agreed": 1, "cases": 1, "rate": 1.0, "sure": sure}
    text = run("compare", "--gold", str(first), "--second-reading", str(second)).output
    assert "the two readers agree on 1 of 2 (50.0%), Cohen's kappa 0.00" in text
    assert "with both on 1 of the 1 pairs where the readers agree (100.0%); on 1 of those" in text


def test_a_second_reading_of_other_commitments_is_a_one_line_error(tmp_path: Path) -> None:
    first = _gold(tmp_path / "first.yaml", "restated")
    other = _gold(tmp_path / "other.yaml", "restated", first_clause="推进节水型城市建设")
    result = CliRunner().invoke(
        main,
        ["compare", "--gold", str(first), "--second-reading", str(other), "--corpus", str(LINEAGE)],
    )
    assert result.exit_code == 2 and result.output.count("\n") == 1, result.output
    assert str(other) in result.output and "commitments[0]" in result.output
    alone = CliRunner().invoke(main, ["compare", "--second-reading", str(other)])
    assert alone.exit_code == 2 and "needs --gold" in alone.output


def test_a_gold_or_second_reading_not_in_utf8_is_a_one_line_error(tmp_path: Path) -> None:
    first = _gold(tmp_path / "first.yaml", "restated")
    wide = tmp_path / "wide.yaml"
    wide.write_bytes(first.read_text(encoding="utf-8").encode("utf-16"))
    for args in (["--gold", str(wide)], ["--gold", str(first), "--second-reading", str(wide)]):
        result = CliRunner().invoke(main, ["compare", *args, "--corpus", str(LINEAGE)])
        assert result.exit_code == 2, result.output
        assert result.output == f"error: {wide}: not UTF-8 (byte 0)\n"


def test_a_second_reading_with_a_verdict_the_first_lacks_is_a_one_line_error(
    tmp_path: Path,
) -> None:
    # the first reads the water target for no child: the second's verdict on it would be
    # counted for the tool ("2 of 1") and not for the readers
    first = _gold(tmp_path / "first.yaml", "restated")
    text = first.read_text(encoding="utf-8").splitlines()
    text[-1] = "  children: {}"
    first.write_text("\n".join(text) + "\n", encoding="utf-8")
    second = _gold(tmp_path / "second.yaml", "strengthened")
    result = run("compare", "--gold", str(first), "--second-reading", str(second))
    assert result.exit_code == 2 and result.output.count("\n") == 1, result.output
    assert f"{second}: commitments[1] has a verdict on {YUNNAN}" in result.output


def test_the_development_gold_is_in_the_repository() -> None:
    text = (
        REPO / "evaluation" / "dev" / "restatement" / "ministry-to-shanghai-yunnan-henan.yaml"
    ).read_text(encoding="utf-8")
    assert text.count("schema: policydiff.restatement-gold/1") == 1


def test_compare_says_how_the_two_documents_relate() -> None:
    def relation(*args: str) -> tuple[str, str | None]:
        data = json.loads(run("compare", *args, "--format", "json").output)
        return data["relation"], data.get("series")

    assert relation(LINEAGE_PARENT, YUNNAN) == ("cites", None)
    assert relation(LINEAGE_PARENT, SHANGHAI) == ("declared", None)
    assert relation(YUNNAN, LINEAGE_PARENT) == ("reversed", None)
    assert relation(YUNNAN, SHANGHAI) == ("none", None)
    bundled = run("compare", DOC_2021, DOC_2023, "--lang", "en", "--format", "json", corpus=BUNDLED)
    data = json.loads(bundled.output)
    assert (data["relation"], data["series"]) == ("series", "central")


def test_compare_reads_the_versions_named_by_their_keys() -> None:
    # two English translations of one document: before, the keys were dropped and the
    # Chinese original read against itself
    result = run(
        "compare", f"{DOC_2021}:en-2", f"{DOC_2021}:en", "--format", "json", corpus=BUNDLED
    )
    data = json.loads(result.output)
    assert data["lang"] == "en"
    assert data["summary"]["restated"] == len(data["commitments"]) > 0
    assert data["relation"] == "versions"
    assert (data["parent"]["version"], data["child"]["version"]) == ("en-2", "en")
    terminal = run("compare", f"{DOC_2021}:en-2", f"{DOC_2021}:en", corpus=BUNDLED).output
    assert "two versions of one document" in terminal
    assert "not a parent" not in terminal
    header = next(line for line in terminal.splitlines() if "why" in line).split()
    assert header[:2] == ["en-2", "en"]
    assert terminal.startswith(f"{DOC_2021}:en-2 → {DOC_2021}:en\n")
    markdown = run(
        "compare", f"{DOC_2021}:en-2", f"{DOC_2021}:en", "--format", "markdown", corpus=BUNDLED
    ).output
    assert markdown.startswith(f"# How `{DOC_2021}:en` restates `{DOC_2021}:en-2`")
    assert "| verdict | en-2 → en (word diff) |" in markdown
    itself = run("compare", DOC_2021, DOC_2021, corpus=BUNDLED).output
    assert "one version of one document, read against itself" in itself


def test_the_sides_of_two_documents_of_one_series_are_earlier_and_later() -> None:
    forward = run("compare", DOC_2021, DOC_2023, "--lang", "en", corpus=BUNDLED).output
    assert next(line for line in forward.splitlines() if "why" in line).split()[:2] == [
        "earlier",
        "later",
    ]
    # the later first: the columns say so
    backward = run("compare", DOC_2023, DOC_2021, "--lang", "en", corpus=BUNDLED).output
    assert next(line for line in backward.splitlines() if "why" in line).split()[:2] == [
        "later",
        "earlier",
    ]
    mixed = run("compare", f"{DOC_2021}:en", f"{DOC_2021}:zh", corpus=BUNDLED)
    assert mixed.exit_code == 2 and "compare needs one language" in mixed.output


def test_diff_of_two_series_pairs_commitments_not_provisions() -> None:
    result = run("diff", LINEAGE_PARENT, SHANGHAI)
    assert result.exit_code == 0, result.output
    assert "parent declared; the text does not cite it" in result.output
    # and says why it pairs commitments
    assert (
        "diff pairs commitments, as compare does: their provisions are 0.08 alike (under 0.50)"
    ) in result.output
    data = json.loads(run("diff", LINEAGE_PARENT, SHANGHAI, "--format", "json").output)
    assert data["correspondence"] == 0.08
    assert "correspondence" not in json.loads(
        run("compare", LINEAGE_PARENT, SHANGHAI, "--format", "json").output
    )
    assert "− omitted" in result.output and "additions of" in result.output
    forced = run("diff", LINEAGE_PARENT, SHANGHAI, "--by", "provisions")
    # Shanghai's III.4 has no counterpart provision, yet restates one of the ministry's
    assert "provisions; commitments of" in forced.output
    assert (
        "+ [III.4] III 保障措施 > III.4 严格监督考核 — restates 1 commitment of "
        "V 加强组织实施 > V.21 强化任务落实"
    ) in forced.output


def _told(data: dict) -> list[dict]:
    """Every cue line of a diff's JSON: under its pairs, then under its removed provisions."""
    lines = [c for pair in data["pairs"] for c in pair["cue_changes"]]
    return lines + [c for ref in data["removed"] for c in ref["cue_changes"]]


def test_diff_across_documents_tells_compares_verdicts_under_each_provision() -> None:
    # Yunnan keeps the ministry's provisions (diffed provision by provision); its cue
    # lines are compare's verdicts, so the two commands cannot disagree
    data = json.loads(run("diff", LINEAGE_PARENT, YUNNAN, "--format", "json").output)
    compared = json.loads(run("compare", LINEAGE_PARENT, YUNNAN, "--format", "json").output)
    assert data["cues"] == "commitments" and data["pairs"]
    verdicts = {
        (c["parent"]["sentence"], c["parent"]["clause"]): c["verdict"]
        for c in compared["commitments"]
    }
    told = _told(data)
    assert {c["verdict"] for c in told} == {"strengthened", "weakened", "omitted"}
    for change in told:
        assert verdicts[change["sentence_old"], change["old_clause"]] == change["verdict"]
        assert change["reason"] and bool(change["new_clause"]) == (change["verdict"] != "omitted")
    for verdict in ("strengthened", "weakened", "omitted"):
        assert data["summary"][verdict] == compared["summary"][verdict]
        assert data["summary"][verdict] == sum(c["verdict"] == verdict for c in told)
    terminal = run("diff", LINEAGE_PARENT, YUNNAN).output.replace("\n", "")
    assert (
        "▲ strengthened: 建设绿色低碳住宅 → 积极推进绿色低碳住宅建设 — stronger cue (建设 → 积极推进"
    ) in terminal
    # a doubt says where the child's words it quotes stand, as compare does
    assert "check: the child uses 4 of its 4 words apart (节能, 改造, 鉴定, 评估)" in terminal
    assert "(see IV 强化保障措施 > IV.17 加快构建绿色低碳发展模式)" in terminal
    # Yunnan's 一）指导思想 lost its opening parenthesis, and is still its I.1: every
    # provision of the ministry's has its counterpart
    lines = run("diff", LINEAGE_PARENT, YUNNAN).output.splitlines()
    assert any(line.startswith("[I.1 → I.1] 指导思想") for line in lines)
    assert any(line.startswith("23 changed, 5 unchanged, 0 added, 0 removed") for line in lines)


def test_a_diff_across_documents_says_what_they_are_and_how_alike() -> None:
    data = json.loads(run("diff", LINEAGE_PARENT, YUNNAN, "--format", "json").output)
    assert data["across"] == {
        "old_title": "城乡建设领域碳达峰实施方案",
        "new_title": "云南省城乡建设领域碳达峰实施方案",
        "old_date": "2022-06",
        "new_date": "2022-12~",
        "relation": "cites",
        "series": "",
        "cited": "《住房和城乡建设部国家发展改革委关于印发城乡建设领域碳达峰实施方案的通知》"
        "（建标〔2022〕53号）",
        "cited_location": "Preamble",
        "citing_sentence": data["across"]["citing_sentence"],  # the whole sentence: below
        "correspondence": 0.55,
        "provisions_correspond": True,
    }
    citing = data["across"]["citing_sentence"]
    assert (
        citing
        == json.loads(run("compare", LINEAGE_PARENT, YUNNAN, "--format", "json").output)[
            "citation"
        ]["text"]
    )
    assert "（建标〔2022〕53号）" in citing and citing.startswith("为")
    lines = run("diff", LINEAGE_PARENT, YUNNAN).output.splitlines()
    assert (
        lines[1]
        == "城乡建设领域碳达峰实施方案 (2022-06) → 云南省城乡建设领域碳达峰实施方案 (≈2022-12)"
    )
    # the other way round, the old document is the new one's child
    backwards = json.loads(run("diff", YUNNAN, LINEAGE_PARENT, "--format", "json").output)
    assert backwards["across"]["relation"] == "reversed"
    assert backwards["across"]["cited"] == "" and backwards["across"]["correspondence"] == 0.54
    forced = run("diff", LINEAGE_PARENT, SHANGHAI, "--by", "provisions", "--format", "markdown")
    assert "parent declared; the text does not cite it  \n" in forced.output
    assert (
        "their provisions are 0.08 alike (under 0.50): paired provision by provision only as "
        "asked (--by provisions); compare pairs them commitment by commitment"
    ) in forced.output


def test_a_removed_provision_says_what_became_of_its_commitments() -> None:
    # Shanghai restructures the ministry's plan: the ministry's I.3 has no counterpart
    # provision, yet Shanghai restates 7 of its 17 commitments, two of them weaker
    text = run("diff", LINEAGE_PARENT, SHANGHAI, "--by", "provisions").output
    assert (
        "- [I.3] I 总体要求 > I.3 主要目标 — 7 of its 17 commitments found in the child "
        "(5 restated, 2 weakened)"
    ) in text
    assert "      ▼ weakened: 用能结构和方式更加优化 → 建筑用能结构更加优化" in text
    data = json.loads(
        run("diff", LINEAGE_PARENT, SHANGHAI, "--by", "provisions", "--format", "json").output
    )
    i3 = next(ref for ref in data["removed"] if ref["id"] == "I.3")
    assert (i3["commitments"], len(i3["counterparts"])) == (17, 7)
    assert sum(c["verdict"] == "weakened" for c in i3["cue_changes"]) == 2
    for verdict in ("strengthened", "weakened", "omitted"):
        assert data["summary"][verdict] == sum(c["verdict"] == verdict for c in _told(data))
    markdown = run("diff", LINEAGE_PARENT, SHANGHAI, "--by", "provisions", "--format", "markdown")
    assert (
        "- **I.3** I 总体要求 \\> I.3 主要目标 — 7 of its 17 commitments found in the child "
        "(5 restated, 2 weakened), at I 总体要求 \\> I.3 主要目标 (6), II 重点任务 \\> II.1 "
    ) in markdown.output
    assert "  - ▼ weakened: 用能结构和方式更加优化 → 建筑用能结构更加优化" in markdown.output
    page = run("diff", LINEAGE_PARENT, SHANGHAI, "--by", "provisions", "--format", "html")
    assert '<li class="down">▼ weakened: 用能结构和方式更加优化 → 建筑用能结构更加优化' in (
        page.output
    )


def test_a_theme_tells_only_the_commitments_in_the_provisions_shown() -> None:
    # the ministry's II.4 (严格既有建筑拆除管理) is restated in Yunnan's II.6 retrofit
    # clause, but II.4 mentions no retrofit: it is neither shown nor counted
    data = json.loads(
        run(
            "diff", LINEAGE_PARENT, YUNNAN, "--theme", "existing-building-retrofit",
            "--format", "json",
        ).output
    )  # fmt: skip
    told = _told(data)
    assert {pair["old_id"] for pair in data["pairs"]} == {"II.6", "III.13"}
    assert not any("拆除" in c["old_clause"] for c in told)
    assert data["summary"]["weakened"] == sum(c["verdict"] == "weakened" for c in told) == 1


def test_a_split_provision_tells_each_commitment_under_the_pair_holding_it() -> None:
    # forced provision by provision, the ministry's II.8 is split over Henan's provisions:
    # a commitment restated in one of them is told under that pair, not elsewhere
    data = json.loads(
        run("diff", LINEAGE_PARENT, HENAN, "--by", "provisions", "--format", "json").output
    )
    split = [pair for pair in data["pairs"] if pair["old_id"] == "II.8"]
    assert len(split) > 1
    places = {pair["new_location"] for pair in split}
    told = [c for pair in split for c in pair["cue_changes"] if c["new_clause"]]
    assert told and not any(c["new_location"] in places for c in told)


def test_diff_reads_the_corpus_themes(tmp_path: Path) -> None:
    # a theme only the corpus's own themes.yaml defines, as compare reads it
    corpus = tmp_path / "corpus"
    shutil.copytree(LINEAGE, corpus)
    (corpus / "themes.yaml").write_text(
        "themes:\n  - id: heat-supply\n    label: Heat supply\n    label_zh: 供热\n"
        "    en: [heat supply]\n    zh: [供热, 热损失]\n",
        encoding="utf-8",
    )
    result = run("diff", LINEAGE_PARENT, YUNNAN, "--theme", "heat-supply", corpus=corpus)
    assert result.exit_code == 0, result.output
    assert "theme heat-supply" in result.output and "[II.8 → II.8]" in result.output


def test_a_plan_that_restructures_the_parent_is_diffed_by_commitments() -> None:
    # Henan's paired provisions are half alike, but it adds 19 provisions the ministry
    # lacks: weighed by their words, its provisions do not correspond
    data = json.loads(run("diff", LINEAGE_PARENT, HENAN, "--format", "json").output)
    assert data["schema"] == "policydiff.restatement/1"
    # a theme keeps compare's commitments about it, in either document
    themed = json.loads(
        run("diff", LINEAGE_PARENT, HENAN, "--theme", "sponge-cities", "--format", "json").output
    )
    assert 0 < len(themed["commitments"]) < len(data["commitments"])
    # it says so, and its summary counts what it keeps
    assert themed["theme"] == "sponge-cities" and "theme" not in data
    assert sum(
        themed["summary"][v] for v in ("restated", "strengthened", "weakened", "omitted")
    ) == (len(themed["commitments"]))
    terminal = run("diff", LINEAGE_PARENT, HENAN, "--theme", "sponge-cities").output
    assert "Only the commitments and additions about sponge-cities" in terminal.replace("\n", "")
    for row in themed["commitments"]:
        child_themes = (row["child"] or {}).get("themes", [])
        assert "sponge-cities" in row["themes"] + child_themes


def test_the_fidelity_matrix_counts_each_childs_verdicts_to_check() -> None:
    result = run("compare", LINEAGE_PARENT, "--children", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["schema"] == "policydiff.fidelity/1"
    for child in data["children"]:
        cells = [row["cells"][child["id"]] for row in data["commitments"]]
        marked = [c["confidence"] for c in cells]
        assert set(marked) == {"sure", "check"}
        assert child["to_check"] == marked.count("check")
    # the same count in the terminal's table of shares
    text = run("compare", LINEAGE_PARENT, "--children").output
    assert "to check" in text and "? to check by reading" in text


def test_in_a_narrow_terminal_each_childs_shares_stand_on_one_line() -> None:
    result = CliRunner().invoke(
        main,
        ["compare", LINEAGE_PARENT, "--children", "--corpus", str(LINEAGE)],
        terminal_width=80,
        catch_exceptions=False,
    )
    assert result.exit_code == 0
    data = json.loads(run("compare", LINEAGE_PARENT, "--children", "--format", "json").output)
    lines = result.output.splitlines()
    names = [c["id"].split("-")[0] for c in data["children"]]
    for name, child in zip(names, data["children"], strict=True):
        at = next(k for k, line in enumerate(lines) if line.strip().startswith(f"{name} "))
        figures = [int(cell[:-1]) for cell in lines[at].split()[1:5]]
        # whole percentages, each within half a point of the share it rounds, so that
        # equal counts read as equal shares
        verdicts = ("restated", "strengthened", "weakened", "omitted")
        for figure, verdict in zip(figures, verdicts, strict=True):
            assert abs(figure - 100 * child["shares"][verdict]) <= 0.5, lines[at]
        counts = [child["summary"][v] for v in verdicts]
        for k, count in enumerate(counts):
            assert figures[k] == figures[counts.index(count)], lines[at]
        mark = "cited" if child["cites_parent"] else "declared"
        assert lines[at].split()[-2:] == [str(child["to_check"]), mark], lines[at]
        after = lines[at + 1].split()  # no piece of a folded id under the row
        assert not after or after[0] in names, lines[at + 1]
    # the ids in full, after the table
    assert all(c["id"] in "".join(result.output.split()) for c in data["children"])


def test_the_fidelity_matrix_shows_every_commitment_whole_in_the_terminal() -> None:
    # a long Chinese clause folds over lines in a narrow terminal, none cropped with "…"
    data = json.loads(run("compare", LINEAGE_PARENT, "--children", "--format", "json").output)
    text = run("compare", LINEAGE_PARENT, "--children").output
    assert "…" not in text
    joined = "".join(text.split())
    clauses = [row["parent"]["clause"] for row in data["commitments"]]
    assert max(len(c) for c in clauses) > 40
    assert all("".join(c.split()) in joined or _folded_in(c, text) for c in clauses)


def _folded_in(clause: str, text: str) -> bool:
    """Whether ``clause`` stands in the terminal's table folded over consecutive lines of its
    first column (each line the next piece of it, cells beside it)."""
    lines = [line.strip().split("  ")[0].strip() for line in text.splitlines()]
    pieces = [p for p in lines if p]
    for k in range(len(pieces)):
        rest, j = clause, k
        while rest and j < len(pieces) and pieces[j] and rest.startswith(pieces[j]):
            rest, j = rest[len(pieces[j]) :], j + 1
        if not rest:
            return True
    return False


def test_the_fidelity_matrix_marks_the_verdicts_to_check_as_compare_does() -> None:
    # a cell's confidence and doubt in JSON are the restatement's; Markdown puts ? after the
    # arrow of exactly the cells to check
    result = run("compare", LINEAGE_PARENT, "--children", "--format", "json")
    assert result.exit_code == 0, result.output
    cells = [row["cells"][YUNNAN] for row in json.loads(result.output)["commitments"]]
    assert {(c["confidence"], c["doubt"] is None) for c in cells} == {
        ("sure", True),
        ("check", False),
    }
    pair = _json(YUNNAN)["commitments"]
    assert [(c["confidence"], c["doubt"]) for c in cells] == [
        (c["confidence"], c["doubt"]) for c in pair
    ]
    page = run("compare", LINEAGE_PARENT, "--children", "--format", "markdown").output
    lines = page.splitlines()
    at = next(k for k, line in enumerate(lines) if line.startswith("| commitment |"))
    column = [c.strip() for c in lines[at].split("|")].index(f"`{YUNNAN}`")
    marks = [
        re.sub(r"^\[(.*)\]\(#[^)]+\)$", r"\1", line.split("|")[column].strip())
        for line in lines[at + 2 :]
        if line.startswith("| ") and line.count("|") == lines[at].count("|")
    ]
    assert [m.endswith("?") for m in marks] == [c["confidence"] == "check" for c in cells]


def test_to_check_shows_only_the_verdicts_a_reader_should_check() -> None:
    pairs = _json(YUNNAN)["commitments"]
    to_check = [c for c in pairs if c["confidence"] == "check"]
    result = run("compare", LINEAGE_PARENT, YUNNAN, "--to-check", "--format", "markdown")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    at = next(k for k, line in enumerate(lines) if line.startswith("| verdict |"))
    rows = [line for line in lines[at + 2 :] if line.startswith("| ")]
    assert len(rows) == len(to_check) > 0
    assert all("(check)" in r.split("|")[1] for r in rows)
    assert "## Additions" not in result.output
    # the parent first, as in the terminal and the table's "parent → child"
    assert (
        "\n城乡建设领域碳达峰实施方案 (2022-06) → 云南省城乡建设领域碳达峰实施方案 (≈2022-12)"
        in result.output
    )
    # with --only, the verdicts to check among those of that kind
    weakened = [c for c in to_check if c["verdict"] == "weakened"]
    terminal = run("compare", LINEAGE_PARENT, YUNNAN, "--to-check", "--only", "weakened").output
    assert terminal.count("▼ weakened") == len(weakened) > 0
    assert "= restated" not in terminal and "additions of" not in terminal


def test_json_keeps_what_only_and_to_check_keep_and_names_the_nearest_clause() -> None:
    everything = _json(YUNNAN)
    result = run(
        "compare", LINEAGE_PARENT, YUNNAN, "--only", "omitted", "--to-check", "--format", "json"
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    expected = [
        c
        for c in everything["commitments"]
        if c["verdict"] == "omitted" and c["confidence"] == "check"
    ]
    assert data["commitments"] == expected and len(expected) > 0
    assert data["additions"] == [] and data["shown"] == {"only": ["omitted"], "to_check": True}
    # the summary still counts the whole comparison
    assert data["summary"] == everything["summary"] and "shown" not in everything
    # an omission to check carries the child clause that came nearest, and names it, or
    # names the words of it the child uses and the clause holding most of them
    for c in expected:
        if c["nearest"] is None:
            # every child clause refused (a law no clause of the child names): the child's
            # words say where to read
            assert c["doubt"].startswith("the child uses ") and c["similarity"] == 0.0
            continue
        assert c["nearest"]["clause"] in c["nearest"]["sentence"]
        if c["doubt"].startswith("the child uses "):
            assert ", most in: " in c["doubt"]
        else:
            assert c["nearest"]["clause"] in c["doubt"]
    assert any(c["nearest"]["clause"] in c["doubt"] for c in expected)
    assert all(c["nearest"] is None for c in everything["commitments"] if c["child"])


def test_the_terminal_folds_long_chinese_clauses_instead_of_cropping_them() -> None:
    result = CliRunner().invoke(
        main,
        ["compare", LINEAGE_PARENT, YUNNAN, "--only", "omitted", "--corpus", str(LINEAGE)],
        terminal_width=80,
        catch_exceptions=False,
    )
    assert result.exit_code == 0
    omitted = [c for c in _json(YUNNAN)["commitments"] if c["verdict"] == "omitted"]
    longest = max((c["parent"]["clause"] for c in omitted), key=len)
    assert len(longest) > 20
    # rich crops a word too long for its column with an ellipsis, and to rich a Chinese
    # clause is one word
    assert "…" not in result.output
    assert longest[:6] in result.output  # the first line of its cell: the clause is there


def test_markdown_says_where_the_clause_an_omission_is_checked_against_stands() -> None:
    data = _json(YUNNAN)
    near = next(
        c for c in data["commitments"] if c["verdict"] == "omitted" and c["confidence"] == "check"
    )
    result = run("compare", LINEAGE_PARENT, YUNNAN, "--only", "omitted", "--format", "markdown")
    row = next(line for line in result.output.splitlines() if near["nearest"]["clause"] in line)
    assert f"nearest: {md(near['nearest']['location'])}" in row


def test_an_omission_to_check_says_where_the_words_it_quotes_stand() -> None:
    data = _json(YUNNAN)
    echoed = next(
        c for c in data["commitments"] if c["parent"]["clause"] == "坚持系统谋划、分步实施"
    )
    assert echoed["doubt"].endswith(
        "most in: 系统谋划，统筹推进: read there before taking it as omitted"
    )
    # its neighbour 合理确定工作节奏 is restated in a sentence that says none of its words
    assert echoed["neighbour_location"] is None
    # Yunnan's line 系统谋划，统筹推进 stands under （二）工作原则, not where the nearest clause does
    assert echoed["doubt_location"] == "I 总体要求 > I.2 工作原则"
    assert echoed["nearest"]["location"] != echoed["doubt_location"]
    result = run("compare", LINEAGE_PARENT, YUNNAN, "--only", "omitted", "--format", "markdown")
    row = next(line for line in result.output.splitlines() if "坚持系统谋划、分步实施" in line)
    assert f"its words: {md(echoed['doubt_location'])}" in row and "nearest:" not in row
    # a doubt naming the nearest clause points to where that clause stands
    near = [c for c in data["commitments"] if (c["doubt"] or "").startswith("a clause of the")]
    assert near and all(c["doubt_location"] == c["nearest"]["location"] for c in near)
    # ... and one quoting the words, where they stand, though the nearest clause says them
    # too (Shanghai's 提升设备能效: the words in its guiding ideas, the clause elsewhere)
    shanghai = _json("shanghai-chengxiangjianshe-tandafeng")
    echoed = next(c for c in shanghai["commitments"] if c["parent"]["clause"] == "提升设备能效")
    assert (
        echoed["doubt"].startswith("the child uses ")
        and echoed["nearest"]["clause"] in echoed["doubt"]
    )
    assert echoed["doubt_location"] != echoed["nearest"]["location"]
    markdown = run(
        "compare", LINEAGE_PARENT, "shanghai-chengxiangjianshe-tandafeng", "--format", "markdown"
    ).output
    row = next(
        line
        for line in markdown.splitlines()
        if line.startswith("| − omitted (check) | 提升设备能效 ")
    )
    assert f"its words: {md(echoed['doubt_location'])}" in row
    assert all(
        c["doubt_location"] is None for c in data["commitments"] if c["confidence"] == "sure"
    )


def test_only_and_to_check_are_refused_where_they_would_select_nothing() -> None:
    for args in (
        ("compare", LINEAGE_PARENT, "--children", "--to-check"),
        ("compare", LINEAGE_PARENT, "--children", "--only", "omitted"),
        (
            "compare",
            "--gold",
            "evaluation/dev/restatement/ministry-to-chongqing.yaml",
            "--to-check",
        ),
    ):
        result = CliRunner().invoke(main, [*args, "--corpus", str(LINEAGE)])
        assert result.exit_code == 2 and result.output.count("\n") == 1, result.output
        assert "--only and --to-check" in result.output


def test_every_commitment_of_the_child_is_shown_once_restating_added_or_a_second_mention() -> None:
    from policydiff.corpus.store import load_corpus
    from policydiff.restatement.compare import document_clauses
    from policydiff.themes.catalogue import corpus_catalogue

    data = _json(YUNNAN)

    def key(side: dict) -> tuple[str, str]:
        return side["clause"], side["location"]

    restating = {key(c["child"]) for c in data["commitments"] if c["child"] is not None}
    added = [key(a) for a in data["additions"]]
    again = [key(m) for m in data["second_mentions"]]
    assert again, "Yunnan mentions some commitments twice"
    assert len(set(again)) == len(again) and not set(again) & (restating | set(added))
    parents = {key(c["parent"]) for c in data["commitments"]}
    assert all(key(m["like"]) in parents for m in data["second_mentions"])
    child = load_corpus(LINEAGE).get(YUNNAN)
    assert child is not None
    read = document_clauses(child, corpus_catalogue(LINEAGE, ()))
    # a part of a sentence that directs nothing shows only where it restates (statements.py)
    said = {(c.text, c.location) for c in read.statements}
    assert (restating - said) | set(added) | set(again) == {
        (c.text, c.location) for c in read.clauses
    }
    first = data["second_mentions"][0]
    heading = f"Second mentions in {YUNNAN} ({len(again)})"
    markdown = run("compare", LINEAGE_PARENT, YUNNAN, "--format", "markdown").output
    assert f"## {heading}" in markdown and md(first["clause"]) in markdown
    page = run("compare", LINEAGE_PARENT, YUNNAN, "--format", "html").output
    assert f"<h2>{heading}" in page
    # the quote holds the child's words only; the cue the tool read stands after it
    assert f"<q lang=zh>{html.escape(first['clause'])}</q> [{first['cue']}" in page
    # ... as for the additions, in every view
    added_first = data["additions"][0]
    cue = f" [{added_first['cue']} {added_first['strength']}]" if added_first["cue"] else ""
    assert f"<q lang=zh>{html.escape(added_first['clause'])}</q>{html.escape(cue)} " in page
    assert f"- {md(added_first['clause'])}{md(cue)} — *" in markdown
    terminal = run("compare", LINEAGE_PARENT, YUNNAN).output
    assert heading in terminal


def test_second_mentions_are_shown_where_the_additions_are() -> None:
    only_added = json.loads(
        run("compare", LINEAGE_PARENT, YUNNAN, "--only", "added", "--format", "json").output
    )
    assert only_added["second_mentions"] and not only_added["commitments"]
    for args in (("--only", "restated"), ("--to-check",)):
        data = json.loads(run("compare", LINEAGE_PARENT, YUNNAN, *args, "--format", "json").output)
        assert data["second_mentions"] == [] and data["additions"] == []
        markdown = run("compare", LINEAGE_PARENT, YUNNAN, *args, "--format", "markdown").output
        assert "Second mentions" not in markdown


def test_markdown_and_html_carry_the_documents_the_citation_and_the_whole_sentences() -> None:
    data = _json(YUNNAN)
    page = run("compare", LINEAGE_PARENT, YUNNAN, "--format", "html").output
    markdown = run("compare", LINEAGE_PARENT, YUNNAN, "--format", "markdown").output
    # both documents by title and date, and the sentence that cites the parent
    for title, date in (
        ("城乡建设领域碳达峰实施方案", data["parent"]["date"]),
        ("云南省城乡建设领域碳达峰实施方案", data["child"]["date"]),
    ):
        assert (
            f"{title} ({shown_date(date)})" in page and f"{title} ({shown_date(date)})" in markdown
        )
    citing = data["citation"]["text"]
    assert citing and html.escape(citing) in page and md(citing) in markdown
    # a clause cut from a longer sentence is shown with both whole sentences
    cut = next(
        c
        for c in data["commitments"]
        if c["child"] and c["child"]["sentence"] != c["child"]["clause"]
    )
    both = "".join(
        f"<p><q lang=zh>{html.escape(side['sentence'])}</q></p>"
        for side in (cut["parent"], cut["child"])
    )
    assert f"<details><summary>sentences</summary>{both}</details>" in page
    assert f"(in: {md(cut['parent']['sentence'])} → {md(cut['child']['sentence'])})" in markdown


def test_the_children_table_says_which_children_cite_the_parent() -> None:
    data = json.loads(run("compare", LINEAGE_PARENT, "--children", "--format", "json").output)
    cites = {c["id"]: c["cites_parent"] for c in data["children"]}
    # Shanghai's plan never names the ministry's: the corpus declares it
    assert cites["shanghai-chengxiangjianshe-tandafeng"] is False and sum(cites.values()) == 4
    markdown = run("compare", LINEAGE_PARENT, "--children", "--format", "markdown").output
    for child, cited in cites.items():
        row = next(line for line in markdown.splitlines() if line.startswith(f"| `{child}` |"))
        assert row.endswith("| cited |" if cited else "| declared |")
    assert "Verdicts as shares of the parent's 363 commitments" in markdown
    terminal = run("compare", LINEAGE_PARENT, "--children").output
    shanghai = next(line for line in terminal.splitlines() if line.strip().startswith("shanghai"))
    assert shanghai.rstrip().endswith("declared")


def test_the_fidelity_views_give_every_departure_its_evidence() -> None:
    data = json.loads(run("compare", LINEAGE_PARENT, "--children", "--format", "json").output)
    cells = [cell for row in data["commitments"] for cell in row["cells"].values()]
    # each cell carries why, and where the words a doubt quotes stand
    assert all(cell["reasons"] for cell in cells)
    located = [c for c in cells if c["doubt_location"]]
    assert located and all(c["doubt"] for c in located)
    markdown = run("compare", LINEAGE_PARENT, "--children", "--format", "markdown").output
    departures = markdown.split("# What each departure rests on", 1)[1]
    # Yunnan's omission of 加强节能改造鉴定评估 names the sentence to read, and where it is
    at = departures.index("- **加强节能改造鉴定评估** (II 建设绿色低碳城市 \\> II.6 ")
    yunnan = next(
        line
        for line in departures[at:].splitlines()[1:]
        if "yunnan-chengxiangjianshe-tandafeng" in line
    )
    assert yunnan.startswith("  - −? omitted in `yunnan-chengxiangjianshe-tandafeng`: ")
    assert "(see IV 强化保障措施 \\> IV.17 加快构建绿色低碳发展模式)" in yunnan
    page = run("compare", LINEAGE_PARENT, "--children", "--format", "html").output
    assert "(see IV 强化保障措施 &gt; IV.17 加快构建绿色低碳发展模式)" in page


def test_diff_of_a_child_and_its_parent_the_other_way_still_diffs_each_pair() -> None:
    # no lineage edge runs from the ministry to Henan: the pairs keep their word diffs
    data = json.loads(
        run("diff", HENAN, LINEAGE_PARENT, "--by", "commitments", "--format", "json").output
    )
    assert data["citation"]["how"] is None
    markdown = run("diff", HENAN, LINEAGE_PARENT, "--by", "commitments", "--format", "markdown")
    assert "[-" in markdown.output and "{+" in markdown.output


def test_correspondence_weighs_every_provision_of_both_documents_once() -> None:
    from policydiff.corpus import load_corpus
    from policydiff.diff import diff_documents
    from policydiff.restatement.provision_diff import PROVISION_MATCH, correspondence
    from policydiff.structure import structure_version

    documents = {d.id: d for d in load_corpus(LINEAGE).documents}

    def measured(child: str) -> float:
        parent, other = documents[LINEAGE_PARENT], documents[child]
        whole = diff_documents(
            structure_version(parent.id, parent.versions[0]),
            structure_version(other.id, other.versions[0]),
            include_unchanged=True,
        )
        return correspondence(whole)

    # Yunnan keeps the ministry's provisions; Henan's paired ones are alike, but it adds
    # 19 provisions of its own; Shanghai restructures the plan
    assert measured(YUNNAN) >= PROVISION_MATCH > measured(HENAN) > measured(SHANGHAI)
    assert round(measured(YUNNAN), 2) == 0.55 and round(measured(SHANGHAI), 2) == 0.08


def test_folding_a_whole_diff_is_the_diff_made_without_unchanged_pairs() -> None:
    # diff aligns two documents of different series once, to measure and to show
    from policydiff.corpus import load_corpus
    from policydiff.diff import diff_documents, fold_unchanged
    from policydiff.structure import structure_version

    documents = {d.id: d for d in load_corpus(LINEAGE).documents}
    parent, child = documents[LINEAGE_PARENT], documents[YUNNAN]
    old = structure_version(parent.id, parent.versions[0])
    new = structure_version(child.id, child.versions[0])
    whole = diff_documents(old, new, include_unchanged=True)
    assert whole.unchanged_count and len(whole.pairs) > len(fold_unchanged(whole).pairs)
    assert fold_unchanged(whole) == diff_documents(old, new)


def test_a_partial_version_is_said_before_its_omissions_are_counted() -> None:
    partial = f"{DOC_2021}:en-2"
    text = run("compare", f"{DOC_2021}:en", partial, corpus=BUNDLED).output.replace("\n", "")
    assert f"{partial} is a partial version (complete: false): a commitment listed as " in text
    data = json.loads(
        run("compare", f"{DOC_2021}:en", partial, "--format", "json", corpus=BUNDLED).output
    )
    assert data["partial"] == ["child"]
    whole = json.loads(run("compare", LINEAGE_PARENT, YUNNAN, "--format", "json").output)
    assert whole["partial"] == []


def test_the_json_carries_the_word_diff_the_terminal_shows() -> None:
    data = json.loads(run("compare", LINEAGE_PARENT, YUNNAN, "--format", "json").output)
    restated = [c for c in data["commitments"] if c["child"] is not None]
    assert restated and all(c["word_diff"] for c in restated)
    for c in restated:
        assert "".join(op["old"] for op in c["word_diff"]) == c["parent"]["clause"]
        assert "".join(op["new"] for op in c["word_diff"]) == c["child"]["clause"]
    assert all(c["word_diff"] == [] for c in data["commitments"] if c["child"] is None)
    # Chinese by words: 十九 → 二十, not characters around a kept 十
    [lead] = [c for c in restated if c["parent"]["clause"].startswith("全面贯彻党的十九大")]
    assert {"op": "equal", "old": "十", "new": "十"} not in lead["word_diff"]
    assert lead["word_diff"][1]["old"].startswith("十九")
    assert lead["word_diff"][1]["new"].startswith("二十")
