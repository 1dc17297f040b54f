//! How the quality rules treat each language at their defaults, on
//! labelled JSONL files (one language per file, named by it: `de.jsonl`),
//! for the README's table. Run through `scripts/quality-report`.
//!
//! `quality_report DIR [--exclude IDS.tsv] [--min-chars N] [--matrix]`
//!
//! Prints, per language, the documents of at least N characters (default
//! 500), the share kept by all rules — overall and for the two kinds of
//! text in the dev corpora, treebank prose (`source` starting with `ud-`)
//! and software documentation (the others: LibreOffice help) — and the
//! rules that removed some (the first failing rule, as the stage records
//! it). With `--matrix`, also the
//! share each rule keeps on its own, per language. Then the speed of
//! measuring + checking on one thread.

use std::collections::{BTreeMap, BTreeSet};

#[path = "support/dev_corpus.rs"]
mod dev_corpus;

use eurocorpus::quality::{measure, QualityConfig, RULES};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mut dir, mut exclude, mut min_chars, mut matrix) = (None, BTreeSet::new(), 500usize, false);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--exclude" => exclude = dev_corpus::exclusions(it.next().expect("--exclude FILE").as_ref()),
            "--min-chars" => min_chars = it.next().and_then(|v| v.parse().ok()).expect("--min-chars N"),
            "--matrix" => matrix = true,
            d => dir = Some(d.to_string()),
        }
    }
    let dir = dir.expect("usage: quality_report DIR [--exclude IDS.tsv] [--min-chars N] [--matrix]");
    let rules = QualityConfig::default().rules();
    let mut docs: Vec<(String, String)> = Vec::new();
    let mut rows = Vec::new();
    let mut per_rule: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let (mut all_n, mut all_kept) = (0usize, 0usize);
    for (lang, f) in dev_corpus::labelled_files(&dir) {
        let (mut n, mut kept) = (0usize, 0usize);
        let mut kinds = [(0usize, 0usize); 2];
        let mut by: BTreeMap<&str, usize> = BTreeMap::new();
        let passing = per_rule.entry(lang.clone()).or_insert_with(|| vec![0; RULES.len()]);
        for v in dev_corpus::records(&f) {
            let (id, t) = (v["id"].as_str().unwrap_or_default(), v["text"].as_str().unwrap_or_default());
            let kind = usize::from(!v["source"].as_str().unwrap_or_default().starts_with("ud-"));
            if exclude.contains(id) || t.chars().count() < min_chars {
                continue;
            }
            docs.push((t.to_string(), lang.clone()));
            let m = measure(t, &lang);
            n += 1;
            kinds[kind].0 += 1;
            match rules.first_failure(&m, &lang) {
                None => {
                    kept += 1;
                    kinds[kind].1 += 1;
                }
                Some(r) => *by.entry(r).or_default() += 1,
            }
            for (i, v) in rules.explain(&m, &lang).iter().enumerate() {
                passing[i] += usize::from(v.passed);
            }
        }
        all_n += n;
        all_kept += kept;
        rows.push((lang, n, kept, by, passing.clone(), kinds));
    }
    println!("| lang | docs ≥ {min_chars} chars | kept | prose: docs, kept | documentation: docs, kept | removed by (first failing rule) |");
    println!("|---|---:|---:|---:|---:|---|");
    let cell =
        |(n, k): (usize, usize)| if n == 0 { "–".to_string() } else { format!("{n}, {:.3}", k as f64 / n as f64) };
    let mut totals = [(0usize, 0usize); 2];
    for (lang, n, kept, by, _, kinds) in &rows {
        let by = by.iter().map(|(r, c)| format!("{r} {c}")).collect::<Vec<_>>().join(", ");
        println!(
            "| {lang} | {n} | {:.3} | {} | {} | {by} |",
            *kept as f64 / (*n).max(1) as f64,
            cell(kinds[0]),
            cell(kinds[1])
        );
        for k in 0..2 {
            totals[k].0 += kinds[k].0;
            totals[k].1 += kinds[k].1;
        }
    }
    println!(
        "| **all** | {all_n} | {:.3} | {} | {} | |",
        all_kept as f64 / all_n.max(1) as f64,
        cell(totals[0]),
        cell(totals[1])
    );
    if matrix {
        println!("\nShare of documents each rule keeps on its own:\n");
        let langs: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
        println!("| rule | {} |", langs.join(" | "));
        println!("|---|{}", "---:|".repeat(langs.len()));
        for (i, r) in RULES.iter().enumerate() {
            let cells: Vec<String> = rows
                .iter()
                .map(|(_, n, _, _, p, _)| {
                    let s = p[i] as f64 / (*n).max(1) as f64;
                    if p[i] == *n {
                        "1".to_string()
                    } else {
                        format!("{s:.2}")
                    }
                })
                .collect();
            println!("| {} | {} |", r.name, cells.join(" | "));
        }
    }
    let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
    println!();
    dev_corpus::print_speed("speed", docs.len(), bytes, || {
        for (text, lang) in &docs {
            std::hint::black_box(rules.first_failure(&measure(text, lang), lang));
        }
    });
}
