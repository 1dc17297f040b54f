//! Stopping and sharing an output folder safely: a signal stops a run
//! cleanly and the same command resumes it to the uninterrupted output; a
//! second whole run into a folder in use is refused.

use tempfile::TempDir;

use crate::util::*;

#[test]
fn sigterm_stops_cleanly_and_the_same_command_resumes() {
    let dir = TempDir::new().unwrap();
    let whole = dir.path().join("whole");
    run_expect(eurocorpus().args(["run", "pipelines/quickstart.toml", "-q", "-o"]).arg(&whole), 0);
    // After 3 batches (inside the dedup passes), then after 30 (inputs half written).
    for after in ["3", "30"] {
        let out = dir.path().join(format!("stopped-{after}"));
        let run = || {
            let mut c = eurocorpus();
            c.args(["run", "pipelines/quickstart.toml", "-q", "-j", "1", "-o"]).arg(&out);
            c
        };
        let o = run_expect(run().env(eurocorpus::exec::SIGNAL_ENV, after), 143);
        let e = stderr(&o);
        assert!(e.contains("stopped by SIGTERM") && e.contains("run the same command again to resume"), "{e}");
        assert!(!out.join("manifest.json").exists());
        // Only finished inputs' shards are visible (others are hidden temporaries).
        let records = std::fs::read_dir(out.join("_eurocorpus/inputs")).map_or(0, |d| d.count());
        let visible: Vec<String> = shard_files(&out)
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.'))
            .collect();
        for name in &visible {
            let input: usize = name[5..10].parse().unwrap();
            assert!(
                out.join(format!("_eurocorpus/inputs/{input:05}.json")).exists(),
                "{name} is visible but its input is unfinished"
            );
        }
        assert!(after == "3" || records > 0, "30 batches finish some inputs");
        assert!(!out.join("_eurocorpus/run.lock").exists(), "the lock is released");
        run_expect(&mut run(), 0);
        assert_same_output(&whole, &out);
        assert_reconciled(&stats(&out));
    }
}

#[test]
fn a_second_run_into_a_folder_in_use_is_refused() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("out");
    let lock = out.join("_eurocorpus/run.lock");
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap().trim().to_string();
    // A live process on this host holds it: refused, naming it.
    write(&lock, format!("{} {host}\n", std::process::id()));
    let o = run_expect(eurocorpus().args(["run", "pipelines/quickstart.toml", "-q", "-o"]).arg(&out), 1);
    let e = stderr(&o);
    assert!(e.contains(&format!("another eurocorpus run (process {} on {host})", std::process::id())), "{e}");
    assert!(!out.join("manifest.json").exists());
    // A lock left by a killed run is taken over, and released at the end.
    write(&lock, format!("4194999 {host}\n"));
    run_expect(eurocorpus().args(["run", "pipelines/quickstart.toml", "-q", "-o"]).arg(&out), 0);
    assert!(out.join("manifest.json").exists() && !lock.exists());
}

/// Every visible shard is a complete Parquet file.
fn assert_no_half_shard(out: &std::path::Path) {
    for f in shard_files(out) {
        let file = std::fs::File::open(&f).unwrap();
        parquet::file::reader::SerializedFileReader::new(file)
            .unwrap_or_else(|e| panic!("{} is not a complete shard: {e}", f.display()));
    }
}

/// A reproducible sequence of moments in [0, 1).
struct Moments(u64);

impl Iterator for Moments {
    type Item = f64;
    fn next(&mut self) -> Option<f64> {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        Some((self.0 >> 11) as f64 / (1u64 << 53) as f64)
    }
}

#[test]
fn twenty_sigkills_at_random_moments_then_the_output_of_an_uninterrupted_run() {
    use std::time::{Duration, Instant};
    let dir = TempDir::new().unwrap();
    let whole = dir.path().join("whole");
    let started = Instant::now();
    run_expect(eurocorpus().args(["run", "pipelines/quickstart.toml", "-q", "-o"]).arg(&whole), 0);
    let clean = started.elapsed();
    let out = dir.path().join("killed");
    let (mut kills, mut finished) = (Vec::new(), 0);
    let mut moments = Moments(0x9e37_79b9_7f4a_7c15);
    while kills.len() < 20 {
        // A resumed run has less to do and often finishes before its
        // moment (and the machine's load varies): it then starts afresh.
        assert!(finished < 100, "the runs keep finishing before their kill ({kills:?})");
        // Any moment of a whole run: the listing, every phase, publishing.
        let at = clean.mul_f64(0.9 * moments.next().unwrap());
        let mut child = eurocorpus()
            .args(["run", "pipelines/quickstart.toml", "-q", "-o"])
            .arg(&out)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let t = Instant::now();
        while t.elapsed() < at && child.try_wait().unwrap().is_none() {
            std::thread::sleep(Duration::from_millis(1));
        }
        if let Some(status) = child.try_wait().unwrap() {
            // It finished first: it must be whole; start again from nothing.
            assert!(status.success());
            assert_same_output(&whole, &out);
            std::fs::remove_dir_all(&out).unwrap();
            finished += 1;
            continue;
        }
        child.kill().unwrap();
        child.wait().unwrap();
        kills.push(at.as_millis());
        if out.exists() {
            assert!(!out.join("manifest.json").exists() || out.join("stats.json").exists());
            assert_no_half_shard(&out);
        }
    }
    run_expect(eurocorpus().args(["run", "pipelines/quickstart.toml", "-q", "-o"]).arg(&out), 0);
    assert_same_output(&whole, &out);
    assert_reconciled(&stats(&out));
    eprintln!("killed at {kills:?} ms of a {} ms run; {finished} runs finished first", clean.as_millis());
}

/// A small tmpfs, unmounted when dropped.
struct SmallDisk(std::path::PathBuf);

impl SmallDisk {
    /// None when this process may not mount (not root).
    fn mount(at: &std::path::Path, bytes: u64) -> Option<SmallDisk> {
        std::fs::create_dir_all(at).unwrap();
        let o = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={bytes}"), "eurocorpus-test"])
            .arg(at)
            .output()
            .ok()?;
        o.status.success().then(|| SmallDisk(at.to_path_buf()))
    }

    fn resize(&self, bytes: u64) {
        let o = std::process::Command::new("mount")
            .args(["-o", &format!("remount,size={bytes}")])
            .arg(&self.0)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

fn folder_bytes(dir: &std::path::Path) -> u64 {
    let mut total = 0;
    for e in walkdir_files(dir) {
        total += std::fs::metadata(e).unwrap().len();
    }
    total
}

fn walkdir_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            if e.file_type().unwrap().is_dir() {
                stack.push(e.path());
            } else {
                out.push(e.path());
            }
        }
    }
    out
}

#[test]
fn a_full_disk_stops_the_run_cleanly_and_a_rerun_after_freeing_space_completes() {
    let dir = TempDir::new().unwrap();
    let whole = dir.path().join("whole");
    run_expect(eurocorpus().args(["run", "pipelines/quickstart.toml", "-q", "-o"]).arg(&whole), 0);
    let needed = folder_bytes(&whole);
    let Some(disk) = SmallDisk::mount(&dir.path().join("disk"), needed / 2) else {
        let root = std::process::Command::new("id").arg("-u").output().unwrap();
        assert_ne!(String::from_utf8_lossy(&root.stdout).trim(), "0", "root could not mount a tmpfs");
        eprintln!("skipped: mounting a small tmpfs needs root (CI runs this test as root)");
        return;
    };
    let out = disk.0.join("out");
    let o = run_expect(eurocorpus().args(["run", "pipelines/quickstart.toml", "-q", "-o"]).arg(&out), 1);
    let e = stderr(&o);
    assert!(e.contains("No space left on device"), "{e}");
    assert!(e.contains(&out.display().to_string()), "the error names the file: {e}");
    assert!(e.contains("free space") && e.contains("run the same command again"), "{e}");
    assert!(!out.join("manifest.json").exists());
    assert_no_half_shard(&out);
    disk.resize(needed * 4);
    run_expect(eurocorpus().args(["run", "pipelines/quickstart.toml", "-q", "-o"]).arg(&out), 0);
    assert_same_output(&whole, &out);
    assert_reconciled(&stats(&out));
}

#[test]
fn ten_thousand_inputs_run_with_a_small_open_file_limit() {
    let dir = TempDir::new().unwrap();
    for i in 0..10_000 {
        let d = dir.path().join(format!("in/{:03}", i / 100));
        if i % 100 == 0 {
            std::fs::create_dir_all(&d).unwrap();
        }
        std::fs::write(d.join(format!("{i:05}.jsonl")), format!("{{\"text\":\"Dokument Nummer {i}.\"}}\n")).unwrap();
    }
    let p = pipeline(
        dir.path(),
        "p.toml",
        "[input]\npaths = ['in']\n[[stages]]\ntype = 'normalize'\n[output]\npath = 'out'\n[run]\nthreads = 2\n",
    );
    // 64 descriptors for 10,000 inputs: only what is being read is open.
    let mut c = std::process::Command::new("sh");
    c.current_dir(dir.path())
        .args(["-c", "ulimit -n 64 && exec \"$0\" \"$@\"", env!("CARGO_BIN_EXE_eurocorpus"), "run", "-q"])
        .arg(&p);
    let o = run_expect(&mut c, 0);
    drop(o);
    let s = stats(&dir.path().join("out"));
    assert_reconciled(&s);
    assert_eq!(s["documents"]["written"], 10_000);
    assert_eq!(s["input"]["files"], 10_000);
}

#[test]
fn no_output_path_escapes_the_output_folder_and_inputs_are_never_overwritten() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    // Language values that are paths: they become folder names, escaped.
    let lines: String = ["../../etc", "/etc", "..", "de"]
        .iter()
        .enumerate()
        .map(|(i, l)| format!("{{\"id\":\"d{i}\",\"text\":\"Dokument {i} mit Text.\",\"lang\":\"{l}\"}}\n"))
        .collect();
    write(&d.join("in/a.jsonl"), &lines);
    let p = pipeline(
        d,
        "p.toml",
        &format!(
            "[input]\npaths = ['in']\nlang_field = 'lang'\n[[stages]]\ntype = 'normalize'\n[[stages]]\ntype = 'tokenize'\ntokenizer = '{}'\neos = '<|endoftext|>'\n[output]\npath = 'work/out'\npartition_by = 'lang'\n",
            fixture_tokenizer().display()
        ),
    );
    run_expect(eurocorpus().current_dir(d).args(["run", "-q"]).arg(&p), 0);
    let mut parts: Vec<String> = std::fs::read_dir(d.join("work/out/data"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    parts.sort();
    assert_eq!(parts, ["lang=%2Fetc", "lang=..", "lang=..%2F..%2Fetc", "lang=de"]);
    let rows = read_rows(&d.join("work/out"));
    assert_eq!(rows.len(), 4);
    // Nothing was written beside the output folder.
    let mut top: Vec<String> = std::fs::read_dir(d.join("work"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    top.sort();
    assert_eq!(top, ["out"]);

    // An output folder that holds the input is refused, even with --force.
    for force in [false, true] {
        let mut c = eurocorpus();
        c.current_dir(d).args(["run", "-q", "--input", "in", "--output", "."]);
        if force {
            c.arg("--force");
        }
        let o = run_expect(&mut c, 1);
        assert!(stderr(&o).contains("contains the input in/a.jsonl; write the output elsewhere"), "{}", stderr(&o));
    }
    assert_eq!(std::fs::read_to_string(d.join("in/a.jsonl")).unwrap(), lines);

    // prepare: never into the dataset, not into a foreign folder unless --force.
    let o = run_expect(eurocorpus().current_dir(d).args(["prepare", "work/out", "-q", "--out", "work/out"]), 1);
    assert!(stderr(&o).contains("is the dataset or holds its shards"), "{}", stderr(&o));
    let o = run_expect(eurocorpus().current_dir(d).args(["prepare", "work/out", "-q", "--out", "work/out/data/x"]), 1);
    assert!(stderr(&o).contains("is the dataset or holds its shards"), "{}", stderr(&o));
    write(&d.join("mine/notes.txt"), "precious");
    let o = run_expect(eurocorpus().current_dir(d).args(["prepare", "work/out", "-q", "--out", "mine"]), 1);
    assert!(stderr(&o).contains("is not empty and holds no training files"), "{}", stderr(&o));
    run_expect(eurocorpus().current_dir(d).args(["prepare", "work/out", "-q", "--force", "--out", "mine"]), 0);
    assert_eq!(std::fs::read_to_string(d.join("mine/notes.txt")).unwrap(), "precious");
    // A second prepare into its own folder needs no --force.
    run_expect(eurocorpus().current_dir(d).args(["prepare", "work/out", "-q", "--out", "mine"]), 0);
}
