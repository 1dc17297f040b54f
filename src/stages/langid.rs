//! `langid`: labels every document with its language and a score, and
//! drops or routes the documents outside the languages to keep.
//! The model and scoring live in [`crate::langid`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Outcome, Scratch, Stage};
use crate::doc::Document;
use crate::langid::{model, LangidMode, Model};

/// What happens to a document outside `languages` or below its minimum
/// score.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum OtherAction {
    /// Removed, with reason `lang_not_kept` or `lang_score_low`.
    #[default]
    Drop,
    /// Written to the separate `other/` folder of the output (same schema,
    /// listed in the manifest), so nothing is lost and `data/` holds only
    /// the kept languages.
    Route,
}

/// `[[stages]] type = "langid"`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct LangidConfig {
    /// Languages to keep (ISO 639-1); empty: every language.
    pub languages: Vec<String>,
    /// Minimum score to keep a document (0–1); 0: no minimum.
    pub min_score: f32,
    /// Per-language minimum scores, overriding `min_score`.
    pub min_scores: BTreeMap<String, f32>,
    /// What to do with the other documents.
    pub other: OtherAction,
    /// `sample` (whole text) or `lines` (majority language of the lines).
    pub mode: LangidMode,
    /// Bytes of text scored per document (an evenly spread sample).
    pub sample_bytes: usize,
    /// Restrict the answers to these languages (empty: all the model's).
    /// Narrowing to the languages a corpus can contain avoids rare
    /// confusions on short texts.
    pub candidates: Vec<String>,
}

impl Default for LangidConfig {
    fn default() -> Self {
        LangidConfig {
            languages: Vec::new(),
            min_score: 0.0,
            min_scores: BTreeMap::new(),
            other: OtherAction::Drop,
            mode: LangidMode::Sample,
            sample_bytes: 1024,
            candidates: Vec::new(),
        }
    }
}

impl LangidConfig {
    /// Problems that can be found without reading input.
    pub fn problems(&self) -> Vec<String> {
        let known = model().languages();
        let mut p = Vec::new();
        let mut code = |at: &str, l: &str| {
            if !known.contains(&l) {
                let hint = if l == "nb" { " (Bokmål is labelled no)" } else { "" };
                p.push(format!("{at}: the language model does not know {l:?}{hint}; it knows {}", known.join(" ")));
            }
        };
        for l in &self.languages {
            code("languages", l);
        }
        for l in &self.candidates {
            code("candidates", l);
        }
        for l in self.min_scores.keys() {
            code("min_scores", l);
        }
        let scores = std::iter::once(("min_score".to_string(), self.min_score))
            .chain(self.min_scores.iter().map(|(l, v)| (format!("min_scores.{l}"), *v)));
        for (at, v) in scores {
            if !(0.0..=1.0).contains(&v) {
                p.push(format!("{at} = {v}: a score is between 0 and 1"));
            }
        }
        if self.sample_bytes < 64 {
            p.push(format!(
                "sample_bytes = {}: at least 64 bytes are needed to tell languages apart",
                self.sample_bytes
            ));
        }
        if !self.candidates.is_empty() {
            for l in &self.languages {
                if !self.candidates.contains(l) {
                    p.push(format!(
                        "languages: {l:?} is not among the candidates, so no document could be kept as {l}"
                    ));
                }
            }
        }
        p
    }
}

/// The `langid` stage.
pub struct Langid {
    model: Option<Model>,
    cfg: LangidConfig,
}

impl Langid {
    pub fn new(cfg: &LangidConfig) -> Self {
        let model = (!cfg.candidates.is_empty()).then(|| model().restricted(&cfg.candidates));
        Langid { model, cfg: cfg.clone() }
    }

    fn model(&self) -> &Model {
        self.model.as_ref().unwrap_or_else(|| model())
    }

    /// Why a labelled document is not kept, if it is not.
    fn reject(&self, lang: &str, score: f32) -> Option<&'static str> {
        if !self.cfg.languages.is_empty() && !self.cfg.languages.iter().any(|l| l == lang) {
            return Some("lang_not_kept");
        }
        let min = self.cfg.min_scores.get(lang).copied().unwrap_or(self.cfg.min_score);
        (score < min).then_some("lang_score_low")
    }
}

impl Stage for Langid {
    fn name(&self) -> &'static str {
        "langid"
    }

    fn apply(&self, doc: &mut Document, scratch: &mut Scratch) -> Outcome {
        let g = self.model().identify(&doc.text, self.cfg.mode, self.cfg.sample_bytes, &mut scratch.langid);
        let changed = doc.lang != g.lang;
        doc.lang.clear();
        doc.lang.push_str(g.lang);
        doc.lang_score = Some(g.score);
        scratch.counts.push(("lang", if g.lang.is_empty() { "none" } else { g.lang }, 1));
        match (self.reject(g.lang, g.score), self.cfg.other) {
            (Some(reason), OtherAction::Drop) => Outcome::Removed(reason),
            (Some(reason), OtherAction::Route) => {
                doc.routed = true;
                scratch.counts.push(("routed", reason, 1));
                Outcome::Changed
            }
            (None, _) if changed => Outcome::Changed,
            (None, _) => Outcome::Kept,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn doc(text: &str) -> Document {
        crate::input::make_doc(&Arc::from("t.jsonl"), 1, None, text.to_string(), Some("xx".into()), Vec::new())
    }

    const DE: &str = "Der Ausschuss hat den Bericht in seiner letzten Sitzung mit großer Mehrheit angenommen.";
    const FR: &str = "Le comité a adopté le rapport lors de sa dernière réunion à une large majorité des voix.";

    fn run(cfg: LangidConfig, text: &str) -> (Outcome, Document, Vec<(&'static str, &'static str, u64)>) {
        assert!(cfg.problems().is_empty(), "{:?}", cfg.problems());
        let stage = Langid::new(&cfg);
        let mut d = doc(text);
        let mut s = Scratch::default();
        let o = stage.apply(&mut d, &mut s);
        (o, d, s.counts)
    }

    #[test]
    fn labels_and_scores_every_document() {
        let (o, d, counts) = run(LangidConfig::default(), DE);
        assert_eq!(o, Outcome::Changed, "the input's label xx was replaced");
        assert_eq!(d.lang, "de");
        assert!(d.lang_score.unwrap() > 0.9);
        assert!(!d.routed);
        assert_eq!(counts, [("lang", "de", 1)]);
        let (o, d, counts) = run(LangidConfig::default(), "12345 !!!");
        assert_eq!((o, d.lang.as_str(), d.lang_score), (Outcome::Changed, "", Some(0.0)));
        assert_eq!(counts, [("lang", "none", 1)]);
    }

    #[test]
    fn keeps_only_the_listed_languages() {
        let cfg = LangidConfig { languages: vec!["de".into()], ..Default::default() };
        assert_eq!(run(cfg.clone(), DE).0, Outcome::Changed);
        assert_eq!(run(cfg.clone(), FR).0, Outcome::Removed("lang_not_kept"));
        assert_eq!(run(cfg, "").0, Outcome::Removed("lang_not_kept"), "no letters, no language");
    }

    #[test]
    fn minimum_scores_per_language() {
        let mixed = format!("{} {}", DE.repeat(6), FR.repeat(6));
        let (_, d, _) = run(LangidConfig::default(), &mixed);
        let score = d.lang_score.unwrap();
        assert!((0.3..0.7).contains(&score), "{score}");
        let lang = d.lang.clone();
        let cfg = LangidConfig { min_score: 0.8, ..Default::default() };
        assert_eq!(run(cfg.clone(), &mixed).0, Outcome::Removed("lang_score_low"));
        assert_eq!(run(cfg.clone(), DE).0, Outcome::Changed);
        let cfg = LangidConfig { min_scores: BTreeMap::from([(lang, 0.2)]), ..cfg };
        assert_eq!(run(cfg, &mixed).0, Outcome::Changed, "the per-language minimum wins");
    }

    #[test]
    fn routes_instead_of_dropping() {
        let cfg = LangidConfig { languages: vec!["de".into()], other: OtherAction::Route, ..Default::default() };
        let (o, d, counts) = run(cfg, FR);
        assert_eq!((o, d.lang.as_str(), d.routed), (Outcome::Changed, "fr", true));
        assert_eq!(counts, [("lang", "fr", 1), ("routed", "lang_not_kept", 1)]);
    }

    #[test]
    fn candidates_narrow_the_answers() {
        let cfg = LangidConfig { candidates: vec!["de".into(), "nl".into()], ..Default::default() };
        let (_, d, _) = run(cfg, FR);
        assert!(d.lang == "de" || d.lang == "nl", "{}", d.lang);
    }

    #[test]
    fn config_problems_are_named() {
        let cfg = LangidConfig {
            languages: vec!["de".into(), "xx".into(), "nb".into()],
            min_score: 1.5,
            min_scores: BTreeMap::from([("fr".into(), -0.1)]),
            sample_bytes: 10,
            candidates: vec!["fr".into()],
            ..Default::default()
        };
        let p = cfg.problems();
        assert!(p[0].starts_with("languages: the language model does not know \"xx\"; it knows af am an"), "{p:?}");
        assert!(p[1].contains("\"nb\" (Bokmål is labelled no)"), "{p:?}");
        assert!(p.contains(&"min_score = 1.5: a score is between 0 and 1".to_string()), "{p:?}");
        assert!(p.contains(&"min_scores.fr = -0.1: a score is between 0 and 1".to_string()), "{p:?}");
        assert!(p.iter().any(|m| m.starts_with("sample_bytes = 10")), "{p:?}");
        assert!(p.iter().any(|m| m.starts_with("languages: \"de\" is not among the candidates")), "{p:?}");
    }
}
