//! The `link.places` stage: options, registry entry, and the once-per-run gazetteer.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use serde::{Deserialize, Serialize};

use newsmill_core::{
    parse_options, Article, ConfigIssue, Family, Outcome, Stage, StageCounters, StageError,
    StageFactory, StageTable,
};

use crate::cache;
use crate::gazetteer::Gazetteer;
use crate::resolve::geocode;

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlacesOptions {
    /// Folder with the GeoNames-derived `countries.tsv`, `admin_divisions.tsv` and
    /// `places_cities500.tsv`. A relative path is looked for from the working directory,
    /// then from the repository the binary was built in, then from each folder above the
    /// executable, so the default works from any working directory.
    #[serde(default = "default_dir")]
    pub geonames_dir: String,
    /// Fail the config when the folder is missing. When false the stage warns once and
    /// leaves places without coordinates (the counter `gazetteer_missing` says so).
    #[serde(default)]
    pub required: bool,
    /// Keep a binary image of the loaded gazetteer in a cache folder, so later runs skip
    /// parsing the TSV files (0.5 s of CPU and 80 MB at peak). Outputs are the same either way.
    #[serde(default = "yes")]
    pub cache: bool,
    /// The cache folder; when absent `$NEWSMILL_CACHE_DIR`, else the user's cache folder
    /// (`$XDG_CACHE_HOME/newsmill` or `~/.cache/newsmill`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_dir: Option<String>,
}

fn yes() -> bool {
    true
}

fn default_dir() -> String {
    "../shared/data/gazetteers/geonames".to_string()
}

impl Default for PlacesOptions {
    fn default() -> Self {
        PlacesOptions {
            geonames_dir: default_dir(),
            required: false,
            cache: true,
            cache_dir: None,
        }
    }
}

/// Geocodes the location entities of each article into `annotations.geocodes`.
#[derive(Debug)]
pub struct PlacesStage {
    pub options: PlacesOptions,
    gazetteer: OnceLock<Option<Arc<Gazetteer>>>,
}

impl PlacesStage {
    pub fn new(options: PlacesOptions) -> Self {
        PlacesStage {
            options,
            gazetteer: OnceLock::new(),
        }
    }

    /// The gazetteer, loaded on first use (so `newsmill check` stays fast) and shared by
    /// every stage built from the same folder in this process.
    pub fn gazetteer(&self) -> Option<&Gazetteer> {
        self.gazetteer
            .get_or_init(|| shared(&locate(&self.options.geonames_dir), self.cache_dir()))
            .as_deref()
    }

    fn cache_dir(&self) -> Option<PathBuf> {
        if !self.options.cache {
            return None;
        }
        match &self.options.cache_dir {
            Some(dir) => Some(PathBuf::from(dir)),
            None => cache::default_cache_dir(),
        }
    }
}

/// Where a configured gazetteer folder is: as given when absolute or present from the
/// working directory, else the first of [`search_bases`] that has it; as given when none
/// does (the load then warns with that path).
pub fn locate(dir: &str) -> PathBuf {
    locate_from(Path::new(dir), &search_bases())
}

fn locate_from(dir: &Path, bases: &[PathBuf]) -> PathBuf {
    if dir.is_absolute() || dir.is_dir() {
        return dir.to_path_buf();
    }
    bases
        .iter()
        .map(|base| base.join(dir))
        .find(|candidate| candidate.is_dir())
        .unwrap_or_else(|| dir.to_path_buf())
}

/// The repository root this crate was built in (`../shared` is beside it), then every
/// folder above the running executable (`target/release/newsmill` of a checkout).
fn search_bases() -> Vec<PathBuf> {
    let mut bases = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")];
    if let Ok(exe) = std::env::current_exe() {
        bases.extend(exe.ancestors().skip(1).map(Path::to_path_buf));
    }
    bases
}

fn shared(dir: &Path, cache: Option<PathBuf>) -> Option<Arc<Gazetteer>> {
    static LOADED: OnceLock<Mutex<HashMap<PathBuf, Option<Arc<Gazetteer>>>>> = OnceLock::new();
    let mut loaded = LOADED
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    loaded
        .entry(dir.to_path_buf())
        .or_insert_with(|| match cache::load(dir, cache.as_deref()) {
            Ok((g, source)) => {
                tracing::debug!("link.places: gazetteer of {}: {source:?}", dir.display());
                Some(Arc::new(g))
            }
            Err(error) => {
                tracing::warn!(
                    "link.places: cannot read the gazetteer in {}: {error}; places stay ungeocoded",
                    dir.display()
                );
                None
            }
        })
        .clone()
}

impl Stage for PlacesStage {
    fn process(
        &self,
        article: &mut Article,
        counters: &mut StageCounters,
    ) -> Result<Outcome, StageError> {
        let Some(gaz) = self.gazetteer() else {
            counters.add("gazetteer_missing", 1);
            article.annotations.geocodes.clear();
            return Ok(Outcome::Keep);
        };
        let geocodes = geocode(article, gaz);
        for g in &geocodes {
            counters.add(
                if g.geonames_id.is_some() {
                    "located"
                } else {
                    "country_only"
                },
                1,
            );
        }
        article.annotations.geocodes = geocodes;
        Ok(Outcome::Keep)
    }
}

pub fn factories() -> Vec<StageFactory> {
    vec![StageFactory {
        name: "link.places",
        summary: "Geocode location entities with GeoNames: id, country, admin1, coordinates, and how it was decided",
        options: newsmill_core::option_docs::<PlacesOptions>,
        example: "[[stage]]\nuse = \"link.places\"\ngeonames_dir = \"../shared/data/gazetteers/geonames\"\nrequired = false\n",
        reads: &[Family::Entities],
        writes: &[Family::Places],
        build,
    }]
}

fn build(table: &StageTable) -> Result<Box<dyn Stage>, Vec<ConfigIssue>> {
    let options: PlacesOptions = parse_options(table)?;
    let dir = locate(&options.geonames_dir);
    if options.required && !dir.join("places_cities500.tsv").is_file() {
        let line = table
            .text
            .lines()
            .position(|l| l.trim_start().starts_with("geonames_dir"))
            .map(|i| table.first_line + i);
        return Err(vec![table
            .issue(
                line,
                format!(
                    "no GeoNames gazetteer in {} (places_cities500.tsv)",
                    dir.display()
                ),
            )
            .with_key("geonames_dir")]);
    }
    Ok(Box::new(PlacesStage::new(options)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_folders_are_found_from_the_bases_when_not_from_the_working_directory() {
        let base = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(base.path().join("data/geo")).unwrap();
        let bases = [PathBuf::from("/nonexistent"), base.path().to_path_buf()];
        assert_eq!(
            locate_from(Path::new("data/geo"), &bases),
            base.path().join("data/geo")
        );
        // Missing everywhere: as given, so the warning names what the config says.
        assert_eq!(
            locate_from(Path::new("no/such/dir"), &bases),
            PathBuf::from("no/such/dir")
        );
        // The default folder is found from this crate's own folder too (the test's working
        // directory), when the data is on this machine.
        if Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared")
            .is_dir()
        {
            assert!(locate(&default_dir()).join("countries.tsv").is_file());
        } else {
            eprintln!("skipped the default-folder check: ../shared is absent");
        }
    }

    #[test]
    fn example_builds_and_a_required_missing_folder_is_an_issue() {
        for factory in factories() {
            newsmill_core::testing::check_factory(&factory);
        }
        let table = StageTable::from_options(
            "link.places",
            "geonames_dir = \"/nonexistent\"\nrequired = true",
        );
        let issues = build(&table).err().unwrap();
        assert_eq!(issues[0].key.as_deref(), Some("geonames_dir"));
        let table = StageTable::from_options("link.places", "geonames_dir = \"/nonexistent\"");
        let stage = build(&table).unwrap();
        let mut article = Article::new("a", "a.txt");
        let mut counters = StageCounters::default();
        assert_eq!(
            stage.process(&mut article, &mut counters),
            Ok(Outcome::Keep)
        );
        assert_eq!(counters.0.get("gazetteer_missing"), Some(&1));
    }
}
