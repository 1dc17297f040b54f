//! The runner: executes a pipeline over its inputs, in parallel, streaming,
//! resumably.
//!
//! Work is split by input file. A fixed number of *lanes* (one per thread)
//! each take the next unfinished input and stream it batch by batch: read a
//! batch, run the stages on it in the shared rayon pool (documents in
//! parallel, order kept), write the survivors to that input's own shards.
//! Memory is bounded by lanes × batch size, whatever the corpus size. As
//! every input's output depends only on that input and the configuration,
//! shards are byte-identical for any thread count; and since each input
//! gets a completion record once its shards are published, a killed run
//! resumes by redoing only the inputs without one.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use std::time::{Duration, Instant};
use unicode_segmentation::UnicodeSegmentation;

use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::config::{OnError, PartitionBy, PipelineConfig};
use crate::dedup::lines::{FrequentLines, LineDedupConfig};
use crate::dedup::phases::{
    candidates, candidates_done, clusters, clusters_done, count_lines, frequent_lines_done, line_hashes_done,
    signatures_done, DedupSpec, DocSig, LineTaskWriter, Part, RemovalList, SigScratch, SigTaskWriter, WorkDir,
};
use crate::dedup::report::{DedupReport, DocRef, ReportBuilder};
use crate::dedup::DupKind;
use crate::doc::Document;
use crate::error::{Error, ErrorKind, RecordError, Result};
use crate::index::Index;
use crate::input::{self, FieldSpec, InputFile, Item};
use crate::ledger::{day_of, verdict, Entry, LedgerWriter, DECISIONS_DIR};
use crate::manifest::{
    to_json, write_atomic, ColumnEntry, CompletionRecord, InputEntry, Manifest, TokenizerEntry, Totals, STATE_DIR,
};
use crate::marker;
use crate::output::{is_shard_name, writer_properties, Columns, OutputSchema, ShardWriter, DATA_DIR, OTHER_DIR};
use crate::plan::{Phase, TaskSel, Units};
use crate::progress::Progress;
use crate::stages::{hex, host_of, Outcome, Scratch, Stage, StageConfig, Tokenize};
use crate::stats::{ErrorSample, StageStats, Stats};

/// Fault injection for the kill-and-resume tests: abort the process (as a
/// SIGKILL would end it) right after this many batches have been written.
pub const ABORT_ENV: &str = "EUROCORPUS_ABORT_AFTER_BATCHES";

/// Fault injection for the tests: the run sends itself SIGTERM after this
/// many batches (all lanes counted), to test the clean stop.
pub const SIGNAL_ENV: &str = "EUROCORPUS_SIGTERM_AFTER_BATCHES";

/// Fault injection for the tests: after listing its inputs, the run
/// creates `PATH.waiting` and waits (up to two minutes) until `PATH`
/// exists, so a test can change the inputs at that exact moment (a file
/// that disappears during a run).
pub const PAUSE_ENV: &str = "EUROCORPUS_PAUSE_AFTER_LISTING";

fn pause_after_listing() {
    let Some(flag) = std::env::var_os(PAUSE_ENV).map(PathBuf::from) else { return };
    let mut waiting = flag.clone().into_os_string();
    waiting.push(".waiting");
    let _ = std::fs::write(&waiting, b"");
    let until = Instant::now() + std::time::Duration::from_secs(120);
    while !flag.exists() && Instant::now() < until {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// Options that are not part of the pipeline (they do not change output).
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// No progress bars, no warnings.
    pub quiet: bool,
    /// Write into a non-empty folder that is not a eurocorpus output.
    pub force: bool,
    /// Read at most about this many bytes of each input (0: all), for the
    /// sample runs of `eurocorpus plan`; `bytes_read` then counts the
    /// bytes sampled.
    pub sample_bytes: u64,
}

/// What a finished run produced.
#[derive(Debug)]
pub struct RunReport {
    /// Merged statistics (reconciled).
    pub stats: Stats,
    /// The manifest written.
    pub manifest: Manifest,
    /// Wall time of this invocation.
    pub elapsed: Duration,
    /// Inputs skipped because an earlier run completed them.
    pub resumed: usize,
    /// Files in input folders skipped for their unknown format.
    pub skipped_files: Vec<PathBuf>,
    /// Threads used.
    pub threads: usize,
}

struct Ctx<'a> {
    cfg: &'a PipelineConfig,
    files: &'a [InputFile],
    spec: Arc<FieldSpec>,
    /// Stages before the dedup point (all of them without dedup).
    pre: Vec<Box<dyn Stage>>,
    /// Exact / near-duplicate dedup, if configured.
    dedup: Option<DedupSpec>,
    /// `line_dedup`, if configured, and its frequent lines once counted.
    lines: Option<LineDedupConfig>,
    frequent: OnceLock<FrequentLines>,
    /// Names of the dedup stages, in pipeline order (the dedup point).
    dedup_names: Vec<&'static str>,
    /// Stages after the dedup point.
    post: Vec<Box<dyn Stage>>,
    /// Stats names: `read`, then every stage in pipeline order.
    stage_names: Vec<&'static str>,
    work: WorkDir,
    schema: OutputSchema,
    out: &'a Path,
    fingerprint: String,
    pool: rayon::ThreadPool,
    progress: Progress,
    cancel: AtomicBool,
    abort_after: Option<u64>,
    /// Fault injection: SIGTERM to itself after this many batches.
    signal_after: Option<u64>,
    batches: AtomicU64,
    sample_bytes: u64,
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The configuration as hashed and recorded. Left out: the thread count,
/// which does not change the output, and the output path, which is where
/// the manifest itself lives (so a moved or copied dataset keeps its
/// identity and still resumes).
pub fn config_identity(cfg: &PipelineConfig) -> (serde_json::Value, String) {
    let mut c = cfg.clone();
    c.run.threads = 0;
    c.output.path = std::path::PathBuf::new();
    c.slurm = Default::default();
    c.training = None;
    let value = serde_json::to_value(&c).expect("config serialises");
    let hash = sha256_hex(&serde_json::to_vec(&value).expect("value serialises"));
    (value, hash)
}

/// Runs a whole pipeline: every phase of its plan, in this process.
///
/// # Errors
/// An invalid configuration (before any I/O), an output folder that is not
/// ours, a bad input under `on_error = "fail"`, an I/O error on the output,
/// or counts that do not reconcile.
pub fn run(cfg: &PipelineConfig, origin: &str, opts: &RunOptions) -> Result<RunReport> {
    match execute(cfg, origin, opts, None)? {
        Executed::Run(r) => Ok(r),
        Executed::Task(_) => Err(Error::Internal("a whole run ended as a task".into())),
    }
}

/// Runs one task's share of one phase (see [`crate::plan`]): the units of
/// the phase that `task` owns and no earlier run finished. The `finish`
/// phase also returns the run's report.
///
/// # Errors
/// As [`run`]; and [`Error::Incomplete`] when an earlier phase has not
/// finished every unit this phase reads (naming each, and its task).
pub fn run_task(
    cfg: &PipelineConfig,
    origin: &str,
    opts: &RunOptions,
    phase: Phase,
    task: TaskSel,
) -> Result<TaskReport> {
    if let (Some(tp), Some(training)) = (phase.training(), &cfg.training) {
        cfg.validate(origin)?;
        let popts = crate::training::PrepareOptions {
            out: None,
            threads: cfg.run.threads,
            quiet: opts.quiet,
            only: Some((tp, task)),
            force: opts.force,
        };
        let r = crate::training::prepare(&cfg.output.path, training, &popts)?;
        return Ok(TaskReport {
            phase,
            task,
            units: r.units + r.done_before,
            done_before: r.done_before,
            elapsed: r.elapsed,
            threads: thread_count(cfg.run.threads),
            run: None,
        });
    }
    match execute(cfg, origin, opts, Some((phase, task)))? {
        Executed::Task(t) => Ok(t),
        Executed::Run(_) => Err(Error::Internal("a task ended as a whole run".into())),
    }
}

/// What one task did.
#[derive(Debug)]
pub struct TaskReport {
    /// The phase.
    pub phase: Phase,
    /// Which task.
    pub task: TaskSel,
    /// Units of the phase this task owns.
    pub units: usize,
    /// Of those, units an earlier run had finished (skipped).
    pub done_before: usize,
    /// Wall time.
    pub elapsed: Duration,
    /// Threads used.
    pub threads: usize,
    /// The run's report, from the `finish` phase.
    pub run: Option<RunReport>,
}

enum Executed {
    Run(RunReport),
    Task(TaskReport),
}

/// Worker threads: the configured number, else the CPUs Slurm gave the
/// task (`SLURM_CPUS_PER_TASK`: without cgroups a task sees every core of
/// the node), else every core.
pub fn thread_count(configured: usize) -> usize {
    if configured > 0 {
        return configured;
    }
    std::env::var("SLURM_CPUS_PER_TASK")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// The run's identity: configuration, tokenizer and tool version.
pub fn fingerprint(config_hash: &str, tokenizer_sha256: &str) -> String {
    sha256_hex(format!("{config_hash}|{tokenizer_sha256}|{}", env!("CARGO_PKG_VERSION")).as_bytes())
}

fn execute(cfg: &PipelineConfig, origin: &str, opts: &RunOptions, only: Option<(Phase, TaskSel)>) -> Result<Executed> {
    let started = Instant::now();
    cfg.validate(origin)?;
    let discovered = input::discover(&cfg.input)?;
    let mut files = input::split::expand(discovered.files, cfg.input.split_bytes);
    if let Some((phase, _)) = only {
        let plan = Phase::of(cfg, &files);
        if !plan.contains(&phase) {
            let names: Vec<&str> = plan.iter().map(|p| p.name()).collect();
            return Err(Error::Config {
                origin: origin.to_string(),
                problems: vec![format!("phase `{phase}` is not in this pipeline's plan ({})", names.join(", "))],
            });
        }
    }
    let out = cfg.output.path.as_path();
    check_output_folder(out, &files, opts.force)?;
    pause_after_listing();
    // Two whole runs into one folder would race; tasks of a job array share
    // it by design (their units do not overlap).
    let _lock = if only.is_none() { Some(RunLock::take(out)?) } else { None };

    let mut pre: Vec<Box<dyn Stage>> = Vec::new();
    let mut post: Vec<Box<dyn Stage>> = Vec::new();
    let (mut exact, mut minhash, mut lines, mut dedup_names) = (None, None, None, Vec::new());
    let mut tokenizer = None;
    for s in &cfg.stages {
        let built: Box<dyn Stage> = match s {
            StageConfig::ExactDedup(c) => {
                exact = Some(c.clone());
                dedup_names.push(s.kind());
                continue;
            }
            StageConfig::MinhashDedup(c) => {
                minhash = Some(c.clone());
                dedup_names.push(s.kind());
                continue;
            }
            StageConfig::LineDedup(c) => {
                lines = Some(c.clone());
                dedup_names.push(s.kind());
                continue;
            }
            StageConfig::Tokenize(c) => {
                let t = Tokenize::new(c)?;
                tokenizer = Some(TokenizerEntry {
                    path: c.tokenizer.display().to_string(),
                    sha256: t.sha256().to_string(),
                    vocab_size: t.vocab_size(),
                    encoder: t.encoder().to_string(),
                });
                Box::new(t)
            }
            other => other.build(&cfg.input.metadata)?,
        };
        if dedup_names.is_empty() {
            pre.push(built);
        } else {
            post.push(built);
        }
    }
    let cluster_columns = minhash.as_ref().is_some_and(|m| m.keep_cluster_size);
    let dedup = (exact.is_some() || minhash.is_some()).then(|| DedupSpec::new(exact, minhash));
    let (config_value, config_hash) = config_identity(cfg);
    let fingerprint = fingerprint(&config_hash, tokenizer.as_ref().map_or("", |t| t.sha256.as_str()));
    let threads = thread_count(cfg.run.threads);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("eurocorpus-worker-{i}"))
        .build()
        .map_err(|e| Error::Internal(format!("cannot start the thread pool: {e}")))?;
    std::fs::create_dir_all(out.join(STATE_DIR).join("inputs"))
        .map_err(|e| Error::io(out, "create the output folder", e))?;
    // manifest.json is the last file a run publishes: one left by an
    // earlier, different run must not describe this one's half-made output.
    if marker::check(&out.join(STATE_DIR).join(FINISH_MARKER), &fingerprint, false).is_err() {
        for f in ["manifest.json", "stats.json"] {
            let path = out.join(f);
            match std::fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(Error::io(&path, "remove the earlier run's file", e))
                }
                _ => {}
            }
        }
    }

    // The first record number of each part of a split JSONL input.
    let index = Index::new(out);
    match only {
        Some((Phase::Index, task)) => {
            let sizes: Vec<u64> = files.iter().map(|f| f.bytes).collect();
            let mine: Vec<usize> = task.share(&sizes).into_iter().filter(|&u| files[u].needs_line_count()).collect();
            let done_before = count_lines_of(&index, &files, &mine, &fingerprint, &pool)?;
            return Ok(Executed::Task(TaskReport {
                phase: Phase::Index,
                task,
                units: mine.len(),
                done_before,
                elapsed: started.elapsed(),
                threads,
                run: None,
            }));
        }
        Some((phase @ (Phase::Lines | Phase::Signatures | Phase::Write), task)) => {
            if let Err(problems) = index.fill(&mut files, &fingerprint) {
                let sizes: Vec<u64> = files.iter().map(|f| f.bytes).collect();
                let owners = TaskSel::owners(task.count, &sizes);
                let problems = problems
                    .into_iter()
                    .map(|(u, why)| unit_problem(&files, Phase::Index, u, &why, (owners[u], task.count)))
                    .collect();
                return Err(incomplete(phase, problems));
            }
        }
        Some(_) => {}
        None => {
            let all: Vec<usize> = (0..files.len()).filter(|&u| files[u].needs_line_count()).collect();
            count_lines_of(&index, &files, &all, &fingerprint, &pool)?;
            if let Err(problems) = index.fill(&mut files, &fingerprint) {
                let why: Vec<String> = problems.into_iter().map(|(u, why)| format!("input {u} {why}")).collect();
                return Err(Error::Internal(format!("line counts just made are unusable: {}", why.join("; "))));
            }
        }
    }
    let files = &files[..];

    // Inputs already completed by an earlier run of the same configuration.
    let mut records: Vec<Option<CompletionRecord>> =
        (0..files.len()).map(|i| load_valid_record(out, i, &files[i], &fingerprint)).collect();
    let resumed = records.iter().filter(|r| r.is_some()).count();
    let sizes: Vec<u64> = files.iter().map(|f| f.bytes).collect();
    // Inputs to write: all unfinished ones, or this task's share of them
    // (largest first, so one big file does not start last).
    let todo: Vec<usize> = match only {
        Some((phase, _)) if phase != Phase::Write => Vec::new(),
        _ => {
            only.map_or(TaskSel::ALL, |(_, t)| t).share(&sizes).into_iter().filter(|&i| records[i].is_none()).collect()
        }
    };
    let todo_set: BTreeSet<usize> = todo.iter().copied().collect();
    for (path, input) in existing_shards(out)? {
        if todo_set.contains(&input) {
            std::fs::remove_file(&path).map_err(|e| Error::io(&path, "remove an unfinished shard", e))?;
        }
    }

    let stage_names: Vec<&'static str> = std::iter::once("read")
        .chain(pre.iter().map(|s| s.name()))
        .chain(dedup_names.iter().copied())
        .chain(post.iter().map(|s| s.name()))
        .collect();
    let work = WorkDir::new(out);
    // Extra passes over every input, unless an earlier run of this
    // configuration finished them: line counting, signatures.
    let total_bytes: u64 = match only {
        None => {
            let extra_passes =
                u64::from(lines.is_some() && !todo.is_empty() && !frequent_lines_done(&work, &fingerprint))
                    + u64::from(dedup.is_some() && !todo.is_empty() && !clusters_done(&work, &fingerprint));
            todo.iter().map(|&i| files[i].bytes).sum::<u64>() + extra_passes * sizes.iter().sum::<u64>()
        }
        Some((Phase::Lines | Phase::Signatures, task)) => task.share(&sizes).iter().map(|&i| sizes[i]).sum(),
        Some(_) => todo.iter().map(|&i| sizes[i]).sum(),
    };
    let mut ctx = Ctx {
        cfg,
        files,
        spec: Arc::new(FieldSpec::from_config(&cfg.input)),
        schema: OutputSchema::new(
            &cfg.output,
            Columns {
                tokens: tokenizer.is_some(),
                clusters: cluster_columns,
                pii: cfg.pii_column(),
                lang_score: cfg.stages.iter().any(|s| matches!(s, StageConfig::Langid(_))),
            },
            &cfg.input.metadata,
        ),
        pre,
        dedup,
        lines,
        frequent: OnceLock::new(),
        dedup_names,
        post,
        stage_names: stage_names.clone(),
        work,
        out,
        fingerprint,
        pool,
        progress: Progress::new(
            total_bytes,
            opts.quiet,
            format!("{} inputs ({} done before)", files.len(), resumed),
            &stage_names,
        ),
        cancel: AtomicBool::new(false),
        abort_after: std::env::var(ABORT_ENV).ok().and_then(|v| v.parse().ok()),
        signal_after: std::env::var(SIGNAL_ENV).ok().and_then(|v| v.parse().ok()),
        batches: AtomicU64::new(0),
        sample_bytes: opts.sample_bytes,
    };

    let finished =
        Finished { started, tokenizer, config_value, config_hash, skipped: discovered.skipped, threads, resumed };
    if let Some((phase, task)) = only {
        if phase != Phase::Finish {
            let r = run_phase(&ctx, phase, task, &todo, threads);
            ctx.progress.finish();
            let (units, done_before) = r?;
            return Ok(Executed::Task(TaskReport {
                phase,
                task,
                units,
                done_before,
                elapsed: started.elapsed(),
                threads,
                run: None,
            }));
        }
        ctx.progress.finish();
        let owners = TaskSel::owners(task.count, &sizes);
        let missing: Vec<String> = (0..files.len())
            .filter(|&i| records[i].is_none())
            .map(|i| unit_problem(files, Phase::Write, i, "has no completion record", (owners[i], task.count)))
            .collect();
        if !missing.is_empty() {
            return Err(incomplete(Phase::Finish, missing));
        }
        // Every input was written by the write phase's tasks, not resumed.
        let report = finish(ctx, records, Finished { resumed: 0, ..finished })?;
        return Ok(Executed::Task(TaskReport {
            phase,
            task,
            units: 1,
            done_before: 0,
            elapsed: report.elapsed,
            threads,
            run: Some(report),
        }));
    }
    let dedup_summary = run_dedup_phases(&ctx, &todo, threads);
    let results = match dedup_summary {
        Ok(_) => run_lanes(&ctx, &todo, threads, |i| process_input(&ctx, i)),
        Err(e) => vec![(0, Err(e))],
    };
    ctx.progress.finish();
    let mut results = results;
    results.sort_by_key(|(i, _)| *i);
    for (i, r) in results {
        match r {
            Ok(rec) => records[i] = rec,
            Err(e) if crate::signals::received().is_none() => return Err(e),
            Err(_) => {}
        }
    }
    if let Some(e) = interrupted(|| {
        let done = records.iter().filter(|r| r.is_some()).count();
        format!("{done} of {} inputs are finished and kept", records.len())
    }) {
        return Err(e);
    }
    finish(ctx, records, finished).map(Executed::Run)
}

/// The index phase on `units`: counts the lines of those not counted yet
/// (in parallel); returns how many were counted before.
fn count_lines_of(
    index: &Index,
    files: &[InputFile],
    units: &[usize],
    fingerprint: &str,
    pool: &rayon::ThreadPool,
) -> Result<usize> {
    let pending: Vec<usize> = units.iter().copied().filter(|&u| index.lines(files, u, fingerprint).is_err()).collect();
    pool.install(|| pending.par_iter().try_for_each(|&u| index.count(files, u, fingerprint)))?;
    Ok(units.len() - pending.len())
}

/// What [`finish`] needs besides the context.
struct Finished {
    started: Instant,
    tokenizer: Option<TokenizerEntry>,
    config_value: serde_json::Value,
    config_hash: String,
    skipped: Vec<PathBuf>,
    threads: usize,
    resumed: usize,
}

/// The `finish` phase: merges the completion records into `stats.json` and
/// `manifest.json`, removes stale shards and the dedup work files.
fn finish(ctx: Ctx, records: Vec<Option<CompletionRecord>>, f: Finished) -> Result<RunReport> {
    let Finished { started, tokenizer, config_value, config_hash, skipped, threads, resumed } = f;
    let Ctx { schema, work, dedup, lines, stage_names, out, cfg, files, fingerprint, .. } = ctx;
    let records: Vec<CompletionRecord> = records
        .into_iter()
        .enumerate()
        .map(|(i, r)| r.ok_or_else(|| Error::Internal(format!("input {i} was neither completed nor failed"))))
        .collect::<Result<_>>()?;

    let mut stats = Stats::new(&stage_names[1..]);
    for r in &records {
        stats.merge(&r.stats);
    }
    stats.reconcile()?;
    if dedup.is_some() || lines.is_some() {
        let report = DedupReport::merge_all(records.iter().map(|r| &r.dedup));
        write_atomic(&work.report(), &to_json(&report))?;
        // Signatures, hashes and edges are only needed to resume a run;
        // the removal lists stay for reruns of single inputs.
        work.clean();
    }

    let mut shards: Vec<_> = records.iter().flat_map(|r| r.shards.iter().cloned()).collect();
    shards.sort_by(|a, b| a.path.cmp(&b.path));
    let decisions: Vec<_> = records.iter().filter_map(|r| r.decisions.clone()).collect();
    let current: BTreeSet<PathBuf> = shards.iter().chain(&decisions).map(|s| out.join(&s.path)).collect();
    for (path, _) in existing_shards(out)? {
        if !current.contains(&path) {
            std::fs::remove_file(&path).map_err(|e| Error::io(&path, "remove a stale shard", e))?;
        }
    }
    let totals = Totals {
        documents: shards.iter().map(|s| s.rows).sum(),
        tokens: shards.iter().map(|s| s.tokens).sum(),
        shards: shards.len() as u64,
        bytes: shards.iter().map(|s| s.bytes).sum(),
    };
    let manifest = Manifest {
        tool: "eurocorpus".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        pipeline: cfg.name.clone(),
        config_hash,
        config: config_value,
        tokenizer,
        partitioning: (cfg.output.partition_by == PartitionBy::Lang).then(|| "lang".to_string()),
        schema: ColumnEntry::of_schema(schema.schema()),
        totals,
        shards,
        decisions,
        inputs: input_entries(files, &records),
    };
    let elapsed = started.elapsed();
    let report = RunReport { stats, manifest, elapsed, resumed, skipped_files: skipped, threads };
    // The manifest last: whoever sees it sees a finished dataset.
    write_atomic(&out.join("stats.json"), &to_json(&StatsFile::new(&report)))?;
    write_atomic(&out.join("manifest.json"), &to_json(&report.manifest))?;
    marker::write(
        &out.join(STATE_DIR).join(FINISH_MARKER),
        &fingerprint,
        &[(&out.join("manifest.json"), report.manifest.totals.documents), (&out.join("stats.json"), 1)],
    )?;
    Ok(report)
}

/// The manifest's inputs: one entry per file, its parts added up.
fn input_entries(files: &[InputFile], records: &[CompletionRecord]) -> Vec<InputEntry> {
    let mut out: Vec<InputEntry> = Vec::with_capacity(files.len());
    for (f, r) in files.iter().zip(records) {
        let (read, written) = (r.stats.documents_read(), r.stats.documents_written);
        if let (Some(s), Some(last)) = (f.split, out.last_mut()) {
            if s.part > 0 {
                last.bytes += f.bytes;
                last.documents_read += read;
                last.documents_written += written;
                continue;
            }
        }
        out.push(InputEntry {
            path: f.path.display().to_string(),
            source: f.source.clone(),
            format: f.format,
            bytes: f.bytes,
            documents_read: read,
            documents_written: written,
            parts: f.split.map_or(1, |s| s.parts),
        });
    }
    out
}

/// How far each phase of a run has got, by task: read from the markers and
/// completion records only (nothing is computed), for `slurm status` and
/// resubmission.
#[derive(Debug, Clone, Serialize)]
pub struct PhaseProgress {
    /// The phase.
    pub phase: Phase,
    /// Tasks sharing it (1 for the one-unit phases).
    pub tasks: usize,
    /// Units (inputs, sections, or 1).
    pub units: usize,
    /// Units finished.
    pub units_done: usize,
    /// Indices of the tasks with an unfinished unit.
    pub unfinished_tasks: Vec<usize>,
}

/// The progress of every phase of `cfg`'s plan in its output folder, with
/// the parallel phases shared among `task_count` tasks.
///
/// # Errors
/// An invalid configuration, or inputs that cannot be listed.
pub fn phase_progress(cfg: &PipelineConfig, origin: &str, task_count: usize) -> Result<Vec<PhaseProgress>> {
    cfg.validate(origin)?;
    let files = input::split::expand(input::discover(&cfg.input)?.files, cfg.input.split_bytes);
    let out = cfg.output.path.as_path();
    let tok_sha = match cfg.tokenizer_path() {
        Some(p) => sha256_hex(&std::fs::read(p).map_err(|e| Error::io(p, "read the tokenizer", e))?),
        None => String::new(),
    };
    let fp = fingerprint(&config_identity(cfg).1, &tok_sha);
    let work = WorkDir::new(out);
    let sizes: Vec<u64> = files.iter().map(|f| f.bytes).collect();
    let parts = DedupSpec::of(&cfg.stages).parts(task_count);
    let finished = marker::check(&out.join(STATE_DIR).join(FINISH_MARKER), &fp, false).is_ok();
    let mut all = Vec::new();
    // The [training] phases report their own progress, after these.
    let index = Index::new(out);
    for phase in Phase::of(cfg, &files).into_iter().filter(|p| p.training().is_none()) {
        let (unit_sizes, tasks) = match phase.units() {
            Units::Inputs => (sizes.clone(), task_count),
            Units::Sections => (vec![1; parts.len()], task_count),
            Units::One | Units::Shards | Units::Files => (vec![1], 1),
        };
        let done = |u: usize| match phase {
            Phase::Write => finished || load_valid_record(out, u, &files[u], &fp).is_some(),
            // The counts stay after the run.
            Phase::Index => !files[u].needs_line_count() || index.lines(&files, u, &fp).is_ok(),
            Phase::Finish => finished,
            // The finish phase removes the dedup work files and their markers.
            _ if finished => true,
            Phase::Candidates => marker::check(&work.edges_marker(parts[u]), &fp, false).is_ok(),
            _ => work.marker(phase, u).is_some_and(|m| marker::check(&m, &fp, false).is_ok()),
        };
        let done_units: Vec<bool> = (0..unit_sizes.len()).map(done).collect();
        let owners = TaskSel::owners(tasks, &unit_sizes);
        let unfinished: BTreeSet<usize> =
            (0..unit_sizes.len()).filter(|&u| !done_units[u]).map(|u| owners[u]).collect();
        let unfinished_tasks = unfinished.into_iter().collect();
        all.push(PhaseProgress {
            phase,
            tasks,
            units: unit_sizes.len(),
            units_done: done_units.iter().filter(|d| **d).count(),
            unfinished_tasks,
        });
    }
    if let Some(t) = &cfg.training {
        all.extend(crate::training::progress(out, t, task_count));
    }
    Ok(all)
}

/// The lock of a whole run on its output folder: `_eurocorpus/run.lock`
/// naming the host and process, removed when the run ends. A lock whose
/// process is gone (a killed run) is taken over.
struct RunLock(PathBuf);

impl RunLock {
    fn take(out: &Path) -> Result<Self> {
        let dir = out.join(STATE_DIR);
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, "create the output folder", e))?;
        let path = dir.join("run.lock");
        let host = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap_or_default().trim().to_string();
        let me = format!("{} {host}\n", std::process::id());
        for _ in 0..2 {
            match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut f) => {
                    use std::io::Write;
                    f.write_all(me.as_bytes()).map_err(|e| Error::io(&path, "write the lock", e))?;
                    return Ok(RunLock(path));
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let text = std::fs::read_to_string(&path).unwrap_or_default();
                    let mut it = text.split_whitespace();
                    let (pid, their_host) = (it.next().unwrap_or(""), it.next().unwrap_or(""));
                    let alive = their_host != host || Path::new("/proc").join(pid).exists();
                    if alive && !pid.is_empty() {
                        return Err(Error::Output {
                            path: out.to_path_buf(),
                            detail: format!(
                                "another eurocorpus run (process {pid} on {}) is writing to it; wait for it to end \
                                 (if no run is active there, delete {})",
                                if their_host.is_empty() { "this host" } else { their_host },
                                path.display()
                            ),
                        });
                    }
                    // Left by a run that was killed: take it over.
                    let _ = std::fs::remove_file(&path);
                }
                Err(e) => return Err(Error::io(&path, "create the lock", e)),
            }
        }
        Err(Error::Output { path: out.to_path_buf(), detail: "cannot take the run lock".into() })
    }
}

impl Drop for RunLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The `finish` phase's marker, in the state folder.
pub const FINISH_MARKER: &str = "finish.done";

fn check_output_folder(out: &Path, files: &[InputFile], force: bool) -> Result<()> {
    if out.exists() {
        if !out.is_dir() {
            return Err(Error::Output { path: out.to_path_buf(), detail: "exists and is not a folder".into() });
        }
        // Judged from one listing: tasks of a phase start together, and the
        // first creates the state folder before anything else.
        let names: Vec<std::ffi::OsString> = std::fs::read_dir(out)
            .map_err(|e| Error::io(out, "list the output folder", e))?
            .filter_map(|e| e.ok().map(|e| e.file_name()))
            .collect();
        let non_empty = !names.is_empty();
        let ours = names.iter().any(|n| n == STATE_DIR || n == "manifest.json");
        // Even with --force: a run removes files it did not make under
        // data/ and other/, and would read its own output as input.
        if let Ok(out_abs) = out.canonicalize() {
            for f in files {
                if f.path.canonicalize().is_ok_and(|p| p.starts_with(&out_abs)) {
                    return Err(Error::Output {
                        path: out.to_path_buf(),
                        detail: format!("contains the input {}; write the output elsewhere", f.path.display()),
                    });
                }
            }
        }
        if non_empty && !ours && !force {
            return Err(Error::Output {
                path: out.to_path_buf(),
                detail: "is not empty and holds no eurocorpus output; choose a new folder or pass --force".into(),
            });
        }
    }
    Ok(())
}

fn load_valid_record(out: &Path, i: usize, file: &InputFile, fingerprint: &str) -> Option<CompletionRecord> {
    let text = std::fs::read(CompletionRecord::path(out, i)).ok()?;
    let rec: CompletionRecord = serde_json::from_slice(&text).ok()?;
    let shards_ok = rec
        .shards
        .iter()
        .chain(&rec.decisions)
        .all(|s| std::fs::metadata(out.join(&s.path)).is_ok_and(|m| m.len() == s.bytes));
    (rec.fingerprint == fingerprint
        && rec.input == i
        && rec.source == file.source
        && rec.bytes == file.bytes
        && shards_ok)
        .then_some(rec)
}

/// Shard files (and their temporaries) under the output's `data/` and
/// `other/` folders and their partition folders, with the input number in
/// their name.
fn existing_shards(out: &Path) -> Result<Vec<(PathBuf, usize)>> {
    let mut found = Vec::new();
    let mut dirs = Vec::new();
    for top in [DATA_DIR, OTHER_DIR, DECISIONS_DIR] {
        let data = out.join(top);
        if !data.is_dir() {
            continue;
        }
        dirs.push(data.clone());
        let entries = std::fs::read_dir(&data).map_err(|e| Error::io(&data, "list the output folder", e))?;
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.contains('=') && e.path().is_dir() {
                dirs.push(e.path());
            }
        }
    }
    for d in dirs {
        let entries = std::fs::read_dir(&d).map_err(|e| Error::io(&d, "list the output folder", e))?;
        for e in entries.flatten() {
            if let Some(i) = is_shard_name(&e.file_name().to_string_lossy()) {
                found.push((e.path(), i));
            }
        }
    }
    found.sort();
    Ok(found)
}

/// How a document's trip through the stages ended.
enum End {
    Kept,
    Removed(usize, &'static str),
    Failed(usize, ErrorKind, String),
}

/// Stage-specific counts of one document: (stage, key, subkey, n).
type StageCounts = Vec<(usize, &'static str, &'static str, u64)>;

/// What happened to one document: the stages that changed it (bit per
/// stage), how its trip ended, and its stage-specific counts.
type Fate = (u64, End, StageCounts);

fn run_stages(stages: &[Box<dyn Stage>], offset: usize, doc: &mut Document, scratch: &mut Scratch) -> Fate {
    let mut changed = 0u64;
    let mut counts = StageCounts::new();
    for (i, s) in stages.iter().enumerate() {
        let i = i + offset;
        // A bug on one document must not end a days-long run, nor print the
        // panic's message (slicing panics quote the text): the document is
        // errored, counted and located by id like any other failure.
        let outcome = input::guard_decoder(|| s.apply(doc, scratch)).unwrap_or_else(|| {
            scratch.counts.clear();
            Outcome::Failed(ErrorKind::StagePanicked, "the stage panicked (a bug: please report it)".into())
        });
        counts.extend(scratch.counts.drain(..).map(|(k, sub, n)| (i, k, sub, n)));
        match outcome {
            Outcome::Kept => {}
            Outcome::Changed => changed |= 1 << i.min(63),
            Outcome::Removed(r) => return (changed, End::Removed(i, r), counts),
            Outcome::Failed(k, m) => return (changed, End::Failed(i, k, m), counts),
        }
    }
    (changed, End::Kept, counts)
}

/// Adds a document's stage-specific counts to the run's statistics.
fn add_counts(stats: &mut Stats, counts: &StageCounts) {
    for &(stage, key, sub, n) in counts {
        let map = &mut stats.stages[stage + 1].counts;
        if sub.is_empty() {
            *map.entry(key.to_string()).or_default() += n;
        } else {
            *map.entry(format!("{key}/{sub}")).or_default() += n;
        }
    }
}

/// Runs `f` on each of `todo` in one lane per thread; stops handing out
/// work after the first error. Results are unordered.
fn run_lanes<T: Send>(
    ctx: &Ctx,
    todo: &[usize],
    threads: usize,
    f: impl Fn(usize) -> Result<Option<T>> + Sync,
) -> Vec<(usize, Result<Option<T>>)> {
    let next = AtomicUsize::new(0);
    let results = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..threads.min(todo.len()) {
            scope.spawn(|| loop {
                let k = next.fetch_add(1, Ordering::Relaxed);
                if k >= todo.len() || ctx.cancel.load(Ordering::Relaxed) {
                    break;
                }
                let i = todo[k];
                let r = f(i);
                if r.is_err() {
                    ctx.cancel.store(true, Ordering::Relaxed);
                }
                results.lock().expect("no lane panics while holding the lock").push((i, r));
            });
        }
    });
    results.into_inner().expect("lanes finished")
}

/// Fails on the first error of a set of lane results, or on a cancelled lane.
fn check_lanes(mut results: Vec<(usize, Result<Option<()>>)>) -> Result<()> {
    results.sort_by_key(|(i, _)| *i);
    let total = results.len();
    if let Some(e) = interrupted(|| {
        let done = results.iter().filter(|(_, r)| matches!(r, Ok(Some(())))).count();
        format!("{done} of the {total} units started here are finished")
    }) {
        return Err(e);
    }
    for (_, r) in results {
        if r?.is_none() {
            return Err(Error::Internal("a phase was cancelled".into()));
        }
    }
    Ok(())
}

/// The error of a run a signal stopped, if one did; `done` says what is kept.
fn interrupted(done: impl FnOnce() -> String) -> Option<Error> {
    crate::signals::received().map(|n| Error::Interrupted { signal: crate::signals::name(n), done: done(), number: n })
}

/// Runs task `task`'s share of `phase` (any phase but `finish`): the units
/// it owns that no earlier run finished. Returns (units owned, units done
/// before). `todo` is the write phase's share, without finished inputs.
fn run_phase(ctx: &Ctx, phase: Phase, task: TaskSel, todo: &[usize], threads: usize) -> Result<(usize, usize)> {
    require(ctx, phase, task.count)?;
    let sizes: Vec<u64> = ctx.files.iter().map(|f| f.bytes).collect();
    let fp = &ctx.fingerprint;
    let not_planned = || Error::Internal(format!("phase {phase} is not in the plan"));
    if matches!(phase, Phase::Signatures | Phase::Write) && ctx.lines.is_some() {
        let _ = ctx.frequent.set(FrequentLines::load(&ctx.work.frequent())?);
    }
    let run_inputs = |done: &dyn Fn(usize) -> bool, f: &(dyn Fn(usize) -> Result<Option<()>> + Sync)| {
        let mine = task.share(&sizes);
        let pending: Vec<usize> = mine.iter().copied().filter(|&i| !done(i)).collect();
        check_lanes(run_lanes(ctx, &pending, threads, f))?;
        Ok((mine.len(), mine.len() - pending.len()))
    };
    match phase {
        Phase::Lines => {
            let lc = ctx.lines.as_ref().ok_or_else(not_planned)?;
            run_inputs(&|i| line_hashes_done(&ctx.work, i, fp), &|i| line_hash_task(ctx, lc, i))
        }
        Phase::FrequentLines => {
            let lc = ctx.lines.as_ref().ok_or_else(not_planned)?;
            if frequent_lines_done(&ctx.work, fp) {
                return Ok((1, 1));
            }
            count_lines(&ctx.work, ctx.files.len(), lc.max_documents, fp)?;
            Ok((1, 0))
        }
        Phase::Signatures => {
            let spec = ctx.dedup.as_ref().ok_or_else(not_planned)?;
            run_inputs(&|i| signatures_done(&ctx.work, i, fp), &|i| signature_task(ctx, spec, i).map(|r| r.map(|_| ())))
        }
        Phase::Candidates => {
            let spec = ctx.dedup.as_ref().ok_or_else(not_planned)?;
            let parts = spec.parts(task.count);
            let mine: Vec<Part> = task.share(&vec![1; parts.len()]).into_iter().map(|u| parts[u]).collect();
            let pending: Vec<Part> = mine.iter().copied().filter(|&p| !candidates_done(&ctx.work, p, fp)).collect();
            ctx.pool.install(|| {
                pending.par_iter().try_for_each(|&p| candidates(spec, &ctx.work, ctx.files.len(), p, fp).map(|_| ()))
            })?;
            Ok((mine.len(), mine.len() - pending.len()))
        }
        Phase::Clusters => {
            let spec = ctx.dedup.as_ref().ok_or_else(not_planned)?;
            if clusters_done(&ctx.work, fp) {
                return Ok((1, 1));
            }
            // The partitions of the clustering run on the task's threads.
            ctx.pool.install(|| clusters(spec, &ctx.work, ctx.files.len(), &spec.parts(task.count), fp))?;
            Ok((1, 0))
        }
        Phase::Write => {
            if ctx.dedup.is_some() {
                let problems: Vec<String> = todo
                    .iter()
                    .filter_map(|&i| {
                        let why = ctx.work.verify_removal(i, fp).err()?;
                        let why = format!("(removal list of input {i}): {why}");
                        Some(unit_problem(ctx.files, Phase::Clusters, 0, &why, (0, task.count)))
                    })
                    .collect();
                if !problems.is_empty() {
                    return Err(incomplete(phase, problems));
                }
            }
            let mine = task.share(&sizes).len();
            check_lanes(run_lanes(ctx, todo, threads, |i| process_input(ctx, i).map(|r| r.map(|_| ()))))?;
            Ok((mine, mine - todo.len()))
        }
        Phase::Finish => Err(Error::Internal("the finish phase has no units to share".into())),
        Phase::Index => Err(Error::Internal("the index phase runs before the others start".into())),
        Phase::Census | Phase::Scatter | Phase::Gather | Phase::Publish => {
            Err(Error::Internal(format!("phase {phase} runs in `prepare`")))
        }
    }
}

/// The phases whose output `phase` reads, with whether it reads their files
/// in full (then their checksums are verified before it starts; files read
/// in part are checked by size).
fn reads(ctx: &Ctx, phase: Phase) -> Vec<(Phase, bool)> {
    let (lines, dedup) = (ctx.lines.is_some(), ctx.dedup.is_some());
    match phase {
        // The index is checked when the inputs are listed.
        Phase::Index | Phase::Lines => vec![],
        Phase::FrequentLines => vec![(Phase::Lines, true)],
        Phase::Signatures => {
            if lines {
                vec![(Phase::FrequentLines, true)]
            } else {
                vec![]
            }
        }
        Phase::Candidates => vec![(Phase::Signatures, false)],
        Phase::Clusters => vec![(Phase::Candidates, true)],
        Phase::Write => {
            let mut v = Vec::new();
            if lines {
                v.push((Phase::FrequentLines, true));
            }
            if dedup {
                v.push((Phase::Clusters, false));
            }
            v
        }
        Phase::Finish => vec![(Phase::Write, false)],
        // `prepare` checks its own markers.
        Phase::Census | Phase::Scatter | Phase::Gather | Phase::Publish => vec![],
    }
}

/// Checks that every unit `phase` reads was completed by its phase.
fn require(ctx: &Ctx, phase: Phase, count: usize) -> Result<()> {
    let mut problems = Vec::new();
    for (need, deep) in reads(ctx, phase) {
        let markers: Vec<Option<PathBuf>> = match need.units() {
            Units::Inputs => (0..ctx.files.len()).map(|u| ctx.work.marker(need, u)).collect(),
            Units::Sections => ctx
                .dedup
                .as_ref()
                .map_or(vec![], |d| d.parts(count).into_iter().map(|p| Some(ctx.work.edges_marker(p))).collect()),
            Units::One => vec![ctx.work.marker(need, 0)],
            Units::Shards | Units::Files => vec![],
        };
        let sizes: Vec<u64> = match need.units() {
            Units::Inputs => ctx.files.iter().map(|f| f.bytes).collect(),
            _ => vec![1; markers.len()],
        };
        let owners = TaskSel::owners(if need.parallel() { count } else { 1 }, &sizes);
        for (unit, path) in markers.into_iter().enumerate() {
            let Some(path) = path else { continue };
            if let Err(why) = marker::check(&path, &ctx.fingerprint, deep) {
                problems.push(unit_problem(ctx.files, need, unit, &why, (owners[unit], count)));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(incomplete(phase, problems))
    }
}

/// One line of an [`Error::Incomplete`]: the unit, what is wrong, and the
/// task (`owner` of `count`) that redoes it.
fn unit_problem(files: &[InputFile], phase: Phase, unit: usize, why: &str, (owner, count): (usize, usize)) -> String {
    let rerun = format!("rerun `--phase {phase} --task-index {owner} --task-count {count}`");
    match phase.units() {
        Units::Inputs => format!("{phase}: input {unit} ({}) {why}; {rerun}", files[unit].display()),
        Units::Sections => format!("{phase}: unit {unit} (a section or a hash range of one) {why}; {rerun}"),
        Units::One => format!("{phase} {why}; {rerun}"),
        Units::Shards | Units::Files => format!("{phase}: unit {unit} {why}; {rerun}"),
    }
}

/// The error for a phase that cannot start, with at most 20 problems listed.
fn incomplete(phase: Phase, mut problems: Vec<String>) -> Error {
    if problems.len() > 20 {
        let more = problems.len() - 20;
        problems.truncate(20);
        problems.push(format!("… and {more} more"));
    }
    Error::Incomplete { phase: phase.name(), problems }
}

/// The dedup phases before the final pass (needed only when some input is
/// still to be written): line counting, signatures, candidates per section,
/// clusters. Parts finished by an earlier run are skipped.
fn run_dedup_phases(ctx: &Ctx, todo: &[usize], threads: usize) -> Result<()> {
    if todo.is_empty() {
        return Ok(());
    }
    let all = 0..ctx.files.len();
    let check = check_lanes;
    if let Some(lc) = &ctx.lines {
        let set = if frequent_lines_done(&ctx.work, &ctx.fingerprint) {
            FrequentLines::load(&ctx.work.frequent())?
        } else {
            let pending: Vec<usize> =
                all.clone().filter(|&i| !line_hashes_done(&ctx.work, i, &ctx.fingerprint)).collect();
            check(run_lanes(ctx, &pending, threads, |i| line_hash_task(ctx, lc, i)))?;
            count_lines(&ctx.work, ctx.files.len(), lc.max_documents, &ctx.fingerprint)?
        };
        let _ = ctx.frequent.set(set);
    }
    let Some(spec) = &ctx.dedup else { return Ok(()) };
    if clusters_done(&ctx.work, &ctx.fingerprint) {
        return Ok(());
    }
    let pending: Vec<usize> = all.filter(|&i| !signatures_done(&ctx.work, i, &ctx.fingerprint)).collect();
    check(run_lanes(ctx, &pending, threads, |i| signature_task(ctx, spec, i).map(|r| r.map(|_| ()))))?;
    let tasks = ctx.files.len();
    let parts = spec.parts(1);
    let pending: Vec<Part> =
        parts.iter().copied().filter(|&p| !candidates_done(&ctx.work, p, &ctx.fingerprint)).collect();
    ctx.pool.install(|| {
        pending.par_iter().try_for_each(|&p| candidates(spec, &ctx.work, tasks, p, &ctx.fingerprint).map(|_| ()))
    })?;
    ctx.pool.install(|| clusters(spec, &ctx.work, tasks, &parts, &ctx.fingerprint))?;
    Ok(())
}

/// The documents of a batch that the stages before the dedup point kept;
/// under `on_error = "fail"` a stage failure stops the run here already.
fn survivors<'b>(ctx: &Ctx, idx: usize, batch: &'b mut [Document], fates: &[Fate]) -> Result<Vec<&'b mut Document>> {
    let fail = ctx.cfg.run.on_error == OnError::Fail;
    let mut kept = Vec::with_capacity(batch.len());
    for (doc, (_, end, _)) in batch.iter_mut().zip(fates) {
        match end {
            End::Kept => kept.push(doc),
            End::Failed(i, kind, detail) if fail => {
                return Err(Error::Input(stage_error(ctx, idx, doc, *i, *kind, detail)))
            }
            _ => {}
        }
    }
    Ok(kept)
}

/// Line counting for one input: the stages before the dedup point, then the
/// hashes of each document's distinct lines.
fn line_hash_task(ctx: &Ctx, lc: &LineDedupConfig, idx: usize) -> Result<Option<()>> {
    let budget = ctx.dedup.as_ref().and_then(|d| d.minhash.as_ref()).map_or(64 << 20, |m| m.sort_buffer_bytes);
    let mut writer = LineTaskWriter::new(&ctx.work, idx, budget);
    let mut stats = Stats::new(&ctx.stage_names[1..]);
    let finished = stream_input(ctx, idx, &mut stats, false, &mut |mut batch, _, _| {
        let fates = run_batch(ctx, &ctx.pre, 0, &mut batch);
        let kept = survivors(ctx, idx, &mut batch, &fates)?;
        let hashes: Vec<Vec<u64>> = ctx.pool.install(|| {
            kept.par_iter()
                .map(|d| {
                    let mut h = Vec::new();
                    lc.hashes(&d.text, &mut h);
                    h
                })
                .collect()
        });
        hashes.iter().try_for_each(|h| writer.push(h))
    })?;
    if !finished {
        return Ok(None);
    }
    writer.finish(&ctx.fingerprint).map(Some)
}

/// True when `line_dedup` comes before the other dedup stages, so that
/// they compare the text without its boilerplate lines.
fn lines_first(ctx: &Ctx) -> bool {
    let pos = |n: &str| ctx.dedup_names.iter().position(|x| *x == n);
    match (pos("line_dedup"), pos("exact_dedup").or(pos("minhash_dedup"))) {
        (Some(l), Some(d)) => l < d,
        _ => false,
    }
}

/// Applies `line_dedup` to a kept document: returns the lines removed and
/// whether the document is now too short.
fn strip_lines(ctx: &Ctx, doc: &mut Document, report: Option<&mut ReportBuilder>) -> (u64, bool) {
    let (Some(lc), Some(frequent)) = (&ctx.lines, ctx.frequent.get()) else { return (0, false) };
    let n = match report {
        Some(r) => lc.remove_with(&mut doc.text, frequent, &mut |h, t| r.line(h, t)),
        None => lc.remove(&mut doc.text, frequent),
    };
    (n, n > 0 && doc.text.unicode_words().count() < lc.min_words)
}

/// A record the `read` pseudo-stage set aside: empty, or unreadable.
struct Skipped {
    record: u64,
    id: String,
    error: bool,
    reason: &'static str,
}

/// What [`stream_input`] hands each batch to.
type BatchFn<'f> = dyn FnMut(Vec<Document>, &[Skipped], &mut Stats) -> Result<()> + 'f;

/// Reads input `idx` in batches, counting the `read` pseudo-stage into
/// `stats`, and hands each batch to `f` with the records set aside since
/// the previous one (both in record order). Returns false when the
/// run was cancelled. With `report` false (the signature pass) errors are
/// counted but not printed: the final pass reports them.
fn stream_input(ctx: &Ctx, idx: usize, stats: &mut Stats, report: bool, f: &mut BatchFn) -> Result<bool> {
    let file = &ctx.files[idx];
    let cfg = ctx.cfg;
    let fail = cfg.run.on_error == OnError::Fail;
    let counters = ctx.progress.counters();
    let sampled = Arc::new(AtomicU64::new(0));
    let counter = if ctx.sample_bytes > 0 { sampled.clone() } else { counters.bytes.clone() };
    let mut reader = input::open(file, &ctx.spec, counter);
    let mut eof = false;
    let mut skipped = Vec::new();
    while !eof {
        if ctx.cancel.load(Ordering::Relaxed) || crate::signals::received().is_some() {
            return Ok(false);
        }
        let mut batch: Vec<Document> = Vec::with_capacity(cfg.run.batch_docs.min(4096));
        let mut batch_bytes = 0usize;
        while batch.len() < cfg.run.batch_docs && batch_bytes < cfg.run.batch_bytes {
            if ctx.sample_bytes > 0 && sampled.load(Ordering::Relaxed) >= ctx.sample_bytes {
                eof = true;
                break;
            }
            match reader.next() {
                None => {
                    eof = true;
                    break;
                }
                Some(Item::Bad(e)) => {
                    if fail {
                        return Err(Error::Input(e));
                    }
                    if report {
                        counters.errors.fetch_add(1, Ordering::Relaxed);
                        if !e.kind.ends_file() {
                            counters.docs_read.fetch_add(1, Ordering::Relaxed);
                        }
                        ctx.progress.warn(&e.to_string());
                    }
                    stats.record_error(&e);
                    if let (false, Some(record)) = (e.kind.ends_file(), e.record) {
                        let id = Document::derived_id(&file.source, record);
                        skipped.push(Skipped { record, id, error: true, reason: e.kind.name() });
                    }
                }
                Some(Item::Doc(doc)) => {
                    if report {
                        counters.docs_read.fetch_add(1, Ordering::Relaxed);
                    }
                    let read = stats.read_mut();
                    read.docs_in += 1;
                    if doc.text.trim().is_empty() {
                        *read.removed.entry("empty".into()).or_default() += 1;
                        if report {
                            counters.removed_by_stage[0].fetch_add(1, Ordering::Relaxed);
                        }
                        skipped.push(Skipped { record: doc.record, id: doc.id, error: false, reason: "empty" });
                    } else {
                        read.docs_out += 1;
                        batch_bytes += doc.text.len();
                        batch.push(doc);
                    }
                }
            }
        }
        if !batch.is_empty() || !skipped.is_empty() {
            f(batch, &skipped, stats)?;
            skipped.clear();
        }
        let n = ctx.batches.fetch_add(1, Ordering::SeqCst) + 1;
        if ctx.abort_after == Some(n) {
            std::process::abort();
        }
        if ctx.signal_after == Some(n) {
            crate::signals::raise(signal_hook::consts::SIGTERM);
        }
    }
    if ctx.sample_bytes > 0 {
        stats.bytes_read = sampled.load(Ordering::Relaxed);
    }
    Ok(true)
}

/// Runs `stages` (numbered from `offset` in the stats) on a batch, in
/// parallel, keeping order.
fn run_batch(ctx: &Ctx, stages: &[Box<dyn Stage>], offset: usize, batch: &mut [Document]) -> Vec<Fate> {
    ctx.pool
        .install(|| batch.par_iter_mut().map_init(Scratch::default, |s, d| run_stages(stages, offset, d, s)).collect())
}

/// The first stage failure of a batch, as the error `on_error = "fail"`
/// stops with.
fn stage_error(ctx: &Ctx, idx: usize, doc: &Document, stage: usize, kind: ErrorKind, detail: &str) -> RecordError {
    RecordError {
        path: ctx.files[idx].path.clone(),
        record: Some(doc.record),
        kind,
        detail: format!("stage {} failed on document {}: {detail}", ctx.stage_names[stage + 1], doc.id),
    }
}

/// Phase 1 of dedup for one input: the stages before the dedup point, then
/// the document's hashes, written in ordinal order.
fn signature_task(ctx: &Ctx, spec: &DedupSpec, idx: usize) -> Result<Option<u64>> {
    let mut writer = SigTaskWriter::new(spec, &ctx.work, idx)?;
    let mut stats = Stats::new(&ctx.stage_names[1..]);
    let strip = lines_first(ctx);
    let finished = stream_input(ctx, idx, &mut stats, false, &mut |mut batch, _, _| {
        let fates = run_batch(ctx, &ctx.pre, 0, &mut batch);
        let mut kept = survivors(ctx, idx, &mut batch, &fates)?;
        if strip {
            kept.retain_mut(|d| !strip_lines(ctx, d, None).1);
        }
        let sigs: Vec<DocSig> = ctx.pool.install(|| {
            kept.par_iter()
                .map_init(SigScratch::default, |s, d| {
                    let mut out = DocSig::default();
                    spec.compute(&d.text, s, &mut out);
                    out
                })
                .collect()
        });
        for sig in &sigs {
            writer.push(sig)?;
        }
        Ok(())
    })?;
    if !finished {
        return Ok(None);
    }
    writer.finish(&ctx.fingerprint).map(Some)
}

fn process_input(ctx: &Ctx, idx: usize) -> Result<Option<CompletionRecord>> {
    let file = &ctx.files[idx];
    let cfg = ctx.cfg;
    let fail = cfg.run.on_error == OnError::Fail;
    let counters = ctx.progress.counters();
    let mut stats = Stats::new(&ctx.stage_names[1..]);
    // A file read in parts counts once, with its first part.
    stats.files = u64::from(file.split.is_none_or(|s| s.part == 0));
    stats.bytes_read = file.bytes;
    let removal = match &ctx.dedup {
        Some(_) => Some(RemovalList::load(&ctx.work, idx)?),
        None => None,
    };
    let n_pre = ctx.pre.len();
    let dedup_at = |name: &str| ctx.dedup_names.iter().position(|n| *n == name).map(|p| n_pre + p);
    // Exact copies are attributed to exact_dedup when it is configured.
    let (exact_stage, near_stage) = (dedup_at("exact_dedup"), dedup_at("minhash_dedup"));
    let post_offset = n_pre + ctx.dedup_names.len();
    let mut ordinal = 0u64;
    let mut report = ReportBuilder::default();
    let mut writer = ShardWriter::new(ctx.out, idx, &ctx.schema, &cfg.output);
    let mut ledger = LedgerWriter::create(ctx.out, idx, writer_properties(&cfg.output))?;
    let fields = LedgerFields::new(ctx, idx);
    let finished = stream_input(ctx, idx, &mut stats, true, &mut |mut batch, skipped, stats| {
        let mut fates = run_batch(ctx, &ctx.pre, 0, &mut batch);
        let mut verdicts_done = false;
        for (g, name) in ctx.dedup_names.iter().enumerate() {
            let stage = n_pre + g;
            if *name == "line_dedup" {
                for (doc, fate) in batch.iter_mut().zip(fates.iter_mut()) {
                    if !matches!(fate.1, End::Kept) {
                        continue;
                    }
                    let (n, too_short) = strip_lines(ctx, doc, Some(&mut report));
                    if n > 0 {
                        fate.0 |= 1 << stage.min(63);
                        *stats.stages[stage + 1].counts.entry("lines_removed".into()).or_default() += n;
                    }
                    if too_short {
                        fate.1 = End::Removed(stage, "too_short");
                    }
                }
                continue;
            }
            let Some(list) = removal.as_ref().filter(|_| !verdicts_done) else { continue };
            verdicts_done = true;
            for (doc, fate) in batch.iter_mut().zip(fates.iter_mut()) {
                if !matches!(fate.1, End::Kept) {
                    continue;
                }
                let v = list.verdict(ordinal);
                ordinal += 1;
                doc.dup = Some((v.cluster_size, v.cluster_id));
                let at = DocRef { id: doc.id.clone(), source: doc.source.to_string(), record: doc.record };
                report.cluster_member(v.cluster_id, v.cluster_size, at, v.removed.is_none());
                fate.1 = match v.removed {
                    Some(DupKind::Exact) => {
                        End::Removed(exact_stage.or(near_stage).expect("a dedup stage"), "duplicate")
                    }
                    Some(DupKind::Near) => {
                        End::Removed(near_stage.or(exact_stage).expect("a dedup stage"), "near_duplicate")
                    }
                    None => End::Kept,
                };
            }
        }
        if !ctx.post.is_empty() {
            let post = &ctx.post;
            ctx.pool.install(|| {
                batch.par_iter_mut().zip(fates.par_iter_mut()).filter(|(_, f)| matches!(f.1, End::Kept)).for_each_init(
                    Scratch::default,
                    |s, (d, f)| {
                        let (changed, end, counts) = run_stages(post, post_offset, d, s);
                        f.0 |= changed;
                        f.1 = end;
                        f.2.extend(counts);
                    },
                )
            });
        }
        let n_stages = ctx.stage_names.len() - 1;
        let mut kept = Vec::with_capacity(batch.len());
        for (doc, (changed, end, counts)) in batch.iter().zip(&fates) {
            add_counts(stats, counts);
            let stop = match end {
                End::Kept => n_stages,
                End::Removed(i, _) | End::Failed(i, _, _) => *i,
            };
            for j in 0..stop {
                let st = &mut stats.stages[j + 1];
                st.docs_in += 1;
                st.docs_out += 1;
                if changed & (1 << j.min(63)) != 0 {
                    st.changed += 1;
                }
            }
            match end {
                End::Kept => kept.push(doc),
                End::Removed(i, reason) => {
                    let st: &mut StageStats = &mut stats.stages[i + 1];
                    st.docs_in += 1;
                    *st.removed.entry(reason.to_string()).or_default() += 1;
                    counters.removed_by_stage[i + 1].fetch_add(1, Ordering::Relaxed);
                }
                End::Failed(i, kind, detail) => {
                    let e = stage_error(ctx, idx, doc, *i, *kind, detail);
                    if fail {
                        return Err(Error::Input(e));
                    }
                    let st = &mut stats.stages[i + 1];
                    st.docs_in += 1;
                    *st.errors.entry(kind.name().to_string()).or_default() += 1;
                    counters.errors.fetch_add(1, Ordering::Relaxed);
                    ctx.progress.warn(&e.to_string());
                    stats.sample(&e);
                }
            }
        }
        let shards_of = writer.write(&kept)?;
        let tokens: u64 = kept.iter().map(|d| d.tokens.len() as u64).sum();
        stats.documents_written += kept.len() as u64;
        stats.tokens_written += tokens;
        stats.text_bytes_written += kept.iter().map(|d| d.text.len() as u64).sum::<u64>();
        counters.docs_written.fetch_add(kept.len() as u64, Ordering::Relaxed);
        counters.tokens.fetch_add(tokens, Ordering::Relaxed);

        // The ledger: set-aside records and documents, merged in record order.
        let mut shards_of = shards_of.iter();
        let mut skipped = skipped.iter().peekable();
        let source = fields.source;
        for (doc, (changed, end, counts)) in batch.iter().zip(&fates) {
            while let Some(s) = skipped.next_if(|s| s.record < doc.record) {
                ledger.push(&skipped_entry(s, source))?;
            }
            let shard = if matches!(end, End::Kept) { shards_of.next().map(|s| s.as_ref()) } else { None };
            ledger.push(&fields.doc_entry(ctx, doc, (changed, end, counts), shard))?;
        }
        for s in skipped {
            ledger.push(&skipped_entry(s, source))?;
        }
        Ok(())
    })?;
    if !finished {
        return Ok(None);
    }
    let shards = writer.finish()?;
    let decisions = Some(ledger.finish()?);
    // A part may own no line (one long line can span it).
    if stats.documents_read() == 0 && stats.file_errors.is_empty() && file.split.is_none() {
        stats.empty_files = 1;
        ctx.progress.warn(&format!("{}: the file holds no documents", file.path.display()));
    }
    let rec = CompletionRecord {
        fingerprint: ctx.fingerprint.clone(),
        input: idx,
        source: file.source.clone(),
        bytes: file.bytes,
        stats,
        shards,
        decisions,
        dedup: report.finish(),
    };
    write_atomic(&CompletionRecord::path(ctx.out, idx), &to_json(&rec))?;
    Ok(Some(rec))
}

/// Where the ledger's per-document fields come from in one input's run.
struct LedgerFields<'a> {
    source: &'a str,
    n_stages: usize,
    url_at: Option<usize>,
    date_at: Option<usize>,
    pii_stage: Option<usize>,
}

impl<'a> LedgerFields<'a> {
    fn new(ctx: &'a Ctx, idx: usize) -> Self {
        let meta_at = |name: &str| ctx.cfg.input.metadata.iter().position(|m| m == name);
        LedgerFields {
            source: &ctx.files[idx].source,
            n_stages: ctx.stage_names.len() - 1,
            url_at: meta_at("url"),
            date_at: meta_at("date"),
            pii_stage: ctx.stage_names.iter().position(|n| *n == "pii").map(|p| p - 1),
        }
    }

    /// The ledger row of a document that went through the stages; `shard`
    /// is where it was written, if it was.
    fn doc_entry<'d>(
        &self,
        ctx: &'d Ctx,
        doc: &'d Document,
        (changed, end, counts): (&u64, &'d End, &StageCounts),
        shard: Option<&'d str>,
    ) -> Entry<'d>
    where
        'a: 'd,
    {
        let (decision, stage, reason) = match end {
            End::Kept if doc.routed => (verdict::ROUTED, None, None),
            End::Kept => (verdict::KEPT, None, None),
            End::Removed(i, r) => (verdict::REMOVED, Some(ctx.stage_names[i + 1]), Some(*r)),
            End::Failed(i, k, _) => (verdict::ERROR, Some(ctx.stage_names[i + 1]), Some(k.name())),
        };
        let meta = |at: Option<usize>| at.and_then(|m| doc.meta.get(m)).and_then(|v| v.as_deref());
        Entry {
            id: doc.id.as_str().into(),
            source: self.source.into(),
            record: doc.record,
            decision: decision.into(),
            stage: stage.map(Into::into),
            reason: reason.map(Into::into),
            changed_by: (0..self.n_stages)
                .filter(|j| changed & (1 << (*j).min(63)) != 0)
                .map(|j| ctx.stage_names[j + 1].into())
                .collect(),
            lang: (!doc.lang.is_empty()).then(|| doc.lang.as_str().into()),
            lang_score: doc.lang_score,
            dup_cluster_id: doc.dup.map(|d| d.1),
            dup_cluster_size: doc.dup.map(|d| d.0),
            pii: pii_by_type(counts, self.pii_stage),
            tokens: (shard.is_some() && !doc.tokens.is_empty())
                .then(|| u32::try_from(doc.tokens.len()).unwrap_or(u32::MAX)),
            text_bytes: doc.text.len() as u64,
            shard: shard.map(Into::into),
            domain: meta(self.url_at).and_then(host_of).map(Into::into),
            date: meta(self.date_at).and_then(day_of).map(Into::into),
        }
    }
}

/// Personal data the pii stage counted in one document, by type (in order
/// of first occurrence).
fn pii_by_type(counts: &StageCounts, pii_stage: Option<usize>) -> Vec<(Cow<'static, str>, u32)> {
    let mut out: Vec<(Cow<'static, str>, u32)> = Vec::new();
    for &(stage, kind, sub, n) in counts {
        if Some(stage) != pii_stage || !sub.is_empty() || kind == "docs_with_pii" {
            continue;
        }
        let n = u32::try_from(n).unwrap_or(u32::MAX);
        match out.iter_mut().find(|(k, _)| k == kind) {
            Some(e) => e.1 = e.1.saturating_add(n),
            None => out.push((kind.into(), n)),
        }
    }
    out
}

/// The ledger row of a record the `read` pseudo-stage set aside.
fn skipped_entry<'a>(s: &'a Skipped, source: &'a str) -> Entry<'a> {
    Entry {
        id: s.id.as_str().into(),
        source: source.into(),
        record: s.record,
        decision: if s.error { verdict::ERROR } else { verdict::REMOVED }.into(),
        stage: Some("read".into()),
        reason: Some(s.reason.into()),
        ..Default::default()
    }
}

/// `stats.json`: the accounting of a run, plus its timing.
#[derive(Serialize)]
struct StatsFile<'a> {
    pipeline: &'a str,
    reconciled: bool,
    documents: DocCounts,
    removed: std::collections::BTreeMap<String, u64>,
    errors: ErrorCounts,
    stages: &'a [StageStats],
    input: InputCounts,
    output: &'a Totals,
    resumed_inputs: usize,
    timing: Timing,
    error_samples: &'a [ErrorSample],
}

#[derive(Serialize)]
struct DocCounts {
    read: u64,
    written: u64,
    removed: u64,
    errored: u64,
}

#[derive(Serialize)]
struct ErrorCounts {
    records: std::collections::BTreeMap<String, u64>,
    files: std::collections::BTreeMap<String, u64>,
}

#[derive(Serialize)]
struct InputCounts {
    files: u64,
    empty_files: u64,
    bytes: u64,
    skipped_files: Vec<String>,
}

#[derive(Serialize)]
struct Timing {
    seconds: f64,
    threads: usize,
    /// Peak resident memory of the process (Linux; 0 elsewhere).
    peak_rss_bytes: u64,
    input_mb_per_s: f64,
    documents_per_s: f64,
    tokens_per_s: f64,
}

impl<'a> StatsFile<'a> {
    fn new(r: &'a RunReport) -> Self {
        let s = &r.stats;
        let secs = r.elapsed.as_secs_f64().max(1e-9);
        let removed = s.removed();
        let errored = s.errored();
        StatsFile {
            pipeline: &r.manifest.pipeline,
            reconciled: true,
            documents: DocCounts {
                read: s.documents_read(),
                written: s.documents_written,
                removed: removed.values().sum(),
                errored: errored.values().sum(),
            },
            removed,
            errors: ErrorCounts { records: errored, files: s.file_errors.clone() },
            stages: &s.stages,
            input: InputCounts {
                files: s.files,
                empty_files: s.empty_files,
                bytes: s.bytes_read,
                skipped_files: r.skipped_files.iter().map(|p| p.display().to_string()).collect(),
            },
            output: &r.manifest.totals,
            resumed_inputs: r.resumed,
            timing: Timing {
                seconds: r.elapsed.as_secs_f64(),
                threads: r.threads,
                peak_rss_bytes: peak_rss_bytes(),
                input_mb_per_s: s.bytes_read as f64 / 1e6 / secs,
                documents_per_s: s.documents_read() as f64 / secs,
                tokens_per_s: s.tokens_written as f64 / secs,
            },
            error_samples: &s.error_samples,
        }
    }
}

/// Peak resident set size of this process, from `/proc/self/status`
/// (`VmHWM`); 0 where that file does not exist.
pub fn peak_rss_bytes() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find_map(|l| {
                l.strip_prefix("VmHWM:").and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            })
        })
        .map_or(0, |kb| kb * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Panics on documents that hold "boom", slicing inside a character
    /// as the langid window bug did (the message would quote the text).
    struct Buggy;

    impl Stage for Buggy {
        fn name(&self) -> &'static str {
            "buggy"
        }
        fn apply(&self, doc: &mut Document, scratch: &mut Scratch) -> Outcome {
            scratch.counts.push(("seen", "", 1));
            if doc.text.contains("boom") {
                let cut = doc.text.find('é').unwrap_or(0) + 1;
                let _ = &doc.text[cut..];
            }
            Outcome::Kept
        }
    }

    #[test]
    fn a_stage_that_panics_errors_the_document_and_the_run_goes_on() {
        let stages: Vec<Box<dyn Stage>> = vec![Box::new(Buggy)];
        let doc = |text: &str| input::make_doc(&Arc::from("x.jsonl"), 1, None, text.to_string(), None, Vec::new());
        let mut scratch = Scratch::default();
        let (_, end, counts) = run_stages(&stages, 0, &mut doc("café boom"), &mut scratch);
        match end {
            End::Failed(0, ErrorKind::StagePanicked, detail) => assert!(!detail.contains("café"), "{detail}"),
            _ => panic!("the panic is an error of the document"),
        }
        assert!(counts.is_empty(), "a failed document's counts are dropped");
        let (_, end, counts) = run_stages(&stages, 0, &mut doc("café"), &mut scratch);
        assert!(matches!(end, End::Kept) && counts.len() == 1, "the next document goes through");
    }
}
