//! The main job end to end on the bundled fixtures (issue #2).

use std::collections::BTreeSet;

use sha2::{Digest, Sha256};
use tempfile::TempDir;

use crate::util::*;

/// Documents in the fixture corpus.
const FIXTURE_DOCS: usize = 283;
/// Written by the quick start: the quality rules remove 54 (46 treebank
/// snippets under 50 words, 8 by other rules, all listed in stats.json), and
/// de.jsonl holds two exact copies of other documents (see
/// fixtures/README.md), which deduplication removes.
const WRITTEN: usize = 227;

fn quickstart_into(out: &std::path::Path, extra: &[&str]) -> std::process::Output {
    let mut c = eurocorpus();
    c.args(["run", "pipelines/quickstart.toml", "--quiet", "--output"]).arg(out).args(extra);
    run_expect(&mut c, 0)
}

#[test]
fn quickstart_writes_decodable_shards_manifest_and_stats() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("out");
    let o = quickstart_into(&out, &[]);
    let summary = stderr(&o);
    assert!(summary.contains("accounted: read 283 = written 227 + removed 56 + errored 0"), "{summary}");

    // Schema: the documented columns, in order.
    let shards = shard_files(&out);
    assert_eq!(shards.len(), 12, "one shard per input file at the default size");
    assert_eq!(
        columns(&shards[0]),
        [
            "id:Utf8",
            "text:Utf8",
            "lang:Utf8",
            "lang_score:Float32",
            "source:Utf8",
            "record:UInt64",
            "input_ids:List(UInt32)",
            "num_tokens:UInt32",
            r#"pii:List(non-null Struct("type": non-null Utf8, "subtype": non-null Utf8, "start": non-null UInt64, "end": non-null UInt64))"#,
            "licence:Utf8",
            "url:Utf8",
            "date:Utf8"
        ]
    );

    // Every document of every format arrived once, in input order.
    let rows = read_rows(&out);
    assert_eq!(rows.len(), WRITTEN);
    let ids: BTreeSet<_> = rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids.len(), WRITTEN, "ids are unique");
    // The later copy goes, the first in input order stays.
    assert!(ids.contains("ud-german-gsd-dev-00020") && !ids.contains("ud-german-gsd-dev-00020-dup"));
    assert!(ids.contains("lohelp-de-00047") && !ids.contains("lohelp-de-00047-dup"));
    let sources: BTreeSet<_> = rows.iter().map(|r| r.source.as_str()).collect();
    assert!(sources.contains("jsonl/es.jsonl.zst") && sources.contains("parquet/nl-pt.parquet"));
    assert!(sources.contains("text/mt-001.txt") && sources.contains("wet/sample.warc.wet.gz"));
    let first = &rows[0];
    assert_eq!(
        (first.id.as_str(), first.source.as_str(), first.record),
        ("ud-german-gsd-dev-00004", "jsonl/de.jsonl", 2),
        "the first German snippet has 21 words: the quality stage removed it"
    );
    assert_eq!(first.lang.as_deref(), Some("de"));
    assert_eq!(first.meta["licence"].as_deref(), Some("CC BY-SA 4.0"));

    // Text files get derived ids; WET records keep URL and date.
    let mt = rows.iter().find(|r| r.source == "text/mt-001.txt").unwrap();
    assert_eq!(mt.id, "text/mt-001.txt:1");
    let wet: Vec<_> = rows.iter().filter(|r| r.source == "wet/sample.warc.wet.gz").collect();
    assert_eq!(wet.len(), 40);
    assert!(wet.iter().all(|r| r.meta["url"].as_deref().is_some_and(|u| u.starts_with("http"))));
    assert!(wet.iter().all(|r| r.meta["date"].as_deref().is_some_and(|d| d.starts_with("2024-03-0"))));
    assert!(wet.iter().all(|r| r.id.starts_with("urn:uuid:")));

    // Token ids decode back to the normalised text, with EOS appended.
    let tok = tokenizers::Tokenizer::from_file(fixture_tokenizer()).unwrap();
    let eos = tok.token_to_id("<|endoftext|>").unwrap();
    for r in &rows {
        let ids = r.input_ids.as_ref().unwrap();
        let text = r.text.as_ref().unwrap();
        assert_eq!(r.num_tokens.unwrap() as usize, ids.len());
        assert_eq!(*ids.last().unwrap(), eos, "{}", r.id);
        assert_eq!(&tok.decode(ids, true).unwrap(), text, "{}", r.id);
        assert!(!text.contains('\r') && !text.starts_with(' ') && !text.ends_with('\n'), "{} not normalised", r.id);
    }

    // The manifest lists every shard with its true size and hash.
    let m = manifest(&out);
    assert_eq!(m["totals"]["documents"], WRITTEN as u64);
    let tokens: u64 = rows.iter().map(|r| u64::from(r.num_tokens.unwrap())).sum();
    assert_eq!(m["totals"]["tokens"], tokens);
    for s in m["shards"].as_array().unwrap() {
        let bytes = std::fs::read(out.join(s["path"].as_str().unwrap())).unwrap();
        assert_eq!(s["bytes"], bytes.len() as u64);
        assert_eq!(s["sha256"].as_str().unwrap(), format!("{:x}", Sha256::digest(&bytes)));
    }
    assert_eq!(m["inputs"].as_array().unwrap().len(), 12);
    assert_eq!(m["tokenizer"]["vocab_size"], 8192);
    let tok_sha = format!("{:x}", Sha256::digest(std::fs::read(fixture_tokenizer()).unwrap()));
    assert_eq!(m["tokenizer"]["sha256"].as_str().unwrap(), tok_sha);
    assert_eq!(m["config"]["name"], "quickstart");

    // Stats reconcile, stage by stage.
    let s = stats(&out);
    assert_reconciled(&s);
    assert_eq!(s["documents"]["read"], FIXTURE_DOCS as u64);
    let stages: Vec<_> =
        s["stages"].as_array().unwrap().iter().map(|x| x["name"].as_str().unwrap().to_string()).collect();
    assert_eq!(
        stages,
        [
            "read",
            "normalize",
            "langid",
            "quality",
            "line_dedup",
            "exact_dedup",
            "minhash_dedup",
            "sensitive",
            "pii",
            "tokenize"
        ]
    );
    assert_eq!(s["removed"]["exact_dedup.duplicate"], 2);
    assert_eq!(s["removed"]["quality.gopher_min_words"], 46);
    let quality_removed: u64 = s["removed"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(k, _)| k.starts_with("quality."))
        .map(|(_, v)| v.as_u64().unwrap())
        .sum();
    assert_eq!(quality_removed, 54);
    // Every document got a language: the labels of the JSONL and Parquet
    // inputs are confirmed, the WET (cs, fi, sv) and text files (ga, mt,
    // sl) get theirs from the langid stage.
    let langid = s["stages"].as_array().unwrap().iter().find(|x| x["name"] == "langid").unwrap();
    let counts = langid["counts"].as_object().unwrap();
    let labelled: u64 = counts.values().map(|v| v.as_u64().unwrap()).sum();
    assert_eq!(labelled, FIXTURE_DOCS as u64);
    for (lang, n) in [("de", 42), ("fr", 40), ("es", 40), ("nl", 41), ("pt", 40), ("mt", 2), ("ga", 2), ("sl", 2)] {
        assert_eq!(counts[&format!("lang/{lang}")], n, "{lang}");
    }
    for r in &rows {
        assert!(!r.lang.as_deref().unwrap_or("").is_empty(), "{}", r.id);
    }
    let by_source =
        |src: &str| rows.iter().filter(|r| r.source == src).map(|r| r.lang.clone().unwrap()).collect::<BTreeSet<_>>();
    assert_eq!(by_source("text/mt-001.txt"), BTreeSet::from(["mt".to_string()]));
    assert_eq!(by_source("text/ga-001.txt"), BTreeSet::from(["ga".to_string()]));
    assert_eq!(by_source("wet/sample.warc.wet.gz"), ["cs", "fi", "sv"].map(String::from).into());
}

#[test]
fn output_is_byte_identical_for_1_and_8_threads() {
    let tmp = TempDir::new().unwrap();
    let (a, b) = (tmp.path().join("t1"), tmp.path().join("t8"));
    quickstart_into(&a, &["--threads", "1"]);
    quickstart_into(&b, &["--threads", "8"]);
    assert_same_output(&a, &b);
}

#[test]
fn partitions_by_language_hive_style() {
    let tmp = TempDir::new().unwrap();
    let p = partitioned_quickstart(tmp.path());
    let out = tmp.path().join("out");
    run_expect(eurocorpus().arg("run").arg(&p).arg("--quiet").arg("--output").arg(&out), 0);
    let dirs: BTreeSet<String> = shard_files(&out)
        .iter()
        .map(|f| f.parent().unwrap().file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let want: BTreeSet<String> = ["cs", "de", "en", "es", "fi", "fr", "ga", "mt", "nl", "pt", "sl", "sv"]
        .iter()
        .map(|l| format!("lang={l}"))
        .collect();
    assert_eq!(dirs, want);
    let shard = shard_files(&out).into_iter().find(|f| f.to_string_lossy().contains("lang=de")).unwrap();
    assert!(!columns(&shard).iter().any(|c| c.starts_with("lang:")), "the partition key lives in the folder name");
    assert_eq!(read_rows(&out).len(), WRITTEN);
    // nl and pt come from one Parquet file: one input, two partitions.
    assert!(
        out.join("data/lang=nl/part-00004-00000.parquet").exists()
            && out.join("data/lang=pt/part-00004-00000.parquet").exists()
    );
    let inspect = run_expect(eurocorpus().arg("inspect").arg(&out), 0);
    let report = String::from_utf8_lossy(&inspect.stdout).into_owned();
    assert!(report.contains("documents  227"), "{report}");
    assert!(report.lines().any(|l| l.starts_with("de ") && l.contains(" 35 ")), "{report}");
}

#[test]
fn shards_roll_over_at_rows_and_tokens() {
    let tmp = TempDir::new().unwrap();
    let base = std::fs::read_to_string(repo().join("pipelines/quickstart.toml")).unwrap();
    for (limit, key) in [
        ("shard_max_rows = 7", "rows"),
        ("shard_max_tokens = 1500", "tokens"),
        ("shard_max_bytes = 4000\nrow_group_rows = 4", "bytes"),
    ] {
        let p = pipeline(tmp.path(), "p.toml", &base.replace("shard_max_bytes = 268_435_456", limit));
        let out = tmp.path().join(key);
        run_expect(eurocorpus().arg("run").arg(&p).arg("--quiet").arg("--output").arg(&out), 0);
        let m = manifest(&out);
        let shards = m["shards"].as_array().unwrap();
        let mut total = 0;
        for s in shards {
            let (rows, tokens) = (s["rows"].as_u64().unwrap(), s["tokens"].as_u64().unwrap());
            total += rows;
            match key {
                "rows" => assert!(rows <= 7, "{s}"),
                "tokens" => assert!(tokens <= 1500 || rows == 1, "{s}"),
                _ => {}
            }
        }
        assert_eq!(total, WRITTEN as u64);
        assert!(shards.len() > 30, "{key}: {} shards", shards.len());
        if key == "bytes" {
            // Shards close once about 4 kB of Parquet is written or buffered.
            let small = shards.iter().filter(|s| s["bytes"].as_u64().unwrap() < 40_000).count();
            assert_eq!(small, shards.len(), "{shards:?}");
        }
        assert_eq!(read_rows(&out).len(), WRITTEN);
    }
}

#[test]
fn default_pipeline_runs_without_a_config_file() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("out");
    let o = run_expect(eurocorpus().args(["run", "--input", "fixtures/corpus/jsonl", "--output"]).arg(&out), 0);
    assert!(stderr(&o).contains("no --tokenizer given"), "{}", stderr(&o));
    let rows = read_rows(&out);
    // de.jsonl's two exact copies go: the default pipeline deduplicates.
    assert_eq!(rows.len(), 42 + 40 + 40 + 30 - 2);
    assert!(rows.iter().all(|r| r.input_ids.is_none() && r.text.is_some()));
    assert_eq!(rows[0].lang.as_deref(), Some("de"), "the default pipeline labels languages");
    assert!(rows.iter().all(|r| r.lang_score.is_some_and(|s| s > 0.0)));

    let out2 = tmp.path().join("out2");
    let tok = fixture_tokenizer();
    run_expect(
        eurocorpus()
            .args(["run", "--quiet", "--input", "fixtures/corpus/text", "--output"])
            .arg(&out2)
            .arg("--tokenizer")
            .arg(&tok),
        0,
    );
    let rows = read_rows(&out2);
    assert_eq!(rows.len(), 6);
    assert!(rows.iter().all(|r| r.num_tokens.unwrap() > 0));
}

#[test]
fn config_mistakes_fail_before_any_output_with_exit_2() {
    let tmp = TempDir::new().unwrap();
    let p = pipeline(
        tmp.path(),
        "bad.toml",
        "[input]\npaths = ['fixtures/corpus']\ntext_feild = 'body'\n[output]\npath = 'x'\n",
    );
    let o = run_expect(eurocorpus().arg("run").arg(&p), 2);
    let e = stderr(&o);
    assert!(e.contains("bad.toml") && e.contains("unknown field `text_feild`"), "{e}");

    let out = tmp.path().join("o");
    let o = run_expect(eurocorpus().args(["run", "--input", "no/such/dir", "--output"]).arg(&out), 2);
    assert!(stderr(&o).contains("no/such/dir: no such file or folder"), "{}", stderr(&o));
    assert!(!out.exists(), "nothing is written for a bad configuration");

    let p = pipeline(tmp.path(), "tok.toml", "[input]\npaths = ['fixtures/corpus']\n[[stages]]\ntype = 'tokenize'\ntokenizer = 'missing.json'\n[[stages]]\ntype = 'normalize'\n[output]\npath = 'x'\n");
    let e = stderr(&run_expect(eurocorpus().arg("run").arg(&p), 2));
    assert!(e.contains("tokenizer missing.json: no such file"), "{e}");
    assert!(e.contains("must be the last stage"), "{e}");
}

#[test]
fn refuses_a_foreign_non_empty_output_folder_unless_forced() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("mine");
    write(&out.join("thesis.tex"), "precious");
    let o =
        run_expect(eurocorpus().args(["run", "--quiet", "--input", "fixtures/corpus/text", "--output"]).arg(&out), 1);
    assert!(stderr(&o).contains("is not empty and holds no eurocorpus output"), "{}", stderr(&o));
    run_expect(
        eurocorpus().args(["run", "--quiet", "--force", "--input", "fixtures/corpus/text", "--output"]).arg(&out),
        0,
    );
    assert_eq!(std::fs::read_to_string(out.join("thesis.tex")).unwrap(), "precious");
}

#[test]
fn inspect_summarises_a_folder_and_a_file() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("out");
    quickstart_into(&out, &[]);
    let o = run_expect(eurocorpus().arg("inspect").arg("--json").arg(&out), 0);
    let s: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(s["documents"], WRITTEN as u64);
    assert_eq!(s["shards"], 12);
    assert_eq!(s["tokens"], manifest(&out)["totals"]["tokens"]);
    assert_eq!(s["languages"]["fr"]["documents"], 37);
    assert_eq!(s["pipeline"], "quickstart");
    let one = &shard_files(&out)[0];
    let o = run_expect(eurocorpus().arg("inspect").arg(one), 0);
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(text.contains("documents  35") && text.contains("input_ids: List(UInt32)"), "{text}");
}

#[test]
fn globs_and_custom_field_names() {
    let tmp = TempDir::new().unwrap();
    write(
        &tmp.path().join("in/a/x.jsonl"),
        "{\"doc_id\":\"A1\",\"content\":\"Ahoj sv\\u011bte\",\"meta\":{\"k\":[1,2]},\"n\":7}\n",
    );
    write(&tmp.path().join("in/b/y.jsonl.gz"), gzip(b"{\"doc_id\":9,\"content\":\"Hej v\\u00e4rlden\"}\n"));
    write(&tmp.path().join("in/b/notes.md"), "not a corpus");
    let p = pipeline(
        tmp.path(),
        "p.toml",
        "[input]\npaths = ['in/*/*.jsonl*']\ntext_field = 'content'\nid_field = 'doc_id'\nmetadata = ['meta', 'n']\n[output]\npath = 'out'\n",
    );
    let mut c = eurocorpus();
    c.current_dir(tmp.path()).arg("run").arg(&p).arg("--quiet");
    run_expect(&mut c, 0);
    let rows = read_rows(&tmp.path().join("out"));
    let got: Vec<_> = rows.iter().map(|r| (r.id.as_str(), r.source.as_str(), r.text.as_deref().unwrap())).collect();
    assert_eq!(got, [("A1", "a/x.jsonl", "Ahoj světe"), ("9", "b/y.jsonl.gz", "Hej världen")]);
    assert_eq!(rows[0].meta["meta"].as_deref(), Some("{\"k\":[1,2]}"));
    assert_eq!(rows[0].meta["n"].as_deref(), Some("7"));
    assert_eq!(rows[1].meta["meta"], None);
}
