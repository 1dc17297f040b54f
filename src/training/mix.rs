//! Language mixing: from each language's size to a sampling rate, and from
//! a rate to a deterministic choice per document.
//!
//! A language with rate `r = k + f` (k whole, 0 ≤ f < 1) gives each of its
//! documents `k` copies, plus one more to the documents whose selection
//! hash falls below a threshold. The threshold comes from a histogram of
//! the language's tokens over 2^16 bins of that hash, chosen so the extra
//! copies hold as close to `f` of the language's tokens as the bins allow
//! (a bin on a large corpus is 1/65 536 of the language). Memory is the
//! histogram, whatever the corpus size, and the choice does not depend on
//! the order documents are seen in.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::config::MixConfig;

/// Bins of the selection hash (its top 16 bits).
pub const BINS: usize = 1 << 16;

/// The bin of a selection hash.
pub fn bin(u: u64) -> u16 {
    (u >> 48) as u16
}

/// Tokens per bin of one language, sparse (bin → weight).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Histogram(pub BTreeMap<u16, u64>);

impl Histogram {
    /// Counts `weight` in `u`'s bin.
    pub fn add(&mut self, u: u64, weight: u64) {
        *self.0.entry(bin(u)).or_default() += weight;
    }

    /// Adds another histogram.
    pub fn merge(&mut self, other: &Histogram) {
        for (&b, &w) in &other.0 {
            *self.0.entry(b).or_default() += w;
        }
    }

    /// Total weight.
    pub fn total(&self) -> u64 {
        self.0.values().sum()
    }

    /// The number of bins `t` such that the weight of bins `< t` is as
    /// close as possible to `target`, with that weight.
    pub fn threshold(&self, target: f64) -> (u32, u64) {
        let (mut best, mut best_w) = (0u32, 0u64);
        let mut cum = 0u64;
        for (&b, &w) in &self.0 {
            let next = cum + w;
            if (next as f64 - target).abs() < (best_w as f64 - target).abs() {
                best = u32::from(b) + 1;
                best_w = next;
            }
            if next as f64 >= target {
                break;
            }
            cum = next;
        }
        (best, best_w)
    }
}

/// One language's rate as applied: `copies` each, plus one for documents
/// whose bin is below `threshold`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Rate {
    /// Copies every document gets.
    pub copies: u32,
    /// Bins (of [`BINS`]) whose documents get one more.
    pub threshold: u32,
    /// The rate asked for.
    pub target: f64,
    /// The weight the choice gives (tokens, or bytes of text).
    pub weight: u64,
}

impl Rate {
    /// Natural size: every document once.
    pub fn one(weight: u64) -> Rate {
        Rate { copies: 1, threshold: 0, target: 1.0, weight }
    }

    /// The copies a document with selection hash `u` gets.
    pub fn copies_of(&self, u: u64) -> u32 {
        self.copies + u32::from(u32::from(bin(u)) < self.threshold)
    }
}

/// The target share of each language (sums to 1 over the languages kept;
/// a language absent from the result is dropped).
pub fn shares(cfg: &MixConfig, sizes: &BTreeMap<String, u64>) -> BTreeMap<String, f64> {
    let mut out = BTreeMap::new();
    if let Some(alpha) = cfg.temperature {
        let weights: BTreeMap<&String, f64> =
            sizes.iter().filter(|(_, &s)| s > 0).map(|(l, &s)| (l, (s as f64).powf(alpha))).collect();
        let sum: f64 = weights.values().sum();
        for (l, w) in weights {
            out.insert(l.clone(), w / sum);
        }
        return out;
    }
    let given: f64 = cfg.shares.values().sum();
    for (l, &s) in &cfg.shares {
        if sizes.get(l).copied().unwrap_or(0) > 0 && s > 0.0 {
            out.insert(l.clone(), s);
        }
    }
    let left = 1.0 - given;
    let others: u64 = sizes.iter().filter(|(l, _)| !cfg.shares.contains_key(*l)).map(|(_, &s)| s).sum();
    if left > 1e-9 && others > 0 {
        for (l, &s) in sizes.iter().filter(|(l, &s)| s > 0 && !cfg.shares.contains_key(*l)) {
            out.insert(l.clone(), left * s as f64 / others as f64);
        }
    }
    // Shares of languages the data lacks are given to the others pro rata.
    let sum: f64 = out.values().sum();
    if sum > 0.0 {
        out.values_mut().for_each(|v| *v /= sum);
    }
    out
}

/// Each language's rate for the train split: `hists` are the languages'
/// token histograms. Languages without a share get rate 0.
pub fn rates(cfg: &MixConfig, hists: &BTreeMap<String, Histogram>) -> BTreeMap<String, Rate> {
    let sizes: BTreeMap<String, u64> = hists.iter().map(|(l, h)| (l.clone(), h.total())).collect();
    let total = if cfg.total_tokens > 0 { cfg.total_tokens } else { sizes.values().sum() };
    let shares = shares(cfg, &sizes);
    let mut out = BTreeMap::new();
    for (l, h) in hists {
        let size = sizes[l];
        let share = shares.get(l).copied().unwrap_or(0.0);
        if size == 0 {
            out.insert(l.clone(), Rate::one(0));
            continue;
        }
        let target = share * total as f64 / size as f64;
        let copies = target.floor() as u32;
        let (threshold, extra) = h.threshold((target - f64::from(copies)) * size as f64);
        let weight = u64::from(copies) * size + extra;
        out.insert(l.clone(), Rate { copies, threshold, target, weight });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::SplitMix64;

    fn hist(seed: u64, docs: usize, tokens: u64) -> Histogram {
        let mut r = SplitMix64(seed);
        let mut h = Histogram::default();
        for _ in 0..docs {
            let t = 1 + r.below(tokens);
            h.add(r.next_u64(), t);
        }
        h
    }

    #[test]
    fn shares_fill_the_rest_pro_rata_or_drop_it() {
        let sizes: BTreeMap<String, u64> = [("de", 600), ("fr", 300), ("mt", 100)].map(|(l, s)| (l.into(), s)).into();
        let cfg = MixConfig { shares: [("mt".to_string(), 0.5)].into(), ..Default::default() };
        let s = shares(&cfg, &sizes);
        assert!((s["mt"] - 0.5).abs() < 1e-12 && (s["de"] - 1.0 / 3.0).abs() < 1e-12, "{s:?}");
        let cfg = MixConfig { shares: [("mt".to_string(), 0.5), ("fr".into(), 0.5)].into(), ..Default::default() };
        assert_eq!(shares(&cfg, &sizes).keys().collect::<Vec<_>>(), ["fr", "mt"]);
        // A language the data lacks gives its share to the others.
        let cfg = MixConfig { shares: [("ga".to_string(), 0.5), ("fr".into(), 0.5)].into(), ..Default::default() };
        assert_eq!(shares(&cfg, &sizes), [("fr".to_string(), 1.0)].into());
        let cfg = MixConfig { temperature: Some(0.0), ..Default::default() };
        assert!(shares(&cfg, &sizes).values().all(|&v| (v - 1.0 / 3.0).abs() < 1e-12));
    }

    #[test]
    fn rates_meet_the_shares_within_a_bin() {
        let hists: BTreeMap<String, Histogram> =
            [("de", hist(1, 200_000, 900)), ("fr", hist(2, 50_000, 900)), ("mt", hist(3, 2_000, 900))]
                .map(|(l, h)| (l.to_string(), h))
                .into();
        let cfg = MixConfig {
            shares: [("de", 0.5), ("fr", 0.3), ("mt", 0.2)].map(|(l, s)| (l.into(), s)).into(),
            ..Default::default()
        };
        let r = rates(&cfg, &hists);
        let total: u64 = r.values().map(|r| r.weight).sum();
        let want: u64 = hists.values().map(Histogram::total).sum();
        for (l, s) in [("de", 0.5), ("fr", 0.3), ("mt", 0.2)] {
            let got = r[l].weight as f64 / total as f64;
            assert!((got - s).abs() < 0.001, "{l}: {got} vs {s}");
        }
        assert!((total as f64 / want as f64 - 1.0).abs() < 0.001);
        assert!(r["mt"].copies >= 10 && r["de"].copies == 0, "{r:?}");
        // The weight the rate claims is the weight of the documents it picks.
        let mut rng = SplitMix64(3);
        let mut picked = 0u64;
        for _ in 0..2_000 {
            let t = 1 + rng.below(900);
            picked += u64::from(r["mt"].copies_of(rng.next_u64())) * t;
        }
        assert_eq!(picked, r["mt"].weight);
    }

    #[test]
    fn threshold_picks_the_nearest_cumulative_weight() {
        let h = Histogram([(3u16, 10u64), (9, 10), (70, 100)].into());
        assert_eq!(h.threshold(0.0), (0, 0));
        assert_eq!(h.threshold(14.0), (4, 10));
        assert_eq!(h.threshold(16.0), (10, 20));
        assert_eq!(h.threshold(80.0), (71, 120));
        assert_eq!(h.threshold(1e9), (71, 120));
    }
}
