//! What to do with the personal data found: the `pii` stage's options and
//! their application to one text.
//!
//! `redact` replaces each value with a placeholder (`<EMAIL>`) and keeps
//! every other byte; `tag` keeps the text and records the span; `drop`
//! removes the document when it holds at least `drop_min` values of `drop`
//! types (below that they are redacted, so a value is never written in
//! clear by mistake); `redact_linked` tags a value when it is the only
//! kind of personal data in the document and redacts it when the document
//! also holds another (an identifier, an address, a birth date, a
//! special-category term): the default for PERSON, because encyclopaedic
//! text names people and a name becomes private data with what is said
//! about the person; `ignore` does not look for the type at all.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::detect::DetectorConfig;
use super::{Entity, EntityType};

/// The action for one entity type.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum Policy {
    /// Replace the value with a placeholder.
    #[default]
    Redact,
    /// Keep the value; record its span.
    Tag,
    /// Remove the document.
    Drop,
    /// Tag the value when no other kind of personal data is in the
    /// document; redact it when one is.
    RedactLinked,
    /// Do not look for this type.
    Ignore,
}

/// `[[stages]] type = "pii"`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct PolicyConfig {
    /// The action for every type not listed in `policies`.
    pub policy: Policy,
    /// Actions per type name (`EMAIL = "tag"`).
    pub policies: BTreeMap<String, Policy>,
    /// Placeholder template: `{type}` and `{subtype}` are replaced.
    pub placeholder: String,
    /// Placeholder templates per type name.
    pub placeholders: BTreeMap<String, String>,
    /// A document is dropped when it holds at least this many values of
    /// types whose policy is `drop`.
    pub drop_min: u32,
    /// Write the `pii` column (spans in the written text). Default: when
    /// some type is tagged.
    pub column: Option<bool>,
    /// Also find obfuscated e-mail addresses (`name [at] domain [dot] eu`).
    pub email_obfuscated: bool,
    /// Report private and link-local IP addresses.
    pub ip_private: bool,
    /// Report the documentation address ranges.
    pub ip_documentation: bool,
    /// Country assumed when a document's language names none (ISO 3166).
    pub country: String,
    /// Characters between a special-category term and a person's identifier
    /// for the term to be about that person (SENSITIVE).
    pub sensitive_window: usize,
}

impl Default for PolicyConfig {
    fn default() -> Self {
        let d = DetectorConfig::default();
        PolicyConfig {
            policy: Policy::Redact,
            policies: BTreeMap::new(),
            placeholder: "<{type}>".to_string(),
            placeholders: BTreeMap::new(),
            drop_min: 1,
            column: None,
            email_obfuscated: d.email_obfuscated,
            ip_private: d.ip_private,
            ip_documentation: d.ip_documentation,
            country: d.country,
            sensitive_window: d.sensitive_window,
        }
    }
}

impl PolicyConfig {
    /// Problems found without reading input.
    pub fn problems(&self) -> Vec<String> {
        let mut p = self.detector().problems();
        let names = EntityType::ALL.map(EntityType::name).join(", ");
        for k in self.policies.keys().chain(self.placeholders.keys()) {
            if EntityType::from_name(k).is_none() {
                p.push(format!("unknown personal-data type {k:?} (known: {names})"));
            }
        }
        if self.drop_min == 0 {
            p.push("drop_min must be at least 1".to_string());
        }
        if self.sensitive_window == 0 {
            p.push("sensitive_window must be at least 1".to_string());
        }
        p
    }

    /// The detector options.
    pub fn detector(&self) -> DetectorConfig {
        DetectorConfig {
            email_obfuscated: self.email_obfuscated,
            ip_private: self.ip_private,
            ip_documentation: self.ip_documentation,
            country: self.country.clone(),
            sensitive_window: self.sensitive_window,
        }
    }

    /// The action for `t`: its entry in `policies`, else `policy`, except
    /// that PERSON defaults to `redact_linked` and SENSITIVE to `tag` (the
    /// `sensitive` stage decides about special categories) unless `policy`
    /// is `ignore` or `tag`.
    pub fn policy_of(&self, t: EntityType) -> Policy {
        if let Some(p) = self.policies.get(t.name()) {
            return *p;
        }
        match (t, self.policy) {
            (_, Policy::Ignore | Policy::Tag) => self.policy,
            (EntityType::Person, _) => Policy::RedactLinked,
            (EntityType::Sensitive, _) => Policy::Tag,
            _ => self.policy,
        }
    }

    /// The types to look for (every type not ignored).
    pub fn enabled(&self) -> Vec<EntityType> {
        EntityType::ALL.into_iter().filter(|&t| self.policy_of(t) != Policy::Ignore).collect()
    }

    /// Whether the `pii` column is written.
    pub fn writes_column(&self) -> bool {
        self.column.unwrap_or_else(|| {
            EntityType::ALL.iter().any(|&t| matches!(self.policy_of(t), Policy::Tag | Policy::RedactLinked))
        })
    }

    /// The compiled form, for applying to texts.
    pub fn compile(&self) -> Applier {
        let policies = EntityType::ALL.map(|t| (t, self.policy_of(t)));
        let templates = EntityType::ALL.map(|t| {
            let tpl = self.placeholders.get(t.name()).unwrap_or(&self.placeholder);
            (t, tpl.replace("{type}", t.name()))
        });
        let mut by_index = [Policy::Redact; EntityType::COUNT];
        let mut tpl_by_index: [String; EntityType::COUNT] = Default::default();
        for ((t, p), (_, tpl)) in policies.into_iter().zip(templates) {
            by_index[t as usize] = p;
            tpl_by_index[t as usize] = tpl;
        }
        Applier { policies: by_index, templates: tpl_by_index, drop_min: self.drop_min as usize }
    }
}

/// The policies, ready to apply.
#[derive(Debug, Clone)]
pub struct Applier {
    policies: [Policy; EntityType::COUNT],
    templates: [String; EntityType::COUNT],
    drop_min: usize,
}

/// What applying the policies did to one text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    /// Nothing found, or only tagged values.
    Unchanged,
    /// Values replaced by placeholders.
    Redacted,
    /// The document is to be removed.
    Dropped,
}

impl Applier {
    /// The action for `t`.
    pub fn policy(&self, t: EntityType) -> Policy {
        self.policies[t as usize]
    }

    /// Applies the policies to `text` with its `entities` (sorted, not
    /// overlapping): writes the resulting text to `out` and the spans of
    /// the values in it (placeholders or tagged values) to `spans`.
    pub fn apply(&self, text: &str, entities: &[Entity], out: &mut String, spans: &mut Vec<Entity>) -> Applied {
        out.clear();
        spans.clear();
        let drops = entities.iter().filter(|e| self.policy(e.kind) == Policy::Drop).count();
        if drops > 0 && drops >= self.drop_min {
            return Applied::Dropped;
        }
        // Whether the document holds personal data besides what
        // `redact_linked` protects, for that policy.
        let linked = entities.iter().any(|e| {
            !matches!(self.policy(e.kind), Policy::RedactLinked | Policy::Ignore) && e.kind != EntityType::Person
        });
        let mut last = 0;
        let mut redacted = false;
        for e in entities {
            out.push_str(&text[last..e.start]);
            let start = out.len();
            let policy = match self.policy(e.kind) {
                Policy::RedactLinked if linked => Policy::Redact,
                Policy::RedactLinked => Policy::Tag,
                p => p,
            };
            match policy {
                Policy::Tag | Policy::RedactLinked => out.push_str(&text[e.start..e.end]),
                Policy::Ignore => {
                    out.push_str(&text[e.start..e.end]);
                    last = e.end;
                    continue;
                }
                Policy::Redact | Policy::Drop => {
                    let tpl = &self.templates[e.kind as usize];
                    if tpl.contains("{subtype}") {
                        out.push_str(&tpl.replace("{subtype}", e.subtype));
                    } else {
                        out.push_str(tpl);
                    }
                    redacted = true;
                }
            }
            spans.push(Entity { start, end: out.len(), ..*e });
            last = e.end;
        }
        out.push_str(&text[last..]);
        if redacted {
            Applied::Redacted
        } else {
            Applied::Unchanged
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ent(kind: EntityType, text: &str, value: &str) -> Entity {
        let start = text.find(value).unwrap();
        Entity { kind, subtype: "DE", start, end: start + value.len() }
    }

    #[test]
    fn redaction_keeps_every_other_byte() {
        let text = "Schreib an äö@x.de oder ruf\u{A0}+49 30 1234567 an.";
        let es = [ent(EntityType::Email, text, "äö@x.de"), ent(EntityType::Phone, text, "+49 30 1234567")];
        let a = PolicyConfig::default().compile();
        let (mut out, mut spans) = (String::new(), Vec::new());
        assert_eq!(a.apply(text, &es, &mut out, &mut spans), Applied::Redacted);
        assert_eq!(out, "Schreib an <EMAIL> oder ruf\u{A0}<PHONE> an.");
        assert_eq!(&out[spans[0].start..spans[0].end], "<EMAIL>");
        assert_eq!(&out[spans[1].start..spans[1].end], "<PHONE>");
    }

    #[test]
    fn tag_drop_and_templates() {
        let text = "a@b.de 030 1234567";
        let es = [ent(EntityType::Email, text, "a@b.de"), ent(EntityType::Phone, text, "030 1234567")];
        let mut cfg = PolicyConfig::default();
        cfg.policies.insert("EMAIL".into(), Policy::Tag);
        cfg.placeholders.insert("PHONE".into(), "[{type}:{subtype}]".into());
        let (mut out, mut spans) = (String::new(), Vec::new());
        assert_eq!(cfg.compile().apply(text, &es, &mut out, &mut spans), Applied::Redacted);
        assert_eq!(out, "a@b.de [PHONE:DE]");
        assert_eq!((spans[0].start, spans[0].end), (0, 6));
        assert!(cfg.writes_column());
        cfg.policies.insert("PHONE".into(), Policy::Drop);
        assert_eq!(cfg.compile().apply(text, &es, &mut out, &mut spans), Applied::Dropped);
        cfg.drop_min = 2;
        assert_eq!(cfg.compile().apply(text, &es, &mut out, &mut spans), Applied::Redacted, "below drop_min: redact");
        assert_eq!(out, "a@b.de [PHONE:DE]");
        cfg.policies.insert("NAME".into(), Policy::Tag);
        assert!(cfg.problems()[0].contains("unknown personal-data type \"NAME\""));
    }
}
