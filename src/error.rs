//! Errors, split by whose fault they are: the configuration (fails before
//! any I/O), one input record or file (counted and skipped, or fatal under
//! `on_error = "fail"`), the environment (I/O), or a bug (`Internal`).
//!
//! No message here ever contains document text: records are named by file
//! and record number, documents by id, positions by byte offsets.

use std::fmt;
use std::path::PathBuf;

/// Result with the crate's error as default.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong with one input record or file; the names are the keys
/// of `errors` in `stats.json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ErrorKind {
    /// A JSONL line that is not a JSON object.
    MalformedJson,
    /// Bytes that are not UTF-8 where text was expected.
    InvalidUtf8,
    /// The text field is absent, null or not a string.
    MissingText,
    /// A record larger than `input.max_document_bytes`.
    TooLarge,
    /// A WARC file whose record headers cannot be parsed (reading stops).
    MalformedWarc,
    /// A compressed stream or file that ends early or is corrupt.
    TruncatedInput,
    /// A file that cannot be opened or read.
    UnreadableFile,
    /// A Parquet file that cannot be decoded.
    MalformedParquet,
    /// The tokenizer failed on a document.
    TokenizerFailed,
    /// A stage panicked on a document (a bug in eurocorpus: the document
    /// is set aside as errored, the run goes on).
    StagePanicked,
}

impl ErrorKind {
    /// Stable snake_case name used in stats and messages.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::MalformedJson => "malformed_json",
            ErrorKind::InvalidUtf8 => "invalid_utf8",
            ErrorKind::MissingText => "missing_text",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::MalformedWarc => "malformed_warc",
            ErrorKind::TruncatedInput => "truncated_input",
            ErrorKind::UnreadableFile => "unreadable_file",
            ErrorKind::MalformedParquet => "malformed_parquet",
            ErrorKind::TokenizerFailed => "tokenizer_failed",
            ErrorKind::StagePanicked => "stage_panicked",
        }
    }

    /// True for errors that end the reading of a file (as opposed to one
    /// record, after which reading goes on).
    pub fn ends_file(self) -> bool {
        matches!(
            self,
            ErrorKind::TruncatedInput
                | ErrorKind::UnreadableFile
                | ErrorKind::MalformedParquet
                | ErrorKind::MalformedWarc
        )
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One bad record or file, located by path and record number. `detail`
/// never quotes the record's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// Input file as given.
    pub path: PathBuf,
    /// 1-based record number (JSONL: line number); `None` for the file itself.
    pub record: Option<u64>,
    /// Which kind of error.
    pub kind: ErrorKind,
    /// What exactly, without content (e.g. "expected `:` at column 17").
    pub detail: String,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.record {
            Some(r) => write!(f, "{}: record {r}: {}: {}", self.path.display(), self.kind, self.detail),
            None => write!(f, "{}: {}: {}", self.path.display(), self.kind, self.detail),
        }
    }
}

/// The crate's error type.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The pipeline is invalid; nothing was read or written.
    #[error("{origin}: invalid pipeline:\n  - {}", .problems.join("\n  - "))]
    Config {
        /// The pipeline file, or "command line".
        origin: String,
        /// Every problem found.
        problems: Vec<String>,
    },
    /// An input record or file is bad and `on_error = "fail"`.
    #[error("{0} (on_error = \"fail\"; set on_error = \"skip\" to count and skip such records)")]
    Input(RecordError),
    /// An operating-system error on a named path.
    #[error("cannot {action} {}: {cause}", .path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What was attempted, as a verb phrase ("create the output folder").
        action: &'static str,
        /// The OS error (in the message, so not also the error's `source`:
        /// chained printing would repeat it).
        cause: std::io::Error,
    },
    /// A tokenizer file cannot be used.
    #[error("tokenizer {}: {detail}", .path.display())]
    Tokenizer {
        /// The `tokenizer.json`.
        path: PathBuf,
        /// Why.
        detail: String,
    },
    /// Writing or reading a Parquet file failed.
    #[error("parquet file {}: {detail}", .path.display())]
    Parquet {
        /// The shard.
        path: PathBuf,
        /// Why.
        detail: String,
    },
    /// The output folder holds something that is not ours, or a previous
    /// run's state that does not match.
    #[error("output folder {}: {detail}", .path.display())]
    Output {
        /// The folder.
        path: PathBuf,
        /// Why.
        detail: String,
    },
    /// A phase cannot start: what it reads from earlier phases is missing
    /// or corrupt (each problem names the unit and the task to rerun).
    #[error("phase `{phase}` cannot start:\n  - {}", .problems.join("\n  - "))]
    Incomplete {
        /// The phase that was asked for.
        phase: &'static str,
        /// What is missing, one line each.
        problems: Vec<String>,
    },
    /// A signal (SIGINT, SIGTERM) stopped the command cleanly: what was
    /// finished is kept, and the same command resumes.
    #[error("stopped by {signal}: {done}; nothing half written is visible; run the same command again to resume")]
    Interrupted {
        /// The signal's name.
        signal: &'static str,
        /// What was finished, as a phrase ("3 of 12 inputs are finished").
        done: String,
        /// Its number (the exit status is 128 + it).
        number: i32,
    },
    /// Counts do not reconcile: a bug.
    #[error("internal error: {0} (a bug; please report it with the pipeline file)")]
    Internal(String),
}

impl Error {
    /// Shorthand for [`Error::Io`].
    pub fn io(path: impl Into<PathBuf>, action: &'static str, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), action, cause: source }
    }
}
