//! Reading raw corpora: finding the input files, then streaming each one as
//! a sequence of [`Item`]s (a document, or a located error).
//!
//! Every reader streams: memory is bounded by one record (and, for Parquet,
//! one row-group batch), never by the file. A bad record becomes an
//! [`Item::Bad`] and reading goes on; an error that makes the rest of the
//! file unreadable (a truncated archive) is the reader's last item.

mod compress;
mod discover;
mod jsonl;
mod objects;
mod parquet;
pub mod split;
mod text;
mod wet;

pub use compress::{open_decoded, CountingReader};
pub use discover::{discover, InputFile, ResolvedFormat};
pub use objects::{json_objects, JsonObjects};
pub use split::Split;

use std::sync::atomic::AtomicU64;
use std::sync::Arc;

use crate::config::{InputConfig, TextSplit};
use crate::doc::Document;
use crate::error::{ErrorKind, RecordError};

/// What a reader yields.
#[derive(Debug)]
pub enum Item {
    /// A document (its text may still be empty).
    Doc(Document),
    /// A bad record or the error that ended the file.
    Bad(RecordError),
}

/// The fields to extract, shared by all readers of a run.
#[derive(Debug, Clone)]
pub struct FieldSpec {
    /// Field or column with the text.
    pub text: String,
    /// Field with the id (empty: derive ids).
    pub id: String,
    /// Field with the language (empty: none).
    pub lang: String,
    /// Metadata names, in output column order.
    pub metadata: Vec<String>,
    /// Records above this size are errors.
    pub max_document_bytes: u64,
    /// Splitting of plain text files.
    pub text_split: TextSplit,
}

impl FieldSpec {
    /// The fields named by an `[input]` section.
    pub fn from_config(cfg: &InputConfig) -> Self {
        FieldSpec {
            text: cfg.text_field.clone(),
            id: cfg.id_field.clone(),
            lang: cfg.lang_field.clone(),
            metadata: cfg.metadata.clone(),
            max_document_bytes: cfg.max_document_bytes,
            text_split: cfg.text_split,
        }
    }
}

/// A streaming reader over one input file.
pub type Reader = Box<dyn Iterator<Item = Item> + Send>;

/// Opens `file` with the reader for its format. Never fails: a file that
/// cannot be opened yields one `unreadable_file` item. `bytes_read` counts
/// raw (compressed) bytes as they are consumed, for progress.
pub fn open(file: &InputFile, spec: &Arc<FieldSpec>, bytes_read: Arc<AtomicU64>) -> Reader {
    let source: Arc<str> = Arc::from(file.source.as_str());
    let result = match file.format {
        ResolvedFormat::Jsonl => match file.split {
            Some(s) => open_jsonl_part(file, &s, bytes_read).map(|(r, before)| {
                Box::new(jsonl::JsonlReader::new(r, file.path.clone(), source, spec.clone()).after(before)) as Reader
            }),
            None => open_decoded(&file.path, file.compression, bytes_read)
                .map(|r| Box::new(jsonl::JsonlReader::new(r, file.path.clone(), source, spec.clone())) as Reader),
        },
        ResolvedFormat::Text => open_decoded(&file.path, file.compression, bytes_read)
            .map(|r| Box::new(text::TextReader::new(r, file.path.clone(), source, spec.clone())) as Reader),
        ResolvedFormat::Wet => open_decoded(&file.path, file.compression, bytes_read)
            .map(|r| Box::new(wet::WetReader::new(r, file.path.clone(), source, spec.clone())) as Reader),
        ResolvedFormat::Parquet => {
            guard_decoder(|| parquet::ParquetReader::open(&file.path, file.split, source, spec.clone(), bytes_read))
                .unwrap_or_else(|| Err(parquet::corrupt(&file.path, None)))
                .map(|r| Box::new(r) as Reader)
        }
    };
    match result {
        Ok(r) => r,
        Err(e) => Box::new(std::iter::once(Item::Bad(e))),
    }
}

/// A JSONL part's bytes and the number of lines before it.
fn open_jsonl_part(
    file: &InputFile,
    s: &split::Split,
    bytes_read: Arc<AtomicU64>,
) -> Result<(Box<dyn std::io::BufRead + Send>, u64), RecordError> {
    let err =
        |detail: String| RecordError { path: file.path.clone(), record: None, kind: ErrorKind::UnreadableFile, detail };
    let before = s.records_before.ok_or_else(|| {
        err(format!(
            "part {} of {}: its first line number is unknown (the index phase has not run)",
            s.part + 1,
            s.parts
        ))
    })?;
    let r = split::open_jsonl_part(&file.path, s, bytes_read).map_err(|e| err(io_detail(&e)))?;
    Ok((r, before))
}

thread_local! {
    static QUIET_PANICS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, turning a panic into `None` without printing it. For calls
/// into third-party decoders that panic on some corrupt files (the Parquet
/// and Arrow crates do, in places): a bad file must become a located error,
/// never a crash.
pub(crate) fn guard_decoder<T>(f: impl FnOnce() -> T) -> Option<T> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let earlier = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET_PANICS.with(std::cell::Cell::get) {
                earlier(info);
            }
        }));
    });
    QUIET_PANICS.with(|q| q.set(true));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    QUIET_PANICS.with(|q| q.set(false));
    r.ok()
}

/// Every item of every file `cfg` finds, in input order, for commands that
/// read a corpus outside a run (`tokenize-bench`, tests).
///
/// # Errors
/// The inputs cannot be found (as [`discover`]).
pub fn items(cfg: &InputConfig) -> crate::error::Result<impl Iterator<Item = Item>> {
    let files = discover(cfg)?.files;
    let spec = Arc::new(FieldSpec::from_config(cfg));
    Ok(files.into_iter().flat_map(move |f| open(&f, &spec, Arc::new(AtomicU64::new(0)))))
}

/// Builds a document from extracted fields, deriving the id when absent.
pub(crate) fn make_doc(
    source: &Arc<str>,
    record: u64,
    id: Option<String>,
    text: String,
    lang: Option<String>,
    meta: Vec<Option<String>>,
) -> Document {
    let id = match id {
        Some(id) if !id.is_empty() => id,
        _ => Document::derived_id(source, record),
    };
    Document {
        id,
        text,
        lang: lang.unwrap_or_default(),
        lang_score: None,
        routed: false,
        source: source.clone(),
        record,
        meta,
        tokens: Vec::new(),
        dup: None,
        pii: Vec::new(),
    }
}

/// Maps an I/O error met while reading a (possibly compressed) stream to
/// the kind users act on.
pub(crate) fn io_kind(e: &std::io::Error) -> ErrorKind {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::UnexpectedEof | K::InvalidData | K::InvalidInput | K::Other => ErrorKind::TruncatedInput,
        _ => ErrorKind::UnreadableFile,
    }
}

/// Describes an I/O error without quoting content.
pub(crate) fn io_detail(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::UnexpectedEof => "the file ends in the middle of a compressed block (truncated?)".into(),
        _ => format!("read error: {e}"),
    }
}
