//! The plan run phase by phase, shared among 1, 3 or 7 tasks, gives the
//! output of a local run; a phase whose inputs are incomplete or corrupt
//! names the task to rerun. And the same through a real Slurm (skipped with
//! a message where none is reachable; required in CI).

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

use crate::util::*;

const PHASES: [&str; 7] = ["lines", "frequent-lines", "signatures", "candidates", "clusters", "write", "finish"];

fn local_run(dir: &Path) -> PathBuf {
    let out = dir.join("local");
    run_expect(eurocorpus().args(["run", "pipelines/quickstart.toml", "-q", "-o"]).arg(&out), 0);
    out
}

fn phase(out: &Path, phase: &str, index: usize, count: usize) -> std::process::Output {
    eurocorpus()
        .args(["run", "pipelines/quickstart.toml", "-q", "--phase", phase, "--task-index"])
        .arg(index.to_string())
        .arg("--task-count")
        .arg(count.to_string())
        .arg("-o")
        .arg(out)
        .output()
        .unwrap()
}

fn stats_without_timing(out: &Path) -> serde_json::Value {
    let mut s = stats(out);
    s.as_object_mut().unwrap().remove("timing");
    s
}

#[test]
fn phases_shared_by_1_3_or_7_tasks_give_the_local_output() {
    let dir = TempDir::new().unwrap();
    let local = local_run(dir.path());
    for count in [1, 3, 7] {
        let out = dir.path().join(format!("tasks-{count}"));
        for p in PHASES {
            // Tasks of a phase in reverse order: the share, not the order, decides.
            for index in (0..count).rev() {
                let o = phase(&out, p, index, count);
                assert!(o.status.success(), "{p} {index}/{count}: {}", stderr(&o));
            }
        }
        assert_same_output(&local, &out);
        assert_eq!(stats_without_timing(&local), stats_without_timing(&out), "{count} tasks");
        assert_reconciled(&stats(&out));
    }
    // A finished task's rerun does nothing.
    let o = phase(&dir.path().join("tasks-3"), "write", 1, 3);
    assert!(stderr(&o).contains("phase write, task 1 of 3: 4 units (4 done before)"), "{}", stderr(&o));
}

#[test]
fn more_tasks_than_sections_split_the_candidates_by_hash_range() {
    let dir = TempDir::new().unwrap();
    // Two bands and the exact hashes: 3 sections, so 7 tasks split each into 3 hash ranges.
    let text = std::fs::read_to_string(repo().join("pipelines/quickstart.toml"))
        .unwrap()
        .replace("bands = 40\nrows = 3", "bands = 2\nrows = 2");
    let p = pipeline(dir.path(), "two-bands.toml", &text);
    let run = |out: &Path, extra: &[&str]| {
        let o = eurocorpus().arg("run").arg(&p).args(["-q", "-o"]).arg(out).args(extra).output().unwrap();
        assert!(o.status.success(), "{extra:?}: {}", stderr(&o));
        o
    };
    let local = dir.path().join("local");
    run(&local, &[]);
    let out = dir.path().join("tasks-7");
    for phase in PHASES {
        for index in 0..7 {
            let o = run(&out, &["--phase", phase, "--task-index", &index.to_string(), "--task-count", "7"]);
            if phase == "candidates" {
                assert!(stderr(&o).contains("phase candidates, task"), "{}", stderr(&o));
                if index == 0 {
                    let names: Vec<String> = std::fs::read_dir(out.join("_eurocorpus/dedup/edges"))
                        .unwrap()
                        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                        .filter(|n| n.ends_with(".bin"))
                        .collect();
                    assert!(names.iter().all(|n| n.contains("of0003")), "{names:?}");
                }
            }
        }
    }
    assert_same_output(&local, &out);
    assert_eq!(stats_without_timing(&local), stats_without_timing(&out));
    let removed = stats(&out)["removed"].clone();
    assert!(removed.to_string().contains("duplicate"), "the fixtures hold duplicates: {removed}");
}

#[test]
fn a_phase_names_the_task_whose_files_are_missing_or_corrupt() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("out");
    for index in [0, 2] {
        assert!(phase(&out, "lines", index, 3).status.success());
    }
    let o = phase(&out, "frequent-lines", 0, 3);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("phase `frequent-lines` cannot start:"), "{err}");
    // Task 1 of 3 owns fixtures 0 (largest), 5, 6 and 10 (see TaskSel::share).
    let missing: Vec<&str> = err.lines().filter(|l| l.contains("has no completion marker")).collect();
    assert!(
        !missing.is_empty()
            && missing.iter().all(|l| l.ends_with("rerun `--phase lines --task-index 1 --task-count 3`")),
        "{err}"
    );
    assert!(phase(&out, "lines", 1, 3).status.success());
    // One flipped byte in a task's file: only the checksum sees it.
    let file = out.join("_eurocorpus/dedup/lines/00003.bin");
    let mut bytes = std::fs::read(&file).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(&file, bytes).unwrap();
    let err = stderr(&phase(&out, "frequent-lines", 0, 3));
    assert!(
        err.contains("lines: input 3 (")
            && err.contains("`00003.bin` does not match its checksum; rerun `--phase lines --task-index"),
        "{err}"
    );
    std::fs::remove_file(out.join("_eurocorpus/dedup/lines/00003.done")).unwrap();
    let owner = err.split("--task-index ").nth(1).unwrap().split(' ').next().unwrap().parse::<usize>().unwrap();
    assert!(phase(&out, "lines", owner, 3).status.success());
    assert!(phase(&out, "frequent-lines", 0, 3).status.success());
    // A phase that is not in the plan, and a task without its phase.
    let o = run_expect(
        eurocorpus()
            .args(["run", "-q", "-i", "fixtures/corpus/text", "--phase", "lines", "-o"])
            .arg(dir.path().join("x")),
        2,
    );
    assert!(
        stderr(&o)
            .contains("phase `lines` is not in this pipeline's plan (signatures, candidates, clusters, write, finish)"),
        "{}",
        stderr(&o)
    );
    let o = run_expect(
        eurocorpus()
            .args(["run", "pipelines/quickstart.toml", "-q", "-o"])
            .arg(dir.path().join("y"))
            .env("SLURM_ARRAY_TASK_ID", "1")
            .env("SLURM_ARRAY_TASK_COUNT", "3"),
        2,
    );
    assert!(stderr(&o).contains("this is task 1 of 3: give the --phase it runs"), "{}", stderr(&o));
}

/// True when a Slurm controller answers; panics in CI (EUROCORPUS_REQUIRE_SLURM=1) when none does.
pub(crate) fn slurm_reachable() -> bool {
    let ok = Command::new("timeout").args(["10", "sinfo", "-h"]).output().is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var("EUROCORPUS_REQUIRE_SLURM").is_err(),
            "no Slurm reachable (start one with scripts/slurm-local.sh)"
        );
        eprintln!("skipped: no Slurm reachable (start one with scripts/slurm-local.sh)");
    }
    ok
}

fn submit(out: &Path) -> Command {
    let mut c = eurocorpus();
    c.args(["slurm", "submit", "pipelines/quickstart.toml", "--tasks", "4", "-o"])
        .arg(out)
        .env_remove("EUROCORPUS_FAIL_TASK");
    c
}

#[test]
fn slurm_runs_the_plan_as_job_arrays_and_resubmits_what_failed() {
    if !slurm_reachable() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let local = local_run(dir.path());

    let ok = dir.path().join("slurm-ok");
    let o = run_expect(submit(&ok).arg("--wait"), 0);
    let listed = String::from_utf8_lossy(&o.stdout).into_owned();
    for p in PHASES {
        assert!(listed.lines().any(|l| l.starts_with(p) && l.contains(" job ")), "{p} not submitted:\n{listed}");
    }
    assert_same_output(&local, &ok);
    assert_eq!(stats_without_timing(&local), stats_without_timing(&ok));

    // Task 1 of the write phase fails: the run cannot finish, its finish job is cancelled.
    let failing = dir.path().join("slurm-fail");
    let o = run_expect(submit(&failing).arg("--wait").env("EUROCORPUS_FAIL_TASK", "write:1"), 1);
    let err = stderr(&o);
    assert!(err.contains("the run cannot finish"), "{err}");
    let log_line = err.lines().find(|l| l.starts_with("failed: write task 1: log ")).unwrap_or_else(|| panic!("{err}"));
    let log = log_line.trim_start_matches("failed: write task 1: log ");
    let text = std::fs::read_to_string(log).unwrap();
    assert!(text.contains("failure injected by EUROCORPUS_FAIL_TASK"), "{text}");
    let status = run_expect(eurocorpus().args(["slurm", "status"]).arg(&failing), 0);
    let table = String::from_utf8_lossy(&status.stdout).into_owned();
    let write_row: Vec<&str> = table.lines().find(|l| l.starts_with("write")).unwrap().split_whitespace().collect();
    assert_eq!(write_row[1..4], ["4", "3", "0"], "{table}");
    assert_eq!(write_row[5], "1", "one failed task:\n{table}");
    assert!(!failing.join("manifest.json").exists());
    // Resubmission: only the failed task and the finish phase.
    let o = run_expect(submit(&failing).arg("--wait"), 0);
    let listed = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(listed.lines().any(|l| l.starts_with("write") && l.ends_with("(tasks 1)")), "{listed}");
    assert!(!listed.contains("signatures"), "finished phases are not resubmitted:\n{listed}");
    assert_same_output(&local, &failing);
    let o = run_expect(&mut submit(&failing), 0);
    assert!(String::from_utf8_lossy(&o.stdout).contains("nothing to submit"));

    // While a run's jobs are queued, submitting again is refused (they would run twice).
    let busy = dir.path().join("slurm-busy");
    run_expect(&mut submit(&busy), 0);
    let err = stderr(&run_expect(&mut submit(&busy), 1));
    assert!(err.contains("jobs of this run are still in the queue") && err.contains("scancel "), "{err}");
    let started = std::time::Instant::now();
    while !busy.join("manifest.json").exists() {
        assert!(started.elapsed().as_secs() < 300, "the busy run did not finish");
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
    assert_same_output(&local, &busy);
}

#[test]
fn slurm_dry_run_prints_the_scripts_with_every_option() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("out");
    let o = run_expect(
        eurocorpus()
            .args(["slurm", "submit", "pipelines/quickstart.toml", "--tasks", "3", "--dry-run"])
            .args(["--partition", "cpu", "--account", "proj-1", "--qos", "normal", "--time", "01:00:00"])
            .args(["--cpus-per-task", "8", "--mem", "16G", "--max-parallel", "2", "--sbatch=--constraint=amd"])
            .args(["--setup", "module load zstd", "--log-dir", "/scratch/logs", "-o"])
            .arg(&out),
        0,
    );
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    let scripts: Vec<&str> = text.split("# ").filter(|s| !s.is_empty()).collect();
    assert_eq!(scripts.len(), 7, "{text}");
    for (s, p) in scripts.iter().zip(PHASES) {
        for line in [
            "#SBATCH --partition=cpu",
            "#SBATCH --account=proj-1",
            "#SBATCH --qos=normal",
            "#SBATCH --time=01:00:00",
            "#SBATCH --cpus-per-task=8",
            "#SBATCH --mem=16G",
            "#SBATCH --constraint=amd",
            "module load zstd",
            &format!("#SBATCH --output=/scratch/logs/{p}-%A_%a.out"),
            &format!("--phase {p} --task-index \"$SLURM_ARRAY_TASK_ID\" --task-count 3"),
        ] {
            assert!(s.contains(line), "{p}: no `{line}` in\n{s}");
        }
        let array = if ["frequent-lines", "clusters", "finish"].contains(&p) { "0-0%2" } else { "0-2%2" };
        assert!(s.contains(&format!("#SBATCH --array={array}\n")), "{s}");
    }
    assert!(!out.exists(), "a dry run writes nothing");
}

#[test]
fn plan_lists_the_phases_with_an_estimate_for_each() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("never-written");
    let o = run_expect(
        eurocorpus()
            .args(["plan", "pipelines/quickstart.toml", "--tasks", "4", "--cores", "8", "--json", "-o"])
            .arg(&out),
        0,
    );
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!((r["inputs"].as_u64(), r["tasks"].as_u64(), r["cores"].as_u64()), (Some(12), Some(4), Some(8)));
    assert!(r["sample_bytes"].as_u64().unwrap() > 0);
    let phases = r["phases"].as_array().unwrap();
    let got: Vec<(&str, u64, u64)> = phases
        .iter()
        .map(|p| (p["phase"].as_str().unwrap(), p["units"].as_u64().unwrap(), p["tasks"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            ("lines", 12, 4),
            ("frequent-lines", 1, 1),
            ("signatures", 12, 4),
            ("candidates", 41, 4),
            ("clusters", 1, 1),
            ("write", 12, 4),
            ("finish", 1, 1)
        ]
    );
    let peak = r["sample_peak_rss"].as_u64().unwrap();
    for p in phases {
        assert!(p["wall_hours"].as_f64().unwrap() > 0.0 && p["memory_bytes"].as_u64().unwrap() >= peak, "{p}");
    }
    // 41 sections shared by 4 tasks: no split; 100 tasks: 3 hash ranges each.
    assert_eq!(phases[3]["files_created"].as_u64(), Some(82));
    let write = &phases[5];
    assert!(
        write["bytes_written"].as_u64().unwrap() > 100_000 && write["files_created"].as_u64().unwrap() >= 24,
        "{write}"
    );
    assert!(!out.exists(), "plan writes nothing into the output folder");
    let many = run_expect(
        eurocorpus().args(["plan", "pipelines/quickstart.toml", "--tasks", "100", "--json", "-o"]).arg(&out),
        0,
    );
    let many: serde_json::Value = serde_json::from_slice(&many.stdout).unwrap();
    let cand = &many["phases"][3];
    assert_eq!(
        (cand["units"].as_u64(), cand["tasks"].as_u64(), cand["files_created"].as_u64()),
        (Some(123), Some(100), Some(246))
    );
    let table = run_expect(eurocorpus().args(["plan", "pipelines/quickstart.toml", "--tasks", "4", "-o"]).arg(&out), 0);
    let text = String::from_utf8_lossy(&table.stdout).into_owned();
    assert!(text.starts_with("plan for quickstart: 12 inputs") && text.contains("\ntotal "), "{text}");
}
