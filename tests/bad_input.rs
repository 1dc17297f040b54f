//! Bad input never crashes the run and never disappears silently: each bad
//! record or file is located by path and record number, counted, and
//! handled by the `on_error` policy. No message quotes document text.

use std::path::Path;

use tempfile::TempDir;

use crate::util::*;

/// A folder of broken inputs; returns the number of good documents that
/// must be written from the files that are not truncated.
fn broken_corpus(dir: &Path) -> usize {
    let good = |i: usize| format!("{{\"id\":\"g{i}\",\"text\":\"Dobrý den number {i}.\"}}\n");
    let mut lines = String::new();
    lines += &good(1); // line 1
    lines += "{\"id\":\"b2\",\"text\":\"secret.person@example.org\"\n"; // 2: malformed
    lines += &good(3); // 3
    lines += "{\"id\":\"b4\",\"body\":\"secret.person@example.org\"}\n"; // 4: no text field
    lines += "{\"id\":\"b5\",\"text\":\"   \"}\n"; // 5: empty
    lines += "\n"; // 6: blank line, not a record
    lines += "\"secret.person@example.org\"\n"; // 7: not an object
    lines += &format!("{{\"id\":\"b8\",\"text\":\"{}\"}}\n", "x".repeat(5000)); // 8: too large
    lines += &good(9); // 9
    let mut bytes = lines.into_bytes();
    bytes.extend_from_slice(b"{\"id\":\"b10\",\"text\":\"caf\xe9 secret\"}\n"); // 10: invalid UTF-8
    bytes.extend_from_slice(good(11).as_bytes());
    write(&dir.join("in/mixed.jsonl"), &bytes);

    // A gzip cut in the middle, and a zstd with a corrupt frame.
    let many: String =
        (0..2000).map(|i| format!("{{\"text\":\"Zeile {i} mit etwas Text, {}.\"}}\n", i * 7919 % 1000)).collect();
    let gz = gzip(many.as_bytes());
    write(&dir.join("in/cut.jsonl.gz"), &gz[..gz.len() / 2]);
    let mut zst = zstd::encode_all(many.as_bytes(), 3).unwrap();
    let mid = zst.len() / 2;
    zst[mid..mid + 40].iter_mut().for_each(|b| *b ^= 0x5a);
    write(&dir.join("in/corrupt.jsonl.zst"), &zst);

    write(&dir.join("in/empty.jsonl"), b"");
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.join("nowhere.jsonl"), dir.join("in/gone.jsonl")).unwrap();
    4
}

const BAD_PIPELINE: &str = "[input]\npaths = ['in']\nmax_document_bytes = 1000\n[[stages]]\ntype = 'normalize'\n[output]\npath = 'out'\n[run]\non_error = 'skip'\nthreads = 2\n";

#[test]
fn skip_counts_and_locates_every_bad_record_and_file() {
    let tmp = TempDir::new().unwrap();
    let good = broken_corpus(tmp.path());
    let p = pipeline(tmp.path(), "p.toml", BAD_PIPELINE);
    let mut c = eurocorpus();
    c.current_dir(tmp.path()).arg("run").arg(&p);
    let o = run_expect(&mut c, 0);
    let err = stderr(&o);
    for want in [
        "in/mixed.jsonl: record 2: malformed_json",
        "in/mixed.jsonl: record 4: missing_text: no field \"text\" (fields present: id, body)",
        "in/mixed.jsonl: record 7: malformed_json: not a JSON object",
        "in/mixed.jsonl: record 8: too_large",
        "in/mixed.jsonl: record 10: invalid_utf8: invalid UTF-8 at byte 23 of the line",
        "in/cut.jsonl.gz: record",
        "in/corrupt.jsonl.zst: record",
        "in/gone.jsonl: unreadable_file",
        "in/empty.jsonl: the file holds no documents",
    ] {
        assert!(err.contains(want), "missing {want:?} in:\n{err}");
    }
    let out = tmp.path().join("out");
    let s = stats(&out);
    assert_reconciled(&s);
    assert_eq!(s["errors"]["records"]["read.malformed_json"], 2);
    assert_eq!(s["errors"]["records"]["read.missing_text"], 1);
    assert_eq!(s["errors"]["records"]["read.too_large"], 1);
    assert_eq!(s["errors"]["records"]["read.invalid_utf8"], 1);
    assert_eq!(s["errors"]["files"]["truncated_input"], 2);
    assert_eq!(s["errors"]["files"]["unreadable_file"], 1);
    assert_eq!(s["removed"]["read.empty"], 1);
    assert_eq!(s["input"]["empty_files"], 1);

    // The truncated archives gave what they had before the damage.
    let rows = read_rows(&out);
    let from = |src: &str| rows.iter().filter(|r| r.source == src).count();
    assert_eq!(from("mixed.jsonl"), good);
    assert!(from("cut.jsonl.gz") > 100 && from("cut.jsonl.gz") < 2000, "{}", from("cut.jsonl.gz"));
    assert!(from("corrupt.jsonl.zst") < 2000);
    assert_eq!(s["documents"]["written"], rows.len() as u64);

    // Personal data in bad records appears nowhere.
    let stats_text = std::fs::read_to_string(out.join("stats.json")).unwrap();
    let manifest_text = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    for haystack in [&err, &stats_text, &manifest_text] {
        assert!(!haystack.contains("secret"), "document text leaked:\n{haystack}");
    }
    assert!(s["error_samples"].as_array().unwrap().iter().any(|e| e["record"] == 10 && e["kind"] == "invalid_utf8"));
}

#[test]
fn fail_policy_stops_with_the_location_and_no_manifest() {
    let tmp = TempDir::new().unwrap();
    broken_corpus(tmp.path());
    let p = pipeline(tmp.path(), "p.toml", &BAD_PIPELINE.replace("on_error = 'skip'", "on_error = 'fail'"));
    for input in ["in/mixed.jsonl", "in/cut.jsonl.gz", "in/gone.jsonl"] {
        let mut c = eurocorpus();
        c.current_dir(tmp.path()).arg("run").arg(&p).args(["--input", input]);
        let o = run_expect(&mut c, 1);
        let err = stderr(&o);
        let want = match input {
            "in/mixed.jsonl" => "in/mixed.jsonl: record 2: malformed_json",
            "in/cut.jsonl.gz" => "in/cut.jsonl.gz: record",
            _ => "in/gone.jsonl: unreadable_file",
        };
        assert!(err.contains(want) && err.contains("on_error = \"fail\""), "{err}");
        assert!(!err.contains("secret"), "{err}");
        assert!(!tmp.path().join("out/manifest.json").exists());
    }
    // The same stop from the command line flag.
    let mut c = eurocorpus();
    c.current_dir(tmp.path()).arg("run").arg(&p).args(["--on-error", "skip", "--quiet"]);
    run_expect(&mut c, 0);
}

#[test]
fn a_100_mb_document_is_read_and_written_whole() {
    let tmp = TempDir::new().unwrap();
    let word = "Übermäßig lange Zeile ";
    let n = 100 * 1024 * 1024 / word.len() + 1;
    let text: String = word.repeat(n);
    let line = format!("{{\"id\":\"huge\",\"text\":\"{text}\"}}\n{{\"id\":\"small\",\"text\":\"klein\"}}\n");
    write(&tmp.path().join("in/big.jsonl"), line.as_bytes());
    drop(line);
    let out = tmp.path().join("out");
    let mut c = eurocorpus();
    c.current_dir(tmp.path()).args(["run", "--quiet", "--input", "in", "--output", "out"]);
    run_expect(&mut c, 0);
    let rows = read_rows(&out);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].text.as_deref().map(str::len), Some(text.trim_end().len()));
    assert!(text.len() > 100 * 1024 * 1024);
}

#[test]
fn long_documents_are_never_truncated_by_the_tokenizer_file() {
    // A tokenizer.json saved with truncation at 16 tokens: the tokenize
    // stage switches it off and encodes the whole document.
    let tmp = TempDir::new().unwrap();
    let mut tj: serde_json::Value = serde_json::from_slice(&std::fs::read(fixture_tokenizer()).unwrap()).unwrap();
    tj["truncation"] =
        serde_json::json!({"direction": "Right", "max_length": 16, "strategy": "LongestFirst", "stride": 0});
    write(&tmp.path().join("trunc.json"), serde_json::to_vec(&tj).unwrap());
    let text = "Grüße aus Köln, Żółć i ąę. ".repeat(4000);
    write(&tmp.path().join("in/a.jsonl"), format!("{{\"text\":\"{text}\"}}\n"));
    let mut c = eurocorpus();
    c.current_dir(tmp.path()).args(["run", "--quiet", "--input", "in", "--output", "out", "--tokenizer", "trunc.json"]);
    run_expect(&mut c, 0);
    let rows = read_rows(&tmp.path().join("out"));
    let ids = rows[0].input_ids.as_ref().unwrap();
    assert!(ids.len() > 10_000, "{} tokens", ids.len());
    let tok = tokenizers::Tokenizer::from_file(fixture_tokenizer()).unwrap();
    assert_eq!(tok.decode(ids, true).unwrap(), text.trim_end());
}

#[test]
fn text_and_wet_inputs_report_their_own_errors() {
    let tmp = TempDir::new().unwrap();
    write(&tmp.path().join("in/a.txt"), b"para one\n\npara \xff two\n\n\npara three\n");
    let wet = b"WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 5\r\n\r\nHallo\r\n\r\nWARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 500\r\n\r\nkurz";
    write(&tmp.path().join("in/b.warc.wet.gz"), gzip(wet));
    let p =
        pipeline(tmp.path(), "p.toml", "[input]\npaths = ['in']\ntext_split = 'blank_lines'\n[output]\npath = 'out'\n");
    let mut c = eurocorpus();
    c.current_dir(tmp.path()).arg("run").arg(&p);
    let err = stderr(&run_expect(&mut c, 0));
    assert!(err.contains("in/a.txt: record 2: invalid_utf8"), "{err}");
    assert!(err.contains("in/b.warc.wet.gz: record 2: truncated_input"), "{err}");
    let texts: Vec<_> = read_rows(&tmp.path().join("out")).into_iter().map(|r| (r.id, r.text.unwrap())).collect();
    assert_eq!(
        texts,
        [
            ("a.txt:1".to_string(), "para one".to_string()),
            ("a.txt:3".to_string(), "para three".to_string()),
            ("b.warc.wet.gz:1".to_string(), "Hallo".to_string())
        ]
    );
}
