//! The decision ledger: one row per input record — kept, routed, removed
//! or unreadable — saying what each stage decided about it, never its
//! text. `decisions/part-IIIII-00000.parquet` holds input `IIIII`'s rows in
//! record order, written atomically beside the shards and listed in the
//! manifest. `eurocorpus trace` and `eurocorpus summary` read it; `audit`
//! checks it against `stats.json`.

use std::borrow::Cow;
use std::fs::File;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use arrow_array::builder::{Float32Builder, ListBuilder, StringBuilder, UInt32Builder, UInt64Builder};
use arrow_array::cast::AsArray;
use arrow_array::types::{Float32Type, UInt32Type, UInt64Type};
use arrow_array::{Array, ArrayRef, ListArray, RecordBatch, StructArray};
use arrow_buffer::OffsetBuffer;
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ProjectionMask;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::output::{shard_name, AtomicParquet, ShardInfo};

/// Folder of the ledger inside the output folder.
pub const DECISIONS_DIR: &str = "decisions";

/// Rows buffered before they are handed to the Parquet writer.
const BATCH_ROWS: usize = 8192;

/// What happened to a record, in the `decision` column.
pub mod verdict {
    /// Written to `data/`.
    pub const KEPT: &str = "kept";
    /// Written to `other/` (the langid stage's `other = "route"`).
    pub const ROUTED: &str = "routed";
    /// Removed by a stage (`stage`, `reason`).
    pub const REMOVED: &str = "removed";
    /// Unreadable or failed in a stage (`stage`, `reason` = error kind).
    pub const ERROR: &str = "error";
}

/// One ledger row. Borrowed when written, owned when read back.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Entry<'a> {
    /// The document's id (derived `source:record` for unreadable records).
    pub id: Cow<'a, str>,
    /// The input file, relative to its input root.
    pub source: Cow<'a, str>,
    /// 1-based record number in the input.
    pub record: u64,
    /// One of [`verdict`].
    pub decision: Cow<'a, str>,
    /// The stage that removed the record or failed on it.
    pub stage: Option<Cow<'a, str>>,
    /// Its reason (rule, `duplicate`, …) or error kind.
    pub reason: Option<Cow<'a, str>>,
    /// Stages that changed the text, in pipeline order.
    pub changed_by: Vec<Cow<'a, str>>,
    /// Language label, when identified.
    pub lang: Option<Cow<'a, str>>,
    /// Its score.
    pub lang_score: Option<f32>,
    /// Duplicate cluster id and size, when deduplication saw the document.
    pub dup_cluster_id: Option<u64>,
    /// Documents in that cluster.
    pub dup_cluster_size: Option<u64>,
    /// Personal data found by the pii stage: (type, count).
    pub pii: Vec<(Cow<'a, str>, u32)>,
    /// Tokens written.
    pub tokens: Option<u32>,
    /// Bytes of text when the decision was made (as written, when kept).
    pub text_bytes: u64,
    /// The shard a kept or routed document went to.
    pub shard: Option<Cow<'a, str>>,
    /// Host of the document's URL (metadata `url`), lowercased.
    pub domain: Option<Cow<'a, str>>,
    /// Date of the document (metadata `date`), as `YYYY-MM-DD`.
    pub date: Option<Cow<'a, str>>,
}

fn pii_fields() -> Fields {
    Fields::from(vec![Field::new("type", DataType::Utf8, false), Field::new("count", DataType::UInt32, false)])
}

fn utf8_list() -> DataType {
    DataType::List(Arc::new(Field::new("item", DataType::Utf8, true)))
}

/// The ledger's Arrow schema.
pub fn schema() -> SchemaRef {
    static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
    SCHEMA
        .get_or_init(|| {
            Arc::new(Schema::new(vec![
                Field::new("id", DataType::Utf8, false),
                Field::new("source", DataType::Utf8, false),
                Field::new("record", DataType::UInt64, false),
                Field::new("decision", DataType::Utf8, false),
                Field::new("stage", DataType::Utf8, true),
                Field::new("reason", DataType::Utf8, true),
                Field::new("changed_by", utf8_list(), false),
                Field::new("lang", DataType::Utf8, true),
                Field::new("lang_score", DataType::Float32, true),
                Field::new("dup_cluster_id", DataType::UInt64, true),
                Field::new("dup_cluster_size", DataType::UInt64, true),
                Field::new(
                    "pii",
                    DataType::List(Arc::new(Field::new("item", DataType::Struct(pii_fields()), false))),
                    false,
                ),
                Field::new("tokens", DataType::UInt32, true),
                Field::new("text_bytes", DataType::UInt64, false),
                Field::new("shard", DataType::Utf8, true),
                Field::new("domain", DataType::Utf8, true),
                Field::new("date", DataType::Utf8, true),
            ]))
        })
        .clone()
}

/// The ledger file of input `input`, relative to the output folder.
pub fn file_of(input: usize) -> String {
    format!("{DECISIONS_DIR}/{}", shard_name(input, 0))
}

/// `YYYY-MM-DD` from the start of a date or timestamp (`2023-03-20`,
/// `2023-03-20T10:11:12Z`, `2023/03/20 …`), when it is one.
pub fn day_of(value: &str) -> Option<String> {
    let b = value.trim().as_bytes();
    if b.len() < 10 || !(b[4] == b'-' || b[4] == b'/') || b[7] != b[4] {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && digits(5..7) && digits(8..10)) || b.get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let num = |r: std::ops::Range<usize>| b[r].iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    let (m, d) = (num(5..7), num(8..10));
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{}-{m:02}-{d:02}", &value.trim()[..4]))
}

/// Column builders for one batch of rows.
struct Builders {
    id: StringBuilder,
    source: StringBuilder,
    record: UInt64Builder,
    decision: StringBuilder,
    stage: StringBuilder,
    reason: StringBuilder,
    changed_by: ListBuilder<StringBuilder>,
    lang: StringBuilder,
    lang_score: Float32Builder,
    dup_id: UInt64Builder,
    dup_size: UInt64Builder,
    pii_type: StringBuilder,
    pii_count: UInt32Builder,
    pii_lens: Vec<usize>,
    tokens: UInt32Builder,
    text_bytes: UInt64Builder,
    shard: StringBuilder,
    domain: StringBuilder,
    date: StringBuilder,
}

impl Builders {
    fn new() -> Self {
        Builders {
            id: StringBuilder::new(),
            source: StringBuilder::new(),
            record: UInt64Builder::new(),
            decision: StringBuilder::new(),
            stage: StringBuilder::new(),
            reason: StringBuilder::new(),
            changed_by: ListBuilder::new(StringBuilder::new()),
            lang: StringBuilder::new(),
            lang_score: Float32Builder::new(),
            dup_id: UInt64Builder::new(),
            dup_size: UInt64Builder::new(),
            pii_type: StringBuilder::new(),
            pii_count: UInt32Builder::new(),
            pii_lens: Vec::new(),
            tokens: UInt32Builder::new(),
            text_bytes: UInt64Builder::new(),
            shard: StringBuilder::new(),
            domain: StringBuilder::new(),
            date: StringBuilder::new(),
        }
    }

    fn push(&mut self, e: &Entry) {
        self.id.append_value(&e.id);
        self.source.append_value(&e.source);
        self.record.append_value(e.record);
        self.decision.append_value(&e.decision);
        self.stage.append_option(e.stage.as_deref());
        self.reason.append_option(e.reason.as_deref());
        for s in &e.changed_by {
            self.changed_by.values().append_value(s);
        }
        self.changed_by.append(true);
        self.lang.append_option(e.lang.as_deref());
        self.lang_score.append_option(e.lang_score);
        self.dup_id.append_option(e.dup_cluster_id);
        self.dup_size.append_option(e.dup_cluster_size);
        for (t, n) in &e.pii {
            self.pii_type.append_value(t);
            self.pii_count.append_value(*n);
        }
        self.pii_lens.push(e.pii.len());
        self.tokens.append_option(e.tokens);
        self.text_bytes.append_value(e.text_bytes);
        self.shard.append_option(e.shard.as_deref());
        self.domain.append_option(e.domain.as_deref());
        self.date.append_option(e.date.as_deref());
    }

    fn finish(&mut self) -> Result<RecordBatch> {
        let pii_values = StructArray::new(
            pii_fields(),
            vec![Arc::new(self.pii_type.finish()), Arc::new(self.pii_count.finish())],
            None,
        );
        let pii = ListArray::new(
            Arc::new(Field::new("item", DataType::Struct(pii_fields()), false)),
            OffsetBuffer::from_lengths(self.pii_lens.drain(..)),
            Arc::new(pii_values),
            None,
        );
        let changed = self.changed_by.finish();
        let changed = ListArray::new(
            Arc::new(Field::new("item", DataType::Utf8, true)),
            changed.offsets().clone(),
            changed.values().clone(),
            None,
        );
        let cols: Vec<ArrayRef> = vec![
            Arc::new(self.id.finish()),
            Arc::new(self.source.finish()),
            Arc::new(self.record.finish()),
            Arc::new(self.decision.finish()),
            Arc::new(self.stage.finish()),
            Arc::new(self.reason.finish()),
            Arc::new(changed),
            Arc::new(self.lang.finish()),
            Arc::new(self.lang_score.finish()),
            Arc::new(self.dup_id.finish()),
            Arc::new(self.dup_size.finish()),
            Arc::new(pii),
            Arc::new(self.tokens.finish()),
            Arc::new(self.text_bytes.finish()),
            Arc::new(self.shard.finish()),
            Arc::new(self.domain.finish()),
            Arc::new(self.date.finish()),
        ];
        RecordBatch::try_new(schema(), cols).map_err(|e| Error::Internal(format!("building a ledger batch: {e}")))
    }
}

/// Writes one input's ledger file.
pub struct LedgerWriter {
    file: AtomicParquet,
    builders: Builders,
    pending: usize,
    rows: u64,
}

impl LedgerWriter {
    /// Starts the ledger of input `input` in output folder `out`.
    ///
    /// # Errors
    /// The file cannot be created.
    pub fn create(out: &Path, input: usize, props: parquet::file::properties::WriterProperties) -> Result<Self> {
        let file = AtomicParquet::create(out, &file_of(input), schema(), props)?;
        Ok(LedgerWriter { file, builders: Builders::new(), pending: 0, rows: 0 })
    }

    /// Appends one row.
    ///
    /// # Errors
    /// Writing a full batch failed.
    pub fn push(&mut self, e: &Entry) -> Result<()> {
        self.builders.push(e);
        self.pending += 1;
        self.rows += 1;
        if self.pending >= BATCH_ROWS {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        if self.pending > 0 {
            let batch = self.builders.finish()?;
            self.pending = 0;
            self.file.write(&batch, 32 << 20)?;
        }
        Ok(())
    }

    /// Publishes the file; its listing for the manifest.
    ///
    /// # Errors
    /// I/O or encoding errors naming the file.
    pub fn finish(mut self) -> Result<ShardInfo> {
        self.flush()?;
        let rows = self.rows;
        let (rel, bytes, sha256) = self.file.finish()?;
        Ok(ShardInfo { path: rel.to_string(), rows, tokens: 0, bytes, sha256 })
    }
}

/// Fails unless the output folder of `manifest` has a ledger (outputs of
/// versions before the ledger have none); `what` is the command's aim.
///
/// # Errors
/// The ledger is missing.
pub fn require(dir: &Path, manifest: &crate::manifest::Manifest, what: &str) -> Result<()> {
    if manifest.decisions.is_empty() && !manifest.inputs.is_empty() {
        return Err(Error::Output {
            path: dir.to_path_buf(),
            detail: format!("has no decision ledger (written by an older eurocorpus); rerun the pipeline to {what}"),
        });
    }
    Ok(())
}

/// Reads the ledger files `files` (paths relative to `dir`) in order and
/// calls `f` on every row.
///
/// # Errors
/// A file is missing, unreadable or not a ledger, named.
pub fn for_each(dir: &Path, files: &[ShardInfo], f: &mut dyn FnMut(Entry<'static>)) -> Result<()> {
    for s in files {
        let (path, b) = open(dir, s)?;
        let bad = |e: &dyn std::fmt::Display| unreadable(&path, e);
        for batch in b.with_batch_size(BATCH_ROWS).build().map_err(|e| bad(&e))? {
            let batch = batch.map_err(|e| bad(&e))?;
            for row in 0..batch.num_rows() {
                f(entry_at(&batch, row));
            }
        }
    }
    Ok(())
}

fn unreadable(path: &Path, e: &dyn std::fmt::Display) -> Error {
    Error::Output { path: path.to_path_buf(), detail: format!("not a readable ledger: {e}") }
}

/// Opens ledger file `s` of `dir` and checks its columns.
fn open(dir: &Path, s: &ShardInfo) -> Result<(std::path::PathBuf, ParquetRecordBatchReaderBuilder<File>)> {
    let path = dir.join(&s.path);
    let file = File::open(&path).map_err(|e| Error::io(&path, "open the decision ledger", e))?;
    let b = ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| unreadable(&path, &e))?;
    if b.schema().fields() != schema().fields() {
        return Err(Error::Output { path, detail: "its columns are not the decision ledger's".into() });
    }
    Ok((path, b))
}

/// Rows of the ledger files `files`, and how many of them were written
/// (kept or routed); reads the `decision` column only.
///
/// # Errors
/// A file is missing, unreadable or not a ledger, named.
pub fn count_written(dir: &Path, files: &[ShardInfo]) -> Result<(u64, u64)> {
    let (mut rows, mut written) = (0u64, 0u64);
    for s in files {
        let (path, b) = open(dir, s)?;
        let bad = |e: &dyn std::fmt::Display| unreadable(&path, e);
        let mask = ProjectionMask::columns(b.parquet_schema(), ["decision"]);
        for batch in b.with_projection(mask).with_batch_size(BATCH_ROWS).build().map_err(|e| bad(&e))? {
            let batch = batch.map_err(|e| bad(&e))?;
            let d = batch.column(0).as_string::<i32>();
            rows += d.len() as u64;
            written += d.iter().filter(|v| matches!(*v, Some(verdict::KEPT | verdict::ROUTED))).count() as u64;
        }
    }
    Ok((rows, written))
}

/// Row `i` of a ledger batch (whose schema was checked).
fn entry_at(b: &RecordBatch, i: usize) -> Entry<'static> {
    let text = |c: usize| -> Option<Cow<'static, str>> {
        let a = b.column(c).as_string::<i32>();
        a.is_valid(i).then(|| Cow::Owned(a.value(i).to_string()))
    };
    let u64_at = |c: usize| -> Option<u64> {
        let a = b.column(c).as_primitive::<UInt64Type>();
        a.is_valid(i).then(|| a.value(i))
    };
    let changed = b.column(6).as_list::<i32>().value(i);
    let changed = changed.as_string::<i32>();
    let pii = b.column(11).as_list::<i32>().value(i);
    let pii = pii.as_struct();
    let (kinds, counts) = (pii.column(0).as_string::<i32>(), pii.column(1).as_primitive::<UInt32Type>());
    let score = b.column(8).as_primitive::<Float32Type>();
    let tokens = b.column(12).as_primitive::<UInt32Type>();
    Entry {
        id: text(0).unwrap_or_default(),
        source: text(1).unwrap_or_default(),
        record: u64_at(2).unwrap_or(0),
        decision: text(3).unwrap_or_default(),
        stage: text(4),
        reason: text(5),
        changed_by: (0..changed.len()).map(|j| Cow::Owned(changed.value(j).to_string())).collect(),
        lang: text(7),
        lang_score: score.is_valid(i).then(|| score.value(i)),
        dup_cluster_id: u64_at(9),
        dup_cluster_size: u64_at(10),
        pii: (0..kinds.len()).map(|j| (Cow::Owned(kinds.value(j).to_string()), counts.value(j))).collect(),
        tokens: tokens.is_valid(i).then(|| tokens.value(i)),
        text_bytes: u64_at(13).unwrap_or(0),
        shard: text(14),
        domain: text(15),
        date: text(16),
    }
}

/// The row of a shard holding document `id` (reads the `id` column only).
///
/// # Errors
/// The shard is unreadable.
pub fn row_in_shard(path: &Path, id: &str) -> Result<Option<u64>> {
    let bad = |e: &dyn std::fmt::Display| Error::Output { path: path.to_path_buf(), detail: e.to_string() };
    let file = File::open(path).map_err(|e| Error::io(path, "open the shard", e))?;
    let b = ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| bad(&e))?;
    let mask = ProjectionMask::columns(b.parquet_schema(), ["id"]);
    let mut row = 0u64;
    for batch in b.with_projection(mask).build().map_err(|e| bad(&e))? {
        let batch = batch.map_err(|e| bad(&e))?;
        let ids = batch.column(0).as_string::<i32>();
        if let Some(p) = (0..ids.len()).find(|&j| ids.value(j) == id) {
            return Ok(Some(row + p as u64));
        }
        row += batch.num_rows() as u64;
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_from_dates_and_timestamps() {
        assert_eq!(day_of("2023-03-20T10:11:12Z").as_deref(), Some("2023-03-20"));
        assert_eq!(day_of(" 2023/03/20 ").as_deref(), Some("2023-03-20"));
        assert_eq!(day_of("2023-13-20"), None);
        assert_eq!(day_of("20230320"), None);
        assert_eq!(day_of("2023-03-201"), None);
        assert_eq!(day_of("2023-03/20"), None);
        assert_eq!(day_of("Mon, 20 Mar 2023"), None);
    }

    #[test]
    fn rows_round_trip_through_a_ledger_file() {
        let dir = tempfile::tempdir().unwrap();
        let props = parquet::file::properties::WriterProperties::builder().build();
        let mut w = LedgerWriter::create(dir.path(), 3, props).unwrap();
        let kept = Entry {
            id: "a".into(),
            source: "x.jsonl".into(),
            record: 1,
            decision: verdict::KEPT.into(),
            changed_by: vec!["normalize".into(), "pii".into()],
            lang: Some("de".into()),
            lang_score: Some(0.5),
            dup_cluster_id: Some(7),
            dup_cluster_size: Some(2),
            pii: vec![("EMAIL".into(), 2)],
            tokens: Some(12),
            text_bytes: 40,
            shard: Some("data/part-00003-00000.parquet".into()),
            domain: Some("example.eu".into()),
            date: Some("2024-01-31".into()),
            ..Default::default()
        };
        let removed = Entry {
            id: "x.jsonl:2".into(),
            source: "x.jsonl".into(),
            record: 2,
            decision: verdict::ERROR.into(),
            stage: Some("read".into()),
            reason: Some("malformed_json".into()),
            ..Default::default()
        };
        w.push(&kept).unwrap();
        w.push(&removed).unwrap();
        let info = w.finish().unwrap();
        assert_eq!((info.path.as_str(), info.rows), ("decisions/part-00003-00000.parquet", 2));
        let mut back = Vec::new();
        for_each(dir.path(), &[info], &mut |e| back.push(e)).unwrap();
        assert_eq!(back, vec![kept, removed]);
    }
}
