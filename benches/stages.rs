//! Criterion benchmarks of the per-document hot paths, on the fixture
//! corpus: JSONL parsing, normalisation, MinHash signatures (120 hash
//! functions over word 5-grams), personal-data detection (on the fixture
//! corpus, and on the labelled personal-data set where every document is
//! full of identifiers), tokenization (the fixture tokenizer and, when
//! present, Qwen3) and Arrow encoding. Throughput is in bytes of text, on
//! one thread.
//!
//!     cargo bench --bench stages
//!     cargo bench --bench stages -- pii     # only the personal-data ones

use std::path::PathBuf;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use eurocorpus::config::{InputConfig, OutputConfig};
use eurocorpus::input::{self, FieldSpec, Item};
use eurocorpus::output::{Columns, OutputSchema};
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

    let langid = eurocorpus::stages::Langid::new(&eurocorpus::stages::LangidConfig::default());
    g.bench_function("langid", |b| {
        let mut scratch = Scratch::default();
        b.iter_batched(
            || docs.clone(),
            |mut ds| {
                for d in &mut ds {
                    langid.apply(d, &mut scratch);
                    scratch.counts.clear();
                }
                ds
            },
            criterion::BatchSize::LargeInput,
        )
    });
    let rules = eurocorpus::quality::QualityConfig::default().rules();
    g.bench_function("quality_measure_and_rules", |b| {
        b.iter(|| {
            docs.iter()
                .filter(|d| rules.first_failure(&eurocorpus::quality::measure(&d.text, &d.lang), &d.lang).is_none())
                .count()
        })
    });

    let pii = eurocorpus::stages::Pii::new(&eurocorpus::pii::PolicyConfig::default());
    let detector = eurocorpus::pii::Detector::all();
    g.bench_function("pii_detect", |b| {
        let mut scratch = eurocorpus::pii::detect::DetectScratch::default();
        let mut found = Vec::new();
        b.iter(|| {
            for d in &docs {
                found.clear();
                detector.detect(
                    &d.text,
                    eurocorpus::pii::Hints { lang: &d.lang, country: "" },
                    &mut scratch,
                    &mut found,
                );
            }
            found.len()
        })
    });
    g.bench_function("pii_stage_redact", |b| {
        let mut scratch = Scratch::default();
        b.iter_batched(
            || docs.clone(),
            |mut ds| {
                for d in &mut ds {
                    pii.apply(d, &mut scratch);
                    scratch.counts.clear();
                }
                ds
            },
            criterion::BatchSize::LargeInput,
        )
    });
    let dense: Vec<(String, String)> = std::fs::read_dir(repo().join("fixtures/pii"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .flat_map(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .lines()
                .map(|l| {
                    let v: serde_json::Value = serde_json::from_str(l).unwrap();
                    (v["text"].as_str().unwrap().to_string(), v["lang"].as_str().unwrap_or("").to_string())
                })
                .collect::<Vec<_>>()
        })
        .collect();
    g.throughput(Throughput::Bytes(dense.iter().map(|(t, _)| t.len() as u64).sum()));
    g.bench_function("pii_detect_dense", |b| {
        let mut scratch = eurocorpus::pii::detect::DetectScratch::default();
        let mut found = Vec::new();
        b.iter(|| {
            for (t, lang) in &dense {
                found.clear();
                detector.detect(t, eurocorpus::pii::Hints { lang, country: "" }, &mut scratch, &mut found);
            }
            found.len()
        })
    });
    g.throughput(Throughput::Bytes(bytes));

    let mut tokenizers = vec![("tokenize_fixture_8k", repo().join("fixtures/tokenizer/eurocorpus-8k.json"))];
    let qwen = repo().join("../shared/tokenizers/qwen3/tokenizer.json");
    if qwen.is_file() {
        tokenizers.push(("tokenize_qwen3", qwen));
    }
    // The fast encoder (its word cache warm after the first iteration), the
    // same without a cache (every word merged), and the tokenizers crate.
    for (name, path) in tokenizers {
        let fast = Tokenize::new(&TokenizeConfig { tokenizer: path.clone(), ..Default::default() }).unwrap();
        let uncached =
            Tokenize::new(&TokenizeConfig { tokenizer: path, cache_words: 0, ..Default::default() }).unwrap();
        for (variant, t, reference) in
            [("", &fast, false), ("_no_cache", &uncached, false), ("_tokenizers_crate", &fast, true)]
        {
            g.bench_function(format!("{name}{variant}"), |b| {
                let mut ids = Vec::new();
                b.iter(|| {
                    for d in &docs {
                        if reference {
                            t.encode_reference(&d.text, &mut ids)
                        } else {
                            t.encode_into(&d.text, &mut ids)
                        }
                        .unwrap();
                    }
                })
            });
        }
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
    let schema = OutputSchema::new(&OutputConfig::default(), Columns { tokens: true, ..Default::default() }, &[]);
    let refs: Vec<&Document> = tokenized.iter().collect();
    g.bench_function("arrow_batch", |b| b.iter(|| schema.batch(&refs).unwrap().num_rows()));
    // The decision ledger's cost per document (a row and its Parquet file).
    let ledger_dir = tempfile::tempdir().unwrap();
    g.bench_function("decision_ledger", |b| {
        b.iter(|| {
            let props = parquet::file::properties::WriterProperties::builder().build();
            let mut w = eurocorpus::ledger::LedgerWriter::create(ledger_dir.path(), 0, props).unwrap();
            for d in &tokenized {
                w.push(&eurocorpus::ledger::Entry {
                    id: d.id.as_str().into(),
                    source: d.source.as_ref().into(),
                    record: d.record,
                    decision: eurocorpus::ledger::verdict::KEPT.into(),
                    changed_by: vec!["normalize".into(), "tokenize".into()],
                    lang: Some(d.lang.as_str().into()),
                    lang_score: Some(0.99),
                    tokens: Some(d.tokens.len() as u32),
                    text_bytes: d.text.len() as u64,
                    shard: Some("data/part-00000-00000.parquet".into()),
                    ..Default::default()
                })
                .unwrap();
            }
            w.finish().unwrap().rows
        })
    });
    g.finish();
}

criterion_group! {
    name = stages;
    config = Criterion::default().sample_size(20);
    targets = benches
}
criterion_main!(stages);
