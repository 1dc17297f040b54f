//! SIGINT and SIGTERM (Ctrl-C; Slurm at a job's time limit, before its
//! SIGKILL): the first asks the run to stop cleanly — no new batch is read,
//! finished inputs and units keep their completion records, nothing half
//! written is published — and the command exits 128 + the signal's number,
//! saying how to resume. A second signal stops at once.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use signal_hook::consts::{SIGINT, SIGTERM};

static SIGNAL: AtomicUsize = AtomicUsize::new(0);
static ARMED: AtomicBool = AtomicBool::new(false);

/// Installs the handlers (once, from `main`).
///
/// # Errors
/// The handlers cannot be registered.
pub fn install() -> std::io::Result<()> {
    for sig in [SIGINT, SIGTERM] {
        // The order matters: the shutdown must see the flag before this
        // signal sets it, so that only a second signal exits at once.
        signal_hook::flag::register_conditional_shutdown(sig, 128 + sig, &ARMED)?;
        signal_hook::flag::register_usize(sig, &SIGNAL, sig as usize)?;
        signal_hook::flag::register(sig, &ARMED)?;
    }
    Ok(())
}

/// The signal that asked the run to stop, if any.
pub fn received() -> Option<i32> {
    match SIGNAL.load(Ordering::Relaxed) {
        0 => None,
        s => Some(s as i32),
    }
}

/// The signal's name, for messages.
pub fn name(sig: i32) -> &'static str {
    match sig {
        SIGINT => "SIGINT",
        SIGTERM => "SIGTERM",
        _ => "a signal",
    }
}

/// Fault injection for the tests: sends this process `sig` (as if from
/// outside), through the installed handlers.
pub fn raise(sig: i32) {
    let _ = signal_hook::low_level::raise(sig);
}
