//! `eurocorpus trace OUTPUT_DIR --id ID`: where a document came from and
//! what each stage decided about it, from the decision ledger — never its
//! text.

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::ledger::{self, verdict, Entry};
use crate::manifest::Manifest;

/// One stage's part in a document's trip.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    /// The stage (`read` first).
    pub stage: String,
    /// `passed`, `changed`, `removed`, `error` or `not reached`.
    pub outcome: &'static str,
    /// What the stage found or decided (language, cluster, counts, reason).
    pub detail: String,
}

/// Everything known about one input record with the traced id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trace {
    /// The ledger row.
    pub entry: Entry<'static>,
    /// Row of the document in its shard today (None: not there, e.g.
    /// erased since the run).
    pub row: Option<u64>,
    /// Stage by stage, in pipeline order.
    pub steps: Vec<Step>,
}

/// The stage names of a run, `read` first, from its `stats.json`.
fn stage_names(dir: &Path) -> Result<Vec<String>> {
    let v = crate::stats::load_json(dir)?;
    let names: Vec<String> = v["stages"]
        .as_array()
        .map(|a| a.iter().filter_map(|s| s["name"].as_str().map(str::to_string)).collect())
        .unwrap_or_default();
    if names.first().map(String::as_str) != Some("read") {
        return Err(Error::Output { path: dir.join("stats.json"), detail: "lists no stages".into() });
    }
    Ok(names)
}

/// Finds every ledger row with id `id` (an id may repeat across inputs).
///
/// # Errors
/// No manifest or statistics, a ledger-less output (made before the
/// ledger existed), or an unreadable ledger file.
pub fn trace(dir: &Path, id: &str) -> Result<Vec<Trace>> {
    let manifest = Manifest::load(dir)?;
    ledger::require(dir, &manifest, "trace documents")?;
    let names = stage_names(dir)?;
    let mut found = Vec::new();
    ledger::for_each(dir, &manifest.decisions, &mut |e| {
        if e.id == id {
            found.push(e);
        }
    })?;
    found
        .into_iter()
        .map(|entry| {
            let row = match &entry.shard {
                Some(s) if dir.join(s.as_ref()).is_file() => ledger::row_in_shard(&dir.join(s.as_ref()), id)?,
                _ => None,
            };
            let steps = steps(&names, &entry);
            Ok(Trace { entry, row, steps })
        })
        .collect()
}

/// What each stage did, from a ledger row.
fn steps(names: &[String], e: &Entry) -> Vec<Step> {
    let stop = e.stage.as_deref().and_then(|s| names.iter().position(|n| n == s)).unwrap_or(names.len());
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let mut detail = String::new();
            let note = |d: &mut String, s: &str| {
                if !d.is_empty() {
                    d.push_str("; ");
                }
                d.push_str(s);
            };
            let outcome = if i > stop {
                "not reached"
            } else if i == stop {
                note(&mut detail, e.reason.as_deref().unwrap_or(""));
                if e.decision == verdict::ERROR {
                    "error"
                } else {
                    "removed"
                }
            } else if e.changed_by.iter().any(|c| c == name) {
                "changed"
            } else {
                "passed"
            };
            if i <= stop {
                match name.as_str() {
                    "langid" => {
                        if let Some(l) = &e.lang {
                            note(&mut detail, &format!("language {l}, score {:.3}", e.lang_score.unwrap_or(0.0)));
                        }
                        if e.decision == verdict::ROUTED {
                            note(&mut detail, "routed to other/");
                        }
                    }
                    "exact_dedup" | "minhash_dedup" => {
                        if let (Some(c), Some(n)) = (e.dup_cluster_id, e.dup_cluster_size) {
                            let role = if i == stop { "not the first copy" } else { "kept as the first copy" };
                            if n > 1 {
                                note(&mut detail, &format!("cluster {c} ({n} documents): {role}"));
                            } else {
                                note(&mut detail, "no duplicate");
                            }
                        }
                    }
                    "pii" if !e.pii.is_empty() => {
                        let found: Vec<String> = e.pii.iter().map(|(t, n)| format!("{t} ×{n}")).collect();
                        note(&mut detail, &found.join(", "));
                    }
                    "tokenize" => {
                        if let Some(t) = e.tokens {
                            note(&mut detail, &format!("{t} tokens"));
                        }
                    }
                    _ => {}
                }
            }
            Step { stage: name.clone(), outcome, detail }
        })
        .collect()
}

/// The traces as text for a terminal.
pub fn render(traces: &[Trace], erased_since: bool) -> String {
    let mut out = String::new();
    for t in traces {
        let e = &t.entry;
        let _ = writeln!(out, "document {}", e.id);
        let _ = writeln!(out, "  from      {}, record {}", e.source, e.record);
        if let Some(d) = &e.domain {
            let _ = writeln!(out, "  domain    {d}");
        }
        if let Some(d) = &e.date {
            let _ = writeln!(out, "  date      {d}");
        }
        let outcome = match (&e.shard, t.row) {
            (Some(s), Some(r)) => format!("{} → {s}, row {r} ({} bytes of text)", e.decision, e.text_bytes),
            (Some(s), None) if erased_since => format!("{} → {s}, since erased (see erasure-log.jsonl)", e.decision),
            (Some(s), None) => format!("{} → {s}, but the shard no longer holds it", e.decision),
            (None, _) => format!(
                "{} by {}: {}",
                e.decision,
                e.stage.as_deref().unwrap_or("?"),
                e.reason.as_deref().unwrap_or("?")
            ),
        };
        let _ = writeln!(out, "  decision  {outcome}");
        let width = t.steps.iter().map(|s| s.stage.len()).max().unwrap_or(0);
        for s in &t.steps {
            let detail = if s.detail.is_empty() { String::new() } else { format!("  ({})", s.detail) };
            let _ = writeln!(out, "    {:width$}  {}{detail}", s.stage, s.outcome);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Vec<String> {
        ["read", "langid", "quality", "exact_dedup", "pii", "tokenize"].iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_kept_document_passes_every_stage_with_its_details() {
        let e = Entry {
            id: "d".into(),
            decision: verdict::KEPT.into(),
            changed_by: vec!["pii".into()],
            lang: Some("fr".into()),
            lang_score: Some(0.9),
            dup_cluster_id: Some(9),
            dup_cluster_size: Some(3),
            pii: vec![("EMAIL".into(), 2)],
            tokens: Some(40),
            text_bytes: 120,
            ..Default::default()
        };
        let got: Vec<(String, &str, String)> =
            steps(&names(), &e).into_iter().map(|s| (s.stage, s.outcome, s.detail)).collect();
        let want = [
            ("read", "passed", ""),
            ("langid", "passed", "language fr, score 0.900"),
            ("quality", "passed", ""),
            ("exact_dedup", "passed", "cluster 9 (3 documents): kept as the first copy"),
            ("pii", "changed", "EMAIL ×2"),
            ("tokenize", "passed", "40 tokens"),
        ];
        let want: Vec<(String, &str, String)> =
            want.iter().map(|(a, b, c)| (a.to_string(), *b, c.to_string())).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn later_stages_are_not_reached_after_a_removal() {
        let e = Entry {
            decision: verdict::REMOVED.into(),
            stage: Some("quality".into()),
            reason: Some("gopher_min_words".into()),
            ..Default::default()
        };
        let got: Vec<&str> = steps(&names(), &e).iter().map(|s| s.outcome).collect();
        assert_eq!(got, ["passed", "passed", "removed", "not reached", "not reached", "not reached"]);
        assert_eq!(steps(&names(), &e)[2].detail, "gopher_min_words");
        let bad = Entry {
            decision: verdict::ERROR.into(),
            stage: Some("read".into()),
            reason: Some("malformed_json".into()),
            ..Default::default()
        };
        assert_eq!(steps(&names(), &bad)[0].outcome, "error");
        assert_eq!(steps(&names(), &bad)[0].detail, "malformed_json");
    }
}
