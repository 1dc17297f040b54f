#!/usr/bin/env bash
# megatron-check.sh SPLIT_DIR — read a training split's Megatron output with
# megatron-core's OWN reader and compare it with the split's Parquet parts.
#
# For every SPLIT_DIR/megatron/part-NNNNN.{idx,bin} it opens
# megatron.core.datasets.indexed_dataset.IndexedDataset(prefix, multimodal=False,
# mmap=True) — the call GPTDataset makes — and reads every document with
# IndexedDataset.get() (GPTDataset's access path); it also reopens each part
# with mmap=False (the _FileBinReader path) and checks the first and last
# documents. It then compares with SPLIT_DIR/data/part-NNNNN.parquet:
#   documents mode: same number of documents, each document's tokens equal;
#   packed mode:    the packed rows' real tokens (the first num_tokens of each
#                   row, rows in order) are a prefix of the part's documents'
#                   tokens, and what is left over is less than one row (none
#                   when the last row is padded).
# Prints a JSON summary line; exit status 0 good, 1 mismatch/unreadable, 2 usage.
# scripts/megatron_read.py checks the same without torch, from the format spec.
#
# Not run in CI by default: megatron-core imports torch unconditionally
# (indexed_dataset.py has `import torch` at the top), and the CPU-only torch
# wheel alone is a ~200 MB download (~700 MB installed), and where only PyPI
# can be reached (as on this project's machines and CI) it takes PyPI's CUDA
# build, ~3 GB to download and ~5 GB installed — too slow and large for every
# CI run. The venv is created once and cached:
#   MEGATRON_VENV         venv directory [$HOME/.cache/eurocorpus/megatron-venv]
#   MEGATRON_CORE_SPEC    pip requirement for megatron-core [megatron-core==0.16.1]
#   MEGATRON_TORCH_INDEX  index of the torch wheels [https://download.pytorch.org/whl/cpu]
#   MEGATRON_PYTHON       interpreter the venv is made from [python3] (>= 3.10)
#   MEGATRON_TORCH_FALLBACK  1 = when the torch index cannot be reached, install
#                         PyPI's torch instead (the CUDA build: ~3 GB download,
#                         ~5 GB installed, works without a GPU) [1]
# Changing MEGATRON_CORE_SPEC or MEGATRON_TORCH_INDEX rebuilds the venv; delete
# the venv folder to force a rebuild.
#
# Usage: scripts/megatron-check.sh SPLIT_DIR      (e.g. out/training/train)
#        scripts/megatron-check.sh --install-only (just create the venv)
set -euo pipefail

VENV=${MEGATRON_VENV:-$HOME/.cache/eurocorpus/megatron-venv}
SPEC=${MEGATRON_CORE_SPEC:-megatron-core==0.16.1}
TORCH_INDEX=${MEGATRON_TORCH_INDEX:-https://download.pytorch.org/whl/cpu}
PYTHON=${MEGATRON_PYTHON:-python3}
FALLBACK=${MEGATRON_TORCH_FALLBACK:-1}

say() { echo "megatron-check: $*" >&2; }

if [[ $# -ne 1 || $1 == -h || $1 == --help ]]; then
    sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
SPLIT=$1
if [[ $SPLIT != --install-only && ! -d $SPLIT ]]; then
    say "no such folder: $SPLIT"
    exit 2
fi

setup_venv() {
    local want stamp t0
    want="torch from $TORCH_INDEX; numpy; pyarrow; $SPEC"
    stamp="$VENV/.eurocorpus-megatron-check"
    mkdir -p "$(dirname "$VENV")"
    exec 9>"$VENV.lock"
    flock 9 # one installer at a time
    if [[ -x $VENV/bin/python && -f $stamp && $(cat "$stamp") == "$want" ]]; then
        return 0
    fi
    t0=$SECONDS
    say "creating the venv $VENV ($want); this downloads torch (CPU), a few minutes"
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
    if ! "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
        --retries 1 --timeout 30 --index-url "$TORCH_INDEX" torch; then
        if [[ $FALLBACK != 1 ]]; then
            say "cannot install torch from $TORCH_INDEX (MEGATRON_TORCH_FALLBACK=0)"
            exit 1
        fi
        # Where only PyPI is reachable: PyPI's Linux torch is the CUDA build
        # (with its nvidia-* wheels: ~3 GB download, ~5 GB installed); it
        # runs on a machine without a GPU all the same.
        say "cannot install torch from $TORCH_INDEX; falling back to PyPI's torch (CUDA build, ~3 GB download)"
        "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check torch
    fi
    # torch is already there, so megatron-core's `torch>=2.6` is satisfied by
    # the CPU build and pip does not fetch the CUDA one from PyPI.
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
        numpy pyarrow "$SPEC"
    "$VENV/bin/python" -W ignore -c 'import megatron.core.datasets.indexed_dataset' ||
        { say "megatron-core does not import in $VENV"; exit 1; }
    echo "$want" >"$stamp"
    say "venv ready in $((SECONDS - t0)) s"
}

setup_venv
exec 9>&-
[[ $SPLIT == --install-only ]] && exit 0

exec "$VENV/bin/python" - "$SPLIT" <<'PY'
import json, logging, os, re, sys, warnings

warnings.filterwarnings("ignore")
logging.disable(logging.WARNING)  # IndexedDataset logs every index it loads

import numpy as np
import pyarrow.parquet as pq
import megatron.core
from megatron.core.datasets.indexed_dataset import IndexedDataset

split = sys.argv[1]
mdir, ddir = os.path.join(split, "megatron"), os.path.join(split, "data")
part_re = re.compile(r"^part-(\d{5})\.(idx|bin|parquet)$")


def fail(msg):
    print(f"megatron-check: FAIL: {msg}", file=sys.stderr)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(1)  # not sys.exit: IndexedDataset.__del__ of a half-built object would add noise


def parts(folder, ext):
    if not os.path.isdir(folder):
        return None
    return {m.group(1) for m in map(part_re.match, os.listdir(folder)) if m and m.group(2) == ext}


idx = parts(mdir, "idx") or set()
if not idx:
    fail(f"{split}: no megatron/part-NNNNN.idx")
if parts(mdir, "bin") != idx:
    fail(f"{mdir}: the .idx and .bin parts differ")
data = parts(ddir, "parquet")
if data is not None and data != idx:
    fail(f"{split}: parts differ: only in megatron/ {sorted(idx - data)}, only in data/ {sorted(data - idx)}")
if data is None:
    print(f"megatron-check: note: no {ddir}; reading the Megatron pairs alone", file=sys.stderr)

total_docs = total_tokens = 0
dtypes, modes = set(), set()
seq_len = None
for k in sorted(idx):
    try:
        prefix = os.path.join(mdir, f"part-{k}")
        try:
            ds = IndexedDataset(prefix, multimodal=False, mmap=True)
        except Exception as e:  # noqa: BLE001 - report whatever megatron-core raises
            fail(f"part {k}: megatron-core cannot open {prefix}: {type(e).__name__}: {e}")
        n = len(ds)
        di = np.asarray(ds.document_indices)
        if not np.array_equal(di, np.arange(n + 1)):
            fail(f"part {k}: document_indices is not [0, 1, ..., {n}] (one sequence per document)")
        lengths = np.asarray(ds.sequence_lengths, dtype=np.int64)
        starts = np.concatenate([[0], np.cumsum(lengths)])
        dtypes.add(np.dtype(ds.index.dtype).name)

        def doc(i, offset=0, length=None):
            """Document i (or a piece of it) as megatron-core's GPTDataset reads it."""
            d = np.asarray(ds.get(int(i), offset=int(offset), length=None if length is None else int(length)), dtype=np.int64)
            want = lengths[i] - offset if length is None else length
            if d.size != want:
                fail(f"part {k}: document {i}: get() returned {d.size} tokens, expected {want}")
            return d

        if n:
            ds2 = IndexedDataset(prefix, multimodal=False, mmap=False)
            for i in {0, n - 1}:
                if not np.array_equal(np.asarray(ds2[i], dtype=np.int64), doc(i)):
                    fail(f"part {k}: document {i} differs between mmap=True and mmap=False")
            m = min(n, 256)
            sl = ds[0:m]  # the slice path
            if not all(np.array_equal(np.asarray(a, dtype=np.int64), doc(i)) for i, a in enumerate(sl)):
                fail(f"part {k}: ds[0:{m}] differs from per-document get()")
            del ds2

        mode = None
        if data is not None:
            path = os.path.join(ddir, f"part-{k}.parquet")
            pf = pq.ParquetFile(path)
            mode = "packed" if "document_boundaries" in pf.schema_arrow.names else "documents"
            modes.add(mode)
        if mode == "documents":
            if pf.metadata.num_rows != n:
                fail(f"part {k}: {path} has {pf.metadata.num_rows} rows, megatron-core reads {n} documents")
            row = 0
            for batch in pf.iter_batches(batch_size=1024, columns=["input_ids"]):
                for ids in batch.column(0).to_pylist():
                    if not np.array_equal(np.asarray(ids, dtype=np.int64), doc(row)):
                        fail(f"part {k}: document {row}: tokens differ between {path} and megatron-core's read")
                    row += 1
        elif mode == "packed":
            total = int(starts[-1])
            g, row, last_partial = 0, 0, False
            for batch in pf.iter_batches(batch_size=1024, columns=["input_ids", "num_tokens"]):
                for ids, nt in zip(batch.column(0).to_pylist(), batch.column(1).to_pylist()):
                    if seq_len is None:
                        seq_len = len(ids)
                    if len(ids) != seq_len:
                        fail(f"part {k}: packed row {row} has {len(ids)} tokens, expected {seq_len}")
                    if last_partial:
                        fail(f"part {k}: packed row {row - 1} is partial but not last")
                    last_partial = nt < seq_len
                    if g + nt > total:
                        fail(f"part {k}: packed row {row} needs tokens up to {g + nt}, megatron-core reads {total}")
                    # the documents overlapping [g, g + nt), read piecewise as GPTDataset does
                    first = int(np.searchsorted(starts, g, side="right")) - 1
                    pieces, pos, i = [], g, first
                    while pos < g + nt:
                        if lengths[i]:
                            off = pos - starts[i]
                            ln = min(int(starts[i + 1]), g + nt) - pos
                            pieces.append(doc(i, off, ln))
                            pos += ln
                        i += 1
                    mega = np.concatenate(pieces) if pieces else np.empty(0, dtype=np.int64)
                    if not np.array_equal(np.asarray(ids[:nt], dtype=np.int64), mega):
                        fail(f"part {k}: packed row {row} (from document {first}) is not the continuation of megatron-core's documents")
                    g += nt
                    row += 1
            rest = total - g
            if (last_partial and rest) or (seq_len is not None and rest >= seq_len):
                fail(f"part {k}: {rest} tokens of megatron-core's documents are in no packed row (seq_len {seq_len})")
        else:
            for i in range(n):
                doc(i)
        total_docs += n
        total_tokens += int(lengths.sum())
        del ds
    except Exception as e:  # noqa: BLE001 - whatever megatron-core raises while reading
        fail(f"part {k}: megatron-core failed reading {prefix}: {type(e).__name__}: {e}")

if len(dtypes) > 1 or len(modes) > 1:
    fail(f"parts disagree: dtypes {sorted(dtypes)}, modes {sorted(modes)}")
print(json.dumps({
    "parts": len(idx), "documents": total_docs, "tokens": total_tokens,
    "dtype": dtypes.pop(), "mode": modes.pop() if modes else None,
    "reader": f"megatron-core {megatron.core.__version__}",
}))
PY
