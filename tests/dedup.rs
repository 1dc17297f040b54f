//! Deduplication across the whole corpus (issue #3): exact and near copies
//! across files and formats, the first in input order kept, deterministic,
//! resumable, and nothing lost when there is nothing to remove.

use std::collections::BTreeSet;
use std::path::Path;

use tempfile::TempDir;

use crate::util::*;

/// Real French texts of at least 400 bytes from the fixtures.
fn french_texts() -> Vec<String> {
    let bytes = std::fs::read(repo().join("fixtures/corpus/jsonl/fr.jsonl.gz")).unwrap();
    let mut s = String::new();
    std::io::Read::read_to_string(&mut flate2::read::MultiGzDecoder::new(&bytes[..]), &mut s).unwrap();
    s.lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["text"].as_str().unwrap().to_string())
        .filter(|t| t.len() >= 400)
        .collect()
}

/// Replaces every `every`-th word (a near copy at roughly 1/every edits).
fn edit(text: &str, every: usize) -> String {
    text.split(' ').enumerate().map(|(i, w)| if i % every == 3 { "MODIFIÉ" } else { w }).collect::<Vec<_>>().join(" ")
}

fn jsonl(docs: &[(String, String)]) -> String {
    docs.iter().map(|(id, t)| serde_json::json!({"id": id, "text": t}).to_string() + "\n").collect()
}

const DEDUP_PIPELINE: &str = "[input]\npaths = ['in']\n[[stages]]\ntype = 'normalize'\n[[stages]]\ntype = 'exact_dedup'\n[[stages]]\ntype = 'minhash_dedup'\n[output]\npath = 'out'\n";

fn run_dedup(dir: &Path, pipeline_text: &str, extra: &[&str]) -> std::process::Output {
    let p = pipeline(dir, "p.toml", pipeline_text);
    let mut c = eurocorpus();
    c.current_dir(dir).arg("run").arg(&p).arg("--quiet").args(extra);
    run_expect(&mut c, 0)
}

/// Originals in a.jsonl; exact and near copies in a gzip file and in text
/// files. Returns the ids that must disappear.
fn copies_corpus(dir: &Path) -> (BTreeSet<String>, usize) {
    let t = french_texts();
    assert!(t.len() >= 16, "{} French fixture texts", t.len());
    let originals: Vec<(String, String)> = t.iter().enumerate().map(|(i, x)| (format!("o{i}"), x.clone())).collect();
    write(&dir.join("in/a.jsonl"), jsonl(&originals));
    let mut copies: Vec<(String, String)> =
        t[..5].iter().enumerate().map(|(i, x)| (format!("exact{i}"), x.clone())).collect();
    copies.extend(t[5..10].iter().enumerate().map(|(i, x)| (format!("near{}", i + 5), edit(x, 25))));
    // Extra spaces and line breaks are normalised away before hashing.
    copies.push(("spaced".to_string(), t[10].replace(' ', "  ")));
    write(&dir.join("in/b.jsonl.gz"), gzip(jsonl(&copies).as_bytes()));
    write(&dir.join("in/c/x.txt"), &t[11]);
    write(&dir.join("in/c/y.txt"), edit(&t[12], 30));
    let gone: BTreeSet<String> =
        copies.iter().map(|(id, _)| id.clone()).chain(["c/x.txt:1".to_string(), "c/y.txt:1".to_string()]).collect();
    (gone, originals.len())
}

#[test]
fn exact_and_near_copies_across_files_and_formats() {
    let tmp = TempDir::new().unwrap();
    let (gone, originals) = copies_corpus(tmp.path());
    run_dedup(tmp.path(), DEDUP_PIPELINE, &[]);
    let out = tmp.path().join("out");
    let ids: BTreeSet<String> = read_rows(&out).into_iter().map(|r| r.id).collect();
    assert_eq!(ids.len(), originals, "exactly the originals remain: {ids:?}");
    assert!(ids.iter().all(|id| id.starts_with('o')), "{ids:?}");
    assert!(gone.iter().all(|g| !ids.contains(g)));
    let s = stats(&out);
    assert_reconciled(&s);
    assert_eq!(s["removed"]["exact_dedup.duplicate"], 7, "{}", s["removed"]);
    assert_eq!(s["removed"]["minhash_dedup.near_duplicate"], 6, "{}", s["removed"]);
}

#[test]
fn exact_only_and_minhash_only_pipelines() {
    let tmp = TempDir::new().unwrap();
    copies_corpus(tmp.path());
    let exact_only = DEDUP_PIPELINE.replace("[[stages]]\ntype = 'minhash_dedup'\n", "");
    run_dedup(tmp.path(), &exact_only, &[]);
    let s = stats(&tmp.path().join("out"));
    assert_eq!(s["removed"], serde_json::json!({"exact_dedup.duplicate": 7}));
    std::fs::remove_dir_all(tmp.path().join("out")).unwrap();
    let near_only = DEDUP_PIPELINE.replace("[[stages]]\ntype = 'exact_dedup'\n", "");
    run_dedup(tmp.path(), &near_only, &[]);
    let s = stats(&tmp.path().join("out"));
    // Exact copies are found by MinHash too, and named for what they are.
    assert_eq!(s["removed"], serde_json::json!({"minhash_dedup.duplicate": 7, "minhash_dedup.near_duplicate": 6}));
}

#[test]
fn a_corpus_without_duplicates_loses_nothing() {
    let tmp = TempDir::new().unwrap();
    for f in ["fr.jsonl.gz", "es.jsonl.zst", "en-mixed.json.gz"] {
        std::fs::create_dir_all(tmp.path().join("in")).unwrap();
        std::fs::copy(repo().join("fixtures/corpus/jsonl").join(f), tmp.path().join("in").join(f)).unwrap();
    }
    std::fs::copy(repo().join("fixtures/corpus/parquet/nl-pt.parquet"), tmp.path().join("in/nl-pt.parquet")).unwrap();
    run_dedup(tmp.path(), DEDUP_PIPELINE, &[]);
    let s = stats(&tmp.path().join("out"));
    assert_eq!(s["documents"]["read"], 190);
    assert_eq!(s["documents"]["written"], 190);
    assert_eq!(s["removed"], serde_json::json!({}));
}

#[test]
fn an_empty_corpus_runs_and_writes_nothing() {
    let tmp = TempDir::new().unwrap();
    write(&tmp.path().join("in/empty.jsonl"), "");
    write(&tmp.path().join("in/blank.jsonl"), "\n\n");
    run_dedup(tmp.path(), DEDUP_PIPELINE, &[]);
    let out = tmp.path().join("out");
    assert_eq!(manifest(&out)["totals"]["documents"], 0);
    assert_eq!(stats(&out)["input"]["empty_files"], 2);
    assert!(shard_files(&out).is_empty());
}

#[test]
fn one_cluster_of_ten_thousand_copies_keeps_one_with_its_size() {
    let tmp = TempDir::new().unwrap();
    let t = french_texts();
    let mut docs: Vec<(String, String)> = (0..5).map(|i| (format!("u{i}"), t[i + 1].clone())).collect();
    docs.extend((0..10_000).map(|i| (format!("copy{i:05}"), t[0].clone())));
    // Half of them as near copies in a second file.
    let near: Vec<(String, String)> =
        (0..100).map(|i| (format!("near{i}"), format!("{} {i}", edit(&t[0], 20 + i % 7)))).collect();
    write(&tmp.path().join("in/a.jsonl"), jsonl(&docs));
    write(&tmp.path().join("in/b.jsonl"), jsonl(&near));
    let text = DEDUP_PIPELINE.replace("type = 'minhash_dedup'\n", "type = 'minhash_dedup'\nkeep_cluster_size = true\n");
    run_dedup(tmp.path(), &text, &[]);
    let out = tmp.path().join("out");
    let rows = read_rows(&out);
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["u0", "u1", "u2", "u3", "u4", "copy00000"]);
    let cols = columns(&shard_files(&out)[0]);
    assert!(cols.contains(&"dup_cluster_size:UInt64".to_string()), "{cols:?}");
    let sizes = cluster_sizes(&shard_files(&out)[0]);
    assert_eq!(sizes, [1, 1, 1, 1, 1, 10_100]);
    let s = stats(&out);
    assert_eq!(s["removed"]["exact_dedup.duplicate"], 9_999);
    assert_eq!(s["removed"]["minhash_dedup.near_duplicate"], 100);
    let report = run_expect(eurocorpus().arg("dedup-report").arg(&out), 0);
    let text = String::from_utf8_lossy(&report.stdout).into_owned();
    assert!(text.contains("10100 documents  kept copy00000 (a.jsonl:6)"), "{text}");
    assert!(text.contains("removed copy00001 (a.jsonl:7)") && text.contains("and 10094 more"), "{text}");
}

fn cluster_sizes(shard: &Path) -> Vec<u64> {
    use arrow_array::cast::AsArray;
    use arrow_array::types::UInt64Type;
    let reader =
        parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(shard).unwrap())
            .unwrap()
            .build()
            .unwrap();
    reader
        .flat_map(|b| {
            let b = b.unwrap();
            b.column_by_name("dup_cluster_size").unwrap().as_primitive::<UInt64Type>().values().to_vec()
        })
        .collect()
}

#[test]
fn dedup_is_deterministic_across_threads_and_resumes_after_a_kill() {
    let tmp = TempDir::new().unwrap();
    let t = french_texts();
    // Four files of 600 documents; copies of each other's documents.
    for f in 0..4 {
        let docs: Vec<(String, String)> = (0..600)
            .map(|i| {
                let base = &t[(i * 7 + f) % t.len()];
                let text = if i % 3 == 0 { edit(base, 10 + i % 13) } else { format!("{i} {base}") };
                (format!("f{f}-{i}"), text)
            })
            .collect();
        write(&tmp.path().join(format!("in/{f}.jsonl")), jsonl(&docs));
    }
    let text = DEDUP_PIPELINE.replace("path = 'out'\n", "path = 'out'\n[run]\nbatch_docs = 100\n");
    run_dedup(tmp.path(), &text, &["--threads", "1"]);
    std::fs::rename(tmp.path().join("out"), tmp.path().join("t1")).unwrap();
    run_dedup(tmp.path(), &text, &["--threads", "3"]);
    assert_same_output(&tmp.path().join("t1"), &tmp.path().join("out"));
    let s = stats(&tmp.path().join("out"));
    assert_reconciled(&s);
    assert!(s["documents"]["written"].as_u64().unwrap() < 2400);

    // 24 batches per pass: abort in the signature pass, and in the final one.
    for abort in [5u64, 30] {
        std::fs::remove_dir_all(tmp.path().join("out")).unwrap();
        let p = pipeline(tmp.path(), "p.toml", &text);
        let mut c = eurocorpus();
        c.current_dir(tmp.path()).arg("run").arg(&p).arg("--quiet").env(eurocorpus::exec::ABORT_ENV, abort.to_string());
        assert!(!c.output().unwrap().status.success());
        run_dedup(tmp.path(), &text, &[]);
        assert_same_output(&tmp.path().join("t1"), &tmp.path().join("out"));
    }
}

#[test]
fn dedup_stages_must_be_adjacent() {
    let tmp = TempDir::new().unwrap();
    let text = "[input]\npaths = ['in']\n[[stages]]\ntype = 'exact_dedup'\n[[stages]]\ntype = 'normalize'\n[[stages]]\ntype = 'minhash_dedup'\nbands = 0\n[output]\npath = 'out'\n";
    let p = pipeline(tmp.path(), "p.toml", text);
    write(&tmp.path().join("in/a.jsonl"), "{\"text\":\"x\"}\n");
    let mut c = eurocorpus();
    c.current_dir(tmp.path()).arg("run").arg(&p);
    let e = stderr(&run_expect(&mut c, 2));
    assert!(e.contains("must be next to each other") && e.contains("bands × rows = 0 × 3"), "{e}");
}

#[test]
fn line_dedup_removes_boilerplate_lines_then_exact_copies_show() {
    let tmp = TempDir::new().unwrap();
    let t = french_texts();
    let banner = "Nous utilisons des cookies pour améliorer votre expérience sur notre site.";
    let footer = "© 2024 Exemple SA — Mentions légales — Contact — Plan du site";
    let rare = "Une ligne que l'on retrouve dans cinq documents seulement, pas plus.";
    let mut docs: Vec<(String, String)> = (0..30)
        .map(|i| {
            let extra = if (1..=5).contains(&i) { format!("\n{rare}") } else { String::new() };
            (format!("page{i}"), format!("{banner}\nPage {i}. {}{extra}\n{footer}", t[i % t.len()]))
        })
        .collect();
    // Only boilerplate and a few words: too short once stripped.
    docs.push(("thin".into(), format!("{banner}\nMerci beaucoup !\n{footer}")));
    // Same body as page0 with the boilerplate in another order: an exact
    // copy once the boilerplate is gone.
    docs.push(("copy".into(), format!("{footer}\nPage 0. {}\n{banner}", t[0])));
    write(&tmp.path().join("in/a.jsonl"), jsonl(&docs[..16]));
    write(&tmp.path().join("in/b.jsonl.gz"), gzip(jsonl(&docs[16..]).as_bytes()));
    let text = DEDUP_PIPELINE.replace(
        "[[stages]]\ntype = 'exact_dedup'\n",
        "[[stages]]\ntype = 'line_dedup'\nmax_documents = 10\nmin_words = 5\n[[stages]]\ntype = 'exact_dedup'\n",
    );
    run_dedup(tmp.path(), &text, &[]);
    let out = tmp.path().join("out");
    let rows = read_rows(&out);
    let ids: BTreeSet<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids.len(), 30, "{ids:?}");
    assert!(!ids.contains("thin") && !ids.contains("copy"));
    for r in &rows {
        let text = r.text.as_ref().unwrap();
        assert!(!text.contains("cookies") && !text.contains("Mentions légales"), "{}: {text}", r.id);
    }
    assert_eq!(
        rows.iter().filter(|r| r.text.as_ref().unwrap().contains(rare)).count(),
        5,
        "a line in 5 documents stays"
    );
    let page0 = rows.iter().find(|r| r.id == "page0").unwrap();
    let body = page0.text.as_deref().unwrap();
    assert!(body.starts_with("Page 0. ") && body.len() + 8 >= t[0].len(), "{body}");
    let s = stats(&out);
    assert_reconciled(&s);
    assert_eq!(s["removed"]["line_dedup.too_short"], 1);
    assert_eq!(s["removed"]["exact_dedup.duplicate"], 1, "{}", s["removed"]);
    let line_stage = s["stages"].as_array().unwrap().iter().find(|x| x["name"] == "line_dedup").unwrap();
    assert_eq!(line_stage["counts"]["lines_removed"], 64);
    assert_eq!(line_stage["changed"], 31);
    let report = run_expect(eurocorpus().args(["dedup-report", "--json"]).arg(&out), 0);
    let r: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    let mut lines: Vec<(u64, &str)> = r["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["removed"].as_u64().unwrap(), l["text"].as_str().unwrap()))
        .collect();
    lines.sort_by_key(|l| l.1);
    assert_eq!(lines, [(32, banner), (32, footer)]);
}
