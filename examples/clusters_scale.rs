//! How the duplicate clustering scales: builds a random duplicate graph of
//! N edges (clusters of random sizes, near-duplicate chains among them),
//! labels its components over sorted files with the given sort budget, and
//! prints the time, rounds and peak memory, on as many threads as rayon
//! has (`RAYON_NUM_THREADS`). Used for the README's "Running on a cluster"
//! figures:
//!
//!     cargo run --release --example clusters_scale -- 10000000 67108864
use std::time::Instant;

use eurocorpus::dedup::components::min_labels;
use eurocorpus::rng::SplitMix64;

fn main() {
    let args: Vec<u64> = std::env::args().skip(1).map(|a| a.parse().expect("a number")).collect();
    let edges = args.first().copied().unwrap_or(1_000_000);
    let budget = args.get(1).copied().unwrap_or(64 << 20) as usize;
    let dir = std::env::temp_dir().join(format!("eurocorpus-clusters-{}", std::process::id()));
    // Documents 0..4E; each edge joins a document to an earlier one nearby
    // in a random cluster: chains and stars mixed. Eight sources, as the
    // clustering reads one edge file per section.
    let docs = edges * 4;
    let sources: Vec<_> = (0..8u64)
        .map(|i| {
            move || {
                let mut rng = SplitMix64(42 + i);
                Ok((0..edges / 8).map(move |_| {
                    let a = rng.below(docs) + 1;
                    let b = if rng.below(2) == 0 { a.saturating_sub(1 + rng.below(3)) } else { rng.below(a) };
                    Ok((a, b))
                }))
            }
        })
        .collect();
    let t = Instant::now();
    let labels = min_labels(sources, budget, &dir).expect("labels");
    let secs = t.elapsed().as_secs_f64();
    let rounds = labels.rounds;
    let labelled = labels.all().expect("labels").count();
    println!(
        "{edges} edges, {labelled} documents labelled, {rounds} rounds, {secs:.1} s, sort budget {} MB, peak RSS {} MB",
        budget >> 20,
        eurocorpus::exec::peak_rss_bytes() >> 20
    );
    let _ = std::fs::remove_dir_all(&dir);
}
