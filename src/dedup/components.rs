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
use std::sync::Mutex;

use rustc_hash::FxHashMap;

use rayon::prelude::*;

use super::runfile::{merge, Record, RecordReader, Sorter};
use crate::error::{Error, Result};

/// A record of node `a` with value `b`, in `a`'s partition.
pub(crate) fn rec(section: u32, a: u64, b: u64) -> Record {
    Record { section, hash: a, doc: b }
}

/// The partition of `node` among `parts`: a multiplicative hash, so that
/// the keys' structure (input in the high bits, ordinal below) spreads
/// evenly.
pub(crate) fn part_of(node: u64, parts: u32) -> u32 {
    ((node.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) % u64::from(parts)) as u32
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
pub(crate) fn next_if_ok<I: Iterator<Item = Result<Record>>>(
    r: &mut Peekable<I>,
    f: impl Fn(&Record) -> bool,
) -> Result<Option<Record>> {
    match r.peek() {
        Some(Ok(x)) if f(x) => r.next().transpose(),
        Some(Err(_)) => r.next().transpose(),
        _ => Ok(None),
    }
}

type Records = Box<dyn Iterator<Item = Result<Record>>>;

/// Partition `q` of a set of files, each holding its records of partition
/// `q` in section `q`: one stream sorted by (node, value).
pub(crate) fn read_part(files: &[PathBuf], q: u32) -> Result<Peekable<Records>> {
    let mut sources: Vec<Records> = Vec::with_capacity(files.len());
    for f in files {
        sources.push(Box::new(RecordReader::section(f, q)?));
    }
    let one: Records = if sources.len() == 1 { sources.pop().expect("one source") } else { Box::new(merge(sources)) };
    Ok(one.peekable())
}

/// The labels of every node, as one file per partition (partition `q`'s
/// nodes, sorted, in section `q` of file `q`).
#[derive(Debug)]
pub struct Labels {
    /// Partition `q`'s file.
    pub files: Vec<PathBuf>,
    /// Rounds of propagation it took.
    pub rounds: u32,
}

impl Labels {
    /// The partitions.
    pub fn parts(&self) -> u32 {
        self.files.len() as u32
    }

    /// Partition `q`'s `(node, label)` records, sorted by node.
    ///
    /// # Errors
    /// A missing or corrupt file.
    pub fn part(&self, q: u32) -> Result<RecordReader> {
        RecordReader::section(&self.files[q as usize], q)
    }

    /// Every `(node, label)` record, sorted by node (section 0).
    ///
    /// # Errors
    /// A missing or corrupt file.
    pub fn all(&self) -> Result<impl Iterator<Item = Result<Record>>> {
        merged(&self.files)
    }
}

/// Every partition of `files` (partition `q` in section `q` of file `q`)
/// merged into one stream sorted by node, as section 0.
pub(crate) fn merged(files: &[PathBuf]) -> Result<impl Iterator<Item = Result<Record>>> {
    let mut sources: Vec<Records> = Vec::with_capacity(files.len());
    for (q, f) in files.iter().enumerate() {
        sources.push(Box::new(RecordReader::section(f, q as u32)?.map(|r| r.map(|r| rec(0, r.hash, r.doc)))));
    }
    Ok(merge(sources))
}

/// The partitions of a step: their files in `dir`, named
/// `{name}-{q}.bin`, and their sorters, spilling under `spill`, each with
/// an equal share of the budget.
pub(crate) struct Parts<'a> {
    pub n: u32,
    pub share: usize,
    dir: &'a Path,
    spill: PathBuf,
}

impl<'a> Parts<'a> {
    pub(crate) fn new(n: u32, budget: usize, dir: &'a Path, spill: &str) -> Self {
        Parts { n, share: (budget / n as usize).max(4096), dir, spill: dir.join(spill) }
    }

    /// One file per partition.
    pub(crate) fn files(&self, name: &str) -> Vec<PathBuf> {
        (0..self.n).map(|q| self.dir.join(format!("{name}-{q}.bin"))).collect()
    }

    /// A scratch sorter of partition `q` (`which` tells apart two at once).
    pub(crate) fn sorter(&self, q: u32, which: &str, bytes: usize) -> Sorter {
        Sorter::scratch(bytes, &self.spill.join(format!("{q}-{which}")))
    }

    /// Runs `step` for every partition at once; the sum of what they return.
    pub(crate) fn each(&self, step: &(dyn Fn(u32) -> Result<u64> + Sync)) -> Result<u64> {
        (0..self.n).into_par_iter().map(step).try_reduce(|| 0, |a, b| Ok(a + b))
    }
}

/// At most this many partitions: a step's partitions each read a section
/// of every partition's file at once, so open files grow as its square
/// (256 here, within the usual limit of 1,024 per process) and so do the
/// read buffers (16 MB).
pub const MAX_PARTS: usize = 16;

/// Labels the nodes of the graph whose edges the `sources` yield (each
/// opened when its turn comes) with the smallest node of their component,
/// sorting within `budget` bytes in `dir`, with as many partitions as
/// rayon has threads, up to [`MAX_PARTS`].
///
/// # Errors
/// I/O errors on the work files, or a source's.
pub fn min_labels<F, I>(sources: Vec<F>, budget: usize, dir: &Path) -> Result<Labels>
where
    F: FnOnce() -> Result<I> + Send,
    I: Iterator<Item = Result<(u64, u64)>>,
{
    min_labels_in(sources, budget, dir, rayon::current_num_threads().min(MAX_PARTS))
}

/// [`min_labels`] with the nodes split by hash into `parts` partitions,
/// each step run for the partitions in parallel (a step reads the records
/// of its partition from every partition's file of the step before: a
/// shuffle through sorted files). The labels are the smallest node of each
/// component whatever the split, so they do not depend on `parts` (the
/// rounds may: the contraction's chunks differ). Memory: the partitions
/// share `budget` (at most two sorters each at once, a contraction chunk
/// of a 64th), plus a 64 kB read buffer per pair of partitions.
///
/// # Errors
/// I/O errors on the work files, or a source's.
pub fn min_labels_in<F, I>(sources: Vec<F>, budget: usize, dir: &Path, parts: usize) -> Result<Labels>
where
    F: FnOnce() -> Result<I> + Send,
    I: Iterator<Item = Result<(u64, u64)>>,
{
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, "create the clusters folder", e))?;
    let parts = u32::try_from(parts.clamp(1, 4096)).expect("at most 4096");
    let split = Parts::new(parts, budget, dir, "spill");
    let (files, share) = (|name: &str| split.files(name), split.share);
    let sorter = |q: u32, which: &str, bytes: usize| split.sorter(q, which, bytes);
    let every = |step: &(dyn Fn(u32) -> Result<u64> + Sync)| split.each(step);

    // Adjacency in both directions, sorted by (node, neighbour), each node
    // in its partition's section. Partition `q` reads sources q, q + parts,
    // …; each chunk of edges that fits in its memory is first contracted
    // into stars (an in-memory union-find: every node points at its chunk
    // component's smallest node). Components stay the same, and their
    // diameter drops to a few hops: one round settles a graph that fits in
    // one chunk.
    let sources: Vec<Mutex<Option<F>>> = sources.into_iter().map(|s| Mutex::new(Some(s))).collect();
    let adj = files("adj");
    every(&|q| {
        let mut out = sorter(q, "a", share);
        let chunk = (share / 64).max(16);
        let mut uf: FxHashMap<u64, u64> = FxHashMap::default();
        let mut in_chunk = 0usize;
        let contract = |uf: &mut FxHashMap<u64, u64>, out: &mut Sorter| -> Result<()> {
            let nodes: Vec<u64> = uf.keys().copied().collect();
            for n in nodes {
                let root = find(uf, n);
                if root != n {
                    out.push(rec(part_of(n, parts), n, root))?;
                    out.push(rec(part_of(root, parts), root, n))?;
                }
            }
            uf.clear();
            Ok(())
        };
        for slot in sources.iter().skip(q as usize).step_by(parts as usize) {
            let open = slot.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take();
            for e in open.ok_or_else(|| Error::Internal("an edge source read twice".into()))?()? {
                let (a, b) = e?;
                let (ra, rb) = (find(&mut uf, a), find(&mut uf, b));
                uf.insert(ra.max(rb), ra.min(rb));
                in_chunk += 1;
                if in_chunk == chunk {
                    contract(&mut uf, &mut out)?;
                    in_chunk = 0;
                }
            }
        }
        contract(&mut uf, &mut out)?;
        out.finish(&adj[q as usize])
    })?;
    let labels = files("labels");

    // First labels: a node and its smallest neighbour (the first one).
    every(&|q| {
        let mut out = sorter(q, "a", share);
        let mut prev = None;
        for r in read_part(&adj, q)? {
            let r = r?;
            if prev != Some(r.hash) {
                out.push(rec(q, r.hash, r.hash.min(r.doc)))?;
                prev = Some(r.hash);
            }
        }
        out.finish(&labels[q as usize])
    })?;

    let (prop, next, by_label, jumped) = (files("prop"), files("next"), files("by-label"), files("jumped"));
    let mut rounds = 0;
    loop {
        rounds += 1;
        // Propagate: each node's label to itself and to its neighbours.
        every(&|q| {
            let mut out = sorter(q, "a", share);
            let mut adj_r = read_part(&adj, q)?;
            for l in RecordReader::section(&labels[q as usize], q)? {
                let l = l?;
                out.push(l)?;
                while let Some(a) = next_if_ok(&mut adj_r, |a| a.hash == l.hash)? {
                    out.push(rec(part_of(a.doc, parts), a.doc, l.doc))?;
                }
            }
            out.finish(&prop[q as usize])
        })?;
        // The smallest proposal per node (the first), and the same keyed by label.
        every(&|q| {
            let (mut keep, mut keyed) = (sorter(q, "a", share / 2), sorter(q, "b", share / 2));
            let mut prev = None;
            for p in read_part(&prop, q)? {
                let p = p?;
                if prev != Some(p.hash) {
                    keep.push(p)?;
                    keyed.push(rec(part_of(p.doc, parts), p.doc, p.hash))?;
                    prev = Some(p.hash);
                }
            }
            keep.finish(&next[q as usize])?;
            keyed.finish(&by_label[q as usize])
        })?;
        // Jump: every node takes its label's label (labels are nodes, and
        // a label's own entry is in the label's partition).
        every(&|q| {
            let mut out = sorter(q, "a", share);
            let mut next_r = RecordReader::section(&next[q as usize], q)?.peekable();
            let mut cached: Option<(u64, u64)> = None;
            for x in read_part(&by_label, q)? {
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
                out.push(rec(part_of(x.doc, parts), x.doc, target))?;
            }
            out.finish(&jumped[q as usize])
        })?;
        // The jumped labels become the labels; done when nothing changed.
        let changed = every(&|q| {
            let mut out = sorter(q, "a", share);
            let mut changed = 0u64;
            let mut old = RecordReader::section(&labels[q as usize], q)?;
            for n in read_part(&jumped, q)? {
                let n = n?;
                if old.next().transpose()?.is_none_or(|o| o.doc != n.doc) {
                    changed += 1;
                }
                out.push(n)?;
            }
            let fresh = dir.join(format!("fresh-{q}.bin"));
            out.finish(&fresh)?;
            std::fs::rename(&fresh, &labels[q as usize]).map_err(|e| Error::io(&labels[q as usize], "replace", e))?;
            Ok(changed)
        })?;
        if changed == 0 {
            break;
        }
    }

    for f in adj.iter().chain(&prop).chain(&next).chain(&by_label).chain(&jumped) {
        let _ = std::fs::remove_file(f);
    }
    let _ = std::fs::remove_dir_all(&split.spill);
    Ok(Labels { files: labels, rounds })
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

    fn labels_in(edges: &[(u64, u64)], budget: usize, parts: usize) -> (Vec<(u64, u64)>, u32) {
        let dir = tempfile::TempDir::new().unwrap();
        // Three sources, as the clustering reads one per edge file.
        let third = edges.len() / 3;
        let sources: Vec<_> = [&edges[..third], &edges[third..2 * third], &edges[2 * third..]]
            .into_iter()
            .map(|part| move || Ok(part.iter().map(|&e| Ok(e))))
            .collect();
        let labels = min_labels_in(sources, budget, dir.path(), parts).unwrap();
        let got = labels.all().unwrap().map(|r| r.map(|r| (r.hash, r.doc)).unwrap()).collect();
        let mut left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        left.sort();
        let want: Vec<_> = (0..parts).map(|q| std::ffi::OsString::from(format!("labels-{q}.bin"))).collect();
        let mut want = want;
        want.sort();
        assert_eq!(left, want, "work files are removed");
        (got, labels.rounds)
    }

    fn labels(edges: &[(u64, u64)], budget: usize) -> (Vec<(u64, u64)>, u32) {
        labels_in(edges, budget, 1)
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
    fn partitions_do_not_change_the_labels() {
        let mut rng = crate::rng::SplitMix64(11);
        for case in 0..12 {
            let nodes = 200 + case * 150;
            // Chains and stars: each edge joins a node to one a little before it or anywhere before it.
            let edges: Vec<(u64, u64)> = (1..nodes as u64)
                .filter_map(|a| {
                    let near = rng.next_u64() % 2 == 0;
                    let b = if near { a.saturating_sub(1 + rng.next_u64() % 3) } else { rng.next_u64() % a };
                    (rng.next_u64() % 4 != 0).then_some((a * 7 + 1, b * 7 + 1))
                })
                .collect();
            let truth = union_find(&edges);
            // 2 kB: chunks of 32 edges, so many rounds; partitions share it.
            let (one, rounds) = labels_in(&edges, 2048, 1);
            assert_eq!(one, truth, "case {case}");
            assert!(rounds > 1, "case {case}: the test needs rounds to run in partitions");
            for parts in [2, 3, 7] {
                let (got, rounds) = labels_in(&edges, 2048, parts);
                assert_eq!(got, truth, "case {case}, {parts} partitions");
                assert!(rounds > 1, "case {case}, {parts} partitions: rounds ran in partitions");
            }
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
        assert_eq!(labels_in(&edges, 4096, 3).0, got);
        assert_eq!(labels(&[], 1 << 20).0, vec![]);
        assert_eq!(labels_in(&[], 1 << 20, 4).0, vec![]);
    }
}
