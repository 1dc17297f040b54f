//! `tokenize`: token ids from any HuggingFace `tokenizer.json`.
//!
//! Documents are encoded whole: the file's own truncation and padding
//! settings are switched off, so a long document is never cut short (a
//! `tokenizer.json` saved with `truncation.max_length = 512` would otherwise
//! silently drop the rest). Memory for one document is transient and bounded
//! by `input.max_document_bytes`.
//!
//! BPE files (byte-level, or SentencePiece-style with byte fallback) are
//! encoded by the fast path of [`crate::bpe`]
//! (same ids, several times faster); other files, or `encoder =
//! "tokenizers"`, by the `tokenizers` crate, with a one-line notice.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tokenizers::Tokenizer;

use super::{Outcome, Scratch, Stage};
use crate::bpe::FastBpe;
use crate::doc::Document;
use crate::error::{Error, ErrorKind, Result};

/// Which encoder turns text into ids.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum Encoder {
    /// The fast path when it supports the file, else `tokenizers` (with a notice).
    #[default]
    Auto,
    /// The fast path; a file it does not support is a configuration error.
    Fast,
    /// Always the `tokenizers` crate.
    Tokenizers,
}

/// Options of the `tokenize` stage.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct TokenizeConfig {
    /// Path of a HuggingFace `tokenizer.json`.
    pub tokenizer: PathBuf,
    /// Token (as written in the vocabulary) put before every document; empty: none.
    pub bos: String,
    /// Token appended to every document; empty: none.
    pub eos: String,
    /// Apply the tokenizer's own post-processor (e.g. Llama's `<s>` template).
    pub add_special_tokens: bool,
    /// `auto`, `fast` or `tokenizers`.
    pub encoder: Encoder,
    /// Words remembered per thread by the fast path (~70 bytes each); 0: no cache.
    pub cache_words: usize,
}

impl Default for TokenizeConfig {
    fn default() -> Self {
        TokenizeConfig {
            tokenizer: PathBuf::new(),
            bos: String::new(),
            eos: String::new(),
            add_special_tokens: false,
            encoder: Encoder::Auto,
            cache_words: crate::bpe::DEFAULT_CACHE_WORDS,
        }
    }
}

impl TokenizeConfig {
    pub(crate) fn problems(&self) -> Vec<String> {
        let mut p = Vec::new();
        if self.tokenizer.as_os_str().is_empty() {
            p.push("tokenizer is empty: give the path of a tokenizer.json (or --tokenizer)".to_string());
        } else if !self.tokenizer.is_file() {
            p.push(format!("tokenizer {}: no such file", self.tokenizer.display()));
        }
        p
    }
}

/// A loaded tokenizer with its identity.
pub struct LoadedTokenizer {
    /// The tokenizer, truncation and padding off.
    pub tokenizer: Tokenizer,
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
}

/// Loads a `tokenizer.json` and switches off truncation and padding.
///
/// # Errors
/// The file cannot be read or parsed.
pub fn load_tokenizer(path: &Path) -> Result<LoadedTokenizer> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, "read the tokenizer", e))?;
    let sha256 = hex(&Sha256::digest(&bytes));
    let mut tokenizer = Tokenizer::from_bytes(&bytes).map_err(|e| Error::Tokenizer {
        path: path.to_path_buf(),
        detail: format!("not a valid tokenizer.json: {e}"),
    })?;
    tokenizer
        .with_truncation(None)
        .map_err(|e| Error::Tokenizer { path: path.to_path_buf(), detail: e.to_string() })?;
    tokenizer.with_padding(None);
    Ok(LoadedTokenizer { tokenizer, sha256 })
}

/// Lowercase hex of a digest.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// The runtime `tokenize` stage.
pub struct Tokenize {
    tokenizer: Tokenizer,
    sha256: String,
    bos: Option<u32>,
    eos: Option<u32>,
    add_special_tokens: bool,
    fast: Result<FastPath, String>,
}

/// The fast encoder and the ids the file's post-processor puts around a
/// document (when `add_special_tokens`).
struct FastPath {
    bpe: FastBpe,
    prefix: Vec<u32>,
    suffix: Vec<u32>,
}

impl FastPath {
    fn new(tokenizer: &Tokenizer, cfg: &TokenizeConfig) -> std::result::Result<FastPath, String> {
        let bpe = FastBpe::new(tokenizer, cfg.cache_words)?;
        let (prefix, suffix) = if cfg.add_special_tokens { template_of(tokenizer)? } else { (Vec::new(), Vec::new()) };
        Ok(FastPath { bpe, prefix, suffix })
    }
}

/// The ids a post-processor adds before and after a single sequence,
/// found by encoding probes with and without it; refused when the probes
/// disagree (a post-processor that depends on the content).
fn template_of(tokenizer: &Tokenizer) -> std::result::Result<(Vec<u32>, Vec<u32>), String> {
    let mut found = None;
    for probe in ["a", "Hello world. 123"] {
        let ids =
            |special| tokenizer.encode_fast(probe, special).map(|e| e.get_ids().to_vec()).map_err(|e| e.to_string());
        let (with, without) = (ids(true)?, ids(false)?);
        let at = (0..=with.len().saturating_sub(without.len()))
            .find(|&i| with[i..].starts_with(&without))
            .ok_or("a post-processor that changes the text's own ids")?;
        let parts = (with[..at].to_vec(), with[at + without.len()..].to_vec());
        if found.as_ref().is_some_and(|f| *f != parts) {
            return Err("a post-processor whose added ids depend on the text".into());
        }
        found = Some(parts);
    }
    Ok(found.unwrap_or_default())
}

impl Tokenize {
    /// Loads the tokenizer, resolves `bos`/`eos` and builds the fast path
    /// when the file supports it (printing a one-line notice when it does
    /// not and `encoder = "auto"`).
    ///
    /// # Errors
    /// The tokenizer cannot be loaded, a configured token is not in its
    /// vocabulary, or `encoder = "fast"` and the file is not supported.
    pub fn new(cfg: &TokenizeConfig) -> Result<Self> {
        let t = Self::quiet(cfg)?;
        if let (Encoder::Auto, Err(why)) = (cfg.encoder, &t.fast) {
            eprintln!(
                "note: tokenize: {}: {why} is not supported by the fast encoder; using the tokenizers crate (same ids, slower)",
                cfg.tokenizer.display()
            );
        }
        Ok(t)
    }

    /// [`Tokenize::new`] without the notice.
    ///
    /// # Errors
    /// As [`Tokenize::new`].
    pub fn quiet(cfg: &TokenizeConfig) -> Result<Self> {
        let loaded = load_tokenizer(&cfg.tokenizer)?;
        let resolve = |name: &str, token: &str| -> Result<Option<u32>> {
            if token.is_empty() {
                return Ok(None);
            }
            loaded.tokenizer.token_to_id(token).map(Some).ok_or_else(|| Error::Tokenizer {
                path: cfg.tokenizer.clone(),
                detail: format!("{name} = {token:?} is not a token of this tokenizer"),
            })
        };
        let bos = resolve("bos", &cfg.bos)?;
        let eos = resolve("eos", &cfg.eos)?;
        let fast = match cfg.encoder {
            Encoder::Tokenizers => Err("encoder = \"tokenizers\"".to_string()),
            _ => FastPath::new(&loaded.tokenizer, cfg),
        };
        if let (Encoder::Fast, Err(why)) = (cfg.encoder, &fast) {
            return Err(Error::Tokenizer {
                path: cfg.tokenizer.clone(),
                detail: format!("encoder = \"fast\", but the fast encoder does not support {why}"),
            });
        }
        Ok(Tokenize {
            tokenizer: loaded.tokenizer,
            sha256: loaded.sha256,
            bos,
            eos,
            add_special_tokens: cfg.add_special_tokens,
            fast,
        })
    }

    /// SHA-256 of the tokenizer file.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    /// Vocabulary size, added tokens included.
    pub fn vocab_size(&self) -> usize {
        self.tokenizer.get_vocab_size(true)
    }

    /// `fast-bpe` or `tokenizers`: which encoder this stage uses.
    pub fn encoder(&self) -> &'static str {
        if self.fast.is_ok() {
            "fast-bpe"
        } else {
            "tokenizers"
        }
    }

    /// Why the fast encoder is not used, when it is not.
    pub fn fallback_reason(&self) -> Option<&str> {
        self.fast.as_ref().err().map(String::as_str)
    }

    /// Encodes one text into `out` (cleared first).
    ///
    /// # Errors
    /// The tokenizer's own error message (it names no text).
    pub fn encode_into(&self, text: &str, out: &mut Vec<u32>) -> std::result::Result<(), String> {
        self.encode_with(text, out, self.fast.as_ref().ok())
    }

    /// Encodes with the `tokenizers` crate whatever the encoder (the
    /// reference the fast path is compared with).
    ///
    /// # Errors
    /// The tokenizer's own error message.
    pub fn encode_reference(&self, text: &str, out: &mut Vec<u32>) -> std::result::Result<(), String> {
        self.encode_with(text, out, None)
    }

    fn encode_with(&self, text: &str, out: &mut Vec<u32>, fast: Option<&FastPath>) -> std::result::Result<(), String> {
        out.clear();
        out.extend(self.bos);
        match fast {
            Some(f) => {
                out.extend_from_slice(&f.prefix);
                f.bpe.encode(text, out);
                out.extend_from_slice(&f.suffix);
            }
            None => {
                let enc = self.tokenizer.encode_fast(text, self.add_special_tokens).map_err(|e| e.to_string())?;
                out.extend_from_slice(enc.get_ids());
            }
        }
        out.extend(self.eos);
        Ok(())
    }
}

impl Stage for Tokenize {
    fn name(&self) -> &'static str {
        "tokenize"
    }

    fn apply(&self, doc: &mut Document, _scratch: &mut Scratch) -> Outcome {
        let mut ids = std::mem::take(&mut doc.tokens);
        match self.encode_into(&doc.text, &mut ids) {
            Ok(()) => {
                doc.tokens = ids;
                Outcome::Changed
            }
            Err(e) => Outcome::Failed(ErrorKind::TokenizerFailed, e),
        }
    }
}
