//! The per-article working view the attribution rules read: block texts, tokens,
//! sentences, and speaker candidates with their positions.

use std::ops::Range;

use newsmill_core::Article;

use crate::lexicon;
use crate::marks::{find_quoted_runs, QuotedRun};
use crate::names::{self, AliasIndex, CandKind, Candidate};
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
    /// Whether each block is a list item (a reader turns "- Sanders." into the item
    /// "Sanders.").
    pub list_items: Vec<bool>,
    /// The words the article writes in lowercase, built on first use.
    pub lowercase_words: std::cell::OnceCell<rustc_hash::FxHashSet<&'a str>>,
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
        let cand_pos: Vec<(usize, usize, usize)> = cands
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
        if from_mentions {
            widen_cut_names(&texts, &toks, &sents, &mut cands, &cand_pos);
        }
        let mut doc = Doc {
            texts,
            runs,
            toks,
            sents,
            sent_of,
            aliases: AliasIndex::default(),
            cands,
            cand_pos,
            from_mentions,
            piece_tok,
            list_items: article
                .blocks
                .iter()
                .map(|b| b.kind == newsmill_core::BlockKind::ListItem)
                .collect(),
            lowercase_words: std::cell::OnceCell::new(),
        };
        if from_mentions {
            doc.drop_common_openers();
        }
        doc.aliases = AliasIndex::new(&doc.cands);
        doc
    }

    /// The entity stage sometimes takes a capitalised sentence opener for a name
    /// ("Weighing in, …", "Moreover, …"): a one-word mention that opens its sentence and
    /// is a [`Doc::common_opener`] is dropped.
    fn drop_common_openers(&mut self) {
        let keep: Vec<bool> = (0..self.cands.len())
            .map(|c| {
                let (sent, first, last) = self.cand_pos[c];
                let block = self.cands[c].block;
                let opens = self.sents.get(sent).is_some_and(|(_, r)| r.start == first);
                if !opens || first != last {
                    return true;
                }
                !self.common_opener(block, first)
            })
            .collect();
        let mut flags = keep.iter();
        self.cands.retain(|_| *flags.next().unwrap_or(&true));
        let mut flags = keep.iter();
        self.cand_pos.retain(|_| *flags.next().unwrap_or(&true));
    }

    /// Whether the sentence-opening word at `tok` is a common word capitalised by its
    /// position, not a name: a function word, a word the article also writes in lowercase,
    /// or an "-ing" form followed by a preposition or a comma ("Appearing before …").
    pub(crate) fn common_opener(&self, block: usize, tok: usize) -> bool {
        let Some(word) = self.word(block, tok) else {
            return false;
        };
        let ing_opener = word.len() > 5
            && word.ends_with("ing")
            && self.toks[block].get(tok + 1).is_some_and(|t| {
                t.is_punct(',')
                    || self.word(block, tok + 1).is_some_and(|w| {
                        matches!(
                            w,
                            "in" | "on"
                                | "at"
                                | "for"
                                | "before"
                                | "after"
                                | "up"
                                | "off"
                                | "back"
                                | "out"
                                | "into"
                                | "with"
                                | "the"
                                | "a"
                                | "an"
                                | "to"
                                | "from"
                                | "over"
                        )
                    })
            });
        ing_opener || lexicon::is_capitalised_function_word(word) || self.appears_lowercase(word)
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

/// "Stanley B." of "Stanley B. Greenberg": no name ends with a middle initial, so a
/// mention that does (whatever kind the entity stage gave it) takes the capitalised words
/// after the initial's full stop (at most two) and is a person. Returns whether it did.
fn complete_initial(text: &str, toks: &[Tok], cand: &mut Candidate, last: usize) -> bool {
    let words: Vec<&str> = cand.name.split_whitespace().collect();
    let is_initial = |w: &str| {
        let w = w.trim_end_matches('.');
        w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase())
    };
    if words.len() < 2 || !words.last().is_some_and(|w| is_initial(w)) {
        return false;
    }
    let mut n = last + 1;
    if !toks.get(last).is_some_and(|t| t.is_punct('.')) {
        if !toks.get(n).is_some_and(|t| t.is_punct('.')) {
            return false;
        }
        n += 1;
    }
    let mut rest: Vec<&str> = Vec::new();
    while rest.len() < 2 {
        let Some(t) = toks.get(n).filter(|t| t.is_word()) else {
            break;
        };
        let w = t.text(text);
        let stem = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w);
        if !names::is_capitalised(stem)
            || lexicon::is_capitalised_function_word(stem)
            || lexicon::is_role_word(stem)
            || lexicon::is_org_name_word(stem)
        {
            break;
        }
        rest.push(stem);
        n += 1;
        if stem.len() < w.len() {
            break;
        }
    }
    if rest.is_empty() {
        return false;
    }
    let head = cand.name.trim_end_matches('.');
    cand.name = format!("{head}. {}", rest.join(" "));
    cand.kind = CandKind::Person;
    true
}

/// The entity stage sometimes cuts a name short ("Economy Ministry" of "the Finance and
/// Economy Ministry said", "Roger C" of "Roger C. Altman"). Where the text's capitalised run
/// around a mention has more words, of the same kind, and holds every word of the
/// mention's name, that candidate takes the fuller name, so pronouns, roles and
/// continuations that later point back at it name it in full too. Only that candidate:
/// the entity stage may have merged it with mentions of something else ("Eric Trump" and
/// "Eric Trump Foundation").
fn widen_cut_names(
    texts: &[&str],
    toks: &[Vec<Tok>],
    sents: &[(usize, Range<usize>)],
    cands: &mut [Candidate],
    cand_pos: &[(usize, usize, usize)],
) {
    // Candidates are in text order, so one sentence's runs are built once.
    let mut cached: Option<(usize, Vec<names::NameRun>)> = None;
    for (cand, &(sent, first, last)) in cands.iter_mut().zip(cand_pos) {
        if let Some(block_toks) = toks.get(cand.block) {
            if complete_initial(texts[cand.block], block_toks, cand, last) {
                continue;
            }
        }
        if cand.kind == CandKind::Other {
            continue;
        }
        let Some((block, range)) = sents.get(sent) else {
            continue;
        };
        if cached.as_ref().map(|(s, _)| *s) != Some(sent) {
            let runs = names::name_runs(texts[*block], &toks[*block], range.clone(), range.start);
            cached = Some((sent, runs));
        }
        let Some((_, runs)) = cached.as_ref() else {
            continue;
        };
        let mention_words = toks[*block]
            .get(first..=last)
            .map_or(0, |t| t.iter().filter(|t| t.is_word()).count());
        let Some(run) = runs.iter().find(|run| {
            run.first_tok <= first
                && run.last_tok >= last
                && run.words.len() > mention_words
                && run.kind == cand.kind
        }) else {
            continue;
        };
        let short: Vec<&str> = cand.name.split_whitespace().collect();
        let holds_all = short.iter().all(|w| run.words.iter().any(|r| r == w));
        // At most two words more, none a role or title ("Senate Majority Leader"). A
        // person's name is cut at its end ("Nick Van"); words before it are a title or a
        // qualifier ("Rival", "Pastor"), and an organisation word after it names something
        // else ("Eric Trump Foundation").
        let person = cand.kind == CandKind::Person;
        let extra: Vec<&str> = run
            .words
            .iter()
            .copied()
            .filter(|r| !short.contains(r))
            .collect();
        let plain_extra = extra.len() <= 2
            && extra.iter().all(|w| {
                let names_something_else = lexicon::is_role_word(w)
                    || lexicon::is_title(w)
                    || (person && lexicon::is_org_name_word(w));
                !names_something_else
            })
            && (!person || run.words.first() == short.first());
        if holds_all && plain_extra && run.words.len() <= 5 {
            cand.name = run.name();
        }
    }
}
