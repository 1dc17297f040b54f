//! Numeric sequences: the candidates of every number-shaped identifier.
//!
//! A sequence is a run of *words* (ASCII letters and decimal digits of any
//! script, the latter read as ASCII) joined by short *joiners* (one to three
//! of: a space-like character, `-`, `.`, `/`, `(`, `)`), that contains a
//! digit. `DE89 3704 0044`, `+49 (0)30 123-45`, `85.07.30-033.28` and
//! `RSSMRA85T10A562S` are sequences. Detectors pick sub-spans of whole words
//! from a sequence, so a match never starts or ends inside a longer digit run.
//!
//! The scan looks at every byte once and decodes only non-ASCII characters
//! whose lead byte can start a decimal digit, so prose costs little.

/// First code points of the Unicode decimal-digit blocks (category Nd,
/// Unicode 14), each followed by the digits one to nine.
const ND_ZEROS: [u32; 65] = [
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50, 0xED0, 0xF20,
    0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0,
    0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0,
    0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// The value of a decimal digit of any script (`'٣'` → 3, `'３'` → 3).
pub fn digit_value(c: char) -> Option<u8> {
    if c.is_ascii_digit() {
        return Some(c as u8 - b'0');
    }
    let cp = c as u32;
    if cp < 0x660 {
        return None;
    }
    let i = ND_ZEROS.partition_point(|&z| z <= cp);
    let zero = ND_ZEROS[i.checked_sub(1)?];
    (cp - zero < 10).then(|| (cp - zero) as u8)
}

/// Whether a non-ASCII lead byte can start a decimal digit: two-byte digits
/// live only behind `D9`, `DB` and `DF`; three- and four-byte ones anywhere.
fn lead_may_be_digit(b: u8) -> bool {
    matches!(b, 0xD9 | 0xDB | 0xDF) || b >= 0xE0
}

/// Bit `k` of the result is set when byte `k` of `chunk` is in one of the
/// inclusive `ranges`. SSE2 (part of every x86-64) compares the sixteen
/// bytes at once; elsewhere a plain loop.
#[inline(always)]
fn mask16(chunk: &[u8; 16], ranges: &[(u8, u8)]) -> u32 {
    #[cfg(target_arch = "x86_64")]
    #[allow(unused_unsafe)]
    // SAFETY: SSE2 is in the x86-64 baseline; the load reads exactly the 16
    // bytes of `chunk` (unaligned loads allowed).
    unsafe {
        use std::arch::x86_64::*;
        let v = _mm_loadu_si128(chunk.as_ptr().cast());
        let mut any = _mm_setzero_si128();
        for &(lo, hi) in ranges {
            // `v - lo <= hi - lo` unsigned: `min(t, hi - lo) == t`.
            let t = _mm_sub_epi8(v, _mm_set1_epi8(lo as i8));
            let inside = _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(hi.wrapping_sub(lo) as i8)), t);
            any = _mm_or_si128(any, inside);
        }
        _mm_movemask_epi8(any) as u32
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let mut m = 0;
        for (k, &x) in chunk.iter().enumerate() {
            if in_ranges(x, ranges) {
                m |= 1 << k;
            }
        }
        m
    }
}

/// Whether `x` is in one of the inclusive `ranges`.
#[inline(always)]
fn in_ranges(x: u8, ranges: &[(u8, u8)]) -> bool {
    ranges.iter().any(|&(lo, hi)| (lo..=hi).contains(&x))
}

/// The first position at or after `i` whose byte is in one of `ranges`,
/// 32 bytes at a time: most blocks of prose hold none.
#[inline(always)]
fn first_in(b: &[u8], mut i: usize, ranges: &[(u8, u8)]) -> Option<usize> {
    while i + 32 <= b.len() {
        let lo: &[u8; 16] = b[i..i + 16].try_into().expect("16 bytes");
        let hi: &[u8; 16] = b[i + 16..i + 32].try_into().expect("16 bytes");
        let m = mask16(lo, ranges) | mask16(hi, ranges) << 16;
        if m != 0 {
            return Some(i + m.trailing_zeros() as usize);
        }
        i += 32;
    }
    b.get(i..)?.iter().position(|&x| in_ranges(x, ranges)).map(|k| i + k)
}

/// The first ASCII digit at or after `i`.
pub(crate) fn next_ascii_digit(b: &[u8], i: usize) -> Option<usize> {
    first_in(b, i, &[(b'0', b'9')])
}

/// The first byte at or after `i` (or the end) that may start a digit: a
/// byte in 0x30..=0x3F (the ASCII digits among them) or a lead byte of
/// 0xD9 or above (a superset of [`lead_may_be_digit`]). Most text has no
/// digit for hundreds of bytes; this passes it 32 bytes at a time. Such a
/// byte is never a continuation byte, so the position is a character
/// boundary.
fn next_maybe_digit(b: &[u8], i: usize) -> usize {
    first_in(b, i, &[(0x30, 0x3F), (0xD9, 0xFF)]).unwrap_or(b.len())
}

/// Space-like characters that may group a number (`1234 5678`): the space
/// and the no-break, narrow no-break, thin and figure spaces. Tabs and line
/// breaks end a sequence.
pub fn is_space_like(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}')
}

fn is_joiner_char(c: char) -> bool {
    is_space_like(c) || matches!(c, '-' | '.' | '/' | '(' | ')')
}

/// A word char, with its ASCII form: letters as themselves, digits of any
/// script as ASCII digits.
fn word_char(c: char) -> Option<u8> {
    if c.is_ascii_alphanumeric() {
        Some(c as u8)
    } else {
        digit_value(c).map(|d| b'0' + d)
    }
}

/// One word of a sequence.
#[derive(Debug, Clone, Copy, Default)]
pub struct Word {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    /// Range of its ASCII form in [`Seq::ascii`].
    pub a0: usize,
    pub a1: usize,
    /// Number of digits and of letters.
    pub digits: u8,
    pub letters: u8,
    /// All its letters are upper case.
    pub upper: bool,
}

impl Word {
    pub fn len(&self) -> usize {
        self.a1 - self.a0
    }
    pub fn all_digits(&self) -> bool {
        self.letters == 0
    }
}

/// The characters between two words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Joiner {
    pub start: usize,
    pub end: usize,
    /// Number of space-like characters, dashes, dots, slashes, parentheses.
    pub spaces: u8,
    pub dashes: u8,
    pub dots: u8,
    pub slashes: u8,
    pub parens: u8,
}

impl Joiner {
    /// The joiner is a single character.
    pub fn single(&self) -> bool {
        self.spaces + self.dashes + self.dots + self.slashes + self.parens == 1
    }
    /// The joiner is one space-like character.
    pub fn is_space(&self) -> bool {
        self.single() && self.spaces == 1
    }
    /// The joiner is one character that `separators` allows (a space in
    /// `separators` standing for every space-like character).
    pub fn single_in(&self, text: &str, separators: &str) -> bool {
        if !self.single() {
            return false;
        }
        let c = text[self.start..self.end].chars().next().unwrap_or('\0');
        if is_space_like(c) {
            separators.contains(' ')
        } else {
            separators.contains(c)
        }
    }
    /// Both joiners are single characters of the same kind.
    pub fn same_kind(&self, o: &Joiner) -> bool {
        self.single()
            && (self.spaces, self.dashes, self.dots, self.slashes, self.parens)
                == (o.spaces, o.dashes, o.dots, o.slashes, o.parens)
    }
    /// The joiner's one character, if it is a single character.
    pub fn char(&self, text: &str) -> Option<char> {
        self.single().then(|| text[self.start..self.end].chars().next().unwrap_or('\0'))
    }
}

/// A sequence: words and the joiners between them (`joiners[i]` joins
/// `words[i]` and `words[i + 1]`).
#[derive(Debug, Default)]
pub struct Seq {
    pub words: Vec<Word>,
    pub joiners: Vec<Joiner>,
    /// ASCII form of all words, concatenated.
    pub ascii: Vec<u8>,
    /// Byte offset of a `+` written just before the first word (or before
    /// an opening parenthesis before it).
    pub plus: Option<usize>,
    /// Byte offset of a `(` written just before the first word.
    pub open_paren: Option<usize>,
}

impl Seq {
    fn clear(&mut self) {
        self.words.clear();
        self.joiners.clear();
        self.ascii.clear();
        self.plus = None;
        self.open_paren = None;
    }

    /// ASCII form of words `i..=j` without their joiners.
    pub fn compact(&self, i: usize, j: usize) -> &[u8] {
        &self.ascii[self.words[i].a0..self.words[j].a1]
    }

    /// ASCII form of one word.
    pub fn word(&self, i: usize) -> &[u8] {
        &self.ascii[self.words[i].a0..self.words[i].a1]
    }

    /// Number of digits in words `i..=j`.
    pub fn digits(&self, i: usize, j: usize) -> usize {
        self.words[i..=j].iter().map(|w| w.digits as usize).sum()
    }
}

/// At most this many words per sequence; a longer run is cut into several.
pub const MAX_WORDS: usize = 48;

/// Reads the word starting at byte `at` (which must be a word char) into
/// `seq`; returns its end.
fn read_word(text: &str, at: usize, seq: &mut Seq) -> usize {
    let a0 = seq.ascii.len();
    let (mut digits, mut letters, mut upper) = (0u8, 0u8, true);
    let b = text.as_bytes();
    let mut end = at;
    loop {
        // ASCII bytes without decoding a character.
        let (a, len) = match b.get(end) {
            None => break,
            Some(&x) if x < 0x80 => {
                if !x.is_ascii_alphanumeric() {
                    break;
                }
                (x, 1)
            }
            Some(_) => {
                let c = text[end..].chars().next().expect("a character at a boundary");
                let Some(a) = word_char(c) else { break };
                (a, c.len_utf8())
            }
        };
        seq.ascii.push(a);
        if a.is_ascii_digit() {
            digits = digits.saturating_add(1);
        } else {
            letters = letters.saturating_add(1);
            upper &= a.is_ascii_uppercase();
        }
        end += len;
    }
    seq.words.push(Word { start: at, end, a0, a1: seq.ascii.len(), digits, letters, upper });
    end
}

/// Reads a joiner at `at`: up to three joiner characters with at most one
/// space, followed by a word char. Returns the joiner and the next word's
/// start.
fn read_joiner(text: &str, at: usize) -> Option<(Joiner, usize)> {
    let mut j = Joiner { start: at, end: at, ..Default::default() };
    for (n, c) in text[at..].chars().enumerate() {
        if word_char(c).is_some() {
            return (n > 0).then_some((j, j.end));
        }
        if n == 3 || !is_joiner_char(c) {
            return None;
        }
        match c {
            '-' => j.dashes += 1,
            '.' => j.dots += 1,
            '/' => j.slashes += 1,
            '(' | ')' => j.parens += 1,
            _ => j.spaces += 1,
        }
        // `551. 1951`: a dot before a space ends a sentence or an ordinal.
        if j.spaces > 1 || j.dots > 1 || (j.dots > 0 && j.spaces > 0) {
            return None;
        }
        j.end += c.len_utf8();
    }
    None
}

/// A letters-only word that may belong to a sequence: a short upper-case
/// code (`DE`, `ATU`, `WEST` in a British IBAN, a DNI letter `Z`).
fn letter_word_joins(w: &Word, text: &str) -> bool {
    // `V` of `Výchozí` is not a word: the word goes on in letters beyond ASCII.
    let whole = text[w.end..].chars().next().is_none_or(|c| !c.is_alphabetic());
    w.upper && w.letters <= 4 && whole
}

/// Finds the next sequence at or after byte `from`; fills `seq` and returns
/// the byte range it covers (including a leading `+` or `(`), or `None` at
/// the end of the text.
pub fn next_seq(text: &str, from: usize, seq: &mut Seq) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut i = from;
    // Find a digit (skipping words without one), then back up to the start
    // of its word.
    let digit_at = 'find: loop {
        i = next_maybe_digit(bytes, i);
        let stop = (i + 8).min(bytes.len());
        if i >= stop {
            return None;
        }
        while i < stop {
            let b = bytes[i];
            if b.is_ascii_digit() {
                break 'find i;
            }
            if b >= 0xC0 && lead_may_be_digit(b) {
                let c = text[i..].chars().next()?;
                if digit_value(c).is_some() {
                    break 'find i;
                }
                i += c.len_utf8();
            } else {
                i += 1;
            }
        }
    };
    let mut start = digit_at;
    while let Some(c) = text[..start].chars().next_back() {
        if word_char(c).is_none() {
            break;
        }
        start -= c.len_utf8();
    }
    seq.clear();
    let mut end = read_word(text, start, seq);
    // Short upper-case codes written before the first word (`ATU 1234…`).
    while seq.words.len() < 3 {
        let prev_j_end = seq.words[0].start;
        let Some(c) = text[..prev_j_end].chars().next_back() else { break };
        if !is_space_like(c) && c != '-' {
            break;
        }
        let wend = prev_j_end - c.len_utf8();
        let mut wstart = wend;
        while let Some(c) = text[..wstart].chars().next_back() {
            if !c.is_ascii_alphabetic() {
                break;
            }
            wstart -= 1;
        }
        let before_ok = text[..wstart].chars().next_back().is_none_or(|c| word_char(c).is_none() && !c.is_alphabetic());
        let w = &text[wstart..wend];
        if wstart == wend || !before_ok || w.len() > 4 || !w.bytes().all(|b| b.is_ascii_uppercase()) {
            break;
        }
        // Rebuild with the code in front.
        let mut tmp = Seq::default();
        read_word(text, wstart, &mut tmp);
        let (j, _) = read_joiner(text, wend).expect("a single space or dash before a word");
        let shift = tmp.ascii.len();
        for w in &mut seq.words {
            w.a0 += shift;
            w.a1 += shift;
        }
        tmp.ascii.extend_from_slice(&seq.ascii);
        tmp.words.extend_from_slice(&seq.words);
        tmp.joiners.push(j);
        tmp.joiners.extend_from_slice(&seq.joiners);
        std::mem::swap(&mut seq.ascii, &mut tmp.ascii);
        std::mem::swap(&mut seq.words, &mut tmp.words);
        std::mem::swap(&mut seq.joiners, &mut tmp.joiners);
    }
    let first = seq.words[0].start;
    let mut lead = first;
    if let Some(c) = text[..lead].chars().next_back() {
        if c == '(' {
            lead -= 1;
            seq.open_paren = Some(lead);
        }
    }
    if text[..lead].ends_with('+') {
        lead -= 1;
        seq.plus = Some(lead);
    }
    while seq.words.len() < MAX_WORDS {
        let Some((j, next)) = read_joiner(text, end) else { break };
        // Read the word in place; take it back if it does not join.
        let (ascii, words) = (seq.ascii.len(), seq.words.len());
        let word_end = read_word(text, next, seq);
        let w = seq.words[words];
        if w.digits == 0 && !letter_word_joins(&w, text) {
            seq.ascii.truncate(ascii);
            seq.words.truncate(words);
            break;
        }
        seq.joiners.push(j);
        end = word_end;
    }
    Some((lead, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut seq = Seq::default();
        let mut out = Vec::new();
        let mut from = 0;
        while let Some((_, end)) = next_seq(text, from, &mut seq) {
            let ws: Vec<String> = (0..seq.words.len()).map(|i| String::from_utf8_lossy(seq.word(i)).into()).collect();
            out.push(ws.join("|"));
            from = end;
        }
        out
    }

    #[test]
    fn the_scan_never_passes_a_digit_of_any_script() {
        let pieces = ["a", "é", "ß", "Ω", "ж", "€", "–", "中", "😀", " ", "7", "٣", "۷", "߃", "३", "３", "x1", "ab"];
        let mut rng = crate::rng::SplitMix64(3);
        for _ in 0..5_000 {
            // Long enough to pass whole blocks of the scan and end in a tail.
            let n = 1 + rng.below(90) as usize;
            let t: String = (0..n).map(|_| pieces[rng.below(pieces.len() as u64) as usize]).collect();
            let b = t.as_bytes();
            let first_ascii = |i: usize| b[i..].iter().position(u8::is_ascii_digit).map(|k| i + k);
            for (i, _) in t.char_indices() {
                assert_eq!(next_ascii_digit(b, i), first_ascii(i), "{t:?} from {i}");
                let first = t[i..].char_indices().find(|&(_, c)| digit_value(c).is_some()).map(|(k, _)| i + k);
                let at = next_maybe_digit(b, i);
                assert!(first.is_none_or(|f| at <= f), "{t:?} from {i}: skipped to {at} past a digit at {first:?}");
                assert!(t.is_char_boundary(at), "{t:?} from {i}: {at}");
                let mut seq = Seq::default();
                let found = next_seq(&t, i, &mut seq).map(|(s, _)| s);
                assert_eq!(found.is_some(), first.is_some(), "{t:?} from {i}");
            }
        }
    }

    #[test]
    fn digits_of_every_script_are_read_as_ascii() {
        assert_eq!(digit_value('٣'), Some(3));
        assert_eq!(digit_value('３'), Some(3));
        assert_eq!(digit_value('𝟗'), Some(9));
        assert_eq!(digit_value('a'), None);
        assert_eq!(digit_value('é'), None);
        assert_eq!(words("Nr. １２３ ４５"), vec!["123|45"]);
    }

    #[test]
    fn sequences_split_on_words_and_joiners() {
        assert_eq!(words("IBAN DE89 3704 0044 0532 0130 00, danke"), vec!["IBAN|DE89|3704|0044|0532|0130|00"]);
        assert_eq!(words("Tel. +49 (0)30 123-45, Fax 030/99"), vec!["49|0|30|123|45", "030|99"]);
        assert_eq!(words("USt-IdNr. ATU 12345678"), vec!["ATU|12345678"]);
        assert_eq!(words("am 12.03.2020 und 2021"), vec!["12|03|2020", "2021"]);
        assert_eq!(words("a1b2 c"), vec!["a1b2"]);
        assert_eq!(words("1\u{A0}234\u{202F}567"), vec!["1|234|567"]);
        assert_eq!(words("1  2"), vec!["1", "2"], "two spaces end a sequence");
        assert_eq!(words("1\n2"), vec!["1", "2"]);
        assert_eq!(words("am 551. 1951"), vec!["551", "1951"]);
        assert_eq!(words("ab"), Vec::<String>::new());
        assert_eq!(words("8421504 Výchozí"), vec!["8421504"], "a letter that starts a longer word");
        assert_eq!(words("16777215 A Pythonban"), vec!["16777215|A"]);
    }

    #[test]
    fn plus_and_parenthesis_before_the_first_word_are_recorded() {
        let mut seq = Seq::default();
        let t = "ruf +49 171 2345678 an";
        let (s, _) = next_seq(t, 0, &mut seq).unwrap();
        assert_eq!(&t[s..s + 1], "+");
        assert_eq!(seq.plus, Some(4));
        let t = "(030) 1234567";
        let (s, _) = next_seq(t, 0, &mut seq).unwrap();
        assert_eq!((s, seq.open_paren, seq.plus), (0, Some(0), None));
    }

    #[test]
    fn long_runs_are_cut() {
        let t = "1 ".repeat(200);
        let n = words(&t).len();
        assert!(n >= 200 / MAX_WORDS, "{n}");
    }
}
