//! Writing documents as sharded Parquet: the output schema, hive-style
//! partition folders, shard roll-over, and atomic publication (a shard is
//! written as a hidden `.tmp` file, hashed while written, synced, then
//! renamed, so readers never see half a shard).

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder, UInt32Builder, UInt64Builder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression as PqCompression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use parquet::schema::types::ColumnPath;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::config::{Compression, OutputConfig, PartitionBy};
use crate::doc::Document;
use crate::error::{Error, Result};
use crate::stages::hex;

/// Folder of the shards inside the output folder. Keeping them apart from
/// `manifest.json` and `stats.json` lets `pyarrow.parquet.read_table`,
/// `datasets.load_dataset("parquet", data_dir=…)` and Spark read the folder
/// as a dataset (they choke on the JSON files otherwise), as in HF dataset
/// repositories.
pub const DATA_DIR: &str = "data";

/// Folder of the documents a stage routed away from `data/` (the langid
/// stage's `other = "route"`): same schema and partitioning.
pub const OTHER_DIR: &str = "other";

/// Largest row group, in uncompressed bytes buffered (bounds memory per
/// open shard).
const MAX_ROW_GROUP_BYTES: u64 = 64 * 1024 * 1024;

/// Column names the output schema uses itself; metadata may not reuse them.
pub const RESERVED_COLUMNS: &[&str] = &[
    "id",
    "text",
    "lang",
    "lang_score",
    "source",
    "record",
    "input_ids",
    "num_tokens",
    "dup_cluster_size",
    "dup_cluster_id",
    "pii",
];

/// The `pii` column of a batch.
fn pii_column(docs: &[&Document]) -> ArrayRef {
    use arrow_array::{ListArray, StructArray};
    use arrow_buffer::OffsetBuffer;
    let total: usize = docs.iter().map(|d| d.pii.len()).sum();
    let mut kind = StringBuilder::with_capacity(total, total * 8);
    let mut sub = StringBuilder::with_capacity(total, total * 4);
    let mut start = UInt64Builder::with_capacity(total);
    let mut end = UInt64Builder::with_capacity(total);
    for e in docs.iter().flat_map(|d| &d.pii) {
        kind.append_value(e.kind.name());
        sub.append_value(e.subtype);
        start.append_value(e.start as u64);
        end.append_value(e.end as u64);
    }
    let cols: Vec<ArrayRef> =
        vec![Arc::new(kind.finish()), Arc::new(sub.finish()), Arc::new(start.finish()), Arc::new(end.finish())];
    let values = StructArray::new(pii_struct_fields(), cols, None);
    let offsets = OffsetBuffer::from_lengths(docs.iter().map(|d| d.pii.len()));
    Arc::new(ListArray::new(Arc::new(pii_item_field()), offsets, Arc::new(values), None))
}

/// One written shard, as listed in the manifest.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ShardInfo {
    /// Path relative to the output folder, `/`-separated.
    pub path: String,
    /// Rows (documents).
    pub rows: u64,
    /// Tokens in `input_ids` (0 when not tokenized).
    pub tokens: u64,
    /// File size.
    pub bytes: u64,
    /// SHA-256 of the file, hex.
    pub sha256: String,
}

/// The columns a run writes, fixed before the first document.
#[derive(Debug, Clone)]
pub struct OutputSchema {
    schema: SchemaRef,
    keep_text: bool,
    lang_column: bool,
    columns: Columns,
    metadata: usize,
}

/// The optional columns a run writes, decided by its stages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Columns {
    /// `input_ids` and `num_tokens` (a tokenize stage).
    pub tokens: bool,
    /// `dup_cluster_size` and `dup_cluster_id` (dedup with `keep_clusters`).
    pub clusters: bool,
    /// `pii` (the pii stage with `column = true`).
    pub pii: bool,
    /// `lang_score` (a langid stage).
    pub lang_score: bool,
}

/// The element type of the `pii` column: one value's kind and byte span in
/// the written text.
fn pii_struct_fields() -> arrow_schema::Fields {
    arrow_schema::Fields::from(vec![
        Field::new("type", DataType::Utf8, false),
        Field::new("subtype", DataType::Utf8, false),
        Field::new("start", DataType::UInt64, false),
        Field::new("end", DataType::UInt64, false),
    ])
}

fn pii_item_field() -> Field {
    Field::new("item", DataType::Struct(pii_struct_fields()), false)
}

impl OutputSchema {
    /// The schema for an output config: `id, text?, lang?, lang_score?,
    /// source, record, input_ids?, num_tokens?, <metadata…>`. `lang` is left out of the
    /// files when partitioning by language (it is in the folder name, as
    /// Hive, Spark, DuckDB and pyarrow expect).
    /// With `clusters`, `dup_cluster_size` and `dup_cluster_id` (uint64)
    /// follow the token columns; with `pii`, the `pii` column (list of
    /// `{type, subtype, start, end}`, byte offsets in `text`) follows them.
    pub fn new(cfg: &OutputConfig, columns: Columns, metadata: &[String]) -> Self {
        let lang_column = cfg.partition_by != PartitionBy::Lang;
        let mut fields = vec![Field::new("id", DataType::Utf8, false)];
        if cfg.keep_text {
            fields.push(Field::new("text", DataType::Utf8, false));
        }
        if lang_column {
            fields.push(Field::new("lang", DataType::Utf8, false));
        }
        if columns.lang_score {
            fields.push(Field::new("lang_score", DataType::Float32, false));
        }
        fields.push(Field::new("source", DataType::Utf8, false));
        fields.push(Field::new("record", DataType::UInt64, false));
        if columns.tokens {
            fields.push(Field::new(
                "input_ids",
                DataType::List(Arc::new(Field::new("item", DataType::UInt32, true))),
                false,
            ));
            fields.push(Field::new("num_tokens", DataType::UInt32, false));
        }
        if columns.clusters {
            fields.push(Field::new("dup_cluster_size", DataType::UInt64, false));
            fields.push(Field::new("dup_cluster_id", DataType::UInt64, false));
        }
        if columns.pii {
            fields.push(Field::new("pii", DataType::List(Arc::new(pii_item_field())), false));
        }
        for m in metadata {
            fields.push(Field::new(m, DataType::Utf8, true));
        }
        OutputSchema {
            schema: Arc::new(Schema::new(fields)),
            keep_text: cfg.keep_text,
            lang_column,
            columns,
            metadata: metadata.len(),
        }
    }

    /// The Arrow schema.
    pub fn schema(&self) -> &SchemaRef {
        &self.schema
    }

    /// Builds a record batch from documents.
    ///
    /// # Errors
    /// Only on an internal inconsistency (column lengths).
    pub fn batch(&self, docs: &[&Document]) -> Result<RecordBatch> {
        let n = docs.len();
        let strings = |f: &dyn Fn(&Document) -> &str| -> ArrayRef {
            let bytes = docs.iter().map(|d| f(d).len()).sum();
            let mut b = StringBuilder::with_capacity(n, bytes);
            for d in docs {
                b.append_value(f(d));
            }
            Arc::new(b.finish())
        };
        let mut cols: Vec<ArrayRef> = vec![strings(&|d| &d.id)];
        if self.keep_text {
            cols.push(strings(&|d| &d.text));
        }
        if self.lang_column {
            cols.push(strings(&|d| &d.lang));
        }
        if self.columns.lang_score {
            let mut b = arrow_array::builder::Float32Builder::with_capacity(n);
            docs.iter().for_each(|d| b.append_value(d.lang_score.unwrap_or(0.0)));
            cols.push(Arc::new(b.finish()));
        }
        cols.push(strings(&|d| &d.source));
        let mut rec = UInt64Builder::with_capacity(n);
        docs.iter().for_each(|d| rec.append_value(d.record));
        cols.push(Arc::new(rec.finish()));
        if self.columns.tokens {
            let total: usize = docs.iter().map(|d| d.tokens.len()).sum();
            let mut ids = ListBuilder::with_capacity(UInt32Builder::with_capacity(total), n)
                .with_field(Arc::new(Field::new("item", DataType::UInt32, true)));
            let mut counts = UInt32Builder::with_capacity(n);
            for d in docs {
                ids.values().append_slice(&d.tokens);
                ids.append(true);
                counts.append_value(u32::try_from(d.tokens.len()).unwrap_or(u32::MAX));
            }
            cols.push(Arc::new(ids.finish()));
            cols.push(Arc::new(counts.finish()));
        }
        if self.columns.clusters {
            let mut size = UInt64Builder::with_capacity(n);
            let mut id = UInt64Builder::with_capacity(n);
            for d in docs {
                let (s, c) = d.dup.unwrap_or((1, 0));
                size.append_value(s);
                id.append_value(c);
            }
            cols.push(Arc::new(size.finish()));
            cols.push(Arc::new(id.finish()));
        }
        if self.columns.pii {
            cols.push(pii_column(docs));
        }
        for m in 0..self.metadata {
            let mut b = StringBuilder::with_capacity(n, 0);
            for d in docs {
                b.append_option(d.meta.get(m).and_then(|v| v.as_deref()));
            }
            cols.push(Arc::new(b.finish()));
        }
        RecordBatch::try_new(self.schema.clone(), cols)
            .map_err(|e| Error::Internal(format!("building a record batch: {e}")))
    }
}

/// Hive partition folder name for a value: `lang=de`; empty values use
/// Hive's null marker, other bytes outside `[A-Za-z0-9._-]` are
/// percent-encoded (as Hive does), so `/` never appears and, with the
/// `key=` prefix, no value can name a path outside the output folder.
pub fn partition_dir(key: &str, value: &str) -> String {
    if value.is_empty() {
        return format!("{key}=__HIVE_DEFAULT_PARTITION__");
    }
    let mut s = format!("{key}=");
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.' {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s
}

/// Parquet writer settings for shards of an output config (also used when
/// `erase` rewrites a shard, so a rewritten shard is encoded like the rest).
pub fn writer_properties(cfg: &OutputConfig) -> WriterProperties {
    let compression = match cfg.compression {
        Compression::Zstd => PqCompression::ZSTD(ZstdLevel::try_new(cfg.compression_level).unwrap_or_default()),
        Compression::Snappy => PqCompression::SNAPPY,
        Compression::None => PqCompression::UNCOMPRESSED,
    };
    // Texts and ids are unique per row: a dictionary would only be built to
    // be abandoned at its size limit (measured: 4 % of a tokenizing run).
    WriterProperties::builder()
        .set_column_dictionary_enabled(ColumnPath::from("text"), false)
        .set_column_dictionary_enabled(ColumnPath::from("id"), false)
        .set_compression(compression)
        .set_max_row_group_row_count(Some(cfg.row_group_rows))
        .set_created_by(format!("eurocorpus {}", env!("CARGO_PKG_VERSION")))
        .build()
}

/// File name of part `part` of input `input`.
pub fn shard_name(input: usize, part: u32) -> String {
    format!("part-{input:05}-{part:05}.parquet")
}

/// True for names that [`shard_name`] makes, and for their temporary files.
pub fn is_shard_name(name: &str) -> Option<usize> {
    let core = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")).unwrap_or(name);
    let rest = core.strip_prefix("part-")?.strip_suffix(".parquet")?;
    let (input, part) = rest.split_once('-')?;
    if input.len() == 5 && part.len() == 5 && part.bytes().all(|b| b.is_ascii_digit()) {
        input.parse().ok()
    } else {
        None
    }
}

/// A writer that hashes and counts what passes through it.
struct HashingWriter {
    inner: BufWriter<File>,
    hasher: Sha256,
    bytes: u64,
}

impl Write for HashingWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// A Parquet file written atomically: a hidden `.tmp` beside its
/// destination, hashed and counted while written, synced, then renamed.
pub(crate) struct AtomicParquet {
    writer: ArrowWriter<HashingWriter>,
    tmp: PathBuf,
    dest: PathBuf,
    rel: Arc<str>,
}

impl AtomicParquet {
    /// Starts `root/rel` (its folder created as needed).
    pub(crate) fn create(root: &Path, rel: &str, schema: SchemaRef, props: WriterProperties) -> Result<Self> {
        let dest = root.join(rel);
        let dir = dest.parent().unwrap_or(root);
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, "create the folder", e))?;
        let name = dest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let tmp = dir.join(format!(".{name}.tmp"));
        let file = File::create(&tmp).map_err(|e| Error::io(&tmp, "create the file", e))?;
        let sink = HashingWriter { inner: BufWriter::with_capacity(1 << 20, file), hasher: Sha256::new(), bytes: 0 };
        let writer = ArrowWriter::try_new(sink, schema, Some(props))
            .map_err(|e| Error::Parquet { path: tmp.clone(), detail: e.to_string() })?;
        Ok(AtomicParquet { writer, tmp, dest, rel: rel.into() })
    }

    /// Appends a batch; with `flush_bytes`, cuts a row group once that much
    /// is buffered.
    pub(crate) fn write(&mut self, batch: &RecordBatch, flush_bytes: u64) -> Result<()> {
        let err = |e: parquet::errors::ParquetError| Error::Parquet { path: self.tmp.clone(), detail: e.to_string() };
        self.writer.write(batch).map_err(err)?;
        if self.writer.in_progress_size() as u64 >= flush_bytes {
            self.writer.flush().map_err(err)?;
        }
        Ok(())
    }

    /// Closes, syncs and publishes the file: `(path relative to the root,
    /// bytes, SHA-256 hex)`.
    pub(crate) fn finish(self) -> Result<(Arc<str>, u64, String)> {
        let AtomicParquet { writer, tmp, dest, rel } = self;
        let sink = writer.into_inner().map_err(|e| Error::Parquet { path: tmp.clone(), detail: e.to_string() })?;
        let HashingWriter { inner, hasher, bytes } = sink;
        let file = inner.into_inner().map_err(|e| Error::io(&tmp, "write the file", e.into_error()))?;
        file.sync_all().map_err(|e| Error::io(&tmp, "sync the file", e))?;
        drop(file);
        std::fs::rename(&tmp, &dest).map_err(|e| Error::io(&dest, "publish the file", e))?;
        Ok((rel, bytes, hex(&hasher.finalize())))
    }
}

struct OpenShard {
    file: AtomicParquet,
    rows: u64,
    tokens: u64,
}

/// Writes one input's documents into its shards, rolling over at the
/// configured limits. Shards of input `i` are `part-{i:05}-{n:05}.parquet`,
/// so inputs never share a file and each input can be redone alone.
pub struct ShardWriter<'a> {
    root: PathBuf,
    input: usize,
    schema: &'a OutputSchema,
    cfg: &'a OutputConfig,
    props: WriterProperties,
    open: BTreeMap<String, OpenShard>,
    next_part: BTreeMap<String, u32>,
    done: Vec<ShardInfo>,
    /// Uncompressed bytes buffered before a row group is written.
    flush_bytes: u64,
}

impl<'a> ShardWriter<'a> {
    /// A writer for input number `input` of the output folder `root` (shards
    /// go to `root/data/`).
    pub fn new(root: &Path, input: usize, schema: &'a OutputSchema, cfg: &'a OutputConfig) -> Self {
        let props = writer_properties(cfg);
        ShardWriter {
            root: root.to_path_buf(),
            input,
            schema,
            cfg,
            props,
            open: BTreeMap::new(),
            next_part: BTreeMap::new(),
            done: Vec::new(),
            flush_bytes: match cfg.shard_max_bytes {
                0 => MAX_ROW_GROUP_BYTES,
                n => (n / 4).clamp(1, MAX_ROW_GROUP_BYTES),
            },
        }
    }

    /// The folder, relative to the output root, of a document's shard.
    fn partition_of(&self, doc: &Document) -> String {
        let top = if doc.routed { OTHER_DIR } else { DATA_DIR };
        match self.cfg.partition_by {
            PartitionBy::None => top.to_string(),
            PartitionBy::Lang => format!("{top}/{}", partition_dir("lang", &doc.lang)),
        }
    }

    /// Appends documents (in order) to their partition's current shard and
    /// returns each document's shard (path relative to the output folder).
    ///
    /// # Errors
    /// I/O or Parquet encoding errors, naming the shard.
    pub fn write(&mut self, docs: &[&Document]) -> Result<Vec<Arc<str>>> {
        let mut groups: BTreeMap<String, Vec<(usize, &Document)>> = BTreeMap::new();
        for (i, d) in docs.iter().enumerate() {
            groups.entry(self.partition_of(d)).or_default().push((i, d));
        }
        let mut located: Vec<Option<Arc<str>>> = vec![None; docs.len()];
        for (part, members) in groups {
            let docs: Vec<&Document> = members.iter().map(|m| m.1).collect();
            let mut at = members.iter().map(|m| m.0);
            let mut rest = &docs[..];
            while !rest.is_empty() {
                let shard = self.shard_for(&part)?;
                let mut take = 0;
                let mut slice_bytes = 0u64;
                let (mut rows, mut tokens) = (shard.rows, shard.tokens);
                for d in rest {
                    let t = d.tokens.len() as u64;
                    if take > 0 && slice_bytes >= self.flush_bytes {
                        break;
                    }
                    let fits = (self.cfg.shard_max_rows == 0 || rows < self.cfg.shard_max_rows)
                        && (self.cfg.shard_max_tokens == 0 || tokens + t <= self.cfg.shard_max_tokens);
                    // A document larger than the token limit still goes,
                    // alone, into an empty shard.
                    if !fits && (take > 0 || rows > 0) {
                        break;
                    }
                    take += 1;
                    rows += 1;
                    tokens += t;
                    slice_bytes += (d.id.len() + d.text.len() + d.source.len()) as u64 + 4 * t + 32;
                }
                if take == 0 {
                    self.close(&part)?;
                    continue;
                }
                let batch = self.schema.batch(&rest[..take])?;
                let shard = self.open.get_mut(&part).expect("shard opened above");
                // Row groups are also cut by size, so that `bytes_written`
                // (compressed, on disk) tracks the shard's real size; the
                // buffered size is uncompressed and would close shards early.
                shard.file.write(&batch, self.flush_bytes)?;
                shard.rows = rows;
                shard.tokens = tokens;
                for i in at.by_ref().take(take) {
                    located[i] = Some(shard.file.rel.clone());
                }
                let bytes = shard.file.writer.bytes_written() as u64;
                let full = (self.cfg.shard_max_rows > 0 && rows >= self.cfg.shard_max_rows)
                    || (self.cfg.shard_max_tokens > 0 && tokens >= self.cfg.shard_max_tokens)
                    || (self.cfg.shard_max_bytes > 0 && bytes >= self.cfg.shard_max_bytes);
                rest = &rest[take..];
                if full {
                    self.close(&part)?;
                }
            }
        }
        Ok(located.into_iter().map(|l| l.expect("every document was placed")).collect())
    }

    fn shard_for(&mut self, part: &str) -> Result<&mut OpenShard> {
        if !self.open.contains_key(part) {
            let n = self.next_part.entry(part.to_string()).or_insert(0);
            let rel = format!("{part}/{}", shard_name(self.input, *n));
            *n += 1;
            let file = AtomicParquet::create(&self.root, &rel, self.schema.schema().clone(), self.props.clone())?;
            self.open.insert(part.to_string(), OpenShard { file, rows: 0, tokens: 0 });
        }
        Ok(self.open.get_mut(part).expect("inserted above"))
    }

    fn close(&mut self, part: &str) -> Result<()> {
        let Some(OpenShard { file, rows, tokens }) = self.open.remove(part) else { return Ok(()) };
        let (rel, bytes, sha256) = file.finish()?;
        self.done.push(ShardInfo { path: rel.to_string(), rows, tokens, bytes, sha256 });
        Ok(())
    }

    /// Closes every open shard and returns all shards written, by path.
    ///
    /// # Errors
    /// As for [`ShardWriter::write`].
    pub fn finish(mut self) -> Result<Vec<ShardInfo>> {
        let parts: Vec<String> = self.open.keys().cloned().collect();
        for p in parts {
            self.close(&p)?;
        }
        self.done.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(self.done)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partition_values_cannot_escape() {
        assert_eq!(partition_dir("lang", "de"), "lang=de");
        assert_eq!(partition_dir("lang", ""), "lang=__HIVE_DEFAULT_PARTITION__");
        assert_eq!(partition_dir("lang", "../../etc"), "lang=..%2F..%2Fetc");
        assert_eq!(partition_dir("lang", ".."), "lang=..");
        assert_eq!(partition_dir("lang", "pt-BR"), "lang=pt-BR");
    }

    #[test]
    fn shard_names_round_trip() {
        assert_eq!(shard_name(3, 12), "part-00003-00012.parquet");
        assert_eq!(is_shard_name("part-00003-00012.parquet"), Some(3));
        assert_eq!(is_shard_name(".part-00003-00012.parquet.tmp"), Some(3));
        assert_eq!(is_shard_name("part-3-1.parquet"), None);
        assert_eq!(is_shard_name("data.parquet"), None);
    }
}
