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

/// The records of a JSONL file, as JSON values.
pub fn records(path: &Path) -> impl Iterator<Item = serde_json::Value> {
    let text = std::fs::read_to_string(path).expect("read a corpus file");
    let lines: Vec<String> = text.lines().filter(|l| !l.trim().is_empty()).map(str::to_string).collect();
    lines.into_iter().map(|l| serde_json::from_str(&l).expect("a JSON line"))
}
