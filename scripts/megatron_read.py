#!/usr/bin/env python3
"""Independent reader/validator of the Megatron pairs in a training split folder.

Written from the format description (megatron-core's
megatron/core/datasets/indexed_dataset.py, _IndexWriter/_IndexReader), not
from megatron-core's code itself, so that it can run anywhere with only numpy
and pyarrow (no torch). scripts/megatron-check.sh does the same comparison
with megatron-core's own IndexedDataset.

The .idx layout (all little-endian):
    magic                b"MMIDIDX\\x00\\x00"   9 bytes
    version              <Q                    always 1
    dtype code           <B                    1 uint8, 2 int8, 3 int16, 4 int32,
                                               5 int64, 6 float64, 7 float32, 8 uint16
    sequence count  n    <Q
    document count  d    <Q                    = len(document_indices) (documents + 1)
    sequence_lengths     int32[n]              tokens of each sequence
    sequence_pointers    int64[n]              byte offset of each sequence in .bin
    document_indices     int64[d]              0, ..., n: first sequence of each document
(megatron-core can append int8 sequence_modes[n] for multimodal data; the
header does not say so and eurocorpus never writes it, so trailing bytes are
an error here.) The .bin is the sequences' tokens, back to back, in the dtype.

Usage:
    megatron_read.py SPLIT_DIR
        SPLIT_DIR is e.g. OUT/training/train: checks every
        megatron/part-NNNNN.{idx,bin} strictly, and compares it with
        data/part-NNNNN.parquet (documents mode: same documents, same order;
        packed mode: the packed rows' real tokens are a prefix of the part's
        documents' tokens, and only the final partial row is dropped or
        padded). Prints one JSON line
        {"parts":..,"documents":..,"tokens":..,"dtype":..,"mode":..}
        ("mode" is null when the split has no data/ folder, i.e. formats =
        ["megatron"]).
    megatron_read.py --prefix PREFIX [--dump]
        Checks the single pair PREFIX.idx + PREFIX.bin (any valid
        document_indices) and prints
        {"documents":..,"sequences":..,"tokens":..,"dtype":..}; with --dump a
        second line: a JSON list with each document's tokens (a document is
        the concatenation of its sequences).

Exit status: 0 all good; 1 a format error or a mismatch (the message, on
stderr, names the file/part and the document or row); 2 bad usage.

Needs: Python >= 3.9, numpy, pyarrow.
"""

import argparse
import json
import os
import re
import struct
import sys

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

MAGIC = b"MMIDIDX\x00\x00"
HEADER_BYTES = 9 + 8 + 1 + 8 + 8  # 34
DTYPES = {
    1: np.uint8,
    2: np.int8,
    3: np.int16,
    4: np.int32,
    5: np.int64,
    6: np.float64,
    7: np.float32,
    8: np.uint16,
}
# The token dtypes Megatron's GPT pipeline knows (GPTDatasetConfig.token_dtype_code:
# "4 for int32, 8 for uint16"; DType.optimal_dtype picks one of these two).
SPLIT_DTYPES = ("uint16", "int32")
BATCH_ROWS = 4096


class Invalid(Exception):
    """A format error or a mismatch; the message says where."""


class Pair:
    """One validated .idx/.bin pair."""

    def __init__(self, prefix):
        self.prefix = prefix
        idx_path, bin_path = prefix + ".idx", prefix + ".bin"
        for p in (idx_path, bin_path):
            if not os.path.isfile(p):
                raise Invalid(f"{p}: missing")
        with open(idx_path, "rb") as f:
            raw = f.read()
        size = len(raw)
        if size < HEADER_BYTES:
            raise Invalid(f"{idx_path}: {size} bytes, shorter than the {HEADER_BYTES}-byte header")
        if raw[:9] != MAGIC:
            raise Invalid(f"{idx_path}: bad magic {raw[:9]!r}, expected {MAGIC!r}")
        (version,) = struct.unpack_from("<Q", raw, 9)
        if version != 1:
            raise Invalid(f"{idx_path}: version {version}, expected 1")
        code = raw[17]
        if code not in DTYPES:
            raise Invalid(f"{idx_path}: unknown dtype code {code} (valid: 1..8)")
        self.dtype = np.dtype(DTYPES[code])
        self.itemsize = self.dtype.itemsize
        n, d = struct.unpack_from("<QQ", raw, 18)
        expected = HEADER_BYTES + 4 * n + 8 * n + 8 * d
        if size != expected:
            extra = size - expected
            hint = ""
            if extra == n and n > 0:
                hint = " (exactly one int8 per sequence: multimodal sequence_modes, which eurocorpus never writes)"
            raise Invalid(
                f"{idx_path}: {size} bytes, but the header (sequences={n}, document_indices={d}) "
                f"implies {expected} ({'+' if extra > 0 else ''}{extra}){hint}"
            )
        off = HEADER_BYTES
        self.lengths = np.frombuffer(raw, dtype="<i4", count=n, offset=off).astype(np.int64)
        off += 4 * n
        self.pointers = np.frombuffer(raw, dtype="<i8", count=n, offset=off)
        off += 8 * n
        self.doc_idx = np.frombuffer(raw, dtype="<i8", count=d, offset=off)
        self.n, self.d = n, d

        if n and self.lengths.min() < 0:
            i = int(np.argmax(self.lengths < 0))
            raise Invalid(f"{idx_path}: sequence {i} has negative length {self.lengths[i]}")
        expect_ptr = np.zeros(n, dtype=np.int64)
        if n:
            np.cumsum(self.lengths[:-1] * self.itemsize, out=expect_ptr[1:])
        bad = np.nonzero(self.pointers != expect_ptr)[0]
        if bad.size:
            i = int(bad[0])
            raise Invalid(
                f"{idx_path}: sequence {i}: pointer {int(self.pointers[i])}, expected {int(expect_ptr[i])} "
                f"(pointer[0] = 0, pointer[i+1] = pointer[i] + length[i] * {self.itemsize}, the size of the dtype {self.dtype.name})"
            )
        if d == 0:
            raise Invalid(f"{idx_path}: document_indices is empty (must at least be [0])")
        if self.doc_idx[0] != 0:
            raise Invalid(f"{idx_path}: document_indices[0] = {int(self.doc_idx[0])}, expected 0")
        dec = np.nonzero(np.diff(self.doc_idx) < 0)[0]
        if dec.size:
            j = int(dec[0])
            raise Invalid(
                f"{idx_path}: document_indices decreases at {j + 1}: {int(self.doc_idx[j])} -> {int(self.doc_idx[j + 1])}"
            )
        if self.doc_idx[-1] != n:
            raise Invalid(f"{idx_path}: document_indices ends with {int(self.doc_idx[-1])}, expected the sequence count {n}")

        self.tokens = int(self.lengths.sum())
        bin_size = os.path.getsize(bin_path)
        if bin_size != self.tokens * self.itemsize:
            raise Invalid(
                f"{bin_path}: {bin_size} bytes, expected {self.tokens} tokens * {self.itemsize} = {self.tokens * self.itemsize}"
            )
        if bin_size == 0:  # numpy cannot memory-map an empty file
            self.flat = np.empty(0, dtype=self.dtype.newbyteorder("<"))
        else:
            self.flat = np.memmap(bin_path, dtype=self.dtype.newbyteorder("<"), mode="r")
        # token offset of each sequence, plus the end
        self.starts = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(self.lengths, out=self.starts[1:])

    @property
    def documents(self):
        return self.d - 1

    def sequence(self, i):
        return self.flat[self.starts[i] : self.starts[i + 1]]

    def document(self, j):
        return self.flat[self.starts[self.doc_idx[j]] : self.starts[self.doc_idx[j + 1]]]


# ---------------------------------------------------------------- Parquet side


def _is_list(t):
    return pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_fixed_size_list(t)


def _check_schema(path, schema):
    """The mode ("documents" or "packed") of a data/ part, after a strict type check."""
    names = set(schema.names)
    if "document_boundaries" in names:
        mode = "packed"
        need = {"input_ids": "list<uint32>", "document_boundaries": "list<uint32>", "num_tokens": "uint32"}
    else:
        mode = "documents"
        need = {"id": "utf8", "lang": "utf8", "copy": "uint32", "input_ids": "list<uint32>", "num_tokens": "uint32"}
    for col, want in need.items():
        if col not in names:
            raise Invalid(f"{path}: no column `{col}` ({mode} mode, as the columns {sorted(names)} say)")
        t = schema.field(col).type
        ok = {
            "utf8": pa.types.is_string(t) or pa.types.is_large_string(t),
            "uint32": pa.types.is_uint32(t),
            "list<uint32>": _is_list(t) and pa.types.is_uint32(t.value_type),
        }[want]
        if not ok:
            raise Invalid(f"{path}: column `{col}` is {t}, expected {want}")
    if mode == "packed" and "position_ids" in names:
        t = schema.field("position_ids").type
        if not (_is_list(t) and pa.types.is_integer(t.value_type)):
            raise Invalid(f"{path}: column `position_ids` is {t}, expected a list of integers")
    return mode


def _flat(arr, path, col, first_row):
    """(values as int64, offsets relative to the batch) of a list column chunk."""
    if arr.null_count:
        i = first_row + int(np.argmax(np.asarray(arr.is_null())))
        raise Invalid(f"{path}: row {i}: `{col}` is null")
    if pa.types.is_fixed_size_list(arr.type):
        k = arr.type.list_size
        offs = np.arange(len(arr) + 1, dtype=np.int64) * k
    else:
        offs = np.asarray(arr.offsets, dtype=np.int64)
        offs = offs - offs[0]
    vals = np.asarray(arr.flatten(), dtype=np.int64) if len(arr) else np.empty(0, dtype=np.int64)
    if vals.size != offs[-1]:
        raise Invalid(f"{path}: `{col}` has null values inside lists (rows {first_row}..)")
    return vals, offs


def _col(batch, name):
    arr = batch.column(batch.schema.get_field_index(name))
    return arr


def _first_diff(a, b):
    return int(np.argmax(a != b))


def compare_documents(part, pair, path, pf):
    rows = pf.metadata.num_rows
    if rows != pair.documents:
        raise Invalid(
            f"part {part}: {path} has {rows} rows, the Megatron pair has {pair.documents} documents"
        )
    row = 0
    for batch in pf.iter_batches(batch_size=BATCH_ROWS, columns=["input_ids", "num_tokens"]):
        m = batch.num_rows
        vals, offs = _flat(_col(batch, "input_ids"), path, "input_ids", row)
        nt_arr = _col(batch, "num_tokens")
        if nt_arr.null_count:
            raise Invalid(f"{path}: null num_tokens in rows {row}..{row + m - 1}")
        nt = np.asarray(nt_arr, dtype=np.int64)
        plen = np.diff(offs)
        bad = np.nonzero(nt != plen)[0]
        if bad.size:
            i = int(bad[0])
            raise Invalid(f"part {part}: document {row + i}: num_tokens {nt[i]} but {plen[i]} input_ids in {path}")
        mlen = pair.lengths[row : row + m]
        bad = np.nonzero(mlen != plen)[0]
        if bad.size:
            i = int(bad[0])
            raise Invalid(
                f"part {part}: document {row + i}: {plen[i]} tokens in {path}, {mlen[i]} in the Megatron pair"
            )
        mega = np.asarray(pair.flat[pair.starts[row] : pair.starts[row + m]], dtype=np.int64)
        if not np.array_equal(mega, vals):
            k = _first_diff(mega, vals)
            i = int(np.searchsorted(offs, k, side="right")) - 1
            raise Invalid(
                f"part {part}: document {row + i}: token {k - offs[i]} is {vals[k]} in {path}, "
                f"{mega[k]} in the Megatron pair ({pair.dtype.name})"
            )
        row += m


def compare_packed(part, pair, path, pf, seq_len_seen):
    """Prefix property plus row-shape, boundary and position_ids checks. Returns seq_len."""
    rows = pf.metadata.num_rows
    has_pos = "position_ids" in pf.schema_arrow.names
    cols = ["input_ids", "document_boundaries", "num_tokens"] + (["position_ids"] if has_pos else [])
    doc_starts = np.unique(pair.starts)  # token offsets where a document starts (and the end)
    seq_len = seq_len_seen
    g = 0  # tokens of the part's document stream covered so far
    row = 0
    last_partial = False
    for batch in pf.iter_batches(batch_size=BATCH_ROWS, columns=cols):
        m = batch.num_rows
        ids, ioffs = _flat(_col(batch, "input_ids"), path, "input_ids", row)
        bnd, boffs = _flat(_col(batch, "document_boundaries"), path, "document_boundaries", row)
        nt_arr = _col(batch, "num_tokens")
        if nt_arr.null_count:
            raise Invalid(f"{path}: null num_tokens in rows {row}..{row + m - 1}")
        nt = np.asarray(nt_arr, dtype=np.int64)
        if has_pos:
            pos, poffs = _flat(_col(batch, "position_ids"), path, "position_ids", row)
        rl = np.diff(ioffs)
        if seq_len is None and m:
            seq_len = int(rl[0])
        bad = np.nonzero(rl != seq_len)[0]
        if bad.size:
            i = int(bad[0])
            raise Invalid(f"part {part}: packed row {row + i} has {rl[i]} input_ids, expected seq_len {seq_len} (as the first row)")
        for i in range(m):
            r = row + i
            n_i = int(nt[i])
            if last_partial:
                raise Invalid(f"part {part}: packed row {r - 1} is partial (num_tokens < {seq_len}) but is not the last row")
            if n_i <= 0 or n_i > seq_len:
                raise Invalid(f"part {part}: packed row {r}: num_tokens {n_i} not in 1..{seq_len}")
            last_partial = n_i < seq_len
            real = ids[ioffs[i] : ioffs[i] + n_i]
            if g + n_i > pair.tokens:
                raise Invalid(
                    f"part {part}: packed row {r} needs tokens {g}..{g + n_i} of the part, the Megatron pair has only {pair.tokens}"
                )
            mega = np.asarray(pair.flat[g : g + n_i], dtype=np.int64)
            if not np.array_equal(real, mega):
                k = _first_diff(real, mega)
                doc = int(np.searchsorted(pair.starts, g + k, side="right")) - 1
                raise Invalid(
                    f"part {part}: packed row {r}, token {k} (document {doc}, its token {g + k - pair.starts[doc]}): "
                    f"{real[k]} in {path}, {mega[k]} in the Megatron pair"
                )
            b = bnd[boffs[i] : boffs[i + 1]]
            if b.size < 2 or b[0] != 0 or b[-1] != n_i or np.any(np.diff(b) < 0):
                raise Invalid(
                    f"part {part}: packed row {r}: document_boundaries {b[:8].tolist()}{'...' if b.size > 8 else ''} "
                    f"must start with 0, end with num_tokens {n_i} and not decrease"
                )
            lo = int(np.searchsorted(doc_starts, g, side="right"))
            hi = int(np.searchsorted(doc_starts, g + n_i, side="left"))
            want = doc_starts[lo:hi] - g
            got = np.unique(b[(b > 0) & (b < n_i)])
            if not np.array_equal(want, got):
                raise Invalid(
                    f"part {part}: packed row {r}: inner document_boundaries {got[:8].tolist()} "
                    f"but the Megatron documents start at {want[:8].tolist()} within the row"
                )
            if has_pos:
                p = pos[poffs[i] : poffs[i + 1]]
                if p.size != seq_len:
                    raise Invalid(f"part {part}: packed row {r}: {p.size} position_ids, expected {seq_len}")
                segs = np.diff(b)
                exp = np.arange(n_i, dtype=np.int64) - np.repeat(b[:-1], segs)
                if not np.array_equal(p[:n_i], exp):
                    k = _first_diff(p[:n_i], exp)
                    raise Invalid(
                        f"part {part}: packed row {r}: position_ids[{k}] = {p[k]}, expected {exp[k]} "
                        "(restarting at 0 at each document_boundaries entry)"
                    )
            g += n_i
        row += m
    rest = pair.tokens - g
    if last_partial and rest:
        raise Invalid(
            f"part {part}: the last packed row is padded, yet {rest} tokens of the Megatron documents are not in any row"
        )
    if seq_len is not None and rest >= seq_len:
        doc = int(np.searchsorted(pair.starts, g, side="right")) - 1
        raise Invalid(
            f"part {part}: {rest} tokens of the Megatron documents (from document {doc}) are in no packed row, "
            f"more than a partial row (seq_len {seq_len})"
        )
    if seq_len is None and pair.tokens >= 1 and rows == 0:
        # no row at all: allowed only if the part has less than one row of tokens; unknown seq_len
        print(f"megatron_read: note: part {part} has no packed rows but {pair.tokens} tokens", file=sys.stderr)
    return seq_len


# ---------------------------------------------------------------- drivers

PART_RE = re.compile(r"^part-(\d{5})\.(idx|bin|parquet)$")


def _parts(folder, exts):
    out = {}
    if not os.path.isdir(folder):
        return None
    for name in os.listdir(folder):
        mt = PART_RE.match(name)
        if mt and mt.group(2) in exts:
            out.setdefault(mt.group(1), set()).add(mt.group(2))
        elif name.startswith("part-"):
            raise Invalid(f"{os.path.join(folder, name)}: unexpected file name (expected part-NNNNN.{'/'.join(sorted(exts))})")
    return out


def check_split(split):
    mdir = os.path.join(split, "megatron")
    ddir = os.path.join(split, "data")
    mparts = _parts(mdir, {"idx", "bin"})
    if not mparts:
        raise Invalid(f"{split}: no megatron/part-NNNNN.idx")
    for k, exts in sorted(mparts.items()):
        if exts != {"idx", "bin"}:
            missing = ({"idx", "bin"} - exts).pop()
            raise Invalid(f"part {k}: megatron/part-{k}.{missing} missing")
    dparts = _parts(ddir, {"parquet"})
    if dparts is not None and set(dparts) != set(mparts):
        only_m = sorted(set(mparts) - set(dparts))
        only_d = sorted(set(dparts) - set(mparts))
        raise Invalid(
            f"{split}: parts differ between megatron/ and data/: only in megatron/ {only_m}, only in data/ {only_d}"
        )
    if dparts is None:
        print(f"megatron_read: note: {ddir} does not exist; checking the Megatron pairs alone", file=sys.stderr)

    docs = tokens = 0
    dtype = mode = None
    seq_len = None
    for k in sorted(mparts):
        pair = Pair(os.path.join(mdir, f"part-{k}"))
        if pair.dtype.name not in SPLIT_DTYPES:
            raise Invalid(f"part {k}: dtype {pair.dtype.name}; Megatron GPT datasets use {' or '.join(SPLIT_DTYPES)}")
        if pair.tokens == 0:
            raise Invalid(
                f"part {k}: megatron/part-{k}.bin is empty ({pair.documents} documents, 0 tokens): megatron-core's "
                "IndexedDataset (mmap=True, the default) cannot open it (numpy cannot mmap an empty file)"
            )
        if dtype is None:
            dtype = pair.dtype.name
        elif pair.dtype.name != dtype:
            raise Invalid(f"part {k}: dtype {pair.dtype.name}, earlier parts {dtype}")
        if not np.array_equal(pair.doc_idx, np.arange(pair.d)):
            j = _first_diff(pair.doc_idx, np.arange(pair.d))
            raise Invalid(
                f"part {k}: document_indices[{j}] = {int(pair.doc_idx[j])}, expected {j} (one sequence per document)"
            )
        if dparts is not None:
            path = os.path.join(ddir, f"part-{k}.parquet")
            pf = pq.ParquetFile(path)
            m = _check_schema(path, pf.schema_arrow)
            if mode is None:
                mode = m
            elif m != mode:
                raise Invalid(f"part {k}: {path} is in {m} mode, earlier parts in {mode} mode")
            if m == "documents":
                compare_documents(k, pair, path, pf)
            else:
                seq_len = compare_packed(k, pair, path, pf, seq_len)
        docs += pair.documents
        tokens += pair.tokens
    return {"parts": len(mparts), "documents": docs, "tokens": tokens, "dtype": dtype, "mode": mode}


def check_prefix(prefix, dump):
    if prefix.endswith(".idx") or prefix.endswith(".bin"):
        prefix = prefix[:-4]
    pair = Pair(prefix)
    summary = {"documents": pair.documents, "sequences": pair.n, "tokens": pair.tokens, "dtype": pair.dtype.name}
    lines = [json.dumps(summary)]
    if dump:
        lines.append(json.dumps([pair.document(j).tolist() for j in range(pair.documents)]))
    return lines


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Check the Megatron MMIDIDX pairs of a training split against its Parquet parts.",
        epilog="Exit status: 0 good, 1 format error or mismatch, 2 usage.",
    )
    ap.add_argument("split_dir", nargs="?", help="a split folder, e.g. OUT/training/train")
    ap.add_argument("--prefix", help="check only PREFIX.idx + PREFIX.bin")
    ap.add_argument("--dump", action="store_true", help="with --prefix: also print every document's tokens")
    a = ap.parse_args(argv)
    if (a.prefix is None) == (a.split_dir is None):
        ap.error("give either SPLIT_DIR or --prefix PREFIX")
    if a.dump and a.prefix is None:
        ap.error("--dump needs --prefix")
    try:
        if a.prefix is not None:
            for line in check_prefix(a.prefix, a.dump):
                print(line)
        else:
            print(json.dumps(check_split(a.split_dir)))
    except Invalid as e:
        print(f"megatron_read: FAIL: {e}", file=sys.stderr)
        return 1
    except (OSError, pa.ArrowException) as e:
        print(f"megatron_read: FAIL: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
