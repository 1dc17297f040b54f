//! `eurocorpus slurm submit|status`: the plan as Slurm job arrays.
//!
//! Slurm does the scheduling; eurocorpus only writes one sbatch script per
//! phase, chains the phases with `--dependency=afterok:`, and coordinates
//! through the completion markers on the shared filesystem. Every phase is
//! an array (the one-unit phases an array of one), so logs, resubmission
//! and status work alike for all of them. Resubmitting submits only the
//! tasks whose units are unfinished.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::exec::PhaseProgress;
use crate::manifest::{to_json, write_atomic, STATE_DIR};
use crate::plan::Phase;

/// The `[slurm]` section of a pipeline: how `slurm submit` asks for
/// resources. Every field has a command-line flag of the same name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SlurmConfig {
    /// Tasks per parallel phase (0: one per 2 GB of input, at most one per
    /// input, a file or a part of one).
    pub tasks: usize,
    /// `--partition`.
    pub partition: Option<String>,
    /// `--account`.
    pub account: Option<String>,
    /// `--qos`.
    pub qos: Option<String>,
    /// `--time` of each task (e.g. `"04:00:00"`).
    pub time: Option<String>,
    /// `--cpus-per-task` (eurocorpus uses that many threads).
    pub cpus_per_task: Option<usize>,
    /// `--mem` of each task (e.g. `"16G"`).
    pub mem: Option<String>,
    /// At most this many tasks of an array at once (`--array=…%N`; 0: no limit).
    pub max_parallel: usize,
    /// More `#SBATCH` options, each as written after `#SBATCH` (e.g. `"--constraint=cpu"`).
    pub extra: Vec<String>,
    /// Shell lines run before eurocorpus in each task (e.g. `"module load zstd"`).
    pub setup: Vec<String>,
    /// Where the task logs go (default: `<output>/_eurocorpus/slurm/logs`).
    pub log_dir: Option<PathBuf>,
}

/// How to run eurocorpus again from a job: the binary, the folder relative
/// paths are resolved from, and the arguments that select the pipeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invocation {
    /// The eurocorpus binary (absolute).
    pub exe: PathBuf,
    /// Working folder of the submission.
    pub cwd: PathBuf,
    /// Pipeline file and overrides, as given to `run`.
    pub args: Vec<String>,
}

/// One `sbatch` of one phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submission {
    /// The phase.
    pub phase: Phase,
    /// Slurm job id of the array.
    pub job_id: String,
    /// Array indices submitted (the unfinished tasks).
    pub tasks: Vec<usize>,
}

/// `_eurocorpus/slurm/run.json`: what `slurm status` and a resubmission
/// need.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RunFile {
    /// How the tasks run eurocorpus.
    pub invocation: Invocation,
    /// Tasks per parallel phase.
    pub task_count: usize,
    /// Where the logs are.
    pub log_dir: PathBuf,
    /// The latest submission, phase by phase.
    pub submissions: Vec<Submission>,
}

/// The Slurm folder of an output folder.
pub fn slurm_dir(out: &Path) -> PathBuf {
    out.join(STATE_DIR).join("slurm")
}

/// Default tasks per parallel phase: one per 2 GB of input, at most one
/// per input (a file, or a part of a large one), at least one.
pub fn default_tasks(input_bytes: u64, inputs: usize) -> usize {
    (input_bytes.div_ceil(2 << 30) as usize).clamp(1, inputs.max(1))
}

fn quote(s: &str) -> String {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_./=:,+@%".contains(&b)) {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// The sbatch script of one phase: an array of `tasks` tasks (one for the
/// one-unit phases), each running its share of the phase.
pub fn script(cfg: &SlurmConfig, inv: &Invocation, name: &str, phase: Phase, tasks: usize, logs: &Path) -> String {
    let mut s = String::from("#!/bin/bash\n");
    // A one-unit phase is an array of one; it still gets the run's task
    // count, so that its messages name the right task to rerun.
    let array = if phase.parallel() { tasks } else { 1 };
    let _ = writeln!(s, "#SBATCH --job-name={}", quote(&format!("eurocorpus-{name}-{phase}")));
    let limit = if cfg.max_parallel > 0 { format!("%{}", cfg.max_parallel) } else { String::new() };
    let _ = writeln!(s, "#SBATCH --array=0-{}{limit}", array - 1);
    let _ = writeln!(s, "#SBATCH --output={}", quote(&logs.join(format!("{phase}-%A_%a.out")).display().to_string()));
    let _ = writeln!(s, "#SBATCH --ntasks=1");
    let opts: [(&str, Option<String>); 6] = [
        ("partition", cfg.partition.clone()),
        ("account", cfg.account.clone()),
        ("qos", cfg.qos.clone()),
        ("time", cfg.time.clone()),
        ("cpus-per-task", cfg.cpus_per_task.map(|c| c.to_string())),
        ("mem", cfg.mem.clone()),
    ];
    for (k, v) in opts {
        if let Some(v) = v {
            let _ = writeln!(s, "#SBATCH --{k}={}", quote(&v));
        }
    }
    for e in &cfg.extra {
        let _ = writeln!(s, "#SBATCH {}", e.trim());
    }
    s.push_str("set -euo pipefail\n");
    for l in &cfg.setup {
        let _ = writeln!(s, "{l}");
    }
    let _ = writeln!(s, "cd {}", quote(&inv.cwd.display().to_string()));
    let args: Vec<String> = inv.args.iter().map(|a| quote(a)).collect();
    let _ = writeln!(
        s,
        "exec {} run {} --quiet --phase {phase} --task-index \"$SLURM_ARRAY_TASK_ID\" --task-count {tasks}",
        quote(&inv.exe.display().to_string()),
        args.join(" ")
    );
    s
}

/// The array indices as sbatch takes them: `0-3`, or `1,5,6`.
pub fn array_spec(tasks: &[usize], max_parallel: usize) -> String {
    let contiguous = tasks.windows(2).all(|w| w[1] == w[0] + 1);
    let mut s = match (tasks.first(), tasks.last()) {
        (Some(a), Some(b)) if contiguous && a != b => format!("{a}-{b}"),
        _ => tasks.iter().map(usize::to_string).collect::<Vec<_>>().join(","),
    };
    if max_parallel > 0 {
        let _ = write!(s, "%{max_parallel}");
    }
    s
}

fn run_tool(cmd: &mut Command, what: &str) -> Result<String> {
    let out = cmd.output().map_err(|e| Error::Output {
        path: PathBuf::from(what),
        detail: format!("cannot run it ({e}); is this a Slurm login node?"),
    })?;
    if !out.status.success() {
        return Err(Error::Output {
            path: PathBuf::from(what),
            detail: format!("failed: {}", String::from_utf8_lossy(&out.stderr).trim()),
        });
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// What `submit` did.
#[derive(Debug)]
pub struct Submitted {
    /// The scripts, by phase (with their path).
    pub scripts: Vec<(Phase, PathBuf, String)>,
    /// The jobs submitted (empty with `dry_run`, or when everything was done).
    pub submissions: Vec<Submission>,
}

/// Writes the scripts and (unless `dry_run`) submits the unfinished tasks of
/// each phase, chained with `afterok`.
///
/// # Errors
/// The Slurm folder cannot be written, or `sbatch` fails.
pub fn submit(
    out: &Path,
    name: &str,
    cfg: &SlurmConfig,
    inv: &Invocation,
    task_count: usize,
    progress: &[PhaseProgress],
    dry_run: bool,
) -> Result<Submitted> {
    let dir = slurm_dir(out);
    let logs = cfg.log_dir.clone().unwrap_or_else(|| dir.join("logs"));
    let logs = if logs.is_absolute() { logs } else { inv.cwd.join(logs) };
    let mut scripts = Vec::new();
    for (n, p) in progress.iter().enumerate() {
        let path = dir.join(format!("{n}-{}.sh", p.phase));
        scripts.push((p.phase, path, script(cfg, inv, name, p.phase, task_count, &logs)));
    }
    if dry_run {
        return Ok(Submitted { scripts, submissions: Vec::new() });
    }
    for d in [&dir, &logs] {
        std::fs::create_dir_all(d).map_err(|e| Error::io(d, "create the Slurm folder", e))?;
    }
    for (_, path, text) in &scripts {
        write_atomic(path, text.as_bytes())?;
    }
    let mut submissions: Vec<Submission> = Vec::new();
    for (p, (_, path, _)) in progress.iter().zip(&scripts) {
        if p.unfinished_tasks.is_empty() {
            continue;
        }
        let mut cmd = Command::new("sbatch");
        cmd.arg("--parsable").arg(format!("--array={}", array_spec(&p.unfinished_tasks, cfg.max_parallel)));
        if let Some(prev) = submissions.last() {
            cmd.arg(format!("--dependency=afterok:{}", prev.job_id));
        }
        cmd.arg(path);
        let id = run_tool(&mut cmd, "sbatch")?;
        // `--parsable` prints `id` or `id;cluster`.
        let job_id = id.trim().split(';').next().unwrap_or_default().to_string();
        submissions.push(Submission { phase: p.phase, job_id, tasks: p.unfinished_tasks.clone() });
    }
    let run = RunFile { invocation: inv.clone(), task_count, log_dir: logs, submissions: submissions.clone() };
    write_atomic(&dir.join("run.json"), &to_json(&run))?;
    Ok(Submitted { scripts, submissions })
}

/// Reads `_eurocorpus/slurm/run.json` of an output folder.
///
/// # Errors
/// No run was submitted there, or the file is corrupt.
pub fn load_run(out: &Path) -> Result<RunFile> {
    let p = slurm_dir(out).join("run.json");
    let text = std::fs::read(&p).map_err(|e| Error::io(&p, "read (was the run submitted with `slurm submit`?)", e))?;
    serde_json::from_slice(&text).map_err(|e| Error::Output { path: p, detail: format!("corrupt Slurm run file: {e}") })
}

/// The state Slurm reports for one array task of ours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueEntry {
    /// Array job id.
    pub job_id: String,
    /// Array index, or `None` for the not yet expanded pending rest of an array.
    pub index: Option<usize>,
    /// `PENDING`, `RUNNING`, …
    pub state: String,
    /// Why it is pending (`Dependency`, `DependencyNeverSatisfied`, …).
    pub reason: String,
}

/// Parses `squeue -h -o '%F %K %T %r'` lines (array job id, index or range,
/// state, reason).
pub fn parse_squeue(text: &str) -> Vec<QueueEntry> {
    text.lines()
        .filter_map(|l| {
            let mut f = l.split_whitespace();
            let (job_id, idx, state) = (f.next()?, f.next()?, f.next()?);
            let reason = f.collect::<Vec<_>>().join(" ");
            Some(QueueEntry { job_id: job_id.to_string(), index: idx.parse().ok(), state: state.into(), reason })
        })
        .collect()
}

/// Our jobs still in the queue (pending, running or completing).
///
/// # Errors
/// `squeue` cannot run.
pub fn queue(run: &RunFile) -> Result<Vec<QueueEntry>> {
    if run.submissions.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<&str> = run.submissions.iter().map(|s| s.job_id.as_str()).collect();
    // %F: the array's job id for every element (%A would give a running
    // element its own id, and it would look gone from the queue).
    let text = run_tool(Command::new("squeue").args(["-h", "-o", "%F %K %T %r", "-j", &ids.join(",")]), "squeue")
        .or_else(|e| match e {
            // squeue refuses ids it no longer knows: nothing of ours is queued.
            Error::Output { detail, .. } if detail.contains("Invalid job id") => Ok(String::new()),
            other => Err(other),
        })?;
    Ok(parse_squeue(&text))
}

/// One row of `slurm status`.
#[derive(Debug, Clone, Serialize)]
pub struct PhaseStatus {
    /// The phase.
    pub phase: Phase,
    /// Tasks of the phase.
    pub tasks: usize,
    /// Tasks finished.
    pub done: usize,
    /// Tasks running.
    pub running: Vec<usize>,
    /// Tasks waiting in the queue.
    pub pending: Vec<usize>,
    /// Tasks that were submitted, left the queue and did not finish, with
    /// their log file.
    pub failed: Vec<(usize, PathBuf)>,
    /// Tasks waiting on a phase that failed (they will never run).
    pub blocked: Vec<usize>,
    /// Unfinished tasks not submitted by the latest submission.
    pub not_submitted: Vec<usize>,
}

/// The status of every phase, from the markers and the queue. Once a
/// phase has a failed or blocked task, the tasks of every later phase are
/// blocked too: the `afterok` chain never releases them, whatever reason
/// the queue still gives (only the next job says `DependencyNeverSatisfied`).
pub fn status(run: &RunFile, progress: &[PhaseProgress], queued: &[QueueEntry]) -> Vec<PhaseStatus> {
    let mut doomed = false;
    progress
        .iter()
        .map(|p| {
            let sub = run.submissions.iter().find(|s| s.phase == p.phase);
            let mut st = PhaseStatus {
                phase: p.phase,
                tasks: p.tasks,
                done: p.tasks - p.unfinished_tasks.len(),
                running: vec![],
                pending: vec![],
                failed: vec![],
                blocked: vec![],
                not_submitted: vec![],
            };
            for &t in &p.unfinished_tasks {
                let Some(sub) = sub.filter(|s| s.tasks.contains(&t)) else {
                    st.not_submitted.push(t);
                    continue;
                };
                let q = queued.iter().find(|q| q.job_id == sub.job_id && q.index.is_none_or(|i| i == t));
                match q {
                    Some(q) if q.state == "PENDING" && doomed => st.blocked.push(t),
                    Some(q) if q.reason.contains("DependencyNeverSatisfied") => st.blocked.push(t),
                    Some(q) if q.state == "PENDING" => st.pending.push(t),
                    Some(_) => st.running.push(t),
                    None => st.failed.push((t, run.log_dir.join(format!("{}-{}_{t}.out", p.phase, sub.job_id)))),
                }
            }
            doomed |= !st.failed.is_empty() || !st.blocked.is_empty();
            st
        })
        .collect()
}

/// True when no task can make progress any more: something is unfinished
/// and nothing is running or waiting to run (failed tasks, tasks blocked
/// behind them, or tasks never submitted).
pub fn stuck(st: &[PhaseStatus]) -> bool {
    let live = st.iter().any(|s| !s.running.is_empty() || !s.pending.is_empty());
    !live && st.iter().any(|s| s.done < s.tasks)
}

/// Renders the status as a table, with the logs of failed tasks.
pub fn render(st: &[PhaseStatus]) -> String {
    let mut o = format!(
        "{:<16} {:>6} {:>6} {:>8} {:>8} {:>7} {:>8} {:>14}\n",
        "phase", "tasks", "done", "running", "pending", "failed", "blocked", "not submitted"
    );
    for s in st {
        let _ = writeln!(
            o,
            "{:<16} {:>6} {:>6} {:>8} {:>8} {:>7} {:>8} {:>14}",
            s.phase.name(),
            s.tasks,
            s.done,
            s.running.len(),
            s.pending.len(),
            s.failed.len(),
            s.blocked.len(),
            s.not_submitted.len()
        );
    }
    for s in st {
        for (t, log) in &s.failed {
            let _ = writeln!(o, "failed: {} task {t}: log {}", s.phase, log.display());
        }
    }
    if st.iter().any(|s| !s.failed.is_empty() || !s.blocked.is_empty() || !s.not_submitted.is_empty()) {
        o.push_str("resubmit with the same `eurocorpus slurm submit` command: only unfinished tasks are submitted\n");
    }
    o
}

/// Cancels every job of the latest submission still in the queue.
///
/// # Errors
/// `scancel` fails.
pub fn cancel(run: &RunFile) -> Result<()> {
    if run.submissions.is_empty() {
        return Ok(());
    }
    let ids: Vec<&str> = run.submissions.iter().map(|s| s.job_id.as_str()).collect();
    run_tool(Command::new("scancel").args(&ids), "scancel").map(|_| ())
}

/// Polls until `finished()` or until no task can make progress: returns
/// whether the run finished. A run that cannot finish has its waiting jobs
/// cancelled (they would wait forever on a failed dependency).
///
/// # Errors
/// `squeue` fails, or `progress` fails.
pub fn wait(
    run: &RunFile,
    mut progress: impl FnMut() -> Result<Vec<PhaseProgress>>,
    mut report: impl FnMut(&[PhaseStatus]),
) -> Result<bool> {
    let started = Instant::now();
    let mut last = String::new();
    loop {
        let p = progress()?;
        if p.iter().all(|x| x.unfinished_tasks.is_empty()) {
            return Ok(true);
        }
        let q = queue(run)?;
        let st = status(run, &p, &q);
        let text = render(&st);
        if text != last {
            report(&st);
            last = text;
        }
        if stuck(&st) {
            // Look again after a pause: a task may finish, or move between
            // queue states, between the two looks.
            std::thread::sleep(Duration::from_secs(2));
            let p = progress()?;
            if p.iter().all(|x| x.unfinished_tasks.is_empty()) {
                return Ok(true);
            }
            if stuck(&status(run, &p, &queue(run)?)) {
                cancel(run)?;
                return Ok(false);
            }
            continue;
        }
        let pause = if started.elapsed() < Duration::from_secs(60) { 2 } else { 10 };
        std::thread::sleep(Duration::from_secs(pause));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inv() -> Invocation {
        Invocation {
            exe: "/opt/eurocorpus/bin/eurocorpus".into(),
            cwd: "/scratch/proj x".into(),
            args: vec!["pipelines/web.toml".into(), "--output".into(), "/scratch/out".into()],
        }
    }

    #[test]
    fn a_script_asks_for_what_the_config_says() {
        let cfg = SlurmConfig {
            partition: Some("cpu".into()),
            account: Some("euro-123".into()),
            qos: Some("normal".into()),
            time: Some("04:00:00".into()),
            cpus_per_task: Some(32),
            mem: Some("64G".into()),
            max_parallel: 50,
            extra: vec!["--constraint=amd".into()],
            setup: vec!["module load zstd".into()],
            ..Default::default()
        };
        let s = script(&cfg, &inv(), "web", Phase::Signatures, 200, Path::new("/scratch/out/logs"));
        assert_eq!(
            s,
            "#!/bin/bash\n\
             #SBATCH --job-name=eurocorpus-web-signatures\n\
             #SBATCH --array=0-199%50\n\
             #SBATCH --output=/scratch/out/logs/signatures-%A_%a.out\n\
             #SBATCH --ntasks=1\n\
             #SBATCH --partition=cpu\n\
             #SBATCH --account=euro-123\n\
             #SBATCH --qos=normal\n\
             #SBATCH --time=04:00:00\n\
             #SBATCH --cpus-per-task=32\n\
             #SBATCH --mem=64G\n\
             #SBATCH --constraint=amd\n\
             set -euo pipefail\n\
             module load zstd\n\
             cd '/scratch/proj x'\n\
             exec /opt/eurocorpus/bin/eurocorpus run pipelines/web.toml --output /scratch/out --quiet \
             --phase signatures --task-index \"$SLURM_ARRAY_TASK_ID\" --task-count 200\n"
        );
        // A one-unit phase is an array of one.
        let c = script(&SlurmConfig::default(), &inv(), "web", Phase::Clusters, 200, Path::new("/l"));
        assert!(c.contains("#SBATCH --array=0-0\n") && c.ends_with("--task-count 200\n"), "{c}");
    }

    #[test]
    fn arrays_and_queue_lines() {
        assert_eq!(array_spec(&[0, 1, 2, 3], 0), "0-3");
        assert_eq!(array_spec(&[1, 5, 6], 2), "1,5,6%2");
        assert_eq!(array_spec(&[0], 0), "0");
        let q = parse_squeue(
            "101 2 RUNNING None\n102 [0-3] PENDING Dependency\n103 N/A PENDING DependencyNeverSatisfied\n",
        );
        assert_eq!(
            q[0],
            QueueEntry { job_id: "101".into(), index: Some(2), state: "RUNNING".into(), reason: "None".into() }
        );
        assert_eq!((q[1].index, q[1].reason.as_str()), (None, "Dependency"));
        assert_eq!(q.len(), 3);
        assert_eq!(default_tasks(0, 0), 1);
        assert_eq!(default_tasks(5 << 30, 100), 3);
        assert_eq!(default_tasks(5 << 40, 100), 100);
    }

    #[test]
    fn status_tells_failed_from_waiting() {
        let run = RunFile {
            invocation: inv(),
            task_count: 3,
            log_dir: "/l".into(),
            submissions: vec![
                Submission { phase: Phase::Write, job_id: "7".into(), tasks: vec![0, 1, 2] },
                Submission { phase: Phase::Finish, job_id: "8".into(), tasks: vec![0] },
            ],
        };
        let progress = vec![
            PhaseProgress { phase: Phase::Write, tasks: 3, units: 12, units_done: 8, unfinished_tasks: vec![1, 2] },
            PhaseProgress { phase: Phase::Finish, tasks: 1, units: 1, units_done: 0, unfinished_tasks: vec![0] },
        ];
        let running = parse_squeue("7 2 RUNNING None\n8 0 PENDING Dependency\n");
        let st = status(&run, &progress, &running);
        assert_eq!((st[0].done, st[0].running.clone()), (1, vec![2]));
        assert_eq!(st[0].failed, vec![(1, PathBuf::from("/l/write-7_1.out"))]);
        assert_eq!(st[1].blocked, vec![0], "afterok on a phase with a failed task never releases it");
        assert!(!stuck(&st), "task 2 still runs");
        let all_fine = parse_squeue("7 1 RUNNING None\n7 2 RUNNING None\n8 0 PENDING Dependency\n");
        assert_eq!(status(&run, &progress, &all_fine)[1].pending, vec![0]);
        let after = parse_squeue("8 0 PENDING DependencyNeverSatisfied\n");
        let st = status(&run, &progress, &after);
        assert_eq!(st[1].blocked, vec![0]);
        assert!(stuck(&st));
        assert!(render(&st).contains("failed: write task 2: log /l/write-7_2.out"));
    }

    /// A failed task two phases up: the queue says `Dependency` (not
    /// `NeverSatisfied`) for the phase after next, which still never runs.
    #[test]
    fn a_failure_blocks_every_later_phase() {
        let run = RunFile {
            invocation: inv(),
            task_count: 3,
            log_dir: "/l".into(),
            submissions: vec![
                Submission { phase: Phase::Census, job_id: "59".into(), tasks: vec![0, 1, 2] },
                Submission { phase: Phase::Scatter, job_id: "60".into(), tasks: vec![0, 1, 2] },
                Submission { phase: Phase::Gather, job_id: "61".into(), tasks: vec![0, 1, 2] },
            ],
        };
        let unfinished = |phase, tasks: Vec<usize>| PhaseProgress {
            phase,
            tasks: 3,
            units: 9,
            units_done: 9 - 3 * tasks.len(),
            unfinished_tasks: tasks,
        };
        let progress = vec![
            unfinished(Phase::Census, vec![1]),
            unfinished(Phase::Scatter, vec![0, 1, 2]),
            unfinished(Phase::Gather, vec![0, 1, 2]),
        ];
        let q = parse_squeue("60 [0-2] PENDING DependencyNeverSatisfied\n61 [0-2] PENDING Dependency\n");
        let st = status(&run, &progress, &q);
        assert_eq!((st[1].blocked.len(), st[2].blocked.len(), st[2].pending.len()), (3, 3, 0));
        assert!(stuck(&st), "nothing can run: `slurm submit --wait` must stop");
    }
}
