//! `pii eval`: precision, recall and F1 of the detectors on a labelled set
//! (JSONL lines `{"id", "lang", "country"?, "text", "spans": [...],
//! "negatives": [{"start", "end", "kind"}]?}`, as in `fixtures/pii/`).
//!
//! A found value counts as correct when a label has the same type, start
//! and end; the subtype is scored separately (a national ID found with the
//! wrong scheme is a correct detection, but counts against its subtype).
//! False positives that overlap a labelled hard negative are counted by
//! that negative's kind, to show which look-alikes fool a detector.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Detector, Entity, EntityType, Hints};
use crate::error::{Error, Result};

#[derive(Debug, Deserialize)]
struct Labelled {
    #[serde(default)]
    id: serde_json::Value,
    #[serde(default)]
    lang: String,
    #[serde(default)]
    country: String,
    text: String,
    #[serde(default)]
    spans: Vec<LabelSpan>,
    #[serde(default)]
    negatives: Vec<Negative>,
    /// The types labelled in full in this document: a found value of
    /// another type is neither right nor wrong here. Absent: the
    /// identifiers and birth dates (the set in `fixtures/pii/*.jsonl`,
    /// whose texts name people without labelling them).
    #[serde(default)]
    types: Option<Vec<String>>,
}

impl Labelled {
    fn labels(&self, t: EntityType) -> bool {
        match &self.types {
            Some(types) => types.iter().any(|n| n == t.name()),
            None => !matches!(t, EntityType::Person | EntityType::Address | EntityType::Sensitive),
        }
    }
}

#[derive(Debug, Deserialize)]
struct LabelSpan {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    subtype: String,
}

#[derive(Debug, Deserialize)]
struct Negative {
    start: usize,
    end: usize,
    kind: String,
}

/// Counts of one row of the report.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq)]
pub struct Score {
    pub tp: u64,
    pub fp: u64,
    #[serde(rename = "fn")]
    pub fn_: u64,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Score {
    fn finish(&mut self) {
        let (tp, fp, fn_) = (self.tp as f64, self.fp as f64, self.fn_ as f64);
        self.precision = if tp + fp > 0.0 { tp / (tp + fp) } else { 1.0 };
        self.recall = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 1.0 };
        let (p, r) = (self.precision, self.recall);
        self.f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    }
}

/// The evaluation report.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct EvalReport {
    /// Documents and labelled values read.
    pub documents: u64,
    pub labels: u64,
    /// Hard negatives in the set, and how many of them were reported.
    pub negatives: u64,
    pub negatives_hit: u64,
    /// Scores per type, per `TYPE/subtype`, per language (`lang/TYPE`).
    pub by_type: BTreeMap<String, Score>,
    pub by_subtype: BTreeMap<String, Score>,
    pub by_lang: BTreeMap<String, Score>,
    /// False positives by the kind of hard negative they overlap
    /// (`unlabelled` when none).
    pub false_positives_by_kind: BTreeMap<String, u64>,
    /// Where the misses and false positives are (`id`, type, byte offsets;
    /// no text), the first 200.
    pub mistakes: Vec<String>,
}

impl EvalReport {
    fn add(&mut self, doc: &Labelled, found: &[Entity]) {
        let found: Vec<Entity> = found.iter().copied().filter(|e| doc.labels(e.kind)).collect();
        let found = &found[..];
        self.documents += 1;
        self.labels += doc.spans.len() as u64;
        self.negatives += doc.negatives.len() as u64;
        let hit_neg = doc.negatives.iter().filter(|n| found.iter().any(|e| e.start < n.end && n.start < e.end)).count();
        self.negatives_hit += hit_neg as u64;
        let lang = if doc.lang.is_empty() { "-" } else { &doc.lang };
        self.add_flags(doc, lang, found);
        for l in doc.spans.iter().filter(|l| l.kind != "SENSITIVE") {
            let m = found.iter().find(|e| matches(e, l));
            match m {
                // A label without a subtype scores the type only (a PERSON
                // is labelled without the evidence that found it).
                Some(e) if e.subtype == l.subtype || l.subtype.is_empty() => {
                    self.rows(lang, &l.kind, &l.subtype, |s| s.tp += 1)
                }
                Some(e) => {
                    // Right place and type, wrong subtype: a hit for the
                    // type, a miss and a false positive for the subtypes.
                    f_inc(&mut self.by_type, &l.kind, |s| s.tp += 1);
                    f_inc(&mut self.by_lang, &format!("{lang}/{}", l.kind), |s| s.tp += 1);
                    f_inc(&mut self.by_subtype, &format!("{}/{}", l.kind, l.subtype), |s| s.fn_ += 1);
                    f_inc(&mut self.by_subtype, &format!("{}/{}", l.kind, e.subtype), |s| s.fp += 1);
                }
                None => {
                    self.rows(lang, &l.kind, &l.subtype, |s| s.fn_ += 1);
                    if self.mistakes.len() < 1000 {
                        self.mistakes.push(format!(
                            "missed {} {} at {}..{} in {}",
                            l.kind,
                            l.subtype,
                            l.start,
                            l.end,
                            id_str(&doc.id)
                        ));
                    }
                }
            }
        }
        for e in found.iter().filter(|e| e.kind != EntityType::Sensitive) {
            let labelled = doc.spans.iter().any(|l| matches(e, l));
            if labelled {
                continue;
            }
            self.rows(lang, e.kind.name(), e.subtype, |s| s.fp += 1);
            let kind = doc
                .negatives
                .iter()
                .find(|n| e.start < n.end && n.start < e.end)
                .map_or("unlabelled", |n| n.kind.as_str());
            *self.false_positives_by_kind.entry(format!("{kind}->{}", e.kind.name())).or_default() += 1;
            if self.mistakes.len() < 1000 {
                self.mistakes.push(format!(
                    "false {} {} at {}..{} in {} ({kind})",
                    e.kind.name(),
                    e.subtype,
                    e.start,
                    e.end,
                    id_str(&doc.id)
                ));
            }
        }
    }

    /// Special categories are scored as what the `sensitive` stage acts on:
    /// a document's flag per category. A category labelled in the document
    /// and found there (any of its terms) is right; labelled and not found,
    /// a miss; found and not labelled, a false flag.
    fn add_flags(&mut self, doc: &Labelled, lang: &str, found: &[Entity]) {
        let kind = EntityType::Sensitive.name();
        let mut labelled: Vec<&str> = doc.spans.iter().filter(|l| l.kind == kind).map(|l| l.subtype.as_str()).collect();
        let mut flagged: Vec<&str> =
            found.iter().filter(|e| e.kind == EntityType::Sensitive).map(|e| e.subtype).collect();
        labelled.sort_unstable();
        labelled.dedup();
        flagged.sort_unstable();
        flagged.dedup();
        for c in &labelled {
            if flagged.contains(c) {
                self.rows(lang, kind, c, |s| s.tp += 1);
            } else {
                self.rows(lang, kind, c, |s| s.fn_ += 1);
                if self.mistakes.len() < 1000 {
                    self.mistakes.push(format!("missed {kind} {c} in {}", id_str(&doc.id)));
                }
            }
        }
        for c in flagged.iter().filter(|c| !labelled.contains(c)) {
            self.rows(lang, kind, c, |s| s.fp += 1);
            let term = found.iter().find(|e| e.kind == EntityType::Sensitive && e.subtype == *c);
            let neg = term.and_then(|t| doc.negatives.iter().find(|n| t.start < n.end && n.start < t.end));
            let neg = neg.map_or("unlabelled", |n| n.kind.as_str());
            *self.false_positives_by_kind.entry(format!("{neg}->{kind}")).or_default() += 1;
            if self.mistakes.len() < 1000 {
                let at = term.map_or(String::new(), |t| format!(" at {}..{}", t.start, t.end));
                self.mistakes.push(format!("false {kind} {c}{at} in {} ({neg})", id_str(&doc.id)));
            }
        }
    }

    /// Applies `f` to the rows of type `kind`, of `lang/kind` and of
    /// `kind/sub`.
    fn rows(&mut self, lang: &str, kind: &str, sub: &str, f: impl Fn(&mut Score)) {
        f_inc(&mut self.by_type, kind, &f);
        f_inc(&mut self.by_lang, &format!("{lang}/{kind}"), &f);
        if !sub.is_empty() {
            f_inc(&mut self.by_subtype, &format!("{kind}/{sub}"), &f);
        }
    }

    fn finish(&mut self) {
        for m in [&mut self.by_type, &mut self.by_subtype, &mut self.by_lang] {
            m.values_mut().for_each(Score::finish);
        }
    }

    /// Scores per language over all types (`by_lang` has them per type).
    pub fn languages(&self) -> BTreeMap<String, Score> {
        let mut m: BTreeMap<String, Score> = BTreeMap::new();
        for (k, v) in &self.by_lang {
            let lang = k.split('/').next().unwrap_or(k);
            let e = m.entry(lang.to_string()).or_default();
            e.tp += v.tp;
            e.fp += v.fp;
            e.fn_ += v.fn_;
        }
        m.values_mut().for_each(Score::finish);
        m
    }

    /// The report as Markdown tables (per type, per language, per subtype).
    pub fn render(&self) -> String {
        use std::fmt::Write as _;
        let mut s = format!(
            "{} documents, {} labelled values, {} hard negatives ({} reported)\n\n",
            self.documents, self.labels, self.negatives, self.negatives_hit
        );
        let table = |s: &mut String, title: &str, m: &BTreeMap<String, Score>| {
            let _ = writeln!(
                s,
                "| {title} | TP | FP | FN | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|---:|"
            );
            for (k, v) in m {
                let _ = writeln!(
                    s,
                    "| {k} | {} | {} | {} | {:.3} | {:.3} | {:.3} |",
                    v.tp, v.fp, v.fn_, v.precision, v.recall, v.f1
                );
            }
            s.push('\n');
        };
        table(&mut s, "type", &self.by_type);
        table(&mut s, "language (all types)", &self.languages());
        table(&mut s, "subtype", &self.by_subtype);
        if !self.false_positives_by_kind.is_empty() {
            s.push_str("| false positives: negative kind -> type | count |\n|---|---:|\n");
            for (k, v) in &self.false_positives_by_kind {
                let _ = writeln!(s, "| {k} | {v} |");
            }
        }
        s
    }
}

/// A document id as written in the labelled set (strings without quotes).
/// Whether a found value is the labelled one: same type and span.
fn matches(e: &Entity, l: &LabelSpan) -> bool {
    e.kind.name() == l.kind && e.start == l.start && e.end == l.end
}

fn id_str(v: &serde_json::Value) -> String {
    v.as_str().map_or_else(|| v.to_string(), str::to_string)
}

fn f_inc(m: &mut BTreeMap<String, Score>, k: &str, f: impl Fn(&mut Score)) {
    f(m.entry(k.to_string()).or_default());
}

/// Scores `detector` on the labelled files. Documents are read whole into
/// memory (labelled sets are small).
///
/// # Errors
/// A file cannot be read, or a line is not a labelled document (file and
/// line named).
pub fn evaluate(files: &[PathBuf], detector: &Detector) -> Result<EvalReport> {
    let mut docs = Vec::new();
    for f in files {
        docs.extend(read_labelled(f)?);
    }
    let found: Vec<Vec<Entity>> =
        docs.par_iter().map(|d| detector.detect_once(&d.text, Hints { lang: &d.lang, country: &d.country })).collect();
    let mut r = EvalReport::default();
    for (d, f) in docs.iter().zip(&found) {
        r.add(d, f);
    }
    r.finish();
    Ok(r)
}

fn read_labelled(path: &Path) -> Result<Vec<Labelled>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, "read the labelled set", e))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let d: Labelled = serde_json::from_str(line)
            .map_err(|e| Error::Internal(format!("{}:{}: not a labelled document: {e}", path.display(), i + 1)))?;
        let bad = d.spans.iter().any(|s| s.end > d.text.len() || s.start > s.end)
            || d.spans.iter().any(|s| EntityType::from_name(&s.kind).is_none())
            || d.types.iter().flatten().any(|t| EntityType::from_name(t).is_none())
            || d.negatives.iter().any(|n| n.end > d.text.len());
        if bad {
            return Err(Error::Internal(format!(
                "{}:{}: a span is outside the text or has an unknown type",
                path.display(),
                i + 1
            )));
        }
        out.push(d);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_reconcile() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("set.jsonl");
        let t1 = "Mail an a@b.de, Tel. +49 30 12345678";
        let t2 = "Bestellnummer 4111111111111111 und 80.156.12.3";
        let lines = [
            serde_json::json!({"id": "1", "lang": "de", "text": t1, "spans": [
                {"start": 8, "end": 14, "type": "EMAIL", "subtype": ""},
                {"start": 21, "end": t1.len(), "type": "PHONE", "subtype": "AT"}]}),
            serde_json::json!({"id": "2", "lang": "de", "text": t2, "spans": [],
                "negatives": [{"start": 14, "end": 30, "kind": "order_number"}]}),
        ];
        std::fs::write(&p, lines.iter().map(|l| l.to_string() + "\n").collect::<String>()).unwrap();
        let r = evaluate(&[p], &Detector::all()).unwrap();
        assert_eq!((r.documents, r.labels, r.negatives, r.negatives_hit), (2, 2, 1, 0));
        assert_eq!((r.by_type["EMAIL"].tp, r.by_type["EMAIL"].fp), (1, 0));
        assert_eq!(r.by_type["PHONE"].tp, 1, "right span, wrong subtype still finds the phone");
        assert_eq!((r.by_subtype["PHONE/AT"].fn_, r.by_subtype["PHONE/DE"].fp), (1, 1));
        assert_eq!(r.by_type["IP_ADDRESS"].fp, 1, "8.8.8.8 is unlabelled here");
        assert_eq!(r.false_positives_by_kind["unlabelled->IP_ADDRESS"], 1);
        assert!((r.by_type["IP_ADDRESS"].precision - 0.0).abs() < 1e-9);
        assert!(r.render().contains("| EMAIL | 1 | 0 | 0 | 1.000 | 1.000 | 1.000 |"));
        assert!(r.render().contains("| de | 2 | 1 | 0 | 0.667 | 1.000 | 0.800 |"), "{}", r.render());
    }
}
