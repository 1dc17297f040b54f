//! `quality`: removes documents that fail one of the quality rules of
//! [`crate::quality`], naming the rule as the removal reason.

use super::{Outcome, Scratch, Stage};
use crate::doc::Document;
use crate::quality::{measure, QualityConfig, Rules};

/// The `quality` stage.
pub struct Quality {
    rules: Rules,
}

impl Quality {
    pub fn new(cfg: &QualityConfig) -> Self {
        Quality { rules: cfg.rules() }
    }
}

impl Stage for Quality {
    fn name(&self) -> &'static str {
        "quality"
    }

    fn apply(&self, doc: &mut Document, _scratch: &mut Scratch) -> Outcome {
        match self.rules.first_failure(&measure(&doc.text, &doc.lang), &doc.lang) {
            Some(rule) => Outcome::Removed(rule),
            None => Outcome::Kept,
        }
    }
}
