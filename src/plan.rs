//! The plan: the phases a pipeline compiles into, their units of work, and
//! how the units of a phase are shared among the tasks of a job array.
//!
//! A *unit* is what one completion marker covers: an input file (per-input
//! phases), a dedup section (candidates), or the whole phase (the global
//! steps). Units, not tasks, determine the files a phase writes, so the
//! output does not depend on how many tasks ran it.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::config::PipelineConfig;
use crate::stages::StageConfig;

/// One phase of a plan, in execution order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    /// Line counts of the parts of split JSONL inputs (one unit per input
    /// part), so that each part numbers its records as the whole file does.
    /// Only in plans with such parts.
    Index,
    /// `line_dedup`: each input's distinct line hashes (one unit per input).
    Lines,
    /// `line_dedup`: the lines found in too many documents (one unit).
    FrequentLines,
    /// `exact_dedup`/`minhash_dedup`: each input's hashes and band keys.
    Signatures,
    /// Duplicate candidates, one unit per section (band, or the exact hashes).
    Candidates,
    /// Clusters and the per-input removal lists (one unit).
    Clusters,
    /// Every stage, and the shards of each input (one unit per input).
    Write,
    /// Merges the per-input records into `manifest.json` and `stats.json`.
    Finish,
    /// `[training]`: each language's size and mixing histogram, per shard
    /// of the finished output.
    Census,
    /// `[training]`: shuffle keys and scatter files, per shard.
    Scatter,
    /// `[training]`: one training file per unit.
    Gather,
    /// `[training]`: the training manifests and `training.json`.
    Publish,
}

/// How the units of a phase are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Units {
    /// One per input (a file, or a part of one).
    Inputs,
    /// One per dedup section, or per hash range of one when there are more
    /// tasks than sections.
    Sections,
    /// The phase is one unit of work.
    One,
    /// One per shard of the finished output (known once it is written).
    Shards,
    /// One per training file (known once the census is done).
    Files,
}

impl Phase {
    /// Every phase, in order.
    pub const ALL: [Phase; 12] = [
        Phase::Index,
        Phase::Lines,
        Phase::FrequentLines,
        Phase::Signatures,
        Phase::Candidates,
        Phase::Clusters,
        Phase::Write,
        Phase::Finish,
        Phase::Census,
        Phase::Scatter,
        Phase::Gather,
        Phase::Publish,
    ];

    /// The name used on the command line, in scripts and in messages.
    pub fn name(self) -> &'static str {
        match self {
            Phase::Index => "index",
            Phase::Lines => "lines",
            Phase::FrequentLines => "frequent-lines",
            Phase::Signatures => "signatures",
            Phase::Candidates => "candidates",
            Phase::Clusters => "clusters",
            Phase::Write => "write",
            Phase::Finish => "finish",
            Phase::Census => "census",
            Phase::Scatter => "scatter",
            Phase::Gather => "gather",
            Phase::Publish => "publish",
        }
    }

    /// The phase of `prepare` it is, for the `[training]` phases.
    pub fn training(self) -> Option<crate::training::TrainPhase> {
        use crate::training::TrainPhase;
        match self {
            Phase::Census => Some(TrainPhase::Census),
            Phase::Scatter => Some(TrainPhase::Scatter),
            Phase::Gather => Some(TrainPhase::Gather),
            Phase::Publish => Some(TrainPhase::Publish),
            _ => None,
        }
    }

    /// What its units are.
    pub fn units(self) -> Units {
        match self {
            Phase::Index | Phase::Lines | Phase::Signatures | Phase::Write => Units::Inputs,
            Phase::Candidates => Units::Sections,
            Phase::FrequentLines | Phase::Clusters | Phase::Finish | Phase::Publish => Units::One,
            Phase::Census | Phase::Scatter => Units::Shards,
            Phase::Gather => Units::Files,
        }
    }

    /// True when the phase can use more than one task.
    pub fn parallel(self) -> bool {
        self.units() != Units::One
    }

    /// The phases of a pipeline over `inputs` (as split), in order.
    pub fn of(cfg: &PipelineConfig, inputs: &[crate::input::InputFile]) -> Vec<Phase> {
        let has = |f: fn(&StageConfig) -> bool| cfg.stages.iter().any(f);
        let lines = has(|s| matches!(s, StageConfig::LineDedup(_)));
        let dedup = has(|s| matches!(s, StageConfig::ExactDedup(_) | StageConfig::MinhashDedup(_)));
        Phase::ALL
            .into_iter()
            .filter(|p| match p {
                Phase::Index => inputs.iter().any(|f| f.needs_line_count()),
                Phase::Lines | Phase::FrequentLines => lines,
                Phase::Signatures | Phase::Candidates | Phase::Clusters => dedup,
                Phase::Write | Phase::Finish => true,
                Phase::Census | Phase::Scatter | Phase::Gather | Phase::Publish => cfg.training.is_some(),
            })
            .collect()
    }
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Phase {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Phase::ALL.into_iter().find(|p| p.name() == s).ok_or_else(|| {
            let names: Vec<&str> = Phase::ALL.iter().map(|p| p.name()).collect();
            format!("unknown phase `{s}`; the phases are {}", names.join(", "))
        })
    }
}

/// One task of a job array: `index` of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TaskSel {
    /// 0-based index.
    pub index: usize,
    /// Number of tasks sharing the phase.
    pub count: usize,
}

impl TaskSel {
    /// The whole phase in one task.
    pub const ALL: TaskSel = TaskSel { index: 0, count: 1 };

    /// The task from the flags, else from the environment of a Slurm job
    /// array (`SLURM_ARRAY_TASK_ID`, `SLURM_ARRAY_TASK_COUNT`) or a
    /// Kubernetes Indexed Job (`JOB_COMPLETION_INDEX`, with the count from
    /// the flag). `None` when neither says anything.
    ///
    /// The generated Slurm scripts always pass `--task-count`: a
    /// resubmitted array of only the unfinished indices (`--array=1,5`)
    /// has a `SLURM_ARRAY_TASK_COUNT` of 2, not the run's task count.
    ///
    /// # Errors
    /// An index without a count, an index not below the count, a count of
    /// 0, or an environment variable that is not a number (named).
    pub fn resolve(
        index: Option<usize>,
        count: Option<usize>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Option<TaskSel>, String> {
        let num = |name: &str| -> Result<Option<usize>, String> {
            match env(name) {
                None => Ok(None),
                Some(v) => v.trim().parse().map(Some).map_err(|_| format!("{name}={v:?} is not a task number")),
            }
        };
        let (index, count) = match (index, count) {
            (Some(i), c) => (i, c.or(num("SLURM_ARRAY_TASK_COUNT")?)),
            (None, c) => match (num("SLURM_ARRAY_TASK_ID")?, num("JOB_COMPLETION_INDEX")?) {
                (Some(i), _) => (i, c.or(num("SLURM_ARRAY_TASK_COUNT")?)),
                (None, Some(i)) => (i, c),
                (None, None) if c.is_some() => (0, c),
                (None, None) => return Ok(None),
            },
        };
        let Some(count) = count else {
            return Err(format!("task index {index} given without a task count (--task-count)"));
        };
        if count == 0 {
            return Err("the task count must be at least 1".into());
        }
        if index >= count {
            return Err(format!("task index {index} is not below the task count {count}"));
        }
        Ok(Some(TaskSel { index, count }))
    }

    /// The units of a phase this task does, given each unit's size (see
    /// [`TaskSel::owners`]), largest first.
    pub fn share(self, sizes: &[u64]) -> Vec<usize> {
        let owners = TaskSel::owners(self.count, sizes);
        let mut mine: Vec<usize> = (0..sizes.len()).filter(|&u| owners[u] == self.index).collect();
        mine.sort_by_key(|&u| (std::cmp::Reverse(sizes[u]), u));
        mine
    }

    /// The task of each unit when `count` tasks share units of these sizes:
    /// units are dealt largest first to the task with the least work so far
    /// (ties to the lower task), so the share is deterministic and balanced
    /// by bytes. One pass, O(units × log tasks).
    pub fn owners(count: usize, sizes: &[u64]) -> Vec<usize> {
        let mut owners = vec![0; sizes.len()];
        if count <= 1 {
            return owners;
        }
        let mut order: Vec<usize> = (0..sizes.len()).collect();
        order.sort_by_key(|&u| (std::cmp::Reverse(sizes[u]), u));
        // Min-heap of (load, task).
        let mut heap: std::collections::BinaryHeap<std::cmp::Reverse<(u64, usize)>> =
            (0..count).map(|t| std::cmp::Reverse((0, t))).collect();
        for u in order {
            let std::cmp::Reverse((load, t)) = heap.pop().expect("count >= 1");
            owners[u] = t;
            // Empty units still count, so that many empty files spread out.
            heap.push(std::cmp::Reverse((load + sizes[u].max(1), t)));
        }
        owners
    }
}

/// One phase's estimate for the whole input, from a sample run.
#[derive(Debug, Clone, Serialize)]
pub struct PhaseEstimate {
    /// The phase.
    pub phase: Phase,
    /// Units of work (inputs, sections, or 1).
    pub units: usize,
    /// Tasks that share it.
    pub tasks: usize,
    /// CPU time of the whole phase, in core-hours.
    pub core_hours: f64,
    /// Wall time with `tasks` tasks of `cores` cores each, in hours.
    pub wall_hours: f64,
    /// Peak memory of one task, in bytes (bounded by the configuration).
    pub memory_bytes: u64,
    /// Bytes the phase writes (work files, or the shards).
    pub bytes_written: u64,
    /// Files the phase creates on the shared filesystem.
    pub files_created: u64,
}

/// `eurocorpus plan`: the phases and what each will cost.
#[derive(Debug, Clone, Serialize)]
pub struct PlanReport {
    /// Input files.
    pub inputs: usize,
    /// Their total size.
    pub input_bytes: u64,
    /// Tasks per parallel phase.
    pub tasks: usize,
    /// Cores per task.
    pub cores: usize,
    /// Inputs the sample was read from.
    pub sample_inputs: usize,
    /// Bytes of input the sample read.
    pub sample_bytes: u64,
    /// Threads of the sample run.
    pub sample_threads: usize,
    /// Peak memory of the sample run (models, buffers at sample scale).
    pub sample_peak_rss: u64,
    /// CPU seconds each task spends before its first unit (loading).
    pub setup_seconds: f64,
    /// Per phase.
    pub phases: Vec<PhaseEstimate>,
}

/// CPU time this process has used (user + system), from `/proc/self/stat`.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else { return 0.0 };
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name; USER_HZ is 100.
    (ticks(11) + ticks(12)) / 100.0
}

/// Files and bytes under `dir`.
fn tree_size(dir: &std::path::Path) -> (u64, u64) {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .fold((0, 0), |(n, b), e| (n + 1, b + e.metadata().map_or(0, |m| m.len())))
}

/// Runs `cfg` on a sample of its input (up to 8 inputs spread over the
/// list, `sample_bytes` in all), phase by phase in this process, and scales
/// what each phase cost to the whole input shared by `tasks` tasks of
/// `cores` cores. CPU time scales with the bytes read, file counts with
/// the inputs; memory is the sample's peak plus what grows with the
/// configuration (threads × batch, sort buffers).
///
/// # Errors
/// An invalid configuration, unreadable inputs, or a sample that holds no
/// documents.
pub fn estimate(
    cfg: &PipelineConfig,
    origin: &str,
    tasks: usize,
    cores: usize,
    sample_bytes: u64,
) -> crate::error::Result<PlanReport> {
    use crate::error::Error;
    use crate::exec::{run_task, RunOptions};
    cfg.validate(origin)?;
    let files = crate::input::split::expand(crate::input::discover(&cfg.input)?.files, cfg.input.split_bytes);
    if files.is_empty() {
        return Err(Error::Config { origin: origin.into(), problems: vec!["no input files found".into()] });
    }
    let k = files.len().min(8);
    let chosen: Vec<&crate::input::InputFile> = (0..k).map(|i| &files[i * files.len() / k]).collect();
    let tmp = std::env::temp_dir().join(format!("eurocorpus-plan-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let mut sample = cfg.clone();
    sample.input.paths = chosen.iter().map(|f| f.path.clone()).collect();
    sample.input.paths.dedup();
    // The sample reads whole files (up to its byte budget); the index phase
    // is measured apart, below.
    sample.input.split_bytes = 0;
    sample.output.path = tmp.clone();
    if let Some(t) = &mut sample.training {
        t.path = std::path::PathBuf::new();
    }
    let opts = RunOptions { quiet: true, force: false, sample_bytes: (sample_bytes / k as u64).max(1) };
    let mut measured = Vec::new();
    let mut read = 0;
    let mut result = Ok(());
    let mut index_core_s = 0.0;
    for phase in Phase::of(cfg, &files) {
        if phase == Phase::Index {
            index_core_s = index_cost(&files, sample_bytes);
            continue;
        }
        let (files0, bytes0) = tree_size(&tmp);
        let (cpu0, t0) = (cpu_seconds(), std::time::Instant::now());
        match run_task(&sample, origin, &opts, phase, TaskSel::ALL) {
            Ok(r) => {
                if let Some(run) = &r.run {
                    read = run.stats.bytes_read;
                }
            }
            Err(e) => {
                result = Err(e);
                break;
            }
        }
        let cpu = (cpu_seconds() - cpu0).max(t0.elapsed().as_secs_f64() * 0.01);
        let (files1, bytes1) = tree_size(&tmp);
        measured.push((phase, cpu.max(0.0), files1.saturating_sub(files0), bytes1.saturating_sub(bytes0)));
    }
    // What every task pays before its first unit (tokenizer, models,
    // thread pool): a rerun of the write phase, whose units are all done.
    let cpu0 = cpu_seconds();
    if result.is_ok() {
        result = run_task(&sample, origin, &opts, Phase::Write, TaskSel::ALL).map(|_| ());
    }
    let setup = cpu_seconds() - cpu0;
    let _ = std::fs::remove_dir_all(&tmp);
    result?;
    if read == 0 {
        return Err(Error::Config { origin: origin.into(), problems: vec!["the sample holds no documents".into()] });
    }
    let total: u64 = files.iter().map(|f| f.bytes).sum();
    let largest = files.iter().map(|f| f.bytes).max().unwrap_or(0);
    let scale = total as f64 / read as f64;
    let per_input = files.len() as f64 / k as f64;
    let spec = crate::dedup::phases::DedupSpec::of(&cfg.stages);
    let sections = spec.sections().len();
    let sort_buffer = spec.minhash.as_ref().map_or(64 << 20, |m| m.sort_buffer_bytes) as u64;
    let peak = crate::exec::peak_rss_bytes();
    let stream = (cores * cfg.run.batch_bytes * 3) as u64;
    // The [training] phases' units: the output's shards, and the training
    // files (roughly: tokens take twice their compressed size in memory).
    let written = measured.iter().find(|m| m.0 == Phase::Write).map_or(0, |m| (m.3 as f64 * scale) as u64);
    let shard_max = if cfg.output.shard_max_bytes > 0 { cfg.output.shard_max_bytes } else { u64::MAX };
    let shards = (written.div_ceil(shard_max) as usize).max(files.len());
    let (training_files, bucket_bytes) = cfg.training.as_ref().map_or((1, 0), |t| {
        let n = if t.files > 0 { t.files as usize } else { (2 * written).div_ceil(t.bucket_bytes).max(1) as usize };
        (n, t.bucket_bytes)
    });
    if Phase::of(cfg, &files).contains(&Phase::Index) {
        measured.insert(0, (Phase::Index, 0.0, 0, 0));
    }
    let counted = files.iter().filter(|f| f.needs_line_count()).count() as u64;
    let phases = measured
        .iter()
        .map(|&(phase, cpu, new_files, new_bytes)| {
            let units = match phase.units() {
                Units::Inputs => files.len(),
                Units::Sections => spec.parts(tasks).len(),
                Units::One => 1,
                Units::Shards => shards,
                Units::Files => training_files,
            };
            let phase_tasks = if phase.parallel() { tasks.min(units).max(1) } else { 1 };
            let by_bytes = !matches!(phase, Phase::Finish);
            let work = (cpu - setup).max(0.0);
            let work_s = match phase {
                Phase::Index => index_core_s,
                _ if by_bytes => work * scale,
                _ => work * per_input,
            };
            let core_s = work_s + setup * phase_tasks as f64;
            let wall_s = setup
                + match phase {
                    // One thread: the merge of every task's file.
                    Phase::FrequentLines | Phase::Finish => work_s,
                    // Partitions on every core at three quarters of the
                    // efficiency of one (more merging and rounds; measured on
                    // two with `examples/clusters_scale`), and a sequential
                    // merge into the removal lists.
                    Phase::Clusters if cores > 1 => {
                        let parts = cores.min(crate::dedup::components::MAX_PARTS) as f64;
                        work_s * (0.05 + 0.95 / (0.75 * parts))
                    }
                    Phase::Clusters => work_s,
                    Phase::Candidates => work_s / (phase_tasks * cores).min(units) as f64,
                    _ => (work_s / (phase_tasks * cores) as f64)
                        .max(work_s * largest as f64 / total as f64 / cores as f64),
                };
            let memory = peak
                + match phase {
                    Phase::Lines | Phase::Signatures => stream + sort_buffer,
                    Phase::Write => stream,
                    Phase::Index => 1 << 20,
                    Phase::Candidates | Phase::FrequentLines => files.len() as u64 * (64 << 10),
                    // Sorts within the budget, an in-memory union-find of budget / 64
                    // edges, and a 64 kB read buffer per partition pair.
                    Phase::Clusters => {
                        let parts = cores.min(crate::dedup::components::MAX_PARTS) as u64;
                        2 * sort_buffer + parts * parts * (64 << 10)
                    }
                    Phase::Finish => files.len() as u64 * (4 << 10),
                    Phase::Census | Phase::Publish => stream,
                    // A shard's documents, decoded, with their copies.
                    Phase::Scatter => cores as u64 * 3 * cfg.output.shard_max_bytes.min(written.max(1)),
                    Phase::Gather => cores as u64 * bucket_bytes.min(2 * written.max(1)),
                };
            let files_created = match phase {
                // A count and its marker per part counted.
                Phase::Index => 2 * counted,
                Phase::FrequentLines | Phase::Finish => new_files,
                // The sample ran as one task: one unit per section.
                Phase::Candidates => new_files * (units / sections.max(1)) as u64,
                _ => (new_files as f64 * per_input).ceil() as u64,
            };
            PhaseEstimate {
                phase,
                units,
                tasks: phase_tasks,
                core_hours: core_s / 3600.0,
                wall_hours: wall_s / 3600.0,
                memory_bytes: memory,
                bytes_written: if by_bytes { (new_bytes as f64 * scale) as u64 } else { new_bytes },
                files_created,
            }
        })
        .collect();
    Ok(PlanReport {
        inputs: files.len(),
        input_bytes: total,
        tasks,
        cores,
        sample_inputs: k,
        sample_bytes: read,
        sample_threads: crate::exec::thread_count(cfg.run.threads),
        sample_peak_rss: peak,
        setup_seconds: setup,
        phases,
    })
}

/// Core-seconds to count the lines of every part that needs it, from the
/// time to count (up to) `sample_bytes` of the first such part.
fn index_cost(files: &[crate::input::InputFile], sample_bytes: u64) -> f64 {
    let todo: u64 = files.iter().filter(|f| f.needs_line_count()).map(|f| f.bytes).sum();
    let Some(f) = files.iter().find(|f| f.needs_line_count()) else { return 0.0 };
    let Some(s) = f.split else { return 0.0 };
    let sample = crate::input::Split { end: s.start + sample_bytes.clamp(1, s.end - s.start), ..s };
    let (cpu0, t0) = (cpu_seconds(), std::time::Instant::now());
    if crate::input::split::count_lines(&f.path, &sample).is_err() {
        return 0.0;
    }
    // Reading from a cold disk costs wall time more than CPU: count both.
    let spent = (cpu_seconds() - cpu0).max(t0.elapsed().as_secs_f64());
    spent * todo as f64 / (sample.end - sample.start) as f64
}

fn hms(hours: f64) -> String {
    let s = (hours * 3600.0).round() as u64;
    format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

impl PlanReport {
    /// The plan as a table.
    pub fn render(&self, name: &str) -> String {
        use crate::progress::human;
        use std::fmt::Write as _;
        let mut o = format!(
            "plan for {name}: {} inputs, {}B; {} tasks per parallel phase × {} cores\n\n",
            self.inputs,
            human(self.input_bytes),
            self.tasks,
            self.cores
        );
        let _ = writeln!(
            o,
            "{:<16} {:>6} {:>6} {:>10} {:>10} {:>12} {:>10} {:>8}",
            "phase", "units", "tasks", "core-h", "wall", "memory/task", "written", "files"
        );
        for p in &self.phases {
            let _ = writeln!(
                o,
                "{:<16} {:>6} {:>6} {:>10.3} {:>10} {:>11}B {:>9}B {:>8}",
                p.phase.name(),
                p.units,
                p.tasks,
                p.core_hours,
                hms(p.wall_hours),
                human(p.memory_bytes),
                human(p.bytes_written),
                p.files_created
            );
        }
        let wall: f64 = self.phases.iter().map(|p| p.wall_hours).sum();
        let core: f64 = self.phases.iter().map(|p| p.core_hours).sum();
        let mem = self.phases.iter().map(|p| p.memory_bytes).max().unwrap_or(0);
        let _ = writeln!(o, "{:<16} {:>6} {:>6} {:>10.3} {:>10} {:>11}B", "total", "", "", core, hms(wall), human(mem));
        let _ = writeln!(
            o,
            "\nestimated from a sample of {}B read from {} of the inputs, run here with {} threads \
             (peak memory {}B; {:.1} s of loading per task); wall times assume this machine's speed \
             per core and exclude queue waits",
            human(self.sample_bytes),
            self.sample_inputs,
            self.sample_threads,
            human(self.sample_peak_rss),
            self.setup_seconds
        );
        o
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        let m: HashMap<&str, &str> = vars.iter().copied().collect();
        move |k| m.get(k).map(|v| v.to_string())
    }

    #[test]
    fn flags_win_then_slurm_then_kubernetes() {
        let slurm = [("SLURM_ARRAY_TASK_ID", "2"), ("SLURM_ARRAY_TASK_COUNT", "4")];
        assert_eq!(TaskSel::resolve(None, None, env(&[])), Ok(None));
        assert_eq!(TaskSel::resolve(None, None, env(&slurm)), Ok(Some(TaskSel { index: 2, count: 4 })));
        // A resubmitted array has a smaller SLURM_ARRAY_TASK_COUNT: the flag wins.
        assert_eq!(TaskSel::resolve(None, Some(7), env(&slurm)), Ok(Some(TaskSel { index: 2, count: 7 })));
        assert_eq!(TaskSel::resolve(Some(0), Some(3), env(&slurm)), Ok(Some(TaskSel { index: 0, count: 3 })));
        let k8s = [("JOB_COMPLETION_INDEX", "5")];
        assert_eq!(TaskSel::resolve(None, Some(6), env(&k8s)), Ok(Some(TaskSel { index: 5, count: 6 })));
        assert_eq!(
            TaskSel::resolve(None, None, env(&k8s)),
            Err("task index 5 given without a task count (--task-count)".into())
        );
        assert_eq!(
            TaskSel::resolve(Some(3), Some(3), env(&[])),
            Err("task index 3 is not below the task count 3".into())
        );
        assert_eq!(
            TaskSel::resolve(None, None, env(&[("SLURM_ARRAY_TASK_ID", "x")])),
            Err("SLURM_ARRAY_TASK_ID=\"x\" is not a task number".into())
        );
        assert_eq!(TaskSel::resolve(None, Some(1), env(&[])), Ok(Some(TaskSel::ALL)));
    }

    #[test]
    fn shares_partition_the_units_and_balance_bytes() {
        let sizes = [100, 5, 70, 30, 30, 0, 0, 1];
        for count in 1..=9 {
            let mut seen: Vec<usize> = (0..count).flat_map(|index| TaskSel { index, count }.share(&sizes)).collect();
            seen.sort_unstable();
            assert_eq!(seen, (0..sizes.len()).collect::<Vec<_>>(), "count {count}");
        }
        // Largest first to the least loaded: {100}, {70}, {30, 30, 5, 1, 0, 0}.
        let three: Vec<Vec<usize>> = (0..3).map(|index| TaskSel { index, count: 3 }.share(&sizes)).collect();
        assert_eq!(three, vec![vec![0], vec![2], vec![3, 4, 1, 7, 5, 6]]);
        assert_eq!(TaskSel::owners(3, &sizes), vec![0, 2, 1, 2, 2, 2, 2, 2]);
    }

    #[test]
    fn phase_names_round_trip() {
        for p in Phase::ALL {
            assert_eq!(p.name().parse::<Phase>(), Ok(p));
        }
        assert!("dedup".parse::<Phase>().unwrap_err().contains("the phases are index, lines, frequent-lines"));
    }
}
