//! Identity of the fast encoder with the `tokenizers` crate: every supported
//! variant of a tokenizer file, on random text in every EU script (with
//! emoji, combining marks, digit and whitespace runs and added tokens inside
//! the text) and on the fixture corpus; and the refusals.

use std::path::PathBuf;

use serde_json::{json, Value};
use tokenizers::Tokenizer;

use super::FastBpe;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture_json() -> Value {
    let bytes = std::fs::read(repo().join("fixtures/tokenizer/eurocorpus-8k.json")).unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

fn load(v: &Value) -> Tokenizer {
    Tokenizer::from_bytes(serde_json::to_vec(v).unwrap()).unwrap()
}

/// A deterministic generator of nasty text.
struct Texts(u64);

impl Texts {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }

    /// One text of up to ~60 pieces.
    fn text(&mut self, specials: &[&str]) -> String {
        const PIECES: &[&str] = &[
            "Grüße",
            " aus",
            " Köln",
            " Żółć",
            " gęślą",
            " jaźń",
            "Ελληνικά",
            " Σοφία",
            " Привет",
            " мир",
            "Ħajr",
            " għandu",
            " ċ",
            " Dia",
            " dhuit",
            "Ærø",
            " Šťastný",
            " őrült",
            " ķēķis",
            " ūsas",
            " čeština",
            "ſ",
            "'s",
            "'S",
            "'ll",
            "'LL",
            "'re",
            "'ve",
            "'d",
            "'m",
            "'t",
            "'ſ",
            "e\u{301}",
            "a\u{308}\u{301}",
            "\u{1e9b}\u{323}",
            "ﬁ",
            "①",
            "²",
            "Ⅻ",
            "１２",
            "👍🏽",
            "🇪🇺",
            "👩\u{200d}💻",
            "\u{200b}",
            "\u{feff}",
            "123456789",
            "3.14159",
            "2024-11-30",
            "0",
            " ",
            "  ",
            "   ",
            "\t",
            "\n",
            "\r\n",
            "\n\n",
            " \n ",
            "\u{a0}",
            "\u{3000}",
            "\u{2028}",
            "!!!",
            "...",
            "«",
            "»",
            "—",
            "€",
            "(",
            ")",
            "\"",
            "https://ex.eu/a?b=c",
            "漢字",
            "ひらがな",
            "한국어",
            "עברית",
            "العربية",
            "\u{10ffff}",
            "\u{e000}",
            "𝔘𝔫𝔦",
            "\u{1f600}",
        ];
        let n = self.next() % 60;
        let mut s = String::new();
        for _ in 0..n {
            if !specials.is_empty() && self.next() % 23 == 0 {
                s += self.pick(specials);
            } else if self.next() % 17 == 0 {
                // Any scalar value at all.
                s.extend(char::from_u32((self.next() % 0x11_0000) as u32));
            } else {
                s += self.pick(PIECES);
            }
        }
        s
    }
}

/// Texts of every document of the fixture corpus, in every input format,
/// read as `run` reads them (not normalised).
fn corpus_texts() -> Vec<String> {
    let cfg = crate::config::InputConfig { paths: vec![repo().join("fixtures/corpus")], ..Default::default() };
    crate::input::items(&cfg)
        .unwrap()
        .filter_map(|item| match item {
            crate::input::Item::Doc(d) => Some(d.text),
            crate::input::Item::Bad(_) => None,
        })
        .collect()
}

/// Asserts identity on `n` random texts and the corpus texts; returns the
/// number of texts compared.
fn assert_identical(tok: &Tokenizer, what: &str, n: usize, extra: &[String]) -> usize {
    let fast = FastBpe::new(tok, 1000).unwrap_or_else(|e| panic!("{what}: not supported: {e}"));
    let specials: Vec<String> = tok.get_added_tokens_decoder().values().map(|t| t.content.clone()).collect();
    let specials: Vec<&str> = specials.iter().map(String::as_str).collect();
    let mut gen = Texts(0x2545_f491_4f6c_dd1d);
    let texts = (0..n).map(|_| gen.text(&specials)).chain(extra.iter().cloned());
    let mut count = 0;
    for text in texts {
        let want = tok.encode_fast(text.as_str(), false).unwrap().get_ids().to_vec();
        let mut got = Vec::new();
        fast.encode(&text, &mut got);
        assert_eq!(got, want, "{what}: {text:?}");
        count += 1;
    }
    count
}

/// The fixture tokenizer (made by `train-tokenizer`: GPT-2 ByteLevel regex,
/// NFC, two special tokens) and its variants covering every supported part.
#[test]
fn every_supported_variant_gives_the_ids_of_tokenizers() {
    let corpus = corpus_texts();
    assert!(corpus.len() > 100, "{}", corpus.len());
    let base = fixture_json();
    let split = |regex: &str| {
        json!({"type": "Sequence", "pretokenizers": [
            {"type": "Split", "pattern": {"Regex": regex}, "behavior": "Isolated", "invert": false},
            {"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": false, "use_regex": false}]})
    };
    let mut variants = vec![("as trained", base.clone())];
    let mut v = base.clone();
    v["pre_tokenizer"]["add_prefix_space"] = json!(true);
    variants.push(("add_prefix_space", v));
    let mut v = base.clone();
    v["pre_tokenizer"] = split(super::split::QWEN2);
    v["normalizer"] = Value::Null;
    variants.push(("Qwen 2 split, no normalizer", v));
    let mut v = base.clone();
    v["pre_tokenizer"] = split(super::split::CL100K);
    v["normalizer"] = json!({"type": "NFKC"});
    v["model"]["ignore_merges"] = json!(true);
    variants.push(("Llama 3 split, NFKC, ignore_merges", v));
    let mut v = base.clone();
    let next = v["model"]["vocab"].as_object().unwrap().len() + v["added_tokens"].as_array().unwrap().len();
    for (i, (content, normalized)) in [("Grüße", true), ("<tag>", false), ("é", true)].into_iter().enumerate() {
        v["added_tokens"].as_array_mut().unwrap().push(json!({"id": next + i, "content": content,
            "single_word": false, "lstrip": false, "rstrip": false, "normalized": normalized, "special": false}));
    }
    variants.push(("added tokens, normalized and not", v));
    for (what, v) in &variants {
        let n = assert_identical(&load(v), what, 3000, &corpus);
        assert_eq!(n, 3000 + corpus.len());
    }
}

/// The same on the pretrained tokenizers, from `../shared/tokenizers/`
/// (CI has it; elsewhere the test says it skipped): Qwen3 (byte-level) and
/// Llama 2 (SentencePiece-style, byte fallback).
#[test]
fn pretrained_tokenizers_give_the_ids_of_tokenizers_on_random_text() {
    for name in ["qwen3", "llama2"] {
        let path = repo().join("../shared/tokenizers").join(name).join("tokenizer.json");
        if !path.is_file() {
            assert!(std::env::var_os("CI").is_none(), "CI must have {}", path.display());
            eprintln!("SKIPPED: {} is absent", path.display());
            return;
        }
        let tok = Tokenizer::from_file(&path).unwrap();
        assert_identical(&tok, name, 5000, &corpus_texts());
    }
}

fn refusal(edit: impl FnOnce(&mut Value)) -> String {
    let mut v = fixture_json();
    edit(&mut v);
    match FastBpe::new(&load(&v), 10) {
        Ok(_) => panic!("accepted"),
        Err(e) => e,
    }
}

#[test]
fn unsupported_parts_are_refused_with_the_reason() {
    let e = refusal(|v| {
        v["pre_tokenizer"] = json!({"type": "Metaspace", "replacement": "▁", "prepend_scheme": "always", "split": true})
    });
    assert_eq!(e, "pre-tokenizer Metaspace");
    let e = refusal(|v| v["pre_tokenizer"] = Value::Null);
    assert_eq!(e, "no pre-tokenizer (not a byte-level BPE)");
    let e = refusal(|v| {
        v["pre_tokenizer"] = json!({"type": "Sequence", "pretokenizers": [
            {"type": "Split", "pattern": {"Regex": "\\s+|\\w+"}, "behavior": "Isolated", "invert": false},
            {"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": false, "use_regex": false}]})
    });
    assert_eq!(e, "pre-tokenizer: split pattern \"\\\\s+|\\\\w+\"");
    let e = refusal(|v| v["normalizer"] = json!({"type": "Lowercase"}));
    assert_eq!(e, "normalizer Lowercase");
    let e = refusal(|v| {
        v["pre_tokenizer"] = Value::Null;
        v["normalizer"] = json!({"type": "Sequence", "normalizers": [
            {"type": "Prepend", "prepend": "\u{2581}"},
            {"type": "Replace", "pattern": {"String": " "}, "content": "\u{2581}"}]});
    });
    assert_eq!(e, "vocabulary without the token \"<0x00>\" of byte 0x00");
    let e = refusal(|v| v["model"]["dropout"] = json!(0.1));
    assert_eq!(e, "BPE with dropout (random ids)");
    let e = refusal(|v| v["added_tokens"][0]["lstrip"] = json!(true));
    assert_eq!(e, "added token \"<|endoftext|>\" with single_word/lstrip/rstrip");
}
