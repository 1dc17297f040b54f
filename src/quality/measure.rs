//! The measurements behind the quality rules, computed in one pass over a
//! document: words, lines, paragraphs and word n-grams (Gopher, C4 and
//! FineWeb heuristics). Words are Unicode words (UAX #29), so every script
//! is measured alike; lengths are in characters, not bytes.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use unicode_segmentation::UnicodeSegmentation;
use xxhash_rust::xxh3::xxh3_64;

/// Everything the rules look at, for one document.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Measures {
    /// Unicode words.
    pub words: usize,
    /// Mean word length in characters.
    pub mean_word_length: f64,
    /// `#` and ellipses (`…`, `...`) per word.
    pub symbol_word_ratio: f64,
    /// Share of non-empty lines starting with a bullet (`•`, `-`, `*`, `·`, `‣`, `▪`, `◦`).
    pub bullet_lines: f64,
    /// Share of non-empty lines ending with an ellipsis.
    pub ellipsis_lines: f64,
    /// Share of words holding at least one alphabetic character.
    pub alpha_words: f64,
    /// Occurrences of the language's stop words (Gopher); None when there
    /// is no list for the language.
    pub stop_words: Option<usize>,
    /// Share of non-empty lines that repeat an earlier line, by count and by characters.
    pub dup_lines: f64,
    pub dup_line_chars: f64,
    /// Share of paragraphs (blocks between blank lines) that repeat an earlier one.
    pub dup_paragraphs: f64,
    pub dup_paragraph_chars: f64,
    /// For n = 2, 3, 4: characters of the most frequent word n-gram (that
    /// occurs more than once) times its count, over the text's characters.
    pub top_ngram_chars: [f64; 3],
    /// For n = 5 … 10: characters of the word n-grams that repeat an earlier
    /// one, over the text's characters. As in the reference implementation
    /// (datatrove's Gopher filter): the first occurrence is not counted, and
    /// the scan jumps past a repeat, so overlapping repeats count once.
    pub dup_ngram_chars: [f64; 6],
    /// Share of non-empty lines ending in terminal punctuation (FineWeb, C4).
    pub punct_lines: f64,
    /// Share of non-empty lines of at most 30 characters (FineWeb).
    pub short_lines: f64,
    /// Line breaks per word (FineWeb's list-like documents).
    pub newlines_per_word: f64,
    /// Holds "lorem ipsum" (C4).
    pub lorem_ipsum: bool,
    /// Holds a curly brace (C4: code).
    pub curly_brace: bool,
    /// Share of non-empty lines mentioning javascript, and of lines that are
    /// cookie, privacy or terms notices (C4).
    pub javascript_lines: f64,
    pub policy_lines: f64,
}

/// Characters that end a sentence in the EU languages' scripts (and the
/// Greek question mark `;`, CJK full stops for quoted text).
fn terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '"' | '\'' | '”' | '’' | '»' | '…' | ';' | ':' | ')' | '。' | '！' | '？')
}

/// Rules about the shape of lines say nothing about a document of one or
/// two lines (a paragraph that ends with a name, a dialogue line starting
/// with a dash): below this many non-empty lines their shares are 0 (1 for
/// the share of lines ending in punctuation).
pub const MIN_LINES_FOR_LINE_RULES: usize = 3;

const BULLETS: [char; 7] = ['•', '-', '*', '·', '‣', '▪', '◦'];

/// Phrases of cookie, privacy and terms notices (C4), lower case.
const POLICY: [&str; 10] = [
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
    "use of cookies",
    "use cookies",
    "datenschutzerklärung",
    "politique de confidentialité",
    "informativa sulla privacy",
    "política de privacidad",
];

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Keys here are already xxh3 hashes: hashing them again (SipHash) was a
/// fifth of the stage's time.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<Prehashed>>;
type KeySet = HashSet<u64, BuildHasherDefault<Prehashed>>;

/// Repeated items (lines, paragraphs): (count, characters) of those that
/// occurred before.
fn duplicates<'a>(items: impl Iterator<Item = &'a str>) -> (usize, usize, usize, usize) {
    let mut seen = KeySet::default();
    let (mut n, mut chars, mut dup, mut dup_chars) = (0, 0, 0, 0);
    for it in items {
        let c = it.chars().count();
        n += 1;
        chars += c;
        if !seen.insert(xxh3_64(it.as_bytes())) {
            dup += 1;
            dup_chars += c;
        }
    }
    (n, chars, dup, dup_chars)
}

/// Stop-word lists by language (`stopwords.txt`; sources in
/// `STOPWORDS.md`).
fn stop_words(lang: &str) -> Option<&'static HashSet<&'static str>> {
    static LISTS: OnceLock<HashMap<&'static str, HashSet<&'static str>>> = OnceLock::new();
    LISTS
        .get_or_init(|| {
            include_str!("stopwords.txt")
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .filter_map(|l| l.split_once('\t'))
                .map(|(lang, words)| (lang, words.split(' ').filter(|w| !w.is_empty()).collect()))
                .collect()
        })
        .get(lang)
}

/// The languages with a stop-word list.
pub fn stop_word_languages() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = include_str!("stopwords.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t').map(|(lang, _)| lang))
        .collect();
    v.sort_unstable();
    v
}

/// Measures `text`, written in `lang` (ISO 639-1; it selects the stop
/// words).
pub fn measure(text: &str, lang: &str) -> Measures {
    let words: Vec<&str> = text.unicode_words().collect();
    let lens: Vec<usize> = words.iter().map(|w| w.chars().count()).collect();
    let word_chars: usize = lens.iter().sum();
    let mut m = Measures { words: words.len(), ..Default::default() };
    m.mean_word_length = share(word_chars, words.len());
    let symbols = text.matches('#').count() + text.matches('…').count() + text.matches("...").count();
    m.symbol_word_ratio = share(symbols, words.len());
    m.alpha_words = share(words.iter().filter(|w| w.chars().any(char::is_alphabetic)).count(), words.len());

    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let nl = lines.len();
    if nl >= MIN_LINES_FOR_LINE_RULES {
        m.bullet_lines = share(lines.iter().filter(|l| l.starts_with(BULLETS)).count(), nl);
        m.ellipsis_lines = share(lines.iter().filter(|l| l.ends_with('…') || l.ends_with("...")).count(), nl);
        m.punct_lines = share(lines.iter().filter(|l| l.chars().next_back().is_some_and(terminal)).count(), nl);
        m.short_lines = share(lines.iter().filter(|l| l.chars().count() <= 30).count(), nl);
    } else {
        m.punct_lines = 1.0;
    }
    // Line breaks between non-empty lines: blank lines between paragraphs
    // are formatting, not list structure.
    m.newlines_per_word = share(nl.saturating_sub(1), words.len());
    let (n, chars, dup, dup_chars) = duplicates(lines.iter().copied());
    m.dup_lines = share(dup, n);
    m.dup_line_chars = share(dup_chars, chars);
    let paragraphs = text.split("\n\n").map(str::trim).filter(|p| !p.is_empty());
    let (n, chars, dup, dup_chars) = duplicates(paragraphs);
    m.dup_paragraphs = share(dup, n);
    m.dup_paragraph_chars = share(dup_chars, chars);

    let lower = text.to_lowercase();
    // Stop words are matched on tokens split at every non-letter, so
    // elisions (l'homme, dell'anno) expose their article.
    m.stop_words = stop_words(lang)
        .map(|set| lower.split(|c: char| !c.is_alphabetic()).filter(|t| !t.is_empty() && set.contains(t)).count());
    m.lorem_ipsum = lower.contains("lorem ipsum");
    m.curly_brace = text.contains('{') || text.contains('}');
    let lower_lines: Vec<&str> = lower.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    m.javascript_lines = share(lower_lines.iter().filter(|l| l.contains("javascript")).count(), nl);
    m.policy_lines = share(lower_lines.iter().filter(|l| POLICY.iter().any(|p| l.contains(p))).count(), nl);

    // Word n-grams, hashed: the words' hashes combined in order.
    let hashes: Vec<u64> = words.iter().map(|w| xxh3_64(w.as_bytes())).collect();
    let gram = |i: usize, n: usize| {
        hashes[i..i + n].iter().fold(n as u64, |h, &x| h.rotate_left(17) ^ x.wrapping_mul(0x9E37_79B9_7F4A_7C15))
    };
    let text_chars = text.chars().count();
    for (k, n) in (2..=4).enumerate() {
        if words.len() < n || word_chars == 0 {
            continue;
        }
        let mut counts = KeyMap::<(usize, usize)>::with_capacity_and_hasher(words.len(), Default::default());
        for i in 0..=words.len() - n {
            let e = counts.entry(gram(i, n)).or_insert((0, lens[i..i + n].iter().sum()));
            e.0 += 1;
        }
        let top = counts.values().filter(|(c, _)| *c > 1).map(|(c, l)| c * l).max().unwrap_or(0);
        m.top_ngram_chars[k] = share(top, text_chars).min(1.0);
    }
    for (k, n) in (5..=10).enumerate() {
        if words.len() < n || word_chars == 0 {
            continue;
        }
        let mut seen = KeySet::with_capacity_and_hasher(words.len(), Default::default());
        let (mut dup, mut i) = (0usize, 0usize);
        while i + n <= words.len() {
            if seen.insert(gram(i, n)) {
                i += 1;
            } else {
                dup += lens[i..i + n].iter().sum::<usize>();
                i += n;
            }
        }
        m.dup_ngram_chars[k] = share(dup, text_chars);
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_on_a_small_text() {
        let m = measure("Das ist ein Satz.\n\n- Punkt eins\n- Punkt zwei …\n\nDas ist ein Satz.", "de");
        assert_eq!(m.words, 12);
        assert!((m.bullet_lines - 0.5).abs() < 1e-9);
        assert!((m.ellipsis_lines - 0.25).abs() < 1e-9);
        assert!((m.punct_lines - 0.75).abs() < 1e-9, "{}", m.punct_lines);
        assert!((m.dup_lines - 0.25).abs() < 1e-9);
        assert!((m.dup_paragraphs - 1.0 / 3.0).abs() < 1e-9);
        assert!((m.symbol_word_ratio - 1.0 / 12.0).abs() < 1e-9);
        assert!((m.alpha_words - 1.0).abs() < 1e-9);
        assert!(!m.lorem_ipsum && !m.curly_brace);
        assert_eq!(m.stop_words, Some(6), "das, ist, ein, twice each");
    }

    #[test]
    fn stop_words_of_the_document_language() {
        assert_eq!(
            measure("L'homme et la femme de l'année", "fr").stop_words,
            Some(3),
            "et, la, de; the elided l is not listed"
        );
        assert_eq!(
            measure("dell'anno e della città", "it").stop_words,
            Some(3),
            "dell, e, della: the elision splits off"
        );
        assert_eq!(measure("ΤΗΣ ΧΩΡΑΣ ΚΑΙ ΤΟΥ ΚΟΣΜΟΥ", "el").stop_words, Some(3), "final sigma lowercases to ς");
        assert_eq!(measure("the cat sat with the hat", "en").stop_words, Some(3));
        assert_eq!(measure("the cat sat with the hat", "zz").stop_words, None);
        let langs = stop_word_languages();
        for l in ["bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv", "mt"]
        {
            assert!(langs.contains(&l), "{l}");
        }
        for l in [
            "nl", "pl", "pt", "ro", "sk", "sl", "sv", "no", "is", "ca", "eu", "gl", "uk", "sr", "bs", "mk", "sq", "tr",
            "ru",
        ] {
            assert!(langs.contains(&l), "{l}");
        }
        assert!(langs.iter().all(|l| stop_words(l).is_some_and(|s| s.len() >= 8)), "every list has ≥ 8 words");
    }

    #[test]
    fn ngram_repetition() {
        // "alpha beta " ten times: 110 characters. The top 2-gram is
        // "alpha beta" (9 characters without the space) ten times: 90/110.
        // Overlapping 3- and 4-grams would count past the text's length;
        // shares stop at 1.
        let m = measure(&"alpha beta ".repeat(10), "");
        assert!((m.top_ngram_chars[0] - 90.0 / 110.0).abs() < 1e-9, "{:?}", m.top_ngram_chars);
        assert_eq!(m.top_ngram_chars[1..], [1.0, 1.0]);
        // 5-grams, as datatrove counts them: new at words 0 and 1, then
        // repeats at words 2, 7 and 12 (the scan jumps past each), of
        // 23 + 22 + 23 characters.
        assert!((m.dup_ngram_chars[0] - 68.0 / 110.0).abs() < 1e-9, "{:?}", m.dup_ngram_chars);
        let m = measure("one two three four five six seven eight nine ten eleven twelve", "");
        assert_eq!(m.top_ngram_chars, [0.0; 3]);
        assert_eq!(m.dup_ngram_chars, [0.0; 6]);
    }

    #[test]
    fn every_script_is_measured_in_characters() {
        let m = measure("Καλημέρα κόσμε", "el");
        assert_eq!(m.words, 2);
        assert!((m.mean_word_length - 6.5).abs() < 1e-9);
        let m = measure("Accept cookies? This site uses cookies.\nfunction() { return 1; }\nLorem ipsum dolor", "en");
        assert!(m.lorem_ipsum && m.curly_brace);
        assert!((m.policy_lines - 1.0 / 3.0).abs() < 1e-9);
    }
}
