//! Loading `config/pipeline.toml`: every mistake is collected, located (file, line, stage,
//! key, nearest valid name) and returned before any input is read.
//!
//! A config file holds only what it changes: it is merged onto the built-in default
//! pipeline. Its `[input]`, `[run]` and `[output]` keys replace the default's, key by key
//! (nested tables such as `[output.csv]` too; a list is replaced whole); its `[[stage]]`
//! tables, when it has any, replace the default's stages (their order is the pipeline, which
//! cannot be merged).

use std::path::{Path, PathBuf};

use newsmill_core::{nearest_name, parse_options, ConfigIssue, Reader, StageFactory, StageTable};
use newsmill_export::OutputOptions;
use newsmill_read::discover::InputSpec;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::pipeline::Pipeline;

/// The default pipeline, compiled in so `newsmill run DIR` works without a config file.
pub const DEFAULT_CONFIG: &str = include_str!("../../../config/pipeline.toml");
pub const DEFAULT_CONFIG_NAME: &str = "config/pipeline.toml (built in)";

/// The `[input]` table.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct InputConfig {
    /// Folder to read when the command line names none.
    pub path: Option<PathBuf>,
    /// Globs over paths relative to the input folder (`/` separators).
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    /// Whether the globs tell `a.TXT` from `a.txt` (default: no).
    pub case_sensitive: bool,
    pub follow_symlinks: bool,
    /// Larger files (and JSON Lines records) become a `too_large` row in errors.csv.
    pub max_file_bytes: u64,
    /// `[input.fields]`: metadata field -> source keys of JSON records, in order.
    pub fields: std::collections::BTreeMap<String, Vec<String>>,
}

impl Default for InputConfig {
    fn default() -> Self {
        InputConfig {
            path: None,
            include: [
                "md", "markdown", "txt", "text", "html", "htm", "xhtml", "html.gz", "htm.gz",
                "jsonl", "ndjson", "json", "warc", "warc.gz",
            ]
            .iter()
            .map(|ext| format!("**/*.{ext}"))
            .collect(),
            exclude: vec!["**/.*".into(), "**/.*/**".into()],
            case_sensitive: false,
            follow_symlinks: false,
            max_file_bytes: 32 * 1024 * 1024,
            fields: Default::default(),
        }
    }
}

/// The `[run]` table.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct RunConfig {
    /// Worker threads; 0 = one per core. `--jobs` overrides it.
    pub jobs: usize,
    /// Documents read, processed and written per step. Memory is bounded by this, not by
    /// the folder.
    pub chunk_size: usize,
    /// Seconds of work one document may take: past them, its remaining stages are not run
    /// and it becomes a `too_slow` row in errors.csv, so one pathological document cannot
    /// stall a run. Checked between stages; 0 = no limit.
    pub max_doc_seconds: u64,
    /// The first pass (for the corpus-level stages) keeps each document as read, in a
    /// temporary file, so the main pass does not read and parse it again. `false` trades
    /// that time for the temporary disk space (about the folder's size, compressed).
    pub reuse_first_pass: bool,
}

impl Default for RunConfig {
    fn default() -> Self {
        RunConfig {
            jobs: 0,
            chunk_size: 256,
            max_doc_seconds: 60,
            reuse_first_pass: true,
        }
    }
}

/// One `[[stage]]` table of the config, as data: which stage and the text of its options.
/// [`crate::Pipeline::build`] turns it into a running stage.
#[derive(Debug, Clone)]
pub struct StageConfig {
    pub name: String,
    pub table: StageTable,
}

/// A parsed, validated config: data only. The stages are built from it by
/// [`crate::Pipeline::build`]; [`load_config`] does both and reports every issue at once.
#[derive(Debug, Clone)]
pub struct Config {
    pub file: String,
    /// Whether sections were taken from the built-in default (the file did not hold them).
    pub merged_onto_default: bool,
    pub input: InputConfig,
    pub run: RunConfig,
    pub stages: Vec<StageConfig>,
    pub output: OutputOptions,
}

impl Config {
    /// The config as it runs (merged onto the default), as TOML: `newsmill check --print`.
    pub fn to_toml(&self) -> String {
        #[derive(Serialize)]
        struct Section<'a, T> {
            input: Option<&'a T>,
            run: Option<&'a T>,
            output: Option<&'a T>,
        }
        fn table<T: Serialize>(key: &str, value: &T) -> String {
            let section = Section {
                input: (key == "input").then_some(value),
                run: (key == "run").then_some(value),
                output: (key == "output").then_some(value),
            };
            toml::to_string(&section).unwrap_or_else(|e| format!("# [{key}]: {e}\n"))
        }
        let mut out = format!("# {}\n\n", self.describe());
        out.push_str(&table("input", &self.input));
        out.push('\n');
        out.push_str(&table("run", &self.run));
        for stage in &self.stages {
            out.push_str(&format!("\n[[stage]]\nuse = {:?}\n", stage.name));
            // Comments are left out: a stage's text ends with the comments that introduce
            // the next table.
            let body: Vec<&str> = stage
                .table
                .text
                .lines()
                .skip(1)
                .filter(|l| !l.trim_start().starts_with('#'))
                .collect();
            let body = body.join("\n");
            let body = body.trim();
            if !body.is_empty() {
                out.push_str(body);
                out.push('\n');
            }
        }
        out.push('\n');
        out.push_str(&table("output", &self.output));
        out
    }

    /// Which config ran, for the run summary: the file, and whether it was merged onto the
    /// built-in default.
    pub fn describe(&self) -> String {
        if self.merged_onto_default {
            format!("{}, merged onto {DEFAULT_CONFIG_NAME}", self.file)
        } else {
            self.file.clone()
        }
    }

    /// The discovery spec for a run over `root` writing to `output_dir`: the one place the
    /// `[input]` table becomes a walk, so the progress count and the run see the same files.
    pub fn input_spec(&self, root: &Path, output_dir: &Path) -> InputSpec {
        InputSpec {
            root: root.to_path_buf(),
            include: self.input.include.clone(),
            exclude: self.input.exclude.clone(),
            case_sensitive: self.input.case_sensitive,
            follow_symlinks: self.input.follow_symlinks,
            max_file_bytes: self.input.max_file_bytes,
            skip_dirs: vec![output_dir.to_path_buf()],
        }
    }
}

/// What the binary offers: every stage factory and the readers, in the order they are asked
/// whether they take a file. The runner is handed one and never names a stage itself.
pub struct Registry {
    pub stages: Vec<StageFactory>,
    /// Builds the readers for a config's `[input]` (JSON field overrides), which config
    /// loading has validated.
    pub readers: fn(&InputConfig) -> Vec<Box<dyn Reader>>,
}

impl std::fmt::Debug for Registry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Registry")
            .field("stages", &self.stages)
            .finish()
    }
}

impl Registry {
    pub fn factory(&self, name: &str) -> Option<&StageFactory> {
        self.stages.iter().find(|f| f.name == name)
    }
}

const TOP_LEVEL_KEYS: [&str; 4] = ["input", "run", "stage", "output"];

/// A run of lines that belongs to one top-level key.
struct Section {
    key: String,
    /// 1-based line of its header.
    first_line: usize,
    text: String,
    /// The built-in default's text of the same section, which this one is merged onto.
    base: Option<String>,
}

/// Parses and validates `text` (named `file` in messages) and builds every stage: every
/// mistake in the file, whether in its structure, a stage's options or the order of stages,
/// is returned at once, sorted by line.
pub fn load_config(
    file: &str,
    text: &str,
    registry: &Registry,
) -> Result<(Config, Pipeline), Vec<ConfigIssue>> {
    let (config, mut issues) = parse_config(file, text, registry)?;
    match Pipeline::build(&config, registry) {
        Ok(pipeline) if issues.is_empty() => Ok((config, pipeline)),
        Ok(_) => Err(issues),
        Err(mut found) => {
            issues.append(&mut found);
            issues.sort_by_key(|i| i.line);
            Err(issues)
        }
    }
}

/// The config as data, with the issues found without building any stage (structure, values,
/// stage names, stage order). `Err` when the file is not even TOML.
fn parse_config(
    file: &str,
    text: &str,
    registry: &Registry,
) -> Result<(Config, Vec<ConfigIssue>), Vec<ConfigIssue>> {
    let factories = &registry.stages;
    if let Err(err) = text.parse::<toml::Table>() {
        let line = err.span().map(|s| line_of(text, s.start));
        let mut issue = ConfigIssue::new(file, format!("TOML syntax: {}", err.message().trim()));
        issue.line = line;
        return Err(vec![issue]);
    }
    let mut issues = Vec::new();
    let mut sections = split_sections(file, text, &mut issues);
    // The built-in default supplies what the file leaves out. (The default itself is
    // checked by a test, so its sections parse.)
    let is_default = text == DEFAULT_CONFIG;
    let defaults = if is_default {
        Vec::new()
    } else {
        split_sections(DEFAULT_CONFIG_NAME, DEFAULT_CONFIG, &mut Vec::new())
    };
    let mut merged_onto_default = false;
    let has = |sections: &[Section], key: &str| sections.iter().any(|s| s.key == key);
    if !has(&sections, "stage") && has(&defaults, "stage") {
        merged_onto_default = true;
    }
    let mut input = InputConfig::default();
    let mut run = RunConfig::default();
    let mut output = OutputOptions::default();
    for key in ["input", "run", "output"] {
        let Some(default) = defaults.iter().find(|s| s.key == key) else {
            continue;
        };
        match sections.iter().position(|s| s.key == key) {
            Some(i) => sections[i].base = Some(default.text.clone()),
            None => {
                merged_onto_default = true;
                let mut found = Vec::new();
                match key {
                    "input" => merge(
                        parse_section(DEFAULT_CONFIG_NAME, default),
                        &mut input,
                        &mut found,
                    ),
                    "run" => merge(
                        parse_section(DEFAULT_CONFIG_NAME, default),
                        &mut run,
                        &mut found,
                    ),
                    _ => merge(
                        parse_section(DEFAULT_CONFIG_NAME, default),
                        &mut output,
                        &mut found,
                    ),
                }
                issues.extend(found);
            }
        }
    }
    let mut stages = Vec::new();
    let mut seen = Vec::<&str>::new();
    if !has(&sections, "stage") {
        for section in defaults.iter().filter(|s| s.key == "stage") {
            let index = stages.len() + 1;
            match stage_config(DEFAULT_CONFIG_NAME, section, index, factories) {
                Ok(spec) => stages.push(Some(spec)),
                Err(mut found) => issues.append(&mut found),
            }
        }
    }
    for section in &sections {
        match section.key.as_str() {
            "stage" => {
                // Failed stages are kept as `None`, so numbers match the file's order.
                let index = stages.len() + 1;
                match stage_config(file, section, index, factories) {
                    Ok(spec) => stages.push(Some(spec)),
                    Err(mut found) => {
                        stages.push(None);
                        issues.append(&mut found);
                    }
                }
            }
            key if seen.contains(&key) => issues.push(
                ConfigIssue::new(
                    file,
                    format!("[{key}] appears twice; keep each table in one place"),
                )
                .at_line(section.first_line),
            ),
            "input" => {
                seen.push("input");
                merge(parse_merged(file, section), &mut input, &mut issues);
            }
            "run" => {
                seen.push("run");
                merge(parse_merged(file, section), &mut run, &mut issues);
            }
            "output" => {
                seen.push("output");
                merge(parse_merged(file, section), &mut output, &mut issues);
            }
            _ => {}
        }
    }
    validate_values(file, text, &input, &run, &output, &mut issues);
    if stages.is_empty() {
        issues.push(ConfigIssue::new(
            file,
            "no [[stage]] tables: the pipeline would do nothing but read",
        ));
    }
    let stages: Vec<StageConfig> = stages.into_iter().flatten().collect();
    check_families(&stages, factories, &mut issues);
    issues.sort_by_key(|i| i.line);
    let config = Config {
        file: file.to_string(),
        merged_onto_default,
        input,
        run,
        stages,
        output,
    };
    Ok((config, issues))
}

/// Every family a stage reads must be written by an earlier stage (or come from the
/// readers). The message names the stage that would provide it, and where it stands when it
/// is in the pipeline but too late.
fn check_families(
    stages: &[StageConfig],
    factories: &[StageFactory],
    issues: &mut Vec<ConfigIssue>,
) {
    let factory = |name: &str| factories.iter().find(|f| f.name == name);
    for (position, stage) in stages.iter().enumerate() {
        let Some(reader) = factory(&stage.name) else {
            continue;
        };
        for &family in reader.reads {
            if family.provided_by_readers() {
                continue;
            }
            let written_before = stages[..position]
                .iter()
                .filter_map(|s| factory(&s.name))
                .any(|f| f.writes.contains(&family));
            if written_before {
                continue;
            }
            let later = stages[position + 1..]
                .iter()
                .find(|s| factory(&s.name).is_some_and(|f| f.writes.contains(&family)));
            let message = match later {
                Some(provider) => format!(
                    "`{}` reads {family}, which `{}` (stage {}) writes only after it: put `{}` before `{}`",
                    stage.name, provider.name, provider.table.index, provider.name, stage.name
                ),
                None => {
                    let providers: Vec<String> = factories
                        .iter()
                        .filter(|f| f.writes.contains(&family))
                        .map(|f| format!("`{}`", f.name))
                        .collect();
                    format!(
                        "`{}` reads {family}, which no earlier stage writes: add {} before it",
                        stage.name,
                        if providers.is_empty() {
                            "a stage that writes it".to_string()
                        } else {
                            providers.join(" or ")
                        }
                    )
                }
            };
            issues.push(stage.table.issue(Some(stage.table.first_line), message));
        }
    }
}

fn merge<T>(parsed: Result<T, Vec<ConfigIssue>>, into: &mut T, issues: &mut Vec<ConfigIssue>) {
    match parsed {
        Ok(value) => *into = value,
        Err(mut found) => issues.append(&mut found),
    }
}

fn line_of(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].matches('\n').count() + 1
}

/// The first path segment of a table header line (`[output.csv]` -> `output`), if the line
/// is a header.
fn header_key(line: &str) -> Option<(String, bool)> {
    let trimmed = line.trim();
    let trimmed = trimmed.split(" #").next().unwrap_or(trimmed).trim_end();
    let (inner, array) = if let Some(inner) = trimmed
        .strip_prefix("[[")
        .and_then(|s| s.strip_suffix("]]"))
    {
        (inner, true)
    } else if let Some(inner) = trimmed.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
        (inner, false)
    } else {
        return None;
    };
    let first = inner.split('.').next()?.trim().trim_matches('"');
    let valid = !first.is_empty()
        && first
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    valid.then(|| (first.to_string(), array))
}

fn split_sections(file: &str, text: &str, issues: &mut Vec<ConfigIssue>) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    let mut current: Option<Section> = None;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let line_no = i + 1;
        if let Some((key, array)) = header_key(line) {
            let continues = current.as_ref().is_some_and(|c| c.key == key) && !array;
            if !continues {
                sections.extend(current.take());
                if !TOP_LEVEL_KEYS.contains(&key.as_str()) {
                    issues.push(
                        ConfigIssue::new(file, format!("unknown table [{key}]"))
                            .at_line(line_no)
                            .with_key(key.clone())
                            .with_suggestion(nearest_name(&key, TOP_LEVEL_KEYS)),
                    );
                } else if key == "stage" && !array {
                    issues.push(
                        ConfigIssue::new(file, "stages are written [[stage]] (an array of tables)")
                            .at_line(line_no),
                    );
                }
                current = Some(Section {
                    key,
                    first_line: line_no,
                    text: String::new(),
                    base: None,
                });
            }
            if let Some(section) = current.as_mut() {
                section.text.push_str(line);
            }
            continue;
        }
        match current.as_mut() {
            Some(section) => section.text.push_str(line),
            None => {
                if let Some((key, _)) = line.split_once('=') {
                    let key = key.trim();
                    if !key.is_empty() && !key.starts_with('#') {
                        issues.push(
                            ConfigIssue::new(file, "top-level keys belong in a table")
                                .at_line(line_no)
                                .with_key(key)
                                .with_suggestion(nearest_name(key, TOP_LEVEL_KEYS)),
                        );
                    }
                }
            }
        }
    }
    sections.extend(current);
    sections.retain(|s| TOP_LEVEL_KEYS.contains(&s.key.as_str()));
    sections
}

/// Parses a section of the file (mistakes located in the file), then, when it has a default
/// to merge onto, the default's values with the file's keys laid over them.
fn parse_merged<T: DeserializeOwned>(file: &str, section: &Section) -> Result<T, Vec<ConfigIssue>> {
    let own = parse_section::<T>(file, section)?;
    let Some(base) = &section.base else {
        return Ok(own);
    };
    let table = |text: &str| {
        text.parse::<toml::Table>()
            .ok()
            .and_then(|mut t| t.remove(&section.key))
    };
    let (Some(toml::Value::Table(mut merged)), Some(toml::Value::Table(over))) =
        (table(base), table(&section.text))
    else {
        return Ok(own);
    };
    overlay(&mut merged, over);
    toml::Value::Table(merged).try_into::<T>().map_err(|e| {
        vec![ConfigIssue::new(
            file,
            format!("[{}] merged onto the default: {e}", section.key),
        )
        .at_line(section.first_line)]
    })
}

/// Lays `over` onto `base`: tables merge key by key, any other value replaces.
fn overlay(base: &mut toml::Table, over: toml::Table) {
    for (key, value) in over {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => overlay(b, o),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

/// Parses `[input]`, `[run]` or `[output]` with the same located, collect-everything option
/// parser the stages use: the header is renamed to `[[stage]]` so one code path serves both.
fn parse_section<T: DeserializeOwned>(
    file: &str,
    section: &Section,
) -> Result<T, Vec<ConfigIssue>> {
    let key = &section.key;
    let text = section
        .text
        .split_inclusive('\n')
        .map(|line| match header_key(line) {
            Some(_) => line.replacen(&format!("[{key}]"), "[[stage]]", 1).replacen(
                &format!("[{key}."),
                "[stage.",
                1,
            ),
            None => line.to_string(),
        })
        .collect::<String>();
    let table = StageTable {
        file: file.to_string(),
        index: 0,
        name: key.clone(),
        first_line: section.first_line,
        text,
    };
    parse_options::<T>(&table).map_err(|issues| {
        issues
            .into_iter()
            .map(|mut i| {
                i.stage = None;
                i.stage_name = None;
                i.key = i.key.map(|k| format!("{key}.{k}"));
                i
            })
            .collect()
    })
}

fn stage_config(
    file: &str,
    section: &Section,
    index: usize,
    factories: &[StageFactory],
) -> Result<StageConfig, Vec<ConfigIssue>> {
    let mut use_line = None;
    let mut name = None;
    let mut text = String::new();
    for (i, line) in section.text.split_inclusive('\n').enumerate() {
        let key = line.split_once('=').map(|(k, _)| k.trim());
        if key == Some("use") && use_line.is_none() {
            use_line = Some(section.first_line + i);
            name = line
                .split_once('=')
                .and_then(|(_, v)| v.trim().parse::<toml::Value>().ok())
                .and_then(|v| match v {
                    toml::Value::String(s) => Some(s),
                    _ => None,
                });
            text.push('\n');
        } else {
            text.push_str(line);
        }
    }
    let Some(name) = name else {
        let message = if use_line.is_some() {
            "`use` must be a string"
        } else {
            "missing `use = \"<stage name>\"`"
        };
        let mut issue = ConfigIssue::new(file, message)
            .in_stage(index, None)
            .with_key("use");
        issue.line = use_line.or(Some(section.first_line));
        return Err(vec![issue]);
    };
    if !factories.iter().any(|f| f.name == name) {
        let suggestion = nearest_name(&name, factories.iter().map(|f| f.name));
        let mut issue = ConfigIssue::new(file, format!("unknown stage `{name}`"))
            .in_stage(index, None)
            .with_key("use")
            .with_suggestion(suggestion);
        issue.line = use_line;
        return Err(vec![issue]);
    }
    let table = StageTable {
        file: file.to_string(),
        index,
        name: name.clone(),
        first_line: section.first_line,
        text,
    };
    Ok(StageConfig { name, table })
}

/// Checks that need more than a type: known formats, a one-byte delimiter, sane numbers,
/// valid globs.
fn validate_values(
    file: &str,
    text: &str,
    input: &InputConfig,
    run: &RunConfig,
    output: &OutputOptions,
    issues: &mut Vec<ConfigIssue>,
) {
    let line_of_key = |key: &str| {
        text.lines()
            .position(|l| l.split_once('=').is_some_and(|(k, _)| k.trim() == key))
            .map(|i| i + 1)
    };
    let mut issue = |key: &str, message: String, suggestion: Option<&str>| {
        let mut i = ConfigIssue::new(file, message)
            .with_key(key)
            .with_suggestion(suggestion);
        i.line = line_of_key(key.rsplit('.').next().unwrap_or(key));
        issues.push(i);
    };
    for format in &output.formats {
        if !OutputOptions::FORMATS.contains(&format.as_str()) {
            let near = nearest_name(format, OutputOptions::FORMATS);
            issue("output.formats", format!("unknown format `{format}`"), near);
        }
    }
    if !output.csv.delimiter.is_ascii() || matches!(output.csv.delimiter, '"' | '\n' | '\r') {
        issue(
            "output.csv.delimiter",
            "the delimiter must be one ASCII character other than a quote or newline".into(),
            None,
        );
    }
    if run.chunk_size == 0 {
        issue(
            "run.chunk_size",
            "chunk_size must be at least 1".into(),
            None,
        );
    }
    if input.max_file_bytes == 0 {
        issue(
            "input.max_file_bytes",
            "max_file_bytes must be at least 1".into(),
            None,
        );
    }
    for (key, globs) in [
        ("input.include", &input.include),
        ("input.exclude", &input.exclude),
    ] {
        if let Err(e) = newsmill_read::discover::compile_globs(globs) {
            issue(key, e, None);
        }
    }
    if let Err(e) = newsmill_read::FieldOverrides::new(&input.fields) {
        issue("input.fields", e, None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_core::{Article, Family, Outcome, Stage, StageCounters, StageError};

    struct Upper;
    impl Stage for Upper {
        fn process(&self, a: &mut Article, _: &mut StageCounters) -> Result<Outcome, StageError> {
            for b in &mut a.blocks {
                b.text = b.text.to_uppercase();
            }
            Ok(Outcome::Keep)
        }
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct UpperOptions {
        #[serde(default)]
        threshold: f64,
        #[serde(default)]
        min_docs: usize,
    }

    fn build_upper(table: &StageTable) -> Result<Box<dyn Stage>, Vec<ConfigIssue>> {
        parse_options::<UpperOptions>(table)?;
        Ok(Box::new(Upper))
    }

    fn factory(
        name: &'static str,
        reads: &'static [Family],
        writes: &'static [Family],
    ) -> StageFactory {
        StageFactory {
            name,
            summary: "",
            options: Vec::new,
            example: "",
            reads,
            writes,
            build: build_upper,
        }
    }

    fn registry() -> Registry {
        Registry {
            stages: factories(),
            readers: |_| Vec::new(),
        }
    }

    fn factories() -> Vec<StageFactory> {
        vec![
            factory("extract.people", &[], &[Family::Entities]),
            factory("extract.when", &[Family::Metadata], &[Family::Dates]),
            factory(
                "extract.counts",
                &[Family::Entities, Family::Dates],
                &[Family::Facts],
            ),
            StageFactory {
                name: "clean.upper",
                summary: "",
                options: Vec::new,
                example: "",
                reads: &[],
                writes: &[],
                build: build_upper,
            },
            StageFactory {
                name: "clean.boilerplate",
                summary: "",
                options: Vec::new,
                example: "",
                reads: &[],
                writes: &[],
                build: build_upper,
            },
        ]
    }

    #[test]
    fn valid_config_builds_stages_and_sections() {
        let text = "[input]\npath = \"in\"\n\n[[stage]]\nuse = \"clean.upper\"\nthreshold = 0.5\n\n[output]\ndir = \"o\"\n[output.csv]\nbom = true\n";
        let (config, pipeline) = load_config("p.toml", text, &registry()).unwrap();
        assert_eq!(config.stages.len(), 1);
        assert_eq!(pipeline.stages.len(), 1);
        assert_eq!(config.input.path, Some(PathBuf::from("in")));
        assert!(config.output.csv.bom);
        assert_eq!(config.output.dir, PathBuf::from("o"));
    }

    #[test]
    fn every_mistake_is_reported_with_its_line() {
        let text = "[input]\nincldue = []\n\n[[stage]]\nuse = \"clean.boilerplat\"\n\n[[stage]]\nuse = \"clean.upper\"\ntreshold = 1.0\nmin_docs = \"x\"\n\n[output]\nformats = [\"csv\", \"xslx\"]\n";
        let issues = load_config("p.toml", text, &registry()).unwrap_err();
        let lines: Vec<String> = issues.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "p.toml:2: key `input.incldue`: unknown option `incldue` (nearest valid name: `include`)",
                "p.toml:5: stage 1: key `use`: unknown stage `clean.boilerplat` (nearest valid name: `clean.boilerplate`)",
                "p.toml:9: stage 2 (clean.upper): key `treshold`: unknown option `treshold` (nearest valid name: `threshold`)",
                "p.toml:10: stage 2 (clean.upper): key `min_docs`: invalid type: string \"x\", expected usize",
                "p.toml:13: key `output.formats`: unknown format `xslx` (nearest valid name: `xlsx`)",
            ]
        );
    }

    #[test]
    fn syntax_errors_and_unknown_tables_are_located() {
        let issues = load_config("p.toml", "[input\npath = 1\n", &registry()).unwrap_err();
        assert_eq!(issues[0].line, Some(1));
        assert!(issues[0].message.starts_with("TOML syntax"));
        let issues = load_config(
            "p.toml",
            "[[stage]]\nuse = \"clean.upper\"\n[outptu]\ndir = \"x\"\n",
            &registry(),
        )
        .unwrap_err();
        assert_eq!(
            issues[0].to_string(),
            "p.toml:3: key `outptu`: unknown table [outptu] (nearest valid name: `output`)"
        );
    }

    #[test]
    fn a_stage_that_reads_a_family_written_later_names_both_stages() {
        let text = "[[stage]]\nuse = \"extract.counts\"\n\n[[stage]]\nuse = \"extract.when\"\n\n[[stage]]\nuse = \"extract.people\"\n";
        let issues = load_config("p.toml", text, &registry()).unwrap_err();
        let lines: Vec<String> = issues.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "p.toml:1: stage 1 (extract.counts): `extract.counts` reads entities, which `extract.people` (stage 3) writes only after it: put `extract.people` before `extract.counts`",
                "p.toml:1: stage 1 (extract.counts): `extract.counts` reads dates, which `extract.when` (stage 2) writes only after it: put `extract.when` before `extract.counts`",
            ]
        );
        let missing = load_config(
            "p.toml",
            "[[stage]]\nuse = \"extract.counts\"\n[[stage]]\nuse = \"extract.when\"\n",
            &registry(),
        )
        .unwrap_err();
        assert!(
            missing[0]
                .message
                .contains("no earlier stage writes: add `extract.people` before it"),
            "{}",
            missing[0]
        );
        let in_order = "[[stage]]\nuse = \"extract.people\"\n[[stage]]\nuse = \"extract.when\"\n[[stage]]\nuse = \"extract.counts\"\n";
        assert!(load_config("p.toml", in_order, &registry()).is_ok());
    }
}
