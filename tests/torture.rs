//! The torture corpus (`examples/torture_corpus/generate.rs`, full size:
//! a 200 MB line, a million one-byte documents) run through every stage at
//! once, plus a file that disappears after the inputs are listed and one
//! without read permission. Each input is either processed or reported
//! with its file and record number, and the statistics reconcile.

use std::path::Path;
use std::time::{Duration, Instant};

use tempfile::TempDir;

use crate::util::*;

#[path = "../examples/torture_corpus/generate.rs"]
#[allow(dead_code)]
mod generate;

fn torture_pipeline(dir: &Path) -> std::path::PathBuf {
    pipeline(
        dir,
        "torture.toml",
        &format!(
            "name = 'torture'\n[input]\npaths = ['in']\n\
             [[stages]]\ntype = 'normalize'\n[[stages]]\ntype = 'langid'\n\
             [[stages]]\ntype = 'exact_dedup'\n[[stages]]\ntype = 'minhash_dedup'\n\
             [[stages]]\ntype = 'pii'\n\
             [[stages]]\ntype = 'tokenize'\ntokenizer = '{}'\neos = '<|endoftext|>'\n\
             [output]\npath = 'out'\n[run]\non_error = 'skip'\n",
            fixture_tokenizer().display()
        ),
    )
}

/// Root reads every file whatever its mode: run as `nobody` then, so the
/// unreadable file is unreadable.
fn as_unprivileged(dir: &Path) -> Vec<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let root = std::process::Command::new("id").arg("-u").output().unwrap();
        if String::from_utf8_lossy(&root.stdout).trim() != "0" {
            return Vec::new();
        }
        for d in walk_dirs(dir) {
            std::fs::set_permissions(&d, std::fs::Permissions::from_mode(0o777)).unwrap();
        }
        std::fs::set_permissions(dir.join("torture.toml"), std::fs::Permissions::from_mode(0o644)).unwrap();
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"].map(String::from).to_vec()
    }
    #[cfg(not(unix))]
    Vec::new()
}

fn walk_dirs(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    let mut i = 0;
    while i < out.len() {
        for e in std::fs::read_dir(&out[i]).unwrap().flatten() {
            if e.file_type().unwrap().is_dir() {
                out.push(e.path());
            }
        }
        i += 1;
    }
    out
}

#[test]
fn the_torture_corpus_is_processed_or_reported_and_reconciles() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    let expect = generate::generate(dir, generate::Scale::FULL);
    write(&dir.join("in/vanishing.jsonl"), "{\"text\":\"Diese Datei verschwindet.\"}\n");
    write(&dir.join("in/unreadable.jsonl"), "{\"text\":\"Diese Datei darf niemand lesen.\"}\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir.join("in/unreadable.jsonl"), std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    let p = torture_pipeline(dir);
    let prefix = as_unprivileged(dir);

    let flag = dir.join("listed");
    let mut cmd = if prefix.is_empty() {
        eurocorpus()
    } else {
        let mut c = std::process::Command::new(&prefix[0]);
        c.args(&prefix[1..]).arg(env!("CARGO_BIN_EXE_eurocorpus"));
        c.env_remove(eurocorpus::exec::ABORT_ENV);
        c
    };
    cmd.current_dir(dir).arg("run").arg(&p).env(eurocorpus::exec::PAUSE_ENV, &flag);
    let child = cmd.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped()).spawn().unwrap();
    // The inputs are listed: now one of them disappears.
    let start = Instant::now();
    let waiting = dir.join("listed.waiting");
    while !waiting.exists() {
        assert!(start.elapsed() < Duration::from_secs(120), "the run never listed its inputs");
        std::thread::sleep(Duration::from_millis(5));
    }
    std::fs::remove_file(dir.join("in/vanishing.jsonl")).unwrap();
    std::fs::write(&flag, b"").unwrap();
    let o = child.wait_with_output().unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");

    let out = dir.join("out");
    let s = stats(&out);
    assert_reconciled(&s);
    let read: u64 = expect.iter().map(|e| e.read).sum();
    assert_eq!(s["documents"]["read"], read, "{}", s["documents"]);

    // Every bad record and file is counted by kind and located by file and record.
    let samples = s["error_samples"].as_array().unwrap();
    let located = |file: &str, record: Option<u64>, kind: &str| {
        samples.iter().any(|e| {
            e["file"].as_str().unwrap().ends_with(&format!("in/{file}"))
                && e["kind"] == kind
                && record.is_none_or(|r| e["record"] == r)
        })
    };
    let mut record_errors = std::collections::BTreeMap::<String, u64>::new();
    let mut file_errors = std::collections::BTreeMap::<String, u64>::new();
    for e in &expect {
        for &(record, kind) in &e.errors {
            assert!(located(&e.source, record, kind), "{} record {record:?} {kind} not located", e.source);
            if kind == "truncated_input" {
                *file_errors.entry(kind.to_string()).or_default() += 1;
            } else {
                *record_errors.entry(format!("read.{kind}")).or_default() += 1;
            }
        }
    }
    for gone in ["vanishing.jsonl", "unreadable.jsonl"] {
        assert!(located(gone, None, "unreadable_file"), "{gone} not reported:\n{err}");
        assert!(err.contains(&format!("in/{gone}: unreadable_file")), "{err}");
    }
    *file_errors.entry("unreadable_file".into()).or_default() += 2;
    let counted = |v: &serde_json::Value| -> std::collections::BTreeMap<String, u64> {
        v.as_object().unwrap().iter().map(|(k, n)| (k.clone(), n.as_u64().unwrap())).collect()
    };
    assert_eq!(counted(&s["errors"]["records"]), record_errors);
    assert_eq!(counted(&s["errors"]["files"]), file_errors);
    assert_eq!(s["input"]["empty_files"], 1);
    assert!(err.contains("in/empty.jsonl: the file holds no documents"), "{err}");
    assert!(err.contains("JSON nested more than 128 levels deep"), "{err}");

    // What must be written is written, exactly; no byte-order mark survives.
    let rows = read_rows(&out);
    assert_eq!(rows.len() as u64, s["documents"]["written"].as_u64().unwrap());
    for e in &expect {
        for t in &e.texts {
            assert!(
                rows.iter().any(|r| r.source == e.source && r.text.as_deref() == Some(t.as_str())),
                "{}: {t:?} not written",
                e.source
            );
        }
    }
    assert!(rows.iter().all(|r| !r.text.as_deref().unwrap_or("").starts_with('\u{feff}')));
    let long = rows.iter().find(|r| r.source == "long-line.jsonl").expect("the 200 MB document is written");
    assert!(long.text.as_ref().unwrap().len() >= generate::Scale::FULL.long_line_bytes);
    // A million one-byte documents, 26 distinct: exact dedup keeps 26.
    assert_eq!(rows.iter().filter(|r| r.source == "tiny.jsonl.zst").count(), 26);
    assert!(rows.iter().all(|r| r.num_tokens.is_some_and(|n| n > 0)));
}
