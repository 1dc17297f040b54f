//! The output read by pyarrow, as training loaders read it. Runs wherever
//! python3 has pyarrow; CI installs it and sets EUROCORPUS_REQUIRE_PYARROW=1
//! so the test cannot pass there by skipping.

use std::process::Command;

use tempfile::TempDir;

use crate::util::*;

fn have_pyarrow() -> bool {
    let ok = Command::new("python3").args(["-c", "import pyarrow"]).output().is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("EUROCORPUS_REQUIRE_PYARROW").is_none(),
            "EUROCORPUS_REQUIRE_PYARROW is set but python3 cannot import pyarrow"
        );
        eprintln!("SKIPPED: python3 with pyarrow is not installed (pip install pyarrow)");
    }
    ok
}

fn check(out: &std::path::Path) -> serde_json::Value {
    let o = Command::new("python3")
        .arg(repo().join("tests/interop/check_pyarrow.py"))
        .arg(out)
        .arg(fixture_tokenizer())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(o.status.success(), "pyarrow check failed:\n{text}\n{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_str(text.trim()).unwrap()
}

#[test]
fn pyarrow_reads_the_quickstart_output() {
    if !have_pyarrow() {
        return;
    }
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("out");
    run_expect(eurocorpus().args(["run", "pipelines/quickstart.toml", "--quiet", "--output"]).arg(&out), 0);
    let r = check(&out);
    assert_eq!(r["rows"], 227);
    assert_eq!(r["ledger_rows"], 283, "one ledger row per record read");
    assert_eq!(r["languages"]["de"], 35);
    assert_eq!(
        r["pii_spans"], 207,
        "placeholders of 2 e-mails, 2 phones, 5 birth dates, 4 addresses and linked names; tagged names and terms"
    );
    assert_eq!(r["problems"], serde_json::json!([]));
}

#[test]
fn pyarrow_reads_the_hive_partitioned_output() {
    if !have_pyarrow() {
        return;
    }
    let tmp = TempDir::new().unwrap();
    let p = partitioned_quickstart(tmp.path());
    let out = tmp.path().join("out");
    run_expect(eurocorpus().arg("run").arg(&p).arg("--quiet").arg("--output").arg(&out), 0);
    let r = check(&out);
    assert_eq!(r["rows"], 227);
    assert_eq!(r["languages"]["fr"], 37);
    assert_eq!(r["problems"], serde_json::json!([]));
}
