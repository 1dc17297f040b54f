//! Per-document stages: small steps behind one trait, built once from their
//! config and shared by every worker thread.
//!
//! A stage changes a document in place and says what happened through its
//! [`Outcome`]; it never prints and never sees other documents. Steps that
//! need the whole corpus (deduplication) are not stages but phases of the
//! run, so adding them does not change this interface or the runner's loop.

mod langid;
mod normalize;
mod pii;
mod quality;
mod sensitive;
mod tokenize;
mod url_filter;

pub use langid::{Langid, LangidConfig, OtherAction};
pub use normalize::{Normalize, NormalizeConfig, UnicodeForm};
pub use pii::Pii;
pub use quality::Quality;
pub use sensitive::{Sensitive, SensitiveConfig, SensitivePolicy};
pub use tokenize::{hex, load_tokenizer, Encoder, LoadedTokenizer, Tokenize, TokenizeConfig};
pub use url_filter::{host_of, MissingUrl, UrlFilter, UrlFilterConfig};

use serde::{Deserialize, Serialize};

use crate::doc::Document;
use crate::error::{ErrorKind, Result};

/// What a stage did with one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Passed on unchanged.
    Kept,
    /// Passed on, changed.
    Changed,
    /// Removed, for the given reason (a stats key).
    Removed(&'static str),
    /// The stage failed on this document (counted as an error).
    Failed(ErrorKind, String),
}

/// A `'static` copy of `name` for the (key, subkey) labels of
/// [`Scratch::counts`]: each distinct name is stored once per process, so
/// building a stage again (a test, a fuzzer, a long-lived embedding) does
/// not allocate a new copy every time.
pub(crate) fn intern(name: &str) -> &'static str {
    static NAMES: std::sync::Mutex<std::collections::BTreeSet<&'static str>> =
        std::sync::Mutex::new(std::collections::BTreeSet::new());
    let mut names = NAMES.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(&n) = names.get(name) {
        return n;
    }
    let n: &'static str = Box::leak(name.to_owned().into_boxed_str());
    names.insert(n);
    n
}

/// Per-worker scratch space, so stages allocate nothing per document on
/// their hot path.
#[derive(Debug, Default)]
pub struct Scratch {
    /// A reusable text buffer.
    pub text: String,
    /// Buffers of the personal-data stage.
    pub pii: PiiScratch,
    /// Buffers of the langid stage.
    pub langid: crate::langid::LangidScratch,
    /// Stage-specific counts for `stats.json`, as (key, subkey, n): the
    /// runner adds them to the stage that pushed them, under `key` or
    /// `key/subkey`.
    pub counts: Vec<(&'static str, &'static str, u64)>,
}

/// Buffers of the personal-data stage.
#[derive(Debug, Default)]
pub struct PiiScratch {
    pub detect: crate::pii::detect::DetectScratch,
    pub found: Vec<crate::pii::Entity>,
    pub spans: Vec<crate::pii::Entity>,
}

/// A per-document step.
pub trait Stage: Send + Sync {
    /// The stage's type name (`normalize`, `tokenize`), its stats key.
    fn name(&self) -> &'static str;
    /// Processes one document.
    fn apply(&self, doc: &mut Document, scratch: &mut Scratch) -> Outcome;
}

/// `[[stages]]` entries: the closed set of stage types, tagged by `type`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum StageConfig {
    /// Unicode and whitespace normalisation.
    Normalize(NormalizeConfig),
    /// Exact duplicates across the corpus (a phase, not a per-document step).
    ExactDedup(crate::dedup::ExactDedupConfig),
    /// Near duplicates across the corpus, by MinHash LSH (a phase).
    MinhashDedup(crate::dedup::MinhashDedupConfig),
    /// Lines repeated across many documents (a phase).
    LineDedup(crate::dedup::lines::LineDedupConfig),
    /// Language identification: `lang`, `lang_score`, languages to keep.
    Langid(LangidConfig),
    /// Domain block lists and text-and-data-mining opt-outs, by URL.
    UrlFilter(UrlFilterConfig),
    /// Quality rules (Gopher, C4, FineWeb), per-language thresholds.
    Quality(crate::quality::QualityConfig),
    /// Special categories of personal data about a person (GDPR art. 9/10).
    Sensitive(SensitiveConfig),
    /// Personal data (GDPR): redact, tag or drop.
    Pii(crate::pii::PolicyConfig),
    /// Tokenization with a HuggingFace `tokenizer.json`.
    Tokenize(TokenizeConfig),
}

impl StageConfig {
    /// The stage's type name.
    pub fn kind(&self) -> &'static str {
        match self {
            StageConfig::Normalize(_) => "normalize",
            StageConfig::ExactDedup(_) => "exact_dedup",
            StageConfig::MinhashDedup(_) => "minhash_dedup",
            StageConfig::LineDedup(_) => "line_dedup",
            StageConfig::Langid(_) => "langid",
            StageConfig::UrlFilter(_) => "url_filter",
            StageConfig::Quality(_) => "quality",
            StageConfig::Sensitive(_) => "sensitive",
            StageConfig::Pii(_) => "pii",
            StageConfig::Tokenize(_) => "tokenize",
        }
    }

    /// Problems that can be found without reading input (`metadata`: the
    /// input's metadata names).
    pub fn problems(&self, metadata: &[String]) -> Vec<String> {
        match self {
            StageConfig::Normalize(c) => c.problems(),
            StageConfig::ExactDedup(c) => c.problems(),
            StageConfig::MinhashDedup(c) => c.problems(),
            StageConfig::LineDedup(c) => c.problems(),
            StageConfig::Langid(c) => c.problems(),
            StageConfig::UrlFilter(c) => c.problems(metadata),
            StageConfig::Quality(c) => c.problems(),
            StageConfig::Sensitive(c) => c.problems(),
            StageConfig::Pii(c) => c.problems(),
            StageConfig::Tokenize(c) => c.problems(),
        }
    }

    /// True for the stages that need the whole corpus (run as phases).
    pub fn is_dedup(&self) -> bool {
        matches!(self, StageConfig::ExactDedup(_) | StageConfig::MinhashDedup(_) | StageConfig::LineDedup(_))
    }

    /// Builds the runtime stage of a per-document step (`metadata`: the
    /// input's metadata names).
    ///
    /// # Errors
    /// A tokenizer file that cannot be loaded or lacks a configured token;
    /// a domain list that cannot be read; a dedup stage (the runner plans
    /// those as phases).
    pub fn build(&self, metadata: &[String]) -> Result<Box<dyn Stage>> {
        Ok(match self {
            StageConfig::Normalize(c) => Box::new(Normalize::new(c.clone())),
            StageConfig::Langid(c) => Box::new(Langid::new(c)),
            StageConfig::UrlFilter(c) => Box::new(UrlFilter::new(c, metadata)?),
            StageConfig::Quality(c) => Box::new(Quality::new(c)),
            StageConfig::Sensitive(c) => Box::new(Sensitive::new(c)),
            StageConfig::Pii(c) => Box::new(Pii::new(c)),
            StageConfig::Tokenize(c) => Box::new(Tokenize::new(c)?),
            StageConfig::ExactDedup(_) | StageConfig::MinhashDedup(_) | StageConfig::LineDedup(_) => {
                return Err(crate::error::Error::Internal(format!(
                    "{} is a phase, not a per-document stage",
                    self.kind()
                )))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn interned_names_are_stored_once() {
        let a = super::intern(&String::from("blocklist"));
        let b = super::intern(&format!("block{}", "list"));
        assert_eq!(a, "blocklist");
        assert!(std::ptr::eq(a, b), "a second stage with the same list name reuses the first copy");
        assert!(!std::ptr::eq(a, super::intern("other")));
    }
}
