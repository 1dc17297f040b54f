//! eurocorpus turns raw European-language text corpora into training-ready,
//! tokenized, sharded Parquet in one streaming, parallel pass.
//!
//! The pieces, in the order data flows through them:
//! - [`config`]: the pipeline, as plain serde structs mirroring the TOML;
//! - [`input`]: finding input files and streaming their records
//!   (JSONL, Parquet, plain text, Common Crawl WET; gzip and zstd);
//! - [`stages`]: per-document steps behind the [`stages::Stage`] trait
//!   (`normalize`, `tokenize`, …);
//! - [`exec`]: the runner (lanes over inputs, a rayon pool over documents,
//!   completion records for resuming);
//! - [`output`]: Parquet shards, written atomically;
//! - [`stats`] and [`manifest`]: the accounting and the description of an
//!   output folder;
//! - [`inspect`] and [`train`]: the `inspect` and `train-tokenizer` commands.

pub mod audit;
pub mod bpe;
pub mod config;
pub mod dedup;
pub mod doc;
pub mod erase;
pub mod error;
pub mod exec;
pub mod index;
pub mod input;
pub mod inspect;
pub mod langid;
pub mod ledger;
pub mod manifest;
pub mod marker;
pub mod output;
pub mod pii;
pub mod plan;
pub mod progress;
pub mod quality;
pub mod rng;
pub mod signals;
pub mod slurm;
pub mod stages;
pub mod stats;
pub mod summary;
pub mod tokenize_bench;
pub mod trace;
pub mod train;
pub mod training;

pub use config::PipelineConfig;
pub use doc::Document;
pub use error::{Error, Result};
