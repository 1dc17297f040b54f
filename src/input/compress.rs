//! Opening a file as a decompressed byte stream, counting raw bytes read.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::config::InputCompression;
use crate::error::{ErrorKind, RecordError};

pub(crate) const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
pub(crate) const ZSTD_MAGIC: [u8; 4] = [0x28, 0xb5, 0x2f, 0xfd];
const BUF_BYTES: usize = 256 * 1024;

/// A reader that adds every byte it passes on to a shared counter (progress).
pub struct CountingReader<R> {
    inner: R,
    counter: Arc<AtomicU64>,
}

impl<R: Read> CountingReader<R> {
    /// Wraps `inner`.
    pub fn new(inner: R, counter: Arc<AtomicU64>) -> Self {
        CountingReader { inner, counter }
    }
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Opens `path` and returns its decompressed content. With
/// `InputCompression::Auto` the format is recognised by its magic bytes, so
/// a gzip file named `.jsonl` is still read correctly.
///
/// # Errors
/// An `unreadable_file` error when the file cannot be opened or sniffed.
pub fn open_decoded(
    path: &Path,
    compression: InputCompression,
    counter: Arc<AtomicU64>,
) -> Result<Box<dyn BufRead + Send>, RecordError> {
    let unreadable = |e: io::Error| RecordError {
        path: path.to_path_buf(),
        record: None,
        kind: ErrorKind::UnreadableFile,
        detail: e.to_string(),
    };
    let file = File::open(path).map_err(unreadable)?;
    if file.metadata().map_err(unreadable)?.is_dir() {
        return Err(unreadable(io::Error::other("is a directory")));
    }
    let mut raw = BufReader::with_capacity(BUF_BYTES, CountingReader::new(file, counter));
    let compression = match compression {
        InputCompression::Auto => {
            let head = raw.fill_buf().map_err(unreadable)?;
            if head.starts_with(&GZIP_MAGIC) {
                InputCompression::Gzip
            } else if head.starts_with(&ZSTD_MAGIC) {
                InputCompression::Zstd
            } else {
                InputCompression::None
            }
        }
        c => c,
    };
    Ok(match compression {
        InputCompression::Gzip => {
            Box::new(BufReader::with_capacity(BUF_BYTES, flate2::bufread::MultiGzDecoder::new(raw)))
        }
        InputCompression::Zstd => {
            let dec = zstd::stream::read::Decoder::with_buffer(raw).map_err(unreadable)?;
            Box::new(BufReader::with_capacity(BUF_BYTES, dec))
        }
        InputCompression::None | InputCompression::Auto => Box::new(raw),
    })
}

/// Outcome of [`read_line_limited`].
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// End of input, nothing read.
    Eof,
    /// A line (without its `\n`) is in the buffer.
    Read,
    /// The line was longer than the limit; it was consumed and discarded.
    TooLong(u64),
}

/// Which bytes end a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineEnds {
    /// LF (a CR before it is dropped): record formats whose headers are
    /// CRLF, such as WARC.
    Lf,
    /// LF, CRLF or a lone CR, as Python's universal newlines (so a JSONL
    /// file saved with old Mac line ends reads as it does in Python). A JSON
    /// text cannot hold a raw CR inside a string, so no record is cut.
    Universal,
}

/// Reads one line into `buf` (cleared first), without its terminator,
/// keeping at most `max` bytes in memory: a longer line is skipped to its
/// end and reported with its length.
pub(crate) fn read_line_limited<R: BufRead + ?Sized>(
    r: &mut R,
    buf: &mut Vec<u8>,
    max: u64,
    ends: LineEnds,
) -> io::Result<Line> {
    buf.clear();
    let mut total: u64 = 0;
    let mut overflow = false;
    let mut any = false;
    let mut after_cr = false;
    loop {
        let chunk = r.fill_buf()?;
        if chunk.is_empty() {
            break;
        }
        any = true;
        let end = match ends {
            LineEnds::Lf => memchr::memchr(b'\n', chunk),
            LineEnds::Universal => memchr::memchr2(b'\n', b'\r', chunk),
        };
        let (take, done) = match end {
            Some(i) => (i, true),
            None => (chunk.len(), false),
        };
        after_cr = done && chunk[take] == b'\r';
        total += take as u64;
        if !overflow {
            if total > max {
                overflow = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&chunk[..take]);
            }
        }
        r.consume(if done { take + 1 } else { take });
        if done {
            break;
        }
    }
    if after_cr && r.fill_buf()?.first() == Some(&b'\n') {
        r.consume(1);
    }
    if !any {
        return Ok(Line::Eof);
    }
    if overflow {
        return Ok(Line::TooLong(total));
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Line::Read)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_split_and_limited() {
        let data = b"ab\r\n\nccccccc\nlast";
        let mut r = io::BufReader::with_capacity(3, &data[..]);
        let mut buf = Vec::new();
        assert_eq!(read_line_limited(&mut r, &mut buf, 5, LineEnds::Lf).unwrap(), Line::Read);
        assert_eq!(buf, b"ab");
        assert_eq!(read_line_limited(&mut r, &mut buf, 5, LineEnds::Lf).unwrap(), Line::Read);
        assert_eq!(buf, b"");
        assert_eq!(read_line_limited(&mut r, &mut buf, 5, LineEnds::Lf).unwrap(), Line::TooLong(7));
        assert_eq!(read_line_limited(&mut r, &mut buf, 5, LineEnds::Lf).unwrap(), Line::Read);
        assert_eq!(buf, b"last");
        assert_eq!(read_line_limited(&mut r, &mut buf, 5, LineEnds::Lf).unwrap(), Line::Eof);
    }

    #[test]
    fn universal_line_ends_take_a_lone_cr_and_crlf_once() {
        for cap in [1, 2, 3, 64] {
            let data = b"a\rb\r\nc\n\rd\r";
            let mut r = io::BufReader::with_capacity(cap, &data[..]);
            let mut buf = Vec::new();
            let mut lines = Vec::new();
            while read_line_limited(&mut r, &mut buf, 5, LineEnds::Universal).unwrap() == Line::Read {
                lines.push(String::from_utf8(buf.clone()).unwrap());
            }
            assert_eq!(lines, ["a", "b", "c", "", "d"], "buffer of {cap}");
            let mut r = io::BufReader::with_capacity(cap, &data[..]);
            let mut lines = Vec::new();
            while read_line_limited(&mut r, &mut buf, 5, LineEnds::Lf).unwrap() == Line::Read {
                lines.push(String::from_utf8(buf.clone()).unwrap());
            }
            assert_eq!(lines, ["a\rb", "c", "\rd"], "buffer of {cap}");
        }
    }
}
