"""Commentary splitting, head and tail trimming, and metadata read from the real seeds."""

from __future__ import annotations

import datetime as dt

import pytest

from policydiff.ingest.body import find_body
from policydiff.ingest.clean import remove_debris
from policydiff.ingest.metadata import detect_language, parse_date_text, read_metadata
from tests.conftest import SEED_2021_EN, SEED_2021_ZH, SEED_2023_EN, SEED_2025_EN


def _body(seed):
    lines, _ = remove_debris(seed.read_text(encoding="utf-8"))
    return find_body(lines)


def test_2025_commentary_is_cut_and_text_starts_at_its_preamble() -> None:
    body = _body(SEED_2025_EN)
    assert body.lines[0].text.startswith("Cities are vital platforms")
    assert body.commentary[-1].text == "The original document reads as follows:"
    assert any("Key Policy Points and Interpretation" in line.text for line in body.commentary)
    kept = "\n".join(line.text for line in body.lines)
    assert "Good house Series Interpretation Column" not in kept
    assert "The Impact on the Real Estate Industry" not in kept
    assert body.lines[-1].text.startswith("Uphold and strengthen the CPC Central Committee")


def test_news_lead_of_2021_is_cut_in_both_languages() -> None:
    en, zh = _body(SEED_2021_EN), _body(SEED_2021_ZH)
    assert en.lines[0].text.startswith("Urban and rural development is an important vehicle")
    assert zh.lines[0].text.startswith("城乡建设是推动绿色发展")
    assert zh.commentary[-1].text.endswith("主要内容如下。")
    assert en.lines[-1].text.startswith("(4) Strengthening training and publicity.")
    assert zh.lines[-1].text.startswith("（四）加强培训宣传。")


def test_2023_site_header_is_trimmed_and_title_lines_go_to_the_head() -> None:
    body = _body(SEED_2023_EN)
    assert body.lines[0].text.startswith("Building a beautiful China is an important goal")
    assert "(December 27, 2023)" in [line.text for line in body.head]
    assert body.lines[-1].text.startswith("(33) Conduct performance evaluation.")


@pytest.mark.parametrize(
    ("seed", "title", "date", "issuers", "lang"),
    [
        (
            SEED_2021_EN,
            "Opinions on Promoting the Green Development of Urban and Rural Construction",
            None,
            ("General Office of the CPC Central Committee", "General Office of the State Council"),
            "en",
        ),
        (
            SEED_2023_EN,
            "Opinions on Comprehensively Promoting the Construction of a Beautiful China",
            dt.date(2023, 12, 27),
            ("CPC Central Committee", "State Council"),
            "en",
        ),
        (
            SEED_2025_EN,
            "Opinions on Promoting High-Quality Development of Cities",
            dt.date(2025, 8, 15),
            ("CPC Central Committee", "State Council"),
            "en",
        ),
    ],
)
def test_metadata_read_from_the_text(seed, title, date, issuers, lang) -> None:
    body = _body(seed)
    meta = read_metadata(
        [line.text for line in body.head],
        [line.text for line in body.commentary],
        "\n".join(line.text for line in body.lines),
    )
    assert (meta.title, meta.date, meta.issuers, meta.lang) == (title, date, issuers, lang)


def test_chinese_title_and_issuers() -> None:
    body = _body(SEED_2021_ZH)
    meta = read_metadata(
        [line.text for line in body.head],
        [line.text for line in body.commentary],
        "\n".join(line.text for line in body.lines),
    )
    assert meta.title_zh == "关于推动城乡建设绿色发展的意见"
    assert meta.issuers == (
        "General Office of the CPC Central Committee",
        "General Office of the State Council",
    )
    assert meta.lang == "zh"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(December 27, 2023)", dt.date(2023, 12, 27)),
        ("（2021年9月22日）", dt.date(2021, 9, 22)),
        ("(August 15, 2025)", dt.date(2025, 8, 15)),
        ("issued on 22 September 2021", dt.date(2021, 9, 22)),
        ("(February 30, 2023)", None),
        ("2023年13月1日", None),
        ("no date here", None),
    ],
)
def test_dates_in_both_languages(text: str, expected: dt.date | None) -> None:
    assert parse_date_text(text) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [("城乡建设是推动绿色发展的重要载体。", "zh"), ("Green buildings (绿色建筑) matter.", "en")],
)
def test_language_detection(text: str, lang: str) -> None:
    assert detect_language(text) == lang
