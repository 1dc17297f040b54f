//! `eurocorpus prepare`: split, mixing, global shuffle, packing and the
//! Parquet and Megatron files, read back and checked against the dataset.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::Command;

use arrow_array::cast::AsArray;
use arrow_array::types::UInt32Type;
use eurocorpus::training::megatron;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use tempfile::TempDir;

use crate::util::*;

/// A tokenized dataset of `inputs` (normalised, tokenized with an EOS):
/// the output folder.
fn dataset(dir: &Path, inputs: &[&str], extra: &str) -> PathBuf {
    let out = dir.join("ds");
    let paths: Vec<String> = inputs.iter().map(|p| format!("{p:?}")).collect();
    let p = pipeline(
        dir,
        "ds.toml",
        &format!(
            "[input]\npaths = [{}]\nlang_field = \"lang\"\n\
             [[stages]]\ntype = \"normalize\"\n\
             [[stages]]\ntype = \"tokenize\"\ntokenizer = {:?}\neos = \"<|endoftext|>\"\n\
             [output]\npath = {:?}\n{extra}",
            paths.join(", "),
            fixture_tokenizer(),
            out
        ),
    );
    run_expect(eurocorpus().args(["run", "-q"]).arg(&p), 0);
    out
}

/// One row of a training file in documents mode.
#[derive(Debug, Clone, PartialEq)]
struct Doc {
    id: String,
    lang: String,
    copy: u32,
    ids: Vec<u32>,
}

fn parts(split: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(split.join("data"))
        .map(|r| r.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "parquet")).collect())
        .unwrap_or_default();
    v.sort();
    v
}

fn list(c: &arrow_array::ArrayRef, i: usize) -> Vec<u32> {
    c.as_list::<i32>().value(i).as_primitive::<UInt32Type>().values().to_vec()
}

/// Each Parquet file of a split, its rows mapped by `f(batch, row)`.
fn per_file<T>(split: &Path, f: impl Fn(&arrow_array::RecordBatch, usize) -> T) -> Vec<Vec<T>> {
    parts(split)
        .iter()
        .map(|p| {
            let mut out = Vec::new();
            for b in ParquetRecordBatchReaderBuilder::try_new(File::open(p).unwrap()).unwrap().build().unwrap() {
                let b = b.unwrap();
                out.extend((0..b.num_rows()).map(|i| f(&b, i)));
            }
            out
        })
        .collect()
}

/// Every document of a split, file by file, in order.
fn docs(split: &Path) -> Vec<Vec<Doc>> {
    per_file(split, |b, i| {
        let s = |n: &str| b.column_by_name(n).unwrap().as_string::<i32>().value(i).to_string();
        Doc {
            id: s("id"),
            lang: s("lang"),
            copy: b.column_by_name("copy").unwrap().as_primitive::<UInt32Type>().value(i),
            ids: list(b.column_by_name("input_ids").unwrap(), i),
        }
    })
}

/// Packed rows of each file: `(input_ids, document_boundaries, position_ids, num_tokens)`.
type Packed = (Vec<u32>, Vec<u32>, Vec<u32>, u32);

fn packed(split: &Path) -> Vec<Vec<Packed>> {
    per_file(split, |b, i| {
        let c = |n: &str| b.column_by_name(n);
        (
            list(c("input_ids").unwrap(), i),
            list(c("document_boundaries").unwrap(), i),
            c("position_ids").map(|p| list(p, i)).unwrap_or_default(),
            c("num_tokens").unwrap().as_primitive::<UInt32Type>().value(i),
        )
    })
}

/// Every file under `dir` except run state, by relative path.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut m = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('_') {
                continue;
            }
            if e.path().is_dir() {
                stack.push(e.path());
            } else {
                m.insert(e.path().strip_prefix(dir).unwrap().display().to_string(), std::fs::read(e.path()).unwrap());
            }
        }
    }
    m
}

/// Asserts two training folders hold the same files, byte for byte (the
/// JSON files up to the dataset folder they name), naming what differs.
fn assert_same_files(a: &Path, b: &Path) {
    let (x, y) = (files(a), files(b));
    assert_eq!(x.keys().collect::<Vec<_>>(), y.keys().collect::<Vec<_>>(), "{} vs {}", a.display(), b.display());
    for (k, v) in &x {
        if k.ends_with(".json") {
            let strip = |bytes: &[u8]| {
                let mut j: serde_json::Value = serde_json::from_slice(bytes).unwrap();
                j.as_object_mut().unwrap().remove("dataset");
                j
            };
            assert_eq!(strip(v), strip(&y[k]), "{k} differs between {} and {}", a.display(), b.display());
        } else {
            assert!(v == &y[k], "{k} differs between {} and {}", a.display(), b.display());
        }
    }
}

fn json(p: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
}

/// Runs the pipeline file `p` into `out`.
fn run_into(p: &Path, out: &Path) {
    run_expect(eurocorpus().args(["run", "-q"]).arg(p).arg("-o").arg(out), 0);
}

fn prepare(ds: &Path, out: &Path, args: &[&str]) -> std::process::Output {
    run_expect(eurocorpus().args(["prepare", "-q"]).arg(ds).arg("--out").arg(out).args(args), 0)
}

#[test]
fn shuffle_is_a_permutation_identical_for_any_thread_or_task_count() {
    let tmp = TempDir::new().unwrap();
    let ds = dataset(tmp.path(), &["fixtures/corpus"], "");
    let dataset_rows = read_rows(&ds);
    let args = ["--seed", "7", "--validation", "0.1", "--files", "3"];
    let a = tmp.path().join("a");
    prepare(&ds, &a, &[&args[..], &["--threads", "1"]].concat());
    let b = tmp.path().join("b");
    prepare(&ds, &b, &[&args[..], &["--threads", "2"]].concat());
    // Phase by phase, three tasks, in reverse order.
    let c = tmp.path().join("c");
    for phase in ["census", "scatter", "gather", "publish"] {
        for t in (0..3).rev() {
            let ti = t.to_string();
            prepare(&ds, &c, &[&args[..], &["--phase", phase, "--task-index", &ti, "--task-count", "3"]].concat());
        }
    }
    let fa = files(&a);
    assert!(fa.contains_key("train/data/part-00002.parquet") && fa.contains_key("train/megatron/part-00002.idx"));
    assert!(fa.contains_key("validation/manifest.json") && fa.contains_key("training.json"));
    for other in [&b, &c] {
        let fo = files(other);
        assert_eq!(fa.keys().collect::<Vec<_>>(), fo.keys().collect::<Vec<_>>());
        for (k, v) in &fa {
            let same = v == &fo[k];
            assert!(same, "{k} differs between {} and {}", a.display(), other.display());
        }
    }

    // A permutation: every document once, in neither the dataset's order
    // nor sorted by id; the token ids are the dataset's.
    let train: Vec<Doc> = docs(&a.join("train")).concat();
    let val: Vec<Doc> = docs(&a.join("validation")).concat();
    assert_eq!(train.len() + val.len(), dataset_rows.len());
    let by_id: BTreeMap<&str, &Vec<u32>> =
        dataset_rows.iter().map(|r| (r.id.as_str(), r.input_ids.as_ref().unwrap())).collect();
    let mut seen: Vec<&str> = train.iter().chain(&val).map(|d| d.id.as_str()).collect();
    for d in train.iter().chain(&val) {
        assert_eq!(&&d.ids, by_id.get(d.id.as_str()).unwrap(), "{}", d.id);
        assert_eq!(d.copy, 0);
    }
    let order: Vec<&str> = train.iter().map(|d| d.id.as_str()).collect();
    let dataset_order: Vec<&str> = dataset_rows.iter().map(|r| r.id.as_str()).filter(|i| order.contains(i)).collect();
    assert_ne!(order, dataset_order);
    let mut sorted = order.clone();
    sorted.sort();
    assert_ne!(order, sorted);
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), dataset_rows.len(), "a document is missing or repeated");
    // About a tenth in validation.
    assert!((10..=40).contains(&val.len()), "{} validation documents", val.len());

    // The Megatron files hold the same documents in the same order.
    for (k, part) in docs(&a.join("train")).iter().enumerate() {
        let m = megatron::read_all(&a.join(format!("train/megatron/part-{k:05}"))).unwrap();
        assert_eq!(m, part.iter().map(|d| d.ids.clone()).collect::<Vec<_>>());
    }

    // The accounting reconciles, and the manifest lists every file.
    let st = json(&a.join("training.json"));
    assert_eq!(st["documents_in"].as_u64().unwrap() as usize, dataset_rows.len());
    assert_eq!(st["splits"]["train"]["copies_written"].as_u64().unwrap() as usize, train.len());
    assert_eq!(st["splits"]["validation"]["documents"].as_u64().unwrap() as usize, val.len());
    let m = json(&a.join("train/manifest.json"));
    assert_eq!(m["mode"], "documents");
    assert_eq!(m["megatron_dtype"], "uint16");
    assert_eq!(m["totals"]["documents"].as_u64().unwrap() as usize, train.len());
    assert_eq!(m["parquet"].as_array().unwrap().len(), 3);
    assert_eq!(m["megatron"].as_array().unwrap().len(), 6);
    for f in m["parquet"].as_array().unwrap() {
        let p = a.join("train").join(f["path"].as_str().unwrap());
        assert_eq!(std::fs::metadata(&p).unwrap().len(), f["bytes"].as_u64().unwrap());
    }

    // Another seed: another order, the same split (the split hash does not
    // depend on the shuffle seed).
    let d = tmp.path().join("d");
    prepare(&ds, &d, &["--seed", "8", "--validation", "0.1", "--files", "3"]);
    let train8: Vec<String> = docs(&d.join("train")).concat().into_iter().map(|d| d.id).collect();
    assert_ne!(train8, order);
    let (mut x, mut y) = (train8.clone(), order.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    x.sort();
    y.sort();
    assert_eq!(x, y);

    // A rerun does nothing; a lost output file is redone alone, identically.
    let o = prepare(&ds, &a, &[&args[..], &["--threads", "1"]].concat());
    assert!(o.status.success());
    std::fs::remove_file(a.join("train/data/part-00001.parquet")).unwrap();
    std::fs::remove_file(a.join("_eurocorpus/gather/train-00001.done")).unwrap();
    let o = run_expect(eurocorpus().args(["prepare"]).arg(&ds).arg("--out").arg(&a).args(args), 0);
    assert!(stderr(&o).contains("prepare gather: 1 units done, 3 done before"), "{}", stderr(&o));
    assert_eq!(files(&a), fa);

    // The inspect command of the dataset ignores the training files.
    let inside = ds.join("training");
    prepare(&ds, &inside, &[]);
    let o = run_expect(eurocorpus().args(["inspect", "--json"]).arg(&ds), 0);
    let s: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(s["documents"].as_u64().unwrap() as usize, dataset_rows.len());
}

#[test]
fn packing_keeps_every_token_in_document_order() {
    let tmp = TempDir::new().unwrap();
    let ds = dataset(tmp.path(), &["fixtures/corpus"], "");
    let plain = tmp.path().join("plain");
    prepare(&ds, &plain, &["--seed", "3", "--files", "2", "--format", "parquet"]);
    let cfg = pipeline(
        tmp.path(),
        "pack.toml",
        "[training]\nseed = 3\nfiles = 2\nformats = ['parquet']\n\
         [training.pack]\nseq_len = 100\nlast = 'pad'\npad_id = 0\nposition_ids = true\n",
    );
    let pad = tmp.path().join("pad");
    prepare(&ds, &pad, &["--config", cfg.to_str().unwrap()]);
    let drop = tmp.path().join("drop");
    prepare(&ds, &drop, &["--seed", "3", "--files", "2", "--format", "parquet", "--pack", "100"]);

    let documents = docs(&plain.join("train"));
    let (rows_pad, rows_drop) = (packed(&pad.join("train")), packed(&drop.join("train")));
    let (mut padding, mut dropped) = (0u64, 0u64);
    for (k, part) in documents.iter().enumerate() {
        let stream: Vec<u32> = part.iter().flat_map(|d| d.ids.clone()).collect();
        // Padded: every token, in order, then padding to a full row.
        let mut got = Vec::new();
        for (ids, bounds, pos, n) in &rows_pad[k] {
            assert_eq!(ids.len(), 100);
            assert_eq!((bounds[0], *bounds.last().unwrap()), (0, *n));
            got.extend_from_slice(&ids[..*n as usize]);
            padding += 100 - u64::from(*n);
            assert!(ids[*n as usize..].iter().all(|&t| t == 0));
            // Positions restart at each document piece.
            for w in bounds.windows(2) {
                let want: Vec<u32> = (0..w[1] - w[0]).collect();
                assert_eq!(&pos[w[0] as usize..w[1] as usize], &want[..]);
            }
        }
        assert_eq!(got, stream, "file {k}");
        // The boundaries cut the stream back into the documents: a piece
        // other than a row's first always starts a document.
        let (mut cur, mut filled) = (0usize, 0u32);
        for (_, bounds, _, _) in &rows_pad[k] {
            for (j, w) in bounds.windows(2).enumerate() {
                assert!(j == 0 || filled == 0, "a piece inside a row continues a document");
                filled += w[1] - w[0];
                let len = part[cur].ids.len() as u32;
                assert!(filled <= len, "a piece crosses the end of document {cur}");
                if filled == len {
                    (cur, filled) = (cur + 1, 0);
                }
            }
        }
        assert_eq!(cur, part.len());
        // Dropped: the same rows without the last partial one.
        let full = stream.len() / 100;
        assert_eq!(rows_drop[k].len(), full);
        let got: Vec<u32> = rows_drop[k].iter().flat_map(|r| r.0.clone()).collect();
        assert_eq!(got, stream[..full * 100]);
        dropped += (stream.len() - full * 100) as u64;
    }
    let st = json(&pad.join("training.json"));
    assert_eq!(st["splits"]["train"]["padding_tokens"].as_u64().unwrap(), padding);
    let st = json(&drop.join("training.json"));
    assert_eq!(st["splits"]["train"]["dropped_tokens"].as_u64().unwrap(), dropped);
    assert_eq!(json(&pad.join("train/manifest.json"))["seq_len"], 100);
}

/// The dev corpora of `../shared` (CI has them): about 230 documents in
/// each of 29 languages.
fn dev_corpora() -> Option<PathBuf> {
    let p = repo().join("../shared/corpora/dev");
    if p.is_dir() {
        return Some(p);
    }
    assert!(std::env::var_os("CI").is_none(), "CI must have ../shared/corpora/dev");
    eprintln!("SKIPPED: {} is absent (it is in ../shared/ on CI and developer machines)", p.display());
    None
}

#[test]
fn mixing_meets_the_target_shares() {
    let Some(dev) = dev_corpora() else { return };
    let tmp = TempDir::new().unwrap();
    let ds = dataset(tmp.path(), &[dev.to_str().unwrap()], "");
    let cfg = pipeline(
        tmp.path(),
        "mix.toml",
        "[training]\nseed = 1\nfiles = 4\nformats = ['parquet']\n[training.split]\nvalidation = 0.05\n\
         [training.mix]\nshares = { de = 0.25, mt = 0.15, fr = 0.1, ga = 0.05 }\n",
    );
    let out = tmp.path().join("mix");
    prepare(&ds, &out, &["--config", cfg.to_str().unwrap()]);
    let train = docs(&out.join("train")).concat();
    let st = json(&out.join("training.json"));
    let langs = &st["splits"]["train"]["languages"];
    let mut tokens: BTreeMap<String, u64> = BTreeMap::new();
    let mut copies: BTreeMap<String, u64> = BTreeMap::new();
    for d in &train {
        *tokens.entry(d.lang.clone()).or_default() += d.ids.len() as u64;
        *copies.entry(d.lang.clone()).or_default() += 1;
    }
    let total: u64 = tokens.values().sum();
    let share = |l: &str| tokens[l] as f64 / total as f64;
    let manifest_langs = &json(&out.join("train/manifest.json"))["languages"];
    for (l, want) in [("de", 0.25), ("mt", 0.15), ("fr", 0.1), ("ga", 0.05)] {
        assert!((share(l) - want).abs() < 0.005, "{l}: {} vs {want}", share(l));
        assert_eq!(langs[l]["copies"].as_u64().unwrap(), copies[l]);
        assert_eq!(manifest_langs[l], langs[l], "the manifest reports the mix as training.json does");
    }
    // The rest keep their relative sizes (within the same tolerance).
    let rest: Vec<&String> = tokens.keys().filter(|l| !["de", "mt", "fr", "ga"].contains(&l.as_str())).collect();
    let rest_in: u64 = rest.iter().map(|l| langs[l.as_str()]["weight_in"].as_u64().unwrap()).sum();
    for l in rest {
        let want = 0.45 * langs[l.as_str()]["weight_in"].as_u64().unwrap() as f64 / rest_in as f64;
        assert!((share(l) - want).abs() < 0.005, "{l}: {} vs {want}", share(l));
    }
    // Up-sampled copies are counted; every document is accounted for.
    let sp = &st["splits"]["train"];
    let (docs_in, written, repeats, dropped) = (
        sp["documents"].as_u64().unwrap(),
        sp["copies_written"].as_u64().unwrap(),
        sp["repeats"].as_u64().unwrap(),
        sp["dropped_by_mix"].as_u64().unwrap(),
    );
    assert_eq!(written as usize, train.len());
    assert_eq!(written + dropped, docs_in + repeats);
    assert!(repeats > 0 && dropped > 0, "{sp}");
    assert!(train.iter().any(|d| d.lang == "mt" && d.copy > 0));

    // Temperature sampling: shares ∝ size^0.3.
    let cfg = pipeline(tmp.path(), "t.toml", "[training]\nformats = ['parquet']\n[training.mix]\ntemperature = 0.3\n");
    let out = tmp.path().join("temp");
    prepare(&ds, &out, &["--config", cfg.to_str().unwrap()]);
    let st = json(&out.join("training.json"));
    let langs = st["splits"]["train"]["languages"].as_object().unwrap();
    let z: f64 = langs.values().map(|v| (v["weight_in"].as_u64().unwrap() as f64).powf(0.3)).sum();
    for (l, v) in langs {
        let want = (v["weight_in"].as_u64().unwrap() as f64).powf(0.3) / z;
        let got = v["share"].as_f64().unwrap();
        assert!((got - want).abs() < 0.005, "{l}: {got} vs {want}");
    }
}

#[test]
fn the_split_is_stable_when_the_corpus_grows() {
    let tmp = TempDir::new().unwrap();
    let small = dataset(&tmp.path().join("s"), &["fixtures/corpus/jsonl"], "");
    let big = dataset(&tmp.path().join("b"), &["fixtures/corpus/jsonl", "fixtures/corpus/parquet"], "");
    let (a, b) = (tmp.path().join("a"), tmp.path().join("bb"));
    prepare(&small, &a, &["--validation", "0.2"]);
    prepare(&big, &b, &["--validation", "0.2", "--seed", "9"]);
    let ids = |p: &Path| -> Vec<String> {
        let mut v: Vec<String> = docs(p).concat().into_iter().map(|d| d.id).collect();
        v.sort();
        v
    };
    let (va, vb) = (ids(&a.join("validation")), ids(&b.join("validation")));
    let (ta, tb) = (ids(&a.join("train")), ids(&b.join("train")));
    assert!(!va.is_empty() && vb.len() > va.len());
    assert!(va.iter().all(|i| vb.contains(i)), "a validation document moved to train");
    assert!(ta.iter().all(|i| tb.contains(i)), "a train document moved to validation");
}

#[test]
fn an_unfinished_phase_names_the_task_to_rerun() {
    let tmp = TempDir::new().unwrap();
    let ds = dataset(tmp.path(), &["fixtures/corpus"], "");
    let out = tmp.path().join("t");
    let phase = |p: &str, i: usize, code: i32| {
        run_expect(
            eurocorpus().args(["prepare", "-q"]).arg(&ds).arg("--out").arg(&out).args([
                "--phase",
                p,
                "--task-index",
                &i.to_string(),
                "--task-count",
                "2",
            ]),
            code,
        )
    };
    phase("census", 0, 0);
    let o = phase("scatter", 0, 1);
    let e = stderr(&o);
    assert!(
        e.contains("phase `scatter` cannot start")
            && e.contains("has no completion marker; rerun `--phase census --task-index 1 --task-count 2`"),
        "{e}"
    );
    phase("census", 1, 0);
    phase("scatter", 1, 0);
    let e = stderr(&phase("gather", 0, 1));
    assert!(e.contains("rerun `--phase scatter --task-index 0 --task-count 2`"), "{e}");
    // A bad section is reported whole, with exit 2, before any work.
    let cfg = pipeline(tmp.path(), "bad.toml", "[training]\nformats = []\n[training.pack]\nseq_len = 0\n");
    let o = run_expect(eurocorpus().args(["prepare"]).arg(&ds).args(["--config", cfg.to_str().unwrap()]), 2);
    let e = stderr(&o);
    assert!(e.contains("training.formats is empty") && e.contains("seq_len must be > 0"), "{e}");
}

#[test]
fn a_pipeline_with_a_training_section_prepares_after_the_run_and_merges() {
    let tmp = TempDir::new().unwrap();
    let extra = "[training]\nseed = 2\nfiles = 2\n[training.split]\nvalidation = 0.1\n";
    let ds = dataset(tmp.path(), &["fixtures/corpus/jsonl"], extra);
    let m = json(&ds.join("training/train/manifest.json"));
    assert_eq!(m["parquet"].as_array().unwrap().len(), 2);
    // A new [training] section does not rerun the pipeline.
    let p = tmp.path().join("ds.toml");
    let text = std::fs::read_to_string(&p).unwrap().replace("files = 2", "files = 3");
    std::fs::write(&p, text).unwrap();
    let o = run_expect(eurocorpus().args(["run"]).arg(&p), 0);
    assert!(stderr(&o).contains("train:"), "{}", stderr(&o));
    assert_eq!(json(&ds.join("training/train/manifest.json"))["parquet"].as_array().unwrap().len(), 3);
    assert!(!ds.join("training/train/data/part-00003.parquet").exists());
    let st = stats(&ds);
    assert_eq!(st["resumed_inputs"].as_u64(), Some(4), "{}", st["resumed_inputs"]);

    // The parts merge into one pair holding every document in order.
    let train = ds.join("training/train");
    let merged = tmp.path().join("merged");
    let parts: Vec<PathBuf> = (0..3).map(|k| train.join(format!("megatron/part-{k:05}"))).collect();
    let o = run_expect(eurocorpus().args(["megatron-merge", "--output"]).arg(&merged).args(&parts), 0);
    let all: Vec<Vec<u32>> = docs(&train).concat().into_iter().map(|d| d.ids).collect();
    assert!(String::from_utf8_lossy(&o.stdout).contains(&format!("{} documents", all.len())));
    assert_eq!(megatron::read_all(&merged).unwrap(), all);
}

/// pyarrow, HF `datasets` and an independent reader of the Megatron format
/// (`scripts/megatron_read.py`, numpy only) read the files.
#[test]
fn python_readers_load_the_training_files() {
    let ok = Command::new("python3")
        .args(["-c", "import pyarrow, datasets, numpy"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("EUROCORPUS_REQUIRE_PYARROW").is_none(),
            "EUROCORPUS_REQUIRE_PYARROW is set but python3 cannot import pyarrow, datasets and numpy"
        );
        eprintln!("SKIPPED: python3 with pyarrow, datasets and numpy is not installed");
        return;
    }
    let tmp = TempDir::new().unwrap();
    let ds = dataset(tmp.path(), &["fixtures/corpus"], "");
    for (name, extra) in [("docs", vec![]), ("packed", vec!["--pack", "128"])] {
        let out = tmp.path().join(name);
        prepare(&ds, &out, &[&["--files", "2"][..], &extra].concat());
        let o = Command::new("python3")
            .arg(repo().join("scripts/megatron_read.py"))
            .arg(out.join("train"))
            .output()
            .unwrap();
        assert!(o.status.success(), "{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
        let s: serde_json::Value = serde_json::from_slice(o.stdout.trim_ascii()).unwrap();
        let m = json(&out.join("train/manifest.json"));
        assert_eq!(s["parts"], 2);
        assert_eq!(s["dtype"], "uint16");
        assert_eq!(
            s["documents"].as_u64(),
            json(&out.join("training.json"))["splits"]["train"]["copies_written"].as_u64()
        );
        let script = "import datasets, pyarrow.parquet as pq, sys\n\
             d = datasets.load_dataset('parquet', data_dir=sys.argv[1], split='train')\n\
             t = pq.read_table(sys.argv[1])\n\
             assert d.num_rows == t.num_rows, (d.num_rows, t.num_rows)\n\
             print(d.num_rows, d.features['input_ids'].feature.dtype)\n";
        let o = Command::new("python3").args(["-c", script]).arg(out.join("train/data")).output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let printed = String::from_utf8_lossy(&o.stdout).trim().to_string();
        let want = if name == "docs" {
            m["totals"]["documents"].as_u64().unwrap()
        } else {
            json(&out.join("training.json"))["splits"]["train"]["rows"].as_u64().unwrap()
        };
        assert_eq!(printed, format!("{want} uint32"));
    }
}

/// The quick-start pipeline with a `[training]` section, writing to `out`.
fn quickstart_with_training(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(repo().join("pipelines/quickstart.toml")).unwrap()
        + "\n[training]\nseed = 4\nfiles = 2\n[training.split]\nvalidation = 0.1\n[training.pack]\nseq_len = 256\n";
    pipeline(dir, "qt.toml", &text)
}

const TRAINING_PHASES: [&str; 4] = ["census", "scatter", "gather", "publish"];

#[test]
fn the_training_phases_run_as_tasks_of_the_plan() {
    let tmp = TempDir::new().unwrap();
    let p = quickstart_with_training(tmp.path());
    let local = tmp.path().join("local");
    run_into(&p, &local);
    // The plan lists them, with their units.
    let o = run_expect(eurocorpus().args(["plan", "--json", "--tasks", "3"]).arg(&p), 0);
    let plan: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let names: Vec<&str> = plan["phases"].as_array().unwrap().iter().map(|x| x["phase"].as_str().unwrap()).collect();
    assert_eq!(names[names.len() - 4..], TRAINING_PHASES);
    assert_eq!(plan["phases"].as_array().unwrap().last().unwrap()["units"], 1);

    // Every phase of the plan, three tasks each, in reverse order.
    let out = tmp.path().join("tasks");
    for phase in names {
        for t in (0..3).rev() {
            let o = eurocorpus()
                .args(["run", "-q", "--phase", phase, "--task-count", "3", "--task-index", &t.to_string()])
                .arg(&p)
                .arg("-o")
                .arg(&out)
                .output()
                .unwrap();
            assert!(o.status.success(), "{phase} {t}: {}", stderr(&o));
        }
    }
    assert_same_files(&local.join("training"), &out.join("training"));
    assert!(out.join("training/train/data/part-00001.parquet").exists());
}

#[test]
fn slurm_runs_the_training_phases_after_the_pipeline() {
    if !crate::cluster::slurm_reachable() {
        return;
    }
    let tmp = TempDir::new().unwrap();
    let p = quickstart_with_training(tmp.path());
    let local = tmp.path().join("local");
    run_into(&p, &local);
    let out = tmp.path().join("slurm");
    let o = run_expect(
        eurocorpus()
            .args(["slurm", "submit", "--tasks", "3", "--wait"])
            .arg(&p)
            .arg("-o")
            .arg(&out)
            .env_remove("EUROCORPUS_FAIL_TASK"),
        0,
    );
    let listed = String::from_utf8_lossy(&o.stdout).into_owned();
    for phase in TRAINING_PHASES {
        assert!(
            listed.lines().any(|l| l.starts_with(phase) && l.contains(" job ")),
            "{phase} not submitted:\n{listed}"
        );
    }
    assert_same_files(&local.join("training"), &out.join("training"));
    let o = run_expect(eurocorpus().args(["slurm", "submit", "--tasks", "3"]).arg(&p).arg("-o").arg(&out), 0);
    assert!(String::from_utf8_lossy(&o.stdout).contains("nothing to submit"), "{}", String::from_utf8_lossy(&o.stdout));
}

/// The README's Megatron configuration works as documented: Megatron pairs
/// only, shares ∝ size^0.3.
#[test]
fn the_megatron_pipeline_file_writes_only_megatron_pairs() {
    let tmp = TempDir::new().unwrap();
    let ds = dataset(tmp.path(), &["fixtures/corpus"], "");
    let out = tmp.path().join("m");
    prepare(&ds, &out, &["--config", "pipelines/training-megatron.toml"]);
    let m = json(&out.join("train/manifest.json"));
    assert_eq!(m["parquet"].as_array().unwrap().len(), 0);
    assert_eq!(m["megatron"].as_array().unwrap().len(), 2);
    assert!(!out.join("train/data").exists());
    let docs = megatron::read_all(&out.join("train/megatron/part-00000")).unwrap();
    let st = json(&out.join("training.json"));
    assert_eq!(docs.len() as u64, st["splits"]["train"]["copies_written"].as_u64().unwrap());
    let langs = st["splits"]["train"]["languages"].as_object().unwrap();
    let z: f64 = langs.values().map(|v| (v["weight_in"].as_u64().unwrap() as f64).powf(0.3)).sum();
    let de = &langs["de"];
    let want = (de["weight_in"].as_u64().unwrap() as f64).powf(0.3) / z;
    // A small fixture: within a document or two of the target.
    assert!((de["share"].as_f64().unwrap() - want).abs() < 0.03, "{de} vs {want}");
}

/// A dataset tokenized without `eos` needs `eos_id` to pack or write
/// Megatron files; with `cluster_weight`, a train document appears once per
/// member of its duplicate cluster.
#[test]
fn eos_id_and_cluster_weight() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("ds");
    let p = pipeline(
        tmp.path(),
        "ds.toml",
        &format!(
            "[input]\npaths = [\"fixtures/corpus\"]\nlang_field = \"lang\"\n\
             [[stages]]\ntype = \"normalize\"\n\
             [[stages]]\ntype = \"minhash_dedup\"\nkeep_cluster_size = true\nthreshold = 0.45\nngram = 5\nbands = 40\nrows = 3\n\
             [[stages]]\ntype = \"tokenize\"\ntokenizer = {:?}\n\
             [output]\npath = {out:?}\n",
            fixture_tokenizer()
        ),
    );
    run_expect(eurocorpus().args(["run", "-q"]).arg(&p), 0);
    let o = run_expect(eurocorpus().args(["prepare", "-q"]).arg(&out), 2);
    assert!(stderr(&o).contains("set training.eos_id"), "{}", stderr(&o));

    let cfg = pipeline(tmp.path(), "w.toml", "[training]\ncluster_weight = true\neos_id = 0\nformats = ['parquet']\n");
    let w = tmp.path().join("w");
    prepare(&out, &w, &["--config", cfg.to_str().unwrap()]);
    let rows = read_rows(&out);
    let sizes: BTreeMap<String, u64> = {
        let mut m = BTreeMap::new();
        for f in shard_files(&out) {
            for b in ParquetRecordBatchReaderBuilder::try_new(File::open(&f).unwrap()).unwrap().build().unwrap() {
                let b = b.unwrap();
                let id = b.column_by_name("id").unwrap().as_string::<i32>().clone();
                let cs = b
                    .column_by_name("dup_cluster_size")
                    .unwrap()
                    .as_primitive::<arrow_array::types::UInt64Type>()
                    .clone();
                for i in 0..b.num_rows() {
                    m.insert(id.value(i).to_string(), cs.value(i));
                }
            }
        }
        m
    };
    assert!(sizes.values().any(|&s| s > 1), "the fixture has no duplicate cluster");
    let train = docs(&w.join("train")).concat();
    let mut copies: BTreeMap<&str, u64> = BTreeMap::new();
    for d in &train {
        *copies.entry(d.id.as_str()).or_default() += 1;
        // The EOS id closes every document.
        let r = rows.iter().find(|r| r.id == d.id).unwrap();
        assert_eq!(d.ids, [r.input_ids.clone().unwrap(), vec![0]].concat());
    }
    for (id, n) in &copies {
        assert_eq!(*n, sizes[*id], "{id}");
    }
    assert_eq!(copies.len(), rows.len());
    let st = json(&w.join("training.json"));
    assert_eq!(st["splits"]["train"]["repeats"].as_u64().unwrap(), sizes.values().map(|s| s - 1).sum::<u64>());
}

/// After an erasure the training files are stale: `erase` warns, `audit`
/// fails until `prepare` remakes them without the erased document.
#[test]
fn an_erasure_makes_the_training_files_stale_until_prepared_again() {
    let tmp = TempDir::new().unwrap();
    let ds = dataset(tmp.path(), &["fixtures/corpus/jsonl"], "");
    run_expect(eurocorpus().args(["prepare", "-q"]).arg(&ds), 0);
    let o = run_expect(eurocorpus().args(["audit", "--max-pii", "100", "--format", "json"]).arg(&ds), 0);
    let a: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let check = |a: &serde_json::Value| {
        a["checks"].as_array().unwrap().iter().find(|c| c["name"] == "training_files").unwrap()["passed"].clone()
    };
    assert_eq!(check(&a), true);

    let victim = docs(&ds.join("training/train")).concat()[0].id.clone();
    let ids = tmp.path().join("ids.txt");
    write(&ids, format!("doc_id:{victim}\n"));
    let o = run_expect(eurocorpus().args(["erase"]).arg(&ds).arg("--identifiers").arg(&ids), 0);
    assert!(
        stderr(&o).contains("was prepared before this erasure") && stderr(&o).contains("rerun `eurocorpus prepare")
    );
    let o = run_expect(eurocorpus().args(["audit", "--max-pii", "100", "--format", "json"]).arg(&ds), 1);
    let a: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(check(&a), false);

    run_expect(eurocorpus().args(["prepare", "-q"]).arg(&ds), 0);
    run_expect(eurocorpus().args(["audit", "--max-pii", "100"]).arg(&ds), 0);
    let left = docs(&ds.join("training/train")).concat();
    assert!(left.iter().all(|d| d.id != victim));
    assert_eq!(left.len() + docs(&ds.join("training/validation")).concat().len(), read_rows(&ds).len());
}

/// A dataset partitioned by language (no `lang` column in its files):
/// languages come from the folder names.
#[test]
fn a_language_partitioned_dataset_keeps_its_languages() {
    let tmp = TempDir::new().unwrap();
    let p = partitioned_quickstart(tmp.path());
    let ds = tmp.path().join("ds");
    run_into(&p, &ds);
    let out = tmp.path().join("t");
    prepare(&ds, &out, &["--files", "2"]);
    let train = docs(&out.join("train")).concat();
    let by_lang: BTreeMap<String, usize> = train.iter().fold(BTreeMap::new(), |mut m, d| {
        *m.entry(d.lang.clone()).or_default() += 1;
        m
    });
    let mut want: BTreeMap<String, usize> = BTreeMap::new();
    for r in read_rows(&ds) {
        let folder = r.shard.split('/').find_map(|seg| seg.strip_prefix("lang=")).unwrap().to_string();
        *want.entry(folder).or_default() += 1;
    }
    assert_eq!(by_lang, want);
    assert!(by_lang.len() > 5 && !by_lang.contains_key(""), "{by_lang:?}");
}
