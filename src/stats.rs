//! Run statistics: every document read is accounted for, as written,
//! removed (by stage and reason) or errored (by kind), and
//! [`Stats::reconcile`] proves it before a run reports success.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, RecordError, Result};

/// Error samples kept per run (locations only, never content).
pub const MAX_ERROR_SAMPLES: usize = 100;

/// Counts of one stage. The pseudo-stage `read` counts records read
/// (`docs_in`), record-level read errors and empty documents.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct StageStats {
    /// Stage type name.
    pub name: String,
    /// Documents that reached the stage.
    pub docs_in: u64,
    /// Documents it passed on.
    pub docs_out: u64,
    /// Documents it changed (and passed on).
    pub changed: u64,
    /// Documents it removed, by reason.
    pub removed: BTreeMap<String, u64>,
    /// Documents it failed on, by error kind.
    pub errors: BTreeMap<String, u64>,
    /// Stage-specific counts (e.g. `lines_removed`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub counts: BTreeMap<String, u64>,
}

impl StageStats {
    fn named(name: &str) -> Self {
        StageStats { name: name.to_string(), ..Default::default() }
    }

    fn lost(&self) -> u64 {
        self.removed.values().sum::<u64>() + self.errors.values().sum::<u64>()
    }

    fn merge(&mut self, o: &StageStats) {
        self.docs_in += o.docs_in;
        self.docs_out += o.docs_out;
        self.changed += o.changed;
        add_maps(&mut self.removed, &o.removed);
        add_maps(&mut self.errors, &o.errors);
        add_maps(&mut self.counts, &o.counts);
    }
}

fn add_maps(a: &mut BTreeMap<String, u64>, b: &BTreeMap<String, u64>) {
    for (k, v) in b {
        *a.entry(k.clone()).or_default() += v;
    }
}

/// A located error, as kept in `stats.json` (no content).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ErrorSample {
    /// Input file.
    pub file: String,
    /// 1-based record number, when the error is about one record.
    pub record: Option<u64>,
    /// Error kind name.
    pub kind: String,
    /// What, without content.
    pub detail: String,
}

impl From<&RecordError> for ErrorSample {
    fn from(e: &RecordError) -> Self {
        ErrorSample {
            file: e.path.display().to_string(),
            record: e.record,
            kind: e.kind.name().to_string(),
            detail: e.detail.clone(),
        }
    }
}

/// Statistics of one input file, or of a whole run once merged.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Stats {
    /// Input files.
    pub files: u64,
    /// Files that held no record at all.
    pub empty_files: u64,
    /// Raw bytes of the input files.
    pub bytes_read: u64,
    /// `read` first, then each configured stage in order.
    pub stages: Vec<StageStats>,
    /// Errors that stopped the reading of a file, by kind (not documents:
    /// the records before the error were processed).
    pub file_errors: BTreeMap<String, u64>,
    /// Documents written.
    pub documents_written: u64,
    /// Tokens written.
    pub tokens_written: u64,
    /// Bytes of text written (UTF-8).
    pub text_bytes_written: u64,
    /// The first errors, located.
    pub error_samples: Vec<ErrorSample>,
}

impl Stats {
    /// Empty statistics for a pipeline with these stages.
    pub fn new(stage_names: &[&str]) -> Self {
        let mut stages = vec![StageStats::named("read")];
        stages.extend(stage_names.iter().map(|n| StageStats::named(n)));
        Stats { stages, ..Default::default() }
    }

    /// The `read` pseudo-stage.
    pub fn read_mut(&mut self) -> &mut StageStats {
        &mut self.stages[0]
    }

    /// Counts a bad record or file and keeps a sample of it.
    pub fn record_error(&mut self, e: &RecordError) {
        if e.kind.ends_file() {
            *self.file_errors.entry(e.kind.name().to_string()).or_default() += 1;
        } else {
            let read = self.read_mut();
            read.docs_in += 1;
            *read.errors.entry(e.kind.name().to_string()).or_default() += 1;
        }
        self.sample(e);
    }

    /// Keeps a located error sample (bounded).
    pub fn sample(&mut self, e: &RecordError) {
        if self.error_samples.len() < MAX_ERROR_SAMPLES {
            self.error_samples.push(e.into());
        }
    }

    /// Documents read (records, good or bad).
    pub fn documents_read(&self) -> u64 {
        self.stages[0].docs_in
    }

    /// Documents removed, by `stage.reason`.
    pub fn removed(&self) -> BTreeMap<String, u64> {
        let mut out = BTreeMap::new();
        for s in &self.stages {
            for (r, n) in &s.removed {
                *out.entry(format!("{}.{r}", s.name)).or_default() += n;
            }
        }
        out
    }

    /// Documents that errored, by `stage.kind`.
    pub fn errored(&self) -> BTreeMap<String, u64> {
        let mut out = BTreeMap::new();
        for s in &self.stages {
            for (r, n) in &s.errors {
                *out.entry(format!("{}.{r}", s.name)).or_default() += n;
            }
        }
        out
    }

    /// Adds another input's statistics (stages must match).
    pub fn merge(&mut self, o: &Stats) {
        self.files += o.files;
        self.empty_files += o.empty_files;
        self.bytes_read += o.bytes_read;
        if self.stages.len() < o.stages.len() {
            self.stages.resize_with(o.stages.len(), StageStats::default);
        }
        for (a, b) in self.stages.iter_mut().zip(&o.stages) {
            if a.name.is_empty() {
                a.name = b.name.clone();
            }
            a.merge(b);
        }
        add_maps(&mut self.file_errors, &o.file_errors);
        self.documents_written += o.documents_written;
        self.tokens_written += o.tokens_written;
        self.text_bytes_written += o.text_bytes_written;
        let room = MAX_ERROR_SAMPLES.saturating_sub(self.error_samples.len());
        self.error_samples.extend(o.error_samples.iter().take(room).cloned());
    }

    /// Checks that every document read is accounted for: each stage passes
    /// on what it received less what it removed or failed on, the next stage
    /// receives exactly that, and the last stage's output is what was
    /// written. So read = written + removed + errored.
    ///
    /// # Errors
    /// [`Error::Internal`] naming the first count that does not add up.
    pub fn reconcile(&self) -> Result<()> {
        for (i, s) in self.stages.iter().enumerate() {
            if s.docs_in != s.docs_out + s.lost() {
                return Err(Error::Internal(format!(
                    "stage {} received {} documents but passed on {} and removed or failed {}",
                    s.name,
                    s.docs_in,
                    s.docs_out,
                    s.lost()
                )));
            }
            if let Some(next) = self.stages.get(i + 1) {
                if next.docs_in != s.docs_out {
                    return Err(Error::Internal(format!(
                        "stage {} passed on {} documents but stage {} received {}",
                        s.name, s.docs_out, next.name, next.docs_in
                    )));
                }
            }
        }
        let last = self.stages.last().map_or(0, |s| s.docs_out);
        if last != self.documents_written {
            return Err(Error::Internal(format!(
                "{last} documents left the last stage but {} were written",
                self.documents_written
            )));
        }
        Ok(())
    }

    /// Count of record-level errors of a kind, at any stage.
    pub fn errors_of(&self, kind: ErrorKind) -> u64 {
        self.stages.iter().filter_map(|s| s.errors.get(kind.name())).sum::<u64>()
            + self.file_errors.get(kind.name()).copied().unwrap_or(0)
    }
}

/// Reads an output folder's `stats.json` as JSON (it is written from the
/// run's report, so readers take the fields they need).
///
/// # Errors
/// Missing or unparsable file, named.
pub fn load_json(dir: &std::path::Path) -> crate::error::Result<serde_json::Value> {
    let path = dir.join("stats.json");
    let text = std::fs::read(&path).map_err(|e| crate::error::Error::io(&path, "read the run's statistics", e))?;
    serde_json::from_slice(&text)
        .map_err(|e| crate::error::Error::Output { path, detail: format!("not a eurocorpus stats file: {e}") })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reconcile_catches_a_lost_document() {
        let mut s = Stats::new(&["normalize"]);
        s.stages[0].docs_in = 5;
        s.stages[0].docs_out = 4;
        s.stages[0].errors.insert("malformed_json".into(), 1);
        s.stages[1].docs_in = 4;
        s.stages[1].docs_out = 3;
        s.stages[1].removed.insert("empty".into(), 1);
        s.documents_written = 3;
        s.reconcile().unwrap();
        s.documents_written = 2;
        assert!(s.reconcile().unwrap_err().to_string().contains("3 documents left the last stage but 2 were written"));
        s.documents_written = 3;
        s.stages[1].docs_in = 5;
        assert!(s.reconcile().is_err());
    }
}
