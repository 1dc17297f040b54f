//! Training-ready outputs from a finished dataset: a train/validation split
//! by document hash, language mixing, a global shuffle, sequence packing,
//! and Parquet and Megatron (`.bin`/`.idx`) files — in bounded memory,
//! locally or as job-array phases.
//!
//! Four phases, each a set of units with completion markers (as the run's
//! phases in [`crate::plan`]):
//! 1. `census` (one unit per dataset shard): each language's documents and
//!    tokens per split, and a token histogram over the mixing hash;
//! 2. `scatter` (per shard): every copy of every document gets a random
//!    shuffle key; the shard's copies are written sorted by key, with the
//!    offsets of each bucket (a key range) in a footer;
//! 3. `gather` (one unit per output file): a bucket of every scatter file,
//!    sorted by key, packed, written as `part-NNNNN.parquet` and a Megatron
//!    pair. Buckets are key ranges, so the files in order are the whole
//!    split in key order: one uniform permutation, whatever the task count;
//! 4. `publish`: each split's `manifest.json` and `training.json`.
//!
//! Memory: a scatter task holds one shard's copies; a gather task one
//! bucket (`bucket_bytes`); neither grows with the dataset.

pub mod config;
pub mod megatron;
pub mod mix;
pub mod pack;
pub mod spill;

use std::collections::BTreeMap;
use std::fmt;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Instant;

use arrow_array::builder::{ListBuilder, StringBuilder, UInt32Builder};
use arrow_array::cast::AsArray;
use arrow_array::types::{UInt32Type, UInt64Type};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ProjectionMask;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use xxhash_rust::xxh3::xxh3_64_with_seed;

pub use config::TrainingConfig;
use config::{Format, PackConfig};
use mix::{Histogram, Rate};
use spill::{Entry, Payload};

use crate::config::{Compression, OutputConfig};
use crate::error::{Error, Result};
use crate::exec::PhaseProgress;
use crate::manifest::{file_sha256, to_json, write_atomic, ColumnEntry, Manifest, TokenizerEntry, Totals, STATE_DIR};
use crate::marker;
use crate::output::{writer_properties, AtomicParquet, ShardInfo, DATA_DIR};
use crate::plan::{Phase, TaskSel};
use crate::stages::hex;

/// The default output folder inside a dataset.
pub const TRAINING_DIR: &str = "training";

/// The splits, in order.
pub const SPLITS: [&str; 2] = ["train", "validation"];

/// Salts that keep the document hashes of different decisions independent.
const SPLIT_SALT: u64 = 0x5350_4c49_5400_0000;
const MIX_SALT: u64 = 0x4d49_5800_0000_0000;
const COPY_STEP: u64 = 0x9E37_79B9_7F4A_7C15;

/// A phase of `prepare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TrainPhase {
    /// Sizes and histograms per shard.
    Census,
    /// Shuffle keys and scatter files per shard.
    Scatter,
    /// One output file per unit.
    Gather,
    /// Manifests and statistics.
    Publish,
}

impl TrainPhase {
    /// Every phase, in order.
    pub const ALL: [TrainPhase; 4] = [TrainPhase::Census, TrainPhase::Scatter, TrainPhase::Gather, TrainPhase::Publish];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            TrainPhase::Census => "census",
            TrainPhase::Scatter => "scatter",
            TrainPhase::Gather => "gather",
            TrainPhase::Publish => "publish",
        }
    }
}

impl fmt::Display for TrainPhase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for TrainPhase {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        TrainPhase::ALL
            .into_iter()
            .find(|p| p.name() == s)
            .ok_or_else(|| format!("unknown phase `{s}`; the phases of prepare are census, scatter, gather, publish"))
    }
}

/// How `prepare` runs.
#[derive(Debug, Clone, Default)]
pub struct PrepareOptions {
    /// Output folder (overrides `training.path`).
    pub out: Option<PathBuf>,
    /// Worker threads (0: all cores, or `SLURM_CPUS_PER_TASK`).
    pub threads: usize,
    /// No progress lines.
    pub quiet: bool,
    /// One task's share of one phase; `None`: every phase, here.
    pub only: Option<(TrainPhase, TaskSel)>,
    /// Write into a non-empty folder that holds no training files.
    pub force: bool,
}

/// The finished dataset `prepare` reads.
struct Dataset {
    dir: PathBuf,
    manifest: Manifest,
    manifest_sha256: String,
    tokenized: bool,
    lang_column: bool,
    /// The tokenize stage appended an EOS to every document.
    has_eos: bool,
    /// Duplicate clusters' sizes are in `dup_cluster_size`.
    clusters: bool,
}

impl Dataset {
    fn open(dir: &Path) -> Result<Self> {
        if !dir.join("manifest.json").is_file() {
            return Err(Error::Incomplete {
                phase: "census",
                problems: vec![format!(
                    "{} has no manifest.json: the pipeline has not finished (run it, or its `finish` phase)",
                    dir.display()
                )],
            });
        }
        let manifest = Manifest::load(dir)?;
        let path = dir.join("manifest.json");
        let manifest_sha256 = file_sha256(&path).map_err(|e| Error::io(&path, "read", e))?;
        let has = |c: &str| manifest.schema.iter().any(|e| e.name == c);
        if !has("input_ids") && !has("text") {
            return Err(Error::Output {
                path: dir.to_path_buf(),
                detail: "holds neither token ids nor text to prepare for training".into(),
            });
        }
        let has_eos = manifest.config["stages"].as_array().is_some_and(|stages| {
            stages.iter().any(|st| st["type"] == "tokenize" && st["eos"].as_str().is_some_and(|e| !e.is_empty()))
        });
        Ok(Dataset {
            has_eos,
            clusters: has("dup_cluster_size"),
            dir: dir.to_path_buf(),
            tokenized: has("input_ids"),
            lang_column: has("lang"),
            manifest_sha256,
            manifest,
        })
    }

    fn shard_path(&self, i: usize) -> PathBuf {
        self.dir.join(&self.manifest.shards[i].path)
    }

    /// The language of a shard's rows when partitioned by language.
    fn shard_lang(&self, i: usize) -> String {
        let p = &self.manifest.shards[i].path;
        p.split('/')
            .find_map(|seg| seg.strip_prefix("lang="))
            .map(|v| if v == "__HIVE_DEFAULT_PARTITION__" { String::new() } else { v.to_string() })
            .unwrap_or_default()
    }

    /// Reads shard `i`: `(row, id, lang, payload or only its weight, how
    /// many documents it stands for)` per row. It stands for its duplicate
    /// cluster's size with `cluster_weight`, else for itself.
    fn read(
        &self,
        i: usize,
        payload: bool,
        cluster_weight: bool,
        mut f: impl FnMut(u32, &str, &str, Row<'_>, u32) -> Result<()>,
    ) -> Result<()> {
        let path = self.shard_path(i);
        let bad = |e: &dyn fmt::Display| Error::Parquet { path: path.clone(), detail: e.to_string() };
        let file = File::open(&path).map_err(|e| Error::io(&path, "open", e))?;
        let b = ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| bad(&e))?;
        let body = match (self.tokenized, payload) {
            (true, true) => "input_ids",
            (true, false) => "num_tokens",
            (false, _) => "text",
        };
        let mut names = vec!["id", body];
        if self.lang_column {
            names.push("lang");
        }
        if cluster_weight {
            names.push("dup_cluster_size");
        }
        let mut cols = Vec::new();
        for n in &names {
            cols.push(b.schema().index_of(n).map_err(|_| bad(&format!("has no `{n}` column")))?);
        }
        let mask = ProjectionMask::roots(b.parquet_schema(), cols);
        let reader = b.with_projection(mask).with_batch_size(4096).build().map_err(|e| bad(&e))?;
        let part_lang = self.shard_lang(i);
        let mut row = 0u32;
        for batch in reader {
            let batch = batch.map_err(|e| bad(&e))?;
            let col = |n: &str| batch.column_by_name(n).ok_or_else(|| bad(&format!("has no `{n}` column")));
            let ids = col("id")?.as_string_opt::<i32>().ok_or_else(|| bad(&"`id` is not a string column"))?;
            let langs = if self.lang_column { col("lang")?.as_string_opt::<i32>() } else { None };
            let body = col(body)?;
            let clusters = if cluster_weight {
                Some(
                    col("dup_cluster_size")?
                        .as_primitive_opt::<UInt64Type>()
                        .ok_or_else(|| bad(&"`dup_cluster_size` is not uint64"))?,
                )
            } else {
                None
            };
            for r in 0..batch.num_rows() {
                let lang = langs.map_or(part_lang.as_str(), |l| l.value(r));
                let item = match (self.tokenized, payload) {
                    (true, true) => Row::Ids(body.as_list::<i32>().value(r)),
                    (true, false) => Row::Weight(u64::from(body.as_primitive::<UInt32Type>().value(r))),
                    (false, true) => Row::Text(body.as_string::<i32>().value(r)),
                    (false, false) => Row::Weight(body.as_string::<i32>().value(r).len() as u64),
                };
                let stands_for = clusters.map_or(1, |c| c.value(r).clamp(1, u64::from(u32::MAX)) as u32);
                f(row, ids.value(r), lang, item, stands_for)?;
                row += 1;
            }
        }
        Ok(())
    }
}

/// One row as read.
enum Row<'a> {
    Ids(ArrayRef),
    Text(&'a str),
    Weight(u64),
}

/// Per language and split: what the census found.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
struct LangCensus {
    docs: u64,
    /// Tokens (or bytes of text).
    weight: u64,
    /// Bytes a copy of these documents takes in a scatter file.
    bytes: u64,
    /// Train split only: weight over the mixing hash.
    #[serde(default, skip_serializing_if = "is_empty_hist")]
    hist: Histogram,
}

fn is_empty_hist(h: &Histogram) -> bool {
    h.0.is_empty()
}

type Census = [BTreeMap<String, LangCensus>; 2];

/// What every scatter and gather task derives from the census.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
struct Layout {
    /// Per split and language: the census totals (histograms dropped).
    census: [BTreeMap<String, LangCensus>; 2],
    /// Per split and language: the rate applied.
    rates: [BTreeMap<String, Rate>; 2],
    /// Output files per split.
    buckets: [u32; 2],
}

/// One scatter unit's accounting.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
struct ScatterReport {
    /// Rows read.
    documents: u64,
    /// Per split: documents in it, copies written, documents dropped by mixing.
    splits: [SplitCount; 2],
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
struct SplitCount {
    documents: u64,
    copies: u64,
    dropped: u64,
}

/// One gather unit's output.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
struct GatherReport {
    parquet: Vec<ShardInfo>,
    megatron: Vec<ShardInfo>,
    /// Document copies written.
    documents: u64,
    /// Their tokens (or bytes of text).
    weight: u64,
    /// Per language: copies and weight.
    langs: BTreeMap<String, [u64; 2]>,
    /// Packed rows, padding added and tokens of dropped last rows.
    rows: u64,
    padding: u64,
    dropped_tokens: u64,
}

/// `training.json`: what `prepare` did, reconciled.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TrainingStats {
    /// The dataset read.
    pub dataset: String,
    /// SHA-256 of its `manifest.json`.
    pub dataset_manifest_sha256: String,
    /// Documents in the dataset.
    pub documents_in: u64,
    /// Per split.
    pub splits: BTreeMap<String, SplitStats>,
}

/// One split in `training.json`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SplitStats {
    /// Documents of the dataset in this split.
    pub documents: u64,
    /// Documents dropped by down-sampling (rate < 1).
    pub dropped_by_mix: u64,
    /// Copies written (documents once, plus repeats).
    pub copies_written: u64,
    /// Copies beyond the first (up-sampling).
    pub repeats: u64,
    /// Tokens (or text bytes) written.
    pub weight_written: u64,
    /// Files of each format.
    pub files: u64,
    /// Packed rows (0 without packing).
    pub rows: u64,
    /// Padding tokens added to last rows.
    pub padding_tokens: u64,
    /// Tokens of last rows dropped.
    pub dropped_tokens: u64,
    /// Per language.
    pub languages: BTreeMap<String, LangStats>,
}

/// One language of a split in `training.json`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct LangStats {
    /// Documents in the dataset.
    pub documents_in: u64,
    /// Tokens (or text bytes) in the dataset.
    pub weight_in: u64,
    /// The rate asked for (share × total / size).
    pub rate: f64,
    /// Copies written.
    pub copies: u64,
    /// Tokens (or text bytes) written.
    pub weight_out: u64,
    /// Share of the split's written weight.
    pub share: f64,
}

/// A split's `manifest.json`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SplitManifest {
    /// Always "eurocorpus".
    pub tool: String,
    /// Version.
    pub version: String,
    /// `train` or `validation`.
    pub split: String,
    /// The dataset it was made from.
    pub dataset: String,
    /// SHA-256 of that dataset's `manifest.json`.
    pub dataset_manifest_sha256: String,
    /// The `[training]` section used.
    pub config: serde_json::Value,
    /// The tokenizer of the dataset.
    pub tokenizer: Option<TokenizerEntry>,
    /// `documents` (a row per document) or `packed` (rows of `seq_len`).
    pub mode: String,
    /// Tokens per packed row.
    pub seq_len: Option<u32>,
    /// Columns of the Parquet files.
    pub schema: Vec<ColumnEntry>,
    /// Token type of the Megatron files.
    pub megatron_dtype: Option<String>,
    /// Totals over the Parquet files (documents: copies; tokens: written).
    pub totals: Totals,
    /// Per language: the rate applied, copies and tokens written, share.
    pub languages: BTreeMap<String, LangStats>,
    /// Parquet files, in order.
    pub parquet: Vec<ShardInfo>,
    /// Megatron `.bin` and `.idx` files, in order.
    pub megatron: Vec<ShardInfo>,
}

/// What a `prepare` call did.
#[derive(Debug)]
pub struct PrepareReport {
    /// Output folder.
    pub out: PathBuf,
    /// Phase run (all when a whole prepare).
    pub phase: Option<TrainPhase>,
    /// Units done now and found done before.
    pub units: usize,
    /// Units skipped because an earlier run finished them.
    pub done_before: usize,
    /// The statistics, once published.
    pub stats: Option<TrainingStats>,
    /// Wall time.
    pub elapsed: std::time::Duration,
}

struct Ctx<'a> {
    ds: Dataset,
    cfg: &'a TrainingConfig,
    /// `cfg` as recorded in the manifests and the fingerprint.
    config: serde_json::Value,
    out: PathBuf,
    work: PathBuf,
    fp: String,
    pool: rayon::ThreadPool,
    quiet: bool,
}

/// The output folder of `cfg` for the dataset in `dataset`.
pub fn out_dir(dataset: &Path, cfg: &TrainingConfig, over: Option<&Path>) -> PathBuf {
    match over {
        Some(p) => p.to_path_buf(),
        None if cfg.path.as_os_str().is_empty() => dataset.join(TRAINING_DIR),
        None => cfg.path.clone(),
    }
}

/// The training folder must be new, empty or an earlier `prepare`'s (it
/// removes files it no longer makes): a foreign non-empty folder needs
/// `force`, and the dataset's own folders are never written into.
fn check_out(out: &Path, dataset: &Path, force: bool) -> Result<()> {
    let refuse = |detail: String| Err(Error::Output { path: out.to_path_buf(), detail });
    let abs = |p: &Path| p.canonicalize().or_else(|_| std::path::absolute(p));
    if let (Ok(o), Ok(d)) = (abs(out), abs(dataset)) {
        if o == d || [crate::output::DATA_DIR, crate::output::OTHER_DIR].iter().any(|sub| o.starts_with(d.join(sub))) {
            return refuse("is the dataset or holds its shards; write the training files elsewhere".into());
        }
    }
    let Ok(entries) = std::fs::read_dir(out) else { return Ok(()) };
    // Judged from one listing: the tasks of a phase start together, and
    // the first creates the state folder before anything else.
    let names: Vec<std::ffi::OsString> = entries.filter_map(|e| e.ok().map(|e| e.file_name())).collect();
    let ours = names.iter().any(|n| n == STATE_DIR || n == "training.json");
    if !names.is_empty() && !ours && !force {
        return refuse("is not empty and holds no training files; choose a new folder or pass --force".into());
    }
    Ok(())
}

/// Makes the training files of the dataset in `dataset`.
///
/// # Errors
/// An invalid section, a dataset that is not a eurocorpus output, an
/// unfinished earlier phase (named, with the task to rerun), or I/O.
pub fn prepare(dataset: &Path, cfg: &TrainingConfig, opts: &PrepareOptions) -> Result<PrepareReport> {
    let started = Instant::now();
    let ctx = Ctx::new(dataset, cfg, opts.out.as_deref(), opts.threads, opts.quiet)?;
    let out = ctx.out.clone();
    check_out(&out, &ctx.ds.dir, opts.force)?;
    for d in ["census", "scatter", "gather"] {
        let p = ctx.work.join(d);
        std::fs::create_dir_all(&p).map_err(|e| Error::io(&p, "create the folder", e))?;
    }
    let phases: Vec<(TrainPhase, TaskSel)> = match opts.only {
        Some(one) => vec![one],
        None => TrainPhase::ALL.iter().map(|&p| (p, TaskSel::ALL)).collect(),
    };
    let (mut units, mut done_before, mut stats) = (0, 0, None);
    for (phase, task) in phases {
        let t = Instant::now();
        let (n, before) = match phase {
            TrainPhase::Census => census(&ctx, task)?,
            TrainPhase::Scatter => scatter(&ctx, task)?,
            TrainPhase::Gather => gather(&ctx, task)?,
            TrainPhase::Publish if task.index == 0 => {
                stats = Some(publish(&ctx)?);
                (1, 0)
            }
            TrainPhase::Publish => (0, 0),
        };
        if !ctx.quiet {
            eprintln!("prepare {phase}: {n} units done, {before} done before ({:.1} s)", t.elapsed().as_secs_f64());
        }
        units += n;
        done_before += before;
    }
    Ok(PrepareReport { out, phase: opts.only.map(|o| o.0), units, done_before, stats, elapsed: started.elapsed() })
}

fn split_of(cfg: &TrainingConfig, id: &str) -> usize {
    let h = xxh3_64_with_seed(id.as_bytes(), cfg.split.seed ^ SPLIT_SALT);
    usize::from((h as f64) < cfg.split.validation * 18_446_744_073_709_551_616.0)
}

fn mix_hash(cfg: &TrainingConfig, id: &str) -> u64 {
    xxh3_64_with_seed(id.as_bytes(), cfg.seed ^ MIX_SALT)
}

fn shuffle_key(cfg: &TrainingConfig, id: &str, copy: u32) -> u64 {
    xxh3_64_with_seed(id.as_bytes(), cfg.seed.wrapping_add(u64::from(copy).wrapping_mul(COPY_STEP)))
}

impl<'a> Ctx<'a> {
    fn new(dataset: &Path, cfg: &'a TrainingConfig, out: Option<&Path>, threads: usize, quiet: bool) -> Result<Self> {
        let ds = Dataset::open(dataset)?;
        let mut problems = cfg.problems(ds.tokenized, ds.has_eos);
        if cfg.cluster_weight && !ds.clusters {
            problems.push(
                "training.cluster_weight needs the dataset's `dup_cluster_size` column (minhash_dedup with keep_cluster_size = true)"
                    .into(),
            );
        }
        if !problems.is_empty() {
            return Err(Error::Config { origin: "[training]".into(), problems });
        }
        let out = out_dir(dataset, cfg, out);
        let work = out.join(STATE_DIR);
        // The output folder is where, not what: it is left out.
        let mut c = cfg.clone();
        c.path = PathBuf::new();
        let config = serde_json::to_value(&c).expect("config serialises");
        let config_json = serde_json::to_vec(&config).expect("config serialises");
        let fp = hex(&Sha256::digest(
            [config_json.as_slice(), ds.manifest_sha256.as_bytes(), env!("CARGO_PKG_VERSION").as_bytes()].join(&b'|'),
        ));
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(crate::exec::thread_count(threads))
            .build()
            .map_err(|e| Error::Internal(format!("cannot start the thread pool: {e}")))?;
        Ok(Ctx { ds, cfg, config, out, work, fp, pool, quiet })
    }

    fn shards(&self) -> usize {
        self.ds.manifest.shards.len()
    }

    fn shard_sizes(&self) -> Vec<u64> {
        self.ds.manifest.shards.iter().map(|s| s.bytes).collect()
    }

    fn census_path(&self, i: usize) -> PathBuf {
        self.work.join("census").join(format!("{i:05}.json"))
    }

    fn census_marker(&self, i: usize) -> PathBuf {
        self.work.join("census").join(format!("{i:05}.done"))
    }

    fn scatter_path(&self, i: usize, split: usize) -> PathBuf {
        self.work.join("scatter").join(format!("{i:05}.{}.bin", SPLITS[split]))
    }

    fn scatter_report(&self, i: usize) -> PathBuf {
        self.work.join("scatter").join(format!("{i:05}.json"))
    }

    fn scatter_marker(&self, i: usize) -> PathBuf {
        self.work.join("scatter").join(format!("{i:05}.done"))
    }

    fn gather_report(&self, split: usize, b: u32) -> PathBuf {
        self.work.join("gather").join(format!("{}-{b:05}.json", SPLITS[split]))
    }

    fn gather_marker(&self, split: usize, b: u32) -> PathBuf {
        self.work.join("gather").join(format!("{}-{b:05}.done", SPLITS[split]))
    }

    /// Runs `f` on this task's units not already done; `(done now, done before)`.
    fn units(
        &self,
        sizes: &[u64],
        task: TaskSel,
        done: impl Fn(usize) -> bool + Sync,
        f: impl Fn(usize) -> Result<()> + Sync,
    ) -> Result<(usize, usize)> {
        let mine = task.share(sizes);
        let todo: Vec<usize> = mine.iter().copied().filter(|&u| !done(u)).collect();
        let results: Vec<Result<()>> = self.pool.install(|| {
            todo.par_iter()
                .map(|&u| match crate::signals::received() {
                    // Units finished keep their markers; the rest wait for a rerun.
                    Some(n) => Err(Error::Interrupted {
                        signal: crate::signals::name(n),
                        done: "finished units are kept".into(),
                        number: n,
                    }),
                    None => f(u),
                })
                .collect()
        });
        results.into_iter().collect::<Result<Vec<()>>>()?;
        Ok((todo.len(), mine.len() - todo.len()))
    }

    /// Problems with the markers of an earlier phase, naming the task to rerun.
    fn missing(&self, phase: TrainPhase, markers: &[PathBuf], sizes: &[u64], count: usize) -> Result<()> {
        let owners = TaskSel::owners(count, sizes);
        let problems: Vec<String> = markers
            .iter()
            .enumerate()
            .filter_map(|(u, m)| {
                marker::check(m, &self.fp, false).err().map(|why| {
                    format!(
                        "{phase}: unit {u} ({}) {why}; rerun `--phase {phase} --task-index {} --task-count {count}`",
                        m.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                        owners[u]
                    )
                })
            })
            .collect();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::Incomplete { phase: next(phase), problems })
        }
    }

    /// The layout, computed from the census once (every task that needs
    /// it computes the same bytes, so concurrent writers agree).
    fn layout(&self, task_count: usize) -> Result<Layout> {
        let path = self.work.join("layout.json");
        if let Ok(m) = marker::read(&self.work.join("layout.done"), &self.fp) {
            if m.files.len() == 1 {
                if let Ok(l) = read_json(&path, "layout") {
                    return Ok(l);
                }
            }
        }
        let n = self.shards();
        let markers: Vec<PathBuf> = (0..n).map(|i| self.census_marker(i)).collect();
        self.missing(TrainPhase::Census, &markers, &self.shard_sizes(), task_count)?;
        let mut total: Census = Default::default();
        for i in 0..n {
            let c: Census = read_json(&self.census_path(i), "census")?;
            for (s, langs) in c.into_iter().enumerate() {
                for (l, lc) in langs {
                    let t = total[s].entry(l).or_default();
                    t.docs += lc.docs;
                    t.weight += lc.weight;
                    t.bytes += lc.bytes;
                    t.hist.merge(&lc.hist);
                }
            }
        }
        let rates: [BTreeMap<String, Rate>; 2] = [
            match &self.cfg.mix {
                Some(m) => mix::rates(m, &total[0].iter().map(|(l, c)| (l.clone(), c.hist.clone())).collect()),
                None => total[0].iter().map(|(l, c)| (l.clone(), Rate::one(c.weight))).collect(),
            },
            total[1].iter().map(|(l, c)| (l.clone(), Rate::one(c.weight))).collect(),
        ];
        let mut buckets = [0u32; 2];
        for s in 0..2 {
            let bytes: f64 = total[s]
                .iter()
                .map(|(l, c)| c.bytes as f64 * rates[s][l].weight as f64 / (c.weight.max(1)) as f64)
                .sum();
            let docs: u64 = total[s].values().map(|c| c.docs).sum();
            buckets[s] = if docs == 0 {
                0
            } else if s == 0 && self.cfg.files > 0 {
                self.cfg.files
            } else {
                ((bytes / self.cfg.bucket_bytes as f64).ceil() as u32).max(1)
            };
        }
        for t in &mut total {
            t.values_mut().for_each(|c| c.hist = Histogram::default());
        }
        let layout = Layout { census: total, rates, buckets };
        // Tasks of a job array may get here at once: each writes its own
        // temporary file, and the renames publish identical bytes.
        let tmp = self.work.join(format!(".layout.{}.tmp", std::process::id()));
        std::fs::write(&tmp, to_json(&layout)).map_err(|e| Error::io(&tmp, "write", e))?;
        std::fs::rename(&tmp, &path).map_err(|e| Error::io(&path, "publish", e))?;
        let done = self.work.join(format!("layout.{}.done", std::process::id()));
        marker::write(&done, &self.fp, &[(&path, 1)])?;
        std::fs::rename(&done, self.work.join("layout.done")).map_err(|e| Error::io(&done, "publish", e))?;
        Ok(layout)
    }
}

/// Reads a JSON file this module wrote (`what` names it in errors).
fn read_json<T: serde::de::DeserializeOwned>(path: &Path, what: &str) -> Result<T> {
    let text = std::fs::read(path).map_err(|e| Error::io(path, "read", e))?;
    serde_json::from_slice(&text)
        .map_err(|e| Error::Output { path: path.to_path_buf(), detail: format!("corrupt {what}: {e}") })
}

fn next(p: TrainPhase) -> &'static str {
    match p {
        TrainPhase::Census => "scatter",
        TrainPhase::Scatter => "gather",
        TrainPhase::Gather | TrainPhase::Publish => "publish",
    }
}

fn census(ctx: &Ctx<'_>, task: TaskSel) -> Result<(usize, usize)> {
    let cfg = ctx.cfg;
    ctx.units(
        &ctx.shard_sizes(),
        task,
        |i| marker::check(&ctx.census_marker(i), &ctx.fp, false).is_ok(),
        |i| {
            let mut c: Census = Default::default();
            let mut rows = 0u64;
            ctx.ds.read(i, false, cfg.cluster_weight, |_, id, lang, row, stands_for| {
                let Row::Weight(w) = row else { return Err(Error::Internal("census read a payload".into())) };
                let w = w + u64::from(cfg.eos_id.is_some() && ctx.ds.tokenized);
                let s = split_of(cfg, id);
                // The train split counts a document once per member of its cluster.
                let w = if s == 0 { w * u64::from(stands_for) } else { w };
                let lc = c[s].entry(lang.to_string()).or_default();
                lc.docs += 1;
                lc.weight += w;
                let per = if ctx.ds.tokenized { 4 } else { 1 };
                lc.bytes += 29 + lang.len() as u64 + id.len() as u64 + w * per;
                if s == 0 {
                    lc.hist.add(mix_hash(cfg, id), w);
                }
                rows += 1;
                Ok(())
            })?;
            let path = ctx.census_path(i);
            write_atomic(&path, &serde_json::to_vec(&c).expect("census serialises"))?;
            marker::write(&ctx.census_marker(i), &ctx.fp, &[(&path, rows)])
        },
    )
}

fn scatter(ctx: &Ctx<'_>, task: TaskSel) -> Result<(usize, usize)> {
    let layout = ctx.layout(task.count)?;
    let cfg = ctx.cfg;
    ctx.units(
        &ctx.shard_sizes(),
        task,
        |i| marker::check(&ctx.scatter_marker(i), &ctx.fp, false).is_ok(),
        |i| {
            let mut entries: [Vec<Entry>; 2] = Default::default();
            let mut report = ScatterReport::default();
            ctx.ds.read(i, true, cfg.cluster_weight, |row, id, lang, item, stands_for| {
                let payload = match item {
                    Row::Ids(a) => {
                        let mut ids = a.as_primitive::<UInt32Type>().values().to_vec();
                        ids.extend(cfg.eos_id);
                        Payload::Ids(ids)
                    }
                    Row::Text(t) => Payload::Text(t.to_string()),
                    Row::Weight(_) => return Err(Error::Internal("scatter read no payload".into())),
                };
                let s = split_of(cfg, id);
                let copies = match layout.rates[s].get(lang) {
                    Some(r) if s == 0 => r.copies_of(mix_hash(cfg, id)) * stands_for,
                    _ => 1,
                };
                report.documents += 1;
                let sc = &mut report.splits[s];
                sc.documents += 1;
                sc.copies += u64::from(copies);
                sc.dropped += u64::from(copies == 0);
                let mut payload = Some(payload);
                for copy in 0..copies {
                    // The last copy takes the payload; only repeats clone it.
                    let payload = if copy + 1 == copies { payload.take() } else { payload.clone() };
                    entries[s].push(Entry {
                        key: shuffle_key(cfg, id, copy),
                        shard: i as u32,
                        row,
                        copy,
                        lang: lang.to_string(),
                        id: id.to_string(),
                        payload: payload.expect("taken only by the last copy"),
                    });
                }
                Ok(())
            })?;
            let mut files = Vec::new();
            for (s, list) in entries.iter_mut().enumerate() {
                list.sort_unstable_by_key(Entry::order);
                let path = ctx.scatter_path(i, s);
                spill::write(&path, list, layout.buckets[s])?;
                files.push((path, list.len() as u64));
            }
            let rp = ctx.scatter_report(i);
            write_atomic(&rp, &to_json(&report))?;
            files.push((rp, report.documents));
            let refs: Vec<(&Path, u64)> = files.iter().map(|(p, n)| (p.as_path(), *n)).collect();
            marker::write(&ctx.scatter_marker(i), &ctx.fp, &refs)
        },
    )
}

/// The gather units: `(split, bucket)`, train first.
fn gather_units(layout: &Layout) -> Vec<(usize, u32)> {
    (0..2).flat_map(|s| (0..layout.buckets[s]).map(move |b| (s, b))).collect()
}

fn gather(ctx: &Ctx<'_>, task: TaskSel) -> Result<(usize, usize)> {
    let layout = ctx.layout(task.count)?;
    let n = ctx.shards();
    let markers: Vec<PathBuf> = (0..n).map(|i| ctx.scatter_marker(i)).collect();
    ctx.missing(TrainPhase::Scatter, &markers, &ctx.shard_sizes(), task.count)?;
    let units = gather_units(&layout);
    let writer = Writer::new(ctx);
    ctx.units(
        &vec![1; units.len()],
        task,
        |u| marker::check(&ctx.gather_marker(units[u].0, units[u].1), &ctx.fp, false).is_ok(),
        |u| {
            let (s, b) = units[u];
            let mut entries = Vec::new();
            for i in 0..n {
                spill::read_bucket(&ctx.scatter_path(i, s), b, layout.buckets[s], &mut entries)?;
            }
            entries.sort_unstable_by_key(Entry::order);
            let report = writer.write(s, b, &entries)?;
            let rp = ctx.gather_report(s, b);
            write_atomic(&rp, &to_json(&report))?;
            marker::write(&ctx.gather_marker(s, b), &ctx.fp, &[(&rp, report.documents)])
        },
    )
}

/// Writes a gather unit's files.
struct Writer<'a> {
    ctx: &'a Ctx<'a>,
    schema: SchemaRef,
    dtype: megatron::DType,
}

impl<'a> Writer<'a> {
    fn new(ctx: &'a Ctx<'a>) -> Self {
        let list = |n: &str| Field::new(n, DataType::List(Arc::new(Field::new("item", DataType::UInt32, true))), false);
        let fields = match &ctx.cfg.pack {
            Some(p) => {
                let mut f = vec![list("input_ids"), list("document_boundaries")];
                if p.position_ids {
                    f.push(list("position_ids"));
                }
                f.push(Field::new("num_tokens", DataType::UInt32, false));
                f
            }
            None => {
                let mut f = vec![
                    Field::new("id", DataType::Utf8, false),
                    Field::new("lang", DataType::Utf8, false),
                    Field::new("copy", DataType::UInt32, false),
                ];
                if ctx.ds.tokenized {
                    f.push(list("input_ids"));
                    f.push(Field::new("num_tokens", DataType::UInt32, false));
                } else {
                    f.push(Field::new("text", DataType::Utf8, false));
                }
                f
            }
        };
        let vocab = ctx.ds.manifest.tokenizer.as_ref().map_or(usize::MAX, |t| t.vocab_size);
        Writer { ctx, schema: Arc::new(Schema::new(fields)), dtype: megatron::DType::for_vocab(vocab) }
    }

    fn props(&self) -> parquet::file::properties::WriterProperties {
        writer_properties(&OutputConfig {
            compression: Compression::Zstd,
            compression_level: self.ctx.cfg.compression_level,
            row_group_rows: self.ctx.cfg.row_group_rows,
            ..OutputConfig::default()
        })
    }

    fn write(&self, s: usize, b: u32, entries: &[Entry]) -> Result<GatherReport> {
        let cfg = self.ctx.cfg;
        let split_dir = self.ctx.out.join(SPLITS[s]);
        let name = format!("part-{b:05}");
        let mut r = GatherReport::default();
        for e in entries {
            r.documents += 1;
            r.weight += e.payload.weight();
            let l = r.langs.entry(e.lang.clone()).or_default();
            l[0] += 1;
            l[1] += e.payload.weight();
        }
        if cfg.formats.contains(&Format::Parquet) && !entries.is_empty() {
            let rel = format!("{DATA_DIR}/{name}.parquet");
            let mut file = AtomicParquet::create(&split_dir, &rel, self.schema.clone(), self.props())?;
            let (rows, tokens) = match &cfg.pack {
                Some(p) => self.packed(&mut file, p, entries, &mut r)?,
                None => self.documents(&mut file, entries)?,
            };
            let (rel, bytes, sha256) = file.finish()?;
            r.parquet.push(ShardInfo { path: rel.to_string(), rows, tokens, bytes, sha256 });
        }
        // megatron-core cannot map an empty .bin: a pair holds at least one
        // token, and a bucket with no document writes no file at all.
        if entries.is_empty() {
            return Ok(r);
        }
        if cfg.formats.contains(&Format::Megatron) && r.weight > 0 {
            let prefix = split_dir.join("megatron").join(&name);
            let mut w = megatron::Writer::create(&prefix, self.dtype)?;
            for e in entries {
                if let Payload::Ids(ids) = &e.payload {
                    w.add(ids)?;
                }
            }
            let (bin, idx, docs, tokens) = w.finish()?;
            for (p, ext) in [(bin, "bin"), (idx, "idx")] {
                let bytes = std::fs::metadata(&p).map_err(|e| Error::io(&p, "stat", e))?.len();
                let sha256 = file_sha256(&p).map_err(|e| Error::io(&p, "read", e))?;
                r.megatron.push(ShardInfo {
                    path: format!("megatron/{name}.{ext}"),
                    rows: docs,
                    tokens,
                    bytes,
                    sha256,
                });
            }
        }
        Ok(r)
    }

    /// One row per document copy; `(rows, tokens)`.
    fn documents(&self, file: &mut AtomicParquet, entries: &[Entry]) -> Result<(u64, u64)> {
        let mut tokens = 0u64;
        for chunk in entries.chunks(self.ctx.cfg.row_group_rows) {
            let mut id = StringBuilder::new();
            let mut lang = StringBuilder::new();
            let mut copy = UInt32Builder::new();
            let mut ids = ListBuilder::new(UInt32Builder::new());
            let mut num = UInt32Builder::new();
            let mut text = StringBuilder::new();
            for e in chunk {
                id.append_value(&e.id);
                lang.append_value(&e.lang);
                copy.append_value(e.copy);
                match &e.payload {
                    Payload::Ids(v) => {
                        ids.values().append_slice(v);
                        ids.append(true);
                        num.append_value(v.len() as u32);
                        tokens += v.len() as u64;
                    }
                    Payload::Text(t) => text.append_value(t),
                }
            }
            let mut cols: Vec<ArrayRef> = vec![Arc::new(id.finish()), Arc::new(lang.finish()), Arc::new(copy.finish())];
            if self.ctx.ds.tokenized {
                cols.push(Arc::new(ids.finish()));
                cols.push(Arc::new(num.finish()));
            } else {
                cols.push(Arc::new(text.finish()));
            }
            let batch = RecordBatch::try_new(self.schema.clone(), cols)
                .map_err(|e| Error::Internal(format!("training batch: {e}")))?;
            file.write(&batch, 64 << 20)?;
        }
        Ok((entries.len() as u64, tokens))
    }

    /// Packed rows; `(rows, real tokens)`.
    fn packed(
        &self,
        file: &mut AtomicParquet,
        p: &PackConfig,
        entries: &[Entry],
        r: &mut GatherReport,
    ) -> Result<(u64, u64)> {
        let mut packer = pack::Packer::new(p.seq_len);
        for e in entries {
            if let Payload::Ids(ids) = &e.payload {
                packer.push(ids);
            }
        }
        packer.finish(p);
        let seq = p.seq_len as usize;
        let mut bstart = 0usize;
        let rows = packer.rows();
        let mut row = 0usize;
        while row < rows {
            let end = (row + self.ctx.cfg.row_group_rows).min(rows);
            let mut ids = ListBuilder::new(UInt32Builder::new());
            let mut bounds = ListBuilder::new(UInt32Builder::new());
            let mut pos = ListBuilder::new(UInt32Builder::new());
            let mut num = UInt32Builder::new();
            for k in row..end {
                ids.values().append_slice(&packer.ids[k * seq..(k + 1) * seq]);
                ids.append(true);
                let nb = packer.bounds_len[k] as usize;
                let bs = &packer.bounds[bstart..bstart + nb];
                bounds.values().append_slice(bs);
                bounds.append(true);
                if p.position_ids {
                    for w in bs.windows(2) {
                        (0..w[1] - w[0]).for_each(|x| pos.values().append_value(x));
                    }
                    // Padding continues the last piece's positions.
                    let last = bs.last().copied().unwrap_or(0);
                    let base = bs.len().checked_sub(2).map_or(0, |i| last - bs[i]);
                    (0..seq as u32 - last).for_each(|x| pos.values().append_value(base + x));
                    pos.append(true);
                }
                num.append_value(packer.real[k]);
                bstart += nb;
            }
            let mut cols: Vec<ArrayRef> = vec![Arc::new(ids.finish()), Arc::new(bounds.finish())];
            if p.position_ids {
                cols.push(Arc::new(pos.finish()));
            }
            cols.push(Arc::new(num.finish()));
            let batch = RecordBatch::try_new(self.schema.clone(), cols)
                .map_err(|e| Error::Internal(format!("packed batch: {e}")))?;
            file.write(&batch, 64 << 20)?;
            row = end;
        }
        r.rows = rows as u64;
        r.padding = packer.padding;
        r.dropped_tokens = packer.dropped;
        let real: u64 = packer.real.iter().map(|&x| u64::from(x)).sum();
        Ok((rows as u64, real))
    }
}

fn publish(ctx: &Ctx<'_>) -> Result<TrainingStats> {
    let layout = ctx.layout(1)?;
    let units = gather_units(&layout);
    let markers: Vec<PathBuf> = units.iter().map(|&(s, b)| ctx.gather_marker(s, b)).collect();
    ctx.missing(TrainPhase::Gather, &markers, &vec![1; units.len()], 1)?;
    let n = ctx.shards();
    let mut scattered = ScatterReport::default();
    for i in 0..n {
        let r: ScatterReport = read_json(&ctx.scatter_report(i), "report")?;
        scattered.documents += r.documents;
        for s in 0..2 {
            scattered.splits[s].documents += r.splits[s].documents;
            scattered.splits[s].copies += r.splits[s].copies;
            scattered.splits[s].dropped += r.splits[s].dropped;
        }
    }
    let documents_in = ctx.ds.manifest.totals.documents;
    if scattered.documents != documents_in {
        return Err(Error::Internal(format!(
            "prepare read {} documents of a dataset of {documents_in}",
            scattered.documents
        )));
    }
    let mut stats = TrainingStats {
        dataset: ctx.ds.dir.display().to_string(),
        dataset_manifest_sha256: ctx.ds.manifest_sha256.clone(),
        documents_in,
        splits: BTreeMap::new(),
    };
    for (s, split_name) in SPLITS.iter().enumerate() {
        let reports: Vec<GatherReport> = units
            .iter()
            .filter(|u| u.0 == s)
            .map(|&(_, b)| read_json(&ctx.gather_report(s, b), "report"))
            .collect::<Result<_>>()?;
        let written: u64 = reports.iter().map(|r| r.documents).sum();
        let sc = &scattered.splits[s];
        if written != sc.copies {
            return Err(Error::Internal(format!(
                "{}: {} copies scattered but {written} written",
                split_name, sc.copies
            )));
        }
        let split_dir = ctx.out.join(split_name);
        let parquet: Vec<ShardInfo> = reports.iter().flat_map(|r| r.parquet.clone()).collect();
        let megatron: Vec<ShardInfo> = reports.iter().flat_map(|r| r.megatron.clone()).collect();
        remove_stale(&split_dir, &parquet, &megatron)?;
        let weight: u64 = reports.iter().map(|r| r.weight).sum();
        let mut langs: BTreeMap<String, [u64; 2]> = BTreeMap::new();
        for r in &reports {
            for (l, v) in &r.langs {
                let e = langs.entry(l.clone()).or_default();
                e[0] += v[0];
                e[1] += v[1];
            }
        }
        let languages = layout.census[s]
            .iter()
            .map(|(l, c)| {
                let out = langs.get(l).copied().unwrap_or_default();
                let stats = LangStats {
                    documents_in: c.docs,
                    weight_in: c.weight,
                    rate: layout.rates[s].get(l).map_or(1.0, |r| r.target),
                    copies: out[0],
                    weight_out: out[1],
                    share: if weight == 0 { 0.0 } else { out[1] as f64 / weight as f64 },
                };
                (l.clone(), stats)
            })
            .collect();
        let sum = |f: fn(&GatherReport) -> u64| reports.iter().map(f).sum::<u64>();
        let split_stats = SplitStats {
            documents: sc.documents,
            dropped_by_mix: sc.dropped,
            copies_written: written,
            repeats: written + sc.dropped - sc.documents,
            weight_written: weight,
            files: layout.buckets[s] as u64,
            rows: sum(|r| r.rows),
            padding_tokens: sum(|r| r.padding),
            dropped_tokens: sum(|r| r.dropped_tokens),
            languages,
        };
        if sc.documents > 0 {
            let w = Writer::new(ctx);
            let m = SplitManifest {
                tool: "eurocorpus".into(),
                version: env!("CARGO_PKG_VERSION").into(),
                split: split_name.to_string(),
                dataset: ctx.ds.dir.display().to_string(),
                dataset_manifest_sha256: ctx.ds.manifest_sha256.clone(),
                config: ctx.config.clone(),
                tokenizer: ctx.ds.manifest.tokenizer.clone(),
                mode: if ctx.cfg.pack.is_some() { "packed" } else { "documents" }.into(),
                seq_len: ctx.cfg.pack.as_ref().map(|p| p.seq_len),
                schema: ColumnEntry::of_schema(&w.schema),
                megatron_dtype: ctx.cfg.formats.contains(&Format::Megatron).then(|| w.dtype.name().to_string()),
                totals: Totals {
                    documents: written,
                    tokens: parquet.iter().map(|f| f.tokens).sum(),
                    shards: parquet.len() as u64,
                    bytes: parquet.iter().map(|f| f.bytes).sum(),
                },
                languages: split_stats.languages.clone(),
                parquet,
                megatron,
            };
            write_atomic(&split_dir.join("manifest.json"), &to_json(&m))?;
        }
        stats.splits.insert(split_name.to_string(), split_stats);
    }
    let path = ctx.out.join("training.json");
    write_atomic(&path, &to_json(&stats))?;
    marker::write(&ctx.work.join("publish.done"), &ctx.fp, &[(&path, documents_in)])?;
    Ok(stats)
}

/// Removes part files a different earlier configuration left in a split.
fn remove_stale(split_dir: &Path, parquet: &[ShardInfo], megatron: &[ShardInfo]) -> Result<()> {
    for (sub, keep) in [(DATA_DIR, parquet), ("megatron", megatron)] {
        let dir = split_dir.join(sub);
        let Ok(rd) = std::fs::read_dir(&dir) else { continue };
        for e in rd.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let rel = format!("{sub}/{name}");
            if name.starts_with("part-") && !keep.iter().any(|f| f.path == rel) {
                std::fs::remove_file(e.path()).map_err(|err| Error::io(e.path(), "remove a stale file", err))?;
            }
        }
    }
    Ok(())
}

/// How far the `[training]` phases of the dataset in `dataset` have got,
/// with the parallel phases shared among `task_count` tasks. Before the
/// dataset is finished (or the census, for `gather`) the units are not
/// known yet: every task of the phase is then unfinished.
pub fn progress(dataset: &Path, cfg: &TrainingConfig, task_count: usize) -> Vec<PhaseProgress> {
    let phases = [Phase::Census, Phase::Scatter, Phase::Gather, Phase::Publish];
    let tasks = |p: Phase| if p.parallel() { task_count } else { 1 };
    let progress = |p: Phase, units: &[bool], sizes: &[u64]| {
        let owners = TaskSel::owners(tasks(p), sizes);
        let mut unfinished: Vec<usize> = (0..units.len()).filter(|&u| !units[u]).map(|u| owners[u]).collect();
        unfinished.sort_unstable();
        unfinished.dedup();
        PhaseProgress {
            phase: p,
            tasks: tasks(p),
            units: units.len(),
            units_done: units.iter().filter(|d| **d).count(),
            unfinished_tasks: unfinished,
        }
    };
    let unknown = |p: Phase| PhaseProgress {
        phase: p,
        tasks: tasks(p),
        units: 0,
        units_done: 0,
        unfinished_tasks: (0..tasks(p)).collect(),
    };
    let Ok(ctx) = Ctx::new(dataset, cfg, None, 1, true) else { return phases.map(unknown).to_vec() };
    let sizes = ctx.shard_sizes();
    let n = ctx.shards();
    let check = |m: PathBuf| marker::check(&m, &ctx.fp, false).is_ok();
    let census: Vec<bool> = (0..n).map(|i| check(ctx.census_marker(i))).collect();
    let scatter: Vec<bool> = (0..n).map(|i| check(ctx.scatter_marker(i))).collect();
    let mut all = vec![progress(Phase::Census, &census, &sizes), progress(Phase::Scatter, &scatter, &sizes)];
    match census.iter().all(|d| *d).then(|| ctx.layout(task_count).ok()).flatten() {
        Some(layout) => {
            let units = gather_units(&layout);
            let done: Vec<bool> = units.iter().map(|&(s, b)| check(ctx.gather_marker(s, b))).collect();
            all.push(progress(Phase::Gather, &done, &vec![1; units.len()]));
        }
        None => all.push(unknown(Phase::Gather)),
    }
    all.push(progress(Phase::Publish, &[check(ctx.work.join("publish.done"))], &[1]));
    all
}

/// Whether the training files in the dataset's own `training/` folder were
/// made from the dataset as it is now: `None` when there are none, `Some(false)`
/// when the dataset changed since (an erasure, a rerun).
pub fn current(dataset: &Path) -> Option<bool> {
    let text = std::fs::read(dataset.join(TRAINING_DIR).join("training.json")).ok()?;
    let stats: TrainingStats = serde_json::from_slice(&text).ok()?;
    let now = file_sha256(&dataset.join("manifest.json")).ok()?;
    Some(stats.dataset_manifest_sha256 == now)
}
