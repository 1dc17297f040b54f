//! `eurocorpus audit OUTPUT_DIR`: checks a finished dataset for a
//! compliance file — integrity (every shard the manifest lists exists with
//! its size and SHA-256, none is unlisted, schemas and counts agree with
//! `manifest.json` and `stats.json`) and personal data (the text re-scanned
//! with the detectors of the pipeline's `pii` stage; locations by shard,
//! row and byte offsets, never values).

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::path::{Path, PathBuf};

use arrow_array::cast::AsArray;
use arrow_array::types::UInt32Type;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ProjectionMask;
use rayon::prelude::*;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::manifest::Manifest;
use crate::output::{is_shard_name, DATA_DIR, OTHER_DIR};
use crate::pii::{Detector, EntityType, Hints, Policy, PolicyConfig};
use crate::stages::StageConfig;

/// Options of one audit.
#[derive(Debug, Clone)]
pub struct AuditOptions {
    /// Share of documents re-scanned for personal data (0–1]; 1 = all.
    pub sample: f64,
    /// Seed of the sample (which documents are drawn).
    pub seed: u64,
    /// The personal-data check fails when more values than this are found
    /// (estimated for the whole dataset when sampling).
    pub max_pii: u64,
    /// Locations listed in the report (all are counted).
    pub max_locations: usize,
}

impl Default for AuditOptions {
    fn default() -> Self {
        AuditOptions { sample: 1.0, seed: 0, max_pii: 0, max_locations: 1000 }
    }
}

/// One check and its result.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub name: &'static str,
    pub passed: bool,
    /// What was checked, or what is wrong (shard paths, counts).
    pub details: Vec<String>,
}

/// Where a personal-data value was found.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub shard: String,
    pub row: u64,
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub subtype: &'static str,
    pub start: usize,
    pub end: usize,
}

/// The personal-data part of the report.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PiiFindings {
    /// Documents re-scanned, and how many of the dataset's.
    pub documents_scanned: u64,
    pub documents_total: u64,
    pub sample: f64,
    /// Where the text came from: the `text` column, or token ids decoded.
    pub text_from: String,
    pub documents_with_pii: u64,
    pub values: u64,
    /// Values found, estimated for the whole dataset (= `values` unsampled).
    pub values_estimated: u64,
    pub by_type: BTreeMap<String, u64>,
    /// Upper 95 % bound on the share of documents holding personal data.
    pub doc_share_upper_95: f64,
    pub confidence: String,
    pub locations: Vec<Location>,
    pub locations_omitted: u64,
}

/// The audit report.
#[derive(Debug, Clone, Serialize)]
pub struct AuditReport {
    pub dataset: String,
    pub pipeline: String,
    pub version: String,
    pub passed: bool,
    pub checks: Vec<Check>,
    pub pii: PiiFindings,
}

/// Audits the output folder `dir`.
///
/// # Errors
/// The folder holds no readable manifest (nothing to audit), or a tokenizer
/// is needed and cannot be loaded. Failed checks are not errors: they are in
/// the report (`passed = false`).
pub fn audit(dir: &Path, opts: &AuditOptions) -> Result<AuditReport> {
    let manifest = Manifest::load(dir)?;
    let mut checks = Vec::new();

    // Integrity: every listed shard as recorded, none unlisted.
    let verified: Vec<(String, std::result::Result<(), String>)> =
        manifest.shards.par_iter().map(|s| (s.path.clone(), verify_shard(dir, s))).collect();
    let bad: Vec<String> = verified.iter().filter_map(|(p, r)| r.as_ref().err().map(|e| format!("{p}: {e}"))).collect();
    let n = manifest.shards.len();
    checks.push(Check {
        name: "shards_match_manifest",
        passed: bad.is_empty(),
        details: if bad.is_empty() { vec![format!("{n} shards: size and SHA-256 as recorded")] } else { bad },
    });
    let listed: BTreeSet<&str> = manifest.shards.iter().map(|s| s.path.as_str()).collect();
    let unlisted: Vec<String> = parquet_files_on_disk(dir, &[DATA_DIR, OTHER_DIR])
        .into_iter()
        .filter(|p| !listed.contains(p.as_str()))
        .map(|p| format!("{p}: not in the manifest"))
        .collect();
    checks.push(Check {
        name: "no_unlisted_shards",
        passed: unlisted.is_empty(),
        details: if unlisted.is_empty() { vec!["every shard file is in the manifest".into()] } else { unlisted },
    });
    let readable: Vec<&crate::output::ShardInfo> =
        manifest.shards.iter().zip(&verified).filter(|(_, (_, r))| r.is_ok()).map(|(s, _)| s).collect();

    // Schema and counts of the readable shards.
    let expected: Vec<String> =
        manifest.schema.iter().map(|c| format!("{}:{}:{}", c.name, c.data_type, c.nullable)).collect();
    let mut schema_bad = Vec::new();
    let mut rows_bad = Vec::new();
    for s in &readable {
        match shard_schema_and_rows(&dir.join(&s.path)) {
            Ok((cols, rows)) => {
                if cols != expected {
                    schema_bad.push(format!(
                        "{}: columns {} differ from the manifest's {}",
                        s.path,
                        cols.join(", "),
                        expected.join(", ")
                    ));
                }
                if rows != s.rows {
                    rows_bad.push(format!("{}: {rows} rows, the manifest says {}", s.path, s.rows));
                }
            }
            Err(e) => schema_bad.push(format!("{}: unreadable: {e}", s.path)),
        }
    }
    checks.push(Check {
        name: "schema",
        passed: schema_bad.is_empty(),
        details: if schema_bad.is_empty() {
            vec![format!("{} columns in every shard", expected.len())]
        } else {
            schema_bad
        },
    });
    let sum_rows: u64 = manifest.shards.iter().map(|s| s.rows).sum();
    let sum_tokens: u64 = manifest.shards.iter().map(|s| s.tokens).sum();
    if sum_rows != manifest.totals.documents || sum_tokens != manifest.totals.tokens {
        rows_bad.push(format!(
            "shards hold {sum_rows} rows and {sum_tokens} tokens, the manifest's totals say {} and {}",
            manifest.totals.documents, manifest.totals.tokens
        ));
    }
    let stats_json = crate::stats::load_json(dir).ok();
    match &stats_json {
        Some(st) => {
            // Documents `erase` removed since the run are in its log.
            let (erased, erased_tokens) = crate::erase::erased(dir);
            let written = st["documents"]["written"].as_u64().map(|w| w.saturating_sub(erased));
            let tokens = st["output"]["tokens"].as_u64().map(|t| t.saturating_sub(erased_tokens));
            if written != Some(manifest.totals.documents) || tokens != Some(manifest.totals.tokens) {
                rows_bad.push(format!(
                    "stats.json says {} documents (less {erased} erased) and {} tokens written, the manifest {} and {}",
                    written.map_or("?".into(), |v| v.to_string()),
                    tokens.map_or("?".into(), |v| v.to_string()),
                    manifest.totals.documents,
                    manifest.totals.tokens
                ));
            }
        }
        None => rows_bad.push("stats.json is missing or unreadable".into()),
    }
    checks.push(Check {
        name: "counts_reconcile",
        passed: rows_bad.is_empty(),
        details: if rows_bad.is_empty() {
            vec![format!(
                "{} documents, {} tokens: shards = manifest = stats.json",
                manifest.totals.documents, manifest.totals.tokens
            )]
        } else {
            rows_bad
        },
    });

    checks.push(ledger_check(dir, &manifest, stats_json.as_ref()));
    // Training files prepared from an earlier state of the dataset (before
    // an erasure, say) hold documents the dataset no longer has.
    if let Some(current) = crate::training::current(dir) {
        checks.push(Check {
            name: "training_files",
            passed: current,
            details: vec![if current {
                format!("{}/ was prepared from the dataset as it is", crate::training::TRAINING_DIR)
            } else {
                format!(
                    "{}/ was prepared from an earlier state of the dataset (its manifest changed since, e.g. by an \
                     erasure) and may hold documents the dataset no longer has: rerun `eurocorpus prepare {}`",
                    crate::training::TRAINING_DIR,
                    dir.display()
                )
            }],
        });
    }

    // Personal data.
    let pii = scan_pii(dir, &manifest, &readable, opts)?;
    checks.push(Check {
        name: "personal_data",
        passed: pii.values_estimated <= opts.max_pii,
        details: vec![format!(
            "{} values found in {} of {} documents scanned (estimated {} in the dataset; allowed {})",
            pii.values, pii.documents_with_pii, pii.documents_scanned, pii.values_estimated, opts.max_pii
        )],
    });
    Ok(AuditReport {
        dataset: dir.display().to_string(),
        pipeline: manifest.pipeline.clone(),
        version: manifest.version.clone(),
        passed: checks.iter().all(|c| c.passed),
        checks,
        pii,
    })
}

/// The decision ledger: its files as recorded, none unlisted, one row per
/// record read and one kept or routed row per document written.
fn ledger_check(dir: &Path, manifest: &Manifest, stats: Option<&serde_json::Value>) -> Check {
    let name = "decision_ledger";
    if manifest.decisions.is_empty() {
        let details = vec!["no decision ledger (output of an older eurocorpus)".into()];
        return Check { name, passed: manifest.inputs.is_empty(), details };
    }
    let mut bad: Vec<String> = manifest
        .decisions
        .par_iter()
        .filter_map(|s| verify_shard(dir, s).err().map(|e| format!("{}: {e}", s.path)))
        .collect();
    let listed: BTreeSet<&str> = manifest.decisions.iter().map(|s| s.path.as_str()).collect();
    for rel in parquet_files_on_disk(dir, &[crate::ledger::DECISIONS_DIR]) {
        if !listed.contains(rel.as_str()) {
            bad.push(format!("{rel}: not in the manifest"));
        }
    }
    if bad.is_empty() {
        let counted = crate::ledger::count_written(dir, &manifest.decisions);
        let (mut rows, mut written) = (0, 0);
        match (counted, stats) {
            (Err(e), _) => bad.push(e.to_string()),
            (Ok((r, w)), Some(st)) => {
                (rows, written) = (r, w);
                let (want_read, want_written) = (st["documents"]["read"].as_u64(), st["documents"]["written"].as_u64());
                if want_read != Some(rows) || want_written != Some(written) {
                    bad.push(format!(
                        "the ledger holds {rows} records ({written} written), stats.json says {} read and {} written",
                        want_read.map_or("?".into(), |v| v.to_string()),
                        want_written.map_or("?".into(), |v| v.to_string())
                    ));
                }
            }
            (Ok(_), None) => bad.push("stats.json is missing or unreadable".into()),
        }
        if bad.is_empty() {
            let n = manifest.decisions.len();
            return Check {
                name,
                passed: true,
                details: vec![format!("{n} files as recorded; {rows} records = read, {written} kept = written")],
            };
        }
    }
    Check { name, passed: false, details: bad }
}

fn verify_shard(dir: &Path, s: &crate::output::ShardInfo) -> std::result::Result<(), String> {
    let path = dir.join(&s.path);
    let len = std::fs::metadata(&path).map_err(|e| format!("missing or unreadable ({e})"))?.len();
    if len != s.bytes {
        return Err(format!("{len} bytes, the manifest says {}", s.bytes));
    }
    let got = crate::manifest::file_sha256(&path).map_err(|e| format!("read failed ({e})"))?;
    if got != s.sha256 {
        return Err(format!("SHA-256 {got}, the manifest says {}", s.sha256));
    }
    Ok(())
}

/// Shard files (and leftover temporaries) under the folders `tops` (`data/`
/// and `other/`, or `decisions/`), as paths relative to `dir`.
fn parquet_files_on_disk(dir: &Path, tops: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for top in tops {
        for e in walkdir::WalkDir::new(dir.join(top)).into_iter().flatten() {
            let name = e.file_name().to_string_lossy();
            if e.file_type().is_file() && (is_shard_name(&name).is_some() || name.ends_with(".parquet")) {
                if let Ok(rel) = e.path().strip_prefix(dir) {
                    out.push(rel.to_string_lossy().replace('\\', "/"));
                }
            }
        }
    }
    out.sort();
    out
}

fn shard_schema_and_rows(path: &Path) -> std::result::Result<(Vec<String>, u64), String> {
    let f = File::open(path).map_err(|e| e.to_string())?;
    let b = ParquetRecordBatchReaderBuilder::try_new(f).map_err(|e| e.to_string())?;
    let cols =
        b.schema().fields().iter().map(|f| format!("{}:{}:{}", f.name(), f.data_type(), f.is_nullable())).collect();
    Ok((cols, b.metadata().file_metadata().num_rows() as u64))
}

/// The detector of the pipeline's `pii` stage (its options), looking for
/// every type — except names and special-category terms when the policy
/// keeps them (`tag`, or `redact_linked`, the default for names): those are
/// the dataset's content (encyclopaedic text names people), not a leak.
/// Identifiers are looked for even when tagged or ignored. Without a `pii`
/// stage, the default policy decides.
pub fn audit_detector(manifest: &Manifest) -> Detector {
    let stages = manifest.config.get("stages").cloned().unwrap_or_default();
    let stages: Vec<StageConfig> = serde_json::from_value(stages).unwrap_or_default();
    let cfg: PolicyConfig = stages
        .into_iter()
        .find_map(|s| match s {
            StageConfig::Pii(c) => Some(c),
            _ => None,
        })
        .unwrap_or_default();
    let leaks: Vec<EntityType> = EntityType::ALL
        .into_iter()
        .filter(|&t| {
            !(matches!(t, EntityType::Person | EntityType::Sensitive)
                && matches!(cfg.policy_of(t), Policy::Tag | Policy::RedactLinked))
        })
        .collect();
    Detector::new(cfg.detector(), &leaks)
}

/// Whether row `row` of `shard` is in the sample (deterministic by seed).
fn sampled(shard: &str, row: u64, opts: &AuditOptions) -> bool {
    if opts.sample >= 1.0 {
        return true;
    }
    let h = xxhash_rust::xxh3::xxh3_64_with_seed(format!("{shard}\u{0}{row}").as_bytes(), opts.seed);
    (h as f64 / u64::MAX as f64) < opts.sample
}

/// Where a dataset's text comes from: its `text` column, or, when it kept
/// only token ids, the ids decoded with the tokenizer the manifest records
/// (its SHA-256 checked).
pub(crate) enum TextSource {
    Column,
    Decoded(Box<tokenizers::Tokenizer>),
}

impl TextSource {
    /// The text source of the dataset in `dir`.
    pub(crate) fn of(dir: &Path, manifest: &Manifest) -> Result<Self> {
        if manifest.schema.iter().any(|c| c.name == "text") {
            return Ok(TextSource::Column);
        }
        let t = manifest.tokenizer.as_ref().ok_or_else(|| Error::Output {
            path: dir.to_path_buf(),
            detail: "holds neither a text column nor a tokenizer to decode the ids with".into(),
        })?;
        let path = PathBuf::from(&t.path);
        let loaded = crate::stages::load_tokenizer(&path)?;
        if loaded.sha256 != t.sha256 {
            return Err(Error::Output {
                path,
                detail: format!(
                    "is not the tokenizer the dataset was made with (SHA-256 {}, recorded {})",
                    loaded.sha256, t.sha256
                ),
            });
        }
        Ok(TextSource::Decoded(Box::new(loaded.tokenizer)))
    }

    /// The column to read.
    pub(crate) fn column(&self) -> &'static str {
        match self {
            TextSource::Column => "text",
            TextSource::Decoded(_) => "input_ids",
        }
    }

    /// Row `i`'s text (`buf` holds decoded text).
    pub(crate) fn text<'b>(&self, batch: &'b arrow_array::RecordBatch, i: usize, buf: &'b mut String) -> &'b str {
        let col = batch.column_by_name(self.column());
        match self {
            TextSource::Column => col.map_or("", |c| c.as_string::<i32>().value(i)),
            TextSource::Decoded(t) => {
                let l = col.map(|c| c.as_list::<i32>().value(i));
                let ids: Vec<u32> = l.map(|a| a.as_primitive::<UInt32Type>().values().to_vec()).unwrap_or_default();
                *buf = t.decode(&ids, true).unwrap_or_default();
                buf
            }
        }
    }
}

/// What the personal-data scan of one shard found.
struct ShardScan {
    rows: u64,
    scanned: u64,
    with_pii: u64,
    locations: Vec<Location>,
}

fn scan_pii(
    dir: &Path,
    manifest: &Manifest,
    shards: &[&crate::output::ShardInfo],
    opts: &AuditOptions,
) -> Result<PiiFindings> {
    let source = TextSource::of(dir, manifest)?;
    let detector = audit_detector(manifest);
    let per_shard: Vec<Result<ShardScan>> = shards
        .par_iter()
        .map(|s| {
            let path = dir.join(&s.path);
            let bad = |e: &dyn std::fmt::Display| Error::Parquet { path: path.clone(), detail: e.to_string() };
            let f = File::open(&path).map_err(|e| Error::io(&path, "open", e))?;
            let b = ParquetRecordBatchReaderBuilder::try_new(f).map_err(|e| bad(&e))?;
            let cols: Vec<usize> =
                ["id", source.column(), "lang"].iter().filter_map(|c| b.schema().index_of(c).ok()).collect();
            let mask = ProjectionMask::roots(b.parquet_schema(), cols);
            let reader = b.with_projection(mask).with_batch_size(4096).build().map_err(|e| bad(&e))?;
            let (mut row, mut scanned, mut with) = (0u64, 0u64, 0u64);
            let mut locs = Vec::new();
            let mut scratch = crate::pii::detect::DetectScratch::default();
            let mut found = Vec::new();
            let mut decoded = String::new();
            for batch in reader {
                let batch = batch.map_err(|e| bad(&e))?;
                let ids = batch.column_by_name("id").map(|c| c.as_string::<i32>().clone());
                let langs = batch.column_by_name("lang").map(|c| c.as_string::<i32>().clone());
                for i in 0..batch.num_rows() {
                    let r = row;
                    row += 1;
                    if !sampled(&s.path, r, opts) {
                        continue;
                    }
                    let text = source.text(&batch, i, &mut decoded);
                    scanned += 1;
                    found.clear();
                    let lang = langs.as_ref().map_or("", |a| a.value(i));
                    detector.detect(text, Hints { lang, country: "" }, &mut scratch, &mut found);
                    if found.is_empty() {
                        continue;
                    }
                    with += 1;
                    let id = ids.as_ref().map_or(String::new(), |a| a.value(i).to_string());
                    for e in &found {
                        locs.push(Location {
                            shard: s.path.clone(),
                            row: r,
                            id: id.clone(),
                            kind: e.kind.name(),
                            subtype: e.subtype,
                            start: e.start,
                            end: e.end,
                        });
                    }
                }
            }
            Ok(ShardScan { rows: row, scanned, with_pii: with, locations: locs })
        })
        .collect();
    let mut f = PiiFindings {
        sample: opts.sample,
        text_from: match source {
            TextSource::Column => "text column".into(),
            TextSource::Decoded(_) => "token ids decoded with the recorded tokenizer".into(),
        },
        ..Default::default()
    };
    let mut all = Vec::new();
    for r in per_shard {
        let s = r?;
        f.documents_total += s.rows;
        f.documents_scanned += s.scanned;
        f.documents_with_pii += s.with_pii;
        all.extend(s.locations);
    }
    all.sort();
    f.values = all.len() as u64;
    for l in &all {
        *f.by_type.entry(l.kind.to_string()).or_default() += 1;
    }
    f.values_estimated = if f.documents_scanned == 0 {
        0
    } else {
        (f.values as f64 * f.documents_total as f64 / f.documents_scanned as f64).round() as u64
    };
    let (n, k) = (f.documents_scanned as f64, f.documents_with_pii as f64);
    f.doc_share_upper_95 = upper_95(k, n);
    f.confidence = if opts.sample >= 1.0 {
        format!("Every document was scanned ({} documents)", f.documents_scanned)
    } else {
        format!(
            "{} of {} documents scanned (sample {:.4}); {} held personal data: with 95 % confidence at most {:.4} % of all documents do (Wilson upper bound; rule of three when none: 3/n)",
            f.documents_scanned,
            f.documents_total,
            opts.sample,
            f.documents_with_pii,
            100.0 * f.doc_share_upper_95
        )
    };
    f.locations_omitted = all.len().saturating_sub(opts.max_locations) as u64;
    all.truncate(opts.max_locations);
    f.locations = all;
    Ok(f)
}

/// One-sided 95 % upper bound on a proportion with k successes in n draws:
/// 3/n when k = 0 (rule of three), else Wilson's score bound.
fn upper_95(k: f64, n: f64) -> f64 {
    if n == 0.0 {
        return 1.0;
    }
    if k == 0.0 {
        return (3.0 / n).min(1.0);
    }
    let z = 1.645f64;
    let p = k / n;
    let centre = p + z * z / (2.0 * n);
    let margin = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt();
    ((centre + margin) / (1.0 + z * z / n)).min(1.0)
}

impl AuditReport {
    /// The report as Markdown, for a compliance file.
    pub fn markdown(&self) -> String {
        use std::fmt::Write as _;
        let mut s = String::new();
        let _ = writeln!(s, "# Audit of {}\n", self.dataset);
        let _ = writeln!(
            s,
            "Pipeline `{}`, made by eurocorpus {}. Result: **{}**.\n",
            self.pipeline,
            self.version,
            if self.passed { "PASSED" } else { "FAILED" }
        );
        let _ = writeln!(s, "| check | result | details |\n|---|---|---|");
        for c in &self.checks {
            let _ =
                writeln!(s, "| {} | {} | {} |", c.name, if c.passed { "pass" } else { "FAIL" }, c.details.join("<br>"));
        }
        let p = &self.pii;
        let _ = writeln!(s, "\n## Personal data\n");
        let _ = writeln!(s, "Text from the {}. {}.\n", p.text_from, p.confidence);
        if p.by_type.is_empty() {
            let _ = writeln!(s, "No personal data found.");
        } else {
            let _ = writeln!(s, "| type | values |\n|---|---:|");
            for (t, n) in &p.by_type {
                let _ = writeln!(s, "| {t} | {n} |");
            }
            let _ = writeln!(s, "\nLocations (byte offsets in the text; values are not shown):\n");
            let _ =
                writeln!(s, "| shard | row | id | type | subtype | start | end |\n|---|---:|---|---|---|---:|---:|");
            for l in &p.locations {
                let _ = writeln!(
                    s,
                    "| {} | {} | {} | {} | {} | {} | {} |",
                    l.shard, l.row, l.id, l.kind, l.subtype, l.start, l.end
                );
            }
            if p.locations_omitted > 0 {
                let _ = writeln!(s, "\n… and {} more (see the JSON report).", p.locations_omitted);
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upper_bounds() {
        assert!((upper_95(0.0, 300.0) - 0.01).abs() < 1e-12, "rule of three");
        let u = upper_95(5.0, 100.0);
        assert!(u > 0.05 && u < 0.11, "{u}");
        assert_eq!(upper_95(0.0, 0.0), 1.0);
        assert!(upper_95(100.0, 100.0) <= 1.0);
    }

    #[test]
    fn the_sample_is_deterministic_and_about_its_size() {
        let o = AuditOptions { sample: 0.1, seed: 7, ..Default::default() };
        let n = (0..10_000).filter(|&r| sampled("data/part-00000-00000.parquet", r, &o)).count();
        assert!((800..1200).contains(&n), "{n}");
        let again = (0..10_000).filter(|&r| sampled("data/part-00000-00000.parquet", r, &o)).count();
        assert_eq!(n, again);
        let other = AuditOptions { seed: 8, ..o.clone() };
        let differs = (0..1000).any(|r| sampled("x", r, &o) != sampled("x", r, &other));
        assert!(differs, "the seed changes the sample");
    }
}
