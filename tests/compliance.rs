//! Compliance commands end to end on the quick-start output: `audit`
//! passes on a clean run and fails, naming shard and check, after the
//! dataset is tampered with or when personal data is in the text.

use std::path::{Path, PathBuf};

use tempfile::TempDir;

use crate::util::*;

/// The quick start into `out`, with `edit` applied to its pipeline text.
fn quickstart(dir: &Path, edit: impl Fn(String) -> String) -> PathBuf {
    let text = edit(std::fs::read_to_string(repo().join("pipelines/quickstart.toml")).unwrap());
    let p = pipeline(dir, "qs.toml", &text);
    let out = dir.join("out");
    run_expect(eurocorpus().arg("run").arg(&p).arg("--quiet").arg("--output").arg(&out), 0);
    out
}

fn audit(out: &Path, extra: &[&str], code: i32) -> (serde_json::Value, String) {
    let o = run_expect(eurocorpus().arg("audit").arg(out).args(["--format", "json"]).args(extra), code);
    (serde_json::from_slice(&o.stdout).unwrap(), stderr(&o))
}

fn check<'a>(r: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    r["checks"].as_array().unwrap().iter().find(|c| c["name"] == name).unwrap()
}

fn without_pii(s: String) -> String {
    s.replace("type = \"pii\"\npolicy = \"redact\"\ncolumn = true", "type = \"normalize\"")
}

#[test]
fn audit_passes_on_a_clean_run_and_names_every_tampered_shard() {
    let tmp = TempDir::new().unwrap();
    let out = quickstart(tmp.path(), |s| s);
    let (r, _) = audit(&out, &[], 0);
    assert_eq!(r["passed"], true);
    assert_eq!(r["checks"].as_array().unwrap().len(), 6);
    assert_eq!(r["pii"]["documents_scanned"], 227);
    assert_eq!(r["pii"]["values"], 0, "the quick start redacts personal data");
    let md = run_expect(eurocorpus().arg("audit").arg(&out), 0);
    assert!(String::from_utf8_lossy(&md.stdout).contains("Result: **PASSED**"));

    let shards = shard_files(&out);
    let rel = |p: &Path| p.strip_prefix(&out).unwrap().to_string_lossy().into_owned();
    // A truncated shard, a changed byte, a deleted shard, an extra shard.
    let truncated = &shards[0];
    let bytes = std::fs::read(truncated).unwrap();
    std::fs::write(truncated, &bytes[..bytes.len() - 100]).unwrap();
    let changed = &shards[1];
    let mut b = std::fs::read(changed).unwrap();
    b[100] ^= 0x55;
    std::fs::write(changed, &b).unwrap();
    std::fs::remove_file(&shards[2]).unwrap();
    std::fs::copy(&shards[3], out.join("data/part-00099-00000.parquet")).unwrap();
    let (r, err) = audit(&out, &[], 1);
    assert!(err.contains("failed: shards_match_manifest, no_unlisted_shards"), "{err}");
    let details: Vec<String> = check(&r, "shards_match_manifest")["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap().to_string())
        .collect();
    assert_eq!(details.len(), 3, "{details:?}");
    assert!(details.contains(&format!(
        "{}: {} bytes, the manifest says {}",
        rel(truncated),
        bytes.len() - 100,
        bytes.len()
    )));
    assert!(details.iter().any(|d| d.starts_with(&format!("{}: SHA-256 ", rel(changed)))), "{details:?}");
    assert!(
        details.iter().any(|d| d.starts_with(&format!("{}: missing or unreadable", rel(&shards[2])))),
        "{details:?}"
    );
    assert_eq!(check(&r, "no_unlisted_shards")["details"][0], "data/part-00099-00000.parquet: not in the manifest");
    assert_eq!(check(&r, "schema")["passed"], true, "the damaged shards are not read");
}

#[test]
fn audit_finds_personal_data_with_locations_not_values() {
    let tmp = TempDir::new().unwrap();
    let out = quickstart(tmp.path(), without_pii);
    let (r, err) = audit(&out, &[], 1);
    assert!(err.contains("failed: personal_data"), "{err}");
    assert_eq!(r["pii"]["by_type"], serde_json::json!({"ADDRESS": 4, "DATE_OF_BIRTH": 5, "EMAIL": 2, "PHONE": 2}));
    assert_eq!(r["pii"]["documents_with_pii"], 8);
    let rows = read_rows(&out);
    for l in r["pii"]["locations"].as_array().unwrap() {
        let row = rows.iter().find(|x| x.id == l["id"].as_str().unwrap()).unwrap();
        assert_eq!(row.shard, l["shard"].as_str().unwrap());
        let value =
            &row.text.as_deref().unwrap()[l["start"].as_u64().unwrap() as usize..l["end"].as_u64().unwrap() as usize];
        match l["type"].as_str().unwrap() {
            "EMAIL" => assert!(value.contains('@')),
            "DATE_OF_BIRTH" => assert!(value.split(|c: char| !c.is_ascii_digit()).any(|y| y.len() == 4), "{value}"),
            "ADDRESS" => assert!(value.contains(" rue "), "{value}"),
            _ => assert!(value.chars().filter(char::is_ascii_digit).count() >= 7),
        }
        // The report never holds the value itself.
        assert!(!serde_json::to_string(&r).unwrap().contains(value));
    }
    let md = String::from_utf8_lossy(&run_expect(eurocorpus().arg("audit").arg(&out), 1).stdout).into_owned();
    assert!(
        md.contains("| EMAIL | 2 |") && md.contains("| PHONE | 2 |") && md.contains("| DATE_OF_BIRTH | 5 |"),
        "{md}"
    );
    // A threshold, and a sample with its confidence statement.
    let (r, _) = audit(&out, &["--max-pii", "13"], 0);
    assert_eq!(r["passed"], true);
    let (a, _) = audit(&out, &["--sample", "0.5", "--seed", "3", "--max-pii", "100"], 0);
    let (b, _) = audit(&out, &["--sample", "0.5", "--seed", "3", "--max-pii", "100"], 0);
    assert_eq!(a["pii"], b["pii"], "the same seed draws the same sample");
    let scanned = a["pii"]["documents_scanned"].as_u64().unwrap();
    assert!((60..170).contains(&scanned), "{scanned}");
    assert!(a["pii"]["confidence"].as_str().unwrap().contains("with 95 % confidence at most"));
    let o = run_expect(eurocorpus().arg("audit").arg(&out).args(["--sample", "0"]), 2);
    assert!(stderr(&o).contains("give 0 < F <= 1"), "{}", stderr(&o));
}

#[test]
fn audit_decodes_token_ids_when_the_text_was_not_kept() {
    let tmp = TempDir::new().unwrap();
    let out = quickstart(tmp.path(), |s| without_pii(s).replace("keep_text = true", "keep_text = false"));
    let (r, _) = audit(&out, &[], 1);
    assert_eq!(r["pii"]["text_from"], "token ids decoded with the recorded tokenizer");
    assert_eq!(r["pii"]["by_type"], serde_json::json!({"ADDRESS": 4, "DATE_OF_BIRTH": 5, "EMAIL": 2, "PHONE": 2}));
    assert_eq!(check(&r, "shards_match_manifest")["passed"], true);
}

#[test]
fn erase_decodes_token_ids_when_the_text_was_not_kept() {
    let tmp = TempDir::new().unwrap();
    let with_text = quickstart(&tmp.path().join("a"), without_pii);
    let want = brute_force(&read_rows(&with_text));
    let out = quickstart(&tmp.path().join("b"), |s| without_pii(s).replace("keep_text = true", "keep_text = false"));
    let ids = tmp.path().join("ids.txt");
    write(&ids, IDENTIFIERS);
    let before = read_rows(&out);
    run_expect(eurocorpus().arg("erase").arg(&out).arg("--identifiers").arg(&ids), 0);
    let after = read_rows(&out);
    let gone: std::collections::BTreeSet<String> =
        before.iter().filter(|b| !after.iter().any(|a| a.id == b.id)).map(|b| b.id.clone()).collect();
    assert_eq!(gone, want, "the same documents as in the dataset that kept its text");
    assert_eq!(audit(&out, &["--max-pii", "100"], 0).0["passed"], true);
}

/// Documents a brute-force scan says hold one of the test identifiers.
fn brute_force(rows: &[Row]) -> std::collections::BTreeSet<String> {
    rows.iter()
        .filter(|r| {
            let t = r.text.as_deref().unwrap();
            let digits: String = t.chars().filter(char::is_ascii_digit).collect();
            r.id == "ud-german-gsd-dev-00004"
                || t.contains("Python")
                || t.to_lowercase().contains("goldconn@isye.gatech.edu")
                || digits.contains("3038328160")
        })
        .map(|r| r.id.clone())
        .collect()
}

const IDENTIFIERS: &str = "# erasure request 2026-11-30\nemail: GoldConn@ISYE.gatech.edu\nphone: +1 (303) 832 8160\ndoc_id: ud-german-gsd-dev-00004\nPython\n";

#[test]
fn erase_removes_exactly_the_documents_holding_the_identifiers() {
    let tmp = TempDir::new().unwrap();
    let out = quickstart(tmp.path(), without_pii);
    let ids = tmp.path().join("ids.txt");
    write(&ids, IDENTIFIERS);
    let before = read_rows(&out);
    let want = brute_force(&before);
    assert!(want.len() >= 4, "{want:?}");
    let shards_before = output_bytes(&out);

    // A dry run reports and changes nothing.
    let o =
        run_expect(eurocorpus().arg("erase").arg(&out).arg("--identifiers").arg(&ids).args(["--dry-run", "--json"]), 0);
    let dry: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(dry["documents_removed"], want.len() as u64);
    assert_eq!(output_bytes(&out), shards_before);
    assert!(!out.join("erasure-log.jsonl").exists());

    let o = run_expect(eurocorpus().arg("erase").arg(&out).arg("--identifiers").arg(&ids).arg("--json"), 0);
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["documents_removed"], want.len() as u64);
    let after = read_rows(&out);
    let gone: std::collections::BTreeSet<String> =
        before.iter().filter(|b| !after.iter().any(|a| a.id == b.id)).map(|b| b.id.clone()).collect();
    assert_eq!(gone, want, "exactly the documents a brute-force scan finds");
    // Every other document is unchanged, and untouched shards keep their bytes.
    let kept: Vec<&Row> = before.iter().filter(|b| !want.contains(&b.id)).collect();
    assert_eq!(kept.len(), after.len());
    for (b, a) in kept.iter().zip(&after) {
        assert_eq!((&b.id, &b.text, &b.input_ids, &b.meta), (&a.id, &a.text, &a.input_ids, &a.meta));
    }
    let rewritten: Vec<String> =
        r["shards"].as_array().unwrap().iter().map(|s| s["path"].as_str().unwrap().to_string()).collect();
    let shards_after = output_bytes(&out);
    for (path, bytes) in &shards_before {
        if path.ends_with(".parquet") && !rewritten.contains(path) {
            assert_eq!(shards_after.get(path), Some(bytes), "{path} was not touched");
        }
    }
    // The log: salted hashes, never the identifiers; the dataset audits clean.
    let log = std::fs::read_to_string(out.join("erasure-log.jsonl")).unwrap();
    assert_eq!(log.lines().count(), 1);
    // (Digits alone could occur in the hex hashes: the phone is checked as written.)
    for secret in ["goldconn", "GoldConn", "(303) 832 8160", "Python", "gsd-dev-00004"] {
        assert!(!log.contains(secret), "the log holds {secret}");
    }
    let entry: serde_json::Value = serde_json::from_str(log.lines().next().unwrap()).unwrap();
    assert_eq!(entry["identifier_hashes"].as_array().unwrap().len(), 4);
    assert_eq!(entry["documents_removed"], want.len() as u64);
    let a = run_expect(eurocorpus().arg("audit").arg(&out).args(["--format", "json", "--max-pii", "100"]), 0);
    let a: serde_json::Value = serde_json::from_slice(&a.stdout).unwrap();
    assert_eq!(a["passed"], true, "{a}");
    // The summary counts the dataset as it is now and names the erasures.
    run_expect(eurocorpus().arg("summary").arg(&out), 0);
    let sum: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
    assert_eq!(sum["documents"], manifest(&out)["totals"]["documents"]);
    assert_eq!(sum["erased_documents"], want.len() as u64);
    // The ledger still tells what the run decided; trace adds the erasure.
    let t = run_expect(eurocorpus().arg("trace").arg(&out).args(["--id", "ud-german-gsd-dev-00004"]), 0);
    let t = String::from_utf8_lossy(&t.stdout);
    assert!(t.contains("decision  kept → data/part-00000-00000.parquet, since erased (see erasure-log.jsonl)"), "{t}");

    // A second run removes nothing (and is logged as checked).
    let o = run_expect(eurocorpus().arg("erase").arg(&out).arg("--identifiers").arg(&ids), 0);
    assert!(String::from_utf8_lossy(&o.stdout).contains("removed 0 documents from 0 shards"));
    assert_eq!(std::fs::read_to_string(out.join("erasure-log.jsonl")).unwrap().lines().count(), 2);

    // A bad identifier is a configuration error naming the line, not the value.
    write(&ids, "phone: 303 832 8160\n");
    let o = run_expect(eurocorpus().arg("erase").arg(&out).arg("--identifiers").arg(&ids), 2);
    assert!(
        stderr(&o).contains("line 1: not a valid phone identifier") && !stderr(&o).contains("832"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn erase_killed_mid_way_finishes_on_the_next_run() {
    let tmp = TempDir::new().unwrap();
    let clean = quickstart(tmp.path(), without_pii);
    let ids = tmp.path().join("ids.txt");
    write(&ids, IDENTIFIERS);
    let copy = |name: &str| {
        let dst = tmp.path().join(name);
        for e in walkdir::WalkDir::new(&clean).into_iter().flatten() {
            let rel = e.path().strip_prefix(&clean).unwrap();
            if e.file_type().is_dir() {
                std::fs::create_dir_all(dst.join(rel)).unwrap();
            } else {
                std::fs::copy(e.path(), dst.join(rel)).unwrap();
            }
        }
        dst
    };
    let (a, b) = (copy("a"), copy("b"));
    run_expect(eurocorpus().arg("erase").arg(&clean).arg("--identifiers").arg(&ids), 0);
    for (dir, when) in [(&a, "before"), (&b, "after")] {
        let o = eurocorpus()
            .arg("erase")
            .arg(dir)
            .arg("--identifiers")
            .arg(&ids)
            .env(eurocorpus::erase::ABORT_ENV, when)
            .output()
            .unwrap();
        assert!(!o.status.success(), "killed {when} the first replacement");
        run_expect(eurocorpus().arg("erase").arg(dir).arg("--identifiers").arg(&ids), 0);
        assert_eq!(
            output_bytes(dir),
            output_bytes(&clean),
            "killed {when}: same shards and manifest as an uninterrupted erase"
        );
        assert_eq!(read_rows(dir), read_rows(&clean));
        let a = run_expect(eurocorpus().arg("audit").arg(dir).args(["--format", "json", "--max-pii", "100"]), 0);
        assert_eq!(serde_json::from_slice::<serde_json::Value>(&a.stdout).unwrap()["passed"], true);
    }
}

/// Lines of `trace` output after the header, for exact comparison.
fn trace_lines(out: &Path, id: &str) -> Vec<String> {
    let o = run_expect(eurocorpus().arg("trace").arg(out).args(["--id", id]), 0);
    String::from_utf8_lossy(&o.stdout).lines().map(|l| l.trim_end().to_string()).collect()
}

#[test]
fn the_decision_ledger_accounts_for_every_record_and_trace_reads_it() {
    let tmp = TempDir::new().unwrap();
    let extra = tmp.path().join("extra/extra.jsonl");
    write(&extra, "{\"id\": \"e1\", \"text\": \"\"}\n{\"id\": \"e2\", \"text\": \n");
    let corpus = repo().join("fixtures/corpus");
    let out = quickstart(tmp.path(), |s| {
        s.replace(
            "paths = [\"fixtures/corpus\"]",
            &format!(
                "paths = [{:?}, {:?}]",
                corpus.display().to_string(),
                extra.parent().unwrap().display().to_string()
            ),
        )
    });
    let st = stats(&out);
    assert_eq!(st["documents"]["read"], 285);

    // One row per record read; removals and errors as in stats.json.
    let rows = ledger_rows(&out);
    assert_eq!(rows.len() as u64, st["documents"]["read"].as_u64().unwrap());
    let mut removed = std::collections::BTreeMap::new();
    for r in rows.iter().filter(|r| r.decision == "removed") {
        *removed.entry(format!("{}.{}", r.stage.as_ref().unwrap(), r.reason.as_ref().unwrap())).or_insert(0u64) += 1;
    }
    let want: std::collections::BTreeMap<String, u64> =
        st["removed"].as_object().unwrap().iter().map(|(k, v)| (k.clone(), v.as_u64().unwrap())).collect();
    assert_eq!(removed, want);
    let errors: Vec<(&str, u64, Option<&str>)> =
        rows.iter().filter(|r| r.decision == "error").map(|r| (r.id.as_str(), r.record, r.reason.as_deref())).collect();
    assert_eq!(errors, [("extra.jsonl:2", 2, Some("malformed_json"))]);
    // Kept rows name exactly the documents in the shards.
    let mut kept: Vec<(String, u64, String)> = rows
        .iter()
        .filter(|r| r.decision == "kept")
        .map(|r| (r.source.clone(), r.record, r.shard.clone().unwrap()))
        .collect();
    let mut written: Vec<(String, u64, String)> =
        read_rows(&out).into_iter().map(|r| (r.source, r.record, r.shard)).collect();
    kept.sort();
    written.sort();
    assert_eq!(kept, written);
    let audit_ok = audit(&out, &[], 0).0;
    assert_eq!(
        check(&audit_ok, "decision_ledger")["details"][0],
        "13 files as recorded; 285 records = read, 227 kept = written"
    );

    // trace: a copy removed as a duplicate, its kept original, an empty and an unreadable record.
    assert_eq!(
        trace_lines(&out, "ud-german-gsd-dev-00020-dup"),
        [
            "document ud-german-gsd-dev-00020-dup",
            "  from      jsonl/de.jsonl, record 22",
            "  decision  removed by exact_dedup: duplicate",
            "    read           passed",
            "    normalize      passed",
            "    langid         passed  (language de, score 1.000)",
            "    quality        passed",
            "    line_dedup     passed",
            "    exact_dedup    removed  (duplicate; cluster 4 (2 documents): not the first copy)",
            "    minhash_dedup  not reached",
            "    sensitive      not reached",
            "    pii            not reached",
            "    tokenize       not reached",
        ]
    );
    let orig = trace_lines(&out, "ud-german-gsd-dev-00020");
    assert!(orig[2].starts_with("  decision  kept → data/part-00000-00000.parquet, row "), "{orig:?}");
    assert_eq!(orig[8], "    exact_dedup    passed  (cluster 4 (2 documents): kept as the first copy)");
    assert_eq!(trace_lines(&out, "e1")[2], "  decision  removed by read: empty");
    assert_eq!(trace_lines(&out, "extra.jsonl:2")[2], "  decision  error by read: malformed_json");
    let o = run_expect(eurocorpus().arg("trace").arg(&out).args(["--id", "nowhere"]), 1);
    assert!(stderr(&o).contains("no document with id \"nowhere\" in the decision ledger"), "{}", stderr(&o));

    // A damaged or missing ledger file fails the audit, named.
    let ledger = ledger_files(&out);
    std::fs::remove_file(&ledger[3]).unwrap();
    let (r, _) = audit(&out, &[], 1);
    assert_eq!(
        check(&r, "decision_ledger")["details"][0].as_str().unwrap().split(':').next().unwrap(),
        "decisions/part-00003-00000.parquet"
    );
}
