//! Helpers for the integration tests: running the binary, building inputs,
//! reading shards back with the `parquet` crate.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use arrow_array::cast::AsArray;
use arrow_array::types::{UInt32Type, UInt64Type};
use arrow_array::Array;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

/// The repository root (tests run the binary from there, like a user).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The fixture tokenizer.
pub fn fixture_tokenizer() -> PathBuf {
    repo().join("fixtures/tokenizer/eurocorpus-8k.json")
}

/// `eurocorpus` with the repository as working directory.
pub fn eurocorpus() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_eurocorpus"));
    c.current_dir(repo());
    c.env_remove(eurocorpus::exec::ABORT_ENV);
    c
}

/// Runs and returns the output, printing it when the exit status is not
/// the expected one.
pub fn run_expect(cmd: &mut Command, code: i32) -> Output {
    let out = cmd.output().expect("run eurocorpus");
    if out.status.code() != Some(code) {
        panic!(
            "expected exit {code}, got {:?}\nstdout:\n{}\nstderr:\n{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    out
}

/// stderr as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Writes a file, creating its folder.
pub fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    File::create(path).unwrap().write_all(bytes.as_ref()).unwrap();
}

/// gzip-compresses bytes.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// One output row, as read back.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    pub shard: String,
    pub id: String,
    pub text: Option<String>,
    pub lang: Option<String>,
    pub lang_score: Option<f32>,
    pub source: String,
    pub record: u64,
    pub input_ids: Option<Vec<u32>>,
    pub num_tokens: Option<u32>,
    pub meta: BTreeMap<String, Option<String>>,
}

/// A decision-ledger row (the columns the tests check).
#[derive(Debug, Clone, PartialEq)]
pub struct LedgerRow {
    pub id: String,
    pub source: String,
    pub record: u64,
    pub decision: String,
    pub stage: Option<String>,
    pub reason: Option<String>,
    pub shard: Option<String>,
}

/// Every row of an output folder's decision ledger, file by file.
pub fn ledger_rows(dir: &Path) -> Vec<LedgerRow> {
    let mut rows = Vec::new();
    for f in ledger_files(dir) {
        for batch in ParquetRecordBatchReaderBuilder::try_new(File::open(&f).unwrap()).unwrap().build().unwrap() {
            let batch = batch.unwrap();
            let s = |name: &str, i: usize| {
                let a = batch.column_by_name(name).unwrap().as_string::<i32>();
                (!a.is_null(i)).then(|| a.value(i).to_string())
            };
            for i in 0..batch.num_rows() {
                rows.push(LedgerRow {
                    id: s("id", i).unwrap(),
                    source: s("source", i).unwrap(),
                    record: batch.column_by_name("record").unwrap().as_primitive::<UInt64Type>().value(i),
                    decision: s("decision", i).unwrap(),
                    stage: s("stage", i),
                    reason: s("reason", i),
                    shard: s("shard", i),
                });
            }
        }
    }
    rows
}

/// The data shards (`data/`, `other/`; not the `decisions/` ledger) under
/// an output folder, or every Parquet file under any other folder (hidden and
/// `_` entries skipped), sorted.
pub fn shard_files(dir: &Path) -> Vec<PathBuf> {
    parquet_files(dir, &["decisions", "training"])
}

/// The decision ledger's files of an output folder.
pub fn ledger_files(dir: &Path) -> Vec<PathBuf> {
    parquet_files(&dir.join("decisions"), &[])
}

fn parquet_files(dir: &Path, skip: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || name.starts_with('_') || (d == dir && skip.contains(&name.as_str())) {
                continue;
            }
            if e.path().is_dir() {
                stack.push(e.path());
            } else if name.ends_with(".parquet") {
                out.push(e.path());
            }
        }
    }
    out.sort();
    out
}

/// Column names of a shard.
pub fn columns(path: &Path) -> Vec<String> {
    let b = ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap()).unwrap();
    b.schema().fields().iter().map(|f| format!("{}:{}", f.name(), f.data_type())).collect()
}

/// Reads every row of every shard under `dir`, in shard then row order.
pub fn read_rows(dir: &Path) -> Vec<Row> {
    let mut rows = Vec::new();
    for f in shard_files(dir) {
        let rel = f.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
        let reader = ParquetRecordBatchReaderBuilder::try_new(File::open(&f).unwrap()).unwrap().build().unwrap();
        for batch in reader {
            let batch = batch.unwrap();
            let schema = batch.schema();
            let s = |name: &str, i: usize| {
                batch.column_by_name(name).map(|c| {
                    let a = c.as_string::<i32>();
                    (!a.is_null(i)).then(|| a.value(i).to_string())
                })
            };
            for i in 0..batch.num_rows() {
                let mut meta = BTreeMap::new();
                for f in schema.fields() {
                    let n = f.name().as_str();
                    let string = f.data_type() == &arrow_schema::DataType::Utf8;
                    if string && !["id", "text", "lang", "source", "record", "input_ids", "num_tokens"].contains(&n) {
                        meta.insert(n.to_string(), s(n, i).unwrap());
                    }
                }
                rows.push(Row {
                    shard: rel.clone(),
                    id: s("id", i).unwrap().unwrap(),
                    text: s("text", i).flatten(),
                    lang: s("lang", i).flatten(),
                    lang_score: batch
                        .column_by_name("lang_score")
                        .map(|c| c.as_primitive::<arrow_array::types::Float32Type>().value(i)),
                    source: s("source", i).unwrap().unwrap(),
                    record: batch.column_by_name("record").unwrap().as_primitive::<UInt64Type>().value(i),
                    input_ids: batch.column_by_name("input_ids").map(|c| {
                        let l = c.as_list::<i32>().value(i);
                        l.as_primitive::<UInt32Type>().values().to_vec()
                    }),
                    num_tokens: batch.column_by_name("num_tokens").map(|c| c.as_primitive::<UInt32Type>().value(i)),
                    meta,
                });
            }
        }
    }
    rows
}

/// The bytes of every shard, ledger file and of manifest.json, by relative path.
pub fn output_bytes(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut m: BTreeMap<String, Vec<u8>> = shard_files(dir)
        .into_iter()
        .chain(ledger_files(dir))
        .map(|f| (f.strip_prefix(dir).unwrap().to_string_lossy().into_owned(), std::fs::read(&f).unwrap()))
        .collect();
    m.insert("manifest.json".into(), std::fs::read(dir.join("manifest.json")).unwrap());
    m
}

/// Parsed stats.json.
pub fn stats(dir: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(dir.join("stats.json")).unwrap()).unwrap()
}

/// Parsed manifest.json.
pub fn manifest(dir: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap()
}

/// Asserts read = written + removed + errored in stats.json.
pub fn assert_reconciled(s: &serde_json::Value) {
    let d = &s["documents"];
    let (r, w, rm, e) = (
        d["read"].as_u64().unwrap(),
        d["written"].as_u64().unwrap(),
        d["removed"].as_u64().unwrap(),
        d["errored"].as_u64().unwrap(),
    );
    assert_eq!(r, w + rm + e, "stats do not reconcile: {d}");
    assert_eq!(s["reconciled"], true);
}

/// Writes a pipeline file and returns its path.
pub fn pipeline(dir: &Path, name: &str, toml: &str) -> PathBuf {
    let p = dir.join(name);
    write(&p, toml);
    p
}

/// Asserts two output folders hold the same shards and manifest, byte for
/// byte, naming the first file that differs.
pub fn assert_same_output(a: &Path, b: &Path) {
    let (x, y) = (output_bytes(a), output_bytes(b));
    assert_eq!(
        x.keys().collect::<Vec<_>>(),
        y.keys().collect::<Vec<_>>(),
        "{} and {} hold different files",
        a.display(),
        b.display()
    );
    for (k, v) in &x {
        assert!(v == &y[k], "{k} differs between {} and {}", a.display(), b.display());
    }
}

/// The quick-start pipeline with `partition_by = "lang"`, written to `dir`.
pub fn partitioned_quickstart(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(repo().join("pipelines/quickstart.toml"))
        .unwrap()
        .replace("compression_level = 3", "compression_level = 3\npartition_by = \"lang\"");
    pipeline(dir, "p.toml", &text)
}
