//! Speed of the personal-data detectors, type by type, on the text of an
//! eurocorpus output, with a digest of what each found: a change meant to
//! make detection faster must leave every digest as it was.
//!
//!     cargo run --release --example detect_speed -- OUTPUT_DIR [--only TYPE|audit|none|all]
//!         [--rep N] [--stride K] [--dump DIR]
//!
//! `audit` is the set `eurocorpus audit` uses by default (every type but
//! PERSON and SENSITIVE); `none` is the scan alone. `--stride K` keeps every
//! K-th document (for callgrind); `--dump DIR` writes each set's findings
//! (type, subtype, byte offsets; never text) to `DIR/SET.txt` for `cmp`.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Instant;

use eurocorpus::pii::{detect::DetectScratch, Detector, DetectorConfig, EntityType, Hints};

#[path = "support/shard_texts.rs"]
mod support;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().expect("usage: detect_speed OUTPUT_DIR [options]"));
    let (mut only, mut rep, mut stride, mut dump) = (None, 1, 1, None);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| panic!("{a} needs a value"));
        match a.as_str() {
            "--only" => only = Some(value()),
            "--rep" => rep = value().parse().expect("--rep N"),
            "--stride" => stride = value().parse().expect("--stride K"),
            "--dump" => dump = Some(PathBuf::from(value())),
            other => panic!("unknown option {other}"),
        }
    }
    let docs: Vec<(String, String)> = support::shards(&dir).iter().flat_map(|p| support::shard_texts(p)).collect();
    let docs: Vec<_> = docs.into_iter().step_by(stride.max(1)).collect();
    let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
    println!("{} documents, {:.1} MB of text", docs.len(), bytes as f64 / 1e6);

    let audit: Vec<EntityType> =
        EntityType::ALL.into_iter().filter(|t| !matches!(t, EntityType::Person | EntityType::Sensitive)).collect();
    let mut sets: Vec<(String, Vec<EntityType>)> = vec![("none".into(), vec![]), ("audit".into(), audit)];
    sets.extend(EntityType::ALL.iter().map(|t| (t.name().to_string(), vec![*t])));
    sets.push(("all".into(), EntityType::ALL.to_vec()));
    for (name, set) in sets {
        if only.as_ref().is_some_and(|o| !o.eq_ignore_ascii_case(&name)) {
            continue;
        }
        let detector = Detector::new(DetectorConfig::default(), &set);
        let mut scratch = DetectScratch::default();
        let (mut out, mut found, mut listing) = (Vec::new(), 0, String::new());
        let mut secs = f64::MAX;
        for r in 0..rep.max(1) {
            let t = Instant::now();
            for (text, lang) in &docs {
                out.clear();
                detector.detect(text, Hints { lang, country: "" }, &mut scratch, &mut out);
                if r == 0 {
                    found += out.len();
                    for e in &out {
                        let _ = writeln!(listing, "{} {} {} {}", e.kind.name(), e.subtype, e.start, e.end);
                    }
                }
            }
            secs = secs.min(t.elapsed().as_secs_f64());
        }
        let digest = xxhash_rust::xxh3::xxh3_64(listing.as_bytes());
        println!(
            "{name:14} {secs:7.3} s {:8.1} MB/s  {found:7} found  digest {digest:016x}",
            bytes as f64 / 1e6 / secs
        );
        if let Some(d) = &dump {
            std::fs::write(d.join(format!("{name}.txt")), &listing).expect("a writable dump folder");
        }
    }
}
