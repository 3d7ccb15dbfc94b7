//! Rejoining paragraphs that a page break or a clipping tool split mid-sentence.

use newsmill_core::{Block, BlockKind};

use super::hyphen::Vocabulary;
use super::lines::{
    append_across_break, ends_sentence, ends_with_continuing_word, first_alphanumeric,
    is_list_line, UnwrapStats,
};

/// Words a block needs before a capitalised next block may continue it.
const MIN_FRAGMENT_WORDS: usize = 12;

/// Whether `next` continues the sentence `prev` leaves open. Only plain paragraphs (or two
/// block quotes) join; headings and list items never do; a block that kept its line breaks
/// (a byline, an address) is structure, not a broken sentence.
pub fn continues(prev: &Block, next: &Block) -> bool {
    let same_kind = matches!(
        (prev.kind, next.kind),
        (BlockKind::Paragraph, BlockKind::Paragraph)
            | (BlockKind::BlockQuote, BlockKind::BlockQuote)
    );
    if !same_kind
        || prev.text.contains('\n')
        || is_list_line(&next.text)
        || ends_sentence(&prev.text)
    {
        return false;
    }
    // A paragraph in brackets stands alone: "(after extra time)", "(Reporting by …)".
    if next.text.trim_start().starts_with(['(', '[']) {
        return false;
    }
    let Some(first) = first_alphanumeric(&next.text) else {
        return false;
    };
    // A capitalised next block continues only a long fragment: short ones ending in "on"
    // or "the" are headlines ("Blair to face trust issue head on").
    first.is_lowercase()
        || prev.text.trim_end().ends_with('-')
        || (ends_with_continuing_word(&prev.text)
            && prev.text.split_whitespace().count() >= MIN_FRAGMENT_WORDS)
}

/// Joins split paragraphs in place; returns how many joins were made.
pub fn join_paragraphs(
    blocks: &mut Vec<Block>,
    vocabulary: &mut Option<Vocabulary>,
    make_vocabulary: &dyn Fn() -> Vocabulary,
    stats: &mut UnwrapStats,
) -> u64 {
    let mut joined = 0;
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for block in blocks.drain(..) {
        match out.last_mut() {
            Some(prev) if continues(prev, &block) => {
                append_across_break(
                    &mut prev.text,
                    &block.text,
                    vocabulary,
                    make_vocabulary,
                    stats,
                );
                prev.source = match (prev.source.take(), block.source) {
                    (Some(a), Some(b)) => Some(a.start.min(b.start)..a.end.max(b.end)),
                    _ => None,
                };
                joined += 1;
            }
            _ => out.push(block),
        }
    }
    *blocks = out;
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(texts: &[Block]) -> Vec<String> {
        let mut blocks = texts.to_vec();
        join_paragraphs(
            &mut blocks,
            &mut None,
            &Vocabulary::default,
            &mut UnwrapStats::default(),
        );
        blocks.into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn joins_mid_sentence_splits() {
        let out = join(&[
            Block::paragraph("This “threat,” however, is one of Washington’s own"),
            Block::paragraph("making, and the “common enemy” in Iraq."),
            Block::paragraph(
                "The shipment of missiles and drones was delivered on time, according to the",
            ),
            Block::paragraph("Pentagon, last week."),
            Block::paragraph("Blair to face trust issue head on"),
            Block::paragraph("Tony Blair says he will face the issue."),
        ]);
        assert_eq!(
            out,
            [
                "This “threat,” however, is one of Washington’s own making, and the “common enemy” in Iraq.",
                "The shipment of missiles and drones was delivered on time, according to the Pentagon, last week.",
                "Blair to face trust issue head on",
                "Tony Blair says he will face the issue.",
            ]
        );
    }

    #[test]
    fn never_joins_headings_lists_or_finished_sentences() {
        let out = join(&[
            Block::heading(1, "US prepares strikes"),
            Block::paragraph("against Islamists"),
            Block::paragraph("A sentence ends here."),
            Block::paragraph("and this starts oddly"),
            Block::paragraph("Bill Van Auken\n27 December 2013"),
            Block::paragraph("two years after"),
            Block::paragraph("Chelsea clinch cup in extra-time"),
            Block::paragraph("(after extra-time - score at 90 mins 1-1)"),
            Block {
                kind: BlockKind::ListItem,
                text: "an item".into(),
                source: None,
            },
        ]);
        assert_eq!(out.len(), 9);
    }
}
