//! The token layer's data: each block's tokens and sentences, computed once per article by
//! `newsmill-text` (`newsmill_text::article_tokens`) and read by every stage that needs words
//! (entities, quotes, dates, facts). Core holds only the types and the cache cell, so the
//! article can own its tokens without core knowing how text is tokenised.

use std::ops::Range;
use std::sync::{Arc, Mutex};

/// One token: a byte range into the text of the block it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

impl Token {
    /// The token's text. Token ranges always sit on char boundaries of the text they came from.
    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// The tokens of one block and its sentences as ranges of token indices.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BlockTokens {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Range<usize>>,
}

/// The tokens of every block of an article, parallel to `Article::blocks`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleTokens {
    pub blocks: Vec<BlockTokens>,
}

/// The per-article cache of [`ArticleTokens`], filled on first use. The entry is keyed by a
/// fingerprint of the block texts, so a stage that edits the blocks after the tokens were
/// made (a cleaning stage placed late) gets fresh tokens instead of stale ones.
///
/// A mutex rather than a `OnceLock` because the entry must be replaceable through `&Article`;
/// it is taken once per stage per article, never contended (an article is on one thread).
#[derive(Default)]
pub struct TokenCache(Mutex<Option<(u64, Arc<ArticleTokens>)>>);

impl TokenCache {
    /// The cached tokens when they were made for blocks with this `fingerprint`, else
    /// `fill()`'s, which are then kept.
    pub fn get_or_fill(
        &self,
        fingerprint: u64,
        fill: impl FnOnce() -> ArticleTokens,
    ) -> Arc<ArticleTokens> {
        let mut slot = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match slot.as_ref() {
            Some((key, tokens)) if *key == fingerprint => Arc::clone(tokens),
            _ => {
                let tokens = Arc::new(fill());
                *slot = Some((fingerprint, Arc::clone(&tokens)));
                tokens
            }
        }
    }

    /// Forgets the cached tokens (benchmarks use it to time tokenising too).
    pub fn clear(&self) {
        *self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = None;
    }

    fn entry(&self) -> Option<(u64, Arc<ArticleTokens>)> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }
}

impl Clone for TokenCache {
    /// A clone shares the tokens (they are immutable); the fingerprint still guards them.
    fn clone(&self) -> Self {
        TokenCache(Mutex::new(self.entry()))
    }
}

impl std::fmt::Debug for TokenCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let blocks = self.entry().map(|(_, t)| t.blocks.len());
        f.debug_struct("TokenCache")
            .field("cached_blocks", &blocks)
            .finish()
    }
}

impl PartialEq for TokenCache {
    /// A cache is derived data, not part of the article's value: two articles are equal
    /// whatever their caches hold.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_once_per_fingerprint_and_refills_when_it_changes() {
        let cache = TokenCache::default();
        let mut calls = 0;
        let mut fill = |n: usize| {
            calls += 1;
            ArticleTokens {
                blocks: vec![BlockTokens::default(); n],
            }
        };
        assert_eq!(cache.get_or_fill(1, || fill(1)).blocks.len(), 1);
        assert_eq!(cache.get_or_fill(1, || fill(5)).blocks.len(), 1);
        assert_eq!(cache.get_or_fill(2, || fill(3)).blocks.len(), 3);
        let copy = cache.clone();
        assert_eq!(copy.get_or_fill(2, || fill(9)).blocks.len(), 3);
        cache.clear();
        assert_eq!(cache.get_or_fill(2, || fill(4)).blocks.len(), 4);
        assert_eq!(calls, 3);
    }
}
