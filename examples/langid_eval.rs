//! Accuracy and speed of the langid stage's detector on labelled JSONL
//! files (one language per file, the file name being the label: `de.jsonl`),
//! for the README's table. Run through `scripts/langid-eval`.
//!
//! `langid_eval DIR [--exclude IDS.tsv] [--mode sample|lines] [--sample-bytes N]`
//!
//! Prints, per language: documents of ≥ 200 characters, accuracy, the
//! wrong answers, the 10th percentile and median `lang_score`; then the
//! speed on one thread, for the documents as they are and for 2 KB pieces
//! (each language's text concatenated and cut at whitespace), so figures
//! are comparable across machines as documents per second per core.

use std::collections::{BTreeMap, BTreeSet};

#[path = "support/dev_corpus.rs"]
mod dev_corpus;

use eurocorpus::langid::{model, LangidMode, LangidScratch};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut dir = None;
    let mut exclude = BTreeSet::new();
    let mut mode = LangidMode::Sample;
    let mut budget = 1024;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--exclude" => exclude = dev_corpus::exclusions(it.next().expect("--exclude FILE").as_ref()),
            "--mode" => {
                mode = match it.next().map(String::as_str) {
                    Some("lines") => LangidMode::Lines,
                    _ => LangidMode::Sample,
                }
            }
            "--sample-bytes" => budget = it.next().and_then(|v| v.parse().ok()).expect("--sample-bytes N"),
            d => dir = Some(d.to_string()),
        }
    }
    let dir = dir.expect("usage: langid_eval DIR [--exclude IDS.tsv] [--mode sample|lines] [--sample-bytes N]");
    let m = model();
    let mut s = LangidScratch::default();
    let mut all_docs: Vec<String> = Vec::new();
    let mut pieces: Vec<String> = Vec::new();
    println!("| lang | docs ≥ 200 chars | accuracy | wrong answers | score p10 | score median |");
    println!("|---|---:|---:|---|---:|---:|");
    let (mut total, mut right) = (0usize, 0usize);
    let mut worst = (String::new(), 1.0f64);
    for (gold, f) in dev_corpus::labelled_files(&dir) {
        let mut concat = String::new();
        let (mut n, mut ok) = (0usize, 0usize);
        let mut wrong: BTreeMap<&str, usize> = BTreeMap::new();
        let mut scores = Vec::new();
        for v in dev_corpus::records(&f) {
            let id = v["id"].as_str().unwrap_or_default();
            let t = v["text"].as_str().unwrap_or_default();
            if exclude.contains(id) {
                continue;
            }
            concat.push_str(t);
            concat.push('\n');
            all_docs.push(t.to_string());
            if t.chars().count() < 200 {
                continue;
            }
            let g = m.identify(t, mode, budget, &mut s);
            n += 1;
            scores.push(g.score);
            if g.lang == gold {
                ok += 1;
            } else {
                *wrong.entry(if g.lang.is_empty() { "none" } else { g.lang }).or_default() += 1;
            }
        }
        pieces.extend(cut(&concat, 2000));
        scores.sort_by(f32::total_cmp);
        let q = |p: f64| scores.get(((scores.len() as f64 - 1.0) * p).round() as usize).copied().unwrap_or(0.0);
        let acc = ok as f64 / n.max(1) as f64;
        if acc < worst.1 {
            worst = (gold.clone(), acc);
        }
        let wrong = wrong.iter().map(|(l, c)| format!("{l} {c}")).collect::<Vec<_>>().join(", ");
        println!("| {gold} | {n} | {acc:.3} | {wrong} | {:.2} | {:.2} |", q(0.1), q(0.5));
        total += n;
        right += ok;
    }
    println!(
        "| **all** | {total} | {:.4} | worst: {} {:.3} | | |",
        right as f64 / total.max(1) as f64,
        worst.0,
        worst.1
    );
    println!();
    for (name, docs) in [("documents as they are", &all_docs), ("2 KB pieces", &pieces)] {
        let bytes: usize = docs.iter().map(String::len).sum();
        dev_corpus::print_speed(&format!("speed, {name}"), docs.len(), bytes, || {
            for d in docs {
                std::hint::black_box(m.identify(d, mode, budget, &mut s));
            }
        });
    }
}

/// `text` cut into pieces of about `size` bytes at whitespace.
fn cut(text: &str, size: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while rest.len() > size / 2 {
        let mut end = size.min(rest.len());
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        if end < rest.len() {
            if let Some(p) = rest[..end].rfind(char::is_whitespace) {
                end = p.max(1);
                while !rest.is_char_boundary(end) {
                    end += 1;
                }
            }
        }
        out.push(rest[..end].trim().to_string());
        rest = &rest[end..];
    }
    out
}
