//! What deduplication removed, for `eurocorpus dedup-report`: the largest
//! duplicate clusters (document ids and sources, never text) and the most
//! removed boilerplate lines (truncated to 80 characters: they are
//! navigation menus and notices, not content).

use std::collections::HashMap;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

/// Clusters and lines kept per input, and in the run's report.
pub const REPORT_ENTRIES: usize = 20;
/// Removed members listed per cluster.
const MEMBERS: usize = 5;
/// Characters of a removed line shown.
const LINE_CHARS: usize = 80;

/// Where a document came from.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct DocRef {
    /// Document id.
    pub id: String,
    /// Input source name.
    pub source: String,
    /// Record number in the source.
    pub record: u64,
}

/// One duplicate cluster.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct ClusterEntry {
    /// Cluster key (the kept document's key).
    pub cluster_id: u64,
    /// Documents in the cluster.
    pub size: u64,
    /// The document kept (the first in input order).
    pub kept: Option<DocRef>,
    /// Some of the removed documents.
    pub removed: Vec<DocRef>,
}

/// One removed line.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct LineEntry {
    /// Hash of the line (hex), as counted.
    pub hash: String,
    /// Times it was removed.
    pub removed: u64,
    /// Its first 80 characters.
    pub text: String,
}

/// The report of one input, or of a run once merged.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct DedupReport {
    /// Largest clusters first.
    pub clusters: Vec<ClusterEntry>,
    /// Most removed lines first.
    pub lines: Vec<LineEntry>,
}

/// Collects an input's report while its documents are written.
#[derive(Debug, Default)]
pub struct ReportBuilder {
    clusters: HashMap<u64, ClusterEntry>,
    lines: HashMap<u64, LineEntry>,
}

impl ReportBuilder {
    /// Notes a document of a cluster of `size` > 1.
    pub fn cluster_member(&mut self, cluster_id: u64, size: u64, doc: DocRef, kept: bool) {
        if size < 2 {
            return;
        }
        let e =
            self.clusters.entry(cluster_id).or_insert_with(|| ClusterEntry { cluster_id, size, ..Default::default() });
        if kept {
            e.kept = Some(doc);
        } else if e.removed.len() < MEMBERS {
            e.removed.push(doc);
        }
    }

    /// Notes a removed line.
    pub fn line(&mut self, hash: u64, text: &str) {
        let e = self.lines.entry(hash).or_insert_with(|| LineEntry {
            hash: format!("{hash:016x}"),
            removed: 0,
            text: text.trim().chars().take(LINE_CHARS).collect(),
        });
        e.removed += 1;
    }

    /// The input's report, bounded.
    pub fn finish(self) -> DedupReport {
        let mut r =
            DedupReport { clusters: self.clusters.into_values().collect(), lines: self.lines.into_values().collect() };
        r.bound();
        r
    }
}

impl DedupReport {
    fn bound(&mut self) {
        self.clusters.sort_by(|a, b| b.size.cmp(&a.size).then(a.cluster_id.cmp(&b.cluster_id)));
        self.clusters.truncate(REPORT_ENTRIES);
        self.lines.sort_by(|a, b| b.removed.cmp(&a.removed).then(a.hash.cmp(&b.hash)));
        self.lines.truncate(REPORT_ENTRIES);
    }

    /// Merges input reports (in input order) into the run's.
    pub fn merge_all<'a>(reports: impl IntoIterator<Item = &'a DedupReport>) -> DedupReport {
        let mut clusters: HashMap<u64, ClusterEntry> = HashMap::new();
        let mut lines: HashMap<String, LineEntry> = HashMap::new();
        for r in reports {
            for c in &r.clusters {
                let e = clusters.entry(c.cluster_id).or_insert_with(|| ClusterEntry {
                    cluster_id: c.cluster_id,
                    size: c.size,
                    ..Default::default()
                });
                if c.kept.is_some() {
                    e.kept.clone_from(&c.kept);
                }
                for m in &c.removed {
                    if e.removed.len() < MEMBERS {
                        e.removed.push(m.clone());
                    }
                }
            }
            for l in &r.lines {
                lines.entry(l.hash.clone()).or_insert_with(|| LineEntry { removed: 0, ..l.clone() }).removed +=
                    l.removed;
            }
        }
        let mut out = DedupReport { clusters: clusters.into_values().collect(), lines: lines.into_values().collect() };
        out.bound();
        out
    }

    /// A human-readable report.
    pub fn render(&self) -> String {
        let mut o = String::new();
        let at = |d: &DocRef| format!("{} ({}:{})", d.id, d.source, d.record);
        let _ = writeln!(o, "largest duplicate clusters (the first document in input order is kept)");
        if self.clusters.is_empty() {
            let _ = writeln!(o, "  none");
        }
        for c in &self.clusters {
            let kept = c.kept.as_ref().map_or_else(|| "?".to_string(), at);
            let _ = writeln!(o, "  {:>8} documents  kept {kept}", c.size);
            let removed: Vec<String> = c.removed.iter().map(at).collect();
            let more = c.size.saturating_sub(1).saturating_sub(c.removed.len() as u64);
            let tail = if more > 0 { format!(" and {more} more") } else { String::new() };
            let _ = writeln!(o, "  {:>8}            removed {}{tail}", "", removed.join(", "));
        }
        let _ = writeln!(o, "\nmost removed lines (line_dedup; first {LINE_CHARS} characters)");
        if self.lines.is_empty() {
            let _ = writeln!(o, "  none");
        }
        for l in &self.lines {
            let _ = writeln!(o, "  {:>8}  {}", l.removed, l.text);
        }
        o
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str) -> DocRef {
        DocRef { id: id.into(), source: "a.jsonl".into(), record: 1 }
    }

    #[test]
    fn inputs_merge_into_the_largest_clusters_and_lines() {
        let mut a = ReportBuilder::default();
        a.cluster_member(7, 3, doc("k"), true);
        a.cluster_member(7, 3, doc("r1"), false);
        a.cluster_member(9, 1, doc("unique"), true);
        a.line(1, "  Cookie notice that goes on and on and on and on and on and on and on and on and on and on  ");
        let mut b = ReportBuilder::default();
        b.cluster_member(7, 3, doc("r2"), false);
        b.cluster_member(8, 2, doc("x"), false);
        b.line(1, "Cookie notice");
        b.line(2, "Menu");
        let r = DedupReport::merge_all([&a.finish(), &b.finish()]);
        assert_eq!(r.clusters.len(), 2);
        assert_eq!((r.clusters[0].size, r.clusters[0].kept.as_ref().unwrap().id.as_str()), (3, "k"));
        assert_eq!(r.clusters[0].removed.len(), 2);
        assert_eq!((r.lines[0].removed, r.lines[0].text.chars().count()), (2, 80));
        assert!(r.render().contains("kept k (a.jsonl:1)"));
    }
}
