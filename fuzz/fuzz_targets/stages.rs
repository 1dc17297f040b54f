#![no_main]
//! The per-document stages of the quick-start pipeline (normalize, langid,
//! url_filter, quality, pii with redaction, tokenize) chained on arbitrary
//! text, as the runner chains them: no panic, an outcome for every
//! document, token ids inside the vocabulary, and redacted text that no
//! longer holds the e-mail addresses the detector found.

use std::sync::Arc;

use eurocorpus::pii::detect::{Detector, Hints};
use eurocorpus::pii::EntityType;
use eurocorpus::stages::{Outcome, Scratch, Stage};
use eurocorpus::{Document, PipelineConfig};
use libfuzzer_sys::fuzz_target;

struct Chain {
    stages: Vec<Box<dyn Stage>>,
    vocab: usize,
}

fn chain() -> Chain {
    let dir = env!("CARGO_MANIFEST_DIR");
    let toml = format!(
        r#"
[input]
paths = ["unused"]
metadata = ["url"]
[[stages]]
type = "normalize"
[[stages]]
type = "langid"
[[stages]]
type = "url_filter"
block_lists = ["{dir}/../fixtures/url/blocklist.txt"]
[[stages]]
type = "quality"
[[stages]]
type = "pii"
policy = "redact"
[[stages]]
type = "tokenize"
tokenizer = "{dir}/../fixtures/tokenizer/eurocorpus-8k.json"
eos = "<|endoftext|>"
[output]
path = "unused"
"#
    );
    let cfg = PipelineConfig::from_toml(&toml, "stages fuzz").expect("the fuzz pipeline loads");
    let stages: Vec<Box<dyn Stage>> =
        cfg.stages.iter().map(|s| s.build(&cfg.input.metadata).expect("the fuzz pipeline builds")).collect();
    let tok = eurocorpus::stages::load_tokenizer(std::path::Path::new(&format!(
        "{dir}/../fixtures/tokenizer/eurocorpus-8k.json"
    )))
    .unwrap();
    Chain { stages, vocab: tok.tokenizer.get_vocab_size(true) }
}

fuzz_target!(|data: &[u8]| {
    thread_local!(static CHAIN: Chain = chain());
    let text = String::from_utf8_lossy(data).into_owned();
    let url = text.split_whitespace().next().map(str::to_string);
    let mut doc = Document {
        id: "fuzz".into(),
        text,
        lang: String::new(),
        lang_score: None,
        routed: false,
        source: Arc::from("fuzz.jsonl"),
        record: 1,
        meta: vec![url],
        tokens: Vec::new(),
        dup: None,
        pii: Vec::new(),
    };
    let mut scratch = Scratch::default();
    CHAIN.with(|c| {
        for s in &c.stages {
            match s.apply(&mut doc, &mut scratch) {
                Outcome::Kept | Outcome::Changed => {}
                Outcome::Removed(_) | Outcome::Failed(..) => return,
            }
            if s.name() == "pii" {
                let left = Detector::all().detect_once(&doc.text, Hints::default());
                assert!(!left.iter().any(|e| e.kind == EntityType::Email), "an e-mail address left in redacted text");
            }
        }
        assert!(doc.tokens.iter().all(|&t| (t as usize) < c.vocab), "a token id outside the vocabulary");
    });
});
