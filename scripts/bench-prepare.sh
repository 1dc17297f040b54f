#!/usr/bin/env bash
# Benchmark of `eurocorpus prepare` (issue #9): split + global shuffle +
# packing + Parquet and Megatron writing, in tokens/s, with peak RSS, on the
# tokenized output of the >= 200 MB benchmark corpus and on a quarter of it
# — peak RSS must not grow with the dataset (it is bounded by the shard
# size and training.bucket_bytes).
#
#   scripts/bench-prepare.sh [CORPUS_DIR] [TOKENIZER_JSON]
#
# Defaults as scripts/bench.sh (corpus generated once into $BENCH_DIR,
# default /tmp/eurocorpus-bench; Qwen3 tokenizer from ../shared). Work
# folders go to $WORK (default /tmp/eurocorpus-bench-prepare).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-${BENCH_DIR:-/tmp/eurocorpus-bench}}
tokenizer=${2:-../shared/tokenizers/qwen3/tokenizer.json}
work=${WORK:-/tmp/eurocorpus-bench-prepare}
if [ ! -d "$corpus" ] || [ -z "$(ls -A "$corpus" 2>/dev/null)" ]; then
  echo "generating ${BENCH_MB:-200} MB of benchmark JSONL.gz in $corpus ..."
  python3 scripts/gen-bench-corpus.py --source-dir ../shared/corpora/dev \
    --out "$corpus" --size-mb "${BENCH_MB:-200}" --files "${BENCH_FILES:-8}"
fi
cargo build --release --quiet
bin=target/release/eurocorpus
mkdir -p "$work"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM; tokenizer: $tokenizer"

# Tokenized datasets: the whole corpus, and its first quarter of files.
mapfile -t inputs < <(ls "$corpus"/*.jsonl.gz | sort)
quarter=("${inputs[@]:0:$(( (${#inputs[@]} + 3) / 4 ))}")
half=("${inputs[@]:0:$(( (${#inputs[@]} + 1) / 2 ))}")
dataset() { # name, inputs...
  local name=$1; shift
  # Made again each time, so both throughputs come from this run.
  rm -rf "${work:?}/$name"
  if true; then
    cat > "$work/$name.toml" <<EOF
[input]
paths = [$(printf '"%s",' "$@" | sed 's/,$//')]
lang_field = "lang"
[[stages]]
type = "tokenize"
tokenizer = "$tokenizer"
eos = "<|endoftext|>"
[output]
path = "$work/$name"
EOF
    "$bin" run -q "$work/$name.toml" >/dev/null 2>&1
  fi
}
dataset full "${inputs[@]}"
dataset quarter "${quarter[@]}"
dataset half "${half[@]}"

# Buckets of 16 MiB, so every dataset spans several output files of about
# that size and memory is bounded by the configuration, not by the dataset.
cat > "$work/training.toml" <<EOF
[training]
seed = 1
bucket_bytes = 16_777_216
[training.split]
validation = 0.01
[training.pack]
seq_len = 4096
EOF
printf '%-8s %12s %10s %8s %12s %10s %16s\n' dataset tokens seconds files "tokens/s" "peak RSS" "× pipeline tok/s"
for name in quarter half full; do
  rm -rf "$work/$name-training"
  /usr/bin/time -f '%e %M' -o "$work/time" "$bin" prepare -q "$work/$name" --out "$work/$name-training" \
    --config "$work/training.toml" >/dev/null 2>&1
  read -r secs rss_kb < "$work/time"
  tokens=$(python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['splits']; print(sum(v['weight_written'] for v in s.values()))" "$work/$name-training/training.json")
  files=$(python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['splits']; print(sum(v['files'] for v in s.values()))" "$work/$name-training/training.json")
  # The tokenizing pipeline that made the dataset, on the same machine.
  pipe=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['timing']['tokens_per_s'])" "$work/$name/stats.json")
  printf '%-8s %12d %10.2f %8d %12.0f %8.0f MB %16.2f\n' "$name" "$tokens" "$secs" "$files" \
    "$(echo "$tokens / $secs" | bc -l)" "$(echo "$rss_kb / 1024" | bc -l)" "$(echo "$tokens / $secs / $pipe" | bc -l)"
done
# The Megatron files, read back by the independent reader.
python3 scripts/megatron_read.py "$work/full-training/train"
