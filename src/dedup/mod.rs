//! Deduplication across the whole corpus: exact and near-duplicate
//! (MinHash LSH) documents, computed as phases with files between them.
//!
//! 1. **signatures** (one task per input): the pipeline's stages before the
//!    dedup point run; each surviving document gets a key (input number,
//!    ordinal among the input's documents at that point), an exact hash and
//!    a MinHash signature. The task writes its signatures (fixed-size
//!    records, for random access) and one sorted, indexed file of
//!    `(section, hash, key)` records: section = LSH band, or the exact
//!    section. Memory is bounded by the sorter's budget (sorted runs spill).
//! 2. **candidates** (one task per section): merges that section of every
//!    task file; documents sharing a hash are candidates, verified (exact:
//!    the full 128-bit hash; near: estimated Jaccard ≥ `threshold`) against
//!    the earlier members of their group; verified pairs are edges.
//! 3. **clusters**: union-find over the edges; each cluster keeps its
//!    smallest key (the first document in input order) and every other
//!    member is listed for removal, per input.
//! 4. **write** (the runner's final pass): each input is read again, the
//!    same stages run, documents on its removal list are dropped, the rest
//!    go on through the later stages to the shards.
//!
//! The result depends only on the input and the configuration, not on the
//! number of threads or tasks.

pub mod components;
pub mod lines;
pub mod minhash;
pub mod phases;
pub mod report;
pub mod runfile;

use serde::{Deserialize, Serialize};

/// Options of the `exact_dedup` stage.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct ExactDedupConfig {
    /// Compare texts case-insensitively.
    pub lowercase: bool,
    /// Ignore all whitespace when comparing.
    pub ignore_whitespace: bool,
}

/// Options of the `minhash_dedup` stage.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct MinhashDedupConfig {
    /// Words per shingle.
    pub ngram: usize,
    /// LSH bands.
    pub bands: usize,
    /// Hash functions per band (`bands × rows` in all).
    pub rows: usize,
    /// Candidates are verified: estimated Jaccard must reach this (0: no
    /// verification, every LSH candidate is a duplicate).
    pub threshold: f64,
    /// Seed of the hash functions (change it only to re-draw them).
    pub seed: u64,
    /// Add `dup_cluster_size` and `dup_cluster_id` columns to the output.
    pub keep_cluster_size: bool,
    /// Memory for sorting hashes per task before spilling to disk.
    pub sort_buffer_bytes: usize,
}

impl Default for MinhashDedupConfig {
    fn default() -> Self {
        MinhashDedupConfig {
            ngram: 5,
            bands: 40,
            rows: 3,
            threshold: 0.45,
            seed: 0x5eed_e0c0_75b5,
            keep_cluster_size: false,
            sort_buffer_bytes: 128 * 1024 * 1024,
        }
    }
}

impl ExactDedupConfig {
    pub(crate) fn problems(&self) -> Vec<String> {
        Vec::new()
    }
}

impl MinhashDedupConfig {
    pub(crate) fn problems(&self) -> Vec<String> {
        let mut p = Vec::new();
        if self.ngram == 0 || self.ngram > 16 {
            p.push(format!("ngram = {} must be between 1 and 16", self.ngram));
        }
        if self.bands == 0 || self.rows == 0 || self.bands * self.rows > 1024 {
            p.push(format!("bands × rows = {} × {} must be between 1 and 1024", self.bands, self.rows));
        }
        if !(0.0..=1.0).contains(&self.threshold) {
            p.push(format!("threshold = {} must be between 0 and 1", self.threshold));
        }
        if self.sort_buffer_bytes < 1024 * 1024 {
            p.push("sort_buffer_bytes must be at least 1 MiB".to_string());
        }
        p
    }
}

/// Why a document was removed by deduplication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DupKind {
    /// Identical text (after the exact stage's folding) to an earlier one.
    Exact,
    /// A near-duplicate of an earlier one.
    Near,
}
