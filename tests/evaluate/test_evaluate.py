"""policydiff evaluate on a gold file written for these tests: what agrees, what does not,
and that the command names every problem of a bad gold file in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policydiff.cli import main
from tests.conftest import BUNDLED, DOC_2021, DOC_2023

GOLD = f"""schema: policydiff.gold/1
corpus: {BUNDLED}
annotator: tests
documents:
  - id: {DOC_2021}
    version: zh
    themes:
      ultra-low-energy-buildings:
        present: true
        strongest:
          sentence: 加强财政、金融、规划、建设等政策支持，推动高质量绿色建筑规模化发展，大力推广超低能耗、近零能耗建筑，发展零碳建筑。
          cue: 大力推广
          level: 3.5
          range: [3.5, 4.0]
      waste-free-cities:
        present: true
        strongest: {{sentence: x, cue: 推动, level: 5, range: [5, 5]}}
      carbon-market:
        present: true
        strongest: {{sentence: x, cue: x, level: 2, range: [2, 2]}}
  - id: {DOC_2023}
    version: en
    themes:
      waste-free-cities:
        present: true
        strongest: {{sentence: x, cue: full coverage, level: 4.5, range: [4, 4.5]}}
        targets:
          - {{value: 60, unit: "%", year: 2027}}
          - {{value: 100, unit: "%", year: 2035}}
verdicts:
  - from: {DOC_2021}
    to: {DOC_2023}
    themes:
      ultra-low-energy-buildings: strengthened
      waste-free-cities: weakened
"""


_VERDICTS = GOLD[GOLD.index("verdicts:\n") :]


def _gold(tmp_path: Path, text: str = GOLD) -> Path:
    path = tmp_path / "gold.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_agreements_and_disagreements_on_the_bundled_corpus(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["evaluate", str(_gold(tmp_path)), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    scores = data["scores"]
    # presence: ultra-low (yes), waste-free 2021 (yes), carbon-market 2021 (no, absent), 2023 waste-free (yes)
    assert scores["presence"] == {"agreed": 3, "total": 4, "rate": 0.75}
    # strength: ultra-low 3.5 in [3.5, 4]; waste-free 2.0 not 5; carbon-market absent;
    # 2023 4.5 (dated full coverage) in [4, 4.5]
    assert (scores["strength"]["agreed"], scores["strength"]["total"]) == (2, 4)
    assert scores["target recall"] == {"agreed": 2, "total": 2, "rate": 1.0}
    assert scores["verdicts"]["agreed"] == 1 and scores["verdicts"]["total"] == 2
    kinds = [(d["kind"], d["theme"]) for d in data["disagreements"]]
    assert ("presence", "carbon-market") in kinds
    assert ("strength", "waste-free-cities") in kinds
    assert ("verdicts", "waste-free-cities") in kinds
    wrong = next(d for d in data["disagreements"] if d["kind"] == "verdicts")
    assert wrong["expected"] == "weakened" and wrong["found"].startswith("strengthened")


def test_fail_under_exits_1_and_says_which_class(tmp_path: Path) -> None:
    gold = _gold(tmp_path)
    result = CliRunner().invoke(main, ["evaluate", str(gold), "--fail-under", "strength=0.9"])
    assert result.exit_code == 1
    assert "strength 50.0% < 90.0%" in result.stderr
    assert "strength" in result.stdout and "2/4 (50%)" in result.stdout


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("schema: policydiff.gold/1", "schema: nope"), "schema: must be policydiff.gold/1"),
        (("waste-free-cities: weakened", "waste-free-cities: worse"), "unknown verdict 'worse'"),
        (("range: [3.5, 4.0]", "range: [4.0, 3.5]"), "runs from high to low"),
        (
            ("carbon-market:\n        present: true", "carbon-market:\n        present: maybe"),
            "must be true or false",
        ),
        # each would move the figure with nothing said
        (
            ("      waste-free-cities: weakened\n", "      waste-free-cities: weakened\n" * 2),
            "holds the key 'waste-free-cities' twice (line",
        ),
        (("        strongest: {", "        strongst: {"), "unknown key 'strongst'"),
        (
            (
                "      carbon-market:\n",
                "      sponge-cities:\n        present: true\n      carbon-market:\n",
            ),
            "sponge-cities.strongest: a present theme needs its level or range",
        ),
        ((f"    to: {DOC_2023}\n", f"    to: {DOC_2021}\n"), "from and to are the same document"),
        ((_VERDICTS, _VERDICTS + _VERDICTS.removeprefix("verdicts:\n")), "is annotated twice"),
        (
            ("verdicts:\n", "      moon-bases: {present: false}\nverdicts:\n"),
            "moon-bases is no theme",
        ),
        (("verdicts:\n", "      123: {present: false}\nverdicts:\n"), "key 123 must be text"),
        (
            ("      waste-free-cities: weakened\n", "      waste-free-citys: absent\n"),
            "waste-free-citys is no theme",
        ),
    ],
)
def test_a_bad_gold_file_is_one_line_naming_it(
    tmp_path: Path, change: tuple[str, str], problem: str
) -> None:
    gold = _gold(tmp_path, GOLD.replace(*change))
    result = CliRunner().invoke(main, ["evaluate", str(gold)])
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {gold}: ") and problem in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            ("level: 3.5\n", "level: 9\n"),
            "strongest.level: must be a strength from 0 to 5.5, not 9",
        ),
        (("level: 3.5\n", "level: 1.0\n"), "strongest.level: 1 lies outside its range [3.5, 4]"),
        ((GOLD[GOLD.index("verdicts:\n") :], "verdicts: 3\n"), "verdicts: must be a list"),
        (
            (f"  - id: {DOC_2023}\n", f"  - id: {DOC_2021}\n"),
            f"documents[1].id: {DOC_2021} is annotated twice",
        ),
    ],
)
def test_a_gold_file_of_the_wrong_shape_is_one_line_naming_it(
    tmp_path: Path, change: tuple[str, str], problem: str
) -> None:
    # a list given as a number was a traceback; an impossible level or a document read
    # twice was taken as it came
    gold = _gold(tmp_path, GOLD.replace(*change, 1))
    result = CliRunner().invoke(main, ["evaluate", str(gold)])
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"error: {gold}: ") and problem in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_theme_outside_the_catalogue_is_read_as_absent_and_named(tmp_path: Path) -> None:
    gold = GOLD.replace(
        "verdicts:\n",
        "      moon-bases: {present: true, strongest: {sentence: x, cue: x, level: 2, range: [2, 2]}}"
        "\nverdicts:\n",
    )
    result = CliRunner().invoke(main, ["evaluate", str(_gold(tmp_path, gold)), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["unknown_themes"] == ["moon-bases"]
    missed = [d for d in data["disagreements"] if d["theme"] == "moon-bases"]
    assert [(d["kind"], d["found"]) for d in missed] == [
        ("presence", "absent"),
        ("strength", "absent"),
    ]
    text = CliRunner().invoke(main, ["evaluate", str(_gold(tmp_path, gold))]).stdout
    assert "1 annotated theme is not in the catalogue, so read as absent: moon-bases" in text


def test_verdicts_in_range_accept_any_verdict_the_ranges_allow(tmp_path: Path) -> None:
    # waste-free: 2021 accepted [5, 5], 2023 [4, 4.5]: only "weakened" is in range;
    # ultra-low: 2021 [3.5, 4.0], 2023 not annotated: not counted in range
    result = CliRunner().invoke(main, ["evaluate", str(_gold(tmp_path)), "--format", "json"])
    data = json.loads(result.stdout)
    assert data["scores"]["verdicts in range"]["total"] == 1
    assert data["scores"]["verdicts in range"]["agreed"] == 0
    (miss,) = [d for d in data["disagreements"] if d["kind"] == "verdicts in range"]
    assert miss["expected"] == "weakened" and miss["theme"] == "waste-free-cities"


def test_percentage_points_match_with_or_without_the_measure_word() -> None:
    from policydiff.evaluate.compare import _same_target
    from policydiff.evaluate.gold import GoldTarget
    from policydiff.strength import find_targets

    (found,) = find_targets("到2030年城市供热管网热损失比2020年下降5个百分点。", "zh")
    assert found.unit == "个百分点"
    assert _same_target(GoldTarget(5.0, "百分点", 2030), found)
    assert _same_target(GoldTarget(5.0, "个百分点", 2030), found)
    assert not _same_target(GoldTarget(5.0, "%", 2030), found)


def test_a_verdict_its_own_levels_contradict_is_listed_as_a_gold_conflict(
    tmp_path: Path,
) -> None:
    # 2021 is annotated 5 and 2023 4.5 for waste-free cities: "weakened", not "strengthened"
    text = GOLD.replace("waste-free-cities: weakened", "waste-free-cities: strengthened")
    result = CliRunner().invoke(main, ["evaluate", str(_gold(tmp_path, text)), "--format", "json"])
    assert result.exit_code == 0, result.output
    (conflict,) = json.loads(result.stdout)["gold_conflicts"]
    assert conflict["document"] == f"{DOC_2021} -> {DOC_2023}"
    assert (conflict["theme"], conflict["expected"]) == ("waste-free-cities", "strengthened")
    assert (conflict["levels"], conflict["implied"]) == ("5 -> 4.5", "weakened")
    plain = CliRunner().invoke(main, ["evaluate", str(_gold(tmp_path, text))])
    assert "1 gold verdicts are not what their own annotated levels give" in plain.stdout
    assert "gold conflict: " in plain.stdout
    # the gold as written (weakened) has none
    consistent = CliRunner().invoke(main, ["evaluate", str(_gold(tmp_path)), "--format", "json"])
    assert json.loads(consistent.stdout)["gold_conflicts"] == []


def test_a_gold_file_given_twice_is_refused_not_counted_twice(tmp_path: Path) -> None:
    gold = _gold(tmp_path)
    copy = tmp_path / "copy.yaml"
    copy.write_text(gold.read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(gold), str(gold)])
    assert result.exit_code == 2 and "twice: is the file named twice?" in result.output
    result = CliRunner().invoke(main, ["evaluate", str(gold), str(copy)])
    assert result.exit_code == 2 and f"is annotated in {gold} already" in result.output
    # ... nor by naming another version: a reading is scored on its document
    copy.write_text(GOLD.replace("    version: zh\n", "    version: en\n"), encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(gold), str(copy)])
    assert result.exit_code == 2 and f"is annotated in {gold} already" in result.output


def test_a_gold_file_annotating_nothing_is_refused(tmp_path: Path) -> None:
    gold = _gold(tmp_path, "schema: policydiff.gold/1\ncorpus: x\ndocumentz: []\n")
    result = CliRunner().invoke(main, ["evaluate", str(gold)])
    assert result.exit_code == 2 and "unknown key 'documentz'" in result.output
    gold = _gold(tmp_path, f"schema: policydiff.gold/1\ncorpus: {BUNDLED}\ndocuments: []\n")
    result = CliRunner().invoke(main, ["evaluate", str(gold)])
    assert result.exit_code == 2 and "annotates nothing" in result.output


def test_a_bar_is_a_share_and_a_bar_on_a_class_with_no_case_is_not_met(tmp_path: Path) -> None:
    gold = _gold(tmp_path)
    for bar in ("strength=5", "verdicts=-1"):
        result = CliRunner().invoke(main, ["evaluate", str(gold), "--fail-under", bar])
        assert result.exit_code == 2 and "a share from 0 to 1" in result.output
    # a gold of readings only measures no verdict
    without = GOLD[: GOLD.index("verdicts:\n")]
    result = CliRunner().invoke(
        main, ["evaluate", str(_gold(tmp_path, without)), "--fail-under", "verdicts=0.5"]
    )
    assert result.exit_code == 1
    assert "verdicts not measured (the gold has no case of it), below 50.0%" in result.stderr


def test_compare_gold_writes_text_or_json_only(tmp_path: Path) -> None:
    gold = tmp_path / "restatement.yaml"  # the format is refused before the file is read
    result = CliRunner().invoke(main, ["compare", "--gold", str(gold), "--format", "html"])
    assert result.exit_code == 2 and "--gold writes text or json, not html" in result.output


def test_the_en_zh_agreement_is_counted_once_per_corpus(tmp_path: Path) -> None:
    one = _gold(tmp_path)
    other = tmp_path / "other.yaml"
    other.write_text(
        f"schema: policydiff.gold/1\ncorpus: {BUNDLED}\ndocuments:\n  - id: {DOC_2023}\n"
        "    themes:\n      sponge-cities: {present: true, strongest: {level: 3, range: [0, 5]}}\n",
        encoding="utf-8",
    )

    def counts(*golds: Path) -> dict[str, int]:
        result = CliRunner().invoke(main, ["evaluate", *map(str, golds), "--format", "json"])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)["agreement_counts"]

    alone = counts(one)
    assert alone["total"] > 0 and counts(one, other) == alone
