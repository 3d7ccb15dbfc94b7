//! The terminal progress bar (indicatif), shown only on a TTY and without `--quiet`.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsmill_runner::Progress;

#[derive(Debug)]
pub struct Bar {
    bar: ProgressBar,
    total: Option<u64>,
}

impl Bar {
    /// `total`: documents expected, when known (a quick count walk before the run).
    pub fn new(total: Option<u64>) -> Self {
        let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
        Bar { bar, total }
    }
}

impl Progress for Bar {
    fn start_pass(&self, label: &str, _total: Option<u64>) {
        let style = match self.total {
            Some(_) => ProgressStyle::with_template(
                "{msg:>24} [{bar:40}] {pos}/{len} docs {per_sec} eta {eta}",
            ),
            None => ProgressStyle::with_template("{msg:>24} {spinner} {pos} docs {per_sec}"),
        };
        if let Ok(style) = style {
            self.bar.set_style(style.progress_chars("=> "));
        }
        self.bar.reset();
        self.bar.set_message(label.to_string());
    }

    fn advance(&self, documents: u64) {
        self.bar.inc(documents);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
