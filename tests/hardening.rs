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
