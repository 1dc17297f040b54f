//! `tokenize`: token ids from any HuggingFace `tokenizer.json`.
//!
//! Documents are encoded whole: the file's own truncation and padding
//! settings are switched off, so a long document is never cut short (a
//! `tokenizer.json` saved with `truncation.max_length = 512` would otherwise
//! silently drop the rest). Memory for one document is transient and bounded
//! by `input.max_document_bytes`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tokenizers::Tokenizer;

use super::{Outcome, Scratch, Stage};
use crate::doc::Document;
use crate::error::{Error, ErrorKind, Result};

/// Options of the `tokenize` stage.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
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
}

impl Tokenize {
    /// Loads the tokenizer and resolves `bos`/`eos`.
    ///
    /// # Errors
    /// The tokenizer cannot be loaded, or a configured token is not in its
    /// vocabulary.
    pub fn new(cfg: &TokenizeConfig) -> Result<Self> {
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
        Ok(Tokenize {
            tokenizer: loaded.tokenizer,
            sha256: loaded.sha256,
            bos,
            eos,
            add_special_tokens: cfg.add_special_tokens,
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

    /// Encodes one text into `out` (cleared first).
    ///
    /// # Errors
    /// The tokenizer's own error message (it names no text).
    pub fn encode_into(&self, text: &str, out: &mut Vec<u32>) -> std::result::Result<(), String> {
        let enc = self.tokenizer.encode_fast(text, self.add_special_tokens).map_err(|e| e.to_string())?;
        out.clear();
        out.reserve(enc.len() + 2);
        out.extend(self.bos);
        out.extend_from_slice(enc.get_ids());
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
