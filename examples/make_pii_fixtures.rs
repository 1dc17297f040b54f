//! Writes the labelled evaluation set of the personal-data detectors,
//! `fixtures/pii/<cc>.jsonl` (one file per EU member state, lower-case ISO
//! code), deterministically from a fixed seed: the same bytes on every run.
//!
//! ```text
//! cargo run --release --example make_pii_fixtures -- fixtures/pii
//! ```
//!
//! Every identifier is synthetic. National IDs and VAT numbers come from the
//! generators of `eurocorpus::pii`; IBANs and card numbers are built here
//! with valid check digits; phone numbers are random numbers inside valid
//! number ranges (checked with `phonenumber`); names, companies and e-mail
//! domains are invented. Each line is one document:
//!
//! ```text
//! {"id":"de-0001","lang":"de","country":"DE","text":"…",
//!  "spans":[{"start":12,"end":34,"type":"IBAN","subtype":"DE"}],
//!  "negatives":[{"start":40,"end":50,"kind":"isbn"}]}
//! ```
//!
//! with UTF-8 byte offsets (end exclusive). `spans` must be found by a
//! detector, `negatives` (hard negatives) must not be reported. The
//! generator asserts that every labelled slice is the inserted value, that
//! spans never overlap, that each positive passes its validator and each
//! `wrong_checksum` negative fails it. `fixtures/pii/README.md` describes the
//! set.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use eurocorpus::pii::checksum::{iso7064_mod11_10_check, luhn_check_digit, luhn_valid, weighted_sum};
use eurocorpus::pii::national_id::{schemes, strip_separators, Scheme};
use eurocorpus::pii::vat::{validate_vat, vat_schemes, VatScheme};
use eurocorpus::rng::SplitMix64;
use iban::IbanLike;
use phonenumber::country::Id;
use phonenumber::metadata::DATABASE;
use phonenumber::{Mode, PhoneNumber, Type};
use serde_json::json;

/// The seed of the whole set; each country derives its own stream from it,
/// so changing one country's data does not reshuffle the others.
const SEED: u64 = 0x00E0_C0B9_5F1C_2026;
/// Documents with at least one positive, per country.
const DOCS_WITH_PII: usize = 40;
/// Documents without any identifier, per country.
const DOCS_WITHOUT_PII: usize = 5;
/// Documents (per country) whose text starts with an identifier, and ends with one.
const EDGE_DOCS: usize = 3;

const NBSP: char = '\u{a0}';
const NNBSP: char = '\u{202f}';

// ====================================================================== random helpers

struct R(SplitMix64);

impl R {
    fn below(&mut self, n: usize) -> usize {
        self.0.below(n as u64) as usize
    }

    /// `true` with probability `p` percent.
    fn pct(&mut self, p: usize) -> bool {
        self.below(100) < p
    }

    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        assert!(!xs.is_empty(), "pick from an empty list");
        xs[self.below(xs.len())]
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn digits(&mut self, n: usize) -> String {
        (0..n).map(|_| char::from(b'0' + self.below(10) as u8)).collect()
    }

    /// `n` digits, the first not zero.
    fn digits_nz(&mut self, n: usize) -> String {
        let mut s = String::from(char::from(b'1' + self.below(9) as u8));
        s.push_str(&self.digits(n - 1));
        s
    }

    fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }

    /// An index drawn with the given weights.
    fn weighted(&mut self, weights: &[usize]) -> usize {
        let total: usize = weights.iter().sum();
        let mut x = self.below(total);
        for (i, &w) in weights.iter().enumerate() {
            if x < w {
                return i;
            }
            x -= w;
        }
        unreachable!("weights exhausted")
    }
}

/// FNV-1a, to derive a per-country seed from its code.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

fn digit_values(s: &str) -> Vec<u32> {
    s.chars().filter_map(|c| c.to_digit(10)).collect()
}

fn digit_string(d: &[u32]) -> String {
    d.iter().map(|&x| char::from(b'0' + x as u8)).collect()
}

/// Whether `needle` occurs in `hay` with no letter or digit directly before or after it.
fn contains_word(hay: &str, needle: &str) -> bool {
    let mut from = 0;
    while let Some(p) = hay[from..].find(needle) {
        let start = from + p;
        let end = start + needle.len();
        let before = hay[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = hay[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before && after {
            return true;
        }
        from = start + hay[start..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// The text with one ASCII digit at or after byte `from` replaced by another.
fn mutate_digit(r: &mut R, s: &str, from: usize) -> String {
    let pos: Vec<usize> =
        s.bytes().enumerate().filter(|&(i, b)| i >= from && b.is_ascii_digit()).map(|(i, _)| i).collect();
    let i = r.pick(&pos);
    let old = s.as_bytes()[i];
    let new = loop {
        let d = b'0' + r.below(10) as u8;
        if d != old {
            break d;
        }
    };
    let mut b = s.as_bytes().to_vec();
    b[i] = new;
    String::from_utf8(b).expect("ASCII digit replaced")
}

// ====================================================================== documents

#[derive(Clone, Debug)]
enum Label {
    Pos(&'static str, String),
    Neg(&'static str),
}

/// A value inserted into a text, with its label.
#[derive(Clone, Debug)]
struct Val {
    text: String,
    label: Label,
}

impl Val {
    fn pos(text: String, typ: &'static str, subtype: &str) -> Val {
        Val { text, label: Label::Pos(typ, subtype.to_string()) }
    }
    fn neg(text: String, kind: &'static str) -> Val {
        Val { text, label: Label::Neg(kind) }
    }
}

/// The words filled into a template besides the labelled value.
#[derive(Clone, Default)]
struct Fill {
    name: String,
    first: String,
    city: String,
    company: String,
    vat_label: String,
}

/// One sentence or line of a document: a template and the value for its `{}`.
struct Part {
    tpl: String,
    val: Option<Val>,
    fill: Fill,
}

impl Part {
    /// A line (label and value, address, signature) rather than a sentence.
    fn is_line(&self) -> bool {
        !self.tpl.trim_end().ends_with(['.', '!', '?', ')', '»', '"', '…', ';', '”'])
    }
}

#[derive(Default)]
struct Doc {
    text: String,
    spans: Vec<(usize, usize, &'static str, String)>,
    negs: Vec<(usize, usize, &'static str)>,
    inserted: Vec<(usize, usize, String)>,
}

impl Doc {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
    }

    fn push_val(&mut self, v: &Val) {
        let start = self.text.len();
        self.text.push_str(&v.text);
        let end = self.text.len();
        match &v.label {
            Label::Pos(t, s) => self.spans.push((start, end, t, s.clone())),
            Label::Neg(k) => self.negs.push((start, end, k)),
        }
        self.inserted.push((start, end, v.text.clone()));
    }

    /// Renders a template: `{}` the value, `{n}` a full name, `{fn}` a first
    /// name, `{c}` a city, `{f}` a company, `{vl}` the VAT label.
    fn render(&mut self, p: &Part) {
        let t = p.tpl.as_str();
        let mut rest = t;
        let mut used_value = false;
        while let Some(i) = rest.find('{') {
            self.push(&rest[..i]);
            let close = rest[i..].find('}').unwrap_or_else(|| panic!("unclosed placeholder in {t:?}")) + i;
            match &rest[i + 1..close] {
                "" => {
                    let v = p.val.as_ref().unwrap_or_else(|| panic!("template {t:?} needs a value"));
                    self.push_val(v);
                    used_value = true;
                }
                "n" => self.push(&p.fill.name),
                "fn" => self.push(&p.fill.first),
                "c" => self.push(&p.fill.city),
                "f" => self.push(&p.fill.company),
                "vl" => self.push(&p.fill.vat_label),
                other => panic!("unknown placeholder {{{other}}} in {t:?}"),
            }
            rest = &rest[close + 1..];
        }
        self.push(rest);
        assert_eq!(used_value, p.val.is_some(), "template {t:?} and value disagree");
    }

    /// The invariants of the label format.
    fn check(&mut self, id: &str) {
        for (s, e, v) in &self.inserted {
            assert_eq!(&self.text[*s..*e], v, "{id}: slice differs from the inserted value");
            assert!(!v.is_empty() && v.trim() == v, "{id}: value {v:?} empty or padded");
        }
        self.spans.sort_by_key(|x| (x.0, x.1));
        self.negs.sort_by_key(|x| (x.0, x.1));
        for w in self.spans.windows(2) {
            assert!(w[0].1 <= w[1].0, "{id}: overlapping spans");
        }
        for n in &self.negs {
            assert!(self.spans.iter().all(|s| n.1 <= s.0 || s.1 <= n.0), "{id}: negative overlaps a span");
        }
    }
}

// ====================================================================== phone numbers

/// National significant number prefixes (fixed, mobile) used to draw numbers;
/// every drawn number is kept only if `phonenumber` says it is valid.
fn phone_prefixes(cc: &str) -> (&'static [&'static str], &'static [&'static str]) {
    match cc {
        "AT" => (
            &["1", "316", "512", "662", "732", "463", "2742"],
            &["650", "660", "664", "676", "680", "681", "688", "699"],
        ),
        "BE" => (
            &["2", "3", "9", "4", "10", "16", "50", "65", "81", "87"],
            &[
                "470", "471", "472", "473", "475", "476", "477", "478", "479", "484", "485", "486", "487", "488",
                "494", "495", "496", "497", "498", "499",
            ],
        ),
        "BG" => (&["2", "32", "52", "56", "64", "82"], &["87", "88", "89", "98"]),
        "CY" => (&["22", "23", "24", "25", "26"], &["96", "97", "99"]),
        "CZ" => (
            &[
                "2", "31", "32", "35", "37", "38", "46", "47", "48", "49", "51", "53", "54", "55", "56", "57", "58",
                "59",
            ],
            &[
                "601", "602", "603", "604", "605", "606", "607", "608", "702", "720", "721", "722", "723", "724",
                "725", "730", "731", "732", "733", "734", "736", "737", "739", "773", "774", "775", "776", "777",
                "778", "779", "790", "797", "799",
            ],
        ),
        "DE" => (
            &["30", "40", "89", "221", "69", "711", "351", "341", "511", "911", "231", "201", "621", "761"],
            &["151", "152", "157", "160", "162", "170", "171", "172", "173", "175", "176", "177", "178", "179"],
        ),
        "DK" => (
            &["33", "35", "36", "38", "43", "44", "45", "46", "48", "86", "87", "89", "98", "66", "62", "75"],
            &[
                "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "40", "41", "42", "50", "51",
                "52", "53", "60", "61", "71", "81", "91", "93",
            ],
        ),
        "EE" => (&["6", "7", "32", "33", "38", "43", "44", "45", "47", "48"], &["5", "81", "82"]),
        "ES" => (&["91", "93", "95", "96", "94", "98", "976", "983", "971", "928"], &["6", "71", "72", "73", "74"]),
        "FI" => (
            &["9", "2", "3", "5", "6", "8", "13", "14", "15", "16", "17", "19"],
            &["40", "41", "42", "44", "45", "46", "50"],
        ),
        "FR" => (&["1", "2", "3", "4", "5"], &["6", "7"]),
        "GR" => (&["21", "231", "2610", "2810", "2410", "2310"], &["69"]),
        "HR" => (&["1", "20", "21", "22", "23", "31", "51", "52"], &["91", "92", "95", "97", "98", "99"]),
        "HU" => (&["1", "22", "24", "26", "28", "46", "52", "62", "72", "88", "96"], &["20", "30", "31", "50", "70"]),
        "IE" => (&["1", "21", "51", "61", "91", "71", "74"], &["83", "85", "86", "87", "89"]),
        "IT" => (
            &["02", "06", "011", "010", "051", "055", "081", "091", "041", "045", "070"],
            &["32", "33", "34", "35", "36", "37", "38", "39"],
        ),
        "LT" => (&["5", "37", "41", "45", "46"], &["6"]),
        "LU" => (
            &[
                "22", "26", "27", "28", "29", "40", "44", "45", "46", "47", "48", "49", "53", "54", "55", "57", "58",
                "59", "71", "72", "80", "81", "83", "87", "88", "92", "95", "97", "99",
            ],
            &["621", "628", "661", "671", "691"],
        ),
        "LV" => (&["6"], &["2"]),
        "MT" => (&["21", "27"], &["77", "79", "99"]),
        "NL" => (&["10", "20", "30", "33", "35", "40", "43", "45", "46", "50", "70", "71", "73", "76"], &["6"]),
        "PL" => (
            &["12", "22", "32", "42", "52", "58", "61", "71", "81", "91"],
            &["50", "51", "53", "57", "60", "66", "69", "72", "73", "78", "79", "88"],
        ),
        "PT" => (&["21", "22", "239", "253", "289"], &["91", "92", "93", "96"]),
        "RO" => (&["21", "31", "264", "256", "232", "241", "268"], &["72", "73", "74", "75", "76", "77", "78"]),
        "SE" => (&["8", "31", "40", "13", "16", "19", "21", "54", "60", "90"], &["70", "72", "73", "76", "79"]),
        "SI" => (&["1", "2", "3", "4", "5", "7"], &["30", "31", "40", "41", "51", "64", "68", "70", "71"]),
        "SK" => (
            &[
                "2", "31", "32", "33", "34", "35", "36", "37", "38", "41", "42", "43", "44", "45", "46", "47", "48",
                "51", "52", "53", "54", "55", "56", "57", "58",
            ],
            &[
                "901", "902", "903", "904", "905", "906", "907", "908", "910", "911", "914", "915", "916", "917",
                "918", "919", "940", "944", "948", "949", "950", "951",
            ],
        ),
        _ => panic!("no phone prefixes for {cc}"),
    }
}

fn e164(n: &PhoneNumber) -> String {
    n.format().mode(Mode::E164).to_string()
}

/// Whether `written` (no-break spaces read as spaces) parses, with the
/// country as default region, to a valid number equal to `num`.
fn phone_matches(written: &str, id: Id, num: &PhoneNumber) -> bool {
    let normal: String = written.chars().map(|c| if c == NBSP || c == NNBSP { ' ' } else { c }).collect();
    match phonenumber::parse(Some(id), &normal) {
        Ok(p) => phonenumber::is_valid(&p) && e164(&p) == e164(num) && p.country().id().is_none_or(|x| x == id),
        Err(_) => false,
    }
}

/// Statistics about the phone numbers, for the report.
#[derive(Default)]
struct PhoneStats {
    /// Written forms that `phonenumber` parses only after replacing no-break spaces.
    needs_nbsp_normalisation: usize,
}

/// A random valid phone number of the country (mobile if `mobile`) in one of
/// its usual written forms.
fn gen_phone(r: &mut R, cc: &str, mobile: Option<bool>, ps: &mut PhoneStats) -> String {
    let id: Id = cc.parse().unwrap_or_else(|_| panic!("phonenumber does not know region {cc}"));
    let meta = DATABASE.by_id(cc).unwrap_or_else(|| panic!("no phone metadata for {cc}"));
    let code = meta.country_code();
    let trunk_zero = meta.national_prefix() == Some("0");
    let d = meta.descriptors();
    let mut lengths: Vec<usize> = [Some(d.general()), d.fixed_line(), d.mobile()]
        .into_iter()
        .flatten()
        .flat_map(|x| x.possible_length().iter().map(|&l| l as usize))
        .collect();
    lengths.sort_unstable();
    lengths.dedup();
    // the usual lengths of national significant numbers, to look like real ones
    let (lo, hi) = match cc {
        "AT" => (8, 11),
        "DE" => (9, 11),
        "IT" | "GR" => (9, 10),
        "FI" => (8, 10),
        "HU" | "IE" | "LU" | "BE" | "BG" | "HR" => (8, 9),
        "SE" => (7, 9),
        "EE" => (7, 8),
        "SI" | "DK" | "LV" | "LT" | "MT" | "CY" => (8, 8),
        _ => (9, 9),
    };
    let usual: Vec<usize> = lengths.iter().copied().filter(|l| (lo..=hi).contains(l)).collect();
    if !usual.is_empty() {
        lengths = usual;
    }
    if lengths.is_empty() {
        lengths = (lo..=hi).collect();
    }
    let (fixed, mob) = phone_prefixes(cc);
    let want_mobile = mobile.unwrap_or_else(|| r.pct(55));
    for _ in 0..200_000 {
        let prefix = r.pick(if want_mobile { mob } else { fixed });
        let len = r.pick(&lengths);
        if len < prefix.len() + 4 {
            continue;
        }
        let nsn = format!("{prefix}{}", r.digits(len - prefix.len()));
        let Ok(num) = phonenumber::parse(None, format!("+{code}{nsn}")) else { continue };
        // phonenumber 0.3 leaves the region (and so the type) of Italian
        // fixed-line numbers open, as +39 is shared with the Vatican.
        let region_open = cc == "IT" && num.country().id().is_none() && !want_mobile;
        if !phonenumber::is_valid(&num) || !(num.country().id() == Some(id) || region_open) {
            continue;
        }
        let ty = num.number_type(&DATABASE);
        let ok_type = match ty {
            Type::Mobile => want_mobile,
            Type::FixedLine => !want_mobile,
            Type::FixedLineOrMobile => true,
            Type::Unknown => region_open,
            _ => false,
        };
        if !ok_type {
            continue;
        }
        let intl = num.format().mode(Mode::International).to_string();
        let nat = num.format().mode(Mode::National).to_string();
        for _ in 0..30 {
            let mut w = match r.weighted(&[30, 30, 8, 6, 5, 6, 6, 4, 5]) {
                0 => intl.clone(),
                1 => nat.clone(),
                2 => intl.replacen('+', "00", 1),
                3 if matches!(cc, "DE" | "AT") && nat.contains(' ') => {
                    let (a, b) = nat.split_once(' ').expect("has a space");
                    format!("{a}/{}", b.replace(' ', ""))
                }
                4 if matches!(cc, "DE" | "AT" | "NL" | "IE" | "BE") && nat.starts_with('0') && nat.contains(' ') => {
                    let (a, b) = nat.split_once(' ').expect("has a space");
                    format!("({a}) {b}")
                }
                5 if trunk_zero
                    && cc != "IT"
                    && matches!(cc, "DE" | "AT" | "NL" | "BE" | "FR" | "IE" | "SE" | "FI") =>
                {
                    let (a, b) = intl.split_once(' ').expect("international form has a space");
                    format!("{a} (0){b}")
                }
                6 if matches!(cc, "DE" | "NL" | "AT" | "SE" | "DK" | "FI" | "PL" | "CZ" | "SK" | "HU")
                    && !nat.contains('-') =>
                {
                    nat.replacen(' ', "-", 1)
                }
                7 if matches!(cc, "FR" | "BE" | "LU" | "PT" | "ES" | "IT") => nat.replace(' ', "."),
                8 => {
                    if r.pct(50) {
                        nat.replace(' ', "")
                    } else {
                        e164(&num)
                    }
                }
                _ => continue,
            };
            if w.contains(' ') && r.pct(8) {
                let sep = if cc == "FR" && r.pct(50) { NNBSP } else { NBSP };
                w = w.replace(' ', &sep.to_string());
            }
            if phone_matches(&w, id, &num) {
                let normal: String = w.chars().map(|c| if c == NBSP || c == NNBSP { ' ' } else { c }).collect();
                if normal != w && phonenumber::parse(Some(id), &w).map(|p| e164(&p) != e164(&num)).unwrap_or(true) {
                    ps.needs_nbsp_normalisation += 1;
                }
                return w;
            }
        }
    }
    panic!("no valid phone number found for {cc}");
}

// ====================================================================== IBAN

/// The remainder mod 97 of a string of digits and letters (letters 10..35).
fn mod97_alnum(s: &str) -> u32 {
    let mut r = 0u32;
    for c in s.chars() {
        let v = c.to_digit(36).unwrap_or_else(|| panic!("bad IBAN character {c:?}"));
        r = if v >= 10 { (r * 100 + v) % 97 } else { (r * 10 + v) % 97 };
    }
    r
}

/// Remainder mod 97 of a long decimal string.
fn mod97_digits(s: &str) -> u32 {
    s.bytes().fold(0u32, |r, b| (r * 10 + u32::from(b - b'0')) % 97)
}

/// A weighted check over digit strings: the digit `d` (weight `w_last`)
/// that makes `Σ wᵢ·dᵢ ≡ 0 (mod m)`, or `None` if it would be ≥ 10.
fn solve_last(payload: &[u32], weights: &[u32], w_last: u32, m: u32) -> Option<u32> {
    let s = weighted_sum(payload, weights) % m;
    (0..10).find(|&d| (s + w_last * d) % m == 0)
}

fn rand_alnum(r: &mut R, n: usize, letter_pct: usize) -> String {
    (0..n)
        .map(|_| {
            if r.pct(letter_pct) {
                char::from(b'A' + r.below(26) as u8)
            } else {
                char::from(b'0' + r.below(10) as u8)
            }
        })
        .collect()
}

/// A BBAN of the country in the IBAN registry format, with the national check
/// digits where the format has them (BE, CZ, ES, FI, FR, HR, HU, IT, NL, PL, PT, SI, SK).
fn gen_bban(r: &mut R, cc: &str) -> String {
    loop {
        let b = match cc {
            "AT" => format!("{}{}", r.pick(&["20111", "12000", "32000", "14000", "60000", "38000"]), r.digits(11)),
            "BE" => {
                let first10 = format!("{}{}", r.pick(&["001", "068", "310", "363", "539", "732"]), r.digits(7));
                let k = (first10.parse::<u64>().expect("digits") % 97) as u32;
                format!("{first10}{:02}", if k == 0 { 97 } else { k })
            }
            "BG" => format!(
                "{}{}{}{}",
                r.pick(&["BNBG", "UNCR", "STSA", "FINV", "UBBS"]),
                r.digits(4),
                r.digits(2),
                r.digits(8)
            ),
            "CY" => format!("{}{}{}", r.pick(&["002", "005", "018", "007"]), r.digits(5), r.digits(16)),
            "CZ" | "SK" => {
                let bank = if cc == "CZ" {
                    r.pick(&["0100", "0300", "0600", "0800", "2010", "5500"])
                } else {
                    r.pick(&["0200", "0900", "1100", "1111", "7500"])
                };
                let prefix = if r.pct(70) { "000000".to_string() } else { format!("0{}", r.digits(5)) };
                let pd = digit_values(&prefix);
                if weighted_sum(&pd, &[10, 5, 8, 4, 2, 1]) % 11 != 0 {
                    continue;
                }
                let mut acc = digit_values(&format!("{}{}", "0".repeat(r.below(3)), r.digits_nz(9)));
                acc.truncate(9);
                let Some(c) = solve_last(&acc, &[6, 3, 7, 9, 10, 5, 8, 4, 2], 1, 11) else { continue };
                acc.push(c);
                format!("{bank}{prefix}{}", digit_string(&acc))
            }
            "DE" => format!(
                "{}{}",
                r.pick(&[
                    "37040044", "10010010", "50010517", "12030000", "20041133", "70150000", "43060967", "76050101",
                    "86055592"
                ]),
                r.digits(10)
            ),
            "DK" => format!("{}{}{}", r.pick(&["3000", "2000", "5301", "9570", "0400"]), r.digits(9), r.digits(1)),
            "EE" => format!("{}{}{}{}", r.pick(&["22", "10", "17", "77"]), r.digits(2), r.digits(11), r.digits(1)),
            "ES" => {
                let bank = r.pick(&["2100", "0049", "0182", "0081", "2085", "1465"]);
                let branch = r.digits(4);
                let acc = r.digits(10);
                let w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
                let dc = |s: &str| match 11 - weighted_sum(&digit_values(s), &w) % 11 {
                    11 => 0,
                    10 => 1,
                    x => x,
                };
                format!("{bank}{branch}{}{}{acc}", dc(&format!("00{bank}{branch}")), dc(&acc))
            }
            "FI" => {
                let mut d = digit_values(&format!("{}{}", r.pick(&["1", "2", "3", "4", "5", "6", "8"]), r.digits(12)));
                d.push(luhn_check_digit(&d));
                digit_string(&d)
            }
            "FR" => {
                let bank = r.pick(&["30004", "30003", "20041", "10278", "30002", "11315", "16006"]);
                let branch = r.digits(5);
                let acc = format!("000{}", r.digits(8));
                let n = 89 * bank.parse::<u64>().expect("digits")
                    + 15 * branch.parse::<u64>().expect("digits")
                    + 3 * acc.parse::<u64>().expect("digits");
                format!("{bank}{branch}{acc}{:02}", 97 - n % 97)
            }
            "GR" => format!("{}{}{}", r.pick(&["011", "017", "026", "014", "172"]), r.digits(4), r.digits(16)),
            "HR" => {
                let mut bank = digit_values(r.pick(&["234000", "248400", "236000", "240200", "239000"]));
                bank.push(iso7064_mod11_10_check(&bank));
                let mut acc = digit_values(&r.digits_nz(9));
                acc.push(iso7064_mod11_10_check(&acc));
                format!("{}{}", digit_string(&bank), digit_string(&acc))
            }
            "HU" => {
                let mut head =
                    digit_values(&format!("{}{}", r.pick(&["117", "104", "116", "107", "120"]), r.digits(4)));
                head.push((10 - weighted_sum(&head, &[9, 7, 3, 1, 9, 7, 3]) % 10) % 10);
                let mut acc = digit_values(&if r.pct(50) { format!("{}0000000", r.digits(8)) } else { r.digits(15) });
                acc.push((10 - weighted_sum(&acc, &[9, 7, 3, 1, 9, 7, 3, 1, 9, 7, 3, 1, 9, 7, 3]) % 10) % 10);
                format!("{}{}", digit_string(&head), digit_string(&acc))
            }
            "IE" => format!(
                "{}{}{}",
                r.pick(&["AIBK", "BOFI", "IPBS", "ULSB", "TRWI"]),
                r.pick(&["93", "90", "98", "99"]),
                r.digits(12)
            ),
            "IT" => {
                let abi = r.pick(&["03069", "02008", "05034", "03062", "01030", "05696"]);
                let body = format!("{abi}{}{}", r.digits(5), r.digits(12));
                const ODD: [u32; 10] = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
                let sum: u32 = body
                    .bytes()
                    .enumerate()
                    .map(|(i, c)| {
                        let v = u32::from(c - b'0');
                        if i % 2 == 0 {
                            ODD[v as usize]
                        } else {
                            v
                        }
                    })
                    .sum();
                format!("{}{body}", char::from(b'A' + (sum % 26) as u8))
            }
            "LT" => format!("{}{}", r.pick(&["73000", "70440", "40100", "21400", "72900"]), r.digits(11)),
            "LU" => format!("{}{}", r.pick(&["001", "002", "003", "019", "014"]), r.digits(13)),
            "LV" => format!("{}{}", r.pick(&["HABA", "UNLA", "RIKO", "PARX", "NDEA"]), r.digits(13)),
            "MT" => format!("{}{}{}", r.pick(&["MALT", "VALL", "APSB", "BOVM"]), r.digits(5), rand_alnum(r, 18, 15)),
            "NL" => {
                let mut acc = digit_values(&r.digits_nz(9));
                let Some(c) = solve_last(&acc, &[10, 9, 8, 7, 6, 5, 4, 3, 2], 1, 11) else { continue };
                acc.push(c);
                format!(
                    "{}{}",
                    r.pick(&["ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ"]),
                    digit_string(&acc)
                )
            }
            "PL" => {
                let mut sort = digit_values(&format!(
                    "{}{}",
                    r.pick(&["1020", "1140", "1050", "1090", "1240", "1160"]),
                    r.digits(3)
                ));
                sort.push((10 - weighted_sum(&sort, &[3, 9, 7, 1, 3, 9, 7]) % 10) % 10);
                format!("{}{}", digit_string(&sort), r.digits(16))
            }
            "PT" => {
                let body = format!(
                    "{}{}{}",
                    r.pick(&["0035", "0033", "0007", "0010", "0036", "0018"]),
                    r.digits(4),
                    r.digits(11)
                );
                format!("{body}{:02}", 98 - mod97_digits(&format!("{body}00")))
            }
            "RO" => format!("{}{}", r.pick(&["RNCB", "BTRL", "BRDE", "INGB", "RZBR", "BACX"]), rand_alnum(r, 16, 8)),
            "SE" => format!("{}{}{}", r.pick(&["500", "800", "600", "300", "957"]), r.digits(16), r.digits(1)),
            "SI" => {
                let body = format!("{}{}", r.pick(&["02010", "04302", "05100", "03100", "10100"]), r.digits(8));
                format!("{body}{:02}", 98 - mod97_digits(&format!("{body}00")))
            }
            _ => panic!("no IBAN format for {cc}"),
        };
        return b;
    }
}

/// A valid IBAN of the country: (written form, compact form).
fn gen_iban(r: &mut R, cc: &str) -> (String, String) {
    let bban = gen_bban(r, cc);
    let check = 98 - mod97_alnum(&format!("{bban}{cc}00"));
    let compact = format!("{cc}{check:02}{bban}");
    let grouped: String = compact
        .chars()
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ");
    assert_iban(&compact, cc);
    assert_iban(&grouped, cc);
    let written = match r.weighted(&[75, 15, 10]) {
        0 => grouped,
        1 => compact.clone(),
        _ => grouped.replace(' ', &NBSP.to_string()),
    };
    (written, compact)
}

fn iban_parses(s: &str) -> Option<String> {
    let normal: String = s.chars().map(|c| if c == NBSP || c == NNBSP { ' ' } else { c }).collect();
    normal.parse::<iban::Iban>().ok().map(|i| i.country_code().to_string())
}

fn assert_iban(s: &str, cc: &str) {
    assert_eq!(iban_parses(s).as_deref(), Some(cc), "generated IBAN {s:?} does not validate");
}

// ====================================================================== cards

const BRANDS: [&str; 7] = ["VISA", "MASTERCARD", "AMEX", "MAESTRO", "DISCOVER", "DINERS", "JCB"];

/// A Luhn-valid card number: (brand, digits).
fn gen_card_digits(r: &mut R) -> (&'static str, String) {
    let brand = BRANDS[r.weighted(&[30, 26, 12, 12, 7, 6, 7])];
    let (prefix, len): (String, usize) = match brand {
        "VISA" => ("4".into(), 16),
        "MASTERCARD" => {
            if r.pct(80) {
                (format!("5{}", r.range(1, 5)), 16)
            } else {
                (format!("{}", r.range(2221, 2720)), 16)
            }
        }
        "AMEX" => (r.pick(&["34", "37"]).to_string(), 15),
        "MAESTRO" => (r.pick(&["5018", "5020", "5038", "5893", "6304", "6759", "6761", "6763"]).to_string(), 16),
        "DISCOVER" => (r.pick(&["6011", "644", "645", "646", "647", "648", "649", "65"]).to_string(), 16),
        "DINERS" => (r.pick(&["36", "300", "301", "302", "303", "304", "305", "38"]).to_string(), 14),
        _ => (format!("{}", r.range(3528, 3589)), 16),
    };
    let mut d = digit_values(&format!("{prefix}{}", r.digits(len - 1 - prefix.len())));
    d.push(luhn_check_digit(&d));
    assert!(luhn_valid(&d));
    (brand, digit_string(&d))
}

/// The card number grouped as printed on the card.
fn card_written(r: &mut R, brand: &str, digits: &str) -> String {
    let groups: &[usize] = match brand {
        "AMEX" => &[4, 6, 5],
        "DINERS" => &[4, 6, 4],
        _ => &[4, 4, 4, 4],
    };
    let mut parts = Vec::new();
    let mut i = 0;
    for &g in groups {
        parts.push(&digits[i..i + g]);
        i += g;
    }
    match r.weighted(&[55, 20, 20, 5]) {
        0 => parts.join(" "),
        1 => parts.join("-"),
        2 => digits.to_string(),
        _ => parts.join(&NBSP.to_string()),
    }
}

// ====================================================================== IP addresses

fn ipv4_class(a: [u8; 4]) -> &'static str {
    match a {
        [10, ..] | [172, 16..=31, ..] | [192, 168, ..] | [127, ..] | [169, 254, ..] | [100, 64..=127, ..] => "private",
        [192, 0, 2, _] | [198, 51, 100, _] | [203, 0, 113, _] => "documentation",
        [0, ..] | [192, 0, 0, _] | [198, 18..=19, ..] | [224..=255, ..] => "reserved",
        _ => "public",
    }
}

fn gen_ipv4_public(r: &mut R) -> String {
    loop {
        let a = [r.range(1, 223) as u8, r.below(256) as u8, r.below(256) as u8, r.range(1, 254) as u8];
        if ipv4_class(a) == "public" {
            return format!("{}.{}.{}.{}", a[0], a[1], a[2], a[3]);
        }
    }
}

/// IPv6 text: `compress` replaces the longest run (≥ 2) of zero groups by `::`.
fn ipv6_text(g: &[u16; 8], compress: bool) -> String {
    let hex: Vec<String> = g.iter().map(|x| format!("{x:x}")).collect();
    if compress {
        let (mut best, mut best_len, mut i) = (0, 0, 0);
        while i < 8 {
            if g[i] == 0 {
                let j = (i..8).find(|&j| g[j] != 0).unwrap_or(8);
                if j - i > best_len {
                    best = i;
                    best_len = j - i;
                }
                i = j;
            } else {
                i += 1;
            }
        }
        if best_len >= 2 {
            return format!("{}::{}", hex[..best].join(":"), hex[best + best_len..].join(":"));
        }
    }
    hex.join(":")
}

fn gen_ipv6_groups(r: &mut R, prefix: &[u16]) -> [u16; 8] {
    let mut g = [0u16; 8];
    g[..prefix.len()].copy_from_slice(prefix);
    for x in g.iter_mut().skip(prefix.len()) {
        *x = match r.below(5) {
            0 => 0,
            1 => r.below(0x100) as u16,
            _ => r.below(0x10000) as u16,
        };
    }
    if r.pct(60) {
        // a run of zero groups, as in most real addresses
        let start = r.range(prefix.len().max(3), 5);
        let len = r.range(2, 7 - start);
        for x in g.iter_mut().skip(start).take(len) {
            *x = 0;
        }
    }
    if g[7] == 0 {
        g[7] = 1 + r.below(0xfffe) as u16;
    }
    g
}

fn gen_ipv6_public(r: &mut R) -> String {
    let prefixes: &[&[u16]] = &[
        &[0x2a00, 0x1450],
        &[0x2a01, 0x4f8],
        &[0x2a02, 0x8108],
        &[0x2003, 0xe7],
        &[0x2001, 0x67c],
        &[0x2a0a, 0xa540],
        &[0x2a05, 0xd014],
        &[0x2a10, 0x3781],
        &[0x2001, 0x470],
        &[0x2a03, 0x2880],
        &[0x2a00, 0x23c7],
    ];
    let mut p = r.pick(prefixes).to_vec();
    p.push(r.below(0x10000) as u16);
    let g = gen_ipv6_groups(r, &p);
    let s = ipv6_text(&g, r.pct(75));
    assert!(s.parse::<std::net::Ipv6Addr>().is_ok(), "bad IPv6 {s}");
    s
}

/// A private/loopback/link-local (`private_ip`) or documentation-range
/// (`documentation_ip`) address.
fn gen_ip_negative(r: &mut R, documentation: bool) -> String {
    let s = if documentation {
        match r.below(4) {
            0 => format!("192.0.2.{}", r.range(1, 254)),
            1 => format!("198.51.100.{}", r.range(1, 254)),
            2 => format!("203.0.113.{}", r.range(1, 254)),
            _ => ipv6_text(&gen_ipv6_groups(r, &[0x2001, 0xdb8]), true),
        }
    } else {
        match r.below(8) {
            0 | 1 => format!("192.168.{}.{}", r.pick(&[0, 1, 2, 10, 178]), r.range(1, 254)),
            2 => format!("10.{}.{}.{}", r.below(256), r.below(256), r.range(1, 254)),
            3 => format!("172.{}.{}.{}", r.range(16, 31), r.below(256), r.range(1, 254)),
            4 => "127.0.0.1".to_string(),
            5 => format!("169.254.{}.{}", r.range(1, 254), r.range(1, 254)),
            6 => {
                let ula = 0xfd00 + r.below(0x100) as u16;
                ipv6_text(&gen_ipv6_groups(r, &[ula]), true)
            }
            _ => ipv6_text(&gen_ipv6_groups(r, &[0xfe80, 0, 0, 0]), true),
        }
    };
    assert!(s.parse::<std::net::IpAddr>().is_ok(), "bad IP {s}");
    s
}

// ====================================================================== national IDs and VAT

/// A valid national ID of the scheme, as generated or in another usual
/// written form that its separators allow.
fn gen_natid(r: &mut R, s: &Scheme) -> String {
    let g = (s.generate)(&mut r.0);
    let compact = strip_separators(&g, s.separators);
    let w = match r.below(100) {
        0..=64 => g.clone(),
        65..=79 if compact != g => compact.clone(),
        80..=87 if g.contains(' ') && s.separators.contains(' ') => {
            let sep = if s.country == "FR" { NNBSP } else { NBSP };
            g.replace(' ', &sep.to_string())
        }
        _ => match s.subtype {
            "NL_BSN" => g.replace('.', " "),
            "SE_PERSONNUMMER" => {
                format!("{}{g}", if compact[..2].parse::<u32>().unwrap_or(0) >= 24 { "19" } else { "20" })
            }
            "DK_CPR" => g.replace('-', " "),
            "ES_DNI" => format!("{}.{}.{}-{}", &compact[..2], &compact[2..5], &compact[5..8], &compact[8..]),
            "ES_NIE" => format!("{}-{}-{}", &compact[..1], &compact[1..8], &compact[8..]),
            "HU_TAJ" => g.replace(' ', "-"),
            "IT_CODICE_FISCALE" => g.to_lowercase(),
            "BE_NRN" | "BE_BIS" => format!("{} {} {}", &compact[..6], &compact[6..9], &compact[9..]),
            "PL_PESEL" | "HR_OIB" | "GR_AMKA" | "RO_CNP" | "SI_EMSO" | "BG_EGN" | "EE_ISIKUKOOD"
            | "LT_ASMENS_KODAS" => g,
            _ => compact,
        },
    };
    assert!((s.validate)(&strip_separators(&w, s.separators)), "{}: generated {w:?} does not validate", s.subtype);
    w
}

/// A valid VAT number of the scheme in one of its usual written forms.
fn gen_vat(r: &mut R, v: &VatScheme) -> String {
    let g = (v.generate)(&mut r.0);
    let (p, rest) = g.split_at(2);
    let w = if r.pct(55) {
        g.clone()
    } else {
        match p {
            "DE" => {
                if r.pct(50) {
                    format!("DE {rest}")
                } else {
                    format!("DE {} {} {}", &rest[..3], &rest[3..6], &rest[6..])
                }
            }
            "BE" if rest.len() == 10 => {
                let sep = if r.pct(50) { " " } else { "" };
                format!("BE{sep}{}.{}.{}", &rest[..4], &rest[4..7], &rest[7..])
            }
            "FR" => format!("FR {} {} {} {}", &rest[..2], &rest[2..5], &rest[5..8], &rest[8..]),
            "DK" => format!("DK {} {} {} {}", &rest[..2], &rest[2..4], &rest[4..6], &rest[6..]),
            "PT" => format!("PT {} {} {}", &rest[..3], &rest[3..6], &rest[6..]),
            "ES" if r.pct(50) => format!("ES-{rest}"),
            "NL" | "AT" | "IE" | "CY" => g.clone(),
            _ => format!("{p} {rest}"),
        }
    };
    assert_eq!(validate_vat(&w).map(|s| s.country), Some(v.country), "VAT {w:?} does not validate");
    w
}

/// Whether the digits are a Luhn-valid number with a card brand's prefix and length.
fn looks_like_card(d: &[u32]) -> bool {
    if !(12..=19).contains(&d.len()) || !luhn_valid(d) {
        return false;
    }
    let p = |n: usize| d[..n].iter().fold(0u32, |a, &x| a * 10 + x);
    d[0] == 4
        || (51..=55).contains(&p(2))
        || (2221..=2720).contains(&p(4))
        || matches!(p(2), 34 | 37 | 36 | 38 | 39 | 50 | 56 | 57 | 58 | 65)
        || (300..=305).contains(&p(3))
        || (644..=649).contains(&p(3))
        || matches!(p(4), 6011 | 6304 | 6759 | 6761 | 6762 | 6763)
        || (3528..=3589).contains(&p(4))
}

/// Whether any national-ID scheme with a check digit of the country accepts `s`.
fn passes_checked_natid(cc: &str, s: &str) -> bool {
    schemes().iter().filter(|x| x.country == cc).any(|x| (x.validate)(&strip_separators(s, x.separators)))
}

/// Whether a digit string of a negative could be read as an identifier: a
/// checked national ID of the country, a VAT number (with the country
/// prefix), a Luhn-valid card-length number or an IBAN.
fn looks_like_identifier(cc: &str, s: &str) -> bool {
    let checked = schemes()
        .iter()
        .filter(|x| x.country == cc && x.checksum)
        .any(|x| (x.validate)(&strip_separators(s, x.separators)));
    let digits = digit_values(s);
    let compact: String = s.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    let prefix = vat_schemes().iter().find(|v| v.country == cc).map_or(cc, |v| v.prefix);
    checked
        || validate_vat(&format!("{prefix}{compact}")).is_some()
        || validate_vat(&compact).is_some()
        || (looks_like_card(&digits) && digits.len() == compact.len())
        || iban_parses(s).is_some()
}

// ====================================================================== other values (mostly negatives)

/// Lower-case ASCII form of a Latin-script name part (`german`: ä → ae …).
fn fold_ascii(s: &str, german: bool) -> String {
    let mut out = String::new();
    for ch in s.to_lowercase().chars() {
        let rep: &str = match ch {
            'ä' if german => "ae",
            'ö' if german => "oe",
            'ü' if german => "ue",
            'ß' => "ss",
            'á' | 'à' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'æ' => "ae",
            'ç' | 'ć' | 'č' | 'ċ' => "c",
            'ď' | 'đ' => "d",
            'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
            'ģ' | 'ġ' => "g",
            'ħ' => "h",
            'í' | 'ì' | 'î' | 'ï' | 'ī' | 'į' => "i",
            'ķ' => "k",
            'ĺ' | 'ľ' | 'ļ' | 'ł' => "l",
            'ń' | 'ň' | 'ņ' | 'ñ' => "n",
            'ó' | 'ò' | 'ô' | 'õ' | 'ö' | 'ő' | 'ø' => "o",
            'œ' => "oe",
            'ŕ' | 'ř' => "r",
            'ś' | 'š' | 'ș' | 'ş' => "s",
            'ť' | 'ț' | 'ţ' => "t",
            'ú' | 'ù' | 'û' | 'ü' | 'ű' | 'ū' | 'ů' | 'ų' => "u",
            'ý' | 'ÿ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => "",
        };
        out.push_str(rep);
    }
    out
}

/// A name of the country: (native full name, Latin-script full name).
fn pick_name(r: &mut R, c: &Country) -> (String, String) {
    let n = r.pick(c.names);
    match n.split_once('|') {
        Some((native, latin)) => (native.to_string(), latin.to_string()),
        None => (n.to_string(), n.to_string()),
    }
}

/// An invented e-mail address, sometimes internationalised or obfuscated.
fn gen_email(r: &mut R, c: &Country, l: &Lang) -> String {
    let (native, latin) = pick_name(r, c);
    let german = matches!(l.code, "de" | "lb");
    let idn = r.pct(13);
    let words: Vec<String> = if idn && !native.is_ascii() {
        native.split_whitespace().map(|w| w.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect()).collect()
    } else {
        latin.split_whitespace().map(|w| fold_ascii(w, german)).collect()
    };
    let (f, last) = (words[0].clone(), words[1..].concat());
    let initial: String = f.chars().take(1).collect();
    let mut local = match r.below(8) {
        0 | 1 => format!("{f}.{last}"),
        2 => format!("{initial}{last}"),
        3 => format!("{f}_{last}"),
        4 => format!("{f}{last}"),
        5 => format!("{last}.{f}"),
        6 => format!("{f}.{last}{}", r.range(10, 99)),
        _ => format!("{initial}.{last}"),
    };
    if !idn && r.pct(4) {
        local.push('+');
        local.push_str(r.pick(&["shop", "news", "info", "verein"]));
    }
    let tld = if r.pct(12) { r.pick(&["eu", "com", "net", "org"]) } else { c.tld };
    let (stem, tld) = if idn && !l.idn.is_empty() && r.pct(70) {
        let t = match c.cc {
            "GR" if r.pct(40) => "ελ",
            "BG" if r.pct(50) => "бг",
            _ => c.tld,
        };
        (r.pick(l.idn), t)
    } else {
        (r.pick(l.domains), tld)
    };
    if !idn && r.pct(11) {
        return match r.below(3) {
            0 => format!("{local} [at] {stem} [dot] {tld}"),
            1 => format!("{local}(at){stem}.{tld}"),
            _ => format!("{local} [at] {stem}.{tld}"),
        };
    }
    format!("{local}@{stem}.{tld}")
}

/// A digit string of `lo..=hi` digits that no validator of the country accepts.
fn gen_plain_digits(r: &mut R, cc: &str, lo: usize, hi: usize) -> String {
    loop {
        let n = r.range(lo, hi);
        let s = r.digits_nz(n);
        if !looks_like_identifier(cc, &s) {
            return s;
        }
    }
}

fn isbn_group(c: &Country, lang: &str) -> &'static str {
    match (c.cc, lang) {
        (_, "de") => "3",
        (_, "fr") => "2",
        ("BE", _) | ("NL", _) => "90",
        ("FI", "sv") => "91",
        (_, "en") | (_, "ga") if c.cc == "IE" => "1",
        _ => c.isbn,
    }
}

/// A valid ISBN-13 (or ISBN-10), hyphenated.
fn gen_isbn(r: &mut R, c: &Country, lang: &str) -> String {
    let group = isbn_group(c, lang);
    let publen = r.range(2, (8 - group.len()).min(5));
    let pubnum = r.digits_nz(publen);
    let title = r.digits(9 - group.len() - publen);
    if r.pct(25) {
        let body = digit_values(&format!("{group}{pubnum}{title}"));
        let s: u32 = body.iter().enumerate().map(|(i, d)| (10 - i as u32) * d).sum();
        let c10 = (11 - s % 11) % 11;
        let check = if c10 == 10 { "X".to_string() } else { c10.to_string() };
        return format!("{group}-{pubnum}-{title}-{check}");
    }
    let prefix = if r.pct(85) || group.len() > 3 { "978" } else { "979" };
    let body = digit_values(&format!("{prefix}{group}{pubnum}{title}"));
    let s: u32 = body.iter().enumerate().map(|(i, d)| if i % 2 == 0 { *d } else { 3 * d }).sum();
    format!("{prefix}-{group}-{pubnum}-{title}-{}", (10 - s % 10) % 10)
}

/// A valid EAN-13 with a GS1 prefix of the country.
fn gen_ean(r: &mut R, c: &Country) -> String {
    loop {
        let mut d = digit_values(&format!("{}{}", r.pick(c.ean), r.digits(9)));
        let s: u32 = d.iter().enumerate().map(|(i, x)| if i % 2 == 0 { *x } else { 3 * x }).sum();
        d.push((10 - s % 10) % 10);
        let e = digit_string(&d);
        if !looks_like_identifier(c.cc, &e) {
            return e;
        }
    }
}

fn gen_date(r: &mut R, lang: &str) -> String {
    let (y, m) = (r.range(1990, 2026), r.range(1, 12));
    let d = r.range(1, if m == 2 { 28 } else { 30 });
    if r.pct(20) {
        return format!("{y}-{m:02}-{d:02}");
    }
    match lang {
        "fr" | "it" | "es" | "pt" | "el" | "en" | "ga" | "mt" => format!("{d:02}/{m:02}/{y}"),
        "nl" => format!("{d:02}-{m:02}-{y}"),
        "sv" | "lt" => format!("{y}-{m:02}-{d:02}"),
        "hu" => format!("{y}.{m:02}.{d:02}."),
        _ => format!("{d:02}.{m:02}.{y}"),
    }
}

fn group_thousands(n: usize, sep: &str) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(ch);
    }
    out
}

fn gen_price(r: &mut R, c: &Country, lang: &str) -> String {
    let units = if r.pct(60) { r.range(1, 999) } else { r.range(1000, 25_000) };
    let cents = r.below(100);
    let cur = c.currency;
    match (lang, cur) {
        (_, "Ft") => format!("{} Ft", group_thousands(units * 10, &NBSP.to_string())),
        ("en" | "ga" | "mt", _) => {
            if r.pct(70) {
                format!("€{}.{cents:02}", group_thousands(units, ","))
            } else {
                format!("EUR {}.{cents:02}", group_thousands(units, ","))
            }
        }
        ("nl", _) => format!("€ {},{cents:02}", group_thousands(units, ".")),
        ("fr" | "fi" | "sv" | "cs" | "sk" | "pl" | "bg" | "lt" | "lv" | "et" | "hu", _) => {
            let sep = if lang == "fr" { NNBSP } else { NBSP };
            format!("{},{cents:02}{NBSP}{cur}", group_thousands(units, &sep.to_string()))
        }
        _ => {
            if r.pct(75) {
                format!("{},{cents:02} {cur}", group_thousands(units, "."))
            } else {
                format!("{cur} {},{cents:02}", group_thousands(units, "."))
            }
        }
    }
}

fn gen_product(r: &mut R, cc: &str) -> String {
    loop {
        let groups: &[usize] = r.pick(&[&[3, 3, 4][..], &[4, 4, 2][..], &[2, 4, 4][..], &[3, 4][..], &[4, 3, 3][..]]);
        let sep = if r.pct(75) { "-" } else { " " };
        let s = groups.iter().map(|&g| r.digits(g)).collect::<Vec<_>>().join(sep);
        if !looks_like_identifier(cc, &s) {
            return s;
        }
    }
}

fn gen_version(r: &mut R) -> String {
    match r.below(10) {
        0..=4 => format!("{}.{}.{}", r.range(1, 12), r.below(30), r.below(20)),
        5..=7 => format!("{}.{}.{}.{}", r.range(1, 9), r.below(10), r.below(10), r.range(1, 40)),
        _ => format!("v{}.{}.{}", r.range(1, 5), r.below(25), r.below(10)),
    }
}

fn gen_coords(r: &mut R, c: &Country) -> String {
    let lat = c.geo.0 + (r.below(20_001) as f64 - 10_000.0) / 10_000.0;
    let lon = c.geo.1 + (r.below(20_001) as f64 - 10_000.0) / 10_000.0;
    format!("{lat:.4}, {lon:.4}")
}

/// A parcel tracking number: UPU S10 (with its check digit), UPS-like or DHL-like.
fn gen_tracking(r: &mut R, cc: &str) -> String {
    loop {
        let s = match r.below(4) {
            0 | 1 => {
                let d = digit_values(&r.digits(8));
                let s = weighted_sum(&d, &[8, 6, 4, 2, 3, 5, 9, 7]);
                let c = match 11 - s % 11 {
                    10 => 0,
                    11 => 5,
                    x => x,
                };
                format!("{}{}{c}{cc}", r.pick(&["RR", "RX", "CP", "LX", "RA", "EE", "CX", "LY"]), digit_string(&d))
            }
            2 => format!("1Z{}{}{}", rand_alnum(r, 6, 60), r.pick(&["03", "01", "68"]), r.digits(8)),
            _ => format!("00340434{}", r.digits(12)),
        };
        if !looks_like_identifier(cc, &s) {
            return s;
        }
    }
}

fn gen_years(r: &mut R) -> String {
    let a = r.range(1985, 2022);
    let b = r.range(a + 1, 2026);
    format!("{a}{}{b}", if r.pct(50) { "–" } else { "-" })
}

fn gen_time(r: &mut R, seconds: bool) -> String {
    if seconds && r.pct(70) {
        format!("{:02}:{:02}:{:02}", r.below(24), r.below(60), r.below(60))
    } else {
        format!("{:02}:{:02}", r.range(7, 20), r.pick(&[0, 15, 30, 45, 10, 20]))
    }
}

fn gen_mac(r: &mut R) -> String {
    let sep = if r.pct(70) { ":" } else { "-" };
    let upper = r.pct(60);
    (0..6)
        .map(|_| {
            let b = r.below(256);
            if upper {
                format!("{b:02X}")
            } else {
                format!("{b:02x}")
            }
        })
        .collect::<Vec<_>>()
        .join(sep)
}

// ====================================================================== composing documents

#[derive(Clone, Copy)]
enum Slot {
    Email,
    /// `true`: with a context word.
    Phone(bool),
    Iban,
    Card,
    Ip,
    Vat,
    /// `true`: with a context word.
    NatId(&'static Scheme, bool),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Edge {
    Middle,
    Start,
    End,
}

/// Kinds of hard negatives and their weights.
const NEG_KINDS: [(&str, usize); 18] = [
    ("wrong_checksum", 16),
    ("order_number", 5),
    ("invoice_number", 5),
    ("isbn", 4),
    ("ean", 4),
    ("date", 6),
    ("price", 6),
    ("product_code", 5),
    ("version", 4),
    ("postcode", 5),
    ("coordinates", 3),
    ("private_ip", 4),
    ("documentation_ip", 3),
    ("tracking_number", 4),
    ("year_range", 3),
    ("time", 4),
    ("mac_address", 3),
    ("statute", 4),
];

fn lang(code: &str) -> &'static Lang {
    LANGS.iter().find(|l| l.code == code).unwrap_or_else(|| panic!("no language {code}"))
}

fn country_schemes(cc: &str) -> Vec<&'static Scheme> {
    schemes().iter().filter(|s| s.country == cc).collect()
}

fn vat_scheme(cc: &str) -> &'static VatScheme {
    vat_schemes().iter().find(|v| v.country == cc).unwrap_or_else(|| panic!("no VAT scheme for {cc}"))
}

/// Items of a language-tagged list for `lang` (an empty tag fits every language).
fn for_lang<T: Copy>(items: &[(&str, T)], lang: &str) -> Vec<T> {
    items.iter().filter(|(l, _)| l.is_empty() || *l == lang).map(|&(_, x)| x).collect()
}

fn make_fill(r: &mut R, c: &Country, l: &Lang) -> Fill {
    let (name, _) = pick_name(r, c);
    let first = name.split_whitespace().next().unwrap_or_default().to_string();
    let cities = for_lang(c.cities, l.code);
    let (_, city) = r.pick(&cities);
    let labels = for_lang(c.vat_labels, l.code);
    Fill {
        name,
        first,
        city: city.to_string(),
        company: r.pick(l.companies).to_string(),
        vat_label: r.pick(&labels).to_string(),
    }
}

fn pos_part(r: &mut R, c: &Country, l: &Lang, slot: Slot, ps: &mut PhoneStats) -> Part {
    let fill = make_fill(r, c, l);
    let (tpl, val): (&str, Val) = match slot {
        Slot::Email => (r.pick(l.email), Val::pos(gen_email(r, c, l), "EMAIL", "")),
        Slot::Phone(ctx) => {
            let raw: &str = if ctx { r.pick(l.phone) } else { r.pick(l.phone_bare) };
            let (mobile, tpl) = if let Some(t) = raw.strip_prefix("m|") {
                (Some(true), t)
            } else if let Some(t) = raw.strip_prefix("f|") {
                (Some(false), t)
            } else {
                (None, raw)
            };
            (tpl, Val::pos(gen_phone(r, c.cc, mobile, ps), "PHONE", c.cc))
        }
        Slot::Iban => {
            let cc = if r.pct(12) { COUNTRIES[r.below(COUNTRIES.len())].cc } else { c.cc };
            let (w, _) = gen_iban(r, cc);
            (r.pick(l.iban), Val::pos(w, "IBAN", cc))
        }
        Slot::Card => {
            let (brand, d) = gen_card_digits(r);
            let w = card_written(r, brand, &d);
            (r.pick(l.card), Val::pos(w, "CREDIT_CARD", brand))
        }
        Slot::Ip => {
            if r.pct(68) {
                (r.pick(l.ip), Val::pos(gen_ipv4_public(r), "IP_ADDRESS", "IPV4"))
            } else {
                (r.pick(l.ip), Val::pos(gen_ipv6_public(r), "IP_ADDRESS", "IPV6"))
            }
        }
        Slot::Vat => (r.pick(l.vat), Val::pos(gen_vat(r, vat_scheme(c.cc)), "VAT_ID", c.cc)),
        Slot::NatId(s, ctx) => {
            let tpl = if ctx { r.pick(natid_templates(s.subtype, l.code)) } else { r.pick(l.form) };
            (tpl, Val::pos(gen_natid(r, s), "NATIONAL_ID", s.subtype))
        }
    };
    Part { tpl: tpl.to_string(), val: Some(val), fill }
}

/// A national ID, VAT number, IBAN or card number with one digit changed so
/// that its check fails, in the sentence of a real one.
fn wrong_checksum_part(r: &mut R, c: &Country, l: &Lang, fill: Fill) -> Part {
    let checked: Vec<&Scheme> = country_schemes(c.cc).into_iter().filter(|s| s.checksum).collect();
    loop {
        let (tpl, bad): (&str, String) = match r.weighted(&[35, 25, 25, 15]) {
            0 if !checked.is_empty() => {
                let s = r.pick(&checked);
                let good = gen_natid(r, s);
                let bad = mutate_digit(r, &good, 0);
                if passes_checked_natid(c.cc, &bad) || looks_like_card(&digit_values(&bad)) {
                    continue;
                }
                (r.pick(natid_templates(s.subtype, l.code)), bad)
            }
            1 => {
                let good = gen_vat(r, vat_scheme(c.cc));
                let bad = mutate_digit(r, &good, 2);
                if validate_vat(&bad).is_some() {
                    continue;
                }
                (r.pick(l.vat), bad)
            }
            2 => {
                let (good, _) = gen_iban(r, c.cc);
                let bad = mutate_digit(r, &good, 2);
                if iban_parses(&bad).is_some() {
                    continue;
                }
                (r.pick(l.iban), bad)
            }
            3 => {
                let (brand, d) = gen_card_digits(r);
                let good = card_written(r, brand, &d);
                let bad = mutate_digit(r, &good, 0);
                if luhn_valid(&digit_values(&bad)) {
                    continue;
                }
                (r.pick(l.card), bad)
            }
            _ => continue,
        };
        let tpl = tpl.strip_prefix("m|").or_else(|| tpl.strip_prefix("f|")).unwrap_or(tpl);
        return Part { tpl: tpl.to_string(), val: Some(Val::neg(bad, "wrong_checksum")), fill };
    }
}

fn neg_part(r: &mut R, c: &Country, l: &Lang, kind: &'static str) -> Part {
    let mut fill = make_fill(r, c, l);
    let (tpl, text): (&str, String) = match kind {
        "wrong_checksum" => return wrong_checksum_part(r, c, l, fill),
        "order_number" => (r.pick(l.order), gen_plain_digits(r, c.cc, 8, 16)),
        "invoice_number" => (r.pick(l.invoice), gen_plain_digits(r, c.cc, 8, 14)),
        "isbn" => (r.pick(l.isbn), gen_isbn(r, c, l.code)),
        "ean" => (r.pick(l.ean), gen_ean(r, c)),
        "date" => (r.pick(l.date), gen_date(r, l.code)),
        "price" => (r.pick(l.price), gen_price(r, c, l.code)),
        "product_code" => (r.pick(l.product), gen_product(r, c.cc)),
        "version" => (r.pick(l.version), gen_version(r)),
        "postcode" => {
            let cities = for_lang(c.cities, l.code);
            let (pc, city) = r.pick(&cities);
            fill.city = city.to_string();
            (r.pick(l.postcode), pc.to_string())
        }
        "coordinates" => (r.pick(l.coords), gen_coords(r, c)),
        "private_ip" | "documentation_ip" => {
            let tpl = if r.pct(50) { r.pick(l.ip) } else { r.pick(l.ip_neg) };
            (tpl, gen_ip_negative(r, kind == "documentation_ip"))
        }
        "tracking_number" => (r.pick(l.tracking), gen_tracking(r, c.cc)),
        "year_range" => (r.pick(l.years), gen_years(r)),
        "time" => {
            let tpl = r.pick(l.time);
            // seconds only in log-like lines, not in "um 14:30 Uhr"
            (tpl, gen_time(r, tpl.ends_with("{}")))
        }
        "mac_address" => (r.pick(l.mac), gen_mac(r)),
        "statute" => {
            let st = for_lang(c.statutes, l.code);
            (r.pick(l.statute), r.pick(&st).to_string())
        }
        _ => panic!("unknown negative kind {kind}"),
    };
    Part { tpl: tpl.to_string(), val: Some(Val::neg(text, kind)), fill }
}

fn simple_part(r: &mut R, c: &Country, l: &Lang, tpls: &[&str]) -> Part {
    let fill = make_fill(r, c, l);
    Part { tpl: r.pick(tpls).to_string(), val: None, fill }
}

/// Joins parts: lines on their own line, sentences with a space (sometimes a new paragraph).
fn render_body(r: &mut R, doc: &mut Doc, parts: &[Part]) {
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            let sep = if parts[i - 1].is_line() || p.is_line() {
                "\n"
            } else if r.pct(20) {
                "\n\n"
            } else {
                " "
            };
            doc.push(sep);
        }
        doc.render(p);
    }
}

/// Whether the slot's value may stand alone at the start of a text.
fn may_stand_alone(s: &Slot) -> bool {
    matches!(s, Slot::Email | Slot::Phone(false) | Slot::Iban | Slot::Ip | Slot::Vat | Slot::NatId(_, false))
}

fn pii_doc(r: &mut R, c: &Country, l: &Lang, slots: &[Slot], edge: Edge, ps: &mut PhoneStats) -> (Doc, Edge) {
    let mut pos: Vec<Part> = slots.iter().map(|&s| pos_part(r, c, l, s, ps)).collect();
    let nneg = [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 5][r.below(20)];
    let mut weights: Vec<usize> = NEG_KINDS.iter().map(|k| k.1).collect();
    let mut body: Vec<Part> = Vec::new();
    for _ in 0..nneg {
        let i = r.weighted(&weights);
        if NEG_KINDS[i].0 != "wrong_checksum" {
            weights[i] = 0; // each other kind at most once per document
        }
        body.push(neg_part(r, c, l, NEG_KINDS[i].0));
    }
    for _ in 0..r.below(3) {
        body.push(simple_part(r, c, l, l.filler));
    }
    let mut first = None;
    let mut last = None;
    match edge {
        Edge::Start => {
            if let Some(i) = slots.iter().position(may_stand_alone) {
                let mut p = pos.remove(i);
                p.tpl = "{}".to_string();
                first = Some(p);
            }
        }
        Edge::End => {
            if let Some(i) = pos.iter().position(|p| p.tpl.ends_with("{}")) {
                last = Some(pos.remove(i));
            }
        }
        Edge::Middle => {}
    }
    body.extend(pos);
    r.shuffle(&mut body);
    let genre = if first.is_some() { 3 } else { r.below(4) };
    let mut doc = Doc::default();
    if let Some(p) = &first {
        doc.render(p);
        doc.push(if r.pct(50) { "\n" } else { "\n\n" });
    }
    match genre {
        0 | 1 => {
            let g = simple_part(r, c, l, l.greet);
            doc.render(&g);
            doc.push("\n\n");
        }
        2 => {
            let h = simple_part(r, c, l, l.heads);
            doc.render(&h);
            doc.push("\n\n");
        }
        _ => {}
    }
    render_body(r, &mut doc, &body);
    if genre <= 1 {
        let cl = simple_part(r, c, l, l.close);
        doc.push("\n\n");
        doc.render(&cl);
    }
    if let Some(p) = &last {
        doc.push("\n");
        doc.render(p);
    }
    let realized = if first.is_some() {
        Edge::Start
    } else if last.is_some() {
        Edge::End
    } else {
        Edge::Middle
    };
    (doc, realized)
}

/// Ordinary prose with numbers and a few labelled hard negatives, no identifier.
fn prose_doc(r: &mut R, c: &Country, l: &Lang) -> Doc {
    let mut idx: Vec<usize> = (0..l.prose.len()).collect();
    r.shuffle(&mut idx);
    let mut parts: Vec<Part> = idx[..r.range(3, 5).min(idx.len())]
        .iter()
        .map(|&i| {
            let fill = make_fill(r, c, l);
            Part { tpl: l.prose[i].to_string(), val: None, fill }
        })
        .collect();
    for _ in 0..r.range(1, 2) {
        let kind = r.pick(&["date", "price", "time", "year_range", "statute", "version", "isbn"]);
        parts.push(neg_part(r, c, l, kind));
    }
    r.shuffle(&mut parts);
    let mut doc = Doc::default();
    render_body(r, &mut doc, &parts);
    doc
}

// ====================================================================== statistics and checks

#[derive(Default)]
struct Stats {
    types: BTreeMap<String, usize>,
    subtypes: BTreeMap<String, usize>,
    negatives: BTreeMap<String, usize>,
    docs: usize,
    docs_without_pii: usize,
    starts: usize,
    ends: usize,
    phone_ctx: usize,
    phone_bare: usize,
    natid_ctx: usize,
    natid_form: usize,
    bytes: BTreeMap<String, usize>,
}

/// Checks the hand-written tables: every language and template exists, the
/// unlabelled (form) templates name no context word, and the templates of
/// schemes without a check digit always do.
fn check_tables() -> (usize, usize) {
    let (mut with_ctx, mut total) = (0, 0);
    for c in COUNTRIES {
        assert!(vat_schemes().iter().any(|v| v.country == c.cc), "{}: no VAT scheme", c.cc);
        for &(code, _) in c.langs {
            let l = lang(code);
            assert!(!for_lang(c.cities, code).is_empty(), "{}: no city for {code}", c.cc);
            assert!(!for_lang(c.statutes, code).is_empty(), "{}: no statute for {code}", c.cc);
            assert!(!for_lang(c.vat_labels, code).is_empty(), "{}: no VAT label for {code}", c.cc);
            for s in country_schemes(c.cc) {
                let tpls = natid_templates(s.subtype, code);
                assert!(!tpls.is_empty(), "no template for {} in {code}", s.subtype);
                for t in tpls {
                    let low = t.to_lowercase();
                    let has = s.context.iter().any(|w| contains_word(&low, w));
                    assert!(has || s.checksum, "{}: template {t:?} lacks a context word", s.subtype);
                    assert!(t.matches("{}").count() == 1, "{t:?}");
                    with_ctx += usize::from(has);
                    total += 1;
                }
                for t in l.form {
                    let low = t.to_lowercase();
                    assert!(!s.context.iter().any(|w| contains_word(&low, w)), "form {t:?} names {}", s.subtype);
                }
            }
        }
    }
    for s in schemes() {
        assert!(COUNTRIES.iter().any(|c| c.cc == s.country), "scheme {} of an unknown country", s.subtype);
    }
    for l in LANGS {
        for (name, list) in [
            ("email", l.email),
            ("phone", l.phone),
            ("phone_bare", l.phone_bare),
            ("iban", l.iban),
            ("card", l.card),
            ("ip", l.ip),
            ("vat", l.vat),
            ("form", l.form),
            ("order", l.order),
            ("invoice", l.invoice),
            ("isbn", l.isbn),
            ("ean", l.ean),
            ("date", l.date),
            ("price", l.price),
            ("product", l.product),
            ("version", l.version),
            ("postcode", l.postcode),
            ("coords", l.coords),
            ("ip_neg", l.ip_neg),
            ("tracking", l.tracking),
            ("years", l.years),
            ("time", l.time),
            ("mac", l.mac),
            ("statute", l.statute),
        ] {
            assert!(!list.is_empty(), "{}: empty {name}", l.code);
            for t in list {
                assert_eq!(t.matches("{}").count(), 1, "{}: {name} template {t:?} needs one {{}}", l.code);
            }
        }
        for list in [l.greet, l.close, l.heads, l.filler, l.prose] {
            for t in list {
                assert!(!t.contains("{}"), "{}: {t:?} must not take a value", l.code);
            }
        }
        assert!(l.prose.len() >= 5, "{}: too little prose", l.code);
    }
    (with_ctx, total)
}

/// Re-reads a written line and checks every label against the text and the validators.
fn verify_line(line: &str) {
    let v: serde_json::Value = serde_json::from_str(line).expect("valid JSON");
    let text = v["text"].as_str().expect("text");
    let cc = v["country"].as_str().expect("country");
    let id: Id = cc.parse().expect("region");
    let slice = |o: &serde_json::Value| -> String {
        let (s, e) = (o["start"].as_u64().expect("start") as usize, o["end"].as_u64().expect("end") as usize);
        text.get(s..e).unwrap_or_else(|| panic!("{}: offsets {s}..{e} not on char boundaries", v["id"])).to_string()
    };
    for sp in v["spans"].as_array().expect("spans") {
        let s = slice(sp);
        let sub = sp["subtype"].as_str().expect("subtype");
        let ok = match sp["type"].as_str().expect("type") {
            "EMAIL" => s.contains('@') || s.contains("(at)") || s.contains("[at]"),
            "PHONE" => {
                let normal: String = s.chars().map(|c| if c == NBSP || c == NNBSP { ' ' } else { c }).collect();
                sub == cc
                    && phonenumber::parse(Some(id), &normal).map(|p| phonenumber::is_valid(&p)).unwrap_or(false)
                    && s.ends_with(|c: char| c.is_ascii_digit())
            }
            "IBAN" => iban_parses(&s).as_deref() == Some(sub),
            "CREDIT_CARD" => luhn_valid(&digit_values(&s)) && BRANDS.contains(&sub),
            "IP_ADDRESS" => match s.parse::<std::net::IpAddr>() {
                Ok(std::net::IpAddr::V4(a)) => sub == "IPV4" && ipv4_class(a.octets()) == "public",
                Ok(std::net::IpAddr::V6(a)) => {
                    sub == "IPV6" && !(a.segments()[0] == 0x2001 && a.segments()[1] == 0xdb8)
                }
                Err(_) => false,
            },
            "NATIONAL_ID" => {
                let sch = schemes().iter().find(|x| x.subtype == sub).expect("known subtype");
                (sch.validate)(&strip_separators(&s, sch.separators))
            }
            "VAT_ID" => validate_vat(&s).map(|x| x.country) == Some(sub),
            other => panic!("unknown type {other}"),
        };
        assert!(ok, "{}: span {s:?} ({sub}) fails its check", v["id"]);
    }
    for n in v["negatives"].as_array().expect("negatives") {
        let s = slice(n);
        if n["kind"] == "wrong_checksum" {
            let digits = digit_values(&s);
            assert!(
                validate_vat(&s).is_none()
                    && iban_parses(&s).is_none()
                    && !passes_checked_natid(cc, &s)
                    && !(looks_like_card(&digits) && s.chars().all(|c| c.is_ascii_digit() || !c.is_alphanumeric())),
                "{}: wrong_checksum {s:?} validates",
                v["id"]
            );
        }
    }
}

// ====================================================================== main

fn country_file(c: &Country, st: &mut Stats, ps: &mut PhoneStats) -> String {
    let mut r = R(SplitMix64(SEED ^ fnv(c.cc)));
    let mut slots = Vec::new();
    slots.extend(std::iter::repeat_n(Slot::Email, 15));
    slots.extend(std::iter::repeat_n(Slot::Phone(true), 13));
    slots.extend(std::iter::repeat_n(Slot::Phone(false), 5));
    slots.extend(std::iter::repeat_n(Slot::Iban, 12));
    slots.extend(std::iter::repeat_n(Slot::Card, 8));
    slots.extend(std::iter::repeat_n(Slot::Ip, 8));
    slots.extend(std::iter::repeat_n(Slot::Vat, 12));
    for s in country_schemes(c.cc) {
        if s.checksum {
            slots.extend(std::iter::repeat_n(Slot::NatId(s, true), 10));
            slots.extend(std::iter::repeat_n(Slot::NatId(s, false), 3));
        } else {
            slots.extend(std::iter::repeat_n(Slot::NatId(s, true), 13));
        }
    }
    for s in &slots {
        match s {
            Slot::Phone(true) => st.phone_ctx += 1,
            Slot::Phone(false) => st.phone_bare += 1,
            Slot::NatId(_, true) => st.natid_ctx += 1,
            Slot::NatId(_, false) => st.natid_form += 1,
            _ => {}
        }
    }
    r.shuffle(&mut slots);
    assert!(slots.len() <= 4 * DOCS_WITH_PII && slots.len() >= DOCS_WITH_PII);
    let mut sizes = vec![1usize; DOCS_WITH_PII];
    let mut rest = slots.len() - DOCS_WITH_PII;
    while rest > 0 {
        let i = r.below(DOCS_WITH_PII);
        if sizes[i] < 4 {
            sizes[i] += 1;
            rest -= 1;
        }
    }
    let mut plans: Vec<Option<Vec<Slot>>> = Vec::new();
    let mut it = slots.into_iter();
    for n in sizes {
        plans.push(Some(it.by_ref().take(n).collect()));
    }
    plans.extend((0..DOCS_WITHOUT_PII).map(|_| None));
    r.shuffle(&mut plans);
    let weights: Vec<usize> = c.langs.iter().map(|x| x.1).collect();
    let (mut starts, mut ends) = (0, 0);
    let mut out = String::new();
    for (i, plan) in plans.iter().enumerate() {
        let l = lang(c.langs[r.weighted(&weights)].0);
        let id = format!("{}-{:04}", c.cc.to_lowercase(), i + 1);
        let mut doc = match plan {
            Some(slots) => {
                let want = if starts < EDGE_DOCS && slots.iter().any(may_stand_alone) && r.pct(30) {
                    Edge::Start
                } else if ends < EDGE_DOCS && r.pct(20) {
                    Edge::End
                } else {
                    Edge::Middle
                };
                let (doc, got) = pii_doc(&mut r, c, l, slots, want, ps);
                match got {
                    Edge::Start => starts += 1,
                    Edge::End => ends += 1,
                    Edge::Middle => {}
                }
                doc
            }
            None => {
                st.docs_without_pii += 1;
                prose_doc(&mut r, c, l)
            }
        };
        doc.check(&id);
        for (_, _, t, sub) in &doc.spans {
            *st.types.entry(t.to_string()).or_default() += 1;
            *st.subtypes.entry(format!("{t}/{sub}")).or_default() += 1;
        }
        for (_, _, k) in &doc.negs {
            *st.negatives.entry(k.to_string()).or_default() += 1;
        }
        let spans: Vec<_> =
            doc.spans.iter().map(|(s, e, t, sub)| json!({"start": s, "end": e, "type": t, "subtype": sub})).collect();
        let negs: Vec<_> = doc.negs.iter().map(|(s, e, k)| json!({"start": s, "end": e, "kind": k})).collect();
        let line =
            json!({"id": id, "lang": l.code, "country": c.cc, "text": doc.text, "spans": spans, "negatives": negs});
        let line = serde_json::to_string(&line).expect("serialisable");
        verify_line(&line);
        out.push_str(&line);
        out.push('\n');
        st.docs += 1;
    }
    assert!(starts > 0 && ends > 0, "{}: no identifier at the start or end of a text", c.cc);
    st.starts += starts;
    st.ends += ends;
    out
}

fn main() {
    let out_dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "fixtures/pii".to_string()));
    fs::create_dir_all(&out_dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", out_dir.display()));
    let (with_ctx, total_tpl) = check_tables();
    let mut st = Stats::default();
    let mut ps = PhoneStats::default();
    for c in COUNTRIES {
        let text = country_file(c, &mut st, &mut ps);
        let path = out_dir.join(format!("{}.jsonl", c.cc.to_lowercase()));
        fs::write(&path, &text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        st.bytes.insert(c.cc.to_lowercase(), text.len());
    }
    println!("documents: {} ({} without identifiers)", st.docs, st.docs_without_pii);
    println!("identifier at the very start: {} documents, at the very end: {}", st.starts, st.ends);
    println!("positives by type:");
    for (k, v) in &st.types {
        println!("  {k:<12} {v}");
    }
    println!("positives by type/subtype:");
    for (k, v) in &st.subtypes {
        println!("  {k:<36} {v}");
    }
    println!("hard negatives by kind:");
    for (k, v) in &st.negatives {
        println!("  {k:<18} {v}");
    }
    println!("positives: {}, negatives: {}", st.types.values().sum::<usize>(), st.negatives.values().sum::<usize>());
    println!("phones with a context word: {}, without: {}", st.phone_ctx, st.phone_bare);
    println!("national IDs with a context sentence: {}, in an unlabelled form line: {}", st.natid_ctx, st.natid_form);
    println!("national-ID templates with a scheme context word: {with_ctx} of {total_tpl}");
    println!("phone numbers parsed only after no-break-space normalisation: {}", ps.needs_nbsp_normalisation);
    let total: usize = st.bytes.values().sum();
    println!("bytes: {total} in {} files", st.bytes.len());
}

// ====================================================================== countries

/// One member state: its languages (with weights), invented names, cities
/// with postcodes, statutes and VAT labels (tagged with a language, `""` for
/// all), currency, GS1 prefixes, ISBN group and a point near its centre.
struct Country {
    cc: &'static str,
    langs: &'static [(&'static str, usize)],
    tld: &'static str,
    /// `native` or `native|Latin transcription`.
    names: &'static [&'static str],
    cities: &'static [(&'static str, (&'static str, &'static str))],
    statutes: &'static [(&'static str, &'static str)],
    vat_labels: &'static [(&'static str, &'static str)],
    currency: &'static str,
    ean: &'static [&'static str],
    isbn: &'static str,
    geo: (f64, f64),
}

static COUNTRIES: &[Country] = &[
    Country {
        cc: "AT",
        langs: &[("de", 1)],
        tld: "at",
        names: &[
            "Anna Gruber",
            "Lukas Huber",
            "Sophie Bauer",
            "Maximilian Wagner",
            "Katharina Pichler",
            "Florian Steiner",
            "Elisabeth Moser",
            "Stefan Mayer",
            "Johanna Hofer",
            "Markus Leitner",
            "Theresa Berger",
            "Georg Fuchs",
        ],
        cities: &[
            ("", ("1010", "Wien")),
            ("", ("4020", "Linz")),
            ("", ("8010", "Graz")),
            ("", ("5020", "Salzburg")),
            ("", ("6020", "Innsbruck")),
            ("", ("9020", "Klagenfurt")),
        ],
        statutes: &[("", "§ 1295 ABGB"), ("", "Art. 6 Abs. 1 lit. b DSGVO"), ("", "§ 879 ABGB"), ("", "§ 1 DSG")],
        vat_labels: &[("", "UID-Nr."), ("", "UID-Nummer"), ("", "USt-IdNr.")],
        currency: "€",
        ean: &["900", "901", "902", "905", "910", "915"],
        isbn: "3",
        geo: (47.5162, 14.5501),
    },
    Country {
        cc: "BE",
        langs: &[("nl", 45), ("fr", 40), ("de", 15)],
        tld: "be",
        names: &[
            "Lotte Peeters",
            "Jan Janssens",
            "Marie Dubois",
            "Lucas Lambert",
            "Elise Maes",
            "Thomas Claes",
            "Camille Dupont",
            "Pieter Wouters",
            "Julie Lemaire",
            "Nathalie Mertens",
            "Kevin Goossens",
            "Sarah Willems",
        ],
        cities: &[
            ("nl", ("1000", "Brussel")),
            ("nl", ("2000", "Antwerpen")),
            ("nl", ("9000", "Gent")),
            ("nl", ("3000", "Leuven")),
            ("fr", ("1000", "Bruxelles")),
            ("fr", ("4000", "Liège")),
            ("fr", ("5000", "Namur")),
            ("fr", ("6000", "Charleroi")),
            ("de", ("4700", "Eupen")),
            ("de", ("4780", "Sankt Vith")),
        ],
        statutes: &[
            ("nl", "art. 6, lid 1, b) AVG"),
            ("nl", "artikel 1382 van het oud Burgerlijk Wetboek"),
            ("fr", "l'art. 6, par. 1, b) du RGPD"),
            ("fr", "l'article 1382 de l'ancien Code civil"),
            ("de", "Art. 6 Abs. 1 lit. b DSGVO"),
        ],
        vat_labels: &[
            ("nl", "btw-nummer"),
            ("nl", "BTW-nr."),
            ("nl", "ondernemingsnummer"),
            ("fr", "n° TVA"),
            ("fr", "numéro de TVA"),
            ("fr", "numéro d'entreprise"),
            ("de", "MwSt-Nr."),
            ("de", "USt-IdNr."),
        ],
        currency: "€",
        ean: &["540", "541", "542", "543", "544", "545", "546", "547", "548", "549"],
        isbn: "90",
        geo: (50.6403, 4.6667),
    },
    Country {
        cc: "BG",
        langs: &[("bg", 1)],
        tld: "bg",
        names: &[
            "Иван Петров|Ivan Petrov",
            "Мария Георгиева|Maria Georgieva",
            "Георги Димитров|Georgi Dimitrov",
            "Елена Николова|Elena Nikolova",
            "Димитър Иванов|Dimitar Ivanov",
            "Петя Стоянова|Petya Stoyanova",
            "Николай Тодоров|Nikolay Todorov",
            "Десислава Колева|Desislava Koleva",
            "Стефан Христов|Stefan Hristov",
            "Радост Ангелова|Radost Angelova",
        ],
        cities: &[
            ("", ("1000", "София")),
            ("", ("4000", "Пловдив")),
            ("", ("9000", "Варна")),
            ("", ("8000", "Бургас")),
            ("", ("7000", "Русе")),
        ],
        statutes: &[("", "чл. 45 от ЗЗД"), ("", "чл. 6, пар. 1, буква „б“ от ОРЗД"), ("", "чл. 25 от ЗЗЛД")],
        vat_labels: &[("", "ИН по ДДС"), ("", "ДДС номер"), ("", "ДДС №")],
        currency: "€",
        ean: &["380"],
        isbn: "954",
        geo: (42.7339, 25.4858),
    },
    Country {
        cc: "CY",
        langs: &[("el", 1)],
        tld: "cy",
        names: &[
            "Ανδρέας Γεωργίου|Andreas Georgiou",
            "Μαρία Χριστοδούλου|Maria Christodoulou",
            "Κώστας Ιωάννου|Kostas Ioannou",
            "Έλενα Κωνσταντίνου|Elena Konstantinou",
            "Χρίστος Παπαδόπουλος|Christos Papadopoulos",
            "Άννα Χαραλάμπους|Anna Charalambous",
            "Μιχάλης Νικολάου|Michalis Nikolaou",
            "Σοφία Αντωνίου|Sofia Antoniou",
        ],
        cities: &[
            ("", ("1010", "Λευκωσία")),
            ("", ("3036", "Λεμεσός")),
            ("", ("6023", "Λάρνακα")),
            ("", ("8010", "Πάφος")),
        ],
        statutes: &[("", "άρθρο 6 παρ. 1 του ΓΚΠΔ"), ("", "Νόμος 125(Ι)/2018"), ("", "άρθρο 6(1)(β) του ΓΚΠΔ")],
        vat_labels: &[("", "Αρ. Εγγραφής ΦΠΑ"), ("", "ΦΠΑ"), ("", "VAT")],
        currency: "€",
        ean: &["529"],
        isbn: "9963",
        geo: (35.1264, 33.4299),
    },
    Country {
        cc: "CZ",
        langs: &[("cs", 1)],
        tld: "cz",
        names: &[
            "Jan Novák",
            "Petra Svobodová",
            "Tomáš Dvořák",
            "Lucie Černá",
            "Martin Procházka",
            "Kateřina Kučerová",
            "Jakub Veselý",
            "Tereza Horáková",
            "Lukáš Němec",
            "Eva Marková",
        ],
        cities: &[
            ("", ("110 00", "Praha")),
            ("", ("602 00", "Brno")),
            ("", ("702 00", "Ostrava")),
            ("", ("301 00", "Plzeň")),
            ("", ("460 01", "Liberec")),
            ("", ("779 00", "Olomouc")),
        ],
        statutes: &[
            ("", "§ 2910 občanského zákoníku"),
            ("", "čl. 6 odst. 1 písm. b) GDPR"),
            ("", "§ 5 zákona č. 110/2019 Sb."),
        ],
        vat_labels: &[("", "DIČ"), ("", "DIČ (VAT)")],
        currency: "Kč",
        ean: &["859"],
        isbn: "80",
        geo: (49.8175, 15.473),
    },
    Country {
        cc: "DE",
        langs: &[("de", 1)],
        tld: "de",
        names: &[
            "Anna Schmidt",
            "Jürgen Müller",
            "Katrin Weber",
            "Lukas Hoffmann",
            "Sabine Wagner",
            "Thomas Becker",
            "Julia Schäfer",
            "Stefan Koch",
            "Miriam Richter",
            "Felix Krüger",
            "Lena Wolf",
            "Matthias Schröder",
            "Petra Neumann",
            "Jonas Zimmermann",
        ],
        cities: &[
            ("", ("10115", "Berlin")),
            ("", ("80331", "München")),
            ("", ("50667", "Köln")),
            ("", ("20095", "Hamburg")),
            ("", ("60311", "Frankfurt am Main")),
            ("", ("04109", "Leipzig")),
            ("", ("70173", "Stuttgart")),
        ],
        statutes: &[
            ("", "§ 823 Abs. 1 BGB"),
            ("", "Art. 6 Abs. 1 lit. f DSGVO"),
            ("", "§ 26 BDSG"),
            ("", "§ 433 BGB"),
            ("", "§ 14 UStG"),
        ],
        vat_labels: &[("", "USt-IdNr."), ("", "USt-ID"), ("", "Umsatzsteuer-ID")],
        currency: "€",
        ean: &["400", "401", "402", "403", "404", "405", "406", "407", "408", "409", "410", "420", "425", "430", "440"],
        isbn: "3",
        geo: (51.1657, 10.4515),
    },
    Country {
        cc: "DK",
        langs: &[("da", 1)],
        tld: "dk",
        names: &[
            "Mette Nielsen",
            "Lars Jensen",
            "Sofie Hansen",
            "Mads Pedersen",
            "Ida Andersen",
            "Rasmus Christensen",
            "Camilla Larsen",
            "Frederik Sørensen",
            "Anne Rasmussen",
            "Jonas Madsen",
        ],
        cities: &[
            ("", ("1050", "København K")),
            ("", ("8000", "Aarhus C")),
            ("", ("5000", "Odense C")),
            ("", ("9000", "Aalborg")),
            ("", ("6700", "Esbjerg")),
        ],
        statutes: &[
            ("", "§ 6 i databeskyttelsesloven"),
            ("", "artikel 6, stk. 1, litra b, i GDPR"),
            ("", "§ 4 i købeloven"),
        ],
        vat_labels: &[("", "CVR-nr."), ("", "momsnr."), ("", "CVR/moms-nr.")],
        currency: "kr.",
        ean: &["570", "571", "572", "573", "574", "575", "576", "577", "578", "579"],
        isbn: "87",
        geo: (55.9, 9.9),
    },
    Country {
        cc: "EE",
        langs: &[("et", 1)],
        tld: "ee",
        names: &[
            "Mari Tamm",
            "Jaan Saar",
            "Kadri Sepp",
            "Andres Mägi",
            "Liis Kask",
            "Mart Kukk",
            "Triin Rebane",
            "Priit Ilves",
            "Kristi Lepik",
            "Margus Oja",
        ],
        cities: &[
            ("", ("10111", "Tallinn")),
            ("", ("51003", "Tartu")),
            ("", ("80010", "Pärnu")),
            ("", ("20308", "Narva")),
        ],
        statutes: &[("", "IKÜM art 6 lg 1 p b"), ("", "VÕS § 1043"), ("", "TLS § 28")],
        vat_labels: &[("", "KMKR nr"), ("", "KMKR"), ("", "käibemaksukohustuslase number")],
        currency: "€",
        ean: &["474"],
        isbn: "9949",
        geo: (58.5953, 25.0136),
    },
    Country {
        cc: "ES",
        langs: &[("es", 1)],
        tld: "es",
        names: &[
            "María García",
            "José Martínez",
            "Lucía Fernández",
            "Javier López",
            "Carmen Sánchez",
            "Pablo Gómez",
            "Laura Díaz",
            "Alejandro Ruiz",
            "Marta Jiménez",
            "Sergio Moreno",
            "Ana Muñoz",
            "Raúl Álvarez",
        ],
        cities: &[
            ("", ("28013", "Madrid")),
            ("", ("08002", "Barcelona")),
            ("", ("46002", "Valencia")),
            ("", ("41001", "Sevilla")),
            ("", ("50001", "Zaragoza")),
            ("", ("48001", "Bilbao")),
        ],
        statutes: &[
            ("", "art. 6.1.b) del RGPD"),
            ("", "artículo 1902 del Código Civil"),
            ("", "art. 11 de la LOPDGDD"),
        ],
        vat_labels: &[("", "NIF-IVA"), ("", "CIF"), ("", "NIF intracomunitario"), ("", "N.º IVA")],
        currency: "€",
        ean: &["840", "841", "842", "843", "844", "845", "846", "847", "848", "849"],
        isbn: "84",
        geo: (40.4637, -3.7492),
    },
    Country {
        cc: "FI",
        langs: &[("fi", 75), ("sv", 25)],
        tld: "fi",
        names: &[
            "Matti Virtanen",
            "Laura Korhonen",
            "Jukka Nieminen",
            "Anna Mäkinen",
            "Mikko Hämäläinen",
            "Sanna Laine",
            "Antti Heikkinen",
            "Johanna Koskinen",
            "Johan Lindholm",
            "Emma Nyström",
        ],
        cities: &[
            ("fi", ("00100", "Helsinki")),
            ("fi", ("33100", "Tampere")),
            ("fi", ("20100", "Turku")),
            ("fi", ("90100", "Oulu")),
            ("sv", ("00100", "Helsingfors")),
            ("sv", ("20100", "Åbo")),
            ("sv", ("65100", "Vasa")),
        ],
        statutes: &[
            ("fi", "tietosuoja-asetuksen 6 artiklan 1 kohdan b alakohta"),
            ("fi", "vahingonkorvauslain 5 luvun 1 §"),
            ("sv", "artikel 6.1 b i dataskyddsförordningen"),
            ("sv", "5 kap. 1 § skadeståndslagen"),
        ],
        vat_labels: &[("fi", "ALV-numero"), ("fi", "ALV-nro"), ("sv", "momsnummer"), ("", "VAT")],
        currency: "€",
        ean: &["640", "641", "642", "643", "644", "645", "646", "647", "648", "649"],
        isbn: "951",
        geo: (61.9241, 25.7482),
    },
    Country {
        cc: "FR",
        langs: &[("fr", 1)],
        tld: "fr",
        names: &[
            "Camille Martin",
            "Julien Bernard",
            "Léa Dubois",
            "Nicolas Thomas",
            "Chloé Robert",
            "Mathieu Richard",
            "Manon Petit",
            "Antoine Durand",
            "Sophie Leroy",
            "Hugo Moreau",
            "Élodie Lefèvre",
            "François Girard",
        ],
        cities: &[
            ("", ("75011", "Paris")),
            ("", ("69002", "Lyon")),
            ("", ("13001", "Marseille")),
            ("", ("31000", "Toulouse")),
            ("", ("33000", "Bordeaux")),
            ("", ("59000", "Lille")),
            ("", ("44000", "Nantes")),
        ],
        statutes: &[
            ("", "l'article 1240 du Code civil"),
            ("", "l'art. 6, par. 1, b) du RGPD"),
            ("", "l'article L. 1234-1 du Code du travail"),
            ("", "l'article 9 du Code civil"),
        ],
        vat_labels: &[("", "n° TVA intracommunautaire"), ("", "TVA intracom."), ("", "numéro de TVA")],
        currency: "€",
        ean: &["300", "301", "305", "310", "320", "330", "340", "350", "360", "370"],
        isbn: "2",
        geo: (46.6034, 1.8883),
    },
    Country {
        cc: "GR",
        langs: &[("el", 1)],
        tld: "gr",
        names: &[
            "Γιώργος Παπαδόπουλος|Giorgos Papadopoulos",
            "Μαρία Παπαδοπούλου|Maria Papadopoulou",
            "Νίκος Κωνσταντινίδης|Nikos Konstantinidis",
            "Ελένη Γεωργίου|Eleni Georgiou",
            "Δημήτρης Οικονόμου|Dimitris Oikonomou",
            "Κατερίνα Βλάχου|Katerina Vlachou",
            "Γιάννης Αντωνόπουλος|Giannis Antonopoulos",
            "Σοφία Δημητρίου|Sofia Dimitriou",
            "Παναγιώτης Μακρής|Panagiotis Makris",
            "Αικατερίνη Ζαχαρίου|Aikaterini Zachariou",
        ],
        cities: &[
            ("", ("105 57", "Αθήνα")),
            ("", ("546 24", "Θεσσαλονίκη")),
            ("", ("262 21", "Πάτρα")),
            ("", ("712 02", "Ηράκλειο")),
            ("", ("412 22", "Λάρισα")),
        ],
        statutes: &[("", "άρθρο 914 ΑΚ"), ("", "άρθρο 6 παρ. 1 στοιχ. β΄ ΓΚΠΔ"), ("", "ν. 4624/2019")],
        vat_labels: &[("", "ΑΦΜ"), ("", "Α.Φ.Μ. (VIES)"), ("", "ΑΦΜ ενδοκοινοτικός"), ("", "VAT")],
        currency: "€",
        ean: &["520", "521"],
        isbn: "960",
        geo: (38.2, 22.8),
    },
    Country {
        cc: "HR",
        langs: &[("hr", 1)],
        tld: "hr",
        names: &[
            "Ivan Horvat",
            "Ana Kovačević",
            "Marko Babić",
            "Petra Marić",
            "Luka Jurić",
            "Maja Novak",
            "Tomislav Knežević",
            "Ivana Vuković",
            "Josip Perić",
            "Marina Pavlović",
        ],
        cities: &[
            ("", ("10000", "Zagreb")),
            ("", ("21000", "Split")),
            ("", ("51000", "Rijeka")),
            ("", ("31000", "Osijek")),
            ("", ("23000", "Zadar")),
        ],
        statutes: &[("", "čl. 1045. ZOO-a"), ("", "čl. 6. st. 1. t. (b) Opće uredbe o zaštiti podataka")],
        vat_labels: &[("", "PDV ID broj"), ("", "ID PDV"), ("", "PDV broj")],
        currency: "€",
        ean: &["385"],
        isbn: "953",
        geo: (45.1, 15.2),
    },
    Country {
        cc: "HU",
        langs: &[("hu", 1)],
        tld: "hu",
        names: &[
            "Nagy Anna",
            "Kovács Péter",
            "Tóth Eszter",
            "Szabó Gábor",
            "Horváth Katalin",
            "Varga László",
            "Kiss Zsófia",
            "Molnár Balázs",
            "Németh Judit",
            "Farkas Dániel",
        ],
        cities: &[
            ("", ("1052", "Budapest")),
            ("", ("4024", "Debrecen")),
            ("", ("6720", "Szeged")),
            ("", ("7621", "Pécs")),
            ("", ("9021", "Győr")),
        ],
        statutes: &[("", "Ptk. 6:519. §"), ("", "GDPR 6. cikk (1) bekezdés b) pont"), ("", "Mt. 10. §")],
        vat_labels: &[("", "közösségi adószám"), ("", "EU adószám"), ("", "Közösségi adószám")],
        currency: "Ft",
        ean: &["599"],
        isbn: "963",
        geo: (47.1625, 19.5033),
    },
    Country {
        cc: "IE",
        langs: &[("en", 75), ("ga", 25)],
        tld: "ie",
        names: &[
            "Aoife Murphy",
            "Seán Kelly",
            "Niamh O'Brien",
            "Ciarán Byrne",
            "Siobhán Ryan",
            "Darragh Walsh",
            "Orla McCarthy",
            "Conor Doyle",
            "Gráinne Kennedy",
            "Pádraig Lynch",
        ],
        cities: &[
            ("en", ("D02", "Dublin")),
            ("en", ("T12", "Cork")),
            ("en", ("H91", "Galway")),
            ("en", ("V94", "Limerick")),
            ("ga", ("D02", "Baile Átha Cliath")),
            ("ga", ("T12", "Corcaigh")),
            ("ga", ("H91", "Gaillimh")),
        ],
        statutes: &[
            ("en", "section 8 of the Data Protection Act 2018"),
            ("en", "Article 6(1)(b) GDPR"),
            ("ga", "Airteagal 6(1)(b) den RGCS"),
            ("ga", "alt 8 d'Acht 2018"),
        ],
        vat_labels: &[("en", "VAT No."), ("en", "VAT number"), ("ga", "Uimhir CBL"), ("ga", "CBL")],
        currency: "€",
        ean: &["539"],
        isbn: "1",
        geo: (53.4129, -8.2439),
    },
    Country {
        cc: "IT",
        langs: &[("it", 1)],
        tld: "it",
        names: &[
            "Giulia Rossi",
            "Marco Russo",
            "Francesca Ferrari",
            "Luca Esposito",
            "Chiara Bianchi",
            "Alessandro Romano",
            "Sara Colombo",
            "Matteo Ricci",
            "Valentina Marino",
            "Davide Greco",
            "Elena Conti",
            "Andrea De Luca",
        ],
        cities: &[
            ("", ("00184", "Roma")),
            ("", ("20121", "Milano")),
            ("", ("80133", "Napoli")),
            ("", ("10121", "Torino")),
            ("", ("40121", "Bologna")),
            ("", ("50122", "Firenze")),
        ],
        statutes: &[
            ("", "art. 2043 c.c."),
            ("", "art. 6, par. 1, lett. b) del GDPR"),
            ("", "art. 13 del D.Lgs. 196/2003"),
        ],
        vat_labels: &[("", "P.IVA"), ("", "Partita IVA"), ("", "P. IVA")],
        currency: "€",
        ean: &["800", "801", "802", "803", "805", "808", "810", "820", "830", "839"],
        isbn: "88",
        geo: (42.5, 12.5),
    },
    Country {
        cc: "LT",
        langs: &[("lt", 1)],
        tld: "lt",
        names: &[
            "Jonas Kazlauskas",
            "Ona Petrauskienė",
            "Tomas Jankauskas",
            "Rūta Stankevičiūtė",
            "Mantas Vasiliauskas",
            "Eglė Žukauskaitė",
            "Lukas Butkus",
            "Ieva Paulauskienė",
            "Darius Urbonas",
            "Giedrė Kavaliauskienė",
        ],
        cities: &[
            ("", ("LT-01100", "Vilnius")),
            ("", ("LT-44280", "Kaunas")),
            ("", ("LT-92100", "Klaipėda")),
            ("", ("LT-76286", "Šiauliai")),
        ],
        statutes: &[("", "BDAR 6 straipsnio 1 dalies b punktas"), ("", "CK 6.263 straipsnis")],
        vat_labels: &[("", "PVM mokėtojo kodas"), ("", "PVM kodas")],
        currency: "€",
        ean: &["477"],
        isbn: "609",
        geo: (55.1694, 23.8813),
    },
    Country {
        cc: "LU",
        langs: &[("lb", 35), ("fr", 35), ("de", 30)],
        tld: "lu",
        names: &[
            "Claude Weber",
            "Anne Schmit",
            "Marc Muller",
            "Sandra Hoffmann",
            "Luc Wagner",
            "Nadine Reuter",
            "Paul Thill",
            "Carole Kremer",
            "Yves Schroeder",
            "Martine Klein",
        ],
        cities: &[
            ("lb", ("L-1111", "Lëtzebuerg")),
            ("fr", ("L-1111", "Luxembourg")),
            ("de", ("L-1111", "Luxemburg")),
            ("", ("L-4001", "Esch-sur-Alzette")),
            ("", ("L-9002", "Ettelbruck")),
            ("", ("L-6401", "Echternach")),
        ],
        statutes: &[
            ("fr", "l'article 1382 du Code civil"),
            ("fr", "l'art. 6, par. 1, b) du RGPD"),
            ("de", "Art. 6 Abs. 1 lit. b DSGVO"),
            ("lb", "Art. 6 Abs. 1 lit. b DSGVO"),
        ],
        vat_labels: &[
            ("fr", "n° TVA"),
            ("fr", "numéro TVA intracommunautaire"),
            ("de", "USt-IdNr."),
            ("lb", "TVA-Nummer"),
            ("lb", "TVA"),
        ],
        currency: "€",
        ean: &["540", "541", "542", "543", "544", "545", "546", "547", "548", "549"],
        isbn: "2",
        geo: (49.8153, 6.1296),
    },
    Country {
        cc: "LV",
        langs: &[("lv", 1)],
        tld: "lv",
        names: &[
            "Jānis Bērziņš",
            "Anna Kalniņa",
            "Andris Ozoliņš",
            "Līga Liepiņa",
            "Māris Krūmiņš",
            "Ilze Zariņa",
            "Edgars Vītols",
            "Inese Jansone",
            "Kristaps Lācis",
            "Dace Eglīte",
        ],
        cities: &[
            ("", ("LV-1050", "Rīga")),
            ("", ("LV-3001", "Jelgava")),
            ("", ("LV-5401", "Daugavpils")),
            ("", ("LV-3401", "Liepāja")),
        ],
        statutes: &[("", "VDAR 6. panta 1. punkta b) apakšpunkts"), ("", "Civillikuma 1635. pants")],
        vat_labels: &[("", "PVN reģ. Nr."), ("", "PVN maksātāja numurs")],
        currency: "€",
        ean: &["475"],
        isbn: "9934",
        geo: (56.8796, 24.6032),
    },
    Country {
        cc: "MT",
        langs: &[("mt", 50), ("en", 50)],
        tld: "mt",
        names: &[
            "Joseph Borg",
            "Maria Camilleri",
            "Mark Vella",
            "Rebecca Farrugia",
            "Daniel Zammit",
            "Sarah Galea",
            "Matthew Grech",
            "Nicole Attard",
            "Luke Pace",
            "Christine Azzopardi",
        ],
        cities: &[
            ("", ("VLT 1117", "Valletta")),
            ("", ("SLM 1549", "Sliema")),
            ("", ("BKR 4012", "Birkirkara")),
            ("mt", ("MSD 1000", "l-Imsida")),
            ("en", ("MSD 1000", "Msida")),
        ],
        statutes: &[
            ("en", "Article 6(1)(b) GDPR"),
            ("en", "Chapter 586 of the Laws of Malta"),
            ("mt", "l-Artikolu 6(1)(b) tal-GDPR"),
            ("mt", "il-Kapitolu 586 tal-Liġijiet ta' Malta"),
        ],
        vat_labels: &[("en", "VAT No."), ("mt", "Numru tal-VAT"), ("mt", "VAT")],
        currency: "€",
        ean: &["535"],
        isbn: "99909",
        geo: (35.9375, 14.3754),
    },
    Country {
        cc: "NL",
        langs: &[("nl", 1)],
        tld: "nl",
        names: &[
            "Sanne de Vries",
            "Daan Jansen",
            "Lisa van Dijk",
            "Bram Bakker",
            "Emma Visser",
            "Thijs Smit",
            "Fleur Meijer",
            "Ruben de Boer",
            "Anouk Mulder",
            "Joost van den Berg",
        ],
        cities: &[
            ("", ("1012 AB", "Amsterdam")),
            ("", ("3011 AA", "Rotterdam")),
            ("", ("2511 BT", "Den Haag")),
            ("", ("3511 AB", "Utrecht")),
            ("", ("5611 AA", "Eindhoven")),
            ("", ("9711 AA", "Groningen")),
        ],
        statutes: &[("", "artikel 6:162 BW"), ("", "art. 6 lid 1 sub b AVG"), ("", "artikel 7:611 BW")],
        vat_labels: &[("", "btw-nummer"), ("", "btw-id"), ("", "BTW-nr.")],
        currency: "€",
        ean: &["870", "871", "872", "873", "874", "875", "876", "877", "878", "879"],
        isbn: "90",
        geo: (52.1326, 5.2913),
    },
    Country {
        cc: "PL",
        langs: &[("pl", 1)],
        tld: "pl",
        names: &[
            "Anna Kowalska",
            "Piotr Nowak",
            "Katarzyna Wiśniewska",
            "Tomasz Wójcik",
            "Magdalena Kamińska",
            "Łukasz Lewandowski",
            "Agnieszka Zielińska",
            "Michał Szymański",
            "Joanna Dąbrowska",
            "Paweł Kozłowski",
        ],
        cities: &[
            ("", ("00-950", "Warszawa")),
            ("", ("30-001", "Kraków")),
            ("", ("80-001", "Gdańsk")),
            ("", ("50-001", "Wrocław")),
            ("", ("61-001", "Poznań")),
            ("", ("90-001", "Łódź")),
        ],
        statutes: &[("", "art. 415 k.c."), ("", "art. 6 ust. 1 lit. b RODO"), ("", "art. 22¹ Kodeksu pracy")],
        vat_labels: &[("", "NIP UE"), ("", "NIP"), ("", "VAT UE")],
        currency: "zł",
        ean: &["590"],
        isbn: "83",
        geo: (51.9194, 19.1451),
    },
    Country {
        cc: "PT",
        langs: &[("pt", 1)],
        tld: "pt",
        names: &[
            "Ana Silva",
            "João Santos",
            "Mariana Ferreira",
            "Pedro Pereira",
            "Beatriz Oliveira",
            "Tiago Costa",
            "Inês Rodrigues",
            "Rui Martins",
            "Catarina Sousa",
            "Miguel Fernandes",
        ],
        cities: &[
            ("", ("1100-148", "Lisboa")),
            ("", ("4000-322", "Porto")),
            ("", ("3000-150", "Coimbra")),
            ("", ("4700-435", "Braga")),
            ("", ("8000-138", "Faro")),
        ],
        statutes: &[
            ("", "art. 483.º do Código Civil"),
            ("", "artigo 6.º, n.º 1, alínea b), do RGPD"),
            ("", "artigo 6.º da Lei n.º 58/2019"),
        ],
        vat_labels: &[("", "NIF/NIPC"), ("", "N.º IVA"), ("", "NIPC")],
        currency: "€",
        ean: &["560"],
        isbn: "972",
        geo: (39.3999, -8.2245),
    },
    Country {
        cc: "RO",
        langs: &[("ro", 1)],
        tld: "ro",
        names: &[
            "Andrei Popescu",
            "Elena Ionescu",
            "Mihai Popa",
            "Ioana Dumitru",
            "Alexandru Stan",
            "Maria Constantin",
            "Bogdan Stoica",
            "Cristina Gheorghe",
            "Radu Munteanu",
            "Ana Matei",
        ],
        cities: &[
            ("", ("010011", "București")),
            ("", ("400001", "Cluj-Napoca")),
            ("", ("300001", "Timișoara")),
            ("", ("700001", "Iași")),
            ("", ("900001", "Constanța")),
        ],
        statutes: &[
            ("", "art. 1357 din Codul civil"),
            ("", "art. 6 alin. (1) lit. b) din Regulamentul (UE) 2016/679"),
            ("", "art. 5 din Legea nr. 190/2018"),
        ],
        vat_labels: &[("", "CIF"), ("", "cod TVA"), ("", "cod de înregistrare în scopuri de TVA")],
        currency: "lei",
        ean: &["594"],
        isbn: "973",
        geo: (45.9432, 24.9668),
    },
    Country {
        cc: "SE",
        langs: &[("sv", 1)],
        tld: "se",
        names: &[
            "Anna Andersson",
            "Erik Johansson",
            "Maria Karlsson",
            "Lars Nilsson",
            "Emma Eriksson",
            "Johan Larsson",
            "Sara Olsson",
            "Anders Persson",
            "Elin Svensson",
            "Oskar Gustafsson",
        ],
        cities: &[
            ("", ("111 22", "Stockholm")),
            ("", ("411 06", "Göteborg")),
            ("", ("211 20", "Malmö")),
            ("", ("753 20", "Uppsala")),
            ("", ("903 26", "Umeå")),
        ],
        statutes: &[
            ("", "2 kap. 3 § skadeståndslagen"),
            ("", "artikel 6.1 b i dataskyddsförordningen"),
            ("", "7 § lagen om anställningsskydd"),
        ],
        vat_labels: &[("", "momsregistreringsnummer"), ("", "momsnr"), ("", "VAT-nr")],
        currency: "kr",
        ean: &["730", "731", "732", "733", "734", "735", "736", "737", "738", "739"],
        isbn: "91",
        geo: (59.6, 16.5),
    },
    Country {
        cc: "SI",
        langs: &[("sl", 1)],
        tld: "si",
        names: &[
            "Maja Novak",
            "Luka Horvat",
            "Nina Kovačič",
            "Jure Krajnc",
            "Eva Zupančič",
            "Matej Potočnik",
            "Tjaša Kos",
            "Rok Mlakar",
            "Špela Vidmar",
            "Gregor Golob",
        ],
        cities: &[
            ("", ("1000", "Ljubljana")),
            ("", ("2000", "Maribor")),
            ("", ("3000", "Celje")),
            ("", ("4000", "Kranj")),
            ("", ("6000", "Koper")),
        ],
        statutes: &[("", "131. člen OZ"), ("", "6. člen Splošne uredbe o varstvu podatkov"), ("", "ZVOP-2")],
        vat_labels: &[("", "ID za DDV"), ("", "identifikacijska številka za DDV"), ("", "DDV")],
        currency: "€",
        ean: &["383"],
        isbn: "961",
        geo: (46.1512, 14.9955),
    },
    Country {
        cc: "SK",
        langs: &[("sk", 1)],
        tld: "sk",
        names: &[
            "Peter Horváth",
            "Jana Kováčová",
            "Martin Varga",
            "Zuzana Tóthová",
            "Michal Nagy",
            "Lucia Baláková",
            "Tomáš Molnár",
            "Katarína Szabová",
            "Ján Lukáč",
            "Veronika Šimková",
        ],
        cities: &[
            ("", ("811 01", "Bratislava")),
            ("", ("040 01", "Košice")),
            ("", ("010 01", "Žilina")),
            ("", ("080 01", "Prešov")),
            ("", ("974 01", "Banská Bystrica")),
        ],
        statutes: &[
            ("", "§ 420 Občianskeho zákonníka"),
            ("", "čl. 6 ods. 1 písm. b) GDPR"),
            ("", "§ 13 zákona č. 18/2018 Z. z."),
        ],
        vat_labels: &[("", "IČ DPH"), ("", "IČ DPH (VAT)")],
        currency: "€",
        ean: &["858"],
        isbn: "80",
        geo: (48.669, 19.699),
    },
];

// ====================================================================== national-ID sentences

/// Sentences that announce a national ID of the scheme in the language, with
/// one of the scheme's context words or a natural label.
fn natid_templates(subtype: &str, lang: &str) -> &'static [&'static str] {
    match (subtype, lang) {
        ("AT_SVNR", "de") => &[
            "Sozialversicherungsnummer: {}",
            "SVNR {}",
            "Meine Versicherungsnummer lautet {}.",
            "e-card / SV-Nummer: {}",
            "Bitte geben Sie die SV-Nr. {} bei der Anmeldung an.",
        ],
        ("BE_NRN", "nl") => &[
            "Rijksregisternummer: {}",
            "Mijn rijksregisternummer is {}.",
            "INSZ: {}",
            "Gelieve uw rijksregisternummer ({}) te vermelden.",
        ],
        ("BE_NRN", "fr") => &[
            "Numéro de registre national\u{a0}: {}",
            "NISS {}",
            "Mon numéro de registre national est le {}.",
            "Registre national\u{a0}: {}",
        ],
        ("BE_NRN", "de") => &["Nationalregisternummer: {}", "Meine Nationalregisternummer lautet {}.", "INSZ/NISS: {}"],
        ("BE_BIS", "nl") => &["BIS-nummer: {}", "Mijn bisnummer is {}.", "INSZ (bisnummer): {}"],
        ("BE_BIS", "fr") => &["Numéro BIS\u{a0}: {}", "NISS (numéro bis)\u{a0}: {}", "Mon numéro bis est le {}."],
        ("BE_BIS", "de") => &["BIS-Nummer: {}", "Meine BIS-Nummer lautet {}."],
        ("BG_EGN", "bg") => {
            &["ЕГН: {}", "ЕГН {}", "Единен граждански номер: {}", "Моето ЕГН е {}.", "Име: {n}, ЕГН {}"]
        }
        ("CY_ID_CARD", "el") => &[
            "Αριθμός ταυτότητας: {}",
            "Αρ. ταυτότητας {}",
            "Αριθμός δελτίου ταυτότητας: {}",
            "Στοιχεία: {n}, ταυτότητα {}",
        ],
        ("CY_TIC", "el") => &["ΑΦΜ: {}", "Αριθμός Φορολογικού Μητρώου: {}", "Α.Φ.Μ. {}", "Ο ΑΦΜ μου είναι {}."],
        ("CZ_RC", "cs") => &["Rodné číslo: {}", "RČ: {}", "Moje rodné číslo je {}.", "Jméno: {n}, r.č. {}"],
        ("DE_STEUER_ID", "de") => &[
            "Steuer-ID: {}",
            "Meine Steuer-ID lautet {}.",
            "Steueridentifikationsnummer: {}",
            "IdNr. {}",
            "Ihre steuerliche Identifikationsnummer {} finden Sie auf dem Bescheid.",
        ],
        ("DK_CPR", "da") => {
            &["CPR-nr.: {}", "CPR: {}", "Mit CPR-nummer er {}.", "Personnummer: {}", "Navn: {n}, CPR-nr. {}"]
        }
        ("EE_ISIKUKOOD", "et") => {
            &["Isikukood: {}", "Minu isikukood on {}.", "Isikukood {}", "Palun sisestage isikukood: {}"]
        }
        ("ES_DNI", "es") => {
            &["DNI: {}", "Con DNI {}, solicito la baja del servicio.", "Mi DNI es el {}.", "NIF: {}", "D.N.I. n.º {}"]
        }
        ("ES_NIE", "es") => &["NIE: {}", "Mi NIE es {}.", "Tarjeta de residencia (NIE) {}", "N.I.E. {}"],
        ("FI_HETU", "fi") => &["Henkilötunnus: {}", "Hetu {}", "Hetu: {}", "Sotu {}"],
        ("FI_HETU", "sv") => &["Personbeteckning: {}", "Min personbeteckning är {}.", "Hetu: {}"],
        ("FR_NIR", "fr") => &[
            "Numéro de sécurité sociale\u{a0}: {}",
            "N° SS\u{a0}: {}",
            "NIR {}",
            "Mon numéro de sécurité sociale est le {}.",
            "Carte Vitale n° {}",
        ],
        ("GR_AMKA", "el") => {
            &["ΑΜΚΑ: {}", "Α.Μ.Κ.Α. {}", "Ο ΑΜΚΑ μου είναι {}.", "Αριθμός Μητρώου Κοινωνικής Ασφάλισης: {}"]
        }
        ("GR_AFM", "el") => &["ΑΦΜ: {}", "Α.Φ.Μ. {}", "Ο ΑΦΜ μου είναι {}.", "Αριθμός Φορολογικού Μητρώου: {}"],
        ("HR_OIB", "hr") => &["OIB: {}", "Moj OIB je {}.", "Osobni identifikacijski broj: {}", "OIB korisnika: {}"],
        ("HU_TAJ", "hu") => &["TAJ szám: {}", "TAJ: {}", "A TAJ-számom: {}", "Társadalombiztosítási azonosító jel: {}"],
        ("HU_ADOAZONOSITO", "hu") => &["Adóazonosító jel: {}", "Adóazonosító: {}", "Az adóazonosító jelem: {}"],
        ("IE_PPSN", "en") => &["PPSN: {}", "PPS number: {}", "My PPS No. is {}.", "Personal Public Service Number: {}"],
        ("IE_PPSN", "ga") => &["Uimhir Phearsanta Seirbhíse Poiblí: {}", "PPSN: {}", "Uimhir PPS (PPSN): {}"],
        ("IT_CODICE_FISCALE", "it") => {
            &["Codice fiscale: {}", "C.F. {}", "Il mio codice fiscale è {}.", "Cod. fisc.: {}", "CF: {}"]
        }
        ("LT_ASMENS_KODAS", "lt") => {
            &["Asmens kodas: {}", "A.k. {}", "Mano asmens kodas yra {}.", "Nurodykite asmens kodą: {}"]
        }
        ("LU_MATRICULE", "lb") => &["Matricule: {}", "Meng Matricule ass {}.", "CNS-Nummer: {}"],
        ("LU_MATRICULE", "fr") => {
            &["Matricule\u{a0}: {}", "Numéro d'identification national\u{a0}: {}", "N° de matricule CNS {}"]
        }
        ("LU_MATRICULE", "de") => {
            &["Identifikationsnummer: {}", "Sozialversicherungsnummer (Matricule): {}", "Matricule {}"]
        }
        ("LV_PERSONAS_KODS" | "LV_PERSONAS_KODS_NEW", "lv") => {
            &["Personas kods: {}", "P.k. {}", "Mans personas kods ir {}.", "Lūdzu, norādiet personas kodu: {}"]
        }
        ("MT_ID_CARD", "mt") => &["Numru tal-karta tal-identità: {}", "Karta tal-identità Nru {}", "ID card: {}"],
        ("MT_ID_CARD", "en") => &["ID card no. {}", "Identity card: {}", "ID number: {}", "My ID card number is {}."],
        ("NL_BSN", "nl") => &["BSN: {}", "Burgerservicenummer: {}", "Mijn BSN is {}.", "BSN-nummer {}"],
        ("PL_PESEL", "pl") => &["PESEL: {}", "Nr PESEL {}", "Mój numer PESEL to {}.", "PESEL pacjenta: {}"],
        ("PT_NIF", "pt") => &["NIF: {}", "Número de contribuinte: {}", "O meu NIF é {}.", "Contribuinte n.º {}"],
        ("RO_CNP", "ro") => &[
            "CNP: {}",
            "Cod numeric personal: {}",
            "CNP-ul meu este {}.",
            "Subsemnatul {n}, CNP {}, declar că datele sunt corecte.",
        ],
        ("SE_PERSONNUMMER", "sv") => {
            &["Personnummer: {}", "Mitt personnummer är {}.", "Personnr {}", "Namn: {n}, personnummer {}"]
        }
        ("SI_EMSO", "sl") => &["EMŠO: {}", "Moja EMŠO je {}.", "Enotna matična številka občana: {}"],
        ("SK_RC", "sk") => &["Rodné číslo: {}", "r.č. {}", "Moje rodné číslo je {}.", "Meno: {n}, rodné číslo {}"],
        _ => &[],
    }
}

// ====================================================================== languages

/// The sentence templates of one language. `{}` takes the labelled value;
/// `{n}` a full name, `{fn}` a first name, `{c}` a city, `{f}` a company,
/// `{vl}` the VAT label. Phone templates may start with `m|` (a mobile
/// number) or `f|` (a fixed line). A template not ending in `.`, `!`, `?` or
/// `)` is a line of its own.
struct Lang {
    code: &'static str,
    companies: &'static [&'static str],
    /// Invented domain names (without top-level domain).
    domains: &'static [&'static str],
    /// Invented internationalised domain names (without top-level domain).
    idn: &'static [&'static str],
    greet: &'static [&'static str],
    close: &'static [&'static str],
    heads: &'static [&'static str],
    filler: &'static [&'static str],
    /// Sentences with ordinary numbers for the documents without identifiers.
    prose: &'static [&'static str],
    email: &'static [&'static str],
    /// Phone numbers with a context word.
    phone: &'static [&'static str],
    /// Phone numbers without a label, in a contact-like sentence.
    phone_bare: &'static [&'static str],
    iban: &'static [&'static str],
    card: &'static [&'static str],
    ip: &'static [&'static str],
    vat: &'static [&'static str],
    /// Form-like lines for national IDs without a label (checked schemes only).
    form: &'static [&'static str],
    order: &'static [&'static str],
    invoice: &'static [&'static str],
    isbn: &'static [&'static str],
    ean: &'static [&'static str],
    date: &'static [&'static str],
    price: &'static [&'static str],
    product: &'static [&'static str],
    version: &'static [&'static str],
    postcode: &'static [&'static str],
    coords: &'static [&'static str],
    ip_neg: &'static [&'static str],
    tracking: &'static [&'static str],
    years: &'static [&'static str],
    time: &'static [&'static str],
    mac: &'static [&'static str],
    statute: &'static [&'static str],
}

static LANGS: &[Lang] = &[
    // ------------------------------------------------------------------ German
    Lang {
        code: "de",
        companies: &[
            "Müller & Söhne GmbH",
            "Beispiel Bau GmbH",
            "Schreinerei Holzwurm",
            "Kanzlei Berger & Partner",
            "Fahrradhaus Kettenblatt KG",
        ],
        domains: &[
            "beispiel-gmbh",
            "musterbau",
            "kanzlei-berger",
            "holzwurm-schreinerei",
            "netzpost",
            "fahrradhaus-kettenblatt",
            "gartenfreunde-nord",
        ],
        idn: &["bäckerei-müller", "grüße-aus-köln", "straßenbau-köhler", "blumenstübchen"],
        greet: &[
            "Hallo zusammen,",
            "Sehr geehrte Damen und Herren,",
            "Guten Tag,",
            "Liebe Kolleginnen und Kollegen,",
            "Hallo {fn},",
        ],
        close: &["Viele Grüße\n{n}", "Mit freundlichen Grüßen\n{n}", "Beste Grüße\n{n}\n{f}", "LG {fn}"],
        heads: &[
            "Betreff: Ihre Bestellung",
            "Rechnung",
            "Kontaktformular – neue Anfrage",
            "Re: Umzug nächste Woche",
            "Personalbogen",
            "Impressum",
        ],
        filler: &[
            "Vielen Dank für Ihre schnelle Rückmeldung.",
            "Bitte prüfen Sie die Angaben und melden Sie sich bei Fragen.",
            "Die Unterlagen schicke ich Ihnen morgen per Post.",
            "Wir freuen uns auf die weitere Zusammenarbeit.",
            "Der Termin in {c} findet wie geplant statt.",
            "Anbei finden Sie die gewünschten Unterlagen.",
        ],
        prose: &[
            "Im Sommer kamen rund 300 Besucher zum Stadtfest nach {c}.",
            "Der Verein hat inzwischen 85 Mitglieder und trifft sich zweimal im Monat.",
            "Die Strecke ist etwa 42 Kilometer lang und hat 600 Höhenmeter.",
            "Für das Rezept braucht man 250 Gramm Mehl, 3 Eier und 100 Milliliter Milch.",
            "Das Museum zeigt mehr als 1200 Exponate aus vier Jahrhunderten.",
            "Im Durchschnitt regnet es hier an 140 Tagen im Jahr.",
            "Der neue Zug schafft die Strecke in knapp 2 Stunden.",
        ],
        email: &[
            "E-Mail: {}",
            "Schreiben Sie mir gern an {}.",
            "Von: {n} <{}>",
            "Meine neue E-Mail-Adresse lautet {}.",
            "<a href=\"mailto:{}\">E-Mail schreiben</a>",
            "Kontakt: {}",
            "Antworten bitte an {}, nicht an die alte Adresse.",
        ],
        phone: &[
            "Tel.: {}",
            "f|Telefon: {}",
            "m|Handy: {}",
            "m|Mobil: {}",
            "Sie erreichen mich telefonisch unter {}.",
            "m|Meine Handynummer ist {}.",
            "f|Tel. (Büro): {}",
            "Telefonisch sind wir unter {} erreichbar.",
        ],
        phone_bare: &[
            "Ruf mich einfach unter {} an.",
            "Am besten erreichst du mich abends unter {}.",
            "Bitte melden Sie sich bis Freitag unter {} zurück.",
            "{n}, {}",
        ],
        iban: &[
            "IBAN: {}",
            "Bitte überweisen Sie den Betrag auf folgendes Konto: {}",
            "Meine neue Bankverbindung lautet {} (Girokonto).",
            "Kontoinhaber: {n}, IBAN {}",
            "Die Miete geht ab sofort auf das Konto {}.",
        ],
        card: &[
            "Kartennummer: {}",
            "Ich habe mit meiner Kreditkarte {} bezahlt.",
            "Bitte belasten Sie die Karte {}.",
            "Die Abbuchung von der Karte {} ist fehlgeschlagen.",
            "Kreditkarte: {}",
        ],
        ip: &[
            "Die Anmeldung erfolgte von der IP-Adresse {}.",
            "IP: {}",
            "Im Server-Log taucht immer wieder die Adresse {} auf.",
            "Zugriff von {} um Mitternacht blockiert.",
        ],
        vat: &["{vl}: {}", "Unsere {vl} lautet {}.", "{f}, {vl} {}"],
        form: &["Antragsteller: {n}, wohnhaft in {c}, {}", "Mitarbeiterin: {n} ({c}), {}", "{n}, {c} – {}"],
        order: &["Bestellnummer: {}", "Ihre Bestellung {} wurde versandt."],
        invoice: &["Rechnungsnr. {}", "Bitte geben Sie bei der Zahlung die Rechnungsnummer {} an."],
        isbn: &["ISBN {}", "Das Buch hat die ISBN {}."],
        ean: &["EAN: {}", "Barcode (EAN-13): {}"],
        date: &["Lieferdatum: {}", "Der Vertrag beginnt am {}.", "Stand: {}"],
        price: &["Gesamtbetrag: {}", "Der Preis beträgt {} inkl. MwSt.", "Summe: {}"],
        product: &["Art.-Nr. {}", "Ersatzteil {} ist wieder lieferbar.", "SKU {}"],
        version: &["Bitte aktualisieren Sie auf Version {}.", "Firmware-Version {}"],
        postcode: &["Lieferadresse: Lindenstraße 12, {} {c}", "Wir sind umgezogen: Hauptstraße 5, {} {c}."],
        coords: &["Treffpunkt (GPS): {}", "Koordinaten des Parkplatzes: {}"],
        ip_neg: &[
            "Der Drucker hat die IP {}.",
            "Die Router-Oberfläche ist unter {} erreichbar.",
            "Im Handbuch wird die Beispieladresse {} verwendet.",
        ],
        tracking: &["Sendungsnummer: {}", "Ihr Paket ist unterwegs, Sendungsverfolgung: {}"],
        years: &["Beschäftigungszeitraum: {}", "Die Studie umfasst die Jahre {}."],
        time: &["Das Meeting beginnt um {} Uhr.", "Uhrzeit des Fehlers: {}"],
        mac: &["MAC-Adresse: {}", "Das Gerät mit der MAC {} ist nicht registriert."],
        statute: &["Rechtsgrundlage ist {}.", "Die Verarbeitung erfolgt gemäß {}."],
    },
    // ------------------------------------------------------------------ English
    Lang {
        code: "en",
        companies: &["Murphy & Sons Ltd", "Harbour View Consulting Ltd", "Green Valley Bakery", "Atlantic Print Works"],
        domains: &[
            "harbourview",
            "greenvalley-bakery",
            "atlanticprint",
            "mailbox-home",
            "riverside-dental",
            "clubhouse-sports",
        ],
        idn: &[],
        greet: &["Hi all,", "Dear Sir or Madam,", "Hello,", "Hi {fn},", "Good morning,"],
        close: &["Kind regards,\n{n}", "Best wishes,\n{n}", "Thanks,\n{fn}", "Regards,\n{n}\n{f}"],
        heads: &[
            "Subject: Your order",
            "Invoice",
            "Contact form – new enquiry",
            "Re: Moving house next week",
            "New starter details",
            "Customer support ticket",
        ],
        filler: &[
            "Thanks for getting back to me so quickly.",
            "Please check the details and let me know if anything is missing.",
            "I will post the documents to you tomorrow.",
            "We look forward to working with you again.",
            "The meeting in {c} is going ahead as planned.",
            "Please find the requested documents attached.",
        ],
        prose: &[
            "Around 300 people came to the summer festival in {c} this year.",
            "The club now has 85 members and meets twice a month.",
            "The route is about 42 kilometres long with 600 metres of climbing.",
            "For the recipe you need 250 grams of flour, 3 eggs and 100 millilitres of milk.",
            "The museum shows more than 1200 objects from four centuries.",
            "On average it rains here on 150 days a year.",
            "The new bus gets you to the city centre in 25 minutes.",
        ],
        email: &[
            "Email: {}",
            "Feel free to email me at {}.",
            "From: {n} <{}>",
            "My new email address is {}.",
            "<a href=\"mailto:{}\">Email us</a>",
            "Contact: {}",
            "Please reply to {}, not to the old address.",
        ],
        phone: &[
            "Tel: {}",
            "f|Phone: {}",
            "m|Mobile: {}",
            "m|Mob. {}",
            "You can reach me by phone on {}.",
            "m|My mobile number is {}.",
            "f|Office phone: {}",
            "Our phone lines are open 9 to 5 on {}.",
        ],
        phone_bare: &[
            "Give me a ring on {} any time.",
            "Best to reach me in the evenings on {}.",
            "Please get back to us on {} by Friday.",
            "{n}, {}",
        ],
        iban: &[
            "IBAN: {}",
            "Please transfer the amount to the following account: {}",
            "My new bank details are {} (current account).",
            "Account holder: {n}, IBAN {}",
            "From now on the rent goes to account {}.",
        ],
        card: &[
            "Card number: {}",
            "I paid with my credit card {}.",
            "Please charge the card {}.",
            "The payment from card {} was declined.",
            "Credit card: {}",
        ],
        ip: &[
            "The login came from IP address {}.",
            "IP: {}",
            "The address {} keeps showing up in the server log.",
            "Blocked access from {} at midnight.",
        ],
        vat: &["{vl}: {}", "Our {vl} is {}.", "{f}, {vl} {}"],
        form: &["Applicant: {n}, {c}, {}", "Employee: {n} ({c}), {}", "{n}, {c} – {}"],
        order: &["Order number: {}", "Your order {} has been dispatched."],
        invoice: &["Invoice no. {}", "Please quote invoice number {} with your payment."],
        isbn: &["ISBN {}", "The book's ISBN is {}."],
        ean: &["EAN: {}", "Barcode (EAN-13): {}"],
        date: &["Delivery date: {}", "The contract starts on {}.", "Last updated: {}"],
        price: &["Total: {}", "The price is {} including VAT.", "Amount due: {}"],
        product: &["Item no. {}", "Spare part {} is back in stock.", "SKU {}"],
        version: &["Please update to version {}.", "Firmware version {}"],
        postcode: &["Delivery address: 14 Main Street, {c} {}", "We have moved to 5 Church Road, {c} {}."],
        coords: &["Meeting point (GPS): {}", "Car park coordinates: {}"],
        ip_neg: &["The printer's IP is {}.", "Open the router page at {}.", "The manual uses the example address {}."],
        tracking: &["Tracking number: {}", "Your parcel is on its way, tracking no. {}."],
        years: &["Employment period: {}", "The study covers the years {}."],
        time: &["The meeting starts at {}.", "Time of the error: {}"],
        mac: &["MAC address: {}", "The device with MAC {} is not registered."],
        statute: &["The legal basis is {}.", "Processing is carried out under {}."],
    },
    // ------------------------------------------------------------------ French
    Lang {
        code: "fr",
        companies: &[
            "Dupont & Fils SARL",
            "Boulangerie du Marché",
            "Cabinet Moreau Avocats",
            "Atelier Vélo Rapide SAS",
        ],
        domains: &[
            "dupont-fils",
            "boulangerie-du-marche",
            "cabinet-moreau",
            "atelier-velo",
            "courriel-maison",
            "jardins-partages",
        ],
        idn: &["boulangerie-élodie", "café-crème", "château-lumière", "pâtisserie-rené"],
        greet: &["Bonjour,", "Madame, Monsieur,", "Bonjour à tous,", "Bonjour {fn},", "Chers collègues,"],
        close: &[
            "Cordialement,\n{n}",
            "Bien à vous,\n{n}",
            "Bonne journée,\n{fn}",
            "Salutations distinguées,\n{n}\n{f}",
        ],
        heads: &[
            "Objet\u{a0}: votre commande",
            "Facture",
            "Formulaire de contact – nouvelle demande",
            "Re: déménagement la semaine prochaine",
            "Fiche de renseignements du salarié",
            "Mentions légales",
        ],
        filler: &[
            "Merci pour votre réponse rapide.",
            "Merci de vérifier les informations et de nous contacter en cas de question.",
            "Je vous envoie les documents demain par la poste.",
            "Nous nous réjouissons de poursuivre notre collaboration.",
            "Le rendez-vous à {c} est maintenu.",
            "Vous trouverez ci-joint les documents demandés.",
        ],
        prose: &[
            "Environ 300 personnes sont venues à la fête de l'été à {c}.",
            "L'association compte désormais 85 membres et se réunit deux fois par mois.",
            "Le parcours fait environ 42 kilomètres pour 600 mètres de dénivelé.",
            "Pour la recette, il faut 250 grammes de farine, 3 œufs et 10 centilitres de lait.",
            "Le musée présente plus de 1200 objets couvrant quatre siècles.",
            "Il pleut ici en moyenne 140 jours par an.",
            "Le nouveau train relie les deux villes en moins de 2 heures.",
        ],
        email: &[
            "E-mail\u{a0}: {}",
            "N'hésitez pas à m'écrire à {}.",
            "De : {n} <{}>",
            "Ma nouvelle adresse e-mail est {}.",
            "<a href=\"mailto:{}\">Nous écrire</a>",
            "Courriel : {}",
            "Merci de répondre à {} et non à l'ancienne adresse.",
        ],
        phone: &[
            "Tél.\u{a0}: {}",
            "f|Téléphone : {}",
            "m|Portable\u{a0}: {}",
            "m|Mobile : {}",
            "Vous pouvez me joindre par téléphone au {}.",
            "m|Mon numéro de portable\u{a0}: {}",
            "f|Tél. (bureau) : {}",
            "Nous sommes joignables par téléphone au {}.",
        ],
        phone_bare: &[
            "Appelle-moi au {} quand tu veux.",
            "Le plus simple est de me joindre le soir au {}.",
            "Merci de nous rappeler au {} avant vendredi.",
            "{n}, {}",
        ],
        iban: &[
            "IBAN\u{a0}: {}",
            "Merci de virer le montant sur le compte suivant : {}",
            "Mes nouvelles coordonnées bancaires : {} (compte courant).",
            "Titulaire du compte : {n}, IBAN {}",
            "Le loyer est désormais à verser sur le compte {}.",
        ],
        card: &[
            "Numéro de carte\u{a0}: {}",
            "J'ai payé avec ma carte bancaire {}.",
            "Merci de débiter la carte {}.",
            "Le paiement par la carte {} a été refusé.",
            "Carte de crédit : {}",
        ],
        ip: &[
            "La connexion provenait de l'adresse IP {}.",
            "IP : {}",
            "L'adresse {} apparaît sans cesse dans les journaux du serveur.",
            "Accès depuis {} bloqué à minuit.",
        ],
        vat: &["{vl}\u{a0}: {}", "Notre {vl} est {}.", "{f}, {vl} {}"],
        form: &["Demandeur : {n}, domicilié à {c}, {}", "Salariée : {n} ({c}), {}", "{n}, {c} – {}"],
        order: &["N° de commande\u{a0}: {}", "Votre commande {} a été expédiée."],
        invoice: &["Facture n° {}", "Merci d'indiquer le numéro de facture {} lors du paiement."],
        isbn: &["ISBN {}", "Le livre porte l'ISBN {}."],
        ean: &["EAN : {}", "Code-barres (EAN-13)\u{a0}: {}"],
        date: &["Date de livraison : {}", "Le contrat commence le {}.", "Mis à jour le {}"],
        price: &["Montant total\u{a0}: {}", "Le prix est de {} TTC.", "Total : {}"],
        product: &["Réf. {}", "La pièce détachée {} est de nouveau disponible.", "Code article {}"],
        version: &["Veuillez passer à la version {}.", "Version du micrologiciel : {}"],
        postcode: &[
            "Adresse de livraison : 12 rue des Lilas, {} {c}",
            "Nous avons déménagé au 5 avenue de la Gare, {} {c}.",
        ],
        coords: &["Point de rendez-vous (GPS) : {}", "Coordonnées du parking\u{a0}: {}"],
        ip_neg: &[
            "L'imprimante a l'adresse IP {}.",
            "L'interface du routeur est accessible sur {}.",
            "La documentation utilise l'adresse d'exemple {}.",
        ],
        tracking: &["Numéro de suivi : {}", "Votre colis est en route, n° de suivi {}."],
        years: &["Période d'emploi : {}", "L'étude porte sur les années {}."],
        time: &["La réunion commence à {}.", "Heure de l'erreur : {}"],
        mac: &["Adresse MAC : {}", "L'appareil avec l'adresse MAC {} n'est pas enregistré."],
        statute: &["Base légale : {}", "La base juridique est {}."],
    },
    // ------------------------------------------------------------------ Dutch
    Lang {
        code: "nl",
        companies: &[
            "De Vries & Zonen B.V.",
            "Bakkerij Het Gouden Korenaar",
            "Advocatenkantoor Jansen",
            "Fietsenmaker De Spaak",
        ],
        domains: &[
            "devries-zonen",
            "gouden-korenaar",
            "advocaat-jansen",
            "fietsenmaker-spaak",
            "postbus-thuis",
            "volkstuin-noord",
        ],
        idn: &["bakkerij-één", "café-zonnig"],
        greet: &["Beste {fn},", "Geachte heer, mevrouw,", "Hallo allemaal,", "Goedendag,", "Beste collega's,"],
        close: &["Met vriendelijke groet,\n{n}", "Groetjes,\n{fn}", "Hartelijke groet,\n{n}\n{f}", "Mvg,\n{n}"],
        heads: &[
            "Onderwerp: uw bestelling",
            "Factuur",
            "Contactformulier – nieuwe aanvraag",
            "Re: verhuizing volgende week",
            "Personeelsgegevens",
            "Colofon",
        ],
        filler: &[
            "Bedankt voor je snelle reactie.",
            "Controleer de gegevens en neem bij vragen contact met ons op.",
            "De documenten stuur ik morgen per post.",
            "We kijken uit naar de verdere samenwerking.",
            "De afspraak in {c} gaat gewoon door.",
            "In de bijlage vindt u de gevraagde documenten.",
        ],
        prose: &[
            "Deze zomer kwamen ongeveer 300 bezoekers naar het stadsfeest in {c}.",
            "De vereniging heeft inmiddels 85 leden en komt twee keer per maand samen.",
            "De route is ongeveer 42 kilometer lang.",
            "Voor het recept heb je 250 gram bloem, 3 eieren en 100 milliliter melk nodig.",
            "Het museum toont meer dan 1200 voorwerpen uit vier eeuwen.",
            "Gemiddeld regent het hier 200 dagen per jaar.",
            "De nieuwe trein doet de rit in ruim 2 uur.",
        ],
        email: &[
            "E-mail: {}",
            "Mail me gerust op {}.",
            "Van: {n} <{}>",
            "Mijn nieuwe e-mailadres is {}.",
            "<a href=\"mailto:{}\">Mail ons</a>",
            "Contact: {}",
            "Graag antwoorden naar {} en niet naar het oude adres.",
        ],
        phone: &[
            "Tel.: {}",
            "f|Telefoon: {}",
            "m|Mobiel: {}",
            "m|GSM: {}",
            "Je kunt me telefonisch bereiken op {}.",
            "m|Mijn mobiele nummer is {}.",
            "f|Tel. (kantoor): {}",
            "Telefonisch zijn wij bereikbaar op {}.",
        ],
        phone_bare: &[
            "Bel me gerust op {}.",
            "'s Avonds ben ik het best bereikbaar op {}.",
            "Graag voor vrijdag terugbellen naar {}.",
            "{n}, {}",
        ],
        iban: &[
            "IBAN: {}",
            "Gelieve het bedrag over te maken naar rekening {}.",
            "Mijn nieuwe rekeningnummer is {} (betaalrekening).",
            "Rekeninghouder: {n}, IBAN {}",
            "De huur gaat voortaan naar rekening {}.",
        ],
        card: &[
            "Kaartnummer: {}",
            "Ik heb betaald met mijn creditcard {}.",
            "Gelieve de kaart {} te belasten.",
            "De betaling met kaart {} is geweigerd.",
            "Creditcard: {}",
        ],
        ip: &[
            "De aanmelding kwam van IP-adres {}.",
            "IP: {}",
            "Het adres {} duikt steeds op in de serverlogs.",
            "Toegang vanaf {} om middernacht geblokkeerd.",
        ],
        vat: &["{vl}: {}", "Ons {vl} is {}.", "{f}, {vl} {}"],
        form: &["Aanvrager: {n}, wonende te {c}, {}", "Medewerker: {n} ({c}), {}", "{n}, {c} – {}"],
        order: &["Bestelnummer: {}", "Uw bestelling {} is verzonden."],
        invoice: &["Factuurnr. {}", "Vermeld bij betaling het factuurnummer {}."],
        isbn: &["ISBN {}", "Het boek heeft ISBN {}."],
        ean: &["EAN: {}", "Streepjescode (EAN-13): {}"],
        date: &["Leverdatum: {}", "Het contract gaat in op {}.", "Bijgewerkt: {}"],
        price: &["Totaalbedrag: {}", "De prijs is {} incl. btw.", "Te betalen: {}"],
        product: &["Art.nr. {}", "Onderdeel {} is weer leverbaar.", "SKU {}"],
        version: &["Update naar versie {}.", "Firmwareversie {}"],
        postcode: &["Afleveradres: Dorpsstraat 12, {} {c}", "Wij zijn verhuisd naar de Kerkstraat 5, {} {c}."],
        coords: &["Verzamelpunt (GPS): {}", "Coördinaten van de parkeerplaats: {}"],
        ip_neg: &[
            "De printer heeft IP {}.",
            "De routerpagina staat op {}.",
            "De handleiding gebruikt het voorbeeldadres {}.",
        ],
        tracking: &["Trackingnummer: {}", "Je pakket is onderweg, volgnummer {}."],
        years: &["Dienstverband: {}", "Het onderzoek beslaat de jaren {}."],
        time: &["De vergadering begint om {}.", "Tijdstip van de fout: {}"],
        mac: &["MAC-adres: {}", "Het apparaat met MAC {} is niet geregistreerd."],
        statute: &["De rechtsgrond is {}.", "De verwerking gebeurt op grond van {}."],
    },
    // ------------------------------------------------------------------ Italian
    Lang {
        code: "it",
        companies: &[
            "Rossi & Figli S.r.l.",
            "Panificio Bianchi",
            "Studio Legale Ferrari",
            "Ciclofficina Veloce S.n.c.",
        ],
        domains: &[
            "rossi-figli",
            "panificio-bianchi",
            "studiolegale-ferrari",
            "ciclofficina-veloce",
            "postacasa",
            "orto-condiviso",
        ],
        idn: &["caffè-bianchi", "città-pulita", "perché-no"],
        greet: &["Buongiorno,", "Gentili signori,", "Ciao a tutti,", "Ciao {fn},", "Gentile cliente,"],
        close: &["Cordiali saluti,\n{n}", "Un saluto,\n{fn}", "Distinti saluti,\n{n}\n{f}", "A presto,\n{n}"],
        heads: &[
            "Oggetto: il suo ordine",
            "Fattura",
            "Modulo di contatto – nuova richiesta",
            "Re: trasloco la settimana prossima",
            "Scheda anagrafica dipendente",
            "Note legali",
        ],
        filler: &[
            "Grazie per la rapida risposta.",
            "La preghiamo di verificare i dati e di contattarci per qualsiasi domanda.",
            "Domani le spedisco i documenti per posta.",
            "Restiamo a disposizione per ogni chiarimento.",
            "L'appuntamento a {c} è confermato.",
            "In allegato trova i documenti richiesti.",
        ],
        prose: &[
            "Quest'estate circa 300 persone sono venute alla festa di {c}.",
            "L'associazione conta ormai 85 soci e si riunisce due volte al mese.",
            "Il percorso è lungo circa 42 chilometri con 600 metri di dislivello.",
            "Per la ricetta servono 250 grammi di farina, 3 uova e 100 millilitri di latte.",
            "Il museo espone più di 1200 oggetti di quattro secoli.",
            "In media qui piove 90 giorni all'anno.",
            "Il nuovo treno copre la tratta in poco più di 2 ore.",
        ],
        email: &[
            "E-mail: {}",
            "Scrivetemi pure a {}.",
            "Da: {n} <{}>",
            "Il mio nuovo indirizzo e-mail è {}.",
            "<a href=\"mailto:{}\">Scrivici</a>",
            "Contatti: {}",
            "Rispondete a {}, non al vecchio indirizzo.",
        ],
        phone: &[
            "Tel.: {}",
            "f|Telefono: {}",
            "m|Cellulare: {}",
            "m|Cell. {}",
            "Mi potete chiamare al numero di telefono {}.",
            "m|Il mio numero di cellulare è {}.",
            "f|Tel. ufficio: {}",
            "Siamo raggiungibili telefonicamente al {}.",
        ],
        phone_bare: &[
            "Chiamami pure al {}.",
            "La sera mi trovi al {}.",
            "La preghiamo di richiamarci al {} entro venerdì.",
            "{n}, {}",
        ],
        iban: &[
            "IBAN: {}",
            "Vi preghiamo di effettuare il bonifico sul conto {}.",
            "Le mie nuove coordinate bancarie sono {} (conto corrente).",
            "Intestatario: {n}, IBAN {}",
            "L'affitto va versato d'ora in poi sul conto {}.",
        ],
        card: &[
            "Numero carta: {}",
            "Ho pagato con la mia carta di credito {}.",
            "Addebitate pure la carta {}.",
            "Il pagamento con la carta {} è stato rifiutato.",
            "Carta di credito: {}",
        ],
        ip: &[
            "L'accesso è avvenuto dall'indirizzo IP {}.",
            "IP: {}",
            "Nei log del server compare sempre l'indirizzo {}.",
            "Accesso da {} bloccato a mezzanotte.",
        ],
        vat: &["{vl}: {}", "La nostra {vl} è {}.", "{f}, {vl} {}"],
        form: &["Richiedente: {n}, residente a {c}, {}", "Dipendente: {n} ({c}), {}", "{n}, {c} – {}"],
        order: &["Numero d'ordine: {}", "Il suo ordine {} è stato spedito."],
        invoice: &["Fattura n. {}", "Indicare il numero di fattura {} nel pagamento."],
        isbn: &["ISBN {}", "Il libro ha ISBN {}."],
        ean: &["EAN: {}", "Codice a barre (EAN-13): {}"],
        date: &["Data di consegna: {}", "Il contratto decorre dal {}.", "Aggiornato al {}"],
        price: &["Totale: {}", "Il prezzo è di {} IVA inclusa.", "Importo dovuto: {}"],
        product: &["Cod. art. {}", "Il ricambio {} è di nuovo disponibile.", "SKU {}"],
        version: &["Aggiornate alla versione {}.", "Versione firmware {}"],
        postcode: &["Indirizzo di consegna: Via Roma 12, {} {c}", "Ci siamo trasferiti in Corso Italia 5, {} {c}."],
        coords: &["Punto d'incontro (GPS): {}", "Coordinate del parcheggio: {}"],
        ip_neg: &[
            "La stampante ha l'IP {}.",
            "La pagina del router è raggiungibile su {}.",
            "Il manuale usa l'indirizzo di esempio {}.",
        ],
        tracking: &["Numero di tracciamento: {}", "Il pacco è in viaggio, codice di spedizione {}."],
        years: &["Periodo di impiego: {}", "Lo studio copre gli anni {}."],
        time: &["La riunione inizia alle {}.", "Ora dell'errore: {}"],
        mac: &["Indirizzo MAC: {}", "Il dispositivo con MAC {} non è registrato."],
        statute: &["La base giuridica è l'{}.", "Il trattamento avviene ai sensi dell'{}."],
    },
    // ------------------------------------------------------------------ Spanish
    Lang {
        code: "es",
        companies: &[
            "García e Hijos S.L.",
            "Panadería La Espiga",
            "Despacho Martínez Abogados",
            "Bicicletas Rueda S.A.",
        ],
        domains: &[
            "garcia-hijos",
            "panaderia-laespiga",
            "martinez-abogados",
            "bicis-rueda",
            "correo-casa",
            "huerto-vecinal",
        ],
        idn: &["panadería-núñez", "señal-clara", "niño-feliz"],
        greet: &["Hola:", "Estimados señores:", "Hola a todos:", "Hola, {fn}:", "Buenos días:"],
        close: &["Un saludo,\n{n}", "Atentamente,\n{n}", "Saludos cordiales,\n{n}\n{f}", "Gracias,\n{fn}"],
        heads: &[
            "Asunto: su pedido",
            "Factura",
            "Formulario de contacto – nueva consulta",
            "Re: mudanza la semana que viene",
            "Ficha de datos del empleado",
            "Aviso legal",
        ],
        filler: &[
            "Gracias por su rápida respuesta.",
            "Por favor, revise los datos y contáctenos si tiene cualquier duda.",
            "Mañana le envío los documentos por correo postal.",
            "Quedamos a su disposición para cualquier consulta.",
            "La cita en {c} se mantiene.",
            "Adjunto le remito los documentos solicitados.",
        ],
        prose: &[
            "Este verano unas 300 personas acudieron a las fiestas de {c}.",
            "La asociación ya tiene 85 socios y se reúne dos veces al mes.",
            "La ruta tiene unos 42 kilómetros y 600 metros de desnivel.",
            "Para la receta hacen falta 250 gramos de harina, 3 huevos y 100 mililitros de leche.",
            "El museo expone más de 1200 piezas de cuatro siglos.",
            "Aquí llueve una media de 60 días al año.",
            "El nuevo tren hace el trayecto en algo más de 2 horas.",
        ],
        email: &[
            "Correo electrónico: {}",
            "Escríbame a {}.",
            "De: {n} <{}>",
            "Mi nueva dirección de correo es {}.",
            "<a href=\"mailto:{}\">Escríbenos</a>",
            "Contacto: {}",
            "Responda a {}, no a la dirección antigua.",
        ],
        phone: &[
            "Tel.: {}",
            "f|Teléfono: {}",
            "m|Móvil: {}",
            "m|Tlf. móvil: {}",
            "Puede llamarme al teléfono {}.",
            "m|Mi número de móvil es el {}.",
            "f|Teléfono de la oficina: {}",
            "Estamos disponibles en el teléfono {}.",
        ],
        phone_bare: &[
            "Llámame al {} cuando quieras.",
            "Por las tardes me localizas en el {}.",
            "Por favor, devuélvanos la llamada al {} antes del viernes.",
            "{n}, {}",
        ],
        iban: &[
            "IBAN: {}",
            "Les ruego transfieran el importe a la cuenta {}.",
            "Mis nuevos datos bancarios son {} (cuenta corriente).",
            "Titular: {n}, IBAN {}",
            "A partir de ahora el alquiler se ingresa en la cuenta {}.",
        ],
        card: &[
            "Número de tarjeta: {}",
            "Pagué con mi tarjeta de crédito {}.",
            "Pueden cargar el importe en la tarjeta {}.",
            "El pago con la tarjeta {} fue rechazado.",
            "Tarjeta de crédito: {}",
        ],
        ip: &[
            "El inicio de sesión se hizo desde la dirección IP {}.",
            "IP: {}",
            "La dirección {} aparece una y otra vez en el registro del servidor.",
            "Acceso desde {} bloqueado a medianoche.",
        ],
        vat: &["{vl}: {}", "Nuestro {vl} es {}.", "{f}, {vl} {}"],
        form: &["Solicitante: {n}, con domicilio en {c}, {}", "Empleada: {n} ({c}), {}", "{n}, {c} – {}"],
        order: &["N.º de pedido: {}", "Su pedido {} ha sido enviado."],
        invoice: &["Factura n.º {}", "Indique el número de factura {} al realizar el pago."],
        isbn: &["ISBN {}", "El libro tiene el ISBN {}."],
        ean: &["EAN: {}", "Código de barras (EAN-13): {}"],
        date: &["Fecha de entrega: {}", "El contrato empieza el {}.", "Actualizado: {}"],
        price: &["Total: {}", "El precio es de {} IVA incluido.", "Importe a pagar: {}"],
        product: &["Ref. {}", "El repuesto {} vuelve a estar disponible.", "SKU {}"],
        version: &["Actualice a la versión {}.", "Versión del firmware: {}"],
        postcode: &[
            "Dirección de entrega: Calle Mayor 12, {} {c}",
            "Nos hemos mudado a la Avenida de la Paz 5, {} {c}.",
        ],
        coords: &["Punto de encuentro (GPS): {}", "Coordenadas del aparcamiento: {}"],
        ip_neg: &[
            "La impresora tiene la IP {}.",
            "La página del router está en {}.",
            "El manual usa la dirección de ejemplo {}.",
        ],
        tracking: &["Número de seguimiento: {}", "Su paquete está en camino, n.º de envío {}."],
        years: &["Periodo de empleo: {}", "El estudio abarca los años {}."],
        time: &["La reunión empieza a las {}.", "Hora del error: {}"],
        mac: &["Dirección MAC: {}", "El dispositivo con MAC {} no está registrado."],
        statute: &["La base jurídica es el {}.", "El tratamiento se basa en el {}."],
    },
    // ------------------------------------------------------------------ Portuguese
    Lang {
        code: "pt",
        companies: &[
            "Silva & Filhos, Lda.",
            "Padaria Central",
            "Sociedade de Advogados Costa",
            "Bicicletas Rápidas, Lda.",
        ],
        domains: &[
            "silva-filhos",
            "padaria-central",
            "costa-advogados",
            "bicicletas-rapidas",
            "correio-casa",
            "horta-comunitaria",
        ],
        idn: &["padaria-joão", "coração-verde", "pão-quente"],
        greet: &["Olá,", "Exmos. Senhores,", "Bom dia,", "Olá {fn},", "Caros colegas,"],
        close: &[
            "Com os melhores cumprimentos,\n{n}",
            "Atenciosamente,\n{n}",
            "Obrigado,\n{fn}",
            "Cumprimentos,\n{n}\n{f}",
        ],
        heads: &[
            "Assunto: a sua encomenda",
            "Fatura",
            "Formulário de contacto – novo pedido",
            "Re: mudança na próxima semana",
            "Ficha do colaborador",
            "Ficha técnica",
        ],
        filler: &[
            "Obrigado pela resposta rápida.",
            "Por favor, verifique os dados e contacte-nos em caso de dúvida.",
            "Amanhã envio-lhe os documentos pelo correio.",
            "Ficamos ao dispor para qualquer esclarecimento.",
            "A reunião em {c} mantém-se.",
            "Em anexo seguem os documentos pedidos.",
        ],
        prose: &[
            "Este verão cerca de 300 pessoas vieram às festas de {c}.",
            "A associação já tem 85 sócios e reúne-se duas vezes por mês.",
            "O percurso tem cerca de 42 quilómetros e 600 metros de desnível.",
            "Para a receita são precisos 250 gramas de farinha, 3 ovos e 100 mililitros de leite.",
            "O museu mostra mais de 1200 peças de quatro séculos.",
            "Aqui chove em média 100 dias por ano.",
            "O novo comboio faz o percurso em pouco mais de 2 horas.",
        ],
        email: &[
            "E-mail: {}",
            "Escreva-me para {}.",
            "De: {n} <{}>",
            "O meu novo endereço de e-mail é {}.",
            "<a href=\"mailto:{}\">Contacte-nos</a>",
            "Contacto: {}",
            "Responda para {} e não para o endereço antigo.",
        ],
        phone: &[
            "Tel.: {}",
            "f|Telefone: {}",
            "m|Telemóvel: {}",
            "m|Tlm. {}",
            "Pode ligar-me para o telefone {}.",
            "m|O meu número de telemóvel é {}.",
            "f|Telefone do escritório: {}",
            "Estamos disponíveis pelo telefone {}.",
        ],
        phone_bare: &[
            "Liga-me para o {} quando quiseres.",
            "À noite encontras-me no {}.",
            "Por favor, volte a ligar-nos para o {} até sexta-feira.",
            "{n}, {}",
        ],
        iban: &[
            "IBAN: {}",
            "Queira transferir o montante para a conta {}.",
            "Os meus novos dados bancários: {} (conta à ordem).",
            "Titular: {n}, IBAN {}",
            "A renda passa a ser paga na conta {}.",
        ],
        card: &[
            "Número do cartão: {}",
            "Paguei com o meu cartão de crédito {}.",
            "Podem debitar o cartão {}.",
            "O pagamento com o cartão {} foi recusado.",
            "Cartão de crédito: {}",
        ],
        ip: &[
            "O início de sessão veio do endereço IP {}.",
            "IP: {}",
            "O endereço {} aparece constantemente nos registos do servidor.",
            "Acesso a partir de {} bloqueado à meia-noite.",
        ],
        vat: &["{vl}: {}", "O nosso {vl} é {}.", "{f}, {vl} {}"],
        form: &["Requerente: {n}, residente em {c}, {}", "Colaboradora: {n} ({c}), {}", "{n}, {c} – {}"],
        order: &["N.º de encomenda: {}", "A sua encomenda {} foi expedida."],
        invoice: &["Fatura n.º {}", "Indique o número da fatura {} no pagamento."],
        isbn: &["ISBN {}", "O livro tem o ISBN {}."],
        ean: &["EAN: {}", "Código de barras (EAN-13): {}"],
        date: &["Data de entrega: {}", "O contrato começa a {}.", "Atualizado em {}"],
        price: &["Total: {}", "O preço é {} com IVA incluído.", "Valor a pagar: {}"],
        product: &["Ref.ª {}", "A peça {} voltou a estar disponível.", "SKU {}"],
        version: &["Atualize para a versão {}.", "Versão do firmware: {}"],
        postcode: &["Morada de entrega: Rua das Flores 12, {} {c}", "Mudámos para a Avenida da Liberdade 5, {} {c}."],
        coords: &["Ponto de encontro (GPS): {}", "Coordenadas do parque de estacionamento: {}"],
        ip_neg: &[
            "A impressora tem o IP {}.",
            "A página do router está em {}.",
            "O manual usa o endereço de exemplo {}.",
        ],
        tracking: &["Código de rastreio: {}", "A sua encomenda está a caminho, código de envio {}."],
        years: &["Período de trabalho: {}", "O estudo abrange os anos {}."],
        time: &["A reunião começa às {}.", "Hora do erro: {}"],
        mac: &["Endereço MAC: {}", "O dispositivo com MAC {} não está registado."],
        statute: &["A base jurídica é o {}.", "O tratamento tem fundamento no {}."],
    },
    // ------------------------------------------------------------------ Greek
    Lang {
        code: "el",
        companies: &[
            "Παπαδόπουλος & Υιοί Ο.Ε.",
            "Αρτοποιείο Η Φραντζόλα",
            "Δικηγορικό Γραφείο Οικονόμου",
            "Ποδήλατα Ταχύτης Ε.Π.Ε.",
        ],
        domains: &[
            "papadopoulos-yioi",
            "fratzola",
            "oikonomou-law",
            "podilata-tachytis",
            "taxydromeio-spiti",
            "kipos-geitonias",
        ],
        idn: &["παράδειγμα", "αρτοποιείο-φραντζόλα", "γειτονιά"],
        greet: &["Καλησπέρα σας,", "Αξιότιμες κυρίες και κύριοι,", "Γεια σας,", "Καλημέρα,", "Αγαπητοί συνάδελφοι,"],
        close: &["Με εκτίμηση,\n{n}", "Φιλικά,\n{n}", "Ευχαριστώ,\n{n}", "Με φιλικούς χαιρετισμούς,\n{n}\n{f}"],
        heads: &[
            "Θέμα: Η παραγγελία σας",
            "Τιμολόγιο",
            "Φόρμα επικοινωνίας – νέο αίτημα",
            "Re: Μετακόμιση την επόμενη εβδομάδα",
            "Στοιχεία εργαζομένου",
            "Στοιχεία επικοινωνίας",
        ],
        filler: &[
            "Ευχαριστώ για την άμεση απάντηση.",
            "Παρακαλώ ελέγξτε τα στοιχεία και επικοινωνήστε μαζί μας για οποιαδήποτε απορία.",
            "Αύριο θα σας στείλω τα έγγραφα ταχυδρομικά.",
            "Είμαστε στη διάθεσή σας για κάθε διευκρίνιση.",
            "Η συνάντηση της Πέμπτης ισχύει κανονικά.",
            "Σας επισυνάπτω τα έγγραφα που ζητήσατε.",
        ],
        prose: &[
            "Φέτος το καλοκαίρι περίπου 300 άτομα ήρθαν στη γιορτή της γειτονιάς.",
            "Ο σύλλογος έχει πλέον 85 μέλη και συναντιέται δύο φορές τον μήνα.",
            "Η διαδρομή έχει μήκος περίπου 42 χιλιόμετρα.",
            "Για τη συνταγή χρειάζεστε 250 γραμμάρια αλεύρι, 3 αυγά και 100 ml γάλα.",
            "Το μουσείο εκθέτει περισσότερα από 1200 αντικείμενα από τέσσερις αιώνες.",
            "Εδώ βρέχει κατά μέσο όρο 60 ημέρες τον χρόνο.",
            "Το νέο λεωφορείο κάνει τη διαδρομή σε 40 λεπτά.",
        ],
        email: &[
            "Email: {}",
            "Γράψτε μου στο {}.",
            "Από: {n} <{}>",
            "Η νέα μου διεύθυνση email είναι {}.",
            "<a href=\"mailto:{}\">Επικοινωνήστε μαζί μας</a>",
            "Ηλ. ταχυδρομείο: {}",
            "Απαντήστε στο {} και όχι στην παλιά διεύθυνση.",
        ],
        phone: &[
            "Τηλ.: {}",
            "f|Τηλέφωνο: {}",
            "m|Κινητό: {}",
            "m|Κιν. {}",
            "Μπορείτε να με βρείτε στο τηλέφωνο {}.",
            "m|Το κινητό μου είναι {}.",
            "f|Τηλ. γραφείου: {}",
            "Είμαστε διαθέσιμοι στο τηλέφωνο {}.",
        ],
        phone_bare: &[
            "Πάρε με στο {} όποτε θέλεις.",
            "Το βράδυ με βρίσκεις στο {}.",
            "Παρακαλούμε καλέστε μας στο {} έως την Παρασκευή.",
            "{n}, {}",
        ],
        iban: &[
            "IBAN: {}",
            "Παρακαλούμε καταθέστε το ποσό στον λογαριασμό {}.",
            "Ο νέος μου τραπεζικός λογαριασμός είναι {} (όψεως).",
            "Δικαιούχος: {n}, IBAN {}",
            "Από εδώ και πέρα το ενοίκιο κατατίθεται στον λογαριασμό {}.",
        ],
        card: &[
            "Αριθμός κάρτας: {}",
            "Πλήρωσα με την πιστωτική μου κάρτα {}.",
            "Μπορείτε να χρεώσετε την κάρτα {}.",
            "Η πληρωμή με την κάρτα {} απορρίφθηκε.",
            "Πιστωτική κάρτα: {}",
        ],
        ip: &[
            "Η σύνδεση έγινε από τη διεύθυνση IP {}.",
            "IP: {}",
            "Η διεύθυνση {} εμφανίζεται συνεχώς στα αρχεία καταγραφής του διακομιστή.",
            "Η πρόσβαση από {} μπλοκαρίστηκε τα μεσάνυχτα.",
        ],
        vat: &["{vl}: {}", "{f}, {vl} {}", "Στοιχεία τιμολόγησης: {vl} {}."],
        form: &["Αιτών: {n} ({c}), {}", "Εργαζόμενος: {n} ({c}), {}", "{n}, {c} – {}"],
        order: &["Αριθμός παραγγελίας: {}", "Η παραγγελία σας {} απεστάλη."],
        invoice: &["Αρ. τιμολογίου: {}", "Αναφέρετε τον αριθμό τιμολογίου {} κατά την πληρωμή."],
        isbn: &["ISBN {}", "Το βιβλίο έχει ISBN {}."],
        ean: &["EAN: {}", "Γραμμωτός κώδικας (EAN-13): {}"],
        date: &["Ημερομηνία παράδοσης: {}", "Η σύμβαση ξεκινά στις {}.", "Τελευταία ενημέρωση: {}"],
        price: &["Σύνολο: {}", "Η τιμή είναι {} με ΦΠΑ.", "Πληρωτέο ποσό: {}"],
        product: &["Κωδ. είδους {}", "Το ανταλλακτικό {} είναι ξανά διαθέσιμο.", "SKU {}"],
        version: &["Κάντε αναβάθμιση στην έκδοση {}.", "Έκδοση υλικολογισμικού {}"],
        postcode: &["Διεύθυνση παράδοσης: Ερμού 12, {} {c}", "Μετακομίσαμε: Αγίου Νικολάου 5, {} {c}."],
        coords: &["Σημείο συνάντησης (GPS): {}", "Συντεταγμένες του πάρκινγκ: {}"],
        ip_neg: &[
            "Ο εκτυπωτής έχει IP {}.",
            "Η σελίδα του router βρίσκεται στο {}.",
            "Το εγχειρίδιο χρησιμοποιεί τη διεύθυνση παραδείγματος {}.",
        ],
        tracking: &["Αριθμός αποστολής: {}", "Το δέμα σας είναι καθ' οδόν, κωδικός εντοπισμού {}."],
        years: &["Περίοδος απασχόλησης: {}", "Η μελέτη καλύπτει τα έτη {}."],
        time: &["Η σύσκεψη ξεκινά στις {}.", "Ώρα σφάλματος: {}"],
        mac: &["Διεύθυνση MAC: {}", "Η συσκευή με MAC {} δεν είναι καταχωρισμένη."],
        statute: &["Νομική βάση: {}", "Η επεξεργασία βασίζεται στις διατάξεις: {}."],
    },
    // ------------------------------------------------------------------ Bulgarian
    Lang {
        code: "bg",
        companies: &[
            "Петров и синове ООД",
            "Пекарна „Житен клас“",
            "Адвокатско дружество Димитров",
            "Велосипеди Бързина ЕООД",
        ],
        domains: &[
            "petrov-sinove",
            "zhiten-klas",
            "dimitrov-law",
            "velosipedi-barzina",
            "poshta-doma",
            "gradina-kvartal",
        ],
        idn: &["пример", "пекарна-житен-клас", "градина"],
        greet: &["Здравейте,", "Уважаеми дами и господа,", "Добър ден,", "Здравейте на всички,", "Уважаеми колеги,"],
        close: &["Поздрави,\n{n}", "С уважение,\n{n}", "Благодаря,\n{n}", "С уважение,\n{n}\n{f}"],
        heads: &[
            "Относно: Вашата поръчка",
            "Фактура",
            "Форма за контакт – ново запитване",
            "Re: Преместване следващата седмица",
            "Данни на служителя",
            "Контакти",
        ],
        filler: &[
            "Благодаря за бързия отговор.",
            "Моля, проверете данните и се свържете с нас при въпроси.",
            "Утре ще Ви изпратя документите по пощата.",
            "Оставаме на разположение за допълнителна информация.",
            "Срещата в четвъртък остава в сила.",
            "Прилагам исканите документи.",
        ],
        prose: &[
            "Това лято около 300 души дойдоха на празника на града.",
            "Сдружението вече има 85 членове и се събира два пъти месечно.",
            "Маршрутът е дълъг около 42 километра.",
            "За рецептата са нужни 250 грама брашно, 3 яйца и 100 милилитра мляко.",
            "Музеят показва над 1200 експоната от четири века.",
            "Тук средно вали около 100 дни в годината.",
            "Новият влак изминава разстоянието за малко над 2 часа.",
        ],
        email: &[
            "Имейл: {}",
            "Пишете ми на {}.",
            "От: {n} <{}>",
            "Новият ми имейл адрес е {}.",
            "<a href=\"mailto:{}\">Пишете ни</a>",
            "Контакт: {}",
            "Моля, отговаряйте на {}, а не на стария адрес.",
        ],
        phone: &[
            "Тел.: {}",
            "f|Телефон: {}",
            "m|Мобилен: {}",
            "m|GSM: {}",
            "Можете да ме намерите на телефон {}.",
            "m|Мобилният ми номер е {}.",
            "f|Тел. офис: {}",
            "На разположение сме на телефон {}.",
        ],
        phone_bare: &[
            "Звънни ми на {}, когато искаш.",
            "Вечер ме намираш на {}.",
            "Моля, върнете ни обаждане на {} до петък.",
            "{n}, {}",
        ],
        iban: &[
            "IBAN: {}",
            "Моля, преведете сумата по сметка {}.",
            "Новата ми банкова сметка е {} (разплащателна).",
            "Титуляр: {n}, IBAN {}",
            "Наемът вече се превежда по сметка {}.",
        ],
        card: &[
            "Номер на карта: {}",
            "Платих с кредитната си карта {}.",
            "Можете да таксувате картата {}.",
            "Плащането с карта {} беше отказано.",
            "Кредитна карта: {}",
        ],
        ip: &[
            "Входът е от IP адрес {}.",
            "IP: {}",
            "Адресът {} постоянно се появява в логовете на сървъра.",
            "Достъпът от {} беше блокиран в полунощ.",
        ],
        vat: &["{vl}: {}", "{f}, {vl} {}", "Данни за фактура: {vl} {}."],
        form: &["Заявител: {n} ({c}), {}", "Служител: {n} ({c}), {}", "{n}, {c} – {}"],
        order: &["Номер на поръчка: {}", "Поръчката Ви {} е изпратена."],
        invoice: &["Фактура № {}", "Моля, посочете номер на фактура {} при плащане."],
        isbn: &["ISBN {}", "Книгата е с ISBN {}."],
        ean: &["EAN: {}", "Баркод (EAN-13): {}"],
        date: &["Дата на доставка: {}", "Договорът започва на {}.", "Актуализирано: {}"],
        price: &["Общо: {}", "Цената е {} с ДДС.", "Сума за плащане: {}"],
        product: &["Арт. № {}", "Резервната част {} отново е налична.", "SKU {}"],
        version: &["Моля, обновете до версия {}.", "Версия на фърмуера: {}"],
        postcode: &["Адрес за доставка: ул. „Витоша“ 12, {} {c}", "Преместихме се: бул. „България“ 5, {} {c}."],
        coords: &["Място на срещата (GPS): {}", "Координати на паркинга: {}"],
        ip_neg: &[
            "Принтерът е с IP {}.",
            "Страницата на рутера е на {}.",
            "В ръководството е даден примерният адрес {}.",
        ],
        tracking: &["Номер на пратката: {}", "Пратката Ви е на път, номер за проследяване {}."],
        years: &["Период на работа: {}", "Проучването обхваща годините {}."],
        time: &["Срещата започва в {} ч.", "Час на грешката: {}"],
        mac: &["MAC адрес: {}", "Устройството с MAC {} не е регистрирано."],
        statute: &["Правно основание: {}", "Обработването се извършва на основание {}."],
    },
    // ------------------------------------------------------------------ Czech
    Lang {
        code: "cs",
        companies: &["Novák a syn s.r.o.", "Pekárna U Klasu", "Advokátní kancelář Dvořák", "Cyklo Rychlík s.r.o."],
        domains: &["novak-syn", "pekarna-uklasu", "ak-dvorak", "cyklo-rychlik", "posta-doma", "zahradkari-sever"],
        idn: &["pekárna-u-klasu", "květinářství-růže", "čistírna"],
        greet: &["Dobrý den,", "Vážené dámy a pánové,", "Ahoj všichni,", "Zdravím,", "Milí kolegové,"],
        close: &["S pozdravem\n{n}", "Děkuji a přeji hezký den\n{n}", "S přátelským pozdravem\n{n}\n{f}", "Díky,\n{n}"],
        heads: &[
            "Věc: Vaše objednávka",
            "Faktura",
            "Kontaktní formulář – nový dotaz",
            "Re: Stěhování příští týden",
            "Osobní dotazník zaměstnance",
            "Kontakty",
        ],
        filler: &[
            "Děkuji za rychlou odpověď.",
            "Prosím, zkontrolujte údaje a v případě dotazů se nám ozvěte.",
            "Dokumenty Vám zítra pošlu poštou.",
            "Těšíme se na další spolupráci.",
            "Schůzka ve čtvrtek platí.",
            "V příloze posílám požadované dokumenty.",
        ],
        prose: &[
            "Letos v létě přišlo na městské slavnosti asi 300 lidí.",
            "Spolek má nyní 85 členů a schází se dvakrát do měsíce.",
            "Trasa je dlouhá asi 42 kilometrů.",
            "Na recept potřebujete 250 gramů mouky, 3 vejce a 100 mililitrů mléka.",
            "Muzeum vystavuje přes 1200 předmětů ze čtyř století.",
            "V průměru tu prší 150 dní v roce.",
            "Nový vlak zvládne cestu za něco přes 2 hodiny.",
        ],
        email: &[
            "E-mail: {}",
            "Napište mi na {}.",
            "Od: {n} <{}>",
            "Moje nová e-mailová adresa je {}.",
            "<a href=\"mailto:{}\">Napište nám</a>",
            "Kontakt: {}",
            "Odpovídejte prosím na {}, ne na starou adresu.",
        ],
        phone: &[
            "Tel.: {}",
            "f|Telefon: {}",
            "m|Mobil: {}",
            "m|Mob.: {}",
            "Zastihnete mě na telefonu {}.",
            "m|Moje číslo mobilu je {}.",
            "f|Tel. do kanceláře: {}",
            "Jsme k dispozici na telefonu {}.",
        ],
        phone_bare: &[
            "Zavolej mi na {}, kdykoli chceš.",
            "Večer mě zastihneš na {}.",
            "Prosíme, ozvěte se nám do pátku na {}.",
            "{n}, {}",
        ],
        iban: &[
            "IBAN: {}",
            "Částku prosím převeďte na účet {}.",
            "Moje nové bankovní spojení je {} (běžný účet).",
            "Majitel účtu: {n}, IBAN {}",
            "Nájem se nově platí na účet {}.",
        ],
        card: &[
            "Číslo karty: {}",
            "Platil jsem kreditní kartou {}.",
            "Částku můžete strhnout z karty {}.",
            "Platba kartou {} byla zamítnuta.",
            "Kreditní karta: {}",
        ],
        ip: &[
            "Přihlášení proběhlo z IP adresy {}.",
            "IP: {}",
            "Adresa {} se neustále objevuje v logu serveru.",
            "Přístup z {} byl o půlnoci zablokován.",
        ],
        vat: &["{vl}: {}", "{f}, {vl} {}", "Fakturační údaje: {vl} {}."],
        form: &["Žadatel: {n}, bytem {c}, {}", "Zaměstnanec: {n} ({c}), {}", "{n}, {c} – {}"],
        order: &["Číslo objednávky: {}", "Vaše objednávka {} byla odeslána."],
        invoice: &["Faktura č. {}", "Při platbě uveďte číslo faktury {}."],
        isbn: &["ISBN {}", "Kniha má ISBN {}."],
        ean: &["EAN: {}", "Čárový kód (EAN-13): {}"],
        date: &["Datum dodání: {}", "Smlouva začíná dne {}.", "Aktualizováno: {}"],
        price: &["Celkem: {}", "Cena je {} včetně DPH.", "K úhradě: {}"],
        product: &["Kat. č. {}", "Náhradní díl {} je opět skladem.", "SKU {}"],
        version: &["Aktualizujte prosím na verzi {}.", "Verze firmwaru {}"],
        postcode: &["Dodací adresa: Lipová 12, {} {c}", "Přestěhovali jsme se: Hlavní 5, {} {c}."],
        coords: &["Místo srazu (GPS): {}", "Souřadnice parkoviště: {}"],
        ip_neg: &["Tiskárna má IP {}.", "Stránka routeru je na adrese {}.", "V příručce je uvedena vzorová adresa {}."],
        tracking: &["Číslo zásilky: {}", "Váš balík je na cestě, sledovací číslo {}."],
        years: &["Doba zaměstnání: {}", "Studie pokrývá roky {}."],
        time: &["Porada začíná v {}.", "Čas chyby: {}"],
        mac: &["MAC adresa: {}", "Zařízení s MAC {} není registrováno."],
        statute: &["Právní základ: {}", "Zpracování probíhá podle {}."],
    },
    // ------------------------------------------------------------------ Slovak
    Lang {
        code: "sk",
        companies: &[
            "Horváth a syn s.r.o.",
            "Pekáreň Pri mlyne",
            "Advokátska kancelária Varga",
            "Cyklo Rýchlik s.r.o.",
        ],
        domains: &["horvath-syn", "pekaren-primlyne", "ak-varga", "cyklo-rychlik", "posta-doma", "zahradkari-juh"],
        idn: &["pekáreň-pri-mlyne", "kvetinárstvo-ruža"],
        greet: &["Dobrý deň,", "Vážené dámy a páni,", "Ahojte,", "Zdravím,", "Milí kolegovia,"],
        close: &[
            "S pozdravom\n{n}",
            "Ďakujem a prajem pekný deň\n{n}",
            "S priateľským pozdravom\n{n}\n{f}",
            "Vďaka,\n{n}",
        ],
        heads: &[
            "Vec: Vaša objednávka",
            "Faktúra",
            "Kontaktný formulár – nová otázka",
            "Re: Sťahovanie budúci týždeň",
            "Osobný dotazník zamestnanca",
            "Kontakty",
        ],
        filler: &[
            "Ďakujem za rýchlu odpoveď.",
            "Prosím, skontrolujte údaje a v prípade otázok sa nám ozvite.",
            "Dokumenty Vám zajtra pošlem poštou.",
            "Tešíme sa na ďalšiu spoluprácu.",
            "Stretnutie vo štvrtok platí.",
            "V prílohe posielam požadované dokumenty.",
        ],
        prose: &[
            "Toto leto prišlo na mestské slávnosti asi 300 ľudí.",
            "Združenie má teraz 85 členov a stretáva sa dvakrát do mesiaca.",
            "Trasa je dlhá asi 42 kilometrov.",
            "Na recept potrebujete 250 gramov múky, 3 vajcia a 100 mililitrov mlieka.",
            "Múzeum vystavuje viac ako 1200 predmetov zo štyroch storočí.",
            "V priemere tu prší 140 dní v roku.",
            "Nový vlak zvládne cestu za niečo vyše 2 hodín.",
        ],
        email: &[
            "E-mail: {}",
            "Napíšte mi na {}.",
            "Od: {n} <{}>",
            "Moja nová e-mailová adresa je {}.",
            "<a href=\"mailto:{}\">Napíšte nám</a>",
            "Kontakt: {}",
            "Odpovedajte prosím na {}, nie na starú adresu.",
        ],
        phone: &[
            "Tel.: {}",
            "f|Telefón: {}",
            "m|Mobil: {}",
            "m|Mob.: {}",
            "Zastihnete ma na telefóne {}.",
            "m|Moje číslo mobilu je {}.",
            "f|Tel. do kancelárie: {}",
            "Sme k dispozícii na telefóne {}.",
        ],
        phone_bare: &[
            "Zavolaj mi na {}, kedykoľvek chceš.",
            "Večer ma zastihneš na {}.",
            "Prosíme, ozvite sa nám do piatku na {}.",
            "{n}, {}",
        ],
        iban: &[
            "IBAN: {}",
            "Sumu prosím preveďte na účet {}.",
            "Moje nové bankové spojenie je {} (bežný účet).",
            "Majiteľ účtu: {n}, IBAN {}",
            "Nájomné sa odteraz platí na účet {}.",
        ],
        card: &[
            "Číslo karty: {}",
            "Platil som kreditnou kartou {}.",
            "Sumu môžete stiahnuť z karty {}.",
            "Platba kartou {} bola zamietnutá.",
            "Kreditná karta: {}",
        ],
        ip: &[
            "Prihlásenie prebehlo z IP adresy {}.",
            "IP: {}",
            "Adresa {} sa neustále objavuje v logu servera.",
            "Prístup z {} bol o polnoci zablokovaný.",
        ],
        vat: &["{vl}: {}", "{f}, {vl} {}", "Fakturačné údaje: {vl} {}."],
        form: &["Žiadateľ: {n}, bytom {c}, {}", "Zamestnanec: {n} ({c}), {}", "{n}, {c} – {}"],
        order: &["Číslo objednávky: {}", "Vaša objednávka {} bola odoslaná."],
        invoice: &["Faktúra č. {}", "Pri platbe uveďte číslo faktúry {}."],
        isbn: &["ISBN {}", "Kniha má ISBN {}."],
        ean: &["EAN: {}", "Čiarový kód (EAN-13): {}"],
        date: &["Dátum dodania: {}", "Zmluva začína dňa {}.", "Aktualizované: {}"],
        price: &["Spolu: {}", "Cena je {} vrátane DPH.", "Na úhradu: {}"],
        product: &["Kat. č. {}", "Náhradný diel {} je opäť na sklade.", "SKU {}"],
        version: &["Aktualizujte prosím na verziu {}.", "Verzia firmvéru {}"],
        postcode: &["Dodacia adresa: Lipová 12, {} {c}", "Presťahovali sme sa: Hlavná 5, {} {c}."],
        coords: &["Miesto stretnutia (GPS): {}", "Súradnice parkoviska: {}"],
        ip_neg: &[
            "Tlačiareň má IP {}.",
            "Stránka routera je na adrese {}.",
            "V príručke je uvedená vzorová adresa {}.",
        ],
        tracking: &["Číslo zásielky: {}", "Váš balík je na ceste, sledovacie číslo {}."],
        years: &["Doba zamestnania: {}", "Štúdia pokrýva roky {}."],
        time: &["Porada začína o {}.", "Čas chyby: {}"],
        mac: &["MAC adresa: {}", "Zariadenie s MAC {} nie je registrované."],
        statute: &["Právny základ: {}", "Spracúvanie prebieha podľa {}."],
    },
    // ------------------------------------------------------------------ Polish
    Lang {
        code: "pl",
        companies: &[
            "Nowak i Synowie sp. z o.o.",
            "Piekarnia Pod Kłosem",
            "Kancelaria Adwokacka Wiśniewski",
            "Rowery Szybkie sp.j.",
        ],
        domains: &[
            "nowak-synowie",
            "piekarnia-podklosem",
            "kancelaria-wisniewski",
            "rowery-szybkie",
            "poczta-domowa",
            "dzialkowcy-polnoc",
        ],
        idn: &["piekarnia-pod-kłosem", "przykład", "żółty-rower"],
        greet: &["Dzień dobry,", "Szanowni Państwo,", "Cześć wszystkim,", "Witam,", "Drodzy współpracownicy,"],
        close: &["Pozdrawiam\n{n}", "Z poważaniem\n{n}", "Z wyrazami szacunku\n{n}\n{f}", "Dzięki,\n{n}"],
        heads: &[
            "Temat: Państwa zamówienie",
            "Faktura",
            "Formularz kontaktowy – nowe zapytanie",
            "Re: przeprowadzka w przyszłym tygodniu",
            "Kwestionariusz osobowy pracownika",
            "Kontakt",
        ],
        filler: &[
            "Dziękuję za szybką odpowiedź.",
            "Proszę sprawdzić dane i w razie pytań skontaktować się z nami.",
            "Dokumenty wyślę jutro pocztą.",
            "Cieszymy się na dalszą współpracę.",
            "Spotkanie w czwartek jest aktualne.",
            "W załączniku przesyłam wymagane dokumenty.",
        ],
        prose: &[
            "Tego lata na festyn miejski przyszło około 300 osób.",
            "Stowarzyszenie liczy obecnie 85 członków i spotyka się dwa razy w miesiącu.",
            "Trasa ma około 42 kilometrów długości.",
            "Do przepisu potrzeba 250 gramów mąki, 3 jajek i 100 mililitrów mleka.",
            "Muzeum prezentuje ponad 1200 eksponatów z czterech stuleci.",
            "Średnio pada tu przez 160 dni w roku.",
            "Nowy pociąg pokonuje trasę w nieco ponad 2 godziny.",
        ],
        email: &[
            "E-mail: {}",
            "Proszę pisać na adres {}.",
            "Od: {n} <{}>",
            "Mój nowy adres e-mail to {}.",
            "<a href=\"mailto:{}\">Napisz do nas</a>",
            "Kontakt: {}",
            "Proszę odpowiadać na {}, a nie na stary adres.",
        ],
        phone: &[
            "Tel.: {}",
            "f|Telefon: {}",
            "m|Komórka: {}",
            "m|Tel. kom. {}",
            "Można się ze mną skontaktować telefonicznie pod numerem {}.",
            "m|Mój numer komórki to {}.",
            "f|Tel. do biura: {}",
            "Jesteśmy dostępni pod numerem telefonu {}.",
        ],
        phone_bare: &[
            "Zadzwoń do mnie pod {}, kiedy chcesz.",
            "Wieczorem złapiesz mnie pod {}.",
            "Prosimy o kontakt zwrotny pod {} do piątku.",
            "{n}, {}",
        ],
        iban: &[
            "IBAN: {}",
            "Proszę przelać kwotę na rachunek {}.",
            "Mój nowy numer konta to {} (konto osobiste).",
            "Właściciel rachunku: {n}, IBAN {}",
            "Czynsz należy od teraz wpłacać na konto {}.",
        ],
        card: &[
            "Numer karty: {}",
            "Zapłaciłem kartą kredytową {}.",
            "Proszę obciążyć kartę {}.",
            "Płatność kartą {} została odrzucona.",
            "Karta kredytowa: {}",
        ],
        ip: &[
            "Logowanie nastąpiło z adresu IP {}.",
            "IP: {}",
            "Adres {} ciągle pojawia się w logach serwera.",
            "Dostęp z {} został zablokowany o północy.",
        ],
        vat: &["{vl}: {}", "{f}, {vl} {}", "Dane do faktury: {vl} {}."],
        form: &["Wnioskodawca: {n}, zam. {c}, {}", "Pracownik: {n} ({c}), {}", "{n}, {c} – {}"],
        order: &["Numer zamówienia: {}", "Twoje zamówienie {} zostało wysłane."],
        invoice: &["Faktura nr {}", "Prosimy podać numer faktury {} w tytule przelewu."],
        isbn: &["ISBN {}", "Książka ma numer ISBN {}."],
        ean: &["EAN: {}", "Kod kreskowy (EAN-13): {}"],
        date: &["Data dostawy: {}", "Umowa obowiązuje od {}.", "Stan na {}"],
        price: &["Razem: {}", "Cena wynosi {} brutto.", "Do zapłaty: {}"],
        product: &["Nr kat. {}", "Część zamienna {} jest znowu dostępna.", "SKU {}"],
        version: &["Proszę zaktualizować do wersji {}.", "Wersja oprogramowania układowego: {}"],
        postcode: &["Adres dostawy: ul. Lipowa 12, {} {c}", "Przeprowadziliśmy się: ul. Główna 5, {} {c}."],
        coords: &["Miejsce zbiórki (GPS): {}", "Współrzędne parkingu: {}"],
        ip_neg: &[
            "Drukarka ma adres IP {}.",
            "Panel routera jest pod adresem {}.",
            "W instrukcji użyto przykładowego adresu {}.",
        ],
        tracking: &["Numer przesyłki: {}", "Paczka jest w drodze, numer do śledzenia {}."],
        years: &["Okres zatrudnienia: {}", "Badanie obejmuje lata {}."],
        time: &["Spotkanie zaczyna się o {}.", "Godzina błędu: {}"],
        mac: &["Adres MAC: {}", "Urządzenie o adresie MAC {} nie jest zarejestrowane."],
        statute: &["Podstawa prawna: {}", "Przetwarzanie odbywa się na podstawie {}."],
    },
    // ------------------------------------------------------------------ Hungarian
    Lang {
        code: "hu",
        companies: &["Kovács és Fia Kft.", "Aranykalász Pékség", "Dr. Szabó Ügyvédi Iroda", "Gyors Bringa Bt."],
        domains: &["kovacs-es-fia", "aranykalasz", "szabo-ugyved", "gyorsbringa", "otthoni-posta", "kertbarat-kor"],
        idn: &["aranykalász-pékség", "példa", "kertbarát"],
        greet: &["Jó napot kívánok!", "Tisztelt Hölgyem, Uram!", "Sziasztok!", "Kedves Kollégák!", "Üdvözlöm!"],
        close: &["Üdvözlettel:\n{n}", "Tisztelettel:\n{n}", "Köszönöm,\n{n}", "Üdv,\n{n}\n{f}"],
        heads: &[
            "Tárgy: Az Ön rendelése",
            "Számla",
            "Kapcsolatfelvételi űrlap – új megkeresés",
            "Re: Költözés jövő héten",
            "Munkavállalói adatlap",
            "Impresszum",
        ],
        filler: &[
            "Köszönöm a gyors választ.",
            "Kérjük, ellenőrizze az adatokat, és kérdés esetén keressen minket.",
            "A dokumentumokat holnap postán küldöm.",
            "Várjuk a további együttműködést.",
            "A csütörtöki találkozó érvényes.",
            "Mellékelten küldöm a kért dokumentumokat.",
        ],
        prose: &[
            "Idén nyáron körülbelül 300 ember jött el a városi ünnepre.",
            "Az egyesületnek már 85 tagja van, és havonta kétszer találkoznak.",
            "Az útvonal nagyjából 42 kilométer hosszú.",
            "A recepthez 250 gramm liszt, 3 tojás és 100 milliliter tej kell.",
            "A múzeum több mint 1200 tárgyat mutat be négy évszázadból.",
            "Itt átlagosan évi 100 napon esik az eső.",
            "Az új vonat alig több mint 2 óra alatt teszi meg az utat.",
        ],
        email: &[
            "E-mail: {}",
            "Írjon nekem erre a címre: {}",
            "Feladó: {n} <{}>",
            "Az új e-mail-címem: {}",
            "<a href=\"mailto:{}\">Írjon nekünk</a>",
            "Kapcsolat: {}",
            "Kérem, a régi cím helyett ide válaszoljon: {}",
        ],
        phone: &[
            "Tel.: {}",
            "f|Telefon: {}",
            "m|Mobil: {}",
            "m|Mobiltelefon: {}",
            "Telefonon ezen a számon érhető el: {}",
            "m|A mobilszámom: {}",
            "f|Irodai telefon: {}",
            "Telefonos ügyfélszolgálatunk: {}",
        ],
        phone_bare: &[
            "Hívj nyugodtan ezen a számon: {}",
            "Esténként itt érsz el: {}",
            "Kérjük, péntekig hívjon vissza minket: {}",
            "{n}, {}",
        ],
        iban: &[
            "IBAN: {}",
            "Kérjük, az összeget a következő számlára utalja: {}",
            "Az új bankszámlaszámom: {}",
            "Számlatulajdonos: {n}, IBAN {}",
            "A bérleti díjat mostantól erre a számlára kell fizetni: {}",
        ],
        card: &[
            "Kártyaszám: {}",
            "A hitelkártyámmal fizettem, a kártya száma: {}",
            "Kérjük, terhelje meg a kártyát: {}",
            "A fizetés ezzel a kártyával sikertelen volt: {}",
            "Hitelkártya: {}",
        ],
        ip: &[
            "A bejelentkezés erről az IP-címről történt: {}",
            "IP: {}",
            "A szervernaplóban folyamatosan felbukkan ez a cím: {}",
            "Éjfélkor letiltottuk a hozzáférést innen: {}",
        ],
        vat: &["{vl}: {}", "{f}, {vl}: {}", "Számlázási adatok – {vl}: {}"],
        form: &["Kérelmező: {n}, {c}, {}", "Munkavállaló: {n} ({c}), {}", "{n}, {c} – {}"],
        order: &["Rendelésszám: {}", "A rendelését feladtuk, száma: {}"],
        invoice: &["Számlaszám: {}", "Kérjük, a közleményben tüntesse fel a számla sorszámát: {}"],
        isbn: &["ISBN {}", "A könyv ISBN-száma: {}"],
        ean: &["EAN: {}", "Vonalkód (EAN-13): {}"],
        date: &["Szállítási dátum: {}", "A szerződés kezdete: {}", "Frissítve: {}"],
        price: &["Összesen: {}", "Az ár {} (bruttó).", "Fizetendő: {}"],
        product: &["Cikkszám: {}", "Az alkatrész újra kapható, cikkszáma: {}", "SKU {}"],
        version: &["Kérjük, frissítsen erre a verzióra: {}", "Firmware-verzió: {}"],
        postcode: &["Szállítási cím: {} {c}, Fő utca 12.", "Új címünk: {} {c}, Kossuth Lajos utca 5."],
        coords: &["Találkozási pont (GPS): {}", "A parkoló koordinátái: {}"],
        ip_neg: &[
            "A nyomtató IP-címe: {}",
            "A router felülete itt érhető el: {}",
            "A kézikönyv ezt a példacímet használja: {}",
        ],
        tracking: &["Csomagazonosító: {}", "A csomag úton van, nyomkövetési szám: {}"],
        years: &["Munkaviszony időtartama: {}", "A vizsgált időszak: {}"],
        time: &["Az értekezlet kezdete: {}", "A hiba időpontja: {}"],
        mac: &["MAC-cím: {}", "Ez az eszköz nincs regisztrálva, MAC-címe: {}"],
        statute: &["Jogalap: {}", "Az adatkezelés jogalapja: {}"],
    },
    // ------------------------------------------------------------------ Croatian
    Lang {
        code: "hr",
        companies: &[
            "Horvat i sinovi d.o.o.",
            "Pekarnica Zlatni klas",
            "Odvjetnički ured Babić",
            "Bicikli Brzi d.o.o.",
        ],
        domains: &["horvat-sinovi", "zlatni-klas", "odvjetnik-babic", "bicikli-brzi", "posta-doma", "vrtlari-sjever"],
        idn: &["pekarnica-zlatni-klas", "cvjećarnica-ruža"],
        greet: &["Dobar dan,", "Poštovani,", "Bok svima,", "Pozdrav,", "Dragi kolege,"],
        close: &["Lijep pozdrav,\n{n}", "S poštovanjem,\n{n}", "Hvala,\n{n}", "Srdačan pozdrav,\n{n}\n{f}"],
        heads: &[
            "Predmet: Vaša narudžba",
            "Račun",
            "Kontakt obrazac – novi upit",
            "Re: Selidba sljedeći tjedan",
            "Podaci o zaposleniku",
            "Impresum",
        ],
        filler: &[
            "Hvala na brzom odgovoru.",
            "Molimo provjerite podatke i javite nam se ako imate pitanja.",
            "Dokumente ću vam sutra poslati poštom.",
            "Veselimo se daljnjoj suradnji.",
            "Sastanak u četvrtak ostaje na snazi.",
            "U privitku šaljem tražene dokumente.",
        ],
        prose: &[
            "Ovog ljeta na gradsku feštu došlo je oko 300 ljudi.",
            "Udruga sada ima 85 članova i sastaje se dvaput mjesečno.",
            "Staza je duga oko 42 kilometra.",
            "Za recept je potrebno 250 grama brašna, 3 jaja i 100 mililitara mlijeka.",
            "Muzej izlaže više od 1200 predmeta iz četiri stoljeća.",
            "Ovdje u prosjeku kiši 110 dana godišnje.",
            "Novi vlak prelazi dionicu za nešto više od 2 sata.",
        ],
        email: &[
            "E-mail: {}",
            "Pišite mi na {}.",
            "Od: {n} <{}>",
            "Moja nova e-mail adresa je {}.",
            "<a href=\"mailto:{}\">Pišite nam</a>",
            "Kontakt: {}",
            "Molim odgovarajte na {}, a ne na staru adresu.",
        ],
        phone: &[
            "Tel.: {}",
            "f|Telefon: {}",
            "m|Mobitel: {}",
            "m|Mob.: {}",
            "Možete me dobiti na telefon {}.",
            "m|Moj broj mobitela je {}.",
            "f|Tel. ureda: {}",
            "Dostupni smo na telefonu {}.",
        ],
        phone_bare: &[
            "Nazovi me na {} kad god želiš.",
            "Navečer me možeš dobiti na {}.",
            "Molimo nazovite nas na {} do petka.",
            "{n}, {}",
        ],
        iban: &[
            "IBAN: {}",
            "Molimo uplatite iznos na račun {}.",
            "Moj novi bankovni račun je {} (tekući račun).",
            "Vlasnik računa: {n}, IBAN {}",
            "Najamnina se od sada uplaćuje na račun {}.",
        ],
        card: &[
            "Broj kartice: {}",
            "Platio sam kreditnom karticom {}.",
            "Molimo teretite karticu {}.",
            "Plaćanje karticom {} je odbijeno.",
            "Kreditna kartica: {}",
        ],
        ip: &[
            "Prijava je izvršena s IP adrese {}.",
            "IP: {}",
            "Adresa {} stalno se pojavljuje u zapisima poslužitelja.",
            "Pristup s {} blokiran je u ponoć.",
        ],
        vat: &["{vl}: {}", "{f}, {vl} {}", "Podaci za račun: {vl} {}."],
        form: &["Podnositelj zahtjeva: {n}, {c}, {}", "Zaposlenik: {n} ({c}), {}", "{n}, {c} – {}"],
        order: &["Broj narudžbe: {}", "Vaša narudžba {} je poslana."],
        invoice: &["Račun br. {}", "Molimo navedite broj računa {} pri plaćanju."],
        isbn: &["ISBN {}", "Knjiga ima ISBN {}."],
        ean: &["EAN: {}", "Crtični kod (EAN-13): {}"],
        date: &["Datum isporuke: {}", "Ugovor počinje {}.", "Ažurirano: {}"],
        price: &["Ukupno: {}", "Cijena iznosi {} s PDV-om.", "Za platiti: {}"],
        product: &["Šifra artikla: {}", "Rezervni dio {} ponovno je dostupan.", "SKU {}"],
        version: &["Molimo ažurirajte na verziju {}.", "Verzija firmvera: {}"],
        postcode: &["Adresa dostave: Ilica 12, {} {c}", "Preselili smo se: Ulica kralja Tomislava 5, {} {c}."],
        coords: &["Mjesto okupljanja (GPS): {}", "Koordinate parkirališta: {}"],
        ip_neg: &[
            "Pisač ima IP {}.",
            "Sučelje usmjerivača nalazi se na {}.",
            "U priručniku se koristi primjer adrese {}.",
        ],
        tracking: &["Broj pošiljke: {}", "Vaš paket je na putu, broj za praćenje {}."],
        years: &["Razdoblje zaposlenja: {}", "Studija obuhvaća godine {}."],
        time: &["Sastanak počinje u {}.", "Vrijeme greške: {}"],
        mac: &["MAC adresa: {}", "Uređaj s MAC adresom {} nije registriran."],
        statute: &["Pravna osnova: {}", "Obrada se provodi na temelju {}."],
    },
    // ------------------------------------------------------------------ Slovenian
    Lang {
        code: "sl",
        companies: &[
            "Novak in sinovi d.o.o.",
            "Pekarna Zlati klas",
            "Odvetniška pisarna Horvat",
            "Kolesa Hitra d.o.o.",
        ],
        domains: &["novak-sinovi", "zlati-klas", "odvetnik-horvat", "kolesa-hitra", "posta-doma", "vrtickarji-sever"],
        idn: &["pekarna-zlati-klas", "cvetličarna-vrtnica"],
        greet: &["Pozdravljeni,", "Spoštovani,", "Živjo vsi,", "Dober dan,", "Dragi sodelavci,"],
        close: &["Lep pozdrav,\n{n}", "S spoštovanjem,\n{n}", "Hvala,\n{n}", "Prijazen pozdrav,\n{n}\n{f}"],
        heads: &[
            "Zadeva: Vaše naročilo",
            "Račun",
            "Kontaktni obrazec – novo vprašanje",
            "Re: Selitev naslednji teden",
            "Podatki o zaposlenem",
            "Kolofon",
        ],
        filler: &[
            "Hvala za hiter odgovor.",
            "Prosimo, preverite podatke in nas v primeru vprašanj kontaktirajte.",
            "Dokumente vam jutri pošljem po pošti.",
            "Veselimo se nadaljnjega sodelovanja.",
            "Sestanek v četrtek ostaja v veljavi.",
            "V prilogi pošiljam zahtevane dokumente.",
        ],
        prose: &[
            "Letos poleti je na mestni praznik prišlo okoli 300 ljudi.",
            "Društvo ima zdaj 85 članov in se sestaja dvakrat na mesec.",
            "Proga je dolga približno 42 kilometrov.",
            "Za recept potrebujete 250 gramov moke, 3 jajca in 100 mililitrov mleka.",
            "Muzej razstavlja več kot 1200 predmetov iz štirih stoletij.",
            "Tu v povprečju dežuje 130 dni na leto.",
            "Novi vlak progo prevozi v dobrih 2 urah.",
        ],
        email: &[
            "E-pošta: {}",
            "Pišite mi na {}.",
            "Od: {n} <{}>",
            "Moj novi e-poštni naslov je {}.",
            "<a href=\"mailto:{}\">Pišite nam</a>",
            "Kontakt: {}",
            "Prosim, odgovarjajte na {}, ne na stari naslov.",
        ],
        phone: &[
            "Tel.: {}",
            "f|Telefon: {}",
            "m|GSM: {}",
            "m|Mobilni telefon: {}",
            "Dosegljiv sem na telefonu {}.",
            "m|Moja številka mobilnega telefona je {}.",
            "f|Tel. pisarne: {}",
            "Dosegljivi smo na telefonski številki {}.",
        ],
        phone_bare: &[
            "Pokliči me na {}, kadar želiš.",
            "Zvečer me dobiš na {}.",
            "Prosimo, pokličite nas nazaj na {} do petka.",
            "{n}, {}",
        ],
        iban: &[
            "IBAN: {}",
            "Prosimo, nakažite znesek na račun {}.",
            "Moj novi bančni račun je {} (osebni račun).",
            "Imetnik računa: {n}, IBAN {}",
            "Najemnino odslej nakazujte na račun {}.",
        ],
        card: &[
            "Številka kartice: {}",
            "Plačal sem s kreditno kartico {}.",
            "Prosimo, bremenite kartico {}.",
            "Plačilo s kartico {} je bilo zavrnjeno.",
            "Kreditna kartica: {}",
        ],
        ip: &[
            "Prijava je bila izvedena z IP-naslova {}.",
            "IP: {}",
            "Naslov {} se nenehno pojavlja v dnevnikih strežnika.",
            "Dostop z naslova {} je bil ob polnoči blokiran.",
        ],
        vat: &["{vl}: {}", "{f}, {vl} {}", "Podatki za račun: {vl} {}."],
        form: &["Vlagatelj: {n}, {c}, {}", "Zaposleni: {n} ({c}), {}", "{n}, {c} – {}"],
        order: &["Številka naročila: {}", "Vaše naročilo {} je bilo odposlano."],
        invoice: &["Račun št. {}", "Pri plačilu navedite številko računa {}."],
        isbn: &["ISBN {}", "Knjiga ima ISBN {}."],
        ean: &["EAN: {}", "Črtna koda (EAN-13): {}"],
        date: &["Datum dobave: {}", "Pogodba začne veljati {}.", "Posodobljeno: {}"],
        price: &["Skupaj: {}", "Cena je {} z DDV.", "Za plačilo: {}"],
        product: &["Št. artikla: {}", "Nadomestni del {} je spet na zalogi.", "SKU {}"],
        version: &["Prosimo, posodobite na različico {}.", "Različica vdelane programske opreme: {}"],
        postcode: &["Naslov za dostavo: Slovenska cesta 12, {} {c}", "Preselili smo se: Glavni trg 5, {} {c}."],
        coords: &["Zbirno mesto (GPS): {}", "Koordinate parkirišča: {}"],
        ip_neg: &["Tiskalnik ima IP {}.", "Vmesnik usmerjevalnika je na {}.", "Priročnik uporablja primer naslova {}."],
        tracking: &["Številka pošiljke: {}", "Vaš paket je na poti, številka za sledenje {}."],
        years: &["Obdobje zaposlitve: {}", "Študija zajema leta {}."],
        time: &["Sestanek se začne ob {}.", "Čas napake: {}"],
        mac: &["MAC-naslov: {}", "Naprava z MAC-naslovom {} ni registrirana."],
        statute: &["Pravna podlaga: {}", "Podlaga za obdelavo je {}."],
    },
    // ------------------------------------------------------------------ Danish
    Lang {
        code: "da",
        companies: &["Nielsen & Søn ApS", "Bageriet Guldkornet", "Advokatfirmaet Jensen", "Cykelsmeden Hurtig I/S"],
        domains: &[
            "nielsen-soen",
            "guldkornet",
            "advokat-jensen",
            "cykelsmeden-hurtig",
            "postkassen-hjemme",
            "kolonihaven-nord",
        ],
        idn: &["bageriet-guldkornet", "blomster-ø", "søndergård"],
        greet: &["Hej,", "Kære alle,", "Goddag,", "Hej {fn},", "Kære kolleger,"],
        close: &["Med venlig hilsen\n{n}", "Venlig hilsen\n{n}", "Mvh.\n{n}\n{f}", "Tak,\n{fn}"],
        heads: &[
            "Emne: Din ordre",
            "Faktura",
            "Kontaktformular – ny henvendelse",
            "Re: Flytning i næste uge",
            "Medarbejderoplysninger",
            "Kontakt",
        ],
        filler: &[
            "Tak for dit hurtige svar.",
            "Kontrollér venligst oplysningerne, og kontakt os, hvis du har spørgsmål.",
            "Jeg sender dokumenterne med posten i morgen.",
            "Vi ser frem til det fortsatte samarbejde.",
            "Mødet i {c} holdes som planlagt.",
            "Vedhæftet finder du de ønskede dokumenter.",
        ],
        prose: &[
            "I sommer kom omkring 300 mennesker til byfesten i {c}.",
            "Foreningen har nu 85 medlemmer og mødes to gange om måneden.",
            "Ruten er cirka 42 kilometer lang.",
            "Til opskriften skal du bruge 250 gram mel, 3 æg og 1 dl mælk.",
            "Museet viser mere end 1200 genstande fra fire århundreder.",
            "Her regner det i gennemsnit 170 dage om året.",
            "Det nye tog klarer strækningen på godt 2 timer.",
        ],
        email: &[
            "E-mail: {}",
            "Skriv gerne til mig på {}.",
            "Fra: {n} <{}>",
            "Min nye e-mailadresse er {}.",
            "<a href=\"mailto:{}\">Skriv til os</a>",
            "Kontakt: {}",
            "Svar venligst til {} og ikke til den gamle adresse.",
        ],
        phone: &[
            "Tlf.: {}",
            "f|Telefon: {}",
            "m|Mobil: {}",
            "m|Mobilnr.: {}",
            "Du kan fange mig på telefon {}.",
            "m|Mit mobilnummer er {}.",
            "f|Tlf. (kontor): {}",
            "Vi kan kontaktes på telefon {}.",
        ],
        phone_bare: &[
            "Ring bare til mig på {}.",
            "Om aftenen fanger du mig bedst på {}.",
            "Ring venligst tilbage på {} inden fredag.",
            "{n}, {}",
        ],
        iban: &[
            "IBAN: {}",
            "Beløbet bedes overført til konto {}.",
            "Mit nye kontonummer er {} (lønkonto).",
            "Kontohaver: {n}, IBAN {}",
            "Huslejen skal fremover betales til konto {}.",
        ],
        card: &[
            "Kortnummer: {}",
            "Jeg betalte med mit kreditkort {}.",
            "Beløbet kan trækkes på kortet {}.",
            "Betalingen med kort {} blev afvist.",
            "Kreditkort: {}",
        ],
        ip: &[
            "Login skete fra IP-adressen {}.",
            "IP: {}",
            "Adressen {} dukker hele tiden op i serverloggen.",
            "Adgang fra {} blev blokeret ved midnat.",
        ],
        vat: &["{vl}: {}", "Vores {vl} er {}.", "{f}, {vl} {}"],
        form: &["Ansøger: {n}, {c}, {}", "Medarbejder: {n} ({c}), {}", "{n}, {c} – {}"],
        order: &["Ordrenummer: {}", "Din ordre {} er afsendt."],
        invoice: &["Fakturanr. {}", "Angiv venligst fakturanummer {} ved betaling."],
        isbn: &["ISBN {}", "Bogen har ISBN {}."],
        ean: &["EAN: {}", "Stregkode (EAN-13): {}"],
        date: &["Leveringsdato: {}", "Kontrakten starter den {}.", "Opdateret: {}"],
        price: &["I alt: {}", "Prisen er {} inkl. moms.", "At betale: {}"],
        product: &["Varenr. {}", "Reservedel {} er på lager igen.", "SKU {}"],
        version: &["Opdater venligst til version {}.", "Firmwareversion {}"],
        postcode: &["Leveringsadresse: Storegade 12, {} {c}", "Vi er flyttet til Kirkevej 5, {} {c}."],
        coords: &["Mødested (GPS): {}", "Parkeringspladsens koordinater: {}"],
        ip_neg: &["Printeren har IP {}.", "Routerens side ligger på {}.", "Vejledningen bruger eksempeladressen {}."],
        tracking: &["Forsendelsesnummer: {}", "Din pakke er på vej, sporingsnummer {}."],
        years: &["Ansættelsesperiode: {}", "Undersøgelsen dækker årene {}."],
        time: &["Mødet starter kl. {}.", "Tidspunkt for fejlen: {}"],
        mac: &["MAC-adresse: {}", "Enheden med MAC {} er ikke registreret."],
        statute: &["Retsgrundlaget er {}.", "Behandlingen sker i henhold til {}."],
    },
    // ------------------------------------------------------------------ Swedish
    Lang {
        code: "sv",
        companies: &[
            "Andersson & Söner AB",
            "Bageriet Guldkornet",
            "Advokatbyrån Lindqvist",
            "Cykelverkstaden Snabb HB",
        ],
        domains: &[
            "andersson-soner",
            "guldkornet-bageri",
            "advokat-lindqvist",
            "cykelverkstaden",
            "hemmaposten",
            "koloni-norra",
        ],
        idn: &["blomsterhörnan", "gårdsbutiken-ängen"],
        greet: &["Hej,", "Hej alla,", "Goddag,", "Hej {fn},", "Bästa kollegor,"],
        close: &["Med vänliga hälsningar\n{n}", "Vänliga hälsningar\n{n}", "Mvh\n{n}\n{f}", "Tack,\n{fn}"],
        heads: &[
            "Ämne: Din beställning",
            "Faktura",
            "Kontaktformulär – nytt ärende",
            "Sv: Flytt nästa vecka",
            "Personaluppgifter",
            "Kontakt",
        ],
        filler: &[
            "Tack för ditt snabba svar.",
            "Kontrollera uppgifterna och hör av dig om du har frågor.",
            "Jag skickar dokumenten med posten i morgon.",
            "Vi ser fram emot fortsatt samarbete.",
            "Mötet i {c} blir av som planerat.",
            "Bifogat finns de dokument du bad om.",
        ],
        prose: &[
            "I somras kom ungefär 300 personer till stadsfesten i {c}.",
            "Föreningen har nu 85 medlemmar och träffas två gånger i månaden.",
            "Sträckan är ungefär 42 kilometer lång.",
            "Till receptet behövs 250 gram mjöl, 3 ägg och 1 dl mjölk.",
            "Museet visar mer än 1200 föremål från fyra sekler.",
            "Här regnar det i genomsnitt 160 dagar om året.",
            "Det nya tåget klarar sträckan på drygt 2 timmar.",
        ],
        email: &[
            "E-post: {}",
            "Mejla mig gärna på {}.",
            "Från: {n} <{}>",
            "Min nya e-postadress är {}.",
            "<a href=\"mailto:{}\">Mejla oss</a>",
            "Kontakt: {}",
            "Svara till {}, inte till den gamla adressen.",
        ],
        phone: &[
            "Tel.: {}",
            "f|Telefon: {}",
            "m|Mobil: {}",
            "m|Mobilnr: {}",
            "Du når mig på telefon {}.",
            "m|Mitt mobilnummer är {}.",
            "f|Tel. (kontor): {}",
            "Vi nås på telefon {}.",
        ],
        phone_bare: &[
            "Ring mig gärna på {}.",
            "På kvällarna når du mig bäst på {}.",
            "Ring oss tillbaka på {} före fredag.",
            "{n}, {}",
        ],
        iban: &[
            "IBAN: {}",
            "Beloppet ska sättas in på konto {}.",
            "Mitt nya kontonummer är {} (lönekonto).",
            "Kontoinnehavare: {n}, IBAN {}",
            "Hyran betalas från och med nu till konto {}.",
        ],
        card: &[
            "Kortnummer: {}",
            "Jag betalade med mitt kreditkort {}.",
            "Ni kan dra beloppet från kortet {}.",
            "Betalningen med kort {} nekades.",
            "Kreditkort: {}",
        ],
        ip: &[
            "Inloggningen kom från IP-adressen {}.",
            "IP: {}",
            "Adressen {} dyker hela tiden upp i serverloggen.",
            "Åtkomst från {} blockerades vid midnatt.",
        ],
        vat: &["{vl}: {}", "Vårt {vl} är {}.", "{f}, {vl} {}"],
        form: &["Sökande: {n}, {c}, {}", "Anställd: {n} ({c}), {}", "{n}, {c} – {}"],
        order: &["Ordernummer: {}", "Din beställning {} har skickats."],
        invoice: &["Fakturanr {}", "Ange fakturanummer {} vid betalning."],
        isbn: &["ISBN {}", "Boken har ISBN {}."],
        ean: &["EAN: {}", "Streckkod (EAN-13): {}"],
        date: &["Leveransdatum: {}", "Avtalet börjar gälla den {}.", "Uppdaterad: {}"],
        price: &["Totalt: {}", "Priset är {} inkl. moms.", "Att betala: {}"],
        product: &["Art.nr {}", "Reservdel {} finns i lager igen.", "SKU {}"],
        version: &["Uppdatera till version {}.", "Firmwareversion {}"],
        postcode: &["Leveransadress: Storgatan 12, {} {c}", "Vi har flyttat till Kyrkvägen 5, {} {c}."],
        coords: &["Mötesplats (GPS): {}", "Parkeringens koordinater: {}"],
        ip_neg: &["Skrivaren har IP {}.", "Routerns sida finns på {}.", "Manualen använder exempeladressen {}."],
        tracking: &["Kollinummer: {}", "Ditt paket är på väg, spårningsnummer {}."],
        years: &["Anställningsperiod: {}", "Studien omfattar åren {}."],
        time: &["Mötet börjar kl. {}.", "Tidpunkt för felet: {}"],
        mac: &["MAC-adress: {}", "Enheten med MAC {} är inte registrerad."],
        statute: &["Rättslig grund är {}.", "Behandlingen sker enligt {}."],
    },
    // ------------------------------------------------------------------ Finnish
    Lang {
        code: "fi",
        companies: &[
            "Virtanen & Pojat Oy",
            "Leipomo Kultainen Tähkä",
            "Asianajotoimisto Korhonen",
            "Pyöräkorjaamo Nopea Ky",
        ],
        domains: &[
            "virtanen-pojat",
            "kultainentahka",
            "asianajo-korhonen",
            "pyorakorjaamo-nopea",
            "kotiposti",
            "siirtolapuutarha",
        ],
        idn: &["leipomo-kultainen-tähkä", "mökkiläiset", "pyöräpaja"],
        greet: &["Hei,", "Hyvä vastaanottaja,", "Moi kaikki,", "Hyvää päivää,", "Hyvät kollegat,"],
        close: &["Ystävällisin terveisin\n{n}", "Terveisin\n{n}", "Kiitos,\n{n}", "Parhain terveisin\n{n}\n{f}"],
        heads: &[
            "Aihe: Tilauksesi",
            "Lasku",
            "Yhteydenottolomake – uusi kysely",
            "Vs: Muutto ensi viikolla",
            "Työntekijän tiedot",
            "Yhteystiedot",
        ],
        filler: &[
            "Kiitos nopeasta vastauksesta.",
            "Tarkistathan tiedot ja otathan yhteyttä, jos sinulla on kysyttävää.",
            "Lähetän asiakirjat huomenna postitse.",
            "Odotamme innolla jatkoyhteistyötä.",
            "Torstain tapaaminen pidetään suunnitellusti.",
            "Liitteenä ovat pyytämäsi asiakirjat.",
        ],
        prose: &[
            "Tänä kesänä kaupunkijuhlille tuli noin 300 ihmistä.",
            "Yhdistyksessä on nyt 85 jäsentä, ja se kokoontuu kahdesti kuukaudessa.",
            "Reitti on noin 42 kilometriä pitkä.",
            "Reseptiin tarvitaan 250 grammaa jauhoja, 3 munaa ja 1 dl maitoa.",
            "Museossa on esillä yli 1200 esinettä neljältä vuosisadalta.",
            "Täällä sataa keskimäärin 170 päivänä vuodessa.",
            "Uusi juna kulkee matkan vähän yli 2 tunnissa.",
        ],
        email: &[
            "Sähköposti: {}",
            "Voit lähettää minulle viestiä osoitteeseen {}.",
            "Lähettäjä: {n} <{}>",
            "Uusi sähköpostiosoitteeni on {}.",
            "<a href=\"mailto:{}\">Lähetä viesti</a>",
            "Yhteystiedot: {}",
            "Vastaathan osoitteeseen {} etkä vanhaan osoitteeseen.",
        ],
        phone: &[
            "Puh. {}",
            "f|Puhelin: {}",
            "m|Matkapuhelin: {}",
            "m|Kännykkä: {}",
            "Minut tavoittaa puhelimitse numerosta {}.",
            "m|Matkapuhelinnumeroni on {}.",
            "f|Puh. (toimisto): {}",
            "Olemme tavoitettavissa puhelimitse numerossa {}.",
        ],
        phone_bare: &[
            "Soita minulle numeroon {} milloin vain.",
            "Iltaisin tavoitat minut numerosta {}.",
            "Soitathan takaisin numeroon {} perjantaihin mennessä.",
            "{n}, {}",
        ],
        iban: &[
            "IBAN: {}",
            "Maksathan summan tilille {}.",
            "Uusi tilinumeroni on {} (käyttötili).",
            "Tilinomistaja: {n}, IBAN {}",
            "Vuokra maksetaan jatkossa tilille {}.",
        ],
        card: &[
            "Kortin numero: {}",
            "Maksoin luottokortillani {}.",
            "Voitte veloittaa summan kortilta {}.",
            "Maksu kortilla {} hylättiin.",
            "Luottokortti: {}",
        ],
        ip: &[
            "Kirjautuminen tehtiin IP-osoitteesta {}.",
            "IP: {}",
            "Osoite {} näkyy jatkuvasti palvelimen lokeissa.",
            "Pääsy osoitteesta {} estettiin keskiyöllä.",
        ],
        vat: &["{vl}: {}", "{f}, {vl} {}", "Laskutustiedot: {vl} {}."],
        form: &["Hakija: {n}, {c}, {}", "Työntekijä: {n} ({c}), {}", "{n}, {c} – {}"],
        order: &["Tilausnumero: {}", "Tilauksesi {} on lähetetty."],
        invoice: &["Laskun numero: {}", "Ilmoitathan laskun numeron {} maksaessasi."],
        isbn: &["ISBN {}", "Kirjan ISBN on {}."],
        ean: &["EAN: {}", "Viivakoodi (EAN-13): {}"],
        date: &["Toimituspäivä: {}", "Sopimus alkaa {}.", "Päivitetty: {}"],
        price: &["Yhteensä: {}", "Hinta on {} sis. alv.", "Maksettava: {}"],
        product: &["Tuotenro {}", "Varaosa {} on taas varastossa.", "SKU {}"],
        version: &["Päivitä versioon {}.", "Laiteohjelmiston versio {}"],
        postcode: &["Toimitusosoite: Puistokatu 12, {} {c}", "Olemme muuttaneet osoitteeseen Kirkkokatu 5, {} {c}."],
        coords: &["Kokoontumispaikka (GPS): {}", "Parkkipaikan koordinaatit: {}"],
        ip_neg: &[
            "Tulostimen IP on {}.",
            "Reitittimen hallintasivu on osoitteessa {}.",
            "Ohjeessa käytetään esimerkkiosoitetta {}.",
        ],
        tracking: &["Lähetystunnus: {}", "Pakettisi on matkalla, seurantakoodi {}."],
        years: &["Työsuhteen kesto: {}", "Tutkimus kattaa vuodet {}."],
        time: &["Kokous alkaa klo {}.", "Virheen ajankohta: {}"],
        mac: &["MAC-osoite: {}", "Laitetta, jonka MAC on {}, ei ole rekisteröity."],
        statute: &["Oikeusperuste: {}", "Käsittely perustuu seuraavaan säännökseen: {}"],
    },
    // ------------------------------------------------------------------ Estonian
    Lang {
        code: "et",
        companies: &["Tamm ja Pojad OÜ", "Pagarikoda Kuldne Kõrs", "Advokaadibüroo Saar", "Rattapood Kiire OÜ"],
        domains: &["tamm-pojad", "kuldnekors", "advokaat-saar", "rattapood-kiire", "kodupost", "aiandusselts"],
        idn: &["pagarikoda-kuldne-kõrs", "näide", "õunaaed"],
        greet: &["Tere,", "Lugupeetud adressaat,", "Tere kõigile,", "Tere päevast,", "Head kolleegid,"],
        close: &["Lugupidamisega\n{n}", "Parimate soovidega\n{n}", "Aitäh,\n{n}", "Tervitades\n{n}\n{f}"],
        heads: &[
            "Teema: Teie tellimus",
            "Arve",
            "Kontaktvorm – uus päring",
            "Re: Kolimine järgmisel nädalal",
            "Töötaja andmed",
            "Kontakt",
        ],
        filler: &[
            "Aitäh kiire vastuse eest.",
            "Palun kontrollige andmeid ja küsimuste korral võtke meiega ühendust.",
            "Saadan dokumendid homme postiga.",
            "Ootame edasist koostööd.",
            "Neljapäevane kohtumine jääb kehtima.",
            "Manuses on soovitud dokumendid.",
        ],
        prose: &[
            "Tänavu suvel tuli linnapeole umbes 300 inimest.",
            "Seltsil on nüüd 85 liiget ja see koguneb kaks korda kuus.",
            "Marsruut on umbes 42 kilomeetrit pikk.",
            "Retsepti jaoks on vaja 250 grammi jahu, 3 muna ja 1 dl piima.",
            "Muuseumis on üle 1200 eseme neljast sajandist.",
            "Siin sajab keskmiselt 180 päeval aastas.",
            "Uus rong läbib vahemaa veidi enam kui 2 tunniga.",
        ],
        email: &[
            "E-post: {}",
            "Kirjutage mulle aadressil {}.",
            "Saatja: {n} <{}>",
            "Minu uus e-posti aadress on {}.",
            "<a href=\"mailto:{}\">Kirjuta meile</a>",
            "Kontakt: {}",
            "Palun vastake aadressile {}, mitte vanale aadressile.",
        ],
        phone: &[
            "Tel: {}",
            "f|Telefon: {}",
            "m|Mobiil: {}",
            "m|Mob. {}",
            "Minuga saab ühendust telefonil {}.",
            "m|Minu mobiilinumber on {}.",
            "f|Tel (kontor): {}",
            "Oleme kättesaadavad telefonil {}.",
        ],
        phone_bare: &[
            "Helista mulle numbril {}, millal soovid.",
            "Õhtuti saad mind kätte numbril {}.",
            "Palun helistage meile enne reedet tagasi numbril {}.",
            "{n}, {}",
        ],
        iban: &[
            "IBAN: {}",
            "Palun kandke summa kontole {}.",
            "Minu uus arveldusarve on {}.",
            "Konto omanik: {n}, IBAN {}",
            "Üür tuleb edaspidi tasuda kontole {}.",
        ],
        card: &[
            "Kaardi number: {}",
            "Maksin oma krediitkaardiga {}.",
            "Summa võib võtta kaardilt {}.",
            "Makse kaardiga {} lükati tagasi.",
            "Krediitkaart: {}",
        ],
        ip: &[
            "Sisselogimine toimus IP-aadressilt {}.",
            "IP: {}",
            "Serveri logis ilmub pidevalt aadress {}.",
            "Juurdepääs aadressilt {} blokeeriti keskööl.",
        ],
        vat: &["{vl}: {}", "{f}, {vl} {}", "Arve andmed: {vl} {}."],
        form: &["Taotleja: {n}, {c}, {}", "Töötaja: {n} ({c}), {}", "{n}, {c} – {}"],
        order: &["Tellimuse number: {}", "Teie tellimus {} on teele saadetud."],
        invoice: &["Arve nr {}", "Palun märkige makse selgitusse arve number {}."],
        isbn: &["ISBN {}", "Raamatu ISBN on {}."],
        ean: &["EAN: {}", "Vöötkood (EAN-13): {}"],
        date: &["Tarnekuupäev: {}", "Leping algab {}.", "Uuendatud: {}"],
        price: &["Kokku: {}", "Hind on {} koos käibemaksuga.", "Tasumisele kuulub: {}"],
        product: &["Tootekood {}", "Varuosa {} on jälle laos.", "SKU {}"],
        version: &["Palun uuendage versioonile {}.", "Püsivara versioon {}"],
        postcode: &["Tarneaadress: Pikk tn 12, {} {c}", "Kolisime aadressile Tartu mnt 5, {} {c}."],
        coords: &["Kogunemiskoht (GPS): {}", "Parkla koordinaadid: {}"],
        ip_neg: &[
            "Printeri IP on {}.",
            "Ruuteri haldusleht on aadressil {}.",
            "Juhendis kasutatakse näidisaadressi {}.",
        ],
        tracking: &["Saadetise number: {}", "Teie pakk on teel, jälgimiskood {}."],
        years: &["Töösuhte kestus: {}", "Uuring hõlmab aastaid {}."],
        time: &["Koosolek algab kell {}.", "Vea kellaaeg: {}"],
        mac: &["MAC-aadress: {}", "Seade MAC-aadressiga {} ei ole registreeritud."],
        statute: &["Õiguslik alus: {}", "Töötlemise alus on {}."],
    },
    // ------------------------------------------------------------------ Lithuanian
    Lang {
        code: "lt",
        companies: &[
            "UAB „Kazlauskas ir sūnūs“",
            "Kepykla „Auksinė varpa“",
            "Advokatų kontora Petrauskas",
            "UAB „Greiti dviračiai“",
        ],
        domains: &[
            "kazlauskas-sunus",
            "auksine-varpa",
            "advokatas-petrauskas",
            "greiti-dviraciai",
            "namu-pastas",
            "soduose",
        ],
        idn: &["kepykla-auksinė-varpa", "pavyzdys", "gėlės"],
        greet: &["Laba diena,", "Gerbiamieji,", "Sveiki visi,", "Sveiki,", "Mieli kolegos,"],
        close: &["Pagarbiai\n{n}", "Linkėjimai\n{n}", "Ačiū,\n{n}", "Su pagarba\n{n}\n{f}"],
        heads: &[
            "Tema: Jūsų užsakymas",
            "Sąskaita faktūra",
            "Kontaktų forma – nauja užklausa",
            "Re: Persikraustymas kitą savaitę",
            "Darbuotojo duomenys",
            "Kontaktai",
        ],
        filler: &[
            "Ačiū už greitą atsakymą.",
            "Prašome patikrinti duomenis ir kilus klausimų susisiekti su mumis.",
            "Dokumentus rytoj išsiųsiu paštu.",
            "Laukiame tolesnio bendradarbiavimo.",
            "Ketvirtadienio susitikimas vyks kaip planuota.",
            "Prisegu prašytus dokumentus.",
        ],
        prose: &[
            "Šią vasarą į miesto šventę atėjo apie 300 žmonių.",
            "Draugija dabar turi 85 narius ir renkasi du kartus per mėnesį.",
            "Maršrutas yra apie 42 kilometrų ilgio.",
            "Receptui reikia 250 gramų miltų, 3 kiaušinių ir 100 mililitrų pieno.",
            "Muziejuje eksponuojama daugiau kaip 1200 daiktų iš keturių šimtmečių.",
            "Čia vidutiniškai lyja 170 dienų per metus.",
            "Naujasis traukinys šį atstumą įveikia per kiek daugiau nei 2 valandas.",
        ],
        email: &[
            "El. paštas: {}",
            "Rašykite man adresu {}.",
            "Nuo: {n} <{}>",
            "Mano naujas el. pašto adresas yra {}.",
            "<a href=\"mailto:{}\">Parašykite mums</a>",
            "Kontaktai: {}",
            "Prašome atsakyti adresu {}, o ne senuoju adresu.",
        ],
        phone: &[
            "Tel. {}",
            "f|Telefonas: {}",
            "m|Mob. tel.: {}",
            "m|Mobilusis: {}",
            "Mane galite pasiekti telefonu {}.",
            "m|Mano mobiliojo telefono numeris yra {}.",
            "f|Tel. (biuras): {}",
            "Esame pasiekiami telefonu {}.",
        ],
        phone_bare: &[
            "Skambink man numeriu {}, kada tik nori.",
            "Vakarais mane rasi numeriu {}.",
            "Prašome perskambinti mums iki penktadienio numeriu {}.",
            "{n}, {}",
        ],
        iban: &[
            "IBAN: {}",
            "Prašome pervesti sumą į sąskaitą {}.",
            "Mano nauja banko sąskaita: {}",
            "Sąskaitos savininkas: {n}, IBAN {}",
            "Nuomos mokestį nuo šiol mokėkite į sąskaitą {}.",
        ],
        card: &[
            "Kortelės numeris: {}",
            "Sumokėjau savo kredito kortele {}.",
            "Galite nuskaičiuoti sumą nuo kortelės {}.",
            "Mokėjimas kortele {} buvo atmestas.",
            "Kredito kortelė: {}",
        ],
        ip: &[
            "Prisijungta iš IP adreso {}.",
            "IP: {}",
            "Serverio žurnale nuolat pasirodo adresas {}.",
            "Prieiga iš {} užblokuota vidurnaktį.",
        ],
        vat: &["{vl}: {}", "{f}, {vl} {}", "Sąskaitos duomenys: {vl} {}."],
        form: &["Prašymą pateikė: {n}, {c}, {}", "Darbuotojas: {n} ({c}), {}", "{n}, {c} – {}"],
        order: &["Užsakymo numeris: {}", "Jūsų užsakymas {} išsiųstas."],
        invoice: &["Sąskaitos Nr. {}", "Mokėdami nurodykite sąskaitos numerį {}."],
        isbn: &["ISBN {}", "Knygos ISBN yra {}."],
        ean: &["EAN: {}", "Brūkšninis kodas (EAN-13): {}"],
        date: &["Pristatymo data: {}", "Sutartis įsigalioja {}.", "Atnaujinta: {}"],
        price: &["Iš viso: {}", "Kaina su PVM: {}", "Mokėtina suma: {}"],
        product: &["Prekės kodas {}", "Atsarginė dalis {} vėl turima sandėlyje.", "SKU {}"],
        version: &["Atnaujinkite į versiją {}.", "Programinės aparatinės įrangos versija {}"],
        postcode: &["Pristatymo adresas: Gedimino pr. 12, {} {c}", "Persikraustėme: Laisvės al. 5, {} {c}."],
        coords: &["Susitikimo vieta (GPS): {}", "Automobilių stovėjimo aikštelės koordinatės: {}"],
        ip_neg: &[
            "Spausdintuvo IP yra {}.",
            "Maršruto parinktuvo puslapis yra adresu {}.",
            "Vadove naudojamas pavyzdinis adresas {}.",
        ],
        tracking: &["Siuntos numeris: {}", "Jūsų siuntinys pakeliui, sekimo numeris {}."],
        years: &["Darbo laikotarpis: {}", "Tyrimo laikotarpis: {}"],
        time: &["Susirinkimas prasideda {}.", "Klaidos laikas: {}"],
        mac: &["MAC adresas: {}", "Įrenginys su MAC {} neregistruotas."],
        statute: &["Teisinis pagrindas: {}", "Tvarkymo pagrindas – {}."],
    },
    // ------------------------------------------------------------------ Latvian
    Lang {
        code: "lv",
        companies: &[
            "SIA „Bērziņš un dēli“",
            "Maiznīca „Zelta vārpa“",
            "Zvērinātu advokātu birojs Ozoliņš",
            "SIA „Ātrie velosipēdi“",
        ],
        domains: &["berzins-deli", "zelta-varpa", "advokats-ozolins", "atrie-velosipedi", "majas-pasts", "darzkopji"],
        idn: &["maiznīca-zelta-vārpa", "piemērs", "ķirši"],
        greet: &["Labdien,", "Cienījamie kungi un kundzes,", "Sveiki visiem,", "Sveiki,", "Dārgie kolēģi,"],
        close: &["Ar cieņu\n{n}", "Ar labākajiem novēlējumiem\n{n}", "Paldies,\n{n}", "Ar sveicieniem\n{n}\n{f}"],
        heads: &[
            "Temats: Jūsu pasūtījums",
            "Rēķins",
            "Saziņas veidlapa – jauns pieprasījums",
            "Re: Pārcelšanās nākamnedēļ",
            "Darbinieka dati",
            "Kontakti",
        ],
        filler: &[
            "Paldies par ātro atbildi.",
            "Lūdzu, pārbaudiet datus un jautājumu gadījumā sazinieties ar mums.",
            "Dokumentus rīt nosūtīšu pa pastu.",
            "Gaidām turpmāku sadarbību.",
            "Ceturtdienas tikšanās notiks kā plānots.",
            "Pielikumā nosūtu pieprasītos dokumentus.",
        ],
        prose: &[
            "Šovasar pilsētas svētkos piedalījās ap 300 cilvēku.",
            "Biedrībā tagad ir 85 biedri, un tā pulcējas divreiz mēnesī.",
            "Maršruts ir aptuveni 42 kilometrus garš.",
            "Receptei vajag 250 gramus miltu, 3 olas un 100 mililitrus piena.",
            "Muzejā ir izstādīti vairāk nekā 1200 priekšmetu no četriem gadsimtiem.",
            "Šeit vidēji līst 170 dienas gadā.",
            "Jaunais vilciens šo ceļu veic nedaudz vairāk kā 2 stundās.",
        ],
        email: &[
            "E-pasts: {}",
            "Rakstiet man uz {}.",
            "No: {n} <{}>",
            "Mana jaunā e-pasta adrese ir {}.",
            "<a href=\"mailto:{}\">Raksti mums</a>",
            "Kontakti: {}",
            "Lūdzu, atbildiet uz {}, nevis uz veco adresi.",
        ],
        phone: &[
            "Tālr. {}",
            "f|Tālrunis: {}",
            "m|Mob. tālr.: {}",
            "m|Mobilais: {}",
            "Mani var sazvanīt pa tālruni {}.",
            "m|Mans mobilā tālruņa numurs ir {}.",
            "f|Tālr. (birojs): {}",
            "Esam sasniedzami pa tālruni {}.",
        ],
        phone_bare: &[
            "Zvani man uz {}, kad vēlies.",
            "Vakaros mani vari sazvanīt uz {}.",
            "Lūdzu, atzvaniet mums līdz piektdienai uz {}.",
            "{n}, {}",
        ],
        iban: &[
            "IBAN: {}",
            "Lūdzu, pārskaitiet summu uz kontu {}.",
            "Mans jaunais bankas konts ir {}.",
            "Konta īpašnieks: {n}, IBAN {}",
            "Īre turpmāk jāmaksā uz kontu {}.",
        ],
        card: &[
            "Kartes numurs: {}",
            "Es samaksāju ar savu kredītkarti {}.",
            "Summu varat noņemt no kartes {}.",
            "Maksājums ar karti {} tika noraidīts.",
            "Kredītkarte: {}",
        ],
        ip: &[
            "Pieteikšanās notika no IP adreses {}.",
            "IP: {}",
            "Servera žurnālā pastāvīgi parādās adrese {}.",
            "Piekļuve no {} tika bloķēta pusnaktī.",
        ],
        vat: &["{vl}: {}", "{f}, {vl} {}", "Rēķina dati: {vl} {}."],
        form: &["Iesniedzējs: {n}, {c}, {}", "Darbinieks: {n} ({c}), {}", "{n}, {c} – {}"],
        order: &["Pasūtījuma numurs: {}", "Jūsu pasūtījums {} ir nosūtīts."],
        invoice: &["Rēķins Nr. {}", "Maksājot lūdzu norādiet rēķina numuru {}."],
        isbn: &["ISBN {}", "Grāmatas ISBN ir {}."],
        ean: &["EAN: {}", "Svītrkods (EAN-13): {}"],
        date: &["Piegādes datums: {}", "Līgums stājas spēkā {}.", "Atjaunināts: {}"],
        price: &["Kopā: {}", "Cena ir {} ar PVN.", "Apmaksai: {}"],
        product: &["Preces kods {}", "Rezerves daļa {} atkal ir noliktavā.", "SKU {}"],
        version: &["Lūdzu, atjauniniet uz versiju {}.", "Aparātprogrammatūras versija {}"],
        postcode: &["Piegādes adrese: Brīvības iela 12, {c}, {}", "Esam pārcēlušies uz Elizabetes ielu 5, {c}, {}."],
        coords: &["Tikšanās vieta (GPS): {}", "Stāvvietas koordinātas: {}"],
        ip_neg: &[
            "Printera IP ir {}.",
            "Maršrutētāja lapa ir pieejama {}.",
            "Rokasgrāmatā izmantota parauga adrese {}.",
        ],
        tracking: &["Sūtījuma numurs: {}", "Jūsu paka ir ceļā, izsekošanas numurs {}."],
        years: &["Darba periods: {}", "Pētījuma periods: {}"],
        time: &["Sapulce sākas plkst. {}.", "Kļūdas laiks: {}"],
        mac: &["MAC adrese: {}", "Ierīce ar MAC {} nav reģistrēta."],
        statute: &["Juridiskais pamats: {}", "Apstrādes pamats – {}."],
    },
    // ------------------------------------------------------------------ Romanian
    Lang {
        code: "ro",
        companies: &[
            "Popescu și Fiii SRL",
            "Brutăria Spicul de Aur",
            "Cabinet de avocatură Ionescu",
            "Biciclete Rapide SRL",
        ],
        domains: &[
            "popescu-fiii",
            "spicul-de-aur",
            "avocat-ionescu",
            "biciclete-rapide",
            "posta-acasa",
            "gradina-comunitara",
        ],
        idn: &["brutăria-spicul", "grădina-bunicii"],
        greet: &["Bună ziua,", "Stimate doamne și stimați domni,", "Salutare tuturor,", "Bună,", "Dragi colegi,"],
        close: &["Cu stimă,\n{n}", "Toate cele bune,\n{n}", "Mulțumesc,\n{n}", "Cu respect,\n{n}\n{f}"],
        heads: &[
            "Subiect: Comanda dumneavoastră",
            "Factură",
            "Formular de contact – solicitare nouă",
            "Re: Mutarea de săptămâna viitoare",
            "Fișa angajatului",
            "Contact",
        ],
        filler: &[
            "Vă mulțumesc pentru răspunsul rapid.",
            "Vă rugăm să verificați datele și să ne contactați dacă aveți întrebări.",
            "Mâine vă trimit documentele prin poștă.",
            "Ne bucurăm să colaborăm în continuare.",
            "Întâlnirea de joi rămâne valabilă.",
            "Vă trimit atașat documentele solicitate.",
        ],
        prose: &[
            "Vara aceasta, aproximativ 300 de oameni au venit la zilele orașului.",
            "Asociația are acum 85 de membri și se întâlnește de două ori pe lună.",
            "Traseul are aproximativ 42 de kilometri.",
            "Pentru rețetă sunt necesare 250 de grame de făină, 3 ouă și 100 de mililitri de lapte.",
            "Muzeul expune peste 1200 de obiecte din patru secole.",
            "Aici plouă în medie 110 zile pe an.",
            "Noul tren parcurge distanța în puțin peste 2 ore.",
        ],
        email: &[
            "E-mail: {}",
            "Îmi puteți scrie la {}.",
            "De la: {n} <{}>",
            "Noua mea adresă de e-mail este {}.",
            "<a href=\"mailto:{}\">Scrie-ne</a>",
            "Contact: {}",
            "Vă rog să răspundeți la {}, nu la adresa veche.",
        ],
        phone: &[
            "Tel.: {}",
            "f|Telefon: {}",
            "m|Mobil: {}",
            "m|Nr. mobil: {}",
            "Mă puteți găsi la telefonul {}.",
            "m|Numărul meu de mobil este {}.",
            "f|Tel. birou: {}",
            "Suntem disponibili la telefonul {}.",
        ],
        phone_bare: &[
            "Sună-mă la {} oricând.",
            "Seara mă găsești la {}.",
            "Vă rugăm să ne sunați înapoi la {} până vineri.",
            "{n}, {}",
        ],
        iban: &[
            "IBAN: {}",
            "Vă rugăm să virați suma în contul {}.",
            "Noul meu cont bancar este {} (cont curent).",
            "Titular cont: {n}, IBAN {}",
            "Chiria se plătește de acum în contul {}.",
        ],
        card: &[
            "Numărul cardului: {}",
            "Am plătit cu cardul meu de credit {}.",
            "Puteți debita cardul {}.",
            "Plata cu cardul {} a fost refuzată.",
            "Card de credit: {}",
        ],
        ip: &[
            "Autentificarea a venit de la adresa IP {}.",
            "IP: {}",
            "Adresa {} apare constant în jurnalele serverului.",
            "Accesul de la {} a fost blocat la miezul nopții.",
        ],
        vat: &["{vl}: {}", "{f}, {vl} {}", "Date de facturare: {vl} {}."],
        form: &["Solicitant: {n}, domiciliat în {c}, {}", "Angajat: {n} ({c}), {}", "{n}, {c} – {}"],
        order: &["Număr comandă: {}", "Comanda dumneavoastră {} a fost expediată."],
        invoice: &["Factura nr. {}", "Vă rugăm să menționați numărul facturii {} la plată."],
        isbn: &["ISBN {}", "Cartea are ISBN {}."],
        ean: &["EAN: {}", "Cod de bare (EAN-13): {}"],
        date: &["Data livrării: {}", "Contractul începe la {}.", "Actualizat: {}"],
        price: &["Total: {}", "Prețul este de {} cu TVA.", "De plată: {}"],
        product: &["Cod produs {}", "Piesa de schimb {} este din nou în stoc.", "SKU {}"],
        version: &["Vă rugăm să actualizați la versiunea {}.", "Versiunea firmware: {}"],
        postcode: &["Adresa de livrare: Str. Florilor nr. 12, {} {c}", "Ne-am mutat: Bd. Unirii nr. 5, {} {c}."],
        coords: &["Punct de întâlnire (GPS): {}", "Coordonatele parcării: {}"],
        ip_neg: &[
            "Imprimanta are IP-ul {}.",
            "Pagina routerului este la {}.",
            "Manualul folosește adresa de exemplu {}.",
        ],
        tracking: &["Număr AWB: {}", "Coletul este pe drum, cod de urmărire {}."],
        years: &["Perioada angajării: {}", "Studiul acoperă anii {}."],
        time: &["Ședința începe la ora {}.", "Ora erorii: {}"],
        mac: &["Adresa MAC: {}", "Dispozitivul cu MAC {} nu este înregistrat."],
        statute: &["Temei legal: {}", "Prelucrarea se face în baza {}."],
    },
    // ------------------------------------------------------------------ Maltese
    Lang {
        code: "mt",
        companies: &["Borg u Wliedu Ltd", "Il-Forn tal-Qamħ", "Uffiċċju Legali Camilleri", "Roti Veloċi Ltd"],
        domains: &["borg-ulied", "forn-qamh", "camilleri-legali", "roti-veloci", "posta-dar", "gnien-komunitarju"],
        idn: &["forn-il-qamħ", "ġnien", "eżempju"],
        greet: &["Bonġu,", "Għeżież Sinjuri,", "Saħħa lil kulħadd,", "Insellimlek,", "Għeżież kollegi,"],
        close: &["Tislijiet,\n{n}", "Dejjem tiegħek,\n{n}", "Grazzi,\n{n}", "Tislijiet,\n{n}\n{f}"],
        heads: &[
            "Suġġett: L-ordni tiegħek",
            "Fattura",
            "Formola ta' kuntatt – talba ġdida",
            "Re: Iċ-ċaqliq il-ġimgħa d-dieħla",
            "Dettalji tal-impjegat",
            "Kuntatt",
        ],
        filler: &[
            "Grazzi tat-tweġiba malajr.",
            "Jekk jogħġbok iċċekkja d-dettalji u ikkuntattjana jekk għandek xi mistoqsija.",
            "Għada nibgħatlek id-dokumenti bil-posta.",
            "Nistennew li nkomplu naħdmu flimkien.",
            "Il-laqgħa tal-Ħamis għadha fis-seħħ.",
            "Hawn mehmuża d-dokumenti mitluba.",
        ],
        prose: &[
            "Dan is-sajf madwar 300 persuna ġew għall-festa tar-raħal.",
            "Is-soċjetà issa għandha 85 membru u tiltaqa' darbtejn fix-xahar.",
            "Ir-rotta hija twila madwar 12-il kilometru.",
            "Għar-riċetta għandek bżonn 250 gramma dqiq, 3 bajdiet u 100 millilitru ħalib.",
            "Il-mużew juri aktar minn 1200 oġġett minn erba' sekli.",
            "Hawn ix-xita tagħmel bħala medja 60 jum fis-sena.",
            "Il-karozza tal-linja l-ġdida tasal il-belt f'25 minuta.",
        ],
        email: &[
            "Email: {}",
            "Ikteb lili fuq {}.",
            "Minn: {n} <{}>",
            "L-indirizz il-ġdid tal-email tiegħi huwa {}.",
            "<a href=\"mailto:{}\">Ikteb lilna</a>",
            "Kuntatt: {}",
            "Jekk jogħġbok wieġeb fuq {}, mhux fuq l-indirizz il-qadim.",
        ],
        phone: &[
            "Tel: {}",
            "f|Telefon: {}",
            "m|Mobile: {}",
            "m|Mowbajl: {}",
            "Tista' ssibni fuq it-telefon {}.",
            "m|In-numru tal-mowbajl tiegħi huwa {}.",
            "f|Telefon tal-uffiċċju: {}",
            "Issibuna fuq it-telefon {}.",
        ],
        phone_bare: &[
            "Ċempilli fuq {} meta trid.",
            "Filgħaxija ssibni fuq {}.",
            "Jekk jogħġbok ċempilna lura fuq {} sal-Ġimgħa.",
            "{n}, {}",
        ],
        iban: &[
            "IBAN: {}",
            "Jekk jogħġbok ittrasferixxi l-ammont fil-kont {}.",
            "Il-kont bankarju l-ġdid tiegħi huwa {}.",
            "Sid il-kont: {n}, IBAN {}",
            "Il-kera minn issa 'l quddiem titħallas fil-kont {}.",
        ],
        card: &[
            "Numru tal-karta: {}",
            "Ħallast bil-karta tal-kreditu tiegħi {}.",
            "Tistgħu tiddebitaw il-karta {}.",
            "Il-ħlas bil-karta {} ġie rrifjutat.",
            "Karta tal-kreditu: {}",
        ],
        ip: &[
            "Il-login sar mill-indirizz IP {}.",
            "IP: {}",
            "L-indirizz {} jidher kontinwament fil-logs tas-server.",
            "L-aċċess minn {} ġie mblukkat f'nofsillejl.",
        ],
        vat: &["{vl}: {}", "{f}, {vl} {}", "Dettalji tal-fattura: {vl} {}."],
        form: &["Applikant: {n}, {c}, {}", "Impjegat: {n} ({c}), {}", "{n}, {c} – {}"],
        order: &["Numru tal-ordni: {}", "L-ordni tiegħek {} intbagħtet."],
        invoice: &["Fattura Nru {}", "Jekk jogħġbok semmi n-numru tal-fattura {} meta tħallas."],
        isbn: &["ISBN {}", "Il-ktieb għandu l-ISBN {}."],
        ean: &["EAN: {}", "Barcode (EAN-13): {}"],
        date: &["Data tal-kunsinna: {}", "Data tal-bidu tal-kuntratt: {}", "Aġġornat: {}"],
        price: &["Total: {}", "Il-prezz huwa {} inkluża l-VAT.", "Ammont dovut: {}"],
        product: &["Numru tal-oġġett {}", "Il-parti {} reġgħet saret disponibbli.", "SKU {}"],
        version: &["Jekk jogħġbok aġġorna għall-verżjoni {}.", "Verżjoni tal-firmware {}"],
        postcode: &["Indirizz tal-kunsinna: 12, Triq il-Kbira, {c} {}", "Ċaqlaqna: 5, Triq il-Knisja, {c} {}."],
        coords: &["Post tal-laqgħa (GPS): {}", "Koordinati tal-parkeġġ: {}"],
        ip_neg: &[
            "L-istampatur għandu l-IP {}.",
            "Il-paġna tar-router tinsab fuq {}.",
            "Il-manwal juża l-indirizz ta' eżempju {}.",
        ],
        tracking: &["Numru tat-traċċar: {}", "Il-pakkett tiegħek qiegħed fi triqtu, numru tat-traċċar {}."],
        years: &["Perjodu ta' impjieg: {}", "L-istudju jkopri s-snin {}."],
        time: &["Il-ħin tal-laqgħa: {}", "Ħin tal-iżball: {}"],
        mac: &["Indirizz MAC: {}", "L-apparat bil-MAC {} mhux irreġistrat."],
        statute: &["Bażi legali: {}", "L-ipproċessar isir skont {}."],
    },
    // ------------------------------------------------------------------ Irish
    Lang {
        code: "ga",
        companies: &["Ó Briain agus a Mhic Teo.", "Bácús an Ghráinne", "Oifig Dlí Uí Cheallaigh", "Rothair Mhear Teo."],
        domains: &["obriain-mic", "bacus-ghrainne", "dli-ceallaigh", "rothair-mhear", "post-baile", "gairdin-pobail"],
        idn: &["bácús", "fáilte", "gairdín"],
        greet: &["A chara,", "A dhaoine uaisle,", "Dia dhaoibh,", "Dia duit,", "A chomhghleacaithe,"],
        close: &["Is mise le meas,\n{n}", "Le dea-mhéin,\n{n}", "Go raibh maith agat,\n{n}", "Beannachtaí,\n{n}\n{f}"],
        heads: &[
            "Ábhar: D'ordú",
            "Sonrasc",
            "Foirm teagmhála – fiosrúchán nua",
            "Re: Ag aistriú tí an tseachtain seo chugainn",
            "Sonraí an fhostaí",
            "Teagmháil",
        ],
        filler: &[
            "Go raibh maith agat as an bhfreagra tapa.",
            "Seiceáil na sonraí, le do thoil, agus déan teagmháil linn má tá aon cheist agat.",
            "Seolfaidh mé na cáipéisí chugat sa phost amárach.",
            "Táimid ag tnúth le bheith ag obair leat arís.",
            "Beidh an cruinniú Déardaoin ar siúl mar a bhí beartaithe.",
            "Tá na cáipéisí a d'iarr tú faoi iamh.",
        ],
        prose: &[
            "I mbliana tháinig thart ar 300 duine chuig féile an tsamhraidh.",
            "Tá 85 ball sa chumann anois agus buaileann siad le chéile faoi dhó sa mhí.",
            "Tá an bealach thart ar 42 ciliméadar ar fad.",
            "Don oideas teastaíonn 250 gram plúir, 3 ubh agus 100 millilítear bainne.",
            "Tá breis agus 1200 earra ó cheithre chéad bliain ar taispeáint sa mhúsaem.",
            "Bíonn báisteach anseo ar 150 lá sa bhliain ar an meán.",
            "Tógann an bus nua 25 nóiméad go lár na cathrach.",
        ],
        email: &[
            "Ríomhphost: {}",
            "Scríobh chugam ag {}.",
            "Ó: {n} <{}>",
            "Seo mo sheoladh ríomhphoist nua: {}",
            "<a href=\"mailto:{}\">Scríobh chugainn</a>",
            "Teagmháil: {}",
            "Freagair chuig {}, le do thoil, seachas an seanseoladh.",
        ],
        phone: &[
            "Guthán: {}",
            "f|Teil.: {}",
            "m|Fón póca: {}",
            "m|Guthán póca: {}",
            "Is féidir teacht orm ar an nguthán ar {}.",
            "m|Seo m'uimhir fóin póca: {}",
            "f|Guthán na hoifige: {}",
            "Táimid ar fáil ar an nguthán ar {}.",
        ],
        phone_bare: &[
            "Cuir glao orm ar {} am ar bith.",
            "Is fearr teacht orm tráthnóna ar {}.",
            "Cuir glao ar ais orainn ar {} roimh an Aoine, le do thoil.",
            "{n}, {}",
        ],
        iban: &[
            "IBAN: {}",
            "Aistrigh an tsuim chuig an gcuntas {}, le do thoil.",
            "Seo mo chuntas bainc nua: {}",
            "Sealbhóir an chuntais: {n}, IBAN {}",
            "Íoctar an cíos isteach sa chuntas {} feasta.",
        ],
        card: &[
            "Uimhir an chárta: {}",
            "D'íoc mé le mo chárta creidmheasa {}.",
            "Is féidir an tsuim a ghearradh ar an gcárta {}.",
            "Diúltaíodh don íocaíocht leis an gcárta {}.",
            "Cárta creidmheasa: {}",
        ],
        ip: &[
            "Rinneadh an logáil isteach ón seoladh IP {}.",
            "IP: {}",
            "Feictear an seoladh {} arís agus arís eile i logaí an fhreastalaí.",
            "Cuireadh bac ar rochtain ó {} ag meán oíche.",
        ],
        vat: &["{vl}: {}", "{f}, {vl} {}", "Sonraí sonraisc: {vl} {}."],
        form: &["Iarratasóir: {n}, {c}, {}", "Fostaí: {n} ({c}), {}", "{n}, {c} – {}"],
        order: &["Uimhir an ordaithe: {}", "Seoladh d'ordú {}."],
        invoice: &["Sonrasc uimh. {}", "Luaigh uimhir an tsonraisc {} le d'íocaíocht, le do thoil."],
        isbn: &["ISBN {}", "ISBN an leabhair: {}"],
        ean: &["EAN: {}", "Barrachód (EAN-13): {}"],
        date: &["Dáta seachadta: {}", "Tosaíonn an conradh ar {}.", "Nuashonraithe: {}"],
        price: &["Iomlán: {}", "Praghas, CBL san áireamh: {}", "Le híoc: {}"],
        product: &["Uimh. earra {}", "Tá an chuid spártha {} ar fáil arís.", "SKU {}"],
        version: &["Nuashonraigh go leagan {}, le do thoil.", "Leagan an dochtearraí {}"],
        postcode: &[
            "Seoladh seachadta: 14 an tSráid Mhór, {c} {}",
            "D'aistríomar go dtí 5 Bóthar an Teampaill, {c} {}.",
        ],
        coords: &["Áit chruinnithe (GPS): {}", "Comhordanáidí an charrchlóis: {}"],
        ip_neg: &[
            "IP an phrintéara: {}",
            "Tá leathanach an ródaire ag {}.",
            "Úsáideann an lámhleabhar an seoladh samplach {}.",
        ],
        tracking: &["Uimhir rianaithe: {}", "Tá do bheart ar an mbealach, uimhir rianaithe {}."],
        years: &["Tréimhse fostaíochta: {}", "Clúdaíonn an staidéar na blianta {}."],
        time: &["Tosaíonn an cruinniú ag {}.", "Am na hearráide: {}"],
        mac: &["Seoladh MAC: {}", "Níl an gléas leis an MAC {} cláraithe."],
        statute: &["Bunús dlí: {}", "Déantar an phróiseáil faoi {}."],
    },
    // ------------------------------------------------------------------ Luxembourgish
    Lang {
        code: "lb",
        companies: &["Weber & Fils S.à r.l.", "Bäckerei Goldkar", "Etude Schmit Avocats", "Vëlosbuttek Séier S.à r.l."],
        domains: &["weber-fils", "baeckerei-goldkar", "etude-schmit", "velosbuttek", "post-doheem", "gaardefrenn"],
        idn: &["bäckerei-goldkar", "gaardefrënn", "lëtzebuerger-beispill"],
        greet: &["Moien,", "Léif Dammen an Hären,", "Moien zesummen,", "Bonjour,", "Léif Kolleegen,"],
        close: &["Mat beschte Gréiss\n{n}", "Vill Gréiss\n{n}", "Merci,\n{fn}", "Mat frëndleche Gréiss\n{n}\n{f}"],
        heads: &[
            "Betreff: Är Bestellung",
            "Rechnung",
            "Kontaktformular – nei Ufro",
            "Re: Plënneren nächst Woch",
            "Personalbogen",
            "Kontakt",
        ],
        filler: &[
            "Merci fir Är séier Äntwert.",
            "Kontrolléiert w.e.g. d'Donnéeën a mellt Iech bei Froen.",
            "Ech schécken Iech d'Dokumenter muer mat der Post.",
            "Mir freeën eis op déi weider Zesummenaarbecht.",
            "De Rendez-vous zu {c} bleift wéi geplangt.",
            "An der Annexe fannt Dir déi gefrote Dokumenter.",
        ],
        prose: &[
            "Dëse Summer si ronn 300 Leit op d'Stadfest komm.",
            "De Veräin huet elo 85 Memberen a kënnt zweemol am Mount zesummen.",
            "D'Streck ass ongeféier 42 Kilometer laang.",
            "Fir d'Rezept brauch een 250 Gramm Miel, 3 Eeër an 100 Milliliter Mëllech.",
            "De Musée weist méi wéi 1200 Objeten aus véier Joerhonnerten.",
            "Hei reent et am Duerchschnëtt un 180 Deeg am Joer.",
            "Den neien Zuch brauch fir d'Streck just iwwer 2 Stonnen.",
        ],
        email: &[
            "E-Mail: {}",
            "Schreift mir einfach op {}.",
            "Vun: {n} <{}>",
            "Meng nei E-Mail-Adress ass {}.",
            "<a href=\"mailto:{}\">Schreift eis</a>",
            "Kontakt: {}",
            "Äntwert w.e.g. op {} an net op déi al Adress.",
        ],
        phone: &[
            "Tel.: {}",
            "f|Telefon: {}",
            "m|Handy: {}",
            "m|GSM: {}",
            "Dir erreecht mech um Telefon ënner {}.",
            "m|Meng Handysnummer ass {}.",
            "f|Tel. (Büro): {}",
            "Mir sinn um Telefon ënner {} ze erreechen.",
        ],
        phone_bare: &[
            "Ruff mech einfach un ënner {}.",
            "Owes erreechs du mech am beschten ënner {}.",
            "Mellt Iech w.e.g. bis e Freideg ënner {}.",
            "{n}, {}",
        ],
        iban: &[
            "IBAN: {}",
            "Iwwerweist de Betrag w.e.g. op de Kont {}.",
            "Meng nei Bankverbindung ass {}.",
            "Kontinhaber: {n}, IBAN {}",
            "De Loyer geet ab elo op de Kont {}.",
        ],
        card: &[
            "Kaartennummer: {}",
            "Ech hu mat menger Kreditkaart {} bezuelt.",
            "Dir kënnt de Betrag vun der Kaart {} ofbuchen.",
            "D'Bezuelung mat der Kaart {} gouf refuséiert.",
            "Kreditkaart: {}",
        ],
        ip: &[
            "D'Umeldung koum vun der IP-Adress {}.",
            "IP: {}",
            "D'Adress {} taucht ëmmer erëm am Server-Log op.",
            "Zougrëff vun {} ëm Mëtternuecht gespaart.",
        ],
        vat: &["{vl}: {}", "{f}, {vl} {}", "Rechnungsdonnéeën: {vl} {}."],
        form: &["Ufroesteller: {n}, {c}, {}", "Mataarbechter: {n} ({c}), {}", "{n}, {c} – {}"],
        order: &["Bestellnummer: {}", "Är Bestellung {} gouf verschéckt."],
        invoice: &["Rechnungsnr. {}", "Gitt w.e.g. bei der Bezuelung d'Rechnungsnummer {} un."],
        isbn: &["ISBN {}", "D'Buch huet d'ISBN {}."],
        ean: &["EAN: {}", "Barcode (EAN-13): {}"],
        date: &["Liwwerdatum: {}", "De Kontrakt fänkt den {} un.", "Stand: {}"],
        price: &["Total: {}", "De Präis ass {} inkl. TVA.", "Ze bezuelen: {}"],
        product: &["Art.-Nr. {}", "D'Ersatzdeel {} ass erëm disponibel.", "SKU {}"],
        version: &["Aktualiséiert w.e.g. op d'Versioun {}.", "Firmware-Versioun {}"],
        postcode: &["Liwweradress: 12, rue de la Gare, {} {c}", "Mir sinn geplënnert: 5, Grand-Rue, {} {c}."],
        coords: &["Treffpunkt (GPS): {}", "Koordinate vum Parking: {}"],
        ip_neg: &[
            "Den Drécker huet d'IP {}.",
            "D'Router-Säit ass ënner {} z'erreechen.",
            "Am Handbuch gëtt d'Beispilladress {} benotzt.",
        ],
        tracking: &["Sendungsnummer: {}", "Äre Pak ass ënnerwee, Tracking-Nummer {}."],
        years: &["Beschäftegungszäit: {}", "D'Etude deckt d'Joren {} of."],
        time: &["D'Versammlung fänkt um {} un.", "Zäitpunkt vum Feeler: {}"],
        mac: &["MAC-Adress: {}", "Den Apparat mat der MAC {} ass net registréiert."],
        statute: &["Rechtsgrondlag ass {}.", "D'Veraarbechtung geschitt op Basis vun {}."],
    },
];
