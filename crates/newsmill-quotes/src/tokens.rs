//! The attribution rules' view of the article's shared tokens (newsmill-text): words,
//! punctuation and quotation tokens. Quoted stretches are single tokens, so a quotation of
//! several sentences stays whole and the reporter's words around it (where speakers and speech
//! verbs are) are easy to scan.
//!
//! The view does not tokenise. It reads the shared tokens the way the name and cue rules
//! match words: a clitic stays on its host ("al-Maliki's", "don't"), an abbreviation's period
//! is punctuation ("Mr" + "."), a run of punctuation is one token per mark; and it takes the
//! shared sentences, except that no sentence ends inside a quotation.

use std::ops::Range;

use newsmill_text::{abbreviation_period, is_clitic, ArticleTokens, BlockTokens, Token};

use crate::marks::QuotedRun;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Punct(char),
    /// A quoted stretch: the index of its run and of the piece inside the run.
    Quote {
        run: usize,
        piece: usize,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub kind: TokKind,
    pub start: usize,
    pub end: usize,
}

impl Tok {
    pub fn text<'a>(&self, block_text: &'a str) -> &'a str {
        block_text.get(self.start..self.end).unwrap_or("")
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }

    pub fn quote(&self) -> Option<(usize, usize)> {
        match self.kind {
            TokKind::Quote { run, piece } => Some((run, piece)),
            _ => None,
        }
    }
}

/// Each block's view tokens and sentences (token index ranges into them).
pub struct Blocks {
    pub toks: Vec<Vec<Tok>>,
    pub sentences: Vec<Vec<Range<usize>>>,
}

/// The view of every block. `texts` are the block texts the rules read (a heading's is
/// empty); `shared` the article's tokens; a piece of a quoted run becomes one token spanning
/// its marks.
pub fn view_blocks(texts: &[&str], shared: &ArticleTokens, runs: &[QuotedRun]) -> Blocks {
    let mut quotes: Vec<Vec<(usize, usize, usize, usize)>> = vec![Vec::new(); texts.len()];
    for (r, run) in runs.iter().enumerate() {
        for (p, piece) in run.pieces.iter().enumerate() {
            if let Some(list) = quotes.get_mut(piece.block) {
                list.push((piece.open, piece.close_end.unwrap_or(piece.end), r, p));
            }
        }
    }
    let empty = BlockTokens::default();
    let mut out = Blocks {
        toks: Vec::with_capacity(texts.len()),
        sentences: Vec::with_capacity(texts.len()),
    };
    for (b, (text, list)) in texts.iter().zip(quotes.iter_mut()).enumerate() {
        let block = match shared.blocks.get(b) {
            Some(block) if !text.is_empty() => block,
            _ => &empty,
        };
        list.sort_unstable();
        let (toks, sentences) = block_view(text, block, list);
        out.toks.push(toks);
        out.sentences.push(sentences);
    }
    out
}

/// The view tokens of texts that are not an article's blocks (tests, callers without an
/// article): their shared tokens are made here.
pub fn tokenize_blocks(texts: &[&str], runs: &[QuotedRun]) -> Vec<Vec<Tok>> {
    let shared = ArticleTokens {
        blocks: texts
            .iter()
            .map(|t| newsmill_text::block_tokens(t))
            .collect(),
    };
    view_blocks(texts, &shared, runs).toks
}

fn block_view(
    text: &str,
    block: &BlockTokens,
    quotes: &[(usize, usize, usize, usize)],
) -> (Vec<Tok>, Vec<Range<usize>>) {
    let mut toks = Vec::with_capacity(block.tokens.len());
    // Whether a shared sentence ends after each view token.
    let mut ends = Vec::with_capacity(block.tokens.len());
    let mut pending = quotes.iter().filter(|q| q.1 <= text.len()).peekable();
    let mut quote_end = 0;
    for sentence in &block.sentences {
        let shared = block.tokens.get(sentence.clone()).unwrap_or_default();
        for (k, token) in shared.iter().enumerate() {
            while pending.peek().is_some_and(|q| q.0 < quote_end) {
                pending.next(); // overlaps the quotation before it
            }
            if let Some(&&quote) = pending.peek() {
                if token.end > quote.0 {
                    pending.next();
                    quote_end = push_quote(quote, &mut toks, &mut ends);
                }
            }
            if token.start < quote_end {
                continue; // inside a quotation
            }
            push_token(text, token, &mut toks, &mut ends);
            if k + 1 == shared.len() {
                if let Some(last) = ends.last_mut() {
                    *last = true;
                }
            }
        }
        // A sentence ending inside the quotation ends with it when the quotation is the
        // sentence's last token.
        if let (Some(last), Some(tok)) = (ends.last_mut(), toks.last()) {
            if tok.quote().is_some() && shared.last().is_some_and(|t| t.end <= tok.end) {
                *last = quote_ends_sentence(tok, text);
            }
        }
    }
    for &quote in pending {
        if quote.0 >= quote_end {
            quote_end = push_quote(quote, &mut toks, &mut ends);
        }
    }
    keep_parentheses_whole(&toks, &mut ends);
    let mut sentences = Vec::new();
    let mut start = 0;
    for (i, end) in ends.iter().enumerate() {
        if *end {
            sentences.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < toks.len() {
        sentences.push(start..toks.len());
    }
    (toks, sentences)
}

/// The longest parenthesis (in view tokens) kept inside one sentence.
const MAX_PAREN_TOKENS: usize = 8;

/// No sentence ends inside a short parenthesis: the shared splitter ends one at the periods
/// of a state abbreviation ("Sen. Chuck Schumer (D-N.Y.) said" splits after "D-N."), which
/// cuts the speaker off from the verb. The sentence end moves to after the ")" (or stays
/// where the splitter put it when that comes later). Bounded: only parentheses that close
/// within [`MAX_PAREN_TOKENS`] tokens count, so a stray "(" changes nothing.
fn keep_parentheses_whole(toks: &[Tok], ends: &mut [bool]) {
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].is_punct('(') {
            i += 1;
            continue;
        }
        let limit = (i + 1 + MAX_PAREN_TOKENS).min(toks.len());
        let Some(close) = (i + 1..limit).find(|&k| toks[k].is_punct(')') || toks[k].is_punct('('))
        else {
            i += 1;
            continue;
        };
        if toks[close].is_punct(')') {
            let inner_end = (i..close).any(|k| ends[k]);
            if inner_end {
                // "(See below.) Next …": a sentence that ended at the bracket ends after it.
                let ended_at_bracket = ends[close - 1];
                for slot in &mut ends[i..close] {
                    *slot = false;
                }
                ends[close] |= ended_at_bracket;
            }
        }
        i = close;
    }
}

/// Pushes the token of a quoted piece (open, close, run, piece); returns where it ends.
fn push_quote(
    (open, close, run, piece): (usize, usize, usize, usize),
    toks: &mut Vec<Tok>,
    ends: &mut Vec<bool>,
) -> usize {
    toks.push(Tok {
        kind: TokKind::Quote { run, piece },
        start: open,
        end: close,
    });
    ends.push(false);
    close
}

/// One shared token as the rules read it.
fn push_token(text: &str, token: &Token, toks: &mut Vec<Tok>, ends: &mut Vec<bool>) {
    let word = token.text(text);
    if is_clitic(token, text) {
        if let Some(host) = toks.last_mut() {
            if host.is_word() && host.end == token.start {
                host.end = token.end;
                return;
            }
        }
    }
    // Leading marks ("#tag", "...", "-5") are punctuation, one per mark.
    let mut at = token.start;
    for c in word.chars().take_while(|c| !c.is_alphanumeric()) {
        toks.push(Tok {
            kind: TokKind::Punct(c),
            start: at,
            end: at + c.len_utf8(),
        });
        ends.push(false);
        at += c.len_utf8();
    }
    if at == token.end {
        return;
    }
    let word_end = abbreviation_period(token, text).unwrap_or(token.end);
    toks.push(Tok {
        kind: TokKind::Word,
        start: at,
        end: word_end,
    });
    ends.push(false);
    if word_end < token.end {
        toks.push(Tok {
            kind: TokKind::Punct('.'),
            start: word_end,
            end: token.end,
        });
        ends.push(false);
    }
}

fn quote_ends_sentence(tok: &Tok, text: &str) -> bool {
    let inner = text.get(tok.start..tok.end).unwrap_or("");
    let inner = inner.trim_end_matches(['"', '”', '»', '\'', ' ']);
    inner
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marks::find_quoted_runs;
    use newsmill_core::Block;

    fn split(text: &str) -> Vec<String> {
        let blocks = vec![Block::paragraph(text)];
        let runs = find_quoted_runs(&blocks);
        let shared = ArticleTokens {
            blocks: vec![newsmill_text::block_tokens(text)],
        };
        let view = view_blocks(&[text], &shared, &runs);
        view.sentences[0]
            .iter()
            .map(|r| text[view.toks[0][r.start].start..view.toks[0][r.end - 1].end].to_string())
            .collect()
    }

    #[test]
    fn words_keep_clitics_and_inner_joiners() {
        let text = "al-Maliki's U.S. plan, don't... #vote Mr. Smith’s";
        let toks = tokenize_blocks(&[text], &[]);
        let words: Vec<&str> = toks[0].iter().map(|t| t.text(text)).collect();
        assert_eq!(
            words,
            vec![
                "al-Maliki's",
                "U.S",
                ".",
                "plan",
                ",",
                "don't",
                ".",
                ".",
                ".",
                "#",
                "vote",
                "Mr",
                ".",
                "Smith’s"
            ]
        );
    }

    #[test]
    fn quotations_are_atomic_and_end_sentences_only_before_a_new_one() {
        let text = "\"We won. It is over,\" he said. \"Next.\" Mr Smith agreed. Gen. Jones left.";
        assert_eq!(
            split(text),
            vec![
                "\"We won. It is over,\" he said.",
                "\"Next.\"",
                "Mr Smith agreed.",
                "Gen. Jones left."
            ]
        );
        let text = "“We won. It is over.” Then it rained. “Fine,” he said.";
        assert_eq!(
            split(text),
            vec![
                "“We won. It is over.”",
                "Then it rained.",
                "“Fine,” he said."
            ]
        );
    }

    #[test]
    fn a_question_in_quotes_followed_by_lowercase_stays_one_sentence() {
        assert_eq!(
            split("\"Why?\" he asked. Done."),
            vec!["\"Why?\" he asked.", "Done."]
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "\"",
            "“",
            "’s",
            "\"a",
            "a\" b\" c",
            "O'Neill said 'yes'",
        ] {
            let _ = split(text);
        }
    }
}
