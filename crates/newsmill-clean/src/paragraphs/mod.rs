//! `clean.paragraphs`: repairs the text inside and between blocks: mojibake repair
//! ([`mojibake`]), Unicode and whitespace normalisation ([`unicode`]), hard-wrap undoing with de-hyphenation ([`lines`],
//! [`hyphen`]) and rejoining paragraphs split mid-sentence ([`join`]).

mod hyphen;
mod join;
mod lines;
mod mojibake;
mod unicode;

use newsmill_core::{
    parse_options, Article, ConfigIssue, Outcome, Stage, StageCounters, StageError, StageFactory,
    StageTable,
};
use serde::{Deserialize, Serialize};

use hyphen::Vocabulary;
use lines::UnwrapStats;
use unicode::NormalizeStats;

pub const NAME: &str = "clean.paragraphs";

#[derive(Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
struct ParagraphOptions {
    /// Repair UTF-8 that was read as windows-1252 and saved again ("PeÃ±a" -> "Peña",
    /// "donâ€™t" -> "don’t") in the blocks and the title.
    repair_mojibake: bool,
    /// NFC, remove zero-width characters and soft hyphens, no-break and other spaces become a
    /// space, squeeze spaces.
    normalize: bool,
    /// Curly quotes become ' and ", dashes become -, … becomes ...
    fold_punctuation: bool,
    /// Join the lines of a block (de-hyphenating broken words); blocks of short lines and lists
    /// keep their breaks.
    unwrap_lines: bool,
    /// Join a paragraph that ends without sentence punctuation to the next when that one
    /// continues it (starts lower-case, or the first ends with a comma or a word like "the").
    join_paragraphs: bool,
    /// A block whose lines (but the last) are all at most this long is treated as short lines
    /// (byline, address), not wrapped prose.
    short_line_chars: usize,
}

impl Default for ParagraphOptions {
    fn default() -> Self {
        ParagraphOptions {
            repair_mojibake: true,
            normalize: true,
            fold_punctuation: false,
            unwrap_lines: true,
            join_paragraphs: true,
            short_line_chars: 40,
        }
    }
}

pub fn factory() -> StageFactory {
    StageFactory {
        name: NAME,
        summary: "Normalise Unicode and whitespace, undo hard wraps and line-end hyphenation, rejoin paragraphs split mid-sentence.",
        options: newsmill_core::option_docs::<ParagraphOptions>,
        example: "repair_mojibake = true\nnormalize = true\nfold_punctuation = false\nunwrap_lines = true\njoin_paragraphs = true\nshort_line_chars = 40",
        reads: &[],
        writes: &[],
        build,
    }
}

fn build(table: &StageTable) -> Result<Box<dyn Stage>, Vec<ConfigIssue>> {
    let options: ParagraphOptions = parse_options(table)?;
    if options.short_line_chars == 0 {
        return Err(vec![table
            .issue(None, "short_line_chars must be at least 1")
            .with_key("short_line_chars")]);
    }
    Ok(Box::new(ParagraphStage { options }))
}

pub struct ParagraphStage {
    options: ParagraphOptions,
}

impl Stage for ParagraphStage {
    fn process(
        &self,
        article: &mut Article,
        counters: &mut StageCounters,
    ) -> Result<Outcome, StageError> {
        let o = &self.options;
        let mut norm = NormalizeStats::default();
        let mut mojibake_repaired = 0;
        if o.repair_mojibake {
            let texts = article
                .blocks
                .iter_mut()
                .map(|b| &mut b.text)
                .chain(article.meta.title.as_mut());
            for text in texts {
                if let Some((fixed, n)) = mojibake::repair(text) {
                    *text = fixed;
                    mojibake_repaired += n;
                }
            }
        }
        if o.normalize || o.fold_punctuation {
            for block in &mut article.blocks {
                block.text = unicode::normalize(&block.text, o.fold_punctuation, &mut norm);
            }
            article.blocks.retain(|b| !b.text.is_empty());
        }
        // The article's own words decide doubtful line-end hyphens. Copying them is only
        // worth it when some hyphen sits at a line or block end.
        let needs_vocabulary = article
            .blocks
            .iter()
            .any(|b| b.text.contains("-\n") || b.text.ends_with('-'));
        let texts: Vec<String> = if needs_vocabulary {
            article.blocks.iter().map(|b| b.text.clone()).collect()
        } else {
            Vec::new()
        };
        let make_vocabulary = || Vocabulary::from_texts(texts.iter().map(String::as_str));
        let mut vocabulary = None;
        let mut stats = UnwrapStats::default();
        if o.unwrap_lines {
            for block in &mut article.blocks {
                block.text = lines::join_lines(
                    &block.text,
                    o.short_line_chars,
                    &mut vocabulary,
                    &make_vocabulary,
                    &mut stats,
                );
            }
        }
        let joined = if o.join_paragraphs {
            join::join_paragraphs(
                &mut article.blocks,
                &mut vocabulary,
                &make_vocabulary,
                &mut stats,
            )
        } else {
            0
        };
        for (key, n) in [
            ("mojibake_repaired", mojibake_repaired),
            ("invisible_removed", norm.invisible_removed),
            ("spaces_replaced", norm.spaces_replaced),
            ("punctuation_folded", norm.punctuation_folded),
            ("lines_unwrapped", stats.lines_unwrapped),
            ("words_dehyphenated", stats.words_dehyphenated),
            ("hyphens_kept", stats.hyphens_kept),
            ("paragraphs_joined", joined),
        ] {
            if n > 0 {
                counters.add(key, n);
            }
        }
        Ok(Outcome::Keep)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_core::{Block, BlockKind};

    fn run(options: &str, blocks: Vec<Block>) -> (Vec<Block>, StageCounters) {
        let stage = build(&StageTable::from_options(NAME, options)).unwrap();
        let mut article = Article {
            blocks,
            ..Default::default()
        };
        let mut counters = StageCounters::default();
        stage.process(&mut article, &mut counters).unwrap();
        (article.blocks, counters)
    }

    #[test]
    fn repairs_a_hard_wrapped_article() {
        let (blocks, counters) = run(
            "",
            vec![
                Block::heading(1, "Talks\u{A0}resume"),
                Block::paragraph(
                    "The inter-\nnational talks resumed on Monday in Geneva, where envoys of the\nself-\nreliant government met\u{200B} the opposition for the first time since\nthe co-operation deal.",
                ),
                Block::paragraph("The envoys said the talks had been long, but that the\n"),
                Block::paragraph("co-\noperation had held."),
                Block { kind: BlockKind::ListItem, text: "first point".into(), source: None },
            ],
        );
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Talks resume",
                "The international talks resumed on Monday in Geneva, where envoys of the self-reliant government met the opposition for the first time since the co-operation deal.",
                "The envoys said the talks had been long, but that the co-operation had held.",
                "first point",
            ]
        );
        assert_eq!(counters.0.get("words_dehyphenated"), Some(&1));
        assert_eq!(counters.0.get("hyphens_kept"), Some(&2));
        assert_eq!(counters.0.get("paragraphs_joined"), Some(&1));
        assert_eq!(counters.0.get("invisible_removed"), Some(&1));
    }

    #[test]
    fn options_switch_steps_off() {
        let input = vec![
            Block::paragraph("one of Washington’s own"),
            Block::paragraph("making, and\nmore"),
        ];
        let (blocks, _) = run(
            "join_paragraphs = false\nunwrap_lines = false",
            input.clone(),
        );
        assert_eq!(blocks, input);
        let (blocks, _) = run("fold_punctuation = true", input);
        assert_eq!(blocks[0].text, "one of Washington's own making, and more");
    }
}
