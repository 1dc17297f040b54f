#!/usr/bin/env bash
# Runs every cargo-fuzz target in fuzz/ for SECONDS each (default 30), one
# after another, from a seed corpus made of the bundled fixtures. Needs a
# nightly toolchain (`rustup toolchain list`) and cargo-fuzz (installed
# here if missing). A finding stops the script with libFuzzer's report and
# the crashing input under fuzz/artifacts/TARGET/.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# The corpora grow in fuzz/corpus/TARGET (not committed). Each finding
# fixed so far is a regression test in the crate (see README "Guarantees").
# Leak detection is off, per input and at exit (ASAN_OPTIONS): this script
# looks for crashes, hangs and memory blow-ups. (Its at-exit report once
# found a real one — a stage that leaked its list names on every build,
# now interned — so run a target with ASAN_OPTIONS=detect_leaks=1 by hand
# to look for leaks.)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
shift || true
if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  echo "fuzz: no nightly toolchain (cargo fuzz needs one: rustup toolchain install nightly)" >&2
  exit 3
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked --quiet
fi

# Seed corpora from the fixtures: real records, plus records that carry a
# canary string the reader targets check no error message repeats.
seeds=fuzz/seeds
rm -rf "$seeds"
set +o pipefail # `zcat | head` ends zcat early
mkdir -p "$seeds"/{read_jsonl,read_wet,read_text,read_compressed,read_parquet,pipeline_toml,pii_detect,stages,tokenize_identity}
n=0
seed() { n=$((n + 1)); cat > "$seeds/$1/seed-$n"; }
head -c 6000 fixtures/corpus/jsonl/de.jsonl | seed read_jsonl
zcat fixtures/corpus/jsonl/fr.jsonl.gz | head -c 6000 | seed read_jsonl
printf '{"id":"SECRETCANARY","text":"SECRETCANARY","url":"SECRETCANARY"}\n{"text":"SECRETCANARY\n{"SECRETCANARY":1}\n"SECRETCANARY"\n{"text":["SECRETCANARY"]}\n{"text":"a","meta":{"SECRETCANARY":[1,2]}}\n' | seed read_jsonl
printf '\xef\xbb\xbf{"text":"bom"}\r\n{"text":"cr"}\r{"text":"caf\xc3"}\n' | seed read_jsonl
zcat fixtures/corpus/wet/sample.warc.wet.gz | head -c 8000 | seed read_wet
for f in fixtures/corpus/text/*.txt; do head -c 3000 "$f" | seed read_text; done
printf 'Absatz eins mit SECRETCANARY.\n\n\nAbsatz zwei.\r\n\r\nDrei\rvier\n' | seed read_text
for ctl in 0 1 2 5 7 12; do
  { printf "\\x$(printf %02x $ctl)\\x80"; head -c 3000 fixtures/corpus/jsonl/de.jsonl; } | seed read_compressed
done
cp fixtures/corpus/parquet/*.parquet "$seeds/read_parquet/"
cp pipelines/*.toml "$seeds/pipeline_toml/"
for f in fixtures/pii/*.jsonl; do
  { printf '\x01'; head -c 2000 "$f"; } | seed pii_detect
done
for f in fixtures/pii/de.jsonl fixtures/corpus/text/mt-001.txt fixtures/corpus/text/ga-001.txt; do
  head -c 2000 "$f" | seed stages
done
for pick in 0 1 2; do
  for f in fixtures/corpus/text/sl-001.txt fixtures/corpus/text/mt-001.txt; do
    { printf "\\x0$pick"; head -c 1500 "$f"; printf ' <|endoftext|> 12345678 \xf0\x9f\x98\x80  \t\n\n e\xcc\x81'; } \
      | seed tokenize_identity
  done
done

set -o pipefail

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cargo +nightly fuzz list)
fi
cargo +nightly fuzz build >/dev/null
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  echo "== fuzz $t for ${secs}s"
  ASAN_OPTIONS=detect_leaks=0 cargo +nightly fuzz run "$t" "fuzz/corpus/$t" "$seeds/$t" -- \
    -max_total_time="$secs" -detect_leaks=0 -max_len=65536 -rss_limit_mb=4096 -timeout=30 -print_final_stats=1 2>&1 \
    | grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|Done|==|SUMMARY|thread|.*panicked)' || true
  if [ -n "$(find "fuzz/artifacts/$t" -type f \( -name "crash-*" -o -name "leak-*" -o -name "timeout-*" -o -name "oom-*" \) 2>/dev/null)" ]; then
    echo "fuzz: $t found a problem: fuzz/artifacts/$t/" >&2
    exit 1
  fi
done
echo "fuzz: all targets ran ${secs}s each without a finding"
