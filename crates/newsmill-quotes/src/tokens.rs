//! Splits block text into word, punctuation and quotation tokens, then into sentences.
//! Quoted stretches are single tokens, so a quotation of several sentences stays whole and
//! the reporter's words around it (where speakers and speech verbs are) are easy to scan.

use std::ops::Range;

use crate::lexicon;
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

/// Characters that join word parts: "al-Maliki", "don't", "U.S", "AT&T".
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | '&')
}

fn push_words(text: &str, range: Range<usize>, out: &mut Vec<Tok>) {
    let slice = &text[range.clone()];
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let start = range.start + i;
        if !c.is_alphanumeric() {
            out.push(Tok {
                kind: TokKind::Punct(c),
                start,
                end: start + c.len_utf8(),
            });
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if d.is_alphanumeric() {
                end = range.start + j + d.len_utf8();
                chars.next();
            } else if is_joiner(d) {
                // Keep the joiner only when a letter or digit follows it.
                let after = slice[j + d.len_utf8()..].chars().next();
                if after.is_some_and(char::is_alphanumeric) {
                    end = range.start + j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        out.push(Tok {
            kind: TokKind::Word,
            start,
            end,
        });
    }
}

/// The tokens of every block. A piece of a quoted run becomes one token spanning its marks.
pub fn tokenize_blocks(texts: &[&str], runs: &[QuotedRun]) -> Vec<Vec<Tok>> {
    let mut quotes: Vec<Vec<(usize, usize, usize, usize)>> = vec![Vec::new(); texts.len()];
    for (r, run) in runs.iter().enumerate() {
        for (p, piece) in run.pieces.iter().enumerate() {
            if let Some(list) = quotes.get_mut(piece.block) {
                list.push((piece.open, piece.close_end.unwrap_or(piece.end), r, p));
            }
        }
    }
    texts
        .iter()
        .zip(quotes.iter_mut())
        .map(|(text, list)| {
            list.sort_unstable();
            let mut toks = Vec::new();
            let mut at = 0;
            for &(start, end, run, piece) in list.iter() {
                if start < at || end > text.len() {
                    continue;
                }
                push_words(text, at..start, &mut toks);
                toks.push(Tok {
                    kind: TokKind::Quote { run, piece },
                    start,
                    end,
                });
                at = end;
            }
            push_words(text, at..text.len(), &mut toks);
            toks
        })
        .collect()
}

fn starts_sentence(tok: &Tok, text: &str) -> bool {
    match tok.kind {
        TokKind::Quote { .. } => true,
        TokKind::Punct(c) => matches!(c, '(' | '[' | '‘' | '\''),
        TokKind::Word => tok
            .text(text)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()),
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

/// Sentence ranges (token index ranges) of one block's tokens. A sentence ends at `.`, `!`
/// or `?` followed by a capitalised word or a quotation (abbreviations excepted), or after a
/// quotation that ends with such a mark and is followed by a new sentence.
pub fn sentences(text: &str, toks: &[Tok]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < toks.len() {
        let tok = &toks[i];
        let ends = match tok.kind {
            TokKind::Punct('.' | '!' | '?' | '…') => {
                let abbreviation = tok.is_punct('.')
                    && i > 0
                    && toks[i - 1].is_word()
                    && toks[i - 1].end == tok.start
                    && lexicon::is_abbreviation(toks[i - 1].text(text));
                !abbreviation
            }
            TokKind::Quote { .. } => quote_ends_sentence(tok, text),
            _ => false,
        };
        if ends {
            // Closing brackets and quotes that trail the full stop stay in this sentence.
            let mut j = i + 1;
            while j < toks.len() && matches!(toks[j].kind, TokKind::Punct(')' | ']' | '’' | '\''))
            {
                j += 1;
            }
            if j >= toks.len() || starts_sentence(&toks[j], text) {
                out.push(start..j);
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if start < toks.len() {
        out.push(start..toks.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marks::find_quoted_runs;
    use newsmill_core::Block;

    fn split(text: &str) -> Vec<String> {
        let blocks = vec![Block::paragraph(text)];
        let runs = find_quoted_runs(&blocks);
        let toks = tokenize_blocks(&[text], &runs);
        sentences(text, &toks[0])
            .into_iter()
            .map(|r| text[toks[0][r.start].start..toks[0][r.end - 1].end].to_string())
            .collect()
    }

    #[test]
    fn words_keep_inner_joiners() {
        let text = "al-Maliki's U.S. plan, don't.";
        let toks = tokenize_blocks(&[text], &[]);
        let words: Vec<&str> = toks[0].iter().map(|t| t.text(text)).collect();
        assert_eq!(
            words,
            vec!["al-Maliki's", "U.S", ".", "plan", ",", "don't", "."]
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
    }

    #[test]
    fn a_question_in_quotes_followed_by_lowercase_stays_one_sentence() {
        assert_eq!(
            split("\"Why?\" he asked. Done."),
            vec!["\"Why?\" he asked.", "Done."]
        );
    }
}
