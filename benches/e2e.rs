//! End-to-end benchmark: in one run, on one corpus, with all cores busy,
//! measures
//! 1. reading + parsing alone (the library's readers, files in parallel);
//! 2. the tokenizer alone on the same (normalised) texts, in memory — the
//!    ceiling for a pipeline that tokenizes;
//! 3. the whole pipeline (`eurocorpus run`: read, normalize, tokenize,
//!    write zstd Parquet), as a separate process so its peak RSS is its own;
//! 4. the same with `exact_dedup` and `minhash_dedup` (skip: `--no-dedup`);
//! 5. the same as 3 with the personal-data stage (`pii`, redact) before
//!    tokenizing (skip: `--no-pii`);
//! 6. the same as 3 with `langid` and `quality` (skip: `--no-filters`);
//!
//! and prints MB/s (of text, UTF-8) and documents/s for each, the pipeline's
//! peak RSS, and the ratio pipeline ÷ tokenizer-alone. Usually run through
//! `scripts/bench.sh`; directly:
//!
//!     cargo bench --bench e2e -- --corpus DIR --tokenizer FILE [--threads N]

use std::path::PathBuf;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;
use std::time::Instant;

use eurocorpus::config::InputConfig;
use eurocorpus::input::{self, FieldSpec, Item};
use eurocorpus::stages::{Normalize, NormalizeConfig, Scratch, Stage};
use rayon::prelude::*;

struct Args {
    corpus: PathBuf,
    tokenizer: PathBuf,
    threads: usize,
    binary: PathBuf,
    dedup: bool,
    pii: bool,
    filters: bool,
}

fn args() -> Args {
    let mut corpus = None;
    let mut tokenizer = None;
    let mut threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut binary = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/release/eurocorpus");
    let mut dedup = true;
    let mut pii = true;
    let mut filters = true;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--corpus" => corpus = it.next().map(PathBuf::from),
            "--tokenizer" => tokenizer = it.next().map(PathBuf::from),
            "--threads" => threads = it.next().and_then(|v| v.parse().ok()).unwrap_or(threads),
            "--binary" => binary = it.next().map(PathBuf::from).unwrap_or(binary),
            "--no-dedup" => dedup = false,
            "--no-pii" => pii = false,
            "--no-filters" => filters = false,
            _ => {} // cargo bench adds --bench
        }
    }
    let usage = "usage: cargo bench --bench e2e -- --corpus DIR --tokenizer FILE [--threads N] [--binary PATH]";
    Args {
        corpus: corpus.unwrap_or_else(|| panic!("{usage}")),
        tokenizer: tokenizer.unwrap_or_else(|| panic!("{usage}")),
        threads,
        binary,
        dedup,
        pii,
        filters,
    }
}

struct Figure {
    name: &'static str,
    secs: f64,
    bytes: u64,
    docs: u64,
}

impl Figure {
    fn mb_s(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.secs
    }
    fn print(&self) {
        println!(
            "{:<28} {:>8.2} s {:>9.2} MB/s {:>10.0} docs/s {:>8.2} MB/s/core",
            self.name,
            self.secs,
            self.mb_s(),
            self.docs as f64 / self.secs,
            self.mb_s() / rayon::current_num_threads() as f64
        );
    }
}

fn main() {
    let a = args();
    rayon::ThreadPoolBuilder::new().num_threads(a.threads).build_global().unwrap();
    let cfg = InputConfig { paths: vec![a.corpus.clone()], ..InputConfig::default() };
    let files = input::discover(&cfg).expect("corpus").files;
    let spec = Arc::new(FieldSpec::from_config(&cfg));
    let input_bytes: u64 = files.iter().map(|f| f.bytes).sum();
    println!(
        "corpus: {} ({} files, {:.1} MB compressed); {} threads on {} cores",
        a.corpus.display(),
        files.len(),
        input_bytes as f64 / 1e6,
        a.threads,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );

    // 1. Read + parse alone.
    let t = Instant::now();
    let (docs, bytes) = files
        .par_iter()
        .map(|f| {
            let mut n = (0u64, 0u64);
            for item in input::open(f, &spec, Arc::new(AtomicU64::new(0))) {
                if let Item::Doc(d) = item {
                    n.0 += 1;
                    n.1 += d.text.len() as u64;
                }
            }
            n
        })
        .reduce(|| (0, 0), |x, y| (x.0 + y.0, x.1 + y.1));
    let read = Figure { name: "read+parse alone", secs: t.elapsed().as_secs_f64(), bytes, docs };

    // 2. The tokenizer alone, on the normalised texts held in memory.
    let normalize = Normalize::new(NormalizeConfig::default());
    let texts: Vec<String> = files
        .par_iter()
        .flat_map_iter(|f| {
            let mut scratch = Scratch::default();
            let normalize = &normalize;
            input::open(f, &spec, Arc::new(AtomicU64::new(0)))
                .filter_map(move |item| match item {
                    Item::Doc(mut d) => {
                        normalize.apply(&mut d, &mut scratch);
                        Some(d.text)
                    }
                    Item::Bad(_) => None,
                })
                .collect::<Vec<_>>()
        })
        .collect();
    // The stage's encoder (the fast one when the file allows it), then the
    // tokenizers crate, on the same texts: same tokens required.
    let stage = eurocorpus::stages::Tokenize::new(&eurocorpus::stages::TokenizeConfig {
        tokenizer: a.tokenizer.clone(),
        ..Default::default()
    })
    .expect("tokenizer");
    let text_bytes: u64 = texts.iter().map(|s| s.len() as u64).sum();
    let alone = |name: &'static str, fast: bool| -> (Figure, usize) {
        let t = Instant::now();
        let tokens: usize = texts
            .par_iter()
            .map_init(Vec::new, |ids, s| {
                if fast { stage.encode_into(s, ids) } else { stage.encode_reference(s, ids) }.expect("encode");
                ids.len()
            })
            .sum();
        (Figure { name, secs: t.elapsed().as_secs_f64(), bytes: text_bytes, docs: texts.len() as u64 }, tokens)
    };
    let (tok_fig, tokens) =
        alone(if stage.encoder() == "fast-bpe" { "fast tokenizer alone" } else { "tokenizer alone" }, true);
    let (crate_fig, crate_tokens) = alone("tokenizers crate alone", false);
    assert_eq!(tokens, crate_tokens, "the fast encoder and the tokenizers crate must give the same tokens");
    drop(texts);

    // 3. The whole pipeline, as a user runs it; 4. the same with exact and
    // near-duplicate removal across the corpus.
    let run = |name: &'static str, extra_stages: &str| -> (Figure, serde_json::Value) {
        let work = tempfile::TempDir::new().unwrap();
        let pipeline = work.path().join("bench.toml");
        std::fs::write(
            &pipeline,
            format!(
                "name = 'bench'\n[input]\npaths = ['{}']\n[[stages]]\ntype = 'normalize'\n{extra_stages}[[stages]]\ntype = 'tokenize'\ntokenizer = '{}'\n[output]\npath = '{}'\n[run]\nthreads = {}\n",
                a.corpus.display(),
                a.tokenizer.display(),
                work.path().join("out").display(),
                a.threads
            ),
        )
        .unwrap();
        let t = Instant::now();
        let status = std::process::Command::new(&a.binary)
            .arg("run")
            .arg(&pipeline)
            .arg("--quiet")
            .status()
            .expect("run eurocorpus");
        let secs = t.elapsed().as_secs_f64();
        assert!(status.success(), "the pipeline failed");
        let stats: serde_json::Value =
            serde_json::from_slice(&std::fs::read(work.path().join("out/stats.json")).unwrap()).unwrap();
        let fig = Figure { name, secs, bytes: tok_fig.bytes, docs: stats["documents"]["read"].as_u64().unwrap() };
        (fig, stats)
    };
    let (pipe, stats) = run("whole pipeline", "");
    let written_tokens = stats["output"]["tokens"].as_u64().unwrap();
    assert_eq!(written_tokens as usize, tokens, "the pipeline and the tokenizer alone must produce the same tokens");
    let (dedup, dedup_stats) = if a.dedup {
        let (f, s) =
            run("whole pipeline + dedup", "[[stages]]\ntype = 'exact_dedup'\n[[stages]]\ntype = 'minhash_dedup'\n");
        (Some(f), Some(s))
    } else {
        (None, None)
    };
    let (pii, pii_stats) = if a.pii {
        let (f, s) = run("whole pipeline + pii", "[[stages]]\ntype = 'pii'\n");
        (Some(f), Some(s))
    } else {
        (None, None)
    };

    let (filters, filter_stats) = if a.filters {
        let (f, s) = run("whole pipeline + filters", "[[stages]]\ntype = 'langid'\n[[stages]]\ntype = 'quality'\n");
        (Some(f), Some(s))
    } else {
        (None, None)
    };

    println!("{:<28} {:>10} {:>14} {:>17} {:>16}", "measure", "wall", "text", "documents", "per core");
    read.print();
    crate_fig.print();
    tok_fig.print();
    pipe.print();
    if let Some(d) = &dedup {
        d.print();
    }
    if let Some(p) = &pii {
        p.print();
    }
    if let Some(f) = &filters {
        f.print();
    }
    println!("tokens: {tokens}");
    let rss = |s: &serde_json::Value| s["timing"]["peak_rss_bytes"].as_u64().unwrap_or(0) as f64 / 1e6;
    println!("pipeline peak RSS: {:.0} MB", rss(&stats));
    println!("ratio {} / tokenizers crate alone: {:.2}", tok_fig.name, tok_fig.mb_s() / crate_fig.mb_s());
    println!("ratio pipeline / {}: {:.3}", tok_fig.name, pipe.mb_s() / tok_fig.mb_s());
    if let (Some(d), Some(s)) = (&dedup, &dedup_stats) {
        println!("pipeline + dedup peak RSS: {:.0} MB; removed {}", rss(s), s["removed"]);
        println!("dedup adds {:.1} % to the pipeline's wall time", 100.0 * (d.secs / pipe.secs - 1.0));
    }
    if let (Some(p), Some(s)) = (&pii, &pii_stats) {
        let st = s["stages"].as_array().unwrap().iter().find(|x| x["name"] == "pii").cloned().unwrap_or_default();
        println!("pii found: {}", st["counts"]);
        println!("pii adds {:.1} % to the pipeline's wall time", 100.0 * (p.secs / pipe.secs - 1.0));
    }
    if let (Some(f), Some(s)) = (&filters, &filter_stats) {
        println!("langid + quality removed {}", s["removed"]);
        println!("langid + quality add {:.1} % to the pipeline's wall time", 100.0 * (f.secs / pipe.secs - 1.0));
    }
}
