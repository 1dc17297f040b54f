//! The number-shaped identifiers, found in one [`Seq`] at a time: IBAN, VAT
//! number, payment card, national ID, IPv4 address and phone number.
//!
//! Each detector picks sub-spans of whole words, validates them (check digits,
//! country formats, number ranges) and weighs the words around them
//! ([`context::evidence`]). Words taken by one detector are not offered to
//! the next, in the order of [`EntityType::ALL`].

use super::context::{self, Evidence};
use super::detect::Resolved;
use super::ip;
use super::national_id::{schemes, Scheme};
use super::regions::region;
use super::seq::{is_space_like, Seq, Word};
use super::vat::validate_vat;
use super::{Entity, EntityType};
use crate::pii::checksum::is_valid_date;
use iban::IbanLike;

/// Reusable buffers of one detector call.
#[derive(Debug, Default)]
pub struct NumScratch {
    written: String,
    stripped: String,
    /// The current candidate without each scheme's separators, computed
    /// once per separator set (few schemes have their own).
    strips: Vec<(&'static str, String)>,
}

impl NumScratch {
    /// `written` without the characters of `separators` (a space in it
    /// standing for every space), cached among the first `used` entries.
    fn strip(&mut self, used: &mut usize, separators: &'static str) -> &str {
        let k = match self.strips[..*used].iter().position(|(p, _)| *p == separators) {
            Some(k) => k,
            None => {
                if *used == self.strips.len() {
                    self.strips.push(("", String::new()));
                }
                let (p, out) = &mut self.strips[*used];
                *p = separators;
                out.clear();
                let ws = separators.contains(' ');
                out.extend(self.written.chars().filter(|&ch| !(separators.contains(ch) || ws && ch == ' ')));
                *used += 1;
                *used - 1
            }
        };
        &self.strips[k].1
    }
}

/// Everything a sequence detector needs.
pub struct SeqCtx<'a> {
    pub text: &'a str,
    pub seq: &'a Seq,
    pub hints: &'a Resolved,
    /// Words already taken (bit `i` for word `i`).
    pub taken: u64,
}

fn mask(i: usize, j: usize) -> u64 {
    (u64::MAX >> (63 - j)) & (u64::MAX << i)
}

impl SeqCtx<'_> {
    fn free(&self, i: usize, j: usize) -> bool {
        self.taken & mask(i, j) == 0
    }

    fn take(&mut self, i: usize, j: usize) {
        self.taken |= mask(i, j);
    }

    fn span(&self, i: usize, j: usize) -> (usize, usize) {
        (self.seq.words[i].start, self.seq.words[j].end)
    }

    /// The words `i..=j` written in ASCII: digits of any script as ASCII,
    /// single-character joiners as themselves (space-like ones as a space).
    fn written(&self, i: usize, j: usize, out: &mut String) {
        out.clear();
        for k in i..=j {
            out.push_str(std::str::from_utf8(self.seq.word(k)).unwrap_or(""));
            if k < j {
                let jn = &self.seq.joiners[k];
                for c in self.text[jn.start..jn.end].chars() {
                    out.push(if is_space_like(c) { ' ' } else { c });
                }
            }
        }
    }

    /// The joiners inside `i..=j` are all single characters that
    /// `separators` allows.
    fn joined_by(&self, i: usize, j: usize, separators: &str) -> bool {
        self.seq.joiners[i..j].iter().all(|jn| jn.single_in(self.text, separators))
    }

    /// The word before `i` (or after `j`) is digits glued on by a dash, dot
    /// or slash: `i..=j` is then a fragment of a longer number.
    fn fragment(&self, i: usize, j: usize) -> bool {
        let glued = |k: usize, jn: usize| {
            let w = &self.seq.words[k];
            let jn = &self.seq.joiners[jn];
            w.digits > 0 && jn.single() && jn.spaces == 0
        };
        (i > 0 && glued(i - 1, i - 1)) || (j + 1 < self.seq.words.len() && glued(j + 1, j))
    }

    fn all_digits(&self, i: usize, j: usize) -> bool {
        self.seq.words[i..=j].iter().all(|w| w.all_digits())
    }
}

// ====================================================================== IBAN

/// IBANs: a word starting with a country code and two check digits, then
/// words joined by single spaces until the compact form parses as a valid
/// IBAN (country length, BBAN format and mod-97 check all verified by
/// `iban_validate`).
pub fn find_iban(c: &mut SeqCtx, out: &mut Vec<Entity>) {
    let n = c.seq.words.len();
    for i in 0..n {
        let w = c.seq.word(i);
        if w.len() < 4 || !w[..2].iter().all(u8::is_ascii_uppercase) || !w[2..4].iter().all(u8::is_ascii_digit) {
            continue;
        }
        let mut j = i;
        loop {
            let compact = c.seq.compact(i, j);
            if compact.len() > 34 {
                break;
            }
            if compact.len() >= 15 && c.free(i, j) {
                let s = std::str::from_utf8(compact).unwrap_or("");
                if let Ok(iban) = s.parse::<iban::Iban>() {
                    let sub = region(iban.country_code()).unwrap_or("");
                    let (start, end) = c.span(i, j);
                    out.push(Entity { kind: EntityType::Iban, subtype: sub, start, end });
                    c.take(i, j);
                    break;
                }
                // An IBAN of the right country format with wrong check
                // digits is a mistyped or invented account number: its
                // groups are not offered to the phone and ID detectors.
                if iban_shaped(s) {
                    c.take(i, j);
                    break;
                }
            }
            if j + 1 >= n || !c.seq.joiners[j].is_space() {
                break;
            }
            j += 1;
        }
    }
}

/// `s` with its check digits recomputed is a valid IBAN.
fn iban_shaped(s: &str) -> bool {
    let (cc, rest) = (&s[..2], &s[4..]);
    let Some(check) = crate::pii::checksum::iso7064_mod97_10_check(&format!("{rest}{cc}")) else { return false };
    format!("{cc}{check:02}{rest}").parse::<iban::Iban>().is_ok()
}

// ====================================================================== VAT

/// VAT numbers: a country prefix (`DE`, `ATU`, `EL`, …), alone or glued to
/// the number, then words joined by single spaces, dots or dashes; the
/// longest valid form wins; six digits at least (shorter Romanian CUIs look
/// like too many other codes).
pub fn find_vat(c: &mut SeqCtx, s: &mut NumScratch, out: &mut Vec<Entity>) {
    let n = c.seq.words.len();
    let mut i = 0;
    while i < n {
        let w = c.seq.word(i);
        if w.len() < 2 || !w[..2].iter().all(u8::is_ascii_uppercase) || !c.free(i, i) {
            i += 1;
            continue;
        }
        let mut best = None;
        let mut j = i;
        loop {
            if c.seq.compact(i, j).len() > 16 {
                break;
            }
            if c.free(i, j) && c.seq.digits(i, j) >= 6 {
                c.written(i, j, &mut s.written);
                if let Some(v) = validate_vat(&s.written) {
                    best = Some((j, v));
                }
            }
            if j + 1 >= n || !c.seq.joiners[j].single_in(c.text, " .-") {
                break;
            }
            j += 1;
        }
        if let Some((j, v)) = best {
            let (start, end) = c.span(i, j);
            // Prefix and check digits are evidence enough: VAT numbers sit
            // on invoices and order forms, next to words that veto others.
            if !c.fragment(i, j) {
                out.push(Entity { kind: EntityType::VatId, subtype: region(v.country).unwrap_or(""), start, end });
                c.take(i, j);
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
}

// ====================================================================== cards

/// The card brand of a number, from its issuer prefix and length.
pub fn card_brand(d: &[u8]) -> Option<&'static str> {
    let len = d.len();
    let p = |k: usize| d[..k.min(len)].iter().fold(0u32, |a, &x| a * 10 + u32::from(x - b'0'));
    let (p1, p2, p3, p4) = (p(1), p(2), p(3), p(4));
    if p2 == 34 || p2 == 37 {
        (len == 15).then_some("AMEX")
    } else if p1 == 4 {
        matches!(len, 13 | 16 | 19).then_some("VISA")
    } else if (51..=55).contains(&p2) || (2221..=2720).contains(&p4) {
        (len == 16).then_some("MASTERCARD")
    } else if (3528..=3589).contains(&p4) {
        (16..=19).contains(&len).then_some("JCB")
    } else if (300..=305).contains(&p3) || p2 == 36 || p2 == 38 || p2 == 39 {
        (14..=19).contains(&len).then_some("DINERS")
    } else if p4 == 6011 || (644..=649).contains(&p3) || p2 == 65 {
        (16..=19).contains(&len).then_some("DISCOVER")
    } else if p2 == 62 {
        (16..=19).contains(&len).then_some("UNIONPAY")
    } else if (2200..=2204).contains(&p4) {
        (len == 16).then_some("MIR")
    } else if p2 == 50 || (56..=69).contains(&p2) {
        (12..=19).contains(&len).then_some("MAESTRO")
    } else {
        None
    }
}

fn luhn_ascii(d: &[u8]) -> bool {
    let mut sum = 0u32;
    for (k, &b) in d.iter().rev().enumerate() {
        let mut x = u32::from(b - b'0');
        if k % 2 == 1 {
            x *= 2;
            if x > 9 {
                x -= 9;
            }
        }
        sum += x;
    }
    sum % 10 == 0
}

/// The usual groupings of a card number: 4-4-4-4(-3), 4-4-4-1…4, 4-6-5
/// (American Express), 4-6-4 (Diners).
fn card_grouping(groups: &[usize]) -> bool {
    let k = groups.len();
    k == 1
        || groups == [4, 6, 5]
        || groups == [4, 6, 4]
        || (k >= 3 && groups[..k - 1].iter().all(|&g| g == 4) && (1..=4).contains(&groups[k - 1]))
        || groups == [4, 4, 4, 4, 3]
}

/// Payment cards: 12–19 digits in a card grouping joined by one kind of
/// single space or dash, Luhn-valid, with a known issuer prefix and length,
/// and not continued by more groups. An ungrouped number also needs a card
/// label nearby.
pub fn find_card(c: &mut SeqCtx, out: &mut Vec<Entity>) {
    let n = c.seq.words.len();
    let mut i = 0;
    'start: while i < n {
        let mut groups = Vec::new();
        let mut best = None;
        for j in i..n {
            let w = &c.seq.words[j];
            if !w.all_digits() || !c.free(j, j) {
                break;
            }
            if j > i {
                let (first, this) = (&c.seq.joiners[i], &c.seq.joiners[j - 1]);
                let same = first.single()
                    && this.single()
                    && (first.is_space() && this.is_space() || first.dashes == 1 && this.dashes == 1);
                if !same {
                    break;
                }
            }
            groups.push(w.len());
            let digits: usize = groups.iter().sum();
            if digits > 19 {
                break;
            }
            if digits >= 12 && card_grouping(&groups) {
                let d = c.seq.compact(i, j);
                if luhn_ascii(d) {
                    if let Some(brand) = card_brand(d) {
                        best = Some((j, brand));
                    }
                }
            }
        }
        if let Some((j, brand)) = best {
            let (start, end) = c.span(i, j);
            let ev = context::evidence(c.text, start, end, context::CARD);
            // A following group of four continuing the pattern makes this a
            // fragment of a longer number.
            let continues = j + 1 < n
                && c.seq.words[j + 1].all_digits()
                && c.seq.words[j + 1].len() == 4
                && i < j
                && c.seq.joiners[j].same_kind(&c.seq.joiners[j - 1]);
            // A grouped number is a card whatever the words around it say;
            // a bare digit run needs a card label.
            let ok = i < j || ev == Evidence::For;
            let continues = continues
                || (i > 0
                    && c.seq.words[i - 1].all_digits()
                    && (if i < j {
                        c.seq.joiners[i - 1].same_kind(&c.seq.joiners[i])
                    } else {
                        !c.seq.joiners[i - 1].is_space()
                    }));
            if ok && !continues && !c.fragment(i, j) {
                out.push(Entity { kind: EntityType::CreditCard, subtype: brand, start, end });
                c.take(i, j);
                i = j + 1;
                continue 'start;
            }
        }
        i += 1;
    }
}

// ====================================================================== national IDs

/// Three digit groups joined by one `.`, `/` or `-` that form a calendar
/// date (`12.03.2020`, `2020-03-12`): never an identifier.
fn is_date(c: &SeqCtx, i: usize, j: usize) -> bool {
    if j != i + 2 || !c.all_digits(i, j) {
        return false;
    }
    let (a, b) = (c.seq.joiners[i], c.seq.joiners[i + 1]);
    if !(a.single() && b.single() && a.spaces == 0 && a.char(c.text) == b.char(c.text)) {
        return false;
    }
    let num = |k: usize| c.seq.word(k).iter().fold(0u32, |x, &d| x * 10 + u32::from(d - b'0'));
    let lens = [c.seq.word(i).len(), c.seq.word(i + 1).len(), c.seq.word(j).len()];
    let (y, m, d) = match lens {
        [4..=5, 1..=2, 1..=2] => (num(i), num(i + 1), num(j)),
        [1..=2, 1..=2, 4] => (num(j), num(i + 1), num(i)),
        [1..=2, 1..=2, 2] => (2000 + num(j), num(i + 1), num(i)),
        _ => return false,
    };
    is_valid_date(y as i32, m, d) || is_valid_date(y as i32, d, m)
}

/// The share of random numbers of `scheme`'s written shape (the digits of
/// generated numbers replaced by random ones) that its validator accepts.
pub fn random_acceptance(scheme: &Scheme, trials: u32) -> f64 {
    let mut rng = crate::rng::SplitMix64(0x5eed ^ scheme.subtype.len() as u64);
    let mut accepted = 0;
    for _ in 0..trials {
        let written = (scheme.generate)(&mut rng);
        let random: String = written
            .chars()
            .map(|ch| if ch.is_ascii_digit() { char::from(b'0' + rng.below(10) as u8) } else { ch })
            .collect();
        if (scheme.validate)(&super::national_id::strip_separators(&random, scheme.separators)) {
            accepted += 1;
        }
    }
    f64::from(accepted) / f64::from(trials)
}

/// Schemes that accept at most this share of random numbers of their shape
/// are trusted without a label in documents of their country.
pub const UNLABELLED_MAX_ACCEPTANCE: f64 = 0.02;

/// Whether a bare number of `scheme` (digits only, no label) may be
/// reported in a document of its country: only when the scheme's checks
/// (check digit and birth date together) let few random numbers through.
/// A plain mod-10 or mod-11 check passes one random number in ten; in a
/// text full of order numbers and counts that is too many.
fn trusted_unlabelled(scheme: &Scheme) -> bool {
    static TRUSTED: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    TRUSTED
        .get_or_init(|| {
            schemes()
                .iter()
                .filter(|s| s.checksum && random_acceptance(s, 4000) <= UNLABELLED_MAX_ACCEPTANCE)
                .map(|s| s.subtype)
                .collect()
        })
        .contains(&scheme.subtype)
}

/// How far around a number [`in_number_list`] looks on its line.
const LIST_SPAN: usize = 1024;

/// Whether the line of `start..end` holds another number of about the same
/// length (`digits` ± 1): then it is a list or table of numbers (codes,
/// limits, order numbers), where a weak check digit matches by chance.
fn in_number_list(text: &str, start: usize, end: usize, digits: usize) -> bool {
    // A line of a table or list; of a very long line, the part around.
    let (line_start, line_end) = context::line_around(text, start, end, LIST_SPAN, LIST_SPAN);
    let b = text.as_bytes();
    let mut k = line_start;
    while k < line_end {
        if !b[k].is_ascii_digit() {
            k += 1;
            continue;
        }
        // A run of digit groups joined by single separators.
        let run_start = k;
        let mut n = 0;
        while k < line_end {
            if b[k].is_ascii_digit() {
                n += 1;
                k += 1;
            } else if matches!(b[k], b' ' | b'.' | b'-' | b'/') && k + 1 < line_end && b[k + 1].is_ascii_digit() {
                k += 1;
            } else {
                break;
            }
        }
        let overlaps = run_start < end && start < k;
        if !overlaps && n + 1 >= digits && n <= digits + 1 {
            return true;
        }
    }
    false
}

/// Whether a valid candidate of `scheme` is reported: a scheme without a
/// check digit needs its label; one with a check digit is reported unless a
/// "not personal" label is nearer, when it has its label, contains letters
/// (DNI, codice fiscale, PPSN, …), or the document is from its country and
/// either the scheme is strict enough to trust a bare number
/// ([`trusted_unlabelled`]) or the number is not one of a list of numbers
/// of its length ([`in_number_list`]).
fn national_id_evidence(c: &SeqCtx, scheme: &Scheme, i: usize, j: usize, ev: Evidence) -> bool {
    let (start, end) = c.span(i, j);
    if !scheme.checksum {
        return ev == Evidence::For;
    }
    match ev {
        Evidence::For => true,
        Evidence::Against => false,
        Evidence::None => {
            let home = c.hints.countries.contains(&scheme.country);
            // Letters make a number distinctive only when written with it
            // (`12345678Z`, `12.345.678-Z`), not as the next word
            // (`16777215 A Pythonban`).
            let glued_letters = !c.all_digits(i, j)
                && (i..=j).all(|k| c.seq.words[k].digits > 0 || k == i || !c.seq.joiners[k - 1].is_space());
            // Unlabelled, a number must look like one of its kind: groups of
            // at most six digits (a date) when spaced (`8388736 12` is no TAJ).
            let spaced = c.seq.joiners[i..j].iter().any(|jn| jn.spaces > 0);
            let layout = !spaced || c.seq.words[i..=j].iter().all(|w| w.len() <= 6);
            glued_letters
                || home && layout && trusted_unlabelled(scheme)
                || home && layout && c.all_digits(i, j) && !in_number_list(c.text, start, end, c.seq.digits(i, j))
        }
    }
}

/// National IDs: for each start word, the longest sub-span (at most 8 words,
/// 20 characters) whose joiners the scheme allows and that its validator
/// accepts; dates and fragments of longer numbers are skipped.
pub fn find_national_id(c: &mut SeqCtx, s: &mut NumScratch, out: &mut Vec<Entity>) {
    let n = c.seq.words.len();
    let mut i = 0;
    'start: while i < n {
        let last = (i + 8).min(n) - 1;
        for j in (i..=last).rev() {
            let len = c.seq.compact(i, j).len();
            if !(6..=20).contains(&len) || c.seq.digits(i, j) < 4 || !c.free(i, j) || c.fragment(i, j) {
                continue;
            }
            // `+420 605 099 098` is a phone number; and a candidate written
            // in space-separated groups is not one when more digit groups
            // are glued on by spaces.
            if i == 0 && c.seq.plus.is_some() {
                continue;
            }
            let spaced = c.seq.joiners[i..j].iter().any(|jn| jn.spaces > 0);
            let digit_word = |k: usize| c.seq.words[k].all_digits() && c.free(k, k);
            if spaced && ((i > 0 && digit_word(i - 1)) || (j + 1 < n && digit_word(j + 1))) {
                continue;
            }
            if is_date(c, i, j) {
                continue;
            }
            // Joiners a scheme does not strip stay in the string its
            // validator sees: the Finnish century sign `-` is a part of the
            // number, and other validators reject it.
            if !c.joined_by(i, j, " .-/+") {
                continue;
            }
            c.written(i, j, &mut s.written);
            let mut used = 0;
            let (start, end) = c.span(i, j);
            // The best valid scheme: its label present, then one of the
            // document's countries, then the first.
            let mut found: Option<(&'static Scheme, (bool, bool))> = None;
            let mut around = None;
            for scheme in schemes() {
                if !(scheme.validate)(s.strip(&mut used, scheme.separators)) {
                    continue;
                }
                let ev =
                    around.get_or_insert_with(|| context::Around::new(c.text, start, end)).evidence(scheme.context);
                if !national_id_evidence(c, scheme, i, j, ev) {
                    continue;
                }
                let rank = (ev == Evidence::For, c.hints.countries.contains(&scheme.country));
                if found.is_none_or(|(_, best)| rank > best) {
                    found = Some((scheme, rank));
                }
            }
            if let Some((scheme, _)) = found {
                let (start, end) = c.span(i, j);
                out.push(Entity { kind: EntityType::NationalId, subtype: scheme.subtype, start, end });
                c.take(i, j);
                i = j + 1;
                continue 'start;
            }
        }
        i += 1;
    }
}

// ====================================================================== IPv4

/// IPv4 addresses: four words of digits joined by single dots, not part of a
/// longer dotted number, not announced as a version.
pub fn find_ipv4(c: &mut SeqCtx, ranges: ip::IpRanges, out: &mut Vec<Entity>) {
    let n = c.seq.words.len();
    let dot = |k: usize| c.seq.joiners[k].single() && c.seq.joiners[k].dots == 1;
    let mut i = 0;
    while i + 3 < n {
        let j = i + 3;
        let ok_shape = (i..j).all(dot)
            && c.free(i, j)
            && !(i > 0 && dot(i - 1) && c.seq.words[i - 1].digits > 0)
            && !(j + 1 < n && dot(j) && c.seq.words[j + 1].digits > 0);
        if ok_shape {
            let w = [c.seq.word(i), c.seq.word(i + 1), c.seq.word(i + 2), c.seq.word(j)];
            // Section numbers (`2.1.3.1`) have one-digit parts; an address
            // with only one-digit parts (`1.1.1.1`) is a public resolver.
            let section = w.iter().all(|p| p.len() == 1);
            if let Some(addr) = ip::parse_v4(w).filter(|_| !section) {
                let (start, end) = c.span(i, j);
                // A dotted quad that is not reported (private, version) is
                // still no phone number or ID.
                c.take(i, j);
                if ip::report_v4(addr, ranges) && !context::near(c.text, start, end, context::VERSION) {
                    out.push(Entity { kind: EntityType::IpAddress, subtype: "IPV4", start, end });
                }
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
}

// ====================================================================== phones

/// Words `i..=j` grouped like a large number with thousands separators
/// (`38 386 000`, `1.234.567`): a count or an amount more likely than a phone.
fn thousands_shaped(c: &SeqCtx, i: usize, j: usize) -> bool {
    let first = c.seq.word(i).len();
    // Three groups of three (`732 045 855`) are how Czech, Slovak, Polish,
    // Portuguese and Spanish numbers are written, not an amount.
    j > i
        && (first <= 2 || j - i >= 3)
        && first <= 3
        && c.seq.words[i + 1..=j].iter().all(|w| w.len() == 3)
        && c.seq.joiners[i..j].iter().all(|jn| jn.single() && (jn.spaces == 1 || jn.dots == 1))
}

/// Two years joined by a dash (`1994-2023`) or a decimal number
/// (`14.0458`, `47,6783` is not a sequence).
fn range_or_decimal(c: &SeqCtx, i: usize, j: usize) -> bool {
    if j != i + 1 || !c.seq.joiners[i].single() {
        return false;
    }
    let year = |k: usize| {
        let w = c.seq.word(k);
        w.len() == 4 && (w.starts_with(b"19") || w.starts_with(b"20"))
    };
    let jn = &c.seq.joiners[i];
    (jn.dashes == 1 || jn.slashes == 1) && year(i) && year(j) || jn.dots == 1 && !c.seq.word(i).starts_with(b"0")
}

/// A decimal fraction anywhere in `i..=j` (`0.1171 (0.0022)`): a lone `0`
/// before a dot.
fn has_decimal(c: &SeqCtx, i: usize, j: usize) -> bool {
    (i..j).any(|k| c.seq.word(k) == b"0" && c.seq.joiners[k].dots == 1 && c.seq.joiners[k].single())
}

/// The North American way of writing a number: 3-3-4 digits joined by two
/// dashes or two dots, or `(3) 3-4`.
fn nanp_shaped(c: &SeqCtx, i: usize, j: usize) -> bool {
    if j != i + 2 || [c.seq.word(i).len(), c.seq.word(i + 1).len(), c.seq.word(j).len()] != [3, 3, 4] {
        return false;
    }
    let (a, b) = (&c.seq.joiners[i], &c.seq.joiners[i + 1]);
    let same = a.single() && a.same_kind(b) && (a.dashes == 1 || a.dots == 1);
    let paren = i == 0 && c.seq.open_paren.is_some() && a.parens == 1 && a.dashes == 0 && b.single() && b.dashes == 1;
    same || paren
}

/// Upper-case words that label a phone number (`TEL 0301234567`).
const PHONE_CODES: [&[u8]; 5] = [b"TEL", b"GSM", b"FAX", b"MOB", b"SMS"];

/// Parses `number` as a phone number of `region` (`None`: international
/// form only); the region of a valid number.
fn valid_phone(number: &str, region_hint: Option<&str>) -> Option<&'static str> {
    let id = match region_hint {
        Some(r) => Some(r.parse::<phonenumber::country::Id>().ok()?),
        None => None,
    };
    let parsed = phonenumber::parse(id, number).ok()?;
    if !phonenumber::is_valid(&parsed) {
        return None;
    }
    match parsed.country().id() {
        Some(r) => region(r.as_ref()),
        // Codes shared by several regions (+39 Italy and the Vatican) give
        // no region for some ranges: the main region of the code.
        None => {
            let metas = phonenumber::metadata::DATABASE.by_code(&parsed.code().value())?;
            let main = metas.iter().find(|m| m.is_main_country_for_code()).or(metas.first())?;
            region(main.id())
        }
    }
}

fn has_trunk_zero(r: &str) -> bool {
    phonenumber::metadata::DATABASE.by_id(r).and_then(|m| m.national_prefix()).is_some_and(|p| p.starts_with('0'))
}

/// Phone numbers: international (`+CC` or `00CC`) or national forms of the
/// document's regions, 6–15 digits in groups joined by spaces, dashes,
/// dots, slashes or parentheses, valid for libphonenumber, and not glued to
/// more digit groups, dates, year ranges or decimals. A national form must
/// start with the trunk prefix `0` where the region has one; elsewhere it
/// needs a phone label or a grouping of a phone (groups of 2–4 digits,
/// unlike an amount). Without a label only
/// the document's main region is tried.
pub fn find_phone(c: &mut SeqCtx, s: &mut NumScratch, out: &mut Vec<Entity>) {
    let n = c.seq.words.len();
    let mut i = 0;
    'start: while i < n {
        if !c.seq.words[i].all_digits() || (i > 0 && c.fragment(i, i) && !c.seq.joiners[i - 1].is_space()) {
            i += 1;
            continue;
        }
        let plus = i == 0 && c.seq.plus.is_some();
        let mut last = i;
        while last + 1 < n && c.seq.words[last + 1].all_digits() && c.seq.digits(i, last + 1) <= 15 {
            last += 1;
        }
        for j in (i..=last).rev() {
            let digits = c.seq.digits(i, j);
            if !(6..=15).contains(&digits) || !c.free(i, j) {
                continue;
            }
            // Cheap shape checks first. More digit groups glued on either
            // side: part of a longer number (an ID, an account).
            let glued_digits = |k: usize| c.seq.words[k].all_digits() && c.free(k, k);
            if (i > 0 && !plus && glued_digits(i - 1)) || (j + 1 < n && glued_digits(j + 1)) {
                continue;
            }
            // Dates (also inside a longer run: `04/26/2001 07:17`), year
            // ranges and decimals.
            let full_year = |k: usize| c.seq.word(k).len() == 4 || c.seq.word(k + 2).len() == 4;
            if is_date(c, i, j)
                || (i..=j.saturating_sub(2)).any(|k| k + 2 <= j && full_year(k) && is_date(c, k, k + 2))
                || range_or_decimal(c, i, j)
                || has_decimal(c, i, j)
                || c.fragment(i, j)
            {
                continue;
            }
            // A code before the digits (`SKU 974 519`, `DK 41 12 73 05`):
            // a product or VAT number, not a phone.
            if i > 0 && !plus && c.seq.words[i - 1].digits == 0 && !PHONE_CODES.contains(&c.seq.word(i - 1)) {
                continue;
            }
            c.written(i, j, &mut s.written);
            // `+49 (0)30 …`: the bracketed trunk prefix is not dialled.
            s.stripped.clear();
            if plus {
                s.stripped.push('+');
            }
            let open = if i == 0 { c.seq.open_paren } else { None };
            if open.is_some() {
                s.stripped.push('(');
            }
            match s.written.find("(0)") {
                Some(k) => {
                    s.stripped.push_str(&s.written[..k]);
                    s.stripped.push_str(&s.written[k + 3..]);
                }
                None => s.stripped.push_str(&s.written),
            }
            let number = s.stripped.as_str();
            let start = c.seq.plus.filter(|_| plus).or(open).unwrap_or(c.seq.words[i].start);
            let end = c.seq.words[j].end;
            let end = if open.is_some() && j == i && c.text[end..].starts_with(')') { end + 1 } else { end };
            // The words around, weighed only when needed. A national-ID,
            // account or VAT label nearer than any phone label: a mistyped
            // identifier, not a phone number.
            let mut ev_cache = None;
            let mut ev = || {
                *ev_cache.get_or_insert_with(|| {
                    context::evidence_vs(
                        c.text,
                        start,
                        end,
                        context::PHONE,
                        &[context::NOT_PERSONAL, context::VERSION, context::id_labels()],
                    )
                })
            };
            let trunk0 = c.seq.word(i).starts_with(b"0");
            let mut found = None;
            if plus {
                found = valid_phone(number, None);
            } else if number.starts_with("00") {
                let hint = c.hints.regions.first().copied().or(Some("DE"));
                found = valid_phone(number, hint).filter(|_| ev() != Evidence::Against);
            } else {
                // Where numbers are dialled with a trunk `0`, a national
                // number is written with it, label or not; elsewhere it needs
                // a label or a grouping. Without a label only the document's
                // main region is tried: a Luxembourg number in a French text
                // needs its "tél.".
                // Groups of two to four digits, or an area code and six
                // (`22 934315`, `045 354778`).
                let lens = || c.seq.words[i..=j].iter().map(Word::len);
                let phone_groups = lens().all(|l| (2..=4).contains(&l))
                    || j == i + 1 && (2..=3).contains(&c.seq.word(i).len()) && c.seq.word(j).len() == 6;
                let plausible = |r: &str, ev: &mut dyn FnMut() -> Evidence| {
                    if has_trunk_zero(r) {
                        trunk0
                    } else {
                        j > i && phone_groups || ev() == Evidence::For
                    }
                };
                if let Some(&main) = c.hints.regions.first() {
                    if plausible(main, &mut ev) && (!thousands_shaped(c, i, j) || ev() == Evidence::For) {
                        found = valid_phone(number, Some(main));
                    }
                }
                // North American numbers in English text have an
                // unmistakable shape: `713-664-7478`, `(989) 755-1109`.
                if found.is_none() && c.hints.regions.contains(&"US") && nanp_shaped(c, i, j) {
                    found = valid_phone(number, Some("US"));
                }
                // Other regions of the language only with a label right
                // before the number (`Tél. : 621 123 456` in a French text);
                // the label's distance first, as it is one word list to
                // the evidence's five.
                let close = || context::label_distance(c.text, start, end, context::PHONE).is_some_and(|d| d <= 16);
                if found.is_none() && close() && ev() == Evidence::For {
                    for r in c.hints.regions.iter().skip(1) {
                        if plausible(r, &mut ev) {
                            found = valid_phone(number, Some(r));
                            if found.is_some() {
                                break;
                            }
                        }
                    }
                }
                if found.is_some() && ev() == Evidence::Against {
                    found = None;
                }
            }
            if let Some(sub) = found {
                out.push(Entity { kind: EntityType::Phone, subtype: sub, start, end });
                c.take(i, j);
                i = j + 1;
                continue 'start;
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_acceptance_of_every_scheme() {
        for sch in schemes() {
            let r = random_acceptance(sch, 4000);
            eprintln!("{:24} {:.4} {}", sch.subtype, r, if r <= UNLABELLED_MAX_ACCEPTANCE { "trusted" } else { "" });
            if sch.checksum {
                assert!(r < 0.2, "{} accepts {r} of random numbers", sch.subtype);
            }
        }
    }

    #[test]
    fn card_brands_and_luhn() {
        assert_eq!(card_brand(b"4111111111111111"), Some("VISA"));
        assert_eq!(card_brand(b"5500000000000004"), Some("MASTERCARD"));
        assert_eq!(card_brand(b"2221000000000009"), Some("MASTERCARD"));
        assert_eq!(card_brand(b"378282246310005"), Some("AMEX"));
        assert_eq!(card_brand(b"37828224631000"), None, "AMEX has 15 digits");
        assert_eq!(card_brand(b"6011111111111117"), Some("DISCOVER"));
        assert_eq!(card_brand(b"3530111333300000"), Some("JCB"));
        assert_eq!(card_brand(b"30569309025904"), Some("DINERS"));
        assert_eq!(card_brand(b"6759649826438453"), Some("MAESTRO"));
        assert_eq!(card_brand(b"1234567890123456"), None);
        assert!(luhn_ascii(b"4111111111111111") && !luhn_ascii(b"4111111111111112"));
        assert!(card_grouping(&[4, 4, 4, 4]) && card_grouping(&[4, 6, 5]) && !card_grouping(&[3, 3, 3, 3, 4]));
    }
}
