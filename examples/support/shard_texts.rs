//! The text and language of every row of an eurocorpus output shard,
//! shared by the detection benchmarks (`benches/audit.rs`,
//! `examples/detect_speed.rs`).

use std::path::{Path, PathBuf};

use arrow_array::cast::AsArray;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

/// The Parquet shards under `dir/data`, sorted.
pub fn shards(dir: &Path) -> Vec<PathBuf> {
    let mut shards: Vec<PathBuf> = walkdir::WalkDir::new(dir.join("data"))
        .into_iter()
        .flatten()
        .map(|e| e.path().to_path_buf())
        .filter(|p| p.extension().is_some_and(|x| x == "parquet"))
        .collect();
    shards.sort();
    shards
}

/// `(text, lang)` of each row of `shard` (`lang` empty without the column).
pub fn shard_texts(shard: &Path) -> Vec<(String, String)> {
    let file = std::fs::File::open(shard).expect("a readable shard");
    let mut docs = Vec::new();
    for batch in ParquetRecordBatchReaderBuilder::try_new(file).expect("a shard").build().expect("a reader") {
        let batch = batch.expect("a batch");
        let text = batch.column_by_name("text").expect("a text column").as_string::<i32>().clone();
        let lang = batch.column_by_name("lang").map(|c| c.as_string::<i32>().clone());
        for i in 0..batch.num_rows() {
            docs.push((text.value(i).to_string(), lang.as_ref().map_or(String::new(), |l| l.value(i).to_string())));
        }
    }
    docs
}
