//! The `index` phase: the line count of each part of a split JSONL input
//! (every part but a file's last), recorded in `_eurocorpus/index/`, so that
//! the later phases number a part's records as the whole file does. Counting
//! is a read at disk speed, shared by the tasks like any per-input phase.
//! The counts stay after the run (a few bytes a part): rewriting one input
//! later needs them.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::input::{split, InputFile};
use crate::manifest::{write_atomic, STATE_DIR};
use crate::marker;

/// The index folder of an output folder.
pub struct Index {
    dir: PathBuf,
}

impl Index {
    /// The index of the run writing to `out`.
    pub fn new(out: &Path) -> Self {
        Index { dir: out.join(STATE_DIR).join("index") }
    }

    fn count_path(&self, unit: usize) -> PathBuf {
        self.dir.join(format!("{unit:05}.lines"))
    }

    /// The completion marker of `unit`'s count.
    pub fn marker(&self, unit: usize) -> PathBuf {
        self.dir.join(format!("{unit:05}.done"))
    }

    /// Counts the lines of input `unit` (a part that
    /// [`InputFile::needs_line_count`]) and records them.
    ///
    /// # Errors
    /// The input cannot be read, or the count cannot be written.
    pub fn count(&self, files: &[InputFile], unit: usize, fingerprint: &str) -> Result<()> {
        let f = &files[unit];
        let s = f.split.ok_or_else(|| Error::Internal(format!("input {unit} is not a part")))?;
        let n = split::count_lines(&f.path, &s).map_err(|e| Error::io(&f.path, "count the lines of", e))?;
        let path = self.count_path(unit);
        write_atomic(&path, format!("{n} {} {} {}\n", s.file_bytes, s.start, s.end).as_bytes())?;
        marker::write(&self.marker(unit), fingerprint, &[(&path, n)])
    }

    /// The recorded line count of input `unit`.
    ///
    /// # Errors
    /// Why there is no usable count, as a phrase (as [`marker::check`]).
    pub fn lines(&self, files: &[InputFile], unit: usize, fingerprint: &str) -> std::result::Result<u64, String> {
        marker::check(&self.marker(unit), fingerprint, true)?;
        let text = std::fs::read_to_string(self.count_path(unit)).map_err(|_| "has no line count".to_string())?;
        let v: Vec<u64> = text.split_whitespace().filter_map(|w| w.parse().ok()).collect();
        match (v.as_slice(), files[unit].split) {
            (&[n, bytes, start, end], Some(s)) if (bytes, start, end) == (s.file_bytes, s.start, s.end) => Ok(n),
            _ => Err("was counted on another version of the file".into()),
        }
    }

    /// Sets `records_before` of every JSONL part from the counts of the
    /// parts before it.
    ///
    /// # Errors
    /// The inputs whose count is missing or stale, with why.
    pub fn fill(&self, files: &mut [InputFile], fingerprint: &str) -> std::result::Result<(), Vec<(usize, String)>> {
        let mut problems = Vec::new();
        let mut before = 0u64;
        for unit in 0..files.len() {
            let Some(s) = files[unit].split else { continue };
            if files[unit].format != crate::input::ResolvedFormat::Jsonl {
                continue;
            }
            if s.part == 0 {
                before = 0;
            }
            files[unit].split = Some(split::Split { records_before: Some(before), ..s });
            if files[unit].needs_line_count() {
                match self.lines(files, unit, fingerprint) {
                    Ok(n) => before += n,
                    Err(why) => problems.push((unit, why)),
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}
