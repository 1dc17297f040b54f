//! `manifest.json` (what the output holds and how it was made) and the
//! per-input completion records that make a run resumable.
//!
//! The manifest is deterministic: no clock time, so two runs of the same
//! input and configuration produce the same bytes. Timing goes to
//! `stats.json`.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::input::ResolvedFormat;
use crate::output::ShardInfo;
use crate::stages::hex;
use crate::stats::Stats;

/// Folder of run state inside the output folder (hidden from dataset
/// readers by its leading underscore).
pub const STATE_DIR: &str = "_eurocorpus";

/// One input as listed in the manifest.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct InputEntry {
    /// Path as given to the run.
    pub path: String,
    /// Relative name used in the `source` column.
    pub source: String,
    /// Format read.
    pub format: ResolvedFormat,
    /// Size on disk.
    pub bytes: u64,
    /// Records read (good or bad).
    pub documents_read: u64,
    /// Documents written.
    pub documents_written: u64,
    /// Parts it was read in (`input.split_bytes`); 1 when read whole.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub parts: u32,
}

fn one() -> u32 {
    1
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde passes a reference
fn is_one(n: &u32) -> bool {
    *n == 1
}

/// The tokenizer a run used.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct TokenizerEntry {
    /// Path as configured.
    pub path: String,
    /// SHA-256 of the file.
    pub sha256: String,
    /// Vocabulary size including added tokens.
    pub vocab_size: usize,
    /// The encoder that produced the ids: `fast-bpe` or `tokenizers` (the
    /// same ids either way; empty in manifests of older versions).
    #[serde(default)]
    pub encoder: String,
}

/// A column of the output schema.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ColumnEntry {
    /// Column name.
    pub name: String,
    /// Arrow type, as Arrow prints it.
    #[serde(rename = "type")]
    pub data_type: String,
    /// Whether nulls may occur.
    pub nullable: bool,
}

impl ColumnEntry {
    /// The entries of a schema's columns.
    pub fn of_schema(schema: &arrow_schema::Schema) -> Vec<ColumnEntry> {
        schema
            .fields()
            .iter()
            .map(|f| ColumnEntry {
                name: f.name().clone(),
                data_type: f.data_type().to_string(),
                nullable: f.is_nullable(),
            })
            .collect()
    }
}

/// Totals over all shards.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Totals {
    /// Documents (rows).
    pub documents: u64,
    /// Tokens.
    pub tokens: u64,
    /// Shard files.
    pub shards: u64,
    /// Bytes on disk.
    pub bytes: u64,
}

/// `manifest.json`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Manifest {
    /// Always "eurocorpus".
    pub tool: String,
    /// The tool's version.
    pub version: String,
    /// The pipeline's name.
    pub pipeline: String,
    /// SHA-256 of the configuration below (canonical JSON).
    pub config_hash: String,
    /// The configuration that was run, overrides applied.
    pub config: serde_json::Value,
    /// The tokenizer, when the pipeline tokenizes.
    pub tokenizer: Option<TokenizerEntry>,
    /// Hive partition key (`lang`), if any.
    pub partitioning: Option<String>,
    /// Columns of every shard.
    pub schema: Vec<ColumnEntry>,
    /// Totals.
    pub totals: Totals,
    /// Every shard, by path.
    pub shards: Vec<ShardInfo>,
    /// The decision ledger's files (`decisions/`), one per input, in input
    /// order (empty for outputs of versions before the ledger).
    #[serde(default)]
    pub decisions: Vec<ShardInfo>,
    /// Every input, in input order.
    pub inputs: Vec<InputEntry>,
}

impl Manifest {
    /// Reads `manifest.json` from an output folder.
    ///
    /// # Errors
    /// Missing or unparsable manifest.
    pub fn load(dir: &Path) -> Result<Self> {
        let path = dir.join("manifest.json");
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, "read the manifest", e))?;
        serde_json::from_str(&text)
            .map_err(|e| Error::Output { path, detail: format!("not a eurocorpus manifest: {e}") })
    }
}

/// The record an input gets once all its shards are published: the run's
/// fingerprint, the input's identity, its statistics and its shards. A
/// rerun skips inputs whose record matches.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct CompletionRecord {
    /// Fingerprint of configuration, tokenizer and tool version.
    pub fingerprint: String,
    /// Input number.
    pub input: usize,
    /// Source name.
    pub source: String,
    /// Input size when it was processed.
    pub bytes: u64,
    /// Statistics of this input.
    pub stats: Stats,
    /// Shards written for it.
    pub shards: Vec<ShardInfo>,
    /// Its decision ledger file.
    #[serde(default)]
    pub decisions: Option<ShardInfo>,
    /// What deduplication removed from it (largest clusters, lines).
    #[serde(default)]
    pub dedup: crate::dedup::report::DedupReport,
}

impl CompletionRecord {
    /// Where the record of input `input` lives.
    pub fn path(out: &Path, input: usize) -> PathBuf {
        out.join(STATE_DIR).join("inputs").join(format!("{input:05}.json"))
    }
}

/// Writes `bytes` to `path` atomically: a hidden temporary file in the
/// same folder, synced, then renamed over the destination.
///
/// # Errors
/// I/O errors naming the file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, "create the folder", e))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp"));
    let mut f = std::fs::File::create(&tmp).map_err(|e| Error::io(&tmp, "create", e))?;
    f.write_all(bytes).and_then(|()| f.sync_all()).map_err(|e| Error::io(&tmp, "write", e))?;
    drop(f);
    std::fs::rename(&tmp, path).map_err(|e| Error::io(path, "publish", e))
}

/// Serialises as pretty JSON with a trailing newline.
pub fn to_json<T: Serialize>(v: &T) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(v).expect("plain data serialises");
    out.push(b'\n');
    out
}

/// SHA-256 of a file, hex (streamed).
pub fn file_sha256(path: &Path) -> std::io::Result<String> {
    let mut f = File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            return Ok(hex(&h.finalize()));
        }
        h.update(&buf[..n]);
    }
}
