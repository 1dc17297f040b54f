//! Pipeline configuration: plain serde structs that mirror the TOML file.
//!
//! A pipeline file has four sections: `[input]` (what to read and how),
//! `[[stages]]` (the per-document steps, in order), `[output]` (where and how
//! to write shards) and `[run]` (threads, batches, error policy). Every
//! struct rejects unknown keys, so a misspelled option is an error rather
//! than a silently ignored setting. `validate` collects *all* problems before
//! any input is read.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::stages::StageConfig;

/// The built-in default pipeline, used by `eurocorpus run` without a file.
pub const DEFAULT_PIPELINE: &str = include_str!("../pipelines/default.toml");

/// A whole pipeline, as written in `pipelines/*.toml`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PipelineConfig {
    /// Free-form name, shown in the summary and the manifest.
    #[serde(default)]
    pub name: String,
    /// What to read.
    pub input: InputConfig,
    /// Per-document stages, applied in order.
    #[serde(default)]
    pub stages: Vec<StageConfig>,
    /// Where and how to write.
    pub output: OutputConfig,
    /// How to run.
    #[serde(default)]
    pub run: RunConfig,
    /// How `eurocorpus slurm submit` asks for resources (does not change
    /// the output, so it is not part of the run's fingerprint).
    #[serde(default)]
    pub slurm: crate::slurm::SlurmConfig,
    /// Training-ready files made from the output once it is finished
    /// (`eurocorpus prepare`); not part of the run's fingerprint, so a new
    /// mix or sequence length never reruns the pipeline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub training: Option<crate::training::TrainingConfig>,
}

/// Input file format. `auto` picks one from the file name.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum InputFormat {
    /// Chosen per file from its extension.
    #[default]
    Auto,
    /// One JSON object per line.
    Jsonl,
    /// Apache Parquet, read by row groups.
    Parquet,
    /// Plain UTF-8 text.
    Text,
    /// Common Crawl WET (WARC `conversion` records).
    Wet,
}

/// Compression of input files. `auto` picks one from the extension.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum InputCompression {
    /// `.gz` → gzip, `.zst` → zstd, anything else → none.
    #[default]
    Auto,
    /// Not compressed.
    None,
    /// gzip, including concatenated members.
    Gzip,
    /// Zstandard, including concatenated frames.
    Zstd,
}

/// How plain text files are split into documents.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum TextSplit {
    /// The whole file is one document.
    #[default]
    File,
    /// Each block of lines separated by one or more blank lines is a document.
    BlankLines,
}

/// `[input]`: which files to read and which fields hold what.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct InputConfig {
    /// Files, folders (read recursively) or glob patterns. Relative paths are
    /// resolved against the current directory, as on the command line.
    pub paths: Vec<PathBuf>,
    /// File format; `auto` chooses by extension.
    pub format: InputFormat,
    /// Compression; `auto` chooses by extension.
    pub compression: InputCompression,
    /// Field (JSONL) or column (Parquet) holding the text.
    pub text_field: String,
    /// Field holding the document id; documents without one get
    /// `{source}:{record}`.
    pub id_field: String,
    /// Field holding a language code to pass through as `lang` (empty: none).
    pub lang_field: String,
    /// Extra fields to keep as string columns of the output (WET: `url`,
    /// `date` and any WARC header name).
    pub metadata: Vec<String>,
    /// How `.txt` files are split into documents.
    pub text_split: TextSplit,
    /// Records larger than this many bytes are reported as `too_large`.
    pub max_document_bytes: u64,
    /// Files larger than this are read as parts of about this size, each
    /// a unit of its own (uncompressed JSONL by line-aligned byte ranges,
    /// Parquet by row groups), so one huge file does not serialise a
    /// phase. Compressed JSONL, WET and text files are read whole. 0: off.
    pub split_bytes: u64,
}

/// `input.split_bytes` by default: 1 GiB, a few minutes of one core's work.
pub const DEFAULT_SPLIT_BYTES: u64 = 1 << 30;

/// The smallest `input.split_bytes` (parts of a few lines make no sense).
pub const MIN_SPLIT_BYTES: u64 = 4096;

impl Default for InputConfig {
    fn default() -> Self {
        InputConfig {
            paths: Vec::new(),
            format: InputFormat::Auto,
            compression: InputCompression::Auto,
            text_field: "text".into(),
            id_field: "id".into(),
            lang_field: String::new(),
            metadata: Vec::new(),
            text_split: TextSplit::File,
            max_document_bytes: 256 * 1024 * 1024,
            split_bytes: DEFAULT_SPLIT_BYTES,
        }
    }
}

/// Parquet compression codec for output shards.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum Compression {
    /// Zstandard at `compression_level`.
    #[default]
    Zstd,
    /// Snappy.
    Snappy,
    /// Uncompressed.
    None,
}

/// Hive-style partitioning of the output folder.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum PartitionBy {
    /// All shards in the output folder.
    #[default]
    None,
    /// One `lang=xx/` folder per language.
    Lang,
}

/// `[output]`: where shards go and how they are cut.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct OutputConfig {
    /// Output folder.
    pub path: PathBuf,
    /// Write the `text` column (training-only outputs may drop it).
    pub keep_text: bool,
    /// Parquet codec.
    pub compression: Compression,
    /// zstd level (1–22).
    pub compression_level: i32,
    /// Hive-style partitioning.
    pub partition_by: PartitionBy,
    /// A shard is closed once it holds this many rows (0: no limit).
    pub shard_max_rows: u64,
    /// ... or this many tokens (0: no limit).
    pub shard_max_tokens: u64,
    /// ... or about this many bytes of compressed Parquet (0: no limit).
    pub shard_max_bytes: u64,
    /// Rows per Parquet row group.
    pub row_group_rows: usize,
}

impl Default for OutputConfig {
    fn default() -> Self {
        OutputConfig {
            path: PathBuf::new(),
            keep_text: true,
            compression: Compression::Zstd,
            compression_level: 3,
            partition_by: PartitionBy::None,
            shard_max_rows: 0,
            shard_max_tokens: 0,
            shard_max_bytes: 256 * 1024 * 1024,
            row_group_rows: 8192,
        }
    }
}

/// What to do with a bad record or an unreadable file.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum OnError {
    /// Count it in the statistics, report it, and go on.
    #[default]
    Skip,
    /// Stop the run with a non-zero exit.
    Fail,
}

/// `[run]`: parallelism, batching and error policy.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct RunConfig {
    /// Worker threads (0: one per core).
    pub threads: usize,
    /// A batch closes at this many documents...
    pub batch_docs: usize,
    /// ... or this many bytes of text.
    pub batch_bytes: usize,
    /// Policy for bad records and unreadable files.
    pub on_error: OnError,
}

impl Default for RunConfig {
    fn default() -> Self {
        RunConfig { threads: 0, batch_docs: 1024, batch_bytes: 8 * 1024 * 1024, on_error: OnError::Skip }
    }
}

impl PipelineConfig {
    /// Parses a pipeline from TOML text; `origin` names it in errors.
    ///
    /// # Errors
    /// A TOML syntax error or an unknown or mistyped key, with its line.
    pub fn from_toml(text: &str, origin: &str) -> Result<Self> {
        toml::from_str(text).map_err(|e| Error::Config {
            origin: origin.to_string(),
            problems: vec![e.to_string().trim_end().to_string()],
        })
    }

    /// Reads and parses a pipeline file.
    ///
    /// # Errors
    /// The file cannot be read, or see [`PipelineConfig::from_toml`].
    pub fn from_file(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            action: "read the pipeline file",
            cause: source,
        })?;
        Self::from_toml(&text, &path.display().to_string())
    }

    /// Whether the output has the `pii` column.
    pub fn pii_column(&self) -> bool {
        self.stages
            .iter()
            .any(|s| matches!(s, StageConfig::Pii(p) if p.writes_column()) || matches!(s, StageConfig::Sensitive(_)))
    }

    /// Checks everything that can be checked before reading input; returns
    /// every problem at once.
    ///
    /// # Errors
    /// [`Error::Config`] listing each problem.
    pub fn validate(&self, origin: &str) -> Result<()> {
        let mut problems = Vec::new();
        if self.input.paths.is_empty() {
            problems.push("input.paths is empty: give at least one file, folder or glob (or --input)".to_string());
        }
        if self.output.path.as_os_str().is_empty() {
            problems.push("output.path is empty: give an output folder (or --output)".to_string());
        }
        if self.input.text_field.is_empty() {
            problems.push("input.text_field must not be empty".to_string());
        }
        if self.input.max_document_bytes == 0 {
            problems.push("input.max_document_bytes must be > 0".to_string());
        }
        if (1..MIN_SPLIT_BYTES).contains(&self.input.split_bytes) {
            problems.push(format!(
                "input.split_bytes = {} is too small: give 0 (read every file whole) or at least {MIN_SPLIT_BYTES}",
                self.input.split_bytes
            ));
        }
        for (i, m) in self.input.metadata.iter().enumerate() {
            if crate::output::RESERVED_COLUMNS.contains(&m.as_str()) {
                problems.push(format!("input.metadata[{i}] = {m:?} clashes with a built-in output column"));
            }
            if self.input.metadata[..i].contains(m) {
                problems.push(format!("input.metadata[{i}] = {m:?} is listed twice"));
            }
        }
        if !(1..=22).contains(&self.output.compression_level) {
            problems.push(format!("output.compression_level = {} is outside 1..=22", self.output.compression_level));
        }
        if self.output.row_group_rows == 0 {
            problems.push("output.row_group_rows must be > 0".to_string());
        }
        if self.run.batch_docs == 0 || self.run.batch_bytes == 0 {
            problems.push("run.batch_docs and run.batch_bytes must be > 0".to_string());
        }
        let mut tokenizers = 0;
        for (i, s) in self.stages.iter().enumerate() {
            if matches!(s, StageConfig::Tokenize(_)) {
                tokenizers += 1;
                if i + 1 != self.stages.len() {
                    problems.push(format!(
                        "stages[{i}] (tokenize) must be the last stage: later stages would change text the ids no longer match"
                    ));
                }
            }
            for p in s.problems(&self.input.metadata) {
                problems.push(format!("stages[{i}] ({}): {p}", s.kind()));
            }
        }
        if tokenizers > 1 {
            problems.push("more than one tokenize stage".to_string());
        }
        let dedup: Vec<usize> = (0..self.stages.len()).filter(|&i| self.stages[i].is_dedup()).collect();
        if dedup.windows(2).any(|w| w[1] != w[0] + 1) {
            problems.push(
                "the dedup stages (exact_dedup, minhash_dedup, line_dedup) must be next to each other: they run at one point of the pipeline"
                    .to_string(),
            );
        }
        let pos = |k: &str| self.stages.iter().position(|s| s.kind() == k);
        let piis: Vec<usize> = (0..self.stages.len()).filter(|&i| self.stages[i].kind() == "pii").collect();
        if piis.len() > 1 {
            problems.push("more than one pii stage".to_string());
        }
        if self.stages.iter().filter(|s| s.kind() == "sensitive").count() > 1 {
            problems.push("more than one sensitive stage".to_string());
        }
        if let Some(&p) = piis.first() {
            // Later text changes would move the values the pii column points
            // at, or bring back text the stage has not seen.
            for (i, s) in self.stages.iter().enumerate().skip(p + 1) {
                if matches!(s.kind(), "normalize" | "line_dedup") {
                    problems.push(format!(
                        "stages[{i}] ({}) must come before the pii stage: it changes the text after personal data was removed",
                        s.kind()
                    ));
                }
                if s.kind() == "sensitive" {
                    problems.push(format!(
                        "stages[{i}] (sensitive) must come before the pii stage: it needs the names and identifiers the pii stage redacts"
                    ));
                }
            }
        }
        if let (Some(l), Some(e), Some(m)) = (pos("line_dedup"), pos("exact_dedup"), pos("minhash_dedup")) {
            if (e < l) != (m < l) {
                problems.push("line_dedup must come before or after both exact_dedup and minhash_dedup".to_string());
            }
        }
        for kind in ["exact_dedup", "minhash_dedup", "line_dedup"] {
            if self.stages.iter().filter(|s| s.kind() == kind).count() > 1 {
                problems.push(format!("more than one {kind} stage"));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::Config { origin: origin.to_string(), problems })
        }
    }

    /// The tokenizer file of the pipeline's tokenize stage, if any.
    pub fn tokenizer_path(&self) -> Option<&Path> {
        self.stages.iter().find_map(|s| match s {
            StageConfig::Tokenize(t) => Some(t.tokenizer.as_path()),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_pipeline_parses_and_needs_only_paths() {
        let mut cfg = PipelineConfig::from_toml(DEFAULT_PIPELINE, "default").unwrap();
        cfg.input.paths = vec!["x.jsonl".into()];
        cfg.output.path = "out".into();
        cfg.validate("default").unwrap();
    }

    #[test]
    fn unknown_keys_are_rejected_with_their_name() {
        for bad in [
            "[input]\npaths=['a']\ntext_feild='t'\n[output]\npath='o'\n",
            "[input]\npaths=['a']\n[output]\npath='o'\nshard_max_row=3\n",
            "[input]\npaths=['a']\n[output]\npath='o'\n[run]\nthread=3\n",
            "[input]\npaths=['a']\n[output]\npath='o'\n[[stages]]\ntype='normalize'\nunicod='nfc'\n",
            "[input]\npaths=['a']\n[output]\npath='o'\n[[stages]]\ntype='normalise'\n",
        ] {
            let err = PipelineConfig::from_toml(bad, "t.toml").unwrap_err().to_string();
            assert!(err.contains("t.toml"), "{err}");
            assert!(err.contains("unknown"), "{err}");
        }
    }

    #[test]
    fn validate_reports_every_problem() {
        let cfg = PipelineConfig::from_toml(
            "[input]\nmetadata=['id','url','url']\n[output]\ncompression_level=40\n",
            "t.toml",
        )
        .unwrap();
        let Error::Config { problems, .. } = cfg.validate("t.toml").unwrap_err() else {
            panic!("expected a config error")
        };
        assert_eq!(problems.len(), 5, "{problems:#?}");
    }
}
