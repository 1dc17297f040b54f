//! Common Crawl WET files: WARC records whose `conversion` records hold the
//! extracted text of one web page each. `WARC-Target-URI` and `WARC-Date`
//! are available as the metadata names `url` and `date`; any other header
//! by its own name (case-insensitive).

use std::io::{self, BufRead, Read};
use std::path::PathBuf;
use std::sync::Arc;

use super::compress::{read_line_limited, Line, LineEnds};
use super::{io_detail, io_kind, make_doc, FieldSpec, Item};
use crate::error::{ErrorKind, RecordError};

/// Header lines longer than this are not WARC headers.
const MAX_HEADER_LINE: u64 = 64 * 1024;

/// WARC headers of one record, in file order.
type Headers = Vec<(String, String)>;

/// Streams the conversion records of one WET file.
pub struct WetReader {
    inner: Box<dyn BufRead + Send>,
    path: PathBuf,
    source: Arc<str>,
    spec: Arc<FieldSpec>,
    /// Conversion records seen (the record number of documents).
    record: u64,
    line: Vec<u8>,
    done: bool,
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().rev().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

impl WetReader {
    /// Reads from an already decompressed stream.
    pub fn new(inner: Box<dyn BufRead + Send>, path: PathBuf, source: Arc<str>, spec: Arc<FieldSpec>) -> Self {
        WetReader { inner, path, source, spec, record: 0, line: Vec::new(), done: false }
    }

    fn fatal(&mut self, kind: ErrorKind, detail: String) -> Option<Item> {
        self.done = true;
        Some(Item::Bad(RecordError { path: self.path.clone(), record: Some(self.record + 1), kind, detail }))
    }

    fn io_fatal(&mut self, e: io::Error) -> Option<Item> {
        self.fatal(io_kind(&e), io_detail(&e))
    }

    /// Reads the header block of the next record; `Ok(None)` at a clean end.
    fn read_headers(&mut self) -> io::Result<Result<Option<Headers>, String>> {
        loop {
            match read_line_limited(&mut self.inner, &mut self.line, MAX_HEADER_LINE, LineEnds::Lf)? {
                Line::Eof => return Ok(Ok(None)),
                Line::TooLong(_) => return Ok(Err("a WARC header line is too long".into())),
                Line::Read if self.line.is_empty() => continue,
                Line::Read => break,
            }
        }
        if !self.line.starts_with(b"WARC/") {
            return Ok(Err("expected a WARC version line (WARC/1.0)".into()));
        }
        let mut headers: Headers = Vec::new();
        loop {
            match read_line_limited(&mut self.inner, &mut self.line, MAX_HEADER_LINE, LineEnds::Lf)? {
                Line::Eof => return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "inside WARC headers")),
                Line::TooLong(_) => return Ok(Err("a WARC header line is too long".into())),
                Line::Read if self.line.is_empty() => return Ok(Ok(Some(headers))),
                Line::Read => {
                    let Ok(text) = std::str::from_utf8(&self.line) else {
                        return Ok(Err("a WARC header is not UTF-8".into()));
                    };
                    if text.starts_with([' ', '\t']) {
                        if let Some(last) = headers.last_mut() {
                            last.1.push(' ');
                            last.1.push_str(text.trim());
                        }
                    } else if let Some((k, v)) = text.split_once(':') {
                        headers.push((k.trim().to_string(), v.trim().to_string()));
                    } else {
                        return Ok(Err("a WARC header line has no `:`".into()));
                    }
                }
            }
        }
    }
}

impl Iterator for WetReader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        while !self.done {
            let headers = match self.read_headers() {
                Err(e) => return self.io_fatal(e),
                Ok(Err(detail)) => return self.fatal(ErrorKind::MalformedWarc, detail),
                Ok(Ok(None)) => {
                    self.done = true;
                    return None;
                }
                Ok(Ok(Some(h))) => h,
            };
            let Some(len) = header(&headers, "Content-Length").and_then(|v| v.parse::<u64>().ok()) else {
                return self.fatal(ErrorKind::MalformedWarc, "a WARC record without a valid Content-Length".into());
            };
            let is_doc = header(&headers, "WARC-Type").is_some_and(|t| t.eq_ignore_ascii_case("conversion"));
            if !is_doc || len > self.spec.max_document_bytes {
                if let Err(e) = io::copy(&mut (&mut self.inner).take(len), &mut io::sink()).and_then(|n| {
                    if n < len {
                        Err(io::Error::new(io::ErrorKind::UnexpectedEof, "record content"))
                    } else {
                        Ok(())
                    }
                }) {
                    return self.io_fatal(e);
                }
                if is_doc {
                    self.record += 1;
                    let max = self.spec.max_document_bytes;
                    return Some(Item::Bad(RecordError {
                        path: self.path.clone(),
                        record: Some(self.record),
                        kind: ErrorKind::TooLarge,
                        detail: format!("record of {len} bytes exceeds input.max_document_bytes = {max}"),
                    }));
                }
                continue;
            }
            let mut content = Vec::with_capacity(len as usize);
            match (&mut self.inner).take(len).read_to_end(&mut content) {
                Ok(n) if (n as u64) < len => {
                    return self.io_fatal(io::Error::new(io::ErrorKind::UnexpectedEof, "record content"))
                }
                Ok(_) => {}
                Err(e) => return self.io_fatal(e),
            }
            self.record += 1;
            let text = match String::from_utf8(content) {
                Ok(t) => t,
                Err(e) => {
                    let at = e.utf8_error().valid_up_to();
                    return Some(Item::Bad(RecordError {
                        path: self.path.clone(),
                        record: Some(self.record),
                        kind: ErrorKind::InvalidUtf8,
                        detail: format!("invalid UTF-8 at byte {at} of the record content"),
                    }));
                }
            };
            let lookup = |name: &str| -> Option<String> {
                let warc = match name {
                    "url" => "WARC-Target-URI",
                    "date" => "WARC-Date",
                    other => other,
                };
                header(&headers, warc).map(str::to_string)
            };
            let id = (!self.spec.id.is_empty())
                .then(|| lookup(&self.spec.id))
                .flatten()
                .or_else(|| lookup("WARC-Record-ID").map(|v| v.trim_matches(['<', '>']).to_string()));
            let lang = (!self.spec.lang.is_empty()).then(|| lookup(&self.spec.lang)).flatten();
            let meta = self.spec.metadata.iter().map(|m| lookup(m)).collect();
            return Some(Item::Doc(make_doc(&self.source, self.record, id, text, lang, meta)));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::TextSplit;

    fn record(kind: &str, uri: &str, body: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-01-02T03:04:05Z\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nContent-Length: {}\r\n\r\n{body}\r\n\r\n",
            body.len()
        )
    }

    fn read(data: Vec<u8>) -> Vec<Item> {
        let spec = Arc::new(FieldSpec {
            text: "text".into(),
            id: "id".into(),
            lang: String::new(),
            metadata: vec!["url".into(), "date".into(), "warc-type".into()],
            max_document_bytes: 1000,
            text_split: TextSplit::File,
        });
        WetReader::new(Box::new(io::Cursor::new(data)), "x.wet".into(), Arc::from("x.wet"), spec).collect()
    }

    #[test]
    fn conversion_records_become_documents() {
        let data = record("warcinfo", "info", "software: x")
            + &record("conversion", "http://a/", "Zdravo\nsvet")
            + &record("conversion", "http://b/", "Hej");
        let items = read(data.into_bytes());
        assert_eq!(items.len(), 2);
        let Item::Doc(d) = &items[0] else { panic!() };
        assert_eq!((d.id.as_str(), d.text.as_str(), d.record), ("urn:uuid:http://a/", "Zdravo\nsvet", 1));
        assert_eq!(
            d.meta,
            vec![Some("http://a/".into()), Some("2024-01-02T03:04:05Z".into()), Some("conversion".into())]
        );
    }

    #[test]
    fn truncated_record_ends_the_file_with_its_number() {
        let mut data = (record("conversion", "a", "one") + &record("conversion", "b", "two two two")).into_bytes();
        data.truncate(data.len() - 10);
        let items = read(data);
        assert!(matches!(&items[0], Item::Doc(d) if d.text == "one"));
        let Item::Bad(e) = &items[1] else { panic!() };
        assert_eq!((e.kind, e.record), (ErrorKind::TruncatedInput, Some(2)));
        assert_eq!(items.len(), 2);
    }
}
