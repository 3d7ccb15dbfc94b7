//! The article's token layer: every block tokenised and split into sentences once, kept in the
//! article's [`TokenCache`](newsmill_core::tokens::TokenCache) and shared by the stages that
//! read words (entities, quotes, dates, facts), so none of them tokenises again.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use newsmill_core::tokens::{ArticleTokens, BlockTokens, Token};
use newsmill_core::Article;

use crate::sentences::sentence_token_ranges;
use crate::tokenize::tokenize;

/// The tokens and sentences of one text.
pub fn block_tokens(text: &str) -> BlockTokens {
    let tokens = tokenize(text);
    let sentences = sentence_token_ranges(text, &tokens);
    BlockTokens { tokens, sentences }
}

/// The article's tokens: made on first use, then shared. Made again only when a block's text
/// changed since (the cache is keyed by a hash of the block texts).
pub fn article_tokens(article: &Article) -> Arc<ArticleTokens> {
    article
        .annotations
        .tokens
        .get_or_fill(fingerprint(article), || ArticleTokens {
            blocks: article
                .blocks
                .iter()
                .map(|b| block_tokens(&b.text))
                .collect(),
        })
}

/// A hash of the block texts and their boundaries; costs one pass over the bytes, which is
/// a small fraction of tokenising them.
fn fingerprint(article: &Article) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    article.blocks.len().hash(&mut hasher);
    for block in &article.blocks {
        block.text.hash(&mut hasher);
    }
    hasher.finish()
}

/// Where the period of an abbreviation token ("Dec.", "U.S.", "Mr.") starts, for scanners
/// that read the word and its period apart ("Dec" + "." before a day number). `None` for
/// tokens without a kept period, and for runs of punctuation ("...").
#[inline]
pub fn abbreviation_period(token: &Token, text: &str) -> Option<usize> {
    // Byte checks first: this runs on every token of every stage that reads words.
    let bytes = text.as_bytes();
    if token.end < token.start + 2 || bytes.get(token.end - 1) != Some(&b'.') {
        return None;
    }
    let stem = text.get(token.start..token.end - 1)?;
    stem.chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        .then_some(token.end - 1)
}

/// Whether the token is a clitic the tokeniser split off its host word ("’s", "n't", "'ll").
#[inline]
pub fn is_clitic(token: &Token, text: &str) -> bool {
    // Byte checks first: a clitic starts with an apostrophe (', ’ = E2 80 99, ʼ = CA BC) or "n".
    let first = text.as_bytes().get(token.start).copied();
    if !matches!(first, Some(b'\'' | 0xE2 | 0xCA | b'n' | b'N')) || token.end < token.start + 2 {
        return false;
    }
    let word = token.text(text);
    let mut chars = word.chars();
    match chars.next() {
        Some('\'' | '’' | 'ʼ') => chars.next().is_some_and(char::is_alphabetic),
        Some('n' | 'N') => {
            matches!(chars.next(), Some('\'' | '’' | 'ʼ'))
                && matches!(chars.next(), Some('t' | 'T'))
                && chars.next().is_none()
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmill_core::Block;

    #[test]
    fn tokens_are_made_once_and_again_after_an_edit() {
        let mut article = Article::new("a", "a.txt");
        article.blocks = vec![
            Block::paragraph("He left. She stayed."),
            Block::heading(1, "Title"),
        ];
        let first = article_tokens(&article);
        assert_eq!(first.blocks.len(), 2);
        assert_eq!(first.blocks[0].sentences, [0..3, 3..6]);
        assert!(Arc::ptr_eq(&first, &article_tokens(&article)));
        article.blocks[0].text = "He left.".into();
        let second = article_tokens(&article);
        assert!(!Arc::ptr_eq(&first, &second));
        assert_eq!(second.blocks[0].tokens.len(), 3);
    }

    #[test]
    fn abbreviation_periods_and_clitics() {
        let text = "On Dec. 5 the U.S. didn't say... Smith’s";
        let tokens = tokenize(text);
        let periods: Vec<&str> = tokens
            .iter()
            .filter(|t| abbreviation_period(t, text).is_some())
            .map(|t| t.text(text))
            .collect();
        assert_eq!(periods, ["Dec.", "U.S."]);
        let clitics: Vec<&str> = tokens
            .iter()
            .filter(|t| is_clitic(t, text))
            .map(|t| t.text(text))
            .collect();
        assert_eq!(clitics, ["n't", "’s"]);
    }
}
