"""Bytes -> text: format sniffing, encodings, normalisation, refusals, file reading."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policydiff.errors import InputError
from policydiff.ingest.decode import (
    MAX_BYTES,
    RawText,
    decode_bytes,
    decode_text,
    looks_like_html,
    read_file,
)

SIMPLIFIED = "（一）建设高品质绿色建筑。实施建筑领域碳达峰、碳中和行动。"
TRADITIONAL = "推動城鄉建設綠色發展的意見。建設高品質綠色建築。"
ENGLISH = "Opinions on Promoting the Green Development of Urban and Rural Construction"
MIXED = "第三条 到2025年，单位GDP能耗比2020年下降13.5%。\n（二）Carbon peak：2030年前。"


@pytest.mark.parametrize(
    ("text", "codec", "expected_encoding"),
    [
        (SIMPLIFIED, "utf-8", "utf-8"),
        (SIMPLIFIED, "utf-8-sig", "utf-8-sig"),
        (SIMPLIFIED, "gbk", "gb18030"),
        (SIMPLIFIED, "gb2312", "gb18030"),
        (SIMPLIFIED, "gb18030", "gb18030"),
        (SIMPLIFIED, "utf-16", "utf-16-le"),  # with BOM
        (SIMPLIFIED, "utf-16-le", "utf-16-le"),  # no BOM, no NUL byte but one in 一
        (SIMPLIFIED, "utf-16-be", "utf-16-be"),
        (SIMPLIFIED, "utf-32", "utf-32-le"),
        (TRADITIONAL, "big5", "big5"),
        (TRADITIONAL, "utf-8", "utf-8"),
        (TRADITIONAL, "utf-16-le", "utf-16-le"),
        (TRADITIONAL, "utf-16-be", "utf-16-be"),
        (TRADITIONAL, "gb18030", "gb18030"),
        (ENGLISH, "ascii", "utf-8"),
        (ENGLISH, "utf-16-le", "utf-16-le"),  # no BOM: found by the NUL pattern
        (ENGLISH, "utf-16-be", "utf-16-be"),
        (MIXED, "gbk", "gb18030"),
        (MIXED, "utf-16-le", "utf-16-le"),
    ],
)
def test_encodings_round_trip(text: str, codec: str, expected_encoding: str) -> None:
    raw = decode_bytes(text.encode(codec), "policy.txt")
    assert raw == RawText(text, expected_encoding, "text")


def test_a_latin_text_in_a_one_byte_codec_is_not_read_as_chinese() -> None:
    # GB18030 decodes é and the letter after it as one ideograph: d関eloppement
    # ... or as a Central European codepage (élčves for élèves, participaçăo, Seńora)
    texts = (
        "Politique de développement économique et écologique des villes. " * 20,
        "Les élèves développent leurs compétences générales.",
        "A participação da população na gestão das cidades são ações.",
        "La Señora Muñoz habló de la ciudad española y del año próximo.",
        # symbols and accent-heavy short lines are Latin too
        "Article 3 § 2 : le coût est de 5 £ et 10 × 2, soit 120 m² ; ½ des élèves.",
        "Été à Noël.",
        "Déjà été créé.",
        "Über Größe.",
    )
    for text in texts:
        for codec in ("latin-1", "cp1252"):
            assert decode_bytes(text.encode(codec), "politique.txt").text == text.rstrip()
    # cp1252's typography is no part of a word: a rule of dashes does not refuse cp1252
    ruled = "Article 1\n————————\nLes élèves développent leurs compétences."
    assert decode_bytes(ruled.encode("cp1252"), "politique.txt").text == ruled


@pytest.mark.parametrize(
    "text",
    [
        "推进BIM和CIM，5G和AI，A类和B类。",
        "BIM和CIM\nA和B\nX或Y",
        "Notice on the Jianbiao (建标) plan: BIM和CIM.",
    ],
)
def test_chinese_between_latin_capitals_is_still_read_as_chinese(text: str) -> None:
    assert decode_bytes(text.encode("gb18030"), "plan.txt").text == text


@pytest.mark.parametrize("text", ["支持ipad和iphone访问", "客户端支持ios和android系统。"])
def test_chinese_among_lower_case_latin_words_is_not_taken_for_cp1252(text: str) -> None:
    assert decode_bytes(text.encode("gbk"), "plan.txt").text == text


def test_gbk_with_a_corrupt_byte_is_refused_not_read_as_cp1252() -> None:
    page = f"<html><body><p>{SIMPLIFIED * 3}</p></body></html>".encode("gbk")
    with pytest.raises(InputError, match="cannot decode"):
        decode_bytes(page[:40] + b"\xff" + page[40:], "page.html")


@pytest.mark.parametrize(
    ("phrase", "codec"),
    [
        ("碳达峰", "gbk"),
        ("国务院办公厅", "gbk"),
        ("生态环境保护", "gbk"),
        ("碳達峰", "big5"),
        ("國務院辦公廳", "big5"),
        ("生態環境保護", "big5"),
    ],
)
def test_short_chinese_phrases_pick_the_right_codec(phrase: str, codec: str) -> None:
    assert decode_bytes(phrase.encode(codec)).text == phrase


def test_decode_text_keeps_text_raw() -> None:
    assert decode_text("a\r\nb　c".encode("gbk"), "x") == ("a\r\nb　c", "gb18030")


def test_bom_before_gbk_bytes_still_decodes() -> None:
    raw = decode_bytes(b"\xef\xbb\xbf" + SIMPLIFIED.encode("gbk"))
    assert (raw.text, raw.encoding) == (SIMPLIFIED, "gb18030")


@pytest.mark.parametrize(
    ("given_text", "expected"),
    [
        ("line one\r\nline two\rline three", "line one\nline two\nline three"),
        ("\ufeffBOM at start", "BOM at start"),
        ("bell\x07 and escape\x1b gone", "bell and escape gone"),
        ("a  \t  b\t\tc", "a b c"),
        ("　　一、总体要求", "一、总体要求"),  # ideographic-space indent
        ("碳达峰　碳中和", "碳达峰 碳中和"),
        ("ＡＢＣ１２３，（全角）", "ＡＢＣ１２３，（全角）"),  # full width kept, no NFKC
        ("para one\n\npara two\n", "para one\n\npara two"),
        ("  trailing and leading  \n  spaces  ", "trailing and leading\nspaces"),
        ("\n\n\ntop blank lines", "top blank lines"),
        ("page one\fpage two", "page one\npage two"),
        ("zero\u200bwidth soft\u00adhyphen", "zerowidth softhyphen"),
        ("no\u00a0break", "no break"),
    ],
)
def test_normalisation(given_text: str, expected: str) -> None:
    assert decode_bytes(given_text.encode("utf-8")).text == expected


def test_normalisation_in_utf16_too() -> None:
    raw = decode_bytes("第一条\r\n\r\n　　第二条\r\n".encode("utf-16"))
    assert raw.text == "第一条\n\n第二条"


@pytest.mark.parametrize("data", [b"", b"   \n", b"\r\n\t  \r\n", "\ufeff  \n".encode("utf-8")])
def test_empty_files(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^empty\.txt: empty file$"):
        decode_bytes(data, "empty.txt")


def test_utf16_bom_only_is_empty() -> None:
    with pytest.raises(InputError, match="empty file"):
        decode_bytes(b"\xff\xfe" + "  \r\n".encode("utf-16-le"), "e.txt")


@pytest.mark.parametrize(
    "data",
    [
        random.Random(7).randbytes(4000),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        b"text with a \x00 NUL in the middle",
        b"\x01\x02\x03\x04\x05\x06 mostly control bytes \x07\x08\x0e\x0f\x10\x11\x12\x13\x14",
        b"ELF\x7f\x02\x01\x01" + b"\x00" * 9,
    ],
)
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(data, "blob.bin")
    assert str(info.value) == "blob.bin: binary file (not text, HTML, .docx or PDF)"
    assert info.value.path == "blob.bin"


def test_undecodable_is_refused() -> None:
    with pytest.raises(
        InputError, match="cannot decode as UTF-8, UTF-16, GB18030, Big5 or Western European cp1252"
    ):
        decode_bytes(b"\xff\xfe\x00\xd8", "bad.txt")  # UTF-16 BOM, then a lone surrogate


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"PK\x03\x04\x14\x00\x00\x00 not really", "zip archive that is not a .docx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old binary .doc/.xls file"),
        (b"{\\rtf1\\ansi hello}", "RTF file"),
    ],
)
def test_other_formats_are_named(data: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        decode_bytes(data, "f")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><title>x</title>", True),
        ("<html lang='zh'>", True),
        ("<div>a</div><p>b</p><br>", True),
        ("<p>one</p>", False),
        ("第一条 本办法所称<p>标签", False),
        ("if a < b and c > d", False),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


def test_read_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "opinions.txt"
    path.write_bytes(SIMPLIFIED.encode("gbk"))
    assert read_file(path) == RawText(SIMPLIFIED, "gb18030", "text")


def test_read_file_missing(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError) as info:
        read_file(missing)
    assert str(info.value) == f"{missing}: no such file"


def test_read_file_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_file(tmp_path)


def test_read_file_small_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 57)
    with pytest.raises(InputError) as info:
        read_file(path, max_bytes=10)
    assert str(info.value) == f"{path}: file is 57 bytes; the limit is 10 bytes"


def test_read_file_refuses_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:  # sparse: 812 MB on paper, nothing on disk
        handle.truncate(812 * 1024 * 1024)

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_open)
    with pytest.raises(InputError) as info:
        read_file(path)
    assert info.value.problem == "file is 812 MB; the limit is 50 MB"
    assert MAX_BYTES == 50 * 1024 * 1024


def test_read_file_limit_just_exceeded(tmp_path: Path) -> None:
    path = tmp_path / "edge.txt"
    path.write_bytes(b"a" * 1025)
    with pytest.raises(InputError, match="file is 1,025 bytes; the limit is 1,024 bytes"):
        read_file(path, max_bytes=1024)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_read_file_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_bytes(b"hello")
    path.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        read_file(path)


@settings(max_examples=300, deadline=None)
@given(st.binary())
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    try:
        raw = decode_bytes(data, "fuzz")
    except InputError as exc:
        assert exc.path == "fuzz"
        return
    assert "\x00" not in raw.text
    assert raw.text.strip()
    assert raw.format in ("text", "html", "docx", "pdf")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_utf8_text_never_crashes(text: str) -> None:
    try:
        raw = decode_bytes(text.encode("utf-8", "surrogatepass"), "fuzz")
    except InputError:
        return
    assert "\x00" not in raw.text and "\r" not in raw.text
