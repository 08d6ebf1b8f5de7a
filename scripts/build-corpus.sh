#!/usr/bin/env bash
# Rebuild the bundled corpus from the raw seed files, exactly as it is committed.
# Usage: scripts/build-corpus.sh [CORPUS_DIR]   (default: corpus; the folder must not exist)
# A test (tests/test_bundled_corpus.py) runs this same sequence and compares the result
# with the committed corpus/, so the two cannot drift apart.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seeds="$here/tests/data/seeds"
out=${1:-corpus}
policydiff ingest --corpus "$out" -q "$seeds/000_a79beb709a5b3477.txt" \
  --date 2021-10-21 \
  --title "Opinions on Promoting Green Development of Urban and Rural Construction" \
  --source "Xinhua English translation, reposted on a manufacturer's web page (seed 000)"
policydiff ingest --corpus "$out" -q "$seeds/001_f82538c24fddc7d2.txt" \
  --source "Chinese original as published by Xinhua (seed 001)"
policydiff ingest --corpus "$out" -q "$seeds/003_9cb47a5805331d04.txt" \
  --source "partial second English translation, from a company web page (seed 003)"
policydiff ingest --corpus "$out" -q "$seeds/004_e65841712e543070.txt" \
  --source "English translation reposted on a chemical company's news page (seed 004)"
policydiff ingest --corpus "$out" -q "$seeds/002_7cdbb63ef07590fe.txt" \
  --source "English translation embedded in a commentary on a building-materials company's page (seed 002)"
