//! Plain text: the whole file is one document, or (by option) each block of
//! lines separated by blank lines is one.

use std::io::{BufRead, Read};
use std::path::PathBuf;
use std::sync::Arc;

use super::compress::{read_line_limited, Line, LineEnds};
use super::{io_detail, io_kind, make_doc, FieldSpec, Item};
use crate::config::TextSplit;
use crate::error::{ErrorKind, RecordError};

/// Streams the documents of one text file.
pub struct TextReader {
    inner: Box<dyn BufRead + Send>,
    path: PathBuf,
    source: Arc<str>,
    spec: Arc<FieldSpec>,
    record: u64,
    line: Vec<u8>,
    done: bool,
}

impl TextReader {
    /// Reads from an already decompressed stream.
    pub fn new(inner: Box<dyn BufRead + Send>, path: PathBuf, source: Arc<str>, spec: Arc<FieldSpec>) -> Self {
        TextReader { inner, path, source, spec, record: 0, line: Vec::new(), done: false }
    }

    fn error(&mut self, kind: ErrorKind, detail: String, record: Option<u64>) -> Item {
        if kind.ends_file() {
            self.done = true;
        }
        Item::Bad(RecordError { path: self.path.clone(), record, kind, detail })
    }

    fn finish(&mut self, bytes: Vec<u8>) -> Item {
        match String::from_utf8(bytes) {
            Ok(text) => {
                let meta = vec![None; self.spec.metadata.len()];
                Item::Doc(make_doc(&self.source, self.record, None, text, None, meta))
            }
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                self.error(
                    ErrorKind::InvalidUtf8,
                    format!("invalid UTF-8 at byte {at} of the document"),
                    Some(self.record),
                )
            }
        }
    }

    fn next_file(&mut self) -> Option<Item> {
        self.done = true;
        let max = self.spec.max_document_bytes;
        let mut bytes = Vec::new();
        let mut limited = (&mut self.inner).take(max + 1);
        if let Err(e) = limited.read_to_end(&mut bytes) {
            return Some(self.error(io_kind(&e), io_detail(&e), None));
        }
        if bytes.len() as u64 > max {
            self.record = 1;
            return Some(self.error(
                ErrorKind::TooLarge,
                format!("file exceeds input.max_document_bytes = {max}"),
                Some(1),
            ));
        }
        if bytes.is_empty() {
            return None;
        }
        if bytes.starts_with(b"\xEF\xBB\xBF") {
            bytes.drain(..3);
        }
        self.record = 1;
        Some(self.finish(bytes))
    }

    fn next_block(&mut self) -> Option<Item> {
        let max = self.spec.max_document_bytes;
        let mut block: Vec<u8> = Vec::new();
        let mut too_large = false;
        loop {
            match read_line_limited(&mut self.inner, &mut self.line, max, LineEnds::Universal) {
                Err(e) => {
                    let item = self.error(io_kind(&e), io_detail(&e), Some(self.record + 1));
                    return Some(item);
                }
                Ok(Line::Eof) => {
                    self.done = true;
                    break;
                }
                Ok(Line::TooLong(_)) => too_large = true,
                Ok(Line::Read) => {
                    if self.line.iter().all(u8::is_ascii_whitespace) {
                        if block.is_empty() && !too_large {
                            continue;
                        }
                        break;
                    }
                    if !block.is_empty() {
                        block.push(b'\n');
                    }
                    if block.len() as u64 + self.line.len() as u64 > max {
                        too_large = true;
                        block.clear();
                    } else if !too_large {
                        block.extend_from_slice(&self.line);
                    }
                }
            }
        }
        if block.is_empty() && !too_large {
            return None;
        }
        self.record += 1;
        if self.record == 1 && block.starts_with(b"\xEF\xBB\xBF") {
            block.drain(..3);
        }
        if too_large {
            return Some(self.error(
                ErrorKind::TooLarge,
                format!("block exceeds input.max_document_bytes = {max}"),
                Some(self.record),
            ));
        }
        Some(self.finish(block))
    }
}

impl Iterator for TextReader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        if self.done {
            return None;
        }
        match self.spec.text_split {
            TextSplit::File => self.next_file(),
            TextSplit::BlankLines => self.next_block(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(data: &'static [u8], split: TextSplit) -> Vec<Item> {
        let spec = Arc::new(FieldSpec {
            text: "text".into(),
            id: String::new(),
            lang: String::new(),
            metadata: vec![],
            max_document_bytes: 20,
            text_split: split,
        });
        TextReader::new(Box::new(data), "a.txt".into(), Arc::from("a.txt"), spec).collect()
    }

    fn texts(items: &[Item]) -> Vec<String> {
        items
            .iter()
            .map(|i| match i {
                Item::Doc(d) => format!("{}={}", d.id, d.text),
                Item::Bad(e) => format!("{}@{:?}", e.kind, e.record),
            })
            .collect()
    }

    #[test]
    fn whole_file_and_blocks() {
        assert_eq!(texts(&read(b"\xEF\xBB\xBFone\ntwo\n", TextSplit::File)), vec!["a.txt:1=one\ntwo\n"]);
        assert!(read(b"", TextSplit::File).is_empty());
        assert_eq!(texts(&read(b"123456789012345678901", TextSplit::File)), vec!["too_large@Some(1)"]);
        assert_eq!(
            texts(&read(b"\n\na\r\nb\n\n\n c\n\nxxxxxxxxxxxxxxxxxxxxxxxxx\n\n\xff\n", TextSplit::BlankLines)),
            vec!["a.txt:1=a\nb", "a.txt:2= c", "too_large@Some(3)", "invalid_utf8@Some(4)"]
        );
    }
}
