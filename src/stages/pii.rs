//! `pii`: finds personal data (GDPR) and redacts, tags or drops it by
//! policy. The detection engine and the policies live in [`crate::pii`];
//! this is the per-document wrapper.

use super::{Outcome, Scratch, Stage};
use crate::doc::Document;
use crate::pii::policy::{Applied, Applier};
use crate::pii::{Detector, EntityType, Hints, PolicyConfig};

/// The `pii` stage.
pub struct Pii {
    detector: Detector,
    applier: Applier,
    column: bool,
}

impl Pii {
    pub fn new(cfg: &PolicyConfig) -> Self {
        Pii {
            detector: Detector::new(cfg.detector(), &cfg.enabled()),
            applier: cfg.compile(),
            column: cfg.writes_column(),
        }
    }
}

impl Stage for Pii {
    fn name(&self) -> &'static str {
        "pii"
    }

    fn apply(&self, doc: &mut Document, scratch: &mut Scratch) -> Outcome {
        let s = &mut scratch.pii;
        s.found.clear();
        self.detector.detect(&doc.text, Hints { lang: &doc.lang, country: "" }, &mut s.detect, &mut s.found);
        // Terms the `sensitive` stage recorded stay (their spans move with
        // the text), unless a value found here covers them.
        for t in doc.pii.iter().filter(|e| e.kind == EntityType::Sensitive) {
            let k = s.found.partition_point(|e| e.start < t.start);
            let clash = (k > 0 && s.found[k - 1].end > t.start) || (k < s.found.len() && s.found[k].start < t.end);
            if !clash {
                s.found.insert(k, *t);
            }
        }
        doc.pii.clear();
        if s.found.is_empty() {
            return Outcome::Kept;
        }
        for e in &s.found {
            scratch.counts.push((e.kind.name(), "", 1));
            if !e.subtype.is_empty() {
                scratch.counts.push((e.kind.name(), e.subtype, 1));
            }
        }
        scratch.counts.push(("docs_with_pii", "", 1));
        match self.applier.apply(&doc.text, &s.found, &mut scratch.text, &mut s.spans) {
            Applied::Dropped => Outcome::Removed("pii"),
            applied => {
                if self.column {
                    doc.pii.extend_from_slice(&s.spans);
                }
                if applied == Applied::Redacted {
                    std::mem::swap(&mut doc.text, &mut scratch.text);
                    Outcome::Changed
                } else {
                    Outcome::Kept
                }
            }
        }
    }
}
