#!/usr/bin/env bash
# The torture corpus (issue #8): writes it into DIR (default
# /tmp/eurocorpus-torture; ~230 MB, not committed), runs every stage on it
# (normalize, langid, exact + MinHash dedup, pii, tokenize with the fixture
# tokenizer) and prints the run's summary, its error samples and whether
# read = written + removed + errored. `--small` makes a 1 MB line and 10,000
# one-byte documents instead of 200 MB and 1,000,000. What each file must
# give is printed first (expected.json); the integration test
# tests/torture.rs checks all of it at full size, plus a file that
# disappears during the run and one without read permission.
#
#   scripts/torture.sh [DIR] [--small]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/eurocorpus-torture}
rm -rf "$dir"
mkdir -p "$dir"
cargo build --release --quiet --example torture_corpus
target/release/examples/torture_corpus "$dir" ${2:-} > "$dir/expected.json"
cat "$dir/expected.json"
cat > "$dir/torture.toml" <<TOML
name = "torture"
[input]
paths = ["$dir/in"]
[[stages]]
type = "normalize"
[[stages]]
type = "langid"
[[stages]]
type = "exact_dedup"
[[stages]]
type = "minhash_dedup"
[[stages]]
type = "pii"
[[stages]]
type = "tokenize"
tokenizer = "$PWD/fixtures/tokenizer/eurocorpus-8k.json"
eos = "<|endoftext|>"
[output]
path = "$dir/out"
[run]
on_error = "skip"
TOML
cargo build --release --quiet
/usr/bin/time -f 'peak RSS %M kB, %e s' target/release/eurocorpus run "$dir/torture.toml"
python3 - "$dir/out/stats.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
d = s["documents"]
print("documents:", d, "reconciled:", s["reconciled"], d["read"] == d["written"] + d["removed"] + d["errored"])
print("errors:", json.dumps(s["errors"]))
for e in s["error_samples"]:
    print(f"  {e['file']}: record {e['record']}: {e['kind']}: {e['detail']}")
PY
