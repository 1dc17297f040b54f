//! The detection engine: one pass over a text that finds every enabled kind
//! of personal data and resolves overlaps.
//!
//! Cheap triggers keep ordinary prose cheap: e-mail addresses are looked for
//! only around `@` (and brackets, for obfuscated ones), IPv6 addresses only
//! around `:`, and everything number-shaped only where a digit is
//! ([`super::seq`]). Validators and context words run only on those
//! candidates.

use super::ip::IpRanges;
use super::numbers::{self, NumScratch, SeqCtx};
use super::regions::{countries_of_language, region_slice};
use super::seq::{next_seq, Seq};
use super::{email, ip, Entity, EntityType};

/// Detector options (mirrored by the `pii` stage's keys, see
/// [`super::PolicyConfig::detector`]).
#[derive(Debug, Clone, PartialEq)]
pub struct DetectorConfig {
    /// Also find obfuscated e-mail addresses (`name [at] domain [dot] eu`).
    pub email_obfuscated: bool,
    /// Report private and link-local IP addresses (`192.168.1.10`).
    pub ip_private: bool,
    /// Report the documentation ranges (`192.0.2.0/24`, `2001:db8::/32`).
    pub ip_documentation: bool,
    /// ISO 3166 code of the country assumed for documents whose language
    /// names none (national phone numbers; national IDs without a label).
    pub country: String,
    /// Characters between a special-category term and the identifier of the
    /// person it is about (SENSITIVE).
    pub sensitive_window: usize,
}

impl Default for DetectorConfig {
    fn default() -> Self {
        DetectorConfig {
            email_obfuscated: true,
            ip_private: false,
            ip_documentation: false,
            country: String::new(),
            sensitive_window: super::sensitive::DEFAULT_WINDOW,
        }
    }
}

impl DetectorConfig {
    pub(crate) fn problems(&self) -> Vec<String> {
        let mut p = Vec::new();
        if !self.country.is_empty() && super::regions::region(&self.country).is_none() {
            p.push(format!("country {:?} is not an ISO 3166 alpha-2 code (e.g. \"DE\")", self.country));
        }
        p
    }
}

/// What is known about a document's origin.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hints<'a> {
    /// ISO 639-1 language code (`de`), or empty.
    pub lang: &'a str,
    /// ISO 3166 country code (`AT`), or empty.
    pub country: &'a str,
}

/// The regions a document's hints point to.
#[derive(Debug, Clone, Copy)]
pub struct Resolved {
    /// Default regions for national phone numbers, most likely first.
    pub regions: &'static [&'static str],
    /// Countries whose national IDs need no label in this document.
    pub countries: &'static [&'static str],
}

/// Reusable buffers of one worker.
#[derive(Debug, Default)]
pub struct DetectScratch {
    seq: Seq,
    num: NumScratch,
    ranges: Vec<(usize, usize)>,
    urls: Vec<(usize, usize)>,
    found: Vec<Entity>,
    birth: super::birth::BirthScratch,
    person: super::person::PersonScratch,
    names: Vec<(usize, usize, &'static str)>,
    address: super::address::AddressScratch,
    sensitive: super::sensitive::SensitiveScratch,
}

/// The detection engine, built once and shared by all workers.
#[derive(Debug, Clone)]
pub struct Detector {
    cfg: DetectorConfig,
    enabled: [bool; EntityType::COUNT],
}

impl Detector {
    /// A detector for the `enabled` types.
    pub fn new(cfg: DetectorConfig, enabled: &[EntityType]) -> Self {
        widen_phone_regex_cache();
        let mut on = [false; EntityType::COUNT];
        for t in enabled {
            on[*t as usize] = true;
        }
        Detector { cfg, enabled: on }
    }

    /// A detector for every type with default options.
    pub fn all() -> Self {
        Detector::new(DetectorConfig::default(), &EntityType::ALL)
    }

    fn on(&self, t: EntityType) -> bool {
        self.enabled[t as usize]
    }

    fn resolve(&self, hints: Hints) -> Resolved {
        let by_country = || (!hints.country.is_empty()).then(|| region_slice(hints.country)).flatten();
        let by_lang = || {
            let l = hints.lang.get(..2).unwrap_or(hints.lang).to_ascii_lowercase();
            let c = countries_of_language(&l);
            (!c.is_empty()).then_some(c)
        };
        let by_config = || region_slice(&self.cfg.country);
        let r = by_country().or_else(by_lang).or_else(by_config).unwrap_or(&[]);
        Resolved { regions: r, countries: r }
    }

    /// Finds the personal data in `text`: appends the entities to `out`,
    /// sorted by start, without overlaps.
    pub fn detect(&self, text: &str, hints: Hints, scratch: &mut DetectScratch, out: &mut Vec<Entity>) {
        let resolved = self.resolve(hints);
        let found = &mut scratch.found;
        found.clear();
        if self.on(EntityType::Email) {
            scratch.ranges.clear();
            email::find_plain(text, &mut scratch.ranges);
            if self.cfg.email_obfuscated {
                email::find_obfuscated(text, &mut scratch.ranges);
            }
            for &(start, end) in &scratch.ranges {
                found.push(Entity { kind: EntityType::Email, subtype: "", start, end });
            }
        }
        let ranges = IpRanges { private: self.cfg.ip_private, documentation: self.cfg.ip_documentation };
        if self.on(EntityType::IpAddress) {
            scratch.ranges.clear();
            ip::find_v6(text, ranges, &mut scratch.ranges);
            for &(start, end) in &scratch.ranges {
                found.push(Entity { kind: EntityType::IpAddress, subtype: "IPV6", start, end });
            }
        }
        find_urls(text, &mut scratch.urls);
        let mut from = 0;
        let mut birth_until = 0;
        while let Some((start, end)) = next_seq(text, from, &mut scratch.seq) {
            from = end;
            let in_url = scratch.urls.iter().any(|&(a, b)| a <= start && start < b);
            let mut c = SeqCtx { text, seq: &scratch.seq, hints: &resolved, taken: 0 };
            if in_url {
                // Numbers in a link are page or article ids, except a host
                // given as an address (`http://8.8.8.8/`).
                if self.on(EntityType::IpAddress) {
                    numbers::find_ipv4(&mut c, ranges, found);
                }
                continue;
            }
            if self.on(EntityType::Iban) {
                numbers::find_iban(&mut c, found);
            }
            if self.on(EntityType::VatId) {
                numbers::find_vat(&mut c, &mut scratch.num, found);
            }
            if self.on(EntityType::CreditCard) {
                numbers::find_card(&mut c, found);
            }
            if self.on(EntityType::IpAddress) {
                numbers::find_ipv4(&mut c, ranges, found);
            }
            if self.on(EntityType::NationalId) {
                numbers::find_national_id(&mut c, &mut scratch.num, found);
            }
            if self.on(EntityType::DateOfBirth) && start >= birth_until {
                // Each digit run of the sequence may begin a date (or end a
                // month name before it: "March 12, 1980").
                let b = text.as_bytes();
                for p in start..end {
                    if p < birth_until || !b[p].is_ascii_digit() || (p > 0 && b[p - 1].is_ascii_digit()) {
                        continue;
                    }
                    if let Some((s, e)) = super::birth::find(text, p, &mut scratch.birth) {
                        found.push(Entity { kind: EntityType::DateOfBirth, subtype: "", start: s, end: e });
                        birth_until = e;
                    }
                }
            }
            if self.on(EntityType::Phone) {
                numbers::find_phone(&mut c, &mut scratch.num, found);
            }
        }
        if self.on(EntityType::Address) {
            scratch.ranges.clear();
            super::address::find(text, hints.lang, &mut scratch.address, &mut scratch.ranges);
            for &(start, end) in &scratch.ranges {
                found.push(Entity { kind: EntityType::Address, subtype: "", start, end });
            }
        }
        if self.on(EntityType::Person) {
            scratch.names.clear();
            super::person::find(text, hints.lang, &mut scratch.person, &mut scratch.names);
            for &(start, end, subtype) in &scratch.names {
                found.push(Entity { kind: EntityType::Person, subtype, start, end });
            }
        }
        if self.on(EntityType::Sensitive) {
            super::sensitive::find(text, hints.lang, self.cfg.sensitive_window, &mut scratch.sensitive, found);
        }
        resolve_overlaps(found, out);
    }

    /// [`Detector::detect`] with fresh buffers, for one-off calls.
    pub fn detect_once(&self, text: &str, hints: Hints) -> Vec<Entity> {
        let mut out = Vec::new();
        self.detect(text, hints, &mut DetectScratch::default(), &mut out);
        out
    }
}

/// Regular expressions the phone metadata can keep compiled at once.
const PHONE_REGEX_CACHE: usize = 2048;

/// libphonenumber's metadata patterns are compiled on first use into a
/// shared least-recently-used cache of 100 entries; checking numbers of a
/// few dozen regions cycles through more patterns than that, so every check
/// recompiled its patterns (two thirds of the time on text dense with phone
/// numbers). A cache that holds them all compiles each pattern once.
fn widen_phone_regex_cache() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let cache = phonenumber::metadata::DATABASE.cache();
        let mut c = cache.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        *c = regex_cache::RegexCache::new(PHONE_REGEX_CACHE);
    });
}

/// Byte ranges of links (`scheme://…` and `www.…`) up to the next space.
fn find_urls(text: &str, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let b = text.as_bytes();
    let end_of = |from: usize| {
        text[from..].find(|c: char| c.is_whitespace() || matches!(c, '"' | '<' | '>')).map_or(text.len(), |k| from + k)
    };
    for p in memchr::memmem::find_iter(b, "://") {
        let mut s = p;
        while s > 0 && b[s - 1].is_ascii_alphanumeric() {
            s -= 1;
        }
        if s < p {
            out.push((s, end_of(p)));
        }
    }
    for p in memchr::memmem::find_iter(b, "www.") {
        if p == 0 || !b[p - 1].is_ascii_alphanumeric() && b[p - 1] != b'/' {
            out.push((p, end_of(p)));
        }
    }
}

/// Keeps the entities that overlap no higher-priority (then earlier) one;
/// appends them to `out` sorted by start.
fn resolve_overlaps(found: &mut [Entity], out: &mut Vec<Entity>) {
    found.sort_unstable_by_key(|e| (e.kind.priority(), e.start, e.end));
    let base = out.len();
    for e in found.iter() {
        let kept = &out[base..];
        let k = kept.partition_point(|x| x.start < e.start);
        let clash_prev = k > 0 && kept[k - 1].end > e.start;
        let clash_next = k < kept.len() && kept[k].start < e.end;
        if !clash_prev && !clash_next {
            out.insert(base + k, *e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str, lang: &str) -> Vec<(String, &'static str, String)> {
        let d = Detector::all();
        d.detect_once(text, Hints { lang, country: "" })
            .into_iter()
            .map(|e| (e.kind.name().to_string(), e.subtype, text[e.start..e.end].to_string()))
            .collect()
    }

    fn one(text: &str, lang: &str) -> (String, &'static str, String) {
        let v = find(text, lang);
        assert_eq!(v.len(), 1, "{text:?}: {v:?}");
        v.into_iter().next().unwrap()
    }

    #[test]
    fn every_type_in_context() {
        assert_eq!(one("Mail: max@example.de!", "de"), ("EMAIL".into(), "", "max@example.de".into()));
        assert_eq!(
            one("IBAN DE89 3704 0044 0532 0130 00 BIC COBADEFFXXX", "de"),
            ("IBAN".into(), "DE", "DE89 3704 0044 0532 0130 00".into())
        );
        assert_eq!(
            one("Karte 4111 1111 1111 1111.", "de"),
            ("CREDIT_CARD".into(), "VISA", "4111 1111 1111 1111".into())
        );
        assert_eq!(one("Server 80.156.12.3 antwortet", "de"), ("IP_ADDRESS".into(), "IPV4", "80.156.12.3".into()));
        assert_eq!(one("PESEL: 44051401359.", "pl"), ("NATIONAL_ID".into(), "PL_PESEL", "44051401359".into()));
        assert_eq!(one("USt-IdNr. DE136695976", "de"), ("VAT_ID".into(), "DE", "DE136695976".into()));
        assert_eq!(one("Tel. +49 30 12345678", "de"), ("PHONE".into(), "DE", "+49 30 12345678".into()));
        assert_eq!(one("Tel.: (030) 1234567", "de"), ("PHONE".into(), "DE", "(030) 1234567".into()));
        assert_eq!(one("06 12 34 56 78", "fr"), ("PHONE".into(), "FR", "06 12 34 56 78".into()));
    }

    #[test]
    fn hard_negatives_are_left_alone() {
        for t in [
            "ISBN 978-3-16-148410-0",
            "am 12.03.2020 um 12:30:45",
            "Preis: 1.234,56 €",
            "Version 1.2.3.4 ist da",
            "Bestellnummer 4111111111111111",
            "192.168.1.1 ist der Router",
            "Die Stadt hat 1 234 567 Einwohner",
            "IBAN DE89 3704 0044 0532 0130 01",
            "siehe https://example.com/artikel/44051401359",
        ] {
            assert!(find(t, "de").is_empty(), "{t:?}: {:?}", find(t, "de"));
        }
    }

    #[test]
    fn digits_inside_an_email_are_not_a_phone() {
        let v = find("anna.030123456789@example.com", "de");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].0, "EMAIL");
    }

    fn spans(text: &str, lang: &str) -> Vec<(EntityType, &'static str, usize, usize)> {
        Detector::all()
            .detect_once(text, Hints { lang, country: "" })
            .into_iter()
            .map(|e| (e.kind, e.subtype, e.start, e.end))
            .collect()
    }

    /// The language of a country's documents, for the hints.
    fn lang_of(country: &str) -> &'static str {
        [
            "de", "fr", "nl", "it", "es", "pt", "pl", "cs", "sk", "hu", "ro", "bg", "hr", "sl", "el", "da", "sv", "fi",
            "et", "lv", "lt", "en", "mt",
        ]
        .into_iter()
        .find(|l| countries_of_language(l).first() == Some(&country))
        .unwrap_or("en")
    }

    /// A copy of `written` whose check character was changed so that the
    /// scheme rejects it.
    fn broken(written: &str, valid: impl Fn(&str) -> bool) -> Option<String> {
        let last = written.char_indices().rev().find(|(_, c)| c.is_ascii_alphanumeric())?.0;
        "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"
            .chars()
            .map(|c| format!("{}{c}{}", &written[..last], &written[last + 1..]))
            .find(|w| !valid(w))
    }

    #[test]
    fn every_national_id_scheme_is_found_with_its_label_and_exact_span() {
        let mut rng = crate::rng::SplitMix64(7);
        for scheme in super::super::national_id::schemes() {
            let lang = lang_of(scheme.country);
            for _ in 0..20 {
                let id = (scheme.generate)(&mut rng);
                let label = scheme.context[0];
                for text in [
                    format!("{label}: {id}"),
                    format!("{label}: {id} ok."),
                    format!("Daten ({label} {id}), danke"),
                    format!("{id} ({label})"),
                ] {
                    let start = text.find(&id).unwrap();
                    let want = (EntityType::NationalId, scheme.subtype, start, start + id.len());
                    let got = spans(&text, lang);
                    assert!(got.contains(&want), "{}: {text:?} → {got:?}", scheme.subtype);
                }
                // No-break spaces as separators.
                let nb = id.replace(' ', "\u{A0}");
                let text = format!("{label} {nb}");
                let got = spans(&text, lang);
                assert_eq!(got.len(), 1, "{}: {text:?} → {got:?}", scheme.subtype);
                assert_eq!((got[0].2, got[0].3), (label.len() + 1, text.len()));
                // Inside a longer digit run: never (a scheme without check
                // digit and of variable length may accept the longer run).
                let glued = format!("{label} 9{}9", id.replace(' ', ""));
                if scheme.checksum {
                    let got = spans(&glued, lang);
                    assert!(got.iter().all(|e| e.0 != EntityType::NationalId || e.1 != scheme.subtype), "{glued:?}");
                }
                // A wrong check character: not this scheme.
                if scheme.checksum {
                    let ok =
                        |w: &str| (scheme.validate)(&super::super::national_id::strip_separators(w, scheme.separators));
                    if let Some(bad) = broken(&id, ok) {
                        let text = format!("{label}: {bad}");
                        assert!(
                            spans(&text, lang).iter().all(|e| e.1 != scheme.subtype),
                            "{}: {text:?}",
                            scheme.subtype
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_vat_scheme_is_found_at_start_and_end() {
        let mut rng = crate::rng::SplitMix64(11);
        for v in super::super::vat::vat_schemes() {
            for _ in 0..20 {
                let id = (v.generate)(&mut rng);
                if id.bytes().filter(u8::is_ascii_digit).count() < 6 {
                    continue; // short Romanian CUIs are not reported
                }
                for text in [format!("{id} ist unsere Nummer"), format!("VAT {id}")] {
                    let start = text.find(&id).unwrap();
                    let got = spans(&text, "");
                    assert_eq!(got, vec![(EntityType::VatId, v.country, start, start + id.len())], "{text:?}");
                }
                if let Some(bad) = broken(&id, |w| super::super::vat::validate_vat(w).is_some()) {
                    assert!(spans(&format!("VAT {bad}"), "").iter().all(|e| e.0 != EntityType::VatId), "{bad}");
                }
            }
        }
    }

    #[test]
    fn every_type_at_the_very_start_and_end_of_a_text() {
        for (value, kind, lang) in [
            ("max@example.de", EntityType::Email, "de"),
            ("+49 30 12345678", EntityType::Phone, "de"),
            ("DE89 3704 0044 0532 0130 00", EntityType::Iban, "de"),
            ("4111 1111 1111 1111", EntityType::CreditCard, "de"),
            ("80.156.12.3", EntityType::IpAddress, "de"),
            ("2a00:1450:4001:82a::200e", EntityType::IpAddress, "de"),
            ("44051401359", EntityType::NationalId, "pl"),
            ("DE136695976", EntityType::VatId, "de"),
        ] {
            for text in [value.to_string(), format!("{value} und"), format!("und {value}")] {
                let got = spans(&text, lang);
                let start = text.find(value).unwrap();
                assert_eq!(got.len(), 1, "{text:?}: {got:?}");
                assert_eq!((got[0].0, got[0].2, got[0].3), (kind, start, start + value.len()), "{text:?}");
            }
        }
    }

    #[test]
    fn never_panics_and_spans_are_sound_on_random_text() {
        // Pieces that steer the scanners into their corners: digits of
        // several scripts, every joiner, `@`, colons, brackets, labels,
        // multi-byte letters and combining marks.
        const PIECES: &[&str] = &[
            "0", "1", "7", "9", "00", "+", "(", ")", "-", ".", "/", " ", "\u{A0}", "\u{202F}", "@", ":", "::", "[at]",
            "(at)", "[dot]", "a", "Z", "DE", "AT", "EL", "x", "é", "ß", "Ω", "я", "٣", "３", "𝟗", "\u{301}", "\n",
            "\t", "Tel. ", "PESEL ", "IBAN ", "VAT ", "www.", "http://", "version ", "ISBN ", ",", "–", "\u{FEFF}",
        ];
        let d = Detector::new(
            DetectorConfig { ip_private: true, ip_documentation: true, ..Default::default() },
            &EntityType::ALL,
        );
        let mut rng = crate::rng::SplitMix64(99);
        let mut scratch = DetectScratch::default();
        let mut out = Vec::new();
        for n in 0..50_000 {
            let len = 1 + rng.below(40) as usize;
            let text: String = (0..len).map(|_| PIECES[rng.below(PIECES.len() as u64) as usize]).collect();
            let lang = ["de", "fr", "pl", "en", "el", "", "xx"][n % 7];
            out.clear();
            d.detect(&text, Hints { lang, country: if n % 11 == 0 { "AT" } else { "" } }, &mut scratch, &mut out);
            let mut last_end = 0;
            for e in &out {
                assert!(e.start < e.end && e.end <= text.len(), "{text:?}: {e:?}");
                assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end), "{text:?}: {e:?}");
                assert!(e.start >= last_end, "sorted, no overlaps: {text:?}: {out:?}");
                last_end = e.end;
            }
        }
    }

    #[test]
    fn unicode_digits_are_read() {
        let ascii = "PESEL 44051401359";
        let wide: String = ascii
            .chars()
            .map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 - 0x30 + 0xFF10).unwrap() } else { c })
            .collect();
        let got = spans(&wide, "pl");
        assert_eq!(got, vec![(EntityType::NationalId, "PL_PESEL", 6, wide.len())]);
        let arabic: String = "Tel. +49 30 12345678"
            .chars()
            .map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 - 0x30 + 0x660).unwrap() } else { c })
            .collect();
        assert_eq!(spans(&arabic, "de"), vec![(EntityType::Phone, "DE", 5, arabic.len())]);
    }

    #[test]
    fn real_text_look_alikes_are_left_alone() {
        // Found by reading the detector's output on the dev corpora.
        for (t, lang) in [
            ("Kay Mann 04/26/2001 07:17 AM", "en"),
            ("Slope: 0.1171 (0.0022) R Square", "en"),
            ("zwischen „-327680101” és „327671231”", "hu"),
            ("„-32767-12-31”", "hu"),
            ("2.1.3.1. gyvulių tankio", "lt"),
            ("jf kap 8.3.3.5.", "no"),
        ] {
            // Kay Mann is a name (PERSON); the numbers are the look-alikes.
            let numbers: Vec<_> = find(t, lang).into_iter().filter(|(k, _, _)| *k != "PERSON").collect();
            assert!(numbers.is_empty(), "{t:?}: {numbers:?}");
        }
        assert_eq!(one("call 713-664-7478", "en").1, "US");
        assert_eq!(one("Mobile 713.837.1638", "en").1, "US");
        assert_eq!(one("(989) 755-1109", "en").1, "US");
    }

    #[test]
    fn nothing_found_in_prose_without_identifiers() {
        let prose = "Im Jahr 2021 lebten 83 155 031 Menschen in Deutschland; 12,5 % waren älter als 75. \
                     Die Bahn fährt um 7.45 Uhr von Gleis 3 ab, Ankunft 10:32. Tabelle 4.2.1 zeigt § 12 Abs. 3.";
        assert!(spans(prose, "de").is_empty(), "{:?}", spans(prose, "de"));
    }
}
