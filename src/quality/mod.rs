//! Quality rules: the field's established heuristics (Gopher quality and
//! repetition, C4, FineWeb), each a named rule with its own threshold,
//! overridable per run and per language.
//!
//! [`measure`] computes every value a rule looks at in one pass; a [`Rules`]
//! set (built from [`QualityConfig`]) compares them with the thresholds in
//! effect for the document's language and names the first rule that fails —
//! the removal reason in `stats.json`. [`Rules::explain`] lists every rule's
//! value, threshold and verdict, so thresholds can be tuned per language.

pub mod explain;
pub mod measure;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use measure::{measure, Measures};

/// Which way a threshold goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// The value must be at least the threshold.
    Min,
    /// The value must be at most the threshold.
    Max,
}

/// One rule: its name (the removal reason), bound, default threshold and
/// the measured value it checks.
pub struct Rule {
    pub name: &'static str,
    pub bound: Bound,
    pub default: f64,
    pub value: fn(&Measures) -> f64,
    /// What the rule measures, for `explain` and the README.
    pub about: &'static str,
}

fn flag(b: bool) -> f64 {
    if b {
        1.0
    } else {
        0.0
    }
}

/// Every rule, in the order they are checked (cheap and common first).
pub const RULES: &[Rule] = &[
    Rule { name: "gopher_min_words", bound: Bound::Min, default: 50.0, value: |m| m.words as f64, about: "words" },
    Rule { name: "gopher_max_words", bound: Bound::Max, default: 100_000.0, value: |m| m.words as f64, about: "words" },
    Rule {
        name: "gopher_min_mean_word_length",
        bound: Bound::Min,
        default: 3.0,
        value: |m| m.mean_word_length,
        about: "mean word length, characters",
    },
    Rule {
        name: "gopher_max_mean_word_length",
        bound: Bound::Max,
        default: 10.0,
        value: |m| m.mean_word_length,
        about: "mean word length, characters (longer defaults for compounding languages)",
    },
    Rule {
        name: "gopher_max_symbol_word_ratio",
        bound: Bound::Max,
        default: 0.1,
        value: |m| m.symbol_word_ratio,
        about: "`#` and ellipses per word",
    },
    Rule {
        name: "gopher_max_bullet_lines",
        bound: Bound::Max,
        default: 0.9,
        value: |m| m.bullet_lines,
        about: "share of lines starting with a bullet",
    },
    Rule {
        name: "gopher_max_ellipsis_lines",
        bound: Bound::Max,
        default: 0.3,
        value: |m| m.ellipsis_lines,
        about: "share of lines ending with an ellipsis",
    },
    Rule {
        name: "gopher_min_alpha_words",
        bound: Bound::Min,
        default: 0.8,
        value: |m| m.alpha_words,
        about: "share of words with a letter",
    },
    Rule {
        name: "gopher_min_stop_words",
        bound: Bound::Min,
        default: 2.0,
        value: |m| m.stop_words.map_or(f64::NAN, |n| n as f64),
        about: "occurrences of the language's stop words (not applied without a list)",
    },
    Rule {
        name: "gopher_max_dup_lines",
        bound: Bound::Max,
        default: 0.3,
        value: |m| m.dup_lines,
        about: "share of lines repeating an earlier line",
    },
    Rule {
        name: "gopher_max_dup_paragraphs",
        bound: Bound::Max,
        default: 0.3,
        value: |m| m.dup_paragraphs,
        about: "share of paragraphs repeating an earlier one",
    },
    Rule {
        name: "gopher_max_dup_line_chars",
        bound: Bound::Max,
        default: 0.2,
        value: |m| m.dup_line_chars,
        about: "share of characters in repeated lines",
    },
    Rule {
        name: "gopher_max_dup_paragraph_chars",
        bound: Bound::Max,
        default: 0.2,
        value: |m| m.dup_paragraph_chars,
        about: "share of characters in repeated paragraphs",
    },
    Rule {
        name: "gopher_max_top_2gram",
        bound: Bound::Max,
        default: 0.20,
        value: |m| m.top_ngram_chars[0],
        about: "characters of the most frequent word 2-gram",
    },
    Rule {
        name: "gopher_max_top_3gram",
        bound: Bound::Max,
        default: 0.18,
        value: |m| m.top_ngram_chars[1],
        about: "characters of the most frequent word 3-gram",
    },
    Rule {
        name: "gopher_max_top_4gram",
        bound: Bound::Max,
        default: 0.16,
        value: |m| m.top_ngram_chars[2],
        about: "characters of the most frequent word 4-gram",
    },
    Rule {
        name: "gopher_max_dup_5gram",
        bound: Bound::Max,
        default: 0.15,
        value: |m| m.dup_ngram_chars[0],
        about: "characters in repeated word 5-grams",
    },
    Rule {
        name: "gopher_max_dup_6gram",
        bound: Bound::Max,
        default: 0.14,
        value: |m| m.dup_ngram_chars[1],
        about: "characters in repeated word 6-grams",
    },
    Rule {
        name: "gopher_max_dup_7gram",
        bound: Bound::Max,
        default: 0.13,
        value: |m| m.dup_ngram_chars[2],
        about: "characters in repeated word 7-grams",
    },
    Rule {
        name: "gopher_max_dup_8gram",
        bound: Bound::Max,
        default: 0.12,
        value: |m| m.dup_ngram_chars[3],
        about: "characters in repeated word 8-grams",
    },
    Rule {
        name: "gopher_max_dup_9gram",
        bound: Bound::Max,
        default: 0.11,
        value: |m| m.dup_ngram_chars[4],
        about: "characters in repeated word 9-grams",
    },
    Rule {
        name: "gopher_max_dup_10gram",
        bound: Bound::Max,
        default: 0.10,
        value: |m| m.dup_ngram_chars[5],
        about: "characters in repeated word 10-grams",
    },
    Rule {
        name: "c4_lorem_ipsum",
        bound: Bound::Max,
        default: 0.0,
        value: |m| flag(m.lorem_ipsum),
        about: "1 when the text holds \"lorem ipsum\"",
    },
    Rule {
        name: "c4_curly_brace",
        bound: Bound::Max,
        default: 0.0,
        value: |m| flag(m.curly_brace),
        about: "1 when the text holds `{` or `}` (code)",
    },
    Rule {
        name: "c4_max_javascript_lines",
        bound: Bound::Max,
        default: 0.2,
        value: |m| m.javascript_lines,
        about: "share of lines mentioning javascript",
    },
    Rule {
        name: "c4_max_policy_lines",
        bound: Bound::Max,
        default: 0.2,
        value: |m| m.policy_lines,
        about: "share of lines that are cookie, privacy or terms notices",
    },
    Rule {
        name: "fineweb_min_punct_lines",
        bound: Bound::Min,
        default: 0.12,
        value: |m| m.punct_lines,
        about: "share of lines ending in terminal punctuation",
    },
    Rule {
        name: "fineweb_max_short_lines",
        bound: Bound::Max,
        default: 0.67,
        value: |m| m.short_lines,
        about: "share of lines of at most 30 characters",
    },
    Rule {
        name: "fineweb_max_newlines_per_word",
        bound: Bound::Max,
        default: 0.3,
        value: |m| m.newlines_per_word,
        about: "line breaks per word (list-like documents)",
    },
];

/// Built-in per-language defaults that differ from the rule defaults:
/// languages that build long compounds or long inflected words get a longer
/// maximum mean word length than Gopher's English 10.
fn language_default(lang: &str, rule: &str) -> Option<f64> {
    match (rule, lang) {
        ("gopher_max_mean_word_length", "fi" | "et" | "hu") => Some(14.0),
        ("gopher_max_mean_word_length", "de" | "nl" | "sv" | "da" | "no" | "is" | "lt" | "lv" | "ga" | "el") => {
            Some(12.0)
        }
        _ => None,
    }
}

/// Rules that are only checked when a pipeline enables them: C4's curly
/// brace rule removes every page with code or maths (FineWeb and
/// RefinedWeb dropped it; code is wanted in LLM corpora today).
pub const OFF_BY_DEFAULT: &[&str] = &["c4_curly_brace"];

/// `[[stages]] type = "quality"`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct QualityConfig {
    /// Rules not checked (by name, or a family prefix: `c4`, `fineweb`).
    pub disable: Vec<String>,
    /// Rules that are off by default and checked in this pipeline
    /// (`c4_curly_brace`).
    pub enable: Vec<String>,
    /// Thresholds for every language, by rule name.
    pub thresholds: BTreeMap<String, f64>,
    /// Thresholds per language (ISO 639-1), by rule name.
    pub languages: BTreeMap<String, BTreeMap<String, f64>>,
}

impl QualityConfig {
    /// Problems found without reading input: unknown rule names.
    pub fn problems(&self) -> Vec<String> {
        let known = |n: &str| RULES.iter().any(|r| r.name == n);
        let family = |n: &str| RULES.iter().any(|r| r.name.starts_with(&format!("{n}_")));
        let mut p = Vec::new();
        for d in &self.disable {
            if !known(d) && !family(d) {
                p.push(format!("disable: unknown rule or family {d:?}"));
            }
        }
        for e in &self.enable {
            if !OFF_BY_DEFAULT.contains(&e.as_str()) {
                let why = if known(e) { "it is on by default" } else { "no such rule" };
                p.push(format!("enable: {e:?}: {why}; the rules off by default are {}", OFF_BY_DEFAULT.join(", ")));
            }
        }
        let maps = std::iter::once(("thresholds".to_string(), &self.thresholds))
            .chain(self.languages.iter().map(|(l, m)| (format!("languages.{l}"), m)));
        for (at, m) in maps {
            for k in m.keys() {
                if !known(k) {
                    p.push(format!("{at}: unknown rule {k:?}"));
                }
            }
        }
        p
    }

    /// The rule set to apply.
    pub fn rules(&self) -> Rules {
        let enabled = RULES
            .iter()
            .map(|r| {
                let on = !OFF_BY_DEFAULT.contains(&r.name) || self.enable.iter().any(|e| e == r.name);
                on && !self.disable.iter().any(|d| d == r.name || r.name.starts_with(&format!("{d}_")))
            })
            .collect();
        Rules { cfg: self.clone(), enabled }
    }
}

/// One line of [`Rules::explain`].
#[derive(Debug, Clone, Serialize)]
pub struct Verdict {
    pub rule: &'static str,
    pub bound: Bound,
    pub value: f64,
    pub threshold: f64,
    pub passed: bool,
}

/// The compiled rule set.
#[derive(Debug, Clone)]
pub struct Rules {
    cfg: QualityConfig,
    enabled: Vec<bool>,
}

impl Rules {
    /// The threshold of `rule` for documents in `lang`: the language's
    /// configured value, else the run's, else the built-in language
    /// default, else the rule's default.
    pub fn threshold(&self, rule: &Rule, lang: &str) -> f64 {
        self.cfg
            .languages
            .get(lang)
            .and_then(|m| m.get(rule.name))
            .or_else(|| self.cfg.thresholds.get(rule.name))
            .copied()
            .or_else(|| language_default(lang, rule.name))
            .unwrap_or(rule.default)
    }

    /// A NaN value means "does not apply" (no stop-word list): it passes.
    fn passes(rule: &Rule, value: f64, threshold: f64) -> bool {
        if value.is_nan() {
            return true;
        }
        match rule.bound {
            Bound::Min => value >= threshold,
            Bound::Max => value <= threshold,
        }
    }

    /// The configuration the rules were built from.
    pub fn config(&self) -> &QualityConfig {
        &self.cfg
    }

    /// The first enabled rule `m` fails, for a document in `lang`.
    pub fn first_failure(&self, m: &Measures, lang: &str) -> Option<&'static str> {
        RULES
            .iter()
            .zip(&self.enabled)
            .filter(|(_, on)| **on)
            .find(|(r, _)| !Self::passes(r, (r.value)(m), self.threshold(r, lang)))
            .map(|(r, _)| r.name)
    }

    /// Every enabled rule's value, threshold and verdict.
    pub fn explain(&self, m: &Measures, lang: &str) -> Vec<Verdict> {
        RULES
            .iter()
            .zip(&self.enabled)
            .filter(|(_, on)| **on)
            .map(|(r, _)| {
                let (value, threshold) = ((r.value)(m), self.threshold(r, lang));
                Verdict { rule: r.name, bound: r.bound, value, threshold, passed: Self::passes(r, value, threshold) }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(name: &str) -> &'static Rule {
        RULES.iter().find(|r| r.name == name).unwrap()
    }

    /// A document of `n` distinct words of five letters, in sentences.
    fn prose(n: usize) -> String {
        let mut s = String::new();
        for i in 0..n {
            let w: String = format!("{i:05}").chars().map(|c| char::from(b'a' + (c as u8 - b'0'))).collect();
            s.push_str(&w);
            s.push_str(if i % 10 == 9 { ".\n" } else { " " });
        }
        s.trim_end().to_string() + "."
    }

    #[test]
    fn thresholds_just_above_and_below() {
        let rules = QualityConfig::default().rules();
        assert_eq!(rules.first_failure(&measure(&prose(50), ""), "en"), None, "50 words pass");
        assert_eq!(rules.first_failure(&measure(&prose(49), ""), "en"), Some("gopher_min_words"));
        let long = |len: usize| {
            let w = "a".repeat(len - 2);
            let letter = |k: usize| char::from(b'a' + (k % 26) as u8);
            (0..60).map(|i| format!("{w}{}{}", letter(i / 26), letter(i))).collect::<Vec<_>>().join(" ") + "."
        };
        let rules_no_rep = QualityConfig { disable: vec!["gopher_max_top_2gram".into()], ..Default::default() }.rules();
        assert_eq!(rules_no_rep.first_failure(&measure(&long(10), ""), "en"), None);
        assert_eq!(rules_no_rep.first_failure(&measure(&long(11), ""), "en"), Some("gopher_max_mean_word_length"));
        assert_eq!(rules_no_rep.first_failure(&measure(&long(11), ""), "fi"), None, "Finnish allows longer words");
        assert_eq!(rules_no_rep.first_failure(&measure(&long(15), ""), "fi"), Some("gopher_max_mean_word_length"));
        let lorem = prose(60) + " Lorem ipsum dolor.";
        assert_eq!(rules.first_failure(&measure(&lorem, ""), "en"), Some("c4_lorem_ipsum"));
        let code = prose(60) + " if (x) { y }.";
        assert_eq!(rules.first_failure(&measure(&code, ""), "en"), None, "the curly-brace rule is off by default");
        let c4 = QualityConfig { enable: vec!["c4_curly_brace".into()], ..Default::default() }.rules();
        assert_eq!(c4.first_failure(&measure(&code, ""), "en"), Some("c4_curly_brace"));
        let off = QualityConfig { disable: vec!["c4".into()], ..c4.config().clone() }.rules();
        assert_eq!(off.first_failure(&measure(&code, ""), "en"), None, "a whole family can be switched off");
        let bad = QualityConfig { enable: vec!["gopher_min_words".into(), "nope".into()], ..Default::default() };
        assert_eq!(
            bad.problems(),
            [
                "enable: \"gopher_min_words\": it is on by default; the rules off by default are c4_curly_brace",
                "enable: \"nope\": no such rule; the rules off by default are c4_curly_brace"
            ]
        );
        let repeated = prose(60) + "\n" + &"the same line again.\n".repeat(40);
        assert_eq!(rules.first_failure(&measure(&repeated, ""), "en"), Some("gopher_max_dup_lines"));
    }

    #[test]
    fn overrides_per_run_and_per_language() {
        let mut cfg = QualityConfig::default();
        cfg.thresholds.insert("gopher_min_words".into(), 10.0);
        cfg.languages.insert("mt".into(), BTreeMap::from([("gopher_min_words".into(), 100.0)]));
        let rules = cfg.rules();
        let r = rule("gopher_min_words");
        assert_eq!((rules.threshold(r, "de"), rules.threshold(r, "mt")), (10.0, 100.0));
        assert_eq!(rules.first_failure(&measure(&prose(20), ""), "de"), None);
        assert_eq!(rules.first_failure(&measure(&prose(20), ""), "mt"), Some("gopher_min_words"));
        let ex = rules.explain(&measure(&prose(20), ""), "mt");
        assert_eq!(ex.len(), RULES.len() - OFF_BY_DEFAULT.len());
        assert!(!ex[0].passed && ex[0].value == 20.0 && ex[0].threshold == 100.0);
        cfg.thresholds.insert("min_words".into(), 1.0);
        cfg.disable.push("gopher_nothing".into());
        assert_eq!(cfg.problems().len(), 2, "{:?}", cfg.problems());
    }

    #[test]
    fn stop_words_just_above_and_below() {
        let rules = QualityConfig { disable: vec!["gopher_max_top_2gram".into()], ..Default::default() }.rules();
        // 60 words without a stop word, then one or two of them.
        let base = prose(60);
        let one = format!("{base} Katze der Hund.");
        let two = format!("{base} Katze der Hund und Maus.");
        assert_eq!(rules.first_failure(&measure(&one, "de"), "de"), Some("gopher_min_stop_words"));
        assert_eq!(rules.first_failure(&measure(&two, "de"), "de"), None);
        assert_eq!(rules.first_failure(&measure(&one, "xx"), "xx"), None, "no list: the rule does not apply");
        let ex = rules.explain(&measure(&one, "xx"), "xx");
        let v = ex.iter().find(|v| v.rule == "gopher_min_stop_words").unwrap();
        assert!(v.value.is_nan() && v.passed);
        let strict = QualityConfig {
            languages: BTreeMap::from([("de".into(), BTreeMap::from([("gopher_min_stop_words".into(), 3.0)]))]),
            ..Default::default()
        }
        .rules();
        assert_eq!(strict.first_failure(&measure(&two, "de"), "de"), Some("gopher_min_stop_words"));
    }

    /// The verdict of one rule on a text (every rule on, thresholds as
    /// given over the defaults).
    fn verdict(text: &str, lang: &str, rule: &str, thresholds: &[(&str, f64)]) -> (f64, bool) {
        let cfg = QualityConfig {
            enable: OFF_BY_DEFAULT.iter().map(|r| r.to_string()).collect(),
            thresholds: thresholds.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            ..Default::default()
        };
        let v = cfg.rules().explain(&measure(text, lang), lang).into_iter().find(|v| v.rule == rule).unwrap();
        (v.value, v.passed)
    }

    fn lines(n: usize, f: impl Fn(usize) -> String) -> String {
        (0..n).map(f).collect::<Vec<_>>().join("\n")
    }

    /// Each rule on a document just inside and one just outside its default
    /// threshold (or a per-run threshold where the default is far away).
    #[test]
    fn every_rule_just_inside_and_just_outside_its_threshold() {
        let sentence = |i: usize| format!("Sentence number {} is written here.", prose(1) + &i.to_string());
        let words = |n: usize, w: &str| vec![w; n].join(" ");
        let hashes = |k: usize| format!("{} {}", prose(20), "# ".repeat(k));
        let ends = |k: usize, end: &str| lines(10, |i| format!("{}{}", sentence(i), if i < k { end } else { "" }));
        let alpha = |k: usize| format!("{} {}", words(10 - k, "word"), words(k, "123"));
        let dup = |k: usize, sep: &str| {
            (0..10)
                .map(|i| if i < k { "line xx here.".to_string() } else { format!("line {i:02} here.") })
                .collect::<Vec<_>>()
                .join(sep)
        };
        let tagged = |k: usize, tag: &str| lines(10, |i| if i < k { format!("{tag} {i}.") } else { sentence(i) });
        let short = |k: usize| {
            lines(3, |i| {
                if i < k {
                    "Short.".into()
                } else {
                    "A line that is clearly longer than thirty characters.".into()
                }
            })
        };
        let nl = |n: usize| lines(n, |i| words(10 / n + usize::from(i < 10 % n), "word"));
        #[allow(clippy::type_complexity)]
        let cases: Vec<(&str, String, String, &[(&str, f64)])> = vec![
            ("gopher_min_words", prose(50), prose(49), &[]),
            ("gopher_max_words", prose(10), prose(11), &[("gopher_max_words", 10.0)]),
            ("gopher_min_mean_word_length", words(10, "abc"), format!("{} ab", words(9, "abc")), &[]),
            (
                "gopher_max_mean_word_length",
                words(10, "abcdefghij"),
                format!("{} abcdefghijk", words(9, "abcdefghij")),
                &[],
            ),
            ("gopher_max_symbol_word_ratio", hashes(2), hashes(3), &[]),
            (
                "gopher_max_bullet_lines",
                lines(10, |i| format!("{}{}", if i < 9 { "- " } else { "" }, sentence(i))),
                lines(10, |i| format!("- {}", sentence(i))),
                &[],
            ),
            ("gopher_max_ellipsis_lines", ends(3, "..."), ends(4, "…"), &[]),
            ("gopher_min_alpha_words", alpha(2), alpha(3), &[]),
            ("gopher_min_stop_words", "The cat sat on the mat.".into(), "A cat sat on a mat.".into(), &[]),
            ("gopher_max_dup_lines", dup(4, "\n"), dup(5, "\n"), &[]),
            ("gopher_max_dup_paragraphs", dup(4, "\n\n"), dup(5, "\n\n"), &[]),
            ("gopher_max_dup_line_chars", dup(3, "\n"), dup(4, "\n"), &[]),
            ("gopher_max_dup_paragraph_chars", dup(3, "\n\n"), dup(4, "\n\n"), &[]),
            ("c4_lorem_ipsum", prose(60), prose(60) + " Lorem ipsum.", &[]),
            ("c4_curly_brace", prose(60), prose(60) + " {x}.", &[]),
            ("c4_max_javascript_lines", tagged(2, "Enable JavaScript"), tagged(3, "Enable JavaScript"), &[]),
            ("c4_max_policy_lines", tagged(2, "Read our privacy policy"), tagged(3, "Read our privacy policy"), &[]),
            (
                "fineweb_min_punct_lines",
                lines(25, |i| if i < 3 { "Ends well.".into() } else { "no end".into() }),
                lines(25, |i| if i < 2 { "Ends well.".into() } else { "no end".into() }),
                &[],
            ),
            ("fineweb_max_short_lines", short(2), short(3), &[]),
            ("fineweb_max_newlines_per_word", nl(4), nl(5), &[]),
        ];
        for (rule, inside, outside, t) in &cases {
            let (vi, pi) = verdict(inside, "en", rule, t);
            let (vo, po) = verdict(outside, "en", rule, t);
            assert!(pi, "{rule}: {vi} should pass on {inside:?}");
            assert!(!po, "{rule}: {vo} should fail on {outside:?}");
        }
        // The n-gram rules: the measured value exactly at the threshold
        // passes, a hair beyond fails.
        let text = "alpha beta gamma delta ".repeat(5) + "epsilon zeta eta theta iota kappa lambda";
        for rule in RULES.iter().filter(|r| r.name.contains("gram")) {
            let v = (rule.value)(&measure(&text, ""));
            assert!(v > 0.0, "{}", rule.name);
            let beyond = if rule.bound == Bound::Max { v - 1e-9 } else { v + 1e-9 };
            assert!(verdict(&text, "", rule.name, &[(rule.name, v)]).1, "{}", rule.name);
            assert!(!verdict(&text, "", rule.name, &[(rule.name, beyond)]).1, "{}", rule.name);
        }
        let tested: Vec<&str> = cases.iter().map(|c| c.0).collect();
        for r in RULES {
            assert!(tested.contains(&r.name) || r.name.contains("gram"), "{} has no boundary test", r.name);
        }
    }
}
