"""Build the CJK font the charts draw Chinese with: Noto Sans CJK SC, cut to the
characters of GB 2312 (every character of ordinary Simplified Chinese text), ASCII and
the punctuation the charts use, under a family name of its own so that it never stands
in for an installed Noto font, or an installed one for it.

    python scripts/make-cjk-font.py /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

(Debian's fonts-noto-cjk package). Noto Sans CJK is under the SIL Open Font License 1.1,
which allows a modified copy to be bundled: policydiff/data/fonts/OFL.txt goes with it.
The charts then draw the same glyphs on every machine, so the committed charts do not
change when the report is run where no CJK font is installed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

FAMILY = "Policydiff Sans SC"
OUT = Path(__file__).resolve().parents[1] / "policydiff" / "data" / "fonts"
FILE = "PolicydiffSansSC-Regular.otf"
EXTRA = "，。、；：？！“”‘’（）《》〔〕【】—…·％～－—–★●×▲▼＋−＝"


def gb2312() -> str:
    chars = []
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.append(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


def sc_face(path: Path) -> TTFont:
    if path.suffix.lower() in (".ttc", ".otc"):
        for font in TTCollection(str(path)).fonts:
            if font["name"].getDebugName(1) == "Noto Sans CJK SC":
                return font
        raise SystemExit(f"{path}: no Noto Sans CJK SC face")
    return TTFont(str(path))


def main(source: str) -> None:
    font = sc_face(Path(source))
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    ascii_text = "".join(chr(c) for c in range(0x20, 0x7F))
    subsetter.populate(text=gb2312() + ascii_text + EXTRA)
    subsetter.subset(font)
    names = font["name"]
    for record in names.names:
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID == 4:
            record.string = f"{FAMILY} Regular"
        elif record.nameID == 6:
            record.string = "PolicydiffSansSC-Regular"
        elif record.nameID == 3:
            record.string = f"policydiff subset of Noto Sans CJK SC: {record.toUnicode()}"
    OUT.mkdir(parents=True, exist_ok=True)
    font.save(str(OUT / FILE))
    print(f"wrote {OUT / FILE} ({(OUT / FILE).stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(
        sys.argv[1]
        if len(sys.argv) > 1
        else "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
    )
