//! Parquet input, read batch by batch (never the whole file), decoding only
//! the configured columns.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Float32Type, Float64Type, Int16Type, Int32Type, Int64Type, Int8Type, UInt16Type, UInt32Type, UInt64Type, UInt8Type,
};
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::DataType;
use parquet::arrow::arrow_reader::{ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};
use parquet::arrow::ProjectionMask;

use super::{make_doc, FieldSpec, Item};
use crate::error::{ErrorKind, RecordError};

const BATCH_ROWS: usize = 1024;

/// Streams the rows of one Parquet file as documents.
pub struct ParquetReader {
    batches: ParquetRecordBatchReader,
    path: PathBuf,
    source: Arc<str>,
    spec: Arc<FieldSpec>,
    /// Column positions in the projected batch: text, id, lang, metadata.
    text: usize,
    id: Option<usize>,
    lang: Option<usize>,
    meta: Vec<Option<usize>>,
    current: Option<RecordBatch>,
    row_in_batch: usize,
    record: u64,
    /// Records before the first one read (a part's row groups start later).
    first_record: u64,
    total_rows: u64,
    file_bytes: u64,
    reported_bytes: u64,
    bytes_read: Arc<AtomicU64>,
    done: bool,
}

fn supported(dt: &DataType) -> bool {
    use DataType::*;
    matches!(
        dt,
        Utf8 | LargeUtf8
            | Utf8View
            | Binary
            | LargeBinary
            | BinaryView
            | Boolean
            | Int8
            | Int16
            | Int32
            | Int64
            | UInt8
            | UInt16
            | UInt32
            | UInt64
            | Float32
            | Float64
    )
}

impl ParquetReader {
    /// Opens the file and checks that the configured columns exist.
    ///
    /// # Errors
    /// `unreadable_file` or `malformed_parquet` for the whole file, and
    /// `missing_text` when the text column is absent.
    pub fn open(
        path: &Path,
        split: Option<super::Split>,
        source: Arc<str>,
        spec: Arc<FieldSpec>,
        bytes_read: Arc<AtomicU64>,
    ) -> Result<Self, RecordError> {
        let err =
            |kind: ErrorKind, detail: String| RecordError { path: path.to_path_buf(), record: None, kind, detail };
        let file = File::open(path).map_err(|e| err(ErrorKind::UnreadableFile, e.to_string()))?;
        let file_bytes = file.metadata().map(|m| m.len()).unwrap_or(0);
        let builder = ParquetRecordBatchReaderBuilder::try_new(Bounded::new(file))
            .map_err(|e| err(ErrorKind::MalformedParquet, e.to_string()))?;
        let schema = builder.schema().clone();
        let find = |name: &str| -> Result<Option<usize>, RecordError> {
            if name.is_empty() {
                return Ok(None);
            }
            match schema.index_of(name) {
                Ok(i) if supported(schema.field(i).data_type()) => Ok(Some(i)),
                Ok(i) => Err(err(
                    ErrorKind::MalformedParquet,
                    format!("column {name:?} has type {}, which cannot be read as text", schema.field(i).data_type()),
                )),
                Err(_) => Ok(None),
            }
        };
        let Some(text) = find(&spec.text)? else {
            let names: Vec<_> = schema.fields().iter().map(|f| f.name().as_str()).collect();
            return Err(err(
                ErrorKind::MissingText,
                format!("no column {:?} (columns: {})", spec.text, names.join(", ")),
            ));
        };
        let id = find(&spec.id)?;
        let lang = find(&spec.lang)?;
        let meta = spec.metadata.iter().map(|m| find(m)).collect::<Result<Vec<_>, _>>()?;
        // Projection keeps file order; map each wanted root column to its
        // position among the projected ones.
        let mut roots: Vec<usize> =
            [Some(text), id, lang].into_iter().flatten().chain(meta.iter().flatten().copied()).collect();
        roots.sort_unstable();
        roots.dedup();
        let pos = |i: usize| roots.binary_search(&i).expect("projected column");
        let mut total_rows = builder.metadata().file_metadata().num_rows().max(0) as u64;
        let mut builder = builder;
        let (mut record, mut file_bytes) = (0, file_bytes);
        if let Some(s) = split {
            // A part: its row groups, numbered after the rows before them.
            let groups = builder.metadata().row_groups();
            if s.end as usize > groups.len() || s.start >= s.end {
                let detail = format!(
                    "row groups {}..{} of {} (the file changed since it was listed)",
                    s.start,
                    s.end,
                    groups.len()
                );
                return Err(err(ErrorKind::MalformedParquet, detail));
            }
            let range = s.start as usize..s.end as usize;
            total_rows = groups[range.clone()].iter().map(|g| g.num_rows().max(0) as u64).sum();
            file_bytes = groups[range.clone()].iter().map(|g| g.compressed_size().max(0) as u64).sum();
            record = s.records_before.unwrap_or(0);
            builder = builder.with_row_groups(range.collect());
        }
        let mask = ProjectionMask::roots(builder.parquet_schema(), roots.iter().copied());
        let batches = builder
            .with_projection(mask)
            .with_batch_size(BATCH_ROWS)
            .build()
            .map_err(|e| err(ErrorKind::MalformedParquet, e.to_string()))?;
        Ok(ParquetReader {
            batches,
            path: path.to_path_buf(),
            source,
            text: pos(text),
            id: id.map(pos),
            lang: lang.map(pos),
            meta: meta.iter().map(|m| m.map(pos)).collect(),
            spec,
            current: None,
            row_in_batch: 0,
            record,
            first_record: record,
            total_rows,
            file_bytes,
            reported_bytes: 0,
            bytes_read,
            done: false,
        })
    }

    fn report_progress(&mut self) {
        if self.total_rows == 0 {
            return;
        }
        let target = self.file_bytes * (self.record - self.first_record) / self.total_rows;
        if target > self.reported_bytes {
            self.bytes_read.fetch_add(target - self.reported_bytes, Ordering::Relaxed);
            self.reported_bytes = target;
        }
    }

    fn row(&mut self, batch: &RecordBatch, row: usize) -> Item {
        self.record += 1;
        let bad = |kind, detail: String, record| {
            Item::Bad(RecordError { path: self.path.clone(), record: Some(record), kind, detail })
        };
        let text = match value_at(batch.column(self.text), row) {
            Ok(Some(t)) => t,
            Ok(None) => {
                return bad(ErrorKind::MissingText, format!("column {:?} is null", self.spec.text), self.record)
            }
            Err(at) => {
                return bad(
                    ErrorKind::InvalidUtf8,
                    format!("invalid UTF-8 at byte {at} of column {:?}", self.spec.text),
                    self.record,
                )
            }
        };
        if text.len() as u64 > self.spec.max_document_bytes {
            let max = self.spec.max_document_bytes;
            return bad(
                ErrorKind::TooLarge,
                format!("text of {} bytes exceeds input.max_document_bytes = {max}", text.len()),
                self.record,
            );
        }
        let get = |c: Option<usize>| c.and_then(|c| value_at(batch.column(c), row).ok().flatten());
        let id = get(self.id);
        let lang = get(self.lang);
        let meta = self.meta.iter().map(|&c| get(c)).collect();
        Item::Doc(make_doc(&self.source, self.record, id, text, lang, meta))
    }
}

/// The value of one cell as text: `Ok(None)` for null, `Err(offset)` for
/// binary data that is not UTF-8.
fn value_at(col: &ArrayRef, row: usize) -> Result<Option<String>, usize> {
    if col.is_null(row) {
        return Ok(None);
    }
    let bytes_to_string = |b: &[u8]| String::from_utf8(b.to_vec()).map(Some).map_err(|e| e.utf8_error().valid_up_to());
    Ok(Some(match col.data_type() {
        DataType::Utf8 => col.as_string::<i32>().value(row).to_string(),
        DataType::LargeUtf8 => col.as_string::<i64>().value(row).to_string(),
        DataType::Utf8View => col.as_string_view().value(row).to_string(),
        DataType::Binary => return bytes_to_string(col.as_binary::<i32>().value(row)),
        DataType::LargeBinary => return bytes_to_string(col.as_binary::<i64>().value(row)),
        DataType::BinaryView => return bytes_to_string(col.as_binary_view().value(row)),
        DataType::Boolean => col.as_boolean().value(row).to_string(),
        DataType::Int8 => col.as_primitive::<Int8Type>().value(row).to_string(),
        DataType::Int16 => col.as_primitive::<Int16Type>().value(row).to_string(),
        DataType::Int32 => col.as_primitive::<Int32Type>().value(row).to_string(),
        DataType::Int64 => col.as_primitive::<Int64Type>().value(row).to_string(),
        DataType::UInt8 => col.as_primitive::<UInt8Type>().value(row).to_string(),
        DataType::UInt16 => col.as_primitive::<UInt16Type>().value(row).to_string(),
        DataType::UInt32 => col.as_primitive::<UInt32Type>().value(row).to_string(),
        DataType::UInt64 => col.as_primitive::<UInt64Type>().value(row).to_string(),
        DataType::Float32 => col.as_primitive::<Float32Type>().value(row).to_string(),
        DataType::Float64 => col.as_primitive::<Float64Type>().value(row).to_string(),
        _ => return Ok(None),
    }))
}

/// How many reads at the end of the file one file may make. The Parquet
/// crate's page-header decoder, given a damaged header that announces
/// billions of elements, reads on at the end of the file, getting nothing,
/// for minutes (found by the read_parquet fuzz target); a sound file is
/// read to its end a few times at most.
const MAX_EOF_READS: u64 = 1024;

/// The input file as the Parquet reader sees it: reads past the end are
/// counted, and fail beyond [`MAX_EOF_READS`].
struct Bounded {
    file: File,
    eof_reads: Arc<AtomicU64>,
}

impl Bounded {
    fn new(file: File) -> Self {
        Bounded { file, eof_reads: Arc::new(AtomicU64::new(0)) }
    }
}

impl parquet::file::reader::Length for Bounded {
    fn len(&self) -> u64 {
        self.file.len()
    }
}

impl parquet::file::reader::ChunkReader for Bounded {
    type T = std::io::BufReader<BoundedRead>;

    fn get_read(&self, start: u64) -> parquet::errors::Result<Self::T> {
        use std::io::Seek;
        let mut file = self.file.try_clone()?;
        file.seek(std::io::SeekFrom::Start(start))?;
        Ok(std::io::BufReader::new(BoundedRead { file, eof_reads: self.eof_reads.clone() }))
    }

    fn get_bytes(&self, start: u64, length: usize) -> parquet::errors::Result<bytes::Bytes> {
        self.file.get_bytes(start, length)
    }
}

struct BoundedRead {
    file: File,
    eof_reads: Arc<AtomicU64>,
}

impl std::io::Read for BoundedRead {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.file.read(buf)?;
        if n == 0 && !buf.is_empty() && self.eof_reads.fetch_add(1, Ordering::Relaxed) >= MAX_EOF_READS {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                "the file ends inside a page (a damaged page header)",
            ));
        }
        Ok(n)
    }
}

/// The error for a file the decoder gave up on (it panicked).
pub(super) fn corrupt(path: &Path, record: Option<u64>) -> RecordError {
    RecordError {
        path: path.to_path_buf(),
        record,
        kind: ErrorKind::MalformedParquet,
        detail: "the file is corrupt: the Parquet decoder failed on it".into(),
    }
}

impl Iterator for ParquetReader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        if self.done {
            return None;
        }
        match super::guard_decoder(|| self.next_unguarded()) {
            Some(item) => item,
            None => {
                self.done = true;
                Some(Item::Bad(corrupt(&self.path, Some(self.record + 1))))
            }
        }
    }
}

impl ParquetReader {
    fn next_unguarded(&mut self) -> Option<Item> {
        loop {
            if self.done {
                return None;
            }
            if let Some(batch) = self.current.take() {
                if self.row_in_batch < batch.num_rows() {
                    let row = self.row_in_batch;
                    self.row_in_batch += 1;
                    let item = self.row(&batch, row);
                    self.current = Some(batch);
                    return Some(item);
                }
            }
            self.report_progress();
            match self.batches.next() {
                None => self.done = true,
                Some(Ok(batch)) => {
                    self.current = Some(batch);
                    self.row_in_batch = 0;
                }
                Some(Err(e)) => {
                    self.done = true;
                    return Some(Item::Bad(RecordError {
                        path: self.path.clone(),
                        record: Some(self.record + 1),
                        kind: ErrorKind::MalformedParquet,
                        detail: e.to_string(),
                    }));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicU64;

    use super::*;
    use crate::config::{InputCompression, TextSplit};
    use crate::input::{open, InputFile, ResolvedFormat};

    #[test]
    fn a_damaged_page_header_is_an_error_not_minutes_of_reading() {
        // Found by the read_parquet fuzz target: a page header that makes
        // the decoder read at the end of the file, getting nothing, for
        // over a minute. Ends at the read budget, located.
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/fuzz/parquet-endless-header.parquet");
        let items = read(&path);
        let Some(Item::Bad(e)) = items.last() else { panic!("the file must end with an error: {items:?}") };
        assert_eq!(e.kind, ErrorKind::MalformedParquet);
        assert!(e.detail.contains("the file ends inside a page (a damaged page header)"), "{e}");
    }

    fn read(path: &Path) -> Vec<Item> {
        let file = InputFile {
            path: path.to_path_buf(),
            source: "x.parquet".into(),
            format: ResolvedFormat::Parquet,
            compression: InputCompression::Auto,
            bytes: 0,
            split: None,
        };
        let spec = Arc::new(FieldSpec {
            text: "text".into(),
            id: "id".into(),
            lang: "lang".into(),
            metadata: vec!["url".into(), "meta".into()],
            max_document_bytes: 4096,
            text_split: TextSplit::File,
        });
        open(&file, &spec, Arc::new(AtomicU64::new(0))).collect()
    }

    #[test]
    fn a_file_the_decoder_panics_on_is_a_located_error() {
        // Found by the read_parquet fuzz target: a damaged copy of the
        // fixture Parquet file on which the Arrow crate panics.
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/fuzz/parquet-decoder-panic.parquet");
        let items = read(&path);
        let Some(Item::Bad(e)) = items.last() else { panic!("the file must end with an error: {items:?}") };
        assert_eq!(e.kind, ErrorKind::MalformedParquet);
        assert_eq!(e.path, path);
        assert_eq!(e.detail, "the file is corrupt: the Parquet decoder failed on it", "{e}");
    }
}
