//! JSON objects line by line from a JSONL file (plain, gzip or zstd), for
//! the commands that read JSONL outside a pipeline (`pii`, `explain`):
//! blank lines skipped, each other line an object with a string text field
//! or a located error.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::compress::{read_line_limited, Line, LineEnds};
use super::{io_detail, io_kind, open_decoded};
use crate::config::InputCompression;
use crate::error::{ErrorKind, RecordError};

/// Longest line read (longer ones are reported as `too_large`).
const MAX_LINE: u64 = 256 << 20;

/// Iterator over `(line number, object)`; an error whose kind ends the file
/// (`e.kind.ends_file()`) is the last item.
pub struct JsonObjects {
    reader: Box<dyn BufRead + Send>,
    path: PathBuf,
    text_field: String,
    no: u64,
    buf: Vec<u8>,
    done: bool,
}

/// Opens `path` for [`JsonObjects`].
///
/// # Errors
/// The file cannot be opened.
pub fn json_objects(path: &Path, text_field: &str) -> Result<JsonObjects, RecordError> {
    let reader = open_decoded(path, InputCompression::Auto, Arc::new(AtomicU64::new(0)))?;
    Ok(JsonObjects {
        reader,
        path: path.to_path_buf(),
        text_field: text_field.to_string(),
        no: 0,
        buf: Vec::new(),
        done: false,
    })
}

impl JsonObjects {
    fn error(&self, kind: ErrorKind, detail: String) -> RecordError {
        RecordError { path: self.path.clone(), record: Some(self.no), kind, detail }
    }

    fn parse(&self) -> Result<Map<String, Value>, RecordError> {
        let s = std::str::from_utf8(&self.buf)
            .map_err(|e| self.error(ErrorKind::InvalidUtf8, format!("invalid UTF-8 at byte {}", e.valid_up_to())))?;
        let v: Value = serde_json::from_str(s)
            .map_err(|e| self.error(ErrorKind::MalformedJson, format!("malformed JSON at column {}", e.column())))?;
        let Value::Object(obj) = v else {
            return Err(self.error(ErrorKind::MalformedJson, "the line is not a JSON object".into()));
        };
        if !matches!(obj.get(&self.text_field), Some(Value::String(_))) {
            return Err(self.error(ErrorKind::MissingText, format!("no string field {:?}", self.text_field)));
        }
        Ok(obj)
    }
}

impl Iterator for JsonObjects {
    type Item = Result<(u64, Map<String, Value>), RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let mut buf = std::mem::take(&mut self.buf);
            let read = read_line_limited(&mut self.reader, &mut buf, MAX_LINE, LineEnds::Universal);
            self.buf = buf;
            self.no += 1;
            match read {
                Err(e) => {
                    self.done = true;
                    return Some(Err(self.error(io_kind(&e), io_detail(&e))));
                }
                Ok(Line::Eof) => self.done = true,
                Ok(Line::TooLong(n)) => {
                    return Some(Err(self.error(ErrorKind::TooLarge, format!("a line of {n} bytes"))));
                }
                Ok(Line::Read) if self.buf.iter().all(u8::is_ascii_whitespace) => {}
                Ok(Line::Read) => return Some(self.parse().map(|o| (self.no, o))),
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_and_located_errors() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.jsonl");
        std::fs::write(&p, b"{\"text\": \"a\"}\n\n[1]\n{\"t\": 1}\r\n{\"text\": \"\xff\"}\n{bad\n{\"text\": \"b\"}")
            .unwrap();
        let got: Vec<Result<u64, (u64, &str)>> = json_objects(&p, "text")
            .unwrap()
            .map(|r| r.map(|(n, _)| n).map_err(|e| (e.record.unwrap(), e.kind.name())))
            .collect();
        assert_eq!(
            got,
            [
                Ok(1),
                Err((3, "malformed_json")),
                Err((4, "missing_text")),
                Err((5, "invalid_utf8")),
                Err((6, "malformed_json")),
                Ok(7)
            ]
        );
    }
}
