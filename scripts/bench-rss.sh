#!/usr/bin/env bash
# Peak memory against input size (issue #8): runs the default pipeline
# (normalize, langid, exact + MinHash dedup, pii; plus tokenize with
# TOKENIZER) on inputs of 10 MB, 100 MB and 1 GB (8 files each) and on one
# 2 GB file, all of unique multilingual documents made from the dev corpora,
# and prints peak RSS (/usr/bin/time), wall time and throughput for each.
# Peak RSS must stay flat: it is bounded by threads x batch size, the row
# group being built, the word cache and the dedup sorter's budget
# (sort_buffer_bytes), never by the input.
#
#   scripts/bench-rss.sh [WORK_DIR]
#
# WORK_DIR defaults to /tmp/eurocorpus-rss (about 3.2 GB of gzip input is
# generated there once, ~5 GB of output is written and removed). Needs
# python3 and ../shared/corpora/dev. THREADS defaults to all cores,
# TOKENIZER to ../shared/tokenizers/qwen3/tokenizer.json.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/eurocorpus-rss}
threads=${THREADS:-$(nproc)}
tokenizer=${TOKENIZER:-../shared/tokenizers/qwen3/tokenizer.json}
cargo build --release --quiet
bin=target/release/eurocorpus
mkdir -p "$work"
gen() { # name size_mb files
  if [ ! -d "$work/$1" ]; then
    python3 scripts/gen-bench-corpus.py --source-dir ../shared/corpora/dev --out "$work/$1" \
      --size-mb "$2" --files "$3" --seed "$2" >/dev/null
  fi
}
gen 10mb 10 8
gen 100mb 100 8
gen 1gb 1024 8
gen 2gb-one-file 2048 1
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM; threads: $threads; tokenizer: $tokenizer"
printf '| input | files | gzip MB | documents | wall s | MB/s of gzip | peak RSS MB |\n|---|---:|---:|---:|---:|---:|---:|\n'
for name in 10mb 100mb 1gb 2gb-one-file; do
  in="$work/$name"
  out="$work/out-$name"
  rm -rf "$out"
  files=$(ls "$in" | wc -l)
  mb=$(du -sm "$in" | cut -f1)
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$work/rss" "$bin" run --input "$in" --output "$out" --tokenizer "$tokenizer" \
    --threads "$threads" --quiet
  end=$(date +%s.%N)
  rss=$(( $(cat "$work/rss") / 1024 ))
  docs=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['documents']['read'])" "$out/stats.json")
  wall=$(python3 -c "print(f'{$end - $start:.1f}')")
  rate=$(python3 -c "print(f'{$mb / ($end - $start):.1f}')")
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$files" "$mb" "$docs" "$wall" "$rate" "$rss"
  rm -rf "$out"
done
