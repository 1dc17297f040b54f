//! Reading a folder of labelled JSONL files (`de.jsonl`: one language per
//! file, named by it), shared by the evaluation examples.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The `*.jsonl` files of `dir`, sorted, with the language each is named
/// after.
pub fn labelled_files(dir: &str) -> Vec<(String, PathBuf)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("list DIR")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    files.into_iter().map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), p)).collect()
}

/// Document ids to leave out: the first column of a TSV with a header.
pub fn exclusions(path: &Path) -> BTreeSet<String> {
    let f = std::fs::read_to_string(path).expect("read the exclusion list");
    f.lines().skip(1).filter_map(|l| l.split('\t').next()).map(str::to_string).collect()
}

/// Best time of repeated passes of `pass` over 3 s, printed as documents/s
/// and MB/s on one core for `docs` documents of `bytes` bytes.
pub fn print_speed(label: &str, docs: usize, bytes: usize, mut pass: impl FnMut()) {
    let mut best = f64::MAX;
    let start = std::time::Instant::now();
    while start.elapsed().as_secs_f64() < 3.0 {
        let t = std::time::Instant::now();
        pass();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{label} ({docs} docs, mean {} bytes): {:.0} docs/s, {:.1} MB/s on one core",
        bytes / docs.max(1),
        docs as f64 / best,
        bytes as f64 / 1e6 / best
    );
}

/// The records of a JSONL file, as JSON values.
pub fn records(path: &Path) -> impl Iterator<Item = serde_json::Value> {
    let text = std::fs::read_to_string(path).expect("read a corpus file");
    let lines: Vec<String> = text.lines().filter(|l| !l.trim().is_empty()).map(str::to_string).collect();
    lines.into_iter().map(|l| serde_json::from_str(&l).expect("a JSON line"))
}
