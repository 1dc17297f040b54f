//! Words for the lexicon-based detectors (PERSON, ADDRESS, SENSITIVE): a
//! scanner of the words of a text, and the folded form under which words
//! and lexicon entries are compared.
//!
//! Folding lowercases and removes diacritics (`Müller` → `muller`, `Wałęsa`
//! → `walesa`, `Ελένη` → `ελενη`, with final `ς` as `σ`), so lexicons written
//! without accents (Spain's statistics spell `GARCIA`) still match, and an
//! inflection rule needs no variant per accent. Names from the Greek and
//! Bulgarian statistics are romanised; a word in those scripts is compared
//! through its Latin key ([`latin_key_of_greek`], [`translit_cyrillic`]).

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// The entries of a `LANG<TAB>KIND<TAB>WORD` lexicon (`person_cues.tsv`,
/// `address_words.tsv`): `(kind, folded word)`, comments and blanks skipped.
pub(crate) fn lexicon_entries(src: &'static str) -> impl Iterator<Item = (&'static str, String)> {
    src.lines().filter(|l| !l.starts_with('#')).filter_map(|line| {
        let mut f = line.split('\t');
        let (_lang, kind, word) = (f.next()?, f.next()?, f.next()?);
        let w = fold(word.trim());
        (!w.is_empty()).then_some((kind, w))
    })
}

/// One word: its byte range, and whether it starts with a capital letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word {
    pub start: usize,
    pub end: usize,
    pub cap: bool,
}

/// Whether `c` is a letter, with the Latin, Greek and Cyrillic letters of
/// the EU's languages decided without the Unicode table lookup.
fn is_letter(c: char) -> bool {
    match c as u32 {
        0xC0..=0x24F => c != '×' && c != '÷',
        0x388..=0x3FF => c != '΋' && c != '΍',
        0x400..=0x481 | 0x48A..=0x52F => true,
        _ => c.is_alphabetic(),
    }
}

/// Whether `c` continues a word after a letter: a letter or a combining mark.
fn word_char(c: char) -> bool {
    is_letter(c) || is_combining_mark(c)
}

/// The next word at or after byte `from`: letters, with single inner
/// hyphens and apostrophes (`Müller-Lüdenscheidt`, `O'Brien`, `D’Angelo`,
/// `il-Kbira`). Digits end a word.
pub(crate) fn next_word(text: &str, from: usize) -> Option<Word> {
    let b = text.as_bytes();
    let mut i = from;
    // Skip to a letter; ASCII non-letters fast.
    let start = loop {
        if i >= b.len() {
            return None;
        }
        if b[i] < 0x80 {
            if b[i].is_ascii_alphabetic() {
                break i;
            }
            i += 1;
            continue;
        }
        let c = text[i..].chars().next()?;
        if is_letter(c) {
            break i;
        }
        i += c.len_utf8();
    };
    let first = text[start..].chars().next()?;
    let cap = first.is_uppercase();
    let mut end = start + first.len_utf8();
    loop {
        if end >= b.len() {
            break;
        }
        if b[end].is_ascii_alphabetic() {
            end += 1;
            continue;
        }
        let Some(c) = text[end..].chars().next() else { break };
        if word_char(c) {
            end += c.len_utf8();
            continue;
        }
        if matches!(c, '-' | '\'' | '’') {
            let after = end + c.len_utf8();
            if text[after..].chars().next().is_some_and(is_letter) {
                end = after;
                continue;
            }
        }
        break;
    }
    Some(Word { start, end, cap })
}

/// Letters that carry no combining mark to remove but are compared as
/// their base letters.
fn special(c: char) -> Option<&'static str> {
    Some(match c {
        'ł' => "l",
        'ø' => "o",
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        'đ' => "d",
        'ħ' => "h",
        'ı' => "i",
        'þ' => "th",
        'ð' => "d",
        'ς' => "σ",
        '’' => "'",
        '\u{a0}' | '\u{202f}' => " ",
        _ => return None,
    })
}

/// Appends the folded form of `word` to `out`.
pub(crate) fn fold_into(word: &str, out: &mut String) {
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for l in c.to_lowercase() {
            if let Some(s) = special(l) {
                out.push_str(s);
                continue;
            }
            decompose_canonical(l, |d| {
                if !is_combining_mark(d) {
                    out.push(d);
                }
            });
        }
    }
}

/// The folded form of `word`.
pub(crate) fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    fold_into(word, &mut s);
    s
}

/// Whether `s` (folded) is written in the Greek script.
pub(crate) fn is_greek(s: &str) -> bool {
    s.chars().next().is_some_and(|c| ('\u{370}'..='\u{3ff}').contains(&c) || ('\u{1f00}'..='\u{1fff}').contains(&c))
}

/// Whether `s` is written in the Cyrillic script.
pub(crate) fn is_cyrillic(s: &str) -> bool {
    s.chars().next().is_some_and(|c| ('\u{400}'..='\u{4ff}').contains(&c))
}

/// Bulgarian's official romanisation (the Streamlined System, as in
/// passports) of a lowercase Cyrillic word (not folded: folding would turn
/// `й` into `и`), appended to `out`; other characters are copied.
pub(crate) fn translit_cyrillic(word: &str, out: &mut String) {
    for c in word.chars() {
        out.push_str(match c {
            'а' | 'ъ' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "g",
            'д' => "d",
            'е' | 'э' => "e",
            'ж' => "zh",
            'з' => "z",
            'и' | 'і' => "i",
            'й' | 'ь' => "y",
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ф' => "f",
            'х' => "h",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "sht",
            'ю' => "yu",
            'я' => "ya",
            _ => {
                out.push(c);
                continue;
            }
        });
    }
}

/// A key under which a Greek word and its romanisations agree: folded
/// Greek (no accents, `ς` as `σ`) is spelled as it sounds, and vowels and
/// clusters that romanisations write differently get one spelling (`η`,
/// `ι`, `υ`, `ει`, `οι` are all `i`; `ω` and `ο` are `o`; `μπ` is `b`).
/// `Γιώργος` and `Giorgos`, `Παπαδόπουλος` and `Papadopoulos`,
/// `Κωνσταντίνος` and `Konstantinos` have the same key.
pub(crate) fn latin_key_of_greek(folded: &str, out: &mut String) {
    let c: Vec<char> = folded.chars().collect();
    let mut i = 0;
    while i < c.len() {
        let next = c.get(i + 1).copied();
        let (s, n) = match (c[i], next) {
            ('ο', Some('υ')) => ("u", 2),
            ('α', Some('ι')) => ("e", 2),
            ('ε', Some('ι')) | ('ο', Some('ι')) | ('υ', Some('ι')) => ("i", 2),
            ('α', Some('υ')) => ("av", 2),
            ('ε', Some('υ')) => ("ev", 2),
            ('μ', Some('π')) => ("b", 2),
            ('ν', Some('τ')) => ("d", 2),
            ('γ', Some('κ')) => ("g", 2),
            ('γ', Some('γ')) => ("ng", 2),
            ('α', _) => ("a", 1),
            ('β', _) => ("v", 1),
            ('γ', _) => ("g", 1),
            ('δ', _) => ("d", 1),
            ('ε', _) => ("e", 1),
            ('ζ', _) => ("z", 1),
            ('η', _) | ('ι', _) | ('υ', _) => ("i", 1),
            ('θ', _) => ("th", 1),
            ('κ', _) => ("k", 1),
            ('λ', _) => ("l", 1),
            ('μ', _) => ("m", 1),
            ('ν', _) => ("n", 1),
            ('ξ', _) => ("x", 1),
            ('ο', _) | ('ω', _) => ("o", 1),
            ('π', _) => ("p", 1),
            ('ρ', _) => ("r", 1),
            ('σ', _) => ("s", 1),
            ('τ', _) => ("t", 1),
            ('φ', _) => ("f", 1),
            ('χ', _) => ("h", 1),
            ('ψ', _) => ("ps", 1),
            (other, _) => {
                out.push(other);
                i += 1;
                continue;
            }
        };
        out.push_str(s);
        i += n;
    }
}

/// The same key for a romanised (folded Latin) Greek name.
pub(crate) fn latin_key_of_roman(folded: &str, out: &mut String) {
    let c = folded.as_bytes();
    let mut i = 0;
    while i < c.len() {
        let pair = (c[i], c.get(i + 1).copied());
        let (s, n): (&str, usize) = match pair {
            (b'o', Some(b'u')) => ("u", 2),
            (b'a', Some(b'i')) => ("e", 2),
            (b'e', Some(b'i')) | (b'o', Some(b'i')) => ("i", 2),
            (b'p', Some(b'h')) => ("f", 2),
            (b'c', Some(b'h')) | (b'k', Some(b'h')) => ("h", 2),
            (b'm', Some(b'p')) => ("b", 2),
            (b'n', Some(b't')) => ("d", 2),
            (b'g', Some(b'k')) => ("g", 2),
            (b'g', Some(b'g')) => ("ng", 2),
            (b'k', Some(b's')) => ("x", 2),
            (b'y', _) => ("i", 1),
            (b'c', _) => ("k", 1),
            (b'w', _) => ("o", 1),
            (b'j', _) => ("i", 1),
            (b'u', _) => ("u", 1),
            _ => {
                // Multi-byte characters are copied whole.
                let ch = folded[i..].chars().next().unwrap_or(' ');
                out.push(ch);
                i += ch.len_utf8();
                continue;
            }
        };
        out.push_str(s);
        i += n;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<(&str, bool)> {
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(w) = next_word(t, from) {
            out.push((&t[w.start..w.end], w.cap));
            from = w.end;
        }
        out
    }

    #[test]
    fn words_keep_inner_hyphens_and_apostrophes() {
        assert_eq!(
            words("Frau Müller-Lüdenscheidt, O'Brien's 12 il-Kbira - x"),
            vec![("Frau", true), ("Müller-Lüdenscheidt", true), ("O'Brien's", true), ("il-Kbira", false), ("x", false)]
        );
        assert_eq!(words("Ελένη Παπαδοπούλου"), vec![("Ελένη", true), ("Παπαδοπούλου", true)]);
        assert!(words("12 -- 34").is_empty());
    }

    #[test]
    fn folding_removes_case_and_diacritics() {
        assert_eq!(fold("Müller"), "muller");
        assert_eq!(fold("WAŁĘSA"), "walesa");
        assert_eq!(fold("Ørsted"), "orsted");
        assert_eq!(fold("Γιώργος"), "γιωργοσ");
        assert_eq!(fold("Ħaġar"), "hagar");
        assert_eq!(fold("Straße"), "strasse");
    }

    #[test]
    fn greek_words_and_their_romanisations_share_a_key() {
        let key_g = |w: &str| {
            let mut s = String::new();
            latin_key_of_greek(&fold(w), &mut s);
            s
        };
        let key_r = |w: &str| {
            let mut s = String::new();
            latin_key_of_roman(&fold(w), &mut s);
            s
        };
        for (g, r) in [
            ("Γιώργος", "Giorgos"),
            ("Γεώργιος", "Georgios"),
            ("Παπαδόπουλος", "Papadopoulos"),
            ("Κωνσταντίνος", "Konstantinos"),
            ("Δημήτρης", "Dimitris"),
            ("Χρήστος", "Christos"),
            ("Θεόδωρος", "Theodoros"),
            ("Ελένη", "Eleni"),
            ("Αικατερίνη", "Aikaterini"),
            ("Ευάγγελος", "Evangelos"),
        ] {
            assert_eq!(key_g(g), key_r(r), "{g} / {r}");
        }
    }

    #[test]
    fn bulgarian_romanisation() {
        let mut s = String::new();
        translit_cyrillic(&"Димитър".to_lowercase(), &mut s);
        assert_eq!(s, "dimitar");
        s.clear();
        translit_cyrillic(&"Йорданова".to_lowercase(), &mut s);
        assert_eq!(s, "yordanova");
        s.clear();
        translit_cyrillic(&"Щерева".to_lowercase(), &mut s);
        assert_eq!(s, "shtereva");
    }
}
