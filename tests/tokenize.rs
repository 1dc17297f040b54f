//! Tokenization with real pretrained tokenizers, and train-tokenizer.

use std::path::PathBuf;

use tempfile::TempDir;

use crate::util::*;

/// `../shared/tokenizers/<name>/tokenizer.json`, which CI has; tests that
/// need it say so and pass without it on a machine that lacks it.
fn shared_tokenizer(name: &str) -> Option<PathBuf> {
    let p = repo().join("../shared/tokenizers").join(name).join("tokenizer.json");
    if p.is_file() {
        Some(p)
    } else {
        eprintln!("SKIPPED: {} is absent (it is in ../shared/ on CI and developer machines)", p.display());
        if std::env::var_os("CI").is_some() {
            panic!("CI must have {}", p.display());
        }
        None
    }
}

#[test]
fn qwen3_ids_match_the_tokenizers_crate_and_decode_to_the_text() {
    let Some(qwen) = shared_tokenizer("qwen3") else { return };
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("out");
    let mut c = eurocorpus();
    c.args(["run", "pipelines/quickstart.toml", "--quiet", "--output"]).arg(&out).arg("--tokenizer").arg(&qwen);
    run_expect(&mut c, 0);
    let tok = tokenizers::Tokenizer::from_file(&qwen).unwrap();
    let eos = tok.token_to_id("<|endoftext|>").unwrap();
    let rows = read_rows(&out);
    assert_eq!(rows.len(), 227);
    for r in &rows {
        let text = r.text.as_ref().unwrap();
        let mut want = tok.encode_fast(text.as_str(), false).unwrap().get_ids().to_vec();
        want.push(eos);
        assert_eq!(r.input_ids.as_ref().unwrap(), &want, "{}", r.id);
        assert_eq!(&tok.decode(&want, true).unwrap(), text);
    }
    assert_eq!(manifest(&out)["tokenizer"]["vocab_size"], 151_669);
    assert_eq!(manifest(&out)["tokenizer"]["encoder"], "fast-bpe");
}

#[test]
fn llama2_with_its_bos_template() {
    let Some(llama) = shared_tokenizer("llama2") else { return };
    let tmp = TempDir::new().unwrap();
    let p = pipeline(
        tmp.path(),
        "p.toml",
        &format!(
            "[input]\npaths = ['{}']\n[[stages]]\ntype = 'normalize'\n[[stages]]\ntype = 'tokenize'\ntokenizer = '{}'\nadd_special_tokens = true\neos = '</s>'\n[output]\npath = '{}'\n",
            repo().join("fixtures/corpus/text").display(),
            llama.display(),
            tmp.path().join("out").display()
        ),
    );
    let e = stderr(&run_expect(eurocorpus().arg("run").arg(&p).arg("--quiet"), 0));
    // SentencePiece-style BPE with byte fallback: the fast encoder too.
    assert!(!e.contains("not supported by the fast encoder"), "{e}");
    assert_eq!(manifest(&tmp.path().join("out"))["tokenizer"]["encoder"], "fast-bpe");
    let tok = tokenizers::Tokenizer::from_file(&llama).unwrap();
    for r in read_rows(&tmp.path().join("out")) {
        let ids = r.input_ids.unwrap();
        assert_eq!(ids[0], tok.token_to_id("<s>").unwrap(), "the post-processor's BOS");
        assert_eq!(*ids.last().unwrap(), tok.token_to_id("</s>").unwrap());
        assert_eq!(tok.decode(&ids, true).unwrap(), r.text.unwrap());
    }
}

#[test]
fn unknown_bos_or_eos_token_is_a_clear_error() {
    let tmp = TempDir::new().unwrap();
    let p = pipeline(
        tmp.path(),
        "p.toml",
        &format!(
            "[input]\npaths = ['fixtures/corpus/text']\n[[stages]]\ntype = 'tokenize'\ntokenizer = '{}'\neos = '</s>'\n[output]\npath = '{}'\n",
            fixture_tokenizer().display(),
            tmp.path().join("out").display()
        ),
    );
    let e = stderr(&run_expect(eurocorpus().arg("run").arg(&p), 1));
    assert!(e.contains("eos = \"</s>\" is not a token of this tokenizer"), "{e}");
}

/// Tokens per byte of `text` under a tokenizer.
fn fertility(tok: &tokenizers::Tokenizer, texts: &[String]) -> f64 {
    let tokens: usize = texts.iter().map(|t| tok.encode_fast(t.as_str(), false).unwrap().len()).sum();
    let bytes: usize = texts.iter().map(String::len).sum();
    tokens as f64 / bytes as f64
}

#[test]
fn train_tokenizer_samples_languages_evenly() {
    // 90 % English by bytes: English EWT repeated, plus German and French.
    let tmp = TempDir::new().unwrap();
    let read = |f: &str| -> Vec<serde_json::Value> {
        let bytes = std::fs::read(repo().join("fixtures/corpus/jsonl").join(f)).unwrap();
        let text = if f.ends_with(".gz") {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut flate2::read::MultiGzDecoder::new(&bytes[..]), &mut s).unwrap();
            s
        } else {
            String::from_utf8(bytes).unwrap()
        };
        text.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
    };
    let (en, de, fr) = (read("en-mixed.json.gz"), read("de.jsonl"), read("fr.jsonl.gz"));
    let mut lines = String::new();
    let mut n = 0;
    for rep in 0..110 {
        for d in &en {
            lines += &serde_json::json!({"id": format!("en-{rep}-{n}"), "lang": "en", "text": d["text"]}).to_string();
            lines.push('\n');
            n += 1;
        }
    }
    for d in de.iter().chain(&fr) {
        lines += &d.to_string();
        lines.push('\n');
    }
    write(&tmp.path().join("corpus.jsonl"), &lines);
    let de_texts: Vec<String> = de.iter().map(|d| d["text"].as_str().unwrap().to_string()).collect();

    let train = |lang_field: &str, out: &str| {
        let o = run_expect(
            eurocorpus()
                .arg("train-tokenizer")
                .arg("--input")
                .arg(tmp.path().join("corpus.jsonl"))
                .arg("--output")
                .arg(tmp.path().join(out))
                .args(["--vocab-size", "2000", "--sample-bytes", "150000", "--lang-field", lang_field]),
            0,
        );
        (stderr(&o), tokenizers::Tokenizer::from_file(tmp.path().join(out)).unwrap())
    };
    let (table, balanced) = train("lang", "balanced.json");
    // Every language gets a third of the budget (de and fr have ~50 kB each).
    let sampled: Vec<u64> = ["de", "en", "fr"]
        .iter()
        .map(|l| table.lines().find(|x| x.starts_with(l)).unwrap().split_whitespace().nth(2).unwrap().parse().unwrap())
        .collect();
    assert!(sampled.iter().all(|&b| (35_000..=60_000).contains(&b)), "{table}");
    let (_, unbalanced) = train("", "unbalanced.json");
    let (fb, fu) = (fertility(&balanced, &de_texts), fertility(&unbalanced, &de_texts));
    assert!(fb < fu * 0.9, "balanced sampling should give German fewer tokens per byte: {fb:.3} vs {fu:.3}");
    assert_eq!(balanced.get_vocab_size(true), 2000);
    assert_eq!(balanced.token_to_id("<|endoftext|>"), Some(0));
    // The fast encoder gives the crate's ids with what train-tokenizer makes.
    let b = bench(&tmp.path().join("balanced.json"), &tmp.path().join("corpus.jsonl"));
    assert_eq!(
        (b["encoder"].as_str(), b["differing"].as_u64(), b["documents"].as_u64()),
        (Some("fast-bpe"), Some(0), Some(n + (de.len() + fr.len()) as u64))
    );
}

/// `tokenize-bench --json` of a tokenizer on an input; exit 0 required.
fn bench(tokenizer: &std::path::Path, input: &std::path::Path) -> serde_json::Value {
    let o = run_expect(
        eurocorpus().arg("tokenize-bench").arg("--tokenizer").arg(tokenizer).arg("--input").arg(input).arg("--json"),
        0,
    );
    serde_json::from_slice(&o.stdout).unwrap()
}

/// A tokenizer the fast encoder does not support: the fixture one with a
/// `Whitespace` pre-tokenizer.
fn unsupported_tokenizer(dir: &std::path::Path) -> PathBuf {
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(fixture_tokenizer()).unwrap()).unwrap();
    v["pre_tokenizer"] = serde_json::json!({"type": "Whitespace"});
    let p = dir.join("whitespace.json");
    write(&p, serde_json::to_vec(&v).unwrap());
    p
}

/// Identity on every document of the dev corpora (`../shared/corpora/dev`,
/// 29 languages), for both pretrained tokenizers and the fixture one.
#[test]
fn tokenize_bench_finds_no_differing_document_on_the_dev_corpora() {
    let (Some(qwen), Some(llama)) = (shared_tokenizer("qwen3"), shared_tokenizer("llama2")) else { return };
    let dev = repo().join("../shared/corpora/dev");
    for tok in [qwen, fixture_tokenizer(), llama] {
        let b = bench(&tok, &dev);
        assert_eq!(b["encoder"], "fast-bpe", "{}", tok.display());
        assert_eq!(b["differing"], 0, "{b}");
        assert_eq!(b["bad_records"], 0, "{b}");
        assert!(b["documents"].as_u64().unwrap() > 6000, "{b}");
        assert!(b["fast_seconds"].as_f64().unwrap() > 0.0 && b["reference_seconds"].as_f64().unwrap() > 0.0, "{b}");
    }
}

#[test]
fn an_unsupported_tokenizer_falls_back_visibly() {
    let tmp = TempDir::new().unwrap();
    let tok = unsupported_tokenizer(tmp.path());
    // tokenize-bench names the reason and still compares.
    let o = run_expect(
        eurocorpus()
            .arg("tokenize-bench")
            .arg("--tokenizer")
            .arg(&tok)
            .arg("--input")
            .arg(repo().join("fixtures/corpus")),
        0,
    );
    let table = String::from_utf8(o.stdout).unwrap();
    assert!(table.contains("fast encoder   not available: pre-tokenizer Whitespace"), "{table}");
    assert!(table.contains("differing      0 documents"), "{table}");
    // A run says so once and records the encoder.
    let p = pipeline(
        tmp.path(),
        "p.toml",
        &format!(
            "[input]\npaths = ['fixtures/corpus/text']\n[[stages]]\ntype = 'tokenize'\ntokenizer = '{}'\n[output]\npath = '{}'\n",
            tok.display(),
            tmp.path().join("out").display()
        ),
    );
    let e = stderr(&run_expect(eurocorpus().arg("run").arg(&p).arg("--quiet"), 0));
    assert_eq!(e.matches("is not supported by the fast encoder").count(), 1, "{e}");
    assert!(e.contains("pre-tokenizer Whitespace is not supported by the fast encoder; using the tokenizers crate (same ids, slower)"), "{e}");
    assert_eq!(manifest(&tmp.path().join("out"))["tokenizer"]["encoder"], "tokenizers");
    // encoder = "fast" makes it a clear error before any output.
    let p = pipeline(
        tmp.path(),
        "fast.toml",
        &format!(
            "[input]\npaths = ['fixtures/corpus/text']\n[[stages]]\ntype = 'tokenize'\ntokenizer = '{}'\nencoder = 'fast'\n[output]\npath = '{}'\n",
            tok.display(),
            tmp.path().join("out2").display()
        ),
    );
    let e = stderr(&run_expect(eurocorpus().arg("run").arg(&p), 1));
    assert!(e.contains("encoder = \"fast\", but the fast encoder does not support pre-tokenizer Whitespace"), "{e}");
    assert!(!tmp.path().join("out2").join("manifest.json").exists());
}
