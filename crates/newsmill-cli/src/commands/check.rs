//! `newsmill check [CONFIG]`.

use std::path::Path;
use std::process::ExitCode;

pub fn check(config: Option<&Path>) -> anyhow::Result<ExitCode> {
    match super::load(config)? {
        Ok(config) => {
            let names: Vec<&str> = config.stages.iter().map(|s| s.name.as_str()).collect();
            println!(
                "{}: ok, {} stages: {}",
                config.file,
                names.len(),
                names.join(" -> ")
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(issues) => {
            super::print_issues(&issues);
            Ok(ExitCode::from(2))
        }
    }
}
