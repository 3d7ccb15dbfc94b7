//! Finds quoted stretches in the body blocks: pairs opening and closing double quotation
//! marks (curly, straight, low-9 and guillemets), follows quotations across paragraphs
//! (the opening mark is repeated at each paragraph start and the closing mark left out
//! until the last one) and recovers from a missing closing mark at the paragraph end, so a
//! stray mark never swallows the rest of the article. Two apostrophes `''` are a straight
//! double mark (New York Times copy prints quotations as ''...''). Single quotes are never
//! paired: inside a quotation they are part of its text, and elsewhere they are mostly
//! apostrophes.

use newsmill_core::Block;

/// One contiguous part of a quotation inside one block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub block: usize,
    /// Byte offset of the opening mark.
    pub open: usize,
    /// The quoted text, without marks.
    pub start: usize,
    pub end: usize,
    /// Byte offset just after the closing mark, when the piece has one.
    pub close_end: Option<usize>,
}

/// A quotation as the marks delimit it: one piece, or several when it runs over paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotedRun {
    pub pieces: Vec<Piece>,
}

impl QuotedRun {
    /// Whether the last piece ends with a closing mark.
    pub fn closed(&self) -> bool {
        self.pieces.last().is_some_and(|p| p.close_end.is_some())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Open,
    Close,
}

const OPENING_PUNCTUATION: &str = "([{—–-/:";
const CLOSING_PUNCTUATION: &str = ",.;:!?)]}—–-/…";

/// The double quotation mark at byte `at`, as the mark it stands for and its length in
/// bytes: two apostrophes stand for a straight mark.
pub fn mark_at(text: &str, at: usize) -> Option<(char, usize)> {
    let rest = text.get(at..)?;
    let c = rest.chars().next()?;
    if matches!(c, '"' | '“' | '”' | '„' | '«' | '»') {
        Some((c, c.len_utf8()))
    } else if rest.starts_with("''") {
        Some(('"', 2))
    } else {
        None
    }
}

/// Byte offsets from `from` on where a quotation mark may start: an ASCII `"` or `'`, or
/// the lead byte of a curly or angle mark (`“ ” „` start with 0xE2, `« »` with 0xC2). Lead
/// bytes are never UTF-8 continuation bytes, so each offset is a char boundary; scanning
/// bytes instead of decoding every char keeps mark-free prose cheap.
fn mark_candidates(text: &str, from: usize) -> impl Iterator<Item = usize> + '_ {
    text.as_bytes()
        .iter()
        .enumerate()
        .skip(from)
        .filter(|(_, b)| matches!(b, b'"' | b'\'' | 0xE2 | 0xC2))
        .map(|(at, _)| at)
}

/// Decides whether the mark at `at` (`len` bytes) opens or closes, from its neighbours and
/// the state.
fn side(text: &str, at: usize, (mark, len): (char, usize), inside: bool) -> Side {
    let prev = text[..at].chars().next_back();
    let next = text[at + len..].chars().next();
    let open_context = prev.map_or(true, |c| {
        c.is_whitespace() || OPENING_PUNCTUATION.contains(c)
    }) && next.is_some_and(|c| !c.is_whitespace());
    let close_context = next.map_or(true, |c| {
        c.is_whitespace() || CLOSING_PUNCTUATION.contains(c)
    }) && prev.is_some_and(|c| !c.is_whitespace());
    let toggle = if inside { Side::Close } else { Side::Open };
    match mark {
        '“' | '„' | '«' => {
            if inside && close_context && !open_context {
                Side::Close
            } else {
                Side::Open
            }
        }
        '”' | '»' => {
            if !inside && open_context && !close_context {
                Side::Open
            } else {
                Side::Close
            }
        }
        _ => match (open_context, close_context) {
            (true, false) => Side::Open,
            (false, true) => Side::Close,
            _ => toggle,
        },
    }
}

/// Whether a block's text starts with an opening mark (after leading whitespace); returns
/// the byte offset of the mark.
fn leading_open_mark(text: &str) -> Option<usize> {
    let at = text.len() - text.trim_start().len();
    let mark = mark_at(text, at)?;
    (side(text, at, mark, false) == Side::Open).then_some(at)
}

fn trimmed_end(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

/// Whether the text before a repeated opening mark ends a paragraph-like unit, so the mark
/// continues the quotation (BBC files merge paragraphs into one line) instead of showing
/// that the closing mark went missing.
fn ends_unit(text: &str) -> bool {
    text.trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…' | ':'))
}

/// Longest quotation nested inside another, in bytes ("“hell”", a title, a slogan).
const MAX_NESTED_LEN: usize = 120;

/// For an opening mark inside an open quotation, its text starting at `from`: where the
/// nested quotation's closing mark ends, when the next two marks of the block both close
/// (the nested one's, then the outer one's) and the first comes within
/// [`MAX_NESTED_LEN`] bytes. Otherwise the outer quotation lost its closing mark.
fn nested_close(text: &str, from: usize) -> Option<usize> {
    let mut marks = mark_candidates(text, from)
        .filter_map(|at| mark_at(text, at).map(|mark| (at, mark)))
        // The second apostrophe of a '' pair is no mark of its own.
        .scan(0, |skip_to, (at, mark)| {
            if at < *skip_to {
                return Some(None);
            }
            *skip_to = at + mark.1;
            Some(Some((at, mark)))
        })
        .flatten();
    let (inner_at, inner) = marks.next()?;
    let (outer_at, outer) = marks.next()?;
    let closes = |at: usize, mark: (char, usize)| side(text, at, mark, true) == Side::Close;
    (inner_at - from <= MAX_NESTED_LEN && closes(inner_at, inner) && closes(outer_at, outer))
        .then_some(inner_at + inner.1)
}

/// Longest run of blocks one quotation may span; longer means the marks are broken.
const MAX_BLOCKS_PER_RUN: usize = 12;

/// Finds every quoted run in the blocks, in text order. Heading blocks are skipped and end
/// any open quotation.
pub fn find_quoted_runs(blocks: &[Block]) -> Vec<QuotedRun> {
    let mut runs = Vec::new();
    let mut current: Option<QuotedRun> = None;
    let mut piece_start: Option<(usize, usize)> = None; // (open mark, text start) in this block
    for (b, block) in blocks.iter().enumerate() {
        let text = block.text.as_str();
        if block.is_heading() {
            if let Some(run) = current.take() {
                runs.push(run);
            }
            piece_start = None;
            continue;
        }
        let mut from = 0;
        if current.is_some() {
            // An unclosed quotation continues only if this paragraph opens with a mark.
            match leading_open_mark(text) {
                Some(at)
                    if current
                        .as_ref()
                        .is_some_and(|r| r.pieces.len() < MAX_BLOCKS_PER_RUN) =>
                {
                    let len = mark_at(text, at).map_or(1, |m| m.1);
                    piece_start = Some((at, at + len));
                    from = at + len;
                }
                _ => {
                    if let Some(run) = current.take() {
                        runs.push(run);
                    }
                }
            }
        }
        let mut next = from;
        for at in mark_candidates(text, from) {
            if at < next {
                continue; // the second apostrophe of ''
            }
            let Some(mark) = mark_at(text, at) else {
                continue;
            };
            let len = mark.1;
            next = at + len;
            let inside = piece_start.is_some();
            match (side(text, at, mark, inside), piece_start) {
                (Side::Open, None) => {
                    piece_start = Some((at, at + len));
                    current.get_or_insert_with(|| QuotedRun { pieces: Vec::new() });
                }
                (Side::Open, Some((open, _)))
                    if mark_at(text, open).is_some_and(|outer| outer.0 == mark.0)
                        && nested_close(text, at + len).is_some() =>
                {
                    // “… what he calls “hell” than live …”: a quotation opened with the
                    // same mark inside the open one, and closed before it, is part of its
                    // text. (A straight pair around curly ones is a wrapper, not a
                    // quotation: ""“…,” Rubio responded …"".)
                    next = nested_close(text, at + len).unwrap_or(next);
                }
                (Side::Open, Some((open, start))) => {
                    let end = trimmed_end(text, start, at);
                    let piece = Piece {
                        block: b,
                        open,
                        start,
                        end,
                        close_end: None,
                    };
                    let run = current.get_or_insert_with(|| QuotedRun { pieces: Vec::new() });
                    run.pieces.push(piece);
                    if !ends_unit(&text[start..at]) {
                        // The closing mark went missing: end that quotation here.
                        if let Some(run) = current.take() {
                            runs.push(run);
                        }
                        current = Some(QuotedRun { pieces: Vec::new() });
                    }
                    piece_start = Some((at, at + len));
                }
                (Side::Close, Some((open, start))) => {
                    let piece = Piece {
                        block: b,
                        open,
                        start,
                        end: at,
                        close_end: Some(at + len),
                    };
                    let mut run = current.take().unwrap_or(QuotedRun { pieces: Vec::new() });
                    run.pieces.push(piece);
                    runs.push(run);
                    piece_start = None;
                }
                (Side::Close, None) => {} // a stray closing mark
            }
        }
        if let Some((open, start)) = piece_start.take() {
            let end = trimmed_end(text, start, text.len());
            let run = current.get_or_insert_with(|| QuotedRun { pieces: Vec::new() });
            run.pieces.push(Piece {
                block: b,
                open,
                start,
                end,
                close_end: None,
            });
        }
    }
    if let Some(run) = current.take() {
        runs.push(run);
    }
    runs.retain(|r| r.pieces.iter().any(|p| p.end > p.start));
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(blocks: &[Block]) -> Vec<Vec<String>> {
        find_quoted_runs(blocks)
            .iter()
            .map(|r| {
                r.pieces
                    .iter()
                    .map(|p| blocks[p.block].text[p.start..p.end].to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_quotation_nested_with_the_same_marks_stays_inside() {
        let blocks = vec![
            Block::paragraph("“I would rather live in what he calls “hell” than here.” ― Ann Berg"),
            // An opening mark with one closing mark after it opens a quotation of its
            // own (here the one before went on, its sentence being closed).
            Block::paragraph("“We lost, he said. “We will win” next time, she said."),
            // A straight pair around curly ones is a wrapper, not a nesting: the curly
            // quotation is the one its attribution names.
            Block::paragraph("\"“We win,” Rubio responded before adding more.\""),
        ];
        assert_eq!(
            texts(&blocks),
            [
                vec!["I would rather live in what he calls “hell” than here."],
                vec!["We lost, he said.", "We will win"],
                vec!["We win,"],
            ]
        );
    }

    #[test]
    fn pairs_curly_and_straight_marks() {
        let blocks = vec![Block::paragraph(
            "He said “we will win” and \"they lost\" today.",
        )];
        assert_eq!(texts(&blocks), vec![vec!["we will win"], vec!["they lost"]]);
    }

    #[test]
    fn two_apostrophes_pair_as_double_marks() {
        let blocks = vec![Block::paragraph(
            "''It is over,'' he said, ''and we won.'' It wasn't Jones' fault.",
        )];
        assert_eq!(
            texts(&blocks),
            vec![vec!["It is over,"], vec!["and we won."]]
        );
    }

    #[test]
    fn single_quotes_stay_inside() {
        let blocks = vec![Block::paragraph(
            "He said: \"Brown told him: 'Never.'\" Then left.",
        )];
        assert_eq!(texts(&blocks), vec![vec!["Brown told him: 'Never.'"]]);
    }

    #[test]
    fn follows_a_quotation_over_paragraphs() {
        let blocks = vec![
            Block::paragraph("He said: “First part."),
            Block::paragraph("“Second part.”"),
            Block::paragraph("Narration with “term” here."),
        ];
        assert_eq!(
            texts(&blocks),
            vec![vec!["First part.", "Second part."], vec!["term"]]
        );
    }

    #[test]
    fn repeated_mark_inside_one_block_continues_after_a_full_stop() {
        let blocks = vec![Block::paragraph(
            "\"If in doubt retain. \"But destroy nothing.\" The end.",
        )];
        assert_eq!(
            texts(&blocks),
            vec![vec!["If in doubt retain.", "But destroy nothing."]]
        );
    }

    #[test]
    fn unclosed_quotation_stops_at_the_paragraph_end() {
        let blocks = vec![
            Block::paragraph("He said “this never closes"),
            Block::paragraph("Next paragraph has “a quote” inside."),
        ];
        assert_eq!(
            texts(&blocks),
            vec![vec!["this never closes"], vec!["a quote"]]
        );
    }

    #[test]
    fn missing_close_mid_block_recovers_at_the_next_opening() {
        let blocks = vec![Block::paragraph("He said “first, and then “second” ended.")];
        assert_eq!(
            texts(&blocks),
            vec![vec!["first, and then"], vec!["second"]]
        );
    }

    #[test]
    fn headings_are_skipped_and_bad_input_does_not_panic() {
        let blocks = vec![
            Block::heading(1, "“Title”"),
            Block::paragraph("\"\"\" “ ” ” é\""),
        ];
        let _ = find_quoted_runs(&blocks);
        assert!(texts(&blocks[..1]).is_empty());
    }
}
