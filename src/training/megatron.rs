//! Megatron-LM / NeMo indexed datasets (`MMIDIDX`): a `.bin` of token ids
//! and an `.idx` describing where each sequence starts, written and merged
//! in streaming fashion.
//!
//! The `.idx` layout (megatron-core `indexed_dataset.py`, `_IndexWriter`):
//! magic `MMIDIDX\0\0`; version `u64` = 1; dtype code `u8`; sequence count
//! `u64`; document count `u64` (= documents + 1); `i32` sequence lengths;
//! `i64` sequence byte offsets into the `.bin`; `i64` document indices
//! (`0`, then the sequence index where each document ends). All little
//! endian. One sequence per document here, as Megatron's
//! `preprocess_data.py` writes without sentence splitting.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

const MAGIC: &[u8; 9] = b"MMIDIDX\x00\x00";
const HEADER: u64 = 9 + 8 + 1 + 8 + 8;

/// Token type of the `.bin`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DType {
    /// Code 8; chosen when the vocabulary has fewer than 65 500 entries
    /// (megatron-core's `DType.optimal_dtype`).
    U16,
    /// Code 4.
    I32,
}

impl DType {
    /// The type megatron-core picks for a vocabulary size.
    pub fn for_vocab(vocab_size: usize) -> Self {
        if vocab_size < 65_500 {
            DType::U16
        } else {
            DType::I32
        }
    }

    fn code(self) -> u8 {
        match self {
            DType::U16 => 8,
            DType::I32 => 4,
        }
    }

    fn of_code(c: u8) -> Option<Self> {
        match c {
            8 => Some(DType::U16),
            4 => Some(DType::I32),
            _ => None,
        }
    }

    /// Bytes per token.
    pub fn size(self) -> u64 {
        match self {
            DType::U16 => 2,
            DType::I32 => 4,
        }
    }

    /// The name numpy gives it.
    pub fn name(self) -> &'static str {
        match self {
            DType::U16 => "uint16",
            DType::I32 => "int32",
        }
    }
}

/// The two files of a prefix (given as the prefix, or either file's name).
pub fn paths(prefix: &Path) -> (PathBuf, PathBuf) {
    let s = prefix.as_os_str().to_string_lossy();
    let s = s.strip_suffix(".bin").or_else(|| s.strip_suffix(".idx")).unwrap_or(&s);
    (PathBuf::from(format!("{s}.bin")), PathBuf::from(format!("{s}.idx")))
}

fn tmp_of(p: &Path) -> PathBuf {
    let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    p.with_file_name(format!(".{name}.tmp"))
}

fn publish(tmp: &Path, dest: &Path, w: BufWriter<File>) -> Result<()> {
    let f = w.into_inner().map_err(|e| Error::io(tmp, "write the file", e.into_error()))?;
    f.sync_all().map_err(|e| Error::io(tmp, "sync the file", e))?;
    drop(f);
    std::fs::rename(tmp, dest).map_err(|e| Error::io(dest, "publish the file", e))
}

fn create(path: &Path) -> Result<BufWriter<File>> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, "create the folder", e))?;
    }
    Ok(BufWriter::with_capacity(1 << 20, File::create(path).map_err(|e| Error::io(path, "create the file", e))?))
}

/// Writes one `.bin`/`.idx` pair, one document per call to [`add`](Self::add);
/// both appear (renamed from hidden temporary files) only on [`finish`](Self::finish).
pub struct Writer {
    dtype: DType,
    bin: BufWriter<File>,
    bin_path: PathBuf,
    idx_path: PathBuf,
    lengths: Vec<i32>,
    tokens: u64,
    /// One document's bytes, reused.
    buf: Vec<u8>,
}

impl Writer {
    /// Starts the pair `prefix.bin`, `prefix.idx`.
    ///
    /// # Errors
    /// The files cannot be created.
    pub fn create(prefix: &Path, dtype: DType) -> Result<Self> {
        let (bin_path, idx_path) = paths(prefix);
        let bin = create(&tmp_of(&bin_path))?;
        Ok(Writer { dtype, bin, bin_path, idx_path, lengths: Vec::new(), tokens: 0, buf: Vec::new() })
    }

    /// Appends a document.
    ///
    /// # Errors
    /// A token id does not fit the dtype, a document is longer than 2^31
    /// tokens, or the write fails.
    pub fn add(&mut self, ids: &[u32]) -> Result<()> {
        // The temporary file's name is built only for an error message.
        let fail = |detail: String| Error::Output { path: tmp_of(&self.bin_path), detail };
        let len = i32::try_from(ids.len()).map_err(|_| fail("a document has more than 2^31 tokens".into()))?;
        self.buf.clear();
        for &id in ids {
            match self.dtype {
                DType::U16 => self.buf.extend_from_slice(
                    &u16::try_from(id)
                        .map_err(|_| {
                            fail(format!("token id {id} does not fit uint16 (the recorded vocabulary is too small)"))
                        })?
                        .to_le_bytes(),
                ),
                DType::I32 => self.buf.extend_from_slice(&(id as i32).to_le_bytes()),
            }
        }
        self.bin.write_all(&self.buf).map_err(|e| Error::io(tmp_of(&self.bin_path), "write the file", e))?;
        self.lengths.push(len);
        self.tokens += ids.len() as u64;
        Ok(())
    }

    /// Publishes both files: `(bin, idx, documents, tokens)`.
    ///
    /// # Errors
    /// A write, sync or rename fails.
    pub fn finish(self) -> Result<(PathBuf, PathBuf, u64, u64)> {
        let Writer { dtype, bin, bin_path, idx_path, lengths, tokens, .. } = self;
        publish(&tmp_of(&bin_path), &bin_path, bin)?;
        let n = lengths.len() as u64;
        let idx_tmp = tmp_of(&idx_path);
        let mut w = create(&idx_tmp)?;
        let io = |e| Error::io(&idx_tmp, "write the file", e);
        write_header(&mut w, dtype, n, n + 1).map_err(io)?;
        let mut buf = Vec::with_capacity(lengths.len() * 20 + 8);
        lengths.iter().for_each(|l| buf.extend_from_slice(&l.to_le_bytes()));
        let mut ptr = 0i64;
        for &l in &lengths {
            buf.extend_from_slice(&ptr.to_le_bytes());
            ptr += i64::from(l) * dtype.size() as i64;
        }
        (0..=n as i64).for_each(|d| buf.extend_from_slice(&d.to_le_bytes()));
        w.write_all(&buf).map_err(io)?;
        publish(&idx_tmp, &idx_path, w)?;
        Ok((bin_path, idx_path, n, tokens))
    }
}

fn write_header(w: &mut impl Write, dtype: DType, sequences: u64, documents: u64) -> std::io::Result<()> {
    w.write_all(MAGIC)?;
    w.write_all(&1u64.to_le_bytes())?;
    w.write_all(&[dtype.code()])?;
    w.write_all(&sequences.to_le_bytes())?;
    w.write_all(&documents.to_le_bytes())
}

/// The header of an `.idx`, checked against its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    /// Token type.
    pub dtype: DType,
    /// Sequences.
    pub sequences: u64,
    /// Entries of the document index (documents + 1).
    pub documents: u64,
}

/// Reads and checks the header of `idx`.
///
/// # Errors
/// Not an `MMIDIDX` version-1 index of a supported dtype, or its size does
/// not match its counts.
pub fn header(idx: &Path) -> Result<Header> {
    let bad = |d: String| Error::Output { path: idx.to_path_buf(), detail: d };
    let mut f = File::open(idx).map_err(|e| Error::io(idx, "open", e))?;
    let mut h = [0u8; HEADER as usize];
    f.read_exact(&mut h).map_err(|_| bad("is shorter than an MMIDIDX header".into()))?;
    if &h[..9] != MAGIC {
        return Err(bad("is not a Megatron index (no MMIDIDX magic)".into()));
    }
    let u64_at = |o: usize| u64::from_le_bytes(h[o..o + 8].try_into().expect("8 bytes"));
    if u64_at(9) != 1 {
        return Err(bad(format!("has index version {}, not 1", u64_at(9))));
    }
    let dtype = DType::of_code(h[17])
        .ok_or_else(|| bad(format!("has dtype code {} (uint16 and int32 are supported)", h[17])))?;
    let (sequences, documents) = (u64_at(18), u64_at(26));
    let want = HEADER + sequences * 12 + documents * 8;
    let len = f.metadata().map_err(|e| Error::io(idx, "stat", e))?.len();
    if len != want || documents == 0 {
        return Err(bad(format!("has {len} bytes where its counts ({sequences} sequences) need {want}")));
    }
    Ok(Header { dtype, sequences, documents })
}

/// Merges pairs into one, in the order given, streaming: memory does not
/// depend on their size. Returns `(sequences, documents, tokens)`.
///
/// # Errors
/// An input is not a valid pair, dtypes differ, or a write fails.
pub fn merge(inputs: &[PathBuf], out: &Path) -> Result<(u64, u64, u64)> {
    let mut heads = Vec::with_capacity(inputs.len());
    for p in inputs {
        let (bin, idx) = paths(p);
        let h = header(&idx)?;
        let bytes = std::fs::metadata(&bin).map_err(|e| Error::io(&bin, "stat", e))?.len();
        heads.push((h, bin, idx, bytes));
    }
    let dtype = heads.first().map_or(DType::U16, |h| h.0.dtype);
    if let Some((h, _, idx, _)) = heads.iter().find(|h| h.0.dtype != dtype) {
        return Err(Error::Output {
            path: idx.clone(),
            detail: format!("holds {} tokens where the first input holds {}", h.dtype.name(), dtype.name()),
        });
    }
    let sequences: u64 = heads.iter().map(|h| h.0.sequences).sum();
    let documents: u64 = heads.iter().map(|h| h.0.documents - 1).sum::<u64>() + 1;
    let (bin_out, idx_out) = paths(out);

    // The .bin: the inputs one after the other.
    let bin_tmp = tmp_of(&bin_out);
    let mut w = create(&bin_tmp)?;
    for (_, bin, _, _) in &heads {
        let mut r = File::open(bin).map_err(|e| Error::io(bin, "open", e))?;
        std::io::copy(&mut r, &mut w).map_err(|e| Error::io(&bin_tmp, "write the file", e))?;
    }
    publish(&bin_tmp, &bin_out, w)?;

    // The .idx: each array section by section, offsets shifted.
    let idx_tmp = tmp_of(&idx_out);
    let mut w = create(&idx_tmp)?;
    let werr = |e| Error::io(&idx_tmp, "write the file", e);
    write_header(&mut w, dtype, sequences, documents).map_err(werr)?;
    let section = |h: &Header, which: u8| match which {
        0 => (HEADER, h.sequences, 4u64),
        1 => (HEADER + h.sequences * 4, h.sequences, 8),
        _ => (HEADER + h.sequences * 12, h.documents, 8),
    };
    for which in 0..3u8 {
        let (mut byte_shift, mut seq_shift) = (0i64, 0i64);
        for (i, (h, _, idx, bin_bytes)) in heads.iter().enumerate() {
            let (at, count, width) = section(h, which);
            let mut r = BufReader::with_capacity(1 << 20, File::open(idx).map_err(|e| Error::io(idx, "open", e))?);
            r.seek(SeekFrom::Start(at)).map_err(|e| Error::io(idx, "read", e))?;
            // After the first input, its leading 0 document index is the
            // previous input's end, already written.
            let skip = u64::from(which == 2 && i > 0);
            let mut v = [0u8; 8];
            for k in 0..count {
                r.read_exact(&mut v[..width as usize]).map_err(|e| Error::io(idx, "read", e))?;
                if k < skip {
                    continue;
                }
                match which {
                    0 => w.write_all(&v[..4]),
                    1 => w.write_all(&(i64::from_le_bytes(v) + byte_shift).to_le_bytes()),
                    _ => w.write_all(&(i64::from_le_bytes(v) + seq_shift).to_le_bytes()),
                }
                .map_err(werr)?;
            }
            byte_shift += *bin_bytes as i64;
            seq_shift += h.sequences as i64;
        }
    }
    publish(&idx_tmp, &idx_out, w)?;
    let tokens = heads.iter().map(|h| h.3).sum::<u64>() / dtype.size();
    Ok((sequences, documents - 1, tokens))
}

/// Reads every document of a pair (for checks and tests; loads it whole).
///
/// # Errors
/// The pair is invalid or inconsistent.
pub fn read_all(prefix: &Path) -> Result<Vec<Vec<u32>>> {
    let (bin, idx) = paths(prefix);
    let h = header(&idx)?;
    let ix = std::fs::read(&idx).map_err(|e| Error::io(&idx, "read", e))?;
    let data = std::fs::read(&bin).map_err(|e| Error::io(&bin, "read", e))?;
    let bad = |d: String| Error::Output { path: idx.clone(), detail: d };
    let at = |o: u64, w: usize| -> i64 {
        let o = o as usize;
        if w == 4 {
            i64::from(i32::from_le_bytes(ix[o..o + 4].try_into().expect("4 bytes")))
        } else {
            i64::from_le_bytes(ix[o..o + 8].try_into().expect("8 bytes"))
        }
    };
    let size = h.dtype.size();
    let mut seqs: Vec<Vec<u32>> = Vec::with_capacity(h.sequences as usize);
    let mut expect = 0i64;
    for s in 0..h.sequences {
        let len = at(HEADER + s * 4, 4);
        let ptr = at(HEADER + h.sequences * 4 + s * 8, 8);
        if ptr != expect || len < 0 {
            return Err(bad(format!("sequence {s} starts at byte {ptr}, not {expect}")));
        }
        let end = ptr + len * size as i64;
        if end as u64 > data.len() as u64 {
            return Err(bad(format!("sequence {s} ends past the end of {}", bin.display())));
        }
        let bytes = &data[ptr as usize..end as usize];
        seqs.push(match h.dtype {
            DType::U16 => bytes.chunks_exact(2).map(|c| u32::from(u16::from_le_bytes([c[0], c[1]]))).collect(),
            DType::I32 => bytes.chunks_exact(4).map(|c| i32::from_le_bytes(c.try_into().expect("4")) as u32).collect(),
        });
        expect = end;
    }
    if expect as u64 != data.len() as u64 {
        return Err(bad(format!("{} has {} bytes; its sequences end at {expect}", bin.display(), data.len())));
    }
    let mut docs = Vec::new();
    let mut prev = at(HEADER + h.sequences * 12, 8);
    if prev != 0 {
        return Err(bad("the document index does not start at 0".into()));
    }
    for d in 1..h.documents {
        let end = at(HEADER + h.sequences * 12 + d * 8, 8);
        if end < prev || end as u64 > h.sequences {
            return Err(bad(format!("document index {d} is {end}, out of order")));
        }
        docs.push(seqs[prev as usize..end as usize].concat());
        prev = end;
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, dtype: DType, docs: &[Vec<u32>]) -> PathBuf {
        let prefix = dir.join(name);
        let mut w = Writer::create(&prefix, dtype).unwrap();
        for d in docs {
            w.add(d).unwrap();
        }
        w.finish().unwrap();
        prefix
    }

    #[test]
    fn pairs_round_trip_and_merge() {
        let dir = tempfile::tempdir().unwrap();
        let a = vec![vec![1, 2, 3], vec![], vec![65_000]];
        let b = vec![vec![7; 5], vec![9]];
        let pa = write(dir.path(), "a", DType::U16, &a);
        write(dir.path(), "b", DType::U16, &b);
        assert_eq!(read_all(&pa).unwrap(), a);
        // Exact bytes of the smallest case, from the format's definition.
        let idx = std::fs::read(dir.path().join("b.idx")).unwrap();
        assert_eq!(&idx[..9], b"MMIDIDX\0\0");
        assert_eq!(idx[17], 8);
        assert_eq!(idx.len() as u64, HEADER + 2 * 12 + 3 * 8);
        assert_eq!(std::fs::metadata(dir.path().join("b.bin")).unwrap().len(), 12);

        let out = dir.path().join("m");
        // Prefixes or file names alike.
        assert_eq!(merge(&[pa.clone(), dir.path().join("b.idx")], &out).unwrap(), (5, 5, 10));
        assert_eq!(read_all(&out).unwrap(), [a.clone(), b].concat());
        // No temporary file is left behind.
        let names: Vec<String> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
        assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");

        let big = write(dir.path(), "c", DType::I32, &[vec![200_000]]);
        assert_eq!(read_all(&big).unwrap(), [vec![200_000]]);
        let e = merge(&[pa, big], &dir.path().join("x")).unwrap_err().to_string();
        assert!(e.contains("holds int32 tokens where the first input holds uint16"), "{e}");
        let mut w = Writer::create(&dir.path().join("d"), DType::U16).unwrap();
        assert!(w.add(&[70_000]).unwrap_err().to_string().contains("does not fit uint16"));
    }

    #[test]
    fn corrupt_indexes_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(dir.path(), "a", DType::U16, &[vec![1, 2]]);
        let (_, idx) = paths(&p);
        let mut bytes = std::fs::read(&idx).unwrap();
        bytes.pop();
        std::fs::write(&idx, &bytes).unwrap();
        let e = header(&idx).unwrap_err().to_string();
        assert!(e.contains("a.idx") && e.contains("need 62"), "{e}");
        std::fs::write(&idx, b"PK\x03\x04 not an index at all, but long enough to be read").unwrap();
        assert!(header(&idx).unwrap_err().to_string().contains("no MMIDIDX magic"));
    }
}
