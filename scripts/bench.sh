#!/usr/bin/env bash
# End-to-end benchmark (issue #2): generates (or takes) a >= 200 MB
# multilingual JSONL.gz corpus made of real sentences from the dev corpora,
# then measures in one run: read+parse alone, the tokenizers crate alone and
# the fast encoder alone on the same texts (checking they give the same
# tokens), and the whole pipeline (also with dedup, pii, langid+quality), with
# peak RSS and the ratios fast/crate and pipeline/fast-alone. Needs python3
# (standard library) to generate the corpus.
#
#   scripts/bench.sh [CORPUS_DIR] [TOKENIZER_JSON]
#
# Defaults: corpus in $BENCH_DIR (default /tmp/eurocorpus-bench, generated
# once from ../shared/corpora/dev, BENCH_MB=200 megabytes), tokenizer
# ../shared/tokenizers/qwen3/tokenizer.json. THREADS defaults to all cores.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-${BENCH_DIR:-/tmp/eurocorpus-bench}}
tokenizer=${2:-../shared/tokenizers/qwen3/tokenizer.json}
threads=${THREADS:-$(nproc)}
if [ ! -d "$corpus" ] || [ -z "$(ls -A "$corpus" 2>/dev/null)" ]; then
  echo "generating ${BENCH_MB:-200} MB of benchmark JSONL.gz in $corpus ..."
  python3 scripts/gen-bench-corpus.py --source-dir ../shared/corpora/dev \
    --out "$corpus" --size-mb "${BENCH_MB:-200}" --files "${BENCH_FILES:-8}"
fi
cargo build --release --quiet
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM; tokenizer: $tokenizer"
cargo bench --quiet --bench e2e -- --corpus "$corpus" --tokenizer "$tokenizer" --threads "$threads"
# Dedup at scale (optional): DEDUP_DOCS=1000000 (or 5000000) generates that
# many short documents and reports normalize-only vs normalize+dedup wall
# time and peak RSS.
if [ -n "${DEDUP_DOCS:-}" ]; then
  cargo bench --quiet --bench dedup -- --docs "$DEDUP_DOCS" --threads "$threads"
fi
