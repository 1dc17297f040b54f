//! The pre-tokenizer split patterns of byte-level BPE tokenizers, as
//! hand-written scanners.
//!
//! `tokenizers` runs these patterns with Oniguruma, a backtracking engine,
//! and that is most of its time. Each pattern below is a fixed alternation
//! whose backtracking behaviour can be written down exactly (see the comments
//! on each branch); the scanners reproduce it in one forward pass over the
//! text. Identity with Oniguruma is tested exhaustively on every Unicode
//! scalar value and on the dev corpora, not assumed.

use std::sync::OnceLock;

/// GPT-2's pattern: `ByteLevel` with `use_regex = true` (GPT-2, RoBERTa,
/// tokenizers made by `train-tokenizer`).
pub const GPT2: &str = r"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";
/// cl100k's pattern, as Llama 3 declares it in a `Split` pre-tokenizer.
pub const CL100K: &str = r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";
/// Qwen 2 / Qwen 3's pattern: cl100k's with single digits.
pub const QWEN2: &str =
    r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

/// A split pattern the fast path implements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pattern {
    /// [`GPT2`].
    Gpt2,
    /// [`CL100K`] (`max_digits = 3`) or [`QWEN2`] (`max_digits = 1`).
    Cl100k {
        /// Longest run of digits in one piece.
        max_digits: usize,
    },
    /// No pre-tokenizer (SentencePiece-style BPE): pieces start at each `▁`
    /// that follows another character, a boundary no token crosses (checked
    /// when the model is loaded).
    Metaspace,
}

impl Pattern {
    /// The pattern whose regex is exactly `regex`, if the fast path has it.
    pub fn from_regex(regex: &str) -> Option<Pattern> {
        match regex {
            GPT2 => Some(Pattern::Gpt2),
            CL100K => Some(Pattern::Cl100k { max_digits: 3 }),
            QWEN2 => Some(Pattern::Cl100k { max_digits: 1 }),
            _ => None,
        }
    }

    /// Calls `piece` with every piece of `text`, in order; the pieces cover
    /// the text exactly.
    pub fn split(self, text: &str, mut piece: impl FnMut(&str)) {
        if self == Pattern::Metaspace {
            return split_metaspace(text, piece);
        }
        let classes = classes();
        let s = Scan { text, classes };
        let mut i = 0;
        while i < text.len() {
            let end = match self {
                Pattern::Gpt2 => s.gpt2(i),
                Pattern::Cl100k { max_digits } => s.cl100k(i, max_digits),
                Pattern::Metaspace => text.len(),
            };
            debug_assert!(end > i);
            piece(&text[i..end]);
            i = end;
        }
    }
}

fn split_metaspace(text: &str, mut piece: impl FnMut(&str)) {
    const MARK: &[u8] = "\u{2581}".as_bytes();
    let bytes = text.as_bytes();
    let mut start = 0;
    for at in memchr::memmem::find_iter(bytes, MARK) {
        if at > start && !bytes[..at].ends_with(MARK) {
            piece(&text[start..at]);
            start = at;
        }
    }
    if start < text.len() {
        piece(&text[start..]);
    }
}

/// Class bits of a character.
const LETTER: u8 = 1; // \p{L}
const NUMBER: u8 = 2; // \p{N}
const SPACE: u8 = 4; // \s

/// Character classes as Oniguruma (through `regex-syntax`'s Unicode tables)
/// sees them: a table for the Basic Multilingual Plane, ranges above it.
struct Classes {
    bmp: Box<[u8]>,
    astral: Vec<(u32, u32, u8)>,
}

fn classes() -> &'static Classes {
    static CLASSES: OnceLock<Classes> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let mut bmp = vec![0u8; 0x10000].into_boxed_slice();
        let mut astral = Vec::new();
        for (pattern, bit) in [(r"\p{L}", LETTER), (r"\p{N}", NUMBER), (r"\s", SPACE)] {
            for (lo, hi) in unicode_ranges(pattern) {
                for c in lo..=hi.min(0xFFFF) {
                    bmp[c as usize] |= bit;
                }
                if hi > 0xFFFF {
                    astral.push((lo.max(0x10000), hi, bit));
                }
            }
        }
        astral.sort_unstable();
        Classes { bmp, astral }
    })
}

/// The code point ranges of a Unicode class such as `\p{L}`.
fn unicode_ranges(pattern: &str) -> Vec<(u32, u32)> {
    use regex_syntax::hir::{Class, HirKind};
    let hir = regex_syntax::Parser::new().parse(pattern).expect("a valid class");
    match hir.kind() {
        HirKind::Class(Class::Unicode(c)) => c.ranges().iter().map(|r| (r.start() as u32, r.end() as u32)).collect(),
        other => unreachable!("{pattern} is a class, not {other:?}"),
    }
}

impl Classes {
    #[inline]
    fn of(&self, c: char) -> u8 {
        let c = c as u32;
        if c < 0x10000 {
            self.bmp[c as usize]
        } else {
            // Astral letters and digits are rare: a short linear walk of the
            // ranges that start at or below `c`.
            let end = self.astral.partition_point(|r| r.0 <= c);
            self.astral[..end].iter().filter(|r| c <= r.1).fold(0, |k, r| k | r.2)
        }
    }
}

/// One scan over one text.
struct Scan<'a> {
    text: &'a str,
    classes: &'a Classes,
}

/// "Punctuation": neither whitespace, letter nor number (`[^\s\p{L}\p{N}]`).
#[inline]
fn is_other(k: u8) -> bool {
    k == 0
}

impl Scan<'_> {
    /// The character at byte `i` and the byte after it, if any.
    #[inline]
    fn at(&self, i: usize) -> Option<(char, usize)> {
        let b = *self.text.as_bytes().get(i)?;
        if b < 0x80 {
            return Some((b as char, i + 1));
        }
        let c = self.text[i..].chars().next()?;
        Some((c, i + c.len_utf8()))
    }

    #[inline]
    fn class(&self, c: char) -> u8 {
        if c.is_ascii() {
            ASCII[c as usize]
        } else {
            self.classes.of(c)
        }
    }

    /// The end of the run of characters from `i` whose class satisfies `keep`.
    #[inline]
    fn run(&self, mut i: usize, keep: impl Fn(u8) -> bool) -> usize {
        while let Some((c, j)) = self.at(i) {
            if !keep(self.class(c)) {
                break;
            }
            i = j;
        }
        i
    }

    /// The end of a run of `\r` and `\n` from `i`.
    fn newlines(&self, i: usize) -> usize {
        i + self.text.as_bytes()[i..].iter().take_while(|&&b| b == b'\r' || b == b'\n').count()
    }

    /// `'s|'t|'re|'ve|'m|'ll|'d` after the apostrophe ending at `j`;
    /// `fold`: `(?i:…)`, where Unicode simple case folding also lets the long
    /// s `ſ` match `s`.
    fn contraction(&self, j: usize, fold: bool) -> Option<usize> {
        let (c, k) = self.at(j)?;
        let c = if fold { fold_ascii(c) } else { c };
        match c {
            's' | 't' | 'm' | 'd' => Some(k),
            'r' | 'v' | 'l' => {
                let want = if c == 'l' { 'l' } else { 'e' };
                let (c2, k2) = self.at(k)?;
                ((if fold { fold_ascii(c2) } else { c2 }) == want).then_some(k2)
            }
            _ => None,
        }
    }

    /// `\s+(?!\S)|\s+` (and, when `newline_branch`, `\s*[\r\n]+` before
    /// them) at `i`, where `i` starts a run of whitespace ending at `end`.
    fn whitespace(&self, i: usize, first_end: usize, newline_branch: bool) -> usize {
        let end = self.run(i, |k| k & SPACE != 0);
        if newline_branch {
            // `\s*` backtracks from the end of the run to its last newline,
            // which `[\r\n]+` then takes.
            if let Some(p) = self.text.as_bytes()[i..end].iter().rposition(|&b| b == b'\r' || b == b'\n') {
                return i + p + 1;
            }
        }
        if end == self.text.len() {
            return end;
        }
        // `\s+(?!\S)` gives back the run's last character (the one before a
        // non-space); with a single character it fails and `\s+` takes it.
        let last = self.text[..end].chars().next_back().map_or(end, |c| end - c.len_utf8());
        if last > i {
            last
        } else {
            first_end
        }
    }

    /// One piece of [`GPT2`] from `i`.
    fn gpt2(&self, i: usize) -> usize {
        let Some((c, j)) = self.at(i) else { return i };
        if c == '\'' {
            if let Some(e) = self.contraction(j, false) {
                return e;
            }
        }
        // ` ?\p{L}+`, ` ?\p{N}+`, ` ?[^\s\p{L}\p{N}]+`: an optional space,
        // then a run of one class.
        let (start, k) = match self.at(j) {
            Some((c2, _)) if c == ' ' && self.class(c2) & SPACE == 0 => (j, self.class(c2)),
            _ => (i, self.class(c)),
        };
        if k & LETTER != 0 {
            return self.run(start, |k| k & LETTER != 0);
        }
        if k & NUMBER != 0 {
            return self.run(start, |k| k & NUMBER != 0);
        }
        if is_other(k) {
            return self.run(start, is_other);
        }
        self.whitespace(i, j, false)
    }

    /// One piece of [`CL100K`]/[`QWEN2`] from `i`.
    fn cl100k(&self, i: usize, max_digits: usize) -> usize {
        let Some((c, j)) = self.at(i) else { return i };
        if c == '\'' {
            if let Some(e) = self.contraction(j, true) {
                return e;
            }
        }
        let k = self.class(c);
        // `[^\r\n\p{L}\p{N}]?\p{L}+`
        if k & LETTER != 0 {
            return self.run(j, |k| k & LETTER != 0);
        }
        if c != '\r' && c != '\n' && k & NUMBER == 0 {
            if let Some((c2, j2)) = self.at(j) {
                if self.class(c2) & LETTER != 0 {
                    return self.run(j2, |k| k & LETTER != 0);
                }
            }
        }
        // `\p{N}{1,3}` or `\p{N}`
        if k & NUMBER != 0 {
            let mut end = j;
            for _ in 1..max_digits {
                match self.at(end) {
                    Some((c2, e)) if self.class(c2) & NUMBER != 0 => end = e,
                    _ => break,
                }
            }
            return end;
        }
        // ` ?[^\s\p{L}\p{N}]+[\r\n]*`
        let start = match self.at(j) {
            Some((c2, _)) if c == ' ' && is_other(self.class(c2)) => Some(j),
            _ if is_other(k) => Some(i),
            _ => None,
        };
        if let Some(start) = start {
            return self.newlines(self.run(start, is_other));
        }
        self.whitespace(i, j, true)
    }
}

/// ASCII classes (the hot path), the same bits as [`Classes`].
static ASCII: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = if b.is_ascii_alphabetic() {
            LETTER
        } else if b.is_ascii_digit() {
            NUMBER
        } else if matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
            SPACE
        } else {
            0
        };
        c += 1;
    }
    t
};

/// Simple case folding onto the ASCII letters of the contractions.
fn fold_ascii(c: char) -> char {
    match c {
        'ſ' => 's',
        _ => c.to_ascii_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(p: Pattern, text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut at = 0;
        p.split(text, |s| {
            out.push(&text[at..at + s.len()]);
            at += s.len();
        });
        out
    }

    #[test]
    fn qwen_pieces_follow_the_regex_branches() {
        let q = Pattern::Cl100k { max_digits: 1 };
        assert_eq!(
            pieces(q, "Hello  world's 2024!\n\n  Grüße\t(ok)"),
            ["Hello", " ", " world", "'s", " ", "2", "0", "2", "4", "!\n\n", " ", " Grüße", "\t", "(ok", ")"]
        );
        assert_eq!(pieces(q, "a  \n b   "), ["a", "  \n", " b", "   "]);
        assert_eq!(pieces(Pattern::Cl100k { max_digits: 3 }, "12345 x"), ["123", "45", " x"]);
    }

    #[test]
    fn gpt2_pieces_follow_the_regex_branches() {
        assert_eq!(
            pieces(Pattern::Gpt2, "I'll pay 100€ now!!  ok\n"),
            ["I", "'ll", " pay", " 100", "€", " now", "!!", " ", " ok", "\n"]
        );
    }

    #[test]
    fn metaspace_pieces_start_at_each_word_mark() {
        assert_eq!(pieces(Pattern::Metaspace, "▁Hello▁▁world▁,▁"), ["▁Hello", "▁▁world", "▁,", "▁"]);
        assert_eq!(pieces(Pattern::Metaspace, "ab"), ["ab"]);
    }

    #[test]
    fn unknown_patterns_are_not_claimed() {
        assert_eq!(Pattern::from_regex(QWEN2), Some(Pattern::Cl100k { max_digits: 1 }));
        assert_eq!(Pattern::from_regex(r"\s+|\w+"), None);
    }

    /// Every assigned Unicode scalar value, in contexts that exercise each branch of
    /// the patterns (after a space and an apostrophe, before a letter and a
    /// digit, in runs, around newlines), split by Oniguruma (what
    /// `tokenizers` runs) and by the scanners: the pieces must be the same.
    #[test]
    fn every_code_point_splits_as_oniguruma_does() {
        // Planes 0-3 and 14 hold every assigned character; of the empty
        // planes 4-13 and the private-use planes 15-16, a sample.
        let chars: Vec<char> = (0..=0x10FFFFu32)
            .filter(|&c| c < 0x40000 || (0xE0000..0xF0000).contains(&c) || c % 997 == 0)
            .filter_map(char::from_u32)
            .collect();
        for (regex, pattern) in [
            (GPT2, Pattern::Gpt2),
            (CL100K, Pattern::Cl100k { max_digits: 3 }),
            (QWEN2, Pattern::Cl100k { max_digits: 1 }),
        ] {
            let onig = tokenizers::utils::SysRegex::new(regex).unwrap();
            for block in chars.chunks(4096) {
                let mut text = String::new();
                for &c in block {
                    text.extend([c, 'a', ' ', c, c, '1', '\'', c, '\n', ' ', c, ' ', ' ', '7', c, '\r', '.', c]);
                    text.extend([' ', '\'', c, 'é', '\u{a0}', c, 'x', '2', '2', '2', '2', c, '\t', '\n']);
                }
                let mut want = Vec::new();
                let mut at = 0;
                for (start, end) in onig.find_iter(&text) {
                    if start > at {
                        want.push((at, start));
                    }
                    want.push((start, end));
                    at = end;
                }
                if at < text.len() {
                    want.push((at, text.len()));
                }
                let mut got = Vec::new();
                let mut at = 0;
                pattern.split(&text, |p| {
                    got.push((at, at + p.len()));
                    at += p.len();
                });
                if got != want {
                    let i = got.iter().zip(&want).position(|(g, w)| g != w).unwrap_or(got.len().min(want.len()));
                    let show = |v: &[(usize, usize)]| {
                        v[i.saturating_sub(2)..(i + 3).min(v.len())]
                            .iter()
                            .map(|&(a, b)| text[a..b].escape_unicode().to_string())
                            .collect::<Vec<_>>()
                    };
                    panic!(
                        "{pattern:?}, block from U+{:04X}: got {:?}, want {:?}",
                        block[0] as u32,
                        show(&got),
                        show(&want)
                    );
                }
            }
        }
    }
}
