#![no_main]
//! The fast byte-level BPE encoder against the `tokenizers` crate on
//! arbitrary text: the ids must be identical (the fast path's promise).
//! Tokenizers: the bundled fixture one, and — when `../shared` is beside
//! the project, as on the development machines and in CI — Qwen3 and
//! Llama 2. The first input byte chooses the tokenizer.

use std::path::PathBuf;

use eurocorpus::stages::{Tokenize, TokenizeConfig};
use libfuzzer_sys::fuzz_target;

fn tokenizers() -> Vec<Tokenize> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        dir.join("../fixtures/tokenizer/eurocorpus-8k.json"),
        dir.join("../../shared/tokenizers/qwen3/tokenizer.json"),
        dir.join("../../shared/tokenizers/llama2/tokenizer.json"),
    ];
    let found: Vec<Tokenize> = candidates
        .iter()
        .filter(|p| p.is_file())
        .map(|p| {
            let t = Tokenize::quiet(&TokenizeConfig { tokenizer: p.clone(), ..TokenizeConfig::default() })
                .expect("the tokenizer loads");
            assert_eq!(t.encoder(), "fast-bpe", "{} is not on the fast path", p.display());
            t
        })
        .collect();
    eprintln!("tokenize_identity: {} tokenizers", found.len());
    found
}

fuzz_target!(|data: &[u8]| {
    thread_local!(static TOKENIZERS: Vec<Tokenize> = tokenizers());
    let Some((&pick, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    TOKENIZERS.with(|all| {
        let t = &all[usize::from(pick) % all.len()];
        let (mut fast, mut reference) = (Vec::new(), Vec::new());
        let a = t.encode_into(text, &mut fast);
        let b = t.encode_reference(text, &mut reference);
        assert_eq!(a.is_ok(), b.is_ok());
        assert_eq!(fast, reference, "the fast path's ids differ from the tokenizers crate");
    });
});
