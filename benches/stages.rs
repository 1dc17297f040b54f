//! Criterion benchmarks of the per-document hot paths, on the fixture
//! corpus: JSONL parsing, normalisation, MinHash signatures (120 hash
//! functions over word 5-grams), tokenization (the fixture tokenizer and,
//! when present, Qwen3) and Arrow encoding. Throughput is in bytes of
//! text.
//!
//!     cargo bench --bench stages

use std::path::PathBuf;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use eurocorpus::config::{InputConfig, OutputConfig};
use eurocorpus::input::{self, FieldSpec, Item};
use eurocorpus::output::OutputSchema;
use eurocorpus::stages::{Normalize, NormalizeConfig, Scratch, Stage, Tokenize, TokenizeConfig};
use eurocorpus::Document;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture_docs() -> Vec<Document> {
    let cfg = InputConfig { paths: vec![repo().join("fixtures/corpus")], ..InputConfig::default() };
    let spec = Arc::new(FieldSpec::from_config(&cfg));
    input::discover(&cfg)
        .unwrap()
        .files
        .iter()
        .flat_map(|f| input::open(f, &spec, Arc::new(AtomicU64::new(0))).collect::<Vec<_>>())
        .filter_map(|i| match i {
            Item::Doc(d) => Some(d),
            Item::Bad(_) => None,
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let docs = fixture_docs();
    let bytes: u64 = docs.iter().map(|d| d.text.len() as u64).sum();

    let jsonl: Vec<u8> = docs
        .iter()
        .flat_map(|d| {
            let mut l =
                serde_json::to_vec(&serde_json::json!({"id": d.id, "text": d.text, "lang": "xx", "url": "u"})).unwrap();
            l.push(b'\n');
            l
        })
        .collect();
    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(jsonl.len() as u64));
    let spec = Arc::new(FieldSpec::from_config(&InputConfig::default()));
    g.bench_function("parse_jsonl", |b| {
        b.iter(|| {
            let dir = tempfile::TempDir::new().unwrap();
            let p = dir.path().join("a.jsonl");
            std::fs::write(&p, &jsonl).unwrap();
            let cfg = InputConfig { paths: vec![p], ..InputConfig::default() };
            let f = &input::discover(&cfg).unwrap().files[0];
            input::open(f, &spec, Arc::new(AtomicU64::new(0))).count()
        })
    });

    g.throughput(Throughput::Bytes(bytes));
    let normalize = Normalize::new(NormalizeConfig::default());
    g.bench_function("normalize", |b| {
        let mut scratch = Scratch::default();
        b.iter_batched(
            || docs.clone(),
            |mut ds| {
                for d in &mut ds {
                    normalize.apply(d, &mut scratch);
                }
                ds
            },
            criterion::BatchSize::LargeInput,
        )
    });

    let mut tokenizers = vec![("tokenize_fixture_8k", repo().join("fixtures/tokenizer/eurocorpus-8k.json"))];
    let qwen = repo().join("../shared/tokenizers/qwen3/tokenizer.json");
    if qwen.is_file() {
        tokenizers.push(("tokenize_qwen3", qwen));
    }
    for (name, path) in tokenizers {
        let t = Tokenize::new(&TokenizeConfig { tokenizer: path, ..Default::default() }).unwrap();
        g.bench_function(name, |b| {
            let mut ids = Vec::new();
            b.iter(|| {
                for d in &docs {
                    t.encode_into(&d.text, &mut ids).unwrap();
                }
            })
        });
    }

    let mh = eurocorpus::dedup::minhash::MinHasher::new(5, 120, 1);
    g.bench_function("minhash_signature_120", |b| {
        let mut scratch = eurocorpus::dedup::minhash::ShingleScratch::default();
        let mut sig = Vec::new();
        b.iter(|| {
            for d in &docs {
                mh.signature(&d.text, &mut scratch, &mut sig);
            }
        })
    });

    let words_only = eurocorpus::dedup::minhash::MinHasher::new(5, 0, 1);
    g.bench_function("minhash_words_and_shingles_only", |b| {
        let mut scratch = eurocorpus::dedup::minhash::ShingleScratch::default();
        let mut sig = Vec::new();
        b.iter(|| {
            for d in &docs {
                words_only.signature(&d.text, &mut scratch, &mut sig);
            }
        })
    });

    let mut tokenized = docs.clone();
    let t = Tokenize::new(&TokenizeConfig {
        tokenizer: repo().join("fixtures/tokenizer/eurocorpus-8k.json"),
        ..Default::default()
    })
    .unwrap();
    for d in &mut tokenized {
        t.encode_into(&d.text.clone(), &mut d.tokens).unwrap();
    }
    let schema = OutputSchema::new(&OutputConfig::default(), true, &[], false);
    let refs: Vec<&Document> = tokenized.iter().collect();
    g.bench_function("arrow_batch", |b| b.iter(|| schema.batch(&refs).unwrap().num_rows()));
    g.finish();
}

criterion_group! {
    name = stages;
    config = Criterion::default().sample_size(20);
    targets = benches
}
criterion_main!(stages);
