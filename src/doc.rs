//! The document that flows through the stages.

use std::sync::Arc;

/// One document: what a reader produced, changed in place by the stages.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// From the input's id field, or `{source}:{record}` when it has none.
    pub id: String,
    /// The text (UTF-8).
    pub text: String,
    /// ISO 639-1 code, or empty when unknown.
    pub lang: String,
    /// The langid stage's confidence in `lang` (0–1), when it ran.
    pub lang_score: Option<f32>,
    /// Written to the output's `other/` folder instead of `data/` (the
    /// langid stage's `other = "route"`).
    pub routed: bool,
    /// The input file's path relative to its input root (shared by every
    /// document of the file).
    pub source: Arc<str>,
    /// 1-based record number in the input file (JSONL: the line number).
    pub record: u64,
    /// Metadata values, one per `input.metadata` name (None: absent).
    pub meta: Vec<Option<String>>,
    /// Token ids, filled by the tokenize stage.
    pub tokens: Vec<u32>,
    /// Duplicate cluster (size, id), set by deduplication.
    pub dup: Option<(u64, u64)>,
    /// Personal data in the text as written (placeholders or tagged
    /// values), set by the `pii` stage when its column is on.
    pub pii: Vec<crate::pii::Entity>,
}

impl Document {
    /// The id a document gets when its input has none: stable across runs,
    /// since it depends only on the input's relative path and record number.
    pub fn derived_id(source: &str, record: u64) -> String {
        format!("{source}:{record}")
    }
}
