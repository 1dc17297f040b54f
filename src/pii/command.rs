//! The standalone personal-data commands on JSONL files: `pii detect`
//! writes the spans found in each document, `pii redact` writes the
//! documents with the policies applied. Both read plain, gzip or zstd JSONL,
//! in parallel batches, and write in input order.
//!
//! A line that cannot be used (malformed JSON, invalid UTF-8, no text
//! field) is reported by file and line, never by content, and skipped or
//! fatal by `on_error`.

use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde_json::{Map, Value};

use super::detect::DetectScratch;
use super::policy::{Applied, Applier};
use super::{Detector, Entity, Hints, PolicyConfig};
use crate::config::OnError;
use crate::error::{Error, Result};
use crate::input::json_objects;

/// Options shared by `pii detect` and `pii redact`.
#[derive(Debug, Clone)]
pub struct PiiOptions {
    /// Field holding the text.
    pub text_field: String,
    /// Field holding the document id (absent: the line number).
    pub id_field: String,
    /// Language for documents without a `lang` field.
    pub lang: String,
    /// Country for documents without a `country` field.
    pub country: String,
    /// What to do with an unusable line.
    pub on_error: OnError,
    /// The policies and detector options.
    pub policy: PolicyConfig,
}

impl Default for PiiOptions {
    fn default() -> Self {
        PiiOptions {
            text_field: "text".into(),
            id_field: "id".into(),
            lang: String::new(),
            country: String::new(),
            on_error: OnError::Skip,
            policy: PolicyConfig::default(),
        }
    }
}

/// What a command did.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct PiiSummary {
    /// Lines read (non-empty).
    pub documents: u64,
    /// Documents written.
    pub written: u64,
    /// Documents removed by a `drop` policy.
    pub dropped: u64,
    /// Lines skipped as unusable.
    pub skipped: u64,
    /// Values found, by type.
    pub found: std::collections::BTreeMap<String, u64>,
    /// The first unusable lines (file, line, kind; no content).
    pub errors: Vec<String>,
}

/// One parsed line.
struct Line {
    no: u64,
    obj: Map<String, Value>,
}

/// What each document became.
enum Out {
    Detected(String),
    Redacted(String),
    Dropped,
}

const BATCH_LINES: usize = 2048;

/// Reads `input` in batches of parsed lines and hands each batch to `f`.
fn for_batches(
    input: &Path,
    opts: &PiiOptions,
    summary: &mut PiiSummary,
    mut f: impl FnMut(Vec<Line>, &mut PiiSummary) -> Result<()>,
) -> Result<()> {
    let mut batch = Vec::with_capacity(BATCH_LINES);
    for item in json_objects(input, &opts.text_field).map_err(Error::Input)? {
        match item {
            Ok((no, obj)) => {
                summary.documents += 1;
                batch.push(Line { no, obj });
            }
            Err(e) if e.kind.ends_file() || opts.on_error == OnError::Fail => return Err(Error::Input(e)),
            Err(e) => {
                summary.documents += 1;
                summary.skipped += 1;
                if summary.errors.len() < 20 {
                    summary.errors.push(e.to_string());
                }
            }
        }
        if batch.len() == BATCH_LINES {
            f(std::mem::take(&mut batch), summary)?;
        }
    }
    if !batch.is_empty() {
        f(batch, summary)?;
    }
    Ok(())
}

fn str_field<'a>(obj: &'a Map<String, Value>, k: &str) -> Option<&'a str> {
    obj.get(k).and_then(Value::as_str)
}

/// The spans of a document as JSON objects.
pub fn spans_json(spans: &[Entity]) -> Value {
    Value::Array(
        spans
            .iter()
            .map(|e| serde_json::json!({"start": e.start, "end": e.end, "type": e.kind.name(), "subtype": e.subtype}))
            .collect(),
    )
}

/// The `pii detect` spans: [`spans_json`] with each one's confidence.
fn detected_json(spans: &[Entity]) -> Value {
    Value::Array(
        spans
            .iter()
            .map(|e| {
                let c = (f64::from(e.confidence()) * 100.0).round() / 100.0;
                serde_json::json!({"start": e.start, "end": e.end, "type": e.kind.name(), "subtype": e.subtype, "confidence": c})
            })
            .collect(),
    )
}

/// Everything one worker needs for a document.
struct Worker<'a> {
    detector: &'a Detector,
    applier: &'a Applier,
    opts: &'a PiiOptions,
    redact: bool,
}

impl Worker<'_> {
    fn process(
        &self,
        line: &Line,
        scratch: &mut (DetectScratch, Vec<Entity>, String, Vec<Entity>),
    ) -> (Out, Vec<Entity>) {
        let (detect, found, text_out, spans) = scratch;
        let obj = &line.obj;
        let text = str_field(obj, &self.opts.text_field).unwrap_or("");
        let lang = str_field(obj, "lang").unwrap_or(&self.opts.lang);
        let country = str_field(obj, "country").unwrap_or(&self.opts.country);
        found.clear();
        self.detector.detect(text, Hints { lang, country }, detect, found);
        let id = obj.get(&self.opts.id_field).cloned().unwrap_or(Value::from(line.no));
        if !self.redact {
            let v = serde_json::json!({"id": id, "spans": detected_json(found)});
            return (Out::Detected(v.to_string()), found.clone());
        }
        match self.applier.apply(text, found, text_out, spans) {
            Applied::Dropped => (Out::Dropped, found.clone()),
            applied => {
                let mut o = obj.clone();
                if applied == Applied::Redacted {
                    o.insert(self.opts.text_field.clone(), Value::String(text_out.clone()));
                }
                if self.opts.policy.writes_column() {
                    o.insert("pii".into(), spans_json(spans));
                }
                (Out::Redacted(Value::Object(o).to_string()), found.clone())
            }
        }
    }
}

/// Writes to a temporary file beside `path` and renames it on success, or
/// to standard output when `path` is `None`.
struct Sink {
    out: Box<dyn Write>,
    tmp: Option<(PathBuf, PathBuf)>,
}

impl Sink {
    fn new(path: Option<&Path>) -> Result<Sink> {
        match path {
            None => Ok(Sink { out: Box::new(std::io::BufWriter::new(std::io::stdout().lock())), tmp: None }),
            Some(p) => {
                let tmp = p.with_extension("jsonl.tmp");
                let f = std::fs::File::create(&tmp).map_err(|e| Error::io(&tmp, "create the output", e))?;
                Ok(Sink { out: Box::new(std::io::BufWriter::new(f)), tmp: Some((tmp, p.to_path_buf())) })
            }
        }
    }

    fn line(&mut self, s: &str) -> Result<()> {
        let err = |e| Error::io(Path::new("<output>"), "write the output", e);
        self.out.write_all(s.as_bytes()).map_err(err)?;
        self.out.write_all(b"\n").map_err(err)
    }

    fn finish(mut self) -> Result<()> {
        self.out.flush().map_err(|e| Error::io(Path::new("<output>"), "write the output", e))?;
        drop(self.out);
        if let Some((tmp, dest)) = self.tmp {
            std::fs::rename(&tmp, &dest).map_err(|e| Error::io(&dest, "move the output into place", e))?;
        }
        Ok(())
    }
}

/// Runs `pii detect` (`redact == false`) or `pii redact` on `input`,
/// writing to `output` (standard output when `None`).
///
/// # Errors
/// The input cannot be read, the output cannot be written, or a line is
/// unusable under `on_error = "fail"`.
pub fn run(input: &Path, output: Option<&Path>, opts: &PiiOptions, redact: bool) -> Result<PiiSummary> {
    let problems = opts.policy.problems();
    if !problems.is_empty() {
        return Err(Error::Config { origin: "pii options".into(), problems });
    }
    let detector = Detector::new(opts.policy.detector(), &opts.policy.enabled());
    let applier = opts.policy.compile();
    let worker = Worker { detector: &detector, applier: &applier, opts, redact };
    let mut sink = Sink::new(output)?;
    let mut summary = PiiSummary::default();
    for_batches(input, opts, &mut summary, |batch, summary| {
        let results: Vec<(Out, Vec<Entity>)> =
            batch.par_iter().map_init(Default::default, |s, line| worker.process(line, s)).collect();
        for (out, found) in results {
            for e in &found {
                *summary.found.entry(e.kind.name().to_string()).or_default() += 1;
            }
            match out {
                Out::Detected(s) | Out::Redacted(s) => {
                    sink.line(&s)?;
                    summary.written += 1;
                }
                Out::Dropped => summary.dropped += 1,
            }
        }
        Ok(())
    })?;
    sink.finish()?;
    Ok(summary)
}
