"""`policydiff check` end to end: a temporary git repository holding a copy of the corpus."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from policydiff.analysis.build import build_evolution
from policydiff.analysis.digests import metadata_digest
from policydiff.analysis.evolution_json import MANIFEST, evolution_json, manifest
from policydiff.cli import main
from policydiff.corpus import load_corpus
from policydiff.themes.catalogue import corpus_catalogue
from tests.conftest import BUNDLED, DOC_2021, DOC_2023, DOC_2025, LINEAGE, SEED_2025_EN

WEAKEN = (
    "promote the large-scale development of ultra-low energy consumption",
    "explore the development of ultra-low energy consumption",
)

pytestmark = pytest.mark.slow  # processes, charts, browsers or whole reports


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=t@t", "-c", "user.name=t", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def write_reports(repo: Path) -> None:
    corpus = repo / "corpus"
    reports = repo / "reports"
    reports.mkdir(exist_ok=True)
    held = load_corpus(corpus)
    evolution = build_evolution(held, corpus_catalogue(corpus))
    data = evolution_json(evolution).encode("utf-8")
    (reports / "evolution.json").write_bytes(data)
    (reports / MANIFEST).write_bytes(
        manifest({"evolution.json": data}, metadata_digest(held.documents))
    )


def _metadata(repo: Path) -> str:
    """The metadata digest the committed manifest records."""
    return str(json.loads((repo / "reports" / MANIFEST).read_text(encoding="utf-8"))["metadata"])


def make_repo(root: Path, documents: tuple[str, ...]) -> Path:
    repo = root / "repo"
    for doc_id in documents:
        shutil.copytree(BUNDLED / doc_id, repo / "corpus" / doc_id)
    write_reports(repo)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "corpus")
    return repo


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The bundled corpus, committed with current reports."""
    return make_repo(tmp_path, (DOC_2021, DOC_2023, DOC_2025))


def check(repo: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    base = ["check", "--corpus", str(repo / "corpus"), "--reports", str(repo / "reports")]
    return CliRunner().invoke(main, [*base, *args], env=env, catch_exceptions=False)


def test_clean_corpus_passes(repo: Path) -> None:
    result = check(repo, "--base", "HEAD")
    assert result.exit_code == 0, result.output
    assert "check passed: 0 errors, 0 warnings" in result.stdout
    assert "new:" not in result.stdout


def test_a_new_document_is_summarised_then_passes_once_reports_are_current(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, (DOC_2021, DOC_2023))
    ingest = CliRunner().invoke(
        main, ["ingest", "--corpus", str(repo / "corpus"), str(SEED_2025_EN)]
    )
    assert ingest.exit_code == 0, ingest.output
    result = check(repo, "--base", "HEAD")
    assert result.exit_code == 1
    out = result.stdout
    assert f"new: {DOC_2025}" in out
    assert (
        f"{repo / 'reports' / 'evolution.json'}: error: reports are out of date: run `policydiff report`"
        in out
    )
    assert "(it lists 2 documents, the corpus holds 3)" in out
    # themes 2023 does not mention are compared with 2021, their last mention: one of
    # them is no longer "added" because it reads the same as in 2021 (age-friendly:
    # 加强 "strengthen" then "Accelerate", both 3.0), another strengthened
    assert f"{DOC_2025}: 36 theme changes" in out
    assert "age-friendly" not in out
    assert (
        f"strengthened flood-control                '完善 (improve)' 2.0 in {DOC_2021} "
        f"(not mentioned in {DOC_2023}) -> 'Strengthen' 3.0, delta +1.0" in out
    )
    assert (
        f"dropped      waste-free-cities            'full coverage' 4.5 in {DOC_2023} -> absent"
        in out
    )
    write_reports(repo)
    result = check(repo, "--base", "HEAD")
    assert result.exit_code == 0, result.output
    assert f"new: {DOC_2025}" in result.stdout
    # without --base, "new" means: not in the committed report
    assert f"new: {DOC_2025}" not in check(repo).stdout


def _append_debris(corpus: Path) -> tuple[str, str]:
    path = corpus / DOC_2023 / "en.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, "Tel. 400-6700-999"]) + "\n", encoding="utf-8")
    return f"{path}:{len(lines) + 1}", "web debris left in (phone): 'Tel. 400-6700-999'"


def _duplicate(corpus: Path) -> tuple[str, str]:
    copy = corpus / "2024-copy-beautiful-china"
    shutil.copytree(corpus / DOC_2023, copy)
    meta = copy / "document.yaml"
    text = meta.read_text(encoding="utf-8").replace(DOC_2023, copy.name)
    meta.write_text(text.replace("date: 2023-12-27", "date: 2024-01-05"), encoding="utf-8")
    return str(copy / "en.txt"), f"duplicate of {DOC_2023}/en (100.0% identical)"


def _impossible_date(corpus: Path) -> tuple[str, str]:
    meta = corpus / DOC_2023 / "document.yaml"
    text = meta.read_text(encoding="utf-8").replace("date: 2023-12-27", "date: 2023-02-30")
    meta.write_text(text, encoding="utf-8")
    return str(meta), "date 2023-02-30 is not a real date"


def _stale(corpus: Path) -> tuple[str, str]:
    path = corpus / DOC_2023 / "en.txt"
    path.write_text(path.read_text(encoding="utf-8").replace(*WEAKEN), encoding="utf-8")
    report = corpus.parent / "reports" / "evolution.json"
    return str(report), (
        "reports are out of date: run `policydiff report` "
        f"(what it records of 1 document is not what the corpus holds: {DOC_2023} (digest))"
    )


def _missing_version(corpus: Path) -> tuple[str, str]:
    path = corpus / DOC_2021 / "en-2.txt"
    path.unlink()
    return str(path), "version file is missing"


def _stray(corpus: Path) -> tuple[str, str]:
    (corpus / DOC_2021 / "notes.txt").write_text("to do\n", encoding="utf-8")
    (corpus / ".2026-new-doc-k3j9x_2a").mkdir()
    return str(
        corpus / DOC_2021 / "notes.txt"
    ), "stray file: document.yaml lists no version 'notes'"


def _published_early(corpus: Path) -> tuple[str, str]:
    meta = corpus / DOC_2023 / "document.yaml"
    text = meta.read_text(encoding="utf-8").replace(
        "date: 2023-12-27", "date: 2023-12-27\npublished: 2023-12-01"
    )
    meta.write_text(text, encoding="utf-8")
    return str(meta), "published 2023-12-01 is before the issue date 2023-12-27"


@pytest.mark.parametrize(
    "breaker",
    [
        _append_debris,
        _duplicate,
        _impossible_date,
        _stale,
        _missing_version,
        _stray,
        _published_early,
    ],
)
def test_each_broken_case_fails_naming_the_file_and_the_problem(repo: Path, breaker) -> None:
    where, problem = breaker(repo / "corpus")
    result = check(repo, "--base", "HEAD")
    assert result.exit_code == 1, result.output
    assert f"{where}: error: {problem}" in result.stdout, result.stdout
    assert "check FAILED" in result.stdout
    assert "Traceback" not in result.output


def test_every_problem_is_reported_not_just_the_first(repo: Path) -> None:
    corpus = repo / "corpus"
    found = [fn(corpus) for fn in (_impossible_date, _missing_version, _append_debris, _stray)]
    result = check(repo)
    assert result.exit_code == 1
    for where, problem in found:
        assert f"{where}: error: {problem}" in result.stdout
    assert (
        f"{corpus / '.2026-new-doc-k3j9x_2a'}: error: leftover from an interrupted write"
        in result.stdout
    )
    assert "note: reports and theme changes not checked" in result.stdout


def test_missing_reports_folder_is_a_finding(repo: Path) -> None:
    shutil.rmtree(repo / "reports")
    result = check(repo)
    assert result.exit_code == 1
    assert (
        f"{repo / 'reports'}: error: reports folder is missing: run `policydiff report`"
        in result.stdout
    )
    assert result.stdout.rstrip().endswith("check FAILED: 1 error, 0 warnings")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--fail-on", "weaker"], "error: --fail-on: unknown verdict 'weaker'"),
        (["--base", "no-such-ref"], "error: --base no-such-ref: unknown git ref"),
    ],
)
def test_usage_errors_exit_2_with_one_line(repo: Path, args: list[str], message: str) -> None:
    result = check(repo, *args)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith(message)
    assert result.stdout == ""


def test_fail_on_given_twice_gates_on_both(tmp_path: Path) -> None:
    # the second --fail-on replaced the first, unsaid: the weakening passed
    repo = _repo_with_new_2023(tmp_path, weaken=True)
    result = check(repo, "--base", "HEAD", "--fail-on", "dropped", "--fail-on", "weakened")
    assert result.exit_code == 1
    assert "(--fail-on weakened)" in result.stdout and "(--fail-on dropped)" in result.stdout
    # a blank one among them gates on nothing, unsaid: refused as on its own
    blank = check(repo, "--fail-on", "weakened", "--fail-on", "")
    assert blank.exit_code == 2 and "no verdict given" in blank.stderr


@pytest.mark.parametrize("base", [(), ("--base", "HEAD")], ids=["report", "git"])
def test_a_verdict_the_report_held_does_not_gate_when_a_document_between_goes(
    repo: Path, base: tuple[str, ...]
) -> None:
    # the 2025 Opinions, compared again once the 2023 ones are removed: green buildings,
    # weakened since their last mention in 2021 across the 2023 gap, is weakened from 2021
    # as the report had it; only comparisons the report did not hold gate
    shutil.rmtree(repo / "corpus" / DOC_2023)
    result = check(repo, *base, "--fail-on", "weakened")
    errors = [line for line in result.stdout.splitlines() if "(--fail-on weakened)" in line]
    assert errors and not any("green-buildings" in line for line in errors)
    (held,) = [line for line in result.stdout.splitlines() if "green-buildings" in line]
    assert held.endswith("delta -0.5 (as the committed report has it)")


def _repo_with_new_2023(tmp_path: Path, weaken: bool) -> Path:
    repo = make_repo(tmp_path, (DOC_2021,))
    shutil.copytree(BUNDLED / DOC_2023, repo / "corpus" / DOC_2023)
    text_path = repo / "corpus" / DOC_2023 / "en.txt"
    text = text_path.read_text(encoding="utf-8")
    if weaken:
        assert WEAKEN[0] in text
        text_path.write_text(text.replace(*WEAKEN), encoding="utf-8")
    write_reports(repo)
    return repo


def test_fail_on_weakened_names_the_theme_and_the_cues(tmp_path: Path) -> None:
    repo = _repo_with_new_2023(tmp_path, weaken=True)
    result = check(repo, "--base", "HEAD", "--fail-on", "weakened")
    assert result.exit_code == 1
    line = (
        f"{repo / 'corpus' / DOC_2023}: error: theme ultra-low-energy-buildings "
        "(Ultra-low and near-zero energy buildings) weakened (--fail-on weakened): "
        f"'大力推广 (vigorously promote)' 3.5 in {DOC_2021} -> 'explore' 1.0, delta -2.5"
    )
    assert line in result.stdout.splitlines(), result.stdout
    # each side's sentence, where it stands, under the verdict
    listed = result.stdout.splitlines()
    at = next(k for k, text in enumerate(listed) if text.startswith("  weakened     ultra-low"))
    before, after = listed[at + 1 : at + 3]
    assert before.startswith(f"      {DOC_2021} · zh · III 转变城乡建设发展方式 > III.1 ")
    assert before.endswith("大力推广超低能耗、近零能耗建筑，发展零碳建筑。")
    assert after.startswith(f"      {DOC_2023} · en · ") and WEAKEN[1] in after
    data = json.loads(check(repo, "--base", "HEAD", "--format", "json").stdout)
    (change,) = [c for c in data["changes"] if c["theme"] == "ultra-low-energy-buildings"]
    assert change["from_location"].startswith("zh · III") and WEAKEN[1] in change["to_sentence"]
    # without --fail-on the same corpus is clean: the verdict is reported, not failed
    assert check(repo, "--base", "HEAD").exit_code == 0


def test_the_original_wording_strengthens_the_theme_instead(tmp_path: Path) -> None:
    repo = _repo_with_new_2023(tmp_path, weaken=False)
    result = check(repo, "--base", "HEAD", "--fail-on", "weakened", "--format", "json")
    import json

    data = json.loads(result.stdout)
    ultra = next(c for c in data["changes"] if c["theme"] == "ultra-low-energy-buildings")
    assert (ultra["verdict"], ultra["to_cue"], ultra["delta"]) == (
        "strengthened",
        "promote the large-scale development",
        0.5,
    )
    assert not any("ultra-low-energy-buildings" in f["message"] for f in data["findings"])


def test_corrupt_cache_is_rebuilt(repo: Path) -> None:
    cache = repo / ".policydiff" / "cache.sqlite"
    assert check(repo).exit_code == 0 and cache.is_file()
    cache.write_bytes(b"\x00garbage, not a database\xff" * 100)
    result = check(repo)
    assert result.exit_code == 0, result.output
    assert "cache was corrupt; rebuilt it" in result.stderr
    with sqlite3.connect(cache) as db:
        assert db.execute("SELECT count(*) FROM store").fetchone()[0] >= 5


def test_summary_goes_to_the_file_and_to_github_step_summary(tmp_path: Path) -> None:
    repo = _repo_with_new_2023(tmp_path, weaken=True)
    step = tmp_path / "step_summary.md"
    step.write_text("earlier step\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    result = check(
        repo,
        "--base",
        "HEAD",
        "--fail-on",
        "weakened,dropped",
        "--summary",
        str(summary),
        env={"GITHUB_STEP_SUMMARY": str(step)},
    )
    assert result.exit_code == 1
    assert f"wrote {summary}" in result.stderr
    markdown = summary.read_text(encoding="utf-8")
    assert markdown.startswith("## ❌ policydiff check")
    assert f"### `{DOC_2023}`" in markdown
    assert (
        "| Ultra-low and near-zero energy buildings | **weakened** ⚠️ | 大力推广 (vigorously "
        "promote) (3.5) | explore (1.0) | -2.5 |" in markdown
    )
    assert step.read_text(encoding="utf-8") == "earlier step\n" + markdown + "\n"


def _edit_report(repo: Path, *, update_manifest: bool) -> Path:
    report = repo / "reports" / "evolution.json"
    data = report.read_bytes().replace(b'"strengthened"', b'"weakened"', 1)
    report.write_bytes(data)
    if update_manifest:
        (repo / "reports" / MANIFEST).write_bytes(
            manifest({"evolution.json": data}, _metadata(repo))
        )
    return report


def test_a_report_listing_metadata_the_corpus_has_since_changed_is_out_of_date(
    repo: Path,
) -> None:
    # a manifest from before the digest says so, not that metadata changed
    manifest_path = repo / "reports" / MANIFEST
    recorded = json.loads(manifest_path.read_text(encoding="utf-8"))
    del recorded["metadata"]
    manifest_path.write_text(json.dumps(recorded), encoding="utf-8")
    assert (
        f"({MANIFEST} records no digest of the documents' metadata: written by an older policydiff)"
    ) in check(repo).stdout
    write_reports(repo)
    assert check(repo).exit_code == 0
    # the index lists each document's issuers; evolution.json's digests cover what the
    # analysis reads (texts, dates, titles), so an edited issuer passed, even --full
    meta = repo / "corpus" / DOC_2021 / "document.yaml"
    text = meta.read_text(encoding="utf-8")
    assert "- General Office of the State Council\n" in text
    meta.write_text(
        text.replace("- General Office of the State Council\n", "- State Council\n", 1),
        encoding="utf-8",
    )
    for extra in ((), ("--full",)):
        result = check(repo, *extra)
        assert result.exit_code == 1, result.output
        assert (
            "reports are out of date: run `policydiff report` (a document's metadata (issuers, "
            "Chinese title, number, level, series, parents or sources) changed since the "
            "report was written)" in result.stdout
        )


def test_a_hand_edited_report_fails_on_its_manifest(repo: Path) -> None:
    _edit_report(repo, update_manifest=False)
    result = check(repo)
    assert result.exit_code == 1
    assert (
        "reports are out of date: run `policydiff report` "
        "(evolution.json is not the file the report wrote)"
    ) in result.stdout


def test_a_page_the_report_did_not_write_in_its_folder_fails(repo: Path) -> None:
    # the report replaces its folders whole: a page in one that its manifest does not list
    # was put there by hand or left by an older run
    reports = repo / "reports"
    data = (reports / "evolution.json").read_bytes()
    (reports / "themes").mkdir()
    (reports / "themes" / "a.html").write_bytes(b"<p>a</p>")
    (reports / MANIFEST).write_bytes(
        manifest({"evolution.json": data, "themes/a.html": b"<p>a</p>"}, _metadata(repo))
    )
    assert check(repo).exit_code == 0
    (reports / "themes" / "a_2.html").write_bytes(b"<p>a</p>")
    result = check(repo)
    assert result.exit_code == 1
    assert (
        "reports are out of date: run `policydiff report` "
        "(themes/a_2.html is not a file the report wrote)"
    ) in result.stdout
    (reports / "themes" / "a_2.html").unlink()
    (reports / "themes" / ".DS_Store").write_bytes(b"\0")  # a file manager's, no page
    assert check(repo).exit_code == 0


def test_a_hand_edited_report_with_a_forged_manifest_fails_full(repo: Path) -> None:
    report = _edit_report(repo, update_manifest=True)
    assert check(repo).exit_code == 0
    result = check(repo, "--full")
    assert result.exit_code == 1
    assert (
        f"{report}: error: reports are out of date: run `policydiff report` "
        "(it records this corpus, but its contents differ from a fresh run)"
    ) in result.stdout


def test_another_catalogue_makes_the_report_stale(repo: Path, tmp_path: Path) -> None:
    extra = tmp_path / "extra-themes.yaml"
    extra.write_text(
        "themes:\n  - id: bicycle-lanes\n    label: Bicycle lanes\n    label_zh: 自行车道\n"
        "    en: [bicycle lane]\n    zh: [自行车道]\n",
        encoding="utf-8",
    )
    result = check(repo, "--themes", str(extra))
    assert result.exit_code == 1, result.output
    assert "(written with another catalogue)" in result.stdout


def test_a_report_without_inputs_is_stale(repo: Path) -> None:
    report = repo / "reports" / "evolution.json"
    data = json.loads(report.read_text(encoding="utf-8"))
    del data["inputs"]
    report.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    result = check(repo)
    assert result.exit_code == 1
    assert "(it records no inputs: written by an older policydiff" in result.stdout


def test_theme_changes_read_only_the_new_documents_and_their_neighbours(
    bundled_corpus,
) -> None:
    from policydiff.analysis.build import build_evolution
    from policydiff.check.changes import recompared, theme_changes
    from policydiff.check.staleness import GAP_WINDOW, neighbourhood

    full = build_evolution(bundled_corpus)
    ids = [d.id for d in bundled_corpus.documents]
    for i, doc in enumerate(bundled_corpus.documents):
        around = neighbourhood(bundled_corpus, (doc.id,))
        # its series (all three are central) back GAP_WINDOW documents, and the next two:
        # the document after it is compared with it, and its gaps told by the one after
        assert [d.id for d in around.documents] == ids[max(0, i - GAP_WINDOW) : i + 3]
        near = build_evolution(around)
        after = recompared(near, (doc.id,))
        assert (
            after
            == recompared(full, (doc.id,))
            == (((ids[i + 1], doc.id),) if i + 1 < len(ids) else ())
        )
        read = (doc.id, *(d for d, _ in after))
        assert theme_changes(near, read) == theme_changes(full, read)
        assert theme_changes(full, (doc.id,)) or doc is bundled_corpus.documents[0]


def test_without_base_an_edited_document_is_changed_and_gated(tmp_path: Path) -> None:
    # the report's digests say which documents changed since it was written, without git
    repo = make_repo(tmp_path, (DOC_2021, DOC_2023))
    path = repo / "corpus" / DOC_2023 / "en.txt"
    path.write_text(path.read_text(encoding="utf-8").replace(*WEAKEN), encoding="utf-8")
    result = check(repo, "--fail-on", "weakened")
    assert result.exit_code == 1, result.output
    assert f"changed: {DOC_2023}" in result.stdout
    assert (
        "theme ultra-low-energy-buildings (Ultra-low and near-zero energy buildings) weakened "
        "(--fail-on weakened)" in result.stdout
    )


def _repo_with_weakened_2023_committed(tmp_path: Path) -> tuple[Path, Path]:
    """The 2021 Opinions and a 2023 text that weakens ultra-low-energy buildings, committed
    with their reports; the 2023 text's path."""
    repo = _repo_with_new_2023(tmp_path, weaken=True)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "2023")
    return repo, repo / "corpus" / DOC_2023 / "en.txt"


TYPO = ("At present, China's economic", "At present, Chinas economic")


@pytest.mark.parametrize("since", [(), ("--base", "HEAD")])
def test_an_edit_that_keeps_a_verdict_fails_no_fail_on(
    tmp_path: Path, since: tuple[str, ...]
) -> None:
    # a typo mended in a document whose weakening the committed report already holds:
    # the verdict is listed, marked as before, and fails nothing; without --base the
    # committed report says what was, with --base the report at the base commit does
    repo, text = _repo_with_weakened_2023_committed(tmp_path)
    assert TYPO[0] in text.read_text(encoding="utf-8")
    text.write_text(text.read_text(encoding="utf-8").replace(*TYPO), encoding="utf-8")
    if since:
        write_reports(repo)  # the branch rewrote its reports: the base's still say what was
    result = check(repo, *since, "--fail-on", "weakened")
    assert f"changed: {DOC_2023}" in result.stdout, result.stdout
    kept = next(line for line in result.stdout.splitlines() if "ultra-low-energy" in line)
    assert kept.startswith("  weakened ") and kept.endswith("(as the committed report has it)")
    assert "--fail-on weakened" not in result.stdout
    # without --base the report, written before the edit, is stale: that alone fails
    assert result.exit_code == (0 if since else 1), result.stdout
    data = json.loads(check(repo, *since, "--format", "json", "--fail-on", "weakened").stdout)
    ultra = next(c for c in data["changes"] if c["theme"] == "ultra-low-energy-buildings")
    assert (ultra["verdict"], ultra["as_before"]) == ("weakened", True)
    # the same mark without a gate: what the edit itself did stands out either way
    plain = check(repo, *since).stdout
    kept = next(line for line in plain.splitlines() if "ultra-low-energy" in line)
    assert kept.endswith("(as the committed report has it)"), plain


def test_an_edit_that_weakens_further_is_no_verdict_kept(tmp_path: Path) -> None:
    # committed: 'promote' (2.0) where 2021 said 大力推广 (3.5), weakened by 1.5; the edit
    # makes it 'explore' (1.0): still weakened, but by 2.5, a new claim, and it gates
    repo, text = _repo_with_weakened_2023_committed(tmp_path)
    milder = "promote the development of ultra-low energy consumption"
    text.write_text(text.read_text(encoding="utf-8").replace(WEAKEN[1], milder), encoding="utf-8")
    write_reports(repo)
    git(repo, "commit", "-qam", "promote")
    text.write_text(text.read_text(encoding="utf-8").replace(milder, WEAKEN[1]), encoding="utf-8")
    result = check(repo, "--base", "HEAD", "--fail-on", "weakened")
    line = next(x for x in result.stdout.splitlines() if "ultra-low-energy" in x)
    assert line.startswith("  weakened ") and "committed report" not in line, line
    assert result.exit_code == 1


def test_an_edit_that_weakens_again_fails_even_where_it_was_weakened(tmp_path: Path) -> None:
    # the base's report has the 2023 Opinions strengthen ultra-low-energy buildings: the
    # edit that weakens it fails, whatever other verdicts it keeps
    repo, text = _repo_with_weakened_2023_committed(tmp_path)
    restored = text.read_text(encoding="utf-8").replace(WEAKEN[1], WEAKEN[0])
    text.write_text(restored, encoding="utf-8")
    write_reports(repo)
    git(repo, "commit", "-qam", "restore")
    text.write_text(restored.replace(*WEAKEN), encoding="utf-8")
    result = check(repo, "--base", "HEAD", "--fail-on", "weakened")
    assert result.exit_code == 1, result.stdout
    weakened = next(line for line in result.stdout.splitlines() if "ultra-low-energy" in line)
    assert weakened.startswith("  weakened ") and "committed report" not in weakened
    assert (
        "theme ultra-low-energy-buildings (Ultra-low and near-zero energy buildings) "
        "weakened (--fail-on weakened)" in result.stdout
    )


def _without_2023(repo: Path, how: str) -> None:
    corpus = repo / "corpus"
    if how == "removed":
        shutil.rmtree(corpus / DOC_2023)
        return
    meta = corpus / DOC_2023 / "document.yaml"  # re-dated after the 2025 Opinions
    text = meta.read_text(encoding="utf-8")
    assert "date: '2023-12-27'" in text or "date: 2023-12-27" in text, text
    meta.write_text(text.replace("2023-12-27", "2026-01-01"), encoding="utf-8")


@pytest.mark.parametrize("how", ["removed", "re-dated"])
def test_removing_or_re_dating_a_document_gates_the_one_that_now_follows_another(
    repo: Path, how: str
) -> None:
    # the 2025 Opinions, untouched, are read against the 2021 ones once the 2023 Opinions
    # are gone from between them: their verdicts are new, and --fail-on applies to them
    _without_2023(repo, how)
    write_reports(repo)  # the branch rewrote its reports: the base's still say what was
    result = check(repo, "--base", "HEAD", "--fail-on", "dropped")
    heading = f"{DOC_2025} (now compared with {DOC_2021}, before it in its series): "
    assert any(line.startswith(heading) for line in result.stdout.splitlines()), result.stdout
    assert f"{repo / 'corpus' / DOC_2025}: error: theme " in result.stdout
    assert result.exit_code == 1
    data = json.loads(check(repo, "--base", "HEAD", "--format", "json").stdout)
    assert {"document": DOC_2025, "compared_with": DOC_2021} in data["recompared"]


def test_without_a_report_at_the_base_the_branchs_own_report_is_not_taken_for_it(
    tmp_path: Path,
) -> None:
    # the base holds the corpus but no reports; the branch removes the 2023 Opinions and
    # writes reports: what came before is unknown, and check says what it cannot check
    repo = tmp_path / "repo"
    for doc_id in (DOC_2021, DOC_2023, DOC_2025):
        shutil.copytree(BUNDLED / doc_id, repo / "corpus" / doc_id)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "corpus")
    shutil.rmtree(repo / "corpus" / DOC_2023)
    write_reports(repo)
    out = check(repo, "--base", "HEAD", "--fail-on", "dropped").stdout
    assert f"removed: {DOC_2023}" in out
    assert (
        "note: no readable report at the base commit: documents that now follow a removed "
        "or re-dated one are not checked again"
    ) in out


def test_the_first_plan_of_its_series_is_said_to_be_so(tmp_path: Path) -> None:
    # Shanghai's urban-rural plan added beside the 2021 Opinions: nothing of its series
    # comes before it, so it has no theme change for want of anything to compare with
    repo = make_repo(tmp_path, (DOC_2021,))
    plan = "shanghai-chengxiangjianshe-tandafeng"
    shutil.copytree(LINEAGE / plan, repo / "corpus" / plan)
    out = check(repo, "--base", "HEAD").stdout
    assert (
        f"{plan}: first of its series (provincial:上海市): nothing before it in the series to "
        "compare it with"
    ) in out
    assert f"{plan}: no theme changes" not in out
    data = json.loads(check(repo, "--base", "HEAD", "--format", "json").stdout)
    assert data["first_of_series"] == [{"document": plan, "series": "provincial:上海市"}]
    assert (
        "First of its series (provincial:上海市)"
        in check(repo, "--base", "HEAD", "--format", "markdown").stdout
    )


def test_a_document_inserted_before_another_reports_what_that_one_is_now_compared_with(
    tmp_path: Path,
) -> None:
    # the 2021 and 2025 Opinions committed, then the 2023 Opinions added between them: the
    # 2025 Opinions are now read against the 2023 ones, which are new verdicts too
    repo = make_repo(tmp_path, (DOC_2021, DOC_2025))
    shutil.copytree(BUNDLED / DOC_2023, repo / "corpus" / DOC_2023)
    out = check(repo, "--base", "HEAD").stdout
    assert f"new: {DOC_2023}" in out
    heading = next(line for line in out.splitlines() if line.startswith(f"{DOC_2025} "))
    assert heading.startswith(
        f"{DOC_2025} (now compared with {DOC_2023}, before it in its series): "
    )
    # waste-free cities: full coverage in 2023, not mentioned in 2025
    assert (
        f"dropped      waste-free-cities            'full coverage' 4.5 in {DOC_2023} -> absent"
        in out
    )
    gated = check(repo, "--base", "HEAD", "--fail-on", "dropped")
    assert gated.exit_code == 1
    assert f"{repo / 'corpus' / DOC_2025}: error: theme waste-free-cities" in gated.stdout
    data = json.loads(check(repo, "--base", "HEAD", "--format", "json").stdout)
    assert data["recompared"] == [{"document": DOC_2025, "compared_with": DOC_2023}]
    assert any(c["document"] == DOC_2025 for c in data["changes"])
    markdown = check(repo, "--base", "HEAD", "--format", "markdown").stdout
    assert f"### `{DOC_2025}` (now compared with `{DOC_2023}`, before it in its series)" in (
        markdown
    )
