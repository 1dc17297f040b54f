//! Rank-based BPE merging over bytes, with a per-thread cache of word → ids.
//!
//! The result is the one of `tokenizers`' `Word::merge_all`: repeatedly
//! merge the adjacent pair with the lowest merge rank, the leftmost one among
//! equals. Short words (nearly all of them) use two small arrays and a linear
//! scan; long ones a heap over a linked list, so a 100 MB run of one symbol
//! stays O(n log n).

use std::cell::RefCell;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::hash::{BuildHasher, BuildHasherDefault};
use std::sync::atomic::{AtomicU64, Ordering};

use hashbrown::HashTable;
use rustc_hash::{FxBuildHasher, FxHasher};

pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Words up to this many bytes are merged with the linear scan.
const SHORT_WORD: usize = 64;
/// Words longer than this are not cached (they rarely repeat).
const MAX_CACHED_WORD: usize = 256;

/// A BPE model: vocabulary and merges over ids.
pub struct Merger {
    /// Id of each single byte: its byte-level token, or with `chars` its
    /// byte-fallback token `<0xXX>`.
    byte_ids: [u32; 256],
    /// SentencePiece-style models start from characters: the id of each
    /// character in the vocabulary (others fall back to their bytes).
    chars: Option<FxMap<char, u32>>,
    /// `(left id, right id)` → `(rank, merged id)`.
    merges: FxMap<u64, (u32, u32)>,
    /// Raw bytes → id, for `ignore_merges` (Llama 3): a word that is itself
    /// a token is that token.
    whole_words: Option<FxMap<Box<[u8]>, u32>>,
    /// Distinguishes this model's cache entries from another's on the same
    /// thread.
    instance: u64,
    /// Per-thread cache capacity, in words.
    cache_words: usize,
}

/// `(left, right)` as one hash key.
#[inline]
fn key(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

impl Merger {
    /// A model from the id of every byte, the merges in rank order as
    /// `(left, right, merged)` ids, and the raw-bytes vocabulary when merges
    /// are skipped for whole-token words.
    pub fn new(
        byte_ids: [u32; 256],
        chars: Option<FxMap<char, u32>>,
        merges: impl IntoIterator<Item = (u32, u32, u32)>,
        whole_words: Option<FxMap<Box<[u8]>, u32>>,
        cache_words: usize,
    ) -> Merger {
        static INSTANCES: AtomicU64 = AtomicU64::new(1);
        let mut map = FxMap::default();
        for (rank, (a, b, m)) in merges.into_iter().enumerate() {
            // The first occurrence of a duplicated pair keeps its rank, as
            // when `tokenizers` builds its map (later inserts would win
            // there too only for the id, which is the same token).
            map.entry(key(a, b)).or_insert((rank as u32, m));
        }
        Merger {
            byte_ids,
            chars,
            merges: map,
            whole_words,
            instance: INSTANCES.fetch_add(1, Ordering::Relaxed),
            cache_words,
        }
    }

    #[inline]
    fn rank(&self, a: u32, b: u32) -> Option<(u32, u32)> {
        self.merges.get(&key(a, b)).copied()
    }

    /// Runs `f` with this thread's cache (emptied first if it holds
    /// another model's words). Borrowed once per text, not per word.
    pub fn with_cache<R>(&self, f: impl FnOnce(&mut Cache) -> R) -> R {
        CACHE.with_borrow_mut(|cache| {
            if cache.instance != self.instance {
                cache.clear(self.instance);
            }
            f(cache)
        })
    }

    /// Appends the ids of the word's symbols before any merge.
    fn initial(&self, word: &str, out: &mut Vec<u32>) {
        match &self.chars {
            None => out.extend(word.bytes().map(|b| self.byte_ids[b as usize])),
            Some(chars) => {
                for c in word.chars() {
                    match chars.get(&c) {
                        Some(&id) => out.push(id),
                        None => out.extend(c.encode_utf8(&mut [0; 4]).bytes().map(|b| self.byte_ids[b as usize])),
                    }
                }
            }
        }
    }

    /// Appends the ids of one pre-tokenized word to `out`.
    pub fn encode_word(&self, word: &str, out: &mut Vec<u32>, cache: &mut Cache) {
        match word.len() {
            0 => return,
            1 => return self.initial(word, out),
            _ => {}
        }
        let text = word;
        let word = text.as_bytes();
        if let Some(id) = self.whole_words.as_ref().and_then(|w| w.get(word)) {
            return out.push(*id);
        }
        if word.len() > MAX_CACHED_WORD || self.cache_words == 0 {
            return self.merge(text, out, &mut cache.ranks);
        }
        if cache.table.len() >= self.cache_words {
            cache.clear(self.instance);
        }
        let hash = FxBuildHasher.hash_one(word);
        let head = head(word);
        let found = cache.table.find(hash, |e| {
            e.head == head
                && e.key_len as usize == word.len()
                && (word.len() <= 16 || cache.bytes[e.key_at as usize..][..word.len()] == *word)
        });
        if let Some(e) = found {
            return out.extend_from_slice(&cache.ids[e.ids_at as usize..][..e.ids_len as usize]);
        }
        let start = out.len();
        self.merge(text, out, &mut cache.ranks);
        let e = Entry {
            hash,
            head,
            key_at: cache.bytes.len() as u32,
            key_len: word.len() as u32,
            ids_at: cache.ids.len() as u32,
            ids_len: (out.len() - start) as u32,
        };
        if word.len() > 16 {
            cache.bytes.extend_from_slice(word);
        }
        cache.ids.extend_from_slice(&out[start..]);
        cache.table.insert_unique(hash, e, |e| e.hash);
    }

    fn merge(&self, word: &str, out: &mut Vec<u32>, ranks: &mut Vec<(u32, u32)>) {
        if word.len() <= SHORT_WORD {
            self.merge_short(word, out, ranks);
        } else {
            self.merge_long(word, out);
        }
    }

    #[inline]
    fn pair(&self, a: u32, b: u32) -> (u32, u32) {
        self.rank(a, b).unwrap_or((u32::MAX, 0))
    }

    /// Linear scan over the word's ids, appended to `out` and merged there:
    /// `ranks[i]` is the `(rank, merged id)` of the pair at `i`.
    fn merge_short(&self, word: &str, out: &mut Vec<u32>, ranks: &mut Vec<(u32, u32)>) {
        let start = out.len();
        self.initial(word, out);
        let ids = &mut out[start..];
        ranks.clear();
        ranks.extend(ids.windows(2).map(|w| self.pair(w[0], w[1])));
        let mut n = ids.len();
        while n > 1 {
            // The first minimum is the leftmost among equal ranks.
            let (mut best, mut at) = (u32::MAX, 0);
            for (i, r) in ranks[..n - 1].iter().enumerate() {
                if r.0 < best {
                    (best, at) = (r.0, i);
                }
            }
            if best == u32::MAX {
                break;
            }
            ids[at] = ranks[at].1;
            ids.copy_within(at + 2..n, at + 1);
            if at + 2 < n {
                ranks.copy_within(at + 2..n - 1, at + 1);
            }
            n -= 1;
            if at + 1 < n {
                ranks[at] = self.pair(ids[at], ids[at + 1]);
            }
            if at > 0 {
                ranks[at - 1] = self.pair(ids[at - 1], ids[at]);
            }
        }
        out.truncate(start + n);
    }

    /// Heap over a doubly linked list, as `tokenizers` does: an entry is
    /// stale when the symbols at its position have changed since it was
    /// pushed.
    fn merge_long(&self, word: &str, out: &mut Vec<u32>) {
        const NONE: usize = usize::MAX;
        let mut ids = Vec::new();
        self.initial(word, &mut ids);
        let n = ids.len();
        let mut next: Vec<usize> = (1..=n).map(|i| if i == n { NONE } else { i }).collect();
        let mut prev: Vec<usize> = (0..n).map(|i| if i == 0 { NONE } else { i - 1 }).collect();
        let mut alive = vec![true; n];
        let mut heap = BinaryHeap::with_capacity(n);
        for i in 0..n - 1 {
            if let Some((r, m)) = self.rank(ids[i], ids[i + 1]) {
                heap.push(Reverse((r, i, m)));
            }
        }
        while let Some(Reverse((_, at, merged))) = heap.pop() {
            let right = next[at];
            if !alive[at] || right == NONE || self.rank(ids[at], ids[right]).is_none_or(|(_, m)| m != merged) {
                continue;
            }
            ids[at] = merged;
            alive[right] = false;
            next[at] = next[right];
            if next[at] != NONE {
                prev[next[at]] = at;
                if let Some((r, m)) = self.rank(ids[at], ids[next[at]]) {
                    heap.push(Reverse((r, at, m)));
                }
            }
            if prev[at] != NONE {
                let p = prev[at];
                if let Some((r, m)) = self.rank(ids[p], ids[at]) {
                    heap.push(Reverse((r, p, m)));
                }
            }
        }
        let mut i = 0;
        while i != NONE {
            out.push(ids[i]);
            i = next[i];
        }
    }
}

/// One thread's cache: words and their ids in two arenas, a hash table of
/// ranges over them (no allocation per word; clearing keeps the memory).
#[derive(Default)]
pub struct Cache {
    instance: u64,
    /// Scratch of [`Merger::merge_short`].
    ranks: Vec<(u32, u32)>,
    table: HashTable<Entry>,
    bytes: Vec<u8>,
    ids: Vec<u32>,
}

/// The first 16 bytes of a word, zero-padded: words up to 16 bytes (nearly
/// all) are compared without touching the arena.
#[inline]
fn head(word: &[u8]) -> [u64; 2] {
    let mut b = [0u8; 16];
    let n = word.len().min(16);
    b[..n].copy_from_slice(&word[..n]);
    [
        u64::from_ne_bytes(b[..8].try_into().unwrap_or_default()),
        u64::from_ne_bytes(b[8..].try_into().unwrap_or_default()),
    ]
}

/// A cached word: its head, and for words over 16 bytes
/// `bytes[key_at..][..key_len]`; its ids `ids[ids_at..][..ids_len]`.
struct Entry {
    hash: u64,
    head: [u64; 2],
    key_at: u32,
    key_len: u32,
    ids_at: u32,
    ids_len: u32,
}

impl Cache {
    fn clear(&mut self, instance: u64) {
        self.instance = instance;
        self.table.clear();
        self.bytes.clear();
        self.ids.clear();
    }
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes a=0, b=1, c=2 (others 3); merges in rank order: ab=4, bc=5, abc=6 (ab + c), aa=7.
    fn toy(cache_words: usize) -> Merger {
        let mut bytes = [3u32; 256];
        bytes[b'a' as usize] = 0;
        bytes[b'b' as usize] = 1;
        bytes[b'c' as usize] = 2;
        Merger::new(bytes, None, [(0, 1, 4), (1, 2, 5), (4, 2, 6), (0, 0, 7)], None, cache_words)
    }

    fn enc(m: &Merger, w: &str) -> Vec<u32> {
        let mut out = Vec::new();
        m.with_cache(|c| m.encode_word(w, &mut out, c));
        out
    }

    #[test]
    fn lowest_rank_first_then_leftmost() {
        let m = toy(16);
        assert_eq!(enc(&m, "abc"), [6]); // ab (rank 0) before bc (rank 1), then ab+c
        assert_eq!(enc(&m, "bc"), [5]);
        assert_eq!(enc(&m, "aaa"), [7, 0]); // leftmost of two equal pairs
        assert_eq!(enc(&m, "xabcx"), [3, 6, 3]);
        // Cached answers are the same answers.
        assert_eq!(enc(&m, "aaa"), [7, 0]);
    }

    #[test]
    fn the_heap_and_the_scan_agree() {
        let m = toy(0);
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..2000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = 2 + (seed % 62) as usize;
            let word: String = (0..len).map(|i| ['a', 'b', 'c', 'x'][((seed >> (i % 60)) % 4) as usize]).collect();
            let (mut heap, mut scan) = (Vec::new(), Vec::new());
            m.merge_long(&word, &mut heap);
            m.merge_short(&word, &mut scan, &mut Vec::new());
            assert_eq!(heap, scan, "{word}");
        }
    }
}
