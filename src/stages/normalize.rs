//! `normalize`: Unicode normal form, control characters, line endings and
//! whitespace runs. A document left empty is removed (`empty`).

use serde::{Deserialize, Serialize};
use unicode_normalization::{is_nfc_quick, is_nfkc_quick, IsNormalized, UnicodeNormalization};

use super::{Outcome, Scratch, Stage};
use crate::doc::Document;

/// Unicode normal form to apply.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum UnicodeForm {
    /// Canonical composition (keeps compatibility characters such as `ﬁ`).
    #[default]
    Nfc,
    /// Compatibility composition (folds `ﬁ` → `fi`, full-width forms, …).
    Nfkc,
    /// Leave as is.
    None,
}

/// Options of the `normalize` stage.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct NormalizeConfig {
    /// Normal form.
    pub unicode: UnicodeForm,
    /// Remove control characters (Unicode `Cc`) other than newline and tab,
    /// and byte-order marks.
    pub control_chars: bool,
    /// Turn `\r\n` and lone `\r` into `\n`.
    pub line_endings: bool,
    /// Collapse runs of spaces and tabs (and other breaking space characters)
    /// inside a line to one space; strip them at line starts and ends, and
    /// trim the document. Non-breaking spaces (U+00A0, U+202F, U+2007) are
    /// kept: French and other typographies need them.
    pub collapse_spaces: bool,
    /// At most this many consecutive line breaks (2 keeps paragraph breaks
    /// as one blank line); 0: no limit.
    pub max_newlines: usize,
}

impl Default for NormalizeConfig {
    fn default() -> Self {
        NormalizeConfig {
            unicode: UnicodeForm::Nfc,
            control_chars: true,
            line_endings: true,
            collapse_spaces: true,
            max_newlines: 2,
        }
    }
}

impl NormalizeConfig {
    pub(crate) fn problems(&self) -> Vec<String> {
        Vec::new()
    }
}

/// The runtime `normalize` stage.
pub struct Normalize {
    cfg: NormalizeConfig,
}

fn is_breaking_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{1680}' | '\u{2000}'..='\u{2006}' | '\u{2008}'..='\u{200A}' | '\u{205F}' | '\u{3000}')
}

impl Normalize {
    /// Builds the stage.
    pub fn new(cfg: NormalizeConfig) -> Self {
        Normalize { cfg }
    }

    /// Normalises `text` into `out` (cleared first).
    ///
    /// Runs of ordinary characters (everything but whitespace and, when
    /// they are removed, control characters) are copied as slices; the
    /// rules below apply only at the characters between them.
    pub fn normalize_into(&self, text: &str, out: &mut String) {
        let c = &self.cfg;
        out.clear();
        out.reserve(text.len());
        let mut pending_space = false;
        let mut pending_newlines = 0usize;
        // Before an ordinary character: the newlines and the space seen
        // since the last one.
        let flush = |out: &mut String, pending_space: &mut bool, pending_newlines: &mut usize| {
            if *pending_newlines > 0 {
                let n = if c.max_newlines == 0 { *pending_newlines } else { (*pending_newlines).min(c.max_newlines) };
                if !out.is_empty() || !c.collapse_spaces {
                    out.extend(std::iter::repeat_n('\n', n));
                }
                *pending_newlines = 0;
                // Spaces that began the new line are dropped.
                *pending_space = false;
            }
            if *pending_space && !out.is_empty() && !out.ends_with('\n') {
                out.push(' ');
            }
            *pending_space = false;
        };
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let start = i;
            while i < bytes.len() {
                let b = bytes[i];
                if b < 0x80 {
                    if b > b' ' && b != 0x7F {
                        i += 1;
                        continue;
                    }
                    break;
                }
                let ch = text[i..].chars().next().unwrap_or_default();
                if (c.control_chars && (ch.is_control() || ch == '\u{FEFF}')) || is_breaking_space(ch) {
                    break;
                }
                i += ch.len_utf8();
            }
            if i > start {
                flush(out, &mut pending_space, &mut pending_newlines);
                out.push_str(&text[start..i]);
            }
            let Some(mut ch) = text[i..].chars().next() else { break };
            i += ch.len_utf8();
            if ch == '\r' && c.line_endings {
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
                ch = '\n';
            }
            if ch == '\n' {
                pending_space = false;
                pending_newlines += 1;
                continue;
            }
            if c.control_chars && ch != '\t' && ch != '\r' && (ch.is_control() || ch == '\u{FEFF}') {
                continue;
            }
            if c.collapse_spaces && is_breaking_space(ch) {
                pending_space = true;
                continue;
            }
            // A space or control character that the configuration keeps.
            flush(out, &mut pending_space, &mut pending_newlines);
            out.push(ch);
        }
        if pending_newlines > 0 && !c.collapse_spaces {
            let n = if c.max_newlines == 0 { pending_newlines } else { pending_newlines.min(c.max_newlines) };
            out.extend(std::iter::repeat_n('\n', n));
        }
    }
}

impl Stage for Normalize {
    fn name(&self) -> &'static str {
        "normalize"
    }

    fn apply(&self, doc: &mut Document, scratch: &mut Scratch) -> Outcome {
        let mut changed = false;
        let recompose = match self.cfg.unicode {
            UnicodeForm::Nfc => is_nfc_quick(doc.text.chars()) != IsNormalized::Yes,
            UnicodeForm::Nfkc => is_nfkc_quick(doc.text.chars()) != IsNormalized::Yes,
            UnicodeForm::None => false,
        };
        if recompose {
            scratch.text.clear();
            match self.cfg.unicode {
                UnicodeForm::Nfkc => scratch.text.extend(doc.text.nfkc()),
                _ => scratch.text.extend(doc.text.nfc()),
            }
            if scratch.text != doc.text {
                std::mem::swap(&mut scratch.text, &mut doc.text);
                changed = true;
            }
        }
        self.normalize_into(&doc.text, &mut scratch.text);
        if scratch.text != doc.text {
            std::mem::swap(&mut scratch.text, &mut doc.text);
            changed = true;
        }
        if doc.text.is_empty() {
            Outcome::Removed("empty")
        } else if changed {
            Outcome::Changed
        } else {
            Outcome::Kept
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn norm(cfg: NormalizeConfig, text: &str) -> (String, Outcome) {
        let mut doc = Document {
            id: "d".into(),
            text: text.into(),
            lang: String::new(),
            lang_score: None,
            routed: false,
            source: Arc::from("s"),
            record: 1,
            meta: vec![],
            tokens: vec![],
            dup: None,
            pii: vec![],
        };
        let out = Normalize::new(cfg).apply(&mut doc, &mut Scratch::default());
        (doc.text, out)
    }

    #[test]
    fn defaults() {
        let d = NormalizeConfig::default;
        // Decomposed ü (u + U+0308) becomes one code point.
        assert_eq!(norm(d(), "Gru\u{308}\u{DF}e"), ("Grüße".into(), Outcome::Changed));
        assert_eq!(norm(d(), "a\r\nb\rc\u{0}\u{7}d\te"), ("a\nb\ncd e".into(), Outcome::Changed));
        assert_eq!(norm(d(), "  x  \t y \n\n\n\n  z  \n"), ("x y\n\nz".into(), Outcome::Changed));
        assert_eq!(norm(d(), "prix\u{A0}: 5\u{202F}€"), ("prix\u{A0}: 5\u{202F}€".into(), Outcome::Kept));
        assert_eq!(norm(d(), "\u{FEFF} \n\t"), (String::new(), Outcome::Removed("empty")));
        assert_eq!(norm(d(), "ﬁne"), ("ﬁne".into(), Outcome::Kept));
    }

    #[test]
    fn options() {
        let nfkc = NormalizeConfig { unicode: UnicodeForm::Nfkc, ..Default::default() };
        assert_eq!(norm(nfkc, "ﬁne").0, "fine");
        let keep = NormalizeConfig { collapse_spaces: false, max_newlines: 0, ..Default::default() };
        assert_eq!(norm(keep, " a  b\n\n\n").0, " a  b\n\n\n");
        let crlf = NormalizeConfig { line_endings: false, ..Default::default() };
        assert_eq!(norm(crlf, "a\r\nb").0, "a\r\nb");
    }

    /// The per-character implementation the slice-copying one replaced,
    /// kept as the oracle.
    fn per_char(c: &NormalizeConfig, text: &str) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        let mut pending_newlines = 0usize;
        let mut chars = text.chars().peekable();
        while let Some(mut ch) = chars.next() {
            if ch == '\r' && c.line_endings {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                ch = '\n';
            }
            if ch == '\n' {
                pending_space = false;
                pending_newlines += 1;
                continue;
            }
            if c.control_chars && ch != '\t' && ch != '\r' && (ch.is_control() || ch == '\u{FEFF}') {
                continue;
            }
            if c.collapse_spaces && is_breaking_space(ch) {
                pending_space = true;
                continue;
            }
            if pending_newlines > 0 {
                let n = if c.max_newlines == 0 { pending_newlines } else { pending_newlines.min(c.max_newlines) };
                if !out.is_empty() || !c.collapse_spaces {
                    out.extend(std::iter::repeat_n('\n', n));
                }
                pending_newlines = 0;
                pending_space = false;
            }
            if pending_space && !out.is_empty() && !out.ends_with('\n') {
                out.push(' ');
            }
            pending_space = false;
            out.push(ch);
        }
        if pending_newlines > 0 && !c.collapse_spaces {
            let n = if c.max_newlines == 0 { pending_newlines } else { pending_newlines.min(c.max_newlines) };
            out.extend(std::iter::repeat_n('\n', n));
        }
        out
    }

    #[test]
    fn slice_copying_matches_the_per_character_rules() {
        const PARTS: &[&str] = &[
            "a", "Grüße", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{0}", "\u{7f}", "\u{85}", "\u{feff}", "\u{a0}",
            "\u{2003}", "\u{3000}", "\u{1680}", "x.y", "€", "👍", "\u{301}", "\u{200b}",
        ];
        let mut seed = 0x1234_5678_9abc_def1u64;
        for bits in 0..16u32 {
            let cfg = NormalizeConfig {
                control_chars: bits & 1 != 0,
                line_endings: bits & 2 != 0,
                collapse_spaces: bits & 4 != 0,
                max_newlines: if bits & 8 != 0 { 2 } else { 0 },
                ..NormalizeConfig::default()
            };
            let stage = Normalize::new(cfg.clone());
            for _ in 0..500 {
                let mut text = String::new();
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                for k in 0..(seed % 40) {
                    text += PARTS[((seed >> (k % 50)) as usize + k as usize) % PARTS.len()];
                }
                let mut out = String::new();
                stage.normalize_into(&text, &mut out);
                assert_eq!(out, per_char(&cfg, &text), "{cfg:?} {text:?}");
            }
        }
    }
}
