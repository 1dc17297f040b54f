//! `train-tokenizer`: a byte-level BPE tokenizer trained with the
//! `tokenizers` crate on a sample in which every language weighs the same.
//!
//! A corpus that is 90 % English would otherwise give a vocabulary that is
//! mostly English, and every other language would pay for it in tokens per
//! word. Training text is sampled per language (the `lang` field, or the
//! input file when there is none) with equal byte budgets; a language with
//! less text than its share gives all it has and the rest of the budget is
//! shared among the others (water-filling). Documents are picked by a hash
//! of their id, so the sample is the same on every run.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

use serde::Serialize;
use tokenizers::decoders::byte_level::ByteLevel as ByteLevelDecoder;
use tokenizers::models::bpe::{BpeTrainerBuilder, BPE};
use tokenizers::normalizers::unicode::NFC;
use tokenizers::pre_tokenizers::byte_level::ByteLevel;
use tokenizers::{AddedToken, Tokenizer, TokenizerBuilder};

use crate::config::InputConfig;
use crate::error::{Error, Result};
use crate::input::{self, FieldSpec, Item};
use crate::stages::{Normalize, NormalizeConfig, Scratch, Stage};

/// Options of `eurocorpus train-tokenizer`.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Input files, folders or globs (any format `run` reads).
    pub inputs: Vec<PathBuf>,
    /// Where to write `tokenizer.json`.
    pub output: PathBuf,
    /// Target vocabulary size (special tokens included).
    pub vocab_size: usize,
    /// Minimum pair frequency for a merge.
    pub min_frequency: u64,
    /// Field holding the text.
    pub text_field: String,
    /// Field holding the language ("" or absent: group by input file).
    pub lang_field: String,
    /// Total bytes of training text to sample.
    pub sample_bytes: u64,
    /// Special tokens, first ids.
    pub special_tokens: Vec<String>,
}

/// One language's share of the training sample.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct GroupShare {
    /// Language (or `file:<source>`).
    pub group: String,
    /// Bytes of text available.
    pub available_bytes: u64,
    /// Bytes taken into the sample.
    pub sampled_bytes: u64,
}

/// What training did.
#[derive(Debug, Clone, Serialize)]
pub struct TrainReport {
    /// Per language, in name order.
    pub groups: Vec<GroupShare>,
    /// Vocabulary size of the result.
    pub vocab_size: usize,
}

/// Splits `budget` bytes evenly among groups of the given sizes; a group
/// smaller than its share keeps its size and frees the rest for the others.
pub fn water_fill(sizes: &[u64], budget: u64) -> Vec<u64> {
    let mut quota = vec![0u64; sizes.len()];
    let mut open: Vec<usize> = (0..sizes.len()).filter(|&i| sizes[i] > 0).collect();
    let mut left = budget;
    while !open.is_empty() && left > 0 {
        let share = (left / open.len() as u64).max(1);
        let (small, big): (Vec<usize>, Vec<usize>) = open.iter().partition(|&&i| sizes[i] <= share);
        if small.is_empty() {
            for &i in &big {
                quota[i] = share;
            }
            break;
        }
        for &i in &small {
            quota[i] = sizes[i];
            left -= sizes[i].min(left);
        }
        open = big;
    }
    quota
}

/// A stable hash for sampling (not for security): FNV-1a, then the
/// murmur3 finaliser, because FNV alone leaves ids that differ only in their
/// last characters (`doc-00012`, `doc-00013`) close together in the top
/// bits, which would make the sample anything but random.
fn stable_hash(s: &str) -> u64 {
    let mut h = s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

struct Sampler {
    files: Vec<input::InputFile>,
    spec: Arc<FieldSpec>,
    by_file: bool,
}

impl Sampler {
    fn group(&self, lang: &str, source: &str) -> String {
        if self.by_file || lang.is_empty() {
            format!("file:{source}")
        } else {
            lang.to_string()
        }
    }

    /// Every good document as (group, id, text), normalised like `run` does.
    fn docs(&self) -> impl Iterator<Item = (String, String, String)> + Send + '_ {
        self.files.iter().flat_map(move |f| {
            let normalize = Normalize::new(NormalizeConfig::default());
            let mut scratch = Scratch::default();
            input::open(f, &self.spec, Arc::new(AtomicU64::new(0))).filter_map(move |item| match item {
                Item::Doc(mut d) => {
                    normalize.apply(&mut d, &mut scratch);
                    (!d.text.is_empty()).then(|| (self.group(&d.lang, &d.source), d.id, d.text))
                }
                Item::Bad(_) => None,
            })
        })
    }
}

/// Trains and saves a tokenizer.
///
/// # Errors
/// Inputs that cannot be found, a training failure, an unwritable output.
pub fn train(opts: &TrainOptions) -> Result<TrainReport> {
    if opts.vocab_size < 300 {
        return Err(Error::Config {
            origin: "command line".into(),
            problems: vec![format!(
                "--vocab-size {} is too small: a byte-level BPE needs at least 256 + special tokens",
                opts.vocab_size
            )],
        });
    }
    let input_cfg = InputConfig {
        paths: opts.inputs.clone(),
        text_field: opts.text_field.clone(),
        lang_field: opts.lang_field.clone(),
        ..InputConfig::default()
    };
    let discovered = input::discover(&input_cfg)?;
    let sampler = Sampler {
        files: discovered.files,
        spec: Arc::new(FieldSpec::from_config(&input_cfg)),
        by_file: opts.lang_field.is_empty(),
    };

    // Pass 1: how much text each language has.
    let mut sizes: BTreeMap<String, u64> = BTreeMap::new();
    for (g, _, text) in sampler.docs() {
        *sizes.entry(g).or_default() += text.len() as u64;
    }
    let names: Vec<String> = sizes.keys().cloned().collect();
    let avail: Vec<u64> = names.iter().map(|n| sizes[n]).collect();
    let quota = water_fill(&avail, opts.sample_bytes);
    let keep_fraction: BTreeMap<String, f64> = names
        .iter()
        .zip(avail.iter().zip(&quota))
        .map(|(n, (&a, &q))| (n.clone(), q as f64 / a.max(1) as f64))
        .collect();

    // Pass 2: the sample, streamed into the trainer.
    let sampled: Arc<std::sync::Mutex<BTreeMap<String, u64>>> = Arc::default();
    let tally = sampled.clone();
    let texts = sampler.docs().filter_map(move |(g, id, text)| {
        let p = keep_fraction.get(&g).copied().unwrap_or(0.0);
        let pick = p >= 1.0 || (stable_hash(&id) as f64 / u64::MAX as f64) < p;
        if pick {
            *tally.lock().expect("tally lock").entry(g).or_default() += text.len() as u64;
        }
        pick.then_some(text)
    });

    let specials: Vec<AddedToken> = opts.special_tokens.iter().map(|t| AddedToken::from(t.clone(), true)).collect();
    let mut trainer = BpeTrainerBuilder::new()
        .vocab_size(opts.vocab_size)
        .min_frequency(opts.min_frequency)
        .special_tokens(specials)
        .initial_alphabet(ByteLevel::alphabet().into_iter().collect::<HashSet<char>>())
        .show_progress(false)
        .build();
    let mut tokenizer = TokenizerBuilder::new()
        .with_model(BPE::default())
        .with_normalizer(Some(NFC))
        .with_pre_tokenizer(Some(ByteLevel::default().add_prefix_space(false)))
        .with_post_processor(Some(ByteLevel::default().add_prefix_space(false).trim_offsets(false)))
        .with_decoder(Some(ByteLevelDecoder::default()))
        .build()
        .map_err(|e| Error::Internal(format!("building the tokenizer: {e}")))?;
    tokenizer
        .train(&mut trainer, texts)
        .map_err(|e| Error::Tokenizer { path: opts.output.clone(), detail: format!("training failed: {e}") })?;
    let tokenizer: Tokenizer = tokenizer.into();
    if let Some(dir) = opts.output.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, "create the folder", e))?;
    }
    let json = tokenizer
        .to_string(false)
        .map_err(|e| Error::Tokenizer { path: opts.output.clone(), detail: format!("cannot serialise: {e}") })?;
    crate::manifest::write_atomic(&opts.output, json.as_bytes())?;
    let sampled = sampled.lock().expect("tally lock").clone();
    Ok(TrainReport {
        groups: names
            .iter()
            .zip(&avail)
            .map(|(n, &a)| GroupShare {
                group: n.clone(),
                available_bytes: a,
                sampled_bytes: sampled.get(n).copied().unwrap_or(0),
            })
            .collect(),
        vocab_size: tokenizer.get_vocab_size(true),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sampling_hash_spreads_sequential_ids() {
        let below =
            (0..10_000).filter(|i| (stable_hash(&format!("doc-{i:05}")) as f64 / u64::MAX as f64) < 0.25).count();
        assert!((2_300..2_700).contains(&below), "{below}");
    }

    #[test]
    fn water_fill_is_even_and_never_exceeds_what_exists() {
        assert_eq!(water_fill(&[900, 50, 50], 300), vec![200, 50, 50]);
        assert_eq!(water_fill(&[900, 100, 100], 300), vec![100, 100, 100]);
        assert_eq!(water_fill(&[10, 20], 1000), vec![10, 20]);
        assert_eq!(water_fill(&[], 1000), Vec::<u64>::new());
        assert_eq!(water_fill(&[0, 500], 100), vec![0, 100]);
    }
}
