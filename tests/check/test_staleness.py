"""Whether the committed report is current, read from the top of evolution.json."""

from __future__ import annotations

from pathlib import Path

import pytest

from policydiff.check.staleness import changed_since_report, read_report
from policydiff.corpus import Corpus
from tests.conftest import BUNDLED, DOC_2021, DOC_2023, DOC_2025


def test_new_changed_and_removed_since_the_report(bundled_corpus: Corpus) -> None:
    from policydiff.analysis.digests import document_refs

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


@pytest.mark.slow
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
    import policydiff.check.staleness as check_module

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
