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
///
/// Each query costs at most [`CHECKPOINT_BYTES`] of counting: a block's character count is
/// recorded every that many bytes, so an article of one 10 MB block with 100,000 spans is
/// one pass over the text, not one pass per span.
#[derive(Debug, Clone)]
pub struct OffsetMap {
    /// Character offset at which each block starts in the body text.
    block_char_start: Vec<usize>,
    /// Where each block's checkpoints start in `checkpoints` (one more entry at the end).
    block_checkpoints: Vec<usize>,
    /// (byte, characters before it) at the first char boundary past each multiple of
    /// [`CHECKPOINT_BYTES`] in a block.
    checkpoints: Vec<(usize, usize)>,
}

/// Bytes between two checkpoints of [`OffsetMap`].
pub const CHECKPOINT_BYTES: usize = 1024;

impl OffsetMap {
    pub fn new(blocks: &[Block]) -> Self {
        let sep = BLOCK_SEPARATOR.chars().count();
        let mut starts = Vec::with_capacity(blocks.len());
        let mut block_checkpoints = Vec::with_capacity(blocks.len() + 1);
        let mut checkpoints = Vec::new();
        let mut at = 0;
        for block in blocks {
            starts.push(at);
            block_checkpoints.push(checkpoints.len());
            let mut next = CHECKPOINT_BYTES;
            let mut chars = 0;
            for (byte, _) in block.text.char_indices() {
                if byte >= next {
                    checkpoints.push((byte, chars));
                    next = (byte / CHECKPOINT_BYTES + 1) * CHECKPOINT_BYTES;
                }
                chars += 1;
            }
            at += chars + sep;
        }
        block_checkpoints.push(checkpoints.len());
        OffsetMap {
            block_char_start: starts,
            block_checkpoints,
            checkpoints,
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
        let marks = &self.checkpoints
            [self.block_checkpoints[span.block]..self.block_checkpoints[span.block + 1]];
        let (from, chars) = match marks.partition_point(|&(b, _)| b <= byte) {
            0 => (0, 0),
            k => marks[k - 1],
        };
        self.block_char_start[span.block] + chars + block.text[from..byte].chars().count()
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
    fn long_blocks_use_checkpoints_and_agree_with_counting() {
        let long = "é ab “x” ".repeat(2_000);
        let blocks = vec![
            Block::paragraph("short"),
            Block::paragraph(long.clone()),
            Block::paragraph(long),
        ];
        let map = OffsetMap::new(&blocks);
        let body: Vec<char> = join_blocks(&blocks).chars().collect();
        for b in 0..blocks.len() {
            for (byte, c) in blocks[b].text.char_indices().step_by(7) {
                let offset = map.char_offset(&blocks, Span::new(b, byte, byte + 1));
                assert_eq!(body[offset], c, "block {b} byte {byte}");
            }
        }
        // Inside a multi-byte character: the character's own offset.
        let inside = map.char_offset(&blocks, Span::new(1, 1, 2));
        assert_eq!(inside, map.char_offset(&blocks, Span::new(1, 0, 2)));
    }

    #[test]
    fn out_of_range_spans_clamp() {
        let blocks = vec![Block::paragraph("abc")];
        let map = OffsetMap::new(&blocks);
        assert_eq!(map.char_offset(&blocks, Span::new(0, 99, 100)), 3);
        assert_eq!(map.char_offset(&blocks, Span::new(7, 0, 1)), 0);
    }
}
