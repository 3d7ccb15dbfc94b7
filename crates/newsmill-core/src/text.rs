//! Offsets between block-local byte spans and body-level character offsets.

use crate::article::{Block, Span};

/// Separator between blocks in the exported body text.
pub const BLOCK_SEPARATOR: &str = "\n\n";

pub fn join_blocks(blocks: &[Block]) -> String {
    let mut out = String::with_capacity(blocks.iter().map(|b| b.text.len() + 2).sum());
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            out.push_str(BLOCK_SEPARATOR);
        }
        out.push_str(&block.text);
    }
    out
}

/// Maps block-local byte spans to character offsets in [`join_blocks`]'s output, without
/// building the joined string. Build once per article, then query many spans.
#[derive(Debug, Clone)]
pub struct OffsetMap {
    /// Character offset at which each block starts in the body text.
    block_char_start: Vec<usize>,
}

impl OffsetMap {
    pub fn new(blocks: &[Block]) -> Self {
        let sep = BLOCK_SEPARATOR.chars().count();
        let mut starts = Vec::with_capacity(blocks.len());
        let mut at = 0;
        for block in blocks {
            starts.push(at);
            at += block.text.chars().count() + sep;
        }
        OffsetMap {
            block_char_start: starts,
        }
    }

    /// Character offset of `span.start` in the body text. Spans that point past the blocks
    /// (a stage bug) clamp instead of panicking.
    pub fn char_offset(&self, blocks: &[Block], span: Span) -> usize {
        let Some(block) = blocks.get(span.block) else {
            return self.block_char_start.last().copied().unwrap_or(0);
        };
        let mut byte = span.start.min(block.text.len());
        while !block.text.is_char_boundary(byte) {
            byte -= 1;
        }
        self.block_char_start[span.block] + block.text[..byte].chars().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_separators_and_multibyte_characters() {
        let blocks = vec![
            Block::paragraph("Washington’s own"),
            Block::paragraph("making, and"),
        ];
        let map = OffsetMap::new(&blocks);
        let body = join_blocks(&blocks);
        let offset = map.char_offset(&blocks, Span::new(1, 0, 6));
        assert_eq!(
            body.chars().skip(offset).take(6).collect::<String>(),
            "making"
        );
        let own = blocks[0].text.find("own").unwrap();
        let offset = map.char_offset(&blocks, Span::new(0, own, own + 3));
        assert_eq!(body.chars().skip(offset).take(3).collect::<String>(), "own");
    }

    #[test]
    fn out_of_range_spans_clamp() {
        let blocks = vec![Block::paragraph("abc")];
        let map = OffsetMap::new(&blocks);
        assert_eq!(map.char_offset(&blocks, Span::new(0, 99, 100)), 3);
        assert_eq!(map.char_offset(&blocks, Span::new(7, 0, 1)), 0);
    }
}
