//! The `extract.entities` stage: options, build (loads the tagger once) and per-article
//! processing (tag every block as one document, then [`annotate`]).

use std::ops::Range;
use std::path::PathBuf;

use newsmill_core::{
    parse_options, Article, ConfigIssue, EntityKind, Family, Outcome, Stage, StageCounters,
    StageError, StageFactory, StageTable,
};
use newsmill_tagger::Tagger;
use serde::{Deserialize, Serialize};

use crate::annotate::{annotate, Settings};
use crate::gazetteer::Gazetteer;

const EXAMPLE: &str = "\
[[stage]]
use = \"extract.entities\"
types = [\"person\", \"organization\", \"location\", \"misc\"]
min_mentions = 1
link_acronyms = true
strip_titles = true
gazetteer_fix = true
add_missed = true";

/// The stages this crate registers.
pub fn factories() -> Vec<StageFactory> {
    vec![StageFactory {
        name: "extract.entities",
        summary: "Find people, organisations, places and other names; normalise them per article (titles, surnames, acronyms).",
        options: newsmill_core::option_docs::<Options>,
        example: EXAMPLE,
        reads: &[],
        writes: &[Family::Entities],
        build,
    }]
}

#[derive(Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
struct Options {
    /// A tagger model file written by `newsmill train-ner`.
    model: Option<PathBuf>,
    /// Kinds of entity to keep (of person|organization|location|misc).
    types: Vec<String>,
    /// Drop entities mentioned fewer times in the article (>= 1).
    min_mentions: usize,
    /// Link acronyms to the long form the article defines or whose initials they spell.
    link_acronyms: bool,
    /// Take titles and roles off person names ("President Barack Obama" -> "Barack Obama").
    strip_titles: bool,
    /// Correct the tagger's types with the gazetteers (places, nationalities, organisations).
    gazetteer_fix: bool,
    /// Add gazetteer places, names after a title and repeats of known names that the tagger
    /// missed.
    add_missed: bool,
}

impl Default for Options {
    fn default() -> Self {
        let settings = Settings::default();
        Options {
            model: None,
            types: settings
                .types
                .iter()
                .map(|k| k.as_str().to_string())
                .collect(),
            min_mentions: settings.min_mentions,
            link_acronyms: settings.link_acronyms,
            strip_titles: settings.strip_titles,
            gazetteer_fix: settings.gazetteer_fix,
            add_missed: settings.add_missed,
        }
    }
}

fn kind_named(name: &str) -> Option<EntityKind> {
    [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Location,
        EntityKind::Misc,
    ]
    .into_iter()
    .find(|k| k.as_str() == name || k.conll().eq_ignore_ascii_case(name))
}

/// The tagger a stage runs: the embedded one, shared, or one loaded from a file.
enum TaggerRef {
    Embedded(&'static Tagger),
    Loaded(Box<Tagger>),
}

impl TaggerRef {
    fn get(&self) -> &Tagger {
        match self {
            TaggerRef::Embedded(t) => t,
            TaggerRef::Loaded(t) => t,
        }
    }
}

/// The built stage: the tagger, the gazetteers and the settings, shared by all threads.
pub struct ExtractEntities {
    tagger: TaggerRef,
    gazetteer: &'static Gazetteer,
    settings: Settings,
}

fn build(table: &StageTable) -> Result<Box<dyn Stage>, Vec<ConfigIssue>> {
    let options: Options = parse_options(table)?;
    let mut issues = Vec::new();
    let mut types = Vec::new();
    for name in &options.types {
        match kind_named(name) {
            Some(kind) if !types.contains(&kind) => types.push(kind),
            Some(_) => {}
            None => issues.push(
                table
                    .issue(None, format!("unknown entity type `{name}` (valid: person, organization, location, misc)"))
                    .with_key("types"),
            ),
        }
    }
    if options.types.is_empty() {
        issues.push(
            table
                .issue(None, "types is empty: the stage would keep nothing")
                .with_key("types"),
        );
    }
    if options.min_mentions == 0 {
        issues.push(
            table
                .issue(None, "min_mentions must be at least 1")
                .with_key("min_mentions"),
        );
    }
    let tagger = match &options.model {
        // The embedded model is decoded on first use; no need when the options are wrong.
        None if !issues.is_empty() => None,
        None => Some(TaggerRef::Embedded(Tagger::embedded())),
        Some(path) => match Tagger::load(path) {
            Ok(t) => Some(TaggerRef::Loaded(Box::new(t))),
            Err(err) => {
                issues.push(
                    table
                        .issue(None, format!("cannot load model: {err:#}"))
                        .with_key("model"),
                );
                None
            }
        },
    };
    let Some(tagger) = tagger.filter(|_| issues.is_empty()) else {
        return Err(issues);
    };
    let settings = Settings {
        types,
        min_mentions: options.min_mentions,
        link_acronyms: options.link_acronyms,
        strip_titles: options.strip_titles,
        gazetteer_fix: options.gazetteer_fix,
        add_missed: options.add_missed,
    };
    Ok(Box::new(ExtractEntities {
        tagger,
        gazetteer: Gazetteer::embedded(),
        settings,
    }))
}

impl ExtractEntities {
    /// A stage over the embedded tagger with these settings (for library users and tests).
    pub fn new(settings: Settings) -> Self {
        ExtractEntities {
            tagger: TaggerRef::Embedded(Tagger::embedded()),
            gazetteer: Gazetteer::embedded(),
            settings,
        }
    }

    /// Tags the blocks as one document (so document-level evidence crosses blocks) and
    /// returns each block's entity spans.
    pub fn tag_blocks(&self, blocks: &[&str]) -> Vec<Vec<(Range<usize>, EntityKind)>> {
        let shared = newsmill_text::ArticleTokens {
            blocks: blocks
                .iter()
                .map(|t| newsmill_text::block_tokens(t))
                .collect(),
        };
        self.tag_tokens(blocks, &shared)
    }

    /// [`Self::tag_blocks`] over tokens already made (the article's shared token layer).
    pub fn tag_tokens(
        &self,
        blocks: &[&str],
        shared: &newsmill_text::ArticleTokens,
    ) -> Vec<Vec<(Range<usize>, EntityKind)>> {
        let mut sentences: Vec<Vec<&str>> = Vec::new();
        // (block, token ranges of each sentence)
        let mut origin: Vec<(usize, Vec<Range<usize>>)> = Vec::new();
        for (b, (text, block)) in blocks.iter().zip(&shared.blocks).enumerate() {
            if text.trim().is_empty() {
                continue;
            }
            let tokens = &block.tokens;
            for range in block.sentences.iter().cloned() {
                let Some(sentence) = tokens.get(range) else {
                    continue;
                };
                sentences.push(sentence.iter().map(|t| t.text(text)).collect());
                origin.push((b, sentence.iter().map(|t| t.start..t.end).collect()));
            }
        }
        let tags = self.tagger.get().tag_document(&sentences);
        let mut out = vec![Vec::new(); blocks.len()];
        for (((block, spans), words), tags) in origin.iter().zip(&sentences).zip(&tags) {
            for (range, kind) in newsmill_tagger::entity_spans(words, tags) {
                if let (Some(a), Some(z)) = (spans.get(range.start), spans.get(range.end - 1)) {
                    out[*block].push((a.start..z.end, kind));
                }
            }
        }
        out
    }
}

impl Stage for ExtractEntities {
    fn process(
        &self,
        article: &mut Article,
        counters: &mut StageCounters,
    ) -> Result<Outcome, StageError> {
        let blocks: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
        let tagged = self.tag_tokens(&blocks, &newsmill_text::article_tokens(article));
        let (entities, mentions) = annotate(&blocks, &tagged, &self.settings, self.gazetteer);
        counters.add("entities", entities.len() as u64);
        counters.add("entity_mentions", mentions.len() as u64);
        article.annotations.entities = entities;
        article.annotations.mentions = mentions;
        Ok(Outcome::Keep)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_core::Block;

    /// The option lines of a `[[stage]]` example (no header, no `use`).
    fn build_with(body: &str) -> Result<Box<dyn Stage>, Vec<ConfigIssue>> {
        build(&StageTable::from_options("extract.entities", body))
    }

    #[test]
    fn every_example_builds_and_every_option_is_documented() {
        for factory in factories() {
            newsmill_core::testing::check_factory(&factory);
        }
    }

    #[test]
    fn bad_options_are_reported_with_their_keys() {
        let issues = build_with("typess = [\"person\"]").err().unwrap();
        assert_eq!(issues[0].suggestion.as_deref(), Some("types"));
        let issues = build_with("types = [\"people\"]\nmin_mentions = 0")
            .err()
            .unwrap();
        let keys: Vec<_> = issues.iter().filter_map(|i| i.key.as_deref()).collect();
        assert_eq!(keys, ["types", "min_mentions"]);
        let issues = build_with("model = \"/nonexistent/ner.bin\"")
            .err()
            .unwrap();
        assert_eq!(issues[0].key.as_deref(), Some("model"));
    }

    #[test]
    fn process_fills_entities_and_mentions() {
        let stage = build_with("types = [\"PER\", \"location\"]").unwrap();
        let mut article = Article::new("a", "a.txt");
        article.blocks = vec![
            Block::heading(1, "Obama visits Baghdad"),
            Block::paragraph(""),
            Block::paragraph("President Barack Obama met Iraqi Prime Minister Nuri al-Maliki in Baghdad on Monday. Obama said al-Maliki had asked for help."),
        ];
        let mut counters = StageCounters::default();
        assert_eq!(
            stage.process(&mut article, &mut counters).unwrap(),
            Outcome::Keep
        );
        let entities = &article.annotations.entities;
        let names: Vec<(&str, EntityKind)> =
            entities.iter().map(|e| (e.name.as_str(), e.kind)).collect();
        assert!(
            names.contains(&("Barack Obama", EntityKind::Person)),
            "{names:?}"
        );
        assert!(
            names.contains(&("Nuri al-Maliki", EntityKind::Person)),
            "{names:?}"
        );
        assert!(
            names.contains(&("Baghdad", EntityKind::Location)),
            "{names:?}"
        );
        assert!(entities
            .iter()
            .all(|e| matches!(e.kind, EntityKind::Person | EntityKind::Location)));
        let obama = entities.iter().find(|e| e.name == "Barack Obama").unwrap();
        assert_eq!(obama.mentions, 3);
        assert_eq!(obama.first, newsmill_core::Span::new(0, 0, 5));
        assert_eq!(
            counters.0.get("entity_mentions").copied(),
            Some(article.annotations.mentions.len() as u64)
        );
    }
}
