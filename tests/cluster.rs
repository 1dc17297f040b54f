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

/// A copy of the fixture corpus whose Parquet file has row groups of 4
/// rows, and the quick-start pipeline over it with `split_bytes` (`None`:
/// the default).
fn split_corpus(dir: &Path, split_bytes: Option<u64>) -> PathBuf {
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    use parquet::arrow::ArrowWriter;
    use parquet::file::properties::WriterProperties;
    let corpus = dir.join("corpus");
    if !corpus.exists() {
        let o = Command::new("cp").arg("-r").arg(repo().join("fixtures/corpus")).arg(&corpus).output().unwrap();
        assert!(o.status.success());
        let pq = corpus.join("parquet/nl-pt.parquet");
        let reader =
            ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&pq).unwrap()).unwrap().build().unwrap();
        let batches: Vec<_> = reader.map(Result::unwrap).collect();
        let props = WriterProperties::builder().set_max_row_group_row_count(Some(4)).build();
        let mut w =
            ArrowWriter::try_new(std::fs::File::create(&pq).unwrap(), batches[0].schema(), Some(props)).unwrap();
        for b in &batches {
            w.write(b).unwrap();
        }
        w.close().unwrap();
    }
    let text = std::fs::read_to_string(repo().join("pipelines/quickstart.toml")).unwrap().replace(
        "paths = [\"fixtures/corpus\"]",
        &format!(
            "paths = [{:?}]{}",
            corpus.display().to_string(),
            split_bytes.map_or(String::new(), |b| format!("\nsplit_bytes = {b}"))
        ),
    );
    pipeline(dir, &format!("split-{}.toml", split_bytes.unwrap_or(0)), &text)
}

/// A row as (source, record, id, text, lang, tokens).
type Doc = (String, u64, String, Option<String>, Option<String>, Option<Vec<u32>>);

/// Rows sorted: what a trainer sees, whatever the shard layout.
fn documents(out: &Path) -> Vec<Doc> {
    let mut v: Vec<_> =
        read_rows(out).into_iter().map(|r| (r.source, r.record, r.id, r.text, r.lang, r.input_ids)).collect();
    v.sort();
    v
}

#[test]
fn large_inputs_split_into_parts_give_the_documents_of_whole_files_with_any_task_count() {
    let dir = TempDir::new().unwrap();
    let whole_toml = split_corpus(dir.path(), None);
    let split_toml = split_corpus(dir.path(), Some(8192));
    let run = |toml: &Path, out: &Path, extra: &[&str]| {
        let o = eurocorpus().arg("run").arg(toml).args(["-q", "-o"]).arg(out).args(extra).output().unwrap();
        assert!(o.status.success(), "{extra:?}: {}", stderr(&o));
        o
    };
    let (whole, split) = (dir.path().join("whole"), dir.path().join("split"));
    run(&whole_toml, &whole, &[]);
    run(&split_toml, &split, &[]);
    // de.jsonl (55 KB) in 7 byte ranges, the Parquet file in row groups of
    // ≥ 8 KB; compressed files stay whole.
    let m = manifest(&split);
    let parts: Vec<(String, u64)> = m["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i.get("parts").is_some())
        .map(|i| (i["source"].as_str().unwrap().to_string(), i["parts"].as_u64().unwrap()))
        .collect();
    assert_eq!(parts.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), ["jsonl/de.jsonl", "parquet/nl-pt.parquet"]);
    assert_eq!(parts[0].1, 7);
    assert!(parts[1].1 >= 2, "{parts:?}");
    assert_eq!(m["inputs"].as_array().unwrap().len(), manifest(&whole)["inputs"].as_array().unwrap().len());
    assert!(m["totals"]["shards"].as_u64() > manifest(&whole)["totals"]["shards"].as_u64());
    // The same documents, ids, record numbers and tokens; the same counts.
    assert_eq!(documents(&split), documents(&whole));
    let strip = |mut s: serde_json::Value| {
        s.as_object_mut().unwrap().remove("timing");
        s
    };
    let (s, w) = (stats(&split), stats(&whole));
    assert_eq!(
        (&s["output"]["documents"], &s["output"]["tokens"]),
        (&w["output"]["documents"], &w["output"]["tokens"])
    );
    // All else but the shard layout is the same.
    let no_layout = |mut s: serde_json::Value| {
        s.as_object_mut().unwrap().remove("output");
        strip(s)
    };
    assert_eq!(no_layout(s), no_layout(w));
    assert_reconciled(&stats(&split));

    // Phase by phase, the index first, with 1, 3 and 7 tasks: the split local run's bytes.
    let phases = ["index", "lines", "frequent-lines", "signatures", "candidates", "clusters", "write", "finish"];
    for count in [1, 3, 7] {
        let out = dir.path().join(format!("tasks-{count}"));
        for p in phases {
            for index in (0..count).rev() {
                run(
                    &split_toml,
                    &out,
                    &["--phase", p, "--task-index", &index.to_string(), "--task-count", &count.to_string()],
                );
            }
        }
        assert_same_output(&split, &out);
        assert_eq!(strip(stats(&out)), strip(stats(&split)), "{count} tasks");
    }

    // A part whose line count is missing: the phases that read inputs name it and its task.
    let out = dir.path().join("missing-count");
    for index in 0..3 {
        run(&split_toml, &out, &["--phase", "index", "--task-index", &index.to_string(), "--task-count", "3"]);
    }
    let counted: Vec<PathBuf> = std::fs::read_dir(out.join("_eurocorpus/index"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "done"))
        .collect();
    assert_eq!(counted.len(), 6, "7 parts of de.jsonl: all but the last counted");
    std::fs::remove_file(out.join("_eurocorpus/index/00003.done")).unwrap();
    let o = eurocorpus()
        .arg("run")
        .arg(&split_toml)
        .args(["-q", "--phase", "lines", "--task-index", "0", "--task-count", "3", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("phase `lines` cannot start:")
            && err.contains("index: input 3 (")
            && err.contains("de.jsonl (part 4 of 7)) has no completion marker; rerun `--phase index --task-index"),
        "{err}"
    );

    // The plan counts the parts as inputs and estimates the index phase.
    let o = run_expect(eurocorpus().arg("plan").arg(&split_toml).args(["--tasks", "4", "--json"]), 0);
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let first = &r["phases"][0];
    assert_eq!((first["phase"].as_str(), first["files_created"].as_u64()), (Some("index"), Some(12)));
    assert!(first["core_hours"].as_f64().unwrap() > 0.0, "{first}");
    assert_eq!(r["inputs"].as_u64(), Some(12 - 2 + 7 + parts[1].1));
}
