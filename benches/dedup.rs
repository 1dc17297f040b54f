//! Deduplication at scale: generates N short multilingual documents (random
//! sequences of 25–60 real words of the dev corpora, so that documents do
//! not overlap by accident; 5 % exact and 5 % near copies), then runs
//! `eurocorpus run` twice on them — normalize only, and normalize +
//! exact_dedup + minhash_dedup — and reports wall time, throughput, the
//! removals and the peak RSS of each run.
//!
//!     cargo bench --bench dedup -- --docs 1000000 [--threads N] [--source-dir ../shared/corpora/dev]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The crate's SplitMix64, with this benchmark's draw.
struct Rng(eurocorpus::rng::SplitMix64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0.next_u64()
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn words(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).collect();
    files.sort();
    for f in files.iter().filter(|f| f.extension().is_some_and(|x| x == "jsonl")) {
        for line in std::fs::read_to_string(f).unwrap().lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            out.extend(v["text"].as_str().unwrap().split_whitespace().map(str::to_string));
        }
    }
    out
}

fn peak_rss(out: &Path) -> f64 {
    let s: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("stats.json")).unwrap()).unwrap();
    s["timing"]["peak_rss_bytes"].as_u64().unwrap_or(0) as f64 / 1e6
}

fn main() {
    let mut docs = 1_000_000usize;
    let mut threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut source = root.join("../shared/corpora/dev");
    let mut binary = root.join("target/release/eurocorpus");
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--docs" => docs = it.next().and_then(|v| v.parse().ok()).expect("--docs N"),
            "--threads" => threads = it.next().and_then(|v| v.parse().ok()).expect("--threads N"),
            "--source-dir" => source = it.next().map(PathBuf::from).expect("--source-dir DIR"),
            "--binary" => binary = it.next().map(PathBuf::from).expect("--binary PATH"),
            _ => {}
        }
    }
    let pool = words(&source);
    assert!(!pool.is_empty(), "no sentences in {}", source.display());
    let work = tempfile::TempDir::new().unwrap();
    let input = work.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    let t = Instant::now();
    let mut rng = Rng(eurocorpus::rng::SplitMix64(7));
    let files = 8;
    let mut writers: Vec<_> = (0..files)
        .map(|f| {
            let file = std::fs::File::create(input.join(format!("part-{f}.jsonl.gz"))).unwrap();
            flate2::write::GzEncoder::new(std::io::BufWriter::new(file), flate2::Compression::fast())
        })
        .collect();
    let mut text_bytes = 0usize;
    let mut recent: Vec<String> = Vec::new();
    for i in 0..docs {
        let roll = rng.below(100);
        let text = if roll < 5 && !recent.is_empty() {
            recent[rng.below(recent.len())].clone()
        } else if roll < 10 && !recent.is_empty() {
            let base = &recent[rng.below(recent.len())];
            format!("{base} {}", pool[rng.below(pool.len())])
        } else {
            let n = 25 + rng.below(36);
            (0..n).map(|_| pool[rng.below(pool.len())].as_str()).collect::<Vec<_>>().join(" ")
        };
        if recent.len() < 10_000 {
            recent.push(text.clone());
        } else {
            let k = rng.below(recent.len());
            recent[k] = text.clone();
        }
        text_bytes += text.len();
        let line = serde_json::json!({"id": format!("d{i}"), "text": text}).to_string();
        let w = &mut writers[i % files];
        w.write_all(line.as_bytes()).unwrap();
        w.write_all(b"\n").unwrap();
    }
    for w in writers {
        w.finish().unwrap().flush().unwrap();
    }
    println!(
        "generated {docs} documents, {:.1} MB of text, in {:.1} s; {threads} threads on {} cores",
        text_bytes as f64 / 1e6,
        t.elapsed().as_secs_f64(),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let mut results = Vec::new();
    for (name, stages) in [
        ("normalize only", "[[stages]]\ntype = 'normalize'\n"),
        (
            "normalize + exact + minhash dedup",
            "[[stages]]\ntype = 'normalize'\n[[stages]]\ntype = 'exact_dedup'\n[[stages]]\ntype = 'minhash_dedup'\n",
        ),
    ] {
        let out = work.path().join(format!("out-{}", results.len()));
        let p = work.path().join("p.toml");
        std::fs::write(
            &p,
            format!(
                "[input]\npaths = ['{}']\n{stages}[output]\npath = '{}'\n[run]\nthreads = {threads}\n",
                input.display(),
                out.display()
            ),
        )
        .unwrap();
        let t = Instant::now();
        let st = std::process::Command::new(&binary).arg("run").arg(&p).arg("--quiet").status().unwrap();
        assert!(st.success());
        let secs = t.elapsed().as_secs_f64();
        let s: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("stats.json")).unwrap()).unwrap();
        println!(
            "{name:<36} {secs:>7.1} s {:>7.1} MB/s {:>9.0} docs/s  peak RSS {:>6.0} MB  removed {}",
            text_bytes as f64 / 1e6 / secs,
            docs as f64 / secs,
            peak_rss(&out),
            s["removed"]
        );
        results.push(secs);
        std::fs::remove_dir_all(&out).unwrap();
    }
    println!("dedup wall time over normalize-only: {:.2}x", results[1] / results[0]);
}
