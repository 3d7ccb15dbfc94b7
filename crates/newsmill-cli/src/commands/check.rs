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

#[cfg(test)]
mod tests {
    use newsmill_runner::{load_config, DEFAULT_CONFIG, DEFAULT_CONFIG_NAME};

    use crate::registry::registry;

    fn stage_names(config: &newsmill_runner::Config) -> Vec<&str> {
        config.stages.iter().map(|s| s.name.as_str()).collect()
    }

    /// A config with only `[output]` runs the default pipeline; the keys it names replace
    /// the default's, the others (here `[output.csv]` and `[input]`) stay the default's.
    #[test]
    fn a_partial_config_is_merged_onto_the_default() {
        let (default, _) = load_config(DEFAULT_CONFIG_NAME, DEFAULT_CONFIG, &registry()).unwrap();
        assert!(!default.merged_onto_default);
        let text = "[output]\nformats = [\"xlsx\"]\n[output.csv]\nbom = true\n";
        let (config, pipeline) = load_config("p.toml", text, &registry()).unwrap();
        assert!(config.merged_onto_default);
        assert_eq!(stage_names(&config), stage_names(&default));
        assert_eq!(pipeline.stages.len(), default.stages.len());
        assert_eq!(config.output.formats, ["xlsx"]);
        assert!(config.output.csv.bom);
        assert_eq!(
            config.output.csv.formula_guard,
            default.output.csv.formula_guard
        );
        assert_eq!(config.output.dir, default.output.dir);
        assert_eq!(config.input, default.input);
        assert_eq!(
            config.describe(),
            format!("p.toml, merged onto {DEFAULT_CONFIG_NAME}")
        );
    }

    #[test]
    fn stages_of_the_file_replace_the_default_stages() {
        let text = "[[stage]]\nuse = \"clean.paragraphs\"\n";
        let (config, _) = load_config("p.toml", text, &registry()).unwrap();
        assert_eq!(stage_names(&config), ["clean.paragraphs"]);
        // [input], [run], [output] still come from the default.
        assert!(config.merged_onto_default);
    }

    #[test]
    fn mistakes_in_a_partial_config_are_located_in_it() {
        let text = "[output]\nformats = [\"csv\", \"xslx\"]\n";
        let issues = load_config("p.toml", text, &registry()).unwrap_err();
        let lines: Vec<String> = issues.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            ["p.toml:2: key `output.formats`: unknown format `xslx` (nearest valid name: `xlsx`)"]
        );
    }

    /// `check --print` shows a config that loads back to the same pipeline and options.
    #[test]
    fn printed_config_loads_back_the_same() {
        let text = "[run]\njobs = 3\n[output]\nformats = [\"parquet\", \"csv\"]\n";
        let (config, _) = load_config("p.toml", text, &registry()).unwrap();
        let printed = config.to_toml();
        let (again, _) = load_config("printed.toml", &printed, &registry())
            .unwrap_or_else(|issues| panic!("{printed}\n{issues:?}"));
        assert_eq!(stage_names(&again), stage_names(&config));
        assert_eq!(again.input, config.input);
        assert_eq!(again.run, config.run);
        assert_eq!(again.output, config.output);
        for (a, b) in again.stages.iter().zip(&config.stages) {
            let options = |s: &newsmill_runner::StageConfig| {
                s.table
                    .text
                    .lines()
                    .skip(1)
                    .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            };
            assert_eq!(options(a), options(b), "{}", a.name);
        }
    }
}
