//! The dedup phases: per-task signatures, per-section candidates,
//! clustering, and the per-task removal lists the final pass applies.
//!
//! Work files live under `<output>/_eurocorpus/dedup/`; each phase writes
//! its files atomically and then a small completion marker, so a rerun
//! skips finished work.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::xxh3_128;

use super::components;
use super::lines::FrequentLines;
use super::minhash::{band_hash, estimate_jaccard, MinHasher, ShingleScratch};
use super::runfile::{merge, Record, RecordReader, Sorter};
use super::{DupKind, ExactDedupConfig, MinhashDedupConfig};
use crate::error::{Error, Result};
use crate::marker;
use crate::plan::Phase;

/// Section number of exact-hash records.
pub const EXACT_SECTION: u32 = u32::MAX;
/// A group member is verified against at most this many earlier members.
const MAX_VERIFY: usize = 32;

/// Key of a document: input number and ordinal among that input's
/// documents at the dedup point. Sorting keys sorts by input order.
pub fn doc_key(input: usize, ordinal: u64) -> u64 {
    ((input as u64) << 32) | ordinal
}

/// Inverse of [`doc_key`].
pub fn split_key(key: u64) -> (usize, u64) {
    ((key >> 32) as usize, key & 0xffff_ffff)
}

/// The dedup stages of a pipeline, resolved.
#[derive(Debug, Clone)]
pub struct DedupSpec {
    /// Exact dedup, if configured.
    pub exact: Option<ExactDedupConfig>,
    /// Near-duplicate dedup, if configured.
    pub minhash: Option<MinhashDedupConfig>,
    hasher: Option<MinHasher>,
}

/// A document's hashes.
#[derive(Debug, Default, Clone)]
pub struct DocSig {
    /// 128-bit hash of the (folded) text.
    pub exact: u128,
    /// MinHash signature (empty without `minhash_dedup`).
    pub minhash: Vec<u32>,
}

/// Per-worker buffers for signatures.
#[derive(Debug, Default)]
pub struct SigScratch {
    shingles: ShingleScratch,
    folded: String,
}

impl DedupSpec {
    /// Resolves the configured stages.
    pub fn new(exact: Option<ExactDedupConfig>, minhash: Option<MinhashDedupConfig>) -> Self {
        let hasher = minhash.as_ref().map(|m| MinHasher::new(m.ngram, m.bands * m.rows, m.seed));
        DedupSpec { exact, minhash, hasher }
    }

    fn perms(&self) -> usize {
        self.hasher.as_ref().map_or(0, MinHasher::perms)
    }

    /// Bytes of one record of a signature file.
    pub fn sig_bytes(&self) -> usize {
        16 + 4 * self.perms()
    }

    /// Sections written per task: the bands, then the exact section.
    pub fn sections(&self) -> Vec<u32> {
        let mut s: Vec<u32> = (0..self.minhash.as_ref().map_or(0, |m| m.bands as u32)).collect();
        if self.exact.is_some() {
            s.push(EXACT_SECTION);
        }
        s
    }

    /// The dedup stages of a pipeline's stage list (none: an empty spec).
    pub fn of(stages: &[crate::stages::StageConfig]) -> Self {
        use crate::stages::StageConfig;
        let exact = stages.iter().find_map(|s| match s {
            StageConfig::ExactDedup(c) => Some(c.clone()),
            _ => None,
        });
        let minhash = stages.iter().find_map(|s| match s {
            StageConfig::MinhashDedup(c) => Some(c.clone()),
            _ => None,
        });
        DedupSpec::new(exact, minhash)
    }

    /// The units of the candidates phase for `tasks` tasks: each section,
    /// split into as many hash ranges as it takes to give every task one.
    pub fn parts(&self, tasks: usize) -> Vec<Part> {
        let sections = self.sections();
        let ranges = tasks.div_ceil(sections.len().max(1)).max(1) as u32;
        sections.into_iter().flat_map(|section| (0..ranges).map(move |range| Part { section, range, ranges })).collect()
    }

    /// Computes a document's hashes.
    pub fn compute(&self, text: &str, scratch: &mut SigScratch, out: &mut DocSig) {
        out.exact = match &self.exact {
            Some(c) if c.lowercase || c.ignore_whitespace => {
                scratch.folded.clear();
                for ch in text.chars().filter(|ch| !(c.ignore_whitespace && ch.is_whitespace())) {
                    if c.lowercase {
                        scratch.folded.extend(ch.to_lowercase());
                    } else {
                        scratch.folded.push(ch);
                    }
                }
                xxh3_128(scratch.folded.as_bytes())
            }
            _ => xxh3_128(text.as_bytes()),
        };
        match &self.hasher {
            Some(h) => h.signature(text, &mut scratch.shingles, &mut out.minhash),
            None => out.minhash.clear(),
        }
    }
}

/// A unit of the candidates phase: a section, or one of `ranges` equal
/// ranges of its hashes. A group of equal hashes never straddles two
/// ranges, so splitting changes the edge files, not the clusters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    /// The section (band, or [`EXACT_SECTION`]).
    pub section: u32,
    /// Which range.
    pub range: u32,
    /// Ranges per section.
    pub ranges: u32,
}

impl Part {
    fn name(self) -> String {
        if self.ranges == 1 {
            format!("{:010}", self.section)
        } else {
            format!("{:010}-{:04}of{:04}", self.section, self.range, self.ranges)
        }
    }

    /// The hash bounds `lo..hi` (`hi` `None` for the last range).
    fn bounds(self) -> (u64, Option<u64>) {
        let at = |r: u32| ((u128::from(r) << 64) / u128::from(self.ranges)) as u64;
        (at(self.range), (self.range + 1 < self.ranges).then(|| at(self.range + 1)))
    }
}

/// Where a run's dedup files live.
#[derive(Debug, Clone)]
pub struct WorkDir {
    root: PathBuf,
}

impl WorkDir {
    /// The work folder of an output folder.
    pub fn new(out: &Path) -> Self {
        WorkDir { root: out.join(crate::manifest::STATE_DIR).join("dedup") }
    }
    fn sig(&self, task: usize) -> PathBuf {
        self.root.join("sig").join(format!("{task:05}.sig"))
    }
    fn bands(&self, task: usize) -> PathBuf {
        self.root.join("sig").join(format!("{task:05}.bin"))
    }
    fn sig_marker(&self, task: usize) -> PathBuf {
        self.root.join("sig").join(format!("{task:05}.done"))
    }
    fn edges(&self, part: Part) -> PathBuf {
        self.root.join("edges").join(format!("{}.bin", part.name()))
    }
    /// The completion marker of a `candidates` unit.
    pub fn edges_marker(&self, part: Part) -> PathBuf {
        self.root.join("edges").join(format!("{}.done", part.name()))
    }
    fn removal(&self, task: usize) -> PathBuf {
        self.root.join("remove").join(format!("{task:05}.bin"))
    }
    fn clusters_marker(&self) -> PathBuf {
        self.root.join("remove").join("clusters.done")
    }
    fn lines(&self, task: usize) -> PathBuf {
        self.root.join("lines").join(format!("{task:05}.bin"))
    }
    fn lines_marker(&self, task: usize) -> PathBuf {
        self.root.join("lines").join(format!("{task:05}.done"))
    }
    /// The frequent-lines list of `line_dedup`.
    pub fn frequent(&self) -> PathBuf {
        self.root.join("remove").join("frequent-lines.bin")
    }
    /// The run's dedup report (largest clusters, most removed lines).
    pub fn report(&self) -> PathBuf {
        self.root.join("report.json")
    }
    fn frequent_marker(&self) -> PathBuf {
        self.root.join("remove").join("frequent-lines.done")
    }
    /// Removes the bulky intermediate files (signatures, hashes, edges),
    /// keeping the removal lists.
    pub fn clean(&self) {
        let _ = std::fs::remove_dir_all(self.root.join("lines"));
        let _ = std::fs::remove_dir_all(self.root.join("sig"));
        let _ = std::fs::remove_dir_all(self.root.join("edges"));
        let _ = std::fs::remove_dir_all(self.root.join("spill"));
    }
    /// The completion marker of unit `unit` of a dedup phase (an input
    /// number; see [`WorkDir::edges_marker`] for `candidates`); `None` for
    /// the other phases.
    pub fn marker(&self, phase: Phase, unit: usize) -> Option<PathBuf> {
        match phase {
            Phase::Lines => Some(self.lines_marker(unit)),
            Phase::FrequentLines => Some(self.frequent_marker()),
            Phase::Signatures => Some(self.sig_marker(unit)),
            Phase::Clusters => Some(self.clusters_marker()),
            Phase::Index
            | Phase::Candidates
            | Phase::Write
            | Phase::Finish
            | Phase::Census
            | Phase::Scatter
            | Phase::Gather
            | Phase::Publish => None,
        }
    }
    /// Checks input `task`'s removal list against the clusters marker:
    /// present, with its recorded size and checksum.
    ///
    /// # Errors
    /// What is wrong, as a phrase.
    pub fn verify_removal(&self, task: usize, fingerprint: &str) -> std::result::Result<(), String> {
        let m = marker::read(&self.clusters_marker(), fingerprint)?;
        let path = self.removal(task);
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let entry = m.files.iter().find(|f| f.name == name).ok_or_else(|| format!("`{name}` is not in its marker"))?;
        marker::check_file(&path, entry, true)
    }
    /// The whole dedup folder (removed when the configuration changes).
    pub fn remove_all(&self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

fn marker_ok(path: &Path, fingerprint: &str) -> bool {
    crate::marker::check(path, fingerprint, false).is_ok()
}

/// True when task `task`'s signatures are complete for this fingerprint.
pub fn signatures_done(work: &WorkDir, task: usize, fingerprint: &str) -> bool {
    marker_ok(&work.sig_marker(task), fingerprint)
}

/// Collects one task's signatures and hash records.
pub struct SigTaskWriter<'a> {
    spec: &'a DedupSpec,
    work: &'a WorkDir,
    task: usize,
    sig_tmp: PathBuf,
    sig_file: BufWriter<File>,
    sorter: Sorter,
    count: u64,
    buf: Vec<u8>,
    /// Exact hashes of recent documents (direct-mapped by their low bits).
    recent: Vec<u128>,
}

/// Slots of [`SigTaskWriter::recent`] (16 bytes each: 1 MiB per task).
const RECENT_SLOTS: usize = 1 << 16;

impl<'a> SigTaskWriter<'a> {
    /// Starts task `task`.
    ///
    /// # Errors
    /// The work folder cannot be written.
    pub fn new(spec: &'a DedupSpec, work: &'a WorkDir, task: usize) -> Result<Self> {
        let dir = work.root.join("sig");
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, "create the dedup folder", e))?;
        let sig_tmp = work.sig(task).with_extension("sig.tmp");
        let f = File::create(&sig_tmp).map_err(|e| Error::io(&sig_tmp, "create", e))?;
        let budget = spec.minhash.as_ref().map_or(16 * 1024 * 1024, |m| m.sort_buffer_bytes);
        Ok(SigTaskWriter {
            spec,
            work,
            task,
            sig_tmp,
            sig_file: BufWriter::with_capacity(1 << 20, f),
            sorter: Sorter::new(budget, &work.root.join("spill").join(format!("{task:05}"))),
            count: 0,
            buf: Vec::new(),
            recent: if spec.exact.is_some() { vec![0; RECENT_SLOTS] } else { Vec::new() },
        })
    }

    /// Adds the next document (ordinals are given in order).
    ///
    /// # Errors
    /// I/O errors on the work files.
    pub fn push(&mut self, sig: &DocSig) -> Result<()> {
        let key = doc_key(self.task, self.count);
        self.count += 1;
        self.buf.clear();
        self.buf.extend_from_slice(&sig.exact.to_le_bytes());
        for v in &sig.minhash {
            self.buf.extend_from_slice(&v.to_le_bytes());
        }
        self.sig_file.write_all(&self.buf).map_err(|e| Error::io(&self.sig_tmp, "write", e))?;
        if self.spec.exact.is_some() {
            self.sorter.push(Record { section: EXACT_SECTION, hash: sig.exact as u64, doc: key })?;
            // An exact copy of a recent document of this task needs no band
            // keys: the exact section links it to that document, whose keys
            // find its near duplicates. The clusters are the same, and a
            // boilerplate page repeated a million times no longer makes a
            // million-member candidate group in every band.
            let slot = &mut self.recent[sig.exact as usize % RECENT_SLOTS];
            if *slot == sig.exact {
                return Ok(());
            }
            *slot = sig.exact;
        }
        if let Some(m) = &self.spec.minhash {
            for b in 0..m.bands {
                self.sorter.push(Record { section: b as u32, hash: band_hash(&sig.minhash, b, m.rows), doc: key })?;
            }
        }
        Ok(())
    }

    /// Publishes the task's files and its marker.
    ///
    /// # Errors
    /// I/O errors on the work files.
    pub fn finish(self, fingerprint: &str) -> Result<u64> {
        let f = self.sig_file.into_inner().map_err(|e| Error::io(&self.sig_tmp, "write", e.into_error()))?;
        f.sync_all().map_err(|e| Error::io(&self.sig_tmp, "sync", e))?;
        let dest = self.work.sig(self.task);
        std::fs::rename(&self.sig_tmp, &dest).map_err(|e| Error::io(&dest, "publish", e))?;
        let keys = self.sorter.finish(&self.work.bands(self.task))?;
        marker::write(
            &self.work.sig_marker(self.task),
            fingerprint,
            &[(&dest, self.count), (&self.work.bands(self.task), keys)],
        )?;
        Ok(self.count)
    }
}

/// Random access to the signatures of every task.
struct SigStore<'a> {
    work: &'a WorkDir,
    bytes: usize,
    files: HashMap<usize, File>,
}

impl SigStore<'_> {
    fn read(&mut self, key: u64) -> Result<DocSig> {
        let (task, ordinal) = split_key(key);
        if !self.files.contains_key(&task) {
            if self.files.len() >= 256 {
                self.files.clear();
            }
            let p = self.work.sig(task);
            self.files.insert(task, File::open(&p).map_err(|e| Error::io(&p, "open", e))?);
        }
        let f = &self.files[&task];
        let mut b = vec![0u8; self.bytes];
        f.read_exact_at(&mut b, ordinal * self.bytes as u64).map_err(|e| Error::io(self.work.sig(task), "read", e))?;
        Ok(DocSig {
            exact: u128::from_le_bytes(b[..16].try_into().expect("16 bytes")),
            minhash: b[16..].chunks_exact(4).map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes"))).collect(),
        })
    }
}

/// An edge: `doc` duplicates the earlier `of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Edge {
    doc: u64,
    of: u64,
    exact: bool,
}

/// True when section `section`'s candidates are complete.
pub fn candidates_done(work: &WorkDir, part: Part, fingerprint: &str) -> bool {
    marker_ok(&work.edges_marker(part), fingerprint)
}

/// Phase 2 for one section (or hash range of one): finds and verifies
/// candidate pairs among the `tasks` task files, and writes the edges.
/// Returns the number of edges.
///
/// # Errors
/// A missing or corrupt task file (named).
pub fn candidates(spec: &DedupSpec, work: &WorkDir, tasks: usize, part: Part, fingerprint: &str) -> Result<u64> {
    let section = part.section;
    let (lo, hi) = part.bounds();
    let mut readers: Vec<Box<dyn Iterator<Item = Result<Record>>>> = Vec::new();
    for t in 0..tasks {
        readers.push(Box::new(RecordReader::section_range(&work.bands(t), section, lo, hi)?));
    }
    let threshold = spec.minhash.as_ref().map_or(1.0, |m| m.threshold);
    let mut store = SigStore { work, bytes: spec.sig_bytes(), files: HashMap::new() };
    let dir = work.root.join("edges");
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, "create the dedup folder", e))?;
    let dest = work.edges(part);
    let tmp = dest.with_extension("tmp");
    let mut w = BufWriter::new(File::create(&tmp).map_err(|e| Error::io(&tmp, "create", e))?);
    let mut edges = 0u64;
    let mut group: Vec<u64> = Vec::new();
    let mut group_hash = None;
    let mut flush = |group: &mut Vec<u64>, store: &mut SigStore| -> Result<()> {
        if group.len() >= 2 {
            let sigs: Vec<DocSig> = group.iter().map(|&k| store.read(k)).collect::<Result<_>>()?;
            for j in 1..group.len() {
                for i in 0..j.min(MAX_VERIFY) {
                    let ok = if section == EXACT_SECTION {
                        sigs[i].exact == sigs[j].exact
                    } else {
                        estimate_jaccard(&sigs[i].minhash, &sigs[j].minhash) >= threshold
                    };
                    if ok {
                        let exact = section == EXACT_SECTION || sigs[i].exact == sigs[j].exact;
                        let e = Edge { doc: group[j], of: group[i], exact };
                        let mut rec = [0u8; 17];
                        rec[..8].copy_from_slice(&e.doc.to_le_bytes());
                        rec[8..16].copy_from_slice(&e.of.to_le_bytes());
                        rec[16] = u8::from(e.exact);
                        w.write_all(&rec).map_err(|err| Error::io(&tmp, "write", err))?;
                        edges += 1;
                        break;
                    }
                }
            }
        }
        group.clear();
        Ok(())
    };
    for r in merge(readers) {
        let r = r?;
        if group_hash != Some(r.hash) {
            flush(&mut group, &mut store)?;
            group_hash = Some(r.hash);
        }
        group.push(r.doc);
    }
    flush(&mut group, &mut store)?;
    let f = w.into_inner().map_err(|e| Error::io(&tmp, "write", e.into_error()))?;
    f.sync_all().map_err(|e| Error::io(&tmp, "sync", e))?;
    std::fs::rename(&tmp, &dest).map_err(|e| Error::io(&dest, "publish", e))?;
    marker::write(&work.edges_marker(part), fingerprint, &[(&dest, edges)])?;
    Ok(edges)
}

/// What happens to one document at the dedup point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    /// `Some` when it is removed, with why.
    pub removed: Option<DupKind>,
    /// Size of its duplicate cluster (1 for a unique document).
    pub cluster_size: u64,
    /// Key of the cluster's kept document (its own key when unique).
    pub cluster_id: u64,
}

/// True when the removal lists are complete.
pub fn clusters_done(work: &WorkDir, fingerprint: &str) -> bool {
    marker_ok(&work.clusters_marker(), fingerprint)
}

/// Totals of the clustering phase.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClusterTotals {
    /// Clusters with more than one document.
    pub clusters: u64,
    /// Documents to remove as exact duplicates.
    pub exact: u64,
    /// Documents to remove as near duplicates.
    pub near: u64,
    /// Size of the largest cluster.
    pub largest: u64,
}

/// The edges of one section's file, as (doc, of, exact).
fn edges_of(path: &Path) -> Result<impl Iterator<Item = Result<(u64, u64, bool)>> + '_> {
    let f = File::open(path).map_err(|e| Error::io(path, "open", e))?;
    let len = f.metadata().map_err(|e| Error::io(path, "stat", e))?.len();
    if len % 17 != 0 {
        return Err(Error::Output {
            path: path.to_path_buf(),
            detail: "dedup edge file is corrupt; delete it to recompute".into(),
        });
    }
    let mut r = std::io::BufReader::with_capacity(1 << 16, f);
    let mut left = len / 17;
    Ok(std::iter::from_fn(move || {
        if left == 0 {
            return None;
        }
        left -= 1;
        let mut rec = [0u8; 17];
        Some(r.read_exact(&mut rec).map_err(|e| Error::io(path, "read", e)).map(|()| {
            let doc = u64::from_le_bytes(rec[..8].try_into().expect("8 bytes"));
            let of = u64::from_le_bytes(rec[8..16].try_into().expect("8 bytes"));
            (doc, of, rec[16] == 1)
        }))
    }))
}

/// Phase 3: joins the edges of every section into clusters, the smallest
/// key (the first document in input order) representing each, and writes
/// one removal list per task. Components are found over sorted files
/// ([`super::components`]), so memory stays within a few sort budgets
/// (`sort_buffer_bytes`) however many duplicates the corpus holds; the
/// documents are split by hash into one partition per thread, so the work
/// runs on every core of the task, with the same lists for any split.
///
/// # Errors
/// A missing or corrupt edge file; I/O errors on the work files.
pub fn clusters(
    spec: &DedupSpec,
    work: &WorkDir,
    tasks: usize,
    parts: &[Part],
    fingerprint: &str,
) -> Result<ClusterTotals> {
    let budget = spec.minhash.as_ref().map_or(64 << 20, |m| m.sort_buffer_bytes);
    let dir = work.root.join("clusters");
    let edge_files: Vec<PathBuf> = parts.iter().map(|&p| work.edges(p)).collect();
    let labels = components::min_labels(
        edge_files.iter().map(|p| move || Ok(edges_of(p)?.map(|e| e.map(|(doc, of, _)| (doc, of))))).collect(),
        budget,
        &dir,
    )?;
    let split = components::Parts::new(labels.parts(), budget, &dir, "spill-sizes");
    let (n, files) = (split.n, |name: &str| split.files(name));
    let sorter = |q: u32| split.sorter(q, "a", split.share);

    // Documents with an exact edge: partition q reads edge files q, q + n, …
    let exact = files("exact");
    split.each(&|q| {
        let mut out = sorter(q);
        for p in edge_files.iter().skip(q as usize).step_by(n as usize) {
            for e in edges_of(p)? {
                let (doc, _, is_exact) = e?;
                if is_exact {
                    out.push(components::rec(q, doc, 0))?;
                }
            }
        }
        out.finish(&exact[q as usize])
    })?;

    // Cluster sizes, partition by partition: members by root, counted,
    // then sent back to each member's partition.
    let (by_root, root_sizes, node_sizes) = (files("by-root"), files("root-sizes"), files("node-sizes"));
    split.each(&|q| {
        let mut out = sorter(q);
        for l in labels.part(q)? {
            let l = l?;
            out.push(components::rec(components::part_of(l.doc, n), l.doc, l.hash))?;
        }
        out.finish(&by_root[q as usize])
    })?;
    let totals = std::sync::Mutex::new(ClusterTotals::default());
    split.each(&|q| {
        let mut sizes = sorter(q);
        let (mut found, mut largest) = (0u64, 0u64);
        let mut current: Option<(u64, u64)> = None;
        let mut flush = |c: Option<(u64, u64)>, sizes: &mut Sorter| -> Result<()> {
            if let Some((root, n)) = c {
                found += 1;
                largest = largest.max(n);
                sizes.push(components::rec(q, root, n))?;
            }
            Ok(())
        };
        for m in components::read_part(&by_root, q)? {
            let m = m?;
            match &mut current {
                Some((root, n)) if *root == m.hash => *n += 1,
                _ => {
                    flush(current, &mut sizes)?;
                    current = Some((m.hash, 1));
                }
            }
        }
        flush(current, &mut sizes)?;
        sizes.finish(&root_sizes[q as usize])?;
        let mut t = totals.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        t.clusters += found;
        t.largest = t.largest.max(largest);
        Ok(0)
    })?;
    split.each(&|q| {
        let mut out = sorter(q);
        let mut sizes = RecordReader::section(&root_sizes[q as usize], q)?;
        let mut size = None;
        for m in components::read_part(&by_root, q)? {
            let m = m?;
            while size.is_none_or(|s: Record| s.hash < m.hash) {
                size = Some(sizes.next().ok_or_else(|| Error::Internal("a cluster root has no size".into()))??);
            }
            // Kept in this partition's section: the final pass merges them by document.
            out.push(components::rec(q, m.doc, size.map_or(1, |s| s.doc)))?;
        }
        out.finish(&node_sizes[q as usize])
    })?;
    let mut totals = totals.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);

    // Per task, in key order: (ordinal, kind: 0 keep, 1 exact, 2 near; cluster size; root).
    let out_dir = work.root.join("remove");
    std::fs::create_dir_all(&out_dir).map_err(|e| Error::io(&out_dir, "create the dedup folder", e))?;
    let mut written: Vec<(PathBuf, u64)> = Vec::with_capacity(tasks);
    let mut list: Vec<u8> = Vec::new();
    let publish = |upto: usize, list: &mut Vec<u8>, written: &mut Vec<(PathBuf, u64)>| -> Result<()> {
        while written.len() < upto {
            let task = written.len();
            crate::manifest::write_atomic(&work.removal(task), list)?;
            written.push((work.removal(task), list.len() as u64 / 25));
            list.clear();
        }
        Ok(())
    };
    // The one sequential pass: merges of the sorted partitions.
    let mut sizes = components::merged(&node_sizes)?;
    let mut exact_r = components::merged(&exact)?.peekable();
    for l in labels.all()? {
        let l = l?;
        let (task, ordinal) = split_key(l.hash);
        if task >= tasks {
            return Err(Error::Internal(format!("a duplicate names input {task} of {tasks}")));
        }
        publish(task, &mut list, &mut written)?;
        let size = sizes.next().ok_or_else(|| Error::Internal("a document has no cluster size".into()))??.doc;
        let mut is_exact = false;
        while let Some(e) = components::next_if_ok(&mut exact_r, |e| e.hash <= l.hash)? {
            is_exact |= e.hash == l.hash;
        }
        let kind = if l.hash == l.doc {
            0u8
        } else if is_exact {
            totals.exact += 1;
            1
        } else {
            totals.near += 1;
            2
        };
        list.extend_from_slice(&ordinal.to_le_bytes());
        list.push(kind);
        list.extend_from_slice(&size.to_le_bytes());
        list.extend_from_slice(&l.doc.to_le_bytes());
    }
    publish(tasks, &mut list, &mut written)?;
    let files: Vec<(&Path, u64)> = written.iter().map(|(p, n)| (p.as_path(), *n)).collect();
    marker::write(&work.clusters_marker(), fingerprint, &files)?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(totals)
}

/// The dedup decisions for one task's documents, by ordinal.
#[derive(Debug, Default)]
pub struct RemovalList {
    entries: HashMap<u64, (u8, u64, u64)>,
    task: usize,
}

impl RemovalList {
    /// Loads task `task`'s list.
    ///
    /// # Errors
    /// A missing or corrupt list.
    pub fn load(work: &WorkDir, task: usize) -> Result<Self> {
        let p = work.removal(task);
        let bytes = std::fs::read(&p).map_err(|e| Error::io(&p, "read the dedup removal list", e))?;
        if bytes.len() % 25 != 0 {
            return Err(Error::Output {
                path: p,
                detail: "dedup removal list is corrupt; delete it to recompute".into(),
            });
        }
        let entries = bytes
            .chunks_exact(25)
            .map(|c| {
                let ordinal = u64::from_le_bytes(c[..8].try_into().expect("8 bytes"));
                let size = u64::from_le_bytes(c[9..17].try_into().expect("8 bytes"));
                let root = u64::from_le_bytes(c[17..25].try_into().expect("8 bytes"));
                (ordinal, (c[8], size, root))
            })
            .collect();
        Ok(RemovalList { entries, task })
    }

    /// The decision for the document with this ordinal.
    pub fn verdict(&self, ordinal: u64) -> Verdict {
        match self.entries.get(&ordinal) {
            None => Verdict { removed: None, cluster_size: 1, cluster_id: doc_key(self.task, ordinal) },
            Some(&(kind, size, root)) => Verdict {
                removed: match kind {
                    1 => Some(DupKind::Exact),
                    2 => Some(DupKind::Near),
                    _ => None,
                },
                cluster_size: size,
                cluster_id: root,
            },
        }
    }
}

/// True when task `task`'s line hashes are complete.
pub fn line_hashes_done(work: &WorkDir, task: usize, fingerprint: &str) -> bool {
    marker_ok(&work.lines_marker(task), fingerprint)
}

/// True when the frequent-lines list is complete.
pub fn frequent_lines_done(work: &WorkDir, fingerprint: &str) -> bool {
    marker_ok(&work.frequent_marker(), fingerprint)
}

/// Collects one task's distinct line hashes per document.
pub struct LineTaskWriter<'a> {
    work: &'a WorkDir,
    task: usize,
    sorter: Sorter,
    count: u64,
}

impl<'a> LineTaskWriter<'a> {
    /// Starts task `task`, sorting within `budget` bytes.
    pub fn new(work: &'a WorkDir, task: usize, budget: usize) -> Self {
        let spill = work.root.join("spill").join(format!("lines-{task:05}"));
        LineTaskWriter { work, task, sorter: Sorter::new(budget, &spill), count: 0 }
    }

    /// Adds one document's distinct line hashes.
    ///
    /// # Errors
    /// Spilling failed.
    pub fn push(&mut self, hashes: &[u64]) -> Result<()> {
        let key = doc_key(self.task, self.count);
        self.count += 1;
        for &h in hashes {
            self.sorter.push(Record { section: 0, hash: h, doc: key })?;
        }
        Ok(())
    }

    /// Publishes the task's file and marker.
    ///
    /// # Errors
    /// I/O errors on the work files.
    pub fn finish(self, fingerprint: &str) -> Result<()> {
        let dir = self.work.root.join("lines");
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, "create the dedup folder", e))?;
        let hashes = self.sorter.finish(&self.work.lines(self.task))?;
        marker::write(&self.work.lines_marker(self.task), fingerprint, &[(&self.work.lines(self.task), hashes)])
    }
}

/// Merges every task's line hashes and keeps those found in more than
/// `max_documents` documents; saves and returns the set.
///
/// # Errors
/// A missing or corrupt task file.
pub fn count_lines(work: &WorkDir, tasks: usize, max_documents: u64, fingerprint: &str) -> Result<FrequentLines> {
    let mut readers: Vec<Box<dyn Iterator<Item = Result<Record>>>> = Vec::new();
    for t in 0..tasks {
        readers.push(Box::new(RecordReader::section(&work.lines(t), 0)?));
    }
    let mut frequent = Vec::new();
    let (mut current, mut count) = (None, 0u64);
    for r in merge(readers) {
        let r = r?;
        if current != Some(r.hash) {
            if count > max_documents {
                frequent.extend(current);
            }
            current = Some(r.hash);
            count = 0;
        }
        count += 1;
    }
    if count > max_documents {
        frequent.extend(current);
    }
    let set = FrequentLines::new(frequent);
    set.save(&work.frequent())?;
    marker::write(&work.frequent_marker(), fingerprint, &[(&work.frequent(), set.len() as u64)])?;
    Ok(set)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_sort_in_input_order() {
        assert_eq!(split_key(doc_key(7, 123)), (7, 123));
        assert!(doc_key(1, 0) > doc_key(0, 999_999));
    }

    #[test]
    fn finds_exact_and_near_duplicates_across_tasks() {
        let dir = tempfile::TempDir::new().unwrap();
        let work = WorkDir::new(dir.path());
        let spec = DedupSpec::new(Some(ExactDedupConfig::default()), Some(MinhashDedupConfig::default()));
        let base = "Die Europäische Union ist ein Staatenverbund aus siebenundzwanzig Mitgliedstaaten, \
                    deren Bürger gemeinsame Rechte haben und deren Regierungen in vielen Bereichen zusammenarbeiten.";
        let near = base.replace("vielen", "manchen");
        let other =
            "Il gatto dorme sul divano mentre fuori piove da tre giorni senza sosta e il fiume sale lentamente.";
        let tasks: [&[&str]; 3] = [&[base, other], &[&near, base], &[other, "kurz"]];
        let mut scratch = SigScratch::default();
        for (t, docs) in tasks.iter().enumerate() {
            let mut w = SigTaskWriter::new(&spec, &work, t).unwrap();
            for d in docs.iter() {
                let mut s = DocSig::default();
                spec.compute(d, &mut scratch, &mut s);
                w.push(&s).unwrap();
            }
            w.finish("fp").unwrap();
            assert!(signatures_done(&work, t, "fp") && !signatures_done(&work, t, "other"));
        }
        // Two hash ranges per section: the same clusters as whole sections.
        let parts = spec.parts(2 * spec.sections().len());
        assert_eq!(parts.len(), 2 * spec.sections().len());
        for &p in &parts {
            candidates(&spec, &work, 3, p, "fp").unwrap();
        }
        // One partition per thread: the same lists, byte for byte, with 1, 3 or 7.
        let lists = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let totals = pool.install(|| clusters(&spec, &work, 3, &parts, "fp")).unwrap();
            (totals, (0..3).map(|t| std::fs::read(work.removal(t)).unwrap()).collect::<Vec<_>>())
        };
        let (totals, bytes) = lists(1);
        assert_eq!(totals, ClusterTotals { clusters: 2, exact: 2, near: 1, largest: 3 });
        for threads in [3, 7] {
            assert!(lists(threads) == (totals.clone(), bytes.clone()), "{threads} threads");
        }
        let l0 = RemovalList::load(&work, 0).unwrap();
        let l1 = RemovalList::load(&work, 1).unwrap();
        let l2 = RemovalList::load(&work, 2).unwrap();
        assert_eq!(l0.verdict(0), Verdict { removed: None, cluster_size: 3, cluster_id: doc_key(0, 0) });
        assert_eq!(l1.verdict(0).removed, Some(DupKind::Near));
        assert_eq!(l1.verdict(1).removed, Some(DupKind::Exact));
        assert_eq!(l2.verdict(0).removed, Some(DupKind::Exact));
        assert_eq!(l2.verdict(1), Verdict { removed: None, cluster_size: 1, cluster_id: doc_key(2, 1) });
    }

    #[test]
    fn more_exact_duplicates_than_the_sort_buffer_holds() {
        // 30,000 copies of one text with the smallest buffer: the list of
        // exact duplicates spills to disk, while the components are
        // labelled and their own spill folder removed.
        let dir = tempfile::TempDir::new().unwrap();
        let work = WorkDir::new(dir.path());
        let minhash = MinhashDedupConfig { sort_buffer_bytes: 1 << 20, ..MinhashDedupConfig::default() };
        let spec = DedupSpec::new(Some(ExactDedupConfig::default()), Some(minhash));
        let mut scratch = SigScratch::default();
        let mut w = SigTaskWriter::new(&spec, &work, 0).unwrap();
        for _ in 0..30_000 {
            let mut s = DocSig::default();
            spec.compute("a", &mut scratch, &mut s);
            w.push(&s).unwrap();
        }
        w.finish("fp").unwrap();
        let parts = spec.parts(spec.sections().len());
        for &p in &parts {
            candidates(&spec, &work, 1, p, "fp").unwrap();
        }
        let totals = clusters(&spec, &work, 1, &parts, "fp").unwrap();
        assert_eq!(totals, ClusterTotals { clusters: 1, exact: 29_999, near: 0, largest: 30_000 });
        let list = RemovalList::load(&work, 0).unwrap();
        assert_eq!(list.verdict(0).removed, None);
        assert_eq!(list.verdict(29_999).removed, Some(DupKind::Exact));
    }
}
