//! Progress bars (indicatif) and warnings. The only module that draws on
//! the terminal during a run: workers bump atomic counters, a ticker thread
//! turns them into bars. Bars are hidden when stderr is not a terminal
//! (batch jobs, CI) or with `--quiet`.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Warnings printed per run before the rest are only counted.
const MAX_WARNINGS: u64 = 20;

/// Counters shared by the workers.
#[derive(Debug)]
pub struct Counters {
    /// Raw input bytes consumed.
    pub bytes: Arc<AtomicU64>,
    /// Records read.
    pub docs_read: AtomicU64,
    /// Documents written.
    pub docs_written: AtomicU64,
    /// Tokens written.
    pub tokens: AtomicU64,
    /// Documents removed, by stage (`read` first, then the pipeline's stages).
    pub removed_by_stage: Vec<AtomicU64>,
    /// Bad records and files.
    pub errors: AtomicU64,
}

/// The run's progress display.
pub struct Progress {
    counters: Arc<Counters>,
    bars: Option<(MultiProgress, ProgressBar, ProgressBar)>,
    stop: Arc<AtomicBool>,
    ticker: Option<JoinHandle<()>>,
    quiet: bool,
    warnings: AtomicU64,
}

fn rate(n: u64, secs: f64) -> String {
    human(if secs > 0.0 { (n as f64 / secs) as u64 } else { 0 })
}

/// 1234567 → "1.23M".
pub fn human(n: u64) -> String {
    match n {
        0..=9_999 => n.to_string(),
        10_000..=999_999 => format!("{:.1}k", n as f64 / 1e3),
        1_000_000..=999_999_999 => format!("{:.2}M", n as f64 / 1e6),
        _ => format!("{:.2}G", n as f64 / 1e9),
    }
}

impl Progress {
    /// Starts the display for `total_bytes` of input; `stages` names the
    /// stages whose removals are counted (`read` first).
    pub fn new(total_bytes: u64, quiet: bool, stage_line: String, stages: &[&'static str]) -> Self {
        let counters = Arc::new(Counters {
            bytes: Arc::default(),
            docs_read: AtomicU64::new(0),
            docs_written: AtomicU64::new(0),
            tokens: AtomicU64::new(0),
            removed_by_stage: stages.iter().map(|_| AtomicU64::new(0)).collect(),
            errors: AtomicU64::new(0),
        });
        let stage_names: Vec<&'static str> = stages.to_vec();
        let stop = Arc::new(AtomicBool::new(false));
        let show = !quiet && std::io::stderr().is_terminal();
        let (bars, ticker) = if show {
            let mp = MultiProgress::with_draw_target(ProgressDrawTarget::stderr_with_hz(8));
            let bar = mp.add(ProgressBar::new(total_bytes));
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {elapsed_precise} [{wide_bar}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
                )
                .expect("static template")
                .progress_chars("=> "),
            );
            let line = mp.add(ProgressBar::new_spinner());
            line.set_style(ProgressStyle::with_template("  {msg}").expect("static template"));
            let (c, s, b, l) = (counters.clone(), stop.clone(), bar.clone(), line.clone());
            let t = std::thread::spawn(move || {
                let start = Instant::now();
                while !s.load(Ordering::Relaxed) {
                    let secs = start.elapsed().as_secs_f64();
                    let read = c.docs_read.load(Ordering::Relaxed);
                    let tokens = c.tokens.load(Ordering::Relaxed);
                    b.set_position(c.bytes.load(Ordering::Relaxed));
                    let removed: Vec<String> = stage_names
                        .iter()
                        .zip(&c.removed_by_stage)
                        .map(|(n, r)| format!("{n} -{}", human(r.load(Ordering::Relaxed))))
                        .collect();
                    l.set_message(format!(
                        "{stage_line} │ read {} ({}/s) │ removed: {} │ errors {} │ written {} │ tokens {} ({}/s)",
                        human(read),
                        rate(read, secs),
                        removed.join(", "),
                        human(c.errors.load(Ordering::Relaxed)),
                        human(c.docs_written.load(Ordering::Relaxed)),
                        human(tokens),
                        rate(tokens, secs),
                    ));
                    std::thread::sleep(Duration::from_millis(125));
                }
            });
            (Some((mp, bar, line)), Some(t))
        } else {
            (None, None)
        };
        Progress { counters, bars, stop, ticker, quiet, warnings: AtomicU64::new(0) }
    }

    /// The shared counters.
    pub fn counters(&self) -> &Arc<Counters> {
        &self.counters
    }

    /// Prints a warning above the bars (the first few; later ones are only
    /// counted, and all of them are in `stats.json`).
    pub fn warn(&self, msg: &str) {
        if self.quiet {
            return;
        }
        let n = self.warnings.fetch_add(1, Ordering::Relaxed);
        let text = if n < MAX_WARNINGS {
            format!("warning: {msg}")
        } else if n == MAX_WARNINGS {
            "warning: more errors; they are counted in the summary and sampled in stats.json".to_string()
        } else {
            return;
        };
        match &self.bars {
            Some((mp, _, _)) => {
                let _ = mp.println(text);
            }
            None => eprintln!("{text}"),
        }
    }

    /// Stops and clears the bars (once; later calls do nothing).
    pub fn finish(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.ticker.take() {
            let _ = t.join();
        }
        if let Some((_, bar, line)) = self.bars.take() {
            bar.finish_and_clear();
            line.finish_and_clear();
        }
    }
}
