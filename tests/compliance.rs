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
    assert_eq!(r["checks"].as_array().unwrap().len(), 5);
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
    assert_eq!(r["pii"]["by_type"], serde_json::json!({"EMAIL": 2, "PHONE": 2}));
    assert_eq!(r["pii"]["documents_with_pii"], 2);
    let rows = read_rows(&out);
    for l in r["pii"]["locations"].as_array().unwrap() {
        let row = rows.iter().find(|x| x.id == l["id"].as_str().unwrap()).unwrap();
        assert_eq!(row.shard, l["shard"].as_str().unwrap());
        let value =
            &row.text.as_deref().unwrap()[l["start"].as_u64().unwrap() as usize..l["end"].as_u64().unwrap() as usize];
        match l["type"].as_str().unwrap() {
            "EMAIL" => assert!(value.contains('@')),
            _ => assert!(value.chars().filter(char::is_ascii_digit).count() >= 7),
        }
        // The report never holds the value itself.
        assert!(!serde_json::to_string(&r).unwrap().contains(value));
    }
    let md = String::from_utf8_lossy(&run_expect(eurocorpus().arg("audit").arg(&out), 1).stdout).into_owned();
    assert!(md.contains("| EMAIL | 2 |") && md.contains("| PHONE | 2 |"), "{md}");
    // A threshold, and a sample with its confidence statement.
    let (r, _) = audit(&out, &["--max-pii", "4"], 0);
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
    assert_eq!(r["pii"]["by_type"], serde_json::json!({"EMAIL": 2, "PHONE": 2}));
    assert_eq!(check(&r, "shards_match_manifest")["passed"], true);
}
