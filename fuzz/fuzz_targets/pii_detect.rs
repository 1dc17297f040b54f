#![no_main]
//! Every personal-data detector and validator on arbitrary text, under the
//! hints of each member state: no panic; spans inside the text, on
//! character boundaries, sorted and without overlaps (the redaction code
//! relies on it).

use eurocorpus::pii::detect::{Detector, Hints};
use libfuzzer_sys::fuzz_target;

const HINTS: [(&str, &str); 12] = [
    ("", ""),
    ("de", "DE"),
    ("fr", "FR"),
    ("pl", "PL"),
    ("es", "ES"),
    ("it", "IT"),
    ("nl", "NL"),
    ("cs", "CZ"),
    ("ro", "RO"),
    ("el", "GR"),
    ("sv", "SE"),
    ("", "IE"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&h, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let (lang, country) = HINTS[usize::from(h) % HINTS.len()];
    thread_local!(static DETECTOR: Detector = Detector::all());
    let found = DETECTOR.with(|d| d.detect_once(&text, Hints { lang, country }));
    let mut end = 0;
    for e in &found {
        assert!(e.start < e.end && e.end <= text.len(), "span {}..{} outside the text", e.start, e.end);
        assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end), "span not on char boundaries");
        assert!(e.start >= end, "overlapping or unsorted spans");
        end = e.end;
    }
});
