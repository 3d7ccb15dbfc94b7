//! `newsmill init [PATH]`: a starter config to edit (`-`: to standard output).

use std::path::Path;
use std::process::ExitCode;

use newsmill_runner::DEFAULT_CONFIG;

pub fn init(path: &Path, force: bool) -> anyhow::Result<ExitCode> {
    if path.as_os_str() == "-" {
        super::print_stdout(DEFAULT_CONFIG.trim_end())?;
        return Ok(ExitCode::SUCCESS);
    }
    if path.exists() && !force {
        anyhow::bail!("{} exists; pass --force to overwrite it", path.display());
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, DEFAULT_CONFIG)?;
    println!(
        "wrote {} (the default pipeline); check it with `newsmill check {}`",
        path.display(),
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}
