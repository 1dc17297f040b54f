//! `eurocorpus summary`: its numbers match `stats.json`, the manifest and
//! the shards; `summary.html` renders in headless Chromium with no console
//! message and no network access (CI installs chromium and sets
//! EUROCORPUS_REQUIRE_CHROMIUM=1 so the render cannot be skipped there).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use tempfile::TempDir;

use crate::util::*;

fn summarise(out: &Path) -> (serde_json::Value, String, String) {
    let o = run_expect(eurocorpus().arg("summary").arg(out), 0);
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("227 documents, 84126 tokens, 12 languages, 12 sources"));
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
    let md = std::fs::read_to_string(out.join("summary.md")).unwrap();
    let html = std::fs::read_to_string(out.join("summary.html")).unwrap();
    (json, md, html)
}

#[test]
fn summary_numbers_match_the_run() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("out");
    run_expect(eurocorpus().args(["run", "pipelines/quickstart.toml", "--quiet", "--output"]).arg(&out), 0);
    let (s, md, _) = summarise(&out);
    let st = stats(&out);
    let m = manifest(&out);
    assert_eq!(s["documents_read"], st["documents"]["read"]);
    assert_eq!(s["documents"], st["documents"]["written"]);
    assert_eq!(s["tokens"], m["totals"]["tokens"]);
    assert_eq!(s["removed"], st["removed"]);
    assert_eq!(s["errored"], 0);
    assert_eq!(s["size_band"], "less than 1 billion tokens");

    // Languages: from the ledger, reconciled with the shards.
    let rows = read_rows(&out);
    let mut want: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    for r in &rows {
        let e = want.entry(r.lang.clone().unwrap()).or_default();
        e.0 += 1;
        e.1 += u64::from(r.num_tokens.unwrap());
    }
    let got: BTreeMap<String, (u64, u64)> = s["languages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (l["lang"].as_str().unwrap().to_string(), (l["documents"].as_u64().unwrap(), l["tokens"].as_u64().unwrap()))
        })
        .collect();
    assert_eq!(got, want);
    let shares: f64 = s["languages"].as_array().unwrap().iter().map(|l| l["share"].as_f64().unwrap()).sum();
    assert!((shares - 1.0).abs() < 1e-9, "{shares}");
    assert_eq!(s["languages"][0]["lang"], "fr", "largest token share first");

    // Sources and the stage funnel as in the manifest and stats.json.
    assert_eq!(s["sources"].as_array().unwrap().len(), m["inputs"].as_array().unwrap().len());
    for (x, i) in s["sources"].as_array().unwrap().iter().zip(m["inputs"].as_array().unwrap()) {
        assert_eq!(
            (&x["source"], &x["documents_read"], &x["documents_written"]),
            (&i["source"], &i["documents_read"], &i["documents_written"])
        );
    }
    for (x, y) in s["stages"].as_array().unwrap().iter().zip(st["stages"].as_array().unwrap()) {
        assert_eq!((&x["stage"], &x["documents_in"], &x["documents_out"]), (&y["name"], &y["docs_in"], &y["docs_out"]));
    }
    // Web data: the WET fixture's URLs and dates.
    let web = &s["web"];
    assert_eq!((web["documents_with_url"].as_u64(), web["domains"].as_u64()), (Some(40), Some(7)));
    assert_eq!((web["earliest"].as_str(), web["latest"].as_str()), (Some("2024-03-05"), Some("2024-03-08")));
    assert_eq!(web["top_domains"].as_array().unwrap().len(), 7, "all domains when fewer than 10");

    for line in [
        "| documents | 227 |",
        "| tokens | 84,126 |",
        "| de | 35 | 15,248 | 46,340 | 18.1 % |",
        "| sensitive | 227 | 227 | 0 | Special categories of personal data about a person (GDPR art. 9 and 10) looked for near names and identifiers, handled with policy \"tag\": 6 documents flagged (POLITICS: 9, CRIMINAL: 1, RELIGION: 1); 0 with the person's identifiers redacted; 0 documents removed. |",
        "| exact_dedup | 229 | 227 | 0 | Exact duplicates across the whole corpus removed: 2 (the first copy is kept). |",
        "Every record is accounted for: 283 read = 227 written + 56 removed + 0 unreadable or failed.",
        "No opt-out or block list was applied by this pipeline (no url_filter stage).",
    ] {
        assert!(md.lines().any(|l| l == line), "summary.md lacks {line:?}:\n{md}");
    }
}

#[test]
fn summary_reports_opt_outs_and_renders_in_chromium() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("out");
    run_expect(eurocorpus().args(["run", "pipelines/web.toml", "--quiet", "--output"]).arg(&out), 0);
    let to = tmp.path().join("report");
    let o = run_expect(eurocorpus().arg("summary").arg(&out).arg("--to").arg(&to), 0);
    assert!(String::from_utf8_lossy(&o.stdout).contains("summary.html"));
    let md = std::fs::read_to_string(to.join("summary.md")).unwrap();
    let st = stats(&out);
    let f = &st["stages"].as_array().unwrap().iter().find(|s| s["name"] == "url_filter").unwrap();
    let line = format!(
        "Documents from domains on block lists and on lists of domains that reserved text-and-data-mining rights (DSM \
         Directive art. 4(3)) removed: {} (tdm_opt_out: {}, blocked: {}); lists: blocklist: {}, tdm-opt-out: {}.",
        f["removed"]["tdm_opt_out"].as_u64().unwrap() + f["removed"]["blocked"].as_u64().unwrap(),
        f["removed"]["tdm_opt_out"],
        f["removed"]["blocked"],
        f["counts"]["list/blocklist"],
        f["counts"]["list/tdm-opt-out"],
    );
    assert!(md.contains(&line), "{line}\n{md}");

    // Self-contained: two inline SVG charts, nothing fetched.
    let html = std::fs::read_to_string(to.join("summary.html")).unwrap();
    assert_eq!(html.matches("<svg ").count(), 2);
    for external in ["src=", "href=", "url(", "<script", "<link"] {
        assert!(!html.contains(external), "summary.html holds {external}");
    }
    let chromium = ["chromium", "chromium-browser"]
        .into_iter()
        .find(|c| Command::new(c).arg("--version").output().is_ok_and(|o| o.status.success()));
    let Some(chromium) = chromium else {
        assert!(
            std::env::var_os("EUROCORPUS_REQUIRE_CHROMIUM").is_none(),
            "EUROCORPUS_REQUIRE_CHROMIUM is set but chromium is not installed"
        );
        eprintln!("SKIPPED: chromium is not installed (apt-get install chromium)");
        return;
    };
    let shot = tmp.path().join("summary.png");
    let o = Command::new(chromium)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0"])
        .arg("--host-resolver-rules=MAP * ~NOTFOUND")
        .arg("--window-size=1000,2400")
        .arg(format!("--user-data-dir={}", tmp.path().join("profile").display()))
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", to.join("summary.html").display()))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "chromium failed: {err}");
    let console: Vec<&str> = err.lines().filter(|l| l.contains(":CONSOLE")).collect();
    assert!(console.is_empty(), "console messages: {console:?}");
    let png = std::fs::read(&shot).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 20_000, "screenshot of {} bytes", png.len());
}
