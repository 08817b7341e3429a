//! The progress bar of a batch: bytes read of the total on disk, speed,
//! ETA and documents done. Drawn on stderr only when it is a terminal, so
//! pipes and logs stay clean; `--quiet` hides it everywhere.

use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

const BAR: &str =
    "{elapsed_precise} [{wide_bar}] {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}";
const SPINNER: &str = "{spinner} {elapsed_precise} {bytes} {bytes_per_sec} {msg}";

/// A spinner until [`set_total`] knows the bytes to read.
pub(crate) fn bar(quiet: bool) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(4));
    style(&pb, SPINNER);
    pb.enable_steady_tick(Duration::from_millis(250));
    pb
}

/// A bar towards `total` bytes; unknown totals (stdin) keep the spinner.
pub(crate) fn set_total(pb: &ProgressBar, total: Option<u64>) {
    if let Some(t) = total {
        pb.set_length(t);
        style(pb, BAR);
    }
}

fn style(pb: &ProgressBar, template: &str) {
    if let Ok(style) = ProgressStyle::with_template(template) {
        pb.set_style(style.progress_chars("=> "));
    }
}
