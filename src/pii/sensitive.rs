//! `SENSITIVE`: terms of the GDPR's special categories (art. 9: health,
//! religion, political opinions, sexual orientation, ethnic origin, trade
//! union membership, genetic and biometric data; art. 10: criminal
//! matters) that refer to an identifiable person.
//!
//! A term counts only within `window` characters of a person's identifier
//! — a PERSON, EMAIL, PHONE, NATIONAL_ID or ADDRESS span found in the same
//! text — so general text about a disease or a religion is not flagged, and
//! a text with no identifier costs nothing here. A name in a sentence that
//! also holds a year before 1900 is a historical figure's (GDPR protects the
//! living) and anchors nothing.
//!
//! The lexicons (`sensitive/<lang>.tsv`, one per official EU language,
//! sources in `docs/pii-sensitive.md`) hold lowercase terms; `*` at the end
//! of a term matches any continuation of the word, for inflected forms.
//! Text and terms are compared folded (no case, no diacritics), so Greek
//! terms match with or without their accents.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::words;
use super::{Entity, EntityType};

/// The categories, as the SENSITIVE spans' subtypes.
pub const CATEGORIES: [&str; 9] = [
    "HEALTH",
    "RELIGION",
    "POLITICS",
    "SEXUAL_ORIENTATION",
    "ETHNIC_ORIGIN",
    "TRADE_UNION",
    "GENETIC",
    "BIOMETRIC",
    "CRIMINAL",
];

/// Default distance, in characters, between a term and the identifier it
/// is about.
pub const DEFAULT_WINDOW: usize = 100;

const LEXICONS: &[(&str, &str)] = &[
    ("bg", include_str!("sensitive/bg.tsv")),
    ("cs", include_str!("sensitive/cs.tsv")),
    ("da", include_str!("sensitive/da.tsv")),
    ("de", include_str!("sensitive/de.tsv")),
    ("el", include_str!("sensitive/el.tsv")),
    ("en", include_str!("sensitive/en.tsv")),
    ("es", include_str!("sensitive/es.tsv")),
    ("et", include_str!("sensitive/et.tsv")),
    ("fi", include_str!("sensitive/fi.tsv")),
    ("fr", include_str!("sensitive/fr.tsv")),
    ("ga", include_str!("sensitive/ga.tsv")),
    ("hr", include_str!("sensitive/hr.tsv")),
    ("hu", include_str!("sensitive/hu.tsv")),
    ("it", include_str!("sensitive/it.tsv")),
    ("lt", include_str!("sensitive/lt.tsv")),
    ("lv", include_str!("sensitive/lv.tsv")),
    ("mt", include_str!("sensitive/mt.tsv")),
    ("nl", include_str!("sensitive/nl.tsv")),
    ("pl", include_str!("sensitive/pl.tsv")),
    ("pt", include_str!("sensitive/pt.tsv")),
    ("ro", include_str!("sensitive/ro.tsv")),
    ("sk", include_str!("sensitive/sk.tsv")),
    ("sl", include_str!("sensitive/sl.tsv")),
    ("sv", include_str!("sensitive/sv.tsv")),
];

/// One term: its category and whether it matches a word's beginning.
#[derive(Debug, Clone, Copy)]
struct Term {
    category: &'static str,
    prefix: bool,
}

struct Matcher {
    ac: AhoCorasick,
    terms: Vec<Term>,
}

impl Matcher {
    fn new(sources: &[(&str, &str)]) -> Matcher {
        let mut patterns: Vec<String> = Vec::new();
        let mut terms = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (_, src) in sources {
            for line in src.lines() {
                if line.starts_with('#') {
                    continue;
                }
                let Some((cat, term)) = line.split_once('\t') else { continue };
                let Some(category) = CATEGORIES.iter().find(|c| **c == cat.trim()) else { continue };
                let term = term.trim();
                let (body, prefix) = match term.strip_suffix('*') {
                    Some(b) => (b, true),
                    None => (term, false),
                };
                let folded = words::fold(&body.split_whitespace().collect::<Vec<_>>().join(" "));
                if folded.is_empty() {
                    continue;
                }
                // The same folded term in two languages: the first wins.
                if seen.insert(format!("{folded}\u{0}{prefix}"), terms.len()).is_some() {
                    continue;
                }
                patterns.push(folded);
                terms.push(Term { category, prefix });
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("the sensitive-term lexicons build an automaton");
        Matcher { ac, terms }
    }
}

/// The matcher for `lang` (its lexicon); for a document without a
/// language, every lexicon at once; none for a language without one (a
/// Norwegian "sak" is a case, not the Finnish union SAK).
fn matcher(lang: &str) -> Option<&'static Matcher> {
    static ALL: OnceLock<Matcher> = OnceLock::new();
    static BY_LANG: OnceLock<HashMap<&'static str, Matcher>> = OnceLock::new();
    let by_lang = BY_LANG.get_or_init(|| LEXICONS.iter().map(|&(l, src)| (l, Matcher::new(&[(l, src)]))).collect());
    if lang.is_empty() {
        return Some(ALL.get_or_init(|| Matcher::new(LEXICONS)));
    }
    by_lang.get(lang.get(..2).unwrap_or(lang))
}

/// The languages with a lexicon.
pub fn languages() -> impl Iterator<Item = &'static str> {
    LEXICONS.iter().map(|(l, _)| *l)
}

/// Reusable buffers.
#[derive(Debug, Default)]
pub(crate) struct SensitiveScratch {
    windows: Vec<(usize, usize, usize)>,
    folded: String,
    /// Byte offset in the text of each byte of `folded`.
    map: Vec<usize>,
}

/// Whether an entity of this kind identifies a person for this purpose.
pub(crate) fn is_anchor(kind: EntityType) -> bool {
    matches!(
        kind,
        EntityType::Person | EntityType::Email | EntityType::Phone | EntityType::NationalId | EntityType::Address
    )
}

/// Finds the special-category terms within `window` characters of an
/// anchor among `found`; appends them to `found` as SENSITIVE entities.
pub(crate) fn find(text: &str, lang: &str, window: usize, s: &mut SensitiveScratch, found: &mut Vec<Entity>) {
    s.windows.clear();
    for (i, e) in found.iter().enumerate() {
        if !is_anchor(e.kind) {
            continue;
        }
        let (a, b) = (back_chars(text, e.start, window), forward_chars(text, e.end, window));
        if e.kind == EntityType::Person && historical(text, a, b, found) {
            continue;
        }
        s.windows.push((a, b, i));
    }
    if s.windows.is_empty() {
        return;
    }
    let Some(m) = matcher(lang) else { return };
    s.windows.sort_unstable();
    let mut merged_end = 0;
    let n = s.windows.len();
    let mut k = 0;
    while k < n {
        // Merge overlapping windows, so each byte is searched once.
        let (a, mut b, _) = s.windows[k];
        let a = a.max(merged_end);
        k += 1;
        while k < n && s.windows[k].0 <= b {
            b = b.max(s.windows[k].1);
            k += 1;
        }
        merged_end = b;
        if a >= b {
            continue;
        }
        fold_window(text, a, b, s);
        let f = s.folded.as_str();
        for mat in m.ac.find_iter(f) {
            let term = m.terms[mat.pattern().as_usize()];
            let (fs, mut fe) = (mat.start(), mat.end());
            if f[..fs].chars().next_back().is_some_and(char::is_alphanumeric) {
                continue;
            }
            if term.prefix {
                fe += f[fe..].find(|c: char| !c.is_alphanumeric()).unwrap_or(f.len() - fe);
            } else if f[fe..].chars().next().is_some_and(char::is_alphanumeric) {
                continue;
            }
            let start = s.map[fs];
            // A folded byte maps to the start of the character it came
            // from, so the end is the start of the character after the term.
            let end = s.map[fe.min(s.map.len() - 1)];
            found.push(Entity { kind: EntityType::Sensitive, subtype: term.category, start, end });
        }
    }
}

/// Folds `text[a..b]` into `s.folded`, whitespace runs as one space, with
/// the byte map back to the text.
fn fold_window(text: &str, a: usize, b: usize, s: &mut SensitiveScratch) {
    s.folded.clear();
    s.map.clear();
    let mut last_space = false;
    let mut one = String::new();
    for (i, c) in text[a..b].char_indices() {
        let at = a + i;
        if c.is_whitespace() {
            if !last_space {
                s.folded.push(' ');
                s.map.push(at);
            }
            last_space = true;
            continue;
        }
        last_space = false;
        one.clear();
        let mut buf = [0u8; 4];
        words::fold_into(c.encode_utf8(&mut buf), &mut one);
        s.folded.push_str(&one);
        s.map.extend(std::iter::repeat_n(at, one.len()));
    }
    // A match that ends at the window's end maps to it.
    s.map.push(b);
}

/// A flagged term and the identifier it is about, for `eurocorpus explain`
/// (offsets only: the values are personal data).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Flag {
    pub category: &'static str,
    pub start: usize,
    pub end: usize,
    /// The nearest identifier: its type and span.
    pub anchor: &'static str,
    pub anchor_start: usize,
    pub anchor_end: usize,
    /// Characters between the term and the identifier.
    pub distance: usize,
}

/// The SENSITIVE entities of `found` (a detector's output for `text`) with
/// the identifier each is about.
pub fn flags(text: &str, found: &[Entity]) -> Vec<Flag> {
    let gap = |a: usize, b: usize| text[a.min(b)..a.max(b)].chars().count();
    found
        .iter()
        .filter(|e| e.kind == EntityType::Sensitive)
        .filter_map(|t| {
            let (d, a) = found
                .iter()
                .filter(|a| is_anchor(a.kind))
                .map(|a| {
                    let d = if a.end <= t.start {
                        gap(a.end, t.start)
                    } else if t.end <= a.start {
                        gap(t.end, a.start)
                    } else {
                        0
                    };
                    (d, a)
                })
                .min_by_key(|(d, a)| (*d, a.start))?;
            Some(Flag {
                category: t.subtype,
                start: t.start,
                end: t.end,
                anchor: a.kind.name(),
                anchor_start: a.start,
                anchor_end: a.end,
                distance: d,
            })
        })
        .collect()
}

/// Byte offset `n` characters before `at` (or the text's start).
fn back_chars(text: &str, at: usize, n: usize) -> usize {
    text[..at].char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i)
}

/// Byte offset `n` characters after `at` (or the text's end).
fn forward_chars(text: &str, at: usize, n: usize) -> usize {
    text[at..].char_indices().nth(n).map_or(text.len(), |(i, _)| at + i)
}

/// Whether `text[a..b]` holds a year before 1900 (1000–1899) as a word,
/// not counting the numbers of addresses (`1070 Wien`, `LV-1005`).
fn historical(text: &str, a: usize, b: usize, found: &[Entity]) -> bool {
    let t = text.as_bytes();
    let in_address = |p: usize| found.iter().any(|e| e.kind == EntityType::Address && e.start <= p && p < e.end);
    let mut i = a;
    while i + 4 <= b {
        // LV-1005 is a postcode; Maltese fl-1797 a year.
        let postcode_prefix = i >= 2 && t[i - 1] == b'-' && t[i - 2].is_ascii_uppercase();
        if t[i].is_ascii_digit() && (i == 0 || !(t[i - 1].is_ascii_alphanumeric() || postcode_prefix)) {
            let n = t[i..b].iter().take_while(|c| c.is_ascii_digit()).count();
            if n == 4
                && t[i] == b'1'
                && t[i + 1] != b'9'
                && !t.get(i + 4).is_some_and(u8::is_ascii_alphanumeric)
                && !in_address(i)
            {
                return true;
            }
            i += n;
        } else {
            i += 1;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pii::{Detector, Hints};

    fn terms(text: &str, lang: &str) -> Vec<(String, &'static str)> {
        Detector::all()
            .detect_once(text, Hints { lang, country: "" })
            .into_iter()
            .filter(|e| e.kind == EntityType::Sensitive)
            .map(|e| (text[e.start..e.end].to_string(), e.subtype))
            .collect()
    }

    #[test]
    fn a_term_near_a_person_is_flagged() {
        assert_eq!(terms("Herr Klaus Weber ist an Diabetes erkrankt.", "de"), vec![("Diabetes".into(), "HEALTH")]);
        assert_eq!(
            terms("Write to anna.kowalska@example.eu: she was convicted of fraud last year.", "en"),
            vec![("convicted".into(), "CRIMINAL")]
        );
    }

    #[test]
    fn general_text_and_historical_figures_are_not_flagged() {
        assert!(terms("Diabetes ist eine Stoffwechselkrankheit, an der viele Menschen leiden.", "de").is_empty());
        assert!(terms("Martin Luther, born 1483, was a Catholic monk before the Reformation.", "en").is_empty());
    }

    #[test]
    fn flags_name_the_identifier_and_the_distance() {
        let text = "Herr Klaus Weber ist an Diabetes erkrankt.";
        let found = Detector::all().detect_once(text, Hints { lang: "de", country: "" });
        let f = flags(text, &found);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].category, f[0].anchor, f[0].distance), ("HEALTH", "PERSON", 8));
        assert_eq!(&text[f[0].anchor_start..f[0].anchor_end], "Klaus Weber");
    }

    #[test]
    fn languages_without_a_lexicon_are_not_searched() {
        assert!(terms("Per Hansen sa at det er en annen sak.", "no").is_empty());
        assert_eq!(terms("Per Hansen is a member of SAK.", "").len(), 1, "no language: every lexicon");
    }

    #[test]
    fn historical_years() {
        let h = |t: &str| historical(t, 0, t.len(), &[]);
        assert!(h("born in 1483 in Eisleben"));
        assert!(!h("born in 1983 in Eisleben"));
        assert!(!h("order 14830 shipped"));
        assert!(!h("Rīga, LV-1005"));
        let t = "Wohnt Hauptstraße 3, 1070 Wien";
        let addr = Entity { kind: EntityType::Address, subtype: "", start: 6, end: t.len() };
        assert!(!historical(t, 0, t.len(), &[addr]));
    }
}
