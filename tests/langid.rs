//! The `langid` and `url_filter` stages end to end: labels and scores in
//! the output, languages kept, dropped or routed to `other/`, block and
//! opt-out lists — with counts that reconcile.

use std::collections::{BTreeMap, BTreeSet};

use tempfile::TempDir;

use crate::util::*;

fn langid_pipeline(dir: &std::path::Path, langid: &str) -> std::path::PathBuf {
    pipeline(
        dir,
        "p.toml",
        &format!(
            "[input]\npaths=['{}']\nlang_field='lang'\n[[stages]]\ntype='langid'\n{langid}\n[output]\npath='unused'\n",
            repo().join("fixtures/corpus").display()
        ),
    )
}

fn lang_counts(st: &serde_json::Value) -> BTreeMap<String, u64> {
    let langid = st["stages"].as_array().unwrap().iter().find(|s| s["name"] == "langid").unwrap();
    langid["counts"]
        .as_object()
        .unwrap()
        .iter()
        .filter_map(|(k, v)| Some((k.strip_prefix("lang/")?.to_string(), v.as_u64().unwrap())))
        .collect()
}

#[test]
fn languages_not_kept_are_routed_to_other() {
    let tmp = TempDir::new().unwrap();
    let p = langid_pipeline(tmp.path(), "languages=['de','fr']\nother='route'");
    let out = tmp.path().join("out");
    let o = run_expect(eurocorpus().arg("run").arg(&p).arg("--quiet").arg("--output").arg(&out), 0);
    assert!(stderr(&o).contains("accounted: read 283 = written 283 + removed 0 + errored 0"), "{}", stderr(&o));
    let st = stats(&out);
    assert_reconciled(&st);
    let counts = lang_counts(&st);
    let kept = counts["de"] + counts["fr"];
    let rows = read_rows(&out);
    let (data, other): (Vec<_>, Vec<_>) = rows.iter().partition(|r| r.shard.starts_with("data/"));
    assert_eq!(data.len() as u64, kept);
    assert!(data.iter().all(|r| matches!(r.lang.as_deref(), Some("de" | "fr"))));
    assert_eq!(other.len() as u64, 283 - kept);
    assert!(other.iter().all(|r| r.shard.starts_with("other/") && !matches!(r.lang.as_deref(), Some("de" | "fr"))));
    let langid = st["stages"].as_array().unwrap().iter().find(|s| s["name"] == "langid").unwrap();
    assert_eq!(langid["counts"]["routed/lang_not_kept"], 283 - kept);
    // The manifest lists the routed shards too, with their true sizes.
    let m = manifest(&out);
    let paths: BTreeSet<String> =
        m["shards"].as_array().unwrap().iter().map(|s| s["path"].as_str().unwrap().to_string()).collect();
    assert!(paths.iter().any(|p| p.starts_with("other/part-")) && paths.iter().any(|p| p.starts_with("data/part-")));
    for s in m["shards"].as_array().unwrap() {
        assert_eq!(
            std::fs::metadata(out.join(s["path"].as_str().unwrap())).unwrap().len(),
            s["bytes"].as_u64().unwrap()
        );
    }
    // A rerun resumes: nothing is redone and the output is unchanged.
    let before = output_bytes(&out);
    let o = run_expect(eurocorpus().arg("run").arg(&p).arg("--output").arg(&out), 0);
    assert!(stderr(&o).contains("12 inputs (12 resumed)"), "{}", stderr(&o));
    assert_eq!(output_bytes(&out), before);
}

#[test]
fn labels_scores_and_drops_by_language_and_score() {
    let tmp = TempDir::new().unwrap();
    let p = langid_pipeline(tmp.path(), "languages=['de','fr','es','mt']\nmin_scores={ es = 1.01 }");
    let out = tmp.path().join("out");
    let o = run_expect(eurocorpus().arg("run").arg(&p).arg("--output").arg(&out), 2);
    assert!(stderr(&o).contains("min_scores.es = 1.01: a score is between 0 and 1"), "{}", stderr(&o));

    let p = langid_pipeline(tmp.path(), "languages=['de','fr','es','mt']\nmin_scores={ es = 1.0 }");
    run_expect(eurocorpus().arg("run").arg(&p).arg("--quiet").arg("--output").arg(&out), 0);
    let st = stats(&out);
    assert_reconciled(&st);
    let counts = lang_counts(&st);
    let rows = read_rows(&out);
    let langs: BTreeSet<_> = rows.iter().map(|r| r.lang.clone().unwrap()).collect();
    let es_kept = rows.iter().filter(|r| r.lang.as_deref() == Some("es")).count() as u64;
    assert!(langs.is_subset(&["de", "fr", "es", "mt"].map(String::from).into()), "{langs:?}");
    assert_eq!(rows.len() as u64, counts["de"] + counts["fr"] + counts["mt"] + es_kept);
    assert_eq!(counts["mt"], 2, "the two Maltese text files");
    let removed = &st["removed"];
    let total = 283 - rows.len() as u64;
    assert_eq!(
        removed["langid.lang_not_kept"].as_u64().unwrap() + removed["langid.lang_score_low"].as_u64().unwrap(),
        total
    );
    assert_eq!(removed["langid.lang_score_low"].as_u64().unwrap(), counts["es"] - es_kept);
    for r in &rows {
        let s = r.lang_score.unwrap();
        assert!((0.0..=1.0).contains(&s), "{} {s}", r.id);
        if r.lang.as_deref() == Some("es") {
            assert_eq!(s, 1.0);
        }
    }
}

#[test]
fn unknown_languages_are_configuration_errors() {
    let tmp = TempDir::new().unwrap();
    let p = langid_pipeline(tmp.path(), "languages=['de','xx']\nsample_bytes=8");
    let o = run_expect(eurocorpus().arg("run").arg(&p).arg("--output").arg(tmp.path().join("out")), 2);
    let e = stderr(&o);
    assert!(e.contains("stages[0] (langid): languages: the language model does not know \"xx\""), "{e}");
    assert!(e.contains("sample_bytes = 8"), "{e}");
}

#[test]
fn url_filter_removes_blocked_and_opted_out_sites_by_list() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("out");
    let o = run_expect(eurocorpus().args(["run", "pipelines/web.toml", "--quiet", "--output"]).arg(&out), 0);
    let st = stats(&out);
    assert_reconciled(&st);
    // The fixture WET file: 6 pages on forum.example.org (block list),
    // 6 on news.example.org and 13 on example.net and its subdomains
    // (opt-out list).
    assert_eq!(st["removed"]["url_filter.blocked"], 6);
    assert_eq!(st["removed"]["url_filter.tdm_opt_out"], 19);
    let uf = st["stages"].as_array().unwrap().iter().find(|s| s["name"] == "url_filter").unwrap();
    assert_eq!(uf["counts"]["list/blocklist"], 6);
    assert_eq!(uf["counts"]["list/tdm-opt-out"], 19);
    assert!(stderr(&o).contains("accounted: read 45 = "), "{}", stderr(&o));
    let hosts: BTreeSet<String> = read_rows(&out)
        .iter()
        .map(|r| eurocorpus::stages::host_of(r.meta["url"].as_deref().unwrap()).unwrap())
        .collect();
    assert_eq!(hosts, ["example.com", "www.example.com", "www.example.org"].map(String::from).into());

    // The URL field must be an input metadata name.
    let text = std::fs::read_to_string(repo().join("pipelines/web.toml"))
        .unwrap()
        .replace("metadata = [\"url\", \"date\"]", "metadata = [\"date\"]");
    let p = pipeline(tmp.path(), "web.toml", &text);
    let o =
        run_expect(eurocorpus().current_dir(repo()).arg("run").arg(&p).arg("--output").arg(tmp.path().join("o2")), 2);
    assert!(stderr(&o).contains("field \"url\" is not in input.metadata (date)"), "{}", stderr(&o));
}
