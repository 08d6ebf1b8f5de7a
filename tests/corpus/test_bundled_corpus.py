"""The committed corpus: reproducible from the seeds, clean, dated, linked."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from policydiff.corpus import Corpus
from tests.conftest import BUNDLED, DOC_2021, DOC_2023, DOC_2025, REPO

DEBRIS = [
    re.compile(r"\b\d{3}-\d{4}-\d{3}\b"),  # phone numbers
    re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"),  # e-mail addresses
    re.compile(r"Co\., Ltd|Botao|Nanjing Green Building|Optoelectronics", re.I),  # company names
    re.compile(r"copyright|©|ICP备|all rights reserved", re.I),
    re.compile(r"Scan it|\[ ?BACK ?\]|Mobile version|flagship store|CAPTCHA|wechat", re.I),
    re.compile(r"Address of|Xinnong Road|Zhonghuan Road|Songhuajiang Road"),
    re.compile(r"\[bookmark:"),
    re.compile(r"Release Time|News detail|Relevant attachments"),
]


def test_three_documents_on_the_timeline(bundled_corpus: Corpus) -> None:
    summary = [
        (
            d.id,
            d.date.isoformat(),
            d.title,
            d.issuers,
            [(v.key, v.kind, v.complete) for v in d.versions],
        )
        for d in bundled_corpus.documents
    ]
    assert summary == [
        (
            DOC_2021,
            "2021-10-21",
            "Opinions on Promoting Green Development of Urban and Rural Construction",
            ("General Office of the CPC Central Committee", "General Office of the State Council"),
            [("en", "translation", True), ("zh", "original", True), ("en-2", "translation", False)],
        ),
        (
            DOC_2023,
            "2023-12-27",
            "Opinions on Comprehensively Promoting the Construction of a Beautiful China",
            ("CPC Central Committee", "State Council"),
            [("en", "translation", True)],
        ),
        (
            DOC_2025,
            "2025-08-15",
            "Opinions on Promoting High-Quality Development of Cities",
            ("CPC Central Committee", "State Council"),
            [("en", "translation", True)],
        ),
    ]


def test_no_web_debris_in_any_version(bundled_corpus: Corpus) -> None:
    for document in bundled_corpus.documents:
        for version in document.versions:
            for pattern in DEBRIS:
                found = pattern.search(version.text)
                assert found is None, f"{document.id}/{version.key}: {found.group(0)!r}"


def test_2025_starts_at_its_own_preamble_without_the_commentary(bundled_corpus: Corpus) -> None:
    text = bundled_corpus.get(DOC_2025).versions[0].text  # type: ignore[union-attr]
    assert text.startswith("Cities are vital platforms for modernization")
    for phrase in (
        "Key Policy Points",
        "Interpretation",
        "real estate industry",
        "reads as follows",
    ):
        assert phrase not in text


def test_texts_are_one_paragraph_per_line(bundled_corpus: Corpus) -> None:
    for document in bundled_corpus.documents:
        for version in document.versions:
            assert version.text.endswith("\n") and "\n\n" not in version.text
            assert all(line == line.strip() for line in version.text.splitlines())


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="the build script is bash")
def test_build_script_reproduces_the_committed_corpus(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    out = tmp_path / "corpus"
    subprocess.run(
        ["bash", str(REPO / "scripts" / "build-corpus.sh"), str(out)],
        check=True,
        env=env,
        cwd=tmp_path,
    )
    built = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    committed = sorted(p.relative_to(BUNDLED) for p in BUNDLED.rglob("*") if p.is_file())
    assert built == committed
    for relative in built:
        assert (out / relative).read_bytes() == (BUNDLED / relative).read_bytes(), relative
