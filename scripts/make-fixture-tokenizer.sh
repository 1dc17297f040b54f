#!/usr/bin/env bash
# Rebuilds fixtures/tokenizer/eurocorpus-8k.json, the small tokenizer the
# quick start and the tests use, with eurocorpus's own train-tokenizer.
# Training text: the records of ../shared/corpora/dev whose licence has no
# NonCommercial clause (CC BY-SA UD treebanks, MPL-2.0 LibreOffice help),
# sampled evenly across their 21 languages (~3 MB in all).
set -euo pipefail
cd "$(dirname "$0")/.."
dev=${1:-../shared/corpora/dev}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in "$dev"/*.jsonl; do
  grep -v '"licence": "[^"]*NC' "$f" > "$tmp/$(basename "$f")" || true
done
cargo run --release --quiet -- train-tokenizer \
  --input "$tmp" --output fixtures/tokenizer/eurocorpus-8k.json \
  --vocab-size 8192 --sample-bytes 3000000
sha256sum fixtures/tokenizer/eurocorpus-8k.json
