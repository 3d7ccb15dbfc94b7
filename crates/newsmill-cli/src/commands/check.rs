//! `newsmill check [CONFIG]`.

use std::path::Path;
use std::process::ExitCode;

/// Validates a config; with `print`, prints it as it runs (merged onto the default).
pub fn check(config: Option<&Path>, print: bool) -> anyhow::Result<ExitCode> {
    match super::load(config)? {
        Ok((config, _)) if print => {
            super::print_stdout(config.to_toml().trim_end())?;
            Ok(ExitCode::SUCCESS)
        }
        Ok((config, pipeline)) => {
            let names: Vec<&str> = pipeline.stages.iter().map(|s| s.name.as_str()).collect();
            let tables: Vec<&str> = newsmill_runner::tables_for(&pipeline, &config.output)
                .iter()
                .map(|t| t.file)
                .collect();
            println!(
                "{}: ok, {} stages: {}\n  tables: {}",
                config.describe(),
                names.len(),
                names.join(" -> "),
                tables.join(", ")
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(issues) => {
            super::print_issues(&issues);
            Ok(ExitCode::from(2))
        }
    }
}
