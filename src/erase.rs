//! `eurocorpus erase OUTPUT_DIR --identifiers FILE` (GDPR art. 17): removes
//! every document that holds one of the identifiers, rewriting only the
//! affected shards (atomically, shard by shard; the manifest last), and
//! appends to `erasure-log.jsonl` what was done — with salted hashes of the
//! identifiers, never the identifiers.
//!
//! Resumable: each rewritten shard is recorded in a journal
//! (`_eurocorpus/erase-journal.jsonl`) before it replaces the old one, so a
//! run killed mid-way is finished by the next run with the same file.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use arrow_array::cast::AsArray;
use arrow_array::types::UInt32Type;
use arrow_array::{Array, BooleanArray, RecordBatch};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::{ArrowWriter, ProjectionMask};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::audit::TextSource;
use crate::config::OutputConfig;
use crate::error::{Error, Result};
use crate::manifest::{Manifest, STATE_DIR};
use crate::output::{writer_properties, ShardInfo};
use crate::pii::seq::next_ascii_digit;
use crate::stages::{hex, host_of};

/// The erasure log, beside the manifest.
pub const LOG: &str = "erasure-log.jsonl";
const JOURNAL: &str = "erase-journal.jsonl";
/// Tests set this to `before` or `after` to kill the process around the
/// first shard replacement.
pub const ABORT_ENV: &str = "EUROCORPUS_ERASE_ABORT";

/// One identifier to forget, normalised for matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Identifier {
    /// Lowercased; matched case-insensitively, as a whole address.
    Email(String),
    /// Country calling code and national significant number; matched in
    /// any format (+49 30 …, 0049 30…, 030/…, (030) …).
    Phone { cc: String, nsn: String },
    /// Letters and digits only, upper case (IBAN, national ID): matched
    /// ignoring spaces, dots, hyphens and case.
    Compact(String),
    /// A URL: the document's `url` column (same host and path), or the URL
    /// written in the text.
    Url(String),
    /// A document id, exactly.
    DocId(String),
    /// A literal string, exactly (case-sensitive).
    Literal(String),
}

/// Parses an identifiers file: one per line, `email:`, `phone:`, `iban:`,
/// `national_id:`, `url:`, `doc_id:` or a literal string; blank lines and
/// lines starting with `#` are skipped. Returns each identifier with the
/// line as written (what is hashed in the log).
///
/// # Errors
/// A value that cannot be what its type says (by line number; the value is
/// not repeated).
pub fn parse_identifiers(text: &str, origin: &str) -> Result<Vec<(Identifier, String)>> {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (kind, value) = match line.split_once(':') {
            Some((k, v)) if ["email", "phone", "iban", "national_id", "url", "doc_id", "text"].contains(&k) => {
                (k, v.trim())
            }
            _ => ("text", line),
        };
        let id = match kind {
            "email" if value.contains('@') && !value.contains(char::is_whitespace) => {
                Some(Identifier::Email(value.to_lowercase()))
            }
            "phone" => phone(value),
            "iban" | "national_id" if compact(value).len() >= 6 => Some(Identifier::Compact(compact(value))),
            "url" if host_of(value).is_some() => Some(Identifier::Url(normal_url(value))),
            "doc_id" if !value.is_empty() => Some(Identifier::DocId(value.to_string())),
            "text" if !value.is_empty() => Some(Identifier::Literal(value.to_string())),
            _ => None,
        };
        match id {
            Some(id) => out.push((id, line.to_string())),
            None => problems.push(format!(
                "line {}: not a valid {kind} identifier{}",
                i + 1,
                if kind == "phone" { " (write it in international form: +49 30 1234567)" } else { "" }
            )),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(Error::Config { origin: origin.to_string(), problems })
    }
}

/// Letters and digits only, upper case: how IBANs and national IDs are
/// compared, whatever separators they were written with.
fn compact(v: &str) -> String {
    v.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect()
}

fn phone(value: &str) -> Option<Identifier> {
    let n = phonenumber::parse(None, value).ok()?;
    let cc = n.code().value().to_string();
    let nsn = n.national().value().to_string();
    (nsn.len() >= 5).then_some(Identifier::Phone { cc, nsn })
}

/// A URL without scheme, `www.`, trailing slash or case in the host.
fn normal_url(u: &str) -> String {
    let u = u.trim();
    let rest = u.split_once("://").map_or(u, |(_, r)| r);
    let (host, path) = rest.split_once('/').map_or((rest, ""), |(h, p)| (h, p));
    let host = host.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    format!("{host}/{}", path.trim_end_matches('/'))
}

/// Whether `text` holds the (lowercase) address `e` as a whole address,
/// ignoring ASCII case. Only the `@`s of the text are visited, so most
/// documents cost one `memchr` pass.
fn email_in(text: &str, e: &str) -> bool {
    let Some(at_in_e) = e.find('@') else { return false };
    let (local, domain) = (&e.as_bytes()[..at_in_e], &e.as_bytes()[at_in_e + 1..]);
    let t = text.as_bytes();
    memchr::memchr_iter(b'@', t).any(|at| {
        let (Some(start), end) = (at.checked_sub(local.len()), at + 1 + domain.len()) else { return false };
        if end > t.len() || !t[start..at].eq_ignore_ascii_case(local) || !t[at + 1..end].eq_ignore_ascii_case(domain) {
            return false;
        }
        let before = text[..start].chars().next_back();
        let mut after = text[end..].chars();
        let longer = match after.next() {
            Some('.') => after.next().is_some_and(char::is_alphanumeric),
            Some(c) => c.is_alphanumeric() || c == '-' || c == '_',
            None => false,
        };
        !before.is_some_and(mail_char) && !longer
    })
}

/// Whether an e-mail-like character (so a match is part of a longer
/// address).
fn mail_char(c: char) -> bool {
    c.is_alphanumeric() || "._%+-".contains(c)
}

impl Identifier {
    /// Whether a document (id, text, url column) holds this identifier;
    /// `lower` and `compact` are the text lowercased and reduced to upper-case
    /// letters and digits, computed once per document when some identifier
    /// needs them.
    fn matches(&self, id: &str, text: &str, lower: &str, compact: &str, url: Option<&str>) -> bool {
        match self {
            Identifier::DocId(d) => d == id,
            Identifier::Literal(s) => text.contains(s.as_str()),
            Identifier::Email(e) if e.is_ascii() => email_in(text, e),
            Identifier::Email(e) => email_in(lower, e),
            Identifier::Compact(c) => compact.contains(c.as_str()),
            Identifier::Url(u) => {
                url.is_some_and(|x| normal_url(x) == *u) || {
                    let host_path = u.trim_end_matches('/');
                    lower.contains(host_path)
                }
            }
            // All phone identifiers at once: `Phones`.
            Identifier::Phone { .. } => false,
        }
    }
}

/// Every phone identifier of an erasure, as the digit strings it may be
/// written with: the national number with an accepted prefix (none, the
/// trunk `0`, `cc`, `00cc`, `cc0`).
#[derive(Debug, Default)]
struct Phones {
    wanted: rustc_hash::FxHashSet<Vec<u8>>,
    shortest: usize,
    longest: usize,
}

/// Reused by [`Phones::in_text`]: a run's digits, and per digit whether it
/// starts (1) or ends (2) a group.
#[derive(Debug, Default)]
struct PhoneScratch {
    digits: Vec<u8>,
    flags: Vec<u8>,
}

impl Phones {
    fn of(ids: &[(Identifier, String)]) -> Self {
        let mut p = Phones { shortest: usize::MAX, ..Phones::default() };
        for (id, _) in ids {
            if let Identifier::Phone { cc, nsn } = id {
                for w in [
                    nsn.clone(),
                    format!("0{nsn}"),
                    format!("{cc}{nsn}"),
                    format!("00{cc}{nsn}"),
                    format!("{cc}0{nsn}"),
                ] {
                    p.shortest = p.shortest.min(w.len());
                    p.longest = p.longest.max(w.len());
                    p.wanted.insert(w.into_bytes());
                }
            }
        }
        p
    }

    /// Whether `text` writes one of the numbers in some format: a run of
    /// digits and separators (space, `-`, `.`, `/`, parentheses, `+`) whose
    /// digits from the start of one of its groups to the end of one are a
    /// wanted string. Runs with fewer digits than the shortest cost one
    /// pass over them.
    fn in_text(&self, text: &str, s: &mut PhoneScratch) -> bool {
        if self.wanted.is_empty() {
            return false;
        }
        let b = text.as_bytes();
        let mut i = 0;
        while let Some(d) = next_ascii_digit(b, i) {
            s.digits.clear();
            s.flags.clear();
            let mut j = d;
            while j < b.len() && (b[j].is_ascii_digit() || b" -./()+".contains(&b[j])) {
                if b[j].is_ascii_digit() {
                    let first = j == d || !b[j - 1].is_ascii_digit();
                    let last = !b.get(j + 1).is_some_and(u8::is_ascii_digit);
                    s.digits.push(b[j]);
                    s.flags.push(u8::from(first) | u8::from(last) << 1);
                }
                j += 1;
            }
            let n = s.digits.len();
            for k in (0..n).filter(|&k| s.flags[k] & 1 != 0) {
                for e in (k + self.shortest - 1)..(k + self.longest).min(n) {
                    if s.flags[e] & 2 != 0 && self.wanted.contains(&s.digits[k..=e]) {
                        return true;
                    }
                }
            }
            i = j;
        }
        false
    }
}

/// What happened to one shard.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ShardChange {
    pub path: String,
    pub removed: u64,
    pub rows_before: u64,
    pub rows_after: u64,
    pub tokens_after: u64,
    pub tokens_removed: u64,
    pub bytes_after: u64,
    pub old_sha256: String,
    pub new_sha256: String,
}

/// What an erasure did (or, dry, would do).
#[derive(Debug, Clone, Serialize)]
pub struct ErasureReport {
    pub dry_run: bool,
    pub identifiers: usize,
    pub documents_removed: u64,
    pub shards_rewritten: usize,
    pub shards: Vec<ShardChange>,
}

/// Runs an erasure on `dir`.
///
/// # Errors
/// The manifest or a shard cannot be read or written; the dataset kept no
/// text column.
pub fn erase(dir: &Path, ids: &[(Identifier, String)], dry_run: bool) -> Result<ErasureReport> {
    let mut manifest = Manifest::load(dir)?;
    // Without a text column, the token ids decoded with the recorded tokenizer.
    let source = TextSource::of(dir, &manifest)?;
    let out_cfg: OutputConfig =
        manifest.config.get("output").cloned().and_then(|v| serde_json::from_value(v).ok()).unwrap_or_default();
    let journal_path = dir.join(STATE_DIR).join(JOURNAL);
    // Shards an interrupted run already replaced.
    let mut recovered: BTreeMap<String, ShardChange> = BTreeMap::new();
    if let Ok(text) = std::fs::read_to_string(&journal_path) {
        for c in text.lines().filter_map(|l| serde_json::from_str::<ShardChange>(l).ok()) {
            if crate::manifest::file_sha256(&dir.join(&c.path)).ok().as_deref() == Some(c.new_sha256.as_str()) {
                recovered.insert(c.path.clone(), c);
            }
        }
    }
    let journal = std::sync::Mutex::new(());
    let phones = Phones::of(ids);
    let job = Job {
        dir,
        ids,
        source: &source,
        dry_run,
        out_cfg: &out_cfg,
        journal_path: &journal_path,
        journal: &journal,
        phones: &phones,
    };
    let changes: Vec<Result<Option<ShardChange>>> = manifest
        .shards
        .par_iter()
        .map(|s| {
            if let Some(c) = recovered.get(&s.path) {
                return Ok(Some(c.clone()));
            }
            erase_shard(&job, s)
        })
        .collect();
    let mut shards = Vec::new();
    for c in changes {
        if let Some(c) = c? {
            shards.push(c);
        }
    }
    let report = ErasureReport {
        dry_run,
        identifiers: ids.len(),
        documents_removed: shards.iter().map(|c| c.removed).sum(),
        shards_rewritten: shards.len(),
        shards,
    };
    if dry_run {
        return Ok(report);
    }
    if report.shards.is_empty() {
        // Nothing holds the identifiers (any more): the request is still
        // logged, as checked.
        append_log(dir, ids, &report)?;
        return Ok(report);
    }
    // The manifest last: shard entries and totals.
    for c in &report.shards {
        if let Some(s) = manifest.shards.iter_mut().find(|s| s.path == c.path) {
            *s = ShardInfo {
                path: c.path.clone(),
                rows: c.rows_after,
                tokens: c.tokens_after,
                bytes: c.bytes_after,
                sha256: c.new_sha256.clone(),
            };
        }
    }
    manifest.totals.documents = manifest.shards.iter().map(|s| s.rows).sum();
    manifest.totals.tokens = manifest.shards.iter().map(|s| s.tokens).sum();
    manifest.totals.bytes = manifest.shards.iter().map(|s| s.bytes).sum();
    crate::manifest::write_atomic(&dir.join("manifest.json"), &crate::manifest::to_json(&manifest))?;
    append_log(dir, ids, &report)?;
    let _ = std::fs::remove_file(&journal_path);
    Ok(report)
}

/// What every shard of one erasure shares.
struct Job<'a> {
    dir: &'a Path,
    ids: &'a [(Identifier, String)],
    source: &'a TextSource,
    dry_run: bool,
    out_cfg: &'a OutputConfig,
    journal_path: &'a Path,
    journal: &'a std::sync::Mutex<()>,
    phones: &'a Phones,
}

fn erase_shard(job: &Job, s: &ShardInfo) -> Result<Option<ShardChange>> {
    let Job { dir, ids, source, dry_run, out_cfg, journal_path, journal, phones } = *job;
    let path = dir.join(&s.path);
    let bad = |e: &dyn std::fmt::Display| Error::Parquet { path: path.clone(), detail: e.to_string() };
    let open = || -> Result<ParquetRecordBatchReaderBuilder<File>> {
        ParquetRecordBatchReaderBuilder::try_new(File::open(&path).map_err(|e| Error::io(&path, "open", e))?)
            .map_err(|e| bad(&e))
    };
    // The scan reads only the columns the identifiers are matched on; the
    // whole shard is read again only when it must be rewritten.
    let b = open()?;
    let cols: Vec<usize> =
        ["id", source.column(), "url", "num_tokens"].iter().filter_map(|c| b.schema().index_of(c).ok()).collect();
    let mask = ProjectionMask::roots(b.parquet_schema(), cols);
    // Batch by batch: only the masks are kept.
    let scan = b.with_projection(mask).build().map_err(|e| bad(&e))?;
    let need_lower = ids.iter().any(|(x, _)| match x {
        Identifier::Email(e) => !e.is_ascii(),
        Identifier::Url(_) => true,
        _ => false,
    });
    let need_compact = ids.iter().any(|(x, _)| matches!(x, Identifier::Compact(_)));
    let (mut removed, mut rows_before, mut tokens_after) = (0u64, 0u64, 0u64);
    let mut masks = Vec::new();
    let mut decoded = String::new();
    let mut phone_scratch = PhoneScratch::default();
    for batch in scan {
        let batch = &batch.map_err(|e| bad(&e))?;
        let idc = batch.column_by_name("id").map(|c| c.as_string::<i32>().clone());
        let url = batch.column_by_name("url").map(|c| c.as_string::<i32>().clone());
        let toks = batch.column_by_name("num_tokens").map(|c| c.as_primitive::<UInt32Type>().clone());
        let mut keep = Vec::with_capacity(batch.num_rows());
        for i in 0..batch.num_rows() {
            let id = idc.as_ref().map_or("", |a| a.value(i));
            let t = source.text(batch, i, &mut decoded);
            let u = url.as_ref().and_then(|a| (!a.is_null(i)).then(|| a.value(i)));
            let lower = if need_lower { t.to_lowercase() } else { String::new() };
            let compact = if need_compact { compact(t) } else { String::new() };
            let hit =
                phones.in_text(t, &mut phone_scratch) || ids.iter().any(|(x, _)| x.matches(id, t, &lower, &compact, u));
            keep.push(!hit);
            removed += u64::from(hit);
            if !hit {
                tokens_after += toks.as_ref().map_or(0, |a| u64::from(a.value(i)));
            }
        }
        rows_before += batch.num_rows() as u64;
        masks.push(BooleanArray::from(keep));
    }
    if removed == 0 {
        return Ok(None);
    }
    let mut change = ShardChange {
        path: s.path.clone(),
        removed,
        rows_before,
        rows_after: rows_before - removed,
        tokens_after,
        tokens_removed: s.tokens.saturating_sub(tokens_after),
        bytes_after: 0,
        old_sha256: s.sha256.clone(),
        new_sha256: String::new(),
    };
    if dry_run {
        return Ok(Some(change));
    }
    let b = open()?;
    let schema = b.schema().clone();
    let batches: Vec<RecordBatch> = b
        .with_batch_size(1024)
        .build()
        .map_err(|e| bad(&e))?
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| bad(&e))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.tmp"));
    let file = File::create(&tmp).map_err(|e| Error::io(&tmp, "create the rewritten shard", e))?;
    let mut w = ArrowWriter::try_new(file, schema, Some(writer_properties(out_cfg))).map_err(|e| bad(&e))?;
    let keep: Vec<bool> = masks.iter().flat_map(|m| m.values().iter()).collect();
    let mut at = 0;
    for batch in &batches {
        let mask = BooleanArray::from(keep[at..at + batch.num_rows()].to_vec());
        at += batch.num_rows();
        let kept = arrow_select::filter::filter_record_batch(batch, &mask).map_err(|e| bad(&e))?;
        if kept.num_rows() > 0 {
            w.write(&kept).map_err(|e| bad(&e))?;
        }
    }
    let file = w.into_inner().map_err(|e| bad(&e))?;
    file.sync_all().map_err(|e| Error::io(&tmp, "sync the rewritten shard", e))?;
    drop(file);
    change.new_sha256 =
        crate::manifest::file_sha256(&tmp).map_err(|e| Error::io(&tmp, "hash the rewritten shard", e))?;
    change.bytes_after = std::fs::metadata(&tmp).map_err(|e| Error::io(&tmp, "stat", e))?.len();
    {
        // Journal first, then replace: a rerun recognises the new shard.
        let _g = journal.lock().unwrap_or_else(|p| p.into_inner());
        std::fs::create_dir_all(journal_path.parent().unwrap_or(dir))
            .map_err(|e| Error::io(journal_path, "create", e))?;
        let mut j = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(journal_path)
            .map_err(|e| Error::io(journal_path, "open the erase journal", e))?;
        writeln!(j, "{}", serde_json::to_string(&change).unwrap_or_default())
            .and_then(|()| j.sync_all())
            .map_err(|e| Error::io(journal_path, "write the erase journal", e))?;
    }
    // Fault injection for the tests: die before or after the first replace.
    let abort = std::env::var(ABORT_ENV).unwrap_or_default();
    if abort == "before" {
        std::process::abort();
    }
    std::fs::rename(&tmp, &path).map_err(|e| Error::io(&path, "replace the shard", e))?;
    if abort == "after" {
        std::process::abort();
    }
    Ok(Some(change))
}

/// Seconds since the epoch as an RFC 3339 UTC timestamp.
fn utc_now() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs()) as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = crate::pii::checksum::civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

fn append_log(dir: &Path, ids: &[(Identifier, String)], r: &ErasureReport) -> Result<()> {
    let date = utc_now();
    let salt = hex(&Sha256::digest(format!(
        "{date}|{}|{:?}|{}",
        std::process::id(),
        std::time::Instant::now(),
        dir.display()
    )))[..32]
        .to_string();
    let hashes: Vec<String> = ids.iter().map(|(_, raw)| hex(&Sha256::digest(format!("{salt}{raw}")))).collect();
    let entry = serde_json::json!({
        "date": date,
        "salt": salt,
        "identifier_hashes": hashes,
        "documents_removed": r.documents_removed,
        "tokens_removed": r.shards.iter().map(|s| s.tokens_removed).sum::<u64>(),
        "shards": r.shards,
    });
    let path: PathBuf = dir.join(LOG);
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .map_err(|e| Error::io(&path, "open the erasure log", e))?;
    writeln!(f, "{entry}").and_then(|()| f.sync_all()).map_err(|e| Error::io(&path, "append to the erasure log", e))
}

/// Documents and tokens removed by all erasures logged in `dir` (0 without
/// a log).
pub fn erased(dir: &Path) -> (u64, u64) {
    let text = std::fs::read_to_string(dir.join(LOG)).unwrap_or_default();
    let entries: Vec<serde_json::Value> = text.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    let sum = |k: &str| entries.iter().filter_map(|v| v[k].as_u64()).sum();
    (sum("documents_removed"), sum("tokens_removed"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_parse_by_type_and_bad_lines_are_named() {
        let ids = parse_identifiers(
            "# comment\nemail: Anna.Nowak@Example.PL\nphone: +49 30 1234567\niban: DE89 3704 0044 0532 0130 00\nurl: https://www.Example.com/page/\ndoc_id: doc-7\nJan Kowalski\n\n",
            "ids.txt",
        )
        .unwrap();
        let kinds: Vec<&Identifier> = ids.iter().map(|(i, _)| i).collect();
        assert_eq!(kinds[0], &Identifier::Email("anna.nowak@example.pl".into()));
        assert_eq!(kinds[1], &Identifier::Phone { cc: "49".into(), nsn: "301234567".into() });
        assert_eq!(kinds[2], &Identifier::Compact("DE89370400440532013000".into()));
        assert_eq!(kinds[3], &Identifier::Url("example.com/page".into()));
        assert_eq!(kinds[4], &Identifier::DocId("doc-7".into()));
        assert_eq!(kinds[5], &Identifier::Literal("Jan Kowalski".into()));
        let e = parse_identifiers("phone: 030 1234567\nemail: nobody\n", "ids.txt").unwrap_err().to_string();
        assert!(
            e.contains("line 1: not a valid phone identifier (write it in international form") && e.contains("line 2"),
            "{e}"
        );
        assert!(!e.contains("030 1234567"), "the value is not repeated");
    }

    #[test]
    fn phones_match_in_any_format_and_only_whole() {
        let phones = Phones::of(&[(Identifier::Phone { cc: "49".into(), nsn: "301234567".into() }, String::new())]);
        let phone_in = |t: &str, _: &str, _: &str| phones.in_text(t, &mut PhoneScratch::default());
        let (cc, nsn) = ("49", "301234567");
        for t in [
            "ruf +49 30 1234567 an",
            "Tel. 030/123 45 67.",
            "(030) 1234567",
            "0049-30-1234567",
            "+49 (0)30 1234567",
            "030.123.4567",
        ] {
            assert!(phone_in(t, cc, nsn), "{t}");
        }
        for t in ["030 12345678", "1030 1234567", "+49 30 1234568", "Konto 3012345670", "30 123 456"] {
            assert!(!phone_in(t, cc, nsn), "{t}");
        }
    }

    /// The matcher before `Phones` (one number, char by char): the oracle.
    fn phone_oracle(text: &str, cc: &str, nsn: &str) -> bool {
        let wanted: [String; 5] =
            [nsn.to_string(), format!("0{nsn}"), format!("{cc}{nsn}"), format!("00{cc}{nsn}"), format!("{cc}0{nsn}")];
        let longest = wanted.iter().map(String::len).max().unwrap_or(0);
        let is_part = |c: char| c.is_ascii_digit() || " -./()+".contains(c);
        let mut rest = text;
        while let Some(start) = rest.find(|c: char| c.is_ascii_digit() || c == '+') {
            let run_len = rest[start..].find(|c: char| !is_part(c)).unwrap_or(rest.len() - start);
            let bytes = &rest.as_bytes()[start..start + run_len];
            for (i, &b) in bytes.iter().enumerate() {
                if !(b.is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit())) {
                    continue;
                }
                let mut digits = Vec::new();
                for (j, &c) in bytes[i..].iter().enumerate() {
                    if c.is_ascii_digit() {
                        digits.push(c);
                        let next = bytes.get(i + j + 1);
                        if !next.is_some_and(u8::is_ascii_digit) && wanted.iter().any(|w| w.as_bytes() == digits) {
                            return true;
                        }
                        if digits.len() >= longest {
                            break;
                        }
                    }
                }
            }
            rest = &rest[start + run_len.max(1)..];
        }
        false
    }

    #[test]
    fn phones_agree_with_the_char_by_char_matcher_and_digits_are_found_by_words() {
        let mut rng = crate::rng::SplitMix64(5);
        let numbers = [("49", "301234567"), ("48", "123456789"), ("353", "12345678")];
        let phones =
            Phones::of(&numbers.map(|(cc, nsn)| (Identifier::Phone { cc: cc.into(), nsn: nsn.into() }, String::new())));
        let pieces = [
            "0",
            "1",
            "2",
            "3",
            "4",
            "5",
            "6",
            "7",
            "8",
            "9",
            "30",
            "1234567",
            "+49",
            "0049",
            "(0)",
            " ",
            "-",
            ".",
            "/",
            "(",
            ")",
            "+",
            "a",
            "é",
            "€",
            ":",
            "?",
            "\n",
            "48",
            "353",
            "12345678",
            "123 456 789",
        ];
        let mut hits = 0;
        for _ in 0..20_000 {
            let n = 1 + rng.below(14) as usize;
            let t: String = (0..n).map(|_| pieces[rng.below(pieces.len() as u64) as usize]).collect();
            let want = numbers.iter().any(|(cc, nsn)| phone_oracle(&t, cc, nsn));
            hits += usize::from(want);
            assert_eq!(phones.in_text(&t, &mut PhoneScratch::default()), want, "{t:?}");
            let b = t.as_bytes();
            for i in 0..=b.len() {
                assert_eq!(
                    next_ascii_digit(b, i),
                    b[i..].iter().position(u8::is_ascii_digit).map(|k| i + k),
                    "{t:?} at {i}"
                );
            }
        }
        assert!(hits > 100, "the texts hold numbers often enough ({hits})");
    }

    #[test]
    fn emails_match_case_insensitively_and_whole() {
        let e = Identifier::Email("ann@example.com".into());
        let m = |t: &str| e.matches("x", t, &t.to_lowercase(), "", None);
        assert!(m("Write to Ann@Example.COM today"));
        assert!(m("<ann@example.com>"));
        assert!(!m("joann@example.com"));
        assert!(!m("ann@example.com.au"), "a longer domain is another address");
    }

    #[test]
    fn compact_and_url_matching() {
        let iban = Identifier::Compact("DE89370400440532013000".into());
        let t = "IBAN de89-3704-0044-0532-0130-00.";
        assert!(iban.matches("x", t, "", &compact(t), None));
        let url = Identifier::Url(normal_url("https://www.example.com/page/"));
        assert!(url.matches("x", "", "", "", Some("http://example.com/page")));
        assert!(!url.matches("x", "", "", "", Some("http://example.com/other")));
        assert!(url.matches("x", "", "see example.com/page for more", "", None));
    }

    #[test]
    fn dates_are_rfc3339() {
        let d = utc_now();
        assert_eq!(d.len(), 20);
        assert!(d.starts_with("20") && d.ends_with('Z') && d.as_bytes()[10] == b'T', "{d}");
    }
}
