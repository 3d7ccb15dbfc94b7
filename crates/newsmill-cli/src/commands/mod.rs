//! One module per subcommand.

pub mod check;
pub mod eval;
pub mod index;
pub mod init;
pub mod merge;
pub mod ner;
pub mod run;
pub mod stages;

use std::path::Path;

use newsmill_core::ConfigIssue;
use newsmill_runner::{load_config, Config, Pipeline, DEFAULT_CONFIG, DEFAULT_CONFIG_NAME};

use crate::registry;

/// The result of loading a config: the config as data and its built pipeline, or every
/// issue, located.
pub type Loaded = Result<(Config, Pipeline), Vec<ConfigIssue>>;

/// The config file a command uses when none is named: `newsmill.toml` in the current
/// folder (what `newsmill init` writes), when present.
pub const LOCAL_CONFIG: &str = "newsmill.toml";

/// Loads the named config, else `newsmill.toml` in the current folder, else the built-in
/// default, and builds its pipeline. A file is merged onto the default (it may hold only
/// the sections it changes).
pub fn load(config: Option<&Path>) -> anyhow::Result<Loaded> {
    let registry = registry::registry();
    let local = Path::new(LOCAL_CONFIG);
    let config = config.or_else(|| local.is_file().then_some(local));
    Ok(match config {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| anyhow::anyhow!("cannot read config {}: {e}", path.display()))?;
            load_config(&path.display().to_string(), &text, &registry)
        }
        None => load_config(DEFAULT_CONFIG_NAME, DEFAULT_CONFIG, &registry),
    })
}

/// Prints config issues the way `check` and `run` both do.
pub fn print_issues(issues: &[ConfigIssue]) {
    for issue in issues {
        eprintln!("error: {issue}");
    }
    let n = issues.len();
    eprintln!(
        "{n} config error{}; nothing was read",
        if n == 1 { "" } else { "s" }
    );
}

/// Prints a report to stdout; a closed pipe (`newsmill eval ... | head`) ends quietly
/// instead of panicking as `println!` would.
pub fn print_stdout(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
