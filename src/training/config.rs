//! The `[training]` section: how a finished dataset becomes training-ready
//! files (split, mix, shuffle, pack, formats). Plain serde structs that
//! mirror the TOML; `validate` reports every problem at once.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// `[training]`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct TrainingConfig {
    /// Output folder; empty: `training/` inside the dataset folder.
    pub path: PathBuf,
    /// Seed of the shuffle and of the down-/up-sampling choices.
    pub seed: u64,
    /// Files per split (one Parquet file, one Megatron pair each); 0: as
    /// many as `bucket_bytes` asks for.
    pub files: u32,
    /// Bytes of documents one output file is made from in memory (bounds
    /// the memory of a task of the gather phase).
    pub bucket_bytes: u64,
    /// What to write: `parquet`, `megatron` (both by default when the
    /// dataset is tokenized).
    pub formats: Vec<Format>,
    /// Token id appended to every document, for datasets whose tokenize
    /// stage appended none (required then to pack or write Megatron files,
    /// so documents stay apart); an error when it did.
    pub eos_id: Option<u32>,
    /// Train split: a document counts as many times as its duplicate
    /// cluster had members (`dup_cluster_size`, kept by `minhash_dedup`
    /// with `keep_cluster_size`), before mixing — content the web repeats
    /// weighs more, without keeping the duplicates themselves.
    pub cluster_weight: bool,
    /// Train/validation split.
    pub split: SplitConfig,
    /// Sequence packing (Parquet output); absent: one row per document.
    pub pack: Option<PackConfig>,
    /// Language mixing (train split); absent: the natural distribution.
    pub mix: Option<MixConfig>,
    /// Parquet zstd level.
    pub compression_level: i32,
    /// Rows per Parquet row group.
    pub row_group_rows: usize,
}

impl Default for TrainingConfig {
    fn default() -> Self {
        TrainingConfig {
            path: PathBuf::new(),
            seed: 0,
            files: 0,
            bucket_bytes: 512 << 20,
            formats: vec![Format::Parquet, Format::Megatron],
            eos_id: None,
            cluster_weight: false,
            split: SplitConfig::default(),
            pack: None,
            mix: None,
            compression_level: 3,
            row_group_rows: 1024,
        }
    }
}

/// An output format of the training folder.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// `data/part-NNNNN.parquet`.
    Parquet,
    /// `megatron/part-NNNNN.bin` + `.idx` (Megatron-LM / NeMo `MMIDIDX`).
    Megatron,
}

/// `[training.split]`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct SplitConfig {
    /// Fraction of documents in the validation split (0: no validation).
    pub validation: f64,
    /// Salt of the document hash that decides the split. Independent of
    /// the shuffle seed, so reshuffling never moves a document between
    /// splits; the hash is of the document id, so the split of existing
    /// documents does not change when the corpus grows.
    pub seed: u64,
}

impl Default for SplitConfig {
    fn default() -> Self {
        SplitConfig { validation: 0.0, seed: 0 }
    }
}

/// `[training.pack]`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct PackConfig {
    /// Tokens per row.
    pub seq_len: u32,
    /// The last, partial row of each file: `drop` it or `pad` it.
    pub last: LastRow,
    /// Token id of the padding (required with `last = "pad"`).
    pub pad_id: Option<u32>,
    /// Also write `position_ids` (restarting at 0 at each document), as
    /// HF `transformers`' flattening collator expects.
    pub position_ids: bool,
}

impl Default for PackConfig {
    fn default() -> Self {
        PackConfig { seq_len: 2048, last: LastRow::Drop, pad_id: None, position_ids: false }
    }
}

/// What becomes of the last partial row of a packed file.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum LastRow {
    /// Dropped (its tokens are counted as dropped).
    #[default]
    Drop,
    /// Padded with `pad_id` to `seq_len` (padding counted).
    Pad,
}

/// `[training.mix]`: target shares of the train split's tokens per
/// language, either given (`shares`) or by temperature (`temperature`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields, default)]
pub struct MixConfig {
    /// Share of tokens per language code. Languages not listed share what
    /// is left in proportion to their size; none is left when the shares
    /// sum to 1 (the others are then dropped).
    pub shares: BTreeMap<String, f64>,
    /// Temperature sampling: share ∝ size^alpha (1: natural, 0: uniform).
    pub temperature: Option<f64>,
    /// Tokens of the mixed train split; 0: as many as the train split has.
    pub total_tokens: u64,
}

impl TrainingConfig {
    /// Every problem with the section, as phrases, for a dataset with or
    /// without token ids, whose documents end with an EOS or not.
    pub fn problems(&self, tokenized: bool, has_eos: bool) -> Vec<String> {
        let mut p = Vec::new();
        let joined = self.pack.is_some() || self.formats.contains(&Format::Megatron);
        if tokenized && joined && !has_eos && self.eos_id.is_none() {
            p.push(
                "the dataset's documents end with no EOS token (its tokenize stage has no `eos`): set training.eos_id \
                 so packed and Megatron documents stay apart"
                    .into(),
            );
        }
        if has_eos && self.eos_id.is_some() {
            p.push(
                "training.eos_id is set, but the dataset's documents already end with the tokenize stage's `eos`"
                    .into(),
            );
        }
        if !(0.0..1.0).contains(&self.split.validation) {
            p.push(format!("training.split.validation = {} is outside [0, 1)", self.split.validation));
        }
        if self.formats.is_empty() {
            p.push("training.formats is empty: name `parquet`, `megatron` or both".into());
        }
        if self.bucket_bytes < 1 << 20 {
            p.push(format!("training.bucket_bytes = {} is below 1 MiB", self.bucket_bytes));
        }
        if !(1..=22).contains(&self.compression_level) {
            p.push(format!("training.compression_level = {} is outside 1..=22", self.compression_level));
        }
        if self.row_group_rows == 0 {
            p.push("training.row_group_rows must be > 0".into());
        }
        if !tokenized {
            if self.formats.contains(&Format::Megatron) {
                p.push("training.formats has `megatron`, but the dataset has no token ids (add a tokenize stage, or set formats = [\"parquet\"])".into());
            }
            if self.pack.is_some() {
                p.push("training.pack needs token ids, but the dataset has none (add a tokenize stage)".into());
            }
        }
        if let Some(pk) = &self.pack {
            if pk.seq_len == 0 {
                p.push("training.pack.seq_len must be > 0".into());
            }
            if pk.last == LastRow::Pad && pk.pad_id.is_none() {
                p.push("training.pack.last = \"pad\" needs training.pack.pad_id".into());
            }
        }
        if let Some(m) = &self.mix {
            match (m.shares.is_empty(), m.temperature) {
                (true, None) => p.push("training.mix needs `shares` or `temperature`".into()),
                (false, Some(_)) => p.push("training.mix: give `shares` or `temperature`, not both".into()),
                (_, Some(t)) if !(0.0..=1.0).contains(&t) => {
                    p.push(format!("training.mix.temperature = {t} is outside [0, 1]"))
                }
                _ => {}
            }
            let sum: f64 = m.shares.values().sum();
            if m.shares.values().any(|&s| !(0.0..=1.0).contains(&s)) || sum > 1.0 + 1e-9 {
                p.push(format!("training.mix.shares must each be in [0, 1] and sum to at most 1 (they sum to {sum})"));
            }
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_reports_every_problem() {
        let c: TrainingConfig = toml::from_str(
            "seed = 7\nformats = ['megatron']\n[split]\nvalidation = 1.5\n[pack]\nseq_len = 0\nlast = 'pad'\n\
             [mix]\nshares = { de = 0.7, fr = 0.6 }\n",
        )
        .unwrap();
        assert_eq!(c.seed, 7);
        let p = c.problems(false, false);
        assert_eq!(p.len(), 6, "{p:#?}");
        assert!(p.iter().any(|s| s.contains("sum to 1.2999")), "{p:#?}");
        assert!(toml::from_str::<TrainingConfig>("shufle = true").is_err());
        assert!(TrainingConfig::default().problems(true, true).is_empty());
        // Packing documents that carry no EOS needs one.
        let p = TrainingConfig::default().problems(true, false);
        assert!(p.len() == 1 && p[0].contains("set training.eos_id"), "{p:?}");
        let c = TrainingConfig { eos_id: Some(2), ..Default::default() };
        assert!(c.problems(true, false).is_empty());
        assert!(c.problems(true, true)[0].contains("already end with"));
    }
}
