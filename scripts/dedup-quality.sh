#!/usr/bin/env bash
# Quality of near-duplicate deduplication (recall per true-Jaccard bin and per
# edit kind, precision) on a generated corpus with known duplicates, built
# from the real documents of ../shared/corpora/dev. See the doc comment of
# benches/dedup_quality.rs for the corpus and the definitions.
#
#   scripts/dedup-quality.sh [--docs 20000] [--bands 40 --rows 3 --threshold 0.45]
#                            [--sweep 40x3@0.45,14x8@0,...] [--seed 1] [--work-dir DIR]
#
# Arguments are passed through to the benchmark; without any it measures the
# default minhash_dedup settings on 20,000 documents.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
cargo bench --quiet --bench dedup_quality -- "$@"
