#!/usr/bin/env bash
# Rebuild examples/lineage/corpus from the raw texts in examples/lineage/raw/ (each with a
# .source.yaml naming where it was transcribed from; dates as in evaluation/corpora.yaml).
#
# The provinces are added before the ministry plan they implement, on purpose: parents
# are resolved over the corpus as it stands, so they gain their parent when it arrives.
# Shanghai's plan cites only Shanghai documents, so its parent is declared.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
raw="$here/raw"
corpus="${1:-$here/corpus}"
policydiff="${POLICYDIFF:-policydiff}"
src="ccccchaoo/carbon-policy-analysis at d81e7a8b1008"
rm -rf "$corpus"

"$policydiff" ingest -q --corpus "$corpus" --new-document \
  --id yunnan-chengxiangjianshe-tandafeng --date 2022-12~ \
  --issuer 云南省住房和城乡建设厅 --issuer 云南省发展和改革委员会 \
  --source "$src: data/structured_match (examples/lineage/raw/yunnan-chengxiang-tandafeng.txt); date: issue date not found, cites the 20th Party Congress (October 2022)" \
  "$raw/yunnan-chengxiang-tandafeng.txt"
"$policydiff" ingest -q --corpus "$corpus" --new-document \
  --id chongqing-chengxiangjianshe-tandafeng --date 2023-01-04 \
  --issuer 重庆市住房和城乡建设委员会 --issuer 重庆市发展和改革委员会 \
  --source "$src: data/structured_match (examples/lineage/raw/chongqing-chengxiang-tandafeng.txt)" \
  "$raw/chongqing-chengxiang-tandafeng.txt"
"$policydiff" ingest -q --corpus "$corpus" --new-document \
  --id guangdong-chengxiangjianshe-tandafeng --date 2023-01~ \
  --issuer 广东省住房和城乡建设厅 --issuer 广东省发展和改革委员会 \
  --source "$src: data/structured_match (examples/lineage/raw/guangdong-chengxiang-tandafeng.txt); date: issue date not found, reported in early 2023" \
  "$raw/guangdong-chengxiang-tandafeng.txt"
"$policydiff" ingest -q --corpus "$corpus" --new-document \
  --id henan-chengxiangjianshe-tandafeng --date 2023-02~ \
  --issuer 河南省住房和城乡建设厅 --issuer 河南省发展和改革委员会 \
  --source "$src: data/structured_match (examples/lineage/raw/henan-chengxiang-tandafeng.txt); date: reported on 2023-03-01 as issued recently" \
  "$raw/henan-chengxiang-tandafeng.txt"

"$policydiff" ingest -q --corpus "$corpus" --new-document \
  --id 2022-chengxiangjianshe-tandafeng --date 2022-06 --doc-number 建标〔2022〕53号 \
  --issuer 住房和城乡建设部 --issuer 国家发展改革委 \
  --source "$src: data/structured_query (examples/lineage/raw/2022-central-chengxiang-tandafeng.txt); date: issued in June 2022, day not shown by any stored source" \
  "$raw/2022-central-chengxiang-tandafeng.txt"

"$policydiff" ingest -q --corpus "$corpus" --new-document \
  --id shanghai-chengxiangjianshe-tandafeng --date 2022-11-01 --doc-number 沪建建材联〔2022〕545号 \
  --issuer 上海市住房和城乡建设管理委员会 --issuer 上海市发展和改革委员会 \
  --parent 2022-chengxiangjianshe-tandafeng \
  --source "$src: data/structured_match (examples/lineage/raw/2022-shanghai-chengxiang-tandafeng.txt); date and number: the issuing notice, 沪建建材联〔2022〕545号, dated 2022年11月1日 (ccn.ac.cn/policies-and-regulations/cpcn/587.html)" \
  "$raw/2022-shanghai-chengxiang-tandafeng.txt"
echo "built $corpus" >&2
