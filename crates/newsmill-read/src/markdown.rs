//! Markdown body -> blocks, with pulldown-cmark's event stream (not regexes): headings,
//! paragraphs, list items and block quotes, as plain text with their source byte ranges.

use std::ops::Range;

use newsmill_core::{Block, BlockKind};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Blocks of the Markdown in `text`. `offset` is where `text` starts in the article's raw
/// text (after front matter), so `Block::source` ranges point into the raw text.
///
/// Emphasis markers and images are dropped, links become their text, inline code is kept as
/// text, inline and block HTML are dropped, and soft and hard line breaks become `\n`.
/// Indented and fenced code is kept as a block of its own (news copy rarely has any, and when
/// it does it is usually mis-indented prose).
pub(crate) fn markdown_blocks(text: &str, offset: usize) -> Vec<Block> {
    let mut builder = BlockBuilder {
        offset,
        ..BlockBuilder::default()
    };
    for (event, range) in Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH).into_offset_iter() {
        builder.event(event, range);
    }
    builder.flush(text.len());
    builder.blocks
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    /// A list item, with the byte where it starts (tight items have no paragraph of their own).
    Item(usize),
    List,
    Quote,
}

struct OpenBlock {
    kind: BlockKind,
    text: String,
    start: usize,
}

#[derive(Default)]
struct BlockBuilder {
    offset: usize,
    blocks: Vec<Block>,
    containers: Vec<Container>,
    open: Option<OpenBlock>,
    /// Depth of images (their alt text is not body text) and of HTML/metadata blocks.
    hidden: usize,
}

impl BlockBuilder {
    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(t) | Event::Code(t) if self.hidden == 0 => self.push_text(&t, range.start),
            Event::SoftBreak | Event::HardBreak if self.hidden == 0 => {
                if let Some(open) = &mut self.open {
                    open.text.push('\n');
                }
            }
            Event::Rule => self.flush(range.start),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Paragraph | Tag::CodeBlock(_) => {
                self.open_block(self.container_kind(), range.start)
            }
            Tag::Heading { level, .. } => {
                self.open_block(BlockKind::Heading(heading_level(level)), range.start)
            }
            Tag::Item => {
                self.flush(range.start);
                self.containers.push(Container::Item(range.start));
            }
            Tag::List(_) => {
                self.flush(range.start);
                self.containers.push(Container::List);
            }
            Tag::BlockQuote(_) => {
                self.flush(range.start);
                self.containers.push(Container::Quote);
            }
            Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                self.flush(range.start);
                self.hidden += 1;
            }
            Tag::Image { .. } => self.hidden += 1,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock => self.flush(range.end),
            TagEnd::Item | TagEnd::List(_) | TagEnd::BlockQuote(_) => {
                self.flush(range.end);
                self.containers.pop();
            }
            TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) | TagEnd::Image => {
                self.hidden = self.hidden.saturating_sub(1);
            }
            _ => {}
        }
    }

    /// The kind of a paragraph opened here: a list item inside an item, a quote inside a quote.
    fn container_kind(&self) -> BlockKind {
        match self
            .containers
            .iter()
            .rev()
            .find(|c| **c != Container::List)
        {
            Some(Container::Item(_)) => BlockKind::ListItem,
            Some(Container::Quote) => BlockKind::BlockQuote,
            _ => BlockKind::Paragraph,
        }
    }

    fn open_block(&mut self, kind: BlockKind, start: usize) {
        self.flush(start);
        self.open = Some(OpenBlock {
            kind,
            text: String::new(),
            start,
        });
    }

    fn push_text(&mut self, text: &str, at: usize) {
        if self.open.is_none() {
            // Text straight inside a tight list item: the item is the block.
            let start = match self.containers.last() {
                Some(Container::Item(start)) => *start,
                _ => at,
            };
            self.open = Some(OpenBlock {
                kind: self.container_kind(),
                text: String::new(),
                start,
            });
        }
        if let Some(open) = &mut self.open {
            open.text.push_str(text);
        }
    }

    fn flush(&mut self, end: usize) {
        let Some(open) = self.open.take() else { return };
        let text = tidy(&open.text);
        if !text.is_empty() {
            let source = self.offset + open.start..self.offset + end.max(open.start);
            self.blocks.push(Block {
                kind: open.kind,
                text,
                source: Some(source),
            });
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Trims each line's trailing spaces and the block's outer whitespace.
fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text.trim().split('\n').map(str::trim_end).collect();
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds_and_texts(md: &str) -> Vec<(BlockKind, String)> {
        markdown_blocks(md, 0)
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    #[test]
    fn headings_paragraphs_items_and_quotes() {
        let md = "# Title\n\nFirst *para* with [a link](http://x.org) and `code`.\n\n- one\n- two **bold**\n\n> quoted\n> text\n\n## Sub\n";
        assert_eq!(
            kinds_and_texts(md),
            [
                (BlockKind::Heading(1), "Title".to_string()),
                (
                    BlockKind::Paragraph,
                    "First para with a link and code.".to_string()
                ),
                (BlockKind::ListItem, "one".to_string()),
                (BlockKind::ListItem, "two bold".to_string()),
                (BlockKind::BlockQuote, "quoted\ntext".to_string()),
                (BlockKind::Heading(2), "Sub".to_string()),
            ]
        );
    }

    #[test]
    fn breaks_become_newlines_and_sources_point_at_markup() {
        let raw = "XX\n**Bill Van Auken**  \n27 December 2013\n";
        let blocks = markdown_blocks(&raw[3..], 3);
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].text, "Bill Van Auken\n27 December 2013");
        let source = blocks[0].source.clone().unwrap();
        assert!(raw[source].starts_with("**Bill Van Auken**"));
    }

    #[test]
    fn images_and_html_are_dropped() {
        let md = "![alt text](pic.png)\n\n<div class=\"ad\">\nBuy now\n</div>\n\nText <span>kept</span> here.\n";
        assert_eq!(
            kinds_and_texts(md),
            [(BlockKind::Paragraph, "Text kept here.".to_string())]
        );
    }

    #[test]
    fn loose_and_nested_lists() {
        let md = "1. first\n\n   more of first\n2. second\n   - inner\n";
        assert_eq!(
            kinds_and_texts(md),
            [
                (BlockKind::ListItem, "first".to_string()),
                (BlockKind::ListItem, "more of first".to_string()),
                (BlockKind::ListItem, "second".to_string()),
                (BlockKind::ListItem, "inner".to_string()),
            ]
        );
    }
}
