//! `audit` and `erase` throughput against simply reading the dataset's text column, on
//! one output made from the benchmark corpus (issue #7's target: audit ≥ 80 %
//! of the read speed). Both use all cores (rayon over shards).
//!
//!     cargo bench --bench audit -- --corpus DIR [--binary PATH]
//!
//! The output is made once by `eurocorpus run` (normalize only, text kept,
//! shards of 32 MB so that the shards can be read in parallel).

use std::fs::File;
use std::path::PathBuf;
use std::time::Instant;

use arrow_array::cast::AsArray;
use eurocorpus::audit::{audit, AuditOptions};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ProjectionMask;
use rayon::prelude::*;

#[path = "../examples/support/shard_texts.rs"]
mod support;

fn main() {
    let mut corpus = None;
    let mut binary = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/release/eurocorpus");
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--corpus" => corpus = it.next().map(PathBuf::from),
            "--binary" => binary = it.next().map(PathBuf::from).unwrap_or(binary),
            _ => {}
        }
    }
    let corpus = corpus.expect("usage: cargo bench --bench audit -- --corpus DIR");
    let work = tempfile::TempDir::new().unwrap();
    let out = work.path().join("out");
    let pipeline = work.path().join("p.toml");
    std::fs::write(
        &pipeline,
        format!(
            "name = 'audit-bench'\n[input]\npaths = ['{}']\n[[stages]]\ntype = 'normalize'\n[output]\npath = '{}'\nshard_max_bytes = 33554432\n",
            corpus.display(),
            out.display()
        ),
    )
    .unwrap();
    let ok = std::process::Command::new(&binary).arg("run").arg(&pipeline).arg("--quiet").status().unwrap().success();
    assert!(ok, "the pipeline failed");
    let shards = support::shards(&out);

    // Reading the text column alone: the floor of any check of the text.
    let read = || -> (f64, usize) {
        let t = Instant::now();
        let bytes: usize = shards
            .par_iter()
            .map(|p| {
                let b = ParquetRecordBatchReaderBuilder::try_new(File::open(p).unwrap()).unwrap();
                let i = b.schema().index_of("text").unwrap();
                let mask = ProjectionMask::roots(b.parquet_schema(), [i]);
                b.with_projection(mask)
                    .build()
                    .unwrap()
                    .map(|batch| batch.unwrap().column(0).as_string::<i32>().values().len())
                    .sum::<usize>()
            })
            .sum();
        (t.elapsed().as_secs_f64(), bytes)
    };
    let (_, text_bytes) = read();
    let read_secs = (0..3).map(|_| read().0).fold(f64::MAX, f64::min);
    // The parts of an audit, each alone: the integrity check (SHA-256 of
    // every shard, which the audit must compute whatever the text holds)
    // and the detectors on text already in memory. With `read`, they say
    // how close to reading speed an audit can come.
    let integrity_secs = (0..3)
        .map(|_| {
            let t = Instant::now();
            let n: usize = shards.par_iter().map(|p| eurocorpus::manifest::file_sha256(p).unwrap().len()).sum();
            assert!(n > 0);
            t.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min);
    let texts: Vec<Vec<(String, String)>> = shards.par_iter().map(|p| support::shard_texts(p)).collect();
    let detector = eurocorpus::audit::audit_detector(&eurocorpus::manifest::Manifest::load(&out).unwrap());
    let detect_secs = (0..3)
        .map(|_| {
            let t = Instant::now();
            let found: usize = texts
                .par_iter()
                .map(|docs| {
                    let mut scratch = eurocorpus::pii::detect::DetectScratch::default();
                    let mut found = Vec::new();
                    for (text, lang) in docs {
                        detector.detect(text, eurocorpus::pii::Hints { lang, country: "" }, &mut scratch, &mut found);
                    }
                    found.len()
                })
                .sum();
            std::hint::black_box(found);
            t.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min);
    let audit_secs = (0..3)
        .map(|_| {
            let t = Instant::now();
            let r = audit(&out, &AuditOptions::default()).unwrap();
            assert!(r.checks.iter().take(4).all(|c| c.passed));
            t.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min);
    // Erase: one e-mail address and one phone number (any format), every
    // document scanned; the shards that hold them rewritten.
    let ids = eurocorpus::erase::parse_identifiers("email: nobody.here@example.org\nphone: +49 30 1234567\n", "bench")
        .unwrap();
    let t = Instant::now();
    let dry = eurocorpus::erase::erase(&out, &ids, true).unwrap();
    let erase_secs = t.elapsed().as_secs_f64();
    let threads = rayon::current_num_threads();
    let mb = text_bytes as f64 / 1e6;
    println!("dataset: {} shards, {mb:.1} MB of text; {threads} threads", shards.len());
    println!("read the text column:  {read_secs:.2} s, {:.1} MB/s", mb / read_secs);
    println!("audit (all documents): {audit_secs:.2} s, {:.1} MB/s", mb / audit_secs);
    println!("audit / read: {:.2}", read_secs / audit_secs);
    println!(
        "parts alone: integrity (SHA-256 of the shards) {integrity_secs:.2} s, detection on text in memory \
         {detect_secs:.2} s ({:.1} MB/s)",
        mb / detect_secs
    );
    println!(
        "bound with free detection: read / (read + integrity) = {:.2}; detection for 0.8: at most {:.3} s",
        read_secs / (read_secs + integrity_secs),
        (read_secs / 0.8 - read_secs - integrity_secs).max(0.0)
    );
    println!(
        "erase --dry-run (2 identifiers, {} documents found): {erase_secs:.2} s, {:.1} MB/s; erase / read: {:.2}",
        dry.documents_removed,
        mb / erase_secs,
        read_secs / erase_secs
    );
}
