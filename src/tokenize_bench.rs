//! `tokenize-bench`: the fast encoder against the `tokenizers` crate on the
//! same documents, on one core: throughput of each, their ratio, and the
//! documents whose ids differ (which must be none).

use std::path::PathBuf;
use std::time::Instant;

use serde::Serialize;

use crate::config::InputConfig;
use crate::doc::Document;
use crate::error::Result;
use crate::input::{self, Item};
use crate::stages::{Tokenize, TokenizeConfig};

/// What to compare on what.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    /// The `tokenizer.json`.
    pub tokenizer: PathBuf,
    /// Input files, folders or globs (any format `run` reads).
    pub inputs: Vec<PathBuf>,
    /// Field or column holding the text.
    pub text_field: String,
    /// Stop after this many bytes of text (0: all).
    pub limit_bytes: u64,
    /// The fast path's per-thread cache, in words.
    pub cache_words: usize,
}

/// The first document whose ids differ: its id and the first differing
/// token index (never its text).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Difference {
    /// Document id.
    pub id: String,
    /// Index of the first differing id (or the shorter length).
    pub token: usize,
}

/// The measurements of one run.
#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    /// `fast-bpe`, or `tokenizers` when the fast path does not support the file.
    pub encoder: String,
    /// Why the fast path is not used, if it is not.
    pub fallback_reason: Option<String>,
    /// Documents compared.
    pub documents: u64,
    /// Bytes of text compared.
    pub bytes: u64,
    /// Ids from the `tokenizers` crate.
    pub tokens: u64,
    /// CPU-seconds (one thread) of the `tokenizers` crate.
    pub reference_seconds: f64,
    /// CPU-seconds (one thread) of the fast path.
    pub fast_seconds: f64,
    /// Records of the input that were not documents (skipped).
    pub bad_records: u64,
    /// Documents whose ids differ.
    pub differing: u64,
    /// The first of them.
    pub first_difference: Option<Difference>,
}

impl BenchReport {
    /// MB (10⁶ bytes) of text per second of the `tokenizers` crate.
    pub fn reference_mb_s(&self) -> f64 {
        mb_s(self.bytes, self.reference_seconds)
    }

    /// MB of text per second of the fast path.
    pub fn fast_mb_s(&self) -> f64 {
        mb_s(self.bytes, self.fast_seconds)
    }

    /// Fast path ÷ `tokenizers`.
    pub fn ratio(&self) -> f64 {
        self.reference_seconds / self.fast_seconds.max(1e-12)
    }

    /// The report as a small table.
    pub fn render(&self, tokenizer: &str) -> String {
        let mut s = format!("tokenizer      {tokenizer}\n");
        if let Some(why) = &self.fallback_reason {
            s += &format!("fast encoder   not available: {why}\n");
        }
        s += &format!(
            "documents      {} ({:.1} MB of text, {} tokens; {} bad records skipped), one thread\n",
            self.documents,
            self.bytes as f64 / 1e6,
            self.tokens,
            self.bad_records
        );
        s += &format!("tokenizers     {:>8.2} MB/s\n", self.reference_mb_s());
        s += &format!("{:<14} {:>8.2} MB/s\n", self.encoder, self.fast_mb_s());
        s += &format!("ratio          {:>8.2}\n", self.ratio());
        s += &format!("differing      {} documents", self.differing);
        if let Some(d) = &self.first_difference {
            s += &format!(" (first: id {}, token {})", d.id, d.token);
        }
        s + "\n"
    }
}

fn mb_s(bytes: u64, secs: f64) -> f64 {
    bytes as f64 / 1e6 / secs.max(1e-12)
}

/// Encodes every document of the inputs with both encoders, timing each.
///
/// # Errors
/// The tokenizer cannot be loaded or the inputs cannot be found.
pub fn run(opts: &BenchOptions) -> Result<BenchReport> {
    let cfg = TokenizeConfig { tokenizer: opts.tokenizer.clone(), cache_words: opts.cache_words, ..Default::default() };
    let tok = Tokenize::quiet(&cfg)?;
    let fallback_reason = tok.fallback_reason().map(str::to_string);
    let input_cfg =
        InputConfig { paths: opts.inputs.clone(), text_field: opts.text_field.clone(), ..Default::default() };
    let mut r = BenchReport {
        encoder: tok.encoder().to_string(),
        fallback_reason,
        documents: 0,
        bytes: 0,
        tokens: 0,
        reference_seconds: 0.0,
        fast_seconds: 0.0,
        bad_records: 0,
        differing: 0,
        first_difference: None,
    };
    let mut chunk = Vec::new();
    let mut chunk_bytes = 0;
    for item in input::items(&input_cfg)? {
        let doc = match item {
            Item::Doc(d) => d,
            Item::Bad(_) => {
                r.bad_records += 1;
                continue;
            }
        };
        chunk_bytes += doc.text.len();
        r.bytes += doc.text.len() as u64;
        chunk.push(doc);
        if chunk_bytes >= CHUNK_BYTES {
            compare(&tok, &mut chunk, &mut r);
            chunk_bytes = 0;
        }
        if opts.limit_bytes > 0 && r.bytes >= opts.limit_bytes {
            break;
        }
    }
    compare(&tok, &mut chunk, &mut r);
    Ok(r)
}

/// Text compared per round: each encoder runs over a whole chunk in turn,
/// so neither is timed with the other's data in the CPU caches.
const CHUNK_BYTES: usize = 16 << 20;

/// Encodes `chunk` with the fast path, then with `tokenizers`, adds the
/// times and the differences to `r`, and empties `chunk`.
fn compare(tok: &Tokenize, chunk: &mut Vec<Document>, r: &mut BenchReport) {
    let (fast, fast_secs) = encode_all(chunk, |text, ids| tok.encode_into(text, ids));
    let (reference, reference_secs) = encode_all(chunk, |text, ids| tok.encode_reference(text, ids));
    r.fast_seconds += fast_secs;
    r.reference_seconds += reference_secs;
    for (i, doc) in chunk.iter().enumerate() {
        let (got, want) = (fast.get(i), reference.get(i));
        r.documents += 1;
        r.tokens += want.map_or(0, <[u32]>::len) as u64;
        if got.is_none() || want.is_none() || got != want {
            r.differing += 1;
            if r.first_difference.is_none() {
                let (got, want) = (got.unwrap_or_default(), want.unwrap_or_default());
                let token = got.iter().zip(want).take_while(|(x, y)| x == y).count();
                r.first_difference = Some(Difference { id: doc.id.clone(), token });
            }
        }
    }
    chunk.clear();
}

/// The ids of every document of `docs` in one flat buffer (a failed
/// encoding is `None`), and the seconds it took.
fn encode_all(
    docs: &[Document],
    encode: impl Fn(&str, &mut Vec<u32>) -> std::result::Result<(), String>,
) -> (Encoded, f64) {
    let mut e = Encoded::default();
    let mut one = Vec::new();
    let t = Instant::now();
    for doc in docs {
        let ok = encode(&doc.text, &mut one).is_ok();
        e.ids.extend_from_slice(&one);
        e.ends.push((e.ids.len(), ok));
    }
    (e, t.elapsed().as_secs_f64())
}

/// Ids of many documents: `ends[i]` closes document `i`'s range.
#[derive(Default)]
struct Encoded {
    ids: Vec<u32>,
    ends: Vec<(usize, bool)>,
}

impl Encoded {
    /// Document `i`'s ids, `None` when its encoding failed.
    fn get(&self, i: usize) -> Option<&[u32]> {
        let start = if i == 0 { 0 } else { self.ends[i - 1].0 };
        let (end, ok) = self.ends[i];
        ok.then(|| &self.ids[start..end])
    }
}
