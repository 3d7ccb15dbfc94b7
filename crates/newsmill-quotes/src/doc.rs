//! The per-article working view the attribution rules read: block texts, tokens,
//! sentences, and speaker candidates with their positions.

use std::ops::Range;

use newsmill_core::Article;

use crate::marks::{find_quoted_runs, QuotedRun};
use crate::names::{self, AliasIndex, Candidate};
use crate::tokens::{view_blocks, Tok};

pub struct Doc<'a> {
    pub texts: Vec<&'a str>,
    pub runs: Vec<QuotedRun>,
    pub toks: Vec<Vec<Tok>>,
    /// Sentences in article order: block and token range.
    pub sents: Vec<(usize, Range<usize>)>,
    /// For each block and token, the index of its sentence in `sents`.
    pub sent_of: Vec<Vec<usize>>,
    pub cands: Vec<Candidate>,
    /// Sentence, first and last token of each candidate (parallel to `cands`).
    pub cand_pos: Vec<(usize, usize, usize)>,
    /// Short names folded into full ones.
    pub aliases: AliasIndex,
    /// Whether candidates came from entity mentions (else from the text scan).
    pub from_mentions: bool,
    /// For each run and piece, the block and token index of its quotation token.
    pub piece_tok: Vec<Vec<(usize, usize)>>,
}

/// Index of the token that contains byte `at`, or the last token starting before it.
pub fn tok_at(toks: &[Tok], at: usize) -> Option<usize> {
    let after = toks.partition_point(|t| t.start <= at);
    after.checked_sub(1)
}

impl<'a> Doc<'a> {
    pub fn new(article: &'a Article, use_mentions: bool) -> Self {
        let texts: Vec<&str> = article
            .blocks
            .iter()
            .map(|b| if b.is_heading() { "" } else { b.text.as_str() })
            .collect();
        let runs = find_quoted_runs(&article.blocks);
        let view = view_blocks(&texts, &newsmill_text::article_tokens(article), &runs);
        let toks = view.toks;
        let mut sents = Vec::new();
        let mut sent_of = Vec::with_capacity(toks.len());
        for (b, block_toks) in toks.iter().enumerate() {
            let mut of = vec![0; block_toks.len()];
            for range in view.sentences[b].iter().cloned() {
                for slot in of.iter_mut().take(range.end).skip(range.start) {
                    *slot = sents.len();
                }
                sents.push((b, range));
            }
            sent_of.push(of);
        }
        let mut piece_tok: Vec<Vec<(usize, usize)>> = runs
            .iter()
            .map(|r| vec![(usize::MAX, usize::MAX); r.pieces.len()])
            .collect();
        for (b, block_toks) in toks.iter().enumerate() {
            for (i, tok) in block_toks.iter().enumerate() {
                if let Some((run, piece)) = tok.quote() {
                    if let Some(slot) = piece_tok.get_mut(run).and_then(|p| p.get_mut(piece)) {
                        *slot = (b, i);
                    }
                }
            }
        }
        let from_mentions = use_mentions && !article.annotations.mentions.is_empty();
        let cands = if from_mentions {
            let inside_quote = |block: usize, at: usize| {
                toks.get(block)
                    .and_then(|t| tok_at(t, at).map(|i| &t[i]))
                    .is_some_and(|t| t.quote().is_some() && at < t.end)
            };
            names::from_mentions(&article.annotations, inside_quote)
        } else {
            names::from_text(&texts, &toks, &sents)
        };
        // Headings are not tokenised (their text is ""), so a mention there has no tokens
        // or sentence to stand in: it cannot be a speaker candidate.
        let mut cands = cands;
        cands.retain(|c| toks.get(c.block).is_some_and(|t| !t.is_empty()));
        let cand_pos = cands
            .iter()
            .map(|c| {
                let block_toks = toks.get(c.block).map_or(&[][..], Vec::as_slice);
                let first = tok_at(block_toks, c.start).unwrap_or(0);
                let last = tok_at(block_toks, c.end.saturating_sub(1))
                    .unwrap_or(first)
                    .max(first);
                let sent = sent_of
                    .get(c.block)
                    .and_then(|s| s.get(first))
                    .copied()
                    .unwrap_or(0);
                (sent, first, last)
            })
            .collect();
        Doc {
            texts,
            runs,
            toks,
            sents,
            sent_of,
            aliases: AliasIndex::new(&cands),
            cands,
            cand_pos,
            from_mentions,
            piece_tok,
        }
    }

    pub fn word(&self, block: usize, tok: usize) -> Option<&'a str> {
        let t = self.toks.get(block)?.get(tok)?;
        t.is_word().then(|| t.text(self.texts[block]))
    }

    pub fn sentence_range(&self, block: usize, tok: usize) -> Range<usize> {
        let s = self
            .sent_of
            .get(block)
            .and_then(|s| s.get(tok))
            .copied()
            .unwrap_or(0);
        self.sents.get(s).map_or(0..0, |(_, r)| r.clone())
    }

    pub fn sentence_of(&self, block: usize, tok: usize) -> usize {
        self.sent_of
            .get(block)
            .and_then(|s| s.get(tok))
            .copied()
            .unwrap_or(0)
    }

    /// The text between two tokens of a block, inclusive.
    pub fn span_text(&self, block: usize, first: usize, last: usize) -> String {
        let toks = &self.toks[block];
        let (Some(a), Some(b)) = (toks.get(first), toks.get(last)) else {
            return String::new();
        };
        self.texts[block]
            .get(a.start..b.end)
            .unwrap_or("")
            .to_string()
    }
}
