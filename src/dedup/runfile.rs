//! Sorted record files between dedup phases, with bounded memory.
//!
//! Records are fixed-size little-endian tuples `(section: u32, hash: u64,
//! doc: u64)`. A task buffers records up to a memory budget, spills sorted
//! runs to temporary files when the budget is reached, and finally merges
//! the runs into **one file per task**, sorted by (section, hash, doc), with
//! a footer that indexes where each section starts. A later phase reads one
//! section of every task's file and merges them. One file per task per
//! phase keeps the number of files a parallel filesystem sees small.
//!
//! File layout: magic `ECRUN001`, records, then the index (`sections` ×
//! (section u32, offset u64, count u64)), then the index length (u64) and
//! the magic again. A file cut short or overwritten fails the magic or
//! length checks, and the error names the file.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

const MAGIC: &[u8; 8] = b"ECRUN001";
/// Bytes per record.
pub const RECORD_BYTES: usize = 20;

/// One record: a section (band number), a hash, a document key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Record {
    /// Section (LSH band, or the exact-hash section).
    pub section: u32,
    /// Hash within the section.
    pub hash: u64,
    /// Document key.
    pub doc: u64,
}

impl Record {
    fn encode(&self, out: &mut [u8]) {
        out[0..4].copy_from_slice(&self.section.to_le_bytes());
        out[4..12].copy_from_slice(&self.hash.to_le_bytes());
        out[12..20].copy_from_slice(&self.doc.to_le_bytes());
    }

    fn decode(b: &[u8]) -> Self {
        Record {
            section: u32::from_le_bytes(b[0..4].try_into().expect("4 bytes")),
            hash: u64::from_le_bytes(b[4..12].try_into().expect("8 bytes")),
            doc: u64::from_le_bytes(b[12..20].try_into().expect("8 bytes")),
        }
    }
}

fn corrupt(path: &Path, what: &str) -> Error {
    Error::Output {
        path: path.to_path_buf(),
        detail: format!("dedup work file is corrupt ({what}); delete it to recompute"),
    }
}

/// Buffers records, spilling sorted runs past a memory budget.
pub struct Sorter {
    buf: Vec<Record>,
    budget: usize,
    spill_dir: PathBuf,
    runs: Vec<PathBuf>,
    durable: bool,
}

impl Sorter {
    /// A sorter holding at most `budget_bytes` of records in memory; runs go
    /// to `spill_dir`.
    pub fn new(budget_bytes: usize, spill_dir: &Path) -> Self {
        Sorter {
            buf: Vec::new(),
            budget: (budget_bytes / 24).max(1024),
            spill_dir: spill_dir.to_path_buf(),
            runs: Vec::new(),
            durable: true,
        }
    }

    /// A sorter whose file is scratch of one process (read back and deleted
    /// by it): not synced to disk, as a crash throws it away anyway. The
    /// clustering writes a few such files per round; syncing each cost
    /// more than the sorting.
    pub fn scratch(budget_bytes: usize, spill_dir: &Path) -> Self {
        Sorter { durable: false, ..Self::new(budget_bytes, spill_dir) }
    }

    /// Adds a record.
    ///
    /// # Errors
    /// Writing a spill file failed.
    pub fn push(&mut self, r: Record) -> Result<()> {
        self.buf.push(r);
        if self.buf.len() >= self.budget {
            self.spill()?;
        }
        Ok(())
    }

    fn spill(&mut self) -> Result<()> {
        self.buf.sort_unstable();
        std::fs::create_dir_all(&self.spill_dir)
            .map_err(|e| Error::io(&self.spill_dir, "create the spill folder", e))?;
        let path = self.spill_dir.join(format!("run-{:05}.tmp", self.runs.len()));
        let mut w = BufWriter::with_capacity(
            1 << 18,
            File::create(&path).map_err(|e| Error::io(&path, "create a spill file", e))?,
        );
        let mut rec = [0u8; RECORD_BYTES];
        for r in self.buf.drain(..) {
            r.encode(&mut rec);
            w.write_all(&rec).map_err(|e| Error::io(&path, "write a spill file", e))?;
        }
        w.flush().map_err(|e| Error::io(&path, "write a spill file", e))?;
        self.runs.push(path);
        Ok(())
    }

    /// Merges everything into one sorted, indexed file at `dest` (written
    /// atomically) and removes the spill files.
    ///
    /// # Errors
    /// I/O errors naming the file.
    pub fn finish(mut self, dest: &Path) -> Result<u64> {
        self.buf.sort_unstable();
        let mut sources: Vec<Box<dyn Iterator<Item = Result<Record>>>> = Vec::new();
        for run in &self.runs {
            sources.push(Box::new(RecordReader::open_raw(run)?));
        }
        let mem = std::mem::take(&mut self.buf);
        sources.push(Box::new(mem.into_iter().map(Ok)));
        let tmp = dest.with_extension("tmp");
        let mut w = BufWriter::with_capacity(1 << 18, File::create(&tmp).map_err(|e| Error::io(&tmp, "create", e))?);
        let werr = |e| Error::io(&tmp, "write", e);
        w.write_all(MAGIC).map_err(werr)?;
        let mut index: Vec<(u32, u64, u64)> = Vec::new();
        let mut n: u64 = 0;
        let mut rec = [0u8; RECORD_BYTES];
        for r in merge(sources) {
            let r = r?;
            match index.last_mut() {
                Some(last) if last.0 == r.section => last.2 += 1,
                _ => index.push((r.section, 8 + n * RECORD_BYTES as u64, 1)),
            }
            r.encode(&mut rec);
            w.write_all(&rec).map_err(werr)?;
            n += 1;
        }
        for (s, off, count) in &index {
            w.write_all(&s.to_le_bytes()).map_err(werr)?;
            w.write_all(&off.to_le_bytes()).map_err(werr)?;
            w.write_all(&count.to_le_bytes()).map_err(werr)?;
        }
        w.write_all(&(index.len() as u64).to_le_bytes()).map_err(werr)?;
        w.write_all(MAGIC).map_err(werr)?;
        let f = w.into_inner().map_err(|e| Error::io(&tmp, "write", e.into_error()))?;
        if self.durable {
            f.sync_all().map_err(|e| Error::io(&tmp, "sync", e))?;
        }
        std::fs::rename(&tmp, dest).map_err(|e| Error::io(dest, "publish", e))?;
        for run in &self.runs {
            let _ = std::fs::remove_file(run);
        }
        Ok(n)
    }
}

/// k-way merge of sorted record streams (ties: earlier stream first).
pub fn merge(sources: Vec<Box<dyn Iterator<Item = Result<Record>> + '_>>) -> impl Iterator<Item = Result<Record>> + '_ {
    let mut sources = sources;
    let mut heap = BinaryHeap::new();
    let mut pending_err = None;
    for (i, s) in sources.iter_mut().enumerate() {
        match s.next() {
            Some(Ok(r)) => heap.push(Reverse((r, i))),
            Some(Err(e)) => pending_err = Some(e),
            None => {}
        }
    }
    let mut err = pending_err;
    std::iter::from_fn(move || {
        if let Some(e) = err.take() {
            return Some(Err(e));
        }
        let Reverse((r, i)) = heap.pop()?;
        match sources[i].next() {
            Some(Ok(n)) => heap.push(Reverse((n, i))),
            Some(Err(e)) => err = Some(e),
            None => {}
        }
        Some(Ok(r))
    })
}

/// Sequential reader of records in a file region.
pub struct RecordReader {
    r: BufReader<File>,
    left: u64,
    path: PathBuf,
}

impl RecordReader {
    fn open_raw(path: &Path) -> Result<Self> {
        let f = File::open(path).map_err(|e| Error::io(path, "open", e))?;
        let len = f.metadata().map_err(|e| Error::io(path, "stat", e))?.len();
        Ok(RecordReader {
            r: BufReader::with_capacity(1 << 16, f),
            left: len / RECORD_BYTES as u64,
            path: path.to_path_buf(),
        })
    }

    /// The records of `section` in a task file (none if it has none).
    ///
    /// # Errors
    /// A missing or corrupt file.
    pub fn section(path: &Path, section: u32) -> Result<Self> {
        Self::section_range(path, section, 0, None)
    }

    /// The records of `section` whose hash is in `lo..hi` (`hi` `None`: no
    /// upper bound), found by binary search in the sorted section.
    ///
    /// # Errors
    /// A missing or corrupt file.
    pub fn section_range(path: &Path, section: u32, lo: u64, hi: Option<u64>) -> Result<Self> {
        let (mut f, off, count) = locate(path, section)?;
        let hash_at = |f: &File, i: u64| -> Result<u64> {
            let mut b = [0u8; 8];
            std::os::unix::fs::FileExt::read_exact_at(f, &mut b, off + i * RECORD_BYTES as u64 + 4)
                .map_err(|e| Error::io(path, "read", e))?;
            Ok(u64::from_le_bytes(b))
        };
        // First index whose hash is >= h.
        let lower_bound = |h: u64| -> Result<u64> {
            let (mut a, mut b) = (0, count);
            while a < b {
                let mid = a + (b - a) / 2;
                if hash_at(&f, mid)? < h {
                    a = mid + 1;
                } else {
                    b = mid;
                }
            }
            Ok(a)
        };
        let start = if lo == 0 { 0 } else { lower_bound(lo)? };
        let end = match hi {
            Some(h) => lower_bound(h)?,
            None => count,
        };
        f.seek(SeekFrom::Start(off + start * RECORD_BYTES as u64)).map_err(|e| Error::io(path, "seek", e))?;
        Ok(RecordReader {
            r: BufReader::with_capacity(1 << 16, f),
            left: end.saturating_sub(start),
            path: path.to_path_buf(),
        })
    }
}

/// Opens a task file and finds `section`: (file, offset, record count).
fn locate(path: &Path, section: u32) -> Result<(File, u64, u64)> {
    let mut f = File::open(path).map_err(|e| Error::io(path, "open", e))?;
    let len = f.metadata().map_err(|e| Error::io(path, "stat", e))?.len();
    if len < 24 {
        return Err(corrupt(path, "too short"));
    }
    let mut tail = [0u8; 16];
    f.seek(SeekFrom::Start(len - 16)).and_then(|_| f.read_exact(&mut tail)).map_err(|e| Error::io(path, "read", e))?;
    if &tail[8..] != MAGIC {
        return Err(corrupt(path, "no end marker"));
    }
    let sections = u64::from_le_bytes(tail[..8].try_into().expect("8 bytes"));
    let index_bytes = sections.checked_mul(20).filter(|&b| b + 24 <= len).ok_or_else(|| corrupt(path, "bad index"))?;
    let mut index = vec![0u8; index_bytes as usize];
    f.seek(SeekFrom::Start(len - 16 - index_bytes))
        .and_then(|_| f.read_exact(&mut index))
        .map_err(|e| Error::io(path, "read", e))?;
    let mut found = (8, 0);
    for e in index.chunks_exact(20) {
        let s = u32::from_le_bytes(e[0..4].try_into().expect("4 bytes"));
        if s == section {
            let off = u64::from_le_bytes(e[4..12].try_into().expect("8 bytes"));
            let count = u64::from_le_bytes(e[12..20].try_into().expect("8 bytes"));
            if off + count * RECORD_BYTES as u64 > len - 16 - index_bytes {
                return Err(corrupt(path, "section out of range"));
            }
            found = (off, count);
        }
    }
    Ok((f, found.0, found.1))
}

impl Iterator for RecordReader {
    type Item = Result<Record>;
    fn next(&mut self) -> Option<Result<Record>> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let mut b = [0u8; RECORD_BYTES];
        Some(self.r.read_exact(&mut b).map(|()| Record::decode(&b)).map_err(|e| Error::io(&self.path, "read", e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spills_merge_into_sorted_sections() {
        let dir = tempfile::TempDir::new().unwrap();
        let mut s = Sorter::new(24 * 1024, &dir.path().join("spill"));
        let mut want = Vec::new();
        for i in 0..10_000u64 {
            let r = Record { section: (i % 3) as u32 * 2, hash: (i * 7919) % 1000, doc: i };
            want.push(r);
            s.push(r).unwrap();
        }
        assert!(s.runs.len() >= 5, "small budget spills");
        let dest = dir.path().join("task.bin");
        assert_eq!(s.finish(&dest).unwrap(), 10_000);
        want.sort();
        let got: Vec<_> =
            [0, 2, 4].iter().flat_map(|&sec| RecordReader::section(&dest, sec).unwrap().map(|r| r.unwrap())).collect();
        assert_eq!(got, want);
        assert_eq!(RecordReader::section(&dest, 1).unwrap().count(), 0);
        // Hash ranges of a section partition it.
        let parts: Vec<Record> = [(0, Some(250)), (250, Some(251)), (251, Some(900)), (900, None)]
            .iter()
            .flat_map(|&(lo, hi)| RecordReader::section_range(&dest, 2, lo, hi).unwrap().map(|r| r.unwrap()))
            .collect();
        assert_eq!(parts, want.iter().copied().filter(|r| r.section == 2).collect::<Vec<_>>());
        assert!(RecordReader::section_range(&dest, 2, 250, Some(251)).unwrap().all(|r| r.unwrap().hash == 250));
        assert!(!dir.path().join("spill/run-00000.tmp").exists());
        // A damaged file is named, not misread.
        let bytes = std::fs::read(&dest).unwrap();
        std::fs::write(&dest, &bytes[..bytes.len() - 3]).unwrap();
        let err = RecordReader::section(&dest, 0).err().unwrap().to_string();
        assert!(err.contains("task.bin") && err.contains("corrupt"), "{err}");
    }
}
