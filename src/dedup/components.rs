//! Connected components of the duplicate graph in bounded memory.
//!
//! Every node gets the smallest node of its component as its label, by
//! min-label propagation with pointer jumping over sorted files: each round
//! sends every node's label to its neighbours and keeps the smallest
//! (`L'(x) = min(L(x), L(y) for y next to x)`), then jumps
//! (`L''(x) = L'(L'(x))`), until a round changes nothing. Labels only
//! decrease and are always nodes of the same component, so at the fixpoint
//! every component carries its smallest node. Each step is a sort and a
//! merge-join of files sorted by node, so memory is the sorters' budget
//! whatever the number of duplicates (an in-memory union-find needs tens of
//! bytes per document in a duplicate pair: hundreds of GB at terabyte
//! scale). Pointer jumping keeps the rounds near the logarithm of the
//! longest chain of near-duplicates.

use std::iter::Peekable;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;

use super::runfile::{Record, RecordReader, Sorter};
use crate::error::{Error, Result};

fn pair(a: u64, b: u64) -> Record {
    Record { section: 0, hash: a, doc: b }
}

/// The root of `x` in a union-find kept as a map (absent: its own root),
/// with path halving.
fn find(p: &mut FxHashMap<u64, u64>, x: u64) -> u64 {
    let mut x = x;
    loop {
        let parent = *p.entry(x).or_insert(x);
        if parent == x {
            return x;
        }
        let grand = p[&parent];
        p.insert(x, grand);
        x = parent;
    }
}

/// The next record if it satisfies `f`; a read error is returned, never
/// skipped.
pub(crate) fn next_if_ok(r: &mut Peekable<RecordReader>, f: impl Fn(&Record) -> bool) -> Result<Option<Record>> {
    match r.peek() {
        Some(Ok(x)) if f(x) => r.next().transpose(),
        Some(Err(_)) => r.next().transpose(),
        _ => Ok(None),
    }
}

fn read(path: &Path) -> Result<Peekable<RecordReader>> {
    Ok(RecordReader::section(path, 0)?.peekable())
}

/// Labels the nodes of the graph whose edges `edges` yields with the
/// smallest node of their component, sorting within `budget` bytes (at most
/// two sorters are alive at once) in `dir`. Returns a file of
/// `(node, label)` records sorted by node (read it with
/// `RecordReader::section(path, 0)`), and the rounds it took.
///
/// # Errors
/// I/O errors on the work files.
pub fn min_labels(
    edges: impl Iterator<Item = Result<(u64, u64)>>,
    budget: usize,
    dir: &Path,
) -> Result<(PathBuf, u32)> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, "create the clusters folder", e))?;
    let spill = dir.join("spill");
    let file = |name: &str| dir.join(format!("{name}.bin"));

    // Adjacency in both directions, sorted by (node, neighbour); each chunk
    // of edges that fits in memory is first contracted into stars (an
    // in-memory union-find: every node points at its chunk component's
    // smallest node). Components stay the same, and their diameter drops
    // to a few hops: one round settles a graph that fits in one chunk.
    let mut adj = Sorter::new(budget, &spill);
    let chunk = (budget / 64).max(16);
    let mut uf: FxHashMap<u64, u64> = FxHashMap::default();
    let mut in_chunk = 0usize;
    let mut edges = edges.peekable();
    while let Some(e) = edges.next() {
        let (a, b) = e?;
        let (ra, rb) = (find(&mut uf, a), find(&mut uf, b));
        uf.insert(ra.max(rb), ra.min(rb));
        in_chunk += 1;
        if in_chunk == chunk || edges.peek().is_none() {
            let nodes: Vec<u64> = uf.keys().copied().collect();
            for n in nodes {
                let root = find(&mut uf, n);
                if root != n {
                    adj.push(pair(n, root))?;
                    adj.push(pair(root, n))?;
                }
            }
            uf.clear();
            in_chunk = 0;
        }
    }
    drop(uf);
    adj.finish(&file("adj"))?;

    // First labels: a node and its smallest neighbour (the first one).
    let mut labels = Sorter::new(budget, &spill);
    let mut prev = None;
    for r in read(&file("adj"))? {
        let r = r?;
        if prev != Some(r.hash) {
            labels.push(pair(r.hash, r.hash.min(r.doc)))?;
            prev = Some(r.hash);
        }
    }
    labels.finish(&file("labels"))?;

    let mut rounds = 0;
    loop {
        rounds += 1;
        // Propagate: each node's label to itself and to its neighbours.
        let mut prop = Sorter::new(budget, &spill);
        let mut adj_r = read(&file("adj"))?;
        for l in read(&file("labels"))? {
            let l = l?;
            prop.push(l)?;
            while let Some(a) = next_if_ok(&mut adj_r, |a| a.hash == l.hash)? {
                prop.push(pair(a.doc, l.doc))?;
            }
        }
        prop.finish(&file("prop"))?;
        // The smallest proposal per node (the first), and the same keyed by label.
        let (mut next, mut by_label) = (Sorter::new(budget / 2, &spill), Sorter::new(budget / 2, &spill.join("l")));
        let mut prev = None;
        for p in read(&file("prop"))? {
            let p = p?;
            if prev != Some(p.hash) {
                next.push(p)?;
                by_label.push(pair(p.doc, p.hash))?;
                prev = Some(p.hash);
            }
        }
        next.finish(&file("next"))?;
        by_label.finish(&file("by-label"))?;
        // Jump: every node takes its label's label (labels are nodes).
        let mut jumped = Sorter::new(budget, &spill);
        let mut next_r = read(&file("next"))?;
        let mut cached: Option<(u64, u64)> = None;
        for x in read(&file("by-label"))? {
            let x = x?;
            let target = match cached {
                Some((label, t)) if label == x.hash => t,
                _ => {
                    let mut t = x.hash;
                    while let Some(n) = next_if_ok(&mut next_r, |n| n.hash <= x.hash)? {
                        if n.hash == x.hash {
                            t = n.doc;
                        }
                    }
                    cached = Some((x.hash, t));
                    t
                }
            };
            jumped.push(pair(x.doc, target))?;
        }
        jumped.finish(&file("jumped"))?;
        // Done when nothing changed.
        let mut changed = 0u64;
        let mut old = read(&file("labels"))?;
        for n in read(&file("jumped"))? {
            let n = n?;
            if old.next().transpose()?.is_none_or(|o| o.doc != n.doc) {
                changed += 1;
            }
        }
        std::fs::rename(file("jumped"), file("labels")).map_err(|e| Error::io(file("labels"), "replace", e))?;
        if changed == 0 {
            break;
        }
    }
    for f in ["adj", "prop", "next", "by-label"] {
        let _ = std::fs::remove_file(file(f));
    }
    let _ = std::fs::remove_dir_all(&spill);
    Ok((file("labels"), rounds))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// The oracle: an in-memory union-find, smallest node as root.
    fn union_find(edges: &[(u64, u64)]) -> Vec<(u64, u64)> {
        fn find(p: &mut HashMap<u64, u64>, x: u64) -> u64 {
            let mut r = x;
            while p[&r] != r {
                r = p[&r];
            }
            r
        }
        let mut p: HashMap<u64, u64> = HashMap::new();
        for &(a, b) in edges {
            p.entry(a).or_insert(a);
            p.entry(b).or_insert(b);
            let (ra, rb) = (find(&mut p, a), find(&mut p, b));
            p.insert(ra.max(rb), ra.min(rb));
        }
        let mut nodes: Vec<u64> = p.keys().copied().collect();
        nodes.sort_unstable();
        nodes.into_iter().map(|n| (n, find(&mut p, n))).collect()
    }

    fn labels(edges: &[(u64, u64)], budget: usize) -> (Vec<(u64, u64)>, u32) {
        let dir = tempfile::TempDir::new().unwrap();
        let (path, rounds) = min_labels(edges.iter().map(|&e| Ok(e)), budget, dir.path()).unwrap();
        let got = RecordReader::section(&path, 0).unwrap().map(|r| r.map(|r| (r.hash, r.doc)).unwrap()).collect();
        (got, rounds)
    }

    #[test]
    fn labels_equal_a_union_find_with_spilling_sorts() {
        let mut rng = crate::rng::SplitMix64(7);
        for case in 0..20 {
            let nodes = 50 + case * 40;
            let edges: Vec<(u64, u64)> = (0..nodes)
                .map(|_| (rng.next_u64() % nodes as u64 * 1000 + 3, rng.next_u64() % nodes as u64 * 1000 + 3))
                .filter(|(a, b)| a != b)
                .collect();
            // 24 kB: chunks of 384 edges, and every sort spills into several runs.
            assert_eq!(labels(&edges, 24 * 1024).0, union_find(&edges), "case {case}");
            // 1 kB: chunks of 16 edges, many rounds.
            assert_eq!(labels(&edges, 1024).0, union_find(&edges), "case {case}");
        }
    }

    #[test]
    fn a_long_chain_takes_few_rounds() {
        // 0 - 1 - 2 - … - 9999, edges given from the far end.
        let edges: Vec<(u64, u64)> = (1..10_000u64).rev().map(|i| (i, i - 1)).collect();
        let (got, rounds) = labels(&edges, 1 << 20);
        assert!(got.iter().all(|&(_, l)| l == 0) && got.len() == 10_000);
        assert_eq!(rounds, 1, "one chunk: the stars settle it");
        // 4 kB: chunks of 64 edges, so 157 stars chained at their ends.
        let (got, rounds) = labels(&edges, 4096);
        assert!(got.iter().all(|&(_, l)| l == 0) && got.len() == 10_000);
        assert!(rounds <= 12, "pointer jumping: {rounds} rounds for a chain of 157 stars");
        assert_eq!(labels(&[], 1 << 20).0, vec![]);
    }
}
