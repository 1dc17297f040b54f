//! `line_dedup`: lines (or paragraphs) that repeat across many documents of
//! the corpus — navigation menus, cookie notices, legal footers — are
//! removed, and documents left too short are dropped.
//!
//! Counting is a phase of its own, before the other dedup phases: each task
//! writes the hashes of its documents' distinct lines (one sorted file per
//! task, like the other dedup hashes), then one pass merges them and keeps
//! the hashes found in more than `max_documents` documents. The final pass
//! (and the signature pass, when `line_dedup` comes before the other dedup
//! stages) removes those lines.

use std::collections::HashSet;
use std::path::Path;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use crate::error::{Error, Result};

/// What a repeated unit is.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum LineUnit {
    /// A line (split at `\n`).
    #[default]
    Line,
    /// A paragraph (split at blank lines).
    Paragraph,
}

/// Options of the `line_dedup` stage.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct LineDedupConfig {
    /// Lines or paragraphs.
    pub unit: LineUnit,
    /// A unit found in more than this many documents is removed everywhere.
    pub max_documents: u64,
    /// Units shorter than this many characters are never removed (short
    /// lines such as "Yes." or list markers are not boilerplate).
    pub min_chars: usize,
    /// A document that lost lines and has fewer words left is dropped
    /// (`too_short`).
    pub min_words: usize,
}

impl Default for LineDedupConfig {
    fn default() -> Self {
        LineDedupConfig { unit: LineUnit::Line, max_documents: 10, min_chars: 10, min_words: 20 }
    }
}

impl LineDedupConfig {
    pub(crate) fn problems(&self) -> Vec<String> {
        let mut p = Vec::new();
        if self.max_documents == 0 {
            p.push("max_documents must be at least 1".to_string());
        }
        p
    }

    fn separator(&self) -> &'static str {
        match self.unit {
            LineUnit::Line => "\n",
            LineUnit::Paragraph => "\n\n",
        }
    }

    /// The unit's text as counted: trimmed, and only if long enough.
    fn countable<'a>(&self, unit: &'a str) -> Option<&'a str> {
        let t = unit.trim();
        (!t.is_empty() && t.chars().count() >= self.min_chars).then_some(t)
    }

    /// Hashes of the distinct countable units of `text`, into `out`.
    pub fn hashes(&self, text: &str, out: &mut Vec<u64>) {
        out.clear();
        out.extend(text.split(self.separator()).filter_map(|u| self.countable(u)).map(|t| xxh3_64(t.as_bytes())));
        out.sort_unstable();
        out.dedup();
    }

    /// Removes the frequent units from `text`, keeping everything else
    /// byte for byte (blank-line runs left behind are folded to one blank
    /// line, and the ends trimmed); returns how many units went.
    pub fn remove(&self, text: &mut String, frequent: &FrequentLines) -> u64 {
        self.remove_with(text, frequent, &mut |_, _| {})
    }

    /// [`LineDedupConfig::remove`], telling `seen` each removed unit's hash
    /// and text.
    pub fn remove_with(&self, text: &mut String, frequent: &FrequentLines, seen: &mut dyn FnMut(u64, &str)) -> u64 {
        if frequent.is_empty() {
            return 0;
        }
        let mut is_frequent = |u: &str| {
            let hit =
                self.countable(u).map(|t| (xxh3_64(t.as_bytes()), t)).filter(|(h, _)| frequent.hashes.contains(h));
            if let Some((h, t)) = hit {
                seen(h, t);
            }
            hit.is_some()
        };
        let mut removed = 0;
        let mut out = String::with_capacity(text.len());
        match self.unit {
            LineUnit::Line => {
                for piece in text.split_inclusive('\n') {
                    if is_frequent(piece) {
                        removed += 1;
                    } else {
                        out.push_str(piece);
                    }
                }
            }
            LineUnit::Paragraph => {
                for part in text.split("\n\n") {
                    if is_frequent(part) {
                        removed += 1;
                        continue;
                    }
                    if !out.is_empty() {
                        out.push_str("\n\n");
                    }
                    out.push_str(part);
                }
            }
        }
        if removed == 0 {
            return 0;
        }
        let mut folded = String::with_capacity(out.len());
        let mut newlines = 0;
        for ch in out.trim().chars() {
            newlines = if ch == '\n' { newlines + 1 } else { 0 };
            if newlines <= 2 {
                folded.push(ch);
            }
        }
        *text = folded;
        removed
    }
}

/// The set of frequent unit hashes of a run.
#[derive(Debug, Default, Clone)]
pub struct FrequentLines {
    hashes: HashSet<u64>,
}

impl FrequentLines {
    /// Builds the set.
    pub fn new(hashes: impl IntoIterator<Item = u64>) -> Self {
        FrequentLines { hashes: hashes.into_iter().collect() }
    }

    /// Number of frequent units.
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// True when nothing repeats often enough.
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// Writes the set (sorted little-endian u64s) atomically.
    ///
    /// # Errors
    /// I/O errors naming the file.
    pub fn save(&self, path: &Path) -> Result<()> {
        let mut v: Vec<u64> = self.hashes.iter().copied().collect();
        v.sort_unstable();
        let bytes: Vec<u8> = v.iter().flat_map(|h| h.to_le_bytes()).collect();
        crate::manifest::write_atomic(path, &bytes)
    }

    /// Reads a saved set.
    ///
    /// # Errors
    /// A missing or corrupt file.
    pub fn load(path: &Path) -> Result<Self> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, "read the frequent-lines list", e))?;
        if bytes.len() % 8 != 0 {
            return Err(Error::Output {
                path: path.to_path_buf(),
                detail: "frequent-lines list is corrupt; delete it to recompute".into(),
            });
        }
        Ok(Self::new(bytes.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frequent_lines_are_removed_and_the_rest_kept_verbatim() {
        let cfg = LineDedupConfig { min_chars: 5, ..Default::default() };
        let banner = "Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.";
        let mut h = Vec::new();
        cfg.hashes(&format!("{banner}\nErste Zeile des Artikels.\n{banner}\nOk."), &mut h);
        assert_eq!(h.len(), 2, "distinct lines of at least min_chars");
        let frequent = FrequentLines::new([xxh3_64(banner.as_bytes())]);
        let mut text = format!("  {banner}  \nErste Zeile des Artikels.\n\nZweite Zeile.\n{banner}");
        assert_eq!(cfg.remove(&mut text, &frequent), 2);
        assert_eq!(text, "Erste Zeile des Artikels.\n\nZweite Zeile.");
        let para = LineDedupConfig { unit: LineUnit::Paragraph, min_chars: 5, ..Default::default() };
        let mut text = format!("Absatz eins.\n\n{banner}\n\nAbsatz zwei.");
        assert_eq!(para.remove(&mut text, &frequent), 1);
        assert_eq!(text, "Absatz eins.\n\nAbsatz zwei.");
    }
}
