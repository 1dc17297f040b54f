//! A run killed at any point and started again completes with the same
//! output as an uninterrupted run; a finished run is not redone.

use std::path::Path;
use std::time::{Duration, Instant};

use tempfile::TempDir;

use crate::util::*;

/// Six inputs of 1,200 documents each, made from the fixture texts, so a
/// run has several batches per input.
fn corpus(dir: &Path) {
    let texts: Vec<String> = std::fs::read_to_string(repo().join("fixtures/corpus/jsonl/de.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["text"].as_str().unwrap().to_string())
        .collect();
    for f in 0..6 {
        let mut s = String::new();
        for i in 0..1200 {
            let t = &texts[(f * 7 + i) % texts.len()];
            s += &serde_json::json!({"id": format!("f{f}-{i}"), "text": format!("{i}. {t}")}).to_string();
            s.push('\n');
        }
        let name = dir.join(format!("in/part-{f}.jsonl.gz"));
        write(&name, gzip(s.as_bytes()));
    }
}

fn pipeline_for(dir: &Path) -> std::path::PathBuf {
    let tok = fixture_tokenizer();
    pipeline(
        dir,
        "p.toml",
        &format!(
            "name = 'resume'\n[input]\npaths = ['in']\n[[stages]]\ntype = 'normalize'\n[[stages]]\ntype = 'tokenize'\ntokenizer = '{}'\neos = '<|endoftext|>'\n[output]\npath = 'out'\nshard_max_rows = 500\n[run]\nbatch_docs = 200\nthreads = 2\n",
            tok.display()
        ),
    )
}

fn run_in(dir: &Path, p: &Path, out: &str, abort_after: Option<u64>) -> std::process::Output {
    let mut c = eurocorpus();
    c.current_dir(dir).arg("run").arg(p).args(["--quiet", "--output", out]);
    if let Some(n) = abort_after {
        c.env(eurocorpus::exec::ABORT_ENV, n.to_string());
    }
    c.output().unwrap()
}

/// Every visible shard must be a complete Parquet file at all times.
fn assert_no_half_shard(out: &Path) {
    for f in shard_files(out) {
        let file = std::fs::File::open(&f).unwrap();
        parquet::file::reader::SerializedFileReader::new(file)
            .unwrap_or_else(|e| panic!("{} is not a complete shard: {e}", f.display()));
    }
}

#[test]
fn killed_runs_resume_to_identical_output() {
    let tmp = TempDir::new().unwrap();
    corpus(tmp.path());
    let p = pipeline_for(tmp.path());
    let clean = run_in(tmp.path(), &p, "clean", None);
    assert!(clean.status.success(), "{}", stderr(&clean));
    let want = output_bytes(&tmp.path().join("clean"));
    assert!(want.len() > 12, "several shards per input");

    // 36 batches in all: abort after the 1st, in the middle, near the end.
    for (k, abort) in [1u64, 8, 17, 35].into_iter().enumerate() {
        let out = format!("killed-{k}");
        let first = run_in(tmp.path(), &p, &out, Some(abort));
        assert!(!first.status.success(), "the run was meant to be aborted after batch {abort}");
        assert!(!tmp.path().join(&out).join("manifest.json").exists());
        assert_no_half_shard(&tmp.path().join(&out));
        let again = run_in(tmp.path(), &p, &out, None);
        assert!(again.status.success(), "{}", stderr(&again));
        let got = output_bytes(&tmp.path().join(&out));
        assert_eq!(got.keys().collect::<Vec<_>>(), want.keys().collect::<Vec<_>>(), "abort after {abort}");
        for (name, bytes) in &want {
            assert!(&got[name] == bytes, "{name} differs after abort at batch {abort}");
        }
        let s = stats(&tmp.path().join(&out));
        assert_reconciled(&s);
        assert_eq!(s["documents"]["written"], 7200);
    }
}

#[test]
fn sigkill_at_a_random_moment_then_resume() {
    let tmp = TempDir::new().unwrap();
    corpus(tmp.path());
    let p = pipeline_for(tmp.path());
    let clean = run_in(tmp.path(), &p, "clean", None);
    assert!(clean.status.success());
    let want = output_bytes(&tmp.path().join("clean"));
    let out = tmp.path().join("killed");
    let mut child = eurocorpus()
        .current_dir(tmp.path())
        .arg("run")
        .arg(&p)
        .args(["--quiet", "--output", "killed"])
        .spawn()
        .unwrap();
    // Kill as soon as the first shard is published.
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        if out.exists() && !shard_files(&out).is_empty() {
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let _ = child.kill();
    let _ = child.wait();
    assert_no_half_shard(&out);
    let again = run_in(tmp.path(), &p, "killed", None);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_same_output(&out, &tmp.path().join("clean"));
    drop(want);
}

#[test]
fn a_finished_run_is_skipped_and_a_changed_config_is_redone() {
    let tmp = TempDir::new().unwrap();
    corpus(tmp.path());
    let p = pipeline_for(tmp.path());
    assert!(run_in(tmp.path(), &p, "out", None).status.success());
    let first = output_bytes(&tmp.path().join("out"));
    let again = run_in(tmp.path(), &p, "out", None);
    assert!(stderr(&again).contains("6 inputs (6 resumed)"), "{}", stderr(&again));
    assert!(output_bytes(&tmp.path().join("out")) == first, "a resumed run changed the output");

    // A different shard size changes the fingerprint: everything is redone
    // and the old, differently cut shards disappear.
    let text = std::fs::read_to_string(&p).unwrap().replace("shard_max_rows = 500", "shard_max_rows = 5000");
    std::fs::write(&p, text).unwrap();
    let third = run_in(tmp.path(), &p, "out", None);
    assert!(stderr(&third).contains("6 inputs (0 resumed)"), "{}", stderr(&third));
    assert_eq!(shard_files(&tmp.path().join("out")).len(), 6);
    assert_eq!(read_rows(&tmp.path().join("out")).len(), 7200);
}
