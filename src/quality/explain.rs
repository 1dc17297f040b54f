//! `eurocorpus explain`: for documents of a JSONL file, every quality rule's
//! measured value against its threshold and the verdict, so thresholds can
//! be tuned per language. Documents are named by id; their text is never
//! printed.

use std::path::Path;

use serde_json::Value;

use super::{measure, Rules, Verdict};
use crate::error::{Error, Result};
use crate::input::json_objects;

/// One explained document.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Explained {
    pub id: String,
    pub lang: String,
    /// The first failing rule (the removal reason), if any.
    pub removed_by: Option<&'static str>,
    pub rules: Vec<Verdict>,
    /// Special-category terms about a person (the `sensitive` stage).
    pub sensitive: Vec<crate::pii::sensitive::Flag>,
}

/// Explains the documents of `input` whose id is in `ids` (all when `ids`
/// is empty). `lang` is used for documents without a `lang` field. Lines
/// that are not JSON objects with a string `text` are counted in the
/// returned number of skipped lines.
///
/// # Errors
/// The input cannot be opened or read.
pub fn explain(
    input: &Path,
    ids: &[String],
    lang: &str,
    rules: &Rules,
    sensitive: &crate::pii::Detector,
) -> Result<(Vec<Explained>, u64)> {
    let mut out = Vec::new();
    let mut skipped = 0;
    for item in json_objects(input, "text").map_err(Error::Input)? {
        let (no, obj) = match item {
            Ok(x) => x,
            Err(e) if e.kind.ends_file() => return Err(Error::Input(e)),
            Err(_) => {
                skipped += 1;
                continue;
            }
        };
        let text = obj.get("text").and_then(Value::as_str).unwrap_or_default();
        let id = match obj.get("id") {
            Some(Value::String(s)) => s.clone(),
            Some(v) => v.to_string(),
            None => format!("line {no}"),
        };
        if !ids.is_empty() && !ids.contains(&id) {
            continue;
        }
        let doc_lang = obj.get("lang").and_then(Value::as_str).unwrap_or(lang).to_string();
        let m = measure(text, &doc_lang);
        let found = sensitive.detect_once(text, crate::pii::Hints { lang: &doc_lang, country: "" });
        out.push(Explained {
            sensitive: crate::pii::sensitive::flags(text, &found),
            id,
            removed_by: rules.first_failure(&m, &doc_lang),
            rules: rules.explain(&m, &doc_lang),
            lang: doc_lang,
        });
    }
    Ok((out, skipped))
}

impl Explained {
    /// A table: one row per rule.
    pub fn render(&self) -> String {
        use std::fmt::Write as _;
        let mut s = format!(
            "document {} (lang {}): {}\n",
            self.id,
            if self.lang.is_empty() { "-" } else { &self.lang },
            self.removed_by.map_or("kept".to_string(), |r| format!("removed by {r}"))
        );
        for f in &self.sensitive {
            let _ = writeln!(
                s,
                "  special category {} at bytes {}..{}: {} characters from {} at bytes {}..{}",
                f.category, f.start, f.end, f.distance, f.anchor, f.anchor_start, f.anchor_end
            );
        }
        for v in &self.rules {
            let op = match v.bound {
                super::Bound::Min => ">=",
                super::Bound::Max => "<=",
            };
            if v.value.is_nan() {
                let _ = writeln!(s, "  {:<32} {:>12} (does not apply to this language)", v.rule, "n/a");
                continue;
            }
            let _ = writeln!(
                s,
                "  {:<32} {:>12.4} {op} {:<12} {}",
                v.rule,
                v.value,
                v.threshold,
                if v.passed { "pass" } else { "FAIL" }
            );
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explains_selected_documents_by_id() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("in.jsonl");
        let long = "Ein ganz normaler Satz mit einigen Wörtern darin. ".repeat(3);
        std::fs::write(
            &p,
            format!(
                "{}\n{}\nnot json\n",
                serde_json::json!({"id": "a", "text": "zu kurz.", "lang": "de"}),
                serde_json::json!({"id": "b", "text": long})
            ),
        )
        .unwrap();
        let rules = super::super::QualityConfig::default().rules();
        let det = crate::stages::SensitiveConfig::default().detector();
        let (all, skipped) = explain(&p, &[], "fr", &rules, &det).unwrap();
        assert_eq!((all.len(), skipped), (2, 1));
        assert_eq!(all[0].removed_by, Some("gopher_min_words"));
        assert_eq!((all[0].lang.as_str(), all[1].lang.as_str()), ("de", "fr"));
        let table = all[0].render();
        assert!(table.starts_with("document a (lang de): removed by gopher_min_words"), "{table}");
        assert!(table.contains("gopher_min_words                       2.0000 >= 50           FAIL"), "{table}");
        assert!(!table.contains("zu kurz"), "the text is never printed");
        let (one, _) = explain(&p, &["b".to_string()], "", &rules, &det).unwrap();
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].id, "b");
    }
}
