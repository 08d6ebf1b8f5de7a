"""Build the evaluation corpora (``evaluation/dev/corpus``, ``evaluation/test/corpus``) from
the raw texts, as ``evaluation/corpora.yaml`` lists them, with ``policydiff ingest``:

    python evaluation/build.py            # rebuild both, replacing what is there
    python evaluation/build.py --out DIR  # build into DIR/dev/corpus, DIR/test/corpus

Each raw text is ingested as a new document with the id the gold files use, the date
(and, where given, the series) of the manifest, the issuers and (when known) the document
number of its ``.source.yaml``; the source line names the sidecar and, where the date is not the issue
date, says so.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def ingest_command(corpus: Path, entry: dict[str, object]) -> list[str]:
    raw = (HERE / str(entry["raw"])).resolve()
    sidecar = yaml.safe_load(raw.with_suffix(".source.yaml").read_text(encoding="utf-8"))
    origin = sidecar.get("source") or {}
    where = (
        f"{origin.get('repo')}: {origin.get('path')} at {str(origin.get('commit'))[:12]}"
        if isinstance(origin, dict) and origin.get("repo")
        else str(origin)
    )
    source = f"{where} (transcribed in {raw.relative_to(ROOT)})"
    if entry.get("date_note"):
        source += f"; date: {entry['date_note']}"
    command = [
        sys.executable, "-m", "policydiff", "ingest", "--corpus", str(corpus), str(raw),
        "--id", str(entry["id"]), "--date", str(entry["date"]), "--new-document",
        "--source", source, "-q",
    ]  # fmt: skip
    for issuer in sidecar.get("issuers") or []:
        command += ["--issuer", str(issuer)]
    if sidecar.get("doc_number"):  # a number the sidecar knows from outside the text
        command += ["--doc-number", str(sidecar["doc_number"])]
    if entry.get("title"):  # where the text heads its title without the issuing province
        command += ["--title", str(entry["title"])]
    if entry.get("series"):  # documents of one jurisdiction on another subject: their own timeline
        command += ["--series", str(entry["series"])]
    return command


def build(out: Path) -> list[Path]:
    manifest = yaml.safe_load((HERE / "corpora.yaml").read_text(encoding="utf-8"))
    built = []
    for name, entries in manifest.items():
        final = out / name / "corpus"
        with tempfile.TemporaryDirectory(dir=out) as tmp:
            corpus = Path(tmp) / "corpus"
            for entry in entries:
                done = subprocess.run(
                    ingest_command(corpus, entry), capture_output=True, text=True, check=False
                )
                if done.returncode != 0:
                    raise SystemExit(f"{entry['raw']}: {done.stderr.strip()}")
            if final.exists():
                shutil.rmtree(final)
            final.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(corpus, final)
        built.append(final)
    return built


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for corpus in build(args.out.resolve()):
        print(f"built {corpus}")


if __name__ == "__main__":
    main()
