//! Large inputs read as parts (`input.split_bytes`): uncompressed JSONL by
//! line-aligned byte ranges, Parquet by row groups. Each part is a unit of
//! its own in every per-input phase, so one huge file no longer serialises
//! a phase. A part's records keep the numbers they have in the whole file
//! (the `index` phase counts the lines before each JSONL part; a Parquet
//! footer says how many rows precede each row group), so document ids,
//! error locations and the documents written do not depend on the split.
//!
//! A JSONL part owns the lines that *start* in its nominal byte range
//! `[start, end)`; line starts follow the reader's own rule (after LF,
//! CRLF or a lone CR), so the parts of a file hold exactly its lines, each
//! once, whatever the range boundaries cut.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

use serde::Serialize;

use super::compress::{read_line_limited, CountingReader, Line, LineEnds, GZIP_MAGIC, ZSTD_MAGIC};
use super::discover::{InputFile, ResolvedFormat};
use crate::config::InputCompression;

const BUF_BYTES: usize = 256 * 1024;

/// Where a part lies in its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Split {
    /// 0-based part number.
    pub part: u32,
    /// Parts of the file.
    pub parts: u32,
    /// JSONL: the nominal byte range whose line starts the part owns.
    /// Parquet: the row groups `start..end`.
    pub start: u64,
    /// End of the range (exclusive).
    pub end: u64,
    /// Size of the whole file when it was listed.
    pub file_bytes: u64,
    /// Records of the file before this part: known from the listing for
    /// Parquet and for a first part, from the `index` phase for the others.
    pub records_before: Option<u64>,
}

impl InputFile {
    /// True for the part of a split JSONL file whose line count the
    /// `index` phase records (every part but the last: later parts need the
    /// counts of the parts before them).
    pub fn needs_line_count(&self) -> bool {
        self.format == ResolvedFormat::Jsonl && self.split.is_some_and(|s| s.part + 1 < s.parts)
    }

    /// The input's name in messages: its path, and its part when split.
    pub fn display(&self) -> String {
        match self.split {
            Some(s) => format!("{} (part {} of {})", self.path.display(), s.part + 1, s.parts),
            None => self.path.display().to_string(),
        }
    }
}

/// The inputs with every file above `split_bytes` (0: none) replaced by
/// its parts, in file order. A file whose size or row groups cannot be
/// read stays whole: reading it reports the problem.
pub fn expand(files: Vec<InputFile>, split_bytes: u64) -> Vec<InputFile> {
    if split_bytes == 0 {
        return files;
    }
    let mut out = Vec::with_capacity(files.len());
    for f in files {
        if f.bytes <= split_bytes {
            out.push(f);
            continue;
        }
        let ranges = match f.format {
            ResolvedFormat::Jsonl if !compressed(&f) => byte_ranges(f.bytes, split_bytes),
            ResolvedFormat::Parquet => row_group_ranges(&f.path, f.bytes, split_bytes),
            _ => Vec::new(),
        };
        if ranges.len() < 2 {
            out.push(f);
            continue;
        }
        let parts = ranges.len() as u32;
        for (k, r) in ranges.into_iter().enumerate() {
            out.push(InputFile {
                bytes: r.bytes,
                split: Some(Split {
                    part: k as u32,
                    parts,
                    start: r.start,
                    end: r.end,
                    file_bytes: f.bytes,
                    records_before: r.records_before,
                }),
                ..f.clone()
            });
        }
    }
    out
}

/// One part as [`expand`] makes it.
struct Range {
    start: u64,
    end: u64,
    bytes: u64,
    records_before: Option<u64>,
}

fn compressed(f: &InputFile) -> bool {
    match f.compression {
        InputCompression::Gzip | InputCompression::Zstd => true,
        InputCompression::None => false,
        InputCompression::Auto => {
            let mut head = [0u8; 4];
            let n = File::open(&f.path).and_then(|mut h| h.read(&mut head)).unwrap_or(0);
            // Unreadable or gzip/zstd magic: not split (the reader decides).
            n == 0 || head[..n].starts_with(&GZIP_MAGIC) || head[..n].starts_with(&ZSTD_MAGIC)
        }
    }
}

fn byte_ranges(bytes: u64, split: u64) -> Vec<Range> {
    (0..bytes.div_ceil(split))
        .map(|k| {
            let (start, end) = (k * split, ((k + 1) * split).min(bytes));
            Range { start, end, bytes: end - start, records_before: (k == 0).then_some(0) }
        })
        .collect()
}

/// Consecutive row groups of at least `split` compressed bytes each (the
/// last may be smaller); the sizes add up to the file's.
fn row_group_ranges(path: &Path, file_bytes: u64, split: u64) -> Vec<Range> {
    let groups = super::guard_decoder(|| -> Option<Vec<(u64, u64)>> {
        use parquet::file::reader::{FileReader, SerializedFileReader};
        let reader = SerializedFileReader::new(File::open(path).ok()?).ok()?;
        let meta = reader.metadata();
        Some(
            meta.row_groups().iter().map(|g| (g.num_rows().max(0) as u64, g.compressed_size().max(0) as u64)).collect(),
        )
    })
    .flatten()
    .unwrap_or_default();
    let mut out: Vec<Range> = Vec::new();
    let (mut first, mut rows, mut acc) = (0usize, 0u64, 0u64);
    let mut rows_before = 0u64;
    for (i, &(n, size)) in groups.iter().enumerate() {
        rows += n;
        acc += size;
        if acc >= split || i + 1 == groups.len() {
            out.push(Range { start: first as u64, end: i as u64 + 1, bytes: acc, records_before: Some(rows_before) });
            rows_before += rows;
            (first, rows, acc) = (i + 1, 0, 0);
        }
    }
    // Footer and headers go to the last part, so the parts add up to the file.
    let counted: u64 = out.iter().map(|r| r.bytes).sum();
    if let Some(last) = out.last_mut() {
        last.bytes += file_bytes.saturating_sub(counted);
    }
    out
}

/// The offset of the first line that starts at or after `pos` (the file's
/// length when none does): lines start after LF, after CRLF and after a
/// lone CR, as the JSONL reader splits them.
fn line_start_at_or_after(file: &File, pos: u64) -> io::Result<u64> {
    if pos == 0 {
        return Ok(0);
    }
    let mut f = file;
    f.seek(SeekFrom::Start(pos - 1))?;
    let mut r = BufReader::with_capacity(64 * 1024, f);
    let mut at = pos - 1; // offset of the next byte `r` yields
    let mut after_cr = false;
    loop {
        let chunk = r.fill_buf()?;
        if chunk.is_empty() {
            return Ok(at);
        }
        let mut i = 0;
        if after_cr {
            // The line start is after the CR, or after the LF that ends a CRLF.
            let start = if chunk[0] == b'\n' { at + 1 } else { at };
            if start >= pos {
                return Ok(start);
            }
            after_cr = false;
            if chunk[0] == b'\n' {
                i = 1;
            }
        }
        while let Some(j) = memchr::memchr2(b'\n', b'\r', &chunk[i..]) {
            let q = i + j;
            if chunk[q] == b'\n' {
                if at + q as u64 + 1 >= pos {
                    return Ok(at + q as u64 + 1);
                }
                i = q + 1;
            } else if q + 1 < chunk.len() {
                let start = at + q as u64 + if chunk[q + 1] == b'\n' { 2 } else { 1 };
                if start >= pos {
                    return Ok(start);
                }
                i = q + if chunk[q + 1] == b'\n' { 2 } else { 1 };
            } else {
                after_cr = true;
                i = chunk.len();
            }
            if i >= chunk.len() {
                break;
            }
        }
        let n = chunk.len();
        r.consume(n);
        at += n as u64;
    }
}

/// The bytes of a JSONL part: its whole lines, from the first that starts
/// in its range to the last, with raw bytes counted into `counter`.
///
/// # Errors
/// The file cannot be opened or read.
pub fn open_jsonl_part(path: &Path, s: &Split, counter: Arc<AtomicU64>) -> io::Result<Box<dyn BufRead + Send>> {
    let file = File::open(path)?;
    let from = line_start_at_or_after(&file, s.start)?;
    let to = if s.part + 1 == s.parts { u64::MAX } else { line_start_at_or_after(&file, s.end)? };
    (&file).seek(SeekFrom::Start(from))?;
    let limited = file.take(to.saturating_sub(from));
    Ok(Box::new(BufReader::with_capacity(BUF_BYTES, CountingReader::new(limited, counter))))
}

/// The lines of a JSONL part, as the reader counts its records.
///
/// # Errors
/// The file cannot be opened or read.
pub fn count_lines(path: &Path, s: &Split) -> io::Result<u64> {
    let mut r = open_jsonl_part(path, s, Arc::new(AtomicU64::new(0)))?;
    let (mut n, mut buf) = (0u64, Vec::new());
    // A limit of 0 keeps nothing in memory: every line is only measured.
    while read_line_limited(&mut r, &mut buf, 0, LineEnds::Universal)? != Line::Eof {
        n += 1;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{FieldSpec, Item};

    fn jsonl_file(path: &Path) -> InputFile {
        let bytes = std::fs::metadata(path).unwrap().len();
        InputFile {
            path: path.to_path_buf(),
            source: "x.jsonl".into(),
            format: ResolvedFormat::Jsonl,
            compression: InputCompression::Auto,
            bytes,
            split: None,
        }
    }

    /// Every split of `data` gives the lines a whole read gives, each once,
    /// with the line counts the reader sees.
    #[test]
    fn parts_hold_every_line_once_whatever_the_boundaries_cut() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.jsonl");
        let data: &[u8] = b"\xEF\xBB\xBF{\"text\":\"a\"}\n{\"text\":\"bb\"}\r\n\r\n{\"text\":\"c\"}\r{\"text\":\"dd\"}\r\r\n\n{bad\n{\"text\":\"e\"}";
        std::fs::write(&path, data).unwrap();
        let whole: Vec<String> = lines_of(Box::new(io::Cursor::new(data.to_vec())));
        assert_eq!(whole.len(), 9);
        for split in 1..=data.len() as u64 {
            let f = jsonl_file(&path);
            let parts: Vec<Split> = byte_ranges(f.bytes, split)
                .into_iter()
                .enumerate()
                .map(|(k, r)| Split {
                    part: k as u32,
                    parts: f.bytes.div_ceil(split) as u32,
                    start: r.start,
                    end: r.end,
                    file_bytes: f.bytes,
                    records_before: None,
                })
                .collect();
            let mut got = Vec::new();
            for p in &parts {
                let r = open_jsonl_part(&path, p, Arc::new(AtomicU64::new(0))).unwrap();
                let lines = lines_of(r);
                if p.part + 1 < p.parts {
                    assert_eq!(count_lines(&path, p).unwrap(), lines.len() as u64, "split {split} part {}", p.part);
                }
                got.extend(lines);
            }
            assert_eq!(got, whole, "split every {split} bytes");
        }
    }

    fn lines_of(mut r: Box<dyn BufRead + Send>) -> Vec<String> {
        let (mut out, mut buf) = (Vec::new(), Vec::new());
        while read_line_limited(&mut r, &mut buf, 1 << 20, LineEnds::Universal).unwrap() != Line::Eof {
            out.push(String::from_utf8_lossy(&buf).into_owned());
        }
        out
    }

    #[test]
    fn parts_number_their_records_as_the_whole_file_does() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.jsonl");
        let mut text = String::from("\u{feff}");
        for i in 1..=200 {
            if i % 17 == 0 {
                text.push_str("{not json\n");
            } else if i % 23 == 0 {
                text.push_str("\r\n");
            } else {
                text.push_str(&format!("{{\"text\":\"document {i} {}\"}}\n", "ü".repeat(i % 40)));
            }
        }
        std::fs::write(&path, &text).unwrap();
        let spec = Arc::new(FieldSpec { text: "text".into(), ..FieldSpec::from_config(&Default::default()) });
        let read = |f: &InputFile| -> Vec<(Option<u64>, String)> {
            crate::input::open(f, &spec, Arc::new(AtomicU64::new(0)))
                .map(|it| match it {
                    Item::Doc(d) => (Some(d.record), d.id),
                    Item::Bad(e) => (e.record, format!("{:?}", e.kind)),
                })
                .collect()
        };
        let whole = read(&jsonl_file(&path));
        assert_eq!(whole.len(), 200 - 8, "blank lines are not records");
        let mut parts = expand(vec![jsonl_file(&path)], 4096);
        assert!(parts.len() > 1, "{} bytes in parts of 4096", text.len());
        let mut before = 0;
        for p in &mut parts {
            let s = p.split.as_mut().unwrap();
            s.records_before = Some(before);
            before += count_lines(&path, s).unwrap();
        }
        let got: Vec<_> = parts.iter().flat_map(read).collect();
        assert_eq!(got, whole);
        assert_eq!(before, 200);
    }

    #[test]
    fn compressed_and_small_files_stay_whole() {
        let dir = tempfile::tempdir().unwrap();
        let gz = dir.path().join("a.jsonl");
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        io::Write::write_all(&mut e, "{\"text\":\"x\"}\n".repeat(2000).as_bytes()).unwrap();
        std::fs::write(&gz, e.finish().unwrap()).unwrap();
        let plain = dir.path().join("b.jsonl");
        std::fs::write(&plain, "{\"text\":\"x\"}\n".repeat(2000)).unwrap();
        let files = expand(vec![jsonl_file(&gz), jsonl_file(&plain)], 4096);
        assert_eq!(files[0].split, None, "a gzip file named .jsonl is read whole");
        assert_eq!(files.len(), 1 + 26000_u64.div_ceil(4096) as usize);
        assert!(files[1..].iter().all(|f| f.path == plain));
        assert_eq!(files[1..].iter().map(|f| f.bytes).sum::<u64>(), 26000);
        assert_eq!(expand(vec![jsonl_file(&plain)], 0).len(), 1, "0 turns splitting off");
        assert_eq!(expand(vec![jsonl_file(&plain)], 26000).len(), 1, "a file of split_bytes is one part");
    }
}
