//! Words, shingles and MinHash signatures.
//!
//! Words come from Unicode word segmentation (UAX #29), so the same code
//! serves every EU language and scripts written without spaces; they are
//! lowercased and punctuation is dropped. A document's shingles are its
//! word n-grams, hashed with xxh3 (stable across machines and versions, so
//! signatures computed on different nodes agree). The signature keeps, for
//! each of `bands × rows` multiply-shift hash functions, the minimum over
//! the shingles; the fraction of equal positions of two signatures estimates
//! the Jaccard similarity of their shingle sets.

use unicode_segmentation::UnicodeSegmentation;
use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

use crate::rng::SplitMix64;

/// Parameters of a MinHash signature.
#[derive(Debug, Clone)]
pub struct MinHasher {
    ngram: usize,
    /// Per hash function `i`: `h_i(x) = (m_i·x + c_i mod 2^64) >> 32`, the
    /// multiply-add-shift family, with the odd 64-bit multiplier `m_i`
    /// stored as its 32-bit halves so that the product can be formed from
    /// 32×32 → 64-bit multiplies, which compilers vectorise (`pmuludq`).
    /// (A cheaper `lo·a + hi·b` with 32-bit factors made the functions
    /// correlated: estimates were ~1.6× noisier and precision dropped.)
    mul_lo: Vec<u32>,
    mul_hi: Vec<u32>,
    add: Vec<u64>,
    seed: u64,
}

/// Reusable buffers for one worker.
#[derive(Debug, Default)]
pub struct ShingleScratch {
    words: Vec<u64>,
    shingles: Vec<u64>,
    lower: String,
}

/// Folds shingle hashes into the signature: for each hash function `i`,
/// `sig[i] = min(sig[i], (m_i·h + c_i mod 2^64) >> 32)` with
/// `m_i = a_i + 2^32·b_i`. The 64-bit product is assembled from three
/// 32×32-bit products (the `b_i·h_hi` term vanishes mod 2^64), written so
/// that it vectorises; [`fold_shingles`] picks an AVX2 build at run time.
#[inline(always)]
fn fold_portable(sig: &mut [u32], a: &[u32], b: &[u32], c: &[u64], shingles: &[u64]) {
    for &h in shingles {
        let (lo, hi) = (u64::from(h as u32), u64::from((h >> 32) as u32));
        for (((s, &a), &b), &c) in sig.iter_mut().zip(a).zip(b).zip(c) {
            let low = u64::from(a) * lo;
            let cross = (u64::from(a) * hi).wrapping_add(u64::from(b) * lo);
            let v = low.wrapping_add(cross << 32).wrapping_add(c);
            *s = (*s).min((v >> 32) as u32);
        }
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn fold_avx2(sig: &mut [u32], a: &[u32], b: &[u32], c: &[u64], shingles: &[u64]) {
    fold_portable(sig, a, b, c, shingles);
}

/// The same result on every CPU; AVX2 (4 lanes of 64 bits) where the CPU
/// has it, since the binary itself targets baseline x86-64 for HPC fleets.
fn fold_shingles(sig: &mut [u32], a: &[u32], b: &[u32], c: &[u64], shingles: &[u64]) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU supports AVX2, checked just above.
        unsafe { fold_avx2(sig, a, b, c, shingles) };
        return;
    }
    fold_portable(sig, a, b, c, shingles);
}

impl MinHasher {
    /// `perms` hash functions over word `ngram`s, derived from `seed`.
    pub fn new(ngram: usize, perms: usize, seed: u64) -> Self {
        let mut s = SplitMix64(seed);
        let mul: Vec<u64> = (0..perms).map(|_| s.next_u64() | 1).collect();
        let add = (0..perms).map(|_| s.next_u64()).collect();
        let mul_lo = mul.iter().map(|&m| m as u32).collect();
        let mul_hi = mul.iter().map(|&m| (m >> 32) as u32).collect();
        MinHasher { ngram: ngram.max(1), mul_lo, mul_hi, add, seed }
    }

    /// Number of hash functions.
    pub fn perms(&self) -> usize {
        self.add.len()
    }

    /// Hashes of the lowercased words of `text`, into `scratch.words`.
    fn words(&self, text: &str, scratch: &mut ShingleScratch) {
        scratch.words.clear();
        for w in text.unicode_words() {
            let h = if w.bytes().all(|b| !b.is_ascii_uppercase() && b < 0x80) {
                xxh3_64(w.as_bytes())
            } else {
                scratch.lower.clear();
                scratch.lower.extend(w.chars().flat_map(char::to_lowercase));
                xxh3_64(scratch.lower.as_bytes())
            };
            scratch.words.push(h);
        }
    }

    /// The signature of `text` into `sig` (resized to `perms`). A text with
    /// fewer words than `ngram` is one shingle; a text without words gets
    /// the all-`u32::MAX` signature (and matches nothing but its like).
    pub fn signature(&self, text: &str, scratch: &mut ShingleScratch, sig: &mut Vec<u32>) {
        self.words(text, scratch);
        sig.clear();
        sig.resize(self.perms(), u32::MAX);
        let words = &scratch.words;
        if words.is_empty() {
            return;
        }
        let n = self.ngram.min(words.len());
        let mut buf = [0u8; 8 * 16];
        scratch.shingles.clear();
        for window in words.windows(n) {
            // Hash the n word hashes together (at most 16 words per shingle).
            let k = window.len().min(16);
            for (i, w) in window[..k].iter().enumerate() {
                buf[i * 8..i * 8 + 8].copy_from_slice(&w.to_le_bytes());
            }
            scratch.shingles.push(xxh3_64_with_seed(&buf[..k * 8], self.seed));
        }
        fold_shingles(sig, &self.mul_lo, &self.mul_hi, &self.add, &scratch.shingles);
    }
}

/// Estimated Jaccard similarity: the fraction of equal positions.
pub fn estimate_jaccard(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
}

/// The LSH key of band `band` (rows `band*rows .. (band+1)*rows`).
pub fn band_hash(sig: &[u32], band: usize, rows: usize) -> u64 {
    let mut buf = [0u8; 4 * 64];
    let part = &sig[band * rows..(band + 1) * rows];
    let k = part.len().min(64);
    for (i, v) in part[..k].iter().enumerate() {
        buf[i * 4..i * 4 + 4].copy_from_slice(&v.to_le_bytes());
    }
    xxh3_64_with_seed(&buf[..k * 4], band as u64)
}

/// The exact set of word n-gram hashes of `text` (for tests and for
/// measuring true Jaccard in the quality evaluation).
pub fn shingle_set(text: &str, ngram: usize) -> std::collections::HashSet<u64> {
    let mh = MinHasher::new(ngram, 0, 0);
    let mut scratch = ShingleScratch::default();
    mh.words(text, &mut scratch);
    let words = &scratch.words;
    let n = ngram.max(1).min(words.len().max(1));
    words
        .windows(n)
        .map(|w| {
            let bytes: Vec<u8> = w.iter().flat_map(|h| h.to_le_bytes()).collect();
            xxh3_64_with_seed(&bytes, 0)
        })
        .collect()
}

/// True Jaccard similarity of two texts' word n-gram sets.
pub fn true_jaccard(a: &str, b: &str, ngram: usize) -> f64 {
    let (x, y) = (shingle_set(a, ngram), shingle_set(b, ngram));
    let inter = x.intersection(&y).count();
    let union = x.len() + y.len() - inter;
    if union == 0 {
        1.0
    } else {
        inter as f64 / union as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(mh: &MinHasher, t: &str) -> Vec<u32> {
        let mut s = Vec::new();
        mh.signature(t, &mut ShingleScratch::default(), &mut s);
        s
    }

    #[test]
    fn case_punctuation_and_spacing_do_not_matter() {
        let mh = MinHasher::new(5, 64, 7);
        let a = sig(&mh, "Der schnelle braune Fuchs springt über den faulen Hund.");
        let b = sig(&mh, "der  SCHNELLE braune Fuchs, springt über den faulen Hund!");
        assert_eq!(a, b);
        let c = sig(&mh, "Ein ganz anderer Satz über etwas völlig Verschiedenes heute.");
        assert!(estimate_jaccard(&a, &c) < 0.2);
    }

    #[test]
    fn estimate_tracks_true_jaccard() {
        let mh = MinHasher::new(3, 256, 1);
        let base: Vec<String> = (0..200).map(|i| format!("w{}", i * 7 % 101)).collect();
        let a = base.join(" ");
        let mut edited = base.clone();
        for i in (0..200).step_by(10) {
            edited[i] = format!("x{i}");
        }
        let b = edited.join(" ");
        let t = true_jaccard(&a, &b, 3);
        let e = estimate_jaccard(&sig(&mh, &a), &sig(&mh, &b));
        assert!((t - e).abs() < 0.1, "true {t:.3} estimated {e:.3}");
        assert!(t > 0.3 && t < 0.9, "{t}");
    }

    #[test]
    fn the_fold_is_the_64_bit_multiply_add_shift_family() {
        let mh = MinHasher::new(5, 16, 3);
        let h = 0x0123_4567_89ab_cdefu64;
        let mut sig = vec![u32::MAX; 16];
        fold_portable(&mut sig, &mh.mul_lo, &mh.mul_hi, &mh.add, &[h]);
        for (i, &got) in sig.iter().enumerate() {
            let m = u64::from(mh.mul_lo[i]) | (u64::from(mh.mul_hi[i]) << 32);
            assert_eq!(got, (m.wrapping_mul(h).wrapping_add(mh.add[i]) >> 32) as u32);
        }
    }

    #[test]
    fn simd_and_portable_folds_agree() {
        let mh = MinHasher::new(5, 120, 9);
        let mut rng = SplitMix64(42);
        let shingles: Vec<u64> = (0..1000).map(|_| rng.next_u64()).collect();
        let (mut x, mut y) = (vec![u32::MAX; 120], vec![u32::MAX; 120]);
        fold_portable(&mut x, &mh.mul_lo, &mh.mul_hi, &mh.add, &shingles);
        fold_shingles(&mut y, &mh.mul_lo, &mh.mul_hi, &mh.add, &shingles);
        assert_eq!(x, y);
    }

    #[test]
    fn scripts_without_spaces_and_short_texts() {
        let mh = MinHasher::new(5, 32, 0);
        assert_eq!(sig(&mh, "Καλημέρα κόσμε"), sig(&mh, "καλημέρα, Κόσμε"));
        assert_ne!(sig(&mh, "你好世界"), sig(&mh, "再见世界"));
        assert!(sig(&mh, "...").iter().all(|&v| v == u32::MAX));
    }
}
