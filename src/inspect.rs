//! `inspect`: a summary of an output folder or a single Parquet file —
//! documents, tokens, languages, sizes and schema — read from Parquet
//! metadata and two small columns, never from the text.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs::File;
use std::path::{Path, PathBuf};

use arrow_array::cast::AsArray;
use arrow_array::types::UInt32Type;
use arrow_array::Array;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ProjectionMask;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::ledger::DECISIONS_DIR;
use crate::manifest::Manifest;

/// Per-language counts.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct LangCounts {
    /// Documents.
    pub documents: u64,
    /// Tokens.
    pub tokens: u64,
}

/// What `inspect` reports.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// The folder or file inspected.
    pub path: String,
    /// Pipeline name, from the manifest.
    pub pipeline: Option<String>,
    /// Tokenizer path and vocabulary size, from the manifest.
    pub tokenizer: Option<String>,
    /// Shard files.
    pub shards: u64,
    /// Documents.
    pub documents: u64,
    /// Tokens (0 when not tokenized).
    pub tokens: u64,
    /// Bytes on disk.
    pub bytes: u64,
    /// Uncompressed size of the `text` column, if present.
    pub text_bytes: u64,
    /// Columns as `name: type`.
    pub columns: Vec<String>,
    /// Counts per language ("" = unknown).
    pub languages: BTreeMap<String, LangCounts>,
}

fn parquet_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name().into_iter().filter_entry(|e| {
        let n = e.file_name().to_string_lossy();
        // The decision ledger is Parquet too, but not documents; the
        // training files are copies of the documents.
        e.depth() == 0
            || !(n.starts_with('.')
                || n.starts_with('_')
                || (e.depth() == 1 && (n == DECISIONS_DIR || n == crate::training::TRAINING_DIR)))
    }) {
        let e = e.map_err(|e| Error::Output { path: dir.to_path_buf(), detail: e.to_string() })?;
        if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "parquet") {
            out.push(e.into_path());
        }
    }
    Ok(out)
}

/// Decodes a Hive partition value from a path component `key=value`.
fn partition_value(path: &Path, key: &str) -> Option<String> {
    path.parent()?.components().rev().find_map(|c| {
        let s = c.as_os_str().to_string_lossy();
        let v = s.strip_prefix(key)?.strip_prefix('=')?;
        if v == "__HIVE_DEFAULT_PARTITION__" {
            return Some(String::new());
        }
        let bytes = v.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' && i + 2 < bytes.len() {
                if let Ok(b) = u8::from_str_radix(&v[i + 1..i + 3], 16) {
                    out.push(b);
                    i += 3;
                    continue;
                }
            }
            out.push(bytes[i]);
            i += 1;
        }
        Some(String::from_utf8_lossy(&out).into_owned())
    })
}

/// Summarises a dataset folder (all `*.parquet` below it, skipping hidden
/// and `_` entries) or one Parquet file.
///
/// # Errors
/// A path that does not exist, or a file that is not Parquet.
pub fn inspect(path: &Path) -> Result<Summary> {
    let mut s = Summary { path: path.display().to_string(), ..Default::default() };
    let files = if path.is_dir() {
        if let Ok(m) = Manifest::load(path) {
            s.pipeline = Some(m.pipeline.clone());
            s.tokenizer = m.tokenizer.as_ref().map(|t| format!("{} (vocabulary {})", t.path, t.vocab_size));
        }
        parquet_files(path)?
    } else if path.is_file() {
        vec![path.to_path_buf()]
    } else {
        return Err(Error::io(path, "inspect", std::io::Error::from(std::io::ErrorKind::NotFound)));
    };
    for f in &files {
        let bad = |e: &dyn std::fmt::Display| Error::Parquet { path: f.clone(), detail: e.to_string() };
        let file = File::open(f).map_err(|e| Error::io(f, "open", e))?;
        s.bytes += file.metadata().map(|m| m.len()).unwrap_or(0);
        let builder = ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| bad(&e))?;
        let schema = builder.schema().clone();
        if s.columns.is_empty() {
            s.columns = schema.fields().iter().map(|f| format!("{}: {}", f.name(), f.data_type())).collect();
        }
        let meta = builder.metadata().clone();
        if let Ok(ti) = schema.index_of("text") {
            for rg in meta.row_groups() {
                s.text_bytes += rg.column(ti).uncompressed_size().max(0) as u64;
            }
        }
        s.shards += 1;
        let fixed_lang = partition_value(f, "lang");
        let lang_col = schema.index_of("lang").ok();
        let tok_col = schema.index_of("num_tokens").ok();
        let roots: Vec<usize> = [lang_col, tok_col].into_iter().flatten().collect();
        let mask = ProjectionMask::roots(builder.parquet_schema(), roots.iter().copied());
        let reader = builder.with_projection(mask).with_batch_size(8192).build().map_err(|e| bad(&e))?;
        for batch in reader {
            let batch = batch.map_err(|e| bad(&e))?;
            let langs = lang_col.and_then(|_| batch.column_by_name("lang")).map(|c| c.as_string::<i32>().clone());
            let toks = tok_col
                .and_then(|_| batch.column_by_name("num_tokens"))
                .map(|c| c.as_primitive::<UInt32Type>().clone());
            for row in 0..batch.num_rows() {
                let lang = match (&fixed_lang, &langs) {
                    (Some(l), _) => l.clone(),
                    (None, Some(a)) if !a.is_null(row) => a.value(row).to_string(),
                    _ => String::new(),
                };
                let t = toks.as_ref().map_or(0, |a| u64::from(a.value(row)));
                let e = s.languages.entry(lang).or_default();
                e.documents += 1;
                e.tokens += t;
                s.documents += 1;
                s.tokens += t;
            }
        }
    }
    Ok(s)
}

fn bytes_human(n: u64) -> String {
    match n {
        0..=9_999 => format!("{n} B"),
        10_000..=9_999_999 => format!("{:.1} kB", n as f64 / 1e3),
        10_000_000..=9_999_999_999 => format!("{:.1} MB", n as f64 / 1e6),
        _ => format!("{:.2} GB", n as f64 / 1e9),
    }
}

fn pct(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

impl Summary {
    /// A human-readable report.
    pub fn render(&self) -> String {
        let mut o = String::new();
        let _ = writeln!(o, "dataset    {}", self.path);
        if let Some(p) = &self.pipeline {
            let _ = writeln!(o, "pipeline   {p}");
        }
        if let Some(t) = &self.tokenizer {
            let _ = writeln!(o, "tokenizer  {t}");
        }
        let _ = writeln!(o, "shards     {} ({} on disk)", self.shards, bytes_human(self.bytes));
        let _ = writeln!(o, "documents  {}", self.documents);
        let _ = writeln!(o, "tokens     {}", self.tokens);
        if self.text_bytes > 0 {
            let _ = writeln!(o, "text       {} (uncompressed column)", bytes_human(self.text_bytes));
        }
        let _ = writeln!(o, "columns    {}", self.columns.join(", "));
        let _ = writeln!(o, "\n{:<10} {:>12} {:>7} {:>14} {:>7}", "lang", "documents", "share", "tokens", "share");
        let mut langs: Vec<_> = self.languages.iter().collect();
        langs.sort_by(|a, b| b.1.documents.cmp(&a.1.documents).then(a.0.cmp(b.0)));
        for (l, c) in langs {
            let name = if l.is_empty() { "(none)" } else { l.as_str() };
            let _ = writeln!(
                o,
                "{name:<10} {:>12} {:>6.1}% {:>14} {:>6.1}%",
                c.documents,
                pct(c.documents, self.documents),
                c.tokens,
                pct(c.tokens, self.tokens)
            );
        }
        o
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partition_values_are_decoded() {
        assert_eq!(partition_value(Path::new("o/lang=de/part.parquet"), "lang"), Some("de".into()));
        assert_eq!(partition_value(Path::new("o/lang=..%2Fx/part.parquet"), "lang"), Some("../x".into()));
        assert_eq!(
            partition_value(Path::new("o/lang=__HIVE_DEFAULT_PARTITION__/p.parquet"), "lang"),
            Some(String::new())
        );
        assert_eq!(partition_value(Path::new("o/p.parquet"), "lang"), None);
    }
}
