//! A fast encoder for BPE `tokenizer.json` files — byte-level ones (GPT-2/
//! RoBERTa, Llama 3, Qwen 2/3 and the tokenizers `train-tokenizer` makes)
//! and SentencePiece-style ones with byte fallback (Llama 2) — giving the
//! same ids as the `tokenizers` crate.
//!
//! The file is parsed by `tokenizers`; its parts are then described (through
//! their own serialisation) and the fast path is built only when every part
//! is one it implements exactly: the normaliser (none, NFC or NFKC, or
//! Llama 2's `▁` one), the added tokens (matched leftmost-longest, before and
//! after normalisation, as `tokenizers` does), the split pattern
//! ([`split::Pattern`]), the initial symbols (bytes, or characters with byte
//! fallback) and the BPE model ([`merge::Merger`]). Anything else is refused
//! with the reason, and the caller falls back to `tokenizers`.

pub mod merge;
pub mod split;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};
use serde_json::Value;
use tokenizers::{NormalizedString, Normalizer, NormalizerWrapper, Tokenizer};
use unicode_normalization::{is_nfc_quick, is_nfkc_quick, IsNormalized};

use merge::{Cache, Merger};
use split::Pattern;

/// Default per-thread cache size, in distinct words (~50 bytes each).
pub const DEFAULT_CACHE_WORDS: usize = 250_000;

/// The normalisers the fast path applies itself when text is already in the
/// normal form (the common case), and through `tokenizers` otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    None,
    Nfc,
    Nfkc,
    /// SentencePiece-style (Llama 2): `▁` before the text and for every space.
    Metaspace,
}

/// Added tokens matched in one of the two passes.
struct Added {
    matcher: AhoCorasick,
    ids: Vec<u32>,
}

impl Added {
    fn new(tokens: Vec<(String, u32)>) -> Result<Option<Added>, String> {
        if tokens.is_empty() {
            return Ok(None);
        }
        let (patterns, ids): (Vec<String>, Vec<u32>) = tokens.into_iter().unzip();
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|e| format!("added tokens: {e}"))?;
        Ok(Some(Added { matcher, ids }))
    }

    /// Calls `text_part` for the text between added tokens and pushes the
    /// added tokens' ids, in order.
    fn split(this: Option<&Added>, text: &str, out: &mut Vec<u32>, mut text_part: impl FnMut(&str, &mut Vec<u32>)) {
        let Some(added) = this else { return text_part(text, out) };
        let mut last = 0;
        for m in added.matcher.find_iter(text) {
            text_part(&text[last..m.start()], out);
            out.push(added.ids[m.pattern().as_usize()]);
            last = m.end();
        }
        text_part(&text[last..], out);
    }
}

/// The fast encoder of one `tokenizer.json`.
pub struct FastBpe {
    form: Form,
    /// The file's own normaliser, for text not already in normal form.
    normalizer: Option<NormalizerWrapper>,
    raw_added: Option<Added>,
    normalized_added: Option<Added>,
    pattern: Pattern,
    prefix_space: bool,
    merger: Merger,
}

impl FastBpe {
    /// The fast encoder for `tokenizer`, or why it has none.
    ///
    /// # Errors
    /// A one-line reason naming the part the fast path does not implement.
    pub fn new(tokenizer: &Tokenizer, cache_words: usize) -> Result<FastBpe, String> {
        let describe = |v: Option<Value>| v.unwrap_or(Value::Null);
        let pre = describe(tokenizer.get_pre_tokenizer().map(|p| serde_json::to_value(p).unwrap_or_default()));
        let normalizer = describe(tokenizer.get_normalizer().map(|n| serde_json::to_value(n).unwrap_or_default()));
        let model = serde_json::to_value(tokenizer.get_model()).map_err(|e| format!("model: {e}"))?;
        let (pattern, prefix_space, form, merger) = if pre.is_null() && is_metaspace_normalizer(&normalizer) {
            (Pattern::Metaspace, false, Form::Metaspace, merger_of(&model, cache_words, true)?)
        } else {
            let (pattern, prefix_space) = pattern_of(&pre)?;
            (pattern, prefix_space, form_of(&normalizer)?, merger_of(&model, cache_words, false)?)
        };

        let mut raw = Vec::new();
        let mut normalized = Vec::new();
        let skip_specials = tokenizer.get_encode_special_tokens();
        for (id, t) in tokenizer.get_added_tokens_decoder() {
            if t.single_word || t.lstrip || t.rstrip {
                return Err(format!("added token {:?} with single_word/lstrip/rstrip", t.content));
            }
            if (t.special && skip_specials) || t.content.is_empty() {
                continue;
            }
            if t.normalized {
                let mut s = NormalizedString::from(t.content.as_str());
                if let Some(n) = tokenizer.get_normalizer() {
                    n.normalize(&mut s).map_err(|e| format!("added token {:?}: {e}", t.content))?;
                }
                normalized.push((s.get().to_string(), id));
            } else {
                raw.push((t.content.clone(), id));
            }
        }
        // Sorted so that the matcher, and with it any tie, does not depend
        // on a hash map's order.
        raw.sort();
        normalized.sort();
        Ok(FastBpe {
            form,
            normalizer: tokenizer.get_normalizer().cloned(),
            raw_added: Added::new(raw)?,
            normalized_added: Added::new(normalized)?,
            pattern,
            prefix_space,
            merger,
        })
    }

    /// Appends the ids of `text` to `out` (no post-processor template).
    pub fn encode(&self, text: &str, out: &mut Vec<u32>) {
        self.merger.with_cache(|cache| {
            Added::split(self.raw_added.as_ref(), text, out, |part, out| {
                if part.is_empty() {
                    return;
                }
                let part = self.normalize(part);
                Added::split(self.normalized_added.as_ref(), &part, out, |piece, out| {
                    self.encode_piece(piece, out, cache)
                });
            })
        });
    }

    fn encode_piece(&self, text: &str, out: &mut Vec<u32>, cache: &mut Cache) {
        if text.is_empty() {
            return;
        }
        let mut each = |w: &str| self.merger.encode_word(w, out, cache);
        if self.prefix_space && !text.starts_with(' ') {
            self.pattern.split(&format!(" {text}"), &mut each);
        } else {
            self.pattern.split(text, &mut each);
        }
    }

    fn normalize<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let quick = match self.form {
            Form::None => return Cow::Borrowed(text),
            Form::Nfc => is_nfc_quick(text.chars()),
            Form::Nfkc => is_nfkc_quick(text.chars()),
            Form::Metaspace => return Cow::Owned(format!("{METASPACE}{}", text.replace(' ', METASPACE))),
        };
        match (quick, &self.normalizer) {
            (IsNormalized::Yes, _) | (_, None) => Cow::Borrowed(text),
            (_, Some(n)) => {
                let mut s = NormalizedString::from(text);
                // The unicode normalisers cannot fail.
                let _ = n.normalize(&mut s);
                Cow::Owned(s.get().to_string())
            }
        }
    }
}

fn kind(v: &Value) -> &str {
    v.get("type").and_then(Value::as_str).unwrap_or("?")
}

/// SentencePiece's word-boundary mark.
const METASPACE: &str = "\u{2581}";

/// `Sequence[Prepend("▁"), Replace(" " → "▁")]`, Llama 2's normaliser.
fn is_metaspace_normalizer(normalizer: &Value) -> bool {
    let parts = normalizer.get("normalizers").and_then(Value::as_array).map(Vec::as_slice);
    match (kind(normalizer), parts) {
        ("Sequence", Some([prepend, replace])) => {
            kind(prepend) == "Prepend"
                && prepend["prepend"] == METASPACE
                && kind(replace) == "Replace"
                && replace["pattern"]["String"] == " "
                && replace["content"] == METASPACE
        }
        _ => false,
    }
}

fn form_of(normalizer: &Value) -> Result<Form, String> {
    match kind(normalizer) {
        _ if normalizer.is_null() => Ok(Form::None),
        "NFC" => Ok(Form::Nfc),
        "NFKC" => Ok(Form::Nfkc),
        "Sequence" => match normalizer["normalizers"].as_array().map(Vec::as_slice) {
            Some([]) => Ok(Form::None),
            Some([one]) => form_of(one),
            _ => Err("normalizer: a sequence of several normalizers".into()),
        },
        other => Err(format!("normalizer {other}")),
    }
}

/// The split pattern and whether each text part gets a leading space.
fn pattern_of(pre: &Value) -> Result<(Pattern, bool), String> {
    let flag = |v: &Value, name: &str| v.get(name).and_then(Value::as_bool).unwrap_or(false);
    match kind(pre) {
        "ByteLevel" if flag(pre, "use_regex") => Ok((Pattern::Gpt2, flag(pre, "add_prefix_space"))),
        "Sequence" => match pre["pretokenizers"].as_array().map(Vec::as_slice) {
            Some([split, byte_level])
                if kind(split) == "Split"
                    && kind(byte_level) == "ByteLevel"
                    && !flag(byte_level, "use_regex")
                    && !flag(byte_level, "add_prefix_space") =>
            {
                let regex = split["pattern"]["Regex"].as_str().ok_or("pre-tokenizer: Split by a plain string")?;
                if split["behavior"] != "Isolated" || flag(split, "invert") {
                    return Err(format!("pre-tokenizer: Split with behavior {}", split["behavior"]));
                }
                let p = Pattern::from_regex(regex).ok_or_else(|| format!("pre-tokenizer: split pattern {regex:?}"))?;
                Ok((p, false))
            }
            _ => Err("pre-tokenizer: a sequence other than Split + ByteLevel".into()),
        },
        _ if pre.is_null() => Err("no pre-tokenizer (not a byte-level BPE)".into()),
        other => Err(format!("pre-tokenizer {other}")),
    }
}

/// GPT-2's byte → character mapping of byte-level BPE vocabularies.
pub fn byte_chars() -> [char; 256] {
    let mut map = ['\0'; 256];
    let mut n = 0u32;
    for b in 0..=255u8 {
        let printable = matches!(b, b'!'..=b'~' | 0xA1..=0xAC | 0xAE..=0xFF);
        map[b as usize] = if printable {
            char::from(b)
        } else {
            n += 1;
            char::from_u32(255 + n).expect("below the surrogates")
        };
    }
    map
}

/// The BPE model; `sentencepiece`: symbols are characters with byte
/// fallback (Llama 2), else byte-level characters.
fn merger_of(model: &Value, cache_words: usize, sentencepiece: bool) -> Result<Merger, String> {
    if kind(model) != "BPE" {
        return Err(format!("model {}", kind(model)));
    }
    if !model["dropout"].is_null() {
        return Err("BPE with dropout (random ids)".into());
    }
    for affix in ["continuing_subword_prefix", "end_of_word_suffix"] {
        if model[affix].as_str().is_some_and(|s| !s.is_empty()) {
            return Err(format!("BPE with a {affix}"));
        }
    }
    let vocab: HashMap<&str, u32> = model["vocab"]
        .as_object()
        .ok_or("BPE without a vocabulary")?
        .iter()
        .filter_map(|(t, id)| Some((t.as_str(), u32::try_from(id.as_u64()?).ok()?)))
        .collect();
    let chars = byte_chars();
    let mut byte_ids = [0u32; 256];
    for (b, c) in chars.iter().enumerate() {
        let token = if sentencepiece { format!("<{b:#04X}>").replace("0X", "0x") } else { c.to_string() };
        byte_ids[b] = *vocab
            .get(token.as_str())
            .ok_or_else(|| format!("vocabulary without the token {token:?} of byte {b:#04x}"))?;
    }
    let symbols = if sentencepiece {
        if !model["byte_fallback"].as_bool().unwrap_or(false) {
            return Err("SentencePiece-style BPE without byte fallback".into());
        }
        // Words are split before each `▁` that follows another character,
        // which is exact only if no token joins two words.
        if let Some(t) = vocab.keys().find(|t| t.trim_start_matches(METASPACE).contains(METASPACE)) {
            return Err(format!("SentencePiece-style BPE with a token joining words ({t:?})"));
        }
        let single = vocab.iter().filter_map(|(t, &id)| {
            let mut it = t.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Some((c, id)),
                _ => None,
            }
        });
        Some(single.collect())
    } else {
        None
    };
    let mut merges = Vec::new();
    for m in model["merges"].as_array().ok_or("BPE without merges")? {
        let (a, b) = match m {
            Value::Array(p) if p.len() == 2 => (p[0].as_str(), p[1].as_str()),
            Value::String(s) => s.split_once(' ').map_or((None, None), |(a, b)| (Some(a), Some(b))),
            _ => (None, None),
        };
        let (Some(a), Some(b)) = (a, b) else { return Err(format!("merge {m} is not a pair")) };
        let id = |t: &str| vocab.get(t).copied().ok_or_else(|| format!("merge {m}: {t:?} not in the vocabulary"));
        merges.push((id(a)?, id(b)?, id(&format!("{a}{b}"))?));
    }
    let whole_words = model["ignore_merges"].as_bool().unwrap_or(false).then(|| {
        let byte_of: HashMap<char, u8> = chars.iter().enumerate().map(|(b, &c)| (c, b as u8)).collect();
        vocab
            .iter()
            .filter_map(|(t, &id)| {
                let bytes: Option<Box<[u8]>> = if sentencepiece {
                    Some(t.as_bytes().into())
                } else {
                    t.chars().map(|c| byte_of.get(&c).copied()).collect()
                };
                Some((bytes?, id))
            })
            .collect()
    });
    Ok(Merger::new(byte_ids, symbols, merges, whole_words, cache_words))
}
