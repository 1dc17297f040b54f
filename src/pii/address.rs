//! `ADDRESS`: a street address with a house number, as one span from the
//! street (or the number, where it comes first) through the postcode and
//! city when they follow: "Hauptstraße 12, 10115 Berlin", "14 rue des
//! Lilas, 69003 Lyon", "ul. Długa 5/7, 00-238 Warszawa", "Nádor utca 12",
//! "1051 Budapest, Nádor utca 12", "Vinohradská 1234/56, 120 00 Praha 2".
//!
//! Every address has a house number, so the search starts from digit runs
//! and prose without digits costs nothing. A number is a house number when
//! a street is written next to it: a street word before the name (`rue`,
//! `via`, `ul.`, `calle`, `οδός`, `Triq`), after it (`utca`, `iela`,
//! `Street`, `cesta`, `g.`), the end of a one-word street (`-straße`,
//! `-gatan`, `-katu`, `-straat`), or — for the countries that write no
//! street word (Czechia, Slovakia, Croatia) — a capitalised name whose
//! number is followed by a postcode in a known format and a city. A street
//! named without a number ("in der Hauptstraße") is a place, not an address.
//! The street words per language are in `address_words.tsv`.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

use super::words::{self, Word};

struct Lexicon {
    before: HashSet<String>,
    after: HashSet<String>,
    /// Street endings (`straße`, `gatan`) without a final dot, and their
    /// distinct lengths in bytes: a word is looked up once per length.
    suffixes: HashSet<String>,
    suffix_lens: Vec<usize>,
}

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        let mut l = Lexicon {
            before: HashSet::default(),
            after: HashSet::default(),
            suffixes: HashSet::default(),
            suffix_lens: Vec::new(),
        };
        for (pos, w) in words::lexicon_entries(include_str!("address_words.tsv")) {
            match pos {
                "before" => {
                    l.before.insert(w);
                }
                "after" => {
                    l.after.insert(w);
                }
                "suffix" => {
                    l.suffixes.insert(w.trim_end_matches('.').to_string());
                }
                _ => {}
            }
        }
        l.suffix_lens = l.suffixes.iter().map(String::len).collect();
        l.suffix_lens.sort_unstable();
        l.suffix_lens.dedup();
        l
    })
}

/// Whether a folded word is written before a street's name (`rue`, `ul.`,
/// `via`): a name right after one is a street's, not a person's.
pub(crate) fn is_street_before(folded: &str) -> bool {
    lexicon().before.contains(folded)
}

/// Whether a folded word is written after a street's name (`utca`,
/// `iela`): a name right before one is a street's.
pub(crate) fn is_street_after(folded: &str) -> bool {
    lexicon().after.contains(folded)
}

/// Whether `folded` ends with a street ending after at least three bytes
/// of name.
fn has_street_suffix(folded: &str, l: &Lexicon) -> bool {
    l.suffix_lens.iter().take_while(|&&n| folded.len() > n + 2).any(|&n| {
        let at = folded.len() - n;
        folded.is_char_boundary(at) && l.suffixes.contains(&folded[at..])
    })
}

/// Reusable buffers.
#[derive(Debug, Default)]
pub(crate) struct AddressScratch {
    words: Vec<Word>,
    folded: String,
}

/// Longest text before a house number searched for its street.
const BACK: usize = 64;

/// Finds the addresses in `text`; appends their spans.
pub(crate) fn find(text: &str, lang: &str, s: &mut AddressScratch, out: &mut Vec<(usize, usize)>) {
    let lang = lang.get(..2).unwrap_or("");
    let b = text.as_bytes();
    let mut i = 0;
    let mut until = 0;
    while i < b.len() {
        let Some(ds) = super::seq::next_ascii_digit(b, i) else { break };
        let mut de = ds;
        while de < b.len() && b[de].is_ascii_digit() {
            de += 1;
        }
        i = de;
        // Not part of a longer number (1.000, 3,5, 2024-11, 12:30), not
        // glued to a word (Access2, A1).
        let glued_word = ds > 0 && (b[ds - 1].is_ascii_alphabetic() || b[ds - 1] >= 0x80);
        let glued_after = de + 1 < b.len() && matches!(b[de], b'.' | b',' | b':') && b[de + 1].is_ascii_digit();
        if ds < until
            || de - ds > 4
            || glued_after
            || glued_word
            || (ds > 0 && matches!(b[ds - 1], b'.' | b',' | b'-' | b'/' | b':'))
        {
            continue;
        }
        if let Some((start, end)) = at_number(text, ds, de, lang, s) {
            out.push((start, end));
            until = end;
            i = end.max(i);
        }
    }
}

/// The address whose house number is `text[ds..de]`, if there is one.
fn at_number(text: &str, ds: usize, de: usize, lang: &str, s: &mut AddressScratch) -> Option<(usize, usize)> {
    let l = lexicon();
    let num_end = house_number_end(text, de);
    // A number followed by a word counts something (100 Arbeitsplätze,
    // 2. kilomeetril, 5 stars) — except Hungarian "12. szám"; a year
    // (rue Scribe à partir de 1863) is not a house number.
    let after = text[num_end..].strip_prefix('.').unwrap_or(&text[num_end..]);
    let word_after = after.strip_prefix(' ').and_then(|r| r.chars().next()).is_some_and(char::is_alphabetic);
    let year = de - ds == 4 && matches!(&text[ds..ds + 2], "18" | "19" | "20");
    let street_first = word_after && lang != "hu" || year && !text[num_end..].starts_with(", ");
    // Street before the number: "Hauptstraße 12", "via Roma 15", "Nádor utca 12".
    if !street_first {
        if let Some(start) = street_before(text, ds, lang, s, l) {
            let start = postcode_city_before(text, start).unwrap_or(start);
            return Some((start, place_after(text, num_end)));
        }
    }
    // Number first: "14 rue des Lilas", "12 Main Street", "25, Triq San Pawl".
    if let Some(street_end) = street_after(text, num_end, s, l) {
        return Some((ds, place_after(text, street_end)));
    }
    // No street word: a capitalised name, the number, then a postcode and
    // city (the postcode, rarer, looked for first).
    let after = text[num_end..].strip_prefix(", ")?;
    let pc = postcode(after)?;
    let name_start = capitalised_before(text, ds)?;
    city(after, pc)?;
    Some((name_start, place_after(text, num_end)))
}

/// The end of a house number starting at a digit run ending at `de`:
/// `12a`, `12 B 5`, `1234/56`, `5/7`, `12-14`.
fn house_number_end(text: &str, de: usize) -> usize {
    let b = text.as_bytes();
    let mut e = de;
    // 1234/56, 12-14
    if e + 1 < b.len() && matches!(b[e], b'/' | b'-') && b[e + 1].is_ascii_digit() {
        e += 1;
        while e < b.len() && b[e].is_ascii_digit() {
            e += 1;
        }
    }
    // 12a, 12B
    if e < b.len() && b[e].is_ascii_alphabetic() && (e + 1 == b.len() || !b[e + 1].is_ascii_alphanumeric()) {
        e += 1;
    }
    // 12 B 5, 8 C 21 (Finnish staircase and flat)
    if b.len() >= e + 4
        && b[e] == b' '
        && b[e + 1].is_ascii_uppercase()
        && b[e + 2] == b' '
        && b[e + 3].is_ascii_digit()
    {
        let mut f = e + 3;
        while f < b.len() && b[f].is_ascii_digit() {
            f += 1;
        }
        if f == b.len() || !b[f].is_ascii_alphanumeric() {
            e = f;
        }
    }
    e
}

/// Where the street written before the number at `ds` starts, if one is:
/// the words between the last line break (or sentence) and the number,
/// read from the number backwards.
fn street_before(text: &str, ds: usize, lang: &str, s: &mut AddressScratch, l: &Lexicon) -> Option<usize> {
    let mut from = ds.saturating_sub(BACK);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    if let Some(p) = text[from..ds].rfind('\n') {
        from += p + 1;
    }
    // Between the street and the number: a space, ", ", " nr. ", " n.º ", " No. ".
    let gap_end = {
        let t = text[from..ds].trim_end();
        let t = t.strip_suffix(',').unwrap_or(t).trim_end();
        // The markers end with `.` or `º` and are at most three characters:
        // only then are the last four lowercased (not the whole window).
        let mut t2 = t;
        if t.ends_with(['.', 'º']) {
            let tail = t.char_indices().rev().nth(3).map_or(0, |(k, _)| k);
            s.folded.clear();
            s.folded.extend(t[tail..].chars().flat_map(char::to_lowercase));
            let lower = &s.folded;
            for marker in ["nr.", "n.º", "nº", "no.", "n.", "č.", "br."] {
                if lower.ends_with(marker) && tail + lower.len() > marker.len() {
                    t2 = t[..t.len() - marker.len()].trim_end();
                    break;
                }
            }
        }
        from + t2.len()
    };
    if gap_end == from {
        return None;
    }
    // Every street found below has a capital in it (a capitalised last
    // word, or a name after a street word): prose in lower case has none.
    let win = &text[from..gap_end];
    let capital =
        if win.is_ascii() { win.bytes().any(|c| c.is_ascii_uppercase()) } else { win.chars().any(char::is_uppercase) };
    if !capital {
        return None;
    }
    s.words.clear();
    let mut p = from;
    while let Some(w) = words::next_word(text, p) {
        if w.end > gap_end {
            break;
        }
        s.words.push(w);
        p = w.end;
    }
    // Words must run up to the gap (nothing but quotes or a dot between).
    let last = *s.words.last()?;
    let tail = &text[last.end..gap_end];
    if !tail.chars().all(|c| matches!(c, '.' | '“' | '”' | '"' | '»' | '«' | '„' | '\'')) {
        return None;
    }
    // Sentence ends inside the window cut it.
    let n = s.words.len();
    let mut first = 0;
    for k in 1..n {
        let gap = &text[s.words[k - 1].end..s.words[k].start];
        // "ul. Długa" and "str. Horea" keep their dot; "place. Amédée" ends a sentence.
        let prev = &s.words[k - 1];
        let abbreviation = gap.starts_with(". ") && text[prev.start..prev.end].chars().count() <= 4;
        if gap.contains(['.', '!', '?', ';', ':', '(', ')']) && !abbreviation {
            first = k;
        }
        if gap.contains([',', ';', '!', '?']) {
            first = k;
        }
    }
    let ws = &s.words[first..];
    let fold = |w: &Word, buf: &mut String| {
        buf.clear();
        words::fold_into(&text[w.start..w.end], buf);
        // "str." and "ul." carry their dot.
        if text[w.end..].starts_with('.') {
            buf.push('.');
        }
    };
    let mut buf = std::mem::take(&mut s.folded);
    let mut found = None;
    // One-word street with a street ending (Hauptstraße, Drottninggatan), or
    // the last word a street word after the name (Nádor utca, Main Street).
    let lw = ws.last()?;
    fold(lw, &mut buf);
    let bare = &buf[..buf.trim_end_matches('.').len()];
    if lw.cap && has_street_suffix(bare, l) {
        found = Some(name_start(text, ws, ws.len() - 1, lang));
    } else if (l.after.contains(&buf) || l.after.contains(bare)) && ws.len() >= 2 {
        let k = ws.len() - 2;
        if ws[k].cap {
            found = Some(name_start(text, ws, k, lang));
        }
    } else {
        // A street word before the name (rue des Lilas, ul. Długa, via
        // dell'Industria, Triq il-Kbira): the words after it are the name —
        // some capitalised, the others short particles.
        for (k, w) in ws.iter().enumerate().rev().take(6) {
            fold(w, &mut buf);
            // f'Triq, d'Rue: the street word after an elided article.
            let cut = buf.rfind('\'').map_or(0, |p| p + 1);
            let bare = buf[cut..].trim_end_matches('.');
            if (l.before.contains(&buf[cut..]) || l.before.contains(bare)) && k + 1 < ws.len() {
                let name = &ws[k + 1..];
                let named = name.iter().any(|w| has_capital(&text[w.start..w.end]));
                // Particles (de, des, il-) and one lowercase word before a
                // capitalised one (Ulica kralja Zvonimira); more is prose
                // (plaza mayor de Bogotá desde 1848, via de module).
                let long = |w: &Word| !has_capital(&text[w.start..w.end]) && text[w.start..w.end].chars().count() > 3;
                let longs = name.iter().filter(|w| long(w)).count();
                let prose = longs > 1
                    || name.iter().enumerate().any(|(q, w)| long(w) && !name.get(q + 1).is_some_and(|x| x.cap));
                if named && !prose {
                    let word = &text[w.start..w.end];
                    let off =
                        word.rfind(['\'', '’']).map_or(0, |p| p + word[p..].chars().next().map_or(1, char::len_utf8));
                    found = Some(w.start + off);
                }
                break;
            }
        }
    }
    s.folded = buf;
    found
}

/// The start of a street name whose last name word is `ws[k]`: that
/// word, and the capitalised word before it when it is an adjective of the
/// name (`Eschersheimer Landstraße`, `Berliner Straße`) or, in Hungarian,
/// a name in two words (`Kossuth Lajos utca`) — not any capitalised word
/// (German nouns: `am Standort Mariahilfer Straße`).
fn name_start(text: &str, ws: &[Word], k: usize, lang: &str) -> usize {
    if k > 0 {
        let prev = &ws[k - 1];
        let gap = &text[prev.end..ws[k].start];
        let w = &text[prev.start..prev.end];
        // Languages whose nouns are lowercase: a capitalised word right
        // before the street's name is part of it (Västra Hamngatan, Lange
        // Tiendeweg, Itäinen Pitkäkatu); German only an adjective in -er.
        let two_word_names = matches!(lang, "hu" | "lv" | "lt" | "sv" | "nl" | "fi" | "da" | "et");
        if prev.cap && matches!(gap, " " | "\u{a0}") && (two_word_names || (w.len() > 4 && w.ends_with("er"))) {
            return prev.start;
        }
    }
    ws[k].start
}

/// Whether a word has a capital letter (`Długa`, `il-Kbira`, `dell'Industria`).
fn has_capital(w: &str) -> bool {
    w.chars().any(char::is_uppercase)
}

/// The end of a street written after a house number ending at `at`
/// ("14 rue des Lilas", "12 Harbour Road", "25, Triq San Pawl").
fn street_after(text: &str, at: usize, s: &mut AddressScratch, l: &Lexicon) -> Option<usize> {
    let rest = &text[at..];
    let skip = if rest.starts_with(", ") {
        2
    } else if rest.starts_with(' ') {
        1
    } else {
        return None;
    };
    let from = at + skip;
    let first = words::next_word(text, from).filter(|w| w.start == from)?;
    let mut f = std::mem::take(&mut s.folded);
    let street_word = |w: &Word, f: &mut String, set: &HashSet<String>| {
        f.clear();
        words::fold_into(&text[w.start..w.end], f);
        if set.contains(f.as_str()) {
            return Some(w.end);
        }
        // "str." and "ul." carry their dot.
        if text[w.end..].starts_with('.') {
            f.push('.');
            if set.contains(f.as_str()) {
                return Some(w.end + 1);
            }
        }
        None
    };
    let before_word = street_word(&first, &mut f, &l.before).is_some();
    // Without a street word first, the street is capitalised words ending
    // with one (12 Main Street): a lowercase first word is no street.
    if !before_word && !first.cap {
        s.folded = f;
        return None;
    }
    s.words.clear();
    s.words.push(first);
    let mut p = first.end;
    while s.words.len() < 6 {
        let Some(w) = words::next_word(text, p) else { break };
        if !matches!(&text[p..w.start], " " | "-" | "'") {
            break;
        }
        s.words.push(w);
        p = w.end;
    }
    let ws = &s.words;
    let mut found = None;
    if before_word {
        // rue des Lilas, Triq it-Torri: up to the last word with a capital.
        if ws.len() >= 2 {
            found = ws.iter().rposition(|w| has_capital(&text[w.start..w.end])).filter(|&k| k > 0).map(|k| ws[k].end);
        }
    } else {
        // 12 Main Street: capitalised words ending with a street word.
        for (k, w) in ws.iter().enumerate().skip(1) {
            if !ws[k - 1].cap {
                break;
            }
            if let Some(mut end) = street_word(w, &mut f, &l.after) {
                // Clanbrassil Street Upper, Salthill Road Lower
                if let Some(q) = ws.get(k + 1) {
                    let qw = &text[q.start..q.end];
                    if text[end..q.start] == *" "
                        && matches!(qw, "Upper" | "Lower" | "North" | "South" | "East" | "West")
                    {
                        end = q.end;
                    }
                }
                found = Some(end);
                break;
            }
        }
    }
    s.folded = f;
    found
}

/// The capitalised word(s) right before byte `at` (one space between),
/// for streets written without a street word.
fn capitalised_before(text: &str, at: usize) -> Option<usize> {
    let word_start = |end: usize| {
        let before = &text[..end];
        before.rfind(|c: char| !(c.is_alphabetic() || c == '-')).map_or(0, |p| p + c_len(before, p))
    };
    let end = at.checked_sub(1).filter(|&e| text.as_bytes()[e] == b' ')?;
    let start = word_start(end);
    let w = &text[start..end];
    if w.chars().count() < 3 || !w.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    // Am Steinbruch, Im Winkel, Zum Anger
    if let Some(e) = start.checked_sub(1).filter(|&e| text.as_bytes()[e] == b' ') {
        let s2 = word_start(e);
        let w2 = &text[s2..e];
        if (2..=3).contains(&w2.chars().count()) && w2.chars().next().is_some_and(char::is_uppercase) {
            return Some(s2);
        }
    }
    Some(start)
}

fn c_len(s: &str, p: usize) -> usize {
    s[p..].chars().next().map_or(1, char::len_utf8)
}

/// The length of a postcode at the start of `t`, in one of the member
/// states' formats.
fn postcode(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    let digits = |from: usize| b[from.min(b.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
    let ends = |p: usize| p == b.len() || !b[p].is_ascii_alphanumeric();
    // Prefixed: LV-1010, LT-01103, L-1234, CY-1010
    for pre in ["LV-", "LT-", "L-", "CY-", "A-", "D-", "F-", "I-", "B-"] {
        if t.starts_with(pre) {
            let n = digits(pre.len());
            if (4..=5).contains(&n) && ends(pre.len() + n) {
                return Some(pre.len() + n);
            }
        }
    }
    let n = digits(0);
    match n {
        // 120 00, 111 21, 105 63
        3 if b.len() >= 6 && b[3] == b' ' && digits(4) == 2 && ends(6) => Some(6),
        // 00-238
        2 if b.get(2) == Some(&b'-') && digits(3) == 3 && ends(6) => Some(6),
        // 1100-048; 1015 CJ; 1051, 10115, 030031
        4 if b.get(4) == Some(&b'-') && digits(5) == 3 && ends(8) => Some(8),
        4 if b.len() >= 7 && b[4] == b' ' && b[5].is_ascii_uppercase() && b[6].is_ascii_uppercase() && ends(7) => {
            Some(7)
        }
        4..=6 if ends(n) => Some(n),
        _ => {
            // Malta: VLT 1216; Ireland's Eircode: D13 X2Y3
            if b.len() >= 8 && b[..3].iter().all(u8::is_ascii_uppercase) && b[3] == b' ' && digits(4) == 4 && ends(8) {
                return Some(8);
            }
            if b.len() >= 8
                && b[0].is_ascii_uppercase()
                && b[1].is_ascii_digit()
                && b[2].is_ascii_alphanumeric()
                && b[3] == b' '
                && b[4..8].iter().all(u8::is_ascii_alphanumeric)
                && ends(8)
            {
                return Some(8);
            }
            None
        }
    }
}

/// The end (relative to `t`) of a city name after a postcode of length
/// `pc` (or at the start when `pc` is 0): capitalised words, with a
/// district number or letter (Praha 2, København K).
fn city(t: &str, pc: usize) -> Option<usize> {
    let rest = t[pc..].strip_prefix(' ').or(if pc == 0 { Some(t) } else { None })?;
    let off = t.len() - rest.len();
    let mut end = 0;
    let mut p = 0;
    let mut n = 0;
    let mut pending = 0; // short lowercase words waiting for a capitalised one (Frankfurt am Main)
    while let Some(w) = words::next_word(rest, p) {
        let gap = &rest[p..w.start];
        if (n > 0 && !matches!(gap, " " | "-")) || (n == 0 && w.start != 0) || n == 3 {
            break;
        }
        if !w.cap {
            let particle = matches!(
                &rest[w.start..w.end],
                "am" | "an" | "der" | "nad" | "pod" | "de" | "del" | "la" | "sur" | "en" | "on" | "upon" | "im"
            );
            if n == 0 || pending == 2 || !particle {
                break;
            }
            pending += 1;
            p = w.end;
            continue;
        }
        pending = 0;
        end = w.end;
        p = w.end;
        n += 1;
    }
    if n == 0 {
        return None;
    }
    // Praha 2, Dublin 2, København K
    let b = rest.as_bytes();
    if b.len() > end + 1 && b[end] == b' ' {
        let d = b[end + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        let next = end + 1 + d;
        // Not the day of a date after it (Ljubljana 14. novembra).
        let date = b.get(next) == Some(&b'.')
            && b.get(next + 1) == Some(&b' ')
            && rest[next + 2..].chars().next().is_some_and(char::is_lowercase);
        if (1..=2).contains(&d) && (next == b.len() || !b[next].is_ascii_alphanumeric()) && !date {
            end = next;
        } else if b[end + 1].is_ascii_uppercase() && (end + 2 == b.len() || !b[end + 2].is_ascii_alphanumeric()) {
            end += 2;
        }
    }
    Some(off + end)
}

/// The end of the address whose street part ends at `at`: the comma groups
/// after it that hold a postcode or, first, a city ("…, 10115 Berlin",
/// "…, Rīga, LV-1010", "…, Howth, Co. Dublin, D13 X2Y3", "…, București
/// 030031"); a bare country name after them stays out.
fn place_after(text: &str, at: usize) -> usize {
    let mut end = at;
    // "Fehérvári út 75., 9027 Győr": the house number's dot stays inside.
    let mut p = if text[at..].starts_with("., ") { at + 1 } else { at };
    let mut city_seen = false;
    // Floor, flat and block groups (3. tv., 3.º B, bl. 2, ap. 15) count
    // only when a postcode comes after them.
    let mut units = 0;
    for group in 0..7 {
        let Some(rest) = text[p..].strip_prefix(", ").or_else(|| text[p..].strip_prefix(' ').filter(|_| group == 0))
        else {
            break;
        };
        let gs = text.len() - rest.len();
        if let Some(pc) = postcode(rest) {
            let e = city(rest, pc).unwrap_or(pc);
            end = gs + e;
            p = end;
            city_seen = true;
            units = 0;
            continue;
        }
        if let Some(e) = city(rest, 0) {
            // City, then postcode (București 030031, Valletta VLT 1216).
            if let Some(pc) = rest[e..].strip_prefix(' ').and_then(postcode) {
                end = gs + e + 1 + pc;
                p = end;
                city_seen = true;
                units = 0;
                continue;
            }
            if let Some(r) = rest.strip_prefix("Co. ") {
                // Co. Dublin; Irish: Co. an Chláir
                let art = if r.starts_with("an ") { 3 } else { 0 };
                if let Some(e2) = city(&r[art..], 0) {
                    end = gs + 4 + art + e2;
                    p = end;
                    continue;
                }
            }
            if city_seen || units > 0 {
                break;
            }
            // A lone city group: the last of the address, or before a
            // county or postcode (Howth, Co. Dublin, D13 X2Y3).
            let after = &text[gs + e..];
            let last = after.is_empty() || after.starts_with(['.', '\n', ';', ')']);
            let more = after.strip_prefix(", ").is_some_and(|r| {
                r.starts_with("Co. ")
                    || postcode(r).is_some()
                    || city(r, 0).is_some_and(|c| r[c..].strip_prefix(' ').and_then(postcode).is_some())
            });
            if last || more {
                end = gs + e;
                p = end;
                city_seen = !more;
                continue;
            }
            break;
        }
        if units < 3 && is_unit(rest) {
            units += 1;
            p = gs + rest.find([',', '\n']).unwrap_or(rest.len());
            continue;
        }
        break;
    }
    end
}

/// Whether a comma group is a floor, flat, staircase or block (`3. tv.`,
/// `3.º B`, `5.º`, `2.º Esq.`, `bl. C3`, `sc. A`, `ap. 15`): short, and a
/// number or an abbreviation.
fn is_unit(group: &str) -> bool {
    let g = &group[..group.find([',', '\n']).unwrap_or(group.len())];
    let g = g.trim_end_matches('.');
    !g.is_empty()
        && g.len() <= 12
        && (g.starts_with(|c: char| c.is_ascii_digit())
            || g.split_whitespace().next().is_some_and(|w| w.ends_with('.') && w.len() <= 4))
}

/// The start of "1051 Budapest, " written before a street (Hungarian
/// order), if it is there.
fn postcode_city_before(text: &str, start: usize) -> Option<usize> {
    let before = text[..start].strip_suffix(", ")?;
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    let mut from = before.len().saturating_sub(40).max(line_start);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let seg = &before[from..];
    // The postcode must begin the segment's last "NNNN City".
    for (i, _) in seg.char_indices() {
        if i > 0 && !seg[..i].ends_with(' ') {
            continue;
        }
        let cand = &seg[i..];
        if let Some(pc) = postcode(cand) {
            if city(cand, pc) == Some(cand.len()) {
                return Some(from + i);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addrs(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        find(text, "", &mut AddressScratch::default(), &mut out);
        out.into_iter().map(|(a, b)| &text[a..b]).collect()
    }

    #[test]
    fn addresses_in_their_countrys_formats() {
        assert_eq!(addrs("Bitte an Hauptstraße 12, 10115 Berlin senden."), vec!["Hauptstraße 12, 10115 Berlin"]);
        assert_eq!(addrs("Il habite 14 rue des Lilas, 69003 Lyon."), vec!["14 rue des Lilas, 69003 Lyon"]);
        assert_eq!(addrs("Adres: ul. Długa 5/7, 00-238 Warszawa"), vec!["ul. Długa 5/7, 00-238 Warszawa"]);
        assert_eq!(addrs("Címem: 1051 Budapest, Nádor utca 12."), vec!["1051 Budapest, Nádor utca 12"]);
        assert_eq!(addrs("Bydlí Vinohradská 1234/56, 120 00 Praha 2."), vec!["Vinohradská 1234/56, 120 00 Praha 2"]);
        assert_eq!(
            addrs("Write to 12 Harbour Road, Howth, Co. Dublin, D13 X2Y3."),
            vec!["12 Harbour Road, Howth, Co. Dublin, D13 X2Y3"]
        );
        assert_eq!(addrs("Via Roma 15, 00184 Roma"), vec!["Via Roma 15, 00184 Roma"]);
        assert_eq!(addrs("Keizersgracht 123, 1015 CJ Amsterdam"), vec!["Keizersgracht 123, 1015 CJ Amsterdam"]);
        assert_eq!(addrs("Brīvības iela 55, Rīga, LV-1010"), vec!["Brīvības iela 55, Rīga, LV-1010"]);
        assert_eq!(addrs("Osoite: Kauppakatu 8 C 21, 40100 Jyväskylä\n"), vec!["Kauppakatu 8 C 21, 40100 Jyväskylä"]);
    }

    #[test]
    fn streets_without_numbers_and_other_numbers_are_not_addresses() {
        assert!(addrs("Wir trafen uns in der Hauptstraße.").is_empty());
        assert!(addrs("Er kaufte 12 Äpfel und 3 Birnen.").is_empty());
        assert!(addrs("Im Jahr 2019 waren es 45 Prozent.").is_empty());
        assert!(addrs("Die Skandinavier wollen in Thüringen 100 Arbeitsplätze schaffen.").is_empty());
        assert!(addrs("Le siège, rue Scribe à partir de 1863, puis place. Amédée VI le donne en 1355").is_empty());
        assert!(addrs("i regi av Rogalandsforskning i Stavanger. I 2001 svarte 35 prosent").is_empty());
        assert!(addrs("Esta obra se erige en la plaza mayor de Bogotá desde 1848.").is_empty());
    }
}
