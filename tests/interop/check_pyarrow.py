"""Reads a eurocorpus output folder with pyarrow, as a training loader would,
and checks the schema and the counts against manifest.json.

usage: python3 check_pyarrow.py OUTPUT_DIR TOKENIZER_JSON
Prints one JSON line with what it read; exits 1 on a mismatch.
"""
import json
import sys

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq


def main(out, tokenizer_path):
    manifest = json.load(open(f"{out}/manifest.json"))
    stats = json.load(open(f"{out}/stats.json"))
    partitioning = "hive" if manifest.get("partitioning") else None
    # The shards folder reads as one dataset, as a training loader reads it.
    dataset = ds.dataset(f"{out}/data", format="parquet", partitioning=partitioning)
    if partitioning is None:
        assert pq.read_table(f"{out}/data").num_rows == dataset.count_rows()
    table = dataset.to_table()
    schema = table.schema
    expect = {
        "id": pa.string(),
        "text": pa.string(),
        "source": pa.string(),
        "record": pa.uint64(),
        "input_ids": pa.list_(pa.uint32()),
        "num_tokens": pa.uint32(),
    }
    problems = []
    for name, typ in expect.items():
        if schema.field(name).type != typ:
            problems.append(f"{name}: {schema.field(name).type} != {typ}")
    if "lang" not in schema.names:
        problems.append("no lang column")
    if "lang_score" in schema.names:
        if schema.field("lang_score").type != pa.float32():
            problems.append(f"lang_score: {schema.field('lang_score').type} != float")
        scores = table.column("lang_score").to_pylist()
        if not all(0.0 <= s <= 1.0 for s in scores):
            problems.append("a lang_score outside 0..1")
    rows = table.num_rows
    tokens = sum(table.column("num_tokens").to_pylist())
    lengths = [len(x) for x in table.column("input_ids").to_pylist()]
    if lengths != table.column("num_tokens").to_pylist():
        problems.append("num_tokens differs from len(input_ids)")
    if rows != manifest["totals"]["documents"] or rows != stats["documents"]["written"]:
        problems.append(f"rows {rows} != manifest {manifest['totals']['documents']}")
    if tokens != manifest["totals"]["tokens"]:
        problems.append(f"tokens {tokens} != manifest {manifest['totals']['tokens']}")
    for shard in manifest["shards"]:
        meta = pq.read_metadata(f"{out}/{shard['path']}")
        if meta.num_rows != shard["rows"]:
            problems.append(f"{shard['path']}: {meta.num_rows} rows != {shard['rows']}")
    # The pii column points at the placeholders in the written text, or at
    # the values kept and tagged (names alone, special-category terms):
    # whole words of the text, never a placeholder of another type.
    pii_spans = 0
    if "pii" in schema.names:
        for t, spans in zip(table.column("text").to_pylist(), table.column("pii").to_pylist()):
            b = t.encode("utf-8")
            for s in spans:
                pii_spans += 1
                value = b[s["start"]:s["end"]].decode("utf-8")
                if s["type"] in ("PERSON", "SENSITIVE") and not value.startswith("<"):
                    if not value.strip() or value != value.strip():
                        problems.append(f"tagged span {s['start']}..{s['end']} is not a word")
                elif value != f"<{s['type']}>":
                    problems.append(f"pii span {s['start']}..{s['end']} is not a <{s['type']}> placeholder")
    # The decision ledger reads as its own dataset: one row per record read,
    # and its kept rows are the documents of the shards.
    ledger = ds.dataset(f"{out}/decisions", format="parquet").to_table()
    if ledger.num_rows != stats["documents"]["read"]:
        problems.append(f"ledger rows {ledger.num_rows} != read {stats['documents']['read']}")
    kept = {(s, r) for s, r, d in zip(ledger.column("source").to_pylist(), ledger.column("record").to_pylist(),
                                      ledger.column("decision").to_pylist()) if d == "kept"}
    if kept != set(zip(table.column("source").to_pylist(), table.column("record").to_pylist())):
        problems.append("the ledger's kept rows are not the documents of the shards")
    langs = {}
    for lang in table.column("lang").to_pylist():
        langs[lang] = langs.get(lang, 0) + 1
    # Decode with the Python tokenizers binding when it is installed.
    decoded = None
    try:
        from tokenizers import Tokenizer

        tok = Tokenizer.from_file(tokenizer_path)
        texts = table.column("text").to_pylist()
        ids = table.column("input_ids").to_pylist()
        bad = sum(1 for t, i in zip(texts, ids) if tok.decode(i, skip_special_tokens=True) != t)
        decoded = len(texts) - bad
        if bad:
            problems.append(f"{bad} documents do not decode to their text")
    except ImportError:
        pass
    print(json.dumps({"rows": rows, "tokens": tokens, "languages": langs, "decoded": decoded, "pii_spans": pii_spans,
                      "ledger_rows": ledger.num_rows,
                      "schema": [f"{f.name}:{f.type}" for f in schema], "problems": problems}))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
