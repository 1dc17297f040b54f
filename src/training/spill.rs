//! The scatter files between the scatter and gather phases: one per input
//! shard and split, its documents sorted by shuffle key, with a footer
//! giving where each bucket's run starts so a gather task reads only its
//! bucket of every file.

use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::Path;

use crate::error::{Error, Result};

const MAGIC: &[u8; 8] = b"ECSCAT01";

/// A document's text or token ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Payload {
    /// Token ids.
    Ids(Vec<u32>),
    /// Text (datasets without token ids).
    Text(String),
}

impl Payload {
    /// Tokens, or bytes of text: what shares and sizes are measured in.
    pub fn weight(&self) -> u64 {
        match self {
            Payload::Ids(v) => v.len() as u64,
            Payload::Text(t) => t.len() as u64,
        }
    }

    /// Bytes it takes in memory and in a scatter file.
    pub fn bytes(&self) -> u64 {
        match self {
            Payload::Ids(v) => 4 * v.len() as u64,
            Payload::Text(t) => t.len() as u64,
        }
    }
}

/// One copy of a document on its way to an output file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Shuffle key: the output is in key order.
    pub key: u64,
    /// Input shard and row (ties of the key are broken by them).
    pub shard: u32,
    /// Row in the shard.
    pub row: u32,
    /// Copy number (0 first; more when a language is up-sampled).
    pub copy: u32,
    /// Language code.
    pub lang: String,
    /// Document id.
    pub id: String,
    /// Its tokens or text.
    pub payload: Payload,
}

impl Entry {
    /// The order of the output.
    pub fn order(&self) -> (u64, u32, u32, u32) {
        (self.key, self.shard, self.row, self.copy)
    }

    /// Approximate bytes in a scatter file.
    pub fn size(&self) -> u64 {
        29 + self.lang.len() as u64 + self.id.len() as u64 + self.payload.bytes()
    }
}

/// The bucket of a key among `buckets` (order-preserving: bucket order
/// then key order is key order).
pub fn bucket_of(key: u64, buckets: u32) -> u32 {
    ((u128::from(key) * u128::from(buckets)) >> 64) as u32
}

fn put(out: &mut Vec<u8>, e: &Entry) {
    out.extend_from_slice(&e.key.to_le_bytes());
    out.extend_from_slice(&e.shard.to_le_bytes());
    out.extend_from_slice(&e.row.to_le_bytes());
    out.extend_from_slice(&e.copy.to_le_bytes());
    let lang = &e.lang.as_bytes()[..e.lang.len().min(255)];
    out.push(lang.len() as u8);
    out.extend_from_slice(lang);
    out.extend_from_slice(&(e.id.len() as u32).to_le_bytes());
    out.extend_from_slice(e.id.as_bytes());
    match &e.payload {
        Payload::Ids(v) => {
            out.push(0);
            out.extend_from_slice(&(v.len() as u32).to_le_bytes());
            v.iter().for_each(|t| out.extend_from_slice(&t.to_le_bytes()));
        }
        Payload::Text(t) => {
            out.push(1);
            out.extend_from_slice(&(t.len() as u32).to_le_bytes());
            out.extend_from_slice(t.as_bytes());
        }
    }
}

/// Writes `entries` (sorted by [`Entry::order`]) to `path` atomically;
/// returns the file's size.
///
/// # Errors
/// A write fails.
pub fn write(path: &Path, entries: &[Entry], buckets: u32) -> Result<u64> {
    let tmp = path.with_extension("tmp");
    let io = |e| Error::io(&tmp, "write the file", e);
    let f = File::create(&tmp).map_err(|e| Error::io(&tmp, "create the file", e))?;
    let mut w = BufWriter::with_capacity(1 << 20, f);
    let mut starts = vec![0u64; buckets as usize + 1];
    let mut buf = Vec::with_capacity(1 << 16);
    let mut at = 0u64;
    let mut next_bucket = 0u32;
    for e in entries {
        let b = bucket_of(e.key, buckets);
        while next_bucket <= b {
            starts[next_bucket as usize] = at;
            next_bucket += 1;
        }
        buf.clear();
        put(&mut buf, e);
        w.write_all(&buf).map_err(io)?;
        at += buf.len() as u64;
    }
    for s in &mut starts[next_bucket as usize..] {
        *s = at;
    }
    for s in &starts {
        w.write_all(&s.to_le_bytes()).map_err(io)?;
    }
    w.write_all(&u64::from(buckets).to_le_bytes()).map_err(io)?;
    w.write_all(MAGIC).map_err(io)?;
    let f = w.into_inner().map_err(|e| Error::io(&tmp, "write the file", e.into_error()))?;
    f.sync_all().map_err(|e| Error::io(&tmp, "sync the file", e))?;
    let size = f.metadata().map_err(|e| Error::io(&tmp, "stat", e))?.len();
    drop(f);
    std::fs::rename(&tmp, path).map_err(|e| Error::io(path, "publish the file", e))?;
    Ok(size)
}

/// Reads bucket `bucket` of the scatter file `path`, appending to `out`.
///
/// # Errors
/// The file is unreadable, has another bucket count, or is corrupt.
pub fn read_bucket(path: &Path, bucket: u32, buckets: u32, out: &mut Vec<Entry>) -> Result<()> {
    let bad = |d: &str| Error::Output { path: path.to_path_buf(), detail: format!("corrupt scatter file: {d}") };
    let mut f = File::open(path).map_err(|e| Error::io(path, "open", e))?;
    let len = f.metadata().map_err(|e| Error::io(path, "stat", e))?.len();
    let footer = 8 * (u64::from(buckets) + 1) + 16;
    if len < footer {
        return Err(bad("shorter than its footer"));
    }
    let mut tail = [0u8; 16];
    f.seek(SeekFrom::Start(len - 16)).map_err(|e| Error::io(path, "read", e))?;
    f.read_exact(&mut tail).map_err(|e| Error::io(path, "read", e))?;
    if &tail[8..] != MAGIC || u64::from_le_bytes(tail[..8].try_into().expect("8")) != u64::from(buckets) {
        return Err(bad("wrong magic or bucket count"));
    }
    let mut se = [0u8; 16];
    f.seek(SeekFrom::Start(len - footer + 8 * u64::from(bucket))).map_err(|e| Error::io(path, "read", e))?;
    f.read_exact(&mut se).map_err(|e| Error::io(path, "read", e))?;
    let (start, end) =
        (u64::from_le_bytes(se[..8].try_into().expect("8")), u64::from_le_bytes(se[8..].try_into().expect("8")));
    if start > end || end > len - footer {
        return Err(bad("bucket offsets out of range"));
    }
    let mut data = vec![0u8; (end - start) as usize];
    f.seek(SeekFrom::Start(start)).map_err(|e| Error::io(path, "read", e))?;
    f.read_exact(&mut data).map_err(|e| Error::io(path, "read", e))?;
    let mut p = 0usize;
    let take = |p: &mut usize, n: usize| -> Result<&[u8]> {
        let s = data.get(*p..*p + n).ok_or_else(|| bad("a record runs past its bucket"))?;
        *p += n;
        Ok(s)
    };
    let u32_at = |b: &[u8]| u32::from_le_bytes(b.try_into().expect("4"));
    while p < data.len() {
        let key = u64::from_le_bytes(take(&mut p, 8)?.try_into().expect("8"));
        let shard = u32_at(take(&mut p, 4)?);
        let row = u32_at(take(&mut p, 4)?);
        let copy = u32_at(take(&mut p, 4)?);
        let ll = take(&mut p, 1)?[0] as usize;
        let lang = String::from_utf8(take(&mut p, ll)?.to_vec()).map_err(|_| bad("language is not UTF-8"))?;
        let il = u32_at(take(&mut p, 4)?) as usize;
        let id = String::from_utf8(take(&mut p, il)?.to_vec()).map_err(|_| bad("id is not UTF-8"))?;
        let kind = take(&mut p, 1)?[0];
        let n = u32_at(take(&mut p, 4)?) as usize;
        let payload = match kind {
            0 => Payload::Ids(take(&mut p, 4 * n)?.chunks_exact(4).map(u32_at).collect()),
            1 => Payload::Text(String::from_utf8(take(&mut p, n)?.to_vec()).map_err(|_| bad("text is not UTF-8"))?),
            _ => return Err(bad("unknown payload kind")),
        };
        if bucket_of(key, buckets) != bucket {
            return Err(bad("a record is in the wrong bucket"));
        }
        out.push(Entry { key, shard, row, copy, lang, id, payload });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_round_trip_and_keep_key_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut r = crate::rng::SplitMix64(5);
        let mut entries: Vec<Entry> = (0..500)
            .map(|i| Entry {
                key: r.next_u64(),
                shard: 3,
                row: i,
                copy: i % 2,
                lang: if i % 3 == 0 { "mt".into() } else { String::new() },
                id: format!("doc-{i}"),
                payload: if i % 5 == 0 { Payload::Text("ħ".repeat(i as usize)) } else { Payload::Ids(vec![i; 3]) },
            })
            .collect();
        entries.sort_by_key(Entry::order);
        let path = dir.path().join("s.bin");
        write(&path, &entries, 7).unwrap();
        let mut back = Vec::new();
        for b in 0..7 {
            let before = back.len();
            read_bucket(&path, b, 7, &mut back).unwrap();
            assert!(back[before..].iter().all(|e| bucket_of(e.key, 7) == b));
        }
        assert_eq!(back, entries);
        assert!(read_bucket(&path, 0, 8, &mut back).unwrap_err().to_string().contains("bucket count"));
        // An empty file has every bucket empty.
        write(&path, &[], 3).unwrap();
        let mut none = Vec::new();
        read_bucket(&path, 2, 3, &mut none).unwrap();
        assert!(none.is_empty());
        assert_eq!(bucket_of(u64::MAX, 3), 2);
        assert_eq!(bucket_of(0, 3), 0);
    }
}
