//! The `eurocorpus` command line: parses arguments, runs one command,
//! prints errors with their whole context chain, and maps them to exit
//! codes (0 success, 1 the run failed, 2 bad arguments or configuration).

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Parser, Subcommand, ValueEnum};

use eurocorpus::config::{OnError, PipelineConfig, DEFAULT_PIPELINE};
use eurocorpus::exec::{self, RunOptions, RunReport};
use eurocorpus::plan::{Phase, TaskSel};
use eurocorpus::progress::human;
use eurocorpus::stages::{StageConfig, TokenizeConfig};
use eurocorpus::train::{self, TrainOptions};
use eurocorpus::training::{self, PrepareOptions, TrainingConfig};
use eurocorpus::{inspect, slurm, Error};

/// Turn raw European-language text corpora into training-ready data.
///
/// eurocorpus reads raw corpora (JSONL, Parquet, plain text, Common Crawl
/// WET; gzip or zstd compressed), cleans them, removes duplicates across the
/// whole corpus, tokenizes them with any HuggingFace tokenizer.json and
/// writes sharded Parquet with a manifest and statistics, in one streaming,
/// parallel, resumable pass.
///
/// Start with: eurocorpus run pipelines/quickstart.toml
#[derive(Parser, Debug)]
#[command(name = "eurocorpus", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run a pipeline: read, clean, tokenize, write sharded Parquet.
    ///
    /// With a pipeline file, its settings apply and the flags override them.
    /// Without one, the built-in default pipeline runs (normalize, exact and
    /// near-duplicate removal across the corpus, then tokenize when
    /// --tokenizer is given) on --input, writing to --output.
    /// A rerun with the same configuration resumes: inputs finished before
    /// are skipped.
    Run(RunArgs),
    /// Train a byte-level BPE tokenizer, sampling every language evenly.
    ///
    /// Documents are grouped by --lang-field (or by input file when the
    /// field is absent) and each group gets an equal share of
    /// --sample-bytes, so a corpus that is 90 % English still gives a
    /// vocabulary that serves every language.
    TrainTokenizer(TrainArgs),
    /// Compare the fast encoder with the tokenizers crate on the same
    /// documents, on one core: MB/s of each, the ratio, and the number of
    /// documents whose ids differ (exits 1 when any does).
    TokenizeBench(TokenizeBenchArgs),
    /// Summarise an output folder or a Parquet file: documents, tokens,
    /// languages, sizes, schema.
    Inspect(InspectArgs),
    /// Show what deduplication removed from an output folder: the largest
    /// duplicate clusters (ids and sources) and the most removed lines.
    DedupReport(InspectArgs),
    /// Show, for documents of a JSONL file, each quality rule's measured
    /// value against its threshold and whether it passed (to tune thresholds
    /// per language). Documents are named by id; their text is not printed.
    Explain(ExplainArgs),
    /// Check a finished dataset for a compliance file: shards against the
    /// manifest (size, SHA-256, none unlisted), schema, counts against
    /// stats.json, and personal data re-scanned (locations, never values).
    /// Exits 1 when a check fails.
    Audit(AuditArgs),
    /// Right to erasure (GDPR art. 17): remove every document holding one of
    /// the identifiers in FILE (email:, phone:, iban:, national_id:, url:,
    /// doc_id:, or a literal string per line), rewriting only the affected
    /// shards; appends what was done to erasure-log.jsonl (salted hashes,
    /// never the identifiers).
    Erase(EraseArgs),
    /// Show where a document of an output folder came from (input file and
    /// record) and what each stage decided about it, from the decision
    /// ledger (decisions/). Works for removed documents too; never prints
    /// text. Exits 1 when no document has the id.
    Trace(TraceArgs),
    /// Write a training-content summary of an output folder, organised like
    /// the AI Office's template for the public summary of training content
    /// (AI Act art. 53(1)(d)): summary.json, summary.md and summary.html
    /// (with SVG charts; opens without network access).
    Summary(SummaryArgs),
    /// Find, redact or evaluate personal data (GDPR) in JSONL files.
    #[command(subcommand)]
    Pii(PiiCommand),
    /// Print a pipeline's plan — its phases, their units and tasks — with
    /// an estimate per phase of CPU and wall time, memory per task, bytes
    /// and files written, from a run on a sample of the input.
    Plan(PlanArgs),
    /// Run a pipeline on a Slurm cluster as job arrays, one per phase of
    /// its plan, or see how far a submitted run has got.
    #[command(subcommand)]
    Slurm(SlurmCommand),
    /// Make training-ready files from a finished output folder: a
    /// train/validation split by document hash, language mixing, a global
    /// shuffle in bounded memory, sequence packing, Parquet and Megatron
    /// (.bin/.idx) files with their manifests. Settings come from the
    /// [training] section of --config (a pipeline file or a file holding
    /// only that section) and the flags. A rerun resumes; with --phase it
    /// runs one task's share of one phase (census, scatter, gather, publish)
    /// for job arrays.
    Prepare(PrepareArgs),
    /// Merge Megatron indexed datasets (.bin/.idx pairs) into one, in the
    /// order given, streaming (memory does not depend on their size).
    MegatronMerge(MegatronMergeArgs),
}

#[derive(Args, Debug)]
struct PrepareArgs {
    /// A finished eurocorpus output folder.
    dataset: PathBuf,
    /// A TOML file with a [training] section (a pipeline file will do).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Output folder (default: training.path, else DATASET/training).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Shuffle and mixing seed.
    #[arg(long)]
    seed: Option<u64>,
    /// Fraction of documents for the validation split.
    #[arg(long)]
    validation: Option<f64>,
    /// Pack token ids into rows of this many tokens.
    #[arg(long, value_name = "SEQ_LEN")]
    pack: Option<u32>,
    /// Output files per split (0: by training.bucket_bytes).
    #[arg(long)]
    files: Option<u32>,
    /// Token id appended to every document (for datasets tokenized without `eos`).
    #[arg(long)]
    eos_id: Option<u32>,
    /// Formats to write (default: parquet and megatron).
    #[arg(long, value_delimiter = ',', value_parser = ["parquet", "megatron"])]
    format: Vec<String>,
    /// Run only this phase (census, scatter, gather, publish).
    #[arg(long)]
    phase: Option<eurocorpus::training::TrainPhase>,
    /// This task's index (default: SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX).
    #[arg(long)]
    task_index: Option<usize>,
    /// Number of tasks sharing the phase (default: SLURM_ARRAY_TASK_COUNT).
    #[arg(long)]
    task_count: Option<usize>,
    /// Worker threads (default: all cores, or SLURM_CPUS_PER_TASK).
    #[arg(long)]
    threads: Option<usize>,
    /// No progress lines.
    #[arg(long, short)]
    quiet: bool,
    /// Write into a non-empty folder that holds no training files.
    #[arg(long)]
    force: bool,
}

#[derive(Args, Debug)]
struct MegatronMergeArgs {
    /// Prefix of the merged pair (PREFIX.bin, PREFIX.idx).
    #[arg(long)]
    output: PathBuf,
    /// Prefixes of the pairs to merge, in order.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum SlurmCommand {
    /// Write one sbatch script per phase into OUTPUT/_eurocorpus/slurm/,
    /// submit the unfinished tasks of each as a job array chained with
    /// --dependency=afterok, and print the job ids. Submitting again
    /// submits only what is unfinished.
    Submit(Box<SubmitArgs>),
    /// Per phase: tasks done, running, pending, failed (with their logs).
    Status(SlurmStatusArgs),
}

#[derive(Args, Debug)]
struct SubmitArgs {
    #[command(flatten)]
    pipeline: PipelineArgs,
    /// Tasks per parallel phase (default: [slurm] tasks, else one per 2 GB
    /// of input, at most one per input or part of one).
    #[arg(long, value_name = "N")]
    tasks: Option<usize>,
    /// Print the scripts and stop.
    #[arg(long)]
    dry_run: bool,
    /// Wait until the run has finished (exit 0) or cannot finish (exit 1,
    /// waiting jobs cancelled, failed tasks' logs named).
    #[arg(long)]
    wait: bool,
    /// sbatch --partition.
    #[arg(long)]
    partition: Option<String>,
    /// sbatch --account.
    #[arg(long)]
    account: Option<String>,
    /// sbatch --qos.
    #[arg(long)]
    qos: Option<String>,
    /// sbatch --time, per task (e.g. 04:00:00).
    #[arg(long)]
    time: Option<String>,
    /// sbatch --cpus-per-task (eurocorpus uses that many threads).
    #[arg(long)]
    cpus_per_task: Option<usize>,
    /// sbatch --mem, per task (e.g. 16G).
    #[arg(long)]
    mem: Option<String>,
    /// At most this many tasks of an array at once (sbatch --array=…%N).
    #[arg(long, value_name = "N")]
    max_parallel: Option<usize>,
    /// An extra #SBATCH option (repeatable), e.g. --sbatch=--constraint=cpu.
    #[arg(long = "sbatch", value_name = "OPTION", allow_hyphen_values = true)]
    extra: Vec<String>,
    /// A shell line run before eurocorpus in each task (repeatable), e.g.
    /// "module load zstd".
    #[arg(long, value_name = "LINE")]
    setup: Vec<String>,
    /// Folder for the task logs (default: OUTPUT/_eurocorpus/slurm/logs).
    #[arg(long, value_name = "DIR")]
    log_dir: Option<PathBuf>,
}

#[derive(Args, Debug)]
struct PlanArgs {
    #[command(flatten)]
    pipeline: PipelineArgs,
    /// Tasks per parallel phase (default: as `slurm submit`).
    #[arg(long, value_name = "N")]
    tasks: Option<usize>,
    /// Cores per task (default: [slurm] cpus_per_task, else this machine's).
    #[arg(long, value_name = "N")]
    cores: Option<usize>,
    /// MB of input the sample reads (spread over up to 8 inputs).
    #[arg(long, default_value_t = 64, value_name = "MB")]
    sample_mb: u64,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
struct SlurmStatusArgs {
    /// The run's output folder.
    path: PathBuf,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

/// The pipeline arguments a submitted run's tasks use, parsed back.
#[derive(Parser, Debug)]
struct FrozenPipeline {
    #[command(flatten)]
    p: PipelineArgs,
}

#[derive(Subcommand, Debug)]
enum PiiCommand {
    /// Write one JSON object per document: {"id", "spans": [{"start", "end",
    /// "type", "subtype"}]}, offsets in UTF-8 bytes of the text.
    Detect(PiiArgs),
    /// Write the documents with the policies applied (default: redact every
    /// type with a placeholder such as <EMAIL>).
    Redact(PiiArgs),
    /// Score the detectors on labelled JSONL files (as in fixtures/pii):
    /// precision, recall and F1 per type, subtype and language.
    Eval(PiiEvalArgs),
}

#[derive(Args, Debug)]
struct PiiArgs {
    /// Input JSONL file (plain, .gz or .zst).
    input: PathBuf,
    /// Output JSONL file (written atomically); standard output when absent.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Language of documents without a "lang" field (ISO 639-1, e.g. de).
    #[arg(long, default_value = "")]
    lang: String,
    /// Country of documents without a "country" field (ISO 3166, e.g. AT).
    #[arg(long, default_value = "")]
    country: String,
    /// Field holding the text.
    #[arg(long, default_value = "text")]
    text_field: String,
    /// Field holding the document id (absent: the line number).
    #[arg(long, default_value = "id")]
    id_field: String,
    /// Take the policies and detector options from the pii stage of this
    /// pipeline file.
    #[arg(long)]
    pipeline: Option<PathBuf>,
    /// Policy for one type, e.g. --policy EMAIL=tag (repeatable; actions:
    /// redact, tag, drop, ignore).
    #[arg(long, value_name = "TYPE=ACTION")]
    policy: Vec<String>,
    /// What to do with an unusable line (malformed JSON, invalid UTF-8, no
    /// text): skip it and count it, or stop.
    #[arg(long, value_enum, default_value = "skip")]
    on_error: OnErrorArg,
}

#[derive(Args, Debug)]
struct ExplainArgs {
    /// Input JSONL file (plain, .gz or .zst) with "text" and optionally "id" and "lang".
    input: PathBuf,
    /// Explain the document with this id (repeatable).
    #[arg(long)]
    id: Vec<String>,
    /// Explain every document.
    #[arg(long)]
    all: bool,
    /// Take the thresholds from the quality stage of this pipeline file.
    #[arg(long)]
    pipeline: Option<PathBuf>,
    /// Language of documents without a "lang" field.
    #[arg(long, default_value = "")]
    lang: String,
    /// Print JSON instead of tables.
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
struct AuditArgs {
    /// An eurocorpus output folder.
    path: PathBuf,
    /// Report format on standard output.
    #[arg(long, value_enum, default_value = "markdown")]
    format: AuditFormat,
    /// Re-scan this share of the documents for personal data (0 < F <= 1),
    /// drawn deterministically from --seed; the report states the confidence.
    #[arg(long, default_value_t = 1.0)]
    sample: f64,
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Fail when more personal-data values than this are found (estimated
    /// for the whole dataset when sampling).
    #[arg(long, default_value_t = 0)]
    max_pii: u64,
    /// Locations listed in the report (all are counted).
    #[arg(long, default_value_t = 1000)]
    max_locations: usize,
}

#[derive(Args, Debug)]
struct EraseArgs {
    /// An eurocorpus output folder.
    path: PathBuf,
    /// The identifiers to forget, one per line.
    #[arg(long)]
    identifiers: PathBuf,
    /// Report what would be removed; change nothing.
    #[arg(long)]
    dry_run: bool,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
struct TraceArgs {
    /// An eurocorpus output folder.
    path: PathBuf,
    /// The document id (as in the output's `id` column; for documents
    /// without one in the input, `SOURCE:RECORD`).
    #[arg(long)]
    id: String,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
struct SummaryArgs {
    /// An eurocorpus output folder.
    path: PathBuf,
    /// Folder to write the three files to (default: the output folder).
    #[arg(long)]
    to: Option<PathBuf>,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum AuditFormat {
    Markdown,
    Json,
}

#[derive(Args, Debug)]
struct PiiEvalArgs {
    /// Labelled JSONL files.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Print JSON instead of Markdown tables.
    #[arg(long)]
    json: bool,
}

#[derive(Copy, Clone, Debug, ValueEnum)]
enum OnErrorArg {
    Skip,
    Fail,
}

/// A pipeline and the overrides every command that runs one takes.
#[derive(Args, Debug, Clone)]
struct PipelineArgs {
    /// Pipeline file (TOML); omit to use the built-in default pipeline.
    pipeline: Option<PathBuf>,
    /// Input files, folders (read recursively) or glob patterns; replaces
    /// the pipeline's input.paths.
    #[arg(long, short, num_args = 1.., value_name = "PATH")]
    input: Vec<PathBuf>,
    /// Output folder; replaces the pipeline's output.path.
    #[arg(long, short, value_name = "DIR")]
    output: Option<PathBuf>,
    /// tokenizer.json to tokenize with (adds a tokenize stage if the
    /// pipeline has none).
    #[arg(long, value_name = "FILE")]
    tokenizer: Option<PathBuf>,
    /// Worker threads (default: all cores, or SLURM_CPUS_PER_TASK in a
    /// Slurm job). Output is identical for any value.
    #[arg(long, short = 'j', value_name = "N")]
    threads: Option<usize>,
    /// What to do with a bad record or file: count and skip it, or stop.
    #[arg(long, value_enum, value_name = "POLICY")]
    on_error: Option<OnErrorArg>,
}

#[derive(Args, Debug)]
struct RunArgs {
    #[command(flatten)]
    pipeline: PipelineArgs,
    /// No progress bars or warnings (the final summary is still printed).
    #[arg(long, short)]
    quiet: bool,
    /// Write into a non-empty folder that holds no eurocorpus output.
    #[arg(long)]
    force: bool,
    /// Run only this phase of the plan (`eurocorpus plan` lists them):
    /// lines, frequent-lines, signatures, candidates, clusters, write, finish.
    #[arg(long, value_name = "PHASE")]
    phase: Option<Phase>,
    /// This task's number (0-based) when a phase is shared among
    /// --task-count tasks (default: SLURM_ARRAY_TASK_ID, or
    /// JOB_COMPLETION_INDEX of a Kubernetes Indexed Job).
    #[arg(long, value_name = "I")]
    task_index: Option<usize>,
    /// How many tasks share the phase (default: SLURM_ARRAY_TASK_COUNT).
    #[arg(long, value_name = "N")]
    task_count: Option<usize>,
}

#[derive(Args, Debug)]
struct TrainArgs {
    /// Input files, folders or globs (any format `run` reads).
    #[arg(long, short, num_args = 1.., required = true, value_name = "PATH")]
    input: Vec<PathBuf>,
    /// Where to write the tokenizer.json.
    #[arg(long, short, value_name = "FILE")]
    output: PathBuf,
    /// Vocabulary size, special tokens included.
    #[arg(long, default_value_t = 32_000)]
    vocab_size: usize,
    /// Minimum frequency of a pair to be merged.
    #[arg(long, default_value_t = 2)]
    min_frequency: u64,
    /// Field holding the text.
    #[arg(long, default_value = "text")]
    text_field: String,
    /// Field holding the language; languages are sampled evenly. Give ""
    /// to sample input files evenly instead.
    #[arg(long, default_value = "lang")]
    lang_field: String,
    /// Total bytes of text to train on, split evenly among languages.
    #[arg(long, default_value_t = 200_000_000)]
    sample_bytes: u64,
    /// Special tokens (they get the first ids).
    #[arg(long, num_args = 1.., default_values_t = ["<|endoftext|>".to_string(), "<|pad|>".to_string()])]
    special_tokens: Vec<String>,
}

#[derive(Args, Debug)]
struct TokenizeBenchArgs {
    /// The tokenizer.json to measure.
    #[arg(long, value_name = "FILE")]
    tokenizer: PathBuf,
    /// Input files, folders or globs (any format `run` reads).
    #[arg(long, short, num_args = 1.., required = true, value_name = "PATH")]
    input: Vec<PathBuf>,
    /// Field holding the text.
    #[arg(long, default_value = "text")]
    text_field: String,
    /// Stop after this many MB of text (0: all of it).
    #[arg(long, default_value_t = 0)]
    limit_mb: u64,
    /// Words the fast encoder caches (per thread).
    #[arg(long, default_value_t = eurocorpus::bpe::DEFAULT_CACHE_WORDS)]
    cache_words: usize,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
struct InspectArgs {
    /// An output folder or a Parquet file.
    path: PathBuf,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Err(e) = eurocorpus::signals::install() {
        eprintln!("eurocorpus: warning: cannot handle SIGINT/SIGTERM ({e}); a signal will stop the run abruptly");
    }
    match dispatch(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let signal = err.chain().find_map(|e| match e.downcast_ref::<Error>() {
                Some(i @ Error::Interrupted { number, .. }) => Some((i, *number)),
                _ => None,
            });
            if let Some((e, n)) = signal {
                // The signal's own message says what is kept and how to resume.
                eprintln!("eurocorpus: {e}");
                return ExitCode::from((128 + n) as u8);
            }
            eprintln!("eurocorpus: error: {err:#}");
            if out_of_space(&err) {
                eprintln!(
                    "eurocorpus: the disk is full (or a quota or file-size limit was reached); nothing half \
                     written is visible: free space and run the same command again to resume"
                );
            }
            let config_error = err.chain().any(|e| matches!(e.downcast_ref::<Error>(), Some(Error::Config { .. })));
            ExitCode::from(if config_error { 2 } else { 1 })
        }
    }
}

/// Whether an error comes from a full disk, an exhausted quota or the
/// file-size limit, wherever in the chain (the Parquet writer passes the OS
/// error on as text).
fn out_of_space(err: &anyhow::Error) -> bool {
    const CODES: [i32; 3] = [28, 122, 27]; // ENOSPC, EDQUOT, EFBIG
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>().and_then(std::io::Error::raw_os_error).is_some_and(|c| CODES.contains(&c))
    }) || CODES.iter().any(|&c| format!("{err:#}").contains(&format!("(os error {c})")))
}

fn dispatch(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Run(a) => run(a),
        Command::TrainTokenizer(a) => train_tokenizer(a),
        Command::TokenizeBench(a) => tokenize_bench(a),
        Command::DedupReport(a) => {
            let work = eurocorpus::dedup::phases::WorkDir::new(&a.path);
            let path = work.report();
            let text = std::fs::read_to_string(&path).with_context(|| {
                format!("no dedup report at {} (was the output made by a pipeline with dedup stages?)", path.display())
            })?;
            let r: eurocorpus::dedup::report::DedupReport = serde_json::from_str(&text)?;
            if a.json {
                println!("{}", serde_json::to_string_pretty(&r)?);
            } else {
                print!("{}", r.render());
            }
            Ok(())
        }
        Command::Pii(c) => pii(c),
        Command::Plan(a) => plan(a),
        Command::Slurm(SlurmCommand::Submit(a)) => slurm_submit(*a),
        Command::Slurm(SlurmCommand::Status(a)) => slurm_status(a),
        Command::Explain(a) => explain(a),
        Command::Audit(a) => audit(a),
        Command::Erase(a) => erase(a),
        Command::Summary(a) => {
            let (s, files) = eurocorpus::summary::write(&a.path, a.to.as_deref().unwrap_or(&a.path))?;
            println!(
                "{} documents, {} tokens, {} languages, {} sources",
                s.documents,
                s.tokens,
                s.languages.len(),
                s.sources.len()
            );
            for f in files {
                println!("  wrote {}", f.display());
            }
            Ok(())
        }
        Command::Prepare(a) => prepare(a),
        Command::MegatronMerge(a) => {
            let (seqs, docs, tokens) = eurocorpus::training::megatron::merge(&a.inputs, &a.output)?;
            println!(
                "merged {} pairs into {}.bin/.idx: {docs} documents, {seqs} sequences, {tokens} tokens",
                a.inputs.len(),
                a.output.display()
            );
            Ok(())
        }
        Command::Trace(a) => {
            let traces = eurocorpus::trace::trace(&a.path, &a.id)?;
            if traces.is_empty() {
                anyhow::bail!("no document with id {:?} in the decision ledger of {}", a.id, a.path.display());
            }
            if a.json {
                println!("{}", serde_json::to_string_pretty(&traces)?);
            } else {
                print!("{}", eurocorpus::trace::render(&traces, eurocorpus::erase::erased(&a.path).0 > 0));
            }
            Ok(())
        }
        Command::Inspect(a) => {
            let s = inspect::inspect(&a.path)?;
            if a.json {
                println!("{}", serde_json::to_string_pretty(&s)?);
            } else {
                print!("{}", s.render());
            }
            Ok(())
        }
    }
}

/// Loads the pipeline and applies the command line's overrides.
fn load_pipeline(a: &PipelineArgs, quiet: bool) -> anyhow::Result<(PipelineConfig, String)> {
    let (mut cfg, origin) = match &a.pipeline {
        Some(p) => (PipelineConfig::from_file(p)?, p.display().to_string()),
        None => (PipelineConfig::from_toml(DEFAULT_PIPELINE, "built-in default pipeline")?, "command line".to_string()),
    };
    if !a.input.is_empty() {
        cfg.input.paths = a.input.clone();
    }
    if let Some(o) = &a.output {
        cfg.output.path = o.clone();
    }
    if let Some(t) = a.threads {
        cfg.run.threads = t;
    }
    if let Some(p) = a.on_error {
        cfg.run.on_error = match p {
            OnErrorArg::Skip => OnError::Skip,
            OnErrorArg::Fail => OnError::Fail,
        };
    }
    if let Some(tok) = &a.tokenizer {
        match cfg.stages.iter_mut().find_map(|s| match s {
            StageConfig::Tokenize(t) => Some(t),
            _ => None,
        }) {
            Some(t) => t.tokenizer = tok.clone(),
            None => {
                cfg.stages.push(StageConfig::Tokenize(TokenizeConfig { tokenizer: tok.clone(), ..Default::default() }))
            }
        }
    }
    if a.pipeline.is_none() && cfg.tokenizer_path().is_none() && !quiet {
        eprintln!("note: no --tokenizer given: the output holds cleaned text without token ids");
    }
    Ok((cfg, origin))
}

fn run(a: RunArgs) -> anyhow::Result<()> {
    let (cfg, origin) = load_pipeline(&a.pipeline, a.quiet)?;
    let config_error = |problem: String| Error::Config { origin: "command line".into(), problems: vec![problem] };
    let task = TaskSel::resolve(a.task_index, a.task_count, |k| std::env::var(k).ok()).map_err(config_error)?;
    let opts = RunOptions { quiet: a.quiet, force: a.force, sample_bytes: 0 };
    let Some(phase) = a.phase else {
        if let Some(t) = task.filter(|t| t.count > 1) {
            return Err(config_error(format!(
                "this is task {} of {}: give the --phase it runs (`eurocorpus plan` lists them)",
                t.index, t.count
            ))
            .into());
        }
        let report = exec::run(&cfg, &origin, &opts).with_context(|| format!("pipeline {origin} failed"))?;
        eprint!("{}", summary(&cfg, &report));
        if let Some(t) = &cfg.training {
            let popts = PrepareOptions { threads: cfg.run.threads, quiet: a.quiet, ..Default::default() };
            let r = training::prepare(&cfg.output.path, t, &popts)
                .with_context(|| format!("pipeline {origin}: [training] failed"))?;
            eprint!("{}", prepare_summary(&r));
        }
        return Ok(());
    };
    let task = task.unwrap_or(TaskSel::ALL);
    // Fault injection for the Slurm tests: `phase:index` fails that task.
    if std::env::var("EUROCORPUS_FAIL_TASK").is_ok_and(|v| v == format!("{phase}:{}", task.index)) {
        anyhow::bail!("phase {phase}, task {} of {}: failure injected by EUROCORPUS_FAIL_TASK", task.index, task.count);
    }
    let r = exec::run_task(&cfg, &origin, &opts, phase, task)
        .with_context(|| format!("pipeline {origin}, phase {phase}, task {} of {} failed", task.index, task.count))?;
    match &r.run {
        Some(report) => eprint!("{}", summary(&cfg, report)),
        None => eprintln!(
            "phase {phase}, task {} of {}: {} units ({} done before), {} threads, {:.2} s",
            task.index,
            task.count,
            r.units,
            r.done_before,
            r.threads,
            r.elapsed.as_secs_f64()
        ),
    }
    Ok(())
}

fn prepare(a: PrepareArgs) -> anyhow::Result<()> {
    let mut cfg = match &a.config {
        Some(p) => {
            let text = std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?;
            let v: toml::Table = toml::from_str(&text).with_context(|| format!("{} is not TOML", p.display()))?;
            match v.get("training") {
                Some(t) => t
                    .clone()
                    .try_into::<TrainingConfig>()
                    .with_context(|| format!("{}: invalid [training] section", p.display()))?,
                None => anyhow::bail!("{} has no [training] section", p.display()),
            }
        }
        None => TrainingConfig::default(),
    };
    if let Some(s) = a.seed {
        cfg.seed = s;
    }
    if let Some(v) = a.validation {
        cfg.split.validation = v;
    }
    if let Some(n) = a.pack {
        cfg.pack = Some(training::config::PackConfig { seq_len: n, ..cfg.pack.unwrap_or_default() });
    }
    if let Some(f) = a.files {
        cfg.files = f;
    }
    if a.eos_id.is_some() {
        cfg.eos_id = a.eos_id;
    }
    if !a.format.is_empty() {
        cfg.formats =
            a.format
                .iter()
                .map(|f| {
                    if f == "megatron" {
                        training::config::Format::Megatron
                    } else {
                        training::config::Format::Parquet
                    }
                })
                .collect();
    }
    let config_error = |problem: String| Error::Config { origin: "command line".into(), problems: vec![problem] };
    let task = TaskSel::resolve(a.task_index, a.task_count, |k| std::env::var(k).ok()).map_err(config_error)?;
    let only = match (a.phase, task) {
        (Some(p), t) => Some((p, t.unwrap_or(TaskSel::ALL))),
        (None, Some(t)) if t.count > 1 => {
            return Err(config_error(format!(
                "this is task {} of {}: give the --phase it runs (census, scatter, gather, publish)",
                t.index, t.count
            ))
            .into())
        }
        (None, _) => None,
    };
    let opts =
        PrepareOptions { out: a.out.clone(), threads: a.threads.unwrap_or(0), quiet: a.quiet, only, force: a.force };
    let r = training::prepare(&a.dataset, &cfg, &opts)
        .with_context(|| format!("prepare {} failed", a.dataset.display()))?;
    eprint!("{}", prepare_summary(&r));
    Ok(())
}

fn prepare_summary(r: &training::PrepareReport) -> String {
    let mut s = String::new();
    if let Some(p) = r.phase {
        s += &format!(
            "prepare {p}: {} units ({} done before), {:.2} s\n",
            r.units,
            r.done_before,
            r.elapsed.as_secs_f64()
        );
    }
    if let Some(st) = &r.stats {
        s += &format!("training files in {} ({:.2} s):\n", r.out.display(), r.elapsed.as_secs_f64());
        for (name, sp) in &st.splits {
            if sp.documents == 0 {
                continue;
            }
            s += &format!(
                "  {name}: {} documents → {} written ({} repeats, {} dropped by mixing), {} files",
                sp.documents, sp.copies_written, sp.repeats, sp.dropped_by_mix, sp.files
            );
            if sp.rows > 0 {
                s += &format!(
                    ", {} packed rows ({} padding, {} dropped tokens)",
                    sp.rows, sp.padding_tokens, sp.dropped_tokens
                );
            }
            s += "\n";
        }
    }
    s
}

/// The arguments that give `run` the same pipeline as `a`.
fn pipeline_argv(a: &PipelineArgs) -> Vec<String> {
    let mut v: Vec<String> = a.pipeline.iter().map(|p| p.display().to_string()).collect();
    if !a.input.is_empty() {
        v.push("--input".into());
        v.extend(a.input.iter().map(|p| p.display().to_string()));
    }
    let opt = |v: &mut Vec<String>, k: &str, x: Option<String>| {
        if let Some(x) = x {
            v.push(k.into());
            v.push(x);
        }
    };
    opt(&mut v, "--output", a.output.as_ref().map(|p| p.display().to_string()));
    opt(&mut v, "--tokenizer", a.tokenizer.as_ref().map(|p| p.display().to_string()));
    opt(&mut v, "--threads", a.threads.map(|t| t.to_string()));
    opt(
        &mut v,
        "--on-error",
        a.on_error.map(|p| match p {
            OnErrorArg::Skip => "skip".into(),
            OnErrorArg::Fail => "fail".into(),
        }),
    );
    v
}

fn slurm_submit(a: SubmitArgs) -> anyhow::Result<()> {
    let (cfg, origin) = load_pipeline(&a.pipeline, true)?;
    let mut sc = cfg.slurm.clone();
    let set = |dst: &mut Option<String>, v: &Option<String>| {
        if v.is_some() {
            dst.clone_from(v);
        }
    };
    set(&mut sc.partition, &a.partition);
    set(&mut sc.account, &a.account);
    set(&mut sc.qos, &a.qos);
    set(&mut sc.time, &a.time);
    set(&mut sc.mem, &a.mem);
    sc.cpus_per_task = a.cpus_per_task.or(sc.cpus_per_task);
    sc.max_parallel = a.max_parallel.unwrap_or(sc.max_parallel);
    sc.extra.extend(a.extra.iter().cloned());
    sc.setup.extend(a.setup.iter().cloned());
    if a.log_dir.is_some() {
        sc.log_dir.clone_from(&a.log_dir);
    }
    cfg.validate(&origin)?;
    let files = eurocorpus::input::split::expand(eurocorpus::input::discover(&cfg.input)?.files, cfg.input.split_bytes);
    let tasks = a
        .tasks
        .or((sc.tasks > 0).then_some(sc.tasks))
        .unwrap_or_else(|| slurm::default_tasks(files.iter().map(|f| f.bytes).sum(), files.len()));
    if tasks == 0 {
        anyhow::bail!(Error::Config {
            origin: "command line".into(),
            problems: vec!["--tasks must be at least 1".into()]
        });
    }
    let progress = exec::phase_progress(&cfg, &origin, tasks)?;
    let inv = slurm::Invocation {
        exe: std::env::current_exe().context("cannot find the eurocorpus binary")?,
        cwd: std::env::current_dir().context("cannot read the current folder")?,
        args: pipeline_argv(&a.pipeline),
    };
    let name = if cfg.name.is_empty() { "pipeline" } else { cfg.name.as_str() };
    let out = cfg.output.path.clone();
    if !a.dry_run {
        // Submitting again while tasks of the run are queued would run them twice.
        if let Ok(previous) = slurm::load_run(&out) {
            let queued = slurm::queue(&previous)?;
            if !queued.is_empty() {
                let mut ids: Vec<&str> = queued.iter().map(|q| q.job_id.as_str()).collect();
                ids.dedup();
                anyhow::bail!(
                    "jobs of this run are still in the queue ({}): wait for them (eurocorpus slurm status {}) \
                     or cancel them (scancel {}) before submitting again",
                    ids.join(", "),
                    out.display(),
                    ids.join(" ")
                );
            }
        }
    }
    let sub = slurm::submit(&out, name, &sc, &inv, tasks, &progress, a.dry_run)?;
    if a.dry_run {
        for (_, path, text) in &sub.scripts {
            println!("# {}\n{text}", path.display());
        }
        return Ok(());
    }
    if sub.submissions.is_empty() {
        println!("nothing to submit: every phase of {} is finished", out.display());
        return Ok(());
    }
    for s in &sub.submissions {
        println!("{:<16} job {} (tasks {})", s.phase.name(), s.job_id, slurm::array_spec(&s.tasks, 0));
    }
    if !a.wait {
        println!("follow it with: eurocorpus slurm status {}", out.display());
        return Ok(());
    }
    let run = slurm::load_run(&out)?;
    let done = slurm::wait(&run, || exec::phase_progress(&cfg, &origin, tasks), |st| eprint!("{}", slurm::render(st)))?;
    if !done {
        anyhow::bail!("the run cannot finish: see the failed tasks above (their waiting jobs were cancelled)");
    }
    println!("finished: {}", out.join("manifest.json").display());
    Ok(())
}

fn plan(a: PlanArgs) -> anyhow::Result<()> {
    let (cfg, origin) = load_pipeline(&a.pipeline, true)?;
    cfg.validate(&origin)?;
    let files = eurocorpus::input::split::expand(eurocorpus::input::discover(&cfg.input)?.files, cfg.input.split_bytes);
    let tasks = a
        .tasks
        .or((cfg.slurm.tasks > 0).then_some(cfg.slurm.tasks))
        .unwrap_or_else(|| slurm::default_tasks(files.iter().map(|f| f.bytes).sum(), files.len()));
    let cores = a.cores.or(cfg.slurm.cpus_per_task).unwrap_or_else(|| exec::thread_count(0)).max(1);
    let report = eurocorpus::plan::estimate(&cfg, &origin, tasks.max(1), cores, a.sample_mb.max(1) << 20)?;
    if a.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", report.render(if cfg.name.is_empty() { "pipeline" } else { &cfg.name }));
    }
    Ok(())
}

fn slurm_status(a: SlurmStatusArgs) -> anyhow::Result<()> {
    let out = a.path.canonicalize().with_context(|| format!("no output folder {}", a.path.display()))?;
    let run = slurm::load_run(&out)?;
    // The tasks resolve relative paths from the submission's folder.
    std::env::set_current_dir(&run.invocation.cwd)
        .with_context(|| format!("cannot enter the submission folder {}", run.invocation.cwd.display()))?;
    let frozen = FrozenPipeline::try_parse_from(std::iter::once("run".to_string()).chain(run.invocation.args.clone()))
        .context("the submitted arguments in run.json cannot be parsed")?;
    let (cfg, origin) = load_pipeline(&frozen.p, true)?;
    let progress = exec::phase_progress(&cfg, &origin, run.task_count)?;
    let queued = match slurm::queue(&run) {
        Ok(q) => q,
        Err(e) => {
            eprintln!("note: {e}: tasks in the queue are not shown");
            Vec::new()
        }
    };
    let st = slurm::status(&run, &progress, &queued);
    if a.json {
        println!("{}", serde_json::to_string_pretty(&st)?);
    } else {
        print!("{}", slurm::render(&st));
    }
    Ok(())
}

/// The end-of-run table, printed whether or not a terminal is attached.
fn summary(cfg: &PipelineConfig, r: &RunReport) -> String {
    let s = &r.stats;
    let mut o = String::new();
    let name = if cfg.name.is_empty() { "pipeline" } else { cfg.name.as_str() };
    let _ = writeln!(
        o,
        "\n{name}: {} inputs ({} resumed), {} threads, {:.2} s",
        s.files,
        r.resumed,
        r.threads,
        r.elapsed.as_secs_f64()
    );
    let _ =
        writeln!(o, "  {:<12} {:>10} {:>10} {:>10} {:>10} {:>8}", "stage", "in", "out", "changed", "removed", "errors");
    for st in &s.stages {
        let removed: u64 = st.removed.values().sum();
        let errors: u64 = st.errors.values().sum();
        let _ = writeln!(
            o,
            "  {:<12} {:>10} {:>10} {:>10} {:>10} {:>8}",
            st.name, st.docs_in, st.docs_out, st.changed, removed, errors
        );
        for (reason, n) in st
            .removed
            .iter()
            .map(|(k, v)| (format!("removed: {k}"), v))
            .chain(st.errors.iter().map(|(k, v)| (format!("error: {k}"), v)))
        {
            let _ = writeln!(o, "  {:<12}   {reason} {n}", "");
        }
    }
    for (k, n) in &s.file_errors {
        let _ = writeln!(o, "  files stopped early: {k} {n}");
    }
    if s.empty_files > 0 {
        let _ = writeln!(o, "  empty input files: {}", s.empty_files);
    }
    if !r.skipped_files.is_empty() {
        let _ = writeln!(o, "  files of unknown format skipped: {} (listed in stats.json)", r.skipped_files.len());
    }
    let removed: u64 = s.removed().values().sum();
    let errored: u64 = s.errored().values().sum();
    let t = &r.manifest.totals;
    let _ = writeln!(
        o,
        "  accounted: read {} = written {} + removed {removed} + errored {errored}",
        s.documents_read(),
        s.documents_written
    );
    let secs = r.elapsed.as_secs_f64().max(1e-9);
    let _ = writeln!(
        o,
        "  wrote {} documents, {} tokens, {} shards ({} bytes) to {}",
        t.documents,
        human(t.tokens),
        t.shards,
        human(t.bytes),
        cfg.output.path.display()
    );
    let _ = writeln!(
        o,
        "  throughput: {:.1} MB/s of input, {}/s documents, {}/s tokens",
        s.bytes_read as f64 / 1e6 / secs,
        human((s.documents_read() as f64 / secs) as u64),
        human((s.tokens_written as f64 / secs) as u64)
    );
    if !s.error_samples.is_empty() {
        let _ = writeln!(o, "  error locations: see error_samples in {}", cfg.output.path.join("stats.json").display());
    }
    o
}

fn train_tokenizer(a: TrainArgs) -> anyhow::Result<()> {
    let opts = TrainOptions {
        inputs: a.input,
        output: a.output.clone(),
        vocab_size: a.vocab_size,
        min_frequency: a.min_frequency,
        text_field: a.text_field,
        lang_field: a.lang_field,
        sample_bytes: a.sample_bytes,
        special_tokens: a.special_tokens,
    };
    let report = train::train(&opts).context("train-tokenizer failed")?;
    eprintln!("{:<28} {:>14} {:>14}", "group", "available B", "sampled B");
    for g in &report.groups {
        eprintln!("{:<28} {:>14} {:>14}", g.group, g.available_bytes, g.sampled_bytes);
    }
    eprintln!("wrote {} (vocabulary {})", a.output.display(), report.vocab_size);
    Ok(())
}

fn tokenize_bench(a: TokenizeBenchArgs) -> anyhow::Result<()> {
    let opts = eurocorpus::tokenize_bench::BenchOptions {
        tokenizer: a.tokenizer.clone(),
        inputs: a.input,
        text_field: a.text_field,
        limit_bytes: a.limit_mb * 1_000_000,
        cache_words: a.cache_words,
    };
    let report = eurocorpus::tokenize_bench::run(&opts).context("tokenize-bench failed")?;
    if a.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", report.render(&a.tokenizer.display().to_string()));
    }
    if report.differing > 0 {
        anyhow::bail!("{} documents got different ids from the fast encoder", report.differing);
    }
    Ok(())
}

fn pii_options(a: &PiiArgs) -> anyhow::Result<eurocorpus::pii::command::PiiOptions> {
    use eurocorpus::pii::{Policy, PolicyConfig};
    let mut policy = match &a.pipeline {
        Some(p) => {
            let cfg = PipelineConfig::from_file(p)?;
            cfg.stages
                .iter()
                .find_map(|s| match s {
                    StageConfig::Pii(c) => Some(c.clone()),
                    _ => None,
                })
                .with_context(|| format!("{} has no pii stage", p.display()))?
        }
        None => PolicyConfig::default(),
    };
    for p in &a.policy {
        let (t, action) = p.split_once('=').with_context(|| format!("--policy {p:?}: expected TYPE=ACTION"))?;
        let action: Policy = serde_json::from_value(serde_json::Value::String(action.to_string()))
            .map_err(|_| anyhow::anyhow!("--policy {p:?}: the action must be redact, tag, drop or ignore"))?;
        policy.policies.insert(t.to_string(), action);
    }
    Ok(eurocorpus::pii::command::PiiOptions {
        text_field: a.text_field.clone(),
        id_field: a.id_field.clone(),
        lang: a.lang.clone(),
        country: a.country.clone(),
        on_error: match a.on_error {
            OnErrorArg::Skip => OnError::Skip,
            OnErrorArg::Fail => OnError::Fail,
        },
        policy,
    })
}

fn pii(c: PiiCommand) -> anyhow::Result<()> {
    let (a, redact) = match c {
        PiiCommand::Eval(e) => {
            let r = eurocorpus::pii::eval::evaluate(&e.files, &eurocorpus::pii::Detector::all())?;
            if e.json {
                println!("{}", serde_json::to_string_pretty(&r)?);
            } else {
                print!("{}", r.render());
            }
            return Ok(());
        }
        PiiCommand::Detect(a) => (a, false),
        PiiCommand::Redact(a) => (a, true),
    };
    let opts = pii_options(&a)?;
    let s = eurocorpus::pii::command::run(&a.input, a.output.as_deref(), &opts, redact)?;
    let found: Vec<String> = s.found.iter().map(|(k, v)| format!("{k} {v}")).collect();
    eprintln!(
        "eurocorpus pii: {} documents, {} written, {} dropped, {} skipped; found: {}",
        s.documents,
        s.written,
        s.dropped,
        s.skipped,
        if found.is_empty() { "nothing".to_string() } else { found.join(", ") }
    );
    for e in &s.errors {
        eprintln!("  skipped {e}");
    }
    Ok(())
}

fn audit(a: AuditArgs) -> anyhow::Result<()> {
    if !(a.sample > 0.0 && a.sample <= 1.0) {
        return Err(Error::Config {
            origin: "--sample".into(),
            problems: vec![format!("{} is not a share of the documents: give 0 < F <= 1", a.sample)],
        }
        .into());
    }
    let opts = eurocorpus::audit::AuditOptions {
        sample: a.sample,
        seed: a.seed,
        max_pii: a.max_pii,
        max_locations: a.max_locations,
    };
    let r = eurocorpus::audit::audit(&a.path, &opts)?;
    match a.format {
        AuditFormat::Markdown => print!("{}", r.markdown()),
        AuditFormat::Json => println!("{}", serde_json::to_string_pretty(&r)?),
    }
    let failed: Vec<&str> = r.checks.iter().filter(|c| !c.passed).map(|c| c.name).collect();
    if !failed.is_empty() {
        anyhow::bail!("audit of {} failed: {}", a.path.display(), failed.join(", "));
    }
    Ok(())
}

fn erase(a: EraseArgs) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(&a.identifiers)
        .with_context(|| format!("cannot read the identifiers file {}", a.identifiers.display()))?;
    let ids = eurocorpus::erase::parse_identifiers(&text, &a.identifiers.display().to_string())?;
    let r = eurocorpus::erase::erase(&a.path, &ids, a.dry_run)?;
    if a.json {
        println!("{}", serde_json::to_string_pretty(&r)?);
    } else {
        let verb = if a.dry_run { "would remove" } else { "removed" };
        println!(
            "{} identifiers: {verb} {} documents from {} shards",
            r.identifiers, r.documents_removed, r.shards_rewritten
        );
        for s in &r.shards {
            println!("  {}: {} of {} documents", s.path, s.removed, s.rows_before);
        }
    }
    if !a.dry_run && r.documents_removed > 0 && training::current(&a.path) == Some(false) {
        eprintln!(
            "eurocorpus: warning: {}/{} was prepared before this erasure and still holds the removed documents: \
             rerun `eurocorpus prepare {}` (it remakes every training file)",
            a.path.display(),
            training::TRAINING_DIR,
            a.path.display()
        );
    }
    Ok(())
}

fn explain(a: ExplainArgs) -> anyhow::Result<()> {
    if a.id.is_empty() && !a.all {
        anyhow::bail!("give --id ID (repeatable) or --all");
    }
    let pipeline = a.pipeline.as_ref().map(|p| PipelineConfig::from_file(p)).transpose()?;
    let cfg = match (&pipeline, &a.pipeline) {
        (Some(pc), Some(p)) => pc
            .stages
            .iter()
            .find_map(|s| match s {
                StageConfig::Quality(c) => Some(c.clone()),
                _ => None,
            })
            .with_context(|| format!("{} has no quality stage", p.display()))?,
        _ => eurocorpus::quality::QualityConfig::default(),
    };
    // Special categories as the pipeline's sensitive stage finds them.
    let sensitive = pipeline
        .iter()
        .flat_map(|pc| pc.stages.iter())
        .find_map(|s| match s {
            StageConfig::Sensitive(c) => Some(c.clone()),
            _ => None,
        })
        .unwrap_or_default();
    let problems = cfg.problems();
    if !problems.is_empty() {
        return Err(Error::Config { origin: "quality options".into(), problems }.into());
    }
    let (docs, skipped) =
        eurocorpus::quality::explain::explain(&a.input, &a.id, &a.lang, &cfg.rules(), &sensitive.detector())?;
    if a.json {
        println!("{}", serde_json::to_string_pretty(&docs)?);
    } else {
        for d in &docs {
            println!("{}", d.render());
        }
    }
    let missing: Vec<&String> = a.id.iter().filter(|id| !docs.iter().any(|d| &&d.id == id)).collect();
    if skipped > 0 {
        eprintln!("eurocorpus explain: {skipped} lines skipped (not a JSON object with a string \"text\")");
    }
    if !missing.is_empty() {
        anyhow::bail!("no document with id {:?} in {}", missing, a.input.display());
    }
    Ok(())
}
