//! `sensitive`: special categories of personal data (GDPR art. 9 and 10)
//! about an identifiable person — a health, religion, politics, sexual
//! orientation, ethnic origin, trade union, genetic, biometric or criminal
//! term within `window` characters of a person's name, e-mail, phone,
//! national ID or address ([`crate::pii::sensitive`]).
//!
//! Per category the document is tagged (the terms' spans go to the `pii`
//! column), has the person's identifiers redacted (`redact_person`: names,
//! e-mails, phones, national IDs, addresses and birth dates become
//! placeholders; the text about the condition or belief stays), or is
//! dropped. With several categories the strictest action wins. The stage
//! runs before `pii`, which would otherwise have removed the names it
//! needs; `pii` keeps the spans this stage recorded.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{intern, Outcome, Scratch, Stage};
use crate::doc::Document;
use crate::pii::policy::Applier;
use crate::pii::sensitive::{CATEGORIES, DEFAULT_WINDOW};
use crate::pii::{Detector, DetectorConfig, EntityType, Hints, Policy, PolicyConfig};

/// What to do with a document that speaks of a person's special category.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Default)]
#[serde(rename_all = "snake_case")]
pub enum SensitivePolicy {
    /// Keep the text; record the terms' spans.
    #[default]
    Tag,
    /// Replace the person's identifiers with placeholders.
    RedactPerson,
    /// Remove the document.
    Drop,
}

/// `[[stages]] type = "sensitive"`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct SensitiveConfig {
    /// Characters between a term and the person's identifier.
    pub window: usize,
    /// The action for every category not listed in `policies`.
    pub policy: SensitivePolicy,
    /// Actions per category (`HEALTH = "drop"`).
    pub policies: BTreeMap<String, SensitivePolicy>,
    /// Placeholder template for `redact_person` (`{type}`: `PERSON`, …).
    pub placeholder: String,
}

impl Default for SensitiveConfig {
    fn default() -> Self {
        SensitiveConfig {
            window: DEFAULT_WINDOW,
            policy: SensitivePolicy::Tag,
            policies: BTreeMap::new(),
            placeholder: "<{type}>".to_string(),
        }
    }
}

impl SensitiveConfig {
    /// Problems found without reading input.
    pub fn problems(&self) -> Vec<String> {
        let mut p = Vec::new();
        if self.window == 0 {
            p.push("window must be at least 1 character".to_string());
        }
        for k in self.policies.keys() {
            if !CATEGORIES.contains(&k.as_str()) {
                p.push(format!("unknown special category {k:?} (known: {})", CATEGORIES.join(", ")));
            }
        }
        p
    }

    /// The detector the stage runs: the person's identifiers and the terms.
    pub fn detector(&self) -> Detector {
        let mut enabled = IDENTIFIERS.to_vec();
        enabled.push(EntityType::Sensitive);
        Detector::new(DetectorConfig { sensitive_window: self.window, ..Default::default() }, &enabled)
    }

    fn policy_of(&self, category: &str) -> SensitivePolicy {
        self.policies.get(category).copied().unwrap_or(self.policy)
    }
}

/// The person's identifiers that `redact_person` replaces.
const IDENTIFIERS: [EntityType; 6] = [
    EntityType::Person,
    EntityType::Email,
    EntityType::Phone,
    EntityType::NationalId,
    EntityType::Address,
    EntityType::DateOfBirth,
];

/// The `sensitive` stage.
pub struct Sensitive {
    cfg: SensitiveConfig,
    detector: Detector,
    /// Redacts the identifiers and tags the terms.
    redact: Applier,
    /// Tags the terms only.
    tag: Applier,
}

impl Sensitive {
    pub fn new(cfg: &SensitiveConfig) -> Self {
        let detector = cfg.detector();
        let applier = |identifiers: Policy| {
            let mut p =
                PolicyConfig { policy: Policy::Ignore, placeholder: cfg.placeholder.clone(), ..Default::default() };
            for t in IDENTIFIERS {
                p.policies.insert(t.name().to_string(), identifiers);
            }
            p.policies.insert(EntityType::Sensitive.name().to_string(), Policy::Tag);
            p.compile()
        };
        Sensitive { cfg: cfg.clone(), detector, redact: applier(Policy::Redact), tag: applier(Policy::Ignore) }
    }
}

impl Stage for Sensitive {
    fn name(&self) -> &'static str {
        "sensitive"
    }

    fn apply(&self, doc: &mut Document, scratch: &mut Scratch) -> Outcome {
        let s = &mut scratch.pii;
        s.found.clear();
        self.detector.detect(&doc.text, Hints { lang: &doc.lang, country: "" }, &mut s.detect, &mut s.found);
        let mut action = None;
        let lang = intern(if doc.lang.is_empty() { "unknown" } else { &doc.lang });
        for e in s.found.iter().filter(|e| e.kind == EntityType::Sensitive) {
            scratch.counts.push((e.subtype, "", 1));
            scratch.counts.push((e.subtype, lang, 1));
            action = action.max(Some(self.cfg.policy_of(e.subtype)));
        }
        let Some(action) = action else { return Outcome::Kept };
        scratch.counts.push(("docs_flagged", "", 1));
        let applier = match action {
            SensitivePolicy::Drop => return Outcome::Removed("sensitive"),
            SensitivePolicy::RedactPerson => &self.redact,
            SensitivePolicy::Tag => &self.tag,
        };
        applier.apply(&doc.text, &s.found, &mut scratch.text, &mut s.spans);
        doc.pii.retain(|e| e.kind != EntityType::Sensitive);
        doc.pii.extend(s.spans.iter().filter(|e| e.kind == EntityType::Sensitive));
        if action == SensitivePolicy::RedactPerson {
            std::mem::swap(&mut doc.text, &mut scratch.text);
            scratch.counts.push(("docs_redacted", "", 1));
            Outcome::Changed
        } else {
            Outcome::Kept
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(cfg: &SensitiveConfig, text: &str) -> (Outcome, Document, Vec<(&'static str, &'static str, u64)>) {
        let stage = Sensitive::new(cfg);
        let mut doc = Document {
            id: "d".into(),
            text: text.to_string(),
            lang: "de".into(),
            lang_score: None,
            routed: false,
            source: "s".into(),
            record: 1,
            meta: Vec::new(),
            tokens: Vec::new(),
            dup: None,
            pii: Vec::new(),
        };
        let mut scratch = Scratch::default();
        let out = stage.apply(&mut doc, &mut scratch);
        (out, doc, scratch.counts)
    }

    const TEXT: &str = "Herr Klaus Weber ist an Diabetes erkrankt. Er wohnt Hauptstraße 12, 10115 Berlin.";

    #[test]
    fn tag_keeps_the_text_and_records_the_term() {
        let (out, doc, counts) = run(&SensitiveConfig::default(), TEXT);
        assert_eq!(out, Outcome::Kept);
        assert_eq!(doc.text, TEXT);
        let spans: Vec<_> = doc.pii.iter().map(|e| (&TEXT[e.start..e.end], e.subtype)).collect();
        assert_eq!(spans, vec![("Diabetes", "HEALTH")]);
        assert!(counts.contains(&("HEALTH", "de", 1)));
        assert!(counts.contains(&("docs_flagged", "", 1)));
    }

    #[test]
    fn redact_person_replaces_the_identifiers_and_keeps_the_rest() {
        let cfg = SensitiveConfig { policy: SensitivePolicy::RedactPerson, ..Default::default() };
        let (out, doc, _) = run(&cfg, TEXT);
        assert_eq!(out, Outcome::Changed);
        assert_eq!(doc.text, "Herr <PERSON> ist an Diabetes erkrankt. Er wohnt <ADDRESS>.");
        let e = doc.pii[0];
        assert_eq!((&doc.text[e.start..e.end], e.subtype), ("Diabetes", "HEALTH"));
    }

    #[test]
    fn drop_per_category_and_the_strictest_action_wins() {
        let mut cfg = SensitiveConfig::default();
        cfg.policies.insert("HEALTH".into(), SensitivePolicy::Drop);
        assert_eq!(run(&cfg, TEXT).0, Outcome::Removed("sensitive"));
        assert_eq!(run(&cfg, "Diabetes ist eine Stoffwechselkrankheit.").0, Outcome::Kept);
        cfg.policies.insert("RELIGIOUS".into(), SensitivePolicy::Drop);
        assert_eq!(cfg.problems().len(), 1);
    }
}
