//! `clean.markup`: Markdown and HTML left in block text after reading.
//!
//! The Markdown reader already turns emphasis and links into plain text, but plain-text
//! files often hold Markdown (the seed article is Markdown saved as `.txt`), and HTML
//! fragments and character references survive copy-paste. This stage removes them and
//! turns `#` heading lines, `>` quote lines and bullet lines into structure.

use std::borrow::Cow;

use newsmill_core::{
    parse_options, Article, Block, BlockKind, ConfigIssue, Outcome, Stage, StageCounters,
    StageError, StageFactory, StageTable,
};
use regex::{Captures, Regex};
use serde::{Deserialize, Serialize};

use crate::entities::decode_entities;

pub const NAME: &str = "clean.markup";

#[derive(Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
struct MarkupOptions {
    /// Drop `![alt](url)` images; false keeps the alt text.
    drop_images: bool,
    /// Write links as `text (url)` instead of `text`.
    keep_link_urls: bool,
    /// Decode `&amp;`, `&#8217;` and the like.
    decode_entities: bool,
    /// Remove `<tags>` (`<br>` becomes a line break; script/style content goes too).
    strip_html_tags: bool,
    /// `# x` lines become headings, `> x` blocks quotes, bullet lines list items.
    structure: bool,
}

impl Default for MarkupOptions {
    fn default() -> Self {
        MarkupOptions {
            drop_images: true,
            keep_link_urls: false,
            decode_entities: true,
            strip_html_tags: true,
            structure: true,
        }
    }
}

pub fn factory() -> StageFactory {
    StageFactory {
        name: NAME,
        summary: "Remove Markdown/HTML remnants (emphasis, links, images, tags, entities); # lines become headings.",
        options: newsmill_core::option_docs::<MarkupOptions>,
        example: "drop_images = true\nkeep_link_urls = false\ndecode_entities = true\nstrip_html_tags = true\nstructure = true",
        reads: &[],
        writes: &[],
        build,
    }
}

fn build(table: &StageTable) -> Result<Box<dyn Stage>, Vec<ConfigIssue>> {
    let options: MarkupOptions = parse_options(table)?;
    Ok(Box::new(MarkupStage::new(options)))
}

/// Regexes compiled once; all patterns are fixed, so compile failures are programming errors.
struct Patterns {
    script: Regex,
    comment: Regex,
    line_break_tag: Regex,
    tag: Regex,
    autolink: Regex,
    image: Regex,
    link: Regex,
    reference_link: Regex,
    link_definition: Regex,
    strong: Regex,
    strong_underscore: Regex,
    emphasis_star: Regex,
    emphasis_underscore: Regex,
    strike: Regex,
    code: Regex,
    stray_strong: Regex,
    escape: Regex,
    heading: Regex,
    bullet: Regex,
    rule: Regex,
}

impl Patterns {
    fn new() -> Self {
        let re = |p: &str| Regex::new(p).expect("fixed markup pattern compiles");
        Patterns {
            script: re(r"(?is)<(?:script|style)\b.*?</(?:script|style)\s*>"),
            comment: re(r"(?s)<!--.*?-->"),
            line_break_tag: re(r"(?i)<br\s*/?>"),
            tag: re(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>"),
            autolink: re(r"<((?:https?|ftp)://[^<>\s]+|[^<>\s@]+@[^<>\s@]+\.[A-Za-z]+)>"),
            image: re(r#"!\[([^\]\n]*)\](?:\([^)\n]*\)|\[[^\]\n]*\])"#),
            link: re(r#"\[([^\]\n]+)\]\(\s*([^)\s]*)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)"#),
            reference_link: re(r"\[([^\]\n]+)\]\[[^\]\n]*\]"),
            link_definition: re(r#"(?m)^[ \t]{0,3}\[[^\]\n]+\]:[ \t]+\S+.*$"#),
            strong: re(r"\*\*\*?([^\s*](?:[^\n]*?[^\s*])?)\*?\*\*"),
            strong_underscore: re(
                r"(^|[^\p{L}\p{N}_])__([^\s_](?:[^\n]*?[^\s_])?)__($|[^\p{L}\p{N}_])",
            ),
            emphasis_star: re(r"\*([^\s*](?:[^*\n]*?[^\s*])?)\*"),
            emphasis_underscore: re(
                r"(^|[^\p{L}\p{N}_])_([^\s_](?:[^_\n]*?[^\s_])?)_($|[^\p{L}\p{N}_])",
            ),
            strike: re(r"~~([^~\n]+)~~"),
            code: re(r"`+([^`\n]+?)`+"),
            // Exactly two markers: "f***" (a censored word) and "***" rules are not markup.
            stray_strong: re(r"(^|[^*])\*\*([^*]|$)|(^|\s)__(\s|$)"),
            escape: re(r"\\([\\`*_{}\[\]()#+\-.!>~|])"),
            heading: re(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$"),
            bullet: re(r"^[ \t]{0,3}[-*+•▪◦·][ \t]+(.*)$"),
            rule: re(r"^[ \t]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$"),
        }
    }
}

pub struct MarkupStage {
    options: MarkupOptions,
    re: Patterns,
}

/// Characters whose absence proves a block has no markup: the common case, skipped fast.
const MARKUP_CHARS: &[char] = &[
    '*', '_', '[', ']', '<', '>', '&', '#', '!', '~', '`', '\\', '-', '+', '•', '▪', '◦', '·',
];

impl MarkupStage {
    fn new(options: MarkupOptions) -> Self {
        MarkupStage {
            options,
            re: Patterns::new(),
        }
    }

    /// Inline cleanup of one block's text.
    fn clean_inline(&self, text: &str, counters: &mut StageCounters) -> String {
        let mut counts = [0u64; 5]; // tags, links, images, emphasis, entities
        let mut text: Cow<str> = Cow::Borrowed(text);
        let re = &self.re;
        if self.options.strip_html_tags && text.contains('<') {
            text = Cow::Owned(re.autolink.replace_all(&text, "$1").into_owned());
            for pattern in [&re.script, &re.comment] {
                text = Cow::Owned(replace_counted(pattern, &text, &mut counts[0], |_| {
                    String::new()
                }));
            }
            text = Cow::Owned(re.line_break_tag.replace_all(&text, "\n").into_owned());
            text = Cow::Owned(replace_counted(&re.tag, &text, &mut counts[0], |_| {
                String::new()
            }));
        }
        if text.contains('[') {
            let keep_alt = !self.options.drop_images;
            text = Cow::Owned(replace_counted(&re.image, &text, &mut counts[2], |c| {
                if keep_alt {
                    c[1].to_string()
                } else {
                    String::new()
                }
            }));
            let keep_urls = self.options.keep_link_urls;
            text = Cow::Owned(replace_counted(&re.link, &text, &mut counts[1], |c| {
                let url = c.get(2).map_or("", |m| m.as_str());
                if keep_urls && !url.is_empty() && url != &c[1] {
                    format!("{} ({url})", &c[1])
                } else {
                    c[1].to_string()
                }
            }));
            text = Cow::Owned(replace_counted(
                &re.reference_link,
                &text,
                &mut counts[1],
                |c| c[1].to_string(),
            ));
            text = Cow::Owned(re.link_definition.replace_all(&text, "").into_owned());
        }
        if text.contains(['*', '_', '~', '`']) {
            text = Cow::Owned(replace_counted(&re.strong, &text, &mut counts[3], |c| {
                c[1].to_string()
            }));
            text = Cow::Owned(replace_counted(
                &re.strong_underscore,
                &text,
                &mut counts[3],
                |c| format!("{}{}{}", &c[1], &c[2], &c[3]),
            ));
            text = Cow::Owned(replace_counted(
                &re.emphasis_star,
                &text,
                &mut counts[3],
                |c| c[1].to_string(),
            ));
            text = Cow::Owned(replace_counted(
                &re.emphasis_underscore,
                &text,
                &mut counts[3],
                |c| format!("{}{}{}", &c[1], &c[2], &c[3]),
            ));
            text = Cow::Owned(replace_counted(&re.strike, &text, &mut counts[3], |c| {
                c[1].to_string()
            }));
            text = Cow::Owned(replace_counted(&re.code, &text, &mut counts[3], |c| {
                c[1].to_string()
            }));
            text = Cow::Owned(replace_counted(
                &re.stray_strong,
                &text,
                &mut counts[3],
                // Keep what surrounded the unmatched marker.
                |c| {
                    let keep = |i: usize| c.get(i).map_or("", |m| m.as_str());
                    format!("{}{}{}{}", keep(1), keep(2), keep(3), keep(4))
                },
            ));
        }
        if text.contains('\\') {
            text = Cow::Owned(re.escape.replace_all(&text, "$1").into_owned());
        }
        if self.options.decode_entities && text.contains('&') {
            let (decoded, n) = decode_entities(&text);
            counts[4] += n as u64;
            text = Cow::Owned(decoded);
        }
        for (key, n) in [
            "markup_tags",
            "markup_links",
            "markup_images",
            "markup_emphasis",
            "markup_entities",
        ]
        .iter()
        .zip(counts)
        {
            if n > 0 {
                counters.add(key, n);
            }
        }
        text.lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n")
            .trim_matches('\n')
            .to_string()
    }

    /// Splits a paragraph whose lines carry block markup into heading, quote and list blocks.
    fn restructure(&self, block: Block, out: &mut Vec<Block>, counters: &mut StageCounters) {
        if block.kind != BlockKind::Paragraph {
            out.push(block);
            return;
        }
        let re = &self.re;
        let lines: Vec<&str> = block.text.lines().collect();
        let is_list = lines.first().is_some_and(|l| re.bullet.is_match(l));
        let is_quote = !lines.is_empty() && lines.iter().all(|l| l.trim_start().starts_with('>'));
        let needs_work = is_list
            || is_quote
            || lines
                .iter()
                .any(|l| l.starts_with('#') && re.heading.is_match(l) || re.rule.is_match(l));
        if !needs_work {
            out.push(block);
            return;
        }
        if is_quote {
            let text = lines
                .iter()
                .map(|l| strip_quote_marker(l))
                .collect::<Vec<_>>()
                .join("\n");
            out.push(Block {
                kind: BlockKind::BlockQuote,
                text,
                source: block.source,
            });
            counters.add("markup_quotes", 1);
            return;
        }
        let mut current: Option<Block> = None;
        let flush = |current: &mut Option<Block>, out: &mut Vec<Block>| {
            if let Some(b) = current.take().filter(|b| !b.text.trim().is_empty()) {
                out.push(b);
            }
        };
        for line in lines {
            if re.rule.is_match(line) {
                flush(&mut current, out);
                counters.add("markup_rules", 1);
            } else if let Some(c) = re.heading.captures(line) {
                flush(&mut current, out);
                let level = c[1].len() as u8;
                out.push(Block {
                    kind: BlockKind::Heading(level),
                    text: c[2].to_string(),
                    source: block.source.clone(),
                });
                counters.add("markup_headings", 1);
            } else if let Some(c) = re.bullet.captures(line).filter(|_| is_list) {
                flush(&mut current, out);
                current = Some(Block {
                    kind: BlockKind::ListItem,
                    text: c[1].to_string(),
                    source: block.source.clone(),
                });
                counters.add("markup_list_items", 1);
            } else if let Some(b) = current.as_mut() {
                b.text.push('\n');
                b.text.push_str(line.trim_start());
            } else {
                current = Some(Block {
                    kind: BlockKind::Paragraph,
                    text: line.to_string(),
                    source: block.source.clone(),
                });
            }
        }
        flush(&mut current, out);
    }
}

fn strip_quote_marker(line: &str) -> &str {
    let line = line.trim_start();
    let line = line.strip_prefix('>').unwrap_or(line);
    line.strip_prefix(' ').unwrap_or(line)
}

fn replace_counted(
    re: &Regex,
    text: &str,
    count: &mut u64,
    mut f: impl FnMut(&Captures) -> String,
) -> String {
    re.replace_all(text, |c: &Captures| {
        *count += 1;
        f(c)
    })
    .into_owned()
}

impl Stage for MarkupStage {
    fn process(
        &self,
        article: &mut Article,
        counters: &mut StageCounters,
    ) -> Result<Outcome, StageError> {
        let blocks = std::mem::take(&mut article.blocks);
        let mut out = Vec::with_capacity(blocks.len());
        for mut block in blocks {
            if block.text.contains(MARKUP_CHARS) {
                block.text = self.clean_inline(&block.text, counters);
                if self.options.structure {
                    self.restructure(block, &mut out, counters);
                    continue;
                }
            }
            out.push(block);
        }
        let before = out.len();
        out.retain(|b| !b.text.trim().is_empty());
        if out.len() < before {
            counters.add("markup_empty_blocks", (before - out.len()) as u64);
        }
        article.blocks = out;
        Ok(Outcome::Keep)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(blocks: Vec<Block>) -> Vec<Block> {
        let stage = MarkupStage::new(MarkupOptions::default());
        let mut article = Article {
            blocks,
            ..Default::default()
        };
        stage
            .process(&mut article, &mut StageCounters::default())
            .unwrap();
        article.blocks
    }

    fn texts(blocks: &[Block]) -> Vec<&str> {
        blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn removes_inline_markdown() {
        let out = clean(vec![
            Block::paragraph("the *New York Times* reported, **Bill**  \n_said_ ~~no~~ `x`"),
            Block::paragraph("**[wsws.org/contact](http://wsws.org/contact)**"),
            Block::paragraph("See ![a chart](img.png)[the report][1] and <http://x.org/a>."),
            Block::paragraph("snake_case_name stays, 5 * 3 * 2 stays, f*** stays, stray ** goes"),
        ]);
        assert_eq!(
            texts(&out),
            [
                "the New York Times reported, Bill\nsaid no x",
                "wsws.org/contact",
                "See the report and http://x.org/a.",
                "snake_case_name stays, 5 * 3 * 2 stays, f*** stays, stray  goes",
            ]
        );
    }

    #[test]
    fn strips_html_and_decodes_entities() {
        let out = clean(vec![Block::paragraph(
            "<p>AT&amp;T<br/>said <b>no</b>.<script>var x = 1;</script><!-- c --></p>",
        )]);
        assert_eq!(texts(&out), ["AT&T\nsaid no."]);
    }

    #[test]
    fn turns_markers_into_structure() {
        let out = clean(vec![
            Block::paragraph("# US prepares strikes #"),
            Block::paragraph("- one\n- two\n  continued"),
            Block::paragraph("> quoted\n> text"),
            Block::paragraph("***"),
            Block::paragraph("![only an image](x.png)"),
        ]);
        assert_eq!(
            texts(&out),
            [
                "US prepares strikes",
                "one",
                "two\ncontinued",
                "quoted\ntext"
            ]
        );
        assert_eq!(out[0].kind, BlockKind::Heading(1));
        assert_eq!(out[1].kind, BlockKind::ListItem);
        assert_eq!(out[3].kind, BlockKind::BlockQuote);
    }

    #[test]
    fn keep_options_keep_alt_text_and_urls() {
        let stage = MarkupStage::new(MarkupOptions {
            drop_images: false,
            keep_link_urls: true,
            ..Default::default()
        });
        let mut article = Article {
            blocks: vec![Block::paragraph("![Map](m.png) [site](http://a.b)")],
            ..Default::default()
        };
        stage
            .process(&mut article, &mut StageCounters::default())
            .unwrap();
        assert_eq!(article.blocks[0].text, "Map site (http://a.b)");
    }
}
