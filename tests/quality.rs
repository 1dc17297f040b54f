//! The `quality` stage end to end: every removal is named by its rule and
//! the counts reconcile; unknown rule names are configuration errors.

use tempfile::TempDir;

use crate::util::*;

#[test]
fn quality_removals_are_named_by_rule_and_reconcile() {
    let tmp = TempDir::new().unwrap();
    let p = pipeline(
        tmp.path(),
        "q.toml",
        "[input]\npaths=['fixtures/corpus']\nlang_field='lang'\n[[stages]]\ntype='normalize'\n\
         [[stages]]\ntype='quality'\n[stages.languages.de]\ngopher_min_words=1000\n[output]\npath='unused'\n",
    );
    let out = tmp.path().join("out");
    run_expect(eurocorpus().arg("run").arg(&p).arg("--quiet").arg("--output").arg(&out), 0);
    let st = stats(&out);
    assert_reconciled(&st);
    let removed = st["removed"].as_object().unwrap();
    assert!(!removed.is_empty());
    for k in removed.keys() {
        let rule = k.strip_prefix("quality.").unwrap_or_else(|| panic!("{k}"));
        assert!(eurocorpus::quality::RULES.iter().any(|r| r.name == rule), "{k}");
    }
    // The German override removes every German document (none has 1,000
    // words); the other languages keep theirs.
    let rows = read_rows(&out);
    assert!(rows.iter().all(|r| r.lang.as_deref() != Some("de")));
    assert!(rows.iter().filter(|r| r.lang.as_deref() == Some("fr")).count() > 20);
    assert!(removed["quality.gopher_min_words"].as_u64().unwrap() >= 40);
}

#[test]
fn unknown_rules_are_configuration_errors() {
    let tmp = TempDir::new().unwrap();
    let p = pipeline(
        tmp.path(),
        "q.toml",
        "[input]\npaths=['fixtures/corpus']\n[[stages]]\ntype='quality'\ndisable=['gopher_nothing']\n\
         [stages.thresholds]\nmin_words=3\n[output]\npath='out/x'\n",
    );
    let o = run_expect(eurocorpus().arg("run").arg(&p), 2);
    let e = stderr(&o);
    assert!(e.contains("disable: unknown rule or family \"gopher_nothing\""), "{e}");
    assert!(e.contains("thresholds: unknown rule \"min_words\""), "{e}");
}

#[test]
fn explain_prints_each_rule_against_its_threshold() {
    let o = run_expect(
        eurocorpus().args(["explain", "fixtures/corpus/jsonl/de.jsonl", "--id", "ud-german-gsd-dev-00000"]),
        0,
    );
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(out.starts_with("document ud-german-gsd-dev-00000 (lang de): removed by gopher_min_words\n"), "{out}");
    assert!(out.contains("  gopher_min_words                      21.0000 >= 50           FAIL\n"), "{out}");
    assert!(out.contains("  gopher_max_mean_word_length            6.1429 <= 12           pass\n"), "{out}");
    assert!(out.contains("  gopher_min_stop_words                  6.0000 >= 2            pass\n"), "{out}");
    let checked = eurocorpus::quality::RULES.len() - eurocorpus::quality::OFF_BY_DEFAULT.len();
    assert_eq!(out.lines().count(), 1 + checked + 1);
    let o = run_expect(eurocorpus().args(["explain", "fixtures/corpus/jsonl/de.jsonl", "--id", "nope"]), 1);
    assert!(stderr(&o).contains("no document with id [\"nope\"]"), "{}", stderr(&o));
    let o = run_expect(eurocorpus().args(["explain", "fixtures/corpus/jsonl/de.jsonl"]), 1);
    assert!(stderr(&o).contains("give --id ID (repeatable) or --all"), "{}", stderr(&o));
}
