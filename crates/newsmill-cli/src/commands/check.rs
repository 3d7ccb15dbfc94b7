//! `newsmill check [CONFIG]`.

use std::path::Path;
use std::process::ExitCode;

pub fn check(config: Option<&Path>) -> anyhow::Result<ExitCode> {
    match super::load(config)? {
        Ok((config, pipeline)) => {
            let names: Vec<&str> = pipeline.stages.iter().map(|s| s.name.as_str()).collect();
            let tables: Vec<&str> = newsmill_runner::tables_for(&pipeline, &config.output)
                .iter()
                .map(|t| t.file)
                .collect();
            println!(
                "{}: ok, {} stages: {}\n  tables: {}",
                config.file,
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
